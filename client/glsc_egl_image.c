/* EGL images from GL textures and renderbuffers (EGL_KHR_image_base,
 * EGL_KHR_gl_texture_2D_image, EGL_KHR_gl_texture_cubemap_image,
 * EGL_KHR_gl_renderbuffer_image; EGL 1.5's eglCreateImage) and their GL
 * consumers (GL_OES_EGL_image). An image lives in the worker, made by the
 * host EGL from the host object; the handle is a small id. Creation waits
 * for the worker's answer: only the host knows whether the texture level
 * or renderbuffer can be an image (EGL_BAD_MATCH, EGL_BAD_ACCESS...). */
#include <stdint.h>
#include <string.h>

#include "glsc_egl.h"
#include "glsc_gl.h"
#include "glsc_gl_generated.h"
#include "glsc_stream.h"
#include "gls_egl_image.h"
#include "gls_wire.h"

/* wire glsCreateImage: u32 new image id, u32 context, u32 target, u32
 *   client object name, i32 texture level, i32 preserved -> reply i32 EGL error */
static EGLImage glsc_image_create(EGLDisplay dpy, EGLContext context, EGLenum target, EGLClientBuffer buffer,
				  EGLint level, EGLint preserved, EGLint error)
{
	struct glsc_display *d = glsc_display_get(dpy);
	if (!d)
		return EGL_NO_IMAGE;
	if (error != EGL_SUCCESS) {
		glsc_fail(error);
		return EGL_NO_IMAGE;
	}
	if (!gls_egl_image_target_known(target)) {
		glsc_fail(EGL_BAD_PARAMETER); /* 3D textures: not offered */
		return EGL_NO_IMAGE;
	}
	glsc_lock();
	bool known = gls_idmap_get(&d->contexts, (uint32_t)(uintptr_t)context, NULL);
	glsc_unlock();
	if (!known) {
		glsc_fail(EGL_BAD_CONTEXT);
		return EGL_NO_IMAGE;
	}
	uintptr_t name = (uintptr_t)buffer;
	if (name == 0 || name > UINT32_MAX) {
		glsc_fail(EGL_BAD_PARAMETER); /* not an object name */
		return EGL_NO_IMAGE;
	}
	/* In the current context's stream, after the commands that made the
	 * object; without a current context the stream order is the same. */
	if (!glsc_gl_enter())
		glsc_lock();
	uint32_t id = glsc_next_object_id++;
	EGLint result = EGL_BAD_ALLOC;
	uint8_t *w = glsc_stream_begin_locked(GLS_OP_glsCreateImage, 24);
	if (w) {
		w = gls_put_u32(w, id);
		w = gls_put_u32(w, (uint32_t)(uintptr_t)context);
		w = gls_put_u32(w, target);
		w = gls_put_u32(w, (uint32_t)name);
		w = gls_put_i32(w, level);
		gls_put_i32(w, preserved);
	}
	const uint8_t *reply;
	size_t size;
	if (w && glsc_stream_wait_reply_locked(&reply, &size) && size == 4) {
		struct gls_reader r;
		gls_reader_init(&r, reply, size);
		result = gls_get_i32(&r);
	}
	if (result == EGL_SUCCESS)
		gls_idmap_put(&d->images, id, 1);
	glsc_unlock();
	if (result != EGL_SUCCESS) {
		glsc_fail(glsc_stream_lost() ? EGL_BAD_ALLOC : result);
		return EGL_NO_IMAGE;
	}
	glsc_succeed();
	return (EGLImage)(uintptr_t)id;
}

/* Image attributes: the texture level (textures only) and the
 * preserved flag; anything else is EGL_BAD_PARAMETER (KHR_image_base). */
static EGLint glsc_image_attrib(EGLenum target, EGLint name, EGLint value, EGLint *level, EGLint *preserved)
{
	switch (name) {
	case EGL_GL_TEXTURE_LEVEL_KHR:
		if (target == EGL_GL_RENDERBUFFER_KHR)
			return EGL_BAD_PARAMETER;
		*level = value;
		return EGL_SUCCESS;
	case EGL_IMAGE_PRESERVED_KHR:
		*preserved = value ? EGL_TRUE : EGL_FALSE;
		return EGL_SUCCESS;
	default:
		return EGL_BAD_PARAMETER;
	}
}

