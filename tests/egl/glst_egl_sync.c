/* EGL 1.5 fence sync objects: eglCreateSync, eglClientWaitSync,
 * eglWaitSync, eglGetSyncAttrib, eglDestroySync, and their errors. The
 * functions come from eglGetProcAddress: the program needs only EGL 1.4
 * headers' declarations at link time. */
#include "glst_egl_tests.h"

typedef EGLSync (*glst_create_sync_fn)(EGLDisplay, EGLenum, const EGLAttrib *);
typedef EGLBoolean (*glst_destroy_sync_fn)(EGLDisplay, EGLSync);
typedef EGLint (*glst_client_wait_sync_fn)(EGLDisplay, EGLSync, EGLint, EGLTime);
typedef EGLBoolean (*glst_wait_sync_fn)(EGLDisplay, EGLSync, EGLint);
typedef EGLBoolean (*glst_get_sync_attrib_fn)(EGLDisplay, EGLSync, EGLint, EGLAttrib *);

void glst_egl_test_sync(EGLDisplay dpy, EGLConfig config)
{
    glst_create_sync_fn create = (glst_create_sync_fn)eglGetProcAddress("eglCreateSync");
    glst_destroy_sync_fn destroy = (glst_destroy_sync_fn)eglGetProcAddress("eglDestroySync");
    glst_client_wait_sync_fn client_wait = (glst_client_wait_sync_fn)eglGetProcAddress("eglClientWaitSync");
    glst_wait_sync_fn wait = (glst_wait_sync_fn)eglGetProcAddress("eglWaitSync");
    glst_get_sync_attrib_fn get_attrib = (glst_get_sync_attrib_fn)eglGetProcAddress("eglGetSyncAttrib");
    GLST_CHECK(create && destroy && client_wait && wait && get_attrib);
    if (!create || !destroy || !client_wait || !wait || !get_attrib)
        return;

    /* A fence needs a current context. */
    GLST_CHECK(create(dpy, EGL_SYNC_FENCE, NULL) == EGL_NO_SYNC);
    GLST_CHECK_EGL(EGL_BAD_MATCH);

    static const EGLint pb_attribs[] = { EGL_WIDTH, 16, EGL_HEIGHT, 16, EGL_NONE };
    EGLSurface pb = eglCreatePbufferSurface(dpy, config, pb_attribs);
    EGLContext ctx = eglCreateContext(dpy, config, EGL_NO_CONTEXT, glst_es2_ctx_attribs);
    GLST_CHECK(pb != EGL_NO_SURFACE && ctx != EGL_NO_CONTEXT);
    GLST_CHECK(eglMakeCurrent(dpy, pb, pb, ctx));

    /* Errors: an unknown type, attributes a fence does not take. */
    GLST_CHECK(create(dpy, 0x1234, NULL) == EGL_NO_SYNC);
    GLST_CHECK_EGL(EGL_BAD_PARAMETER);
    static const EGLAttrib bad_attribs[] = { EGL_SYNC_STATUS, EGL_SIGNALED, EGL_NONE };
    GLST_CHECK(create(dpy, EGL_SYNC_FENCE, bad_attribs) == EGL_NO_SYNC);
    GLST_CHECK_EGL(EGL_BAD_ATTRIBUTE);

    glClearColor(0.2f, 0.4f, 0.6f, 1.0f);
    glClear(GL_COLOR_BUFFER_BIT);
    EGLSync sync = create(dpy, EGL_SYNC_FENCE, NULL);
    GLST_CHECK(sync != EGL_NO_SYNC);
    EGLAttrib v = 0;
    GLST_CHECK(get_attrib(dpy, sync, EGL_SYNC_TYPE, &v));
    GLST_CHECK_HEX(v, EGL_SYNC_FENCE);
    GLST_CHECK(get_attrib(dpy, sync, EGL_SYNC_CONDITION, &v));
    GLST_CHECK_HEX(v, EGL_SYNC_PRIOR_COMMANDS_COMPLETE);
    GLST_CHECK_HEX(client_wait(dpy, sync, EGL_SYNC_FLUSH_COMMANDS_BIT, EGL_FOREVER), EGL_CONDITION_SATISFIED);
    GLST_CHECK(get_attrib(dpy, sync, EGL_SYNC_STATUS, &v));
    GLST_CHECK_HEX(v, EGL_SIGNALED);
    /* A signaled fence satisfies a zero timeout too. */
    GLST_CHECK_HEX(client_wait(dpy, sync, 0, 0), EGL_CONDITION_SATISFIED);
    GLST_CHECK(wait(dpy, sync, 0));
    GLST_CHECK(!wait(dpy, sync, 1));
    GLST_CHECK_EGL(EGL_BAD_PARAMETER);
    GLST_CHECK(!get_attrib(dpy, sync, EGL_WIDTH, &v));
    GLST_CHECK_EGL(EGL_BAD_ATTRIBUTE);
    GLST_CHECK(destroy(dpy, sync));

    /* A destroyed sync is gone. */
    GLST_CHECK(!destroy(dpy, sync));
    GLST_CHECK_EGL(EGL_BAD_PARAMETER);
    GLST_CHECK_HEX(client_wait(dpy, sync, 0, 0), EGL_FALSE);
    GLST_CHECK_EGL(EGL_BAD_PARAMETER);
    GLST_CHECK(!get_attrib(dpy, sync, EGL_SYNC_STATUS, &v));
    GLST_CHECK_EGL(EGL_BAD_PARAMETER);

    GLST_CHECK(eglMakeCurrent(dpy, EGL_NO_SURFACE, EGL_NO_SURFACE, EGL_NO_CONTEXT));
    GLST_CHECK(eglDestroyContext(dpy, ctx));
    GLST_CHECK(eglDestroySurface(dpy, pb));
}
