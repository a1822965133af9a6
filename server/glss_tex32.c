/* OpenGL ES 3.2 textures (es3.2 tex32) the worker decodes by hand:
 * glCopyImageSubData, texture buffers and their draw-time range check.
 *
 * The regions are the driver's to check: ES 3.2 18.3.3 makes it raise
 * GL_INVALID_VALUE for any region outside either image (and for levels
 * and names that are not images), and Mesa does before touching memory;
 * the worker mirrors no texture sizes for it. Both images exist as
 * storage the worker zeroed when created (glss_memory.c), and a copy
 * allocates nothing. */
#include "glss_gl_generated.h"
#include "glss_buffers.h"
#include "glss_memory.h"
#include "glss_tex32.h"
#include "gls_log.h"

/* wire glCopyImageSubData: u32 srcName, u32 srcTarget, i32 srcLevel, i32
 * srcX, srcY, srcZ, u32 dstName, u32 dstTarget, i32 dstLevel, i32 dstX,
 * dstY, dstZ, i32 srcWidth, srcHeight, srcDepth */
void glss_exec_glCopyImageSubData(struct glss_worker *w, struct gls_reader *r)
{
	GLuint src = gls_get_u32(r);
	GLenum src_target = gls_get_u32(r);
	GLint src_level = gls_get_i32(r), src_x = gls_get_i32(r), src_y = gls_get_i32(r), src_z = gls_get_i32(r);
	GLuint dst = gls_get_u32(r);
	GLenum dst_target = gls_get_u32(r);
	GLint dst_level = gls_get_i32(r), dst_x = gls_get_i32(r), dst_y = gls_get_i32(r), dst_z = gls_get_i32(r);
	GLsizei width = gls_get_i32(r), height = gls_get_i32(r), depth = gls_get_i32(r);
	if (!gls_reader_done(r))
		return;
	/* names as the client mapped them: a renderbuffer's for
	 * GL_RENDERBUFFER, else a texture's (a bad target is the driver's
	 * GL_INVALID_ENUM, whatever the name) */
	if (!glss_name_map(w, src_target == GL_RENDERBUFFER ? GLS_OBJ_RENDERBUFFER : GLS_OBJ_TEXTURE, GLSS_NAME_USE,
			   &src) ||
	    !glss_name_map(w, dst_target == GL_RENDERBUFFER ? GLS_OBJ_RENDERBUFFER : GLS_OBJ_TEXTURE, GLSS_NAME_USE,
			   &dst))
		return;
	glCopyImageSubData(src, src_target, src_level, src_x, src_y, src_z, dst, dst_target, dst_level, dst_x, dst_y,
			   dst_z, width, height, depth);
}

/* ---- texture buffers ----
 * A buffer texture is a view of its buffer: no storage of its own to count
 * or zero. glTexBuffer views the whole buffer at any size; a range of
 * glTexBufferRange is checked against the buffer's size when made (the
 * worker's record, before the driver) and, since glBufferData can shrink
 * the buffer afterwards, again before every draw of a context that made
 * one (glss_tex32_draw_check). */

/* wire glTexBuffer: u32 target, u32 internalformat, u32 buffer
 * wire glTexBufferRange: the same, then i64 offset, i64 size */
static void glss_tex_buffer(struct glss_worker *w, struct gls_reader *r, bool ranged)
{
	GLenum target = gls_get_u32(r), internalformat = gls_get_u32(r);
	GLuint buffer = gls_get_u32(r);
	int64_t offset = ranged ? gls_get_i64(r) : 0, size = ranged ? gls_get_i64(r) : 0;
	if (!gls_reader_done(r) || !glss_check_enums_glTexBuffer(w, target) ||
	    !glss_name_map(w, GLS_OBJ_BUFFER, GLSS_NAME_USE, &buffer))
		return;
	if (!ranged) {
		glTexBuffer(target, internalformat, buffer);
		return;
	}
	/* a range outside the buffer: GL_INVALID_VALUE (ES 3.2 8.9.2), as the
	 * driver raises it; negative and unaligned values, and names of no
	 * buffer (GL_INVALID_OPERATION), are its to judge */
	if (buffer && offset >= 0 && size > 0 && glIsBuffer(buffer)) {
		struct glss_buffer *b = glss_buffer_record(w, buffer);
		if (!b)
			return;
		uint64_t buffer_size = glss_buffer_size(b);
		if ((uint64_t)offset > buffer_size || (uint64_t)size > buffer_size - (uint64_t)offset) {
			glss_set_error(w, GL_INVALID_VALUE);
			return;
		}
	}
	w->current->texture_buffer_ranges = true;
	glTexBufferRange(target, internalformat, buffer, (GLintptr)offset, (GLsizeiptr)size);
}

void glss_exec_glTexBuffer(struct glss_worker *w, struct gls_reader *r)
{
	glss_tex_buffer(w, r, false);
}

void glss_exec_glTexBufferRange(struct glss_worker *w, struct gls_reader *r)
{
	glss_tex_buffer(w, r, true);
}

GLuint glss_texture_buffer_view(GLint *offset, GLint *size)
{
	GLint store = 0;
	*offset = *size = 0;
	glGetTexLevelParameteriv(GL_TEXTURE_BUFFER, 0, GL_TEXTURE_BUFFER_DATA_STORE_BINDING, &store);
	if (!store)
		return 0;
	glGetTexLevelParameteriv(GL_TEXTURE_BUFFER, 0, GL_TEXTURE_BUFFER_OFFSET, offset);
	glGetTexLevelParameteriv(GL_TEXTURE_BUFFER, 0, GL_TEXTURE_BUFFER_SIZE, size);
	return (GLuint)store;
}

bool glss_texture_buffer_view_fits(const struct glss_buffer *b, GLint offset, GLint size)
{
	uint64_t buffer_size = b ? glss_buffer_size(b) : 0;
	return offset >= 0 && size >= 0 && (uint64_t)offset <= buffer_size &&
	       (uint64_t)size <= buffer_size - (uint64_t)offset;
}

/* The range the buffer texture bound to the active unit views lies inside
 * its buffer (or it views none). */
static bool glss_texture_buffer_range_ok(struct glss_worker *w)
{
	GLint texture = 0, offset, size;
	glGetIntegerv(GL_TEXTURE_BINDING_BUFFER, &texture);
	if (!texture)
		return true;
	GLuint store = glss_texture_buffer_view(&offset, &size);
	return !store || glss_texture_buffer_view_fits(glss_buffer_record(w, store), offset, size);
}

bool glss_tex32_draw_check(struct glss_worker *w)
{
	struct glss_context *c = w->current;
	if (!c || !c->texture_buffer_ranges)
		return true; /* whole-buffer views always fit */
	GLint units = 0, active = GL_TEXTURE0;
	glGetIntegerv(GL_MAX_COMBINED_TEXTURE_IMAGE_UNITS, &units);
	glGetIntegerv(GL_ACTIVE_TEXTURE, &active);
	bool ok = true;
	for (GLint u = 0; u < units && ok; u++) {
		glActiveTexture(GL_TEXTURE0 + (GLenum)u);
		ok = glss_texture_buffer_range_ok(w);
		if (!ok)
			gls_debug("draw refused: the buffer texture of unit %d views a range outside its buffer", u);
	}
	glActiveTexture((GLenum)active);
	if (!ok)
		glss_set_error(w, GL_INVALID_OPERATION);
	return ok;
}
