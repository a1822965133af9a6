/* The client's end of the shared-memory command ring: messages are
 * encoded in place in the ring; a message that does not fit before the
 * end of the data area (or is larger than the ring: bulk data) is encoded
 * in a staging buffer and copied in pieces, the worker copying each piece
 * out while we write the next. Publishing is a store of `tail`; the
 * doorbell rings only when the worker announced that it sleeps. */
#include "glsc_ring.h"

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <sched.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/socket.h>
#include <unistd.h>

#include "gls_ring.h"
#include "gls_spin.h"
#include "gls_wire.h"

bool glsc_ring_create(struct glsc_ring *ring, int connection, int timeout_ms, int *memfd, int *peer_doorbell)
{
	uint32_t size = GLS_RING_DATA;
	const char *mib = getenv("GLSTREAM_RING_MIB"); /* measurements only (docs/performance.md) */
	if (mib && *mib) {
		unsigned long want = strtoul(mib, NULL, 10) << 20;
		if (want >= GLS_RING_MIN_DATA && want <= GLS_RING_MAX_DATA && !(want & (want - 1)))
			size = (uint32_t)want;
	}
	size_t map_size = gls_ring_map_size(size);
	int fd = memfd_create("glstream-ring", MFD_CLOEXEC | MFD_ALLOW_SEALING);
	if (fd < 0)
		return false;
	/* Sealed so that the worker's reads can never fault (SIGBUS). */
	if (ftruncate(fd, (off_t)map_size) < 0 ||
	    fcntl(fd, F_ADD_SEALS, F_SEAL_SHRINK | F_SEAL_GROW | F_SEAL_SEAL) < 0)
		goto err_close;
	void *map = mmap(NULL, map_size, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
	if (map == MAP_FAILED)
		goto err_close;
	int sv[2];
	if (socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, sv) < 0)
		goto err_unmap;
	*ring = (struct glsc_ring){
		.map = map,
		.map_size = map_size,
		.data = gls_ring_data(map),
		.size = size,
		.replies = gls_ring_reply_area(map, size),
		.control = map,
		.doorbell = sv[0],
		.connection = connection,
		.timeout_ms = timeout_ms,
	};
	*memfd = fd;
	*peer_doorbell = sv[1];
	return true;
err_unmap:
	munmap(map, map_size);
err_close:
	close(fd);
	return false;
}

void glsc_ring_destroy(struct glsc_ring *ring)
{
	if (!ring->map)
		return;
	munmap(ring->map, ring->map_size);
	close(ring->doorbell);
	free(ring->staging);
	*ring = (struct glsc_ring){0};
}

/* Wakes the worker if it announced that it sleeps. The fence orders our
 * tail store before the flag load; the worker fences between its flag
 * store and its tail load: one of us sees the other (no lost wake-up). */
static bool glsc_ring_doorbell(struct glsc_ring *ring)
{
	atomic_thread_fence(memory_order_seq_cst);
	struct gls_ring_control *c = ring->control;
	if (atomic_load_explicit(&c->consumer_sleeping, memory_order_relaxed) &&
	    atomic_exchange_explicit(&c->consumer_sleeping, 0, memory_order_relaxed)) {
		char bell = GLS_RING_DOORBELL;
		/* EAGAIN: the doorbell is full of wake-ups already. */
		if (send(ring->doorbell, &bell, 1, MSG_DONTWAIT | MSG_NOSIGNAL) < 0 && errno != EAGAIN)
			return false;
	}
	return true;
}

/* Makes what was written visible; every publication looks at the
 * worker's sleeping flag, so nothing published goes unnoticed. */
static bool glsc_ring_publish(struct glsc_ring *ring)
{
	if (ring->published == ring->tail)
		return true;
	atomic_store_explicit(&ring->control->tail, ring->tail, memory_order_release);
	ring->published = ring->tail;
	return glsc_ring_doorbell(ring);
}

static uint64_t glsc_ring_free(struct glsc_ring *ring)
{
	return ring->size - (ring->tail - ring->head);
}

/* Sleeps until the worker rings (after we set producer_waiting) or the
 * connection hangs up; false with errno set when the worker is gone or
 * left_ms ran out. */
