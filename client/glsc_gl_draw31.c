/* es3.1 draw: indirect draws (ES 3.1 10.5). The command lives in the
 * buffer bound to GL_DRAW_INDIRECT_BUFFER; `indirect` is an offset into it
 * and travels as one. The worker reads the command and checks it like the
 * direct draw it stands for; every error (no vertex array object bound,
 * no indirect buffer, a bad offset) is the driver's or the worker's.
 * The vertex buffer binding calls (glBindVertexBuffer, glVertexAttribFormat
 * and friends) are generated: they are errors in vertex array 0 (ES 3.1
 * 10.3.1), so the client's arrays are never read through them. */
#include "glsc_buffers.h"
#include "glsc_gl.h"
#include "glsc_gl_generated.h"
#include "glsc_stream.h"
#include "gls_extensions.h"
#include "gls_wire.h"

/* A mapped indirect buffer is GL_INVALID_OPERATION (ES 3.1 10.5); the
 * mapping is the client's alone, so the client says so. */
static bool glsc_indirect_mapped(struct glsc_context *ctx)
{
	struct glsc_buffer *b = ctx->draw_indirect_buffer ? glsc_bound_buffer_object(ctx, GL_DRAW_INDIRECT_BUFFER)
							  : NULL;
	return b && b->map_pointer;
}

/* wire glDrawArraysIndirect: u32 mode, u64 offset into the bound
 *   GL_DRAW_INDIRECT_BUFFER */
void glsc_glDrawArraysIndirect(GLenum mode, const void *indirect)
{
	struct glsc_context *ctx = glsc_gl_enter_offered(GLS_EXT_BIT(GL_ES_VERSION_3_1));
	if (!ctx)
		return;
	if (glsc_indirect_mapped(ctx)) {
		glsc_set_error_locked(GL_INVALID_OPERATION);
	} else {
		uint8_t *w = glsc_begin(ctx, GLS_OP_glDrawArraysIndirect, 12);
		if (w) {
			w = gls_put_u32(w, mode);
			gls_put_i64(w, (int64_t)(uintptr_t)indirect);
		}
	}
	glsc_gl_leave();
}

/* wire glDrawElementsIndirect: u32 mode, u32 type, u64 offset into the
 *   bound GL_DRAW_INDIRECT_BUFFER */
void glsc_glDrawElementsIndirect(GLenum mode, GLenum type, const void *indirect)
{
	struct glsc_context *ctx = glsc_gl_enter_offered(GLS_EXT_BIT(GL_ES_VERSION_3_1));
	if (!ctx)
		return;
	if (glsc_indirect_mapped(ctx)) {
		glsc_set_error_locked(GL_INVALID_OPERATION);
	} else {
		uint8_t *w = glsc_begin(ctx, GLS_OP_glDrawElementsIndirect, 16);
		if (w) {
			w = gls_put_u32(w, mode);
			w = gls_put_u32(w, type);
			gls_put_i64(w, (int64_t)(uintptr_t)indirect);
		}
	}
	glsc_gl_leave();
}
