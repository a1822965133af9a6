/* The worker main loop: handshake, then read commands, check their framing
 * and run them in order. Any protocol violation ends this worker only. */
#include "glss_worker.h"

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <sched.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

#include "glss_shader_cache.h"
#include "glss_egl.h"
#include "glss_present_window.h"
#include "glss_readback.h"
#include "glss_gl_generated.h"
#include "glss_sandbox.h"
#include "gls_cookie.h"
#include "gls_io.h"
#include "gls_log.h"
#include "gls_spin.h"

#define GLSS_READ_CHUNK (1u << 20)
/* Output a client may leave unread (a few frames in flight). */
#define GLSS_MAX_PENDING_OUTPUT (256u * 1024u * 1024u)

void glss_fail(struct glss_worker *w, const char *fmt, ...)
{
	if (w->failed)
		return;
	char reason[512];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(reason, sizeof(reason), fmt, ap);
	va_end(ap);
	gls_error("ending client: %s", reason);
	w->failed = true;
}

uint8_t *glss_message_begin(struct glss_worker *w, uint16_t opcode, size_t size)
{
	size_t total = GLS_MSG_HEADER_SIZE + gls_pad4(size);
	if (w->out_len + total > w->out_cap) {
		size_t cap = w->out_cap ? w->out_cap : 65536;
		while (cap < w->out_len + total)
			cap *= 2;
		uint8_t *bigger = realloc(w->out, cap);
		if (!bigger) {
			glss_fail(w, "out of memory for a %zu-byte message", size);
			return NULL;
		}
		w->out = bigger;
		w->out_cap = cap;
	}
	if (opcode == GLS_MSG_FRAME || opcode == GLS_MSG_FRAME_SHARED)
		w->frame_since_reply = true;
	uint8_t *p = w->out + w->out_len;
	struct gls_msg_header header = {.opcode = htole16(opcode), .size = htole32((uint32_t)total)};
	memcpy(p, &header, sizeof(header));
	memset(p + GLS_MSG_HEADER_SIZE + size, 0, gls_pad4(size) - size);
	w->out_len += total;
	return p + GLS_MSG_HEADER_SIZE;
}

uint8_t *glss_reply_begin(struct glss_worker *w, size_t size)
{
	/* A frame swapped before the command is shown before its answer. */
	glss_readback_finish(w);
	/* The messages of the command come before its answer; after any on
	 * the socket, the answer follows them there (not in shared memory):
	 * the client reads them on its way to the answer. */
	bool behind = glss_debug_flush(w) || w->frame_since_reply;
	w->frame_since_reply = false;
	/* A local client with a ring takes its replies from shared memory. */
	if (glss_ring_attached(&w->ring)) {
		uint8_t *p = behind ? glss_ring_reply_on_socket(&w->ring)
					: glss_ring_reply_begin(&w->ring, gls_pad4(size));
		if (p) {
			memset(p + size, 0, gls_pad4(size) - size);
			return p;
		}
	}
	return glss_message_begin(w, GLS_MSG_REPLY, size);
}

void glss_reply(struct glss_worker *w, const void *data, size_t size)
{
	uint8_t *p = glss_reply_begin(w, size);
	if (p && size)
		memcpy(p, data, size);
}

void glss_reply_named(struct glss_worker *w, bool ok, GLint size, GLenum type, const char *name, uint32_t len)
{
	uint8_t *p = glss_reply_begin(w, 16 + gls_pad4(len));
	if (!p)
		return;
	p = gls_put_u32(p, ok);
	p = gls_put_i32(p, ok ? size : 0);
	p = gls_put_u32(p, ok ? type : 0);
	p = gls_put_u32(p, len);
	gls_put_bytes(p, name, len);
}

void glss_reply_i32(struct glss_worker *w, int32_t value)
{
	uint8_t *p = glss_reply_begin(w, 4);
	if (p)
		gls_put_i32(p, value);
}

void glss_reply_scalar(struct glss_worker *w, uint64_t value)
{
	uint8_t *p = glss_reply_begin(w, 8);
	if (p)
		gls_put_i64(p, (int64_t)value);
}

