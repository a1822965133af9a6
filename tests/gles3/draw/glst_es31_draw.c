/* OpenGL ES 3.1 draw group (docs/es3.md), compared natively and through
 * glstream: vertex buffer binding points (glBindVertexBuffer,
 * glVertexAttribFormat/IFormat, glVertexAttribBinding,
 * glVertexBindingDivisor) and how glVertexAttribPointer and
 * glVertexAttribDivisor act on them, their queries, and indirect draws
 * (glDrawArraysIndirect, glDrawElementsIndirect, instanced, with a first
 * index and a base vertex), with their errors. Every value, error and
 * pixel is written with glst_note and must be the same both ways. Skipped
 * (nothing noted but the version) in a context older than 3.1. */
#include <stdio.h>
#include <string.h>

#include <GLES3/gl31.h>

#include "glst_observe.h"
#include "glst_test_util.h"

#define W 32
#define H 32

static void note_pixel(const char *what, int x, int y)
{
    uint8_t p[4] = {0};
    glReadPixels(x, y, 1, 1, GL_RGBA, GL_UNSIGNED_BYTE, p);
    glst_note("%s pixel %d,%d = %u %u %u %u", what, x, y, p[0], p[1], p[2], p[3]);
}

/* the four quadrants' centres */
static void note_quadrants(const char *what)
{
    note_pixel(what, 8, 8);
    note_pixel(what, 24, 8);
    note_pixel(what, 8, 24);
    note_pixel(what, 24, 24);
}

static void note_attrib(GLuint index, GLenum pname)
{
    GLint v = -7;
    glGetVertexAttribiv(index, pname, &v);
    glst_note("glGetVertexAttribiv %u 0x%x = %d", index, pname, v);
}

static void note_binding(GLuint index)
{
    GLint buffer = -7, stride = -7, divisor = -7, offset = -7;
    GLint64 offset64 = -7;
    glGetIntegeri_v(GL_VERTEX_BINDING_BUFFER, index, &buffer);
    glGetIntegeri_v(GL_VERTEX_BINDING_OFFSET, index, &offset);
    glGetInteger64i_v(GL_VERTEX_BINDING_OFFSET, index, &offset64);
    glGetIntegeri_v(GL_VERTEX_BINDING_STRIDE, index, &stride);
    glGetIntegeri_v(GL_VERTEX_BINDING_DIVISOR, index, &divisor);
    glst_note("binding %u: buffer %d offset %d/%lld stride %d divisor %d", index, buffer, offset,
              (long long)offset64, stride, divisor);
}

static void clear(void)
{
    glClearColor(0, 0, 0, 0);
    glClear(GL_COLOR_BUFFER_BIT);
}

static const char *vs =
    "#version 300 es\n"
    "layout(location = 0) in vec2 pos;\n"
    "layout(location = 1) in vec4 color;\n"
    "layout(location = 2) in vec2 shift;\n"
    "layout(location = 3) in ivec2 tag;\n"
    "out vec4 c;\n"
    "void main() {\n"
    "  c = color + vec4(float(tag.x) / 255.0, float(tag.y) / 255.0, 0.0, 0.0);\n"
    "  gl_Position = vec4(pos + shift, 0.0, 1.0);\n"
    "}\n";
static const char *fs =
    "#version 300 es\n"
    "precision mediump float;\n"
    "in vec4 c;\n"
    "out vec4 o;\n"
    "void main() { o = c; }\n";

/* one vertex: a position (2 floats), a colour (4 normalized bytes) and
 * a tag (2 shorts, an integer attribute) */
struct vertex {
    GLfloat pos[2];
    GLubyte color[4];
    GLshort tag[2];
};

/* a quad in the bottom-left quadrant (strip order), red, then a copy in
 * green and one in blue, 4 vertices each */
static const struct vertex vertices[] = {
    {{-1, -1}, {255, 0, 0, 255}, {0, 0}}, {{0, -1}, {255, 0, 0, 255}, {0, 0}},
    {{-1, 0}, {255, 0, 0, 255}, {0, 0}},  {{0, 0}, {255, 0, 0, 255}, {0, 0}},
    {{-1, -1}, {0, 255, 0, 255}, {0, 0}}, {{0, -1}, {0, 255, 0, 255}, {0, 0}},
    {{-1, 0}, {0, 255, 0, 255}, {0, 0}},  {{0, 0}, {0, 255, 0, 255}, {0, 0}},
    {{-1, -1}, {0, 0, 255, 255}, {0, 64}}, {{0, -1}, {0, 0, 255, 255}, {0, 64}},
    {{-1, 0}, {0, 0, 255, 255}, {0, 64}},  {{0, 0}, {0, 0, 255, 255}, {0, 64}},
};
/* per-instance shifts: to each quadrant */
static const GLfloat shifts[] = {0, 0, 1, 0, 0, 1, 1, 1};

