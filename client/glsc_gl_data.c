/* GL commands that create objects or move bulk data: names, buffers,
 * mapped buffers, textures and readback. */
#include <stdlib.h>
#include <string.h>

#include "glsc_buffers.h"
#include "glsc_gl.h"
#include "glsc_gl_generated.h"
#include "glsc_stream.h"
#include "glsc_textures.h"
#include "gls_extensions.h"
#include "gls_pixels.h"
#include "gls_wire.h"

/* Bulk data travels in messages of at most this size (any total size). */
#define GLSC_MAX_CHUNK ((int64_t)16 << 20)

/* Bulk data travels in pieces of at most this many bytes: 16 MiB, or less
 * when the server takes smaller commands (--max-command-size, announced in
 * its welcome); 4 KiB leave room for the command's other parameters. */
int64_t glsc_chunk(void)
{
	int64_t limit = (int64_t)glsc_stream_max_message() - 4096;
	return limit < GLSC_MAX_CHUNK ? limit : GLSC_MAX_CHUNK;
}

/* ---- names ---- */

/* wire glsGenObjects / glsDeleteObjects: u32 type, u32 n, n x u32 name */
static void glsc_gen(enum gls_object_type type, GLsizei n, GLuint *names)
{
	if (n < 0) {
		glsc_set_error(GL_INVALID_VALUE);
		return;
	}
	struct glsc_context *ctx = glsc_gl_enter();
	if (!ctx)
		return;
	glsc_names_generate(ctx, type, n, names);
	glsc_gl_leave();
}

static void glsc_delete(enum gls_object_type type, GLsizei n, const GLuint *names)
{
	if (n < 0) {
		glsc_set_error(GL_INVALID_VALUE);
		return;
	}
	struct glsc_context *ctx = glsc_gl_enter();
	if (!ctx)
		return;
	glsc_names_delete(ctx, type, n, names);
	glsc_gl_leave();
}

void glsc_glGenBuffers(GLsizei n, GLuint *buffers) { glsc_gen(GLS_OBJ_BUFFER, n, buffers); }
void glsc_glGenTextures(GLsizei n, GLuint *textures) { glsc_gen(GLS_OBJ_TEXTURE, n, textures); }
void glsc_glGenRenderbuffers(GLsizei n, GLuint *names) { glsc_gen(GLS_OBJ_RENDERBUFFER, n, names); }
void glsc_glGenFramebuffers(GLsizei n, GLuint *names) { glsc_gen(GLS_OBJ_FRAMEBUFFER, n, names); }
void glsc_glGenVertexArraysOES(GLsizei n, GLuint *arrays) { glsc_gen(GLS_OBJ_VERTEX_ARRAY, n, arrays); }
void glsc_glDeleteBuffers(GLsizei n, const GLuint *buffers) { glsc_delete(GLS_OBJ_BUFFER, n, buffers); }
void glsc_glDeleteTextures(GLsizei n, const GLuint *textures) { glsc_delete(GLS_OBJ_TEXTURE, n, textures); }
void glsc_glDeleteRenderbuffers(GLsizei n, const GLuint *names) { glsc_delete(GLS_OBJ_RENDERBUFFER, n, names); }
void glsc_glDeleteFramebuffers(GLsizei n, const GLuint *names) { glsc_delete(GLS_OBJ_FRAMEBUFFER, n, names); }
void glsc_glDeleteVertexArraysOES(GLsizei n, const GLuint *arrays) { glsc_delete(GLS_OBJ_VERTEX_ARRAY, n, arrays); }
void glsc_glGenProgramPipelinesEXT(GLsizei n, GLuint *pipelines) { glsc_gen(GLS_OBJ_PROGRAM_PIPELINE, n, pipelines); }
void glsc_glDeleteProgramPipelinesEXT(GLsizei n, const GLuint *pipelines)
{
	glsc_delete(GLS_OBJ_PROGRAM_PIPELINE, n, pipelines);
}

/* wire glsCreateShaderProgram: u32 name, u32 shader type (0: a program) */
static GLuint glsc_create_shader_program(GLenum type)
{
	struct glsc_context *ctx = glsc_gl_enter();
	if (!ctx)
		return 0;
	GLuint name = glsc_name_new_shader_program(ctx);
	if (name) {
		uint8_t *w = glsc_begin(ctx, GLS_OP_glsCreateShaderProgram, 8);
		if (w) {
			w = gls_put_u32(w, name);
			gls_put_u32(w, type);
		}
	}
	glsc_gl_leave();
	return name;
}

GLuint glsc_glCreateProgram(void)
{
	return glsc_create_shader_program(0);
}

