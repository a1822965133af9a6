/* KHR_debug in the client. The host driver does the work; the client keeps
 * what must never travel (the callback and its user parameter, answered by
 * glGetPointervKHR) and delivers the driver's messages to the callback on
 * the application's thread, at the end of a GL call of the context they
 * belong to. The worker sends them (GLS_MSG_DEBUG) ahead of its replies,
 * so they arrive wherever the client already waits for an answer; while a
 * callback is installed the client also asks for them at eglSwapBuffers
 * (one round trip a frame) and, with GL_DEBUG_OUTPUT_SYNCHRONOUS, after
 * every GL call (one round trip a call). See docs/extensions.md. */
#include <stdlib.h>
#include <string.h>

#include "glsc_gl.h"
#include "gls_label_types.h"
#include "gls_extensions.h"
#include "glsc_gl_generated.h"
#include "glsc_gl_vertex3.h"
#include "glsc_stream.h"
#include "gls_idmap.h"
#include "gls_log.h"
#include "gls_wire.h"

struct glsc_debug_message {
	GLenum source, type, severity;
	GLuint id;
	GLsizei length;
	char *text;
};

/* While a callback is installed, the client asks for the messages after
 * this many GL calls without a reply, so that the worker's queue
 * (GLS_DEBUG_MAX_QUEUED messages) never fills: a call makes few messages. */
#define GLSC_DEBUG_FETCH_EVERY 128u

struct glsc_debug {
	GLDEBUGPROCKHR callback;
	const void *user_param;
	bool synchronous; /* GL_DEBUG_OUTPUT_SYNCHRONOUS_KHR, mirrored */
	bool delivering;  /* a callback is running on this context's thread */
	unsigned calls_unanswered; /* GL calls since the server last answered */
	struct glsc_debug_message *pending;
	uint32_t pending_count;
};

/* Contexts with a callback, by wire id: messages name their context. */
static struct gls_idmap glsc_debug_contexts;

static struct glsc_debug *glsc_debug_state(struct glsc_context *ctx)
{
	if (!ctx->debug)
		ctx->debug = calloc(1, sizeof(*ctx->debug));
	return ctx->debug;
}

static void glsc_debug_drop_pending(struct glsc_debug *d)
{
	for (uint32_t i = 0; i < d->pending_count; i++)
		free(d->pending[i].text);
	free(d->pending);
	d->pending = NULL;
	d->pending_count = 0;
}

void glsc_debug_context_fini_locked(struct glsc_context *ctx)
{
	if (!ctx->debug)
		return;
	gls_idmap_remove(&glsc_debug_contexts, ctx->id, NULL);
	glsc_debug_drop_pending(ctx->debug);
	free(ctx->debug);
	ctx->debug = NULL;
}

/* GLS_MSG_DEBUG from the worker: kept for the context's thread. */
bool glsc_debug_receive_locked(const uint8_t *payload, size_t size)
{
	struct gls_reader r;
	gls_reader_init(&r, payload, size);
	uint32_t context = gls_get_u32(&r);
	struct glsc_debug_message m = {.source = gls_get_u32(&r), .type = gls_get_u32(&r)};
	m.id = gls_get_u32(&r);
	m.severity = gls_get_u32(&r);
	uint32_t length;
	const char *text = gls_get_blob(&r, &length);
	if (!gls_reader_done(&r) || length >= GLS_DEBUG_MAX_STRING)
		return false;
	uint64_t value;
	if (!gls_idmap_get(&glsc_debug_contexts, context, &value))
		return true; /* its callback was removed since */
	struct glsc_context *ctx = (struct glsc_context *)(uintptr_t)value;
	struct glsc_debug *d = ctx->debug;
	if (!d || !d->callback || d->pending_count >= GLS_DEBUG_MAX_QUEUED)
		return true;
	if (!(d->pending_count & (d->pending_count - 1)) || !d->pending) {
		uint32_t capacity = d->pending_count ? 2 * d->pending_count : 1;
		struct glsc_debug_message *bigger = realloc(d->pending, capacity * sizeof(*bigger));
		if (!bigger)
			return true;
		d->pending = bigger;
	}
	m.length = (GLsizei)length;
	m.text = malloc((size_t)length + 1);
	if (!m.text)
		return true;
	memcpy(m.text, text, length);
	m.text[length] = 0;
	d->pending[d->pending_count++] = m;
	return true;
}

