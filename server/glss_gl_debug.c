/* KHR_debug in the worker. The host driver does the work (message control,
 * its log, groups, labels); the worker maps object names, bounds every
 * string the client sends, and, while the client's context has a callback
 * installed, installs its own host callback that keeps the driver's
 * messages in a bounded queue. They travel to the client as GLS_MSG_DEBUG
 * messages right before the context's next reply, where the client
 * delivers them on the application's thread (docs/extensions.md). Without
 * a client callback no host callback is installed, so the driver's own log
 * serves glGetDebugMessageLog with its exact limits. */
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "glss_gl_generated.h"
#include "gls_label_types.h"
#include "glss_worker.h"
#include "gls_log.h"

struct glss_debug_message {
	GLenum source, type, severity;
	GLuint id;
	uint32_t length;
	char *text;
};

/* Messages of one context for the client's callback. The driver may call
 * back from its own threads, hence the lock. */
struct glss_debug_queue {
	pthread_mutex_t lock;
	struct glss_debug_message messages[GLS_DEBUG_MAX_QUEUED];
	uint32_t head, count;
	uint64_t dropped;
};

static void GL_APIENTRY glss_debug_receive(GLenum source, GLenum type, GLuint id, GLenum severity, GLsizei length,
					   const GLchar *message, const void *user)
{
	struct glss_debug_queue *q = (struct glss_debug_queue *)user;
	size_t n = message ? strnlen(message, GLS_DEBUG_MAX_STRING - 1) : 0;
	if (length >= 0 && (size_t)length < n)
		n = (size_t)length;
	pthread_mutex_lock(&q->lock);
	if (q->count == GLS_DEBUG_MAX_QUEUED) {
		q->dropped++;
		goto out;
	}
	char *text = malloc(n + 1);
	if (!text) {
		q->dropped++;
		goto out;
	}
	if (n)
		memcpy(text, message, n);
	text[n] = 0;
	struct glss_debug_message *m = &q->messages[(q->head + q->count) % GLS_DEBUG_MAX_QUEUED];
	*m = (struct glss_debug_message){source, type, severity, id, (uint32_t)n, text};
	q->count++;
out:
	pthread_mutex_unlock(&q->lock);
}

static void glss_debug_queue_clear(struct glss_debug_queue *q)
{
	for (uint32_t i = 0; i < q->count; i++)
		free(q->messages[(q->head + i) % GLS_DEBUG_MAX_QUEUED].text);
	q->head = q->count = 0;
}

void glss_debug_context_free(struct glss_context *c)
{
	if (!c->debug)
		return;
	glss_debug_queue_clear(c->debug);
	pthread_mutex_destroy(&c->debug->lock);
	free(c->debug);
	c->debug = NULL;
}

bool glss_debug_flush(struct glss_worker *w)
{
	struct glss_context *c = w->current;
	if (!c || !c->debug)
		return false;
	struct glss_debug_queue *q = c->debug;
	pthread_mutex_lock(&q->lock);
	if (q->dropped) {
		gls_warn("context %u: %llu debug messages dropped (the client fetched none for too long)", c->id,
			 (unsigned long long)q->dropped);
		q->dropped = 0;
	}
	bool sent = q->count != 0;
	while (q->count && !w->failed) {
		struct glss_debug_message *m = &q->messages[q->head];
		uint8_t *p = glss_message_begin(w, GLS_MSG_DEBUG, 24 + gls_pad4(m->length));
		if (p) {
			p = gls_put_u32(p, c->id);
			p = gls_put_u32(p, m->source);
			p = gls_put_u32(p, m->type);
			p = gls_put_u32(p, m->id);
			p = gls_put_u32(p, m->severity);
			p = gls_put_u32(p, m->length);
			gls_put_bytes(p, m->text, m->length);
		}
		free(m->text);
		q->head = (q->head + 1) % GLS_DEBUG_MAX_QUEUED;
		q->count--;
	}
	pthread_mutex_unlock(&q->lock);
	return sent;
}

/* wire glsDebugFetch: (none) -> reply: (empty); the context's messages
 * precede it (glss_reply_begin flushes them) */
void glss_exec_glsDebugFetch(struct glss_worker *w, struct gls_reader *r)
{
	if (!gls_reader_done(r))
		return;
	glss_reply(w, NULL, 0);
}

