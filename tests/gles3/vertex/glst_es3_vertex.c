/* OpenGL ES 3.0 vertex group (docs/es3.md), compared natively and through
 * glstream: vertex arrays in core, integer attributes (buffers and client
 * arrays), divisors and instanced draws, glDrawRangeElements, primitive
 * restart, rasterizer discard, ES 3.0 uniforms, glGetFragDataLocation,
 * the ES 3.0 program pnames and program binaries. Every value, error and
 * pixel is written with glst_note and must be the same both ways. */
#include <stdio.h>
#include <string.h>

#include <GLES3/gl3.h>

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

static GLint note_attrib(GLuint index, GLenum pname)
{
    GLint v = -7;
    glGetVertexAttribiv(index, pname, &v);
    glst_note("glGetVertexAttribiv %u 0x%x = %d", index, pname, v);
    return v;
}

static GLint note_program(GLuint program, GLenum pname)
{
    GLint v = -7;
    glGetProgramiv(program, pname, &v);
    glst_note("glGetProgramiv 0x%x = %d", pname, v);
    return v;
}

static void clear(void)
{
    glClearColor(0, 0, 0, 0);
    glClear(GL_COLOR_BUFFER_BIT);
}

/* a full-viewport strip of 4 vertices */
static const GLfloat quad[] = {-1, -1, 1, -1, -1, 1, 1, 1};

/* ---- shaders ---- */

static const char *int_vs =
    "#version 300 es\n"
    "layout(location = 0) in vec2 pos;\n"
    "layout(location = 1) in ivec4 ia;\n"
    "layout(location = 2) in uvec4 ua;\n"
    "flat out ivec4 vi;\n"
    "flat out uvec4 vu;\n"
    "void main() { vi = ia; vu = ua; gl_Position = vec4(pos, 0.0, 1.0); }\n";
static const char *int_fs =
    "#version 300 es\n"
    "precision highp float;\n"
    "precision highp int;\n"
    "flat in ivec4 vi;\n"
    "flat in uvec4 vu;\n"
    "layout(location = 0) out vec4 color;\n"
    "void main() { color = vec4(vec3(vi.xyz) / 255.0, float(vu.x + vu.y + vu.z + vu.w) / 255.0); }\n";

/* instance i: the strip moved right by offset (divisor 1), coloured by col (divisor 2) */
static const char *inst_vs =
    "#version 300 es\n"
    "layout(location = 0) in vec2 pos;\n"
    "layout(location = 1) in float offset;\n"
    "layout(location = 2) in uvec4 col;\n"
    "flat out uvec4 vc;\n"
    "void main() { vc = col; gl_Position = vec4(pos.x * 0.25 - 0.75 + offset, pos.y, 0.0, 1.0); }\n";
static const char *inst_fs =
    "#version 300 es\n"
    "precision highp float;\n"
    "flat in highp uvec4 vc;\n"
    "layout(location = 0) out vec4 color;\n"
    "void main() { color = vec4(vc) / 255.0; }\n";

/* float attributes of the ES 3.0 types */
static const char *float_vs =
    "#version 300 es\n"
    "layout(location = 0) in vec2 pos;\n"
    "layout(location = 1) in vec4 c;\n"
    "out vec4 vc;\n"
    "void main() { vc = c; gl_Position = vec4(pos, 0.0, 1.0); }\n";
static const char *float_fs =
    "#version 300 es\n"
    "precision mediump float;\n"
    "in vec4 vc;\n"
    "layout(location = 0) out vec4 color;\n"
    "void main() { color = vc; }\n";

static const char *uniform_vs =
    "#version 300 es\n"
    "uniform mat2x3 m23;\n"
    "uniform mat3x2 m32;\n"
    "uniform mat2x4 m24;\n"
    "uniform mat4x2 m42;\n"
    "uniform mat3x4 m34;\n"
    "uniform mat4x3 m43;\n"
    "layout(location = 0) in vec2 pos;\n"
    "out vec4 v;\n"
    "void main() {\n"
    "  v = vec4(m23[1], 0.0) + vec4(m32[2], 0.0, 0.0) + m24[0] + vec4(m42[3], 0.0, 0.0) + m34[2] + vec4(m43[1], 0.0);\n"
    "  gl_Position = vec4(pos, 0.0, 1.0);\n"
    "}\n";
static const char *uniform_fs =
    "#version 300 es\n"
    "precision highp float;\n"
    "uniform uint u1;\n"
    "uniform uvec2 u2;\n"
    "uniform uvec3 u3;\n"
    "uniform uvec4 u4;\n"
    "uniform uint ua[3];\n"
    "in vec4 v;\n"
    "layout(location = 0) out vec4 color;\n"
    "layout(location = 1) out vec4 other;\n"
    "void main() {\n"
    "  color = vec4(float(u1 + u2.y + u3.z + u4.w + ua[2]) / 255.0, fract(v.x), fract(v.y + v.z + v.w), 1.0);\n"
    "  other = color;\n"
    "}\n";

/* ---- vertex arrays ---- */

