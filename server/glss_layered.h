/* OpenGL ES 3.2 layered attachments, multisample arrays and buffer images
 * (es3.2 layered): what other worker files ask. */
#ifndef GLSS_LAYERED_H
#define GLSS_LAYERED_H

#include <stdbool.h>

#include "glss_worker.h"

/* glBindImageTexture went through with host texture `texture`: when it is
 * a buffer texture, draws and dispatches of this context look at the
 * image units from now on (glss_layered_image_check). */
void glss_layered_image_bound(struct glss_worker *w, GLuint texture);

/* Before a draw or a dispatch: every buffer texture bound to an image unit
 * views a range inside its buffer (else GL_INVALID_OPERATION and false),
 * and the buffers of those a shader may write are marked written. */
bool glss_layered_image_check(struct glss_worker *w);

#endif
