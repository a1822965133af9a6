/* Bulk data commands: buffers, buffer readback for mapping, textures,
 * glReadPixels. Sizes are recomputed here and must match the data sent. */
#include <stdlib.h>
#include <string.h>

#include "glss_gl_generated.h"
#include "glss_worker.h"
#include "gls_pixels.h"

/* Buffers larger than this are refused before reaching the driver. */
#define GLSS_MAX_BUFFER_SIZE (1ll << 31)

/* wire glBufferData: u32 target, i64 size, u32 usage, blob data */
void glss_exec_glBufferData(struct glss_worker *w, struct gls_reader *r)
{
	GLenum target = gls_get_u32(r);
	int64_t size = gls_get_i64(r);
	GLenum usage = gls_get_u32(r);
	uint32_t len;
	const void *data = gls_get_blob(r, &len);
	if (!gls_reader_done(r))
		return;
	if (size != len) {
		glss_fail(w, "glBufferData of %lld bytes carries %u", (long long)size, len);
		return;
	}
	if (!glss_check_enums_glBufferData(w, target, usage))
		return;
	glBufferData(target, (GLsizeiptr)size, data, usage);
}

/* wire glsBufferDataNull: u32 target, i64 size, u32 usage; the new buffer
 * is zero-filled so that nothing of the host leaks to the client */
void glss_exec_glsBufferDataNull(struct glss_worker *w, struct gls_reader *r)
{
	GLenum target = gls_get_u32(r);
	int64_t size = gls_get_i64(r);
	GLenum usage = gls_get_u32(r);
	if (!gls_reader_done(r) || !glss_check_enums_glBufferData(w, target, usage))
		return;
	if (size > GLSS_MAX_BUFFER_SIZE) {
		glss_set_error(w, GL_OUT_OF_MEMORY);
		return;
	}
	void *zeros = size > 0 ? calloc(1, (size_t)size) : NULL;
	if (size > 0 && !zeros) {
		glss_set_error(w, GL_OUT_OF_MEMORY);
		return;
	}
	glBufferData(target, (GLsizeiptr)size, zeros, usage);
	free(zeros);
}

/* wire glBufferSubData: u32 target, i64 offset, i64 size, blob data */
void glss_exec_glBufferSubData(struct glss_worker *w, struct gls_reader *r)
{
	GLenum target = gls_get_u32(r);
	int64_t offset = gls_get_i64(r);
	int64_t size = gls_get_i64(r);
	uint32_t len;
	const void *data = gls_get_blob(r, &len);
	if (!gls_reader_done(r))
		return;
	/* size <= 0 travels without data: the driver reports the error */
	if ((size > 0 && size != len) || (size <= 0 && len)) {
		glss_fail(w, "glBufferSubData of %lld bytes carries %u", (long long)size, len);
		return;
	}
	if (!glss_check_enums_glBufferSubData(w, target))
		return;
	glBufferSubData(target, (GLintptr)offset, (GLsizeiptr)size, size > 0 ? data : NULL);
}

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
	    (target != GL_ARRAY_BUFFER && target != GL_ELEMENT_ARRAY_BUFFER)) {
		glss_fail(w, "bad glsMapBufferRead");
		return;
	}
	uint8_t *p = glss_reply_begin(w, 4 + (size_t)length);
	if (!p)
		return;
	p = gls_put_u32(p, (uint32_t)length);
	memset(p, 0, (size_t)length);
	if (!length)
		return;
	const void *bytes = map_range(target, (GLintptr)offset, (GLsizeiptr)length, GL_MAP_READ_BIT_EXT);
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

