/* GL queries (glGet*, object parameters, info logs, active variables) and
 * the commands that pass state through pointers (glTexParameter*v,
 * glShaderSource, glShaderBinary).
 *
 * Getters reply `u32 count` + count 4-byte values: the server tells how many
 * values the driver wrote, and count 0 means the driver raised an error, in
 * which case the application's outputs stay untouched, as GL requires. State
 * the client mirrors (bindings, pixel store alignment, vertex arrays) is
 * answered without a round trip, because the server's own state differs
 * from the application's there (client arrays, repacked pixel uploads). */
#include <stdlib.h>
#include <string.h>

#include "glsc_buffers.h"
#include "glsc_gl.h"
#include "glsc_gl_draw32.h" /* es3.2 draw32 */
#include "glsc_tex32.h"
#include "glsc_textures.h"
#include "gls_extensions.h"
#include "glsc_gl_generated.h"
#include "glsc_stream.h"
#include "gls_log.h"
#include "gls_wire.h"

/* GL_CONTEXT_LOST (KHR_robustness, core in ES 3.2): reported once after the
 * server went away. */
#define GLSC_CONTEXT_LOST 0x0507

/* Largest command the client builds for a source or binary. */
#define GLSC_MAX_PAYLOAD ((size_t)GLS_MAX_MESSAGE - 64)

/* The most values one getter writes, by kind of getter: glGet* lists
 * (GL_COMPRESSED_TEXTURE_FORMATS) are bounded by the server only. */
#define GLSC_MAX_STATE_VALUES (1u << 20)
#define GLSC_MAX_UNIFORM_VALUES 16u /* a mat4 */

enum glsc_get_kind {
	GLSC_GET_BOOLEAN,
	GLSC_GET_INTEGER,
	GLSC_GET_FLOAT,
	GLSC_GET_INTEGER64, /* OpenGL ES 3.0: 8-byte values on the wire */
};

/* ---- per-context cache of implementation constants ---- */

struct glsc_cached_get {
	GLenum pname;
	enum glsc_get_kind kind;
	uint32_t count;
	uint32_t *values; /* wire words, decoded */
};

struct glsc_query_cache {
	struct glsc_cached_get *entries;
	size_t count, capacity;
};

/* Values that never change during a context's life: asked once. */
static bool glsc_is_constant(GLenum pname)
{
	switch (pname) {
	case GL_MAX_TEXTURE_SIZE:
	case GL_MAX_CUBE_MAP_TEXTURE_SIZE:
	case GL_MAX_RENDERBUFFER_SIZE:
	case GL_MAX_VERTEX_UNIFORM_VECTORS:
	case GL_MAX_VARYING_VECTORS:
	case GL_MAX_FRAGMENT_UNIFORM_VECTORS:
	case GL_MAX_TEXTURE_IMAGE_UNITS:
	case GL_MAX_VERTEX_TEXTURE_IMAGE_UNITS:
	case GL_MAX_COMBINED_TEXTURE_IMAGE_UNITS:
	case GL_MAX_VIEWPORT_DIMS:
	case GL_ALIASED_LINE_WIDTH_RANGE:
	case GL_ALIASED_POINT_SIZE_RANGE:
	case GL_NUM_COMPRESSED_TEXTURE_FORMATS:
	case GL_COMPRESSED_TEXTURE_FORMATS:
	case GL_NUM_SHADER_BINARY_FORMATS:
	case GL_SHADER_BINARY_FORMATS:
	case GL_SHADER_COMPILER:
	case GL_SUBPIXEL_BITS:
	case GL_MAX_TEXTURE_MAX_ANISOTROPY_EXT:
	case GL_MAX_DRAW_BUFFERS_EXT:
	case GL_MAX_COLOR_ATTACHMENTS_EXT:
	case GL_MAX_DUAL_SOURCE_DRAW_BUFFERS_EXT:
	/* es3 state: OpenGL ES 3.0's limits (in a context not offered it, the
	 * error answer is not cached) */
	case GL_MAX_3D_TEXTURE_SIZE:
	case GL_MAX_ARRAY_TEXTURE_LAYERS:
	case GL_MAX_ELEMENT_INDEX:
	case GL_MAX_ELEMENTS_INDICES:
	case GL_MAX_ELEMENTS_VERTICES:
	case GL_MAX_SAMPLES:
	case GL_MAX_COMBINED_UNIFORM_BLOCKS:
	case GL_MAX_VERTEX_UNIFORM_BLOCKS:
	case GL_MAX_FRAGMENT_UNIFORM_BLOCKS:
	case GL_MAX_COMBINED_VERTEX_UNIFORM_COMPONENTS:
	case GL_MAX_COMBINED_FRAGMENT_UNIFORM_COMPONENTS:
	case GL_MAX_VERTEX_UNIFORM_COMPONENTS:
	case GL_MAX_FRAGMENT_UNIFORM_COMPONENTS:
	case GL_MAX_UNIFORM_BLOCK_SIZE:
	case GL_MAX_UNIFORM_BUFFER_BINDINGS:
	case GL_UNIFORM_BUFFER_OFFSET_ALIGNMENT:
	case GL_MAX_TRANSFORM_FEEDBACK_INTERLEAVED_COMPONENTS:
	case GL_MAX_TRANSFORM_FEEDBACK_SEPARATE_ATTRIBS:
	case GL_MAX_TRANSFORM_FEEDBACK_SEPARATE_COMPONENTS:
	case GL_MAX_VARYING_COMPONENTS:
	case GL_MAX_VERTEX_OUTPUT_COMPONENTS:
	case GL_MAX_FRAGMENT_INPUT_COMPONENTS:
	case GL_MIN_PROGRAM_TEXEL_OFFSET:
	case GL_MAX_PROGRAM_TEXEL_OFFSET:
	case GL_MAX_SERVER_WAIT_TIMEOUT:
	case GL_MAX_TEXTURE_LOD_BIAS:
	case GL_NUM_PROGRAM_BINARY_FORMATS:
	/* es3.2 geomtess: the stages' limits (not cached when refused, in an
	 * older context) */
	case GL_LAYER_PROVOKING_VERTEX:
	case GL_PRIMITIVE_RESTART_FOR_PATCHES_SUPPORTED:
	case GL_MAX_PATCH_VERTICES:
	case GL_MAX_TESS_GEN_LEVEL:
	case GL_MAX_GEOMETRY_UNIFORM_COMPONENTS:
	case GL_MAX_GEOMETRY_UNIFORM_BLOCKS:
	case GL_MAX_GEOMETRY_INPUT_COMPONENTS:
	case GL_MAX_GEOMETRY_OUTPUT_COMPONENTS:
	case GL_MAX_GEOMETRY_OUTPUT_VERTICES:
	case GL_MAX_GEOMETRY_TOTAL_OUTPUT_COMPONENTS:
	case GL_MAX_GEOMETRY_SHADER_INVOCATIONS:
	case GL_MAX_GEOMETRY_TEXTURE_IMAGE_UNITS:
	case GL_MAX_GEOMETRY_ATOMIC_COUNTER_BUFFERS:
	case GL_MAX_GEOMETRY_ATOMIC_COUNTERS:
	case GL_MAX_GEOMETRY_IMAGE_UNIFORMS:
	case GL_MAX_GEOMETRY_SHADER_STORAGE_BLOCKS:
	case GL_MAX_COMBINED_GEOMETRY_UNIFORM_COMPONENTS:
	case GL_MAX_TESS_CONTROL_UNIFORM_COMPONENTS:
	case GL_MAX_TESS_CONTROL_UNIFORM_BLOCKS:
	case GL_MAX_TESS_CONTROL_TEXTURE_IMAGE_UNITS:
	case GL_MAX_TESS_CONTROL_INPUT_COMPONENTS:
	case GL_MAX_TESS_CONTROL_OUTPUT_COMPONENTS:
	case GL_MAX_TESS_CONTROL_TOTAL_OUTPUT_COMPONENTS:
	case GL_MAX_TESS_PATCH_COMPONENTS:
	case GL_MAX_TESS_CONTROL_ATOMIC_COUNTER_BUFFERS:
	case GL_MAX_TESS_CONTROL_ATOMIC_COUNTERS:
	case GL_MAX_TESS_CONTROL_IMAGE_UNIFORMS:
	case GL_MAX_TESS_CONTROL_SHADER_STORAGE_BLOCKS:
	case GL_MAX_COMBINED_TESS_CONTROL_UNIFORM_COMPONENTS:
	case GL_MAX_TESS_EVALUATION_UNIFORM_COMPONENTS:
	case GL_MAX_TESS_EVALUATION_UNIFORM_BLOCKS:
	case GL_MAX_TESS_EVALUATION_TEXTURE_IMAGE_UNITS:
	case GL_MAX_TESS_EVALUATION_INPUT_COMPONENTS:
	case GL_MAX_TESS_EVALUATION_OUTPUT_COMPONENTS:
	case GL_MAX_TESS_EVALUATION_ATOMIC_COUNTER_BUFFERS:
	case GL_MAX_TESS_EVALUATION_ATOMIC_COUNTERS:
	case GL_MAX_TESS_EVALUATION_IMAGE_UNIFORMS:
	case GL_MAX_TESS_EVALUATION_SHADER_STORAGE_BLOCKS:
	case GL_MAX_COMBINED_TESS_EVALUATION_UNIFORM_COMPONENTS:
		return true;
	default:
		return false;
	}
}

