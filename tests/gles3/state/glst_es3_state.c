/* OpenGL ES 3.0 state group, compared natively and through glstream: sync
 * objects (fences signalled after glFinish, glGetSynciv, wait results,
 * sharing, errors), occlusion queries with pixels drawn and not drawn (and
 * every query error), every ES 3.0 pname through the five getters
 * (boolean, integer, 64-bit, float, indexed), glHint's new target and the
 * getters' errors. Native Mesa offers ES 3.2 where glstream offers 3.0: only
 * values both must share are written (version and extension counts are
 * checked by glst_es3_version). Observations go to $GLST_OUT/es3_state.txt. */
#include "glst_observe.h"
#include "glst_test_util.h"

#include <GLES3/gl3.h>
#include <stdio.h>
#include <string.h>

#define W 16
#define H 16

/* ---- sync objects ---- */

static GLint sync_value(GLsync s, GLenum pname)
{
    GLint v = -7;
    GLsizei length = -7;
    glGetSynciv(s, pname, 1, &length, &v);
    glst_note("glGetSynciv 0x%x = 0x%x length %d", pname, v, length);
    return v;
}

static void test_syncs(const glst_egl *e)
{
    GLsync s = glFenceSync(GL_SYNC_GPU_COMMANDS_COMPLETE, 0);
    GLST_CHECK(s != 0);
    GLST_ERR("glFenceSync", GL_NO_ERROR);
    glst_note("glIsSync = %d", glIsSync(s));
    GLST_CHECK_HEX(sync_value(s, GL_OBJECT_TYPE), GL_SYNC_FENCE);
    GLST_CHECK_HEX(sync_value(s, GL_SYNC_CONDITION), GL_SYNC_GPU_COMMANDS_COMPLETE);
    GLST_CHECK_INT(sync_value(s, GL_SYNC_FLAGS), 0);
    glFinish();
    GLST_CHECK_HEX(sync_value(s, GL_SYNC_STATUS), GL_SIGNALED);
    GLST_CHECK_HEX(glClientWaitSync(s, 0, 0), GL_ALREADY_SIGNALED);
    GLST_CHECK_HEX(glClientWaitSync(s, GL_SYNC_FLUSH_COMMANDS_BIT, 2000000000ull), GL_ALREADY_SIGNALED);
    glWaitSync(s, 0, GL_TIMEOUT_IGNORED);
    GLST_ERR("waits on a signalled fence", GL_NO_ERROR);

    /* bufSize 0: nothing written, the length still says 1 */
    GLint v = -7;
    GLsizei length = -7;
    glGetSynciv(s, GL_SYNC_STATUS, 0, &length, &v);
    glst_note("glGetSynciv bufSize 0: %d length %d", v, length);
    GLST_CHECK_INT(v, -7);
    GLST_ERR("glGetSynciv bufSize 0", GL_NO_ERROR);
    /* a huge bufSize writes the one value */
    GLint big[4] = {-7, -7, -7, -7};
    glGetSynciv(s, GL_OBJECT_TYPE, 0x7fffffff, NULL, big);
    glst_note("glGetSynciv bufSize 2^31-1: 0x%x %d", big[0], big[1]);
    GLST_CHECK_INT(big[1], -7);
    GLST_ERR("glGetSynciv huge bufSize", GL_NO_ERROR);

    /* a fence after a draw, waited on for long: signalled either way */
    glClearColor(0.25f, 0.5f, 0.75f, 1.0f);
    glClear(GL_COLOR_BUFFER_BIT);
    GLsync s2 = glFenceSync(GL_SYNC_GPU_COMMANDS_COMPLETE, 0);
    GLenum r = glClientWaitSync(s2, GL_SYNC_FLUSH_COMMANDS_BIT, 5000000000ull);
    glst_note("wait after a clear: %s", r == GL_ALREADY_SIGNALED || r == GL_CONDITION_SATISFIED ? "signalled" : "?");
    GLST_CHECK(r == GL_ALREADY_SIGNALED || r == GL_CONDITION_SATISFIED);
    GLST_CHECK_HEX(sync_value(s2, GL_SYNC_STATUS), GL_SIGNALED);

    /* errors */
    GLST_CHECK(glFenceSync(0, 0) == 0);
    GLST_ERR("glFenceSync bad condition", GL_INVALID_ENUM);
    GLST_CHECK(glFenceSync(GL_SYNC_GPU_COMMANDS_COMPLETE, 1) == 0);
    GLST_ERR("glFenceSync flags 1", GL_INVALID_VALUE);
    GLST_CHECK(glFenceSync(0, 1) == 0);
    GLST_ERR("glFenceSync bad condition and flags", GL_INVALID_ENUM);
    GLsync bogus = (GLsync)(uintptr_t)0x12345678;
    glst_note("glIsSync(bogus) = %d, glIsSync(0) = %d", glIsSync(bogus), glIsSync(0));
    GLST_ERR("glIsSync", GL_NO_ERROR);
    glDeleteSync(bogus);
    GLST_ERR("glDeleteSync bogus", GL_INVALID_VALUE);
    glDeleteSync(0);
    GLST_ERR("glDeleteSync 0", GL_NO_ERROR);
    GLST_CHECK_HEX(glClientWaitSync(bogus, 0, 0), GL_WAIT_FAILED);
    GLST_ERR("glClientWaitSync bogus", GL_INVALID_VALUE);
    GLST_CHECK_HEX(glClientWaitSync(s, 2, 0), GL_WAIT_FAILED);
    GLST_ERR("glClientWaitSync flags 2", GL_INVALID_VALUE);
    glWaitSync(s, 1, GL_TIMEOUT_IGNORED);
    GLST_ERR("glWaitSync flags 1", GL_INVALID_VALUE);
    glWaitSync(s, 0, 0);
    GLST_ERR("glWaitSync timeout 0", GL_INVALID_VALUE);
    glWaitSync(bogus, 0, GL_TIMEOUT_IGNORED);
    GLST_ERR("glWaitSync bogus", GL_INVALID_VALUE);
    v = -7;
    glGetSynciv(s, GL_SYNC_STATUS, -1, &length, &v);
    GLST_ERR("glGetSynciv bufSize -1", GL_INVALID_VALUE);
    glGetSynciv(s, GL_TEXTURE_2D, 1, &length, &v);
    GLST_ERR("glGetSynciv bad pname", GL_INVALID_ENUM);
    glGetSynciv(bogus, GL_SYNC_STATUS, 1, &length, &v);
    GLST_ERR("glGetSynciv bogus", GL_INVALID_VALUE);
    glGetSynciv(bogus, GL_TEXTURE_2D, -1, &length, &v);
    GLST_ERR("glGetSynciv bogus, bad pname, bufSize -1", GL_INVALID_VALUE);
    glGetSynciv(s, GL_TEXTURE_2D, -1, &length, &v);
    GLST_ERR("glGetSynciv bad pname, bufSize -1", GL_INVALID_ENUM);
    GLST_CHECK_INT(v, -7);

    /* syncs are shared in the share group, not beyond */
    const EGLint attribs[] = {EGL_CONTEXT_CLIENT_VERSION, 2, EGL_NONE};
    EGLContext shared = eglCreateContext(e->dpy, e->config, e->ctx, attribs);
    EGLContext alone = eglCreateContext(e->dpy, e->config, EGL_NO_CONTEXT, attribs);
    GLST_CHECK(shared != EGL_NO_CONTEXT && alone != EGL_NO_CONTEXT);
    eglMakeCurrent(e->dpy, e->surf, e->surf, shared);
    glst_note("shared context: glIsSync = %d", glIsSync(s));
    GLST_CHECK_HEX(glClientWaitSync(s, 0, 0), GL_ALREADY_SIGNALED);
    glDeleteSync(s2); /* deleted from the other context */
    GLST_ERR("shared context", GL_NO_ERROR);
    eglMakeCurrent(e->dpy, e->surf, e->surf, alone);
    glst_note("unshared context: glIsSync = %d", glIsSync(s));
    glDeleteSync(s);
    GLST_ERR("unshared context: glDeleteSync", GL_INVALID_VALUE);
    eglMakeCurrent(e->dpy, e->surf, e->surf, e->ctx);
    glst_note("after deletion in the shared context: glIsSync = %d", glIsSync(s2));
    glDeleteSync(s);
    GLST_ERR("glDeleteSync", GL_NO_ERROR);
    glst_note("after glDeleteSync: glIsSync = %d", glIsSync(s));
    GLST_CHECK_HEX(glClientWaitSync(s, 0, 0), GL_WAIT_FAILED);
    GLST_ERR("glClientWaitSync deleted", GL_INVALID_VALUE);
    eglDestroyContext(e->dpy, shared);
    eglDestroyContext(e->dpy, alone);
}

