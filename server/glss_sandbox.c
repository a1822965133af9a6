/* Worker confinement. Order matters: the host EGL driver has opened what it
 * needs (libraries, /dev/dri nodes on hardware, its config files) before
 * glss_sandbox_apply runs; after it, the worker can compute, allocate
 * memory, run threads, and talk over the fds it already has.
 *
 * Choices (docs/security.md explains them):
 * - RLIMIT_DATA, not RLIMIT_AS: llvmpipe threads and glibc malloc arenas
 *   reserve large PROT_NONE ranges that RLIMIT_AS would count; RLIMIT_DATA
 *   (Linux >= 4.7) counts what is really usable: heap and private writable
 *   mappings.
 * - No RLIMIT_NPROC: it counts threads per *user*, so 0 would stop
 *   llvmpipe from creating its rasteriser threads (created per context).
 *   fork/exec are blocked by seccomp instead: clone only with CLONE_THREAD,
 *   clone3 answers ENOSYS (its flags are behind a pointer a filter cannot
 *   read; glibc then falls back to clone), execve and friends are fatal.
 * - Default action SCMP_ACT_TRAP: a SIGSYS handler writes the forbidden
 *   system call's number to stderr and exits, so the listener logs why a
 *   worker ended. (SCMP_ACT_KILL_PROCESS would leave no reason.) The call
 *   never runs either way; a compromised worker that replaces the handler
 *   only loops on SIGSYS.
 * - SCMP_ACT_ERRNO for harmless probes libraries make and cope with
 *   (opening files, stat, ioctl on stdio for isatty): they fail, nothing
 *   happens, the worker goes on.
 */
#include "glss_sandbox.h"

#include <errno.h>
#include <fcntl.h>
#include <linux/sched.h>
#include <seccomp.h>
#include <signal.h>
#include <stdio.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <unistd.h>

#include "gls_log.h"
#include "gls_protocol.h"
#include "glss_shader_cache.h"

struct glss_limits glss_limits = {
	.max_memory_mib = GLSS_DEFAULT_MAX_MEMORY_MIB,
	.max_objects = GLSS_DEFAULT_MAX_OBJECTS,
	.max_gl_memory = GLSS_DEFAULT_MAX_GL_MEMORY,
	.max_message = GLS_MAX_MESSAGE,
	.sandbox = true,
};

struct glss_auth glss_auth;

void glss_sandbox_prepare(void)
{
	if (!glss_limits.sandbox)
		return;
	/* Mesa's own shader cache lives in the user's home and is shared by
	 * every program: a compromised worker must not be able to poison it.
	 * A worker gets a cache of its client's own instead
	 * (glss_shader_cache_select), or none. */
	setenv("MESA_SHADER_CACHE_DISABLE", "true", 1);
	setenv("MESA_DISK_CACHE_SINGLE_FILE", "0", 1);
}

/* System calls rendering and talking to the client need (x86-64 names; the
 * ones an architecture lacks are skipped). Found with strace -f on workers
 * running es2gears and glmark2-es2 on Mesa llvmpipe. */
static const char *const glss_allowed[] = {
	/* the client connection (and GLSTREAM_RECORD, stderr) */
	"read", "readv", "write", "writev", "recvfrom", "recvmsg", "sendto", "sendmsg",
	"poll", "ppoll", "close", "shutdown", "lseek",
	/* memory: heap, textures, and the LLVM JIT (mprotect to PROT_EXEC) */
	"brk", "mmap", "munmap", "mprotect", "madvise", "mremap",
	/* llvmpipe threads and their synchronisation */
	"futex", "set_robust_list", "get_robust_list", "rseq", "sched_yield",
	"sched_getaffinity", "sched_setaffinity", "sched_getparam", "sched_getscheduler",
	"sched_setscheduler", "setpriority", "getpriority", "membarrier",
	"exit", "exit_group", "restart_syscall", "gettid", "getpid", "getppid", "set_tid_address",
	/* signals: the SIGSYS handler, glibc's thread cancellation masks */
	"rt_sigreturn", "rt_sigprocmask", "rt_sigaction", "sigaltstack",
	/* time and randomness */
	"clock_gettime", "clock_getres", "clock_nanosleep", "nanosleep", "gettimeofday",
	"time", "getrandom",
	/* harmless queries of Mesa and glibc */
	"getuid", "geteuid", "getgid", "getegid", "sysinfo", "uname", "getrlimit",
	"prlimit64", "getcpu", "fstat",
};

/* Probes that fail with EPERM instead of ending the worker. */
static const char *const glss_refused[] = {
	"open", "openat", "openat2", "stat", "lstat", "newfstatat", "statx", "access",
	"faccessat", "faccessat2", "readlink", "readlinkat", "ioctl", "mkdir", "mkdirat",
	"rename", "renameat", "renameat2", "unlink", "unlinkat", "flock", "socket",
	"memfd_create", "getdents64", "sched_setattr", "sched_getattr",
};

