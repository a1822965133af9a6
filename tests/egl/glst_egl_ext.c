/* EGL extensions on pbuffers and contexts: EGL_KHR_create_context,
 * EGL_KHR_no_config_context, EGL_KHR_fence_sync + EGL_KHR_wait_sync (found
 * through eglGetProcAddress, so through glvnd's dispatch stubs) and
 * EGL_KHR_gl_colorspace. Natively a part runs when the driver advertises
 * the extension; through glstream each one must be advertised. */
#include "glst_egl_tests.h"

#include <stdio.h>
#include <string.h>

bool glst_is_glstream(EGLDisplay dpy)
{
    const char *vendor = eglQueryString(dpy, EGL_VENDOR);
    return vendor && strcmp(vendor, "glstream") == 0;
}

bool glst_egl_ext(EGLDisplay dpy, const char *name)
{
    bool has = glst_has_egl_ext(dpy, name);
    if (!has && glst_is_glstream(dpy))
        glst_fail_msg(__FILE__, __LINE__, "glstream does not advertise %s", name);
    if (!has)
        printf("%s not advertised: its checks are skipped\n", name);
    return has;
}

static EGLContext create_context(EGLDisplay dpy, EGLConfig config, const EGLint *attribs, EGLint expected_error)
{
    EGLContext ctx = eglCreateContext(dpy, config, EGL_NO_CONTEXT, attribs);
    GLST_CHECK_EGL(expected_error);
    GLST_CHECK((ctx != EGL_NO_CONTEXT) == (expected_error == EGL_SUCCESS));
    return ctx;
}

static void test_create_context(EGLDisplay dpy, EGLConfig config)
{
    if (!glst_egl_ext(dpy, "EGL_KHR_create_context"))
        return;
    static const EGLint es20[] = { EGL_CONTEXT_MAJOR_VERSION_KHR, 2, EGL_CONTEXT_MINOR_VERSION_KHR, 0, EGL_NONE };
    EGLContext ctx = create_context(dpy, config, es20, EGL_SUCCESS);
    EGLint v = 0;
    GLST_CHECK(eglQueryContext(dpy, ctx, EGL_CONTEXT_CLIENT_VERSION, &v));
    GLST_CHECK_INT(v, 2);
    GLST_CHECK(eglDestroyContext(dpy, ctx));

    static const EGLint debug[] = { EGL_CONTEXT_MAJOR_VERSION_KHR, 2, EGL_CONTEXT_FLAGS_KHR,
                                    EGL_CONTEXT_OPENGL_DEBUG_BIT_KHR, EGL_NONE };
    ctx = create_context(dpy, config, debug, EGL_SUCCESS);
    GLST_CHECK(eglDestroyContext(dpy, ctx));

    /* Robust access is a desktop OpenGL flag (OpenGL ES has its own
     * extension for it); OpenGL ES 2.1 does not exist. */
    static const EGLint robust[] = { EGL_CONTEXT_MAJOR_VERSION_KHR, 2, EGL_CONTEXT_FLAGS_KHR,
                                     EGL_CONTEXT_OPENGL_ROBUST_ACCESS_BIT_KHR, EGL_NONE };
    create_context(dpy, config, robust, EGL_BAD_ATTRIBUTE);
    static const EGLint es21[] = { EGL_CONTEXT_MAJOR_VERSION_KHR, 2, EGL_CONTEXT_MINOR_VERSION_KHR, 1, EGL_NONE };
    create_context(dpy, config, es21, EGL_BAD_MATCH);
    static const EGLint es30[] = { EGL_CONTEXT_MAJOR_VERSION_KHR, 3, EGL_NONE };
    ctx = create_context(dpy, config, es30, EGL_SUCCESS);
    GLST_CHECK(eglQueryContext(dpy, ctx, EGL_CONTEXT_CLIENT_VERSION, &v));
    GLST_CHECK_INT(v, 3);
    GLST_CHECK(eglDestroyContext(dpy, ctx));
}

static void expect_clear_result(float value, int expected)
{
    glClearColor(value, value, value, 1.0f);
    glClear(GL_COLOR_BUFFER_BIT);
    unsigned char px[4] = { 0 };
    glReadPixels(0, 0, 1, 1, GL_RGBA, GL_UNSIGNED_BYTE, px);
    GLST_CHECK_GL(GL_NO_ERROR);
    if (px[0] < expected - 2 || px[0] > expected + 2)
        glst_fail_msg(__FILE__, __LINE__, "cleared to %.2f, read %d, expected %d", value, px[0], expected);
    else
        GLST_CHECK(true);
}