/* ---- queries ---- */

static GLuint program;

static void draw_quad(void)
{
    static const GLfloat quad[] = {-1, -1, 1, -1, -1, 1, 1, 1};
    glUseProgram(program);
    glVertexAttribPointer(0, 2, GL_FLOAT, GL_FALSE, 0, quad);
    glEnableVertexAttribArray(0);
    glDrawArrays(GL_TRIANGLE_STRIP, 0, 4);
}

static const char *query_label(GLint name, const GLuint *q)
{
    return name == 0 ? "0" : name == (GLint)q[0] ? "q0" : name == (GLint)q[1] ? "q1" : name == (GLint)q[2] ? "q2" : "?";
}

static GLuint query_result(GLuint q, const char *what)
{
    GLuint result = 77, available = 77;
    glGetQueryObjectuiv(q, GL_QUERY_RESULT, &result);
    glGetQueryObjectuiv(q, GL_QUERY_RESULT_AVAILABLE, &available);
    glst_note("%s: result %u available %u", what, result, available);
    GLST_ERR(what, GL_NO_ERROR);
    return result;
}

static void pixel(int x, int y)
{
    GLubyte p[4] = {0};
    glReadPixels(x, y, 1, 1, GL_RGBA, GL_UNSIGNED_BYTE, p);
    glst_note("pixel %d,%d = %u %u %u %u", x, y, p[0], p[1], p[2], p[3]);
}

