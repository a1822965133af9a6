/* OpenGL ES 3.0 vertex and program queries of the worker (es3 vertex,
 * glss_gl_vertex3.c), for glss_gl_query.c. */
#ifndef GLSS_GL_VERTEX3_H
#define GLSS_GL_VERTEX3_H

#include <stddef.h>

#include "glss_get_table.h"
#include "glss_worker.h"

/* The entry of an ES 3.0 state (this group's capabilities), program or
 * vertex attribute pname of `family` (gated on the version by
 * glss_valid_AnyEnum), or NULL. */
const struct glss_get_pname *glss_vertex3_pname(enum glss_get_family family, GLenum pname);

/* GL_NUM_PROGRAM_BINARY_FORMATS / GL_PROGRAM_BINARY_FORMATS in an ES 3.0
 * context: answered 0 and empty, whatever the driver has. */
bool glss_vertex3_no_binary_formats(const struct glss_worker *w, GLenum pname);

/* Values of a uniform of an ES 3.0 type; 0 for others. */
size_t glss_vertex3_uniform_type_values(GLenum type);

#endif
