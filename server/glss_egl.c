/* The worker's host EGL: a headless display (Mesa surfaceless, or the
 * default display), and the client's contexts and surfaces on it. Window
 * surfaces are host pbuffers whose frames go back to the client. */
#include "glss_egl.h"

#include <EGL/eglext.h>
#include <stdlib.h>
#include <string.h>

#include "glss_buffers.h"
#include "glss_gl_generated.h"
#include "glss_memory.h"
#include "glss_present_window.h"
#include "glss_readback.h"
#include "glss_shader_cache.h"
#include "glss_shader_source.h"
#include "gls_extensions.h"
#include "gls_version.h"
#include "gls_log.h"

bool glss_egl_init(struct glss_worker *w)
{
	w->display = eglGetPlatformDisplay(EGL_PLATFORM_SURFACELESS_MESA, EGL_DEFAULT_DISPLAY, NULL);
	EGLint major, minor;
	if (w->display == EGL_NO_DISPLAY || !eglInitialize(w->display, &major, &minor)) {
		w->display = eglGetDisplay(EGL_DEFAULT_DISPLAY);
		if (w->display == EGL_NO_DISPLAY || !eglInitialize(w->display, &major, &minor)) {
			gls_error("cannot initialize the host EGL display (0x%x)%s", eglGetError(),
				  getenv("__EGL_VENDOR_LIBRARY_FILENAMES")
					  ? "; __EGL_VENDOR_LIBRARY_FILENAMES is set: does it name the host driver's vendor?"
					  : "");
			return false;
		}
	}
	const char *vendor = eglQueryString(w->display, EGL_VENDOR);
	if (vendor && strcmp(vendor, "glstream") == 0) {
		/* __EGL_VENDOR_LIBRARY_FILENAMES selects glstream for the server
		 * itself: each worker would connect to a server again, forever. */
		gls_error("the host EGL is glstream itself; unset __EGL_VENDOR_LIBRARY_FILENAMES for the server");
		return false;
	}
	if (!eglBindAPI(EGL_OPENGL_ES_API)) {
		gls_error("the host EGL has no OpenGL ES");
		return false;
	}
	gls_info("host EGL %d.%d: %s", major, minor, eglQueryString(w->display, EGL_VENDOR));
	gls_idmap_init(&w->contexts);
	gls_idmap_init(&w->surfaces);
	gls_idmap_init(&w->syncs);
	gls_idmap_init(&w->images);
	glss_load_ext_procs();
	if (glss_shader_cache.in_use) {
		/* The driver opens its shader cache with its first context:
		 * that must happen now, while the worker may still open files. */
		static const EGLint attribs[] = {EGL_CONTEXT_CLIENT_VERSION, 2, EGL_NONE};
		EGLContext probe = eglCreateContext(w->display, EGL_NO_CONFIG_KHR, EGL_NO_CONTEXT, attribs);
		if (probe != EGL_NO_CONTEXT)
			eglDestroyContext(w->display, probe);
	}
	return true;
}

static void glss_free_surface(uint32_t id, uint64_t value, void *data)
{
	(void)id;
	struct glss_worker *w = data;
	struct glss_surface *s = (struct glss_surface *)(uintptr_t)value;
	eglDestroySurface(w->display, s->host);
	glss_surface_drop_frames(s);
	glss_present_window_drop(w, s);
	glss_memory_resize(w, glss_surface_bytes(s->width, s->height), 0);
	free(s);
}

static void glss_share_unref(struct glss_worker *w, struct glss_share_group *share)
{
	if (--share->refs)
		return;
	glss_buffers_share_free(w, share);
	glss_memory_share_free(w, share);
	for (int t = 0; t < GLS_OBJ_COUNT; t++) {
		gls_idmap_free(&share->names[t]);
		gls_idmap_free(&share->host_names[t]);
	}
	glss_shader_sources_free(share);
	gls_idmap_free(&share->gl_syncs);
	free(share);
}

