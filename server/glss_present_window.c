#include "glss_present_window.h"

#include <stdlib.h>
#include <string.h>
#include <xcb/xcb.h>

#include "glss_worker.h"
#include "gls_log.h"

enum glss_present_mode glss_present_mode = GLSS_PRESENT_READBACK;

/* One connection per worker, opened before the sandbox. */
static xcb_connection_t *glss_x;
static xcb_screen_t *glss_screen;
static xcb_gcontext_t glss_gc;

bool glss_present_window_open(struct glss_worker *w)
{
	(void)w;
	int screen_number = 0;
	glss_x = xcb_connect(NULL, &screen_number);
	if (!glss_x || xcb_connection_has_error(glss_x)) {
		gls_error("--present=window: cannot connect to the display (DISPLAY=%s)",
			  getenv("DISPLAY") ? getenv("DISPLAY") : "");
		return false;
	}
	xcb_screen_iterator_t it = xcb_setup_roots_iterator(xcb_get_setup(glss_x));
	for (int i = 0; i < screen_number && it.rem; i++)
		xcb_screen_next(&it);
	glss_screen = it.data;
	if (!glss_screen || glss_screen->root_depth != 24) {
		gls_error("--present=window: the display's root depth must be 24");
		return false;
	}
	glss_gc = xcb_generate_id(glss_x);
	xcb_create_gc(glss_x, glss_gc, glss_screen->root, 0, NULL);
	return true;
}

static bool glss_window_create(struct glss_surface *s)
{
	s->present_window = xcb_generate_id(glss_x);
	const uint32_t values[] = {glss_screen->black_pixel, XCB_EVENT_MASK_NO_EVENT};
	xcb_void_cookie_t cookie = xcb_create_window_checked(glss_x, 24, s->present_window, glss_screen->root,
		0, 0, (uint16_t)s->width, (uint16_t)s->height, 0, XCB_WINDOW_CLASS_INPUT_OUTPUT,
		glss_screen->root_visual, XCB_CW_BACK_PIXEL | XCB_CW_EVENT_MASK, values);
	static const char title[] = "glstream";
	xcb_change_property(glss_x, XCB_PROP_MODE_REPLACE, s->present_window, XCB_ATOM_WM_NAME, XCB_ATOM_STRING, 8,
			    sizeof(title) - 1, title);
	xcb_map_window(glss_x, s->present_window);
	xcb_generic_error_t *error = xcb_request_check(glss_x, cookie);
	if (error) {
		free(error);
		s->present_window = 0;
		return false;
	}
	s->present_width = (uint32_t)s->width;
	s->present_height = (uint32_t)s->height;
	return true;
}

void glss_present_window_show(struct glss_worker *w, struct glss_surface *s, const uint8_t *frame)
{
	uint32_t width = (uint32_t)s->width, height = (uint32_t)s->height;
	if (!glss_x || !width || !height || width > 0x7fff || height > 0x7fff)
		return;
	if (!s->present_window && !glss_window_create(s)) {
		glss_fail(w, "--present=window: cannot create a window");
		return;
	}
	if (width != s->present_width || height != s->present_height) {
		const uint32_t size[] = {width, height};
		xcb_configure_window(glss_x, s->present_window, XCB_CONFIG_WINDOW_WIDTH | XCB_CONFIG_WINDOW_HEIGHT, size);
		s->present_width = width;
		s->present_height = height;
	}
	/* In bands that fit one request; checked, so that X is done reading. */
	uint32_t max_request = xcb_get_maximum_request_length(glss_x) * 4;
	uint32_t band = (max_request - 64) / (width * 4);
	band = band ? band : 1;
	for (uint32_t y = 0; y < height; y += band) {
		uint32_t rows = height - y < band ? height - y : band;
		xcb_generic_error_t *error = xcb_request_check(glss_x, xcb_put_image_checked(glss_x,
			XCB_IMAGE_FORMAT_Z_PIXMAP, s->present_window, glss_gc, (uint16_t)width, (uint16_t)rows, 0,
			(int16_t)y, 0, 24, rows * width * 4, frame + (size_t)y * width * 4));
		if (error) {
			free(error);
			s->present_window = 0; /* closed from outside: a new one next time */
			return;
		}
	}
}

void glss_present_window_drop(struct glss_worker *w, struct glss_surface *s)
{
	(void)w;
	if (glss_x && s->present_window) {
		xcb_destroy_window(glss_x, s->present_window);
		xcb_flush(glss_x);
	}
	s->present_window = 0;
}
