/* Bulk data commands: buffer readback for mapping, textures,
 * renderbuffer storage, copies, glReadPixels. Sizes are recomputed here
 * and must match the data sent. Everything the client can read back has
 * defined contents: new texture levels, renderbuffers and copies from
 * outside the framebuffer are zero (docs/security.md). Buffer data is in
 * glss_buffers.c. */
#include <stdlib.h>
#include <string.h>

#include "glss_buffers.h"
#include "glss_framebuffers.h"
#include "glss_gl_generated.h"
#include "glss_memory.h"
#include "glss_pixels.h"
#include "glss_worker.h"
#include "gls_pixels.h"

/* wire glsMapBufferRead: u32 target, i64 offset, i64 length -> reply blob */
void glss_exec_glsMapBufferRead(struct glss_worker *w, struct gls_reader *r)
{
	static PFNGLMAPBUFFERRANGEEXTPROC map_range;
	static PFNGLUNMAPBUFFEROESPROC unmap;
	GLenum target = gls_get_u32(r);
	int64_t offset = gls_get_i64(r);
	int64_t length = gls_get_i64(r);
	if (!gls_reader_done(r))
		return;
	if (!map_range) {
		map_range = (PFNGLMAPBUFFERRANGEEXTPROC)eglGetProcAddress("glMapBufferRangeEXT");
		unmap = (PFNGLUNMAPBUFFEROESPROC)eglGetProcAddress("glUnmapBufferOES");
	}
	if (!map_range || !unmap || offset < 0 || length < 0 || length > GLS_MAX_MESSAGE - 64 ||
	    !glss_valid_BufferTargetARB(w, target)) {
		glss_fail(w, "bad glsMapBufferRead");
		return;
	}
	/* the client checked the range: outside the buffer, zeros */
	struct glss_buffer *b = glss_buffer_bound(w, target);
	bool inside = b && (uint64_t)offset <= glss_buffer_size(b) &&
		      (uint64_t)length <= glss_buffer_size(b) - (uint64_t)offset;
	uint8_t *p = glss_reply_begin(w, 4 + (size_t)length);
	if (!p)
		return;
	p = gls_put_u32(p, (uint32_t)length);
	memset(p, 0, (size_t)length);
	if (!length)
		return;
	const void *bytes = inside ? map_range(target, (GLintptr)offset, (GLsizeiptr)length, GL_MAP_READ_BIT_EXT)
				   : NULL;
	if (bytes) {
		memcpy(p, bytes, (size_t)length);
		unmap(target);
	} else {
		glGetError(); /* the client checked the range: nothing to report */
	}
}

/* wire glPixelStorei: u32 pname, i32 param. Only the ES 2.0 alignments:
 * a row length or skip would make the driver read or write other bytes
 * than the sizes checked here. (EXT_unpack_subimage is applied by the
 * client, which sends the rows packed.) */
void glss_exec_glPixelStorei(struct glss_worker *w, struct gls_reader *r)
{
	GLenum pname = gls_get_u32(r);
	GLint param = gls_get_i32(r);
	if (!gls_reader_done(r) || !glss_check_enums_glPixelStorei(w, pname))
		return;
	glPixelStorei(pname, param);
}

GLint glss_alignment(GLenum pname)
{
	GLint alignment = 4;
	glGetIntegerv(pname, &alignment);
	return alignment;
}

/* glTexImage2D, counted against --max-gl-memory. */
static void glss_tex_image(struct glss_worker *w, GLenum target, GLint level, GLint internalformat, GLsizei width,
			   GLsizei height, GLint border, GLenum format, GLenum type, const void *pixels)
{
	int64_t bytes = gls_image_size(width, height, format, type, 1);
	glss_collect_driver_error(w);
	if (!glss_texture_level_reserve(w, target, level, width, height, bytes > 0 ? (uint64_t)bytes : 0))
		return;
	glTexImage2D(target, level, internalformat, width, height, border, format, type, pixels);
	glss_texture_level_done(w, glss_driver_error(w) == GL_NO_ERROR);
}

/* wire glTexImage2D: u32 target, i32 level, i32 internalformat, i32 width,
 *   i32 height, i32 border, u32 format, u32 type, blob pixels */
