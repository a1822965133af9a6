#include "gls_io.h"

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

/* send() with MSG_NOSIGNAL on sockets, write() on pipes (stdio transport). */
static ssize_t gls_write_some(int fd, const void *data, size_t size)
{
	ssize_t n = send(fd, data, size, MSG_NOSIGNAL);
	if (n < 0 && errno == ENOTSOCK)
		n = write(fd, data, size);
	return n;
}

bool gls_write_all(int fd, const void *data, size_t size)
{
	const char *p = data;
	while (size) {
		ssize_t n = gls_write_some(fd, p, size);
		if (n < 0) {
			if (errno == EINTR)
				continue;
			return false;
		}
		p += n;
		size -= (size_t)n;
	}
	return true;
}

bool gls_writev_all(int fd, struct iovec *iov, int count)
{
	while (count > 0) {
		struct msghdr msg = {.msg_iov = iov, .msg_iovlen = (size_t)count};
		ssize_t n = sendmsg(fd, &msg, MSG_NOSIGNAL);
		if (n < 0 && errno == ENOTSOCK)
			n = writev(fd, iov, count);
		if (n < 0) {
			if (errno == EINTR)
				continue;
			return false;
		}
		while (count > 0 && (size_t)n >= iov->iov_len) {
			n -= (ssize_t)iov->iov_len;
			iov++;
			count--;
		}
		if (count > 0) {
			iov->iov_base = (char *)iov->iov_base + n;
			iov->iov_len -= (size_t)n;
		}
	}
	return true;
}

bool gls_read_all(int fd, void *data, size_t size, int timeout_ms)
{
	char *p = data;
	while (size) {
		if (timeout_ms >= 0) {
			struct pollfd pfd = {.fd = fd, .events = POLLIN};
			int ready = poll(&pfd, 1, timeout_ms);
			if (ready < 0 && errno == EINTR)
				continue;
			if (ready == 0) {
				errno = ETIMEDOUT;
				return false;
			}
		}
		ssize_t n = read(fd, p, size);
		if (n < 0) {
			if (errno == EINTR)
				continue;
			return false;
		}
		if (n == 0) {
			errno = ECONNRESET;
			return false;
		}
		p += n;
		size -= (size_t)n;
	}
	return true;
}

long gls_read_some(int fd, void *data, size_t size)
{
	for (;;) {
		ssize_t n = read(fd, data, size);
		if (n < 0 && errno == EINTR)
			continue;
		return (long)n;
	}
}

long gls_write_nowait(int fd, const void *data, size_t size)
{
	for (;;) {
		ssize_t n = send(fd, data, size, MSG_NOSIGNAL | MSG_DONTWAIT);
		if (n < 0 && errno == ENOTSOCK)
			n = write(fd, data, size);
		if (n < 0 && errno == EINTR)
			continue;
		return (long)n;
	}
}

bool gls_set_nonblocking(int fd)
{
	int flags = fcntl(fd, F_GETFL);
	return flags >= 0 && fcntl(fd, F_SETFL, flags | O_NONBLOCK) == 0;
}