void *glss_scratch(struct glss_worker *w, size_t size)
{
	if (size + 1 > w->scratch_cap) {
		char *bigger = realloc(w->scratch, size + 1);
		if (!bigger) {
			glss_fail(w, "out of memory for %zu bytes", size);
			return NULL;
		}
		w->scratch = bigger;
		w->scratch_cap = size + 1;
	}
	memset(w->scratch, 0, size + 1);
	return w->scratch;
}

const char *glss_get_string(struct glss_worker *w, struct gls_reader *r)
{
	uint32_t len;
	const void *bytes = gls_get_blob(r, &len);
	if (r->bad)
		return NULL;
	char *s = glss_scratch(w, len);
	if (!s) {
		r->bad = true;
		return NULL;
	}
	memcpy(s, bytes, len);
	return s;
}

void glss_set_error(struct glss_worker *w, GLenum error)
{
	struct glss_context *c = w->current;
	if (!c || c->pending_error != GL_NO_ERROR)
		return;
	/* An error the driver already holds came first. */
	GLenum earlier = glGetError();
	c->pending_error = earlier != GL_NO_ERROR ? earlier : error;
}

/* wire glsSetError: u32 error */
void glss_exec_glsSetError(struct glss_worker *w, struct gls_reader *r)
{
	GLenum error = gls_get_u32(r);
	if (!gls_reader_done(r))
		return;
	if (error != GL_INVALID_ENUM && error != GL_INVALID_VALUE && error != GL_INVALID_OPERATION &&
	    error != GL_OUT_OF_MEMORY && error != GL_INVALID_FRAMEBUFFER_OPERATION) {
		glss_fail(w, "glsSetError with a non-error 0x%x", error);
		return;
	}
	glss_set_error(w, error);
}

/* Sends what the client takes now. The worker never blocks on a client
 * that does not read (it may be blocked writing to us): output waits in
 * w->out, bounded by the client's few frames in flight. */
static bool glss_send_some(struct glss_worker *w)
{
	while (w->out_sent < w->out_len) {
		long n = gls_write_nowait(w->out_fd, w->out + w->out_sent, w->out_len - w->out_sent);
		if (n < 0) {
			if (errno == EAGAIN || errno == EWOULDBLOCK)
				break;
			gls_info("client went away while we answered: %s", strerror(errno));
			return false;
		}
		w->out_sent += (size_t)n;
	}
	if (w->out_sent == w->out_len) {
		w->out_len = w->out_sent = 0;
	} else if (w->out_sent > w->out_cap / 2) {
		memmove(w->out, w->out + w->out_sent, w->out_len - w->out_sent);
		w->out_len -= w->out_sent;
		w->out_sent = 0;
	}
	if (w->out_len > GLSS_MAX_PENDING_OUTPUT) {
		glss_fail(w, "the client does not read its replies and frames");
		return false;
	}
	return true;
}

int glss_take_fd(struct glss_worker *w)
{
	if (!w->received_fd_count)
		return -1;
	int fd = w->received_fds[0];
	w->received_fd_count--;
	memmove(w->received_fds, w->received_fds + 1, w->received_fd_count * sizeof(int));
	return fd;
}

/* Reads what is available; on a unix socket also the descriptors that
 * come with the bytes (queued for glss_take_fd). */
static long glss_read_input(struct glss_worker *w, void *data, size_t size)
{
	if (!w->unix_socket)
		return gls_read_some(w->in_fd, data, size);
	struct iovec iov = {data, size};
	union {
		struct cmsghdr align;
		char buf[CMSG_SPACE(sizeof(int) * GLSS_MAX_RECEIVED_FDS)];
	} control;
	struct msghdr msg = {.msg_iov = &iov, .msg_iovlen = 1, .msg_control = control.buf,
			     .msg_controllen = sizeof(control.buf)};
	ssize_t n;
	do
		n = recvmsg(w->in_fd, &msg, MSG_CMSG_CLOEXEC);
	while (n < 0 && errno == EINTR);
	for (struct cmsghdr *c = CMSG_FIRSTHDR(&msg); c; c = CMSG_NXTHDR(&msg, c)) {
		if (c->cmsg_level != SOL_SOCKET || c->cmsg_type != SCM_RIGHTS)
			continue;
		size_t count = (c->cmsg_len - CMSG_LEN(0)) / sizeof(int);
		for (size_t i = 0; i < count; i++) {
			int fd;
			memcpy(&fd, CMSG_DATA(c) + i * sizeof(int), sizeof(int));
			if (w->received_fd_count < GLSS_MAX_RECEIVED_FDS)
				w->received_fds[w->received_fd_count++] = fd;
			else
				close(fd); /* more than any command can use: a violation below */
		}
	}
	if (msg.msg_flags & MSG_CTRUNC)
		glss_fail(w, "the client sent more file descriptors than allowed");
	return (long)n;
}

