/* Queries (glGet*, object parameters, info logs, active variables) and the
 * commands that pass state through pointers (glTexParameter*v,
 * glShaderBinary; glShaderSource is in glss_shader_source.c). Every sync
 * command gets exactly one reply, also when the driver raised an error.
 *
 * GL leaves a getter's outputs alone when it raises an error, and the
 * client must too: the server tells it how many values the driver really
 * wrote (0 on an error). Host object names in answers are translated back
 * to the client's; a host object the client does not know reads as 0. */
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "glss_get_table.h"
#include "glss_gl_generated.h"
#include "glss_shader_source.h"
#include "glss_gl_vertex3.h"
#include "glss_worker.h"

/* Caps on what a client may make the driver write. */
#define GLSS_MAX_TEXT (1 << 20)          /* bufSize of info logs, sources, names */
#define GLSS_MAX_ATTACHED (1 << 16)      /* maxCount of glGetAttachedShaders */
#define GLSS_MAX_LIST_VALUES (1 << 16)   /* GL_COMPRESSED_TEXTURE_FORMATS and the like */
/* Room given to the driver for any query, more than any pname writes: a
 * driver that knows more than our tables never writes past our buffer. */
#define GLSS_MIN_ROOM 16

/* The host getters, called through one switch so that the write detection
 * below can run any of them twice. */
enum glss_getter {
	GLSS_HOST_BOOLEANV,
	GLSS_HOST_INTEGERV,
	GLSS_HOST_FLOATV,
	GLSS_HOST_TEX_PARAMETERIV,
	GLSS_HOST_TEX_PARAMETERFV,
	GLSS_HOST_BUFFER_PARAMETERIV,
	GLSS_HOST_RENDERBUFFER_PARAMETERIV,
	GLSS_HOST_ATTACHMENT_PARAMETERIV,
	GLSS_HOST_PROGRAMIV,
	GLSS_HOST_SHADERIV,
	GLSS_HOST_UNIFORMFV,
	GLSS_HOST_UNIFORMIV,
	GLSS_HOST_VERTEX_ATTRIBFV,
	GLSS_HOST_VERTEX_ATTRIBIV,
	GLSS_HOST_PROGRAM_PIPELINEIV, /* checked present before use */
	/* es3 state */
	GLSS_HOST_INTEGER64V,
	GLSS_HOST_INTEGERI_V,   /* pname: the target; object: the index */
	GLSS_HOST_INTEGER64I_V,
	GLSS_HOST_QUERYIV,      /* object: the target */
	GLSS_HOST_QUERY_OBJECTUIV,
	/* es3 vertex */
	GLSS_HOST_UNIFORMUIV,
	GLSS_HOST_VERTEX_ATTRIBIIV,
	GLSS_HOST_VERTEX_ATTRIBIUIV,
	/* es3.1 texfb */
	GLSS_HOST_MULTISAMPLEFV,        /* object: the index */
	GLSS_HOST_TEX_LEVEL_PARAMETERIV, /* object: the target; arg: the level */
	GLSS_HOST_TEX_LEVEL_PARAMETERFV,
	GLSS_HOST_FRAMEBUFFER_PARAMETERIV, /* object: the target */
	GLSS_HOST_BOOLEANI_V,           /* pname: the target; object: the index */

	/* es3.1 program */
	GLSS_HOST_PROGRAM_PIPELINEIV_CORE, /* checked present before use */
	GLSS_HOST_PROGRAM_INTERFACEIV,     /* object: the program; arg: the interface */
	/* es3.2 tex32 */
	GLSS_HOST_TEX_PARAMETERIIV,
	GLSS_HOST_TEX_PARAMETERIUIV,
};

struct glss_get_call {
	enum glss_getter fn;
	GLuint object; /* target, program, shader or attribute index */
	GLint arg;     /* attachment, or uniform location */
	GLenum pname;
};

static void glss_get_run(const struct glss_get_call *c, void *out)
{
	switch (c->fn) {
	case GLSS_HOST_BOOLEANV: glGetBooleanv(c->pname, out); break;
	case GLSS_HOST_INTEGERV: glGetIntegerv(c->pname, out); break;
	case GLSS_HOST_FLOATV: glGetFloatv(c->pname, out); break;
	case GLSS_HOST_TEX_PARAMETERIV: glGetTexParameteriv(c->object, c->pname, out); break;
	case GLSS_HOST_TEX_PARAMETERFV: glGetTexParameterfv(c->object, c->pname, out); break;
	case GLSS_HOST_BUFFER_PARAMETERIV: glGetBufferParameteriv(c->object, c->pname, out); break;
	case GLSS_HOST_RENDERBUFFER_PARAMETERIV: glGetRenderbufferParameteriv(c->object, c->pname, out); break;
	case GLSS_HOST_ATTACHMENT_PARAMETERIV:
		glGetFramebufferAttachmentParameteriv(c->object, (GLenum)c->arg, c->pname, out);
		break;
	case GLSS_HOST_PROGRAMIV: glGetProgramiv(c->object, c->pname, out); break;
	case GLSS_HOST_SHADERIV: glGetShaderiv(c->object, c->pname, out); break;
	case GLSS_HOST_UNIFORMFV: glGetUniformfv(c->object, c->arg, out); break;
	case GLSS_HOST_UNIFORMIV: glGetUniformiv(c->object, c->arg, out); break;
	case GLSS_HOST_VERTEX_ATTRIBFV: glGetVertexAttribfv(c->object, c->pname, out); break;
	case GLSS_HOST_VERTEX_ATTRIBIV: glGetVertexAttribiv(c->object, c->pname, out); break;
	case GLSS_HOST_PROGRAM_PIPELINEIV: glss_ext.glGetProgramPipelineivEXT(c->object, c->pname, out); break;
	case GLSS_HOST_INTEGER64V: glGetInteger64v(c->pname, out); break;
	case GLSS_HOST_INTEGERI_V: glGetIntegeri_v(c->pname, c->object, out); break;
	case GLSS_HOST_INTEGER64I_V: glGetInteger64i_v(c->pname, c->object, out); break;
	case GLSS_HOST_QUERYIV: glGetQueryiv(c->object, c->pname, out); break;
	case GLSS_HOST_QUERY_OBJECTUIV: glGetQueryObjectuiv(c->object, c->pname, out); break;
	case GLSS_HOST_UNIFORMUIV: glGetUniformuiv(c->object, c->arg, out); break;
	case GLSS_HOST_VERTEX_ATTRIBIIV: glGetVertexAttribIiv(c->object, c->pname, out); break;
	case GLSS_HOST_VERTEX_ATTRIBIUIV: glGetVertexAttribIuiv(c->object, c->pname, out); break;
	case GLSS_HOST_MULTISAMPLEFV: glGetMultisamplefv(c->pname, c->object, out); break;
	case GLSS_HOST_TEX_LEVEL_PARAMETERIV: glGetTexLevelParameteriv(c->object, c->arg, c->pname, out); break;
	case GLSS_HOST_TEX_LEVEL_PARAMETERFV: glGetTexLevelParameterfv(c->object, c->arg, c->pname, out); break;
	case GLSS_HOST_FRAMEBUFFER_PARAMETERIV: glGetFramebufferParameteriv(c->object, c->pname, out); break;
	case GLSS_HOST_BOOLEANI_V: glGetBooleani_v(c->pname, c->object, out); break;

	case GLSS_HOST_PROGRAM_PIPELINEIV_CORE: glss_ext.glGetProgramPipelineiv(c->object, c->pname, out); break;
	case GLSS_HOST_PROGRAM_INTERFACEIV:
		glss_ext.glGetProgramInterfaceiv(c->object, (GLenum)c->arg, c->pname, out);
		break;
	case GLSS_HOST_TEX_PARAMETERIIV: glGetTexParameterIiv(c->object, c->pname, out); break;
	case GLSS_HOST_TEX_PARAMETERIUIV: glGetTexParameterIuiv(c->object, c->pname, out); break;
	}
}

