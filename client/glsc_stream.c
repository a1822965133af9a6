/* The connection to glstream-server: connect and handshake, the command
 * batch, replies, and frames coming back for presentation. */
#include "glsc_stream.h"

#include <errno.h>
#include <netdb.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <linux/futex.h>
#include <pthread.h>
#include <stdatomic.h>
#include <sched.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/syscall.h>
#include <sys/un.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "glsc_egl.h"
#include "glsc_ring.h"
#include "glsc_gl.h"
#include "gls_cookie.h"
#include "gls_idmap.h"
#include "gls_io.h"
#include "gls_opcodes.h"
#include "gls_protocol.h"
#include "gls_ring.h"
#include "gls_spin.h"
#include "gls_wire.h"

/* Frames the client may queue before eglSwapBuffers waits, like a driver. */
#define GLSC_MAX_FRAMES_AHEAD 2
#define GLSC_BATCH_SIZE (256u * 1024u)
/* Bulk bytes from this size on are sent from the caller's memory (socket)
 * or copied straight into the ring, not through the batch or staging. */
#define GLSC_DIRECT_BYTES (64u * 1024u)
/* How long a reply may take before the server is declared gone. */
#define GLSC_DEFAULT_TIMEOUT_MS 60000

/* The library's lock: a futex word (0 free, 1 held, 2 held with waiters;
 * Drepper, "Futexes Are Tricky", mutex 3). Every GL call takes it, and
 * pthread_mutex_lock + unlock through the PLT cost a sixth of a cheap
 * call's encoding (docs/performance.md). */
static atomic_uint glsc_mutex;

static struct {
	int fd;
	bool connected;
	bool lost;
	bool shared_frames; /* the server maps frame memory we pass it */
	bool local_socket;  /* a unix socket: descriptors and shared memory can travel */
	bool use_ring;      /* commands go through the shared-memory ring */
	struct glsc_ring ring;
	/* socket: bulk bytes of the command at the end of the batch, sent from
	 * the caller's memory by glsc_stream_end_locked */
	const void *deferred;
	size_t deferred_size;
	int timeout_ms;
	uint8_t *batch;
	size_t batch_len, batch_cap;
	uint8_t *message; /* the last message received */
	size_t message_cap;
	unsigned frames_in_flight;
	bool unanswered; /* commands sent since the last reply */
	uint32_t max_message; /* the largest command the server takes */
	struct gls_idmap surfaces; /* wire id -> struct glsc_surface* */
	bool stats;                /* GLSTREAM_STATS=1: print counters each second */
	struct glsc_stats {
		uint64_t frames, commands, bytes_sent, bytes_received, round_trips;
	} counted;
	struct timespec stats_since;
} glsc_stream = {.fd = -1};

/* Prints and resets the counters once a second (GLSTREAM_STATS=1). */
static void glsc_stats_tick(void)
{
	struct timespec now;
	clock_gettime(CLOCK_MONOTONIC, &now);
	double elapsed = (double)(now.tv_sec - glsc_stream.stats_since.tv_sec) +
			 (double)(now.tv_nsec - glsc_stream.stats_since.tv_nsec) / 1e9;
	if (elapsed < 1.0)
		return;
	const struct glsc_stats *c = &glsc_stream.counted;
	fprintf(stderr,
		"glstream: %.0f frames/s, %.0f commands/s, %.2f MB/s sent, %.2f MB/s received, "
		"%.0f round trips/s (%.2f per frame)\n",
		(double)c->frames / elapsed, (double)c->commands / elapsed, (double)c->bytes_sent / elapsed / 1e6,
		(double)c->bytes_received / elapsed / 1e6, (double)c->round_trips / elapsed,
		c->frames ? (double)c->round_trips / (double)c->frames : 0.0);
	glsc_stream.counted = (struct glsc_stats){0};
	glsc_stream.stats_since = now;
}

