#include "gls_pixels.h"

#include <GLES2/gl2ext.h>

static unsigned gls_components(GLenum format)
{
	switch (format) {
	case GL_ALPHA:
	case GL_LUMINANCE:
	case GL_RED_EXT: /* EXT_texture_rg */
	case GL_DEPTH_COMPONENT:
	case GL_STENCIL_INDEX8: /* not an upload format; never matches a type below */
		return 1;
	case GL_LUMINANCE_ALPHA:
	case GL_RG_EXT:
		return 2;
	case GL_RGB:
		return 3;
	case GL_RGBA:
	case GL_BGRA_EXT:
		return 4;
	default:
		return 0;
	}
}

unsigned gls_pixel_size(GLenum format, GLenum type)
{
	switch (type) {
	case GL_UNSIGNED_BYTE:
		return format == GL_DEPTH_COMPONENT ? 0 : gls_components(format);
	case GL_UNSIGNED_SHORT_5_6_5:
		return format == GL_RGB ? 2 : 0;
	case GL_UNSIGNED_SHORT_4_4_4_4:
	case GL_UNSIGNED_SHORT_5_5_5_1:
		return format == GL_RGBA ? 2 : 0;
	case GL_UNSIGNED_SHORT_4_4_4_4_REV_EXT: /* EXT_read_format_bgra */
	case GL_UNSIGNED_SHORT_1_5_5_5_REV_EXT:
		return format == GL_BGRA_EXT ? 2 : 0;
	case GL_UNSIGNED_SHORT:
		return format == GL_DEPTH_COMPONENT ? 2 : 0;
	case GL_UNSIGNED_INT:
		return format == GL_DEPTH_COMPONENT ? 4 : 0;
	case GL_UNSIGNED_INT_24_8_OES:
		return format == GL_DEPTH_STENCIL_OES ? 4 : 0;
	case GL_HALF_FLOAT_OES:
		return format == GL_DEPTH_COMPONENT ? 0 : 2 * gls_components(format);
	case GL_FLOAT:
		return format == GL_DEPTH_COMPONENT ? 0 : 4 * gls_components(format);
	default:
		return 0;
	}
}

int64_t gls_row_stride(GLsizei width, GLenum format, GLenum type, GLint alignment)
{
	unsigned bpp = gls_pixel_size(format, type);
	if (!bpp || (alignment != 1 && alignment != 2 && alignment != 4 && alignment != 8))
		return -1;
	if (width <= 0)
		return 0;
	int64_t row = (int64_t)width * bpp;
	return (row + alignment - 1) / alignment * alignment;
}

int64_t gls_image_size(GLsizei width, GLsizei height, GLenum format, GLenum type, GLint alignment)
{
	int64_t stride = gls_row_stride(width, format, type, alignment);
	if (stride < 0)
		return -1;
	if (width <= 0 || height <= 0)
		return 0;
	/* stride < 2^36 and height < 2^31: the product may not fit 63 bits */
	if (stride > ((int64_t)1 << 62) / height)
		return GLS_IMAGE_TOO_LARGE;
	return stride * (height - 1) + (int64_t)width * gls_pixel_size(format, type);
}

/* a + b * c for non-negative terms, saturating at GLS_IMAGE_TOO_LARGE */
static int64_t gls_add_product(int64_t a, int64_t b, int64_t c)
{
	if (a >= GLS_IMAGE_TOO_LARGE || (c && b > (GLS_IMAGE_TOO_LARGE - a) / c))
		return GLS_IMAGE_TOO_LARGE;
	return a + b * c;
}

bool gls_unpack_layout(GLsizei width, GLsizei height, GLenum format, GLenum type, GLint alignment,
		       GLint row_length, GLint skip_rows, GLint skip_pixels, struct gls_unpack_layout *layout)
{
	*layout = (struct gls_unpack_layout){0, 0, 0, 0};
	if (row_length < 0 || skip_rows < 0 || skip_pixels < 0)
		return false;
	/* rows of row_length pixels (at most 2^31 * 16 bytes: no overflow) */
	int64_t stride = gls_row_stride(row_length ? row_length : width, format, type, alignment);
	if (stride < 0)
		return false;
	if (width <= 0 || height <= 0)
		return true;
	unsigned bpp = gls_pixel_size(format, type);
	layout->stride = stride;
	layout->row_bytes = (int64_t)width * bpp;
	layout->offset = gls_add_product((int64_t)skip_pixels * bpp, skip_rows, stride);
	layout->end = gls_add_product(gls_add_product(layout->offset, height - 1, stride), 1, layout->row_bytes);
	return true;
}

unsigned gls_attrib_type_size(GLenum type)
{
	switch (type) {
	case GL_BYTE:
	case GL_UNSIGNED_BYTE:
		return 1;
	case GL_SHORT:
	case GL_UNSIGNED_SHORT:
	case GL_HALF_FLOAT_OES:
		return 2;
	case GL_FIXED:
	case GL_FLOAT:
		return 4;
	default:
		return 0;
	}
}

unsigned gls_attrib_element_size(GLint size, GLenum type)
{
	if (size < 1 || size > 4)
		return 0;
	switch (type) {
	case GL_INT_2_10_10_10_REV:
	case GL_UNSIGNED_INT_2_10_10_10_REV:
		return size == 4 ? 4 : 0;
	case GL_HALF_FLOAT:
		return 2 * (unsigned)size;
	case GL_INT:
	case GL_UNSIGNED_INT:
		return 4 * (unsigned)size;
	default:
		return gls_attrib_type_size(type) * (unsigned)size;
	}
}

unsigned gls_index_size(GLenum type)
{
	switch (type) {
	case GL_UNSIGNED_BYTE: return 1;
	case GL_UNSIGNED_SHORT: return 2;
	case GL_UNSIGNED_INT: return 4;
	default: return 0;
	}
}
