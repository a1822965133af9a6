/* The GL state the client mirrors to avoid round trips, the hooks that keep
 * it, and the helpers every GL entry point uses. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "glsc_buffers.h"
#include "glsc_gl.h"
#include "glsc_textures.h"
#include "glsc_gl_generated.h"
#include "glsc_stream.h"
#include "gls_extensions.h"
#include "gls_version.h"
#include "gls_wire.h"

uint8_t *glsc_begin(struct glsc_context *ctx, uint16_t opcode, size_t payload)
{
	(void)ctx;
	return glsc_stream_begin_locked(opcode, payload);
}

bool glsc_wait_reply(struct glsc_context *ctx, const uint8_t **reply, size_t *size)
{
	(void)ctx;
	return glsc_stream_wait_reply_locked(reply, size);
}

uint64_t glsc_sync_scalar(struct glsc_context *ctx, bool sent)
{
	const uint8_t *reply;
	size_t size;
	if (!sent || !glsc_wait_reply(ctx, &reply, &size) || size != 8)
		return 0;
	struct gls_reader r;
	gls_reader_init(&r, reply, size);
	return (uint64_t)gls_get_i64(&r);
}

void glsc_sync_void(struct glsc_context *ctx, bool sent)
{
	const uint8_t *reply;
	size_t size;
	if (sent)
		glsc_wait_reply(ctx, &reply, &size);
}

void glsc_set_error_locked(GLenum error)
{
	uint8_t *w = glsc_stream_begin_locked(GLS_OP_glsSetError, 4);
	if (w)
		gls_put_u32(w, error);
}

void glsc_set_error(GLenum error)
{
	if (!glsc_gl_enter())
		return;
	glsc_set_error_locked(error);
	glsc_gl_leave();
}

uint32_t glsc_string_length(const char *s)
{
	size_t n = s ? strlen(s) : 0;
	return n > GLS_MAX_ARRAY_ELEMENTS ? GLS_MAX_ARRAY_ELEMENTS : (uint32_t)n;
}

static void glsc_vertex_array_init(struct glsc_vertex_array *array)
{
	memset(array, 0, sizeof(*array));
	for (int i = 0; i < GLSC_MAX_ATTRIBS; i++) {
		array->attribs[i].size = 4;
		array->attribs[i].type = GL_FLOAT;
	}
}

void glsc_context_state_init(struct glsc_context *ctx)
{
	glsc_vertex_array_init(&ctx->default_vertex_array);
	ctx->vertex_array = &ctx->default_vertex_array;
	gls_idmap_init(&ctx->vertex_arrays);
	gls_idmap_init(&ctx->program_pipelines);
	gls_idmap_init(&ctx->queries);
	gls_idmap_init(&ctx->transform_feedbacks);
	ctx->pack_alignment = 4;
	ctx->unpack_alignment = 4;
}

static void glsc_free_vertex_array(uint32_t name, uint64_t value, void *data)
{
	(void)name;
	(void)data;
	free((void *)(uintptr_t)value);
}

void glsc_context_state_fini(struct glsc_context *ctx)
{
	gls_idmap_each(&ctx->vertex_arrays, glsc_free_vertex_array, NULL);
	gls_idmap_free(&ctx->vertex_arrays);
	gls_idmap_free(&ctx->program_pipelines);
	gls_idmap_free(&ctx->queries);
	gls_idmap_free(&ctx->transform_feedbacks);
	glsc_buffers_context_fini(ctx); /* es3 buffers */
	glsc_query_cache_free(ctx);
	glsc_share_group_unref(ctx->share);
	struct glsc_context_info *info = &ctx->info;
	free(info->vendor);
	free(info->renderer);
	free(info->version);
	free(info->glsl_version);
	free(info->extensions);
}

static char *glsc_read_string(struct gls_reader *r)
{
	uint32_t len;
	const char *bytes = gls_get_blob(r, &len);
	char *s = malloc((size_t)len + 1);
	if (!s)
		return NULL;
	if (len)
		memcpy(s, bytes, len);
	s[len] = 0;
	return s;
}

/* wire: (none) -> reply: vendor, renderer, version, glsl version, extensions
 * (each u32 length + bytes), i32 GL_MAX_VERTEX_ATTRIBS */