void glsc_lock(void)
{
	unsigned free_word = 0;
	if (atomic_compare_exchange_strong_explicit(&glsc_mutex, &free_word, 1, memory_order_acquire,
						    memory_order_relaxed))
		return;
	while (atomic_exchange_explicit(&glsc_mutex, 2, memory_order_acquire) != 0)
		syscall(SYS_futex, &glsc_mutex, FUTEX_WAIT_PRIVATE, 2, NULL, NULL, 0);
}

void glsc_unlock(void)
{
	if (atomic_exchange_explicit(&glsc_mutex, 0, memory_order_release) == 2)
		syscall(SYS_futex, &glsc_mutex, FUTEX_WAKE_PRIVATE, 1, NULL, NULL, 0);
}

bool glsc_stream_lost(void)
{
	return glsc_stream.lost;
}

static void glsc_stream_set_lost(const char *what)
{
	if (glsc_stream.lost)
		return;
	glsc_stream.lost = true;
	fprintf(stderr, "glstream: lost the connection to glstream-server (%s: %s); "
			"rendering stops, EGL and GL calls now report errors\n",
		what, strerror(errno));
}

static int glsc_connect_unix(const char *path)
{
	struct sockaddr_un addr = {.sun_family = AF_UNIX};
	if (strlen(path) >= sizeof(addr.sun_path)) {
		errno = ENAMETOOLONG;
		return -1;
	}
	strcpy(addr.sun_path, path);
	int fd = socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
	if (fd < 0)
		return -1;
	if (connect(fd, (struct sockaddr *)&addr, sizeof(addr)) < 0) {
		int saved = errno;
		close(fd);
		errno = saved;
		return -1;
	}
	return fd;
}

static int glsc_connect_tcp(const char *hostport)
{
	char host[256];
	const char *colon = strrchr(hostport, ':');
	if (!colon || (size_t)(colon - hostport) >= sizeof(host)) {
		errno = EINVAL;
		return -1;
	}
	memcpy(host, hostport, (size_t)(colon - hostport));
	host[colon - hostport] = 0;
	/* [v6-address]:port */
	char *h = host;
	if (h[0] == '[' && h[strlen(h) - 1] == ']') {
		h[strlen(h) - 1] = 0;
		h++;
	}
	struct addrinfo hints = {.ai_socktype = SOCK_STREAM}, *list;
	if (getaddrinfo(h, colon + 1, &hints, &list) != 0) {
		errno = EHOSTUNREACH;
		return -1;
	}
	int fd = -1;
	for (struct addrinfo *ai = list; ai; ai = ai->ai_next) {
		fd = socket(ai->ai_family, ai->ai_socktype | SOCK_CLOEXEC, ai->ai_protocol);
		if (fd < 0)
			continue;
		if (connect(fd, ai->ai_addr, ai->ai_addrlen) == 0)
			break;
		close(fd);
		fd = -1;
	}
	freeaddrinfo(list);
	if (fd >= 0) {
		int one = 1;
		setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof(one));
	}
	return fd;
}

/* qrexec:TARGET[:SERVICE]: a Qubes qrexec call, `qrexec-client-vm TARGET
 * SERVICE` (default service glstream.Server), speaking over its stdin and
 * stdout, which are one end of a socketpair: the application's own stdin
 * and stdout are never touched. GLSTREAM_QREXEC_CLIENT names another
 * program with the same arguments (the tests' stand-in). */
