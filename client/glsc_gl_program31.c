/* OpenGL ES 3.1 programs (es3.1 program, docs/es3.md): the program
 * interface queries, and the client side of separate shader objects in
 * core (the same objects as EXT_separate_shader_objects'; the core
 * getters and glCreateShaderProgramv share the extension's code in
 * glsc_gl_query.c). Every query is a round trip; answers are bounded by
 * the application's bufSize before they are stored. */
#include <string.h>

#include "glsc_gl.h"
#include "glsc_gl_generated.h"
#include "gls_extensions.h"
#include "gls_log.h"
#include "gls_opcodes.h"
#include "gls_wire.h"

#define GLSC_ES31 GLS_EXT_BIT(GL_ES_VERSION_3_1)
/* The largest propCount a command carries (props are 4 bytes each). */
#define GLSC_MAX_PROPS ((GLS_MAX_MESSAGE - 128) / 4)

void glsc_glGenProgramPipelines(GLsizei n, GLuint *pipelines)
{
	struct glsc_context *ctx = glsc_gl_enter_offered(GLSC_ES31);
	if (!ctx)
		return;
	if (n < 0)
		glsc_set_error_locked(GL_INVALID_VALUE);
	else
		glsc_names_generate(ctx, GLS_OBJ_PROGRAM_PIPELINE, n, pipelines);
	glsc_gl_leave();
}

void glsc_glDeleteProgramPipelines(GLsizei n, const GLuint *pipelines)
{
	struct glsc_context *ctx = glsc_gl_enter_offered(GLSC_ES31);
	if (!ctx)
		return;
	if (n < 0)
		glsc_set_error_locked(GL_INVALID_VALUE);
	else
		glsc_names_delete(ctx, GLS_OBJ_PROGRAM_PIPELINE, n, pipelines);
	glsc_gl_leave();
}

/* A name the application never generated is no pipeline; in a context
 * not offered ES 3.1 the encoder raises GL_INVALID_OPERATION. */
bool glsc_hook_glIsProgramPipeline(GLuint pipeline, GLboolean *result)
{
	struct glsc_context *ctx = glsc_current_context();
	if (!ctx || !(ctx->info.advertised & GLSC_ES31))
		return true;
	if (!glsc_name_known(ctx, GLS_OBJ_PROGRAM_PIPELINE, pipeline)) {
		*result = GL_FALSE;
		return false;
	}
	return true;
}

/* wire glGetProgramInterfaceiv: u32 program, u32 interface, u32 pname
 *   -> reply: u32 count (0 or 1), count x i32 */
void glsc_glGetProgramInterfaceiv(GLuint program, GLenum programInterface, GLenum pname, GLint *params)
{
	struct glsc_context *ctx = glsc_gl_enter_offered(GLSC_ES31);
	if (!ctx)
		return;
	uint8_t *w = glsc_begin(ctx, GLS_OP_glGetProgramInterfaceiv, 12);
	const uint8_t *reply;
	size_t size;
	if (w) {
		w = gls_put_u32(w, glsc_name_use(ctx, GLS_OBJ_SHADER_PROGRAM, program));
		w = gls_put_u32(w, programInterface);
		gls_put_u32(w, pname);
	}
	if (w && glsc_wait_reply(ctx, &reply, &size)) {
		struct gls_reader r;
		gls_reader_init(&r, reply, size);
		uint32_t count = gls_get_u32(&r);
		const uint8_t *value = gls_take(&r, 4 * (size_t)(count <= 1 ? count : 0));
		if (!gls_reader_done(&r) || count > 1)
			gls_error("malformed reply to glGetProgramInterfaceiv (%zu bytes)", size);
		else if (count && params)
			memcpy(params, value, 4);
	}
	glsc_gl_leave();
}

/* wire glGetProgramResourceName: u32 program, u32 interface, u32 index,
 *   i32 bufSize -> reply: u32 ok, u32 length + the characters (no NUL) */
