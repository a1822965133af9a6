/* GL memory accounting (--max-gl-memory). Estimates, not the driver's
 * exact figures: a level counts width x height x the bytes of a pixel as
 * sent, a renderbuffer its format's bytes times its samples (rounded up to
 * a power of two, as drivers allocate them; glss_framebuffers.c), a
 * surface 8 bytes a pixel.
 * glGenerateMipmap is not counted (at most a third more than the levels
 * given). Deleted textures and renderbuffers that the driver keeps alive
 * because an unbound framebuffer still holds them no longer count; buffers
 * are counted until the last binding lets them go (glss_buffers.c). */
#include <stdlib.h>

#include "glss_memory.h"
#include "glss_sandbox.h"
#include "gls_pixels.h"

#define GLSS_MAX_LEVELS 16

struct glss_level {
	uint32_t width, height, depth;
	uint64_t bytes;
};

struct glss_texture {
	struct glss_level *faces[6]; /* GLSS_MAX_LEVELS each, made when first used */
};

struct glss_renderbuffer {
	struct glss_level storage;
};

bool glss_memory_resize(struct glss_worker *w, uint64_t old_bytes, uint64_t new_bytes)
{
	uint64_t others = w->gl_memory >= old_bytes ? w->gl_memory - old_bytes : 0;
	if (new_bytes > old_bytes && glss_limits.max_gl_memory &&
	    (new_bytes > glss_limits.max_gl_memory || others > glss_limits.max_gl_memory - new_bytes))
		return false;
	w->gl_memory = others + new_bytes;
	return true;
}

void glss_collect_driver_error(struct glss_worker *w)
{
	GLenum earlier = glGetError();
	if (earlier != GL_NO_ERROR)
		glss_set_error(w, earlier);
}

GLenum glss_driver_error(struct glss_worker *w)
{
	GLenum error = glGetError();
	if (error != GL_NO_ERROR)
		glss_set_error(w, error);
	return error;
}

/* The level being specified between reserve and done. */
static struct {
	struct glss_level *level;
	struct glss_level fresh;
} glss_pending;

static bool glss_reserve(struct glss_worker *w, struct glss_level *level, GLsizei width, GLsizei height, GLsizei depth,
			 uint64_t bytes)
{
	glss_pending.level = NULL;
	if (!glss_memory_resize(w, level->bytes, bytes)) {
		glss_set_error(w, GL_OUT_OF_MEMORY);
		return false;
	}
	glss_pending.level = level;
	glss_pending.fresh = (struct glss_level){(uint32_t)width, (uint32_t)height, (uint32_t)depth, bytes};
	return true;
}

static void glss_done(struct glss_worker *w, bool ok)
{
	struct glss_level *level = glss_pending.level;
	if (!level)
		return;
	glss_pending.level = NULL;
	if (ok)
		*level = glss_pending.fresh;
	else
		glss_memory_resize(w, glss_pending.fresh.bytes, level->bytes);
}

/* The kinds of texture objects, the index of their texture 0. */
enum { GLSS_TEX_2D, GLSS_TEX_CUBE, GLSS_TEX_3D, GLSS_TEX_2D_ARRAY, GLSS_TEX_CUBE_MAP_ARRAY /* es3.2 tex32 */ };

static int glss_kind_of(GLenum binding)
{
	switch (binding) {
	case GL_TEXTURE_BINDING_CUBE_MAP: return GLSS_TEX_CUBE;
	case GL_TEXTURE_BINDING_3D: return GLSS_TEX_3D;
	case GL_TEXTURE_BINDING_2D_ARRAY: return GLSS_TEX_2D_ARRAY;
	case GL_TEXTURE_BINDING_CUBE_MAP_ARRAY: return GLSS_TEX_CUBE_MAP_ARRAY;
	default: return GLSS_TEX_2D;
	}
}

/* 2D, 3D, 2D array or cube face: the face index and the binding to ask
 * for; -1 else. */
static int glss_face_of(GLenum target, GLenum *binding)
{
	if (target == GL_TEXTURE_2D) {
		*binding = GL_TEXTURE_BINDING_2D;
		return 0;
	}
	if (target == GL_TEXTURE_3D) {
		*binding = GL_TEXTURE_BINDING_3D;
		return 0;
	}
	if (target == GL_TEXTURE_2D_ARRAY) {
		*binding = GL_TEXTURE_BINDING_2D_ARRAY;
		return 0;
	}
	/* es3.2 tex32: a cube map array is one image of layer-faces, sized
	 * like a 2D array's */
	if (target == GL_TEXTURE_CUBE_MAP_ARRAY) {
		*binding = GL_TEXTURE_BINDING_CUBE_MAP_ARRAY;
		return 0;
	}
	if (target >= GL_TEXTURE_CUBE_MAP_POSITIVE_X && target <= GL_TEXTURE_CUBE_MAP_NEGATIVE_Z) {
		*binding = GL_TEXTURE_BINDING_CUBE_MAP;
		return (int)(target - GL_TEXTURE_CUBE_MAP_POSITIVE_X);
	}
	return -1;
}

