/* EGL fence sync objects: EGL 1.5's eglCreateSync family and the
 * EGL_KHR_fence_sync / EGL_KHR_wait_sync entry points, which differ only
 * in their attribute and return types. A fence lives in the worker, in the
 * command stream of the context that created it; the handle is a small id. */
#include <stdint.h>
#include <string.h>

#include "glsc_egl.h"
#include "glsc_gl.h"
#include "glsc_stream.h"
#include "gls_wire.h"

/* The sync a handle names on an initialized display, setting the error. */
static bool glsc_sync_get(EGLDisplay dpy, EGLSync sync, struct glsc_display **out)
{
	struct glsc_display *d = glsc_display_get(dpy);
	if (!d)
		return false;
	glsc_lock();
	bool known = gls_idmap_get(&d->syncs, (uint32_t)(uintptr_t)sync, NULL);
	glsc_unlock();
	if (!known) {
		glsc_fail(EGL_BAD_PARAMETER);
		return false;
	}
	*out = d;
	return true;
}

/* A one-word command about a sync object; with a reply when asked.
 * wire glsDestroySync, glsWaitSync, glsGetSyncStatus: u32 sync
 *   (glsGetSyncStatus -> reply i32 EGL_SIGNALED or EGL_UNSIGNALED) */
static bool glsc_sync_command(uint16_t opcode, uint32_t id, EGLint *answer)
{
	/* In the caller's context when it has one (glsWaitSync waits there). */
	if (!glsc_gl_enter())
		glsc_lock();
	uint8_t *w = glsc_stream_begin_locked(opcode, 4);
	if (w)
		gls_put_u32(w, id);
	bool ok = w && !answer;
	const uint8_t *reply;
	size_t size;
	if (w && answer && glsc_stream_wait_reply_locked(&reply, &size) && size == 4) {
		struct gls_reader r;
		gls_reader_init(&r, reply, size);
		*answer = gls_get_i32(&r);
		ok = true;
	}
	glsc_unlock();
	return ok;
}

/* wire glsCreateSync: u32 new sync id (a fence in the current context).
 * Attributes were checked by the caller: fences take none. */
static EGLSync glsc_sync_create(EGLDisplay dpy, EGLenum type, bool has_attribs)
{
	struct glsc_display *d = glsc_display_get(dpy);
	if (!d)
		return EGL_NO_SYNC;
	if (type != EGL_SYNC_FENCE) {
		glsc_fail(EGL_BAD_PARAMETER); /* no reusable or OpenCL event syncs */
		return EGL_NO_SYNC;
	}
	if (has_attribs) {
		glsc_fail(EGL_BAD_ATTRIBUTE);
		return EGL_NO_SYNC;
	}
	/* The fence goes into the current context's command stream. */
	struct glsc_context *ctx = glsc_gl_enter();
	if (!ctx || ctx->display != d) {
		if (ctx)
			glsc_gl_leave();
		glsc_fail(ctx || !glsc_stream_lost() ? EGL_BAD_MATCH : EGL_CONTEXT_LOST);
		return EGL_NO_SYNC;
	}
	uint32_t id = glsc_next_object_id++;
	uint8_t *w = glsc_begin(ctx, GLS_OP_glsCreateSync, 4);
	if (w) {
		gls_put_u32(w, id);
		gls_idmap_put(&d->syncs, id, 1);
	}
	glsc_gl_leave();
	if (!w) {
		glsc_fail(EGL_BAD_ALLOC);
		return EGL_NO_SYNC;
	}
	glsc_succeed();
	return (EGLSync)(uintptr_t)id;
}

static EGLSync glsc_eglCreateSync(EGLDisplay dpy, EGLenum type, const EGLAttrib *attribs)
{
	return glsc_sync_create(dpy, type, attribs && attribs[0] != EGL_NONE);
}

static EGLSyncKHR glsc_eglCreateSyncKHR(EGLDisplay dpy, EGLenum type, const EGLint *attribs)
{
	return glsc_sync_create(dpy, type, attribs && attribs[0] != EGL_NONE);
}

static EGLBoolean glsc_eglDestroySync(EGLDisplay dpy, EGLSync sync)
{
	struct glsc_display *d;
	if (!glsc_sync_get(dpy, sync, &d))
		return EGL_FALSE;
	uint32_t id = (uint32_t)(uintptr_t)sync;
	glsc_lock();
	gls_idmap_remove(&d->syncs, id, NULL);
	glsc_unlock();
	glsc_sync_command(GLS_OP_glsDestroySync, id, NULL);
	return glsc_succeed();
}

/* wire glsClientWaitSync: u32 sync, i32 flags, i64 timeout (ns) -> reply
 *   i32 EGL_CONDITION_SATISFIED, EGL_TIMEOUT_EXPIRED or EGL_FALSE */
