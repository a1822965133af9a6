/* Showing frames in the application's X11 window: MIT-SHM when the X
 * server shares memory with us, XPutImage otherwise. */
#ifndef GLSC_PRESENT_H
#define GLSC_PRESENT_H

#include <stdbool.h>
#include <stdint.h>

struct glsc_present;

/* x11 is the display's Display*, window the application's X window (or
 * any drawable: eglCopyBuffers uses a pixmap). NULL when it is not one. */
struct glsc_present *glsc_present_create(void *x11, unsigned long window);
void glsc_present_destroy(struct glsc_present *present);
/* The window's current size; false when the window is gone. */
bool glsc_present_window_size(struct glsc_present *present, int *width, int *height);
/* Shows a width x height frame of B,G,R,A pixels, bottom row first;
 * false when the drawable is gone. */
bool glsc_present_frame(struct glsc_present *present, uint32_t width, uint32_t height, const uint8_t *pixels);

/* Sets up GLS_FRAME_SLOTS frame slots of width x height in shared memory
 * that the X server maps too, and returns the memfd to hand to the worker
 * (the caller closes it), or -1 when this X server or transport cannot. */
int glsc_present_share_frames(struct glsc_present *present, uint32_t width, uint32_t height);
/* Shows the frame the worker wrote into a slot (top row first). */
bool glsc_present_shared_frame(struct glsc_present *present, uint32_t width, uint32_t height, uint32_t slot);

#endif
