/* Through glstream only (native Mesa offers ES 3.2 with other extensions):
 * GL_MAJOR_VERSION, GL_MINOR_VERSION, GL_NUM_EXTENSIONS and glGetStringi
 * agree with GL_VERSION and GL_EXTENSIONS in every getter; no program
 * binary format is offered; pnames, targets and indexed state of later
 * versions are refused. Run capped at ES 2.0 (GLSTREAM_ES_VERSION=2.0) it
 * checks that the ES 3.0 entry points and pnames are refused there. */
#include "glst_test_util.h"

#include <GLES3/gl3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The version this build offers (meson.build's es_version_implemented),
 * or less when GLSTREAM_ES_VERSION caps it (3.0, 3.1) */
static int offered_minor(void)
{
    const char *cap = getenv("GLSTREAM_ES_VERSION");
    int minor = GLSTREAM_ES_VERSION_MINOR;
    if (cap && cap[0] == '3' && cap[1] == '.' && cap[2] >= '0' && cap[2] - '0' < minor)
        minor = cap[2] - '0';
    return minor;
}

/* ES 3.1 and 3.2 values a context offered less must refuse */
#define GL_MAX_COMPUTE_UNIFORM_BLOCKS 0x91BB
#define GL_MAX_FRAMEBUFFER_WIDTH 0x9315
#define GL_SHADER_STORAGE_BUFFER_BINDING 0x90D3
#define GL_PRIMITIVES_GENERATED 0x8C87
#define GL_MAX_GEOMETRY_UNIFORM_BLOCKS 0x8A2C
#define GL_TEXTURE_BINDING_BUFFER 0x8C2C

static void check_int(GLenum pname, GLint expected)
{
    GLint i[2] = {-7, -7};
    GLint64 l[2] = {-7, -7};
    GLboolean b[2] = {7, 7};
    GLfloat f[2] = {-7, -7};
    glGetIntegerv(pname, i);
    glGetInteger64v(pname, l);
    glGetBooleanv(pname, b);
    glGetFloatv(pname, f);
    GLST_CHECK_INT(i[0], expected);
    GLST_CHECK_INT(l[0], expected);
    GLST_CHECK_INT(b[0], expected != 0);
    GLST_CHECK(f[0] == (GLfloat)expected);
    GLST_CHECK(i[1] == -7 && l[1] == -7 && b[1] == 7 && f[1] == -7);
    GLST_CHECK_GL(GL_NO_ERROR);
}

static void check_refused(GLenum pname)
{
    GLint i = -7;
    glGetIntegerv(pname, &i);
    GLST_CHECK_GL(GL_INVALID_ENUM);
    GLST_CHECK_INT(i, -7);
}

/* ES 3.1 state a context offered 3.0 refuses */
static void later_than_es30(void)
{
    check_refused(GL_MAX_COMPUTE_UNIFORM_BLOCKS);
    check_refused(GL_MAX_FRAMEBUFFER_WIDTH);
    GLint64 l = -7;
    glGetInteger64v(GL_MAX_FRAMEBUFFER_WIDTH, &l);
    GLST_CHECK_GL(GL_INVALID_ENUM);
    GLST_CHECK_INT(l, -7);
    GLint i = -7;
    glGetIntegeri_v(GL_SHADER_STORAGE_BUFFER_BINDING, 0, &i);
    GLST_CHECK_GL(GL_INVALID_ENUM);
    glGetInteger64i_v(GL_SHADER_STORAGE_BUFFER_BINDING, 0, &l);
    GLST_CHECK_GL(GL_INVALID_ENUM);
    GLST_CHECK(i == -7 && l == -7);
    GLuint q = 0;
    glGenQueries(1, &q);
    glBeginQuery(GL_PRIMITIVES_GENERATED, q);
    GLST_CHECK_GL(GL_INVALID_ENUM);
    glGetQueryiv(GL_PRIMITIVES_GENERATED, GL_CURRENT_QUERY, &i);
    GLST_CHECK_GL(GL_INVALID_ENUM);
    glDeleteQueries(1, &q);

}

