/* Unit tests of the code client and server share: the id map (growth,
 * removal, tombstones, reserved keys), pixel rectangle sizes (every ES 2.0
 * format/type pair and alignment, overflow-free) and the wire reader
 * (bounds, trailing bytes, array counts). */
#include <stdio.h>
#include <string.h>
#include <GLES2/gl2.h>
#include <GLES2/gl2ext.h>

#include "gls_idmap.h"
#include "gls_pixels.h"
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

int main(void)
{
	test_idmap();
	test_pixels();
	test_reader();
	printf("%d passed, %d failed\n", passed, failed);
	return failed ? 1 : 0;
}
