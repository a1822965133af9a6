/* What the worker validates and defines beyond ES 2.0 (issue 4), through
 * the real client library: draws reading past a buffer get
 * GL_INVALID_OPERATION and draw nothing (as WebGL), index ranges follow
 * every write, vertex arrays keep their own buffers, everything readable
 * starts zeroed, and GL memory is limited. glstream only: a native driver
 * leaves these undefined. gls_hostile.py runs it against a server started
 * with --max-gl-memory=67108864 (64 MiB). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "glst_test_util.h"

#define SIZE 32
#define MIB (1024 * 1024)

static const char *vs_src =
    "attribute vec2 pos;\n"
    "void main() { gl_Position = vec4(pos, 0.0, 1.0); gl_PointSize = 1.0; }\n";
static const char *fs_src =
    "precision mediump float;\n"
    "void main() { gl_FragColor = vec4(1.0, 0.0, 0.0, 1.0); }\n";

/* A triangle covering the whole viewport, three times, then zeros. */
static const GLfloat big_triangle[128] = {-1, -1, 3, -1, -1, 3, -1, -1, 3, -1, -1, 3, -1, -1, 3, -1, -1, 3};

static unsigned center_red(void)
{
    GLubyte px[4] = {0};
    glReadPixels(SIZE / 2, SIZE / 2, 1, 1, GL_RGBA, GL_UNSIGNED_BYTE, px);
    return px[0];
}

static void clear_black(void)
{
    glClearColor(0, 0, 0, 1);
    glClear(GL_COLOR_BUFFER_BIT);
}

/* A draw: the error it gets and whether it drew red at the center. */
#define CHECK_ARRAYS(count, error, drawn)                 \
    do {                                                  \
        clear_black();                                    \
        glDrawArrays(GL_TRIANGLES, 0, (count));           \
        GLST_CHECK_GL(error);                             \
        GLST_CHECK_INT(center_red(), (drawn) ? 255 : 0);  \
    } while (0)

#define CHECK_ELEMENTS(count, offset, error, drawn)                                    \
    do {                                                                               \
        clear_black();                                                                 \
        glDrawElements(GL_TRIANGLES, (count), GL_UNSIGNED_SHORT, (const void *)(offset)); \
        GLST_CHECK_GL(error);                                                          \
        GLST_CHECK_INT(center_red(), (drawn) ? 255 : 0);                               \
    } while (0)

static GLuint vertex_buffer(GLsizeiptr bytes)
{
    GLuint b;
    glGenBuffers(1, &b);
    glBindBuffer(GL_ARRAY_BUFFER, b);
    glBufferData(GL_ARRAY_BUFFER, bytes, big_triangle, GL_STATIC_DRAW);
    glVertexAttribPointer(0, 2, GL_FLOAT, GL_FALSE, 0, 0);
    glEnableVertexAttribArray(0);
    return b;
}

static void test_buffer_attributes(void)
{
    GLuint b = vertex_buffer(3 * 8); /* three vertices */
    CHECK_ARRAYS(3, GL_NO_ERROR, true);
    CHECK_ARRAYS(4, GL_INVALID_OPERATION, false); /* vertex 3 is past the end */
    CHECK_ARRAYS(6, GL_INVALID_OPERATION, false);
    clear_black();
    glDrawArrays(GL_TRIANGLES, 0x7ffffff0, 3);
    GLST_CHECK_GL(GL_INVALID_OPERATION);
    /* an offset and a stride reaching past the end */
    glVertexAttribPointer(0, 2, GL_FLOAT, GL_FALSE, 0, (const void *)8);
    CHECK_ARRAYS(3, GL_INVALID_OPERATION, false);
    glVertexAttribPointer(0, 2, GL_FLOAT, GL_FALSE, 12, 0);
    CHECK_ARRAYS(3, GL_INVALID_OPERATION, false); /* 2 * 12 + 8 = 32 > 24 */
    /* an enabled attribute the program does not read: not checked (as
     * WebGL), the driver does not fetch it */
    GLuint tiny;
    glGenBuffers(1, &tiny);
    glBindBuffer(GL_ARRAY_BUFFER, tiny);
    glBufferData(GL_ARRAY_BUFFER, 4, big_triangle, GL_STATIC_DRAW);
    glVertexAttribPointer(3, 4, GL_FLOAT, GL_FALSE, 0, 0);
    glEnableVertexAttribArray(3);
    glBindBuffer(GL_ARRAY_BUFFER, b);
    glVertexAttribPointer(0, 2, GL_FLOAT, GL_FALSE, 0, 0);
    CHECK_ARRAYS(3, GL_NO_ERROR, true);
    glDisableVertexAttribArray(3);
    glDeleteBuffers(1, &tiny);
    /* a larger buffer through glBufferData: fine again */
    glBufferData(GL_ARRAY_BUFFER, 6 * 8, big_triangle, GL_STATIC_DRAW);
    glVertexAttribPointer(0, 2, GL_FLOAT, GL_FALSE, 0, 0);
    CHECK_ARRAYS(6, GL_NO_ERROR, true);
    /* shrunk: the attribute reads past it again */
    glBufferData(GL_ARRAY_BUFFER, 8, big_triangle, GL_STATIC_DRAW);
    CHECK_ARRAYS(3, GL_INVALID_OPERATION, false);
    glDisableVertexAttribArray(0);
    glDeleteBuffers(1, &b);
}

