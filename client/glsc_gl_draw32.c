/* OpenGL ES 3.2 (es3.2 draw32) in the client: the reset status, the reads
 * bounded by the application's buffer size (glReadnPixels,
 * glGetnUniform*v) and the state only the client knows (GL_CONTEXT_FLAGS).
 * Base vertex draws are glsc_gl_draw.c's. */
#include <string.h>

#include "glsc_gl.h"
#include "glsc_gl_draw32.h"
#include "glsc_gl_generated.h"
#include "glsc_stream.h"
#include "glsc_textures.h"
#include "gls_extensions.h"
#include "gls_log.h"
#include "gls_pixels.h"
#include "gls_wire.h"

/* glstream offers no robust context, so the strategy is
 * GL_NO_RESET_NOTIFICATION (the worker's driver answers it) and a driver
 * would report no reset. The one reset glstream knows is its own: the
 * worker (or the connection) gone, after which every call fails and
 * glGetError reports GL_CONTEXT_LOST once. The application is told here
 * too, once per context, as GL_UNKNOWN_CONTEXT_RESET (the client cannot
 * tell whose fault it was); GL_NO_ERROR otherwise, without a round trip. */
GLenum glsc_glGetGraphicsResetStatus(void)
{
	struct glsc_context *ctx = glsc_current_context();
	if (!ctx)
		return GL_NO_ERROR;
	glsc_lock();
	GLenum status = GL_NO_ERROR;
	if (!(ctx->info.advertised & GLS_EXT_BIT(GL_ES_VERSION_3_2))) {
		if (!glsc_stream_lost())
			glsc_set_error_locked(GL_INVALID_OPERATION); /* not in this context's API */
	} else if (glsc_stream_lost() && !ctx->reset_reported) {
		ctx->reset_reported = true;
		status = GL_UNKNOWN_CONTEXT_RESET;
	}
	glsc_unlock();
	return status;
}

/* GL_CONTEXT_FLAGS: the worker's host context is an ordinary one whatever
 * the application asked; the debug bit is the application's (EGL), and
 * robust access is never offered. */
bool glsc_draw32_state_local(struct glsc_context *ctx, GLenum pname, GLint *value)
{
	if (!ctx->info_loaded || !(ctx->info.advertised & GLS_EXT_BIT(GL_ES_VERSION_3_2)))
		return false;
	switch (pname) {
	case GL_CONTEXT_FLAGS: *value = ctx->debug_context ? GL_CONTEXT_FLAG_DEBUG_BIT : 0; return true;
	default: return false;
	}
}

/* wire glReadnPixels: i32 x, i32 y, i32 width, i32 height, u32 format,
 *   u32 type, i32 bufSize, i32 pack row length, i32 pack skip rows,
 *   i32 pack skip pixels -> reply: u32 ok; when 1: i32 dx, i32 dy, i32 cw,
 *   i32 ch, blob (server/glss_gl_draw32.c). The client writes the rows of
 *   the clipped rectangle into the application's layout and checks again
 *   that the last byte is inside bufSize: it never writes past it.
 * With a pixel pack buffer, bufSize is not used (the buffer's size bounds
 * the write, as in Mesa): glReadPixels's path. */
