/* OpenGL ES 3.0 buffers on the client: the bindings of the ES 3.0 targets
 * (glsc_buffers.h). */
#include <stdlib.h>
#include <string.h>

#include "glsc_buffers.h"
#include "glsc_gl.h"
#include "glsc_gl_generated.h"
#include "glsc_stream.h"
#include "gls_extensions.h"
#include "gls_wire.h"

static bool glsc_es3(struct glsc_context *ctx)
{
	return (ctx->info.advertised & GLS_EXT_BIT(GL_ES_VERSION_3_0)) != 0;
}

/* The client's binding of an ES 3.0 target; NULL for others. */
static GLuint *glsc_es3_binding(struct glsc_context *ctx, GLenum target)
{
	if (!glsc_es3(ctx))
		return NULL;
	switch (target) {
	case GL_COPY_READ_BUFFER: return &ctx->copy_read_buffer;
	case GL_COPY_WRITE_BUFFER: return &ctx->copy_write_buffer;
	case GL_PIXEL_PACK_BUFFER: return &ctx->pixel_pack_buffer;
	case GL_PIXEL_UNPACK_BUFFER: return &ctx->pixel_unpack_buffer;
	case GL_UNIFORM_BUFFER: return &ctx->uniform_buffer;
	case GL_TRANSFORM_FEEDBACK_BUFFER: return &ctx->transform_feedback_buffer;
	default: break;
	}
	/* es3.1 compute */
	if (!(ctx->info.advertised & GLS_EXT_BIT(GL_ES_VERSION_3_1)))
		return NULL;
	switch (target) {
	case GL_SHADER_STORAGE_BUFFER: return &ctx->shader_storage_buffer;
	case GL_ATOMIC_COUNTER_BUFFER: return &ctx->atomic_counter_buffer;
	case GL_DISPATCH_INDIRECT_BUFFER: return &ctx->dispatch_indirect_buffer;
	/* es3.1 draw */
	case GL_DRAW_INDIRECT_BUFFER: return &ctx->draw_indirect_buffer;
	default: break;
	}
	/* es3.2 layered: the buffer binding of buffer textures */
	if (target == GL_TEXTURE_BUFFER && (ctx->info.advertised & GLS_EXT_BIT(GL_ES_VERSION_3_2)))
		return &ctx->texture_buffer;
	return NULL;
}

bool glsc_buffer_target_valid(struct glsc_context *ctx, GLenum target)
{
	return target == GL_ARRAY_BUFFER || target == GL_ELEMENT_ARRAY_BUFFER || glsc_es3_binding(ctx, target);
}

bool glsc_buffer_usage_valid(struct glsc_context *ctx, GLenum usage)
{
	switch (usage) {
	case GL_STREAM_DRAW:
	case GL_STATIC_DRAW:
	case GL_DYNAMIC_DRAW:
		return true;
	case GL_STREAM_READ:
	case GL_STREAM_COPY:
	case GL_STATIC_READ:
	case GL_STATIC_COPY:
	case GL_DYNAMIC_READ:
	case GL_DYNAMIC_COPY:
		return glsc_es3(ctx);
	default:
		return false;
	}
}

/* wire glsBufferBinding: u32 target -> reply i32 the client name bound to
 * the generic binding of target */
static void glsc_ask_binding(struct glsc_context *ctx, GLenum target, GLuint *slot, bool *unknown)
{
	uint8_t *w = glsc_begin(ctx, GLS_OP_glsBufferBinding, 4);
	const uint8_t *reply;
	size_t size;
	if (!w)
		return;
	gls_put_u32(w, target);
	if (!glsc_wait_reply(ctx, &reply, &size))
		return;
	struct gls_reader r;
	gls_reader_init(&r, reply, size);
	GLuint name = gls_get_u32(&r);
	if (!gls_reader_done(&r))
		return;
	*slot = name;
	*unknown = false;
}

GLuint glsc_bound_buffer(struct glsc_context *ctx, GLenum target)
{
	if (target == GL_ARRAY_BUFFER)
		return ctx->array_buffer;
	if (target == GL_ELEMENT_ARRAY_BUFFER)
		return ctx->vertex_array->element_buffer;
	GLuint *slot = glsc_es3_binding(ctx, target);
	if (slot == &ctx->uniform_buffer && ctx->uniform_buffer_unknown)
		glsc_ask_binding(ctx, target, slot, &ctx->uniform_buffer_unknown);
	else if (slot == &ctx->transform_feedback_buffer && ctx->transform_feedback_buffer_unknown)
		glsc_ask_binding(ctx, target, slot, &ctx->transform_feedback_buffer_unknown);
	else if (slot == &ctx->shader_storage_buffer && ctx->shader_storage_buffer_unknown)
		glsc_ask_binding(ctx, target, slot, &ctx->shader_storage_buffer_unknown);
	else if (slot == &ctx->atomic_counter_buffer && ctx->atomic_counter_buffer_unknown)
		glsc_ask_binding(ctx, target, slot, &ctx->atomic_counter_buffer_unknown);
	return slot ? *slot : 0;
}

