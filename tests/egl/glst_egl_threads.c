/* Two threads with their own contexts current at the same time, each
 * rendering a different colour into its own pbuffer; EGL errors and the
 * current context are per thread. */
#define _POSIX_C_SOURCE 200809L
#include "glst_egl_tests.h"

#include <pthread.h>
#include <string.h>

enum { GLST_THREADS = 2, GLST_ROUNDS = 20 };

struct glst_thread_ctx {
    EGLDisplay dpy;
    EGLContext ctx;
    EGLSurface surf;
    EGLContext other_ctx; /* the other thread's context and surface */
    EGLSurface other_surf;
    pthread_barrier_t *barrier;
    int index;
    int bad_pixels;
};

static const GLubyte thread_colors[GLST_THREADS][4] = {
    { 255, 0, 0, 255 },
    { 0, 0, 255, 255 },
};

static void *glst_thread_main(void *arg)
{
    struct glst_thread_ctx *t = arg;
    const GLubyte *c = thread_colors[t->index];
    GLST_CHECK(eglGetCurrentContext() == EGL_NO_CONTEXT);
    GLST_CHECK(eglBindAPI(EGL_OPENGL_ES_API));
    GLST_CHECK(eglMakeCurrent(t->dpy, t->surf, t->surf, t->ctx));
    /* Both contexts are current from here on. */
    pthread_barrier_wait(t->barrier);
    for (int round = 0; round < GLST_ROUNDS; round++) {
        GLubyte p[4] = { 0, 0, 0, 0 };
        glClearColor(c[0] / 255.0f, c[1] / 255.0f, c[2] / 255.0f, c[3] / 255.0f);
        glClear(GL_COLOR_BUFFER_BIT);
        glReadPixels(round % 16, round % 16, 1, 1, GL_RGBA, GL_UNSIGNED_BYTE, p);
        t->bad_pixels += memcmp(p, c, 4) != 0;
        pthread_barrier_wait(t->barrier); /* interleave the rounds */
    }
    GLST_CHECK(eglGetCurrentContext() == t->ctx);
    GLST_CHECK(eglGetCurrentSurface(EGL_DRAW) == t->surf);

    /* Per-thread errors: each thread raises a different one at the same
     * time and sees only its own. Thread 1 tries to bind thread 0's
     * context, which is current there: EGL_BAD_ACCESS. */
    EGLint unused = 0;
    if (t->index == 0)
        GLST_CHECK(!eglQuerySurface(t->dpy, EGL_NO_SURFACE, EGL_WIDTH, &unused));
    else
        GLST_CHECK(!eglMakeCurrent(t->dpy, t->other_surf, t->other_surf, t->other_ctx));
    pthread_barrier_wait(t->barrier);
    GLST_CHECK_EGL(t->index == 0 ? EGL_BAD_SURFACE : EGL_BAD_ACCESS);
    GLST_CHECK_EGL(EGL_SUCCESS);
    GLST_CHECK(eglGetCurrentContext() == t->ctx); /* failed bind kept it */
    pthread_barrier_wait(t->barrier);

    GLST_CHECK(eglReleaseThread());
    GLST_CHECK(eglGetCurrentContext() == EGL_NO_CONTEXT);
    return NULL;
}

void glst_egl_test_threads(EGLDisplay dpy, EGLConfig config)
{
    pthread_barrier_t barrier;
    pthread_t threads[GLST_THREADS];
    struct glst_thread_ctx t[GLST_THREADS];
    const EGLint pb_attribs[] = { EGL_WIDTH, 16, EGL_HEIGHT, 16, EGL_NONE };
    pthread_barrier_init(&barrier, NULL, GLST_THREADS);
    for (int i = 0; i < GLST_THREADS; i++) {
        memset(&t[i], 0, sizeof(t[i]));
        t[i].dpy = dpy;
        t[i].index = i;
        t[i].barrier = &barrier;
        t[i].surf = eglCreatePbufferSurface(dpy, config, pb_attribs);
        t[i].ctx = eglCreateContext(dpy, config, EGL_NO_CONTEXT, glst_es2_ctx_attribs);
        GLST_CHECK(t[i].surf != EGL_NO_SURFACE && t[i].ctx != EGL_NO_CONTEXT);
    }
    for (int i = 0; i < GLST_THREADS; i++) {
        t[i].other_ctx = t[(i + 1) % GLST_THREADS].ctx;
        t[i].other_surf = t[(i + 1) % GLST_THREADS].surf;
    }
    for (int i = 0; i < GLST_THREADS; i++)
        GLST_CHECK_INT(pthread_create(&threads[i], NULL, glst_thread_main, &t[i]), 0);
    for (int i = 0; i < GLST_THREADS; i++) {
        pthread_join(threads[i], NULL);
        GLST_CHECK_INT(t[i].bad_pixels, 0);
    }
    pthread_barrier_destroy(&barrier);

    /* The pbuffers kept their contents after the threads let go. */
    for (int i = 0; i < GLST_THREADS; i++) {
        GLubyte p[4] = { 0, 0, 0, 0 };
        GLST_CHECK(eglMakeCurrent(dpy, t[i].surf, t[i].surf, t[i].ctx));
        glReadPixels(3, 3, 1, 1, GL_RGBA, GL_UNSIGNED_BYTE, p);
        GLST_CHECK(memcmp(p, thread_colors[i], 4) == 0);
    }
    GLST_CHECK(eglMakeCurrent(dpy, EGL_NO_SURFACE, EGL_NO_SURFACE, EGL_NO_CONTEXT));
    for (int i = 0; i < GLST_THREADS; i++) {
        GLST_CHECK(eglDestroyContext(dpy, t[i].ctx));
        GLST_CHECK(eglDestroySurface(dpy, t[i].surf));
    }
}
