/* OpenGL ES 3.1 compute in the worker: the indexed shader storage and
 * atomic counter buffer bindings, the ranges every active block of a
 * program reads (checked before each draw and dispatch, like uniform
 * blocks in glss_buffers_es3.c), glDispatchCompute, glDispatchComputeIndirect
 * (whose counts the worker reads from the buffer first) and
 * glBindImageTexture.
 *
 * Indexed pnames these bindings add to the state group's glGetIntegeri_v /
 * glGetInteger64i_v table (glss_get_table.c, es3.1 compute):
 *
 *   GL_SHADER_STORAGE_BUFFER_BINDING    buffer name, index < GL_MAX_SHADER_STORAGE_BUFFER_BINDINGS
 *   GL_SHADER_STORAGE_BUFFER_START      i64 offset
 *   GL_SHADER_STORAGE_BUFFER_SIZE       i64 size (0 for glBindBufferBase)
 *   GL_ATOMIC_COUNTER_BUFFER_BINDING    buffer name, index < GL_MAX_ATOMIC_COUNTER_BUFFER_BINDINGS
 *   GL_ATOMIC_COUNTER_BUFFER_START      i64 offset
 *   GL_ATOMIC_COUNTER_BUFFER_SIZE       i64 size
 *   GL_MAX_COMPUTE_WORK_GROUP_COUNT     index < 3
 *   GL_MAX_COMPUTE_WORK_GROUP_SIZE      index < 3
 *   GL_IMAGE_BINDING_*                  index < GL_MAX_IMAGE_UNITS (the name is a texture)
 */
#include <stdlib.h>

#include "glss_compute.h"
#include "glss_gl_generated.h"
#include "glss_layered.h"
#include "glss_memory.h"
#include "gls_log.h"
#include "gls_wire.h"

/* Bindings recorded per context; the driver's limits are smaller (Mesa
 * llvmpipe: 32 shader storage, 32 atomic counter buffer bindings): a
 * larger index is the driver's GL_INVALID_VALUE at bind time, and a block
 * naming one is refused at draw time. */
#define GLSS_MAX_STORAGE_BINDINGS 64
#define GLSS_MAX_ATOMIC_BINDINGS 32

struct glss_compute {
	struct glss_indexed_binding storage[GLSS_MAX_STORAGE_BINDINGS];
	struct glss_indexed_binding atomic[GLSS_MAX_ATOMIC_BINDINGS];
};

static struct glss_compute *glss_compute(struct glss_worker *w)
{
	struct glss_context *c = w->current;
	if (!c)
		return NULL;
	if (!c->compute) {
		c->compute = calloc(1, sizeof(*c->compute));
		if (!c->compute)
			glss_fail(w, "out of memory for storage buffer bindings");
	}
	return c->compute;
}

struct glss_indexed_binding *glss_compute_indexed(struct glss_worker *w, GLenum target, GLuint index)
{
	if (target != GL_SHADER_STORAGE_BUFFER && target != GL_ATOMIC_COUNTER_BUFFER)
		return NULL;
	struct glss_compute *cs = glss_compute(w);
	if (!cs)
		return NULL;
	if (target == GL_SHADER_STORAGE_BUFFER)
		return index < GLSS_MAX_STORAGE_BINDINGS ? &cs->storage[index] : NULL;
	return index < GLSS_MAX_ATOMIC_BINDINGS ? &cs->atomic[index] : NULL;
}

struct glss_buffer **glss_compute_generic(struct glss_worker *w, GLenum target)
{
	if (!w->current)
		return NULL;
	switch (target) {
	case GL_SHADER_STORAGE_BUFFER: return &w->current->shader_storage_buffer;
	case GL_ATOMIC_COUNTER_BUFFER: return &w->current->atomic_counter_buffer;
	default: return NULL;
	}
}

static void glss_release(struct glss_worker *w, struct glss_indexed_binding *b)
{
	glss_buffer_hold(w, &b->buffer, NULL);
	b->offset = b->size = 0;
}

void glss_compute_buffer_deleted(struct glss_worker *w, struct glss_buffer *b)
{
	struct glss_compute *cs = w->current ? w->current->compute : NULL;
	if (!cs)
		return;
	for (int i = 0; i < GLSS_MAX_STORAGE_BINDINGS; i++)
		if (cs->storage[i].buffer == b)
			glss_release(w, &cs->storage[i]);
	for (int i = 0; i < GLSS_MAX_ATOMIC_BINDINGS; i++)
		if (cs->atomic[i].buffer == b)
			glss_release(w, &cs->atomic[i]);
}

void glss_compute_context_free(struct glss_worker *w, struct glss_context *c)
{
	glss_buffer_hold(w, &c->shader_storage_buffer, NULL);
	glss_buffer_hold(w, &c->atomic_counter_buffer, NULL);
	glss_buffer_hold(w, &c->dispatch_indirect_buffer, NULL);
	struct glss_compute *cs = c->compute;
	if (!cs)
		return;
	for (int i = 0; i < GLSS_MAX_STORAGE_BINDINGS; i++)
		glss_release(w, &cs->storage[i]);
	for (int i = 0; i < GLSS_MAX_ATOMIC_BINDINGS; i++)
		glss_release(w, &cs->atomic[i]);
	free(cs);
	c->compute = NULL;
}

