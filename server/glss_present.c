/* Presentation by readback: on swap the worker reads the window surface
 * (glss_readback.c: at once, or later from a pack buffer) and delivers it:
 * into the client's shared frame memory (GLS_MSG_FRAME_SHARED), in a
 * GLS_MSG_FRAME (B,G,R,A, bottom row first), or to a window of its own. */
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include "glss_egl.h"
#include "glss_present_window.h"
#include "glss_readback.h"
#include "gls_log.h"

/* Room for a frame of `size` bytes on its way to a window. */
static uint8_t *glss_frame_copy(struct glss_worker *w, size_t size)
{
	if (size > w->frame_copy_cap) {
		uint8_t *bigger = realloc(w->frame_copy, size);
		if (!bigger) {
			glss_fail(w, "out of memory for a %zu-byte frame", size);
			return NULL;
		}
		w->frame_copy = bigger;
		w->frame_copy_cap = size;
	}
	return w->frame_copy;
}

/* Copies a bottom-up frame (B,G,R,A; R,G,B,A when !bgra) to dst, top row
 * first when flip (X wants the top row first): one pass over the pixels. */
static void glss_copy_frame(uint8_t *dst, const uint8_t *src, uint32_t width, uint32_t height, bool flip, bool bgra)
{
	size_t stride = (size_t)width * 4;
	for (uint32_t y = 0; y < height; y++) {
		uint8_t *row = dst + (size_t)(flip ? height - 1 - y : y) * stride;
		memcpy(row, src + (size_t)y * stride, stride);
		if (!bgra) {
			for (size_t i = 0; i < stride; i += 4) {
				uint8_t red = row[i];
				row[i] = row[i + 2];
				row[i + 2] = red;
			}
		}
	}
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

/* The message telling the client where its frame is (empty: shown here). */
static void glss_frame_message(struct glss_worker *w, uint16_t opcode, uint32_t id, uint32_t width, uint32_t height,
			       uint32_t slot)
{
	uint8_t *p = glss_message_begin(w, opcode, sizeof(struct gls_frame));
	if (!p)
		return;
	p = gls_put_u32(p, id);
	p = gls_put_u32(p, width);
	p = gls_put_u32(p, height);
	gls_put_u32(p, slot);
}

/* Whether the frame goes straight into the client's shared frame memory. */
static bool glss_frame_shared(const struct glss_surface *s, uint32_t width, uint32_t height)
{
	return s->frames && width == s->frames_width && height == s->frames_height && width && height;
}

/* The slot of the surface's frame memory the next frame goes into. */
static uint8_t *glss_next_slot(struct glss_surface *s, uint32_t *slot)
{
	*slot = s->next_slot;
	s->next_slot = (*slot + 1) % GLS_FRAME_SLOTS;
	return s->frames + (size_t)*slot * s->frames_width * s->frames_height * 4;
}

void glss_present_deliver(struct glss_worker *w, struct glss_surface *s, const uint8_t *pixels, uint32_t width,
			  uint32_t height, bool bgra)
{
	size_t bytes = (size_t)width * height * 4;
	if (glss_present_mode != GLSS_PRESENT_READBACK) {
		/* Shown here; the client gets an empty frame, which paces it. */
		uint8_t *frame = glss_frame_copy(w, bytes);
		if (!frame)
			return;
		glss_copy_frame(frame, pixels, width, height, true, bgra);
		glss_present_window_show(w, s, frame);
		glss_frame_message(w, GLS_MSG_FRAME, s->id, 0, 0, 0);
		return;
	}
	if (glss_frame_shared(s, width, height)) {
		/* Straight into the memory the client's X server shows from. */
		uint32_t slot;
		glss_copy_frame(glss_next_slot(s, &slot), pixels, width, height, true, bgra);
		glss_frame_message(w, GLS_MSG_FRAME_SHARED, s->id, width, height, slot);
		return;
	}
	uint8_t *p = glss_message_begin(w, GLS_MSG_FRAME, sizeof(struct gls_frame) + bytes);
	if (!p)
		return;
	p = gls_put_u32(p, s->id);
	p = gls_put_u32(p, width);
	p = gls_put_u32(p, height);
	p = gls_put_u32(p, 0);
	glss_copy_frame(p, pixels, width, height, false, bgra);
}

void glss_present_sync(struct glss_worker *w, struct glss_surface *s)
{
	uint32_t width = (uint32_t)s->width, height = (uint32_t)s->height;
	size_t bytes = (size_t)width * height * 4;
	if (glss_present_mode != GLSS_PRESENT_READBACK) {
		/* Shown here; the client gets an empty frame, which paces it. */
		uint8_t *frame = glss_frame_copy(w, bytes + (size_t)width * 4);
		if (!frame)
			return;
		glss_read_surface(w, s, frame);
		glss_flip_rows(frame, width, height, frame + bytes);
		glss_present_window_show(w, s, frame);
		glss_frame_message(w, GLS_MSG_FRAME, s->id, 0, 0, 0);
		return;
	}
	if (glss_frame_shared(s, width, height)) {
		/* Straight into the memory the client's X server shows from. */
		uint8_t *spare_row = glss_frame_copy(w, (size_t)width * 4);
		if (!spare_row)
			return;
		uint32_t slot;
		uint8_t *frame = glss_next_slot(s, &slot);
		glss_read_surface(w, s, frame);
		glss_flip_rows(frame, width, height, spare_row);
		glss_frame_message(w, GLS_MSG_FRAME_SHARED, s->id, width, height, slot);
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

void glss_present_frame(struct glss_worker *w, struct glss_surface *s)
{
	glss_readback_finish(w); /* frames are delivered in order */
	if (!glss_readback_start(w, s))
		glss_present_sync(w, s);
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
	if (w->pending_frame.surface == s)
		glss_readback_finish(w); /* into the memory it was read for */
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
