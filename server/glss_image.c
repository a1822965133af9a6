/* EGL images of the client's GL textures (2D, cube map faces) and
 * renderbuffers, made by the host EGL from the host objects, and their use
 * by GL_OES_EGL_image. The client names an image by a small id; the host
 * handle never leaves the worker, and an id the client does not own never
 * reaches the driver. */
#include <EGL/egl.h>
#include <EGL/eglext.h>

#include "glss_egl.h"
#include "glss_gl_generated.h"
#include "gls_egl_image.h"
#include "gls_wire.h"

/* The host name of a live object of the context's share group, or 0. */
static GLuint glss_image_source(struct glss_context *c, enum gls_object_type type, uint32_t name)
{
	uint64_t host;
	if (!gls_idmap_get(&c->share->names[type], name, &host) || (host >> 32) != 0)
		return 0; /* unknown, or deleted by the client */
	return (GLuint)host;
}

/* wire glsCreateImage: u32 new image id, u32 context, u32 target, u32
 *   client object name, i32 texture level, i32 preserved -> reply i32 EGL error */
void glss_exec_glsCreateImage(struct glss_worker *w, struct gls_reader *r)
{
	uint32_t id = gls_get_u32(r), context_id = gls_get_u32(r), target = gls_get_u32(r);
	uint32_t name = gls_get_u32(r);
	EGLint level = gls_get_i32(r), preserved = gls_get_i32(r);
	if (!gls_reader_done(r))
		return;
	if (id == 0 || gls_idmap_get(&w->images, id, NULL)) {
		glss_fail(w, "image id %u is not new", id);
		return;
	}
	if (!gls_egl_image_target_known(target)) {
		glss_fail(w, "image target 0x%x", target);
		return;
	}
	struct glss_context *c = glss_context_lookup(w, context_id);
	if (!c)
		return;
	bool texture = target != EGL_GL_RENDERBUFFER_KHR;
	GLuint host_name = glss_image_source(c, texture ? GLS_OBJ_TEXTURE : GLS_OBJ_RENDERBUFFER, name);
	if (!host_name) {
		glss_reply_i32(w, EGL_BAD_PARAMETER);
		return;
	}
	const EGLAttrib attribs[] = {EGL_GL_TEXTURE_LEVEL, level, EGL_IMAGE_PRESERVED, preserved ? EGL_TRUE : EGL_FALSE,
				     EGL_NONE};
	const EGLAttrib *list = texture ? attribs : attribs + 2;
	EGLImage image = eglCreateImage(w->display, c->host, target, (EGLClientBuffer)(uintptr_t)host_name, list);
	if (image == EGL_NO_IMAGE) {
		glss_reply_i32(w, eglGetError());
		return;
	}
	if (!gls_idmap_put(&w->images, id, (uint64_t)(uintptr_t)image)) {
		eglDestroyImage(w->display, image);
		glss_fail(w, "out of memory for image %u", id);
		return;
	}
	glss_reply_i32(w, EGL_SUCCESS);
}

/* wire glsDestroyImage: u32 image */
void glss_exec_glsDestroyImage(struct glss_worker *w, struct gls_reader *r)
{
	uint32_t id = gls_get_u32(r);
	if (!gls_reader_done(r))
		return;
	uint64_t image;
	if (!gls_idmap_remove(&w->images, id, &image)) {
		glss_fail(w, "unknown image %u", id);
		return;
	}
	eglDestroyImage(w->display, (EGLImage)(uintptr_t)image);
}

static void glss_free_image(uint32_t id, uint64_t value, void *data)
{
	(void)id;
	struct glss_worker *w = data;
	eglDestroyImage(w->display, (EGLImage)(uintptr_t)value);
}

void glss_images_reset(struct glss_worker *w)
{
	gls_idmap_each(&w->images, glss_free_image, w);
	gls_idmap_free(&w->images);
	gls_idmap_init(&w->images);
}

/* wire glEGLImageTargetTexture2DOES, glEGLImageTargetRenderbufferStorageOES:
 *   u32 target, u32 image id. The target is checked here, since the
 *   driver would otherwise see an image handle for a target it rejects. */
static void glss_image_target(struct glss_worker *w, struct gls_reader *r, GLenum expected_target,
			      GLenum other_target, void (*fn)(GLenum, GLeglImageOES))
{
	GLenum target = gls_get_u32(r);
	uint32_t id = gls_get_u32(r);
	if (!gls_reader_done(r))
		return;
	if (!w->current) {
		glss_fail(w, "EGL image target without a current context");
		return;
	}
	if (!fn) {
		glss_fail(w, "the host has no GL_OES_EGL_image");
		return;
	}
	uint64_t image;
	if (target != expected_target && target != other_target)
		glss_set_error(w, GL_INVALID_ENUM);
	else if (!gls_idmap_get(&w->images, id, &image))
		glss_set_error(w, GL_INVALID_VALUE); /* not an EGL image (as Mesa reports) */
	else
		fn(target, (GLeglImageOES)(uintptr_t)image);
}

void glss_exec_glEGLImageTargetTexture2DOES(struct glss_worker *w, struct gls_reader *r)
{
	/* GL_TEXTURE_EXTERNAL_OES: GL_OES_EGL_image_external, which the client
	 * offers when the host has it (the driver rejects it otherwise). */
	glss_image_target(w, r, GL_TEXTURE_2D, GL_TEXTURE_EXTERNAL_OES, glss_ext.glEGLImageTargetTexture2DOES);
}

void glss_exec_glEGLImageTargetRenderbufferStorageOES(struct glss_worker *w, struct gls_reader *r)
{
	glss_image_target(w, r, GL_RENDERBUFFER, GL_RENDERBUFFER, glss_ext.glEGLImageTargetRenderbufferStorageOES);
}
