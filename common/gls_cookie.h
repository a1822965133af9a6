/* The TCP authentication cookie: GLS_TOKEN_SIZE secret random bytes in a
 * file readable only by its owner (like X11's ~/.Xauthority). The server
 * requires it on TCP; the client sends it when connecting over TCP. */
#ifndef GLS_COOKIE_H
#define GLS_COOKIE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "gls_protocol.h"

/* $GLSTREAM_COOKIE if set, else $XDG_CONFIG_HOME/glstream/cookie, else
 * ~/.config/glstream/cookie. False when no path can be made. */
bool gls_cookie_default_path(char *path, size_t size);

/* Reads the token; on failure false with a reason in `why`. */
bool gls_cookie_read(const char *path, uint8_t token[GLS_TOKEN_SIZE], char *why, size_t why_size);

/* Reads the token, or creates the file (mode 0600, its directory 0700)
 * with fresh random bytes when it does not exist. */
bool gls_cookie_load_or_create(const char *path, uint8_t token[GLS_TOKEN_SIZE], bool *created, char *why,
			       size_t why_size);

/* Constant-time comparison of two tokens. */
bool gls_token_equal(const uint8_t a[GLS_TOKEN_SIZE], const uint8_t b[GLS_TOKEN_SIZE]);

#endif
