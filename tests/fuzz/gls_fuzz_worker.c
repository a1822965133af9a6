/* libFuzzer target over the worker's decoder: the input is a command
 * stream (messages as a client sends them after the handshake), run by a
 * worker on the real host EGL (Mesa llvmpipe, surfaceless). Between inputs
 * the worker's contexts, surfaces and objects are destroyed.
 *
 * Built twice: with -fsanitize=fuzzer in a clang fuzz build (-Dfuzz=true),
 * and, with GLSS_FUZZ_REPLAY, as a plain program that replays files (the
 * regression test of every crash the fuzzer found). */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "glss_sandbox.h"
#include "glss_worker.h"
#include "gls_log.h"
#include "gls_opcodes.h"

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static struct glss_worker glss_fuzz_worker;
static bool glss_fuzz_ready;

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	/* No X display, no disk cache shared between runs. */
	setenv("MESA_SHADER_CACHE_DISABLE", "true", 1);
	setenv("EGL_PLATFORM", "surfaceless", 0);
	/* Many llvmpipe threads per context only slow fuzzing down. */
	setenv("LP_NUM_THREADS", "0", 0);
	gls_log_init("glstream-fuzz", getenv("GLSS_FUZZ_VERBOSE") ? GLS_LOG_DEBUG : GLS_LOG_ERROR);
	return 0;
}

/* Legal requests that only cost time or memory — draws of very many
 * vertices, huge surfaces, gigabyte allocations — are a denial of service
 * of the client's own worker (out of scope, bounded by its limits) and
 * would look like hangs or leaks to libFuzzer: inputs with any are
 * skipped. Everything else runs. */
#define GLSS_FUZZ_MAX_DRAW_VERTICES (1 << 20)
#define GLSS_FUZZ_MAX_PIXELS (1u << 20)
#define GLSS_FUZZ_MAX_BYTES (64u << 20)

static uint32_t glss_fuzz_u32(const uint8_t *message, uint32_t length, size_t offset)
{
	uint32_t v = 0;
	if (offset + 4 <= length)
		memcpy(&v, message + offset, 4);
	return v;
}

