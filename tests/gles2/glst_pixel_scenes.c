/* Renders deterministic GLES2 scenes into a 64x64 RGBA8888 pbuffer and writes
 * each readback to $GLST_OUT/<scene>.rgba. The comparer runs this natively and
 * through glstream and requires the files to be byte identical, so every
 * scene starts from the same reset state and uses no time or randomness. */
#include "glst_test_util.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define W 64
#define H 64

static const char *glst_out_dir;
static GLuint prog_color;   /* a_pos + a_color varying */
static GLuint prog_ucolor;  /* a_pos + uniform colour */
static GLuint prog_tex;     /* a_pos + a_tex, sampler2D */
static GLint ucolor_loc;

static const char *vs_color =
    "attribute vec4 a_pos;\n"
    "attribute vec4 a_color;\n"
    "varying vec4 v_color;\n"
    "void main() { v_color = a_color; gl_Position = a_pos; gl_PointSize = 5.0; }\n";
static const char *fs_color =
    "precision mediump float;\n"
    "varying vec4 v_color;\n"
    "void main() { gl_FragColor = v_color; }\n";
static const char *vs_pos =
    "attribute vec4 a_pos;\n"
    "void main() { gl_Position = a_pos; gl_PointSize = 3.0; }\n";
static const char *fs_ucolor =
    "precision mediump float;\n"
    "uniform vec4 u_color;\n"
    "void main() { gl_FragColor = u_color; }\n";
static const char *vs_tex =
    "attribute vec4 a_pos;\n"
    "attribute vec2 a_tex;\n"
    "varying vec2 v_tex;\n"
    "void main() { v_tex = a_tex; gl_Position = a_pos; }\n";
static const char *fs_tex =
    "precision mediump float;\n"
    "uniform sampler2D u_tex;\n"
    "varying vec2 v_tex;\n"
    "void main() { gl_FragColor = texture2D(u_tex, v_tex); }\n";

/* ---- output ------------------------------------------------------------ */

static void write_file(const char *name, const void *data, size_t size)
{
    if (!glst_out_dir)
        return;
    char path[4096];
    snprintf(path, sizeof(path), "%s/%s.rgba", glst_out_dir, name);
    FILE *f = fopen(path, "wb");
    if (!f || fwrite(data, 1, size, f) != size) {
        glst_fail_msg(__FILE__, __LINE__, "cannot write %s", path);
        if (f)
            fclose(f);
        return;
    }
    fclose(f);
}

/* Reads the current framebuffer (w x h at the origin) and writes it out. */
static void dump_size(const char *name, int w, int h)
{
    static unsigned char buf[W * H * 4];
    memset(buf, 0xCD, sizeof(buf));
    glPixelStorei(GL_PACK_ALIGNMENT, 4);
    glReadPixels(0, 0, w, h, GL_RGBA, GL_UNSIGNED_BYTE, buf);
    write_file(name, buf, (size_t)w * h * 4);
}

static void dump(const char *name) { dump_size(name, W, H); }

static void read_pixel(int x, int y, unsigned char out[4])
{
    glPixelStorei(GL_PACK_ALIGNMENT, 4);
    glReadPixels(x, y, 1, 1, GL_RGBA, GL_UNSIGNED_BYTE, out);
}

/* Compares one pixel against an expected colour with a small tolerance
 * (blending and conversions may round by one unit). */
static void expect_pixel(int x, int y, int r, int g, int b, int a, const char *file, int line)
{
    unsigned char p[4];
    const int want[4] = { r, g, b, a };
    read_pixel(x, y, p);
    for (int i = 0; i < 4; i++) {
        if (abs(p[i] - want[i]) > 2) {
            glst_fail_msg(file, line, "pixel (%d,%d) = %d,%d,%d,%d expected %d,%d,%d,%d",
                          x, y, p[0], p[1], p[2], p[3], r, g, b, a);
            return;
        }
    }
    glst_check_impl(true, "pixel", file, line);
}
#define EXPECT_PIXEL(x, y, r, g, b, a) expect_pixel(x, y, r, g, b, a, __FILE__, __LINE__)

/* ---- drawing helpers --------------------------------------------------- */

static void reset_state(void)
{
    glBindFramebuffer(GL_FRAMEBUFFER, 0);
    glBindRenderbuffer(GL_RENDERBUFFER, 0);
    glBindBuffer(GL_ARRAY_BUFFER, 0);
    glBindBuffer(GL_ELEMENT_ARRAY_BUFFER, 0);
    glActiveTexture(GL_TEXTURE0);
    glBindTexture(GL_TEXTURE_2D, 0);
    glBindTexture(GL_TEXTURE_CUBE_MAP, 0);
    glUseProgram(0);
    glViewport(0, 0, W, H);
    glDisable(GL_BLEND);
    glDisable(GL_DEPTH_TEST);
    glDisable(GL_STENCIL_TEST);
    glDisable(GL_SCISSOR_TEST);
    glDisable(GL_CULL_FACE);
    glDisable(GL_POLYGON_OFFSET_FILL);
    glDisable(GL_DITHER);
    glColorMask(GL_TRUE, GL_TRUE, GL_TRUE, GL_TRUE);
    glDepthMask(GL_TRUE);
    glStencilMask(0xFFFFFFFFu);
    glBlendFunc(GL_ONE, GL_ZERO);
    glBlendEquation(GL_FUNC_ADD);
    glBlendColor(0, 0, 0, 0);
    glDepthFunc(GL_LESS);
    glDepthRangef(0.0f, 1.0f);
    glStencilFunc(GL_ALWAYS, 0, 0xFFFFFFFFu);
    glStencilOp(GL_KEEP, GL_KEEP, GL_KEEP);
    glPolygonOffset(0.0f, 0.0f);
    glLineWidth(1.0f);
    glFrontFace(GL_CCW);
    glCullFace(GL_BACK);
    glPixelStorei(GL_PACK_ALIGNMENT, 4);
    glPixelStorei(GL_UNPACK_ALIGNMENT, 4);
    for (GLuint i = 0; i < 8; i++) {
        glDisableVertexAttribArray(i);
        glVertexAttrib4f(i, 0.0f, 0.0f, 0.0f, 1.0f);
    }
    glClearColor(0.0f, 0.0f, 0.0f, 0.0f);
    glClearDepthf(1.0f);
    glClearStencil(0);
    glClear(GL_COLOR_BUFFER_BIT | GL_DEPTH_BUFFER_BIT | GL_STENCIL_BUFFER_BIT);
}

static void ucolor(float r, float g, float b, float a)
{
    glUseProgram(prog_ucolor);
    glUniform4f(ucolor_loc, r, g, b, a);
}

/* Draws an NDC rectangle at depth z with client-side positions. */
static void draw_rect(float x0, float y0, float x1, float y1, float z)
{
    const GLfloat pos[] = { x0, y0, z, x1, y0, z, x0, y1, z, x1, y1, z };
    glBindBuffer(GL_ARRAY_BUFFER, 0);
    glEnableVertexAttribArray(0);
    glVertexAttribPointer(0, 3, GL_FLOAT, GL_FALSE, 0, pos);
    glDrawArrays(GL_TRIANGLE_STRIP, 0, 4);
    glDisableVertexAttribArray(0);
}

/* Draws the bound 2D texture so that it covers pixels (x, y, w, h); with
 * NEAREST filtering and a w x h texture each texel lands on one pixel. */
static void draw_tex_at(int x, int y, int w, int h)
{
    static const GLfloat pos[] = { -1, -1, 1, -1, -1, 1, 1, 1 };
    static const GLfloat tex[] = { 0, 0, 1, 0, 0, 1, 1, 1 };
    glUseProgram(prog_tex);
    glUniform1i(glGetUniformLocation(prog_tex, "u_tex"), 0);
    glViewport(x, y, w, h);
    glBindBuffer(GL_ARRAY_BUFFER, 0);
    glEnableVertexAttribArray(0);
    glEnableVertexAttribArray(2);
    glVertexAttribPointer(0, 2, GL_FLOAT, GL_FALSE, 0, pos);
    glVertexAttribPointer(2, 2, GL_FLOAT, GL_FALSE, 0, tex);
    glDrawArrays(GL_TRIANGLE_STRIP, 0, 4);
    glDisableVertexAttribArray(0);
    glDisableVertexAttribArray(2);
    glViewport(0, 0, W, H);
}

static void tex_params(GLenum target, GLenum filter)
{
    glTexParameteri(target, GL_TEXTURE_MIN_FILTER, (GLint)filter);
    glTexParameteri(target, GL_TEXTURE_MAG_FILTER,
                    filter == GL_LINEAR || filter == GL_NEAREST ? (GLint)filter : GL_LINEAR);
    glTexParameteri(target, GL_TEXTURE_WRAP_S, GL_CLAMP_TO_EDGE);
    glTexParameteri(target, GL_TEXTURE_WRAP_T, GL_CLAMP_TO_EDGE);
}

static size_t align_up(size_t v, size_t a) { return (v + a - 1) / a * a; }

/* Deterministic byte pattern; padding bytes get 0xEE so a wrong row stride
 * shows up as visible garbage. */
static unsigned char *make_image(int w, int h, int bpp, int align, unsigned seed)
{
    size_t stride = align_up((size_t)w * bpp, (size_t)align);
    unsigned char *data = malloc(stride * h);
    memset(data, 0xEE, stride * h);
    for (int y = 0; y < h; y++)
        for (int i = 0; i < w * bpp; i++)
            data[y * stride + i] = (unsigned char)((i * 37u + y * 91u + seed * 53u) & 0xFF);
    return data;
}

/* ---- scenes ------------------------------------------------------------ */