static bool glss_handshake(struct glss_worker *w)
{
	struct gls_hello hello;
	if (!gls_read_all(w->in_fd, &hello, sizeof(hello), 30000)) {
		gls_info("no handshake from the client: %s", strerror(errno));
		return false;
	}
	struct gls_welcome welcome = {
		.magic = htole32(GLS_PROTOCOL_MAGIC),
		.version = htole32(GLS_PROTOCOL_VERSION),
		.status = htole32(GLS_WELCOME_OK),
		.max_message = htole32(w->max_message),
		.capabilities = htole32(GLS_CAP_READBACK_PRESENT |
					(w->unix_socket ? GLS_CAP_SHARED_FRAMES | GLS_CAP_SHM_RING : 0)),
	};
	bool ok = true;
	uint32_t flags = le32toh(hello.flags);
	if (le32toh(hello.magic) != GLS_PROTOCOL_MAGIC) {
		welcome.status = htole32(GLS_WELCOME_BAD_MAGIC);
		gls_error("ending client: not a glstream client (bad magic)");
		ok = false;
	} else if (le32toh(hello.version) != GLS_PROTOCOL_VERSION || (flags & ~GLS_HELLO_TOKEN) || hello.reserved) {
		welcome.status = htole32(GLS_WELCOME_BAD_VERSION);
		gls_error("ending client: it speaks protocol %u, we speak %u", le32toh(hello.version), GLS_PROTOCOL_VERSION);
		ok = false;
	} else {
		uint8_t token[GLS_TOKEN_SIZE];
		if ((flags & GLS_HELLO_TOKEN) && !gls_read_all(w->in_fd, token, sizeof(token), 30000)) {
			gls_info("no token from the client: %s", strerror(errno));
			return false;
		}
		if (glss_auth.required &&
		    (!(flags & GLS_HELLO_TOKEN) || !gls_token_equal(token, glss_auth.token))) {
			welcome.status = htole32(GLS_WELCOME_AUTH_FAILED);
			gls_error("ending client: %s", flags & GLS_HELLO_TOKEN ? "wrong authentication token"
									: "no authentication token (TCP requires the cookie)");
			ok = false;
		}
	}
	return gls_write_all(w->out_fd, &welcome, sizeof(welcome)) && ok;
}

/* GLSTREAM_RECORD=PATH: every received message is appended to PATH (seeds
 * for the fuzzer). Opened before the sandbox closes open(). */
static void glss_record_open(struct glss_worker *w)
{
	w->record_fd = -1;
	const char *path = getenv("GLSTREAM_RECORD");
	if (!path || !*path)
		return;
	w->record_fd = open(path, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0600);
	if (w->record_fd < 0)
		gls_warn("cannot record the command stream to %s: %s", path, strerror(errno));
}

size_t glss_run_messages(struct glss_worker *w)
{
	size_t at = 0;
	while (!w->failed && w->in_len - at >= GLS_MSG_HEADER_SIZE) {
		struct gls_msg_header header;
		memcpy(&header, w->in + at, sizeof(header));
		uint16_t opcode = le16toh(header.opcode);
		uint32_t size = le32toh(header.size);
		if (size < GLS_MSG_HEADER_SIZE || size % 4 || size > w->max_message || header.flags) {
			glss_fail(w, "malformed message header (opcode %u, size %u)", opcode, size);
			break;
		}
		if (w->in_len - at < size)
			break;
		glss_exec_fn exec = opcode < GLS_OP_LIMIT ? glss_exec_table[opcode] : NULL;
		if (!exec) {
			glss_fail(w, "unknown opcode %u", opcode);
			break;
		}
		if (glss_command_gates[opcode] && !glss_advertised(w, glss_command_gates[opcode])) {
			glss_fail(w, "%s: a command of an OpenGL ES version this context is not offered",
				  gls_opcode_name(opcode));
			break;
		}
		if (w->record_fd >= 0 && !gls_write_all(w->record_fd, w->in + at, size)) {
			close(w->record_fd);
			w->record_fd = -1;
		}
		struct gls_reader r;
		gls_reader_init(&r, w->in + at + GLS_MSG_HEADER_SIZE, size - GLS_MSG_HEADER_SIZE);
		exec(w, &r);
		if (glss_readback_pending(w))
			glss_readback_poll(w);
		if (glss_ring_attached(&w->ring))
			glss_ring_publish_reply(&w->ring);
		if (r.bad)
			glss_fail(w, "malformed %s (%u bytes)", gls_opcode_name(opcode), size);
		at += size;
	}
	return at;
}

