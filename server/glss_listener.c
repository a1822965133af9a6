#include "glss_listener.h"

#include <errno.h>
#include <fcntl.h>
#include <netdb.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <signal.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "gls_log.h"

/* A TCP name can resolve to several addresses (e.g. ::1 and 127.0.0.1). */
#define GLSS_MAX_LISTENERS 8
#define GLSS_SUN_PATH_SIZE sizeof(((struct sockaddr_un *)0)->sun_path)

struct glss_server {
	struct pollfd listeners[GLSS_MAX_LISTENERS];
	unsigned count;
	bool tcp;
	unsigned workers; /* forked and not yet reaped */

	/* Unix socket only. */
	char path[GLSS_SUN_PATH_SIZE];
	char lock_path[GLSS_SUN_PATH_SIZE + 5];
	int lock_fd;
	bool locked;
	bool bound;      /* the socket file at path is ours: dev/ino say which */
	dev_t dev;
	ino_t ino;
};

static volatile sig_atomic_t glss_stop_signal;

static void glss_on_stop(int sig)
{
	glss_stop_signal = sig;
}

/* Only there so that SIGCHLD interrupts ppoll; reaping happens in the loop. */
static void glss_on_child(int sig)
{
	(void)sig;
}

static void glss_describe_address(const struct sockaddr *sa, socklen_t len, char *out, size_t size)
{
	char host[NI_MAXHOST], port[NI_MAXSERV];
	if (getnameinfo(sa, len, host, sizeof(host), port, sizeof(port), NI_NUMERICHOST | NI_NUMERICSERV) != 0) {
		snprintf(out, size, "?");
		return;
	}
	if (sa->sa_family == AF_INET6)
		snprintf(out, size, "[%s]:%s", host, port);
	else
		snprintf(out, size, "%s:%s", host, port);
}

/* The default directory is where clients look for the server without being
 * told: it must be ours and closed to others, or another user could put
 * their own socket there and receive our clients' streams. */
static bool glss_prepare_private_dir(const char *dir)
{
	struct stat st;
	if (mkdir(dir, 0700) < 0 && errno != EEXIST) {
		gls_error("cannot create the socket directory %s: %s", dir, strerror(errno));
		return false;
	}
	/* lstat: a symlink planted there by someone else is refused too. */
	if (lstat(dir, &st) < 0) {
		gls_error("cannot inspect the socket directory %s: %s", dir, strerror(errno));
		return false;
	}
	if (!S_ISDIR(st.st_mode)) {
		gls_error("%s is not a directory; refusing to put the socket there", dir);
		return false;
	}
	if (st.st_uid != geteuid()) {
		gls_error("%s belongs to uid %u, not to us (uid %u); refusing to put the socket there",
			  dir, (unsigned)st.st_uid, (unsigned)geteuid());
		return false;
	}
	if (st.st_mode & (S_IWGRP | S_IWOTH)) {
		gls_error("%s is group- or world-writable (mode %03o); refusing to put the socket there "
			  "(chmod 700 it, or choose another path with --socket)",
			  dir, (unsigned)(st.st_mode & 0777));
		return false;
	}
	return true;
}

/* Removes a socket file left by a server that died, never a live one nor
 * anything that is not a socket. */
static bool glss_remove_stale_socket(const struct sockaddr_un *addr)
{
	struct stat st;
	if (lstat(addr->sun_path, &st) < 0) {
		if (errno == ENOENT)
			return true;
		gls_error("cannot inspect %s: %s", addr->sun_path, strerror(errno));
		return false;
	}
	if (!S_ISSOCK(st.st_mode)) {
		gls_error("%s exists and is not a socket; refusing to replace it", addr->sun_path);
		return false;
	}

	bool ok = false;
	/* Non-blocking: a live server with a full backlog answers EAGAIN
	 * instead of hanging us. */
	int fd = socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC | SOCK_NONBLOCK, 0);
	if (fd < 0) {
		gls_error("cannot create a socket: %s", strerror(errno));
		return false;
	}
	if (connect(fd, (const struct sockaddr *)addr, sizeof(*addr)) == 0 || errno == EAGAIN) {
		gls_error("glstream-server is already running at %s", addr->sun_path);
		goto out;
	}
	if (errno != ECONNREFUSED) {
		gls_error("cannot check whether a server is running at %s: %s", addr->sun_path, strerror(errno));
		goto out;
	}
	if (unlink(addr->sun_path) < 0 && errno != ENOENT) {
		gls_error("cannot remove the stale socket %s: %s", addr->sun_path, strerror(errno));
		goto out;
	}
	gls_debug("removed the stale socket %s", addr->sun_path);
	ok = true;
