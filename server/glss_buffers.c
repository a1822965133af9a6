/* Buffer objects and the bindings that hold them, as the worker tracks
 * them (see glss_buffers.h). The driver's vertex attribute state (enabled,
 * size, type, stride, offset) is asked at draw time: it is exactly what the
 * driver will read. Which buffer *object* a binding holds is the worker's
 * own record: the driver names a buffer by a name that it hands out again
 * after deletion, while a vertex array that is not bound keeps the deleted
 * object alive (OES_vertex_array_object), so a name alone could stand for
 * a larger buffer than the one read. A record holds a reference, as GL
 * does, and the driver's name must agree with it.
 *
 * Shadow copies: only buffers that serve as element arrays get one, when a
 * draw first reads indices from them (read back once from the driver),
 * and it is kept up to date by every later write. ES 2.0 lets any buffer be
 * bound to any target, but vertex data is far larger than index data and
 * never needs its contents known; shadowing everything would double the
 * memory of every vertex buffer for nothing. */
#include <stdlib.h>
#include <string.h>

#include <EGL/egl.h>

#include "glss_buffers.h"
#include "glss_compute.h"
#include "glss_gl_generated.h"
#include "glss_memory.h"
#include "gls_log.h"
#include "gls_pixels.h"

/* Buffers this large or larger are refused before reaching the driver
 * (GL_BUFFER_SIZE must fit a GLint). */
#define GLSS_MAX_BUFFER_SIZE (1ll << 31)
/* Index ranges remembered per buffer (a mesh is drawn in a few parts). */
#define GLSS_RANGE_CACHE 8

struct glss_index_range {
	GLenum type;
	uint32_t count;
	uint64_t offset;
	bool restart; /* the restart index skipped (ES 3.0) */
	uint32_t lo, hi;
};

struct glss_buffer {
	unsigned refs;  /* the share group's name, and each binding holding it */
	GLuint host;    /* the driver's name; handed out again once deleted */
	bool deleted;
	uint64_t size;
	bool shadowed;  /* shadow holds the contents (NULL when size is 0) */
	uint8_t *shadow;
	struct glss_index_range ranges[GLSS_RANGE_CACHE];
	unsigned nranges, next_range;
};

struct glss_vao {
	/* the buffer of each vertex buffer binding point (ES 3.1 10.3.1;
	 * before 3.1, point i is attribute i's own) */
	struct glss_buffer *attribs[GLSS_MAX_ATTRIBS];
	uint64_t offsets[GLSS_MAX_ATTRIBS]; /* es3.1 draw: each point's offset */
	struct glss_buffer *elements;
};

static void glss_buffer_unref(struct glss_worker *w, struct glss_buffer *b)
{
	if (!b || --b->refs)
		return;
	glss_memory_resize(w, b->size, 0);
	free(b->shadow);
	free(b);
}

/* *slot holds b from now on (b may be NULL). */
static void glss_hold(struct glss_worker *w, struct glss_buffer **slot, struct glss_buffer *b)
{
	struct glss_buffer *old = *slot;
	if (old == b)
		return;
	if (b)
		b->refs++;
	*slot = b;
	glss_buffer_unref(w, old);
}

static void glss_forget_ranges(struct glss_buffer *b)
{
	b->nranges = b->next_range = 0;
}

static void glss_drop_shadow(struct glss_buffer *b)
{
	free(b->shadow);
	b->shadow = NULL;
	b->shadowed = false;
}

/* The live buffer of a host name (made when first met); NULL for 0. */
static struct glss_buffer *glss_buffer_named(struct glss_worker *w, GLuint host)
{
	struct gls_idmap *map = &w->current->share->buffers;
	uint64_t value;
	if (!host)
		return NULL;
	if (gls_idmap_get(map, host, &value))
		return (struct glss_buffer *)(uintptr_t)value;
	struct glss_buffer *b = calloc(1, sizeof(*b));
	if (!b || !gls_idmap_put(map, host, (uint64_t)(uintptr_t)b)) {
		free(b);
		glss_fail(w, "out of memory for buffer records");
		return NULL;
	}
	b->refs = 1;
	b->host = host;
	return b;
}

