/* OpenGL ES 3.0 textures: 3D and 2D array images, immutable storage,
 * uploads from pixel unpack buffers and glReadPixels into pixel pack
 * buffers. As for 2D images (glss_gl_data.c), sizes are recomputed here,
 * new storage is counted against --max-gl-memory and starts zeroed, and
 * the host's row length, image height and skips stay 0 except during a
 * pixel buffer transfer whose every byte was checked against the buffer. */
#include <stdlib.h>
#include <string.h>

#include "glss_buffers.h"
#include "glss_gl_generated.h"
#include "glss_memory.h"
#include "glss_pixels.h"
#include "glss_worker.h"
#include "gls_pixels.h"

static bool glss_es3(struct glss_worker *w)
{
	return glss_advertised(w, GLS_EXT_BIT(GL_ES_VERSION_3_0));
}

/* ---- 3D images from client memory ---- */

/* glTexImage3D, counted against --max-gl-memory. */
static void glss_tex_image_3d(struct glss_worker *w, GLenum target, GLint level, GLint internalformat, GLsizei width,
			      GLsizei height, GLsizei depth, GLint border, GLenum format, GLenum type,
			      const void *pixels)
{
	int64_t bytes = gls_image_size_3d(width, height, depth, format, type, 1);
	glss_collect_driver_error(w);
	if (!glss_texture_level_reserve_3d(w, target, level, width, height, depth, bytes > 0 ? (uint64_t)bytes : 0))
		return;
	glTexImage3D(target, level, internalformat, width, height, depth, border, format, type, pixels);
	bool ok = glss_driver_error(w) == GL_NO_ERROR;
	glss_texture_level_done(w, ok);
	if (ok && !pixels)
		glss_zero_level(w, target, level, width, height, depth, format, type);
}

/* wire glTexImage3D: u32 target, i32 level, i32 internalformat, i32 width,
 *   i32 height, i32 depth, i32 border, u32 format, u32 type, blob pixels
 *   (depth images of height rows packed with GL_UNPACK_ALIGNMENT)
 * wire glsTexImage3DNull: the same without the blob (zeros) */
static void glss_tex_image_3d_command(struct glss_worker *w, struct gls_reader *r, bool with_pixels)
{
	GLenum target = gls_get_u32(r);
	GLint level = gls_get_i32(r), internalformat = gls_get_i32(r);
	GLsizei width = gls_get_i32(r), height = gls_get_i32(r), depth = gls_get_i32(r);
	GLint border = gls_get_i32(r);
	GLenum format = gls_get_u32(r), type = gls_get_u32(r);
	uint32_t len = 0;
	const void *pixels = with_pixels ? gls_get_blob(r, &len) : NULL;
	if (!gls_reader_done(r))
		return;
	if (!glss_es3(w)) {
		glss_fail(w, "glsTexImage3DNull outside OpenGL ES 3.0");
		return;
	}
	if (!glss_client_memory_transfer(w, GL_PIXEL_UNPACK_BUFFER) ||
	    !glss_check_enums_glTexImage3D(w, target, format, type))
		return;
	int64_t expected = gls_image_size_3d(width, height, depth, format, type, glss_alignment(GL_UNPACK_ALIGNMENT));
	if (with_pixels && (expected <= 0 || expected != len)) {
		glss_fail(w, "glTexImage3D of %dx%dx%d carries %u bytes, not %lld", width, height, depth, len,
			  (long long)expected);
		return;
	}
	glss_tex_image_3d(w, target, level, internalformat, width, height, depth, border, format, type, pixels);
}

void glss_exec_glTexImage3D(struct glss_worker *w, struct gls_reader *r)
{
	glss_tex_image_3d_command(w, r, true);
}

void glss_exec_glsTexImage3DNull(struct glss_worker *w, struct gls_reader *r)
{
	glss_tex_image_3d_command(w, r, false);
}

/* wire glTexSubImage3D: u32 target, i32 level, i32 xoffset, i32 yoffset,
 *   i32 zoffset, i32 width, i32 height, i32 depth, u32 format, u32 type,
 *   blob pixels */
