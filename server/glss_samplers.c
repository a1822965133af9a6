/* OpenGL ES 3.0 sampler objects: their parameters, checked to the ES 3.0
 * sets before the driver (an ES 3.2 host would take GL_CLAMP_TO_BORDER and
 * border colours), and their queries. Names are mapped like textures';
 * glBindSampler and glIsSampler are generated. */
#include <string.h>

#include "glss_gl_generated.h"
#include "glss_memory.h"

/* The symbolic value a sampler parameter takes (ES 3.0 3.8.7, 3.8.15): any
 * other is GL_INVALID_ENUM without the driver. A value given as a float is
 * converted to an integer by truncation first, as the driver does.
 * Numeric parameters (LODs, anisotropy) are the driver's to check. */
static bool glss_sampler_value_ok(GLenum pname, double value)
{
	if (!(value > (double)INT32_MIN - 1.0 && value < (double)INT32_MAX + 1.0))
		return pname != GL_TEXTURE_MIN_FILTER && pname != GL_TEXTURE_MAG_FILTER && pname != GL_TEXTURE_WRAP_S &&
		       pname != GL_TEXTURE_WRAP_T && pname != GL_TEXTURE_WRAP_R && pname != GL_TEXTURE_COMPARE_MODE &&
		       pname != GL_TEXTURE_COMPARE_FUNC;
	value = (double)(int64_t)value;
	static const GLenum min_filters[] = {GL_NEAREST, GL_LINEAR, GL_NEAREST_MIPMAP_NEAREST, GL_LINEAR_MIPMAP_NEAREST,
					     GL_NEAREST_MIPMAP_LINEAR, GL_LINEAR_MIPMAP_LINEAR};
	static const GLenum wraps[] = {GL_REPEAT, GL_CLAMP_TO_EDGE, GL_MIRRORED_REPEAT};
	static const GLenum modes[] = {GL_NONE, GL_COMPARE_REF_TO_TEXTURE};
	static const GLenum funcs[] = {GL_NEVER, GL_LESS, GL_EQUAL, GL_LEQUAL, GL_GREATER, GL_NOTEQUAL, GL_GEQUAL, GL_ALWAYS};
	const GLenum *set;
	size_t count;
	switch (pname) {
	case GL_TEXTURE_MIN_FILTER: set = min_filters; count = 6; break;
	case GL_TEXTURE_MAG_FILTER: set = min_filters; count = 2; break;
	case GL_TEXTURE_WRAP_S:
	case GL_TEXTURE_WRAP_T:
	case GL_TEXTURE_WRAP_R: set = wraps; count = 3; break;
	case GL_TEXTURE_COMPARE_MODE: set = modes; count = 2; break;
	case GL_TEXTURE_COMPARE_FUNC: set = funcs; count = 8; break;
	default: return true;
	}
	for (size_t i = 0; i < count; i++)
		if (value == (double)set[i])
			return true;
	return false;
}

/* One parameter, its 4 bytes an integer or a float. */
static void glss_sampler_parameter(struct glss_worker *w, GLuint sampler, GLenum pname, uint32_t bits, bool is_float)
{
	GLint i;
	GLfloat f;
	memcpy(&i, &bits, 4);
	memcpy(&f, &bits, 4);
	if (!glss_valid_SamplerPName(w, pname) ||
	    !glss_sampler_value_ok(pname, is_float ? (double)f : (double)i)) {
		glss_set_error(w, GL_INVALID_ENUM);
		return;
	}
	if (!glss_name_map(w, GLS_OBJ_SAMPLER, GLSS_NAME_USE, &sampler))
		return;
	if (is_float)
		glSamplerParameterfv(sampler, pname, &f);
	else
		glSamplerParameteriv(sampler, pname, &i);
}

/* wire glSamplerParameteri / f / iv / fv: u32 sampler, u32 pname, one
 * 4-byte value (every ES 3.0 sampler parameter has one; the pname is
 * checked before the value is used) */
static void glss_sampler_parameter_cmd(struct glss_worker *w, struct gls_reader *r, bool is_float)
{
	GLuint sampler = gls_get_u32(r);
	GLenum pname = gls_get_u32(r);
	uint32_t bits = gls_get_u32(r);
	if (gls_reader_done(r))
		glss_sampler_parameter(w, sampler, pname, bits, is_float);
}

void glss_exec_glSamplerParameteri(struct glss_worker *w, struct gls_reader *r)
{
	glss_sampler_parameter_cmd(w, r, false);
}

void glss_exec_glSamplerParameteriv(struct glss_worker *w, struct gls_reader *r)
{
	glss_sampler_parameter_cmd(w, r, false);
}

void glss_exec_glSamplerParameterf(struct glss_worker *w, struct gls_reader *r)
{
	glss_sampler_parameter_cmd(w, r, true);
}

void glss_exec_glSamplerParameterfv(struct glss_worker *w, struct gls_reader *r)
{
	glss_sampler_parameter_cmd(w, r, true);
}

/* wire glGetSamplerParameteriv / fv: u32 sampler, u32 pname
 *   -> reply: u32 count (1, or 0 on an error), count x 4-byte values */
static void glss_get_sampler_parameter(struct glss_worker *w, struct gls_reader *r, bool is_float)
{
	GLuint sampler = gls_get_u32(r);
	GLenum pname = gls_get_u32(r);
	if (!gls_reader_done(r))
		return;
	uint32_t value = 0, count = 0;
	if (glss_check_enums_glGetSamplerParameteriv(w, pname)) {
		if (!glss_name_map(w, GLS_OBJ_SAMPLER, GLSS_NAME_USE, &sampler))
			return;
		/* room for more than one value: a driver never writes past it */
		uint32_t out[16] = {0};
		glss_collect_driver_error(w);
		if (is_float)
			glGetSamplerParameterfv(sampler, pname, (GLfloat *)out);
		else
			glGetSamplerParameteriv(sampler, pname, (GLint *)out);
		if (glss_driver_error(w) == GL_NO_ERROR) {
			value = out[0];
			count = 1;
		}
	}
	uint8_t *p = glss_reply_begin(w, 4 + 4 * (size_t)count);
	if (!p)
		return;
	p = gls_put_u32(p, count);
	if (count)
		gls_put_u32(p, value);
}

void glss_exec_glGetSamplerParameteriv(struct glss_worker *w, struct gls_reader *r)
{
	glss_get_sampler_parameter(w, r, false);
}

void glss_exec_glGetSamplerParameterfv(struct glss_worker *w, struct gls_reader *r)
{
	glss_get_sampler_parameter(w, r, true);
}