static GLuint buffer_with(GLenum target, const void *data, GLsizeiptr size)
{
    GLuint b;
    glGenBuffers(1, &b);
    glBindBuffer(target, b);
    glBufferData(target, size, data, GL_STATIC_DRAW);
    return b;
}

static void state_and_errors(void)
{
    glst_get_int(GL_MAX_VERTEX_ATTRIB_BINDINGS);
    glst_get_int(GL_MAX_VERTEX_ATTRIB_RELATIVE_OFFSET);
    glst_get_int(GL_MAX_VERTEX_ATTRIB_STRIDE);
    glst_get_int(GL_DRAW_INDIRECT_BUFFER_BINDING);
    GLuint vbo = buffer_with(GL_ARRAY_BUFFER, vertices, sizeof(vertices));
    /* vertex array 0: every binding call is GL_INVALID_OPERATION */
    glBindVertexBuffer(0, vbo, 0, 16);
    GLST_ERR("glBindVertexBuffer in vertex array 0", GL_INVALID_OPERATION);
    glVertexAttribFormat(0, 2, GL_FLOAT, GL_FALSE, 0);
    GLST_ERR("glVertexAttribFormat in vertex array 0", GL_INVALID_OPERATION);
    glVertexAttribIFormat(3, 2, GL_SHORT, 0);
    GLST_ERR("glVertexAttribIFormat in vertex array 0", GL_INVALID_OPERATION);
    glVertexAttribBinding(0, 1);
    GLST_ERR("glVertexAttribBinding in vertex array 0", GL_INVALID_OPERATION);
    glVertexBindingDivisor(0, 1);
    GLST_ERR("glVertexBindingDivisor in vertex array 0", GL_INVALID_OPERATION);
    note_attrib(0, GL_VERTEX_ATTRIB_BINDING);
    note_attrib(5, GL_VERTEX_ATTRIB_RELATIVE_OFFSET);
    note_binding(3);

    GLuint vao;
    glGenVertexArrays(1, &vao);
    glBindVertexArray(vao);
    GLint bindings = glst_get_int(GL_MAX_VERTEX_ATTRIB_BINDINGS);
    GLint attribs = glst_get_int(GL_MAX_VERTEX_ATTRIBS);
    GLint max_stride = glst_get_int(GL_MAX_VERTEX_ATTRIB_STRIDE);
    GLint max_relative = glst_get_int(GL_MAX_VERTEX_ATTRIB_RELATIVE_OFFSET);
    glBindVertexBuffer((GLuint)bindings, vbo, 0, 16);
    GLST_ERR("glBindVertexBuffer past the binding points", GL_INVALID_VALUE);
    glBindVertexBuffer(0, vbo, -4, 16);
    GLST_ERR("glBindVertexBuffer negative offset", GL_INVALID_VALUE);
    glBindVertexBuffer(0, vbo, 0, -1);
    GLST_ERR("glBindVertexBuffer negative stride", GL_INVALID_VALUE);
    glBindVertexBuffer(0, vbo, 0, max_stride + 1);
    GLST_ERR("glBindVertexBuffer stride past the maximum", GL_INVALID_VALUE);
    glBindVertexBuffer(0, 4242, 0, 16);
    GLST_ERR("glBindVertexBuffer unused name", GL_INVALID_OPERATION);
    glVertexAttribFormat((GLuint)attribs, 2, GL_FLOAT, GL_FALSE, 0);
    GLST_ERR("glVertexAttribFormat past the attributes", GL_INVALID_VALUE);
    glVertexAttribFormat(0, 5, GL_FLOAT, GL_FALSE, 0);
    GLST_ERR("glVertexAttribFormat size 5", GL_INVALID_VALUE);
    glVertexAttribFormat(0, 2, GL_FLOAT, GL_FALSE, (GLuint)max_relative + 1);
    GLST_ERR("glVertexAttribFormat relative offset past the maximum", GL_INVALID_VALUE);
    glVertexAttribFormat(0, 2, 0x140A /* GL_DOUBLE, not ES */, GL_FALSE, 0);
    GLST_ERR("glVertexAttribFormat bad type", GL_INVALID_ENUM);
    glVertexAttribFormat(0, 3, GL_INT_2_10_10_10_REV, GL_FALSE, 0);
    GLST_ERR("glVertexAttribFormat packed of size 3", GL_INVALID_OPERATION);
    glVertexAttribIFormat(0, 2, GL_FLOAT, 0);
    GLST_ERR("glVertexAttribIFormat float", GL_INVALID_ENUM);
    glVertexAttribBinding((GLuint)attribs, 0);
    GLST_ERR("glVertexAttribBinding past the attributes", GL_INVALID_VALUE);
    glVertexAttribBinding(0, (GLuint)bindings);
    GLST_ERR("glVertexAttribBinding past the binding points", GL_INVALID_VALUE);
    glVertexBindingDivisor((GLuint)bindings, 1);
    GLST_ERR("glVertexBindingDivisor past the binding points", GL_INVALID_VALUE);

    /* what the queries say, before and after glVertexAttribPointer */
    glVertexAttribFormat(1, 4, GL_UNSIGNED_BYTE, GL_TRUE, 8);
    glVertexAttribBinding(1, 2);
    glBindVertexBuffer(2, vbo, 4, 16);
    glVertexBindingDivisor(2, 3);
    GLST_ERR("binding calls", GL_NO_ERROR);
    for (GLenum pname = GL_VERTEX_ATTRIB_ARRAY_ENABLED; pname <= GL_VERTEX_ATTRIB_ARRAY_TYPE; pname++)
        note_attrib(1, pname);
    note_attrib(1, GL_VERTEX_ATTRIB_ARRAY_NORMALIZED);
    note_attrib(1, GL_VERTEX_ATTRIB_ARRAY_BUFFER_BINDING);
    note_attrib(1, GL_VERTEX_ATTRIB_ARRAY_DIVISOR);
    note_attrib(1, GL_VERTEX_ATTRIB_ARRAY_INTEGER);
    note_attrib(1, GL_VERTEX_ATTRIB_BINDING);
    note_attrib(1, GL_VERTEX_ATTRIB_RELATIVE_OFFSET);
    note_binding(1);
    note_binding(2);
    glVertexAttribPointer(1, 3, GL_SHORT, GL_FALSE, 0, (const void *)12);
    glVertexAttribDivisor(1, 2);
    note_attrib(1, GL_VERTEX_ATTRIB_ARRAY_STRIDE);
    note_attrib(1, GL_VERTEX_ATTRIB_ARRAY_DIVISOR);
    note_attrib(1, GL_VERTEX_ATTRIB_BINDING);
    note_attrib(1, GL_VERTEX_ATTRIB_RELATIVE_OFFSET);
    note_attrib(1, GL_VERTEX_ATTRIB_ARRAY_BUFFER_BINDING);
    note_binding(1);
    note_binding(2);
    glVertexAttribIFormat(3, 2, GL_SHORT, 12);
    note_attrib(3, GL_VERTEX_ATTRIB_ARRAY_INTEGER);
    note_attrib(3, GL_VERTEX_ATTRIB_ARRAY_TYPE);
    /* deleting the buffer unbinds it from the bound vertex array's points */
    glDeleteBuffers(1, &vbo);
    note_binding(1);
    note_binding(2);
    glBindVertexArray(0);
    glDeleteVertexArrays(1, &vao);
    GLST_ERR("queries", GL_NO_ERROR);
}

