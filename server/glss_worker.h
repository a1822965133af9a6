/* A worker: the process that serves one client. It owns that client's host
 * EGL display, contexts, surfaces and GL objects; they all go when it exits. */
#ifndef GLSS_WORKER_H
#define GLSS_WORKER_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <EGL/egl.h>
#include <GLES3/gl32.h> /* the OpenGL ES 2.0 API and what 3.x adds */
#include <GLES2/gl2ext.h>

#include "gls_extension_list.h"
#include "gls_idmap.h"
#include "gls_opcodes.h"
#include "gls_protocol.h"
#include "gls_wire.h"
#include "glss_ring.h"

#define GLSS_MAX_ATTRIBS 32

struct glss_buffer;
struct glss_vao;
struct glss_texture;

struct glss_share_group {
	unsigned refs;
	struct gls_idmap names[GLS_OBJ_COUNT];      /* client name -> host name */
	struct gls_idmap host_names[GLS_OBJ_COUNT]; /* host name -> client name */
	/* client shader name -> the client's source, where the driver's
	 * (masked) text differs (glss_shader_source.c) */
	struct gls_idmap shader_sources;
	/* what the worker knows of the objects (glss_buffers.c, glss_memory.c) */
	struct gls_idmap buffers;       /* host name -> struct glss_buffer* */
	struct gls_idmap textures;      /* host name -> struct glss_texture* */
	struct gls_idmap renderbuffers; /* host name -> struct glss_renderbuffer* */
	/* es3 state: GL sync objects, client id -> host GLsync (glss_gl_sync.c);
	 * the host's go with its share group */
	struct gls_idmap gl_syncs;
};

struct glss_context {
	uint32_t id;
	EGLContext host;
	struct glss_share_group *share;
	GLenum pending_error; /* an error glstream raised, reported before the driver's */
	/* GLS_EXT_BIT()s of the extensions advertised to the client for this
	 * context (as the client decides: ours that the host has), known from
	 * the first glsMakeCurrent; enums they bring are valid only then */
	gls_ext_bits extensions;
	bool extensions_known;
	int es_version; /* the version offered (common/gls_version.h), from then too */
	int es_version_cap; /* the client's GLSTREAM_ES_VERSION */
	/* the same as text, for the shader scanner; NULL until a shader needs it */
	char *advertised_extensions;
	struct gls_idmap vertex_arrays; /* VAOs are per context, not shared */
	struct gls_idmap program_pipelines; /* so are program pipelines */
	struct gls_idmap queries;             /* ... queries */
	struct gls_idmap transform_feedbacks; /* ... and transform feedbacks */
	/* KHR_debug messages for the client's callback, while it has one
	 * (glss_gl_debug.c) */
	struct glss_debug_queue *debug;
	/* vertices of client-side arrays, kept until the attribute changes */
	uint8_t *client_arrays[GLSS_MAX_ATTRIBS];
	size_t client_array_sizes[GLSS_MAX_ATTRIBS];
	/* what each holds: the pointer given to the driver, and the vertices
	 * [first, first + count) a draw may read through it */
	uintptr_t client_array_base[GLSS_MAX_ATTRIBS];
	uint32_t client_array_first[GLSS_MAX_ATTRIBS];
	uint32_t client_array_count[GLSS_MAX_ATTRIBS];
	/* buffer bindings as the worker tracks them (glss_buffers.c) */
	struct glss_buffer *array_buffer;
	struct glss_vao *vao0;          /* the default vertex array */
	struct gls_idmap vaos;          /* host VAO name -> struct glss_vao* */
	GLint max_attribs;              /* GL_MAX_VERTEX_ATTRIBS, once asked */
	struct glss_texture *default_textures[2]; /* texture 0 of 2D, cube map */
	/* OpenGL ES 3.0 state, by feature group (docs/es3.md) */
	/* es3 buffers: the ES 3.0 buffer bindings (glss_buffers.c) and the
	 * indexed ones, uniform blocks and transform feedback
	 * (glss_buffers_es3.c) */
	struct glss_buffer *copy_read_buffer, *copy_write_buffer;
	struct glss_buffer *pixel_pack_buffer, *pixel_unpack_buffer;
	struct glss_buffer *uniform_buffer, *transform_feedback_buffer;
	struct glss_es3_buffers *es3_buffers;

