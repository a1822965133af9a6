/* EGL extensions on pbuffers and contexts: EGL_KHR_create_context,
 * EGL_KHR_no_config_context, EGL_KHR_fence_sync + EGL_KHR_wait_sync (found
 * through eglGetProcAddress, so through glvnd's dispatch stubs) and
 * EGL_KHR_gl_colorspace. Natively a part runs when the driver advertises
 * the extension; through glstream each one must be advertised. */
#include "glst_egl_tests.h"

#include <pthread.h>
#include <stdio.h>
#include <time.h>
#include <string.h>

bool glst_is_glstream(EGLDisplay dpy)
{
    const char *vendor = eglQueryString(dpy, EGL_VENDOR);
    return vendor && strcmp(vendor, "glstream") == 0;
}

bool glst_egl_ext(EGLDisplay dpy, const char *name)
{
    bool has = glst_has_egl_ext(dpy, name);
    if (!has && glst_is_glstream(dpy))
        glst_fail_msg(__FILE__, __LINE__, "glstream does not advertise %s", name);
    if (!has)
        printf("%s not advertised: its checks are skipped\n", name);
    return has;
}

static EGLContext create_context(EGLDisplay dpy, EGLConfig config, const EGLint *attribs, EGLint expected_error)
{
    EGLContext ctx = eglCreateContext(dpy, config, EGL_NO_CONTEXT, attribs);
    GLST_CHECK_EGL(expected_error);
    GLST_CHECK((ctx != EGL_NO_CONTEXT) == (expected_error == EGL_SUCCESS));
    return ctx;
}

static void test_create_context(EGLDisplay dpy, EGLConfig config)
{
    if (!glst_egl_ext(dpy, "EGL_KHR_create_context"))
        return;
    static const EGLint es20[] = { EGL_CONTEXT_MAJOR_VERSION_KHR, 2, EGL_CONTEXT_MINOR_VERSION_KHR, 0, EGL_NONE };
    EGLContext ctx = create_context(dpy, config, es20, EGL_SUCCESS);
    EGLint v = 0;
    GLST_CHECK(eglQueryContext(dpy, ctx, EGL_CONTEXT_CLIENT_VERSION, &v));
    GLST_CHECK_INT(v, 2);
    GLST_CHECK(eglDestroyContext(dpy, ctx));

    static const EGLint debug[] = { EGL_CONTEXT_MAJOR_VERSION_KHR, 2, EGL_CONTEXT_FLAGS_KHR,
                                    EGL_CONTEXT_OPENGL_DEBUG_BIT_KHR, EGL_NONE };
    ctx = create_context(dpy, config, debug, EGL_SUCCESS);
    GLST_CHECK(eglDestroyContext(dpy, ctx));

    /* Robust access is a desktop OpenGL flag (OpenGL ES has its own
     * extension for it); OpenGL ES 2.1 does not exist. */
    static const EGLint robust[] = { EGL_CONTEXT_MAJOR_VERSION_KHR, 2, EGL_CONTEXT_FLAGS_KHR,
                                     EGL_CONTEXT_OPENGL_ROBUST_ACCESS_BIT_KHR, EGL_NONE };
    create_context(dpy, config, robust, EGL_BAD_ATTRIBUTE);
    static const EGLint es21[] = { EGL_CONTEXT_MAJOR_VERSION_KHR, 2, EGL_CONTEXT_MINOR_VERSION_KHR, 1, EGL_NONE };
    create_context(dpy, config, es21, EGL_BAD_MATCH);
    static const EGLint es30[] = { EGL_CONTEXT_MAJOR_VERSION_KHR, 3, EGL_NONE };
    ctx = create_context(dpy, config, es30, EGL_SUCCESS);
    GLST_CHECK(eglQueryContext(dpy, ctx, EGL_CONTEXT_CLIENT_VERSION, &v));
    GLST_CHECK_INT(v, 3);
    GLST_CHECK(eglDestroyContext(dpy, ctx));
}

/* Whether a debug context starts with GL_DEBUG_OUTPUT enabled (what a
 * debug context makes observable); -1 without GL_KHR_debug. */
static int debug_output_enabled(EGLDisplay dpy, EGLConfig config, EGLContext ctx)
{
    static const EGLint pb_attribs[] = { EGL_WIDTH, 4, EGL_HEIGHT, 4, EGL_NONE };
    EGLSurface pb = eglCreatePbufferSurface(dpy, config, pb_attribs);
    GLST_CHECK(eglMakeCurrent(dpy, pb, pb, ctx));
    int enabled = glst_has_gl_ext("GL_KHR_debug") ? glIsEnabled(GL_DEBUG_OUTPUT_KHR) : -1;
    GLST_CHECK_GL(GL_NO_ERROR);
    GLST_CHECK(eglMakeCurrent(dpy, EGL_NO_SURFACE, EGL_NO_SURFACE, EGL_NO_CONTEXT));
    GLST_CHECK(eglDestroySurface(dpy, pb));
    return enabled;
}

/* EGL 1.5's context attributes for an OpenGL ES context, with Mesa's
 * answers: the booleans take EGL_TRUE or anything else (false), the
 * desktop-only ones fail. Robust contexts (and their lose-on-reset
 * strategy) are the one difference: Mesa makes them, glstream offers none
 * (EGL_BAD_MATCH, docs/extensions.md). */
