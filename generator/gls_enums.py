"""The enum values each streamed command accepts, for the worker's checks.

For every GLenum parameter (the C type GLenum: GLint parameters such as
glTexImage2D's internalformat report bad values as GL_INVALID_VALUE in
OpenGL ES 2.0, and the driver checks them) the accepted set is, by default,
the parameter's gl.xml `group` restricted to the values OpenGL ES 2.0
(feature GL_ES_VERSION_2_0) and the extensions glstream can advertise
(protocol/extensions.txt) require. Group membership and availability are
taken by value, so aliases count (GL_TEXTURE_MAX_ANISOTROPY_EXT is
GL_TEXTURE_MAX_ANISOTROPY, in TextureParameterName).

gl.xml's groups serve every API at once: some miss ES 2.0 values
(PixelType has no GL_UNSIGNED_SHORT_5_6_5) and most are wider than ES 2.0
allows for the command (TextureTarget for glBindTexture). SETS below
replaces them where that matters; PARAM_SETS says which parameter uses
which set. Each value is available in ES 2.0 itself or with the
extensions that require it; `NAME@EXT|EXT` pins a value to the extensions
that make it valid for this use (GL_FLOAT texels need OES_texture_float
though GL_FLOAT itself is core). `+Group` takes a gl.xml group's values,
`-NAME` drops one.

An extension-only value is accepted at run time only when that extension
is advertised to the client (the worker's context keeps the bits).
"""
import sys

