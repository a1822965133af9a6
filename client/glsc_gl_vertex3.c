/* OpenGL ES 3.0 vertex state the client keeps (es3 vertex, docs/es3.md):
 * vertex arrays in core, divisors, primitive restart, and program
 * binaries, of which glstream offers no format (docs/security.md). The
 * draws and attribute pointers are in glsc_gl_draw.c, the getters in
 * glsc_gl_query.c. */
#include "glsc_gl.h"
#include "glsc_gl_generated.h"
#include "glsc_gl_vertex3.h"
#include "glsc_stream.h"
#include "gls_extensions.h"
#include "gls_wire.h"

#define GLSC_ES3 GLS_EXT_BIT(GL_ES_VERSION_3_0)

/* ---- vertex arrays: the names and records of OES_vertex_array_object ---- */

void glsc_glGenVertexArrays(GLsizei n, GLuint *arrays)
{
	struct glsc_context *ctx = glsc_gl_enter_offered(GLSC_ES3);
	if (!ctx)
		return;
	if (n < 0)
		glsc_set_error_locked(GL_INVALID_VALUE);
	else
		glsc_names_generate(ctx, GLS_OBJ_VERTEX_ARRAY, n, arrays);
	glsc_gl_leave();
}

void glsc_glDeleteVertexArrays(GLsizei n, const GLuint *arrays)
{
	struct glsc_context *ctx = glsc_gl_enter_offered(GLSC_ES3);
	if (!ctx)
		return;
	if (n < 0)
		glsc_set_error_locked(GL_INVALID_VALUE);
	else
		glsc_names_delete(ctx, GLS_OBJ_VERTEX_ARRAY, n, arrays);
	glsc_gl_leave();
}

/* An unused name is no vertex array: the driver raises GL_INVALID_OPERATION. */
bool glsc_hook_glBindVertexArray(GLuint array)
{
	return glsc_hook_glBindVertexArrayOES(array);
}

bool glsc_hook_glIsVertexArray(GLuint array, GLboolean *result)
{
	return glsc_hook_glIsVertexArrayOES(array, result);
}

/* Client arrays with a divisor send the elements the instances read. */
bool glsc_hook_glVertexAttribDivisor(GLuint index, GLuint divisor)
{
	struct glsc_context *ctx = glsc_current_context();
	if (!ctx)
		return false;
	if (index < GLSC_MAX_ATTRIBS && (GLint)index < ctx->info.max_vertex_attribs)
		ctx->vertex_array->attribs[index].divisor = divisor;
	return true; /* the driver reports a bad index */
}

/* glEnable / glDisable (glsc_gl_debug.c's hooks): the restart index names
 * no vertex, so client arrays are sent without it. */
void glsc_vertex3_capability(struct glsc_context *ctx, GLenum cap, bool enabled)
{
	if (cap == GL_PRIMITIVE_RESTART_FIXED_INDEX && ctx->info.es_version >= 30)
		ctx->primitive_restart = enabled;
}

/* ---- program binaries ----
 * GL_NUM_PROGRAM_BINARY_FORMATS is 0: the binary bytes never travel. */

/* wire glGetProgramBinary: u32 program, i32 bufSize -> reply: u32 1 when
 *   the driver would have written *length = 0 (GL_INVALID_OPERATION: no
 *   binary format), else 0 */
void glsc_glGetProgramBinary(GLuint program, GLsizei bufSize, GLsizei *length, GLenum *binaryFormat, void *binary)
{
	(void)binaryFormat;
	(void)binary;
	struct glsc_context *ctx = glsc_gl_enter_offered(GLSC_ES3);
	if (!ctx)
		return;
	uint8_t *w = glsc_begin(ctx, GLS_OP_glGetProgramBinary, 8);
	if (w) {
		w = gls_put_u32(w, glsc_name_use(ctx, GLS_OBJ_SHADER_PROGRAM, program));
		gls_put_i32(w, bufSize);
	}
	if (glsc_sync_scalar(ctx, w != NULL) == 1 && length)
		*length = 0;
	glsc_gl_leave();
}

/* wire glProgramBinary: u32 program, u32 binaryFormat, i32 length (the
 *   driver refuses every format before it reads a byte) */
void glsc_glProgramBinary(GLuint program, GLenum binaryFormat, const void *binary, GLsizei length)
{
	(void)binary;
	struct glsc_context *ctx = glsc_gl_enter_offered(GLSC_ES3);
	if (!ctx)
		return;
	uint8_t *w = glsc_begin(ctx, GLS_OP_glProgramBinary, 12);
	if (w) {
		w = gls_put_u32(w, glsc_name_use(ctx, GLS_OBJ_SHADER_PROGRAM, program));
		w = gls_put_u32(w, binaryFormat);
		gls_put_i32(w, length);
	}
	glsc_gl_leave();
}
