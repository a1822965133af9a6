/* OpenGL ES 3.0 program state the worker answers or guards (es3 vertex,
 * docs/es3.md): the ES 3.0 pnames of programs and vertex attributes, and
 * program binaries. glstream offers no program binary format: a driver
 * parsing binaries a client made is attack surface (docs/security.md), so
 * every binary is refused before the driver reads a byte of it, and none
 * is handed out. The draws are in glss_gl_draw.c. */
#include "glss_gl_vertex3.h"

#include "glss_gl_generated.h"
#include "gls_wire.h"

#define V(pname, count) {pname, count, GLSS_GET_NOT_NAMES, 0}

static const struct glss_get_pname glss_vertex3_program_pnames[] = {
	V(GL_ACTIVE_UNIFORM_BLOCKS, 1),
	V(GL_ACTIVE_UNIFORM_BLOCK_MAX_NAME_LENGTH, 1),
	V(GL_TRANSFORM_FEEDBACK_BUFFER_MODE, 1),
	V(GL_TRANSFORM_FEEDBACK_VARYINGS, 1),
	V(GL_TRANSFORM_FEEDBACK_VARYING_MAX_LENGTH, 1),
	V(GL_PROGRAM_BINARY_RETRIEVABLE_HINT, 1),
	V(GL_PROGRAM_BINARY_LENGTH, 1), /* answered 0 by glss_exec_glGetProgramiv */
};

static const struct glss_get_pname glss_vertex3_attrib_pnames[] = {
	V(GL_VERTEX_ATTRIB_ARRAY_INTEGER, 1),
	V(GL_VERTEX_ATTRIB_ARRAY_DIVISOR, 1),
};

/* the capabilities of this group, as glGet* state */
static const struct glss_get_pname glss_vertex3_state_pnames[] = {
	V(GL_PRIMITIVE_RESTART_FIXED_INDEX, 1),
	V(GL_RASTERIZER_DISCARD, 1),
};

const struct glss_get_pname *glss_vertex3_pname(enum glss_get_family family, GLenum pname)
{
	const struct glss_get_pname *table = NULL;
	size_t count = 0;
	if (family == GLSS_GET_STATE) {
		table = glss_vertex3_state_pnames;
		count = sizeof(glss_vertex3_state_pnames) / sizeof(*table);
	} else if (family == GLSS_GET_PROGRAM) {
		table = glss_vertex3_program_pnames;
		count = sizeof(glss_vertex3_program_pnames) / sizeof(*table);
	} else if (family == GLSS_GET_VERTEX_ATTRIB) {
		table = glss_vertex3_attrib_pnames;
		count = sizeof(glss_vertex3_attrib_pnames) / sizeof(*table);
	}
	for (size_t i = 0; i < count; i++)
		if (table[i].pname == pname)
			return &table[i];
	return NULL;
}

bool glss_vertex3_no_binary_formats(const struct glss_worker *w, GLenum pname)
{
	return (pname == GL_NUM_PROGRAM_BINARY_FORMATS || pname == GL_PROGRAM_BINARY_FORMATS) &&
	       glss_advertised(w, GLS_EXT_BIT(GL_ES_VERSION_3_0));
}

size_t glss_vertex3_uniform_type_values(GLenum type)
{
	switch (type) {
	case GL_UNSIGNED_INT:
	case GL_SAMPLER_3D: case GL_SAMPLER_2D_SHADOW: case GL_SAMPLER_2D_ARRAY: case GL_SAMPLER_2D_ARRAY_SHADOW:
	case GL_SAMPLER_CUBE_SHADOW: case GL_INT_SAMPLER_2D: case GL_INT_SAMPLER_3D: case GL_INT_SAMPLER_CUBE:
	case GL_INT_SAMPLER_2D_ARRAY: case GL_UNSIGNED_INT_SAMPLER_2D: case GL_UNSIGNED_INT_SAMPLER_3D:
	case GL_UNSIGNED_INT_SAMPLER_CUBE: case GL_UNSIGNED_INT_SAMPLER_2D_ARRAY:
		return 1;
	case GL_UNSIGNED_INT_VEC2: return 2;
	case GL_UNSIGNED_INT_VEC3: return 3;
	case GL_UNSIGNED_INT_VEC4: return 4;
	case GL_FLOAT_MAT2x3: case GL_FLOAT_MAT3x2: return 6;
	case GL_FLOAT_MAT2x4: case GL_FLOAT_MAT4x2: return 8;
	case GL_FLOAT_MAT3x4: case GL_FLOAT_MAT4x3: return 12;
	default: return 0;
	}
}

/* The driver's verdict on a program name, as glGetProgramiv & co give it:
 * GL_INVALID_VALUE for no object, GL_INVALID_OPERATION for a shader. */
static GLenum glss_program_error(GLuint program)
{
	if (glIsProgram(program))
		return GL_NO_ERROR;
	return glIsShader(program) ? GL_INVALID_OPERATION : GL_INVALID_VALUE;
}

/* wire glGetProgramBinary: u32 program, i32 bufSize -> reply: u32 1 when
 *   *length = 0 is written, else 0. As a driver without any binary format
 *   (Mesa's order): the program's errors, a negative bufSize, then
 *   GL_INVALID_OPERATION with a length of 0. */
void glss_exec_glGetProgramBinary(struct glss_worker *w, struct gls_reader *r)
{
	GLuint program = gls_get_u32(r);
	GLsizei buf_size = gls_get_i32(r);
	if (!gls_reader_done(r) || !glss_name_map(w, GLS_OBJ_SHADER_PROGRAM, GLSS_NAME_USE, &program))
		return;
	GLenum error = glss_program_error(program);
	if (error == GL_NO_ERROR && buf_size < 0)
		error = GL_INVALID_VALUE;
	if (error != GL_NO_ERROR) {
		glss_set_error(w, error);
		glss_reply_scalar(w, 0);
		return;
	}
	glss_set_error(w, GL_INVALID_OPERATION);
	glss_reply_scalar(w, 1);
}

/* wire glProgramBinary: u32 program, u32 binaryFormat, i32 length. The
 * driver gets the call with a format it cannot know (0) and no bytes: it
 * judges the program and length, refuses the format with GL_INVALID_ENUM
 * and leaves the program unlinked, as for any format it does not list,
 * without reading a binary. */
void glss_exec_glProgramBinary(struct glss_worker *w, struct gls_reader *r)
{
	GLuint program = gls_get_u32(r);
	GLenum format = gls_get_u32(r);
	GLsizei length = gls_get_i32(r);
	if (!gls_reader_done(r) || !glss_name_map(w, GLS_OBJ_SHADER_PROGRAM, GLSS_NAME_USE, &program))
		return;
	(void)format; /* no format is valid: the driver sees one it has none of */
	static const uint8_t nothing[4];
	glProgramBinary(program, GL_NONE, nothing, length < 0 ? length : 0);
}
