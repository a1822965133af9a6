/* Shared helpers for the glstream EGL/GLES2 test programs.
 * Only EGL, GLES2 and libc are used so the same binaries run natively and
 * through glstream. */
#ifndef GLST_TEST_UTIL_H
#define GLST_TEST_UTIL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include <EGL/egl.h>
#include <EGL/eglext.h>
#include <GLES2/gl2.h>
#include <GLES2/gl2ext.h>

typedef struct glst_egl {
    EGLDisplay dpy;
    EGLConfig config;
    EGLContext ctx;
    EGLSurface surf;
    int width;
    int height;
} glst_egl;

/* Returns an initialized display: eglGetDisplay(EGL_DEFAULT_DISPLAY) first,
 * then Mesa's surfaceless platform when no default platform is usable
 * (native Mesa without DISPLAY). Returns EGL_NO_DISPLAY on failure. */
EGLDisplay glst_get_display(EGLint *major, EGLint *minor);

/* Chooses an ES2 RGBA8888 + depth + stencil pbuffer config. */
bool glst_choose_config(EGLDisplay dpy, EGLConfig *config);

/* Display + ES2 context + width x height pbuffer, made current. */
bool glst_egl_setup(glst_egl *e, int width, int height);
/* The same with an OpenGL ES `major` context (3: an ES 3.x test). */
bool glst_egl_setup_version(glst_egl *e, int width, int height, int major);
void glst_egl_teardown(glst_egl *e);

/* Exact token match in a space separated extension string. */
bool glst_has_token(const char *list, const char *name);
bool glst_has_gl_ext(const char *name);
bool glst_has_egl_ext(EGLDisplay dpy, const char *name);

/* Shader helpers; they report failures through the check counters. */
GLuint glst_compile(GLenum type, const char *src);
GLuint glst_program(const char *vs, const char *fs);

/* Check counters (thread safe). */
void glst_check_impl(bool ok, const char *expr, const char *file, int line);
void glst_check_int_impl(long long actual, long long expected, const char *expr,
                         const char *file, int line);
void glst_check_hex_impl(long long actual, long long expected, const char *expr,
                         const char *file, int line);
void glst_fail_msg(const char *file, int line, const char *fmt, ...);

#define GLST_CHECK(cond) glst_check_impl((cond) ? true : false, #cond, __FILE__, __LINE__)
#define GLST_CHECK_INT(actual, expected) \
    glst_check_int_impl((long long)(actual), (long long)(expected), #actual, __FILE__, __LINE__)
#define GLST_CHECK_HEX(actual, expected) \
    glst_check_hex_impl((long long)(actual), (long long)(expected), #actual, __FILE__, __LINE__)
#define GLST_CHECK_GL(expected) GLST_CHECK_HEX(glGetError(), (expected))
#define GLST_CHECK_EGL(expected) GLST_CHECK_HEX(eglGetError(), (expected))

int glst_passed(void);
int glst_failed(void);

/* Prints exactly "N passed, N failed"; returns the process exit status. */
int glst_finish(void);

#endif