static void test_context_attribs_15(EGLDisplay dpy, EGLConfig config)
{
    bool glstream = glst_is_glstream(dpy);
    static const struct {
        EGLint name, value, error;
        int debug; /* -1: not checked */
    } cases[] = {
        { EGL_CONTEXT_OPENGL_DEBUG, EGL_TRUE, EGL_SUCCESS, 1 },
        { EGL_CONTEXT_OPENGL_DEBUG, EGL_FALSE, EGL_SUCCESS, 0 },
        { EGL_CONTEXT_OPENGL_DEBUG, 2, EGL_SUCCESS, 0 },
        { EGL_CONTEXT_OPENGL_ROBUST_ACCESS, EGL_FALSE, EGL_SUCCESS, -1 },
        { EGL_CONTEXT_OPENGL_ROBUST_ACCESS, 2, EGL_SUCCESS, -1 },
        { EGL_CONTEXT_OPENGL_FORWARD_COMPATIBLE, EGL_TRUE, EGL_BAD_MATCH, -1 },
        { EGL_CONTEXT_OPENGL_FORWARD_COMPATIBLE, EGL_FALSE, EGL_SUCCESS, -1 },
        { EGL_CONTEXT_OPENGL_FORWARD_COMPATIBLE, 2, EGL_SUCCESS, -1 },
        { EGL_CONTEXT_OPENGL_PROFILE_MASK, EGL_CONTEXT_OPENGL_CORE_PROFILE_BIT, EGL_BAD_ATTRIBUTE, -1 },
        { EGL_CONTEXT_OPENGL_RESET_NOTIFICATION_STRATEGY, EGL_NO_RESET_NOTIFICATION, EGL_SUCCESS, -1 },
        { EGL_CONTEXT_OPENGL_RESET_NOTIFICATION_STRATEGY, 0x1234, EGL_BAD_ATTRIBUTE, -1 },
        { EGL_CONTEXT_FLAGS_KHR, EGL_CONTEXT_OPENGL_FORWARD_COMPATIBLE_BIT_KHR, EGL_BAD_ATTRIBUTE, -1 },
        { EGL_CONTEXT_FLAGS_KHR, 0x100, EGL_BAD_ATTRIBUTE, -1 },
        /* Robust access and a lose-on-reset strategy: see above. */
        { EGL_CONTEXT_OPENGL_ROBUST_ACCESS, EGL_TRUE, EGL_BAD_MATCH, -2 },
        { EGL_CONTEXT_OPENGL_RESET_NOTIFICATION_STRATEGY, EGL_LOSE_CONTEXT_ON_RESET, EGL_BAD_MATCH, -2 },
    };
    for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
        const EGLint attribs[] = { EGL_CONTEXT_MAJOR_VERSION, 2, cases[i].name, cases[i].value, EGL_NONE };
        EGLint error = cases[i].debug == -2 && !glstream ? EGL_SUCCESS : cases[i].error;
        EGLContext ctx = create_context(dpy, config, attribs, error);
        if (ctx == EGL_NO_CONTEXT)
            continue;
        int enabled = cases[i].debug >= 0 ? debug_output_enabled(dpy, config, ctx) : -1;
        if (enabled >= 0) {
            if (enabled != cases[i].debug)
                glst_fail_msg(__FILE__, __LINE__, "case %zu: GL_DEBUG_OUTPUT %d", i, enabled);
            else
                GLST_CHECK(true);
        }
        GLST_CHECK(eglDestroyContext(dpy, ctx));
    }
    /* An attribute error wins over a context that cannot be made; a later
     * EGL_FALSE does not undo an earlier EGL_TRUE. */
    static const EGLint fwd_bad[] = { EGL_CONTEXT_MAJOR_VERSION, 2, EGL_CONTEXT_OPENGL_FORWARD_COMPATIBLE, EGL_TRUE, 0x3555, 1, EGL_NONE };
    create_context(dpy, config, fwd_bad, EGL_BAD_ATTRIBUTE);
    static const EGLint debug_twice[] = { EGL_CONTEXT_MAJOR_VERSION, 2, EGL_CONTEXT_OPENGL_DEBUG, EGL_TRUE,
                                          EGL_CONTEXT_OPENGL_DEBUG, EGL_FALSE, EGL_NONE };
    EGLContext ctx = create_context(dpy, config, debug_twice, EGL_SUCCESS);
    if (ctx != EGL_NO_CONTEXT) {
        GLST_CHECK(debug_output_enabled(dpy, config, ctx) != 0);
        GLST_CHECK(eglDestroyContext(dpy, ctx));
    }
    /* EGL_EXT_create_context_robustness's own tokens exist only with it. */
    if (glstream) {
        static const EGLint ext_robust[] = { EGL_CONTEXT_OPENGL_ROBUST_ACCESS_EXT, EGL_TRUE, EGL_NONE };
        create_context(dpy, config, ext_robust, EGL_BAD_ATTRIBUTE);
        GLST_CHECK(!glst_has_egl_ext(dpy, "EGL_EXT_create_context_robustness"));
    }
}

/* EGL_KHR_config_attribs: the OpenVG surface bits of EGL_SURFACE_TYPE are
 * accepted by eglChooseConfig, and no config has them (no OpenVG). */
static void test_config_attribs(EGLDisplay dpy)
{
    if (!glst_egl_ext(dpy, "EGL_KHR_config_attribs"))
        return;
    static const EGLint bits[] = { EGL_VG_COLORSPACE_LINEAR_BIT_KHR, EGL_VG_ALPHA_FORMAT_PRE_BIT_KHR };
    for (size_t i = 0; i < 2; i++) {
        const EGLint attribs[] = { EGL_SURFACE_TYPE, EGL_PBUFFER_BIT | bits[i], EGL_RENDERABLE_TYPE,
                                   EGL_OPENGL_ES2_BIT, EGL_NONE };
        EGLint n = -1;
        GLST_CHECK(eglChooseConfig(dpy, attribs, NULL, 0, &n));
        GLST_CHECK_EGL(EGL_SUCCESS);
        GLST_CHECK_INT(n, 0);
    }
    static const EGLint es2_pbuffer[] = { EGL_SURFACE_TYPE, EGL_PBUFFER_BIT, EGL_RENDERABLE_TYPE, EGL_OPENGL_ES2_BIT,
                                          EGL_NONE };
    EGLConfig configs[256];
    EGLint n = 0;
    GLST_CHECK(eglChooseConfig(dpy, es2_pbuffer, configs, 256, &n));
    GLST_CHECK(n > 0);
    for (EGLint i = 0; i < n; i++) {
        EGLint type = 0, conformant = 0;
        GLST_CHECK(eglGetConfigAttrib(dpy, configs[i], EGL_SURFACE_TYPE, &type));
        GLST_CHECK(eglGetConfigAttrib(dpy, configs[i], EGL_CONFORMANT_KHR, &conformant));
        if (type & (EGL_VG_COLORSPACE_LINEAR_BIT_KHR | EGL_VG_ALPHA_FORMAT_PRE_BIT_KHR))
            glst_fail_msg(__FILE__, __LINE__, "config %d has OpenVG bits 0x%x", i, type);
        if (!(conformant & EGL_OPENGL_ES2_BIT))
            glst_fail_msg(__FILE__, __LINE__, "config %d not conformant for ES 2: 0x%x", i, conformant);
    }
    GLST_CHECK(true);
}

/* EGL_EXT_pixel_format_float: every config answers its component type
 * (fixed-point here, natively too on llvmpipe's X11 display); choosing
 * float matches none, a bad type is EGL_BAD_ATTRIBUTE. */
static void test_pixel_format_float(EGLDisplay dpy)
{
    if (!glst_egl_ext(dpy, "EGL_EXT_pixel_format_float"))
        return;
    EGLConfig configs[256];
    EGLint n = 0;
    GLST_CHECK(eglGetConfigs(dpy, configs, 256, &n));
    int fixed = 0;
    for (EGLint i = 0; i < n; i++) {
        EGLint type = 0;
        GLST_CHECK(eglGetConfigAttrib(dpy, configs[i], EGL_COLOR_COMPONENT_TYPE_EXT, &type));
        fixed += type == EGL_COLOR_COMPONENT_TYPE_FIXED_EXT;
    }
    GLST_CHECK(n > 0);
    GLST_CHECK_INT(fixed, n);
    static const EGLint float_es2[] = { EGL_COLOR_COMPONENT_TYPE_EXT, EGL_COLOR_COMPONENT_TYPE_FLOAT_EXT,
                                        EGL_RENDERABLE_TYPE, EGL_OPENGL_ES2_BIT, EGL_NONE };
    EGLint count = -1;
    GLST_CHECK(eglChooseConfig(dpy, float_es2, NULL, 0, &count));
    GLST_CHECK_INT(count, 0);
    static const EGLint fixed_es2[] = { EGL_COLOR_COMPONENT_TYPE_EXT, EGL_COLOR_COMPONENT_TYPE_FIXED_EXT,
                                        EGL_RENDERABLE_TYPE, EGL_OPENGL_ES2_BIT, EGL_NONE };
    static const EGLint any_es2[] = { EGL_RENDERABLE_TYPE, EGL_OPENGL_ES2_BIT, EGL_NONE };
    EGLint fixed_count = -1, any_count = -2;
    GLST_CHECK(eglChooseConfig(dpy, fixed_es2, NULL, 0, &fixed_count));
    GLST_CHECK(eglChooseConfig(dpy, any_es2, NULL, 0, &any_count));
    GLST_CHECK(fixed_count > 0);
    GLST_CHECK_INT(fixed_count, any_count);
    static const EGLint bad[] = { EGL_COLOR_COMPONENT_TYPE_EXT, 0x1234, EGL_NONE };
    count = -1;
    GLST_CHECK(!eglChooseConfig(dpy, bad, NULL, 0, &count));
    GLST_CHECK_EGL(EGL_BAD_ATTRIBUTE);
}