static void test_queries(const glst_egl *e)
{
    program = glst_program("attribute vec4 pos; void main() { gl_Position = pos; }",
                           "precision mediump float; void main() { gl_FragColor = vec4(1.0, 0.0, 0.5, 1.0); }");
    glBindAttribLocation(program, 0, "pos");
    glLinkProgram(program);
    GLuint q[3] = {0};
    glGenQueries(3, q);
    GLST_ERR("glGenQueries", GL_NO_ERROR);
    /* a name is a query once glBeginQuery made its object */
    glst_note("glIsQuery after glGenQueries = %d", glIsQuery(q[0]));
    GLint current = -1;
    glGetQueryiv(GL_ANY_SAMPLES_PASSED, GL_CURRENT_QUERY, &current);
    glst_note("CURRENT_QUERY before = %s", query_label(current, q));

    /* pixels drawn */
    glClearColor(0, 0, 0, 1);
    glClear(GL_COLOR_BUFFER_BIT);
    glBeginQuery(GL_ANY_SAMPLES_PASSED, q[0]);
    GLST_ERR("glBeginQuery", GL_NO_ERROR);
    glst_note("glIsQuery while active = %d", glIsQuery(q[0]));
    glGetQueryiv(GL_ANY_SAMPLES_PASSED, GL_CURRENT_QUERY, &current);
    glst_note("CURRENT_QUERY ANY_SAMPLES_PASSED = %s", query_label(current, q));
    GLuint result = 77;
    glGetQueryObjectuiv(q[0], GL_QUERY_RESULT, &result);
    GLST_ERR("glGetQueryObjectuiv of an active query", GL_INVALID_OPERATION);
    GLST_CHECK_INT(result, 77);
    glBeginQuery(GL_ANY_SAMPLES_PASSED, q[1]);
    GLST_ERR("glBeginQuery with the target active", GL_INVALID_OPERATION);
    glBeginQuery(GL_ANY_SAMPLES_PASSED_CONSERVATIVE, q[1]);
    GLST_ERR("glBeginQuery of the conservative target while one is active", GL_INVALID_OPERATION);
    draw_quad();
    glEndQuery(GL_ANY_SAMPLES_PASSED);
    GLST_ERR("glEndQuery", GL_NO_ERROR);
    GLST_CHECK_INT(query_result(q[0], "pixels drawn"), 1);
    pixel(8, 8);
    glGetQueryiv(GL_ANY_SAMPLES_PASSED, GL_CURRENT_QUERY, &current);
    glst_note("CURRENT_QUERY after = %s", query_label(current, q));

    /* nothing drawn: everything scissored away, then the conservative target */
    glEnable(GL_SCISSOR_TEST);
    glScissor(0, 0, 0, 0);
    glBeginQuery(GL_ANY_SAMPLES_PASSED_CONSERVATIVE, q[1]);
    glGetQueryiv(GL_ANY_SAMPLES_PASSED_CONSERVATIVE, GL_CURRENT_QUERY, &current);
    glst_note("CURRENT_QUERY ANY_SAMPLES_PASSED_CONSERVATIVE = %s", query_label(current, q));
    draw_quad();
    glEndQuery(GL_ANY_SAMPLES_PASSED_CONSERVATIVE);
    GLST_CHECK_INT(query_result(q[1], "nothing drawn"), 0);
    glDisable(GL_SCISSOR_TEST);
    /* the same query again, drawing */
    glBeginQuery(GL_ANY_SAMPLES_PASSED_CONSERVATIVE, q[1]);
    draw_quad();
    glEndQuery(GL_ANY_SAMPLES_PASSED_CONSERVATIVE);
    GLST_CHECK_INT(query_result(q[1], "conservative, drawn"), 1);

    /* primitives written without transform feedback: none */
    glBeginQuery(GL_TRANSFORM_FEEDBACK_PRIMITIVES_WRITTEN, q[2]);
    glGetQueryiv(GL_TRANSFORM_FEEDBACK_PRIMITIVES_WRITTEN, GL_CURRENT_QUERY, &current);
    glst_note("CURRENT_QUERY TRANSFORM_FEEDBACK_PRIMITIVES_WRITTEN = %s", query_label(current, q));
    draw_quad();
    glEndQuery(GL_TRANSFORM_FEEDBACK_PRIMITIVES_WRITTEN);
    GLST_CHECK_INT(query_result(q[2], "primitives written"), 0);

    /* errors */
    glBeginQuery(GL_ANY_SAMPLES_PASSED, 0);
    GLST_ERR("glBeginQuery 0", GL_INVALID_OPERATION);
    glBeginQuery(GL_ANY_SAMPLES_PASSED, 4242);
    GLST_ERR("glBeginQuery of an unused name", GL_INVALID_OPERATION);
    glst_note("glIsQuery(4242) = %d, glIsQuery(0) = %d", glIsQuery(4242), glIsQuery(0));
    glBeginQuery(GL_TEXTURE_2D, q[0]);
    GLST_ERR("glBeginQuery bad target", GL_INVALID_ENUM);
    glBeginQuery(GL_TRANSFORM_FEEDBACK_PRIMITIVES_WRITTEN, q[0]);
    GLST_ERR("glBeginQuery of another target than the query's", GL_INVALID_OPERATION);
    glEndQuery(GL_ANY_SAMPLES_PASSED);
    GLST_ERR("glEndQuery not active", GL_INVALID_OPERATION);
    glEndQuery(GL_TEXTURE_2D);
    GLST_ERR("glEndQuery bad target", GL_INVALID_ENUM);
    current = -1;
    glGetQueryiv(GL_TEXTURE_2D, GL_CURRENT_QUERY, &current);
    GLST_ERR("glGetQueryiv bad target", GL_INVALID_ENUM);
    glGetQueryiv(GL_ANY_SAMPLES_PASSED, GL_QUERY_RESULT, &current);
    GLST_ERR("glGetQueryiv bad pname", GL_INVALID_ENUM);
    GLST_CHECK_INT(current, -1);
    result = 77;
    glGetQueryObjectuiv(q[0], GL_CURRENT_QUERY, &result);
    GLST_ERR("glGetQueryObjectuiv bad pname", GL_INVALID_ENUM);
    glGetQueryObjectuiv(4242, GL_CURRENT_QUERY, &result);
    GLST_ERR("glGetQueryObjectuiv unused name, bad pname", GL_INVALID_OPERATION);
    glGetQueryObjectuiv(4242, GL_QUERY_RESULT, &result);
    GLST_ERR("glGetQueryObjectuiv unused name", GL_INVALID_OPERATION);
    glGetQueryObjectuiv(0, GL_QUERY_RESULT, &result);
    GLST_ERR("glGetQueryObjectuiv 0", GL_INVALID_OPERATION);
    GLuint fresh = 0;
    glGenQueries(1, &fresh);
    glGetQueryObjectuiv(fresh, GL_QUERY_RESULT_AVAILABLE, &result);
    GLST_ERR("glGetQueryObjectuiv never begun", GL_INVALID_OPERATION);
    GLST_CHECK_INT(result, 77);
    glGenQueries(-1, &fresh);
    GLST_ERR("glGenQueries -1", GL_INVALID_VALUE);
    glDeleteQueries(-1, &fresh);
    GLST_ERR("glDeleteQueries -1", GL_INVALID_VALUE);
    glGenQueries(0, NULL);
    glDeleteQueries(0, NULL);
    GLST_ERR("glGenQueries/glDeleteQueries 0", GL_NO_ERROR);

    /* queries are per context: another context of the share group sees none */
    const EGLint attribs[] = {EGL_CONTEXT_CLIENT_VERSION, 2, EGL_NONE};
    EGLContext shared = eglCreateContext(e->dpy, e->config, e->ctx, attribs);
    eglMakeCurrent(e->dpy, e->surf, e->surf, shared);
    glst_note("other context: glIsQuery(q0) = %d", glIsQuery(q[0]));
    glBeginQuery(GL_ANY_SAMPLES_PASSED, q[0]);
    GLST_ERR("other context: glBeginQuery(q0)", GL_INVALID_OPERATION);
    result = 77;
    glGetQueryObjectuiv(q[0], GL_QUERY_RESULT, &result);
    GLST_ERR("other context: glGetQueryObjectuiv(q0)", GL_INVALID_OPERATION);
    eglMakeCurrent(e->dpy, e->surf, e->surf, e->ctx);
    eglDestroyContext(e->dpy, shared);

    /* deleting an active query ends it */
    glBeginQuery(GL_ANY_SAMPLES_PASSED, q[0]);
    glDeleteQueries(1, &q[0]);
    GLST_ERR("glDeleteQueries of an active query", GL_NO_ERROR);
    glGetQueryiv(GL_ANY_SAMPLES_PASSED, GL_CURRENT_QUERY, &current);
    glst_note("CURRENT_QUERY after deleting the active query = %s", query_label(current, q));
    glst_note("glIsQuery after glDeleteQueries = %d", glIsQuery(q[0]));
    glEndQuery(GL_ANY_SAMPLES_PASSED);
    GLST_ERR("glEndQuery after deleting", GL_INVALID_OPERATION);
    glDeleteQueries(2, &q[1]);
    glDeleteQueries(1, &fresh);
    glDeleteProgram(program);
    GLST_ERR("queries", GL_NO_ERROR);
}