static void scene_clear(void)
{
    /* Colour clear plus scissored clears of different colours. */
    glClearColor(0.25f, 0.5f, 0.75f, 1.0f);
    glClear(GL_COLOR_BUFFER_BIT);
    glEnable(GL_SCISSOR_TEST);
    glScissor(8, 8, 16, 16);
    glClearColor(1.0f, 0.0f, 0.0f, 1.0f);
    glClear(GL_COLOR_BUFFER_BIT);
    glDisable(GL_SCISSOR_TEST);
    EXPECT_PIXEL(0, 0, 64, 128, 191, 255);
    EXPECT_PIXEL(10, 10, 255, 0, 0, 255);

    /* Depth clear value 0.25: only fragments nearer than that pass. */
    glClearDepthf(0.25f);
    glClearStencil(5);
    glClear(GL_DEPTH_BUFFER_BIT | GL_STENCIL_BUFFER_BIT);
    glEnable(GL_DEPTH_TEST);
    ucolor(0.0f, 1.0f, 0.0f, 1.0f);
    draw_rect(-1.0f, 0.5f, 0.0f, 1.0f, -0.9f); /* depth 0.05: passes */
    draw_rect(0.0f, 0.5f, 1.0f, 1.0f, 0.9f);   /* depth 0.95: fails */
    glDisable(GL_DEPTH_TEST);

    /* Stencil clear value 5: EQUAL 5 passes, EQUAL 4 fails. */
    glEnable(GL_STENCIL_TEST);
    glStencilFunc(GL_EQUAL, 5, 0xFF);
    ucolor(1.0f, 1.0f, 0.0f, 1.0f);
    draw_rect(-1.0f, 0.0f, 0.0f, 0.5f, 0.0f);
    glStencilFunc(GL_EQUAL, 4, 0xFF);
    ucolor(1.0f, 0.0f, 1.0f, 1.0f);
    draw_rect(0.0f, 0.0f, 1.0f, 0.5f, 0.0f);
    glDisable(GL_STENCIL_TEST);

    EXPECT_PIXEL(10, 60, 0, 255, 0, 255);
    EXPECT_PIXEL(50, 60, 64, 128, 191, 255);
    EXPECT_PIXEL(10, 40, 255, 255, 0, 255);
    EXPECT_PIXEL(50, 40, 64, 128, 191, 255);
    dump("clear");
}

/* Gradient triangles, strip and fan with interpolated colour varyings. */
static void draw_triangles(void)
{
    static const GLfloat pos[] = {
        -0.9f, -0.9f, 0.9f, -0.9f, 0.0f, 0.9f,           /* triangle */
        -1.0f, 0.2f, -0.5f, 0.2f, -1.0f, 0.7f, -0.5f, 0.7f, /* strip */
        0.6f, 0.6f, 1.0f, 0.6f, 1.0f, 1.0f, 0.6f, 1.0f,     /* fan */
    };
    static const GLfloat col[] = {
        1, 0, 0, 1, 0, 1, 0, 1, 0, 0, 1, 1,
        1, 1, 0, 1, 0, 1, 1, 1, 1, 0, 1, 1, 1, 1, 1, 1,
        0.5f, 0, 0, 1, 0, 0.5f, 0, 1, 0, 0, 0.5f, 1, 0.5f, 0.5f, 0.5f, 1,
    };
    glUseProgram(prog_color);
    glEnableVertexAttribArray(0);
    glEnableVertexAttribArray(1);
    glVertexAttribPointer(0, 2, GL_FLOAT, GL_FALSE, 0, pos);
    glVertexAttribPointer(1, 4, GL_FLOAT, GL_FALSE, 0, col);
    glDrawArrays(GL_TRIANGLES, 0, 3);
    glDrawArrays(GL_TRIANGLE_STRIP, 3, 4);
    glDrawArrays(GL_TRIANGLE_FAN, 7, 4);
}

static void scene_triangles(void)
{
    draw_triangles();
    EXPECT_PIXEL(1, 1, 0, 0, 0, 0);
    unsigned char p[4];
    read_pixel(32, 20, p);
    GLST_CHECK(p[0] > 0 && p[1] > 0 && p[2] > 0 && p[3] == 255); /* interpolated */
    dump("triangles");
}

struct tex_format {
    const char *name;
    GLenum format;
    GLenum type;
    int bpp;
};

static const struct tex_format tex_formats[] = {
    { "alpha", GL_ALPHA, GL_UNSIGNED_BYTE, 1 },
    { "luminance", GL_LUMINANCE, GL_UNSIGNED_BYTE, 1 },
    { "luminance_alpha", GL_LUMINANCE_ALPHA, GL_UNSIGNED_BYTE, 2 },
    { "rgb", GL_RGB, GL_UNSIGNED_BYTE, 3 },
    { "rgba", GL_RGBA, GL_UNSIGNED_BYTE, 4 },
    { "rgb565", GL_RGB, GL_UNSIGNED_SHORT_5_6_5, 2 },
    { "rgba4444", GL_RGBA, GL_UNSIGNED_SHORT_4_4_4_4, 2 },
    { "rgba5551", GL_RGBA, GL_UNSIGNED_SHORT_5_5_5_1, 2 },
};

/* One scene per format: sizes 7x5 and 13x3 (rows) x unpack alignment 1, 2,
 * 4, 8 (columns), each with a TexSubImage2D patch, drawn texel-exact. */
static void scene_tex_format(const struct tex_format *f)
{
    static const int sizes[2][2] = { { 7, 5 }, { 13, 3 } };
    static const int aligns[4] = { 1, 2, 4, 8 };
    GLuint tex;
    glGenTextures(1, &tex);
    glBindTexture(GL_TEXTURE_2D, tex);
    tex_params(GL_TEXTURE_2D, GL_NEAREST);
    for (int s = 0; s < 2; s++) {
        for (int a = 0; a < 4; a++) {
            int w = sizes[s][0], h = sizes[s][1];
            unsigned char *full = make_image(w, h, f->bpp, aligns[a], (unsigned)(s * 4 + a));
            unsigned char *sub = make_image(w - 2, h - 2, f->bpp, aligns[a], 99u);
            glPixelStorei(GL_UNPACK_ALIGNMENT, aligns[a]);
            glTexImage2D(GL_TEXTURE_2D, 0, (GLint)f->format, w, h, 0, f->format, f->type, full);
            glTexSubImage2D(GL_TEXTURE_2D, 0, 1, 1, w - 2, h - 2, f->format, f->type, sub);
            draw_tex_at(a * 16, s * 8, w, h);
            free(full);
            free(sub);
        }
    }
    /* A NULL upload followed by a full sub-image must match a direct upload. */
    unsigned char *img = make_image(13, 5, f->bpp, 4, 7u);
    glPixelStorei(GL_UNPACK_ALIGNMENT, 4);
    glTexImage2D(GL_TEXTURE_2D, 0, (GLint)f->format, 13, 5, 0, f->format, f->type, NULL);
    glTexSubImage2D(GL_TEXTURE_2D, 0, 0, 0, 13, 5, f->format, f->type, img);
    draw_tex_at(0, 20, 13, 5);
    glTexImage2D(GL_TEXTURE_2D, 0, (GLint)f->format, 13, 5, 0, f->format, f->type, img);
    draw_tex_at(16, 20, 13, 5);
    free(img);
    unsigned char a[4], b[4];
    for (int x = 0; x < 13; x++) {
        read_pixel(x, 22, a);
        read_pixel(16 + x, 22, b);
        if (memcmp(a, b, 4) != 0) {
            glst_fail_msg(__FILE__, __LINE__, "%s: sub-image upload differs at x=%d", f->name, x);
            break;
        }
    }
    glDeleteTextures(1, &tex);

    char name[64];
    snprintf(name, sizeof(name), "tex_%s", f->name);
    dump(name);
}

/* Odd-width readbacks under every pack alignment; the guard and padding
 * bytes are written too, so a client that writes past a row shows up. */
static void read_rect_to_file(const char *name, int x, int y, int w, int h, GLenum format,
                              GLenum type, int bpp, int align)
{
    size_t stride = align_up((size_t)w * bpp, (size_t)align);
    size_t size = stride * (h - 1) + (size_t)w * bpp; /* last row unpadded */
    size_t total = stride * h + 16;
    unsigned char *buf = malloc(total);
    memset(buf, 0xCD, total);
    glPixelStorei(GL_PACK_ALIGNMENT, align);
    glReadPixels(x, y, w, h, format, type, buf);
    bool guard_ok = true;
    for (size_t i = size; i < total; i++)
        guard_ok = guard_ok && buf[i] == 0xCD;
    for (int r = 0; r + 1 < h; r++)
        for (size_t i = (size_t)w * bpp; i < stride; i++)
            guard_ok = guard_ok && buf[r * stride + i] == 0xCD;
    if (!guard_ok)
        glst_fail_msg(__FILE__, __LINE__, "%s: glReadPixels wrote padding/guard bytes", name);
    write_file(name, buf, total);
    free(buf);
    glPixelStorei(GL_PACK_ALIGNMENT, 4);
}

static int bytes_per_pixel(GLenum format, GLenum type)
{
    if (type == GL_UNSIGNED_SHORT_5_6_5 || type == GL_UNSIGNED_SHORT_4_4_4_4 ||
        type == GL_UNSIGNED_SHORT_5_5_5_1)
        return 2;
    if (type != GL_UNSIGNED_BYTE)
        return 0;
    switch (format) {
    case GL_RGBA: return 4;
    case GL_RGB: return 3;
    case GL_LUMINANCE_ALPHA: return 2;
    case GL_ALPHA:
    case GL_LUMINANCE: return 1;
    default: return 0;
    }
}

static void scene_readpixels(void)
{
    static const int aligns[4] = { 1, 2, 4, 8 };
    draw_triangles();
    for (int a = 0; a < 4; a++) {
        char name[64];
        snprintf(name, sizeof(name), "readpixels_rgba_13x7_align%d", aligns[a]);
        read_rect_to_file(name, 3, 5, 13, 7, GL_RGBA, GL_UNSIGNED_BYTE, 4, aligns[a]);
        snprintf(name, sizeof(name), "readpixels_rgba_1x9_align%d", aligns[a]);
        read_rect_to_file(name, 30, 10, 1, 9, GL_RGBA, GL_UNSIGNED_BYTE, 4, aligns[a]);
    }

    /* The implementation read format of an RGB565 FBO usually needs padding. */
    GLuint fbo, rb;
    glGenFramebuffers(1, &fbo);
    glGenRenderbuffers(1, &rb);
    glBindRenderbuffer(GL_RENDERBUFFER, rb);
    glRenderbufferStorage(GL_RENDERBUFFER, GL_RGB565, 32, 32);
    glBindFramebuffer(GL_FRAMEBUFFER, fbo);
    glFramebufferRenderbuffer(GL_FRAMEBUFFER, GL_COLOR_ATTACHMENT0, GL_RENDERBUFFER, rb);
    GLST_CHECK_HEX(glCheckFramebufferStatus(GL_FRAMEBUFFER), GL_FRAMEBUFFER_COMPLETE);
    glViewport(0, 0, 32, 32);
    glClear(GL_COLOR_BUFFER_BIT);
    draw_triangles();
    GLint fmt = 0, type = 0;
    glGetIntegerv(GL_IMPLEMENTATION_COLOR_READ_FORMAT, &fmt);
    glGetIntegerv(GL_IMPLEMENTATION_COLOR_READ_TYPE, &type);
    int bpp = bytes_per_pixel((GLenum)fmt, (GLenum)type);
    for (int a = 0; a < 4 && bpp > 0; a++) {
        char name[64];
        snprintf(name, sizeof(name), "readpixels_implfmt_13x7_align%d", aligns[a]);
        read_rect_to_file(name, 3, 5, 13, 7, (GLenum)fmt, (GLenum)type, bpp, aligns[a]);
    }
    glBindFramebuffer(GL_FRAMEBUFFER, 0);
    glDeleteFramebuffers(1, &fbo);
    glDeleteRenderbuffers(1, &rb);
    glViewport(0, 0, W, H);
}

