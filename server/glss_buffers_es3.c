/* OpenGL ES 3.0 buffers in the worker: the indexed bindings (uniform
 * buffers, transform feedback buffers of each transform feedback object),
 * uniform block and transform feedback queries, and the draw-time checks
 * of the ranges bound (glss_es3_draw_check).
 *
 * As for vertex attributes (glss_buffers.c), which buffer *object* a
 * binding holds is the worker's own record, holding a reference: the
 * driver names a buffer by a name it hands out again once deleted, while a
 * binding of another context keeps the deleted object alive. At draw time
 * the driver's name must agree with the record, and the range is checked
 * against the record's size, which follows every glBufferData.
 *
 * Indexed pnames these bindings add, for the ES 3.0 state tables (the
 * state group's glGetIntegeri_v / glGetInteger64i_v; the buffer names
 * are client names, the others plain values):
 *
 *   GL_UNIFORM_BUFFER_BINDING              buffer name, index < GL_MAX_UNIFORM_BUFFER_BINDINGS
 *   GL_UNIFORM_BUFFER_START                i64 offset
 *   GL_UNIFORM_BUFFER_SIZE                 i64 size (0 for glBindBufferBase)
 *   GL_TRANSFORM_FEEDBACK_BUFFER_BINDING   buffer name, index < GL_MAX_TRANSFORM_FEEDBACK_SEPARATE_ATTRIBS
 *   GL_TRANSFORM_FEEDBACK_BUFFER_START     i64 offset
 *   GL_TRANSFORM_FEEDBACK_BUFFER_SIZE      i64 size (0 for glBindBufferBase)
 */
#include <stdlib.h>
#include <string.h>

#include "glss_buffers.h"
#include "glss_compute.h"
#include "glss_geomtess.h"
#include "glss_gl_generated.h"
#include "glss_memory.h"
#include "gls_log.h"
#include "gls_wire.h"

/* Bindings recorded per context / per transform feedback object; the
 * driver's limits are smaller (Mesa: 84 and 4), larger indices are the
 * driver's GL_INVALID_VALUE. */
#define GLSS_MAX_UNIFORM_BINDINGS 256
#define GLSS_MAX_TF_BINDINGS 16

struct glss_transform_feedback {
	struct glss_indexed_binding bindings[GLSS_MAX_TF_BINDINGS];
};

struct glss_es3_buffers {
	struct glss_indexed_binding uniform[GLSS_MAX_UNIFORM_BINDINGS];
	struct glss_transform_feedback tf0; /* the default object */
	struct glss_transform_feedback *tf; /* the one bound */
	struct gls_idmap tfs;               /* host name -> struct glss_transform_feedback* */
};

static struct glss_es3_buffers *glss_es3(struct glss_worker *w)
{
	struct glss_context *c = w->current;
	if (!c)
		return NULL;
	if (!c->es3_buffers) {
		c->es3_buffers = calloc(1, sizeof(*c->es3_buffers));
		if (!c->es3_buffers) {
			glss_fail(w, "out of memory for buffer bindings");
			return NULL;
		}
		c->es3_buffers->tf = &c->es3_buffers->tf0;
	}
	return c->es3_buffers;
}

static void glss_binding_release(struct glss_worker *w, struct glss_indexed_binding *b)
{
	glss_buffer_hold(w, &b->buffer, NULL);
	b->offset = b->size = 0;
}

static void glss_tf_release(struct glss_worker *w, struct glss_transform_feedback *tf)
{
	for (int i = 0; i < GLSS_MAX_TF_BINDINGS; i++)
		glss_binding_release(w, &tf->bindings[i]);
}

/* The indexed binding of target/index in the current context, NULL for
 * others (the driver reports them). */
static struct glss_indexed_binding *glss_indexed(struct glss_worker *w, GLenum target, GLuint index)
{
	struct glss_es3_buffers *e = glss_es3(w);
	if (!e)
		return NULL;
	if (target == GL_UNIFORM_BUFFER && index < GLSS_MAX_UNIFORM_BINDINGS)
		return &e->uniform[index];
	if (target == GL_TRANSFORM_FEEDBACK_BUFFER && index < GLSS_MAX_TF_BINDINGS)
		return &e->tf->bindings[index];
	return glss_compute_indexed(w, target, index); /* es3.1 compute: storage, atomic counters */
}