static bool glss_debug_available(struct glss_worker *w, void (*proc)(void), const char *name)
{
	if (!w->current) {
		glss_fail(w, "%s without a current context", name);
		return false;
	}
	if (!proc) {
		glss_fail(w, "%s is not available", name);
		return false;
	}
	return true;
}
#define GLSS_DEBUG_PROC(w, fn) glss_debug_available(w, (void (*)(void))glss_ext.fn, #fn)

static GLint glss_debug_limit(GLenum pname)
{
	GLint value = 0;
	glGetIntegerv(pname, &value);
	return value > 0 ? value : 1;
}

/* A KHR_debug string: i32 length as the application gave it, u32 flags
 * (GLS_DEBUG_STRING_*), u32 n + n bytes. Sets what the driver is given:
 * a NUL-terminated copy (NULL when absent) and the length to pass. A string
 * the client truncated is replaced by one of `limit` characters, which the
 * driver refuses with the error it owes the application's longer one. */
static bool glss_debug_string(struct glss_worker *w, struct gls_reader *r, GLenum limit_pname, GLsizei *length,
			      const char **text)
{
	*length = gls_get_i32(r);
	uint32_t flags = gls_get_u32(r);
	uint32_t n;
	const void *bytes = gls_get_blob(r, &n);
	if (!gls_reader_done(r))
		return false;
	bool present = flags & GLS_DEBUG_STRING_PRESENT, truncated = flags & GLS_DEBUG_STRING_TRUNCATED;
	if ((flags & ~(GLS_DEBUG_STRING_PRESENT | GLS_DEBUG_STRING_TRUNCATED)) || (!present && (truncated || n)) ||
	    (truncated && n != GLS_DEBUG_MAX_STRING) || (!truncated && n > GLS_DEBUG_MAX_STRING) ||
	    (present && !truncated && *length >= 0 && (uint32_t)*length != n)) {
		glss_fail(w, "malformed KHR_debug string (length %d, flags 0x%x, %u bytes)", *length, flags, n);
		return false;
	}
	if (!present) {
		*text = NULL;
		return true;
	}
	if (truncated) {
		GLint limit = glss_debug_limit(limit_pname);
		if ((uint32_t)limit > GLS_DEBUG_MAX_STRING)
			limit = GLS_DEBUG_MAX_STRING;
		char *s = glss_scratch(w, (size_t)limit);
		if (!s)
			return false;
		memset(s, 'x', (size_t)limit);
		*length = *length < 0 ? -1 : limit;
		*text = s;
		return true;
	}
	char *s = glss_scratch(w, n);
	if (!s)
		return false;
	memcpy(s, bytes, n);
	*text = s;
	return true;
}

/* wire glDebugMessageCallbackKHR: u32 installed (the function and its
 * parameter stay in the client) */
void glss_exec_glDebugMessageCallbackKHR(struct glss_worker *w, struct gls_reader *r)
{
	uint32_t installed = gls_get_u32(r);
	if (!gls_reader_done(r) || !GLSS_DEBUG_PROC(w, glDebugMessageCallbackKHR))
		return;
	struct glss_context *c = w->current;
	if (installed > 1) {
		glss_fail(w, "glDebugMessageCallbackKHR: bad flag %u", installed);
		return;
	}
	if (!installed) {
		glss_ext.glDebugMessageCallbackKHR(NULL, NULL);
		glss_debug_context_free(c);
		return;
	}
	if (!c->debug) {
		c->debug = calloc(1, sizeof(*c->debug));
		if (!c->debug) {
			glss_fail(w, "out of memory for a debug message queue");
			return;
		}
		pthread_mutex_init(&c->debug->lock, NULL);
	}
	glss_ext.glDebugMessageCallbackKHR(glss_debug_receive, c->debug);
}

