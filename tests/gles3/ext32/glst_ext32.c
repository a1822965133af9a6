/* OpenGL ES 3.2 ext32 group (docs/es3.md): the extensions whose
 * functionality ES 3.2 made core, compared natively and through glstream.
 * In an ES 3.2 context: which of them GL_EXTENSIONS lists (and
 * glGetStringi), their entry points from eglGetProcAddress called side by
 * side with the core commands (values, errors, pixels), and `#version 310
 * es` shaders that `#extension NAME : require` them. Every observation is
 * written with glst_note and must be the same both ways.
 *
 * `--hidden` (through glstream, the offered version capped below 3.2 by
 * GLSTREAM_ES_VERSION): none of them is advertised, and the shader masking
 * hides their #extension names from the host's compiler. */
#include <stdio.h>
#include <string.h>

#include <GLES3/gl32.h>

#include "glst_observe.h"
#include "glst_test_util.h"

#define W 16
#define H 16
#define COUNT(a) (sizeof(a) / sizeof(*(a)))

static const char *const extensions[] = {
    "GL_OES_texture_buffer", "GL_EXT_texture_buffer", "GL_OES_copy_image", "GL_EXT_copy_image",
    "GL_OES_draw_buffers_indexed", "GL_EXT_draw_buffers_indexed", "GL_OES_draw_elements_base_vertex",
    "GL_EXT_draw_elements_base_vertex", "GL_OES_primitive_bounding_box", "GL_EXT_primitive_bounding_box",
    "GL_OES_sample_shading", "GL_OES_sample_variables", "GL_OES_shader_multisample_interpolation",
    "GL_OES_shader_io_blocks", "GL_EXT_shader_io_blocks", "GL_OES_gpu_shader5", "GL_EXT_gpu_shader5",
    "GL_OES_texture_border_clamp", "GL_EXT_texture_border_clamp", "GL_OES_texture_cube_map_array",
    "GL_EXT_texture_cube_map_array", "GL_OES_shader_image_atomic", "GL_KHR_blend_equation_advanced",
    "GL_KHR_blend_equation_advanced_coherent",
};

static const char *const aliases[] = {
    "glTexBufferOES", "glTexBufferRangeOES", "glTexBufferEXT", "glTexBufferRangeEXT", "glCopyImageSubDataOES",
    "glCopyImageSubDataEXT", "glEnableiOES", "glDisableiOES", "glIsEnablediOES", "glBlendEquationiOES",
    "glBlendEquationSeparateiOES", "glBlendFunciOES", "glBlendFuncSeparateiOES", "glColorMaskiOES",
    "glEnableiEXT", "glDisableiEXT", "glIsEnablediEXT", "glBlendEquationiEXT", "glBlendEquationSeparateiEXT",
    "glBlendFunciEXT", "glBlendFuncSeparateiEXT", "glColorMaskiEXT", "glDrawElementsBaseVertexOES",
    "glDrawRangeElementsBaseVertexOES", "glDrawElementsInstancedBaseVertexOES", "glDrawElementsBaseVertexEXT",
    "glDrawRangeElementsBaseVertexEXT", "glDrawElementsInstancedBaseVertexEXT", "glPrimitiveBoundingBoxOES",
    "glPrimitiveBoundingBoxEXT", "glMinSampleShadingOES", "glTexParameterIivOES", "glTexParameterIuivOES",
    "glGetTexParameterIivOES", "glGetTexParameterIuivOES", "glSamplerParameterIivOES",
    "glSamplerParameterIuivOES", "glGetSamplerParameterIivOES", "glGetSamplerParameterIuivOES",
    "glTexParameterIivEXT", "glTexParameterIuivEXT", "glGetTexParameterIivEXT", "glGetTexParameterIuivEXT",
    "glSamplerParameterIivEXT", "glSamplerParameterIuivEXT", "glGetSamplerParameterIivEXT",
    "glGetSamplerParameterIuivEXT", "glBlendBarrierKHR",
};

/* an alias has the core command's signature */
#define ALIAS(type, name) ((type)eglGetProcAddress(name))

static void note_pixel(const char *what, int x, int y)
{
    uint8_t p[4] = {0};
    glReadPixels(x, y, 1, 1, GL_RGBA, GL_UNSIGNED_BYTE, p);
    glst_note("%s pixel %d,%d = %u %u %u %u", what, x, y, p[0], p[1], p[2], p[3]);
}

/* glCompileShader's status, without failing the test: a refused shader
 * is an observation like any other */
static GLint compiles(GLenum type, const char *src, GLuint *out)
{
    GLuint sh = glCreateShader(type);
    GLint ok = GL_FALSE;
    glShaderSource(sh, 1, &src, NULL);
    glCompileShader(sh);
    glGetShaderiv(sh, GL_COMPILE_STATUS, &ok);
    if (out)
        *out = sh;
    else
        glDeleteShader(sh);
    return ok;
}

