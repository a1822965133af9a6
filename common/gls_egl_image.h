/* The EGL image sources glstream offers, decided once for the client (which
 * refuses the others with EGL_BAD_PARAMETER) and the worker (which ends a
 * client that sends one anyway). */
#ifndef GLS_EGL_IMAGE_H
#define GLS_EGL_IMAGE_H

#include <EGL/egl.h>
#include <EGL/eglext.h>
#include <stdbool.h>

/* 2D textures, the six faces of cube maps, renderbuffers. Not 3D textures:
 * an OpenGL ES 2.0 context has none, and the wire has no z offset. */
static inline bool gls_egl_image_target_known(EGLenum target)
{
	return target == EGL_GL_TEXTURE_2D_KHR || target == EGL_GL_RENDERBUFFER_KHR ||
	       (target >= EGL_GL_TEXTURE_CUBE_MAP_POSITIVE_X_KHR && target <= EGL_GL_TEXTURE_CUBE_MAP_NEGATIVE_Z_KHR);
}

#endif
