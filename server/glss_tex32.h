/* OpenGL ES 3.2 textures (es3.2 tex32): what other worker files ask. */
#ifndef GLSS_TEX32_H
#define GLSS_TEX32_H

#include <stdbool.h>

struct glss_worker;

/* Before a draw: every buffer texture bound to a unit views a range that
 * still lies inside its buffer (a buffer shrinks with glBufferData); else
 * GL_INVALID_OPERATION is raised and false returned. */
bool glss_tex32_draw_check(struct glss_worker *w);

#endif
