/* Unit tests of the code client and server share: the id map (growth,
 * removal, tombstones, reserved keys), pixel rectangle sizes (every ES 2.0
 * format/type pair and alignment, overflow-free) and the wire reader
 * (bounds, trailing bytes, array counts), and the masking of shader
 * sources (hidden extension names, comments, continuations, #version),
 * and the extension sets past 64 entries (es3.2 ext32). */
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <GLES2/gl2.h>
#include <GLES2/gl2ext.h>

#include "gls_extensions.h"
#include "gls_idmap.h"
#include "gls_pixels.h"
#include "gls_shader_mask.h"
#include "gls_wire.h"

static int passed, failed;

#define CHECK(cond)                                                              \
	do {                                                                     \
		if (cond) {                                                      \
			passed++;                                                \
		} else {                                                         \
			failed++;                                                \
			fprintf(stderr, "FAIL %s:%d: %s\n", __FILE__, __LINE__, #cond); \
		}                                                                \
	} while (0)

static void count_entry(uint32_t key, uint64_t value, void *data)
{
	uint64_t *sum = data;
	*sum += key + value;
}

static void test_idmap(void)
{
	struct gls_idmap map;
	gls_idmap_init(&map);
	uint64_t v = 0;
	CHECK(!gls_idmap_get(&map, 1, &v));
	CHECK(!gls_idmap_put(&map, 0, 1));          /* 0 is no object */
	CHECK(!gls_idmap_put(&map, GLS_IDMAP_TOMB, 1)); /* reserved */
	for (uint32_t k = 1; k <= 10000; k++)
		CHECK(gls_idmap_put(&map, k * 7919u, (uint64_t)k << 32 | k));
	CHECK(map.count == 10000);
	CHECK(gls_idmap_get(&map, 5000u * 7919u, &v) && v == ((uint64_t)5000 << 32 | 5000));
	/* remove every other key; the rest stay reachable past tombstones */
	for (uint32_t k = 1; k <= 10000; k += 2)
		CHECK(gls_idmap_remove(&map, k * 7919u, NULL));
	CHECK(map.count == 5000);
	CHECK(!gls_idmap_get(&map, 1u * 7919u, NULL));
	CHECK(gls_idmap_get(&map, 2u * 7919u, &v) && v == ((uint64_t)2 << 32 | 2));
	CHECK(!gls_idmap_remove(&map, 1u * 7919u, NULL)); /* twice */
	/* replacing keeps the count */
	CHECK(gls_idmap_put(&map, 2u * 7919u, 42) && map.count == 5000);
	CHECK(gls_idmap_get(&map, 2u * 7919u, &v) && v == 42);
	/* churn: tombstones are reclaimed rather than growing for ever */
	for (uint32_t round = 0; round < 50; round++) {
		for (uint32_t k = 1; k <= 1000; k++)
			gls_idmap_put(&map, 0x40000000u + round * 1000 + k, k);
		for (uint32_t k = 1; k <= 1000; k++)
			gls_idmap_remove(&map, 0x40000000u + round * 1000 + k, NULL);
	}
	CHECK(map.count == 5000 && map.capacity <= 32768);
	uint64_t sum = 0;
	gls_idmap_each(&map, count_entry, &sum);
	CHECK(sum != 0);
	gls_idmap_free(&map);
	CHECK(map.count == 0 && map.capacity == 0);
}

static void test_pixels(void)
{
	CHECK(gls_pixel_size(GL_RGBA, GL_UNSIGNED_BYTE) == 4);
	CHECK(gls_pixel_size(GL_RGB, GL_UNSIGNED_BYTE) == 3);
	CHECK(gls_pixel_size(GL_LUMINANCE_ALPHA, GL_UNSIGNED_BYTE) == 2);
	CHECK(gls_pixel_size(GL_ALPHA, GL_UNSIGNED_BYTE) == 1);
	CHECK(gls_pixel_size(GL_RGB, GL_UNSIGNED_SHORT_5_6_5) == 2);
	CHECK(gls_pixel_size(GL_RGBA, GL_UNSIGNED_SHORT_5_6_5) == 0); /* mismatched pair */
	CHECK(gls_pixel_size(GL_RGBA, GL_UNSIGNED_SHORT_4_4_4_4) == 2);
	CHECK(gls_pixel_size(GL_DEPTH_COMPONENT, GL_UNSIGNED_INT) == 4);
	CHECK(gls_pixel_size(GL_DEPTH_STENCIL_OES, GL_UNSIGNED_INT_24_8_OES) == 4);
	CHECK(gls_pixel_size(GL_RGBA, GL_FLOAT) == 16);
	CHECK(gls_pixel_size(GL_RG_EXT, GL_HALF_FLOAT_OES) == 4);
	CHECK(gls_pixel_size(GL_BGRA_EXT, GL_UNSIGNED_BYTE) == 4);
	CHECK(gls_pixel_size(0x1234, GL_UNSIGNED_BYTE) == 0);
	CHECK(gls_attrib_type_size(GL_FLOAT) == 4 && gls_attrib_type_size(GL_HALF_FLOAT_OES) == 2 &&
	      gls_attrib_type_size(GL_BYTE) == 1 && gls_attrib_type_size(GL_UNSIGNED_INT) == 0);
	CHECK(gls_attrib_element_size(3, GL_FLOAT) == 12 && gls_attrib_element_size(2, GL_HALF_FLOAT) == 4 &&
	      gls_attrib_element_size(4, GL_UNSIGNED_INT) == 16 && gls_attrib_element_size(4, GL_INT_2_10_10_10_REV) == 4 &&
	      gls_attrib_element_size(3, GL_UNSIGNED_INT_2_10_10_10_REV) == 0 && gls_attrib_element_size(0, GL_BYTE) == 0 &&
	      gls_attrib_element_size(5, GL_BYTE) == 0 && gls_attrib_element_size(1, GL_FIXED + 100) == 0);
	CHECK(gls_index_size(GL_UNSIGNED_INT) == 4 && gls_index_size(GL_UNSIGNED_SHORT) == 2 &&
	      gls_index_size(GL_FLOAT) == 0);
	/* rows padded to the alignment, the last one not */
	CHECK(gls_row_stride(7, GL_RGB, GL_UNSIGNED_BYTE, 4) == 24);
	CHECK(gls_image_size(7, 5, GL_RGB, GL_UNSIGNED_BYTE, 4) == 24 * 4 + 21);
	CHECK(gls_image_size(7, 5, GL_RGB, GL_UNSIGNED_BYTE, 1) == 105);
	CHECK(gls_image_size(13, 3, GL_RGBA, GL_UNSIGNED_BYTE, 8) == 56 * 2 + 52);
	CHECK(gls_image_size(0, 5, GL_RGBA, GL_UNSIGNED_BYTE, 4) == 0);
	CHECK(gls_image_size(-1, 5, GL_RGBA, GL_UNSIGNED_BYTE, 4) == 0);
	CHECK(gls_image_size(4, 4, GL_RGBA, GL_UNSIGNED_BYTE, 3) == -1); /* bad alignment */
	CHECK(gls_image_size(4, 4, 0x1234, GL_UNSIGNED_BYTE, 4) == -1);
	/* the largest rectangles do not overflow 64 bits: they are too large */
	CHECK(gls_image_size(0x7fffffff, 0x7fffffff, GL_RGBA, GL_FLOAT, 8) == GLS_IMAGE_TOO_LARGE);
	CHECK(gls_image_size(0x40000000, 0x40000001, GL_RGBA, GL_UNSIGNED_BYTE, 4) == GLS_IMAGE_TOO_LARGE);
	CHECK(gls_image_size(0x10000, 0x10001, GL_RGBA, GL_UNSIGNED_BYTE, 4) == (int64_t)0x40000 * 0x10001);

	/* EXT_unpack_subimage: rows of row_length pixels, skips before the first */
	struct gls_unpack_layout l;
	CHECK(gls_unpack_layout(7, 5, GL_RGB, GL_UNSIGNED_BYTE, 4, 0, 0, 0, &l));
	CHECK(l.offset == 0 && l.stride == 24 && l.row_bytes == 21 &&
	      l.end == gls_image_size(7, 5, GL_RGB, GL_UNSIGNED_BYTE, 4));
	CHECK(gls_unpack_layout(3, 2, GL_RGB, GL_UNSIGNED_BYTE, 4, 10, 4, 2, &l));
	CHECK(l.stride == 32 && l.row_bytes == 9 && l.offset == 4 * 32 + 2 * 3 && l.end == l.offset + 32 + 9);
	CHECK(gls_unpack_layout(4, 4, GL_RGBA, GL_UNSIGNED_BYTE, 1, 2, 0, 0, &l)); /* row_length < width */
	CHECK(l.stride == 8 && l.end == 3 * 8 + 16);
	CHECK(gls_unpack_layout(0, 4, GL_RGBA, GL_UNSIGNED_BYTE, 4, 100, 100, 100, &l) && l.end == 0);
	CHECK(!gls_unpack_layout(4, 4, GL_RGBA, GL_UNSIGNED_BYTE, 4, -1, 0, 0, &l));
	CHECK(!gls_unpack_layout(4, 4, GL_RGBA, GL_UNSIGNED_BYTE, 4, 0, -1, 0, &l));
	CHECK(!gls_unpack_layout(4, 4, GL_RGBA, GL_UNSIGNED_BYTE, 4, 0, 0, -1, &l));
	CHECK(!gls_unpack_layout(4, 4, 0x1234, GL_UNSIGNED_BYTE, 4, 0, 0, 0, &l));
	CHECK(!gls_unpack_layout(4, 4, GL_RGBA, GL_UNSIGNED_BYTE, 3, 0, 0, 0, &l));
	/* the largest row lengths and skips saturate instead of wrapping */
	CHECK(gls_unpack_layout(1, 0x7fffffff, GL_RGBA, GL_FLOAT, 8, 0x7fffffff, 0x7fffffff, 0x7fffffff, &l));
	CHECK(l.stride == (int64_t)0x7fffffff * 16 && l.offset == GLS_IMAGE_TOO_LARGE && l.end == GLS_IMAGE_TOO_LARGE);
	CHECK(gls_unpack_layout(1, 0x7fffffff, GL_RGBA, GL_FLOAT, 8, 0x7fffffff, 0, 0x7fffffff, &l));
	CHECK(l.offset == (int64_t)0x7fffffff * 16 && l.end == GLS_IMAGE_TOO_LARGE);
	CHECK(gls_unpack_layout(0x7fffffff, 0x7fffffff, GL_RGBA, GL_FLOAT, 8, 0, 0x40000000, 0, &l));
	CHECK(l.offset == GLS_IMAGE_TOO_LARGE && l.end == GLS_IMAGE_TOO_LARGE);
}

/* es3 textures: ES 3.0 formats, 3D layouts, sized internal formats */
static void test_pixels_es3(void)
{
	CHECK(gls_pixel_size(GL_RGBA_INTEGER, GL_UNSIGNED_INT) == 16);
	CHECK(gls_pixel_size(GL_RG_INTEGER, GL_SHORT) == 4);
	CHECK(gls_pixel_size(GL_RED, GL_HALF_FLOAT) == 2);
	CHECK(gls_pixel_size(GL_RGB, GL_UNSIGNED_INT_10F_11F_11F_REV) == 4);
	CHECK(gls_pixel_size(GL_RGB, GL_UNSIGNED_INT_5_9_9_9_REV) == 4);
	CHECK(gls_pixel_size(GL_RGBA, GL_UNSIGNED_INT_5_9_9_9_REV) == 0);
	CHECK(gls_pixel_size(GL_RGBA_INTEGER, GL_UNSIGNED_INT_2_10_10_10_REV) == 4);
	CHECK(gls_pixel_size(GL_DEPTH_STENCIL, GL_FLOAT_32_UNSIGNED_INT_24_8_REV) == 8);
	CHECK(gls_pixel_size(GL_DEPTH_COMPONENT, GL_FLOAT) == 4);
	/* 7 x 5 x 3 RGB, alignment 4: rows of 24 bytes, the last one 21 */
	CHECK(gls_image_size_3d(7, 5, 3, GL_RGB, GL_UNSIGNED_BYTE, 4) == 24 * 14 + 21);
	CHECK(gls_image_size_3d(7, 5, 0, GL_RGB, GL_UNSIGNED_BYTE, 4) == 0);
	CHECK(gls_image_size_3d(7, 5, 1, 0x1234, GL_UNSIGNED_BYTE, 4) == -1);
	CHECK(gls_image_size_3d(0x7fffffff, 0x7fffffff, 0x7fffffff, GL_RGBA, GL_FLOAT, 8) == GLS_IMAGE_TOO_LARGE);
	CHECK(gls_image_size_3d(2048, 2048, 2048, GL_RGBA, GL_FLOAT, 4) == (int64_t)2048 * 2048 * 2048 * 16);
	struct gls_unpack_layout l;
	/* row length 10, image height 6, skips 2 images, 3 rows, 1 pixel */
	const struct gls_pixel_store store = {4, 10, 6, 3, 1, 2};
	CHECK(gls_pixel_layout(4, 5, 2, GL_RGBA, GL_UNSIGNED_BYTE, &store, &l));
	CHECK(l.stride == 40 && l.image_stride == 240 && l.row_bytes == 16);
	CHECK(l.offset == 4 + 3 * 40 + 2 * 240 && l.end == l.offset + 240 + 4 * 40 + 16);
	const struct gls_pixel_store huge = {8, 0x7fffffff, 0x7fffffff, 0, 0, 0x7fffffff};
	CHECK(gls_pixel_layout(1, 1, 1, GL_RGBA, GL_FLOAT, &huge, &l) && l.end == GLS_IMAGE_TOO_LARGE);
	const struct gls_pixel_store negative = {4, 0, -1, 0, 0, 0};
	CHECK(!gls_pixel_layout(1, 1, 1, GL_RGBA, GL_UNSIGNED_BYTE, &negative, &l));
	GLenum format, type;
	CHECK(gls_internalformat_texel(GL_RGBA32F, &format, &type) == 16 && format == GL_RGBA && type == GL_FLOAT);
	CHECK(gls_internalformat_texel(GL_RG16UI, &format, &type) == 4 && format == GL_RG_INTEGER);
	CHECK(gls_internalformat_texel(GL_DEPTH32F_STENCIL8, &format, &type) == 8);
	CHECK(gls_internalformat_texel(GL_RGBA, &format, &type) == 0);
	unsigned bw, bh;
	CHECK(gls_compressed_block(GL_COMPRESSED_RGBA8_ETC2_EAC, &bw, &bh) == 16 && bw == 4 && bh == 4);
	CHECK(gls_compressed_block(GL_COMPRESSED_RGB8_ETC2, &bw, &bh) == 8);
	CHECK(gls_compressed_block(GL_COMPRESSED_RGBA_ASTC_10x6_KHR, &bw, &bh) == 16 && bw == 10 && bh == 6);
	CHECK(gls_compressed_block(GL_COMPRESSED_SRGB8_ALPHA8_ASTC_12x12_KHR, &bw, &bh) == 16 && bw == 12 && bh == 12);
	CHECK(gls_compressed_block(GL_RGBA8, &bw, &bh) == 0);
}

static void test_reader(void)
{
	uint8_t buf[32], *w = buf;
	w = gls_put_u32(w, 3);
	w = gls_put_f32(w, 1.5f);
	w = gls_put_i64(w, -2);
	w = gls_put_u32(w, 2); /* an array of 2 */
	w = gls_put_u32(w, 10);
	w = gls_put_u32(w, 20);
	size_t n = (size_t)(w - buf);
	struct gls_reader r;
	gls_reader_init(&r, buf, n);
	CHECK(gls_get_u32(&r) == 3);
	CHECK(gls_get_f32(&r) == 1.5f);
	CHECK(gls_get_i64(&r) == -2);
	const uint8_t *array = gls_get_array(&r, 4, 2);
	CHECK(array && gls_reader_done(&r));
	/* a wrong count, trailing bytes, reading past the end: all latch bad */
	gls_reader_init(&r, buf, n);
	gls_get_u32(&r);
	gls_get_f32(&r);
	gls_get_i64(&r);
	CHECK(!gls_get_array(&r, 4, 3) && r.bad);
	gls_reader_init(&r, buf, n);
	gls_get_u32(&r);
	CHECK(!gls_reader_done(&r));
	gls_reader_init(&r, buf, 4);
	gls_get_u32(&r);
	CHECK(gls_get_u32(&r) == 0 && r.bad);
	/* a blob claiming more than the message holds */
	uint8_t blob[8];
	gls_put_u32(gls_put_u32(blob, 0xfffffff0u), 0);
	gls_reader_init(&r, blob, sizeof(blob));
	uint32_t len;
	CHECK(!gls_get_blob(&r, &len) && len == 0 && r.bad);
	CHECK(gls_array_count(-5) == 0 && gls_array_count((int64_t)1 << 40) == -1 && gls_array_count(16) == 16);
}

/* ---- shader masking (common/gls_shader_mask.c) ---- */

#define HIDE "GL_GLSTREAM_HIDDEN_"
#define ALL_WARN                                                                                 \
	"#extension all : disable\n"                                                             \
	"#ifdef GL_OES_standard_derivatives\n#extension GL_OES_standard_derivatives : warn\n#endif\n" \
	"#ifdef GL_EXT_frag_depth\n#extension GL_EXT_frag_depth : warn\n#endif\n"
#define REFUSAL_300 "#error GLSL 3.00 is not supported. Supported versions are: 1.00 ES\n"
static const char advertised[] = "GL_OES_standard_derivatives GL_EXT_frag_depth ";

struct mask_case {
	const char *in;
	enum gls_shader_mask_result result;
	const char *out; /* RENAMED, REFUSED: the driver's text */
};

static const struct mask_case mask_cases[] = {
	{"void main() { gl_FragColor = vec4(1.0); }\n", GLS_SHADER_MASK_SAME, NULL},
	/* #extension of a hidden extension: the driver sees an unknown one */
	{"#extension GL_EXT_draw_buffers : require\n", GLS_SHADER_MASK_RENAMED,
	 "#extension " HIDE "EXT_draw_buffers : require\n"},
	{"#extension GL_EXT_draw_buffers:enable\n", GLS_SHADER_MASK_RENAMED, "#extension " HIDE "EXT_draw_buffers:enable\n"},
	{"  #  extension GL_OES_standard_derivatives : enable\n", GLS_SHADER_MASK_SAME, NULL},
	/* all : warn would enable every extension the compiler knows */
	{"#extension all : warn\n", GLS_SHADER_MASK_RENAMED, ALL_WARN "#line 2\n"},
	{"x;\n # extension /* c */ all:\\\nwarn // c\r\nint y;", GLS_SHADER_MASK_RENAMED,
	 "x;\n " ALL_WARN "#line 4\r\nint y;"},
	{"#extension all : warn", GLS_SHADER_MASK_RENAMED, ALL_WARN "#line 2\n"},
	{"#extension all : disable\n#extension all : warn extra\n#extension all : enable\n#extension x all : warn\n",
	 GLS_SHADER_MASK_SAME, NULL},
	{"#extension all : warn\n#extension GL_EXT_foo : warn\n", GLS_SHADER_MASK_RENAMED,
	 ALL_WARN "#line 2\n#extension " HIDE "EXT_foo : warn\n"},
	/* every form of `defined`, and uses outside directives */
	{"#ifdef GL_EXT_draw_buffers\n#endif\n#ifndef GL_OES_EGL_image_external\n#endif\n", GLS_SHADER_MASK_RENAMED,
	 "#ifdef " HIDE "EXT_draw_buffers\n#endif\n#ifndef " HIDE "OES_EGL_image_external\n#endif\n"},
	{"#if defined(GL_EXT_draw_buffers) || defined GL_OES_standard_derivatives\n#elif GL_EXT_frag_depth\n",
	 GLS_SHADER_MASK_RENAMED,
	 "#if defined(" HIDE "EXT_draw_buffers) || defined GL_OES_standard_derivatives\n#elif GL_EXT_frag_depth\n"},
	{"#define GL_EXT_foo 1\nint x = GL_EXT_foo + 1GL_EXT_foo;", GLS_SHADER_MASK_RENAMED,
	 "#define " HIDE "EXT_foo 1\nint x = " HIDE "EXT_foo + 1" HIDE "EXT_foo;"},
	{"#ifdef GL_EXT_foo\r\n#endif\r\n", GLS_SHADER_MASK_RENAMED, "#ifdef " HIDE "EXT_foo\r\n#endif\r\n"},
	/* comments hide names, also when continued or split by a continuation */
	{"// GL_EXT_draw_buffers\n/* #extension GL_EXT_draw_buffers : require */ x;\n", GLS_SHADER_MASK_SAME, NULL},
	{"// a comment \\\nGL_EXT_foo\n", GLS_SHADER_MASK_SAME, NULL},
	{"/\\\n/ GL_EXT_foo\n/\\\r\n* GL_EXT_foo *\\\n/ GL_EXT_bar", GLS_SHADER_MASK_RENAMED,
	 "/\\\n/ GL_EXT_foo\n/\\\r\n* GL_EXT_foo *\\\n/ " HIDE "EXT_bar"},
	{"/* GL_EXT_foo **/ GL_EXT_bar /* unterminated GL_EXT_foo", GLS_SHADER_MASK_RENAMED,
	 "/* GL_EXT_foo **/ " HIDE "EXT_bar /* unterminated GL_EXT_foo"},
	{"a / b; GL_EXT_foo/GL_EXT_foo", GLS_SHADER_MASK_RENAMED, "a / b; " HIDE "EXT_foo/" HIDE "EXT_foo"},
	/* a name continued over lines is one name */
	{"#ifdef GL_EXT_draw_buf\\\nfers\n", GLS_SHADER_MASK_RENAMED, "#ifdef " HIDE "EXT_draw_buf\\\nfers\n"},
	{"#ifdef G\\\nL\\\r\n_EXT_foo\n", GLS_SHADER_MASK_RENAMED, "#ifdef G\\\nL\\\r\n_GLSTREAM_HIDDEN_EXT_foo\n"},
	{"#ifdef GL_OES_standard_\\\nderivatives\n", GLS_SHADER_MASK_SAME, NULL},
	/* names that merely look like extension names */
	{"GL_OES GL_ES GL_FRAGMENT_PRECISION_HIGH xGL_EXT_foo GL_core_profile GL__x GL_EXT_ GL_ext_foo gl_EXT_foo",
	 GLS_SHADER_MASK_SAME, NULL},
	{"GL_OES_standard_derivativesX GL_OES_standard_derivatives_ GL_EXT_frag_dept", GLS_SHADER_MASK_RENAMED,
	 HIDE "OES_standard_derivativesX " HIDE "OES_standard_derivatives_ " HIDE "EXT_frag_dept"},
	{"GL_GLSTREAM_HIDDEN_EXT_foo", GLS_SHADER_MASK_RENAMED, HIDE "GLSTREAM_HIDDEN_EXT_foo"},
	/* #error and #pragma lines are text */
	{"#error GL_EXT_foo is defined\n#pragma GL_EXT_foo\nGL_EXT_foo", GLS_SHADER_MASK_RENAMED,
	 "#error GL_EXT_foo is defined\n#pragma GL_EXT_foo\n" HIDE "EXT_foo"},
	/* # not first on its line starts no directive */
	{"x # error GL_EXT_foo\n", GLS_SHADER_MASK_RENAMED, "x # error " HIDE "EXT_foo\n"},
	/* #version: 100 only */
	{"#version 100\nprecision mediump float;\n", GLS_SHADER_MASK_SAME, NULL},
	{" /* c */ # version /* c */ 100 // c\n", GLS_SHADER_MASK_SAME, NULL},
	{"#version 300 es\nout vec4 c;\n#extension GL_EXT_foo : require\n", GLS_SHADER_MASK_REFUSED, REFUSAL_300},
	{"// comment\n/* two\nlines */\n#version 310 es\n", GLS_SHADER_MASK_REFUSED,
	 "\n\n\n#error GLSL 3.10 is not supported. Supported versions are: 1.00 ES\n"},
	{"#ver\\\nsion 3\\\n00 es\n", GLS_SHADER_MASK_REFUSED, REFUSAL_300},
	{"#version 320 es", GLS_SHADER_MASK_REFUSED,
	 "#error GLSL 3.20 is not supported. Supported versions are: 1.00 ES\n"},
	{"#version 1000", GLS_SHADER_MASK_REFUSED, "#error GLSL 10.00 is not supported. Supported versions are: 1.00 ES\n"},
	{"#version 100es", GLS_SHADER_MASK_REFUSED,
	 "#error this #version is not supported. Supported versions are: 1.00 ES\n"},
	{"#version 0100", GLS_SHADER_MASK_REFUSED,
	 "#error this #version is not supported. Supported versions are: 1.00 ES\n"},
	{"#version es", GLS_SHADER_MASK_REFUSED, "#error this #version is not supported. Supported versions are: 1.00 ES\n"},
	{"#version 99999999999999999999", GLS_SHADER_MASK_REFUSED,
	 "#error this #version is not supported. Supported versions are: 1.00 ES\n"},
	{"// #version 300 es\nx #version 300 es\n", GLS_SHADER_MASK_SAME, NULL},
};

/* The #version lines an ES 3.0 context accepts, and the refusal naming
 * both versions it has. */
static void test_shader_mask_es3(void)
{
	static const char es300[] = "#version 300 es\nout highp vec4 c;\nvoid main() { c = vec4(1); }\n";
	static const char es310[] = "#version 310 es\nvoid main() {}\n";
	static const char refusal[] = "#error GLSL 3.10 is not supported. Supported versions are: 1.00 ES, and 3.00 ES\n";
	char *out;
	size_t out_len;
	CHECK(gls_shader_mask(es300, strlen(es300), advertised, 30, 1 << 20, &out, &out_len) == GLS_SHADER_MASK_SAME);
	CHECK(gls_shader_mask(es300, strlen(es300), advertised, 20, 1 << 20, &out, &out_len) ==
	      GLS_SHADER_MASK_REFUSED);
	free(out);
	CHECK(gls_shader_mask(es310, strlen(es310), advertised, 30, 1 << 20, &out, &out_len) ==
		      GLS_SHADER_MASK_REFUSED &&
	      out_len == strlen(refusal) && memcmp(out, refusal, out_len) == 0);
	free(out);
	CHECK(gls_shader_mask("#version 100\n", 13, advertised, 30, 1 << 20, &out, &out_len) == GLS_SHADER_MASK_SAME);
}

static void test_shader_mask_cases(void)
{
	for (size_t i = 0; i < sizeof(mask_cases) / sizeof(*mask_cases); i++) {
		const struct mask_case *c = &mask_cases[i];
		char *out = (char *)1;
		size_t out_len = 1;
		enum gls_shader_mask_result result = gls_shader_mask(c->in, strlen(c->in), advertised, 20, 1 << 20, &out, &out_len);
		bool ok = result == c->result;
		if (c->out)
			ok = ok && out && out_len == strlen(c->out) && memcmp(out, c->out, out_len) == 0;
		else
			ok = ok && !out && out_len == 0;
		if (!ok)
			fprintf(stderr, "mask case %zu: %d [%.*s]\n", i, (int)result, out ? (int)out_len : 0, out ? out : "");
		CHECK(ok);
		/* the driver's logs quote renamed names: they come back
		 * (but for a "GL_" the input splits over lines, and all : warn) */
		if (result == GLS_SHADER_MASK_RENAMED && !strstr(c->in, "G\\") && !strstr(c->out, "#line")) {
			size_t n = gls_shader_unmask(out, out_len);
			CHECK(n == strlen(c->in) && memcmp(out, c->in, n) == 0);
		}
		free(out);
	}
}

static void test_shader_mask_edges(void)
{
	char *out;
	size_t out_len;
	/* NUL bytes are characters like any other */
	static const char with_nul[] = "GL_EXT_a\0GL_EXT_b";
	CHECK(gls_shader_mask(with_nul, sizeof(with_nul) - 1, advertised, 20, 1 << 20, &out, &out_len) ==
	      GLS_SHADER_MASK_RENAMED);
	CHECK(out_len == sizeof(with_nul) - 1 + 32 && memcmp(out + 19, "EXT_a", 5) == 0 && out[24] == 0);
	free(out);
	/* a long name is never an advertised one */
	char longname[300];
	memset(longname, 'a', sizeof(longname));
	memcpy(longname, "GL_OES_standard_derivatives", 27);
	CHECK(gls_shader_mask(longname, sizeof(longname), advertised, 20, 1 << 20, &out, &out_len) ==
	      GLS_SHADER_MASK_RENAMED);
	CHECK(out_len == sizeof(longname) + 16);
	free(out);
	/* growth is bounded by the caller */
	static const char many[] = "GL_A_b GL_A_b GL_A_b GL_A_b";
	CHECK(gls_shader_mask(many, sizeof(many) - 1, advertised, 20, sizeof(many) - 1 + 63, &out, &out_len) ==
	      GLS_SHADER_MASK_TOO_LONG && !out);
	CHECK(gls_shader_mask(many, sizeof(many) - 1, advertised, 20, sizeof(many) - 1 + 64, &out, &out_len) ==
	      GLS_SHADER_MASK_RENAMED && out_len == sizeof(many) - 1 + 64);
	free(out);
	CHECK(gls_shader_mask("", 0, advertised, 20, 0, &out, &out_len) == GLS_SHADER_MASK_SAME && !out);
	/* logs: only whole renamed names are restored */
	char log[] = "0:2(12): error: extension `GL_GLSTREAM_HIDDEN_EXT_draw_buffers' unsupported; "
		     "aGL_GLSTREAM_HIDDEN_x a1GL_GLSTREAM_HIDDEN_x 1GL_GLSTREAM_HIDDEN_x GL_GLSTREAM_HIDDEN";
	static const char unmasked[] = "0:2(12): error: extension `GL_EXT_draw_buffers' unsupported; "
				       "aGL_GLSTREAM_HIDDEN_x a1GL_GLSTREAM_HIDDEN_x 1GL_x GL_GLSTREAM_HIDDEN";
	size_t n = gls_shader_unmask(log, strlen(log));
	CHECK(n == strlen(unmasked) && memcmp(log, unmasked, n) == 0);
}

/* Random sources of tricky pieces: bounded, and where nothing hides
 * names from renaming or rewrites a directive (no comment, directive or
 * continuation) only renames happen, which unmask undoes exactly. Run under ASan by
 * tools/run-tests --sanitize. */
static void test_shader_mask_random(void)
{
	static const char *const pieces[] = {
		"GL_EXT_foo", "GL_OES_standard_derivatives", "GL_", "EXT_", "_x", "GL_ES", " ", "\n", "\r", "1",
		"100", "version", "GLSTREAM_HIDDEN_", "a", "(", "defined", "/", "*", "#", "\\", "\\\n", "//", "/*",
		"*/", "all", ":", "warn", "#extension all : warn", "#version 300 es\n", "#version 100\n", "#extension ", "#error ", "\0",
	};
	const size_t npieces = sizeof(pieces) / sizeof(*pieces);
	uint32_t seed = 12345;
	char src[512];
	for (int round = 0; round < 20000; round++) {
		size_t len = 0;
		bool plain = round % 2 == 0; /* only pieces nothing can hide */
		while (len < sizeof(src) - 32) {
			seed = seed * 1103515245u + 12345u;
			if ((seed >> 16) % 40 == 0)
				break;
			const char *p = pieces[(seed >> 8) % npieces];
			size_t n = p[0] ? strlen(p) : 1;
			if (plain && (strchr(p, '/') || strchr(p, '#') || strchr(p, '\\') || strchr(p, '*')))
				continue;
			memcpy(src + len, p, n);
			len += n;
		}
		char *out;
		size_t out_len;
		enum gls_shader_mask_result result = gls_shader_mask(src, len, advertised, 20, 1 << 20, &out, &out_len);
		if (result == GLS_SHADER_MASK_RENAMED) {
			CHECK(out && out_len <= 1 << 20);
			if (plain) {
				CHECK(out_len > len && (out_len - len) % 16 == 0);
				size_t n = gls_shader_unmask(out, out_len);
				CHECK(n == len && memcmp(out, src, len) == 0);
			}
		} else {
			CHECK(result == GLS_SHADER_MASK_SAME ? !out : result == GLS_SHADER_MASK_REFUSED && out);
		}
		free(out);
	}
}

/* es3.2 ext32: extensions past bit 63 and `requires=` of ES 3.2 */
static void test_extension_bits(void)
{
	static const char host[] = "GL_OES_mapbuffer GL_KHR_blend_equation_advanced_coherent GL_OES_texture_buffer";
	CHECK(GLS_EXT_GL_KHR_blend_equation_advanced_coherent >= 64);
	gls_ext_bits es32 = gls_extensions_offered(host, 32), es31 = gls_extensions_offered(host, 31);
	CHECK(es32 & GLS_EXT_BIT(GL_KHR_blend_equation_advanced_coherent));
	CHECK(es32 & GLS_EXT_BIT(GL_OES_texture_buffer));
	CHECK(es32 & GLS_EXT_BIT(GL_ES_VERSION_3_2));
	CHECK(!(es31 & GLS_EXT_BIT(GL_KHR_blend_equation_advanced_coherent)));
	CHECK(!(es31 & GLS_EXT_BIT(GL_OES_texture_buffer)));
	CHECK(es31 & GLS_EXT_BIT(GL_OES_mapbuffer));
	/* no other bit: the text lists exactly the three, in list order */
	char *s32 = gls_extensions_string(es32), *s31 = gls_extensions_string(es31);
	CHECK(s32 && strcmp(s32, "GL_OES_mapbuffer GL_OES_texture_buffer GL_KHR_blend_equation_advanced_coherent ") == 0);
	CHECK(s31 && strcmp(s31, "GL_OES_mapbuffer ") == 0);
	free(s32);
	free(s31);
}

int main(void)
{
	test_extension_bits();
	test_idmap();
	test_pixels();
	test_pixels_es3();
	test_reader();
	test_shader_mask_cases();
	test_shader_mask_es3();
	test_shader_mask_edges();
	test_shader_mask_random();
	printf("%d passed, %d failed\n", passed, failed);
	return failed ? 1 : 0;
}
