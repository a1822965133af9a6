/* OpenGL ES 3.2 textures (es3.2 tex32) the worker decodes by hand:
 * glCopyImageSubData.
 *
 * The regions are the driver's to check: ES 3.2 18.3.3 makes it raise
 * GL_INVALID_VALUE for any region outside either image (and for levels
 * and names that are not images), and Mesa does before touching memory;
 * the worker mirrors no texture sizes for it. Both images exist as
 * storage the worker zeroed when created (glss_memory.c), and a copy
 * allocates nothing. */
#include "glss_gl_generated.h"
#include "glss_memory.h"

/* wire glCopyImageSubData: u32 srcName, u32 srcTarget, i32 srcLevel, i32
 * srcX, srcY, srcZ, u32 dstName, u32 dstTarget, i32 dstLevel, i32 dstX,
 * dstY, dstZ, i32 srcWidth, srcHeight, srcDepth */
void glss_exec_glCopyImageSubData(struct glss_worker *w, struct gls_reader *r)
{
	GLuint src = gls_get_u32(r);
	GLenum src_target = gls_get_u32(r);
	GLint src_level = gls_get_i32(r), src_x = gls_get_i32(r), src_y = gls_get_i32(r), src_z = gls_get_i32(r);
	GLuint dst = gls_get_u32(r);
	GLenum dst_target = gls_get_u32(r);
	GLint dst_level = gls_get_i32(r), dst_x = gls_get_i32(r), dst_y = gls_get_i32(r), dst_z = gls_get_i32(r);
	GLsizei width = gls_get_i32(r), height = gls_get_i32(r), depth = gls_get_i32(r);
	if (!gls_reader_done(r))
		return;
	/* names as the client mapped them: a renderbuffer's for
	 * GL_RENDERBUFFER, else a texture's (a bad target is the driver's
	 * GL_INVALID_ENUM, whatever the name) */
	if (!glss_name_map(w, src_target == GL_RENDERBUFFER ? GLS_OBJ_RENDERBUFFER : GLS_OBJ_TEXTURE, GLSS_NAME_USE,
			   &src) ||
	    !glss_name_map(w, dst_target == GL_RENDERBUFFER ? GLS_OBJ_RENDERBUFFER : GLS_OBJ_TEXTURE, GLSS_NAME_USE,
			   &dst))
		return;
	glCopyImageSubData(src, src_target, src_level, src_x, src_y, src_z, dst, dst_target, dst_level, dst_x, dst_y,
			   dst_z, width, height, depth);
}
