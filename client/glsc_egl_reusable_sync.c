/* EGL_KHR_reusable_sync: sync objects signaled and unsignaled by the
 * application (eglSignalSyncKHR), never by a GPU. They live in the client
 * only: the worker never hears of them, so nothing crosses the stream but
 * the flush that EGL_SYNC_FLUSH_COMMANDS_BIT asks for. A waiter sleeps on
 * the sync's own lock, never on the stream's, so another thread can signal
 * it (or use the stream) meanwhile. */
#include <errno.h>
#include <pthread.h>
#include <stdint.h>
#include <stdlib.h>
#include <time.h>

#include "glsc_egl_reusable_sync.h"
#include "glsc_gl.h"
#include "glsc_stream.h"
#include "gls_wire.h"

struct glsc_reusable_sync {
	pthread_mutex_t mutex;
	pthread_cond_t cond; /* CLOCK_MONOTONIC: timeouts ignore clock changes */
	EGLint status;       /* EGL_SIGNALED or EGL_UNSIGNALED */
	bool destroyed;      /* wakes waiters as if signaled (KHR_reusable_sync) */
	unsigned refs;       /* the display's map, plus each waiter */
};

EGLSync glsc_reusable_sync_create(struct glsc_display *d)
{
	struct glsc_reusable_sync *s = calloc(1, sizeof(*s));
	pthread_condattr_t attr;
	if (!s)
		goto fail;
	if (pthread_condattr_init(&attr) != 0)
		goto fail_free;
	pthread_condattr_setclock(&attr, CLOCK_MONOTONIC);
	bool cond_ok = pthread_cond_init(&s->cond, &attr) == 0;
	pthread_condattr_destroy(&attr);
	if (!cond_ok)
		goto fail_free;
	pthread_mutex_init(&s->mutex, NULL);
	s->status = EGL_UNSIGNALED;
	s->refs = 1;
	glsc_lock();
	uint32_t id = glsc_next_object_id++;
	bool stored = gls_idmap_put(&d->reusable_syncs, id, (uint64_t)(uintptr_t)s);
	glsc_unlock();
	if (!stored)
		goto fail_destroy;
	glsc_succeed();
	return (EGLSync)(uintptr_t)id;

fail_destroy:
	pthread_cond_destroy(&s->cond);
	pthread_mutex_destroy(&s->mutex);
fail_free:
	free(s);
fail:
	glsc_fail(EGL_BAD_ALLOC);
	return EGL_NO_SYNC;
}

/* The sync of `id` with a reference the caller drops, or NULL. */
static struct glsc_reusable_sync *glsc_reusable_sync_ref(struct glsc_display *d, uint32_t id)
{
	uint64_t value;
	glsc_lock();
	struct glsc_reusable_sync *s =
		gls_idmap_get(&d->reusable_syncs, id, &value) ? (struct glsc_reusable_sync *)(uintptr_t)value : NULL;
	if (s) {
		pthread_mutex_lock(&s->mutex);
		s->refs++;
		pthread_mutex_unlock(&s->mutex);
	}
	glsc_unlock();
	return s;
}

/* Drops a reference; the sync's mutex is held and released here. */
static void glsc_reusable_sync_unref_unlock(struct glsc_reusable_sync *s)
{
	bool last = --s->refs == 0;
	pthread_mutex_unlock(&s->mutex);
	if (last) {
		pthread_cond_destroy(&s->cond);
		pthread_mutex_destroy(&s->mutex);
		free(s);
	}
}

bool glsc_reusable_sync_known(struct glsc_display *d, EGLSync sync)
{
	glsc_lock();
	bool known = gls_idmap_get(&d->reusable_syncs, (uint32_t)(uintptr_t)sync, NULL);
	glsc_unlock();
	return known;
}

static void glsc_reusable_sync_destroy_unlocked(struct glsc_reusable_sync *s)
{
	pthread_mutex_lock(&s->mutex);
	s->destroyed = true;
	pthread_cond_broadcast(&s->cond);
	glsc_reusable_sync_unref_unlock(s);
}

void glsc_reusable_sync_destroy(struct glsc_display *d, EGLSync sync)
{
	uint64_t value;
	glsc_lock();
	bool known = gls_idmap_remove(&d->reusable_syncs, (uint32_t)(uintptr_t)sync, &value);
	glsc_unlock();
	if (known)
		glsc_reusable_sync_destroy_unlocked((struct glsc_reusable_sync *)(uintptr_t)value);
}

