/* OpenGL ES 3.0 framebuffers, compared natively and through glstream:
 * separate draw/read framebuffers, multiple render targets, blits (scaled,
 * filtered, flipped, outside the source, multisample resolve),
 * glClearBuffer* of every kind, invalidation, glReadBuffer, ES 3.0
 * readback pairs, attachment and renderbuffer queries,
 * glGetInternalformativ, sampler objects, and the errors of each. Every
 * value, error and pixel is an observation (glst_observe.h); errors whose
 * code the ES 3.0 specification fixes are also asserted. */
#include <stdio.h>
#include <string.h>

#include <GLES3/gl3.h>

#include "glst_observe.h"
#include "glst_test_util.h"

#define W 64
#define H 64

static void note_err(const char *what)
{
    glst_note("%s: error 0x%x", what, glGetError());
}

/* FNV-1a of a pixel rectangle read as RGBA/UNSIGNED_BYTE, with its corners. */
static void note_pixels_filled(const char *what, int x, int y, int w, int h, unsigned char fill)
{
    static unsigned char px[W * H * 4 * 4];
    memset(px, fill, (size_t)w * h * 4);
    glReadPixels(x, y, w, h, GL_RGBA, GL_UNSIGNED_BYTE, px);
    GLenum e = glGetError();
    uint32_t hash = 2166136261u;
    for (int i = 0; i < w * h * 4; i++)
        hash = (hash ^ px[i]) * 16777619u;
    const unsigned char *a = px, *b = px + ((size_t)w * h - 1) * 4;
    glst_note("%s: err 0x%x hash %08x first %u,%u,%u,%u last %u,%u,%u,%u", what, e, hash, a[0], a[1], a[2], a[3],
              b[0], b[1], b[2], b[3]);
}

static void note_pixels(const char *what, int x, int y, int w, int h)
{
    note_pixels_filled(what, x, y, w, h, 0xcd);
}

static void note_pixel(const char *what, int x, int y)
{
    unsigned char p[4] = {1, 2, 3, 4};
    glReadPixels(x, y, 1, 1, GL_RGBA, GL_UNSIGNED_BYTE, p);
    glst_note("%s (%d,%d): %u,%u,%u,%u err 0x%x", what, x, y, p[0], p[1], p[2], p[3], glGetError());
}

static GLuint make_rb(GLenum format, int w, int h, int samples)
{
    GLuint rb;
    glGenRenderbuffers(1, &rb);
    glBindRenderbuffer(GL_RENDERBUFFER, rb);
    if (samples)
        glRenderbufferStorageMultisample(GL_RENDERBUFFER, samples, format, w, h);
    else
        glRenderbufferStorage(GL_RENDERBUFFER, format, w, h);
    return rb;
}

static GLuint make_fb_rb(GLenum attachment, GLuint rb)
{
    GLuint fb;
    glGenFramebuffers(1, &fb);
    glBindFramebuffer(GL_FRAMEBUFFER, fb);
    glFramebufferRenderbuffer(GL_FRAMEBUFFER, attachment, GL_RENDERBUFFER, rb);
    return fb;
}

static GLuint make_tex(GLenum internalformat, GLenum format, GLenum type, int w, int h, const void *data)
{
    GLuint t;
    glGenTextures(1, &t);
    glBindTexture(GL_TEXTURE_2D, t);
    glTexImage2D(GL_TEXTURE_2D, 0, (GLint)internalformat, w, h, 0, format, type, data);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_NEAREST);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_NEAREST);
    return t;
}

static const char *quad_vs =
    "#version 300 es\n"
    "layout(location = 0) in vec2 pos;\n"
    "out vec2 uv;\n"
    "void main() { uv = pos * 0.5 + 0.5; gl_Position = vec4(pos, 0.5, 1.0); }\n";

static void draw_quad(float x0, float y0, float x1, float y1)
{
    const GLfloat v[] = {x0, y0, x1, y0, x0, y1, x1, y1};
    glBindBuffer(GL_ARRAY_BUFFER, 0);
    glVertexAttribPointer(0, 2, GL_FLOAT, GL_FALSE, 0, v);
    glEnableVertexAttribArray(0);
    glDrawArrays(GL_TRIANGLE_STRIP, 0, 4);
}

/* Fills a colour-only framebuffer with four quadrants of different colours. */
static void clear_quadrants(int w, int h)
{
    static const float colors[4][4] = {{1, 0, 0, 1}, {0, 1, 0, 1}, {0, 0, 1, 1}, {1, 1, 0, 0.5f}};
    glEnable(GL_SCISSOR_TEST);
    for (int i = 0; i < 4; i++) {
        glScissor((i & 1) * w / 2, (i >> 1) * h / 2, w / 2, h / 2);
        glClearColor(colors[i][0], colors[i][1], colors[i][2], colors[i][3]);
        glClear(GL_COLOR_BUFFER_BIT);
    }
    glDisable(GL_SCISSOR_TEST);
    glClearColor(0, 0, 0, 0);
}

/* ---- multiple render targets ---- */

static void test_mrt(void)
{
    GLuint prog = glst_program(quad_vs,
                               "#version 300 es\n"
                               "precision mediump float;\n"
                               "in vec2 uv;\n"
                               "layout(location = 0) out vec4 c0;\n"
                               "layout(location = 1) out vec4 c1;\n"
                               "layout(location = 2) out vec4 c2;\n"
                               "void main() { c0 = vec4(uv, 0.0, 1.0); c1 = vec4(0.0, 0.0, 1.0, 1.0);\n"
                               "  c2 = vec4(1.0 - uv.x, 0.25, uv.y, 0.5); }\n");
    GLuint rb0 = make_rb(GL_RGBA8, 32, 32, 0);
    GLuint tex1 = make_tex(GL_RGBA, GL_RGBA, GL_UNSIGNED_BYTE, 32, 32, NULL);
    GLuint rb2 = make_rb(GL_RGBA8, 32, 32, 0);
    GLuint fb = make_fb_rb(GL_COLOR_ATTACHMENT0, rb0);
    glFramebufferTexture2D(GL_FRAMEBUFFER, GL_COLOR_ATTACHMENT1, GL_TEXTURE_2D, tex1, 0);
    glFramebufferRenderbuffer(GL_FRAMEBUFFER, GL_COLOR_ATTACHMENT2, GL_RENDERBUFFER, rb2);
    GLST_CHECK_HEX(glCheckFramebufferStatus(GL_FRAMEBUFFER), GL_FRAMEBUFFER_COMPLETE);
    GLST_ERR("mrt setup", GL_NO_ERROR);
    const GLenum bufs[] = {GL_COLOR_ATTACHMENT0, GL_NONE, GL_COLOR_ATTACHMENT2};
    glDrawBuffers(3, bufs);
    GLST_ERR("glDrawBuffers", GL_NO_ERROR);
    glst_get_int(GL_DRAW_BUFFER0);
    glst_get_int(GL_DRAW_BUFFER1);
    glst_get_int(GL_DRAW_BUFFER2);
    glst_get_int(GL_MAX_DRAW_BUFFERS);
    glViewport(0, 0, 32, 32);
    glClearColor(0.5f, 0.5f, 0.5f, 0.5f);
    glClear(GL_COLOR_BUFFER_BIT);
    glUseProgram(prog);
    draw_quad(-1, -1, 1, 1);
    for (int i = 0; i < 3; i++) {
        char what[64];
        glReadBuffer(GL_COLOR_ATTACHMENT0 + (GLenum)i);
        glst_get_int(GL_READ_BUFFER);
        snprintf(what, sizeof(what), "mrt attachment %d", i);
        note_pixels(what, 0, 0, 32, 32);
        note_pixel(what, 5, 27);
    }
    /* errors: a draw buffer in the wrong slot, GL_BACK on an FBO, too many */
    const GLenum wrong_slot[] = {GL_COLOR_ATTACHMENT1};
    glDrawBuffers(1, wrong_slot);
    GLST_ERR("glDrawBuffers attachment 1 in slot 0", GL_INVALID_OPERATION);
    const GLenum back[] = {GL_BACK};
    glDrawBuffers(1, back);
    GLST_ERR("glDrawBuffers GL_BACK on an FBO", GL_INVALID_OPERATION);
    glDrawBuffers(-1, bufs);
    GLST_ERR("glDrawBuffers n -1", GL_INVALID_VALUE);
    const GLenum bad[] = {GL_TEXTURE_2D};
    glDrawBuffers(1, bad);
    GLST_ERR("glDrawBuffers bad enum", GL_INVALID_ENUM);
    /* default framebuffer: one buffer, GL_BACK or GL_NONE */
    glBindFramebuffer(GL_FRAMEBUFFER, 0);
    glDrawBuffers(1, back);
    GLST_ERR("glDrawBuffers GL_BACK default", GL_NO_ERROR);
    glDrawBuffers(1, bufs);
    GLST_ERR("glDrawBuffers attachment on default", GL_INVALID_OPERATION);
    glViewport(0, 0, W, H);
    glUseProgram(0);
    glDeleteProgram(prog);
    glDeleteFramebuffers(1, &fb);
    glDeleteRenderbuffers(1, &rb0);
    glDeleteRenderbuffers(1, &rb2);
    glDeleteTextures(1, &tex1);
}

