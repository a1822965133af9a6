/* Vertex attribute pointers and draws. Attributes that point into client
 * memory are sent with each draw: only the vertices the draw reads, found
 * from first/count or from the largest and smallest index. */
#include <stdlib.h>
#include <string.h>

#include "glsc_gl.h"
#include "glsc_gl_geomtess.h"
#include "glsc_gl_generated.h"
#include "glsc_stream.h"
#include "gls_extensions.h"
#include "gls_pixels.h"
#include "gls_wire.h"

/* Validates and records a glVertexAttribPointer / glVertexAttribIPointer
 * (integer) in the bound vertex array; one reading a buffer is sent.
 * wire glVertexAttribPointer: u32 index, i32 size, u32 type, u32 normalized,
 *   i32 stride, i64 offset into the bound GL_ARRAY_BUFFER
 * wire glVertexAttribIPointer: u32 index, i32 size, u32 type, i32 stride,
 *   i64 offset into the bound GL_ARRAY_BUFFER */
static void glsc_vertex_attrib_pointer(struct glsc_context *ctx, GLuint index, GLint size, GLenum type,
				       GLboolean normalized, GLsizei stride, const void *pointer, bool integer)
{
	bool es3 = ctx->info.es_version >= 30;
	bool packed = type == GL_INT_2_10_10_10_REV || type == GL_UNSIGNED_INT_2_10_10_10_REV;
	bool type_ok;
	if (integer)
		type_ok = type == GL_BYTE || type == GL_UNSIGNED_BYTE || type == GL_SHORT || type == GL_UNSIGNED_SHORT ||
			  type == GL_INT || type == GL_UNSIGNED_INT;
	else
		type_ok = gls_attrib_type_size(type) ||
			  (es3 && (type == GL_INT || type == GL_UNSIGNED_INT || type == GL_HALF_FLOAT || packed));
	GLenum error = GL_NO_ERROR;
	if ((GLint)index >= ctx->info.max_vertex_attribs || stride < 0)
		error = GL_INVALID_VALUE;
	else if (es3 && ctx->vertex_array_name && !ctx->array_buffer && pointer)
		error = GL_INVALID_OPERATION; /* ES 3.0 2.9.6: client arrays in vertex array 0 only */
	else if (!type_ok)
		error = GL_INVALID_ENUM;
	else if (size < 1 || size > 4)
		error = GL_INVALID_VALUE;
	else if (packed && size != 4)
		error = GL_INVALID_OPERATION;
	if (error != GL_NO_ERROR) {
		glsc_set_error_locked(error);
		return;
	}
	struct glsc_vertex_attrib *a = &ctx->vertex_array->attribs[index];
	a->size = size;
	a->type = type;
	a->normalized = normalized ? GL_TRUE : GL_FALSE;
	a->integer = integer;
	a->stride = stride;
	a->pointer = pointer;
	a->buffer = ctx->array_buffer;
	/* es3.1 draw: a named vertex array of an ES 3.1 context is the
	 * driver's to answer for (glsc_gl_query.c): a null pointer without a
	 * buffer is sent too (it reads nothing) */
	bool driver_state = ctx->vertex_array_name && !pointer &&
			    (ctx->info.advertised & GLS_EXT_BIT(GL_ES_VERSION_3_1));
	if (a->buffer == 0 && !driver_state)
		return; /* client memory: sent with the draws that read it */
	uint8_t *w = integer ? glsc_begin(ctx, GLS_OP_glVertexAttribIPointer, 24)
			     : glsc_begin(ctx, GLS_OP_glVertexAttribPointer, 28);
	if (w) {
		w = gls_put_u32(w, index);
		w = gls_put_i32(w, size);
		w = gls_put_u32(w, type);
		if (!integer)
			w = gls_put_u32(w, a->normalized);
		w = gls_put_i32(w, stride);
		gls_put_i64(w, (int64_t)(uintptr_t)pointer);
	}
}

void glsc_glVertexAttribPointer(GLuint index, GLint size, GLenum type, GLboolean normalized, GLsizei stride,
				const void *pointer)
{
	struct glsc_context *ctx = glsc_gl_enter();
	if (!ctx)
		return;
	glsc_vertex_attrib_pointer(ctx, index, size, type, normalized, stride, pointer, false);
	glsc_gl_leave();
}

