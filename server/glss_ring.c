/* The worker's end of the shared-memory command ring. The client can
 * rewrite the whole mapping at any moment, so: every byte is copied out to
 * the worker's private buffer before it is parsed (the decoder never sees
 * shared memory); the client's control word (tail) is read once per pull
 * and checked against our own head and size, which we never read back;
 * an impossible tail ends the worker with a logged reason. */
#include "glss_ring.h"

#include <errno.h>
#include <sched.h>
#include <fcntl.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/socket.h>
#include <unistd.h>

#include "glss_worker.h"
#include "gls_ring.h"
#include "gls_spin.h"

static struct gls_ring_control *glss_ring_control(struct glss_ring *ring)
{
	return (struct gls_ring_control *)ring->map;
}

/* wire glsAttachRing: u32 data size (a power of two); with two file
 * descriptors: the ring's memfd (sealed against shrinking, at least
 * GLS_RING_CONTROL + size bytes) and our end of the doorbell socketpair */
void glss_exec_glsAttachRing(struct glss_worker *w, struct gls_reader *r)
{
	uint32_t size = gls_get_u32(r);
	if (!gls_reader_done(r))
		return;
	int memfd = glss_take_fd(w), doorbell = glss_take_fd(w);
	if (memfd < 0 || doorbell < 0) {
		glss_fail(w, "glsAttachRing without its two file descriptors");
		goto err_close;
	}
	if (glss_ring_attached(&w->ring)) {
		glss_fail(w, "glsAttachRing twice");
		goto err_close;
	}
	if (size < GLS_RING_MIN_DATA || size > GLS_RING_MAX_DATA || (size & (size - 1))) {
		glss_fail(w, "glsAttachRing with a ring of %u bytes", size);
		goto err_close;
	}
	/* Sealed: the client cannot shrink it under our reads (no SIGBUS).
	 * lseek tells the size (the sandbox refuses the stat family). */
	int seals = fcntl(memfd, F_GET_SEALS);
	off_t end = lseek(memfd, 0, SEEK_END);
	size_t map_size = gls_ring_map_size(size);
	if (seals < 0 || !(seals & F_SEAL_SHRINK) || end < 0 || (uint64_t)end < map_size) {
		glss_fail(w, "glsAttachRing: the ring memory is not sealed against shrinking or too small");
		goto err_close;
	}
	void *map = mmap(NULL, map_size, PROT_READ | PROT_WRITE, MAP_SHARED, memfd, 0);
	if (map == MAP_FAILED) {
		glss_fail(w, "glsAttachRing: cannot map the ring: %s", strerror(errno));
		goto err_close;
	}
	close(memfd);
	w->ring = (struct glss_ring){.map = map, .map_size = map_size, .size = size, .doorbell = doorbell,
				     .reply_size = -1};
	/* The stream starts at byte 0 and no reply was given: whatever the
	 * client left in our words is ours to set. */
	atomic_store_explicit(&glss_ring_control(&w->ring)->head, 0, memory_order_relaxed);
	atomic_store_explicit(&glss_ring_control(&w->ring)->reply_seq, 0, memory_order_release);
	return;
err_close:
	if (memfd >= 0)
		close(memfd);
	if (doorbell >= 0)
		close(doorbell);
}

/* Our half of the sleep handshake of the other side: the client announced
 * it waits for space, we freed some. */
static void glss_ring_wake_client(struct glss_ring *ring)
{
	struct gls_ring_control *c = glss_ring_control(ring);
	atomic_thread_fence(memory_order_seq_cst); /* head store before the flag load */
	if (atomic_load_explicit(&c->producer_waiting, memory_order_relaxed) &&
	    atomic_exchange_explicit(&c->producer_waiting, 0, memory_order_relaxed)) {
		char bell = GLS_RING_DOORBELL;
		/* A full doorbell already has a wake-up in it: EAGAIN is fine. */
		ssize_t ignored = send(ring->doorbell, &bell, 1, MSG_DONTWAIT | MSG_NOSIGNAL);
		(void)ignored;
	}
}