static GLint glss_alignment(GLenum pname)
{
	GLint alignment = 4;
	glGetIntegerv(pname, &alignment);
	return alignment;
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
	if (!gls_reader_done(r) || !glss_check_enums_glTexImage2D(w, target, format, type))
		return;
	int64_t expected = gls_image_size(width, height, format, type, glss_alignment(GL_UNPACK_ALIGNMENT));
	if (expected <= 0 || expected != len) {
		glss_fail(w, "glTexImage2D of %dx%d carries %u bytes, not %lld", width, height, len, (long long)expected);
		return;
	}
	glTexImage2D(target, level, internalformat, width, height, border, format, type, pixels);
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
	if (!gls_reader_done(r) || !glss_check_enums_glTexImage2D(w, target, format, type))
		return;
	int64_t size = gls_image_size(width, height, format, type, glss_alignment(GL_UNPACK_ALIGNMENT));
	void *zeros = NULL;
	if (size > GLSS_MAX_BUFFER_SIZE) {
		glss_set_error(w, GL_OUT_OF_MEMORY);
		return;
	}
	if (size > 0 && !(zeros = calloc(1, (size_t)size))) {
		glss_set_error(w, GL_OUT_OF_MEMORY);
		return;
	}
	glTexImage2D(target, level, internalformat, width, height, border, format, type, zeros);
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
	if (!gls_reader_done(r) || !glss_check_enums_glTexSubImage2D(w, target, format, type))
		return;
	int64_t expected = gls_image_size(width, height, format, type, glss_alignment(GL_UNPACK_ALIGNMENT));
	if (expected < 0) {
		/* unknown format/type: the driver reports it and reads nothing */
		glTexSubImage2D(target, level, xoffset, yoffset, 0, 0, format, type, pixels);
		return;
	}
	if (expected != len) {
		glss_fail(w, "glTexSubImage2D of %dx%d carries %u bytes, not %lld", width, height, len, (long long)expected);
		return;
	}
	glTexSubImage2D(target, level, xoffset, yoffset, width, height, format, type, pixels);
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
	if (!gls_reader_done(r))
		return;
	if ((image_size > 0 ? (uint32_t)image_size : 0) != len) {
		glss_fail(w, "glCompressedTexImage2D of %d bytes carries %u", image_size, len);
		return;
	}
	if (!glss_check_enums_glCompressedTexImage2D(w, target, internalformat))
		return;
	glCompressedTexImage2D(target, level, internalformat, width, height, border, image_size, data);
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
	if (!gls_reader_done(r))
		return;
	if ((image_size > 0 ? (uint32_t)image_size : 0) != len) {
		glss_fail(w, "glCompressedTexSubImage2D of %d bytes carries %u", image_size, len);
		return;
	}
	if (!glss_check_enums_glCompressedTexSubImage2D(w, target, format))
		return;
	glCompressedTexSubImage2D(target, level, xoffset, yoffset, width, height, format, image_size, data);
}

/* wire glReadPixels: i32 x, i32 y, i32 width, i32 height, u32 format,
 *   u32 type -> reply blob laid out with the current GL_PACK_ALIGNMENT */
void glss_exec_glReadPixels(struct glss_worker *w, struct gls_reader *r)
{
	GLint x = gls_get_i32(r), y = gls_get_i32(r);
	GLsizei width = gls_get_i32(r), height = gls_get_i32(r);
	GLenum format = gls_get_u32(r), type = gls_get_u32(r);
	if (!gls_reader_done(r))
		return;
	if (!glss_check_enums_glReadPixels(w, format, type)) {
		uint8_t *p = glss_reply_begin(w, 4); /* answered: no pixels */
		if (p)
			gls_put_u32(p, 0);
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
	p = gls_put_u32(p, size > 0 ? (uint32_t)size : 0);
	if (size > 0) {
		memset(p, 0, (size_t)size);
		glReadPixels(x, y, width, height, format, type, p);
	} else {
		/* nothing to read, or a pair we do not know: let the driver
		 * validate the arguments without writing anything */
		uint8_t scratch[64] = {0};
		glReadPixels(x, y, size < 0 ? 0 : width, size < 0 ? 0 : height, format, type, scratch);
	}
}
