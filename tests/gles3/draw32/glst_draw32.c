/* OpenGL ES 3.2 draw32 group (docs/es3.md), compared natively and through
 * glstream: base vertex draws (buffers and client arrays, negative base
 * vertices, primitive restart), per-draw-buffer blending and colour masks
 * with multiple render targets, sample shading, advanced blend equations,
 * bounded reads (glReadnPixels, glGetnUniform*), the reset status and the
 * core debug entry points. Every value, error and pixel is written with
 * glst_note and must be the same both ways. */
#include <stdio.h>
#include <string.h>

#include <GLES3/gl32.h>

#include "glst_observe.h"
#include "glst_test_util.h"

#define W 32
#define H 32

static bool streamed; /* through glstream: its GL_VERSION says so */

static void note_pixel(const char *what, int x, int y)
{
    uint8_t p[4] = {0};
    glReadPixels(x, y, 1, 1, GL_RGBA, GL_UNSIGNED_BYTE, p);
    glst_note("%s pixel %d,%d = %u %u %u %u", what, x, y, p[0], p[1], p[2], p[3]);
}

static void clear(void)
{
    glClearColor(0, 0, 0, 0);
    glClear(GL_COLOR_BUFFER_BIT);
}

static const char *color_vs =
    "#version 300 es\n"
    "layout(location = 0) in vec2 pos;\n"
    "layout(location = 1) in vec4 c;\n"
    "out vec4 vc;\n"
    "void main() { vc = c; gl_Position = vec4(pos, 0.0, 1.0); }\n";
static const char *color_fs =
    "#version 300 es\n"
    "precision mediump float;\n"
    "in vec4 vc;\n"
    "layout(location = 0) out vec4 color;\n"
    "void main() { color = vc; }\n";

/* 12 vertices: three strips of 4, the left, middle and right thirds of
 * the window, red, green and blue */
struct vertex {
    GLfloat x, y;
    GLfloat r, g, b, a;
};
static struct vertex vertices[12];

static void make_vertices(void)
{
    for (int s = 0; s < 3; s++)
        for (int i = 0; i < 4; i++) {
            struct vertex *v = &vertices[4 * s + i];
            v->x = -1.0f + (2.0f / 3.0f) * (float)(s + (i & 1));
            v->y = (i & 2) ? 1.0f : -1.0f;
            v->r = s == 0;
            v->g = s == 1;
            v->b = s == 2;
            v->a = 1;
        }
}

static void note_thirds(const char *what)
{
    char label[160];
    for (int s = 0; s < 3; s++) {
        snprintf(label, sizeof(label), "%s third %d", what, s);
        note_pixel(label, W / 6 + s * W / 3, H / 2);
    }
}

static void set_arrays(const void *base)
{
    const uint8_t *b = base;
    glVertexAttribPointer(0, 2, GL_FLOAT, GL_FALSE, sizeof(struct vertex), b);
    glVertexAttribPointer(1, 4, GL_FLOAT, GL_FALSE, sizeof(struct vertex), b + 8);
    glEnableVertexAttribArray(0);
    glEnableVertexAttribArray(1);
}

