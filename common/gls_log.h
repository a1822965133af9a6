/* Logging to stderr with a component prefix. */
#ifndef GLS_LOG_H
#define GLS_LOG_H

#include <stdbool.h>

enum gls_log_level { GLS_LOG_ERROR, GLS_LOG_WARN, GLS_LOG_INFO, GLS_LOG_DEBUG };

void gls_log_init(const char *component, enum gls_log_level level);
bool gls_log_enabled(enum gls_log_level level);
void gls_log(enum gls_log_level level, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

#define gls_error(...) gls_log(GLS_LOG_ERROR, __VA_ARGS__)
#define gls_warn(...) gls_log(GLS_LOG_WARN, __VA_ARGS__)
#define gls_info(...) gls_log(GLS_LOG_INFO, __VA_ARGS__)
#define gls_debug(...) gls_log(GLS_LOG_DEBUG, __VA_ARGS__)

#endif
