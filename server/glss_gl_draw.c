/* Vertex attribute pointers, client-side arrays and draws. */
#include <stdlib.h>
#include <string.h>

#include <EGL/egl.h>

#include "glss_gl_generated.h"
#include "glss_worker.h"
#include "glss_buffers.h"
#include "gls_pixels.h"

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
	GLint buffer = 0;
	glGetIntegerv(GL_ARRAY_BUFFER_BINDING, &buffer);
	if (!buffer || offset < 0) {
		glss_fail(w, "glVertexAttribPointer offset %lld without an array buffer", (long long)offset);
		return;
	}
	glVertexAttribPointer(index, size, type, normalized, stride, (const void *)(uintptr_t)offset);
	/* The attribute now reads the bound array buffer if the driver took
	 * the call (valid arguments, and the driver shows them): the worker's
	 * record follows what the driver holds. */
	GLint now = 0;
	void *pointer = NULL;
	struct glss_context *c = w->current;
	if (c && !c->max_attribs)
		glGetIntegerv(GL_MAX_VERTEX_ATTRIBS, &c->max_attribs);
	bool valid = c && index < GLSS_MAX_ATTRIBS && index < (GLuint)c->max_attribs && size >= 1 && size <= 4 &&
		     gls_attrib_type_size(type) && stride >= 0;
	if (valid) {
		glGetVertexAttribiv(index, GL_VERTEX_ATTRIB_ARRAY_BUFFER_BINDING, &now);
		glGetVertexAttribPointerv(index, GL_VERTEX_ATTRIB_ARRAY_POINTER, &pointer);
		if (now == buffer && (uintptr_t)pointer == (uint64_t)offset)
			glss_vao_attrib_buffer(w, index, (GLuint)buffer);
	}
}

/* The largest stride accepted for a client array (GLES 3.1 guarantees
 * 2048; ample for ES 2 programs). */
#define GLSS_MAX_CLIENT_STRIDE 65536

/* wire glsClientArray: u32 index, i32 size, u32 type, u32 normalized,
 *   i32 stride, u32 first vertex, blob (the vertices from `first` on) */
void glss_exec_glsClientArray(struct glss_worker *w, struct gls_reader *r)
{
	GLuint index = gls_get_u32(r);
	GLint size = gls_get_i32(r);
	GLenum type = gls_get_u32(r);
	GLboolean normalized = gls_get_u32(r) ? GL_TRUE : GL_FALSE;
	GLsizei stride = gls_get_i32(r);
	uint32_t first = gls_get_u32(r);
	uint32_t len;
	const void *data = gls_get_blob(r, &len);
	if (!gls_reader_done(r) || !glss_check_enums_glVertexAttribPointer(w, type))
		return;
	struct glss_context *c = w->current;
	uint32_t element = size >= 1 && size <= 4 ? (uint32_t)size * gls_attrib_type_size(type) : 0;
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
	glVertexAttribPointer(index, size, type, normalized, stride, (const void *)base);
	glss_vao_attrib_client(w, index);
	if (buffer)
		glBindBuffer(GL_ARRAY_BUFFER, (GLuint)buffer);
}

static void glss_restore_arrays(uint32_t disabled)
{
	for (GLuint i = 0; disabled; i++, disabled >>= 1)
		if (disabled & 1)
			glEnableVertexAttribArray(i);
}

/* Before a draw that reads vertices lo..hi: every enabled attribute must
 * cover them. One reading a buffer: the buffer must hold vertex hi (else
 * GL_INVALID_OPERATION, as WebGL: ES 2.0 leaves it undefined). One reading
 * client memory must be one of our copies and cover that range, so that
 * the driver never reads outside what the client sent (else the worker
 * ends: the client library never sends such a draw). An enabled attribute
 * without any (a null pointer) is disabled for this draw, as if unused;
 * *disabled collects the attributes to enable again after the draw.
 * Returns false when the draw must not reach the driver. */
