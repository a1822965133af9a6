/* Pixel transfer helpers shared by the worker's texture and readback
 * commands (glss_gl_data.c: ES 2.0; glss_gl_textures.c: ES 3.0); the
 * alignment and copy clipping are glss_gl_data.c's, the rest
 * glss_pixels.c's. */
#ifndef GLSS_PIXELS_H
#define GLSS_PIXELS_H

#include "glss_worker.h"

/* Pixel data larger than this is refused before reaching the driver. */
#define GLSS_MAX_BUFFER_SIZE (1ll << 31)

/* The host's GL_PACK_ALIGNMENT or GL_UNPACK_ALIGNMENT (the client's). */
GLint glss_alignment(GLenum pname);

/* Clips a copy's source rectangle to the read framebuffer; the
 * destination moves with it. False when nothing is left or the size is
 * unknown (then the copy is left as it was). */
bool glss_clip_copy(struct glss_worker *w, GLint *dx, GLint *dy, GLint *x, GLint *y, GLsizei *width,
		    GLsizei *height);

/* The host's name of the buffer bound to a pixel buffer target
 * (GL_PIXEL_UNPACK_BUFFER or GL_PIXEL_PACK_BUFFER), 0 when none (always
 * in an ES 2.0 context). */
GLuint glss_host_pixel_buffer(struct glss_worker *w, GLenum target);

/* A transfer from or to the client's memory (bytes in the command or the
 * reply) needs the pixel buffer binding of that direction (target
 * GL_PIXEL_UNPACK_BUFFER or GL_PIXEL_PACK_BUFFER) empty:
 * the client sends the offset forms while it has one bound, so a client
 * that does otherwise is malformed (glss_fail, false). */
bool glss_client_memory_transfer(struct glss_worker *w, GLenum target);

/* Zeros a whole texture level (every layer of a 3D one) through
 * glTexSubImage with format/type, or, for a compressed format (format),
 * glCompressedTexSubImage of zero blocks, in bounded bands; a bound pixel
 * unpack buffer is set aside meanwhile. */
void glss_zero_level(struct glss_worker *w, GLenum target, GLint level, GLsizei width, GLsizei height,
		     GLsizei depth, GLenum format, GLenum type);

/* The bytes a compressed image of imageSize counts against
 * --max-gl-memory: 0 when the driver refuses that size (known blocks,
 * another size). */
uint64_t glss_compressed_bytes(GLenum format, GLsizei width, GLsizei height, GLsizei depth, GLsizei image_size);

/* Zero blocks of a compressed format over bytes (zeros but for ASTC, whose
 * zero texels are void-extent blocks). */
void glss_zero_blocks(uint8_t *bytes, size_t size, GLenum format);

/* The data of a compressed image the application gave as NULL: *zeros,
 * image_size bytes of zero blocks the caller frees, when image_size is
 * the size of the image (else NULL: the driver refuses it, or the format
 * is not one the worker knows); false (GL_OUT_OF_MEMORY raised) when the
 * memory cannot be had. */
bool glss_compressed_zeros(struct glss_worker *w, GLenum format, GLsizei width, GLsizei height, GLsizei depth,
			   GLsizei image_size, void **zeros);

#endif
