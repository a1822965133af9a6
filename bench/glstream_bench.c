/*
 * glstream-bench: micro-benchmarks of an EGL + OpenGL ES 2.0 implementation.
 *
 * An ordinary EGL/GLES2 program: it runs natively or through glstream
 * (build/glstream-run build/bench/glstream-bench).  Each metric is the
 * median of several repetitions (the first, warm-up repetition is not
 * counted):
 *
 *   state        cheap state calls per second (glUniform1f, glEnable,
 *                glBlendFunc, glDisable, ... on a current context), each
 *                repetition 0.3 s of calls then glFinish, so every call
 *                was executed
 *   latency      a state call followed by a call that needs an answer
 *                (glGetError; and glIsEnabled, which a client may answer
 *                from mirrored state): median and 90th percentile, in us
 *   upload       glBufferSubData of 16 MiB into a 16 MiB buffer and
 *                glTexSubImage2D of a 2048x2048 RGBA texture, each followed
 *                by glFinish (MB/s, 1 MB = 10^6 bytes)
 *   readback     glReadPixels of a 1024x1024 RGBA pbuffer (MB/s)
 *   fps          frames per second of a trivial scene (clear + a triangle)
 *                in an 800x600 X11 window with eglSwapBuffers (interval 0);
 *                needs DISPLAY, skipped without it
 *
 * Output: one line per metric, "NAME: VALUE UNIT (median of N)", lines
 * starting with '#' for information, and a last line "BENCH {json}".
 */

#include <EGL/egl.h>
#include <EGL/eglext.h>
#include <GLES2/gl2.h>
#include <X11/Xlib.h>
#include <X11/Xutil.h>

#include <stdarg.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#define MAX_REPS 64
#define MAX_METRICS 16
#define MIB (1024u * 1024u)

struct metric {
	const char *name;
	const char *unit;
	double value;
	int reps;
};

static struct metric metrics[MAX_METRICS];
static int n_metrics;
static const char *skipped[MAX_METRICS];
static const char *skip_reason[MAX_METRICS];
static int n_skipped;
static bool quick;
static const char *only;
static int failures;

static double now(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

static int cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;
	return x < y ? -1 : x > y;
}

/* The q-quantile (0..1) of v[0..n), nearest rank; sorts v. */
static double quantile(double *v, int n, double q)
{
	qsort(v, (size_t)n, sizeof *v, cmp_double);
	if (n == 0)
		return 0.0;
	if (q == 0.5)
		return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2.0;
	int i = (int)(q * n + 0.999999) - 1;
	if (i < 0)
		i = 0;
	if (i >= n)
		i = n - 1;
	return v[i];
}

static double median(double *v, int n)
{
	return quantile(v, n, 0.5);
}

static void report(const char *name, const char *unit, double *samples, int reps)
{
	double value = median(samples, reps);
	printf("%s: %.6g %s (median of %d)\n", name, value, unit, reps);
	fflush(stdout);
	if (n_metrics < MAX_METRICS)
		metrics[n_metrics++] = (struct metric){ name, unit, value, reps };
}

static void skip(const char *name, const char *why)
{
	printf("# %s: skipped: %s\n", name, why);
	fflush(stdout);
	if (n_skipped < MAX_METRICS) {
		skipped[n_skipped] = name;
		skip_reason[n_skipped++] = why;
	}
}

static void fail(const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	fprintf(stderr, "glstream-bench: ");
	vfprintf(stderr, fmt, ap);
	fprintf(stderr, "\n");
	va_end(ap);
	failures++;
}

static bool wanted(const char *group)
{
	if (!only)
		return true;
	size_t len = strlen(group);
	for (const char *p = only; *p;) {
		const char *end = strchr(p, ',');
		size_t n = end ? (size_t)(end - p) : strlen(p);
		if (n == len && strncmp(p, group, n) == 0)
			return true;
		p += n;
		if (*p == ',')
			p++;
	}
	return false;
}

static bool check_gl(const char *what)
{
	GLenum e = glGetError();
	if (e != GL_NO_ERROR) {
		fail("%s: GL error 0x%04x", what, e);
		return false;
	}
	return true;
}