void glss_exec_glTexSubImage3D(struct glss_worker *w, struct gls_reader *r)
{
	GLenum target = gls_get_u32(r);
	GLint level = gls_get_i32(r), xoffset = gls_get_i32(r), yoffset = gls_get_i32(r), zoffset = gls_get_i32(r);
	GLsizei width = gls_get_i32(r), height = gls_get_i32(r), depth = gls_get_i32(r);
	GLenum format = gls_get_u32(r), type = gls_get_u32(r);
	uint32_t len;
	const void *pixels = gls_get_blob(r, &len);
	if (!gls_reader_done(r) || !glss_client_memory_transfer(w, GL_PIXEL_UNPACK_BUFFER) ||
	    !glss_check_enums_glTexSubImage3D(w, target, format, type))
		return;
	int64_t expected = gls_image_size_3d(width, height, depth, format, type, glss_alignment(GL_UNPACK_ALIGNMENT));
	if (expected < 0) {
		/* unknown format/type: the driver reports it and reads nothing */
		glTexSubImage3D(target, level, xoffset, yoffset, zoffset, 0, 0, 0, format, type, pixels);
		return;
	}
	if (len && expected != len) {
		glss_fail(w, "glTexSubImage3D of %dx%dx%d carries %u bytes, not %lld", width, height, depth, len,
			  (long long)expected);
		return;
	}
	/* no bytes: the application's NULL, which writes nothing */
	glTexSubImage3D(target, level, xoffset, yoffset, zoffset, width, height, depth, format, type,
			len ? pixels : NULL);
}

/* wire glCompressedTexImage3D: u32 target, i32 level, u32 internalformat,
 *   i32 width, i32 height, i32 depth, i32 border, i32 imageSize, blob data */
void glss_exec_glCompressedTexImage3D(struct glss_worker *w, struct gls_reader *r)
{
	GLenum target = gls_get_u32(r);
	GLint level = gls_get_i32(r);
	GLenum internalformat = gls_get_u32(r);
	GLsizei width = gls_get_i32(r), height = gls_get_i32(r), depth = gls_get_i32(r);
	GLint border = gls_get_i32(r);
	GLsizei image_size = gls_get_i32(r);
	uint32_t len;
	const void *data = gls_get_blob(r, &len);
	if (!gls_reader_done(r) || !glss_client_memory_transfer(w, GL_PIXEL_UNPACK_BUFFER))
		return;
	if (len && (image_size > 0 ? (uint32_t)image_size : 0) != len) {
		glss_fail(w, "glCompressedTexImage3D of %d bytes carries %u", image_size, len);
		return;
	}
	if (!glss_check_enums_glCompressedTexImage3D(w, target, internalformat))
		return;
	glss_collect_driver_error(w);
	if (!glss_texture_level_reserve_3d(w, target, level, width, height, depth,
					   glss_compressed_bytes(internalformat, width, height, depth, image_size)))
		return;
	void *zeros = NULL;
	if (!len && !glss_compressed_zeros(w, internalformat, width, height, depth, image_size, &zeros)) {
		glss_texture_level_done(w, false);
		return;
	}
	glCompressedTexImage3D(target, level, internalformat, width, height, depth, border, image_size,
			       len ? data : zeros);
	glss_texture_level_done(w, glss_driver_error(w) == GL_NO_ERROR);
	free(zeros);
}

/* wire glCompressedTexSubImage3D: u32 target, i32 level, i32 xoffset,
 *   i32 yoffset, i32 zoffset, i32 width, i32 height, i32 depth, u32 format,
 *   i32 imageSize, blob data */
