/* EGL 1.5 on top of the server's EGL: displays, configs mirrored from the
 * server, window and pbuffer surfaces, contexts, current state, errors. */
#include "glsc_egl.h"

#include <X11/Xlib.h>
#include <X11/Xutil.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "glsc_egl_reusable_sync.h"
#include "glsc_gl.h"
#include "glsc_present.h"
#include "glsc_stream.h"
#include "gls_version.h"
#include "gls_wire.h"

#define GLSC_EGL_VERSION_STRING "1.5 glstream " GLSTREAM_VERSION
/* The client APIs a config can render: OpenGL ES 2, and ES 3 from 3.0 on
 * (common/gls_version.h). */
#define GLSC_RENDERABLE_BITS (EGL_OPENGL_ES2_BIT | (GLS_ES_VERSION_MAX >= 30 ? EGL_OPENGL_ES3_BIT_KHR : 0))
/* What is not here, and why: tests/conformance/egl-extension-exceptions.txt */
#define GLSC_EGL_EXTENSIONS                                                                        \
	"EGL_EXT_buffer_age EGL_EXT_pixel_format_float EGL_EXT_swap_buffers_with_damage "          \
	"EGL_KHR_config_attribs EGL_KHR_create_context EGL_KHR_fence_sync "                        \
	"EGL_KHR_get_all_proc_addresses EGL_KHR_gl_colorspace EGL_KHR_gl_renderbuffer_image "      \
	"EGL_KHR_gl_texture_2D_image EGL_KHR_gl_texture_cubemap_image EGL_KHR_image_base "         \
	"EGL_KHR_no_config_context EGL_KHR_reusable_sync EGL_KHR_surfaceless_context "             \
	"EGL_KHR_swap_buffers_with_damage EGL_KHR_wait_sync EGL_MESA_configless_context"
#define GLSC_CLIENT_EXTENSIONS "EGL_EXT_platform_base EGL_KHR_platform_x11 EGL_EXT_platform_x11 EGL_MESA_platform_surfaceless"

struct glsc_thread {
	EGLint error;
	struct glsc_context *context;
	struct glsc_display *display;
};

/* initial-exec: every GL call reads it, and the default model of a shared
 * library costs a __tls_get_addr call per function (a tenth of a cheap
 * call's encoding); 24 bytes fit glibc's static TLS reserve for dlopen. */
static _Thread_local struct glsc_thread glsc_thread __attribute__((tls_model("initial-exec"))) = {
	.error = EGL_SUCCESS};
static struct glsc_display *glsc_displays; /* guarded by glsc_lock */
uint32_t glsc_next_object_id = 1; /* surfaces, contexts, syncs, images */

EGLBoolean glsc_fail(EGLint error)
{
	glsc_thread.error = error;
	return EGL_FALSE;
}

EGLBoolean glsc_succeed(void)
{
	glsc_thread.error = EGL_SUCCESS;
	return EGL_TRUE;
}

struct glsc_context *glsc_current_context(void)
{
	return glsc_thread.context;
}

/* ---- displays ---- */

static struct glsc_display *glsc_display_lookup(EGLDisplay handle)
{
	for (struct glsc_display *d = glsc_displays; d; d = d->next)
		if ((EGLDisplay)d == handle)
			return d;
	return NULL;
}

/* Finds an initialized display, setting the EGL error otherwise. */
struct glsc_display *glsc_display_get(EGLDisplay handle)
{
	glsc_lock();
	struct glsc_display *d = glsc_display_lookup(handle);
	glsc_unlock();
	if (!d) {
		glsc_fail(EGL_BAD_DISPLAY);
		return NULL;
	}
	if (!d->initialized) {
		glsc_fail(EGL_NOT_INITIALIZED);
		return NULL;
	}
	return d;
}

EGLDisplay glsc_get_platform_display(EGLenum platform, void *native, const EGLAttrib *attribs)
{
	int screen = -1;
	if (getenv("GLSTREAM_IN_SERVER")) {
		/* glstream-server must render with the host driver, not with us. */
		glsc_fail(EGL_BAD_PARAMETER);
		return EGL_NO_DISPLAY;
	}
	if (platform == EGL_NONE) {
		/* eglGetDisplay: the default display, or an Xlib Display*. */
		platform = (native || getenv("DISPLAY")) ? EGL_PLATFORM_X11_KHR : EGL_PLATFORM_SURFACELESS_MESA;
	} else if (platform == EGL_PLATFORM_X11_KHR) {
		for (const EGLAttrib *a = attribs; a && a[0] != EGL_NONE; a += 2) {
			if (a[0] != EGL_PLATFORM_X11_SCREEN_KHR) {
				glsc_fail(EGL_BAD_ATTRIBUTE);
				return EGL_NO_DISPLAY;
			}
			screen = (int)a[1];
		}
	} else if (platform == EGL_PLATFORM_SURFACELESS_MESA) {
		if (native || (attribs && attribs[0] != EGL_NONE)) {
			glsc_fail(native ? EGL_BAD_PARAMETER : EGL_BAD_ATTRIBUTE);
			return EGL_NO_DISPLAY;
		}
	} else {
		glsc_fail(EGL_BAD_PARAMETER);
		return EGL_NO_DISPLAY;
	}

	glsc_lock();
	struct glsc_display *d;
	for (d = glsc_displays; d; d = d->next)
		/* the same arguments give the same display, initialized or not
		 * (EGL 1.5 3.2) */
		if (d->platform == platform && d->native == native && d->screen_asked == screen)
			goto out;
	d = calloc(1, sizeof(*d));
	if (!d)
		goto out;
	d->platform = platform;
	d->native = native;
	d->screen_asked = screen;
	d->screen = screen;
	gls_idmap_init(&d->surfaces);
	gls_idmap_init(&d->contexts);
	gls_idmap_init(&d->syncs);
	gls_idmap_init(&d->reusable_syncs);
	gls_idmap_init(&d->images);
	d->next = glsc_displays;
	glsc_displays = d;
out:
	glsc_unlock();
	glsc_thread.error = d ? EGL_SUCCESS : EGL_BAD_ALLOC;
	return d ? (EGLDisplay)d : EGL_NO_DISPLAY;
}

const char *glsc_platform_extensions(void)
{
	return "EGL_KHR_platform_x11 EGL_EXT_platform_x11 EGL_MESA_platform_surfaceless";
}

/* The X connection: the application's own when it gave us one, so that
 * our requests are ordered after its own (a window it just created exists
 * for us), as Mesa does; every request we make is checked, so errors come
 * back to us, never to the application's handler. */
static bool glsc_display_open_x11(struct glsc_display *d)
{
	if (d->platform != EGL_PLATFORM_X11_KHR)
		return true;
	Display *x = d->native ? (Display *)d->native : XOpenDisplay(NULL);
	if (!x)
		return false;
	d->owns_x11 = !d->native;
	if (d->screen < 0)
		d->screen = DefaultScreen(x);
	XVisualInfo template = {.screen = d->screen, .depth = 24, .class = TrueColor};
	int count = 0;
	XVisualInfo *infos = XGetVisualInfo(x, VisualScreenMask | VisualDepthMask | VisualClassMask, &template, &count);
	for (int i = 0; i < count; i++) {
		if (infos[i].red_mask == 0xff0000 && infos[i].green_mask == 0xff00 && infos[i].blue_mask == 0xff) {
			d->visual = infos[i].visualid;
			break;
		}
	}
	if (infos)
		XFree(infos);
	d->x11 = x;
	return true;
}

/* Keeps the server configs we can serve, rewritten to what we offer:
 * window (when there is an X display) and pbuffer surfaces, OpenGL ES 2. */