static GLuint link(const char *vs, const char *fs)
{
    GLuint v = 0, f = 0, prog = glCreateProgram();
    GLint ok = compiles(GL_VERTEX_SHADER, vs, &v) && compiles(GL_FRAGMENT_SHADER, fs, &f);
    glAttachShader(prog, v);
    glAttachShader(prog, f);
    glLinkProgram(prog);
    GLint linked = GL_FALSE;
    glGetProgramiv(prog, GL_LINK_STATUS, &linked);
    glDeleteShader(v);
    glDeleteShader(f);
    GLST_CHECK(ok && linked);
    return prog;
}

static const GLfloat quad[] = {-1, -1, 1, -1, -1, 1, 1, 1};
static const char *quad_vs =
    "#version 310 es\n"
    "layout(location = 0) in vec2 pos;\n"
    "void main() { gl_Position = vec4(pos, 0.0, 1.0); }\n";

static void draw_quad(GLuint prog)
{
    glUseProgram(prog);
    glBindBuffer(GL_ARRAY_BUFFER, 0);
    glVertexAttribPointer(0, 2, GL_FLOAT, GL_FALSE, 0, quad);
    glEnableVertexAttribArray(0);
    glDrawArrays(GL_TRIANGLE_STRIP, 0, 4);
    glDisableVertexAttribArray(0);
    glUseProgram(0);
}

/* ---- what is advertised ---- */

static void advertised(void)
{
    GLint n = 0;
    glGetIntegerv(GL_NUM_EXTENSIONS, &n);
    for (size_t i = 0; i < COUNT(extensions); i++) {
        bool by_index = false;
        for (GLint j = 0; j < n; j++) {
            const char *e = (const char *)glGetStringi(GL_EXTENSIONS, (GLuint)j);
            by_index |= e && strcmp(e, extensions[i]) == 0;
        }
        glst_note("%s: GL_EXTENSIONS %d glGetStringi %d", extensions[i], glst_has_gl_ext(extensions[i]), by_index);
    }
    for (size_t i = 0; i < COUNT(aliases); i++)
        glst_note("eglGetProcAddress(%s) %s", aliases[i], eglGetProcAddress(aliases[i]) ? "found" : "NULL");
    GLST_ERR("advertised", GL_NO_ERROR);
}

/* ---- texture buffers ---- */

static const char *buffer_fs =
    "#version 310 es\n"
    "#extension GL_OES_texture_buffer : require\n"
    "precision mediump float;\n"
    "uniform highp samplerBuffer tb;\n"
    "layout(location = 0) out vec4 c;\n"
    "void main() { c = texelFetch(tb, 1); }\n";

static void texture_buffer(const char *suffix)
{
    char name[64], what[96];
    snprintf(name, sizeof(name), "glTexBuffer%s", suffix);
    PFNGLTEXBUFFERPROC tex_buffer = ALIAS(PFNGLTEXBUFFERPROC, name);
    snprintf(name, sizeof(name), "glTexBufferRange%s", suffix);
    PFNGLTEXBUFFERRANGEPROC tex_buffer_range = ALIAS(PFNGLTEXBUFFERRANGEPROC, name);
    if (!tex_buffer || !tex_buffer_range)
        return;
    static const uint8_t texels[512] = {0, 0, 0, 0, 200, 100, 50, 255};
    GLuint buf, tex;
    glGenBuffers(1, &buf);
    /* (the GL_TEXTURE_BUFFER buffer binding and the level parameters of
     * buffer textures come with the layered group) */
    glBindBuffer(GL_ARRAY_BUFFER, buf);
    glBufferData(GL_ARRAY_BUFFER, sizeof(texels), texels, GL_STATIC_DRAW);
    glBindBuffer(GL_ARRAY_BUFFER, 0);
    glGenTextures(1, &tex);
    glBindTexture(GL_TEXTURE_BUFFER, tex);
    tex_buffer(GL_TEXTURE_BUFFER, GL_RGBA8, buf);
    snprintf(what, sizeof(what), "glTexBuffer%s", suffix);
    GLST_ERR(what, GL_NO_ERROR);
    GLuint prog = link(quad_vs, buffer_fs);
    glClearColor(0, 0, 0, 0);
    glClear(GL_COLOR_BUFFER_BIT);
    draw_quad(prog);
    note_pixel(what, W / 2, H / 2);
    tex_buffer(GL_TEXTURE_BUFFER, GL_RGB5_A1, buf);
    snprintf(what, sizeof(what), "glTexBuffer%s bad format", suffix);
    GLST_ERR(what, GL_INVALID_ENUM);
    tex_buffer(GL_TEXTURE_2D, GL_RGBA8, buf);
    snprintf(what, sizeof(what), "glTexBuffer%s bad target", suffix);
    GLST_ERR(what, GL_INVALID_ENUM);
    GLint align = 1;
    glGetIntegerv(GL_TEXTURE_BUFFER_OFFSET_ALIGNMENT, &align);
    tex_buffer_range(GL_TEXTURE_BUFFER, GL_RGBA8, buf, align, 256);
    snprintf(what, sizeof(what), "glTexBufferRange%s", suffix);
    GLST_ERR(what, GL_NO_ERROR);
    tex_buffer_range(GL_TEXTURE_BUFFER, GL_RGBA8, buf, 1, 16);
    snprintf(what, sizeof(what), "glTexBufferRange%s misaligned", suffix);
    GLST_ERR(what, align > 1 ? GL_INVALID_VALUE : GL_NO_ERROR);
    tex_buffer_range(GL_TEXTURE_BUFFER, GL_RGBA8, buf, 0, 1024);
    snprintf(what, sizeof(what), "glTexBufferRange%s past the buffer", suffix);
    GLST_ERR(what, GL_INVALID_VALUE);
    glDeleteProgram(prog);
    glDeleteTextures(1, &tex);
    glDeleteBuffers(1, &buf);
}

