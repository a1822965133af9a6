/* Sizes of pixel rectangles, vertex attributes and indices as OpenGL ES
 * lays them out in client memory. */
#ifndef GLS_PIXELS_H
#define GLS_PIXELS_H

#include <stdint.h>
#include <GLES2/gl2.h>

/* Bytes per pixel of a format/type pair, 0 when the pair is unknown. */
unsigned gls_pixel_size(GLenum format, GLenum type);

/* Bytes of a width x height rectangle whose rows start on multiples of
 * `alignment` (the last row is not padded): 0 for an empty or negative
 * rectangle, -1 for an unknown format/type or a bad alignment, and
 * GLS_IMAGE_TOO_LARGE past 2^62 bytes (no GL object is that large; the
 * product of the largest width, height and pixel size overflows 64 bits). */
#define GLS_IMAGE_TOO_LARGE INT64_MAX
int64_t gls_image_size(GLsizei width, GLsizei height, GLenum format, GLenum type, GLint alignment);

/* Bytes of one component of a vertex attribute of `type`, 0 if unknown. */
unsigned gls_attrib_type_size(GLenum type);

/* Bytes of one index of `type` for glDrawElements, 0 if unknown. */
unsigned gls_index_size(GLenum type);

/* Distance in bytes between the starts of two rows, or -1. */
int64_t gls_row_stride(GLsizei width, GLenum format, GLenum type, GLint alignment);

#endif
