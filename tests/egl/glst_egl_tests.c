/* EGL API tests: displays, configs, pbuffers, contexts, current state,
 * errors and surfaceless contexts. Threads and X11 windows live in their
 * own files. */
#include "glst_egl_tests.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

const EGLint glst_es2_ctx_attribs[] = { EGL_CONTEXT_CLIENT_VERSION, 2, EGL_NONE };

/* Handles that no implementation hands out. */
#define BOGUS_DISPLAY ((EGLDisplay)(uintptr_t)0x5EED0001u)
#define BOGUS_CONFIG ((EGLConfig)(uintptr_t)0x5EED0002u)
#define BOGUS_SURFACE ((EGLSurface)(uintptr_t)0x5EED0003u)
#define BOGUS_CONTEXT ((EGLContext)(uintptr_t)0x5EED0004u)

void glst_clear_and_expect(float r, float g, float b, float a, int x, int y, const char *file,
                           int line)
{
    GLubyte p[4] = { 0, 0, 0, 0 };
    glClearColor(r, g, b, a);
    glClear(GL_COLOR_BUFFER_BIT);
    glReadPixels(x, y, 1, 1, GL_RGBA, GL_UNSIGNED_BYTE, p);
    const float want[4] = { r, g, b, a };
    for (int i = 0; i < 4; i++) {
        int expected = (int)(want[i] * 255.0f + 0.5f);
        if (abs(p[i] - expected) > 1) {
            glst_fail_msg(file, line, "pixel (%d,%d) = %d,%d,%d,%d", x, y, p[0], p[1], p[2],
                          p[3]);
            return;
        }
    }
    glst_check_impl(true, "clear colour", file, line);
}
#define CLEAR_AND_EXPECT(r, g, b, a, x, y) \
    glst_clear_and_expect(r, g, b, a, x, y, __FILE__, __LINE__)

static void test_display(EGLDisplay *out_dpy)
{
    EGLint major = -1, minor = -1;
    EGLDisplay dpy = glst_get_display(&major, &minor);
    GLST_CHECK(dpy != EGL_NO_DISPLAY);
    *out_dpy = dpy;
    if (dpy == EGL_NO_DISPLAY)
        return;
    /* EGL 1.5, as the host's Mesa (glstream claims it since it offers
     * all of 1.5: docs/extensions.md, EGL). */
    GLST_CHECK_INT(major, 1);
    GLST_CHECK_INT(minor, 5);
    /* Re-initializing is allowed and reports the same version. */
    EGLint major2 = -1, minor2 = -1;
    GLST_CHECK(eglInitialize(dpy, &major2, &minor2));
    GLST_CHECK(major2 == major && minor2 == minor);
    GLST_CHECK(eglInitialize(dpy, NULL, NULL));
    GLST_CHECK_EGL(EGL_SUCCESS);
    /* The same native display gives the same EGLDisplay, initialized or
     * not (EGL 1.5 3.2; piglit's glsl-bug-110796 depends on it). */
    if (getenv("DISPLAY"))
        GLST_CHECK(eglGetDisplay(EGL_DEFAULT_DISPLAY) == dpy);

    const char *vendor = eglQueryString(dpy, EGL_VENDOR);
    const char *version = eglQueryString(dpy, EGL_VERSION);
    const char *exts = eglQueryString(dpy, EGL_EXTENSIONS);
    const char *apis = eglQueryString(dpy, EGL_CLIENT_APIS);
    GLST_CHECK(vendor && *vendor);
    char prefix[16];
    snprintf(prefix, sizeof(prefix), "%d.%d", major, minor);
    GLST_CHECK(version && strncmp(version, prefix, strlen(prefix)) == 0);
    GLST_CHECK(version && (version[3] == '\0' || version[3] == ' '));
    GLST_CHECK(exts != NULL);
    GLST_CHECK(apis && glst_has_token(apis, "OpenGL_ES"));
    GLST_CHECK(eglQueryString(dpy, 0x1234) == NULL);
    GLST_CHECK_EGL(EGL_BAD_PARAMETER);
    GLST_CHECK_EGL(EGL_SUCCESS); /* the error was consumed */
}