/* ---- draw and read bindings, glReadBuffer ---- */

static void test_bindings(void)
{
    GLuint rb_a = make_rb(GL_RGBA8, 16, 16, 0), rb_b = make_rb(GL_RGBA8, 32, 32, 0);
    GLuint fb_a = make_fb_rb(GL_COLOR_ATTACHMENT0, rb_a);
    clear_quadrants(16, 16);
    GLuint fb_b = make_fb_rb(GL_COLOR_ATTACHMENT0, rb_b);
    glClearColor(0, 0, 0.5f, 1);
    glClear(GL_COLOR_BUFFER_BIT);
    glBindFramebuffer(GL_READ_FRAMEBUFFER, fb_a);
    glBindFramebuffer(GL_DRAW_FRAMEBUFFER, fb_b);
    GLST_ERR("bind read and draw", GL_NO_ERROR);
    glst_note("read binding is a: %d", glIsFramebuffer(fb_a));
    GLST_CHECK_HEX(glCheckFramebufferStatus(GL_READ_FRAMEBUFFER), GL_FRAMEBUFFER_COMPLETE);
    GLST_CHECK_HEX(glCheckFramebufferStatus(GL_DRAW_FRAMEBUFFER), GL_FRAMEBUFFER_COMPLETE);
    GLint bound = -1;
    glGetIntegerv(GL_READ_FRAMEBUFFER_BINDING, &bound);
    glst_note("GL_READ_FRAMEBUFFER_BINDING is a: %d", bound == (GLint)fb_a);
    glGetIntegerv(GL_DRAW_FRAMEBUFFER_BINDING, &bound);
    glst_note("GL_DRAW_FRAMEBUFFER_BINDING is b: %d", bound == (GLint)fb_b);
    /* the clear goes to the draw framebuffer, the read from the read one */
    glClearColor(0, 1, 1, 1);
    glClear(GL_COLOR_BUFFER_BIT);
    note_pixels("read framebuffer after a clear of the draw one", 0, 0, 16, 16);
    /* a read reaching outside the 16x16 read framebuffer: undefined there
     * (the driver leaves the memory alone, glstream writes zeros) */
    note_pixels_filled("read outside the read framebuffer", -4, -4, 24, 24, 0);
    /* a copy from the read framebuffer, partly outside it */
    GLuint tex = make_tex(GL_RGBA, GL_RGBA, GL_UNSIGNED_BYTE, 1, 1, NULL);
    glCopyTexImage2D(GL_TEXTURE_2D, 0, GL_RGBA, 8, 8, 16, 16, 0);
    GLST_ERR("glCopyTexImage2D from the read framebuffer", GL_NO_ERROR);
    glBindFramebuffer(GL_READ_FRAMEBUFFER, fb_b);
    note_pixels("draw framebuffer", 0, 0, 32, 32);
    GLuint fb_t;
    glGenFramebuffers(1, &fb_t);
    glBindFramebuffer(GL_READ_FRAMEBUFFER, fb_t);
    glFramebufferTexture2D(GL_READ_FRAMEBUFFER, GL_COLOR_ATTACHMENT0, GL_TEXTURE_2D, tex, 0);
    note_pixels("copied texture (zero outside the source)", 0, 0, 16, 16);
    /* glCopyTexSubImage2D reading past the read framebuffer */
    glBindFramebuffer(GL_READ_FRAMEBUFFER, fb_a);
    glCopyTexSubImage2D(GL_TEXTURE_2D, 0, 0, 0, -8, 4, 16, 16);
    GLST_ERR("glCopyTexSubImage2D outside", GL_NO_ERROR);
    glBindFramebuffer(GL_READ_FRAMEBUFFER, fb_t);
    note_pixels("sub-copied texture", 0, 0, 16, 16);

    /* reading attachment 1 (16x16) of a framebuffer whose attachment 0 is
     * 32x32: copies clip to the smaller, zero beyond */
    GLuint fb_two;
    glGenFramebuffers(1, &fb_two);
    glBindFramebuffer(GL_READ_FRAMEBUFFER, fb_two);
    glFramebufferRenderbuffer(GL_READ_FRAMEBUFFER, GL_COLOR_ATTACHMENT0, GL_RENDERBUFFER, rb_b);
    glFramebufferRenderbuffer(GL_READ_FRAMEBUFFER, GL_COLOR_ATTACHMENT1, GL_RENDERBUFFER, rb_a);
    glReadBuffer(GL_COLOR_ATTACHMENT1);
    GLST_CHECK_HEX(glCheckFramebufferStatus(GL_READ_FRAMEBUFFER), GL_FRAMEBUFFER_COMPLETE);
    glCopyTexImage2D(GL_TEXTURE_2D, 0, GL_RGBA, 4, 4, 24, 24, 0);
    GLST_ERR("glCopyTexImage2D from attachment 1", GL_NO_ERROR);
    glBindFramebuffer(GL_READ_FRAMEBUFFER, fb_t);
    note_pixels("copied from attachment 1", 0, 0, 24, 24);
    glBindFramebuffer(GL_READ_FRAMEBUFFER, fb_two);
    note_pixels_filled("read attachment 1 past its size", 8, 8, 16, 16, 0);
    glDeleteFramebuffers(1, &fb_two);

    /* glReadBuffer */
    glBindFramebuffer(GL_READ_FRAMEBUFFER, fb_a);
    glReadBuffer(GL_BACK);
    GLST_ERR("glReadBuffer GL_BACK on an FBO", GL_INVALID_OPERATION);
    glReadBuffer(GL_COLOR_ATTACHMENT0 + 31);
    note_err("glReadBuffer attachment 31");
    glReadBuffer(GL_TEXTURE_2D);
    GLST_ERR("glReadBuffer bad enum", GL_INVALID_ENUM);
    glReadBuffer(GL_NONE);
    GLST_ERR("glReadBuffer none", GL_NO_ERROR);
    glst_get_int(GL_READ_BUFFER);
    /* (no read here: Mesa 24's glReadPixels crashes without a read
     * buffer on an FBO; the worker refuses it, see glss_exec_glReadPixels) */
    glReadBuffer(GL_COLOR_ATTACHMENT0);
    glBindFramebuffer(GL_FRAMEBUFFER, 0);
    glReadBuffer(GL_COLOR_ATTACHMENT0);
    GLST_ERR("glReadBuffer attachment on default", GL_INVALID_OPERATION);
    glReadBuffer(GL_NONE);
    GLST_ERR("glReadBuffer none on default", GL_NO_ERROR);
    glReadBuffer(GL_BACK);
    GLST_ERR("glReadBuffer back on default", GL_NO_ERROR);
    glst_get_int(GL_READ_BUFFER);
    glBindFramebuffer(GL_FRAMEBUFFER, 0);
    glBindFramebuffer(GL_TEXTURE_2D, 0);
    GLST_ERR("glBindFramebuffer bad target", GL_INVALID_ENUM);
    glCheckFramebufferStatus(GL_RENDERBUFFER);
    GLST_ERR("glCheckFramebufferStatus bad target", GL_INVALID_ENUM);
    glDeleteFramebuffers(1, &fb_a);
    glDeleteFramebuffers(1, &fb_b);
    glDeleteFramebuffers(1, &fb_t);
    glDeleteRenderbuffers(1, &rb_a);
    glDeleteRenderbuffers(1, &rb_b);
    glDeleteTextures(1, &tex);
}

/* ---- blits ---- */

