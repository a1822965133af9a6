/* OpenGL ES 3.2 (es3.2 draw32): the reads bounded by the application's
 * buffer size (glReadnPixels, glGetnUniform*v). Base vertex draws are
 * glss_gl_draw.c's; the indexed blend state, sample shading and the
 * bounding box are generated commands. */
#include <string.h>

#include "glss_gl_generated.h"
#include "glss_worker.h"
#include "glss_framebuffers.h"
#include "glss_memory.h"
#include "glss_pixels.h"
#include "gls_pixels.h"

/* wire glReadnPixels: i32 x, i32 y, i32 width, i32 height, u32 format,
 *   u32 type, i32 bufSize, i32 pack row length, i32 pack skip rows,
 *   i32 pack skip pixels (the alignment is the host's, sent by
 *   glPixelStorei) -> reply: u32 ok; when 1: i32 dx, i32 dy, i32 cw, i32 ch
 *   (the rectangle left after clipping to the read framebuffer, dx/dy
 *   pixels/rows into the application's), blob of its rows packed with the
 *   alignment.
 * The error is Mesa's: after the other errors and clipping, the bytes from
 * the start of `data` to the end of the last pixel of the *clipped*
 * rectangle laid out with the application's pack state as is (a row
 * length of 0 meaning the clipped width, the skips not moved by the
 * clipping) must fit in bufSize, else GL_INVALID_OPERATION and nothing is
 * written; a negative bufSize is not checked (Mesa takes it as unbounded).
 * The worker computes that end itself (64-bit), so that it never
 * allocates what a client's skips claim. Where the pixels really go (the
 * clipped ones skipped) may end past what was checked: Mesa writes there;
 * the client never writes past bufSize (client/glsc_gl_draw32.c). */
void glss_exec_glReadnPixels(struct glss_worker *w, struct gls_reader *r)
{
	GLint x = gls_get_i32(r), y = gls_get_i32(r);
	GLsizei width = gls_get_i32(r), height = gls_get_i32(r);
	GLenum format = gls_get_u32(r), type = gls_get_u32(r);
	GLsizei buf_size = gls_get_i32(r);
	GLint row_length = gls_get_i32(r), skip_rows = gls_get_i32(r), skip_pixels = gls_get_i32(r);
	if (!gls_reader_done(r) || !glss_client_memory_transfer(w, GL_PIXEL_PACK_BUFFER))
		return;
	if (glss_read_buffer_missing(w)) {
		glss_reply_i32(w, 0);
		return;
	}
	if (row_length < 0 || skip_rows < 0 || skip_pixels < 0) {
		glss_fail(w, "glReadnPixels with a negative pack state");
		return;
	}
	uint8_t scratch[64] = {0};
	if (width < 0 || height < 0) {
		glReadnPixels(x, y, width, height, format, type, (GLsizei)sizeof(scratch), scratch);
		glss_reply_i32(w, 0); /* GL_INVALID_VALUE */
		return;
	}
	GLint alignment = glss_alignment(GL_PACK_ALIGNMENT);
	GLint dx = 0, dy = 0, cx = x, cy = y;
	GLsizei cw = width, ch = height;
	if (!glss_clip_copy(w, &dx, &dy, &cx, &cy, &cw, &ch)) {
		/* size unknown: the driver clips, what it leaves out stays 0 */
		dx = dy = 0, cx = x, cy = y, cw = width, ch = height;
	}
	int64_t size = gls_image_size(cw, ch, format, type, alignment);
	if (size > GLS_MAX_MESSAGE - 64) {
		glss_set_error(w, GL_OUT_OF_MEMORY);
		glss_reply_i32(w, 0);
		return;
	}
	uint8_t *p = glss_reply_begin(w, 24 + (size > 0 ? (size_t)size : 0));
	if (!p)
		return;
	uint8_t *ok = p;
	p = gls_put_u32(p, 1);
	p = gls_put_i32(p, dx);
	p = gls_put_i32(p, dy);
	p = gls_put_i32(p, cw);
	p = gls_put_i32(p, ch);
	p = gls_put_u32(p, size > 0 ? (uint32_t)size : 0);
	if (size > 0)
		memset(p, 0, (size_t)size);
	/* the driver's errors come first (format, type, framebuffer): it reads
	 * the clipped rectangle into the packed reply */
	glss_collect_driver_error(w);
	glReadPixels(cx, cy, size > 0 ? cw : 0, size > 0 ? ch : 0, format, type, size > 0 ? (void *)p : scratch);
	bool refused = glss_driver_error(w) != GL_NO_ERROR;
	if (!refused && size > 0) {
		const struct gls_pixel_store store = {alignment, row_length, 0, skip_rows, skip_pixels, 0};
		struct gls_unpack_layout l;
		if (buf_size >= 0 && (!gls_pixel_layout(cw, ch, 1, format, type, &store, &l) ||
				      l.end == GLS_IMAGE_TOO_LARGE || l.end > (int64_t)buf_size)) {
			glss_set_error(w, GL_INVALID_OPERATION);
			refused = true;
		}
	}
	if (refused)
		gls_put_u32(ok, 0); /* the reply keeps its size; the client writes nothing */
}