struct glss_vao *glss_vao_current(struct glss_worker *w)
{
	struct glss_context *c = w->current;
	if (!c)
		return NULL;
	GLint name = 0;
	if (glss_ext.glBindVertexArrayOES)
		glGetIntegerv(GL_VERTEX_ARRAY_BINDING_OES, &name);
	struct glss_vao **slot = &c->vao0, *vao = NULL;
	uint64_t value;
	if (name) {
		if (gls_idmap_get(&c->vaos, (uint32_t)name, &value))
			return (struct glss_vao *)(uintptr_t)value;
		slot = NULL;
	}
	if (slot && *slot)
		return *slot;
	vao = calloc(1, sizeof(*vao));
	if (vao && slot)
		*slot = vao;
	else if (vao && !gls_idmap_put(&c->vaos, (uint32_t)name, (uint64_t)(uintptr_t)vao))
		goto fail;
	if (vao)
		return vao;
fail:
	free(vao);
	glss_fail(w, "out of memory for vertex array records");
	return NULL;
}

static void glss_vao_free(struct glss_worker *w, struct glss_vao *vao)
{
	if (!vao)
		return;
	for (int i = 0; i < GLSS_MAX_ATTRIBS; i++)
		glss_buffer_unref(w, vao->attribs[i]);
	glss_buffer_unref(w, vao->elements);
	free(vao);
}

void glss_vao_attrib_client(struct glss_worker *w, GLuint index)
{
	struct glss_vao *vao = glss_vao_current(w);
	if (vao && index < GLSS_MAX_ATTRIBS)
		glss_hold(w, &vao->attribs[index], NULL);
}

void glss_vao_attrib_buffer(struct glss_worker *w, GLuint index, GLuint driver_buffer, uint64_t offset)
{
	struct glss_vao *vao = glss_vao_current(w);
	struct glss_buffer *b = w->current->array_buffer;
	if (vao && index < GLSS_MAX_ATTRIBS) {
		glss_hold(w, &vao->attribs[index], b && b->host == driver_buffer ? b : NULL);
		vao->offsets[index] = offset;
	}
}

void glss_vao_binding_buffer(struct glss_worker *w, GLuint binding, GLuint host, uint64_t offset)
{
	struct glss_vao *vao = glss_vao_current(w);
	struct glss_buffer *b = host ? glss_buffer_named(w, host) : NULL;
	if (vao && binding < GLSS_MAX_ATTRIBS && (b || !host)) {
		glss_hold(w, &vao->attribs[binding], b);
		vao->offsets[binding] = offset;
	}
}

uint64_t glss_vao_binding_offset(const struct glss_vao *vao, GLuint binding)
{
	return vao && binding < GLSS_MAX_ATTRIBS ? vao->offsets[binding] : 0;
}

/* The binding of target in the current context; NULL for other targets
 * (and for those of ES 3.0 in a context not offered it). */
static struct glss_buffer **glss_binding(struct glss_worker *w, GLenum target)
{
	struct glss_context *c = w->current;
	if (target == GL_ARRAY_BUFFER)
		return &c->array_buffer;
	if (target == GL_ELEMENT_ARRAY_BUFFER) {
		struct glss_vao *vao = glss_vao_current(w);
		return vao ? &vao->elements : NULL;
	}
	if (!glss_valid_BufferTargetARB(w, target))
		return NULL;
	switch (target) {
	case GL_COPY_READ_BUFFER: return &c->copy_read_buffer;
	case GL_COPY_WRITE_BUFFER: return &c->copy_write_buffer;
	case GL_PIXEL_PACK_BUFFER: return &c->pixel_pack_buffer;
	case GL_PIXEL_UNPACK_BUFFER: return &c->pixel_unpack_buffer;
	case GL_UNIFORM_BUFFER: return &c->uniform_buffer;
	case GL_TRANSFORM_FEEDBACK_BUFFER: return &c->transform_feedback_buffer;
	/* es3.1 compute */
	case GL_SHADER_STORAGE_BUFFER: return &c->shader_storage_buffer;
	case GL_ATOMIC_COUNTER_BUFFER: return &c->atomic_counter_buffer;
	case GL_DISPATCH_INDIRECT_BUFFER: return &c->dispatch_indirect_buffer;
	/* es3.1 draw (BufferTargetARB has it only in a context offered 3.1) */
	case GL_DRAW_INDIRECT_BUFFER: return &c->draw_indirect_buffer;
	/* es3.2 layered: a binding point only (buffer textures name their
	 * buffer themselves: glTexBuffer) */
	case GL_TEXTURE_BUFFER: return &c->texture_buffer;
	default: return NULL;
	}
}