static bool glsc_display_load_configs(struct glsc_display *d)
{
	const uint8_t *reply;
	size_t size;
	glsc_lock();
	bool ok = glsc_stream_connect_locked() && glsc_stream_begin_locked(GLS_OP_glsGetConfigs, 0) &&
		  glsc_stream_wait_reply_locked(&reply, &size);
	if (!ok)
		goto out;
	struct gls_reader r;
	gls_reader_init(&r, reply, size);
	uint32_t count = gls_get_u32(&r);
	if (count > 4096 || size != 4 + (size_t)count * GLSC_CONFIG_ATTRIB_COUNT * 4) {
		ok = false;
		goto out;
	}
	d->configs = calloc(count ? count : 1, sizeof(*d->configs));
	if (!d->configs) {
		ok = false;
		goto out;
	}
	d->config_count = 0;
	for (uint32_t i = 0; i < count; i++) {
		struct glsc_config *c = &d->configs[d->config_count];
		for (int a = 0; a < GLSC_CONFIG_ATTRIB_COUNT; a++)
			c->values[a] = gls_get_i32(&r);
		EGLint *v = c->values;
		/* Fixed-point colour only (EGL_EXT_pixel_format_float: 0 is a
		 * host without the extension, whose configs are all fixed). */
		if (!(v[GLSC_ATTR_EGL_SURFACE_TYPE] & EGL_PBUFFER_BIT) ||
		    !(v[GLSC_ATTR_EGL_RENDERABLE_TYPE] & EGL_OPENGL_ES2_BIT) ||
		    v[GLSC_ATTR_EGL_COLOR_BUFFER_TYPE] != EGL_RGB_BUFFER ||
		    (v[GLSC_ATTR_EGL_COLOR_COMPONENT_TYPE_EXT] != 0 &&
		     v[GLSC_ATTR_EGL_COLOR_COMPONENT_TYPE_EXT] != EGL_COLOR_COMPONENT_TYPE_FIXED_EXT))
			continue;
		v[GLSC_ATTR_EGL_COLOR_COMPONENT_TYPE_EXT] = EGL_COLOR_COMPONENT_TYPE_FIXED_EXT;
		/* Windows show 8-bit channels (a depth-24 TrueColor visual). */
		bool window = d->x11 && d->visual && v[GLSC_ATTR_EGL_RED_SIZE] <= 8 &&
			      v[GLSC_ATTR_EGL_GREEN_SIZE] <= 8 && v[GLSC_ATTR_EGL_BLUE_SIZE] <= 8 &&
			      v[GLSC_ATTR_EGL_ALPHA_SIZE] <= 8;
		v[GLSC_ATTR_EGL_SURFACE_TYPE] = EGL_PBUFFER_BIT | (window ? EGL_WINDOW_BIT : 0);
		v[GLSC_ATTR_EGL_RENDERABLE_TYPE] &= GLSC_RENDERABLE_BITS;
		v[GLSC_ATTR_EGL_CONFORMANT] &= GLSC_RENDERABLE_BITS;
		v[GLSC_ATTR_EGL_NATIVE_RENDERABLE] = window ? EGL_TRUE : EGL_FALSE;
		v[GLSC_ATTR_EGL_NATIVE_VISUAL_ID] = window ? (EGLint)d->visual : 0;
		v[GLSC_ATTR_EGL_NATIVE_VISUAL_TYPE] = window ? TrueColor : EGL_NONE;
		/* Frames are shown as they come: no vertical sync to offer. */
		v[GLSC_ATTR_EGL_MIN_SWAP_INTERVAL] = 0;
		v[GLSC_ATTR_EGL_MAX_SWAP_INTERVAL] = 0;
		v[GLSC_ATTR_EGL_BIND_TO_TEXTURE_RGB] = v[GLSC_ATTR_EGL_BIND_TO_TEXTURE_RGB] ? EGL_TRUE : EGL_FALSE;
		d->config_count++;
	}
out:
	glsc_unlock();
	return ok;
}

static EGLBoolean glsc_eglInitialize(EGLDisplay dpy, EGLint *major, EGLint *minor)
{
	glsc_lock();
	struct glsc_display *d = glsc_display_lookup(dpy);
	glsc_unlock();
	if (!d)
		return glsc_fail(EGL_BAD_DISPLAY);
	if (!d->initialized) {
		if (!glsc_display_open_x11(d))
			return glsc_fail(EGL_NOT_INITIALIZED);
		if (!glsc_display_load_configs(d))
			return glsc_fail(EGL_NOT_INITIALIZED);
		d->initialized = true;
	}
	if (major)
		*major = 1;
	if (minor)
		*minor = 5;
	return glsc_succeed();
}

static void glsc_surface_free(struct glsc_surface *s);
static void glsc_context_free(struct glsc_context *c);
static void glsc_wire_release_locked(uint32_t context, uint32_t surface);
static void glsc_surface_share_frames_locked(struct glsc_surface *s);

static void glsc_collect(uint32_t key, uint64_t value, void *data)
{
	(void)key;
	void ***cursor = data;
	*(*cursor)++ = (void *)(uintptr_t)value;
}

static void glsc_collect_key(uint32_t key, uint64_t value, void *data)
{
	(void)value;
	uint32_t **cursor = data;
	*(*cursor)++ = key;
}

/* Destroys every sync or image of a terminated display in the worker. */
static void glsc_destroy_all_locked(struct gls_idmap *map, uint16_t opcode)
{
	uint32_t *ids = calloc(map->count + 1, sizeof(*ids)), *cursor = ids;
	if (!ids)
		return; /* the worker frees them when the client goes */
	gls_idmap_each(map, glsc_collect_key, &cursor);
	for (uint32_t *id = ids; id < cursor; id++) {
		gls_idmap_remove(map, *id, NULL);
		uint8_t *w = glsc_stream_begin_locked(opcode, 4);
		if (w)
			gls_put_u32(w, *id);
	}
	free(ids);
}

static EGLBoolean glsc_eglTerminate(EGLDisplay dpy)
{
	glsc_lock();
	struct glsc_display *d = glsc_display_lookup(dpy);
	glsc_unlock();
	if (!d)
		return glsc_fail(EGL_BAD_DISPLAY);
	if (!d->initialized)
		return glsc_succeed();
	/* Objects current to a thread live until released (EGL 1.4, 3.2). */
	void **objects = calloc(d->contexts.count + d->surfaces.count + 1, sizeof(void *));
	void **cursor = objects;
	if (!objects)
		return glsc_fail(EGL_BAD_ALLOC);
	gls_idmap_each(&d->contexts, glsc_collect, &cursor);
	for (void **o = objects; o < cursor; o++) {
		struct glsc_context *c = *o;
		if (c->current_somewhere)
			c->destroy_pending = true;
		else
			glsc_context_free(c);
	}
	cursor = objects;
	gls_idmap_each(&d->surfaces, glsc_collect, &cursor);
	for (void **o = objects; o < cursor; o++) {
		struct glsc_surface *s = *o;
		if (s->current_refs)
			s->destroy_pending = true;
		else
			glsc_surface_free(s);
	}
	free(objects);
	/* Syncs and images are the display's too (EGL 1.5, 3.2). */
	glsc_lock();
	glsc_destroy_all_locked(&d->syncs, GLS_OP_glsDestroySync);
	glsc_reusable_syncs_destroy_all_locked(d);
	glsc_destroy_all_locked(&d->images, GLS_OP_glsDestroyImage);
	glsc_unlock();
	free(d->configs);
	d->configs = NULL;
	d->config_count = 0;
	d->initialized = false;
	return glsc_succeed();
}

static const char *glsc_eglQueryString(EGLDisplay dpy, EGLint name)
{
	if (dpy == EGL_NO_DISPLAY && name == EGL_EXTENSIONS) {
		glsc_succeed();
		return GLSC_CLIENT_EXTENSIONS;
	}
	if (!glsc_display_get(dpy))
		return NULL;
	glsc_succeed();
	switch (name) {
	case EGL_VENDOR:
		return "glstream";
	case EGL_VERSION:
		return GLSC_EGL_VERSION_STRING;
	case EGL_CLIENT_APIS:
		return "OpenGL_ES";
	case EGL_EXTENSIONS:
		return GLSC_EGL_EXTENSIONS;
	default:
		glsc_fail(EGL_BAD_PARAMETER);
		return NULL;
	}
}

/* ---- configs ---- */

static struct glsc_config *glsc_config_get(struct glsc_display *d, EGLConfig handle)
{
	uintptr_t index = (uintptr_t)handle;
	if (index == 0 || index > (uintptr_t)d->config_count)
		return NULL;
	return &d->configs[index - 1];
}

static EGLConfig glsc_config_handle(struct glsc_display *d, struct glsc_config *c)
{
	return (EGLConfig)(uintptr_t)(c - d->configs + 1);
}

static int glsc_config_attrib_index(EGLint attribute)
{
#define GLSC_ATTRIB_CASE(name) case name: return GLSC_ATTR_##name;
	switch (attribute) {
	GLS_CONFIG_ATTRIBS(GLSC_ATTRIB_CASE)
	default:
		return -1;
	}
#undef GLSC_ATTRIB_CASE
}

static EGLBoolean glsc_eglGetConfigs(EGLDisplay dpy, EGLConfig *configs, EGLint size, EGLint *count)
{
	struct glsc_display *d = glsc_display_get(dpy);
	if (!d)
		return EGL_FALSE;
	if (!count)
		return glsc_fail(EGL_BAD_PARAMETER);
	EGLint n = 0;
	for (; configs && n < size && n < d->config_count; n++)
		configs[n] = glsc_config_handle(d, &d->configs[n]);
	*count = configs ? n : d->config_count;
	return glsc_succeed();
}

static EGLBoolean glsc_eglGetConfigAttrib(EGLDisplay dpy, EGLConfig config, EGLint attribute, EGLint *value)
{
	struct glsc_display *d = glsc_display_get(dpy);
	if (!d)
		return EGL_FALSE;
	struct glsc_config *c = glsc_config_get(d, config);
	if (!c)
		return glsc_fail(EGL_BAD_CONFIG);
	int index = glsc_config_attrib_index(attribute);
	if (index < 0)
		return glsc_fail(EGL_BAD_ATTRIBUTE);
	if (value)
		*value = c->values[index];
	return glsc_succeed();
}

/* Rewrites an eglChooseConfig list for the server, whose configs know
 * pbuffers only. Returns false when no config of ours can match. */
