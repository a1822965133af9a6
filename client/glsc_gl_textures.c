/* OpenGL ES 3.0 textures: 3D and 2D array images, uploads from pixel
 * unpack buffers, glReadPixels into pixel pack buffers, and the ES 3.0
 * pixel store. As for 2D images (glsc_gl_data.c), uploads from client
 * memory travel packed with the alignment only: the client applies row
 * length, image height and skips, so the worker's driver reads exactly the
 * bytes sent. With a pixel buffer bound the pointer is an offset: the
 * command carries it and the unpack state, and the worker checks the range
 * against the buffer. */
#include <string.h>

#include "glsc_buffers.h"
#include "glsc_gl.h"
#include "glsc_gl_generated.h"
#include "glsc_stream.h"
#include "glsc_textures.h"
#include "gls_extensions.h"
#include "gls_pixels.h"
#include "gls_wire.h"

#define GLSC_ES3 GLS_EXT_BIT(GL_ES_VERSION_3_0)

GLint *glsc_pixel_store_state(struct glsc_context *ctx, GLenum pname)
{
	if (!(ctx->info.advertised & GLSC_ES3))
		return NULL;
	switch (pname) {
	case GL_UNPACK_ROW_LENGTH: return &ctx->unpack_row_length;
	case GL_UNPACK_IMAGE_HEIGHT: return &ctx->unpack_image_height;
	case GL_UNPACK_SKIP_ROWS: return &ctx->unpack_skip_rows;
	case GL_UNPACK_SKIP_PIXELS: return &ctx->unpack_skip_pixels;
	case GL_UNPACK_SKIP_IMAGES: return &ctx->unpack_skip_images;
	case GL_PACK_ROW_LENGTH: return &ctx->pack_row_length;
	case GL_PACK_SKIP_ROWS: return &ctx->pack_skip_rows;
	case GL_PACK_SKIP_PIXELS: return &ctx->pack_skip_pixels;
	default: return NULL;
	}
}

GLuint glsc_pixel_buffer(struct glsc_context *ctx, GLenum target)
{
	return glsc_bound_buffer(ctx, target);
}

/* A mapped buffer is the application's until unmapped (ES 3.0 2.10.3:
 * GL_INVALID_OPERATION); mappings live in the client, so the worker's
 * driver cannot tell. */
static bool glsc_pixel_buffer_mapped(struct glsc_context *ctx, GLenum target)
{
	struct glsc_buffer *buffer = glsc_bound_buffer_object(ctx, target);
	if (!buffer || !buffer->map_pointer)
		return false;
	glsc_set_error_locked(GL_INVALID_OPERATION);
	return true;
}

/* wire glsUnpackBufferImage: u32 command, i32 row length, i32 image
 *   height, i32 skip rows, i32 skip pixels, i32 skip images, the command's
 *   parameters (count x 4 bytes), i64 offset */
void glsc_unpack_buffer_command(struct glsc_context *ctx, uint16_t opcode, const GLint *params, int count,
				const void *offset)
{
	if (glsc_pixel_buffer_mapped(ctx, GL_PIXEL_UNPACK_BUFFER))
		return;
	uint8_t *w = glsc_begin(ctx, GLS_OP_glsUnpackBufferImage, 4 + 5 * 4 + 4 * (size_t)count + 8);
	if (!w)
		return;
	w = gls_put_u32(w, opcode);
	w = gls_put_i32(w, ctx->unpack_row_length);
	w = gls_put_i32(w, ctx->unpack_image_height);
	w = gls_put_i32(w, ctx->unpack_skip_rows);
	w = gls_put_i32(w, ctx->unpack_skip_pixels);
	w = gls_put_i32(w, ctx->unpack_skip_images);
	for (int i = 0; i < count; i++)
		w = gls_put_i32(w, params[i]);
	gls_put_i64(w, (int64_t)(uintptr_t)offset);
}

/* wire glsPackBufferReadPixels: i32 row length, i32 skip rows, i32 skip
 *   pixels, i32 x, i32 y, i32 width, i32 height, u32 format, u32 type,
 *   i64 offset (no reply) */
