/* glstream wire protocol v1: the constants and fixed layouts both sides share.
 * docs/protocol.md is the prose twin of this file; change both together.
 *
 * Every field is little-endian with an explicit size. There are no pointers
 * on the wire. Command opcodes (client -> server) come from
 * protocol/commands.txt, which is append-only. */
#ifndef GLS_PROTOCOL_H
#define GLS_PROTOCOL_H

#include <stdint.h>

#define GLS_PROTOCOL_MAGIC 0x534c4721u /* "!GLS" */
#define GLS_PROTOCOL_VERSION 1u

/* Client hello: the first 16 bytes the client sends. */
struct gls_hello {
	uint32_t magic;
	uint32_t version;
	uint32_t flags;    /* GLS_HELLO_* */
	uint32_t reserved; /* must be 0 */
};

enum {
	/* GLS_TOKEN_SIZE bytes of authentication token follow the hello
	 * (required on TCP, ignored elsewhere). */
	GLS_HELLO_TOKEN = 1u << 0,
};

#define GLS_TOKEN_SIZE 32u

/* Server welcome: the first 32 bytes the server sends. */
struct gls_welcome {
	uint32_t magic;
	uint32_t version;        /* the server's protocol version */
	uint32_t status;         /* GLS_WELCOME_* */
	uint32_t max_message;    /* largest command the server accepts */
	uint32_t capabilities;   /* GLS_CAP_* */
	uint32_t reserved[3];
};

enum {
	GLS_WELCOME_OK = 0,
	GLS_WELCOME_BAD_VERSION = 1,
	GLS_WELCOME_BAD_MAGIC = 2,
	GLS_WELCOME_AUTH_FAILED = 3, /* missing or wrong token (TCP) */
};

enum {
	GLS_CAP_READBACK_PRESENT = 1u << 0, /* frames come back as GLS_MSG_FRAME */
	GLS_CAP_SHARED_FRAMES = 1u << 1,    /* glsAttachFrameMemory (unix sockets) */
	GLS_CAP_SHM_RING = 1u << 2,         /* glsAttachRing: commands through shared memory */
};

/* Every message in both directions starts with this 8-byte header. `size`
 * counts the whole message including the header and is a multiple of 4. */
struct gls_msg_header {
	uint16_t opcode;
	uint16_t flags; /* must be 0 in v1 */
	uint32_t size;
};

#define GLS_MSG_HEADER_SIZE 8u
#define GLS_MAX_MESSAGE (64u * 1024u * 1024u + 4096u)
/* The smallest limit a server may announce (--max-command-size). */
#define GLS_MIN_MESSAGE (1024u * 1024u)

/* Server -> client message opcodes. */
enum {
	GLS_MSG_REPLY = 1, /* the answer to the oldest unanswered sync command */
	GLS_MSG_FRAME = 2, /* a presented frame: see struct gls_frame */
	GLS_MSG_FRAME_SHARED = 3, /* a frame in shared memory: struct gls_frame, reserved = slot */
	/* KHR_debug: a message of the host driver for the callback of the
	 * client's context (sent only while it has one installed): u32 context,
	 * u32 source, u32 type, u32 id, u32 severity, u32 length + the text */
	GLS_MSG_DEBUG = 4,
};

/* KHR_debug strings (messages, group names, labels): the client sends at
 * most this many bytes and says when the application's was longer, which
 * every driver limit we serve (Mesa: 4096, 256) already refuses. */
#define GLS_DEBUG_MAX_STRING 65536u
#define GLS_DEBUG_STRING_PRESENT 1u   /* the pointer was not NULL */
#define GLS_DEBUG_STRING_TRUNCATED 2u /* longer than GLS_DEBUG_MAX_STRING */
/* The most messages a worker keeps for a context's callback until the
 * client fetches them; later ones are dropped (and counted). */
#define GLS_DEBUG_MAX_QUEUED 1024u