void glsc_glGetProgramResourceName(GLuint program, GLenum programInterface, GLuint index, GLsizei bufSize,
				   GLsizei *length, GLchar *name)
{
	struct glsc_context *ctx = glsc_gl_enter_offered(GLSC_ES31);
	if (!ctx)
		return;
	uint8_t *w = glsc_begin(ctx, GLS_OP_glGetProgramResourceName, 16);
	const uint8_t *reply;
	size_t size;
	if (w) {
		w = gls_put_u32(w, glsc_name_use(ctx, GLS_OBJ_SHADER_PROGRAM, program));
		w = gls_put_u32(w, programInterface);
		w = gls_put_u32(w, index);
		gls_put_i32(w, bufSize);
	}
	if (w && glsc_wait_reply(ctx, &reply, &size)) {
		struct gls_reader r;
		gls_reader_init(&r, reply, size);
		uint32_t ok = gls_get_u32(&r);
		uint32_t len;
		const void *text = gls_get_blob(&r, &len);
		if (!gls_reader_done(&r) || !glsc_text_fits(len, bufSize))
			gls_error("malformed reply to glGetProgramResourceName (%zu bytes)", size);
		else if (ok)
			glsc_store_text(text, len, name ? bufSize : 0, length, name);
	}
	glsc_gl_leave();
}

/* wire glGetProgramResourceiv: u32 program, u32 interface, u32 index,
 *   i32 propCount, u32 n + n x u32 props (n = max(propCount, 0)),
 *   i32 bufSize -> reply: u32 ok, i32 length (the driver's), u32 count
 *   (min(length, bufSize)) + count x i32, (count + 31) / 32 x u32: bit i
 *   set when the driver wrote value i (Mesa leaves some unwritten; only
 *   written values are stored, as natively) */
void glsc_glGetProgramResourceiv(GLuint program, GLenum programInterface, GLuint index, GLsizei propCount,
				 const GLenum *props, GLsizei count, GLsizei *length, GLint *params)
{
	/* the driver would read propCount properties from props: a NULL
	 * array is refused as a bad count, a list no command holds as one
	 * the driver could not allocate */
	if (propCount > 0 && !props) {
		glsc_set_error(GL_INVALID_VALUE);
		return;
	}
	if (propCount > (GLsizei)GLSC_MAX_PROPS) {
		glsc_set_error(GL_OUT_OF_MEMORY);
		return;
	}
	struct glsc_context *ctx = glsc_gl_enter_offered(GLSC_ES31);
	if (!ctx)
		return;
	uint32_t n = propCount > 0 ? (uint32_t)propCount : 0;
	uint8_t *w = glsc_begin(ctx, GLS_OP_glGetProgramResourceiv, 24 + 4 * (size_t)n);
	const uint8_t *reply;
	size_t size;
	if (w) {
		w = gls_put_u32(w, glsc_name_use(ctx, GLS_OBJ_SHADER_PROGRAM, program));
		w = gls_put_u32(w, programInterface);
		w = gls_put_u32(w, index);
		w = gls_put_i32(w, propCount);
		w = gls_put_u32(w, n);
		w = gls_put_bytes(w, props, 4 * (size_t)n);
		gls_put_i32(w, count);
	}
	if (w && glsc_wait_reply(ctx, &reply, &size)) {
		struct gls_reader r;
		gls_reader_init(&r, reply, size);
		uint32_t ok = gls_get_u32(&r);
		GLsizei written = gls_get_i32(&r);
		uint32_t values_count = gls_get_u32(&r);
		/* the worker gives the driver 65536 values at most (docs/security.md) */
		uint32_t room = count <= 0 ? 0 : count > 65536 ? 65536 : (uint32_t)count;
		uint32_t expected = written <= 0 ? 0 : (uint32_t)written < room ? (uint32_t)written : room;
		bool sane = values_count == expected;
		const uint8_t *values = gls_take(&r, sane ? 4 * (size_t)values_count : 0);
		const uint8_t *masks = gls_take(&r, sane ? 4 * (size_t)((values_count + 31) / 32) : 0);
		if (!gls_reader_done(&r) || !sane || written < 0) {
			gls_error("malformed reply to glGetProgramResourceiv (%zu bytes)", size);
		} else if (ok) {
			for (uint32_t i = 0; i < values_count && params; i++)
				if (masks[4 * (i / 32) + (i % 32) / 8] & (1u << (i % 8)))
					memcpy(params + i, values + 4 * (size_t)i, 4);
			if (length)
				*length = written;
		}
	}
	glsc_gl_leave();
}
