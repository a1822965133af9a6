/* Dispatch stubs for the EGL extension functions glstream implements.
 * glvnd's libEGL exports only core EGL. For an extension function it asks
 * the vendors for a stub (getDispatchAddress), numbers it and tells every
 * vendor the number (setDispatchIndex). Whichever vendor's stub the
 * application receives, it must find the vendor owning the display and call
 * that vendor's implementation (fetchDispatchEntry ends in the vendor's
 * getProcAddress). */
#include <EGL/egl.h>
#include <EGL/eglext.h>
#include <glvnd/libeglabi.h>
#include <string.h>

#include "glsc_egl.h"

#define GLSC_DISPATCH_FUNCTIONS(X)                                                                 \
	X(eglClientWaitSyncKHR)                                                                    \
	X(eglCreateImageKHR)                                                                       \
	X(eglCreateSyncKHR)                                                                        \
	X(eglDestroyImageKHR)                                                                      \
	X(eglDestroySyncKHR)                                                                       \
	X(eglGetSyncAttribKHR)                                                                     \
	X(eglSignalSyncKHR)                                                                        \
	X(eglSwapBuffersWithDamageEXT)                                                             \
	X(eglSwapBuffersWithDamageKHR)                                                             \
	X(eglWaitSyncKHR)

#define GLSC_DISPATCH_ENUM(name) GLSC_DISPATCH_##name,
enum { GLSC_DISPATCH_FUNCTIONS(GLSC_DISPATCH_ENUM) GLSC_DISPATCH_COUNT };

#define GLSC_DISPATCH_NAME(name) #name,
static const char *const glsc_dispatch_names[GLSC_DISPATCH_COUNT] = {GLSC_DISPATCH_FUNCTIONS(GLSC_DISPATCH_NAME)};

static const __EGLapiExports *glsc_exports;
static int glsc_dispatch_index[GLSC_DISPATCH_COUNT];

static int glsc_dispatch_find(const char *name)
{
	for (int i = 0; i < GLSC_DISPATCH_COUNT; i++)
		if (strcmp(glsc_dispatch_names[i], name) == 0)
			return i;
	return -1;
}

/* The implementation of function `fn` in the vendor that owns `dpy`, with
 * eglGetError pointed at that vendor; NULL with EGL_BAD_DISPLAY if none. */
static void *glsc_dispatch_fetch(EGLDisplay dpy, int fn)
{
	__EGLvendorInfo *vendor = glsc_exports->getVendorFromDisplay(dpy);
	void *impl = NULL;
	if (vendor && glsc_dispatch_index[fn] >= 0)
		impl = (void *)glsc_exports->fetchDispatchEntry(vendor, glsc_dispatch_index[fn]);
	glsc_exports->setLastVendor(impl ? vendor : NULL);
	if (!impl)
		glsc_exports->setEGLError(EGL_BAD_DISPLAY);
	return impl;
}

static EGLint glsc_stub_eglClientWaitSyncKHR(EGLDisplay dpy, EGLSyncKHR sync, EGLint flags, EGLTimeKHR timeout)
{
	PFNEGLCLIENTWAITSYNCKHRPROC fn = glsc_dispatch_fetch(dpy, GLSC_DISPATCH_eglClientWaitSyncKHR);
	return fn ? fn(dpy, sync, flags, timeout) : EGL_FALSE;
}

static EGLImageKHR glsc_stub_eglCreateImageKHR(EGLDisplay dpy, EGLContext ctx, EGLenum target, EGLClientBuffer buffer,
					       const EGLint *attribs)
{
	PFNEGLCREATEIMAGEKHRPROC fn = glsc_dispatch_fetch(dpy, GLSC_DISPATCH_eglCreateImageKHR);
	return fn ? fn(dpy, ctx, target, buffer, attribs) : EGL_NO_IMAGE_KHR;
}

static EGLBoolean glsc_stub_eglDestroyImageKHR(EGLDisplay dpy, EGLImageKHR image)
{
	PFNEGLDESTROYIMAGEKHRPROC fn = glsc_dispatch_fetch(dpy, GLSC_DISPATCH_eglDestroyImageKHR);
	return fn ? fn(dpy, image) : EGL_FALSE;
}

