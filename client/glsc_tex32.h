/* es3.2 tex32: how many values the vector texture and sampler parameter
 * commands carry. The border colour has four in an ES 3.2 context (the
 * worker reads four then); every other pname, and the border colour where
 * it is refused, has one. */
#ifndef GLSC_TEX32_H
#define GLSC_TEX32_H

#include "glsc_gl.h"
#include "gls_extensions.h"

static inline uint32_t glsc_tex32_parameter_count(const struct glsc_context *ctx, GLenum pname)
{
	return pname == GL_TEXTURE_BORDER_COLOR && (ctx->info.advertised & GLS_EXT_BIT(GL_ES_VERSION_3_2)) ? 4 : 1;
}

#endif