/* Makes room in w->in for the next read: a message announced larger than
 * the buffer gets room whole; otherwise at least a quarter chunk. */
static bool glss_input_room(struct glss_worker *w)
{
	if (w->in_len >= GLS_MSG_HEADER_SIZE) {
		uint32_t size;
		memcpy(&size, w->in + 4, 4);
		size = le32toh(size);
		if (size > w->in_cap && size <= w->max_message) {
			uint8_t *bigger = realloc(w->in, size + GLSS_READ_CHUNK);
			if (!bigger) {
				glss_fail(w, "out of memory for a %u-byte command", size);
				return false;
			}
			w->in = bigger;
			w->in_cap = size + GLSS_READ_CHUNK;
		}
	}
	if (w->in_cap - w->in_len < GLSS_READ_CHUNK / 4 && w->in_cap < w->max_message + GLSS_READ_CHUNK) {
		uint8_t *bigger = realloc(w->in, w->in_cap * 2);
		if (!bigger) {
			glss_fail(w, "out of memory for input");
			return false;
		}
		w->in = bigger;
		w->in_cap *= 2;
	}
	return true;
}

/* Runs the complete messages after n more bytes arrived in w->in, then
 * sends what the client takes; false when the worker ends. */
static bool glss_consume(struct glss_worker *w, size_t n)
{
	w->in_len += n;
	size_t used = glss_run_messages(w);
	memmove(w->in, w->in + used, w->in_len - used);
	w->in_len -= used;
	return !w->failed && glss_send_some(w);
}

/* Socket transport: polls (without sleeping) up to gls_spin_budget_ns()
 * for the client's next bytes. A sleeping worker costs the client a
 * wake-up of an idle vCPU on every call with an answer (about 70 us on the
 * VM of docs/performance.md); a short spin keeps the reply path hot. */
static void glss_socket_spin(int fd)
{
	int64_t until = gls_now_ns() + gls_spin_budget_ns();
	while (gls_now_ns() < until) {
		struct pollfd pfd = {.fd = fd, .events = POLLIN};
		if (poll(&pfd, 1, 0) != 0)
			return;
		sched_yield(); /* the client may wait for this CPU */
	}
}

static bool glss_input_ready(int fd)
{
	struct pollfd pfd = {.fd = fd, .events = POLLIN};
	return poll(&pfd, 1, 0) != 0;
}