static void json_string(FILE *f, const char *s)
{
	fputc('"', f);
	for (; s && *s; s++) {
		unsigned char c = (unsigned char)*s;
		if (c == '"' || c == '\\')
			fprintf(f, "\\%c", c);
		else if (c < 0x20)
			fprintf(f, "\\u%04x", c);
		else
			fputc(c, f);
	}
	fputc('"', f);
}

/* ------------------------------------------------------------------ EGL */

static bool has_token(const char *list, const char *name)
{
	size_t n = strlen(name);
	for (const char *p = list; p && (p = strstr(p, name)); p += n)
		if ((p == list || p[-1] == ' ') && (p[n] == ' ' || p[n] == '\0'))
			return true;
	return false;
}

static EGLDisplay pbuffer_display(void)
{
	EGLDisplay dpy = eglGetDisplay(EGL_DEFAULT_DISPLAY);
	if (dpy != EGL_NO_DISPLAY && eglInitialize(dpy, NULL, NULL))
		return dpy;
	/* Native Mesa has no default platform without DISPLAY. */
	const char *client = eglQueryString(EGL_NO_DISPLAY, EGL_EXTENSIONS);
	PFNEGLGETPLATFORMDISPLAYEXTPROC get_platform_display =
		(PFNEGLGETPLATFORMDISPLAYEXTPROC)eglGetProcAddress("eglGetPlatformDisplayEXT");
	if (!has_token(client, "EGL_MESA_platform_surfaceless") || !get_platform_display)
		return EGL_NO_DISPLAY;
	dpy = get_platform_display(EGL_PLATFORM_SURFACELESS_MESA, EGL_DEFAULT_DISPLAY, NULL);
	if (dpy == EGL_NO_DISPLAY || !eglInitialize(dpy, NULL, NULL))
		return EGL_NO_DISPLAY;
	return dpy;
}

static bool choose_config(EGLDisplay dpy, EGLint surface_type, EGLConfig *config)
{
	const EGLint attribs[] = {
		EGL_SURFACE_TYPE, surface_type,
		EGL_RENDERABLE_TYPE, EGL_OPENGL_ES2_BIT,
		EGL_RED_SIZE, 8, EGL_GREEN_SIZE, 8, EGL_BLUE_SIZE, 8,
		EGL_NONE,
	};
	EGLint n = 0;
	return eglChooseConfig(dpy, attribs, config, 1, &n) && n > 0;
}

static EGLContext create_context(EGLDisplay dpy, EGLConfig config)
{
	static const EGLint attribs[] = { EGL_CONTEXT_CLIENT_VERSION, 2, EGL_NONE };
	eglBindAPI(EGL_OPENGL_ES_API);
	return eglCreateContext(dpy, config, EGL_NO_CONTEXT, attribs);
}

/* ------------------------------------------------------------------- GL */

static const char *vs_src =
	"attribute vec2 pos;\n"
	"uniform float scale;\n"
	"void main() { gl_Position = vec4(pos * scale, 0.0, 1.0); }\n";
static const char *fs_src =
	"precision mediump float;\n"
	"uniform float shade;\n"
	"void main() { gl_FragColor = vec4(shade, 0.5, 0.2, 1.0); }\n";

static GLuint compile(GLenum type, const char *src)
{
	GLuint s = glCreateShader(type);
	glShaderSource(s, 1, &src, NULL);
	glCompileShader(s);
	GLint ok = 0;
	glGetShaderiv(s, GL_COMPILE_STATUS, &ok);
	if (!ok) {
		char logbuf[1024] = "";
		glGetShaderInfoLog(s, sizeof logbuf, NULL, logbuf);
		fail("shader compile failed: %s", logbuf);
	}
	return s;
}

static GLuint make_program(void)
{
	GLuint p = glCreateProgram();
	GLuint vs = compile(GL_VERTEX_SHADER, vs_src), fs = compile(GL_FRAGMENT_SHADER, fs_src);
	glAttachShader(p, vs);
	glAttachShader(p, fs);
	glBindAttribLocation(p, 0, "pos");
	glLinkProgram(p);
	GLint ok = 0;
	glGetProgramiv(p, GL_LINK_STATUS, &ok);
	if (!ok)
		fail("program link failed");
	glDeleteShader(vs);
	glDeleteShader(fs);
	return p;
}

static int reps_count(void)
{
	return quick ? 5 : 9;
}