static int glsc_connect_qrexec(const char *spec)
{
	char target[256], service[256] = "glstream.Server";
	const char *colon = strchr(spec, ':');
	size_t target_len = colon ? (size_t)(colon - spec) : strlen(spec);
	if (!target_len || target_len >= sizeof(target) || (colon && (!colon[1] || strlen(colon + 1) >= sizeof(service)))) {
		errno = EINVAL;
		return -1;
	}
	memcpy(target, spec, target_len);
	target[target_len] = 0;
	if (colon)
		strcpy(service, colon + 1);
	const char *program = getenv("GLSTREAM_QREXEC_CLIENT");
	if (!program || !*program)
		program = "qrexec-client-vm";

	int sv[2];
	if (socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, sv) < 0)
		return -1;
	/* Twice forked, so that the qrexec client is not the application's
	 * child: no zombie, nothing for the application's waitpid(). */
	pid_t child = fork();
	if (child < 0)
		goto err_close;
	if (child == 0) {
		if (fork() != 0)
			_exit(0);
		if (dup2(sv[1], 0) < 0 || dup2(sv[1], 1) < 0)
			_exit(127);
		execlp(program, program, target, service, (char *)NULL);
		_exit(127);
	}
	int status;
	while (waitpid(child, &status, 0) < 0 && errno == EINTR)
		;
	close(sv[1]);
	return sv[0];
err_close:
	close(sv[0]);
	close(sv[1]);
	return -1;
}

/* GLSTREAM_SERVER: unix:PATH, tcp:HOST:PORT, qrexec:TARGET[:SERVICE], or
 * unset for the per-user socket. */
static int glsc_connect_address(char *described, size_t described_size)
{
	const char *address = getenv("GLSTREAM_SERVER");
	char path[512];
	if (!address || !*address) {
		const char *runtime = getenv("XDG_RUNTIME_DIR");
		if (runtime && *runtime)
			snprintf(path, sizeof(path), "%s/glstream/server.sock", runtime);
		else
			snprintf(path, sizeof(path), "/tmp/glstream-%u/server.sock", (unsigned)getuid());
		snprintf(described, described_size, "unix:%s", path);
		return glsc_connect_unix(path);
	}
	snprintf(described, described_size, "%s", address);
	if (strncmp(address, "unix:", 5) == 0)
		return glsc_connect_unix(address + 5);
	if (strncmp(address, "tcp:", 4) == 0)
		return glsc_connect_tcp(address + 4);
	if (strncmp(address, "qrexec:", 7) == 0)
		return glsc_connect_qrexec(address + 7);
	errno = EINVAL;
	return -1;
}

static bool glsc_stream_send_fds_locked(uint16_t opcode, const void *payload, size_t size, const int *fds,
					unsigned count);

static bool glsc_env_set(const char *name)
{
	const char *value = getenv(name);
	return value && *value && strcmp(value, "0") != 0;
}

/* A local client's commands go through a shared-memory ring from now on
 * (glsAttachRing, docs/protocol.md); without it, through the socket. */
static void glsc_stream_attach_ring(void)
{
	int memfd, doorbell;
	if (!glsc_ring_create(&glsc_stream.ring, glsc_stream.fd, glsc_stream.timeout_ms, &memfd, &doorbell))
		return;
	uint8_t payload[4];
	gls_put_u32(payload, glsc_stream.ring.size);
	int fds[2] = {memfd, doorbell};
	bool sent = glsc_stream_send_fds_locked(GLS_OP_glsAttachRing, payload, sizeof(payload), fds, 2);
	close(memfd);
	close(doorbell);
	if (sent)
		glsc_stream.use_ring = true;
	else
		glsc_ring_destroy(&glsc_stream.ring);
}

