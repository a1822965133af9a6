/* OpenGL ES 3.0 transform feedback: glGen/Delete/Is/BindTransformFeedback
 * (no object made by binding), glTransformFeedbackVaryings (interleaved and
 * separate), glGetTransformFeedbackVarying, glBegin/End/Pause/Resume with
 * every error, glBindBufferBase/Range on GL_TRANSFORM_FEEDBACK_BUFFER, the
 * captured values read back with glMapBufferRange, per-object bindings, and
 * captured indices drawn as an element array. Observations go to
 * $GLST_OUT/es3_transform_feedback.txt, compared natively and through
 * glstream. */
#include "glst_observe.h"
#include "glst_test_util.h"

#include <GLES3/gl3.h>
#include <stdio.h>
#include <string.h>

#define W 8
#define H 8

static const char *vs =
    "#version 300 es\n"
    "in vec4 pos;\n"
    "out vec4 outPos;\n"
    "out float outId;\n"
    "flat out uint outIndex;\n"
    "void main() { outPos = pos * 2.0; outId = float(gl_VertexID); outIndex = uint(gl_VertexID) + 1u;\n"
    "  gl_Position = pos; gl_PointSize = 1.0; }\n";
static const char *fs =
    "#version 300 es\n"
    "precision mediump float;\n"
    "in vec4 outPos;\n"
    "out vec4 o;\n"
    "void main() { o = vec4(1.0, 0.5, 0.25, 1.0); }\n";

static GLuint link_with(const GLchar *const *varyings, GLsizei count, GLenum mode)
{
    GLuint p = glCreateProgram();
    GLuint v = glst_compile(GL_VERTEX_SHADER, vs), f = glst_compile(GL_FRAGMENT_SHADER, fs);
    glAttachShader(p, v);
    glAttachShader(p, f);
    glBindAttribLocation(p, 0, "pos");
    glTransformFeedbackVaryings(p, count, varyings, mode);
    glLinkProgram(p);
    GLint ok = 0;
    glGetProgramiv(p, GL_LINK_STATUS, &ok);
    glst_note("link %d", ok);
    glDeleteShader(v);
    glDeleteShader(f);
    return p;
}

static void note_floats(const char *what, GLenum target, int n)
{
    const GLfloat *f = glMapBufferRange(target, 0, n * 4, GL_MAP_READ_BIT);
    GLST_CHECK(f != NULL);
    char line[1024];
    int at = 0;
    for (int i = 0; f && i < n; i++)
        at += snprintf(line + at, sizeof(line) - (size_t)at, " %.2f", f[i]);
    line[at] = 0;
    glst_note("%s:%s", what, line);
    glUnmapBuffer(target);
    GLST_ERR(what, GL_NO_ERROR);
}

static void test_varyings(GLuint prog)
{
    for (GLuint i = 0; i < 3; i++) {
        char name[32];
        memset(name, '#', sizeof(name));
        GLsizei length = -9, size = -9;
        GLenum type = 0;
        glGetTransformFeedbackVarying(prog, i, sizeof(name), &length, &size, &type, name);
        glst_note("varying %u: %s length %d size %d type 0x%x", i, name, length, size, type);
        memset(name, '#', sizeof(name));
        glGetTransformFeedbackVarying(prog, i, 4, &length, &size, &type, name);
        name[6] = 0;
        glst_note("varying %u (4): %s length %d", i, name, length);
    }
    GLST_ERR("varyings", GL_NO_ERROR);
    GLsizei length = -9, size = -9;
    GLenum type = 0;
    char name[8];
    glGetTransformFeedbackVarying(prog, 3, sizeof(name), &length, &size, &type, name);
    GLST_ERR("varying out of range", GL_INVALID_VALUE);
    glst_note("untouched %d %d 0x%x", length, size, type);
    glTransformFeedbackVaryings(prog, -1, NULL, GL_INTERLEAVED_ATTRIBS);
    GLST_ERR("negative count", GL_INVALID_VALUE);
    const GLchar *one[] = {"outPos"};
    glTransformFeedbackVaryings(prog, 1, one, GL_RGBA);
    GLST_ERR("bad buffer mode", GL_INVALID_ENUM);
    const GLchar *many[] = {"outPos", "outId", "outIndex", "outPos", "outId"};
    glTransformFeedbackVaryings(prog, 5, many, GL_SEPARATE_ATTRIBS);
    GLST_ERR("more separate varyings than buffers", GL_INVALID_VALUE);
}