GLuint glsc_glCreateShader(GLenum type)
{
	/* es3.1 compute: compute shaders in a context offered ES 3.1 */
	struct glsc_context *current = glsc_current_context();
	bool compute = type == GL_COMPUTE_SHADER && current &&
		       (current->info.advertised & GLS_EXT_BIT(GL_ES_VERSION_3_1));
	/* es3.2 geomtess: geometry and tessellation shaders in a context offered ES 3.2 */
	bool geomtess = (type == GL_GEOMETRY_SHADER || type == GL_TESS_CONTROL_SHADER ||
			 type == GL_TESS_EVALUATION_SHADER) &&
			current && (current->info.advertised & GLS_EXT_BIT(GL_ES_VERSION_3_2));
	if (type != GL_VERTEX_SHADER && type != GL_FRAGMENT_SHADER && !compute && !geomtess) {
		glsc_set_error(GL_INVALID_ENUM);
		return 0;
	}
	return glsc_create_shader_program(type);
}

/* wire glDeleteShader / glDeleteProgram: u32 name */
static void glsc_delete_shader_program(uint16_t opcode, GLuint name)
{
	if (name == 0)
		return; /* silently ignored, as GL does */
	struct glsc_context *ctx = glsc_gl_enter();
	if (!ctx)
		return;
	/* The name stays known: the server tells, while the host keeps the
	 * object (attached, in use), that it still names it. */
	uint8_t *w = glsc_begin(ctx, opcode, 4);
	if (w)
		gls_put_u32(w, glsc_name_use(ctx, GLS_OBJ_SHADER_PROGRAM, name));
	glsc_gl_leave();
}

void glsc_glDeleteShader(GLuint shader) { glsc_delete_shader_program(GLS_OP_glDeleteShader, shader); }
void glsc_glDeleteProgram(GLuint program) { glsc_delete_shader_program(GLS_OP_glDeleteProgram, program); }

/* ---- buffers ---- */

/* wire glBufferData: u32 target, i64 size, u32 usage, blob data
 * wire glsBufferDataNull: u32 target, i64 size, u32 usage (zero-filled) */
static void glsc_buffer_sub_data_locked(struct glsc_context *ctx, GLenum target, GLintptr offset, GLsizeiptr size, const void *data);

void glsc_glBufferData(GLenum target, GLsizeiptr size, const void *data, GLenum usage)
{
	struct glsc_context *ctx = glsc_gl_enter();
	if (!ctx)
		return;
	/* Large data: an empty buffer, then the data in chunks. */
	bool inline_data = data && size > 0 && size <= glsc_chunk();
	uint8_t *w = inline_data ? glsc_stream_begin_with_bytes_locked(GLS_OP_glBufferData, 20, data, (size_t)size)
				 : glsc_begin(ctx, GLS_OP_glsBufferDataNull, 16);
	if (!w)
		goto out;
	w = gls_put_u32(w, target);
	w = gls_put_i64(w, size);
	w = gls_put_u32(w, usage);
	if (inline_data) {
		gls_put_u32(w, (uint32_t)size);
		glsc_stream_end_locked();
	}
	if (data && size > glsc_chunk())
		glsc_buffer_sub_data_locked(ctx, target, 0, size, data);
	struct glsc_buffer *buffer = glsc_bound_buffer_object(ctx, target);
	if (buffer && size >= 0 && glsc_buffer_usage_valid(ctx, usage)) {
		/* new storage unmaps the buffer (ES 3.0 2.10.2) */
		free(buffer->map_pointer);
		buffer->map_pointer = NULL;
		bool keep_copy = buffer->shadow || target == GL_ELEMENT_ARRAY_BUFFER;
		buffer->size = size;
		buffer->usage = usage;
		free(buffer->shadow);
		buffer->shadow = NULL;
		if (keep_copy) {
			buffer->shadow = calloc(1, size ? (size_t)size : 1);
			if (buffer->shadow && data && size > 0)
				memcpy(buffer->shadow, data, (size_t)size);
		}
	}
out:
	glsc_gl_leave();
}

static void glsc_buffer_sub_data_locked(struct glsc_context *ctx, GLenum target, GLintptr offset, GLsizeiptr size, const void *data)
{
	/* Chunks keep every message bounded, whatever the size. */
	int64_t chunk = glsc_chunk();
	while (data && size > chunk && offset >= 0) {
		glsc_buffer_sub_data_locked(ctx, target, offset, chunk, data);
		offset += chunk;
		size -= chunk;
		data = (const uint8_t *)data + chunk;
	}
	bool inline_data = data && size > 0;
	uint8_t *w = glsc_stream_begin_with_bytes_locked(GLS_OP_glBufferSubData, 24, data,
							 inline_data ? (size_t)size : 0);
	if (!w)
		return;
	w = gls_put_u32(w, target);
	w = gls_put_i64(w, offset);
	w = gls_put_i64(w, size);
	gls_put_u32(w, inline_data ? (uint32_t)size : 0);
	glsc_stream_end_locked();
	struct glsc_buffer *buffer = glsc_buffer_lookup(ctx, glsc_bound_buffer(ctx, target));
	if (buffer && buffer->shadow && inline_data && offset >= 0 && offset + size <= buffer->size)
		memcpy(buffer->shadow + offset, data, (size_t)size);
}