static void test_blit(void)
{
    GLuint rb_src = make_rb(GL_RGBA8, 16, 16, 0), rb_dst = make_rb(GL_RGBA8, 48, 48, 0);
    GLuint fb_src = make_fb_rb(GL_COLOR_ATTACHMENT0, rb_src);
    clear_quadrants(16, 16);
    GLuint fb_dst = make_fb_rb(GL_COLOR_ATTACHMENT0, rb_dst);
    glBindFramebuffer(GL_READ_FRAMEBUFFER, fb_src);
    glBindFramebuffer(GL_DRAW_FRAMEBUFFER, fb_dst);
    struct {
        const char *what;
        GLint s[4], d[4];
        GLenum filter;
    } blits[] = {
        {"copy", {0, 0, 16, 16}, {0, 0, 16, 16}, GL_NEAREST},
        {"scale nearest", {0, 0, 16, 16}, {0, 0, 48, 48}, GL_NEAREST},
        {"scale linear", {0, 0, 16, 16}, {0, 0, 48, 48}, GL_LINEAR},
        {"shrink linear", {0, 0, 16, 16}, {4, 4, 11, 13}, GL_LINEAR},
        {"flip x", {16, 0, 0, 16}, {0, 0, 32, 32}, GL_NEAREST},
        {"flip y", {0, 16, 16, 0}, {8, 8, 40, 40}, GL_LINEAR},
        {"flip destination", {0, 0, 16, 16}, {48, 48, 0, 0}, GL_NEAREST},
        {"source outside", {-8, -8, 24, 24}, {0, 0, 48, 48}, GL_NEAREST},
        {"source far outside", {100, 100, 200, 200}, {0, 0, 48, 48}, GL_NEAREST},
        {"destination outside", {0, 0, 16, 16}, {-16, 40, 16, 72}, GL_NEAREST},
    };
    for (size_t i = 0; i < sizeof(blits) / sizeof(*blits); i++) {
        glBindFramebuffer(GL_FRAMEBUFFER, fb_dst);
        glClearColor(0.2f, 0.2f, 0.2f, 0.2f);
        glClear(GL_COLOR_BUFFER_BIT);
        glBindFramebuffer(GL_READ_FRAMEBUFFER, fb_src);
        glBlitFramebuffer(blits[i].s[0], blits[i].s[1], blits[i].s[2], blits[i].s[3], blits[i].d[0], blits[i].d[1],
                          blits[i].d[2], blits[i].d[3], GL_COLOR_BUFFER_BIT, blits[i].filter);
        GLST_ERR(blits[i].what, GL_NO_ERROR);
        glBindFramebuffer(GL_READ_FRAMEBUFFER, fb_dst);
        note_pixels(blits[i].what, 0, 0, 48, 48);
        note_pixel(blits[i].what, 20, 30);
    }
    /* scissor applies to blits */
    glBindFramebuffer(GL_READ_FRAMEBUFFER, fb_src);
    glEnable(GL_SCISSOR_TEST);
    glScissor(4, 4, 10, 30);
    glBlitFramebuffer(0, 0, 16, 16, 0, 0, 48, 48, GL_COLOR_BUFFER_BIT, GL_NEAREST);
    glDisable(GL_SCISSOR_TEST);
    glBindFramebuffer(GL_READ_FRAMEBUFFER, fb_dst);
    note_pixels("scissored blit", 0, 0, 48, 48);
    glBindFramebuffer(GL_READ_FRAMEBUFFER, fb_src);

    /* errors */
    glBlitFramebuffer(0, 0, 16, 16, 0, 0, 16, 16, 0x80000000u, GL_NEAREST);
    GLST_ERR("blit bad mask", GL_INVALID_VALUE);
    glBlitFramebuffer(0, 0, 16, 16, 0, 0, 16, 16, GL_COLOR_BUFFER_BIT, GL_NEAREST_MIPMAP_NEAREST);
    GLST_ERR("blit bad filter", GL_INVALID_ENUM);
    glBlitFramebuffer(0, 0, 16, 16, 0, 0, 16, 16, GL_DEPTH_BUFFER_BIT, GL_LINEAR);
    GLST_ERR("blit depth linear", GL_INVALID_OPERATION);
    glBlitFramebuffer(0, 0, 16, 16, 0, 0, 16, 16, 0, GL_NEAREST);
    GLST_ERR("blit empty mask", GL_NO_ERROR);
    /* depth/stencil blits: formats must match; buffers that are absent are ignored */
    glBlitFramebuffer(0, 0, 16, 16, 0, 0, 16, 16, GL_DEPTH_BUFFER_BIT | GL_STENCIL_BUFFER_BIT, GL_NEAREST);
    note_err("blit depth without depth buffers");
    GLuint ds_a = make_rb(GL_DEPTH24_STENCIL8, 16, 16, 0), ds_b = make_rb(GL_DEPTH_COMPONENT16, 48, 48, 0);
    glBindFramebuffer(GL_READ_FRAMEBUFFER, fb_src);
    glFramebufferRenderbuffer(GL_READ_FRAMEBUFFER, GL_DEPTH_STENCIL_ATTACHMENT, GL_RENDERBUFFER, ds_a);
    glBindFramebuffer(GL_DRAW_FRAMEBUFFER, fb_dst);
    glFramebufferRenderbuffer(GL_DRAW_FRAMEBUFFER, GL_DEPTH_ATTACHMENT, GL_RENDERBUFFER, ds_b);
    GLST_ERR("depth attachments", GL_NO_ERROR);
    glBlitFramebuffer(0, 0, 16, 16, 0, 0, 16, 16, GL_DEPTH_BUFFER_BIT, GL_NEAREST);
    GLST_ERR("blit depth formats differ", GL_INVALID_OPERATION);
    glBlitFramebuffer(0, 0, 16, 16, 0, 0, 48, 48, GL_COLOR_BUFFER_BIT, GL_NEAREST);
    GLST_ERR("blit colour beside depth", GL_NO_ERROR);
    /* the same framebuffer both ways, overlapping */
    glBindFramebuffer(GL_READ_FRAMEBUFFER, fb_dst);
    glBlitFramebuffer(0, 0, 16, 16, 8, 8, 24, 24, GL_COLOR_BUFFER_BIT, GL_NEAREST);
    GLST_ERR("blit onto itself", GL_INVALID_OPERATION);
    /* an integer source into a normalised destination */
    GLuint rb_int = make_rb(GL_RGBA8UI, 16, 16, 0);
    GLuint fb_int = make_fb_rb(GL_COLOR_ATTACHMENT0, rb_int);
    glBindFramebuffer(GL_READ_FRAMEBUFFER, fb_int);
    glBindFramebuffer(GL_DRAW_FRAMEBUFFER, fb_dst);
    glBlitFramebuffer(0, 0, 16, 16, 0, 0, 16, 16, GL_COLOR_BUFFER_BIT, GL_NEAREST);
    GLST_ERR("blit integer into normalised", GL_INVALID_OPERATION);
    /* an incomplete read framebuffer */
    GLuint fb_empty;
    glGenFramebuffers(1, &fb_empty);
    glBindFramebuffer(GL_READ_FRAMEBUFFER, fb_empty);
    glBlitFramebuffer(0, 0, 16, 16, 0, 0, 16, 16, GL_COLOR_BUFFER_BIT, GL_NEAREST);
    GLST_ERR("blit from an incomplete framebuffer", GL_INVALID_FRAMEBUFFER_OPERATION);
    /* into the default framebuffer */
    glBindFramebuffer(GL_READ_FRAMEBUFFER, fb_src);
    glBindFramebuffer(GL_DRAW_FRAMEBUFFER, 0);
    glBlitFramebuffer(0, 0, 16, 16, 0, 0, W, H, GL_COLOR_BUFFER_BIT, GL_LINEAR);
    GLST_ERR("blit into the default framebuffer", GL_NO_ERROR);
    glBindFramebuffer(GL_FRAMEBUFFER, 0);
    note_pixels("default framebuffer after the blit", 0, 0, W, H);
    GLuint fbs[] = {fb_src, fb_dst, fb_int, fb_empty}, rbs[] = {rb_src, rb_dst, rb_int, ds_a, ds_b};
    glDeleteFramebuffers(4, fbs);
    glDeleteRenderbuffers(5, rbs);
}

/* ---- multisample renderbuffers ---- */