/* the draws of one path: buffers (element and array buffers) or client memory */
static void base_vertex_draws(bool buffers)
{
    const char *path = buffers ? "buffers" : "client";
    char what[96];
    static const GLubyte idx8[] = {0, 1, 2, 3};
    static const GLushort idx16[] = {4, 5, 6, 7};
    static const GLuint idx32[] = {0, 1, 2, 3};
    /* two strips split by the restart index 0xff: each names vertices 0..3 */
    static const GLubyte restart8[] = {0, 1, 2, 3, 0xff, 0, 1, 2, 3};
    GLuint bufs[2] = {0, 0};
    const void *o8 = idx8, *o16 = idx16, *o32 = idx32, *or8 = restart8;
    if (buffers) {
        glGenBuffers(2, bufs);
        glBindBuffer(GL_ARRAY_BUFFER, bufs[0]);
        glBufferData(GL_ARRAY_BUFFER, sizeof(vertices), vertices, GL_STATIC_DRAW);
        set_arrays(NULL);
        glBindBuffer(GL_ELEMENT_ARRAY_BUFFER, bufs[1]);
        uint8_t all[64];
        memcpy(all, idx8, 4);
        memcpy(all + 4, idx16, 8);
        memcpy(all + 12, idx32, 16);
        memcpy(all + 28, restart8, 9);
        glBufferData(GL_ELEMENT_ARRAY_BUFFER, 37, all, GL_STATIC_DRAW);
        o8 = (const void *)0;
        o16 = (const void *)4;
        o32 = (const void *)12;
        or8 = (const void *)28;
    } else {
        glBindBuffer(GL_ARRAY_BUFFER, 0);
        glBindBuffer(GL_ELEMENT_ARRAY_BUFFER, 0);
        set_arrays(vertices);
    }
    for (int base = 0; base <= 8; base += 4) {
        clear();
        glDrawElementsBaseVertex(GL_TRIANGLE_STRIP, 4, GL_UNSIGNED_BYTE, o8, base);
        snprintf(what, sizeof(what), "%s glDrawElementsBaseVertex %d", path, base);
        GLST_ERR(what, GL_NO_ERROR);
        note_thirds(what);
    }
    /* negative: indices 4..7 minus 4 */
    clear();
    glDrawElementsBaseVertex(GL_TRIANGLE_STRIP, 4, GL_UNSIGNED_SHORT, o16, -4);
    snprintf(what, sizeof(what), "%s glDrawElementsBaseVertex -4", path);
    GLST_ERR(what, GL_NO_ERROR);
    note_thirds(what);
    clear();
    glDrawRangeElementsBaseVertex(GL_TRIANGLE_STRIP, 0, 3, 4, GL_UNSIGNED_INT, o32, 8);
    snprintf(what, sizeof(what), "%s glDrawRangeElementsBaseVertex 8", path);
    GLST_ERR(what, GL_NO_ERROR);
    note_thirds(what);
    clear();
    glDrawElementsInstancedBaseVertex(GL_TRIANGLE_STRIP, 4, GL_UNSIGNED_SHORT, o16, 3, 0);
    snprintf(what, sizeof(what), "%s glDrawElementsInstancedBaseVertex 0", path);
    GLST_ERR(what, GL_NO_ERROR);
    note_thirds(what);
    /* the restart index is recognised before basevertex is added */
    glEnable(GL_PRIMITIVE_RESTART_FIXED_INDEX);
    clear();
    glDrawElementsBaseVertex(GL_TRIANGLE_STRIP, 9, GL_UNSIGNED_BYTE, or8, 8);
    snprintf(what, sizeof(what), "%s restart glDrawElementsBaseVertex 8", path);
    GLST_ERR(what, GL_NO_ERROR);
    note_thirds(what);
    glDisable(GL_PRIMITIVE_RESTART_FIXED_INDEX);
    /* errors the driver reports */
    glDrawElementsBaseVertex(GL_TRIANGLE_STRIP, -1, GL_UNSIGNED_BYTE, o8, 0);
    GLST_ERR("glDrawElementsBaseVertex count -1", GL_INVALID_VALUE);
    glDrawElementsBaseVertex(0x7777, 4, GL_UNSIGNED_BYTE, o8, 0);
    GLST_ERR("glDrawElementsBaseVertex bad mode", GL_INVALID_ENUM);
    glDrawElementsBaseVertex(GL_TRIANGLES, 3, GL_FLOAT, o8, 0);
    GLST_ERR("glDrawElementsBaseVertex bad type", GL_INVALID_ENUM);
    glDrawRangeElementsBaseVertex(GL_TRIANGLE_STRIP, 3, 0, 4, GL_UNSIGNED_BYTE, o8, 0);
    GLST_ERR("glDrawRangeElementsBaseVertex end < start", GL_INVALID_VALUE);
    glDrawElementsInstancedBaseVertex(GL_TRIANGLE_STRIP, 4, GL_UNSIGNED_BYTE, o8, -1, 0);
    GLST_ERR("glDrawElementsInstancedBaseVertex instances -1", GL_INVALID_VALUE);
    if (streamed) {
        /* a vertex below 0: undefined natively, refused by the worker */
        glDrawElementsBaseVertex(GL_TRIANGLE_STRIP, 4, GL_UNSIGNED_BYTE, o8, -1);
        GLST_CHECK_HEX(glGetError(), GL_INVALID_OPERATION);
        if (buffers) {
            /* past the buffer (client memory past an array is the
             * application's own, read natively too) */
            glDrawElementsBaseVertex(GL_TRIANGLE_STRIP, 4, GL_UNSIGNED_BYTE, o8, 0x7fffffff);
            GLST_CHECK_HEX(glGetError(), GL_INVALID_OPERATION);
            glDrawElementsBaseVertex(GL_TRIANGLE_STRIP, 4, GL_UNSIGNED_BYTE, o8, 9);
            GLST_CHECK_HEX(glGetError(), GL_INVALID_OPERATION);
        }
    }
    glDisableVertexAttribArray(0);
    glDisableVertexAttribArray(1);
    glBindBuffer(GL_ARRAY_BUFFER, 0);
    glBindBuffer(GL_ELEMENT_ARRAY_BUFFER, 0);
    if (buffers)
        glDeleteBuffers(2, bufs);
}

static void base_vertex(void)
{
    GLuint prog = glst_program(color_vs, color_fs);
    glUseProgram(prog);
    make_vertices();
    base_vertex_draws(true);
    base_vertex_draws(false);
    glUseProgram(0);
    glDeleteProgram(prog);
    GLST_ERR("base vertex", GL_NO_ERROR);
}

/* ---- per-draw-buffer blending and colour masks ---- */

static const char *mrt_fs =
    "#version 300 es\n"
    "precision mediump float;\n"
    "layout(location = 0) out vec4 c0;\n"
    "layout(location = 1) out vec4 c1;\n"
    "layout(location = 2) out vec4 c2;\n"
    "void main() { c0 = vec4(0.5, 0.25, 0.75, 0.5); c1 = c0; c2 = c0; }\n";
static const char *quad_vs =
    "#version 300 es\n"
    "layout(location = 0) in vec2 pos;\n"
    "void main() { gl_Position = vec4(pos, 0.0, 1.0); }\n";
static const GLfloat quad[] = {-1, -1, 1, -1, -1, 1, 1, 1};

static void note_indexed(const char *what, GLenum pname, GLuint index)
{
    GLint v[4] = {-7, -7, -7, -7};
    glGetIntegeri_v(pname, index, v);
    GLenum e = glGetError();
    glst_note("glGetIntegeri_v %s %u = %d %d %d %d (error 0x%x)", what, index, v[0], v[1], v[2], v[3], e);
}

