#include "gls_pixels.h"

#include <GLES2/gl2ext.h>
#include <stddef.h>

static unsigned gls_components(GLenum format)
{
	switch (format) {
	case GL_ALPHA:
	case GL_LUMINANCE:
	case GL_RED: /* == GL_RED_EXT (EXT_texture_rg) */
	case GL_RED_INTEGER:
	case GL_DEPTH_COMPONENT:
	case GL_STENCIL_INDEX8: /* not an upload format; never matches a type below */
		return 1;
	case GL_LUMINANCE_ALPHA:
	case GL_RG:
	case GL_RG_INTEGER:
		return 2;
	case GL_RGB:
	case GL_RGB_INTEGER:
		return 3;
	case GL_RGBA:
	case GL_RGBA_INTEGER:
	case GL_BGRA_EXT:
		return 4;
	default:
		return 0;
	}
}

/* Sizes every pair of ES 2.0, its extensions and ES 3.0 (table 3.2)
 * would read; whether the pair is valid for a command is the driver's
 * call (and the enum sets'), the size only has to be the one it reads. */
unsigned gls_pixel_size(GLenum format, GLenum type)
{
	bool depth = format == GL_DEPTH_COMPONENT;
	/* es3.2 layered: stencil texels are bytes (ES 3.2 table 8.2); other
	 * types are errors, nothing read */
	if (format == GL_STENCIL_INDEX)
		return type == GL_UNSIGNED_BYTE ? 1 : 0;
	switch (type) {
	case GL_UNSIGNED_BYTE:
	case GL_BYTE:
		return depth ? 0 : gls_components(format);
	case GL_UNSIGNED_SHORT_5_6_5:
		return format == GL_RGB ? 2 : 0;
	case GL_UNSIGNED_SHORT_4_4_4_4:
	case GL_UNSIGNED_SHORT_5_5_5_1:
		return format == GL_RGBA ? 2 : 0;
	case GL_UNSIGNED_SHORT_4_4_4_4_REV_EXT: /* EXT_read_format_bgra */
	case GL_UNSIGNED_SHORT_1_5_5_5_REV_EXT:
		/* RGBA too: Mesa's implementation read pair of RGB5_A1 */
		return format == GL_BGRA_EXT || format == GL_RGBA ? 2 : 0;
	case GL_UNSIGNED_SHORT:
		return depth ? 2 : 2 * gls_components(format);
	case GL_SHORT:
		return depth ? 0 : 2 * gls_components(format);
	case GL_UNSIGNED_INT:
		return depth ? 4 : 4 * gls_components(format);
	case GL_INT:
		return depth ? 0 : 4 * gls_components(format);
	case GL_UNSIGNED_INT_24_8: /* == GL_UNSIGNED_INT_24_8_OES */
		return format == GL_DEPTH_STENCIL ? 4 : 0;
	case GL_FLOAT_32_UNSIGNED_INT_24_8_REV:
		return format == GL_DEPTH_STENCIL ? 8 : 0;
	case GL_UNSIGNED_INT_2_10_10_10_REV:
		return format == GL_RGBA || format == GL_RGBA_INTEGER ? 4 : 0;
	case GL_UNSIGNED_INT_10F_11F_11F_REV:
	case GL_UNSIGNED_INT_5_9_9_9_REV:
		return format == GL_RGB ? 4 : 0;
	case GL_HALF_FLOAT_OES:
	case GL_HALF_FLOAT:
		return depth ? 0 : 2 * gls_components(format);
	case GL_FLOAT:
		return 4 * gls_components(format);
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

bool gls_pixel_layout(GLsizei width, GLsizei height, GLsizei depth, GLenum format, GLenum type,
		      const struct gls_pixel_store *store, struct gls_unpack_layout *layout)
{
	*layout = (struct gls_unpack_layout){0, 0, 0, 0, 0};
	if (store->row_length < 0 || store->image_height < 0 || store->skip_rows < 0 || store->skip_pixels < 0 ||
	    store->skip_images < 0)
		return false;
	/* rows of row_length pixels (at most 2^31 * 16 bytes: no overflow) */
	int64_t stride = gls_row_stride(store->row_length ? store->row_length : width, format, type, store->alignment);
	if (stride < 0)
		return false;
	if (width <= 0 || height <= 0 || depth <= 0)
		return true;
	unsigned bpp = gls_pixel_size(format, type);
	/* images of image_height rows: below 2^67 bytes, saturated */
	int64_t image_stride = gls_add_product(0, store->image_height ? store->image_height : height, stride);
	layout->stride = stride;
	layout->image_stride = image_stride;
	layout->row_bytes = (int64_t)width * bpp;
	layout->offset = gls_add_product(gls_add_product((int64_t)store->skip_pixels * bpp, store->skip_rows, stride),
					 store->skip_images, image_stride);
	int64_t last_image = gls_add_product(layout->offset, depth - 1, image_stride);
	layout->end = gls_add_product(gls_add_product(last_image, height - 1, stride), 1, layout->row_bytes);
	return true;
}

bool gls_unpack_layout(GLsizei width, GLsizei height, GLenum format, GLenum type, GLint alignment,
		       GLint row_length, GLint skip_rows, GLint skip_pixels, struct gls_unpack_layout *layout)
{
	const struct gls_pixel_store store = {alignment, row_length, 0, skip_rows, skip_pixels, 0};
	return gls_pixel_layout(width, height, 1, format, type, &store, layout);
}

int64_t gls_image_size_3d(GLsizei width, GLsizei height, GLsizei depth, GLenum format, GLenum type, GLint alignment)
{
	const struct gls_pixel_store store = {alignment, 0, 0, 0, 0, 0};
	struct gls_unpack_layout l;
	if (!gls_pixel_layout(width, height, depth, format, type, &store, &l))
		return -1;
	/* GLS_IMAGE_TOO_LARGE past 2^62, like gls_image_size */
	return l.end > ((int64_t)1 << 62) ? GLS_IMAGE_TOO_LARGE : l.end;
}

unsigned gls_internalformat_texel(GLenum internalformat, GLenum *format, GLenum *type)
{
	static const struct {
		GLenum internalformat, format, type;
		unsigned bytes;
	} formats[] = {
		/* ES 3.0 table 3.13 (colour) and 3.14 (depth, stencil) */
		{GL_R8, GL_RED, GL_UNSIGNED_BYTE, 1},
		{GL_R8_SNORM, GL_RED, GL_BYTE, 1},
		{GL_R16F, GL_RED, GL_HALF_FLOAT, 2},
		{GL_R32F, GL_RED, GL_FLOAT, 4},
		{GL_R8UI, GL_RED_INTEGER, GL_UNSIGNED_BYTE, 1},
		{GL_R8I, GL_RED_INTEGER, GL_BYTE, 1},
		{GL_R16UI, GL_RED_INTEGER, GL_UNSIGNED_SHORT, 2},
		{GL_R16I, GL_RED_INTEGER, GL_SHORT, 2},
		{GL_R32UI, GL_RED_INTEGER, GL_UNSIGNED_INT, 4},
		{GL_R32I, GL_RED_INTEGER, GL_INT, 4},
		{GL_RG8, GL_RG, GL_UNSIGNED_BYTE, 2},
		{GL_RG8_SNORM, GL_RG, GL_BYTE, 2},
		{GL_RG16F, GL_RG, GL_HALF_FLOAT, 4},
		{GL_RG32F, GL_RG, GL_FLOAT, 8},
		{GL_RG8UI, GL_RG_INTEGER, GL_UNSIGNED_BYTE, 2},
		{GL_RG8I, GL_RG_INTEGER, GL_BYTE, 2},
		{GL_RG16UI, GL_RG_INTEGER, GL_UNSIGNED_SHORT, 4},
		{GL_RG16I, GL_RG_INTEGER, GL_SHORT, 4},
		{GL_RG32UI, GL_RG_INTEGER, GL_UNSIGNED_INT, 8},
		{GL_RG32I, GL_RG_INTEGER, GL_INT, 8},
		{GL_RGB8, GL_RGB, GL_UNSIGNED_BYTE, 3},
		{GL_SRGB8, GL_RGB, GL_UNSIGNED_BYTE, 3},
		{GL_RGB565, GL_RGB, GL_UNSIGNED_BYTE, 3},
		{GL_RGB8_SNORM, GL_RGB, GL_BYTE, 3},
		{GL_R11F_G11F_B10F, GL_RGB, GL_UNSIGNED_INT_10F_11F_11F_REV, 4},
		{GL_RGB9_E5, GL_RGB, GL_UNSIGNED_INT_5_9_9_9_REV, 4},
		{GL_RGB16F, GL_RGB, GL_HALF_FLOAT, 6},
		{GL_RGB32F, GL_RGB, GL_FLOAT, 12},
		{GL_RGB8UI, GL_RGB_INTEGER, GL_UNSIGNED_BYTE, 3},
		{GL_RGB8I, GL_RGB_INTEGER, GL_BYTE, 3},
		{GL_RGB16UI, GL_RGB_INTEGER, GL_UNSIGNED_SHORT, 6},
		{GL_RGB16I, GL_RGB_INTEGER, GL_SHORT, 6},
		{GL_RGB32UI, GL_RGB_INTEGER, GL_UNSIGNED_INT, 12},
		{GL_RGB32I, GL_RGB_INTEGER, GL_INT, 12},
		{GL_RGBA8, GL_RGBA, GL_UNSIGNED_BYTE, 4},
		{GL_SRGB8_ALPHA8, GL_RGBA, GL_UNSIGNED_BYTE, 4},
		{GL_RGBA8_SNORM, GL_RGBA, GL_BYTE, 4},
		{GL_RGB5_A1, GL_RGBA, GL_UNSIGNED_BYTE, 4},
		{GL_RGBA4, GL_RGBA, GL_UNSIGNED_BYTE, 4},
		{GL_RGB10_A2, GL_RGBA, GL_UNSIGNED_INT_2_10_10_10_REV, 4},
		{GL_RGBA16F, GL_RGBA, GL_HALF_FLOAT, 8},
		{GL_RGBA32F, GL_RGBA, GL_FLOAT, 16},
		{GL_RGBA8UI, GL_RGBA_INTEGER, GL_UNSIGNED_BYTE, 4},
		{GL_RGBA8I, GL_RGBA_INTEGER, GL_BYTE, 4},
		{GL_RGB10_A2UI, GL_RGBA_INTEGER, GL_UNSIGNED_INT_2_10_10_10_REV, 4},
		{GL_RGBA16UI, GL_RGBA_INTEGER, GL_UNSIGNED_SHORT, 8},
		{GL_RGBA16I, GL_RGBA_INTEGER, GL_SHORT, 8},
		{GL_RGBA32UI, GL_RGBA_INTEGER, GL_UNSIGNED_INT, 16},
		{GL_RGBA32I, GL_RGBA_INTEGER, GL_INT, 16},
		{GL_DEPTH_COMPONENT16, GL_DEPTH_COMPONENT, GL_UNSIGNED_SHORT, 2},
		{GL_DEPTH_COMPONENT24, GL_DEPTH_COMPONENT, GL_UNSIGNED_INT, 4},
		{GL_DEPTH_COMPONENT32F, GL_DEPTH_COMPONENT, GL_FLOAT, 4},
		{GL_DEPTH24_STENCIL8, GL_DEPTH_STENCIL, GL_UNSIGNED_INT_24_8, 4},
		{GL_DEPTH32F_STENCIL8, GL_DEPTH_STENCIL, GL_FLOAT_32_UNSIGNED_INT_24_8_REV, 8},
		/* es3.2 layered: stencil textures (ES 3.2 table 8.11) */
		{GL_STENCIL_INDEX8, GL_STENCIL_INDEX, GL_UNSIGNED_BYTE, 1},
		/* ES 2.0 extensions' sized formats glTexStorage takes */
		{GL_ALPHA8_EXT, GL_ALPHA, GL_UNSIGNED_BYTE, 1},
		{GL_LUMINANCE8_EXT, GL_LUMINANCE, GL_UNSIGNED_BYTE, 1},
		{GL_LUMINANCE8_ALPHA8_EXT, GL_LUMINANCE_ALPHA, GL_UNSIGNED_BYTE, 2},
		{GL_BGRA8_EXT, GL_BGRA_EXT, GL_UNSIGNED_BYTE, 4},
	};
	for (size_t i = 0; i < sizeof(formats) / sizeof(formats[0]); i++) {
		if (formats[i].internalformat == internalformat) {
			*format = formats[i].format;
			*type = formats[i].type;
			return formats[i].bytes;
		}
	}
	return 0;
}

static unsigned gls_block_4x4(GLenum internalformat)
{
	switch (internalformat) {
	case GL_COMPRESSED_R11_EAC:
	case GL_COMPRESSED_SIGNED_R11_EAC:
	case GL_COMPRESSED_RGB8_ETC2:
	case GL_COMPRESSED_SRGB8_ETC2:
	case GL_COMPRESSED_RGB8_PUNCHTHROUGH_ALPHA1_ETC2:
	case GL_COMPRESSED_SRGB8_PUNCHTHROUGH_ALPHA1_ETC2:
	case GL_ETC1_RGB8_OES:
	case GL_COMPRESSED_RGB_S3TC_DXT1_EXT:
	case GL_COMPRESSED_RGBA_S3TC_DXT1_EXT:
	case GL_COMPRESSED_RED_RGTC1_EXT:
	case GL_COMPRESSED_SIGNED_RED_RGTC1_EXT:
		return 8;
	case GL_COMPRESSED_RG11_EAC:
	case GL_COMPRESSED_SIGNED_RG11_EAC:
	case GL_COMPRESSED_RGBA8_ETC2_EAC:
	case GL_COMPRESSED_SRGB8_ALPHA8_ETC2_EAC:
	case GL_COMPRESSED_RGBA_S3TC_DXT3_ANGLE:
	case GL_COMPRESSED_RGBA_S3TC_DXT5_ANGLE:
	case GL_COMPRESSED_RED_GREEN_RGTC2_EXT:
	case GL_COMPRESSED_SIGNED_RED_GREEN_RGTC2_EXT:
	case GL_COMPRESSED_RGBA_BPTC_UNORM_EXT:
	case GL_COMPRESSED_SRGB_ALPHA_BPTC_UNORM_EXT:
	case GL_COMPRESSED_RGB_BPTC_SIGNED_FLOAT_EXT:
	case GL_COMPRESSED_RGB_BPTC_UNSIGNED_FLOAT_EXT:
		return 16;
	default:
		return 0;
	}
}

unsigned gls_compressed_block(GLenum internalformat, unsigned *block_width, unsigned *block_height)
{
	/* KHR_texture_compression_astc_ldr: 16 bytes a block of these sizes,
	 * in the order of the RGBA and the SRGB8_ALPHA8 enums */
	static const uint8_t astc[14][2] = {{4, 4}, {5, 4}, {5, 5}, {6, 5}, {6, 6}, {8, 5}, {8, 6},
					    {8, 8}, {10, 5}, {10, 6}, {10, 8}, {10, 10}, {12, 10}, {12, 12}};
	*block_width = *block_height = 4;
	if (internalformat >= GL_COMPRESSED_RGBA_ASTC_4x4_KHR && internalformat <= GL_COMPRESSED_RGBA_ASTC_12x12_KHR) {
		unsigned i = internalformat - GL_COMPRESSED_RGBA_ASTC_4x4_KHR;
		*block_width = astc[i][0];
		*block_height = astc[i][1];
		return 16;
	}
	if (internalformat >= GL_COMPRESSED_SRGB8_ALPHA8_ASTC_4x4_KHR &&
	    internalformat <= GL_COMPRESSED_SRGB8_ALPHA8_ASTC_12x12_KHR) {
		unsigned i = internalformat - GL_COMPRESSED_SRGB8_ALPHA8_ASTC_4x4_KHR;
		*block_width = astc[i][0];
		*block_height = astc[i][1];
		return 16;
	}
	return gls_block_4x4(internalformat);
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