# The exact ES 2.0 sets (OpenGL ES 2.0.25 specification and man pages),
# with the extensions that widen them.
SETS = {
    # glBindTexture, glTexParameter*, glGetTexParameter*, glGenerateMipmap
    'TextureBindTarget': ['GL_TEXTURE_2D', 'GL_TEXTURE_CUBE_MAP',
                          'GL_TEXTURE_EXTERNAL_OES@GL_OES_EGL_image_external',
                          'GL_TEXTURE_3D', 'GL_TEXTURE_2D_ARRAY'],  # es3 textures
    # glPixelStorei on the wire: the alignments only. EXT_unpack_subimage's
    # row length and skips are applied by the client, which sends rows
    # packed; a row length reaching the driver would make it read other
    # bytes than the worker checked.
    'PixelStoreWire': ['GL_PACK_ALIGNMENT', 'GL_UNPACK_ALIGNMENT'],
    # external textures have no mipmaps (OES_EGL_image_external)
    'MipmapTarget': ['GL_TEXTURE_2D', 'GL_TEXTURE_CUBE_MAP',
                     'GL_TEXTURE_3D', 'GL_TEXTURE_2D_ARRAY'],  # es3 textures
    # glTexImage2D & co, glFramebufferTexture2D's textarget: a 2D image
    'TextureImageTarget': ['GL_TEXTURE_2D', 'GL_TEXTURE_CUBE_MAP_POSITIVE_X', 'GL_TEXTURE_CUBE_MAP_NEGATIVE_X',
                           'GL_TEXTURE_CUBE_MAP_POSITIVE_Y', 'GL_TEXTURE_CUBE_MAP_NEGATIVE_Y',
                           'GL_TEXTURE_CUBE_MAP_POSITIVE_Z', 'GL_TEXTURE_CUBE_MAP_NEGATIVE_Z'],
    # EnableCap also lists GL_TEXTURE_2D (a capability of OpenGL ES 1 only)
    'EnableCap': ['GL_BLEND', 'GL_CULL_FACE', 'GL_DEPTH_TEST', 'GL_DITHER', 'GL_POLYGON_OFFSET_FILL',
                  'GL_SAMPLE_ALPHA_TO_COVERAGE', 'GL_SAMPLE_COVERAGE', 'GL_SCISSOR_TEST', 'GL_STENCIL_TEST',
                  # (es3.2 draw32: core in ES 3.2)
                  'GL_DEBUG_OUTPUT_KHR@GL_KHR_debug|GL_ES_VERSION_3_2',
                  'GL_DEBUG_OUTPUT_SYNCHRONOUS_KHR@GL_KHR_debug|GL_ES_VERSION_3_2',
                  # EXT_clip_cull_distance (an ES 3.0 extension)
                  'GL_CLIP_DISTANCE0_EXT', 'GL_CLIP_DISTANCE1_EXT', 'GL_CLIP_DISTANCE2_EXT', 'GL_CLIP_DISTANCE3_EXT',
                  'GL_CLIP_DISTANCE4_EXT', 'GL_CLIP_DISTANCE5_EXT', 'GL_CLIP_DISTANCE6_EXT', 'GL_CLIP_DISTANCE7_EXT',
                  # es3 vertex (RASTERIZER_DISCARD serves transform feedback too)
                  'GL_PRIMITIVE_RESTART_FIXED_INDEX', 'GL_RASTERIZER_DISCARD',
                  # es3.2 draw32
                  'GL_SAMPLE_SHADING@GL_ES_VERSION_3_2',
                  # es3.2 ext32: on by default; off, advanced blending needs glBlendBarrier
                  'GL_BLEND_ADVANCED_COHERENT_KHR'],
    # ES 2.0 draws 16-bit indices at most; 32-bit ones with OES_element_index_uint
    'DrawElementsType': ['GL_UNSIGNED_BYTE', 'GL_UNSIGNED_SHORT',
                         'GL_UNSIGNED_INT@GL_OES_element_index_uint|GL_ES_VERSION_3_0'],
    # ES 2.0 has no integer attributes (INT and UNSIGNED_INT are ES 3.0)
    'VertexAttribPointerType': ['GL_BYTE', 'GL_UNSIGNED_BYTE', 'GL_SHORT', 'GL_UNSIGNED_SHORT', 'GL_FIXED',
                                'GL_FLOAT', 'GL_HALF_FLOAT_OES@GL_OES_vertex_half_float',
                                # es3 vertex
                                'GL_INT@GL_ES_VERSION_3_0', 'GL_UNSIGNED_INT@GL_ES_VERSION_3_0', 'GL_HALF_FLOAT',
                                'GL_INT_2_10_10_10_REV', 'GL_UNSIGNED_INT_2_10_10_10_REV'],
    # glTexImage2D, glTexSubImage2D format (PixelFormat lacks the
    # extensions' formats and lists GL_UNSIGNED_SHORT/INT as formats)
    'TexturePixelFormat': ['GL_ALPHA', 'GL_LUMINANCE', 'GL_LUMINANCE_ALPHA', 'GL_RGB', 'GL_RGBA',
                           'GL_DEPTH_COMPONENT@GL_OES_depth_texture|GL_ES_VERSION_3_0',
                           'GL_DEPTH_STENCIL_OES@GL_OES_packed_depth_stencil|GL_ES_VERSION_3_0',
                           'GL_RED_EXT@GL_EXT_texture_rg|GL_ES_VERSION_3_0',
                           'GL_RG_EXT@GL_EXT_texture_rg|GL_ES_VERSION_3_0',
                           'GL_BGRA_EXT@GL_EXT_texture_format_BGRA8888',
                           # es3 textures: ES 3.0 table 3.2
                           'GL_RED_INTEGER', 'GL_RG_INTEGER', 'GL_RGB_INTEGER', 'GL_RGBA_INTEGER'],
    # glTexImage2D, glTexSubImage2D type (PixelType lacks GL_UNSIGNED_SHORT_5_6_5;
    # BYTE, SHORT, INT are ES 3.0 texel types)
    'TexturePixelType': ['GL_UNSIGNED_BYTE', 'GL_UNSIGNED_SHORT_5_6_5', 'GL_UNSIGNED_SHORT_4_4_4_4',
                         'GL_UNSIGNED_SHORT_5_5_5_1',
                         'GL_UNSIGNED_SHORT@GL_OES_depth_texture|GL_ES_VERSION_3_0',
                         'GL_UNSIGNED_INT@GL_OES_depth_texture|GL_ES_VERSION_3_0',
                         'GL_UNSIGNED_INT_24_8_OES@GL_OES_packed_depth_stencil|GL_ES_VERSION_3_0',
                         'GL_HALF_FLOAT_OES@GL_OES_texture_half_float',
                         'GL_FLOAT@GL_OES_texture_float|GL_ES_VERSION_3_0',
                         # es3 textures: ES 3.0 table 3.2
                         'GL_BYTE@GL_ES_VERSION_3_0', 'GL_SHORT@GL_ES_VERSION_3_0', 'GL_INT@GL_ES_VERSION_3_0',
                         'GL_HALF_FLOAT', 'GL_UNSIGNED_INT_2_10_10_10_REV', 'GL_UNSIGNED_INT_10F_11F_11F_REV',
                         'GL_UNSIGNED_INT_5_9_9_9_REV', 'GL_FLOAT_32_UNSIGNED_INT_24_8_REV'],
    # glReadPixels: ES 2.0 reads colour only; the implementation-chosen pair
    # (GL_IMPLEMENTATION_COLOR_READ_FORMAT/TYPE) of a half-float or float
    # colour buffer is accepted where those texels are.
    'ReadPixelFormat': ['GL_ALPHA', 'GL_RGB', 'GL_RGBA',
                        'GL_BGRA_EXT@GL_EXT_read_format_bgra',
                        'GL_RED_EXT@GL_EXT_texture_rg|GL_ES_VERSION_3_0', 'GL_RG_EXT@GL_EXT_texture_rg|GL_ES_VERSION_3_0',
                        # es3 framebuffers: integer buffers (ES 3.0 4.3.1)
                        'GL_RGBA_INTEGER', 'GL_RGB_INTEGER', 'GL_RG_INTEGER', 'GL_RED_INTEGER'],
    'ReadPixelType': ['GL_UNSIGNED_BYTE', 'GL_UNSIGNED_SHORT_5_6_5', 'GL_UNSIGNED_SHORT_4_4_4_4',
                      'GL_UNSIGNED_SHORT_5_5_5_1',
                      'GL_UNSIGNED_SHORT_4_4_4_4_REV_EXT@GL_EXT_read_format_bgra',
                      'GL_UNSIGNED_SHORT_1_5_5_5_REV_EXT@GL_EXT_read_format_bgra',
                      'GL_HALF_FLOAT_OES@GL_OES_texture_half_float',
                      'GL_FLOAT@GL_OES_texture_float|GL_ES_VERSION_3_0',
                      # es3 framebuffers: ES 3.0 4.3.1 and the implementation's pairs
                      'GL_BYTE@GL_ES_VERSION_3_0', 'GL_SHORT@GL_ES_VERSION_3_0',
                      'GL_UNSIGNED_SHORT@GL_ES_VERSION_3_0', 'GL_INT@GL_ES_VERSION_3_0',
                      'GL_UNSIGNED_INT@GL_ES_VERSION_3_0', 'GL_HALF_FLOAT',
                      'GL_UNSIGNED_INT_2_10_10_10_REV', 'GL_UNSIGNED_INT_10F_11F_11F_REV',
                      'GL_UNSIGNED_INT_5_9_9_9_REV'],
    # ES 2.0 allows GL_SRC_ALPHA_SATURATE as a source factor only (4.1.3);
    # EXT_blend_func_extended allows it as a destination factor too
    'BlendDstFactor': ['+BlendingFactor', '-GL_SRC_ALPHA_SATURATE',
                       'GL_SRC_ALPHA_SATURATE@GL_EXT_blend_func_extended'],
    # glRenderbufferStorage: the sized formats of ES 2.0 table 4.5 and the
    # extensions' (InternalFormat also has unsized and compressed formats)
    'RenderbufferFormat': ['GL_RGBA4', 'GL_RGB5_A1', 'GL_RGB565', 'GL_DEPTH_COMPONENT16', 'GL_STENCIL_INDEX8',
                           'GL_DEPTH_COMPONENT24_OES', 'GL_DEPTH24_STENCIL8_OES',
                           'GL_RGB8_OES@GL_OES_rgb8_rgba8', 'GL_RGBA8_OES@GL_OES_rgb8_rgba8|GL_ARM_rgba8',
                           'GL_R8_EXT@GL_EXT_texture_rg|GL_ES_VERSION_3_0', 'GL_RG8_EXT@GL_EXT_texture_rg|GL_ES_VERSION_3_0',
                           # es3 framebuffers: the renderable sized formats of ES 3.0
                           # (table 3.13; no float colour without EXT_color_buffer_float)
                           'GL_RGB8_OES@GL_OES_rgb8_rgba8|GL_ES_VERSION_3_0',
                           'GL_RGBA8_OES@GL_OES_rgb8_rgba8|GL_ARM_rgba8|GL_ES_VERSION_3_0',
                           'GL_RGB10_A2', 'GL_RGB10_A2UI', 'GL_SRGB8_ALPHA8',
                           'GL_R8I', 'GL_R8UI', 'GL_R16I', 'GL_R16UI', 'GL_R32I', 'GL_R32UI',
                           'GL_RG8I', 'GL_RG8UI', 'GL_RG16I', 'GL_RG16UI', 'GL_RG32I', 'GL_RG32UI',
                           'GL_RGBA8I', 'GL_RGBA8UI', 'GL_RGBA16I', 'GL_RGBA16UI', 'GL_RGBA32I', 'GL_RGBA32UI',
                           'GL_DEPTH_COMPONENT24@GL_OES_depth24|GL_ES_VERSION_3_0',
                           'GL_DEPTH_COMPONENT32F', 'GL_DEPTH32F_STENCIL8',
                           'GL_DEPTH24_STENCIL8@GL_OES_packed_depth_stencil|GL_ES_VERSION_3_0',
                           # float colour buffers (an ES 3.0 extension)
                           'GL_R16F@GL_EXT_color_buffer_float', 'GL_RG16F@GL_EXT_color_buffer_float',
                           'GL_RGBA16F@GL_EXT_color_buffer_float', 'GL_R32F@GL_EXT_color_buffer_float',
                           'GL_RG32F@GL_EXT_color_buffer_float', 'GL_RGBA32F@GL_EXT_color_buffer_float',
                           'GL_R11F_G11F_B10F@GL_EXT_color_buffer_float'],
    # glCompressedTex(Sub)Image2D: ES 2.0 itself has no compressed format;
    # see COMPRESSED_FROM below
    'CompressedTextureFormat': [
        # es3 textures: ES 3.0's ETC2/EAC formats (3.8.6, table 3.19)
        'GL_COMPRESSED_R11_EAC', 'GL_COMPRESSED_SIGNED_R11_EAC', 'GL_COMPRESSED_RG11_EAC',
        'GL_COMPRESSED_SIGNED_RG11_EAC', 'GL_COMPRESSED_RGB8_ETC2', 'GL_COMPRESSED_SRGB8_ETC2',
        'GL_COMPRESSED_RGB8_PUNCHTHROUGH_ALPHA1_ETC2', 'GL_COMPRESSED_SRGB8_PUNCHTHROUGH_ALPHA1_ETC2',
        'GL_COMPRESSED_RGBA8_ETC2_EAC', 'GL_COMPRESSED_SRGB8_ALPHA8_ETC2_EAC'],
    # no extension glstream advertises defines a shader binary format
    'ShaderBinaryFormat': [],

    # OpenGL ES 3.0 sets, by feature group (docs/es3.md)
    # es3 buffers

    # es3 textures
    # glTexImage3D & co: a 3D image
    'Texture3DTarget': ['GL_TEXTURE_3D', 'GL_TEXTURE_2D_ARRAY'],
    # glTexStorage2D
    'TextureStorage2DTarget': ['GL_TEXTURE_2D@GL_ES_VERSION_3_0', 'GL_TEXTURE_CUBE_MAP@GL_ES_VERSION_3_0'],
    # glTexStorage2D/3D: the sized formats of ES 3.0 tables 3.13 and 3.14,
    # (with the extensions' compressed formats: COMPRESSED_FROM)
    'TextureStorageFormat': ['GL_R8', 'GL_R8_SNORM', 'GL_R16F', 'GL_R32F', 'GL_R8UI', 'GL_R8I', 'GL_R16UI',
                             'GL_R16I', 'GL_R32UI', 'GL_R32I', 'GL_RG8', 'GL_RG8_SNORM', 'GL_RG16F', 'GL_RG32F',
                             'GL_RG8UI', 'GL_RG8I', 'GL_RG16UI', 'GL_RG16I', 'GL_RG32UI', 'GL_RG32I', 'GL_RGB8',
                             'GL_SRGB8', 'GL_RGB565@GL_ES_VERSION_3_0', 'GL_RGB8_SNORM', 'GL_R11F_G11F_B10F',
                             'GL_RGB9_E5', 'GL_RGB16F', 'GL_RGB32F', 'GL_RGB8UI', 'GL_RGB8I', 'GL_RGB16UI',
                             'GL_RGB16I', 'GL_RGB32UI', 'GL_RGB32I', 'GL_RGBA8', 'GL_SRGB8_ALPHA8', 'GL_RGBA8_SNORM',
                             'GL_RGB5_A1@GL_ES_VERSION_3_0', 'GL_RGBA4@GL_ES_VERSION_3_0', 'GL_RGB10_A2',
                             'GL_RGBA16F', 'GL_RGBA32F', 'GL_RGBA8UI', 'GL_RGBA8I', 'GL_RGB10_A2UI', 'GL_RGBA16UI',
                             'GL_RGBA16I', 'GL_RGBA32I', 'GL_RGBA32UI',
                             'GL_DEPTH_COMPONENT16@GL_ES_VERSION_3_0', 'GL_DEPTH_COMPONENT24',
                             'GL_DEPTH_COMPONENT32F', 'GL_DEPTH24_STENCIL8', 'GL_DEPTH32F_STENCIL8',
                             # and the compressed ones (ES 3.0 3.8.4)
                             'GL_COMPRESSED_R11_EAC', 'GL_COMPRESSED_SIGNED_R11_EAC', 'GL_COMPRESSED_RG11_EAC',
                             'GL_COMPRESSED_SIGNED_RG11_EAC', 'GL_COMPRESSED_RGB8_ETC2', 'GL_COMPRESSED_SRGB8_ETC2',
                             'GL_COMPRESSED_RGB8_PUNCHTHROUGH_ALPHA1_ETC2',
                             'GL_COMPRESSED_SRGB8_PUNCHTHROUGH_ALPHA1_ETC2', 'GL_COMPRESSED_RGBA8_ETC2_EAC',
                             'GL_COMPRESSED_SRGB8_ALPHA8_ETC2_EAC'],
    # es3 framebuffers
    # glGet/SamplerParameter*: the ES 3.0 sampler state (table 6.10); the
    # host (ES 3.2) would also take border colours
    'SamplerPName': ['GL_TEXTURE_MIN_FILTER', 'GL_TEXTURE_MAG_FILTER', 'GL_TEXTURE_WRAP_S', 'GL_TEXTURE_WRAP_T',
                     'GL_TEXTURE_WRAP_R', 'GL_TEXTURE_MIN_LOD', 'GL_TEXTURE_MAX_LOD', 'GL_TEXTURE_COMPARE_MODE',
                     'GL_TEXTURE_COMPARE_FUNC',
                     'GL_TEXTURE_MAX_ANISOTROPY_EXT@GL_EXT_texture_filter_anisotropic'],
    # glGetInternalformativ: renderbuffers only in ES 3.0 (multisample
    # textures are ES 3.1)
    'InternalformatTarget': ['GL_RENDERBUFFER@GL_ES_VERSION_3_0'],
    'InternalformatPName': ['GL_SAMPLES@GL_ES_VERSION_3_0', 'GL_NUM_SAMPLE_COUNTS'],
    # glClearBuffer*: the buffers each form clears (ES 3.0 4.2.3)
    'ClearBufferivBuffer': ['GL_COLOR', 'GL_STENCIL'],
    'ClearBufferuivBuffer': ['GL_COLOR'],
    'ClearBufferfvBuffer': ['GL_COLOR', 'GL_DEPTH'],
    'ClearBufferfiBuffer': ['GL_DEPTH_STENCIL@GL_ES_VERSION_3_0'],
    # glReadBuffer (ES 3.0 4.3.1): the gl.xml group stops at attachment 15,
    # where the driver answers GL_INVALID_OPERATION up to 31
    'ReadBufferSrc': ['GL_NONE', 'GL_BACK'] + ['GL_COLOR_ATTACHMENT%d@GL_ES_VERSION_3_0' % i for i in range(32)],
    # glGetFramebufferAttachmentParameteriv: ES 3.0 also asks the default
    # framebuffer (GL_BACK, GL_DEPTH, GL_STENCIL; 6.1.13)
    'FramebufferAttachmentQuery': ['+FramebufferAttachment', 'GL_BACK@GL_ES_VERSION_3_0',
                                   'GL_DEPTH@GL_ES_VERSION_3_0', 'GL_STENCIL@GL_ES_VERSION_3_0'],

    # es3 vertex

    # es3 state
    # glHint: gl.xml's group also lists GL_PROGRAM_BINARY_RETRIEVABLE_HINT,
    # a glProgramParameteri pname
    'HintTarget': ['GL_GENERATE_MIPMAP_HINT', 'GL_FRAGMENT_SHADER_DERIVATIVE_HINT'],

    # es3.1 compute
    # glBindImageTexture: the access and the image unit formats of ES 3.1
    # table 8.27, checked by the worker (both GL_INVALID_VALUE, as Mesa)
    'ImageAccess': ['GL_READ_ONLY@GL_ES_VERSION_3_1', 'GL_WRITE_ONLY@GL_ES_VERSION_3_1',
                    'GL_READ_WRITE@GL_ES_VERSION_3_1'],
    'ImageFormat': ['GL_RGBA32F@GL_ES_VERSION_3_1', 'GL_RGBA16F@GL_ES_VERSION_3_1', 'GL_R32F@GL_ES_VERSION_3_1',
                    'GL_RGBA32UI@GL_ES_VERSION_3_1', 'GL_RGBA16UI@GL_ES_VERSION_3_1',
                    'GL_RGBA8UI@GL_ES_VERSION_3_1', 'GL_R32UI@GL_ES_VERSION_3_1', 'GL_RGBA32I@GL_ES_VERSION_3_1',
                    'GL_RGBA16I@GL_ES_VERSION_3_1', 'GL_RGBA8I@GL_ES_VERSION_3_1', 'GL_R32I@GL_ES_VERSION_3_1',
                    'GL_RGBA8@GL_ES_VERSION_3_1', 'GL_RGBA8_SNORM@GL_ES_VERSION_3_1'],

    # es3.1 program
    # the interfaces of ES 3.1 (7.3.1); gl.xml's group also holds desktop
    # ones. GL_TRANSFORM_FEEDBACK_BUFFER (OpenGL 4.4) is not of ES, but
    # Mesa's ES contexts answer it like the others: kept, as natively.
    # Values outside reach the driver as 0 (server/glss_program31.c).
    'ProgramInterfaceES': ['GL_UNIFORM@GL_ES_VERSION_3_1', 'GL_UNIFORM_BLOCK', 'GL_ATOMIC_COUNTER_BUFFER@GL_ES_VERSION_3_1',
                           'GL_PROGRAM_INPUT', 'GL_PROGRAM_OUTPUT', 'GL_TRANSFORM_FEEDBACK_VARYING@GL_ES_VERSION_3_1',
                           'GL_BUFFER_VARIABLE', 'GL_SHADER_STORAGE_BLOCK',
                           'GL_TRANSFORM_FEEDBACK_BUFFER@GL_ES_VERSION_3_1'],
    'ProgramInterfacePNameES': ['GL_ACTIVE_RESOURCES', 'GL_MAX_NAME_LENGTH', 'GL_MAX_NUM_ACTIVE_VARIABLES'],

    # es3.1 draw

    # es3.1 texfb
    # glTexStorage2DMultisample (ES 3.1 8.8; 3.2 adds the array target)
    'TextureStorage2DMultisampleTarget': ['GL_TEXTURE_2D_MULTISAMPLE@GL_ES_VERSION_3_1'],
    # glGetTexLevelParameter*v: every target with images (ES 3.1 8.10.3)
    'TexLevelParameterTarget': ['GL_TEXTURE_2D@GL_ES_VERSION_3_1', 'GL_TEXTURE_3D@GL_ES_VERSION_3_1',
                                'GL_TEXTURE_2D_ARRAY@GL_ES_VERSION_3_1', 'GL_TEXTURE_2D_MULTISAMPLE',
                                'GL_TEXTURE_CUBE_MAP_POSITIVE_X@GL_ES_VERSION_3_1',
                                'GL_TEXTURE_CUBE_MAP_NEGATIVE_X@GL_ES_VERSION_3_1',
                                'GL_TEXTURE_CUBE_MAP_POSITIVE_Y@GL_ES_VERSION_3_1',
                                'GL_TEXTURE_CUBE_MAP_NEGATIVE_Y@GL_ES_VERSION_3_1',
                                'GL_TEXTURE_CUBE_MAP_POSITIVE_Z@GL_ES_VERSION_3_1',
                                'GL_TEXTURE_CUBE_MAP_NEGATIVE_Z@GL_ES_VERSION_3_1'],
    # glFramebufferParameteri (ES 3.1 9.2.1; GL_FRAMEBUFFER_DEFAULT_LAYERS is 3.2's)
    'FramebufferParameterName31': ['GL_FRAMEBUFFER_DEFAULT_WIDTH', 'GL_FRAMEBUFFER_DEFAULT_HEIGHT',
                                   'GL_FRAMEBUFFER_DEFAULT_SAMPLES',
                                   'GL_FRAMEBUFFER_DEFAULT_FIXED_SAMPLE_LOCATIONS'],

    # es3.2 draw32
    # glEnablei / glDisablei / glIsEnabledi: GL_BLEND is the indexed
    # capability of ES 3.2; Mesa takes the scissor test of viewport 0 too
    # (its viewport arrays, not offered, add the others): the driver
    # checks the index
    'IndexedEnableCap': ['GL_BLEND@GL_ES_VERSION_3_2', 'GL_SCISSOR_TEST@GL_ES_VERSION_3_2'],
    # glBlendEquation(i) take the KHR_blend_equation_advanced equations of
    # ES 3.2 too; glBlendEquationSeparate(i) do not (ES 3.2 15.1.5.1)
    'BlendEquationModeAdvanced': ['+BlendEquationModeEXT',
                                  'GL_MULTIPLY@GL_ES_VERSION_3_2', 'GL_SCREEN@GL_ES_VERSION_3_2', 'GL_OVERLAY@GL_ES_VERSION_3_2',
                                  'GL_DARKEN@GL_ES_VERSION_3_2', 'GL_LIGHTEN@GL_ES_VERSION_3_2', 'GL_COLORDODGE@GL_ES_VERSION_3_2',
                                  'GL_COLORBURN@GL_ES_VERSION_3_2', 'GL_HARDLIGHT@GL_ES_VERSION_3_2', 'GL_SOFTLIGHT@GL_ES_VERSION_3_2',
                                  'GL_DIFFERENCE@GL_ES_VERSION_3_2', 'GL_EXCLUSION@GL_ES_VERSION_3_2', 'GL_HSL_HUE@GL_ES_VERSION_3_2',
                                  'GL_HSL_SATURATION@GL_ES_VERSION_3_2', 'GL_HSL_COLOR@GL_ES_VERSION_3_2', 'GL_HSL_LUMINOSITY@GL_ES_VERSION_3_2'],

    # es3.2 geomtess
    # every draw's mode: ES 2.0's, and the adjacency modes and patches of
    # ES 3.2 (10.1.11-10.1.15); PrimitiveType also lists GL_QUADS, a
    # tessellation layout but no ES draw mode
    'DrawMode': ['GL_POINTS', 'GL_LINES', 'GL_LINE_LOOP', 'GL_LINE_STRIP', 'GL_TRIANGLES',
                 'GL_TRIANGLE_STRIP', 'GL_TRIANGLE_FAN',
                 'GL_LINES_ADJACENCY@GL_ES_VERSION_3_2', 'GL_LINE_STRIP_ADJACENCY@GL_ES_VERSION_3_2',
                 'GL_TRIANGLES_ADJACENCY@GL_ES_VERSION_3_2', 'GL_TRIANGLE_STRIP_ADJACENCY@GL_ES_VERSION_3_2',
                 'GL_PATCHES@GL_ES_VERSION_3_2'],

    # es3.2 layered
    # glTexStorage3DMultisample (ES 3.2 8.8): the array target only
    'TextureStorage3DMultisampleTarget': ['GL_TEXTURE_2D_MULTISAMPLE_ARRAY@GL_ES_VERSION_3_2'],

    # es3.2 tex32
    'TextureBufferTarget': ['GL_TEXTURE_BUFFER@GL_ES_VERSION_3_2'],

}