static void test_no_config_context(EGLDisplay dpy, EGLConfig config)
{
    if (!glst_egl_ext(dpy, "EGL_KHR_no_config_context"))
        return;
    EGLContext ctx = create_context(dpy, EGL_NO_CONFIG_KHR, glst_es2_ctx_attribs, EGL_SUCCESS);
    EGLint v = -1;
    GLST_CHECK(eglQueryContext(dpy, ctx, EGL_CONFIG_ID, &v));
    GLST_CHECK_INT(v, 0);
    static const EGLint pb_attribs[] = { EGL_WIDTH, 8, EGL_HEIGHT, 8, EGL_NONE };
    EGLSurface pb = eglCreatePbufferSurface(dpy, config, pb_attribs);
    GLST_CHECK(pb != EGL_NO_SURFACE);
    GLST_CHECK(eglMakeCurrent(dpy, pb, pb, ctx));
    expect_clear_result(1.0f, 255);
    GLST_CHECK(eglMakeCurrent(dpy, EGL_NO_SURFACE, EGL_NO_SURFACE, EGL_NO_CONTEXT));
    GLST_CHECK(eglDestroySurface(dpy, pb));
    GLST_CHECK(eglDestroyContext(dpy, ctx));
}

typedef EGLSyncKHR (*glst_create_sync_khr_fn)(EGLDisplay, EGLenum, const EGLint *);
typedef EGLBoolean (*glst_destroy_sync_khr_fn)(EGLDisplay, EGLSyncKHR);
typedef EGLint (*glst_client_wait_sync_khr_fn)(EGLDisplay, EGLSyncKHR, EGLint, EGLTimeKHR);
typedef EGLint (*glst_wait_sync_khr_fn)(EGLDisplay, EGLSyncKHR, EGLint);
typedef EGLBoolean (*glst_get_sync_attrib_khr_fn)(EGLDisplay, EGLSyncKHR, EGLint, EGLint *);

static void test_khr_fence_sync(EGLDisplay dpy, EGLConfig config)
{
    if (!glst_egl_ext(dpy, "EGL_KHR_fence_sync") || !glst_egl_ext(dpy, "EGL_KHR_wait_sync"))
        return;
    glst_create_sync_khr_fn create = (glst_create_sync_khr_fn)eglGetProcAddress("eglCreateSyncKHR");
    glst_destroy_sync_khr_fn destroy = (glst_destroy_sync_khr_fn)eglGetProcAddress("eglDestroySyncKHR");
    glst_client_wait_sync_khr_fn client_wait =
        (glst_client_wait_sync_khr_fn)eglGetProcAddress("eglClientWaitSyncKHR");
    glst_wait_sync_khr_fn wait = (glst_wait_sync_khr_fn)eglGetProcAddress("eglWaitSyncKHR");
    glst_get_sync_attrib_khr_fn get_attrib = (glst_get_sync_attrib_khr_fn)eglGetProcAddress("eglGetSyncAttribKHR");
    GLST_CHECK(create && destroy && client_wait && wait && get_attrib);
    if (!create || !destroy || !client_wait || !wait || !get_attrib)
        return;

    static const EGLint pb_attribs[] = { EGL_WIDTH, 8, EGL_HEIGHT, 8, EGL_NONE };
    EGLSurface pb = eglCreatePbufferSurface(dpy, config, pb_attribs);
    EGLContext ctx = eglCreateContext(dpy, config, EGL_NO_CONTEXT, glst_es2_ctx_attribs);
    GLST_CHECK(eglMakeCurrent(dpy, pb, pb, ctx));
    static const EGLint bad_attribs[] = { EGL_SYNC_STATUS_KHR, EGL_SIGNALED_KHR, EGL_NONE };
    GLST_CHECK(create(dpy, EGL_SYNC_FENCE_KHR, bad_attribs) == EGL_NO_SYNC_KHR);
    GLST_CHECK_EGL(EGL_BAD_ATTRIBUTE);

    glClear(GL_COLOR_BUFFER_BIT);
    EGLSyncKHR sync = create(dpy, EGL_SYNC_FENCE_KHR, NULL);
    GLST_CHECK(sync != EGL_NO_SYNC_KHR);
    EGLint v = 0;
    GLST_CHECK(get_attrib(dpy, sync, EGL_SYNC_TYPE_KHR, &v));
    GLST_CHECK_HEX(v, EGL_SYNC_FENCE_KHR);
    GLST_CHECK(get_attrib(dpy, sync, EGL_SYNC_CONDITION_KHR, &v));
    GLST_CHECK_HEX(v, EGL_SYNC_PRIOR_COMMANDS_COMPLETE_KHR);
    GLST_CHECK_HEX(client_wait(dpy, sync, EGL_SYNC_FLUSH_COMMANDS_BIT_KHR, EGL_FOREVER_KHR),
                   EGL_CONDITION_SATISFIED_KHR);
    GLST_CHECK(get_attrib(dpy, sync, EGL_SYNC_STATUS_KHR, &v));
    GLST_CHECK_HEX(v, EGL_SIGNALED_KHR);
    GLST_CHECK_INT(wait(dpy, sync, 0), EGL_TRUE);
    GLST_CHECK_INT(wait(dpy, sync, 1), EGL_FALSE);
    GLST_CHECK_EGL(EGL_BAD_PARAMETER);
    GLST_CHECK(destroy(dpy, sync));
    GLST_CHECK(!destroy(dpy, sync));
    GLST_CHECK_EGL(EGL_BAD_PARAMETER);

    GLST_CHECK(eglMakeCurrent(dpy, EGL_NO_SURFACE, EGL_NO_SURFACE, EGL_NO_CONTEXT));
    GLST_CHECK(eglDestroyContext(dpy, ctx));
    GLST_CHECK(eglDestroySurface(dpy, pb));
}

