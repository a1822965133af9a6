/* Vertex attribute pointers, client-side arrays and draws. */
#include <stdlib.h>
#include <string.h>

#include <EGL/egl.h>

#include "glss_gl_generated.h"
#include "glss_worker.h"
#include "glss_buffers.h"
#include "glss_gl_draw31.h"
#include "glss_geomtess.h"

#include "glss_tex32.h"
#include "gls_pixels.h"

/* glVertexAttribPointer / glVertexAttribIPointer (integer, ES 3.0) from
 * the bound GL_ARRAY_BUFFER at `offset`. */
static void glss_vertex_attrib_pointer(struct glss_worker *w, GLuint index, GLint size, GLenum type,
				       GLboolean normalized, GLsizei stride, int64_t offset, bool integer)
{
	GLint buffer = 0;
	glGetIntegerv(GL_ARRAY_BUFFER_BINDING, &buffer);
	/* es3.1 draw: a null pointer without a buffer is sent for named vertex
	 * arrays (their state is asked of the driver); it reads nothing */
	if ((!buffer && offset) || offset < 0) {
		glss_fail(w, "glVertexAttribPointer offset %lld without an array buffer", (long long)offset);
		return;
	}
	if (integer)
		glVertexAttribIPointer(index, size, type, stride, (const void *)(uintptr_t)offset);
	else
		glVertexAttribPointer(index, size, type, normalized, stride, (const void *)(uintptr_t)offset);
	/* The attribute now reads the bound array buffer if the driver took
	 * the call (valid arguments, and the driver shows them): the worker's
	 * record follows what the driver holds. */
	GLint now = 0;
	void *pointer = NULL;
	struct glss_context *c = w->current;
	if (c && !c->max_attribs)
		glGetIntegerv(GL_MAX_VERTEX_ATTRIBS, &c->max_attribs);
	bool valid = c && index < GLSS_MAX_ATTRIBS && index < (GLuint)c->max_attribs &&
		     gls_attrib_element_size(size, type) && stride >= 0;
	if (valid) {
		glGetVertexAttribiv(index, GL_VERTEX_ATTRIB_ARRAY_BUFFER_BINDING, &now);
		glGetVertexAttribPointerv(index, GL_VERTEX_ATTRIB_ARRAY_POINTER, &pointer);
		if (now == buffer && (uintptr_t)pointer == (uint64_t)offset)
			glss_vao_attrib_buffer(w, index, (GLuint)buffer, (uint64_t)offset);
	}
}

/* wire glVertexAttribPointer: u32 index, i32 size, u32 type, u32 normalized,
 *   i32 stride, i64 offset into the bound GL_ARRAY_BUFFER */
void glss_exec_glVertexAttribPointer(struct glss_worker *w, struct gls_reader *r)
{
	GLuint index = gls_get_u32(r);
	GLint size = gls_get_i32(r);
	GLenum type = gls_get_u32(r);
	GLboolean normalized = gls_get_u32(r) ? GL_TRUE : GL_FALSE;
	GLsizei stride = gls_get_i32(r);
	int64_t offset = gls_get_i64(r);
	if (!gls_reader_done(r) || !glss_check_enums_glVertexAttribPointer(w, type))
		return;
	glss_vertex_attrib_pointer(w, index, size, type, normalized, stride, offset, false);
}

/* wire glVertexAttribIPointer (ES 3.0): u32 index, i32 size, u32 type,
 *   i32 stride, i64 offset into the bound GL_ARRAY_BUFFER */
void glss_exec_glVertexAttribIPointer(struct glss_worker *w, struct gls_reader *r)
{
	GLuint index = gls_get_u32(r);
	GLint size = gls_get_i32(r);
	GLenum type = gls_get_u32(r);
	GLsizei stride = gls_get_i32(r);
	int64_t offset = gls_get_i64(r);
	if (!gls_reader_done(r) || !glss_check_enums_glVertexAttribIPointer(w, type))
		return;
	glss_vertex_attrib_pointer(w, index, size, type, GL_FALSE, stride, offset, true);
}

/* The largest stride accepted for a client array (GLES 3.1 guarantees
 * 2048; ample for ES 2 programs). */
#define GLSS_MAX_CLIENT_STRIDE 65536