void glsc_pack_buffer_read_pixels(struct glsc_context *ctx, GLint x, GLint y, GLsizei width, GLsizei height,
				  GLenum format, GLenum type, const void *offset)
{
	if (glsc_pixel_buffer_mapped(ctx, GL_PIXEL_PACK_BUFFER))
		return;
	uint8_t *w = glsc_begin(ctx, GLS_OP_glsPackBufferReadPixels, 9 * 4 + 8);
	if (!w)
		return;
	w = gls_put_i32(w, ctx->pack_row_length);
	w = gls_put_i32(w, ctx->pack_skip_rows);
	w = gls_put_i32(w, ctx->pack_skip_pixels);
	w = gls_put_i32(w, x);
	w = gls_put_i32(w, y);
	w = gls_put_i32(w, width);
	w = gls_put_i32(w, height);
	w = gls_put_u32(w, format);
	w = gls_put_u32(w, type);
	gls_put_i64(w, (int64_t)(uintptr_t)offset);
	/* the server writes into the buffer: the client's copy is stale */
	struct glsc_buffer *buffer = glsc_bound_buffer_object(ctx, GL_PIXEL_PACK_BUFFER);
	if (buffer)
		glsc_buffer_gpu_written(buffer);
}

/* ---- 3D images from client memory ---- */

/* Where the application's rows are. */
struct glsc_image {
	const uint8_t *first; /* the first row of the first image */
	int64_t stride;       /* bytes from a row to the next */
	int64_t image_stride; /* bytes from an image to the next */
};

/* The application's images of a width x height x depth upload; false
 * (error raised) when they lie beyond any address. An unknown format/type
 * or an image larger than any texture gives no rows (the driver reports
 * it). */
static bool glsc_unpack_image(struct glsc_context *ctx, GLsizei width, GLsizei height, GLsizei depth, GLenum format,
			      GLenum type, const void *pixels, struct glsc_image *image)
{
	const struct gls_pixel_store store = {ctx->unpack_alignment, ctx->unpack_row_length, ctx->unpack_image_height,
					      ctx->unpack_skip_rows, ctx->unpack_skip_pixels, ctx->unpack_skip_images};
	struct gls_unpack_layout l;
	*image = (struct glsc_image){NULL, 0, 0};
	if (!gls_pixel_layout(width, height, depth, format, type, &store, &l) || !pixels)
		return true;
	if (l.end == GLS_IMAGE_TOO_LARGE) {
		if (gls_image_size_3d(width, height, depth, format, type, ctx->unpack_alignment) == GLS_IMAGE_TOO_LARGE)
			return true;
		glsc_set_error_locked(GL_INVALID_VALUE); /* skips past any address */
		return false;
	}
	*image = (struct glsc_image){(const uint8_t *)pixels + l.offset, l.stride, l.image_stride};
	return true;
}

/* Writes `size` bytes (gls_image_size_3d) of the images' rows packed with
 * the alignment, padded to 4. */
static void glsc_put_image(uint8_t *w, const struct glsc_image *image, GLsizei width, GLsizei height, GLsizei depth,
			   GLenum format, GLenum type, GLint alignment, int64_t size)
{
	size_t stride = (size_t)gls_row_stride(width, format, type, alignment);
	size_t row_bytes = (size_t)width * gls_pixel_size(format, type);
	for (GLsizei z = 0; z < depth; z++) {
		const uint8_t *rows = image->first + (size_t)z * (size_t)image->image_stride;
		for (GLsizei y = 0; y < height; y++) {
			bool last = z + 1 == depth && y + 1 == height;
			size_t pad = last ? gls_pad4((size_t)size) - (size_t)size : stride - row_bytes;
			memcpy(w, rows + (size_t)y * (size_t)image->stride, row_bytes);
			memset(w + row_bytes, 0, pad);
			w += row_bytes + pad;
		}
	}
}

/* wire glTexSubImage3D: u32 target, i32 level, i32 xoffset, i32 yoffset,
 *   i32 zoffset, i32 width, i32 height, i32 depth, u32 format, u32 type,
 *   blob pixels; larger than a chunk: an image at a time, then bands of
 *   rows */