static void vertex_arrays(void)
{
    GLuint vao[2] = {0, 0}, buf[2] = {0, 0};
    glGenVertexArrays(2, vao);
    glst_note("glIsVertexArray before bind = %d", glIsVertexArray(vao[0]));
    glBindVertexArray(vao[0]);
    GLST_ERR("glBindVertexArray", GL_NO_ERROR);
    glst_note("glIsVertexArray after bind = %d", glIsVertexArray(vao[0]));
    glst_note("glIsVertexArray of 0 = %d", glIsVertexArray(0));
    glst_get_int(GL_VERTEX_ARRAY_BINDING);
    glBindVertexArray(4321); /* never generated: no object (ES 3.0 2.10) */
    GLST_ERR("glBindVertexArray of an unused name", GL_INVALID_OPERATION);
    glst_get_int(GL_VERTEX_ARRAY_BINDING);

    glGenBuffers(2, buf);
    glBindBuffer(GL_ARRAY_BUFFER, buf[0]);
    glBufferData(GL_ARRAY_BUFFER, sizeof(quad), quad, GL_STATIC_DRAW);
    glBindBuffer(GL_ELEMENT_ARRAY_BUFFER, buf[1]);
    glVertexAttribPointer(0, 2, GL_FLOAT, GL_FALSE, 8, (const void *)0);
    glEnableVertexAttribArray(0);
    glVertexAttribDivisor(3, 5);
    /* client arrays only in vertex array 0 */
    glBindBuffer(GL_ARRAY_BUFFER, 0);
    glVertexAttribPointer(1, 2, GL_FLOAT, GL_FALSE, 0, quad);
    GLST_ERR("glVertexAttribPointer of client memory in a vertex array", GL_INVALID_OPERATION);
    glVertexAttribIPointer(1, 2, GL_INT, 0, quad);
    GLST_ERR("glVertexAttribIPointer of client memory in a vertex array", GL_INVALID_OPERATION);
    glVertexAttribPointer(1, 3, GL_FLOAT, GL_FALSE, 0, NULL);
    GLST_ERR("glVertexAttribPointer of no buffer, NULL, in a vertex array", GL_NO_ERROR);
    note_attrib(1, GL_VERTEX_ATTRIB_ARRAY_SIZE);
    note_attrib(0, GL_VERTEX_ATTRIB_ARRAY_ENABLED);
    note_attrib(0, GL_VERTEX_ATTRIB_ARRAY_BUFFER_BINDING);
    note_attrib(3, GL_VERTEX_ATTRIB_ARRAY_DIVISOR);
    glst_get_int(GL_ELEMENT_ARRAY_BUFFER_BINDING);

    glBindVertexArray(vao[1]);
    note_attrib(0, GL_VERTEX_ATTRIB_ARRAY_ENABLED);
    note_attrib(0, GL_VERTEX_ATTRIB_ARRAY_BUFFER_BINDING);
    note_attrib(3, GL_VERTEX_ATTRIB_ARRAY_DIVISOR);
    glst_get_int(GL_ELEMENT_ARRAY_BUFFER_BINDING);
    glBindVertexArray(0);
    note_attrib(0, GL_VERTEX_ATTRIB_ARRAY_ENABLED);
    glBindVertexArray(vao[0]);
    note_attrib(3, GL_VERTEX_ATTRIB_ARRAY_DIVISOR);
    glDeleteVertexArrays(1, &vao[0]);
    glst_get_int(GL_VERTEX_ARRAY_BINDING);
    glst_note("glIsVertexArray after delete = %d", glIsVertexArray(vao[0]));
    glGenVertexArrays(-1, vao);
    GLST_ERR("glGenVertexArrays(-1)", GL_INVALID_VALUE);
    glDeleteVertexArrays(-1, vao);
    GLST_ERR("glDeleteVertexArrays(-1)", GL_INVALID_VALUE);
    glDeleteVertexArrays(1, &vao[1]);
    glDeleteBuffers(2, buf);
    glBindVertexArray(0);
    GLST_ERR("vertex arrays", GL_NO_ERROR);
}

/* ---- integer attributes ---- */

