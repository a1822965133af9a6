/* Reading surfaces in the application's context (see glss_readback.h).
 *
 * Asynchronous readback: at swap the worker has the driver read the frame
 * into one of two pixel pack buffers of its own (a GL command like the
 * application's, queued behind them) and carries on with the next
 * commands; the frame is mapped and copied once into the client's frame
 * memory (or the message) when the driver is done with it, when the worker
 * is about to sleep, or before anything that must observe it (the next
 * swap, a reply, a resize, another context made current). Pack buffers
 * need an ES 3.0 host context: Mesa gives one even for ES 2 clients; other
 * hosts read synchronously, and so do software rasterizers unless
 * --readback=async (glss_context_async). */
#include "glss_readback.h"

#include <stdio.h>
#include <string.h>
#include <GLES3/gl3.h>

#include "glss_egl.h"
#include "glss_memory.h"
#include "gls_log.h"

enum glss_readback_mode glss_readback_mode = GLSS_READBACK_AUTO;

/* Commands between two looks at the pending frame's fence. */
#define GLSS_READBACK_POLL_COMMANDS 64

bool glss_has_bgra_readback(void)
{
	static int known = -1;
	if (known < 0) {
		const char *ext = (const char *)glGetString(GL_EXTENSIONS);
		known = ext && strstr(ext, "GL_EXT_read_format_bgra") != NULL;
	}
	return known;
}

/* Whether the current (host) context is OpenGL ES 3.0 or later, from its
 * version string: glGetIntegerv(GL_MAJOR_VERSION) would raise an error in
 * the application's context on an ES 2 host. */
static bool glss_context_es3(struct glss_context *c)
{
	if (!c->host_es3) {
		const char *version = (const char *)glGetString(GL_VERSION);
		int major = 0;
		c->host_es3 = version && sscanf(version, "OpenGL ES %d", &major) == 1 && major >= 3 ? 1 : -1;
	}
	return c->host_es3 > 0;
}

/* A rasterizer running on the CPU: there, reading into a pack buffer is
 * CPU work too (Mesa's llvmpipe runs a shader over every pixel), more than
 * the synchronous read's copy, and no idle engine does it meanwhile
 * (docs/performance.md, "Asynchronous readback"). */
static bool glss_software_renderer(void)
{
	const char *renderer = (const char *)glGetString(GL_RENDERER);
	return renderer && (strstr(renderer, "llvmpipe") || strstr(renderer, "softpipe") ||
			    strstr(renderer, "swrast") || strstr(renderer, "SwiftShader"));
}

/* Whether the current context reads swapped frames into pack buffers. */
static bool glss_context_async(struct glss_context *c)
{
	if (!c->readback_async) {
		bool async = glss_readback_mode != GLSS_READBACK_SYNC && glss_context_es3(c) &&
			     (glss_readback_mode == GLSS_READBACK_ASYNC || !glss_software_renderer());
		c->readback_async = async ? 1 : -1;
		gls_debug("context %u (%s): frames are read %s", c->id, (const char *)glGetString(GL_RENDERER),
			  async ? "asynchronously" : "synchronously");
	}
	return c->readback_async > 0;
}

/* The application's state that a read of the window's pixels changes. */
struct glss_pack_state {
	bool es3, switch_read;
	GLint framebuffer, read_buffer, alignment, row_length, skip_rows, skip_pixels, pack_buffer;
};

/* Makes the current context read surface s's default framebuffer into
 * pack buffer pack_buffer (0: client memory) with tightly packed rows,
 * saving what it changes. The application's GL error moves to the
 * context's pending error, so that nothing of ours reaches its glGetError. */
