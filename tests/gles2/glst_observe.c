/* Observations of the compared test programs (see glst_observe.h). */
#include "glst_observe.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>

#include "glst_test_util.h"

static FILE *glst_out;

void glst_observe_open(const char *name)
{
    const char *dir = getenv("GLST_OUT");
    if (!dir)
        return;
    char path[4096];
    snprintf(path, sizeof(path), "%s/%s.txt", dir, name);
    glst_out = fopen(path, "w");
    GLST_CHECK(glst_out != NULL);
}

void glst_observe_close(void)
{
    if (glst_out)
        fclose(glst_out);
    glst_out = NULL;
}

void glst_note(const char *fmt, ...)
{
    if (!glst_out)
        return;
    va_list ap;
    va_start(ap, fmt);
    vfprintf(glst_out, fmt, ap);
    va_end(ap);
    fputc('\n', glst_out);
}

void glst_observe_error(const char *what, GLenum expected, const char *file, int line)
{
    GLenum e = glGetError();
    glst_note("%s: error 0x%x", what, e);
    glst_check_hex_impl(e, expected, what, file, line);
}

GLint glst_get_int(GLenum pname)
{
    GLint v = -12345;
    glGetIntegerv(pname, &v);
    glst_note("glGetIntegerv 0x%x = %d", pname, v);
    return v;
}
