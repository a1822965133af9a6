/* OpenGL ES 3.0 buffers: the ES 3.0 targets of glBindBuffer, glBufferData's
 * usages, glMapBufferRange with every access bit and every error,
 * glFlushMappedBufferRange, glUnmapBuffer, glGetBufferPointerv,
 * glGetBufferParameteriv/i64v and glCopyBufferSubData (with an element
 * array drawn from after a copy into it). Every value, error and pixel is
 * written to $GLST_OUT/es3_buffer_map.txt, compared natively and through
 * glstream. */
#include "glst_observe.h"
#include "glst_test_util.h"

#include <GLES3/gl3.h>
#include <stdio.h>
#include <string.h>

#define W 8
#define H 8

static const GLenum targets[] = {GL_ARRAY_BUFFER, GL_ELEMENT_ARRAY_BUFFER, GL_COPY_READ_BUFFER,
                                 GL_COPY_WRITE_BUFFER, GL_PIXEL_PACK_BUFFER, GL_PIXEL_UNPACK_BUFFER,
                                 GL_UNIFORM_BUFFER, GL_TRANSFORM_FEEDBACK_BUFFER};
#define NTARGETS (sizeof(targets) / sizeof(targets[0]))

static void note_params(const char *what, GLenum target)
{
    GLint size = -1, usage = -1, mapped = -1, access = -1, length = -1, offset = -1;
    GLint64 size64 = -1, length64 = -1, offset64 = -1;
    void *pointer = (void *)1;
    glGetBufferParameteriv(target, GL_BUFFER_SIZE, &size);
    glGetBufferParameteriv(target, GL_BUFFER_USAGE, &usage);
    glGetBufferParameteriv(target, GL_BUFFER_MAPPED, &mapped);
    glGetBufferParameteriv(target, GL_BUFFER_ACCESS_FLAGS, &access);
    glGetBufferParameteriv(target, GL_BUFFER_MAP_LENGTH, &length);
    glGetBufferParameteriv(target, GL_BUFFER_MAP_OFFSET, &offset);
    glGetBufferParameteri64v(target, GL_BUFFER_SIZE, &size64);
    glGetBufferParameteri64v(target, GL_BUFFER_MAP_LENGTH, &length64);
    glGetBufferParameteri64v(target, GL_BUFFER_MAP_OFFSET, &offset64);
    glGetBufferPointerv(target, GL_BUFFER_MAP_POINTER, &pointer);
    glst_note("%s: size %d usage 0x%x mapped %d access 0x%x length %d offset %d | i64 %lld %lld %lld | pointer %s",
              what, size, usage, mapped, access, length, offset, (long long)size64, (long long)length64,
              (long long)offset64, pointer ? "set" : "NULL");
    GLST_ERR(what, GL_NO_ERROR);
}

static void note_bytes(const char *what, const unsigned char *p, int n)
{
    char line[512];
    int at = 0;
    for (int i = 0; i < n && at < (int)sizeof(line) - 4; i++)
        at += snprintf(line + at, sizeof(line) - (size_t)at, "%02x", p[i]);
    line[at] = 0;
    glst_note("%s: %s", what, line);
}

/* The contents of the buffer bound to target, read with a READ map. */
static void note_contents(const char *what, GLenum target, int n)
{
    const unsigned char *p = glMapBufferRange(target, 0, n, GL_MAP_READ_BIT);
    GLST_CHECK(p != NULL);
    if (p)
        note_bytes(what, p, n);
    GLST_CHECK(glUnmapBuffer(target) == GL_TRUE);
    GLST_ERR(what, GL_NO_ERROR);
}

