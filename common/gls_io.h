/* Whole-buffer socket I/O that survives EINTR and short transfers. */
#ifndef GLS_IO_H
#define GLS_IO_H

#include <stdbool.h>
#include <stddef.h>
#include <sys/uio.h>

/* Writes everything; false on error or a closed peer (never raises SIGPIPE). */
bool gls_write_all(int fd, const void *data, size_t size);
bool gls_writev_all(int fd, struct iovec *iov, int count);
/* Writes what the peer takes now without waiting: bytes written, or -1
 * (errno EAGAIN when it would block). fd must be a socket or be set
 * non-blocking (gls_set_nonblocking). */
long gls_write_nowait(int fd, const void *data, size_t size);
bool gls_set_nonblocking(int fd);
/* Reads exactly size bytes. timeout_ms < 0 waits forever; on a timeout or
 * a closed peer returns false with errno ETIMEDOUT or ECONNRESET. */
bool gls_read_all(int fd, void *data, size_t size, int timeout_ms);
/* Reads what is available (at most size, at least 1 byte): >0 bytes,
 * 0 for a closed peer, -1 on error. */
long gls_read_some(int fd, void *data, size_t size);

#endif