static void integer_attributes(void)
{
    GLuint prog = glst_program(int_vs, int_fs);
    glUseProgram(prog);
    glViewport(0, 0, W, H);
    clear();
    /* current values */
    glDisableVertexAttribArray(1);
    glDisableVertexAttribArray(2);
    glVertexAttribI4i(1, 200, 100, -5, 7);
    glVertexAttribI4ui(2, 10, 20, 30, 40);
    GLint iv[4] = {0};
    GLuint uv[4] = {0};
    glGetVertexAttribIiv(1, GL_CURRENT_VERTEX_ATTRIB, iv);
    glst_note("glGetVertexAttribIiv current = %d %d %d %d", iv[0], iv[1], iv[2], iv[3]);
    glGetVertexAttribIuiv(2, GL_CURRENT_VERTEX_ATTRIB, uv);
    glst_note("glGetVertexAttribIuiv current = %u %u %u %u", uv[0], uv[1], uv[2], uv[3]);
    GLST_CHECK_INT(iv[2], -5);
    GLST_CHECK_INT(uv[3], 40);
    glVertexAttribPointer(0, 2, GL_FLOAT, GL_FALSE, 0, quad);
    glEnableVertexAttribArray(0);
    glDrawArrays(GL_TRIANGLE_STRIP, 0, 4);
    note_pixel("current integer values", 16, 16);
    const GLint iv2[4] = {1, 2, 3, 4};
    const GLuint uv2[4] = {5, 6, 7, 8};
    glVertexAttribI4iv(1, iv2);
    glVertexAttribI4uiv(2, uv2);
    glDrawArrays(GL_TRIANGLE_STRIP, 0, 4);
    note_pixel("current integer values (v)", 16, 16);
    glVertexAttribI4i(99, 0, 0, 0, 0);
    GLST_ERR("glVertexAttribI4i bad index", GL_INVALID_VALUE);

    /* from client arrays: each vertex its own value, flat from the last */
    static const GLint ints[4][4] = {{1, 1, 1, 1}, {2, 2, 2, 2}, {3, 3, 3, 3}, {250, 60, 7, 0}};
    static const GLushort ushorts[4][4] = {{0, 0, 0, 0}, {1, 1, 1, 1}, {2, 2, 2, 2}, {100, 50, 25, 5}};
    glVertexAttribIPointer(1, 4, GL_INT, 0, ints);
    glVertexAttribIPointer(2, 4, GL_UNSIGNED_SHORT, 0, ushorts);
    glEnableVertexAttribArray(1);
    glEnableVertexAttribArray(2);
    clear();
    glDrawArrays(GL_TRIANGLE_STRIP, 0, 4);
    note_pixel("integer client arrays", 24, 24);
    note_pixel("integer client arrays", 4, 4);
    note_attrib(1, GL_VERTEX_ATTRIB_ARRAY_INTEGER);
    note_attrib(1, GL_VERTEX_ATTRIB_ARRAY_TYPE);
    note_attrib(2, GL_VERTEX_ATTRIB_ARRAY_SIZE);
    GLint integer = -1;
    glGetVertexAttribIiv(2, GL_VERTEX_ATTRIB_ARRAY_INTEGER, &integer);
    glst_note("glGetVertexAttribIiv integer = %d", integer);
    GLST_CHECK_INT(integer, 1);
    /* glDrawElements with client arrays: indices 1..3 */
    static const GLubyte idx[] = {1, 2, 3};
    clear();
    glDrawElements(GL_TRIANGLES, 3, GL_UNSIGNED_BYTE, idx);
    note_pixel("integer client arrays, elements", 30, 30);

    /* from a buffer */
    GLuint buf = 0;
    glGenBuffers(1, &buf);
    glBindBuffer(GL_ARRAY_BUFFER, buf);
    glBufferData(GL_ARRAY_BUFFER, sizeof(ints), ints, GL_STATIC_DRAW);
    glVertexAttribIPointer(1, 3, GL_INT, 16, (const void *)4);
    GLST_ERR("glVertexAttribIPointer from a buffer", GL_NO_ERROR);
    clear();
    glDrawArrays(GL_TRIANGLE_STRIP, 0, 4);
    note_pixel("integer buffer", 16, 16);
    note_attrib(1, GL_VERTEX_ATTRIB_ARRAY_BUFFER_BINDING);
    void *pointer = NULL;
    glGetVertexAttribPointerv(1, GL_VERTEX_ATTRIB_ARRAY_POINTER, &pointer);
    glst_note("attribute 1 pointer = %lu", (unsigned long)(uintptr_t)pointer);
    /* a float pointer makes it a float attribute again */
    glVertexAttribPointer(1, 4, GL_FLOAT, GL_FALSE, 0, (const void *)0);
    note_attrib(1, GL_VERTEX_ATTRIB_ARRAY_INTEGER);
    glBindBuffer(GL_ARRAY_BUFFER, 0);

    /* errors */
    glVertexAttribIPointer(1, 4, GL_FLOAT, 0, ints);
    GLST_ERR("glVertexAttribIPointer GL_FLOAT", GL_INVALID_ENUM);
    glVertexAttribIPointer(1, 5, GL_INT, 0, ints);
    GLST_ERR("glVertexAttribIPointer size 5", GL_INVALID_VALUE);
    glVertexAttribIPointer(1, 4, GL_INT, -4, ints);
    GLST_ERR("glVertexAttribIPointer stride -4", GL_INVALID_VALUE);
    glVertexAttribIPointer(77, 4, GL_INT, 0, ints);
    GLST_ERR("glVertexAttribIPointer index 77", GL_INVALID_VALUE);
    glVertexAttribPointer(1, 3, GL_INT_2_10_10_10_REV, GL_TRUE, 0, ints);
    GLST_ERR("glVertexAttribPointer packed size 3", GL_INVALID_OPERATION);
    GLint value = -7;
    glGetVertexAttribIiv(99, GL_VERTEX_ATTRIB_ARRAY_INTEGER, &value);
    GLST_ERR("glGetVertexAttribIiv index 99", GL_INVALID_VALUE);
    glGetVertexAttribIuiv(0, GL_VERTEX_ATTRIB_ARRAY_POINTER, (GLuint *)&value);
    GLST_ERR("glGetVertexAttribIuiv pointer pname", GL_INVALID_ENUM);
    glst_note("untouched = %d", value);
    glDisableVertexAttribArray(1);
    glDisableVertexAttribArray(2);
    glDeleteBuffers(1, &buf);
    glDeleteProgram(prog);
    GLST_ERR("integer attributes", GL_NO_ERROR);
}

/* float attributes of the ES 3.0 types, client arrays and buffers */
static void attribute_types(void)
{
    GLuint prog = glst_program(float_vs, float_fs);
    glUseProgram(prog);
    glVertexAttribPointer(0, 2, GL_FLOAT, GL_FALSE, 0, quad);
    glEnableVertexAttribArray(0);
    glEnableVertexAttribArray(1);
    static const GLuint packed[4] = {0x3ff | (0x1ff << 10) | (0x0ff << 20) | (3u << 30),
                                     0x3ff | (0x1ff << 10) | (0x0ff << 20) | (3u << 30),
                                     0x3ff | (0x1ff << 10) | (0x0ff << 20) | (3u << 30),
                                     0x200 | (0x100 << 10) | (0x080 << 20) | (1u << 30)};
    static const GLint ints[4][4] = {{0, 1, 0, 1}, {0, 1, 0, 1}, {0, 1, 0, 1}, {1, 0, 1, 1}};
    static const GLuint uints[4][4] = {{0, 1, 0, 1}, {0, 1, 0, 1}, {0, 1, 0, 1}, {4000000000u, 0, 1, 1}};
    static const GLushort halves[4][4] = {{0x3800, 0x3400, 0x3c00, 0x3c00}, {0x3800, 0x3400, 0x3c00, 0x3c00},
                                          {0x3800, 0x3400, 0x3c00, 0x3c00}, {0x3400, 0x3800, 0x3000, 0x3c00}};
    struct {
        const char *name;
        GLint size;
        GLenum type;
        GLboolean normalized;
        const void *data;
        size_t bytes;
    } cases[] = {
        {"INT_2_10_10_10_REV", 4, GL_INT_2_10_10_10_REV, GL_TRUE, packed, sizeof(packed)},
        {"UNSIGNED_INT_2_10_10_10_REV", 4, GL_UNSIGNED_INT_2_10_10_10_REV, GL_TRUE, packed, sizeof(packed)},
        {"INT", 4, GL_INT, GL_FALSE, ints, sizeof(ints)},
        {"UNSIGNED_INT normalized", 4, GL_UNSIGNED_INT, GL_TRUE, uints, sizeof(uints)},
        {"HALF_FLOAT", 4, GL_HALF_FLOAT, GL_FALSE, halves, sizeof(halves)},
    };
    GLuint buf = 0;
    glGenBuffers(1, &buf);
    for (size_t i = 0; i < sizeof(cases) / sizeof(*cases); i++) {
        char what[96];
        for (int from_buffer = 0; from_buffer < 2; from_buffer++) {
            snprintf(what, sizeof(what), "%s from %s", cases[i].name, from_buffer ? "a buffer" : "client memory");
            if (from_buffer) {
                glBindBuffer(GL_ARRAY_BUFFER, buf);
                glBufferData(GL_ARRAY_BUFFER, (GLsizeiptr)cases[i].bytes, cases[i].data, GL_STATIC_DRAW);
            }
            glVertexAttribPointer(1, cases[i].size, cases[i].type, cases[i].normalized, 0,
                                  from_buffer ? NULL : cases[i].data);
            GLST_ERR(what, GL_NO_ERROR);
            glBindBuffer(GL_ARRAY_BUFFER, 0);
            clear();
            glDrawArrays(GL_TRIANGLE_STRIP, 0, 4);
            note_pixel(what, 28, 28);
            note_pixel(what, 2, 2);
        }
    }
    glDisableVertexAttribArray(1);
    glDeleteBuffers(1, &buf);
    glDeleteProgram(prog);
    GLST_ERR("attribute types", GL_NO_ERROR);
}

