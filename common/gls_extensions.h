/* The OpenGL ES extensions glstream implements end to end. The client
 * advertises those the host driver also has; the worker hides every other
 * extension from the shaders it compiles (server/glss_shader_source.c),
 * so both sides must derive the advertised set from this one list. */
#ifndef GLS_EXTENSIONS_H
#define GLS_EXTENSIONS_H

#include <stdbool.h>
#include <stddef.h>

/* Whether the space-separated `list` holds `word`. */
bool gls_has_word(const char *list, const char *word);

/* The extensions advertised on a host whose GL_EXTENSIONS is `host`: ours
 * that the host also has, in our order, each followed by a space.
 * malloc'd; NULL when out of memory. */
char *gls_extensions_advertised(const char *host);

#endif