static void glss_pack_enter(struct glss_worker *w, struct glss_surface *s, GLuint pack_buffer,
			    struct glss_pack_state *st)
{
	struct glss_context *c = w->current;
	glss_collect_driver_error(w);
	st->es3 = glss_context_es3(c);
	st->switch_read = w->read != s || w->draw != s;
	if (st->switch_read)
		eglMakeCurrent(w->display, s->host, s->host, c->host);
	/* ES 3: only the read binding (the draw binding may differ). */
	glGetIntegerv(st->es3 ? GL_READ_FRAMEBUFFER_BINDING : GL_FRAMEBUFFER_BINDING, &st->framebuffer);
	if (st->framebuffer)
		glBindFramebuffer(st->es3 ? GL_READ_FRAMEBUFFER : GL_FRAMEBUFFER, 0);
	glGetIntegerv(GL_PACK_ALIGNMENT, &st->alignment);
	if (st->alignment != 4)
		glPixelStorei(GL_PACK_ALIGNMENT, 4);
	if (!st->es3)
		return;
	/* glReadBuffer(GL_NONE) on the default framebuffer is the only other
	 * choice an application has there. */
	glGetIntegerv(GL_READ_BUFFER, &st->read_buffer);
	if (st->read_buffer == GL_NONE)
		glReadBuffer(GL_BACK);
	glGetIntegerv(GL_PACK_ROW_LENGTH, &st->row_length);
	glGetIntegerv(GL_PACK_SKIP_ROWS, &st->skip_rows);
	glGetIntegerv(GL_PACK_SKIP_PIXELS, &st->skip_pixels);
	if (st->row_length)
		glPixelStorei(GL_PACK_ROW_LENGTH, 0);
	if (st->skip_rows)
		glPixelStorei(GL_PACK_SKIP_ROWS, 0);
	if (st->skip_pixels)
		glPixelStorei(GL_PACK_SKIP_PIXELS, 0);
	glGetIntegerv(GL_PIXEL_PACK_BUFFER_BINDING, &st->pack_buffer);
	if ((GLuint)st->pack_buffer != pack_buffer)
		glBindBuffer(GL_PIXEL_PACK_BUFFER, pack_buffer);
}

/* Puts back what glss_pack_enter changed; errors of ours are dropped. */
static void glss_pack_leave(struct glss_worker *w, GLuint pack_buffer, const struct glss_pack_state *st)
{
	if (st->es3) {
		if ((GLuint)st->pack_buffer != pack_buffer)
			glBindBuffer(GL_PIXEL_PACK_BUFFER, (GLuint)st->pack_buffer);
		if (st->skip_pixels)
			glPixelStorei(GL_PACK_SKIP_PIXELS, st->skip_pixels);
		if (st->skip_rows)
			glPixelStorei(GL_PACK_SKIP_ROWS, st->skip_rows);
		if (st->row_length)
			glPixelStorei(GL_PACK_ROW_LENGTH, st->row_length);
		if (st->read_buffer == GL_NONE)
			glReadBuffer(GL_NONE);
	}
	if (st->alignment != 4)
		glPixelStorei(GL_PACK_ALIGNMENT, st->alignment);
	if (st->framebuffer)
		glBindFramebuffer(st->es3 ? GL_READ_FRAMEBUFFER : GL_FRAMEBUFFER, (GLuint)st->framebuffer);
	if (st->switch_read)
		eglMakeCurrent(w->display, w->draw ? w->draw->host : EGL_NO_SURFACE,
			       w->read ? w->read->host : EGL_NO_SURFACE, w->current->host);
	GLenum error;
	while ((error = glGetError()) != GL_NO_ERROR)
		gls_debug("reading a surface raised 0x%x", error);
}

void glss_read_surface(struct glss_worker *w, struct glss_surface *s, uint8_t *p)
{
	uint32_t width = (uint32_t)s->width, height = (uint32_t)s->height;
	size_t bytes = (size_t)width * height * 4;
	if (!bytes)
		return;
	struct glss_pack_state st;
	glss_pack_enter(w, s, 0, &st);
	if (glss_has_bgra_readback()) {
		glReadPixels(0, 0, (GLsizei)width, (GLsizei)height, GL_BGRA_EXT, GL_UNSIGNED_BYTE, p);
	} else {
		glReadPixels(0, 0, (GLsizei)width, (GLsizei)height, GL_RGBA, GL_UNSIGNED_BYTE, p);
		for (size_t i = 0; i < bytes; i += 4) {
			uint8_t red = p[i];
			p[i] = p[i + 2];
			p[i + 2] = red;
		}
	}
	glss_pack_leave(w, 0, &st);
}

/* Gives pack buffer i of context c (bound) room for `bytes` (accounted as
 * GL memory); false when the limit or the driver refuses. */