/* ---- image copies ---- */

static void copy_image(const char *name)
{
    PFNGLCOPYIMAGESUBDATAPROC copy = ALIAS(PFNGLCOPYIMAGESUBDATAPROC, name);
    if (!copy)
        return;
    uint8_t texels[4 * 4 * 4];
    for (size_t i = 0; i < sizeof(texels); i++)
        texels[i] = (uint8_t)(i * 13);
    GLuint tex[2], fbo;
    glGenTextures(2, tex);
    for (int i = 0; i < 2; i++) {
        glBindTexture(GL_TEXTURE_2D, tex[i]);
        glTexStorage2D(GL_TEXTURE_2D, 1, GL_RGBA8, 4, 4);
    }
    glBindTexture(GL_TEXTURE_2D, tex[0]);
    glTexSubImage2D(GL_TEXTURE_2D, 0, 0, 0, 4, 4, GL_RGBA, GL_UNSIGNED_BYTE, texels);
    copy(tex[0], GL_TEXTURE_2D, 0, 1, 1, 0, tex[1], GL_TEXTURE_2D, 0, 0, 0, 0, 2, 2, 1);
    GLST_ERR(name, GL_NO_ERROR);
    glGenFramebuffers(1, &fbo);
    glBindFramebuffer(GL_FRAMEBUFFER, fbo);
    glFramebufferTexture2D(GL_FRAMEBUFFER, GL_COLOR_ATTACHMENT0, GL_TEXTURE_2D, tex[1], 0);
    char what[96];
    for (int y = 0; y < 2; y++)
        for (int x = 0; x < 2; x++) {
            snprintf(what, sizeof(what), "%s copied", name);
            note_pixel(what, x, y);
        }
    glBindFramebuffer(GL_FRAMEBUFFER, 0);
    copy(tex[0], GL_TEXTURE_2D, 0, 3, 3, 0, tex[1], GL_TEXTURE_2D, 0, 0, 0, 0, 2, 2, 1);
    snprintf(what, sizeof(what), "%s past the source", name);
    GLST_ERR(what, GL_INVALID_VALUE);
    copy(tex[0], GL_TEXTURE_3D, 0, 0, 0, 0, tex[1], GL_TEXTURE_2D, 0, 0, 0, 0, 1, 1, 1);
    snprintf(what, sizeof(what), "%s wrong target", name);
    GLST_ERR(what, GL_INVALID_ENUM);
    glDeleteFramebuffers(1, &fbo);
    glDeleteTextures(2, tex);
}

/* ---- indexed blend state ---- */