static const struct glsc_cached_get *glsc_cache_find(struct glsc_context *ctx, GLenum pname, enum glsc_get_kind kind)
{
	struct glsc_query_cache *cache = ctx->query_cache;
	if (!cache)
		return NULL;
	for (size_t i = 0; i < cache->count; i++)
		if (cache->entries[i].pname == pname && cache->entries[i].kind == kind)
			return &cache->entries[i];
	return NULL;
}

/* Best effort: without memory the value is simply asked again next time. */
static void glsc_cache_put(struct glsc_context *ctx, GLenum pname, enum glsc_get_kind kind, const uint32_t *values,
			   uint32_t count)
{
	if (!ctx->query_cache && !(ctx->query_cache = calloc(1, sizeof(*ctx->query_cache))))
		return;
	struct glsc_query_cache *cache = ctx->query_cache;
	if (cache->count == cache->capacity) {
		size_t capacity = cache->capacity ? 2 * cache->capacity : 16;
		struct glsc_cached_get *bigger = realloc(cache->entries, capacity * sizeof(*bigger));
		if (!bigger)
			return;
		cache->entries = bigger;
		cache->capacity = capacity;
	}
	uint32_t *copy = malloc(sizeof(*copy) * count);
	if (!copy)
		return;
	memcpy(copy, values, sizeof(*copy) * count);
	cache->entries[cache->count++] = (struct glsc_cached_get){pname, kind, count, copy};
}

void glsc_query_cache_free(struct glsc_context *ctx)
{
	struct glsc_query_cache *cache = ctx->query_cache;
	if (!cache)
		return;
	for (size_t i = 0; i < cache->count; i++)
		free(cache->entries[i].values);
	free(cache->entries);
	free(cache);
	ctx->query_cache = NULL;
}

/* ---- storing values ---- */

/* One wire value (u32 boolean, i32 or f32 bits) into element i of out. */
static void glsc_store_word(enum glsc_get_kind kind, void *out, size_t i, uint32_t word)
{
	if (kind == GLSC_GET_BOOLEAN)
		((GLboolean *)out)[i] = word ? GL_TRUE : GL_FALSE;
	else
		memcpy((uint8_t *)out + 4 * i, &word, 4);
}

/* An integer the client knows, converted as GL's state queries do. */
static void glsc_store_int(enum glsc_get_kind kind, void *out, GLint value)
{
	switch (kind) {
	case GLSC_GET_BOOLEAN: *(GLboolean *)out = value ? GL_TRUE : GL_FALSE; break;
	case GLSC_GET_INTEGER: *(GLint *)out = value; break;
	case GLSC_GET_FLOAT: *(GLfloat *)out = (GLfloat)value; break;
	case GLSC_GET_INTEGER64: *(GLint64 *)out = value; break;
	}
}

/* Sends a getter (payload: nargs u32 words), waits for its reply
 * `u32 count, count x 4-byte values` (8-byte ones for GLSC_GET_INTEGER64)
 * and stores the values in out. At most max values are accepted. Returns
 * the count stored (0: the driver raised an error, or the server is gone).
 * cache: remember the answer for pname (4-byte values only). */
static uint32_t glsc_get_values(struct glsc_context *ctx, uint16_t opcode, const uint32_t *args, size_t nargs,
				enum glsc_get_kind kind, void *out, uint32_t max, bool cache)
{
	uint8_t *w = glsc_begin(ctx, opcode, 4 * nargs);
	if (!w)
		return 0;
	for (size_t i = 0; i < nargs; i++)
		w = gls_put_u32(w, args[i]);
	const uint8_t *reply;
	size_t size;
	if (!glsc_wait_reply(ctx, &reply, &size))
		return 0;
	struct gls_reader r;
	gls_reader_init(&r, reply, size);
	uint32_t count = gls_get_u32(&r);
	size_t value_size = kind == GLSC_GET_INTEGER64 ? 8 : 4;
	if (r.bad || count > max || size != 4 + value_size * (size_t)count) {
		gls_error("malformed reply to %s (%zu bytes)", gls_opcode_name(opcode), size);
		return 0;
	}
	if (kind == GLSC_GET_INTEGER64) {
		for (uint32_t i = 0; i < count; i++)
			((GLint64 *)out)[i] = gls_get_i64(&r);
		return count;
	}
	uint32_t *words = cache && count ? malloc(sizeof(*words) * count) : NULL;
	for (uint32_t i = 0; i < count; i++) {
		uint32_t word = gls_get_u32(&r);
		glsc_store_word(kind, out, i, word);
		if (words)
			words[i] = word;
	}
	if (words)
		glsc_cache_put(ctx, args[0], kind, words, count);
	free(words);
	return count;
}

/* ---- glGet{Boolean,Integer,Float}v ---- */

/* es3 state: the extensions of GL_EXTENSIONS (version bits left out). */
static unsigned glsc_extension_count(const struct glsc_context *ctx)
{
	gls_ext_bits listed = ctx->info.advertised & ~GLS_EXT_VERSION_BITS;
	return (unsigned)(__builtin_popcountll((uint64_t)listed) + __builtin_popcountll((uint64_t)(listed >> 64)));
}

/* es3 state: what the client alone knows of OpenGL ES 3.0, consistent
 * with GL_VERSION and GL_EXTENSIONS; false when the server must answer
 * (in a context not offered ES 3.0 it reports GL_INVALID_ENUM). */
static bool glsc_es3_state_local(struct glsc_context *ctx, GLenum pname, GLint *value)
{
	if (!ctx->info_loaded || !(ctx->info.advertised & GLS_EXT_BIT(GL_ES_VERSION_3_0)))
		return false;
	switch (pname) {
	case GL_MAJOR_VERSION: *value = ctx->info.es_version / 10; return true;
	case GL_MINOR_VERSION: *value = ctx->info.es_version % 10; return true;
	case GL_NUM_EXTENSIONS: *value = (GLint)glsc_extension_count(ctx); return true;
	default: return false;
	}
}

