/* OpenGL ES 3.2 textures (es3.2 tex32) the client encodes by hand:
 * glCopyImageSubData, whose object names are textures or renderbuffers
 * depending on their targets, and the texture buffer commands, whose
 * buffer names are mapped. */
#include "glsc_gl.h"
#include "gls_extensions.h"
#include "glsc_gl_generated.h"
#include "glsc_stream.h"
#include "gls_wire.h"

/* The kind of object a glCopyImageSubData target names. */
static enum gls_object_type glsc_copy_image_type(GLenum target)
{
	return target == GL_RENDERBUFFER ? GLS_OBJ_RENDERBUFFER : GLS_OBJ_TEXTURE;
}

/* wire glCopyImageSubData: u32 srcName, u32 srcTarget, i32 srcLevel, i32
 * srcX, srcY, srcZ, u32 dstName, u32 dstTarget, i32 dstLevel, i32 dstX,
 * dstY, dstZ, i32 srcWidth, srcHeight, srcDepth (names the client's,
 * mapped as the target says) */
void glsc_glCopyImageSubData(GLuint srcName, GLenum srcTarget, GLint srcLevel, GLint srcX, GLint srcY, GLint srcZ,
			     GLuint dstName, GLenum dstTarget, GLint dstLevel, GLint dstX, GLint dstY, GLint dstZ,
			     GLsizei srcWidth, GLsizei srcHeight, GLsizei srcDepth)
{
	struct glsc_context *ctx = glsc_gl_enter_offered(GLS_EXT_BIT(GL_ES_VERSION_3_2));
	if (!ctx)
		return;
	srcName = glsc_name_use(ctx, glsc_copy_image_type(srcTarget), srcName);
	dstName = glsc_name_use(ctx, glsc_copy_image_type(dstTarget), dstName);
	uint8_t *w = glsc_begin(ctx, GLS_OP_glCopyImageSubData, 15 * 4);
	if (w) {
		w = gls_put_u32(w, srcName);
		w = gls_put_u32(w, srcTarget);
		w = gls_put_i32(w, srcLevel);
		w = gls_put_i32(w, srcX);
		w = gls_put_i32(w, srcY);
		w = gls_put_i32(w, srcZ);
		w = gls_put_u32(w, dstName);
		w = gls_put_u32(w, dstTarget);
		w = gls_put_i32(w, dstLevel);
		w = gls_put_i32(w, dstX);
		w = gls_put_i32(w, dstY);
		w = gls_put_i32(w, dstZ);
		w = gls_put_i32(w, srcWidth);
		w = gls_put_i32(w, srcHeight);
		gls_put_i32(w, srcDepth);
	}
	glsc_gl_leave();
}

/* wire glTexBuffer: u32 target, u32 internalformat, u32 buffer
 * wire glTexBufferRange: the same, then i64 offset, i64 size */
static void glsc_tex_buffer(uint16_t opcode, GLenum target, GLenum internalformat, GLuint buffer, GLintptr offset,
			    GLsizeiptr size)
{
	struct glsc_context *ctx = glsc_gl_enter_offered(GLS_EXT_BIT(GL_ES_VERSION_3_2));
	if (!ctx)
		return;
	bool ranged = opcode == GLS_OP_glTexBufferRange;
	buffer = glsc_name_use(ctx, GLS_OBJ_BUFFER, buffer);
	uint8_t *w = glsc_begin(ctx, opcode, ranged ? 28 : 12);
	if (w) {
		w = gls_put_u32(w, target);
		w = gls_put_u32(w, internalformat);
		w = gls_put_u32(w, buffer);
		if (ranged) {
			w = gls_put_i64(w, (int64_t)offset);
			gls_put_i64(w, (int64_t)size);
		}
	}
	glsc_gl_leave();
}

void glsc_glTexBuffer(GLenum target, GLenum internalformat, GLuint buffer)
{
	glsc_tex_buffer(GLS_OP_glTexBuffer, target, internalformat, buffer, 0, 0);
}

void glsc_glTexBufferRange(GLenum target, GLenum internalformat, GLuint buffer, GLintptr offset, GLsizeiptr size)
{
	glsc_tex_buffer(GLS_OP_glTexBufferRange, target, internalformat, buffer, offset, size);
}