static void scene_npot(void)
{
    GLuint tex;
    unsigned char *img = make_image(13, 7, 4, 4, 3u);
    glGenTextures(1, &tex);
    glBindTexture(GL_TEXTURE_2D, tex);
    tex_params(GL_TEXTURE_2D, GL_LINEAR); /* ES2 NPOT: clamp, no mipmaps */
    glTexImage2D(GL_TEXTURE_2D, 0, GL_RGBA, 13, 7, 0, GL_RGBA, GL_UNSIGNED_BYTE, img);
    draw_tex_at(0, 0, W, H);
    glDeleteTextures(1, &tex);
    free(img);
    dump("npot");
}

static void scene_mipmaps(void)
{
    GLuint tex[2];
    glGenTextures(2, tex);

    /* Generated chain from a 16x16 checkerboard. */
    unsigned char img[16 * 16 * 4];
    for (int y = 0; y < 16; y++)
        for (int x = 0; x < 16; x++) {
            unsigned char v = ((x ^ y) & 1) ? 255 : 0;
            unsigned char *p = &img[(y * 16 + x) * 4];
            p[0] = v; p[1] = (unsigned char)(x * 16); p[2] = (unsigned char)(y * 16); p[3] = 255;
        }
    glBindTexture(GL_TEXTURE_2D, tex[0]);
    glTexImage2D(GL_TEXTURE_2D, 0, GL_RGBA, 16, 16, 0, GL_RGBA, GL_UNSIGNED_BYTE, img);
    glGenerateMipmap(GL_TEXTURE_2D);
    tex_params(GL_TEXTURE_2D, GL_NEAREST_MIPMAP_NEAREST);
    draw_tex_at(0, 0, 16, 16);
    draw_tex_at(16, 0, 8, 8);
    draw_tex_at(24, 0, 4, 4);
    draw_tex_at(28, 0, 2, 2);
    draw_tex_at(30, 0, 1, 1);
    EXPECT_PIXEL(30, 0, 128, 120, 120, 255);

    /* Explicit levels of distinct colours: the size drawn selects a level. */
    static const unsigned char level_colors[5][4] = {
        { 255, 0, 0, 255 }, { 0, 255, 0, 255 }, { 0, 0, 255, 255 },
        { 255, 255, 0, 255 }, { 0, 255, 255, 255 },
    };
    glBindTexture(GL_TEXTURE_2D, tex[1]);
    for (int level = 0, size = 16; level < 5; level++, size /= 2) {
        unsigned char data[16 * 16 * 4];
        for (int i = 0; i < size * size; i++)
            memcpy(&data[i * 4], level_colors[level], 4);
        glTexImage2D(GL_TEXTURE_2D, level, GL_RGBA, size, size, 0, GL_RGBA, GL_UNSIGNED_BYTE, data);
    }
    tex_params(GL_TEXTURE_2D, GL_LINEAR_MIPMAP_LINEAR);
    draw_tex_at(0, 32, 16, 16);
    draw_tex_at(16, 32, 8, 8);
    draw_tex_at(24, 32, 4, 4);
    draw_tex_at(32, 32, 6, 6);
    EXPECT_PIXEL(4, 36, 255, 0, 0, 255);
    EXPECT_PIXEL(18, 34, 0, 255, 0, 255);
    EXPECT_PIXEL(25, 33, 0, 0, 255, 255);
    glDeleteTextures(2, tex);
    dump("mipmaps");
}

static void scene_cubemap(void)
{
    static const char *vs =
        "attribute vec4 a_pos;\n"
        "attribute vec3 a_tex;\n"
        "varying vec3 v_dir;\n"
        "void main() { v_dir = a_tex; gl_Position = a_pos; }\n";
    static const char *fs =
        "precision mediump float;\n"
        "uniform samplerCube u_cube;\n"
        "varying vec3 v_dir;\n"
        "void main() { gl_FragColor = textureCube(u_cube, v_dir); }\n";
    static const unsigned char face_colors[6][4] = {
        { 255, 0, 0, 255 }, { 0, 255, 0, 255 }, { 0, 0, 255, 255 },
        { 255, 255, 0, 255 }, { 0, 255, 255, 255 }, { 255, 0, 255, 255 },
    };
    static const GLfloat dirs[6][3] = {
        { 1, 0.2f, 0.1f }, { -1, 0.1f, 0.2f }, { 0.2f, 1, 0.1f },
        { 0.1f, -1, 0.2f }, { 0.2f, 0.1f, 1 }, { 0.1f, 0.2f, -1 },
    };
    GLuint prog = glst_program(vs, fs);
    GLuint tex;
    glGenTextures(1, &tex);
    glBindTexture(GL_TEXTURE_CUBE_MAP, tex);
    for (int face = 0; face < 6; face++) {
        unsigned char data[4 * 4 * 4];
        for (int i = 0; i < 16; i++) {
            memcpy(&data[i * 4], face_colors[face], 4);
            data[i * 4 + 3] = (unsigned char)(255 - i * 8); /* per-texel alpha */
        }
        glTexImage2D(GL_TEXTURE_CUBE_MAP_POSITIVE_X + (GLenum)face, 0, GL_RGBA, 4, 4, 0, GL_RGBA,
                     GL_UNSIGNED_BYTE, data);
    }
    tex_params(GL_TEXTURE_CUBE_MAP, GL_NEAREST);
    glUseProgram(prog);
    glUniform1i(glGetUniformLocation(prog, "u_cube"), 0);
    static const GLfloat pos[] = { -1, -1, 1, -1, -1, 1, 1, 1 };
    glEnableVertexAttribArray(0);
    glVertexAttribPointer(0, 2, GL_FLOAT, GL_FALSE, 0, pos);
    for (int face = 0; face < 6; face++) {
        glViewport(face * 10, 0, 10, 10);
        glVertexAttrib3fv(2, dirs[face]); /* constant direction per face */
        glDrawArrays(GL_TRIANGLE_STRIP, 0, 4);
    }
    /* A varying direction sweeping across faces. */
    static const GLfloat sweep[] = { -1, -1, -0.5f, 1, -1, 0.5f, -1, 1, 1, 1, 1, -0.2f };
    glViewport(0, 16, 48, 48);
    glEnableVertexAttribArray(2);
    glVertexAttribPointer(2, 3, GL_FLOAT, GL_FALSE, 0, sweep);
    glDrawArrays(GL_TRIANGLE_STRIP, 0, 4);
    glViewport(0, 0, W, H);
    for (int face = 0; face < 6; face++) {
        unsigned char p[4];
        read_pixel(face * 10 + 5, 5, p);
        GLST_CHECK(memcmp(p, face_colors[face], 3) == 0);
    }
    glDeleteTextures(1, &tex);
    glDeleteProgram(prog);
    dump("cubemap");
}

/* Renders a depth/stencil exercising pattern into the current framebuffer. */
static void fbo_pattern(int size)
{
    glViewport(0, 0, size, size);
    glClearColor(0.1f, 0.2f, 0.3f, 0.4f);
    glClearDepthf(1.0f);
    glClearStencil(0);
    glClear(GL_COLOR_BUFFER_BIT | GL_DEPTH_BUFFER_BIT | GL_STENCIL_BUFFER_BIT);
    static const GLfloat pos[] = { -0.9f, -0.9f, 0.9f, -0.9f, 0.0f, 0.9f };
    static const GLfloat col[] = { 1, 0, 0, 1, 0, 1, 0, 0.5f, 0, 0, 1, 0.25f };
    glUseProgram(prog_color);
    glEnableVertexAttribArray(0);
    glEnableVertexAttribArray(1);
    glVertexAttribPointer(0, 2, GL_FLOAT, GL_FALSE, 0, pos);
    glVertexAttribPointer(1, 4, GL_FLOAT, GL_FALSE, 0, col);
    glEnable(GL_DEPTH_TEST);
    glEnable(GL_STENCIL_TEST);
    glStencilFunc(GL_ALWAYS, 1, 0xFF);
    glStencilOp(GL_KEEP, GL_KEEP, GL_REPLACE);
    glDrawArrays(GL_TRIANGLES, 0, 3); /* depth 0.5, stencil 1 */
    glDisableVertexAttribArray(1);
    /* Behind the triangle: hidden by depth where the triangle is. */
    ucolor(1.0f, 1.0f, 1.0f, 1.0f);
    glStencilFunc(GL_ALWAYS, 0, 0xFF);
    glStencilOp(GL_KEEP, GL_KEEP, GL_KEEP);
    draw_rect(-0.5f, -0.5f, 0.5f, 0.5f, 0.5f);
    /* Only where stencil == 1. */
    glDisable(GL_DEPTH_TEST);
    glStencilFunc(GL_EQUAL, 1, 0xFF);
    ucolor(0.0f, 0.0f, 0.0f, 1.0f);
    draw_rect(-1.0f, -1.0f, 1.0f, -0.3f, 0.0f);
    glDisable(GL_STENCIL_TEST);
    glViewport(0, 0, W, H);
}

static GLenum attach_rb(GLenum attachment, GLenum format, int size)
{
    GLuint rb;
    glGenRenderbuffers(1, &rb);
    glBindRenderbuffer(GL_RENDERBUFFER, rb);
    glRenderbufferStorage(GL_RENDERBUFFER, format, size, size);
    glFramebufferRenderbuffer(GL_FRAMEBUFFER, attachment, GL_RENDERBUFFER, rb);
    return rb;
}