static void glss_free_context(uint32_t id, uint64_t value, void *data)
{
	(void)id;
	struct glss_worker *w = data;
	struct glss_context *c = (struct glss_context *)(uintptr_t)value;
	eglDestroyContext(w->display, c->host);
	gls_idmap_free(&c->vertex_arrays);
	gls_idmap_free(&c->program_pipelines);
	gls_idmap_free(&c->queries);
	gls_idmap_free(&c->transform_feedbacks);
	for (int i = 0; i < GLSS_MAX_ATTRIBS; i++)
		free(c->client_arrays[i]);
	free(c->advertised_extensions);
	glss_buffers_context_free(w, c);
	glss_memory_context_free(w, c);
	glss_debug_context_free(c); /* after the host context: its callback fed it */
	glss_share_unref(w, c->share);
	free(c);
}

static void glss_free_sync(uint32_t id, uint64_t value, void *data)
{
	(void)id;
	struct glss_worker *w = data;
	eglDestroySync(w->display, (EGLSync)(uintptr_t)value);
}

void glss_egl_reset(struct glss_worker *w)
{
	if (w->display == EGL_NO_DISPLAY)
		return;
	glss_readback_release(w);
	eglMakeCurrent(w->display, EGL_NO_SURFACE, EGL_NO_SURFACE, EGL_NO_CONTEXT);
	w->current = NULL;
	w->draw = w->read = NULL;
	gls_idmap_each(&w->syncs, glss_free_sync, w);
	glss_images_reset(w); /* before their source contexts go */
	gls_idmap_each(&w->surfaces, glss_free_surface, w);
	gls_idmap_each(&w->contexts, glss_free_context, w);
	gls_idmap_free(&w->syncs);
	gls_idmap_free(&w->surfaces);
	gls_idmap_free(&w->contexts);
	gls_idmap_init(&w->syncs);
	gls_idmap_init(&w->contexts);
	gls_idmap_init(&w->surfaces);
}

void glss_egl_fini(struct glss_worker *w)
{
	if (w->display == EGL_NO_DISPLAY)
		return;
	glss_egl_reset(w);
	free(w->frame_copy);
	w->frame_copy = NULL;
	w->frame_copy_cap = 0;
	eglTerminate(w->display);
	eglReleaseThread();
}

static EGLConfig glss_config_by_id(struct glss_worker *w, EGLint id)
{
	const EGLint attribs[] = {EGL_CONFIG_ID, id, EGL_NONE};
	EGLConfig config;
	EGLint count = 0;
	if (id <= 0 || !eglChooseConfig(w->display, attribs, &config, 1, &count) || count != 1) {
		glss_fail(w, "unknown config id %d", id);
		return NULL;
	}
	return config;
}

struct glss_surface *glss_surface_lookup(struct glss_worker *w, uint32_t id)
{
	uint64_t value;
	if (!gls_idmap_get(&w->surfaces, id, &value)) {
		glss_fail(w, "unknown surface %u", id);
		return NULL;
	}
	return (struct glss_surface *)(uintptr_t)value;
}

struct glss_context *glss_context_lookup(struct glss_worker *w, uint32_t id)
{
	uint64_t value;
	if (!gls_idmap_get(&w->contexts, id, &value)) {
		glss_fail(w, "unknown context %u", id);
		return NULL;
	}
	return (struct glss_context *)(uintptr_t)value;
}

/* wire glsGetConfigs: (none) -> reply u32 count, then per config the
 * values of GLS_CONFIG_ATTRIBS in order (i32 each) */
