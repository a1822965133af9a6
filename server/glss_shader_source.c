/* Shader sources: what the driver compiles is the client's source masked
 * for the context (common/gls_shader_mask.h: extensions glstream does not
 * advertise read as unknown, a #version other than 100 fails), and what
 * the client reads back is its own.
 *
 * The advertised extensions are the context's (known from its first
 * glsMakeCurrent, derived from the host's GL_EXTENSIONS exactly as the
 * client derives them: common/gls_extensions.c). When the driver's text differs, the share
 * group keeps the client's source under the client's shader name (client
 * names are never reused), answering glGetShaderSource and
 * GL_SHADER_SOURCE_LENGTH, and renamed names in the info log are turned
 * back into the client's. A record lives as long as the name's entry in
 * the share group, within the object quota. */
#include <stdlib.h>
#include <string.h>

#include "glss_gl_generated.h"
#include "glss_shader_source.h"
#include "gls_extensions.h"
#include "gls_shader_mask.h"

/* Masking never makes the driver's source longer than this: a longer one
 * is refused with GL_OUT_OF_MEMORY (only sources made of little else than
 * hidden extension names grow much). */
#define GLSS_MAX_MASKED_SOURCE (GLS_MAX_MESSAGE + (1u << 20))
/* Info logs read whole to restore names; a longer one is left as is. */
#define GLSS_MAX_LOG (16u << 20)

struct glss_shader_source {
	bool renamed; /* the driver's logs may hold renamed names */
	size_t len;
	char text[];  /* the client's source */
};

static struct glss_shader_source *glss_source_lookup(struct glss_worker *w, GLuint client)
{
	uint64_t value;
	if (!w->current || client == 0 || !gls_idmap_get(&w->current->share->shader_sources, client, &value))
		return NULL;
	return (struct glss_shader_source *)(uintptr_t)value;
}

static void glss_source_forget(struct glss_worker *w, GLuint client)
{
	uint64_t value;
	if (gls_idmap_remove(&w->current->share->shader_sources, client, &value))
		free((void *)(uintptr_t)value);
}

/* The extensions the current context advertises, computed once. */
static const char *glss_advertised_text(struct glss_worker *w)
{
	struct glss_context *c = w->current;
	if (!c->advertised_extensions)
		c->advertised_extensions = gls_extensions_string(c->extensions);
	return c->advertised_extensions;
}

/* Keeps the client's source of a shader whose driver text differs; the
 * driver has taken the new source. */
static bool glss_source_keep(struct glss_worker *w, GLuint client, enum gls_shader_mask_result result,
			     const char *text, size_t len)
{
	glss_source_forget(w, client);
	if (result == GLS_SHADER_MASK_SAME)
		return true;
	struct glss_shader_source *s = malloc(sizeof(*s) + (len ? len : 1));
	if (!s)
		goto err;
	s->renamed = result == GLS_SHADER_MASK_RENAMED;
	s->len = len;
	memcpy(s->text, text, len);
	if (!gls_idmap_put(&w->current->share->shader_sources, client, (uint64_t)(uintptr_t)s))
		goto err_free;
	return true;
err_free:
	free(s);
err:
	glss_fail(w, "out of memory for the source of shader %u", client);
	return false;
}

/* Masks a source for the current context (see gls_shader_mask); false
 * when the worker ended. */
static bool glss_source_mask(struct glss_worker *w, const char *text, uint32_t len,
			     enum gls_shader_mask_result *result, char **masked, size_t *masked_len)
{
	*result = GLS_SHADER_MASK_SAME;
	const char *advertised = glss_advertised_text(w);
	if (!advertised) {
		glss_fail(w, "out of memory for the extension list");
		return false;
	}
	if (len)
		*result = gls_shader_mask(text, len, advertised, w->current->es_version, GLSS_MAX_MASKED_SOURCE, masked, masked_len);
	if (*result == GLS_SHADER_MASK_NO_MEMORY) {
		glss_fail(w, "out of memory masking a shader source");
		return false;
	}
	return true;
}

bool glss_mask_resource_name(struct glss_worker *w, const char *name, char **out)
{
	*out = NULL;
	enum gls_shader_mask_result result;
	char *masked = NULL;
	size_t masked_len = 0;
	if (!glss_source_mask(w, name, (uint32_t)strlen(name), &result, &masked, &masked_len))
		return false;
	/* a name the masking refuses (a #version) or that grows too long
	 * names nothing either way: the client's own is asked */
	if (result != GLS_SHADER_MASK_RENAMED) {
		free(masked);
		return true;
	}
	char *text = realloc(masked, masked_len + 1);
	if (!text) {
		free(masked);
		glss_fail(w, "out of memory masking a resource name");
		return false;
	}
	text[masked_len] = 0;
	*out = text;
	return true;
}