static struct glss_texture *glss_texture_of(struct glss_worker *w, GLuint host, int kind, bool create)
{
	struct glss_context *c = w->current;
	struct glss_texture **slot = NULL, *t = NULL;
	uint64_t value;
	if (!host && kind == GLSS_TEX_CUBE_MAP_ARRAY)
		slot = &c->default_texture_cube_array;
	else if (!host)
		slot = kind >= GLSS_TEX_3D ? &c->default_textures_3d[kind - GLSS_TEX_3D] : &c->default_textures[kind];
	else if (gls_idmap_get(&c->share->textures, host, &value))
		return (struct glss_texture *)(uintptr_t)value;
	if (slot && *slot)
		return *slot;
	if (!create || !(t = calloc(1, sizeof(*t))))
		return NULL;
	if (slot) {
		*slot = t;
	} else if (!gls_idmap_put(&c->share->textures, host, (uint64_t)(uintptr_t)t)) {
		free(t);
		return NULL;
	}
	return t;
}

static struct glss_level *glss_level_of(struct glss_worker *w, GLuint host, GLenum target, GLint level, bool create)
{
	GLenum binding;
	int face = glss_face_of(target, &binding);
	if (face < 0 || level < 0 || level >= GLSS_MAX_LEVELS)
		return NULL;
	struct glss_texture *t = glss_texture_of(w, host, glss_kind_of(binding), create);
	if (!t)
		return NULL;
	if (!t->faces[face] && (!create || !(t->faces[face] = calloc(GLSS_MAX_LEVELS, sizeof(struct glss_level)))))
		return NULL;
	return &t->faces[face][level];
}

/* Whether the driver may accept a level of that size for target (else it
 * refuses it and nothing is charged). */
static bool glss_size_possible(GLenum binding, GLsizei width, GLsizei height, GLsizei depth)
{
	GLint max_size = 0, max_depth = 1;
	if (width < 0 || height < 0 || depth < 0)
		return false;
	switch (binding) {
	case GL_TEXTURE_BINDING_2D: glGetIntegerv(GL_MAX_TEXTURE_SIZE, &max_size); break;
	case GL_TEXTURE_BINDING_CUBE_MAP: glGetIntegerv(GL_MAX_CUBE_MAP_TEXTURE_SIZE, &max_size); break;
	case GL_TEXTURE_BINDING_3D:
		glGetIntegerv(GL_MAX_3D_TEXTURE_SIZE, &max_size);
		max_depth = max_size;
		break;
	case GL_TEXTURE_BINDING_2D_ARRAY:
		glGetIntegerv(GL_MAX_TEXTURE_SIZE, &max_size);
		glGetIntegerv(GL_MAX_ARRAY_TEXTURE_LAYERS, &max_depth);
		break;
	case GL_TEXTURE_BINDING_CUBE_MAP_ARRAY: /* es3.2 tex32: square, whole cubes */
		glGetIntegerv(GL_MAX_CUBE_MAP_TEXTURE_SIZE, &max_size);
		glGetIntegerv(GL_MAX_ARRAY_TEXTURE_LAYERS, &max_depth);
		return width <= max_size && height == width && depth <= max_depth && depth % 6 == 0;
	default: return false;
	}
	return width <= max_size && height <= max_size && depth <= max_depth;
}

bool glss_texture_level_reserve(struct glss_worker *w, GLenum target, GLint level, GLsizei width, GLsizei height,
				uint64_t bytes)
{
	return glss_texture_level_reserve_3d(w, target, level, width, height, 1, bytes);
}

bool glss_texture_level_reserve_3d(struct glss_worker *w, GLenum target, GLint level, GLsizei width, GLsizei height,
				   GLsizei depth, uint64_t bytes)
{
	glss_pending.level = NULL;
	GLenum binding;
	GLint host = 0;
	if (!w->current || glss_face_of(target, &binding) < 0 || !glss_size_possible(binding, width, height, depth))
		return true; /* the driver refuses it */
	glGetIntegerv(binding, &host);
	struct glss_level *l = glss_level_of(w, (GLuint)host, target, level, true);
	if (!l)
		return level < 0 || level >= GLSS_MAX_LEVELS ? true : (glss_set_error(w, GL_OUT_OF_MEMORY), false);
	return glss_reserve(w, l, width, height, depth, bytes);
}

