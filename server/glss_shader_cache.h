/* The host driver's on-disk shader cache, one per client identity.
 *
 * Compiling shaders is most of what a program's first frames cost (on
 * llvmpipe, glmark2's terrain scene runs at a quarter of native speed
 * without a cache). A worker may use Mesa's single-file cache, whose two
 * files the driver opens while it initialises, before the sandbox: after
 * that the worker only reads, writes and locks descriptors it already has;
 * it still cannot open any path. Each identity (the local user by uid, a
 * Qubes qube by name) has its own directory, so a client can only ever
 * fill or poison the cache of its own later runs; RLIMIT_FSIZE bounds how
 * much disk it can take. TCP and plain --stdio clients get no cache. */
#ifndef GLSS_SHADER_CACHE_H
#define GLSS_SHADER_CACHE_H

#include <stdbool.h>
#include <stdint.h>

#define GLSS_SHADER_CACHE_MAX_MIB 256u

struct glss_shader_cache {
	char root[1024];   /* empty: no cache (--no-shader-cache, or no place for it) */
	uint64_t max_mib;  /* largest cache file (RLIMIT_FSIZE of a worker using it) */
	bool in_use;       /* this worker's driver was given a cache directory */
};
extern struct glss_shader_cache glss_shader_cache;

/* In the server: the default root ($XDG_CACHE_HOME/glstream/shader-cache or
 * ~/.cache/glstream/shader-cache) unless one was set; false if none. */
bool glss_shader_cache_init(const char *root);

/* In the worker before the host EGL starts: picks the client's directory
 * (from the peer of the unix socket client_fd, or QREXEC_REMOTE_DOMAIN for
 * a qrexec service) and points the driver at it. */
void glss_shader_cache_select(int client_fd, bool unix_socket);

#endif
