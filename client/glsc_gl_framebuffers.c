/* OpenGL ES 3.0 framebuffer and sampler commands whose arguments travel
 * through pointers: glClearBuffer*, glGetInternalformativ, sampler objects
 * and their parameters. The rest of the group (glBlitFramebuffer,
 * glDrawBuffers, glInvalidate*, ...) is generated. */
#include <string.h>

#include "glsc_gl.h"
#include "glsc_tex32.h"
#include "gls_extensions.h"
#include "glsc_gl_generated.h"
#include "glsc_stream.h"
#include "gls_log.h"
#include "gls_wire.h"

/* Most values one of these getters writes: GL_SAMPLES lists a sample
 * count or a few; the worker answers at most this many. */
#define GLSC_MAX_INTERNALFORMAT_VALUES 32u

static struct glsc_context *glsc_enter_es3(void)
{
	return glsc_gl_enter_offered(GLS_EXT_BIT(GL_ES_VERSION_3_0));
}

/* Waits for a getter's reply `u32 count, count x 4-byte values` and copies
 * at most max values to out. Returns the count (0: the driver raised an
 * error and out is untouched, or the server is gone). */
static uint32_t glsc_fb_get_reply(struct glsc_context *ctx, uint16_t opcode, void *out, uint32_t max)
{
	const uint8_t *reply;
	size_t size;
	if (!glsc_wait_reply(ctx, &reply, &size))
		return 0;
	struct gls_reader r;
	gls_reader_init(&r, reply, size);
	uint32_t count = gls_get_u32(&r);
	if (r.bad || count > max || size != 4 + 4 * (size_t)count) {
		gls_error("malformed reply to %s (%zu bytes)", gls_opcode_name(opcode), size);
		return 0;
	}
	if (count && out)
		memcpy(out, reply + 4, 4 * (size_t)count);
	return count;
}

/* ---- glClearBuffer* ---- */

/* Values a glClearBuffer* form reads for `buffer`: 4 for a colour buffer,
 * 1 for the one other buffer the form clears (`single`), else 0 (the
 * worker raises GL_INVALID_ENUM without reading any). */
static uint32_t glsc_clear_buffer_values(GLenum buffer, GLenum single)
{
	return buffer == GL_COLOR ? 4 : buffer == single && single != GL_NONE ? 1 : 0;
}

/* wire glClearBufferiv / uiv / fv: u32 buffer, i32 drawbuffer, u32 count,
 *   count x 4-byte values */
static void glsc_clear_buffer(uint16_t opcode, GLenum buffer, GLint drawbuffer, const void *value, GLenum single)
{
	struct glsc_context *ctx = glsc_enter_es3();
	if (!ctx)
		return;
	uint32_t count = glsc_clear_buffer_values(buffer, single);
	uint8_t *w = glsc_begin(ctx, opcode, 12 + 4 * (size_t)count);
	if (w) {
		w = gls_put_u32(w, buffer);
		w = gls_put_i32(w, drawbuffer);
		w = gls_put_u32(w, count);
		gls_put_bytes(w, value, 4 * (size_t)count);
	}
	glsc_gl_leave();
}

void glsc_glClearBufferiv(GLenum buffer, GLint drawbuffer, const GLint *value)
{
	glsc_clear_buffer(GLS_OP_glClearBufferiv, buffer, drawbuffer, value, GL_STENCIL);
}

void glsc_glClearBufferuiv(GLenum buffer, GLint drawbuffer, const GLuint *value)
{
	glsc_clear_buffer(GLS_OP_glClearBufferuiv, buffer, drawbuffer, value, GL_NONE);
}

void glsc_glClearBufferfv(GLenum buffer, GLint drawbuffer, const GLfloat *value)
{
	glsc_clear_buffer(GLS_OP_glClearBufferfv, buffer, drawbuffer, value, GL_DEPTH);
}

/* ---- glGetInternalformativ ---- */

/* wire: u32 target, u32 internalformat, u32 pname, i32 bufSize
 *   -> reply: u32 count (at most bufSize), count x i32 */
void glsc_glGetInternalformativ(GLenum target, GLenum internalformat, GLenum pname, GLsizei count, GLint *params)
{
	struct glsc_context *ctx = glsc_enter_es3();
	if (!ctx)
		return;
	uint8_t *w = glsc_begin(ctx, GLS_OP_glGetInternalformativ, 16);
	if (w) {
		w = gls_put_u32(w, target);
		w = gls_put_u32(w, internalformat);
		w = gls_put_u32(w, pname);
		gls_put_i32(w, count);
		uint32_t max = count < 0 ? 0 : (uint32_t)count;
		glsc_fb_get_reply(ctx, GLS_OP_glGetInternalformativ, params,
				  max < GLSC_MAX_INTERNALFORMAT_VALUES ? max : GLSC_MAX_INTERNALFORMAT_VALUES);
	}
	glsc_gl_leave();
}

/* ---- sampler objects (shared, named by the client like textures) ---- */

void glsc_glGenSamplers(GLsizei count, GLuint *samplers)
{
	struct glsc_context *ctx = glsc_enter_es3();
	if (!ctx)
		return;
	if (count < 0)
		glsc_set_error_locked(GL_INVALID_VALUE);
	else
		glsc_names_generate(ctx, GLS_OBJ_SAMPLER, count, samplers);
	glsc_gl_leave();
}