/* The bytes of one value, in memory and on the wire (booleans: 4 there). */
static size_t glss_getter_size(enum glss_getter fn)
{
	switch (fn) {
	case GLSS_HOST_BOOLEANV:
	case GLSS_HOST_BOOLEANI_V: return sizeof(GLboolean);
	case GLSS_HOST_INTEGER64V:
	case GLSS_HOST_INTEGER64I_V: return sizeof(GLint64);
	default: return 4;
	}
}

static size_t glss_wire_size(enum glss_getter fn)
{
	return glss_getter_size(fn) == 8 ? 8 : 4;
}

/* An integer the worker decided, converted as the getter's type. */
static void glss_store_int(enum glss_getter fn, uint8_t *out, size_t i, GLint64 v)
{
	GLint iv = (GLint)v;
	GLfloat f = (GLfloat)v;
	switch (glss_getter_size(fn)) {
	case 1: out[i] = v != 0; break;
	case 8: memcpy(out + 8 * i, &v, 8); break;
	default:
		memcpy(out + 4 * i,
		       fn == GLSS_HOST_FLOATV || fn == GLSS_HOST_TEX_LEVEL_PARAMETERFV ? (const void *)&f : (const void *)&iv,
		       4);
		break;
	}
}

/* The integer getter of the same query, to read object names exactly. */
static enum glss_getter glss_integer_getter(enum glss_getter fn)
{
	switch (fn) {
	case GLSS_HOST_BOOLEANV:
	case GLSS_HOST_FLOATV: return GLSS_HOST_INTEGERV;
	case GLSS_HOST_TEX_PARAMETERFV: return GLSS_HOST_TEX_PARAMETERIV;
	case GLSS_HOST_UNIFORMFV: return GLSS_HOST_UNIFORMIV;
	case GLSS_HOST_VERTEX_ATTRIBFV: return GLSS_HOST_VERTEX_ATTRIBIV;
	case GLSS_HOST_INTEGER64V: return GLSS_HOST_INTEGERV;
	case GLSS_HOST_INTEGER64I_V: return GLSS_HOST_INTEGERI_V;
	case GLSS_HOST_BOOLEANI_V: return GLSS_HOST_INTEGERI_V;
	case GLSS_HOST_TEX_LEVEL_PARAMETERFV: return GLSS_HOST_TEX_LEVEL_PARAMETERIV;
	default: return fn;
	}
}

static bool glss_is_fill(const uint8_t *value, size_t size, uint8_t fill)
{
	for (size_t i = 0; i < size; i++)
		if (value[i] != fill)
			return false;
	return true;
}

/* Runs a getter into room values (at least GLSS_MIN_ROOM) and returns how
 * many it wrote: the index of the last value written + 1, 0 when it raised
 * an error. A failing getter writes nothing, so a value still holding the
 * fill pattern is checked by a second call over another pattern: written
 * values come out the same both times. That second call raises the same
 * error again, which GL keeps in the one flag per error code it already set.
 * *values (valid until the next scratch use) holds the values, those the
 * driver did not write zeroed. */
static size_t glss_get_checked(struct glss_worker *w, const struct glss_get_call *c, size_t room, uint8_t **values)
{
	size_t size = glss_getter_size(c->fn);
	if (room < GLSS_MIN_ROOM)
		room = GLSS_MIN_ROOM;
	size_t bytes = room * size;
	uint8_t *a = glss_scratch(w, 2 * bytes);
	*values = a;
	if (!a)
		return 0;
	uint8_t *b = a + bytes;
	memset(a, 0xa5, bytes);
	glss_get_run(c, a);
	bool unsure = false;
	for (size_t i = 0; i < room && !unsure; i++)
		unsure = glss_is_fill(a + i * size, size, 0xa5);
	if (unsure) {
		memset(b, 0x5a, bytes);
		glss_get_run(c, b);
	}
	size_t written = 0;
	for (size_t i = 0; i < room; i++) {
		uint8_t *v = a + i * size;
		if (!glss_is_fill(v, size, 0xa5) || memcmp(v, b + i * size, size) == 0)
			written = i + 1;
		else
			memset(v, 0, size);
	}
	return written;
}

/* Replies u32 count, then count 4-byte values (booleans widened to u32;
 * 64-bit getters: 8-byte values). */
static void glss_reply_values(struct glss_worker *w, enum glss_getter fn, const uint8_t *values, size_t count)
{
	uint8_t *p = glss_reply_begin(w, 4 + glss_wire_size(fn) * count);
	if (!p)
		return;
	p = gls_put_u32(p, (uint32_t)count);
	for (size_t i = 0; i < count; i++) {
		uint32_t v;
		if (glss_getter_size(fn) == 8) {
			int64_t v64;
			memcpy(&v64, values + 8 * i, 8);
			p = gls_put_i64(p, v64);
			continue;
		}
		if (glss_getter_size(fn) == 1)
			v = values[i] ? GL_TRUE : GL_FALSE;
		else
			memcpy(&v, values + 4 * i, 4);
		p = gls_put_u32(p, v);
	}
}

/* A query whose one value names an object of `type` (GLS_OBJ_COUNT: of no
 * kind the client has): read it as an integer, translate it, convert it. */
static void glss_get_name(struct glss_worker *w, const struct glss_get_call *c, enum gls_object_type type)
{
	struct glss_get_call ic = *c;
	ic.fn = glss_integer_getter(c->fn);
	uint8_t *values;
	if (!glss_get_checked(w, &ic, 1, &values)) {
		glss_reply_values(w, c->fn, NULL, 0);
		return;
	}
	GLint host;
	memcpy(&host, values, 4);
	GLuint client = 0;
	if (type != GLS_OBJ_COUNT)
		glss_name_unmap(w, type, (GLuint)host, &client);
	uint8_t value[8];
	glss_store_int(c->fn, value, 0, client);
	glss_reply_values(w, c->fn, value, 1);
}

/* The kind of object GL_FRAMEBUFFER_ATTACHMENT_OBJECT_NAME names here. */
static enum gls_object_type glss_attached_type(struct glss_worker *w, const struct glss_get_call *c)
{
	struct glss_get_call tc = *c;
	tc.pname = GL_FRAMEBUFFER_ATTACHMENT_OBJECT_TYPE;
	uint8_t *values;
	GLint type = GL_NONE;
	if (glss_get_checked(w, &tc, 1, &values))
		memcpy(&type, values, 4);
	return type == GL_TEXTURE ? GLS_OBJ_TEXTURE : type == GL_RENDERBUFFER ? GLS_OBJ_RENDERBUFFER : GLS_OBJ_COUNT;
}

/* GL_COMPRESSED_TEXTURE_FORMATS and its count: the host's formats this
 * client may use. Those of OpenGL ES 3 (ETC2, EAC) are the host's but not
 * ours: glCompressedTexImage2D refuses them here, so they are not listed. */