/* Called at the end of every GL call, with the stream locked, while a
 * callback is installed: ask for the messages of the calls made since the
 * server last answered, after each call in synchronous mode, else every
 * GLSC_DEBUG_FETCH_EVERY calls. A call that waited for its reply needs
 * nothing: they came ahead of it. */
void glsc_debug_before_leave_locked(struct glsc_context *ctx)
{
	struct glsc_debug *d = ctx->debug;
	if (!d || !d->callback || d->delivering)
		return;
	if (glsc_stream_all_answered_locked()) {
		d->calls_unanswered = 0;
		return;
	}
	if (!d->synchronous && ++d->calls_unanswered < GLSC_DEBUG_FETCH_EVERY)
		return;
	d->calls_unanswered = 0;
	glsc_sync_void(ctx, glsc_begin(ctx, GLS_OP_glsDebugFetch, 0) != NULL);
}

/* eglSwapBuffers: the frame's messages, once a frame, while a callback is
 * installed. */
void glsc_debug_fetch_locked(struct glsc_context *ctx)
{
	struct glsc_debug *d = ctx->debug;
	if (d && d->callback)
		glsc_sync_void(ctx, glsc_begin(ctx, GLS_OP_glsDebugFetch, 0) != NULL);
}

/* Unlocked, on the context's thread: hands the messages to the callback. */
void glsc_debug_deliver(struct glsc_context *ctx)
{
	struct glsc_debug *d = ctx->debug;
	if (!d || d->delivering)
		return;
	glsc_lock();
	struct glsc_debug_message *messages = d->pending;
	uint32_t count = d->pending_count;
	GLDEBUGPROCKHR callback = d->callback;
	const void *user_param = d->user_param;
	d->pending = NULL;
	d->pending_count = 0;
	d->delivering = true;
	glsc_unlock();
	for (uint32_t i = 0; i < count; i++) {
		struct glsc_debug_message *m = &messages[i];
		if (callback)
			callback(m->source, m->type, m->id, m->severity, m->length, m->text, user_param);
		free(m->text);
	}
	free(messages);
	d->delivering = false;
}

bool glsc_hook_glEnable(GLenum cap)
{
	struct glsc_context *ctx = glsc_current_context();
	if (ctx && cap == GL_DEBUG_OUTPUT_SYNCHRONOUS_KHR &&
	    (ctx->info.advertised & (GLS_EXT_BIT(GL_KHR_debug) | GLS_EXT_BIT(GL_ES_VERSION_3_2))) &&
	    glsc_debug_state(ctx))
		ctx->debug->synchronous = true;
	if (ctx)
		glsc_vertex3_capability(ctx, cap, true);
	return true;
}

bool glsc_hook_glDisable(GLenum cap)
{
	struct glsc_context *ctx = glsc_current_context();
	if (ctx && cap == GL_DEBUG_OUTPUT_SYNCHRONOUS_KHR && ctx->debug)
		ctx->debug->synchronous = false;
	if (ctx)
		glsc_vertex3_capability(ctx, cap, false);
	return true;
}

/* ---- strings: i32 length, u32 flags, u32 n + n bytes ---- */

static size_t glsc_debug_string_size(const GLchar *s, GLsizei length, uint32_t *n, uint32_t *flags)
{
	*n = 0;
	*flags = 0;
	if (s) {
		size_t actual = length >= 0 ? (size_t)length : strnlen(s, GLS_DEBUG_MAX_STRING + 1);
		*flags = GLS_DEBUG_STRING_PRESENT;
		if (actual > GLS_DEBUG_MAX_STRING) {
			*flags |= GLS_DEBUG_STRING_TRUNCATED;
			actual = GLS_DEBUG_MAX_STRING;
		}
		*n = (uint32_t)actual;
	}
	return 12 + gls_pad4(*n);
}

static uint8_t *glsc_debug_put_string(uint8_t *w, const GLchar *s, GLsizei length, uint32_t n, uint32_t flags)
{
	w = gls_put_i32(w, length);
	w = gls_put_u32(w, flags);
	w = gls_put_u32(w, n);
	return gls_put_bytes(w, s, n);
}

/* ---- entry points ----
 * KHR_debug's and their core names of OpenGL ES 3.2 (es3.2 draw32) share
 * the code: each sends its own opcode; the core ones only in a context
 * offered ES 3.2 (`offered`, 0 for the extension's). */