/* ---- state ---- */

/* Every single-valued ES 3.0 pname whose value is the driver's on both
 * sides (native Mesa is ES 3.2: the version and extension counts and the
 * program binary formats differ, see glst_es3_version). */
static const struct {
    GLenum pname;
    const char *name;
} pnames[] = {
#define P(x) {x, #x}
    P(GL_COPY_READ_BUFFER_BINDING), P(GL_COPY_WRITE_BUFFER_BINDING), P(GL_DRAW_FRAMEBUFFER_BINDING),
    P(GL_READ_FRAMEBUFFER_BINDING), P(GL_PIXEL_PACK_BUFFER_BINDING), P(GL_PIXEL_UNPACK_BUFFER_BINDING),
    P(GL_SAMPLER_BINDING), P(GL_TEXTURE_BINDING_3D), P(GL_TEXTURE_BINDING_2D_ARRAY),
    P(GL_TRANSFORM_FEEDBACK_BINDING), P(GL_TRANSFORM_FEEDBACK_ACTIVE), P(GL_TRANSFORM_FEEDBACK_PAUSED),
    P(GL_TRANSFORM_FEEDBACK_BUFFER_BINDING), P(GL_UNIFORM_BUFFER_BINDING), P(GL_VERTEX_ARRAY_BINDING),
    P(GL_READ_BUFFER), P(GL_DRAW_BUFFER0), P(GL_DRAW_BUFFER1), P(GL_DRAW_BUFFER3),
    P(GL_MAX_3D_TEXTURE_SIZE), P(GL_MAX_ARRAY_TEXTURE_LAYERS), P(GL_MAX_COLOR_ATTACHMENTS),
    P(GL_MAX_DRAW_BUFFERS), P(GL_MAX_ELEMENT_INDEX), P(GL_MAX_ELEMENTS_INDICES), P(GL_MAX_ELEMENTS_VERTICES),
    P(GL_MAX_SAMPLES), P(GL_MAX_COMBINED_UNIFORM_BLOCKS), P(GL_MAX_VERTEX_UNIFORM_BLOCKS),
    P(GL_MAX_FRAGMENT_UNIFORM_BLOCKS), P(GL_MAX_COMBINED_VERTEX_UNIFORM_COMPONENTS),
    P(GL_MAX_COMBINED_FRAGMENT_UNIFORM_COMPONENTS), P(GL_MAX_VERTEX_UNIFORM_COMPONENTS),
    P(GL_MAX_FRAGMENT_UNIFORM_COMPONENTS), P(GL_MAX_UNIFORM_BLOCK_SIZE), P(GL_MAX_UNIFORM_BUFFER_BINDINGS),
    P(GL_UNIFORM_BUFFER_OFFSET_ALIGNMENT), P(GL_MAX_TRANSFORM_FEEDBACK_INTERLEAVED_COMPONENTS),
    P(GL_MAX_TRANSFORM_FEEDBACK_SEPARATE_ATTRIBS), P(GL_MAX_TRANSFORM_FEEDBACK_SEPARATE_COMPONENTS),
    P(GL_MAX_VARYING_COMPONENTS), P(GL_MAX_VERTEX_OUTPUT_COMPONENTS), P(GL_MAX_FRAGMENT_INPUT_COMPONENTS),
    P(GL_MIN_PROGRAM_TEXEL_OFFSET), P(GL_MAX_PROGRAM_TEXEL_OFFSET), P(GL_MAX_SERVER_WAIT_TIMEOUT),
    P(GL_MAX_TEXTURE_LOD_BIAS), P(GL_NUM_SHADER_BINARY_FORMATS),
    P(GL_PACK_ROW_LENGTH), P(GL_PACK_SKIP_PIXELS), P(GL_PACK_SKIP_ROWS), P(GL_PACK_ALIGNMENT),
    P(GL_UNPACK_ROW_LENGTH), P(GL_UNPACK_IMAGE_HEIGHT), P(GL_UNPACK_SKIP_IMAGES), P(GL_UNPACK_SKIP_PIXELS),
    P(GL_UNPACK_SKIP_ROWS), P(GL_UNPACK_ALIGNMENT),
    P(GL_PRIMITIVE_RESTART_FIXED_INDEX), P(GL_RASTERIZER_DISCARD), P(GL_FRAGMENT_SHADER_DERIVATIVE_HINT),
#undef P
};