bool glsc_stream_connect_locked(void)
{
	if (glsc_stream.connected)
		return !glsc_stream.lost;
	if (glsc_stream.lost)
		return false;

	const char *timeout = getenv("GLSTREAM_TIMEOUT");
	glsc_stream.timeout_ms = timeout ? atoi(timeout) * 1000 : GLSC_DEFAULT_TIMEOUT_MS;
	if (glsc_stream.timeout_ms <= 0)
		glsc_stream.timeout_ms = GLSC_DEFAULT_TIMEOUT_MS;

	char address[600];
	int fd = glsc_connect_address(address, sizeof(address));
	if (fd < 0) {
		fprintf(stderr, "glstream: cannot reach glstream-server at %s: %s\n", address, strerror(errno));
		return false;
	}

	/* TCP: the server's cookie authenticates us (GLSTREAM_COOKIE or the
	 * default path; see docs/security.md). */
	struct {
		struct gls_hello hello;
		uint8_t token[GLS_TOKEN_SIZE];
	} hello = {
		.hello.magic = htole32(GLS_PROTOCOL_MAGIC),
		.hello.version = htole32(GLS_PROTOCOL_VERSION),
	};
	size_t hello_size = sizeof(hello.hello);
	if (strncmp(address, "tcp:", 4) == 0) {
		char path[4096], why[4200];
		if (!gls_cookie_default_path(path, sizeof(path))) {
			fprintf(stderr, "glstream: no path for the glstream cookie: set GLSTREAM_COOKIE\n");
			goto err_close;
		}
		if (!gls_cookie_read(path, hello.token, why, sizeof(why))) {
			fprintf(stderr, "glstream: %s needs the server's cookie: %s\n", address, why);
			goto err_close;
		}
		hello.hello.flags = htole32(GLS_HELLO_TOKEN);
		hello_size += GLS_TOKEN_SIZE;
	}
	struct gls_welcome welcome;
	if (!gls_write_all(fd, &hello, hello_size) ||
	    !gls_read_all(fd, &welcome, sizeof(welcome), glsc_stream.timeout_ms)) {
		fprintf(stderr, "glstream: handshake with glstream-server at %s failed: %s\n", address, strerror(errno));
		goto err_close;
	}
	if (le32toh(welcome.magic) != GLS_PROTOCOL_MAGIC) {
		fprintf(stderr, "glstream: %s is not a glstream-server\n", address);
		goto err_close;
	}
	if (le32toh(welcome.status) == GLS_WELCOME_AUTH_FAILED) {
		fprintf(stderr, "glstream: glstream-server at %s refused our cookie (copy the server's cookie "
				"file here, or set GLSTREAM_COOKIE)\n", address);
		goto err_close;
	}
	if (le32toh(welcome.status) != GLS_WELCOME_OK) {
		fprintf(stderr, "glstream: glstream-server at %s speaks protocol %u, this client %u\n",
			address, le32toh(welcome.version), GLS_PROTOCOL_VERSION);
		goto err_close;
	}

	/* Passing memory needs a unix socket and a server that offers it. */
	struct sockaddr_storage peer;
	socklen_t peer_len = sizeof(peer);
	bool local = getsockname(fd, (struct sockaddr *)&peer, &peer_len) == 0 && peer.ss_family == AF_UNIX;
	/* The largest command this server takes (--max-command-size): bulk
	 * data is cut in pieces that fit (glsc_stream_max_payload). */
	uint32_t max_message = le32toh(welcome.max_message);
	glsc_stream.max_message = max_message < GLS_MIN_MESSAGE ? GLS_MIN_MESSAGE
				  : max_message > GLS_MAX_MESSAGE ? GLS_MAX_MESSAGE
								  : max_message;
	glsc_stream.shared_frames = local && (le32toh(welcome.capabilities) & GLS_CAP_SHARED_FRAMES) &&
				    !getenv("GLSTREAM_NO_SHARED_FRAMES");
	glsc_stream.local_socket = local;
	glsc_stream.batch_cap = GLSC_BATCH_SIZE;
	glsc_stream.batch = malloc(glsc_stream.batch_cap);
	if (!glsc_stream.batch)
		goto err_close;
	glsc_stream.fd = fd;
	glsc_stream.connected = true;
	if (glsc_stream.local_socket && (le32toh(welcome.capabilities) & GLS_CAP_SHM_RING) &&
	    !glsc_env_set("GLSTREAM_NO_SHM"))
		glsc_stream_attach_ring();
	const char *stats = getenv("GLSTREAM_STATS");
	glsc_stream.stats = stats && *stats && strcmp(stats, "0") != 0;
	clock_gettime(CLOCK_MONOTONIC, &glsc_stream.stats_since);
	gls_idmap_init(&glsc_stream.surfaces);
	return true;

err_close:
	close(fd);
	return false;
}