out:
	close(fd);
	return ok;
}

static bool glss_listen_unix(struct glss_server *s, const char *path, bool is_default)
{
	struct sockaddr_un addr = {.sun_family = AF_UNIX};
	if (strlen(path) >= sizeof(addr.sun_path)) {
		gls_error("socket path too long (%zu bytes, at most %zu): %s",
			  strlen(path), sizeof(addr.sun_path) - 1, path);
		return false;
	}
	strcpy(addr.sun_path, path);
	strcpy(s->path, path);

	if (is_default) {
		char dir[GLSS_SUN_PATH_SIZE];
		strcpy(dir, path);
		*strrchr(dir, '/') = 0; /* the default always has a directory part */
		if (!glss_prepare_private_dir(dir))
			return false;
	}

	/* The lock makes "is a server running? if not, replace the socket"
	 * atomic between two servers starting at once. */
	snprintf(s->lock_path, sizeof(s->lock_path), "%s.lock", path);
	s->lock_fd = open(s->lock_path, O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0600);
	if (s->lock_fd < 0) {
		gls_error("cannot open the lock file %s: %s", s->lock_path, strerror(errno));
		return false;
	}
	if (flock(s->lock_fd, LOCK_EX | LOCK_NB) < 0) {
		if (errno == EWOULDBLOCK)
			gls_error("glstream-server is already running at %s", path);
		else
			gls_error("cannot lock %s: %s", s->lock_path, strerror(errno));
		return false;
	}
	s->locked = true;

	if (!glss_remove_stale_socket(&addr))
		return false;

	int fd = socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC | SOCK_NONBLOCK, 0);
	if (fd < 0) {
		gls_error("cannot create a socket: %s", strerror(errno));
		return false;
	}
	s->listeners[s->count++] = (struct pollfd){.fd = fd, .events = POLLIN};

	/* The umask closes the window between bind and chmod in which the
	 * socket would be reachable by others. */
	mode_t old_umask = umask(0077);
	int bound = bind(fd, (struct sockaddr *)&addr, sizeof(addr));
	umask(old_umask);
	if (bound < 0) {
		gls_error("cannot bind %s: %s", path, strerror(errno));
		return false;
	}
	struct stat st;
	if (lstat(path, &st) == 0) {
		s->bound = true;
		s->dev = st.st_dev;
		s->ino = st.st_ino;
	}
	/* Connecting needs write access to the socket file: owner only. */
	if (chmod(path, 0600) < 0) {
		gls_error("cannot restrict %s to its owner: %s", path, strerror(errno));
		return false;
	}
	if (listen(fd, SOMAXCONN) < 0) {
		gls_error("cannot listen on %s: %s", path, strerror(errno));
		return false;
	}
	gls_info("listening on unix:%s", path);
	return true;
}

