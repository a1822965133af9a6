/* Which OpenGL ES version a context is offered.
 *
 * glstream offers the host driver's version, capped at the highest version
 * it implements completely (every entry point, every enum, every GLSL
 * version of it): an application asking for ES 2.0 gets the highest
 * compatible version, as from Mesa. Client and worker decide with the same
 * function from the same host string, so the GL_VERSION the application
 * reads and the enums, commands and #version lines the worker accepts
 * always agree. Versions above 2.0 are gated like extensions
 * (protocol/extensions.txt, GLS_EXT_VERSION_BITS). */
#ifndef GLS_VERSION_H
#define GLS_VERSION_H

#include <stdint.h>

#include "gls_extension_list.h"

/* 10 * major + minor of the highest version glstream offers: meson.build's
 * es_version_implemented (raised only with every entry point of the next
 * version in place; tests/unit/gls_api_coverage.py checks it). */
#define GLS_ES_VERSION_MAX (GLSTREAM_ES_VERSION_MAJOR * 10 + GLSTREAM_ES_VERSION_MINOR)

/* The version offered on a host context whose GL_VERSION is `host_version`
 * ("OpenGL ES M.m ..."): min(host, GLS_ES_VERSION_MAX, cap), and 20 when
 * the host string says less or cannot be read. `cap` is the client's
 * GLSTREAM_ES_VERSION (gls_es_version_parse), sent with each context. */
int gls_es_version_offered(const char *host_version, int cap);

/* "M.m" -> 10 * M + m; GLS_ES_VERSION_MAX for NULL or anything else. */
int gls_es_version_parse(const char *text);

/* GLS_EXT_BIT()s of the versions above 2.0 that `version` includes. */
gls_ext_bits gls_es_version_bits(int version);

#endif