/* The shader cache's reads, writes and locks on the files the driver
 * opened before the sandbox (descriptors only: no path). */
static const char *const glss_cache_io[] = {
	"flock", "pread64", "pwrite64", "fsync", "fdatasync",
};

static void glss_on_sigsys(int sig, siginfo_t *info, void *context)
{
	(void)sig;
	(void)context;
	/* async-signal-safe: no stdio, no malloc */
	char line[160] = "glstream-server: error: worker ending: system call ";
	size_t len = strlen(line);
	char digits[16];
	int n = info->si_syscall, d = 0;
	if (n < 0)
		n = 0;
	do {
		digits[d++] = (char)('0' + n % 10);
		n /= 10;
	} while (n && d < (int)sizeof(digits));
	while (d)
		line[len++] = digits[--d];
	static const char tail[] = " is outside the sandbox\n";
	memcpy(line + len, tail, sizeof(tail) - 1);
	len += sizeof(tail) - 1;
	ssize_t ignored = write(2, line, len);
	(void)ignored;
	_exit(70);
}

static bool glss_set_rlimit(int resource, const char *name, rlim_t value)
{
	struct rlimit limit = {.rlim_cur = value, .rlim_max = value};
	if (setrlimit(resource, &limit) == 0)
		return true;
	gls_error("cannot set %s to %llu: %s", name, (unsigned long long)value, strerror(errno));
	return false;
}

/* AddressSanitizer's shadow memory counts as data: a sanitizer build
 * (tools/run-tests --sanitize) runs without the memory limit. */
#if defined(__SANITIZE_ADDRESS__)
#define GLSS_ADDRESS_SANITIZER 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define GLSS_ADDRESS_SANITIZER 1
#endif
#endif
#ifndef GLSS_ADDRESS_SANITIZER
#define GLSS_ADDRESS_SANITIZER 0
#endif

static bool glss_apply_rlimits(void)
{
	bool ok = glss_set_rlimit(RLIMIT_CORE, "RLIMIT_CORE", 0) &&
		  glss_set_rlimit(RLIMIT_NOFILE, "RLIMIT_NOFILE", GLSS_MAX_OPEN_FILES);
	if (ok && glss_shader_cache.in_use) {
		/* The shader cache files stop growing there: a write past it
		 * fails (EFBIG) instead of raising SIGXFSZ. */
		signal(SIGXFSZ, SIG_IGN);
		ok = glss_set_rlimit(RLIMIT_FSIZE, "RLIMIT_FSIZE", (rlim_t)glss_shader_cache.max_mib << 20);
	}
	if (ok && glss_limits.max_memory_mib && !GLSS_ADDRESS_SANITIZER) {
		struct rlimit cur;
		rlim_t want = (rlim_t)glss_limits.max_memory_mib * 1024u * 1024u;
		/* Never above what the server itself was given. */
		if (getrlimit(RLIMIT_DATA, &cur) == 0 && cur.rlim_max != RLIM_INFINITY && cur.rlim_max < want)
			want = cur.rlim_max;
		ok = glss_set_rlimit(RLIMIT_DATA, "RLIMIT_DATA", want);
	}
	return ok;
}

/* One argument comparison (SCMP_A0... leave datum_b to the compiler). */
#define GLSS_ARG(n, cmp, a, b) ((struct scmp_arg_cmp){.arg = (n), .op = (cmp), .datum_a = (a), .datum_b = (b)})

static bool glss_add_rule(scmp_filter_ctx ctx, uint32_t action, const char *name, unsigned count,
			  const struct scmp_arg_cmp *args)
{
	int nr = seccomp_syscall_resolve_name(name);
	if (nr == __NR_SCMP_ERROR)
		return true; /* not a system call of this architecture */
	int rc = seccomp_rule_add_array(ctx, action, nr, count, args);
	if (rc < 0) {
		gls_error("seccomp: cannot add a rule for %s: %s", name, strerror(-rc));
		return false;
	}
	return true;
}