static void test_targets(void)
{
    GLuint buffers[NTARGETS];
    glGenBuffers(NTARGETS, buffers);
    unsigned char data[64];
    for (int i = 0; i < 64; i++)
        data[i] = (unsigned char)(i * 7 + 1);
    static const GLenum usages[] = {GL_STREAM_DRAW, GL_STREAM_READ, GL_STREAM_COPY, GL_STATIC_DRAW,
                                    GL_STATIC_READ, GL_STATIC_COPY, GL_DYNAMIC_DRAW, GL_DYNAMIC_READ,
                                    GL_DYNAMIC_COPY};
    for (unsigned t = 0; t < NTARGETS; t++) {
        char what[64];
        snprintf(what, sizeof(what), "target 0x%x", targets[t]);
        glBindBuffer(targets[t], buffers[t]);
        GLST_ERR(what, GL_NO_ERROR);
        glBufferData(targets[t], 16 + 4 * (GLsizeiptr)t, data, usages[t % 9]);
        GLST_ERR(what, GL_NO_ERROR);
        note_params(what, targets[t]);
        note_contents(what, targets[t], 16);
    }
    /* every usage */
    for (unsigned u = 0; u < 9; u++) {
        glBufferData(GL_COPY_WRITE_BUFFER, 8, data, usages[u]);
        GLint usage = 0;
        glGetBufferParameteriv(GL_COPY_WRITE_BUFFER, GL_BUFFER_USAGE, &usage);
        glst_note("usage 0x%x reads 0x%x", usages[u], usage);
        GLST_CHECK(usage == (GLint)usages[u]);
    }
    /* errors of glBufferData and the getters */
    glBufferData(GL_COPY_WRITE_BUFFER, 8, data, GL_RGBA);
    GLST_ERR("bad usage", GL_INVALID_ENUM);
    glBufferData(GL_COPY_WRITE_BUFFER, -1, data, GL_RGBA);
    GLST_ERR("negative size before bad usage", GL_INVALID_VALUE);
    glBufferData(GL_TEXTURE_2D, 8, data, GL_STATIC_DRAW);
    GLST_ERR("bad target", GL_INVALID_ENUM);
    glBindBuffer(GL_TEXTURE_2D, buffers[0]);
    GLST_ERR("bind bad target", GL_INVALID_ENUM);
    GLint value = -7;
    GLint64 value64 = -7;
    glGetBufferParameteriv(GL_COPY_WRITE_BUFFER, GL_TEXTURE_2D, &value);
    GLST_ERR("bad pname", GL_INVALID_ENUM);
    glGetBufferParameteri64v(GL_COPY_WRITE_BUFFER, GL_TEXTURE_2D, &value64);
    GLST_ERR("bad pname 64", GL_INVALID_ENUM);
    glGetBufferParameteri64v(GL_TEXTURE_2D, GL_BUFFER_SIZE, &value64);
    GLST_ERR("bad target 64", GL_INVALID_ENUM);
    void *pointer = NULL;
    glGetBufferPointerv(GL_COPY_WRITE_BUFFER, GL_BUFFER_SIZE, &pointer);
    GLST_ERR("pointer bad pname", GL_INVALID_ENUM);
    glGetBufferPointerv(GL_TEXTURE_2D, GL_BUFFER_MAP_POINTER, &pointer);
    GLST_ERR("pointer bad target", GL_INVALID_ENUM);
    glBindBuffer(GL_COPY_READ_BUFFER, 0);
    glGetBufferParameteriv(GL_COPY_READ_BUFFER, GL_BUFFER_MAPPED, &value);
    GLST_ERR("no buffer bound", GL_INVALID_OPERATION);
    glGetBufferParameteri64v(GL_COPY_READ_BUFFER, GL_BUFFER_SIZE, &value64);
    GLST_ERR("no buffer bound 64", GL_INVALID_OPERATION);
    glGetBufferPointerv(GL_COPY_READ_BUFFER, GL_BUFFER_MAP_POINTER, &pointer);
    GLST_ERR("pointer no buffer", GL_INVALID_OPERATION);
    glst_note("untouched %d %lld", value, (long long)value64);
    glBufferData(GL_COPY_READ_BUFFER, 8, data, GL_STATIC_DRAW);
    GLST_ERR("data no buffer", GL_INVALID_OPERATION);
    /* deleting a bound buffer unbinds it */
    glBindBuffer(GL_COPY_READ_BUFFER, buffers[2]);
    glDeleteBuffers(1, &buffers[2]);
    glGetBufferParameteriv(GL_COPY_READ_BUFFER, GL_BUFFER_SIZE, &value);
    GLST_ERR("deleted", GL_INVALID_OPERATION);
    glDeleteBuffers(NTARGETS, buffers);
}

