/* Enum validation through glstream: every GLenum parameter is checked
 * against OpenGL ES 2.0 and the extensions advertised, and a bad value gets
 * GL_INVALID_ENUM without reaching the host driver.
 *
 * The host driver (Mesa) gives an "ES 2" context that is really ES 3.2, so
 * most bad values below are ones the host would ACCEPT: the state checks
 * after each (the texture is still a 2D one, the buffer kept its size, the
 * clear still drew, ...) show that the driver was not called. Run through
 * glstream only: natively those calls succeed.
 *
 * The second half makes sure the checks do not reject what is valid:
 * extension enums work when the extension is advertised (and are refused
 * when it is not). */
#include "glst_test_util.h"

#include <string.h>

#ifndef GL_TEXTURE_3D
#define GL_TEXTURE_3D 0x806F
#endif
#define GLST_RASTERIZER_DISCARD 0x8C89    /* ES 3.0 */
#define GLST_STATIC_READ 0x88E5           /* ES 3.0 */
#define GLST_UNIFORM_BUFFER 0x8A11        /* ES 3.0 */
#define GLST_DRAW_FRAMEBUFFER 0x8CA9      /* ES 3.0 */
#define GLST_READ_FRAMEBUFFER 0x8CA8      /* ES 3.0 */
#define GLST_DEPTH_STENCIL_ATTACHMENT 0x821A /* ES 3.0 */
#define GLST_SRGB8_ALPHA8 0x8C43          /* ES 3.0 */
#define GLST_RGBA_INTEGER 0x8D99          /* ES 3.0 */
#define GLST_TEXTURE_BASE_LEVEL 0x813C    /* ES 3.0 */
#define GLST_MAX_3D_TEXTURE_SIZE 0x8073   /* ES 3.0 */
#define GLST_COMPRESSED_RGBA8_ETC2_EAC 0x9278 /* ES 3.0 */
#define GLST_GEOMETRY_SHADER 0x8DD9       /* ES 3.2 */
#define GLST_QUADS 0x0007                 /* desktop GL */

#define CHECK_ERR(e) GLST_CHECK_GL(e)

static GLubyte pixel[4];

static void read_pixel(void)
{
    memset(pixel, 0, sizeof(pixel));
    glReadPixels(0, 0, 1, 1, GL_RGBA, GL_UNSIGNED_BYTE, pixel);
}

static GLint get_int(GLenum pname)
{
    GLint v = -12345;
    glGetIntegerv(pname, &v);
    return v;
}

/* ---- bad enums: GL_INVALID_ENUM, and the driver never saw them ---- */