struct glss_buffer *glss_buffer_record(struct glss_worker *w, GLuint host)
{
	return glss_buffer_named(w, host);
}

void glss_buffer_hold(struct glss_worker *w, struct glss_buffer **slot, struct glss_buffer *b)
{
	glss_hold(w, slot, b);
}

struct glss_buffer *glss_buffer_bound(struct glss_worker *w, GLenum target)
{
	struct glss_buffer **slot = w->current ? glss_binding(w, target) : NULL;
	return slot ? *slot : NULL;
}

uint64_t glss_buffer_size(const struct glss_buffer *b)
{
	return b ? b->size : 0;
}

GLuint glss_buffer_host(const struct glss_buffer *b)
{
	return b ? b->host : 0;
}

void glss_buffer_gpu_written(struct glss_buffer *b)
{
	if (!b)
		return;
	glss_forget_ranges(b);
	glss_drop_shadow(b); /* read back from the driver when indices need it */
}

/* wire glBindBuffer: u32 target, u32 buffer */
void glss_exec_glBindBuffer(struct glss_worker *w, struct gls_reader *r)
{
	GLenum target = gls_get_u32(r);
	GLuint buffer = gls_get_u32(r);
	if (!gls_reader_done(r))
		return;
	/* the target first: a refused glBindBuffer creates nothing */
	if (!glss_check_enums_glBindBuffer(w, target) || !glss_name_map(w, GLS_OBJ_BUFFER, GLSS_NAME_BIND, &buffer) ||
	    !w->current)
		return;
	struct glss_buffer *b = glss_buffer_named(w, buffer);
	struct glss_buffer **slot = glss_binding(w, target);
	if ((buffer && !b) || !slot)
		return;
	/* es3 buffers: ES 3.0 refuses a new transform feedback buffer while
	 * recording; the record follows the driver */
	bool refusable = target == GL_TRANSFORM_FEEDBACK_BUFFER;
	if (refusable)
		glss_collect_driver_error(w);
	glBindBuffer(target, buffer);
	if (!refusable || glss_driver_error(w) == GL_NO_ERROR)
		glss_hold(w, slot, b);
}

/* The buffer bound to target for a data command, or NULL with the error
 * raised (without a context: NULL, nothing to do). */
static struct glss_buffer *glss_data_target(struct glss_worker *w, GLenum target)
{
	if (!w->current)
		return NULL;
	struct glss_buffer **slot = glss_binding(w, target);
	if (!slot) {
		if (target != GL_ELEMENT_ARRAY_BUFFER)
			glss_set_error(w, GL_INVALID_ENUM);
		return NULL; /* else the worker is ending (no memory) */
	}
	if (!*slot)
		glss_set_error(w, GL_INVALID_OPERATION);
	return *slot;
}