/* Frame slots of a surface's shared frame memory: the client is at most 2
 * frames behind, so the worker never writes a slot still to be shown. */
#define GLS_FRAME_SLOTS 3u

/* GLS_MSG_FRAME payload, followed by height rows of width*4 bytes in
 * B,G,R,A byte order, bottom row first (OpenGL's order). */
struct gls_frame {
	uint32_t surface; /* client surface id */
	uint32_t width;
	uint32_t height;
	uint32_t reserved;
};

/* Object types for the client-allocated id namespaces. */
enum gls_object_type {
	GLS_OBJ_BUFFER,
	GLS_OBJ_TEXTURE,
	GLS_OBJ_RENDERBUFFER,
	GLS_OBJ_FRAMEBUFFER,
	GLS_OBJ_SHADER_PROGRAM, /* shaders and programs share one GL namespace */
	GLS_OBJ_VERTEX_ARRAY,
	GLS_OBJ_PROGRAM_PIPELINE, /* EXT_separate_shader_objects */
	GLS_OBJ_QUERY,              /* OpenGL ES 3.0 */
	GLS_OBJ_SAMPLER,            /* OpenGL ES 3.0 */
	GLS_OBJ_TRANSFORM_FEEDBACK, /* OpenGL ES 3.0 */
	GLS_OBJ_COUNT
};

/* Container objects are per context, not shared (OpenGL ES 3.0 D.1.3:
 * vertex arrays, queries, transform feedbacks; and program pipelines). */
#define GLS_OBJ_PER_CONTEXT(type)                                                   \
	((type) == GLS_OBJ_VERTEX_ARRAY || (type) == GLS_OBJ_PROGRAM_PIPELINE || \
	 (type) == GLS_OBJ_QUERY || (type) == GLS_OBJ_TRANSFORM_FEEDBACK)

/* The id a client sends for a name the application uses but does not own:
 * the server passes a host name that names no object, so the driver itself
 * reports the exact error. Never valid where a command creates objects. */
#define GLS_NAME_NONEXISTENT 0xfffffffeu

/* The EGL config attributes glsGetConfigs returns, in this order. */
#define GLS_CONFIG_ATTRIBS(X) \
	X(EGL_BUFFER_SIZE) X(EGL_RED_SIZE) X(EGL_GREEN_SIZE) X(EGL_BLUE_SIZE) \
	X(EGL_ALPHA_SIZE) X(EGL_LUMINANCE_SIZE) X(EGL_ALPHA_MASK_SIZE) \
	X(EGL_BIND_TO_TEXTURE_RGB) X(EGL_BIND_TO_TEXTURE_RGBA) X(EGL_COLOR_BUFFER_TYPE) \
	X(EGL_CONFIG_CAVEAT) X(EGL_CONFIG_ID) X(EGL_CONFORMANT) X(EGL_DEPTH_SIZE) \
	X(EGL_LEVEL) X(EGL_MAX_PBUFFER_WIDTH) X(EGL_MAX_PBUFFER_HEIGHT) \
	X(EGL_MAX_PBUFFER_PIXELS) X(EGL_MAX_SWAP_INTERVAL) X(EGL_MIN_SWAP_INTERVAL) \
	X(EGL_NATIVE_RENDERABLE) X(EGL_NATIVE_VISUAL_ID) X(EGL_NATIVE_VISUAL_TYPE) \
	X(EGL_RENDERABLE_TYPE) X(EGL_SAMPLE_BUFFERS) X(EGL_SAMPLES) X(EGL_STENCIL_SIZE) \
	X(EGL_SURFACE_TYPE) X(EGL_TRANSPARENT_TYPE) X(EGL_TRANSPARENT_RED_VALUE) \
	X(EGL_TRANSPARENT_GREEN_VALUE) X(EGL_TRANSPARENT_BLUE_VALUE) \
	X(EGL_COLOR_COMPONENT_TYPE_EXT)

#endif