static void indexed_blend(void)
{
    GLuint fbo, rbs[3];
    glGenFramebuffers(1, &fbo);
    glBindFramebuffer(GL_FRAMEBUFFER, fbo);
    glGenRenderbuffers(3, rbs);
    for (int i = 0; i < 3; i++) {
        glBindRenderbuffer(GL_RENDERBUFFER, rbs[i]);
        glRenderbufferStorage(GL_RENDERBUFFER, GL_RGBA8, W, H);
        glFramebufferRenderbuffer(GL_FRAMEBUFFER, GL_COLOR_ATTACHMENT0 + i, GL_RENDERBUFFER, rbs[i]);
    }
    static const GLenum bufs[] = {GL_COLOR_ATTACHMENT0, GL_COLOR_ATTACHMENT1, GL_COLOR_ATTACHMENT2};
    glDrawBuffers(3, bufs);
    GLuint prog = glst_program(quad_vs, mrt_fs);
    glUseProgram(prog);
    glVertexAttribPointer(0, 2, GL_FLOAT, GL_FALSE, 0, quad);
    glEnableVertexAttribArray(0);
    glClearColor(0.5f, 0.5f, 0.5f, 0.5f);
    glClear(GL_COLOR_BUFFER_BIT);
    /* buffer 0: no blending, red and alpha masked; buffer 1: additive;
     * buffer 2: reverse subtract with separate factors */
    glDisablei(GL_BLEND, 0);
    glEnablei(GL_BLEND, 1);
    glEnablei(GL_BLEND, 2);
    glColorMaski(0, GL_FALSE, GL_TRUE, GL_TRUE, GL_FALSE);
    glBlendFunci(1, GL_ONE, GL_ONE);
    glBlendEquationi(1, GL_FUNC_ADD);
    glBlendFuncSeparatei(2, GL_SRC_ALPHA, GL_ONE, GL_ONE, GL_ZERO);
    glBlendEquationSeparatei(2, GL_FUNC_REVERSE_SUBTRACT, GL_MAX);
    GLST_ERR("indexed blend state", GL_NO_ERROR);
    for (GLuint i = 0; i < 3; i++) {
        GLboolean on = glIsEnabledi(GL_BLEND, i);
        glst_note("glIsEnabledi GL_BLEND %u = %d", i, on);
        note_indexed("GL_BLEND", GL_BLEND, i);
        note_indexed("GL_BLEND_SRC_RGB", GL_BLEND_SRC_RGB, i);
        note_indexed("GL_BLEND_DST_RGB", GL_BLEND_DST_RGB, i);
        note_indexed("GL_BLEND_SRC_ALPHA", GL_BLEND_SRC_ALPHA, i);
        note_indexed("GL_BLEND_DST_ALPHA", GL_BLEND_DST_ALPHA, i);
        note_indexed("GL_BLEND_EQUATION_RGB", GL_BLEND_EQUATION_RGB, i);
        note_indexed("GL_BLEND_EQUATION_ALPHA", GL_BLEND_EQUATION_ALPHA, i);
        note_indexed("GL_COLOR_WRITEMASK", GL_COLOR_WRITEMASK, i);
        GLboolean b[4] = {9, 9, 9, 9};
        glGetBooleanv(GL_COLOR_WRITEMASK, b);
        glst_note("glGetBooleanv GL_COLOR_WRITEMASK = %d %d %d %d", b[0], b[1], b[2], b[3]);
    }
    glDrawArrays(GL_TRIANGLE_STRIP, 0, 4);
    GLST_ERR("MRT draw", GL_NO_ERROR);
    for (int i = 0; i < 3; i++) {
        char what[64];
        glReadBuffer(GL_COLOR_ATTACHMENT0 + i);
        snprintf(what, sizeof(what), "MRT buffer %d", i);
        note_pixel(what, W / 2, H / 2);
    }
    /* errors: the index is the driver's to check, the caps and equations ours */
    glEnablei(GL_BLEND, 64);
    GLST_ERR("glEnablei index 64", GL_INVALID_VALUE);
    glEnablei(GL_DEPTH_TEST, 0);
    GLST_ERR("glEnablei GL_DEPTH_TEST", GL_INVALID_ENUM);
    glIsEnabledi(GL_CULL_FACE, 0);
    GLST_ERR("glIsEnabledi GL_CULL_FACE", GL_INVALID_ENUM);
    /* Mesa takes the scissor test of viewport 0 too */
    glEnablei(GL_SCISSOR_TEST, 0);
    glst_note("glIsEnabled GL_SCISSOR_TEST after glEnablei = %d (error 0x%x)", glIsEnabled(GL_SCISSOR_TEST),
              glGetError());
    glDisable(GL_SCISSOR_TEST);
    glBlendFunci(64, GL_ONE, GL_ONE);
    GLST_ERR("glBlendFunci index 64", GL_INVALID_VALUE);
    glBlendFunci(0, GL_ONE, 0x1234);
    GLST_ERR("glBlendFunci bad factor", GL_INVALID_ENUM);
    glBlendEquationi(0, 0x1234);
    GLST_ERR("glBlendEquationi bad mode", GL_INVALID_ENUM);
    glBlendEquationSeparatei(0, GL_MULTIPLY, GL_FUNC_ADD);
    GLST_ERR("glBlendEquationSeparatei advanced", GL_INVALID_ENUM);
    glColorMaski(64, GL_TRUE, GL_TRUE, GL_TRUE, GL_TRUE);
    GLST_ERR("glColorMaski index 64", GL_INVALID_VALUE);
    note_indexed("GL_BLEND_SRC_RGB", GL_BLEND_SRC_RGB, 64);
    /* the non-indexed forms set every buffer */
    glBlendFunc(GL_ZERO, GL_ONE);
    glColorMask(GL_TRUE, GL_TRUE, GL_TRUE, GL_TRUE);
    glEnable(GL_BLEND);
    note_indexed("GL_BLEND_SRC_RGB after glBlendFunc", GL_BLEND_SRC_RGB, 2);
    note_indexed("GL_COLOR_WRITEMASK after glColorMask", GL_COLOR_WRITEMASK, 0);
    glst_note("glIsEnabledi GL_BLEND 0 after glEnable = %d", glIsEnabledi(GL_BLEND, 0));
    glDisable(GL_BLEND);
    glBlendFunc(GL_ONE, GL_ZERO);
    glDisableVertexAttribArray(0);
    glUseProgram(0);
    glDeleteProgram(prog);
    glBindFramebuffer(GL_FRAMEBUFFER, 0);
    glDeleteFramebuffers(1, &fbo);
    glDeleteRenderbuffers(3, rbs);
    GLST_ERR("indexed blend", GL_NO_ERROR);
}

