/* The worker's checks of ES 3.1 draws, through glstream only (native
 * drivers leave these draws undefined; glstream refuses them with
 * GL_INVALID_OPERATION, as WebGL does, so that the driver never reads
 * outside a buffer):
 * - indirect commands whose counts, first vertex, first index, base vertex,
 *   instance count or reserved word (the host's base instance) make the
 *   draw read past a vertex, instance or index buffer;
 * - an indirect command written by the GPU (glCopyBufferSubData) is read
 *   again, not trusted from an earlier read;
 * - binding point offsets, strides and relative offsets that move an
 *   attribute's reads past its buffer.
 * Each refused draw has a control that goes through. */
#include <stdio.h>
#include <string.h>

#include <GLES3/gl31.h>

#include "glst_test_util.h"

#define W 8
#define H 8

static const char *vs =
    "#version 310 es\n"
    "layout(location = 0) in vec2 pos;\n"
    "layout(location = 1) in vec2 shift;\n"
    "void main() { gl_Position = vec4(pos + shift, 0.0, 1.0); gl_PointSize = 1.0; }\n";
static const char *fs =
    "#version 310 es\n"
    "precision mediump float;\n"
    "out vec4 o;\n"
    "void main() { o = vec4(1.0); }\n";

static GLuint buffer_with(GLenum target, const void *data, GLsizeiptr size)
{
    GLuint b;
    glGenBuffers(1, &b);
    glBindBuffer(target, b);
    glBufferData(target, size, data, GL_STATIC_DRAW);
    return b;
}

/* command at 0 of the indirect buffer */
static void arrays(GLuint ibo, GLuint count, GLuint instances, GLuint first, GLuint reserved, GLenum expected)
{
    GLuint cmd[4] = {count, instances, first, reserved};
    glBindBuffer(GL_DRAW_INDIRECT_BUFFER, ibo);
    glBufferSubData(GL_DRAW_INDIRECT_BUFFER, 0, sizeof(cmd), cmd);
    glDrawArraysIndirect(GL_POINTS, (const void *)0);
    GLenum error = glGetError();
    if (error != expected)
        printf("arrays %u %u %u %u: error 0x%x, expected 0x%x\n", count, instances, first, reserved, error, expected);
    GLST_CHECK_HEX(error, expected);
}

static void elements(GLuint ibo, GLuint count, GLuint instances, GLuint first, GLint base_vertex, GLuint reserved,
                     GLenum expected)
{
    GLuint cmd[5] = {count, instances, first, (GLuint)base_vertex, reserved};
    glBindBuffer(GL_DRAW_INDIRECT_BUFFER, ibo);
    glBufferSubData(GL_DRAW_INDIRECT_BUFFER, 0, sizeof(cmd), cmd);
    glDrawElementsIndirect(GL_POINTS, GL_UNSIGNED_SHORT, (const void *)0);
    GLenum error = glGetError();
    if (error != expected)
        printf("elements %u %u %u %d %u: error 0x%x, expected 0x%x\n", count, instances, first, base_vertex,
               reserved, error, expected);
    GLST_CHECK_HEX(error, expected);
}