void glss_exec_glTexImage2D(struct glss_worker *w, struct gls_reader *r)
{
	GLenum target = gls_get_u32(r);
	GLint level = gls_get_i32(r), internalformat = gls_get_i32(r);
	GLsizei width = gls_get_i32(r), height = gls_get_i32(r);
	GLint border = gls_get_i32(r);
	GLenum format = gls_get_u32(r), type = gls_get_u32(r);
	uint32_t len;
	const void *pixels = gls_get_blob(r, &len);
	if (!gls_reader_done(r) || !glss_client_memory_transfer(w, GL_PIXEL_UNPACK_BUFFER) ||
	    !glss_check_enums_glTexImage2D(w, target, format, type))
		return;
	int64_t expected = gls_image_size(width, height, format, type, glss_alignment(GL_UNPACK_ALIGNMENT));
	if (expected <= 0 || expected != len) {
		glss_fail(w, "glTexImage2D of %dx%d carries %u bytes, not %lld", width, height, len, (long long)expected);
		return;
	}
	glss_tex_image(w, target, level, internalformat, width, height, border, format, type, pixels);
}

/* wire glsTexImage2DNull: glTexImage2D without pixels; known formats get
 * zeros so that undefined texels never show host memory */
void glss_exec_glsTexImage2DNull(struct glss_worker *w, struct gls_reader *r)
{
	GLenum target = gls_get_u32(r);
	GLint level = gls_get_i32(r), internalformat = gls_get_i32(r);
	GLsizei width = gls_get_i32(r), height = gls_get_i32(r);
	GLint border = gls_get_i32(r);
	GLenum format = gls_get_u32(r), type = gls_get_u32(r);
	if (!gls_reader_done(r) || !glss_client_memory_transfer(w, GL_PIXEL_UNPACK_BUFFER) ||
	    !glss_check_enums_glTexImage2D(w, target, format, type))
		return;
	int64_t size = gls_image_size(width, height, format, type, glss_alignment(GL_UNPACK_ALIGNMENT));
	int64_t bytes = gls_image_size(width, height, format, type, 1);
	void *zeros = NULL;
	glss_collect_driver_error(w);
	if (!glss_texture_level_reserve(w, target, level, width, height, bytes > 0 ? (uint64_t)bytes : 0))
		return;
	if (size > GLSS_MAX_BUFFER_SIZE || (size > 0 && !(zeros = calloc(1, (size_t)size)))) {
		glss_texture_level_done(w, false);
		glss_set_error(w, GL_OUT_OF_MEMORY);
		return;
	}
	glTexImage2D(target, level, internalformat, width, height, border, format, type, zeros);
	glss_texture_level_done(w, glss_driver_error(w) == GL_NO_ERROR);
	free(zeros);
}

/* wire glTexSubImage2D: u32 target, i32 level, i32 xoffset, i32 yoffset,
 *   i32 width, i32 height, u32 format, u32 type, blob pixels */
void glss_exec_glTexSubImage2D(struct glss_worker *w, struct gls_reader *r)
{
	GLenum target = gls_get_u32(r);
	GLint level = gls_get_i32(r), xoffset = gls_get_i32(r), yoffset = gls_get_i32(r);
	GLsizei width = gls_get_i32(r), height = gls_get_i32(r);
	GLenum format = gls_get_u32(r), type = gls_get_u32(r);
	uint32_t len;
	const void *pixels = gls_get_blob(r, &len);
	if (!gls_reader_done(r) || !glss_client_memory_transfer(w, GL_PIXEL_UNPACK_BUFFER) ||
	    !glss_check_enums_glTexSubImage2D(w, target, format, type))
		return;
	int64_t expected = gls_image_size(width, height, format, type, glss_alignment(GL_UNPACK_ALIGNMENT));
	if (expected < 0) {
		/* unknown format/type: the driver reports it and reads nothing */
		glTexSubImage2D(target, level, xoffset, yoffset, 0, 0, format, type, pixels);
		return;
	}
	if (len && expected != len) {
		glss_fail(w, "glTexSubImage2D of %dx%d carries %u bytes, not %lld", width, height, len, (long long)expected);
		return;
	}
	/* no bytes: the application's NULL, which writes nothing */
	glTexSubImage2D(target, level, xoffset, yoffset, width, height, format, type, len ? pixels : NULL);
}

/* wire glCompressedTexImage2D: u32 target, i32 level, u32 internalformat,
 *   i32 width, i32 height, i32 border, i32 imageSize, blob data */