	/* es3 textures */
	struct glss_texture *default_textures_3d[2]; /* texture 0 of 3D, 2D array (glss_memory.c) */

	/* es3 framebuffers */

	/* es3 vertex */

	/* es3 state */

	/* es3.1 compute: the generic bindings of its targets, the indexed
	 * ones (glss_compute.c) */
	struct glss_buffer *shader_storage_buffer, *atomic_counter_buffer, *dispatch_indirect_buffer;
	struct glss_compute *compute;

	/* es3.1 program */

	/* es3.1 draw */
	struct glss_buffer *draw_indirect_buffer; /* GL_DRAW_INDIRECT_BUFFER */

	/* es3.1 texfb */

	/* es3.2 draw32 */

	/* es3.2 geomtess */

	/* es3.2 layered */
	bool image_buffers; /* a buffer texture was bound to an image unit: draws look (glss_layered.c) */
	struct glss_buffer *texture_buffer; /* GL_TEXTURE_BUFFER, the buffer binding (glss_buffers.c) */

	/* es3.2 tex32 */
	struct glss_texture *default_texture_cube_array; /* texture 0 of cube map arrays (glss_memory.c) */
	bool texture_buffer_ranges; /* glTexBufferRange was used: draws check ranges (glss_tex32.c) */


	GLuint scratch_fbo;             /* the worker's own, for clearing */
	int8_t host_es3;                /* host context is ES 3.0+: 1, not: -1, unknown: 0 */
	int8_t readback_async;          /* frames read into pack buffers: 1, not: -1, unknown: 0 */
	/* asynchronous readback (glss_readback.c): the worker's two pixel pack
	 * buffers, only while this context is current */
	GLuint readback_buffers[2];
	uint64_t readback_bytes[2];
	unsigned readback_next;
};

struct glss_surface {
	uint32_t id;
	EGLSurface host;
	EGLConfig config;
	bool window; /* frames go back to the client on swap */
	EGLint width, height;
	/* host creation attributes kept for re-creation (resize, colorspace) */
	EGLint texture_format, texture_target, mipmap_texture, colorspace;
	/* frame memory shared with the client and its X server, if any */
	uint8_t *frames;
	size_t frames_size;
	uint32_t frames_width, frames_height;
	uint32_t next_slot;
	/* --present=window: the window on the server's display; qubes: the
	 * GUI domain's window for the client's window native_window */
	uint32_t native_window;
	uint32_t present_window;
	int64_t next_search_ns; /* qubes: when to look for the window again */
	uint32_t present_width, present_height;
};

/* File descriptors received with the client's bytes, oldest first. */
#define GLSS_MAX_RECEIVED_FDS 4

struct glss_worker {
	int in_fd, out_fd;
	uint8_t *in;       /* received bytes not yet executed */
	size_t in_len, in_cap;
	uint8_t *out;      /* replies and frames not yet sent */
	size_t out_len, out_cap;
	size_t out_sent;   /* bytes of out already sent */
	bool failed;

	EGLDisplay display;
	struct gls_idmap contexts; /* client id -> struct glss_context* */
	struct gls_idmap surfaces; /* client id -> struct glss_surface* */
	struct gls_idmap syncs;    /* client id -> host EGLSync */
	struct gls_idmap images;   /* client id -> host EGLImage */
	struct glss_context *current;
	struct glss_surface *draw, *read;

	bool unix_socket;  /* descriptors can come with the client's bytes */
	struct glss_ring ring; /* a local client's command ring, once attached */
	int received_fds[GLSS_MAX_RECEIVED_FDS];
	unsigned received_fd_count;

	char *scratch;     /* NUL-terminated copies of strings */
	size_t scratch_cap;

	uint32_t max_message; /* largest command accepted (glss_limits) */
	uint32_t objects;     /* object names created; may overcount (see glss_names.c) */
	uint64_t gl_memory;   /* bytes held in GL objects and surfaces (glss_memory.c) */
	int record_fd;        /* GLSTREAM_RECORD: received messages are appended; -1 */