typedef const char *(*glst_query_string_fn)(EGLDisplay, EGLint);
typedef void (*glst_clear_color_fn)(GLfloat, GLfloat, GLfloat, GLfloat);
typedef void (*glst_clear_fn)(GLbitfield);

/* EGL_KHR_get_all_proc_addresses: eglGetProcAddress answers core EGL and
 * OpenGL ES functions too, and what it answers works. */
static void test_get_all_proc_addresses(EGLDisplay dpy, EGLConfig config)
{
    if (!glst_egl_ext(dpy, "EGL_KHR_get_all_proc_addresses"))
        return;
    glst_query_string_fn query = (glst_query_string_fn)eglGetProcAddress("eglQueryString");
    glst_clear_color_fn clear_color = (glst_clear_color_fn)eglGetProcAddress("glClearColor");
    glst_clear_fn clear = (glst_clear_fn)eglGetProcAddress("glClear");
    GLST_CHECK(query && clear_color && clear);
    GLST_CHECK(eglGetProcAddress("eglCreateImage") && eglGetProcAddress("eglCreateSync") &&
               eglGetProcAddress("eglGetPlatformDisplay") && eglGetProcAddress("eglCreatePlatformWindowSurface") &&
               eglGetProcAddress("glDrawArrays"));
    if (!query || !clear_color || !clear)
        return;
    GLST_CHECK(query(dpy, EGL_VERSION) && strcmp(query(dpy, EGL_VERSION), eglQueryString(dpy, EGL_VERSION)) == 0);
    static const EGLint pb_attribs[] = { EGL_WIDTH, 4, EGL_HEIGHT, 4, EGL_NONE };
    EGLSurface pb = eglCreatePbufferSurface(dpy, config, pb_attribs);
    EGLContext ctx = eglCreateContext(dpy, config, EGL_NO_CONTEXT, glst_es2_ctx_attribs);
    GLST_CHECK(eglMakeCurrent(dpy, pb, pb, ctx));
    clear_color(0, 1, 0, 1);
    clear(GL_COLOR_BUFFER_BIT);
    unsigned char px[4] = { 0 };
    glReadPixels(0, 0, 1, 1, GL_RGBA, GL_UNSIGNED_BYTE, px);
    GLST_CHECK(px[0] == 0 && px[1] == 255 && px[2] == 0);
    GLST_CHECK(eglMakeCurrent(dpy, EGL_NO_SURFACE, EGL_NO_SURFACE, EGL_NO_CONTEXT));
    GLST_CHECK(eglDestroyContext(dpy, ctx));
    GLST_CHECK(eglDestroySurface(dpy, pb));
}

static void expect_clear_result(float value, int expected)
{
    glClearColor(value, value, value, 1.0f);
    glClear(GL_COLOR_BUFFER_BIT);
    unsigned char px[4] = { 0 };
    glReadPixels(0, 0, 1, 1, GL_RGBA, GL_UNSIGNED_BYTE, px);
    GLST_CHECK_GL(GL_NO_ERROR);
    if (px[0] < expected - 2 || px[0] > expected + 2)
        glst_fail_msg(__FILE__, __LINE__, "cleared to %.2f, read %d, expected %d", value, px[0], expected);
    else
        GLST_CHECK(true);
}

static void test_no_config_context(EGLDisplay dpy, EGLConfig config)
{
    if (!glst_egl_ext(dpy, "EGL_KHR_no_config_context") || !glst_egl_ext(dpy, "EGL_MESA_configless_context"))
        return;
    EGLContext ctx = create_context(dpy, EGL_NO_CONFIG_KHR, glst_es2_ctx_attribs, EGL_SUCCESS);
    EGLint v = -1;
    GLST_CHECK(eglQueryContext(dpy, ctx, EGL_CONFIG_ID, &v));
    GLST_CHECK_INT(v, 0);
    static const EGLint pb_attribs[] = { EGL_WIDTH, 8, EGL_HEIGHT, 8, EGL_NONE };
    EGLSurface pb = eglCreatePbufferSurface(dpy, config, pb_attribs);
    GLST_CHECK(pb != EGL_NO_SURFACE);
    GLST_CHECK(eglMakeCurrent(dpy, pb, pb, ctx));
    expect_clear_result(1.0f, 255);
    GLST_CHECK(eglMakeCurrent(dpy, EGL_NO_SURFACE, EGL_NO_SURFACE, EGL_NO_CONTEXT));
    GLST_CHECK(eglDestroySurface(dpy, pb));
    GLST_CHECK(eglDestroyContext(dpy, ctx));
}

typedef EGLSyncKHR (*glst_create_sync_khr_fn)(EGLDisplay, EGLenum, const EGLint *);
typedef EGLBoolean (*glst_destroy_sync_khr_fn)(EGLDisplay, EGLSyncKHR);
typedef EGLint (*glst_client_wait_sync_khr_fn)(EGLDisplay, EGLSyncKHR, EGLint, EGLTimeKHR);
typedef EGLint (*glst_wait_sync_khr_fn)(EGLDisplay, EGLSyncKHR, EGLint);
typedef EGLBoolean (*glst_get_sync_attrib_khr_fn)(EGLDisplay, EGLSyncKHR, EGLint, EGLint *);

