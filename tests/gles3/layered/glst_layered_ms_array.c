/* OpenGL ES 3.2 multisample array textures, compared natively and through
 * glstream: glTexStorage3DMultisample (zeroed in every layer and sample,
 * seen through texelFetch of a sampler2DMSArray), the binding, level
 * parameters, glGetInternalformativ, layers attached with
 * glFramebufferTextureLayer and the whole array with glFramebufferTexture,
 * cleared and drawn, and the errors of targets, counts, sizes and formats.
 * Skipped (noted) in a context older than ES 3.2. */
#include <stdio.h>
#include <string.h>

#include <GLES3/gl32.h>

#include "glst_observe.h"
#include "glst_test_util.h"

#define W 16
#define H 16
#define LAYERS 3
#define SAMPLES 4

static GLuint fetch_prog;

static void note_frame(const char *what)
{
    static unsigned char px[W * H * 4];
    memset(px, 0xcd, sizeof(px));
    glReadPixels(0, 0, W, H, GL_RGBA, GL_UNSIGNED_BYTE, px);
    uint32_t hash = 2166136261u;
    for (size_t i = 0; i < sizeof(px); i++)
        hash = (hash ^ px[i]) * 16777619u;
    const unsigned char *a = px, *m = px + (H / 2 * W + W / 2) * 4;
    glst_note("%s: err 0x%x hash %08x first %u,%u,%u,%u mid %u,%u,%u,%u", what, glGetError(), hash, a[0], a[1], a[2],
              a[3], m[0], m[1], m[2], m[3]);
}

/* Every layer and sample of the array, fetched into the default framebuffer. */
static void note_samples(const char *what, GLuint tex)
{
    static const GLfloat quad[] = {-1, -1, 1, -1, -1, 1, 1, 1};
    GLint fb = 0;
    glGetIntegerv(GL_FRAMEBUFFER_BINDING, &fb);
    glBindFramebuffer(GL_FRAMEBUFFER, 0);
    glUseProgram(fetch_prog);
    glActiveTexture(GL_TEXTURE0);
    glBindTexture(GL_TEXTURE_2D_MULTISAMPLE_ARRAY, tex);
    glBindBuffer(GL_ARRAY_BUFFER, 0);
    glVertexAttribPointer(0, 2, GL_FLOAT, GL_FALSE, 0, quad);
    glEnableVertexAttribArray(0);
    glViewport(0, 0, W, H);
    for (int l = 0; l < LAYERS; l++) {
        for (int s = 0; s < SAMPLES; s++) {
            char name[96];
            glUniform1i(glGetUniformLocation(fetch_prog, "layer"), l);
            glUniform1i(glGetUniformLocation(fetch_prog, "sample_index"), s);
            glClearColor(0.5f, 0.5f, 0.5f, 0.5f);
            glClear(GL_COLOR_BUFFER_BIT);
            glDrawArrays(GL_TRIANGLE_STRIP, 0, 4);
            snprintf(name, sizeof(name), "%s layer %d sample %d", what, l, s);
            note_frame(name);
        }
    }
    glBindFramebuffer(GL_FRAMEBUFFER, (GLuint)fb);
}

static void note_levels(const char *what, GLenum target)
{
    static const GLenum pnames[] = {GL_TEXTURE_WIDTH, GL_TEXTURE_HEIGHT, GL_TEXTURE_DEPTH, GL_TEXTURE_SAMPLES,
                                    GL_TEXTURE_FIXED_SAMPLE_LOCATIONS, GL_TEXTURE_INTERNAL_FORMAT,
                                    GL_TEXTURE_RED_SIZE, GL_TEXTURE_RED_TYPE};
    for (size_t i = 0; i < sizeof(pnames) / sizeof(pnames[0]); i++) {
        GLint v = -1;
        GLfloat f = -1;
        glGetTexLevelParameteriv(target, 0, pnames[i], &v);
        glGetTexLevelParameterfv(target, 0, pnames[i], &f);
        glst_note("%s level 0 0x%x = %d (%g) err 0x%x", what, pnames[i], v, f, glGetError());
    }
    GLint v = -1;
    glGetTexLevelParameteriv(target, 1, GL_TEXTURE_WIDTH, &v);
    glst_note("%s level 1 width %d err 0x%x", what, v, glGetError());
}