static bool glss_listen_tcp(struct glss_server *s, const char *address)
{
	char host[256];
	const char *colon = strrchr(address, ':');
	if (!colon || !colon[1] || (size_t)(colon - address) >= sizeof(host)) {
		gls_error("bad TCP address '%s': expected ADDR:PORT or [IPV6]:PORT", address);
		return false;
	}
	memcpy(host, address, (size_t)(colon - address));
	host[colon - address] = 0;
	char *h = host;
	size_t hlen = strlen(h);
	if (hlen >= 2 && h[0] == '[' && h[hlen - 1] == ']') {
		h[hlen - 1] = 0;
		h++;
	}

	s->tcp = true;
	/* An empty ADDR (":PORT") means every local address. */
	struct addrinfo hints = {.ai_family = AF_UNSPEC, .ai_socktype = SOCK_STREAM, .ai_flags = AI_PASSIVE};
	struct addrinfo *list;
	int rc = getaddrinfo(*h ? h : NULL, colon + 1, &hints, &list);
	if (rc != 0) {
		gls_error("cannot resolve '%s': %s", address, rc == EAI_SYSTEM ? strerror(errno) : gai_strerror(rc));
		return false;
	}

	/* Failures of single addresses are warnings when others may work;
	 * with one address the final error says it all. */
	bool several = list->ai_next != NULL;
	int last_errno = 0;
	for (struct addrinfo *ai = list; ai; ai = ai->ai_next) {
		char described[NI_MAXHOST + NI_MAXSERV + 4];
		glss_describe_address(ai->ai_addr, ai->ai_addrlen, described, sizeof(described));
		if (s->count == GLSS_MAX_LISTENERS) {
			gls_warn("'%s' has too many addresses; not listening on tcp:%s", address, described);
			continue;
		}
		int fd = socket(ai->ai_family, ai->ai_socktype | SOCK_CLOEXEC | SOCK_NONBLOCK, ai->ai_protocol);
		if (fd < 0) {
			last_errno = errno;
			if (several)
				gls_warn("cannot create a socket for tcp:%s: %s", described, strerror(errno));
			continue;
		}
		int one = 1;
		/* A restart must not wait for the old connections' TIME_WAIT. */
		setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof(one));
		/* v6 sockets take v6 only, so that the v4 address of the same
		 * name (or of the wildcard) can be bound next to them. */
		if (ai->ai_family == AF_INET6)
			setsockopt(fd, IPPROTO_IPV6, IPV6_V6ONLY, &one, sizeof(one));
		if (bind(fd, ai->ai_addr, ai->ai_addrlen) < 0 || listen(fd, SOMAXCONN) < 0) {
			last_errno = errno;
			if (several)
				gls_warn("cannot listen on tcp:%s: %s", described, strerror(errno));
			close(fd);
			continue;
		}
		/* Port 0 asks the kernel for one: log the real one. */
		struct sockaddr_storage bound;
		socklen_t len = sizeof(bound);
		if (getsockname(fd, (struct sockaddr *)&bound, &len) == 0)
			glss_describe_address((struct sockaddr *)&bound, len, described, sizeof(described));
		s->listeners[s->count++] = (struct pollfd){.fd = fd, .events = POLLIN};
		gls_info("listening on tcp:%s", described);
	}
	freeaddrinfo(list);

	if (s->count == 0) {
		gls_error("cannot listen on tcp:%s: %s", address,
			  last_errno ? strerror(last_errno) : "no usable address");
		return false;
	}
	/* Clients authenticate with the cookie in the handshake (glss_worker.c);
	 * the stream itself is not encrypted: use ssh or a VPN across
	 * untrusted networks. */
	return true;
}

/* In the child: becomes the worker of the client on fd. */
static _Noreturn void glss_run_worker(struct glss_server *s, int fd, const sigset_t *mask)
{
	/* The worker must not keep the listening sockets or the lock: they
	 * would outlive the server and keep its address busy. Closing our
	 * copy of the lock fd does not release the parent's flock. */
	for (unsigned i = 0; i < s->count; i++)
		close(s->listeners[i].fd);
	if (s->lock_fd >= 0)
		close(s->lock_fd);

	/* The worker gets default signals: a SIGTERM must end it, not set the
	 * listener's flag. SIGPIPE stays ignored (set by main). */
	struct sigaction dfl = {.sa_handler = SIG_DFL};
	sigemptyset(&dfl.sa_mask);
	sigaction(SIGINT, &dfl, NULL);
	sigaction(SIGTERM, &dfl, NULL);
	sigaction(SIGCHLD, &dfl, NULL);
	sigprocmask(SIG_SETMASK, mask, NULL);

	_exit(glss_worker_run(fd, fd));
}

