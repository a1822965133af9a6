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
