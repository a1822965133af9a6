/* EGL_KHR_reusable_sync: client-only sync objects (glsc_egl_reusable_sync.c),
 * used by the sync entry points of glsc_egl_sync.c. Ids share the display's
 * numbering with fences, so a handle names one or the other. */
#ifndef GLSC_EGL_REUSABLE_SYNC_H
#define GLSC_EGL_REUSABLE_SYNC_H

#include "glsc_egl.h"

EGLSync glsc_reusable_sync_create(struct glsc_display *d);
bool glsc_reusable_sync_known(struct glsc_display *d, EGLSync sync);
void glsc_reusable_sync_destroy(struct glsc_display *d, EGLSync sync);
/* eglTerminate: every waiter wakes as if its sync were signaled. */
void glsc_reusable_syncs_destroy_all_locked(struct glsc_display *d);
EGLint glsc_reusable_sync_status(struct glsc_display *d, EGLSync sync);
/* mode is EGL_SIGNALED or EGL_UNSIGNALED (checked by the caller). */
EGLBoolean glsc_reusable_sync_signal(struct glsc_display *d, EGLSync sync, EGLenum mode);
/* EGL_CONDITION_SATISFIED or EGL_TIMEOUT_EXPIRED; sleeps without the
 * stream's lock. */
EGLint glsc_reusable_sync_wait(struct glsc_display *d, EGLSync sync, EGLint flags, EGLTime timeout);

#endif