static void glsc_tex_sub_image_3d_locked(struct glsc_context *ctx, GLenum target, GLint level, GLint xoffset,
					 GLint yoffset, GLint zoffset, GLsizei width, GLsizei height, GLsizei depth,
					 GLenum format, GLenum type, const struct glsc_image *image)
{
	int64_t size = gls_image_size_3d(width, height, depth, format, type, ctx->unpack_alignment);
	if (size < 0)
		size = 0; /* unknown format/type: the driver reports it */
	if (size == GLS_IMAGE_TOO_LARGE) {
		glsc_set_error_locked(GL_INVALID_VALUE); /* larger than any texture */
		return;
	}
	if (!image->first)
		size = 0; /* NULL pixels: no bytes, the driver validates and writes nothing */
	if (size > glsc_chunk()) {
		if (depth > 1) {
			for (GLsizei z = 0; z < depth; z++) {
				struct glsc_image one = {image->first + (size_t)z * (size_t)image->image_stride,
							 image->stride, image->image_stride};
				glsc_tex_sub_image_3d_locked(ctx, target, level, xoffset, yoffset, zoffset + z, width,
							     height, 1, format, type, &one);
			}
			return;
		}
		int64_t stride = gls_row_stride(width, format, type, ctx->unpack_alignment);
		int64_t band = stride > 0 ? glsc_chunk() / stride : 1;
		if (band < 1)
			band = 1;
		for (GLsizei y = 0; y < height; y += (GLsizei)band) {
			GLsizei n = height - y < band ? height - y : (GLsizei)band;
			struct glsc_image part = {image->first + (size_t)y * (size_t)image->stride, image->stride,
						  image->image_stride};
			glsc_tex_sub_image_3d_locked(ctx, target, level, xoffset, yoffset + y, zoffset, width, n, 1,
						     format, type, &part);
		}
		return;
	}
	uint8_t *w = glsc_begin(ctx, GLS_OP_glTexSubImage3D, 40 + 4 + gls_pad4((size_t)size));
	if (!w)
		return;
	w = gls_put_u32(w, target);
	w = gls_put_i32(w, level);
	w = gls_put_i32(w, xoffset);
	w = gls_put_i32(w, yoffset);
	w = gls_put_i32(w, zoffset);
	w = gls_put_i32(w, width);
	w = gls_put_i32(w, height);
	w = gls_put_i32(w, depth);
	w = gls_put_u32(w, format);
	w = gls_put_u32(w, type);
	w = gls_put_u32(w, (uint32_t)size);
	if (size > 0)
		glsc_put_image(w, image, width, height, depth, format, type, ctx->unpack_alignment, size);
}

/* wire glTexImage3D: u32 target, i32 level, i32 internalformat, i32 width,
 *   i32 height, i32 depth, i32 border, u32 format, u32 type, blob pixels
 * wire glsTexImage3DNull: the same without the blob (pixels == NULL, or
 *   larger than a chunk: then glTexSubImage3D pieces follow) */