static bool glsc_translate_choose(struct glsc_display *d, const EGLint *in, EGLint *out, EGLint *pairs, EGLint *error,
				  EGLint *wanted_surface_type)
{
	EGLint surface_type = EGL_WINDOW_BIT, renderable = EGL_OPENGL_ES_BIT;
	bool possible = true;
	*pairs = 0;
	for (const EGLint *a = in; a && a[0] != EGL_NONE; a += 2) {
		EGLint name = a[0], value = a[1];
		switch (name) {
		case EGL_SURFACE_TYPE:
			surface_type = value;
			continue;
		case EGL_RENDERABLE_TYPE:
			renderable = value;
			continue;
		case EGL_CONFORMANT:
			if (value != EGL_DONT_CARE && (value & ~GLSC_RENDERABLE_BITS))
				possible = false;
			break;
		case EGL_NATIVE_RENDERABLE:
			if (value == EGL_TRUE && !(d->x11 && d->visual))
				possible = false;
			continue;
		case EGL_NATIVE_VISUAL_TYPE:
			if (value != EGL_DONT_CARE && value != TrueColor)
				possible = false;
			continue;
		case EGL_MIN_SWAP_INTERVAL:
		case EGL_MAX_SWAP_INTERVAL:
			if (value != EGL_DONT_CARE && value != 0)
				possible = false;
			continue;
		case EGL_MATCH_NATIVE_PIXMAP:
			possible = false;
			continue;
		case EGL_COLOR_COMPONENT_TYPE_EXT:
			/* Every config is fixed-point; the host may not know the
			 * attribute, so it is never sent. */
			if (value == EGL_COLOR_COMPONENT_TYPE_FLOAT_EXT)
				possible = false;
			else if (value != EGL_COLOR_COMPONENT_TYPE_FIXED_EXT && value != EGL_DONT_CARE) {
				*error = EGL_BAD_ATTRIBUTE;
				return false;
			}
			continue;
		default:
			if (glsc_config_attrib_index(name) < 0 || name == EGL_NATIVE_VISUAL_ID ||
			    name == EGL_MAX_PBUFFER_WIDTH || name == EGL_MAX_PBUFFER_HEIGHT ||
			    name == EGL_MAX_PBUFFER_PIXELS) {
				/* ignored by eglChooseConfig, or not an attribute */
				if (glsc_config_attrib_index(name) < 0) {
					*error = EGL_BAD_ATTRIBUTE;
					return false;
				}
				continue;
			}
			break;
		}
		if (*pairs >= 60) {
			*error = EGL_BAD_ATTRIBUTE;
			return false;
		}
		out[2 * *pairs] = name;
		out[2 * *pairs + 1] = value;
		(*pairs)++;
	}
	if (surface_type != EGL_DONT_CARE) {
		if (surface_type & ~(EGL_WINDOW_BIT | EGL_PBUFFER_BIT))
			possible = false;
		if ((surface_type & EGL_WINDOW_BIT) && !(d->x11 && d->visual))
			possible = false;
	}
	/* Always explicit: the server's default would be its window bit. */
	out[2 * *pairs] = EGL_SURFACE_TYPE;
	out[2 * *pairs + 1] = surface_type == EGL_DONT_CARE ? EGL_DONT_CARE : surface_type ? EGL_PBUFFER_BIT : 0;
	(*pairs)++;
	if (renderable != EGL_DONT_CARE) {
		if (renderable & ~GLSC_RENDERABLE_BITS)
			possible = false;
		out[2 * *pairs] = EGL_RENDERABLE_TYPE;
		out[2 * *pairs + 1] = (renderable & EGL_OPENGL_ES3_BIT_KHR) | EGL_OPENGL_ES2_BIT;
		(*pairs)++;
	}
	*wanted_surface_type = surface_type == EGL_DONT_CARE ? 0 : surface_type;
	*error = EGL_SUCCESS;
	return possible;
}

static EGLBoolean glsc_eglChooseConfig(EGLDisplay dpy, const EGLint *attribs, EGLConfig *configs, EGLint size, EGLint *count)
{
	struct glsc_display *d = glsc_display_get(dpy);
	if (!d)
		return EGL_FALSE;
	if (!count)
		return glsc_fail(EGL_BAD_PARAMETER);
	*count = 0;

	/* EGL_CONFIG_ID overrides every other attribute. */
	for (const EGLint *a = attribs; a && a[0] != EGL_NONE; a += 2) {
		if (a[0] == EGL_CONFIG_ID && a[1] != EGL_DONT_CARE) {
			for (EGLint i = 0; i < d->config_count; i++) {
				if (d->configs[i].values[GLSC_ATTR_EGL_CONFIG_ID] == a[1]) {
					if (configs && size > 0)
						configs[0] = glsc_config_handle(d, &d->configs[i]);
					*count = configs ? (size > 0) : 1;
				}
			}
			return glsc_succeed();
		}
	}

	EGLint translated[128], pairs, error, surface_type;
	if (!glsc_translate_choose(d, attribs, translated, &pairs, &error, &surface_type))
		return error == EGL_SUCCESS ? glsc_succeed() : glsc_fail(error);

	const uint8_t *reply;
	size_t reply_size;
	glsc_lock();
	uint8_t *w = glsc_stream_begin_locked(GLS_OP_glsChooseConfig, 4 + 8 * (size_t)pairs);
	if (w) {
		w = gls_put_u32(w, (uint32_t)pairs);
		for (EGLint i = 0; i < 2 * pairs; i++)
			w = gls_put_i32(w, translated[i]);
	}
	if (!w || !glsc_stream_wait_reply_locked(&reply, &reply_size)) {
		glsc_unlock();
		return glsc_fail(EGL_BAD_ALLOC);
	}
	struct gls_reader r;
	gls_reader_init(&r, reply, reply_size);
	uint32_t n = gls_get_u32(&r);
	EGLint found = 0;
	for (uint32_t i = 0; i < n && !r.bad; i++) {
		EGLint id = gls_get_i32(&r);
		for (EGLint j = 0; j < d->config_count; j++) {
			const EGLint *v = d->configs[j].values;
			/* the server matched pbuffers; we also need the window bit */
			if (v[GLSC_ATTR_EGL_CONFIG_ID] != id || (v[GLSC_ATTR_EGL_SURFACE_TYPE] & surface_type) != surface_type)
				continue;
			if (configs && found < size)
				configs[found] = glsc_config_handle(d, &d->configs[j]);
			found++;
		}
	}
	glsc_unlock();
	*count = configs ? (found < size ? found : (size > 0 ? size : 0)) : found;
	return glsc_succeed();
}

/* ---- surfaces ---- */

static struct glsc_surface *glsc_surface_get(struct glsc_display *d, EGLSurface handle)
{
	uint64_t value;
	if (!gls_idmap_get(&d->surfaces, (uint32_t)(uintptr_t)handle, &value))
		return NULL;
	struct glsc_surface *s = (struct glsc_surface *)(uintptr_t)value;
	return s->destroy_pending ? NULL : s;
}

static void glsc_surface_free(struct glsc_surface *s)
{
	glsc_lock();
	glsc_wire_release_locked(0, s->id);
	uint8_t *w = glsc_stream_begin_locked(GLS_OP_glsDestroySurface, 4);
	if (w)
		gls_put_u32(w, s->id);
	glsc_stream_unregister_surface_locked(s->id);
	gls_idmap_remove(&s->display->surfaces, s->id, NULL);
	glsc_unlock();
	if (s->present)
		glsc_present_destroy(s->present);
	free(s);
}

static struct glsc_surface *glsc_surface_new(struct glsc_display *d, struct glsc_config *c, bool window)
{
	struct glsc_surface *s = calloc(1, sizeof(*s));
	if (!s)
		return NULL;
	glsc_lock();
	s->id = glsc_next_object_id++;
	glsc_unlock();
	s->display = d;
	s->config = c;
	s->window = window;
	s->texture_format = EGL_NO_TEXTURE;
	s->texture_target = EGL_NO_TEXTURE;
	s->swap_interval = 1;
	s->colorspace = EGL_GL_COLORSPACE_LINEAR_KHR;
	return s;
}

/* Sends the creation of a new surface (its id, then params) and makes its
 * handle known; windows also receive frames. */
static EGLSurface glsc_surface_publish(struct glsc_surface *s, uint16_t opcode, const EGLint *params, size_t count)
{
	glsc_lock();
	uint8_t *w = glsc_stream_begin_locked(opcode, 4 + 4 * count);
	if (w) {
		w = gls_put_u32(w, s->id);
		for (size_t i = 0; i < count; i++)
			w = gls_put_i32(w, params[i]);
	}
	gls_idmap_put(&s->display->surfaces, s->id, (uint64_t)(uintptr_t)s);
	if (s->window) {
		glsc_stream_register_surface_locked(s->id, s);
		if (w)
			glsc_surface_share_frames_locked(s);
	}
	glsc_unlock();
	if (!w) {
		glsc_surface_free(s);
		glsc_fail(EGL_BAD_ALLOC);
		return EGL_NO_SURFACE;
	}
	glsc_succeed();
	return (EGLSurface)(uintptr_t)s->id;
}

static EGLBoolean glsc_eglDestroySurface(EGLDisplay dpy, EGLSurface surface);

/* EGL_KHR_gl_colorspace: an sRGB surface is a host surface created with
 * that colorspace. Whether the host's config allows it is known only there,
 * so this one creation attribute costs a round trip.
 * wire glsSurfaceColorspace: u32 surface, i32 colorspace -> reply i32 EGL error */
static EGLSurface glsc_surface_set_colorspace(struct glsc_display *d, EGLSurface handle, EGLint colorspace)
{
	if (handle == EGL_NO_SURFACE || colorspace == EGL_GL_COLORSPACE_LINEAR_KHR)
		return handle;
	EGLint error = EGL_BAD_ALLOC;
	const uint8_t *reply;
	size_t size;
	glsc_lock();
	uint8_t *w = glsc_stream_begin_locked(GLS_OP_glsSurfaceColorspace, 8);
	if (w) {
		w = gls_put_u32(w, (uint32_t)(uintptr_t)handle);
		gls_put_i32(w, colorspace);
	}
	if (w && glsc_stream_wait_reply_locked(&reply, &size) && size == 4) {
		struct gls_reader r;
		gls_reader_init(&r, reply, size);
		error = gls_get_i32(&r);
	}
	struct glsc_surface *s = glsc_surface_get(d, handle);
	if (s && error == EGL_SUCCESS)
		s->colorspace = colorspace;
	glsc_unlock();
	if (error == EGL_SUCCESS)
		return handle;
	glsc_eglDestroySurface((EGLDisplay)d, handle);
	glsc_fail(error == EGL_BAD_ALLOC || glsc_stream_lost() ? EGL_BAD_ALLOC : EGL_BAD_MATCH);
	return EGL_NO_SURFACE;
}