/* The storage being made between glss_texture_storage_reserve and done. */
static struct {
	struct glss_texture *texture;
	int faces, levels;
	GLsizei width, height, depth;
	bool depth_halves; /* 3D: depth is a dimension; 2D array: layers */
	GLenum internalformat;
	uint64_t copies; /* es3.1 texfb: samples of a multisample texture, else 1 */
	uint64_t old_bytes, new_bytes;
} glss_storage;

static uint64_t glss_storage_level_bytes(GLenum internalformat, GLsizei width, GLsizei height, GLsizei depth)
{
	GLenum format, type;
	uint64_t texels = (uint64_t)width * (uint64_t)height * (uint64_t)depth;
	unsigned bpp = gls_internalformat_texel(internalformat, &format, &type);
	unsigned bw, bh, block = gls_compressed_block(internalformat, &bw, &bh);
	if (bpp)
		return texels * bpp;
	if (block)
		return (((uint64_t)width + bw - 1) / bw) * (((uint64_t)height + bh - 1) / bh) * (uint64_t)depth * block;
	return texels * 16; /* unknown: the largest texel */
}

static GLsizei glss_level_dim(GLsizei size, int level)
{
	GLsizei d = size >> level;
	return d ? d : 1;
}

bool glss_texture_storage_reserve(struct glss_worker *w, GLenum target, GLsizei levels, GLenum internalformat,
				  GLsizei width, GLsizei height, GLsizei depth)
{
	glss_storage.texture = NULL;
	GLenum binding = GL_NONE;
	GLint host = 0;
	int face = target == GL_TEXTURE_CUBE_MAP ? 0 : glss_face_of(target, &binding);
	if (target == GL_TEXTURE_CUBE_MAP)
		binding = GL_TEXTURE_BINDING_CUBE_MAP;
	if (!w->current || face < 0 || levels < 1 || levels > GLSS_MAX_LEVELS || width < 1 || height < 1 || depth < 1 ||
	    !glss_size_possible(binding, width, height, depth))
		return true; /* the driver refuses it */
	glGetIntegerv(binding, &host);
	struct glss_texture *t = glss_texture_of(w, (GLuint)host, glss_kind_of(binding), true);
	int faces = target == GL_TEXTURE_CUBE_MAP ? 6 : 1;
	for (int f = 0; t && f < faces; f++)
		if (!t->faces[f] && !(t->faces[f] = calloc(GLSS_MAX_LEVELS, sizeof(struct glss_level))))
			t = NULL;
	if (!t) {
		glss_set_error(w, GL_OUT_OF_MEMORY);
		return false;
	}
	bool depth_halves = target == GL_TEXTURE_3D;
	uint64_t old_bytes = 0, new_bytes = 0;
	for (int f = 0; f < faces; f++) {
		for (int l = 0; l < GLSS_MAX_LEVELS; l++)
			old_bytes += t->faces[f][l].bytes;
		for (int l = 0; l < levels; l++)
			new_bytes += glss_storage_level_bytes(internalformat, glss_level_dim(width, l),
							      glss_level_dim(height, l),
							      depth_halves ? glss_level_dim(depth, l) : depth);
	}
	if (!glss_memory_resize(w, old_bytes, new_bytes)) {
		glss_set_error(w, GL_OUT_OF_MEMORY);
		return false;
	}
	glss_storage.texture = t;
	glss_storage.faces = faces;
	glss_storage.levels = levels;
	glss_storage.width = width;
	glss_storage.height = height;
	glss_storage.depth = depth;
	glss_storage.depth_halves = depth_halves;
	glss_storage.internalformat = internalformat;
	glss_storage.copies = 1;
	glss_storage.old_bytes = old_bytes;
	glss_storage.new_bytes = new_bytes;
	return true;
}

void glss_texture_storage_done(struct glss_worker *w, bool ok)
{
	struct glss_texture *t = glss_storage.texture;
	if (!t)
		return;
	glss_storage.texture = NULL;
	if (!ok) {
		glss_memory_resize(w, glss_storage.new_bytes, glss_storage.old_bytes);
		return;
	}
	/* every level is replaced: those past `levels` are gone */
	for (int f = 0; f < glss_storage.faces; f++) {
		for (int l = 0; l < GLSS_MAX_LEVELS; l++) {
			GLsizei lw = glss_level_dim(glss_storage.width, l), lh = glss_level_dim(glss_storage.height, l);
			GLsizei ld = glss_storage.depth_halves ? glss_level_dim(glss_storage.depth, l) : glss_storage.depth;
			t->faces[f][l] = l < glss_storage.levels
				? (struct glss_level){(uint32_t)lw, (uint32_t)lh, (uint32_t)ld,
						      glss_storage_level_bytes(glss_storage.internalformat, lw, lh, ld) *
							      glss_storage.copies}
				: (struct glss_level){0, 0, 0, 0};
		}
	}
}

