/* The GLSL ES source the host driver compiles (see gls_shader_mask.h).
 *
 * A one-pass scanner over the raw bytes that knows just enough of the
 * preprocessor: line continuations (backslash-newline, which Mesa splices
 * in every version), `//` and block comments, and where a directive
 * starts (`#` first on a line). It runs twice: once to decide, and only
 * when something must change once more to write the result. */
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "gls_extensions.h"
#include "gls_shader_mask.h"

#define GLS_PREFIX_LEN (sizeof(GLS_SHADER_MASK_PREFIX) - 1)
/* Identifiers are compared on their first characters: every advertised
 * name is shorter, so a longer one is never advertised. */
#define GLS_IDENT_KEEP 96

/* Macros the language predefines that are shaped like extension names. */
static const char *const gls_builtin_macros[] = {"GL_FRAGMENT_PRECISION_HIGH"};

enum gls_directive {
	GLS_DIR_NONE,    /* not in a directive */
	GLS_DIR_NAME,    /* after `#`, before its name */
	GLS_DIR_VERSION, /* after `#version`, before its number */
	GLS_DIR_RAW,     /* #error, #pragma: text, not tokens to rename */
	GLS_DIR_OTHER,
};

struct gls_scan {
	const char *src;
	size_t len;
	const char *advertised;
	char *out;     /* the second run's output, NULL in the first */
	size_t copied; /* src bytes before this one are in out */
	size_t written;
	size_t renames;
	bool refused;
	size_t refused_at;      /* the `#` of the refused #version */
	char version[12];       /* its number, when it has one that fits */
};

static bool gls_is_newline(char c)
{
	return c == '\n' || c == '\r';
}

static bool gls_is_ident(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
}

static bool gls_is_digit(char c)
{
	return c >= '0' && c <= '9';
}

/* The index of the first character at or after i that is not part of a
 * line continuation (backslash, then \n, \r\n, \n\r or \r). */
static size_t gls_splice(const struct gls_scan *s, size_t i)
{
	while (i + 1 < s->len && s->src[i] == '\\' && gls_is_newline(s->src[i + 1])) {
		char first = s->src[i + 1];
		i += 2;
		if (i < s->len && gls_is_newline(s->src[i]) && s->src[i] != first)
			i++;
	}
	return i;
}

/* Whether the identifier (its first `kept` characters in name, `n` in
 * all) is an extension name this context hides. */
static bool gls_is_hidden(const struct gls_scan *s, const char *name, size_t kept, size_t n)
{
	if (kept < 3 || memcmp(name, "GL_", 3) != 0)
		return false;
	size_t j = 3;
	while (j < kept && ((name[j] >= 'A' && name[j] <= 'Z') || gls_is_digit(name[j])))
		j++;
	/* GL_ VENDOR _ name, the name not empty */
	if (j == 3 || j >= kept || name[j] != '_' || n <= j + 1)
		return false;
	if (n > kept)
		return true;
	for (size_t i = 0; i < sizeof(gls_builtin_macros) / sizeof(*gls_builtin_macros); i++)
		if (strcmp(name, gls_builtin_macros[i]) == 0)
			return false;
	return !gls_has_word(s->advertised, name);
}

/* Inserts the prefix at src offset `at` (second run only). */
static void gls_rename_at(struct gls_scan *s, size_t at)
{
	s->renames++;
	if (!s->out)
		return;
	memcpy(s->out + s->written, s->src + s->copied, at - s->copied);
	s->written += at - s->copied;
	memcpy(s->out + s->written, GLS_SHADER_MASK_PREFIX, GLS_PREFIX_LEN);
	s->written += GLS_PREFIX_LEN;
	s->copied = at;
}

/* Skips a comment starting at i (a `/`); returns where it ends, or i
 * when no comment starts there. */
static size_t gls_skip_comment(const struct gls_scan *s, size_t i)
{
	size_t n = gls_splice(s, i + 1);
	if (n >= s->len)
		return i;
	if (s->src[n] == '/') { /* up to the newline, which stays */
		i = n + 1;
		while ((i = gls_splice(s, i)) < s->len && !gls_is_newline(s->src[i]))
			i++;
		return i;
	}
	if (s->src[n] != '*')
		return i;
	i = n + 1;
	while ((i = gls_splice(s, i)) < s->len) {
		if (s->src[i] == '*') {
			size_t m = gls_splice(s, i + 1);
			if (m < s->len && s->src[m] == '/')
				return m + 1;
			i = m;
			continue;
		}
		i++;
	}
	return i; /* unterminated: the driver reports it */
}

/* Reads the #version number at i; false when it is not 100. */
static bool gls_version_ok(struct gls_scan *s, size_t *i)
{
	size_t n = 0;
	char digits[sizeof(s->version)];
	while (*i < s->len && gls_is_digit(s->src[*i])) {
		if (n < sizeof(digits) - 1)
			digits[n] = s->src[*i];
		n++;
		*i = gls_splice(s, *i + 1);
	}
	bool glued = *i < s->len && gls_is_ident(s->src[*i]);
	if (n < sizeof(digits)) {
		digits[n] = 0;
		if (!glued)
			memcpy(s->version, digits, n + 1);
	}
	return !glued && strcmp(s->version, "100") == 0;
}

/* Scans the whole source: counts (and in the second run makes) the
 * renames, and finds a refused #version. */