struct glsc_buffer *glsc_bound_buffer_object(struct glsc_context *ctx, GLenum target)
{
	GLuint name = glsc_bound_buffer(ctx, target);
	return name ? glsc_buffer_lookup(ctx, name) : NULL;
}

void glsc_buffer_gpu_written(struct glsc_buffer *buffer)
{
	if (!buffer)
		return;
	free(buffer->shadow);
	buffer->shadow = NULL;
}

bool glsc_buffer_map_parameter(struct glsc_context *ctx, GLenum target, GLenum pname, int64_t *value, bool *error)
{
	bool es3 = glsc_es3(ctx);
	bool oes = (ctx->info.advertised & GLS_EXT_BIT(GL_OES_mapbuffer)) != 0;
	bool mapping = ((es3 || oes) && pname == GL_BUFFER_MAPPED) ||
		       (es3 && (pname == GL_BUFFER_ACCESS_FLAGS || pname == GL_BUFFER_MAP_LENGTH ||
				pname == GL_BUFFER_MAP_OFFSET));
	if (!mapping)
		return false;
	struct glsc_buffer *buffer = glsc_bound_buffer_object(ctx, target);
	*error = true;
	if (!glsc_buffer_target_valid(ctx, target)) {
		glsc_set_error_locked(GL_INVALID_ENUM);
		return true;
	}
	if (!buffer) {
		glsc_set_error_locked(GL_INVALID_OPERATION);
		return true;
	}
	*error = false;
	bool mapped = buffer->map_pointer != NULL;
	/* glMapBufferOES maps for writing (its access reads GL_WRITE_ONLY_OES) */
	GLbitfield access = buffer->map_access == GL_WRITE_ONLY_OES ? GL_MAP_WRITE_BIT : buffer->map_access;
	switch (pname) {
	case GL_BUFFER_MAPPED: *value = mapped; break;
	case GL_BUFFER_ACCESS_FLAGS: *value = mapped ? access : 0; break;
	case GL_BUFFER_MAP_LENGTH: *value = mapped ? buffer->map_length : 0; break;
	default: *value = mapped ? buffer->map_offset : 0; break;
	}
	return true;
}

/* wire: glGetBufferParameteriv's (buffer sizes fit a GLint: the worker
 * refuses 2 GiB and more) */
void glsc_glGetBufferParameteri64v(GLenum target, GLenum pname, GLint64 *params)
{
	struct glsc_context *ctx = glsc_gl_enter_offered(GLS_EXT_BIT(GL_ES_VERSION_3_0));
	if (!ctx)
		return;
	int64_t value;
	bool error;
	bool answered = glsc_buffer_map_parameter(ctx, target, pname, &value, &error);
	/* the server answers these two (and reports the errors of others) */
	bool asked = !answered && glsc_buffer_target_valid(ctx, target) && glsc_bound_buffer(ctx, target) &&
		     (pname == GL_BUFFER_SIZE || pname == GL_BUFFER_USAGE);
	glsc_gl_leave();
	if (answered) {
		if (!error)
			*params = value;
		return;
	}
	GLint narrow = 0;
	glsc_glGetBufferParameteriv(target, pname, &narrow);
	if (asked)
		*params = narrow;
}

/* Mapped buffers are the client's to report; the destination's copy of
 * the contents follows the copy. */
bool glsc_hook_glCopyBufferSubData(GLenum read_target, GLenum write_target, GLintptr read_offset,
				   GLintptr write_offset, GLsizeiptr size)
{
	struct glsc_context *ctx = glsc_gl_enter_offered(GLS_EXT_BIT(GL_ES_VERSION_3_0));
	if (!ctx)
		return false;
	bool send = true;
	struct glsc_buffer *src = glsc_bound_buffer_object(ctx, read_target);
	struct glsc_buffer *dst = glsc_bound_buffer_object(ctx, write_target);
	if (!glsc_buffer_target_valid(ctx, read_target) || !glsc_buffer_target_valid(ctx, write_target) || !src ||
	    !dst)
		goto out; /* the worker reports it */
	if (src->map_pointer || dst->map_pointer) {
		glsc_set_error_locked(GL_INVALID_OPERATION);
		send = false;
		goto out;
	}
	if (read_offset < 0 || write_offset < 0 || size < 0 || read_offset > src->size ||
	    size > src->size - read_offset || write_offset > dst->size || size > dst->size - write_offset ||
	    (src == dst && read_offset < write_offset + size && write_offset < read_offset + size))
		goto out; /* GL_INVALID_VALUE from the worker */
	if (dst->shadow && src->shadow)
		memmove(dst->shadow + write_offset, src->shadow + read_offset, (size_t)size);
	else
		glsc_buffer_gpu_written(dst);
out:
	glsc_gl_leave();
	return send;
}