void glss_exec_glCompressedTexSubImage3D(struct glss_worker *w, struct gls_reader *r)
{
	GLenum target = gls_get_u32(r);
	GLint level = gls_get_i32(r), xoffset = gls_get_i32(r), yoffset = gls_get_i32(r), zoffset = gls_get_i32(r);
	GLsizei width = gls_get_i32(r), height = gls_get_i32(r), depth = gls_get_i32(r);
	GLenum format = gls_get_u32(r);
	GLsizei image_size = gls_get_i32(r);
	uint32_t len;
	const void *data = gls_get_blob(r, &len);
	if (!gls_reader_done(r) || !glss_client_memory_transfer(w, GL_PIXEL_UNPACK_BUFFER))
		return;
	if (len && (image_size > 0 ? (uint32_t)image_size : 0) != len) {
		glss_fail(w, "glCompressedTexSubImage3D of %d bytes carries %u", image_size, len);
		return;
	}
	if (!glss_check_enums_glCompressedTexSubImage3D(w, target))
		return;
	/* no bytes: the application's NULL, which writes nothing */
	glCompressedTexSubImage3D(target, level, xoffset, yoffset, zoffset, width, height, depth, format, image_size,
				  len ? data : NULL);
}

/* wire glCopyTexSubImage3D: u32 target, i32 level, i32 xoffset,
 *   i32 yoffset, i32 zoffset, i32 x, i32 y, i32 width, i32 height. As in
 *   2D, texels whose source lies outside the read framebuffer keep their
 *   (defined) contents. */
void glss_exec_glCopyTexSubImage3D(struct glss_worker *w, struct gls_reader *r)
{
	GLenum target = gls_get_u32(r);
	GLint level = gls_get_i32(r), xoffset = gls_get_i32(r), yoffset = gls_get_i32(r), zoffset = gls_get_i32(r);
	GLint x = gls_get_i32(r), y = gls_get_i32(r);
	GLsizei width = gls_get_i32(r), height = gls_get_i32(r);
	if (!gls_reader_done(r) || !glss_check_enums_glCopyTexSubImage3D(w, target))
		return;
	GLint texture = 0;
	GLsizei level_width, level_height, level_depth;
	GLint dx = xoffset, dy = yoffset, cx = x, cy = y;
	GLsizei cw = width, ch = height;
	glGetIntegerv(target == GL_TEXTURE_3D			? GL_TEXTURE_BINDING_3D
		      : target == GL_TEXTURE_CUBE_MAP_ARRAY ? GL_TEXTURE_BINDING_CUBE_MAP_ARRAY /* es3.2 tex32 */
							    : GL_TEXTURE_BINDING_2D_ARRAY,
		      &texture);
	/* clipped only when the arguments are valid for the level */
	if (w->current && width >= 0 && height >= 0 && xoffset >= 0 && yoffset >= 0 && zoffset >= 0 &&
	    glss_texture_level_size_3d(w, (GLuint)texture, target, level, &level_width, &level_height, &level_depth) &&
	    (int64_t)xoffset + width <= level_width && (int64_t)yoffset + height <= level_height &&
	    zoffset < level_depth && glss_clip_copy(w, &dx, &dy, &cx, &cy, &cw, &ch)) {
		if (!cw || !ch)
			cw = ch = 0; /* still validated by the driver, copies nothing */
		glCopyTexSubImage3D(target, level, dx, dy, zoffset, cx, cy, cw, ch);
		return;
	}
	glCopyTexSubImage3D(target, level, xoffset, yoffset, zoffset, x, y, width, height);
}

/* ---- immutable storage ---- */

/* Zeros every level (and face) of new immutable storage. */
static void glss_zero_storage(struct glss_worker *w, GLenum target, GLsizei levels, GLenum internalformat,
			      GLsizei width, GLsizei height, GLsizei depth)
{
	GLenum format = internalformat, type = GL_NONE;
	unsigned block_width, block_height;
	if (!gls_internalformat_texel(internalformat, &format, &type) &&
	    !gls_compressed_block(internalformat, &block_width, &block_height))
		return; /* a format the worker does not know: nothing the driver had is shown (see docs/es3.md) */
	int faces = target == GL_TEXTURE_CUBE_MAP ? 6 : 1;
	for (GLsizei l = 0; l < levels; l++) {
		GLsizei lw = width >> l ? width >> l : 1, lh = height >> l ? height >> l : 1;
		GLsizei ld = target == GL_TEXTURE_3D ? (depth >> l ? depth >> l : 1) : depth;
		for (int f = 0; f < faces; f++) {
			GLenum face = faces == 6 ? GL_TEXTURE_CUBE_MAP_POSITIVE_X + (GLenum)f : target;
			glss_zero_level(w, face, l, lw, lh, ld, format, type);
		}
	}
}