static void glss_get_compressed_formats(struct glss_worker *w, const struct glss_get_call *c)
{
	GLint n = 0;
	glGetIntegerv(GL_NUM_COMPRESSED_TEXTURE_FORMATS, &n);
	n = n < 0 ? 0 : n > GLSS_MAX_LIST_VALUES ? GLSS_MAX_LIST_VALUES : n;
	/* room for the driver's list, then for the answer */
	GLint *formats = glss_scratch(w, 4 * ((size_t)n + GLSS_MIN_ROOM) + 8 * ((size_t)n + 1));
	if (!formats)
		return;
	if (n)
		glGetIntegerv(GL_COMPRESSED_TEXTURE_FORMATS, formats);
	size_t kept = 0;
	for (GLint i = 0; i < n; i++)
		if (glss_valid_CompressedTextureFormat(w, (GLenum)formats[i]))
			formats[kept++] = formats[i];
	uint8_t *out = (uint8_t *)(formats + n + GLSS_MIN_ROOM);
	bool list = c->pname == GL_COMPRESSED_TEXTURE_FORMATS;
	size_t count = list ? kept : 1;
	for (size_t i = 0; i < count; i++)
		glss_store_int(c->fn, out, i, list ? formats[i] : (GLint)kept);
	glss_reply_values(w, c->fn, out, count);
}

/* Answers a query of `family` with all the values of its pname. */
static void glss_get(struct glss_worker *w, enum glss_get_family family, const struct glss_get_call *c)
{
	const struct glss_get_pname *info = glss_get_pname_lookup(family, c->pname);
	uint8_t *values = NULL;
	/* es3 vertex: program and attribute pnames of ES 3.0; no program
	 * binary format (glss_gl_vertex3.c) */
	if (!info)
		info = glss_vertex3_pname(family, c->pname);
	if (family == GLSS_GET_STATE && glss_vertex3_no_binary_formats(w, c->pname)) {
		const uint8_t zero[8] = {0}; /* one value of any getter, GLint64 included */
		glss_reply_values(w, c->fn, zero, c->pname == GL_NUM_PROGRAM_BINARY_FORMATS ? 1 : 0);
		return;
	}
	/* A pname of another API (ES 3.x) or of an extension not advertised
	 * to this client never reaches the driver. */
	if (!info || !glss_valid_AnyEnum(w, c->pname)) {
		glss_set_error(w, GL_INVALID_ENUM);
		glss_reply_values(w, c->fn, NULL, 0);
		return;
	}
	if (family == GLSS_GET_STATE &&
	    (c->pname == GL_COMPRESSED_TEXTURE_FORMATS || c->pname == GL_NUM_COMPRESSED_TEXTURE_FORMATS)) {
		glss_get_compressed_formats(w, c);
		return;
	}
	/* es3 state: glstream offers no program binary format, whatever the host has */
	if (family == GLSS_GET_STATE && c->pname == GL_NUM_PROGRAM_BINARY_FORMATS) {
		uint8_t zero[8] = {0};
		glss_reply_values(w, c->fn, zero, 1);
		return;
	}
	if (family == GLSS_GET_STATE && c->pname == GL_PROGRAM_BINARY_FORMATS) {
		glss_reply_values(w, c->fn, NULL, 0);
		return;
	}
	if (info->names == GLSS_GET_ATTACHED_OBJECT) {
		glss_get_name(w, c, glss_attached_type(w, c));
		return;
	}
	if (info->names != GLSS_GET_NOT_NAMES) {
		glss_get_name(w, c, (enum gls_object_type)info->names);
		return;
	}
	size_t count = info->count;
	if (!count) {
		GLint n = 0;
		glGetIntegerv(info->count_pname, &n);
		count = n < 0 ? 0 : n > GLSS_MAX_LIST_VALUES ? GLSS_MAX_LIST_VALUES : (size_t)n;
		if (!count) { /* an empty list: nothing to write, nothing to fail */
			glss_reply_values(w, c->fn, NULL, 0);
			return;
		}
	}
	size_t written = glss_get_checked(w, c, count, &values);
	glss_reply_values(w, c->fn, values, written ? count : 0);
}

/* ---- glGet{Boolean,Integer,Float}v ---- */

/* wire: u32 pname -> reply: u32 count, count x 4-byte values */
static void glss_get_state(struct glss_worker *w, struct gls_reader *r, enum glss_getter fn)
{
	GLenum pname = gls_get_u32(r);
	if (!gls_reader_done(r))
		return;
	struct glss_get_call c = {.fn = fn, .pname = pname};
	glss_get(w, GLSS_GET_STATE, &c);
}

void glss_exec_glGetBooleanv(struct glss_worker *w, struct gls_reader *r)
{
	glss_get_state(w, r, GLSS_HOST_BOOLEANV);
}

void glss_exec_glGetIntegerv(struct glss_worker *w, struct gls_reader *r)
{
	glss_get_state(w, r, GLSS_HOST_INTEGERV);
}

void glss_exec_glGetFloatv(struct glss_worker *w, struct gls_reader *r)
{
	glss_get_state(w, r, GLSS_HOST_FLOATV);
}

/* ---- es3 state: 64-bit, indexed and query state ---- */

/* wire: u32 pname -> reply: u32 count, count x i64 */
void glss_exec_glGetInteger64v(struct glss_worker *w, struct gls_reader *r)
{
	glss_get_state(w, r, GLSS_HOST_INTEGER64V);
}

/* wire: u32 target, u32 index -> reply: u32 count, count x i32 (i64) */
static void glss_get_indexed(struct glss_worker *w, struct gls_reader *r, enum glss_getter fn)
{
	GLenum target = gls_get_u32(r);
	GLuint index = gls_get_u32(r);
	if (!gls_reader_done(r))
		return;
	struct glss_get_call c = {.fn = fn, .object = index, .pname = target};
	glss_get(w, GLSS_GET_INDEXED, &c);
}

void glss_exec_glGetIntegeri_v(struct glss_worker *w, struct gls_reader *r)
{
	glss_get_indexed(w, r, GLSS_HOST_INTEGERI_V);
}

void glss_exec_glGetInteger64i_v(struct glss_worker *w, struct gls_reader *r)
{
	glss_get_indexed(w, r, GLSS_HOST_INTEGER64I_V);
}

/* wire: u32 target, u32 pname -> reply: u32 count, count x i32 (a query
 * name of this context) */
void glss_exec_glGetQueryiv(struct glss_worker *w, struct gls_reader *r)
{
	GLenum target = gls_get_u32(r);
	GLenum pname = gls_get_u32(r);
	if (!gls_reader_done(r))
		return;
	if (!glss_valid_QueryTarget(w, target)) {
		glss_set_error(w, GL_INVALID_ENUM);
		glss_reply_values(w, GLSS_HOST_QUERYIV, NULL, 0);
		return;
	}
	struct glss_get_call c = {.fn = GLSS_HOST_QUERYIV, .object = target, .pname = pname};
	glss_get(w, GLSS_GET_QUERY, &c);
}

/* wire: u32 query, u32 pname -> reply: u32 count, count x u32. Waits in
 * the driver for GL_QUERY_RESULT. The driver judges the query (unknown,
 * never begun or active: GL_INVALID_OPERATION) before the pname, so a bad
 * pname is first tried against the query with a valid one. */
void glss_exec_glGetQueryObjectuiv(struct glss_worker *w, struct gls_reader *r)
{
	GLuint query = gls_get_u32(r);
	GLenum pname = gls_get_u32(r);
	if (!gls_reader_done(r))
		return;
	if (!glss_name_map(w, GLS_OBJ_QUERY, GLSS_NAME_USE, &query))
		return;
	struct glss_get_call c = {.fn = GLSS_HOST_QUERY_OBJECTUIV, .object = query, .pname = pname};
	if (!glss_get_pname_lookup(GLSS_GET_QUERY_OBJECT, pname)) {
		struct glss_get_call probe = c;
		probe.pname = GL_QUERY_RESULT_AVAILABLE;
		uint8_t *values;
		if (glss_get_checked(w, &probe, 1, &values)) /* else the driver raised its error */
			glss_set_error(w, GL_INVALID_ENUM);
		glss_reply_values(w, c.fn, NULL, 0);
		return;
	}
	glss_get(w, GLSS_GET_QUERY_OBJECT, &c);
}

