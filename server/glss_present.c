/* Presentation by readback: on swap the worker reads the window surface
 * and sends it to the client as a GLS_MSG_FRAME (B,G,R,A, bottom row
 * first), leaving the application's GL state as it found it. */
#include <string.h>

#include "glss_egl.h"
#include "gls_log.h"

static bool glss_has_bgra_readback(void)
{
	static int known = -1;
	if (known < 0) {
		const char *ext = (const char *)glGetString(GL_EXTENSIONS);
		known = ext && strstr(ext, "GL_EXT_read_format_bgra") != NULL;
	}
	return known;
}

/* Reads surface s (current draw or not) into p as B,G,R,A, bottom row first. */
static void glss_read_surface(struct glss_worker *w, struct glss_surface *s, uint8_t *p)
{
	uint32_t width = (uint32_t)s->width, height = (uint32_t)s->height;
	size_t bytes = (size_t)width * height * 4;
	if (!bytes)
		return;

	/* Read the window's default framebuffer whatever the application bound. */
	GLint framebuffer = 0, alignment = 4;
	glGetIntegerv(GL_FRAMEBUFFER_BINDING, &framebuffer);
	glGetIntegerv(GL_PACK_ALIGNMENT, &alignment);
	bool switch_read = w->read != s || w->draw != s;
	if (switch_read)
		eglMakeCurrent(w->display, s->host, s->host, w->current->host);
	if (framebuffer)
		glBindFramebuffer(GL_FRAMEBUFFER, 0);
	if (alignment != 4)
		glPixelStorei(GL_PACK_ALIGNMENT, 4);

	if (glss_has_bgra_readback()) {
		glReadPixels(0, 0, (GLsizei)width, (GLsizei)height, GL_BGRA_EXT, GL_UNSIGNED_BYTE, p);
	} else {
		glReadPixels(0, 0, (GLsizei)width, (GLsizei)height, GL_RGBA, GL_UNSIGNED_BYTE, p);
		for (size_t i = 0; i < bytes; i += 4) {
			uint8_t red = p[i];
			p[i] = p[i + 2];
			p[i + 2] = red;
		}
	}

	if (alignment != 4)
		glPixelStorei(GL_PACK_ALIGNMENT, alignment);
	if (framebuffer)
		glBindFramebuffer(GL_FRAMEBUFFER, (GLuint)framebuffer);
	if (switch_read)
		eglMakeCurrent(w->display, w->draw ? w->draw->host : EGL_NO_SURFACE,
			       w->read ? w->read->host : EGL_NO_SURFACE, w->current->host);
}

void glss_present_frame(struct glss_worker *w, struct glss_surface *s)
{
	size_t bytes = (size_t)s->width * (size_t)s->height * 4;
	uint8_t *p = glss_message_begin(w, GLS_MSG_FRAME, sizeof(struct gls_frame) + bytes);
	if (!p)
		return;
	p = gls_put_u32(p, s->id);
	p = gls_put_u32(p, (uint32_t)s->width);
	p = gls_put_u32(p, (uint32_t)s->height);
	p = gls_put_u32(p, 0);
	glss_read_surface(w, s, p);
}

/* wire glsReadSurface: u32 surface -> reply u32 width, u32 height, pixels
 * (eglCopyBuffers; read with the current context) */
void glss_exec_glsReadSurface(struct glss_worker *w, struct gls_reader *r)
{
	uint32_t id = gls_get_u32(r);
	if (!gls_reader_done(r))
		return;
	struct glss_surface *s = glss_surface_lookup(w, id);
	if (!s)
		return;
	if (!w->current) {
		glss_fail(w, "glsReadSurface without a current context");
		return;
	}
	size_t bytes = (size_t)s->width * (size_t)s->height * 4;
	uint8_t *p = glss_reply_begin(w, 8 + bytes);
	if (!p)
		return;
	p = gls_put_u32(p, (uint32_t)s->width);
	p = gls_put_u32(p, (uint32_t)s->height);
	glss_read_surface(w, s, p);
}
