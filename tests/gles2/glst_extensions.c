/* The OpenGL ES 2.0 extensions glstream streams beyond the core API: their
 * entry points, glGet values, errors and pixels. Each part runs when the
 * extension is advertised; it asserts what the specifications fix, and
 * writes every observation (advertised or not, values, errors, pixels) to
 * $GLST_OUT/extensions.txt, which the comparer requires to be identical
 * natively and through glstream (a missing extension shows there too). */
#include "glst_observe.h"
#include "glst_test_util.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define W 16
#define H 16

static const char *exts;

/* Every getter gives the same value, converted. */
static void check_getters(GLenum pname)
{
    GLint i = -1;
    GLfloat f = -1;
    GLboolean b = 7;
    glGetIntegerv(pname, &i);
    glGetFloatv(pname, &f);
    glGetBooleanv(pname, &b);
    glst_note("0x%x: int %d float %g bool %d", pname, i, f, b);
    GLST_CHECK_INT((GLint)f, i);
    GLST_CHECK_INT(b, i != 0);
    GLST_ERR("getters", GL_NO_ERROR);
}

static bool has(const char *name)
{
    bool yes = glst_has_token(exts, name);
    glst_note("%s %s", name, yes ? "advertised" : "absent");
    return yes;
}

static void *proc(const char *name)
{
    void *p = (void *)eglGetProcAddress(name);
    GLST_CHECK(p != NULL);
    return p;
}

static void pixel(int x, int y, GLubyte rgba[4])
{
    memset(rgba, 0, 4);
    glReadPixels(x, y, 1, 1, GL_RGBA, GL_UNSIGNED_BYTE, rgba);
    glst_note("pixel %d,%d = %u %u %u %u", x, y, rgba[0], rgba[1], rgba[2], rgba[3]);
}

static bool near(const GLubyte *p, int r, int g, int b, int a)
{
    int want[4] = {r, g, b, a};
    for (int i = 0; i < 4; i++)
        if (abs(p[i] - want[i]) > 2)
            return false;
    return true;
}

#define CHECK_PIXEL(x, y, r, g, b, a)                                               \
    do {                                                                            \
        GLubyte px_[4];                                                             \
        pixel(x, y, px_);                                                           \
        if (!near(px_, r, g, b, a))                                                 \
            glst_fail_msg(__FILE__, __LINE__, "pixel %d,%d = %u %u %u %u, want %d %d %d %d", \
                          x, y, px_[0], px_[1], px_[2], px_[3], r, g, b, a);        \
        else                                                                        \
            glst_check_impl(true, "pixel", __FILE__, __LINE__);                     \
    } while (0)

static const char *vs_quad =
    "attribute vec4 a_pos;\n"
    "void main() { gl_Position = a_pos; }\n";

static void draw_quad(GLuint prog)
{
    static const GLfloat quad[] = {-1, -1, 1, -1, -1, 1, 1, 1};
    glUseProgram(prog);
    GLint loc = glGetAttribLocation(prog, "a_pos");
    glVertexAttribPointer((GLuint)loc, 2, GL_FLOAT, GL_FALSE, 0, quad);
    glEnableVertexAttribArray((GLuint)loc);
    glDrawArrays(GL_TRIANGLE_STRIP, 0, 4);
    glDisableVertexAttribArray((GLuint)loc);
}

static GLuint color_texture(void)
{
    GLuint tex;
    glGenTextures(1, &tex);
    glBindTexture(GL_TEXTURE_2D, tex);
    glTexImage2D(GL_TEXTURE_2D, 0, GL_RGBA, W, H, 0, GL_RGBA, GL_UNSIGNED_BYTE, NULL);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_NEAREST);
    return tex;
}

/* ---- GL_EXT_draw_buffers ---- */