static void delete_attachments(void)
{
    static const GLenum points[3] = { GL_COLOR_ATTACHMENT0, GL_DEPTH_ATTACHMENT,
                                      GL_STENCIL_ATTACHMENT };
    for (int i = 0; i < 3; i++) {
        GLint type = GL_NONE, name = 0;
        glGetFramebufferAttachmentParameteriv(GL_FRAMEBUFFER, points[i],
                                              GL_FRAMEBUFFER_ATTACHMENT_OBJECT_TYPE, &type);
        if (type == GL_NONE)
            continue;
        glGetFramebufferAttachmentParameteriv(GL_FRAMEBUFFER, points[i],
                                              GL_FRAMEBUFFER_ATTACHMENT_OBJECT_NAME, &name);
        GLuint obj = (GLuint)name;
        if (type == GL_RENDERBUFFER)
            glDeleteRenderbuffers(1, &obj);
        else
            glDeleteTextures(1, &obj);
    }
}

/* One FBO configuration: colour (renderbuffer format or 0 for an RGBA
 * texture), optional depth and stencil renderbuffers (packed when both are
 * the same format). An incomplete framebuffer writes its status instead of
 * pixels so both runs must agree on completeness too. */
static void fbo_case(const char *name, GLenum color, GLenum depth, GLenum stencil)
{
    enum { S = 32 };
    GLuint fbo;
    glGenFramebuffers(1, &fbo);
    glBindFramebuffer(GL_FRAMEBUFFER, fbo);
    GLuint tex = 0;
    if (color) {
        attach_rb(GL_COLOR_ATTACHMENT0, color, S);
    } else {
        glGenTextures(1, &tex);
        glBindTexture(GL_TEXTURE_2D, tex);
        tex_params(GL_TEXTURE_2D, GL_NEAREST);
        glTexImage2D(GL_TEXTURE_2D, 0, GL_RGBA, S, S, 0, GL_RGBA, GL_UNSIGNED_BYTE, NULL);
        glFramebufferTexture2D(GL_FRAMEBUFFER, GL_COLOR_ATTACHMENT0, GL_TEXTURE_2D, tex, 0);
    }
    if (depth && depth == stencil) {
        GLuint rb = attach_rb(GL_DEPTH_ATTACHMENT, depth, S);
        glFramebufferRenderbuffer(GL_FRAMEBUFFER, GL_STENCIL_ATTACHMENT, GL_RENDERBUFFER, rb);
    } else {
        if (depth)
            attach_rb(GL_DEPTH_ATTACHMENT, depth, S);
        if (stencil)
            attach_rb(GL_STENCIL_ATTACHMENT, stencil, S);
    }
    GLenum status = glCheckFramebufferStatus(GL_FRAMEBUFFER);
    char fname[96];
    snprintf(fname, sizeof(fname), "fbo_%s", name);
    if (status == GL_FRAMEBUFFER_COMPLETE) {
        fbo_pattern(S);
        dump_size(fname, S, S);
    } else {
        /* Separate depth + stencil may legitimately be unsupported. */
        GLST_CHECK(depth && stencil);
        write_file(fname, &status, sizeof(status));
    }
    delete_attachments();
    glBindFramebuffer(GL_FRAMEBUFFER, 0);
    glDeleteFramebuffers(1, &fbo);

    if (tex && status == GL_FRAMEBUFFER_COMPLETE) {
        /* Render-to-texture result sampled on the default framebuffer; the
         * texture name was deleted with the attachments, so re-render. */
        GLuint t2, f2;
        glGenTextures(1, &t2);
        glBindTexture(GL_TEXTURE_2D, t2);
        tex_params(GL_TEXTURE_2D, GL_NEAREST);
        glTexImage2D(GL_TEXTURE_2D, 0, GL_RGBA, S, S, 0, GL_RGBA, GL_UNSIGNED_BYTE, NULL);
        glGenFramebuffers(1, &f2);
        glBindFramebuffer(GL_FRAMEBUFFER, f2);
        glFramebufferTexture2D(GL_FRAMEBUFFER, GL_COLOR_ATTACHMENT0, GL_TEXTURE_2D, t2, 0);
        glClearColor(0.0f, 0.5f, 1.0f, 1.0f);
        glClear(GL_COLOR_BUFFER_BIT);
        glViewport(0, 0, S, S);
        static const GLfloat pos[] = { -1, -1, 1, -1, 0, 1 };
        ucolor(1.0f, 0.5f, 0.0f, 1.0f);
        glEnableVertexAttribArray(0);
        glVertexAttribPointer(0, 2, GL_FLOAT, GL_FALSE, 0, pos);
        glDrawArrays(GL_TRIANGLES, 0, 3);
        glDisableVertexAttribArray(0);
        glBindFramebuffer(GL_FRAMEBUFFER, 0);
        glClearColor(0, 0, 0, 0);
        glClear(GL_COLOR_BUFFER_BIT);
        draw_tex_at(0, 0, W, H);
        EXPECT_PIXEL(2, 60, 0, 128, 255, 255);
        EXPECT_PIXEL(32, 10, 255, 128, 0, 255);
        dump("fbo_texture_sampled");
        glDeleteFramebuffers(1, &f2);
        glDeleteTextures(1, &t2);
    }
}

static void scene_fbo(void)
{
    fbo_case("texture", 0, GL_DEPTH_COMPONENT16, 0);
    fbo_case("rgba4", GL_RGBA4, 0, 0);
    fbo_case("rgb565", GL_RGB565, 0, 0);
    fbo_case("rgb5_a1", GL_RGB5_A1, 0, 0);
    fbo_case("rgba4_depth16", GL_RGBA4, GL_DEPTH_COMPONENT16, 0);
    fbo_case("rgb565_stencil8", GL_RGB565, 0, GL_STENCIL_INDEX8);
    fbo_case("rgba4_depth16_stencil8", GL_RGBA4, GL_DEPTH_COMPONENT16, GL_STENCIL_INDEX8);
    if (glst_has_gl_ext("GL_OES_rgb8_rgba8")) {
        fbo_case("rgba8", GL_RGBA8_OES, 0, 0);
        fbo_case("rgb8", GL_RGB8_OES, GL_DEPTH_COMPONENT16, 0);
    }
    if (glst_has_gl_ext("GL_OES_depth24"))
        fbo_case("rgba4_depth24", GL_RGBA4, GL_DEPTH_COMPONENT24_OES, 0);
    if (glst_has_gl_ext("GL_OES_packed_depth_stencil"))
        fbo_case("rgb565_depth24_stencil8", GL_RGB565, GL_DEPTH24_STENCIL8_OES,
                 GL_DEPTH24_STENCIL8_OES);
}

/* Interleaved client-side vertices: position (2 float) + colour (4 ubyte). */
struct vertex {
    GLfloat x, y;
    GLubyte r, g, b, a;
};

static const struct vertex grid_verts[] = {
    { -0.9f, -0.9f, 255, 0, 0, 255 }, { -0.1f, -0.9f, 0, 255, 0, 255 },
    { -0.9f, -0.1f, 0, 0, 255, 255 }, { -0.1f, -0.1f, 255, 255, 255, 255 },
    { 0.1f, -0.9f, 255, 255, 0, 255 }, { 0.9f, -0.9f, 0, 255, 255, 255 },
    { 0.1f, -0.1f, 255, 0, 255, 255 }, { 0.9f, -0.1f, 128, 128, 128, 255 },
    { -0.9f, 0.1f, 64, 0, 0, 255 }, { -0.1f, 0.1f, 0, 64, 0, 255 },
    { -0.9f, 0.9f, 0, 0, 64, 255 }, { -0.1f, 0.9f, 64, 64, 64, 255 },
    { 0.1f, 0.1f, 200, 100, 50, 255 }, { 0.9f, 0.1f, 50, 100, 200, 255 },
    { 0.1f, 0.9f, 100, 200, 50, 255 }, { 0.9f, 0.9f, 255, 128, 0, 255 },
};

/* base is a client pointer or a byte offset into the bound GL_ARRAY_BUFFER;
 * integer arithmetic avoids dereferencing a null-based "pointer". */
static void bind_interleaved(uintptr_t base)
{
    glUseProgram(prog_color);
    glEnableVertexAttribArray(0);
    glEnableVertexAttribArray(1);
    glVertexAttribPointer(0, 2, GL_FLOAT, GL_FALSE, sizeof(struct vertex),
                          (const void *)(base + offsetof(struct vertex, x)));
    glVertexAttribPointer(1, 4, GL_UNSIGNED_BYTE, GL_TRUE, sizeof(struct vertex),
                          (const void *)(base + offsetof(struct vertex, r)));
}

static void scene_client_arrays(void)
{
    bind_interleaved((uintptr_t)grid_verts);
    glDrawArrays(GL_TRIANGLE_STRIP, 0, 4);  /* quad 0 */
    glDrawArrays(GL_TRIANGLE_STRIP, 4, 4);  /* first > 0 */
    glDrawArrays(GL_TRIANGLE_STRIP, 12, 4); /* last quad only */
    EXPECT_PIXEL(1, 1, 0, 0, 0, 0);
    EXPECT_PIXEL(17, 47, 0, 0, 0, 0); /* quad 2 not drawn */
    dump("client_arrays_draw_arrays");

    reset_state();
    bind_interleaved((uintptr_t)grid_verts);
    static const GLubyte idx8[] = { 0, 1, 2, 2, 1, 3, 8, 9, 10 };
    static const GLushort idx16[] = { 4, 5, 6, 6, 5, 7 };
    static const GLuint idx32[] = { 12, 13, 14, 14, 13, 15 };
    glDrawElements(GL_TRIANGLES, 9, GL_UNSIGNED_BYTE, idx8);
    glDrawElements(GL_TRIANGLES, 6, GL_UNSIGNED_SHORT, idx16);
    if (glst_has_gl_ext("GL_OES_element_index_uint"))
        glDrawElements(GL_TRIANGLES, 6, GL_UNSIGNED_INT, idx32);
    dump("client_arrays_draw_elements");

    /* Non-zero stride with an offset in a larger client array, mixed with
     * a tightly packed second array. */
    reset_state();
    static const GLfloat padded[] = {
        9, 9, 9, -0.8f, -0.8f, 7, 9, 9, 0.8f, -0.8f, 7, 9, 9, 0.0f, 0.8f, 7,
    };
    static const GLubyte colors[] = { 255, 0, 0, 255, 0, 255, 0, 255, 0, 0, 255, 255 };
    glUseProgram(prog_color);
    glEnableVertexAttribArray(0);
    glEnableVertexAttribArray(1);
    glVertexAttribPointer(0, 2, GL_FLOAT, GL_FALSE, 5 * sizeof(GLfloat), &padded[3]);
    glVertexAttribPointer(1, 4, GL_UNSIGNED_BYTE, GL_TRUE, 0, colors);
    glDrawArrays(GL_TRIANGLES, 0, 3);
    dump("client_arrays_stride");
}