static void test_elements(void)
{
    GLuint vb = vertex_buffer(3 * 8);
    static const GLushort indices[] = {0, 1, 2};
    GLuint ib;
    glGenBuffers(1, &ib);
    glBindBuffer(GL_ELEMENT_ARRAY_BUFFER, ib);
    glBufferData(GL_ELEMENT_ARRAY_BUFFER, sizeof(indices), indices, GL_STATIC_DRAW);
    CHECK_ELEMENTS(3, 0, GL_NO_ERROR, true);
    CHECK_ELEMENTS(6, 0, GL_INVALID_OPERATION, false); /* indices past the buffer's end */
    CHECK_ELEMENTS(3, 2, GL_INVALID_OPERATION, false);
    CHECK_ELEMENTS(3, 0, GL_NO_ERROR, true); /* the cached range again */
    /* an index past the vertex buffer, written with glBufferSubData */
    GLushort five = 5, two = 2;
    glBufferSubData(GL_ELEMENT_ARRAY_BUFFER, 4, 2, &five);
    CHECK_ELEMENTS(3, 0, GL_INVALID_OPERATION, false);
    glBufferSubData(GL_ELEMENT_ARRAY_BUFFER, 4, 2, &two);
    CHECK_ELEMENTS(3, 0, GL_NO_ERROR, true);
    /* the same through a mapped buffer */
    if (glst_has_gl_ext("GL_OES_mapbuffer")) {
        PFNGLMAPBUFFEROESPROC map = (PFNGLMAPBUFFEROESPROC)eglGetProcAddress("glMapBufferOES");
        PFNGLUNMAPBUFFEROESPROC unmap = (PFNGLUNMAPBUFFEROESPROC)eglGetProcAddress("glUnmapBufferOES");
        GLushort *p = map(GL_ELEMENT_ARRAY_BUFFER, GL_WRITE_ONLY_OES);
        GLST_CHECK(p != NULL);
        if (p) {
            p[0] = 0, p[1] = 1, p[2] = 7;
            GLST_CHECK(unmap(GL_ELEMENT_ARRAY_BUFFER));
            CHECK_ELEMENTS(3, 0, GL_INVALID_OPERATION, false);
            p = map(GL_ELEMENT_ARRAY_BUFFER, GL_WRITE_ONLY_OES);
            p[0] = 0, p[1] = 1, p[2] = 2;
            unmap(GL_ELEMENT_ARRAY_BUFFER);
            CHECK_ELEMENTS(3, 0, GL_NO_ERROR, true);
        }
    }
    /* re-specified with glBufferData: the new contents count */
    static const GLushort far[] = {0, 1, 2, 0, 1, 300};
    glBufferData(GL_ELEMENT_ARRAY_BUFFER, sizeof(far), far, GL_STATIC_DRAW);
    CHECK_ELEMENTS(3, 0, GL_NO_ERROR, true);
    CHECK_ELEMENTS(3, 6, GL_INVALID_OPERATION, false);
    /* a buffer filled as vertex data, then used for indices */
    GLuint other;
    static const GLushort late[] = {0, 1, 2, 9};
    glGenBuffers(1, &other);
    glBindBuffer(GL_ARRAY_BUFFER, other);
    glBufferData(GL_ARRAY_BUFFER, sizeof(late), late, GL_STATIC_DRAW);
    glBindBuffer(GL_ELEMENT_ARRAY_BUFFER, other);
    CHECK_ELEMENTS(3, 0, GL_NO_ERROR, true);
    CHECK_ELEMENTS(4, 0, GL_INVALID_OPERATION, false);
    glBindBuffer(GL_ARRAY_BUFFER, other); /* written while not the element binding */
    glBufferSubData(GL_ARRAY_BUFFER, 6, 2, &two);
    CHECK_ELEMENTS(4, 0, GL_NO_ERROR, true);
    glDisableVertexAttribArray(0);
    GLuint buffers[] = {vb, ib, other};
    glDeleteBuffers(3, buffers);
}