/* An sRGB surface stores the encoded value: 0.5 is written as 188. */
static void test_colorspace(EGLDisplay dpy, EGLConfig config)
{
    if (!glst_egl_ext(dpy, "EGL_KHR_gl_colorspace"))
        return;
    static const EGLint bad[] = { EGL_WIDTH, 8, EGL_HEIGHT, 8, EGL_GL_COLORSPACE_KHR, 0x1234, EGL_NONE };
    GLST_CHECK(eglCreatePbufferSurface(dpy, config, bad) == EGL_NO_SURFACE);
    GLST_CHECK_EGL(EGL_BAD_ATTRIBUTE);
    EGLContext ctx = eglCreateContext(dpy, config, EGL_NO_CONTEXT, glst_es2_ctx_attribs);
    static const struct {
        EGLint colorspace;
        int expected;
    } cases[] = { { EGL_GL_COLORSPACE_SRGB_KHR, 188 }, { EGL_GL_COLORSPACE_LINEAR_KHR, 128 } };
    for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
        const EGLint attribs[] = { EGL_WIDTH, 8, EGL_HEIGHT, 8, EGL_GL_COLORSPACE_KHR, cases[i].colorspace,
                                   EGL_NONE };
        EGLSurface pb = eglCreatePbufferSurface(dpy, config, attribs);
        GLST_CHECK(pb != EGL_NO_SURFACE);
        EGLint v = 0;
        GLST_CHECK(eglQuerySurface(dpy, pb, EGL_GL_COLORSPACE_KHR, &v));
        GLST_CHECK_HEX(v, cases[i].colorspace);
        GLST_CHECK(eglMakeCurrent(dpy, pb, pb, ctx));
        expect_clear_result(0.5f, cases[i].expected);
        GLST_CHECK(eglMakeCurrent(dpy, EGL_NO_SURFACE, EGL_NO_SURFACE, EGL_NO_CONTEXT));
        GLST_CHECK(eglDestroySurface(dpy, pb));
    }
    GLST_CHECK(eglDestroyContext(dpy, ctx));
}

typedef EGLImageKHR (*glst_create_image_fn)(EGLDisplay, EGLContext, EGLenum, EGLClientBuffer, const EGLint *);
typedef EGLBoolean (*glst_destroy_image_fn)(EGLDisplay, EGLImageKHR);
typedef void (*glst_image_target_fn)(GLenum, GLeglImageOES);