/* ---- draw- and dispatch-time checks ---- */

/* The binding `binding` of the program interface's buffers (shader storage
 * blocks or atomic counter buffers) holds data_size bytes inside its
 * buffer, and the driver's binding is the buffer the worker recorded. */
static bool glss_storage_range_ok(struct glss_indexed_binding *slots, GLint max, GLenum binding_pname,
				  GLint binding, GLint data_size)
{
	if (binding < 0 || binding >= max)
		return false;
	struct glss_indexed_binding *b = &slots[binding];
	GLint driver_buffer = 0;
	glGetIntegeri_v(binding_pname, (GLuint)binding, &driver_buffer);
	uint64_t buffer_size = glss_buffer_size(b->buffer);
	if (!b->buffer || glss_buffer_host(b->buffer) != (GLuint)driver_buffer || b->offset > buffer_size)
		return false;
	uint64_t size = b->size ? b->size : buffer_size - b->offset;
	if (size > buffer_size - b->offset)
		return false;
	return size >= (uint64_t)(data_size > 0 ? data_size : 0);
}

static bool glss_check_interface(struct glss_worker *w, GLuint program, GLenum interface,
				 struct glss_indexed_binding *slots, GLint max, GLenum binding_pname)
{
	GLint count = 0;
	glGetProgramInterfaceiv(program, interface, GL_ACTIVE_RESOURCES, &count);
	for (GLint i = 0; i < count; i++) {
		static const GLenum props[2] = {GL_BUFFER_BINDING, GL_BUFFER_DATA_SIZE};
		GLint values[2] = {-1, 0};
		glGetProgramResourceiv(program, interface, (GLuint)i, 2, props, 2, NULL, values);
		if (!glss_storage_range_ok(slots, max, binding_pname, values[0], values[1])) {
			gls_debug("%s refused: %s %d reads binding %d without %d bytes there", "draw or dispatch",
				  interface == GL_SHADER_STORAGE_BLOCK ? "storage block" : "atomic counter buffer", i,
				  values[0], values[1]);
			glss_set_error(w, GL_INVALID_OPERATION);
			return false;
		}
		/* the shader may write it: what the worker knows of it is stale */
		glss_buffer_gpu_written(slots[values[0]].buffer);
	}
	return true;
}

bool glss_compute_storage_check(struct glss_worker *w, GLuint program)
{
	if (!program || !glss_advertised(w, GLS_EXT_BIT(GL_ES_VERSION_3_1)))
		return true;
	struct glss_compute *cs = glss_compute(w);
	if (!cs)
		return false;
	GLint linked = 0;
	glGetProgramiv(program, GL_LINK_STATUS, &linked);
	if (!linked)
		return true; /* the driver refuses the draw: nothing runs */
	return glss_check_interface(w, program, GL_SHADER_STORAGE_BLOCK, cs->storage, GLSS_MAX_STORAGE_BINDINGS,
				    GL_SHADER_STORAGE_BUFFER_BINDING) &&
	       glss_check_interface(w, program, GL_ATOMIC_COUNTER_BUFFER, cs->atomic, GLSS_MAX_ATOMIC_BINDINGS,
				    GL_ATOMIC_COUNTER_BUFFER_BINDING) &&
	       glss_layered_image_check(w); /* es3.2 layered: buffer textures in image units */
}

/* The program a dispatch runs: the current program, else the compute
 * stage of the bound pipeline (0: the driver refuses the dispatch). */
static GLuint glss_compute_program(void)
{
	GLint program = 0, pipeline = 0;
	glGetIntegerv(GL_CURRENT_PROGRAM, &program);
	if (program)
		return (GLuint)program;
	glGetIntegerv(GL_PROGRAM_PIPELINE_BINDING, &pipeline);
	if (pipeline)
		glGetProgramPipelineiv((GLuint)pipeline, GL_COMPUTE_SHADER, &program);
	return (GLuint)program;
}

/* Whether a dispatch of these counts runs the compute program: false when
 * the driver refuses it (no program, a count past
 * GL_MAX_COMPUTE_WORK_GROUP_COUNT) or runs nothing (a zero count). */
static bool glss_dispatch_runs(const GLuint counts[3])
{
	for (GLuint i = 0; i < 3; i++) {
		GLint max = 0;
		glGetIntegeri_v(GL_MAX_COMPUTE_WORK_GROUP_COUNT, i, &max);
		if (!counts[i] || counts[i] > (GLuint)max)
			return false;
	}
	return true;
}

