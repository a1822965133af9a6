/* OpenGL ES 3.1 compute on the client: dispatches and memory barriers are
 * encoded as generated, these hooks keep the client's copies of buffer
 * contents honest. A dispatch (and a draw, whose shaders may write shader
 * storage or atomic counters too) makes the GPU write buffers the client
 * does not follow, and glMemoryBarrier is where an application is told it
 * may read them: each drops every copy of contents, read back from the
 * worker when next needed. */
#include "glsc_buffers.h"
#include "glsc_gl.h"
#include "glsc_gl_generated.h"
#include "gls_extensions.h"

static void glsc_drop_copy(uint32_t name, uint64_t value, void *data)
{
	(void)name;
	(void)data;
	glsc_buffer_gpu_written((struct glsc_buffer *)(uintptr_t)value);
}

static bool glsc_storage_written(void)
{
	struct glsc_context *ctx = glsc_current_context();
	if (!ctx)
		return false;
	if (ctx->info.advertised & GLS_EXT_BIT(GL_ES_VERSION_3_1))
		gls_idmap_each(&ctx->share->names[GLS_OBJ_BUFFER], glsc_drop_copy, NULL);
	return true;
}

bool glsc_hook_glDispatchCompute(GLuint num_groups_x, GLuint num_groups_y, GLuint num_groups_z)
{
	(void)num_groups_x;
	(void)num_groups_y;
	(void)num_groups_z;
	return glsc_storage_written();
}

/* The mapping is the client's: the worker's driver never sees the buffer
 * mapped, so the client raises the driver's error for a mapped indirect
 * buffer itself (ES 3.1 6.3.2). */
bool glsc_hook_glDispatchComputeIndirect(GLintptr indirect)
{
	struct glsc_context *ctx = glsc_current_context();
	if (!ctx)
		return false;
	if ((ctx->info.advertised & GLS_EXT_BIT(GL_ES_VERSION_3_1)) && indirect >= 0 && !(indirect & 3)) {
		GLuint name = ctx->dispatch_indirect_buffer;
		struct glsc_buffer *b = name ? glsc_buffer_lookup(ctx, name) : NULL;
		if (b && b->map_pointer) {
			glsc_set_error(GL_INVALID_OPERATION);
			return false;
		}
	}
	return glsc_storage_written();
}

bool glsc_hook_glMemoryBarrier(GLbitfield barriers)
{
	(void)barriers;
	return glsc_storage_written();
}

bool glsc_hook_glMemoryBarrierByRegion(GLbitfield barriers)
{
	(void)barriers;
	return glsc_storage_written();
}
