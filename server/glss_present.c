/* Presentation by readback: on swap the worker reads the window surface
 * and sends it to the client as a GLS_MSG_FRAME (B,G,R,A, bottom row
 * first), leaving the application's GL state as it found it. */
#include <fcntl.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include "glss_egl.h"
#include "glss_framebuffers.h"
#include "glss_present_window.h"
#include "gls_log.h"

static bool glss_has_bgra_readback(void)
{
	static int known = -1;
	if (known < 0) {
		const char *ext = (const char *)glGetString(GL_EXTENSIONS);
		known = ext && strstr(ext, "GL_EXT_read_format_bgra") != NULL;
	}
	return known;
}

/* Reads surface s (current draw or not) into p as B,G,R,A, bottom row first. */
static void glss_read_surface(struct glss_worker *w, struct glss_surface *s, uint8_t *p)
{
	uint32_t width = (uint32_t)s->width, height = (uint32_t)s->height;
	size_t bytes = (size_t)width * height * 4;
	if (!bytes)
		return;

	/* Read the window's default framebuffer whatever the application bound
	 * (ES 3: to draw or to read, and whatever it set as the default
	 * framebuffer's read buffer, GL_NONE included). */
	GLint alignment = 4, read_buffer = GL_BACK;
	struct glss_fb_bindings bindings;
	glss_fb_bindings_save(&bindings);
	glGetIntegerv(GL_PACK_ALIGNMENT, &alignment);
	bool switch_read = w->read != s || w->draw != s;
	if (switch_read)
		eglMakeCurrent(w->display, s->host, s->host, w->current->host);
	bool rebind = bindings.draw || bindings.read;
	if (rebind)
		glBindFramebuffer(GL_FRAMEBUFFER, 0);
	GLint pack_buffer = 0; /* a pixel pack buffer would take the pixels */
	if (glss_host_es3()) {
		glGetIntegerv(GL_READ_BUFFER, &read_buffer);
		glGetIntegerv(GL_PIXEL_PACK_BUFFER_BINDING, &pack_buffer);
	}
	if (pack_buffer)
		glBindBuffer(GL_PIXEL_PACK_BUFFER, 0);
	if (read_buffer != GL_BACK)
		glReadBuffer(GL_BACK);
	if (alignment != 4)
		glPixelStorei(GL_PACK_ALIGNMENT, 4);

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

	if (alignment != 4)
		glPixelStorei(GL_PACK_ALIGNMENT, alignment);
	if (read_buffer != GL_BACK)
		glReadBuffer((GLenum)read_buffer);
	if (pack_buffer)
		glBindBuffer(GL_PIXEL_PACK_BUFFER, (GLuint)pack_buffer);
	if (rebind)
		glss_fb_bindings_restore(&bindings);
	if (switch_read)
		eglMakeCurrent(w->display, w->draw ? w->draw->host : EGL_NO_SURFACE,
			       w->read ? w->read->host : EGL_NO_SURFACE, w->current->host);
}

/* Turns a bottom-up image top-down in place (X wants the top row first). */
static void glss_flip_rows(uint8_t *p, uint32_t width, uint32_t height, uint8_t *spare_row)
{
	size_t stride = (size_t)width * 4;
	for (uint32_t y = 0; y < height / 2; y++) {
		uint8_t *top = p + (size_t)y * stride, *bottom = p + (size_t)(height - 1 - y) * stride;
		memcpy(spare_row, top, stride);
		memcpy(top, bottom, stride);
		memcpy(bottom, spare_row, stride);
	}
}