/* glsClientArray flags */
#define GLSS_CLIENT_ARRAY_NORMALIZED 1u
#define GLSS_CLIENT_ARRAY_INTEGER 2u /* glVertexAttribIPointer, ES 3.0 */

/* wire glsClientArray: u32 index, i32 size, u32 type, u32 flags (bit 0:
 *   normalized, bit 1: integer), i32 stride, u32 first vertex, blob (the
 *   vertices from `first` on; with a divisor, the elements from `first` on) */
void glss_exec_glsClientArray(struct glss_worker *w, struct gls_reader *r)
{
	GLuint index = gls_get_u32(r);
	GLint size = gls_get_i32(r);
	GLenum type = gls_get_u32(r);
	uint32_t flags = gls_get_u32(r);
	GLsizei stride = gls_get_i32(r);
	uint32_t first = gls_get_u32(r);
	uint32_t len;
	const void *data = gls_get_blob(r, &len);
	if (!gls_reader_done(r))
		return;
	bool integer = flags & GLSS_CLIENT_ARRAY_INTEGER;
	if (flags > (GLSS_CLIENT_ARRAY_NORMALIZED | GLSS_CLIENT_ARRAY_INTEGER) ||
	    (integer && ((flags & GLSS_CLIENT_ARRAY_NORMALIZED) || !glss_advertised(w, GLS_EXT_BIT(GL_ES_VERSION_3_0))))) {
		glss_fail(w, "bad glsClientArray flags %#x", flags);
		return;
	}
	GLboolean normalized = flags & GLSS_CLIENT_ARRAY_NORMALIZED ? GL_TRUE : GL_FALSE;
	if (integer ? !glss_check_enums_glVertexAttribIPointer(w, type) : !glss_check_enums_glVertexAttribPointer(w, type))
		return;
	struct glss_context *c = w->current;
	uint32_t element = gls_attrib_element_size(size, type);
	if (!c || index >= GLSS_MAX_ATTRIBS || !element || stride <= 0 || stride > GLSS_MAX_CLIENT_STRIDE ||
	    len < element) {
		glss_fail(w, "bad glsClientArray for attribute %u", index);
		return;
	}
	uint32_t count = (len - element) / (uint32_t)stride + 1;
	if ((uint64_t)first + count > UINT32_MAX) {
		glss_fail(w, "glsClientArray vertices past 2^32");
		return;
	}
	/* Kept until replaced: the driver reads it at draw time. */
	if (c->client_array_sizes[index] < len) {
		uint8_t *bigger = realloc(c->client_arrays[index], len);
		if (!bigger) {
			glss_fail(w, "out of memory for a client array");
			return;
		}
		c->client_arrays[index] = bigger;
		c->client_array_sizes[index] = len;
	}
	memcpy(c->client_arrays[index], data, len);
	/* The driver finds vertex i at base + i * stride; base lies before our
	 * copy so that vertex `first` is its first byte. Draws are checked to
	 * read only [first, first + count) (glss_check_client_arrays). */
	uintptr_t base = (uintptr_t)c->client_arrays[index] - (uintptr_t)first * (uintptr_t)stride;
	c->client_array_base[index] = base;
	c->client_array_first[index] = first;
	c->client_array_count[index] = count;
	GLint buffer = 0;
	glGetIntegerv(GL_ARRAY_BUFFER_BINDING, &buffer);
	if (buffer)
		glBindBuffer(GL_ARRAY_BUFFER, 0);
	if (integer)
		glVertexAttribIPointer(index, size, type, stride, (const void *)base);
	else
		glVertexAttribPointer(index, size, type, normalized, stride, (const void *)base);
	glss_vao_attrib_client(w, index);
	if (buffer)
		glBindBuffer(GL_ARRAY_BUFFER, (GLuint)buffer);
}

void glss_restore_arrays(uint32_t disabled)
{
	for (GLuint i = 0; disabled; i++, disabled >>= 1)
		if (disabled & 1)
			glEnableVertexAttribArray(i);
}