/* OpenGL ES 3.0 */
void glsc_glVertexAttribIPointer(GLuint index, GLint size, GLenum type, GLsizei stride, const void *pointer)
{
	struct glsc_context *ctx = glsc_gl_enter_offered(GLS_EXT_BIT(GL_ES_VERSION_3_0));
	if (!ctx)
		return;
	glsc_vertex_attrib_pointer(ctx, index, size, type, GL_FALSE, stride, pointer, true);
	glsc_gl_leave();
}

/* The vertices a draw reads: lo..hi of attributes without a divisor (none
 * when lo > hi), and `instances` instances, which read elements
 * 0..(instances - 1) / divisor of the others (ES 3.0 2.9.3: a
 * non-instanced draw is one instance). */
struct glsc_draw_range {
	uint32_t lo, hi;
	uint32_t instances;
};

/* wire glsClientArray: u32 index, i32 size, u32 type, u32 flags (bit 0:
 *   normalized, bit 1: integer, ES 3.0), i32 stride, u32 first vertex,
 *   blob (vertices first..last, `stride` apart) */
static void glsc_send_client_arrays(struct glsc_context *ctx, const struct glsc_draw_range *range)
{
	for (GLint i = 0; i < ctx->info.max_vertex_attribs; i++) {
		struct glsc_vertex_attrib *a = &ctx->vertex_array->attribs[i];
		if (!a->enabled || a->buffer || !a->pointer)
			continue;
		uint32_t first = range->lo, last = range->hi;
		if (a->divisor) {
			first = 0;
			last = range->instances ? (range->instances - 1) / a->divisor : 0;
			if (!range->instances)
				continue; /* no instance: nothing is read */
		} else if (range->lo > range->hi) {
			continue;
		}
		size_t element = gls_attrib_element_size(a->size, a->type);
		size_t stride = a->stride ? (size_t)a->stride : element;
		uint64_t bytes = (uint64_t)(last - first) * stride + element;
		if (bytes > GLS_MAX_MESSAGE - 64) {
			glsc_set_error_locked(GL_OUT_OF_MEMORY);
			continue;
		}
		uint8_t *w = glsc_begin(ctx, GLS_OP_glsClientArray, 28 + gls_pad4((size_t)bytes));
		if (!w)
			return;
		w = gls_put_u32(w, (uint32_t)i);
		w = gls_put_i32(w, a->size);
		w = gls_put_u32(w, a->type);
		w = gls_put_u32(w, (a->normalized ? 1u : 0u) | (a->integer ? 2u : 0u));
		w = gls_put_i32(w, (GLint)stride);
		w = gls_put_u32(w, first);
		w = gls_put_u32(w, (uint32_t)bytes);
		gls_put_bytes(w, (const uint8_t *)a->pointer + (size_t)first * stride, (size_t)bytes);
	}
}

static bool glsc_uses_client_arrays(struct glsc_context *ctx)
{
	for (GLint i = 0; i < ctx->info.max_vertex_attribs; i++) {
		struct glsc_vertex_attrib *a = &ctx->vertex_array->attribs[i];
		if (a->enabled && !a->buffer && a->pointer)
			return true;
	}
	return false;
}

/* wire glDrawArrays: u32 mode, i32 first, i32 count
 * wire glDrawArraysInstancedEXT / glDrawArraysInstanced (ES 3.0): u32 mode,
 *   i32 first, i32 count, i32 primcount */
static void glsc_draw_arrays(uint16_t opcode, GLenum mode, GLint first, GLsizei count, GLsizei instances)
{
	struct glsc_context *ctx = glsc_current_context();
	bool instanced = opcode != GLS_OP_glDrawArrays;
	if (first >= 0 && count > 0 && instances >= 0) {
		struct glsc_draw_range range = {(uint32_t)first, (uint32_t)first + (uint32_t)count - 1,
						(uint32_t)instances};
		glsc_send_client_arrays(ctx, &range);
	}
	uint8_t *w = glsc_begin(ctx, opcode, instanced ? 16 : 12);
	if (w) {
		w = gls_put_u32(w, mode);
		w = gls_put_i32(w, first);
		w = gls_put_i32(w, count);
		if (instanced)
			gls_put_i32(w, instances);
	}
}

void glsc_glDrawArrays(GLenum mode, GLint first, GLsizei count)
{
	if (!glsc_gl_enter())
		return;
	glsc_draw_arrays(GLS_OP_glDrawArrays, mode, first, count, 1);
	glsc_gl_leave();
}