static void test_vertex_arrays(void)
{
    if (!glst_has_gl_ext("GL_OES_vertex_array_object")) {
        printf("no GL_OES_vertex_array_object: vertex array checks skipped\n");
        return;
    }
    PFNGLGENVERTEXARRAYSOESPROC gen = (PFNGLGENVERTEXARRAYSOESPROC)eglGetProcAddress("glGenVertexArraysOES");
    PFNGLBINDVERTEXARRAYOESPROC bind = (PFNGLBINDVERTEXARRAYOESPROC)eglGetProcAddress("glBindVertexArrayOES");
    PFNGLDELETEVERTEXARRAYSOESPROC del =
        (PFNGLDELETEVERTEXARRAYSOESPROC)eglGetProcAddress("glDeleteVertexArraysOES");
    GLuint vaos[2], small, large;
    gen(2, vaos);
    bind(vaos[0]);
    small = vertex_buffer(3 * 8);
    bind(vaos[1]);
    large = vertex_buffer(6 * 8);
    bind(0);
    glDisableVertexAttribArray(0);
    CHECK_ARRAYS(3, GL_NO_ERROR, false); /* vertex array 0 reads nothing */
    bind(vaos[1]);
    CHECK_ARRAYS(6, GL_NO_ERROR, true);
    bind(vaos[0]);
    CHECK_ARRAYS(6, GL_INVALID_OPERATION, false);
    CHECK_ARRAYS(3, GL_NO_ERROR, true);
    bind(vaos[1]);
    CHECK_ARRAYS(6, GL_NO_ERROR, true);
    /* the small buffer deleted while only an unbound vertex array holds
     * it: that array still reads the small one, whatever name comes next */
    bind(0);
    glDeleteBuffers(1, &small);
    GLuint again = vertex_buffer(64 * 8);
    glDisableVertexAttribArray(0);
    bind(vaos[0]);
    CHECK_ARRAYS(6, GL_INVALID_OPERATION, false);
    CHECK_ARRAYS(3, GL_NO_ERROR, true);
    /* deleting the bound vertex array binds 0 */
    del(1, &vaos[0]);
    GLint bound = -1;
    glGetIntegerv(GL_VERTEX_ARRAY_BINDING_OES, &bound);
    GLST_CHECK_INT(bound, 0);
    CHECK_ARRAYS(3, GL_NO_ERROR, false);
    del(1, &vaos[1]);
    glDeleteBuffers(1, &large);
    glDeleteBuffers(1, &again);
}

/* Counts bytes that are not zero in the 16x16 RGBA image read back. */
static int nonzero_read(int x, int y)
{
    GLubyte px[16 * 16 * 4];
    memset(px, 0xAB, sizeof(px));
    glReadPixels(x, y, 16, 16, GL_RGBA, GL_UNSIGNED_BYTE, px);
    int n = 0;
    for (size_t i = 0; i < sizeof(px); i++)
        n += px[i] != 0;
    return n;
}

