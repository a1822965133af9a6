/* The shared-memory command ring of a local client (docs/protocol.md,
 * "Shared-memory command ring"): a memfd the client creates and passes to
 * its worker with glsAttachRing. It carries the same byte stream as the
 * socket (whole messages, same framing); the ring is only a faster pipe.
 *
 * Layout: one page of control words, then GLS_RING_DATA bytes of data
 * (a power of two), then GLS_RING_REPLY_AREA bytes for replies. `tail` and `head` count bytes since the ring was
 * attached and never wrap; byte n lives at data[n % size]. A message may
 * straddle the end of the data area: the worker copies bytes out with the
 * wrap, so framing does not care where the end is.
 *
 * Ownership: the client writes tail and producer_waiting, the worker head,
 * consumer_sleeping, the reply words and the reply area. The worker reads the client's words once per
 * round and trusts nothing in them (see server/glss_ring.c). */
#ifndef GLS_RING_H
#define GLS_RING_H

#include <stdalign.h>
#include <stdatomic.h>
#include <stddef.h>
#include <stdint.h>

/* 4 MiB: 16x the socket batch it replaces, so a frame's commands of any
 * glmark2 scene fit without the client waiting; bulk data larger than this
 * streams through in pieces while the worker copies out in parallel. The
 * figures in docs/performance.md compare 1, 4 and 16 MiB. */
#define GLS_RING_DATA (4u << 20)
#define GLS_RING_MIN_DATA (64u << 10)
#define GLS_RING_MAX_DATA (64u << 20)
#define GLS_RING_CONTROL 4096u

struct gls_ring_control {
	/* client -> worker (own cache line: no false sharing with head) */
	alignas(64) _Atomic uint64_t tail;       /* bytes published */
	_Atomic uint32_t producer_waiting;       /* the client sleeps (for space or a reply) */
	/* worker -> client */
	alignas(64) _Atomic uint64_t head;       /* bytes copied out */
	_Atomic uint32_t consumer_sleeping;      /* the worker sleeps for commands */
	/* worker -> client: replies (own cache line: the client spins on it) */
	alignas(64) _Atomic uint32_t reply_seq;  /* replies given so far */
	_Atomic uint32_t reply_size;             /* of the last: bytes in the reply area, or
						  * GLS_RING_REPLY_ON_SOCKET */
};

/* The reply area follows the data: the payload of the last REPLY when it
 * fits (replies larger than this come on the socket as before). The
 * client waits for each reply before it sends another synchronous
 * command, so one area suffices. */
#define GLS_RING_REPLY_AREA (64u << 10)
#define GLS_RING_REPLY_ON_SOCKET 0xffffffffu

static inline size_t gls_ring_map_size(uint32_t data_size)
{
	return GLS_RING_CONTROL + (size_t)data_size + GLS_RING_REPLY_AREA;
}

static inline uint8_t *gls_ring_reply_area(void *mapping, uint32_t data_size)
{
	return (uint8_t *)mapping + GLS_RING_CONTROL + data_size;
}

_Static_assert(sizeof(struct gls_ring_control) <= GLS_RING_CONTROL, "control page");

static inline uint8_t *gls_ring_data(void *mapping)
{
	return (uint8_t *)mapping + GLS_RING_CONTROL;
}

/* Doorbells are single bytes on a socketpair beside the ring, sent only
 * when the flag says the other side sleeps (or is about to). A socket, not
 * an eventfd or a futex: recv/send with MSG_DONTWAIT never block whatever
 * the other side does to the descriptor's flags, and poll() watches the
 * doorbell and the connection (liveness) at once. */
#define GLS_RING_DOORBELL 'd'

#endif