static bool glss_fuzz_too_heavy(const uint8_t *data, size_t size)
{
	for (size_t at = 0; at + 8 <= size;) {
		const uint8_t *m = data + at;
		uint16_t opcode;
		uint32_t length;
		memcpy(&opcode, m, 2);
		memcpy(&length, m + 4, 4);
		if (length < 8 || length > size - at)
			return false;
		uint64_t pixels = 0, bytes = 0;
		int64_t vertices = 0;
		switch (opcode) {
		case GLS_OP_glDrawArrays: /* mode, first, count */
			vertices = (int32_t)glss_fuzz_u32(m, length, 16);
			break;
		case GLS_OP_glDrawElements: /* mode, count, ... */
		case GLS_OP_glsDrawElementsInline:
			vertices = (int32_t)glss_fuzz_u32(m, length, 12);
			break;
		case GLS_OP_glDrawArraysInstancedEXT: /* mode, first, count, primcount */
		case GLS_OP_glDrawElementsInstancedEXT: { /* mode, count, type, primcount */
			int32_t count = (int32_t)glss_fuzz_u32(m, length, opcode == GLS_OP_glDrawArraysInstancedEXT ? 16 : 12);
			int32_t instances = (int32_t)glss_fuzz_u32(m, length, 20);
			vertices = count > 0 && instances > 0 ? (int64_t)count * instances : 0;
			break;
		}
		case GLS_OP_glsCreateWindowSurface: /* id, config, width, height */
		case GLS_OP_glsCreatePbufferSurface:
			pixels = (uint64_t)glss_fuzz_u32(m, length, 16) * glss_fuzz_u32(m, length, 20);
			break;
		case GLS_OP_glsResizeSurface: /* id, width, height */
			pixels = (uint64_t)glss_fuzz_u32(m, length, 12) * glss_fuzz_u32(m, length, 16);
			break;
		case GLS_OP_glsTexImage2DNull: /* target, level, internalformat, width, height */
			pixels = (uint64_t)glss_fuzz_u32(m, length, 20) * glss_fuzz_u32(m, length, 24);
			break;
		/* es3 textures: zeroed 3D images and immutable storage */
		case GLS_OP_glsTexImage3DNull: /* target, level, internalformat, width, height, depth */
		case GLS_OP_glTexStorage2D:    /* target, levels, internalformat, width, height */
		case GLS_OP_glTexStorage3D: {  /* ... depth */
			uint64_t area = (uint64_t)glss_fuzz_u32(m, length, 20) * glss_fuzz_u32(m, length, 24);
			/* 2D storage: as if a cube map (6 faces) */
			uint64_t depth = opcode == GLS_OP_glTexStorage2D ? 6 : glss_fuzz_u32(m, length, 28);
			pixels = depth && area > UINT64_MAX / depth ? UINT64_MAX : area * depth;
			break;
		}
		case GLS_OP_glRenderbufferStorage: /* target, internalformat, width, height (cleared) */
			pixels = (uint64_t)glss_fuzz_u32(m, length, 16) * glss_fuzz_u32(m, length, 20);
			break;
		case GLS_OP_glRenderbufferStorageMultisample: { /* target, samples, format, width, height */
			uint32_t samples = glss_fuzz_u32(m, length, 12);
			pixels = (uint64_t)glss_fuzz_u32(m, length, 20) * glss_fuzz_u32(m, length, 24) *
				 (samples && samples < 64 ? samples : 1);
			break;
		}
		case GLS_OP_glCopyTexImage2D: /* target, level, format, x, y, width, height (zeroed) */
			pixels = (uint64_t)glss_fuzz_u32(m, length, 28) * glss_fuzz_u32(m, length, 32);
			break;
		case GLS_OP_glsBufferDataNull: /* target, i64 size */
			bytes = glss_fuzz_u32(m, length, 12) | (uint64_t)glss_fuzz_u32(m, length, 16) << 32;
			break;
		default:
			break;
		}
		if (vertices > GLSS_FUZZ_MAX_DRAW_VERTICES || pixels > GLSS_FUZZ_MAX_PIXELS || bytes > GLSS_FUZZ_MAX_BYTES)
			return true;
		at += length;
	}
	return false;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct glss_worker *w = &glss_fuzz_worker;
	if (glss_fuzz_too_heavy(data, size))
		return 0;
	if (!glss_fuzz_ready) {
		if (!glss_worker_init_detached(w)) {
			fprintf(stderr, "glstream-fuzz: no host EGL display\n");
			abort();
		}
		glss_fuzz_ready = true;
	}
	/* An exact-size copy: ASan sees any read past the stream's end. */
	w->in = malloc(size ? size : 1);
	if (!w->in)
		return 0;
	memcpy(w->in, data, size);
	w->in_len = w->in_cap = size;
	glss_run_messages(w);
	/* Back to a fresh worker: every context, surface and object goes;
	 * the display stays (initialising it again costs more than the run). */
	glss_worker_reset_detached(w);
	return 0;
}

#ifdef GLSS_FUZZ_REPLAY
/* Replays each file given (a regression input or a seed) once; a crash is
 * the failure. */
int main(int argc, char **argv)
{
	LLVMFuzzerInitialize(&argc, &argv);
	int failed = 0;
	for (int i = 1; i < argc; i++) {
		FILE *f = fopen(argv[i], "rb");
		if (!f) {
			fprintf(stderr, "glstream-fuzz-replay: cannot open %s\n", argv[i]);
			failed = 1;
			continue;
		}
		uint8_t *data = NULL;
		size_t size = 0, cap = 0, n;
		do {
			if (size == cap) {
				cap = cap ? cap * 2 : 65536;
				uint8_t *bigger = realloc(data, cap);
				if (!bigger)
					abort();
				data = bigger;
			}
			n = fread(data + size, 1, cap - size, f);
			size += n;
		} while (n);
		fclose(f);
		LLVMFuzzerTestOneInput(data, size);
		free(data);
		printf("ok: %s (%zu bytes)\n", argv[i], size);
	}
	return failed;
}
#endif
