/* OpenGL ES 3.0 sampler objects: their parameters, checked to the ES 3.0
 * sets before the driver (an ES 3.2 host would take GL_CLAMP_TO_BORDER and
 * border colours: es3.2 tex32 allows them in ES 3.2 contexts only), and
 * their queries. Names are mapped like textures';
 * glBindSampler and glIsSampler are generated. */
#include <string.h>

#include "glss_gl_generated.h"
#include "glss_memory.h"

/* The symbolic value a sampler parameter takes (ES 3.0 3.8.7, 3.8.15): any
 * other is GL_INVALID_ENUM without the driver. A value given as a float is
 * converted to an integer by truncation first, as the driver does.
 * Numeric parameters (LODs, anisotropy) are the driver's to check. */
static bool glss_sampler_value_ok(const struct glss_worker *w, GLenum pname, double value)
{
	if (!(value > (double)INT32_MIN - 1.0 && value < (double)INT32_MAX + 1.0))
		return pname != GL_TEXTURE_MIN_FILTER && pname != GL_TEXTURE_MAG_FILTER && pname != GL_TEXTURE_WRAP_S &&
		       pname != GL_TEXTURE_WRAP_T && pname != GL_TEXTURE_WRAP_R && pname != GL_TEXTURE_COMPARE_MODE &&
		       pname != GL_TEXTURE_COMPARE_FUNC;
	value = (double)(int64_t)value;
	static const GLenum min_filters[] = {GL_NEAREST, GL_LINEAR, GL_NEAREST_MIPMAP_NEAREST, GL_LINEAR_MIPMAP_NEAREST,
					     GL_NEAREST_MIPMAP_LINEAR, GL_LINEAR_MIPMAP_LINEAR};
	/* es3.2 tex32: GL_CLAMP_TO_BORDER last, counted in ES 3.2 contexts only */
	static const GLenum wraps[] = {GL_REPEAT, GL_CLAMP_TO_EDGE, GL_MIRRORED_REPEAT, GL_CLAMP_TO_BORDER};
	static const GLenum modes[] = {GL_NONE, GL_COMPARE_REF_TO_TEXTURE};
	static const GLenum funcs[] = {GL_NEVER, GL_LESS, GL_EQUAL, GL_LEQUAL, GL_GREATER, GL_NOTEQUAL, GL_GEQUAL, GL_ALWAYS};
	const GLenum *set;
	size_t count;
	switch (pname) {
	case GL_TEXTURE_MIN_FILTER: set = min_filters; count = 6; break;
	case GL_TEXTURE_MAG_FILTER: set = min_filters; count = 2; break;
	case GL_TEXTURE_WRAP_S:
	case GL_TEXTURE_WRAP_T:
	case GL_TEXTURE_WRAP_R: set = wraps; count = glss_advertised(w, GLS_EXT_BIT(GL_ES_VERSION_3_2)) ? 4 : 3; break;
	case GL_TEXTURE_COMPARE_MODE: set = modes; count = 2; break;
	case GL_TEXTURE_COMPARE_FUNC: set = funcs; count = 8; break;
	default: return true;
	}
	for (size_t i = 0; i < count; i++)
		if (value == (double)set[i])
			return true;
	return false;
}

/* How the values of a sampler parameter command are read and given. */
enum glss_sampler_form {
	GLSS_SAMPLER_SCALAR_INT,   /* glSamplerParameteri */
	GLSS_SAMPLER_SCALAR_FLOAT, /* glSamplerParameterf */
	GLSS_SAMPLER_INT,          /* glSamplerParameteriv */
	GLSS_SAMPLER_FLOAT,        /* glSamplerParameterfv */
	GLSS_SAMPLER_IINT,         /* es3.2 tex32: glSamplerParameterIiv */
	GLSS_SAMPLER_UINT,         /* es3.2 tex32: glSamplerParameterIuiv */
};

/* The values a vector form carries for pname (es3.2 tex32: four for the
 * border colour in an ES 3.2 context, where the client sends four). */
static uint32_t glss_sampler_parameter_count(const struct glss_worker *w, GLenum pname, enum glss_sampler_form form)
{
	bool vector = form != GLSS_SAMPLER_SCALAR_INT && form != GLSS_SAMPLER_SCALAR_FLOAT;
	return vector && pname == GL_TEXTURE_BORDER_COLOR && glss_advertised(w, GLS_EXT_BIT(GL_ES_VERSION_3_2)) ? 4 : 1;
}

/* One parameter, its values integers or floats. */
static void glss_sampler_parameter(struct glss_worker *w, GLuint sampler, GLenum pname, const uint32_t *values,
				   uint32_t count, enum glss_sampler_form form)
{
	union {
		GLfloat f[4];
		GLint i[4];
		GLuint u[4];
	} params = {{0}};
	memcpy(&params, values, 4 * (size_t)count);
	bool is_float = form == GLSS_SAMPLER_SCALAR_FLOAT || form == GLSS_SAMPLER_FLOAT;
	bool scalar = form == GLSS_SAMPLER_SCALAR_INT || form == GLSS_SAMPLER_SCALAR_FLOAT;
	/* a scalar form cannot give the border colour's four values */
	if (!glss_valid_SamplerPName(w, pname) || (scalar && pname == GL_TEXTURE_BORDER_COLOR) ||
	    !glss_sampler_value_ok(w, pname, is_float ? (double)params.f[0] : (double)params.i[0])) {
		glss_set_error(w, GL_INVALID_ENUM);
		return;
	}
	if (!glss_name_map(w, GLS_OBJ_SAMPLER, GLSS_NAME_USE, &sampler))
		return;
	switch (form) {
	case GLSS_SAMPLER_SCALAR_FLOAT:
	case GLSS_SAMPLER_FLOAT: glSamplerParameterfv(sampler, pname, params.f); break;
	case GLSS_SAMPLER_SCALAR_INT:
	case GLSS_SAMPLER_INT: glSamplerParameteriv(sampler, pname, params.i); break;
	case GLSS_SAMPLER_IINT: glSamplerParameterIiv(sampler, pname, params.i); break;
	case GLSS_SAMPLER_UINT: glSamplerParameterIuiv(sampler, pname, params.u); break;
	}
}