static void draw_buffers_indexed(const char *suffix)
{
    char name[64], what[96];
#define GET(type, base) (snprintf(name, sizeof(name), "%s%s", base, suffix), ALIAS(type, name))
    PFNGLENABLEIPROC enablei = GET(PFNGLENABLEIPROC, "glEnablei");
    PFNGLDISABLEIPROC disablei = GET(PFNGLDISABLEIPROC, "glDisablei");
    PFNGLISENABLEDIPROC is_enabledi = GET(PFNGLISENABLEDIPROC, "glIsEnabledi");
    PFNGLBLENDEQUATIONIPROC equationi = GET(PFNGLBLENDEQUATIONIPROC, "glBlendEquationi");
    PFNGLBLENDEQUATIONSEPARATEIPROC equation_separatei =
        GET(PFNGLBLENDEQUATIONSEPARATEIPROC, "glBlendEquationSeparatei");
    PFNGLBLENDFUNCIPROC funci = GET(PFNGLBLENDFUNCIPROC, "glBlendFunci");
    PFNGLBLENDFUNCSEPARATEIPROC func_separatei = GET(PFNGLBLENDFUNCSEPARATEIPROC, "glBlendFuncSeparatei");
    PFNGLCOLORMASKIPROC color_maski = GET(PFNGLCOLORMASKIPROC, "glColorMaski");
#undef GET
    if (!enablei || !disablei || !is_enabledi || !equationi || !equation_separatei || !funci || !func_separatei ||
        !color_maski)
        return;
    GLint max = 0;
    glGetIntegerv(GL_MAX_DRAW_BUFFERS, &max);
    enablei(GL_BLEND, 1);
    glst_note("%s: blend 0 %d, 1 %d, core 1 %d", suffix, is_enabledi(GL_BLEND, 0), is_enabledi(GL_BLEND, 1),
              glIsEnabledi(GL_BLEND, 1));
    disablei(GL_BLEND, 1);
    glst_note("%s: after glDisablei blend 1 %d", suffix, glIsEnabledi(GL_BLEND, 1));
    equationi(2, GL_FUNC_REVERSE_SUBTRACT);
    equation_separatei(3, GL_MIN, GL_MAX);
    funci(2, GL_ONE, GL_SRC_ALPHA);
    func_separatei(3, GL_DST_COLOR, GL_ZERO, GL_ONE_MINUS_DST_ALPHA, GL_CONSTANT_ALPHA);
    color_maski(2, GL_TRUE, GL_FALSE, GL_TRUE, GL_FALSE);
    snprintf(what, sizeof(what), "%s: indexed state", suffix);
    GLST_ERR(what, GL_NO_ERROR);
    static const GLenum pnames[] = {GL_BLEND_EQUATION_RGB, GL_BLEND_EQUATION_ALPHA, GL_BLEND_SRC_RGB,
                                    GL_BLEND_SRC_ALPHA, GL_BLEND_DST_RGB, GL_BLEND_DST_ALPHA};
    for (GLuint i = 2; i <= 3; i++) {
        for (size_t p = 0; p < COUNT(pnames); p++) {
            GLint v = -1;
            glGetIntegeri_v(pnames[p], i, &v);
            glst_note("%s: buffer %u pname 0x%x = 0x%x", suffix, i, pnames[p], v);
        }
        GLboolean mask[4] = {9, 9, 9, 9};
        glGetBooleani_v(GL_COLOR_WRITEMASK, i, mask);
        glst_note("%s: buffer %u mask %d %d %d %d", suffix, i, mask[0], mask[1], mask[2], mask[3]);
    }
    enablei(GL_BLEND, (GLuint)max);
    snprintf(what, sizeof(what), "%s: glEnablei past GL_MAX_DRAW_BUFFERS", suffix);
    GLST_ERR(what, GL_INVALID_VALUE);
    enablei(GL_DEPTH_TEST, 0);
    snprintf(what, sizeof(what), "%s: glEnablei GL_DEPTH_TEST", suffix);
    GLST_ERR(what, GL_INVALID_ENUM);
    funci(0, GL_ONE, 0x1234);
    snprintf(what, sizeof(what), "%s: glBlendFunci bad factor", suffix);
    GLST_ERR(what, GL_INVALID_ENUM);
    /* back to the defaults */
    glBlendEquation(GL_FUNC_ADD);
    glBlendFunc(GL_ONE, GL_ZERO);
    glColorMask(GL_TRUE, GL_TRUE, GL_TRUE, GL_TRUE);
    glDisable(GL_BLEND);
}

/* ---- base vertex draws ---- */

static const char *color_vs =
    "#version 310 es\n"
    "layout(location = 0) in vec2 pos;\n"
    "layout(location = 1) in vec4 color;\n"
    "out vec4 v;\n"
    "void main() { v = color; gl_Position = vec4(pos, 0.0, 1.0); }\n";
static const char *color_fs =
    "#version 310 es\n"
    "precision mediump float;\n"
    "in vec4 v;\n"
    "layout(location = 0) out vec4 c;\n"
    "void main() { c = v; }\n";