static void glsc_send_batch(void)
{
	if (glsc_stream.use_ring) {
		if (!glsc_stream.lost && !glsc_ring_flush(&glsc_stream.ring))
			glsc_stream_set_lost("sending");
		return;
	}
	if (!glsc_stream.batch_len || glsc_stream.lost)
		return;
	if (!gls_write_all(glsc_stream.fd, glsc_stream.batch, glsc_stream.batch_len))
		glsc_stream_set_lost("sending");
	glsc_stream.unanswered = true;
	glsc_stream.counted.bytes_sent += glsc_stream.batch_len;
	glsc_stream.batch_len = 0;
}

void glsc_flush_locked(void)
{
	glsc_send_batch();
}

/* Reserves a whole message (header included) in the ring, with n bulk
 * bytes after `size` bytes when n > 0, and writes its header. */
static uint8_t *glsc_stream_begin_ring(uint16_t opcode, size_t size, const void *bytes, size_t n)
{
	size_t total = size + gls_pad4(n);
	uint8_t *w = n ? glsc_ring_reserve_with_bytes(&glsc_stream.ring, size, bytes, n)
		       : glsc_ring_reserve_fast(&glsc_stream.ring, size);
	if (!w) {
		glsc_stream_set_lost(errno == ETIMEDOUT ? "no progress" : "sending");
		return NULL;
	}
	struct gls_msg_header header = {.opcode = htole16(opcode), .size = htole32((uint32_t)total)};
	memcpy(w, &header, sizeof(header));
	glsc_stream.counted.commands++;
	glsc_stream.counted.bytes_sent += total;
	return w + GLS_MSG_HEADER_SIZE;
}

uint8_t *glsc_stream_begin_locked(uint16_t opcode, size_t payload)
{
	if (!glsc_stream.connected || glsc_stream.lost)
		return NULL;
	size_t size = GLS_MSG_HEADER_SIZE + payload;
	if (size > GLS_MAX_MESSAGE) {
		errno = EMSGSIZE;
		glsc_stream_set_lost("command too large");
		return NULL;
	}
	if (glsc_stream.use_ring) {
		glsc_stream.unanswered = true; /* the ring has no batch to look at */
		return glsc_stream_begin_ring(opcode, size, NULL, 0);
	}
	if (glsc_stream.batch_len + size > glsc_stream.batch_cap) {
		glsc_send_batch();
		if (size > glsc_stream.batch_cap) {
			/* A large upload: grow the batch to hold it whole. */
			uint8_t *bigger = realloc(glsc_stream.batch, size);
			if (!bigger) {
				glsc_stream_set_lost("out of memory");
				return NULL;
			}
			glsc_stream.batch = bigger;
			glsc_stream.batch_cap = size;
		}
	}
	uint8_t *w = glsc_stream.batch + glsc_stream.batch_len;
	struct gls_msg_header header = {
		.opcode = htole16(opcode),
		.size = htole32((uint32_t)size),
	};
	memcpy(w, &header, sizeof(header));
	glsc_stream.batch_len += size;
	glsc_stream.counted.commands++;
	return w + GLS_MSG_HEADER_SIZE;
}