/* glBindBufferRange / glBindBufferBase: the driver decides (its errors
 * are exact), and the records follow what it took: the indexed binding
 * and the generic one. */
static void glss_bind_indexed(struct glss_worker *w, GLenum target, GLuint index, GLuint buffer, int64_t offset,
			      int64_t size, bool range)
{
	if (!glss_name_map(w, GLS_OBJ_BUFFER, GLSS_NAME_BIND, &buffer) || !w->current)
		return;
	struct glss_buffer *b = glss_buffer_record(w, buffer);
	if (buffer && !b)
		return;
	glss_collect_driver_error(w);
	if (range)
		glBindBufferRange(target, index, buffer, (GLintptr)offset, (GLsizeiptr)size);
	else
		glBindBufferBase(target, index, buffer);
	if (glss_driver_error(w) != GL_NO_ERROR)
		return;
	struct glss_indexed_binding *slot = glss_indexed(w, target, index);
	if (slot) {
		glss_buffer_hold(w, &slot->buffer, b);
		slot->offset = range && b ? (uint64_t)offset : 0;
		slot->size = range && b ? (uint64_t)size : 0;
	}
	struct glss_buffer **generic = target == GL_UNIFORM_BUFFER ? &w->current->uniform_buffer
				       : target == GL_TRANSFORM_FEEDBACK_BUFFER ? &w->current->transform_feedback_buffer
										 : glss_compute_generic(w, target);
	if (generic)
		glss_buffer_hold(w, generic, b);
}

/* wire glBindBufferRange: u32 target, u32 index, u32 buffer, i64 offset, i64 size */
void glss_exec_glBindBufferRange(struct glss_worker *w, struct gls_reader *r)
{
	GLenum target = gls_get_u32(r);
	GLuint index = gls_get_u32(r), buffer = gls_get_u32(r);
	int64_t offset = gls_get_i64(r), size = gls_get_i64(r);
	if (!gls_reader_done(r) || !glss_check_enums_glBindBufferRange(w, target))
		return;
	glss_bind_indexed(w, target, index, buffer, offset, size, true);
}

/* wire glBindBufferBase: u32 target, u32 index, u32 buffer */
void glss_exec_glBindBufferBase(struct glss_worker *w, struct gls_reader *r)
{
	GLenum target = gls_get_u32(r);
	GLuint index = gls_get_u32(r), buffer = gls_get_u32(r);
	if (!gls_reader_done(r) || !glss_check_enums_glBindBufferBase(w, target))
		return;
	glss_bind_indexed(w, target, index, buffer, 0, 0, false);
}

/* wire glsBufferBinding: u32 target -> reply u32 client name of the buffer
 * bound to the generic binding of target (the client asks after indexed
 * binds, whose success only the driver knows) */
void glss_exec_glsBufferBinding(struct glss_worker *w, struct gls_reader *r)
{
	GLenum target = gls_get_u32(r);
	if (!gls_reader_done(r))
		return;
	GLuint name = 0;
	struct glss_buffer *b = glss_buffer_bound(w, target);
	if (b)
		glss_name_unmap(w, GLS_OBJ_BUFFER, glss_buffer_host(b), &name);
	glss_reply_i32(w, (int32_t)name);
}

/* wire glBindTransformFeedback: u32 target, u32 id (a name the client
 * knows: ES 3.0 binds only generated names) */
void glss_exec_glBindTransformFeedback(struct glss_worker *w, struct gls_reader *r)
{
	GLenum target = gls_get_u32(r);
	GLuint id = gls_get_u32(r);
	if (!gls_reader_done(r) || !glss_check_enums_glBindTransformFeedback(w, target) ||
	    !glss_name_map(w, GLS_OBJ_TRANSFORM_FEEDBACK, GLSS_NAME_BIND, &id))
		return;
	struct glss_es3_buffers *e = glss_es3(w);
	if (!e)
		return;
	glss_collect_driver_error(w);
	glBindTransformFeedback(target, id);
	if (glss_driver_error(w) != GL_NO_ERROR)
		return;
	if (!id) {
		e->tf = &e->tf0;
		return;
	}
	uint64_t value;
	if (gls_idmap_get(&e->tfs, id, &value)) {
		e->tf = (struct glss_transform_feedback *)(uintptr_t)value;
		return;
	}
	struct glss_transform_feedback *tf = calloc(1, sizeof(*tf));
	if (!tf || !gls_idmap_put(&e->tfs, id, (uint64_t)(uintptr_t)tf)) {
		free(tf);
		glss_fail(w, "out of memory for transform feedback records");
		return;
	}
	e->tf = tf;
}