static void es3(void)
{
    const int OFFERED_MINOR = offered_minor();
    const char *version = (const char *)glGetString(GL_VERSION);
    char expected[16];
    snprintf(expected, sizeof(expected), "OpenGL ES 3.%d ", OFFERED_MINOR);
    GLST_CHECK(strncmp(version, expected, strlen(expected)) == 0);
    check_int(GL_MAJOR_VERSION, 3);
    check_int(GL_MINOR_VERSION, OFFERED_MINOR);

    /* GL_EXTENSIONS, one by one */
    const char *list = (const char *)glGetString(GL_EXTENSIONS);
    GLint count = 0;
    for (const char *p = list; *p;) {
        size_t n = strcspn(p, " ");
        if (n) {
            const char *one = (const char *)glGetStringi(GL_EXTENSIONS, (GLuint)count);
            GLST_CHECK(one && strlen(one) == n && strncmp(one, p, n) == 0);
            count++;
        }
        p += n + (p[n] == ' ');
    }
    GLST_CHECK(count > 0);
    GLST_CHECK_GL(GL_NO_ERROR);
    check_int(GL_NUM_EXTENSIONS, count);
    GLST_CHECK(glGetStringi(GL_EXTENSIONS, (GLuint)count) == NULL);
    GLST_CHECK_GL(GL_INVALID_VALUE);
    GLST_CHECK(glGetStringi(GL_EXTENSIONS, 0xffffffffu) == NULL);
    GLST_CHECK_GL(GL_INVALID_VALUE);
    GLST_CHECK(glGetStringi(GL_VERSION, 0) == NULL);
    GLST_CHECK_GL(GL_INVALID_ENUM);
    /* the version is no extension */
    GLST_CHECK(!strstr(list, "VERSION"));

    /* no program binary format, whatever the host offers */
    check_int(GL_NUM_PROGRAM_BINARY_FORMATS, 0);
    GLint formats[2] = {-7, -7};
    glGetIntegerv(GL_PROGRAM_BINARY_FORMATS, formats);
    GLST_CHECK_GL(GL_NO_ERROR);
    GLST_CHECK_INT(formats[0], -7);

    /* later versions */
    if (OFFERED_MINOR >= 2) {
        /* ES 3.2 state is there */
        check_int(GL_TEXTURE_BINDING_BUFFER, 0);
        GLint i = -7;
        glGetIntegerv(GL_MAX_GEOMETRY_UNIFORM_BLOCKS, &i);
        GLST_CHECK_GL(GL_NO_ERROR);
        GLST_CHECK(i >= 12); /* ES 3.2 table 21.50's minimum */
    } else if (OFFERED_MINOR == 1) {
        check_refused(GL_MAX_GEOMETRY_UNIFORM_BLOCKS);
        check_refused(GL_TEXTURE_BINDING_BUFFER);
        GLuint q = 0;
        glGenQueries(1, &q);
        glBeginQuery(GL_PRIMITIVES_GENERATED, q);
        GLST_CHECK_GL(GL_INVALID_ENUM);
        glDeleteQueries(1, &q);
    } else {
        later_than_es30();
    }
    /* a wait longer than the client's slices returns at once when signalled */
    GLsync s = glFenceSync(GL_SYNC_GPU_COMMANDS_COMPLETE, 0);
    glFinish();
    GLST_CHECK_HEX(glClientWaitSync(s, 0, ~0ull), GL_ALREADY_SIGNALED);
    glDeleteSync(s);
    GLST_CHECK_GL(GL_NO_ERROR);
}

static void es2(void)
{
    const char *version = (const char *)glGetString(GL_VERSION);
    GLST_CHECK(strncmp(version, "OpenGL ES 2.0 ", 14) == 0);
    check_refused(GL_MAJOR_VERSION);
    check_refused(GL_NUM_EXTENSIONS);
    check_refused(GL_MAX_3D_TEXTURE_SIZE);
    check_refused(GL_COPY_READ_BUFFER_BINDING);
    check_refused(GL_NUM_PROGRAM_BINARY_FORMATS);
    /* the ES 3.0 entry points are outside the context's API */
    GLST_CHECK(glGetStringi(GL_EXTENSIONS, 0) == NULL);
    GLST_CHECK_GL(GL_INVALID_OPERATION);
    GLST_CHECK(glFenceSync(GL_SYNC_GPU_COMMANDS_COMPLETE, 0) == 0);
    GLST_CHECK_GL(GL_INVALID_OPERATION);
    GLST_CHECK(!glIsSync((GLsync)(uintptr_t)1));
    GLST_CHECK_GL(GL_INVALID_OPERATION);
    GLuint q = 0;
    glGenQueries(1, &q);
    GLST_CHECK_GL(GL_INVALID_OPERATION);
    GLST_CHECK_INT(q, 0);
    GLST_CHECK(!glIsQuery(1));
    GLST_CHECK_GL(GL_INVALID_OPERATION);
    glBeginQuery(GL_ANY_SAMPLES_PASSED, 1);
    GLST_CHECK_GL(GL_INVALID_OPERATION);
    GLint64 l = -7;
    glGetInteger64v(GL_VIEWPORT, &l);
    GLST_CHECK_GL(GL_INVALID_OPERATION);
    GLint i = -7;
    glGetIntegeri_v(GL_UNIFORM_BUFFER_BINDING, 0, &i);
    GLST_CHECK_GL(GL_INVALID_OPERATION);
    GLST_CHECK(l == -7 && i == -7);
}

int main(void)
{
    glst_egl e;
    if (!glst_egl_setup(&e, 16, 16))
        return 1;
    const char *version = (const char *)glGetString(GL_VERSION);
    printf("GL_VERSION: %s\n", version);
    if (strncmp(version, "OpenGL ES 2.0 ", 14) == 0)
        es2();
    else
        es3();
    glst_egl_teardown(&e);
    return glst_finish();
}