/* State the client mirrors; false when the server must answer. */
static bool glsc_state_local(struct glsc_context *ctx, GLenum pname, GLint *value)
{
	const GLint *pixel_store = glsc_pixel_store_state(ctx, pname); /* es3 textures */
	if (pixel_store) {
		*value = *pixel_store;
		return true;
	}
	switch (pname) {
	case GL_ARRAY_BUFFER_BINDING:
		*value = (GLint)ctx->array_buffer;
		return true;
	case GL_ELEMENT_ARRAY_BUFFER_BINDING:
		*value = (GLint)ctx->vertex_array->element_buffer;
		return true;
	case GL_PACK_ALIGNMENT:
		*value = ctx->pack_alignment;
		return true;
	case GL_UNPACK_ALIGNMENT:
		*value = ctx->unpack_alignment;
		return true;
	case GL_UNPACK_ROW_LENGTH_EXT:
	case GL_UNPACK_SKIP_ROWS_EXT:
	case GL_UNPACK_SKIP_PIXELS_EXT:
		/* without EXT_unpack_subimage the server reports GL_INVALID_ENUM */
		if (!(ctx->info.advertised & GLS_EXT_BIT(GL_EXT_unpack_subimage)))
			return false;
		*value = pname == GL_UNPACK_ROW_LENGTH_EXT ? ctx->unpack_row_length
			 : pname == GL_UNPACK_SKIP_ROWS_EXT ? ctx->unpack_skip_rows : ctx->unpack_skip_pixels;
		return true;
	case GL_VERTEX_ARRAY_BINDING_OES: /* == GL_VERTEX_ARRAY_BINDING */
		/* without the extension or ES 3.0 the driver reports GL_INVALID_ENUM */
		if (!(ctx->info.advertised & (GLS_EXT_BIT(GL_OES_vertex_array_object) | GLS_EXT_BIT(GL_ES_VERSION_3_0))))
			return false;
		*value = (GLint)ctx->vertex_array_name;
		return true;
	case GL_MAX_VERTEX_ATTRIBS:
		/* the client tracks at most GLSC_MAX_ATTRIBS: report what it offers */
		if (!ctx->info_loaded)
			return false;
		*value = ctx->info.max_vertex_attribs;
		return true;
	default:
		return glsc_es3_state_local(ctx, pname, value) || glsc_draw32_state_local(ctx, pname, value);
	}
}

/* wire glGetBooleanv / glGetIntegerv / glGetFloatv: u32 pname
 *   -> reply: u32 count, count x 4-byte values (u32 0/1, i32, f32) */
static void glsc_get_state(uint16_t opcode, enum glsc_get_kind kind, GLenum pname, void *data)
{
	struct glsc_context *ctx = glsc_gl_enter();
	if (!ctx)
		return;
	GLint local;
	const struct glsc_cached_get *cached;
	if (glsc_state_local(ctx, pname, &local)) {
		glsc_store_int(kind, data, local);
	} else if ((cached = glsc_cache_find(ctx, pname, kind))) {
		for (uint32_t i = 0; i < cached->count; i++)
			glsc_store_word(kind, data, i, cached->values[i]);
	} else {
		uint32_t args[1] = {pname};
		glsc_get_values(ctx, opcode, args, 1, kind, data, GLSC_MAX_STATE_VALUES, glsc_is_constant(pname));
	}
	glsc_gl_leave();
}

void glsc_glGetBooleanv(GLenum pname, GLboolean *data)
{
	glsc_get_state(GLS_OP_glGetBooleanv, GLSC_GET_BOOLEAN, pname, data);
}

void glsc_glGetIntegerv(GLenum pname, GLint *data)
{
	glsc_get_state(GLS_OP_glGetIntegerv, GLSC_GET_INTEGER, pname, data);
}

void glsc_glGetFloatv(GLenum pname, GLfloat *data)
{
	glsc_get_state(GLS_OP_glGetFloatv, GLSC_GET_FLOAT, pname, data);
}

/* ---- es3 state: 64-bit and indexed state ---- */

/* wire glGetInteger64v: u32 pname -> reply: u32 count, count x i64 */
void glsc_glGetInteger64v(GLenum pname, GLint64 *data)
{
	struct glsc_context *ctx = glsc_gl_enter_offered(GLS_EXT_BIT(GL_ES_VERSION_3_0));
	if (!ctx)
		return;
	GLint local;
	if (glsc_state_local(ctx, pname, &local)) {
		*data = local;
	} else {
		uint32_t args[1] = {pname};
		glsc_get_values(ctx, GLS_OP_glGetInteger64v, args, 1, GLSC_GET_INTEGER64, data, GLSC_MAX_STATE_VALUES,
				false);
	}
	glsc_gl_leave();
}

/* A query the worker answers in full from its arguments: enter (with the
 * version or extension bits `offered`, 0 for none), ask, leave. */
static void glsc_get_simple(uint16_t opcode, gls_ext_bits offered, const uint32_t *args, size_t nargs,
			    enum glsc_get_kind kind, void *out, uint32_t max_values)
{
	struct glsc_context *ctx = offered ? glsc_gl_enter_offered(offered) : glsc_gl_enter();
	if (!ctx)
		return;
	glsc_get_values(ctx, opcode, args, nargs, kind, out, max_values, false);
	glsc_gl_leave();
}

/* Indexed bindings (uniform and transform feedback buffers): the worker
 * answers; it checks target and index with the driver.
 * wire glGetIntegeri_v / glGetInteger64i_v: u32 target, u32 index
 *   -> reply: u32 count (0 or 1), count x i32 / i64 */
static void glsc_get_indexed(uint16_t opcode, enum glsc_get_kind kind, GLenum target, GLuint index, void *data)
{
	const uint32_t args[2] = {target, index};
	/* es3.2 draw32: an indexed GL_COLOR_WRITEMASK is 4 values */
	glsc_get_simple(opcode, GLS_EXT_BIT(GL_ES_VERSION_3_0), args, 2, kind, data, target == GL_COLOR_WRITEMASK ? 4 : 1);
}

void glsc_glGetIntegeri_v(GLenum target, GLuint index, GLint *data)
{
	glsc_get_indexed(GLS_OP_glGetIntegeri_v, GLSC_GET_INTEGER, target, index, data);
}

void glsc_glGetInteger64i_v(GLenum target, GLuint index, GLint64 *data)
{
	glsc_get_indexed(GLS_OP_glGetInteger64i_v, GLSC_GET_INTEGER64, target, index, data);
}

/* ---- es3.1 texfb: indexed booleans, sample positions, level and
 *      framebuffer parameters (the worker checks every pname) ---- */

/* wire glGetBooleani_v: u32 target, u32 index -> reply: u32 count (0, 1,
 * or 4 for an ES 3.2 indexed GL_COLOR_WRITEMASK), count x u32 */
void glsc_glGetBooleani_v(GLenum target, GLuint index, GLboolean *data)
{
	const uint32_t args[2] = {target, index};
	glsc_get_simple(GLS_OP_glGetBooleani_v, GLS_EXT_BIT(GL_ES_VERSION_3_1), args, 2, GLSC_GET_BOOLEAN, data,
			target == GL_COLOR_WRITEMASK ? 4 : 1);
}

/* wire glGetMultisamplefv: u32 pname, u32 index -> reply: u32 count (0 or 2), count x f32 */
void glsc_glGetMultisamplefv(GLenum pname, GLuint index, GLfloat *val)
{
	const uint32_t args[2] = {pname, index};
	glsc_get_simple(GLS_OP_glGetMultisamplefv, GLS_EXT_BIT(GL_ES_VERSION_3_1), args, 2, GLSC_GET_FLOAT, val, 2);
}