static void test_draw_buffers(void)
{
    if (!has("GL_EXT_draw_buffers"))
        return;
    PFNGLDRAWBUFFERSEXTPROC DrawBuffers = proc("glDrawBuffersEXT");
    if (!DrawBuffers)
        return;
    GLint max_draw = glst_get_int(GL_MAX_DRAW_BUFFERS_EXT);
    GLint max_color = glst_get_int(GL_MAX_COLOR_ATTACHMENTS_EXT);
    GLST_CHECK(max_draw >= 1 && max_draw <= 16);
    GLST_CHECK(max_color >= max_draw);
    check_getters(GL_MAX_DRAW_BUFFERS_EXT);
    check_getters(GL_MAX_COLOR_ATTACHMENTS_EXT);
    GLST_CHECK_HEX(glst_get_int(GL_DRAW_BUFFER0_EXT), GL_BACK);

    /* the default framebuffer: one buffer, GL_BACK or GL_NONE */
    const GLenum back = GL_BACK, none = GL_NONE, two[2] = {GL_BACK, GL_NONE};
    const GLenum att[2] = {GL_COLOR_ATTACHMENT0, GL_COLOR_ATTACHMENT1_EXT};
    DrawBuffers(1, &none);
    GLST_ERR("default NONE", GL_NO_ERROR);
    GLST_CHECK_HEX(glst_get_int(GL_DRAW_BUFFER0_EXT), GL_NONE);
    DrawBuffers(1, &back);
    GLST_ERR("default BACK", GL_NO_ERROR);
    DrawBuffers(1, att);
    GLST_ERR("default COLOR_ATTACHMENT0", GL_INVALID_OPERATION);
    DrawBuffers(2, two);
    GLST_ERR("default n=2", GL_INVALID_OPERATION);
    DrawBuffers(-1, &back);
    GLST_ERR("n=-1", GL_INVALID_VALUE);
    GLST_CHECK_HEX(glst_get_int(GL_DRAW_BUFFER0_EXT), GL_BACK);

    if (max_draw < 2)
        return;
    GLuint tex[2] = {color_texture(), color_texture()};
    GLuint fbo[2];
    glGenFramebuffers(2, fbo);
    glBindFramebuffer(GL_FRAMEBUFFER, fbo[0]);
    glFramebufferTexture2D(GL_FRAMEBUFFER, GL_COLOR_ATTACHMENT0, GL_TEXTURE_2D, tex[0], 0);
    glFramebufferTexture2D(GL_FRAMEBUFFER, GL_COLOR_ATTACHMENT1_EXT, GL_TEXTURE_2D, tex[1], 0);
    GLST_ERR("attach COLOR_ATTACHMENT1_EXT", GL_NO_ERROR);
    GLST_CHECK_HEX(glCheckFramebufferStatus(GL_FRAMEBUFFER), GL_FRAMEBUFFER_COMPLETE);
    GLint v = -1;
    glGetFramebufferAttachmentParameteriv(GL_FRAMEBUFFER, GL_COLOR_ATTACHMENT1_EXT,
                                          GL_FRAMEBUFFER_ATTACHMENT_OBJECT_NAME, &v);
    glst_note("attachment 1 object name %d", v);
    GLST_CHECK_INT(v, tex[1]);
    glGetFramebufferAttachmentParameteriv(GL_FRAMEBUFFER, GL_COLOR_ATTACHMENT0 + max_color,
                                          GL_FRAMEBUFFER_ATTACHMENT_OBJECT_NAME, &v);
    GLST_ERR("attachment past MAX_COLOR_ATTACHMENTS", GL_INVALID_OPERATION); /* ES 3.0 6.1.13 */
    GLST_CHECK_HEX(glst_get_int(GL_DRAW_BUFFER0_EXT), GL_COLOR_ATTACHMENT0);
    GLST_CHECK_HEX(glst_get_int(GL_DRAW_BUFFER1_EXT), GL_NONE);
    const GLenum swapped[2] = {GL_COLOR_ATTACHMENT1_EXT, GL_COLOR_ATTACHMENT0};
    DrawBuffers(2, swapped);
    GLST_ERR("fbo swapped attachments", GL_INVALID_OPERATION);
    DrawBuffers(1, &back);
    GLST_ERR("fbo BACK", GL_INVALID_OPERATION);
    GLenum many[17] = {GL_COLOR_ATTACHMENT0, GL_COLOR_ATTACHMENT1_EXT}; /* bufs holds n values */
    DrawBuffers(max_draw + 1, many);
    GLST_ERR("n > MAX_DRAW_BUFFERS", GL_INVALID_VALUE);
    DrawBuffers(2, att);
    GLST_ERR("fbo two attachments", GL_NO_ERROR);
    GLST_CHECK_HEX(glst_get_int(GL_DRAW_BUFFER1_EXT), GL_COLOR_ATTACHMENT1_EXT);

    GLuint prog = glst_program(vs_quad,
                               "#extension GL_EXT_draw_buffers : require\n"
                               "precision mediump float;\n"
                               "void main() {\n"
                               "  gl_FragData[0] = vec4(1.0, 0.0, 0.0, 1.0);\n"
                               "  gl_FragData[1] = vec4(0.0, 1.0, 0.5, 1.0);\n"
                               "}\n");
    glClearColor(0, 0, 0, 0);
    glClear(GL_COLOR_BUFFER_BIT);
    draw_quad(prog);
    GLST_ERR("draw into two buffers", GL_NO_ERROR);
    CHECK_PIXEL(3, 3, 255, 0, 0, 255);
    /* ES 2.0 reads attachment 0 only: read the second texture through another FBO */
    glBindFramebuffer(GL_FRAMEBUFFER, fbo[1]);
    glFramebufferTexture2D(GL_FRAMEBUFFER, GL_COLOR_ATTACHMENT0, GL_TEXTURE_2D, tex[1], 0);
    CHECK_PIXEL(3, 3, 0, 255, 128, 255);

    glBindFramebuffer(GL_FRAMEBUFFER, 0);
    glDeleteFramebuffers(2, fbo);
    glDeleteTextures(2, tex);
    glDeleteProgram(prog);
    GLST_ERR("draw_buffers end", GL_NO_ERROR);
}