void glsc_glTexImage3D(GLenum target, GLint level, GLint internalformat, GLsizei width, GLsizei height, GLsizei depth,
		       GLint border, GLenum format, GLenum type, const void *pixels)
{
	struct glsc_context *ctx = glsc_gl_enter_offered(GLSC_ES3);
	if (!ctx)
		return;
	if (glsc_pixel_buffer(ctx, GL_PIXEL_UNPACK_BUFFER)) {
		const GLint params[] = {(GLint)target, level, internalformat, width, height, depth, border,
					(GLint)format, (GLint)type};
		glsc_unpack_buffer_command(ctx, GLS_OP_glTexImage3D, params, 9, pixels);
		goto out;
	}
	struct glsc_image image;
	if (!glsc_unpack_image(ctx, width, height, depth, format, type, pixels, &image))
		goto out;
	int64_t size = gls_image_size_3d(width, height, depth, format, type, ctx->unpack_alignment);
	bool inline_data = image.first && size > 0 && size <= glsc_chunk();
	uint8_t *w = inline_data ? glsc_begin(ctx, GLS_OP_glTexImage3D, 36 + 4 + gls_pad4((size_t)size))
				 : glsc_begin(ctx, GLS_OP_glsTexImage3DNull, 36);
	if (!w)
		goto out;
	w = gls_put_u32(w, target);
	w = gls_put_i32(w, level);
	w = gls_put_i32(w, internalformat);
	w = gls_put_i32(w, width);
	w = gls_put_i32(w, height);
	w = gls_put_i32(w, depth);
	w = gls_put_i32(w, border);
	w = gls_put_u32(w, format);
	w = gls_put_u32(w, type);
	if (inline_data) {
		w = gls_put_u32(w, (uint32_t)size);
		glsc_put_image(w, &image, width, height, depth, format, type, ctx->unpack_alignment, size);
	} else if (image.first && size > glsc_chunk() && size != GLS_IMAGE_TOO_LARGE) {
		glsc_tex_sub_image_3d_locked(ctx, target, level, 0, 0, 0, width, height, depth, format, type, &image);
	}
out:
	glsc_gl_leave();
}

void glsc_glTexSubImage3D(GLenum target, GLint level, GLint xoffset, GLint yoffset, GLint zoffset, GLsizei width,
			  GLsizei height, GLsizei depth, GLenum format, GLenum type, const void *pixels)
{
	struct glsc_context *ctx = glsc_gl_enter_offered(GLSC_ES3);
	if (!ctx)
		return;
	if (glsc_pixel_buffer(ctx, GL_PIXEL_UNPACK_BUFFER)) {
		const GLint params[] = {(GLint)target, level, xoffset, yoffset, zoffset, width, height, depth,
					(GLint)format, (GLint)type};
		glsc_unpack_buffer_command(ctx, GLS_OP_glTexSubImage3D, params, 10, pixels);
	} else {
		struct glsc_image image;
		if (glsc_unpack_image(ctx, width, height, depth, format, type, pixels, &image))
			glsc_tex_sub_image_3d_locked(ctx, target, level, xoffset, yoffset, zoffset, width, height, depth,
						     format, type, &image);
	}
	glsc_gl_leave();
}

/* wire glCompressedTexImage3D: u32 target, i32 level, u32 internalformat,
 *   i32 width, i32 height, i32 depth, i32 border, i32 imageSize, blob data
 * wire glCompressedTexSubImage3D: u32 target, i32 level, i32 xoffset,
 *   i32 yoffset, i32 zoffset, i32 width, i32 height, i32 depth, u32 format,
 *   i32 imageSize, blob data
 * (the data as is: compressed images have no pixel store) */
void glsc_glCompressedTexImage3D(GLenum target, GLint level, GLenum internalformat, GLsizei width, GLsizei height,
				 GLsizei depth, GLint border, GLsizei imageSize, const void *data)
{
	const GLint params[] = {(GLint)target, level, (GLint)internalformat, width, height, depth, border, imageSize};
	glsc_compressed_upload(GLSC_ES3, GLS_OP_glCompressedTexImage3D, params, 8, imageSize, data);
}

void glsc_glCompressedTexSubImage3D(GLenum target, GLint level, GLint xoffset, GLint yoffset, GLint zoffset,
				    GLsizei width, GLsizei height, GLsizei depth, GLenum format, GLsizei imageSize,
				    const void *data)
{
	const GLint params[] = {(GLint)target, level, xoffset, yoffset, zoffset, width, height, depth, (GLint)format,
				imageSize};
	glsc_compressed_upload(GLSC_ES3, GLS_OP_glCompressedTexSubImage3D, params, 10, imageSize, data);
}

/* One piece of a compressed image: glCompressedTexSubImage2D/3D.
 * wire: as glsc_compressed_upload's */