void glss_es3_transform_feedback_deleted(struct glss_worker *w, GLuint host)
{
	struct glss_es3_buffers *e = w->current ? w->current->es3_buffers : NULL;
	uint64_t value;
	/* the driver refuses to delete an active object: it stays, bound and
	 * checked at draws, with its record */
	if (!e || glIsTransformFeedback(host) || !gls_idmap_remove(&e->tfs, host, &value))
		return;
	struct glss_transform_feedback *tf = (struct glss_transform_feedback *)(uintptr_t)value;
	if (e->tf == tf)
		e->tf = &e->tf0; /* deleting the bound object binds 0 */
	glss_tf_release(w, tf);
	free(tf);
}

void glss_es3_buffer_deleted(struct glss_worker *w, struct glss_buffer *b)
{
	struct glss_es3_buffers *e = w->current ? w->current->es3_buffers : NULL;
	if (!e)
		return;
	/* GL unbinds it from the context's indexed bindings and those of the
	 * bound transform feedback object */
	for (int i = 0; i < GLSS_MAX_UNIFORM_BINDINGS; i++)
		if (e->uniform[i].buffer == b)
			glss_binding_release(w, &e->uniform[i]);
	for (int i = 0; i < GLSS_MAX_TF_BINDINGS; i++)
		if (e->tf->bindings[i].buffer == b)
			glss_binding_release(w, &e->tf->bindings[i]);
	glss_compute_buffer_deleted(w, b); /* es3.1 compute */
}

static void glss_free_tf_entry(uint32_t key, uint64_t value, void *data)
{
	(void)key;
	struct glss_transform_feedback *tf = (struct glss_transform_feedback *)(uintptr_t)value;
	glss_tf_release(data, tf);
	free(tf);
}

void glss_es3_buffers_context_free(struct glss_worker *w, struct glss_context *c)
{
	struct glss_es3_buffers *e = c->es3_buffers;
	if (!e)
		return;
	for (int i = 0; i < GLSS_MAX_UNIFORM_BINDINGS; i++)
		glss_binding_release(w, &e->uniform[i]);
	glss_tf_release(w, &e->tf0);
	gls_idmap_each(&e->tfs, glss_free_tf_entry, w);
	gls_idmap_free(&e->tfs);
	free(e);
	c->es3_buffers = NULL;
}

/* ---- draw-time checks ---- */

/* The bytes [offset, offset + size) an indexed binding gives the driver,
 * when they lie inside the record's buffer and the driver's name agrees;
 * false otherwise. */
static bool glss_binding_range(const struct glss_indexed_binding *b, GLuint driver_buffer, uint64_t *size)
{
	uint64_t buffer_size = glss_buffer_size(b->buffer);
	if (!b->buffer || glss_buffer_host(b->buffer) != driver_buffer || b->offset > buffer_size)
		return false;
	if (!b->size) {
		*size = buffer_size;
		return true;
	}
	if (b->size > buffer_size - b->offset)
		return false;
	*size = b->size;
	return true;
}

/* Every active uniform block of program reads a range that holds it. */
static bool glss_check_uniform_blocks(struct glss_worker *w, struct glss_es3_buffers *e, GLuint program)
{
	GLint blocks = 0;
	glGetProgramiv(program, GL_ACTIVE_UNIFORM_BLOCKS, &blocks);
	for (GLint i = 0; i < blocks; i++) {
		GLint binding = -1, data_size = 0, driver_buffer = 0;
		glGetActiveUniformBlockiv(program, (GLuint)i, GL_UNIFORM_BLOCK_BINDING, &binding);
		glGetActiveUniformBlockiv(program, (GLuint)i, GL_UNIFORM_BLOCK_DATA_SIZE, &data_size);
		uint64_t size = 0;
		if (binding >= 0 && binding < GLSS_MAX_UNIFORM_BINDINGS) {
			glGetIntegeri_v(GL_UNIFORM_BUFFER_BINDING, (GLuint)binding, &driver_buffer);
			if (glss_binding_range(&e->uniform[binding], (GLuint)driver_buffer, &size) &&
			    size >= (uint64_t)(data_size > 0 ? data_size : 0))
				continue;
		}
		gls_debug("draw refused: uniform block %d reads binding %d without %d bytes there", i, binding,
			  data_size);
		glss_set_error(w, GL_INVALID_OPERATION);
		return false;
	}
	return true;
}

