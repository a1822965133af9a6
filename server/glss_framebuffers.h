/* OpenGL ES 3.0 framebuffers in the worker: the separate draw and read
 * bindings the worker's own framebuffer work must leave as they were,
 * renderbuffer formats, and what the worker knows of the read framebuffer. */
#ifndef GLSS_FRAMEBUFFERS_H
#define GLSS_FRAMEBUFFERS_H

#include "glss_worker.h"

/* True when the host context has separate draw and read framebuffer
 * bindings (an ES 3 host). */
bool glss_host_es3(void);

/* The application's framebuffer bindings, saved while the worker binds
 * its own framebuffer or the default one. */
struct glss_fb_bindings {
	GLint draw, read;
};
void glss_fb_bindings_save(struct glss_fb_bindings *b);
void glss_fb_bindings_restore(const struct glss_fb_bindings *b);

/* The read framebuffer (0: the default one) and the attachment read from
 * (GL_READ_BUFFER; GL_NONE when nothing is read). */
GLuint glss_read_framebuffer(void);
GLenum glss_read_attachment(GLuint framebuffer);

/* Reads from a framebuffer without a read buffer (GL_READ_BUFFER
 * GL_NONE) are GL_INVALID_OPERATION (ES 3.0 4.3.1, 3.8.5), raised here:
 * Mesa 24 crashes on glReadPixels and glCopyTexImage2D without one. True
 * when the command must not reach the driver. */
bool glss_read_buffer_missing(struct glss_worker *w);

/* What a renderbuffer format is made of, for counting and clearing it. */
enum glss_rb_kind {
	GLSS_RB_COLOR,      /* fixed or floating point colour */
	GLSS_RB_COLOR_INT,  /* signed integer colour */
	GLSS_RB_COLOR_UINT, /* unsigned integer colour */
	GLSS_RB_DEPTH,
	GLSS_RB_STENCIL,
	GLSS_RB_DEPTH_STENCIL,
};
/* Bytes of a pixel (0: a format the worker does not know) and its kind. */
unsigned glss_renderbuffer_format(GLenum internalformat, enum glss_rb_kind *kind);

/* glRenderbufferStorage(Multisample) of the bound renderbuffer: counted
 * against --max-gl-memory (samples times a pixel), contents zero.
 * samples < 0: the single-sample command. */
void glss_renderbuffer_storage(struct glss_worker *w, GLenum target, GLsizei samples, GLenum internalformat,
			       GLsizei width, GLsizei height);

/* es3.1 texfb: zeros a renderbuffer (textarget GL_RENDERBUFFER) or level 0
 * of a texture (e.g. GL_TEXTURE_2D_MULTISAMPLE) through the worker's own
 * framebuffer, every state the client sees left as it was. */
void glss_clear_attachable(struct glss_context *c, GLenum textarget, GLuint object, GLenum internalformat);

#endif
