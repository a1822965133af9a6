/* Sections of the EGL test program, one file per area. */
#ifndef GLST_EGL_TESTS_H
#define GLST_EGL_TESTS_H

#include "glst_test_util.h"

/* ES2 context attributes used throughout. */
extern const EGLint glst_es2_ctx_attribs[];

/* Clears the current surface to (r, g, b, a) and checks pixel (x, y). */
void glst_clear_and_expect(float r, float g, float b, float a, int x, int y, const char *file,
                           int line);

/* Two threads render to two pbuffers with their own contexts at once. */
void glst_egl_test_threads(EGLDisplay dpy, EGLConfig config);

/* EGL 1.5 fence sync objects. */
void glst_egl_test_sync(EGLDisplay dpy, EGLConfig config);

/* EGL extensions: create_context, no_config_context, KHR fence syncs,
 * gl_colorspace. glst_egl_ext checks that an extension is advertised (and
 * must be, through glstream). */
void glst_egl_test_ext(EGLDisplay dpy, EGLConfig config);
bool glst_is_glstream(EGLDisplay dpy);
bool glst_egl_ext(EGLDisplay dpy, const char *name);

/* X11 window surfaces: swap, XGetImage, resize. Skipped without DISPLAY. */
void glst_egl_test_window(void);

#endif
