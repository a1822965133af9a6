/* Vertex attribute pointers and draws. Attributes that point into client
 * memory are sent with each draw: only the vertices the draw reads, found
 * from first/count or from the largest and smallest index. */
#include <stdlib.h>
#include <string.h>

#include "glsc_gl.h"
#include "glsc_gl_generated.h"
#include "glsc_stream.h"
#include "gls_pixels.h"
#include "gls_wire.h"

/* wire glVertexAttribPointer: u32 index, i32 size, u32 type, u32 normalized,
 *   i32 stride, i64 offset into the bound GL_ARRAY_BUFFER */
void glsc_glVertexAttribPointer(GLuint index, GLint size, GLenum type, GLboolean normalized, GLsizei stride,
				const void *pointer)
{
	struct glsc_context *ctx = glsc_gl_enter();
	if (!ctx)
		return;
	GLenum error = GL_NO_ERROR;
	if ((GLint)index >= ctx->info.max_vertex_attribs || size < 1 || size > 4 || stride < 0)
		error = GL_INVALID_VALUE;
	else if (!gls_attrib_type_size(type))
		error = GL_INVALID_ENUM;
	if (error != GL_NO_ERROR) {
		glsc_set_error_locked(error);
		goto out;
	}
	struct glsc_vertex_attrib *a = &ctx->vertex_array->attribs[index];
	a->size = size;
	a->type = type;
	a->normalized = normalized ? GL_TRUE : GL_FALSE;
	a->stride = stride;
	a->pointer = pointer;
	a->buffer = ctx->array_buffer;
	if (a->buffer == 0)
		goto out; /* client memory: sent with the draws that read it */
	uint8_t *w = glsc_begin(ctx, GLS_OP_glVertexAttribPointer, 28);
	if (w) {
		w = gls_put_u32(w, index);
		w = gls_put_i32(w, size);
		w = gls_put_u32(w, type);
		w = gls_put_u32(w, a->normalized);
		w = gls_put_i32(w, stride);
		gls_put_i64(w, (int64_t)(uintptr_t)pointer);
	}
out:
	glsc_gl_leave();
}

/* wire glsClientArray: u32 index, i32 size, u32 type, u32 normalized,
 *   i32 stride, u32 first vertex, blob (vertices first..last, `stride` apart) */