static void base_vertex(const char *suffix)
{
    char name[64], what[96];
    snprintf(name, sizeof(name), "glDrawElementsBaseVertex%s", suffix);
    PFNGLDRAWELEMENTSBASEVERTEXPROC draw = ALIAS(PFNGLDRAWELEMENTSBASEVERTEXPROC, name);
    snprintf(name, sizeof(name), "glDrawRangeElementsBaseVertex%s", suffix);
    PFNGLDRAWRANGEELEMENTSBASEVERTEXPROC draw_range = ALIAS(PFNGLDRAWRANGEELEMENTSBASEVERTEXPROC, name);
    snprintf(name, sizeof(name), "glDrawElementsInstancedBaseVertex%s", suffix);
    PFNGLDRAWELEMENTSINSTANCEDBASEVERTEXPROC draw_instanced =
        ALIAS(PFNGLDRAWELEMENTSINSTANCEDBASEVERTEXPROC, name);
    if (!draw || !draw_range || !draw_instanced)
        return;
    /* two quads: red (vertices 0..3) and green (4..7), both full screen */
    static const GLfloat vertices[8][6] = {
        {-1, -1, 1, 0, 0, 1}, {1, -1, 1, 0, 0, 1}, {-1, 1, 1, 0, 0, 1}, {1, 1, 1, 0, 0, 1},
        {-1, -1, 0, 1, 0, 1}, {1, -1, 0, 1, 0, 1}, {-1, 1, 0, 1, 0, 1}, {1, 1, 0, 1, 0, 1},
    };
    static const GLushort indices[] = {0, 1, 2, 3};
    GLuint bufs[2];
    glGenBuffers(2, bufs);
    glBindBuffer(GL_ARRAY_BUFFER, bufs[0]);
    glBufferData(GL_ARRAY_BUFFER, sizeof(vertices), vertices, GL_STATIC_DRAW);
    glVertexAttribPointer(0, 2, GL_FLOAT, GL_FALSE, 24, (const void *)0);
    glVertexAttribPointer(1, 4, GL_FLOAT, GL_FALSE, 24, (const void *)8);
    glEnableVertexAttribArray(0);
    glEnableVertexAttribArray(1);
    glBindBuffer(GL_ELEMENT_ARRAY_BUFFER, bufs[1]);
    glBufferData(GL_ELEMENT_ARRAY_BUFFER, sizeof(indices), indices, GL_STATIC_DRAW);
    GLuint prog = link(color_vs, color_fs);
    glUseProgram(prog);
    for (int base = 0; base <= 4; base += 4) {
        glClear(GL_COLOR_BUFFER_BIT);
        draw(GL_TRIANGLE_STRIP, 4, GL_UNSIGNED_SHORT, NULL, base);
        snprintf(what, sizeof(what), "glDrawElementsBaseVertex%s %d", suffix, base);
        GLST_ERR(what, GL_NO_ERROR);
        note_pixel(what, W / 2, H / 2);
        glClear(GL_COLOR_BUFFER_BIT);
        draw_range(GL_TRIANGLE_STRIP, 0, 3, 4, GL_UNSIGNED_SHORT, NULL, base);
        snprintf(what, sizeof(what), "glDrawRangeElementsBaseVertex%s %d", suffix, base);
        GLST_ERR(what, GL_NO_ERROR);
        note_pixel(what, W / 2, H / 2);
        glClear(GL_COLOR_BUFFER_BIT);
        draw_instanced(GL_TRIANGLE_STRIP, 4, GL_UNSIGNED_SHORT, NULL, 2, base);
        snprintf(what, sizeof(what), "glDrawElementsInstancedBaseVertex%s %d", suffix, base);
        GLST_ERR(what, GL_NO_ERROR);
        note_pixel(what, W / 2, H / 2);
    }
    draw(GL_TRIANGLE_STRIP, -1, GL_UNSIGNED_SHORT, NULL, 0);
    snprintf(what, sizeof(what), "glDrawElementsBaseVertex%s count -1", suffix);
    GLST_ERR(what, GL_INVALID_VALUE);
    draw_range(GL_TRIANGLE_STRIP, 3, 0, 4, GL_UNSIGNED_SHORT, NULL, 0);
    snprintf(what, sizeof(what), "glDrawRangeElementsBaseVertex%s end < start", suffix);
    GLST_ERR(what, GL_INVALID_VALUE);
    draw(GL_TRIANGLE_STRIP, 4, GL_FLOAT, NULL, 0);
    snprintf(what, sizeof(what), "glDrawElementsBaseVertex%s GL_FLOAT indices", suffix);
    GLST_ERR(what, GL_INVALID_ENUM);
    glUseProgram(0);
    glDeleteProgram(prog);
    glDisableVertexAttribArray(0);
    glDisableVertexAttribArray(1);
    glBindBuffer(GL_ARRAY_BUFFER, 0);
    glBindBuffer(GL_ELEMENT_ARRAY_BUFFER, 0);
    glDeleteBuffers(2, bufs);
}

/* ---- the bounding box, sample shading ---- */

static void bounding_box_and_shading(void)
{
    const char *const boxes[] = {"glPrimitiveBoundingBoxOES", "glPrimitiveBoundingBoxEXT"};
    for (size_t i = 0; i < COUNT(boxes); i++) {
        PFNGLPRIMITIVEBOUNDINGBOXPROC box = ALIAS(PFNGLPRIMITIVEBOUNDINGBOXPROC, boxes[i]);
        if (!box)
            continue;
        box(-0.5f, -0.25f, 0.125f, 1, 0.5f, 0.75f, 0.875f, 1 + (float)i);
        GLST_ERR(boxes[i], GL_NO_ERROR);
        GLfloat v[8] = {0};
        glGetFloatv(GL_PRIMITIVE_BOUNDING_BOX, v);
        glst_note("%s: %g %g %g %g %g %g %g %g", boxes[i], v[0], v[1], v[2], v[3], v[4], v[5], v[6], v[7]);
    }
    PFNGLMINSAMPLESHADINGPROC shading = ALIAS(PFNGLMINSAMPLESHADINGPROC, "glMinSampleShadingOES");
    if (shading) {
        const GLfloat values[] = {0.25f, 1.5f, -1.0f};
        for (size_t i = 0; i < COUNT(values); i++) {
            shading(values[i]);
            GLST_ERR("glMinSampleShadingOES", GL_NO_ERROR);
            GLfloat v = -2;
            glGetFloatv(GL_MIN_SAMPLE_SHADING_VALUE, &v);
            glst_note("glMinSampleShadingOES(%g): %g", values[i], v);
        }
        glEnable(GL_SAMPLE_SHADING);
        glst_note("GL_SAMPLE_SHADING enabled %d", glIsEnabled(GL_SAMPLE_SHADING));
        glDisable(GL_SAMPLE_SHADING);
    }
}

/* ---- border colours (integer parameters) ---- */