# es3.1 texfb: multisample textures are bound, parameterised and attached
# (glFramebufferTexture2D's textarget, ES 3.1 9.2.8) like the others;
# GL_SAMPLE_MASK is a capability
SETS['TextureBindTarget'] = SETS['TextureBindTarget'] + ['GL_TEXTURE_2D_MULTISAMPLE']
SETS['FramebufferTexture2DTarget'] = SETS['TextureImageTarget'] + ['GL_TEXTURE_2D_MULTISAMPLE']
SETS['EnableCap'] = SETS['EnableCap'] + ['GL_SAMPLE_MASK']
# glGetInternalformativ also asks of multisample textures (ES 3.1 20.3)
SETS['InternalformatTarget'] = SETS['InternalformatTarget'] + ['GL_TEXTURE_2D_MULTISAMPLE']

# es3.2 tex32: cube map arrays are bound, have parameters and mipmaps, and
# take 3D images and storage (layer-faces as depth; glss_memory.c)
for _name in ('TextureBindTarget', 'MipmapTarget', 'Texture3DTarget'):
    SETS[_name] = SETS[_name] + ['GL_TEXTURE_CUBE_MAP_ARRAY@GL_ES_VERSION_3_2']
# es3.2 tex32: texture buffers are bound (their parameters are the driver's
# GL_INVALID_ENUM); glTexBuffer* take that target only. Not a buffer
# binding target here: the worker sizes buffers through the bindings it
# tracks (glss_buffers.c)
SETS['TextureBindTarget'] = SETS['TextureBindTarget'] + ['GL_TEXTURE_BUFFER@GL_ES_VERSION_3_2']
# es3.2 layered: multisample array textures are bound, asked of
# (glGetInternalformativ, level parameters) and attached like 2D
# multisample ones; level parameters of cube map arrays and buffer textures
# (GL_TEXTURE_BUFFER_* of ES 3.2 table 21.11) too. GL_STENCIL_INDEX8 is a
# texture format of ES 3.2 (8.5, table 8.11), uploaded as GL_STENCIL_INDEX
# / GL_UNSIGNED_BYTE; GL_FRAMEBUFFER_DEFAULT_LAYERS a framebuffer parameter
for _name in ('TextureBindTarget', 'InternalformatTarget', 'TexLevelParameterTarget'):
    SETS[_name] = SETS[_name] + ['GL_TEXTURE_2D_MULTISAMPLE_ARRAY@GL_ES_VERSION_3_2']