/* Every EGL 1.4 config attribute. */
static const EGLint config_attribs[] = {
    EGL_BUFFER_SIZE, EGL_RED_SIZE, EGL_GREEN_SIZE, EGL_BLUE_SIZE, EGL_LUMINANCE_SIZE,
    EGL_ALPHA_SIZE, EGL_ALPHA_MASK_SIZE, EGL_BIND_TO_TEXTURE_RGB, EGL_BIND_TO_TEXTURE_RGBA,
    EGL_COLOR_BUFFER_TYPE, EGL_CONFIG_CAVEAT, EGL_CONFIG_ID, EGL_CONFORMANT, EGL_DEPTH_SIZE,
    EGL_LEVEL, EGL_MAX_PBUFFER_WIDTH, EGL_MAX_PBUFFER_HEIGHT, EGL_MAX_PBUFFER_PIXELS,
    EGL_MAX_SWAP_INTERVAL, EGL_MIN_SWAP_INTERVAL, EGL_NATIVE_RENDERABLE, EGL_NATIVE_VISUAL_ID,
    EGL_NATIVE_VISUAL_TYPE, EGL_RENDERABLE_TYPE, EGL_SAMPLE_BUFFERS, EGL_SAMPLES,
    EGL_STENCIL_SIZE, EGL_SURFACE_TYPE, EGL_TRANSPARENT_TYPE, EGL_TRANSPARENT_RED_VALUE,
    EGL_TRANSPARENT_GREEN_VALUE, EGL_TRANSPARENT_BLUE_VALUE,
};
#define N_CONFIG_ATTRIBS ((int)(sizeof(config_attribs) / sizeof(config_attribs[0])))

static EGLint attrib(EGLDisplay dpy, EGLConfig c, EGLint name)
{
    EGLint v = -1;
    if (!eglGetConfigAttrib(dpy, c, name, &v))
        glst_fail_msg(__FILE__, __LINE__, "eglGetConfigAttrib(0x%x) failed", name);
    return v;
}