/* ---- GL_EXT_discard_framebuffer ---- */

static void test_discard_framebuffer(void)
{
    if (!has("GL_EXT_discard_framebuffer"))
        return;
    PFNGLDISCARDFRAMEBUFFEREXTPROC Discard = proc("glDiscardFramebufferEXT");
    if (!Discard)
        return;
    const GLenum window[3] = {GL_COLOR_EXT, GL_DEPTH_EXT, GL_STENCIL_EXT};
    const GLenum fbo_att[2] = {GL_COLOR_ATTACHMENT0, GL_DEPTH_ATTACHMENT};
    Discard(GL_FRAMEBUFFER, 3, window);
    GLST_ERR("discard window buffers", GL_NO_ERROR);
    Discard(GL_FRAMEBUFFER, 1, fbo_att);
    GLST_ERR("discard COLOR_ATTACHMENT0 of the window", GL_INVALID_ENUM);
    Discard(GL_TEXTURE_2D, 1, window);
    GLST_ERR("discard bad target", GL_INVALID_ENUM);
    Discard(GL_FRAMEBUFFER, -1, window);
    GLST_ERR("discard count -1", GL_INVALID_VALUE);
    Discard(GL_FRAMEBUFFER, 0, NULL);
    GLST_ERR("discard nothing", GL_NO_ERROR);

    GLuint tex = color_texture(), fbo;
    glGenFramebuffers(1, &fbo);
    glBindFramebuffer(GL_FRAMEBUFFER, fbo);
    glFramebufferTexture2D(GL_FRAMEBUFFER, GL_COLOR_ATTACHMENT0, GL_TEXTURE_2D, tex, 0);
    Discard(GL_FRAMEBUFFER, 2, fbo_att);
    GLST_ERR("discard fbo attachments", GL_NO_ERROR);
    Discard(GL_FRAMEBUFFER, 1, window);
    GLST_ERR("discard GL_COLOR_EXT of an fbo", GL_INVALID_ENUM);
    /* the discarded buffer is usable again */
    glClearColor(0.0f, 0.0f, 1.0f, 1.0f);
    glClear(GL_COLOR_BUFFER_BIT);
    CHECK_PIXEL(5, 5, 0, 0, 255, 255);
    glBindFramebuffer(GL_FRAMEBUFFER, 0);
    glDeleteFramebuffers(1, &fbo);
    glDeleteTextures(1, &tex);
    GLST_ERR("discard end", GL_NO_ERROR);
}

/* ---- GL_EXT_shader_framebuffer_fetch(_non_coherent) ---- */

static void test_framebuffer_fetch(void)
{
    if (glst_has_token(exts, "GL_EXT_shader_framebuffer_fetch") ||
        glst_has_token(exts, "GL_EXT_shader_framebuffer_fetch_non_coherent")) {
        check_getters(GL_FRAGMENT_SHADER_DISCARDS_SAMPLES_EXT);
    }
    if (has("GL_EXT_shader_framebuffer_fetch")) {
        GLuint prog = glst_program(vs_quad,
                                   "#extension GL_EXT_shader_framebuffer_fetch : require\n"
                                   "precision mediump float;\n"
                                   "void main() { gl_FragColor = gl_LastFragData[0] + vec4(0.5, 0.25, 0.0, 0.0); }\n");
        glClearColor(0.0f, 0.0f, 1.0f, 1.0f);
        glClear(GL_COLOR_BUFFER_BIT);
        draw_quad(prog);
        draw_quad(prog);
        GLST_ERR("framebuffer fetch draws", GL_NO_ERROR);
        CHECK_PIXEL(2, 9, 255, 128, 255, 255);
        glDeleteProgram(prog);
    }
    if (has("GL_EXT_shader_framebuffer_fetch_non_coherent")) {
        PFNGLFRAMEBUFFERFETCHBARRIEREXTPROC Barrier = proc("glFramebufferFetchBarrierEXT");
        if (!Barrier)
            return;
        GLuint prog = glst_program(vs_quad,
                                   "#extension GL_EXT_shader_framebuffer_fetch_non_coherent : require\n"
                                   "layout(noncoherent) mediump vec4 gl_LastFragData[gl_MaxDrawBuffers];\n"
                                   "void main() { gl_FragData[0] = gl_LastFragData[0] + vec4(0.25, 0.0, 0.0, 0.0); }\n");
        glClearColor(0.0f, 0.5f, 0.0f, 1.0f);
        glClear(GL_COLOR_BUFFER_BIT);
        Barrier();
        draw_quad(prog);
        Barrier();
        draw_quad(prog);
        GLST_ERR("non-coherent fetch with barriers", GL_NO_ERROR);
        CHECK_PIXEL(12, 4, 128, 128, 0, 255);
        glDeleteProgram(prog);
    }
}