static void test_rejected(void)
{
    GLuint tex = 0, buf = 0, fbo = 0, rb = 0;
    glGenTextures(1, &tex);
    glGenBuffers(1, &buf);
    glGenFramebuffers(1, &fbo);
    glGenRenderbuffers(1, &rb);

    /* a 3D binding would make the name a 3D texture: binding it as 2D
     * would then fail with GL_INVALID_OPERATION */
    glBindTexture(GL_TEXTURE_3D, tex);
    CHECK_ERR(GL_INVALID_ENUM);
    glBindTexture(GL_TEXTURE_2D, tex);
    CHECK_ERR(GL_NO_ERROR);
    GLST_CHECK_INT(get_int(GL_TEXTURE_BINDING_2D), tex);

    /* texture parameter values of ES 3.x / desktop GL (CLAMP_TO_BORDER is
     * ES 3.2), in every variant, and a float that is no enum */
    GLint value = 0;
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_S, 0x812D /* GL_CLAMP_TO_BORDER */);
    CHECK_ERR(GL_INVALID_ENUM);
    GLint border = 0x812D;
    glTexParameteriv(GL_TEXTURE_2D, GL_TEXTURE_WRAP_T, &border);
    CHECK_ERR(GL_INVALID_ENUM);
    glTexParameterf(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, (GLfloat)GL_LINEAR + 0.5f);
    CHECK_ERR(GL_INVALID_ENUM);
    GLfloat mag = (GLfloat)GL_LINEAR_MIPMAP_LINEAR; /* not a magnification filter */
    glTexParameterfv(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, &mag);
    CHECK_ERR(GL_INVALID_ENUM);
    glGetTexParameteriv(GL_TEXTURE_2D, GL_TEXTURE_WRAP_S, &value);
    GLST_CHECK_HEX(value, GL_REPEAT);
    glGetTexParameteriv(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, &value);
    GLST_CHECK_HEX(value, GL_NEAREST_MIPMAP_LINEAR);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_S, GL_MIRRORED_REPEAT);
    glTexParameterf(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, (GLfloat)GL_LINEAR_MIPMAP_NEAREST);
    CHECK_ERR(GL_NO_ERROR);
    glGetTexParameteriv(GL_TEXTURE_2D, GL_TEXTURE_WRAP_S, &value);
    GLST_CHECK_HEX(value, GL_MIRRORED_REPEAT);
    glGetTexParameteriv(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, &value);
    GLST_CHECK_HEX(value, GL_LINEAR_MIPMAP_NEAREST);

    /* rasterizer discard would swallow the clear (ES 3.0 4.2.3) */
    glEnable(GLST_RASTERIZER_DISCARD);
    CHECK_ERR(GL_INVALID_ENUM);
    GLST_CHECK(glIsEnabled(GLST_RASTERIZER_DISCARD) == GL_FALSE); /* sync: answered */
    CHECK_ERR(GL_INVALID_ENUM);
    glEnable(GL_TEXTURE_2D); /* an ES 1 capability */
    CHECK_ERR(GL_INVALID_ENUM);
    glClearColor(1, 0, 0, 1);
    glClear(GL_COLOR_BUFFER_BIT);
    read_pixel();
    GLST_CHECK(pixel[0] == 255 && pixel[1] == 0 && pixel[2] == 0);

    /* ES 3.0 usages and targets: the buffer keeps its 4 bytes */
    static const GLubyte four[4] = {1, 2, 3, 4};
    glBindBuffer(GL_ARRAY_BUFFER, buf);
    glBufferData(GL_ARRAY_BUFFER, 4, four, GL_STATIC_DRAW);
    CHECK_ERR(GL_NO_ERROR);
    static const GLubyte sixteen[16];
    glBufferData(GL_ARRAY_BUFFER, 16, sixteen, GLST_STATIC_READ);
    CHECK_ERR(GL_INVALID_ENUM);
    glBufferData(GL_ARRAY_BUFFER, 32, NULL, GLST_STATIC_READ); /* the data-less path */
    CHECK_ERR(GL_INVALID_ENUM);
    GLint size = 0;
    glGetBufferParameteriv(GL_ARRAY_BUFFER, GL_BUFFER_SIZE, &size);
    GLST_CHECK_INT(size, 4);
    glBindBuffer(GLST_UNIFORM_BUFFER, buf);
    CHECK_ERR(GL_INVALID_ENUM);
    size = -1;
    glGetBufferParameteriv(GLST_UNIFORM_BUFFER, GL_BUFFER_SIZE, &size);
    CHECK_ERR(GL_INVALID_ENUM);
    GLST_CHECK_INT(size, -1);

    /* attribute types of ES 3.0 */
    glVertexAttribPointer(0, 4, GL_INT, GL_FALSE, 0, 0);
    CHECK_ERR(GL_INVALID_ENUM);
    GLint type = 0;
    glGetVertexAttribiv(0, GL_VERTEX_ATTRIB_ARRAY_TYPE, &type);
    GLST_CHECK_HEX(type, GL_FLOAT);
    GLST_CHECK_INT(get_int(GL_ARRAY_BUFFER_BINDING), buf);
    glBindBuffer(GL_ARRAY_BUFFER, 0);

    /* ES 2.0 allows GL_SRC_ALPHA_SATURATE as a source factor only;
     * EXT_blend_func_extended as a destination factor too */
    glBlendFunc(GL_ONE, GL_SRC_ALPHA_SATURATE);
    if (glst_has_gl_ext("GL_EXT_blend_func_extended")) {
        CHECK_ERR(GL_NO_ERROR);
        GLST_CHECK_HEX(get_int(GL_BLEND_DST_RGB), GL_SRC_ALPHA_SATURATE);
    } else {
        CHECK_ERR(GL_INVALID_ENUM);
        GLST_CHECK_HEX(get_int(GL_BLEND_DST_RGB), GL_ZERO);
    }
    glBlendFunc(GL_SRC_ALPHA_SATURATE, GL_ONE);
    CHECK_ERR(GL_NO_ERROR);
    GLST_CHECK_HEX(get_int(GL_BLEND_SRC_RGB), GL_SRC_ALPHA_SATURATE);
    glBlendFunc(GL_ONE, GL_ZERO);

    /* texel types of ES 3.0: ES 3.0 would say GL_INVALID_OPERATION */
    static const GLbyte texel[4];
    glTexImage2D(GL_TEXTURE_2D, 0, GL_RGBA, 1, 1, 0, GL_RGBA, GL_BYTE, texel);
    CHECK_ERR(GL_INVALID_ENUM);
    glTexImage2D(GL_TEXTURE_2D, 0, GL_RGBA, 1, 1, 0, GL_RGBA, GL_UNSIGNED_BYTE, NULL);
    CHECK_ERR(GL_NO_ERROR);
    glTexSubImage2D(GL_TEXTURE_2D, 0, 0, 0, 1, 1, GLST_RGBA_INTEGER, GL_UNSIGNED_BYTE, texel);
    CHECK_ERR(GL_INVALID_ENUM);
    glTexParameteri(GL_TEXTURE_2D, GLST_TEXTURE_BASE_LEVEL, 1);
    CHECK_ERR(GL_INVALID_ENUM);
    GLint filter = -1;
    glGetTexParameteriv(GL_TEXTURE_3D, GL_TEXTURE_MIN_FILTER, &filter);
    CHECK_ERR(GL_INVALID_ENUM);
    GLST_CHECK_INT(filter, -1);
    static const GLubyte etc2[16];
    glCompressedTexImage2D(GL_TEXTURE_2D, 0, GLST_COMPRESSED_RGBA8_ETC2_EAC, 4, 4, 0, 16, etc2);
    CHECK_ERR(GL_INVALID_ENUM);
    glGenerateMipmap(GL_TEXTURE_3D);
    CHECK_ERR(GL_INVALID_ENUM);

    /* framebuffers of ES 3.0 */
    glBindFramebuffer(GLST_DRAW_FRAMEBUFFER, fbo);
    CHECK_ERR(GL_INVALID_ENUM);
    GLST_CHECK_INT(get_int(GL_FRAMEBUFFER_BINDING), 0);
    GLST_CHECK_HEX(glCheckFramebufferStatus(GLST_READ_FRAMEBUFFER), 0); /* sync: answered */
    CHECK_ERR(GL_INVALID_ENUM);
    glBindRenderbuffer(GL_RENDERBUFFER, rb);
    glRenderbufferStorage(GL_RENDERBUFFER, GLST_SRGB8_ALPHA8, 4, 4);
    CHECK_ERR(GL_INVALID_ENUM);
    GLint width = -1;
    glGetRenderbufferParameteriv(GL_RENDERBUFFER, GL_RENDERBUFFER_WIDTH, &width);
    GLST_CHECK_INT(width, 0);
    glBindFramebuffer(GL_FRAMEBUFFER, fbo);
    glFramebufferRenderbuffer(GL_FRAMEBUFFER, GLST_DEPTH_STENCIL_ATTACHMENT, GL_RENDERBUFFER, rb);
    CHECK_ERR(GL_INVALID_ENUM);
    GLint object = -1;
    glGetFramebufferAttachmentParameteriv(GL_FRAMEBUFFER, GL_DEPTH_ATTACHMENT,
                                          GL_FRAMEBUFFER_ATTACHMENT_OBJECT_TYPE, &object);
    GLST_CHECK_HEX(object, GL_NONE);
    glBindFramebuffer(GL_FRAMEBUFFER, 0);
    CHECK_ERR(GL_NO_ERROR);

    /* queries: GL_INVALID_ENUM, outputs untouched, the reply still comes */
    GLST_CHECK_INT(get_int(GLST_MAX_3D_TEXTURE_SIZE), -12345);
    CHECK_ERR(GL_INVALID_ENUM);
    GLint range[2] = {-7, -7}, precision = -7;
    glGetShaderPrecisionFormat(GLST_GEOMETRY_SHADER, GL_HIGH_FLOAT, range, &precision);
    CHECK_ERR(GL_INVALID_ENUM);
    GLST_CHECK(range[0] == -7 && range[1] == -7 && precision == -7);
    GLubyte out[4] = {9, 9, 9, 9};
    glReadPixels(0, 0, 1, 1, GLST_RGBA_INTEGER, GL_UNSIGNED_BYTE, out);
    CHECK_ERR(GL_INVALID_ENUM);
    GLST_CHECK(out[0] == 9 && out[3] == 9);

    /* everyday state */
    glCullFace(0x0400); /* GL_FRONT_LEFT, desktop GL */
    CHECK_ERR(GL_INVALID_ENUM);
    GLST_CHECK_HEX(get_int(GL_CULL_FACE_MODE), GL_BACK);
    glDepthFunc(GL_ONE);
    CHECK_ERR(GL_INVALID_ENUM);
    GLST_CHECK_HEX(get_int(GL_DEPTH_FUNC), GL_LESS);
    glStencilOp(GL_KEEP, GL_KEEP, GL_ONE);
    CHECK_ERR(GL_INVALID_ENUM);
    glHint(GL_GENERATE_MIPMAP_HINT, GL_ONE);
    CHECK_ERR(GL_INVALID_ENUM);
    glActiveTexture(GL_TEXTURE0 - 1);
    CHECK_ERR(GL_INVALID_ENUM);
    glDrawArrays(GLST_QUADS, 0, 4);
    CHECK_ERR(GL_INVALID_ENUM);

    /* the first error is the one reported, whoever raised it */
    glBindTexture(GL_TEXTURE_3D, tex);
    glLineWidth(-1.0f); /* the driver's GL_INVALID_VALUE */
    CHECK_ERR(GL_INVALID_ENUM);
    CHECK_ERR(GL_INVALID_VALUE);
    CHECK_ERR(GL_NO_ERROR);
    glLineWidth(-1.0f);
    glBindTexture(GL_TEXTURE_3D, tex);
    CHECK_ERR(GL_INVALID_VALUE);
    CHECK_ERR(GL_NO_ERROR);

    glBindTexture(GL_TEXTURE_2D, 0);
    glDeleteTextures(1, &tex);
    glDeleteBuffers(1, &buf);
    glDeleteFramebuffers(1, &fbo);
    glDeleteRenderbuffers(1, &rb);
}