/* ---- advanced blend equations (KHR_blend_equation_advanced in ES 3.2) ---- */

static const char *quad320_vs =
    "#version 320 es\n"
    "layout(location = 0) in vec2 pos;\n"
    "void main() { gl_Position = vec4(pos, 0.0, 1.0); }\n";
static const char *advanced_fs =
    "#version 320 es\n"
    "precision mediump float;\n"
    "layout(blend_support_all_equations) out;\n"
    "uniform vec4 color;\n"
    "layout(location = 0) out vec4 c;\n"
    "void main() { c = color; }\n";

static void advanced_blend(void)
{
    static const GLenum modes[] = {GL_MULTIPLY, GL_SCREEN, GL_OVERLAY, GL_DARKEN, GL_LIGHTEN, GL_COLORDODGE,
                                   GL_COLORBURN, GL_HARDLIGHT, GL_SOFTLIGHT, GL_DIFFERENCE, GL_EXCLUSION,
                                   GL_HSL_HUE, GL_HSL_SATURATION, GL_HSL_COLOR, GL_HSL_LUMINOSITY};
    GLuint prog = glst_program(quad320_vs, advanced_fs);
    glUseProgram(prog);
    GLint color = glGetUniformLocation(prog, "color");
    glVertexAttribPointer(0, 2, GL_FLOAT, GL_FALSE, 0, quad);
    glEnableVertexAttribArray(0);
    glEnable(GL_BLEND);
    for (size_t i = 0; i < sizeof(modes) / sizeof(*modes); i++) {
        char what[64];
        glClearColor(0.6f, 0.3f, 0.2f, 0.8f);
        glClear(GL_COLOR_BUFFER_BIT);
        glBlendEquation(modes[i]);
        glUniform4f(color, 0.2f, 0.5f, 0.9f, 0.7f);
        glDrawArrays(GL_TRIANGLE_STRIP, 0, 4);
        glBlendBarrier();
        glUniform4f(color, 0.9f, 0.1f, 0.4f, 0.5f);
        glDrawArrays(GL_TRIANGLE_STRIP, 0, 4);
        snprintf(what, sizeof(what), "advanced blend 0x%x", modes[i]);
        GLST_ERR(what, GL_NO_ERROR);
        note_pixel(what, W / 2, H / 2);
        GLint eq = 0;
        glGetIntegerv(GL_BLEND_EQUATION_RGB, &eq);
        glst_note("GL_BLEND_EQUATION_RGB = 0x%x", eq);
    }
    glBlendEquationSeparate(GL_MULTIPLY, GL_FUNC_ADD);
    GLST_ERR("glBlendEquationSeparate advanced", GL_INVALID_ENUM);
    glBlendEquationi(0, GL_SCREEN);
    GLST_ERR("glBlendEquationi advanced", GL_NO_ERROR);
    note_indexed("GL_BLEND_EQUATION_RGB", GL_BLEND_EQUATION_RGB, 0);
    glBlendEquation(GL_FUNC_ADD);
    glDisable(GL_BLEND);
    glDisableVertexAttribArray(0);
    glUseProgram(0);
    glDeleteProgram(prog);
    GLST_ERR("advanced blend", GL_NO_ERROR);
}

/* ---- sample shading, the bounding box, ES 3.2 state ---- */

static const char *shading_vs =
    "#version 300 es\n"
    "layout(location = 0) in vec2 pos;\n"
    "out vec2 v;\n"
    "void main() { v = pos * 4.0; gl_Position = vec4(pos, 0.0, 1.0); }\n";
static const char *shading_fs =
    "#version 300 es\n"
    "precision highp float;\n"
    "in vec2 v;\n"
    "layout(location = 0) out vec4 c;\n"
    "void main() { c = vec4(fract(v.x), fract(v.y), fract(v.x * v.y), 1.0); }\n";