/* glBufferData with data, or zeros when data is NULL. */
static void glss_buffer_data(struct glss_worker *w, GLenum target, int64_t size, const void *data, GLenum usage)
{
	struct glss_buffer *b = glss_data_target(w, target);
	if (!b)
		return;
	/* in the driver's order: the size, then the usage (ES 3.0 adds the
	 * READ and COPY usages) */
	if (size < 0) {
		glss_set_error(w, GL_INVALID_VALUE);
		return;
	}
	if (!glss_valid_BufferUsageARB(w, usage)) {
		glss_set_error(w, GL_INVALID_ENUM);
		return;
	}
	if (size >= GLSS_MAX_BUFFER_SIZE || !glss_memory_resize(w, b->size, (uint64_t)size)) {
		glss_set_error(w, GL_OUT_OF_MEMORY);
		return;
	}
	uint64_t old_size = b->size;
	b->size = (uint64_t)size;
	void *zeros = NULL;
	if (!data && size > 0 && !(data = zeros = calloc(1, (size_t)size))) {
		glss_memory_resize(w, b->size, old_size);
		b->size = old_size;
		glss_set_error(w, GL_OUT_OF_MEMORY);
		return;
	}
	glBufferData(target, (GLsizeiptr)size, data, usage);
	glss_forget_ranges(b);
	GLint actual = -1;
	glGetBufferParameteriv(target, GL_BUFFER_SIZE, &actual);
	if (actual != size) {
		/* the driver ran out of memory: what it holds now is unknown */
		glss_memory_resize(w, b->size, actual > 0 ? (uint64_t)actual : 0);
		b->size = actual > 0 ? (uint64_t)actual : 0;
		glss_drop_shadow(b);
	} else if (b->shadowed) {
		uint8_t *shadow = size > 0 ? realloc(b->shadow, (size_t)size) : NULL;
		if (size > 0 && !shadow) {
			glss_drop_shadow(b); /* read back again when needed */
		} else {
			if (size > 0)
				memcpy(shadow, data, (size_t)size);
			else
				free(b->shadow);
			b->shadow = shadow;
		}
	}
	free(zeros);
}

/* wire glBufferData: u32 target, i64 size, u32 usage, blob data */
void glss_exec_glBufferData(struct glss_worker *w, struct gls_reader *r)
{
	GLenum target = gls_get_u32(r);
	int64_t size = gls_get_i64(r);
	GLenum usage = gls_get_u32(r);
	uint32_t len;
	const void *data = gls_get_blob(r, &len);
	if (!gls_reader_done(r))
		return;
	if (size != len) {
		glss_fail(w, "glBufferData of %lld bytes carries %u", (long long)size, len);
		return;
	}
	glss_buffer_data(w, target, size, size ? data : NULL, usage);
}

/* wire glsBufferDataNull: u32 target, i64 size, u32 usage; the new buffer
 * is zero-filled so that nothing of the host leaks to the client */
void glss_exec_glsBufferDataNull(struct glss_worker *w, struct gls_reader *r)
{
	GLenum target = gls_get_u32(r);
	int64_t size = gls_get_i64(r);
	GLenum usage = gls_get_u32(r);
	if (!gls_reader_done(r))
		return;
	glss_buffer_data(w, target, size, NULL, usage);
}

/* wire glBufferSubData: u32 target, i64 offset, i64 size, blob data; also
 * how the client sends what it wrote into a mapped buffer */
void glss_exec_glBufferSubData(struct glss_worker *w, struct gls_reader *r)
{
	GLenum target = gls_get_u32(r);
	int64_t offset = gls_get_i64(r);
	int64_t size = gls_get_i64(r);
	uint32_t len;
	const void *data = gls_get_blob(r, &len);
	if (!gls_reader_done(r))
		return;
	/* size <= 0 travels without data */
	if ((size > 0 && size != len) || (size <= 0 && len)) {
		glss_fail(w, "glBufferSubData of %lld bytes carries %u", (long long)size, len);
		return;
	}
	struct glss_buffer *b = glss_data_target(w, target);
	if (!b)
		return;
	if (offset < 0 || size < 0 || (uint64_t)offset > b->size || (uint64_t)size > b->size - (uint64_t)offset) {
		glss_set_error(w, GL_INVALID_VALUE);
		return;
	}
	glBufferSubData(target, (GLintptr)offset, (GLsizeiptr)size, size > 0 ? data : NULL);
	glss_forget_ranges(b);
	if (b->shadowed && size > 0)
		memcpy(b->shadow + offset, data, (size_t)size);
}

/* wire glCopyBufferSubData: u32 readTarget, u32 writeTarget, i64
 * readOffset, i64 writeOffset, i64 size. Checked in the driver's order
 * (the client reports mapped buffers: the host's are never mapped). The
 * destination's shadow follows the copy: from the source's shadow, or
 * dropped and read back from the driver when indices are next needed. */