/* ---- instancing ---- */

static void instancing(void)
{
    GLuint prog = glst_program(inst_vs, inst_fs);
    glUseProgram(prog);
    static const GLfloat offsets[4] = {0.0f, 0.5f, 1.0f, 1.5f};
    static const GLuint colors[2][4] = {{255, 0, 0, 255}, {0, 0, 255, 255}};
    static const GLushort strip[4] = {0, 1, 2, 3};
    glVertexAttribPointer(0, 2, GL_FLOAT, GL_FALSE, 0, quad);
    glEnableVertexAttribArray(0);
    glEnableVertexAttribArray(1);
    glEnableVertexAttribArray(2);
    glVertexAttribDivisor(1, 1);
    glVertexAttribDivisor(2, 2);
    note_attrib(2, GL_VERTEX_ATTRIB_ARRAY_DIVISOR);
    GLuint divisor = 0;
    glGetVertexAttribIuiv(1, GL_VERTEX_ATTRIB_ARRAY_DIVISOR, &divisor);
    glst_note("glGetVertexAttribIuiv divisor = %u", divisor);
    for (int from_buffer = 0; from_buffer < 2; from_buffer++) {
        GLuint bufs[2] = {0, 0};
        const char *from = from_buffer ? "buffers" : "client arrays";
        if (from_buffer) {
            glGenBuffers(2, bufs);
            glBindBuffer(GL_ARRAY_BUFFER, bufs[0]);
            glBufferData(GL_ARRAY_BUFFER, sizeof(offsets), offsets, GL_STATIC_DRAW);
            glVertexAttribPointer(1, 1, GL_FLOAT, GL_FALSE, 0, NULL);
            glBindBuffer(GL_ARRAY_BUFFER, bufs[1]);
            glBufferData(GL_ARRAY_BUFFER, sizeof(colors), colors, GL_STATIC_DRAW);
            glVertexAttribIPointer(2, 4, GL_UNSIGNED_INT, 0, NULL);
            glBindBuffer(GL_ARRAY_BUFFER, 0);
        } else {
            glVertexAttribPointer(1, 1, GL_FLOAT, GL_FALSE, 0, offsets);
            glVertexAttribIPointer(2, 4, GL_UNSIGNED_INT, 0, colors);
        }
        /* at most 4 instances: the 4 offsets (a 5th would read past them) */
        for (int instances = 0; instances <= 4; instances += instances == 0 ? 1 : instances == 1 ? 2 : 1) {
            char what[96];
            snprintf(what, sizeof(what), "glDrawArraysInstanced %d from %s", instances, from);
            clear();
            glDrawArraysInstanced(GL_TRIANGLE_STRIP, 0, 4, instances);
            GLST_ERR(what, GL_NO_ERROR);
            for (int i = 0; i < 4; i++)
                note_pixel(what, 4 + 8 * i, 16);
            snprintf(what, sizeof(what), "glDrawElementsInstanced %d from %s", instances, from);
            clear();
            glDrawElementsInstanced(GL_TRIANGLE_STRIP, 4, GL_UNSIGNED_SHORT, strip, instances);
            GLST_ERR(what, GL_NO_ERROR);
            for (int i = 0; i < 4; i++)
                note_pixel(what, 4 + 8 * i, 16);
        }
        /* a draw that is not instanced is instance 0 */
        clear();
        glDrawArrays(GL_TRIANGLE_STRIP, 0, 4);
        note_pixel("glDrawArrays with divisors", 4, 16);
        note_pixel("glDrawArrays with divisors", 12, 16);
        /* the EXT entry point honours divisors the same way */
        if (glst_has_gl_ext("GL_EXT_draw_instanced")) {
            PFNGLDRAWARRAYSINSTANCEDEXTPROC ext =
                (PFNGLDRAWARRAYSINSTANCEDEXTPROC)eglGetProcAddress("glDrawArraysInstancedEXT");
            clear();
            ext(GL_TRIANGLE_STRIP, 0, 4, 3);
            for (int i = 0; i < 4; i++)
                note_pixel("glDrawArraysInstancedEXT 3", 4 + 8 * i, 16);
        }
        if (from_buffer)
            glDeleteBuffers(2, bufs);
    }
    glDrawArraysInstanced(GL_TRIANGLE_STRIP, 0, 4, -1);
    GLST_ERR("glDrawArraysInstanced -1 instances", GL_INVALID_VALUE);
    glDrawElementsInstanced(GL_TRIANGLE_STRIP, 4, GL_UNSIGNED_SHORT, strip, -1);
    GLST_ERR("glDrawElementsInstanced -1 instances", GL_INVALID_VALUE);
    glDrawElementsInstanced(GL_TRIANGLE_STRIP, 4, GL_FLOAT, strip, 1);
    GLST_ERR("glDrawElementsInstanced GL_FLOAT indices", GL_INVALID_ENUM);
    glDrawArraysInstanced(0x77, 0, 4, 1);
    GLST_ERR("glDrawArraysInstanced bad mode", GL_INVALID_ENUM);
    glVertexAttribDivisor(99, 1);
    GLST_ERR("glVertexAttribDivisor index 99", GL_INVALID_VALUE);
    glVertexAttribDivisor(1, 0);
    glVertexAttribDivisor(2, 0);
    glDisableVertexAttribArray(1);
    glDisableVertexAttribArray(2);
    glDeleteProgram(prog);
    GLST_ERR("instancing", GL_NO_ERROR);
}