SETS['TexLevelParameterTarget'] = SETS['TexLevelParameterTarget'] + ['GL_TEXTURE_CUBE_MAP_ARRAY@GL_ES_VERSION_3_2',
                                                                     'GL_TEXTURE_BUFFER@GL_ES_VERSION_3_2']
SETS['TextureStorageFormat'] = SETS['TextureStorageFormat'] + ['GL_STENCIL_INDEX8@GL_ES_VERSION_3_2']
SETS['TexturePixelFormat'] = SETS['TexturePixelFormat'] + ['GL_STENCIL_INDEX@GL_ES_VERSION_3_2']
SETS['FramebufferParameterName31'] = SETS['FramebufferParameterName31'] + ['GL_FRAMEBUFFER_DEFAULT_LAYERS@GL_ES_VERSION_3_2']

# es3.2 tex32: the border colour is sampler state in ES 3.2 (table 21.12)
SETS['SamplerPName'] = SETS['SamplerPName'] + ['GL_TEXTURE_BORDER_COLOR@GL_ES_VERSION_3_2']

# es3 framebuffers: glGetInternalformativ asks of any renderable format,
# and the unsized RGB and RGBA are colour-renderable (ES 3.0 4.4.4)
SETS['InternalformatQueryFormat'] = SETS['RenderbufferFormat'] + ['GL_RGB@GL_ES_VERSION_3_0',
                                                                  'GL_RGBA@GL_ES_VERSION_3_0']