struct glsc_window_search {
	unsigned long window;
	bool found;
};

static void glsc_find_window(uint32_t id, uint64_t value, void *data)
{
	(void)id;
	struct glsc_window_search *search = data;
	const struct glsc_surface *s = (const struct glsc_surface *)(uintptr_t)value;
	if (s->window && s->native_window == search->window && !s->destroy_pending)
		search->found = true;
}

static EGLSurface glsc_create_window(struct glsc_display *d, EGLConfig config, unsigned long window, const EGLint *attribs)
{
	struct glsc_config *c = glsc_config_get(d, config);
	if (!c) {
		glsc_fail(EGL_BAD_CONFIG);
		return EGL_NO_SURFACE;
	}
	EGLint colorspace = EGL_GL_COLORSPACE_LINEAR_KHR;
	for (const EGLint *a = attribs; a && a[0] != EGL_NONE; a += 2) {
		if (a[0] == EGL_RENDER_BUFFER && a[1] == EGL_BACK_BUFFER)
			continue;
		if (a[0] == EGL_RENDER_BUFFER && a[1] == EGL_SINGLE_BUFFER)
			continue; /* a hint: window surfaces stay back-buffered */
		if (a[0] == EGL_GL_COLORSPACE_KHR &&
		    (a[1] == EGL_GL_COLORSPACE_LINEAR_KHR || a[1] == EGL_GL_COLORSPACE_SRGB_KHR)) {
			colorspace = a[1];
			continue;
		}
		glsc_fail(EGL_BAD_ATTRIBUTE);
		return EGL_NO_SURFACE;
	}
	if (!(c->values[GLSC_ATTR_EGL_SURFACE_TYPE] & EGL_WINDOW_BIT)) {
		glsc_fail(EGL_BAD_MATCH);
		return EGL_NO_SURFACE;
	}
	/* One surface per window (EGL 1.4, 3.5.1). */
	struct glsc_window_search search = {.window = window};
	glsc_lock();
	gls_idmap_each(&d->surfaces, glsc_find_window, &search);
	glsc_unlock();
	if (search.found) {
		glsc_fail(EGL_BAD_ALLOC);
		return EGL_NO_SURFACE;
	}
	struct glsc_surface *s = glsc_surface_new(d, c, true);
	if (!s) {
		glsc_fail(EGL_BAD_ALLOC);
		return EGL_NO_SURFACE;
	}
	s->native_window = window;
	s->present = glsc_present_create(d->x11, window);
	int width, height;
	if (!s->present || !glsc_present_window_size(s->present, &width, &height)) {
		if (s->present)
			glsc_present_destroy(s->present);
		free(s);
		glsc_fail(EGL_BAD_NATIVE_WINDOW);
		return EGL_NO_SURFACE;
	}
	s->width = width;
	s->height = height;

	const EGLint params[] = {c->values[GLSC_ATTR_EGL_CONFIG_ID], width, height};
	EGLSurface handle = glsc_surface_set_colorspace(
		d, glsc_surface_publish(s, GLS_OP_glsCreateWindowSurface, params, 3), colorspace);
	if (handle != EGL_NO_SURFACE) {
		/* The window's id in our X server: the GUI domain's window for
		 * it carries this id (--present=qubes).
		 * wire glsSetNativeWindow: u32 surface, u32 X window id */
		glsc_lock();
		uint8_t *w = glsc_stream_begin_locked(GLS_OP_glsSetNativeWindow, 8);
		if (w) {
			w = gls_put_u32(w, s->id);
			gls_put_u32(w, (uint32_t)window);
		}
		glsc_unlock();
	}
	return handle;
}

static EGLSurface glsc_eglCreateWindowSurface(EGLDisplay dpy, EGLConfig config, EGLNativeWindowType window, const EGLint *attribs)
{
	struct glsc_display *d = glsc_display_get(dpy);
	if (!d)
		return EGL_NO_SURFACE;
	return glsc_create_window(d, config, (unsigned long)window, attribs);
}

static EGLSurface glsc_eglCreatePlatformWindowSurface(EGLDisplay dpy, EGLConfig config, void *window, const EGLAttrib *attribs)
{
	struct glsc_display *d = glsc_display_get(dpy);
	if (!d)
		return EGL_NO_SURFACE;
	if (!window) {
		glsc_fail(EGL_BAD_NATIVE_WINDOW);
		return EGL_NO_SURFACE;
	}
	EGLint list[64];
	int n = 0;
	for (const EGLAttrib *a = attribs; a && a[0] != EGL_NONE && n < 62; a += 2) {
		list[n++] = (EGLint)a[0];
		list[n++] = (EGLint)a[1];
	}
	list[n] = EGL_NONE;
	/* On X11 the platform window is a pointer to the Window XID. */
	return glsc_create_window(d, config, *(Window *)window, list);
}

static EGLSurface glsc_eglCreatePlatformWindowSurfaceEXT(EGLDisplay dpy, EGLConfig config, void *window, const EGLint *attribs)
{
	struct glsc_display *d = glsc_display_get(dpy);
	if (!d)
		return EGL_NO_SURFACE;
	if (!window) {
		glsc_fail(EGL_BAD_NATIVE_WINDOW);
		return EGL_NO_SURFACE;
	}
	return glsc_create_window(d, config, *(Window *)window, attribs);
}

static EGLSurface glsc_eglCreatePbufferSurface(EGLDisplay dpy, EGLConfig config, const EGLint *attribs)
{
	struct glsc_display *d = glsc_display_get(dpy);
	if (!d)
		return EGL_NO_SURFACE;
	struct glsc_config *c = glsc_config_get(d, config);
	if (!c) {
		glsc_fail(EGL_BAD_CONFIG);
		return EGL_NO_SURFACE;
	}
	EGLint width = 0, height = 0, largest = EGL_FALSE, format = EGL_NO_TEXTURE,
	       target = EGL_NO_TEXTURE, mipmap = EGL_FALSE, colorspace = EGL_GL_COLORSPACE_LINEAR_KHR;
	for (const EGLint *a = attribs; a && a[0] != EGL_NONE; a += 2) {
		switch (a[0]) {
		case EGL_WIDTH: width = a[1]; break;
		case EGL_HEIGHT: height = a[1]; break;
		case EGL_LARGEST_PBUFFER: largest = a[1] ? EGL_TRUE : EGL_FALSE; break;
		case EGL_TEXTURE_FORMAT: format = a[1]; break;
		case EGL_TEXTURE_TARGET: target = a[1]; break;
		case EGL_MIPMAP_TEXTURE: mipmap = a[1] ? EGL_TRUE : EGL_FALSE; break;
		case EGL_GL_COLORSPACE_KHR:
			if (a[1] != EGL_GL_COLORSPACE_LINEAR_KHR && a[1] != EGL_GL_COLORSPACE_SRGB_KHR) {
				glsc_fail(EGL_BAD_ATTRIBUTE);
				return EGL_NO_SURFACE;
			}
			colorspace = a[1];
			break;
		case EGL_VG_COLORSPACE:
		case EGL_VG_ALPHA_FORMAT:
			break;
		default:
			glsc_fail(EGL_BAD_ATTRIBUTE);
			return EGL_NO_SURFACE;
		}
	}
	if (!(c->values[GLSC_ATTR_EGL_SURFACE_TYPE] & EGL_PBUFFER_BIT)) {
		glsc_fail(EGL_BAD_MATCH);
		return EGL_NO_SURFACE;
	}
	if (width < 0 || height < 0) {
		glsc_fail(EGL_BAD_PARAMETER);
		return EGL_NO_SURFACE;
	}
	if ((format != EGL_NO_TEXTURE && format != EGL_TEXTURE_RGB && format != EGL_TEXTURE_RGBA) ||
	    (target != EGL_NO_TEXTURE && target != EGL_TEXTURE_2D)) {
		glsc_fail(EGL_BAD_ATTRIBUTE);
		return EGL_NO_SURFACE;
	}
	if ((format == EGL_NO_TEXTURE) != (target == EGL_NO_TEXTURE) ||
	    (format == EGL_TEXTURE_RGB && !c->values[GLSC_ATTR_EGL_BIND_TO_TEXTURE_RGB]) ||
	    (format == EGL_TEXTURE_RGBA && !c->values[GLSC_ATTR_EGL_BIND_TO_TEXTURE_RGBA])) {
		glsc_fail(EGL_BAD_MATCH);
		return EGL_NO_SURFACE;
	}
	EGLint max_w = c->values[GLSC_ATTR_EGL_MAX_PBUFFER_WIDTH], max_h = c->values[GLSC_ATTR_EGL_MAX_PBUFFER_HEIGHT];
	if (width > max_w || height > max_h) {
		if (!largest) {
			glsc_fail(EGL_BAD_ALLOC);
			return EGL_NO_SURFACE;
		}
		width = width > max_w ? max_w : width;
		height = height > max_h ? max_h : height;
	}
	struct glsc_surface *s = glsc_surface_new(d, c, false);
	if (!s) {
		glsc_fail(EGL_BAD_ALLOC);
		return EGL_NO_SURFACE;
	}
	s->width = width;
	s->height = height;
	s->largest_pbuffer = largest;
	s->texture_format = format;
	s->texture_target = target;
	s->mipmap_texture = mipmap;

	const EGLint params[] = {c->values[GLSC_ATTR_EGL_CONFIG_ID], width, height, format, target, mipmap};
	return glsc_surface_set_colorspace(d, glsc_surface_publish(s, GLS_OP_glsCreatePbufferSurface, params, 6),
					   colorspace);
}