static void sample_shading(void)
{
    GLfloat f[8] = {-7, -7, -7, -7, -7, -7, -7, -7};
    glst_note("glIsEnabled GL_SAMPLE_SHADING = %d", glIsEnabled(GL_SAMPLE_SHADING));
    glGetFloatv(GL_MIN_SAMPLE_SHADING_VALUE, f);
    glst_note("GL_MIN_SAMPLE_SHADING_VALUE = %g", f[0]);
    glMinSampleShading(0.75f);
    glGetFloatv(GL_MIN_SAMPLE_SHADING_VALUE, f);
    glst_note("GL_MIN_SAMPLE_SHADING_VALUE = %g", f[0]);
    glMinSampleShading(2.0f); /* clamped to 1 */
    glGetFloatv(GL_MIN_SAMPLE_SHADING_VALUE, f);
    glst_note("GL_MIN_SAMPLE_SHADING_VALUE clamped = %g", f[0]);
    GLST_ERR("glMinSampleShading", GL_NO_ERROR);

    GLuint fbo[2], rb[2];
    glGenFramebuffers(2, fbo);
    glGenRenderbuffers(2, rb);
    glBindRenderbuffer(GL_RENDERBUFFER, rb[0]);
    glRenderbufferStorageMultisample(GL_RENDERBUFFER, 4, GL_RGBA8, W, H);
    glBindRenderbuffer(GL_RENDERBUFFER, rb[1]);
    glRenderbufferStorage(GL_RENDERBUFFER, GL_RGBA8, W, H);
    for (int i = 0; i < 2; i++) {
        glBindFramebuffer(GL_FRAMEBUFFER, fbo[i]);
        glFramebufferRenderbuffer(GL_FRAMEBUFFER, GL_COLOR_ATTACHMENT0, GL_RENDERBUFFER, rb[i]);
    }
    GLuint prog = glst_program(shading_vs, shading_fs);
    glUseProgram(prog);
    static const GLfloat tri[] = {-0.9f, -0.8f, 0.85f, -0.3f, -0.2f, 0.9f};
    glVertexAttribPointer(0, 2, GL_FLOAT, GL_FALSE, 0, tri);
    glEnableVertexAttribArray(0);
    for (int shading = 0; shading < 2; shading++) {
        glBindFramebuffer(GL_FRAMEBUFFER, fbo[0]);
        clear();
        if (shading) {
            glEnable(GL_SAMPLE_SHADING);
            glMinSampleShading(1.0f);
        }
        glDrawArrays(GL_TRIANGLES, 0, 3);
        glDisable(GL_SAMPLE_SHADING);
        glBindFramebuffer(GL_READ_FRAMEBUFFER, fbo[0]);
        glBindFramebuffer(GL_DRAW_FRAMEBUFFER, fbo[1]);
        glBlitFramebuffer(0, 0, W, H, 0, 0, W, H, GL_COLOR_BUFFER_BIT, GL_NEAREST);
        glBindFramebuffer(GL_FRAMEBUFFER, fbo[1]);
        char what[64];
        for (int k = 0; k < 6; k++) {
            snprintf(what, sizeof(what), "sample shading %d", shading);
            note_pixel(what, 5 + 4 * k, 3 + 5 * k);
        }
    }
    GLST_ERR("sample shading draws", GL_NO_ERROR);
    glDisableVertexAttribArray(0);
    glUseProgram(0);
    glDeleteProgram(prog);
    glBindFramebuffer(GL_FRAMEBUFFER, 0);
    glDeleteFramebuffers(2, fbo);
    glDeleteRenderbuffers(2, rb);

    glGetFloatv(GL_PRIMITIVE_BOUNDING_BOX, f);
    glst_note("GL_PRIMITIVE_BOUNDING_BOX = %g %g %g %g %g %g %g %g", f[0], f[1], f[2], f[3], f[4], f[5], f[6], f[7]);
    glPrimitiveBoundingBox(-0.5f, -0.25f, 0.0f, 1.0f, 0.5f, 0.75f, 0.5f, 1.0f);
    glGetFloatv(GL_PRIMITIVE_BOUNDING_BOX, f);
    glst_note("GL_PRIMITIVE_BOUNDING_BOX = %g %g %g %g %g %g %g %g", f[0], f[1], f[2], f[3], f[4], f[5], f[6], f[7]);
    glGetFloatv(GL_MULTISAMPLE_LINE_WIDTH_RANGE, f);
    glst_note("GL_MULTISAMPLE_LINE_WIDTH_RANGE = %g %g", f[0], f[1]);
    glGetFloatv(GL_MULTISAMPLE_LINE_WIDTH_GRANULARITY, f);
    glst_note("GL_MULTISAMPLE_LINE_WIDTH_GRANULARITY = %g", f[0]);
    glst_get_int(GL_CONTEXT_FLAGS);
    glst_get_int(GL_RESET_NOTIFICATION_STRATEGY);
    glst_get_int(GL_MIN_FRAGMENT_INTERPOLATION_OFFSET);
    glst_get_int(GL_FRAGMENT_INTERPOLATION_OFFSET_BITS);
    glst_note("glGetGraphicsResetStatus = 0x%x", glGetGraphicsResetStatus());
    GLST_ERR("ES 3.2 state", GL_NO_ERROR);
}

/* ---- bounded reads ---- */

static void note_bytes(const char *what, const uint8_t *b, size_t n)
{
    char line[512] = "";
    size_t at = 0;
    for (size_t i = 0; i < n && at + 4 < sizeof(line); i++)
        at += (size_t)snprintf(line + at, sizeof(line) - at, "%02x", b[i]);
    glst_note("%s: %s", what, line);
}