/* ---- indexed bindings ---- */

static bool glsc_bind_indexed(GLenum target)
{
	struct glsc_context *ctx = glsc_current_context();
	if (!ctx)
		return false;
	/* the generic binding changes only when the driver takes the call
	 * (index, alignment, transform feedback state): asked when needed */
	if (target == GL_UNIFORM_BUFFER)
		ctx->uniform_buffer_unknown = true;
	else if (target == GL_TRANSFORM_FEEDBACK_BUFFER)
		ctx->transform_feedback_buffer_unknown = true;
	else if (target == GL_SHADER_STORAGE_BUFFER) /* es3.1 compute */
		ctx->shader_storage_buffer_unknown = true;
	else if (target == GL_ATOMIC_COUNTER_BUFFER)
		ctx->atomic_counter_buffer_unknown = true;
	return true;
}

bool glsc_hook_glBindBufferRange(GLenum target, GLuint index, GLuint buffer, GLintptr offset, GLsizeiptr size)
{
	(void)index;
	(void)buffer;
	(void)offset;
	(void)size;
	return glsc_bind_indexed(target);
}

bool glsc_hook_glBindBufferBase(GLenum target, GLuint index, GLuint buffer)
{
	(void)index;
	(void)buffer;
	return glsc_bind_indexed(target);
}

/* ---- transform feedback ---- */

void glsc_glGenTransformFeedbacks(GLsizei n, GLuint *ids)
{
	if (n < 0) {
		glsc_set_error(GL_INVALID_VALUE);
		return;
	}
	struct glsc_context *ctx = glsc_gl_enter_offered(GLS_EXT_BIT(GL_ES_VERSION_3_0));
	if (!ctx)
		return;
	glsc_names_generate(ctx, GLS_OBJ_TRANSFORM_FEEDBACK, n, ids);
	glsc_gl_leave();
}

void glsc_glDeleteTransformFeedbacks(GLsizei n, const GLuint *ids)
{
	if (n < 0) {
		glsc_set_error(GL_INVALID_VALUE);
		return;
	}
	struct glsc_context *ctx = glsc_gl_enter_offered(GLS_EXT_BIT(GL_ES_VERSION_3_0));
	if (!ctx)
		return;
	glsc_names_delete(ctx, GLS_OBJ_TRANSFORM_FEEDBACK, n, ids);
	glsc_gl_leave();
}

/* ES 3.0 binds only generated names (no object made on first bind). */
bool glsc_hook_glBindTransformFeedback(GLenum target, GLuint id)
{
	struct glsc_context *ctx = glsc_current_context();
	if (!ctx)
		return false;
	if (!id || glsc_name_known(ctx, GLS_OBJ_TRANSFORM_FEEDBACK, id))
		return true;
	glsc_set_error(target == GL_TRANSFORM_FEEDBACK ? GL_INVALID_OPERATION : GL_INVALID_ENUM);
	return false;
}

static void glsc_forget_shadow(uint32_t name, uint64_t value, void *data)
{
	(void)name;
	(void)data;
	glsc_buffer_gpu_written((struct glsc_buffer *)(uintptr_t)value);
}

/* Transform feedback wrote into buffers the client does not follow (its
 * bindings are per object): every copy of contents is dropped. */
static bool glsc_transform_feedback_wrote(void)
{
	struct glsc_context *ctx = glsc_current_context();
	if (!ctx)
		return false;
	if (glsc_es3(ctx))
		gls_idmap_each(&ctx->share->names[GLS_OBJ_BUFFER], glsc_forget_shadow, NULL);
	return true;
}

bool glsc_hook_glEndTransformFeedback(void)
{
	return glsc_transform_feedback_wrote();
}

bool glsc_hook_glPauseTransformFeedback(void)
{
	return glsc_transform_feedback_wrote();
}

/* wire glTransformFeedbackVaryings: u32 program, i32 count, u32 bufferMode,
 *   count x string
 * wire glGetUniformIndices: u32 program, i32 count, count x string
 *   -> reply: u32 count, count x u32 */
