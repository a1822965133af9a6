/* Per-identity on-disk shader cache: see glss_shader_cache.h. */
#include "glss_shader_cache.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/stat.h>

#include "gls_log.h"

struct glss_shader_cache glss_shader_cache = {.max_mib = GLSS_SHADER_CACHE_MAX_MIB};

/* mkdir -p with mode 0700 for what it creates. */
static bool glss_make_dirs(const char *path)
{
	char partial[sizeof(glss_shader_cache.root)];
	size_t len = strlen(path);
	if (len == 0 || len >= sizeof(partial))
		return false;
	memcpy(partial, path, len + 1);
	for (char *p = partial + 1; *p; p++) {
		if (*p != '/')
			continue;
		*p = '\0';
		if (mkdir(partial, 0700) < 0 && errno != EEXIST)
			return false;
		*p = '/';
	}
	return mkdir(partial, 0700) == 0 || errno == EEXIST;
}

bool glss_shader_cache_init(const char *root)
{
	char path[sizeof(glss_shader_cache.root)];
	const char *xdg = getenv("XDG_CACHE_HOME"), *home = getenv("HOME");
	int n;
	if (root)
		n = snprintf(path, sizeof(path), "%s", root);
	else if (xdg && xdg[0] == '/')
		n = snprintf(path, sizeof(path), "%s/glstream/shader-cache", xdg);
	else if (home && home[0] == '/')
		n = snprintf(path, sizeof(path), "%s/.cache/glstream/shader-cache", home);
	else
		n = -1;
	if (n < 0 || (size_t)n >= sizeof(path) || !glss_make_dirs(path)) {
		gls_warn("no shader cache: %s", n < 0 ? "no HOME or XDG_CACHE_HOME"
						     : (size_t)n >= sizeof(path) ? "path too long"
										 : strerror(errno));
		glss_shader_cache.root[0] = '\0';
		return false;
	}
	memcpy(glss_shader_cache.root, path, (size_t)n + 1);
	return true;
}

/* A qube name as a directory name: Qubes allows letters, digits, '-'
 * and '_'; anything else (or nothing) gives no cache. */
static bool glss_qube_name_ok(const char *name)
{
	if (!name || !*name || strlen(name) > 64)
		return false;
	for (const char *c = name; *c; c++)
		if (!((*c >= 'a' && *c <= 'z') || (*c >= 'A' && *c <= 'Z') || (*c >= '0' && *c <= '9') ||
		      *c == '-' || *c == '_'))
			return false;
	return true;
}

void glss_shader_cache_select(int client_fd, bool unix_socket)
{
	glss_shader_cache.in_use = false;
	if (!glss_shader_cache.root[0])
		return;
	char identity[80];
	const char *qube = getenv("QREXEC_REMOTE_DOMAIN");
	struct ucred cred;
	socklen_t len = sizeof(cred);
	if (unix_socket && getsockopt(client_fd, SOL_SOCKET, SO_PEERCRED, &cred, &len) == 0)
		snprintf(identity, sizeof(identity), "uid-%u", (unsigned)cred.uid);
	else if (!unix_socket && glss_qube_name_ok(qube))
		snprintf(identity, sizeof(identity), "qube-%s", qube);
	else
		return; /* TCP, plain stdio: no identity to keep apart */
	char dir[sizeof(glss_shader_cache.root) + sizeof(identity) + 2];
	snprintf(dir, sizeof(dir), "%s/%s", glss_shader_cache.root, identity);
	if (!glss_make_dirs(dir)) {
		gls_warn("no shader cache in %s: %s", dir, strerror(errno));
		return;
	}
	/* Mesa's single-file cache opens its files at initialisation; the
	 * multi-file one would open a file per shader, which the sandbox
	 * refuses. */
	setenv("MESA_SHADER_CACHE_DIR", dir, 1);
	setenv("MESA_SHADER_CACHE_DISABLE", "false", 1);
	setenv("MESA_DISK_CACHE_SINGLE_FILE", "1", 1);
	glss_shader_cache.in_use = true;
	gls_debug("shader cache: %s", dir);
}
