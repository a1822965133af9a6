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
	default: return NULL;
	}
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

GLuint glsc_bound_buffer(struct glsc_context *ctx, GLenum target)
{
	if (target == GL_ARRAY_BUFFER)
		return ctx->array_buffer;
	if (target == GL_ELEMENT_ARRAY_BUFFER)
		return ctx->vertex_array->element_buffer;
	GLuint *slot = glsc_es3_binding(ctx, target);
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
	glsc_gl_leave();
	if (answered) {
		if (!error)
			*params = value;
		return;
	}
	GLint narrow = 0;
	glsc_glGetBufferParameteriv(target, pname, &narrow);
	if (glsc_buffer_target_valid(ctx, target) && glsc_bound_buffer(ctx, target) &&
	    (pname == GL_BUFFER_SIZE || pname == GL_BUFFER_USAGE))
		*params = narrow;
}

/* Mapped buffers are the client's to report; the destination's copy of
 * the contents follows the copy. */
bool glsc_hook_glCopyBufferSubData(GLenum read_target, GLenum write_target, GLintptr read_offset,
				   GLintptr write_offset, GLsizeiptr size)
{
	struct glsc_context *ctx = glsc_current_context();
	if (!ctx)
		return false;
	struct glsc_buffer *src = glsc_bound_buffer_object(ctx, read_target);
	struct glsc_buffer *dst = glsc_bound_buffer_object(ctx, write_target);
	if (!glsc_buffer_target_valid(ctx, read_target) || !glsc_buffer_target_valid(ctx, write_target) || !src ||
	    !dst)
		return true; /* the worker reports it */
	if (src->map_pointer || dst->map_pointer) {
		glsc_set_error(GL_INVALID_OPERATION);
		return false;
	}
	if (read_offset < 0 || write_offset < 0 || size < 0 || read_offset > src->size ||
	    size > src->size - read_offset || write_offset > dst->size || size > dst->size - write_offset ||
	    (src == dst && read_offset < write_offset + size && write_offset < read_offset + size))
		return true; /* GL_INVALID_VALUE from the worker */
	if (dst->shadow && src->shadow)
		memmove(dst->shadow + write_offset, src->shadow + read_offset, (size_t)size);
	else
		glsc_buffer_gpu_written(dst);
	return true;
}

void glsc_buffers_bind(struct glsc_context *ctx, GLenum target, GLuint buffer)
{
	GLuint *slot = glsc_es3_binding(ctx, target);
	if (slot)
		*slot = buffer;
}

void glsc_buffers_deleted(struct glsc_context *ctx, GLuint name)
{
	GLuint *slots[] = {&ctx->copy_read_buffer, &ctx->copy_write_buffer, &ctx->pixel_pack_buffer,
			   &ctx->pixel_unpack_buffer, &ctx->uniform_buffer, &ctx->transform_feedback_buffer};
	for (size_t i = 0; i < sizeof(slots) / sizeof(slots[0]); i++)
		if (*slots[i] == name)
			*slots[i] = 0;
}

void glsc_buffers_context_fini(struct glsc_context *ctx)
{
	free(ctx->es3_buffers);
	ctx->es3_buffers = NULL;
}