int glss_worker_run(int in_fd, int out_fd)
{
	struct glss_worker w = {.in_fd = in_fd, .out_fd = out_fd, .max_message = glss_limits.max_message};
	int status = 1;
	int domain = 0;
	socklen_t domain_len = sizeof(domain);
	w.unix_socket = in_fd == out_fd && getsockopt(in_fd, SOL_SOCKET, SO_DOMAIN, &domain, &domain_len) == 0 &&
			domain == AF_UNIX;
	if (!glss_handshake(&w))
		return 1;
	glss_record_open(&w);
	glss_shader_cache_select(in_fd, w.unix_socket);
	if (!glss_egl_init(&w))
		goto out;
	if (glss_present_mode != GLSS_PRESENT_READBACK && !glss_present_window_open(&w))
		goto out;
	if (!glss_sandbox_apply())
		goto out;
	w.in_cap = GLSS_READ_CHUNK;
	w.in = malloc(w.in_cap);
	if (!w.in)
		goto out;
	if (!gls_set_nonblocking(out_fd)) {
		gls_error("cannot make the client connection non-blocking");
		goto out;
	}
	for (;;) {
		if (!glss_input_room(&w))
			break;
		bool pending = w.out_len > w.out_sent;
		if (glss_ring_attached(&w.ring)) {
			/* At most a chunk per round: head moves on (the client
			 * refills behind us) while we run what we have. */
			size_t room = w.in_cap - w.in_len;
			long n = glss_ring_pull(&w, w.in + w.in_len, room < GLSS_READ_CHUNK ? room : GLSS_READ_CHUNK);
			if (n < 0)
				break;
			if (n > 0) {
				if (!glss_consume(&w, (size_t)n))
					break;
				continue;
			}
			if (glss_readback_pending(&w)) {
				/* Idle: the swapped frame goes out before we wait. */
				glss_readback_finish(&w);
				if (!glss_send_some(&w))
					break;
				continue;
			}
			if (glss_ring_spin(&w) || !glss_ring_prepare_sleep(&w))
				continue;
		} else {
			if (glss_readback_pending(&w) && !glss_input_ready(in_fd)) {
				glss_readback_finish(&w);
				if (!glss_send_some(&w))
					break;
				continue;
			}
			if (!pending)
				glss_socket_spin(in_fd);
		}
		struct pollfd fds[3];
		nfds_t nfds = 0, out_at = 0, bell_at = 0;
		fds[nfds++] = (struct pollfd){.fd = in_fd, .events = POLLIN | (pending && in_fd == out_fd ? POLLOUT : 0)};
		if (pending && in_fd != out_fd) {
			out_at = nfds;
			fds[nfds++] = (struct pollfd){.fd = out_fd, .events = POLLOUT};
		}
		if (glss_ring_attached(&w.ring)) {
			bell_at = nfds;
			fds[nfds++] = (struct pollfd){.fd = w.ring.doorbell, .events = POLLIN};
		}
		if (poll(fds, nfds, -1) < 0) {
			if (errno == EINTR)
				continue;
			glss_fail(&w, "poll: %s", strerror(errno));
			break;
		}
		if (bell_at) {
			glss_ring_woken(&w);
			/* A doorbell closed while the connection stays: the client
			 * is leaving (its connection follows) or misbehaving. */
			if ((fds[bell_at].revents & (POLLHUP | POLLERR)) && !fds[0].revents &&
			    poll(fds, 1, 1000) == 0) {
				glss_fail(&w, "the client closed the command ring's doorbell");
				break;
			}
		}
		if (pending && (fds[0].revents | fds[out_at].revents) & (POLLOUT | POLLERR | POLLHUP) &&
		    !glss_send_some(&w))
			break;
		if (!(fds[0].revents & (POLLIN | POLLHUP | POLLERR)))
			continue;
		long n = glss_read_input(&w, w.in + w.in_len, w.in_cap - w.in_len);
		if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK))
			continue;
		if (n <= 0) {
			if (w.in_len)
				glss_fail(&w, "client left in the middle of a command");
			else
				gls_info("client disconnected");
			status = w.in_len ? 1 : 0;
			break;
		}
		if (!glss_consume(&w, (size_t)n))
			break;
	}
out:
	glss_egl_fini(&w);
	glss_ring_detach(&w.ring);
	while (w.received_fd_count)
		close(glss_take_fd(&w));
	free(w.in);
	free(w.out);
	free(w.scratch);
	if (w.record_fd >= 0)
		close(w.record_fd);
	return w.failed ? 1 : status;
}

bool glss_worker_init_detached(struct glss_worker *w)
{
	*w = (struct glss_worker){.in_fd = -1, .out_fd = -1, .max_message = GLS_MAX_MESSAGE, .record_fd = -1};
	return glss_egl_init(w);
}

void glss_worker_reset_detached(struct glss_worker *w)
{
	glss_egl_reset(w);
	free(w->in);
	w->in = NULL;
	w->in_len = w->in_cap = 0;
	w->out_len = w->out_sent = 0;
	w->failed = false;
	glss_ring_detach(&w->ring);
	w->objects = 0;
}

void glss_worker_fini_detached(struct glss_worker *w)
{
	glss_egl_fini(w);
	glss_ring_detach(&w->ring);
	free(w->in);
	free(w->out);
	free(w->scratch);
	*w = (struct glss_worker){.in_fd = -1, .out_fd = -1, .record_fd = -1};
}