static void note_state(GLenum pname, const char *name)
{
    GLboolean b[4] = {7, 7, 7, 7};
    GLint i[4] = {-7, -7, -7, -7};
    GLint64 l[4] = {-7, -7, -7, -7};
    GLfloat f[4] = {-7, -7, -7, -7};
    glGetBooleanv(pname, b);
    glGetIntegerv(pname, i);
    glGetInteger64v(pname, l);
    glGetFloatv(pname, f);
    glst_note("%s: b %u i %d l %lld f %g", name, b[0], i[0], (long long)l[0], (double)f[0]);
    /* one value each */
    GLST_CHECK(b[1] == 7 && i[1] == -7 && l[1] == -7 && f[1] == -7);
    char what[128];
    snprintf(what, sizeof(what), "get %s", name);
    GLST_ERR(what, GL_NO_ERROR);
}

static void note_indexed(GLenum target, GLuint index, const char *name, GLenum error)
{
    GLint i[2] = {-7, -7};
    GLint64 l[2] = {-7, -7};
    glGetIntegeri_v(target, index, i);
    glGetInteger64i_v(target, index, l);
    glst_note("%s[%u]: i %d l %lld", name, index, i[0], (long long)l[0]);
    GLST_CHECK(i[1] == -7 && l[1] == -7);
    char what[128];
    snprintf(what, sizeof(what), "indexed %s[%u]", name, index);
    glst_observe_error(what, error, __FILE__, __LINE__);
    if (error == GL_NO_ERROR)
        return;
    /* the second getter raised it too */
    GLST_CHECK(i[0] == -7 && l[0] == -7);
}