static void glss_accept(struct glss_server *s, int listen_fd, const sigset_t *worker_mask)
{
	struct sockaddr_storage peer;
	socklen_t len = sizeof(peer);
	/* The client socket is blocking (not inherited from the listener). */
	int fd = accept4(listen_fd, (struct sockaddr *)&peer, &len, SOCK_CLOEXEC);
	if (fd < 0) {
		if (errno == EINTR || errno == EAGAIN || errno == EWOULDBLOCK || errno == ECONNABORTED)
			return;
		/* Out of fds or memory, or a network error: the pending client
		 * stays readable, so pause rather than spin on it. */
		gls_warn("cannot accept a client: %s", strerror(errno));
		nanosleep(&(struct timespec){.tv_nsec = 100 * 1000 * 1000}, NULL);
		return;
	}

	char from[NI_MAXHOST + NI_MAXSERV + 32];
	if (s->tcp) {
		int one = 1;
		/* Commands are batched by the client: send each batch at once. */
		setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof(one));
		char described[NI_MAXHOST + NI_MAXSERV + 4];
		glss_describe_address((struct sockaddr *)&peer, len, described, sizeof(described));
		snprintf(from, sizeof(from), "tcp:%s", described);
	} else {
		struct ucred cred;
		socklen_t cred_len = sizeof(cred);
		if (getsockopt(fd, SOL_SOCKET, SO_PEERCRED, &cred, &cred_len) == 0)
			snprintf(from, sizeof(from), "uid %u, pid %d", (unsigned)cred.uid, (int)cred.pid);
		else
			snprintf(from, sizeof(from), "an unknown peer");
	}

	pid_t pid = fork();
	if (pid < 0) {
		gls_error("cannot fork a worker for a client from %s: %s; dropping it", from, strerror(errno));
		goto out;
	}
	if (pid == 0)
		glss_run_worker(s, fd, worker_mask);
	s->workers++;
	gls_info("client connected (pid %d) from %s", (int)pid, from);
out:
	close(fd); /* the worker has its own copy */
}

static void glss_reap(struct glss_server *s)
{
	int status;
	pid_t pid;
	while ((pid = waitpid(-1, &status, WNOHANG)) > 0) {
		if (s->workers)
			s->workers--;
		if (WIFEXITED(status)) {
			gls_info("worker %d ended with exit status %d", (int)pid, WEXITSTATUS(status));
		} else if (WIFSIGNALED(status)) {
			int sig = WTERMSIG(status);
			gls_warn("worker %d was killed by signal %d (%s)%s", (int)pid, sig, strsignal(sig),
				 WCOREDUMP(status) ? ", core dumped" : "");
		}
	}
}

static void glss_server_close(struct glss_server *s)
{
	for (unsigned i = 0; i < s->count; i++)
		close(s->listeners[i].fd);
	s->count = 0;
	/* Unlink only our own socket: another server may have replaced it. */
	struct stat st;
	if (s->bound && lstat(s->path, &st) == 0 && st.st_dev == s->dev && st.st_ino == s->ino)
		unlink(s->path);
	/* Unlink the lock while holding it, then release it. */
	if (s->locked)
		unlink(s->lock_path);
	if (s->lock_fd >= 0)
		close(s->lock_fd);
	s->lock_fd = -1;
}

/* systemd socket activation (glstream.socket): listening unix sockets
 * handed over as file descriptors 3... Returns -1 when none were. */