static void test_configs(EGLDisplay dpy)
{
    EGLint n = 0;
    GLST_CHECK(eglGetConfigs(dpy, NULL, 0, &n));
    GLST_CHECK(n > 0);
    if (n <= 0)
        return;
    EGLConfig *configs = calloc((size_t)n + 1, sizeof(EGLConfig));
    EGLint got = 0;
    /* Asking for fewer returns exactly that many. */
    GLST_CHECK(eglGetConfigs(dpy, configs, 1, &got));
    GLST_CHECK_INT(got, 1);
    GLST_CHECK(eglGetConfigs(dpy, configs, n + 1, &got));
    GLST_CHECK_INT(got, n);

    int attr_ok = 0, sizes_ok = 0, ids_unique = 1;
    for (EGLint i = 0; i < n; i++) {
        EGLint values[N_CONFIG_ATTRIBS];
        bool all = true;
        for (int a = 0; a < N_CONFIG_ATTRIBS; a++)
            all = all && eglGetConfigAttrib(dpy, configs[i], config_attribs[a], &values[a]);
        attr_ok += all;
        EGLint r = attrib(dpy, configs[i], EGL_RED_SIZE), g = attrib(dpy, configs[i], EGL_GREEN_SIZE);
        EGLint b = attrib(dpy, configs[i], EGL_BLUE_SIZE), al = attrib(dpy, configs[i], EGL_ALPHA_SIZE);
        EGLint lum = attrib(dpy, configs[i], EGL_LUMINANCE_SIZE);
        sizes_ok += attrib(dpy, configs[i], EGL_BUFFER_SIZE) >= r + g + b + al + lum;
        EGLint id = attrib(dpy, configs[i], EGL_CONFIG_ID);
        for (EGLint j = 0; j < i; j++)
            if (attrib(dpy, configs[j], EGL_CONFIG_ID) == id)
                ids_unique = 0;
    }
    GLST_CHECK_INT(attr_ok, n);
    GLST_CHECK_INT(sizes_ok, n);
    GLST_CHECK(ids_unique);
    EGLint v;
    GLST_CHECK(!eglGetConfigAttrib(dpy, configs[0], 0x1234, &v));
    GLST_CHECK_EGL(EGL_BAD_ATTRIBUTE);
    GLST_CHECK(!eglGetConfigAttrib(dpy, BOGUS_CONFIG, EGL_RED_SIZE, &v));
    GLST_CHECK_EGL(EGL_BAD_CONFIG);

    /* eglChooseConfig: every result satisfies the request. The default
     * EGL_SURFACE_TYPE is EGL_WINDOW_BIT, which a headless display may not
     * offer, so each list names a surface type; the default
     * EGL_RENDERABLE_TYPE is OpenGL ES 1, which glstream does not offer,
     * so each list names OpenGL ES 2. */
    static const EGLint lists[][18] = {
        { EGL_SURFACE_TYPE, EGL_DONT_CARE, EGL_RENDERABLE_TYPE, EGL_OPENGL_ES2_BIT, EGL_NONE },
        { EGL_RENDERABLE_TYPE, EGL_OPENGL_ES2_BIT, EGL_SURFACE_TYPE, EGL_PBUFFER_BIT, EGL_NONE },
        { EGL_RED_SIZE, 8, EGL_GREEN_SIZE, 8, EGL_BLUE_SIZE, 8, EGL_ALPHA_SIZE, 8,
          EGL_RENDERABLE_TYPE, EGL_OPENGL_ES2_BIT, EGL_SURFACE_TYPE, EGL_PBUFFER_BIT, EGL_NONE },
        { EGL_DEPTH_SIZE, 16, EGL_STENCIL_SIZE, 8, EGL_RENDERABLE_TYPE, EGL_OPENGL_ES2_BIT,
          EGL_SURFACE_TYPE, EGL_PBUFFER_BIT, EGL_NONE },
        { EGL_RED_SIZE, 5, EGL_GREEN_SIZE, 6, EGL_BLUE_SIZE, 5, EGL_SURFACE_TYPE,
          EGL_PBUFFER_BIT, EGL_RENDERABLE_TYPE, EGL_OPENGL_ES2_BIT, EGL_NONE },
        { EGL_CONFIG_CAVEAT, EGL_NONE, EGL_COLOR_BUFFER_TYPE, EGL_RGB_BUFFER, EGL_SURFACE_TYPE,
          EGL_PBUFFER_BIT, EGL_RENDERABLE_TYPE, EGL_OPENGL_ES2_BIT, EGL_NONE },
    };
    for (size_t l = 0; l < sizeof(lists) / sizeof(lists[0]); l++) {
        const EGLint *req = lists[l];
        EGLint count = -1;
        GLST_CHECK(eglChooseConfig(dpy, req, NULL, 0, &count));
        GLST_CHECK(count > 0 && count <= n);
        EGLint chosen_n = 0;
        GLST_CHECK(eglChooseConfig(dpy, req, configs, n, &chosen_n));
        GLST_CHECK_INT(chosen_n, count);
        int satisfied = 0;
        for (EGLint i = 0; i < chosen_n; i++) {
            bool ok = true;
            for (const EGLint *p = req; *p != EGL_NONE; p += 2) {
                EGLint have = attrib(dpy, configs[i], p[0]);
                if (p[1] == EGL_DONT_CARE)
                    continue;
                if (p[0] == EGL_RENDERABLE_TYPE || p[0] == EGL_SURFACE_TYPE)
                    ok = ok && (have & p[1]) == p[1];
                else if (p[0] == EGL_CONFIG_CAVEAT || p[0] == EGL_COLOR_BUFFER_TYPE)
                    ok = ok && have == p[1];
                else
                    ok = ok && have >= p[1];
            }
            satisfied += ok;
        }
        GLST_CHECK_INT(satisfied, chosen_n);
    }

    /* EGL_CONFIG_ID selects exactly one config, whatever else is asked. */
    EGLint want_id = attrib(dpy, configs[n - 1], EGL_CONFIG_ID);
    const EGLint by_id[] = { EGL_CONFIG_ID, want_id, EGL_RED_SIZE, 99, EGL_NONE };
    EGLConfig one = NULL;
    EGLint one_n = 0;
    GLST_CHECK(eglChooseConfig(dpy, by_id, &one, 1, &one_n));
    GLST_CHECK_INT(one_n, 1);
    GLST_CHECK(one_n == 1 && attrib(dpy, one, EGL_CONFIG_ID) == want_id);

    /* Impossible request: success with zero configs. */
    const EGLint huge[] = { EGL_RED_SIZE, 1000, EGL_NONE };
    GLST_CHECK(eglChooseConfig(dpy, huge, configs, n, &one_n));
    GLST_CHECK_INT(one_n, 0);
    const EGLint bad[] = { 0x1234, 1, EGL_NONE };
    GLST_CHECK(!eglChooseConfig(dpy, bad, configs, n, &one_n));
    GLST_CHECK_EGL(EGL_BAD_ATTRIBUTE);
    GLST_CHECK(!eglChooseConfig(dpy, lists[0], configs, n, NULL));
    GLST_CHECK_EGL(EGL_BAD_PARAMETER);
    free(configs);
}

