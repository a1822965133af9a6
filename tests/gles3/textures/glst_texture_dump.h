/* Texture contents as the compared tests observe them: a texture bound to
 * unit 0 drawn texel by texel (texelFetch) into the framebuffer, read back
 * and recorded with glst_note. */
#ifndef GLST_TEXTURE_DUMP_H
#define GLST_TEXTURE_DUMP_H

#include <stddef.h>
#include <stdint.h>

/* The sampler kinds a dump reads through. */
enum { S_3D, S_ARRAY, S_2D, S_2D_UINT, S_2D_INT, S_CUBE_FACE0, S_COUNT };

/* A vertex shader with a vec2 position at location 0. */
extern const char *const glst_texture_vs;

/* Compiles the dump programs (an ES 3 context is current). */
void glst_texture_dump_init(void);

/* Records level `lod` of the texture of `kind` on unit 0: w x h texels of
 * `depth` images (rows y of image z at y + z * h), at most 64 x 64. */
void dump(const char *what, int kind, int w, int h, int depth, int lod);

/* Deterministic test bytes; a hash of bytes. */
void fill(uint8_t *p, size_t n, unsigned seed);
uint32_t fnv(const uint8_t *p, size_t n);

#endif