int main(void)
{
    glst_egl egl;
    if (!glst_egl_setup_version(&egl, W, H, 3)) {
        fprintf(stderr, "glst_es31_draw_checks: no ES 3 context\n");
        return 1;
    }
    const char *version = (const char *)glGetString(GL_VERSION);
    int major = 0, minor = 0;
    if (!version || sscanf(version, "OpenGL ES %d.%d", &major, &minor) != 2 || major * 10 + minor < 31) {
        printf("glst_es31_draw_checks: skipped, the context is %s\n", version ? version : "(none)");
        glst_egl_teardown(&egl);
        return glst_finish();
    }
    GLuint program = glst_program(vs, fs);
    glUseProgram(program);
    static const GLfloat positions[12 * 2] = {0};
    static const GLfloat shifts[4 * 2] = {0};
    static const GLushort indices[10] = {0, 1, 2, 3, 9, 9, 0, 1, 2, 3};
    GLuint vao;
    glGenVertexArrays(1, &vao);
    glBindVertexArray(vao);
    GLuint vbo = buffer_with(GL_ARRAY_BUFFER, positions, sizeof(positions)); /* 12 vertices */
    GLuint sbo = buffer_with(GL_ARRAY_BUFFER, shifts, sizeof(shifts));       /* 4 instances */
    GLuint ebo = buffer_with(GL_ELEMENT_ARRAY_BUFFER, indices, sizeof(indices));
    GLuint zero[8] = {0};
    GLuint ibo = buffer_with(GL_DRAW_INDIRECT_BUFFER, zero, sizeof(zero));
    glVertexAttribFormat(0, 2, GL_FLOAT, GL_FALSE, 0);
    glVertexAttribFormat(1, 2, GL_FLOAT, GL_FALSE, 0);
    glVertexAttribBinding(0, 0);
    glVertexAttribBinding(1, 1);
    glBindVertexBuffer(0, vbo, 0, 8);
    glBindVertexBuffer(1, sbo, 0, 8);
    glVertexBindingDivisor(1, 1);
    glEnableVertexAttribArray(0);
    glEnableVertexAttribArray(1);
    GLST_CHECK_GL(GL_NO_ERROR);

    /* glDrawArraysIndirect: count, instances, first, reserved */
    arrays(ibo, 12, 1, 0, 0, GL_NO_ERROR);
    arrays(ibo, 13, 1, 0, 0, GL_INVALID_OPERATION);
    arrays(ibo, 4, 1, 8, 0, GL_NO_ERROR);
    arrays(ibo, 4, 1, 9, 0, GL_INVALID_OPERATION);
    arrays(ibo, 1, 1, 0xffffffffu, 0, GL_INVALID_OPERATION);
    arrays(ibo, 2, 1, 0xffffffffu, 0, GL_INVALID_OPERATION);
    arrays(ibo, 0xffffffffu, 1, 0, 0, GL_INVALID_OPERATION);
    arrays(ibo, 0xffffffffu, 0, 0, 0, GL_NO_ERROR); /* no instance: nothing read */
    arrays(ibo, 4, 4, 0, 0, GL_NO_ERROR);
    arrays(ibo, 4, 5, 0, 0, GL_INVALID_OPERATION);
    arrays(ibo, 4, 0xffffffffu, 0, 0, GL_INVALID_OPERATION);
    arrays(ibo, 4, 1, 0, 3, GL_NO_ERROR);
    arrays(ibo, 4, 1, 0, 4, GL_INVALID_OPERATION);
    arrays(ibo, 4, 2, 0, 0xffffffffu, GL_INVALID_OPERATION);
    /* divisor 2: 8 instances read shifts 0..3 */
    glVertexBindingDivisor(1, 2);
    arrays(ibo, 4, 8, 0, 0, GL_NO_ERROR);
    arrays(ibo, 4, 9, 0, 0, GL_INVALID_OPERATION);
    glVertexBindingDivisor(1, 1);

    /* glDrawElementsIndirect: count, instances, first index, base vertex, reserved */
    elements(ibo, 10, 1, 0, 0, 0, GL_NO_ERROR);
    elements(ibo, 11, 1, 0, 0, 0, GL_INVALID_OPERATION);
    elements(ibo, 4, 1, 6, 0, 0, GL_NO_ERROR);
    elements(ibo, 4, 1, 7, 0, 0, GL_INVALID_OPERATION);
    elements(ibo, 4, 1, 0x80000000u, 0, 0, GL_INVALID_OPERATION);
    elements(ibo, 6, 1, 0, 2, 0, GL_NO_ERROR);  /* indices 0..9 + 2: vertex 11 */
    elements(ibo, 6, 1, 0, 3, 0, GL_INVALID_OPERATION);
    elements(ibo, 4, 1, 0, 8, 0, GL_NO_ERROR);
    elements(ibo, 4, 1, 0, -1, 0, GL_INVALID_OPERATION);
    elements(ibo, 4, 1, 0, 0x7fffffff, 0, GL_INVALID_OPERATION);
    elements(ibo, 4, 1, 0, (GLint)0x80000000, 0, GL_INVALID_OPERATION);
    elements(ibo, 4, 5, 0, 0, 0, GL_INVALID_OPERATION);
    elements(ibo, 4, 1, 0, 0, 4, GL_INVALID_OPERATION);
    elements(ibo, 4, 4, 0, 0, 0, GL_NO_ERROR);

    /* a command the GPU wrote: the worker reads it again */
    arrays(ibo, 4, 1, 0, 0, GL_NO_ERROR);
    GLuint bad[4] = {100, 1, 0, 0};
    GLuint src = buffer_with(GL_COPY_READ_BUFFER, bad, sizeof(bad));
    glBindBuffer(GL_DRAW_INDIRECT_BUFFER, ibo);
    glCopyBufferSubData(GL_COPY_READ_BUFFER, GL_DRAW_INDIRECT_BUFFER, 0, 0, sizeof(bad));
    glDrawArraysIndirect(GL_POINTS, (const void *)0);
    GLST_CHECK_GL(GL_INVALID_OPERATION);
    /* the offset into the indirect buffer: the command must lie inside */
    glDrawArraysIndirect(GL_POINTS, (const void *)16);
    GLST_CHECK_GL(GL_NO_ERROR); /* zeros: nothing */
    glDrawArraysIndirect(GL_POINTS, (const void *)20);
    GLST_CHECK_GL(GL_INVALID_OPERATION);
    glDrawArraysIndirect(GL_POINTS, (const void *)(uintptr_t)-4);
    GLST_CHECK_GL(GL_INVALID_OPERATION);
    glDrawElementsIndirect(GL_POINTS, GL_UNSIGNED_SHORT, (const void *)(uintptr_t)-16);
    GLST_CHECK_GL(GL_INVALID_OPERATION);

    /* binding point tricks, with direct draws */
    glDrawArrays(GL_POINTS, 0, 12);
    GLST_CHECK_GL(GL_NO_ERROR);
    glBindVertexBuffer(0, vbo, 8, 8); /* one vertex fewer */
    glDrawArrays(GL_POINTS, 0, 12);
    GLST_CHECK_GL(GL_INVALID_OPERATION);
    glDrawArrays(GL_POINTS, 0, 11);
    GLST_CHECK_GL(GL_NO_ERROR);
    glBindVertexBuffer(0, vbo, (GLintptr)1 << 40, 8);
    glDrawArrays(GL_POINTS, 0, 1);
    GLST_CHECK_GL(GL_INVALID_OPERATION);
    glBindVertexBuffer(0, vbo, INT64_MAX - 7, 8);
    glDrawArrays(GL_POINTS, 0, 1);
    GLST_CHECK_GL(GL_INVALID_OPERATION);
    glBindVertexBuffer(0, vbo, 0, 2048); /* stride past the buffer */
    glDrawArrays(GL_POINTS, 0, 2);
    GLST_CHECK_GL(GL_INVALID_OPERATION);
    glDrawArrays(GL_POINTS, 0, 1);
    GLST_CHECK_GL(GL_NO_ERROR);
    glBindVertexBuffer(0, vbo, 0, 0); /* stride 0: element 0 every time */
    glDrawArrays(GL_POINTS, 0, 100000);
    GLST_CHECK_GL(GL_NO_ERROR);
    glVertexAttribFormat(0, 2, GL_FLOAT, GL_FALSE, 2047); /* relative offset past the buffer */
    glDrawArrays(GL_POINTS, 0, 1);
    GLST_CHECK_GL(GL_INVALID_OPERATION);
    glVertexAttribFormat(0, 2, GL_FLOAT, GL_FALSE, 88); /* the last 8 bytes */
    glDrawArrays(GL_POINTS, 0, 1);
    GLST_CHECK_GL(GL_NO_ERROR);
    glVertexAttribFormat(0, 2, GL_FLOAT, GL_FALSE, 92);
    glDrawArrays(GL_POINTS, 0, 1);
    GLST_CHECK_GL(GL_INVALID_OPERATION);
    /* the attribute moved to the smaller binding point (4 elements) */
    glVertexAttribFormat(0, 2, GL_FLOAT, GL_FALSE, 0);
    glBindVertexBuffer(0, vbo, 0, 8);
    glVertexAttribBinding(0, 1);
    glDrawArraysInstanced(GL_POINTS, 0, 1, 4);
    GLST_CHECK_GL(GL_NO_ERROR);
    glVertexBindingDivisor(1, 0); /* now per vertex: 4 vertices */
    glDrawArrays(GL_POINTS, 0, 5);
    GLST_CHECK_GL(GL_INVALID_OPERATION);
    glDrawArrays(GL_POINTS, 0, 4);
    GLST_CHECK_GL(GL_NO_ERROR);
    /* a binding point's buffer shrinks */
    glVertexAttribBinding(0, 0);
    glBindBuffer(GL_ARRAY_BUFFER, vbo);
    glBufferData(GL_ARRAY_BUFFER, 16, NULL, GL_STATIC_DRAW);
    glDrawArrays(GL_POINTS, 0, 3);
    GLST_CHECK_GL(GL_INVALID_OPERATION);
    glDrawArrays(GL_POINTS, 0, 2);
    GLST_CHECK_GL(GL_NO_ERROR);

    GLuint buffers[] = {vbo, sbo, ebo, ibo, src};
    glDeleteBuffers(5, buffers);
    glBindVertexArray(0);
    glDeleteVertexArrays(1, &vao);
    glDeleteProgram(program);
    glst_egl_teardown(&egl);
    return glst_finish();
}
