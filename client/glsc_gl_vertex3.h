/* OpenGL ES 3.0 vertex state of the client (glsc_gl_vertex3.c). */
#ifndef GLSC_GL_VERTEX3_H
#define GLSC_GL_VERTEX3_H

#include "glsc_gl.h"

/* glEnable / glDisable of cap went to the server. */
void glsc_vertex3_capability(struct glsc_context *ctx, GLenum cap, bool enabled);

#endif