static void test_khr_fence_sync(EGLDisplay dpy, EGLConfig config)
{
    if (!glst_egl_ext(dpy, "EGL_KHR_fence_sync") || !glst_egl_ext(dpy, "EGL_KHR_wait_sync"))
        return;
    glst_create_sync_khr_fn create = (glst_create_sync_khr_fn)eglGetProcAddress("eglCreateSyncKHR");
    glst_destroy_sync_khr_fn destroy = (glst_destroy_sync_khr_fn)eglGetProcAddress("eglDestroySyncKHR");
    glst_client_wait_sync_khr_fn client_wait =
        (glst_client_wait_sync_khr_fn)eglGetProcAddress("eglClientWaitSyncKHR");
    glst_wait_sync_khr_fn wait = (glst_wait_sync_khr_fn)eglGetProcAddress("eglWaitSyncKHR");
    glst_get_sync_attrib_khr_fn get_attrib = (glst_get_sync_attrib_khr_fn)eglGetProcAddress("eglGetSyncAttribKHR");
    GLST_CHECK(create && destroy && client_wait && wait && get_attrib);
    if (!create || !destroy || !client_wait || !wait || !get_attrib)
        return;

    static const EGLint pb_attribs[] = { EGL_WIDTH, 8, EGL_HEIGHT, 8, EGL_NONE };
    EGLSurface pb = eglCreatePbufferSurface(dpy, config, pb_attribs);
    EGLContext ctx = eglCreateContext(dpy, config, EGL_NO_CONTEXT, glst_es2_ctx_attribs);
    GLST_CHECK(eglMakeCurrent(dpy, pb, pb, ctx));
    static const EGLint bad_attribs[] = { EGL_SYNC_STATUS_KHR, EGL_SIGNALED_KHR, EGL_NONE };
    GLST_CHECK(create(dpy, EGL_SYNC_FENCE_KHR, bad_attribs) == EGL_NO_SYNC_KHR);
    GLST_CHECK_EGL(EGL_BAD_ATTRIBUTE);

    glClear(GL_COLOR_BUFFER_BIT);
    EGLSyncKHR sync = create(dpy, EGL_SYNC_FENCE_KHR, NULL);
    GLST_CHECK(sync != EGL_NO_SYNC_KHR);
    EGLint v = 0;
    GLST_CHECK(get_attrib(dpy, sync, EGL_SYNC_TYPE_KHR, &v));
    GLST_CHECK_HEX(v, EGL_SYNC_FENCE_KHR);
    GLST_CHECK(get_attrib(dpy, sync, EGL_SYNC_CONDITION_KHR, &v));
    GLST_CHECK_HEX(v, EGL_SYNC_PRIOR_COMMANDS_COMPLETE_KHR);
    GLST_CHECK_HEX(client_wait(dpy, sync, EGL_SYNC_FLUSH_COMMANDS_BIT_KHR, EGL_FOREVER_KHR),
                   EGL_CONDITION_SATISFIED_KHR);
    GLST_CHECK(get_attrib(dpy, sync, EGL_SYNC_STATUS_KHR, &v));
    GLST_CHECK_HEX(v, EGL_SIGNALED_KHR);
    GLST_CHECK_INT(wait(dpy, sync, 0), EGL_TRUE);
    GLST_CHECK_INT(wait(dpy, sync, 1), EGL_FALSE);
    GLST_CHECK_EGL(EGL_BAD_PARAMETER);
    GLST_CHECK(destroy(dpy, sync));
    GLST_CHECK(!destroy(dpy, sync));
    GLST_CHECK_EGL(EGL_BAD_PARAMETER);

    GLST_CHECK(eglMakeCurrent(dpy, EGL_NO_SURFACE, EGL_NO_SURFACE, EGL_NO_CONTEXT));
    GLST_CHECK(eglDestroyContext(dpy, ctx));
    GLST_CHECK(eglDestroySurface(dpy, pb));
}

typedef EGLBoolean (*glst_signal_sync_khr_fn)(EGLDisplay, EGLSyncKHR, EGLenum);

struct reusable_waiter {
    EGLDisplay dpy;
    EGLSyncKHR sync;
    glst_client_wait_sync_khr_fn client_wait;
    EGLint result;
};

static void *reusable_wait_forever(void *data)
{
    struct reusable_waiter *w = data;
    w->result = w->client_wait(w->dpy, w->sync, 0, EGL_FOREVER_KHR);
    return NULL;
}

/* EGL_KHR_reusable_sync: signaled and unsignaled by the application, waited
 * on with or without a timeout, signaled by another thread while one waits. */
static void test_reusable_sync(EGLDisplay dpy, EGLConfig config)
{
    if (!glst_egl_ext(dpy, "EGL_KHR_reusable_sync"))
        return;
    glst_create_sync_khr_fn create = (glst_create_sync_khr_fn)eglGetProcAddress("eglCreateSyncKHR");
    glst_destroy_sync_khr_fn destroy = (glst_destroy_sync_khr_fn)eglGetProcAddress("eglDestroySyncKHR");
    glst_client_wait_sync_khr_fn client_wait =
        (glst_client_wait_sync_khr_fn)eglGetProcAddress("eglClientWaitSyncKHR");
    glst_wait_sync_khr_fn wait = (glst_wait_sync_khr_fn)eglGetProcAddress("eglWaitSyncKHR");
    glst_get_sync_attrib_khr_fn get_attrib = (glst_get_sync_attrib_khr_fn)eglGetProcAddress("eglGetSyncAttribKHR");
    glst_signal_sync_khr_fn signal = (glst_signal_sync_khr_fn)eglGetProcAddress("eglSignalSyncKHR");
    GLST_CHECK(create && destroy && client_wait && wait && get_attrib && signal);
    if (!create || !destroy || !client_wait || !wait || !get_attrib || !signal)
        return;

    static const EGLint bad_attribs[] = { EGL_SYNC_STATUS_KHR, EGL_SIGNALED_KHR, EGL_NONE };
    GLST_CHECK(create(dpy, EGL_SYNC_REUSABLE_KHR, bad_attribs) == EGL_NO_SYNC_KHR);
    GLST_CHECK_EGL(EGL_BAD_ATTRIBUTE);
    /* No context needed. */
    EGLSyncKHR sync = create(dpy, EGL_SYNC_REUSABLE_KHR, NULL);
    GLST_CHECK(sync != EGL_NO_SYNC_KHR);
    GLST_CHECK_EGL(EGL_SUCCESS);
    EGLint v = 0;
    GLST_CHECK(get_attrib(dpy, sync, EGL_SYNC_TYPE_KHR, &v));
    GLST_CHECK_HEX(v, EGL_SYNC_REUSABLE_KHR);
    GLST_CHECK(get_attrib(dpy, sync, EGL_SYNC_STATUS_KHR, &v));
    GLST_CHECK_HEX(v, EGL_UNSIGNALED_KHR);
    GLST_CHECK(!get_attrib(dpy, sync, EGL_SYNC_CONDITION_KHR, &v));
    GLST_CHECK_EGL(EGL_BAD_ATTRIBUTE);
    GLST_CHECK_HEX(client_wait(dpy, sync, 0, 0), EGL_TIMEOUT_EXPIRED_KHR);
    GLST_CHECK_HEX(client_wait(dpy, sync, 0, 2000000), EGL_TIMEOUT_EXPIRED_KHR);
    GLST_CHECK_EGL(EGL_SUCCESS);
    GLST_CHECK(!signal(dpy, sync, 0x1234));
    GLST_CHECK_EGL(EGL_BAD_ATTRIBUTE);
    GLST_CHECK(signal(dpy, sync, EGL_SIGNALED_KHR));
    GLST_CHECK(get_attrib(dpy, sync, EGL_SYNC_STATUS_KHR, &v));
    GLST_CHECK_HEX(v, EGL_SIGNALED_KHR);
    GLST_CHECK_HEX(client_wait(dpy, sync, 0, EGL_FOREVER_KHR), EGL_CONDITION_SATISFIED_KHR);
    GLST_CHECK_HEX(client_wait(dpy, sync, 0, 0), EGL_CONDITION_SATISFIED_KHR);
    GLST_CHECK(signal(dpy, sync, EGL_UNSIGNALED_KHR));
    GLST_CHECK(get_attrib(dpy, sync, EGL_SYNC_STATUS_KHR, &v));
    GLST_CHECK_HEX(v, EGL_UNSIGNALED_KHR);

    /* Another thread waits for ever; this one signals. */
    struct reusable_waiter waiter = { dpy, sync, client_wait, 0 };
    pthread_t thread;
    GLST_CHECK(pthread_create(&thread, NULL, reusable_wait_forever, &waiter) == 0);
    struct timespec pause = { 0, 50 * 1000 * 1000 };
    nanosleep(&pause, NULL);
    GLST_CHECK(signal(dpy, sync, EGL_SIGNALED_KHR));
    pthread_join(thread, NULL);
    GLST_CHECK_HEX(waiter.result, EGL_CONDITION_SATISFIED_KHR);

    /* With a context: the flush bit, eglSignalSyncKHR of a fence, a server wait. */
    static const EGLint pb_attribs[] = { EGL_WIDTH, 8, EGL_HEIGHT, 8, EGL_NONE };
    EGLSurface pb = eglCreatePbufferSurface(dpy, config, pb_attribs);
    EGLContext ctx = eglCreateContext(dpy, config, EGL_NO_CONTEXT, glst_es2_ctx_attribs);
    GLST_CHECK(eglMakeCurrent(dpy, pb, pb, ctx));
    GLST_CHECK(signal(dpy, sync, EGL_UNSIGNALED_KHR));
    glClear(GL_COLOR_BUFFER_BIT);
    GLST_CHECK_HEX(client_wait(dpy, sync, EGL_SYNC_FLUSH_COMMANDS_BIT_KHR, 1000000), EGL_TIMEOUT_EXPIRED_KHR);
    /* A server wait on a reusable sync returns at once, as Mesa's (its
     * signal is the application's, not the GPU's). */
    GLST_CHECK_INT(wait(dpy, sync, 0), EGL_TRUE);
    GLST_CHECK_EGL(EGL_SUCCESS);
    EGLSyncKHR fence = create(dpy, EGL_SYNC_FENCE_KHR, NULL);
    GLST_CHECK(fence != EGL_NO_SYNC_KHR);
    GLST_CHECK(!signal(dpy, fence, EGL_SIGNALED_KHR));
    GLST_CHECK_EGL(EGL_BAD_MATCH);
    GLST_CHECK(destroy(dpy, fence));
    /* EGL 1.5's eglCreateSync makes one too. */
    EGLSync core = eglCreateSync(dpy, EGL_SYNC_REUSABLE_KHR, NULL);
    GLST_CHECK(core != EGL_NO_SYNC);
    EGLAttrib type = 0;
    GLST_CHECK(eglGetSyncAttrib(dpy, core, EGL_SYNC_TYPE, &type));
    GLST_CHECK_HEX((EGLint)type, EGL_SYNC_REUSABLE_KHR);
    GLST_CHECK(eglDestroySync(dpy, core));
    GLST_CHECK(eglMakeCurrent(dpy, EGL_NO_SURFACE, EGL_NO_SURFACE, EGL_NO_CONTEXT));
    GLST_CHECK(eglDestroyContext(dpy, ctx));
    GLST_CHECK(eglDestroySurface(dpy, pb));

    GLST_CHECK(destroy(dpy, sync));
    GLST_CHECK(!destroy(dpy, sync));
    GLST_CHECK_EGL(EGL_BAD_PARAMETER);
    GLST_CHECK(!signal(dpy, sync, EGL_SIGNALED_KHR));
    GLST_CHECK_EGL(EGL_BAD_PARAMETER);

    if (glst_is_glstream(dpy)) {
        /* Destroying a sync wakes its waiters as if it were signaled
         * (KHR_reusable_sync; Mesa 22.3 frees it under the waiter). */
        waiter.sync = create(dpy, EGL_SYNC_REUSABLE_KHR, NULL);
        waiter.result = 0;
        GLST_CHECK(pthread_create(&thread, NULL, reusable_wait_forever, &waiter) == 0);
        nanosleep(&pause, NULL);
        GLST_CHECK(destroy(dpy, waiter.sync));
        pthread_join(thread, NULL);
        GLST_CHECK_HEX(waiter.result, EGL_CONDITION_SATISFIED_KHR);
    }
}