static void glss_tex_storage(struct glss_worker *w, GLenum target, GLsizei levels, GLenum internalformat,
			     GLsizei width, GLsizei height, GLsizei depth, bool three_d)
{
	glss_collect_driver_error(w);
	if (!glss_texture_storage_reserve(w, target, levels, internalformat, width, height, depth))
		return;
	if (three_d)
		glTexStorage3D(target, levels, internalformat, width, height, depth);
	else
		glTexStorage2D(target, levels, internalformat, width, height);
	bool ok = glss_driver_error(w) == GL_NO_ERROR;
	glss_texture_storage_done(w, ok);
	if (ok)
		glss_zero_storage(w, target, levels, internalformat, width, height, depth);
}

/* wire glTexStorage2D: u32 target, i32 levels, u32 internalformat,
 *   i32 width, i32 height */
void glss_exec_glTexStorage2D(struct glss_worker *w, struct gls_reader *r)
{
	GLenum target = gls_get_u32(r);
	GLsizei levels = gls_get_i32(r);
	GLenum internalformat = gls_get_u32(r);
	GLsizei width = gls_get_i32(r), height = gls_get_i32(r);
	if (gls_reader_done(r) && glss_check_enums_glTexStorage2D(w, target, internalformat))
		glss_tex_storage(w, target, levels, internalformat, width, height, 1, false);
}

/* wire glTexStorage3D: the same and i32 depth */
void glss_exec_glTexStorage3D(struct glss_worker *w, struct gls_reader *r)
{
	GLenum target = gls_get_u32(r);
	GLsizei levels = gls_get_i32(r);
	GLenum internalformat = gls_get_u32(r);
	GLsizei width = gls_get_i32(r), height = gls_get_i32(r), depth = gls_get_i32(r);
	if (gls_reader_done(r) && glss_check_enums_glTexStorage3D(w, target, internalformat))
		glss_tex_storage(w, target, levels, internalformat, width, height, depth, true);
}

/* ---- pixel buffer objects ---- */

/* Sets the host's pixel store of one direction (alignment excepted: it is
 * the client's already); all zero restores the defaults. */
static void glss_set_pixel_store(bool unpack, const struct gls_pixel_store *s)
{
	if (unpack) {
		glPixelStorei(GL_UNPACK_ROW_LENGTH, s->row_length);
		glPixelStorei(GL_UNPACK_IMAGE_HEIGHT, s->image_height);
		glPixelStorei(GL_UNPACK_SKIP_ROWS, s->skip_rows);
		glPixelStorei(GL_UNPACK_SKIP_PIXELS, s->skip_pixels);
		glPixelStorei(GL_UNPACK_SKIP_IMAGES, s->skip_images);
	} else {
		glPixelStorei(GL_PACK_ROW_LENGTH, s->row_length);
		glPixelStorei(GL_PACK_SKIP_ROWS, s->skip_rows);
		glPixelStorei(GL_PACK_SKIP_PIXELS, s->skip_pixels);
	}
}

/* Whether [offset, offset + bytes) lies in the buffer bound to target;
 * GL_INVALID_OPERATION (ES 3.0 2.9.7, 4.3.2) otherwise. */
static bool glss_pixel_buffer_range(struct glss_worker *w, GLenum target, uint64_t offset, int64_t bytes)
{
	uint64_t size = glss_buffer_size(glss_buffer_bound(w, target));
	if (bytes >= 0 && offset <= size && (uint64_t)bytes <= size - offset)
		return true;
	glss_set_error(w, GL_INVALID_OPERATION);
	return false;
}

/* The bytes an upload of width x height x depth reads from offset under
 * the store (-1: a pair the worker does not know). */