/* Interleaved vertices through binding 0 (relative offsets 0, 8, 12),
 * per-instance shifts through binding 7 with a divisor. */
static GLuint binding_vao(GLuint vbo, GLuint shift_vbo)
{
    GLuint vao;
    glGenVertexArrays(1, &vao);
    glBindVertexArray(vao);
    glVertexAttribFormat(0, 2, GL_FLOAT, GL_FALSE, 0);
    glVertexAttribFormat(1, 4, GL_UNSIGNED_BYTE, GL_TRUE, 8);
    glVertexAttribFormat(2, 2, GL_FLOAT, GL_FALSE, 0);
    glVertexAttribIFormat(3, 2, GL_SHORT, 12);
    glVertexAttribBinding(0, 0);
    glVertexAttribBinding(1, 0);
    glVertexAttribBinding(2, 7);
    glVertexAttribBinding(3, 0);
    glBindVertexBuffer(0, vbo, 0, sizeof(struct vertex));
    glBindVertexBuffer(7, shift_vbo, 0, 8);
    glVertexBindingDivisor(7, 1);
    for (GLuint i = 0; i < 4; i++)
        glEnableVertexAttribArray(i);
    return vao;
}

static void binding_draws(GLuint program)
{
    GLuint vbo = buffer_with(GL_ARRAY_BUFFER, vertices, sizeof(vertices));
    GLuint shift_vbo = buffer_with(GL_ARRAY_BUFFER, shifts, sizeof(shifts));
    GLuint vao = binding_vao(vbo, shift_vbo);
    glUseProgram(program);
    clear();
    glDrawArrays(GL_TRIANGLE_STRIP, 0, 4);
    note_quadrants("red quad");
    clear();
    glDrawArraysInstanced(GL_TRIANGLE_STRIP, 4, 4, 4);
    note_quadrants("green instances");
    /* the same vertices through the binding's offset: the blue quad */
    glBindVertexBuffer(0, vbo, 8 * sizeof(struct vertex), sizeof(struct vertex));
    clear();
    glDrawArraysInstanced(GL_TRIANGLE_STRIP, 0, 4, 3);
    note_quadrants("blue instances via offset");
    /* divisor 2: instances 0,1 at shift 0, 2,3 at shift 1 */
    glVertexBindingDivisor(7, 2);
    glBindVertexBuffer(0, vbo, 0, sizeof(struct vertex));
    clear();
    glDrawArraysInstanced(GL_TRIANGLE_STRIP, 0, 4, 4);
    note_quadrants("divisor 2");
    /* switch the colour to another binding point: a colour buffer of its
     * own, stride 4, every vertex white */
    static const GLubyte whites[16] = {255, 255, 255, 255, 255, 255, 255, 255,
                                       255, 255, 255, 255, 255, 255, 255, 255};
    GLuint white_vbo = buffer_with(GL_ARRAY_BUFFER, whites, sizeof(whites));
    glBindVertexBuffer(3, white_vbo, 0, 4);
    glVertexAttribFormat(1, 4, GL_UNSIGNED_BYTE, GL_TRUE, 0);
    glVertexAttribBinding(1, 3);
    glVertexBindingDivisor(1, 0);
    clear();
    glDrawArraysInstanced(GL_TRIANGLE_STRIP, 0, 4, 2);
    note_quadrants("white from binding 3");
    /* stride 0: every vertex reads element 0 of the binding */
    glBindVertexBuffer(3, white_vbo, 0, 0);
    clear();
    glDrawArrays(GL_TRIANGLE_STRIP, 0, 4);
    note_quadrants("stride 0");
    /* back to glVertexAttribPointer: the attribute's own binding again */
    glBindBuffer(GL_ARRAY_BUFFER, vbo);
    glVertexAttribPointer(1, 4, GL_UNSIGNED_BYTE, GL_TRUE, sizeof(struct vertex), (const void *)8);
    note_attrib(1, GL_VERTEX_ATTRIB_BINDING);
    clear();
    glDrawArrays(GL_TRIANGLE_STRIP, 4, 4);
    note_quadrants("green via pointer");
    GLST_ERR("binding draws", GL_NO_ERROR);
    glBindVertexArray(0);
    glDeleteVertexArrays(1, &vao);
    GLuint buffers[] = {vbo, shift_vbo, white_vbo};
    glDeleteBuffers(3, buffers);
}