static EGLImageKHR glsc_eglCreateImageKHR(EGLDisplay dpy, EGLContext context, EGLenum target, EGLClientBuffer buffer,
					  const EGLint *attribs)
{
	EGLint level = 0, preserved = EGL_FALSE, error = EGL_SUCCESS;
	for (const EGLint *a = attribs; a && a[0] != EGL_NONE && error == EGL_SUCCESS; a += 2)
		error = glsc_image_attrib(target, a[0], a[1], &level, &preserved);
	return glsc_image_create(dpy, context, target, buffer, level, preserved, error);
}

static EGLImage glsc_eglCreateImage(EGLDisplay dpy, EGLContext context, EGLenum target, EGLClientBuffer buffer,
				    const EGLAttrib *attribs)
{
	EGLint level = 0, preserved = EGL_FALSE, error = EGL_SUCCESS;
	for (const EGLAttrib *a = attribs; a && a[0] != EGL_NONE && error == EGL_SUCCESS; a += 2)
		error = a[1] < INT32_MIN || a[1] > INT32_MAX
				? EGL_BAD_PARAMETER
				: glsc_image_attrib(target, (EGLint)a[0], (EGLint)a[1], &level, &preserved);
	return glsc_image_create(dpy, context, target, buffer, level, preserved, error);
}

/* wire glsDestroyImage: u32 image */
static EGLBoolean glsc_eglDestroyImage(EGLDisplay dpy, EGLImage image)
{
	struct glsc_display *d = glsc_display_get(dpy);
	if (!d)
		return EGL_FALSE;
	uint32_t id = (uint32_t)(uintptr_t)image;
	glsc_lock();
	bool known = gls_idmap_remove(&d->images, id, NULL);
	uint8_t *w = known ? glsc_stream_begin_locked(GLS_OP_glsDestroyImage, 4) : NULL;
	if (w)
		gls_put_u32(w, id);
	glsc_unlock();
	return known ? glsc_succeed() : glsc_fail(EGL_BAD_PARAMETER);
}

/* wire glEGLImageTargetTexture2DOES, glEGLImageTargetRenderbufferStorageOES:
 *   u32 target, u32 image id (the worker checks the id: images are shared
 *   by every context, and an unknown one is GL_INVALID_VALUE) */
static void glsc_image_target(uint16_t opcode, GLenum target, GLeglImageOES image)
{
	struct glsc_context *ctx = glsc_gl_enter();
	if (!ctx)
		return;
	uintptr_t id = (uintptr_t)image;
	uint8_t *w = glsc_begin(ctx, opcode, 8);
	if (w) {
		w = gls_put_u32(w, target);
		gls_put_u32(w, id > UINT32_MAX ? 0 : (uint32_t)id);
	}
	glsc_gl_leave();
}

void glsc_glEGLImageTargetTexture2DOES(GLenum target, GLeglImageOES image)
{
	glsc_image_target(GLS_OP_glEGLImageTargetTexture2DOES, target, image);
}

void glsc_glEGLImageTargetRenderbufferStorageOES(GLenum target, GLeglImageOES image)
{
	glsc_image_target(GLS_OP_glEGLImageTargetRenderbufferStorageOES, target, image);
}

#define GLSC_IMAGE_PROC(name) {#name, (void *)glsc_##name}
static const struct {
	const char *name;
	void *fn;
} glsc_image_procs[] = {
	GLSC_IMAGE_PROC(eglCreateImage),
	GLSC_IMAGE_PROC(eglCreateImageKHR),
	GLSC_IMAGE_PROC(eglDestroyImage),
	/* EGLImageKHR is EGLImage: the KHR destroy takes the same arguments. */
	{"eglDestroyImageKHR", (void *)glsc_eglDestroyImage},
};

void *glsc_egl_image_proc(const char *name)
{
	for (size_t i = 0; i < sizeof(glsc_image_procs) / sizeof(glsc_image_procs[0]); i++)
		if (strcmp(glsc_image_procs[i].name, name) == 0)
			return glsc_image_procs[i].fn;
	return NULL;
}
