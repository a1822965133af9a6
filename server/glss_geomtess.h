/* OpenGL ES 3.2 geometry and tessellation shaders (es3.2 geomtess): what
 * other worker files ask. */
#ifndef GLSS_GEOMTESS_H
#define GLSS_GEOMTESS_H

#include <stdbool.h>
#include <stddef.h>
#include <GLES3/gl32.h>

struct glss_worker;

/* The stages a pipeline may hold programs for in a draw (vertex,
 * fragment, geometry, tessellation control and evaluation). */
#define GLSS_DRAW_STAGES 5

/* The programs a draw runs: the current program, else the bound
 * pipeline's stages (those of the context's version), each once. Returns
 * how many were written into programs. */
size_t glss_draw_programs(struct glss_worker *w, GLuint programs[GLSS_DRAW_STAGES]);

/* Whether the restart index of a draw of `mode` names no vertex, when
 * primitive restart is enabled: always, but for patches on a driver that
 * reports GL_PRIMITIVE_RESTART_FOR_PATCHES_SUPPORTED false (ES 3.2
 * 10.3.6: restart is then disabled for patches, the index is a vertex). */
bool glss_restart_applies(GLenum mode);

#endif
