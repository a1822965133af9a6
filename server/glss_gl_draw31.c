/* es3.1 draw: vertex buffer binding points (glBindVertexBuffer and
 * friends, ES 3.1 10.3.1) and indirect draws (ES 3.1 10.5).
 *
 * The attribute format, binding and divisor calls go to the driver as they
 * are (generated): draws ask the driver where each attribute reads
 * (glss_attrib_source). Only glBindVertexBuffer is decoded here, for the
 * worker's record of which buffer object each binding point holds.
 *
 * Indirect draws: the worker reads the command from the driver's buffer
 * (glMapBufferRange, so a buffer the GPU wrote is read as it is now) and
 * checks it exactly as the equivalent direct draw before the driver runs
 * it. See docs/security.md. */
#include <string.h>

#include "glss_gl_draw31.h"
#include "glss_gl_generated.h"
#include "glss_memory.h"
#include "glss_worker.h"
#include "gls_log.h"
#include "gls_pixels.h"

void glss_attrib_source(struct glss_worker *w, GLuint index, struct glss_attrib_source *src)
{
	GLint size = 0, type = 0, buffer = 0, stride = 0, divisor = 0;
	glGetVertexAttribiv(index, GL_VERTEX_ATTRIB_ARRAY_SIZE, &size);
	glGetVertexAttribiv(index, GL_VERTEX_ATTRIB_ARRAY_TYPE, &type);
	*src = (struct glss_attrib_source){.binding = index, .element = gls_attrib_element_size(size, (GLenum)type)};
	if (glss_advertised(w, GLS_EXT_BIT(GL_ES_VERSION_3_1))) {
		/* the binding point's buffer, offset, stride and divisor; the
		 * attribute adds its relative offset (glVertexAttribPointer sets
		 * the binding's stride to the element size for 0) */
		GLint binding = 0, relative = 0;
		glGetVertexAttribiv(index, GL_VERTEX_ATTRIB_BINDING, &binding);
		glGetVertexAttribiv(index, GL_VERTEX_ATTRIB_RELATIVE_OFFSET, &relative);
		glGetIntegeri_v(GL_VERTEX_BINDING_BUFFER, (GLuint)binding, &buffer);
		/* the offset is the worker's record: Mesa answers
		 * GL_VERTEX_BINDING_OFFSET cut to 32 bits (even through
		 * glGetInteger64i_v) while its draws use all 64 */
		uint64_t offset = glss_vao_binding_offset(glss_vao_current(w), (GLuint)binding);
		glGetIntegeri_v(GL_VERTEX_BINDING_STRIDE, (GLuint)binding, &stride);
		glGetIntegeri_v(GL_VERTEX_BINDING_DIVISOR, (GLuint)binding, &divisor);
		src->binding = (GLuint)binding;
		src->buffer = (GLuint)buffer;
		/* offset < 2^63 (the driver refuses negative ones), relative
		 * < 2^31: no overflow */
		src->offset = offset + (uint64_t)(relative > 0 ? relative : 0);
		src->stride = stride > 0 ? (uint64_t)stride : 0;
		src->divisor = divisor > 0 ? (GLuint)divisor : 0;
		return;
	}
	void *pointer = NULL;
	glGetVertexAttribiv(index, GL_VERTEX_ATTRIB_ARRAY_BUFFER_BINDING, &buffer);
	glGetVertexAttribiv(index, GL_VERTEX_ATTRIB_ARRAY_STRIDE, &stride);
	glGetVertexAttribPointerv(index, GL_VERTEX_ATTRIB_ARRAY_POINTER, &pointer);
	if (glss_advertised(w, GLS_EXT_BIT(GL_ES_VERSION_3_0)))
		glGetVertexAttribiv(index, GL_VERTEX_ATTRIB_ARRAY_DIVISOR, &divisor);
	src->buffer = (GLuint)buffer;
	src->offset = (uintptr_t)pointer;
	src->stride = stride > 0 ? (uint64_t)stride : src->element;
	src->divisor = divisor > 0 ? (GLuint)divisor : 0;
}

/* wire glBindVertexBuffer: u32 bindingindex, u32 buffer, i64 offset,
 *   i32 stride (generated encoder) */