static void readn(void)
{
    uint8_t buf[160];
    /* a picture to read: the thirds of the base vertex test */
    glClearColor(0.2f, 0.4f, 0.6f, 0.8f);
    glClear(GL_COLOR_BUFFER_BIT);
    static const struct {
        GLint x, y;
        GLsizei w, h, buf_size;
        GLint row_length, skip_pixels, skip_rows;
        GLenum error;
    } cases[] = {
        {0, 0, 4, 4, 64, 0, 0, 0, GL_NO_ERROR},
        {0, 0, 4, 4, 63, 0, 0, 0, GL_INVALID_OPERATION},
        {0, 0, 4, 4, 0, 0, 0, 0, GL_INVALID_OPERATION},
        {0, 0, 0, 4, 0, 0, 0, 0, GL_NO_ERROR},
        /* clipped: only the pixels inside the window count */
        /* clipped: Mesa bounds the clipped rectangle with the pack state
         * as is (2 x 2 pixels of 2-pixel rows: 16 bytes) */
        {W - 2, H - 2, 4, 4, 64, 0, 0, 0, GL_NO_ERROR},
        {W - 2, H - 2, 4, 4, 16, 0, 0, 0, GL_NO_ERROR},
        {W - 2, H - 2, 4, 4, 15, 0, 0, 0, GL_INVALID_OPERATION},
        {-2, -2, 4, 4, 64, 0, 0, 0, GL_NO_ERROR},
        {-2, -2, 4, 4, 16, 0, 0, 0, GL_NO_ERROR},
        {-2, -2, 4, 4, 15, 0, 0, 0, GL_INVALID_OPERATION},
        {W, H, 4, 4, 0, 0, 0, 0, GL_NO_ERROR},
        /* the pack state places the rows */
        {1, 1, 3, 2, 76, 5, 1, 2, GL_NO_ERROR},
        {1, 1, 3, 2, 75, 5, 1, 2, GL_INVALID_OPERATION},
        {1, 1, 3, 2, 159, 5, 1, 2, GL_NO_ERROR},
        {-1, 1, 3, 2, 60, 6, 1, 1, GL_NO_ERROR},
        {-1, 1, 3, 2, 59, 6, 1, 1, GL_INVALID_OPERATION},
        {0, 0, 2, 2, 16, 0, 0, 0, GL_NO_ERROR},
    };
    for (size_t i = 0; i < sizeof(cases) / sizeof(*cases); i++) {
        char what[96];
        memset(buf, 0xcd, sizeof(buf));
        glPixelStorei(GL_PACK_ROW_LENGTH, cases[i].row_length);
        glPixelStorei(GL_PACK_SKIP_PIXELS, cases[i].skip_pixels);
        glPixelStorei(GL_PACK_SKIP_ROWS, cases[i].skip_rows);
        glReadnPixels(cases[i].x, cases[i].y, cases[i].w, cases[i].h, GL_RGBA, GL_UNSIGNED_BYTE, cases[i].buf_size,
                      buf);
        snprintf(what, sizeof(what), "glReadnPixels case %zu", i);
        GLenum e = glGetError();
        glst_note("%s error 0x%x", what, e);
        if (e != cases[i].error)
            fprintf(stderr, "glReadnPixels case %zu: error 0x%x\n", i, e);
        GLST_CHECK_HEX(e, cases[i].error);
        /* past bufSize is undefined: Mesa writes there when the clipped
         * rows end past its bound, glstream never */
        note_bytes(what, buf, cases[i].buf_size < (GLsizei)sizeof(buf) ? (size_t)cases[i].buf_size : sizeof(buf));
    }
    glPixelStorei(GL_PACK_ROW_LENGTH, 0);
    glPixelStorei(GL_PACK_SKIP_PIXELS, 0);
    glPixelStorei(GL_PACK_SKIP_ROWS, 0);
    glReadnPixels(0, 0, -1, 1, GL_RGBA, GL_UNSIGNED_BYTE, 64, buf);
    GLST_ERR("glReadnPixels width -1", GL_INVALID_VALUE);
    glReadnPixels(0, 0, 1, 1, GL_RGBA, 0x1234, 64, buf);
    GLST_ERR("glReadnPixels bad type", GL_INVALID_OPERATION);
    glReadnPixels(0, 0, 1, 1, GL_RGBA_INTEGER, GL_UNSIGNED_BYTE, 64, buf);
    GLST_ERR("glReadnPixels integer of a normalized buffer", GL_INVALID_OPERATION);
    /* a pack buffer bounds the write instead of bufSize */
    GLuint pbo;
    glGenBuffers(1, &pbo);
    glBindBuffer(GL_PIXEL_PACK_BUFFER, pbo);
    glBufferData(GL_PIXEL_PACK_BUFFER, 64, NULL, GL_STREAM_READ);
    glReadnPixels(0, 0, 4, 4, GL_RGBA, GL_UNSIGNED_BYTE, 1, 0);
    GLST_ERR("glReadnPixels into a pack buffer", GL_NO_ERROR);
    glReadnPixels(0, 0, 4, 5, GL_RGBA, GL_UNSIGNED_BYTE, 1000, 0);
    GLST_ERR("glReadnPixels past a pack buffer", GL_INVALID_OPERATION);
    const uint8_t *mapped = glMapBufferRange(GL_PIXEL_PACK_BUFFER, 0, 64, GL_MAP_READ_BIT);
    if (mapped)
        note_bytes("pack buffer", mapped, 64);
    glUnmapBuffer(GL_PIXEL_PACK_BUFFER);
    glBindBuffer(GL_PIXEL_PACK_BUFFER, 0);
    glDeleteBuffers(1, &pbo);
    GLST_ERR("glReadnPixels", GL_NO_ERROR);
}

static const char *uniforms_fs =
    "#version 300 es\n"
    "precision highp float;\n"
    "uniform vec4 v4;\n"
    "uniform mat4 m4;\n"
    "uniform ivec3 i3;\n"
    "uniform uvec2 u2;\n"
    "layout(location = 0) out vec4 c;\n"
    "void main() { c = v4 + m4[2] + vec4(i3, 0.0) + vec4(u2, 0.0, 0.0); }\n";