static void test_map(void)
{
    GLuint b;
    glGenBuffers(1, &b);
    glBindBuffer(GL_COPY_WRITE_BUFFER, b);
    unsigned char data[32];
    for (int i = 0; i < 32; i++)
        data[i] = (unsigned char)(0x20 + i);
    glBufferData(GL_COPY_WRITE_BUFFER, 32, data, GL_DYNAMIC_DRAW);
    const GLenum T = GL_COPY_WRITE_BUFFER;

    /* errors, in the driver's order */
    struct { GLintptr offset; GLsizeiptr length; GLbitfield access; GLenum error; const char *what; } bad[] = {
        {-1, 4, GL_MAP_READ_BIT, GL_INVALID_VALUE, "negative offset"},
        {0, -1, GL_MAP_READ_BIT, GL_INVALID_VALUE, "negative length"},
        {0, 0, GL_MAP_READ_BIT, GL_INVALID_OPERATION, "zero length"},
        {0, 0, 0x10000000, GL_INVALID_OPERATION, "zero length before bad bits"},
        {0, 4, 0x10000000 | GL_MAP_READ_BIT, GL_INVALID_VALUE, "undefined bit"},
        {0, 4, 0, GL_INVALID_OPERATION, "neither read nor write"},
        {0, 4, GL_MAP_INVALIDATE_RANGE_BIT, GL_INVALID_OPERATION, "invalidate alone"},
        {0, 4, GL_MAP_READ_BIT | GL_MAP_INVALIDATE_RANGE_BIT, GL_INVALID_OPERATION, "read + invalidate range"},
        {0, 4, GL_MAP_READ_BIT | GL_MAP_INVALIDATE_BUFFER_BIT, GL_INVALID_OPERATION, "read + invalidate buffer"},
        {0, 4, GL_MAP_READ_BIT | GL_MAP_UNSYNCHRONIZED_BIT, GL_INVALID_OPERATION, "read + unsynchronized"},
        {0, 4, GL_MAP_READ_BIT | GL_MAP_FLUSH_EXPLICIT_BIT, GL_INVALID_OPERATION, "flush without write"},
        {30, 4, GL_MAP_READ_BIT, GL_INVALID_VALUE, "past the end"},
        {33, 1, GL_MAP_WRITE_BIT, GL_INVALID_VALUE, "offset past the end"},
    };
    for (unsigned i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
        void *p = glMapBufferRange(T, bad[i].offset, bad[i].length, bad[i].access);
        GLST_CHECK(p == NULL);
        GLST_ERR(bad[i].what, bad[i].error);
    }
    glMapBufferRange(GL_TEXTURE_2D, 0, 4, GL_MAP_READ_BIT);
    GLST_ERR("map bad target", GL_INVALID_ENUM);
    glMapBufferRange(GL_PIXEL_PACK_BUFFER, 0, 4, GL_MAP_READ_BIT);
    GLST_ERR("map nothing bound", GL_INVALID_OPERATION);
    glUnmapBuffer(T);
    GLST_ERR("unmap not mapped", GL_INVALID_OPERATION);
    glUnmapBuffer(GL_TEXTURE_2D);
    GLST_ERR("unmap bad target", GL_INVALID_ENUM);
    glFlushMappedBufferRange(T, 0, 4);
    GLST_ERR("flush not mapped", GL_INVALID_OPERATION);

    /* READ: the contents; mapped state */
    unsigned char *p = glMapBufferRange(T, 4, 8, GL_MAP_READ_BIT);
    GLST_CHECK(p != NULL);
    if (p)
        note_bytes("read 4..12", p, 8);
    note_params("mapped read", T);
    void *pointer = NULL;
    glGetBufferPointerv(T, GL_BUFFER_MAP_POINTER, &pointer);
    GLST_CHECK(pointer == p);
    glMapBufferRange(T, 0, 4, GL_MAP_READ_BIT);
    GLST_ERR("map twice", GL_INVALID_OPERATION);
    glFlushMappedBufferRange(T, 0, 4);
    GLST_ERR("flush without FLUSH_EXPLICIT", GL_INVALID_OPERATION);
    GLST_CHECK(glUnmapBuffer(T) == GL_TRUE);
    note_params("unmapped", T);

    /* WRITE keeps what is not written */
    p = glMapBufferRange(T, 8, 8, GL_MAP_WRITE_BIT);
    GLST_CHECK(p != NULL);
    if (p)
        memset(p + 2, 0xa1, 3);
    note_params("mapped write", T);
    GLST_CHECK(glUnmapBuffer(T) == GL_TRUE);
    note_contents("after write", T, 32);

    /* READ | WRITE */
    p = glMapBufferRange(T, 0, 4, GL_MAP_READ_BIT | GL_MAP_WRITE_BIT);
    if (p) {
        note_bytes("read-write", p, 4);
        p[0] ^= 0xff;
    }
    GLST_CHECK(glUnmapBuffer(T) == GL_TRUE);
    note_contents("after read-write", T, 32);

    /* INVALIDATE_RANGE: the range written whole */
    p = glMapBufferRange(T, 16, 4, GL_MAP_WRITE_BIT | GL_MAP_INVALIDATE_RANGE_BIT);
    if (p)
        memset(p, 0xb2, 4);
    GLST_CHECK(glUnmapBuffer(T) == GL_TRUE);
    note_contents("after invalidate range", T, 32);

    /* INVALIDATE_BUFFER: the mapped range written whole; the rest is
     * undefined, so only the range is observed */
    p = glMapBufferRange(T, 0, 8, GL_MAP_WRITE_BIT | GL_MAP_INVALIDATE_BUFFER_BIT);
    if (p)
        memset(p, 0xc3, 8);
    GLST_CHECK(glUnmapBuffer(T) == GL_TRUE);
    note_contents("after invalidate buffer", T, 8);
    glBufferSubData(T, 0, 32, data);

    /* UNSYNCHRONIZED */
    p = glMapBufferRange(T, 24, 8, GL_MAP_WRITE_BIT | GL_MAP_UNSYNCHRONIZED_BIT);
    if (p)
        p[7] = 0xd4;
    GLST_CHECK(glUnmapBuffer(T) == GL_TRUE);
    note_contents("after unsynchronized", T, 32);

    /* FLUSH_EXPLICIT: only what is flushed lands */
    p = glMapBufferRange(T, 4, 16, GL_MAP_WRITE_BIT | GL_MAP_FLUSH_EXPLICIT_BIT);
    GLST_CHECK(p != NULL);
    if (p) {
        memset(p, 0xe5, 16);
        glFlushMappedBufferRange(T, 2, 3);
        GLST_ERR("flush", GL_NO_ERROR);
        glFlushMappedBufferRange(T, 0, 0);
        GLST_ERR("flush nothing", GL_NO_ERROR);
        glFlushMappedBufferRange(T, -1, 2);
        GLST_ERR("flush negative offset", GL_INVALID_VALUE);
        glFlushMappedBufferRange(T, 0, -2);
        GLST_ERR("flush negative length", GL_INVALID_VALUE);
        glFlushMappedBufferRange(T, 10, 7);
        GLST_ERR("flush past the mapping", GL_INVALID_VALUE);
        glFlushMappedBufferRange(GL_TEXTURE_2D, 0, 1);
        GLST_ERR("flush bad target", GL_INVALID_ENUM);
    }
    note_params("mapped flush explicit", T);
    GLST_CHECK(glUnmapBuffer(T) == GL_TRUE);
    GLint size = 0;
    glGetBufferParameteriv(T, GL_BUFFER_SIZE, &size);
    glst_note("size %d", size);
    /* only bytes 6..9 of the flush are defined (the rest of the mapping
     * is undefined after an unflushed write): observe those and outside */
    const unsigned char *q = glMapBufferRange(T, 0, 32, GL_MAP_READ_BIT);
    if (q) {
        note_bytes("flushed", q + 6, 3);
        note_bytes("before", q, 4);
        note_bytes("after", q + 20, 12);
    }
    glUnmapBuffer(T);

    /* glBufferData unmaps */
    p = glMapBufferRange(T, 0, 4, GL_MAP_WRITE_BIT);
    glBufferData(T, 12, data, GL_STREAM_READ);
    note_params("respecified while mapped", T);
    glUnmapBuffer(T);
    GLST_ERR("unmapped by glBufferData", GL_INVALID_OPERATION);
    note_contents("respecified", T, 12);

    /* the EXT and OES entry points of the same mapping see it */
    glDeleteBuffers(1, &b);
    GLST_ERR("map end", GL_NO_ERROR);
}