static void glsc_send_client_arrays(struct glsc_context *ctx, uint32_t first, uint32_t last)
{
	for (GLint i = 0; i < ctx->info.max_vertex_attribs; i++) {
		struct glsc_vertex_attrib *a = &ctx->vertex_array->attribs[i];
		if (!a->enabled || a->buffer || !a->pointer)
			continue;
		size_t element = (size_t)a->size * gls_attrib_type_size(a->type);
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
		w = gls_put_u32(w, a->normalized);
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

/* wire glDrawArrays: u32 mode, i32 first, i32 count */
void glsc_glDrawArrays(GLenum mode, GLint first, GLsizei count)
{
	struct glsc_context *ctx = glsc_gl_enter();
	if (!ctx)
		return;
	if (first >= 0 && count > 0)
		glsc_send_client_arrays(ctx, (uint32_t)first, (uint32_t)first + (uint32_t)count - 1);
	uint8_t *w = glsc_begin(ctx, GLS_OP_glDrawArrays, 12);
	if (w) {
		w = gls_put_u32(w, mode);
		w = gls_put_i32(w, first);
		gls_put_i32(w, count);
	}
	glsc_gl_leave();
}

/* wire glDrawArraysInstancedEXT: u32 mode, i32 first, i32 count,
 *   i32 primcount. Without divisors (no instanced arrays in ES 2.0) every
 *   instance reads the vertices of one glDrawArrays. */
void glsc_glDrawArraysInstancedEXT(GLenum mode, GLint first, GLsizei count, GLsizei primcount)
{
	struct glsc_context *ctx = glsc_gl_enter();
	if (!ctx)
		return;
	if (first >= 0 && count > 0)
		glsc_send_client_arrays(ctx, (uint32_t)first, (uint32_t)first + (uint32_t)count - 1);
	uint8_t *w = glsc_begin(ctx, GLS_OP_glDrawArraysInstancedEXT, 16);
	if (w) {
		w = gls_put_u32(w, mode);
		w = gls_put_i32(w, first);
		w = gls_put_i32(w, count);
		gls_put_i32(w, primcount);
	}
	glsc_gl_leave();
}

static void glsc_index_range(const void *indices, GLenum type, GLsizei count, uint32_t *lo, uint32_t *hi)
{
	uint32_t min = UINT32_MAX, max = 0;
	for (GLsizei i = 0; i < count; i++) {
		uint32_t v;
		if (type == GL_UNSIGNED_BYTE)
			v = ((const uint8_t *)indices)[i];
		else if (type == GL_UNSIGNED_SHORT)
			v = ((const uint16_t *)indices)[i];
		else
			v = ((const uint32_t *)indices)[i];
		min = v < min ? v : min;
		max = v > max ? v : max;
	}
	*lo = min;
	*hi = max;
}

/* wire glDrawElements: u32 mode, i32 count, u32 type, i64 offset into the
 *   bound GL_ELEMENT_ARRAY_BUFFER
 * wire glsDrawElementsInline: u32 mode, i32 count, u32 type, blob indices
 * wire glDrawElementsInstancedEXT: u32 mode, i32 count, u32 type,
 *   i32 primcount, u32 inline, then i64 offset (inline 0) or blob indices
 *   (every instance reads the vertices of one glDrawElements) */
static void glsc_draw_elements_locked(struct glsc_context *ctx, GLenum mode, GLsizei count, GLenum type,
				      const void *indices, bool instanced, GLsizei instances)
{
	unsigned index_size = gls_index_size(type);
	GLuint element_buffer = ctx->vertex_array->element_buffer;
	size_t bytes = count > 0 ? (size_t)count * index_size : 0;

	const void *index_data = indices;
	if (element_buffer) {
		struct glsc_buffer *buffer = glsc_buffer_lookup(ctx, element_buffer);
		uintptr_t offset = (uintptr_t)indices;
		index_data = NULL;
		if (buffer && buffer->shadow && offset <= (uintptr_t)buffer->size &&
		    bytes <= (uintptr_t)buffer->size - offset)
			index_data = buffer->shadow + offset;
	}
	if (bytes && index_data && glsc_uses_client_arrays(ctx)) {
		uint32_t lo, hi;
		glsc_index_range(index_data, type, count, &lo, &hi);
		glsc_send_client_arrays(ctx, lo, hi);
	}

	uint8_t *w;
	if (element_buffer) {
		w = instanced ? glsc_begin(ctx, GLS_OP_glDrawElementsInstancedEXT, 28)
			      : glsc_begin(ctx, GLS_OP_glDrawElements, 20);
		if (w) {
			w = gls_put_u32(w, mode);
			w = gls_put_i32(w, count);
			w = gls_put_u32(w, type);
			if (instanced) {
				w = gls_put_i32(w, instances);
				w = gls_put_u32(w, 0);
			}
			gls_put_i64(w, (int64_t)(uintptr_t)indices);
		}
	} else {
		if (!indices && bytes) {
			/* a driver would read address 0; report it instead */
			glsc_set_error_locked(GL_INVALID_OPERATION);
			return;
		}
		if (bytes > GLS_MAX_MESSAGE - 64) {
			glsc_set_error_locked(GL_OUT_OF_MEMORY);
			return;
		}
		w = instanced ? glsc_begin(ctx, GLS_OP_glDrawElementsInstancedEXT, 24 + gls_pad4(bytes))
			      : glsc_begin(ctx, GLS_OP_glsDrawElementsInline, 16 + gls_pad4(bytes));
		if (w) {
			w = gls_put_u32(w, mode);
			w = gls_put_i32(w, count);
			w = gls_put_u32(w, type);
			if (instanced) {
				w = gls_put_i32(w, instances);
				w = gls_put_u32(w, 1);
			}
			w = gls_put_u32(w, (uint32_t)bytes);
			gls_put_bytes(w, indices, bytes);
		}
	}
}

void glsc_glDrawElements(GLenum mode, GLsizei count, GLenum type, const void *indices)
{
	struct glsc_context *ctx = glsc_gl_enter();
	if (!ctx)
		return;
	glsc_draw_elements_locked(ctx, mode, count, type, indices, false, 0);
	glsc_gl_leave();
}

void glsc_glDrawElementsInstancedEXT(GLenum mode, GLsizei count, GLenum type, const void *indices, GLsizei primcount)
{
	struct glsc_context *ctx = glsc_gl_enter();
	if (!ctx)
		return;
	glsc_draw_elements_locked(ctx, mode, count, type, indices, true, primcount);
	glsc_gl_leave();
}