void glss_exec_glCompressedTexImage2D(struct glss_worker *w, struct gls_reader *r)
{
	GLenum target = gls_get_u32(r);
	GLint level = gls_get_i32(r);
	GLenum internalformat = gls_get_u32(r);
	GLsizei width = gls_get_i32(r), height = gls_get_i32(r);
	GLint border = gls_get_i32(r);
	GLsizei image_size = gls_get_i32(r);
	uint32_t len;
	const void *data = gls_get_blob(r, &len);
	if (!gls_reader_done(r) || !glss_client_memory_transfer(w, GL_PIXEL_UNPACK_BUFFER))
		return;
	if (len && (image_size > 0 ? (uint32_t)image_size : 0) != len) {
		glss_fail(w, "glCompressedTexImage2D of %d bytes carries %u", image_size, len);
		return;
	}
	if (!glss_check_enums_glCompressedTexImage2D(w, target, internalformat))
		return;
	glss_collect_driver_error(w);
	if (!glss_texture_level_reserve(w, target, level, width, height,
					glss_compressed_bytes(internalformat, width, height, 1, image_size)))
		return;
	/* no bytes: the application's NULL (or an image sent in pieces next):
	 * zero blocks, so that the level's contents are defined */
	void *zeros = NULL;
	if (!len && !glss_compressed_zeros(w, internalformat, width, height, 1, image_size, &zeros)) {
		glss_texture_level_done(w, false);
		return;
	}
	glCompressedTexImage2D(target, level, internalformat, width, height, border, image_size, len ? data : zeros);
	glss_texture_level_done(w, glss_driver_error(w) == GL_NO_ERROR);
	free(zeros);
}

/* wire glCompressedTexSubImage2D: u32 target, i32 level, i32 xoffset,
 *   i32 yoffset, i32 width, i32 height, u32 format, i32 imageSize, blob data */
void glss_exec_glCompressedTexSubImage2D(struct glss_worker *w, struct gls_reader *r)
{
	GLenum target = gls_get_u32(r);
	GLint level = gls_get_i32(r), xoffset = gls_get_i32(r), yoffset = gls_get_i32(r);
	GLsizei width = gls_get_i32(r), height = gls_get_i32(r);
	GLenum format = gls_get_u32(r);
	GLsizei image_size = gls_get_i32(r);
	uint32_t len;
	const void *data = gls_get_blob(r, &len);
	if (!gls_reader_done(r) || !glss_client_memory_transfer(w, GL_PIXEL_UNPACK_BUFFER))
		return;
	if (len && (image_size > 0 ? (uint32_t)image_size : 0) != len) {
		glss_fail(w, "glCompressedTexSubImage2D of %d bytes carries %u", image_size, len);
		return;
	}
	if (!glss_check_enums_glCompressedTexSubImage2D(w, target))
		return;
	/* no bytes: the application's NULL, which writes nothing */
	glCompressedTexSubImage2D(target, level, xoffset, yoffset, width, height, format, image_size, len ? data : NULL);
}

/* wire glReadPixels: i32 x, i32 y, i32 width, i32 height, u32 format,
 *   u32 type -> reply blob laid out with the current GL_PACK_ALIGNMENT */
void glss_exec_glReadPixels(struct glss_worker *w, struct gls_reader *r)
{
	GLint x = gls_get_i32(r), y = gls_get_i32(r);
	GLsizei width = gls_get_i32(r), height = gls_get_i32(r);
	GLenum format = gls_get_u32(r), type = gls_get_u32(r);
	if (!gls_reader_done(r) || !glss_client_memory_transfer(w, GL_PIXEL_PACK_BUFFER))
		return;
	if (!glss_check_enums_glReadPixels(w, format, type)) {
		glss_reply_i32(w, 0); /* answered: no pixels */
		return;
	}
	if (glss_read_buffer_missing(w)) {
		glss_reply_i32(w, 0);
		return;
	}
	int64_t size = gls_image_size(width, height, format, type, glss_alignment(GL_PACK_ALIGNMENT));
	if (size > GLS_MAX_MESSAGE - 64) {
		glss_set_error(w, GL_OUT_OF_MEMORY);
		size = -1;
	}
	uint8_t *p = glss_reply_begin(w, 4 + (size > 0 ? (size_t)size : 0));
	if (!p)
		return;
	uint8_t *size_word = p;
	p = gls_put_u32(p, size > 0 ? (uint32_t)size : 0);
	if (size > 0) {
		memset(p, 0, (size_t)size);
		/* GL leaves the client's memory alone on an error: no pixels then
		 * (the reply keeps its size; the client copies nothing) */
		glss_collect_driver_error(w);
		glReadPixels(x, y, width, height, format, type, p);
		if (glss_driver_error(w) != GL_NO_ERROR)
			gls_put_u32(size_word, 0);
	} else {
		/* nothing to read, or a pair we do not know: let the driver
		 * validate the arguments without writing anything */
		uint8_t scratch[64] = {0};
		glReadPixels(x, y, size < 0 ? 0 : width, size < 0 ? 0 : height, format, type, scratch);
	}
}

