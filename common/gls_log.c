#include "gls_log.h"

#include <stdarg.h>
#include <stdio.h>
#include <unistd.h>

static const char *gls_log_component = "glstream";
static enum gls_log_level gls_log_max = GLS_LOG_WARN;

void gls_log_init(const char *component, enum gls_log_level level)
{
	gls_log_component = component;
	gls_log_max = level;
}

bool gls_log_enabled(enum gls_log_level level)
{
	return level <= gls_log_max;
}

void gls_log(enum gls_log_level level, const char *fmt, ...)
{
	static const char *const names[] = {"error", "warning", "info", "debug"};
	if (!gls_log_enabled(level))
		return;
	char line[1024];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(line, sizeof(line), fmt, ap);
	va_end(ap);
	/* One write per line so that lines of several processes do not mix. */
	fprintf(stderr, "%s[%d]: %s: %s\n", gls_log_component, (int)getpid(), names[level], line);
}