void glss_exec_glCopyBufferSubData(struct glss_worker *w, struct gls_reader *r)
{
	GLenum read_target = gls_get_u32(r), write_target = gls_get_u32(r);
	int64_t read_offset = gls_get_i64(r), write_offset = gls_get_i64(r), size = gls_get_i64(r);
	if (!gls_reader_done(r))
		return;
	struct glss_buffer *src = glss_data_target(w, read_target);
	struct glss_buffer *dst = src ? glss_data_target(w, write_target) : NULL;
	if (!dst)
		return;
	if (read_offset < 0 || write_offset < 0 || size < 0 || (uint64_t)read_offset > src->size ||
	    (uint64_t)size > src->size - (uint64_t)read_offset || (uint64_t)write_offset > dst->size ||
	    (uint64_t)size > dst->size - (uint64_t)write_offset ||
	    (src == dst && read_offset < write_offset + size && write_offset < read_offset + size)) {
		glss_set_error(w, GL_INVALID_VALUE);
		return;
	}
	glCopyBufferSubData(read_target, write_target, (GLintptr)read_offset, (GLintptr)write_offset,
			    (GLsizeiptr)size);
	glss_forget_ranges(dst);
	if (!dst->shadowed || !size)
		return;
	if (src->shadowed)
		memmove(dst->shadow + write_offset, src->shadow + read_offset, (size_t)size);
	else
		glss_drop_shadow(dst);
}

/* Whether the current program reads attribute `index`: an enabled array
 * the program does not consume is not fetched, and WebGL lets such a draw
 * through whatever the buffer's size. Asked only for a draw about to be
 * refused, so its cost does not matter. With no current program, the
 * bound program pipeline's vertex stage draws (EXT_separate_shader_objects). */
static bool glss_program_reads_attrib(GLuint index)
{
	GLint program = 0, count = 0, longest = 0;
	glGetIntegerv(GL_CURRENT_PROGRAM, &program);
	if (!program && glss_ext.glGetProgramPipelineivEXT) {
		GLint pipeline = 0;
		glGetIntegerv(GL_PROGRAM_PIPELINE_BINDING_EXT, &pipeline);
		if (pipeline)
			glss_ext.glGetProgramPipelineivEXT((GLuint)pipeline, GL_VERTEX_SHADER, &program);
	}
	if (!program)
		return true;
	glGetProgramiv((GLuint)program, GL_ACTIVE_ATTRIBUTES, &count);
	glGetProgramiv((GLuint)program, GL_ACTIVE_ATTRIBUTE_MAX_LENGTH, &longest);
	char name[256];
	if (longest > (GLint)sizeof(name))
		return true;
	for (GLint i = 0; i < count; i++) {
		GLint array_size = 0;
		GLenum type = 0;
		glGetActiveAttrib((GLuint)program, (GLuint)i, sizeof(name), NULL, &array_size, &type, name);
		GLint location = glGetAttribLocation((GLuint)program, name);
		GLint columns = 1;
		switch (type) {
		case GL_FLOAT_MAT2: case GL_FLOAT_MAT2x3: case GL_FLOAT_MAT2x4: columns = 2; break;
		case GL_FLOAT_MAT3: case GL_FLOAT_MAT3x2: case GL_FLOAT_MAT3x4: columns = 3; break;
		case GL_FLOAT_MAT4: case GL_FLOAT_MAT4x2: case GL_FLOAT_MAT4x3: columns = 4; break;
		default: break;
		}
		if (location >= 0 && index >= (GLuint)location && index < (GLuint)location + (GLuint)columns)
			return true;
	}
	return false;
}

bool glss_check_attrib_buffer(struct glss_worker *w, struct glss_vao *vao, GLuint index,
			      const struct glss_attrib_source *src, uint32_t last)
{
	struct glss_buffer *b = vao && src->binding < GLSS_MAX_ATTRIBS ? vao->attribs[src->binding] : NULL;
	/* offset < 2^63 + 2^12 and element <= 32: no overflow; the last
	 * element must end inside: offset + last * stride + element <= size */
	bool inside = b && b->host == src->buffer && src->element && src->offset <= b->size &&
		      src->element <= b->size - src->offset &&
		      (!last || !src->stride || (b->size - src->offset - src->element) / src->stride >= last);
	if (!inside && glss_program_reads_attrib(index)) {
		gls_debug("draw refused: attribute %u reads vertex %u past its buffer", index, last);
		glss_set_error(w, GL_INVALID_OPERATION);
		return false;
	}
	return true;
}