/* wire glBufferSubData: u32 target, i64 offset, i64 size, blob data */
void glsc_glBufferSubData(GLenum target, GLintptr offset, GLsizeiptr size, const void *data)
{
	if (size > 0 && !data) {
		glsc_set_error(GL_INVALID_VALUE);
		return;
	}
	struct glsc_context *ctx = glsc_gl_enter();
	if (!ctx)
		return;
	glsc_buffer_sub_data_locked(ctx, target, offset, size, data);
	glsc_gl_leave();
}

/* Reads a buffer's bytes back from the server.
 * wire glsMapBufferRead: u32 target, i64 offset, i64 length -> reply blob */
static bool glsc_buffer_read_locked(struct glsc_context *ctx, GLenum target, GLintptr offset, GLsizeiptr length, void *out)
{
	uint8_t *w = glsc_begin(ctx, GLS_OP_glsMapBufferRead, 20);
	if (!w)
		return false;
	w = gls_put_u32(w, target);
	w = gls_put_i64(w, offset);
	gls_put_i64(w, length);
	const uint8_t *reply;
	size_t size;
	if (!glsc_wait_reply(ctx, &reply, &size))
		return false;
	struct gls_reader r;
	gls_reader_init(&r, reply, size);
	uint32_t len;
	const void *bytes = gls_get_blob(&r, &len);
	if (r.bad || len != (uint64_t)length)
		return false;
	memcpy(out, bytes, len);
	return true;
}

/* The checks of glMapBufferRange(EXT), in the driver's order (ES 3.0
 * 2.10.3; Mesa's validate_map_buffer_range): GL_NO_ERROR when it maps. */
static GLenum glsc_map_range_error(struct glsc_context *ctx, GLenum target, GLintptr offset, GLsizeiptr length,
				   GLbitfield access, struct glsc_buffer **buffer)
{
	const GLbitfield read_only_not = GL_MAP_INVALIDATE_RANGE_BIT | GL_MAP_INVALIDATE_BUFFER_BIT |
					 GL_MAP_UNSYNCHRONIZED_BIT;
	const GLbitfield defined = GL_MAP_READ_BIT | GL_MAP_WRITE_BIT | GL_MAP_FLUSH_EXPLICIT_BIT | read_only_not;
	if (!glsc_buffer_target_valid(ctx, target))
		return GL_INVALID_ENUM;
	if (!(*buffer = glsc_bound_buffer_object(ctx, target)))
		return GL_INVALID_OPERATION;
	if (offset < 0 || length < 0)
		return GL_INVALID_VALUE;
	if (length == 0)
		return GL_INVALID_OPERATION;
	if (access & ~defined)
		return GL_INVALID_VALUE;
	if (!(access & (GL_MAP_READ_BIT | GL_MAP_WRITE_BIT)) ||
	    ((access & GL_MAP_READ_BIT) && (access & read_only_not)) ||
	    ((access & GL_MAP_FLUSH_EXPLICIT_BIT) && !(access & GL_MAP_WRITE_BIT)))
		return GL_INVALID_OPERATION;
	if (offset > (*buffer)->size || length > (*buffer)->size - offset)
		return GL_INVALID_VALUE;
	if ((*buffer)->map_pointer)
		return GL_INVALID_OPERATION;
	return GL_NO_ERROR;
}

/* Mapping is the client's: the application gets client memory holding
 * the range (read back when needed), and what it wrote travels as
 * glBufferSubData at unmap or flush. */