/* An sRGB surface stores the encoded value: 0.5 is written as 188. */
static void test_colorspace(EGLDisplay dpy, EGLConfig config)
{
    if (!glst_egl_ext(dpy, "EGL_KHR_gl_colorspace"))
        return;
    static const EGLint bad[] = { EGL_WIDTH, 8, EGL_HEIGHT, 8, EGL_GL_COLORSPACE_KHR, 0x1234, EGL_NONE };
    GLST_CHECK(eglCreatePbufferSurface(dpy, config, bad) == EGL_NO_SURFACE);
    GLST_CHECK_EGL(EGL_BAD_ATTRIBUTE);
    EGLContext ctx = eglCreateContext(dpy, config, EGL_NO_CONTEXT, glst_es2_ctx_attribs);
    static const struct {
        EGLint colorspace;
        int expected;
    } cases[] = { { EGL_GL_COLORSPACE_SRGB_KHR, 188 }, { EGL_GL_COLORSPACE_LINEAR_KHR, 128 } };
    for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
        const EGLint attribs[] = { EGL_WIDTH, 8, EGL_HEIGHT, 8, EGL_GL_COLORSPACE_KHR, cases[i].colorspace,
                                   EGL_NONE };
        EGLSurface pb = eglCreatePbufferSurface(dpy, config, attribs);
        GLST_CHECK(pb != EGL_NO_SURFACE);
        EGLint v = 0;
        GLST_CHECK(eglQuerySurface(dpy, pb, EGL_GL_COLORSPACE_KHR, &v));
        GLST_CHECK_HEX(v, cases[i].colorspace);
        GLST_CHECK(eglMakeCurrent(dpy, pb, pb, ctx));
        expect_clear_result(0.5f, cases[i].expected);
        GLST_CHECK(eglMakeCurrent(dpy, EGL_NO_SURFACE, EGL_NO_SURFACE, EGL_NO_CONTEXT));
        GLST_CHECK(eglDestroySurface(dpy, pb));
    }
    GLST_CHECK(eglDestroyContext(dpy, ctx));
}

typedef EGLImageKHR (*glst_create_image_fn)(EGLDisplay, EGLContext, EGLenum, EGLClientBuffer, const EGLint *);
typedef EGLBoolean (*glst_destroy_image_fn)(EGLDisplay, EGLImageKHR);
typedef void (*glst_image_target_fn)(GLenum, GLeglImageOES);

/* The colour at (0, 0) of a texture or renderbuffer, read through an FBO. */
static bool attachment_reads(GLenum kind, GLuint object, const unsigned char rgba[4])
{
    GLuint fbo;
    glGenFramebuffers(1, &fbo);
    glBindFramebuffer(GL_FRAMEBUFFER, fbo);
    if (kind == GL_TEXTURE_2D)
        glFramebufferTexture2D(GL_FRAMEBUFFER, GL_COLOR_ATTACHMENT0, GL_TEXTURE_2D, object, 0);
    else
        glFramebufferRenderbuffer(GL_FRAMEBUFFER, GL_COLOR_ATTACHMENT0, GL_RENDERBUFFER, object);
    unsigned char px[4] = { 0 };
    bool complete = glCheckFramebufferStatus(GL_FRAMEBUFFER) == GL_FRAMEBUFFER_COMPLETE;
    glReadPixels(0, 0, 1, 1, GL_RGBA, GL_UNSIGNED_BYTE, px);
    glBindFramebuffer(GL_FRAMEBUFFER, 0);
    glDeleteFramebuffers(1, &fbo);
    return complete && memcmp(px, rgba, 4) == 0;
}

