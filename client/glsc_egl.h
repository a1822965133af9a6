/* Client-side EGL objects. Handles given to the application are small
 * integers (surfaces, contexts, configs) or entries of a static list
 * (displays), so a bogus handle is detected, never dereferenced. */
#ifndef GLSC_EGL_H
#define GLSC_EGL_H

#include <stdbool.h>
#include <stdint.h>
#include <EGL/egl.h>
#include <EGL/eglext.h>

#include "gls_idmap.h"
#include "gls_protocol.h"

struct glsc_present;

#define GLSC_ATTRIB_INDEX(name) GLSC_ATTR_##name,
enum { GLS_CONFIG_ATTRIBS(GLSC_ATTRIB_INDEX) GLSC_CONFIG_ATTRIB_COUNT };

struct glsc_config {
	EGLint values[GLSC_CONFIG_ATTRIB_COUNT];
};

struct glsc_display {
	struct glsc_display *next;
	EGLenum platform;     /* EGL_PLATFORM_X11_KHR or EGL_PLATFORM_SURFACELESS_MESA */
	void *native;         /* what the application passed */
	int screen_asked;     /* EGL_PLATFORM_X11_SCREEN_KHR as passed, -1: none */
	int screen;           /* the screen used (the default one when none was asked) */
	void *x11;            /* the Xlib connection (Display*), or NULL */
	bool owns_x11;        /* opened by us for EGL_DEFAULT_DISPLAY */
	unsigned long visual; /* TrueColor visual advertised as EGL_NATIVE_VISUAL_ID */
	bool initialized;
	struct glsc_config *configs;
	EGLint config_count;
	struct gls_idmap surfaces; /* id -> struct glsc_surface* */
	struct gls_idmap contexts; /* id -> struct glsc_context* */
	struct gls_idmap syncs;    /* id -> 1: fence sync objects */
	struct gls_idmap reusable_syncs; /* id -> struct glsc_reusable_sync* */
	struct gls_idmap images;   /* id -> 1: EGL images */
};

struct glsc_surface {
	uint32_t id;
	struct glsc_display *display;
	struct glsc_config *config;
	bool window;
	unsigned long native_window;
	struct glsc_present *present;
	EGLint width, height;
	EGLint texture_format, texture_target, mipmap_texture, mipmap_level;
	EGLint largest_pbuffer;
	EGLint swap_interval;
	EGLint colorspace; /* EGL_GL_COLORSPACE_KHR */
	EGLint buffer_age; /* EGL_EXT_buffer_age: 1 once a frame was swapped, 0 after a resize */
	unsigned current_refs; /* contexts it is current to */
	bool destroy_pending;
};

/* Called by the stream when a frame for this surface arrives: its pixels,
 * or the slot of the surface's shared frame memory the worker wrote. */
void glsc_surface_show_frame(struct glsc_surface *surface, uint32_t width, uint32_t height, const uint8_t *pixels);
void glsc_surface_show_shared_frame(struct glsc_surface *surface, uint32_t width, uint32_t height, uint32_t slot);

/* Shared by the EGL files (glsc_egl*.c): the calling thread's EGL error,
 * the initialized display a handle names (else the error is set), and the
 * next id of a surface, context, sync or image (guarded by glsc_lock). */
EGLBoolean glsc_fail(EGLint error);
EGLBoolean glsc_succeed(void);
struct glsc_display *glsc_display_get(EGLDisplay handle);
extern uint32_t glsc_next_object_id;

/* Entry points by name, per file: EGL core + platform, fence syncs, images. */
void *glsc_egl_sync_proc(const char *name);
void *glsc_egl_image_proc(const char *name);

/* The EGL entry points and the vendor callbacks (glsc_main.c uses them). */
struct __EGLapiExportsRec;
void glsc_dispatch_init(const struct __EGLapiExportsRec *exports);
void *glsc_dispatch_address(const char *name);
void glsc_dispatch_set_index(const char *name, int index);
void *glsc_egl_proc(const char *name);
EGLDisplay glsc_get_platform_display(EGLenum platform, void *native, const EGLAttrib *attribs);
const char *glsc_platform_extensions(void);

#endif