/* wire glGetTexLevelParameteriv / fv: u32 target, i32 level, u32 pname
 *   -> reply: u32 count (0 or 1), count x 4-byte values */
static void glsc_get_tex_level_parameter(uint16_t opcode, enum glsc_get_kind kind, GLenum target, GLint level,
					 GLenum pname, void *params)
{
	const uint32_t args[3] = {target, (uint32_t)level, pname};
	glsc_get_simple(opcode, GLS_EXT_BIT(GL_ES_VERSION_3_1), args, 3, kind, params, 1);
}

void glsc_glGetTexLevelParameteriv(GLenum target, GLint level, GLenum pname, GLint *params)
{
	glsc_get_tex_level_parameter(GLS_OP_glGetTexLevelParameteriv, GLSC_GET_INTEGER, target, level, pname, params);
}

void glsc_glGetTexLevelParameterfv(GLenum target, GLint level, GLenum pname, GLfloat *params)
{
	glsc_get_tex_level_parameter(GLS_OP_glGetTexLevelParameterfv, GLSC_GET_FLOAT, target, level, pname, params);
}

/* wire glGetFramebufferParameteriv: u32 target, u32 pname
 *   -> reply: u32 count (0 or 1), count x i32 */
void glsc_glGetFramebufferParameteriv(GLenum target, GLenum pname, GLint *params)
{
	const uint32_t args[2] = {target, pname};
	glsc_get_simple(GLS_OP_glGetFramebufferParameteriv, GLS_EXT_BIT(GL_ES_VERSION_3_1), args, 2, GLSC_GET_INTEGER,
			params, 1);
}

/* ---- es3 state: query objects ---- */

/* wire glGetQueryiv: u32 target, u32 pname -> reply: u32 count, count x i32
 * (GL_CURRENT_QUERY: a name of this context) */
void glsc_glGetQueryiv(GLenum target, GLenum pname, GLint *params)
{
	const uint32_t args[2] = {target, pname};
	glsc_get_simple(GLS_OP_glGetQueryiv, GLS_EXT_BIT(GL_ES_VERSION_3_0), args, 2, GLSC_GET_INTEGER, params, 1);
}

/* A round trip: GL_QUERY_RESULT waits in the worker until the result is
 * there. wire glGetQueryObjectuiv: u32 query, u32 pname
 *   -> reply: u32 count, count x u32 */
void glsc_glGetQueryObjectuiv(GLuint id, GLenum pname, GLuint *params)
{
	struct glsc_context *ctx = glsc_gl_enter_offered(GLS_EXT_BIT(GL_ES_VERSION_3_0));
	if (!ctx)
		return;
	uint32_t args[2] = {glsc_name_use(ctx, GLS_OBJ_QUERY, id), pname};
	glsc_get_values(ctx, GLS_OP_glGetQueryObjectuiv, args, 2, GLSC_GET_INTEGER, params, 1, false);
	glsc_gl_leave();
}

/* ---- errors and strings ---- */

/* wire glGetError: (none) -> reply: u32 error */
GLenum glsc_glGetError(void)
{
	struct glsc_context *current = glsc_current_context();
	if (!current)
		return GL_NO_ERROR;
	struct glsc_context *ctx = glsc_gl_enter();
	if (!ctx) {
		/* the server is gone: say so once, then nothing more can fail */
		glsc_lock();
		GLenum error = current->lost_reported ? GL_NO_ERROR : GLSC_CONTEXT_LOST;
		current->lost_reported = true;
		glsc_unlock();
		return error;
	}
	GLenum error = GL_NO_ERROR;
	const uint8_t *reply;
	size_t size;
	uint8_t *w = glsc_begin(ctx, GLS_OP_glGetError, 0);
	if (w && glsc_wait_reply(ctx, &reply, &size)) {
		struct gls_reader r;
		gls_reader_init(&r, reply, size);
		error = gls_get_u32(&r);
		if (!gls_reader_done(&r)) {
			gls_error("malformed reply to glGetError (%zu bytes)", size);
			error = GL_NO_ERROR;
		}
	} else if (glsc_stream_lost() && !ctx->lost_reported) {
		ctx->lost_reported = true; /* lost while asking */
		error = GLSC_CONTEXT_LOST;
	}
	glsc_gl_leave();
	return error;
}

/* Answered by the client alone (no opcode) from the strings fetched at the
 * context's first eglMakeCurrent. */
const GLubyte *glsc_glGetString(GLenum name)
{
	struct glsc_context *ctx = glsc_current_context();
	if (!ctx)
		return NULL;
	const struct glsc_context_info *info = &ctx->info;
	const char *s;
	switch (name) {
	case GL_VENDOR: s = info->vendor; break;
	case GL_RENDERER: s = info->renderer; break;
	case GL_VERSION: s = info->version; break;
	case GL_SHADING_LANGUAGE_VERSION: s = info->glsl_version; break;
	case GL_EXTENSIONS: s = info->extensions; break;
	default:
		glsc_set_error(GL_INVALID_ENUM);
		return NULL;
	}
	return (const GLubyte *)s; /* NULL when the server was lost before they came */
}

/* es3 state: the extensions of GL_EXTENSIONS one by one, in its order,
 * answered by the client alone. */
const GLubyte *glsc_glGetStringi(GLenum name, GLuint index)
{
	struct glsc_context *ctx = glsc_gl_enter_offered(GLS_EXT_BIT(GL_ES_VERSION_3_0));
	if (!ctx)
		return NULL;
	const char *s = NULL;
	if (name != GL_EXTENSIONS) {
		glsc_set_error_locked(GL_INVALID_ENUM);
		goto out;
	}
	gls_ext_bits listed = ctx->info.advertised & ~GLS_EXT_VERSION_BITS;
	GLuint n = 0;
	for (unsigned i = 0; i < GLS_EXT_COUNT && !s; i++)
		if ((listed & ((gls_ext_bits)1 << i)) && n++ == index)
			s = gls_extension_names[i];
	if (!s)
		glsc_set_error_locked(GL_INVALID_VALUE);
out:
	glsc_gl_leave();
	return (const GLubyte *)s;
}

/* ---- object parameters ---- */

/* wire glGetTexParameterfv / iv, es3.2 tex32: Iiv / Iuiv: u32 target,
 * u32 pname -> reply: u32 count (4 for the border colour), count x 4-byte
 * values */
static void glsc_get_tex_parameter(struct glsc_context *ctx, uint16_t opcode, enum glsc_get_kind kind, GLenum target,
				   GLenum pname, void *params)
{
	uint32_t args[2] = {target, pname};
	glsc_get_values(ctx, opcode, args, 2, kind, params, 4, false);
}

void glsc_glGetTexParameterfv(GLenum target, GLenum pname, GLfloat *params)
{
	struct glsc_context *ctx = glsc_gl_enter();
	if (!ctx)
		return;
	glsc_get_tex_parameter(ctx, GLS_OP_glGetTexParameterfv, GLSC_GET_FLOAT, target, pname, params);
	glsc_gl_leave();
}

void glsc_glGetTexParameteriv(GLenum target, GLenum pname, GLint *params)
{
	struct glsc_context *ctx = glsc_gl_enter();
	if (!ctx)
		return;
	glsc_get_tex_parameter(ctx, GLS_OP_glGetTexParameteriv, GLSC_GET_INTEGER, target, pname, params);
	glsc_gl_leave();
}