/* ---- glDrawRangeElements, primitive restart, rasterizer discard ---- */

static void range_and_restart(void)
{
    GLuint prog = glst_program(float_vs, float_fs);
    glUseProgram(prog);
    /* 8 vertices: two strips side by side; colours per vertex */
    static const GLfloat pos[8][2] = {{-1, -1}, {0, -1}, {-1, 1}, {0, 1}, {0, -1}, {1, -1}, {0, 1}, {1, 1}};
    static const GLubyte col[8][4] = {{255, 0, 0, 255}, {255, 0, 0, 255}, {255, 0, 0, 255}, {255, 0, 0, 255},
                                      {0, 255, 0, 255}, {0, 255, 0, 255}, {0, 255, 0, 255}, {0, 255, 0, 255}};
    static const GLushort strips16[9] = {0, 1, 2, 3, 0xffff, 4, 5, 6, 7};
    static const GLubyte strips8[9] = {0, 1, 2, 3, 0xff, 4, 5, 6, 7};
    static const GLuint strips32[9] = {0, 1, 2, 3, 0xffffffffu, 4, 5, 6, 7};
    static const GLushort right[4] = {4, 5, 6, 7};
    glEnableVertexAttribArray(0);
    glEnableVertexAttribArray(1);
    GLuint bufs[3] = {0, 0, 0};
    glGenBuffers(3, bufs);
    for (int from_buffer = 0; from_buffer < 2; from_buffer++) {
        const char *from = from_buffer ? "buffers" : "client arrays";
        char what[128];
        if (from_buffer) {
            glBindBuffer(GL_ARRAY_BUFFER, bufs[0]);
            glBufferData(GL_ARRAY_BUFFER, sizeof(pos), pos, GL_STATIC_DRAW);
            glVertexAttribPointer(0, 2, GL_FLOAT, GL_FALSE, 0, NULL);
            glBindBuffer(GL_ARRAY_BUFFER, bufs[1]);
            glBufferData(GL_ARRAY_BUFFER, sizeof(col), col, GL_STATIC_DRAW);
            glVertexAttribPointer(1, 4, GL_UNSIGNED_BYTE, GL_TRUE, 0, NULL);
            glBindBuffer(GL_ARRAY_BUFFER, 0);
        } else {
            glVertexAttribPointer(0, 2, GL_FLOAT, GL_FALSE, 0, pos);
            glVertexAttribPointer(1, 4, GL_UNSIGNED_BYTE, GL_TRUE, 0, col);
        }
        /* glDrawRangeElements: exact range, a wider one, an inverted one */
        snprintf(what, sizeof(what), "glDrawRangeElements 4..7 from %s", from);
        clear();
        glDrawRangeElements(GL_TRIANGLE_STRIP, 4, 7, 4, GL_UNSIGNED_SHORT, right);
        GLST_ERR(what, GL_NO_ERROR);
        note_pixel(what, 8, 16);
        note_pixel(what, 24, 16);
        snprintf(what, sizeof(what), "glDrawRangeElements 0..100 from %s", from);
        clear();
        glDrawRangeElements(GL_TRIANGLE_STRIP, 0, 100, 4, GL_UNSIGNED_SHORT, right);
        GLST_ERR(what, GL_NO_ERROR);
        note_pixel(what, 24, 16);
        /* indices outside start..end: allowed, results up to the
         * implementation; from buffers glstream passes the range on */
        if (from_buffer) {
            snprintf(what, sizeof(what), "glDrawRangeElements 4..5 of 4..7 from %s", from);
            clear();
            glDrawRangeElements(GL_TRIANGLE_STRIP, 4, 5, 4, GL_UNSIGNED_SHORT, right);
            GLST_ERR(what, GL_NO_ERROR);
            note_pixel(what, 24, 16);
            note_pixel(what, 30, 30);
        }
        glDrawRangeElements(GL_TRIANGLE_STRIP, 7, 4, 4, GL_UNSIGNED_SHORT, right);
        GLST_ERR("glDrawRangeElements end < start", GL_INVALID_VALUE);
        glDrawRangeElements(GL_TRIANGLE_STRIP, 4, 7, -1, GL_UNSIGNED_SHORT, right);
        GLST_ERR("glDrawRangeElements count -1", GL_INVALID_VALUE);
        glDrawRangeElements(GL_TRIANGLE_STRIP, 4, 7, 4, GL_FLOAT, right);
        GLST_ERR("glDrawRangeElements GL_FLOAT", GL_INVALID_ENUM);
        glDrawRangeElements(0x55, 4, 7, 4, GL_UNSIGNED_SHORT, right);
        GLST_ERR("glDrawRangeElements bad mode", GL_INVALID_ENUM);

        /* primitive restart, indices inline and from a buffer, each type */
        glEnable(GL_PRIMITIVE_RESTART_FIXED_INDEX);
        glst_note("glIsEnabled restart = %d", glIsEnabled(GL_PRIMITIVE_RESTART_FIXED_INDEX));
        GLboolean b = GL_FALSE;
        glGetBooleanv(GL_PRIMITIVE_RESTART_FIXED_INDEX, &b);
        glst_note("glGetBooleanv restart = %d", b);
        struct { GLenum type; const void *indices; size_t bytes; } types[] = {
            {GL_UNSIGNED_BYTE, strips8, sizeof(strips8)},
            {GL_UNSIGNED_SHORT, strips16, sizeof(strips16)},
            {GL_UNSIGNED_INT, strips32, sizeof(strips32)},
        };
        for (size_t t = 0; t < 3; t++) {
            for (int buffered_indices = 0; buffered_indices < 2; buffered_indices++) {
                const void *indices = types[t].indices;
                if (buffered_indices) {
                    glBindBuffer(GL_ELEMENT_ARRAY_BUFFER, bufs[2]);
                    glBufferData(GL_ELEMENT_ARRAY_BUFFER, (GLsizeiptr)types[t].bytes, indices, GL_STATIC_DRAW);
                    indices = NULL;
                }
                snprintf(what, sizeof(what), "restart type 0x%x %s indices, %s", types[t].type,
                         buffered_indices ? "buffer" : "inline", from);
                clear();
                glDrawElements(GL_TRIANGLE_STRIP, 9, types[t].type, indices);
                GLST_ERR(what, GL_NO_ERROR);
                note_pixel(what, 8, 16);
                note_pixel(what, 24, 16);
                clear();
                glDrawRangeElements(GL_TRIANGLE_STRIP, 0, 7, 9, types[t].type, indices);
                GLST_ERR(what, GL_NO_ERROR);
                note_pixel(what, 8, 16);
                note_pixel(what, 24, 16);
                clear();
                glDrawElementsInstanced(GL_TRIANGLE_STRIP, 9, types[t].type, indices, 2);
                GLST_ERR(what, GL_NO_ERROR);
                note_pixel(what, 24, 16);
                /* only restart indices: nothing drawn */
                clear();
                glDrawElements(GL_TRIANGLE_STRIP, 1, types[t].type,
                               buffered_indices ? (const void *)(uintptr_t)(types[t].bytes / 9 * 4) :
                                                  (const uint8_t *)types[t].indices + types[t].bytes / 9 * 4);
                GLST_ERR(what, GL_NO_ERROR);
                note_pixel(what, 8, 16);
                glBindBuffer(GL_ELEMENT_ARRAY_BUFFER, 0);
            }
        }
        glDisable(GL_PRIMITIVE_RESTART_FIXED_INDEX);
        glst_note("glIsEnabled restart = %d", glIsEnabled(GL_PRIMITIVE_RESTART_FIXED_INDEX));
        if (from_buffer) {
            /* without restart, 0xff is an index: past the vertices, which
             * ES leaves undefined; a byte index of 0xff into 8 vertices
             * keeps it within what both sides can answer: the error only */
            glBindBuffer(GL_ELEMENT_ARRAY_BUFFER, bufs[2]);
            glBufferData(GL_ELEMENT_ARRAY_BUFFER, sizeof(strips8), strips8, GL_STATIC_DRAW);
            glBindBuffer(GL_ELEMENT_ARRAY_BUFFER, 0);
        }

        /* rasterizer discard: nothing reaches the framebuffer, clears neither */
        clear();
        glEnable(GL_RASTERIZER_DISCARD);
        glst_note("glIsEnabled discard = %d", glIsEnabled(GL_RASTERIZER_DISCARD));
        glDrawRangeElements(GL_TRIANGLE_STRIP, 4, 7, 4, GL_UNSIGNED_SHORT, right);
        glClearColor(1, 1, 1, 1);
        glClear(GL_COLOR_BUFFER_BIT);
        glDisable(GL_RASTERIZER_DISCARD);
        snprintf(what, sizeof(what), "rasterizer discard, %s", from);
        GLST_ERR(what, GL_NO_ERROR);
        note_pixel(what, 24, 16);
    }
    glDisableVertexAttribArray(1);
    glDeleteBuffers(3, bufs);
    glDeleteProgram(prog);
    GLST_ERR("range and restart", GL_NO_ERROR);
}