void glss_exec_glsGetConfigs(struct glss_worker *w, struct gls_reader *r)
{
	if (!gls_reader_done(r))
		return;
	static const EGLint attribs[] = {
#define GLSS_ATTRIB(name) name,
		GLS_CONFIG_ATTRIBS(GLSS_ATTRIB)
#undef GLSS_ATTRIB
	};
	const size_t attrib_count = sizeof(attribs) / sizeof(attribs[0]);
	EGLint count = 0;
	eglGetConfigs(w->display, NULL, 0, &count);
	EGLConfig *configs = calloc(count ? (size_t)count : 1, sizeof(*configs));
	if (!configs || !eglGetConfigs(w->display, configs, count, &count))
		count = 0;
	uint8_t *p = glss_reply_begin(w, 4 + (size_t)count * attrib_count * 4);
	if (p) {
		p = gls_put_u32(p, (uint32_t)count);
		for (EGLint i = 0; i < count; i++) {
			for (size_t a = 0; a < attrib_count; a++) {
				EGLint value = 0;
				eglGetConfigAttrib(w->display, configs[i], attribs[a], &value);
				p = gls_put_i32(p, value);
			}
		}
	}
	free(configs);
}

/* wire glsChooseConfig: u32 pairs, pairs x (i32 attribute, i32 value)
 *   -> reply u32 count, count x i32 config id */
void glss_exec_glsChooseConfig(struct glss_worker *w, struct gls_reader *r)
{
	uint32_t pairs = gls_get_u32(r);
	if (pairs > 64) {
		glss_fail(w, "glsChooseConfig with %u attributes", pairs);
		return;
	}
	EGLint list[2 * 64 + 1];
	for (uint32_t i = 0; i < 2 * pairs; i++)
		list[i] = gls_get_i32(r);
	list[2 * pairs] = EGL_NONE;
	if (!gls_reader_done(r))
		return;
	EGLint count = 0;
	EGLConfig *configs = NULL;
	if (eglChooseConfig(w->display, list, NULL, 0, &count) && count > 0) {
		configs = calloc((size_t)count, sizeof(*configs));
		if (!configs || !eglChooseConfig(w->display, list, configs, count, &count))
			count = 0;
	} else {
		count = 0;
	}
	uint8_t *p = glss_reply_begin(w, 4 + 4 * (size_t)count);
	if (p) {
		p = gls_put_u32(p, (uint32_t)count);
		for (EGLint i = 0; i < count; i++) {
			EGLint id = 0;
			eglGetConfigAttrib(w->display, configs[i], EGL_CONFIG_ID, &id);
			p = gls_put_i32(p, id);
		}
	}
	free(configs);
}

/* wire glsCreateContext: u32 id, i32 config id, u32 share context id (0:
 * none), i32 client version */
void glss_exec_glsCreateContext(struct glss_worker *w, struct gls_reader *r)
{
	uint32_t id = gls_get_u32(r);
	EGLint config_id = gls_get_i32(r);
	uint32_t share_id = gls_get_u32(r);
	EGLint version = gls_get_i32(r);
	int cap = gls_get_i32(r);
	if (!gls_reader_done(r))
		return;
	if (id == 0 || gls_idmap_get(&w->contexts, id, NULL)) {
		glss_fail(w, "context id %u is not new", id);
		return;
	}
	if (version != 2 && !(version == 3 && GLS_ES_VERSION_MAX >= 30)) {
		glss_fail(w, "context version %d is not offered", version);
		return;
	}
	/* Config id 0: a context without config (EGL_KHR_no_config_context). */
	EGLConfig config = config_id ? glss_config_by_id(w, config_id) : EGL_NO_CONFIG_KHR;
	struct glss_context *share = share_id ? glss_context_lookup(w, share_id) : NULL;
	if ((config_id && !config) || (share_id && !share))
		return;
	struct glss_context *c = calloc(1, sizeof(*c));
	if (!c)
		goto err;
	c->id = id;
	c->es_version_cap = cap;
	c->share = share ? share->share : calloc(1, sizeof(*c->share));
	if (!c->share)
		goto err_free;
	c->share->refs++;
	gls_idmap_init(&c->vertex_arrays);
	gls_idmap_init(&c->program_pipelines);
	gls_idmap_init(&c->queries);
	gls_idmap_init(&c->transform_feedbacks);
	const EGLint attribs[] = {EGL_CONTEXT_CLIENT_VERSION, version, EGL_NONE};
	c->host = eglCreateContext(w->display, config, share ? share->host : EGL_NO_CONTEXT, attribs);
	if (c->host == EGL_NO_CONTEXT) {
		glss_share_unref(w, c->share);
		goto err_free;
	}
	if (!gls_idmap_put(&w->contexts, id, (uint64_t)(uintptr_t)c)) {
		eglDestroyContext(w->display, c->host);
		glss_share_unref(w, c->share);
		goto err_free;
	}
	return;
err_free:
	free(c);
err:
	glss_fail(w, "the host could not create context %u (0x%x)", id, eglGetError());
}