static EGLSurface glsc_eglCreatePixmapSurface(EGLDisplay dpy, EGLConfig config, EGLNativePixmapType pixmap, const EGLint *attribs)
{
	struct glsc_display *d = glsc_display_get(dpy);
	if (!d)
		return EGL_NO_SURFACE;
	/* No config offers EGL_PIXMAP_BIT (EGL 1.4, 3.5.4: EGL_BAD_MATCH). */
	glsc_fail(glsc_config_get(d, config) ? EGL_BAD_MATCH : EGL_BAD_CONFIG);
	return EGL_NO_SURFACE;
}

static EGLSurface glsc_eglCreatePlatformPixmapSurface(EGLDisplay dpy, EGLConfig config, void *pixmap, const EGLAttrib *attribs)
{
	return glsc_eglCreatePixmapSurface(dpy, config, 0, NULL);
}

static EGLSurface glsc_eglCreatePbufferFromClientBuffer(EGLDisplay dpy, EGLenum buftype, EGLClientBuffer buffer,
							 EGLConfig config, const EGLint *attribs)
{
	if (!glsc_display_get(dpy))
		return EGL_NO_SURFACE;
	/* Only OpenVG images are client buffers in EGL 1.4; no OpenVG here. */
	glsc_fail(EGL_BAD_PARAMETER);
	return EGL_NO_SURFACE;
}

static EGLBoolean glsc_eglDestroySurface(EGLDisplay dpy, EGLSurface surface)
{
	struct glsc_display *d = glsc_display_get(dpy);
	if (!d)
		return EGL_FALSE;
	struct glsc_surface *s = glsc_surface_get(d, surface);
	if (!s)
		return glsc_fail(EGL_BAD_SURFACE);
	if (s->current_refs)
		s->destroy_pending = true;
	else
		glsc_surface_free(s);
	return glsc_succeed();
}

/* Follows the window's size; a change resizes the server's surface. */
static void glsc_surface_track_size_locked(struct glsc_surface *s)
{
	int width, height;
	if (!s->window || !glsc_present_window_size(s->present, &width, &height))
		return;
	if (width == s->width && height == s->height)
		return;
	s->width = width;
	s->height = height;
	s->buffer_age = 0; /* the worker's new surface holds no frame yet */
	uint8_t *w = glsc_stream_begin_locked(GLS_OP_glsResizeSurface, 12);
	if (w) {
		w = gls_put_u32(w, s->id);
		w = gls_put_i32(w, width);
		gls_put_i32(w, height);
		glsc_surface_share_frames_locked(s);
	}
}

static EGLBoolean glsc_eglQuerySurface(EGLDisplay dpy, EGLSurface surface, EGLint attribute, EGLint *value)
{
	struct glsc_display *d = glsc_display_get(dpy);
	if (!d)
		return EGL_FALSE;
	struct glsc_surface *s = glsc_surface_get(d, surface);
	if (!s)
		return glsc_fail(EGL_BAD_SURFACE);
	EGLint v;
	switch (attribute) {
	case EGL_WIDTH:
	case EGL_HEIGHT:
		glsc_lock();
		if (s->current_refs)
			glsc_surface_track_size_locked(s);
		v = attribute == EGL_WIDTH ? s->width : s->height;
		glsc_unlock();
		break;
	case EGL_CONFIG_ID: v = s->config->values[GLSC_ATTR_EGL_CONFIG_ID]; break;
	case EGL_LARGEST_PBUFFER:
		if (s->window)
			return glsc_succeed(); /* no effect on window surfaces */
		v = s->largest_pbuffer;
		break;
	case EGL_TEXTURE_FORMAT: v = s->texture_format; break;
	case EGL_TEXTURE_TARGET: v = s->texture_target; break;
	case EGL_MIPMAP_TEXTURE: v = s->mipmap_texture; break;
	case EGL_MIPMAP_LEVEL: v = s->mipmap_level; break;
	case EGL_RENDER_BUFFER: v = EGL_BACK_BUFFER; break; /* pbuffers too (EGL 1.4, 3.5.6) */
	case EGL_SWAP_BEHAVIOR: v = EGL_BUFFER_DESTROYED; break;
	case EGL_MULTISAMPLE_RESOLVE: v = EGL_MULTISAMPLE_RESOLVE_DEFAULT; break;
	case EGL_HORIZONTAL_RESOLUTION:
	case EGL_VERTICAL_RESOLUTION:
	case EGL_PIXEL_ASPECT_RATIO: v = EGL_UNKNOWN; break;
	case EGL_VG_ALPHA_FORMAT: v = EGL_VG_ALPHA_FORMAT_NONPRE; break;
	case EGL_VG_COLORSPACE: v = EGL_VG_COLORSPACE_sRGB; break;
	case EGL_GL_COLORSPACE_KHR: v = s->colorspace; break;
	case EGL_BUFFER_AGE_EXT:
		/* The back buffer is the worker's single host surface, which
		 * keeps the frame just swapped: age 1 after a swap, 0 before the
		 * first one and after a resize. Pbuffers have no swaps: 0. */
		if (!glsc_thread.context || glsc_thread.context->draw != s)
			return glsc_fail(EGL_BAD_SURFACE);
		v = s->window ? s->buffer_age : 0;
		break;
	default:
		return glsc_fail(EGL_BAD_ATTRIBUTE);
	}
	if (value)
		*value = v;
	return glsc_succeed();
}

static EGLBoolean glsc_eglSurfaceAttrib(EGLDisplay dpy, EGLSurface surface, EGLint attribute, EGLint value)
{
	struct glsc_display *d = glsc_display_get(dpy);
	if (!d)
		return EGL_FALSE;
	struct glsc_surface *s = glsc_surface_get(d, surface);
	if (!s)
		return glsc_fail(EGL_BAD_SURFACE);
	switch (attribute) {
	case EGL_MIPMAP_LEVEL: {
		s->mipmap_level = value;
		glsc_lock();
		uint8_t *w = glsc_stream_begin_locked(GLS_OP_glsSurfaceAttrib, 12);
		if (w) {
			w = gls_put_u32(w, s->id);
			w = gls_put_i32(w, attribute);
			gls_put_i32(w, value);
		}
		glsc_unlock();
		return glsc_succeed();
	}
	case EGL_SWAP_BEHAVIOR:
		if (value == EGL_BUFFER_DESTROYED)
			return glsc_succeed();
		return glsc_fail(value == EGL_BUFFER_PRESERVED ? EGL_BAD_MATCH : EGL_BAD_PARAMETER);
	case EGL_MULTISAMPLE_RESOLVE:
		if (value == EGL_MULTISAMPLE_RESOLVE_DEFAULT)
			return glsc_succeed();
		return glsc_fail(value == EGL_MULTISAMPLE_RESOLVE_BOX ? EGL_BAD_MATCH : EGL_BAD_PARAMETER);
	default:
		return glsc_fail(EGL_BAD_ATTRIBUTE);
	}
}

/* eglBindTexImage / eglReleaseTexImage: the server's answer is the EGL error. */
static EGLBoolean glsc_tex_image(EGLDisplay dpy, EGLSurface surface, EGLint buffer, uint16_t opcode)
{
	struct glsc_display *d = glsc_display_get(dpy);
	if (!d)
		return EGL_FALSE;
	struct glsc_surface *s = glsc_surface_get(d, surface);
	if (!s)
		return glsc_fail(EGL_BAD_SURFACE);
	if (buffer != EGL_BACK_BUFFER)
		return glsc_fail(EGL_BAD_PARAMETER);
	if (s->window || s->texture_format == EGL_NO_TEXTURE)
		return glsc_fail(EGL_BAD_MATCH);
	struct glsc_context *ctx = glsc_gl_enter();
	if (!ctx)
		return glsc_succeed(); /* no current context: nothing to bind to */
	const uint8_t *reply;
	size_t size;
	EGLint error = EGL_BAD_ALLOC;
	uint8_t *w = glsc_begin(ctx, opcode, 4);
	if (w) {
		gls_put_u32(w, s->id);
		if (glsc_wait_reply(ctx, &reply, &size) && size == 4) {
			struct gls_reader r;
			gls_reader_init(&r, reply, size);
			error = gls_get_i32(&r);
		}
	}
	glsc_gl_leave();
	return error == EGL_SUCCESS ? glsc_succeed() : glsc_fail(error);
}

static EGLBoolean glsc_eglBindTexImage(EGLDisplay dpy, EGLSurface surface, EGLint buffer)
{
	return glsc_tex_image(dpy, surface, buffer, GLS_OP_glsBindTexImage);
}

static EGLBoolean glsc_eglReleaseTexImage(EGLDisplay dpy, EGLSurface surface, EGLint buffer)
{
	return glsc_tex_image(dpy, surface, buffer, GLS_OP_glsReleaseTexImage);
}

/* ---- contexts ---- */

static struct glsc_context *glsc_context_get(struct glsc_display *d, EGLContext handle)
{
	uint64_t value;
	if (!gls_idmap_get(&d->contexts, (uint32_t)(uintptr_t)handle, &value))
		return NULL;
	struct glsc_context *c = (struct glsc_context *)(uintptr_t)value;
	return c->destroy_pending ? NULL : c;
}

