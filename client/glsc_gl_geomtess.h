/* OpenGL ES 3.2 geometry and tessellation shaders in the client (es3.2
 * geomtess): what other client files ask. */
#ifndef GLSC_GL_GEOMTESS_H
#define GLSC_GL_GEOMTESS_H

#include "glsc_gl.h"

/* Whether the restart index of a draw of `mode` names no vertex, when
 * primitive restart is enabled: as the worker decides
 * (server/glss_geomtess.c), patches restart only on a host that reports
 * GL_PRIMITIVE_RESTART_FOR_PATCHES_SUPPORTED (asked once per context). */
bool glsc_restart_applies(struct glsc_context *ctx, GLenum mode);

#endif