/* ---- es3.1 texfb: indexed booleans, sample positions, level parameters ---- */

/* wire glGetBooleani_v: u32 target, u32 index -> reply: u32 count, count x u32 */
void glss_exec_glGetBooleani_v(struct glss_worker *w, struct gls_reader *r)
{
	glss_get_indexed(w, r, GLSS_HOST_BOOLEANI_V);
}

/* wire glGetMultisamplefv: u32 pname, u32 index -> reply: u32 count,
 *   count x f32 (the driver checks the index against the framebuffer's
 *   samples) */
void glss_exec_glGetMultisamplefv(struct glss_worker *w, struct gls_reader *r)
{
	GLenum pname = gls_get_u32(r);
	GLuint index = gls_get_u32(r);
	if (!gls_reader_done(r))
		return;
	struct glss_get_call c = {.fn = GLSS_HOST_MULTISAMPLEFV, .object = index, .pname = pname};
	glss_get(w, GLSS_GET_MULTISAMPLE, &c);
}

/* wire glGetTexLevelParameteriv / fv: u32 target, i32 level, u32 pname
 *   -> reply: u32 count, count x 4-byte values (the driver checks the level) */
static void glss_get_tex_level_parameter(struct glss_worker *w, struct gls_reader *r, enum glss_getter fn)
{
	GLenum target = gls_get_u32(r);
	GLint level = gls_get_i32(r);
	GLenum pname = gls_get_u32(r);
	if (!gls_reader_done(r))
		return;
	if (!glss_check_enums_glGetTexLevelParameteriv(w, target)) {
		glss_reply_values(w, fn, NULL, 0);
		return;
	}
	struct glss_get_call c = {.fn = fn, .object = target, .arg = level, .pname = pname};
	glss_get(w, GLSS_GET_TEX_LEVEL_PARAMETER, &c);
}

void glss_exec_glGetTexLevelParameteriv(struct glss_worker *w, struct gls_reader *r)
{
	glss_get_tex_level_parameter(w, r, GLSS_HOST_TEX_LEVEL_PARAMETERIV);
}

void glss_exec_glGetTexLevelParameterfv(struct glss_worker *w, struct gls_reader *r)
{
	glss_get_tex_level_parameter(w, r, GLSS_HOST_TEX_LEVEL_PARAMETERFV);
}

/* ---- errors and strings ---- */

/* wire: (none) -> reply: u32 error. glstream's own error came first. */
void glss_exec_glGetError(struct glss_worker *w, struct gls_reader *r)
{
	if (!gls_reader_done(r))
		return;
	GLenum error;
	struct glss_context *c = w->current;
	if (c && c->pending_error != GL_NO_ERROR) {
		error = c->pending_error;
		c->pending_error = GL_NO_ERROR;
	} else {
		error = glGetError();
	}
	glss_reply_i32(w, error);
}

/* ---- object parameters: wire u32 target/object, u32 pname ->
 *      reply: u32 count, count x 4-byte values ---- */

/* The target of a target's parameter query (GL_INVALID_ENUM raised if not). */
static bool glss_get_target_valid(struct glss_worker *w, enum glss_get_family family, GLenum target)
{
	switch (family) {
	case GLSS_GET_TEX_PARAMETER: return glss_check_enums_glGetTexParameteriv(w, target);
	case GLSS_GET_BUFFER_PARAMETER: return glss_check_enums_glGetBufferParameteriv(w, target);
	case GLSS_GET_RENDERBUFFER_PARAMETER: return glss_check_enums_glGetRenderbufferParameteriv(w, target);
	case GLSS_GET_FRAMEBUFFER_PARAMETER: return glss_check_enums_glGetFramebufferParameteriv(w, target);
	default: return true; /* the object is a program, shader or attribute */
	}
}

/* A target's or attribute's parameter (programs, shaders and pipelines
 * have their own, for names and logs). */
static void glss_get_object(struct glss_worker *w, struct gls_reader *r, enum glss_get_family family,
			    enum glss_getter fn)
{
	GLuint object = gls_get_u32(r);
	GLenum pname = gls_get_u32(r);
	if (!gls_reader_done(r))
		return;
	if (!glss_get_target_valid(w, family, object)) {
		glss_reply_values(w, fn, NULL, 0);
		return;
	}
	struct glss_get_call c = {.fn = fn, .object = object, .pname = pname};
	glss_get(w, family, &c);
}

void glss_exec_glGetTexParameterfv(struct glss_worker *w, struct gls_reader *r)
{
	glss_get_object(w, r, GLSS_GET_TEX_PARAMETER, GLSS_HOST_TEX_PARAMETERFV);
}

void glss_exec_glGetTexParameteriv(struct glss_worker *w, struct gls_reader *r)
{
	glss_get_object(w, r, GLSS_GET_TEX_PARAMETER, GLSS_HOST_TEX_PARAMETERIV);
}

/* es3.2 tex32: the border colour as integers, the rest as glGetTexParameteriv */
void glss_exec_glGetTexParameterIiv(struct glss_worker *w, struct gls_reader *r)
{
	glss_get_object(w, r, GLSS_GET_TEX_PARAMETER, GLSS_HOST_TEX_PARAMETERIIV);
}

void glss_exec_glGetTexParameterIuiv(struct glss_worker *w, struct gls_reader *r)
{
	glss_get_object(w, r, GLSS_GET_TEX_PARAMETER, GLSS_HOST_TEX_PARAMETERIUIV);
}

void glss_exec_glGetBufferParameteriv(struct glss_worker *w, struct gls_reader *r)
{
	glss_get_object(w, r, GLSS_GET_BUFFER_PARAMETER, GLSS_HOST_BUFFER_PARAMETERIV);
}

void glss_exec_glGetRenderbufferParameteriv(struct glss_worker *w, struct gls_reader *r)
{
	glss_get_object(w, r, GLSS_GET_RENDERBUFFER_PARAMETER, GLSS_HOST_RENDERBUFFER_PARAMETERIV);
}

/* es3.1 texfb: the default size and samples of a framebuffer without attachments */
void glss_exec_glGetFramebufferParameteriv(struct glss_worker *w, struct gls_reader *r)
{
	glss_get_object(w, r, GLSS_GET_FRAMEBUFFER_PARAMETER, GLSS_HOST_FRAMEBUFFER_PARAMETERIV);
}

/* As glss_get_object, with the log length of a program whose log names
 * renamed identifiers answered for the log the client reads. */
void glss_exec_glGetProgramiv(struct glss_worker *w, struct gls_reader *r)
{
	GLuint object = gls_get_u32(r);
	GLenum pname = gls_get_u32(r);
	if (!gls_reader_done(r))
		return;
	if (!glss_name_map(w, GLS_OBJ_SHADER_PROGRAM, GLSS_NAME_USE, &object))
		return;
	GLint value;
	if (pname == GL_INFO_LOG_LENGTH && glIsProgram(object) && glss_program_log_length(object, &value)) {
		glss_reply_values(w, GLSS_HOST_PROGRAMIV, (const uint8_t *)&value, 1);
		return;
	}
	struct glss_get_call c = {.fn = GLSS_HOST_PROGRAMIV, .object = object, .pname = pname};
	/* es3 vertex: no binary format, so every binary is 0 bytes long; the
	 * driver still judges the program (the same errors as any pname) */
	if (pname == GL_PROGRAM_BINARY_LENGTH && glss_advertised(w, GLS_EXT_BIT(GL_ES_VERSION_3_0))) {
		c.pname = GL_LINK_STATUS;
		uint8_t *values;
		value = 0;
		glss_reply_values(w, GLSS_HOST_PROGRAMIV, (const uint8_t *)&value, glss_get_checked(w, &c, 1, &values) ? 1 : 0);
		return;
	}
	glss_get(w, GLSS_GET_PROGRAM, &c);
}