static void border_clamp(const char *suffix)
{
    char name[64], what[96];
#define GET(type, base) (snprintf(name, sizeof(name), "%s%s", base, suffix), ALIAS(type, name))
    PFNGLTEXPARAMETERIIVPROC tex_iiv = GET(PFNGLTEXPARAMETERIIVPROC, "glTexParameterIiv");
    PFNGLTEXPARAMETERIUIVPROC tex_iuiv = GET(PFNGLTEXPARAMETERIUIVPROC, "glTexParameterIuiv");
    PFNGLGETTEXPARAMETERIIVPROC get_tex_iiv = GET(PFNGLGETTEXPARAMETERIIVPROC, "glGetTexParameterIiv");
    PFNGLGETTEXPARAMETERIUIVPROC get_tex_iuiv = GET(PFNGLGETTEXPARAMETERIUIVPROC, "glGetTexParameterIuiv");
    PFNGLSAMPLERPARAMETERIIVPROC smp_iiv = GET(PFNGLSAMPLERPARAMETERIIVPROC, "glSamplerParameterIiv");
    PFNGLSAMPLERPARAMETERIUIVPROC smp_iuiv = GET(PFNGLSAMPLERPARAMETERIUIVPROC, "glSamplerParameterIuiv");
    PFNGLGETSAMPLERPARAMETERIIVPROC get_smp_iiv = GET(PFNGLGETSAMPLERPARAMETERIIVPROC, "glGetSamplerParameterIiv");
    PFNGLGETSAMPLERPARAMETERIUIVPROC get_smp_iuiv =
        GET(PFNGLGETSAMPLERPARAMETERIUIVPROC, "glGetSamplerParameterIuiv");
#undef GET
    if (!tex_iiv || !tex_iuiv || !get_tex_iiv || !get_tex_iuiv || !smp_iiv || !smp_iuiv || !get_smp_iiv ||
        !get_smp_iuiv)
        return;
    GLuint tex, sampler;
    glGenTextures(1, &tex);
    glBindTexture(GL_TEXTURE_2D, tex);
    glGenSamplers(1, &sampler);
    const GLint colour[4] = {-5, 70000, 3, -2147483647};
    const GLuint ucolour[4] = {4000000000u, 1, 255, 65536};
    GLint got[4] = {0};
    GLuint ugot[4] = {0};
    tex_iiv(GL_TEXTURE_2D, GL_TEXTURE_BORDER_COLOR, colour);
    get_tex_iiv(GL_TEXTURE_2D, GL_TEXTURE_BORDER_COLOR, got);
    glst_note("%s: texture Iiv %d %d %d %d", suffix, got[0], got[1], got[2], got[3]);
    tex_iuiv(GL_TEXTURE_2D, GL_TEXTURE_BORDER_COLOR, ucolour);
    get_tex_iuiv(GL_TEXTURE_2D, GL_TEXTURE_BORDER_COLOR, ugot);
    glst_note("%s: texture Iuiv %u %u %u %u", suffix, ugot[0], ugot[1], ugot[2], ugot[3]);
    const GLint clamp = GL_CLAMP_TO_BORDER;
    tex_iiv(GL_TEXTURE_2D, GL_TEXTURE_WRAP_S, &clamp);
    get_tex_iiv(GL_TEXTURE_2D, GL_TEXTURE_WRAP_S, got);
    glst_note("%s: texture wrap 0x%x", suffix, got[0]);
    smp_iiv(sampler, GL_TEXTURE_BORDER_COLOR, colour);
    get_smp_iiv(sampler, GL_TEXTURE_BORDER_COLOR, got);
    glst_note("%s: sampler Iiv %d %d %d %d", suffix, got[0], got[1], got[2], got[3]);
    smp_iuiv(sampler, GL_TEXTURE_BORDER_COLOR, ucolour);
    get_smp_iuiv(sampler, GL_TEXTURE_BORDER_COLOR, ugot);
    glst_note("%s: sampler Iuiv %u %u %u %u", suffix, ugot[0], ugot[1], ugot[2], ugot[3]);
    snprintf(what, sizeof(what), "%s: border colours", suffix);
    GLST_ERR(what, GL_NO_ERROR);
    tex_iiv(GL_TEXTURE_2D, 0x1234, colour);
    snprintf(what, sizeof(what), "%s: glTexParameterIiv bad pname", suffix);
    GLST_ERR(what, GL_INVALID_ENUM);
    smp_iuiv(sampler + 1000, GL_TEXTURE_BORDER_COLOR, ucolour);
    snprintf(what, sizeof(what), "%s: glSamplerParameterIuiv no sampler", suffix);
    GLST_ERR(what, GL_INVALID_OPERATION);
    glDeleteSamplers(1, &sampler);
    glDeleteTextures(1, &tex);
}

/* ---- advanced blending ---- */

static const char *advanced_fs =
    "#version 310 es\n"
    "#extension GL_KHR_blend_equation_advanced : require\n"
    "precision mediump float;\n"
    "layout(blend_support_multiply) out;\n"
    "layout(location = 0) out vec4 c;\n"
    "void main() { c = vec4(0.5, 0.25, 1.0, 1.0); }\n";