static void test_ms_array(void)
{
    fetch_prog = glst_program("#version 320 es\n"
                              "layout(location = 0) in vec2 pos;\n"
                              "void main() { gl_Position = vec4(pos, 0.0, 1.0); }\n",
                              "#version 320 es\n"
                              "precision mediump float;\n"
                              "uniform highp sampler2DMSArray ms;\n"
                              "uniform int layer;\n"
                              "uniform int sample_index;\n"
                              "out vec4 c;\n"
                              "void main() {\n"
                              "  c = texelFetch(ms, ivec3(gl_FragCoord.xy, layer), sample_index);\n"
                              "}\n");
    GLST_ERR("sampler2DMSArray program", GL_NO_ERROR);

    GLint counts = -1, samples[16] = {0};
    glGetInternalformativ(GL_TEXTURE_2D_MULTISAMPLE_ARRAY, GL_RGBA8, GL_NUM_SAMPLE_COUNTS, 1, &counts);
    glGetInternalformativ(GL_TEXTURE_2D_MULTISAMPLE_ARRAY, GL_RGBA8, GL_SAMPLES, 16, samples);
    glst_note("internal format: %d counts, first %d err 0x%x", counts, samples[0], glGetError());
    glGetInternalformativ(GL_TEXTURE_2D_MULTISAMPLE_ARRAY, GL_RGBA, GL_NUM_SAMPLE_COUNTS, 1, &counts);
    glst_note("unsized internal format: err 0x%x", glGetError());

    GLuint tex;
    glGenTextures(1, &tex);
    glBindTexture(GL_TEXTURE_2D_MULTISAMPLE_ARRAY, tex);
    GLST_ERR("bind a multisample array", GL_NO_ERROR);
    GLint binding = glst_get_int(GL_TEXTURE_BINDING_2D_MULTISAMPLE_ARRAY);
    GLST_CHECK(binding == (GLint)tex);
    glTexStorage3DMultisample(GL_TEXTURE_2D_MULTISAMPLE_ARRAY, SAMPLES, GL_RGBA8, W, H, LAYERS, GL_TRUE);
    GLST_ERR("glTexStorage3DMultisample", GL_NO_ERROR);
    note_levels("multisample array", GL_TEXTURE_2D_MULTISAMPLE_ARRAY);
    GLint immutable = -1;
    glGetTexParameteriv(GL_TEXTURE_2D_MULTISAMPLE_ARRAY, GL_TEXTURE_IMMUTABLE_FORMAT, &immutable);
    glst_note("immutable %d err 0x%x", immutable, glGetError());
    note_samples("new storage (zero)", tex);

    /* one layer attached and cleared, then all of them */
    GLuint fb;
    glGenFramebuffers(1, &fb);
    glBindFramebuffer(GL_FRAMEBUFFER, fb);
    glFramebufferTextureLayer(GL_FRAMEBUFFER, GL_COLOR_ATTACHMENT0, tex, 0, 1);
    GLST_ERR("glFramebufferTextureLayer of layer 1", GL_NO_ERROR);
    glst_note("layer 1: status 0x%x", glCheckFramebufferStatus(GL_FRAMEBUFFER));
    GLint layer = -1, samples_fb = -1;
    glGetFramebufferAttachmentParameteriv(GL_FRAMEBUFFER, GL_COLOR_ATTACHMENT0, GL_FRAMEBUFFER_ATTACHMENT_TEXTURE_LAYER,
                                          &layer);
    glGetIntegerv(GL_SAMPLES, &samples_fb);
    glst_note("attached layer %d, framebuffer samples %d err 0x%x", layer, samples_fb, glGetError());
    glClearColor(1.0f, 0.0f, 0.0f, 1.0f);
    glClear(GL_COLOR_BUFFER_BIT);
    GLST_ERR("clear of layer 1", GL_NO_ERROR);
    note_samples("layer 1 cleared", tex);

    glFramebufferTextureLayer(GL_FRAMEBUFFER, GL_COLOR_ATTACHMENT0, tex, 0, LAYERS);
    glst_note("layer past the array: err 0x%x status 0x%x", glGetError(), glCheckFramebufferStatus(GL_FRAMEBUFFER));
    glFramebufferTextureLayer(GL_FRAMEBUFFER, GL_COLOR_ATTACHMENT0, tex, 1, 0);
    glst_note("level 1: err 0x%x", glGetError());

    glFramebufferTexture(GL_FRAMEBUFFER, GL_COLOR_ATTACHMENT0, tex, 0);
    GLST_ERR("glFramebufferTexture of the array", GL_NO_ERROR);
    GLint layered = -1;
    glGetFramebufferAttachmentParameteriv(GL_FRAMEBUFFER, GL_COLOR_ATTACHMENT0, GL_FRAMEBUFFER_ATTACHMENT_LAYERED,
                                          &layered);
    glst_note("layered %d status 0x%x err 0x%x", layered, glCheckFramebufferStatus(GL_FRAMEBUFFER), glGetError());
    glEnable(GL_SCISSOR_TEST);
    glScissor(0, 0, W / 2, H);
    glClearColor(0.0f, 0.0f, 1.0f, 1.0f);
    glClear(GL_COLOR_BUFFER_BIT);
    glDisable(GL_SCISSOR_TEST);
    GLST_ERR("scissored layered clear", GL_NO_ERROR);
    note_samples("left half of every layer cleared", tex);

    /* a multisample and a single-sample layered attachment: incomplete */
    GLuint arr;
    glGenTextures(1, &arr);
    glBindTexture(GL_TEXTURE_2D_ARRAY, arr);
    glTexStorage3D(GL_TEXTURE_2D_ARRAY, 1, GL_RGBA8, W, H, LAYERS);
    glFramebufferTexture(GL_FRAMEBUFFER, GL_COLOR_ATTACHMENT1, arr, 0);
    glst_note("multisample + single-sample: status 0x%x", glCheckFramebufferStatus(GL_FRAMEBUFFER));
    glDeleteTextures(1, &arr);

    /* a depth multisample array */
    GLuint depth;
    glGenTextures(1, &depth);
    glBindTexture(GL_TEXTURE_2D_MULTISAMPLE_ARRAY, depth);
    glTexStorage3DMultisample(GL_TEXTURE_2D_MULTISAMPLE_ARRAY, SAMPLES, GL_DEPTH24_STENCIL8, W, H, LAYERS, GL_FALSE);
    GLST_ERR("depth-stencil multisample array", GL_NO_ERROR);
    glFramebufferTexture(GL_FRAMEBUFFER, GL_COLOR_ATTACHMENT1, 0, 0);
    glFramebufferTexture(GL_FRAMEBUFFER, GL_DEPTH_STENCIL_ATTACHMENT, depth, 0);
    glst_note("colour + depth-stencil multisample arrays: status 0x%x err 0x%x",
              glCheckFramebufferStatus(GL_FRAMEBUFFER), glGetError());
    note_levels("depth-stencil array", GL_TEXTURE_2D_MULTISAMPLE_ARRAY);

    /* errors */
    glBindTexture(GL_TEXTURE_2D_MULTISAMPLE_ARRAY, tex);
    glTexStorage3DMultisample(GL_TEXTURE_2D_MULTISAMPLE_ARRAY, SAMPLES, GL_RGBA8, W, H, LAYERS, GL_TRUE);
    GLST_ERR("storage again", GL_INVALID_OPERATION);
    GLuint t2;
    glGenTextures(1, &t2);
    glBindTexture(GL_TEXTURE_2D_MULTISAMPLE_ARRAY, t2);
    glTexStorage3DMultisample(GL_TEXTURE_2D_MULTISAMPLE, SAMPLES, GL_RGBA8, W, H, LAYERS, GL_TRUE);
    GLST_ERR("2D multisample target", GL_INVALID_ENUM);
    glTexStorage3DMultisample(GL_TEXTURE_2D_ARRAY, SAMPLES, GL_RGBA8, W, H, LAYERS, GL_TRUE);
    GLST_ERR("2D array target", GL_INVALID_ENUM);
    glTexStorage3DMultisample(GL_TEXTURE_2D_MULTISAMPLE_ARRAY, 0, GL_RGBA8, W, H, LAYERS, GL_TRUE);
    GLST_ERR("0 samples", GL_INVALID_VALUE);
    glTexStorage3DMultisample(GL_TEXTURE_2D_MULTISAMPLE_ARRAY, 64, GL_RGBA8, W, H, LAYERS, GL_TRUE);
    glst_note("64 samples: err 0x%x", glGetError());
    glTexStorage3DMultisample(GL_TEXTURE_2D_MULTISAMPLE_ARRAY, SAMPLES, GL_RGBA, W, H, LAYERS, GL_TRUE);
    GLST_ERR("unsized format", GL_INVALID_ENUM);
    glTexStorage3DMultisample(GL_TEXTURE_2D_MULTISAMPLE_ARRAY, SAMPLES, GL_RGB9_E5, W, H, LAYERS, GL_TRUE);
    glst_note("not renderable: err 0x%x", glGetError());
    glTexStorage3DMultisample(GL_TEXTURE_2D_MULTISAMPLE_ARRAY, SAMPLES, GL_RGBA8, W, H, 0, GL_TRUE);
    GLST_ERR("0 layers", GL_INVALID_VALUE);
    glTexStorage3DMultisample(GL_TEXTURE_2D_MULTISAMPLE_ARRAY, SAMPLES, GL_RGBA8, W, H, 100000, GL_TRUE);
    GLST_ERR("too many layers", GL_INVALID_VALUE);
    glTexStorage3DMultisample(GL_TEXTURE_2D_MULTISAMPLE_ARRAY, SAMPLES, GL_RGBA8, -1, H, LAYERS, GL_TRUE);
    GLST_ERR("negative width", GL_INVALID_VALUE);
    glTexStorage3DMultisample(GL_TEXTURE_2D_MULTISAMPLE_ARRAY, SAMPLES, GL_RGBA8, 1 << 20, H, LAYERS, GL_TRUE);
    GLST_ERR("too wide", GL_INVALID_VALUE);
    glBindTexture(GL_TEXTURE_2D_MULTISAMPLE_ARRAY, 0);
    glTexStorage3DMultisample(GL_TEXTURE_2D_MULTISAMPLE_ARRAY, SAMPLES, GL_RGBA8, W, H, LAYERS, GL_TRUE);
    GLST_ERR("texture 0", GL_INVALID_OPERATION);
    glTexParameteri(GL_TEXTURE_2D_MULTISAMPLE_ARRAY, GL_TEXTURE_MIN_FILTER, GL_LINEAR);
    glst_note("sampler state of a multisample array: err 0x%x", glGetError());
    glTexParameteri(GL_TEXTURE_2D_MULTISAMPLE_ARRAY, GL_TEXTURE_BASE_LEVEL, 0);
    glst_note("base level of a multisample array: err 0x%x", glGetError());
    glGenerateMipmap(GL_TEXTURE_2D_MULTISAMPLE_ARRAY);
    GLST_ERR("glGenerateMipmap", GL_INVALID_ENUM);
    glTexImage3D(GL_TEXTURE_2D_MULTISAMPLE_ARRAY, 0, GL_RGBA8, W, H, 1, 0, GL_RGBA, GL_UNSIGNED_BYTE, NULL);
    GLST_ERR("glTexImage3D", GL_INVALID_ENUM);
    glBindTexture(GL_TEXTURE_2D_MULTISAMPLE, t2);
    glst_note("an array name bound as 2D multisample: err 0x%x", glGetError());

    glBindFramebuffer(GL_FRAMEBUFFER, 0);
    glDeleteFramebuffers(1, &fb);
    GLuint textures[] = {tex, depth, t2};
    glDeleteTextures(3, textures);
    glDeleteProgram(fetch_prog);
}

int main(void)
{
    glst_egl e;
    glst_observe_open("layered-ms-array");
    if (!glst_egl_setup_version(&e, W, H, 3)) {
        GLST_CHECK(false);
        return glst_finish();
    }
    const char *version = (const char *)glGetString(GL_VERSION);
    if (strncmp(version, "OpenGL ES 3.2", 13) != 0) {
        glst_note("skipped: not an ES 3.2 context");
        printf("skip: %s is not OpenGL ES 3.2\n", version);
    } else {
        test_ms_array();
    }
    GLST_ERR("end", GL_NO_ERROR);
    glst_egl_teardown(&e);
    glst_observe_close();
    return glst_finish();
}
