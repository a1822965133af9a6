/* OpenGL ES 3.0 sync objects and query object names (es3 state).
 *
 * A GLsync is a small id the client chooses (as for EGL fences), known in
 * the share group: glIsSync, and every error of a bad handle, flags or
 * timeout, are the client's alone. A fence lives in the worker, in the
 * command stream of the context that made it. Waiting is a round trip,
 * cut into slices well below the transport's reply timeout, so that a long
 * wait neither looks like a vanished server nor hides one. Query names are
 * per context (ES 3.0 D.1.3), chosen by the client like every name; the
 * query getters are with the other getters (glsc_gl_query.c). */
#include <stdint.h>

#include "glsc_egl.h"
#include "glsc_gl.h"
#include "glsc_gl_generated.h"
#include "glsc_stream.h"
#include "gls_extensions.h"
#include "gls_wire.h"

/* The longest wait one glClientWaitSync command asks of the worker (the
 * worker refuses more than a second: server/glss_gl_sync.c). */
#define GLSC_SYNC_WAIT_SLICE_NS 250000000ull

static struct glsc_context *glsc_es3_enter(void)
{
	return glsc_gl_enter_offered(GLS_EXT_BIT(GL_ES_VERSION_3_0));
}

/* The id `sync` names in the current share group, or 0 (no sync). */
static uint32_t glsc_sync_id(struct glsc_context *ctx, GLsync sync)
{
	uintptr_t id = (uintptr_t)sync;
	if (id == 0 || id > UINT32_MAX || !gls_idmap_get(&ctx->share->syncs, (uint32_t)id, NULL))
		return 0;
	return (uint32_t)id;
}

/* wire glFenceSync: u32 new sync id (condition and flags have one valid
 * value each, checked here) */
GLsync glsc_glFenceSync(GLenum condition, GLbitfield flags)
{
	struct glsc_context *ctx = glsc_es3_enter();
	if (!ctx)
		return 0;
	GLsync sync = 0;
	if (condition != GL_SYNC_GPU_COMMANDS_COMPLETE) {
		glsc_set_error_locked(GL_INVALID_ENUM);
		goto out;
	}
	if (flags != 0) {
		glsc_set_error_locked(GL_INVALID_VALUE);
		goto out;
	}
	uint32_t id;
	do
		id = glsc_next_object_id++;
	while (id == 0 || id == GLS_IDMAP_TOMB);
	if (!gls_idmap_put(&ctx->share->syncs, id, 1)) {
		glsc_set_error_locked(GL_OUT_OF_MEMORY);
		goto out;
	}
	uint8_t *w = glsc_begin(ctx, GLS_OP_glFenceSync, 4);
	if (!w) { /* the server is gone */
		gls_idmap_remove(&ctx->share->syncs, id, NULL);
		goto out;
	}
	gls_put_u32(w, id);
	sync = (GLsync)(uintptr_t)id;
out:
	glsc_gl_leave();
	return sync;
}

GLboolean glsc_glIsSync(GLsync sync)
{
	struct glsc_context *ctx = glsc_es3_enter();
	if (!ctx)
		return GL_FALSE;
	GLboolean known = glsc_sync_id(ctx, sync) ? GL_TRUE : GL_FALSE;
	glsc_gl_leave();
	return known;
}

/* wire glDeleteSync: u32 sync. The name is invalid at once, whatever still
 * waits on the fence (ES 3.0 5.2.2); the worker's driver keeps the object
 * while it must. */
void glsc_glDeleteSync(GLsync sync)
{
	struct glsc_context *ctx = glsc_es3_enter();
	if (!ctx)
		return;
	uint32_t id = glsc_sync_id(ctx, sync);
	if (!id) {
		if (sync) /* 0 is silently ignored */
			glsc_set_error_locked(GL_INVALID_VALUE);
		goto out;
	}
	gls_idmap_remove(&ctx->share->syncs, id, NULL);
	uint8_t *w = glsc_begin(ctx, GLS_OP_glDeleteSync, 4);
	if (w)
		gls_put_u32(w, id);
out:
	glsc_gl_leave();
}

/* One slice of a wait.
 * wire glClientWaitSync: u32 sync, u32 flags (0 or GL_SYNC_FLUSH_COMMANDS_BIT),
 *   u64 timeout in ns (at most 1 s) -> reply u32 result */
static GLenum glsc_client_wait_slice(struct glsc_context *ctx, uint32_t id, GLbitfield flags, uint64_t timeout)
{
	uint8_t *w = glsc_begin(ctx, GLS_OP_glClientWaitSync, 16);
	if (!w)
		return GL_WAIT_FAILED;
	w = gls_put_u32(w, id);
	w = gls_put_u32(w, flags);
	gls_put_i64(w, (int64_t)timeout);
	const uint8_t *reply;
	size_t size;
	if (!glsc_wait_reply(ctx, &reply, &size) || size != 4)
		return GL_WAIT_FAILED;
	struct gls_reader r;
	gls_reader_init(&r, reply, size);
	return gls_get_u32(&r);
}