/* Before a draw that reads `range`: every enabled attribute must cover it.
 * One reading a buffer: the buffer must hold the last element read (else
 * GL_INVALID_OPERATION, as WebGL: ES leaves it undefined). One reading
 * client memory must be one of our copies and cover that range, so that
 * the driver never reads outside what the client sent (else the worker
 * ends: the client library never sends such a draw). An enabled attribute
 * without any (a null pointer) is disabled for this draw, as if unused;
 * *disabled collects the attributes to enable again after the draw;
 * *client_arrays tells whether one of our copies is read.
 * Returns false when the draw must not reach the driver. */
bool glss_check_attribs(struct glss_worker *w, const struct glss_draw_range *range, uint32_t *disabled,
			bool *client_arrays)
{
	struct glss_context *c = w->current;
	*disabled = 0;
	*client_arrays = false;
	if (!c)
		return true;
	if (!glss_es3_draw_check(w)) /* es3 buffers: uniform blocks, transform feedback */
		return false;
	if (!glss_tex32_draw_check(w)) /* es3.2 tex32: texture buffer ranges */
		return false;
	if (!c->max_attribs)
		glGetIntegerv(GL_MAX_VERTEX_ATTRIBS, &c->max_attribs);
	struct glss_vao *vao = glss_vao_current(w);
	for (GLint i = 0; i < c->max_attribs && i < GLSS_MAX_ATTRIBS; i++) {
		GLint enabled = 0;
		glGetVertexAttribiv((GLuint)i, GL_VERTEX_ATTRIB_ARRAY_ENABLED, &enabled);
		if (!enabled)
			continue;
		/* es3.1 draw: through its binding point */
		struct glss_attrib_source src;
		glss_attrib_source(w, (GLuint)i, &src);
		uint32_t lo = range->lo, hi = range->hi;
		bool reads = lo <= hi;
		if (src.divisor > 0) {
			/* es3.1 draw: an indirect command's reserved word is the
			 * base instance on the host (undefined in ES): counted */
			uint64_t last = range->instances
						? (uint64_t)range->base_instance + (range->instances - 1) / src.divisor
						: 0;
			if (last > UINT32_MAX) {
				glss_set_error(w, GL_INVALID_OPERATION);
				goto refuse;
			}
			lo = range->base_instance;
			hi = (uint32_t)last;
			reads = range->instances > 0;
		}
		if (src.buffer) {
			if (reads && !glss_check_attrib_buffer(w, vao, (GLuint)i, &src, hi))
				goto refuse;
			continue;
		}
		void *pointer = NULL;
		glGetVertexAttribPointerv((GLuint)i, GL_VERTEX_ATTRIB_ARRAY_POINTER, &pointer);
		if ((uintptr_t)pointer != c->client_array_base[i] || !c->client_arrays[i]) {
			glDisableVertexAttribArray((GLuint)i);
			*disabled |= 1u << i;
			continue;
		}
		*client_arrays = true;
		if (!reads)
			continue;
		if (lo < c->client_array_first[i] || hi - c->client_array_first[i] >= c->client_array_count[i]) {
			glss_fail(w, "a draw reads vertices %u..%u of attribute %d, sent %u..%u", lo, hi, i,
				  c->client_array_first[i], c->client_array_first[i] + c->client_array_count[i] - 1);
			goto refuse;
		}
	}
	return true;
refuse:
	glss_restore_arrays(*disabled);
	*disabled = 0;
	return false;
}

/* Whether the restart index names no vertex in a draw of `mode` (ES 3.0's
 * GL_PRIMITIVE_RESTART_FIXED_INDEX, as the driver holds it). */
bool glss_primitive_restart(struct glss_worker *w, GLenum mode)
{
	return glss_advertised(w, GLS_EXT_BIT(GL_ES_VERSION_3_0)) && glIsEnabled(GL_PRIMITIVE_RESTART_FIXED_INDEX) &&
	       glss_restart_applies(mode); /* es3.2 geomtess: patches */
}

/* Before a glDrawElements-like draw of count indices of `type`, inline
 * (indices != NULL) or at offset in the bound element buffer, `instances`
 * times: the vertices the indices name must be covered
 * (glss_check_attribs). False when the draw must not reach the driver.
 * Draws that add basevertex to every index (ES 3.2): the restart index is recognised before the addition (ES 3.2
 * 10.3.6), and the vertices read are the others plus basevertex, computed
 * in 64 bits. A sum outside 0..2^32-1 names no vertex of any array: the
 * draw is refused with GL_INVALID_OPERATION, as one reading past a buffer
 * (the result is undefined in ES; the driver would wrap it). */