/* As glss_get_object, with the lengths of a shader whose driver text
 * differs from the client's answered from the client's. */
void glss_exec_glGetShaderiv(struct glss_worker *w, struct gls_reader *r)
{
	GLuint object = gls_get_u32(r);
	GLenum pname = gls_get_u32(r);
	if (!gls_reader_done(r))
		return;
	GLuint client = object;
	if (!glss_name_map(w, GLS_OBJ_SHADER_PROGRAM, GLSS_NAME_USE, &object))
		return;
	GLint value;
	if (glss_shader_length(w, client, object, pname, &value)) {
		glss_reply_values(w, GLSS_HOST_SHADERIV, (const uint8_t *)&value, 1);
		return;
	}
	struct glss_get_call c = {.fn = GLSS_HOST_SHADERIV, .object = object, .pname = pname};
	glss_get(w, GLSS_GET_SHADER, &c);
}

/* wire glGetProgramPipelineivEXT: u32 pipeline, u32 pname -> as above; the
 * programs it names are the client's */
void glss_exec_glGetProgramPipelineivEXT(struct glss_worker *w, struct gls_reader *r)
{
	GLuint pipeline = gls_get_u32(r);
	GLenum pname = gls_get_u32(r);
	if (!gls_reader_done(r))
		return;
	if (!glss_ext.glGetProgramPipelineivEXT) {
		glss_fail(w, "glGetProgramPipelineivEXT is not available");
		return;
	}
	if (!glss_name_map(w, GLS_OBJ_PROGRAM_PIPELINE, GLSS_NAME_USE, &pipeline))
		return;
	struct glss_get_call c = {.fn = GLSS_HOST_PROGRAM_PIPELINEIV, .object = pipeline, .pname = pname};
	glss_get(w, GLSS_GET_PROGRAM_PIPELINE, &c);
}

/* es3.1 program: the core function, the same wire and table (the ES 3.1
 * stages are gated there by their version) */
void glss_exec_glGetProgramPipelineiv(struct glss_worker *w, struct gls_reader *r)
{
	GLuint pipeline = gls_get_u32(r);
	GLenum pname = gls_get_u32(r);
	if (!gls_reader_done(r))
		return;
	if (!glss_ext.glGetProgramPipelineiv) {
		glss_fail(w, "glGetProgramPipelineiv is not available");
		return;
	}
	if (!glss_name_map(w, GLS_OBJ_PROGRAM_PIPELINE, GLSS_NAME_USE, &pipeline))
		return;
	struct glss_get_call c = {.fn = GLSS_HOST_PROGRAM_PIPELINEIV_CORE, .object = pipeline, .pname = pname};
	glss_get(w, GLSS_GET_PROGRAM_PIPELINE, &c);
}

/* es3.1 program: wire glGetProgramInterfaceiv: u32 program, u32 interface,
 *   u32 pname -> reply: u32 count, count x i32. Every pname writes one
 * value. An interface or pname outside the ES sets reaches the driver as
 * 0, so that it raises its own error for it, after those of the program
 * (Mesa: GL_INVALID_OPERATION); it judges the pairs too
 * (GL_MAX_NAME_LENGTH of atomic counter buffers...). */
void glss_exec_glGetProgramInterfaceiv(struct glss_worker *w, struct gls_reader *r)
{
	GLuint program = gls_get_u32(r);
	GLenum interface = gls_get_u32(r);
	GLenum pname = gls_get_u32(r);
	if (!gls_reader_done(r))
		return;
	if (!glss_ext.glGetProgramInterfaceiv) {
		glss_fail(w, "glGetProgramInterfaceiv is not available");
		return;
	}
	if (!glss_valid_ProgramInterfaceES(w, interface))
		interface = 0;
	if (!glss_valid_ProgramInterfacePNameES(w, pname))
		pname = 0;
	if (!glss_name_map(w, GLS_OBJ_SHADER_PROGRAM, GLSS_NAME_USE, &program))
		return;
	struct glss_get_call c = {
		.fn = GLSS_HOST_PROGRAM_INTERFACEIV, .object = program, .arg = (GLint)interface, .pname = pname};
	uint8_t *values;
	size_t written = glss_get_checked(w, &c, 1, &values);
	glss_reply_values(w, c.fn, values, written ? 1 : 0);
}

void glss_exec_glGetVertexAttribfv(struct glss_worker *w, struct gls_reader *r)
{
	glss_get_object(w, r, GLSS_GET_VERTEX_ATTRIB, GLSS_HOST_VERTEX_ATTRIBFV);
}

void glss_exec_glGetVertexAttribiv(struct glss_worker *w, struct gls_reader *r)
{
	glss_get_object(w, r, GLSS_GET_VERTEX_ATTRIB, GLSS_HOST_VERTEX_ATTRIBIV);
}

/* OpenGL ES 3.0 (es3 vertex) */
void glss_exec_glGetVertexAttribIiv(struct glss_worker *w, struct gls_reader *r)
{
	glss_get_object(w, r, GLSS_GET_VERTEX_ATTRIB, GLSS_HOST_VERTEX_ATTRIBIIV);
}

void glss_exec_glGetVertexAttribIuiv(struct glss_worker *w, struct gls_reader *r)
{
	glss_get_object(w, r, GLSS_GET_VERTEX_ATTRIB, GLSS_HOST_VERTEX_ATTRIBIUIV);
}

/* wire: u32 target, u32 attachment, u32 pname -> reply: u32 count, count x i32 */
void glss_exec_glGetFramebufferAttachmentParameteriv(struct glss_worker *w, struct gls_reader *r)
{
	GLenum target = gls_get_u32(r);
	GLenum attachment = gls_get_u32(r);
	GLenum pname = gls_get_u32(r);
	if (!gls_reader_done(r))
		return;
	if (!glss_check_enums_glGetFramebufferAttachmentParameteriv(w, target, attachment)) {
		glss_reply_values(w, GLSS_HOST_ATTACHMENT_PARAMETERIV, NULL, 0);
		return;
	}
	struct glss_get_call c = {
		.fn = GLSS_HOST_ATTACHMENT_PARAMETERIV, .object = target, .arg = (GLint)attachment, .pname = pname};
	glss_get(w, GLSS_GET_ATTACHMENT_PARAMETER, &c);
}

/* ---- uniforms ---- */

/* Values of a uniform of `type`; 0 for a type GLSL ES 1.00 does not have. */
static size_t glss_uniform_type_values(GLenum type)
{
	switch (type) {
	case GL_FLOAT: case GL_INT: case GL_BOOL: case GL_SAMPLER_2D: case GL_SAMPLER_CUBE: return 1;
	case GL_FLOAT_VEC2: case GL_INT_VEC2: case GL_BOOL_VEC2: return 2;
	case GL_FLOAT_VEC3: case GL_INT_VEC3: case GL_BOOL_VEC3: return 3;
	case GL_FLOAT_VEC4: case GL_INT_VEC4: case GL_BOOL_VEC4: case GL_FLOAT_MAT2: return 4;
	case GL_FLOAT_MAT3: return 9;
	case GL_FLOAT_MAT4: return 16;
	default: return glss_vertex3_uniform_type_values(type);
	}
}

/* True when `name` (a uniform's base name) + "[index]" lives at location. */
static bool glss_element_at(GLuint program, char *name, size_t base_len, size_t cap, GLint index, GLint location)
{
	snprintf(name + base_len, cap - base_len, "[%d]", index);
	bool found = glGetUniformLocation(program, name) == location;
	name[base_len] = 0;
	return found;
}