static void *glsc_map_range_locked(struct glsc_context *ctx, GLenum target, GLintptr offset, GLsizeiptr length,
				   GLbitfield access)
{
	struct glsc_buffer *buffer = NULL;
	GLenum error = glsc_map_range_error(ctx, target, offset, length, access, &buffer);
	if (error != GL_NO_ERROR) {
		glsc_set_error_locked(error);
		return NULL;
	}
	uint8_t *memory = calloc(1, (size_t)length);
	if (!memory) {
		glsc_set_error_locked(GL_OUT_OF_MEMORY);
		return NULL;
	}
	/* Unless the application discards the old contents, they must show
	 * through the parts it does not write: from our copy, or read once
	 * from the server and kept for the next maps. */
	bool keep = (access & GL_MAP_READ_BIT) ||
		    !(access & (GL_MAP_INVALIDATE_RANGE_BIT | GL_MAP_INVALIDATE_BUFFER_BIT));
	if (keep && !buffer->shadow) {
		uint8_t *copy = calloc(1, buffer->size ? (size_t)buffer->size : 1);
		if (copy && !glsc_buffer_read_locked(ctx, target, 0, buffer->size, copy)) {
			free(copy);
			free(memory);
			return NULL;
		}
		buffer->shadow = copy;
	}
	if (keep && buffer->shadow)
		memcpy(memory, buffer->shadow + offset, (size_t)length);
	buffer->map_pointer = memory;
	buffer->map_offset = offset;
	buffer->map_length = length;
	buffer->map_access = access;
	return memory;
}

static void *glsc_map_range(gls_ext_bits version, GLenum target, GLintptr offset, GLsizeiptr length, GLbitfield access)
{
	struct glsc_context *ctx = version ? glsc_gl_enter_offered(version) : glsc_gl_enter();
	if (!ctx)
		return NULL;
	void *result = glsc_map_range_locked(ctx, target, offset, length, access);
	glsc_gl_leave();
	return result;
}

void *glsc_glMapBufferRangeEXT(GLenum target, GLintptr offset, GLsizeiptr length, GLbitfield access)
{
	return glsc_map_range(0, target, offset, length, access);
}

void *glsc_glMapBufferRange(GLenum target, GLintptr offset, GLsizeiptr length, GLbitfield access)
{
	return glsc_map_range(GLS_EXT_BIT(GL_ES_VERSION_3_0), target, offset, length, access);
}

void *glsc_glMapBufferOES(GLenum target, GLenum access)
{
	if (access != GL_WRITE_ONLY_OES) {
		glsc_set_error(GL_INVALID_ENUM);
		return NULL;
	}
	struct glsc_context *ctx = glsc_gl_enter();
	if (!ctx)
		return NULL;
	struct glsc_buffer *buffer = glsc_bound_buffer_object(ctx, target);
	GLsizeiptr size = buffer ? buffer->size : 0;
	void *p = glsc_map_range_locked(ctx, target, 0, size, GL_MAP_WRITE_BIT);
	if (p && buffer)
		buffer->map_access = GL_WRITE_ONLY_OES; /* what GL_BUFFER_ACCESS_OES reports */
	glsc_gl_leave();
	return p;
}

/* wire glFlushMappedBufferRange(EXT): sent as glBufferSubData of the range
 * (checks in the driver's order) */
static void glsc_flush_mapped_range(gls_ext_bits version, GLenum target, GLintptr offset, GLsizeiptr length)
{
	struct glsc_context *ctx = version ? glsc_gl_enter_offered(version) : glsc_gl_enter();
	if (!ctx)
		return;
	struct glsc_buffer *buffer = glsc_bound_buffer_object(ctx, target);
	if (!glsc_buffer_target_valid(ctx, target))
		glsc_set_error_locked(GL_INVALID_ENUM);
	else if (!buffer)
		glsc_set_error_locked(GL_INVALID_OPERATION);
	else if (offset < 0 || length < 0)
		glsc_set_error_locked(GL_INVALID_VALUE);
	else if (!buffer->map_pointer || buffer->map_access == GL_WRITE_ONLY_OES ||
		 !(buffer->map_access & GL_MAP_FLUSH_EXPLICIT_BIT))
		glsc_set_error_locked(GL_INVALID_OPERATION);
	else if (offset > buffer->map_length || length > buffer->map_length - offset)
		glsc_set_error_locked(GL_INVALID_VALUE);
	else if (length > 0)
		glsc_buffer_sub_data_locked(ctx, target, buffer->map_offset + offset, length,
					    (uint8_t *)buffer->map_pointer + offset);
	glsc_gl_leave();
}

void glsc_glFlushMappedBufferRangeEXT(GLenum target, GLintptr offset, GLsizeiptr length)
{
	glsc_flush_mapped_range(0, target, offset, length);
}

void glsc_glFlushMappedBufferRange(GLenum target, GLintptr offset, GLsizeiptr length)
{
	glsc_flush_mapped_range(GLS_EXT_BIT(GL_ES_VERSION_3_0), target, offset, length);
}