void glsc_glDeleteSamplers(GLsizei count, const GLuint *samplers)
{
	struct glsc_context *ctx = glsc_enter_es3();
	if (!ctx)
		return;
	if (count < 0)
		glsc_set_error_locked(GL_INVALID_VALUE);
	else
		glsc_names_delete(ctx, GLS_OBJ_SAMPLER, count, samplers);
	glsc_gl_leave();
}

/* glIsSampler: a name the application never created is no sampler. */
bool glsc_hook_glIsSampler(GLuint sampler, GLboolean *result)
{
	struct glsc_context *ctx = glsc_current_context();
	if (!ctx || !glsc_name_known(ctx, GLS_OBJ_SAMPLER, sampler)) {
		*result = GL_FALSE;
		return false;
	}
	return true;
}

/* wire glSamplerParameteriv / fv, es3.2 tex32: Iiv / Iuiv: u32 sampler,
 * u32 pname, 4-byte values: one, four for the border colour in an ES 3.2
 * context (the worker refuses other pnames before reading) */
static void glsc_sampler_parameter(gls_ext_bits version, uint16_t opcode, GLuint sampler, GLenum pname, const void *param)
{
	struct glsc_context *ctx = glsc_gl_enter_offered(version);
	if (!ctx)
		return;
	sampler = glsc_name_use(ctx, GLS_OBJ_SAMPLER, sampler);
	uint32_t count = glsc_tex32_parameter_count(ctx, pname);
	uint8_t *w = glsc_begin(ctx, opcode, 8 + 4 * (size_t)count);
	if (w) {
		w = gls_put_u32(w, sampler);
		w = gls_put_u32(w, pname);
		gls_put_bytes(w, param, 4 * (size_t)count);
	}
	glsc_gl_leave();
}

void glsc_glSamplerParameteriv(GLuint sampler, GLenum pname, const GLint *param)
{
	glsc_sampler_parameter(GLS_EXT_BIT(GL_ES_VERSION_3_0), GLS_OP_glSamplerParameteriv, sampler, pname, param);
}

void glsc_glSamplerParameterfv(GLuint sampler, GLenum pname, const GLfloat *param)
{
	glsc_sampler_parameter(GLS_EXT_BIT(GL_ES_VERSION_3_0), GLS_OP_glSamplerParameterfv, sampler, pname, param);
}

void glsc_glSamplerParameterIiv(GLuint sampler, GLenum pname, const GLint *param)
{
	glsc_sampler_parameter(GLS_EXT_BIT(GL_ES_VERSION_3_2), GLS_OP_glSamplerParameterIiv, sampler, pname, param);
}

void glsc_glSamplerParameterIuiv(GLuint sampler, GLenum pname, const GLuint *param)
{
	glsc_sampler_parameter(GLS_EXT_BIT(GL_ES_VERSION_3_2), GLS_OP_glSamplerParameterIuiv, sampler, pname, param);
}

/* wire glGetSamplerParameteriv / fv, es3.2 tex32: Iiv / Iuiv: u32
 * sampler, u32 pname -> reply: u32 count (0, 1, or 4 for the border
 * colour), count x 4-byte values */
static void glsc_get_sampler_parameter(gls_ext_bits version, uint16_t opcode, GLuint sampler, GLenum pname,
				       void *params)
{
	struct glsc_context *ctx = glsc_gl_enter_offered(version);
	if (!ctx)
		return;
	sampler = glsc_name_use(ctx, GLS_OBJ_SAMPLER, sampler);
	uint8_t *w = glsc_begin(ctx, opcode, 8);
	if (w) {
		w = gls_put_u32(w, sampler);
		gls_put_u32(w, pname);
		glsc_fb_get_reply(ctx, opcode, params, 4);
	}
	glsc_gl_leave();
}

void glsc_glGetSamplerParameteriv(GLuint sampler, GLenum pname, GLint *params)
{
	glsc_get_sampler_parameter(GLS_EXT_BIT(GL_ES_VERSION_3_0), GLS_OP_glGetSamplerParameteriv, sampler, pname,
				   params);
}

void glsc_glGetSamplerParameterfv(GLuint sampler, GLenum pname, GLfloat *params)
{
	glsc_get_sampler_parameter(GLS_EXT_BIT(GL_ES_VERSION_3_0), GLS_OP_glGetSamplerParameterfv, sampler, pname,
				   params);
}

void glsc_glGetSamplerParameterIiv(GLuint sampler, GLenum pname, GLint *params)
{
	glsc_get_sampler_parameter(GLS_EXT_BIT(GL_ES_VERSION_3_2), GLS_OP_glGetSamplerParameterIiv, sampler, pname,
				   params);
}

void glsc_glGetSamplerParameterIuiv(GLuint sampler, GLenum pname, GLuint *params)
{
	glsc_get_sampler_parameter(GLS_EXT_BIT(GL_ES_VERSION_3_2), GLS_OP_glGetSamplerParameterIuiv, sampler, pname,
				   params);
}