/* The colour at (0, 0) of a texture or renderbuffer, read through an FBO. */
static bool attachment_reads(GLenum kind, GLuint object, const unsigned char rgba[4])
{
    GLuint fbo;
    glGenFramebuffers(1, &fbo);
    glBindFramebuffer(GL_FRAMEBUFFER, fbo);
    if (kind == GL_TEXTURE_2D)
        glFramebufferTexture2D(GL_FRAMEBUFFER, GL_COLOR_ATTACHMENT0, GL_TEXTURE_2D, object, 0);
    else
        glFramebufferRenderbuffer(GL_FRAMEBUFFER, GL_COLOR_ATTACHMENT0, GL_RENDERBUFFER, object);
    unsigned char px[4] = { 0 };
    bool complete = glCheckFramebufferStatus(GL_FRAMEBUFFER) == GL_FRAMEBUFFER_COMPLETE;
    glReadPixels(0, 0, 1, 1, GL_RGBA, GL_UNSIGNED_BYTE, px);
    glBindFramebuffer(GL_FRAMEBUFFER, 0);
    glDeleteFramebuffers(1, &fbo);
    return complete && memcmp(px, rgba, 4) == 0;
}

static void clear_attachment(GLenum kind, GLuint object, float r, float g, float b)
{
    GLuint fbo;
    glGenFramebuffers(1, &fbo);
    glBindFramebuffer(GL_FRAMEBUFFER, fbo);
    if (kind == GL_TEXTURE_2D)
        glFramebufferTexture2D(GL_FRAMEBUFFER, GL_COLOR_ATTACHMENT0, GL_TEXTURE_2D, object, 0);
    else
        glFramebufferRenderbuffer(GL_FRAMEBUFFER, GL_COLOR_ATTACHMENT0, GL_RENDERBUFFER, object);
    glClearColor(r, g, b, 1.0f);
    glClear(GL_COLOR_BUFFER_BIT);
    glBindFramebuffer(GL_FRAMEBUFFER, 0);
    glDeleteFramebuffers(1, &fbo);
}

static GLuint compile(GLenum type, const char *source)
{
    GLuint shader = glCreateShader(type);
    glShaderSource(shader, 1, &source, NULL);
    glCompileShader(shader);
    GLint ok = 0;
    glGetShaderiv(shader, GL_COMPILE_STATUS, &ok);
    GLST_CHECK(ok);
    return shader;
}

/* GL_OES_EGL_image_external: the image as a GL_TEXTURE_EXTERNAL_OES
 * texture, sampled by a samplerExternalOES over the whole 8x8 surface. */
static void test_image_external(EGLImageKHR image, glst_image_target_fn target_texture, const unsigned char rgba[4])
{
    if (!glst_has_gl_ext("GL_OES_EGL_image_external")) {
        GLST_CHECK(!glst_is_glstream(eglGetCurrentDisplay()));
        return;
    }
    GLuint tex;
    glGenTextures(1, &tex);
    glBindTexture(GL_TEXTURE_EXTERNAL_OES, tex);
    target_texture(GL_TEXTURE_EXTERNAL_OES, image);
    GLST_CHECK_GL(GL_NO_ERROR);
    GLint v = 0;
    glGetIntegerv(GL_TEXTURE_BINDING_EXTERNAL_OES, &v);
    GLST_CHECK_INT(v, (GLint)tex);
    glGetTexParameteriv(GL_TEXTURE_EXTERNAL_OES, GL_REQUIRED_TEXTURE_IMAGE_UNITS_OES, &v);
    GLST_CHECK_INT(v, 1);
    glTexParameteri(GL_TEXTURE_EXTERNAL_OES, GL_TEXTURE_MIN_FILTER, GL_NEAREST);
    GLuint program = glCreateProgram();
    glAttachShader(program, compile(GL_VERTEX_SHADER,
                                    "attribute vec2 pos; varying vec2 uv;\n"
                                    "void main() { uv = pos * 0.5 + 0.5; gl_Position = vec4(pos, 0.0, 1.0); }\n"));
    glAttachShader(program, compile(GL_FRAGMENT_SHADER,
                                    "#extension GL_OES_EGL_image_external : require\n"
                                    "precision mediump float; uniform samplerExternalOES image; varying vec2 uv;\n"
                                    "void main() { gl_FragColor = texture2D(image, uv); }\n"));
    glBindAttribLocation(program, 0, "pos");
    glLinkProgram(program);
    GLint linked = 0;
    glGetProgramiv(program, GL_LINK_STATUS, &linked);
    GLST_CHECK(linked);
    glUseProgram(program);
    static const float quad[] = { -1, -1, 1, -1, -1, 1, 1, 1 };
    glVertexAttribPointer(0, 2, GL_FLOAT, GL_FALSE, 0, quad);
    glEnableVertexAttribArray(0);
    glViewport(0, 0, 8, 8);
    glClearColor(0, 0, 0, 1);
    glClear(GL_COLOR_BUFFER_BIT);
    glDrawArrays(GL_TRIANGLE_STRIP, 0, 4);
    unsigned char px[4] = { 0 };
    glReadPixels(4, 4, 1, 1, GL_RGBA, GL_UNSIGNED_BYTE, px);
    GLST_CHECK(memcmp(px, rgba, 4) == 0);
    GLST_CHECK_GL(GL_NO_ERROR);
    glDisableVertexAttribArray(0);
    glUseProgram(0);
    glDeleteProgram(program);
    glDeleteTextures(1, &tex);
}