static GLboolean glsc_unmap(gls_ext_bits version, GLenum target)
{
	struct glsc_context *ctx = version ? glsc_gl_enter_offered(version) : glsc_gl_enter();
	if (!ctx)
		return GL_FALSE;
	GLboolean result = GL_FALSE;
	struct glsc_buffer *buffer = glsc_bound_buffer_object(ctx, target);
	if (!glsc_buffer_target_valid(ctx, target)) {
		glsc_set_error_locked(GL_INVALID_ENUM);
	} else if (!buffer || !buffer->map_pointer) {
		glsc_set_error_locked(GL_INVALID_OPERATION);
	} else {
		void *memory = buffer->map_pointer;
		bool write = buffer->map_access == GL_WRITE_ONLY_OES ||
			     ((buffer->map_access & GL_MAP_WRITE_BIT) && !(buffer->map_access & GL_MAP_FLUSH_EXPLICIT_BIT));
		buffer->map_pointer = NULL;
		if (write)
			glsc_buffer_sub_data_locked(ctx, target, buffer->map_offset, buffer->map_length, memory);
		free(memory);
		result = GL_TRUE;
	}
	glsc_gl_leave();
	return result;
}

GLboolean glsc_glUnmapBufferOES(GLenum target)
{
	return glsc_unmap(0, target);
}

GLboolean glsc_glUnmapBuffer(GLenum target)
{
	return glsc_unmap(GLS_EXT_BIT(GL_ES_VERSION_3_0), target);
}

static void glsc_get_buffer_pointer(gls_ext_bits version, GLenum target, GLenum pname, void **params)
{
	struct glsc_context *ctx = version ? glsc_gl_enter_offered(version) : glsc_gl_enter();
	if (!ctx)
		return;
	struct glsc_buffer *buffer = glsc_bound_buffer_object(ctx, target);
	if (pname != GL_BUFFER_MAP_POINTER || !glsc_buffer_target_valid(ctx, target))
		glsc_set_error_locked(GL_INVALID_ENUM);
	else if (!buffer)
		glsc_set_error_locked(GL_INVALID_OPERATION);
	else
		*params = buffer->map_pointer;
	glsc_gl_leave();
}

void glsc_glGetBufferPointervOES(GLenum target, GLenum pname, void **params)
{
	glsc_get_buffer_pointer(0, target, pname, params);
}

void glsc_glGetBufferPointerv(GLenum target, GLenum pname, void **params)
{
	glsc_get_buffer_pointer(GLS_EXT_BIT(GL_ES_VERSION_3_0), target, pname, params);
}

/* ---- textures ---- */

/* Uploads read the application's rows where the unpack state says (the
 * alignment, and EXT_unpack_subimage's row length and skips) and travel
 * packed with the alignment only: the worker's driver keeps row length and
 * skips at 0, so it reads exactly the bytes sent, whatever the client
 * claims. Only the rows the driver would read are sent. */
struct glsc_rows {
	const uint8_t *first; /* the first row in application memory */
	int64_t stride;       /* application bytes from a row to the next */
};

/* The application's rows of a width x height upload; false (error raised)
 * when they lie beyond any address. An unknown format/type or a rectangle
 * larger than any texture gives no rows (the driver reports it). */
static bool glsc_unpack_rows(struct glsc_context *ctx, GLsizei width, GLsizei height, GLenum format, GLenum type,
			     const void *pixels, struct glsc_rows *rows)
{
	struct gls_unpack_layout l;
	*rows = (struct glsc_rows){NULL, 0};
	if (!gls_unpack_layout(width, height, format, type, ctx->unpack_alignment, ctx->unpack_row_length,
			       ctx->unpack_skip_rows, ctx->unpack_skip_pixels, &l) || !pixels)
		return true;
	if (l.end == GLS_IMAGE_TOO_LARGE) {
		/* a rectangle too large for any texture is the driver's error;
		 * skips past any address would make a driver crash */
		if (gls_image_size(width, height, format, type, ctx->unpack_alignment) == GLS_IMAGE_TOO_LARGE)
			return true;
		glsc_set_error_locked(GL_INVALID_VALUE);
		return false;
	}
	*rows = (struct glsc_rows){(const uint8_t *)pixels + l.offset, l.stride};
	return true;
}

/* Writes `size` bytes (gls_image_size) of rows packed with the alignment,
 * padded to 4. */
static uint8_t *glsc_put_rows(uint8_t *w, const struct glsc_rows *rows, GLsizei width, GLsizei height, GLenum format,
			      GLenum type, GLint alignment, int64_t size)
{
	int64_t stride = gls_row_stride(width, format, type, alignment);
	if (rows->stride == stride)
		return gls_put_bytes(w, rows->first, (size_t)size);
	size_t row_bytes = (size_t)width * gls_pixel_size(format, type);
	uint8_t *out = w;
	for (GLsizei y = 0; y < height; y++) {
		memcpy(out, rows->first + (size_t)y * (size_t)rows->stride, row_bytes);
		size_t pad = y + 1 < height ? (size_t)stride - row_bytes : gls_pad4((size_t)size) - (size_t)size;
		memset(out + row_bytes, 0, pad);
		out += row_bytes + pad;
	}
	return out;
}

