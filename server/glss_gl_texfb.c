/* OpenGL ES 3.1 multisample textures in the worker: glTexStorage2DMultisample
 * counted against --max-gl-memory (samples, rounded up to a power of two,
 * times a texel, as multisample renderbuffers) and zeroed through the
 * worker's own framebuffer. The queries of this group (glGetMultisamplefv,
 * glGetTexLevelParameter*v, glGetFramebufferParameteriv, glGetBooleani_v)
 * are in glss_gl_query.c with the other getters. */
#include "glss_framebuffers.h"
#include "glss_gl_generated.h"
#include "glss_memory.h"

/* wire glTexStorage2DMultisample: u32 target, i32 samples,
 *   u32 internalformat, i32 width, i32 height, u32 fixedsamplelocations */
void glss_exec_glTexStorage2DMultisample(struct glss_worker *w, struct gls_reader *r)
{
	GLenum target = gls_get_u32(r);
	GLsizei samples = gls_get_i32(r);
	GLenum internalformat = gls_get_u32(r);
	GLsizei width = gls_get_i32(r), height = gls_get_i32(r);
	GLboolean fixed = gls_get_u32(r) != 0;
	if (!gls_reader_done(r) || !glss_check_enums_glTexStorage2DMultisample(w, target, internalformat))
		return;
	glss_collect_driver_error(w);
	if (!glss_texture_multisample_reserve(w, GL_TEXTURE_BINDING_2D_MULTISAMPLE, samples, internalformat, width,
					      height))
		return;
	glTexStorage2DMultisample(target, samples, internalformat, width, height, fixed);
	bool ok = glss_driver_error(w) == GL_NO_ERROR;
	glss_texture_storage_done(w, ok);
	if (!ok)
		return;
	GLint texture = 0;
	glGetIntegerv(GL_TEXTURE_BINDING_2D_MULTISAMPLE, &texture);
	glss_clear_attachable(w->current, target, (GLuint)texture, internalformat);
}