/* wire glDebugMessageInsertKHR: u32 source, u32 type, u32 id, u32 severity, string */
void glss_exec_glDebugMessageInsertKHR(struct glss_worker *w, struct gls_reader *r)
{
	GLenum source = gls_get_u32(r), type = gls_get_u32(r);
	GLuint id = gls_get_u32(r);
	GLenum severity = gls_get_u32(r);
	GLsizei length;
	const char *text;
	if (!glss_debug_string(w, r, GL_MAX_DEBUG_MESSAGE_LENGTH_KHR, &length, &text) ||
	    !GLSS_DEBUG_PROC(w, glDebugMessageInsertKHR))
		return;
	glss_ext.glDebugMessageInsertKHR(source, type, id, severity, length, text ? text : "");
}

/* wire glPushDebugGroupKHR: u32 source, u32 id, string */
void glss_exec_glPushDebugGroupKHR(struct glss_worker *w, struct gls_reader *r)
{
	GLenum source = gls_get_u32(r);
	GLuint id = gls_get_u32(r);
	GLsizei length;
	const char *text;
	if (!glss_debug_string(w, r, GL_MAX_DEBUG_MESSAGE_LENGTH_KHR, &length, &text) ||
	    !GLSS_DEBUG_PROC(w, glPushDebugGroupKHR))
		return;
	glss_ext.glPushDebugGroupKHR(source, id, length, text ? text : "");
}

/* wire glGetDebugMessageLogKHR: u32 count, i32 bufSize, u32 log present
 *   -> reply: u32 returned, returned x (u32 source, type, id, severity,
 *      i32 length), u32 n + the texts (n: bytes written to messageLog) */
void glss_exec_glGetDebugMessageLogKHR(struct glss_worker *w, struct gls_reader *r)
{
	GLuint count = gls_get_u32(r);
	GLsizei buf_size = gls_get_i32(r);
	uint32_t log_present = gls_get_u32(r);
	if (!gls_reader_done(r) || !GLSS_DEBUG_PROC(w, glGetDebugMessageLogKHR))
		return;
	/* The log holds at most MAX_DEBUG_LOGGED_MESSAGES messages shorter
	 * than MAX_DEBUG_MESSAGE_LENGTH each: larger counts and buffers
	 * change nothing, and bound what the worker allocates. */
	GLint max_logged = glss_debug_limit(GL_MAX_DEBUG_LOGGED_MESSAGES_KHR);
	GLint max_length = glss_debug_limit(GL_MAX_DEBUG_MESSAGE_LENGTH_KHR);
	if (max_logged > 4096)
		max_logged = 4096;
	if (max_length > (GLint)GLS_DEBUG_MAX_STRING)
		max_length = GLS_DEBUG_MAX_STRING;
	if (count > (GLuint)max_logged)
		count = (GLuint)max_logged;
	size_t room = (size_t)max_logged * (size_t)max_length;
	if (buf_size >= 0 && (size_t)buf_size < room)
		room = (size_t)buf_size;
	GLenum *fields = calloc((size_t)count * 4 + 1, sizeof(*fields));
	GLsizei *lengths = calloc((size_t)count + 1, sizeof(*lengths));
	char *log = log_present ? calloc(room + 1, 1) : NULL;
	if (!fields || !lengths || (log_present && !log)) {
		glss_fail(w, "out of memory for the debug message log");
		goto out;
	}
	GLsizei pass_size = buf_size < 0 ? buf_size : (GLsizei)room;
	GLuint got = glss_ext.glGetDebugMessageLogKHR(count, pass_size, fields, fields + count, (GLuint *)fields + 2 * count,
						      fields + 3 * count, lengths, log);
	if (got > count)
		got = count;
	size_t written = 0;
	if (log)
		for (GLuint i = 0; i < got; i++)
			written += lengths[i] > 0 ? (size_t)lengths[i] : 0;
	if (written > room)
		written = room;
	uint8_t *p = glss_reply_begin(w, 4 + 20 * (size_t)got + 4 + gls_pad4(written));
	if (!p)
		goto out;
	p = gls_put_u32(p, got);
	for (GLuint i = 0; i < got; i++) {
		p = gls_put_u32(p, fields[i]);
		p = gls_put_u32(p, fields[count + i]);
		p = gls_put_u32(p, fields[2 * count + i]);
		p = gls_put_u32(p, fields[3 * count + i]);
		p = gls_put_i32(p, lengths[i]);
	}
	p = gls_put_u32(p, (uint32_t)written);
	gls_put_bytes(p, log, written);
out:
	free(fields);
	free(lengths);
	free(log);
}