# Sets that also take every value any advertised extension whose name
# contains one of these words requires (so a new compression extension
# in protocol/extensions.txt needs no edit here).
COMPRESSED_FROM = {'CompressedTextureFormat': ('compress',), 'TextureStorageFormat': ('compress',)}

# (command, parameter) -> set name in SETS, or None: not checked (why).
# Parameters not listed use their gl.xml group.
PARAM_SETS = {
    ('glBindTexture', 'target'): 'TextureBindTarget',
    ('glTexParameterf', 'target'): 'TextureBindTarget',
    ('glTexParameterfv', 'target'): 'TextureBindTarget',
    ('glTexParameteri', 'target'): 'TextureBindTarget',
    ('glTexParameteriv', 'target'): 'TextureBindTarget',
    ('glGetTexParameterfv', 'target'): 'TextureBindTarget',
    ('glGetTexParameteriv', 'target'): 'TextureBindTarget',
    ('glGenerateMipmap', 'target'): 'MipmapTarget',
    ('glPixelStorei', 'pname'): 'PixelStoreWire',
    ('glTexImage2D', 'target'): 'TextureImageTarget',
    ('glTexSubImage2D', 'target'): 'TextureImageTarget',
    ('glCopyTexImage2D', 'target'): 'TextureImageTarget',
    ('glCopyTexSubImage2D', 'target'): 'TextureImageTarget',
    ('glCompressedTexImage2D', 'target'): 'TextureImageTarget',
    ('glCompressedTexSubImage2D', 'target'): 'TextureImageTarget',
    ('glFramebufferTexture2D', 'textarget'): 'TextureImageTarget',
    ('glBlendFunc', 'dfactor'): 'BlendDstFactor',
    ('glBlendFuncSeparate', 'dfactorRGB'): 'BlendDstFactor',
    ('glBlendFuncSeparate', 'dfactorAlpha'): 'BlendDstFactor',
    ('glEnable', 'cap'): 'EnableCap',
    ('glDisable', 'cap'): 'EnableCap',
    ('glIsEnabled', 'cap'): 'EnableCap',
    ('glDrawElements', 'type'): 'DrawElementsType',
    ('glVertexAttribPointer', 'type'): 'VertexAttribPointerType',
    ('glTexImage2D', 'format'): 'TexturePixelFormat',
    ('glTexSubImage2D', 'format'): 'TexturePixelFormat',
    ('glTexImage2D', 'type'): 'TexturePixelType',
    ('glTexSubImage2D', 'type'): 'TexturePixelType',
    ('glReadPixels', 'format'): 'ReadPixelFormat',
    ('glReadPixels', 'type'): 'ReadPixelType',
    ('glRenderbufferStorage', 'internalformat'): 'RenderbufferFormat',
    ('glCompressedTexImage2D', 'internalformat'): 'CompressedTextureFormat',
    # es3 textures: the driver checks the texture's own format first (an
    # uncompressed image: GL_INVALID_OPERATION whatever the format); a
    # compressed image exists only through glCompressedTexImage*, whose
    # format is checked, and the data's size is imageSize either way
    ('glCompressedTexSubImage2D', 'format'): None,
    # the ES 2.0 man page reports a bad internalformat here as
    # GL_INVALID_VALUE, not GL_INVALID_ENUM: the driver checks it
    ('glCopyTexImage2D', 'internalformat'): None,
    # any format of GL_SHADER_BINARY_FORMATS is valid, a list the driver
    # owns (empty on Mesa): the driver checks it
    ('glShaderBinary', 'binaryFormat'): None,
    # checked by hand with the image id (server/glss_image.c)
    ('glEGLImageTargetTexture2DOES', 'target'): None,
    ('glEGLImageTargetRenderbufferStorageOES', 'target'): None,
    # KHR_debug: the driver checks them (server/glss_gl_debug.c)
    ('glObjectLabelKHR', 'identifier'): None,
    ('glGetObjectLabelKHR', 'identifier'): None,
    ('glDebugMessageControlKHR', 'source'): None,
    ('glDebugMessageControlKHR', 'type'): None,
    ('glDebugMessageControlKHR', 'severity'): None,
    ('glDebugMessageInsertKHR', 'source'): None,
    ('glDebugMessageInsertKHR', 'type'): None,
    ('glDebugMessageInsertKHR', 'severity'): None,
    ('glPushDebugGroupKHR', 'source'): None,
    ('glGetPointervKHR', 'pname'): None,
    # glGet* pnames: the state tables (server/glss_get_table.c) know how
    # many values each writes, and gate extension pnames with
    # glss_enum_available(); GetPName misses many ES 2.0 pnames
    ('glGetBooleanv', 'pname'): None,
    ('glGetIntegerv', 'pname'): None,
    ('glGetFloatv', 'pname'): None,
    ('glGetTexParameterfv', 'pname'): None,
    ('glGetTexParameteriv', 'pname'): None,
    ('glGetBufferParameteriv', 'pname'): None,
    ('glGetRenderbufferParameteriv', 'pname'): None,
    ('glGetFramebufferAttachmentParameteriv', 'pname'): None,
    ('glGetProgramiv', 'pname'): None,
    ('glGetShaderiv', 'pname'): None,
    ('glGetVertexAttribfv', 'pname'): None,
    ('glGetVertexAttribiv', 'pname'): None,

    # OpenGL ES 3.0, by feature group (docs/es3.md)
    # es3 buffers
    # the buffer bindings of the context decide (server/glss_buffers.c)
    ('glCopyBufferSubData', 'readTarget'): None,
    ('glCopyBufferSubData', 'writeTarget'): None,

    # es3 textures
    ('glTexImage3D', 'target'): 'Texture3DTarget',
    ('glTexSubImage3D', 'target'): 'Texture3DTarget',
    ('glCopyTexSubImage3D', 'target'): 'Texture3DTarget',
    ('glCompressedTexImage3D', 'target'): 'Texture3DTarget',
    ('glCompressedTexSubImage3D', 'target'): 'Texture3DTarget',
    ('glTexStorage3D', 'target'): 'Texture3DTarget',
    ('glTexStorage2D', 'target'): 'TextureStorage2DTarget',
    ('glTexImage3D', 'format'): 'TexturePixelFormat',
    ('glTexSubImage3D', 'format'): 'TexturePixelFormat',
    ('glTexImage3D', 'type'): 'TexturePixelType',
    ('glTexSubImage3D', 'type'): 'TexturePixelType',
    ('glCompressedTexImage3D', 'internalformat'): 'CompressedTextureFormat',
    ('glCompressedTexSubImage3D', 'format'): None,  # as glCompressedTexSubImage2D's
    ('glTexStorage2D', 'internalformat'): 'TextureStorageFormat',
    ('glTexStorage3D', 'internalformat'): 'TextureStorageFormat',

    # es3 framebuffers
    ('glRenderbufferStorageMultisample', 'internalformat'): 'RenderbufferFormat',
    ('glGetInternalformativ', 'target'): 'InternalformatTarget',
    ('glGetInternalformativ', 'internalformat'): 'InternalformatQueryFormat',
    ('glGetInternalformativ', 'pname'): 'InternalformatPName',
    ('glSamplerParameteri', 'pname'): 'SamplerPName',
    ('glSamplerParameterf', 'pname'): 'SamplerPName',
    ('glSamplerParameteriv', 'pname'): 'SamplerPName',
    ('glSamplerParameterfv', 'pname'): 'SamplerPName',
    ('glGetSamplerParameteriv', 'pname'): 'SamplerPName',
    ('glGetSamplerParameterfv', 'pname'): 'SamplerPName',
    ('glClearBufferiv', 'buffer'): 'ClearBufferivBuffer',
    ('glClearBufferuiv', 'buffer'): 'ClearBufferuivBuffer',
    ('glClearBufferfv', 'buffer'): 'ClearBufferfvBuffer',
    ('glClearBufferfi', 'buffer'): 'ClearBufferfiBuffer',
    ('glGetFramebufferAttachmentParameteriv', 'attachment'): 'FramebufferAttachmentQuery',
    ('glReadBuffer', 'src'): 'ReadBufferSrc',

    # es3 vertex
    # glVertexAttribIPointer: VertexAttribIType as is (a command of ES 3.0 only)
    # glDrawRangeElements, glDrawElementsInstanced: DrawElementsType (above)
    # no program binary format is offered: the worker refuses every one
    # (server/glss_gl_vertex3.c), after the driver judged the program
    ('glProgramBinary', 'binaryFormat'): None,

    # es3 state

    # es3.1 compute
    # glBindImageTexture: checked by the worker in the driver's order
    # (server/glss_compute.c)
    ('glBindImageTexture', 'access'): 'ImageAccess',
    ('glBindImageTexture', 'format'): 'ImageFormat',

    # es3.1 program
    ('glGetProgramInterfaceiv', 'programInterface'): 'ProgramInterfaceES',
    ('glGetProgramInterfaceiv', 'pname'): 'ProgramInterfacePNameES',
    ('glGetProgramResourceIndex', 'programInterface'): 'ProgramInterfaceES',
    ('glGetProgramResourceName', 'programInterface'): 'ProgramInterfaceES',
    ('glGetProgramResourceiv', 'programInterface'): 'ProgramInterfaceES',
    ('glGetProgramResourceLocation', 'programInterface'): 'ProgramInterfaceES',
    # the pipeline table gates the stages (server/glss_get_table.c)
    ('glGetProgramPipelineiv', 'pname'): None,

    # es3.1 draw
    # glVertexAttribFormat takes glVertexAttribPointer's types (ES 3.1
    # 10.3.1); glVertexAttribIFormat VertexAttribIType as is; the indirect
    # draws PrimitiveType and DrawElementsType as the direct ones
    ('glVertexAttribFormat', 'type'): 'VertexAttribPointerType',

    # es3.1 texfb
    ('glTexStorage2DMultisample', 'target'): 'TextureStorage2DMultisampleTarget',
    # the driver checks renderability (GL_INVALID_ENUM for the others)
    ('glTexStorage2DMultisample', 'internalformat'): 'TextureStorageFormat',
    ('glGetTexLevelParameteriv', 'target'): 'TexLevelParameterTarget',
    ('glGetTexLevelParameterfv', 'target'): 'TexLevelParameterTarget',
    ('glFramebufferParameteri', 'pname'): 'FramebufferParameterName31',
    # pnames of the state tables (server/glss_get_table.c)
    ('glGetMultisamplefv', 'pname'): None,
    ('glGetTexLevelParameteriv', 'pname'): None,
    ('glGetTexLevelParameterfv', 'pname'): None,
    ('glGetFramebufferParameteriv', 'pname'): None,
    ('glGetBooleani_v', 'target'): None,

    # es3.2 draw32
    ('glEnablei', 'target'): 'IndexedEnableCap',
    ('glDisablei', 'target'): 'IndexedEnableCap',
    ('glIsEnabledi', 'target'): 'IndexedEnableCap',
    ('glBlendEquation', 'mode'): 'BlendEquationModeAdvanced',
    ('glBlendEquationi', 'mode'): 'BlendEquationModeAdvanced',
    # glReadnPixels: the driver judges format and type (ES 3.x reports a
    # pair it does not read as GL_INVALID_OPERATION, even of unknown
    # values); the worker reads a pair it does not know the size of as an
    # empty rectangle (server/glss_gl_draw32.c)
    ('glReadnPixels', 'format'): None,
    ('glReadnPixels', 'type'): None,
    # glBlendFunci / glBlendFuncSeparatei: their gl.xml group (ES 3.x
    # allows GL_SRC_ALPHA_SATURATE as a destination factor, as Mesa does)

    # es3.2 geomtess
    # the draw modes (glBeginTransformFeedback keeps PrimitiveType: the
    # driver refuses every mode but points, lines and triangles first)
    ('glDrawArrays', 'mode'): 'DrawMode',
    ('glDrawElements', 'mode'): 'DrawMode',
    ('glDrawArraysInstancedEXT', 'mode'): 'DrawMode',
    ('glDrawElementsInstancedEXT', 'mode'): 'DrawMode',
    ('glDrawArraysInstanced', 'mode'): 'DrawMode',
    ('glDrawElementsInstanced', 'mode'): 'DrawMode',
    ('glDrawRangeElements', 'mode'): 'DrawMode',
    ('glDrawArraysIndirect', 'mode'): 'DrawMode',
    ('glDrawElementsIndirect', 'mode'): 'DrawMode',
    ('glDrawElementsBaseVertex', 'mode'): 'DrawMode',
    ('glDrawRangeElementsBaseVertex', 'mode'): 'DrawMode',
    ('glDrawElementsInstancedBaseVertex', 'mode'): 'DrawMode',

    # es3.2 layered
    ('glTexStorage3DMultisample', 'target'): 'TextureStorage3DMultisampleTarget',
    # the driver checks renderability (GL_INVALID_ENUM for the others)
    ('glTexStorage3DMultisample', 'internalformat'): 'TextureStorageFormat',

    # es3.2 tex32
    ('glTexBuffer', 'target'): 'TextureBufferTarget',
    ('glTexBufferRange', 'target'): 'TextureBufferTarget',
    # the driver checks the formats of ES 3.2 table 8.18
    ('glTexBuffer', 'internalformat'): None,
    ('glTexBufferRange', 'internalformat'): None,

}