static bool glsc_ring_sleep(struct glsc_ring *ring, int64_t left_ms)
{
	struct gls_ring_control *c = ring->control;
	if (left_ms <= 0) {
		atomic_store_explicit(&c->producer_waiting, 0, memory_order_relaxed);
		errno = ETIMEDOUT;
		return false;
	}
	/* The connection hangs up when the worker goes: no event asked for,
	 * POLLHUP and POLLERR come anyway (frames waiting do not wake us). */
	struct pollfd fds[2] = {{.fd = ring->doorbell, .events = POLLIN}, {.fd = ring->connection}};
	int ready = poll(fds, 2, left_ms > 0x7fffffff ? 0x7fffffff : (int)left_ms);
	atomic_store_explicit(&c->producer_waiting, 0, memory_order_relaxed);
	if (ready < 0 && errno != EINTR)
		return false;
	if (ready > 0 && ((fds[0].revents | fds[1].revents) & (POLLHUP | POLLERR))) {
		errno = ECONNRESET;
		return false;
	}
	char drain[64];
	while (recv(ring->doorbell, drain, sizeof(drain), MSG_DONTWAIT) > 0)
		;
	return true;
}

/* Waits until `needed` bytes are free. Everything written is published
 * first: the worker only frees what it can see. */
static bool glsc_ring_wait_space(struct glsc_ring *ring, uint64_t needed)
{
	if (!glsc_ring_publish(ring))
		return false;
	struct gls_ring_control *c = ring->control;
	int64_t progress_at = gls_now_ns(), spin_until = progress_at + gls_spin_budget_ns();
	for (;;) {
		uint64_t head = atomic_load_explicit(&c->head, memory_order_acquire);
		int64_t now = gls_now_ns();
		if (head != ring->head) {
			ring->head = head;
			progress_at = now;
		}
		if (glsc_ring_free(ring) >= needed)
			return true;
		if (now < spin_until) {
			for (int i = 0; i < 64; i++)
				gls_cpu_relax();
			sched_yield(); /* the worker may wait for this CPU */
			continue;
		}
		atomic_store_explicit(&c->producer_waiting, 1, memory_order_relaxed);
		atomic_thread_fence(memory_order_seq_cst); /* the flag store before the head load */
		ring->head = atomic_load_explicit(&c->head, memory_order_acquire);
		if (glsc_ring_free(ring) >= needed) {
			atomic_store_explicit(&c->producer_waiting, 0, memory_order_relaxed);
			return true;
		}
		if (!glsc_ring_sleep(ring, ring->timeout_ms - (now - progress_at) / 1000000))
			return false;
		spin_until = gls_now_ns() + gls_spin_budget_ns() / 10;
	}
}

bool glsc_ring_wait_reply(struct glsc_ring *ring, const uint8_t **reply, uint32_t *size)
{
	struct gls_ring_control *c = ring->control;
	uint32_t expected = ring->reply_seq + 1;
	int64_t start = gls_now_ns(), spin_until = start + gls_spin_budget_ns();
	for (;;) {
		/* acquire: the size and the reply bytes after the sequence number */
		if (atomic_load_explicit(&c->reply_seq, memory_order_acquire) == expected)
			break;
		int64_t now = gls_now_ns();
		if (now < spin_until) {
			for (int i = 0; i < 64; i++)
				gls_cpu_relax();
			sched_yield(); /* the worker may wait for this CPU */
			continue;
		}
		atomic_store_explicit(&c->producer_waiting, 1, memory_order_relaxed);
		atomic_thread_fence(memory_order_seq_cst); /* the flag store before the seq load */
		if (atomic_load_explicit(&c->reply_seq, memory_order_acquire) == expected) {
			atomic_store_explicit(&c->producer_waiting, 0, memory_order_relaxed);
			break;
		}
		if (!glsc_ring_sleep(ring, ring->timeout_ms - (now - start) / 1000000))
			return false;
	}
	ring->reply_seq = expected;
	*size = atomic_load_explicit(&c->reply_size, memory_order_relaxed);
	*reply = ring->replies;
	if (*size != GLS_RING_REPLY_ON_SOCKET && *size > GLS_RING_REPLY_AREA) {
		errno = EPROTO;
		return false;
	}
	return true;
}

/* Copies n bytes into the ring a piece at a time, publishing each so that
 * the worker copies one piece out while we write the next. */