static bool glss_apply_seccomp(void)
{
	struct sigaction sa = {.sa_sigaction = glss_on_sigsys, .sa_flags = SA_SIGINFO};
	sigemptyset(&sa.sa_mask);
	if (sigaction(SIGSYS, &sa, NULL) < 0) {
		gls_error("cannot install the SIGSYS handler: %s", strerror(errno));
		return false;
	}
	sigset_t sys;
	sigemptyset(&sys);
	sigaddset(&sys, SIGSYS);
	pthread_sigmask(SIG_UNBLOCK, &sys, NULL);

	scmp_filter_ctx ctx = seccomp_init(SCMP_ACT_TRAP);
	if (!ctx) {
		gls_error("seccomp: cannot create a filter");
		return false;
	}
	bool ok = true;
	/* Every thread (llvmpipe's are running already) gets the filter. */
	if (seccomp_attr_set(ctx, SCMP_FLTATR_CTL_TSYNC, 1) < 0 ||
	    seccomp_attr_set(ctx, SCMP_FLTATR_CTL_NNP, 1) < 0) {
		gls_error("seccomp: cannot set the filter attributes");
		ok = false;
	}
	for (size_t i = 0; ok && i < sizeof(glss_allowed) / sizeof(glss_allowed[0]); i++)
		ok = glss_add_rule(ctx, SCMP_ACT_ALLOW, glss_allowed[i], 0, NULL);
	for (size_t i = 0; ok && i < sizeof(glss_refused) / sizeof(glss_refused[0]); i++) {
		/* The shader cache's files are open already: it may lock them. */
		if (glss_shader_cache.in_use && strcmp(glss_refused[i], "flock") == 0)
			continue;
		ok = glss_add_rule(ctx, SCMP_ACT_ERRNO(EPERM), glss_refused[i], 0, NULL);
	}
	for (size_t i = 0; ok && glss_shader_cache.in_use && i < sizeof(glss_cache_io) / sizeof(glss_cache_io[0]); i++)
		ok = glss_add_rule(ctx, SCMP_ACT_ALLOW, glss_cache_io[i], 0, NULL);

	/* Threads only: a clone without CLONE_THREAD (a fork) traps. */
	const struct scmp_arg_cmp thread_only[] = {GLSS_ARG(0, SCMP_CMP_MASKED_EQ, CLONE_THREAD, CLONE_THREAD)};
	ok = ok && glss_add_rule(ctx, SCMP_ACT_ALLOW, "clone", 1, thread_only);
	ok = ok && glss_add_rule(ctx, SCMP_ACT_ERRNO(ENOSYS), "clone3", 0, NULL);
	/* prctl: naming threads only (llvmpipe-N) */
	/* signals to ourselves only (abort() of an assertion) */
	const struct scmp_arg_cmp self[] = {GLSS_ARG(0, SCMP_CMP_EQ, (scmp_datum_t)getpid(), 0)};
	ok = ok && glss_add_rule(ctx, SCMP_ACT_ALLOW, "tgkill", 1, self);
	const struct scmp_arg_cmp set_name[] = {GLSS_ARG(0, SCMP_CMP_EQ, PR_SET_NAME, 0)};
	const struct scmp_arg_cmp get_name[] = {GLSS_ARG(0, SCMP_CMP_EQ, PR_GET_NAME, 0)};
	ok = ok && glss_add_rule(ctx, SCMP_ACT_ALLOW, "prctl", 1, set_name);
	ok = ok && glss_add_rule(ctx, SCMP_ACT_ALLOW, "prctl", 1, get_name);
	/* fcntl: file status and close-on-exec flags, and the seals of frame
	 * memory the client passes (glsAttachFrameMemory) */
	static const int fcntl_cmds[] = {F_GETFL, F_SETFL, F_GETFD, F_SETFD, F_GET_SEALS};
	for (size_t i = 0; ok && i < sizeof(fcntl_cmds) / sizeof(fcntl_cmds[0]); i++) {
		const struct scmp_arg_cmp cmd[] = {GLSS_ARG(1, SCMP_CMP_EQ, (scmp_datum_t)fcntl_cmds[i], 0)};
		ok = glss_add_rule(ctx, SCMP_ACT_ALLOW, "fcntl", 1, cmd);
	}

	if (ok) {
		int rc = seccomp_load(ctx);
		if (rc < 0) {
			gls_error("seccomp: cannot load the filter: %s", strerror(-rc));
			ok = false;
		}
	}
	seccomp_release(ctx);
	return ok;
}

bool glss_sandbox_apply(void)
{
	if (!glss_limits.sandbox) {
		gls_debug("sandbox disabled (--no-sandbox)");
		return true;
	}
	if (prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) < 0) {
		gls_error("cannot set no_new_privs: %s", strerror(errno));
		return false;
	}
	/* Never dumpable: no core, no ptrace by the user's other processes. */
	prctl(PR_SET_DUMPABLE, 0, 0, 0, 0);
	if (!glss_apply_rlimits() || !glss_apply_seccomp())
		return false;
	gls_debug("sandbox applied: seccomp, no_new_privs, RLIMIT_DATA %llu MiB",
		  (unsigned long long)glss_limits.max_memory_mib);
	return true;
}