long glss_ring_pull(struct glss_worker *w, uint8_t *to, size_t room)
{
	struct glss_ring *ring = &w->ring;
	struct gls_ring_control *c = glss_ring_control(ring);
	/* Read once: everything below uses this value. */
	uint64_t tail = atomic_load_explicit(&c->tail, memory_order_acquire);
	uint64_t available = tail - ring->head; /* a tail behind head wraps to huge */
	if (available > ring->size) {
		glss_fail(w, "inconsistent command ring: tail %llu, head %llu, size %u",
			  (unsigned long long)tail, (unsigned long long)ring->head, ring->size);
		return -1;
	}
	size_t n = available < room ? (size_t)available : room;
	if (!n)
		return 0;
	const uint8_t *data = gls_ring_data(ring->map);
	size_t at = (size_t)(ring->head & (ring->size - 1));
	size_t first = n < ring->size - at ? n : ring->size - at;
	memcpy(to, data + at, first);
	memcpy(to + first, data, n - first);
	ring->head += n;
	atomic_store_explicit(&c->head, ring->head, memory_order_release);
	glss_ring_wake_client(ring);
	return (long)n;
}

static bool glss_ring_has_commands(struct glss_ring *ring)
{
	return atomic_load_explicit(&glss_ring_control(ring)->tail, memory_order_acquire) != ring->head;
}

bool glss_ring_spin(struct glss_worker *w)
{
	/* Long enough to cover the client's turnaround between a reply and
	 * its next command (a few us), short enough to cost little CPU when
	 * the client really pauses (docs/performance.md measures both). */
	int64_t until = gls_now_ns() + gls_spin_budget_ns();
	for (;;) {
		for (int i = 0; i < 64; i++) {
			if (glss_ring_has_commands(&w->ring))
				return true;
			gls_cpu_relax();
		}
		if (gls_now_ns() >= until)
			return false;
		/* The client may wait for this CPU (2 vCPUs, other load): let it run. */
		sched_yield();
	}
}

bool glss_ring_prepare_sleep(struct glss_worker *w)
{
	struct glss_ring *ring = &w->ring;
	struct gls_ring_control *c = glss_ring_control(ring);
	atomic_store_explicit(&c->consumer_sleeping, 1, memory_order_relaxed);
	/* The flag store before the tail load; the client fences between its
	 * tail store and its flag load: one of us sees the other. */
	atomic_thread_fence(memory_order_seq_cst);
	ring->sleeping = true;
	if (glss_ring_has_commands(ring)) {
		glss_ring_woken(w);
		return false;
	}
	return true;
}

void glss_ring_woken(struct glss_worker *w)
{
	struct glss_ring *ring = &w->ring;
	if (!ring->sleeping)
		return;
	ring->sleeping = false;
	atomic_store_explicit(&glss_ring_control(ring)->consumer_sleeping, 0, memory_order_relaxed);
	/* MSG_DONTWAIT: never blocks, whatever the client did to the socket. */
	char drain[64];
	for (int i = 0; i < 4 && recv(ring->doorbell, drain, sizeof(drain), MSG_DONTWAIT) > 0; i++)
		;
}

uint8_t *glss_ring_reply_begin(struct glss_ring *ring, size_t size)
{
	if (size > GLS_RING_REPLY_AREA) {
		ring->reply_size = GLS_RING_REPLY_ON_SOCKET;
		return NULL;
	}
	ring->reply_size = (int64_t)size;
	return gls_ring_reply_area(ring->map, ring->size);
}

uint8_t *glss_ring_reply_on_socket(struct glss_ring *ring)
{
	ring->reply_size = GLS_RING_REPLY_ON_SOCKET;
	return NULL;
}

void glss_ring_publish_reply(struct glss_ring *ring)
{
	if (ring->reply_size < 0)
		return;
	struct gls_ring_control *c = glss_ring_control(ring);
	atomic_store_explicit(&c->reply_size, (uint32_t)ring->reply_size, memory_order_relaxed);
	/* release: the size and the reply bytes before the sequence number */
	atomic_store_explicit(&c->reply_seq, ++ring->reply_seq, memory_order_release);
	ring->reply_size = -1;
	glss_ring_wake_client(ring);
}

void glss_ring_detach(struct glss_ring *ring)
{
	if (!glss_ring_attached(ring))
		return;
	munmap(ring->map, ring->map_size);
	close(ring->doorbell);
	*ring = (struct glss_ring){0};
}
