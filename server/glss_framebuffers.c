/* OpenGL ES 3.0 framebuffers in the worker: renderbuffer storage (single
 * and multisample, counted and zeroed), glClearBuffer*, glGetInternalformativ,
 * and the draw/read bindings the worker's own framebuffer work saves.
 * Blits, draw and read buffers and invalidation are generated: the driver
 * checks them, and a blit whose source lies outside the read framebuffer
 * leaves those destination pixels as they were (Mesa clips). */
#include <string.h>

#include "glss_framebuffers.h"
#include "glss_gl_generated.h"
#include "glss_memory.h"
#include "gls_version.h"

/* Most values glGetInternalformativ answers (GL_SAMPLES: a few counts). */
#define GLSS_MAX_INTERNALFORMAT_VALUES 32

bool glss_host_es3(void)
{
	static int known = -1;
	if (known < 0) {
		const char *version = (const char *)glGetString(GL_VERSION);
		if (!version)
			return false; /* no current context yet: ask again later */
		known = gls_es_version_offered(version, GLS_ES_VERSION_MAX) >= 30;
	}
	return known;
}

void glss_fb_bindings_save(struct glss_fb_bindings *b)
{
	b->draw = b->read = 0;
	glGetIntegerv(GL_FRAMEBUFFER_BINDING, &b->draw); /* the draw binding in ES 3 */
	b->read = b->draw;
	if (glss_host_es3())
		glGetIntegerv(GL_READ_FRAMEBUFFER_BINDING, &b->read);
}

void glss_fb_bindings_restore(const struct glss_fb_bindings *b)
{
	if (!glss_host_es3() || b->draw == b->read) {
		glBindFramebuffer(GL_FRAMEBUFFER, (GLuint)b->draw);
		return;
	}
	glBindFramebuffer(GL_DRAW_FRAMEBUFFER, (GLuint)b->draw);
	glBindFramebuffer(GL_READ_FRAMEBUFFER, (GLuint)b->read);
}

GLuint glss_read_framebuffer(void)
{
	GLint framebuffer = 0;
	glGetIntegerv(glss_host_es3() ? GL_READ_FRAMEBUFFER_BINDING : GL_FRAMEBUFFER_BINDING, &framebuffer);
	return (GLuint)framebuffer;
}

GLenum glss_read_attachment(GLuint framebuffer)
{
	GLint buffer = framebuffer ? GL_COLOR_ATTACHMENT0 : GL_BACK;
	if (glss_host_es3())
		glGetIntegerv(GL_READ_BUFFER, &buffer);
	return (GLenum)buffer;
}

bool glss_read_buffer_missing(struct glss_worker *w)
{
	if (!glss_host_es3() || glss_read_attachment(glss_read_framebuffer()) != GL_NONE)
		return false;
	glss_set_error(w, GL_INVALID_OPERATION);
	return true;
}

/* ---- renderbuffers ---- */

unsigned glss_renderbuffer_format(GLenum internalformat, enum glss_rb_kind *kind)
{
	*kind = GLSS_RB_COLOR;
	switch (internalformat) {
	case GL_R8I: *kind = GLSS_RB_COLOR_INT; return 1;
	case GL_R8UI: *kind = GLSS_RB_COLOR_UINT; return 1;
	case GL_R16I: case GL_RG8I: *kind = GLSS_RB_COLOR_INT; return 2;
	case GL_R16UI: case GL_RG8UI: *kind = GLSS_RB_COLOR_UINT; return 2;
	case GL_R32I: case GL_RG16I: case GL_RGBA8I: *kind = GLSS_RB_COLOR_INT; return 4;
	case GL_R32UI: case GL_RG16UI: case GL_RGBA8UI: case GL_RGB10_A2UI: *kind = GLSS_RB_COLOR_UINT; return 4;
	case GL_RG32I: case GL_RGBA16I: *kind = GLSS_RB_COLOR_INT; return 8;
	case GL_RG32UI: case GL_RGBA16UI: *kind = GLSS_RB_COLOR_UINT; return 8;
	case GL_RGBA32I: *kind = GLSS_RB_COLOR_INT; return 16;
	case GL_RGBA32UI: *kind = GLSS_RB_COLOR_UINT; return 16;
	/* EXT_color_buffer_float */
	case GL_R16F: return 2;
	case GL_RG16F: case GL_R32F: case GL_R11F_G11F_B10F: return 4;
	case GL_RGBA16F: case GL_RG32F: return 8;
	case GL_RGBA32F: return 16;
	case GL_R8: return 1;
	case GL_RGBA4: case GL_RGB5_A1: case GL_RGB565: case GL_RG8: return 2;
	case GL_RGB8: case GL_RGBA8: case GL_SRGB8_ALPHA8: case GL_RGB10_A2: return 4;
	case GL_STENCIL_INDEX8: *kind = GLSS_RB_STENCIL; return 1;
	case GL_DEPTH_COMPONENT16: *kind = GLSS_RB_DEPTH; return 2;
	case GL_DEPTH_COMPONENT24: case GL_DEPTH_COMPONENT32_OES: case GL_DEPTH_COMPONENT32F:
		*kind = GLSS_RB_DEPTH;
		return 4;
	case GL_DEPTH24_STENCIL8: *kind = GLSS_RB_DEPTH_STENCIL; return 4;
	case GL_DEPTH32F_STENCIL8: *kind = GLSS_RB_DEPTH_STENCIL; return 8;
	default: return 0;
	}
}