static bool glsc_ring_write(struct glsc_ring *ring, const uint8_t *bytes, size_t n)
{
	size_t done = 0;
	while (done < n) {
		size_t left = n - done;
		/* Pieces of at least a quarter ring: few wake-ups. */
		uint64_t want = left < ring->size / 4 ? left : ring->size / 4;
		if (glsc_ring_free(ring) < want) {
			ring->head = atomic_load_explicit(&ring->control->head, memory_order_acquire);
			if (glsc_ring_free(ring) < want && !glsc_ring_wait_space(ring, want))
				return false;
		}
		size_t piece = glsc_ring_free(ring) < left ? (size_t)glsc_ring_free(ring) : left;
		size_t at = (size_t)(ring->tail & (ring->size - 1));
		size_t first = piece < ring->size - at ? piece : ring->size - at;
		memcpy(ring->data + at, bytes + done, first);
		memcpy(ring->data, bytes + done + first, piece - first);
		ring->tail += piece;
		done += piece;
		if (!glsc_ring_publish(ring))
			return false;
	}
	return true;
}

bool glsc_ring_commit(struct glsc_ring *ring)
{
	if (ring->staged) {
		size_t staged = ring->staged;
		ring->staged = 0;
		if (!glsc_ring_write(ring, ring->staging, staged))
			return false;
	}
	if (ring->deferred_size) {
		static const uint8_t zeros[4];
		size_t n = ring->deferred_size;
		ring->deferred_size = 0;
		if (!glsc_ring_write(ring, ring->deferred, n) || !glsc_ring_write(ring, zeros, gls_pad4(n) - n))
			return false;
	}
	return true;
}

/* Room for `size` contiguous bytes in the ring itself, or NULL. */
static uint8_t *glsc_ring_place(struct glsc_ring *ring, size_t size, bool *failed)
{
	size_t at = (size_t)(ring->tail & (ring->size - 1));
	if (size > ring->size - at)
		return NULL;
	if (glsc_ring_free(ring) < size) {
		ring->head = atomic_load_explicit(&ring->control->head, memory_order_acquire);
		if (glsc_ring_free(ring) < size && !glsc_ring_wait_space(ring, size)) {
			*failed = true;
			return NULL;
		}
	}
	ring->tail += size;
	return ring->data + at;
}

static uint8_t *glsc_ring_stage(struct glsc_ring *ring, size_t size)
{
	if (size > ring->staging_cap) {
		uint8_t *bigger = realloc(ring->staging, size);
		if (!bigger) {
			errno = ENOMEM;
			return NULL;
		}
		ring->staging = bigger;
		ring->staging_cap = size;
	}
	ring->staged = size;
	return ring->staging;
}

uint8_t *glsc_ring_reserve(struct glsc_ring *ring, size_t size)
{
	if (!glsc_ring_commit(ring))
		return NULL;
	if (ring->tail - ring->published >= GLSC_RING_PUBLISH_EVERY && !glsc_ring_publish(ring))
		return NULL;
	bool failed = false;
	uint8_t *p = glsc_ring_place(ring, size, &failed);
	if (p || failed)
		return p;
	/* Across the end of the data area, or larger than the ring. */
	return glsc_ring_stage(ring, size);
}

uint8_t *glsc_ring_reserve_with_bytes(struct glsc_ring *ring, size_t size, const void *bytes, size_t n)
{
	size_t padded = gls_pad4(n);
	if (padded <= ring->size / 4) {
		uint8_t *p = glsc_ring_reserve(ring, size + padded);
		if (p)
			gls_put_bytes(p + size, bytes, n);
		return p;
	}
	/* Bulk data: the bytes go straight from the caller's memory into the
	 * ring at glsc_ring_commit, in pieces. */
	if (!glsc_ring_commit(ring))
		return NULL;
	uint8_t *p = glsc_ring_stage(ring, size);
	if (p) {
		ring->deferred = bytes;
		ring->deferred_size = n;
	}
	return p;
}

bool glsc_ring_flush(struct glsc_ring *ring)
{
	return glsc_ring_commit(ring) && glsc_ring_publish(ring);
}

bool glsc_ring_drain(struct glsc_ring *ring)
{
	return glsc_ring_flush(ring) && glsc_ring_wait_space(ring, ring->size);
}
