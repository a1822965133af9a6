/* OpenGL ES 3.2 layered attachments, multisample arrays and buffer images
 * (es3.2 layered) in the worker.
 *
 * glFramebufferTexture is generated (the texture name mapped as
 * glFramebufferTextureLayer's; targets, levels and attachments are the
 * driver's to judge). glTexStorage3DMultisample is counted against
 * --max-gl-memory as glTexStorage2DMultisample is, times its layers, and
 * zeroed through the worker's framebuffer with a layered attachment (a
 * clear reaches every layer: glss_clear_attachable). A buffer texture
 * bound to an image unit (imageBuffer) is written by shaders into its
 * buffer: its range is checked and the buffer marked written at every
 * draw and dispatch of a context that bound one. */
#include "glss_buffers.h"
#include "glss_framebuffers.h"
#include "glss_gl_generated.h"
#include "glss_layered.h"
#include "glss_memory.h"
#include "glss_tex32.h"
#include "gls_log.h"

/* wire glTexStorage3DMultisample: u32 target, i32 samples,
 *   u32 internalformat, i32 width, i32 height, i32 depth,
 *   u32 fixedsamplelocations */
void glss_exec_glTexStorage3DMultisample(struct glss_worker *w, struct gls_reader *r)
{
	GLenum target = gls_get_u32(r);
	GLsizei samples = gls_get_i32(r);
	GLenum internalformat = gls_get_u32(r);
	GLsizei width = gls_get_i32(r), height = gls_get_i32(r), depth = gls_get_i32(r);
	GLboolean fixed = gls_get_u32(r) != 0;
	if (!gls_reader_done(r) || !glss_check_enums_glTexStorage3DMultisample(w, target, internalformat))
		return;
	glss_collect_driver_error(w);
	if (!glss_texture_multisample_array_reserve(w, samples, internalformat, width, height, depth))
		return;
	glTexStorage3DMultisample(target, samples, internalformat, width, height, depth, fixed);
	bool ok = glss_driver_error(w) == GL_NO_ERROR;
	glss_texture_storage_done(w, ok);
	if (!ok)
		return;
	GLint texture = 0;
	glGetIntegerv(GL_TEXTURE_BINDING_2D_MULTISAMPLE_ARRAY, &texture);
	glss_clear_attachable(w->current, target, (GLuint)texture, internalformat);
}

/* ---- buffer textures in image units ---- */

/* The buffer a host texture views when it is a buffer texture (0: it is
 * not one, or views none), asked through the active unit's buffer texture
 * binding, restored after. The probe's GL_INVALID_OPERATION (a texture of
 * another target) is the worker's: errors the client has are kept first. */
static GLuint glss_texture_buffer_store(struct glss_worker *w, GLuint texture, GLint *offset, GLint *size)
{
	GLint saved = 0;
	*offset = *size = 0;
	/* a name never bound has no target yet: binding it would give it one */
	if (!texture || !glIsTexture(texture))
		return 0;
	glss_collect_driver_error(w);
	glGetIntegerv(GL_TEXTURE_BINDING_BUFFER, &saved);
	glBindTexture(GL_TEXTURE_BUFFER, texture);
	if (glGetError() != GL_NO_ERROR)
		return 0;
	GLuint store = glss_texture_buffer_view(offset, size);
	glBindTexture(GL_TEXTURE_BUFFER, (GLuint)saved);
	return store;
}

void glss_layered_image_bound(struct glss_worker *w, GLuint texture)
{
	struct glss_context *c = w->current;
	/* a name never bound has no target yet: binding it would give it one */
	if (!c || c->image_buffers || !texture || !glIsTexture(texture))
		return;
	/* a buffer texture (with a buffer or one to come) binds there */
	GLint saved = 0;
	glss_collect_driver_error(w);
	glGetIntegerv(GL_TEXTURE_BINDING_BUFFER, &saved);
	glBindTexture(GL_TEXTURE_BUFFER, texture);
	c->image_buffers = glGetError() == GL_NO_ERROR;
	glBindTexture(GL_TEXTURE_BUFFER, (GLuint)saved);
}

bool glss_layered_image_check(struct glss_worker *w)
{
	struct glss_context *c = w->current;
	if (!c || !c->image_buffers)
		return true;
	GLint units = 0;
	glGetIntegerv(GL_MAX_IMAGE_UNITS, &units);
	for (GLint u = 0; u < units; u++) {
		GLint texture = 0, access = GL_READ_ONLY, offset, size;
		glGetIntegeri_v(GL_IMAGE_BINDING_NAME, (GLuint)u, &texture);
		GLuint store = glss_texture_buffer_store(w, (GLuint)texture, &offset, &size);
		if (!store)
			continue;
		struct glss_buffer *b = glss_buffer_record(w, store);
		if (!b)
			return false; /* the worker is ending */
		/* glTexBuffer views the whole buffer whatever its size; a range
		 * of glTexBufferRange may lie outside it after glBufferData */
		if (c->texture_buffer_ranges && !glss_texture_buffer_view_fits(b, offset, size)) {
			gls_debug("draw refused: the buffer texture of image unit %d views a range outside its buffer", u);
			glss_set_error(w, GL_INVALID_OPERATION);
			return false;
		}
		glGetIntegeri_v(GL_IMAGE_BINDING_ACCESS, (GLuint)u, &access);
		if (access != GL_READ_ONLY)
			glss_buffer_gpu_written(b);
	}
	return true;
}