/* wire: u32 shader, i32 count, u32 length + the source (the client joined
 * the count strings); the driver gets it masked, as one string */
void glss_exec_glShaderSource(struct glss_worker *w, struct gls_reader *r)
{
	GLuint shader = gls_get_u32(r);
	GLsizei count = gls_get_i32(r);
	uint32_t len;
	const char *text = gls_get_blob(r, &len);
	if (!gls_reader_done(r))
		return;
	if (count <= 0 && len) {
		glss_fail(w, "glShaderSource of %d strings carries %u bytes", count, len);
		return;
	}
	GLuint client = shader;
	if (!glss_name_map(w, GLS_OBJ_SHADER_PROGRAM, GLSS_NAME_USE, &shader))
		return;
	if (!w->current) { /* the driver does nothing without a context */
		glShaderSource(shader, count > 0 ? 1 : count, &text, &(GLint){(GLint)len});
		return;
	}
	char *masked = NULL;
	size_t masked_len = 0;
	enum gls_shader_mask_result result;
	if (!glss_source_mask(w, text, len, &result, &masked, &masked_len))
		return;
	if (result == GLS_SHADER_MASK_TOO_LONG) {
		glss_set_error(w, GL_OUT_OF_MEMORY);
		return;
	}
	const GLchar *string = masked ? masked : text;
	GLint length = (GLint)(masked ? masked_len : len); /* both below GLSS_MAX_MASKED_SOURCE */
	/* count <= 0 reaches the driver as is: it rejects < 0, takes 0 as empty */
	glShaderSource(shader, count > 0 ? 1 : count, &string, &length);
	free(masked);
	/* the driver took it (else it raised an error and kept the old one) */
	if (count >= 0 && client != GLS_NAME_NONEXISTENT && glIsShader(shader))
		glss_source_keep(w, client, result, text, len);
}

/* wire glCreateShaderProgramvEXT: u32 new program name, u32 type, i32 count,
 *   u32 length + the source (the client joined the count strings). The
 * driver gets it masked, as one NUL-terminated string. It makes a program
 * whatever the source (the extension's equivalent code); when the masked
 * source would be too long, GL_OUT_OF_MEMORY is raised and the program is
 * made of an empty source, so that the name the client chose names one.
 * The program's info log holds the compile log (glss_program_log_text
 * restores renamed names). */
static bool glss_shader_programv_type(struct glss_worker *w, GLenum type)
{
	if (type == GL_VERTEX_SHADER || type == GL_FRAGMENT_SHADER)
		return true;
	/* es3.2 geomtess: the extension's function takes the context's
	 * version's stages too, as Mesa's (one function with the core one) */
	if (type == GL_COMPUTE_SHADER)
		return glss_advertised(w, GLS_EXT_BIT(GL_ES_VERSION_3_1));
	if (type == GL_GEOMETRY_SHADER || type == GL_TESS_CONTROL_SHADER || type == GL_TESS_EVALUATION_SHADER)
		return glss_advertised(w, GLS_EXT_BIT(GL_ES_VERSION_3_2));
	return false;
}

/* es3.1 program: glCreateShaderProgramv is the extension's function with
 * the shader types of the context's version (the client checks them too) */
static void glss_create_shader_programv(struct glss_worker *w, struct gls_reader *r, bool core)
{
	GLuint name = gls_get_u32(r);
	GLenum type = gls_get_u32(r);
	GLsizei count = gls_get_i32(r);
	uint32_t len;
	const char *text = gls_get_blob(r, &len);
	if (!gls_reader_done(r))
		return;
	if (core ? !glss_ext.glCreateShaderProgramv : !glss_ext.glCreateShaderProgramvEXT) {
		glss_fail(w, "glCreateShaderProgramv%s is not available", core ? "" : "EXT");
		return;
	}
	/* the client refuses other types and negative counts itself (the
	 * driver would make no program for the name the client chose) */
	if (!glss_shader_programv_type(w, type) || count < 0) {
		glss_fail(w, "glCreateShaderProgramvEXT of type 0x%x, %d strings", type, count);
		return;
	}
	if (count == 0 && len) {
		glss_fail(w, "glCreateShaderProgramvEXT of %d strings carries %u bytes", count, len);
		return;
	}
	if (!glss_shader_program_reserve(w, name))
		return;
	char *masked = NULL;
	size_t masked_len = 0;
	enum gls_shader_mask_result result;
	if (!glss_source_mask(w, text, len, &result, &masked, &masked_len))
		return;
	if (result == GLS_SHADER_MASK_TOO_LONG) {
		glss_set_error(w, GL_OUT_OF_MEMORY);
		len = 0;
	}
	const char *from = masked ? masked : text;
	size_t n = masked ? masked_len : len; /* below GLSS_MAX_MASKED_SOURCE */
	char *source = malloc(n + 1);
	if (!source) {
		free(masked);
		glss_fail(w, "out of memory for the source of program %u", name);
		return;
	}
	if (n)
		memcpy(source, from, n);
	source[n] = 0;
	free(masked);
	const GLchar *string = source;
	GLsizei strings = count > 0 ? 1 : 0;
	GLuint host = core ? glss_ext.glCreateShaderProgramv(type, strings, &string)
			   : glss_ext.glCreateShaderProgramvEXT(type, strings, &string);
	free(source);
	glss_shader_program_add(w, name, host);
}