static bool glss_readback_buffer(struct glss_worker *w, struct glss_context *c, unsigned i, uint64_t bytes)
{
	if (c->readback_bytes[i] == bytes)
		return true;
	if (!glss_memory_resize(w, c->readback_bytes[i], bytes))
		return false;
	glBufferData(GL_PIXEL_PACK_BUFFER, (GLsizeiptr)bytes, NULL, GL_STREAM_READ);
	if (glGetError() != GL_NO_ERROR) {
		glss_memory_resize(w, bytes, 0);
		c->readback_bytes[i] = 0;
		return false;
	}
	c->readback_bytes[i] = bytes;
	return true;
}

bool glss_readback_start(struct glss_worker *w, struct glss_surface *s)
{
	struct glss_context *c = w->current;
	uint32_t width = (uint32_t)s->width, height = (uint32_t)s->height;
	uint64_t bytes = (uint64_t)width * height * 4;
	if (!c || !bytes || !glss_context_async(c))
		return false;
	glss_readback_finish(w);
	unsigned i = c->readback_next;
	if (!c->readback_buffers[i])
		glGenBuffers(1, &c->readback_buffers[i]);
	struct glss_pack_state st;
	glss_pack_enter(w, s, c->readback_buffers[i], &st);
	bool ok = glss_readback_buffer(w, c, i, bytes);
	if (ok) {
		bool bgra = glss_has_bgra_readback();
		glReadPixels(0, 0, (GLsizei)width, (GLsizei)height, bgra ? GL_BGRA_EXT : GL_RGBA, GL_UNSIGNED_BYTE,
			     NULL);
		GLsync fence = glFenceSync(GL_SYNC_GPU_COMMANDS_COMPLETE, 0);
		w->pending_frame = (struct glss_pending_frame){
			.surface = s, .width = width, .height = height, .buffer = i, .bgra = bgra, .fence = fence};
		c->readback_next = i ^ 1;
	}
	glss_pack_leave(w, c->readback_buffers[i], &st);
	return ok;
}

void glss_readback_finish(struct glss_worker *w)
{
	struct glss_pending_frame f = w->pending_frame;
	if (!f.surface)
		return;
	w->pending_frame = (struct glss_pending_frame){0};
	struct glss_context *c = w->current;
	if (!c)
		return; /* cannot happen: contexts stay current while a frame is pending */
	size_t bytes = (size_t)f.width * f.height * 4;
	glss_collect_driver_error(w);
	GLint bound = 0;
	glGetIntegerv(GL_PIXEL_PACK_BUFFER_BINDING, &bound);
	glBindBuffer(GL_PIXEL_PACK_BUFFER, c->readback_buffers[f.buffer]);
	const uint8_t *pixels = glMapBufferRange(GL_PIXEL_PACK_BUFFER, 0, (GLsizeiptr)bytes, GL_MAP_READ_BIT);
	if (pixels) {
		glss_present_deliver(w, f.surface, pixels, f.width, f.height, f.bgra);
		glUnmapBuffer(GL_PIXEL_PACK_BUFFER);
	}
	glBindBuffer(GL_PIXEL_PACK_BUFFER, (GLuint)bound);
	if (f.fence)
		glDeleteSync(f.fence);
	GLenum error;
	while ((error = glGetError()) != GL_NO_ERROR)
		gls_debug("delivering a frame raised 0x%x", error);
	if (!pixels) {
		/* Still a frame for the client (it counts them): read it now. */
		gls_warn("cannot map the pack buffer of a frame; reading it again");
		glss_present_sync(w, f.surface);
	}
}

void glss_readback_poll(struct glss_worker *w)
{
	struct glss_pending_frame *f = &w->pending_frame;
	if (++f->commands < GLSS_READBACK_POLL_COMMANDS)
		return;
	f->commands = 0;
	GLint status = GL_UNSIGNALED;
	if (f->fence)
		glGetSynciv(f->fence, GL_SYNC_STATUS, 1, NULL, &status);
	if (status == GL_SIGNALED)
		glss_readback_finish(w);
}

void glss_readback_release(struct glss_worker *w)
{
	glss_readback_finish(w);
	struct glss_context *c = w->current;
	if (!c)
		return;
	for (unsigned i = 0; i < 2; i++) {
		if (c->readback_buffers[i])
			glDeleteBuffers(1, &c->readback_buffers[i]);
		glss_memory_resize(w, c->readback_bytes[i], 0);
		c->readback_buffers[i] = 0;
		c->readback_bytes[i] = 0;
	}
	c->readback_next = 0;
}