static uint8_t *glsc_begin_strings(struct glsc_context *ctx, uint16_t opcode, size_t header, GLsizei count,
				   const GLchar *const *strings)
{
	size_t size = header;
	for (GLsizei i = 0; i < count; i++)
		size += 4 + gls_pad4(glsc_string_length(strings[i]));
	return glsc_begin(ctx, opcode, size);
}

static uint8_t *glsc_put_strings(uint8_t *w, GLsizei count, const GLchar *const *strings)
{
	for (GLsizei i = 0; i < count; i++) {
		uint32_t len = glsc_string_length(strings[i]);
		w = gls_put_u32(w, len);
		w = gls_put_bytes(w, strings[i], len);
	}
	return w;
}

void glsc_glTransformFeedbackVaryings(GLuint program, GLsizei count, const GLchar *const *varyings,
				      GLenum bufferMode)
{
	struct glsc_context *ctx = glsc_gl_enter_offered(GLS_EXT_BIT(GL_ES_VERSION_3_0));
	if (!ctx)
		return;
	GLsizei n = count > 0 && varyings ? count : 0;
	uint8_t *w = glsc_begin_strings(ctx, GLS_OP_glTransformFeedbackVaryings, 12, n, varyings);
	if (w) {
		w = gls_put_u32(w, glsc_name_use(ctx, GLS_OBJ_SHADER_PROGRAM, program));
		w = gls_put_i32(w, count > 0 ? n : count);
		w = gls_put_u32(w, bufferMode);
		glsc_put_strings(w, n, varyings);
	}
	glsc_gl_leave();
}

/* A reply of u32 count + count x 4 bytes into out (at most max values). */
static bool glsc_read_ints(struct glsc_context *ctx, void *out, uint32_t max)
{
	const uint8_t *reply;
	size_t size;
	if (!glsc_wait_reply(ctx, &reply, &size))
		return false;
	struct gls_reader r;
	gls_reader_init(&r, reply, size);
	uint32_t count = gls_get_u32(&r);
	const uint8_t *values = gls_take(&r, 4 * (size_t)count);
	if (!gls_reader_done(&r) || count > max)
		return false;
	if (count && out)
		memcpy(out, values, 4 * (size_t)count);
	return true;
}

void glsc_glGetUniformIndices(GLuint program, GLsizei uniformCount, const GLchar *const *uniformNames,
			      GLuint *uniformIndices)
{
	struct glsc_context *ctx = glsc_gl_enter_offered(GLS_EXT_BIT(GL_ES_VERSION_3_0));
	if (!ctx)
		return;
	GLsizei n = uniformCount > 0 && uniformNames ? uniformCount : 0;
	uint8_t *w = glsc_begin_strings(ctx, GLS_OP_glGetUniformIndices, 8, n, uniformNames);
	if (w) {
		w = gls_put_u32(w, glsc_name_use(ctx, GLS_OBJ_SHADER_PROGRAM, program));
		w = gls_put_i32(w, uniformCount > 0 ? n : uniformCount);
		glsc_put_strings(w, n, uniformNames);
		glsc_read_ints(ctx, uniformIndices, (uint32_t)n);
	}
	glsc_gl_leave();
}

/* wire glGetActiveUniformsiv: u32 program, i32 count, u32 pname,
 *   count x u32 index -> reply: u32 count, count x i32 */
void glsc_glGetActiveUniformsiv(GLuint program, GLsizei uniformCount, const GLuint *uniformIndices, GLenum pname,
				GLint *params)
{
	struct glsc_context *ctx = glsc_gl_enter_offered(GLS_EXT_BIT(GL_ES_VERSION_3_0));
	if (!ctx)
		return;
	GLsizei n = uniformCount > 0 && uniformIndices ? uniformCount : 0;
	if ((size_t)n > GLS_MAX_ARRAY_ELEMENTS) {
		glsc_set_error_locked(GL_OUT_OF_MEMORY);
		goto out;
	}
	uint8_t *w = glsc_begin(ctx, GLS_OP_glGetActiveUniformsiv, 16 + 4 * (size_t)n);
	if (w) {
		w = gls_put_u32(w, glsc_name_use(ctx, GLS_OBJ_SHADER_PROGRAM, program));
		w = gls_put_i32(w, uniformCount > 0 ? n : uniformCount);
		w = gls_put_u32(w, pname);
		w = gls_put_u32(w, (uint32_t)n);
		gls_put_bytes(w, uniformIndices, 4 * (size_t)n);
		glsc_read_ints(ctx, params, (uint32_t)n);
	}
out:
	glsc_gl_leave();
}