void glsc_glDrawArraysInstancedEXT(GLenum mode, GLint first, GLsizei count, GLsizei primcount)
{
	if (!glsc_gl_enter())
		return;
	glsc_draw_arrays(GLS_OP_glDrawArraysInstancedEXT, mode, first, count, primcount);
	glsc_gl_leave();
}

void glsc_glDrawArraysInstanced(GLenum mode, GLint first, GLsizei count, GLsizei instancecount)
{
	if (!glsc_gl_enter_offered(GLS_EXT_BIT(GL_ES_VERSION_3_0)))
		return;
	glsc_draw_arrays(GLS_OP_glDrawArraysInstanced, mode, first, count, instancecount);
	glsc_gl_leave();
}

/* The smallest and largest index, skipping the restart index (all ones of
 * the type) when GL_PRIMITIVE_RESTART_FIXED_INDEX is on: it names no
 * vertex. lo > hi when no index names one. */
static void glsc_index_range(const void *indices, GLenum type, GLsizei count, bool restart, uint32_t *lo,
			     uint32_t *hi)
{
	uint32_t min = UINT32_MAX, max = 0;
	uint32_t restart_index = type == GL_UNSIGNED_BYTE ? 0xff : type == GL_UNSIGNED_SHORT ? 0xffff : 0xffffffff;
	for (GLsizei i = 0; i < count; i++) {
		uint32_t v;
		if (type == GL_UNSIGNED_BYTE)
			v = ((const uint8_t *)indices)[i];
		else if (type == GL_UNSIGNED_SHORT)
			v = ((const uint16_t *)indices)[i];
		else
			v = ((const uint32_t *)indices)[i];
		if (restart && v == restart_index)
			continue;
		min = v < min ? v : min;
		max = v > max ? v : max;
	}
	*lo = min;
	*hi = max;
}

/* How a glDrawElements-like call travels. */
enum glsc_elements_call {
	GLSC_DRAW_ELEMENTS,
	GLSC_DRAW_ELEMENTS_INSTANCED_EXT,
	GLSC_DRAW_ELEMENTS_INSTANCED, /* ES 3.0 */
	GLSC_DRAW_RANGE_ELEMENTS,     /* ES 3.0 */
	GLSC_DRAW_ELEMENTS_BASE_VERTEX,		  /* ES 3.2 */
	GLSC_DRAW_RANGE_ELEMENTS_BASE_VERTEX,	  /* ES 3.2 */
	GLSC_DRAW_ELEMENTS_INSTANCED_BASE_VERTEX, /* ES 3.2 */
};

/* The vertices indices lo..hi name with basevertex added (the restart
 * index was skipped before the addition); false when one falls outside
 * 0..2^32-1, a vertex of no array (the worker refuses such a draw with
 * GL_INVALID_OPERATION; the client sends no vertex for it). */
static bool glsc_add_base_vertex(uint32_t *lo, uint32_t *hi, GLint basevertex)
{
	if (*lo > *hi || !basevertex)
		return true;
	int64_t first = (int64_t)*lo + basevertex, last = (int64_t)*hi + basevertex;
	if (first < 0 || last > (int64_t)UINT32_MAX)
		return false;
	*lo = (uint32_t)first;
	*hi = (uint32_t)last;
	return true;
}

/* wire glDrawElements: u32 mode, i32 count, u32 type, i64 offset into the
 *   bound GL_ELEMENT_ARRAY_BUFFER
 * wire glsDrawElementsInline: u32 mode, i32 count, u32 type, blob indices
 * wire glDrawElementsInstancedEXT / glDrawElementsInstanced (ES 3.0):
 *   u32 mode, i32 count, u32 type, i32 primcount, u32 inline, then i64
 *   offset (inline 0) or blob indices
 * wire glDrawRangeElements (ES 3.0): u32 mode, u32 start, u32 end, i32 count,
 *   u32 type, u32 inline, then i64 offset (inline 0) or blob indices
 * wire glDrawElementsBaseVertex (ES 3.2): u32 mode, i32 count, u32 type,
 *   i32 basevertex, u32 inline, then as above
 * wire glDrawRangeElementsBaseVertex (ES 3.2): u32 mode, u32 start, u32 end,
 *   i32 count, u32 type, i32 basevertex, u32 inline, then as above
 * wire glDrawElementsInstancedBaseVertex (ES 3.2): u32 mode, i32 count,
 *   u32 type, i32 instancecount, i32 basevertex, u32 inline, then as above */