/* es3.1 texfb; es3.2 layered: depth layers of a multisample array
 * (GL_MAX_ARRAY_TEXTURE_LAYERS at most) */
static bool glss_multisample_reserve(struct glss_worker *w, GLenum binding, GLsizei samples, GLenum internalformat,
				     GLsizei width, GLsizei height, GLsizei depth)
{
	glss_storage.texture = NULL;
	GLint host = 0, max_size = 0, max_samples = 0;
	glGetIntegerv(GL_MAX_TEXTURE_SIZE, &max_size);
	/* the most any format may have: counts above it the driver refuses */
	static const GLenum limits[] = {GL_MAX_SAMPLES, GL_MAX_COLOR_TEXTURE_SAMPLES, GL_MAX_DEPTH_TEXTURE_SAMPLES,
					GL_MAX_INTEGER_SAMPLES};
	for (size_t i = 0; i < sizeof(limits) / sizeof(*limits); i++) {
		GLint n = 0;
		glGetIntegerv(limits[i], &n);
		max_samples = n > max_samples ? n : max_samples;
	}
	GLint max_layers = 1;
	if (depth != 1)
		glGetIntegerv(GL_MAX_ARRAY_TEXTURE_LAYERS, &max_layers);
	if (w->current)
		glGetIntegerv(binding, &host);
	/* texture 0, sizes and counts the driver refuses: nothing to charge */
	if (!w->current || !host || samples < 1 || samples > max_samples || width < 1 || height < 1 ||
	    width > max_size || height > max_size || depth < 1 || depth > max_layers)
		return true;
	struct glss_texture *t = glss_texture_of(w, (GLuint)host, GLSS_TEX_2D, true);
	if (t && !t->faces[0] && !(t->faces[0] = calloc(GLSS_MAX_LEVELS, sizeof(struct glss_level))))
		t = NULL;
	if (!t) {
		glss_set_error(w, GL_OUT_OF_MEMORY);
		return false;
	}
	/* the driver may round a sample count up: count the next power of two */
	uint64_t copies = 1;
	while (copies < (uint64_t)samples)
		copies *= 2;
	uint64_t old_bytes = 0, new_bytes = glss_storage_level_bytes(internalformat, width, height, depth) * copies;
	for (int l = 0; l < GLSS_MAX_LEVELS; l++)
		old_bytes += t->faces[0][l].bytes;
	if (!glss_memory_resize(w, old_bytes, new_bytes)) {
		glss_set_error(w, GL_OUT_OF_MEMORY);
		return false;
	}
	glss_storage.texture = t;
	glss_storage.faces = glss_storage.levels = 1;
	glss_storage.width = width;
	glss_storage.height = height;
	glss_storage.depth = depth;
	glss_storage.depth_halves = false;
	glss_storage.internalformat = internalformat;
	glss_storage.copies = copies;
	glss_storage.old_bytes = old_bytes;
	glss_storage.new_bytes = new_bytes;
	return true;
}

bool glss_texture_multisample_reserve(struct glss_worker *w, GLenum binding, GLsizei samples, GLenum internalformat,
				      GLsizei width, GLsizei height)
{
	return glss_multisample_reserve(w, binding, samples, internalformat, width, height, 1);
}

/* es3.2 layered */
bool glss_texture_multisample_array_reserve(struct glss_worker *w, GLsizei samples, GLenum internalformat,
					    GLsizei width, GLsizei height, GLsizei depth)
{
	return glss_multisample_reserve(w, GL_TEXTURE_BINDING_2D_MULTISAMPLE_ARRAY, samples, internalformat, width,
					height, depth);
}

void glss_texture_level_done(struct glss_worker *w, bool ok)
{
	glss_done(w, ok);
}

bool glss_texture_level_size(struct glss_worker *w, GLuint host, GLenum target, GLint level, GLsizei *width,
			     GLsizei *height)
{
	GLsizei depth;
	return glss_texture_level_size_3d(w, host, target, level, width, height, &depth);
}

