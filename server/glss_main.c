/* glstream-server: options, logging, then the listener or a single stdio
 * client. */
#include <errno.h>
#include <getopt.h>
#include <signal.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "gls_cookie.h"
#include "gls_log.h"
#include "gls_protocol.h"
#include "glss_listener.h"
#include "glss_present_window.h"
#include "glss_readback.h"
#include "glss_sandbox.h"
#include "glss_shader_cache.h"

/* meson's project version; the build may pass the real one. */
#ifndef GLSTREAM_VERSION
#define GLSTREAM_VERSION "0.1.0"
#endif

static void glss_usage(FILE *out)
{
	fprintf(out,
		"Usage: glstream-server [OPTION]...\n"
		"Runs EGL and OpenGL ES for glstream clients on this machine's GPU,\n"
		"in one worker process per client.\n"
		"\n"
		"  --socket PATH    listen on the unix socket PATH (default:\n"
		"                   $XDG_RUNTIME_DIR/glstream/server.sock, or\n"
		"                   /tmp/glstream-$UID/server.sock without XDG_RUNTIME_DIR)\n"
		"  --tcp ADDR:PORT  listen on TCP only, at ADDR (IPv4, [IPv6], a name, or\n"
		"                   empty for every address); clients must send the cookie\n"
		"  --cookie PATH    the TCP authentication cookie (32 secret bytes, mode 600;\n"
		"                   created if missing). Default: $GLSTREAM_COOKIE, else\n"
		"                   $XDG_CONFIG_HOME/glstream/cookie or ~/.config/glstream/cookie.\n"
		"                   Copy it to the client machine (same default path, or\n"
		"                   GLSTREAM_COOKIE=PATH there)\n"
		"  --stdio          serve one client on stdin/stdout, then exit\n"
		"                   (qrexec, inetd, ssh)\n"
		"  --present=MODE   where frames go: readback (default: back to the\n"
		"                   client, which shows them in its window) or window\n"
		"                   (a window of the worker's own on this server's DISPLAY)\n"
		"                   or qubes (qubes-guid's window for the client's window\n"
		"                   on this DISPLAY; a qrexec service only)\n"
		"  --readback=MODE  how swapped frames are read: async (into pixel pack\n"
		"                   buffers, delivered when the driver is done), sync (at\n"
		"                   the swap, straight into the frame memory) or auto\n"
		"                   (default: async, but sync on a software rasterizer)\n"
		"\n"
		"Limits of each client's worker (see docs/security.md):\n"
		"  --max-memory MiB       memory (RLIMIT_DATA; default %u, 0: unlimited)\n"
		"  --max-objects N        GL object names (default %u); more ends the client\n"
		"  --max-gl-memory BYTES  bytes in GL buffers, textures, renderbuffers and\n"
		"                         surfaces (default %llu, 0: unlimited); a larger\n"
		"                         allocation gets GL_OUT_OF_MEMORY\n"
		"  --max-command-size B   largest command in bytes (default and maximum %u,\n"
		"                         at least %u)\n"
		"  --no-sandbox           no seccomp filter, no rlimits: for debugging only\n"
		"\n"
		"  --shader-cache DIR     the driver's shader cache, a directory per client\n"
		"                         identity (local uid, Qubes qube) under DIR; each\n"
		"                         cache file at most %u MiB (default DIR:\n"
		"                         $XDG_CACHE_HOME/glstream/shader-cache)\n"
		"  --no-shader-cache      compile every shader anew\n"
		"\n"
		"  -v, --verbose    log connections; twice for debug messages\n"
		"  -h, --help       show this help and exit\n"
		"      --version    show the version and exit\n",
		GLSS_DEFAULT_MAX_MEMORY_MIB, GLSS_DEFAULT_MAX_OBJECTS, (unsigned long long)GLSS_DEFAULT_MAX_GL_MEMORY,
		GLS_MAX_MESSAGE, GLSS_MIN_COMMAND_SIZE, GLSS_SHADER_CACHE_MAX_MIB);
}