/* The worker's clear state, saved around its own clears. */
struct glss_clear_state {
	GLint stencil, stencil_front, stencil_back;
	GLfloat color[4], depth;
	GLboolean color_mask[4], depth_mask, scissor, dither, discard;
};

static void glss_clear_state_save(struct glss_clear_state *s)
{
	s->scissor = glIsEnabled(GL_SCISSOR_TEST);
	s->dither = glIsEnabled(GL_DITHER);
	/* ES 3: GL_RASTERIZER_DISCARD would discard the clear too */
	s->discard = glss_host_es3() && glIsEnabled(GL_RASTERIZER_DISCARD);
	glGetFloatv(GL_COLOR_CLEAR_VALUE, s->color);
	glGetFloatv(GL_DEPTH_CLEAR_VALUE, &s->depth);
	glGetIntegerv(GL_STENCIL_CLEAR_VALUE, &s->stencil);
	glGetBooleanv(GL_COLOR_WRITEMASK, s->color_mask);
	glGetBooleanv(GL_DEPTH_WRITEMASK, &s->depth_mask);
	glGetIntegerv(GL_STENCIL_WRITEMASK, &s->stencil_front);
	glGetIntegerv(GL_STENCIL_BACK_WRITEMASK, &s->stencil_back);
	glDisable(GL_SCISSOR_TEST);
	glDisable(GL_DITHER);
	if (s->discard)
		glDisable(GL_RASTERIZER_DISCARD);
	glClearColor(0, 0, 0, 0);
	glClearDepthf(0);
	glClearStencil(0);
	glColorMask(GL_TRUE, GL_TRUE, GL_TRUE, GL_TRUE);
	glDepthMask(GL_TRUE);
	glStencilMask(~0u);
}

static void glss_clear_state_restore(const struct glss_clear_state *s)
{
	glClearColor(s->color[0], s->color[1], s->color[2], s->color[3]);
	glClearDepthf(s->depth);
	glClearStencil(s->stencil);
	glColorMask(s->color_mask[0], s->color_mask[1], s->color_mask[2], s->color_mask[3]);
	glDepthMask(s->depth_mask);
	glStencilMaskSeparate(GL_FRONT, (GLuint)s->stencil_front);
	glStencilMaskSeparate(GL_BACK, (GLuint)s->stencil_back);
	if (s->scissor)
		glEnable(GL_SCISSOR_TEST);
	if (s->dither)
		glEnable(GL_DITHER);
	if (s->discard)
		glEnable(GL_RASTERIZER_DISCARD);
}

/* Clears a new renderbuffer's contents to zero through the worker's own
 * framebuffer, leaving every state the client can see as it was (both
 * framebuffer bindings included). Integer colour is cleared with
 * glClearBuffer*: glClear leaves it undefined. */
static void glss_clear_renderbuffer(struct glss_context *c, GLuint renderbuffer, GLenum internalformat)
{
	glss_clear_attachable(c, GL_RENDERBUFFER, renderbuffer, internalformat);
}

/* The attachment of a renderbuffer or level 0 of a texture of textarget.
 * es3.2 layered: a multisample array is attached layered, so that one
 * clear reaches every layer (ES 3.2 9.8). */
static void glss_attach(GLenum attachment, GLenum textarget, GLuint object)
{
	if (textarget == GL_RENDERBUFFER)
		glFramebufferRenderbuffer(GL_FRAMEBUFFER, attachment, GL_RENDERBUFFER, object);
	else if (textarget == GL_TEXTURE_2D_MULTISAMPLE_ARRAY)
		glFramebufferTexture(GL_FRAMEBUFFER, attachment, object, 0);
	else
		glFramebufferTexture2D(GL_FRAMEBUFFER, attachment, textarget, object, 0);
}