static void glsc_context_free(struct glsc_context *c)
{
	glsc_lock();
	glsc_wire_release_locked(c->id, 0);
	uint8_t *w = glsc_stream_begin_locked(GLS_OP_glsDestroyContext, 4);
	if (w)
		gls_put_u32(w, c->id);
	gls_idmap_remove(&c->display->contexts, c->id, NULL);
	glsc_debug_context_fini_locked(c);
	glsc_unlock();
	glsc_context_state_fini(c);
	free(c);
}

/* Context attributes: EGL 1.4's client version, EGL_KHR_create_context's
 * version, minor version and flags, and EGL 1.5's booleans. OpenGL ES 2.0
 * and the 3.x versions up to GLS_ES_VERSION_MAX are offered (the context
 * gets the highest the host has, up to that: common/gls_version.h). Errors
 * as Mesa's for an OpenGL ES context (src/egl/main/eglcontext.c): flag bits
 * and the profile mask that exist only for desktop OpenGL are
 * EGL_BAD_ATTRIBUTE; EGL 1.5's booleans are read as "EGL_TRUE or not". A
 * robust context, a context that is lost on reset and a forward-compatible
 * one (desktop OpenGL only) are EGL_BAD_MATCH: glstream offers no robust
 * contexts (docs/extensions.md, EGL). Attribute errors come first, as
 * Mesa parses the whole list before it tries to make the context. */
static EGLint glsc_parse_context_attribs(const EGLint *attribs, EGLint *major, bool *debug)
{
	EGLint minor = 0;
	bool unavailable = false; /* well formed, but no such context here */
	*major = 1;
	*debug = false;
	for (const EGLint *a = attribs; a && a[0] != EGL_NONE; a += 2) {
		switch (a[0]) {
		case EGL_CONTEXT_MAJOR_VERSION_KHR: /* == EGL_CONTEXT_CLIENT_VERSION */
			*major = a[1];
			break;
		case EGL_CONTEXT_MINOR_VERSION_KHR:
			minor = a[1];
			break;
		case EGL_CONTEXT_FLAGS_KHR:
			/* Debug contexts exist for OpenGL ES; robust access and
			 * forward compatibility are desktop OpenGL flags. */
			if (a[1] & ~EGL_CONTEXT_OPENGL_DEBUG_BIT_KHR)
				return EGL_BAD_ATTRIBUTE;
			*debug = *debug || (a[1] & EGL_CONTEXT_OPENGL_DEBUG_BIT_KHR);
			break;
		case EGL_CONTEXT_OPENGL_DEBUG:
			*debug = *debug || a[1] == EGL_TRUE;
			break;
		case EGL_CONTEXT_OPENGL_ROBUST_ACCESS:
		case EGL_CONTEXT_OPENGL_FORWARD_COMPATIBLE:
			unavailable = unavailable || a[1] == EGL_TRUE;
			break;
		case EGL_CONTEXT_OPENGL_RESET_NOTIFICATION_STRATEGY:
			/* EGL 1.5 takes it for OpenGL ES too; without reset
			 * notification the context is an ordinary one. */
			if (a[1] != EGL_NO_RESET_NOTIFICATION && a[1] != EGL_LOSE_CONTEXT_ON_RESET)
				return EGL_BAD_ATTRIBUTE;
			unavailable = unavailable || a[1] == EGL_LOSE_CONTEXT_ON_RESET;
			break;
		default: /* profile mask: desktop OpenGL only */
			return EGL_BAD_ATTRIBUTE;
		}
	}
	bool offered = (*major == 2 && minor == 0) ||
		       (*major >= 3 && minor >= 0 && minor <= 9 && *major * 10 + minor <= GLS_ES_VERSION_MAX);
	return offered && !unavailable ? EGL_SUCCESS : EGL_BAD_MATCH;
}

/* Whether a context of OpenGL ES `major` can render to surfaces of config
 * c, or, without one, to some config of the display. */
static bool glsc_config_renders(const struct glsc_display *d, const struct glsc_config *c, EGLint major)
{
	EGLint bit = major >= 3 ? EGL_OPENGL_ES3_BIT_KHR : EGL_OPENGL_ES2_BIT;
	if (c)
		return c->values[GLSC_ATTR_EGL_RENDERABLE_TYPE] & bit;
	for (int i = 0; i < d->config_count; i++)
		if (d->configs[i].values[GLSC_ATTR_EGL_RENDERABLE_TYPE] & bit)
			return true;
	return false;
}

static EGLContext glsc_eglCreateContext(EGLDisplay dpy, EGLConfig config, EGLContext share, const EGLint *attribs)
{
	struct glsc_display *d = glsc_display_get(dpy);
	if (!d)
		return EGL_NO_CONTEXT;
	/* EGL_KHR_no_config_context (and EGL_MESA_configless_context, the same
	 * token and behaviour): a context for surfaces of any config. */
	struct glsc_config *c = NULL;
	if (config != EGL_NO_CONFIG_KHR && !(c = glsc_config_get(d, config))) {
		glsc_fail(EGL_BAD_CONFIG);
		return EGL_NO_CONTEXT;
	}
	EGLint version = 1;
	bool debug = false;
	EGLint error = glsc_parse_context_attribs(attribs, &version, &debug);
	if (error != EGL_SUCCESS) {
		glsc_fail(error);
		return EGL_NO_CONTEXT;
	}
	if (!glsc_config_renders(d, c, version)) {
		glsc_fail(EGL_BAD_MATCH);
		return EGL_NO_CONTEXT;
	}
	struct glsc_context *shared = NULL;
	if (share != EGL_NO_CONTEXT) {
		shared = glsc_context_get(d, share);
		if (!shared) {
			glsc_fail(EGL_BAD_CONTEXT);
			return EGL_NO_CONTEXT;
		}
	}
	struct glsc_context *ctx = calloc(1, sizeof(*ctx));
	if (!ctx) {
		glsc_fail(EGL_BAD_ALLOC);
		return EGL_NO_CONTEXT;
	}
	ctx->share = shared ? shared->share : glsc_share_group_new();
	if (!ctx->share) {
		free(ctx);
		glsc_fail(EGL_BAD_ALLOC);
		return EGL_NO_CONTEXT;
	}
	ctx->share->refs += shared ? 1 : 0;
	ctx->display = d;
	ctx->config = c;
	ctx->client_version = version;
	/* GLSTREAM_ES_VERSION caps the version offered (e.g. 2.0 for an
	 * application that misbehaves on ES 3); a context asked for more
	 * still gets what it asked for */
	ctx->es_version_cap = gls_es_version_parse(getenv("GLSTREAM_ES_VERSION"));
	if (ctx->es_version_cap < version * 10)
		ctx->es_version_cap = version * 10;
	ctx->debug_context = debug;
	glsc_context_state_init(ctx);

	glsc_lock();
	ctx->id = glsc_next_object_id++;
	uint8_t *w = glsc_stream_begin_locked(GLS_OP_glsCreateContext, 20);
	if (w) {
		w = gls_put_u32(w, ctx->id);
		w = gls_put_i32(w, c ? c->values[GLSC_ATTR_EGL_CONFIG_ID] : 0);
		w = gls_put_u32(w, shared ? shared->id : 0);
		w = gls_put_i32(w, version);
		gls_put_i32(w, ctx->es_version_cap);
	}
	gls_idmap_put(&d->contexts, ctx->id, (uint64_t)(uintptr_t)ctx);
	glsc_unlock();
	if (!w) {
		glsc_context_free(ctx);
		glsc_fail(EGL_BAD_ALLOC);
		return EGL_NO_CONTEXT;
	}
	glsc_succeed();
	return (EGLContext)(uintptr_t)ctx->id;
}

static EGLBoolean glsc_eglDestroyContext(EGLDisplay dpy, EGLContext context)
{
	struct glsc_display *d = glsc_display_get(dpy);
	if (!d)
		return EGL_FALSE;
	struct glsc_context *c = glsc_context_get(d, context);
	if (!c)
		return glsc_fail(EGL_BAD_CONTEXT);
	if (c->current_somewhere)
		c->destroy_pending = true;
	else
		glsc_context_free(c);
	return glsc_succeed();
}

static EGLBoolean glsc_eglQueryContext(EGLDisplay dpy, EGLContext context, EGLint attribute, EGLint *value)
{
	struct glsc_display *d = glsc_display_get(dpy);
	if (!d)
		return EGL_FALSE;
	struct glsc_context *c = glsc_context_get(d, context);
	if (!c)
		return glsc_fail(EGL_BAD_CONTEXT);
	EGLint v;
	switch (attribute) {
	case EGL_CONFIG_ID: v = c->config ? c->config->values[GLSC_ATTR_EGL_CONFIG_ID] : 0; break;
	case EGL_CONTEXT_CLIENT_TYPE: v = EGL_OPENGL_ES_API; break;
	case EGL_CONTEXT_CLIENT_VERSION: v = c->client_version; break;
	case EGL_RENDER_BUFFER:
		v = c->draw ? EGL_BACK_BUFFER : EGL_NONE;
		break;
	default:
		return glsc_fail(EGL_BAD_ATTRIBUTE);
	}
	if (value)
		*value = v;
	return glsc_succeed();
}

/* What the server has current, so that it changes only when needed. */
static struct {
	bool valid;
	uint32_t context, draw, read;
} glsc_wire;

