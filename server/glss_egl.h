/* The worker's host EGL: one display, the client's contexts and surfaces. */
#ifndef GLSS_EGL_H
#define GLSS_EGL_H

#include "glss_worker.h"

bool glss_egl_init(struct glss_worker *w);
void glss_egl_fini(struct glss_worker *w);
/* Destroys every context and surface of the client, keeps the display
 * (harnesses: a fresh worker for the next input). */
void glss_egl_reset(struct glss_worker *w);
struct glss_surface *glss_surface_lookup(struct glss_worker *w, uint32_t id);
/* The context a client id names; unknown ids end the worker. */
struct glss_context *glss_context_lookup(struct glss_worker *w, uint32_t id);
/* Destroys every EGL image of the client (glss_image.c). */
void glss_images_reset(struct glss_worker *w);
/* Presents swapped window surface (the current draw surface): its frame
 * goes to the client now or, read asynchronously, soon (glss_readback.h). */
void glss_present_frame(struct glss_worker *w, struct glss_surface *surface);
/* Reads and delivers the surface's frame now. */
void glss_present_sync(struct glss_worker *w, struct glss_surface *surface);
/* Delivers a frame read earlier: pixels bottom row first, B,G,R,A (R,G,B,A
 * when !bgra), width x height as at the swap. */
void glss_present_deliver(struct glss_worker *w, struct glss_surface *surface, const uint8_t *pixels, uint32_t width,
			  uint32_t height, bool bgra);
/* Unmaps the surface's shared frame memory, if any. */
void glss_surface_drop_frames(struct glss_surface *surface);

#endif