void glsc_glReadnPixels(GLint x, GLint y, GLsizei width, GLsizei height, GLenum format, GLenum type,
			GLsizei bufSize, void *data)
{
	struct glsc_context *ctx = glsc_gl_enter_offered(GLS_EXT_BIT(GL_ES_VERSION_3_2));
	if (!ctx)
		return;
	if (glsc_pixel_buffer(ctx, GL_PIXEL_PACK_BUFFER)) {
		glsc_pack_buffer_read_pixels(ctx, x, y, width, height, format, type, data);
		goto out;
	}
	uint8_t *w = glsc_begin(ctx, GLS_OP_glReadnPixels, 40);
	if (!w)
		goto out;
	w = gls_put_i32(w, x);
	w = gls_put_i32(w, y);
	w = gls_put_i32(w, width);
	w = gls_put_i32(w, height);
	w = gls_put_u32(w, format);
	w = gls_put_u32(w, type);
	w = gls_put_i32(w, bufSize);
	w = gls_put_i32(w, ctx->pack_row_length);
	w = gls_put_i32(w, ctx->pack_skip_rows);
	gls_put_i32(w, ctx->pack_skip_pixels);
	const uint8_t *reply;
	size_t size;
	if (!glsc_wait_reply(ctx, &reply, &size))
		goto out;
	struct gls_reader r;
	gls_reader_init(&r, reply, size);
	if (!gls_get_u32(&r) || r.bad)
		goto out; /* refused: the error is the worker's */
	GLint dx = gls_get_i32(&r), dy = gls_get_i32(&r);
	GLsizei cw = gls_get_i32(&r), ch = gls_get_i32(&r);
	uint32_t len;
	const uint8_t *bytes = gls_get_blob(&r, &len);
	if (!gls_reader_done(&r))
		goto malformed;
	if (!len)
		goto out;
	/* The rows go where an unclipped read puts them (the row length is the
	 * unclipped width when 0; the clipped pixels and rows are skipped),
	 * cut at bufSize: the worker checked Mesa's bound, which may end
	 * before the last row placed so (Mesa writes past bufSize there). */
	const struct gls_pixel_store place = {ctx->pack_alignment, ctx->pack_row_length ? ctx->pack_row_length : width,
					      0, ctx->pack_skip_rows + dy, ctx->pack_skip_pixels + dx, 0};
	struct gls_unpack_layout l;
	if (dx < 0 || dy < 0 || cw <= 0 || ch <= 0 || cw > width || ch > height || dx > width - cw ||
	    dy > height - ch || !gls_pixel_layout(cw, ch, 1, format, type, &place, &l) ||
	    (int64_t)len != gls_image_size(cw, ch, format, type, ctx->pack_alignment))
		goto malformed;
	if (!data || bufSize <= 0)
		goto out;
	int64_t stride = gls_row_stride(cw, format, type, ctx->pack_alignment);
	int64_t row = (int64_t)cw * gls_pixel_size(format, type);
	for (GLsizei i = 0; i < ch; i++) {
		int64_t at = l.offset + (int64_t)i * l.stride;
		if (l.end == GLS_IMAGE_TOO_LARGE || at >= (int64_t)bufSize)
			break;
		int64_t n = (int64_t)bufSize - at < row ? (int64_t)bufSize - at : row;
		memcpy((uint8_t *)data + at, bytes + i * stride, (size_t)n);
	}
	goto out;
malformed:
	gls_error("malformed reply to glReadnPixels (%zu bytes)", size);
out:
	glsc_gl_leave();
}

/* wire glGetnUniformfv / iv / uiv: u32 program, i32 location, i32 bufSize
 *   -> reply: u32 count, count x 4-byte values; the client writes no more
 *   than bufSize bytes whatever the reply says. */
static void glsc_getn_uniform(uint16_t opcode, GLuint program, GLint location, GLsizei bufSize, void *params)
{
	struct glsc_context *ctx = glsc_gl_enter_offered(GLS_EXT_BIT(GL_ES_VERSION_3_2));
	if (!ctx)
		return;
	uint8_t *w = glsc_begin(ctx, opcode, 12);
	if (!w)
		goto out;
	w = gls_put_u32(w, glsc_name_use(ctx, GLS_OBJ_SHADER_PROGRAM, program));
	w = gls_put_i32(w, location);
	gls_put_i32(w, bufSize);
	const uint8_t *reply;
	size_t size;
	if (!glsc_wait_reply(ctx, &reply, &size))
		goto out;
	struct gls_reader r;
	gls_reader_init(&r, reply, size);
	uint32_t count = gls_get_u32(&r);
	uint32_t room = bufSize > 0 ? (uint32_t)bufSize / 4 : 0;
	const uint8_t *values = gls_take(&r, count <= room && count <= 16 ? 4 * (size_t)count : SIZE_MAX);
	if (!gls_reader_done(&r)) {
		gls_error("malformed reply to %s (%zu bytes)", gls_opcode_name(opcode), size);
		goto out;
	}
	if (count && params)
		memcpy(params, values, 4 * (size_t)count);
out:
	glsc_gl_leave();
}

void glsc_glGetnUniformfv(GLuint program, GLint location, GLsizei bufSize, GLfloat *params)
{
	glsc_getn_uniform(GLS_OP_glGetnUniformfv, program, location, bufSize, params);
}

void glsc_glGetnUniformiv(GLuint program, GLint location, GLsizei bufSize, GLint *params)
{
	glsc_getn_uniform(GLS_OP_glGetnUniformiv, program, location, bufSize, params);
}

void glsc_glGetnUniformuiv(GLuint program, GLint location, GLsizei bufSize, GLuint *params)
{
	glsc_getn_uniform(GLS_OP_glGetnUniformuiv, program, location, bufSize, params);
}