static void test_state(void)
{
    for (size_t k = 0; k < sizeof(pnames) / sizeof(*pnames); k++)
        note_state(pnames[k].pname, pnames[k].name);
    /* state changed by this group's commands */
    glHint(GL_FRAGMENT_SHADER_DERIVATIVE_HINT, GL_NICEST);
    GLST_ERR("glHint FRAGMENT_SHADER_DERIVATIVE_HINT", GL_NO_ERROR);
    note_state(GL_FRAGMENT_SHADER_DERIVATIVE_HINT, "GL_FRAGMENT_SHADER_DERIVATIVE_HINT after glHint");
    glHint(GL_FRAGMENT_SHADER_DERIVATIVE_HINT, GL_TEXTURE_2D);
    GLST_ERR("glHint bad mode", GL_INVALID_ENUM);
    glHint(GL_TEXTURE_2D, GL_NICEST);
    GLST_ERR("glHint bad target", GL_INVALID_ENUM);
    /* bindings map back to the application's names */
    GLuint fb = 0, rb = 0;
    glGenFramebuffers(1, &fb);
    glGenRenderbuffers(1, &rb);
    glGenFramebuffers(1, &fb); /* a second name, so that it is not 1 by chance */
    glBindFramebuffer(GL_FRAMEBUFFER, fb);
    glBindRenderbuffer(GL_RENDERBUFFER, rb);
    glRenderbufferStorage(GL_RENDERBUFFER, GL_RGBA4, W, H);
    glFramebufferRenderbuffer(GL_FRAMEBUFFER, GL_COLOR_ATTACHMENT0, GL_RENDERBUFFER, rb);
    note_state(GL_READ_FRAMEBUFFER_BINDING, "GL_READ_FRAMEBUFFER_BINDING bound");
    note_state(GL_DRAW_FRAMEBUFFER_BINDING, "GL_DRAW_FRAMEBUFFER_BINDING bound");
    note_state(GL_READ_BUFFER, "GL_READ_BUFFER of a framebuffer object");
    note_state(GL_DRAW_BUFFER0, "GL_DRAW_BUFFER0 of a framebuffer object");
    glBindFramebuffer(GL_FRAMEBUFFER, 0);
    glDeleteFramebuffers(1, &fb);
    glDeleteRenderbuffers(1, &rb);
    /* values of several components through the 64-bit getter */
    GLint64 viewport[5] = {-7, -7, -7, -7, -7};
    glGetInteger64v(GL_VIEWPORT, viewport);
    glst_note("GL_VIEWPORT 64: %lld %lld %lld %lld %lld", (long long)viewport[0], (long long)viewport[1],
              (long long)viewport[2], (long long)viewport[3], (long long)viewport[4]);
    GLST_CHECK_INT(viewport[2], W);
    GLST_CHECK_INT(viewport[4], -7);
    GLint64 range[3] = {-7, -7, -7};
    glGetInteger64v(GL_ALIASED_POINT_SIZE_RANGE, range);
    glst_note("GL_ALIASED_POINT_SIZE_RANGE 64: %lld %lld %lld", (long long)range[0], (long long)range[1],
              (long long)range[2]);
    note_state(GL_MAX_TEXTURE_SIZE, "GL_MAX_TEXTURE_SIZE");
    /* state the client answers, through every getter */
    GLuint buffers[2];
    glGenBuffers(2, buffers);
    glBindBuffer(GL_ARRAY_BUFFER, buffers[1]);
    note_state(GL_ARRAY_BUFFER_BINDING, "GL_ARRAY_BUFFER_BINDING bound");
    glBindBuffer(GL_ARRAY_BUFFER, 0);
    glDeleteBuffers(2, buffers);
    glPixelStorei(GL_UNPACK_ALIGNMENT, 2);
    glPixelStorei(GL_PACK_ALIGNMENT, 8);
    note_state(GL_UNPACK_ALIGNMENT, "GL_UNPACK_ALIGNMENT 2");
    note_state(GL_PACK_ALIGNMENT, "GL_PACK_ALIGNMENT 8");
    glPixelStorei(GL_UNPACK_ALIGNMENT, 4);
    glPixelStorei(GL_PACK_ALIGNMENT, 4);

    /* indexed: within the limits, at them, and bad targets */
    GLint max_uniform = 0, max_tf = 0;
    glGetIntegerv(GL_MAX_UNIFORM_BUFFER_BINDINGS, &max_uniform);
    glGetIntegerv(GL_MAX_TRANSFORM_FEEDBACK_SEPARATE_ATTRIBS, &max_tf);
    const GLenum uniform[] = {GL_UNIFORM_BUFFER_BINDING, GL_UNIFORM_BUFFER_START, GL_UNIFORM_BUFFER_SIZE};
    const GLenum tf[] = {GL_TRANSFORM_FEEDBACK_BUFFER_BINDING, GL_TRANSFORM_FEEDBACK_BUFFER_START,
                         GL_TRANSFORM_FEEDBACK_BUFFER_SIZE};
    const char *uniform_names[] = {"UNIFORM_BUFFER_BINDING", "UNIFORM_BUFFER_START", "UNIFORM_BUFFER_SIZE"};
    const char *tf_names[] = {"TRANSFORM_FEEDBACK_BUFFER_BINDING", "TRANSFORM_FEEDBACK_BUFFER_START",
                              "TRANSFORM_FEEDBACK_BUFFER_SIZE"};
    for (int k = 0; k < 3; k++) {
        note_indexed(uniform[k], 0, uniform_names[k], GL_NO_ERROR);
        note_indexed(uniform[k], (GLuint)max_uniform - 1, uniform_names[k], GL_NO_ERROR);
        note_indexed(uniform[k], (GLuint)max_uniform, uniform_names[k], GL_INVALID_VALUE);
        note_indexed(uniform[k], 0xffffffffu, uniform_names[k], GL_INVALID_VALUE);
        note_indexed(tf[k], 0, tf_names[k], GL_NO_ERROR);
        note_indexed(tf[k], (GLuint)max_tf - 1, tf_names[k], GL_NO_ERROR);
        note_indexed(tf[k], (GLuint)max_tf, tf_names[k], GL_INVALID_VALUE);
    }
    note_indexed(GL_MAX_TEXTURE_SIZE, 0, "GL_MAX_TEXTURE_SIZE", GL_INVALID_ENUM);

    /* bad pnames */
    GLint64 l = -7;
    glGetInteger64v(0x1234, &l);
    GLST_ERR("glGetInteger64v bad pname", GL_INVALID_ENUM);
    GLST_CHECK_INT(l, -7);
    GLint i = -7;
    glGetIntegerv(GL_TEXTURE_2D, &i);
    GLST_ERR("glGetIntegerv bad pname", GL_INVALID_ENUM);
    GLST_CHECK_INT(i, -7);
    GLST_CHECK(glGetStringi(GL_VENDOR, 0) == NULL);
    GLST_ERR("glGetStringi(GL_VENDOR)", GL_INVALID_ENUM);
    GLST_CHECK(glGetStringi(GL_EXTENSIONS, 100000) == NULL);
    GLST_ERR("glGetStringi past the end", GL_INVALID_VALUE);
}

int main(void)
{
    glst_egl e;
    if (!glst_egl_setup(&e, W, H)) /* ES 2 asked, the highest offered: ES 3 */
        return 1;
    glst_observe_open("es3_state");
    test_syncs(&e);
    test_queries(&e);
    test_state();
    glst_observe_close();
    glst_egl_teardown(&e);
    return glst_finish();
}