/* Starts an upload command of `header` bytes, then u32 size and the rows.
 * Rows laid out as the driver reads them (no row length or skips, or ones
 * that change nothing) are copied once, straight from the application's
 * memory (glsc_stream_begin_with_bytes_locked); others are repacked into
 * the command. Returns where the header goes. */
static uint8_t *glsc_begin_upload(struct glsc_context *ctx, uint16_t opcode, size_t header,
				  const struct glsc_rows *rows, GLsizei width, GLenum format, GLenum type, int64_t size,
				  bool *repack)
{
	*repack = size > 0 && rows->stride != gls_row_stride(width, format, type, ctx->unpack_alignment);
	if (*repack)
		return glsc_begin(ctx, opcode, header + 4 + gls_pad4((size_t)size));
	return glsc_stream_begin_with_bytes_locked(opcode, header + 4, size > 0 ? rows->first : NULL, (size_t)size);
}

/* After the header: the size, and the rows when repacked; ends the command. */
static void glsc_end_upload(uint8_t *w, struct glsc_context *ctx, const struct glsc_rows *rows, GLsizei width,
			    GLsizei height, GLenum format, GLenum type, int64_t size, bool repack)
{
	w = gls_put_u32(w, (uint32_t)size);
	if (repack)
		glsc_put_rows(w, rows, width, height, format, type, ctx->unpack_alignment, size);
	else
		glsc_stream_end_locked();
}

/* wire glTexImage2D: u32 target, i32 level, i32 internalformat, i32 width,
 *   i32 height, i32 border, u32 format, u32 type, blob pixels (laid out with
 *   the current GL_UNPACK_ALIGNMENT)
 * wire glsTexImage2DNull: the same without the blob (pixels == NULL) */
static void glsc_tex_sub_image_locked(struct glsc_context *ctx, GLenum target, GLint level, GLint xoffset, GLint yoffset,
				      GLsizei width, GLsizei height, GLenum format, GLenum type,
				      const struct glsc_rows *rows);

void glsc_glTexImage2D(GLenum target, GLint level, GLint internalformat, GLsizei width, GLsizei height,
		       GLint border, GLenum format, GLenum type, const void *pixels)
{
	struct glsc_context *ctx = glsc_gl_enter();
	if (!ctx)
		return;
	if (glsc_pixel_buffer(ctx, GL_PIXEL_UNPACK_BUFFER)) {
		const GLint params[] = {(GLint)target, level, internalformat, width, height, border, (GLint)format,
					(GLint)type};
		glsc_unpack_buffer_command(ctx, GLS_OP_glTexImage2D, params, 8, pixels);
		goto out;
	}
	int64_t size = gls_image_size(width, height, format, type, ctx->unpack_alignment);
	struct glsc_rows rows;
	if (!glsc_unpack_rows(ctx, width, height, format, type, pixels, &rows))
		goto out;
	/* Large images: an empty image, then the pixels in bands of rows. */
	bool inline_data = rows.first && size > 0 && size <= glsc_chunk();
	bool repack = false;
	uint8_t *w = inline_data ? glsc_begin_upload(ctx, GLS_OP_glTexImage2D, 32, &rows, width, format, type, size, &repack)
				 : glsc_begin(ctx, GLS_OP_glsTexImage2DNull, 32);
	if (!w)
		goto out;
	w = gls_put_u32(w, target);
	w = gls_put_i32(w, level);
	w = gls_put_i32(w, internalformat);
	w = gls_put_i32(w, width);
	w = gls_put_i32(w, height);
	w = gls_put_i32(w, border);
	w = gls_put_u32(w, format);
	w = gls_put_u32(w, type);
	if (inline_data) {
		glsc_end_upload(w, ctx, &rows, width, height, format, type, size, repack);
	} else if (rows.first && size > glsc_chunk() && size != GLS_IMAGE_TOO_LARGE) {
		glsc_tex_sub_image_locked(ctx, target, level, 0, 0, width, height, format, type, &rows);
	}
out:
	glsc_gl_leave();
}

/* Rows per band so that a band stays within a chunk (at least one row). */
static GLsizei glsc_band_rows(int64_t stride)
{
	int64_t rows = stride > 0 ? glsc_chunk() / stride : 1;
	return rows < 1 ? 1 : rows > 0x7fffffff ? 0x7fffffff : (GLsizei)rows;
}

/* wire glTexSubImage2D: u32 target, i32 level, i32 xoffset, i32 yoffset,
 *   i32 width, i32 height, u32 format, u32 type, blob pixels */
