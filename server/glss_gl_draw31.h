/* es3.1 draw: the draw checks glss_gl_draw.c and the indirect draws of
 * glss_gl_draw31.c share, and where an attribute reads under the vertex
 * buffer binding points of OpenGL ES 3.1. */
#ifndef GLSS_GL_DRAW31_H
#define GLSS_GL_DRAW31_H

#include "glss_buffers.h"

/* The vertices a draw reads: lo..hi of the attributes without a divisor
 * (none when lo > hi: every index was the restart index), and elements
 * base_instance + 0..(instances - 1) / divisor of the others (ES 3.0
 * 2.9.3; a draw that is not instanced is one instance; 0 instances read
 * none; base_instance is 0 but for indirect commands, see
 * glss_gl_draw31.c). */
struct glss_draw_range {
	uint32_t lo, hi;
	uint32_t instances;
	uint32_t base_instance;
};

/* Before a draw that reads `range` (glss_gl_draw.c): every enabled
 * attribute must cover it; *disabled collects attributes disabled for the
 * draw (glss_restore_arrays puts them back), *client_arrays tells whether
 * one of the worker's client array copies is read. False: the draw must
 * not reach the driver (the error is raised, or the worker ends). */
bool glss_check_attribs(struct glss_worker *w, const struct glss_draw_range *range, uint32_t *disabled,
			bool *client_arrays);
void glss_restore_arrays(uint32_t disabled);
/* Whether GL_PRIMITIVE_RESTART_FIXED_INDEX is on (ES 3.0) and restarts
 * draws of `mode` (es3.2 geomtess: patches, glss_restart_applies). */
bool glss_primitive_restart(struct glss_worker *w, GLenum mode);

/* Where enabled attribute `index` reads, from the driver's state (see
 * struct glss_attrib_source). */
void glss_attrib_source(struct glss_worker *w, GLuint index, struct glss_attrib_source *src);

#endif