/* ---- extension enums: accepted exactly when advertised ---- */

static GLenum expect_if(const char *extension)
{
    return glst_has_gl_ext(extension) ? GL_NO_ERROR : GL_INVALID_ENUM;
}

static void test_extension_enums(void)
{
    GLuint tex = 0, rb = 0, buf = 0;
    glGenTextures(1, &tex);
    glBindTexture(GL_TEXTURE_2D, tex);
    static const GLushort half[4] = {0x3c00, 0, 0, 0x3c00}; /* 1, 0, 0, 1 */
    glTexImage2D(GL_TEXTURE_2D, 0, GL_RGBA, 1, 1, 0, GL_RGBA, GL_HALF_FLOAT_OES, half);
    CHECK_ERR(expect_if("GL_OES_texture_half_float"));
    static const GLfloat full[4] = {1, 0, 0, 1};
    glTexImage2D(GL_TEXTURE_2D, 0, GL_RGBA, 1, 1, 0, GL_RGBA, GL_FLOAT, full);
    CHECK_ERR(expect_if("GL_OES_texture_float"));
    static const GLubyte rg[4] = {10, 20, 30, 40};
    glTexImage2D(GL_TEXTURE_2D, 0, GL_RG_EXT, 1, 1, 0, GL_RG_EXT, GL_UNSIGNED_BYTE, rg);
    CHECK_ERR(expect_if("GL_EXT_texture_rg"));
    glTexImage2D(GL_TEXTURE_2D, 0, GL_RED_EXT, 1, 1, 0, GL_RED_EXT, GL_UNSIGNED_BYTE, rg);
    CHECK_ERR(expect_if("GL_EXT_texture_rg"));
    static const GLubyte bgra[4] = {0, 0, 255, 255};
    glTexImage2D(GL_TEXTURE_2D, 0, GL_BGRA_EXT, 1, 1, 0, GL_BGRA_EXT, GL_UNSIGNED_BYTE, bgra);
    CHECK_ERR(expect_if("GL_EXT_texture_format_BGRA8888"));
    glTexImage2D(GL_TEXTURE_2D, 0, GL_DEPTH_COMPONENT, 1, 1, 0, GL_DEPTH_COMPONENT, GL_UNSIGNED_SHORT, NULL);
    CHECK_ERR(expect_if("GL_OES_depth_texture"));
    if (glst_has_gl_ext("GL_OES_depth_texture")) {
        glTexImage2D(GL_TEXTURE_2D, 0, GL_DEPTH_STENCIL_OES, 1, 1, 0, GL_DEPTH_STENCIL_OES,
                     GL_UNSIGNED_INT_24_8_OES, NULL);
        CHECK_ERR(expect_if("GL_OES_packed_depth_stencil"));
    }
    glTexParameterf(GL_TEXTURE_2D, GL_TEXTURE_MAX_ANISOTROPY_EXT, 2.0f);
    CHECK_ERR(expect_if("GL_EXT_texture_filter_anisotropic"));
    if (glst_has_gl_ext("GL_EXT_texture_filter_anisotropic")) {
        GLfloat aniso = 0;
        glGetTexParameterfv(GL_TEXTURE_2D, GL_TEXTURE_MAX_ANISOTROPY_EXT, &aniso);
        GLST_CHECK(aniso == 2.0f);
        GLST_CHECK(get_int(GL_MAX_TEXTURE_MAX_ANISOTROPY_EXT) >= 2);
    }
    CHECK_ERR(GL_NO_ERROR);

    glGenRenderbuffers(1, &rb);
    glBindRenderbuffer(GL_RENDERBUFFER, rb);
    glRenderbufferStorage(GL_RENDERBUFFER, GL_DEPTH24_STENCIL8_OES, 4, 4);
    CHECK_ERR(expect_if("GL_OES_packed_depth_stencil"));
    glRenderbufferStorage(GL_RENDERBUFFER, GL_RGBA8_OES, 4, 4);
    CHECK_ERR(glst_has_gl_ext("GL_OES_rgb8_rgba8") || glst_has_gl_ext("GL_ARM_rgba8") ? GL_NO_ERROR
                                                                                       : GL_INVALID_ENUM);
    glRenderbufferStorage(GL_RENDERBUFFER, GL_RGB565, 4, 4);
    CHECK_ERR(GL_NO_ERROR);

    glBlendEquation(GL_MAX_EXT);
    CHECK_ERR(expect_if("GL_EXT_blend_minmax"));
    if (glst_has_gl_ext("GL_EXT_blend_minmax"))
        GLST_CHECK_HEX(get_int(GL_BLEND_EQUATION_RGB), GL_MAX_EXT);
    glBlendEquation(GL_FUNC_ADD);
    glHint(GL_FRAGMENT_SHADER_DERIVATIVE_HINT_OES, GL_NICEST);
    CHECK_ERR(expect_if("GL_OES_standard_derivatives"));

    glGenBuffers(1, &buf);
    glBindBuffer(GL_ARRAY_BUFFER, buf);
    glBufferData(GL_ARRAY_BUFFER, 64, NULL, GL_STATIC_DRAW);
    glVertexAttribPointer(1, 4, GL_HALF_FLOAT_OES, GL_FALSE, 0, 0);
    CHECK_ERR(expect_if("GL_OES_vertex_half_float"));
    GLint vao = -1;
    glGetIntegerv(GL_VERTEX_ARRAY_BINDING_OES, &vao);
    CHECK_ERR(expect_if("GL_OES_vertex_array_object"));
    glBindBuffer(GL_ARRAY_BUFFER, 0);

    /* 32-bit indices: a one-triangle draw from an element buffer */
    GLuint ebo = 0;
    static const GLuint indices[3] = {0, 1, 2};
    glGenBuffers(1, &ebo);
    glBindBuffer(GL_ELEMENT_ARRAY_BUFFER, ebo);
    glBufferData(GL_ELEMENT_ARRAY_BUFFER, sizeof(indices), indices, GL_STATIC_DRAW);
    glDrawElements(GL_TRIANGLES, 3, GL_UNSIGNED_INT, 0);
    CHECK_ERR(expect_if("GL_OES_element_index_uint"));
    glBindBuffer(GL_ELEMENT_ARRAY_BUFFER, 0);

    /* every compressed format listed is one glCompressedTexImage2D takes
     * (16 bytes: one 4x4 block of most formats; the size may be wrong for
     * some, GL_INVALID_VALUE, but never GL_INVALID_ENUM) */
    GLint count = get_int(GL_NUM_COMPRESSED_TEXTURE_FORMATS);
    GLint formats[256];
    GLST_CHECK(count >= 0 && count <= 256);
    if (count > 0 && count <= 256) {
        glGetIntegerv(GL_COMPRESSED_TEXTURE_FORMATS, formats);
        static const GLubyte block[16];
        int refused = 0;
        for (GLint i = 0; i < count; i++) {
            glCompressedTexImage2D(GL_TEXTURE_2D, 0, (GLenum)formats[i], 4, 4, 0, 16, block);
            if (glGetError() == GL_INVALID_ENUM) {
                glst_fail_msg(__FILE__, __LINE__, "listed compressed format 0x%x refused", formats[i]);
                refused++;
            }
        }
        GLST_CHECK_INT(refused, 0);
    }
    GLST_CHECK(count > 0 || !glst_has_gl_ext("GL_OES_compressed_ETC1_RGB8_texture"));

    /* reading back BGRA */
    glClearColor(0, 0, 1, 1);
    glClear(GL_COLOR_BUFFER_BIT);
    GLubyte px[4] = {0};
    glReadPixels(0, 0, 1, 1, GL_BGRA_EXT, GL_UNSIGNED_BYTE, px);
    CHECK_ERR(expect_if("GL_EXT_read_format_bgra"));
    if (glst_has_gl_ext("GL_EXT_read_format_bgra"))
        GLST_CHECK(px[0] == 255 && px[2] == 0 && px[3] == 255);

    glDeleteBuffers(1, &ebo);
    glDeleteBuffers(1, &buf);
    glDeleteRenderbuffers(1, &rb);
    glDeleteTextures(1, &tex);
    CHECK_ERR(GL_NO_ERROR);
}

int main(void)
{
    glst_egl egl;
    if (!glst_egl_setup(&egl, 16, 16)) {
        GLST_CHECK(!"EGL setup");
        return glst_finish();
    }
    CHECK_ERR(GL_NO_ERROR);
    test_rejected();
    test_extension_enums();
    glst_egl_teardown(&egl);
    return glst_finish();
}