static void glsc_tex_sub_image_locked(struct glsc_context *ctx, GLenum target, GLint level, GLint xoffset, GLint yoffset,
				      GLsizei width, GLsizei height, GLenum format, GLenum type,
				      const struct glsc_rows *rows)
{
	int64_t size = gls_image_size(width, height, format, type, ctx->unpack_alignment);
	if (size < 0)
		size = 0; /* unknown format/type: the driver reports it */
	if (size == GLS_IMAGE_TOO_LARGE) {
		glsc_set_error_locked(GL_INVALID_VALUE); /* larger than any texture */
		return;
	}
	if (!rows->first)
		size = 0; /* NULL pixels: no bytes, the driver validates and writes nothing */
	if (size > glsc_chunk()) {
		int64_t stride = gls_row_stride(width, format, type, ctx->unpack_alignment);
		GLsizei band = glsc_band_rows(stride);
		for (GLsizei y = 0; y < height; y += band) {
			GLsizei n = height - y < band ? height - y : band;
			struct glsc_rows part = {rows->first + (size_t)y * (size_t)rows->stride, rows->stride};
			glsc_tex_sub_image_locked(ctx, target, level, xoffset, yoffset + y, width, n, format, type, &part);
		}
		return;
	}
	bool repack = false;
	uint8_t *w = glsc_begin_upload(ctx, GLS_OP_glTexSubImage2D, 32, rows, width, format, type, size, &repack);
	if (!w)
		return;
	w = gls_put_u32(w, target);
	w = gls_put_i32(w, level);
	w = gls_put_i32(w, xoffset);
	w = gls_put_i32(w, yoffset);
	w = gls_put_i32(w, width);
	w = gls_put_i32(w, height);
	w = gls_put_u32(w, format);
	w = gls_put_u32(w, type);
	glsc_end_upload(w, ctx, rows, width, height, format, type, size, repack);
}

void glsc_glTexSubImage2D(GLenum target, GLint level, GLint xoffset, GLint yoffset, GLsizei width, GLsizei height,
			  GLenum format, GLenum type, const void *pixels)
{
	struct glsc_context *ctx = glsc_gl_enter();
	if (!ctx)
		return;
	struct glsc_rows rows;
	if (glsc_pixel_buffer(ctx, GL_PIXEL_UNPACK_BUFFER)) {
		const GLint params[] = {(GLint)target, level, xoffset, yoffset, width, height, (GLint)format, (GLint)type};
		glsc_unpack_buffer_command(ctx, GLS_OP_glTexSubImage2D, params, 8, pixels);
	} else if (glsc_unpack_rows(ctx, width, height, format, type, pixels, &rows)) {
		glsc_tex_sub_image_locked(ctx, target, level, xoffset, yoffset, width, height, format, type, &rows);
	}
	glsc_gl_leave();
}

/* wire glCompressedTexImage2D: u32 target, i32 level, u32 internalformat,
 *   i32 width, i32 height, i32 border, i32 imageSize, blob data
 * wire glCompressedTexSubImage2D: u32 target, i32 level, i32 xoffset,
 *   i32 yoffset, i32 width, i32 height, u32 format, i32 imageSize, blob data */
void glsc_compressed_upload(gls_ext_bits offered, uint16_t opcode, const GLint *params, int count, GLsizei image_size,
			    const void *data)
{
	struct glsc_context *ctx = offered ? glsc_gl_enter_offered(offered) : glsc_gl_enter();
	if (!ctx)
		return;
	if (glsc_pixel_buffer(ctx, GL_PIXEL_UNPACK_BUFFER)) {
		glsc_unpack_buffer_command(ctx, opcode, params, count, data);
		goto out;
	}
	size_t size = image_size > 0 && data ? (size_t)image_size : 0;
	if ((int64_t)size > glsc_chunk()) {
		/* es3 textures: sent as sub-images of bands of blocks */
		glsc_compressed_pieces(ctx, opcode, params, data);
		goto out;
	}
	if (size > GLS_MAX_MESSAGE - 64) {
		glsc_set_error_locked(GL_OUT_OF_MEMORY);
		goto out;
	}
	uint8_t *w = glsc_begin(ctx, opcode, 4 * (size_t)count + 4 + gls_pad4(size));
	if (!w)
		goto out;
	for (int i = 0; i < count; i++)
		w = gls_put_i32(w, params[i]);
	w = gls_put_u32(w, (uint32_t)size);
	gls_put_bytes(w, data, size);
out:
	glsc_gl_leave();
}