static void test_pbuffer_and_context(EGLDisplay dpy, EGLConfig config)
{
    GLST_CHECK(eglBindAPI(EGL_OPENGL_ES_API));
    GLST_CHECK_HEX(eglQueryAPI(), EGL_OPENGL_ES_API);
    GLST_CHECK(!eglBindAPI(0x1234));
    GLST_CHECK_EGL(EGL_BAD_PARAMETER);

    const EGLint pb_attribs[] = { EGL_WIDTH, 37, EGL_HEIGHT, 23, EGL_NONE };
    EGLSurface pb = eglCreatePbufferSurface(dpy, config, pb_attribs);
    GLST_CHECK(pb != EGL_NO_SURFACE);
    EGLint v = 0;
    GLST_CHECK(eglQuerySurface(dpy, pb, EGL_WIDTH, &v));
    GLST_CHECK_INT(v, 37);
    GLST_CHECK(eglQuerySurface(dpy, pb, EGL_HEIGHT, &v));
    GLST_CHECK_INT(v, 23);
    GLST_CHECK(eglQuerySurface(dpy, pb, EGL_CONFIG_ID, &v));
    GLST_CHECK_INT(v, attrib(dpy, config, EGL_CONFIG_ID));
    GLST_CHECK(!eglQuerySurface(dpy, pb, 0x1234, &v));
    GLST_CHECK_EGL(EGL_BAD_ATTRIBUTE);

    EGLContext ctx = eglCreateContext(dpy, config, EGL_NO_CONTEXT, glst_es2_ctx_attribs);
    GLST_CHECK(ctx != EGL_NO_CONTEXT);
    GLST_CHECK(eglQueryContext(dpy, ctx, EGL_CONFIG_ID, &v));
    GLST_CHECK_INT(v, attrib(dpy, config, EGL_CONFIG_ID));
    GLST_CHECK(eglQueryContext(dpy, ctx, EGL_CONTEXT_CLIENT_TYPE, &v));
    GLST_CHECK_HEX(v, EGL_OPENGL_ES_API);
    GLST_CHECK(eglQueryContext(dpy, ctx, EGL_CONTEXT_CLIENT_VERSION, &v));
    GLST_CHECK(v >= 2);
    GLST_CHECK(!eglQueryContext(dpy, ctx, 0x1234, &v));
    GLST_CHECK_EGL(EGL_BAD_ATTRIBUTE);

    /* Nothing current yet on this thread. */
    GLST_CHECK(eglGetCurrentContext() == EGL_NO_CONTEXT);
    GLST_CHECK(eglGetCurrentSurface(EGL_DRAW) == EGL_NO_SURFACE);
    GLST_CHECK(eglGetCurrentDisplay() == EGL_NO_DISPLAY);

    GLST_CHECK(eglMakeCurrent(dpy, pb, pb, ctx));
    GLST_CHECK(eglGetCurrentContext() == ctx);
    GLST_CHECK(eglGetCurrentSurface(EGL_DRAW) == pb);
    GLST_CHECK(eglGetCurrentSurface(EGL_READ) == pb);
    GLST_CHECK(eglGetCurrentDisplay() == dpy);
    GLST_CHECK(eglQueryContext(dpy, ctx, EGL_RENDER_BUFFER, &v));
    GLST_CHECK_HEX(v, EGL_BACK_BUFFER); /* pbuffers are single, back buffered */
    CLEAR_AND_EXPECT(1.0f, 0.0f, 1.0f, 1.0f, 36, 22);
    GLint vp[4] = { 0, 0, 0, 0 };
    glGetIntegerv(GL_VIEWPORT, vp);
    GLST_CHECK(vp[2] == 37 && vp[3] == 23); /* initialized from the surface */

    GLST_CHECK(eglSwapInterval(dpy, 0));
    GLST_CHECK(eglSwapInterval(dpy, 1));
    GLST_CHECK(eglWaitClient());
    GLST_CHECK(eglWaitGL());
    GLST_CHECK(eglWaitNative(EGL_CORE_NATIVE_ENGINE));
    GLST_CHECK_EGL(EGL_SUCCESS);
    /* Swapping a pbuffer has no effect and is not an error. */
    GLST_CHECK(eglSwapBuffers(dpy, pb));

    /* Shared and unshared contexts. */
    GLuint buf = 0, tex = 0;
    glGenBuffers(1, &buf);
    glBindBuffer(GL_ARRAY_BUFFER, buf);
    glGenTextures(1, &tex);
    glBindTexture(GL_TEXTURE_2D, tex);
    glFinish();
    EGLContext shared = eglCreateContext(dpy, config, ctx, glst_es2_ctx_attribs);
    EGLContext alone = eglCreateContext(dpy, config, EGL_NO_CONTEXT, glst_es2_ctx_attribs);
    GLST_CHECK(shared != EGL_NO_CONTEXT && alone != EGL_NO_CONTEXT);
    GLST_CHECK(eglMakeCurrent(dpy, pb, pb, shared));
    GLST_CHECK(eglGetCurrentContext() == shared);
    GLST_CHECK(glIsBuffer(buf) == GL_TRUE);
    GLST_CHECK(glIsTexture(tex) == GL_TRUE);
    GLuint from_shared = 0;
    glGenBuffers(1, &from_shared);
    glBindBuffer(GL_ARRAY_BUFFER, from_shared);
    glFinish();
    GLST_CHECK(eglMakeCurrent(dpy, pb, pb, alone));
    GLST_CHECK(glIsBuffer(buf) == GL_FALSE);
    GLST_CHECK(glIsTexture(tex) == GL_FALSE);
    GLST_CHECK(glIsBuffer(from_shared) == GL_FALSE);
    CLEAR_AND_EXPECT(0.0f, 1.0f, 1.0f, 1.0f, 0, 0);
    GLST_CHECK(eglMakeCurrent(dpy, pb, pb, ctx));
    GLST_CHECK(glIsBuffer(from_shared) == GL_TRUE);
    /* Each context keeps its own state; the surface content is shared. */
    GLfloat cc[4] = { 0, 0, 0, 0 };
    glGetFloatv(GL_COLOR_CLEAR_VALUE, cc);
    GLST_CHECK(cc[0] == 1.0f && cc[1] == 0.0f);
    GLubyte p[4];
    glReadPixels(5, 5, 1, 1, GL_RGBA, GL_UNSIGNED_BYTE, p);
    GLST_CHECK(p[0] == 0 && p[1] == 255 && p[2] == 255);

    /* A context with a share context that is bogus is rejected. */
    GLST_CHECK(eglCreateContext(dpy, config, BOGUS_CONTEXT, glst_es2_ctx_attribs) ==
               EGL_NO_CONTEXT);
    GLST_CHECK_EGL(EGL_BAD_CONTEXT);

    /* Release, then destroy. */
    GLST_CHECK(eglMakeCurrent(dpy, EGL_NO_SURFACE, EGL_NO_SURFACE, EGL_NO_CONTEXT));
    GLST_CHECK(eglGetCurrentContext() == EGL_NO_CONTEXT);
    GLST_CHECK(eglGetCurrentSurface(EGL_DRAW) == EGL_NO_SURFACE);
    GLST_CHECK(eglDestroyContext(dpy, shared));
    GLST_CHECK(eglDestroyContext(dpy, alone));
    GLST_CHECK(eglDestroyContext(dpy, ctx));
    GLST_CHECK(eglDestroySurface(dpy, pb));
    GLST_CHECK(!eglDestroySurface(dpy, pb)); /* already gone */
    GLST_CHECK_EGL(EGL_BAD_SURFACE);
    GLST_CHECK(!eglQueryContext(dpy, ctx, EGL_CONFIG_ID, &v));
    GLST_CHECK_EGL(EGL_BAD_CONTEXT);
}