/* ---- uniforms, fragment data locations, program pnames ---- */

static void uniforms(void)
{
    GLuint prog = glst_program(uniform_vs, uniform_fs);
    glUseProgram(prog);
    GLint u1 = glGetUniformLocation(prog, "u1"), u2 = glGetUniformLocation(prog, "u2");
    GLint u3 = glGetUniformLocation(prog, "u3"), u4 = glGetUniformLocation(prog, "u4");
    GLint ua = glGetUniformLocation(prog, "ua[1]");
    glUniform1ui(u1, 10);
    glUniform2ui(u2, 1, 20);
    glUniform3ui(u3, 1, 2, 30);
    glUniform4ui(u4, 1, 2, 3, 40);
    const GLuint arr[2] = {7, 50};
    glUniform1uiv(ua, 2, arr);
    GLST_ERR("glUniform*ui", GL_NO_ERROR);
    GLuint got[4] = {0};
    glGetUniformuiv(prog, u4, got);
    glst_note("glGetUniformuiv u4 = %u %u %u %u", got[0], got[1], got[2], got[3]);
    GLST_CHECK_INT(got[3], 40);
    glGetUniformuiv(prog, glGetUniformLocation(prog, "ua[2]"), got);
    glst_note("glGetUniformuiv ua[2] = %u", got[0]);
    GLint gi[4] = {0};
    glGetUniformiv(prog, u3, gi);
    glst_note("glGetUniformiv u3 = %d %d %d", gi[0], gi[1], gi[2]);
    const GLuint v2[2] = {3, 4}, v3[3] = {5, 6, 7}, v4[4] = {8, 9, 10, 11};
    glUniform2uiv(u2, 1, v2);
    glUniform3uiv(u3, 1, v3);
    glUniform4uiv(u4, 1, v4);
    glGetUniformuiv(prog, u2, got);
    glst_note("glGetUniformuiv u2 = %u %u", got[0], got[1]);
    glGetUniformuiv(prog, u3, got);
    glst_note("glGetUniformuiv u3 = %u %u %u", got[0], got[1], got[2]);
    glGetUniformuiv(prog, u4, got);
    glst_note("glGetUniformuiv u4 = %u %u %u %u", got[0], got[1], got[2], got[3]);
    glUniform1f(u1, 1.0f);
    GLST_ERR("glUniform1f on a uint", GL_INVALID_OPERATION);
    glUniform1ui(u2, 1);
    GLST_ERR("glUniform1ui on a uvec2", GL_INVALID_OPERATION);
    glUniform1uiv(u1, -1, arr);
    GLST_ERR("glUniform1uiv count -1", GL_INVALID_VALUE);
    glGetUniformuiv(prog, 9999, got);
    GLST_ERR("glGetUniformuiv bad location", GL_INVALID_OPERATION);

    /* non-square matrices, transposed too (ES 3.0) */
    GLfloat m[16];
    for (int i = 0; i < 16; i++)
        m[i] = (GLfloat)(i + 1) * 0.5f;
    struct { const char *name; int n; void (*set)(GLint, GLsizei, GLboolean, const GLfloat *); } mats[] = {
        {"m23", 6, glUniformMatrix2x3fv}, {"m32", 6, glUniformMatrix3x2fv},
        {"m24", 8, glUniformMatrix2x4fv}, {"m42", 8, glUniformMatrix4x2fv},
        {"m34", 12, glUniformMatrix3x4fv}, {"m43", 12, glUniformMatrix4x3fv},
    };
    for (size_t i = 0; i < sizeof(mats) / sizeof(*mats); i++) {
        GLint loc = glGetUniformLocation(prog, mats[i].name);
        for (int transpose = 0; transpose < 2; transpose++) {
            GLfloat out[16];
            for (int k = 0; k < 16; k++)
                out[k] = -1.0f;
            mats[i].set(loc, 1, transpose ? GL_TRUE : GL_FALSE, m);
            GLST_ERR(mats[i].name, GL_NO_ERROR);
            glGetUniformfv(prog, loc, out);
            char line[256];
            int len = snprintf(line, sizeof(line), "%s transpose %d =", mats[i].name, transpose);
            for (int k = 0; k < 16 && len < (int)sizeof(line) - 8; k++)
                len += snprintf(line + len, sizeof(line) - (size_t)len, " %g", out[k]);
            glst_note("%s", line);
        }
        mats[i].set(loc, -1, GL_FALSE, m);
        GLST_ERR("glUniformMatrix*x*fv count -1", GL_INVALID_VALUE);
    }
    glUniformMatrix2x3fv(u1, 1, GL_FALSE, m);
    GLST_ERR("glUniformMatrix2x3fv on a uint", GL_INVALID_OPERATION);
    glVertexAttribPointer(0, 2, GL_FLOAT, GL_FALSE, 0, quad);
    glEnableVertexAttribArray(0);
    clear();
    glDrawArrays(GL_TRIANGLE_STRIP, 0, 4);
    note_pixel("uint uniforms", 16, 16);

    /* active uniforms of ES 3.0 types */
    GLint active = note_program(prog, GL_ACTIVE_UNIFORMS);
    for (GLint i = 0; i < active; i++) {
        char name[64] = "";
        GLsizei length = 0;
        GLint size = 0;
        GLenum type = 0;
        glGetActiveUniform(prog, (GLuint)i, sizeof(name), &length, &size, &type, name);
        glst_note("active uniform %d: %s size %d type 0x%x", i, name, size, type);
    }
    glst_note("glGetFragDataLocation color = %d", glGetFragDataLocation(prog, "color"));
    glst_note("glGetFragDataLocation other = %d", glGetFragDataLocation(prog, "other"));
    glst_note("glGetFragDataLocation none = %d", glGetFragDataLocation(prog, "none"));
    glst_note("glGetFragDataLocation gl_FragColor = %d", glGetFragDataLocation(prog, "gl_FragColor"));
    glGetFragDataLocation(12345, "color");
    GLST_ERR("glGetFragDataLocation of no program", GL_INVALID_VALUE);

    /* the ES 3.0 program pnames */
    note_program(prog, GL_ACTIVE_UNIFORM_BLOCKS);
    note_program(prog, GL_ACTIVE_UNIFORM_BLOCK_MAX_NAME_LENGTH);
    note_program(prog, GL_TRANSFORM_FEEDBACK_BUFFER_MODE);
    note_program(prog, GL_TRANSFORM_FEEDBACK_VARYINGS);
    note_program(prog, GL_TRANSFORM_FEEDBACK_VARYING_MAX_LENGTH);
    note_program(prog, GL_PROGRAM_BINARY_RETRIEVABLE_HINT);
    glProgramParameteri(prog, GL_PROGRAM_BINARY_RETRIEVABLE_HINT, GL_TRUE);
    GLST_ERR("glProgramParameteri hint", GL_NO_ERROR);
    note_program(prog, GL_PROGRAM_BINARY_RETRIEVABLE_HINT);
    glProgramParameteri(prog, GL_PROGRAM_BINARY_RETRIEVABLE_HINT, 5);
    GLST_ERR("glProgramParameteri hint 5", GL_INVALID_VALUE);
    glProgramParameteri(prog, GL_TEXTURE_2D, 1);
    GLST_ERR("glProgramParameteri bad pname", GL_INVALID_ENUM);
    glProgramParameteri(12345, GL_PROGRAM_BINARY_RETRIEVABLE_HINT, GL_TRUE);
    GLST_ERR("glProgramParameteri no program", GL_INVALID_VALUE);
    glDisableVertexAttribArray(0);
    glDeleteProgram(prog);
    GLST_ERR("uniforms", GL_NO_ERROR);
}