/* Reads the bound element array buffer back into its shadow. */
static bool glss_shadow_elements(struct glss_buffer *b)
{
	static PFNGLMAPBUFFERRANGEEXTPROC map_range;
	static PFNGLUNMAPBUFFEROESPROC unmap;
	if (!map_range) {
		map_range = (PFNGLMAPBUFFERRANGEEXTPROC)eglGetProcAddress("glMapBufferRangeEXT");
		unmap = (PFNGLUNMAPBUFFEROESPROC)eglGetProcAddress("glUnmapBufferOES");
	}
	if (!map_range || !unmap || !b->size)
		return false;
	uint8_t *shadow = malloc((size_t)b->size);
	const void *bytes = shadow ? map_range(GL_ELEMENT_ARRAY_BUFFER, 0, (GLsizeiptr)b->size, GL_MAP_READ_BIT_EXT)
				   : NULL;
	if (!bytes) {
		free(shadow);
		glGetError();
		return false;
	}
	memcpy(shadow, bytes, (size_t)b->size);
	unmap(GL_ELEMENT_ARRAY_BUFFER);
	free(b->shadow);
	b->shadow = shadow;
	b->shadowed = true;
	return true;
}

bool glss_element_range(struct glss_worker *w, struct glss_vao *vao, GLenum type, uint64_t offset, uint32_t count,
			bool restart, uint32_t *lo, uint32_t *hi)
{
	struct glss_buffer *b = vao ? vao->elements : NULL;
	GLint driver_buffer = 0;
	glGetIntegerv(GL_ELEMENT_ARRAY_BUFFER_BINDING, &driver_buffer);
	unsigned index_size = gls_index_size(type);
	/* count < 2^31 and index_size <= 4: no overflow */
	if (!b || b->host != (GLuint)driver_buffer || !index_size || offset > b->size ||
	    (uint64_t)count * index_size > b->size - offset) {
		gls_debug("draw refused: %u indices at %llu outside the element buffer", count,
			  (unsigned long long)offset);
		glss_set_error(w, GL_INVALID_OPERATION);
		return false;
	}
	for (unsigned i = 0; i < b->nranges; i++) {
		struct glss_index_range *range = &b->ranges[i];
		if (range->type == type && range->offset == offset && range->count == count && range->restart == restart) {
			*lo = range->lo;
			*hi = range->hi;
			return true;
		}
	}
	if (!b->shadowed && !glss_shadow_elements(b)) {
		glss_set_error(w, GL_OUT_OF_MEMORY);
		return false;
	}
	glss_index_range(b->shadow + offset, type, count, restart, lo, hi);
	b->ranges[b->next_range] = (struct glss_index_range){type, count, offset, restart, *lo, *hi};
	b->next_range = (b->next_range + 1) % GLSS_RANGE_CACHE;
	if (b->nranges < GLSS_RANGE_CACHE)
		b->nranges++;
	return true;
}

void glss_index_range(const void *indices, GLenum type, uint32_t count, bool restart, uint32_t *lo, uint32_t *hi)
{
	uint32_t min = UINT32_MAX, max = 0;
	uint32_t restart_index = type == GL_UNSIGNED_BYTE ? 0xff : type == GL_UNSIGNED_SHORT ? 0xffff : 0xffffffff;
	for (uint32_t i = 0; i < count; i++) {
		uint32_t v;
		if (type == GL_UNSIGNED_BYTE) {
			v = ((const uint8_t *)indices)[i];
		} else if (type == GL_UNSIGNED_SHORT) {
			uint16_t s16;
			memcpy(&s16, (const uint8_t *)indices + 2 * (size_t)i, 2);
			v = s16;
		} else {
			memcpy(&v, (const uint8_t *)indices + 4 * (size_t)i, 4);
		}
		if (restart && v == restart_index)
			continue; /* names no vertex */
		min = v < min ? v : min;
		max = v > max ? v : max;
	}
	*lo = min;
	*hi = max;
}