static void test_errors(EGLDisplay dpy, EGLConfig config)
{
    EGLint v = 0;
    GLST_CHECK(!eglInitialize(BOGUS_DISPLAY, NULL, NULL));
    GLST_CHECK_EGL(EGL_BAD_DISPLAY);
    GLST_CHECK(eglQueryString(BOGUS_DISPLAY, EGL_VENDOR) == NULL);
    GLST_CHECK_EGL(EGL_BAD_DISPLAY);
    GLST_CHECK(!eglGetConfigs(BOGUS_DISPLAY, NULL, 0, &v));
    GLST_CHECK_EGL(EGL_BAD_DISPLAY);

    GLST_CHECK(eglCreateContext(dpy, BOGUS_CONFIG, EGL_NO_CONTEXT, glst_es2_ctx_attribs) ==
               EGL_NO_CONTEXT);
    GLST_CHECK_EGL(EGL_BAD_CONFIG);
    const EGLint pb_attribs[] = { EGL_WIDTH, 8, EGL_HEIGHT, 8, EGL_NONE };
    GLST_CHECK(eglCreatePbufferSurface(dpy, BOGUS_CONFIG, pb_attribs) == EGL_NO_SURFACE);
    GLST_CHECK_EGL(EGL_BAD_CONFIG);
    const EGLint bad_pb[] = { EGL_WIDTH, 8, 0x1234, 8, EGL_NONE };
    GLST_CHECK(eglCreatePbufferSurface(dpy, config, bad_pb) == EGL_NO_SURFACE);
    GLST_CHECK_EGL(EGL_BAD_ATTRIBUTE);
    const EGLint neg_pb[] = { EGL_WIDTH, -8, EGL_HEIGHT, 8, EGL_NONE };
    GLST_CHECK(eglCreatePbufferSurface(dpy, config, neg_pb) == EGL_NO_SURFACE);
    GLST_CHECK_EGL(EGL_BAD_PARAMETER);
    const EGLint bad_ctx[] = { 0x1234, 2, EGL_NONE };
    GLST_CHECK(eglCreateContext(dpy, config, EGL_NO_CONTEXT, bad_ctx) == EGL_NO_CONTEXT);
    GLST_CHECK_EGL(EGL_BAD_ATTRIBUTE);

    EGLSurface pb = eglCreatePbufferSurface(dpy, config, pb_attribs);
    EGLContext ctx = eglCreateContext(dpy, config, EGL_NO_CONTEXT, glst_es2_ctx_attribs);
    GLST_CHECK(pb != EGL_NO_SURFACE && ctx != EGL_NO_CONTEXT);
    GLST_CHECK(!eglMakeCurrent(dpy, BOGUS_SURFACE, BOGUS_SURFACE, ctx));
    GLST_CHECK_EGL(EGL_BAD_SURFACE);
    GLST_CHECK(!eglMakeCurrent(dpy, pb, pb, BOGUS_CONTEXT));
    GLST_CHECK_EGL(EGL_BAD_CONTEXT);
    GLST_CHECK(!eglQuerySurface(dpy, BOGUS_SURFACE, EGL_WIDTH, &v));
    GLST_CHECK_EGL(EGL_BAD_SURFACE);
    GLST_CHECK(!eglDestroyContext(dpy, BOGUS_CONTEXT));
    GLST_CHECK_EGL(EGL_BAD_CONTEXT);
    /* A draw surface without a read surface cannot match. */
    GLST_CHECK(!eglMakeCurrent(dpy, pb, EGL_NO_SURFACE, ctx));
    GLST_CHECK_EGL(EGL_BAD_MATCH);
    /* Releasing with a context but no surfaces and no context is a mismatch
     * too: surfaces given without a context. */
    GLST_CHECK(!eglMakeCurrent(dpy, pb, pb, EGL_NO_CONTEXT));
    GLST_CHECK_EGL(EGL_BAD_MATCH);
    GLST_CHECK_EGL(EGL_SUCCESS);
    GLST_CHECK(eglDestroyContext(dpy, ctx));
    GLST_CHECK(eglDestroySurface(dpy, pb));
}

