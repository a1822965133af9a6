/* Client-side GL context state and the helpers every GL entry point uses. */
#ifndef GLSC_GL_H
#define GLSC_GL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <EGL/egl.h>
#include <GLES3/gl32.h> /* the OpenGL ES 2.0 API and what 3.x adds */
#include <GLES2/gl2ext.h>

#include "gls_extension_list.h"
#include "gls_idmap.h"
#include "gls_protocol.h"
#include "gls_opcodes.h"

#define GLSC_MAX_ATTRIBS 32

/* Object names shared by contexts of one share group. */
struct glsc_share_group {
	unsigned refs;
	struct gls_idmap names[GLS_OBJ_COUNT]; /* name -> struct glsc_buffer* for buffers, else 1 */
	uint32_t next_name[GLS_OBJ_COUNT];
	/* es3 state: GL sync objects, id -> 1 (glsc_gl_sync.c) */
	struct gls_idmap syncs;
};

/* What the client must know of a buffer: its size for mapping, and a copy
 * of its contents once it held indices (draws with client arrays need the
 * index range) or was mapped (later maps need no round trip). */
struct glsc_buffer {
	GLsizeiptr size;
	GLenum usage;
	uint8_t *shadow; /* a copy of the contents, or NULL */
	/* current mapping, if any */
	void *map_pointer;
	GLintptr map_offset;
	GLsizeiptr map_length;
	GLbitfield map_access;
};

struct glsc_vertex_attrib {
	bool enabled;
	GLint size;
	GLenum type;
	GLboolean normalized;
	GLsizei stride;
	const void *pointer; /* a client pointer when buffer == 0, else an offset */
	GLuint buffer;
	/* OpenGL ES 3.0 (es3 vertex) */
	bool integer;    /* glVertexAttribIPointer */
	GLuint divisor;  /* glVertexAttribDivisor */
};

struct glsc_vertex_array {
	struct glsc_vertex_attrib attribs[GLSC_MAX_ATTRIBS];
	GLuint element_buffer;
};

/* Answers known once per context, fetched at its first eglMakeCurrent. */
struct glsc_context_info {
	char *vendor, *renderer, *version, *glsl_version, *extensions;
	GLint max_vertex_attribs;
	/* the OpenGL ES version offered (common/gls_version.h), and the
	 * GLS_EXT_BIT()s of the extensions advertised and of that version */
	int es_version;
	gls_ext_bits advertised;
};

struct glsc_context {
	uint32_t id;
	struct glsc_display *display;
	struct glsc_config *config;
	struct glsc_share_group *share;
	EGLint client_version;
	int es_version_cap;     /* GLSTREAM_ES_VERSION, sent to the worker */
	bool debug_context; /* EGL_CONTEXT_OPENGL_DEBUG_BIT_KHR */
	bool info_loaded;
	bool lost_reported;
	struct glsc_context_info info;

	GLuint array_buffer;
	GLuint vertex_array_name;            /* 0: the default vertex array */
	struct glsc_vertex_array *vertex_array;
	struct glsc_vertex_array default_vertex_array;
	struct gls_idmap vertex_arrays;      /* name -> struct glsc_vertex_array* */
	struct gls_idmap program_pipelines;  /* EXT_separate_shader_objects: name -> 1 */
	struct gls_idmap queries;            /* OpenGL ES 3.0: name -> 1 */
	struct gls_idmap transform_feedbacks; /* OpenGL ES 3.0: name -> 1 */
	GLint pack_alignment, unpack_alignment;
	/* EXT_unpack_subimage: applied by the client alone (glsc_gl_data.c) */
	GLint unpack_row_length, unpack_skip_rows, unpack_skip_pixels;

	/* OpenGL ES 3.0 state, by feature group (docs/es3.md) */
	/* es3 buffers: the ES 3.0 buffer bindings (glsc_gl_buffers.c) */
	GLuint copy_read_buffer, copy_write_buffer;
	GLuint pixel_pack_buffer, pixel_unpack_buffer;
	GLuint uniform_buffer, transform_feedback_buffer;
	/* after glBindBufferRange/Base: only the worker knows whether they took */
	bool uniform_buffer_unknown, transform_feedback_buffer_unknown;
	struct glsc_es3_buffers *es3_buffers;

	/* es3 textures: ES 3.0's pixel store beyond EXT_unpack_subimage's,
	 * applied by the client alone like it (glsc_gl_textures.c) */
	GLint unpack_image_height, unpack_skip_images;
	GLint pack_row_length, pack_skip_rows, pack_skip_pixels;

	/* es3 framebuffers */

	/* es3 vertex */
	bool primitive_restart; /* GL_PRIMITIVE_RESTART_FIXED_INDEX enabled */

	/* es3 state */

	/* es3.1 compute: generic bindings of its targets (glsc_gl_buffers.c;
	 * after an indexed bind, asked when needed) */
	GLuint shader_storage_buffer, atomic_counter_buffer, dispatch_indirect_buffer;
	bool shader_storage_buffer_unknown, atomic_counter_buffer_unknown;

	/* es3.1 program */

	/* es3.1 draw */
	GLuint draw_indirect_buffer; /* GL_DRAW_INDIRECT_BUFFER (glsc_gl_buffers.c) */