/* Maps the client's name of an object with a label. Identifiers of objects
 * the context does not have reach the driver as GL_NONE, which it refuses
 * with GL_INVALID_ENUM, as a driver of the offered version refuses them
 * (common/gls_label_types.h). */
static bool glss_label_object(struct glss_worker *w, GLenum *identifier, GLuint *name)
{
	enum gls_object_type type;
	if (!gls_label_object_type(*identifier, w->current ? w->current->extensions : 0, &type)) {
		*identifier = GL_NONE;
		*name = 0;
		return true;
	}
	return glss_name_map(w, type, GLSS_NAME_USE, name);
}

/* es3.2 draw32: the host's sync of a client's sync id (the core
 * glObjectPtrLabel / glGetObjectPtrLabel), or `not_a_sync` for an id of no
 * sync of the share group (0: a pointer that is none; or one deleted
 * since), which the driver refuses with GL_INVALID_VALUE as it would the
 * pointer. */
static const void *glss_label_sync(struct glss_worker *w, uint32_t id, const void *not_a_sync)
{
	uint64_t value;
	if (id && id != GLS_IDMAP_TOMB && w->current && gls_idmap_get(&w->current->share->gl_syncs, id, &value))
		return (const void *)(uintptr_t)value;
	return not_a_sync;
}

/* wire glObjectLabelKHR: u32 identifier, u32 name (the client's), string
 * wire glObjectPtrLabel (ES 3.2): u32 GL_SYNC_FENCE, u32 sync id (0: no
 *   sync), string */
static void glss_object_label(struct glss_worker *w, struct gls_reader *r, bool sync)
{
	GLenum identifier = gls_get_u32(r);
	GLuint name = gls_get_u32(r);
	GLsizei length;
	const char *label;
	if (!glss_debug_string(w, r, GL_MAX_LABEL_LENGTH_KHR, &length, &label) ||
	    (sync ? !GLSS_DEBUG_PROC(w, glObjectPtrLabelKHR) : !GLSS_DEBUG_PROC(w, glObjectLabelKHR)))
		return;
	if (sync) {
		int not_a_sync = 0;
		if (identifier != GL_SYNC_FENCE) {
			glss_fail(w, "glObjectPtrLabel of identifier 0x%x", identifier);
			return;
		}
		glss_ext.glObjectPtrLabelKHR(glss_label_sync(w, name, &not_a_sync), length, label);
		return;
	}
	if (glss_label_object(w, &identifier, &name))
		glss_ext.glObjectLabelKHR(identifier, name, length, label);
}

void glss_exec_glObjectLabelKHR(struct glss_worker *w, struct gls_reader *r)
{
	glss_object_label(w, r, false);
}

void glss_exec_glObjectPtrLabel(struct glss_worker *w, struct gls_reader *r)
{
	glss_object_label(w, r, true);
}

/* wire glGetObjectLabelKHR: u32 identifier, u32 name, i32 bufSize, u32 label present
 *   -> reply: i32 length (INT32_MIN: not written, an error), u32 n + the
 *      bytes written to label, NUL included
 * wire glGetObjectPtrLabel (ES 3.2): u32 GL_SYNC_FENCE, u32 sync id,
 *   i32 bufSize, u32 label present -> the same reply */