void glss_exec_glBindVertexBuffer(struct glss_worker *w, struct gls_reader *r)
{
	GLuint binding = gls_get_u32(r);
	GLuint buffer = gls_get_u32(r);
	GLintptr offset = (GLintptr)gls_get_i64(r);
	GLsizei stride = gls_get_i32(r);
	if (!gls_reader_done(r) || !glss_name_map(w, GLS_OBJ_BUFFER, GLSS_NAME_USE, &buffer) || !w->current)
		return;
	/* the record follows the driver: only a call it took changes it */
	glss_collect_driver_error(w);
	glBindVertexBuffer(binding, buffer, offset, stride);
	if (glss_driver_error(w) == GL_NO_ERROR)
		glss_vao_binding_buffer(w, binding, buffer, (uint64_t)offset);
}

/* The command structures of ES 3.1 10.5 (reserved: the host's base
 * instance, see glss_draw_indirect) */
struct glss_arrays_command {
	uint32_t count, instance_count, first, reserved;
};
struct glss_elements_command {
	uint32_t count, instance_count, first_index;
	int32_t base_vertex;
	uint32_t reserved;
};

/* Whether the driver refuses the indirect draw before it reads anything
 * (ES 3.1 10.5: no vertex array object bound, an enabled attribute
 * without a buffer, no indirect buffer, an offset not a multiple of 4, a
 * command past the buffer's end): then it is the driver's to report. */
static bool glss_indirect_refused(struct glss_worker *w, const struct glss_buffer *b, uint64_t offset, size_t size)
{
	struct glss_context *c = w->current;
	GLint vao = 0;
	glGetIntegerv(GL_VERTEX_ARRAY_BINDING, &vao);
	if (!vao || !b || (offset & 3) || offset > glss_buffer_size(b) || size > glss_buffer_size(b) - offset)
		return true;
	if (!c->max_attribs)
		glGetIntegerv(GL_MAX_VERTEX_ATTRIBS, &c->max_attribs);
	for (GLint i = 0; i < c->max_attribs && i < GLSS_MAX_ATTRIBS; i++) {
		GLint enabled = 0;
		glGetVertexAttribiv((GLuint)i, GL_VERTEX_ATTRIB_ARRAY_ENABLED, &enabled);
		struct glss_attrib_source src;
		if (enabled) {
			glss_attrib_source(w, (GLuint)i, &src);
			if (!src.buffer)
				return true;
		}
	}
	return false;
}

/* Reads size bytes of the command at offset in the bound indirect buffer. */
static bool glss_read_indirect(struct glss_worker *w, uint64_t offset, void *command, size_t size)
{
	glss_collect_driver_error(w); /* the client's pending error stays first */
	const void *bytes = glMapBufferRange(GL_DRAW_INDIRECT_BUFFER, (GLintptr)offset, (GLsizeiptr)size,
					     GL_MAP_READ_BIT);
	if (!bytes) {
		glGetError();
		return false;
	}
	memcpy(command, bytes, size);
	glUnmapBuffer(GL_DRAW_INDIRECT_BUFFER);
	return true;
}

/* glDrawArraysIndirect (elements false) / glDrawElementsIndirect of
 * `type`: the command at `offset` is checked as glDrawArraysInstanced /
 * glDrawElementsInstanced with its base vertex would be. The reserved word
 * must be 0 (ES: undefined otherwise); the host driver takes it for the
 * base instance, so instanced attributes are checked from it on. */