/* A decimal number in [min, max]; exits with usage status 2 otherwise. */
static unsigned long long glss_parse_number(const char *option, const char *text, unsigned long long min,
					    unsigned long long max)
{
	char *end;
	errno = 0;
	unsigned long long value = strtoull(text, &end, 10);
	if (errno || end == text || *end || text[0] == '-' || value < min || value > max) {
		fprintf(stderr, "glstream-server: %s needs a number from %llu to %llu, not '%s'\n", option, min, max,
			text);
		exit(2);
	}
	return value;
}

int main(int argc, char **argv)
{
	enum { OPT_SOCKET = 256, OPT_TCP, OPT_STDIO, OPT_VERSION, OPT_COOKIE, OPT_MAX_MEMORY, OPT_MAX_OBJECTS,
	       OPT_MAX_GL_MEMORY, OPT_MAX_COMMAND, OPT_NO_SANDBOX, OPT_PRESENT, OPT_READBACK, OPT_SHADER_CACHE, OPT_NO_SHADER_CACHE };
	static const struct option long_options[] = {
		{"cookie", required_argument, NULL, OPT_COOKIE},
		{"max-memory", required_argument, NULL, OPT_MAX_MEMORY},
		{"max-objects", required_argument, NULL, OPT_MAX_OBJECTS},
		{"max-gl-memory", required_argument, NULL, OPT_MAX_GL_MEMORY},
		{"max-command-size", required_argument, NULL, OPT_MAX_COMMAND},
		{"no-sandbox", no_argument, NULL, OPT_NO_SANDBOX},
		{"present", required_argument, NULL, OPT_PRESENT},
		{"readback", required_argument, NULL, OPT_READBACK},
		{"shader-cache", required_argument, NULL, OPT_SHADER_CACHE},
		{"no-shader-cache", no_argument, NULL, OPT_NO_SHADER_CACHE},
		{"socket", required_argument, NULL, OPT_SOCKET},
		{"tcp", required_argument, NULL, OPT_TCP},
		{"stdio", no_argument, NULL, OPT_STDIO},
		{"verbose", no_argument, NULL, 'v'},
		{"help", no_argument, NULL, 'h'},
		{"version", no_argument, NULL, OPT_VERSION},
		{NULL, 0, NULL, 0},
	};
	struct glss_listen_options listen = {0};
	bool stdio = false;
	const char *cookie = NULL, *shader_cache = NULL;
	bool no_shader_cache = false;
	int verbose = 0;
	int opt;

	while ((opt = getopt_long(argc, argv, "vh", long_options, NULL)) != -1) {
		switch (opt) {
		case OPT_SOCKET:
			listen.socket_path = optarg;
			break;
		case OPT_TCP:
			listen.tcp_address = optarg;
			break;
		case OPT_STDIO:
			stdio = true;
			break;
		case OPT_COOKIE:
			cookie = optarg;
			break;
		case OPT_MAX_MEMORY:
			glss_limits.max_memory_mib = glss_parse_number("--max-memory", optarg, 0, 1ull << 40);
			break;
		case OPT_MAX_OBJECTS:
			glss_limits.max_objects = (uint32_t)glss_parse_number("--max-objects", optarg, 1, 0xfffffff0u);
			break;
		case OPT_MAX_GL_MEMORY:
			glss_limits.max_gl_memory = glss_parse_number("--max-gl-memory", optarg, 0, 1ull << 50);
			break;
		case OPT_MAX_COMMAND:
			glss_limits.max_message = (uint32_t)glss_parse_number("--max-command-size", optarg,
									      GLSS_MIN_COMMAND_SIZE, GLS_MAX_MESSAGE) &
						  ~3u;
			break;
		case OPT_PRESENT:
			if (strcmp(optarg, "readback") == 0) {
				glss_present_mode = GLSS_PRESENT_READBACK;
			} else if (strcmp(optarg, "window") == 0) {
				glss_present_mode = GLSS_PRESENT_WINDOW;
			} else if (strcmp(optarg, "qubes") == 0) {
				glss_present_mode = GLSS_PRESENT_QUBES;
			} else {
				fprintf(stderr, "glstream-server: --present takes readback, window or qubes\n");
				return 2;
			}
			break;
		case OPT_READBACK:
			if (strcmp(optarg, "auto") == 0) {
				glss_readback_mode = GLSS_READBACK_AUTO;
			} else if (strcmp(optarg, "async") == 0) {
				glss_readback_mode = GLSS_READBACK_ASYNC;
			} else if (strcmp(optarg, "sync") == 0) {
				glss_readback_mode = GLSS_READBACK_SYNC;
			} else {
				fprintf(stderr, "glstream-server: --readback takes auto, async or sync\n");
				return 2;
			}
			break;
		case OPT_NO_SANDBOX:
			glss_limits.sandbox = false;
			break;
		case OPT_SHADER_CACHE:
			if (!optarg[0] || optarg[0] != '/') {
				fprintf(stderr, "glstream-server: --shader-cache needs an absolute path\n");
				return 2;
			}
			shader_cache = optarg;
			break;
		case OPT_NO_SHADER_CACHE:
			no_shader_cache = true;
			break;
		case 'v':
			verbose++;
			break;
		case 'h':
			glss_usage(stdout);
			return 0;
		case OPT_VERSION:
			printf("glstream-server %s (protocol version %u)\n", GLSTREAM_VERSION, GLS_PROTOCOL_VERSION);
			return 0;
		default: /* getopt has said what was wrong */
			glss_usage(stderr);
			return 2;
		}
	}
	if (optind < argc) {
		fprintf(stderr, "glstream-server: unexpected argument '%s'\n", argv[optind]);
		glss_usage(stderr);
		return 2;
	}
	if ((int)stdio + (listen.socket_path != NULL) + (listen.tcp_address != NULL) > 1) {
		fprintf(stderr, "glstream-server: --socket, --tcp and --stdio exclude each other\n");
		glss_usage(stderr);
		return 2;
	}
	if (listen.socket_path && !*listen.socket_path) {
		fprintf(stderr, "glstream-server: --socket needs a path\n");
		return 2;
	}

	gls_log_init("glstream-server", verbose >= 2 ? GLS_LOG_DEBUG : verbose ? GLS_LOG_INFO : GLS_LOG_WARN);

	if (cookie && !listen.tcp_address) {
		fprintf(stderr, "glstream-server: --cookie is for --tcp (unix sockets and stdio need no token)\n");
		return 2;
	}
	if (listen.tcp_address) {
		char path[4096], why[4200];
		bool created;
		if (cookie)
			snprintf(path, sizeof(path), "%s", cookie);
		else if (!gls_cookie_default_path(path, sizeof(path))) {
			gls_error("no path for the TCP cookie: set HOME or use --cookie PATH");
			return 1;
		}
		if (!gls_cookie_load_or_create(path, glss_auth.token, &created, why, sizeof(why))) {
			gls_error("TCP needs an authentication cookie: %s", why);
			return 1;
		}
		glss_auth.required = true;
		if (created)
			gls_warn("created the TCP authentication cookie %s; copy it to the clients' machines", path);
		else
			gls_info("TCP clients must send the cookie %s", path);
	}
	if (!glss_limits.sandbox)
		gls_warn("--no-sandbox: workers run without seccomp and limits; for debugging only");
	glss_sandbox_prepare();
	if (!no_shader_cache)
		glss_shader_cache_init(shader_cache);

	/* If glvnd hands this process the glstream vendor (an inherited
	 * __EGL_VENDOR_LIBRARY_FILENAMES), it declines at once instead of
	 * connecting to a server again and again (client/glsc_egl.c). */
	setenv("GLSTREAM_IN_SERVER", "1", 1);

	/* A client that goes away mid-write must cost an EPIPE in its worker,
	 * not a killed process (stdio writes to pipes with write()). */
	signal(SIGPIPE, SIG_IGN);

	/* stdout carries the protocol here: nothing else may print to it. */
	if (stdio)
		return glss_worker_run(0, 1);
	return glss_listen_and_serve(&listen);
}
