/* The GLSL ES source the host driver compiles for a client.
 *
 * The host's compiler knows more extensions than glstream advertises and
 * more GLSL versions than the context's OpenGL ES version has. The worker does not hand it the
 * client's source as is: every identifier shaped like an extension name
 * (GL_<VENDOR>_<name>) that is not advertised is renamed by inserting
 * GLS_SHADER_MASK_PREFIX after "GL_", a name no driver defines. The
 * renaming is applied everywhere outside comments and #error/#pragma
 * lines, so a hidden extension reads exactly as an unknown one:
 * `#ifdef` and `defined` are false, `#extension X : require` fails,
 * `: enable` / `: warn` warn, `#define X` of a GL_ name is still refused,
 * and a user's own variable of that name keeps working. The renaming is
 * injective (a name already holding the prefix gets it again), so
 * gls_shader_unmask restores the client's names in the driver's logs.
 * A #version the context's ES version lacks (1.00 in ES 2.0; 3.00 too in
 * ES 3.0, ...) makes the source one #error saying so.
 *
 * Pure functions over untrusted text: linear, no recursion, bounded. */
#ifndef GLS_SHADER_MASK_H
#define GLS_SHADER_MASK_H

#include <stddef.h>

#define GLS_SHADER_MASK_PREFIX "GLSTREAM_HIDDEN_"

enum gls_shader_mask_result {
	GLS_SHADER_MASK_SAME,      /* compile the source as it is; *out is NULL */
	GLS_SHADER_MASK_RENAMED,   /* *out: the source, hidden names renamed */
	GLS_SHADER_MASK_REFUSED,   /* *out: fails to compile, naming the #version */
	GLS_SHADER_MASK_TOO_LONG,  /* the renamed source would pass max_len */
	GLS_SHADER_MASK_NO_MEMORY,
};

/* Masks the `len` bytes of `src` (NULs allowed) for a context of OpenGL
 * ES `es_version` (10 * major + minor) that advertises the space-separated
 * extensions `advertised`. *out is
 * malloc'd (not NUL-terminated), *out_len its length; NULL but for
 * RENAMED and REFUSED. Each rename adds 16 bytes: max_len bounds what a
 * source made of short GL_ names may grow to. */
enum gls_shader_mask_result gls_shader_mask(const char *src, size_t len, const char *advertised, int es_version,
					    size_t max_len, char **out, size_t *out_len);

/* Restores renamed names in a driver's log, in place; returns the new
 * length (never longer). */
size_t gls_shader_unmask(char *text, size_t len);

#endif