static bool glss_check_elements_base(struct glss_worker *w, GLenum mode, GLenum type, GLsizei count,
				     const void *indices, int64_t offset, uint32_t instances, GLint basevertex,
				     uint32_t *disabled, bool *client_arrays)
{
	*disabled = 0;
	*client_arrays = false;
	if (count <= 0 || !gls_index_size(type))
		return true; /* the driver reports a bad count or type first */
	struct glss_draw_range range = {0, 0, instances, 0};
	bool restart = glss_primitive_restart(w, mode);
	if (indices)
		glss_index_range(indices, type, (uint32_t)count, restart, &range.lo, &range.hi);
	else if (!glss_element_range(w, glss_vao_current(w), type, (uint64_t)offset, (uint32_t)count, restart,
				     &range.lo, &range.hi))
		return false; /* the indices are cached per buffer range */
	if (basevertex && range.lo <= range.hi) {
		int64_t lo = (int64_t)range.lo + basevertex, hi = (int64_t)range.hi + basevertex;
		if (lo < 0 || hi > (int64_t)UINT32_MAX) {
			glss_set_error(w, GL_INVALID_OPERATION);
			return false;
		}
		range.lo = (uint32_t)lo;
		range.hi = (uint32_t)hi;
	}
	return glss_check_attribs(w, &range, disabled, client_arrays);
}

static bool glss_check_elements(struct glss_worker *w, GLenum mode, GLenum type, GLsizei count, const void *indices,
				int64_t offset, uint32_t instances, uint32_t *disabled, bool *client_arrays)
{
	return glss_check_elements_base(w, mode, type, count, indices, offset, instances, 0, disabled, client_arrays);
}

/* wire glDrawArrays: u32 mode, i32 first, i32 count
 * wire glDrawArraysInstancedEXT / glDrawArraysInstanced (ES 3.0): u32 mode,
 *   i32 first, i32 count, i32 primcount */
static void glss_draw_arrays(struct glss_worker *w, struct gls_reader *r, uint16_t opcode)
{
	bool instanced = opcode != GLS_OP_glDrawArrays;
	GLenum mode = gls_get_u32(r);
	GLint first = gls_get_i32(r);
	GLsizei count = gls_get_i32(r);
	GLsizei instances = instanced ? gls_get_i32(r) : 1;
	if (!gls_reader_done(r))
		return;
	bool valid = opcode == GLS_OP_glDrawArrays		     ? glss_check_enums_glDrawArrays(w, mode)
		     : opcode == GLS_OP_glDrawArraysInstancedEXT ? glss_check_enums_glDrawArraysInstancedEXT(w, mode)
								 : glss_check_enums_glDrawArraysInstanced(w, mode);
	if (!valid)
		return;
	if (opcode == GLS_OP_glDrawArraysInstancedEXT && !glss_ext.glDrawArraysInstancedEXT) {
		glss_fail(w, "glDrawArraysInstancedEXT is not available");
		return;
	}
	uint32_t disabled = 0;
	bool client_arrays;
	/* A negative count or instance count: the driver raises
	 * GL_INVALID_VALUE before it reads anything. A negative first it does
	 * not refuse (Mesa 22 reads before the arrays: found by fuzzing), so
	 * the worker raises GL_INVALID_VALUE as WebGL does, once the count's
	 * error had its turn. */
	if (first < 0 && count >= 0 && instances >= 0) {
		glss_set_error(w, GL_INVALID_VALUE);
		return;
	}
	if (count > 0 && instances >= 0) {
		struct glss_draw_range range = {(uint32_t)first, (uint32_t)first + (uint32_t)count - 1,
						(uint32_t)instances, 0};
		if (!glss_check_attribs(w, &range, &disabled, &client_arrays))
			return;
	}
	if (opcode == GLS_OP_glDrawArrays)
		glDrawArrays(mode, first, count);
	else if (opcode == GLS_OP_glDrawArraysInstancedEXT)
		glss_ext.glDrawArraysInstancedEXT(mode, first, count, instances);
	else
		glDrawArraysInstanced(mode, first, count, instances);
	glss_restore_arrays(disabled);
}

