/* Vertex attribute pointers, client-side arrays and draws. */
#include <stdlib.h>
#include <string.h>

#include "glss_gl_generated.h"
#include "glss_worker.h"

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
	if (!gls_reader_done(r))
		return;
	GLint buffer = 0;
	glGetIntegerv(GL_ARRAY_BUFFER_BINDING, &buffer);
	if (!buffer || offset < 0) {
		glss_fail(w, "glVertexAttribPointer offset %lld without an array buffer", (long long)offset);
		return;
	}
	glVertexAttribPointer(index, size, type, normalized, stride, (const void *)(uintptr_t)offset);
}

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
	if (!gls_reader_done(r))
		return;
	struct glss_context *c = w->current;
	if (!c || index >= GLSS_MAX_ATTRIBS || stride <= 0 || len == 0) {
		glss_fail(w, "bad glsClientArray for attribute %u", index);
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
	 * copy so that vertex `first` is its first byte. The draws that follow
	 * read only vertices from `first` on (the client computed them). */
	uintptr_t base = (uintptr_t)c->client_arrays[index] - (uintptr_t)first * (uintptr_t)stride;
	GLint buffer = 0;
	glGetIntegerv(GL_ARRAY_BUFFER_BINDING, &buffer);
	if (buffer)
		glBindBuffer(GL_ARRAY_BUFFER, 0);
	glVertexAttribPointer(index, size, type, normalized, stride, (const void *)base);
	if (buffer)
		glBindBuffer(GL_ARRAY_BUFFER, (GLuint)buffer);
}

/* wire glDrawArrays: u32 mode, i32 first, i32 count */
void glss_exec_glDrawArrays(struct glss_worker *w, struct gls_reader *r)
{
	GLenum mode = gls_get_u32(r);
	GLint first = gls_get_i32(r);
	GLsizei count = gls_get_i32(r);
	if (!gls_reader_done(r))
		return;
	glDrawArrays(mode, first, count);
}

/* wire glDrawElements: u32 mode, i32 count, u32 type, i64 offset into the
 *   bound GL_ELEMENT_ARRAY_BUFFER */
void glss_exec_glDrawElements(struct glss_worker *w, struct gls_reader *r)
{
	GLenum mode = gls_get_u32(r);
	GLsizei count = gls_get_i32(r);
	GLenum type = gls_get_u32(r);
	int64_t offset = gls_get_i64(r);
	if (!gls_reader_done(r))
		return;
	GLint buffer = 0;
	glGetIntegerv(GL_ELEMENT_ARRAY_BUFFER_BINDING, &buffer);
	if (!buffer || offset < 0) {
		glss_fail(w, "glDrawElements offset %lld without an element buffer", (long long)offset);
		return;
	}
	glDrawElements(mode, count, type, (const void *)(uintptr_t)offset);
}

static unsigned glss_index_size(GLenum type)
{
	switch (type) {
	case GL_UNSIGNED_BYTE: return 1;
	case GL_UNSIGNED_SHORT: return 2;
	case GL_UNSIGNED_INT: return 4;
	default: return 0;
	}
}

/* wire glsDrawElementsInline: u32 mode, i32 count, u32 type, blob indices */
void glss_exec_glsDrawElementsInline(struct glss_worker *w, struct gls_reader *r)
{
	GLenum mode = gls_get_u32(r);
	GLsizei count = gls_get_i32(r);
	GLenum type = gls_get_u32(r);
	uint32_t len;
	const void *indices = gls_get_blob(r, &len);
	if (!gls_reader_done(r))
		return;
	GLint buffer = 0;
	glGetIntegerv(GL_ELEMENT_ARRAY_BUFFER_BINDING, &buffer);
	unsigned size = glss_index_size(type);
	uint64_t expected = count > 0 ? (uint64_t)count * size : 0;
	if (buffer || (size && expected != len)) {
		glss_fail(w, "glsDrawElementsInline of %d indices carries %u bytes", count, len);
		return;
	}
	/* An unknown type or a negative count: the driver reports it first. */
	static const uint32_t none;
	glDrawElements(mode, count, type, len ? indices : &none);
}