static void test_zero_contents(void)
{
    GLuint fbo, rb[2], tex[2];
    glGenFramebuffers(1, &fbo);
    glBindFramebuffer(GL_FRAMEBUFFER, fbo);
    /* a renderbuffer painted white and deleted, then a new one: zero,
     * and the clearing leaves the client's state alone */
    glGenRenderbuffers(2, rb);
    glBindRenderbuffer(GL_RENDERBUFFER, rb[0]);
    glRenderbufferStorage(GL_RENDERBUFFER, GL_RGBA4, 16, 16);
    glFramebufferRenderbuffer(GL_FRAMEBUFFER, GL_COLOR_ATTACHMENT0, GL_RENDERBUFFER, rb[0]);
    glClearColor(1, 1, 1, 1);
    glClear(GL_COLOR_BUFFER_BIT);
    GLST_CHECK_INT(nonzero_read(0, 0), 16 * 16 * 4);
    glDeleteRenderbuffers(1, &rb[0]);
    glEnable(GL_SCISSOR_TEST);
    glScissor(1, 2, 3, 4);
    glColorMask(GL_TRUE, GL_FALSE, GL_TRUE, GL_TRUE);
    glClearColor(0.5f, 0.25f, 1, 1);
    glBindRenderbuffer(GL_RENDERBUFFER, rb[1]);
    glRenderbufferStorage(GL_RENDERBUFFER, GL_RGBA4, 16, 16);
    GLint bound = -1, box[4] = {0};
    GLfloat color[4] = {0};
    GLboolean mask[4] = {0};
    glGetIntegerv(GL_FRAMEBUFFER_BINDING, &bound);
    GLST_CHECK_INT(bound, fbo);
    glGetIntegerv(GL_RENDERBUFFER_BINDING, &bound);
    GLST_CHECK_INT(bound, rb[1]);
    GLST_CHECK(glIsEnabled(GL_SCISSOR_TEST));
    glGetIntegerv(GL_SCISSOR_BOX, box);
    GLST_CHECK(box[0] == 1 && box[1] == 2 && box[2] == 3 && box[3] == 4);
    glGetFloatv(GL_COLOR_CLEAR_VALUE, color);
    GLST_CHECK(color[0] == 0.5f && color[1] == 0.25f && color[2] == 1 && color[3] == 1);
    glGetBooleanv(GL_COLOR_WRITEMASK, mask);
    GLST_CHECK(mask[0] && !mask[1] && mask[2] && mask[3]);
    glDisable(GL_SCISSOR_TEST);
    glColorMask(GL_TRUE, GL_TRUE, GL_TRUE, GL_TRUE);
    glFramebufferRenderbuffer(GL_FRAMEBUFFER, GL_COLOR_ATTACHMENT0, GL_RENDERBUFFER, rb[1]);
    GLST_CHECK_HEX(glCheckFramebufferStatus(GL_FRAMEBUFFER), GL_FRAMEBUFFER_COMPLETE);
    GLST_CHECK_INT(nonzero_read(0, 0), 0);
    GLST_CHECK_GL(GL_NO_ERROR);
    /* a texture from glTexImage2D(NULL), after one painted white */
    glGenTextures(2, tex);
    for (int i = 0; i < 2; i++) {
        glBindTexture(GL_TEXTURE_2D, tex[i]);
        glTexImage2D(GL_TEXTURE_2D, 0, GL_RGBA, 16, 16, 0, GL_RGBA, GL_UNSIGNED_BYTE, NULL);
        glFramebufferTexture2D(GL_FRAMEBUFFER, GL_COLOR_ATTACHMENT0, GL_TEXTURE_2D, tex[i], 0);
        GLST_CHECK_HEX(glCheckFramebufferStatus(GL_FRAMEBUFFER), GL_FRAMEBUFFER_COMPLETE);
        GLST_CHECK_INT(nonzero_read(0, 0), 0);
        glClearColor(1, 1, 1, 1);
        glClear(GL_COLOR_BUFFER_BIT);
        if (i == 0)
            glDeleteTextures(1, &tex[0]);
    }
    /* glBufferData(NULL) over a buffer that held data: zeros, read back
     * through a read mapping */
    if (glst_has_gl_ext("GL_EXT_map_buffer_range")) {
        PFNGLMAPBUFFERRANGEEXTPROC map_range =
            (PFNGLMAPBUFFERRANGEEXTPROC)eglGetProcAddress("glMapBufferRangeEXT");
        PFNGLUNMAPBUFFEROESPROC unmap = (PFNGLUNMAPBUFFEROESPROC)eglGetProcAddress("glUnmapBufferOES");
        GLuint buf;
        GLubyte ones[4096];
        memset(ones, 0xff, sizeof(ones));
        glGenBuffers(1, &buf);
        glBindBuffer(GL_ARRAY_BUFFER, buf);
        glBufferData(GL_ARRAY_BUFFER, sizeof(ones), ones, GL_STATIC_DRAW);
        glBufferData(GL_ARRAY_BUFFER, sizeof(ones), NULL, GL_STATIC_DRAW);
        const GLubyte *p = map_range(GL_ARRAY_BUFFER, 0, sizeof(ones), GL_MAP_READ_BIT_EXT);
        GLST_CHECK(p != NULL);
        int nonzero = 0;
        for (size_t i = 0; p && i < sizeof(ones); i++)
            nonzero += p[i] != 0;
        GLST_CHECK_INT(nonzero, 0);
        if (p)
            unmap(GL_ARRAY_BUFFER);
        glDeleteBuffers(1, &buf);
        GLST_CHECK_GL(GL_NO_ERROR);
    }
    /* glReadPixels partly outside the window: zeros there */
    glBindFramebuffer(GL_FRAMEBUFFER, 0);
    glClearColor(1, 1, 1, 1);
    glClear(GL_COLOR_BUFFER_BIT);
    GLST_CHECK_INT(nonzero_read(0, 0), 16 * 16 * 4);
    GLST_CHECK_INT(nonzero_read(-8, -8), 8 * 8 * 4);
    GLST_CHECK_INT(nonzero_read(SIZE - 4, SIZE - 4), 4 * 4 * 4);
    /* glCopyTexImage2D partly outside: zeros there, white inside; the
     * level is specified over a texture painted white first */
    glBindTexture(GL_TEXTURE_2D, tex[1]);
    glCopyTexImage2D(GL_TEXTURE_2D, 0, GL_RGBA, -8, -4, 16, 16, 0);
    GLST_CHECK_GL(GL_NO_ERROR);
    glBindFramebuffer(GL_FRAMEBUFFER, fbo);
    glFramebufferTexture2D(GL_FRAMEBUFFER, GL_COLOR_ATTACHMENT0, GL_TEXTURE_2D, tex[1], 0);
    GLST_CHECK_INT(nonzero_read(0, 0), 8 * 12 * 4);
    /* glCopyTexSubImage2D partly outside: texels from outside unchanged */
    glBindFramebuffer(GL_FRAMEBUFFER, 0);
    glClearColor(0, 0, 1, 0);
    glClear(GL_COLOR_BUFFER_BIT);
    glCopyTexSubImage2D(GL_TEXTURE_2D, 0, 0, 0, SIZE - 8, SIZE - 8, 16, 16);
    GLST_CHECK_GL(GL_NO_ERROR);
    glBindFramebuffer(GL_FRAMEBUFFER, fbo);
    GLubyte px[16 * 16 * 4];
    glReadPixels(0, 0, 16, 16, GL_RGBA, GL_UNSIGNED_BYTE, px);
    /* (0,0) came from inside (blue); (15,15) from outside: as the first
     * copy left it (white, from (7,11)); (0,15) zero from both copies */
    GLST_CHECK(px[0] == 0 && px[1] == 0 && px[2] == 255 && px[3] == 0);
    GLST_CHECK(!memcmp(px + (15 * 16 + 15) * 4, (GLubyte[4]){255, 255, 255, 255}, 4));
    GLST_CHECK(!memcmp(px + (15 * 16 + 0) * 4, (GLubyte[4]){0, 0, 0, 0}, 4));
    GLST_CHECK_GL(GL_NO_ERROR);
    glBindFramebuffer(GL_FRAMEBUFFER, 0);
    glDeleteFramebuffers(1, &fbo);
    glDeleteRenderbuffers(1, &rb[1]);
    glDeleteTextures(1, &tex[1]);
}