uint8_t *glsc_stream_begin_with_bytes_locked(uint16_t opcode, size_t payload, const void *bytes, size_t n)
{
	size_t total = GLS_MSG_HEADER_SIZE + payload + gls_pad4(n);
	if (n < GLSC_DIRECT_BYTES || total > GLS_MAX_MESSAGE) {
		uint8_t *w = glsc_stream_begin_locked(opcode, payload + gls_pad4(n));
		if (w)
			gls_put_bytes(w + payload, bytes, n);
		return w;
	}
	if (!glsc_stream.connected || glsc_stream.lost)
		return NULL;
	if (glsc_stream.use_ring) {
		glsc_stream.unanswered = true;
		return glsc_stream_begin_ring(opcode, GLS_MSG_HEADER_SIZE + payload, bytes, n);
	}
	/* The socket: the batch ends with this command's header and payload;
	 * glsc_stream_end_locked sends them with the caller's bytes (writev). */
	glsc_send_batch();
	uint8_t *w = glsc_stream_begin_locked(opcode, payload);
	if (!w)
		return NULL;
	uint32_t size = htole32((uint32_t)total);
	memcpy(w - GLS_MSG_HEADER_SIZE + offsetof(struct gls_msg_header, size), &size, sizeof(size));
	glsc_stream.counted.bytes_sent += total - GLS_MSG_HEADER_SIZE - payload;
	glsc_stream.deferred = bytes;
	glsc_stream.deferred_size = n;
	return w;
}

void glsc_stream_end_locked(void)
{
	if (glsc_stream.lost)
		return;
	if (glsc_stream.use_ring) {
		if (!glsc_ring_commit(&glsc_stream.ring))
			glsc_stream_set_lost(errno == ETIMEDOUT ? "no progress" : "sending");
		return;
	}
	if (!glsc_stream.deferred_size)
		return;
	static const uint8_t zeros[4];
	size_t n = glsc_stream.deferred_size;
	struct iovec iov[3] = {
		{glsc_stream.batch, glsc_stream.batch_len},
		{(void *)glsc_stream.deferred, n},
		{(void *)zeros, gls_pad4(n) - n},
	};
	glsc_stream.counted.bytes_sent += glsc_stream.batch_len;
	glsc_stream.batch_len = 0;
	glsc_stream.deferred_size = 0;
	if (!gls_writev_all(glsc_stream.fd, iov, 3))
		glsc_stream_set_lost("sending");
}

/* Reads exactly n bytes: what is there already without a poll() first
 * (after a spin the reply usually is), then waiting up to the timeout. */
static bool glsc_read_exact(void *data, size_t n)
{
	ssize_t got = recv(glsc_stream.fd, data, n, MSG_DONTWAIT);
	if (got < 0)
		got = 0; /* nothing yet (or an error gls_read_all reports) */
	return gls_read_all(glsc_stream.fd, (uint8_t *)data + got, n - (size_t)got, glsc_stream.timeout_ms);
}