static int glss_listen_inherited(struct glss_server *s)
{
	const char *pid = getenv("LISTEN_PID"), *fds = getenv("LISTEN_FDS");
	if (!pid || !fds || strtol(pid, NULL, 10) != (long)getpid())
		return -1;
	long count = strtol(fds, NULL, 10);
	/* Not for the workers, nor for anything they start. */
	unsetenv("LISTEN_PID");
	unsetenv("LISTEN_FDS");
	unsetenv("LISTEN_FDNAMES");
	if (count < 1 || count > GLSS_MAX_LISTENERS) {
		gls_error("socket activation passed %ld sockets", count);
		return 0;
	}
	for (int fd = 3; fd < 3 + count; fd++) {
		int domain = 0, listening = 0;
		socklen_t len = sizeof(int);
		if (getsockopt(fd, SOL_SOCKET, SO_DOMAIN, &domain, &len) < 0 || domain != AF_UNIX ||
		    getsockopt(fd, SOL_SOCKET, SO_ACCEPTCONN, &listening, &len) < 0 || !listening) {
			/* TCP needs --tcp and its cookie: never by activation */
			gls_error("socket activation: descriptor %d is not a listening unix socket", fd);
			return 0;
		}
		fcntl(fd, F_SETFD, FD_CLOEXEC);
		fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK);
		s->listeners[s->count++] = (struct pollfd){.fd = fd, .events = POLLIN};
	}
	gls_info("listening on %ld socket(s) from systemd", count);
	return 1;
}

int glss_listen_and_serve(const struct glss_listen_options *options)
{
	struct glss_server s = {.lock_fd = -1};
	int status = 1;

	/* The signals stay blocked except inside ppoll, so that a signal
	 * cannot slip between the stop-flag check and the wait. They are
	 * blocked before listening so that an early SIGINT still cleans up. */
	sigset_t blocked, old_mask, wait_mask;
	sigemptyset(&blocked);
	sigaddset(&blocked, SIGINT);
	sigaddset(&blocked, SIGTERM);
	sigaddset(&blocked, SIGCHLD);
	sigprocmask(SIG_BLOCK, &blocked, &old_mask);
	wait_mask = old_mask;
	sigdelset(&wait_mask, SIGINT);
	sigdelset(&wait_mask, SIGTERM);
	sigdelset(&wait_mask, SIGCHLD);

	/* No SA_RESTART: ppoll must return on them. */
	struct sigaction stop = {.sa_handler = glss_on_stop};
	struct sigaction child = {.sa_handler = glss_on_child, .sa_flags = SA_NOCLDSTOP};
	sigemptyset(&stop.sa_mask);
	sigemptyset(&child.sa_mask);
	sigaction(SIGINT, &stop, NULL);
	sigaction(SIGTERM, &stop, NULL);
	sigaction(SIGCHLD, &child, NULL);

	int inherited = glss_listen_inherited(&s);
	if (inherited == 0) {
		goto out;
	} else if (inherited > 0) {
		/* the sockets are systemd's: nothing of ours to unlink */
	} else if (options->tcp_address) {
		if (!glss_listen_tcp(&s, options->tcp_address))
			goto out;
	} else if (options->socket_path) {
		if (!glss_listen_unix(&s, options->socket_path, false))
			goto out;
	} else {
		const char *runtime = getenv("XDG_RUNTIME_DIR");
		char path[GLSS_SUN_PATH_SIZE + 64]; /* longer than sun_path: rejected with a clear error */
		/* The same rule as the client's (client/glsc_stream.c). */
		if (runtime && *runtime)
			snprintf(path, sizeof(path), "%s/glstream/server.sock", runtime);
		else
			snprintf(path, sizeof(path), "/tmp/glstream-%u/server.sock", (unsigned)getuid());
		if (!glss_listen_unix(&s, path, true))
			goto out;
	}

	status = 0;
	while (!glss_stop_signal) {
		glss_reap(&s);
		if (ppoll(s.listeners, s.count, NULL, &wait_mask) < 0) {
			if (errno == EINTR)
				continue;
			gls_error("waiting for clients failed: %s", strerror(errno));
			status = 1;
			break;
		}
		for (unsigned i = 0; i < s.count && !glss_stop_signal; i++) {
			if (s.listeners[i].revents)
				glss_accept(&s, s.listeners[i].fd, &old_mask);
		}
	}
	glss_reap(&s);
	if (glss_stop_signal)
		gls_info("stopping on %s; %u worker(s) keep serving their clients",
			 strsignal(glss_stop_signal), s.workers);

out:
	glss_server_close(&s);
	sigprocmask(SIG_SETMASK, &old_mask, NULL);
	return status;
}
