#include "glss_present_window.h"

#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <xcb/xcb.h>

#include "glss_egl.h"
#include "glss_worker.h"
#include "gls_log.h"

enum glss_present_mode glss_present_mode = GLSS_PRESENT_READBACK;

/* One connection per worker, opened before the sandbox. */
static xcb_connection_t *glss_x;
static xcb_screen_t *glss_screen;
static xcb_gcontext_t glss_gc;
/* --present=qubes */
static const char *glss_qube;
static xcb_atom_t glss_atom_vmname, glss_atom_vmwindowid;

/* Looking for a window that has not appeared yet, at most this often. */
#define GLSS_SEARCH_INTERVAL_NS 200000000ll

static xcb_atom_t glss_atom(const char *name)
{
	xcb_intern_atom_reply_t *reply =
		xcb_intern_atom_reply(glss_x, xcb_intern_atom(glss_x, 0, (uint16_t)strlen(name), name), NULL);
	xcb_atom_t atom = reply ? reply->atom : XCB_ATOM_NONE;
	free(reply);
	return atom;
}

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
	if (glss_present_mode == GLSS_PRESENT_QUBES) {
		glss_qube = getenv("QREXEC_REMOTE_DOMAIN");
		if (!glss_qube || !*glss_qube) {
			gls_error("--present=qubes: no QREXEC_REMOTE_DOMAIN (run glstream-server as a qrexec service)");
			return false;
		}
		glss_atom_vmname = glss_atom("_QUBES_VMNAME");
		glss_atom_vmwindowid = glss_atom("_QUBES_VMWINDOWID");
	}
	return true;
}

/* The 32-bit value, or the string, of a window's property. */
static bool glss_property_is(xcb_window_t window, xcb_atom_t atom, const char *string, uint32_t value)
{
	xcb_get_property_reply_t *reply = xcb_get_property_reply(
		glss_x, xcb_get_property(glss_x, 0, window, atom, XCB_GET_PROPERTY_TYPE_ANY, 0, 64), NULL);
	if (!reply)
		return false;
	int len = xcb_get_property_value_length(reply);
	const void *data = xcb_get_property_value(reply);
	bool match;
	if (string)
		match = reply->format == 8 && (size_t)len == strlen(string) && memcmp(data, string, (size_t)len) == 0;
	else
		match = reply->format == 32 && len == 4 && *(const uint32_t *)data == value;
	free(reply);
	return match;
}

/* qubes-guid's window for the client's window: top-level or one level
 * below (a window manager's frame). Only windows of the calling qube. */
static xcb_window_t glss_find_qube_window(xcb_window_t parent, uint32_t client_window, int depth)
{
	xcb_query_tree_reply_t *tree = xcb_query_tree_reply(glss_x, xcb_query_tree(glss_x, parent), NULL);
	if (!tree)
		return 0;
	xcb_window_t *children = xcb_query_tree_children(tree);
	int count = xcb_query_tree_children_length(tree);
	xcb_window_t found = 0;
	for (int i = 0; i < count && !found; i++) {
		if (glss_property_is(children[i], glss_atom_vmwindowid, NULL, client_window) &&
		    glss_property_is(children[i], glss_atom_vmname, glss_qube, 0))
			found = children[i];
		else if (depth > 0)
			found = glss_find_qube_window(children[i], client_window, depth - 1);
	}
	free(tree);
	return found;
}

static int64_t glss_now_ns(void)
{
	struct timespec now;
	clock_gettime(CLOCK_MONOTONIC, &now);
	return (int64_t)now.tv_sec * 1000000000ll + now.tv_nsec;
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
	if (glss_present_mode == GLSS_PRESENT_QUBES) {
		/* Wait for qubes-guid's window (it may come after the surface). */
		if (!s->present_window) {
			if (!s->native_window || glss_now_ns() < s->next_search_ns)
				return;
			s->next_search_ns = glss_now_ns() + GLSS_SEARCH_INTERVAL_NS;
			s->present_window = glss_find_qube_window(glss_screen->root, s->native_window, 1);
			if (!s->present_window)
				return;
			gls_info("showing surface %u in window 0x%x of %s", s->id, s->present_window, glss_qube);
		}
	} else if (!s->present_window && !glss_window_create(s)) {
		glss_fail(w, "--present=window: cannot create a window");
		return;
	} else if (width != s->present_width || height != s->present_height) {
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
			/* The window is gone (closed, or qubes-guid's destroyed):
			 * a new one next time. */
			free(error);
			s->present_window = 0;
			return;
		}
	}
}

void glss_present_window_drop(struct glss_worker *w, struct glss_surface *s)
{
	(void)w;
	/* qubes-guid's windows are not ours to destroy */
	if (glss_x && s->present_window && glss_present_mode == GLSS_PRESENT_WINDOW) {
		xcb_destroy_window(glss_x, s->present_window);
		xcb_flush(glss_x);
	}
	s->present_window = 0;
}

/* wire glsSetNativeWindow: u32 surface, u32 the client's X window id */
void glss_exec_glsSetNativeWindow(struct glss_worker *w, struct gls_reader *r)
{
	uint32_t id = gls_get_u32(r), window = gls_get_u32(r);
	if (!gls_reader_done(r))
		return;
	struct glss_surface *s = glss_surface_lookup(w, id);
	if (!s)
		return;
	s->native_window = window;
	if (glss_present_mode == GLSS_PRESENT_QUBES)
		s->present_window = 0; /* look for this window's */
}