static struct glsc_context *glsc_debug_enter(gls_ext_bits offered)
{
	return offered ? glsc_gl_enter_offered(offered) : glsc_gl_enter();
}

static void glsc_debug_DebugMessageCallback(uint16_t opcode, gls_ext_bits offered, GLDEBUGPROCKHR callback, const void *userParam)
{
	struct glsc_context *ctx = glsc_debug_enter(offered);
	if (!ctx)
		return;
	struct glsc_debug *d = glsc_debug_state(ctx);
	if (!d) {
		glsc_set_error_locked(GL_OUT_OF_MEMORY);
		goto out;
	}
	d->callback = callback;
	d->user_param = userParam;
	if (callback) {
		gls_idmap_put(&glsc_debug_contexts, ctx->id, (uint64_t)(uintptr_t)ctx);
	} else {
		gls_idmap_remove(&glsc_debug_contexts, ctx->id, NULL);
		glsc_debug_drop_pending(d);
	}
	uint8_t *w = glsc_begin(ctx, opcode, 4);
	if (w)
		gls_put_u32(w, callback != NULL);
out:
	glsc_gl_leave();
}

static void glsc_debug_DebugMessageInsert(uint16_t opcode, gls_ext_bits offered, GLenum source, GLenum type, GLuint id, GLenum severity, GLsizei length,
				  const GLchar *buf)
{
	uint32_t n, flags;
	size_t size = 16 + glsc_debug_string_size(buf, length, &n, &flags);
	struct glsc_context *ctx = glsc_debug_enter(offered);
	if (!ctx)
		return;
	uint8_t *w = glsc_begin(ctx, opcode, size);
	if (w) {
		w = gls_put_u32(w, source);
		w = gls_put_u32(w, type);
		w = gls_put_u32(w, id);
		w = gls_put_u32(w, severity);
		glsc_debug_put_string(w, buf, length, n, flags);
	}
	glsc_gl_leave();
}

static void glsc_debug_PushDebugGroup(uint16_t opcode, gls_ext_bits offered, GLenum source, GLuint id, GLsizei length, const GLchar *message)
{
	uint32_t n, flags;
	size_t size = 8 + glsc_debug_string_size(message, length, &n, &flags);
	struct glsc_context *ctx = glsc_debug_enter(offered);
	if (!ctx)
		return;
	uint8_t *w = glsc_begin(ctx, opcode, size);
	if (w) {
		w = gls_put_u32(w, source);
		w = gls_put_u32(w, id);
		glsc_debug_put_string(w, message, length, n, flags);
	}
	glsc_gl_leave();
}

/* wire: see server/glss_gl_debug.c */
static GLuint glsc_debug_GetDebugMessageLog(uint16_t opcode, gls_ext_bits offered, GLuint count, GLsizei bufSize, GLenum *sources, GLenum *types, GLuint *ids,
				    GLenum *severities, GLsizei *lengths, GLchar *messageLog)
{
	struct glsc_context *ctx = glsc_debug_enter(offered);
	if (!ctx)
		return 0;
	GLuint got = 0;
	uint8_t *w = glsc_begin(ctx, opcode, 12);
	if (!w)
		goto out;
	w = gls_put_u32(w, count);
	w = gls_put_i32(w, bufSize);
	gls_put_u32(w, messageLog != NULL);
	const uint8_t *reply;
	size_t size;
	if (!glsc_wait_reply(ctx, &reply, &size))
		goto out;
	struct gls_reader r;
	gls_reader_init(&r, reply, size);
	uint32_t returned = gls_get_u32(&r);
	const uint8_t *fields = gls_take(&r, returned <= count ? 20 * (size_t)returned : SIZE_MAX);
	uint32_t n;
	const void *text = gls_get_blob(&r, &n);
	if (!gls_reader_done(&r) || returned > count || (n && (!messageLog || bufSize < 0 || n > (uint32_t)bufSize))) {
		gls_error("malformed reply to %s (%zu bytes)", gls_opcode_name(opcode), size);
		goto out;
	}
	struct gls_reader f;
	gls_reader_init(&f, fields, 20 * (size_t)returned);
	for (uint32_t i = 0; i < returned; i++) {
		GLenum source = gls_get_u32(&f), type = gls_get_u32(&f);
		GLuint id = gls_get_u32(&f);
		GLenum severity = gls_get_u32(&f);
		GLsizei length = gls_get_i32(&f);
		if (sources)
			sources[i] = source;
		if (types)
			types[i] = type;
		if (ids)
			ids[i] = id;
		if (severities)
			severities[i] = severity;
		if (lengths)
			lengths[i] = length;
	}
	if (n)
		memcpy(messageLog, text, n);
	got = returned;
out:
	glsc_gl_leave();
	return got;
}