/* (a) cheap state calls per second. Each repetition runs whole chunks of
 * the loop until STATE_SECONDS have passed (the same time natively and
 * through any transport; a fixed count took 10 ms natively, too short to
 * be stable), then glFinish, so every call was executed. */
#define STATE_CHUNK 10000 /* iterations between two looks at the clock */
static void bench_state(GLuint prog)
{
	const int calls_per_iter = 8;
	const double seconds = quick ? 0.02 : 0.3;
	GLint scale = glGetUniformLocation(prog, "scale");
	GLint shade = glGetUniformLocation(prog, "shade");
	int reps = reps_count();
	double rate[MAX_REPS];

	glUseProgram(prog);
	glFinish();
	for (int r = -1; r < reps; r++) {
		double t0 = now(), dt;
		long iters = 0;
		do {
			for (long i = 0; i < STATE_CHUNK; i++) {
				float f = (float)(i & 255) * (1.0f / 256.0f);
				glUniform1f(scale, 1.0f - f);
				glEnable(GL_BLEND);
				glBlendFunc(GL_SRC_ALPHA, GL_ONE_MINUS_SRC_ALPHA);
				glUniform1f(shade, f);
				glDisable(GL_BLEND);
				glEnable(GL_DEPTH_TEST);
				glBlendFunc(GL_ONE, GL_ZERO);
				glDisable(GL_DEPTH_TEST);
			}
			iters += STATE_CHUNK;
		} while (now() - t0 < seconds);
		glFinish();
		dt = now() - t0;
		if (r >= 0)
			rate[r] = (double)(iters * calls_per_iter) / dt;
	}
	if (!check_gl("state calls"))
		return;
	double lo = rate[0], hi = rate[0];
	for (int r = 1; r < reps; r++) {
		lo = rate[r] < lo ? rate[r] : lo;
		hi = rate[r] > hi ? rate[r] : hi;
	}
	printf("# state_calls: %d repetitions of %.2f s, from %.4g to %.4g calls/s\n", reps, seconds, lo, hi);
	report("state_calls", "calls/s", rate, reps);
}

/* (b) latency of a call that needs an answer, after a state call. */
static void bench_latency(void)
{
	const int samples = quick ? 200 : 2000;
	int reps = reps_count();
	double med[2][MAX_REPS], p90[2][MAX_REPS];
	double *lat = malloc(sizeof(double) * (size_t)samples);
	if (!lat) {
		fail("out of memory");
		return;
	}
	static const char *names[2][2] = {
		{ "latency_glGetError_median", "latency_glGetError_p90" },
		{ "latency_glIsEnabled_median", "latency_glIsEnabled_p90" },
	};
	for (int kind = 0; kind < 2; kind++) {
		GLboolean sink = 0;
		for (int r = -1; r < reps; r++) {
			for (int i = 0; i < samples; i++) {
				double t0 = now();
				if (i & 1)
					glEnable(GL_BLEND);
				else
					glDisable(GL_BLEND);
				if (kind == 0)
					sink |= glGetError() != GL_NO_ERROR;
				else
					sink |= glIsEnabled(GL_BLEND);
				lat[i] = (now() - t0) * 1e6;
			}
			if (r >= 0) {
				med[kind][r] = quantile(lat, samples, 0.5);
				p90[kind][r] = quantile(lat, samples, 0.9);
			}
		}
		glDisable(GL_BLEND);
		if (kind == 1 && !sink)
			fail("glIsEnabled(GL_BLEND) never returned GL_TRUE");
		if (kind == 0 && sink)
			fail("glGetError reported an error in the latency loop");
		report(names[kind][0], "us", med[kind], reps);
		report(names[kind][1], "us", p90[kind], reps);
	}
	free(lat);
}