/* The number of values at `location`, from the type of the active uniform
 * (or array element) there; 0 when none is found. Only queries that raise
 * no error are made: the application sees just the driver's answer to its
 * own query. */
static size_t glss_uniform_values(GLuint program, GLint location)
{
	GLint linked = GL_FALSE, active = 0, max_length = 0;
	if (location < 0 || !glIsProgram(program))
		return 0;
	glGetProgramiv(program, GL_LINK_STATUS, &linked);
	if (!linked)
		return 0;
	glGetProgramiv(program, GL_ACTIVE_UNIFORMS, &active);
	glGetProgramiv(program, GL_ACTIVE_UNIFORM_MAX_LENGTH, &max_length);
	if (max_length <= 0)
		return 0;
	size_t cap = (size_t)max_length + 16; /* room for "[index]" */
	char *name = malloc(cap);
	if (!name)
		return 0;
	size_t values = 0;
	/* First the uniforms themselves and the element their locations
	 * suggest (drivers lay arrays out contiguously); then every element. */
	for (int pass = 0; pass < 2 && !values; pass++) {
		for (GLint i = 0; i < active && !values; i++) {
			GLsizei length = 0;
			GLint size = 0;
			GLenum type = 0;
			glGetActiveUniform(program, (GLuint)i, max_length, &length, &size, &type, name);
			if (length <= 0 || length >= max_length)
				continue;
			size_t base_len = (size_t)length;
			if (base_len > 3 && strcmp(name + base_len - 3, "[0]") == 0)
				base_len -= 3; /* arrays are reported as name[0] */
			name[base_len] = 0;
			GLint first = glGetUniformLocation(program, name);
			bool found = false;
			if (pass == 0) {
				found = first == location;
				if (!found && first >= 0 && location > first && location - first < size)
					found = glss_element_at(program, name, base_len, cap, location - first, location);
			} else {
				for (GLint e = 1; e < size && !found; e++)
					found = glss_element_at(program, name, base_len, cap, e, location);
			}
			if (found)
				values = glss_uniform_type_values(type);
		}
	}
	free(name);
	return values;
}

/* wire: u32 program, i32 location -> reply: u32 count, count x 4-byte values */
static void glss_get_uniform(struct glss_worker *w, struct gls_reader *r, enum glss_getter fn)
{
	GLuint program = gls_get_u32(r);
	GLint location = gls_get_i32(r);
	if (!gls_reader_done(r))
		return;
	if (!glss_name_map(w, GLS_OBJ_SHADER_PROGRAM, GLSS_NAME_USE, &program))
		return;
	size_t count = glss_uniform_values(program, location);
	struct glss_get_call c = {.fn = fn, .object = program, .arg = location};
	uint8_t *values;
	size_t written = glss_get_checked(w, &c, GLSS_MIN_ROOM, &values);
	/* a type we do not know: trust what the driver wrote */
	if (!count || count > GLSS_MIN_ROOM)
		count = written;
	glss_reply_values(w, fn, values, written ? count : 0);
}

void glss_exec_glGetUniformfv(struct glss_worker *w, struct gls_reader *r)
{
	glss_get_uniform(w, r, GLSS_HOST_UNIFORMFV);
}

void glss_exec_glGetUniformiv(struct glss_worker *w, struct gls_reader *r)
{
	glss_get_uniform(w, r, GLSS_HOST_UNIFORMIV);
}

/* OpenGL ES 3.0 (es3 vertex) */
void glss_exec_glGetUniformuiv(struct glss_worker *w, struct gls_reader *r)
{
	glss_get_uniform(w, r, GLSS_HOST_UNIFORMUIV);
}

/* ---- strings and lists ---- */

/* bufSize as given to the driver: capped, negative values kept for the
 * driver to reject. */
static GLsizei glss_text_room(GLsizei buf_size)
{
	return buf_size > GLSS_MAX_TEXT ? GLSS_MAX_TEXT : buf_size;
}

/* The length the driver reported, bounded by what it could have written. */
static uint32_t glss_text_length(GLsizei length, GLsizei room)
{
	if (length < 0 || room <= 0)
		return 0;
	return (uint32_t)(length < room ? length : room - 1);
}

enum glss_text { GLSS_PROGRAM_LOG, GLSS_SHADER_LOG, GLSS_SHADER_SOURCE, GLSS_PIPELINE_LOG, GLSS_PIPELINE_LOG_CORE };

/* wire: u32 program, shader or pipeline, i32 bufSize
 *   -> reply: u32 ok, u32 length + the characters written (no NUL) */
static void glss_get_text(struct glss_worker *w, struct gls_reader *r, enum glss_text which)
{
	GLuint object = gls_get_u32(r);
	GLsizei buf_size = gls_get_i32(r);
	if (!gls_reader_done(r))
		return;
	GLuint client = object;
	if ((which == GLSS_PIPELINE_LOG && !glss_ext.glGetProgramPipelineInfoLogEXT) ||
	    (which == GLSS_PIPELINE_LOG_CORE && !glss_ext.glGetProgramPipelineInfoLog)) {
		glss_fail(w, "glGetProgramPipelineInfoLog is not available");
		return;
	}
	enum gls_object_type type = which == GLSS_PIPELINE_LOG || which == GLSS_PIPELINE_LOG_CORE
					    ? GLS_OBJ_PROGRAM_PIPELINE
					    : GLS_OBJ_SHADER_PROGRAM;
	if (!glss_name_map(w, type, GLSS_NAME_USE, &object))
		return;
	GLsizei room = glss_text_room(buf_size);
	char *text = glss_scratch(w, room > 0 ? (size_t)room : 0);
	if (!text)
		return;
	GLsizei length = -1; /* written on success only */
	switch (which) {
	case GLSS_PROGRAM_LOG: glGetProgramInfoLog(object, room, &length, text); break;
	case GLSS_SHADER_LOG: glGetShaderInfoLog(object, room, &length, text); break;
	case GLSS_SHADER_SOURCE: glGetShaderSource(object, room, &length, text); break;
	case GLSS_PIPELINE_LOG: glss_ext.glGetProgramPipelineInfoLogEXT(object, room, &length, text); break;
	case GLSS_PIPELINE_LOG_CORE: glss_ext.glGetProgramPipelineInfoLog(object, room, &length, text); break;
	}
	uint32_t len = glss_text_length(length, room);
	/* the client's text, not the masked one */
	if (length >= 0 && (which == GLSS_SHADER_LOG || which == GLSS_SHADER_SOURCE))
		len = glss_shader_text(w, client, object, which == GLSS_SHADER_LOG, text, room, len);
	else if (length >= 0 && which == GLSS_PROGRAM_LOG)
		len = glss_program_log_text(object, text, room, len);
	uint8_t *p = glss_reply_begin(w, 8 + gls_pad4(len));
	if (!p)
		return;
	p = gls_put_u32(p, length >= 0);
	p = gls_put_u32(p, len);
	gls_put_bytes(p, text, len);
}

void glss_exec_glGetProgramInfoLog(struct glss_worker *w, struct gls_reader *r)
{
	glss_get_text(w, r, GLSS_PROGRAM_LOG);
}

void glss_exec_glGetShaderInfoLog(struct glss_worker *w, struct gls_reader *r)
{
	glss_get_text(w, r, GLSS_SHADER_LOG);
}

void glss_exec_glGetShaderSource(struct glss_worker *w, struct gls_reader *r)
{
	glss_get_text(w, r, GLSS_SHADER_SOURCE);
}

void glss_exec_glGetProgramPipelineInfoLogEXT(struct glss_worker *w, struct gls_reader *r)
{
	glss_get_text(w, r, GLSS_PIPELINE_LOG);
}