static EGLint glsc_eglClientWaitSync(EGLDisplay dpy, EGLSync sync, EGLint flags, EGLTime timeout)
{
	struct glsc_display *d;
	if (!glsc_sync_get(dpy, sync, &d))
		return EGL_FALSE;
	if (!glsc_gl_enter())
		glsc_lock(); /* a fence needs no current context to be waited on */
	EGLint result = EGL_FALSE;
	uint8_t *w = glsc_stream_begin_locked(GLS_OP_glsClientWaitSync, 16);
	if (w) {
		w = gls_put_u32(w, (uint32_t)(uintptr_t)sync);
		w = gls_put_i32(w, flags);
		gls_put_i64(w, timeout > INT64_MAX ? INT64_MAX : (int64_t)timeout);
	}
	const uint8_t *reply;
	size_t size;
	if (w && glsc_stream_wait_reply_locked(&reply, &size) && size == 4) {
		struct gls_reader r;
		gls_reader_init(&r, reply, size);
		result = gls_get_i32(&r);
	}
	glsc_unlock();
	if (result == EGL_FALSE) {
		glsc_fail(glsc_stream_lost() ? EGL_CONTEXT_LOST : EGL_BAD_PARAMETER);
		return EGL_FALSE;
	}
	glsc_succeed();
	return result;
}

static EGLBoolean glsc_eglWaitSync(EGLDisplay dpy, EGLSync sync, EGLint flags)
{
	struct glsc_display *d;
	if (!glsc_sync_get(dpy, sync, &d))
		return EGL_FALSE;
	if (flags != 0)
		return glsc_fail(EGL_BAD_PARAMETER);
	if (!glsc_current_context())
		return glsc_fail(EGL_BAD_MATCH);
	/* The server waits before the context's next commands run. */
	return glsc_sync_command(GLS_OP_glsWaitSync, (uint32_t)(uintptr_t)sync, NULL) ? glsc_succeed()
										    : glsc_fail(EGL_CONTEXT_LOST);
}

static EGLint glsc_eglWaitSyncKHR(EGLDisplay dpy, EGLSyncKHR sync, EGLint flags)
{
	return glsc_eglWaitSync(dpy, sync, flags);
}

static EGLBoolean glsc_eglGetSyncAttrib(EGLDisplay dpy, EGLSync sync, EGLint attribute, EGLAttrib *value)
{
	struct glsc_display *d;
	if (!glsc_sync_get(dpy, sync, &d))
		return EGL_FALSE;
	if (!value)
		return glsc_fail(EGL_BAD_PARAMETER);
	switch (attribute) {
	case EGL_SYNC_TYPE:
		*value = EGL_SYNC_FENCE;
		return glsc_succeed();
	case EGL_SYNC_CONDITION:
		*value = EGL_SYNC_PRIOR_COMMANDS_COMPLETE;
		return glsc_succeed();
	case EGL_SYNC_STATUS: {
		EGLint status;
		if (!glsc_sync_command(GLS_OP_glsGetSyncStatus, (uint32_t)(uintptr_t)sync, &status))
			return glsc_fail(EGL_CONTEXT_LOST);
		*value = status;
		return glsc_succeed();
	}
	default:
		return glsc_fail(EGL_BAD_ATTRIBUTE);
	}
}

static EGLBoolean glsc_eglGetSyncAttribKHR(EGLDisplay dpy, EGLSyncKHR sync, EGLint attribute, EGLint *value)
{
	EGLAttrib wide;
	if (!value) {
		struct glsc_display *d;
		return glsc_sync_get(dpy, sync, &d) ? glsc_fail(EGL_BAD_PARAMETER) : EGL_FALSE;
	}
	if (!glsc_eglGetSyncAttrib(dpy, sync, attribute, &wide))
		return EGL_FALSE;
	*value = (EGLint)wide; /* every sync attribute value fits an EGLint */
	return EGL_TRUE;
}

#define GLSC_SYNC_PROC(name) {#name, (void *)glsc_##name}
static const struct {
	const char *name;
	void *fn;
} glsc_sync_procs[] = {
	GLSC_SYNC_PROC(eglClientWaitSync),
	/* EGLTimeKHR is EGLTime, the KHR wait takes the same arguments. */
	{"eglClientWaitSyncKHR", (void *)glsc_eglClientWaitSync},
	GLSC_SYNC_PROC(eglCreateSync),
	GLSC_SYNC_PROC(eglCreateSyncKHR),
	GLSC_SYNC_PROC(eglDestroySync),
	{"eglDestroySyncKHR", (void *)glsc_eglDestroySync},
	GLSC_SYNC_PROC(eglGetSyncAttrib),
	GLSC_SYNC_PROC(eglGetSyncAttribKHR),
	GLSC_SYNC_PROC(eglWaitSync),
	GLSC_SYNC_PROC(eglWaitSyncKHR),
};

void *glsc_egl_sync_proc(const char *name)
{
	for (size_t i = 0; i < sizeof(glsc_sync_procs) / sizeof(glsc_sync_procs[0]); i++)
		if (strcmp(glsc_sync_procs[i].name, name) == 0)
			return glsc_sync_procs[i].fn;
	return NULL;
}