/* ---- GL_KHR_parallel_shader_compile ---- */

static void test_parallel_shader_compile(void)
{
    if (!has("GL_KHR_parallel_shader_compile"))
        return;
    PFNGLMAXSHADERCOMPILERTHREADSKHRPROC MaxThreads = proc("glMaxShaderCompilerThreadsKHR");
    if (!MaxThreads)
        return;
    glst_get_int(GL_MAX_SHADER_COMPILER_THREADS_KHR);
    MaxThreads(0);
    GLST_ERR("0 compiler threads", GL_NO_ERROR);
    GLST_CHECK_INT(glst_get_int(GL_MAX_SHADER_COMPILER_THREADS_KHR), 0);
    MaxThreads(3);
    GLST_CHECK_INT(glst_get_int(GL_MAX_SHADER_COMPILER_THREADS_KHR), 3);
    check_getters(GL_MAX_SHADER_COMPILER_THREADS_KHR);
    MaxThreads(0xFFFFFFFFu);
    GLST_ERR("all compiler threads", GL_NO_ERROR);

    GLuint vs = glst_compile(GL_VERTEX_SHADER, vs_quad);
    GLuint fs = glst_compile(GL_FRAGMENT_SHADER, "void main() { gl_FragColor = vec4(1.0); }\n");
    GLuint prog = glCreateProgram();
    glAttachShader(prog, vs);
    glAttachShader(prog, fs);
    glLinkProgram(prog);
    GLint done = GL_FALSE;
    for (int i = 0; i < 1000 && !done; i++)
        glGetProgramiv(prog, GL_COMPLETION_STATUS_KHR, &done);
    GLST_CHECK_INT(done, GL_TRUE);
    done = GL_FALSE;
    glGetShaderiv(fs, GL_COMPLETION_STATUS_KHR, &done);
    GLST_CHECK_INT(done, GL_TRUE);
    GLint linked = GL_FALSE;
    glGetProgramiv(prog, GL_LINK_STATUS, &linked);
    GLST_CHECK_INT(linked, GL_TRUE);
    GLST_ERR("completion status", GL_NO_ERROR);
    GLint untouched = 42;
    glGetShaderiv(prog, GL_COMPLETION_STATUS_KHR, &untouched);
    GLST_ERR("shader completion status of a program", GL_INVALID_OPERATION);
    GLST_CHECK_INT(untouched, 42);
    glDeleteShader(vs);
    glDeleteShader(fs);
    glDeleteProgram(prog);
}

/* ---- GL_EXT_blend_func_extended ---- */