/* wire glRenderbufferStorage: u32 target, u32 internalformat, i32 width,
 *   i32 height. Counted against --max-gl-memory; the contents are zero. */
void glss_exec_glRenderbufferStorage(struct glss_worker *w, struct gls_reader *r)
{
	GLenum target = gls_get_u32(r);
	GLenum internalformat = gls_get_u32(r);
	GLsizei width = gls_get_i32(r), height = gls_get_i32(r);
	if (!gls_reader_done(r) || !glss_check_enums_glRenderbufferStorage(w, target, internalformat))
		return;
	glss_renderbuffer_storage(w, target, -1, internalformat, width, height);
}

/* The size of the framebuffer copies read from, when the worker knows it. */
static bool glss_read_framebuffer_size(struct glss_worker *w, GLsizei *width, GLsizei *height)
{
	GLint type = GL_NONE, name = 0, level = 0, face = 0;
	GLuint framebuffer = glss_read_framebuffer();
	if (!framebuffer) {
		if (!w->read)
			return false;
		*width = w->read->width;
		*height = w->read->height;
		return true;
	}
	/* The attachment GL_READ_BUFFER names: the framebuffer is no larger
	 * (ES 3.0 allows attachments of different sizes; it is the smallest).
	 * The queries run only on an attachment that is there: on an empty
	 * one they are errors. */
	GLenum target = glss_host_es3() ? GL_READ_FRAMEBUFFER : GL_FRAMEBUFFER;
	GLenum attachment = glss_read_attachment(framebuffer);
	if (attachment == GL_NONE)
		return false;
	glGetFramebufferAttachmentParameteriv(target, attachment, GL_FRAMEBUFFER_ATTACHMENT_OBJECT_TYPE, &type);
	if (type != GL_RENDERBUFFER && type != GL_TEXTURE)
		return false;
	glGetFramebufferAttachmentParameteriv(target, attachment, GL_FRAMEBUFFER_ATTACHMENT_OBJECT_NAME, &name);
	if (type == GL_RENDERBUFFER)
		return glss_renderbuffer_size(w, (GLuint)name, width, height);
	glGetFramebufferAttachmentParameteriv(target, attachment, GL_FRAMEBUFFER_ATTACHMENT_TEXTURE_LEVEL, &level);
	glGetFramebufferAttachmentParameteriv(target, attachment, GL_FRAMEBUFFER_ATTACHMENT_TEXTURE_CUBE_MAP_FACE, &face);
	return glss_texture_level_size(w, (GLuint)name, face ? (GLenum)face : GL_TEXTURE_2D, level, width, height);
}

bool glss_clip_copy(struct glss_worker *w, GLint *dx, GLint *dy, GLint *x, GLint *y, GLsizei *width,
			    GLsizei *height)
{
	GLsizei fb_width, fb_height;
	if (!glss_read_framebuffer_size(w, &fb_width, &fb_height))
		return false;
	int64_t x0 = *x, y0 = *y, x1 = (int64_t)*x + *width, y1 = (int64_t)*y + *height;
	int64_t cx0 = x0 < 0 ? 0 : x0, cy0 = y0 < 0 ? 0 : y0;
	int64_t cx1 = x1 > fb_width ? fb_width : x1, cy1 = y1 > fb_height ? fb_height : y1;
	if (cx0 >= cx1 || cy0 >= cy1) {
		*width = *height = 0;
		return true;
	}
	*dx += (GLint)(cx0 - x0);
	*dy += (GLint)(cy0 - y0);
	*x = (GLint)cx0;
	*y = (GLint)cy0;
	*width = (GLsizei)(cx1 - cx0);
	*height = (GLsizei)(cy1 - cy0);
	return true;
}

