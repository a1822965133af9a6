/* --present=window: the worker shows each window surface's frames in a
 * window of its own on the server's display (DISPLAY of glstream-server),
 * instead of sending them back to the client.
 * --present=qubes: in the window qubes-guid made on the GUI domain's
 * display for the client's window: the one whose _QUBES_VMNAME is the
 * calling qube (QREXEC_REMOTE_DOMAIN, from qrexec, never from the client)
 * and whose _QUBES_VMWINDOWID is the client's window id. */
#ifndef GLSS_PRESENT_WINDOW_H
#define GLSS_PRESENT_WINDOW_H

#include <stdbool.h>
#include <stdint.h>

enum glss_present_mode {
	GLSS_PRESENT_READBACK, /* frames go back to the client (default) */
	GLSS_PRESENT_WINDOW,   /* frames go to a window on the server's display */
	GLSS_PRESENT_QUBES,    /* frames go to qubes-guid's window for the client's */
};

extern enum glss_present_mode glss_present_mode;

struct glss_worker;
struct glss_surface;

/* Connects to the server's display; before the sandbox, which forbids new
 * connections. False (logged) when there is no display. */
bool glss_present_window_open(struct glss_worker *w);
/* Shows frame (B,G,R,A, top row first) in the surface's window, creating
 * or resizing it as needed. */
void glss_present_window_show(struct glss_worker *w, struct glss_surface *s, const uint8_t *frame);
void glss_present_window_drop(struct glss_worker *w, struct glss_surface *s);

#endif
