/* OpenGL ES 3.2 textures (es3.2 tex32): what other worker files ask. */
#ifndef GLSS_TEX32_H
#define GLSS_TEX32_H

#include <stdbool.h>

#include <GLES3/gl32.h>

struct glss_buffer;
struct glss_worker;

/* The buffer (host name; 0: none) and the range the texture bound to
 * GL_TEXTURE_BUFFER of the active unit views. */
GLuint glss_texture_buffer_view(GLint *offset, GLint *size);
/* That range lies inside the buffer as the worker knows its size (no
 * record: an empty buffer). */
bool glss_texture_buffer_view_fits(const struct glss_buffer *b, GLint offset, GLint size);

/* Before a draw: every buffer texture bound to a unit views a range that
 * still lies inside its buffer (a buffer shrinks with glBufferData); else
 * GL_INVALID_OPERATION is raised and false returned. */
bool glss_tex32_draw_check(struct glss_worker *w);

#endif
