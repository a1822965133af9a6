/* Reading a surface's pixels in the application's own context: either
 * straight into memory (synchronous), or, at swap, into one of two pixel
 * pack buffers of the worker's, delivered later (asynchronous readback,
 * docs/performance.md). Either way the application's GL state and error
 * are left as they were. */
#ifndef GLSS_READBACK_H
#define GLSS_READBACK_H

#include "glss_worker.h"

/* --readback: how presented frames are read. */
enum glss_readback_mode {
	GLSS_READBACK_AUTO,  /* async, except on a software rasterizer (default) */
	GLSS_READBACK_ASYNC, /* into pixel pack buffers, delivered later */
	GLSS_READBACK_SYNC,  /* at the swap, straight into the frame memory */
};
extern enum glss_readback_mode glss_readback_mode;

/* Reads surface s (current or not; w->current must be set) into p as
 * B,G,R,A, bottom row first, rows packed. */
void glss_read_surface(struct glss_worker *w, struct glss_surface *s, uint8_t *p);
/* True when the host reads B,G,R,A directly (GL_EXT_read_format_bgra). */
bool glss_has_bgra_readback(void);

/* Starts reading swapped surface s (the current draw surface) into a pack
 * buffer; false when that is not possible or not wanted (no ES 3 host
 * context, --readback, memory limit): then read synchronously. */
bool glss_readback_start(struct glss_worker *w, struct glss_surface *s);
/* Delivers the frame started last, if any (glss_present.c shows it). Called
 * before anything that must observe it and when the worker goes idle. */
void glss_readback_finish(struct glss_worker *w);
/* Delivers the pending frame once the driver has finished reading it
 * (checked every few commands: no frame waits for the next swap). */
void glss_readback_poll(struct glss_worker *w);
static inline bool glss_readback_pending(const struct glss_worker *w)
{
	return w->pending_frame.surface != NULL;
}
/* Delivers the pending frame and frees the current context's pack buffers
 * (before that context stops being current). */
void glss_readback_release(struct glss_worker *w);

#endif