static void getn_uniforms(void)
{
    GLuint prog = glst_program(quad_vs, uniforms_fs);
    glUseProgram(prog);
    GLint v4 = glGetUniformLocation(prog, "v4"), m4 = glGetUniformLocation(prog, "m4");
    GLint i3 = glGetUniformLocation(prog, "i3"), u2 = glGetUniformLocation(prog, "u2");
    glUniform4f(v4, 1.5f, -2.0f, 3.25f, 4.0f);
    GLfloat m[16];
    for (int i = 0; i < 16; i++)
        m[i] = (GLfloat)i * 0.5f;
    glUniformMatrix4fv(m4, 1, GL_FALSE, m);
    glUniform3i(i3, -1, 2, -3);
    glUniform2ui(u2, 7u, 4000000000u);
    static const GLsizei sizes[] = {64, 16, 15, 12, 4, 0, -4};
    for (size_t i = 0; i < sizeof(sizes) / sizeof(*sizes); i++) {
        GLfloat f[17];
        GLint n[17];
        GLuint u[17];
        for (int k = 0; k < 17; k++)
            f[k] = -9, n[k] = -9, u[k] = 9;
        glGetnUniformfv(prog, v4, sizes[i], f);
        glst_note("glGetnUniformfv v4 %d: error 0x%x, %g %g %g %g %g", sizes[i], glGetError(), f[0], f[1], f[2],
                  f[3], f[4]);
        glGetnUniformfv(prog, m4, sizes[i], f);
        glst_note("glGetnUniformfv m4 %d: error 0x%x, %g %g %g %g", sizes[i], glGetError(), f[0], f[3], f[15],
                  f[16]);
        glGetnUniformiv(prog, i3, sizes[i], n);
        glst_note("glGetnUniformiv i3 %d: error 0x%x, %d %d %d %d", sizes[i], glGetError(), n[0], n[1], n[2], n[3]);
        glGetnUniformuiv(prog, u2, sizes[i], u);
        glst_note("glGetnUniformuiv u2 %d: error 0x%x, %u %u %u", sizes[i], glGetError(), u[0], u[1], u[2]);
    }
    GLfloat f[4];
    glGetnUniformfv(prog, 99, 64, f);
    GLST_ERR("glGetnUniformfv bad location", GL_INVALID_OPERATION);
    glGetnUniformfv(12345, v4, 64, f);
    GLST_ERR("glGetnUniformfv no program", GL_INVALID_VALUE);
    glUseProgram(0);
    glDeleteProgram(prog);
    GLST_ERR("glGetnUniform", GL_NO_ERROR);
}

/* ---- the core debug entry points ---- */

static int debug_marker;
static int debug_calls;

static void GL_APIENTRY debug_callback(GLenum source, GLenum type, GLuint id, GLenum severity, GLsizei length,
                                       const GLchar *message, const void *user)
{
    debug_calls++;
    glst_note("debug callback: source 0x%x type 0x%x id %u severity 0x%x length %d '%s' user ok %d", source, type,
              id, severity, length, message, user == &debug_marker);
}

