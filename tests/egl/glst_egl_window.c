/* X11 window surfaces: the cleared colour must reach the window after
 * eglSwapBuffers (checked with XGetImage), and a resized window must be
 * picked up by the surface. Skipped when DISPLAY is unset. */
#define _POSIX_C_SOURCE 200809L
#include "glst_egl_tests.h"

#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include <X11/Xlib.h>
#include <X11/Xutil.h>

enum { WIN_W = 96, WIN_H = 64, BIG_W = 150, BIG_H = 100 };

static void sleep_ms(long ms)
{
    struct timespec ts = { ms / 1000, (ms % 1000) * 1000000L };
    nanosleep(&ts, NULL);
}

static int channel(unsigned long pixel, unsigned long mask)
{
    if (!mask)
        return 0;
    int shift = 0;
    while (!((mask >> shift) & 1))
        shift++;
    unsigned long max = mask >> shift;
    return (int)(((pixel & mask) >> shift) * 255 / max);
}

/* True when pixel (x, y) of the window shows rgb (top-left origin). */
static bool window_pixel_is(Display *x, Window win, Visual *vis, int px, int py, const int rgb[3])
{
    XImage *img = XGetImage(x, win, px, py, 1, 1, AllPlanes, ZPixmap);
    if (!img)
        return false;
    unsigned long v = XGetPixel(img, 0, 0);
    int got[3] = { channel(v, vis->red_mask), channel(v, vis->green_mask),
                   channel(v, vis->blue_mask) };
    XDestroyImage(img);
    for (int i = 0; i < 3; i++)
        if (abs(got[i] - rgb[i]) > 2)
            return false;
    return true;
}

/* Clears and swaps until the window shows the colour at both corners of
 * the w x h area; presentation may be asynchronous, so retry for ~2 s. */
static bool present_and_check(Display *x, Window win, Visual *vis, EGLDisplay dpy,
                              EGLSurface surf, int w, int h, const int rgb[3])
{
    for (int attempt = 0; attempt < 40; attempt++) {
        glViewport(0, 0, w, h);
        glClearColor(rgb[0] / 255.0f, rgb[1] / 255.0f, rgb[2] / 255.0f, 1.0f);
        glClear(GL_COLOR_BUFFER_BIT);
        if (!eglSwapBuffers(dpy, surf))
            return false;
        XSync(x, False);
        if (window_pixel_is(x, win, vis, 0, 0, rgb) &&
            window_pixel_is(x, win, vis, w - 1, h - 1, rgb))
            return true;
        sleep_ms(50);
    }
    return false;
}

/* The top rows of the GL image (largest y) must be the window's top rows. */
static bool orientation_is_right(Display *x, Window win, Visual *vis, EGLDisplay dpy, EGLSurface surf,
                                 int w, int h)
{
    static const int red[3] = { 255, 0, 0 }, blue[3] = { 0, 0, 255 };
    for (int attempt = 0; attempt < 40; attempt++) {
        glViewport(0, 0, w, h);
        glEnable(GL_SCISSOR_TEST);
        glScissor(0, h / 2, w, h - h / 2);
        glClearColor(1, 0, 0, 1);
        glClear(GL_COLOR_BUFFER_BIT);
        glScissor(0, 0, w, h / 2);
        glClearColor(0, 0, 1, 1);
        glClear(GL_COLOR_BUFFER_BIT);
        glDisable(GL_SCISSOR_TEST);
        if (!eglSwapBuffers(dpy, surf))
            return false;
        XSync(x, False);
        if (window_pixel_is(x, win, vis, w / 2, 1, red) && window_pixel_is(x, win, vis, w / 2, h - 2, blue))
            return true;
        sleep_ms(50);
    }
    return false;
}

/* EGL_EXT_buffer_age: an age of n promises the back buffer holds the frame
 * swapped n frames ago; checked by reading it back. */
static void test_buffer_age(EGLDisplay dpy, EGLSurface surf, int w, int h)
{
    if (!glst_egl_ext(dpy, "EGL_EXT_buffer_age"))
        return;
    static const float colors[3][3] = { { 1, 0, 0 }, { 0, 1, 0 }, { 0, 0, 1 } };
    for (int frame = 0; frame < 3; frame++) {
        glViewport(0, 0, w, h);
        glClearColor(colors[frame][0], colors[frame][1], colors[frame][2], 1.0f);
        glClear(GL_COLOR_BUFFER_BIT);
        GLST_CHECK(eglSwapBuffers(dpy, surf));
    }
    EGLint age = -1;
    GLST_CHECK(eglQuerySurface(dpy, surf, EGL_BUFFER_AGE_EXT, &age));
    GLST_CHECK(age >= 0 && age <= 3);
    if (glst_is_glstream(dpy))
        GLST_CHECK_INT(age, 1);
    if (age >= 1 && age <= 3) {
        const float *c = colors[3 - age];
        unsigned char px[4] = { 0 };
        glReadPixels(w / 2, h / 2, 1, 1, GL_RGBA, GL_UNSIGNED_BYTE, px);
        GLST_CHECK(px[0] == (unsigned char)(c[0] * 255) && px[1] == (unsigned char)(c[1] * 255) &&
                   px[2] == (unsigned char)(c[2] * 255));
    }
}