/* (c) upload bandwidth. */
static void bench_upload(void)
{
	const size_t size = 16 * MIB;
	int reps = reps_count();
	double rate[MAX_REPS];
	unsigned char *data = malloc(size);
	if (!data) {
		fail("out of memory");
		return;
	}
	for (size_t i = 0; i < size; i++)
		data[i] = (unsigned char)(i * 2654435761u >> 24);

	GLuint buf;
	glGenBuffers(1, &buf);
	glBindBuffer(GL_ARRAY_BUFFER, buf);
	glBufferData(GL_ARRAY_BUFFER, (GLsizeiptr)size, NULL, GL_DYNAMIC_DRAW);
	glFinish();
	for (int r = -1; r < reps; r++) {
		data[(size_t)(r + 1) * 4099 % size]++;
		double t0 = now();
		glBufferSubData(GL_ARRAY_BUFFER, 0, (GLsizeiptr)size, data);
		glFinish();
		double dt = now() - t0;
		if (r >= 0)
			rate[r] = (double)size / dt / 1e6;
	}
	glBindBuffer(GL_ARRAY_BUFFER, 0);
	glDeleteBuffers(1, &buf);
	if (check_gl("glBufferSubData"))
		report("upload_glBufferSubData", "MB/s", rate, reps);

	GLuint tex;
	glGenTextures(1, &tex);
	glBindTexture(GL_TEXTURE_2D, tex);
	glPixelStorei(GL_UNPACK_ALIGNMENT, 4);
	glTexImage2D(GL_TEXTURE_2D, 0, GL_RGBA, 2048, 2048, 0, GL_RGBA, GL_UNSIGNED_BYTE, NULL);
	glFinish();
	for (int r = -1; r < reps; r++) {
		data[(size_t)(r + 1) * 8191 % size]++;
		double t0 = now();
		glTexSubImage2D(GL_TEXTURE_2D, 0, 0, 0, 2048, 2048, GL_RGBA, GL_UNSIGNED_BYTE, data);
		glFinish();
		double dt = now() - t0;
		if (r >= 0)
			rate[r] = (double)size / dt / 1e6;
	}
	glBindTexture(GL_TEXTURE_2D, 0);
	glDeleteTextures(1, &tex);
	if (check_gl("glTexSubImage2D"))
		report("upload_glTexSubImage2D", "MB/s", rate, reps);
	free(data);
}

/* (d) readback bandwidth from the 1024x1024 pbuffer. */
static void bench_readback(void)
{
	const int w = 1024, h = 1024;
	const size_t size = (size_t)w * h * 4;
	int reps = reps_count();
	double rate[MAX_REPS];
	unsigned char *px = malloc(size);
	if (!px) {
		fail("out of memory");
		return;
	}
	glViewport(0, 0, w, h);
	glPixelStorei(GL_PACK_ALIGNMENT, 4);
	for (int r = -1; r < reps; r++) {
		float c = (float)(r + 1) / (float)(reps + 1);
		glClearColor(c, 1.0f - c, 0.25f, 1.0f);
		glClear(GL_COLOR_BUFFER_BIT);
		glFinish();
		double t0 = now();
		glReadPixels(0, 0, w, h, GL_RGBA, GL_UNSIGNED_BYTE, px);
		double dt = now() - t0;
		if (r >= 0)
			rate[r] = (double)size / dt / 1e6;
		unsigned want = (unsigned)(c * 255.0f + 0.5f);
		unsigned got = px[(size_t)(h / 2 * w + w / 2) * 4];
		if (got + 1 < want || got > want + 1) {
			fail("glReadPixels returned red %u, expected %u", got, want);
			free(px);
			return;
		}
	}
	free(px);
	if (check_gl("glReadPixels"))
		report("readback_glReadPixels", "MB/s", rate, reps);
}

static const GLfloat triangle[] = { -0.8f, -0.8f, 0.8f, -0.8f, 0.0f, 0.8f };