static void core_debug(void)
{
    void *p = (void *)1;
    glGetPointerv(GL_DEBUG_CALLBACK_FUNCTION, &p);
    glst_note("GL_DEBUG_CALLBACK_FUNCTION null = %d", p == NULL);
    glDebugMessageCallback(debug_callback, &debug_marker);
    glGetPointerv(GL_DEBUG_CALLBACK_FUNCTION, &p);
    glst_note("GL_DEBUG_CALLBACK_FUNCTION ours = %d", p == (void *)debug_callback);
    glGetPointerv(GL_DEBUG_CALLBACK_USER_PARAM, &p);
    glst_note("GL_DEBUG_CALLBACK_USER_PARAM ours = %d", p == (void *)&debug_marker);
    glGetPointerv(0x1234, &p);
    GLST_ERR("glGetPointerv bad pname", GL_INVALID_ENUM);
    glEnable(GL_DEBUG_OUTPUT);
    glEnable(GL_DEBUG_OUTPUT_SYNCHRONOUS);
    glst_note("glIsEnabled GL_DEBUG_OUTPUT = %d", glIsEnabled(GL_DEBUG_OUTPUT));
    glDebugMessageInsert(GL_DEBUG_SOURCE_APPLICATION, GL_DEBUG_TYPE_MARKER, 42, GL_DEBUG_SEVERITY_NOTIFICATION, -1,
                         "core hello");
    glst_note("callbacks after insert: %d", debug_calls);
    glPushDebugGroup(GL_DEBUG_SOURCE_APPLICATION, 7, -1, "group");
    glst_get_int(GL_DEBUG_GROUP_STACK_DEPTH);
    glPopDebugGroup();
    glst_note("callbacks after group: %d", debug_calls);
    glPopDebugGroup();
    GLST_ERR("glPopDebugGroup underflow", GL_STACK_UNDERFLOW);
    glDebugMessageInsert(GL_DEBUG_SOURCE_APPLICATION, GL_DEBUG_TYPE_MARKER, 1, 0x1234, -1, "bad");
    GLST_ERR("glDebugMessageInsert bad severity", GL_INVALID_ENUM);
    /* disabled by id: not delivered */
    static const GLuint ids[] = {43};
    glDebugMessageControl(GL_DEBUG_SOURCE_APPLICATION, GL_DEBUG_TYPE_MARKER, GL_DONT_CARE, 1, ids, GL_FALSE);
    glDebugMessageInsert(GL_DEBUG_SOURCE_APPLICATION, GL_DEBUG_TYPE_MARKER, 43, GL_DEBUG_SEVERITY_NOTIFICATION, -1,
                         "muted");
    glst_note("callbacks after muted: %d", debug_calls);
    /* without a callback, messages go to the log */
    glDebugMessageCallback(NULL, NULL);
    glDebugMessageInsert(GL_DEBUG_SOURCE_THIRD_PARTY, GL_DEBUG_TYPE_OTHER, 44, GL_DEBUG_SEVERITY_LOW, 6, "logged");
    GLenum sources[4], types[4], severities[4];
    GLuint got_ids[4];
    GLsizei lengths[4];
    GLchar log[256];
    GLuint got = glGetDebugMessageLog(4, sizeof(log), sources, types, got_ids, severities, lengths, log);
    glst_note("glGetDebugMessageLog = %u", got);
    for (GLuint i = 0; i < got && i < 4; i++)
        glst_note("log %u: 0x%x 0x%x %u 0x%x %d", i, sources[i], types[i], got_ids[i], severities[i], lengths[i]);
    if (got)
        glst_note("log text '%s'", log);
    /* labels */
    GLuint buffer;
    glGenBuffers(1, &buffer);
    glBindBuffer(GL_ARRAY_BUFFER, buffer);
    glObjectLabel(GL_BUFFER, buffer, -1, "vertices");
    GLchar label[32] = "";
    GLsizei length = -1;
    glGetObjectLabel(GL_BUFFER, buffer, sizeof(label), &length, label);
    glst_note("glGetObjectLabel = %d '%s'", length, label);
    glGetObjectLabel(GL_BUFFER, buffer, 4, &length, label);
    glst_note("glGetObjectLabel 4 = %d '%s'", length, label);
    glObjectLabel(GL_BUFFER, 9999, -1, "none");
    GLST_ERR("glObjectLabel of no buffer", GL_INVALID_VALUE);
    glBindBuffer(GL_ARRAY_BUFFER, 0);
    glDeleteBuffers(1, &buffer);
    /* ES 3.x objects */
    GLuint sampler, query, feedback;
    glGenSamplers(1, &sampler);
    glBindSampler(0, sampler);
    glGenQueries(1, &query);
    glBeginQuery(GL_ANY_SAMPLES_PASSED, query);
    glEndQuery(GL_ANY_SAMPLES_PASSED);
    glGenTransformFeedbacks(1, &feedback);
    glBindTransformFeedback(GL_TRANSFORM_FEEDBACK, feedback);
    const struct {
        GLenum identifier;
        const GLuint *name;
        const char *label;
    } labels[] = {{GL_SAMPLER, &sampler, "sampler"}, {GL_QUERY, &query, "query"},
                  {GL_TRANSFORM_FEEDBACK, &feedback, "feedback"}};
    for (size_t i = 0; i < sizeof(labels) / sizeof(*labels); i++) {
        glObjectLabel(labels[i].identifier, *labels[i].name, -1, labels[i].label);
        memset(label, 0, sizeof(label));
        length = -1;
        glGetObjectLabel(labels[i].identifier, *labels[i].name, sizeof(label), &length, label);
        glst_note("glGetObjectLabel 0x%x = %d '%s' (error 0x%x)", labels[i].identifier, length, label, glGetError());
    }
    /* syncs: pointer labels */
    GLsync sync = glFenceSync(GL_SYNC_GPU_COMMANDS_COMPLETE, 0);
    glObjectPtrLabel(sync, -1, "fence");
    memset(label, 0, sizeof(label));
    length = -1;
    glGetObjectPtrLabel(sync, sizeof(label), &length, label);
    glst_note("glGetObjectPtrLabel = %d '%s' (error 0x%x)", length, label, glGetError());
    glGetObjectPtrLabel(sync, 3, &length, label);
    glst_note("glGetObjectPtrLabel 3 = %d '%s' (error 0x%x)", length, label, glGetError());
    glDeleteSync(sync);
    glObjectPtrLabel(sync, -1, "deleted");
    GLST_ERR("glObjectPtrLabel of a deleted sync", GL_INVALID_VALUE);
    glObjectPtrLabel(&length, -1, "no sync");
    GLST_ERR("glObjectPtrLabel of no sync", GL_INVALID_VALUE);
    glBindTransformFeedback(GL_TRANSFORM_FEEDBACK, 0);
    glDeleteTransformFeedbacks(1, &feedback);
    glDeleteQueries(1, &query);
    glBindSampler(0, 0);
    glDeleteSamplers(1, &sampler);
    glDisable(GL_DEBUG_OUTPUT_SYNCHRONOUS);
    GLST_ERR("core debug", GL_NO_ERROR);
}

int main(void)
{
    glst_egl e;
    glst_observe_open("es32_draw");
    if (!glst_egl_setup_version(&e, W, H, 3)) {
        fprintf(stderr, "glst_draw32: no ES 3 context\n");
        return 1;
    }
    const char *version = (const char *)glGetString(GL_VERSION);
    streamed = version && strstr(version, "glstream");
    /* a build offering less than ES 3.2 skips natively too, so that both
     * runs observe the same */
    bool built_for_32 = GLSTREAM_ES_VERSION_MAJOR * 10 + GLSTREAM_ES_VERSION_MINOR >= 32;
    if (!built_for_32 || !version || strncmp(version, "OpenGL ES 3.2", 13) != 0) {
        printf("glst_draw32: skipped, not an ES 3.2 context (%s)\n", version ? version : "none");
        glst_egl_teardown(&e);
        glst_observe_close();
        return glst_finish();
    }
    base_vertex();
    indexed_blend();
    advanced_blend();
    sample_shading();
    readn();
    getn_uniforms();
    core_debug();
    glst_egl_teardown(&e);
    glst_observe_close();
    return glst_finish();
}