static GLuint glsc_label_name(struct glsc_context *ctx, GLenum identifier, GLuint name)
{
	enum gls_object_type type;
	return gls_label_object_type(identifier, ctx->info.advertised, &type) ? glsc_name_use(ctx, type, name) : 0;
}

/* es3.2 draw32: the core glObjectPtrLabel / glGetObjectPtrLabel travel as
 * the object label commands' wire with GL_SYNC_FENCE and the sync's id;
 * 0 for a pointer that is no sync of the share group (the driver refuses
 * it with GL_INVALID_VALUE). */
static GLuint glsc_label_sync(struct glsc_context *ctx, GLuint id)
{
	return id && id != GLS_IDMAP_TOMB && gls_idmap_get(&ctx->share->syncs, id, NULL) ? id : 0;
}

/* A GLsync is its id (client/glsc_gl_sync.c); other pointers are none */
static GLuint glsc_sync_id(const void *ptr)
{
	return (uintptr_t)ptr <= UINT32_MAX ? (GLuint)(uintptr_t)ptr : 0;
}

static void glsc_debug_ObjectLabel(uint16_t opcode, gls_ext_bits offered, GLenum identifier, GLuint name, GLsizei length, const GLchar *label)
{
	uint32_t n, flags;
	size_t size = 8 + glsc_debug_string_size(label, length, &n, &flags);
	struct glsc_context *ctx = glsc_debug_enter(offered);
	if (!ctx)
		return;
	name = opcode == GLS_OP_glObjectPtrLabel ? glsc_label_sync(ctx, name)
					       : glsc_label_name(ctx, identifier, name);
	uint8_t *w = glsc_begin(ctx, opcode, size);
	if (w) {
		w = gls_put_u32(w, identifier);
		w = gls_put_u32(w, name);
		glsc_debug_put_string(w, label, length, n, flags);
	}
	glsc_gl_leave();
}

static void glsc_debug_GetObjectLabel(uint16_t opcode, gls_ext_bits offered, GLenum identifier, GLuint name, GLsizei bufSize, GLsizei *length, GLchar *label)
{
	struct glsc_context *ctx = glsc_debug_enter(offered);
	if (!ctx)
		return;
	name = opcode == GLS_OP_glGetObjectPtrLabel ? glsc_label_sync(ctx, name)
						  : glsc_label_name(ctx, identifier, name);
	uint8_t *w = glsc_begin(ctx, opcode, 16);
	if (!w)
		goto out;
	w = gls_put_u32(w, identifier);
	w = gls_put_u32(w, name);
	w = gls_put_i32(w, bufSize);
	gls_put_u32(w, label != NULL);
	const uint8_t *reply;
	size_t size;
	if (!glsc_wait_reply(ctx, &reply, &size))
		goto out;
	struct gls_reader r;
	gls_reader_init(&r, reply, size);
	GLsizei written = gls_get_i32(&r);
	uint32_t n;
	const void *text = gls_get_blob(&r, &n);
	if (!gls_reader_done(&r) || (n && (!label || bufSize <= 0 || n > (uint32_t)bufSize))) {
		gls_error("malformed reply to %s (%zu bytes)", gls_opcode_name(opcode), size);
		goto out;
	}
	if (written == INT32_MIN)
		goto out; /* the driver raised an error: outputs stay untouched */
	if (length)
		*length = written;
	if (n)
		memcpy(label, text, n);
out:
	glsc_gl_leave();
}

/* OpenGL ES 2.0 has no sync object: the worker has the driver refuse the
 * pointer, which never travels. */
static void glsc_debug_ObjectPtrLabel(uint16_t opcode, gls_ext_bits offered, const void *ptr, GLsizei length, const GLchar *label)
{
	(void)ptr;
	(void)length;
	(void)label;
	struct glsc_context *ctx = glsc_debug_enter(offered);
	if (!ctx)
		return;
	glsc_begin(ctx, opcode, 0);
	glsc_gl_leave();
}