/* wire glsDestroyContext: u32 id */
void glss_exec_glsDestroyContext(struct glss_worker *w, struct gls_reader *r)
{
	uint32_t id = gls_get_u32(r);
	if (!gls_reader_done(r))
		return;
	struct glss_context *c = glss_context_lookup(w, id);
	if (!c)
		return;
	if (c == w->current) {
		glss_fail(w, "context %u destroyed while current", id);
		return;
	}
	gls_idmap_remove(&w->contexts, id, NULL);
	glss_free_context(id, (uint64_t)(uintptr_t)c, w);
}

static struct glss_surface *glss_surface_new(struct glss_worker *w, uint32_t id, EGLint config_id)
{
	if (id == 0 || gls_idmap_get(&w->surfaces, id, NULL)) {
		glss_fail(w, "surface id %u is not new", id);
		return NULL;
	}
	EGLConfig config = glss_config_by_id(w, config_id);
	if (!config)
		return NULL;
	struct glss_surface *s = calloc(1, sizeof(*s));
	if (!s) {
		glss_fail(w, "out of memory for surface %u", id);
		return NULL;
	}
	s->id = id;
	s->config = config;
	s->texture_format = EGL_NO_TEXTURE;
	s->texture_target = EGL_NO_TEXTURE;
	s->mipmap_texture = EGL_FALSE;
	s->colorspace = EGL_GL_COLORSPACE_LINEAR_KHR;
	return s;
}

/* A host pbuffer with the surface's attributes at the given size. */
static EGLSurface glss_surface_create_host(struct glss_worker *w, const struct glss_surface *s, EGLint width,
					   EGLint height)
{
	EGLint attribs[16] = {EGL_WIDTH, width, EGL_HEIGHT, height};
	int n = 4;
	if (s->texture_format != EGL_NO_TEXTURE) {
		attribs[n++] = EGL_TEXTURE_FORMAT;
		attribs[n++] = s->texture_format;
		attribs[n++] = EGL_TEXTURE_TARGET;
		attribs[n++] = s->texture_target;
		attribs[n++] = EGL_MIPMAP_TEXTURE;
		attribs[n++] = s->mipmap_texture;
	}
	if (s->colorspace != EGL_GL_COLORSPACE_LINEAR_KHR) {
		attribs[n++] = EGL_GL_COLORSPACE_KHR;
		attribs[n++] = s->colorspace;
	}
	attribs[n] = EGL_NONE;
	return eglCreatePbufferSurface(w->display, s->config, attribs);
}

/* Replaces the host surface (same id for the client), keeping it current. */
static void glss_surface_replace_host(struct glss_worker *w, struct glss_surface *s, EGLSurface fresh)
{
	if (w->pending_frame.surface == s)
		glss_readback_finish(w); /* at the size it was read */
	EGLSurface old = s->host;
	s->host = fresh;
	if (w->current && (w->draw == s || w->read == s))
		eglMakeCurrent(w->display, w->draw->host, w->read->host, w->current->host);
	eglDestroySurface(w->display, old);
}

