/* GL memory accounting (--max-gl-memory): the worker's estimate of the
 * bytes its client holds in buffers, texture levels, renderbuffers and
 * surfaces. An allocation that would pass the limit is refused before the
 * driver sees it. See docs/security.md. */
#ifndef GLSS_MEMORY_H
#define GLSS_MEMORY_H

#include "glss_worker.h"

/* An object's estimate goes from old_bytes to new_bytes: false (and
 * nothing changed) when that would pass the limit; shrinking always works. */
bool glss_memory_resize(struct glss_worker *w, uint64_t old_bytes, uint64_t new_bytes);

/* Moves an error the driver holds into the context's pending error, so that
 * glGetError right after a driver call tells whether that call failed. */
void glss_collect_driver_error(struct glss_worker *w);
/* The driver's error of the call just made (kept for the client), or 0. */
GLenum glss_driver_error(struct glss_worker *w);

/* Texture level specification (glTexImage2D and the like) of the texture
 * bound to target. Before the driver call: false, with GL_OUT_OF_MEMORY
 * raised, when the level's new size passes the limit (arguments the
 * driver will refuse are let through uncharged). */
bool glss_texture_level_reserve(struct glss_worker *w, GLenum target, GLint level, GLsizei width, GLsizei height,
				uint64_t bytes);
/* The same for a 3D image (GL_TEXTURE_3D, GL_TEXTURE_2D_ARRAY). */
bool glss_texture_level_reserve_3d(struct glss_worker *w, GLenum target, GLint level, GLsizei width, GLsizei height,
				   GLsizei depth, uint64_t bytes);
/* After the driver call: what it did (ok: the level now has that size). */
void glss_texture_level_done(struct glss_worker *w, bool ok);
/* A level's size when the worker knows it. */
bool glss_texture_level_size(struct glss_worker *w, GLuint host, GLenum target, GLint level, GLsizei *width,
			     GLsizei *height);

bool glss_texture_level_size_3d(struct glss_worker *w, GLuint host, GLenum target, GLint level, GLsizei *width,
				GLsizei *height, GLsizei *depth);

/* Immutable storage (glTexStorage2D/3D) of the texture bound to target:
 * all its levels (and faces) at once, likewise before and after the
 * driver call. */
bool glss_texture_storage_reserve(struct glss_worker *w, GLenum target, GLsizei levels, GLenum internalformat,
				  GLsizei width, GLsizei height, GLsizei depth);
void glss_texture_storage_done(struct glss_worker *w, bool ok);
/* es3.1 texfb: glTexStorage2DMultisample of the texture bound to binding's
 * target (samples, rounded up to a power of two, times a texel); finished
 * by glss_texture_storage_done. */
bool glss_texture_multisample_reserve(struct glss_worker *w, GLenum binding, GLsizei samples, GLenum internalformat,
				      GLsizei width, GLsizei height);

/* es3.2 layered: glTexStorage3DMultisample of the texture bound to
 * GL_TEXTURE_2D_MULTISAMPLE_ARRAY, likewise times its depth layers. */
bool glss_texture_multisample_array_reserve(struct glss_worker *w, GLsizei samples, GLenum internalformat,
					    GLsizei width, GLsizei height, GLsizei depth);

/* Renderbuffer storage of the bound renderbuffer, likewise. */
bool glss_renderbuffer_reserve(struct glss_worker *w, GLuint host, GLsizei width, GLsizei height, uint64_t bytes);
void glss_renderbuffer_done(struct glss_worker *w, bool ok);
bool glss_renderbuffer_size(struct glss_worker *w, GLuint host, GLsizei *width, GLsizei *height);

/* Bytes of a surface of width x height (colour, depth and stencil). */
uint64_t glss_surface_bytes(EGLint width, EGLint height);

/* Objects going away: their bytes are returned. */
void glss_memory_object_deleted(struct glss_worker *w, enum gls_object_type type, GLuint host);
void glss_memory_context_free(struct glss_worker *w, struct glss_context *c);
void glss_memory_share_free(struct glss_worker *w, struct glss_share_group *share);

#endif