static void glsc_debug_GetObjectPtrLabel(uint16_t opcode, gls_ext_bits offered, const void *ptr, GLsizei bufSize, GLsizei *length, GLchar *label)
{
	(void)ptr;
	(void)bufSize;
	(void)length;
	(void)label;
	struct glsc_context *ctx = glsc_debug_enter(offered);
	if (!ctx)
		return;
	glsc_begin(ctx, opcode, 0);
	glsc_gl_leave();
}

/* The callback and its parameter are the client's; any other pname goes
 * to the driver, which raises the error. */
static void glsc_debug_GetPointerv(uint16_t opcode, gls_ext_bits offered, GLenum pname, void **params)
{
	struct glsc_context *ctx = glsc_debug_enter(offered);
	if (!ctx)
		return;
	if (pname == GL_DEBUG_CALLBACK_FUNCTION_KHR || pname == GL_DEBUG_CALLBACK_USER_PARAM_KHR) {
		struct glsc_debug *d = ctx->debug;
		if (pname == GL_DEBUG_CALLBACK_FUNCTION_KHR)
			*params = d ? (void *)(uintptr_t)d->callback : NULL;
		else
			*params = d ? (void *)d->user_param : NULL;
	} else {
		uint8_t *w = glsc_begin(ctx, opcode, 4);
		if (w)
			gls_put_u32(w, pname);
	}
	glsc_gl_leave();
}

/* wire glDebugMessageControlKHR: u32 source, u32 type, u32 severity,
 * i32 count, u32 n + n ids (n: count, or 0 when negative), u32 enabled */
static void glsc_debug_DebugMessageControl(uint16_t opcode, gls_ext_bits offered, GLenum source, GLenum type, GLenum severity, GLsizei count, const GLuint *ids,
				   GLboolean enabled)
{
	uint32_t n = count > 0 ? (uint32_t)count : 0;
	struct glsc_context *ctx = glsc_debug_enter(offered);
	if (!ctx)
		return;
	uint8_t *w = glsc_begin(ctx, opcode, 24 + 4 * (size_t)n);
	if (w) {
		w = gls_put_u32(w, source);
		w = gls_put_u32(w, type);
		w = gls_put_u32(w, severity);
		w = gls_put_i32(w, count);
		w = gls_put_u32(w, n);
		w = gls_put_bytes(w, ids, 4 * (size_t)n);
		gls_put_u32(w, enabled);
	}
	glsc_gl_leave();
}

/* ---- the public names: KHR_debug, and OpenGL ES 3.2 core ---- */

#define GLSC_ES32 GLS_EXT_BIT(GL_ES_VERSION_3_2)

void glsc_glDebugMessageCallbackKHR(GLDEBUGPROCKHR callback, const void *userParam)
{
	glsc_debug_DebugMessageCallback(GLS_OP_glDebugMessageCallbackKHR, 0, callback, userParam);
}

void glsc_glDebugMessageCallback(GLDEBUGPROC callback, const void *userParam)
{
	glsc_debug_DebugMessageCallback(GLS_OP_glDebugMessageCallback, GLSC_ES32, (GLDEBUGPROCKHR)callback, userParam);
}

void glsc_glDebugMessageInsertKHR(GLenum source, GLenum type, GLuint id, GLenum severity, GLsizei length,
				  const GLchar *buf)
{
	glsc_debug_DebugMessageInsert(GLS_OP_glDebugMessageInsertKHR, 0, source, type, id, severity, length, buf);
}

void glsc_glDebugMessageInsert(GLenum source, GLenum type, GLuint id, GLenum severity, GLsizei length,
			       const GLchar *buf)
{
	glsc_debug_DebugMessageInsert(GLS_OP_glDebugMessageInsert, GLSC_ES32, source, type, id, severity, length, buf);
}

void glsc_glPushDebugGroupKHR(GLenum source, GLuint id, GLsizei length, const GLchar *message)
{
	glsc_debug_PushDebugGroup(GLS_OP_glPushDebugGroupKHR, 0, source, id, length, message);
}

