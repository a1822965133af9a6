/* The worker's checks of ES 3.0 buffers, through glstream only (native
 * drivers leave these draws undefined; glstream refuses them as WebGL 2
 * does, so that the driver never reads or writes outside a buffer):
 * - a uniform block whose bound range is smaller than its data size, lies
 *   past its buffer (the buffer shrank), or has no buffer: the draw is
 *   GL_INVALID_OPERATION;
 * - a transform feedback range past its buffer (the buffer shrank while
 *   recording): GL_INVALID_OPERATION;
 * - indices written by the GPU (glCopyBufferSubData, transform feedback)
 *   into an element array the worker had read: the worker reads them again,
 *   so an index past the vertex buffer is refused.
 * And the same draws with correct bindings go through (controls). */
#include "glst_test_util.h"

#include <GLES3/gl3.h>
#include <string.h>

#define W 8
#define H 8

static const char *ubo_vs =
    "#version 300 es\n"
    "in vec2 pos;\n"
    "layout(std140) uniform Big { vec4 values[8]; };\n"
    "void main() { gl_Position = vec4(pos, 0.0, 1.0) + values[7] * 0.0; gl_PointSize = 1.0; }\n";
static const char *fs =
    "#version 300 es\n"
    "precision mediump float;\n"
    "out vec4 o;\n"
    "void main() { o = vec4(1.0); }\n";
static const char *tf_vs =
    "#version 300 es\n"
    "in vec2 pos;\n"
    "flat out uint index;\n"
    "void main() { index = uint(gl_VertexID) + 100u; gl_Position = vec4(pos, 0.0, 1.0); gl_PointSize = 1.0; }\n";

static GLuint vertices(void)
{
    static const GLfloat tri[] = {-1, -1, 1, -1, -1, 1};
    GLuint vbo;
    glGenBuffers(1, &vbo);
    glBindBuffer(GL_ARRAY_BUFFER, vbo);
    glBufferData(GL_ARRAY_BUFFER, sizeof(tri), tri, GL_STATIC_DRAW);
    glVertexAttribPointer(0, 2, GL_FLOAT, GL_FALSE, 0, 0);
    glEnableVertexAttribArray(0);
    return vbo;
}

static GLuint link(const char *vs, const char *varying)
{
    GLuint p = glCreateProgram();
    GLuint v = glst_compile(GL_VERTEX_SHADER, vs), f = glst_compile(GL_FRAGMENT_SHADER, fs);
    glAttachShader(p, v);
    glAttachShader(p, f);
    glBindAttribLocation(p, 0, "pos");
    if (varying)
        glTransformFeedbackVaryings(p, 1, &varying, GL_INTERLEAVED_ATTRIBS);
    glLinkProgram(p);
    GLint ok = 0;
    glGetProgramiv(p, GL_LINK_STATUS, &ok);
    GLST_CHECK(ok);
    glDeleteShader(v);
    glDeleteShader(f);
    return p;
}