static void clear_attachment(GLenum kind, GLuint object, float r, float g, float b)
{
    GLuint fbo;
    glGenFramebuffers(1, &fbo);
    glBindFramebuffer(GL_FRAMEBUFFER, fbo);
    if (kind == GL_TEXTURE_2D)
        glFramebufferTexture2D(GL_FRAMEBUFFER, GL_COLOR_ATTACHMENT0, GL_TEXTURE_2D, object, 0);
    else
        glFramebufferRenderbuffer(GL_FRAMEBUFFER, GL_COLOR_ATTACHMENT0, GL_RENDERBUFFER, object);
    glClearColor(r, g, b, 1.0f);
    glClear(GL_COLOR_BUFFER_BIT);
    glBindFramebuffer(GL_FRAMEBUFFER, 0);
    glDeleteFramebuffers(1, &fbo);
}

static GLuint compile(GLenum type, const char *source)
{
    GLuint shader = glCreateShader(type);
    glShaderSource(shader, 1, &source, NULL);
    glCompileShader(shader);
    GLint ok = 0;
    glGetShaderiv(shader, GL_COMPILE_STATUS, &ok);
    GLST_CHECK(ok);
    return shader;
}

/* GL_OES_EGL_image_external: the image as a GL_TEXTURE_EXTERNAL_OES
 * texture, sampled by a samplerExternalOES over the whole 8x8 surface. */
static void test_image_external(EGLImageKHR image, glst_image_target_fn target_texture, const unsigned char rgba[4])
{
    if (!glst_has_gl_ext("GL_OES_EGL_image_external")) {
        GLST_CHECK(!glst_is_glstream(eglGetCurrentDisplay()));
        return;
    }
    GLuint tex;
    glGenTextures(1, &tex);
    glBindTexture(GL_TEXTURE_EXTERNAL_OES, tex);
    target_texture(GL_TEXTURE_EXTERNAL_OES, image);
    GLST_CHECK_GL(GL_NO_ERROR);
    GLint v = 0;
    glGetIntegerv(GL_TEXTURE_BINDING_EXTERNAL_OES, &v);
    GLST_CHECK_INT(v, (GLint)tex);
    glGetTexParameteriv(GL_TEXTURE_EXTERNAL_OES, GL_REQUIRED_TEXTURE_IMAGE_UNITS_OES, &v);
    GLST_CHECK_INT(v, 1);
    glTexParameteri(GL_TEXTURE_EXTERNAL_OES, GL_TEXTURE_MIN_FILTER, GL_NEAREST);
    GLuint program = glCreateProgram();
    glAttachShader(program, compile(GL_VERTEX_SHADER,
                                    "attribute vec2 pos; varying vec2 uv;\n"
                                    "void main() { uv = pos * 0.5 + 0.5; gl_Position = vec4(pos, 0.0, 1.0); }\n"));
    glAttachShader(program, compile(GL_FRAGMENT_SHADER,
                                    "#extension GL_OES_EGL_image_external : require\n"
                                    "precision mediump float; uniform samplerExternalOES image; varying vec2 uv;\n"
                                    "void main() { gl_FragColor = texture2D(image, uv); }\n"));
    glBindAttribLocation(program, 0, "pos");
    glLinkProgram(program);
    GLint linked = 0;
    glGetProgramiv(program, GL_LINK_STATUS, &linked);
    GLST_CHECK(linked);
    glUseProgram(program);
    static const float quad[] = { -1, -1, 1, -1, -1, 1, 1, 1 };
    glVertexAttribPointer(0, 2, GL_FLOAT, GL_FALSE, 0, quad);
    glEnableVertexAttribArray(0);
    glViewport(0, 0, 8, 8);
    glClearColor(0, 0, 0, 1);
    glClear(GL_COLOR_BUFFER_BIT);
    glDrawArrays(GL_TRIANGLE_STRIP, 0, 4);
    unsigned char px[4] = { 0 };
    glReadPixels(4, 4, 1, 1, GL_RGBA, GL_UNSIGNED_BYTE, px);
    GLST_CHECK(memcmp(px, rgba, 4) == 0);
    GLST_CHECK_GL(GL_NO_ERROR);
    glDisableVertexAttribArray(0);
    glUseProgram(0);
    glDeleteProgram(program);
    glDeleteTextures(1, &tex);
}

/* EGL images of a texture and of a renderbuffer: a sibling made from the
 * image shares the source's pixels both ways; the errors of creation. */