static void test_blend_func_extended(void)
{
    if (!has("GL_EXT_blend_func_extended"))
        return;
    PFNGLBINDFRAGDATALOCATIONINDEXEDEXTPROC BindIndexed = proc("glBindFragDataLocationIndexedEXT");
    PFNGLBINDFRAGDATALOCATIONEXTPROC Bind = proc("glBindFragDataLocationEXT");
    PFNGLGETFRAGDATAINDEXEXTPROC GetIndex = proc("glGetFragDataIndexEXT");
    if (!BindIndexed || !Bind || !GetIndex)
        return;
    GLint max_dual = glst_get_int(GL_MAX_DUAL_SOURCE_DRAW_BUFFERS_EXT);
    GLST_CHECK(max_dual >= 1);
    check_getters(GL_MAX_DUAL_SOURCE_DRAW_BUFFERS_EXT);

    GLuint prog = glst_program(vs_quad,
                               "#extension GL_EXT_blend_func_extended : require\n"
                               "precision mediump float;\n"
                               "void main() {\n"
                               "  gl_FragColor = vec4(1.0, 1.0, 0.0, 1.0);\n"
                               "  gl_SecondaryFragColorEXT = vec4(0.5, 0.25, 1.0, 0.0);\n"
                               "}\n");
    glClearColor(0.0f, 0.0f, 1.0f, 1.0f);
    glClear(GL_COLOR_BUFFER_BIT);
    glEnable(GL_BLEND);
    /* src * src1 + dst * (1 - src1) */
    glBlendFunc(GL_SRC1_COLOR_EXT, GL_ONE_MINUS_SRC1_COLOR_EXT);
    GLST_ERR("SRC1 blend factors", GL_NO_ERROR);
    GLint v = glst_get_int(GL_BLEND_SRC_RGB);
    GLST_CHECK_HEX(v, GL_SRC1_COLOR_EXT);
    draw_quad(prog);
    GLST_ERR("dual-source draw", GL_NO_ERROR);
    CHECK_PIXEL(8, 8, 128, 64, 0, 255);
    glBlendFuncSeparate(GL_ONE, GL_ZERO, GL_SRC1_ALPHA_EXT, GL_ONE_MINUS_SRC1_ALPHA_EXT);
    GLST_CHECK_HEX(glst_get_int(GL_BLEND_DST_ALPHA), GL_ONE_MINUS_SRC1_ALPHA_EXT);
    glDisable(GL_BLEND);
    glBlendFunc(GL_ONE, GL_ZERO);
    GLST_ERR("blend reset", GL_NO_ERROR);

    /* binding names: checked at the call, used at the next link */
    BindIndexed(prog, 0, 1, "color1");
    GLST_ERR("bind index 1", GL_NO_ERROR);
    BindIndexed(prog, 0, 2, "color2");
    GLST_ERR("bind index 2", GL_INVALID_VALUE);
    BindIndexed(prog, (GLuint)max_dual, 1, "color3");
    GLST_ERR("bind index 1 past MAX_DUAL_SOURCE_DRAW_BUFFERS", GL_INVALID_VALUE);
    BindIndexed(prog, 0, 0, "gl_reserved");
    GLST_ERR("bind gl_ name", GL_INVALID_OPERATION);
    Bind(prog, 0, "color0");
    GLST_ERR("bind location", GL_NO_ERROR);
    Bind(prog, 1000, "color0");
    GLST_ERR("bind location past MAX_DRAW_BUFFERS", GL_INVALID_VALUE);
    Bind(prog + 1000, 0, "color0");
    GLST_ERR("bind location of no program", GL_INVALID_VALUE);
    GLint index = GetIndex(prog, "gl_FragColor");
    glst_note("glGetFragDataIndexEXT(gl_FragColor) = %d", index);
    GLST_ERR("fragment data index", GL_NO_ERROR);
    GLST_CHECK_INT(GetIndex(prog, "nothing"), -1);
    GLuint unlinked = glCreateProgram();
    GLST_CHECK_INT(GetIndex(unlinked, "color0"), -1);
    GLST_ERR("index of an unlinked program", GL_INVALID_OPERATION);
    glDeleteProgram(unlinked);
    glDeleteProgram(prog);
}

/* ---- GL_EXT_unpack_subimage ---- */

static uint32_t source_texel(int x, int y)
{
    return (uint32_t)(x * 7 + 1) | (uint32_t)(y * 5 + 2) << 8 | (uint32_t)((x ^ y) * 3) << 16 | 0xffu << 24;
}

/* Reads back an RGBA texture of w x h through an FBO and compares it with
 * want (w x h texels, 0 = anything). */
static void check_texture(GLuint tex, int w, int h, const uint32_t *want, const char *what)
{
    GLuint fbo;
    glGenFramebuffers(1, &fbo);
    glBindFramebuffer(GL_FRAMEBUFFER, fbo);
    glFramebufferTexture2D(GL_FRAMEBUFFER, GL_COLOR_ATTACHMENT0, GL_TEXTURE_2D, tex, 0);
    uint32_t *got = calloc((size_t)w * (size_t)h, 4);
    glReadPixels(0, 0, w, h, GL_RGBA, GL_UNSIGNED_BYTE, got);
    int bad = 0;
    for (int i = 0; i < w * h; i++)
        if (want[i] && got[i] != want[i] && bad++ < 3)
            glst_fail_msg(__FILE__, __LINE__, "%s: texel %d,%d = %08x, want %08x", what, i % w, i / w, got[i], want[i]);
    if (!bad)
        glst_check_impl(true, what, __FILE__, __LINE__);
    unsigned long sum = 0;
    for (int i = 0; i < w * h; i++)
        sum = sum * 31 + got[i];
    glst_note("%s: %d bad texels, checksum %lu", what, bad, sum);
    free(got);
    glBindFramebuffer(GL_FRAMEBUFFER, 0);
    glDeleteFramebuffers(1, &fbo);
}