static void test_objects(void)
{
    GLuint tf[2];
    glGenTransformFeedbacks(2, tf);
    glst_note("is before bind %d", glIsTransformFeedback(tf[0]));
    glBindTransformFeedback(GL_TRANSFORM_FEEDBACK, tf[0]);
    GLST_ERR("bind", GL_NO_ERROR);
    glst_note("is after bind %d", glIsTransformFeedback(tf[0]));
    glst_note("is 0 %d, unknown %d", glIsTransformFeedback(0), glIsTransformFeedback(4242));
    glBindTransformFeedback(GL_TRANSFORM_FEEDBACK, 4242);
    GLST_ERR("bind unknown name", GL_INVALID_OPERATION);
    glBindTransformFeedback(GL_TEXTURE_2D, tf[1]);
    GLST_ERR("bind bad target", GL_INVALID_ENUM);
    glBindTransformFeedback(GL_TRANSFORM_FEEDBACK, 0);
    glDeleteTransformFeedbacks(2, tf);
    glst_note("is after delete %d", glIsTransformFeedback(tf[0]));
    glBindTransformFeedback(GL_TRANSFORM_FEEDBACK, tf[0]);
    GLST_ERR("bind deleted", GL_INVALID_OPERATION);
    glGenTransformFeedbacks(-1, tf);
    GLST_ERR("gen negative", GL_INVALID_VALUE);
    glDeleteTransformFeedbacks(-1, tf);
    GLST_ERR("delete negative", GL_INVALID_VALUE);
}