void glss_clear_attachable(struct glss_context *c, GLenum textarget, GLuint object, GLenum internalformat)
{
	enum glss_rb_kind kind;
	glss_renderbuffer_format(internalformat, &kind);
	GLenum first = GL_COLOR_ATTACHMENT0, second = GL_NONE;
	GLbitfield mask = GL_COLOR_BUFFER_BIT;
	switch (kind) {
	case GLSS_RB_DEPTH: first = GL_DEPTH_ATTACHMENT; mask = GL_DEPTH_BUFFER_BIT; break;
	case GLSS_RB_STENCIL: first = GL_STENCIL_ATTACHMENT; mask = GL_STENCIL_BUFFER_BIT; break;
	case GLSS_RB_DEPTH_STENCIL:
		first = GL_DEPTH_ATTACHMENT;
		second = GL_STENCIL_ATTACHMENT;
		mask = GL_DEPTH_BUFFER_BIT | GL_STENCIL_BUFFER_BIT;
		break;
	default: break;
	}
	struct glss_fb_bindings bindings;
	glss_fb_bindings_save(&bindings);
	if (!c->scratch_fbo)
		glGenFramebuffers(1, &c->scratch_fbo);
	glBindFramebuffer(GL_FRAMEBUFFER, c->scratch_fbo);
	glss_attach(first, textarget, object);
	if (second != GL_NONE)
		glss_attach(second, textarget, object);
	if (glCheckFramebufferStatus(GL_FRAMEBUFFER) == GL_FRAMEBUFFER_COMPLETE) {
		struct glss_clear_state state;
		glss_clear_state_save(&state);
		static const GLint zeros[4];
		if (kind == GLSS_RB_COLOR_INT)
			glClearBufferiv(GL_COLOR, 0, zeros);
		else if (kind == GLSS_RB_COLOR_UINT)
			glClearBufferuiv(GL_COLOR, 0, (const GLuint *)zeros);
		else
			glClear(mask);
		glss_clear_state_restore(&state);
	}
	glss_attach(first, textarget, 0);
	if (second != GL_NONE)
		glss_attach(second, textarget, 0);
	glss_fb_bindings_restore(&bindings);
}

void glss_renderbuffer_storage(struct glss_worker *w, GLenum target, GLsizei samples, GLenum internalformat,
			       GLsizei width, GLsizei height)
{
	GLint renderbuffer = 0, max_size = 0, max_samples = 0;
	glGetIntegerv(GL_RENDERBUFFER_BINDING, &renderbuffer);
	glGetIntegerv(GL_MAX_RENDERBUFFER_SIZE, &max_size);
	if (samples > 0)
		glGetIntegerv(GL_MAX_SAMPLES, &max_samples);
	if (!w->current || target != GL_RENDERBUFFER || !renderbuffer || width < 0 || height < 0 || width > max_size ||
	    height > max_size || samples > max_samples) {
		/* the driver refuses it */
		if (samples < 0)
			glRenderbufferStorage(target, internalformat, width, height);
		else
			glRenderbufferStorageMultisample(target, samples, internalformat, width, height);
		return;
	}
	enum glss_rb_kind kind;
	unsigned pixel = glss_renderbuffer_format(internalformat, &kind);
	/* the driver may round a sample count up: count the next power of two */
	uint64_t copies = 1;
	while (samples > 0 && copies < (uint64_t)samples)
		copies *= 2;
	glss_collect_driver_error(w);
	if (!glss_renderbuffer_reserve(w, (GLuint)renderbuffer, width, height,
				       (uint64_t)width * (uint64_t)height * (pixel ? pixel : 16) * copies))
		return;
	if (samples < 0)
		glRenderbufferStorage(target, internalformat, width, height);
	else
		glRenderbufferStorageMultisample(target, samples, internalformat, width, height);
	bool ok = glss_driver_error(w) == GL_NO_ERROR;
	glss_renderbuffer_done(w, ok);
	if (ok && width && height)
		glss_clear_renderbuffer(w->current, (GLuint)renderbuffer, internalformat);
}

/* wire glRenderbufferStorageMultisample: u32 target, i32 samples,
 *   u32 internalformat, i32 width, i32 height */