# es3.1 texfb: glFramebufferTexture2D also attaches multisample textures
PARAM_SETS[('glFramebufferTexture2D', 'textarget')] = 'FramebufferTexture2DTarget'


def parse_extensions(path):
    """protocol/extensions.txt -> [(name, kind)] in file order; kind is
    'registered', 'unregistered' or 'version'."""
    exts = []
    for line in open(path):
        words = [w for w in line.split('#', 1)[0].split() if not w.startswith('requires=')]
        if not words:
            continue
        if len(words) > 2 or (len(words) == 2 and words[1] not in ('unregistered', 'version')):
            sys.exit(f'extensions.txt: bad line: {line.strip()}')
        exts.append((words[0], words[1] if len(words) == 2 else 'registered'))
    names = [e[0] for e in exts]
    if len(set(names)) != len(names):
        sys.exit('extensions.txt: an extension is listed twice')
    if len(names) > 128:
        sys.exit('extensions.txt: more than 128 extensions do not fit gls_ext_bits (gls_extension_list.h)')
    return exts


def extension_requirements(path):
    """{extension: the version entry it requires} (`requires=GL_ES_VERSION_X_Y`)."""
    out = {}
    for line in open(path):
        words = line.split('#', 1)[0].split()
        for w in words[1:]:
            if w.startswith('requires='):
                out[words[0]] = w[len('requires='):]
    return out


