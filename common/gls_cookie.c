#include "gls_cookie.h"

#include <errno.h>
#include <fcntl.h>
#include <pwd.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/random.h>
#include <sys/stat.h>
#include <unistd.h>

bool gls_cookie_default_path(char *path, size_t size)
{
	const char *env = getenv("GLSTREAM_COOKIE");
	if (env && *env)
		return (size_t)snprintf(path, size, "%s", env) < size;
	const char *config = getenv("XDG_CONFIG_HOME");
	if (config && *config)
		return (size_t)snprintf(path, size, "%s/glstream/cookie", config) < size;
	const char *home = getenv("HOME");
	if (!home || !*home) {
		struct passwd *pw = getpwuid(getuid());
		home = pw ? pw->pw_dir : NULL;
	}
	if (!home)
		return false;
	return (size_t)snprintf(path, size, "%s/.config/glstream/cookie", home) < size;
}

bool gls_cookie_read(const char *path, uint8_t token[GLS_TOKEN_SIZE], char *why, size_t why_size)
{
	int fd = open(path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW);
	if (fd < 0) {
		snprintf(why, why_size, "cannot open %s: %s", path, strerror(errno));
		return false;
	}
	struct stat st;
	bool ok = false;
	if (fstat(fd, &st) < 0) {
		snprintf(why, why_size, "cannot inspect %s: %s", path, strerror(errno));
	} else if (!S_ISREG(st.st_mode) || st.st_size != GLS_TOKEN_SIZE) {
		snprintf(why, why_size, "%s is not a %u-byte glstream cookie", path, GLS_TOKEN_SIZE);
	} else if (st.st_mode & (S_IRWXG | S_IRWXO)) {
		snprintf(why, why_size, "%s is readable by others (mode %03o); chmod 600 it", path,
			 (unsigned)(st.st_mode & 0777));
	} else {
		size_t got = 0;
		while (got < GLS_TOKEN_SIZE) {
			ssize_t n = read(fd, token + got, GLS_TOKEN_SIZE - got);
			if (n < 0 && errno == EINTR)
				continue;
			if (n <= 0)
				break;
			got += (size_t)n;
		}
		ok = got == GLS_TOKEN_SIZE;
		if (!ok)
			snprintf(why, why_size, "cannot read %s", path);
	}
	close(fd);
	return ok;
}

/* mkdir -p of the cookie's directory, new levels 0700. */
static void gls_cookie_make_dirs(const char *path)
{
	char dir[4096];
	if (snprintf(dir, sizeof(dir), "%s", path) >= (int)sizeof(dir))
		return;
	char *slash = strrchr(dir, '/');
	if (!slash || slash == dir)
		return;
	*slash = 0;
	for (char *p = dir + 1; *p; p++) {
		if (*p != '/')
			continue;
		*p = 0;
		mkdir(dir, 0700);
		*p = '/';
	}
	mkdir(dir, 0700);
}

bool gls_cookie_load_or_create(const char *path, uint8_t token[GLS_TOKEN_SIZE], bool *created, char *why,
			       size_t why_size)
{
	*created = false;
	if (access(path, F_OK) == 0 || errno != ENOENT)
		return gls_cookie_read(path, token, why, why_size);
	gls_cookie_make_dirs(path);
	size_t got = 0;
	while (got < GLS_TOKEN_SIZE) {
		ssize_t n = getrandom(token + got, GLS_TOKEN_SIZE - got, 0);
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0) {
			snprintf(why, why_size, "getrandom: %s", strerror(errno));
			return false;
		}
		got += (size_t)n;
	}
	/* O_EXCL: two servers starting at once do not overwrite each other. */
	int fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, 0600);
	if (fd < 0) {
		if (errno == EEXIST)
			return gls_cookie_read(path, token, why, why_size);
		snprintf(why, why_size, "cannot create %s: %s", path, strerror(errno));
		return false;
	}
	bool ok = write(fd, token, GLS_TOKEN_SIZE) == GLS_TOKEN_SIZE;
	ok = close(fd) == 0 && ok;
	if (!ok) {
		snprintf(why, why_size, "cannot write %s: %s", path, strerror(errno));
		unlink(path);
		return false;
	}
	*created = true;
	return true;
}

bool gls_token_equal(const uint8_t a[GLS_TOKEN_SIZE], const uint8_t b[GLS_TOKEN_SIZE])
{
	volatile uint8_t diff = 0;
	for (unsigned i = 0; i < GLS_TOKEN_SIZE; i++)
		diff |= a[i] ^ b[i];
	return diff == 0;
}