/* EGL images of a texture and of a renderbuffer: a sibling made from the
 * image shares the source's pixels both ways; the errors of creation. */
static void test_images(EGLDisplay dpy, EGLConfig config)
{
    if (!glst_egl_ext(dpy, "EGL_KHR_image_base") || !glst_egl_ext(dpy, "EGL_KHR_gl_texture_2D_image") ||
        !glst_egl_ext(dpy, "EGL_KHR_gl_renderbuffer_image"))
        return;
    glst_create_image_fn create = (glst_create_image_fn)eglGetProcAddress("eglCreateImageKHR");
    glst_destroy_image_fn destroy = (glst_destroy_image_fn)eglGetProcAddress("eglDestroyImageKHR");
    glst_image_target_fn target_texture = (glst_image_target_fn)eglGetProcAddress("glEGLImageTargetTexture2DOES");
    glst_image_target_fn target_renderbuffer =
        (glst_image_target_fn)eglGetProcAddress("glEGLImageTargetRenderbufferStorageOES");
    GLST_CHECK(create && destroy && target_texture && target_renderbuffer);
    if (!create || !destroy || !target_texture || !target_renderbuffer)
        return;
    static const EGLint pb_attribs[] = { EGL_WIDTH, 8, EGL_HEIGHT, 8, EGL_NONE };
    EGLSurface pb = eglCreatePbufferSurface(dpy, config, pb_attribs);
    EGLContext ctx = eglCreateContext(dpy, config, EGL_NO_CONTEXT, glst_es2_ctx_attribs);
    GLST_CHECK(eglMakeCurrent(dpy, pb, pb, ctx));
    GLST_CHECK(glst_has_gl_ext("GL_OES_EGL_image"));

    static const unsigned char red[4] = { 255, 0, 0, 255 }, green[4] = { 0, 255, 0, 255 },
                               blue[4] = { 0, 0, 255, 255 };
    unsigned char texels[4 * 4 * 4];
    for (size_t i = 0; i < sizeof(texels); i += 4)
        memcpy(texels + i, red, 4);
    GLuint tex[2];
    glGenTextures(2, tex);
    glBindTexture(GL_TEXTURE_2D, tex[0]);
    glTexImage2D(GL_TEXTURE_2D, 0, GL_RGBA, 4, 4, 0, GL_RGBA, GL_UNSIGNED_BYTE, texels);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_NEAREST);

    /* Errors: no object, an attribute images do not take, no context. */
    static const EGLint level0[] = { EGL_GL_TEXTURE_LEVEL_KHR, 0, EGL_IMAGE_PRESERVED_KHR, EGL_TRUE, EGL_NONE };
    GLST_CHECK(create(dpy, ctx, EGL_GL_TEXTURE_2D_KHR, (EGLClientBuffer)0, level0) == EGL_NO_IMAGE_KHR);
    GLST_CHECK_EGL(EGL_BAD_PARAMETER);
    static const EGLint bad[] = { 0x3555, 4, EGL_NONE };
    GLST_CHECK(create(dpy, ctx, EGL_GL_TEXTURE_2D_KHR, (EGLClientBuffer)(uintptr_t)tex[0], bad) ==
               EGL_NO_IMAGE_KHR);
    GLST_CHECK_EGL(EGL_BAD_PARAMETER);
    if (glst_is_glstream(dpy)) {
        /* Mesa 22.3 itself crashes here (it uses the context unchecked). */
        GLST_CHECK(create(dpy, EGL_NO_CONTEXT, EGL_GL_TEXTURE_2D_KHR, (EGLClientBuffer)(uintptr_t)tex[0],
                          level0) == EGL_NO_IMAGE_KHR);
        GLST_CHECK_EGL(EGL_BAD_CONTEXT);
    }
    /* A level the texture does not have: the driver's answer. */
    static const EGLint level3[] = { EGL_GL_TEXTURE_LEVEL_KHR, 3, EGL_NONE };
    GLST_CHECK(create(dpy, ctx, EGL_GL_TEXTURE_2D_KHR, (EGLClientBuffer)(uintptr_t)tex[0], level3) ==
               EGL_NO_IMAGE_KHR);
    GLST_CHECK_EGL(EGL_BAD_PARAMETER);

    EGLImageKHR image = create(dpy, ctx, EGL_GL_TEXTURE_2D_KHR, (EGLClientBuffer)(uintptr_t)tex[0], level0);
    GLST_CHECK(image != EGL_NO_IMAGE_KHR);
    GLST_CHECK_EGL(EGL_SUCCESS);
    glBindTexture(GL_TEXTURE_2D, tex[1]);
    target_texture(GL_TEXTURE_2D, image);
    GLST_CHECK_GL(GL_NO_ERROR);
    GLST_CHECK(attachment_reads(GL_TEXTURE_2D, tex[1], red));
    clear_attachment(GL_TEXTURE_2D, tex[1], 0, 1, 0);
    GLST_CHECK(attachment_reads(GL_TEXTURE_2D, tex[0], green));
    test_image_external(image, target_texture, green);
    /* The target must be GL_TEXTURE_2D (or external). */
    target_texture(GL_TEXTURE_CUBE_MAP, image);
    GLST_CHECK_GL(GL_INVALID_ENUM);
    if (glst_is_glstream(dpy)) {
        /* An image id the client does not own never reaches the driver. */
        target_texture(GL_TEXTURE_2D, (GLeglImageOES)(uintptr_t)0x7777);
        GLST_CHECK_GL(GL_INVALID_VALUE);
        GLST_CHECK(attachment_reads(GL_TEXTURE_2D, tex[1], green));
    }

    GLuint rb[2];
    glGenRenderbuffers(2, rb);
    glBindRenderbuffer(GL_RENDERBUFFER, rb[0]);
    glRenderbufferStorage(GL_RENDERBUFFER, GL_RGBA8_OES, 4, 4);
    EGLImageKHR rb_image = create(dpy, ctx, EGL_GL_RENDERBUFFER_KHR, (EGLClientBuffer)(uintptr_t)rb[0], NULL);
    GLST_CHECK(rb_image != EGL_NO_IMAGE_KHR);
    glBindRenderbuffer(GL_RENDERBUFFER, rb[1]);
    target_renderbuffer(GL_RENDERBUFFER, rb_image);
    GLST_CHECK_GL(GL_NO_ERROR);
    clear_attachment(GL_RENDERBUFFER, rb[1], 0, 0, 1);
    GLST_CHECK(attachment_reads(GL_RENDERBUFFER, rb[0], blue));

    GLST_CHECK(destroy(dpy, image));
    GLST_CHECK(destroy(dpy, rb_image));
    GLST_CHECK(!destroy(dpy, image));
    GLST_CHECK_EGL(EGL_BAD_PARAMETER);
    /* Siblings keep the pixels after the image goes. */
    GLST_CHECK(attachment_reads(GL_TEXTURE_2D, tex[1], green));
    glDeleteTextures(2, tex);
    glDeleteRenderbuffers(2, rb);
    GLST_CHECK_GL(GL_NO_ERROR);
    GLST_CHECK(eglMakeCurrent(dpy, EGL_NO_SURFACE, EGL_NO_SURFACE, EGL_NO_CONTEXT));
    GLST_CHECK(eglDestroyContext(dpy, ctx));
    GLST_CHECK(eglDestroySurface(dpy, pb));
}

void glst_egl_test_ext(EGLDisplay dpy, EGLConfig config)
{
    test_create_context(dpy, config);
    test_no_config_context(dpy, config);
    test_khr_fence_sync(dpy, config);
    test_colorspace(dpy, config);
    test_images(dpy, config);
}
