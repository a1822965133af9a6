/* OpenGL ES 3.2 GL_STENCIL_INDEX8 textures, compared natively and through
 * glstream: glTexStorage2D/3D (zeroed) and glTexImage2D/3D with
 * GL_STENCIL_INDEX / GL_UNSIGNED_BYTE (client memory and a pixel unpack
 * buffer), sub-images, the texture as a stencil attachment (stencil test,
 * clears) and sampled through a usampler2D; stencil texturing of a
 * depth-stencil texture (GL_DEPTH_STENCIL_TEXTURE_MODE); level
 * parameters and the errors of mismatched formats and types. Skipped
 * (noted) in a context older than ES 3.2. */
#include <stdio.h>
#include <string.h>

#include <GLES3/gl32.h>

#include "glst_observe.h"
#include "glst_test_util.h"

#define W 16
#define H 16

static GLuint fetch_prog, fetch_array_prog;

static void note_frame(const char *what)
{
    static unsigned char px[W * H * 4];
    memset(px, 0xcd, sizeof(px));
    glReadPixels(0, 0, W, H, GL_RGBA, GL_UNSIGNED_BYTE, px);
    uint32_t hash = 2166136261u;
    for (size_t i = 0; i < sizeof(px); i++)
        hash = (hash ^ px[i]) * 16777619u;
    const unsigned char *a = px, *m = px + (H / 2 * W + W / 2 + 3) * 4, *b = px + sizeof(px) - 4;
    glst_note("%s: err 0x%x hash %08x first %u,%u,%u,%u mid %u,%u,%u,%u last %u,%u,%u,%u", what, glGetError(), hash,
              a[0], a[1], a[2], a[3], m[0], m[1], m[2], m[3], b[0], b[1], b[2], b[3]);
}

static void quad(void)
{
    static const GLfloat q[] = {-1, -1, 1, -1, -1, 1, 1, 1};
    glBindBuffer(GL_ARRAY_BUFFER, 0);
    glVertexAttribPointer(0, 2, GL_FLOAT, GL_FALSE, 0, q);
    glEnableVertexAttribArray(0);
    glDrawArrays(GL_TRIANGLE_STRIP, 0, 4);
}

/* The stencil values of a texture bound to target, as red (value / 255). */
static void note_stencil(const char *what, GLenum target, GLuint tex, int layer)
{
    GLint fb = 0;
    glGetIntegerv(GL_FRAMEBUFFER_BINDING, &fb);
    glBindFramebuffer(GL_FRAMEBUFFER, 0);
    GLuint prog = target == GL_TEXTURE_2D_ARRAY ? fetch_array_prog : fetch_prog;
    glUseProgram(prog);
    glBindTexture(target, tex);
    glUniform1i(glGetUniformLocation(prog, "layer"), layer);
    glViewport(0, 0, W, H);
    glDisable(GL_STENCIL_TEST);
    glClearColor(0.5f, 0.5f, 0.5f, 0.5f);
    glClear(GL_COLOR_BUFFER_BIT);
    quad();
    note_frame(what);
    glBindFramebuffer(GL_FRAMEBUFFER, (GLuint)fb);
}

static void nearest(GLenum target)
{
    glTexParameteri(target, GL_TEXTURE_MIN_FILTER, GL_NEAREST);
    glTexParameteri(target, GL_TEXTURE_MAG_FILTER, GL_NEAREST);
}