static void test_multisample(void)
{
    GLint max_samples = glst_get_int(GL_MAX_SAMPLES);
    GLint counts = -1, samples[16];
    glGetInternalformativ(GL_RENDERBUFFER, GL_RGBA8, GL_NUM_SAMPLE_COUNTS, 1, &counts);
    glst_note("GL_NUM_SAMPLE_COUNTS of RGBA8: %d err 0x%x", counts, glGetError());
    for (int i = 0; i < 16; i++)
        samples[i] = -7;
    glGetInternalformativ(GL_RENDERBUFFER, GL_RGBA8, GL_SAMPLES, 16, samples);
    GLST_ERR("GL_SAMPLES", GL_NO_ERROR);
    for (int i = 0; i < 16; i++)
        glst_note("GL_SAMPLES[%d] = %d", i, samples[i]);
    for (int i = 0; i < 16; i++)
        samples[i] = -7;
    glGetInternalformativ(GL_RENDERBUFFER, GL_DEPTH24_STENCIL8, GL_SAMPLES, 1, samples);
    glst_note("GL_SAMPLES bufSize 1: %d %d err 0x%x", samples[0], samples[1], glGetError());
    glGetInternalformativ(GL_RENDERBUFFER, GL_RGBA8, GL_SAMPLES, 0, samples);
    glst_note("GL_SAMPLES bufSize 0: %d err 0x%x", samples[0], glGetError());
    glGetInternalformativ(GL_RENDERBUFFER, GL_RGBA32I, GL_NUM_SAMPLE_COUNTS, 1, &counts);
    glst_note("GL_NUM_SAMPLE_COUNTS of RGBA32I: %d err 0x%x", counts, glGetError());
    glGetInternalformativ(GL_RENDERBUFFER, GL_RGBA8, GL_SAMPLES, -1, samples);
    GLST_ERR("glGetInternalformativ bufSize -1", GL_INVALID_VALUE);
    glGetInternalformativ(GL_TEXTURE_2D, GL_RGBA8, GL_SAMPLES, 16, samples);
    GLST_ERR("glGetInternalformativ GL_TEXTURE_2D", GL_INVALID_ENUM);
    glGetInternalformativ(GL_RENDERBUFFER, GL_RGBA8, GL_RENDERBUFFER_WIDTH, 16, samples);
    GLST_ERR("glGetInternalformativ bad pname", GL_INVALID_ENUM);
    glGetInternalformativ(GL_RENDERBUFFER, GL_RGB, GL_SAMPLES, 16, samples);
    GLST_ERR("glGetInternalformativ unsized RGB (colour-renderable)", GL_NO_ERROR);
    glGetInternalformativ(GL_RENDERBUFFER, GL_LUMINANCE, GL_SAMPLES, 16, samples);
    GLST_ERR("glGetInternalformativ unsized luminance", GL_INVALID_ENUM);

    glst_note("untouched: %d", samples[0]);

    GLuint ms = make_rb(GL_RGBA8, 32, 32, 4);
    GLST_ERR("multisample RGBA8", GL_NO_ERROR);
    GLint v = -1;
    glGetRenderbufferParameteriv(GL_RENDERBUFFER, GL_RENDERBUFFER_SAMPLES, &v);
    glst_note("GL_RENDERBUFFER_SAMPLES = %d", v);
    GLuint ms_depth = make_rb(GL_DEPTH_COMPONENT24, 32, 32, 4);
    glGetRenderbufferParameteriv(GL_RENDERBUFFER, GL_RENDERBUFFER_SAMPLES, &v);
    glst_note("depth GL_RENDERBUFFER_SAMPLES = %d", v);
    GLuint fb_ms = make_fb_rb(GL_COLOR_ATTACHMENT0, ms);
    glFramebufferRenderbuffer(GL_FRAMEBUFFER, GL_DEPTH_ATTACHMENT, GL_RENDERBUFFER, ms_depth);
    GLST_CHECK_HEX(glCheckFramebufferStatus(GL_FRAMEBUFFER), GL_FRAMEBUFFER_COMPLETE);
    glst_get_int(GL_SAMPLES);
    glst_get_int(GL_SAMPLE_BUFFERS);
    glViewport(0, 0, 32, 32);
    glClearColor(0, 0, 0, 1);
    glClear(GL_COLOR_BUFFER_BIT | GL_DEPTH_BUFFER_BIT);
    GLuint prog = glst_program(quad_vs, "#version 300 es\nprecision mediump float;\nout vec4 c;\n"
                                        "void main() { c = vec4(1.0, 0.5, 0.0, 1.0); }\n");
    glUseProgram(prog);
    const GLfloat tri[] = {-0.9f, -0.8f, 0.85f, -0.3f, -0.2f, 0.9f};
    glVertexAttribPointer(0, 2, GL_FLOAT, GL_FALSE, 0, tri);
    glEnableVertexAttribArray(0);
    glDrawArrays(GL_TRIANGLES, 0, 3);
    /* reading a multisample framebuffer is an error; a resolve is a blit */
    note_pixel("read multisample", 0, 0);
    GLuint single = make_rb(GL_RGBA8, 32, 32, 0);
    GLuint fb_single = make_fb_rb(GL_COLOR_ATTACHMENT0, single);
    glBindFramebuffer(GL_READ_FRAMEBUFFER, fb_ms);
    glBindFramebuffer(GL_DRAW_FRAMEBUFFER, fb_single);
    glBlitFramebuffer(0, 0, 32, 32, 0, 0, 32, 32, GL_COLOR_BUFFER_BIT, GL_NEAREST);
    GLST_ERR("resolve", GL_NO_ERROR);
    glBlitFramebuffer(0, 0, 32, 32, 0, 0, 16, 16, GL_COLOR_BUFFER_BIT, GL_NEAREST);
    GLST_ERR("scaled resolve", GL_INVALID_OPERATION);
    glBindFramebuffer(GL_READ_FRAMEBUFFER, fb_single);
    note_pixels("resolved", 0, 0, 32, 32);
    for (int y = 2; y < 32; y += 7)
        note_pixel("resolved edge row", 16, y);
    /* a blit into a multisample framebuffer is an error */
    glBindFramebuffer(GL_DRAW_FRAMEBUFFER, fb_ms);
    glBlitFramebuffer(0, 0, 32, 32, 0, 0, 32, 32, GL_COLOR_BUFFER_BIT, GL_NEAREST);
    GLST_ERR("blit into multisample", GL_INVALID_OPERATION);
    /* a new multisample renderbuffer reads as zero once resolved */
    GLuint fresh = make_rb(GL_RGBA8, 8, 8, 2);
    GLuint fb_fresh = make_fb_rb(GL_COLOR_ATTACHMENT0, fresh);
    glBindFramebuffer(GL_READ_FRAMEBUFFER, fb_fresh);
    glBindFramebuffer(GL_DRAW_FRAMEBUFFER, fb_single);
    glBlitFramebuffer(0, 0, 8, 8, 0, 0, 8, 8, GL_COLOR_BUFFER_BIT, GL_NEAREST);
    glBindFramebuffer(GL_READ_FRAMEBUFFER, fb_single);
    note_pixels("fresh multisample resolved", 0, 0, 8, 8);

    /* errors */
    glBindRenderbuffer(GL_RENDERBUFFER, fresh);
    glRenderbufferStorageMultisample(GL_RENDERBUFFER, max_samples + 1, GL_RGBA8, 8, 8);
    GLST_ERR("samples above GL_MAX_SAMPLES", GL_INVALID_OPERATION);
    glRenderbufferStorageMultisample(GL_RENDERBUFFER, -1, GL_RGBA8, 8, 8);
    GLST_ERR("samples -1", GL_INVALID_VALUE);
    glRenderbufferStorageMultisample(GL_RENDERBUFFER, 4, GL_RGBA, 8, 8);
    GLST_ERR("unsized format", GL_INVALID_ENUM);
    glRenderbufferStorageMultisample(GL_RENDERBUFFER, 4, GL_RGBA8, -1, 8);
    GLST_ERR("negative width", GL_INVALID_VALUE);
    glRenderbufferStorageMultisample(GL_TEXTURE_2D, 4, GL_RGBA8, 8, 8);
    GLST_ERR("bad target", GL_INVALID_ENUM);
    glRenderbufferStorageMultisample(GL_RENDERBUFFER, 4, GL_RGBA8I, 8, 8);
    note_err("integer multisample");
    glRenderbufferStorageMultisample(GL_RENDERBUFFER, 0, GL_RGBA8I, 8, 8);
    GLST_ERR("integer with 0 samples", GL_NO_ERROR);
    glGetRenderbufferParameteriv(GL_RENDERBUFFER, GL_RENDERBUFFER_SAMPLES, &v);
    glst_note("0 samples: GL_RENDERBUFFER_SAMPLES = %d", v);
    glBindRenderbuffer(GL_RENDERBUFFER, 0);
    glRenderbufferStorageMultisample(GL_RENDERBUFFER, 2, GL_RGBA8, 8, 8);
    GLST_ERR("no renderbuffer bound", GL_INVALID_OPERATION);
    glViewport(0, 0, W, H);
    glUseProgram(0);
    glDeleteProgram(prog);
    glBindFramebuffer(GL_FRAMEBUFFER, 0);
    GLuint fbs[] = {fb_ms, fb_single, fb_fresh}, rbs[] = {ms, ms_depth, single, fresh};
    glDeleteFramebuffers(3, fbs);
    glDeleteRenderbuffers(4, rbs);
}

/* ---- ES 3.0 renderbuffer formats, glClearBuffer*, readback pairs ---- */

static void note_int_pixels(const char *what, GLenum type)
{
    GLint px[4 * 4] = {0};
    for (int i = 0; i < 16; i++)
        px[i] = -99;
    glReadPixels(1, 1, 2, 2, GL_RGBA_INTEGER, type, px);
    glst_note("%s: err 0x%x %d %d %d %d / %d %d %d %d", what, glGetError(), px[0], px[1], px[2], px[3], px[12],
              px[13], px[14], px[15]);
}