/* Every swapped frame reaches the window, in order and in time: after a
 * swap and a call the application waits for (glFinish), the window shows
 * that frame, not the one before (shown late) nor a later one, with no
 * retry. Distinct colours per frame catch a lost or delayed frame. */
static void test_frames_in_order(Display *x, Window win, Visual *vis, EGLDisplay dpy, EGLSurface surf, int w,
                                 int h)
{
    enum { FRAMES = 24 };
    int late = 0;
    for (int frame = 0; frame < FRAMES; frame++) {
        const int rgb[3] = { (frame * 37) % 256, 255 - (frame * 10) % 256, frame % 2 ? 255 : 64 };
        glViewport(0, 0, w, h);
        glClearColor(rgb[0] / 255.0f, rgb[1] / 255.0f, rgb[2] / 255.0f, 1.0f);
        glClear(GL_COLOR_BUFFER_BIT);
        GLST_CHECK(eglSwapBuffers(dpy, surf));
        /* Drawing after the swap must not leak into the frame shown. */
        glClearColor(0, 0, 0, 1);
        glClear(GL_COLOR_BUFFER_BIT);
        glFinish();
        if (!window_pixel_is(x, win, vis, w / 2, h / 2, rgb) ||
            !window_pixel_is(x, win, vis, w - 1, 0, rgb)) {
            if (!late++)
                fprintf(stderr, "frame %d not shown after the next round trip\n", frame);
        }
    }
    GLST_CHECK_INT(late, 0);
}

/* Presenting reads the window in the application's context: the state it
 * changes for that (framebuffer binding, pack alignment) and the GL error
 * the application has not fetched yet must be as before the swap. */
static void test_swap_keeps_state(EGLDisplay dpy, EGLSurface surf, int w, int h)
{
    GLuint tex = 0, fbo = 0;
    glGenTextures(1, &tex);
    glBindTexture(GL_TEXTURE_2D, tex);
    glTexImage2D(GL_TEXTURE_2D, 0, GL_RGBA, 4, 4, 0, GL_RGBA, GL_UNSIGNED_BYTE, NULL);
    glGenFramebuffers(1, &fbo);
    glBindFramebuffer(GL_FRAMEBUFFER, fbo);
    glFramebufferTexture2D(GL_FRAMEBUFFER, GL_COLOR_ATTACHMENT0, GL_TEXTURE_2D, tex, 0);
    GLST_CHECK(glCheckFramebufferStatus(GL_FRAMEBUFFER) == GL_FRAMEBUFFER_COMPLETE);
    glViewport(0, 0, 4, 4);
    glClearColor(0, 1, 0, 1);
    glClear(GL_COLOR_BUFFER_BIT);
    glPixelStorei(GL_PACK_ALIGNMENT, 1);
    glLineWidth(-1.0f); /* GL_INVALID_VALUE, held by the driver */
    for (int frame = 0; frame < 3; frame++)
        GLST_CHECK(eglSwapBuffers(dpy, surf));
    GLST_CHECK_HEX(glGetError(), GL_INVALID_VALUE);
    GLST_CHECK_HEX(glGetError(), GL_NO_ERROR);
    GLint value = -1;
    glGetIntegerv(GL_FRAMEBUFFER_BINDING, &value);
    GLST_CHECK_INT(value, (GLint)fbo);
    glGetIntegerv(GL_PACK_ALIGNMENT, &value);
    GLST_CHECK_INT(value, 1);
    unsigned char px[4] = { 0 };
    glReadPixels(1, 1, 1, 1, GL_RGBA, GL_UNSIGNED_BYTE, px); /* from the FBO, not the window */
    GLST_CHECK(px[0] == 0 && px[1] == 255 && px[2] == 0);
    GLST_CHECK_HEX(glGetError(), GL_NO_ERROR);
    glPixelStorei(GL_PACK_ALIGNMENT, 4);
    glBindFramebuffer(GL_FRAMEBUFFER, 0);
    glDeleteFramebuffers(1, &fbo);
    glDeleteTextures(1, &tex);
    glViewport(0, 0, w, h);
}

