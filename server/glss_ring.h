/* The worker's end of a local client's shared-memory command ring
 * (common/gls_ring.h): attach, copy commands out, sleep and wake. */
#ifndef GLSS_RING_H
#define GLSS_RING_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct glss_worker;

struct glss_ring {
	uint8_t *map;      /* control page + data, MAP_SHARED */
	size_t map_size;
	uint32_t size;     /* data bytes, a power of two; ours, never re-read */
	uint64_t head;     /* bytes copied out: ours, only ever written to the map */
	int doorbell;      /* our end of the client's doorbell socketpair (when attached) */
	bool sleeping;     /* we announced sleep and must clear it on waking */
	uint32_t reply_seq;        /* replies given: ours, only ever written */
	int64_t reply_size;        /* of the reply to publish after the command; -1 none */
};

static inline bool glss_ring_attached(const struct glss_ring *ring)
{
	return ring->map != NULL;
}

/* Copies what the client published (at most `room` bytes) to `to`;
 * returns the bytes copied, or -1 after glss_fail on an inconsistent tail. */
long glss_ring_pull(struct glss_worker *w, uint8_t *to, size_t room);

/* Spins up to gls_spin_budget_ns() for the client to publish more; true if it did. */
bool glss_ring_spin(struct glss_worker *w);
/* Announces that we sleep; false when commands came meanwhile (do not sleep). */
bool glss_ring_prepare_sleep(struct glss_worker *w);
/* After poll(): clears the announcement and drains the doorbell. */
void glss_ring_woken(struct glss_worker *w);

/* Where the payload of the current command's reply goes: the shared
 * reply area when it fits, or NULL (the reply then goes on the socket and
 * the client is told so). Published by glss_ring_publish_reply. */
uint8_t *glss_ring_reply_begin(struct glss_ring *ring, size_t size);
/* The next reply goes on the socket (after messages sent there); NULL. */
uint8_t *glss_ring_reply_on_socket(struct glss_ring *ring);
/* After each command: tells the client about a reply it gave. */
void glss_ring_publish_reply(struct glss_ring *ring);

void glss_ring_detach(struct glss_ring *ring);

#endif