void glsc_glGetTexParameterIiv(GLenum target, GLenum pname, GLint *params)
{
	struct glsc_context *ctx = glsc_gl_enter_offered(GLS_EXT_BIT(GL_ES_VERSION_3_2));
	if (!ctx)
		return;
	glsc_get_tex_parameter(ctx, GLS_OP_glGetTexParameterIiv, GLSC_GET_INTEGER, target, pname, params);
	glsc_gl_leave();
}

void glsc_glGetTexParameterIuiv(GLenum target, GLenum pname, GLuint *params)
{
	struct glsc_context *ctx = glsc_gl_enter_offered(GLS_EXT_BIT(GL_ES_VERSION_3_2));
	if (!ctx)
		return;
	glsc_get_tex_parameter(ctx, GLS_OP_glGetTexParameterIuiv, GLSC_GET_INTEGER, target, pname, params);
	glsc_gl_leave();
}

/* wire glGetBufferParameteriv: u32 target, u32 pname
 *   -> reply: u32 count, count x i32 */
void glsc_glGetBufferParameteriv(GLenum target, GLenum pname, GLint *params)
{
	struct glsc_context *ctx = glsc_gl_enter();
	if (!ctx)
		return;
	/* Mapping is emulated by the client: the host buffer is never mapped
	 * (glsc_gl_buffers.c answers the mapping's parameters). */
	int64_t value;
	bool error;
	if (glsc_buffer_map_parameter(ctx, target, pname, &value, &error)) {
		if (!error)
			*params = (GLint)value;
	} else {
		uint32_t args[2] = {target, pname};
		glsc_get_values(ctx, GLS_OP_glGetBufferParameteriv, args, 2, GLSC_GET_INTEGER, params, 1, false);
	}
	glsc_gl_leave();
}

/* wire glGetRenderbufferParameteriv: u32 target, u32 pname
 *   -> reply: u32 count, count x i32 */
void glsc_glGetRenderbufferParameteriv(GLenum target, GLenum pname, GLint *params)
{
	const uint32_t args[2] = {target, pname};
	glsc_get_simple(GLS_OP_glGetRenderbufferParameteriv, 0, args, 2, GLSC_GET_INTEGER, params, 1);
}

/* wire glGetFramebufferAttachmentParameteriv: u32 target, u32 attachment,
 *   u32 pname -> reply: u32 count, count x i32 (object names are the client's) */
void glsc_glGetFramebufferAttachmentParameteriv(GLenum target, GLenum attachment, GLenum pname, GLint *params)
{
	struct glsc_context *ctx = glsc_gl_enter();
	if (!ctx)
		return;
	uint32_t args[3] = {target, attachment, pname};
	glsc_get_values(ctx, GLS_OP_glGetFramebufferAttachmentParameteriv, args, 3, GLSC_GET_INTEGER, params, 1, false);
	glsc_gl_leave();
}

/* wire glGetProgramiv / glGetShaderiv / glGetProgramPipelineivEXT: u32 object, u32 pname
 *   -> reply: u32 count, count x i32 */
static void glsc_get_shader_program(uint16_t opcode, enum gls_object_type type, GLuint object, GLenum pname,
				    GLint *params, gls_ext_bits version)
{
	struct glsc_context *ctx = version ? glsc_gl_enter_offered(version) : glsc_gl_enter();
	if (!ctx)
		return;
	uint32_t args[2] = {glsc_name_use(ctx, type, object), pname};
	/* es3.1 program: the one program pname of several values */
	uint32_t max = opcode == GLS_OP_glGetProgramiv && pname == GL_COMPUTE_WORK_GROUP_SIZE ? 3 : 1;
	glsc_get_values(ctx, opcode, args, 2, GLSC_GET_INTEGER, params, max, false);
	glsc_gl_leave();
}

void glsc_glGetProgramiv(GLuint program, GLenum pname, GLint *params)
{
	glsc_get_shader_program(GLS_OP_glGetProgramiv, GLS_OBJ_SHADER_PROGRAM, program, pname, params, 0);
}

/* EXT_separate_shader_objects; ACTIVE_PROGRAM_EXT and the stages' programs
 * come back as the client's names. */
void glsc_glGetProgramPipelineivEXT(GLuint pipeline, GLenum pname, GLint *params)
{
	glsc_get_shader_program(GLS_OP_glGetProgramPipelineivEXT, GLS_OBJ_PROGRAM_PIPELINE, pipeline, pname, params, 0);
}

/* es3.1 program: the core function, the same wire */
void glsc_glGetProgramPipelineiv(GLuint pipeline, GLenum pname, GLint *params)
{
	glsc_get_shader_program(GLS_OP_glGetProgramPipelineiv, GLS_OBJ_PROGRAM_PIPELINE, pipeline, pname, params,
				GLS_EXT_BIT(GL_ES_VERSION_3_1));
}

void glsc_glGetShaderiv(GLuint shader, GLenum pname, GLint *params)
{
	glsc_get_shader_program(GLS_OP_glGetShaderiv, GLS_OBJ_SHADER_PROGRAM, shader, pname, params, 0);
}

/* wire glGetUniformfv / glGetUniformiv: u32 program, i32 location
 *   -> reply: u32 count (from the uniform's type, <= 16), count x 4-byte values */
static void glsc_get_uniform(uint16_t opcode, enum glsc_get_kind kind, GLuint program, GLint location, void *params)
{
	struct glsc_context *ctx = glsc_gl_enter();
	if (!ctx)
		return;
	uint32_t args[2] = {glsc_name_use(ctx, GLS_OBJ_SHADER_PROGRAM, program), (uint32_t)location};
	glsc_get_values(ctx, opcode, args, 2, kind, params, GLSC_MAX_UNIFORM_VALUES, false);
	glsc_gl_leave();
}

void glsc_glGetUniformfv(GLuint program, GLint location, GLfloat *params)
{
	glsc_get_uniform(GLS_OP_glGetUniformfv, GLSC_GET_FLOAT, program, location, params);
}

void glsc_glGetUniformiv(GLuint program, GLint location, GLint *params)
{
	glsc_get_uniform(GLS_OP_glGetUniformiv, GLSC_GET_INTEGER, program, location, params);
}

/* OpenGL ES 3.0 (es3 vertex) */
void glsc_glGetUniformuiv(GLuint program, GLint location, GLuint *params)
{
	if (!glsc_gl_enter_offered(GLS_EXT_BIT(GL_ES_VERSION_3_0)))
		return;
	glsc_gl_leave();
	glsc_get_uniform(GLS_OP_glGetUniformuiv, GLSC_GET_INTEGER, program, location, params);
}

/* ---- vertex attributes ---- */

/* The attribute record of a valid index; NULL lets the driver report a bad one. */
static struct glsc_vertex_attrib *glsc_attrib(struct glsc_context *ctx, GLuint index)
{
	if (index >= GLSC_MAX_ATTRIBS || ctx->info.max_vertex_attribs < 0 ||
	    index >= (GLuint)ctx->info.max_vertex_attribs)
		return NULL;
	return &ctx->vertex_array->attribs[index];
}

/* Vertex array state is the client's: client arrays reach the server only
 * with the draws that read them. */