static EGLSyncKHR glsc_stub_eglCreateSyncKHR(EGLDisplay dpy, EGLenum type, const EGLint *attribs)
{
	PFNEGLCREATESYNCKHRPROC fn = glsc_dispatch_fetch(dpy, GLSC_DISPATCH_eglCreateSyncKHR);
	return fn ? fn(dpy, type, attribs) : EGL_NO_SYNC_KHR;
}

static EGLBoolean glsc_stub_eglDestroySyncKHR(EGLDisplay dpy, EGLSyncKHR sync)
{
	PFNEGLDESTROYSYNCKHRPROC fn = glsc_dispatch_fetch(dpy, GLSC_DISPATCH_eglDestroySyncKHR);
	return fn ? fn(dpy, sync) : EGL_FALSE;
}

static EGLBoolean glsc_stub_eglGetSyncAttribKHR(EGLDisplay dpy, EGLSyncKHR sync, EGLint attribute, EGLint *value)
{
	PFNEGLGETSYNCATTRIBKHRPROC fn = glsc_dispatch_fetch(dpy, GLSC_DISPATCH_eglGetSyncAttribKHR);
	return fn ? fn(dpy, sync, attribute, value) : EGL_FALSE;
}

static EGLBoolean glsc_stub_eglSignalSyncKHR(EGLDisplay dpy, EGLSyncKHR sync, EGLenum mode)
{
	PFNEGLSIGNALSYNCKHRPROC fn = glsc_dispatch_fetch(dpy, GLSC_DISPATCH_eglSignalSyncKHR);
	return fn ? fn(dpy, sync, mode) : EGL_FALSE;
}

static EGLBoolean glsc_stub_eglSwapBuffersWithDamageEXT(EGLDisplay dpy, EGLSurface surface, const EGLint *rects,
							EGLint n_rects)
{
	PFNEGLSWAPBUFFERSWITHDAMAGEEXTPROC fn = glsc_dispatch_fetch(dpy, GLSC_DISPATCH_eglSwapBuffersWithDamageEXT);
	return fn ? fn(dpy, surface, rects, n_rects) : EGL_FALSE;
}

static EGLBoolean glsc_stub_eglSwapBuffersWithDamageKHR(EGLDisplay dpy, EGLSurface surface, const EGLint *rects,
							EGLint n_rects)
{
	PFNEGLSWAPBUFFERSWITHDAMAGEKHRPROC fn = glsc_dispatch_fetch(dpy, GLSC_DISPATCH_eglSwapBuffersWithDamageKHR);
	return fn ? fn(dpy, surface, rects, n_rects) : EGL_FALSE;
}

static EGLint glsc_stub_eglWaitSyncKHR(EGLDisplay dpy, EGLSyncKHR sync, EGLint flags)
{
	PFNEGLWAITSYNCKHRPROC fn = glsc_dispatch_fetch(dpy, GLSC_DISPATCH_eglWaitSyncKHR);
	return fn ? fn(dpy, sync, flags) : EGL_FALSE;
}

#define GLSC_DISPATCH_STUB(name) (void *)glsc_stub_##name,
static void *const glsc_dispatch_stubs[GLSC_DISPATCH_COUNT] = {GLSC_DISPATCH_FUNCTIONS(GLSC_DISPATCH_STUB)};

void glsc_dispatch_init(const __EGLapiExports *exports)
{
	glsc_exports = exports;
	for (int i = 0; i < GLSC_DISPATCH_COUNT; i++)
		glsc_dispatch_index[i] = -1;
}

void *glsc_dispatch_address(const char *name)
{
	int fn = glsc_dispatch_find(name);
	return fn >= 0 ? glsc_dispatch_stubs[fn] : NULL;
}

void glsc_dispatch_set_index(const char *name, int index)
{
	int fn = glsc_dispatch_find(name);
	if (fn >= 0)
		glsc_dispatch_index[fn] = index;
}