static bool glss_surface_add(struct glss_worker *w, struct glss_surface *s)
{
	if (s->host != EGL_NO_SURFACE && !glss_memory_resize(w, 0, glss_surface_bytes(s->width, s->height))) {
		/* the client believes in the surface id: refusing would leave
		 * every later use a protocol violation, so the client ends */
		glss_fail(w, "surface %u of %dx%d passes --max-gl-memory", s->id, s->width, s->height);
		eglDestroySurface(w->display, s->host);
		free(s);
		return false;
	}
	if (s->host == EGL_NO_SURFACE || !gls_idmap_put(&w->surfaces, s->id, (uint64_t)(uintptr_t)s)) {
		glss_fail(w, "the host could not create surface %u (0x%x)", s->id, eglGetError());
		if (s->host != EGL_NO_SURFACE) {
			glss_memory_resize(w, glss_surface_bytes(s->width, s->height), 0);
			eglDestroySurface(w->display, s->host);
		}
		free(s);
		return false;
	}
	return true;
}

#define GLSS_MAX_SURFACE_SIZE 16384

/* wire glsCreateWindowSurface: u32 id, i32 config id, i32 width, i32 height */
void glss_exec_glsCreateWindowSurface(struct glss_worker *w, struct gls_reader *r)
{
	uint32_t id = gls_get_u32(r);
	EGLint config_id = gls_get_i32(r);
	EGLint width = gls_get_i32(r), height = gls_get_i32(r);
	if (!gls_reader_done(r))
		return;
	if (width < 0 || height < 0 || width > GLSS_MAX_SURFACE_SIZE || height > GLSS_MAX_SURFACE_SIZE) {
		glss_fail(w, "window surface of %dx%d", width, height);
		return;
	}
	struct glss_surface *s = glss_surface_new(w, id, config_id);
	if (!s)
		return;
	s->window = true;
	s->width = width;
	s->height = height;
	s->host = glss_surface_create_host(w, s, width, height);
	glss_surface_add(w, s);
}

/* wire glsCreatePbufferSurface: u32 id, i32 config id, i32 width, i32 height,
 *   i32 texture format, i32 texture target, i32 mipmap texture */
void glss_exec_glsCreatePbufferSurface(struct glss_worker *w, struct gls_reader *r)
{
	uint32_t id = gls_get_u32(r);
	EGLint config_id = gls_get_i32(r);
	EGLint width = gls_get_i32(r), height = gls_get_i32(r);
	EGLint format = gls_get_i32(r), target = gls_get_i32(r), mipmap = gls_get_i32(r);
	if (!gls_reader_done(r))
		return;
	if (width < 0 || height < 0 || width > GLSS_MAX_SURFACE_SIZE || height > GLSS_MAX_SURFACE_SIZE) {
		glss_fail(w, "pbuffer of %dx%d", width, height);
		return;
	}
	struct glss_surface *s = glss_surface_new(w, id, config_id);
	if (!s)
		return;
	s->width = width;
	s->height = height;
	s->texture_format = format;
	s->texture_target = target;
	s->mipmap_texture = mipmap;
	s->host = glss_surface_create_host(w, s, width, height);
	glss_surface_add(w, s);
}

/* wire glsDestroySurface: u32 id */
void glss_exec_glsDestroySurface(struct glss_worker *w, struct gls_reader *r)
{
	uint32_t id = gls_get_u32(r);
	if (!gls_reader_done(r))
		return;
	struct glss_surface *s = glss_surface_lookup(w, id);
	if (!s)
		return;
	if (s == w->draw || s == w->read) {
		glss_fail(w, "surface %u destroyed while current", id);
		return;
	}
	gls_idmap_remove(&w->surfaces, id, NULL);
	glss_free_surface(id, (uint64_t)(uintptr_t)s, w);
}

