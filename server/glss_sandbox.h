/* Worker confinement and per-client limits: rlimits, no new privileges and
 * a seccomp-bpf filter applied after the host EGL is initialised and before
 * the first client command runs. See docs/security.md. */
#ifndef GLSS_SANDBOX_H
#define GLSS_SANDBOX_H

#include <stdbool.h>
#include <stdint.h>

#include "gls_protocol.h"

/* Defaults: see glstream-server --help and docs/security.md. */
#define GLSS_DEFAULT_MAX_MEMORY_MIB 2048u
#define GLSS_DEFAULT_MAX_OBJECTS 100000u
#define GLSS_DEFAULT_MAX_GL_MEMORY (1ull << 30)
#define GLSS_MIN_COMMAND_SIZE GLS_MIN_MESSAGE
#define GLSS_MAX_OPEN_FILES 64u

struct glss_limits {
	uint64_t max_memory_mib; /* RLIMIT_DATA of a worker; 0: unlimited */
	uint32_t max_objects;    /* GL object names per client (all types) */
	uint64_t max_gl_memory;  /* bytes in GL objects and surfaces per client; 0: unlimited */
	uint32_t max_message;    /* largest command accepted (advertised in the welcome) */
	bool sandbox;            /* false: --no-sandbox (debugging only) */
};

/* Set by main from the command line before any worker starts. */
extern struct glss_limits glss_limits;

/* TCP authentication: the cookie's token, required in the handshake. */
struct glss_auth {
	bool required;
	uint8_t token[GLS_TOKEN_SIZE];
};
extern struct glss_auth glss_auth;

/* In the server before workers start: environment the drivers read at
 * initialisation (e.g. Mesa's on-disk shader cache, which a sandboxed
 * worker cannot and must not write: it is shared with every program of
 * the user, a cross-client poisoning channel). */
void glss_sandbox_prepare(void);

/* In the worker, after the host EGL is initialised: rlimits, no new
 * privileges, seccomp. False (and logged) when confinement failed: the
 * worker must then not serve the client. */
bool glss_sandbox_apply(void);

#endif