/* A new depth renderbuffer holds depth 0: a triangle at depth 0.25 fails
 * GL_LESS everywhere (depth 1, the usual clear value, would let it pass). */
static void test_zero_depth(GLenum format)
{
    GLuint fbo, rb[2], vb;
    glGenFramebuffers(1, &fbo);
    glBindFramebuffer(GL_FRAMEBUFFER, fbo);
    glGenRenderbuffers(2, rb);
    glBindRenderbuffer(GL_RENDERBUFFER, rb[0]);
    glRenderbufferStorage(GL_RENDERBUFFER, GL_RGBA4, SIZE, SIZE);
    glFramebufferRenderbuffer(GL_FRAMEBUFFER, GL_COLOR_ATTACHMENT0, GL_RENDERBUFFER, rb[0]);
    glBindRenderbuffer(GL_RENDERBUFFER, rb[1]);
    glClearDepthf(1);
    glRenderbufferStorage(GL_RENDERBUFFER, format, SIZE, SIZE);
    GLST_CHECK_GL(GL_NO_ERROR);
    GLfloat depth = 0;
    glGetFloatv(GL_DEPTH_CLEAR_VALUE, &depth);
    GLST_CHECK(depth == 1);
    glFramebufferRenderbuffer(GL_FRAMEBUFFER, GL_DEPTH_ATTACHMENT, GL_RENDERBUFFER, rb[1]);
    GLST_CHECK_HEX(glCheckFramebufferStatus(GL_FRAMEBUFFER), GL_FRAMEBUFFER_COMPLETE);
    static const GLfloat at_quarter[] = {-1, -1, -0.5f, 3, -1, -0.5f, -1, 3, -0.5f};
    glGenBuffers(1, &vb);
    glBindBuffer(GL_ARRAY_BUFFER, vb);
    glBufferData(GL_ARRAY_BUFFER, sizeof(at_quarter), at_quarter, GL_STATIC_DRAW);
    glVertexAttribPointer(0, 3, GL_FLOAT, GL_FALSE, 0, 0);
    glEnableVertexAttribArray(0);
    clear_black();
    glEnable(GL_DEPTH_TEST);
    glDepthFunc(GL_LESS);
    glDrawArrays(GL_TRIANGLES, 0, 3);
    GLST_CHECK_INT(center_red(), 0);
    glClear(GL_DEPTH_BUFFER_BIT); /* depth 1: now it passes */
    glDrawArrays(GL_TRIANGLES, 0, 3);
    GLST_CHECK_INT(center_red(), 255);
    glDisable(GL_DEPTH_TEST);
    glDisableVertexAttribArray(0);
    glBindFramebuffer(GL_FRAMEBUFFER, 0);
    glDeleteFramebuffers(1, &fbo);
    glDeleteRenderbuffers(2, rb);
    glDeleteBuffers(1, &vb);
    GLST_CHECK_GL(GL_NO_ERROR);
}

