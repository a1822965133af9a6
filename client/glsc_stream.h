/* The client's connection to glstream-server: one per process, shared by
 * every thread and EGL display. Commands are batched in a buffer and sent
 * when it fills, when an answer is needed, at glFlush/glFinish and at
 * eglSwapBuffers; a local client writes them into a shared-memory ring
 * instead (glsc_ring.c), which the worker reads as they are published.
 * All functions ending in _locked expect glsc_lock() held. */
#ifndef GLSC_STREAM_H
#define GLSC_STREAM_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct glsc_context;
struct glsc_surface;

void glsc_lock(void);
void glsc_unlock(void);

/* Connects on first use (address from GLSTREAM_SERVER). */
bool glsc_stream_connect_locked(void);
/* True once the connection is gone; every later call fails fast. */
bool glsc_stream_lost(void);

/* Reserves a command of `payload` bytes (a multiple of 4) in the batch and
 * returns where its payload goes, or NULL when the connection is lost. */
uint8_t *glsc_stream_begin_locked(uint16_t opcode, size_t payload);
/* The same for a command whose payload is `payload` bytes followed by n
 * bytes at `bytes` (zero-padded to 4): the caller writes the first
 * `payload` bytes, then calls glsc_stream_end_locked before `bytes` may
 * change. Over the shared-memory ring, bulk bytes are copied only once. */
uint8_t *glsc_stream_begin_with_bytes_locked(uint16_t opcode, size_t payload, const void *bytes, size_t n);
void glsc_stream_end_locked(void);
/* The largest command the server takes (from its welcome). */
uint32_t glsc_stream_max_message(void);
void glsc_flush_locked(void);

/* Sends the batch and waits for the reply to the last sync command. The
 * reply stays valid until the next stream call. False when lost. */
bool glsc_stream_wait_reply_locked(const uint8_t **reply, size_t *size);

/* True when the server has answered after every command sent so far (the
 * last call waited for a reply): nothing of them is still to come. */
bool glsc_stream_all_answered_locked(void);

/* Presentation bookkeeping: called after a swap command was queued. */
void glsc_stream_frame_sent_locked(void);

/* True when frames can come through memory we pass to the server. */
bool glsc_stream_shared_frames(void);
/* Sends one command (payload at most 56 bytes) with a file descriptor. */
bool glsc_stream_send_fd_locked(uint16_t opcode, const void *payload, size_t size, int fd);

/* Surfaces that receive frames, by wire id. */
void glsc_stream_register_surface_locked(uint32_t id, struct glsc_surface *surface);
void glsc_stream_unregister_surface_locked(uint32_t id);

#endif