bool glsc_context_load_info_locked(struct glsc_context *ctx)
{
	const uint8_t *reply;
	size_t size;
	if (!glsc_stream_begin_locked(GLS_OP_glsGetContextInfo, 0) || !glsc_stream_wait_reply_locked(&reply, &size))
		return false;
	struct gls_reader r;
	gls_reader_init(&r, reply, size);
	struct glsc_context_info *info = &ctx->info;
	info->vendor = glsc_read_string(&r);
	info->renderer = glsc_read_string(&r);
	char *host_version = glsc_read_string(&r);
	glsc_read_string(&r); /* the host's GLSL version: we say the offered one */
	char *host_extensions = glsc_read_string(&r);
	info->max_vertex_attribs = gls_get_i32(&r);
	if (info->max_vertex_attribs > GLSC_MAX_ATTRIBS)
		info->max_vertex_attribs = GLSC_MAX_ATTRIBS;
	/* The version glstream implements up to, whatever the driver could do
	 * more; the same decision as the worker's (common/gls_version.h). */
	info->es_version = gls_es_version_offered(host_version, ctx->es_version_cap);
	int major = info->es_version / 10, minor = info->es_version % 10;
	const char *host = host_version ? host_version : "";
	size_t len = strlen("OpenGL ES 9.9 glstream " GLSTREAM_VERSION " ()") + strlen(host) + 1;
	info->version = malloc(len);
	if (info->version)
		snprintf(info->version, len, "OpenGL ES %d.%d glstream " GLSTREAM_VERSION " (%s)", major, minor, host);
	info->glsl_version = malloc(48);
	if (info->glsl_version)
		snprintf(info->glsl_version, 48, "OpenGL ES GLSL ES %d.%d0", major == 2 ? 1 : major, major == 2 ? 0 : minor);
	info->advertised = gls_extensions_offered(host_extensions ? host_extensions : "", info->es_version);
	info->extensions = gls_extensions_string(info->advertised);
	free(host_version);
	free(host_extensions);
	/* A debug context starts with GL_DEBUG_OUTPUT enabled (KHR_debug);
	 * the worker's host context is an ordinary one. */
	uint8_t *w;
	if (ctx->debug_context && (info->advertised & GLS_EXT_BIT(GL_KHR_debug)) &&
	    (w = glsc_stream_begin_locked(GLS_OP_glEnable, 4)))
		gls_put_u32(w, GL_DEBUG_OUTPUT_KHR);
	ctx->info_loaded = !r.bad && info->vendor && info->renderer && info->version && info->glsl_version && info->extensions;
	return ctx->info_loaded;
}

/* ---- hooks called by the generated encoders ---- */

bool glsc_hook_glBindBuffer(GLenum target, GLuint buffer)
{
	struct glsc_context *ctx = glsc_current_context();
	if (!ctx)
		return false;
	if (target == GL_ARRAY_BUFFER)
		ctx->array_buffer = buffer;
	else if (target == GL_ELEMENT_ARRAY_BUFFER)
		ctx->vertex_array->element_buffer = buffer;
	else
		glsc_buffers_bind(ctx, target, buffer); /* es3 buffers */
	return true;
}

static bool glsc_vertex_attrib_array(GLuint index, bool enabled)
{
	struct glsc_context *ctx = glsc_current_context();
	if (!ctx)
		return false;
	if (index < GLSC_MAX_ATTRIBS && (GLint)index < ctx->info.max_vertex_attribs)
		ctx->vertex_array->attribs[index].enabled = enabled;
	return true; /* the driver reports a bad index */
}

bool glsc_hook_glEnableVertexAttribArray(GLuint index)
{
	return glsc_vertex_attrib_array(index, true);
}

bool glsc_hook_glDisableVertexAttribArray(GLuint index)
{
	return glsc_vertex_attrib_array(index, false);
}

/* EXT_unpack_subimage's row length and skips: kept and applied by the
 * client alone (glsc_gl_data.c sends uploads packed), never sent, so that
 * the worker's driver reads exactly the bytes it received. */
static GLint *glsc_unpack_subimage_state(struct glsc_context *ctx, GLenum pname)
{
	GLint *es3 = glsc_pixel_store_state(ctx, pname); /* es3 textures: the whole ES 3.0 store */
	if (es3)
		return es3;
	if (!(ctx->info.advertised & GLS_EXT_BIT(GL_EXT_unpack_subimage)))
		return NULL;
	switch (pname) {
	case GL_UNPACK_ROW_LENGTH_EXT: return &ctx->unpack_row_length;
	case GL_UNPACK_SKIP_ROWS_EXT: return &ctx->unpack_skip_rows;
	case GL_UNPACK_SKIP_PIXELS_EXT: return &ctx->unpack_skip_pixels;
	default: return NULL;
	}
}

/* OpenGL ES 2.0 has the two alignments only: the row length and skips of
 * later versions (and of the pack side) would change how many bytes
 * uploads and readbacks take, so they are refused here as an ES 2.0
 * driver refuses them; EXT_unpack_subimage's stay in the client.
 * wire glPixelStorei: u32 pname, i32 param */