static bool glsc_vertex_attrib_local(struct glsc_context *ctx, GLuint index, GLenum pname, GLint *value)
{
	const struct glsc_vertex_attrib *a = glsc_attrib(ctx, index);
	if (!a)
		return false;
	/* es3.1 draw: a vertex array object of an ES 3.1 context reads only
	 * buffers, through binding points (glBindVertexBuffer, glVertexAttrib
	 * *Format, glVertexAttribBinding, glVertexBindingDivisor) that the
	 * client does not follow: the driver's state is the truth, asked. */
	if (ctx->vertex_array_name && (ctx->info.advertised & GLS_EXT_BIT(GL_ES_VERSION_3_1)))
		return false;
	switch (pname) {
	case GL_VERTEX_ATTRIB_ARRAY_ENABLED: *value = a->enabled ? GL_TRUE : GL_FALSE; return true;
	case GL_VERTEX_ATTRIB_ARRAY_SIZE: *value = a->size; return true;
	case GL_VERTEX_ATTRIB_ARRAY_STRIDE: *value = a->stride; return true;
	case GL_VERTEX_ATTRIB_ARRAY_TYPE: *value = (GLint)a->type; return true;
	case GL_VERTEX_ATTRIB_ARRAY_NORMALIZED: *value = a->normalized ? GL_TRUE : GL_FALSE; return true;
	case GL_VERTEX_ATTRIB_ARRAY_BUFFER_BINDING: *value = (GLint)a->buffer; return true;
	default: break;
	}
	if (ctx->info.es_version < 30) /* ES 3.0's pnames are GL_INVALID_ENUM: the server says so */
		return false;
	switch (pname) {
	case GL_VERTEX_ATTRIB_ARRAY_INTEGER: *value = a->integer ? GL_TRUE : GL_FALSE; return true;
	case GL_VERTEX_ATTRIB_ARRAY_DIVISOR: *value = (GLint)a->divisor; return true;
	default: return false; /* GL_CURRENT_VERTEX_ATTRIB, or a bad pname */
	}
}

/* wire glGetVertexAttribfv / glGetVertexAttribiv: u32 index, u32 pname
 *   -> reply: u32 count, count x 4-byte values (GL_CURRENT_VERTEX_ATTRIB: 4) */
static void glsc_get_vertex_attrib(uint16_t opcode, enum glsc_get_kind kind, GLuint index, GLenum pname, void *params)
{
	struct glsc_context *ctx = glsc_gl_enter();
	if (!ctx)
		return;
	GLint local;
	if (glsc_vertex_attrib_local(ctx, index, pname, &local)) {
		glsc_store_int(kind, params, local);
	} else {
		uint32_t args[2] = {index, pname};
		glsc_get_values(ctx, opcode, args, 2, kind, params, 4, false);
	}
	glsc_gl_leave();
}

void glsc_glGetVertexAttribfv(GLuint index, GLenum pname, GLfloat *params)
{
	glsc_get_vertex_attrib(GLS_OP_glGetVertexAttribfv, GLSC_GET_FLOAT, index, pname, params);
}

void glsc_glGetVertexAttribiv(GLuint index, GLenum pname, GLint *params)
{
	glsc_get_vertex_attrib(GLS_OP_glGetVertexAttribiv, GLSC_GET_INTEGER, index, pname, params);
}

/* OpenGL ES 3.0 (es3 vertex): GL_CURRENT_VERTEX_ATTRIB as integers */
void glsc_glGetVertexAttribIiv(GLuint index, GLenum pname, GLint *params)
{
	if (!glsc_gl_enter_offered(GLS_EXT_BIT(GL_ES_VERSION_3_0)))
		return;
	glsc_gl_leave();
	glsc_get_vertex_attrib(GLS_OP_glGetVertexAttribIiv, GLSC_GET_INTEGER, index, pname, params);
}

void glsc_glGetVertexAttribIuiv(GLuint index, GLenum pname, GLuint *params)
{
	if (!glsc_gl_enter_offered(GLS_EXT_BIT(GL_ES_VERSION_3_0)))
		return;
	glsc_gl_leave();
	glsc_get_vertex_attrib(GLS_OP_glGetVertexAttribIuiv, GLSC_GET_INTEGER, index, pname, params);
}

/* Answered by the client alone (no opcode): the pointer is the
 * application's, and the errors are the driver's (Mesa's order: the index
 * first, then pname). */
void glsc_glGetVertexAttribPointerv(GLuint index, GLenum pname, void **pointer)
{
	struct glsc_context *ctx = glsc_gl_enter();
	if (!ctx)
		return;
	const struct glsc_vertex_attrib *a = glsc_attrib(ctx, index);
	if (!a)
		glsc_set_error_locked(GL_INVALID_VALUE);
	else if (pname != GL_VERTEX_ATTRIB_ARRAY_POINTER)
		glsc_set_error_locked(GL_INVALID_ENUM);
	else
		*pointer = (void *)(uintptr_t)a->pointer;
	glsc_gl_leave();
}

/* ---- strings and lists ---- */

/* Checks that `len` characters fit a GL string output of buf_size. */
bool glsc_text_fits(uint32_t len, GLsizei buf_size)
{
	return buf_size > 0 ? len < (uint32_t)buf_size : len == 0;
}

/* GL string output: the characters and a NUL when there is room, and the
 * length without the NUL. */
void glsc_store_text(const void *text, uint32_t len, GLsizei buf_size, GLsizei *length, GLchar *out)
{
	if (buf_size > 0) {
		if (len)
			memcpy(out, text, len);
		out[len] = 0;
	}
	if (length)
		*length = (GLsizei)len;
}

/* wire glGetProgramInfoLog / glGetShaderInfoLog / glGetShaderSource /
 * glGetProgramPipelineInfoLogEXT:
 *   u32 program, shader or pipeline, i32 bufSize
 *   -> reply: u32 ok (0: the driver raised an error), u32 length + the characters written (no NUL) */
static void glsc_get_text(uint16_t opcode, enum gls_object_type type, GLuint object, GLsizei buf_size,
			  GLsizei *length, GLchar *out, gls_ext_bits version)
{
	struct glsc_context *ctx = version ? glsc_gl_enter_offered(version) : glsc_gl_enter();
	if (!ctx)
		return;
	uint8_t *w = glsc_begin(ctx, opcode, 8);
	const uint8_t *reply;
	size_t size;
	if (w) {
		w = gls_put_u32(w, glsc_name_use(ctx, type, object));
		gls_put_i32(w, buf_size);
	}
	if (w && glsc_wait_reply(ctx, &reply, &size)) {
		struct gls_reader r;
		gls_reader_init(&r, reply, size);
		uint32_t ok = gls_get_u32(&r);
		uint32_t len;
		const void *text = gls_get_blob(&r, &len);
		if (!gls_reader_done(&r) || !glsc_text_fits(len, buf_size))
			gls_error("malformed reply to %s (%zu bytes)", gls_opcode_name(opcode), size);
		else if (ok)
			glsc_store_text(text, len, buf_size, length, out);
	}
	glsc_gl_leave();
}

void glsc_glGetProgramInfoLog(GLuint program, GLsizei bufSize, GLsizei *length, GLchar *infoLog)
{
	glsc_get_text(GLS_OP_glGetProgramInfoLog, GLS_OBJ_SHADER_PROGRAM, program, bufSize, length, infoLog, 0);
}

void glsc_glGetShaderInfoLog(GLuint shader, GLsizei bufSize, GLsizei *length, GLchar *infoLog)
{
	glsc_get_text(GLS_OP_glGetShaderInfoLog, GLS_OBJ_SHADER_PROGRAM, shader, bufSize, length, infoLog, 0);
}

void glsc_glGetShaderSource(GLuint shader, GLsizei bufSize, GLsizei *length, GLchar *source)
{
	glsc_get_text(GLS_OP_glGetShaderSource, GLS_OBJ_SHADER_PROGRAM, shader, bufSize, length, source, 0);
}

void glsc_glGetProgramPipelineInfoLogEXT(GLuint pipeline, GLsizei bufSize, GLsizei *length, GLchar *infoLog)
{
	glsc_get_text(GLS_OP_glGetProgramPipelineInfoLogEXT, GLS_OBJ_PROGRAM_PIPELINE, pipeline, bufSize, length,
		      infoLog, 0);
}