/* (e) frames per second in an 800x600 window. */
static void bench_fps(void)
{
	const int w = 800, h = 600;
	if (!getenv("DISPLAY") || !*getenv("DISPLAY")) {
		skip("fps_800x600", "DISPLAY is not set");
		return;
	}
	/* A freshly started X server may refuse a client for a moment under load. */
	Display *x = XOpenDisplay(NULL);
	for (int attempt = 0; !x && attempt < 30; attempt++) {
		nanosleep(&(struct timespec){.tv_nsec = 100000000}, NULL);
		x = XOpenDisplay(NULL);
	}
	if (!x) {
		skip("fps_800x600", "cannot open the X display");
		return;
	}
	EGLDisplay dpy = eglGetDisplay((EGLNativeDisplayType)x);
	EGLConfig config;
	if (dpy == EGL_NO_DISPLAY || !eglInitialize(dpy, NULL, NULL)
	    || !choose_config(dpy, EGL_WINDOW_BIT, &config)) {
		fail("fps: no EGL display or window config for the X display (0x%x)", eglGetError());
		XCloseDisplay(x);
		return;
	}
	EGLint visual_id = 0;
	eglGetConfigAttrib(dpy, config, EGL_NATIVE_VISUAL_ID, &visual_id);
	XVisualInfo tmpl = { .visualid = (VisualID)visual_id }, *vi;
	int nvi = 0;
	vi = XGetVisualInfo(x, VisualIDMask, &tmpl, &nvi);
	if (!vi) {
		tmpl.screen = DefaultScreen(x);
		vi = XGetVisualInfo(x, VisualScreenMask, &tmpl, &nvi);
	}
	Window root = RootWindow(x, DefaultScreen(x));
	XSetWindowAttributes swa = { 0 };
	swa.colormap = XCreateColormap(x, root, vi->visual, AllocNone);
	swa.border_pixel = 0;
	Window win = XCreateWindow(x, root, 0, 0, (unsigned)w, (unsigned)h, 0, vi->depth,
				   InputOutput, vi->visual, CWColormap | CWBorderPixel, &swa);
	XFree(vi);
	XStoreName(x, win, "glstream-bench");
	XMapWindow(x, win);
	XSync(x, False);

	EGLSurface surf = eglCreateWindowSurface(dpy, config, (EGLNativeWindowType)win, NULL);
	EGLContext ctx = create_context(dpy, config);
	if (surf == EGL_NO_SURFACE || ctx == EGL_NO_CONTEXT
	    || !eglMakeCurrent(dpy, surf, surf, ctx)) {
		fail("fps: cannot create a window surface and context (0x%x)", eglGetError());
		goto out;
	}
	eglSwapInterval(dpy, 0);
	GLuint prog = make_program();
	glUseProgram(prog);
	glUniform1f(glGetUniformLocation(prog, "scale"), 1.0f);
	GLint shade = glGetUniformLocation(prog, "shade");
	glViewport(0, 0, w, h);
	glVertexAttribPointer(0, 2, GL_FLOAT, GL_FALSE, 0, triangle);
	glEnableVertexAttribArray(0);

	int reps = reps_count();
	double slice = quick ? 0.2 : 3.0 / reps;
	double fps[MAX_REPS];
	long frame = 0;
	bool ok = true;
	for (int r = -1; r < reps && ok; r++) {
		double t0 = now(), t;
		long frames = 0;
		do {
			float c = (float)(frame++ % 64) / 64.0f;
			glClearColor(0.1f, 0.2f, c, 1.0f);
			glClear(GL_COLOR_BUFFER_BIT);
			glUniform1f(shade, c);
			glDrawArrays(GL_TRIANGLES, 0, 3);
			if (!eglSwapBuffers(dpy, surf)) {
				fail("eglSwapBuffers failed (0x%x)", eglGetError());
				ok = false;
				break;
			}
			frames++;
			t = now();
		} while (t - t0 < (r < 0 ? 0.2 : slice));
		if (r >= 0 && ok)
			fps[r] = (double)frames / (t - t0);
	}
	if (ok && check_gl("fps scene"))
		report("fps_800x600", "frames/s", fps, reps);
	glDeleteProgram(prog);
out:
	eglMakeCurrent(dpy, EGL_NO_SURFACE, EGL_NO_SURFACE, EGL_NO_CONTEXT);
	if (ctx != EGL_NO_CONTEXT)
		eglDestroyContext(dpy, ctx);
	if (surf != EGL_NO_SURFACE)
		eglDestroySurface(dpy, surf);
	eglTerminate(dpy);
	XDestroyWindow(x, win);
	XCloseDisplay(x);
}

static void usage(FILE *f)
{
	fprintf(f,
		"usage: glstream-bench [--quick] [--only NAME[,NAME...]]\n"
		"  --quick      fewer and shorter repetitions (a smoke test)\n"
		"  --only NAME  run only these groups: state, latency, upload, readback, fps\n"
		"Prints \"metric: value unit (median of N)\" lines and a last \"BENCH {json}\" line.\n");
}

