/* EGL sync objects: EGL 1.5's eglCreateSync family and the
 * EGL_KHR_fence_sync / EGL_KHR_wait_sync / EGL_KHR_reusable_sync entry
 * points, which differ only in their attribute and return types. A fence
 * lives in the worker, in the command stream of the context that created
 * it; a reusable sync lives in the client (glsc_egl_reusable_sync.c). The
 * handle is a small id. Errors as Mesa's where EGL leaves a choice. */
#include <stdint.h>
#include <string.h>

#include "glsc_egl.h"
#include "glsc_egl_reusable_sync.h"
#include "glsc_gl.h"
#include "glsc_stream.h"
#include "gls_wire.h"

/* The sync a handle names on an initialized display, setting the error;
 * *reusable says which kind it is. */
static bool glsc_sync_get(EGLDisplay dpy, EGLSync sync, struct glsc_display **out, bool *reusable)
{
	struct glsc_display *d = glsc_display_get(dpy);
	if (!d)
		return false;
	glsc_lock();
	bool fence = gls_idmap_get(&d->syncs, (uint32_t)(uintptr_t)sync, NULL);
	glsc_unlock();
	*reusable = !fence && glsc_reusable_sync_known(d, sync);
	if (!fence && !*reusable) {
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
 * Fences and reusable syncs take no attributes. */
static EGLSync glsc_sync_create(EGLDisplay dpy, EGLenum type, bool has_attribs)
{
	struct glsc_display *d = glsc_display_get(dpy);
	if (!d)
		return EGL_NO_SYNC;
	if (type != EGL_SYNC_FENCE && type != EGL_SYNC_REUSABLE_KHR) {
		glsc_fail(EGL_BAD_PARAMETER); /* no OpenCL event syncs */
		return EGL_NO_SYNC;
	}
	if (has_attribs) {
		glsc_fail(EGL_BAD_ATTRIBUTE);
		return EGL_NO_SYNC;
	}
	if (type == EGL_SYNC_REUSABLE_KHR)
		return glsc_reusable_sync_create(d);
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
	bool reusable;
	if (!glsc_sync_get(dpy, sync, &d, &reusable))
		return EGL_FALSE;
	if (reusable) {
		glsc_reusable_sync_destroy(d, sync);
		return glsc_succeed();
	}
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
	bool reusable;
	if (!glsc_sync_get(dpy, sync, &d, &reusable))
		return EGL_FALSE;
	if (reusable)
		return glsc_reusable_sync_wait(d, sync, flags, timeout);
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
	bool reusable;
	if (!glsc_sync_get(dpy, sync, &d, &reusable))
		return EGL_FALSE;
	if (flags != 0)
		return glsc_fail(EGL_BAD_PARAMETER);
	if (!glsc_current_context())
		return glsc_fail(EGL_BAD_MATCH);
	if (reusable)
		return glsc_succeed(); /* as Mesa: the application signals it, not the GPU */
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
	bool reusable;
	if (!glsc_sync_get(dpy, sync, &d, &reusable))
		return EGL_FALSE;
	if (!value)
		return glsc_fail(EGL_BAD_PARAMETER);
	switch (attribute) {
	case EGL_SYNC_TYPE:
		*value = reusable ? EGL_SYNC_REUSABLE_KHR : EGL_SYNC_FENCE;
		return glsc_succeed();
	case EGL_SYNC_CONDITION: /* fences only */
		if (reusable)
			return glsc_fail(EGL_BAD_ATTRIBUTE);
		*value = EGL_SYNC_PRIOR_COMMANDS_COMPLETE;
		return glsc_succeed();
	case EGL_SYNC_STATUS: {
		if (reusable) {
			*value = glsc_reusable_sync_status(d, sync);
			return glsc_succeed();
		}
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
		bool reusable;
		return glsc_sync_get(dpy, sync, &d, &reusable) ? glsc_fail(EGL_BAD_PARAMETER) : EGL_FALSE;
	}
	if (!glsc_eglGetSyncAttrib(dpy, sync, attribute, &wide))
		return EGL_FALSE;
	*value = (EGLint)wide; /* every sync attribute value fits an EGLint */
	return EGL_TRUE;
}

/* EGL_KHR_reusable_sync. A fence is EGL_BAD_MATCH, then a mode other than
 * signaled or unsignaled EGL_BAD_ATTRIBUTE (Mesa's order). */
static EGLBoolean glsc_eglSignalSyncKHR(EGLDisplay dpy, EGLSyncKHR sync, EGLenum mode)
{
	struct glsc_display *d;
	bool reusable;
	if (!glsc_sync_get(dpy, sync, &d, &reusable))
		return EGL_FALSE;
	if (!reusable)
		return glsc_fail(EGL_BAD_MATCH);
	if (mode != EGL_SIGNALED && mode != EGL_UNSIGNALED)
		return glsc_fail(EGL_BAD_ATTRIBUTE);
	return glsc_reusable_sync_signal(d, sync, mode);
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
	GLSC_SYNC_PROC(eglSignalSyncKHR),
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