bool glss_es3_draw_check(struct glss_worker *w)
{
	if (!glss_advertised(w, GLS_EXT_BIT(GL_ES_VERSION_3_0)))
		return true;
	struct glss_es3_buffers *e = glss_es3(w);
	if (!e)
		return false;
	/* es3.2 geomtess: every stage's program of a pipeline */
	GLuint programs[GLSS_DRAW_STAGES];
	size_t n = glss_draw_programs(w, programs);
	for (size_t i = 0; i < n; i++)
		if (!glss_check_uniform_blocks(w, e, programs[i]) ||
		    !glss_compute_storage_check(w, programs[i])) /* es3.1 compute */
			return false;
	GLint active = 0, paused = 0;
	glGetIntegerv(GL_TRANSFORM_FEEDBACK_ACTIVE, &active);
	glGetIntegerv(GL_TRANSFORM_FEEDBACK_PAUSED, &paused);
	if (!active)
		return true;
	for (GLuint i = 0; i < GLSS_MAX_TF_BINDINGS; i++) {
		struct glss_indexed_binding *b = &e->tf->bindings[i];
		GLint driver_buffer = 0;
		uint64_t size;
		if (!b->buffer)
			continue;
		glGetIntegeri_v(GL_TRANSFORM_FEEDBACK_BUFFER_BINDING, i, &driver_buffer);
		if (!glss_binding_range(b, (GLuint)driver_buffer, &size)) {
			gls_debug("draw refused: transform feedback buffer %u range outside its buffer", i);
			glss_set_error(w, GL_INVALID_OPERATION);
			return false;
		}
	}
	/* the draw writes them: what the worker knows of them is stale */
	if (!paused)
		for (int i = 0; i < GLSS_MAX_TF_BINDINGS; i++)
			glss_buffer_gpu_written(e->tf->bindings[i].buffer);
	return true;
}

/* ---- uniform blocks and transform feedback varyings: queries ---- */

/* Names and strings the worker reads back are bounded by this. */
#define GLSS_MAX_NAME_TEXT 65536

/* NUL-terminated copies of `count` strings (u32 length + bytes each), in
 * one allocation the caller frees; NULL (reader bad) when malformed. */
static const GLchar **glss_get_strings(struct gls_reader *r, int32_t count)
{
	if (count <= 0)
		return NULL;
	/* each string takes at least 4 bytes of the message: count is bounded */
	if ((uint64_t)count * 4 > (uint64_t)(r->end - r->p)) {
		r->bad = true;
		return NULL;
	}
	struct gls_reader scan = *r;
	size_t total = 0;
	for (int32_t i = 0; i < count && !scan.bad; i++) {
		uint32_t len;
		gls_get_blob(&scan, &len);
		total += (size_t)len + 1;
	}
	const GLchar **list = scan.bad ? NULL : malloc(sizeof(*list) * (size_t)count + total);
	if (!list) {
		r->bad = true;
		return NULL;
	}
	char *text = (char *)(list + count);
	for (int32_t i = 0; i < count; i++) {
		uint32_t len;
		const void *bytes = gls_get_blob(r, &len);
		memcpy(text, bytes, len);
		text[len] = 0;
		list[i] = text;
		text += len + 1;
	}
	return list;
}

/* A reply of count i32 values (0 when the driver raised an error). */
static void glss_reply_ints(struct glss_worker *w, const GLint *values, uint32_t count)
{
	uint8_t *p = glss_reply_begin(w, 4 + 4 * (size_t)count);
	if (!p)
		return;
	p = gls_put_u32(p, count);
	gls_put_bytes(p, values, 4 * (size_t)count);
}

/* The pnames of ES 3.0 (the host's ES 3.2 has more: geometry, tessellation
 * and compute stages, atomic counters). */