/* wire glsResizeSurface: u32 id, i32 width, i32 height (window surfaces) */
void glss_exec_glsResizeSurface(struct glss_worker *w, struct gls_reader *r)
{
	uint32_t id = gls_get_u32(r);
	EGLint width = gls_get_i32(r), height = gls_get_i32(r);
	if (!gls_reader_done(r))
		return;
	struct glss_surface *s = glss_surface_lookup(w, id);
	if (!s)
		return;
	if (!s->window || width < 0 || height < 0 || width > GLSS_MAX_SURFACE_SIZE || height > GLSS_MAX_SURFACE_SIZE) {
		glss_fail(w, "bad resize of surface %u to %dx%d", id, width, height);
		return;
	}
	if (!glss_memory_resize(w, glss_surface_bytes(s->width, s->height), glss_surface_bytes(width, height))) {
		glss_fail(w, "surface %u resized to %dx%d passes --max-gl-memory", id, width, height);
		return;
	}
	EGLSurface fresh = glss_surface_create_host(w, s, width, height);
	if (fresh == EGL_NO_SURFACE) {
		glss_memory_resize(w, glss_surface_bytes(width, height), glss_surface_bytes(s->width, s->height));
		glss_fail(w, "the host could not resize surface %u (0x%x)", id, eglGetError());
		return;
	}
	s->width = width;
	s->height = height;
	glss_surface_replace_host(w, s, fresh);
}

/* wire glsSurfaceColorspace: u32 surface, i32 EGL_GL_COLORSPACE_KHR value
 *   -> reply i32 EGL error. Sent right after the surface's creation; the
 *   host surface is re-created in that colorspace if the host allows it. */
void glss_exec_glsSurfaceColorspace(struct glss_worker *w, struct gls_reader *r)
{
	uint32_t id = gls_get_u32(r);
	EGLint colorspace = gls_get_i32(r);
	if (!gls_reader_done(r))
		return;
	struct glss_surface *s = glss_surface_lookup(w, id);
	if (!s)
		return;
	if (colorspace != EGL_GL_COLORSPACE_LINEAR_KHR && colorspace != EGL_GL_COLORSPACE_SRGB_KHR) {
		glss_fail(w, "colorspace 0x%x for surface %u", colorspace, id);
		return;
	}
	EGLint previous = s->colorspace, error = EGL_SUCCESS;
	s->colorspace = colorspace;
	EGLSurface fresh = glss_surface_create_host(w, s, s->width, s->height);
	if (fresh == EGL_NO_SURFACE) {
		error = eglGetError();
		s->colorspace = previous;
	} else {
		glss_surface_replace_host(w, s, fresh);
	}
	glss_reply_i32(w, error == EGL_SUCCESS || error == EGL_BAD_ALLOC ? error : EGL_BAD_MATCH);
}

/* wire glsMakeCurrent: u32 context, u32 draw surface, u32 read surface
 * (0, 0, 0 releases the current context) */
void glss_exec_glsMakeCurrent(struct glss_worker *w, struct gls_reader *r)
{
	uint32_t context_id = gls_get_u32(r), draw_id = gls_get_u32(r), read_id = gls_get_u32(r);
	if (!gls_reader_done(r))
		return;
	struct glss_context *c = NULL;
	struct glss_surface *draw = NULL, *read = NULL;
	if (context_id && !(c = glss_context_lookup(w, context_id)))
		return;
	if (draw_id && !(draw = glss_surface_lookup(w, draw_id)))
		return;
	if (read_id && !(read = glss_surface_lookup(w, read_id)))
		return;
	if ((!c && (draw || read)) || (!draw != !read)) {
		glss_fail(w, "inconsistent glsMakeCurrent");
		return;
	}
	/* The swapped frame goes out first; pack buffers live only in the
	 * current context (they are freed while it still is). */
	glss_readback_finish(w);
	if (c != w->current)
		glss_readback_release(w);
	if (!eglMakeCurrent(w->display, draw ? draw->host : EGL_NO_SURFACE, read ? read->host : EGL_NO_SURFACE,
			    c ? c->host : EGL_NO_CONTEXT)) {
		glss_fail(w, "the host refused to make context %u current (0x%x)", context_id, eglGetError());
		return;
	}
	w->current = c;
	w->draw = draw;
	w->read = read;
	if (c && !c->extensions_known) {
		c->es_version = gls_es_version_offered((const char *)glGetString(GL_VERSION), c->es_version_cap);
		c->extensions = gls_extensions_offered((const char *)glGetString(GL_EXTENSIONS), c->es_version);
		c->extensions_known = true;
	}
}