bool glss_texture_level_size_3d(struct glss_worker *w, GLuint host, GLenum target, GLint level, GLsizei *width,
				GLsizei *height, GLsizei *depth)
{
	struct glss_level *l = w->current ? glss_level_of(w, host, target, level, false) : NULL;
	if (!l || !l->bytes)
		return false;
	*width = (GLsizei)l->width;
	*height = (GLsizei)l->height;
	*depth = (GLsizei)l->depth;
	return true;
}

static struct glss_renderbuffer *glss_renderbuffer_of(struct glss_worker *w, GLuint host, bool create)
{
	struct gls_idmap *map = &w->current->share->renderbuffers;
	uint64_t value;
	if (gls_idmap_get(map, host, &value))
		return (struct glss_renderbuffer *)(uintptr_t)value;
	struct glss_renderbuffer *rb = create ? calloc(1, sizeof(*rb)) : NULL;
	if (rb && !gls_idmap_put(map, host, (uint64_t)(uintptr_t)rb)) {
		free(rb);
		rb = NULL;
	}
	return rb;
}

bool glss_renderbuffer_reserve(struct glss_worker *w, GLuint host, GLsizei width, GLsizei height, uint64_t bytes)
{
	glss_pending.level = NULL;
	struct glss_renderbuffer *rb = w->current && host ? glss_renderbuffer_of(w, host, true) : NULL;
	if (!rb) {
		glss_set_error(w, GL_OUT_OF_MEMORY);
		return false;
	}
	return glss_reserve(w, &rb->storage, width, height, 1, bytes);
}

void glss_renderbuffer_done(struct glss_worker *w, bool ok)
{
	glss_done(w, ok);
}

bool glss_renderbuffer_size(struct glss_worker *w, GLuint host, GLsizei *width, GLsizei *height)
{
	struct glss_renderbuffer *rb = w->current && host ? glss_renderbuffer_of(w, host, false) : NULL;
	if (!rb)
		return false;
	*width = (GLsizei)rb->storage.width;
	*height = (GLsizei)rb->storage.height;
	return true;
}

uint64_t glss_surface_bytes(EGLint width, EGLint height)
{
	return width > 0 && height > 0 ? (uint64_t)width * (uint64_t)height * 8u : 0;
}

static void glss_texture_free(struct glss_worker *w, struct glss_texture *t)
{
	if (!t)
		return;
	for (int f = 0; f < 6; f++) {
		for (int l = 0; t->faces[f] && l < GLSS_MAX_LEVELS; l++)
			glss_memory_resize(w, t->faces[f][l].bytes, 0);
		free(t->faces[f]);
	}
	free(t);
}

void glss_memory_object_deleted(struct glss_worker *w, enum gls_object_type type, GLuint host)
{
	uint64_t value;
	if (!w->current || !host)
		return;
	if (type == GLS_OBJ_TEXTURE && gls_idmap_remove(&w->current->share->textures, host, &value)) {
		glss_texture_free(w, (struct glss_texture *)(uintptr_t)value);
	} else if (type == GLS_OBJ_RENDERBUFFER && gls_idmap_remove(&w->current->share->renderbuffers, host, &value)) {
		struct glss_renderbuffer *rb = (struct glss_renderbuffer *)(uintptr_t)value;
		glss_memory_resize(w, rb->storage.bytes, 0);
		free(rb);
	}
}

void glss_memory_context_free(struct glss_worker *w, struct glss_context *c)
{
	glss_texture_free(w, c->default_textures[0]);
	glss_texture_free(w, c->default_textures[1]);
	glss_texture_free(w, c->default_textures_3d[0]);
	glss_texture_free(w, c->default_textures_3d[1]);
	glss_texture_free(w, c->default_texture_cube_array);
	c->default_texture_cube_array = NULL;
	c->default_textures[0] = c->default_textures[1] = NULL;
	c->default_textures_3d[0] = c->default_textures_3d[1] = NULL;
}

static void glss_free_texture_entry(uint32_t key, uint64_t value, void *data)
{
	(void)key;
	glss_texture_free(data, (struct glss_texture *)(uintptr_t)value);
}

static void glss_free_renderbuffer_entry(uint32_t key, uint64_t value, void *data)
{
	(void)key;
	struct glss_renderbuffer *rb = (struct glss_renderbuffer *)(uintptr_t)value;
	glss_memory_resize(data, rb->storage.bytes, 0);
	free(rb);
}

void glss_memory_share_free(struct glss_worker *w, struct glss_share_group *share)
{
	gls_idmap_each(&share->textures, glss_free_texture_entry, w);
	gls_idmap_each(&share->renderbuffers, glss_free_renderbuffer_entry, w);
	gls_idmap_free(&share->textures);
	gls_idmap_free(&share->renderbuffers);
}