/* wire glGetActiveUniformBlockiv: u32 program, u32 index, u32 pname
 *   -> reply: u32 count, count x i32 (count: the block's active uniforms
 *   for GL_UNIFORM_BLOCK_ACTIVE_UNIFORM_INDICES, else 1) */
void glsc_glGetActiveUniformBlockiv(GLuint program, GLuint index, GLenum pname, GLint *params)
{
	struct glsc_context *ctx = glsc_gl_enter_offered(GLS_EXT_BIT(GL_ES_VERSION_3_0));
	if (!ctx)
		return;
	uint8_t *w = glsc_begin(ctx, GLS_OP_glGetActiveUniformBlockiv, 12);
	if (w) {
		w = gls_put_u32(w, glsc_name_use(ctx, GLS_OBJ_SHADER_PROGRAM, program));
		w = gls_put_u32(w, index);
		gls_put_u32(w, pname);
		glsc_read_ints(ctx, params, UINT32_MAX / 4);
	}
	glsc_gl_leave();
}

void glsc_glGetActiveUniformBlockName(GLuint program, GLuint uniformBlockIndex, GLsizei bufSize, GLsizei *length,
				      GLchar *uniformBlockName)
{
	glsc_get_active(GLS_OP_glGetActiveUniformBlockName, GLS_EXT_BIT(GL_ES_VERSION_3_0), program, uniformBlockIndex,
			bufSize, length, NULL, NULL, uniformBlockName);
}

void glsc_glGetTransformFeedbackVarying(GLuint program, GLuint index, GLsizei bufSize, GLsizei *length,
				       GLsizei *size, GLenum *type, GLchar *name)
{
	glsc_get_active(GLS_OP_glGetTransformFeedbackVarying, GLS_EXT_BIT(GL_ES_VERSION_3_0), program, index, bufSize,
			length, size, type, name);
}

void glsc_buffers_bind(struct glsc_context *ctx, GLenum target, GLuint buffer)
{
	GLuint *slot = glsc_es3_binding(ctx, target);
	if (slot)
		*slot = buffer;
	/* refused while transform feedback records: asked when needed */
	if (slot == &ctx->transform_feedback_buffer)
		ctx->transform_feedback_buffer_unknown = true;
	else if (slot == &ctx->uniform_buffer)
		ctx->uniform_buffer_unknown = false;
	else if (slot == &ctx->shader_storage_buffer) /* es3.1 compute */
		ctx->shader_storage_buffer_unknown = false;
	else if (slot == &ctx->atomic_counter_buffer)
		ctx->atomic_counter_buffer_unknown = false;
}

void glsc_buffers_deleted(struct glsc_context *ctx, GLuint name)
{
	GLuint *slots[] = {&ctx->copy_read_buffer, &ctx->copy_write_buffer, &ctx->pixel_pack_buffer,
			   &ctx->pixel_unpack_buffer, &ctx->uniform_buffer, &ctx->transform_feedback_buffer,
			   /* es3.1 compute */
			   &ctx->shader_storage_buffer, &ctx->atomic_counter_buffer, &ctx->dispatch_indirect_buffer};
	for (size_t i = 0; i < sizeof(slots) / sizeof(slots[0]); i++)
		if (*slots[i] == name)
			*slots[i] = 0;
	/* es3.1 draw */
	if (ctx->draw_indirect_buffer == name)
		ctx->draw_indirect_buffer = 0;
	/* es3.2 layered */
	if (ctx->texture_buffer == name)
		ctx->texture_buffer = 0;
}

void glsc_buffers_context_fini(struct glsc_context *ctx)
{
	free(ctx->es3_buffers);
	ctx->es3_buffers = NULL;
}

/* wire glGetUniformBlockIndex: u32 program, string name -> reply scalar */
GLuint glsc_glGetUniformBlockIndex(GLuint program, const GLchar *uniformBlockName)
{
	struct glsc_context *ctx = glsc_gl_enter_offered(GLS_EXT_BIT(GL_ES_VERSION_3_0));
	if (!ctx)
		return GL_INVALID_INDEX;
	uint32_t len = glsc_string_length(uniformBlockName);
	uint8_t *w = glsc_begin(ctx, GLS_OP_glGetUniformBlockIndex, 8 + gls_pad4(len));
	if (w) {
		w = gls_put_u32(w, glsc_name_use(ctx, GLS_OBJ_SHADER_PROGRAM, program));
		w = gls_put_u32(w, len);
		gls_put_bytes(w, uniformBlockName, len);
	}
	GLuint index = (GLuint)glsc_sync_scalar(ctx, w != NULL);
	glsc_gl_leave();
	return index;
}
