/* OpenGL ES 3.1 program interface queries (es3.1 program, docs/es3.md):
 * glGetProgramResourceIndex, glGetProgramResourceLocation,
 * glGetProgramResourceName and glGetProgramResourceiv.
 * (glGetProgramInterfaceiv is a getter of glss_gl_query.c.)
 *
 * Resource names are the application's identifiers: the shader masking
 * (common/gls_shader_mask.h) may have renamed one shaped like a hidden
 * extension's macro, so names asked are masked as the sources were, and
 * names answered are unmasked. The driver writes at most the room it is
 * given, which is the client's bufSize bounded by caps of our own.
 *
 * An interface or property that is not of ES (a desktop one) never
 * reaches the driver: it is replaced by 0, which the driver refuses with
 * its own error at the same place as natively, after its checks of the
 * program, counts and index (the interface: Mesa's GL_INVALID_OPERATION or
 * GL_INVALID_VALUE; a property: GL_INVALID_ENUM, as the ES specification
 * says, where Mesa would answer some desktop properties). */
#include <stdlib.h>
#include <string.h>

#include "glss_gl_generated.h"
#include "glss_memory.h"
#include "glss_shader_source.h"
#include "glss_worker.h"
#include "gls_shader_mask.h"
#include "gls_wire.h"

/* Room for a name (bufSize beyond it is cut: no ES identifier is that
 * long, shader sources being bounded below it). */
#define GLSS_MAX_RESOURCE_NAME 65536
/* Room for glGetProgramResourceiv's values: each property writes one
 * value but GL_ACTIVE_VARIABLES, one per active variable of a block, which
 * the driver's limits keep far below this. */
#define GLSS_MAX_RESOURCE_VALUES 65536

static bool glss_resource_available(struct glss_worker *w, const char *what)
{
	if (glss_ext.glGetProgramResourceiv && glss_ext.glGetProgramResourceName &&
	    glss_ext.glGetProgramResourceIndex && glss_ext.glGetProgramResourceLocation)
		return true;
	glss_fail(w, "%s is not available", what);
	return false;
}

/* wire glGetProgramResourceIndex / glGetProgramResourceLocation: u32
 *   program, u32 interface, string name -> reply scalar */
static void glss_resource_lookup(struct glss_worker *w, struct gls_reader *r, bool location)
{
	GLuint program = gls_get_u32(r);
	GLenum interface = gls_get_u32(r);
	const char *name = glss_get_string(w, r);
	if (!gls_reader_done(r))
		return;
	const char *what = location ? "glGetProgramResourceLocation" : "glGetProgramResourceIndex";
	if (!glss_resource_available(w, what))
		return;
	if (!glss_valid_ProgramInterfaceES(w, interface))
		interface = 0;
	if (!glss_name_map(w, GLS_OBJ_SHADER_PROGRAM, GLSS_NAME_USE, &program))
		return;
	char *masked;
	if (!glss_mask_resource_name(w, name, &masked))
		return;
	const char *asked = masked ? masked : name;
	uint64_t answer = location ? (uint64_t)(uint32_t)glss_ext.glGetProgramResourceLocation(program, interface, asked)
				   : glss_ext.glGetProgramResourceIndex(program, interface, asked);
	free(masked);
	glss_reply_scalar(w, answer);
}

void glss_exec_glGetProgramResourceIndex(struct glss_worker *w, struct gls_reader *r)
{
	glss_resource_lookup(w, r, false);
}

void glss_exec_glGetProgramResourceLocation(struct glss_worker *w, struct gls_reader *r)
{
	glss_resource_lookup(w, r, true);
}

/* The whole name of a resource as the client declared it (malloc'd, not
 * NUL-terminated, *len its length) when the driver's holds a renamed
 * identifier; NULL otherwise. Called after a successful
 * glGetProgramResourceName, so the resource has a name. */
static char *glss_unmasked_resource_name(GLuint program, GLenum interface, GLuint index, size_t *len)
{
	const GLenum prop = GL_NAME_LENGTH;
	GLint full = 0;
	glss_ext.glGetProgramResourceiv(program, interface, index, 1, &prop, 1, NULL, &full);
	if (full <= 1 || full > GLSS_MAX_RESOURCE_NAME)
		return NULL;
	char *name = malloc((size_t)full);
	if (!name)
		return NULL;
	GLsizei written = 0;
	glss_ext.glGetProgramResourceName(program, interface, index, full, &written, name);
	size_t n = written > 0 && written < full ? (size_t)written : 0;
	if (!memmem(name, n, GLS_SHADER_MASK_PREFIX, strlen(GLS_SHADER_MASK_PREFIX))) {
		free(name);
		return NULL;
	}
	*len = gls_shader_unmask(name, n);
	return name;
}

