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
    char label[96];
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
    if (!version || strncmp(version, "OpenGL ES 3.2", 13) != 0) {
        printf("glst_draw32: skipped, not an ES 3.2 context (%s)\n", version ? version : "none");
        glst_egl_teardown(&e);
        glst_observe_close();
        return glst_finish();
    }
    base_vertex();
    glst_egl_teardown(&e);
    glst_observe_close();
    return glst_finish();
}