static void glss_get_object_label(struct glss_worker *w, struct gls_reader *r, bool sync)
{
	GLenum identifier = gls_get_u32(r);
	GLuint name = gls_get_u32(r);
	GLsizei buf_size = gls_get_i32(r);
	uint32_t label_present = gls_get_u32(r);
	if (!gls_reader_done(r) ||
	    (sync ? !GLSS_DEBUG_PROC(w, glGetObjectPtrLabelKHR) : !GLSS_DEBUG_PROC(w, glGetObjectLabelKHR)))
		return;
	if (sync && identifier != GL_SYNC_FENCE) {
		glss_fail(w, "glGetObjectPtrLabel of identifier 0x%x", identifier);
		return;
	}
	if (!sync && !glss_label_object(w, &identifier, &name))
		return;
	/* labels are shorter than MAX_LABEL_LENGTH: a larger buffer changes nothing */
	GLint max_label = glss_debug_limit(GL_MAX_LABEL_LENGTH_KHR);
	if (max_label > (GLint)GLS_DEBUG_MAX_STRING)
		max_label = GLS_DEBUG_MAX_STRING;
	GLsizei room = buf_size > max_label ? max_label : buf_size;
	char *label = label_present ? glss_scratch(w, room > 0 ? (size_t)room : 0) : NULL;
	if (label_present && !label)
		return;
	GLsizei length = INT32_MIN;
	int not_a_sync = 0;
	if (sync)
		glss_ext.glGetObjectPtrLabelKHR(glss_label_sync(w, name, &not_a_sync), room, &length, label);
	else
		glss_ext.glGetObjectLabelKHR(identifier, name, room, &length, label);
	uint32_t n = 0;
	if (label && length != INT32_MIN && room > 0)
		n = (uint32_t)(length >= 0 && length < room ? length : room - 1) + 1;
	uint8_t *p = glss_reply_begin(w, 8 + gls_pad4(n));
	if (!p)
		return;
	p = gls_put_i32(p, length);
	p = gls_put_u32(p, n);
	gls_put_bytes(p, label, n);
}

void glss_exec_glGetObjectLabelKHR(struct glss_worker *w, struct gls_reader *r)
{
	glss_get_object_label(w, r, false);
}

void glss_exec_glGetObjectPtrLabel(struct glss_worker *w, struct gls_reader *r)
{
	glss_get_object_label(w, r, true);
}

/* wire glObjectPtrLabelKHR, glGetObjectPtrLabelKHR: (none). OpenGL ES 2.0
 * has no sync object, so no pointer the application has names one: the
 * driver is given one that is not a sync object (a local's address, which
 * it only looks up) and raises the GL_INVALID_VALUE the spec requires. */
void glss_exec_glObjectPtrLabelKHR(struct glss_worker *w, struct gls_reader *r)
{
	int not_a_sync = 0;
	if (!gls_reader_done(r) || !GLSS_DEBUG_PROC(w, glObjectPtrLabelKHR))
		return;
	glss_ext.glObjectPtrLabelKHR(&not_a_sync, 0, "");
}

void glss_exec_glGetObjectPtrLabelKHR(struct glss_worker *w, struct gls_reader *r)
{
	int not_a_sync = 0;
	if (!gls_reader_done(r) || !GLSS_DEBUG_PROC(w, glGetObjectPtrLabelKHR))
		return;
	GLsizei length = 0;
	char label[1];
	glss_ext.glGetObjectPtrLabelKHR(&not_a_sync, sizeof(label), &length, label);
}

/* wire glGetPointervKHR: u32 pname, sent for the pnames the client does
 * not answer itself (its callback and user parameter): the driver raises
 * the error. */
void glss_exec_glGetPointervKHR(struct glss_worker *w, struct gls_reader *r)
{
	GLenum pname = gls_get_u32(r);
	if (!gls_reader_done(r) || !GLSS_DEBUG_PROC(w, glGetPointervKHR))
		return;
	if (pname == GL_DEBUG_CALLBACK_FUNCTION_KHR || pname == GL_DEBUG_CALLBACK_USER_PARAM_KHR) {
		glss_fail(w, "glGetPointervKHR(0x%x) is answered by the client", pname);
		return;
	}
	void *value = NULL;
	glss_ext.glGetPointervKHR(pname, &value);
}

/* wire glDebugMessageControlKHR: u32 source, u32 type, u32 severity,
 * i32 count, u32 n + n ids (n: count, or 0 when negative), u32 enabled */
void glss_exec_glDebugMessageControlKHR(struct glss_worker *w, struct gls_reader *r)
{
	GLenum source = gls_get_u32(r), type = gls_get_u32(r), severity = gls_get_u32(r);
	GLsizei count = gls_get_i32(r);
	const GLuint *ids = gls_get_array(r, 4, count > 0 ? count : 0);
	GLboolean enabled = (GLboolean)gls_get_u32(r);
	if (!gls_reader_done(r) || !GLSS_DEBUG_PROC(w, glDebugMessageControlKHR))
		return;
	glss_ext.glDebugMessageControlKHR(source, type, severity, count, count > 0 ? ids : NULL, enabled);
}
