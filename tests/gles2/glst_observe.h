/* Observations of the compared test programs (run natively and through
 * glstream by tests/harness/gls_compare_native.py): every value, error and
 * pixel they see is written, one per line, to $GLST_OUT/NAME.txt, and the
 * two runs' files must be identical. */
#ifndef GLST_OBSERVE_H
#define GLST_OBSERVE_H

#include <GLES2/gl2.h>

/* Opens $GLST_OUT/<name>.txt (nothing to write without GLST_OUT). */
void glst_observe_open(const char *name);
void glst_observe_close(void);

/* One line of observation. */
void glst_note(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* Asserts the next GL error and records it. */
#define GLST_ERR(what, expected) glst_observe_error(what, expected, __FILE__, __LINE__)
void glst_observe_error(const char *what, GLenum expected, const char *file, int line);

/* glGetIntegerv of one value, recorded. */
GLint glst_get_int(GLenum pname);

#endif