	/* es3.1 texfb */

	/* es3.2 draw32 */
	bool reset_reported; /* glGetGraphicsResetStatus told of the lost server */

	/* es3.2 geomtess: the host's GL_PRIMITIVE_RESTART_FOR_PATCHES_SUPPORTED,
	 * 1 or -1 once asked (glsc_gl_geomtess.c) */
	int8_t restart_for_patches;

	/* es3.2 layered */
	GLuint texture_buffer; /* GL_TEXTURE_BUFFER, the buffer binding (glsc_gl_buffers.c) */

	/* es3.2 tex32 */


	struct glsc_query_cache *query_cache; /* owned by glsc_gl_query.c */
	struct glsc_debug *debug;             /* KHR_debug, owned by glsc_gl_debug.c; NULL until used */

	struct glsc_surface *draw, *read;
	bool current_somewhere;
	bool destroy_pending;
};

/* Entry of the generated table of GL entry points. */
struct glsc_gl_proc {
	const char *name;
	void (*fn)(void);
	const char *extension; /* NULL for core */
};
extern const struct glsc_gl_proc glsc_gl_procs[];
extern const unsigned glsc_gl_proc_count;

/* The calling thread's current context. */
struct glsc_context *glsc_current_context(void);

/* Locks the stream and makes the wire's current context the caller's.
 * Returns NULL (nothing locked) when no context is current or the server
 * is gone: GL calls then do nothing, as with any driver. */
struct glsc_context *glsc_gl_enter(void);
/* glsc_gl_enter() for a command of an extension or version (GLS_EXT_BIT()s
 * `bits`): without one of them offered to the context, GL_INVALID_OPERATION
 * (as a driver's dispatch of a function outside the context's API) and
 * NULL. */
struct glsc_context *glsc_gl_enter_offered(gls_ext_bits bits);
/* The name queries of programs that answer a size, a type and a name
 * (glGetActiveUniform and its kin; glsc_gl_query.c); offered: the
 * version bit they need, 0 for none. */
void glsc_get_active(uint16_t opcode, gls_ext_bits offered, GLuint program, GLuint index, GLsizei buf_size,
		     GLsizei *length, GLint *size_out, GLenum *type_out, GLchar *name);
/* A GL string output of buf_size from a reply (glsc_gl_query.c): whether
 * `len` characters fit with their NUL, and storing them with the NUL and
 * the length without it. */
bool glsc_text_fits(uint32_t len, GLsizei buf_size);
void glsc_store_text(const void *text, uint32_t len, GLsizei buf_size, GLsizei *length, GLchar *out);
void glsc_gl_leave(void);

uint8_t *glsc_begin(struct glsc_context *ctx, uint16_t opcode, size_t payload);
/* Waits for the reply of the command just queued. */
bool glsc_wait_reply(struct glsc_context *ctx, const uint8_t **reply, size_t *size);
uint64_t glsc_sync_scalar(struct glsc_context *ctx, bool sent);
void glsc_sync_void(struct glsc_context *ctx, bool sent);

/* Records a GL error on the server, in order with the driver's errors. */
void glsc_set_error(GLenum error);
void glsc_set_error_locked(GLenum error);

uint32_t glsc_string_length(const char *s);

/* Object names: a name the application uses but never created becomes
 * GLS_NAME_NONEXISTENT (the driver reports the error); glBind* adopts it. */
GLuint glsc_name_use(struct glsc_context *ctx, enum gls_object_type type, GLuint name);
GLuint glsc_name_bind(struct glsc_context *ctx, enum gls_object_type type, GLuint name);
bool glsc_name_known(struct glsc_context *ctx, enum gls_object_type type, GLuint name);
void glsc_names_generate(struct glsc_context *ctx, enum gls_object_type type, GLsizei n, GLuint *names);
void glsc_names_delete(struct glsc_context *ctx, enum gls_object_type type, GLsizei n, const GLuint *names);
/* A new shader or program name, known from now on (0: out of memory,
 * raised); the caller tells the server what it names. */
GLuint glsc_name_new_shader_program(struct glsc_context *ctx);
struct glsc_buffer *glsc_buffer_lookup(struct glsc_context *ctx, GLuint name);

struct glsc_share_group *glsc_share_group_new(void);
void glsc_share_group_unref(struct glsc_share_group *share);
void glsc_context_state_init(struct glsc_context *ctx);
void glsc_context_state_fini(struct glsc_context *ctx);
bool glsc_context_load_info_locked(struct glsc_context *ctx);
/* KHR_debug (glsc_gl_debug.c): messages from the worker (GLS_MSG_DEBUG),
 * fetched at the end of GL calls in synchronous mode and at
 * eglSwapBuffers, delivered to the callback unlocked. */
bool glsc_debug_receive_locked(const uint8_t *payload, size_t size);
void glsc_debug_before_leave_locked(struct glsc_context *ctx);
void glsc_debug_fetch_locked(struct glsc_context *ctx);
void glsc_debug_deliver(struct glsc_context *ctx);
void glsc_debug_context_fini_locked(struct glsc_context *ctx);

/* Frees ctx->query_cache (glsc_gl_query.c). */
void glsc_query_cache_free(struct glsc_context *ctx);

#endif
