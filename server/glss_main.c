/* glstream-server: options, logging, then the listener or a single stdio
 * client. */
#include <getopt.h>
#include <signal.h>
#include <stdbool.h>
#include <stdio.h>

#include "gls_log.h"
#include "gls_protocol.h"
#include "glss_listener.h"

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
		"                   empty for every address); TCP has no authentication yet\n"
		"  --stdio          serve one client on stdin/stdout, then exit\n"
		"                   (qrexec, inetd, ssh)\n"
		"  -v, --verbose    log connections; twice for debug messages\n"
		"  -h, --help       show this help and exit\n"
		"      --version    show the version and exit\n");
}

int main(int argc, char **argv)
{
	enum { OPT_SOCKET = 256, OPT_TCP, OPT_STDIO, OPT_VERSION };
	static const struct option long_options[] = {
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

	/* A client that goes away mid-write must cost an EPIPE in its worker,
	 * not a killed process (stdio writes to pipes with write()). */
	signal(SIGPIPE, SIG_IGN);

	/* stdout carries the protocol here: nothing else may print to it. */
	if (stdio)
		return glss_worker_run(0, 1);
	return glss_listen_and_serve(&listen);
}