void glss_exec_glDrawArrays(struct glss_worker *w, struct gls_reader *r)
{
	glss_draw_arrays(w, r, GLS_OP_glDrawArrays);
}

void glss_exec_glDrawArraysInstancedEXT(struct glss_worker *w, struct gls_reader *r)
{
	glss_draw_arrays(w, r, GLS_OP_glDrawArraysInstancedEXT);
}

void glss_exec_glDrawArraysInstanced(struct glss_worker *w, struct gls_reader *r)
{
	glss_draw_arrays(w, r, GLS_OP_glDrawArraysInstanced);
}

/* wire glDrawElements: u32 mode, i32 count, u32 type, i64 offset into the
 *   bound GL_ELEMENT_ARRAY_BUFFER */
void glss_exec_glDrawElements(struct glss_worker *w, struct gls_reader *r)
{
	GLenum mode = gls_get_u32(r);
	GLsizei count = gls_get_i32(r);
	GLenum type = gls_get_u32(r);
	int64_t offset = gls_get_i64(r);
	if (!gls_reader_done(r) || !glss_check_enums_glDrawElements(w, mode, type))
		return;
	GLint buffer = 0;
	glGetIntegerv(GL_ELEMENT_ARRAY_BUFFER_BINDING, &buffer);
	if (!buffer || offset < 0) {
		glss_fail(w, "glDrawElements offset %lld without an element buffer", (long long)offset);
		return;
	}
	uint32_t disabled;
	bool client_arrays;
	if (!glss_check_elements(w, mode, type, count, NULL, offset, 1, &disabled, &client_arrays))
		return;
	glDrawElements(mode, count, type, (const void *)(uintptr_t)offset);
	glss_restore_arrays(disabled);
}

/* wire glsDrawElementsInline: u32 mode, i32 count, u32 type, blob indices */
void glss_exec_glsDrawElementsInline(struct glss_worker *w, struct gls_reader *r)
{
	GLenum mode = gls_get_u32(r);
	GLsizei count = gls_get_i32(r);
	GLenum type = gls_get_u32(r);
	uint32_t len;
	const void *indices = gls_get_blob(r, &len);
	if (!gls_reader_done(r) || !glss_check_enums_glDrawElements(w, mode, type))
		return;
	GLint buffer = 0;
	glGetIntegerv(GL_ELEMENT_ARRAY_BUFFER_BINDING, &buffer);
	unsigned size = gls_index_size(type);
	uint64_t expected = count > 0 ? (uint64_t)count * size : 0;
	if (buffer || (size && expected != len)) {
		glss_fail(w, "glsDrawElementsInline of %d indices carries %u bytes", count, len);
		return;
	}
	/* An unknown type or a negative count: the driver reports it first. */
	static const uint32_t none;
	uint32_t disabled;
	bool client_arrays;
	if (!glss_check_elements(w, mode, type, count, len ? indices : &none, 0, 1, &disabled, &client_arrays))
		return;
	glDrawElements(mode, count, type, len ? indices : &none);
	glss_restore_arrays(disabled);
}

/* ---- instanced and range draws: EXT_draw_instanced, OpenGL ES 3.0 ----
 * Attributes with a divisor (ES 3.0) read the elements the instances
 * name; the others the vertices one glDrawElements of the same indices
 * reads: glss_check_attribs covers both. */

/* The indices of an ES 3.x element draw, as sent: inline (a blob of
 * exactly count indices, no element buffer bound) or an offset into the
 * bound element buffer; then the pointer the checks read (inline_pointer,
 * NULL for a buffer) and the one the driver gets. */
struct glss_element_source {
	uint32_t inline_indices;
	const void *indices;
	uint32_t len;
	int64_t offset;
	const void *inline_pointer, *pointer;
};

/* wire: u32 inline, then i64 offset (inline 0) or blob indices (inline 1) */
static void glss_element_source_read(struct gls_reader *r, struct glss_element_source *src)
{
	*src = (struct glss_element_source){0};
	src->inline_indices = gls_get_u32(r);
	if (src->inline_indices)
		src->indices = gls_get_blob(r, &src->len);
	else
		src->offset = gls_get_i64(r);
}