class EnumRegistry:
    """gl.xml's enums as far as ES 2.0 and our extensions are concerned."""

    def __init__(self, root, extensions):
        self.ext_names = [name for name, _ in extensions]
        self.value = {}      # enum name -> value
        self.groups = {}     # value -> set of group names
        self.names = {}      # value -> the name ES 2.0 or an extension uses (for comments)
        self.group_label = {}  # (group, value) -> the name that is in the group
        self.labels = {}     # value -> name, for the set being derived
        self.set_labels = {'AnyEnum': {}}  # set name -> its labels
        for enums in root.iter('enums'):
            if enums.get('type') == 'bitmask':
                continue  # masks are GLbitfield values, never a GLenum's
            for e in enums.iter('enum'):
                api = e.get('api')
                if api not in (None, 'gles2') or e.get('value') is None:
                    continue
                try:
                    v = int(e.get('value'), 0) & 0xffffffff
                except ValueError:
                    continue
                self.value[e.get('name')] = v
                self.names.setdefault(v, e.get('name'))
                for g in (e.get('group') or '').split(','):
                    if g:
                        self.groups.setdefault(v, set()).add(g)
                        self.group_label.setdefault((g, v), e.get('name'))
        self.core = set()    # values of ES 2.0
        required = []        # names ES 2.0 and our extensions require, best labels first
        for f in root.iter('feature'):
            if f.get('name') == 'GL_ES_VERSION_2_0':
                for r in f.iter('require'):
                    required += [e.get('name') for e in r.iter('enum') if e.get('name') in self.value]
        self.core = {self.value[n] for n in required}
        self.ext_values = {n: set() for n in self.ext_names}  # extension -> values it requires
        registered = {n for n, kind in extensions if kind == 'registered'}
        versions = {n for n, kind in extensions if kind == 'version'}
        found = set()
        # an ES version above 2.0 brings its enums like an extension
        for f in root.iter('feature'):
            name = f.get('name')
            if name not in versions:
                continue
            found.add(name)
            for r in f.iter('require'):
                names = [e.get('name') for e in r.iter('enum') if e.get('name') in self.value]
                required += names
                self.ext_values[name] |= {self.value[n] for n in names}
        for name in versions - found:
            sys.exit(f'extensions.txt: {name} is not a feature of gl.xml')
        for x in root.iter('extension'):
            name = x.get('name')
            if name not in self.ext_values:
                continue
            found.add(name)
            for r in x.iter('require'):
                if r.get('api') not in (None, 'gles2'):
                    continue
                names = [e.get('name') for e in r.iter('enum') if e.get('name') in self.value]
                required += names
                self.ext_values[name] |= {self.value[n] for n in names}
        for n in reversed(required):  # label values by the names ES 2.0 uses
            self.names[self.value[n]] = n
        for name in registered - found:
            sys.exit(f'extensions.txt: {name} is not in gl.xml (mark it unregistered if it brings no enum)')
        for name in found - registered - versions:
            sys.exit(f'extensions.txt: {name} is in gl.xml: drop "unregistered"')

    def extensions_of(self, v):
        """The advertisable extensions that bring value v."""
        return {n for n in self.ext_names if v in self.ext_values[n]}

    def available(self, v):
        """None when v is core ES 2.0, else the set of extensions bringing it (maybe empty)."""
        return None if v in self.core else self.extensions_of(v)

    def set_from_group(self, group):
        """value -> None (core) or extensions, for a gl.xml group."""
        out = {}
        for v, groups in self.groups.items():
            if group in groups:
                self.labels[v] = self.group_label[(group, v)]
                avail = self.available(v)
                if avail is None or avail:
                    out[v] = avail
        return out

    def set_from_list(self, set_name):
        out = {}
        for entry in SETS[set_name]:
            if entry[0] == '+':
                out.update(self.set_from_group(entry[1:]))
                continue
            if entry[0] == '-':
                out.pop(self.value[entry[1:]], None)
                continue
            name, _, pinned = entry.partition('@')
            if name not in self.value:
                sys.exit(f'gls_enums.py: {set_name}: {name} is not in gl.xml')
            v = self.value[name]
            self.labels[v] = name
            if pinned:
                exts = set(pinned.split('|'))
                unknown = exts - set(self.ext_names)
                if unknown:
                    sys.exit(f'gls_enums.py: {set_name}: {name}: {unknown} not in extensions.txt')
                out[v] = exts
            else:
                avail = self.available(v)
                if avail is not None and not avail:
                    sys.exit(f'gls_enums.py: {set_name}: {name} is neither ES 2.0 nor advertisable')
                out[v] = avail
        for word in COMPRESSED_FROM.get(set_name, ()):
            for ext in self.ext_names:
                if word in ext.lower():
                    for v in self.ext_values[ext]:
                        if self.available(v) is not None:
                            out.setdefault(v, set()).add(ext)
        return out

    def any_available(self):
        """Every value of ES 2.0 or an advertisable extension (for glGet* pnames)."""
        out = {v: None for v in self.core}
        for ext in self.ext_names:
            for v in self.ext_values[ext]:
                if v not in self.core:
                    out.setdefault(v, set()).add(ext)
        return out