/* wire glsSwapBuffers: u32 surface (the current draw surface, a window) */
void glss_exec_glsSwapBuffers(struct glss_worker *w, struct gls_reader *r)
{
	uint32_t id = gls_get_u32(r);
	if (!gls_reader_done(r))
		return;
	struct glss_surface *s = glss_surface_lookup(w, id);
	if (!s)
		return;
	if (!s->window || s != w->draw) {
		glss_fail(w, "swap of surface %u, which is not the current window", id);
		return;
	}
	glss_present_frame(w, s);
}

/* wire glsSurfaceAttrib: u32 surface, i32 attribute (EGL_MIPMAP_LEVEL), i32 value */
void glss_exec_glsSurfaceAttrib(struct glss_worker *w, struct gls_reader *r)
{
	uint32_t id = gls_get_u32(r);
	EGLint attribute = gls_get_i32(r), value = gls_get_i32(r);
	if (!gls_reader_done(r))
		return;
	struct glss_surface *s = glss_surface_lookup(w, id);
	if (!s)
		return;
	if (attribute != EGL_MIPMAP_LEVEL) {
		glss_fail(w, "glsSurfaceAttrib of 0x%x", attribute);
		return;
	}
	eglSurfaceAttrib(w->display, s->host, attribute, value);
}

/* wire glsBindTexImage / glsReleaseTexImage: u32 surface -> reply i32 EGL error */
static void glss_tex_image(struct glss_worker *w, struct gls_reader *r, bool bind)
{
	uint32_t id = gls_get_u32(r);
	if (!gls_reader_done(r))
		return;
	struct glss_surface *s = glss_surface_lookup(w, id);
	if (!s)
		return;
	EGLBoolean ok = bind ? eglBindTexImage(w->display, s->host, EGL_BACK_BUFFER)
			     : eglReleaseTexImage(w->display, s->host, EGL_BACK_BUFFER);
	glss_reply_i32(w, ok ? EGL_SUCCESS : eglGetError());
}

void glss_exec_glsBindTexImage(struct glss_worker *w, struct gls_reader *r)
{
	glss_tex_image(w, r, true);
}

void glss_exec_glsReleaseTexImage(struct glss_worker *w, struct gls_reader *r)
{
	glss_tex_image(w, r, false);
}

static uint8_t *glss_put_string(uint8_t *p, const char *s)
{
	size_t n = s ? strlen(s) : 0;
	p = gls_put_u32(p, (uint32_t)n);
	return gls_put_bytes(p, s, n);
}

/* wire glsGetContextInfo: (none) -> reply vendor, renderer, version, GLSL
 * version, extensions (u32 length + bytes each), i32 GL_MAX_VERTEX_ATTRIBS */
void glss_exec_glsGetContextInfo(struct glss_worker *w, struct gls_reader *r)
{
	if (!gls_reader_done(r))
		return;
	if (!w->current) {
		glss_fail(w, "glsGetContextInfo without a current context");
		return;
	}
	const char *strings[5] = {
		(const char *)glGetString(GL_VENDOR), (const char *)glGetString(GL_RENDERER),
		(const char *)glGetString(GL_VERSION), (const char *)glGetString(GL_SHADING_LANGUAGE_VERSION),
		(const char *)glGetString(GL_EXTENSIONS),
	};
	size_t size = 4;
	for (int i = 0; i < 5; i++)
		size += 4 + gls_pad4(strings[i] ? strlen(strings[i]) : 0);
	GLint max_attribs = 0;
	glGetIntegerv(GL_MAX_VERTEX_ATTRIBS, &max_attribs);
	uint8_t *p = glss_reply_begin(w, size);
	if (!p)
		return;
	for (int i = 0; i < 5; i++)
		p = glss_put_string(p, strings[i]);
	gls_put_i32(p, max_attribs);
}

