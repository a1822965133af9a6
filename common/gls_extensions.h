/* The OpenGL ES extensions glstream implements end to end
 * (protocol/extensions.txt, generated into gls_extension_list.h). The
 * client advertises those the host driver also has; the worker decides the
 * same way, to accept the enums they bring and to let their GLSL names
 * through the shader scanner (common/gls_shader_mask.h). */
#ifndef GLS_EXTENSIONS_H
#define GLS_EXTENSIONS_H

#include <stdbool.h>
#include <stdint.h>

#include "gls_extension_list.h"

/* Whether the space-separated `list` holds `word`. */
bool gls_has_word(const char *list, const char *word);

/* GLS_EXT_BIT()s of the extensions advertised on a host whose
 * GL_EXTENSIONS is `host_extensions`: ours that it also has. */
gls_ext_bits gls_extensions_advertised(const char *host_extensions);

/* What a context offered OpenGL ES `es_version` is advertised: the
 * extensions of the host (gls_extensions_advertised) whose required
 * version (protocol/extensions.txt `requires=`) it has, and the version
 * bits (common/gls_version.h). Client and worker both decide with this. */
gls_ext_bits gls_extensions_offered(const char *host_extensions, int es_version);

/* Those extensions as text, in list order, each followed by a space
 * (version bits, GLS_EXT_VERSION_BITS, are no extensions: left out).
 * malloc'd; NULL when out of memory. */
char *gls_extensions_string(gls_ext_bits advertised);

#endif
