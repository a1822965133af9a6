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
void glss_vao_attrib_buffer(struct glss_worker *w, GLuint index, GLuint driver_buffer);

/* Draw checks. False when the draw must not reach the driver: then
 * GL_INVALID_OPERATION is raised. An enabled attribute reading the
 * driver's buffer `driver_buffer`: vertex `last` must lie in it, unless the
 * current program does not read the attribute (as WebGL). */
bool glss_check_attrib_buffer(struct glss_worker *w, struct glss_vao *vao, GLuint index, GLuint driver_buffer,
			      uint32_t last);
/* glDrawElements from the bound element array buffer: the indices must lie
 * in it; *lo and *hi receive the smallest and largest index (see
 * glss_index_range). */
bool glss_element_range(struct glss_worker *w, struct glss_vao *vao, GLenum type, uint64_t offset, uint32_t count,
			bool restart, uint32_t *lo, uint32_t *hi);

/* The smallest and largest of count indices; with restart (ES 3.0's
 * GL_PRIMITIVE_RESTART_FIXED_INDEX), the restart index of the type (all
 * ones) is skipped: it names no vertex. *lo > *hi when none is left. */
void glss_index_range(const void *indices, GLenum type, uint32_t count, bool restart, uint32_t *lo, uint32_t *hi);

/* Objects going away (glsDeleteObjects, contexts, share groups). */
void glss_buffers_object_deleted(struct glss_worker *w, enum gls_object_type type, GLuint host);
void glss_buffers_context_free(struct glss_worker *w, struct glss_context *c);
void glss_buffers_share_free(struct glss_worker *w, struct glss_share_group *share);

#endif