static void glsc_compressed_piece(struct glsc_context *ctx, bool three_d, GLenum target, GLint level, GLint x,
				  GLint y, GLint z, GLsizei width, GLsizei height, GLenum format, size_t size,
				  const uint8_t *data)
{
	uint16_t opcode = three_d ? GLS_OP_glCompressedTexSubImage3D : GLS_OP_glCompressedTexSubImage2D;
	uint8_t *w = glsc_begin(ctx, opcode, (three_d ? 40 : 32) + 4 + gls_pad4(size));
	if (!w)
		return;
	w = gls_put_u32(w, target);
	w = gls_put_i32(w, level);
	w = gls_put_i32(w, x);
	w = gls_put_i32(w, y);
	if (three_d)
		w = gls_put_i32(w, z);
	w = gls_put_i32(w, width);
	w = gls_put_i32(w, height);
	if (three_d)
		w = gls_put_i32(w, 1);
	w = gls_put_u32(w, format);
	w = gls_put_i32(w, (GLint)size);
	w = gls_put_u32(w, (uint32_t)size);
	gls_put_bytes(w, data, size);
}

void glsc_compressed_pieces(struct glsc_context *ctx, uint16_t opcode, const GLint *params, const void *data)
{
	/* the parameters of each command (glsc_compressed_upload's wire) */
	bool image = opcode == GLS_OP_glCompressedTexImage2D || opcode == GLS_OP_glCompressedTexImage3D;
	bool three_d = opcode == GLS_OP_glCompressedTexImage3D || opcode == GLS_OP_glCompressedTexSubImage3D;
	GLint x = 0, y = 0, z = 0;
	GLsizei width, height, depth = 1, image_size;
	GLenum format;
	if (opcode == GLS_OP_glCompressedTexImage2D) {
		format = (GLenum)params[2], width = params[3], height = params[4], image_size = params[6];
	} else if (opcode == GLS_OP_glCompressedTexImage3D) {
		format = (GLenum)params[2], width = params[3], height = params[4], depth = params[5];
		image_size = params[7];
	} else if (opcode == GLS_OP_glCompressedTexSubImage2D) {
		x = params[2], y = params[3], width = params[4], height = params[5], format = (GLenum)params[6];
		image_size = params[7];
	} else {
		x = params[2], y = params[3], z = params[4], width = params[5], height = params[6], depth = params[7];
		format = (GLenum)params[8], image_size = params[9];
	}
	/* the errors the driver would raise for data it could not take whole
	 * (every compressed format offered has known blocks) */
	unsigned bw, bh, block = gls_compressed_block(format, &bw, &bh);
	if (!block) {
		glsc_set_error_locked(GL_INVALID_ENUM);
		return;
	}
	uint64_t row = ((uint64_t)width + bw - 1) / bw * block; /* a row of blocks */
	uint64_t layer = row * (((uint64_t)height + bh - 1) / bh);
	if (width <= 0 || height <= 0 || depth <= 0 || layer * (uint64_t)depth != (uint64_t)image_size ||
	    row > (uint64_t)glsc_chunk()) {
		glsc_set_error_locked(GL_INVALID_VALUE);
		return;
	}
	if (image) {
		/* the level, without data: zero blocks until the pieces come */
		uint8_t *w = glsc_begin(ctx, opcode, 4 * (three_d ? 8u : 7u) + 4);
		if (!w)
			return;
		for (int i = 0; i < (three_d ? 8 : 7); i++)
			w = gls_put_i32(w, params[i]);
		gls_put_u32(w, 0);
	}
	uint64_t band = (uint64_t)glsc_chunk() / row; /* block rows a piece */
	const uint8_t *bytes = data;
	for (GLsizei l = 0; l < depth; l++) {
		for (uint64_t r = 0; r * bh < (uint64_t)height; r += band) {
			uint64_t first = r * bh, rows = band * bh;
			GLsizei n = (GLsizei)((uint64_t)height - first < rows ? (uint64_t)height - first : rows);
			size_t size = (size_t)((((uint64_t)n + bh - 1) / bh) * row);
			glsc_compressed_piece(ctx, three_d, (GLenum)params[0], params[1], x, y + (GLint)first, z + l, width,
					      n, format, size, bytes + l * layer + r * row);
		}
	}
}