void glsc_glPixelStorei(GLenum pname, GLint param)
{
	struct glsc_context *ctx = glsc_gl_enter();
	if (!ctx)
		return;
	GLint *unpack_state = glsc_unpack_subimage_state(ctx, pname);
	if (unpack_state) {
		if (param < 0)
			glsc_set_error_locked(GL_INVALID_VALUE);
		else
			*unpack_state = param;
		goto out;
	}
	if (pname != GL_PACK_ALIGNMENT && pname != GL_UNPACK_ALIGNMENT) {
		glsc_set_error_locked(GL_INVALID_ENUM);
		goto out;
	}
	if (param == 1 || param == 2 || param == 4 || param == 8) {
		if (pname == GL_PACK_ALIGNMENT)
			ctx->pack_alignment = param;
		else
			ctx->unpack_alignment = param;
	}
	uint8_t *w = glsc_begin(ctx, GLS_OP_glPixelStorei, 8); /* the driver checks param */
	if (w) {
		w = gls_put_u32(w, pname);
		gls_put_i32(w, param);
	}
out:
	glsc_gl_leave();
}

bool glsc_hook_glBindVertexArrayOES(GLuint array)
{
	struct glsc_context *ctx = glsc_current_context();
	if (!ctx)
		return false;
	uint64_t record;
	if (array == 0) {
		ctx->vertex_array = &ctx->default_vertex_array;
		ctx->vertex_array_name = 0;
	} else if (gls_idmap_get(&ctx->vertex_arrays, array, &record)) {
		ctx->vertex_array = (struct glsc_vertex_array *)(uintptr_t)record;
		ctx->vertex_array_name = array;
	}
	return true; /* unknown names: the driver raises GL_INVALID_OPERATION */
}

/* glIs*: a name the application never created is no object. */
static bool glsc_is_hook(enum gls_object_type type, GLuint name, GLboolean *result)
{
	struct glsc_context *ctx = glsc_current_context();
	if (!ctx || !glsc_name_known(ctx, type, name)) {
		*result = GL_FALSE;
		return false;
	}
	return true;
}

bool glsc_hook_glIsBuffer(GLuint buffer, GLboolean *result)
{
	return glsc_is_hook(GLS_OBJ_BUFFER, buffer, result);
}

bool glsc_hook_glIsFramebuffer(GLuint framebuffer, GLboolean *result)
{
	return glsc_is_hook(GLS_OBJ_FRAMEBUFFER, framebuffer, result);
}

bool glsc_hook_glIsProgram(GLuint program, GLboolean *result)
{
	return glsc_is_hook(GLS_OBJ_SHADER_PROGRAM, program, result);
}

bool glsc_hook_glIsRenderbuffer(GLuint renderbuffer, GLboolean *result)
{
	return glsc_is_hook(GLS_OBJ_RENDERBUFFER, renderbuffer, result);
}

bool glsc_hook_glIsShader(GLuint shader, GLboolean *result)
{
	return glsc_is_hook(GLS_OBJ_SHADER_PROGRAM, shader, result);
}

bool glsc_hook_glIsTexture(GLuint texture, GLboolean *result)
{
	return glsc_is_hook(GLS_OBJ_TEXTURE, texture, result);
}

bool glsc_hook_glIsVertexArrayOES(GLuint array, GLboolean *result)
{
	return glsc_is_hook(GLS_OBJ_VERTEX_ARRAY, array, result);
}

bool glsc_hook_glIsProgramPipelineEXT(GLuint pipeline, GLboolean *result)
{
	return glsc_is_hook(GLS_OBJ_PROGRAM_PIPELINE, pipeline, result);
}

/* OpenGL ES 2.0 has no transposed uniform matrices, whatever the driver
 * behind us accepts; 3.0 has. */
static bool glsc_uniform_matrix_hook(GLboolean transpose)
{
	struct glsc_context *ctx = glsc_current_context();
	if (transpose == GL_FALSE || (ctx && ctx->info.es_version >= 30))
		return true;
	glsc_set_error(GL_INVALID_VALUE);
	return false;
}

bool glsc_hook_glUniformMatrix2fv(GLint location, GLsizei count, GLboolean transpose, const GLfloat *value)
{
	return glsc_uniform_matrix_hook(transpose);
}

bool glsc_hook_glUniformMatrix3fv(GLint location, GLsizei count, GLboolean transpose, const GLfloat *value)
{
	return glsc_uniform_matrix_hook(transpose);
}

bool glsc_hook_glUniformMatrix4fv(GLint location, GLsizei count, GLboolean transpose, const GLfloat *value)
{
	return glsc_uniform_matrix_hook(transpose);
}

/* EXT_separate_shader_objects: as glUniformMatrix*fv in OpenGL ES 2.0. */
bool glsc_hook_glProgramUniformMatrix2fvEXT(GLuint program, GLint location, GLsizei count, GLboolean transpose,
					    const GLfloat *value)
{
	return glsc_uniform_matrix_hook(transpose);
}

bool glsc_hook_glProgramUniformMatrix3fvEXT(GLuint program, GLint location, GLsizei count, GLboolean transpose,
					    const GLfloat *value)
{
	return glsc_uniform_matrix_hook(transpose);
}

bool glsc_hook_glProgramUniformMatrix4fvEXT(GLuint program, GLint location, GLsizei count, GLboolean transpose,
					    const GLfloat *value)
{
	return glsc_uniform_matrix_hook(transpose);
}