/* wire glDispatchCompute: u32 num_groups_x, u32 num_groups_y, u32 num_groups_z */
void glss_exec_glDispatchCompute(struct glss_worker *w, struct gls_reader *r)
{
	GLuint counts[3];
	for (int i = 0; i < 3; i++)
		counts[i] = gls_get_u32(r);
	if (!gls_reader_done(r) || !w->current)
		return;
	/* the driver checks the program and the limits itself (its errors are
	 * exact); the ranges are checked only for a dispatch that runs */
	GLuint program = glss_compute_program();
	if (program && glss_dispatch_runs(counts) && !glss_compute_storage_check(w, program))
		return;
	glDispatchCompute(counts[0], counts[1], counts[2]);
}

/* wire glDispatchComputeIndirect: i64 indirect (offset into the bound
 * GL_DISPATCH_INDIRECT_BUFFER) */
void glss_exec_glDispatchComputeIndirect(struct glss_worker *w, struct gls_reader *r)
{
	int64_t offset = gls_get_i64(r);
	if (!gls_reader_done(r) || !w->current)
		return;
	struct glss_buffer *b = glss_buffer_bound(w, GL_DISPATCH_INDIRECT_BUFFER);
	GLuint program = glss_compute_program();
	/* A misaligned or negative offset, no buffer, or 12 bytes past the
	 * buffer's end: the driver raises its own error (GL_INVALID_VALUE or
	 * GL_INVALID_OPERATION) before it reads anything; so does it without
	 * a program. The checks are the worker's, from its record of the
	 * buffer's size, so the driver never reads outside the buffer. */
	if (!program || offset < 0 || (offset & 3) || !b || glss_buffer_size(b) < 12 ||
	    (uint64_t)offset > glss_buffer_size(b) - 12) {
		if (b && offset >= 0 && !(offset & 3) && program) {
			/* past the end as the worker knows it: refused whatever
			 * the driver thinks */
			glss_set_error(w, GL_INVALID_OPERATION);
			return;
		}
		glDispatchComputeIndirect((GLintptr)offset);
		return;
	}
	/* The counts: past GL_MAX_COMPUTE_WORK_GROUP_COUNT the result is
	 * undefined (ES 3.1 9.4 leaves it to the implementation: llvmpipe
	 * would run them all), so the worker reads them and refuses such a
	 * dispatch with GL_INVALID_VALUE, the error of the direct one. */
	GLuint counts[3];
	const GLuint *mapped = glMapBufferRange(GL_DISPATCH_INDIRECT_BUFFER, (GLintptr)offset, 12, GL_MAP_READ_BIT);
	if (!mapped) {
		glss_set_error(w, GL_INVALID_OPERATION);
		return;
	}
	for (int i = 0; i < 3; i++)
		counts[i] = mapped[i];
	glUnmapBuffer(GL_DISPATCH_INDIRECT_BUFFER);
	for (GLuint i = 0; i < 3; i++) {
		GLint max = 0;
		glGetIntegeri_v(GL_MAX_COMPUTE_WORK_GROUP_COUNT, i, &max);
		if (counts[i] > (GLuint)max) {
			gls_debug("indirect dispatch refused: %u groups in %u (at most %d)", counts[i], i, max);
			glss_set_error(w, GL_INVALID_VALUE);
			return;
		}
	}
	if (glss_dispatch_runs(counts) && !glss_compute_storage_check(w, program))
		return;
	glDispatchComputeIndirect((GLintptr)offset);
}

/* wire glBindImageTexture: u32 unit, u32 texture, i32 level, u32 layered,
 *   i32 layer, u32 access, u32 format
 * Checked in the driver's order (Mesa's), so that the errors are the
 * same; the format is one of ES 3.1's table 8.27 (the host may take more,
 * e.g. NV_image_formats', which is not offered). */
void glss_exec_glBindImageTexture(struct glss_worker *w, struct gls_reader *r)
{
	GLuint unit = gls_get_u32(r), texture = gls_get_u32(r);
	GLint level = gls_get_i32(r);
	GLboolean layered = gls_get_u32(r) ? GL_TRUE : GL_FALSE;
	GLint layer = gls_get_i32(r);
	GLenum access = gls_get_u32(r), format = gls_get_u32(r);
	if (!gls_reader_done(r) || !glss_name_map(w, GLS_OBJ_TEXTURE, GLSS_NAME_USE, &texture) || !w->current)
		return;
	GLint units = 0;
	glGetIntegerv(GL_MAX_IMAGE_UNITS, &units);
	if (unit >= (GLuint)(units > 0 ? units : 0) || level < 0 || layer < 0) {
		glss_set_error(w, GL_INVALID_VALUE);
		return;
	}
	if (!glss_valid_ImageAccess(w, access) || !glss_valid_ImageFormat(w, format)) {
		glss_set_error(w, GL_INVALID_VALUE);
		return;
	}
	glss_collect_driver_error(w);
	glBindImageTexture(unit, texture, level, layered, layer, access, format);
	if (glss_driver_error(w) == GL_NO_ERROR)
		glss_layered_image_bound(w, texture); /* es3.2 layered: imageBuffer */
}
