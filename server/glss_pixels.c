/* Pixel transfer helpers shared by the worker's 2D (glss_gl_data.c) and
 * ES 3.0 (glss_gl_textures.c) texture and readback commands: the pixel
 * buffer rule of client-memory transfers, and the zeros new storage
 * starts with. */
#include <stdlib.h>
#include <string.h>

#include "glss_buffers.h"
#include "glss_gl_generated.h"
#include "glss_pixels.h"
#include "gls_pixels.h"

/* Zeros travel to the driver in bands of at most this many bytes. */
#define GLSS_ZERO_BAND ((int64_t)4 << 20)

GLuint glss_host_pixel_buffer(struct glss_worker *w, GLenum target)
{
	return glss_buffer_host(glss_buffer_bound(w, target));
}

bool glss_client_memory_transfer(struct glss_worker *w, GLenum target)
{
	if (!glss_host_pixel_buffer(w, target))
		return true;
	glss_fail(w, "client memory transfer while a pixel buffer is bound");
	return false;
}

static bool glss_astc(GLenum format)
{
	return (format >= GL_COMPRESSED_RGBA_ASTC_4x4_KHR && format <= GL_COMPRESSED_RGBA_ASTC_12x12_KHR) ||
	       (format >= GL_COMPRESSED_SRGB8_ALPHA8_ASTC_4x4_KHR && format <= GL_COMPRESSED_SRGB8_ALPHA8_ASTC_12x12_KHR);
}

void glss_zero_blocks(uint8_t *bytes, size_t size, GLenum format)
{
	if (!glss_astc(format))
		return;
	/* an all-zero ASTC block is an error block (magenta): a void-extent
	 * block of colour 0 is the zero texels drivers start with */
	static const uint8_t void_extent[8] = {0xfc, 0xfd, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff};
	for (size_t at = 0; at + 16 <= size; at += 16)
		memcpy(bytes + at, void_extent, sizeof(void_extent));
}

void glss_zero_level(struct glss_worker *w, GLenum target, GLint level, GLsizei width, GLsizei height,
		     GLsizei depth, GLenum format, GLenum type)
{
	bool three_d = target == GL_TEXTURE_3D || target == GL_TEXTURE_2D_ARRAY ||
		       target == GL_TEXTURE_CUBE_MAP_ARRAY; /* es3.2 tex32 */
	unsigned block_width, block_height, block_size = gls_compressed_block(format, &block_width, &block_height);
	int64_t stride, row_step = 1;
	if (width <= 0 || height <= 0 || depth <= 0)
		return;
	if (block_size) {
		/* a row of blocks: block_height rows */
		stride = ((int64_t)width + block_width - 1) / block_width * block_size;
		row_step = block_height;
	} else {
		stride = gls_row_stride(width, format, type, glss_alignment(GL_UNPACK_ALIGNMENT));
		if (stride <= 0)
			return; /* a pair the worker does not know: nothing to write */
	}
	/* rows per band: whole block rows, at least one */
	int64_t band = GLSS_ZERO_BAND / stride * row_step;
	if (band < row_step)
		band = row_step;
	if (band > height)
		band = height;
	int64_t bytes = (band + row_step - 1) / row_step * stride;
	uint8_t *zeros = calloc(1, (size_t)bytes);
	if (!zeros) {
		glss_set_error(w, GL_OUT_OF_MEMORY);
		return;
	}
	glss_zero_blocks(zeros, (size_t)bytes, format);
	GLuint unpack_buffer = glss_host_pixel_buffer(w, GL_PIXEL_UNPACK_BUFFER);
	if (unpack_buffer)
		glBindBuffer(GL_PIXEL_UNPACK_BUFFER, 0);
	for (GLsizei z = 0; z < depth; z++) {
		for (GLsizei y = 0; y < height; y += (GLsizei)band) {
			GLsizei rows = height - y < band ? height - y : (GLsizei)band;
			GLsizei size = (GLsizei)((rows + row_step - 1) / row_step * stride);
			if (block_size && three_d)
				glCompressedTexSubImage3D(target, level, 0, y, z, width, rows, 1, format, size, zeros);
			else if (block_size)
				glCompressedTexSubImage2D(target, level, 0, y, width, rows, format, size, zeros);
			else if (three_d)
				glTexSubImage3D(target, level, 0, y, z, width, rows, 1, format, type, zeros);
			else
				glTexSubImage2D(target, level, 0, y, width, rows, format, type, zeros);
		}
	}
	if (unpack_buffer)
		glBindBuffer(GL_PIXEL_UNPACK_BUFFER, unpack_buffer);
	glGetError(); /* a level the driver refused to fill keeps its error to itself */
	free(zeros);
}

/* Whether imageSize is the size of the image, for a format of known blocks. */
static bool glss_compressed_size_is(GLenum format, GLsizei width, GLsizei height, GLsizei depth, GLsizei image_size)
{
	unsigned bw, bh, block = gls_compressed_block(format, &bw, &bh);
	return block && width >= 0 && height >= 0 && depth >= 0 && image_size >= 0 &&
	       ((uint64_t)width + bw - 1) / bw * (((uint64_t)height + bh - 1) / bh) * (uint64_t)depth * block ==
		       (uint64_t)image_size;
}

uint64_t glss_compressed_bytes(GLenum format, GLsizei width, GLsizei height, GLsizei depth, GLsizei image_size)
{
	unsigned bw, bh;
	if (image_size <= 0 ||
	    (gls_compressed_block(format, &bw, &bh) && !glss_compressed_size_is(format, width, height, depth, image_size)))
		return 0; /* the driver refuses the size (GL_INVALID_VALUE): nothing to charge */
	return (uint64_t)image_size;
}

bool glss_compressed_zeros(struct glss_worker *w, GLenum format, GLsizei width, GLsizei height, GLsizei depth,
			   GLsizei image_size, void **zeros)
{
	*zeros = NULL;
	if (image_size <= 0 || !glss_compressed_size_is(format, width, height, depth, image_size))
		return true; /* the driver refuses the size, or the format is not one the worker knows */
	if (!(*zeros = calloc(1, (size_t)image_size))) {
		glss_set_error(w, GL_OUT_OF_MEMORY);
		return false;
	}
	glss_zero_blocks(*zeros, (size_t)image_size, format);
	return true;
}