void glss_present_frame(struct glss_worker *w, struct glss_surface *s)
{
	uint32_t width = (uint32_t)s->width, height = (uint32_t)s->height;
	size_t bytes = (size_t)width * height * 4;
	if (glss_present_mode != GLSS_PRESENT_READBACK) {
		/* Shown here; the client gets an empty frame, which paces it. */
		uint8_t *frame = glss_scratch(w, bytes + (size_t)width * 4);
		if (!frame)
			return;
		glss_read_surface(w, s, frame);
		glss_flip_rows(frame, width, height, frame + bytes);
		glss_present_window_show(w, s, frame);
		uint8_t *p = glss_message_begin(w, GLS_MSG_FRAME, sizeof(struct gls_frame));
		if (p) {
			p = gls_put_u32(p, s->id);
			p = gls_put_u32(p, 0);
			p = gls_put_u32(p, 0);
			gls_put_u32(p, 0);
		}
		return;
	}
	if (s->frames && width == s->frames_width && height == s->frames_height && bytes) {
		/* Straight into the memory the client's X server shows from. */
		uint32_t slot = s->next_slot;
		s->next_slot = (slot + 1) % GLS_FRAME_SLOTS;
		uint8_t *frame = s->frames + (size_t)slot * bytes;
		uint8_t *spare_row = glss_scratch(w, (size_t)width * 4);
		if (!spare_row)
			return;
		glss_read_surface(w, s, frame);
		glss_flip_rows(frame, width, height, spare_row);
		uint8_t *p = glss_message_begin(w, GLS_MSG_FRAME_SHARED, sizeof(struct gls_frame));
		if (!p)
			return;
		p = gls_put_u32(p, s->id);
		p = gls_put_u32(p, width);
		p = gls_put_u32(p, height);
		gls_put_u32(p, slot);
		return;
	}
	uint8_t *p = glss_message_begin(w, GLS_MSG_FRAME, sizeof(struct gls_frame) + bytes);
	if (!p)
		return;
	p = gls_put_u32(p, s->id);
	p = gls_put_u32(p, width);
	p = gls_put_u32(p, height);
	p = gls_put_u32(p, 0);
	glss_read_surface(w, s, p);
}

void glss_surface_drop_frames(struct glss_surface *s)
{
	if (s->frames)
		munmap(s->frames, s->frames_size);
	s->frames = NULL;
	s->frames_size = 0;
	s->frames_width = s->frames_height = 0;
}

/* wire glsAttachFrameMemory: u32 surface, u32 width, u32 height, with a
 * memfd (sealed against shrinking) of GLS_FRAME_SLOTS frames of that size */
void glss_exec_glsAttachFrameMemory(struct glss_worker *w, struct gls_reader *r)
{
	uint32_t id = gls_get_u32(r), width = gls_get_u32(r), height = gls_get_u32(r);
	if (!gls_reader_done(r))
		return;
	int fd = glss_take_fd(w);
	if (fd < 0) {
		glss_fail(w, "glsAttachFrameMemory without a file descriptor");
		return;
	}
	struct glss_surface *s = glss_surface_lookup(w, id);
	/* Sealed: the client cannot shrink it under our writes (no SIGBUS).
	 * lseek tells the size (the sandbox refuses the stat family). */
	int seals = fcntl(fd, F_GET_SEALS);
	off_t end = lseek(fd, 0, SEEK_END);
	uint64_t size = (uint64_t)width * height * 4 * GLS_FRAME_SLOTS;
	if (!s || !s->window || !width || !height || width > 16384 || height > 16384 || seals < 0 ||
	    !(seals & F_SEAL_SHRINK) || end < 0 || (uint64_t)end < size) {
		if (s)
			glss_fail(w, "unusable frame memory for surface %u", id);
		close(fd);
		return;
	}
	void *frames = mmap(NULL, (size_t)size, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
	close(fd);
	if (frames == MAP_FAILED) {
		glss_fail(w, "cannot map frame memory for surface %u", id);
		return;
	}
	glss_surface_drop_frames(s);
	s->frames = frames;
	s->frames_size = (size_t)size;
	s->frames_width = width;
	s->frames_height = height;
	s->next_slot = 0;
}

/* wire glsReadSurface: u32 surface -> reply u32 width, u32 height, pixels
 * (eglCopyBuffers; read with the current context) */
void glss_exec_glsReadSurface(struct glss_worker *w, struct gls_reader *r)
{
	uint32_t id = gls_get_u32(r);
	if (!gls_reader_done(r))
		return;
	struct glss_surface *s = glss_surface_lookup(w, id);
	if (!s)
		return;
	if (!w->current) {
		glss_fail(w, "glsReadSurface without a current context");
		return;
	}
	size_t bytes = (size_t)s->width * (size_t)s->height * 4;
	uint8_t *p = glss_reply_begin(w, 8 + bytes);
	if (!p)
		return;
	p = gls_put_u32(p, (uint32_t)s->width);
	p = gls_put_u32(p, (uint32_t)s->height);
	glss_read_surface(w, s, p);
}