/* False when the worker ended the client (a source that cannot be). */
static bool glss_element_source_check(struct glss_worker *w, uint16_t opcode, GLsizei count, GLenum type,
				      struct glss_element_source *src)
{
	static const uint32_t none;
	GLint buffer = 0;
	glGetIntegerv(GL_ELEMENT_ARRAY_BUFFER_BINDING, &buffer);
	unsigned size = gls_index_size(type);
	uint64_t expected = count > 0 ? (uint64_t)count * size : 0;
	if (src->inline_indices > 1 || (src->inline_indices && (buffer || (size && expected != src->len))) ||
	    (!src->inline_indices && (!buffer || src->offset < 0))) {
		glss_fail(w, "bad %s of %d indices (inline %u, %u bytes)", gls_opcode_name(opcode), count,
			  src->inline_indices, src->len);
		return false;
	}
	src->inline_pointer = src->inline_indices ? (src->len ? src->indices : &none) : NULL;
	src->pointer = src->inline_indices ? src->inline_pointer : (const void *)(uintptr_t)src->offset;
	return true;
}

/* wire glDrawElementsInstancedEXT / glDrawElementsInstanced (ES 3.0):
 *   u32 mode, i32 count, u32 type, i32 primcount, u32 inline, then i64
 *   offset into the bound GL_ELEMENT_ARRAY_BUFFER (inline 0) or blob indices
 *   (inline 1, no buffer)
 * wire glDrawRangeElements (ES 3.0): u32 mode, u32 start, u32 end, i32 count,
 *   u32 type, u32 inline, then as above */
static void glss_draw_elements_more(struct glss_worker *w, struct gls_reader *r, uint16_t opcode)
{
	bool range = opcode == GLS_OP_glDrawRangeElements;
	GLenum mode = gls_get_u32(r);
	GLuint start = range ? gls_get_u32(r) : 0;
	GLuint end = range ? gls_get_u32(r) : 0;
	GLsizei count = gls_get_i32(r);
	GLenum type = gls_get_u32(r);
	GLsizei primcount = range ? 1 : gls_get_i32(r);
	struct glss_element_source src;
	glss_element_source_read(r, &src);
	if (!gls_reader_done(r))
		return;
	bool valid = opcode == GLS_OP_glDrawElementsInstancedEXT ? glss_check_enums_glDrawElementsInstancedEXT(w, mode, type)
		     : opcode == GLS_OP_glDrawElementsInstanced  ? glss_check_enums_glDrawElementsInstanced(w, mode, type)
								 : glss_check_enums_glDrawRangeElements(w, mode, type);
	if (!valid)
		return;
	if (opcode == GLS_OP_glDrawElementsInstancedEXT && !glss_ext.glDrawElementsInstancedEXT) {
		glss_fail(w, "glDrawElementsInstancedEXT is not available");
		return;
	}
	if (!glss_element_source_check(w, opcode, count, type, &src))
		return;
	uint32_t disabled = 0;
	bool client_arrays = false;
	/* A negative instance count or an inverted range: the driver raises
	 * GL_INVALID_VALUE before it reads anything. Otherwise the same checks
	 * as glDrawElements / glsDrawElementsInline. */
	bool driver_refuses = primcount < 0 || (range && end < start);
	if (!driver_refuses &&
	    !glss_check_elements(w, mode, type, count, src.inline_pointer, src.offset, (uint32_t)primcount, &disabled,
				&client_arrays))
		return;
	if (opcode == GLS_OP_glDrawElementsInstancedEXT)
		glss_ext.glDrawElementsInstancedEXT(mode, count, type, src.pointer, primcount);
	else if (opcode == GLS_OP_glDrawElementsInstanced)
		glDrawElementsInstanced(mode, count, type, src.pointer, primcount);
	else if (client_arrays || (count <= 0 && !driver_refuses))
		/* start and end are a promise the driver may trust to copy client
		 * memory (indices outside them are undefined behaviour): drawn
		 * as glDrawElements, the driver reads the vertices the indices
		 * name, which the client sent and glss_check_attribs checked.
		 * Without indices (unchecked) neither reads a vertex. */
		glDrawElements(mode, count, type, src.pointer);
	else
		glDrawRangeElements(mode, start, end, count, type, src.pointer);
	glss_restore_arrays(disabled);
}