static void test_surfaceless(EGLDisplay dpy, EGLConfig config)
{
    if (!glst_has_egl_ext(dpy, "EGL_KHR_surfaceless_context")) {
        printf("EGL_KHR_surfaceless_context not advertised, skipped\n");
        return;
    }
    EGLContext ctx = eglCreateContext(dpy, config, EGL_NO_CONTEXT, glst_es2_ctx_attribs);
    GLST_CHECK(eglMakeCurrent(dpy, EGL_NO_SURFACE, EGL_NO_SURFACE, ctx));
    GLST_CHECK(eglGetCurrentContext() == ctx);
    GLST_CHECK(eglGetCurrentSurface(EGL_DRAW) == EGL_NO_SURFACE);
    GLuint fbo = 0, rb = 0;
    glGenFramebuffers(1, &fbo);
    glGenRenderbuffers(1, &rb);
    glBindRenderbuffer(GL_RENDERBUFFER, rb);
    glRenderbufferStorage(GL_RENDERBUFFER, GL_RGBA4, 16, 16);
    glBindFramebuffer(GL_FRAMEBUFFER, fbo);
    glFramebufferRenderbuffer(GL_FRAMEBUFFER, GL_COLOR_ATTACHMENT0, GL_RENDERBUFFER, rb);
    GLST_CHECK_HEX(glCheckFramebufferStatus(GL_FRAMEBUFFER), GL_FRAMEBUFFER_COMPLETE);
    glViewport(0, 0, 16, 16);
    CLEAR_AND_EXPECT(0.0f, 1.0f, 0.0f, 1.0f, 15, 15);
    GLST_CHECK_HEX(glGetError(), GL_NO_ERROR);
    glDeleteFramebuffers(1, &fbo);
    glDeleteRenderbuffers(1, &rb);
    GLST_CHECK(eglMakeCurrent(dpy, EGL_NO_SURFACE, EGL_NO_SURFACE, EGL_NO_CONTEXT));
    GLST_CHECK(eglDestroyContext(dpy, ctx));
}