static int64_t glss_unpack_bytes(GLsizei width, GLsizei height, GLsizei depth, GLenum format, GLenum type,
				 const struct gls_pixel_store *store)
{
	struct gls_unpack_layout l;
	if (!gls_pixel_layout(width, height, depth, format, type, store, &l))
		return -1;
	return l.end;
}

/* wire glsUnpackBufferImage: u32 command (the opcode of glTexImage2D,
 *   glTexSubImage2D, glTexImage3D, glTexSubImage3D or a
 *   glCompressedTex(Sub)Image2D/3D), i32 row length, i32 image height,
 *   i32 skip rows, i32 skip pixels, i32 skip images (the client's unpack
 *   state), the command's parameters as on its own wire without the blob,
 *   i64 offset into the bound GL_PIXEL_UNPACK_BUFFER */
void glss_exec_glsUnpackBufferImage(struct glss_worker *w, struct gls_reader *r)
{
	uint32_t command = gls_get_u32(r);
	struct gls_pixel_store store = {0, 0, 0, 0, 0, 0};
	/* one statement each: the order of an initializer's reads is unspecified */
	store.row_length = gls_get_i32(r);
	store.image_height = gls_get_i32(r);
	store.skip_rows = gls_get_i32(r);
	store.skip_pixels = gls_get_i32(r);
	store.skip_images = gls_get_i32(r);
	GLint p[10] = {0};
	int count;
	switch (command) {
	case GLS_OP_glTexImage2D: count = 8; break;
	case GLS_OP_glTexSubImage2D: count = 8; break;
	case GLS_OP_glTexImage3D: count = 9; break;
	case GLS_OP_glTexSubImage3D: count = 10; break;
	case GLS_OP_glCompressedTexImage2D: count = 7; break;
	case GLS_OP_glCompressedTexSubImage2D: count = 8; break;
	case GLS_OP_glCompressedTexImage3D: count = 8; break;
	case GLS_OP_glCompressedTexSubImage3D: count = 10; break;
	default: count = -1;
	}
	for (int i = 0; i < count; i++)
		p[i] = gls_get_i32(r);
	uint64_t offset = (uint64_t)gls_get_i64(r);
	if (!gls_reader_done(r))
		return;
	if (count < 0 || !glss_es3(w) || store.row_length < 0 || store.image_height < 0 || store.skip_rows < 0 ||
	    store.skip_pixels < 0 || store.skip_images < 0 ||
	    !glss_host_pixel_buffer(w, GL_PIXEL_UNPACK_BUFFER)) {
		glss_fail(w, "bad glsUnpackBufferImage");
		return;
	}
	store.alignment = glss_alignment(GL_UNPACK_ALIGNMENT);
	bool three_d = command == GLS_OP_glTexImage3D || command == GLS_OP_glTexSubImage3D ||
		       command == GLS_OP_glCompressedTexImage3D || command == GLS_OP_glCompressedTexSubImage3D;
	if (!three_d)
		store.image_height = store.skip_images = 0; /* 2D images ignore them (ES 3.0 3.7.2) */
	const void *pointer = (const void *)(uintptr_t)offset;
	GLenum target = (GLenum)p[0];
	GLint level = p[1];
	int64_t bytes;
	bool ok;
	switch (command) {
	case GLS_OP_glTexImage2D: /* target level internalformat width height border format type */
		if (!glss_check_enums_glTexImage2D(w, target, (GLenum)p[6], (GLenum)p[7]))
			return;
		bytes = glss_unpack_bytes(p[3], p[4], 1, (GLenum)p[6], (GLenum)p[7], &store);
		if (bytes >= 0 && !glss_pixel_buffer_range(w, GL_PIXEL_UNPACK_BUFFER, offset, bytes))
			return;
		bytes = gls_image_size(p[3], p[4], (GLenum)p[6], (GLenum)p[7], 1);
		glss_collect_driver_error(w);
		if (!glss_texture_level_reserve(w, target, level, p[3], p[4], bytes > 0 ? (uint64_t)bytes : 0))
			return;
		glss_set_pixel_store(true, &store);
		glTexImage2D(target, level, p[2], p[3], p[4], p[5], (GLenum)p[6], (GLenum)p[7], pointer);
		ok = glss_driver_error(w) == GL_NO_ERROR;
		glss_texture_level_done(w, ok);
		break;
	case GLS_OP_glTexSubImage2D: /* target level x y width height format type */
		if (!glss_check_enums_glTexSubImage2D(w, target, (GLenum)p[6], (GLenum)p[7]))
			return;
		bytes = glss_unpack_bytes(p[4], p[5], 1, (GLenum)p[6], (GLenum)p[7], &store);
		if (bytes >= 0 && !glss_pixel_buffer_range(w, GL_PIXEL_UNPACK_BUFFER, offset, bytes))
			return;
		glss_set_pixel_store(true, &store);
		glTexSubImage2D(target, level, p[2], p[3], bytes < 0 ? 0 : p[4], bytes < 0 ? 0 : p[5], (GLenum)p[6],
				(GLenum)p[7], pointer);
		break;
	case GLS_OP_glTexImage3D: /* target level internalformat width height depth border format type */
		if (!glss_check_enums_glTexImage3D(w, target, (GLenum)p[7], (GLenum)p[8]))
			return;
		bytes = glss_unpack_bytes(p[3], p[4], p[5], (GLenum)p[7], (GLenum)p[8], &store);
		if (bytes >= 0 && !glss_pixel_buffer_range(w, GL_PIXEL_UNPACK_BUFFER, offset, bytes))
			return;
		bytes = gls_image_size_3d(p[3], p[4], p[5], (GLenum)p[7], (GLenum)p[8], 1);
		glss_collect_driver_error(w);
		if (!glss_texture_level_reserve_3d(w, target, level, p[3], p[4], p[5], bytes > 0 ? (uint64_t)bytes : 0))
			return;
		glss_set_pixel_store(true, &store);
		glTexImage3D(target, level, p[2], p[3], p[4], p[5], p[6], (GLenum)p[7], (GLenum)p[8], pointer);
		ok = glss_driver_error(w) == GL_NO_ERROR;
		glss_texture_level_done(w, ok);
		break;
	case GLS_OP_glTexSubImage3D: /* target level x y z width height depth format type */
		if (!glss_check_enums_glTexSubImage3D(w, target, (GLenum)p[8], (GLenum)p[9]))
			return;
		bytes = glss_unpack_bytes(p[5], p[6], p[7], (GLenum)p[8], (GLenum)p[9], &store);
		if (bytes >= 0 && !glss_pixel_buffer_range(w, GL_PIXEL_UNPACK_BUFFER, offset, bytes))
			return;
		glss_set_pixel_store(true, &store);
		glTexSubImage3D(target, level, p[2], p[3], p[4], bytes < 0 ? 0 : p[5], bytes < 0 ? 0 : p[6],
				bytes < 0 ? 0 : p[7], (GLenum)p[8], (GLenum)p[9], pointer);
		break;
	case GLS_OP_glCompressedTexImage2D: /* target level internalformat width height border imageSize */
		if (!glss_check_enums_glCompressedTexImage2D(w, target, (GLenum)p[2]) ||
		    !glss_pixel_buffer_range(w, GL_PIXEL_UNPACK_BUFFER, offset, p[6] > 0 ? p[6] : 0))
			return;
		glss_collect_driver_error(w);
		if (!glss_texture_level_reserve(w, target, level, p[3], p[4],
						glss_compressed_bytes((GLenum)p[2], p[3], p[4], 1, p[6])))
			return;
		glCompressedTexImage2D(target, level, (GLenum)p[2], p[3], p[4], p[5], p[6], pointer);
		glss_texture_level_done(w, glss_driver_error(w) == GL_NO_ERROR);
		break;
	case GLS_OP_glCompressedTexSubImage2D: /* target level x y width height format imageSize */
		if (!glss_check_enums_glCompressedTexSubImage2D(w, target) ||
		    !glss_pixel_buffer_range(w, GL_PIXEL_UNPACK_BUFFER, offset, p[7] > 0 ? p[7] : 0))
			return;
		glCompressedTexSubImage2D(target, level, p[2], p[3], p[4], p[5], (GLenum)p[6], p[7], pointer);
		break;
	case GLS_OP_glCompressedTexImage3D: /* target level internalformat width height depth border imageSize */
		if (!glss_check_enums_glCompressedTexImage3D(w, target, (GLenum)p[2]) ||
		    !glss_pixel_buffer_range(w, GL_PIXEL_UNPACK_BUFFER, offset, p[7] > 0 ? p[7] : 0))
			return;
		glss_collect_driver_error(w);
		if (!glss_texture_level_reserve_3d(w, target, level, p[3], p[4], p[5],
						   glss_compressed_bytes((GLenum)p[2], p[3], p[4], p[5], p[7])))
			return;
		glCompressedTexImage3D(target, level, (GLenum)p[2], p[3], p[4], p[5], p[6], p[7], pointer);
		glss_texture_level_done(w, glss_driver_error(w) == GL_NO_ERROR);
		break;
	case GLS_OP_glCompressedTexSubImage3D: /* target level x y z width height depth format imageSize */
		if (!glss_check_enums_glCompressedTexSubImage3D(w, target) ||
		    !glss_pixel_buffer_range(w, GL_PIXEL_UNPACK_BUFFER, offset, p[9] > 0 ? p[9] : 0))
			return;
		glCompressedTexSubImage3D(target, level, p[2], p[3], p[4], p[5], p[6], p[7], (GLenum)p[8], p[9],
					  pointer);
		break;
	}
	const struct gls_pixel_store defaults = {0, 0, 0, 0, 0, 0};
	glss_set_pixel_store(true, &defaults);
}

