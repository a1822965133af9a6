/* Spin-before-sleep: how long a side polls for the other before it sleeps
 * in the kernel. Waking a sleeping vCPU costs tens of us; a bounded spin
 * keeps calls with an answer fast when both sides are busy talking. */
#ifndef GLS_SPIN_H
#define GLS_SPIN_H

#include <stdint.h>
#include <time.h>

/* GLSTREAM_SPIN_US (0 to 1000; default 50; 0 never spins), in ns. */
int64_t gls_spin_budget_ns(void);

static inline int64_t gls_now_ns(void)
{
	struct timespec t;
	clock_gettime(CLOCK_MONOTONIC, &t);
	return (int64_t)t.tv_sec * 1000000000 + t.tv_nsec;
}

static inline void gls_cpu_relax(void)
{
#if defined(__x86_64__) || defined(__i386__)
	__builtin_ia32_pause();
#endif
}

#endif