int main(int argc, char **argv)
{
	for (int i = 1; i < argc; i++) {
		if (strcmp(argv[i], "--quick") == 0) {
			quick = true;
		} else if (strcmp(argv[i], "--only") == 0 && i + 1 < argc) {
			only = argv[++i];
		} else if (strncmp(argv[i], "--only=", 7) == 0) {
			only = argv[i] + 7;
		} else if (strcmp(argv[i], "--help") == 0 || strcmp(argv[i], "-h") == 0) {
			usage(stdout);
			return 0;
		} else {
			usage(stderr);
			return 2;
		}
	}
	static const char *groups[] = { "state", "latency", "upload", "readback", "fps" };
	if (only) {
		int known = 0;
		for (size_t g = 0; g < sizeof groups / sizeof *groups; g++)
			known += wanted(groups[g]);
		if (!known) {
			fprintf(stderr, "glstream-bench: --only %s names no group\n", only);
			usage(stderr);
			return 2;
		}
	}

	const char *egl_vendor = "", *renderer = "";
	char renderer_buf[256] = "", vendor_buf[256] = "";
	bool need_pbuffer = wanted("state") || wanted("latency") || wanted("upload")
			    || wanted("readback");
	if (need_pbuffer) {
		EGLDisplay dpy = pbuffer_display();
		EGLConfig config;
		if (dpy == EGL_NO_DISPLAY || !choose_config(dpy, EGL_PBUFFER_BIT, &config)) {
			fprintf(stderr, "glstream-bench: no EGL display with a GLES2 pbuffer config\n");
			return 1;
		}
		static const EGLint pb_attribs[] = { EGL_WIDTH, 1024, EGL_HEIGHT, 1024, EGL_NONE };
		EGLSurface pb = eglCreatePbufferSurface(dpy, config, pb_attribs);
		EGLContext ctx = create_context(dpy, config);
		if (pb == EGL_NO_SURFACE || ctx == EGL_NO_CONTEXT || !eglMakeCurrent(dpy, pb, pb, ctx)) {
			fprintf(stderr, "glstream-bench: cannot make a 1024x1024 pbuffer current (0x%x)\n",
				eglGetError());
			return 1;
		}
		snprintf(vendor_buf, sizeof vendor_buf, "%s", eglQueryString(dpy, EGL_VENDOR));
		snprintf(renderer_buf, sizeof renderer_buf, "%s", (const char *)glGetString(GL_RENDERER));
		egl_vendor = vendor_buf;
		renderer = renderer_buf;
		printf("# EGL vendor: %s\n# GL renderer: %s\n# mode: %s\n", egl_vendor, renderer,
		       quick ? "quick" : "full");
		fflush(stdout);

		GLuint prog = make_program();
		if (wanted("state"))
			bench_state(prog);
		if (wanted("latency"))
			bench_latency();
		if (wanted("upload"))
			bench_upload();
		if (wanted("readback"))
			bench_readback();
		glUseProgram(0);
		glDeleteProgram(prog);
		eglMakeCurrent(dpy, EGL_NO_SURFACE, EGL_NO_SURFACE, EGL_NO_CONTEXT);
		eglDestroyContext(dpy, ctx);
		eglDestroySurface(dpy, pb);
		eglTerminate(dpy);
	}
	if (wanted("fps"))
		bench_fps();

	printf("BENCH {\"quick\":%s,\"egl_vendor\":", quick ? "true" : "false");
	json_string(stdout, egl_vendor);
	printf(",\"renderer\":");
	json_string(stdout, renderer);
	printf(",\"metrics\":{");
	for (int i = 0; i < n_metrics; i++) {
		printf("%s", i ? "," : "");
		json_string(stdout, metrics[i].name);
		printf(":{\"value\":%.6g,\"unit\":", metrics[i].value);
		json_string(stdout, metrics[i].unit);
		printf(",\"reps\":%d}", metrics[i].reps);
	}
	printf("},\"skipped\":{");
	for (int i = 0; i < n_skipped; i++) {
		printf("%s", i ? "," : "");
		json_string(stdout, skipped[i]);
		printf(":");
		json_string(stdout, skip_reason[i]);
	}
	printf("},\"errors\":%d}\n", failures);
	return failures ? 1 : 0;
}