static bool glss_check_attribs(struct glss_worker *w, uint32_t lo, uint32_t hi, uint32_t *disabled)
{
	struct glss_context *c = w->current;
	*disabled = 0;
	if (!c)
		return true;
	if (!glss_es3_draw_check(w)) /* es3 buffers: uniform blocks, transform feedback */
		return false;
	if (!c->max_attribs)
		glGetIntegerv(GL_MAX_VERTEX_ATTRIBS, &c->max_attribs);
	struct glss_vao *vao = glss_vao_current(w);
	for (GLint i = 0; i < c->max_attribs && i < GLSS_MAX_ATTRIBS; i++) {
		GLint enabled = 0, buffer = 0;
		glGetVertexAttribiv((GLuint)i, GL_VERTEX_ATTRIB_ARRAY_ENABLED, &enabled);
		if (!enabled)
			continue;
		glGetVertexAttribiv((GLuint)i, GL_VERTEX_ATTRIB_ARRAY_BUFFER_BINDING, &buffer);
		if (buffer) {
			if (!glss_check_attrib_buffer(w, vao, (GLuint)i, (GLuint)buffer, hi))
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

/* Before a glDrawElements-like draw of count indices of `type`, inline
 * (indices != NULL) or at offset in the bound element buffer: the vertices
 * the indices name must be covered (glss_check_attribs). False when the
 * draw must not reach the driver. */
static bool glss_check_elements(struct glss_worker *w, GLenum type, GLsizei count, const void *indices,
				int64_t offset, uint32_t *disabled)
{
	*disabled = 0;
	if (count <= 0 || !gls_index_size(type))
		return true; /* the driver reports a bad count or type first */
	uint32_t lo, hi;
	if (indices)
		glss_index_range(indices, type, (uint32_t)count, &lo, &hi);
	else if (!glss_element_range(w, glss_vao_current(w), type, (uint64_t)offset, (uint32_t)count, &lo, &hi))
		return false; /* the indices are cached per buffer range */
	return glss_check_attribs(w, lo, hi, disabled);
}

/* wire glDrawArrays: u32 mode, i32 first, i32 count */
void glss_exec_glDrawArrays(struct glss_worker *w, struct gls_reader *r)
{
	GLenum mode = gls_get_u32(r);
	GLint first = gls_get_i32(r);
	GLsizei count = gls_get_i32(r);
	if (!gls_reader_done(r) || !glss_check_enums_glDrawArrays(w, mode))
		return;
	uint32_t disabled = 0;
	if (first >= 0 && count > 0 &&
	    !glss_check_attribs(w, (uint32_t)first, (uint32_t)first + (uint32_t)count - 1, &disabled))
		return;
	glDrawArrays(mode, first, count);
	glss_restore_arrays(disabled);
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
	if (!glss_check_elements(w, type, count, NULL, offset, &disabled))
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
	if (!glss_check_elements(w, type, count, len ? indices : &none, 0, &disabled))
		return;
	glDrawElements(mode, count, type, len ? indices : &none);
	glss_restore_arrays(disabled);
}

/* ---- EXT_draw_instanced ----
 * glstream offers no vertex attribute divisor (ES 2.0 has none, and
 * glVertexAttribDivisor is no command of ours), so every instance reads
 * the vertices one glDrawArrays / glDrawElements of the same arguments
 * reads: the same range checks apply. */

/* wire glDrawArraysInstancedEXT: u32 mode, i32 first, i32 count, i32 primcount */
void glss_exec_glDrawArraysInstancedEXT(struct glss_worker *w, struct gls_reader *r)
{
	GLenum mode = gls_get_u32(r);
	GLint first = gls_get_i32(r);
	GLsizei count = gls_get_i32(r);
	GLsizei primcount = gls_get_i32(r);
	if (!gls_reader_done(r) || !glss_check_enums_glDrawArraysInstancedEXT(w, mode))
		return;
	if (!glss_ext.glDrawArraysInstancedEXT) {
		glss_fail(w, "glDrawArraysInstancedEXT is not available");
		return;
	}
	uint32_t disabled = 0;
	if (first >= 0 && count > 0 &&
	    !glss_check_attribs(w, (uint32_t)first, (uint32_t)first + (uint32_t)count - 1, &disabled))
		return;
	glss_ext.glDrawArraysInstancedEXT(mode, first, count, primcount);
	glss_restore_arrays(disabled);
}

/* wire glDrawElementsInstancedEXT: u32 mode, i32 count, u32 type,
 *   i32 primcount, u32 inline, then i64 offset into the bound
 *   GL_ELEMENT_ARRAY_BUFFER (inline 0) or blob indices (inline 1, no buffer) */
void glss_exec_glDrawElementsInstancedEXT(struct glss_worker *w, struct gls_reader *r)
{
	GLenum mode = gls_get_u32(r);
	GLsizei count = gls_get_i32(r);
	GLenum type = gls_get_u32(r);
	GLsizei primcount = gls_get_i32(r);
	uint32_t inline_indices = gls_get_u32(r);
	int64_t offset = 0;
	uint32_t len = 0;
	const void *indices = NULL;
	if (inline_indices)
		indices = gls_get_blob(r, &len);
	else
		offset = gls_get_i64(r);
	if (!gls_reader_done(r) || !glss_check_enums_glDrawElementsInstancedEXT(w, mode, type))
		return;
	if (!glss_ext.glDrawElementsInstancedEXT) {
		glss_fail(w, "glDrawElementsInstancedEXT is not available");
		return;
	}
	GLint buffer = 0;
	glGetIntegerv(GL_ELEMENT_ARRAY_BUFFER_BINDING, &buffer);
	unsigned size = gls_index_size(type);
	uint64_t expected = count > 0 ? (uint64_t)count * size : 0;
	if (inline_indices > 1 || (inline_indices && (buffer || (size && expected != len))) ||
	    (!inline_indices && (!buffer || offset < 0))) {
		glss_fail(w, "bad glDrawElementsInstancedEXT of %d indices (inline %u, %u bytes)", count,
			  inline_indices, len);
		return;
	}
	/* the same checks as glDrawElements / glsDrawElementsInline */
	static const uint32_t none;
	const void *inline_pointer = inline_indices ? (len ? indices : &none) : NULL;
	uint32_t disabled;
	if (!glss_check_elements(w, type, count, inline_pointer, offset, &disabled))
		return;
	const void *pointer = inline_indices ? inline_pointer : (const void *)(uintptr_t)offset;
	glss_ext.glDrawElementsInstancedEXT(mode, count, type, pointer, primcount);
	glss_restore_arrays(disabled);
}