static void test_uniform_blocks(void)
{
    GLuint prog = link(ubo_vs, NULL);
    glUseProgram(prog);
    glUniformBlockBinding(prog, glGetUniformBlockIndex(prog, "Big"), 1);
    GLint size = 0;
    glGetActiveUniformBlockiv(prog, 0, GL_UNIFORM_BLOCK_DATA_SIZE, &size);
    GLST_CHECK_INT(size, 128);
    GLuint ubo;
    glGenBuffers(1, &ubo);
    glBindBuffer(GL_UNIFORM_BUFFER, ubo);
    static GLubyte zeros[1024];
    glBufferData(GL_UNIFORM_BUFFER, 512, zeros, GL_DYNAMIC_DRAW);
    GLST_CHECK_HEX(glGetError(), GL_NO_ERROR);

    glDrawArrays(GL_TRIANGLES, 0, 3);
    GLST_CHECK_HEX(glGetError(), GL_INVALID_OPERATION); /* no buffer bound to binding 1 */
    glBindBufferRange(GL_UNIFORM_BUFFER, 1, ubo, 256, 64);
    glDrawArrays(GL_TRIANGLES, 0, 3);
    GLST_CHECK_HEX(glGetError(), GL_INVALID_OPERATION); /* 64 bytes for a 128-byte block */
    glBindBufferRange(GL_UNIFORM_BUFFER, 1, ubo, 256, 256);
    glDrawArrays(GL_TRIANGLES, 0, 3);
    GLST_CHECK_HEX(glGetError(), GL_NO_ERROR); /* control */
    glBufferData(GL_UNIFORM_BUFFER, 300, zeros, GL_DYNAMIC_DRAW);
    glDrawArrays(GL_TRIANGLES, 0, 3);
    GLST_CHECK_HEX(glGetError(), GL_INVALID_OPERATION); /* the range now ends past the buffer */
    glBindBufferBase(GL_UNIFORM_BUFFER, 1, ubo);
    glDrawArrays(GL_TRIANGLES, 0, 3);
    GLST_CHECK_HEX(glGetError(), GL_NO_ERROR); /* the whole 300 bytes */
    glBufferData(GL_UNIFORM_BUFFER, 64, zeros, GL_DYNAMIC_DRAW);
    glDrawArrays(GL_TRIANGLES, 0, 3);
    GLST_CHECK_HEX(glGetError(), GL_INVALID_OPERATION); /* the whole buffer is too small now */
    /* a deleted buffer unbinds itself */
    glBufferData(GL_UNIFORM_BUFFER, 512, zeros, GL_DYNAMIC_DRAW);
    glDeleteBuffers(1, &ubo);
    glDrawArrays(GL_TRIANGLES, 0, 3);
    GLST_CHECK_HEX(glGetError(), GL_INVALID_OPERATION);
    /* a buffer another binding keeps alive after its name is reused */
    glGenBuffers(1, &ubo);
    glBindBuffer(GL_UNIFORM_BUFFER, ubo);
    glBufferData(GL_UNIFORM_BUFFER, 512, zeros, GL_DYNAMIC_DRAW);
    glBindBufferBase(GL_UNIFORM_BUFFER, 1, ubo);
    glDrawArrays(GL_TRIANGLES, 0, 3);
    GLST_CHECK_HEX(glGetError(), GL_NO_ERROR);
    glDeleteBuffers(1, &ubo);
    glDeleteProgram(prog);
}

static void test_transform_feedback(void)
{
    GLuint prog = link(tf_vs, "index");
    glUseProgram(prog);
    GLuint out;
    glGenBuffers(1, &out);
    glBindBuffer(GL_TRANSFORM_FEEDBACK_BUFFER, out);
    static GLubyte zeros[256];
    glBufferData(GL_TRANSFORM_FEEDBACK_BUFFER, 256, zeros, GL_STREAM_COPY);
    glBindBufferRange(GL_TRANSFORM_FEEDBACK_BUFFER, 0, out, 128, 64);
    glBeginTransformFeedback(GL_POINTS);
    glDrawArrays(GL_POINTS, 0, 3);
    GLST_CHECK_HEX(glGetError(), GL_NO_ERROR); /* control */
    glBufferData(GL_TRANSFORM_FEEDBACK_BUFFER, 64, zeros, GL_STREAM_COPY);
    glGetError(); /* whether the driver allows it is its business */
    glDrawArrays(GL_POINTS, 0, 3);
    GLenum e = glGetError();
    GLint tf_size = 0;
    glGetBufferParameteriv(GL_TRANSFORM_FEEDBACK_BUFFER, GL_BUFFER_SIZE, &tf_size);
    if (tf_size == 64)
        GLST_CHECK_HEX(e, GL_INVALID_OPERATION); /* the range [128, 192) is past the buffer */
    glEndTransformFeedback();
    glGetError();
    /* an active object the driver refuses to delete keeps being checked */
    GLuint tf;
    glGenTransformFeedbacks(1, &tf);
    glBindTransformFeedback(GL_TRANSFORM_FEEDBACK, tf);
    glBufferData(GL_TRANSFORM_FEEDBACK_BUFFER, 256, zeros, GL_STREAM_COPY);
    glBindBufferRange(GL_TRANSFORM_FEEDBACK_BUFFER, 0, out, 128, 64);
    glBeginTransformFeedback(GL_POINTS);
    glDeleteTransformFeedbacks(1, &tf);
    GLST_CHECK_HEX(glGetError(), GL_INVALID_OPERATION);
    glDrawArrays(GL_POINTS, 0, 3);
    GLST_CHECK_HEX(glGetError(), GL_NO_ERROR);
    glBufferData(GL_TRANSFORM_FEEDBACK_BUFFER, 64, zeros, GL_STREAM_COPY);
    glGetError();
    glGetBufferParameteriv(GL_TRANSFORM_FEEDBACK_BUFFER, GL_BUFFER_SIZE, &tf_size);
    glDrawArrays(GL_POINTS, 0, 3);
    e = glGetError();
    if (tf_size == 64)
        GLST_CHECK_HEX(e, GL_INVALID_OPERATION);
    glEndTransformFeedback();
    glGetError();
    glDeleteBuffers(1, &out);
    glDeleteProgram(prog);
}