static void indirect_draws(GLuint program)
{
    GLuint vbo = buffer_with(GL_ARRAY_BUFFER, vertices, sizeof(vertices));
    GLuint shift_vbo = buffer_with(GL_ARRAY_BUFFER, shifts, sizeof(shifts));
    GLuint vao = binding_vao(vbo, shift_vbo);
    glUseProgram(program);
    /* indices 0..3 at the start, then 4..7 as 0..3 (base vertex 4) */
    static const GLushort indices[] = {0, 1, 2, 3, 9, 9, 0, 1, 2, 3};
    GLuint ebo = buffer_with(GL_ELEMENT_ARRAY_BUFFER, indices, sizeof(indices));
    static const GLuint commands[] = {
        /* arrays: count, instances, first, reserved */
        4, 1, 0, 0,   /* 0: red, one */
        4, 4, 4, 0,   /* 16: green, four */
        /* elements: count, instances, first index, base vertex, reserved */
        4, 2, 6, 8, 0, /* 32: blue, two, from index 6, base vertex 8 */
        4, 1, 0, 4, 0, /* 52: green, one */
        0, 0, 0, 0, 0, /* 72: nothing */
    };
    GLuint ibo = buffer_with(GL_DRAW_INDIRECT_BUFFER, commands, sizeof(commands));
    glst_get_int(GL_DRAW_INDIRECT_BUFFER_BINDING);
    clear();
    glDrawArraysIndirect(GL_TRIANGLE_STRIP, (const void *)0);
    note_quadrants("arrays indirect");
    clear();
    glDrawArraysIndirect(GL_TRIANGLE_STRIP, (const void *)16);
    note_quadrants("arrays indirect instanced");
    clear();
    glDrawElementsIndirect(GL_TRIANGLE_STRIP, GL_UNSIGNED_SHORT, (const void *)32);
    note_quadrants("elements indirect base vertex");
    clear();
    glDrawElementsIndirect(GL_TRIANGLE_STRIP, GL_UNSIGNED_SHORT, (const void *)52);
    note_quadrants("elements indirect");
    clear();
    glDrawElementsIndirect(GL_TRIANGLE_STRIP, GL_UNSIGNED_SHORT, (const void *)72);
    note_quadrants("elements indirect empty");
    GLST_ERR("indirect draws", GL_NO_ERROR);
    /* a command the GPU wrote (glCopyBufferSubData) is read as it is now */
    glBindBuffer(GL_COPY_READ_BUFFER, ibo);
    glCopyBufferSubData(GL_COPY_READ_BUFFER, GL_DRAW_INDIRECT_BUFFER, 16, 0, 16);
    clear();
    glDrawArraysIndirect(GL_TRIANGLE_STRIP, (const void *)0);
    note_quadrants("arrays indirect after a copy");

    /* errors */
    glDrawArraysIndirect(GL_TRIANGLE_STRIP, (const void *)2);
    GLST_ERR("unaligned indirect", GL_INVALID_VALUE);
    glDrawArraysIndirect(GL_TRIANGLE_STRIP, (const void *)(sizeof(commands) - 12));
    GLST_ERR("indirect past the buffer", GL_INVALID_OPERATION);
    glDrawElementsIndirect(GL_TRIANGLE_STRIP, GL_UNSIGNED_SHORT, (const void *)(sizeof(commands) - 16));
    GLST_ERR("elements indirect past the buffer", GL_INVALID_OPERATION);
    glDrawArraysIndirect(GL_TRIANGLE_STRIP, (const void *)4096);
    GLST_ERR("indirect far past the buffer", GL_INVALID_OPERATION);
    glDrawArraysIndirect(0x7777, (const void *)0);
    GLST_ERR("indirect bad mode", GL_INVALID_ENUM);
    glDrawElementsIndirect(GL_TRIANGLE_STRIP, GL_FLOAT, (const void *)32);
    GLST_ERR("elements indirect bad type", GL_INVALID_ENUM);
    glEnableVertexAttribArray(5);
    glDrawArraysIndirect(GL_TRIANGLE_STRIP, (const void *)0);
    GLST_ERR("indirect with an enabled attribute without a buffer", GL_INVALID_OPERATION);
    glDisableVertexAttribArray(5);
    glBindBuffer(GL_ELEMENT_ARRAY_BUFFER, 0);
    glDrawElementsIndirect(GL_TRIANGLE_STRIP, GL_UNSIGNED_SHORT, (const void *)32);
    GLST_ERR("elements indirect without an element buffer", GL_INVALID_OPERATION);
    glBindBuffer(GL_DRAW_INDIRECT_BUFFER, 0);
    glDrawArraysIndirect(GL_TRIANGLE_STRIP, (const void *)0);
    GLST_ERR("indirect without a buffer", GL_INVALID_OPERATION);
    glBindBuffer(GL_DRAW_INDIRECT_BUFFER, ibo);
    glBindVertexArray(0);
    glDrawArraysIndirect(GL_TRIANGLE_STRIP, (const void *)0);
    GLST_ERR("indirect in vertex array 0", GL_INVALID_OPERATION);
    glst_get_int(GL_DRAW_INDIRECT_BUFFER_BINDING);
    glDeleteVertexArrays(1, &vao);
    GLuint buffers[] = {vbo, shift_vbo, ebo, ibo};
    glDeleteBuffers(4, buffers);
    glst_get_int(GL_DRAW_INDIRECT_BUFFER_BINDING);
}

int main(void)
{
    glst_egl e;
    glst_observe_open("es31_draw");
    if (!glst_egl_setup_version(&e, W, H, 3)) {
        fprintf(stderr, "glst_es31_draw: no ES 3 context\n");
        return 1;
    }
    const char *version = (const char *)glGetString(GL_VERSION);
    int major = 0, minor = 0;
    if (!version || sscanf(version, "OpenGL ES %d.%d", &major, &minor) != 2 || major * 10 + minor < 31) {
        printf("glst_es31_draw: skipped, the context is %s\n", version ? version : "(none)");
        glst_egl_teardown(&e);
        glst_observe_close();
        return glst_finish();
    }
    GLuint program = glst_program(vs, fs);
    state_and_errors();
    binding_draws(program);
    indirect_draws(program);
    glDeleteProgram(program);
    glst_egl_teardown(&e);
    glst_observe_close();
    return glst_finish();
}
