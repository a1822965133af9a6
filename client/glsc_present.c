/* Frames into the application's X11 window through the xcb side of its
 * Xlib connection. Every request is checked, so a window that disappears
 * is a reply we read, never an error sent to the application's handler. */
#include "glsc_present.h"
#include "gls_protocol.h"

#include <X11/Xlib-xcb.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ipc.h>
#include <sys/mman.h>
#include <sys/shm.h>
#include <unistd.h>
#include <xcb/shm.h>
#include <xcb/xcb.h>

struct glsc_present {
	xcb_connection_t *conn;
	xcb_window_t window;
	xcb_gcontext_t gc;
	uint8_t depth;
	bool broken; /* the window is gone or cannot show our pixels */
	bool use_shm;
	/* MIT-SHM segment shared with the X server */
	xcb_shm_seg_t segment;
	int shm_id;
	uint8_t *shm;
	size_t shm_size;
	/* top-down copy for XPutImage when MIT-SHM is unavailable */
	uint8_t *rows;
	size_t rows_size;
	/* frame slots the worker writes into (a memfd the X server maps too) */
	bool shared_ok;          /* MIT-SHM 1.2: segments from file descriptors */
	xcb_shm_seg_t shared_segment;
	uint32_t shared_width, shared_height;
};

struct glsc_present *glsc_present_create(void *x11, unsigned long window)
{
	if (!x11)
		return NULL;
	struct glsc_present *p = calloc(1, sizeof(*p));
	if (!p)
		return NULL;
	p->conn = XGetXCBConnection((Display *)x11);
	p->window = (xcb_window_t)window;
	p->shm_id = -1;

	xcb_generic_error_t *error = NULL;
	xcb_get_geometry_reply_t *geometry =
		xcb_get_geometry_reply(p->conn, xcb_get_geometry(p->conn, p->window), &error);
	if (!geometry) {
		free(error);
		free(p);
		return NULL;
	}
	p->depth = geometry->depth;
	free(geometry);
	if (p->depth != 24 && p->depth != 32) {
		fprintf(stderr, "glstream: windows of depth %u are not supported\n", p->depth);
		free(p);
		return NULL;
	}
	p->gc = xcb_generate_id(p->conn);
	error = xcb_request_check(p->conn, xcb_create_gc_checked(p->conn, p->gc, p->window, 0, NULL));
	if (error) {
		free(error);
		free(p);
		return NULL;
	}
	const xcb_query_extension_reply_t *shm = xcb_get_extension_data(p->conn, &xcb_shm_id);
	p->use_shm = shm && shm->present && !getenv("GLSTREAM_NO_MIT_SHM");
	if (p->use_shm) {
		xcb_shm_query_version_reply_t *version =
			xcb_shm_query_version_reply(p->conn, xcb_shm_query_version(p->conn), NULL);
		p->shared_ok = version && (version->major_version > 1 ||
					   (version->major_version == 1 && version->minor_version >= 2));
		free(version);
	}
	return p;
}

static void glsc_present_drop_shm(struct glsc_present *p)
{
	if (!p->shm)
		return;
	xcb_discard_reply(p->conn, xcb_shm_detach_checked(p->conn, p->segment).sequence);
	shmdt(p->shm);
	p->shm = NULL;
	p->shm_size = 0;
}

static void glsc_present_drop_shared(struct glsc_present *p)
{
	if (!p->shared_width)
		return;
	xcb_discard_reply(p->conn, xcb_shm_detach_checked(p->conn, p->shared_segment).sequence);
	p->shared_width = p->shared_height = 0;
}

void glsc_present_destroy(struct glsc_present *p)
{
	if (!p)
		return;
	glsc_present_drop_shm(p);
	glsc_present_drop_shared(p);
	xcb_free_gc(p->conn, p->gc);
	xcb_flush(p->conn);
	free(p->rows);
	free(p);
}

bool glsc_present_window_size(struct glsc_present *p, int *width, int *height)
{
	if (p->broken)
		return false;
	xcb_generic_error_t *error = NULL;
	xcb_get_geometry_reply_t *geometry =
		xcb_get_geometry_reply(p->conn, xcb_get_geometry(p->conn, p->window), &error);
	if (!geometry) {
		free(error);
		p->broken = true;
		return false;
	}
	*width = geometry->width;
	*height = geometry->height;
	free(geometry);
	return true;
}

static bool glsc_present_ensure_shm(struct glsc_present *p, size_t size)
{
	if (p->shm && p->shm_size >= size)
		return true;
	glsc_present_drop_shm(p);
	int id = shmget(IPC_PRIVATE, size, IPC_CREAT | 0600);
	if (id < 0)
		return false;
	uint8_t *memory = shmat(id, NULL, 0);
	if (memory == (void *)-1) {
		shmctl(id, IPC_RMID, NULL);
		return false;
	}
	p->segment = xcb_generate_id(p->conn);
	xcb_generic_error_t *error =
		xcb_request_check(p->conn, xcb_shm_attach_checked(p->conn, p->segment, (uint32_t)id, 0));
	/* Marked for removal now: it goes away with the last attachment. */
	shmctl(id, IPC_RMID, NULL);
	if (error) {
		free(error);
		shmdt(memory);
		return false;
	}
	p->shm = memory;
	p->shm_size = size;
	return true;
}