void glss_exec_glDrawElementsInstancedEXT(struct glss_worker *w, struct gls_reader *r)
{
	glss_draw_elements_more(w, r, GLS_OP_glDrawElementsInstancedEXT);
}

void glss_exec_glDrawElementsInstanced(struct glss_worker *w, struct gls_reader *r)
{
	glss_draw_elements_more(w, r, GLS_OP_glDrawElementsInstanced);
}

void glss_exec_glDrawRangeElements(struct glss_worker *w, struct gls_reader *r)
{
	glss_draw_elements_more(w, r, GLS_OP_glDrawRangeElements);
}

/* ---- base vertex draws: OpenGL ES 3.2 ----
 * wire glDrawElementsBaseVertex: u32 mode, i32 count, u32 type,
 *   i32 basevertex, u32 inline, then i64 offset into the bound
 *   GL_ELEMENT_ARRAY_BUFFER (inline 0) or blob indices (inline 1, no buffer)
 * wire glDrawRangeElementsBaseVertex: u32 mode, u32 start, u32 end,
 *   i32 count, u32 type, i32 basevertex, u32 inline, then as above
 * wire glDrawElementsInstancedBaseVertex: u32 mode, i32 count, u32 type,
 *   i32 instancecount, i32 basevertex, u32 inline, then as above */
static void glss_draw_elements_base_vertex(struct glss_worker *w, struct gls_reader *r, uint16_t opcode)
{
	bool range = opcode == GLS_OP_glDrawRangeElementsBaseVertex;
	bool instanced = opcode == GLS_OP_glDrawElementsInstancedBaseVertex;
	GLenum mode = gls_get_u32(r);
	GLuint start = range ? gls_get_u32(r) : 0;
	GLuint end = range ? gls_get_u32(r) : 0;
	GLsizei count = gls_get_i32(r);
	GLenum type = gls_get_u32(r);
	GLsizei instances = instanced ? gls_get_i32(r) : 1;
	GLint basevertex = gls_get_i32(r);
	struct glss_element_source src;
	glss_element_source_read(r, &src);
	if (!gls_reader_done(r))
		return;
	bool valid = range       ? glss_check_enums_glDrawRangeElementsBaseVertex(w, mode, type)
		     : instanced ? glss_check_enums_glDrawElementsInstancedBaseVertex(w, mode, type)
				 : glss_check_enums_glDrawElementsBaseVertex(w, mode, type);
	if (!valid)
		return;
	if (!glss_element_source_check(w, opcode, count, type, &src))
		return;
	uint32_t disabled = 0;
	bool client_arrays = false;
	bool driver_refuses = instances < 0 || (range && end < start);
	if (!driver_refuses && !glss_check_elements_base(w, mode, type, count, src.inline_pointer, src.offset,
							 (uint32_t)instances, basevertex, &disabled, &client_arrays))
		return;
	if (instanced)
		glDrawElementsInstancedBaseVertex(mode, count, type, src.pointer, instances, basevertex);
	else if (!range || client_arrays || (count <= 0 && !driver_refuses))
		/* start and end: as glDrawRangeElements (a promise the driver may
		 * trust to copy client memory, not checked) */
		glDrawElementsBaseVertex(mode, count, type, src.pointer, basevertex);
	else
		glDrawRangeElementsBaseVertex(mode, start, end, count, type, src.pointer, basevertex);
	glss_restore_arrays(disabled);
}

void glss_exec_glDrawElementsBaseVertex(struct glss_worker *w, struct gls_reader *r)
{
	glss_draw_elements_base_vertex(w, r, GLS_OP_glDrawElementsBaseVertex);
}

void glss_exec_glDrawRangeElementsBaseVertex(struct glss_worker *w, struct gls_reader *r)
{
	glss_draw_elements_base_vertex(w, r, GLS_OP_glDrawRangeElementsBaseVertex);
}

void glss_exec_glDrawElementsInstancedBaseVertex(struct glss_worker *w, struct gls_reader *r)
{
	glss_draw_elements_base_vertex(w, r, GLS_OP_glDrawElementsInstancedBaseVertex);
}