static GLuint program(const char *vs, const char *fs)
{
    GLuint p = glst_program(vs, fs);
    GLST_CHECK(p != 0);
    return p;
}

static void test_copy(void)
{
    GLuint b[2];
    glGenBuffers(2, b);
    unsigned char src[16], dst[16];
    for (int i = 0; i < 16; i++) {
        src[i] = (unsigned char)(0x10 + i);
        dst[i] = (unsigned char)(0x80 + i);
    }
    glBindBuffer(GL_COPY_READ_BUFFER, b[0]);
    glBufferData(GL_COPY_READ_BUFFER, 16, src, GL_STATIC_COPY);
    glBindBuffer(GL_COPY_WRITE_BUFFER, b[1]);
    glBufferData(GL_COPY_WRITE_BUFFER, 16, dst, GL_STATIC_COPY);
    glCopyBufferSubData(GL_COPY_READ_BUFFER, GL_COPY_WRITE_BUFFER, 2, 5, 6);
    GLST_ERR("copy", GL_NO_ERROR);
    note_contents("copied", GL_COPY_WRITE_BUFFER, 16);
    glCopyBufferSubData(GL_COPY_READ_BUFFER, GL_COPY_READ_BUFFER, 0, 8, 8);
    GLST_ERR("copy within", GL_NO_ERROR);
    note_contents("copied within", GL_COPY_READ_BUFFER, 16);
    glCopyBufferSubData(GL_COPY_READ_BUFFER, GL_COPY_READ_BUFFER, 0, 4, 8);
    GLST_ERR("copy overlapping", GL_INVALID_VALUE);
    glCopyBufferSubData(GL_COPY_READ_BUFFER, GL_COPY_WRITE_BUFFER, -1, 0, 4);
    GLST_ERR("copy negative read offset", GL_INVALID_VALUE);
    glCopyBufferSubData(GL_COPY_READ_BUFFER, GL_COPY_WRITE_BUFFER, 0, -1, 4);
    GLST_ERR("copy negative write offset", GL_INVALID_VALUE);
    glCopyBufferSubData(GL_COPY_READ_BUFFER, GL_COPY_WRITE_BUFFER, 0, 0, -4);
    GLST_ERR("copy negative size", GL_INVALID_VALUE);
    glCopyBufferSubData(GL_COPY_READ_BUFFER, GL_COPY_WRITE_BUFFER, 12, 0, 8);
    GLST_ERR("copy read past the end", GL_INVALID_VALUE);
    glCopyBufferSubData(GL_COPY_READ_BUFFER, GL_COPY_WRITE_BUFFER, 0, 12, 8);
    GLST_ERR("copy write past the end", GL_INVALID_VALUE);
    glCopyBufferSubData(GL_TEXTURE_2D, GL_COPY_WRITE_BUFFER, 0, 0, 4);
    GLST_ERR("copy bad read target", GL_INVALID_ENUM);
    glCopyBufferSubData(GL_COPY_READ_BUFFER, GL_TEXTURE_2D, 0, 0, 4);
    GLST_ERR("copy bad write target", GL_INVALID_ENUM);
    glBindBuffer(GL_PIXEL_PACK_BUFFER, 0);
    glCopyBufferSubData(GL_COPY_READ_BUFFER, GL_PIXEL_PACK_BUFFER, 0, 0, 4);
    GLST_ERR("copy to nothing", GL_INVALID_OPERATION);
    void *p = glMapBufferRange(GL_COPY_WRITE_BUFFER, 0, 4, GL_MAP_WRITE_BIT);
    GLST_CHECK(p != NULL);
    glCopyBufferSubData(GL_COPY_READ_BUFFER, GL_COPY_WRITE_BUFFER, 0, 0, 4);
    GLST_ERR("copy to a mapped buffer", GL_INVALID_OPERATION);
    glUnmapBuffer(GL_COPY_WRITE_BUFFER);

    /* an element array drawn, then overwritten by a copy, drawn again:
     * the new indices are the ones used */
    GLuint prog = program("attribute vec2 pos; void main() { gl_Position = vec4(pos, 0.0, 1.0); gl_PointSize = 1.0; }",
                          "precision mediump float; void main() { gl_FragColor = vec4(1.0, 0.5, 0.0, 1.0); }");
    glUseProgram(prog);
    static const GLfloat quads[] = {
        -1, -1, 0, -1, -1, 1, 0, 1, /* left half */
        0, -1, 1, -1, 0, 1, 1, 1,   /* right half */
    };
    GLuint vbo, ebo, indices_b;
    glGenBuffers(1, &vbo);
    glGenBuffers(1, &ebo);
    glGenBuffers(1, &indices_b);
    glBindBuffer(GL_ARRAY_BUFFER, vbo);
    glBufferData(GL_ARRAY_BUFFER, sizeof(quads), quads, GL_STATIC_DRAW);
    GLuint pos = (GLuint)glGetAttribLocation(prog, "pos");
    glVertexAttribPointer(pos, 2, GL_FLOAT, GL_FALSE, 0, 0);
    glEnableVertexAttribArray(pos);
    static const GLushort left[] = {0, 1, 2, 2, 1, 3};
    static const GLushort right[] = {4, 5, 6, 6, 5, 7};
    glBindBuffer(GL_ELEMENT_ARRAY_BUFFER, ebo);
    glBufferData(GL_ELEMENT_ARRAY_BUFFER, sizeof(left), left, GL_STATIC_DRAW);
    glBindBuffer(GL_COPY_READ_BUFFER, indices_b);
    glBufferData(GL_COPY_READ_BUFFER, sizeof(right), right, GL_STATIC_DRAW);
    glClearColor(0, 0, 0, 1);
    glClear(GL_COLOR_BUFFER_BIT);
    glDrawElements(GL_TRIANGLES, 6, GL_UNSIGNED_SHORT, 0);
    GLST_ERR("draw left", GL_NO_ERROR);
    unsigned char px[4][4];
    glReadPixels(1, 4, 1, 1, GL_RGBA, GL_UNSIGNED_BYTE, px[0]);
    glReadPixels(6, 4, 1, 1, GL_RGBA, GL_UNSIGNED_BYTE, px[1]);
    glCopyBufferSubData(GL_COPY_READ_BUFFER, GL_ELEMENT_ARRAY_BUFFER, 0, 0, sizeof(right));
    GLST_ERR("copy into the element array", GL_NO_ERROR);
    glClear(GL_COLOR_BUFFER_BIT);
    glDrawElements(GL_TRIANGLES, 6, GL_UNSIGNED_SHORT, 0);
    GLST_ERR("draw right", GL_NO_ERROR);
    glReadPixels(1, 4, 1, 1, GL_RGBA, GL_UNSIGNED_BYTE, px[2]);
    glReadPixels(6, 4, 1, 1, GL_RGBA, GL_UNSIGNED_BYTE, px[3]);
    for (int i = 0; i < 4; i++)
        glst_note("pixel %d: %d %d %d %d", i, px[i][0], px[i][1], px[i][2], px[i][3]);
    GLST_CHECK(px[0][0] == 255 && px[1][0] == 0 && px[2][0] == 0 && px[3][0] == 255);
    glDisableVertexAttribArray(pos);
    glBindBuffer(GL_ARRAY_BUFFER, 0);
    glDeleteBuffers(1, &vbo);
    glDeleteBuffers(1, &ebo);
    glDeleteBuffers(1, &indices_b);
    glDeleteBuffers(2, b);
    glDeleteProgram(prog);
    GLST_ERR("copy end", GL_NO_ERROR);
}

int main(void)
{
    glst_egl egl;
    glst_observe_open("es3_buffer_map");
    /* an ES 2 request gets ES 3 both ways (Mesa: 3.2, glstream: 3.0), and
     * needs no config with EGL_OPENGL_ES3_BIT */
    if (!glst_egl_setup_version(&egl, W, H, 2)) {
        GLST_CHECK(!"EGL setup");
        return glst_finish();
    }
    test_targets();
    test_map();
    test_copy();
    GLST_ERR("end", GL_NO_ERROR);
    glst_egl_teardown(&egl);
    glst_observe_close();
    return glst_finish();
}
