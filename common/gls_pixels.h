/* Sizes of pixel rectangles, vertex attributes and indices as OpenGL ES
 * lays them out in client memory. */
#ifndef GLS_PIXELS_H
#define GLS_PIXELS_H

#include <stdbool.h>
#include <stdint.h>
#include <GLES3/gl32.h> /* the OpenGL ES 2.0 API and what 3.x adds */

/* Bytes per pixel of a format/type pair, 0 when the pair is unknown. */
unsigned gls_pixel_size(GLenum format, GLenum type);

/* Bytes of a width x height rectangle whose rows start on multiples of
 * `alignment` (the last row is not padded): 0 for an empty or negative
 * rectangle, -1 for an unknown format/type or a bad alignment, and
 * GLS_IMAGE_TOO_LARGE past 2^62 bytes (no GL object is that large; the
 * product of the largest width, height and pixel size overflows 64 bits). */
#define GLS_IMAGE_TOO_LARGE INT64_MAX
int64_t gls_image_size(GLsizei width, GLsizei height, GLenum format, GLenum type, GLint alignment);

/* Where the rows of a width x height upload lie in client memory under
 * EXT_unpack_subimage's GL_UNPACK_ROW_LENGTH (0: width), GL_UNPACK_SKIP_ROWS
 * and GL_UNPACK_SKIP_PIXELS: the first row starts `offset` bytes after the
 * pointer, each next one `stride` bytes later, and a row is `row_bytes`
 * long; `end` is one past the last byte read. offset and end saturate at
 * GLS_IMAGE_TOO_LARGE. */
struct gls_unpack_layout {
	int64_t offset, stride, row_bytes, end;
	int64_t image_stride; /* 3D: bytes from an image to the next */
};

/* The pixel store of one direction (ES 3.0 table 3.1 / 4.4): the pack side
 * has no image height or skip images (0). */
struct gls_pixel_store {
	GLint alignment, row_length, image_height, skip_rows, skip_pixels, skip_images;
};

/* gls_unpack_layout for width x height x depth pixels under a whole pixel
 * store (ES 3.0 3.7.1): images are image_height (0: height) rows apart and
 * the first skip_images of them skipped. 2D transfers pass depth 1 and a
 * store without image height and skip images. */
bool gls_pixel_layout(GLsizei width, GLsizei height, GLsizei depth, GLenum format, GLenum type,
		      const struct gls_pixel_store *store, struct gls_unpack_layout *layout);

/* gls_image_size of depth images of width x height, packed with the
 * alignment only (the last row of the last image not padded). */
int64_t gls_image_size_3d(GLsizei width, GLsizei height, GLsizei depth, GLenum format, GLenum type, GLint alignment);

/* Bytes of a texel of a sized internal format (ES 3.0 tables 3.13, 3.14)
 * with a format/type pair that uploads it; 0 when unknown or compressed. */
unsigned gls_internalformat_texel(GLenum internalformat, GLenum *format, GLenum *type);

/* Bytes of a block of a compressed format (ETC1/2, EAC, S3TC, RGTC, BPTC:
 * 4x4 texels; ASTC: its own size), 0 when unknown; the block's size in
 * texels goes to *block_width and *block_height. */
unsigned gls_compressed_block(GLenum internalformat, unsigned *block_width, unsigned *block_height);

/* Fills *layout; false for an unknown format/type, a bad alignment or a
 * negative row length or skip. An empty rectangle reads nothing (end 0). */
bool gls_unpack_layout(GLsizei width, GLsizei height, GLenum format, GLenum type, GLint alignment,
		       GLint row_length, GLint skip_rows, GLint skip_pixels, struct gls_unpack_layout *layout);

/* Bytes of one component of a vertex attribute of `type`, 0 if unknown. */
unsigned gls_attrib_type_size(GLenum type);

/* Bytes of one element of a vertex attribute of `size` components of
 * `type`, any OpenGL ES 3.0 type (the packed 2_10_10_10 types take 4 bytes
 * and size 4); 0 for a combination no version allows. */
unsigned gls_attrib_element_size(GLint size, GLenum type);

/* Bytes of one index of `type` for glDrawElements, 0 if unknown. */
unsigned gls_index_size(GLenum type);

/* Distance in bytes between the starts of two rows, or -1. */
int64_t gls_row_stride(GLsizei width, GLenum format, GLenum type, GLint alignment);

#endif