static void scene_buffers(void)
{
    GLuint bufs[2];
    glGenBuffers(2, bufs);
    /* Positions/colours in a VBO at an offset, indices in an EBO at an offset. */
    glBindBuffer(GL_ARRAY_BUFFER, bufs[0]);
    glBufferData(GL_ARRAY_BUFFER, 16 + sizeof(grid_verts), NULL, GL_STATIC_DRAW);
    glBufferSubData(GL_ARRAY_BUFFER, 16, sizeof(grid_verts), grid_verts);
    glUseProgram(prog_color);
    glEnableVertexAttribArray(0);
    glEnableVertexAttribArray(1);
    glVertexAttribPointer(0, 2, GL_FLOAT, GL_FALSE, sizeof(struct vertex), (const void *)16);
    glVertexAttribPointer(1, 4, GL_UNSIGNED_BYTE, GL_TRUE, sizeof(struct vertex),
                          (const void *)(16 + 2 * sizeof(GLfloat)));
    static const GLushort idx[] = { 0xFFFF, 0, 1, 2, 2, 1, 3, 12, 13, 14, 14, 13, 15 };
    glBindBuffer(GL_ELEMENT_ARRAY_BUFFER, bufs[1]);
    glBufferData(GL_ELEMENT_ARRAY_BUFFER, sizeof(idx), idx, GL_STATIC_DRAW);
    glDrawElements(GL_TRIANGLES, 12, GL_UNSIGNED_SHORT, (const void *)sizeof(GLushort));
    /* Client-side indices while VBO attributes remain bound. */
    glBindBuffer(GL_ELEMENT_ARRAY_BUFFER, 0);
    static const GLubyte cidx[] = { 4, 5, 6 };
    glDrawElements(GL_TRIANGLES, 3, GL_UNSIGNED_BYTE, cidx);
    dump("buffers_vbo_ebo");

    /* Mixed: positions from the VBO, colours from client memory. */
    reset_state();
    static const GLubyte colors[16 * 4] = {
        255, 0, 0, 255, 255, 0, 0, 255, 255, 0, 0, 255, 255, 0, 0, 255,
        0, 255, 0, 255, 0, 255, 0, 255, 0, 255, 0, 255, 0, 255, 0, 255,
        0, 0, 255, 255, 0, 0, 255, 255, 0, 0, 255, 255, 0, 0, 255, 255,
        9, 99, 199, 255, 9, 99, 199, 255, 9, 99, 199, 255, 9, 99, 199, 255,
    };
    glUseProgram(prog_color);
    glBindBuffer(GL_ARRAY_BUFFER, bufs[0]);
    glEnableVertexAttribArray(0);
    glVertexAttribPointer(0, 2, GL_FLOAT, GL_FALSE, sizeof(struct vertex), (const void *)16);
    glBindBuffer(GL_ARRAY_BUFFER, 0);
    glEnableVertexAttribArray(1);
    glVertexAttribPointer(1, 4, GL_UNSIGNED_BYTE, GL_TRUE, 0, colors);
    glDrawArrays(GL_TRIANGLE_STRIP, 4, 4);
    glDrawArrays(GL_TRIANGLE_STRIP, 12, 4);
    EXPECT_PIXEL(48, 16, 0, 255, 0, 255);
    EXPECT_PIXEL(48, 48, 9, 99, 199, 255);
    dump("buffers_mixed");

    /* Replace part of the VBO and redraw. */
    reset_state();
    glBindBuffer(GL_ARRAY_BUFFER, bufs[0]);
    struct vertex v = grid_verts[0];
    v.r = 10; v.g = 20; v.b = 30;
    glBufferSubData(GL_ARRAY_BUFFER, 16, sizeof(v), &v);
    bind_interleaved(16);
    glDrawArrays(GL_TRIANGLE_STRIP, 0, 4);
    dump("buffers_subdata");
    glBindBuffer(GL_ARRAY_BUFFER, 0);
    glDeleteBuffers(2, bufs);
}

static void scene_blend(void)
{
    struct blend_case {
        GLenum src_rgb, dst_rgb, src_a, dst_a, eq_rgb, eq_a;
    };
    static const struct blend_case cases[] = {
        { GL_SRC_ALPHA, GL_ONE_MINUS_SRC_ALPHA, GL_ONE, GL_ZERO, GL_FUNC_ADD, GL_FUNC_ADD },
        { GL_ONE, GL_ONE, GL_ONE, GL_ONE, GL_FUNC_ADD, GL_FUNC_ADD },
        { GL_ONE, GL_ONE, GL_ONE, GL_ONE, GL_FUNC_SUBTRACT, GL_FUNC_ADD },
        { GL_ONE, GL_ONE, GL_ONE, GL_ONE, GL_FUNC_REVERSE_SUBTRACT, GL_FUNC_SUBTRACT },
        { GL_DST_COLOR, GL_ZERO, GL_ZERO, GL_ONE, GL_FUNC_ADD, GL_FUNC_ADD },
        { GL_CONSTANT_COLOR, GL_ONE_MINUS_CONSTANT_COLOR, GL_CONSTANT_ALPHA, GL_ZERO,
          GL_FUNC_ADD, GL_FUNC_ADD },
        { GL_SRC_ALPHA_SATURATE, GL_ONE, GL_ONE_MINUS_DST_ALPHA, GL_DST_ALPHA, GL_FUNC_ADD,
          GL_FUNC_ADD },
        { GL_ONE_MINUS_SRC_COLOR, GL_SRC_COLOR, GL_ONE_MINUS_CONSTANT_ALPHA, GL_ONE,
          GL_FUNC_ADD, GL_FUNC_REVERSE_SUBTRACT },
    };
    glClearColor(0.5f, 0.25f, 0.75f, 0.5f);
    glClear(GL_COLOR_BUFFER_BIT);
    glEnable(GL_BLEND);
    glBlendColor(0.25f, 0.5f, 0.75f, 0.5f);
    for (int i = 0; i < 8; i++) {
        const struct blend_case *c = &cases[i];
        float x0 = -1.0f + i * 0.25f;
        glBlendFuncSeparate(c->src_rgb, c->dst_rgb, c->src_a, c->dst_a);
        glBlendEquationSeparate(c->eq_rgb, c->eq_a);
        ucolor(0.75f, 0.5f, 0.25f, 0.5f);
        draw_rect(x0, -1.0f, x0 + 0.25f, 0.0f, 0.0f);
        ucolor(0.25f, 1.0f, 0.5f, 0.25f);
        draw_rect(x0, 0.0f, x0 + 0.25f, 1.0f, 0.0f);
    }
    glBlendFunc(GL_SRC_ALPHA, GL_ONE_MINUS_SRC_ALPHA);
    glBlendEquation(GL_FUNC_ADD);
    ucolor(1.0f, 1.0f, 1.0f, 0.5f);
    draw_rect(-1.0f, -0.1f, 1.0f, 0.1f, 0.0f);
    glDisable(GL_BLEND);
    /* Case 1 (additive): 0.5+0.75, 0.25+0.5, 0.75+0.25, 0.5+0.5 clamped. */
    EXPECT_PIXEL(12, 4, 255, 191, 255, 255);
    dump("blend");
}

static void scene_depth_funcs(void)
{
    static const GLenum funcs[8] = { GL_NEVER, GL_LESS, GL_EQUAL, GL_LEQUAL,
                                     GL_GREATER, GL_NOTEQUAL, GL_GEQUAL, GL_ALWAYS };
    glEnable(GL_DEPTH_TEST);
    glDepthFunc(GL_ALWAYS);
    ucolor(0.2f, 0.2f, 0.2f, 1.0f);
    draw_rect(-1.0f, -1.0f, 1.0f, 1.0f, 0.0f); /* depth 0.5 everywhere */
    for (int i = 0; i < 8; i++) {
        float x0 = -1.0f + i * 0.25f;
        glDepthFunc(funcs[i]);
        ucolor(1.0f, 0.0f, 0.0f, 1.0f);
        draw_rect(x0, 0.34f, x0 + 0.25f, 1.0f, -0.5f); /* nearer */
        ucolor(0.0f, 1.0f, 0.0f, 1.0f);
        draw_rect(x0, -0.33f, x0 + 0.25f, 0.33f, 0.0f); /* equal */
        ucolor(0.0f, 0.0f, 1.0f, 1.0f);
        draw_rect(x0, -1.0f, x0 + 0.25f, -0.34f, 0.5f); /* farther */
    }
    /* Depth writes disabled: the next quad must not change depth. */
    glDepthMask(GL_FALSE);
    glDepthFunc(GL_ALWAYS);
    ucolor(1.0f, 1.0f, 1.0f, 1.0f);
    draw_rect(-1.0f, -0.05f, 1.0f, 0.05f, -1.0f);
    glDepthMask(GL_TRUE);
    glDisable(GL_DEPTH_TEST);
    EXPECT_PIXEL(4, 60, 51, 51, 51, 255);  /* NEVER */
    EXPECT_PIXEL(12, 60, 255, 0, 0, 255);  /* LESS, nearer */
    EXPECT_PIXEL(12, 4, 51, 51, 51, 255);  /* LESS, farther */
    EXPECT_PIXEL(36, 4, 0, 0, 255, 255);   /* GREATER, farther */
    EXPECT_PIXEL(60, 25, 0, 255, 0, 255);  /* ALWAYS */
    dump("depth_funcs");
}