static void blend_advanced(void)
{
    PFNGLBLENDBARRIERPROC barrier = ALIAS(PFNGLBLENDBARRIERPROC, "glBlendBarrierKHR");
    if (!barrier)
        return;
    GLuint prog = link(quad_vs, advanced_fs);
    glClearColor(0.5f, 1.0f, 0.5f, 1.0f);
    glClear(GL_COLOR_BUFFER_BIT);
    glEnable(GL_BLEND);
    glBlendEquation(GL_MULTIPLY_KHR);
    draw_quad(prog);
    barrier();
    draw_quad(prog);
    GLST_ERR("glBlendBarrierKHR", GL_NO_ERROR);
    note_pixel("GL_MULTIPLY_KHR", W / 2, H / 2);
    /* KHR_blend_equation_advanced_coherent: a capability, on by default */
    glst_note("coherent enabled %d", glIsEnabled(GL_BLEND_ADVANCED_COHERENT_KHR));
    glDisable(GL_BLEND_ADVANCED_COHERENT_KHR);
    GLST_ERR("glDisable(GL_BLEND_ADVANCED_COHERENT_KHR)", GL_NO_ERROR);
    GLboolean b = 9;
    glGetBooleanv(GL_BLEND_ADVANCED_COHERENT_KHR, &b);
    GLint i = 9;
    glGetIntegerv(GL_BLEND_ADVANCED_COHERENT_KHR, &i);
    glst_note("coherent after glDisable %d %d %d", glIsEnabled(GL_BLEND_ADVANCED_COHERENT_KHR), b, i);
    glClear(GL_COLOR_BUFFER_BIT);
    draw_quad(prog);
    barrier();
    draw_quad(prog);
    note_pixel("GL_MULTIPLY_KHR not coherent", W / 2, H / 2);
    glEnable(GL_BLEND_ADVANCED_COHERENT_KHR);
    glst_note("coherent after glEnable %d", glIsEnabled(GL_BLEND_ADVANCED_COHERENT_KHR));
    glBlendEquation(GL_FUNC_ADD);
    glDisable(GL_BLEND);
    glDeleteProgram(prog);
    GLST_ERR("advanced blending", GL_NO_ERROR);
}

/* ---- GLSL: `#version 310 es` shaders that require each extension ---- */

struct glsl_case {
    const char *extension;
    GLenum stage;
    const char *body; /* after the #extension line */
};

static const struct glsl_case glsl_cases[] = {
    {"GL_OES_shader_io_blocks", GL_VERTEX_SHADER, "out Block { vec4 a; } b;\nvoid main() { b.a = vec4(1.0); gl_Position = vec4(0.0); }\n"},
    {"GL_EXT_shader_io_blocks", GL_VERTEX_SHADER, "out Block { vec4 a; } b;\nvoid main() { b.a = vec4(1.0); gl_Position = vec4(0.0); }\n"},
    {"GL_OES_texture_buffer", GL_FRAGMENT_SHADER, "precision mediump float;\nuniform highp samplerBuffer s;\nout vec4 c;\nvoid main() { c = texelFetch(s, 0); }\n"},
    {"GL_EXT_texture_buffer", GL_FRAGMENT_SHADER, "precision mediump float;\nuniform highp samplerBuffer s;\nout vec4 c;\nvoid main() { c = texelFetch(s, 0); }\n"},
    {"GL_OES_texture_cube_map_array", GL_FRAGMENT_SHADER, "precision mediump float;\nuniform highp samplerCubeArray s;\nout vec4 c;\nvoid main() { c = texture(s, vec4(1.0)); }\n"},
    {"GL_EXT_texture_cube_map_array", GL_FRAGMENT_SHADER, "precision mediump float;\nuniform highp samplerCubeArray s;\nout vec4 c;\nvoid main() { c = texture(s, vec4(1.0)); }\n"},
    {"GL_OES_gpu_shader5", GL_FRAGMENT_SHADER, "precision highp float;\nuniform vec4 u;\nout vec4 c;\nvoid main() { c = fma(u, u, u); }\n"},
    {"GL_EXT_gpu_shader5", GL_FRAGMENT_SHADER, "precision highp float;\nuniform vec4 u;\nout vec4 c;\nvoid main() { c = fma(u, u, u); }\n"},
    {"GL_OES_sample_variables", GL_FRAGMENT_SHADER, "precision mediump float;\nout vec4 c;\nvoid main() { c = vec4(float(gl_SampleID)); }\n"},
    {"GL_OES_shader_multisample_interpolation", GL_FRAGMENT_SHADER, "precision mediump float;\nsample in vec4 v;\nout vec4 c;\nvoid main() { c = interpolateAtSample(v, 0); }\n"},
    {"GL_OES_shader_image_atomic", GL_COMPUTE_SHADER, "layout(local_size_x = 1) in;\nlayout(r32ui, binding = 0) uniform highp uimage2D img;\nvoid main() { imageAtomicAdd(img, ivec2(0), 1u); }\n"},
    {"GL_KHR_blend_equation_advanced", GL_FRAGMENT_SHADER, "precision mediump float;\nlayout(blend_support_screen) out;\nout vec4 c;\nvoid main() { c = vec4(1.0); }\n"},
    {"GL_OES_primitive_bounding_box", GL_FRAGMENT_SHADER, "precision mediump float;\nout vec4 c;\nvoid main() { c = vec4(1.0); }\n"},
    {"GL_EXT_primitive_bounding_box", GL_FRAGMENT_SHADER, "precision mediump float;\nout vec4 c;\nvoid main() { c = vec4(1.0); }\n"},
};

