/* The listener: owns the listening sockets and forks one worker process per
 * client, so that a crash or a leak in one worker never touches another
 * client and every host resource goes away when the worker exits. */
#ifndef GLSS_LISTENER_H
#define GLSS_LISTENER_H

struct glss_listen_options {
	const char *socket_path; /* unix socket; NULL for the per-user default */
	const char *tcp_address; /* "ADDR:PORT" or "[V6ADDR]:PORT": listen only there */
};

/* Listens, serves clients until SIGINT or SIGTERM, cleans up, and returns
 * the process exit status (0 after a signal, 1 when listening failed). */
int glss_listen_and_serve(const struct glss_listen_options *options);

/* Serves one client on those fds (handshake included) and returns the
 * process exit status when the client goes away or misbehaves.
 * Defined by the worker; also declared in glss_worker.h, which needs
 * generated headers, hence this repeated (compatible) prototype. */
int glss_worker_run(int in_fd, int out_fd);

#endif