void glss_exec_glCreateShaderProgramvEXT(struct glss_worker *w, struct gls_reader *r)
{
	glss_create_shader_programv(w, r, false);
}

void glss_exec_glCreateShaderProgramv(struct glss_worker *w, struct gls_reader *r)
{
	glss_create_shader_programv(w, r, true);
}

/* A shader's or program's whole info log with renamed names restored
 * (malloc'd), or NULL when it has none or is too long to read whole;
 * `only_renamed`: NULL too when the log holds no renamed name. */
static char *glss_unmasked_log(GLuint host, bool program, bool only_renamed, size_t *len)
{
	GLint size = 0;
	(program ? glGetProgramiv : glGetShaderiv)(host, GL_INFO_LOG_LENGTH, &size);
	*len = 0;
	if (size <= 0 || (uint32_t)size > GLSS_MAX_LOG)
		return NULL;
	char *log = malloc((size_t)size);
	if (!log)
		return NULL;
	GLsizei written = 0;
	(program ? glGetProgramInfoLog : glGetShaderInfoLog)(host, size, &written, log);
	size_t n = written > 0 && written < size ? (size_t)written : 0;
	if (only_renamed && !memmem(log, n, GLS_SHADER_MASK_PREFIX, strlen(GLS_SHADER_MASK_PREFIX))) {
		free(log);
		return NULL;
	}
	*len = gls_shader_unmask(log, n);
	return log;
}

uint32_t glss_shader_text(struct glss_worker *w, GLuint client, GLuint host, bool log, char *text, GLsizei room,
			  uint32_t len)
{
	const struct glss_shader_source *s = glss_source_lookup(w, client);
	if (!s || room <= 0 || !glIsShader(host))
		return len;
	const char *from = s->text;
	size_t n = s->len;
	char *unmasked = NULL;
	if (log) {
		if (!s->renamed || !(unmasked = glss_unmasked_log(host, false, false, &n)))
			return len;
		from = unmasked;
	}
	if (n > (size_t)room - 1)
		n = (size_t)room - 1;
	memcpy(text, from, n);
	free(unmasked);
	return (uint32_t)n;
}

bool glss_shader_length(struct glss_worker *w, GLuint client, GLuint host, GLenum pname, GLint *value)
{
	if (pname != GL_SHADER_SOURCE_LENGTH && pname != GL_INFO_LOG_LENGTH)
		return false;
	const struct glss_shader_source *s = glss_source_lookup(w, client);
	if (!s || !glIsShader(host))
		return false;
	size_t n = s->len;
	if (pname == GL_INFO_LOG_LENGTH) {
		char *unmasked;
		if (!s->renamed || !(unmasked = glss_unmasked_log(host, false, false, &n)))
			return false;
		free(unmasked);
		if (!n) /* an empty log: the driver's own answer */
			return false;
	}
	/* with the terminating NUL; 0 when empty */
	*value = n ? (GLint)n + 1 : 0;
	return true;
}

uint32_t glss_program_log_text(GLuint host, char *text, GLsizei room, uint32_t len)
{
	size_t n;
	char *log = room > 0 ? glss_unmasked_log(host, true, true, &n) : NULL;
	if (!log)
		return len;
	if (n > (size_t)room - 1)
		n = (size_t)room - 1;
	memcpy(text, log, n);
	free(log);
	return (uint32_t)n;
}

bool glss_program_log_length(GLuint host, GLint *value)
{
	size_t n;
	char *log = glss_unmasked_log(host, true, true, &n);
	if (!log)
		return false;
	free(log);
	*value = n ? (GLint)n + 1 : 0;
	return true;
}

static void glss_free_source(uint32_t client, uint64_t value, void *data)
{
	(void)client;
	(void)data;
	free((void *)(uintptr_t)value);
}

void glss_shader_sources_free(struct glss_share_group *share)
{
	gls_idmap_each(&share->shader_sources, glss_free_source, NULL);
	gls_idmap_free(&share->shader_sources);
}