/* es3.1 program */
void glsc_glGetProgramPipelineInfoLog(GLuint pipeline, GLsizei bufSize, GLsizei *length, GLchar *infoLog)
{
	glsc_get_text(GLS_OP_glGetProgramPipelineInfoLog, GLS_OBJ_PROGRAM_PIPELINE, pipeline, bufSize, length,
		      infoLog, GLS_EXT_BIT(GL_ES_VERSION_3_1));
}

/* wire glGetActiveAttrib / glGetActiveUniform (and ES 3.0's
 *   glGetActiveUniformBlockName, glGetTransformFeedbackVarying): u32
 *   program, u32 index, i32 bufSize
 *   -> reply: u32 ok, i32 size, u32 type, u32 length + the name's characters written (no NUL) */
void glsc_get_active(uint16_t opcode, gls_ext_bits offered, GLuint program, GLuint index, GLsizei buf_size,
		     GLsizei *length, GLint *size_out, GLenum *type_out, GLchar *name)
{
	struct glsc_context *ctx = offered ? glsc_gl_enter_offered(offered) : glsc_gl_enter();
	if (!ctx)
		return;
	uint8_t *w = glsc_begin(ctx, opcode, 12);
	const uint8_t *reply;
	size_t size;
	if (w) {
		w = gls_put_u32(w, glsc_name_use(ctx, GLS_OBJ_SHADER_PROGRAM, program));
		w = gls_put_u32(w, index);
		gls_put_i32(w, buf_size);
	}
	if (w && glsc_wait_reply(ctx, &reply, &size)) {
		struct gls_reader r;
		gls_reader_init(&r, reply, size);
		uint32_t ok = gls_get_u32(&r);
		GLint var_size = gls_get_i32(&r);
		GLenum type = gls_get_u32(&r);
		uint32_t len;
		const void *text = gls_get_blob(&r, &len);
		if (!gls_reader_done(&r) || !glsc_text_fits(len, buf_size)) {
			gls_error("malformed reply to %s (%zu bytes)", gls_opcode_name(opcode), size);
		} else if (ok) {
			if (size_out)
				*size_out = var_size;
			if (type_out)
				*type_out = type;
			glsc_store_text(text, len, buf_size, length, name);
		}
	}
	glsc_gl_leave();
}

void glsc_glGetActiveAttrib(GLuint program, GLuint index, GLsizei bufSize, GLsizei *length, GLint *size,
			    GLenum *type, GLchar *name)
{
	glsc_get_active(GLS_OP_glGetActiveAttrib, 0, program, index, bufSize, length, size, type, name);
}

void glsc_glGetActiveUniform(GLuint program, GLuint index, GLsizei bufSize, GLsizei *length, GLint *size,
			     GLenum *type, GLchar *name)
{
	glsc_get_active(GLS_OP_glGetActiveUniform, 0, program, index, bufSize, length, size, type, name);
}

/* wire glGetAttachedShaders: u32 program, i32 maxCount
 *   -> reply: u32 ok, u32 count, count x u32 shader (client names) */
void glsc_glGetAttachedShaders(GLuint program, GLsizei maxCount, GLsizei *count, GLuint *shaders)
{
	struct glsc_context *ctx = glsc_gl_enter();
	if (!ctx)
		return;
	uint8_t *w = glsc_begin(ctx, GLS_OP_glGetAttachedShaders, 8);
	const uint8_t *reply;
	size_t size;
	if (w) {
		w = gls_put_u32(w, glsc_name_use(ctx, GLS_OBJ_SHADER_PROGRAM, program));
		gls_put_i32(w, maxCount);
	}
	if (w && glsc_wait_reply(ctx, &reply, &size)) {
		struct gls_reader r;
		gls_reader_init(&r, reply, size);
		uint32_t ok = gls_get_u32(&r);
		uint32_t n = gls_get_u32(&r);
		if (r.bad || n > (uint32_t)(maxCount > 0 ? maxCount : 0) || size != 8 + 4 * (size_t)n) {
			gls_error("malformed reply to glGetAttachedShaders (%zu bytes)", size);
		} else if (ok) {
			for (uint32_t i = 0; i < n; i++)
				shaders[i] = gls_get_u32(&r);
			if (count)
				*count = (GLsizei)n;
		}
	}
	glsc_gl_leave();
}

/* wire glGetShaderPrecisionFormat: u32 shadertype, u32 precisiontype
 *   -> reply: u32 ok, i32 range[2], i32 precision */
void glsc_glGetShaderPrecisionFormat(GLenum shadertype, GLenum precisiontype, GLint *range, GLint *precision)
{
	struct glsc_context *ctx = glsc_gl_enter();
	if (!ctx)
		return;
	uint8_t *w = glsc_begin(ctx, GLS_OP_glGetShaderPrecisionFormat, 8);
	const uint8_t *reply;
	size_t size;
	if (w) {
		w = gls_put_u32(w, shadertype);
		gls_put_u32(w, precisiontype);
	}
	if (w && glsc_wait_reply(ctx, &reply, &size)) {
		struct gls_reader r;
		gls_reader_init(&r, reply, size);
		uint32_t ok = gls_get_u32(&r);
		GLint low = gls_get_i32(&r), high = gls_get_i32(&r), bits = gls_get_i32(&r);
		if (!gls_reader_done(&r)) {
			gls_error("malformed reply to glGetShaderPrecisionFormat (%zu bytes)", size);
		} else if (ok) {
			range[0] = low;
			range[1] = high;
			*precision = bits;
		}
	}
	glsc_gl_leave();
}

/* ---- state through pointers ---- */

/* wire glTexParameterfv / iv, es3.2 tex32: Iiv / Iuiv: u32 target, u32
 * pname, 4-byte values: one, four for the border colour in an ES 3.2
 * context (glsc_tex32_parameter_count) */
static void glsc_tex_parameter(struct glsc_context *ctx, uint16_t opcode, GLenum target, GLenum pname,
			       const void *params)
{
	uint32_t count = glsc_tex32_parameter_count(ctx, pname);
	uint8_t *w = glsc_begin(ctx, opcode, 8 + 4 * (size_t)count);
	if (w) {
		w = gls_put_u32(w, target);
		w = gls_put_u32(w, pname);
		gls_put_bytes(w, params, 4 * (size_t)count);
	}
}

void glsc_glTexParameterfv(GLenum target, GLenum pname, const GLfloat *params)
{
	struct glsc_context *ctx = glsc_gl_enter();
	if (!ctx)
		return;
	glsc_tex_parameter(ctx, GLS_OP_glTexParameterfv, target, pname, params);
	glsc_gl_leave();
}

void glsc_glTexParameteriv(GLenum target, GLenum pname, const GLint *params)
{
	struct glsc_context *ctx = glsc_gl_enter();
	if (!ctx)
		return;
	glsc_tex_parameter(ctx, GLS_OP_glTexParameteriv, target, pname, params);
	glsc_gl_leave();
}

void glsc_glTexParameterIiv(GLenum target, GLenum pname, const GLint *params)
{
	struct glsc_context *ctx = glsc_gl_enter_offered(GLS_EXT_BIT(GL_ES_VERSION_3_2));
	if (!ctx)
		return;
	glsc_tex_parameter(ctx, GLS_OP_glTexParameterIiv, target, pname, params);
	glsc_gl_leave();
}

void glsc_glTexParameterIuiv(GLenum target, GLenum pname, const GLuint *params)
{
	struct glsc_context *ctx = glsc_gl_enter_offered(GLS_EXT_BIT(GL_ES_VERSION_3_2));
	if (!ctx)
		return;
	glsc_tex_parameter(ctx, GLS_OP_glTexParameterIuiv, target, pname, params);
	glsc_gl_leave();
}

