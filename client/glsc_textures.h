/* OpenGL ES 3.0 textures on the client (glsc_gl_textures.c): 3D images,
 * pixel buffer objects, the ES 3.0 pixel store. */
#ifndef GLSC_TEXTURES_H
#define GLSC_TEXTURES_H

#include "glsc_gl.h"

/* Bulk data travels in pieces of at most this many bytes (glsc_gl_data.c). */
int64_t glsc_chunk(void);

/* The buffer bound to GL_PIXEL_UNPACK_BUFFER or GL_PIXEL_PACK_BUFFER in
 * ctx, 0 when none: then pixel pointers are offsets into it. */
GLuint glsc_pixel_buffer(struct glsc_context *ctx, GLenum target);

/* A texture upload from the bound pixel unpack buffer: `opcode` is the
 * command's own (glTexImage2D...), params its parameters as on its wire
 * (without the blob), offset the application's pointer. */
void glsc_unpack_buffer_command(struct glsc_context *ctx, uint16_t opcode, const GLint *params, int count,
				const void *offset);

/* glReadPixels into the bound pixel pack buffer at offset. */
void glsc_pack_buffer_read_pixels(struct glsc_context *ctx, GLint x, GLint y, GLsizei width, GLsizei height,
				  GLenum format, GLenum type, const void *offset);

/* glCompressedTex(Sub)Image2D/3D: params as on the command's wire, the
 * data as is; offered: the version bit a 3D command needs (0: none). */
void glsc_compressed_upload(gls_ext_bits offered, uint16_t opcode, const GLint *params, int count, GLsizei image_size,
			    const void *data);

/* A compressed image larger than a chunk sent in pieces: the image
 * command without data (the worker makes it zero blocks), then
 * glCompressedTexSubImage2D/3D of one image and a band of block rows
 * each. Data that cannot be cut (a format of unknown blocks, an imageSize
 * that is not the image's) gets the driver's error instead. */
void glsc_compressed_pieces(struct glsc_context *ctx, uint16_t opcode, const GLint *params, const void *data);

/* The ES 3.0 pixel store parameter pname of ctx, NULL when ctx has no such
 * parameter kept by the client (the alignments are the server's too). */
GLint *glsc_pixel_store_state(struct glsc_context *ctx, GLenum pname);

#endif