static void glss_draw_indirect(struct glss_worker *w, GLenum mode, GLenum type, uint64_t offset, bool elements)
{
	struct glss_context *c = w->current;
	if (!c)
		return;
	const void *indirect = (const void *)(uintptr_t)offset;
	size_t size = elements ? sizeof(struct glss_elements_command) : sizeof(struct glss_arrays_command);
	struct glss_buffer *b = c->draw_indirect_buffer;
	GLint driver_buffer = 0;
	glGetIntegerv(GL_DRAW_INDIRECT_BUFFER_BINDING, &driver_buffer);
	if ((GLuint)driver_buffer != glss_buffer_host(b) || offset >= (1ull << 62)) {
		/* a record that disagrees with the driver (never expected), or
		 * an offset the driver's own end check could wrap: refused here */
		gls_debug("indirect draw refused: offset %llu, buffer %d", (unsigned long long)offset, driver_buffer);
		glss_set_error(w, (offset & 3) ? GL_INVALID_VALUE : GL_INVALID_OPERATION);
		return;
	}
	if (glss_indirect_refused(w, b, offset, size)) {
		if (elements)
			glDrawElementsIndirect(mode, type, indirect);
		else
			glDrawArraysIndirect(mode, indirect);
		return;
	}
	union {
		struct glss_arrays_command arrays;
		struct glss_elements_command elements;
	} command;
	if (!glss_read_indirect(w, offset, &command, size)) {
		glss_set_error(w, GL_OUT_OF_MEMORY);
		return;
	}
	struct glss_draw_range range = {1, 0, 0, 0}; /* reads nothing */
	bool reads;
	if (elements) {
		struct glss_elements_command *cmd = &command.elements;
		unsigned index_size = gls_index_size(type);
		reads = cmd->count && cmd->instance_count && index_size;
		range.instances = cmd->instance_count;
		range.base_instance = cmd->reserved;
		uint32_t lo = 1, hi = 0;
		if (reads && !glss_element_range(w, glss_vao_current(w), type, (uint64_t)cmd->first_index * index_size,
						 cmd->count, glss_primitive_restart(w, mode), &lo, &hi))
			return; /* indices outside the element buffer */
		if (reads && lo <= hi) {
			/* the vertices the indices name, moved by the base vertex */
			int64_t first = (int64_t)lo + cmd->base_vertex, last = (int64_t)hi + cmd->base_vertex;
			if (first < 0 || last > UINT32_MAX) {
				gls_debug("indirect draw refused: base vertex %d moves indices %u..%u outside", cmd->base_vertex,
					  lo, hi);
				glss_set_error(w, GL_INVALID_OPERATION);
				return;
			}
			range.lo = (uint32_t)first;
			range.hi = (uint32_t)last;
		}
	} else {
		struct glss_arrays_command *cmd = &command.arrays;
		reads = cmd->count && cmd->instance_count;
		range.instances = cmd->instance_count;
		range.base_instance = cmd->reserved;
		if (reads && (uint64_t)cmd->first + cmd->count - 1 > UINT32_MAX) {
			gls_debug("indirect draw refused: vertices %u + %u past 2^32", cmd->first, cmd->count);
			glss_set_error(w, GL_INVALID_OPERATION);
			return;
		}
		range.lo = cmd->first;
		range.hi = cmd->first + cmd->count - 1;
	}
	uint32_t disabled = 0;
	bool client_arrays = false;
	if (reads && !glss_check_attribs(w, &range, &disabled, &client_arrays))
		return;
	if (elements)
		glDrawElementsIndirect(mode, type, indirect);
	else
		glDrawArraysIndirect(mode, indirect);
	glss_restore_arrays(disabled);
}

/* wire glDrawArraysIndirect: u32 mode, u64 offset into the bound
 *   GL_DRAW_INDIRECT_BUFFER */
void glss_exec_glDrawArraysIndirect(struct glss_worker *w, struct gls_reader *r)
{
	GLenum mode = gls_get_u32(r);
	uint64_t offset = (uint64_t)gls_get_i64(r);
	if (!gls_reader_done(r) || !glss_check_enums_glDrawArraysIndirect(w, mode))
		return;
	glss_draw_indirect(w, mode, 0, offset, false);
}

/* wire glDrawElementsIndirect: u32 mode, u32 type, u64 offset into the
 *   bound GL_DRAW_INDIRECT_BUFFER */
void glss_exec_glDrawElementsIndirect(struct glss_worker *w, struct gls_reader *r)
{
	GLenum mode = gls_get_u32(r);
	GLenum type = gls_get_u32(r);
	uint64_t offset = (uint64_t)gls_get_i64(r);
	if (!gls_reader_done(r) || !glss_check_enums_glDrawElementsIndirect(w, mode, type))
		return;
	glss_draw_indirect(w, mode, type, offset, true);
}