/* wire glGetProgramResourceName: u32 program, u32 interface, u32 index,
 *   i32 bufSize -> reply: u32 ok, u32 length + the characters (no NUL) */
void glss_exec_glGetProgramResourceName(struct glss_worker *w, struct gls_reader *r)
{
	GLuint program = gls_get_u32(r);
	GLenum interface = gls_get_u32(r);
	GLuint index = gls_get_u32(r);
	GLsizei buf_size = gls_get_i32(r);
	if (!gls_reader_done(r))
		return;
	if (!glss_resource_available(w, "glGetProgramResourceName"))
		return;
	if (!glss_valid_ProgramInterfaceES(w, interface))
		interface = 0;
	if (!glss_name_map(w, GLS_OBJ_SHADER_PROGRAM, GLSS_NAME_USE, &program))
		return;
	/* a negative bufSize reaches the driver as is (GL_INVALID_VALUE) */
	GLsizei room = buf_size > GLSS_MAX_RESOURCE_NAME ? GLSS_MAX_RESOURCE_NAME : buf_size;
	char *text = glss_scratch(w, room > 0 ? (size_t)room : 0);
	if (!text)
		return;
	GLsizei length = -1;
	glss_collect_driver_error(w);
	glss_ext.glGetProgramResourceName(program, interface, index, room, &length, text);
	bool ok = glss_driver_error(w) == GL_NO_ERROR && length >= 0;
	uint32_t len = !ok || room <= 0 ? 0 : (uint32_t)(length < room ? length : room - 1);
	size_t whole_len;
	char *whole = ok ? glss_unmasked_resource_name(program, interface, index, &whole_len) : NULL;
	if (whole) {
		len = room <= 0 ? 0 : (uint32_t)(whole_len < (size_t)room - 1 ? whole_len : (size_t)room - 1);
		memcpy(text, whole, len);
		free(whole);
	}
	uint8_t *p = glss_reply_begin(w, 8 + gls_pad4(len));
	if (!p)
		return;
	p = gls_put_u32(p, ok);
	p = gls_put_u32(p, len);
	gls_put_bytes(p, text, len);
}

/* The properties of ES 3.1 (7.3.1.1, table 7.2) and those ES 3.2 adds,
 * each valid only in a context of its version (glss_valid_AnyEnum). */
static bool glss_resource_property(struct glss_worker *w, GLenum prop)
{
	switch (prop) {
	case GL_ACTIVE_VARIABLES: case GL_ARRAY_SIZE: case GL_ARRAY_STRIDE: case GL_ATOMIC_COUNTER_BUFFER_INDEX:
	case GL_BLOCK_INDEX: case GL_BUFFER_BINDING: case GL_BUFFER_DATA_SIZE: case GL_IS_ROW_MAJOR:
	case GL_LOCATION: case GL_MATRIX_STRIDE: case GL_NAME_LENGTH: case GL_NUM_ACTIVE_VARIABLES:
	case GL_OFFSET: case GL_REFERENCED_BY_VERTEX_SHADER: case GL_REFERENCED_BY_FRAGMENT_SHADER:
	case GL_REFERENCED_BY_COMPUTE_SHADER: case GL_TOP_LEVEL_ARRAY_SIZE: case GL_TOP_LEVEL_ARRAY_STRIDE:
	case GL_TYPE:
	/* ES 3.2 */
	case GL_IS_PER_PATCH: case GL_REFERENCED_BY_GEOMETRY_SHADER: case GL_REFERENCED_BY_TESS_CONTROL_SHADER:
	case GL_REFERENCED_BY_TESS_EVALUATION_SHADER:
		return glss_valid_AnyEnum(w, prop);
	default: return false;
	}
}

/* Mesa's glGetProgramResourceiv advances one value per property however
 * many GL_ACTIVE_VARIABLES writes (the next properties overwrite the
 * rest), so it writes past bufSize when that property comes last, and
 * leaves values inside `length` unwritten. The driver is given room for
 * those extra values (the resource's GL_NUM_ACTIVE_VARIABLES, asked
 * first), and the client is told which values were written. */
static size_t glss_resource_slack(GLuint program, GLenum interface, GLuint index, const GLenum *props, uint32_t n)
{
	bool active_variables = false;
	for (uint32_t i = 0; i < n && !active_variables; i++)
		active_variables = props[i] == GL_ACTIVE_VARIABLES;
	if (!active_variables)
		return 0;
	const GLenum prop = GL_NUM_ACTIVE_VARIABLES;
	GLint count = 0;
	glss_ext.glGetProgramResourceiv(program, interface, index, 1, &prop, 1, NULL, &count);
	glGetError(); /* a failure here is the call's own, reported by it */
	return count > 0 && count <= GLSS_MAX_RESOURCE_VALUES ? (size_t)count : 0;
}