void glsc_glPushDebugGroup(GLenum source, GLuint id, GLsizei length, const GLchar *message)
{
	glsc_debug_PushDebugGroup(GLS_OP_glPushDebugGroup, GLSC_ES32, source, id, length, message);
}

GLuint glsc_glGetDebugMessageLogKHR(GLuint count, GLsizei bufSize, GLenum *sources, GLenum *types, GLuint *ids,
				    GLenum *severities, GLsizei *lengths, GLchar *messageLog)
{
	return glsc_debug_GetDebugMessageLog(GLS_OP_glGetDebugMessageLogKHR, 0, count, bufSize, sources, types, ids,
					     severities, lengths, messageLog);
}

GLuint glsc_glGetDebugMessageLog(GLuint count, GLsizei bufSize, GLenum *sources, GLenum *types, GLuint *ids,
				 GLenum *severities, GLsizei *lengths, GLchar *messageLog)
{
	return glsc_debug_GetDebugMessageLog(GLS_OP_glGetDebugMessageLog, GLSC_ES32, count, bufSize, sources, types,
					     ids, severities, lengths, messageLog);
}

void glsc_glObjectLabelKHR(GLenum identifier, GLuint name, GLsizei length, const GLchar *label)
{
	glsc_debug_ObjectLabel(GLS_OP_glObjectLabelKHR, 0, identifier, name, length, label);
}

void glsc_glObjectLabel(GLenum identifier, GLuint name, GLsizei length, const GLchar *label)
{
	glsc_debug_ObjectLabel(GLS_OP_glObjectLabel, GLSC_ES32, identifier, name, length, label);
}

void glsc_glGetObjectLabelKHR(GLenum identifier, GLuint name, GLsizei bufSize, GLsizei *length, GLchar *label)
{
	glsc_debug_GetObjectLabel(GLS_OP_glGetObjectLabelKHR, 0, identifier, name, bufSize, length, label);
}

void glsc_glGetObjectLabel(GLenum identifier, GLuint name, GLsizei bufSize, GLsizei *length, GLchar *label)
{
	glsc_debug_GetObjectLabel(GLS_OP_glGetObjectLabel, GLSC_ES32, identifier, name, bufSize, length, label);
}

void glsc_glObjectPtrLabelKHR(const void *ptr, GLsizei length, const GLchar *label)
{
	glsc_debug_ObjectPtrLabel(GLS_OP_glObjectPtrLabelKHR, 0, ptr, length, label);
}

void glsc_glObjectPtrLabel(const void *ptr, GLsizei length, const GLchar *label)
{
	glsc_debug_ObjectLabel(GLS_OP_glObjectPtrLabel, GLSC_ES32, GL_SYNC_FENCE, glsc_sync_id(ptr), length, label);
}

void glsc_glGetObjectPtrLabelKHR(const void *ptr, GLsizei bufSize, GLsizei *length, GLchar *label)
{
	glsc_debug_GetObjectPtrLabel(GLS_OP_glGetObjectPtrLabelKHR, 0, ptr, bufSize, length, label);
}

void glsc_glGetObjectPtrLabel(const void *ptr, GLsizei bufSize, GLsizei *length, GLchar *label)
{
	glsc_debug_GetObjectLabel(GLS_OP_glGetObjectPtrLabel, GLSC_ES32, GL_SYNC_FENCE, glsc_sync_id(ptr), bufSize,
				  length, label);
}

void glsc_glGetPointervKHR(GLenum pname, void **params)
{
	glsc_debug_GetPointerv(GLS_OP_glGetPointervKHR, 0, pname, params);
}

void glsc_glGetPointerv(GLenum pname, void **params)
{
	glsc_debug_GetPointerv(GLS_OP_glGetPointerv, GLSC_ES32, pname, params);
}

void glsc_glDebugMessageControlKHR(GLenum source, GLenum type, GLenum severity, GLsizei count, const GLuint *ids,
				   GLboolean enabled)
{
	glsc_debug_DebugMessageControl(GLS_OP_glDebugMessageControlKHR, 0, source, type, severity, count, ids, enabled);
}

void glsc_glDebugMessageControl(GLenum source, GLenum type, GLenum severity, GLsizei count, const GLuint *ids,
				GLboolean enabled)
{
	glsc_debug_DebugMessageControl(GLS_OP_glDebugMessageControl, GLSC_ES32, source, type, severity, count, ids,
				       enabled);
}
