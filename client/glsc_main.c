/* The glvnd vendor entry point: the only symbol this library exports.
 * libEGL.so.1 (glvnd) loads us through the JSON file in egl_vendor.d and
 * asks us for EGL and GL functions by name. */
#include <glvnd/libeglabi.h>
#include <string.h>

#include "glsc_egl.h"
#include "glsc_gl.h"

void *glsc_get_proc_address(const char *name);

/* Every EGL 1.4 function, and every GLES 2.0 function or extension function
 * we implement; extension functions are found even when the server lacks
 * the extension (the extension string tells the application). */
void *glsc_get_proc_address(const char *name)
{
	if (strncmp(name, "egl", 3) == 0)
		return glsc_egl_proc(name);
	if (strncmp(name, "gl", 2) != 0)
		return NULL;
	unsigned lo = 0, hi = glsc_gl_proc_count;
	while (lo < hi) {
		unsigned mid = (lo + hi) / 2;
		int cmp = strcmp(name, glsc_gl_procs[mid].name);
		if (cmp == 0)
			return (void *)glsc_gl_procs[mid].fn;
		if (cmp < 0)
			hi = mid;
		else
			lo = mid + 1;
	}
	return NULL;
}

static EGLBoolean glsc_supports_api(EGLenum api)
{
	return api == EGL_OPENGL_ES_API;
}

static const char *glsc_vendor_string(int name)
{
	return name == __EGL_VENDOR_STRING_PLATFORM_EXTENSIONS ? glsc_platform_extensions() : NULL;
}

__attribute__((visibility("default"))) EGLBoolean
__egl_Main(uint32_t version, const __EGLapiExports *exports, __EGLvendorInfo *vendor, __EGLapiImports *imports)
{
	(void)vendor;
	if (EGL_VENDOR_ABI_GET_MAJOR_VERSION(version) != EGL_VENDOR_ABI_MAJOR_VERSION)
		return EGL_FALSE;
	glsc_dispatch_init(exports);
	imports->getPlatformDisplay = glsc_get_platform_display;
	imports->getSupportsAPI = glsc_supports_api;
	imports->getVendorString = glsc_vendor_string;
	imports->getProcAddress = glsc_get_proc_address;
	imports->getDispatchAddress = glsc_dispatch_address;
	imports->setDispatchIndex = glsc_dispatch_set_index;
	return EGL_TRUE;
}