static void glsc_wire_send_locked(uint32_t context, uint32_t draw, uint32_t read)
{
	if (glsc_wire.valid && context == glsc_wire.context && draw == glsc_wire.draw && read == glsc_wire.read)
		return;
	uint8_t *w = glsc_stream_begin_locked(GLS_OP_glsMakeCurrent, 12);
	if (!w)
		return;
	w = gls_put_u32(w, context);
	w = gls_put_u32(w, draw);
	gls_put_u32(w, read);
	glsc_wire.valid = true;
	glsc_wire.context = context;
	glsc_wire.draw = draw;
	glsc_wire.read = read;
}

/* Sends the wire's current context when it is not the caller's. */
static inline void glsc_wire_make_current_locked(struct glsc_context *ctx)
{
	/* the common case, inline: the worker has this context current already */
	if (glsc_wire.valid && ctx && ctx->id == glsc_wire.context && (ctx->draw ? ctx->draw->id : 0) == glsc_wire.draw &&
	    (ctx->read ? ctx->read->id : 0) == glsc_wire.read)
		return;
	glsc_wire_send_locked(ctx ? ctx->id : 0, ctx && ctx->draw ? ctx->draw->id : 0,
			      ctx && ctx->read ? ctx->read->id : 0);
}

/* Before an object is destroyed, the server must not hold it current. */
static void glsc_wire_release_locked(uint32_t context, uint32_t surface)
{
	if (!glsc_wire.valid)
		return;
	if ((context && glsc_wire.context == context) ||
	    (surface && (glsc_wire.draw == surface || glsc_wire.read == surface)))
		glsc_wire_send_locked(0, 0, 0);
}

struct glsc_context *glsc_gl_enter(void)
{
	struct glsc_context *ctx = glsc_thread.context;
	if (!ctx)
		return NULL;
	glsc_lock();
	if (glsc_stream_lost()) {
		glsc_unlock();
		return NULL;
	}
	glsc_wire_make_current_locked(ctx);
	return ctx;
}

struct glsc_context *glsc_gl_enter_offered(gls_ext_bits bits)
{
	struct glsc_context *ctx = glsc_gl_enter();
	if (ctx && !(ctx->info.advertised & bits)) {
		glsc_set_error_locked(GL_INVALID_OPERATION);
		glsc_gl_leave();
		return NULL;
	}
	return ctx;
}

void glsc_gl_leave(void)
{
	struct glsc_context *ctx = glsc_thread.context;
	if (ctx && ctx->debug) {
		glsc_debug_before_leave_locked(ctx);
		glsc_unlock();
		glsc_debug_deliver(ctx); /* KHR_debug callbacks run unlocked */
		return;
	}
	glsc_unlock();
}

static void glsc_release_current(void)
{
	struct glsc_context *old = glsc_thread.context;
	if (!old)
		return;
	struct glsc_surface *surfaces[2] = {old->draw, old->read};
	old->draw = old->read = NULL;
	old->current_somewhere = false;
	glsc_thread.context = NULL;
	for (int i = 0; i < 2; i++) {
		struct glsc_surface *s = surfaces[i];
		if (s && --s->current_refs == 0 && s->destroy_pending)
			glsc_surface_free(s);
	}
	if (old->destroy_pending)
		glsc_context_free(old);
}

static EGLBoolean glsc_eglMakeCurrent(EGLDisplay dpy, EGLSurface draw, EGLSurface read, EGLContext context)
{
	struct glsc_display *d = glsc_display_get(dpy);
	if (!d) {
		/* Releasing with an uninitialized display is allowed (EGL 1.4 3.7.3). */
		if (context == EGL_NO_CONTEXT && draw == EGL_NO_SURFACE && read == EGL_NO_SURFACE &&
		    glsc_thread.error == EGL_NOT_INITIALIZED) {
			glsc_release_current();
			return glsc_succeed();
		}
		return EGL_FALSE;
	}
	if (context == EGL_NO_CONTEXT) {
		if (draw != EGL_NO_SURFACE || read != EGL_NO_SURFACE)
			return glsc_fail(EGL_BAD_MATCH);
		glsc_release_current();
		glsc_lock();
		glsc_wire_make_current_locked(NULL);
		glsc_unlock();
		return glsc_succeed();
	}
	struct glsc_context *ctx = glsc_context_get(d, context);
	if (!ctx)
		return glsc_fail(EGL_BAD_CONTEXT);
	if ((draw == EGL_NO_SURFACE) != (read == EGL_NO_SURFACE))
		return glsc_fail(EGL_BAD_MATCH);
	struct glsc_surface *ds = NULL, *rs = NULL;
	if (draw != EGL_NO_SURFACE) {
		ds = glsc_surface_get(d, draw);
		rs = glsc_surface_get(d, read);
		if (!ds || !rs)
			return glsc_fail(EGL_BAD_SURFACE);
		/* The context and surfaces must share one color buffer layout
		 * (a context without config fits every surface). */
		for (int i = 0; i < 2 && ctx->config; i++) {
			const EGLint *cv = ctx->config->values, *sv = (i ? rs : ds)->config->values;
			if (cv[GLSC_ATTR_EGL_RED_SIZE] != sv[GLSC_ATTR_EGL_RED_SIZE] ||
			    cv[GLSC_ATTR_EGL_GREEN_SIZE] != sv[GLSC_ATTR_EGL_GREEN_SIZE] ||
			    cv[GLSC_ATTR_EGL_BLUE_SIZE] != sv[GLSC_ATTR_EGL_BLUE_SIZE] ||
			    cv[GLSC_ATTR_EGL_ALPHA_SIZE] != sv[GLSC_ATTR_EGL_ALPHA_SIZE])
				return glsc_fail(EGL_BAD_MATCH);
		}
	}
	if (ctx->current_somewhere && ctx != glsc_thread.context)
		return glsc_fail(EGL_BAD_ACCESS);

	if (glsc_thread.context != ctx || ctx->draw != ds || ctx->read != rs) {
		if (ds)
			ds->current_refs++;
		if (rs)
			rs->current_refs++;
		glsc_release_current();
		ctx->draw = ds;
		ctx->read = rs;
		ctx->current_somewhere = true;
		glsc_thread.context = ctx;
		glsc_thread.display = d;
	}
	glsc_lock();
	if (ds)
		glsc_surface_track_size_locked(ds);
	glsc_wire_make_current_locked(ctx);
	bool ok = ctx->info_loaded || glsc_context_load_info_locked(ctx);
	glsc_unlock();
	return ok ? glsc_succeed() : glsc_fail(EGL_CONTEXT_LOST);
}

/* ---- frames ---- */

static EGLBoolean glsc_eglSwapBuffers(EGLDisplay dpy, EGLSurface surface)
{
	struct glsc_display *d = glsc_display_get(dpy);
	if (!d)
		return EGL_FALSE;
	struct glsc_surface *s = glsc_surface_get(d, surface);
	struct glsc_context *ctx = glsc_thread.context;
	if (!s)
		return glsc_fail(EGL_BAD_SURFACE);
	if (!ctx || ctx->draw != s)
		return glsc_fail(EGL_BAD_SURFACE);
	if (!s->window)
		return glsc_succeed(); /* no effect on pbuffers */
	glsc_lock();
	if (glsc_stream_lost()) {
		glsc_unlock();
		return glsc_fail(EGL_CONTEXT_LOST);
	}
	glsc_wire_make_current_locked(ctx);
	uint8_t *w = glsc_stream_begin_locked(GLS_OP_glsSwapBuffers, 4);
	if (w) {
		gls_put_u32(w, s->id);
		glsc_stream_frame_sent_locked();
		s->buffer_age = 1;
		glsc_debug_fetch_locked(ctx);
	}
	/* The next frame renders at the window's new size, as with a driver. */
	glsc_surface_track_size_locked(s);
	bool lost = glsc_stream_lost();
	glsc_unlock();
	glsc_debug_deliver(ctx);
	return lost ? glsc_fail(EGL_CONTEXT_LOST) : glsc_succeed();
}

/* EGL_KHR_swap_buffers_with_damage, EGL_EXT_swap_buffers_with_damage: the
 * rectangles are a hint the extensions let an implementation ignore; the
 * whole frame is presented. */
static EGLBoolean glsc_eglSwapBuffersWithDamageKHR(EGLDisplay dpy, EGLSurface surface, const EGLint *rects,
						   EGLint n_rects)
{
	if (!glsc_display_get(dpy))
		return EGL_FALSE;
	if (n_rects < 0 || (n_rects > 0 && !rects))
		return glsc_fail(EGL_BAD_PARAMETER);
	return glsc_eglSwapBuffers(dpy, surface);
}

void glsc_surface_show_frame(struct glsc_surface *surface, uint32_t width, uint32_t height, const uint8_t *pixels)
{
	if (surface->present)
		glsc_present_frame(surface->present, width, height, pixels);
}

void glsc_surface_show_shared_frame(struct glsc_surface *surface, uint32_t width, uint32_t height, uint32_t slot)
{
	if (surface->present)
		glsc_present_shared_frame(surface->present, width, height, slot);
}

/* Gives the worker frame memory the X server shows from, for the surface's
 * current size: frames then cross no socket and one copy less.
 * wire glsAttachFrameMemory: u32 surface, u32 width, u32 height + a memfd */
static void glsc_surface_share_frames_locked(struct glsc_surface *s)
{
	if (!s->window || !glsc_stream_shared_frames())
		return;
	int fd = glsc_present_share_frames(s->present, (uint32_t)s->width, (uint32_t)s->height);
	if (fd < 0)
		return;
	uint8_t payload[12], *w = payload;
	w = gls_put_u32(w, s->id);
	w = gls_put_u32(w, (uint32_t)s->width);
	gls_put_u32(w, (uint32_t)s->height);
	glsc_stream_send_fd_locked(GLS_OP_glsAttachFrameMemory, payload, sizeof(payload), fd);
	close(fd);
}