/* wire glSamplerParameteri / f / iv / fv / Iiv / Iuiv: u32 sampler, u32
 * pname, 4-byte values: one, or for the vector forms as many as
 * glss_sampler_parameter_count() (the pname is checked before any is
 * used) */
static void glss_sampler_parameter_cmd(struct glss_worker *w, struct gls_reader *r, enum glss_sampler_form form)
{
	GLuint sampler = gls_get_u32(r);
	GLenum pname = gls_get_u32(r);
	uint32_t count = glss_sampler_parameter_count(w, pname, form);
	uint32_t values[4];
	for (uint32_t i = 0; i < count; i++)
		values[i] = gls_get_u32(r);
	if (gls_reader_done(r))
		glss_sampler_parameter(w, sampler, pname, values, count, form);
}

void glss_exec_glSamplerParameteri(struct glss_worker *w, struct gls_reader *r)
{
	glss_sampler_parameter_cmd(w, r, GLSS_SAMPLER_SCALAR_INT);
}

void glss_exec_glSamplerParameteriv(struct glss_worker *w, struct gls_reader *r)
{
	glss_sampler_parameter_cmd(w, r, GLSS_SAMPLER_INT);
}

void glss_exec_glSamplerParameterf(struct glss_worker *w, struct gls_reader *r)
{
	glss_sampler_parameter_cmd(w, r, GLSS_SAMPLER_SCALAR_FLOAT);
}

void glss_exec_glSamplerParameterfv(struct glss_worker *w, struct gls_reader *r)
{
	glss_sampler_parameter_cmd(w, r, GLSS_SAMPLER_FLOAT);
}

void glss_exec_glSamplerParameterIiv(struct glss_worker *w, struct gls_reader *r)
{
	glss_sampler_parameter_cmd(w, r, GLSS_SAMPLER_IINT);
}

void glss_exec_glSamplerParameterIuiv(struct glss_worker *w, struct gls_reader *r)
{
	glss_sampler_parameter_cmd(w, r, GLSS_SAMPLER_UINT);
}

/* wire glGetSamplerParameteriv / fv / Iiv / Iuiv: u32 sampler, u32 pname
 *   -> reply: u32 count (that of the pname: 4 for the border colour, else
 *   1; 0 on an error), count x 4-byte values */
static void glss_get_sampler_parameter(struct glss_worker *w, struct gls_reader *r, enum glss_sampler_form form)
{
	GLuint sampler = gls_get_u32(r);
	GLenum pname = gls_get_u32(r);
	if (!gls_reader_done(r))
		return;
	/* room for more than any pname's values: a driver never writes past it */
	uint32_t out[16] = {0};
	uint32_t count = 0;
	if (glss_check_enums_glGetSamplerParameteriv(w, pname)) {
		if (!glss_name_map(w, GLS_OBJ_SAMPLER, GLSS_NAME_USE, &sampler))
			return;
		glss_collect_driver_error(w);
		switch (form) {
		case GLSS_SAMPLER_FLOAT: glGetSamplerParameterfv(sampler, pname, (GLfloat *)out); break;
		case GLSS_SAMPLER_IINT: glGetSamplerParameterIiv(sampler, pname, (GLint *)out); break;
		case GLSS_SAMPLER_UINT: glGetSamplerParameterIuiv(sampler, pname, (GLuint *)out); break;
		default: glGetSamplerParameteriv(sampler, pname, (GLint *)out); break;
		}
		if (glss_driver_error(w) == GL_NO_ERROR)
			count = pname == GL_TEXTURE_BORDER_COLOR ? 4 : 1;
	}
	uint8_t *p = glss_reply_begin(w, 4 + 4 * (size_t)count);
	if (!p)
		return;
	p = gls_put_u32(p, count);
	for (uint32_t i = 0; i < count; i++)
		p = gls_put_u32(p, out[i]);
}

void glss_exec_glGetSamplerParameteriv(struct glss_worker *w, struct gls_reader *r)
{
	glss_get_sampler_parameter(w, r, GLSS_SAMPLER_INT);
}

void glss_exec_glGetSamplerParameterfv(struct glss_worker *w, struct gls_reader *r)
{
	glss_get_sampler_parameter(w, r, GLSS_SAMPLER_FLOAT);
}

void glss_exec_glGetSamplerParameterIiv(struct glss_worker *w, struct gls_reader *r)
{
	glss_get_sampler_parameter(w, r, GLSS_SAMPLER_IINT);
}

void glss_exec_glGetSamplerParameterIuiv(struct glss_worker *w, struct gls_reader *r)
{
	glss_get_sampler_parameter(w, r, GLSS_SAMPLER_UINT);
}