static void glsl_extensions(void)
{
    char src[1024];
    for (size_t i = 0; i < COUNT(glsl_cases); i++) {
        const struct glsl_case *g = &glsl_cases[i];
        snprintf(src, sizeof(src), "#version 310 es\n#extension %s : require\n%s", g->extension, g->body);
        glst_note("#version 310 es #extension %s : require: %d", g->extension, compiles(g->stage, src, NULL));
        /* the body without the #extension: ES 3.1 has none of it */
        snprintf(src, sizeof(src), "#version 310 es\n%s", g->body);
        glst_note("#version 310 es without %s: %d", g->extension, compiles(g->stage, src, NULL));
    }
    /* every name: defined as a macro or not, enable accepted or not */
    for (size_t i = 0; i < COUNT(extensions); i++) {
        snprintf(src, sizeof(src),
                 "#version 310 es\n#extension %s : enable\n#ifndef %s\n#error undefined\n#endif\n"
                 "precision mediump float;\nout vec4 c;\nvoid main() { c = vec4(1.0); }\n",
                 extensions[i], extensions[i]);
        glst_note("%s defined in GLSL ES 3.10: %d", extensions[i], compiles(GL_FRAGMENT_SHADER, src, NULL));
    }
    GLST_ERR("GLSL", GL_NO_ERROR);
}

/* ---- a context offered less: nothing of it shows ---- */

static int hidden(const char *version)
{
    printf("glst_ext32 --hidden: %s\n", version);
    GLST_CHECK(strstr(version, "glstream") != NULL);
    GLST_CHECK(strncmp(version, "OpenGL ES 3.2", 13) != 0);
    for (size_t i = 0; i < COUNT(extensions); i++)
        if (glst_has_gl_ext(extensions[i]))
            glst_fail_msg(__FILE__, __LINE__, "%s advertised in %s", extensions[i], version);
    if (strncmp(version, "OpenGL ES 3.1", 13) == 0) {
        char src[1024];
        for (size_t i = 0; i < COUNT(glsl_cases); i++) {
            const struct glsl_case *g = &glsl_cases[i];
            snprintf(src, sizeof(src), "#version 310 es\n#extension %s : require\n%s", g->extension, g->body);
            if (compiles(g->stage, src, NULL))
                glst_fail_msg(__FILE__, __LINE__, "%s required in %s", g->extension, version);
            snprintf(src, sizeof(src),
                     "#version 310 es\n#ifdef %s\n#error defined\n#endif\n"
                     "precision mediump float;\nout vec4 c;\nvoid main() { c = vec4(1.0); }\n",
                     g->extension);
            if (!compiles(GL_FRAGMENT_SHADER, src, NULL))
                glst_fail_msg(__FILE__, __LINE__, "%s defined in %s", g->extension, version);
        }
    }
    GLST_CHECK_GL(GL_NO_ERROR);
    return glst_finish();
}

int main(int argc, char **argv)
{
    glst_egl e;
    bool want_hidden = argc > 1 && strcmp(argv[1], "--hidden") == 0;
    glst_observe_open("es32_ext32");
    if (!glst_egl_setup_version(&e, W, H, 3)) {
        fprintf(stderr, "glst_ext32: no ES 3 context\n");
        return 1;
    }
    const char *version = (const char *)glGetString(GL_VERSION);
    int status;
    if (want_hidden) {
        status = hidden(version ? version : "");
        goto out;
    }
    /* a build offering less than ES 3.2 skips natively too, so that both
     * runs observe the same */
    bool built_for_32 = GLSTREAM_ES_VERSION_MAJOR * 10 + GLSTREAM_ES_VERSION_MINOR >= 32;
    if (!built_for_32 || !version || strncmp(version, "OpenGL ES 3.2", 13) != 0) {
        printf("glst_ext32: skipped, not an ES 3.2 context (%s)\n", version ? version : "none");
        status = glst_finish();
        goto out;
    }
    advertised();
    texture_buffer("OES");
    texture_buffer("EXT");
    copy_image("glCopyImageSubDataOES");
    copy_image("glCopyImageSubDataEXT");
    draw_buffers_indexed("OES");
    draw_buffers_indexed("EXT");
    base_vertex("OES");
    base_vertex("EXT");
    bounding_box_and_shading();
    border_clamp("OES");
    border_clamp("EXT");
    blend_advanced();
    glsl_extensions();
    status = glst_finish();
out:
    glst_egl_teardown(&e);
    glst_observe_close();
    return status;
}
