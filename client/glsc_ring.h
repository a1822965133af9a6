/* The client's end of the shared-memory command ring (common/gls_ring.h):
 * commands are written straight into memory the worker maps. Used by
 * glsc_stream.c only, with glsc_lock() held. */
#ifndef GLSC_RING_H
#define GLSC_RING_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct gls_ring_control;

struct glsc_ring {
	uint8_t *map;         /* control page + data */
	size_t map_size;
	uint8_t *data;
	uint32_t size;        /* data bytes, a power of two */
	uint8_t *replies;     /* the reply area */
	uint32_t reply_seq;   /* replies received */
	struct gls_ring_control *control;
	uint64_t tail;        /* bytes written, the reserved message included */
	uint64_t published;   /* the tail the worker may see */
	uint64_t head;        /* the worker's head as last read */
	int doorbell;         /* our end of the doorbell socketpair */
	int connection;       /* the connection: its hang-up means the worker is gone */
	int timeout_ms;       /* no progress for this long: the worker is gone */
	/* a message that does not fit contiguously: written here, copied into
	 * the ring in pieces when the next one begins or at a flush */
	uint8_t *staging;
	size_t staging_cap, staged;
	/* bulk bytes that follow the staged message, still in the caller's
	 * memory until glsc_ring_commit */
	const void *deferred;
	size_t deferred_size;
};

/* Creates the ring; *memfd and *peer_doorbell go to the worker with
 * glsAttachRing (the caller closes them after sending). */
bool glsc_ring_create(struct glsc_ring *ring, int connection, int timeout_ms, int *memfd, int *peer_doorbell);
void glsc_ring_destroy(struct glsc_ring *ring);

/* Written bytes between two publications outside flushes: each takes the
 * tail's cache line from the spinning worker and a fence to look at its
 * sleeping flag, so not one per command; often enough that a worker
 * starts on a long stream early (a few hundred state calls). */
#define GLSC_RING_PUBLISH_EVERY (4u << 10)

/* Where a message of `size` bytes goes (valid until the next ring call),
 * or NULL with errno set when the worker is gone. */
uint8_t *glsc_ring_reserve(struct glsc_ring *ring, size_t size);
/* The same, inline for the common case of a small command (the state
 * calls' path): nothing staged, room before the end of the data area as
 * far as we know, no publication due. */
static inline uint8_t *glsc_ring_reserve_fast(struct glsc_ring *ring, size_t size)
{
	size_t at = (size_t)(ring->tail & (ring->size - 1));
	if ((ring->staged | ring->deferred_size) || ring->tail - ring->published >= GLSC_RING_PUBLISH_EVERY ||
	    size > ring->size - at || ring->size - (ring->tail - ring->head) < size)
		return glsc_ring_reserve(ring, size);
	ring->tail += size;
	return ring->data + at;
}
/* The same for a message of `size` bytes followed by n bytes at `bytes`
 * (then zero padding to 4): the caller writes the first `size` bytes at
 * the pointer returned, then calls glsc_ring_commit while `bytes` is still
 * valid. Bulk bytes go into the ring in one copy. */
uint8_t *glsc_ring_reserve_with_bytes(struct glsc_ring *ring, size_t size, const void *bytes, size_t n);
/* Writes a staged message (and its bulk bytes) into the ring. */
bool glsc_ring_commit(struct glsc_ring *ring);
/* Makes everything written visible and wakes the worker if it sleeps. */
bool glsc_ring_flush(struct glsc_ring *ring);
/* Flushes and waits until the worker has copied everything out, so that
 * bytes sent on the connection next come after them. */
bool glsc_ring_drain(struct glsc_ring *ring);

/* Waits for the reply to the synchronous command just flushed: *reply
 * and *size (valid until the next command) or *size ==
 * GLS_RING_REPLY_ON_SOCKET: the reply comes on the connection. False with
 * errno set when the worker is gone or the timeout ran out. */
bool glsc_ring_wait_reply(struct glsc_ring *ring, const uint8_t **reply, uint32_t *size);

#endif