/* An element array read by a draw (the worker keeps its indices), then
 * overwritten by the GPU with indices past the 3 vertices: refused. */
static void test_gpu_written_indices(void)
{
    GLuint draw_prog = link(ubo_vs, NULL), tf_prog = link(tf_vs, "index");
    GLuint ubo;
    static GLubyte zeros[512];
    glGenBuffers(1, &ubo);
    glBindBuffer(GL_UNIFORM_BUFFER, ubo);
    glBufferData(GL_UNIFORM_BUFFER, 512, zeros, GL_DYNAMIC_DRAW);
    glBindBufferBase(GL_UNIFORM_BUFFER, 0, ubo);
    GLuint ebo, far;
    glGenBuffers(1, &ebo);
    glGenBuffers(1, &far);
    static const GLuint good[] = {0, 1, 2};
    static const GLuint bad[] = {1000, 2000, 3000};
    glBindBuffer(GL_ELEMENT_ARRAY_BUFFER, ebo);
    glBufferData(GL_ELEMENT_ARRAY_BUFFER, sizeof(good), good, GL_STATIC_DRAW);
    glBindBuffer(GL_COPY_READ_BUFFER, far);
    glBufferData(GL_COPY_READ_BUFFER, sizeof(bad), bad, GL_STATIC_DRAW);
    glUseProgram(draw_prog);
    glDrawElements(GL_TRIANGLES, 3, GL_UNSIGNED_INT, 0);
    GLST_CHECK_HEX(glGetError(), GL_NO_ERROR); /* the worker read the indices */
    glCopyBufferSubData(GL_COPY_READ_BUFFER, GL_ELEMENT_ARRAY_BUFFER, 0, 0, sizeof(bad));
    glDrawElements(GL_TRIANGLES, 3, GL_UNSIGNED_INT, 0);
    GLST_CHECK_HEX(glGetError(), GL_INVALID_OPERATION); /* copied indices are past the vertices */
    glBufferSubData(GL_ELEMENT_ARRAY_BUFFER, 0, sizeof(good), good);
    glDrawElements(GL_TRIANGLES, 3, GL_UNSIGNED_INT, 0);
    GLST_CHECK_HEX(glGetError(), GL_NO_ERROR);
    /* transform feedback writes 100, 101, 102 into the element array */
    glUseProgram(tf_prog);
    glBindBufferBase(GL_TRANSFORM_FEEDBACK_BUFFER, 0, ebo);
    glBeginTransformFeedback(GL_POINTS);
    glDrawArrays(GL_POINTS, 0, 3);
    glEndTransformFeedback();
    GLST_CHECK_HEX(glGetError(), GL_NO_ERROR);
    glBindBufferBase(GL_TRANSFORM_FEEDBACK_BUFFER, 0, 0);
    glUseProgram(draw_prog);
    glDrawElements(GL_TRIANGLES, 3, GL_UNSIGNED_INT, 0);
    GLST_CHECK_HEX(glGetError(), GL_INVALID_OPERATION); /* captured indices are past the vertices */
    const GLuint *u = glMapBufferRange(GL_ELEMENT_ARRAY_BUFFER, 0, 12, GL_MAP_READ_BIT);
    GLST_CHECK(u && u[0] == 100 && u[2] == 102); /* the client reads the captured values too */
    glUnmapBuffer(GL_ELEMENT_ARRAY_BUFFER);
    glDeleteBuffers(1, &ebo);
    glDeleteBuffers(1, &far);
    glDeleteBuffers(1, &ubo);
    glDeleteProgram(draw_prog);
    glDeleteProgram(tf_prog);
}

int main(void)
{
    glst_egl egl;
    if (!glst_egl_setup_version(&egl, W, H, 2)) {
        GLST_CHECK(!"EGL setup");
        return glst_finish();
    }
    GLuint vbo = vertices();
    test_uniform_blocks();
    test_transform_feedback();
    test_gpu_written_indices();
    glDeleteBuffers(1, &vbo);
    GLST_CHECK_HEX(glGetError(), GL_NO_ERROR);
    glst_egl_teardown(&egl);
    return glst_finish();
}