static void test_images(EGLDisplay dpy, EGLConfig config)
{
    if (!glst_egl_ext(dpy, "EGL_KHR_image_base") || !glst_egl_ext(dpy, "EGL_KHR_gl_texture_2D_image") ||
        !glst_egl_ext(dpy, "EGL_KHR_gl_renderbuffer_image"))
        return;
    glst_create_image_fn create = (glst_create_image_fn)eglGetProcAddress("eglCreateImageKHR");
    glst_destroy_image_fn destroy = (glst_destroy_image_fn)eglGetProcAddress("eglDestroyImageKHR");
    glst_image_target_fn target_texture = (glst_image_target_fn)eglGetProcAddress("glEGLImageTargetTexture2DOES");
    glst_image_target_fn target_renderbuffer =
        (glst_image_target_fn)eglGetProcAddress("glEGLImageTargetRenderbufferStorageOES");
    GLST_CHECK(create && destroy && target_texture && target_renderbuffer);
    if (!create || !destroy || !target_texture || !target_renderbuffer)
        return;
    static const EGLint pb_attribs[] = { EGL_WIDTH, 8, EGL_HEIGHT, 8, EGL_NONE };
    EGLSurface pb = eglCreatePbufferSurface(dpy, config, pb_attribs);
    EGLContext ctx = eglCreateContext(dpy, config, EGL_NO_CONTEXT, glst_es2_ctx_attribs);
    GLST_CHECK(eglMakeCurrent(dpy, pb, pb, ctx));
    GLST_CHECK(glst_has_gl_ext("GL_OES_EGL_image"));

    static const unsigned char red[4] = { 255, 0, 0, 255 }, green[4] = { 0, 255, 0, 255 },
                               blue[4] = { 0, 0, 255, 255 };
    unsigned char texels[4 * 4 * 4];
    for (size_t i = 0; i < sizeof(texels); i += 4)
        memcpy(texels + i, red, 4);
    GLuint tex[2];
    glGenTextures(2, tex);
    glBindTexture(GL_TEXTURE_2D, tex[0]);
    glTexImage2D(GL_TEXTURE_2D, 0, GL_RGBA, 4, 4, 0, GL_RGBA, GL_UNSIGNED_BYTE, texels);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_NEAREST);

    /* Errors: no object, an attribute images do not take, no context. */
    static const EGLint level0[] = { EGL_GL_TEXTURE_LEVEL_KHR, 0, EGL_IMAGE_PRESERVED_KHR, EGL_TRUE, EGL_NONE };
    GLST_CHECK(create(dpy, ctx, EGL_GL_TEXTURE_2D_KHR, (EGLClientBuffer)0, level0) == EGL_NO_IMAGE_KHR);
    GLST_CHECK_EGL(EGL_BAD_PARAMETER);
    static const EGLint bad[] = { 0x3555, 4, EGL_NONE };
    GLST_CHECK(create(dpy, ctx, EGL_GL_TEXTURE_2D_KHR, (EGLClientBuffer)(uintptr_t)tex[0], bad) ==
               EGL_NO_IMAGE_KHR);
    GLST_CHECK_EGL(EGL_BAD_PARAMETER);
    if (glst_is_glstream(dpy)) {
        /* Mesa 22.3 itself crashes here (it uses the context unchecked). */
        GLST_CHECK(create(dpy, EGL_NO_CONTEXT, EGL_GL_TEXTURE_2D_KHR, (EGLClientBuffer)(uintptr_t)tex[0],
                          level0) == EGL_NO_IMAGE_KHR);
        GLST_CHECK_EGL(EGL_BAD_CONTEXT);
    }
    /* A level the texture does not have: the driver's answer. */
    static const EGLint level3[] = { EGL_GL_TEXTURE_LEVEL_KHR, 3, EGL_NONE };
    GLST_CHECK(create(dpy, ctx, EGL_GL_TEXTURE_2D_KHR, (EGLClientBuffer)(uintptr_t)tex[0], level3) ==
               EGL_NO_IMAGE_KHR);
    GLST_CHECK_EGL(EGL_BAD_PARAMETER);

    EGLImageKHR image = create(dpy, ctx, EGL_GL_TEXTURE_2D_KHR, (EGLClientBuffer)(uintptr_t)tex[0], level0);
    GLST_CHECK(image != EGL_NO_IMAGE_KHR);
    GLST_CHECK_EGL(EGL_SUCCESS);
    glBindTexture(GL_TEXTURE_2D, tex[1]);
    target_texture(GL_TEXTURE_2D, image);
    GLST_CHECK_GL(GL_NO_ERROR);
    GLST_CHECK(attachment_reads(GL_TEXTURE_2D, tex[1], red));
    clear_attachment(GL_TEXTURE_2D, tex[1], 0, 1, 0);
    GLST_CHECK(attachment_reads(GL_TEXTURE_2D, tex[0], green));
    test_image_external(image, target_texture, green);
    /* The target must be GL_TEXTURE_2D (or external). */
    target_texture(GL_TEXTURE_CUBE_MAP, image);
    GLST_CHECK_GL(GL_INVALID_ENUM);
    if (glst_is_glstream(dpy)) {
        /* An image id the client does not own never reaches the driver. */
        target_texture(GL_TEXTURE_2D, (GLeglImageOES)(uintptr_t)0x7777);
        GLST_CHECK_GL(GL_INVALID_VALUE);
        GLST_CHECK(attachment_reads(GL_TEXTURE_2D, tex[1], green));
    }

    GLuint rb[2];
    glGenRenderbuffers(2, rb);
    glBindRenderbuffer(GL_RENDERBUFFER, rb[0]);
    glRenderbufferStorage(GL_RENDERBUFFER, GL_RGBA8_OES, 4, 4);
    EGLImageKHR rb_image = create(dpy, ctx, EGL_GL_RENDERBUFFER_KHR, (EGLClientBuffer)(uintptr_t)rb[0], NULL);
    GLST_CHECK(rb_image != EGL_NO_IMAGE_KHR);
    glBindRenderbuffer(GL_RENDERBUFFER, rb[1]);
    target_renderbuffer(GL_RENDERBUFFER, rb_image);
    GLST_CHECK_GL(GL_NO_ERROR);
    clear_attachment(GL_RENDERBUFFER, rb[1], 0, 0, 1);
    GLST_CHECK(attachment_reads(GL_RENDERBUFFER, rb[0], blue));

    GLST_CHECK(destroy(dpy, image));
    GLST_CHECK(destroy(dpy, rb_image));
    GLST_CHECK(!destroy(dpy, image));
    GLST_CHECK_EGL(EGL_BAD_PARAMETER);
    /* Siblings keep the pixels after the image goes. */
    GLST_CHECK(attachment_reads(GL_TEXTURE_2D, tex[1], green));
    glDeleteTextures(2, tex);
    glDeleteRenderbuffers(2, rb);
    GLST_CHECK_GL(GL_NO_ERROR);
    GLST_CHECK(eglMakeCurrent(dpy, EGL_NO_SURFACE, EGL_NO_SURFACE, EGL_NO_CONTEXT));
    GLST_CHECK(eglDestroyContext(dpy, ctx));
    GLST_CHECK(eglDestroySurface(dpy, pb));
}

/* The colour at (0, 0) of one level-0 texture image (a 2D texture or a
 * cube map face), read through an FBO. */
static bool face_reads(GLenum face, GLuint tex, const unsigned char rgba[4])
{
    GLuint fbo;
    glGenFramebuffers(1, &fbo);
    glBindFramebuffer(GL_FRAMEBUFFER, fbo);
    glFramebufferTexture2D(GL_FRAMEBUFFER, GL_COLOR_ATTACHMENT0, face, tex, 0);
    unsigned char px[4] = { 0 };
    bool complete = glCheckFramebufferStatus(GL_FRAMEBUFFER) == GL_FRAMEBUFFER_COMPLETE;
    glReadPixels(0, 0, 1, 1, GL_RGBA, GL_UNSIGNED_BYTE, px);
    glBindFramebuffer(GL_FRAMEBUFFER, 0);
    glDeleteFramebuffers(1, &fbo);
    if (!complete || memcmp(px, rgba, 4) != 0)
        printf("face 0x%x of texture %u reads %d %d %d %d (complete %d)\n", face, tex, px[0], px[1], px[2], px[3],
               complete);
    return complete && memcmp(px, rgba, 4) == 0;
}

/* EGL_KHR_gl_texture_cubemap_image (EGL 1.5's EGL_GL_TEXTURE_CUBE_MAP_*
 * targets, here through eglCreateImage and its EGLAttrib list): an image of
 * each face shares that face's pixels with a sibling, both ways. */
