/* OpenGL ES 3.2 geometry and tessellation shaders in the client (es3.2
 * geomtess; docs/es3.md). The stages are created by the shader commands
 * (glsc_gl_data.c, glsc_gl_query.c), glPatchParameteri is generated and
 * every query is the worker's; the client only needs to know which
 * vertices a patch draw with primitive restart reads, to send those of
 * its client arrays. */
#include "glsc_gl_geomtess.h"

#include "glsc_gl_generated.h"
#include "gls_extensions.h"
#include "gls_wire.h"

bool glsc_restart_applies(struct glsc_context *ctx, GLenum mode)
{
	/* GL_PATCHES is no mode before ES 3.2 (the driver refuses the draw) */
	if (mode != GL_PATCHES || !(ctx->info.advertised & GLS_EXT_BIT(GL_ES_VERSION_3_2)))
		return true;
	if (!ctx->restart_for_patches) {
		/* wire glGetIntegerv: u32 pname -> reply: u32 count, count x i32 */
		const uint8_t *reply;
		size_t size;
		uint8_t *w = glsc_begin(ctx, GLS_OP_glGetIntegerv, 4);
		if (!w)
			return true;
		gls_put_u32(w, GL_PRIMITIVE_RESTART_FOR_PATCHES_SUPPORTED);
		if (!glsc_wait_reply(ctx, &reply, &size))
			return true; /* the server is gone: nothing is drawn */
		struct gls_reader r;
		gls_reader_init(&r, reply, size);
		uint32_t count = gls_get_u32(&r);
		GLint supported = count == 1 ? gls_get_i32(&r) : 0;
		ctx->restart_for_patches = supported ? 1 : -1;
	}
	return ctx->restart_for_patches > 0;
}