/* The values a uniform holds: at most a mat4. */
#define GLSS_UNIFORM_MAX_VALUES 16

/* Runs the host getter of `opcode` with bufSize min(buf_size, a mat4) */
static void glss_getn_uniform_host(uint16_t opcode, GLuint program, GLint location, GLsizei buf_size, void *out)
{
	GLsizei n = buf_size > 4 * GLSS_UNIFORM_MAX_VALUES ? 4 * GLSS_UNIFORM_MAX_VALUES : buf_size;
	if (opcode == GLS_OP_glGetnUniformfv)
		glGetnUniformfv(program, location, n, out);
	else if (opcode == GLS_OP_glGetnUniformiv)
		glGetnUniformiv(program, location, n, out);
	else
		glGetnUniformuiv(program, location, n, out);
}

/* wire glGetnUniformfv / iv / uiv: u32 program, i32 location, i32 bufSize
 *   -> reply: u32 count (0: the driver refused, nothing written), count x
 *   4-byte values. The driver checks bufSize against the uniform's size
 *   (GL_INVALID_OPERATION when too small); it is given at most a mat4's
 *   bytes, which changes no outcome. The values written are found by two
 *   runs over two fill patterns. */
static void glss_getn_uniform(struct glss_worker *w, struct gls_reader *r, uint16_t opcode)
{
	GLuint program = gls_get_u32(r);
	GLint location = gls_get_i32(r);
	GLsizei buf_size = gls_get_i32(r);
	if (!gls_reader_done(r) || !glss_name_map(w, GLS_OBJ_SHADER_PROGRAM, GLSS_NAME_USE, &program))
		return;
	uint32_t a[GLSS_UNIFORM_MAX_VALUES], b[GLSS_UNIFORM_MAX_VALUES];
	memset(a, 0x5a, sizeof(a));
	memset(b, 0xa5, sizeof(b));
	glss_collect_driver_error(w);
	glss_getn_uniform_host(opcode, program, location, buf_size, a);
	uint32_t count = 0;
	if (glss_driver_error(w) == GL_NO_ERROR) {
		glss_getn_uniform_host(opcode, program, location, buf_size, b);
		for (uint32_t i = 0; i < GLSS_UNIFORM_MAX_VALUES; i++)
			if (a[i] != 0x5a5a5a5au || b[i] != 0xa5a5a5a5u)
				count = i + 1;
	}
	uint8_t *p = glss_reply_begin(w, 4 + 4 * (size_t)count);
	if (!p)
		return;
	p = gls_put_u32(p, count);
	for (uint32_t i = 0; i < count; i++)
		p = gls_put_u32(p, a[i]);
}

void glss_exec_glGetnUniformfv(struct glss_worker *w, struct gls_reader *r)
{
	glss_getn_uniform(w, r, GLS_OP_glGetnUniformfv);
}

void glss_exec_glGetnUniformiv(struct glss_worker *w, struct gls_reader *r)
{
	glss_getn_uniform(w, r, GLS_OP_glGetnUniformiv);
}

void glss_exec_glGetnUniformuiv(struct glss_worker *w, struct gls_reader *r)
{
	glss_getn_uniform(w, r, GLS_OP_glGetnUniformuiv);
}

/* ---- the core names of KHR_debug in OpenGL ES 3.2 ----
 * Same wire and the same checks as the extension's commands
 * (glss_gl_debug.c), whose code they run: a driver's core and KHR entry
 * points are one function (Mesa's are), so the worker calls the KHR ones
 * it already resolved. Messages reach the client's callback as with the
 * extension, on the application's thread. glObjectPtrLabel and
 * glGetObjectPtrLabel, which name syncs, are glss_gl_debug.c's. */

void glss_exec_glDebugMessageControl(struct glss_worker *w, struct gls_reader *r)
{
	glss_exec_glDebugMessageControlKHR(w, r);
}

void glss_exec_glDebugMessageInsert(struct glss_worker *w, struct gls_reader *r)
{
	glss_exec_glDebugMessageInsertKHR(w, r);
}

void glss_exec_glDebugMessageCallback(struct glss_worker *w, struct gls_reader *r)
{
	glss_exec_glDebugMessageCallbackKHR(w, r);
}

void glss_exec_glGetDebugMessageLog(struct glss_worker *w, struct gls_reader *r)
{
	glss_exec_glGetDebugMessageLogKHR(w, r);
}

void glss_exec_glPushDebugGroup(struct glss_worker *w, struct gls_reader *r)
{
	glss_exec_glPushDebugGroupKHR(w, r);
}

void glss_exec_glObjectLabel(struct glss_worker *w, struct gls_reader *r)
{
	glss_exec_glObjectLabelKHR(w, r);
}

void glss_exec_glGetObjectLabel(struct glss_worker *w, struct gls_reader *r)
{
	glss_exec_glGetObjectLabelKHR(w, r);
}

void glss_exec_glGetPointerv(struct glss_worker *w, struct gls_reader *r)
{
	glss_exec_glGetPointervKHR(w, r);
}