static void test_formats_and_clears(void)
{
    static const GLenum formats[] = {
        GL_R8, GL_RG8, GL_RGB8, GL_RGBA8, GL_SRGB8_ALPHA8, GL_RGB10_A2, GL_RGB10_A2UI, GL_RGBA4, GL_RGB5_A1,
        GL_RGB565, GL_R8I, GL_R8UI, GL_R16I, GL_R16UI, GL_R32I, GL_R32UI, GL_RG8I, GL_RG8UI, GL_RG16I, GL_RG16UI,
        GL_RG32I, GL_RG32UI, GL_RGBA8I, GL_RGBA8UI, GL_RGBA16I, GL_RGBA16UI, GL_RGBA32I, GL_RGBA32UI,
        GL_DEPTH_COMPONENT16, GL_DEPTH_COMPONENT24, GL_DEPTH_COMPONENT32F, GL_DEPTH24_STENCIL8,
        GL_DEPTH32F_STENCIL8, GL_STENCIL_INDEX8};
    for (size_t i = 0; i < sizeof(formats) / sizeof(*formats); i++) {
        GLuint rb = make_rb(formats[i], 4, 4, 0);
        GLint size[8];
        static const GLenum pnames[] = {GL_RENDERBUFFER_INTERNAL_FORMAT, GL_RENDERBUFFER_RED_SIZE,
                                        GL_RENDERBUFFER_GREEN_SIZE, GL_RENDERBUFFER_BLUE_SIZE,
                                        GL_RENDERBUFFER_ALPHA_SIZE, GL_RENDERBUFFER_DEPTH_SIZE,
                                        GL_RENDERBUFFER_STENCIL_SIZE, GL_RENDERBUFFER_SAMPLES};
        for (int p = 0; p < 8; p++)
            glGetRenderbufferParameteriv(GL_RENDERBUFFER, pnames[p], &size[p]);
        glst_note("format 0x%x: err 0x%x %x %d %d %d %d %d %d %d", formats[i], glGetError(), size[0], size[1],
                  size[2], size[3], size[4], size[5], size[6], size[7]);
        GLenum attachment = formats[i] == GL_STENCIL_INDEX8 ? GL_STENCIL_ATTACHMENT
                            : formats[i] == GL_DEPTH24_STENCIL8 || formats[i] == GL_DEPTH32F_STENCIL8
                                ? GL_DEPTH_STENCIL_ATTACHMENT
                            : formats[i] >= GL_DEPTH_COMPONENT16 && formats[i] <= GL_DEPTH_COMPONENT24
                                ? GL_DEPTH_ATTACHMENT
                            : formats[i] == GL_DEPTH_COMPONENT32F ? GL_DEPTH_ATTACHMENT
                                                                  : GL_COLOR_ATTACHMENT0;
        GLuint fb = make_fb_rb(attachment, rb);
        glst_note("  status 0x%x", glCheckFramebufferStatus(GL_FRAMEBUFFER));
        static const GLenum apnames[] = {GL_FRAMEBUFFER_ATTACHMENT_COLOR_ENCODING,
                                         GL_FRAMEBUFFER_ATTACHMENT_COMPONENT_TYPE,
                                         GL_FRAMEBUFFER_ATTACHMENT_RED_SIZE,
                                         GL_FRAMEBUFFER_ATTACHMENT_GREEN_SIZE,
                                         GL_FRAMEBUFFER_ATTACHMENT_BLUE_SIZE,
                                         GL_FRAMEBUFFER_ATTACHMENT_ALPHA_SIZE,
                                         GL_FRAMEBUFFER_ATTACHMENT_DEPTH_SIZE,
                                         GL_FRAMEBUFFER_ATTACHMENT_STENCIL_SIZE};
        for (int p = 0; p < 8; p++) {
            GLint value = -5;
            glGetFramebufferAttachmentParameteriv(GL_FRAMEBUFFER, attachment, apnames[p], &value);
            glst_note("  attachment pname 0x%x = %d err 0x%x", apnames[p], value, glGetError());
        }
        if (attachment == GL_COLOR_ATTACHMENT0) {
            GLint read_format = 0, read_type = 0;
            glGetIntegerv(GL_IMPLEMENTATION_COLOR_READ_FORMAT, &read_format);
            glGetIntegerv(GL_IMPLEMENTATION_COLOR_READ_TYPE, &read_type);
            glst_note("  read pair 0x%x 0x%x err 0x%x", read_format, read_type, glGetError());
            unsigned char px[4 * 4 * 16];
            memset(px, 0xee, sizeof(px));
            glReadPixels(0, 0, 4, 1, (GLenum)read_format, (GLenum)read_type, px);
            glst_note("  fresh contents in the read pair: err 0x%x %u %u %u %u %u %u %u %u", glGetError(), px[0],
                      px[1], px[2], px[3], px[4], px[5], px[6], px[7]);
        }
        glBindFramebuffer(GL_FRAMEBUFFER, 0);
        glDeleteFramebuffers(1, &fb);
        glDeleteRenderbuffers(1, &rb);
    }

    /* glClearBuffer* per kind */
    GLuint rb_f = make_rb(GL_RGBA8, 4, 4, 0), rb_i = make_rb(GL_RGBA32I, 4, 4, 0);
    GLuint rb_u = make_rb(GL_RGBA16UI, 4, 4, 0), rb_ds = make_rb(GL_DEPTH24_STENCIL8, 4, 4, 0);
    GLuint rb_10 = make_rb(GL_RGB10_A2, 4, 4, 0);
    GLuint fb = make_fb_rb(GL_COLOR_ATTACHMENT0, rb_f);
    glFramebufferRenderbuffer(GL_FRAMEBUFFER, GL_COLOR_ATTACHMENT1, GL_RENDERBUFFER, rb_i);
    glFramebufferRenderbuffer(GL_FRAMEBUFFER, GL_COLOR_ATTACHMENT2, GL_RENDERBUFFER, rb_u);
    glFramebufferRenderbuffer(GL_FRAMEBUFFER, GL_COLOR_ATTACHMENT3, GL_RENDERBUFFER, rb_10);
    glFramebufferRenderbuffer(GL_FRAMEBUFFER, GL_DEPTH_STENCIL_ATTACHMENT, GL_RENDERBUFFER, rb_ds);
    GLST_CHECK_HEX(glCheckFramebufferStatus(GL_FRAMEBUFFER), GL_FRAMEBUFFER_COMPLETE);
    const GLenum bufs[] = {GL_COLOR_ATTACHMENT0, GL_COLOR_ATTACHMENT1, GL_COLOR_ATTACHMENT2, GL_COLOR_ATTACHMENT3};
    glDrawBuffers(4, bufs);
    GLST_ERR("four draw buffers", GL_NO_ERROR);
    glReadBuffer(GL_COLOR_ATTACHMENT1);
    note_int_pixels("fresh RGBA32I", GL_INT);
    glReadBuffer(GL_COLOR_ATTACHMENT2);
    note_int_pixels("fresh RGBA16UI", GL_UNSIGNED_INT);

    const GLfloat fv[4] = {0.25f, 0.5f, 0.75f, 1.0f};
    const GLint iv[4] = {-7, 123456, -2147483647 - 1, 2147483647};
    const GLuint uiv[4] = {1, 65535, 70000, 42};
    glClearBufferfv(GL_COLOR, 0, fv);
    GLST_ERR("glClearBufferfv colour", GL_NO_ERROR);
    glClearBufferiv(GL_COLOR, 1, iv);
    GLST_ERR("glClearBufferiv colour", GL_NO_ERROR);
    glClearBufferuiv(GL_COLOR, 2, uiv);
    GLST_ERR("glClearBufferuiv colour", GL_NO_ERROR);
    glClearBufferfv(GL_COLOR, 3, fv);
    GLST_ERR("glClearBufferfv RGB10_A2", GL_NO_ERROR);
    glReadBuffer(GL_COLOR_ATTACHMENT0);
    note_pixel("cleared RGBA8", 1, 1);
    glReadBuffer(GL_COLOR_ATTACHMENT1);
    note_int_pixels("cleared RGBA32I", GL_INT);
    note_int_pixels("RGBA32I read as unsigned", GL_UNSIGNED_INT);
    glReadBuffer(GL_COLOR_ATTACHMENT2);
    note_int_pixels("cleared RGBA16UI", GL_UNSIGNED_INT);
    note_int_pixels("RGBA16UI read as signed", GL_INT);
    note_pixel("RGBA16UI read as RGBA/UNSIGNED_BYTE", 0, 0);
    glReadBuffer(GL_COLOR_ATTACHMENT3);
    GLuint packed[4] = {0};
    glReadPixels(0, 0, 2, 2, GL_RGBA, GL_UNSIGNED_INT_2_10_10_10_REV, packed);
    glst_note("RGB10_A2 as 2_10_10_10_REV: err 0x%x %08x %08x", glGetError(), packed[0], packed[3]);
    note_pixel("RGB10_A2 as RGBA/UNSIGNED_BYTE", 0, 0);
    glReadBuffer(GL_COLOR_ATTACHMENT0);
    glReadPixels(0, 0, 1, 1, GL_RGBA, GL_UNSIGNED_INT_2_10_10_10_REV, packed);
    note_err("RGBA8 as 2_10_10_10_REV");
    glReadPixels(0, 0, 1, 1, GL_RGBA_INTEGER, GL_INT, packed);
    note_err("RGBA8 as RGBA_INTEGER");

    /* depth and stencil: glClearBufferfv/iv/fi, seen through depth and stencil tests */
    glClearBufferfi(GL_DEPTH_STENCIL, 0, 0.25f, 5);
    GLST_ERR("glClearBufferfi", GL_NO_ERROR);
    GLuint prog = glst_program(quad_vs, "#version 300 es\nprecision mediump float;\n"
                                        "layout(location = 0) out vec4 c;\nuniform float z;\n"
                                        "void main() { c = vec4(z, 1.0, 0.0, 1.0); }\n");
    glUseProgram(prog);
    const GLenum one[] = {GL_COLOR_ATTACHMENT0};
    glDrawBuffers(1, one);
    glViewport(0, 0, 4, 4);
    glEnable(GL_DEPTH_TEST);
    glDepthFunc(GL_LESS);
    glEnable(GL_STENCIL_TEST);
    glStencilFunc(GL_EQUAL, 5, 0xff);
    glClearBufferfv(GL_COLOR, 0, fv);
    draw_quad(-1, -1, 0, 1); /* z 0.5 (window 0.75) fails LESS 0.25 */
    note_pixel("depth 0.25 stencil 5: left", 0, 0);
    glClearBufferfv(GL_DEPTH, 0, (const GLfloat[]){1.0f});
    glClearBufferiv(GL_STENCIL, 0, (const GLint[]){5});
    draw_quad(-1, -1, 1, 1);
    note_pixel("depth 1 stencil 5: drawn", 3, 3);
    glClearBufferiv(GL_STENCIL, 0, (const GLint[]){6});
    glClearBufferfv(GL_COLOR, 0, fv);
    draw_quad(-1, -1, 1, 1);
    note_pixel("stencil 6: not drawn", 3, 3);
    glDisable(GL_DEPTH_TEST);
    glDisable(GL_STENCIL_TEST);
    glUseProgram(0);
    glDeleteProgram(prog);
    glViewport(0, 0, W, H);

    /* errors */
    glClearBufferiv(GL_DEPTH, 0, iv);
    GLST_ERR("glClearBufferiv GL_DEPTH", GL_INVALID_ENUM);
    glClearBufferuiv(GL_STENCIL, 0, uiv);
    GLST_ERR("glClearBufferuiv GL_STENCIL", GL_INVALID_ENUM);
    glClearBufferfv(GL_STENCIL, 0, fv);
    GLST_ERR("glClearBufferfv GL_STENCIL", GL_INVALID_ENUM);
    glClearBufferfv(GL_DEPTH_STENCIL, 0, fv);
    GLST_ERR("glClearBufferfv GL_DEPTH_STENCIL", GL_INVALID_ENUM);
    glClearBufferfi(GL_COLOR, 0, 1.0f, 0);
    GLST_ERR("glClearBufferfi GL_COLOR", GL_INVALID_ENUM);
    glClearBufferfv(GL_TEXTURE_2D, 0, fv);
    GLST_ERR("glClearBufferfv bad enum", GL_INVALID_ENUM);
    glClearBufferfv(GL_COLOR, -1, fv);
    GLST_ERR("glClearBufferfv drawbuffer -1", GL_INVALID_VALUE);
    GLint max_draw = 0;
    glGetIntegerv(GL_MAX_DRAW_BUFFERS, &max_draw);
    glClearBufferfv(GL_COLOR, max_draw, fv);
    GLST_ERR("glClearBufferfv drawbuffer max", GL_INVALID_VALUE);
    glClearBufferfv(GL_DEPTH, 1, fv);
    GLST_ERR("glClearBufferfv depth drawbuffer 1", GL_INVALID_VALUE);
    glClearBufferfi(GL_DEPTH_STENCIL, 1, 1.0f, 0);
    GLST_ERR("glClearBufferfi drawbuffer 1", GL_INVALID_VALUE);

    /* attachment queries: depth and stencil of one object, then of two */
    GLint value = -5;
    glGetFramebufferAttachmentParameteriv(GL_FRAMEBUFFER, GL_DEPTH_STENCIL_ATTACHMENT,
                                          GL_FRAMEBUFFER_ATTACHMENT_OBJECT_NAME, &value);
    glst_note("DEPTH_STENCIL_ATTACHMENT name is the renderbuffer: %d err 0x%x", value == (GLint)rb_ds, glGetError());
    GLuint rb_s = make_rb(GL_STENCIL_INDEX8, 4, 4, 0);
    glFramebufferRenderbuffer(GL_FRAMEBUFFER, GL_STENCIL_ATTACHMENT, GL_RENDERBUFFER, rb_s);
    glGetFramebufferAttachmentParameteriv(GL_FRAMEBUFFER, GL_DEPTH_STENCIL_ATTACHMENT,
                                          GL_FRAMEBUFFER_ATTACHMENT_OBJECT_TYPE, &value);
    GLST_ERR("DEPTH_STENCIL_ATTACHMENT of two objects", GL_INVALID_OPERATION);
    glGetFramebufferAttachmentParameteriv(GL_FRAMEBUFFER, GL_COLOR_ATTACHMENT5, GL_FRAMEBUFFER_ATTACHMENT_OBJECT_TYPE,
                                          &value);
    glst_note("empty attachment type %d err 0x%x", value, glGetError());
    glGetFramebufferAttachmentParameteriv(GL_FRAMEBUFFER, GL_COLOR_ATTACHMENT5, GL_FRAMEBUFFER_ATTACHMENT_RED_SIZE,
                                          &value);
    GLST_ERR("size of an empty attachment", GL_INVALID_OPERATION);
    glGetFramebufferAttachmentParameteriv(GL_FRAMEBUFFER, GL_BACK, GL_FRAMEBUFFER_ATTACHMENT_OBJECT_TYPE, &value);
    note_err("GL_BACK of an FBO");
    glGetFramebufferAttachmentParameteriv(GL_FRAMEBUFFER, GL_COLOR_ATTACHMENT0, GL_RENDERBUFFER_WIDTH, &value);
    GLST_ERR("bad attachment pname", GL_INVALID_ENUM);
    glBindFramebuffer(GL_FRAMEBUFFER, 0);
    static const GLenum defaults[] = {GL_BACK, GL_DEPTH, GL_STENCIL};
    static const GLenum dpnames[] = {GL_FRAMEBUFFER_ATTACHMENT_OBJECT_TYPE, GL_FRAMEBUFFER_ATTACHMENT_COLOR_ENCODING,
                                     GL_FRAMEBUFFER_ATTACHMENT_COMPONENT_TYPE, GL_FRAMEBUFFER_ATTACHMENT_RED_SIZE,
                                     GL_FRAMEBUFFER_ATTACHMENT_ALPHA_SIZE, GL_FRAMEBUFFER_ATTACHMENT_DEPTH_SIZE,
                                     GL_FRAMEBUFFER_ATTACHMENT_STENCIL_SIZE};
    for (int a = 0; a < 3; a++)
        for (int p = 0; p < 7; p++) {
            value = -5;
            glGetFramebufferAttachmentParameteriv(GL_FRAMEBUFFER, defaults[a], dpnames[p], &value);
            glst_note("default 0x%x pname 0x%x = %d err 0x%x", defaults[a], dpnames[p], value, glGetError());
        }
    glGetFramebufferAttachmentParameteriv(GL_READ_FRAMEBUFFER, GL_COLOR_ATTACHMENT0,
                                          GL_FRAMEBUFFER_ATTACHMENT_OBJECT_TYPE, &value);
    note_err("GL_COLOR_ATTACHMENT0 of the default framebuffer");
    glDeleteFramebuffers(1, &fb);
    GLuint rbs[] = {rb_f, rb_i, rb_u, rb_ds, rb_10, rb_s};
    glDeleteRenderbuffers(6, rbs);
}