static void glsc_draw_elements_locked(struct glsc_context *ctx, enum glsc_elements_call call, GLenum mode,
				      GLsizei count, GLenum type, const void *indices, GLsizei instances, GLuint start,
				      GLuint end, GLint basevertex)
{
	unsigned index_size = gls_index_size(type);
	GLuint element_buffer = ctx->vertex_array->element_buffer;
	size_t bytes = count > 0 ? (size_t)count * index_size : 0;
	bool based = call == GLSC_DRAW_ELEMENTS_BASE_VERTEX || call == GLSC_DRAW_RANGE_ELEMENTS_BASE_VERTEX ||
		     call == GLSC_DRAW_ELEMENTS_INSTANCED_BASE_VERTEX;
	bool instanced = call == GLSC_DRAW_ELEMENTS_INSTANCED_EXT || call == GLSC_DRAW_ELEMENTS_INSTANCED ||
			 call == GLSC_DRAW_ELEMENTS_INSTANCED_BASE_VERTEX;
	bool range = call == GLSC_DRAW_RANGE_ELEMENTS || call == GLSC_DRAW_RANGE_ELEMENTS_BASE_VERTEX;
	uint16_t opcode = call == GLSC_DRAW_ELEMENTS_INSTANCED_EXT	   ? GLS_OP_glDrawElementsInstancedEXT
			  : call == GLSC_DRAW_ELEMENTS_INSTANCED	   ? GLS_OP_glDrawElementsInstanced
			  : call == GLSC_DRAW_RANGE_ELEMENTS		   ? GLS_OP_glDrawRangeElements
			  : call == GLSC_DRAW_ELEMENTS_BASE_VERTEX	   ? GLS_OP_glDrawElementsBaseVertex
			  : call == GLSC_DRAW_RANGE_ELEMENTS_BASE_VERTEX   ? GLS_OP_glDrawRangeElementsBaseVertex
			  : call == GLSC_DRAW_ELEMENTS_INSTANCED_BASE_VERTEX ? GLS_OP_glDrawElementsInstancedBaseVertex
			  : element_buffer				   ? GLS_OP_glDrawElements
									   : GLS_OP_glsDrawElementsInline;
	/* before the inline flag */
	size_t head = (instanced ? 16 : range ? 20 : 12) + (based ? 4 : 0);
	bool has_inline_flag = instanced || range || based;

	const void *index_data = indices;
	if (element_buffer) {
		struct glsc_buffer *buffer = glsc_buffer_lookup(ctx, element_buffer);
		uintptr_t offset = (uintptr_t)indices;
		index_data = NULL;
		if (buffer && buffer->shadow && offset <= (uintptr_t)buffer->size &&
		    bytes <= (uintptr_t)buffer->size - offset)
			index_data = buffer->shadow + offset;
	}
	/* the driver reports a negative instance count or an inverted range first */
	if (bytes && index_data && instances >= 0 && (!range || start <= end) && glsc_uses_client_arrays(ctx)) {
		struct glsc_draw_range vertices = {0, 0, (uint32_t)instances};
		bool restart = ctx->primitive_restart && glsc_restart_applies(ctx, mode); /* es3.2 geomtess */
		glsc_index_range(index_data, type, count, restart, &vertices.lo, &vertices.hi);
		if (glsc_add_base_vertex(&vertices.lo, &vertices.hi, basevertex))
			glsc_send_client_arrays(ctx, &vertices);
	}

	if (!element_buffer) {
		if (!indices && bytes) {
			/* a driver would read address 0; report it instead */
			glsc_set_error_locked(GL_INVALID_OPERATION);
			return;
		}
		if (bytes > GLS_MAX_MESSAGE - 64) {
			glsc_set_error_locked(GL_OUT_OF_MEMORY);
			return;
		}
	}
	uint8_t *w = glsc_begin(ctx, opcode, head + (has_inline_flag ? 4 : 0) +
						     (element_buffer ? 8 : 4 + gls_pad4(bytes)));
	if (!w)
		return;
	w = gls_put_u32(w, mode);
	if (range) {
		w = gls_put_u32(w, start);
		w = gls_put_u32(w, end);
	}
	w = gls_put_i32(w, count);
	w = gls_put_u32(w, type);
	if (instanced)
		w = gls_put_i32(w, instances);
	if (based)
		w = gls_put_i32(w, basevertex);
	if (has_inline_flag)
		w = gls_put_u32(w, element_buffer ? 0 : 1);
	if (element_buffer) {
		gls_put_i64(w, (int64_t)(uintptr_t)indices);
	} else {
		w = gls_put_u32(w, (uint32_t)bytes);
		gls_put_bytes(w, indices, bytes);
	}
}