/* ---- EGL 1.5 fence syncs ---- */

static EGLSync glss_sync_lookup(struct glss_worker *w, uint32_t id)
{
	uint64_t value;
	if (!gls_idmap_get(&w->syncs, id, &value)) {
		glss_fail(w, "unknown sync %u", id);
		return EGL_NO_SYNC;
	}
	return (EGLSync)(uintptr_t)value;
}

/* wire glsCreateSync: u32 new sync id (a fence in the current context) */
void glss_exec_glsCreateSync(struct glss_worker *w, struct gls_reader *r)
{
	uint32_t id = gls_get_u32(r);
	if (!gls_reader_done(r))
		return;
	if (!w->current || id == 0 || gls_idmap_get(&w->syncs, id, NULL)) {
		glss_fail(w, "glsCreateSync %u without a context or with a used id", id);
		return;
	}
	EGLSync sync = eglCreateSync(w->display, EGL_SYNC_FENCE, NULL);
	if (sync == EGL_NO_SYNC || !gls_idmap_put(&w->syncs, id, (uint64_t)(uintptr_t)sync)) {
		glss_fail(w, "the host could not create fence %u (0x%x)", id, eglGetError());
		if (sync != EGL_NO_SYNC)
			eglDestroySync(w->display, sync);
	}
}

/* wire glsDestroySync: u32 sync */
void glss_exec_glsDestroySync(struct glss_worker *w, struct gls_reader *r)
{
	uint32_t id = gls_get_u32(r);
	if (!gls_reader_done(r))
		return;
	EGLSync sync = glss_sync_lookup(w, id);
	if (sync == EGL_NO_SYNC)
		return;
	gls_idmap_remove(&w->syncs, id, NULL);
	eglDestroySync(w->display, sync);
}

/* wire glsClientWaitSync: u32 sync, i32 flags, i64 timeout (ns) -> reply
 * i32 EGL_CONDITION_SATISFIED, EGL_TIMEOUT_EXPIRED or EGL_FALSE. Only this
 * client's worker waits. */
void glss_exec_glsClientWaitSync(struct glss_worker *w, struct gls_reader *r)
{
	uint32_t id = gls_get_u32(r);
	EGLint flags = gls_get_i32(r);
	int64_t timeout = gls_get_i64(r);
	if (!gls_reader_done(r))
		return;
	EGLSync sync = glss_sync_lookup(w, id);
	if (sync == EGL_NO_SYNC)
		return;
	EGLint result = eglClientWaitSync(w->display, sync, flags & EGL_SYNC_FLUSH_COMMANDS_BIT,
					  timeout < 0 ? EGL_FOREVER : (EGLTime)timeout);
	glss_reply_i32(w, result);
}

/* wire glsWaitSync: u32 sync (the current context waits on the server) */
void glss_exec_glsWaitSync(struct glss_worker *w, struct gls_reader *r)
{
	uint32_t id = gls_get_u32(r);
	if (!gls_reader_done(r))
		return;
	EGLSync sync = glss_sync_lookup(w, id);
	if (sync != EGL_NO_SYNC && w->current)
		eglWaitSync(w->display, sync, 0);
}

/* wire glsGetSyncStatus: u32 sync -> reply i32 EGL_SIGNALED or EGL_UNSIGNALED */
void glss_exec_glsGetSyncStatus(struct glss_worker *w, struct gls_reader *r)
{
	uint32_t id = gls_get_u32(r);
	if (!gls_reader_done(r))
		return;
	EGLSync sync = glss_sync_lookup(w, id);
	if (sync == EGL_NO_SYNC)
		return;
	EGLAttrib status = EGL_UNSIGNALED;
	eglGetSyncAttrib(w->display, sync, EGL_SYNC_STATUS, &status);
	glss_reply_i32(w, (EGLint)status);
}