void glss_exec_glRenderbufferStorageMultisample(struct glss_worker *w, struct gls_reader *r)
{
	GLenum target = gls_get_u32(r);
	GLsizei samples = gls_get_i32(r);
	GLenum internalformat = gls_get_u32(r);
	GLsizei width = gls_get_i32(r), height = gls_get_i32(r);
	if (!gls_reader_done(r) || !glss_check_enums_glRenderbufferStorageMultisample(w, target, internalformat))
		return;
	if (samples < 0) {
		glss_set_error(w, GL_INVALID_VALUE); /* ES 3.0 4.4.2.1; -1 is our single-sample */
		return;
	}
	glss_renderbuffer_storage(w, target, samples, internalformat, width, height);
}

/* ---- glClearBuffer* ---- */

/* wire glClearBufferiv / uiv / fv: u32 buffer, i32 drawbuffer, u32 count,
 *   count x 4-byte values. The count is what the form reads for buffer: 4
 *   for GL_COLOR, 1 for its other buffer, 0 for a buffer it does not clear
 *   (GL_INVALID_ENUM, the driver not called). Copies the values into v;
 *   false when the driver must not be called. */
static bool glss_clear_buffer_args(struct glss_worker *w, struct gls_reader *r, GLenum buffer, bool valid,
				   GLint *drawbuffer, uint32_t v[4])
{
	*drawbuffer = gls_get_i32(r);
	uint32_t count = !valid ? 0 : buffer == GL_COLOR ? 4 : 1;
	const void *values = gls_get_array(r, 4, count);
	if (!gls_reader_done(r))
		return false;
	if (!valid) {
		glss_set_error(w, GL_INVALID_ENUM);
		return false;
	}
	memcpy(v, values, 4 * (size_t)count);
	return true;
}

void glss_exec_glClearBufferiv(struct glss_worker *w, struct gls_reader *r)
{
	GLenum buffer = gls_get_u32(r);
	GLint drawbuffer;
	uint32_t v[4];
	if (glss_clear_buffer_args(w, r, buffer, glss_valid_ClearBufferivBuffer(w, buffer), &drawbuffer, v))
		glClearBufferiv(buffer, drawbuffer, (const GLint *)v);
}

void glss_exec_glClearBufferuiv(struct glss_worker *w, struct gls_reader *r)
{
	GLenum buffer = gls_get_u32(r);
	GLint drawbuffer;
	uint32_t v[4];
	if (glss_clear_buffer_args(w, r, buffer, glss_valid_ClearBufferuivBuffer(w, buffer), &drawbuffer, v))
		glClearBufferuiv(buffer, drawbuffer, v);
}

void glss_exec_glClearBufferfv(struct glss_worker *w, struct gls_reader *r)
{
	GLenum buffer = gls_get_u32(r);
	GLint drawbuffer;
	uint32_t v[4];
	if (glss_clear_buffer_args(w, r, buffer, glss_valid_ClearBufferfvBuffer(w, buffer), &drawbuffer, v))
		glClearBufferfv(buffer, drawbuffer, (const GLfloat *)v);
}

/* ---- glGetInternalformativ ---- */

/* wire: u32 target, u32 internalformat, u32 pname, i32 bufSize
 *   -> reply: u32 count, count x i32 (count: what the driver wrote, at
 *   most bufSize; 0 on an error) */
void glss_exec_glGetInternalformativ(struct glss_worker *w, struct gls_reader *r)
{
	GLenum target = gls_get_u32(r), internalformat = gls_get_u32(r), pname = gls_get_u32(r);
	GLsizei buf_size = gls_get_i32(r);
	if (!gls_reader_done(r))
		return;
	GLint values[GLSS_MAX_INTERNALFORMAT_VALUES] = {0};
	uint32_t count = 0;
	if (glss_check_enums_glGetInternalformativ(w, target, internalformat, pname)) {
		GLsizei room = buf_size > GLSS_MAX_INTERNALFORMAT_VALUES ? GLSS_MAX_INTERNALFORMAT_VALUES : buf_size;
		glss_collect_driver_error(w);
		glGetInternalformativ(target, internalformat, pname, room, values);
		if (glss_driver_error(w) == GL_NO_ERROR && room > 0) {
			GLint n = 1;
			if (pname == GL_SAMPLES)
				glGetInternalformativ(target, internalformat, GL_NUM_SAMPLE_COUNTS, 1, &n);
			count = n < 0 ? 0 : n > room ? (uint32_t)room : (uint32_t)n;
		}
	}
	uint8_t *p = glss_reply_begin(w, 4 + 4 * (size_t)count);
	if (!p)
		return;
	p = gls_put_u32(p, count);
	for (uint32_t i = 0; i < count; i++)
		p = gls_put_i32(p, values[i]);
}
