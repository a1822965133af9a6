/* OpenGL ES 3.0 sync objects (es3 state).
 *
 * A GLsync is an id the client chose (as for EGL fences), kept per share
 * group like the host's syncs: id -> host GLsync. The client raises every
 * error of handles, flags and timeouts itself, so the worker only executes:
 * an id it does not know, flags or a timeout the client never sends end the
 * worker (docs/es3.md). */
#include "glss_gl_generated.h"
#include "glss_sandbox.h"
#include "glss_worker.h"

/* The longest one glClientWaitSync may block the worker: the client waits
 * longer in slices, so that the worker stays responsive to a vanished
 * client and the client's reply timeout never fires on a live server. */
#define GLSS_SYNC_WAIT_MAX_NS 1000000000ull

static GLsync glss_gl_sync_lookup(struct glss_worker *w, uint32_t id)
{
	uint64_t value;
	if (!w->current || !gls_idmap_get(&w->current->share->gl_syncs, id, &value)) {
		glss_fail(w, "unknown GL sync %u", id);
		return NULL;
	}
	return (GLsync)(uintptr_t)value;
}

/* wire glFenceSync: u32 new sync id (GL_SYNC_GPU_COMMANDS_COMPLETE, flags 0) */
void glss_exec_glFenceSync(struct glss_worker *w, struct gls_reader *r)
{
	uint32_t id = gls_get_u32(r);
	if (!gls_reader_done(r))
		return;
	if (!w->current || id == 0 || id == GLS_IDMAP_TOMB || gls_idmap_get(&w->current->share->gl_syncs, id, NULL)) {
		glss_fail(w, "glFenceSync %u without a context or with a used id", id);
		return;
	}
	struct gls_idmap *syncs = &w->current->share->gl_syncs;
	if (syncs->count >= glss_limits.max_objects) {
		glss_fail(w, "sync quota exceeded: %u fences (--max-objects)", syncs->count);
		return;
	}
	GLsync sync = glFenceSync(GL_SYNC_GPU_COMMANDS_COMPLETE, 0);
	if (!sync || !gls_idmap_put(syncs, id, (uint64_t)(uintptr_t)sync)) {
		/* the client already uses the id: it cannot be refused */
		glss_fail(w, "out of memory for sync %u", id);
		if (sync)
			glDeleteSync(sync);
	}
}

/* wire glDeleteSync: u32 sync */
void glss_exec_glDeleteSync(struct glss_worker *w, struct gls_reader *r)
{
	uint32_t id = gls_get_u32(r);
	if (!gls_reader_done(r))
		return;
	GLsync sync = glss_gl_sync_lookup(w, id);
	if (!sync)
		return;
	gls_idmap_remove(&w->current->share->gl_syncs, id, NULL);
	glDeleteSync(sync);
}

/* wire glClientWaitSync: u32 sync, u32 flags (0 or GL_SYNC_FLUSH_COMMANDS_BIT),
 * u64 timeout in ns (at most GLSS_SYNC_WAIT_MAX_NS) -> reply u32 result */
void glss_exec_glClientWaitSync(struct glss_worker *w, struct gls_reader *r)
{
	uint32_t id = gls_get_u32(r);
	GLbitfield flags = gls_get_u32(r);
	uint64_t timeout = (uint64_t)gls_get_i64(r);
	if (!gls_reader_done(r))
		return;
	if ((flags & ~(GLbitfield)GL_SYNC_FLUSH_COMMANDS_BIT) || timeout > GLSS_SYNC_WAIT_MAX_NS) {
		glss_fail(w, "glClientWaitSync with flags 0x%x, timeout %llu ns", flags, (unsigned long long)timeout);
		return;
	}
	GLsync sync = glss_gl_sync_lookup(w, id);
	if (!sync)
		return;
	glss_reply_i32(w, (int32_t)glClientWaitSync(sync, flags, timeout));
}

/* wire glWaitSync: u32 sync (flags 0, GL_TIMEOUT_IGNORED) */
void glss_exec_glWaitSync(struct glss_worker *w, struct gls_reader *r)
{
	uint32_t id = gls_get_u32(r);
	if (!gls_reader_done(r))
		return;
	GLsync sync = glss_gl_sync_lookup(w, id);
	if (sync)
		glWaitSync(sync, 0, GL_TIMEOUT_IGNORED);
}

/* wire glGetSynciv: u32 sync, u32 pname -> reply u32 count (0 or 1),
 * count x i32. The driver writes one value at most into the worker's own. */
void glss_exec_glGetSynciv(struct glss_worker *w, struct gls_reader *r)
{
	uint32_t id = gls_get_u32(r);
	GLenum pname = gls_get_u32(r);
	if (!gls_reader_done(r))
		return;
	GLsync sync = glss_gl_sync_lookup(w, id);
	if (!sync)
		return;
	GLint value = 0;
	GLsizei length = 0;
	switch (pname) {
	case GL_OBJECT_TYPE:
	case GL_SYNC_STATUS:
	case GL_SYNC_CONDITION:
	case GL_SYNC_FLAGS:
		glGetSynciv(sync, pname, 1, &length, &value);
		break;
	default:
		glss_set_error(w, GL_INVALID_ENUM);
		break;
	}
	uint8_t *p = glss_reply_begin(w, length == 1 ? 8 : 4);
	if (!p)
		return;
	p = gls_put_u32(p, length == 1 ? 1 : 0);
	if (length == 1)
		gls_put_i32(p, value);
}
