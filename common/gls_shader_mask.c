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
	GLS_DIR_NONE,      /* not in a directive */
	GLS_DIR_NAME,      /* after `#`, before its name */
	GLS_DIR_VERSION,   /* after `#version`, before its number */
	GLS_DIR_EXTENSION, /* #extension: is it `all : warn`? */
	GLS_DIR_RAW,       /* #error, #pragma: text, not tokens to rename */
	GLS_DIR_OTHER,
};

/* Where an `#extension all : warn` stands in its matching. */
enum gls_all_warn { GLS_ALL_WARN_NO, GLS_ALL_WARN_START, GLS_ALL_WARN_ALL, GLS_ALL_WARN_COLON, GLS_ALL_WARN_YES };

struct gls_scan {
	const char *src;
	size_t len;
	const char *advertised;
	int es_version; /* the context's OpenGL ES version, 10 * major + minor */
	char *out;      /* the second run's output, NULL in the first */
	size_t copied;  /* src bytes before this one are in the output */
	size_t written; /* output bytes so far (counted in the first run too) */
	bool changed;
	bool refused;
	size_t refused_at;  /* the `#` of the refused #version */
	char version[12];   /* its number, when it has one that fits */
	size_t lines_at;    /* src[0, lines_at) holds `lines` newlines */
	size_t lines;
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

/* The number of the line src[pos] is on (from 1); pos never decreases. */
static size_t gls_line_of(struct gls_scan *s, size_t pos)
{
	for (; s->lines_at < pos; s->lines_at++) {
		char c = s->src[s->lines_at];
		if (c == '\n' || (c == '\r' && (s->lines_at + 1 >= s->len || s->src[s->lines_at + 1] != '\n')))
			s->lines++;
	}
	return s->lines + 1;
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

/* Output: text of our own (counted only in the first run). */
static void gls_put(struct gls_scan *s, const char *text, size_t n)
{
	if (s->out)
		memcpy(s->out + s->written, text, n);
	s->written += n;
}

#define gls_put_literal(s, literal) gls_put(s, literal, sizeof(literal) - 1)

/* Output: the source up to `at`, which the next edit starts from. */
static void gls_copy_to(struct gls_scan *s, size_t at)
{
	gls_put(s, s->src + s->copied, at - s->copied);
	s->copied = at;
	s->changed = true;
}

/* Renames the identifier whose "GL_" ends before `at`. */
static void gls_rename_at(struct gls_scan *s, size_t at)
{
	gls_copy_to(s, at);
	gls_put(s, GLS_SHADER_MASK_PREFIX, GLS_PREFIX_LEN);
}

/* `#extension all : warn` (from `hash` to the end of its line, `eol`)
 * would enable every extension the host's compiler knows: it becomes
 * `all : disable`, then `warn` for each advertised extension the
 * compiler knows (defines), and a #line that gives the next line its
 * own number back (in GLSL ES, the line after `#line n` is line n). */
static void gls_rewrite_all_warn(struct gls_scan *s, size_t hash, size_t eol)
{
	gls_copy_to(s, hash);
	gls_put_literal(s, "#extension all : disable\n");
	for (const char *p = s->advertised; p && *p;) {
		while (*p == ' ')
			p++;
		const char *word = p;
		while (*p && *p != ' ')
			p++;
		size_t n = (size_t)(p - word);
		if (!n)
			continue;
		gls_put_literal(s, "#ifdef ");
		gls_put(s, word, n);
		gls_put_literal(s, "\n#extension ");
		gls_put(s, word, n);
		gls_put_literal(s, " : warn\n#endif\n");
	}
	char line[40];
	int m = snprintf(line, sizeof(line), "#line %zu%s", gls_line_of(s, eol) + 1, eol == s->len ? "\n" : "");
	gls_put(s, line, m > 0 ? (size_t)m : 0);
	s->copied = eol;
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

/* The GLSL ES versions of each OpenGL ES version, as #version numbers and
 * as the driver's log names them. */
static const struct {
	int es_version;
	const char *number, *name;
} gls_glsl_versions[] = {
	{20, "100", "1.00 ES"}, {30, "300", "3.00 ES"}, {31, "310", "3.10 ES"}, {32, "320", "3.20 ES"},
};

#define GLS_GLSL_VERSION_COUNT (sizeof(gls_glsl_versions) / sizeof(*gls_glsl_versions))

/* Reads the #version number at i; false when the context does not offer
 * it. (`es` after 300 and up is the driver's to check.) */
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
	if (glued)
		return false;
	for (size_t v = 0; v < GLS_GLSL_VERSION_COUNT; v++)
		if (gls_glsl_versions[v].es_version <= s->es_version && strcmp(s->version, gls_glsl_versions[v].number) == 0)
			return true;
	return false;
}

/* Ends a directive at `eol` (its newline, or the end of the source). */
static void gls_directive_end(struct gls_scan *s, enum gls_directive dir, enum gls_all_warn all_warn, size_t hash,
			      size_t eol)
{
	if (dir == GLS_DIR_EXTENSION && all_warn == GLS_ALL_WARN_YES)
		gls_rewrite_all_warn(s, hash, eol);
}

/* Scans the whole source: measures (and in the second run writes) the
 * output, or finds a refused #version. Stops early past max_len. */
static void gls_scan_run(struct gls_scan *s, size_t max_len)
{
	enum gls_directive dir = GLS_DIR_NONE;
	enum gls_all_warn all_warn = GLS_ALL_WARN_NO;
	bool line_start = true;
	size_t hash = 0;
	size_t i = 0;
	while ((i = gls_splice(s, i)) < s->len) {
		if (s->written > max_len)
			return;
		char c = s->src[i];
		if (gls_is_newline(c)) {
			gls_directive_end(s, dir, all_warn, hash, i);
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
			all_warn = c == ':' && all_warn == GLS_ALL_WARN_ALL ? GLS_ALL_WARN_COLON : GLS_ALL_WARN_NO;
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
			if (strcmp(name, "version") == 0) {
				dir = GLS_DIR_VERSION;
			} else if (strcmp(name, "extension") == 0) {
				dir = GLS_DIR_EXTENSION;
				all_warn = GLS_ALL_WARN_START;
			} else if (strcmp(name, "error") == 0 || strcmp(name, "pragma") == 0) {
				dir = GLS_DIR_RAW;
			} else {
				dir = GLS_DIR_OTHER;
			}
			continue;
		}
		if (all_warn == GLS_ALL_WARN_START && strcmp(name, "all") == 0)
			all_warn = GLS_ALL_WARN_ALL;
		else if (all_warn == GLS_ALL_WARN_COLON && strcmp(name, "warn") == 0)
			all_warn = GLS_ALL_WARN_YES;
		else
			all_warn = GLS_ALL_WARN_NO;
		if (dir != GLS_DIR_RAW && gls_is_hidden(s, name, kept, n))
			gls_rename_at(s, after_gl);
	}
	gls_directive_end(s, dir, all_warn, hash, s->len);
}

/* The source of a refused #version: its line, then an #error saying why
 * (on the same line, so the log points at it). */
static enum gls_shader_mask_result gls_refuse(struct gls_scan *s, char **out, size_t *out_len)
{
	size_t lines = gls_line_of(s, s->refused_at) - 1;
	char supported[64] = "";
	size_t offered = 0;
	for (size_t v = 0; v < GLS_GLSL_VERSION_COUNT; v++)
		offered += gls_glsl_versions[v].es_version <= s->es_version;
	for (size_t v = 0; v < offered; v++) /* "1.00 ES, 3.00 ES, and 3.10 ES", as Mesa says it */
		snprintf(supported + strlen(supported), sizeof(supported) - strlen(supported), "%s%s",
			 v == 0 ? "" : v + 1 == offered ? ", and " : ", ", gls_glsl_versions[v].name);
	char message[200];
	unsigned long v = s->version[0] ? strtoul(s->version, NULL, 10) : 0;
	int m;
	if (s->version[0] && s->version[0] != '0' && v < 100000)
		m = snprintf(message, sizeof(message), "#error GLSL %lu.%02lu is not supported. Supported versions are: %s\n",
			     v / 100, v % 100, supported);
	else
		m = snprintf(message, sizeof(message), "#error this #version is not supported. Supported versions are: %s\n",
			     supported);
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

enum gls_shader_mask_result gls_shader_mask(const char *src, size_t len, const char *advertised, int es_version,
					    size_t max_len, char **out, size_t *out_len)
{
	*out = NULL;
	*out_len = 0;
	struct gls_scan s = {.src = src, .len = len, .advertised = advertised, .es_version = es_version};
	gls_scan_run(&s, max_len);
	if (s.refused)
		return gls_refuse(&s, out, out_len);
	if (!s.changed)
		return GLS_SHADER_MASK_SAME;
	size_t size = s.written + (len - s.copied);
	if (s.written > max_len || size > max_len)
		return GLS_SHADER_MASK_TOO_LONG;
	struct gls_scan w = {
		.src = src, .len = len, .advertised = advertised, .es_version = es_version, .out = malloc(size ? size : 1),
	};
	if (!w.out)
		return GLS_SHADER_MASK_NO_MEMORY;
	gls_scan_run(&w, size);
	gls_put(&w, src + w.copied, len - w.copied);
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