void glsc_glCompressedTexImage2D(GLenum target, GLint level, GLenum internalformat, GLsizei width, GLsizei height,
				 GLint border, GLsizei imageSize, const void *data)
{
	const GLint params[] = {(GLint)target, level, (GLint)internalformat, width, height, border, imageSize};
	glsc_compressed_upload(0, GLS_OP_glCompressedTexImage2D, params, 7, imageSize, data);
}

void glsc_glCompressedTexSubImage2D(GLenum target, GLint level, GLint xoffset, GLint yoffset, GLsizei width,
				    GLsizei height, GLenum format, GLsizei imageSize, const void *data)
{
	const GLint params[] = {(GLint)target, level, xoffset, yoffset, width, height, (GLint)format, imageSize};
	glsc_compressed_upload(0, GLS_OP_glCompressedTexSubImage2D, params, 8, imageSize, data);
}

/* Reads into rows starting at `first`, `dst_stride` bytes apart. */
static void glsc_read_pixels_locked(struct glsc_context *ctx, GLint x, GLint y, GLsizei width, GLsizei height,
				    GLenum format, GLenum type, uint8_t *first, int64_t dst_stride)
{
	int64_t size = gls_image_size(width, height, format, type, ctx->pack_alignment);
	int64_t stride = gls_row_stride(width, format, type, ctx->pack_alignment);
	if (size == GLS_IMAGE_TOO_LARGE) {
		glsc_set_error_locked(GL_INVALID_VALUE); /* larger than any framebuffer */
		return;
	}
	if (size > glsc_chunk()) {
		GLsizei band = glsc_band_rows(stride);
		for (GLsizei row = 0; row < height; row += band) {
			GLsizei rows = height - row < band ? height - row : band;
			glsc_read_pixels_locked(ctx, x, y + row, width, rows, format, type,
						first + (size_t)row * (size_t)dst_stride, dst_stride);
		}
		return;
	}
	uint8_t *w = glsc_begin(ctx, GLS_OP_glReadPixels, 24);
	if (!w)
		return;
	w = gls_put_i32(w, x);
	w = gls_put_i32(w, y);
	w = gls_put_i32(w, width);
	w = gls_put_i32(w, height);
	w = gls_put_u32(w, format);
	gls_put_u32(w, type);
	const uint8_t *reply;
	size_t reply_size;
	if (!glsc_wait_reply(ctx, &reply, &reply_size))
		return;
	struct gls_reader r;
	gls_reader_init(&r, reply, reply_size);
	uint32_t len;
	const void *bytes = gls_get_blob(&r, &len);
	if (r.bad || !len || !first || (int64_t)len != size)
		return;
	/* Row by row: a driver leaves the padding between rows untouched. */
	size_t row = (size_t)width * gls_pixel_size(format, type);
	for (GLsizei i = 0; i < height; i++)
		memcpy(first + (size_t)i * (size_t)dst_stride, (const uint8_t *)bytes + (size_t)i * (size_t)stride, row);
}

/* wire glReadPixels: i32 x, i32 y, i32 width, i32 height, u32 format,
 *   u32 type -> reply blob (laid out with the current GL_PACK_ALIGNMENT);
 *   large rectangles are read in bands of rows */
void glsc_glReadPixels(GLint x, GLint y, GLsizei width, GLsizei height, GLenum format, GLenum type, void *pixels)
{
	struct glsc_context *ctx = glsc_gl_enter();
	if (!ctx)
		return;
	if (glsc_pixel_buffer(ctx, GL_PIXEL_PACK_BUFFER)) {
		glsc_pack_buffer_read_pixels(ctx, x, y, width, height, format, type, pixels);
		goto out;
	}
	/* ES 3.0's pack row length and skips place the rows (the reply is
	 * packed with the alignment only) */
	const struct gls_pixel_store store = {ctx->pack_alignment, ctx->pack_row_length, 0, ctx->pack_skip_rows,
					      ctx->pack_skip_pixels, 0};
	struct gls_unpack_layout l;
	uint8_t *first = pixels;
	int64_t dst_stride = gls_row_stride(width, format, type, ctx->pack_alignment);
	if (gls_pixel_layout(width, height, 1, format, type, &store, &l) && l.end > 0) {
		if (l.end == GLS_IMAGE_TOO_LARGE &&
		    gls_image_size(width, height, format, type, ctx->pack_alignment) != GLS_IMAGE_TOO_LARGE) {
			glsc_set_error_locked(GL_INVALID_VALUE); /* skips past any address */
			goto out;
		}
		first = pixels ? (uint8_t *)pixels + l.offset : NULL;
		dst_stride = l.stride;
	}
	glsc_read_pixels_locked(ctx, x, y, width, height, format, type, first, dst_stride);
out:
	glsc_gl_leave();
}