/* ---- invalidation ---- */

static void test_invalidate(void)
{
    GLuint rb = make_rb(GL_RGBA8, 16, 16, 0), ds = make_rb(GL_DEPTH24_STENCIL8, 16, 16, 0);
    GLuint fb = make_fb_rb(GL_COLOR_ATTACHMENT0, rb);
    glFramebufferRenderbuffer(GL_FRAMEBUFFER, GL_DEPTH_STENCIL_ATTACHMENT, GL_RENDERBUFFER, ds);
    const GLenum all[] = {GL_COLOR_ATTACHMENT0, GL_DEPTH_ATTACHMENT, GL_STENCIL_ATTACHMENT,
                          GL_DEPTH_STENCIL_ATTACHMENT};
    glInvalidateFramebuffer(GL_FRAMEBUFFER, 4, all);
    GLST_ERR("glInvalidateFramebuffer", GL_NO_ERROR);
    glInvalidateSubFramebuffer(GL_DRAW_FRAMEBUFFER, 1, all, 2, 2, 8, 8);
    GLST_ERR("glInvalidateSubFramebuffer", GL_NO_ERROR);
    glInvalidateFramebuffer(GL_READ_FRAMEBUFFER, 0, all);
    GLST_ERR("glInvalidateFramebuffer none", GL_NO_ERROR);
    /* an invalidated buffer still renders: clear and read again */
    glClearColor(0, 1, 0, 1);
    glClear(GL_COLOR_BUFFER_BIT);
    note_pixel("cleared after invalidation", 3, 3);
    glInvalidateFramebuffer(GL_FRAMEBUFFER, -1, all);
    GLST_ERR("glInvalidateFramebuffer -1", GL_INVALID_VALUE);
    glInvalidateSubFramebuffer(GL_FRAMEBUFFER, 1, all, 0, 0, -1, 4);
    GLST_ERR("glInvalidateSubFramebuffer negative width", GL_INVALID_VALUE);
    glInvalidateFramebuffer(GL_TEXTURE_2D, 1, all);
    GLST_ERR("glInvalidateFramebuffer bad target", GL_INVALID_ENUM);
    const GLenum bad[] = {GL_TEXTURE_2D};
    glInvalidateFramebuffer(GL_FRAMEBUFFER, 1, bad);
    GLST_ERR("glInvalidateFramebuffer bad attachment", GL_INVALID_ENUM);
    GLint max_attachments = 0;
    glGetIntegerv(GL_MAX_COLOR_ATTACHMENTS, &max_attachments);
    const GLenum past[] = {GL_COLOR_ATTACHMENT0 + (GLenum)max_attachments};
    glInvalidateFramebuffer(GL_FRAMEBUFFER, 1, past);
    GLST_ERR("glInvalidateFramebuffer past GL_MAX_COLOR_ATTACHMENTS", GL_INVALID_OPERATION);
    const GLenum default_bufs[] = {GL_COLOR};
    glInvalidateFramebuffer(GL_FRAMEBUFFER, 1, default_bufs);
    GLST_ERR("GL_COLOR on an FBO", GL_INVALID_ENUM);
    glBindFramebuffer(GL_FRAMEBUFFER, 0);
    const GLenum default_all[] = {GL_COLOR, GL_DEPTH, GL_STENCIL};
    glInvalidateFramebuffer(GL_FRAMEBUFFER, 3, default_all);
    GLST_ERR("default framebuffer", GL_NO_ERROR);
    glInvalidateFramebuffer(GL_FRAMEBUFFER, 1, all);
    GLST_ERR("attachment on the default framebuffer", GL_INVALID_ENUM);
    glDeleteFramebuffers(1, &fb);
    glDeleteRenderbuffers(1, &rb);
    glDeleteRenderbuffers(1, &ds);
}