/* wire glsReadSurface: u32 surface -> reply u32 width, u32 height, then
 * B,G,R,A rows bottom first; read with the calling thread's context */
static EGLBoolean glsc_eglCopyBuffers(EGLDisplay dpy, EGLSurface surface, EGLNativePixmapType target)
{
	struct glsc_display *d = glsc_display_get(dpy);
	if (!d)
		return EGL_FALSE;
	struct glsc_surface *s = glsc_surface_get(d, surface);
	if (!s)
		return glsc_fail(EGL_BAD_SURFACE);
	struct glsc_present *pixmap = d->x11 && target ? glsc_present_create(d->x11, (unsigned long)target) : NULL;
	if (!pixmap)
		return glsc_fail(EGL_BAD_NATIVE_PIXMAP);
	EGLint error = EGL_SUCCESS;
	int width, height;
	struct glsc_context *ctx = glsc_gl_enter();
	if (!ctx) {
		/* the copy reads the surface with the caller's context */
		error = glsc_stream_lost() ? EGL_CONTEXT_LOST : EGL_BAD_MATCH;
		goto out;
	}
	/* A pixmap of another size gets the top-left part, as with Mesa. */
	if (!glsc_present_window_size(pixmap, &width, &height)) {
		error = EGL_BAD_NATIVE_PIXMAP;
		goto out_leave;
	}
	const uint8_t *reply;
	size_t size;
	uint8_t *w = glsc_begin(ctx, GLS_OP_glsReadSurface, 4);
	if (w)
		gls_put_u32(w, s->id);
	if (!w || !glsc_wait_reply(ctx, &reply, &size)) {
		error = EGL_CONTEXT_LOST;
		goto out_leave;
	}
	struct gls_reader r;
	gls_reader_init(&r, reply, size);
	uint32_t rw = gls_get_u32(&r), rh = gls_get_u32(&r);
	if (r.bad || (uint64_t)(r.end - r.p) != (uint64_t)rw * rh * 4)
		error = EGL_CONTEXT_LOST;
	else if (rw && rh && !glsc_present_frame(pixmap, rw, rh, r.p))
		error = EGL_BAD_NATIVE_PIXMAP;
out_leave:
	glsc_gl_leave();
out:
	glsc_present_destroy(pixmap);
	return error == EGL_SUCCESS ? glsc_succeed() : glsc_fail(error);
}

static EGLBoolean glsc_eglSwapInterval(EGLDisplay dpy, EGLint interval)
{
	struct glsc_display *d = glsc_display_get(dpy);
	if (!d)
		return EGL_FALSE;
	struct glsc_context *ctx = glsc_thread.context;
	if (!ctx)
		return glsc_fail(EGL_BAD_CONTEXT);
	if (!ctx->draw)
		return glsc_fail(EGL_BAD_SURFACE);
	/* Clamped to the config's [MIN, MAX]_SWAP_INTERVAL, which are 0. */
	ctx->draw->swap_interval = 0;
	(void)interval;
	return glsc_succeed();
}

/* eglWaitClient/eglWaitGL: all GL work done, as glFinish. */
static EGLBoolean glsc_eglWaitClient(void)
{
	struct glsc_context *ctx = glsc_gl_enter();
	if (!ctx)
		return glsc_thread.context && glsc_stream_lost() ? glsc_fail(EGL_CONTEXT_LOST) : glsc_succeed();
	uint8_t *w = glsc_begin(ctx, GLS_OP_glFinish, 0);
	glsc_sync_void(ctx, w != NULL);
	glsc_gl_leave();
	return glsc_stream_lost() ? glsc_fail(EGL_CONTEXT_LOST) : glsc_succeed();
}

static EGLBoolean glsc_eglWaitGL(void)
{
	return glsc_eglWaitClient();
}

static EGLBoolean glsc_eglWaitNative(EGLint engine)
{
	if (engine != EGL_CORE_NATIVE_ENGINE)
		return glsc_fail(EGL_BAD_PARAMETER);
	/* Native rendering before this call must be done: sync with the X server. */
	struct glsc_display *d = glsc_thread.display;
	if (d && d->x11)
		XSync(d->x11, False);
	return glsc_succeed();
}

static EGLint glsc_eglGetError(void)
{
	EGLint error = glsc_thread.error;
	glsc_thread.error = EGL_SUCCESS;
	return error;
}

static EGLBoolean glsc_eglReleaseThread(void)
{
	glsc_release_current();
	return glsc_succeed();
}

static EGLBoolean glsc_eglBindAPI(EGLenum api)
{
	return api == EGL_OPENGL_ES_API ? glsc_succeed() : glsc_fail(EGL_BAD_PARAMETER);
}

static EGLenum glsc_eglQueryAPI(void)
{
	return EGL_OPENGL_ES_API;
}

static EGLContext glsc_eglGetCurrentContext(void)
{
	struct glsc_context *c = glsc_thread.context;
	return c ? (EGLContext)(uintptr_t)c->id : EGL_NO_CONTEXT;
}

static EGLDisplay glsc_eglGetCurrentDisplay(void)
{
	return glsc_thread.context ? (EGLDisplay)glsc_thread.display : EGL_NO_DISPLAY;
}

static EGLSurface glsc_eglGetCurrentSurface(EGLint readdraw)
{
	struct glsc_context *c = glsc_thread.context;
	if (readdraw != EGL_DRAW && readdraw != EGL_READ) {
		glsc_fail(EGL_BAD_PARAMETER);
		return EGL_NO_SURFACE;
	}
	struct glsc_surface *s = c ? (readdraw == EGL_DRAW ? c->draw : c->read) : NULL;
	return s ? (EGLSurface)(uintptr_t)s->id : EGL_NO_SURFACE;
}

static EGLDisplay glsc_eglGetDisplay(EGLNativeDisplayType native)
{
	return glsc_get_platform_display(EGL_NONE, (void *)native, NULL);
}

static void (*glsc_eglGetProcAddress(const char *name))(void);

#define GLSC_EGL_PROC(name) {#name, (void *)glsc_##name}
static const struct {
	const char *name;
	void *fn;
} glsc_egl_procs[] = {
	GLSC_EGL_PROC(eglBindAPI),
	GLSC_EGL_PROC(eglBindTexImage),
	GLSC_EGL_PROC(eglChooseConfig),
	GLSC_EGL_PROC(eglCopyBuffers),
	GLSC_EGL_PROC(eglCreateContext),
	GLSC_EGL_PROC(eglCreatePbufferFromClientBuffer),
	GLSC_EGL_PROC(eglCreatePbufferSurface),
	GLSC_EGL_PROC(eglCreatePixmapSurface),
	GLSC_EGL_PROC(eglCreatePlatformPixmapSurface),
	GLSC_EGL_PROC(eglCreatePlatformWindowSurface),
	GLSC_EGL_PROC(eglCreatePlatformWindowSurfaceEXT),
	GLSC_EGL_PROC(eglCreateWindowSurface),
	GLSC_EGL_PROC(eglDestroyContext),
	GLSC_EGL_PROC(eglDestroySurface),
	GLSC_EGL_PROC(eglGetConfigAttrib),
	GLSC_EGL_PROC(eglGetConfigs),
	GLSC_EGL_PROC(eglGetCurrentContext),
	GLSC_EGL_PROC(eglGetCurrentDisplay),
	GLSC_EGL_PROC(eglGetCurrentSurface),
	GLSC_EGL_PROC(eglGetDisplay),
	GLSC_EGL_PROC(eglGetError),
	GLSC_EGL_PROC(eglGetProcAddress),
	GLSC_EGL_PROC(eglInitialize),
	GLSC_EGL_PROC(eglMakeCurrent),
	GLSC_EGL_PROC(eglQueryAPI),
	GLSC_EGL_PROC(eglQueryContext),
	GLSC_EGL_PROC(eglQueryString),
	GLSC_EGL_PROC(eglQuerySurface),
	GLSC_EGL_PROC(eglReleaseTexImage),
	GLSC_EGL_PROC(eglReleaseThread),
	GLSC_EGL_PROC(eglSurfaceAttrib),
	GLSC_EGL_PROC(eglSwapBuffers),
	{"eglSwapBuffersWithDamageEXT", (void *)glsc_eglSwapBuffersWithDamageKHR},
	GLSC_EGL_PROC(eglSwapBuffersWithDamageKHR),
	GLSC_EGL_PROC(eglSwapInterval),
	GLSC_EGL_PROC(eglTerminate),
	GLSC_EGL_PROC(eglWaitClient),
	GLSC_EGL_PROC(eglWaitGL),
	GLSC_EGL_PROC(eglWaitNative),
};

void *glsc_egl_proc(const char *name)
{
	for (size_t i = 0; i < sizeof(glsc_egl_procs) / sizeof(glsc_egl_procs[0]); i++)
		if (strcmp(glsc_egl_procs[i].name, name) == 0)
			return glsc_egl_procs[i].fn;
	void *fn = glsc_egl_sync_proc(name);
	return fn ? fn : glsc_egl_image_proc(name);
}

static void (*glsc_eglGetProcAddress(const char *name))(void)
{
	extern void *glsc_get_proc_address(const char *name);
	return (void (*)(void))glsc_get_proc_address(name);
}