/* ---- #version 300 es: logs of a failed compile and link read the same ---- */

static void shader_logs(void)
{
    static const char *bad_vs =
        "#version 300 es\n"
        "layout(location = 0) in vec2 pos;\n"
        "flat out ivec2 vi;\n"
        "void main() { vi = pos; gl_Position = vec4(pos, 0.0, 1.0); }\n";
    static const char *mismatched_fs =
        "#version 300 es\n"
        "precision mediump float;\n"
        "flat in uvec2 vi;\n"
        "layout(location = 0) out vec4 color;\n"
        "void main() { color = vec4(vi, 0.0, 1.0); }\n";
    static const char *good_vs =
        "#version 300 es\n"
        "layout(location = 0) in vec2 pos;\n"
        "flat out ivec2 vi;\n"
        "void main() { vi = ivec2(pos); gl_Position = vec4(pos, 0.0, 1.0); }\n";
    char log[1024];
    GLsizei length = 0;
    GLuint vs = glCreateShader(GL_VERTEX_SHADER);
    glShaderSource(vs, 1, &bad_vs, NULL);
    glCompileShader(vs);
    GLint ok = -1, log_length = -1;
    glGetShaderiv(vs, GL_COMPILE_STATUS, &ok);
    glGetShaderiv(vs, GL_INFO_LOG_LENGTH, &log_length);
    glGetShaderInfoLog(vs, sizeof(log), &length, log);
    glst_note("300 es compile status %d, log length %d/%d: %s", ok, log_length, length, log);
    glShaderSource(vs, 1, &good_vs, NULL);
    glCompileShader(vs);
    GLuint fs = glCreateShader(GL_FRAGMENT_SHADER);
    glShaderSource(fs, 1, &mismatched_fs, NULL);
    glCompileShader(fs);
    GLuint prog = glCreateProgram();
    glAttachShader(prog, vs);
    glAttachShader(prog, fs);
    glLinkProgram(prog);
    glGetProgramiv(prog, GL_LINK_STATUS, &ok);
    glGetProgramiv(prog, GL_INFO_LOG_LENGTH, &log_length);
    glGetProgramInfoLog(prog, sizeof(log), &length, log);
    glst_note("300 es link status %d, log length %d/%d: %s", ok, log_length, length, log);
    glDeleteProgram(prog);
    glDeleteShader(vs);
    glDeleteShader(fs);
    GLST_ERR("shader logs", GL_NO_ERROR);
}