/* ---- glFramebufferTextureLayer, DEPTH_STENCIL_ATTACHMENT textures ---- */

static void test_texture_attachments(void)
{
    GLuint tex2d = make_tex(GL_RGBA, GL_RGBA, GL_UNSIGNED_BYTE, 8, 8, NULL);
    GLuint fb;
    glGenFramebuffers(1, &fb);
    glBindFramebuffer(GL_FRAMEBUFFER, fb);
    glFramebufferTextureLayer(GL_FRAMEBUFFER, GL_COLOR_ATTACHMENT0, tex2d, 0, 0);
    GLST_ERR("glFramebufferTextureLayer of a 2D texture", GL_INVALID_OPERATION);
    glFramebufferTextureLayer(GL_FRAMEBUFFER, GL_COLOR_ATTACHMENT0, 0, 0, 0);
    GLST_ERR("glFramebufferTextureLayer detach", GL_NO_ERROR);
    glFramebufferTextureLayer(GL_TEXTURE_2D, GL_COLOR_ATTACHMENT0, 0, 0, 0);
    GLST_ERR("glFramebufferTextureLayer bad target", GL_INVALID_ENUM);
    glFramebufferTextureLayer(GL_FRAMEBUFFER, GL_BACK, 0, 0, 0);
    GLST_ERR("glFramebufferTextureLayer bad attachment", GL_INVALID_ENUM);
    glFramebufferTextureLayer(GL_FRAMEBUFFER, GL_COLOR_ATTACHMENT0, 12345, 0, 0);
    GLST_ERR("glFramebufferTextureLayer unknown texture", GL_INVALID_OPERATION);
    GLint value = -5;
    glGetFramebufferAttachmentParameteriv(GL_FRAMEBUFFER, GL_COLOR_ATTACHMENT0, GL_FRAMEBUFFER_ATTACHMENT_TEXTURE_LAYER,
                                          &value);
    note_err("TEXTURE_LAYER of an empty attachment");
    glFramebufferTexture2D(GL_FRAMEBUFFER, GL_COLOR_ATTACHMENT0, GL_TEXTURE_2D, tex2d, 0);
    glGetFramebufferAttachmentParameteriv(GL_FRAMEBUFFER, GL_COLOR_ATTACHMENT0, GL_FRAMEBUFFER_ATTACHMENT_TEXTURE_LAYER,
                                          &value);
    glst_note("TEXTURE_LAYER of a 2D attachment %d err 0x%x", value, glGetError());
    /* a depth-stencil texture through GL_DEPTH_STENCIL_ATTACHMENT */
    GLuint ds = make_tex(GL_DEPTH24_STENCIL8, GL_DEPTH_STENCIL, GL_UNSIGNED_INT_24_8, 8, 8, NULL);
    glFramebufferTexture2D(GL_DRAW_FRAMEBUFFER, GL_DEPTH_STENCIL_ATTACHMENT, GL_TEXTURE_2D, ds, 0);
    GLST_ERR("depth-stencil texture", GL_NO_ERROR);
    GLST_CHECK_HEX(glCheckFramebufferStatus(GL_FRAMEBUFFER), GL_FRAMEBUFFER_COMPLETE);
    glGetFramebufferAttachmentParameteriv(GL_FRAMEBUFFER, GL_STENCIL_ATTACHMENT, GL_FRAMEBUFFER_ATTACHMENT_OBJECT_NAME,
                                          &value);
    glst_note("stencil attachment is the texture: %d err 0x%x", value == (GLint)ds, glGetError());
    glGetFramebufferAttachmentParameteriv(GL_FRAMEBUFFER, GL_DEPTH_ATTACHMENT, GL_FRAMEBUFFER_ATTACHMENT_DEPTH_SIZE,
                                          &value);
    glst_note("depth size %d err 0x%x", value, glGetError());
    glBindFramebuffer(GL_FRAMEBUFFER, 0);
    glDeleteFramebuffers(1, &fb);
    glDeleteTextures(1, &tex2d);
    glDeleteTextures(1, &ds);
}

/* ---- samplers ---- */