static void test_unpack_subimage(void)
{
    if (!has("GL_EXT_unpack_subimage"))
        return;
    GLST_CHECK_INT(glst_get_int(GL_UNPACK_ROW_LENGTH_EXT), 0);
    GLST_CHECK_INT(glst_get_int(GL_UNPACK_SKIP_ROWS_EXT), 0);
    GLST_CHECK_INT(glst_get_int(GL_UNPACK_SKIP_PIXELS_EXT), 0);
    glPixelStorei(GL_UNPACK_ROW_LENGTH_EXT, -1);
    GLST_ERR("negative row length", GL_INVALID_VALUE);
    glPixelStorei(GL_UNPACK_SKIP_ROWS_EXT, -3);
    GLST_ERR("negative skip rows", GL_INVALID_VALUE);
    GLST_CHECK_INT(glst_get_int(GL_UNPACK_ROW_LENGTH_EXT), 0);

    /* a 4x4 window of a 7x6 image, then a 2x2 one over its middle */
    enum { SW = 7, SH = 6 };
    uint32_t src[SW * SH], want[16];
    for (int y = 0; y < SH; y++)
        for (int x = 0; x < SW; x++)
            src[y * SW + x] = source_texel(x, y);
    GLuint tex;
    glGenTextures(1, &tex);
    glBindTexture(GL_TEXTURE_2D, tex);
    glPixelStorei(GL_UNPACK_ROW_LENGTH_EXT, SW);
    glPixelStorei(GL_UNPACK_SKIP_PIXELS_EXT, 2);
    glPixelStorei(GL_UNPACK_SKIP_ROWS_EXT, 1);
    GLST_CHECK_INT(glst_get_int(GL_UNPACK_ROW_LENGTH_EXT), SW);
    check_getters(GL_UNPACK_SKIP_PIXELS_EXT);
    glTexImage2D(GL_TEXTURE_2D, 0, GL_RGBA, 4, 4, 0, GL_RGBA, GL_UNSIGNED_BYTE, src);
    glPixelStorei(GL_UNPACK_SKIP_PIXELS_EXT, 5);
    glPixelStorei(GL_UNPACK_SKIP_ROWS_EXT, 3);
    glTexSubImage2D(GL_TEXTURE_2D, 0, 1, 1, 2, 2, GL_RGBA, GL_UNSIGNED_BYTE, src);
    GLST_ERR("uploads with row length and skips", GL_NO_ERROR);
    for (int y = 0; y < 4; y++)
        for (int x = 0; x < 4; x++)
            want[y * 4 + x] = x >= 1 && x <= 2 && y >= 1 && y <= 2 ? source_texel(x - 1 + 5, y - 1 + 3)
                                                                     : source_texel(x + 2, y + 1);
    check_texture(tex, 4, 4, want, "RGBA window");

    /* rows shorter than the rectangle: they overlap */
    glPixelStorei(GL_UNPACK_ROW_LENGTH_EXT, 2);
    glPixelStorei(GL_UNPACK_SKIP_PIXELS_EXT, 0);
    glPixelStorei(GL_UNPACK_SKIP_ROWS_EXT, 0);
    glTexSubImage2D(GL_TEXTURE_2D, 0, 0, 0, 4, 2, GL_RGBA, GL_UNSIGNED_BYTE, src);
    for (int y = 0; y < 4; y++)
        for (int x = 0; x < 4; x++)
            if (y < 2)
                want[y * 4 + x] = src[y * 2 + x];
    check_texture(tex, 4, 4, want, "overlapping rows");

    /* RGB rows padded to the alignment of 4 */
    enum { RW = 5, RH = 4 };
    uint8_t rgb[RH * 16];
    for (int i = 0; i < (int)sizeof(rgb); i++)
        rgb[i] = (uint8_t)(i * 13 + 7);
    glPixelStorei(GL_UNPACK_ALIGNMENT, 4);
    glPixelStorei(GL_UNPACK_ROW_LENGTH_EXT, RW); /* 15 bytes: stride 16 */
    glPixelStorei(GL_UNPACK_SKIP_PIXELS_EXT, 1);
    glPixelStorei(GL_UNPACK_SKIP_ROWS_EXT, 1);
    glTexImage2D(GL_TEXTURE_2D, 0, GL_RGB, 3, 3, 0, GL_RGB, GL_UNSIGNED_BYTE, rgb);
    GLST_ERR("RGB upload", GL_NO_ERROR);
    uint32_t want_rgb[9];
    for (int y = 0; y < 3; y++)
        for (int x = 0; x < 3; x++) {
            const uint8_t *p = rgb + (y + 1) * 16 + (x + 1) * 3;
            want_rgb[y * 3 + x] = (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 | 0xffu << 24;
        }
    check_texture(tex, 3, 3, want_rgb, "RGB window, alignment 4");

    /* past the 16 MiB the client sends in one piece: bands of rows */
    enum { BW = 2100, BH = 2100, BROW = 2111 };
    uint32_t *big = malloc((size_t)BROW * (BH + 3) * 4);
    if (big) {
        for (int y = 0; y < BH + 3; y++)
            for (int x = 0; x < BROW; x++)
                big[(size_t)y * BROW + x] = source_texel(x, y);
        glPixelStorei(GL_UNPACK_ROW_LENGTH_EXT, BROW);
        glPixelStorei(GL_UNPACK_SKIP_PIXELS_EXT, 9);
        glPixelStorei(GL_UNPACK_SKIP_ROWS_EXT, 3);
        glTexImage2D(GL_TEXTURE_2D, 0, GL_RGBA, BW, BH, 0, GL_RGBA, GL_UNSIGNED_BYTE, big);
        GLST_ERR("large upload with row length", GL_NO_ERROR);
        uint32_t *want_big = calloc((size_t)BW * BH, 4);
        if (want_big) {
            for (int y = 0; y < BH; y++)
                for (int x = 0; x < BW; x++)
                    want_big[(size_t)y * BW + x] = source_texel(x + 9, y + 3);
            check_texture(tex, BW, BH, want_big, "large window");
            free(want_big);
        }
        free(big);
    }
    glPixelStorei(GL_UNPACK_ROW_LENGTH_EXT, 0);
    glPixelStorei(GL_UNPACK_SKIP_PIXELS_EXT, 0);
    glPixelStorei(GL_UNPACK_SKIP_ROWS_EXT, 0);
    glDeleteTextures(1, &tex);
    GLST_ERR("unpack_subimage end", GL_NO_ERROR);
}

/* ---- GL_EXT_draw_instanced ---- */

static void test_draw_instanced(void)
{
    if (!has("GL_EXT_draw_instanced"))
        return;
    PFNGLDRAWARRAYSINSTANCEDEXTPROC DrawArraysInstanced = proc("glDrawArraysInstancedEXT");
    PFNGLDRAWELEMENTSINSTANCEDEXTPROC DrawElementsInstanced = proc("glDrawElementsInstancedEXT");
    if (!DrawArraysInstanced || !DrawElementsInstanced)
        return;
    /* instance i: the quad moved i quarters of the width right, its own colour */
    GLuint prog = glst_program("#extension GL_EXT_draw_instanced : require\n"
                               "attribute vec2 a_pos;\n"
                               "varying vec4 v_color;\n"
                               "void main() {\n"
                               "  float i = float(gl_InstanceIDEXT);\n"
                               "  v_color = vec4(i / 3.0, 1.0 - i / 3.0, 0.5, 1.0);\n"
                               "  gl_Position = vec4(a_pos.x + i * 0.5, a_pos.y, 0.0, 1.0);\n"
                               "}\n",
                               "precision mediump float;\n"
                               "varying vec4 v_color;\n"
                               "void main() { gl_FragColor = v_color; }\n");
    /* vertices 0..1 unused, 2..5 a quarter-wide column */
    static const GLfloat column[] = {9, 9, 9, 9, -1, -1, -0.5f, -1, -1, 1, -0.5f, 1};
    static const GLushort quad_indices[] = {2, 3, 4, 3, 5, 4};
    glUseProgram(prog);
    GLuint loc = (GLuint)glGetAttribLocation(prog, "a_pos");
    glVertexAttribPointer(loc, 2, GL_FLOAT, GL_FALSE, 0, column);
    glEnableVertexAttribArray(loc);

    glClearColor(0, 0, 0, 1);
    glClear(GL_COLOR_BUFFER_BIT);
    DrawArraysInstanced(GL_TRIANGLE_STRIP, 2, 4, 4);
    GLST_ERR("instanced arrays from client memory", GL_NO_ERROR);
    for (int i = 0; i < 4; i++)
        CHECK_PIXEL(i * 4 + 2, 8, (i * 255 + 1) / 3, 255 - (i * 255 + 1) / 3, 128, 255);

    glClear(GL_COLOR_BUFFER_BIT);
    DrawElementsInstanced(GL_TRIANGLES, 6, GL_UNSIGNED_SHORT, quad_indices, 2);
    GLST_ERR("instanced client indices", GL_NO_ERROR);
    CHECK_PIXEL(6, 8, 85, 170, 128, 255);
    CHECK_PIXEL(10, 8, 0, 0, 0, 255);

    /* vertices and indices in buffers */
    GLuint buffers[2];
    glGenBuffers(2, buffers);
    glBindBuffer(GL_ARRAY_BUFFER, buffers[0]);
    glBufferData(GL_ARRAY_BUFFER, sizeof(column), column, GL_STATIC_DRAW);
    glVertexAttribPointer(loc, 2, GL_FLOAT, GL_FALSE, 0, (const void *)0);
    glBindBuffer(GL_ELEMENT_ARRAY_BUFFER, buffers[1]);
    glBufferData(GL_ELEMENT_ARRAY_BUFFER, sizeof(quad_indices), quad_indices, GL_STATIC_DRAW);
    glClear(GL_COLOR_BUFFER_BIT);
    DrawElementsInstanced(GL_TRIANGLES, 3, GL_UNSIGNED_SHORT, (const void *)(3 * sizeof(GLushort)), 3);
    GLST_ERR("instanced buffer indices", GL_NO_ERROR);
    CHECK_PIXEL(11, 14, 170, 85, 128, 255); /* upper-right half of the third column */
    CHECK_PIXEL(9, 1, 0, 0, 0, 255);
    CHECK_PIXEL(14, 14, 0, 0, 0, 255);

    /* client vertices, indices in a buffer */
    glBindBuffer(GL_ARRAY_BUFFER, 0);
    glVertexAttribPointer(loc, 2, GL_FLOAT, GL_FALSE, 0, column);
    glClear(GL_COLOR_BUFFER_BIT);
    DrawElementsInstanced(GL_TRIANGLES, 6, GL_UNSIGNED_SHORT, (const void *)0, 4);
    GLST_ERR("instanced client vertices, buffer indices", GL_NO_ERROR);
    CHECK_PIXEL(14, 3, 255, 0, 128, 255);

    /* errors: the driver's */
    DrawArraysInstanced(GL_TRIANGLE_STRIP, 2, 4, -1);
    GLST_ERR("primcount -1", GL_INVALID_VALUE);
    DrawArraysInstanced(GL_TRIANGLE_STRIP, 2, -4, 1);
    GLST_ERR("count -4", GL_INVALID_VALUE);
    DrawArraysInstanced(0x1234, 2, 4, 1);
    GLST_ERR("bad mode", GL_INVALID_ENUM);
    DrawElementsInstanced(GL_TRIANGLES, 6, GL_FLOAT, (const void *)0, 1);
    GLST_ERR("bad index type", GL_INVALID_ENUM);
    DrawElementsInstanced(GL_TRIANGLES, 6, GL_UNSIGNED_SHORT, (const void *)0, -2);
    GLST_ERR("elements primcount -2", GL_INVALID_VALUE);
    glClear(GL_COLOR_BUFFER_BIT);
    DrawArraysInstanced(GL_TRIANGLE_STRIP, 2, 4, 0);
    GLST_ERR("no instances", GL_NO_ERROR);
    CHECK_PIXEL(2, 8, 0, 0, 0, 255);

    glDisableVertexAttribArray(loc);
    glBindBuffer(GL_ELEMENT_ARRAY_BUFFER, 0);
    glDeleteBuffers(2, buffers);
    glDeleteProgram(prog);
    GLST_ERR("draw_instanced end", GL_NO_ERROR);
}

int main(void)
{
    glst_egl egl;
    glst_observe_open("extensions");
    if (!glst_egl_setup(&egl, W, H)) {
        GLST_CHECK(!"EGL setup");
        return glst_finish();
    }
    exts = (const char *)glGetString(GL_EXTENSIONS);
    test_draw_buffers();
    test_discard_framebuffer();
    test_framebuffer_fetch();
    test_parallel_shader_compile();
    test_blend_func_extended();
    test_unpack_subimage();
    test_draw_instanced();
    GLST_ERR("end", GL_NO_ERROR);
    glst_egl_teardown(&egl);
    glst_observe_close();
    return glst_finish();
}