/* wire glsPackBufferReadPixels: i32 row length, i32 skip rows, i32 skip
 *   pixels (the client's pack state), i32 x, i32 y, i32 width, i32 height,
 *   u32 format, u32 type, i64 offset into the bound GL_PIXEL_PACK_BUFFER.
 *   No reply. Pixels outside the read framebuffer are as the driver
 *   leaves them: the buffer's own bytes, never the worker's. */
void glss_exec_glsPackBufferReadPixels(struct glss_worker *w, struct gls_reader *r)
{
	struct gls_pixel_store store = {0, 0, 0, 0, 0, 0};
	store.row_length = gls_get_i32(r);
	store.skip_rows = gls_get_i32(r);
	store.skip_pixels = gls_get_i32(r);
	GLint x = gls_get_i32(r), y = gls_get_i32(r);
	GLsizei width = gls_get_i32(r), height = gls_get_i32(r);
	GLenum format = gls_get_u32(r), type = gls_get_u32(r);
	uint64_t offset = (uint64_t)gls_get_i64(r);
	if (!gls_reader_done(r))
		return;
	if (!glss_es3(w) || store.row_length < 0 || store.skip_rows < 0 || store.skip_pixels < 0 ||
	    !glss_host_pixel_buffer(w, GL_PIXEL_PACK_BUFFER)) {
		glss_fail(w, "bad glsPackBufferReadPixels");
		return;
	}
	if (!glss_check_enums_glReadPixels(w, format, type))
		return;
	store.alignment = glss_alignment(GL_PACK_ALIGNMENT);
	int64_t bytes = glss_unpack_bytes(width, height, 1, format, type, &store);
	if (bytes >= 0 && !glss_pixel_buffer_range(w, GL_PIXEL_PACK_BUFFER, offset, bytes))
		return;
	glss_set_pixel_store(false, &store);
	/* a pair the worker does not know: the driver validates it, writing nothing */
	glReadPixels(x, y, bytes < 0 ? 0 : width, bytes < 0 ? 0 : height, format, type, (void *)(uintptr_t)offset);
	glss_buffer_gpu_written(glss_buffer_bound(w, GL_PIXEL_PACK_BUFFER));
	const struct gls_pixel_store defaults = {0, 0, 0, 0, 0, 0};
	glss_set_pixel_store(false, &defaults);
}
