/* OpenGL ES 3.2 state the client answers alone (es3.2 draw32). */
#ifndef GLSC_GL_DRAW32_H
#define GLSC_GL_DRAW32_H

#include "glsc_gl.h"

/* GL_CONTEXT_FLAGS; false when the server must answer (or refuse) pname. */
bool glsc_draw32_state_local(struct glsc_context *ctx, GLenum pname, GLint *value);

#endif