static void glsc_collect_sync(uint32_t id, uint64_t value, void *data)
{
	(void)id;
	struct glsc_reusable_sync ***cursor = data;
	*(*cursor)++ = (struct glsc_reusable_sync *)(uintptr_t)value;
}

void glsc_reusable_syncs_destroy_all_locked(struct glsc_display *d)
{
	struct glsc_reusable_sync **all = calloc(d->reusable_syncs.count + 1, sizeof(*all)), **cursor = all;
	if (!all)
		return; /* leaked: they hold no host resource */
	gls_idmap_each(&d->reusable_syncs, glsc_collect_sync, &cursor);
	gls_idmap_free(&d->reusable_syncs);
	gls_idmap_init(&d->reusable_syncs);
	for (struct glsc_reusable_sync **s = all; s < cursor; s++)
		glsc_reusable_sync_destroy_unlocked(*s);
	free(all);
}

EGLint glsc_reusable_sync_status(struct glsc_display *d, EGLSync sync)
{
	struct glsc_reusable_sync *s = glsc_reusable_sync_ref(d, (uint32_t)(uintptr_t)sync);
	if (!s)
		return EGL_UNSIGNALED; /* destroyed by another thread just now */
	pthread_mutex_lock(&s->mutex);
	EGLint status = s->status;
	glsc_reusable_sync_unref_unlock(s);
	return status;
}

EGLBoolean glsc_reusable_sync_signal(struct glsc_display *d, EGLSync sync, EGLenum mode)
{
	struct glsc_reusable_sync *s = glsc_reusable_sync_ref(d, (uint32_t)(uintptr_t)sync);
	if (!s)
		return glsc_fail(EGL_BAD_PARAMETER);
	pthread_mutex_lock(&s->mutex);
	s->status = (EGLint)mode;
	if (mode == EGL_SIGNALED)
		pthread_cond_broadcast(&s->cond);
	glsc_reusable_sync_unref_unlock(s);
	return glsc_succeed();
}

/* The flush EGL_SYNC_FLUSH_COMMANDS_BIT asks for: the current context's
 * commands go to the worker before the wait. */
static void glsc_reusable_sync_flush(void)
{
	struct glsc_context *ctx = glsc_gl_enter();
	if (!ctx)
		return;
	glsc_begin(ctx, GLS_OP_glFlush, 0);
	glsc_flush_locked();
	glsc_gl_leave();
}

EGLint glsc_reusable_sync_wait(struct glsc_display *d, EGLSync sync, EGLint flags, EGLTime timeout)
{
	struct glsc_reusable_sync *s = glsc_reusable_sync_ref(d, (uint32_t)(uintptr_t)sync);
	if (!s) {
		glsc_fail(EGL_BAD_PARAMETER);
		return EGL_FALSE;
	}
	pthread_mutex_lock(&s->mutex);
	bool signaled = s->status == EGL_SIGNALED;
	pthread_mutex_unlock(&s->mutex);
	if (!signaled && (flags & EGL_SYNC_FLUSH_COMMANDS_BIT))
		glsc_reusable_sync_flush();

	struct timespec deadline;
	clock_gettime(CLOCK_MONOTONIC, &deadline);
	if (timeout != EGL_FOREVER) {
		/* saturating: a deadline centuries away is forever */
		EGLTime seconds = timeout / 1000000000u;
		long nanoseconds = (long)(timeout % 1000000000u) + deadline.tv_nsec;
		deadline.tv_sec += seconds > (EGLTime)(INT32_MAX) ? INT32_MAX : (time_t)seconds;
		deadline.tv_sec += nanoseconds / 1000000000L;
		deadline.tv_nsec = nanoseconds % 1000000000L;
	}
	pthread_mutex_lock(&s->mutex);
	bool timed_out = false;
	while (s->status != EGL_SIGNALED && !s->destroyed && !timed_out) {
		if (timeout == EGL_FOREVER)
			pthread_cond_wait(&s->cond, &s->mutex);
		else
			timed_out = timeout == 0 || pthread_cond_timedwait(&s->cond, &s->mutex, &deadline) == ETIMEDOUT;
	}
	EGLint result = s->status == EGL_SIGNALED || s->destroyed ? EGL_CONDITION_SATISFIED : EGL_TIMEOUT_EXPIRED;
	glsc_reusable_sync_unref_unlock(s);
	glsc_succeed();
	return result;
}