static void scene_stencil(void)
{
    glEnable(GL_STENCIL_TEST);
    glClearStencil(0x80);
    glClear(GL_STENCIL_BUFFER_BIT);
    static const GLenum ops[8] = { GL_KEEP, GL_ZERO, GL_REPLACE, GL_INCR,
                                   GL_DECR, GL_INVERT, GL_INCR_WRAP, GL_DECR_WRAP };
    /* Apply each op twice in its column, then visualise stencil values. */
    for (int i = 0; i < 8; i++) {
        float x0 = -1.0f + i * 0.25f;
        glStencilFunc(GL_ALWAYS, 0x33, 0xFF);
        glStencilOp(GL_KEEP, GL_KEEP, ops[i]);
        ucolor(0.0f, 0.0f, 0.0f, 1.0f);
        draw_rect(x0, -1.0f, x0 + 0.25f, 1.0f, 0.0f);
        draw_rect(x0, 0.0f, x0 + 0.25f, 1.0f, 0.0f);
    }
    /* Separate front/back state: CW quads are back faces. */
    glStencilFuncSeparate(GL_FRONT, GL_ALWAYS, 0x11, 0xFF);
    glStencilFuncSeparate(GL_BACK, GL_ALWAYS, 0x22, 0xFF);
    glStencilOpSeparate(GL_FRONT, GL_KEEP, GL_KEEP, GL_REPLACE);
    glStencilOpSeparate(GL_BACK, GL_KEEP, GL_KEEP, GL_REPLACE);
    glStencilMaskSeparate(GL_FRONT, 0x0F);
    glStencilMaskSeparate(GL_BACK, 0xF0);
    draw_rect(-1.0f, -0.2f, 1.0f, 0.0f, 0.0f);  /* CCW: front */
    draw_rect(1.0f, -0.4f, -1.0f, -0.2f, 0.0f); /* mirrored: back */
    glStencilMask(0xFF);
    glStencilOp(GL_KEEP, GL_KEEP, GL_KEEP);
    /* Visualise: one pass per bit, adding 1/8 intensity each. */
    glEnable(GL_BLEND);
    glBlendFunc(GL_ONE, GL_ONE);
    for (int bit = 0; bit < 8; bit++) {
        glStencilFunc(GL_EQUAL, 1 << bit, 1u << bit);
        ucolor(bit < 4 ? 32.0f / 255.0f * (float)(1 << bit) / 8.0f : 0.0f,
               bit >= 4 ? 32.0f / 255.0f * (float)(1 << (bit - 4)) / 8.0f : 0.0f,
               (float)bit / 8.0f * 0.1f, 0.0f);
        draw_rect(-1.0f, -1.0f, 1.0f, 1.0f, 0.0f);
    }
    glDisable(GL_BLEND);
    /* Exact assertions: REPLACE column has 0x33, ZERO column 0. */
    glStencilFunc(GL_EQUAL, 0x33, 0xFF);
    ucolor(1.0f, 1.0f, 1.0f, 1.0f);
    draw_rect(-1.0f, 0.9f, 1.0f, 1.0f, 0.0f);
    glDisable(GL_STENCIL_TEST);
    EXPECT_PIXEL(20, 63, 255, 255, 255, 255); /* REPLACE */
    unsigned char p[4];
    read_pixel(4, 63, p); /* KEEP: 0x80 != 0x33 */
    GLST_CHECK(p[0] != 255 || p[1] != 255);
    dump("stencil");
}

static void scene_scissor_mask(void)
{
    glEnable(GL_SCISSOR_TEST);
    glScissor(5, 7, 23, 11);
    ucolor(1.0f, 0.0f, 0.0f, 1.0f);
    draw_rect(-1.0f, -1.0f, 1.0f, 1.0f, 0.0f);
    glScissor(40, 30, 3, 30);
    glClearColor(0.0f, 1.0f, 0.0f, 1.0f);
    glClear(GL_COLOR_BUFFER_BIT);
    glDisable(GL_SCISSOR_TEST);
    EXPECT_PIXEL(5, 7, 255, 0, 0, 255);
    EXPECT_PIXEL(4, 7, 0, 0, 0, 0);
    EXPECT_PIXEL(28, 17, 0, 0, 0, 0);
    EXPECT_PIXEL(41, 59, 0, 255, 0, 255);

    /* Colour masks per channel, including clears. */
    glColorMask(GL_TRUE, GL_FALSE, GL_TRUE, GL_FALSE);
    ucolor(0.5f, 0.5f, 0.5f, 0.5f);
    draw_rect(0.0f, -1.0f, 1.0f, 0.0f, 0.0f);
    glColorMask(GL_FALSE, GL_TRUE, GL_FALSE, GL_TRUE);
    glEnable(GL_SCISSOR_TEST);
    glScissor(0, 40, 20, 20);
    glClearColor(1.0f, 0.25f, 1.0f, 0.75f);
    glClear(GL_COLOR_BUFFER_BIT);
    glDisable(GL_SCISSOR_TEST);
    glColorMask(GL_TRUE, GL_TRUE, GL_TRUE, GL_TRUE);
    EXPECT_PIXEL(48, 16, 128, 0, 128, 0);
    EXPECT_PIXEL(10, 50, 0, 64, 0, 191);
    dump("scissor_colormask");
}

static void scene_copytex(void)
{
    draw_triangles();
    GLuint tex;
    glGenTextures(1, &tex);
    glBindTexture(GL_TEXTURE_2D, tex);
    tex_params(GL_TEXTURE_2D, GL_NEAREST);
    glCopyTexImage2D(GL_TEXTURE_2D, 0, GL_RGBA, 16, 8, 21, 13, 0);
    /* Overwrite a sub-rectangle from another framebuffer area. */
    glCopyTexSubImage2D(GL_TEXTURE_2D, 0, 2, 3, 40, 40, 9, 5);
    GLuint tex_rgb;
    glGenTextures(1, &tex_rgb);
    glBindTexture(GL_TEXTURE_2D, tex_rgb);
    tex_params(GL_TEXTURE_2D, GL_NEAREST);
    glCopyTexImage2D(GL_TEXTURE_2D, 0, GL_LUMINANCE, 24, 24, 16, 16, 0);
    reset_state();
    glBindTexture(GL_TEXTURE_2D, tex);
    draw_tex_at(0, 0, 21, 13);
    draw_tex_at(0, 32, 42, 26);
    glBindTexture(GL_TEXTURE_2D, tex_rgb);
    draw_tex_at(40, 0, 16, 16);
    glDeleteTextures(1, &tex);
    glDeleteTextures(1, &tex_rgb);
    dump("copytex");
}

static void scene_mapbuffer(void)
{
    PFNGLMAPBUFFEROESPROC map_oes = NULL;
    PFNGLUNMAPBUFFEROESPROC unmap_oes = NULL;
    PFNGLMAPBUFFERRANGEEXTPROC map_range = NULL;
    PFNGLFLUSHMAPPEDBUFFERRANGEEXTPROC flush_range = NULL;
    bool has_oes = glst_has_gl_ext("GL_OES_mapbuffer");
    bool has_range = glst_has_gl_ext("GL_EXT_map_buffer_range");
    if (has_oes) {
        map_oes = (PFNGLMAPBUFFEROESPROC)eglGetProcAddress("glMapBufferOES");
        unmap_oes = (PFNGLUNMAPBUFFEROESPROC)eglGetProcAddress("glUnmapBufferOES");
        GLST_CHECK(map_oes && unmap_oes);
    }
    if (has_range) {
        map_range = (PFNGLMAPBUFFERRANGEEXTPROC)eglGetProcAddress("glMapBufferRangeEXT");
        flush_range = (PFNGLFLUSHMAPPEDBUFFERRANGEEXTPROC)eglGetProcAddress(
            "glFlushMappedBufferRangeEXT");
        unmap_oes = unmap_oes ? unmap_oes
                              : (PFNGLUNMAPBUFFEROESPROC)eglGetProcAddress("glUnmapBufferEXT");
        GLST_CHECK(map_range && flush_range && unmap_oes);
    }
    GLuint buf;
    glGenBuffers(1, &buf);
    glBindBuffer(GL_ARRAY_BUFFER, buf);
    glBufferData(GL_ARRAY_BUFFER, sizeof(grid_verts), grid_verts, GL_DYNAMIC_DRAW);
    if (map_oes && unmap_oes) {
        struct vertex *v = map_oes(GL_ARRAY_BUFFER, GL_WRITE_ONLY_OES);
        GLST_CHECK(v != NULL);
        if (v) {
            for (int i = 0; i < 4; i++)
                v[i].b = 0; /* quad 0 loses blue */
            GLST_CHECK(unmap_oes(GL_ARRAY_BUFFER) == GL_TRUE);
        }
    }
    if (map_range && flush_range && unmap_oes) {
        /* Map quad 1 only, with explicit flush of the modified vertices. */
        struct vertex *v = map_range(GL_ARRAY_BUFFER, 4 * sizeof(struct vertex),
                                     4 * sizeof(struct vertex),
                                     GL_MAP_WRITE_BIT_EXT | GL_MAP_FLUSH_EXPLICIT_BIT_EXT);
        GLST_CHECK(v != NULL);
        if (v) {
            for (int i = 0; i < 4; i++)
                v[i].r = 17;
            flush_range(GL_ARRAY_BUFFER, 0, 4 * sizeof(struct vertex));
            GLST_CHECK(unmap_oes(GL_ARRAY_BUFFER) == GL_TRUE);
        }
        /* Read back through a read mapping. */
        const struct vertex *r = map_range(GL_ARRAY_BUFFER, 0, sizeof(grid_verts),
                                           GL_MAP_READ_BIT_EXT);
        GLST_CHECK(r != NULL);
        if (r) {
            GLST_CHECK_INT(r[5].r, 17);
            GLST_CHECK_INT(r[8].r, grid_verts[8].r);
            unmap_oes(GL_ARRAY_BUFFER);
        }
    }
    bind_interleaved(0);
    for (int q = 0; q < 4; q++)
        glDrawArrays(GL_TRIANGLE_STRIP, q * 4, 4);
    glBindBuffer(GL_ARRAY_BUFFER, 0);
    glDeleteBuffers(1, &buf);
    dump("mapbuffer");
}