static void test_cubemap_images(EGLDisplay dpy, EGLConfig config)
{
    if (!glst_egl_ext(dpy, "EGL_KHR_gl_texture_cubemap_image"))
        return;
    glst_image_target_fn target_texture = (glst_image_target_fn)eglGetProcAddress("glEGLImageTargetTexture2DOES");
    glst_image_target_fn target_renderbuffer =
        (glst_image_target_fn)eglGetProcAddress("glEGLImageTargetRenderbufferStorageOES");
    GLST_CHECK(target_texture && target_renderbuffer);
    if (!target_texture || !target_renderbuffer)
        return;
    static const EGLint pb_attribs[] = { EGL_WIDTH, 8, EGL_HEIGHT, 8, EGL_NONE };
    EGLSurface pb = eglCreatePbufferSurface(dpy, config, pb_attribs);
    EGLContext ctx = eglCreateContext(dpy, config, EGL_NO_CONTEXT, glst_es2_ctx_attribs);
    GLST_CHECK(eglMakeCurrent(dpy, pb, pb, ctx));
    GLuint rb;
    glGenRenderbuffers(1, &rb);

    static const unsigned char colours[6][4] = { { 255, 0, 0, 255 },   { 0, 255, 0, 255 },   { 0, 0, 255, 255 },
                                                 { 255, 255, 0, 255 }, { 0, 255, 255, 255 }, { 255, 0, 255, 255 } };
    GLuint cube, flat, sibling;
    glGenTextures(1, &cube);
    glGenTextures(1, &flat);
    glGenTextures(1, &sibling);
    glBindTexture(GL_TEXTURE_CUBE_MAP, cube);
    unsigned char texels[4 * 4 * 4];
    for (int f = 0; f < 6; f++) {
        for (size_t i = 0; i < sizeof(texels); i += 4)
            memcpy(texels + i, colours[f], 4);
        glTexImage2D(GL_TEXTURE_CUBE_MAP_POSITIVE_X + f, 0, GL_RGBA, 4, 4, 0, GL_RGBA, GL_UNSIGNED_BYTE, texels);
    }
    glTexParameteri(GL_TEXTURE_CUBE_MAP, GL_TEXTURE_MIN_FILTER, GL_NEAREST);
    glBindTexture(GL_TEXTURE_2D, flat);
    glTexImage2D(GL_TEXTURE_2D, 0, GL_RGBA, 4, 4, 0, GL_RGBA, GL_UNSIGNED_BYTE, texels);
    GLST_CHECK_GL(GL_NO_ERROR);

    /* Errors: a 2D texture as a face, a level the cube map lacks, a
     * renderbuffer's attribute. */
    static const EGLAttrib level0[] = { EGL_GL_TEXTURE_LEVEL, 0, EGL_NONE };
    static const EGLAttrib level2[] = { EGL_GL_TEXTURE_LEVEL, 2, EGL_NONE };
    GLST_CHECK(eglCreateImage(dpy, ctx, EGL_GL_TEXTURE_CUBE_MAP_POSITIVE_X, (EGLClientBuffer)(uintptr_t)flat,
                              level0) == EGL_NO_IMAGE);
    GLST_CHECK_EGL(EGL_BAD_PARAMETER);
    GLST_CHECK(eglCreateImage(dpy, ctx, EGL_GL_TEXTURE_2D, (EGLClientBuffer)(uintptr_t)cube, level0) ==
               EGL_NO_IMAGE);
    GLST_CHECK_EGL(EGL_BAD_PARAMETER);
    GLST_CHECK(eglCreateImage(dpy, ctx, EGL_GL_TEXTURE_CUBE_MAP_NEGATIVE_Y, (EGLClientBuffer)(uintptr_t)cube,
                              level2) == EGL_NO_IMAGE);
    GLST_CHECK_EGL(EGL_BAD_PARAMETER);

    for (int f = 0; f < 6; f++) {
        EGLImage image = eglCreateImage(dpy, ctx, EGL_GL_TEXTURE_CUBE_MAP_POSITIVE_X + f,
                                        (EGLClientBuffer)(uintptr_t)cube, f % 2 ? level0 : NULL);
        GLST_CHECK(image != EGL_NO_IMAGE);
        GLST_CHECK_EGL(EGL_SUCCESS);
        if (image == EGL_NO_IMAGE)
            continue;
        /* Mesa takes a face's image as a renderbuffer only (a 2D or
         * external texture of it is GL_INVALID_OPERATION). */
        glBindTexture(GL_TEXTURE_2D, sibling);
        target_texture(GL_TEXTURE_2D, image);
        GLST_CHECK_GL(GL_INVALID_OPERATION);
        glBindRenderbuffer(GL_RENDERBUFFER, rb);
        target_renderbuffer(GL_RENDERBUFFER, image);
        GLST_CHECK_GL(GL_NO_ERROR);
        GLST_CHECK(attachment_reads(GL_RENDERBUFFER, rb, colours[f]));
        GLST_CHECK(eglDestroyImage(dpy, image));
    }
    /* The last sibling (of -Z) writes into the face it came from. */
    clear_attachment(GL_RENDERBUFFER, rb, 1, 1, 1);
    static const unsigned char white[4] = { 255, 255, 255, 255 };
    GLST_CHECK(face_reads(GL_TEXTURE_CUBE_MAP_NEGATIVE_Z, cube, white));
    GLST_CHECK(face_reads(GL_TEXTURE_CUBE_MAP_POSITIVE_Z, cube, colours[4]));

    if (glst_is_glstream(dpy)) {
        /* 3D textures are not offered (docs/extensions.md, EGL). */
        GLST_CHECK(!glst_has_egl_ext(dpy, "EGL_KHR_gl_texture_3D_image"));
        GLST_CHECK(eglCreateImage(dpy, ctx, EGL_GL_TEXTURE_3D, (EGLClientBuffer)(uintptr_t)cube, NULL) ==
                   EGL_NO_IMAGE);
        GLST_CHECK_EGL(EGL_BAD_PARAMETER);
    }
    glDeleteTextures(1, &cube);
    glDeleteTextures(1, &flat);
    glDeleteTextures(1, &sibling);
    glDeleteRenderbuffers(1, &rb);
    GLST_CHECK_GL(GL_NO_ERROR);
    GLST_CHECK(eglMakeCurrent(dpy, EGL_NO_SURFACE, EGL_NO_SURFACE, EGL_NO_CONTEXT));
    GLST_CHECK(eglDestroyContext(dpy, ctx));
    GLST_CHECK(eglDestroySurface(dpy, pb));
}

/* tests/conformance/egl-extension-exceptions.txt: well formed ("NAME  reason"
 * or a comment), and, through glstream, naming no extension it advertises. */
static void test_exceptions_file(EGLDisplay dpy)
{
    FILE *f = fopen(GLST_EGL_EXCEPTIONS, "r");
    GLST_CHECK(f != NULL);
    if (!f)
        return;
    const char *display_exts = eglQueryString(dpy, EGL_EXTENSIONS);
    const char *client_exts = eglQueryString(EGL_NO_DISPLAY, EGL_EXTENSIONS);
    char line[1024];
    int count = 0;
    while (fgets(line, sizeof(line), f)) {
        if (line[0] == '#' || line[0] == '\n')
            continue;
        char name[128], *gap = strstr(line, "  ");
        size_t length = gap ? (size_t)(gap - line) : 0;
        if (!gap || length == 0 || length >= sizeof(name) || strncmp(line, "EGL_", 4) != 0 ||
            gap[strspn(gap, " ")] == '\n') {
            glst_fail_msg(__FILE__, __LINE__, "malformed exception line: %s", line);
            continue;
        }
        memcpy(name, line, length);
        name[length] = '\0';
        count++;
        if (glst_is_glstream(dpy) && (glst_has_token(display_exts, name) || glst_has_token(client_exts, name)))
            glst_fail_msg(__FILE__, __LINE__, "%s is advertised and listed as an exception", name);
    }
    fclose(f);
    GLST_CHECK(count >= 10);
}

void glst_egl_test_ext(EGLDisplay dpy, EGLConfig config)
{
    test_create_context(dpy, config);
    test_context_attribs_15(dpy, config);
    test_config_attribs(dpy);
    test_pixel_format_float(dpy);
    test_get_all_proc_addresses(dpy, config);
    test_no_config_context(dpy, config);
    test_khr_fence_sync(dpy, config);
    test_reusable_sync(dpy, config);
    test_colorspace(dpy, config);
    test_images(dpy, config);
    test_cubemap_images(dpy, config);
    test_exceptions_file(dpy);
}