GLenum glsc_glClientWaitSync(GLsync sync, GLbitfield flags, GLuint64 timeout)
{
	struct glsc_context *ctx = glsc_es3_enter();
	if (!ctx)
		return GL_WAIT_FAILED;
	GLenum result = GL_WAIT_FAILED;
	uint32_t id = glsc_sync_id(ctx, sync);
	if ((flags & ~(GLbitfield)GL_SYNC_FLUSH_COMMANDS_BIT) || !id) {
		glsc_set_error_locked(GL_INVALID_VALUE);
		goto out;
	}
	/* The worker runs one command at a time: while it waits, no other
	 * thread's command could run there anyway, so the lock stays held. */
	for (uint64_t left = timeout;;) {
		uint64_t slice = left < GLSC_SYNC_WAIT_SLICE_NS ? left : GLSC_SYNC_WAIT_SLICE_NS;
		GLenum answer = glsc_client_wait_slice(ctx, id, flags, slice);
		/* signalled during an earlier slice of this call: not before it */
		result = answer == GL_ALREADY_SIGNALED && left != timeout ? GL_CONDITION_SATISFIED : answer;
		if (result != GL_TIMEOUT_EXPIRED || left == slice)
			break;
		left -= slice;
	}
out:
	glsc_gl_leave();
	return result;
}

/* wire glWaitSync: u32 sync (flags 0 and GL_TIMEOUT_IGNORED, checked here) */
void glsc_glWaitSync(GLsync sync, GLbitfield flags, GLuint64 timeout)
{
	struct glsc_context *ctx = glsc_es3_enter();
	if (!ctx)
		return;
	uint32_t id = glsc_sync_id(ctx, sync);
	if (flags != 0 || timeout != GL_TIMEOUT_IGNORED || !id) {
		glsc_set_error_locked(GL_INVALID_VALUE);
		goto out;
	}
	uint8_t *w = glsc_begin(ctx, GLS_OP_glWaitSync, 4);
	if (w)
		gls_put_u32(w, id);
out:
	glsc_gl_leave();
}

/* wire glGetSynciv: u32 sync, u32 pname (GL_SYNC_STATUS: the only one the
 * client does not know) -> reply u32 count (0 or 1), count x i32 */
static bool glsc_sync_status(struct glsc_context *ctx, uint32_t id, GLint *status)
{
	uint8_t *w = glsc_begin(ctx, GLS_OP_glGetSynciv, 8);
	if (!w)
		return false;
	w = gls_put_u32(w, id);
	gls_put_u32(w, GL_SYNC_STATUS);
	const uint8_t *reply;
	size_t size;
	if (!glsc_wait_reply(ctx, &reply, &size) || size != 8)
		return false;
	struct gls_reader r;
	gls_reader_init(&r, reply, size);
	if (gls_get_u32(&r) != 1)
		return false;
	*status = gls_get_i32(&r);
	return true;
}

/* Errors in the order of Mesa's (and the specification's) checks: the
 * handle, the pname, then bufSize. `length` gets the size of the answer
 * even when bufSize cut it (ES 3.0 6.1.8). */
void glsc_glGetSynciv(GLsync sync, GLenum pname, GLsizei bufSize, GLsizei *length, GLint *values)
{
	struct glsc_context *ctx = glsc_es3_enter();
	if (!ctx)
		return;
	uint32_t id = glsc_sync_id(ctx, sync);
	GLint value;
	if (!id) {
		glsc_set_error_locked(GL_INVALID_VALUE);
		goto out;
	}
	switch (pname) {
	case GL_OBJECT_TYPE: value = GL_SYNC_FENCE; break;
	case GL_SYNC_CONDITION: value = GL_SYNC_GPU_COMMANDS_COMPLETE; break;
	case GL_SYNC_FLAGS: value = 0; break;
	case GL_SYNC_STATUS:
		if (!glsc_sync_status(ctx, id, &value))
			goto out; /* the server is gone */
		break;
	default:
		glsc_set_error_locked(GL_INVALID_ENUM);
		goto out;
	}
	if (bufSize < 0) {
		glsc_set_error_locked(GL_INVALID_VALUE);
		goto out;
	}
	if (bufSize > 0)
		values[0] = value;
	if (length)
		*length = 1;
out:
	glsc_gl_leave();
}

/* ---- query object names ---- */

void glsc_glGenQueries(GLsizei n, GLuint *ids)
{
	struct glsc_context *ctx = glsc_es3_enter();
	if (!ctx)
		return;
	if (n < 0)
		glsc_set_error_locked(GL_INVALID_VALUE);
	else
		glsc_names_generate(ctx, GLS_OBJ_QUERY, n, ids);
	glsc_gl_leave();
}

/* Deleting an active query ends it (the worker's driver does). */
void glsc_glDeleteQueries(GLsizei n, const GLuint *ids)
{
	struct glsc_context *ctx = glsc_es3_enter();
	if (!ctx)
		return;
	if (n < 0)
		glsc_set_error_locked(GL_INVALID_VALUE);
	else
		glsc_names_delete(ctx, GLS_OBJ_QUERY, n, ids);
	glsc_gl_leave();
}

/* A name this context never generated is no query; a generated one is a
 * query only once glBeginQuery made its object: the driver knows. */
bool glsc_hook_glIsQuery(GLuint id, GLboolean *result)
{
	struct glsc_context *ctx = glsc_current_context();
	if (!ctx || !(ctx->info.advertised & GLS_EXT_BIT(GL_ES_VERSION_3_0)) || glsc_name_known(ctx, GLS_OBJ_QUERY, id))
		return true; /* the encoder raises GL_INVALID_OPERATION without ES 3.0 */
	*result = GL_FALSE;
	return false;
}