static bool glss_uniform_block_pname(GLenum pname)
{
	switch (pname) {
	case GL_UNIFORM_BLOCK_BINDING:
	case GL_UNIFORM_BLOCK_DATA_SIZE:
	case GL_UNIFORM_BLOCK_NAME_LENGTH:
	case GL_UNIFORM_BLOCK_ACTIVE_UNIFORMS:
	case GL_UNIFORM_BLOCK_ACTIVE_UNIFORM_INDICES:
	case GL_UNIFORM_BLOCK_REFERENCED_BY_VERTEX_SHADER:
	case GL_UNIFORM_BLOCK_REFERENCED_BY_FRAGMENT_SHADER:
		return true;
	default:
		return false;
	}
}

static bool glss_active_uniform_pname(GLenum pname)
{
	switch (pname) {
	case GL_UNIFORM_TYPE:
	case GL_UNIFORM_SIZE:
	case GL_UNIFORM_NAME_LENGTH:
	case GL_UNIFORM_BLOCK_INDEX:
	case GL_UNIFORM_OFFSET:
	case GL_UNIFORM_ARRAY_STRIDE:
	case GL_UNIFORM_MATRIX_STRIDE:
	case GL_UNIFORM_IS_ROW_MAJOR:
		return true;
	default:
		return false;
	}
}

/* wire glGetActiveUniformBlockiv: u32 program, u32 index, u32 pname
 *   -> reply: u32 count, count x i32 (UNIFORM_BLOCK_ACTIVE_UNIFORM_INDICES:
 *   one per active uniform of the block; else 1) */
void glss_exec_glGetActiveUniformBlockiv(struct glss_worker *w, struct gls_reader *r)
{
	GLuint program = gls_get_u32(r), index = gls_get_u32(r);
	GLenum pname = gls_get_u32(r);
	if (!gls_reader_done(r))
		return;
	if (!glss_name_map(w, GLS_OBJ_SHADER_PROGRAM, GLSS_NAME_USE, &program))
		return;
	GLint count = 1;
	glss_collect_driver_error(w);
	if (!glss_uniform_block_pname(pname)) {
		/* the driver's errors of the program and index come first */
		GLint ignored;
		glGetActiveUniformBlockiv(program, index, GL_UNIFORM_BLOCK_BINDING, &ignored);
		if (glss_driver_error(w) == GL_NO_ERROR)
			glss_set_error(w, GL_INVALID_ENUM);
		glss_reply_ints(w, NULL, 0);
		return;
	}
	if (pname == GL_UNIFORM_BLOCK_ACTIVE_UNIFORM_INDICES) {
		/* the answer's size: the block's active uniforms, as the driver
		 * counts them (bounded by its limits, not by the client) */
		count = 0;
		glGetActiveUniformBlockiv(program, index, GL_UNIFORM_BLOCK_ACTIVE_UNIFORMS, &count);
		glGetError(); /* the call below reports the same */
		if (count < 0)
			count = 0;
	}
	GLint *values = glss_scratch(w, 4 * (size_t)(count + 1));
	if (!values)
		return;
	glGetActiveUniformBlockiv(program, index, pname, values);
	if (glss_driver_error(w) != GL_NO_ERROR)
		count = 0;
	glss_reply_ints(w, values, (uint32_t)count);
}

/* wire glGetActiveUniformBlockName / glGetTransformFeedbackVarying:
 *   u32 program, u32 index, i32 bufSize
 *   -> reply: u32 ok, i32 size, u32 type, u32 length + the characters (no NUL) */
static void glss_get_name(struct glss_worker *w, struct gls_reader *r, bool varying)
{
	GLuint program = gls_get_u32(r), index = gls_get_u32(r);
	GLsizei buf_size = gls_get_i32(r);
	if (!gls_reader_done(r))
		return;
	if (!glss_name_map(w, GLS_OBJ_SHADER_PROGRAM, GLSS_NAME_USE, &program))
		return;
	GLsizei room = buf_size > GLSS_MAX_NAME_TEXT ? GLSS_MAX_NAME_TEXT : buf_size;
	char *name = glss_scratch(w, room > 0 ? (size_t)room : 0);
	if (!name)
		return;
	GLsizei length = -1; /* written on success only */
	GLsizei size = 0;
	GLenum type = 0;
	glss_collect_driver_error(w);
	if (varying)
		glGetTransformFeedbackVarying(program, index, room, &length, &size, &type, name);
	else
		glGetActiveUniformBlockName(program, index, room, &length, name);
	bool ok = glss_driver_error(w) == GL_NO_ERROR && length >= 0;
	uint32_t len = !ok || room <= 0 ? 0 : (uint32_t)(length < room ? length : room - 1);
	glss_reply_named(w, ok, size, type, name, len);
}

