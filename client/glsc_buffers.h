/* Buffer bindings as the client knows them, ES 3.0 targets included, and
 * the ES 3.0 buffer commands the client implements (glsc_gl_buffers.c). */
#ifndef GLSC_BUFFERS_H
#define GLSC_BUFFERS_H

#include "glsc_gl.h"

/* The name of the buffer bound to target in ctx (0: none, or a target the
 * context does not have). ES 3.0 targets are the generic bindings:
 * GL_PIXEL_PACK_BUFFER, GL_PIXEL_UNPACK_BUFFER, GL_COPY_READ_BUFFER,
 * GL_COPY_WRITE_BUFFER, GL_UNIFORM_BUFFER, GL_TRANSFORM_FEEDBACK_BUFFER.
 * glsc_buffer_lookup(ctx, name) gives its size. */
GLuint glsc_bound_buffer(struct glsc_context *ctx, GLenum target);
/* The same as the client's record (NULL when none): size, usage, mapping. */
struct glsc_buffer *glsc_bound_buffer_object(struct glsc_context *ctx, GLenum target);
/* Whether target is a buffer target of ctx's version. */
bool glsc_buffer_target_valid(struct glsc_context *ctx, GLenum target);
/* Whether glBufferData takes usage in ctx (ES 3.0 adds READ and COPY). */
bool glsc_buffer_usage_valid(struct glsc_context *ctx, GLenum usage);
/* The server wrote into the buffer by itself (glReadPixels into a pixel
 * pack buffer, glCopyBufferSubData, transform feedback): the client's copy
 * of its contents is dropped (read back when next needed). */
void glsc_buffer_gpu_written(struct glsc_buffer *buffer);

/* glGetBufferParameter*: answers the parameters of the client's mapping
 * (GL_BUFFER_MAPPED, and ES 3.0's GL_BUFFER_ACCESS_FLAGS,
 * GL_BUFFER_MAP_LENGTH, GL_BUFFER_MAP_OFFSET) and the errors of a bad
 * target or no buffer bound (*error: then *value is not set); false for
 * other pnames (asked to the server). */
bool glsc_buffer_map_parameter(struct glsc_context *ctx, GLenum target, GLenum pname, int64_t *value, bool *error);

/* glBindBuffer of an ES 3.0 target (the hook of glsc_gl_state.c). */
void glsc_buffers_bind(struct glsc_context *ctx, GLenum target, GLuint buffer);
/* A buffer name was deleted: the bindings of ctx holding it are reset. */
void glsc_buffers_deleted(struct glsc_context *ctx, GLuint name);
/* Frees ctx->es3_buffers (glsc_context_state_fini). */
void glsc_buffers_context_fini(struct glsc_context *ctx);

#endif
