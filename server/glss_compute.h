/* es3.1 compute in the worker (glss_compute.c): shader storage and atomic
 * counter buffer bindings, their draw- and dispatch-time range checks,
 * glDispatchCompute(Indirect), glBindImageTexture. */
#ifndef GLSS_COMPUTE_H
#define GLSS_COMPUTE_H

#include "glss_buffers.h"

/* The indexed binding of GL_SHADER_STORAGE_BUFFER or
 * GL_ATOMIC_COUNTER_BUFFER `index` in the current context; NULL for other
 * targets and indices past the worker's record (the driver's limits are
 * smaller: it refuses them). */
struct glss_indexed_binding *glss_compute_indexed(struct glss_worker *w, GLenum target, GLuint index);
/* The generic binding of those two targets (NULL for others). */
struct glss_buffer **glss_compute_generic(struct glss_worker *w, GLenum target);

/* Before a draw or a dispatch with `program`: every active shader storage
 * block and atomic counter buffer of it reads a bound range that lies
 * inside its buffer and holds the block's data size (else
 * GL_INVALID_OPERATION and false). The buffers it may write are marked
 * written (glss_buffer_gpu_written). */
bool glss_compute_storage_check(struct glss_worker *w, GLuint program);

void glss_compute_buffer_deleted(struct glss_worker *w, struct glss_buffer *b);
void glss_compute_context_free(struct glss_worker *w, struct glss_context *c);

#endif