static void scene_vao(void)
{
    if (!glst_has_gl_ext("GL_OES_vertex_array_object")) {
        dump("vao");
        return;
    }
    PFNGLGENVERTEXARRAYSOESPROC gen =
        (PFNGLGENVERTEXARRAYSOESPROC)eglGetProcAddress("glGenVertexArraysOES");
    PFNGLBINDVERTEXARRAYOESPROC bind =
        (PFNGLBINDVERTEXARRAYOESPROC)eglGetProcAddress("glBindVertexArrayOES");
    PFNGLDELETEVERTEXARRAYSOESPROC del =
        (PFNGLDELETEVERTEXARRAYSOESPROC)eglGetProcAddress("glDeleteVertexArraysOES");
    PFNGLISVERTEXARRAYOESPROC is =
        (PFNGLISVERTEXARRAYOESPROC)eglGetProcAddress("glIsVertexArrayOES");
    GLST_CHECK(gen && bind && del && is);
    if (!gen || !bind || !del || !is)
        return;
    GLuint vao[2], buf, tri_buf;
    gen(2, vao);
    glGenBuffers(1, &buf);
    glBindBuffer(GL_ARRAY_BUFFER, buf);
    glBufferData(GL_ARRAY_BUFFER, sizeof(grid_verts), grid_verts, GL_STATIC_DRAW);

    /* VAO 0: VBO data for quads; VAO 1: client arrays + constant colour. */
    bind(vao[0]);
    GLST_CHECK(is(vao[0]));
    bind_interleaved(0);
    static const GLushort idx[] = { 0, 1, 2, 2, 1, 3, 12, 13, 14, 14, 13, 15 };
    GLuint ebo;
    glGenBuffers(1, &ebo);
    glBindBuffer(GL_ELEMENT_ARRAY_BUFFER, ebo); /* captured by the VAO */
    glBufferData(GL_ELEMENT_ARRAY_BUFFER, sizeof(idx), idx, GL_STATIC_DRAW);

    /* Client arrays are not allowed with a VAO bound on ES3-capable Mesa,
     * so VAO 1 sources a second VBO and uses a constant colour. */
    bind(vao[1]);
    static const GLfloat tri[] = { 0.1f, 0.1f, 0.9f, 0.1f, 0.5f, 0.9f };
    glGenBuffers(1, &tri_buf);
    glBindBuffer(GL_ARRAY_BUFFER, tri_buf);
    glBufferData(GL_ARRAY_BUFFER, sizeof(tri), tri, GL_STATIC_DRAW);
    glEnableVertexAttribArray(0);
    glVertexAttribPointer(0, 2, GL_FLOAT, GL_FALSE, 0, NULL);
    glBindBuffer(GL_ARRAY_BUFFER, 0);

    bind(vao[0]);
    glDrawElements(GL_TRIANGLES, 12, GL_UNSIGNED_SHORT, NULL);
    bind(vao[1]);
    glVertexAttrib4f(1, 1.0f, 0.5f, 0.25f, 1.0f);
    glDrawArrays(GL_TRIANGLES, 0, 3);
    bind(0);
    del(2, vao);
    GLST_CHECK(!is(vao[0]));
    glDeleteBuffers(1, &buf);
    glDeleteBuffers(1, &ebo);
    glDeleteBuffers(1, &tri_buf);
    EXPECT_PIXEL(52, 40, 255, 128, 64, 255);
    dump("vao");
}

static void scene_uniforms(void)
{
    static const char *fs =
        "precision mediump float;\n"
        "uniform int u_mode;\n"
        "uniform float u_f1; uniform vec2 u_f2; uniform vec3 u_f3; uniform vec4 u_f4;\n"
        "uniform int u_i1; uniform ivec2 u_i2; uniform ivec3 u_i3; uniform ivec4 u_i4;\n"
        "uniform float u_f1a[3]; uniform vec2 u_f2a[2]; uniform vec3 u_f3a[2];\n"
        "uniform vec4 u_f4a[2];\n"
        "uniform int u_i1a[3]; uniform ivec2 u_i2a[2]; uniform ivec3 u_i3a[2];\n"
        "uniform ivec4 u_i4a[2];\n"
        "uniform bool u_b; uniform bvec3 u_b3;\n"
        "uniform mat2 u_m2; uniform mat3 u_m3; uniform mat4 u_m4[2];\n"
        "void main() {\n"
        "  vec4 c = vec4(0.0);\n"
        "  if (u_mode == 0) c = vec4(u_f1, 0.0, 0.0, 1.0);\n"
        "  else if (u_mode == 1) c = vec4(u_f2, 0.0, 1.0);\n"
        "  else if (u_mode == 2) c = vec4(u_f3, 1.0);\n"
        "  else if (u_mode == 3) c = u_f4;\n"
        "  else if (u_mode == 4) c = vec4(float(u_i1) / 8.0, 0.0, 0.0, 1.0);\n"
        "  else if (u_mode == 5) c = vec4(vec2(u_i2) / 8.0, 0.0, 1.0);\n"
        "  else if (u_mode == 6) c = vec4(vec3(u_i3) / 8.0, 1.0);\n"
        "  else if (u_mode == 7) c = vec4(u_i4) / 8.0;\n"
        "  else if (u_mode == 8) c = vec4(u_f1a[0], u_f1a[1], u_f1a[2], 1.0);\n"
        "  else if (u_mode == 9) c = vec4(u_f2a[0], u_f2a[1]);\n"
        "  else if (u_mode == 10) c = vec4(u_f3a[0] - u_f3a[1], 1.0);\n"
        "  else if (u_mode == 11) c = u_f4a[1] - u_f4a[0];\n"
        "  else if (u_mode == 12) c = vec4(float(u_i1a[0]), float(u_i1a[1]),\n"
        "                                   float(u_i1a[2]), 8.0) / 8.0;\n"
        "  else if (u_mode == 13) c = vec4(vec2(u_i2a[0]), vec2(u_i2a[1])) / 8.0;\n"
        "  else if (u_mode == 14) c = vec4(vec3(u_i3a[1] - u_i3a[0]), 8.0) / 8.0;\n"
        "  else if (u_mode == 15) c = vec4(u_i4a[0] + u_i4a[1]) / 8.0;\n"
        "  else if (u_mode == 16) c = vec4(u_m2 * vec2(1.0, 0.5), u_b ? 1.0 : 0.0, 1.0);\n"
        "  else if (u_mode == 17) c = vec4(u_m3 * vec3(1.0, 0.5, 0.25), 1.0);\n"
        "  else if (u_mode == 18) c = u_m4[0] * vec4(0.5, 0.25, 0.125, 1.0);\n"
        "  else if (u_mode == 19) c = u_m4[1] * vec4(1.0, 0.5, 0.25, 0.5);\n"
        "  else if (u_mode == 20) c = vec4(u_b3, 1.0);\n"
        "  gl_FragColor = c;\n"
        "}\n";
    GLuint prog = glst_program(vs_pos, fs);
    glUseProgram(prog);
#define LOC(n) glGetUniformLocation(prog, n)
    glUniform1f(LOC("u_f1"), 0.5f);
    glUniform2f(LOC("u_f2"), 0.25f, 0.75f);
    glUniform3f(LOC("u_f3"), 0.125f, 0.5f, 1.0f);
    glUniform4f(LOC("u_f4"), 1.0f, 0.75f, 0.5f, 0.25f);
    glUniform1i(LOC("u_i1"), 3);
    glUniform2i(LOC("u_i2"), 1, 7);
    glUniform3i(LOC("u_i3"), 2, 4, 6);
    glUniform4i(LOC("u_i4"), 8, 6, 4, 2);
    static const GLfloat f1a[3] = { 0.25f, 0.5f, 0.75f };
    static const GLfloat f2a[4] = { 0.125f, 0.25f, 0.375f, 1.0f };
    static const GLfloat f3a[6] = { 1.0f, 0.75f, 0.5f, 0.5f, 0.5f, 0.25f };
    static const GLfloat f4a[8] = { 0.0f, 0.125f, 0.25f, 0.0f, 0.5f, 0.625f, 1.0f, 1.0f };
    static const GLint i1a[3] = { 1, 4, 7 };
    static const GLint i2a[4] = { 2, 3, 5, 8 };
    static const GLint i3a[6] = { 1, 1, 1, 3, 6, 8 };
    static const GLint i4a[8] = { 1, 2, 3, 4, 4, 3, 2, 4 };
    glUniform1fv(LOC("u_f1a"), 3, f1a);
    glUniform2fv(LOC("u_f2a"), 2, f2a);
    glUniform3fv(LOC("u_f3a"), 2, f3a);
    glUniform4fv(LOC("u_f4a"), 2, f4a);
    glUniform1iv(LOC("u_i1a"), 3, i1a);
    glUniform2iv(LOC("u_i2a"), 2, i2a);
    glUniform3iv(LOC("u_i3a"), 2, i3a);
    glUniform4iv(LOC("u_i4a"), 2, i4a);
    glUniform1i(LOC("u_b"), 1);
    static const GLint b3[3] = { 1, 0, 1 };
    glUniform3iv(LOC("u_b3"), 1, b3);
    static const GLfloat m2[4] = { 0.5f, 0.25f, 0.5f, 0.0f };
    static const GLfloat m3[9] = { 0.5f, 0, 0, 0, 1.0f, 0, 0.25f, 0, 1.0f };
    static const GLfloat m4[32] = {
        1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1, 0, 0.25f, 0.25f, 0.25f, 0,  /* translate */
        0, 0.5f, 0, 0, 0.5f, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 2,        /* swizzle */
    };
    glUniformMatrix2fv(LOC("u_m2"), 1, GL_FALSE, m2);
    glUniformMatrix3fv(LOC("u_m3"), 1, GL_FALSE, m3);
    glUniformMatrix4fv(LOC("u_m4"), 2, GL_FALSE, m4);
    /* Read-back through glGetUniform must match what was set. */
    GLfloat got[16];
    glGetUniformfv(prog, LOC("u_m4[1]"), got);
    GLST_CHECK(memcmp(got, &m4[16], sizeof(got)) == 0);
    GLint goti[4];
    glGetUniformiv(prog, LOC("u_i4a[1]"), goti);
    GLST_CHECK(memcmp(goti, &i4a[4], sizeof(goti)) == 0);

    GLint mode_loc = LOC("u_mode");
#undef LOC
    for (int mode = 0; mode <= 20; mode++) {
        int col = mode % 6, row = mode / 6;
        float x0 = -1.0f + col * (2.0f / 6.0f), y0 = -1.0f + row * 0.5f;
        glUniform1i(mode_loc, mode);
        draw_rect(x0, y0, x0 + 2.0f / 6.0f, y0 + 0.5f, 0.0f);
    }
    EXPECT_PIXEL(5, 5, 128, 0, 0, 255);     /* u_f1 */
    EXPECT_PIXEL(16, 5, 64, 191, 0, 255);   /* u_f2 */
    EXPECT_PIXEL(26, 5, 32, 128, 255, 255);  /* u_f3 */
    glDeleteProgram(prog);
    dump("uniforms");
}