/* Copies the bottom-up frame top-down: one copy, row by row. */
static void glsc_flip_rows(uint8_t *dst, const uint8_t *src, uint32_t width, uint32_t height)
{
	size_t stride = (size_t)width * 4;
	for (uint32_t y = 0; y < height; y++)
		memcpy(dst + (size_t)y * stride, src + (size_t)(height - 1 - y) * stride, stride);
}

bool glsc_present_frame(struct glsc_present *p, uint32_t width, uint32_t height, const uint8_t *pixels)
{
	if (p->broken || !width || !height || width > 0x7fff || height > 0x7fff)
		return false;
	size_t size = (size_t)width * height * 4;
	xcb_generic_error_t *error;
	if (p->use_shm && glsc_present_ensure_shm(p, size)) {
		glsc_flip_rows(p->shm, pixels, width, height);
		/* Checked: the reply also tells us the X server is done reading. */
		error = xcb_request_check(p->conn, xcb_shm_put_image_checked(p->conn, p->window, p->gc,
			width, height, 0, 0, width, height, 0, 0, p->depth, XCB_IMAGE_FORMAT_Z_PIXMAP, 0,
			p->segment, 0));
	} else {
		p->use_shm = false;
		if (p->rows_size < size) {
			uint8_t *rows = realloc(p->rows, size);
			if (!rows)
				return false;
			p->rows = rows;
			p->rows_size = size;
		}
		glsc_flip_rows(p->rows, pixels, width, height);
		/* Bands that fit in one request. */
		uint32_t max_request = xcb_get_maximum_request_length(p->conn) * 4;
		uint32_t band = (max_request - 64) / (width * 4);
		if (band == 0)
			band = 1;
		error = NULL;
		for (uint32_t y = 0; y < height && !error; y += band) {
			uint32_t rows = height - y < band ? height - y : band;
			error = xcb_request_check(p->conn, xcb_put_image_checked(p->conn, XCB_IMAGE_FORMAT_Z_PIXMAP,
				p->window, p->gc, width, rows, 0, (int16_t)y, 0, p->depth, rows * width * 4,
				p->rows + (size_t)y * width * 4));
		}
	}
	if (error) {
		free(error);
		p->broken = true; /* the window is gone: stop drawing into it */
	}
	return !p->broken;
}

int glsc_present_share_frames(struct glsc_present *p, uint32_t width, uint32_t height)
{
	glsc_present_drop_shared(p);
	if (!p->shared_ok || p->broken || !width || !height || width > 0x7fff || height > 0x7fff)
		return -1;
	size_t size = (size_t)width * height * 4 * GLS_FRAME_SLOTS;
	int fd = memfd_create("glstream-frames", MFD_CLOEXEC | MFD_ALLOW_SEALING);
	if (fd < 0)
		return -1;
	/* Sealed so that nobody can shrink it under the worker's writes. */
	if (ftruncate(fd, (off_t)size) < 0 || fcntl(fd, F_ADD_SEALS, F_SEAL_SHRINK | F_SEAL_SEAL) < 0)
		goto err_close;
	int for_x = fcntl(fd, F_DUPFD_CLOEXEC, 0);
	if (for_x < 0)
		goto err_close;
	p->shared_segment = xcb_generate_id(p->conn);
	/* xcb passes for_x to the X server and closes it. */
	xcb_generic_error_t *error =
		xcb_request_check(p->conn, xcb_shm_attach_fd_checked(p->conn, p->shared_segment, for_x, 1));
	if (error) {
		free(error);
		p->shared_ok = false; /* the X server cannot map it: do without */
		goto err_close;
	}
	p->shared_width = width;
	p->shared_height = height;
	return fd;
err_close:
	close(fd);
	return -1;
}

bool glsc_present_shared_frame(struct glsc_present *p, uint32_t width, uint32_t height, uint32_t slot)
{
	if (p->broken || width != p->shared_width || height != p->shared_height || slot >= GLS_FRAME_SLOTS)
		return false;
	uint32_t offset = slot * width * height * 4;
	/* Checked: once answered, the X server is done with the slot. */
	xcb_generic_error_t *error = xcb_request_check(p->conn, xcb_shm_put_image_checked(p->conn, p->window,
		p->gc, width, height, 0, 0, width, height, 0, 0, p->depth, XCB_IMAGE_FORMAT_Z_PIXMAP, 0,
		p->shared_segment, offset));
	if (error) {
		free(error);
		p->broken = true;
	}
	return !p->broken;
}
