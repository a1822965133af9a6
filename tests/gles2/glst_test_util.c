/* Shared helpers for the glstream EGL/GLES2 test programs. */
#include "glst_test_util.h"

#include <stdarg.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static atomic_int glst_pass_count;
static atomic_int glst_fail_count;

void glst_check_impl(bool ok, const char *expr, const char *file, int line)
{
    if (ok) {
        atomic_fetch_add(&glst_pass_count, 1);
        return;
    }
    atomic_fetch_add(&glst_fail_count, 1);
    fprintf(stderr, "FAIL %s:%d: %s\n", file, line, expr);
}

void glst_check_int_impl(long long actual, long long expected, const char *expr,
                         const char *file, int line)
{
    if (actual == expected) {
        atomic_fetch_add(&glst_pass_count, 1);
        return;
    }
    atomic_fetch_add(&glst_fail_count, 1);
    fprintf(stderr, "FAIL %s:%d: %s == %lld, expected %lld\n", file, line, expr,
            actual, expected);
}

void glst_check_hex_impl(long long actual, long long expected, const char *expr,
                         const char *file, int line)
{
    if (actual == expected) {
        atomic_fetch_add(&glst_pass_count, 1);
        return;
    }
    atomic_fetch_add(&glst_fail_count, 1);
    fprintf(stderr, "FAIL %s:%d: %s == 0x%llx, expected 0x%llx\n", file, line,
            expr, actual, expected);
}

void glst_fail_msg(const char *file, int line, const char *fmt, ...)
{
    va_list ap;
    atomic_fetch_add(&glst_fail_count, 1);
    fprintf(stderr, "FAIL %s:%d: ", file, line);
    va_start(ap, fmt);
    vfprintf(stderr, fmt, ap);
    va_end(ap);
    fputc('\n', stderr);
}

int glst_passed(void) { return atomic_load(&glst_pass_count); }
int glst_failed(void) { return atomic_load(&glst_fail_count); }

int glst_finish(void)
{
    int failed = glst_failed();
    printf("%d passed, %d failed\n", glst_passed(), failed);
    fflush(stdout);
    return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}

bool glst_has_token(const char *list, const char *name)
{
    size_t len = strlen(name);
    const char *p = list;
    if (!list || len == 0)
        return false;
    while ((p = strstr(p, name)) != NULL) {
        bool starts = p == list || p[-1] == ' ';
        bool ends = p[len] == ' ' || p[len] == '\0';
        if (starts && ends)
            return true;
        p += len;
    }
    return false;
}

bool glst_has_gl_ext(const char *name)
{
    return glst_has_token((const char *)glGetString(GL_EXTENSIONS), name);
}

bool glst_has_egl_ext(EGLDisplay dpy, const char *name)
{
    return glst_has_token(eglQueryString(dpy, EGL_EXTENSIONS), name);
}

EGLDisplay glst_get_display(EGLint *major, EGLint *minor)
{
    EGLint maj = 0, min = 0;
    EGLDisplay dpy = eglGetDisplay(EGL_DEFAULT_DISPLAY);
    if (dpy != EGL_NO_DISPLAY && eglInitialize(dpy, &maj, &min))
        goto done;

    /* Native Mesa has no default platform without DISPLAY; its surfaceless
     * platform offers the same pbuffer configs. */
    const char *client = eglQueryString(EGL_NO_DISPLAY, EGL_EXTENSIONS);
    PFNEGLGETPLATFORMDISPLAYEXTPROC get_platform_display =
        (PFNEGLGETPLATFORMDISPLAYEXTPROC)eglGetProcAddress("eglGetPlatformDisplayEXT");
    if (!glst_has_token(client, "EGL_MESA_platform_surfaceless") || !get_platform_display)
        return EGL_NO_DISPLAY;
    dpy = get_platform_display(EGL_PLATFORM_SURFACELESS_MESA, EGL_DEFAULT_DISPLAY, NULL);
    if (dpy == EGL_NO_DISPLAY || !eglInitialize(dpy, &maj, &min))
        return EGL_NO_DISPLAY;
done:
    if (major)
        *major = maj;
    if (minor)
        *minor = min;
    return dpy;
}