void glss_exec_glGetProgramPipelineInfoLog(struct glss_worker *w, struct gls_reader *r)
{
	glss_get_text(w, r, GLSS_PIPELINE_LOG_CORE);
}

/* wire: u32 program, u32 index, i32 bufSize
 *   -> reply: u32 ok, i32 size, u32 type, u32 length + the name's characters (no NUL) */
static void glss_get_active(struct glss_worker *w, struct gls_reader *r, bool uniform)
{
	GLuint program = gls_get_u32(r);
	GLuint index = gls_get_u32(r);
	GLsizei buf_size = gls_get_i32(r);
	if (!gls_reader_done(r))
		return;
	if (!glss_name_map(w, GLS_OBJ_SHADER_PROGRAM, GLSS_NAME_USE, &program))
		return;
	GLsizei room = glss_text_room(buf_size);
	char *name = glss_scratch(w, room > 0 ? (size_t)room : 0);
	if (!name)
		return;
	GLsizei length = -1; /* written on success only */
	GLint size = 0;
	GLenum type = 0;
	if (uniform)
		glGetActiveUniform(program, index, room, &length, &size, &type, name);
	else
		glGetActiveAttrib(program, index, room, &length, &size, &type, name);
	bool ok = length >= 0;
	uint32_t len = glss_text_length(length, room);
	glss_reply_named(w, ok, size, type, name, len);
}

void glss_exec_glGetActiveAttrib(struct glss_worker *w, struct gls_reader *r)
{
	glss_get_active(w, r, false);
}

void glss_exec_glGetActiveUniform(struct glss_worker *w, struct gls_reader *r)
{
	glss_get_active(w, r, true);
}

/* wire: u32 program, i32 maxCount -> reply: u32 ok, u32 count, count x u32 shader */
void glss_exec_glGetAttachedShaders(struct glss_worker *w, struct gls_reader *r)
{
	GLuint program = gls_get_u32(r);
	GLsizei max_count = gls_get_i32(r);
	if (!gls_reader_done(r))
		return;
	if (!glss_name_map(w, GLS_OBJ_SHADER_PROGRAM, GLSS_NAME_USE, &program))
		return;
	GLsizei room = max_count > GLSS_MAX_ATTACHED ? GLSS_MAX_ATTACHED : max_count;
	GLuint *shaders = glss_scratch(w, sizeof(GLuint) * (room > 0 ? (size_t)room : 1));
	if (!shaders)
		return;
	GLsizei count = -1; /* written on success only */
	glGetAttachedShaders(program, room, &count, shaders);
	bool ok = count >= 0;
	size_t n = !ok || room <= 0 ? 0 : count < room ? (size_t)count : (size_t)room;
	uint8_t *p = glss_reply_begin(w, 8 + 4 * n);
	if (!p)
		return;
	p = gls_put_u32(p, ok);
	p = gls_put_u32(p, (uint32_t)n);
	for (size_t i = 0; i < n; i++) {
		GLuint client;
		glss_name_unmap(w, GLS_OBJ_SHADER_PROGRAM, shaders[i], &client);
		p = gls_put_u32(p, client);
	}
}

/* wire: u32 shadertype, u32 precisiontype -> reply: u32 ok, i32 range[2], i32 precision */
void glss_exec_glGetShaderPrecisionFormat(struct glss_worker *w, struct gls_reader *r)
{
	GLenum shader_type = gls_get_u32(r);
	GLenum precision_type = gls_get_u32(r);
	if (!gls_reader_done(r))
		return;
	/* ranges and precisions are small and non-negative: INT_MIN marks
	 * what the driver left alone */
	GLint range[2] = {INT_MIN, INT_MIN}, precision = INT_MIN;
	if (glss_check_enums_glGetShaderPrecisionFormat(w, shader_type, precision_type))
		glGetShaderPrecisionFormat(shader_type, precision_type, range, &precision);
	bool ok = precision != INT_MIN;
	uint8_t *p = glss_reply_begin(w, 16);
	if (!p)
		return;
	p = gls_put_u32(p, ok);
	p = gls_put_i32(p, ok ? range[0] : 0);
	p = gls_put_i32(p, ok ? range[1] : 0);
	gls_put_i32(p, ok ? precision : 0);
}

/* ---- state through pointers ---- */

/* The symbolic value a texture parameter takes (ES 2.0 3.7.4, and
 * OES_EGL_image_external's narrower sets for external textures): anything
 * else is GL_INVALID_ENUM without the driver, which as an ES 3.2 context
 * would take ES 3 values (GL_CLAMP_TO_BORDER...). A value given as a
 * float is converted to an integer first, as the driver does. Non-symbolic parameters (anisotropy)
 * are the driver's to check. */
static bool glss_tex_parameter_value_ok(const struct glss_worker *w, GLenum target, GLenum pname, double value,
					bool round)
{
	static const GLenum min_filters[] = {GL_NEAREST, GL_LINEAR, GL_NEAREST_MIPMAP_NEAREST, GL_LINEAR_MIPMAP_NEAREST,
					     GL_NEAREST_MIPMAP_LINEAR, GL_LINEAR_MIPMAP_LINEAR};
	/* es3.2 tex32: GL_CLAMP_TO_BORDER last, counted in ES 3.2 contexts only */
	static const GLenum wraps[] = {GL_REPEAT, GL_CLAMP_TO_EDGE, GL_MIRRORED_REPEAT, GL_CLAMP_TO_BORDER};
	size_t wrap_count = glss_advertised(w, GLS_EXT_BIT(GL_ES_VERSION_3_2)) ? 4 : 3;
	/* es3 textures: ES 3.0 3.8.7 */
	static const GLenum compare_modes[] = {GL_NONE, GL_COMPARE_REF_TO_TEXTURE};
	static const GLenum compare_funcs[] = {GL_LEQUAL, GL_GEQUAL, GL_LESS, GL_GREATER,
					       GL_EQUAL, GL_NOTEQUAL, GL_ALWAYS, GL_NEVER};
	static const GLenum swizzles[] = {GL_RED, GL_GREEN, GL_BLUE, GL_ALPHA, GL_ZERO, GL_ONE};
	/* es3.1 texfb: stencil texturing (ES 3.1 8.10) */
	static const GLenum depth_stencil_modes[] = {GL_DEPTH_COMPONENT, GL_STENCIL_INDEX};
	const GLenum *set;
	size_t count;
	bool external = target == GL_TEXTURE_EXTERNAL_OES;
	switch (pname) {
	case GL_TEXTURE_WRAP_R:
		set = wraps;
		count = wrap_count;
		break;
	case GL_TEXTURE_COMPARE_MODE:
		set = compare_modes;
		count = 2;
		break;
	case GL_TEXTURE_COMPARE_FUNC:
		set = compare_funcs;
		count = 8;
		break;
	case GL_TEXTURE_SWIZZLE_R:
	case GL_TEXTURE_SWIZZLE_G:
	case GL_TEXTURE_SWIZZLE_B:
	case GL_TEXTURE_SWIZZLE_A:
		set = swizzles;
		count = 6;
		break;
	case GL_DEPTH_STENCIL_TEXTURE_MODE:
		set = depth_stencil_modes;
		count = 2;
		break;
	case GL_TEXTURE_MIN_FILTER:
	case GL_TEXTURE_MAG_FILTER:
		set = min_filters;
		count = pname == GL_TEXTURE_MAG_FILTER || external ? 2 : 6;
		break;
	case GL_TEXTURE_WRAP_S:
	case GL_TEXTURE_WRAP_T:
		set = external ? wraps + 1 : wraps;
		count = external ? 1 : wrap_count;
		break;
	default:
		return true;
	}
	/* es3.1 texfb: Mesa converts a float to an integer before judging it:
	 * glTexParameterf rounds (halves away from zero), glTexParameterfv
	 * truncates (observed with GL_DEPTH_STENCIL_TEXTURE_MODE, swizzles
	 * and filters); integers are unchanged */
	if (!(value > -4e9 && value < 4e9)) /* no enum, NaN included */
		return false;
	value = (double)(int64_t)(round ? (value >= 0 ? value + 0.5 : value - 0.5) : value);
	for (size_t i = 0; i < count; i++)
		if (value == (double)set[i])
			return true;
	return false;
}