static void gls_scan_run(struct gls_scan *s)
{
	enum gls_directive dir = GLS_DIR_NONE;
	bool line_start = true;
	size_t hash = 0;
	size_t i = 0;
	while ((i = gls_splice(s, i)) < s->len) {
		char c = s->src[i];
		if (gls_is_newline(c)) {
			line_start = true;
			dir = GLS_DIR_NONE;
			i++;
			continue;
		}
		if (c == ' ' || c == '\t' || c == '\v' || c == '\f') {
			i++;
			continue;
		}
		if (c == '/') {
			size_t end = gls_skip_comment(s, i);
			if (end != i) {
				i = end;
				continue;
			}
		}
		if (c == '#' && line_start) {
			dir = GLS_DIR_NAME;
			hash = i;
			line_start = false;
			i++;
			continue;
		}
		line_start = false;
		if (dir == GLS_DIR_VERSION) {
			if (!gls_version_ok(s, &i)) {
				s->refused = true;
				s->refused_at = hash;
				return;
			}
			dir = GLS_DIR_OTHER;
			continue;
		}
		if (gls_is_digit(c) || !gls_is_ident(c)) {
			/* digits alone: letters after them are read as an
			 * identifier, which renames at worst a name the
			 * driver would not expand anyway */
			if (dir == GLS_DIR_NAME)
				dir = GLS_DIR_OTHER;
			i++;
			continue;
		}
		char name[GLS_IDENT_KEEP + 1];
		size_t n = 0, after_gl = 0;
		while (i < s->len && gls_is_ident(s->src[i])) {
			if (n < GLS_IDENT_KEEP)
				name[n] = s->src[i];
			n++;
			if (n == 3)
				after_gl = i + 1;
			i = gls_splice(s, i + 1);
		}
		size_t kept = n < GLS_IDENT_KEEP ? n : GLS_IDENT_KEEP;
		name[kept] = 0;
		if (dir == GLS_DIR_NAME) {
			if (strcmp(name, "version") == 0)
				dir = GLS_DIR_VERSION;
			else if (strcmp(name, "error") == 0 || strcmp(name, "pragma") == 0)
				dir = GLS_DIR_RAW;
			else
				dir = GLS_DIR_OTHER;
			continue;
		}
		if (dir != GLS_DIR_RAW && gls_is_hidden(s, name, kept, n))
			gls_rename_at(s, after_gl);
	}
}

/* The source of a refused #version: its line, then an #error saying why
 * (on the same line, so the log points at it). */
static enum gls_shader_mask_result gls_refuse(const struct gls_scan *s, char **out, size_t *out_len)
{
	size_t lines = 0;
	for (size_t i = 0; i < s->refused_at; i++)
		if (s->src[i] == '\n' || (s->src[i] == '\r' && (i + 1 >= s->len || s->src[i + 1] != '\n')))
			lines++;
	char message[160];
	unsigned long v = s->version[0] ? strtoul(s->version, NULL, 10) : 0;
	int m;
	if (s->version[0] && s->version[0] != '0' && v < 100000)
		m = snprintf(message, sizeof(message),
			     "#error GLSL %lu.%02lu is not supported. Supported versions are: 1.00 ES\n", v / 100, v % 100);
	else
		m = snprintf(message, sizeof(message),
			     "#error this #version is not supported. Supported versions are: 1.00 ES\n");
	if (m < 0 || (size_t)m >= sizeof(message))
		return GLS_SHADER_MASK_NO_MEMORY; /* cannot happen: the numbers are bounded */
	char *text = malloc(lines + (size_t)m);
	if (!text)
		return GLS_SHADER_MASK_NO_MEMORY;
	memset(text, '\n', lines);
	memcpy(text + lines, message, (size_t)m);
	*out = text;
	*out_len = lines + (size_t)m;
	return GLS_SHADER_MASK_REFUSED;
}

enum gls_shader_mask_result gls_shader_mask(const char *src, size_t len, const char *advertised,
					    size_t max_len, char **out, size_t *out_len)
{
	*out = NULL;
	*out_len = 0;
	struct gls_scan s = {.src = src, .len = len, .advertised = advertised};
	gls_scan_run(&s);
	if (s.refused)
		return gls_refuse(&s, out, out_len);
	if (!s.renames)
		return GLS_SHADER_MASK_SAME;
	/* renames <= len / 3: each needs its own "GL_" */
	if (s.renames > (SIZE_MAX - len) / GLS_PREFIX_LEN || len + s.renames * GLS_PREFIX_LEN > max_len)
		return GLS_SHADER_MASK_TOO_LONG;
	size_t size = len + s.renames * GLS_PREFIX_LEN;
	struct gls_scan w = {.src = src, .len = len, .advertised = advertised, .out = malloc(size ? size : 1)};
	if (!w.out)
		return GLS_SHADER_MASK_NO_MEMORY;
	gls_scan_run(&w);
	memcpy(w.out + w.written, src + w.copied, len - w.copied);
	w.written += len - w.copied;
	*out = w.out;
	*out_len = w.written;
	return GLS_SHADER_MASK_RENAMED;
}

size_t gls_shader_unmask(char *text, size_t len)
{
	static const char masked[] = "GL_" GLS_SHADER_MASK_PREFIX;
	const size_t masked_len = sizeof(masked) - 1;
	size_t o = 0;
	/* inside an identifier, as the scanner reads them: digits start
	 * none, letters after digits start one */
	bool in_ident = false;
	for (size_t i = 0; i < len;) {
		if (!in_ident && len - i >= masked_len && memcmp(text + i, masked, masked_len) == 0) {
			memmove(text + o, "GL_", 3);
			o += 3;
			i += masked_len;
			in_ident = true;
			continue;
		}
		char c = text[i];
		in_ident = in_ident ? gls_is_ident(c) : gls_is_ident(c) && !gls_is_digit(c);
		text[o++] = text[i++];
	}
	return o;
}