static size_t glsc_source_length(const GLchar *const *string, const GLint *length, GLsizei i)
{
	return length && length[i] >= 0 ? (size_t)length[i] : strlen(string[i]);
}

/* wire glShaderSource: u32 shader, i32 count, u32 length + the count
 * strings concatenated (the driver gets them as one string) */
void glsc_glShaderSource(GLuint shader, GLsizei count, const GLchar *const *string, const GLint *length)
{
	/* As Mesa: a NULL array or string is an error, not a crash. */
	if (count > 0 && !string) {
		glsc_set_error(GL_INVALID_VALUE);
		return;
	}
	size_t total = 0;
	for (GLsizei i = 0; i < count; i++) {
		if (!string[i]) {
			glsc_set_error(GL_INVALID_OPERATION);
			return;
		}
		total += glsc_source_length(string, length, i);
		if (total > GLSC_MAX_PAYLOAD - 12) {
			glsc_set_error(GL_OUT_OF_MEMORY);
			return;
		}
	}
	struct glsc_context *ctx = glsc_gl_enter();
	if (!ctx)
		return;
	/* count < 0 travels too: the driver raises GL_INVALID_VALUE */
	uint8_t *w = glsc_begin(ctx, GLS_OP_glShaderSource, 12 + gls_pad4(total));
	if (w) {
		w = gls_put_u32(w, glsc_name_use(ctx, GLS_OBJ_SHADER_PROGRAM, shader));
		w = gls_put_i32(w, count);
		w = gls_put_u32(w, (uint32_t)total);
		for (GLsizei i = 0; i < count; i++) {
			size_t n = glsc_source_length(string, length, i);
			if (n)
				memcpy(w, string[i], n);
			w += n;
		}
		memset(w, 0, gls_pad4(total) - total);
	}
	glsc_gl_leave();
}

/* The shader types glCreateShaderProgramv(EXT) makes programs of: the
 * extension's two, and those of the context's version (asked before the
 * context is entered: no lock taken). es3.2 geomtess: the extension's
 * function takes them too, as Mesa's (one function with the core one). */
static bool glsc_shader_programv_type(GLenum type)
{
	if (type == GL_VERTEX_SHADER || type == GL_FRAGMENT_SHADER)
		return true;
	struct glsc_context *ctx = glsc_current_context();
	if (!ctx)
		return false;
	if (type == GL_COMPUTE_SHADER)
		return ctx->info.advertised & GLS_EXT_BIT(GL_ES_VERSION_3_1);
	if (type == GL_GEOMETRY_SHADER || type == GL_TESS_CONTROL_SHADER || type == GL_TESS_EVALUATION_SHADER)
		return ctx->info.advertised & GLS_EXT_BIT(GL_ES_VERSION_3_2);
	return false;
}

/* wire glCreateShaderProgramvEXT: u32 new program name, u32 type, i32 count,
 *   u32 length + the count strings concatenated (as glShaderSource).
 * Unless the type is no shader type or count is negative (errors: no
 * program), the driver creates a program whatever the strings say
 * (EXT_separate_shader_objects gives the equivalent code), so the client
 * names it without a round trip. */
static GLuint glsc_create_shader_programv(uint16_t opcode, gls_ext_bits version, GLenum type, GLsizei count,
					  const GLchar *const *strings)
{
	struct glsc_context *current = version ? glsc_current_context() : NULL;
	if (current && !(current->info.advertised & version)) {
		glsc_set_error(GL_INVALID_OPERATION); /* as glsc_gl_enter_offered */
		return 0;
	}
	if (!glsc_shader_programv_type(type)) {
		glsc_set_error(GL_INVALID_ENUM);
		return 0;
	}
	if (count < 0) {
		glsc_set_error(GL_INVALID_VALUE);
		return 0;
	}
	/* As glShaderSource: NULL strings are errors (the driver then
	 * compiles no source), an oversized source is out of memory. */
	GLenum source_error = GL_NO_ERROR;
	size_t total = 0;
	if (count > 0 && !strings)
		source_error = GL_INVALID_VALUE;
	for (GLsizei i = 0; i < count && source_error == GL_NO_ERROR; i++) {
		if (!strings[i]) {
			source_error = GL_INVALID_OPERATION;
			break;
		}
		total += strlen(strings[i]);
		if (total > GLSC_MAX_PAYLOAD - 16) {
			glsc_set_error(GL_OUT_OF_MEMORY);
			return 0;
		}
	}
	if (source_error != GL_NO_ERROR) {
		count = 0;
		total = 0;
	}
	struct glsc_context *ctx = version ? glsc_gl_enter_offered(version) : glsc_gl_enter();
	if (!ctx)
		return 0;
	if (source_error != GL_NO_ERROR)
		glsc_set_error_locked(source_error);
	GLuint name = glsc_name_new_shader_program(ctx);
	uint8_t *w = name ? glsc_begin(ctx, opcode, 16 + gls_pad4(total)) : NULL;
	if (w) {
		w = gls_put_u32(w, name);
		w = gls_put_u32(w, type);
		w = gls_put_i32(w, count);
		w = gls_put_u32(w, (uint32_t)total);
		for (GLsizei i = 0; i < count; i++) {
			size_t n = strlen(strings[i]);
			if (n)
				memcpy(w, strings[i], n);
			w += n;
		}
		memset(w, 0, gls_pad4(total) - total);
	}
	glsc_gl_leave();
	return name;
}

GLuint glsc_glCreateShaderProgramvEXT(GLenum type, GLsizei count, const GLchar **strings)
{
	return glsc_create_shader_programv(GLS_OP_glCreateShaderProgramvEXT, 0, type, count, strings);
}

/* es3.1 program: the core function, the same wire; compute programs too
 * (and the ES 3.2 stages in a 3.2 context) */
GLuint glsc_glCreateShaderProgramv(GLenum type, GLsizei count, const GLchar *const *strings)
{
	return glsc_create_shader_programv(GLS_OP_glCreateShaderProgramv, GLS_EXT_BIT(GL_ES_VERSION_3_1), type, count,
					   strings);
}

/* wire glShaderBinary: i32 count, u32 n + n x u32 shader (n = max(count, 0)),
 *   u32 binaryformat, i32 length, u32 bytes + the binary (bytes = length,
 *   or 0 when binary is NULL) */
void glsc_glShaderBinary(GLsizei count, const GLuint *shaders, GLenum binaryFormat, const void *binary, GLsizei length)
{
	int64_t n = gls_array_count(count);
	size_t bytes = binary && length > 0 ? (size_t)length : 0;
	if (n < 0 || (n > 0 && !shaders)) {
		glsc_set_error(GL_INVALID_VALUE);
		return;
	}
	size_t payload = 20 + 4 * (size_t)n + gls_pad4(bytes);
	if (payload > GLSC_MAX_PAYLOAD) {
		glsc_set_error(GL_OUT_OF_MEMORY);
		return;
	}
	struct glsc_context *ctx = glsc_gl_enter();
	if (!ctx)
		return;
	uint8_t *w = glsc_begin(ctx, GLS_OP_glShaderBinary, payload);
	if (w) {
		w = gls_put_i32(w, count);
		w = gls_put_u32(w, (uint32_t)n);
		for (int64_t i = 0; i < n; i++)
			w = gls_put_u32(w, glsc_name_use(ctx, GLS_OBJ_SHADER_PROGRAM, shaders[i]));
		w = gls_put_u32(w, binaryFormat);
		w = gls_put_i32(w, length);
		w = gls_put_u32(w, (uint32_t)bytes);
		gls_put_bytes(w, binary, bytes);
	}
	glsc_gl_leave();
}