/* How the values of a texture parameter command are read. */
enum glss_tex_parameter_form {
	GLSS_TEX_PARAMETER_SCALAR, /* glTexParameteri: one value */
	GLSS_TEX_PARAMETER_SCALAR_FLOAT, /* glTexParameterf: one value, rounded */
	GLSS_TEX_PARAMETER_INT,    /* glTexParameteriv */
	GLSS_TEX_PARAMETER_IINT,   /* es3.2 tex32: glTexParameterIiv */
	GLSS_TEX_PARAMETER_UINT,   /* es3.2 tex32: glTexParameterIuiv */
	GLSS_TEX_PARAMETER_FLOAT,  /* glTexParameterfv */
};

/* The values a vector form carries for pname (es3.2 tex32: four for the
 * border colour in an ES 3.2 context, where the client sends four). */
static uint32_t glss_tex_parameter_count(const struct glss_worker *w, GLenum pname)
{
	return pname == GL_TEXTURE_BORDER_COLOR && glss_advertised(w, GLS_EXT_BIT(GL_ES_VERSION_3_2)) ? 4 : 1;
}

/* wire: u32 target, u32 pname, 4-byte values (no reply): one, or
 * glss_tex_parameter_count() for the vector forms; target and pname were
 * checked before the values were read. */
static void glss_tex_parameter(struct glss_worker *w, GLenum target, GLenum pname, const uint32_t *values,
			       uint32_t count, enum glss_tex_parameter_form form)
{
	union {
		GLfloat f[4];
		GLint i[4];
		GLuint u[4];
	} params = {{0}};
	memcpy(&params, values, 4 * (size_t)count);
	bool is_float = form == GLSS_TEX_PARAMETER_FLOAT || form == GLSS_TEX_PARAMETER_SCALAR_FLOAT;
	bool scalar = form == GLSS_TEX_PARAMETER_SCALAR || form == GLSS_TEX_PARAMETER_SCALAR_FLOAT;
	bool value_ok = glss_tex_parameter_value_ok(w, target, pname, is_float ? (double)params.f[0] : (double)params.i[0],
						     form == GLSS_TEX_PARAMETER_SCALAR_FLOAT);
	/* es3.2 tex32: the border colour has four values, which a scalar form
	 * cannot give (GL_INVALID_ENUM natively) */
	if (!value_ok || (scalar && pname == GL_TEXTURE_BORDER_COLOR)) {
		glss_set_error(w, GL_INVALID_ENUM);
		return;
	}
	switch (form) {
	case GLSS_TEX_PARAMETER_SCALAR_FLOAT: glTexParameterf(target, pname, params.f[0]); break;
	case GLSS_TEX_PARAMETER_FLOAT: glTexParameterfv(target, pname, params.f); break;
	case GLSS_TEX_PARAMETER_UINT: glTexParameterIuiv(target, pname, params.u); break;
	case GLSS_TEX_PARAMETER_IINT: glTexParameterIiv(target, pname, params.i); break;
	case GLSS_TEX_PARAMETER_INT:
	case GLSS_TEX_PARAMETER_SCALAR: glTexParameteriv(target, pname, params.i); break;
	}
}

/* The vector forms: target, pname, then as many values as the pname has. */
static void glss_tex_parameter_vector(struct glss_worker *w, struct gls_reader *r, enum glss_tex_parameter_form form)
{
	GLenum target = gls_get_u32(r), pname = gls_get_u32(r);
	uint32_t count = glss_tex_parameter_count(w, pname);
	uint32_t values[4];
	for (uint32_t i = 0; i < count; i++)
		values[i] = gls_get_u32(r);
	if (gls_reader_done(r) && glss_check_enums_glTexParameteriv(w, target, pname))
		glss_tex_parameter(w, target, pname, values, count, form);
}

void glss_exec_glTexParameterfv(struct glss_worker *w, struct gls_reader *r)
{
	glss_tex_parameter_vector(w, r, GLSS_TEX_PARAMETER_FLOAT);
}

void glss_exec_glTexParameteriv(struct glss_worker *w, struct gls_reader *r)
{
	glss_tex_parameter_vector(w, r, GLSS_TEX_PARAMETER_INT);
}

/* es3.2 tex32: the border colour as integers (the other pnames as glTexParameteriv) */
void glss_exec_glTexParameterIiv(struct glss_worker *w, struct gls_reader *r)
{
	glss_tex_parameter_vector(w, r, GLSS_TEX_PARAMETER_IINT);
}

void glss_exec_glTexParameterIuiv(struct glss_worker *w, struct gls_reader *r)
{
	glss_tex_parameter_vector(w, r, GLSS_TEX_PARAMETER_UINT);
}

/* glTexParameterf / glTexParameteri: one value, as the vector forms' first. */
void glss_exec_glTexParameterf(struct glss_worker *w, struct gls_reader *r)
{
	GLenum target = gls_get_u32(r), pname = gls_get_u32(r);
	uint32_t value = gls_get_u32(r);
	if (gls_reader_done(r) && glss_check_enums_glTexParameterf(w, target, pname))
		glss_tex_parameter(w, target, pname, &value, 1, GLSS_TEX_PARAMETER_SCALAR_FLOAT);
}

void glss_exec_glTexParameteri(struct glss_worker *w, struct gls_reader *r)
{
	GLenum target = gls_get_u32(r), pname = gls_get_u32(r);
	uint32_t value = gls_get_u32(r);
	if (gls_reader_done(r) && glss_check_enums_glTexParameteri(w, target, pname))
		glss_tex_parameter(w, target, pname, &value, 1, GLSS_TEX_PARAMETER_SCALAR);
}

/* wire: i32 count, u32 n + n x u32 shader (n = max(count, 0)), u32 binaryformat,
 *   i32 length, u32 bytes + the binary (bytes = length, or 0 for a NULL binary) */
void glss_exec_glShaderBinary(struct glss_worker *w, struct gls_reader *r)
{
	GLsizei count = gls_get_i32(r);
	int64_t n = gls_array_count(count);
	const uint8_t *ids = gls_get_array(r, 4, n);
	GLenum format = gls_get_u32(r);
	GLsizei length = gls_get_i32(r);
	uint32_t bytes;
	const void *binary = gls_get_blob(r, &bytes);
	if (!gls_reader_done(r))
		return;
	if (bytes && (length < 0 || bytes != (uint32_t)length)) {
		glss_fail(w, "glShaderBinary of %d bytes carries %u", length, bytes);
		return;
	}
	GLuint *shaders = glss_scratch(w, sizeof(GLuint) * (size_t)(n > 0 ? n : 1));
	if (!shaders)
		return;
	struct gls_reader ir;
	gls_reader_init(&ir, ids, 4 * (size_t)n);
	for (int64_t i = 0; i < n; i++) {
		shaders[i] = gls_get_u32(&ir);
		if (!glss_name_map(w, GLS_OBJ_SHADER_PROGRAM, GLSS_NAME_USE, &shaders[i]))
			return;
	}
	glShaderBinary(count, shaders, format, bytes ? binary : NULL, length);
}
