/* Little-endian encoding and bounds-checked decoding of protocol fields.
 * Writers advance a cursor the caller sized in advance; readers never read
 * past the end of their message and latch an error instead. */
#ifndef GLS_WIRE_H
#define GLS_WIRE_H

#include <endian.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

/* Largest element count of an inline array (uniform values, ids, ...). */
#define GLS_MAX_ARRAY_ELEMENTS (1 << 24)

static inline size_t gls_pad4(size_t n) { return (n + 3) & ~(size_t)3; }

/* Element count of an array parameter computed from other parameters:
 * 0 when negative (the driver reports the error and reads nothing),
 * -1 when too large to send. */
static inline int64_t gls_array_count(int64_t n)
{
	if (n < 0)
		return 0;
	return n > GLS_MAX_ARRAY_ELEMENTS ? -1 : n;
}

static inline uint8_t *gls_put_u32(uint8_t *w, uint32_t v)
{
	v = htole32(v);
	memcpy(w, &v, 4);
	return w + 4;
}
static inline uint8_t *gls_put_i32(uint8_t *w, int32_t v) { return gls_put_u32(w, (uint32_t)v); }
static inline uint8_t *gls_put_f32(uint8_t *w, float f)
{
	uint32_t v;
	memcpy(&v, &f, 4);
	return gls_put_u32(w, v);
}
static inline uint8_t *gls_put_i64(uint8_t *w, int64_t s)
{
	uint64_t v = htole64((uint64_t)s);
	memcpy(w, &v, 8);
	return w + 8;
}
/* Copies n bytes and zero-pads to a multiple of 4. */
static inline uint8_t *gls_put_bytes(uint8_t *w, const void *data, size_t n)
{
	if (n)
		memcpy(w, data, n);
	size_t padded = gls_pad4(n);
	memset(w + n, 0, padded - n);
	return w + padded;
}

struct gls_reader {
	const uint8_t *p;
	const uint8_t *end;
	bool bad;
};

static inline void gls_reader_init(struct gls_reader *r, const void *data, size_t n)
{
	r->p = data;
	r->end = r->p + n;
	r->bad = false;
}

static inline const uint8_t *gls_take(struct gls_reader *r, size_t n)
{
	if (r->bad || (size_t)(r->end - r->p) < n) {
		r->bad = true;
		return NULL;
	}
	const uint8_t *at = r->p;
	r->p += n;
	return at;
}

static inline uint32_t gls_get_u32(struct gls_reader *r)
{
	const uint8_t *at = gls_take(r, 4);
	uint32_t v = 0;
	if (at)
		memcpy(&v, at, 4);
	return le32toh(v);
}
static inline int32_t gls_get_i32(struct gls_reader *r) { return (int32_t)gls_get_u32(r); }
static inline float gls_get_f32(struct gls_reader *r)
{
	uint32_t v = gls_get_u32(r);
	float f;
	memcpy(&f, &v, 4);
	return f;
}
static inline int64_t gls_get_i64(struct gls_reader *r)
{
	const uint8_t *at = gls_take(r, 8);
	uint64_t v = 0;
	if (at)
		memcpy(&v, at, 8);
	return (int64_t)le64toh(v);
}

/* A u32 byte count followed by that many bytes, padded to 4. */
static inline const void *gls_get_blob(struct gls_reader *r, uint32_t *len)
{
	*len = gls_get_u32(r);
	const uint8_t *at = gls_take(r, gls_pad4(*len));
	if (!at)
		*len = 0;
	return at;
}

/* A u32 element count that must equal `expected`, then the elements. */
static inline const void *gls_get_array(struct gls_reader *r, size_t elem_size, int64_t expected)
{
	uint32_t count = gls_get_u32(r);
	if (expected < 0 || count != (uint64_t)expected) {
		r->bad = true;
		return NULL;
	}
	return gls_take(r, gls_pad4(elem_size * count));
}

/* True when the message was consumed exactly and without error. */
static inline bool gls_reader_done(struct gls_reader *r)
{
	if (r->p != r->end)
		r->bad = true;
	return !r->bad;
}

#endif