static void test_terminate(EGLDisplay dpy, EGLConfig config)
{
    /* A context current at eglTerminate stays usable until released. */
    const EGLint pb_attribs[] = { EGL_WIDTH, 4, EGL_HEIGHT, 4, EGL_NONE };
    EGLSurface pb = eglCreatePbufferSurface(dpy, config, pb_attribs);
    EGLContext ctx = eglCreateContext(dpy, config, EGL_NO_CONTEXT, glst_es2_ctx_attribs);
    GLST_CHECK(eglMakeCurrent(dpy, pb, pb, ctx));
    GLST_CHECK(eglTerminate(dpy));
    GLST_CHECK(eglGetCurrentContext() == ctx);
    CLEAR_AND_EXPECT(1.0f, 1.0f, 0.0f, 1.0f, 1, 1);
    GLST_CHECK(eglReleaseThread());
    GLST_CHECK(eglGetCurrentContext() == EGL_NO_CONTEXT);
    GLST_CHECK(eglQueryString(dpy, EGL_VENDOR) == NULL);
    GLST_CHECK_EGL(EGL_NOT_INITIALIZED);
    EGLint n = 0;
    GLST_CHECK(!eglGetConfigs(dpy, NULL, 0, &n));
    GLST_CHECK_EGL(EGL_NOT_INITIALIZED);
    GLST_CHECK(eglTerminate(dpy)); /* terminating twice is fine */
    GLST_CHECK(eglReleaseThread());
    GLST_CHECK_EGL(EGL_SUCCESS);
}

int main(void)
{
    /* Nothing has happened yet on this thread. */
    GLST_CHECK_EGL(EGL_SUCCESS);
    EGLDisplay dpy = EGL_NO_DISPLAY;
    test_display(&dpy);
    EGLConfig config = NULL;
    if (dpy != EGL_NO_DISPLAY && glst_choose_config(dpy, &config)) {
        test_configs(dpy);
        test_pbuffer_and_context(dpy, config);
        test_errors(dpy, config);
        glst_egl_test_threads(dpy, config);
        glst_egl_test_sync(dpy, config);
        glst_egl_test_ext(dpy, config);
        test_surfaceless(dpy, config);
        test_terminate(dpy, config);
    } else {
        GLST_CHECK(!"no display or config");
    }
    glst_egl_test_window();
    return glst_finish();
}
