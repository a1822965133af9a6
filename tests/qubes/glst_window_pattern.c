/* Draws a known pattern in an X11 window through EGL for a while: the top
 * half red, the bottom half blue (96x64). Used to check where frames end
 * up (--present=window, --present=qubes). Prints its window id first.
 * Usage: glst_window_pattern SECONDS */
#include <EGL/egl.h>
#include <GLES2/gl2.h>
#include <X11/Xlib.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

int main(int argc, char **argv)
{
	double seconds = argc > 1 ? atof(argv[1]) : 3.0;
	Display *x = XOpenDisplay(NULL);
	if (!x) {
		fprintf(stderr, "cannot open the display\n");
		return 1;
	}
	EGLDisplay dpy = eglGetDisplay((EGLNativeDisplayType)x);
	static const EGLint attribs[] = {EGL_SURFACE_TYPE, EGL_WINDOW_BIT, EGL_RENDERABLE_TYPE, EGL_OPENGL_ES2_BIT,
					 EGL_RED_SIZE, 8, EGL_GREEN_SIZE, 8, EGL_BLUE_SIZE, 8, EGL_NONE};
	static const EGLint ctx_attribs[] = {EGL_CONTEXT_CLIENT_VERSION, 2, EGL_NONE};
	EGLConfig config;
	EGLint n = 0;
	if (!eglInitialize(dpy, NULL, NULL) || !eglChooseConfig(dpy, attribs, &config, 1, &n) || n != 1) {
		fprintf(stderr, "no EGL config\n");
		return 1;
	}
	Window win = XCreateSimpleWindow(x, DefaultRootWindow(x), 0, 0, 96, 64, 0, 0, 0);
	XStoreName(x, win, "glst_window_pattern");
	XMapWindow(x, win);
	XSync(x, False);
	/* The id qubes-guid would put in _QUBES_VMWINDOWID (tests read it). */
	printf("window 0x%lx\n", win);
	fflush(stdout);
	EGLSurface surf = eglCreateWindowSurface(dpy, config, (EGLNativeWindowType)win, NULL);
	EGLContext ctx = eglCreateContext(dpy, config, EGL_NO_CONTEXT, ctx_attribs);
	if (surf == EGL_NO_SURFACE || ctx == EGL_NO_CONTEXT || !eglMakeCurrent(dpy, surf, surf, ctx)) {
		fprintf(stderr, "no EGL surface or context (0x%x)\n", eglGetError());
		return 1;
	}
	struct timespec start, now;
	clock_gettime(CLOCK_MONOTONIC, &start);
	unsigned frames = 0;
	do {
		glEnable(GL_SCISSOR_TEST);
		glScissor(0, 32, 96, 32);
		glClearColor(1, 0, 0, 1);
		glClear(GL_COLOR_BUFFER_BIT);
		glScissor(0, 0, 96, 32);
		glClearColor(0, 0, 1, 1);
		glClear(GL_COLOR_BUFFER_BIT);
		if (!eglSwapBuffers(dpy, surf)) {
			fprintf(stderr, "eglSwapBuffers failed (0x%x)\n", eglGetError());
			return 1;
		}
		frames++;
		clock_gettime(CLOCK_MONOTONIC, &now);
	} while ((double)(now.tv_sec - start.tv_sec) + (double)(now.tv_nsec - start.tv_nsec) / 1e9 < seconds);
	printf("%u frames\n", frames);
	eglTerminate(dpy);
	XCloseDisplay(x);
	return 0;
}