/* ---- program binaries ---- */

static void program_binaries(void)
{
    GLuint prog = glst_program(float_vs, float_fs);
    GLuint shader = glst_compile(GL_VERTEX_SHADER, float_vs);
    /* a format nobody has: refused, and the program is left unlinked,
     * natively as through glstream */
    static const uint8_t junk[16] = {1, 2, 3};
    glProgramBinary(prog, 0x1234, junk, sizeof(junk));
    GLST_ERR("glProgramBinary of an unknown format", GL_INVALID_ENUM);
    note_program(prog, GL_LINK_STATUS);
    glProgramBinary(12345, 0x1234, junk, sizeof(junk));
    GLST_ERR("glProgramBinary of no program", GL_INVALID_VALUE);
    glProgramBinary(shader, 0x1234, junk, sizeof(junk));
    GLST_ERR("glProgramBinary of a shader", GL_INVALID_OPERATION);
    glProgramBinary(prog, 0x1234, junk, -1);
    GLST_ERR("glProgramBinary length -1", GL_INVALID_VALUE);
    GLsizei length = -5;
    GLenum format = 0;
    uint8_t out[64];
    glGetProgramBinary(12345, sizeof(out), &length, &format, out);
    GLST_ERR("glGetProgramBinary of no program", GL_INVALID_VALUE);
    glGetProgramBinary(shader, sizeof(out), &length, &format, out);
    GLST_ERR("glGetProgramBinary of a shader", GL_INVALID_OPERATION);
    glst_note("length untouched = %d", length);

    /* glstream offers no program binary format (docs/security.md: a
     * driver parsing binaries a client made is attack surface), where
     * Mesa may offer its own: these values are glstream's alone, checked
     * here only when streamed. */
    if (streamed) {
        GLint n = -1;
        glGetIntegerv(GL_NUM_PROGRAM_BINARY_FORMATS, &n);
        GLST_CHECK_INT(n, 0);
        GLint formats[4] = {-1, -1, -1, -1};
        glGetIntegerv(GL_PROGRAM_BINARY_FORMATS, formats);
        GLST_CHECK_INT(formats[0], -1);
        GLST_CHECK_GL(GL_NO_ERROR);
        GLuint linked = glst_program(float_vs, float_fs);
        GLint bytes = -1;
        glGetProgramiv(linked, GL_PROGRAM_BINARY_LENGTH, &bytes);
        GLST_CHECK_INT(bytes, 0);
        glGetProgramiv(12345, GL_PROGRAM_BINARY_LENGTH, &bytes);
        GLST_CHECK_GL(GL_INVALID_VALUE);
        length = -5;
        glGetProgramBinary(linked, sizeof(out), &length, &format, out);
        GLST_CHECK_GL(GL_INVALID_OPERATION);
        GLST_CHECK_INT(length, 0);
        glGetProgramBinary(linked, -1, &length, &format, out);
        GLST_CHECK_GL(GL_INVALID_VALUE);
        glGetProgramBinary(linked, sizeof(out), NULL, &format, out);
        GLST_CHECK_GL(GL_INVALID_OPERATION);
        /* Mesa's own format is no format here */
        glProgramBinary(linked, 0x875F /* GL_PROGRAM_BINARY_FORMAT_MESA */, junk, sizeof(junk));
        GLST_CHECK_GL(GL_INVALID_ENUM);
        glDeleteProgram(linked);
    }
    glDeleteShader(shader);
    glDeleteProgram(prog);
    GLST_ERR("program binaries", GL_NO_ERROR);
}

int main(void)
{
    glst_egl e;
    glst_observe_open("es3_vertex");
    /* An ES 2.0 request gets the highest version offered, natively (Mesa)
     * as through glstream, whose configs do not carry EGL_OPENGL_ES3_BIT
     * yet; the context must be ES 3 (noted below). */
    if (!glst_egl_setup_version(&e, W, H, 2)) {
        fprintf(stderr, "glst_es3_vertex: no ES 3 context\n");
        return 1;
    }
    const char *version = (const char *)glGetString(GL_VERSION);
    streamed = version && strstr(version, "glstream");
    bool es3 = version && strncmp(version, "OpenGL ES 3", 11) == 0;
    glst_note("ES 3 context: %d", es3);
    GLST_CHECK(es3);
    if (!es3)
        return glst_finish();
    vertex_arrays();
    integer_attributes();
    attribute_types();
    instancing();
    range_and_restart();
    uniforms();
    shader_logs();
    program_binaries();
    glst_egl_teardown(&e);
    glst_observe_close();
    return glst_finish();
}