	/* a swapped frame read into a pack buffer of w->current and not yet
	 * delivered (glss_readback.c); surface is w->draw while set */
	struct glss_pending_frame {
		struct glss_surface *surface;
		uint32_t width, height;
		unsigned buffer;  /* index in readback_buffers */
		bool bgra;
		void *fence;      /* GLsync signalled when the read is done */
		unsigned commands; /* run since the last look at the fence */
	} pending_frame;
	/* a frame message went out since the last reply: over the ring, that
	 * reply follows it on the socket, so a client's round trip after a
	 * swap returns with the frame shown */
	bool frame_since_reply;
	/* a frame on its way to a window of the worker's (--present=window,
	 * qubes): not scratch, which a command delivering the pending frame
	 * before its reply may still be using; freed by glss_egl_fini */
	uint8_t *frame_copy;
	size_t frame_copy_cap;
};

/* Harnesses (fuzzer, regression replay): a worker without a client, on
 * the host EGL display; replies and frames collect in w->out. */
bool glss_worker_init_detached(struct glss_worker *w);
/* Runs every complete message in w->in; returns the bytes used. */
size_t glss_run_messages(struct glss_worker *w);
/* Back to a fresh worker (no context, surface or object) on the same display. */
void glss_worker_reset_detached(struct glss_worker *w);
void glss_worker_fini_detached(struct glss_worker *w);

/* Ends the worker: logs the reason; the main loop exits after the command. */
void glss_fail(struct glss_worker *w, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* Queues a reply for the oldest unanswered sync command. */
void glss_reply(struct glss_worker *w, const void *data, size_t size);
void glss_reply_scalar(struct glss_worker *w, uint64_t value);
/* A reply of one 32-bit value (EGL errors and results, GL errors). */
void glss_reply_i32(struct glss_worker *w, int32_t value);
/* The answer of a program name query (glGetActiveUniform and its kin):
 * u32 ok, i32 size, u32 type, u32 length + the characters (no NUL). */
void glss_reply_named(struct glss_worker *w, bool ok, GLint size, GLenum type, const char *name, uint32_t len);
/* Reserves a reply of `size` bytes and returns where to write it. */
uint8_t *glss_reply_begin(struct glss_worker *w, size_t size);
/* Reserves a message of any opcode (e.g. GLS_MSG_FRAME). */
uint8_t *glss_message_begin(struct glss_worker *w, uint16_t opcode, size_t size);

/* The oldest file descriptor received and not yet used, or -1. */
int glss_take_fd(struct glss_worker *w);

/* A string argument (u32 length + bytes) copied NUL-terminated into scratch. */
const char *glss_get_string(struct glss_worker *w, struct gls_reader *r);
/* Scratch memory of at least `size` zeroed bytes, valid until the next command. */
void *glss_scratch(struct glss_worker *w, size_t size);

enum glss_name_mode {
	GLSS_NAME_USE,  /* a name the command reads: GLS_NAME_NONEXISTENT allowed */
	GLSS_NAME_BIND, /* a name the command binds: must be a created object or 0 */
};
/* Translates a client object name into the host's, in place. Unknown
 * names end the worker (the client never sends them). */
bool glss_name_map(struct glss_worker *w, enum gls_object_type type, enum glss_name_mode mode, GLuint *name);

/* Translates a host name the driver returned back into the client's name;
 * false when the client does not know the object (then 0 is reported). */
bool glss_name_unmap(struct glss_worker *w, enum gls_object_type type, GLuint host, GLuint *name);

/* A shader or program the client names `name`: reserve checks that the
 * name is new and within the object quota (else the worker ends); add
 * records the host object the driver made for it (0: none). */
bool glss_shader_program_reserve(struct glss_worker *w, GLuint name);
void glss_shader_program_add(struct glss_worker *w, GLuint name, GLuint host);
/* KHR_debug (glss_gl_debug.c): sends the current context's queued debug
 * messages, ahead of its reply; frees a context's queue. */
bool glss_debug_flush(struct glss_worker *w); /* true when messages went out */
void glss_debug_context_free(struct glss_context *c);

/* Records an error raised by glstream itself, keeping GL's order: the
 * first error since the last glGetError is the one reported. */
void glss_set_error(struct glss_worker *w, GLenum error);

#endif