typedef EGLBoolean (*glst_swap_damage_fn)(EGLDisplay, EGLSurface, const EGLint *, EGLint);

/* EGL_KHR_swap_buffers_with_damage: errors, then a swap that shows the frame. */
static void test_swap_with_damage(Display *x, Window win, Visual *vis, EGLDisplay dpy, EGLSurface surf, int w,
                                  int h)
{
    if (!glst_egl_ext(dpy, "EGL_KHR_swap_buffers_with_damage"))
        return;
    glst_swap_damage_fn swap = (glst_swap_damage_fn)eglGetProcAddress("eglSwapBuffersWithDamageKHR");
    GLST_CHECK(swap != NULL);
    if (!swap)
        return;
    const EGLint rect[4] = { 0, 0, w, h };
    GLST_CHECK(!swap(dpy, surf, rect, -1));
    GLST_CHECK_EGL(EGL_BAD_PARAMETER);
    GLST_CHECK(!swap(dpy, surf, NULL, 1));
    GLST_CHECK_EGL(EGL_BAD_PARAMETER);
    static const int purple[3] = { 128, 0, 255 };
    bool shown = false;
    for (int attempt = 0; attempt < 40 && !shown; attempt++) {
        glViewport(0, 0, w, h);
        glClearColor(purple[0] / 255.0f, purple[1] / 255.0f, purple[2] / 255.0f, 1.0f);
        glClear(GL_COLOR_BUFFER_BIT);
        GLST_CHECK(swap(dpy, surf, rect, 1));
        XSync(x, False);
        shown = window_pixel_is(x, win, vis, w / 2, h / 2, purple);
        if (!shown)
            sleep_ms(50);
    }
    GLST_CHECK(shown);
}

static Window create_window(Display *x, EGLDisplay dpy, EGLConfig config, Visual **vis_out)
{
    EGLint visual_id = 0;
    GLST_CHECK(eglGetConfigAttrib(dpy, config, EGL_NATIVE_VISUAL_ID, &visual_id));
    XVisualInfo templ = { 0 };
    templ.visualid = (VisualID)visual_id;
    int n = 0;
    XVisualInfo *vi = XGetVisualInfo(x, VisualIDMask, &templ, &n);
    GLST_CHECK(vi != NULL && n > 0);
    if (!vi)
        return 0;
    Window root = RootWindow(x, vi->screen);
    XSetWindowAttributes swa = { 0 };
    swa.colormap = XCreateColormap(x, root, vi->visual, AllocNone);
    swa.event_mask = StructureNotifyMask | ExposureMask;
    swa.background_pixel = 0;
    swa.border_pixel = 0;
    Window win = XCreateWindow(x, root, 0, 0, WIN_W, WIN_H, 0, vi->depth, InputOutput,
                               vi->visual, CWColormap | CWEventMask | CWBackPixel | CWBorderPixel,
                               &swa);
    *vis_out = vi->visual;
    XFree(vi);
    XStoreName(x, win, "glst_egl_tests");
    XMapWindow(x, win);
    /* Wait until the window is mapped so XGetImage is valid. */
    for (;;) {
        XEvent ev;
        XNextEvent(x, &ev);
        if (ev.type == MapNotify && ev.xmap.window == win)
            break;
    }
    return win;
}