/* wire glCopyTexImage2D: u32 target, i32 level, u32 internalformat, i32 x,
 *   i32 y, i32 width, i32 height, i32 border. Texels whose source lies
 *   outside the read framebuffer are zero: the level is specified, then
 *   zeroed and the part inside copied again. */
void glss_exec_glCopyTexImage2D(struct glss_worker *w, struct gls_reader *r)
{
	GLenum target = gls_get_u32(r);
	GLint level = gls_get_i32(r);
	GLenum internalformat = gls_get_u32(r);
	GLint x = gls_get_i32(r), y = gls_get_i32(r);
	GLsizei width = gls_get_i32(r), height = gls_get_i32(r);
	GLint border = gls_get_i32(r);
	if (!gls_reader_done(r) || !glss_check_enums_glCopyTexImage2D(w, target) || glss_read_buffer_missing(w))
		return;
	/* unsized formats take their own name as format; ES 3.0's sized
	 * ones the pair that uploads them */
	GLenum zero_format = internalformat, zero_type = GL_UNSIGNED_BYTE;
	unsigned texel = gls_internalformat_texel(internalformat, &zero_format, &zero_type);
	int64_t bytes = gls_image_size(width, height, zero_format, zero_type, 1);
	if (texel && bytes > 0)
		bytes = (int64_t)width * height * texel;
	glss_collect_driver_error(w);
	if (!glss_texture_level_reserve(w, target, level, width, height, bytes > 0 ? (uint64_t)bytes : 0))
		return;
	glCopyTexImage2D(target, level, internalformat, x, y, width, height, border);
	bool ok = glss_driver_error(w) == GL_NO_ERROR;
	glss_texture_level_done(w, ok);
	GLint dx = 0, dy = 0, cx = x, cy = y;
	GLsizei cw = width, ch = height;
	if (!ok || bytes <= 0 || !glss_clip_copy(w, &dx, &dy, &cx, &cy, &cw, &ch) || (cw == width && ch == height))
		return;
	/* part of the source is outside: zero, then copy what is inside */
	glss_zero_level(w, target, level, width, height, 1, zero_format, zero_type);
	if (cw && ch)
		glCopyTexSubImage2D(target, level, dx, dy, cx, cy, cw, ch);
}

/* wire glCopyTexSubImage2D: u32 target, i32 level, i32 xoffset,
 *   i32 yoffset, i32 x, i32 y, i32 width, i32 height. Texels whose source
 *   lies outside the read framebuffer are left as they were (defined:
 *   every level starts zeroed). */
void glss_exec_glCopyTexSubImage2D(struct glss_worker *w, struct gls_reader *r)
{
	GLenum target = gls_get_u32(r);
	GLint level = gls_get_i32(r), xoffset = gls_get_i32(r), yoffset = gls_get_i32(r);
	GLint x = gls_get_i32(r), y = gls_get_i32(r);
	GLsizei width = gls_get_i32(r), height = gls_get_i32(r);
	if (!gls_reader_done(r) || !glss_check_enums_glCopyTexSubImage2D(w, target) || glss_read_buffer_missing(w))
		return;
	GLint texture = 0;
	GLsizei level_width, level_height;
	GLint dx = xoffset, dy = yoffset, cx = x, cy = y;
	GLsizei cw = width, ch = height;
	GLenum binding = target == GL_TEXTURE_2D ? GL_TEXTURE_BINDING_2D : GL_TEXTURE_BINDING_CUBE_MAP;
	glGetIntegerv(binding, &texture);
	/* Clipped only when the arguments are valid for the level: clipping
	 * must not hide an error the driver reports. */
	if (w->current && width >= 0 && height >= 0 && xoffset >= 0 && yoffset >= 0 &&
	    glss_texture_level_size(w, (GLuint)texture, target, level, &level_width, &level_height) &&
	    (int64_t)xoffset + width <= level_width && (int64_t)yoffset + height <= level_height &&
	    glss_clip_copy(w, &dx, &dy, &cx, &cy, &cw, &ch)) {
		if (!cw || !ch)
			cw = ch = 0; /* still validated by the driver, copies nothing */
		glCopyTexSubImage2D(target, level, dx, dy, cx, cy, cw, ch);
		return;
	}
	glCopyTexSubImage2D(target, level, xoffset, yoffset, x, y, width, height);
}