bool glst_choose_config(EGLDisplay dpy, EGLConfig *config)
{
    static const EGLint attribs[] = {
        EGL_SURFACE_TYPE, EGL_PBUFFER_BIT,
        EGL_RENDERABLE_TYPE, EGL_OPENGL_ES2_BIT,
        EGL_RED_SIZE, 8, EGL_GREEN_SIZE, 8, EGL_BLUE_SIZE, 8, EGL_ALPHA_SIZE, 8,
        EGL_DEPTH_SIZE, 24, EGL_STENCIL_SIZE, 8,
        EGL_NONE,
    };
    EGLConfig configs[64];
    EGLint n = 0;
    if (!eglChooseConfig(dpy, attribs, configs, 64, &n) || n < 1)
        return false;
    /* Prefer an exact RGBA8888 match so readbacks are comparable. */
    for (EGLint i = 0; i < n; i++) {
        EGLint r, g, b, a;
        eglGetConfigAttrib(dpy, configs[i], EGL_RED_SIZE, &r);
        eglGetConfigAttrib(dpy, configs[i], EGL_GREEN_SIZE, &g);
        eglGetConfigAttrib(dpy, configs[i], EGL_BLUE_SIZE, &b);
        eglGetConfigAttrib(dpy, configs[i], EGL_ALPHA_SIZE, &a);
        if (r == 8 && g == 8 && b == 8 && a == 8) {
            *config = configs[i];
            return true;
        }
    }
    *config = configs[0];
    return true;
}

bool glst_egl_setup(glst_egl *e, int width, int height)
{
    return glst_egl_setup_version(e, width, height, 2);
}

bool glst_egl_setup_version(glst_egl *e, int width, int height, int major)
{
    const EGLint ctx_attribs[] = { EGL_CONTEXT_CLIENT_VERSION, major, EGL_NONE };
    memset(e, 0, sizeof(*e));
    e->width = width;
    e->height = height;
    e->dpy = glst_get_display(NULL, NULL);
    if (e->dpy == EGL_NO_DISPLAY) {
        fprintf(stderr, "glst: no EGL display\n");
        return false;
    }
    if (!eglBindAPI(EGL_OPENGL_ES_API) || !glst_choose_config(e->dpy, &e->config)) {
        fprintf(stderr, "glst: no ES2 pbuffer config\n");
        return false;
    }
    const EGLint pb_attribs[] = { EGL_WIDTH, width, EGL_HEIGHT, height, EGL_NONE };
    e->surf = eglCreatePbufferSurface(e->dpy, e->config, pb_attribs);
    e->ctx = eglCreateContext(e->dpy, e->config, EGL_NO_CONTEXT, ctx_attribs);
    if (e->surf == EGL_NO_SURFACE || e->ctx == EGL_NO_CONTEXT ||
        !eglMakeCurrent(e->dpy, e->surf, e->surf, e->ctx)) {
        fprintf(stderr, "glst: EGL setup failed (0x%x)\n", (unsigned)eglGetError());
        return false;
    }
    return true;
}

void glst_egl_teardown(glst_egl *e)
{
    if (e->dpy == EGL_NO_DISPLAY)
        return;
    eglMakeCurrent(e->dpy, EGL_NO_SURFACE, EGL_NO_SURFACE, EGL_NO_CONTEXT);
    if (e->ctx != EGL_NO_CONTEXT)
        eglDestroyContext(e->dpy, e->ctx);
    if (e->surf != EGL_NO_SURFACE)
        eglDestroySurface(e->dpy, e->surf);
    eglTerminate(e->dpy);
    eglReleaseThread();
    memset(e, 0, sizeof(*e));
}

GLuint glst_compile(GLenum type, const char *src)
{
    GLuint sh = glCreateShader(type);
    GLint ok = GL_FALSE;
    glShaderSource(sh, 1, &src, NULL);
    glCompileShader(sh);
    glGetShaderiv(sh, GL_COMPILE_STATUS, &ok);
    if (!ok) {
        char log[1024] = "";
        glGetShaderInfoLog(sh, sizeof(log), NULL, log);
        glst_fail_msg(__FILE__, __LINE__, "shader compile failed: %s", log);
    }
    return sh;
}

GLuint glst_program(const char *vs, const char *fs)
{
    GLuint prog = glCreateProgram();
    GLuint v = glst_compile(GL_VERTEX_SHADER, vs);
    GLuint f = glst_compile(GL_FRAGMENT_SHADER, fs);
    GLint ok = GL_FALSE;
    glAttachShader(prog, v);
    glAttachShader(prog, f);
    /* Fixed attribute slots keep scenes independent of linker choices. */
    glBindAttribLocation(prog, 0, "a_pos");
    glBindAttribLocation(prog, 1, "a_color");
    glBindAttribLocation(prog, 2, "a_tex");
    glLinkProgram(prog);
    glGetProgramiv(prog, GL_LINK_STATUS, &ok);
    if (!ok) {
        char log[1024] = "";
        glGetProgramInfoLog(prog, sizeof(log), NULL, log);
        glst_fail_msg(__FILE__, __LINE__, "program link failed: %s", log);
    }
    glDeleteShader(v);
    glDeleteShader(f);
    return prog;
}