void glsc_glDrawElements(GLenum mode, GLsizei count, GLenum type, const void *indices)
{
	struct glsc_context *ctx = glsc_gl_enter();
	if (!ctx)
		return;
	glsc_draw_elements_locked(ctx, GLSC_DRAW_ELEMENTS, mode, count, type, indices, 1, 0, 0, 0);
	glsc_gl_leave();
}

void glsc_glDrawElementsInstancedEXT(GLenum mode, GLsizei count, GLenum type, const void *indices, GLsizei primcount)
{
	struct glsc_context *ctx = glsc_gl_enter();
	if (!ctx)
		return;
	glsc_draw_elements_locked(ctx, GLSC_DRAW_ELEMENTS_INSTANCED_EXT, mode, count, type, indices, primcount, 0, 0, 0);
	glsc_gl_leave();
}

void glsc_glDrawElementsInstanced(GLenum mode, GLsizei count, GLenum type, const void *indices,
				  GLsizei instancecount)
{
	struct glsc_context *ctx = glsc_gl_enter_offered(GLS_EXT_BIT(GL_ES_VERSION_3_0));
	if (!ctx)
		return;
	glsc_draw_elements_locked(ctx, GLSC_DRAW_ELEMENTS_INSTANCED, mode, count, type, indices, instancecount, 0, 0, 0);
	glsc_gl_leave();
}

/* The client sends the vertices the indices name, whatever start and end
 * say (indices outside them are allowed, with undefined results). */
void glsc_glDrawRangeElements(GLenum mode, GLuint start, GLuint end, GLsizei count, GLenum type, const void *indices)
{
	struct glsc_context *ctx = glsc_gl_enter_offered(GLS_EXT_BIT(GL_ES_VERSION_3_0));
	if (!ctx)
		return;
	glsc_draw_elements_locked(ctx, GLSC_DRAW_RANGE_ELEMENTS, mode, count, type, indices, 1, start, end, 0);
	glsc_gl_leave();
}

/* OpenGL ES 3.2: the client sends the vertices the indices name plus
 * basevertex (the restart index excluded before the addition). */
void glsc_glDrawElementsBaseVertex(GLenum mode, GLsizei count, GLenum type, const void *indices, GLint basevertex)
{
	struct glsc_context *ctx = glsc_gl_enter_offered(GLS_EXT_BIT(GL_ES_VERSION_3_2));
	if (!ctx)
		return;
	glsc_draw_elements_locked(ctx, GLSC_DRAW_ELEMENTS_BASE_VERTEX, mode, count, type, indices, 1, 0, 0, basevertex);
	glsc_gl_leave();
}

void glsc_glDrawRangeElementsBaseVertex(GLenum mode, GLuint start, GLuint end, GLsizei count, GLenum type,
					const void *indices, GLint basevertex)
{
	struct glsc_context *ctx = glsc_gl_enter_offered(GLS_EXT_BIT(GL_ES_VERSION_3_2));
	if (!ctx)
		return;
	glsc_draw_elements_locked(ctx, GLSC_DRAW_RANGE_ELEMENTS_BASE_VERTEX, mode, count, type, indices, 1, start, end,
				  basevertex);
	glsc_gl_leave();
}

void glsc_glDrawElementsInstancedBaseVertex(GLenum mode, GLsizei count, GLenum type, const void *indices,
					    GLsizei instancecount, GLint basevertex)
{
	struct glsc_context *ctx = glsc_gl_enter_offered(GLS_EXT_BIT(GL_ES_VERSION_3_2));
	if (!ctx)
		return;
	glsc_draw_elements_locked(ctx, GLSC_DRAW_ELEMENTS_INSTANCED_BASE_VERTEX, mode, count, type, indices,
				  instancecount, 0, 0, basevertex);
	glsc_gl_leave();
}