/* Reads one message into glsc_stream.message; frames are presented here. */
static bool glsc_read_message(uint16_t *opcode, size_t *payload_size)
{
	struct gls_msg_header header;
	if (!glsc_read_exact(&header, sizeof(header))) {
		glsc_stream_set_lost(errno == ETIMEDOUT ? "no answer" : "receiving");
		return false;
	}
	uint32_t size = le32toh(header.size);
	if (size < GLS_MSG_HEADER_SIZE || size > GLS_MAX_MESSAGE || size % 4) {
		errno = EPROTO;
		glsc_stream_set_lost("malformed message");
		return false;
	}
	size -= GLS_MSG_HEADER_SIZE;
	if (size > glsc_stream.message_cap) {
		uint8_t *bigger = realloc(glsc_stream.message, size);
		if (!bigger) {
			glsc_stream_set_lost("out of memory");
			return false;
		}
		glsc_stream.message = bigger;
		glsc_stream.message_cap = size;
	}
	if (!glsc_read_exact(glsc_stream.message, size)) {
		glsc_stream_set_lost("receiving");
		return false;
	}
	*opcode = le16toh(header.opcode);
	*payload_size = size;
	glsc_stream.counted.bytes_received += GLS_MSG_HEADER_SIZE + size;
	if (*opcode == GLS_MSG_FRAME || *opcode == GLS_MSG_FRAME_SHARED) {
		/* struct gls_frame; then the pixels, or the slot of shared memory */
		struct gls_reader r;
		gls_reader_init(&r, glsc_stream.message, size);
		uint32_t id = gls_get_u32(&r), width = gls_get_u32(&r), height = gls_get_u32(&r);
		uint32_t slot = gls_get_u32(&r);
		bool shared = *opcode == GLS_MSG_FRAME_SHARED;
		uint64_t bytes = shared ? 0 : (uint64_t)width * height * 4;
		if (r.bad || bytes != (uint64_t)(r.end - r.p)) {
			errno = EPROTO;
			glsc_stream_set_lost("malformed frame");
			return false;
		}
		if (glsc_stream.frames_in_flight)
			glsc_stream.frames_in_flight--;
		uint64_t value;
		if (gls_idmap_get(&glsc_stream.surfaces, id, &value)) {
			struct glsc_surface *surface = (struct glsc_surface *)(uintptr_t)value;
			if (shared)
				glsc_surface_show_shared_frame(surface, width, height, slot);
			else
				glsc_surface_show_frame(surface, width, height, r.p);
		}
	} else if (*opcode == GLS_MSG_DEBUG) {
		if (!glsc_debug_receive_locked(glsc_stream.message, size)) {
			errno = EPROTO;
			glsc_stream_set_lost("malformed debug message");
			return false;
		}
	} else if (*opcode != GLS_MSG_REPLY) {
		errno = EPROTO;
		glsc_stream_set_lost("unknown message");
		return false;
	}
	return true;
}

/* Polls (without sleeping) up to gls_spin_budget_ns() for the reply: the
 * worker answers a cheap query within a few us, and a sleeping vCPU takes
 * tens of us to wake (docs/performance.md). */
static void glsc_spin_for_input(void)
{
	int64_t until = gls_now_ns() + gls_spin_budget_ns();
	while (gls_now_ns() < until) {
		struct pollfd pfd = {.fd = glsc_stream.fd, .events = POLLIN};
		if (poll(&pfd, 1, 0) != 0)
			return;
		/* On a busy machine the worker may wait for this very CPU. */
		sched_yield();
	}
}

bool glsc_stream_wait_reply_locked(const uint8_t **reply, size_t *size)
{
	glsc_send_batch();
	glsc_stream.counted.round_trips++;
	if (glsc_stream.lost)
		return false;
	if (glsc_stream.use_ring) {
		/* Replies that fit come through shared memory, larger ones on
		 * the connection (read below). */
		uint32_t shared_size;
		if (!glsc_ring_wait_reply(&glsc_stream.ring, reply, &shared_size)) {
			glsc_stream_set_lost(errno == ETIMEDOUT ? "no answer" : "receiving");
			return false;
		}
		if (shared_size != GLS_RING_REPLY_ON_SOCKET) {
			*size = shared_size;
			glsc_stream.counted.bytes_received += shared_size;
			glsc_stream.unanswered = false;
			return true;
		}
	} else {
		glsc_spin_for_input();
	}
	for (;;) {
		if (glsc_stream.lost)
			return false;
		uint16_t opcode;
		if (!glsc_read_message(&opcode, size))
			return false;
		if (opcode == GLS_MSG_REPLY) {
			*reply = glsc_stream.message;
			glsc_stream.unanswered = false;
			return true;
		}
	}
}

uint32_t glsc_stream_max_message(void)
{
	return glsc_stream.max_message ? glsc_stream.max_message : GLS_MIN_MESSAGE;
}

bool glsc_stream_all_answered_locked(void)
{
	return !glsc_stream.batch_len && !glsc_stream.unanswered;
}