static void test_stencil8(void)
{
    static const char *vs = "#version 320 es\n"
                            "layout(location = 0) in vec2 pos;\n"
                            "void main() { gl_Position = vec4(pos, 0.0, 1.0); }\n";
    fetch_prog = glst_program(vs, "#version 320 es\n"
                                  "precision mediump float;\n"
                                  "uniform highp usampler2D s;\n"
                                  "uniform int layer;\n"
                                  "out vec4 c;\n"
                                  "void main() {\n"
                                  "  uint v = texelFetch(s, ivec2(gl_FragCoord.xy), 0).r;\n"
                                  "  c = vec4(float(v) / 255.0, 0.0, float(layer), 1.0);\n"
                                  "}\n");
    fetch_array_prog = glst_program(vs, "#version 320 es\n"
                                        "precision mediump float;\n"
                                        "uniform highp usampler2DArray s;\n"
                                        "uniform int layer;\n"
                                        "out vec4 c;\n"
                                        "void main() {\n"
                                        "  uint v = texelFetch(s, ivec3(gl_FragCoord.xy, layer), 0).r;\n"
                                        "  c = vec4(float(v) / 255.0, 0.0, 1.0, 1.0);\n"
                                        "}\n");
    GLST_ERR("usampler programs", GL_NO_ERROR);

    static unsigned char values[W * H * 4]; /* the largest pair below reads 4 bytes a texel */
    for (int i = 0; i < (int)sizeof(values); i++)
        values[i] = (unsigned char)(i * 7 + 3);

    /* immutable storage: zero, then a sub-image */
    GLuint tex;
    glGenTextures(1, &tex);
    glBindTexture(GL_TEXTURE_2D, tex);
    glTexStorage2D(GL_TEXTURE_2D, 2, GL_STENCIL_INDEX8, W, H);
    GLST_ERR("glTexStorage2D GL_STENCIL_INDEX8", GL_NO_ERROR);
    nearest(GL_TEXTURE_2D);
    note_stencil("new storage (zero)", GL_TEXTURE_2D, tex, 0);
    static const GLenum pnames[] = {GL_TEXTURE_INTERNAL_FORMAT, GL_TEXTURE_STENCIL_SIZE, GL_TEXTURE_DEPTH_SIZE,
                                    GL_TEXTURE_RED_SIZE, GL_TEXTURE_WIDTH};
    for (size_t i = 0; i < sizeof(pnames) / sizeof(pnames[0]); i++) {
        GLint v = -1;
        glGetTexLevelParameteriv(GL_TEXTURE_2D, 0, pnames[i], &v);
        glst_note("level parameter 0x%x = %d err 0x%x", pnames[i], v, glGetError());
    }
    glPixelStorei(GL_UNPACK_ALIGNMENT, 1);
    glTexSubImage2D(GL_TEXTURE_2D, 0, 2, 3, 9, 7, GL_STENCIL_INDEX, GL_UNSIGNED_BYTE, values);
    GLST_ERR("glTexSubImage2D GL_STENCIL_INDEX", GL_NO_ERROR);
    note_stencil("sub-image", GL_TEXTURE_2D, tex, 0);
    glTexSubImage2D(GL_TEXTURE_2D, 0, 0, 0, W, H, GL_STENCIL_INDEX, GL_FLOAT, values);
    glst_note("GL_STENCIL_INDEX with GL_FLOAT: err 0x%x", glGetError());
    glTexSubImage2D(GL_TEXTURE_2D, 0, 0, 0, W, H, GL_RED, GL_UNSIGNED_BYTE, values);
    glst_note("GL_RED into a stencil texture: err 0x%x", glGetError());
    glTexSubImage2D(GL_TEXTURE_2D, 0, 0, 0, W, H, GL_DEPTH_STENCIL, GL_UNSIGNED_INT_24_8, values);
    glst_note("GL_DEPTH_STENCIL into a stencil texture: err 0x%x", glGetError());

    /* as the stencil attachment: clears and the stencil test */
    GLuint fb, color;
    glGenFramebuffers(1, &fb);
    glBindFramebuffer(GL_FRAMEBUFFER, fb);
    glGenTextures(1, &color);
    glBindTexture(GL_TEXTURE_2D, color);
    glTexStorage2D(GL_TEXTURE_2D, 1, GL_RGBA8, W, H);
    glFramebufferTexture2D(GL_FRAMEBUFFER, GL_COLOR_ATTACHMENT0, GL_TEXTURE_2D, color, 0);
    glFramebufferTexture2D(GL_FRAMEBUFFER, GL_STENCIL_ATTACHMENT, GL_TEXTURE_2D, tex, 0);
    glst_note("colour + stencil texture: status 0x%x err 0x%x", glCheckFramebufferStatus(GL_FRAMEBUFFER),
              glGetError());
    GLint bits = -1;
    glGetFramebufferAttachmentParameteriv(GL_FRAMEBUFFER, GL_STENCIL_ATTACHMENT,
                                          GL_FRAMEBUFFER_ATTACHMENT_STENCIL_SIZE, &bits);
    glst_note("attachment stencil size %d err 0x%x", bits, glGetError());
    glEnable(GL_SCISSOR_TEST);
    glScissor(0, 0, W / 2, H);
    glClearStencil(5);
    glClear(GL_STENCIL_BUFFER_BIT);
    glDisable(GL_SCISSOR_TEST);
    GLST_ERR("stencil clear", GL_NO_ERROR);
    glUseProgram(fetch_prog);
    glEnable(GL_STENCIL_TEST);
    glStencilFunc(GL_EQUAL, 5, 0xff);
    glStencilOp(GL_KEEP, GL_KEEP, GL_INCR);
    glClearColor(0, 0, 0, 0);
    glClear(GL_COLOR_BUFFER_BIT);
    glBindTexture(GL_TEXTURE_2D, 0);
    quad();
    glDisable(GL_STENCIL_TEST);
    note_frame("drawn where stencil is 5");
    note_stencil("stencil after the draw", GL_TEXTURE_2D, tex, 0);
    glBindFramebuffer(GL_FRAMEBUFFER, 0);

    /* glTexImage2D: with values, then without (zero) */
    GLuint img;
    glGenTextures(1, &img);
    glBindTexture(GL_TEXTURE_2D, img);
    nearest(GL_TEXTURE_2D);
    glTexImage2D(GL_TEXTURE_2D, 0, GL_STENCIL_INDEX8, W, H, 0, GL_STENCIL_INDEX, GL_UNSIGNED_BYTE, values);
    GLST_ERR("glTexImage2D GL_STENCIL_INDEX8", GL_NO_ERROR);
    note_stencil("glTexImage2D", GL_TEXTURE_2D, img, 0);
    GLuint img0;
    glGenTextures(1, &img0);
    glBindTexture(GL_TEXTURE_2D, img0);
    nearest(GL_TEXTURE_2D);
    glTexImage2D(GL_TEXTURE_2D, 0, GL_STENCIL_INDEX8, W, H, 0, GL_STENCIL_INDEX, GL_UNSIGNED_BYTE, NULL);
    GLST_ERR("glTexImage2D GL_STENCIL_INDEX8 without data", GL_NO_ERROR);
    note_stencil("glTexImage2D without data (zero)", GL_TEXTURE_2D, img0, 0);
    glDeleteTextures(1, &img0);
    glBindTexture(GL_TEXTURE_2D, img);
    glTexImage2D(GL_TEXTURE_2D, 0, GL_STENCIL_INDEX8, W, H, 0, GL_RED, GL_UNSIGNED_BYTE, values);
    glst_note("GL_STENCIL_INDEX8 from GL_RED: err 0x%x", glGetError());
    glTexImage2D(GL_TEXTURE_2D, 0, GL_R8, W, H, 0, GL_STENCIL_INDEX, GL_UNSIGNED_BYTE, values);
    glst_note("GL_R8 from GL_STENCIL_INDEX: err 0x%x", glGetError());
    glTexImage2D(GL_TEXTURE_2D, 0, GL_STENCIL_INDEX, W, H, 0, GL_STENCIL_INDEX, GL_UNSIGNED_BYTE, values);
    glst_note("unsized GL_STENCIL_INDEX: err 0x%x", glGetError());

    /* from a pixel unpack buffer */
    GLuint pbo;
    glGenBuffers(1, &pbo);
    glBindBuffer(GL_PIXEL_UNPACK_BUFFER, pbo);
    glBufferData(GL_PIXEL_UNPACK_BUFFER, W * H, values + 17, GL_STATIC_DRAW);
    glTexImage2D(GL_TEXTURE_2D, 0, GL_STENCIL_INDEX8, W, H, 0, GL_STENCIL_INDEX, GL_UNSIGNED_BYTE, (void *)0);
    GLST_ERR("glTexImage2D from a pixel unpack buffer", GL_NO_ERROR);
    glTexImage2D(GL_TEXTURE_2D, 0, GL_STENCIL_INDEX8, W, H, 0, GL_STENCIL_INDEX, GL_UNSIGNED_BYTE, (void *)1);
    GLST_ERR("one byte past the pixel unpack buffer", GL_INVALID_OPERATION);
    glBindBuffer(GL_PIXEL_UNPACK_BUFFER, 0);
    note_stencil("from a pixel unpack buffer", GL_TEXTURE_2D, img, 0);

    /* 3D images and storage of 2D arrays */
    GLuint arr;
    glGenTextures(1, &arr);
    glBindTexture(GL_TEXTURE_2D_ARRAY, arr);
    nearest(GL_TEXTURE_2D_ARRAY);
    glTexImage3D(GL_TEXTURE_2D_ARRAY, 0, GL_STENCIL_INDEX8, W, H, 2, 0, GL_STENCIL_INDEX, GL_UNSIGNED_BYTE, values);
    GLST_ERR("glTexImage3D GL_STENCIL_INDEX8", GL_NO_ERROR);
    note_stencil("glTexImage3D layer 1", GL_TEXTURE_2D_ARRAY, arr, 1);
    GLuint arr2;
    glGenTextures(1, &arr2);
    glBindTexture(GL_TEXTURE_2D_ARRAY, arr2);
    nearest(GL_TEXTURE_2D_ARRAY);
    glTexStorage3D(GL_TEXTURE_2D_ARRAY, 1, GL_STENCIL_INDEX8, W, H, 3);
    GLST_ERR("glTexStorage3D GL_STENCIL_INDEX8", GL_NO_ERROR);
    note_stencil("glTexStorage3D layer 2 (zero)", GL_TEXTURE_2D_ARRAY, arr2, 2);
    glTexSubImage3D(GL_TEXTURE_2D_ARRAY, 0, 0, 0, 2, W, H, 1, GL_STENCIL_INDEX, GL_UNSIGNED_BYTE, values + 5);
    GLST_ERR("glTexSubImage3D GL_STENCIL_INDEX", GL_NO_ERROR);
    note_stencil("glTexSubImage3D layer 2", GL_TEXTURE_2D_ARRAY, arr2, 2);
    GLuint t3d;
    glGenTextures(1, &t3d);
    glBindTexture(GL_TEXTURE_3D, t3d);
    glTexStorage3D(GL_TEXTURE_3D, 1, GL_STENCIL_INDEX8, W, H, 2);
    glst_note("3D stencil storage: err 0x%x", glGetError());

    /* stencil texturing of a depth-stencil texture */
    GLuint ds;
    glGenTextures(1, &ds);
    glBindTexture(GL_TEXTURE_2D, ds);
    nearest(GL_TEXTURE_2D);
    glTexStorage2D(GL_TEXTURE_2D, 1, GL_DEPTH24_STENCIL8, W, H);
    glTexParameteri(GL_TEXTURE_2D, GL_DEPTH_STENCIL_TEXTURE_MODE, GL_STENCIL_INDEX);
    GLST_ERR("GL_DEPTH_STENCIL_TEXTURE_MODE GL_STENCIL_INDEX", GL_NO_ERROR);
    glBindFramebuffer(GL_FRAMEBUFFER, fb);
    glFramebufferTexture2D(GL_FRAMEBUFFER, GL_STENCIL_ATTACHMENT, GL_TEXTURE_2D, 0, 0);
    glFramebufferTexture2D(GL_FRAMEBUFFER, GL_DEPTH_STENCIL_ATTACHMENT, GL_TEXTURE_2D, ds, 0);
    glClearStencil(200);
    glClear(GL_STENCIL_BUFFER_BIT);
    GLST_ERR("depth-stencil clear", GL_NO_ERROR);
    glBindFramebuffer(GL_FRAMEBUFFER, 0);
    note_stencil("stencil of a depth-stencil texture", GL_TEXTURE_2D, ds, 0);

    /* multisample stencil textures */
    GLuint ms;
    glGenTextures(1, &ms);
    glBindTexture(GL_TEXTURE_2D_MULTISAMPLE, ms);
    glTexStorage2DMultisample(GL_TEXTURE_2D_MULTISAMPLE, 4, GL_STENCIL_INDEX8, W, H, GL_TRUE);
    glst_note("multisample stencil texture: err 0x%x", glGetError());

    glDeleteFramebuffers(1, &fb);
    GLuint textures[] = {tex, color, img, arr, arr2, t3d, ds, ms};
    glDeleteTextures(8, textures);
    glDeleteBuffers(1, &pbo);
    glDeleteProgram(fetch_prog);
    glDeleteProgram(fetch_array_prog);
}

int main(void)
{
    glst_egl e;
    glst_observe_open("layered-stencil8");
    if (!glst_egl_setup_version(&e, W, H, 3)) {
        GLST_CHECK(false);
        return glst_finish();
    }
    const char *version = (const char *)glGetString(GL_VERSION);
    if (strncmp(version, "OpenGL ES 3.2", 13) != 0) {
        glst_note("skipped: not an ES 3.2 context");
        printf("skip: %s is not OpenGL ES 3.2\n", version);
    } else {
        test_stencil8();
    }
    GLST_ERR("end", GL_NO_ERROR);
    glst_egl_teardown(&e);
    glst_observe_close();
    return glst_finish();
}