static void scene_vertex_attrib_const(void)
{
    glUseProgram(prog_color);
    glDisableVertexAttribArray(1); /* colour comes from the constant */
    static const GLfloat v[4] = { 0.25f, 0.5f, 0.75f, 0.5f };
    for (int i = 0; i < 8; i++) {
        switch (i) {
        case 0: glVertexAttrib1f(1, 0.75f); break;
        case 1: glVertexAttrib2f(1, 0.25f, 1.0f); break;
        case 2: glVertexAttrib3f(1, 1.0f, 0.5f, 0.25f); break;
        case 3: glVertexAttrib4f(1, 0.5f, 0.25f, 1.0f, 0.75f); break;
        case 4: glVertexAttrib1fv(1, &v[1]); break;
        case 5: glVertexAttrib2fv(1, v); break;
        case 6: glVertexAttrib3fv(1, &v[1]); break;
        default: glVertexAttrib4fv(1, v); break;
        }
        float x0 = -1.0f + i * 0.25f;
        const GLfloat pos[] = { x0, -1, x0 + 0.25f, -1, x0, 1, x0 + 0.25f, 1 };
        glEnableVertexAttribArray(0);
        glVertexAttribPointer(0, 2, GL_FLOAT, GL_FALSE, 0, pos);
        glDrawArrays(GL_TRIANGLE_STRIP, 0, 4);
    }
    /* Unspecified components default to 0, 0, 1. */
    EXPECT_PIXEL(4, 32, 191, 0, 0, 255);
    EXPECT_PIXEL(12, 32, 64, 255, 0, 255);
    EXPECT_PIXEL(60, 32, 64, 128, 191, 128);
    dump("vertex_attrib_const");
}

static void scene_lines_points(void)
{
    static const GLfloat pos[] = {
        -0.9f, -0.9f, 0.9f, 0.9f, -0.9f, 0.9f, 0.9f, -0.9f,      /* 2 lines */
        -0.5f, 0.0f, 0.0f, 0.5f, 0.5f, 0.0f, 0.0f, -0.5f,        /* strip/loop */
        -0.7f, 0.7f, 0.7f, 0.7f, 0.0f, 0.0f, -0.7f, -0.7f,       /* points */
    };
    static const GLfloat col[] = {
        1, 0, 0, 1, 0, 1, 0, 1, 0, 0, 1, 1, 1, 1, 0, 1,
        1, 0, 1, 1, 0, 1, 1, 1, 1, 1, 1, 1, 0.5f, 0.5f, 0.5f, 1,
        1, 0.5f, 0, 1, 0, 0.5f, 1, 1, 0.5f, 1, 0, 1, 1, 1, 1, 1,
    };
    glUseProgram(prog_color);
    glEnableVertexAttribArray(0);
    glEnableVertexAttribArray(1);
    glVertexAttribPointer(0, 2, GL_FLOAT, GL_FALSE, 0, pos);
    glVertexAttribPointer(1, 4, GL_FLOAT, GL_FALSE, 0, col);
    glDrawArrays(GL_LINES, 0, 4);
    glLineWidth(1.0f);
    glDrawArrays(GL_LINE_LOOP, 4, 4);
    glViewport(0, 0, 32, 32);
    glDrawArrays(GL_LINE_STRIP, 4, 4);
    glViewport(0, 0, W, H);
    glDrawArrays(GL_POINTS, 8, 4);
    unsigned char p[4];
    read_pixel(32, 32, p); /* a 5x5 point at the centre */
    GLST_CHECK(p[3] == 255 && p[0] == 128 && p[1] == 255);
    dump("lines_points");
}

static void scene_polygon_offset_depth_range(void)
{
    glEnable(GL_DEPTH_TEST);
    glDepthFunc(GL_LESS);
    ucolor(1.0f, 0.0f, 0.0f, 1.0f);
    draw_rect(-1.0f, -1.0f, 1.0f, 1.0f, 0.0f);
    /* Coplanar quad only wins with a negative polygon offset. */
    ucolor(0.0f, 1.0f, 0.0f, 1.0f);
    draw_rect(-1.0f, -1.0f, 0.0f, 0.0f, 0.0f);
    glEnable(GL_POLYGON_OFFSET_FILL);
    glPolygonOffset(-1.0f, -2.0f);
    draw_rect(0.0f, -1.0f, 1.0f, 0.0f, 0.0f);
    glDisable(GL_POLYGON_OFFSET_FILL);
    EXPECT_PIXEL(10, 10, 255, 0, 0, 255);
    EXPECT_PIXEL(50, 10, 0, 255, 0, 255);

    /* Depth range squeezed to [0, 0.25]: z = 0.9 maps to ~0.24 < 0.5. */
    glDepthRangef(0.0f, 0.25f);
    ucolor(0.0f, 0.0f, 1.0f, 1.0f);
    draw_rect(-1.0f, 0.0f, 0.0f, 1.0f, 0.9f);
    glDepthRangef(0.75f, 1.0f);
    ucolor(1.0f, 1.0f, 0.0f, 1.0f);
    draw_rect(0.0f, 0.0f, 1.0f, 1.0f, -0.9f); /* ~0.76 > 0.5: hidden */
    glDepthRangef(0.0f, 1.0f);
    glDisable(GL_DEPTH_TEST);
    EXPECT_PIXEL(10, 50, 0, 0, 255, 255);
    EXPECT_PIXEL(50, 50, 255, 0, 0, 255);
    dump("polygon_offset_depth_range");
}

static void scene_viewport_cull(void)
{
    static const GLfloat pos[] = { -1, -1, 1, -1, 0, 1 };
    static const GLfloat col[] = { 1, 0, 0, 1, 0, 1, 0, 1, 0, 0, 1, 1 };
    glUseProgram(prog_color);
    glEnableVertexAttribArray(0);
    glEnableVertexAttribArray(1);
    glVertexAttribPointer(0, 2, GL_FLOAT, GL_FALSE, 0, pos);
    glVertexAttribPointer(1, 4, GL_FLOAT, GL_FALSE, 0, col);
    static const int vps[4][4] = { { 0, 0, 32, 32 }, { 32, 0, 32, 16 },
                                   { 5, 40, 11, 23 }, { 30, 30, 50, 50 } };
    for (int i = 0; i < 4; i++) {
        glViewport(vps[i][0], vps[i][1], vps[i][2], vps[i][3]);
        glDrawArrays(GL_TRIANGLES, 0, 3);
    }
    /* Culling: CCW triangle is culled as front when FrontFace is CCW. */
    glViewport(20, 34, 10, 10);
    glEnable(GL_CULL_FACE);
    glCullFace(GL_FRONT);
    glDrawArrays(GL_TRIANGLES, 0, 3);
    glFrontFace(GL_CW);
    glViewport(20, 20, 10, 10);
    glDrawArrays(GL_TRIANGLES, 0, 3);
    glDisable(GL_CULL_FACE);
    glFrontFace(GL_CCW);
    glViewport(0, 0, W, H);
    unsigned char p[4];
    read_pixel(25, 36, p);
    GLST_CHECK_INT(p[3], 0); /* culled */
    read_pixel(25, 22, p);
    GLST_CHECK_INT(p[3], 255); /* drawn as back face */
    dump("viewport_cull");
}

/* ---- driver ------------------------------------------------------------ */

struct scene {
    const char *name;
    void (*fn)(void);
};

static void scene_tex_formats(void)
{
    for (size_t i = 0; i < sizeof(tex_formats) / sizeof(tex_formats[0]); i++) {
        reset_state();
        scene_tex_format(&tex_formats[i]);
    }
}

static const struct scene scenes[] = {
    { "clear", scene_clear },
    { "triangles", scene_triangles },
    { "tex_formats", scene_tex_formats },
    { "readpixels", scene_readpixels },
    { "npot", scene_npot },
    { "mipmaps", scene_mipmaps },
    { "cubemap", scene_cubemap },
    { "fbo", scene_fbo },
    { "client_arrays", scene_client_arrays },
    { "buffers", scene_buffers },
    { "blend", scene_blend },
    { "depth_funcs", scene_depth_funcs },
    { "stencil", scene_stencil },
    { "scissor_colormask", scene_scissor_mask },
    { "copytex", scene_copytex },
    { "mapbuffer", scene_mapbuffer },
    { "vao", scene_vao },
    { "uniforms", scene_uniforms },
    { "vertex_attrib_const", scene_vertex_attrib_const },
    { "lines_points", scene_lines_points },
    { "polygon_offset_depth_range", scene_polygon_offset_depth_range },
    { "viewport_cull", scene_viewport_cull },
};

int main(void)
{
    glst_egl egl;
    glst_out_dir = getenv("GLST_OUT");
    if (!glst_egl_setup(&egl, W, H)) {
        GLST_CHECK(!"EGL setup");
        return glst_finish();
    }
    prog_color = glst_program(vs_color, fs_color);
    prog_ucolor = glst_program(vs_pos, fs_ucolor);
    prog_tex = glst_program(vs_tex, fs_tex);
    ucolor_loc = glGetUniformLocation(prog_ucolor, "u_color");
    GLST_CHECK(ucolor_loc >= 0);

    for (size_t i = 0; i < sizeof(scenes) / sizeof(scenes[0]); i++) {
        reset_state();
        scenes[i].fn();
        GLenum err = glGetError();
        if (err != GL_NO_ERROR)
            glst_fail_msg(__FILE__, __LINE__, "scene %s: GL error 0x%x", scenes[i].name, err);
        else
            glst_check_impl(true, scenes[i].name, __FILE__, __LINE__);
        while (glGetError() != GL_NO_ERROR)
            ;
    }
    glDeleteProgram(prog_color);
    glDeleteProgram(prog_ucolor);
    glDeleteProgram(prog_tex);
    glst_egl_teardown(&egl);
    return glst_finish();
}