void glst_egl_test_window(void)
{
    if (!getenv("DISPLAY")) {
        printf("DISPLAY not set, window tests skipped\n");
        return;
    }
    /* A freshly started X server may need a moment to accept clients. */
    Display *x = XOpenDisplay(NULL);
    for (int attempt = 0; !x && attempt < 30; attempt++) {
        sleep_ms(100);
        x = XOpenDisplay(NULL);
    }
    GLST_CHECK(x != NULL);
    if (!x)
        return;
    EGLDisplay dpy = eglGetDisplay((EGLNativeDisplayType)x);
    GLST_CHECK(dpy != EGL_NO_DISPLAY);
    GLST_CHECK(eglInitialize(dpy, NULL, NULL));

    static const EGLint attribs[] = {
        EGL_SURFACE_TYPE, EGL_WINDOW_BIT, EGL_RENDERABLE_TYPE, EGL_OPENGL_ES2_BIT,
        EGL_RED_SIZE, 8, EGL_GREEN_SIZE, 8, EGL_BLUE_SIZE, 8, EGL_NONE,
    };
    EGLConfig config = NULL;
    EGLint n = 0;
    GLST_CHECK(eglChooseConfig(dpy, attribs, &config, 1, &n) && n == 1);
    if (n != 1)
        goto out;
    Visual *vis = NULL;
    Window win = create_window(x, dpy, config, &vis);
    if (!win)
        goto out;

    EGLSurface surf = eglCreateWindowSurface(dpy, config, (EGLNativeWindowType)win, NULL);
    GLST_CHECK(surf != EGL_NO_SURFACE);
    EGLContext ctx = eglCreateContext(dpy, config, EGL_NO_CONTEXT, glst_es2_ctx_attribs);
    GLST_CHECK(ctx != EGL_NO_CONTEXT);
    GLST_CHECK(eglMakeCurrent(dpy, surf, surf, ctx));
    EGLint v = 0;
    GLST_CHECK(eglQuerySurface(dpy, surf, EGL_WIDTH, &v));
    GLST_CHECK_INT(v, WIN_W);
    GLST_CHECK(eglQuerySurface(dpy, surf, EGL_HEIGHT, &v));
    GLST_CHECK_INT(v, WIN_H);
    GLST_CHECK(eglQuerySurface(dpy, surf, EGL_RENDER_BUFFER, &v));
    GLST_CHECK_HEX(v, EGL_BACK_BUFFER);
    GLST_CHECK(eglSwapInterval(dpy, 0));

    static const int orange[3] = { 255, 128, 0 };
    GLST_CHECK(present_and_check(x, win, vis, dpy, surf, WIN_W, WIN_H, orange));
    /* A second window surface on the same window is a mismatch of use. */
    GLST_CHECK(eglCreateWindowSurface(dpy, config, (EGLNativeWindowType)win, NULL) ==
               EGL_NO_SURFACE);
    GLST_CHECK_EGL(EGL_BAD_ALLOC);

    /* Grow the window; the surface follows after the next swap. */
    XResizeWindow(x, win, BIG_W, BIG_H);
    XSync(x, False);
    static const int teal[3] = { 0, 128, 255 };
    bool resized = false;
    for (int attempt = 0; attempt < 40 && !resized; attempt++) {
        EGLint w = 0, h = 0;
        glClear(GL_COLOR_BUFFER_BIT);
        eglSwapBuffers(dpy, surf);
        eglQuerySurface(dpy, surf, EGL_WIDTH, &w);
        eglQuerySurface(dpy, surf, EGL_HEIGHT, &h);
        resized = w == BIG_W && h == BIG_H;
        if (!resized)
            sleep_ms(50);
    }
    GLST_CHECK(resized);
    GLST_CHECK(present_and_check(x, win, vis, dpy, surf, BIG_W, BIG_H, teal));
    GLST_CHECK(orientation_is_right(x, win, vis, dpy, surf, BIG_W, BIG_H));
    test_frames_in_order(x, win, vis, dpy, surf, BIG_W, BIG_H);
    test_swap_keeps_state(dpy, surf, BIG_W, BIG_H);

    /* eglCopyBuffers: the window's color buffer into a pixmap of its size. */
    glClearColor(0.0f, 1.0f, 0.0f, 1.0f);
    glClear(GL_COLOR_BUFFER_BIT);
    Pixmap pix = XCreatePixmap(x, win, BIG_W, BIG_H, 24);
    XSync(x, False);
    GLST_CHECK(eglCopyBuffers(dpy, surf, (EGLNativePixmapType)pix));
    static const int green[3] = { 0, 255, 0 };
    GLST_CHECK(window_pixel_is(x, pix, vis, BIG_W / 2, BIG_H / 3, green));
    Pixmap small = XCreatePixmap(x, win, 8, 8, 24);
    XSync(x, False);
    /* A smaller pixmap receives the top-left part (as Mesa does). */
    GLST_CHECK(eglCopyBuffers(dpy, surf, (EGLNativePixmapType)small));
    GLST_CHECK(window_pixel_is(x, small, vis, 4, 4, green));
    XFreePixmap(x, small);
    XFreePixmap(x, pix);
    test_buffer_age(dpy, surf, BIG_W, BIG_H);
    test_swap_with_damage(x, win, vis, dpy, surf, BIG_W, BIG_H);

    GLST_CHECK(eglMakeCurrent(dpy, EGL_NO_SURFACE, EGL_NO_SURFACE, EGL_NO_CONTEXT));
    if (glst_has_egl_ext(dpy, "EGL_EXT_buffer_age")) {
        /* The age of a surface that is not the current draw surface. */
        EGLint age = -1;
        GLST_CHECK(!eglQuerySurface(dpy, surf, EGL_BUFFER_AGE_EXT, &age));
        GLST_CHECK_EGL(EGL_BAD_SURFACE);
    }
    GLST_CHECK(eglDestroySurface(dpy, surf));
    GLST_CHECK(eglDestroyContext(dpy, ctx));
    XDestroyWindow(x, win);
out:
    GLST_CHECK(eglTerminate(dpy));
    GLST_CHECK(eglReleaseThread());
    XCloseDisplay(x);
}
