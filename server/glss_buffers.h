/* Buffer objects as the worker knows them: their size, a shadow copy of
 * the contents of those used as element arrays, and which buffer each
 * binding (GL_ARRAY_BUFFER, each vertex array's attributes and element
 * array) holds, so that draws are checked before the driver reads. */
#ifndef GLSS_BUFFERS_H
#define GLSS_BUFFERS_H

#include "glss_worker.h"

/* The vertex array bound in the current context (created when first met);
 * NULL only without a context or memory. */
struct glss_vao *glss_vao_current(struct glss_worker *w);

/* glsClientArray: the attribute now reads client memory. */
void glss_vao_attrib_client(struct glss_worker *w, GLuint index);
/* glVertexAttribPointer went through: the attribute reads the buffer bound
 * to GL_ARRAY_BUFFER, which the driver names driver_buffer (when the
 * worker's record disagrees, none is recorded and draws are refused). */
void glss_vao_attrib_buffer(struct glss_worker *w, GLuint index, GLuint driver_buffer, uint64_t offset);

/* es3.1 draw: glBindVertexBuffer went through: binding point `binding` of
 * the bound vertex array reads the driver's buffer `host` (0: none) from
 * `offset` (glVertexAttribPointer: point `index`, offset the pointer). */
void glss_vao_binding_buffer(struct glss_worker *w, GLuint binding, GLuint host, uint64_t offset);
/* The offset recorded for a binding point of vao (0 for NULL). */
uint64_t glss_vao_binding_offset(const struct glss_vao *vao, GLuint binding);

/* Where an enabled attribute reads, as the driver holds it: its vertex
 * buffer binding point (ES 3.1 10.3.1; before 3.1 the attribute's own
 * index), the driver's buffer bound there (0: client memory), the byte
 * offset of element 0 (the binding's offset plus the attribute's relative
 * offset), the stride between elements (the binding's: 0 reads element 0
 * every time), the size of one element and the divisor. Filled by
 * glss_attrib_source (glss_gl_draw31.c). */
struct glss_attrib_source {
	GLuint binding;
	GLuint buffer;
	uint64_t offset;
	uint64_t stride;
	uint64_t element;
	GLuint divisor;
};

/* Draw checks. False when the draw must not reach the driver: then
 * GL_INVALID_OPERATION is raised. An enabled attribute reading a buffer
 * (src): element `last` must lie in the buffer the vertex array holds at
 * its binding point, unless the current program does not read the
 * attribute (as WebGL). */
bool glss_check_attrib_buffer(struct glss_worker *w, struct glss_vao *vao, GLuint index,
			      const struct glss_attrib_source *src, uint32_t last);
/* glDrawElements from the bound element array buffer: the indices must lie
 * in it; *lo and *hi receive the smallest and largest index (see
 * glss_index_range). */
bool glss_element_range(struct glss_worker *w, struct glss_vao *vao, GLenum type, uint64_t offset, uint32_t count,
			bool restart, uint32_t *lo, uint32_t *hi);

/* The smallest and largest of count indices; with restart (ES 3.0's
 * GL_PRIMITIVE_RESTART_FIXED_INDEX), the restart index of the type (all
 * ones) is skipped: it names no vertex. *lo > *hi when none is left. */
void glss_index_range(const void *indices, GLenum type, uint32_t count, bool restart, uint32_t *lo, uint32_t *hi);

/* The buffer bound to target in the current context, NULL when none (or
 * for a target the context does not have). The ES 3.0 targets are the
 * generic bindings: GL_PIXEL_PACK_BUFFER, GL_PIXEL_UNPACK_BUFFER,
 * GL_COPY_READ_BUFFER, GL_COPY_WRITE_BUFFER, GL_UNIFORM_BUFFER,
 * GL_TRANSFORM_FEEDBACK_BUFFER. The record stays valid during the command
 * (the binding holds a reference). */
struct glss_buffer *glss_buffer_bound(struct glss_worker *w, GLenum target);
/* Its size in bytes as the driver has it (0 for NULL): an offset the
 * driver reads or writes is checked against it first. */
uint64_t glss_buffer_size(const struct glss_buffer *b);
/* The driver's name of it (0 for NULL). */
GLuint glss_buffer_host(const struct glss_buffer *b);
/* The driver wrote into b by itself (glReadPixels into a pixel pack buffer,
 * glCopyBufferSubData, transform feedback): what the worker knows of its
 * contents (element shadow, index ranges) is stale and read back again
 * before indices are trusted. NULL: nothing. */
void glss_buffer_gpu_written(struct glss_buffer *b);

/* The record of the driver's buffer `host` (made when first met: glBind*
 * creates buffers); NULL for 0 or without memory (the worker then ends). */
struct glss_buffer *glss_buffer_record(struct glss_worker *w, GLuint host);
/* *slot holds b from now on, with a reference (b and *slot may be NULL). */
void glss_buffer_hold(struct glss_worker *w, struct glss_buffer **slot, struct glss_buffer *b);

/* es3 buffers (glss_buffers_es3.c): the indexed bindings (uniform buffers,
 * transform feedback objects; es3.1 compute's storage and atomic counter
 * buffers, glss_compute.c). */
struct glss_indexed_binding {
	struct glss_buffer *buffer;
	uint64_t offset, size; /* size 0: the whole buffer (glBindBufferBase) */
};
/* Before a draw: every active uniform block of the program drawing reads
 * a bound range that lies inside its buffer and holds the block's data
 * size, and the transform feedback ranges lie inside their buffers (as
 * WebGL 2); else GL_INVALID_OPERATION and false. With transform feedback
 * recording, the buffers it writes are marked written. */
bool glss_es3_draw_check(struct glss_worker *w);
void glss_es3_buffer_deleted(struct glss_worker *w, struct glss_buffer *b);
void glss_es3_transform_feedback_deleted(struct glss_worker *w, GLuint host);
void glss_es3_buffers_context_free(struct glss_worker *w, struct glss_context *c);

/* Objects going away (glsDeleteObjects, contexts, share groups). */
void glss_buffers_object_deleted(struct glss_worker *w, enum gls_object_type type, GLuint host);
void glss_buffers_context_free(struct glss_worker *w, struct glss_context *c);
void glss_buffers_share_free(struct glss_worker *w, struct glss_share_group *share);

#endif