def param_set(cmd_name, param, registry):
    """(set name, values) of a GLenum parameter, or None when unchecked."""
    key = (cmd_name, param.name)
    registry.labels = {}
    if key in PARAM_SETS:
        name = PARAM_SETS[key]
        if name is None:
            return None
        values = registry.set_from_list(name)
    elif param.group is None:
        sys.exit(f'{cmd_name}: {param.name} has no gl.xml group: add it to PARAM_SETS in gls_enums.py')
    elif param.group in SETS:
        name = param.group
        values = registry.set_from_list(name)
    else:
        name = param.group
        values = registry.set_from_group(name)
        if not values:
            sys.exit(f'{cmd_name}: group {name} of {param.name} has no ES 2.0 value: add it to PARAM_SETS')
    registry.set_labels[name] = registry.labels
    return name, values


def gen_check(name, values, registry, out):
    """A C function: is `value` in the set for the worker's current client?"""
    labels = registry.set_labels[name]
    label = lambda v: labels.get(v, registry.names[v])
    out.write(f'bool glss_valid_{name}(const struct glss_worker *w, GLenum value)\n{{\n')
    out.write('\tswitch (value) {\n')
    core = sorted(v for v, e in values.items() if e is None)
    by_exts = {}
    for v, exts in values.items():
        if exts is not None:
            by_exts.setdefault(tuple(sorted(exts)), []).append(v)
    for v in core:
        out.write(f'\tcase 0x{v:04X}: /* {label(v)} */\n')
    if core:
        out.write('\t\treturn true;\n')
    for exts, vs in sorted(by_exts.items()):
        for v in sorted(vs):
            out.write(f'\tcase 0x{v:04X}: /* {label(v)} */\n')
        bits = ' | '.join(f'GLS_EXT_BIT({e})' for e in exts)
        out.write(f'\t\treturn glss_advertised(w, {bits});\n')
    out.write('\tdefault:\n\t\treturn false;\n\t}\n}\n\n')