void glss_exec_glGetActiveUniformBlockName(struct glss_worker *w, struct gls_reader *r)
{
	glss_get_name(w, r, false);
}

void glss_exec_glGetTransformFeedbackVarying(struct glss_worker *w, struct gls_reader *r)
{
	glss_get_name(w, r, true);
}

/* wire glGetUniformIndices: u32 program, i32 count, count x string
 *   -> reply: u32 count, count x u32 (0 values when the driver refused) */
void glss_exec_glGetUniformIndices(struct glss_worker *w, struct gls_reader *r)
{
	GLuint program = gls_get_u32(r);
	int32_t count = gls_get_i32(r);
	const GLchar **names = glss_get_strings(r, count);
	if (!gls_reader_done(r) || !glss_name_map(w, GLS_OBJ_SHADER_PROGRAM, GLSS_NAME_USE, &program)) {
		free(names);
		return;
	}
	GLuint *indices = glss_scratch(w, 4 * (size_t)(count > 0 ? count : 0));
	if (!indices) {
		free(names);
		return;
	}
	glss_collect_driver_error(w);
	glGetUniformIndices(program, count, names, indices);
	bool ok = glss_driver_error(w) == GL_NO_ERROR;
	glss_reply_ints(w, (const GLint *)indices, ok && count > 0 ? (uint32_t)count : 0);
	free(names);
}

/* wire glGetActiveUniformsiv: u32 program, i32 count, u32 pname,
 *   count x u32 index -> reply: u32 count, count x i32 */
void glss_exec_glGetActiveUniformsiv(struct glss_worker *w, struct gls_reader *r)
{
	GLuint program = gls_get_u32(r);
	int32_t count = gls_get_i32(r);
	GLenum pname = gls_get_u32(r);
	const void *indices = gls_get_array(r, 4, count > 0 ? count : 0);
	if (!gls_reader_done(r) || !glss_name_map(w, GLS_OBJ_SHADER_PROGRAM, GLSS_NAME_USE, &program))
		return;
	size_t n = count > 0 ? (size_t)count : 0;
	GLint *values = glss_scratch(w, 8 * n + 4);
	if (!values)
		return;
	/* the indices copied aligned, the answers after them */
	GLuint *aligned = (GLuint *)(values + n);
	if (n)
		memcpy(aligned, indices, 4 * n);
	glss_collect_driver_error(w);
	/* a pname past ES 3.0: the driver's errors of the count, program and
	 * indices first (asked with one of ES 3.0) */
	bool known = glss_active_uniform_pname(pname);
	glGetActiveUniformsiv(program, count, n ? aligned : NULL, known ? pname : GL_UNIFORM_TYPE, values);
	bool ok = glss_driver_error(w) == GL_NO_ERROR;
	if (ok && !known) {
		glss_set_error(w, GL_INVALID_ENUM);
		ok = false;
	}
	glss_reply_ints(w, values, ok ? (uint32_t)n : 0);
}

/* wire glTransformFeedbackVaryings: u32 program, i32 count, u32 bufferMode,
 *   count x string */
void glss_exec_glTransformFeedbackVaryings(struct glss_worker *w, struct gls_reader *r)
{
	GLuint program = gls_get_u32(r);
	int32_t count = gls_get_i32(r);
	GLenum mode = gls_get_u32(r);
	const GLchar **varyings = glss_get_strings(r, count);
	if (gls_reader_done(r) && glss_name_map(w, GLS_OBJ_SHADER_PROGRAM, GLSS_NAME_USE, &program))
		glTransformFeedbackVaryings(program, count, varyings, mode);
	free(varyings);
}

/* wire glGetUniformBlockIndex: u32 program, string name -> reply scalar */
void glss_exec_glGetUniformBlockIndex(struct glss_worker *w, struct gls_reader *r)
{
	GLuint program = gls_get_u32(r);
	const char *name = glss_get_string(w, r);
	if (!gls_reader_done(r))
		return;
	if (!glss_name_map(w, GLS_OBJ_SHADER_PROGRAM, GLSS_NAME_USE, &program))
		return;
	glss_reply_scalar(w, glGetUniformBlockIndex(program, name));
}