static void glss_resource_run(GLuint program, GLenum interface, GLuint index, GLsizei prop_count,
			      const GLenum *props, GLsizei room, GLsizei *length, GLint *values, size_t cap, uint8_t fill)
{
	memset(values, fill, 4 * cap);
	glss_ext.glGetProgramResourceiv(program, interface, index, prop_count, props, room, length, values);
}

/* wire glGetProgramResourceiv: u32 program, u32 interface, u32 index,
 *   i32 propCount, u32 n + n x u32 props (n = max(propCount, 0)), i32 bufSize
 *   -> reply: u32 ok, i32 length (the driver's), u32 count
 *   (min(length, bufSize)) + count x i32, then (count + 31) / 32 x u32:
 *   bit i set when the driver wrote value i */
void glss_exec_glGetProgramResourceiv(struct glss_worker *w, struct gls_reader *r)
{
	GLuint program = gls_get_u32(r);
	GLenum interface = gls_get_u32(r);
	GLuint index = gls_get_u32(r);
	GLsizei prop_count = gls_get_i32(r);
	uint32_t n = gls_get_u32(r);
	const uint8_t *props_wire = gls_take(r, 4 * (size_t)n);
	GLsizei buf_size = gls_get_i32(r);
	if (!gls_reader_done(r))
		return;
	if (n != (uint32_t)(prop_count > 0 ? prop_count : 0)) {
		glss_fail(w, "glGetProgramResourceiv of %d properties carries %u", prop_count, n);
		return;
	}
	if (!glss_resource_available(w, "glGetProgramResourceiv"))
		return;
	if (!glss_valid_ProgramInterfaceES(w, interface))
		interface = 0;
	if (!glss_name_map(w, GLS_OBJ_SHADER_PROGRAM, GLSS_NAME_USE, &program))
		return;
	GLsizei room = buf_size > GLSS_MAX_RESOURCE_VALUES ? GLSS_MAX_RESOURCE_VALUES : buf_size;
	size_t room_values = room > 0 ? (size_t)room : 0;
	/* the properties (aligned, checked), then two runs' values */
	GLenum *props = glss_scratch(w, 4 * (size_t)n);
	if (!props)
		return;
	for (uint32_t i = 0; i < n; i++) {
		GLenum prop;
		memcpy(&prop, props_wire + 4 * (size_t)i, 4);
		props[i] = glss_resource_property(w, prop) ? prop : 0;
	}
	glss_collect_driver_error(w);
	size_t cap = room_values + glss_resource_slack(program, interface, index, props, n) + 1;
	GLenum *all = malloc(4 * (size_t)n + 8 * cap);
	if (!all) {
		glss_fail(w, "out of memory for glGetProgramResourceiv");
		return;
	}
	memcpy(all, props, 4 * (size_t)n);
	props = all;
	GLint *a = (GLint *)(all + n), *b = a + cap;
	GLsizei length = -1;
	glss_resource_run(program, interface, index, prop_count, props, room, &length, a, cap, 0xa5);
	bool ok = glss_driver_error(w) == GL_NO_ERROR && length >= 0;
	uint32_t count = ok ? (uint32_t)(length < room ? length : room) : 0;
	GLint fill_a;
	memset(&fill_a, 0xa5, 4);
	bool unsure = false;
	for (uint32_t i = 0; i < count && !unsure; i++)
		unsure = a[i] == fill_a;
	if (unsure) {
		GLsizei again = -1;
		glss_resource_run(program, interface, index, prop_count, props, room, &again, b, cap, 0x5a);
	}
	/* GL_NAME_LENGTH of a renamed identifier: the client's name's. The
	 * driver puts property i at value i until a GL_ACTIVE_VARIABLES */
	for (uint32_t i = 0; ok && i < n && i < count && props[i] != GL_ACTIVE_VARIABLES; i++) {
		if (props[i] != GL_NAME_LENGTH)
			continue;
		size_t name_len;
		char *name = glss_unmasked_resource_name(program, interface, index, &name_len);
		if (name)
			a[i] = (GLint)name_len + 1;
		free(name);
		break;
	}
	uint32_t mask_words = (count + 31) / 32;
	uint8_t *p = glss_reply_begin(w, 12 + 4 * (size_t)count + 4 * (size_t)mask_words);
	if (p) {
		p = gls_put_u32(p, ok);
		p = gls_put_i32(p, ok ? length : 0);
		p = gls_put_u32(p, count);
		uint8_t *masks = p + 4 * (size_t)count;
		memset(masks, 0, 4 * (size_t)mask_words);
		for (uint32_t i = 0; i < count; i++) {
			bool written = a[i] != fill_a || (unsure && b[i] == fill_a);
			p = gls_put_i32(p, written ? a[i] : 0);
			if (written)
				masks[4 * (i / 32) + (i % 32) / 8] |= (uint8_t)(1u << (i % 8));
		}
	}
	free(all);
}