/* The server runs with --max-gl-memory of 64 MiB. */
static void test_memory_limit(glst_egl *e)
{
    GLuint tex[2], buf, rb;
    glGenTextures(2, tex);
    glBindTexture(GL_TEXTURE_2D, tex[0]);
    glTexImage2D(GL_TEXTURE_2D, 0, GL_RGBA, 4096, 4096, 0, GL_RGBA, GL_UNSIGNED_BYTE, NULL); /* 64 MiB */
    GLST_CHECK_GL(GL_OUT_OF_MEMORY);
    glTexImage2D(GL_TEXTURE_2D, 0, GL_RGBA, 256, 256, 0, GL_RGBA, GL_UNSIGNED_BYTE, NULL);
    GLST_CHECK_GL(GL_NO_ERROR);
    /* 40 MiB, specified twice: counted once */
    glTexImage2D(GL_TEXTURE_2D, 0, GL_RGBA, 2560, 4096, 0, GL_RGBA, GL_UNSIGNED_BYTE, NULL);
    GLST_CHECK_GL(GL_NO_ERROR);
    glTexImage2D(GL_TEXTURE_2D, 0, GL_RGBA, 2560, 4096, 0, GL_RGBA, GL_UNSIGNED_BYTE, NULL);
    GLST_CHECK_GL(GL_NO_ERROR);
    glBindTexture(GL_TEXTURE_2D, tex[1]);
    glTexImage2D(GL_TEXTURE_2D, 0, GL_RGBA, 2560, 4096, 0, GL_RGBA, GL_UNSIGNED_BYTE, NULL);
    GLST_CHECK_GL(GL_OUT_OF_MEMORY);
    glGenBuffers(1, &buf);
    glBindBuffer(GL_ARRAY_BUFFER, buf);
    glBufferData(GL_ARRAY_BUFFER, 30 * MIB, NULL, GL_STATIC_DRAW);
    GLST_CHECK_GL(GL_OUT_OF_MEMORY);
    glBufferData(GL_ARRAY_BUFFER, MIB, NULL, GL_STATIC_DRAW);
    GLST_CHECK_GL(GL_NO_ERROR);
    glGenRenderbuffers(1, &rb);
    glBindRenderbuffer(GL_RENDERBUFFER, rb);
    glRenderbufferStorage(GL_RENDERBUFFER, GL_RGBA4, 4096, 4096); /* 32 MiB */
    GLST_CHECK_GL(GL_OUT_OF_MEMORY);
    glRenderbufferStorage(GL_RENDERBUFFER, GL_RGBA4, 64, 64);
    GLST_CHECK_GL(GL_NO_ERROR);
    /* a 4 GiB texture request */
    if (glst_has_gl_ext("GL_OES_texture_float")) {
        GLint max = 0;
        glGetIntegerv(GL_MAX_TEXTURE_SIZE, &max);
        if (max >= 16384) {
            glTexImage2D(GL_TEXTURE_2D, 0, GL_RGBA, 16384, 16384, 0, GL_RGBA, GL_FLOAT, NULL);
            GLST_CHECK_GL(GL_OUT_OF_MEMORY);
        }
    }
    /* deletion gives the memory back */
    glDeleteTextures(1, &tex[0]);
    glTexImage2D(GL_TEXTURE_2D, 0, GL_RGBA, 2560, 4096, 0, GL_RGBA, GL_UNSIGNED_BYTE, NULL);
    GLST_CHECK_GL(GL_NO_ERROR);
    /* and so does the end of the context */
    static const EGLint ctx_attribs[] = {EGL_CONTEXT_CLIENT_VERSION, 2, EGL_NONE};
    EGLContext other = eglCreateContext(e->dpy, e->config, EGL_NO_CONTEXT, ctx_attribs);
    eglMakeCurrent(e->dpy, e->surf, e->surf, other);
    eglDestroyContext(e->dpy, e->ctx);
    e->ctx = other;
    glBindTexture(GL_TEXTURE_2D, 0);
    glTexImage2D(GL_TEXTURE_2D, 0, GL_RGBA, 2560, 4096, 0, GL_RGBA, GL_UNSIGNED_BYTE, NULL);
    GLST_CHECK_GL(GL_NO_ERROR);
    glTexImage2D(GL_TEXTURE_2D, 0, GL_RGBA, 1, 1, 0, GL_RGBA, GL_UNSIGNED_BYTE, NULL);
}

int main(void)
{
    glst_egl e;
    if (!glst_egl_setup(&e, SIZE, SIZE))
        return 1;
    GLuint program = glst_program(vs_src, fs_src);
    glBindAttribLocation(program, 0, "pos");
    glLinkProgram(program);
    glUseProgram(program);
    glViewport(0, 0, SIZE, SIZE);
    test_buffer_attributes();
    test_elements();
    test_vertex_arrays();
    test_zero_contents();
    test_zero_depth(GL_DEPTH_COMPONENT16);
    if (glst_has_gl_ext("GL_OES_packed_depth_stencil"))
        test_zero_depth(GL_DEPTH24_STENCIL8_OES);
    test_memory_limit(&e);
    GLST_CHECK_GL(GL_NO_ERROR);
    glst_egl_teardown(&e);
    return glst_finish();
}