void glss_buffers_object_deleted(struct glss_worker *w, enum gls_object_type type, GLuint host)
{
	struct glss_context *c = w->current;
	uint64_t value;
	if (!c || !host)
		return;
	if (type == GLS_OBJ_VERTEX_ARRAY) {
		if (gls_idmap_remove(&c->vaos, host, &value))
			glss_vao_free(w, (struct glss_vao *)(uintptr_t)value);
		return;
	}
	if (type == GLS_OBJ_TRANSFORM_FEEDBACK) {
		glss_es3_transform_feedback_deleted(w, host);
		return;
	}
	if (type != GLS_OBJ_BUFFER || !gls_idmap_remove(&c->share->buffers, host, &value))
		return;
	struct glss_buffer *b = (struct glss_buffer *)(uintptr_t)value;
	b->deleted = true;
	/* GL unbinds it from this context's bindings and bound vertex array;
	 * other vertex arrays keep it alive. The share group's reference,
	 * dropped last, keeps b alive meanwhile. */
	struct glss_vao *vao = glss_vao_current(w);
	struct glss_buffer **slots[GLSS_MAX_ATTRIBS + 16];
	unsigned nslots = 0;
	slots[nslots++] = &c->array_buffer;
	/* es3 buffers */
	slots[nslots++] = &c->copy_read_buffer;
	slots[nslots++] = &c->copy_write_buffer;
	slots[nslots++] = &c->pixel_pack_buffer;
	slots[nslots++] = &c->pixel_unpack_buffer;
	slots[nslots++] = &c->uniform_buffer;
	slots[nslots++] = &c->transform_feedback_buffer;
	/* es3.1 compute */
	slots[nslots++] = &c->shader_storage_buffer;
	slots[nslots++] = &c->atomic_counter_buffer;
	slots[nslots++] = &c->dispatch_indirect_buffer;
	/* es3.1 draw */
	slots[nslots++] = &c->draw_indirect_buffer;
	/* es3.2 layered */
	slots[nslots++] = &c->texture_buffer;
	if (vao) {
		slots[nslots++] = &vao->elements;
		for (int i = 0; i < GLSS_MAX_ATTRIBS; i++)
			slots[nslots++] = &vao->attribs[i];
	}
	for (unsigned i = 0; i < nslots; i++) {
		if (*slots[i] == b) {
			*slots[i] = NULL;
			b->refs--;
		}
	}
	glss_es3_buffer_deleted(w, b); /* the indexed bindings */
	glss_buffer_unref(w, b);
}

static void glss_free_vao_entry(uint32_t key, uint64_t value, void *data)
{
	(void)key;
	glss_vao_free(data, (struct glss_vao *)(uintptr_t)value);
}

void glss_buffers_context_free(struct glss_worker *w, struct glss_context *c)
{
	gls_idmap_each(&c->vaos, glss_free_vao_entry, w);
	gls_idmap_free(&c->vaos);
	glss_vao_free(w, c->vao0);
	c->vao0 = NULL;
	glss_hold(w, &c->array_buffer, NULL);
	/* es3 buffers */
	glss_hold(w, &c->copy_read_buffer, NULL);
	glss_hold(w, &c->copy_write_buffer, NULL);
	glss_hold(w, &c->pixel_pack_buffer, NULL);
	glss_hold(w, &c->pixel_unpack_buffer, NULL);
	glss_hold(w, &c->uniform_buffer, NULL);
	glss_hold(w, &c->transform_feedback_buffer, NULL);
	/* es3.1 draw */
	glss_hold(w, &c->draw_indirect_buffer, NULL);
	/* es3.2 layered */
	glss_hold(w, &c->texture_buffer, NULL);
	glss_es3_buffers_context_free(w, c);
	glss_compute_context_free(w, c); /* es3.1 compute */
}

static void glss_free_buffer_entry(uint32_t key, uint64_t value, void *data)
{
	(void)key;
	glss_buffer_unref(data, (struct glss_buffer *)(uintptr_t)value);
}

void glss_buffers_share_free(struct glss_worker *w, struct glss_share_group *share)
{
	gls_idmap_each(&share->buffers, glss_free_buffer_entry, w);
	gls_idmap_free(&share->buffers);
}