static void test_samplers(void)
{
    GLuint s[3] = {0};
    glGenSamplers(3, s);
    GLST_ERR("glGenSamplers", GL_NO_ERROR);
    glst_note("glIsSampler generated %d unknown %d zero %d", glIsSampler(s[0]), glIsSampler(777), glIsSampler(0));
    glGenSamplers(-1, s);
    GLST_ERR("glGenSamplers -1", GL_INVALID_VALUE);
    static const struct {
        GLenum pname;
        GLint value;
    } ints[] = {
        {GL_TEXTURE_MIN_FILTER, GL_LINEAR_MIPMAP_NEAREST}, {GL_TEXTURE_MAG_FILTER, GL_LINEAR},
        {GL_TEXTURE_WRAP_S, GL_MIRRORED_REPEAT}, {GL_TEXTURE_WRAP_T, GL_CLAMP_TO_EDGE},
        {GL_TEXTURE_WRAP_R, GL_REPEAT}, {GL_TEXTURE_COMPARE_MODE, GL_COMPARE_REF_TO_TEXTURE},
        {GL_TEXTURE_COMPARE_FUNC, GL_GEQUAL}, {GL_TEXTURE_MIN_LOD, -3}, {GL_TEXTURE_MAX_LOD, 7},
    };
    for (size_t i = 0; i < sizeof(ints) / sizeof(*ints); i++) {
        GLint iv = -1;
        GLfloat fv = -1;
        glst_note("default 0x%x", ints[i].pname);
        glGetSamplerParameteriv(s[0], ints[i].pname, &iv);
        glGetSamplerParameterfv(s[0], ints[i].pname, &fv);
        glst_note("  = %d / %g err 0x%x", iv, fv, glGetError());
        glSamplerParameteri(s[0], ints[i].pname, ints[i].value);
        glSamplerParameterf(s[1], ints[i].pname, (GLfloat)ints[i].value);
        glSamplerParameteriv(s[2], ints[i].pname, &ints[i].value);
        GLST_ERR("set", GL_NO_ERROR);
        for (int k = 0; k < 3; k++) {
            glGetSamplerParameteriv(s[k], ints[i].pname, &iv);
            glGetSamplerParameterfv(s[k], ints[i].pname, &fv);
            glst_note("  sampler %d = %d / %g err 0x%x", k, iv, fv, glGetError());
        }
    }
    const GLfloat lod = 2.5f;
    glSamplerParameterfv(s[1], GL_TEXTURE_MIN_LOD, &lod);
    GLfloat f = 0;
    glGetSamplerParameterfv(s[1], GL_TEXTURE_MIN_LOD, &f);
    glst_note("min lod %g err 0x%x", f, glGetError());

    /* errors */
    GLint iv = -9;
    glSamplerParameteri(s[0], GL_TEXTURE_MAG_FILTER, GL_LINEAR_MIPMAP_LINEAR);
    GLST_ERR("mag filter mipmap", GL_INVALID_ENUM);
    glSamplerParameteri(s[0], GL_TEXTURE_WRAP_S, GL_NEAREST);
    GLST_ERR("wrap nearest", GL_INVALID_ENUM);
    glSamplerParameterf(s[0], GL_TEXTURE_MIN_FILTER, (GLfloat)GL_LINEAR + 0.5f);
    GLST_ERR("min filter as a float, truncated", GL_NO_ERROR);
    glGetSamplerParameteriv(s[0], GL_TEXTURE_MIN_FILTER, &iv);
    glst_note("truncated to 0x%x", iv);
    glSamplerParameterf(s[0], GL_TEXTURE_MIN_FILTER, 1e20f);
    GLST_ERR("min filter far out of range", GL_INVALID_ENUM);
    glSamplerParameterf(s[0], GL_TEXTURE_WRAP_S, (GLfloat)GL_REPEAT - 0.5f);
    GLST_ERR("wrap below an enum", GL_INVALID_ENUM);
    glSamplerParameteri(s[0], GL_TEXTURE_COMPARE_FUNC, GL_LINEAR);
    GLST_ERR("compare func", GL_INVALID_ENUM);
    glSamplerParameteri(s[0], GL_TEXTURE_COMPARE_MODE, GL_LINEAR);
    GLST_ERR("compare mode", GL_INVALID_ENUM);
    glSamplerParameteri(s[0], GL_TEXTURE_BASE_LEVEL, 1);
    GLST_ERR("texture-only pname", GL_INVALID_ENUM);
    glSamplerParameteri(s[0], GL_TEXTURE_2D, 1);
    GLST_ERR("bad pname", GL_INVALID_ENUM);
    glGetSamplerParameteriv(s[0], GL_TEXTURE_BASE_LEVEL, &iv);
    GLST_ERR("get texture-only pname", GL_INVALID_ENUM);
    glst_note("untouched %d", iv);
    glSamplerParameteri(777, GL_TEXTURE_MIN_FILTER, GL_LINEAR);
    GLST_ERR("unknown sampler", GL_INVALID_OPERATION);
    glGetSamplerParameteriv(777, GL_TEXTURE_MIN_FILTER, &iv);
    GLST_ERR("get of an unknown sampler", GL_INVALID_OPERATION);
    glst_note("untouched %d", iv);
    glBindSampler(0, 777);
    GLST_ERR("bind an unknown name", GL_INVALID_OPERATION);
    GLint units = 0;
    glGetIntegerv(GL_MAX_COMBINED_TEXTURE_IMAGE_UNITS, &units);
    glBindSampler((GLuint)units, s[0]);
    GLST_ERR("bind past the units", GL_INVALID_VALUE);

    /* a sampler overrides the texture's own state, in pixels */
    static const unsigned char checker[4 * 4] = {255, 0, 0, 255, 0, 0, 255, 255, 0, 0, 255, 255, 255, 0, 0, 255};
    GLuint tex = make_tex(GL_RGBA, GL_RGBA, GL_UNSIGNED_BYTE, 2, 2, checker); /* NEAREST, REPEAT */
    GLuint prog = glst_program(quad_vs, "#version 300 es\nprecision mediump float;\nin vec2 uv;\n"
                                        "uniform sampler2D t;\nout vec4 c;\n"
                                        "void main() { c = texture(t, uv * 2.0 - 0.5); }\n");
    glUseProgram(prog);
    glActiveTexture(GL_TEXTURE0);
    glBindTexture(GL_TEXTURE_2D, tex);
    glClearColor(0, 0, 0, 0);
    glClear(GL_COLOR_BUFFER_BIT);
    draw_quad(-1, -1, 1, 1);
    note_pixels("texture's own state", 0, 0, W, H);
    GLuint lin;
    glGenSamplers(1, &lin);
    glSamplerParameteri(lin, GL_TEXTURE_MIN_FILTER, GL_LINEAR);
    glSamplerParameteri(lin, GL_TEXTURE_MAG_FILTER, GL_LINEAR);
    glSamplerParameteri(lin, GL_TEXTURE_WRAP_S, GL_CLAMP_TO_EDGE);
    glSamplerParameteri(lin, GL_TEXTURE_WRAP_T, GL_MIRRORED_REPEAT);
    glBindSampler(0, lin);
    GLST_ERR("glBindSampler", GL_NO_ERROR);
    GLint bound = -1;
    glGetIntegerv(GL_SAMPLER_BINDING, &bound);
    glst_note("GL_SAMPLER_BINDING is the sampler: %d", bound == (GLint)lin);
    glClear(GL_COLOR_BUFFER_BIT);
    draw_quad(-1, -1, 1, 1);
    note_pixels("sampler's state", 0, 0, W, H);
    note_pixel("sampler's state", 10, 50);
    glBindSampler(1, lin); /* another unit: the texture's own again */
    glBindSampler(0, 0);
    glClear(GL_COLOR_BUFFER_BIT);
    draw_quad(-1, -1, 1, 1);
    note_pixels("unbound from unit 0", 0, 0, W, H);
    glBindSampler(0, lin);
    glDeleteSamplers(1, &lin); /* unbinds it from every unit */
    glGetIntegerv(GL_SAMPLER_BINDING, &bound);
    glst_note("GL_SAMPLER_BINDING after the deletion %d", bound);
    glst_note("glIsSampler deleted %d", glIsSampler(lin));
    glClear(GL_COLOR_BUFFER_BIT);
    draw_quad(-1, -1, 1, 1);
    note_pixels("deleted while bound", 0, 0, W, H);
    glGetSamplerParameteriv(lin, GL_TEXTURE_MIN_FILTER, &iv);
    GLST_ERR("get of a deleted sampler", GL_INVALID_OPERATION);
    glDeleteSamplers(-1, s);
    GLST_ERR("glDeleteSamplers -1", GL_INVALID_VALUE);
    glDeleteSamplers(3, s);
    GLST_ERR("glDeleteSamplers", GL_NO_ERROR);
    glUseProgram(0);
    glDeleteProgram(prog);
    glDeleteTextures(1, &tex);
}

int main(void)
{
    glst_egl e;
    glst_observe_open("gles3-framebuffers");
    /* glstream's configs do not list EGL_OPENGL_ES3_BIT yet: an ES 2
     * request gets the highest version there, as from Mesa */
    if (!glst_egl_setup_version(&e, W, H, 3) && (glst_egl_teardown(&e), !glst_egl_setup_version(&e, W, H, 2))) {
        GLST_CHECK(false);
        return glst_finish();
    }
    glst_note("GL_VERSION starts with OpenGL ES 3: %d",
              strncmp((const char *)glGetString(GL_VERSION), "OpenGL ES 3", 11) == 0);
    test_mrt();
    test_bindings();
    test_blit();
    test_multisample();
    test_formats_and_clears();
    test_invalidate();
    test_texture_attachments();
    test_samplers();
    GLST_ERR("end", GL_NO_ERROR);
    glst_egl_teardown(&e);
    glst_observe_close();
    return glst_finish();
}