int main(void)
{
    glst_egl egl;
    glst_observe_open("es3_transform_feedback");
    /* an ES 2 request gets ES 3 both ways (Mesa: 3.2, glstream: 3.0) */
    if (!glst_egl_setup_version(&egl, W, H, 2)) {
        GLST_CHECK(!"EGL setup");
        return glst_finish();
    }
    test_objects();
    const GLchar *interleaved[] = {"outPos", "outId"};
    GLuint prog = link_with(interleaved, 2, GL_INTERLEAVED_ATTRIBS);
    const GLchar *separate[] = {"outId", "outPos", "outIndex"};
    GLuint sep = link_with(separate, 3, GL_SEPARATE_ATTRIBS);
    test_varyings(sep);

    static const GLfloat points[] = {-0.5f, -0.5f, 0, 1, 0.5f, -0.5f, 0, 1, -0.5f, 0.5f, 0, 1, 0.5f, 0.5f, 0, 1};
    GLuint vbo, out[3];
    glGenBuffers(1, &vbo);
    glGenBuffers(3, out);
    glBindBuffer(GL_ARRAY_BUFFER, vbo);
    glBufferData(GL_ARRAY_BUFFER, sizeof(points), points, GL_STATIC_DRAW);
    glVertexAttribPointer(0, 4, GL_FLOAT, GL_FALSE, 0, 0);
    glEnableVertexAttribArray(0);
    GLfloat zeros[64];
    memset(zeros, 0, sizeof(zeros));
    for (int i = 0; i < 3; i++) {
        glBindBuffer(GL_TRANSFORM_FEEDBACK_BUFFER, out[i]);
        glBufferData(GL_TRANSFORM_FEEDBACK_BUFFER, sizeof(zeros), zeros, GL_STREAM_READ);
    }

    /* interleaved: 4 points of 5 floats */
    glUseProgram(prog);
    glBindBufferBase(GL_TRANSFORM_FEEDBACK_BUFFER, 0, out[0]);
    glBeginTransformFeedback(GL_POINTS);
    GLST_ERR("begin", GL_NO_ERROR);
    glBeginTransformFeedback(GL_POINTS);
    GLST_ERR("begin twice", GL_INVALID_OPERATION);
    glDrawArrays(GL_TRIANGLES, 0, 3);
    GLST_ERR("draw another primitive", GL_INVALID_OPERATION);
    glBindBufferBase(GL_TRANSFORM_FEEDBACK_BUFFER, 0, out[1]);
    GLST_ERR("rebind while active", GL_INVALID_OPERATION);
    glUseProgram(sep);
    GLST_ERR("another program while active", GL_INVALID_OPERATION);
    glResumeTransformFeedback();
    GLST_ERR("resume not paused", GL_INVALID_OPERATION);
    glDrawArrays(GL_POINTS, 0, 2);
    glPauseTransformFeedback();
    GLST_ERR("pause", GL_NO_ERROR);
    glPauseTransformFeedback();
    GLST_ERR("pause twice", GL_INVALID_OPERATION);
    glDrawArrays(GL_POINTS, 0, 4); /* not captured */
    glResumeTransformFeedback();
    glDrawArrays(GL_POINTS, 2, 2);
    glEndTransformFeedback();
    GLST_ERR("end", GL_NO_ERROR);
    glEndTransformFeedback();
    GLST_ERR("end not active", GL_INVALID_OPERATION);
    glPauseTransformFeedback();
    GLST_ERR("pause not active", GL_INVALID_OPERATION);
    glBeginTransformFeedback(GL_RGBA);
    GLST_ERR("begin bad primitive", GL_INVALID_ENUM);
    note_floats("interleaved", GL_TRANSFORM_FEEDBACK_BUFFER, 24);

    /* separate, with a range and a non-default object holding its own
     * bindings */
    GLuint tf;
    glGenTransformFeedbacks(1, &tf);
    glBindTransformFeedback(GL_TRANSFORM_FEEDBACK, tf);
    glUseProgram(sep);
    glBindBufferRange(GL_TRANSFORM_FEEDBACK_BUFFER, 0, out[1], 16, 32);
    glBindBufferBase(GL_TRANSFORM_FEEDBACK_BUFFER, 1, out[2]);
    glBeginTransformFeedback(GL_POINTS);
    GLST_ERR("begin without buffer 2", GL_INVALID_OPERATION);
    glBindBufferRange(GL_TRANSFORM_FEEDBACK_BUFFER, 2, out[0], 2, 16);
    GLST_ERR("misaligned range", GL_INVALID_VALUE);
    glBindBufferRange(GL_TRANSFORM_FEEDBACK_BUFFER, 2, out[0], 0, 6);
    GLST_ERR("size not a multiple of 4", GL_INVALID_VALUE);
    glBindBufferRange(GL_TRANSFORM_FEEDBACK_BUFFER, 2, out[0], 0, 64);
    glBeginTransformFeedback(GL_POINTS);
    GLST_ERR("begin separate", GL_NO_ERROR);
    for (GLuint i = 0; i < 3; i++) {
        GLint name = -1;
        GLint64 start = -1, size = -1;
        glGetIntegeri_v(GL_TRANSFORM_FEEDBACK_BUFFER_BINDING, i, &name);
        glGetInteger64i_v(GL_TRANSFORM_FEEDBACK_BUFFER_START, i, &start);
        glGetInteger64i_v(GL_TRANSFORM_FEEDBACK_BUFFER_SIZE, i, &size);
        glst_note("tf binding %u: buffer %d start %lld size %lld", i,
                  name == (GLint)out[i == 0 ? 1 : i == 1 ? 2 : 0], (long long)start, (long long)size);
    }
    glst_note("bound object is tf: %d, active %d paused %d",
              glst_get_int(GL_TRANSFORM_FEEDBACK_BINDING) == (GLint)tf,
              glst_get_int(GL_TRANSFORM_FEEDBACK_ACTIVE), glst_get_int(GL_TRANSFORM_FEEDBACK_PAUSED));
    GLint mode = -1, count = -1, longest = -1;
    glGetProgramiv(sep, GL_TRANSFORM_FEEDBACK_BUFFER_MODE, &mode);
    glGetProgramiv(sep, GL_TRANSFORM_FEEDBACK_VARYINGS, &count);
    glGetProgramiv(sep, GL_TRANSFORM_FEEDBACK_VARYING_MAX_LENGTH, &longest);
    glst_note("program: mode 0x%x, %d varyings, longest %d", mode, count, longest);
    GLST_ERR("transform feedback getters", GL_NO_ERROR);
    glDrawArrays(GL_POINTS, 0, 4);
    glEndTransformFeedback();
    GLST_ERR("end separate", GL_NO_ERROR);
    /* the generic binding is the last bound: out[0] */
    note_floats("generic after separate", GL_TRANSFORM_FEEDBACK_BUFFER, 16);
    glBindBuffer(GL_COPY_READ_BUFFER, out[1]);
    note_floats("ids (range at 16)", GL_COPY_READ_BUFFER, 16);
    glBindBuffer(GL_COPY_READ_BUFFER, out[2]);
    note_floats("positions", GL_COPY_READ_BUFFER, 16);
    glBindBuffer(GL_COPY_READ_BUFFER, out[0]);
    const GLuint *u = glMapBufferRange(GL_COPY_READ_BUFFER, 0, 16, GL_MAP_READ_BIT);
    if (u)
        glst_note("indices %u %u %u %u", u[0], u[1], u[2], u[3]);
    glUnmapBuffer(GL_COPY_READ_BUFFER);

    /* the default object kept its binding 0: out[0] (an interleaved run
     * overwrites it from the start) */
    glBindTransformFeedback(GL_TRANSFORM_FEEDBACK, 0);
    glUseProgram(prog);
    glBeginTransformFeedback(GL_POINTS);
    glDrawArrays(GL_POINTS, 3, 1);
    glEndTransformFeedback();
    GLST_ERR("default object again", GL_NO_ERROR);
    glBindBuffer(GL_COPY_READ_BUFFER, out[0]);
    note_floats("default object's buffer", GL_COPY_READ_BUFFER, 8);

    /* captured indices as an element array: out[0] held 1 2 3 4 after the
     * separate run; now an index buffer drawn, then captured again */
    glBindTransformFeedback(GL_TRANSFORM_FEEDBACK, tf);
    glUseProgram(sep);
    glBeginTransformFeedback(GL_POINTS);
    glDrawArrays(GL_POINTS, 0, 4);
    glEndTransformFeedback();
    glBindTransformFeedback(GL_TRANSFORM_FEEDBACK, 0);
    glUseProgram(prog);
    glBindBuffer(GL_ELEMENT_ARRAY_BUFFER, out[0]);
    static const GLfloat quad[] = {-1, -1, 0, 1, -1, -1, 0, 1, 1, -1, 0, 1, -1, 1, 0, 1, 1, 1, 0, 1};
    glBindBuffer(GL_ARRAY_BUFFER, vbo);
    glBufferData(GL_ARRAY_BUFFER, sizeof(quad), quad, GL_STATIC_DRAW);
    glClearColor(0, 0, 0, 1);
    glClear(GL_COLOR_BUFFER_BIT);
    glDrawElements(GL_TRIANGLE_STRIP, 4, GL_UNSIGNED_INT, 0);
    GLST_ERR("draw captured indices", GL_NO_ERROR);
    unsigned char p[4];
    glReadPixels(4, 4, 1, 1, GL_RGBA, GL_UNSIGNED_BYTE, p);
    glst_note("pixel %d %d %d %d", p[0], p[1], p[2], p[3]);

    /* with the rasterizer discarding, values are captured and no pixel drawn */
    glEnable(GL_RASTERIZER_DISCARD);
    glst_note("rasterizer discard enabled %d", glIsEnabled(GL_RASTERIZER_DISCARD));
    glClear(GL_COLOR_BUFFER_BIT);
    glBindBufferBase(GL_TRANSFORM_FEEDBACK_BUFFER, 0, out[1]);
    glBeginTransformFeedback(GL_POINTS);
    glDrawArrays(GL_POINTS, 0, 4);
    glEndTransformFeedback();
    glDisable(GL_RASTERIZER_DISCARD);
    GLST_ERR("rasterizer discard", GL_NO_ERROR);
    glst_note("rasterizer discard after disable %d", glIsEnabled(GL_RASTERIZER_DISCARD));
    glReadPixels(4, 4, 1, 1, GL_RGBA, GL_UNSIGNED_BYTE, p);
    glst_note("pixel with discard %d %d %d %d", p[0], p[1], p[2], p[3]);
    note_floats("captured with discard", GL_TRANSFORM_FEEDBACK_BUFFER, 20);

    /* deleting a bound object binds 0 */
    glBindTransformFeedback(GL_TRANSFORM_FEEDBACK, tf);
    glDeleteTransformFeedbacks(1, &tf);
    GLST_ERR("delete bound", GL_NO_ERROR);
    glBeginTransformFeedback(GL_POINTS);
    glDrawArrays(GL_POINTS, 0, 1);
    glEndTransformFeedback();
    GLST_ERR("default after delete", GL_NO_ERROR);

    glDisableVertexAttribArray(0);
    glDeleteBuffers(1, &vbo);
    glDeleteBuffers(3, out);
    glDeleteProgram(prog);
    glDeleteProgram(sep);
    GLST_ERR("end of test", GL_NO_ERROR);
    glst_egl_teardown(&egl);
    glst_observe_close();
    return glst_finish();
}