void glsc_stream_frame_sent_locked(void)
{
	glsc_send_batch();
	glsc_stream.frames_in_flight++;
	glsc_stream.counted.frames++;
	if (glsc_stream.stats)
		glsc_stats_tick();
	/* Show the frames that already came back, then wait only when too far
	 * ahead of the server. */
	while (!glsc_stream.lost) {
		if (glsc_stream.frames_in_flight <= GLSC_MAX_FRAMES_AHEAD) {
			struct pollfd pfd = {.fd = glsc_stream.fd, .events = POLLIN};
			if (poll(&pfd, 1, 0) <= 0)
				break;
		}
		uint16_t opcode;
		size_t size;
		if (!glsc_read_message(&opcode, &size))
			break;
		if (opcode == GLS_MSG_REPLY) {
			errno = EPROTO;
			glsc_stream_set_lost("unexpected reply");
		}
	}
}

bool glsc_stream_shared_frames(void)
{
	return glsc_stream.shared_frames && !glsc_stream.lost;
}

bool glsc_stream_send_fd_locked(uint16_t opcode, const void *payload, size_t size, int fd)
{
	return glsc_stream_send_fds_locked(opcode, payload, size, &fd, 1);
}

/* Sends one command (payload at most 56 bytes) with `count` descriptors
 * (at most 2) on the connection. With the ring, the worker must have copied
 * the ring's commands out first: it reads both into one stream in arrival
 * order. */
static bool glsc_stream_send_fds_locked(uint16_t opcode, const void *payload, size_t size, const int *fds,
					unsigned count)
{
	glsc_send_batch();
	if (glsc_stream.lost)
		return false;
	if (glsc_stream.use_ring && !glsc_ring_drain(&glsc_stream.ring)) {
		glsc_stream_set_lost(errno == ETIMEDOUT ? "no progress" : "sending");
		return false;
	}
	struct gls_msg_header header = {
		.opcode = htole16(opcode),
		.size = htole32((uint32_t)(GLS_MSG_HEADER_SIZE + size)),
	};
	struct iovec iov[2] = {{&header, sizeof(header)}, {(void *)payload, size}};
	union {
		struct cmsghdr align;
		char buf[CMSG_SPACE(2 * sizeof(int))];
	} control;
	memset(&control, 0, sizeof(control));
	struct msghdr msg = {.msg_iov = iov, .msg_iovlen = 2, .msg_control = control.buf,
			     .msg_controllen = CMSG_SPACE(count * sizeof(int))};
	struct cmsghdr *cmsg = CMSG_FIRSTHDR(&msg);
	cmsg->cmsg_level = SOL_SOCKET;
	cmsg->cmsg_type = SCM_RIGHTS;
	cmsg->cmsg_len = CMSG_LEN(count * sizeof(int));
	memcpy(CMSG_DATA(cmsg), fds, count * sizeof(int));
	/* The descriptors travel with the first byte; the rest may follow. */
	ssize_t n;
	do
		n = sendmsg(glsc_stream.fd, &msg, MSG_NOSIGNAL);
	while (n < 0 && errno == EINTR);
	if (n < 0) {
		glsc_stream_set_lost("sending");
		return false;
	}
	size_t total = sizeof(header) + size;
	if ((size_t)n < total) {
		uint8_t all[64];
		memcpy(all, &header, sizeof(header));
		memcpy(all + sizeof(header), payload, size);
		if (!gls_write_all(glsc_stream.fd, all + n, total - (size_t)n)) {
			glsc_stream_set_lost("sending");
			return false;
		}
	}
	glsc_stream.unanswered = true;
	glsc_stream.counted.commands++;
	glsc_stream.counted.bytes_sent += total;
	return true;
}

void glsc_stream_register_surface_locked(uint32_t id, struct glsc_surface *surface)
{
	gls_idmap_put(&glsc_stream.surfaces, id, (uint64_t)(uintptr_t)surface);
}

void glsc_stream_unregister_surface_locked(uint32_t id)
{
	gls_idmap_remove(&glsc_stream.surfaces, id, NULL);
}
