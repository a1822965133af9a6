/* OpenGL ES 3.1 multisample textures, level parameters, framebuffers
 * without attachments, stencil texturing, texture gather and the ES 3.1
 * limits, compared natively and through glstream: multisample rendering
 * resolved by texelFetch in a shader, the sample mask, zeroed new storage,
 * sample positions, every level parameter of many formats and targets,
 * default framebuffer parameters observed through an occlusion query,
 * stencil values sampled, gathered texels, every ES 3.1 limit in each
 * getter form, and the errors of each. Every value, error and pixel is an
 * observation (glst_observe.h); the errors the ES 3.1 specification fixes
 * are also asserted.
 *
 * Skipped (one line, on both sides) when the build offers less than ES
 * 3.1 or the context is older. */
#include <stdio.h>
#include <string.h>

#include <GLES3/gl31.h>

#include "glst_observe.h"
#include "glst_test_util.h"

#define W 64
#define H 64

static void note_err(const char *what)
{
    glst_note("%s: error 0x%x", what, glGetError());
}

/* FNV-1a of a pixel rectangle read as RGBA/UNSIGNED_BYTE, with its corners. */
static void note_pixels(const char *what, int w, int h)
{
    static unsigned char px[W * H * 4];
    memset(px, 0xcd, sizeof(px));
    glReadPixels(0, 0, w, h, GL_RGBA, GL_UNSIGNED_BYTE, px);
    GLenum e = glGetError();
    uint32_t hash = 2166136261u;
    for (int i = 0; i < w * h * 4; i++)
        hash = (hash ^ px[i]) * 16777619u;
    const unsigned char *a = px, *b = px + ((size_t)w * h - 1) * 4, *m = px + ((size_t)(h / 2) * w + w / 2) * 4;
    glst_note("%s: err 0x%x hash %08x first %u,%u,%u,%u mid %u,%u,%u,%u last %u,%u,%u,%u", what, e, hash, a[0],
              a[1], a[2], a[3], m[0], m[1], m[2], m[3], b[0], b[1], b[2], b[3]);
}

static const char *quad_vs = "#version 310 es\n"
                             "layout(location = 0) in vec2 pos;\n"
                             "void main() { gl_Position = vec4(pos, 0.5, 1.0); }\n";

static void draw_quad(float x0, float y0, float x1, float y1)
{
    const GLfloat v[] = {x0, y0, x1, y0, x0, y1, x1, y1};
    glBindBuffer(GL_ARRAY_BUFFER, 0);
    glVertexAttribPointer(0, 2, GL_FLOAT, GL_FALSE, 0, v);
    glEnableVertexAttribArray(0);
    glDrawArrays(GL_TRIANGLE_STRIP, 0, 4);
}

static void draw_triangle(void)
{
    const GLfloat v[] = {-0.9f, -0.8f, 0.85f, -0.3f, -0.2f, 0.9f};
    glBindBuffer(GL_ARRAY_BUFFER, 0);
    glVertexAttribPointer(0, 2, GL_FLOAT, GL_FALSE, 0, v);
    glEnableVertexAttribArray(0);
    glDrawArrays(GL_TRIANGLES, 0, 3);
}

static GLuint make_fb_tex(GLenum textarget, GLuint tex)
{
    GLuint fb;
    glGenFramebuffers(1, &fb);
    glBindFramebuffer(GL_FRAMEBUFFER, fb);
    glFramebufferTexture2D(GL_FRAMEBUFFER, GL_COLOR_ATTACHMENT0, textarget, tex, 0);
    return fb;
}

/* A single-sample RGBA8 target of W x H, bound. */
static GLuint make_target(GLuint *tex)
{
    glGenTextures(1, tex);
    glBindTexture(GL_TEXTURE_2D, *tex);
    glTexStorage2D(GL_TEXTURE_2D, 1, GL_RGBA8, W, H);
    GLuint fb = make_fb_tex(GL_TEXTURE_2D, *tex);
    glViewport(0, 0, W, H);
    return fb;
}

/* ---- the ES 3.1 limits ---- */

static const GLenum limits[] = {
    GL_MAX_COMPUTE_UNIFORM_BLOCKS, GL_MAX_COMPUTE_TEXTURE_IMAGE_UNITS, GL_MAX_COMPUTE_IMAGE_UNIFORMS,
    GL_MAX_COMPUTE_SHARED_MEMORY_SIZE, GL_MAX_COMPUTE_UNIFORM_COMPONENTS, GL_MAX_COMPUTE_ATOMIC_COUNTER_BUFFERS,
    GL_MAX_COMPUTE_ATOMIC_COUNTERS, GL_MAX_COMBINED_COMPUTE_UNIFORM_COMPONENTS,
    GL_MAX_COMPUTE_WORK_GROUP_INVOCATIONS, GL_MAX_COMPUTE_SHADER_STORAGE_BLOCKS, GL_MAX_UNIFORM_LOCATIONS,
    GL_MAX_FRAMEBUFFER_WIDTH, GL_MAX_FRAMEBUFFER_HEIGHT, GL_MAX_FRAMEBUFFER_SAMPLES,
    GL_MAX_VERTEX_ATOMIC_COUNTER_BUFFERS, GL_MAX_FRAGMENT_ATOMIC_COUNTER_BUFFERS,
    GL_MAX_COMBINED_ATOMIC_COUNTER_BUFFERS, GL_MAX_VERTEX_ATOMIC_COUNTERS, GL_MAX_FRAGMENT_ATOMIC_COUNTERS,
    GL_MAX_COMBINED_ATOMIC_COUNTERS, GL_MAX_ATOMIC_COUNTER_BUFFER_SIZE, GL_MAX_ATOMIC_COUNTER_BUFFER_BINDINGS,
    GL_MAX_IMAGE_UNITS, GL_MAX_VERTEX_IMAGE_UNIFORMS, GL_MAX_FRAGMENT_IMAGE_UNIFORMS,
    GL_MAX_COMBINED_IMAGE_UNIFORMS, GL_MAX_VERTEX_SHADER_STORAGE_BLOCKS, GL_MAX_FRAGMENT_SHADER_STORAGE_BLOCKS,
    GL_MAX_COMBINED_SHADER_STORAGE_BLOCKS, GL_MAX_SHADER_STORAGE_BUFFER_BINDINGS,
    GL_MAX_SHADER_STORAGE_BLOCK_SIZE, GL_SHADER_STORAGE_BUFFER_OFFSET_ALIGNMENT,
    GL_MAX_COMBINED_SHADER_OUTPUT_RESOURCES, GL_MIN_PROGRAM_TEXTURE_GATHER_OFFSET,
    GL_MAX_PROGRAM_TEXTURE_GATHER_OFFSET, GL_MAX_SAMPLE_MASK_WORDS, GL_MAX_COLOR_TEXTURE_SAMPLES,
    GL_MAX_DEPTH_TEXTURE_SAMPLES, GL_MAX_INTEGER_SAMPLES, GL_MAX_VERTEX_ATTRIB_RELATIVE_OFFSET,
    GL_MAX_VERTEX_ATTRIB_BINDINGS, GL_MAX_VERTEX_ATTRIB_STRIDE, GL_TEXTURE_BINDING_2D_MULTISAMPLE, GL_SAMPLE_MASK,
};

static void test_limits(void)
{
    for (size_t i = 0; i < sizeof(limits) / sizeof(*limits); i++) {
        GLint iv = -7;
        GLint64 i64 = -7;
        GLfloat fv = -7.0f;
        GLboolean bv = 7;
        glGetIntegerv(limits[i], &iv);
        GLenum e1 = glGetError();
        glGetInteger64v(limits[i], &i64);
        GLenum e2 = glGetError();
        glGetFloatv(limits[i], &fv);
        GLenum e3 = glGetError();
        glGetBooleanv(limits[i], &bv);
        GLenum e4 = glGetError();
        glst_note("limit 0x%x: %d (0x%x) %lld (0x%x) %g (0x%x) %u (0x%x)", limits[i], iv, e1, (long long)i64, e2,
                  (double)fv, e3, bv, e4);
        GLST_CHECK_HEX(e1, GL_NO_ERROR);
    }
    /* the ES 3.1 minimums */
    GLint v = 0;
    glGetIntegerv(GL_MAX_SAMPLE_MASK_WORDS, &v);
    GLST_CHECK(v >= 1);
    glGetIntegerv(GL_MAX_FRAMEBUFFER_WIDTH, &v);
    GLST_CHECK(v >= 2048);
    /* indexed limits: x, y, z and then GL_INVALID_VALUE */
    const GLenum indexed[] = {GL_MAX_COMPUTE_WORK_GROUP_COUNT, GL_MAX_COMPUTE_WORK_GROUP_SIZE};
    for (int t = 0; t < 2; t++) {
        for (GLuint i = 0; i < 4; i++) {
            GLint iv = -7;
            GLint64 i64 = -7;
            GLboolean bv = 7;
            glGetIntegeri_v(indexed[t], i, &iv);
            GLenum e1 = glGetError();
            glGetInteger64i_v(indexed[t], i, &i64);
            GLenum e2 = glGetError();
            glGetBooleani_v(indexed[t], i, &bv);
            GLenum e3 = glGetError();
            glst_note("indexed 0x%x[%u]: %d (0x%x) %lld (0x%x) %u (0x%x)", indexed[t], i, iv, e1, (long long)i64, e2,
                      bv, e3);
            GLST_CHECK_HEX(e1, i < 3 ? GL_NO_ERROR : GL_INVALID_VALUE);
        }
        GLint plain = -7;
        glGetIntegerv(indexed[t], &plain);
        glst_note("glGetIntegerv of indexed 0x%x: %d", indexed[t], plain);
        note_err("glGetIntegerv of an indexed limit");
    }
    GLboolean b = 7;
    glGetBooleani_v(GL_MAX_SAMPLES, 0, &b);
    glst_note("glGetBooleani_v(GL_MAX_SAMPLES): %u", b);
    GLST_ERR("glGetBooleani_v of a plain pname", GL_INVALID_ENUM);
    glGetBooleani_v(GL_UNIFORM_BUFFER_BINDING, 0, &b);
    glst_note("glGetBooleani_v(GL_UNIFORM_BUFFER_BINDING, 0): %u", b);
    note_err("glGetBooleani_v(GL_UNIFORM_BUFFER_BINDING)");
    glGetBooleani_v(GL_UNIFORM_BUFFER_BINDING, 1000, &b);
    GLST_ERR("glGetBooleani_v index past the bindings", GL_INVALID_VALUE);
    glGetBooleani_v(0x1234, 0, &b);
    GLST_ERR("glGetBooleani_v of no pname", GL_INVALID_ENUM);
}

/* ---- multisample textures ---- */

static const char *resolve_fs = "#version 310 es\n"
                                "precision highp float;\n"
                                "uniform highp sampler2DMS ms;\n"
                                "uniform int samples;\n"
                                "out vec4 c;\n"
                                "void main() {\n"
                                "  ivec2 p = ivec2(gl_FragCoord.xy);\n"
                                "  vec4 sum = vec4(0.0);\n"
                                "  for (int i = 0; i < samples; i++) sum += texelFetch(ms, p, i);\n"
                                "  c = sum / float(samples);\n"
                                "  if (textureSize(ms) != ivec2(64, 64)) c = vec4(1.0, 0.0, 1.0, 1.0);\n"
                                "}\n";

static const char *resolve_one_fs = "#version 310 es\n"
                                    "precision highp float;\n"
                                    "uniform highp sampler2DMS ms;\n"
                                    "uniform int which;\n"
                                    "out vec4 c;\n"
                                    "void main() { c = texelFetch(ms, ivec2(gl_FragCoord.xy), which); }\n";

static const char *resolve_int_fs = "#version 310 es\n"
                                    "precision highp float;\n"
                                    "uniform highp isampler2DMS ms;\n"
                                    "out vec4 c;\n"
                                    "void main() {\n"
                                    "  ivec4 v = texelFetch(ms, ivec2(gl_FragCoord.xy), 1);\n"
                                    "  c = vec4(v) / 255.0 + vec4(0.0, 0.0, 0.0, 1.0);\n"
                                    "}\n";

static const char *solid_fs = "#version 310 es\n"
                              "precision mediump float;\n"
                              "out vec4 c;\n"
                              "void main() { c = vec4(1.0, 0.5, 0.25, 1.0); }\n";

static const char *int_fs = "#version 310 es\n"
                            "precision mediump float;\n"
                            "layout(location = 0) out ivec4 c;\n"
                            "void main() { c = ivec4(200, -3, 77, 0); }\n";

static void level_params(const char *what, GLenum target, GLint level)
{
    static const GLenum pnames[] = {
        GL_TEXTURE_WIDTH, GL_TEXTURE_HEIGHT, GL_TEXTURE_DEPTH, GL_TEXTURE_SAMPLES,
        GL_TEXTURE_FIXED_SAMPLE_LOCATIONS, GL_TEXTURE_INTERNAL_FORMAT, GL_TEXTURE_RED_SIZE, GL_TEXTURE_GREEN_SIZE,
        GL_TEXTURE_BLUE_SIZE, GL_TEXTURE_ALPHA_SIZE, GL_TEXTURE_DEPTH_SIZE, GL_TEXTURE_STENCIL_SIZE,
        GL_TEXTURE_SHARED_SIZE, GL_TEXTURE_RED_TYPE, GL_TEXTURE_GREEN_TYPE, GL_TEXTURE_BLUE_TYPE,
        GL_TEXTURE_ALPHA_TYPE, GL_TEXTURE_DEPTH_TYPE, GL_TEXTURE_COMPRESSED,
    };
    char line[1024];
    int n = snprintf(line, sizeof(line), "%s level %d:", what, level);
    for (size_t i = 0; i < sizeof(pnames) / sizeof(*pnames); i++) {
        GLint iv = -7;
        GLfloat fv = -7.0f;
        glGetTexLevelParameteriv(target, level, pnames[i], &iv);
        GLenum e1 = glGetError();
        glGetTexLevelParameterfv(target, level, pnames[i], &fv);
        GLenum e2 = glGetError();
        /* after an error Mesa's float form writes an uninitialised value */
        if (e1 || e2)
            n += snprintf(line + n, sizeof(line) - (size_t)n, " %d(0x%x,0x%x)", iv, e1, e2);
        else
            n += snprintf(line + n, sizeof(line) - (size_t)n, " %d/%g", iv, (double)fv);
        if (n >= (int)sizeof(line) - 40)
            break;
    }
    glst_note("%s", line);
}

static void test_multisample_textures(void)
{
    GLint max_samples = glst_get_int(GL_MAX_COLOR_TEXTURE_SAMPLES);
    glst_get_int(GL_MAX_INTEGER_SAMPLES);
    GLuint ms;
    glGenTextures(1, &ms);
    glBindTexture(GL_TEXTURE_2D_MULTISAMPLE, ms);
    glst_get_int(GL_TEXTURE_BINDING_2D_MULTISAMPLE);
    level_params("ms before storage", GL_TEXTURE_2D_MULTISAMPLE, 0);
    /* errors (ES 3.1 8.8) */
    glTexStorage2DMultisample(GL_TEXTURE_2D, 4, GL_RGBA8, W, H, GL_TRUE);
    GLST_ERR("glTexStorage2DMultisample GL_TEXTURE_2D", GL_INVALID_ENUM);
    glTexStorage2DMultisample(GL_TEXTURE_2D_MULTISAMPLE, 0, GL_RGBA8, W, H, GL_TRUE);
    GLST_ERR("glTexStorage2DMultisample 0 samples", GL_INVALID_VALUE);
    glTexStorage2DMultisample(GL_TEXTURE_2D_MULTISAMPLE, -1, GL_RGBA8, W, H, GL_TRUE);
    note_err("glTexStorage2DMultisample -1 samples");
    glTexStorage2DMultisample(GL_TEXTURE_2D_MULTISAMPLE, max_samples + 1, GL_RGBA8, W, H, GL_TRUE);
    GLST_ERR("glTexStorage2DMultisample too many samples", GL_INVALID_OPERATION);
    glTexStorage2DMultisample(GL_TEXTURE_2D_MULTISAMPLE, 4, GL_RGBA8, 0, H, GL_TRUE);
    GLST_ERR("glTexStorage2DMultisample width 0", GL_INVALID_VALUE);
    glTexStorage2DMultisample(GL_TEXTURE_2D_MULTISAMPLE, 4, GL_RGBA8, 1 << 20, H, GL_TRUE);
    GLST_ERR("glTexStorage2DMultisample width too large", GL_INVALID_VALUE);
    glTexStorage2DMultisample(GL_TEXTURE_2D_MULTISAMPLE, 4, GL_RGBA, W, H, GL_TRUE);
    GLST_ERR("glTexStorage2DMultisample unsized", GL_INVALID_ENUM);
    glTexStorage2DMultisample(GL_TEXTURE_2D_MULTISAMPLE, 4, GL_COMPRESSED_RGB8_ETC2, W, H, GL_TRUE);
    GLST_ERR("glTexStorage2DMultisample compressed", GL_INVALID_ENUM);
    glTexStorage2DMultisample(GL_TEXTURE_2D_MULTISAMPLE, 4, GL_RGB9_E5, W, H, GL_TRUE);
    GLST_ERR("glTexStorage2DMultisample not renderable", GL_INVALID_ENUM);
    glTexStorage2DMultisample(GL_TEXTURE_2D_MULTISAMPLE, 4, 0x1234, W, H, GL_TRUE);
    GLST_ERR("glTexStorage2DMultisample no format", GL_INVALID_ENUM);
    glBindTexture(GL_TEXTURE_2D_MULTISAMPLE, 0);
    glTexStorage2DMultisample(GL_TEXTURE_2D_MULTISAMPLE, 4, GL_RGBA8, W, H, GL_TRUE);
    GLST_ERR("glTexStorage2DMultisample texture 0", GL_INVALID_OPERATION);
    GLuint t2d;
    glGenTextures(1, &t2d);
    glBindTexture(GL_TEXTURE_2D, t2d);
    glBindTexture(GL_TEXTURE_2D_MULTISAMPLE, t2d);
    GLST_ERR("bind a 2D texture as multisample", GL_INVALID_OPERATION);
    glBindTexture(GL_TEXTURE_2D_MULTISAMPLE, ms);
    glTexStorage2DMultisample(GL_TEXTURE_2D_MULTISAMPLE, 4, GL_RGBA8, W, H, GL_FALSE);
    GLST_ERR("glTexStorage2DMultisample", GL_NO_ERROR);
    glTexStorage2DMultisample(GL_TEXTURE_2D_MULTISAMPLE, 4, GL_RGBA8, W, H, GL_FALSE);
    GLST_ERR("glTexStorage2DMultisample twice", GL_INVALID_OPERATION);
    level_params("ms RGBA8 x4", GL_TEXTURE_2D_MULTISAMPLE, 0);
    level_params("ms RGBA8 x4", GL_TEXTURE_2D_MULTISAMPLE, 1);
    /* parameters of a multisample texture: sampler state is refused */
    GLint iv = -7;
    glGetTexParameteriv(GL_TEXTURE_2D_MULTISAMPLE, GL_TEXTURE_IMMUTABLE_FORMAT, &iv);
    glst_note("ms immutable %d", iv);
    glTexParameteri(GL_TEXTURE_2D_MULTISAMPLE, GL_TEXTURE_MIN_FILTER, GL_NEAREST);
    note_err("glTexParameteri min filter of multisample");
    glTexParameteri(GL_TEXTURE_2D_MULTISAMPLE, GL_TEXTURE_SWIZZLE_R, GL_GREEN);
    note_err("glTexParameteri swizzle of multisample");
    glTexParameteri(GL_TEXTURE_2D_MULTISAMPLE, GL_TEXTURE_SWIZZLE_R, GL_RED);
    glTexParameteri(GL_TEXTURE_2D_MULTISAMPLE, GL_TEXTURE_BASE_LEVEL, 1);
    note_err("glTexParameteri base level 1 of multisample");
    glGenerateMipmap(GL_TEXTURE_2D_MULTISAMPLE);
    GLST_ERR("glGenerateMipmap multisample", GL_INVALID_ENUM);
    glTexImage2D(GL_TEXTURE_2D_MULTISAMPLE, 0, GL_RGBA, 4, 4, 0, GL_RGBA, GL_UNSIGNED_BYTE, NULL);
    GLST_ERR("glTexImage2D multisample", GL_INVALID_ENUM);

    GLuint target_tex;
    GLuint target = make_target(&target_tex);
    GLuint resolve = glst_program(quad_vs, resolve_fs);
    GLuint resolve_one = glst_program(quad_vs, resolve_one_fs);
    GLuint solid = glst_program(quad_vs, solid_fs);
    glActiveTexture(GL_TEXTURE1);
    glBindTexture(GL_TEXTURE_2D_MULTISAMPLE, ms);
    glActiveTexture(GL_TEXTURE0);
    glUseProgram(resolve);
    glUniform1i(glGetUniformLocation(resolve, "ms"), 1);
    glUniform1i(glGetUniformLocation(resolve, "samples"), 4);
    /* new storage reads as zero */
    glClearColor(0.2f, 0.2f, 0.2f, 0.2f);
    glClear(GL_COLOR_BUFFER_BIT);
    draw_quad(-1, -1, 1, 1);
    note_pixels("new multisample texture resolved", W, H);

    GLuint fb_ms = make_fb_tex(GL_TEXTURE_2D_MULTISAMPLE, ms);
    GLST_CHECK_HEX(glCheckFramebufferStatus(GL_FRAMEBUFFER), GL_FRAMEBUFFER_COMPLETE);
    glst_get_int(GL_SAMPLES);
    glst_get_int(GL_SAMPLE_BUFFERS);
    GLint att = -7;
    glGetFramebufferAttachmentParameteriv(GL_FRAMEBUFFER, GL_COLOR_ATTACHMENT0, GL_FRAMEBUFFER_ATTACHMENT_OBJECT_NAME,
                                          &att);
    glst_note("attached ms is %u: %d", ms, att == (GLint)ms);
    for (GLuint i = 0; i <= 4; i++) {
        GLfloat pos[2] = {-1.0f, -1.0f};
        glGetMultisamplefv(GL_SAMPLE_POSITION, i, pos);
        glst_note("sample %u position %g,%g", i, (double)pos[0], (double)pos[1]);
        GLST_ERR("glGetMultisamplefv", i < 4 ? GL_NO_ERROR : GL_INVALID_VALUE);
    }
    GLfloat pos[2];
    glGetMultisamplefv(GL_SAMPLES, 0, pos);
    GLST_ERR("glGetMultisamplefv bad pname", GL_INVALID_ENUM);
    glTexStorage2DMultisample(GL_TEXTURE_2D_MULTISAMPLE, 4, GL_RGBA8, W, H, GL_TRUE);
    GLST_ERR("glTexStorage2DMultisample of an attached immutable texture", GL_INVALID_OPERATION);
    glClearColor(0.0f, 0.0f, 1.0f, 1.0f);
    glClear(GL_COLOR_BUFFER_BIT);
    glUseProgram(solid);
    draw_triangle();
    GLST_ERR("draw to multisample texture", GL_NO_ERROR);
    unsigned char px[4];
    glReadPixels(0, 0, 1, 1, GL_RGBA, GL_UNSIGNED_BYTE, px);
    GLST_ERR("glReadPixels of a multisample framebuffer", GL_INVALID_OPERATION);

    glBindFramebuffer(GL_FRAMEBUFFER, target);
    glUseProgram(resolve);
    draw_quad(-1, -1, 1, 1);
    note_pixels("multisample triangle resolved by texelFetch", W, H);
    glUseProgram(resolve_one);
    glUniform1i(glGetUniformLocation(resolve_one, "ms"), 1);
    for (int s = 0; s < 4; s++) {
        glUniform1i(glGetUniformLocation(resolve_one, "which"), s);
        draw_quad(-1, -1, 1, 1);
        char what[64];
        snprintf(what, sizeof(what), "sample %d", s);
        note_pixels(what, W, H);
    }

    /* the sample mask: only sample 0 (then 1 and 3) written */
    glBindFramebuffer(GL_FRAMEBUFFER, fb_ms);
    glClearColor(0.0f, 0.0f, 0.0f, 0.0f);
    glClear(GL_COLOR_BUFFER_BIT);
    glst_note("GL_SAMPLE_MASK enabled %u", glIsEnabled(GL_SAMPLE_MASK));
    glEnable(GL_SAMPLE_MASK);
    GLST_ERR("glEnable(GL_SAMPLE_MASK)", GL_NO_ERROR);
    glst_note("GL_SAMPLE_MASK enabled %u", glIsEnabled(GL_SAMPLE_MASK));
    glSampleMaski(0, 0x1);
    GLint mask = -7;
    glGetIntegeri_v(GL_SAMPLE_MASK_VALUE, 0, &mask);
    glst_note("sample mask word 0: 0x%x", mask);
    GLboolean bmask = 7;
    glGetBooleani_v(GL_SAMPLE_MASK_VALUE, 0, &bmask);
    glst_note("sample mask word 0 as boolean: %u", bmask);
    glGetIntegeri_v(GL_SAMPLE_MASK_VALUE, 1, &mask);
    GLST_ERR("glGetIntegeri_v(GL_SAMPLE_MASK_VALUE, 1)", GL_INVALID_VALUE);
    GLint plain = -7;
    glGetIntegerv(GL_SAMPLE_MASK_VALUE, &plain);
    glst_note("glGetIntegerv(GL_SAMPLE_MASK_VALUE): %d", plain);
    note_err("glGetIntegerv(GL_SAMPLE_MASK_VALUE)");
    glSampleMaski(1, 0x1);
    GLST_ERR("glSampleMaski word 1", GL_INVALID_VALUE);
    glUseProgram(solid);
    draw_quad(-1, -1, 1, 1);
    glSampleMaski(0, 0xa);
    glGetIntegeri_v(GL_SAMPLE_MASK_VALUE, 0, &mask);
    glst_note("sample mask word 0: 0x%x", mask);
    draw_triangle();
    glDisable(GL_SAMPLE_MASK);
    glBindFramebuffer(GL_FRAMEBUFFER, target);
    glUseProgram(resolve_one);
    for (int s = 0; s < 4; s++) {
        glUniform1i(glGetUniformLocation(resolve_one, "which"), s);
        draw_quad(-1, -1, 1, 1);
        char what[64];
        snprintf(what, sizeof(what), "masked sample %d", s);
        note_pixels(what, W, H);
    }
    glUseProgram(resolve);
    draw_quad(-1, -1, 1, 1);
    note_pixels("masked resolved", W, H);

    /* integer multisample texture: zeroed, then drawn */
    GLuint ims;
    glGenTextures(1, &ims);
    glActiveTexture(GL_TEXTURE2);
    glBindTexture(GL_TEXTURE_2D_MULTISAMPLE, ims);
    glTexStorage2DMultisample(GL_TEXTURE_2D_MULTISAMPLE, 2, GL_RGBA8I, W, H, GL_TRUE);
    note_err("glTexStorage2DMultisample RGBA8I x2");
    level_params("ms RGBA8I x2", GL_TEXTURE_2D_MULTISAMPLE, 0);
    glActiveTexture(GL_TEXTURE0);
    GLuint resolve_int = glst_program(quad_vs, resolve_int_fs);
    glUseProgram(resolve_int);
    glUniform1i(glGetUniformLocation(resolve_int, "ms"), 2);
    draw_quad(-1, -1, 1, 1);
    note_pixels("new integer multisample texture", W, H);
    GLuint fb_ims = make_fb_tex(GL_TEXTURE_2D_MULTISAMPLE, ims);
    glst_note("integer ms status 0x%x", glCheckFramebufferStatus(GL_FRAMEBUFFER));
    GLuint intp = glst_program(quad_vs, int_fs);
    glUseProgram(intp);
    draw_triangle();
    glBindFramebuffer(GL_FRAMEBUFFER, target);
    glUseProgram(resolve_int);
    draw_quad(-1, -1, 1, 1);
    note_pixels("integer multisample triangle", W, H);

    /* depth-stencil multisample texture: sampled depth reads zero */
    GLuint dms;
    glGenTextures(1, &dms);
    glActiveTexture(GL_TEXTURE1);
    glBindTexture(GL_TEXTURE_2D_MULTISAMPLE, dms);
    glTexStorage2DMultisample(GL_TEXTURE_2D_MULTISAMPLE, 4, GL_DEPTH24_STENCIL8, W, H, GL_TRUE);
    note_err("glTexStorage2DMultisample DEPTH24_STENCIL8 x4");
    level_params("ms DEPTH24_STENCIL8 x4", GL_TEXTURE_2D_MULTISAMPLE, 0);
    glTexStorage2DMultisample(GL_TEXTURE_2D_MULTISAMPLE, 4, GL_DEPTH_COMPONENT16, W, H, GL_TRUE);
    GLST_ERR("glTexStorage2DMultisample of an immutable depth texture", GL_INVALID_OPERATION);
    glActiveTexture(GL_TEXTURE0);
    glUseProgram(resolve);
    draw_quad(-1, -1, 1, 1);
    note_pixels("new depth multisample texture", W, H);

    /* the sample counts of multisample textures */
    const GLenum iformats[] = {GL_RGBA8, GL_RGBA8I, GL_R32UI, GL_DEPTH24_STENCIL8, GL_RGB9_E5, GL_RGBA};
    for (int i = 0; i < 6; i++) {
        GLint counts[8] = {-7, -7, -7, -7, -7, -7, -7, -7}, n = -7;
        glGetInternalformativ(GL_TEXTURE_2D_MULTISAMPLE, iformats[i], GL_NUM_SAMPLE_COUNTS, 1, &n);
        GLenum e1 = glGetError();
        glGetInternalformativ(GL_TEXTURE_2D_MULTISAMPLE, iformats[i], GL_SAMPLES, 8, counts);
        GLenum e2 = glGetError();
        glst_note("internal format 0x%x of multisample textures: %d counts (0x%x): %d %d %d %d (0x%x)", iformats[i], n,
                  e1, counts[0], counts[1], counts[2], counts[3], e2);
    }
    GLint n_counts = -7;
    glGetInternalformativ(GL_TEXTURE_2D, GL_RGBA8, GL_NUM_SAMPLE_COUNTS, 1, &n_counts);
    GLST_ERR("glGetInternalformativ of GL_TEXTURE_2D", GL_INVALID_ENUM);

    glUseProgram(0);
    GLuint textures[] = {ms, t2d, target_tex, ims, dms};
    glDeleteTextures(5, textures);
    GLuint fbs[] = {fb_ms, target, fb_ims};
    glDeleteFramebuffers(3, fbs);
    glDeleteProgram(resolve);
    glDeleteProgram(resolve_one);
    glDeleteProgram(resolve_int);
    glDeleteProgram(solid);
    glDeleteProgram(intp);
    glBindFramebuffer(GL_FRAMEBUFFER, 0);
    GLST_ERR("multisample textures end", GL_NO_ERROR);
}

/* ---- level parameters of many formats and targets ---- */

static void test_level_parameters(void)
{
    static const struct {
        GLenum format;
        const char *name;
    } formats[] = {
        {GL_RGBA8, "RGBA8"}, {GL_RGB565, "RGB565"}, {GL_RGB10_A2, "RGB10_A2"}, {GL_SRGB8_ALPHA8, "SRGB8_ALPHA8"},
        {GL_R8_SNORM, "R8_SNORM"}, {GL_R11F_G11F_B10F, "R11F_G11F_B10F"}, {GL_RGB9_E5, "RGB9_E5"},
        {GL_RGBA32F, "RGBA32F"}, {GL_RG16I, "RG16I"}, {GL_R32UI, "R32UI"}, {GL_RGB16F, "RGB16F"},
        {GL_DEPTH_COMPONENT16, "DEPTH16"}, {GL_DEPTH_COMPONENT32F, "DEPTH32F"},
        {GL_DEPTH24_STENCIL8, "DEPTH24_STENCIL8"}, {GL_DEPTH32F_STENCIL8, "DEPTH32F_STENCIL8"},
        {GL_COMPRESSED_RGBA8_ETC2_EAC, "ETC2_EAC"}, {GL_COMPRESSED_R11_EAC, "R11_EAC"},
    };
    for (size_t i = 0; i < sizeof(formats) / sizeof(*formats); i++) {
        GLuint t;
        glGenTextures(1, &t);
        glBindTexture(GL_TEXTURE_2D, t);
        glTexStorage2D(GL_TEXTURE_2D, 3, formats[i].format, 16, 8);
        note_err(formats[i].name);
        level_params(formats[i].name, GL_TEXTURE_2D, 0);
        level_params(formats[i].name, GL_TEXTURE_2D, 2);
        level_params(formats[i].name, GL_TEXTURE_2D, 3);
        glDeleteTextures(1, &t);
    }
    /* mutable images: unsized formats and a missing level */
    GLuint t;
    glGenTextures(1, &t);
    glBindTexture(GL_TEXTURE_2D, t);
    glTexImage2D(GL_TEXTURE_2D, 0, GL_LUMINANCE_ALPHA, 5, 3, 0, GL_LUMINANCE_ALPHA, GL_UNSIGNED_BYTE, NULL);
    glTexImage2D(GL_TEXTURE_2D, 2, GL_RGB, 1, 1, 0, GL_RGB, GL_UNSIGNED_SHORT_5_6_5, NULL);
    level_params("LUMINANCE_ALPHA", GL_TEXTURE_2D, 0);
    level_params("missing level", GL_TEXTURE_2D, 1);
    level_params("RGB 565", GL_TEXTURE_2D, 2);
    glDeleteTextures(1, &t);
    /* the default texture */
    glBindTexture(GL_TEXTURE_2D, 0);
    level_params("texture 0", GL_TEXTURE_2D, 0);
    /* 3D, array and cube faces */
    glGenTextures(1, &t);
    glBindTexture(GL_TEXTURE_3D, t);
    glTexStorage3D(GL_TEXTURE_3D, 2, GL_RGBA4, 8, 4, 6);
    level_params("3D RGBA4", GL_TEXTURE_3D, 0);
    level_params("3D RGBA4", GL_TEXTURE_3D, 1);
    glDeleteTextures(1, &t);
    glGenTextures(1, &t);
    glBindTexture(GL_TEXTURE_2D_ARRAY, t);
    glTexImage3D(GL_TEXTURE_2D_ARRAY, 0, GL_RG8, 4, 2, 5, 0, GL_RG, GL_UNSIGNED_BYTE, NULL);
    level_params("2D array RG8", GL_TEXTURE_2D_ARRAY, 0);
    glDeleteTextures(1, &t);
    glGenTextures(1, &t);
    glBindTexture(GL_TEXTURE_CUBE_MAP, t);
    glTexImage2D(GL_TEXTURE_CUBE_MAP_NEGATIVE_Y, 0, GL_RGBA16UI, 4, 4, 0, GL_RGBA_INTEGER, GL_UNSIGNED_SHORT, NULL);
    for (GLenum f = GL_TEXTURE_CUBE_MAP_POSITIVE_X; f <= GL_TEXTURE_CUBE_MAP_NEGATIVE_Z; f++) {
        char what[64];
        snprintf(what, sizeof(what), "cube face 0x%x", f);
        level_params(what, f, 0);
    }
    /* errors: the cube map itself, other targets, levels, pnames */
    GLint iv = -7;
    glGetTexLevelParameteriv(GL_TEXTURE_CUBE_MAP, 0, GL_TEXTURE_WIDTH, &iv);
    GLST_ERR("glGetTexLevelParameteriv GL_TEXTURE_CUBE_MAP", GL_INVALID_ENUM);
    glGetTexLevelParameteriv(GL_TEXTURE_EXTERNAL_OES, 0, GL_TEXTURE_WIDTH, &iv);
    GLST_ERR("glGetTexLevelParameteriv external", GL_INVALID_ENUM);
    glGetTexLevelParameteriv(0x1234, 0, GL_TEXTURE_WIDTH, &iv);
    GLST_ERR("glGetTexLevelParameteriv no target", GL_INVALID_ENUM);
    glGetTexLevelParameteriv(GL_TEXTURE_2D, -1, GL_TEXTURE_WIDTH, &iv);
    GLST_ERR("glGetTexLevelParameteriv level -1", GL_INVALID_VALUE);
    glGetTexLevelParameteriv(GL_TEXTURE_2D, 1000, GL_TEXTURE_WIDTH, &iv);
    GLST_ERR("glGetTexLevelParameteriv level 1000", GL_INVALID_VALUE);
    glGetTexLevelParameteriv(GL_TEXTURE_2D, 0, GL_TEXTURE_MIN_FILTER, &iv);
    GLST_ERR("glGetTexLevelParameteriv a texture parameter", GL_INVALID_ENUM);
    GLfloat fv = -7.0f;
    glGetTexLevelParameterfv(GL_TEXTURE_2D, 0, 0x1234, &fv);
    GLST_ERR("glGetTexLevelParameterfv no pname", GL_INVALID_ENUM);
    glst_note("untouched %d", iv); /* fv: Mesa writes an uninitialised value */
    glDeleteTextures(1, &t);
    GLST_ERR("level parameters end", GL_NO_ERROR);
}

/* ---- framebuffers without attachments ---- */

static void note_fb_params(const char *what, GLenum target)
{
    const GLenum pnames[] = {GL_FRAMEBUFFER_DEFAULT_WIDTH, GL_FRAMEBUFFER_DEFAULT_HEIGHT,
                             GL_FRAMEBUFFER_DEFAULT_SAMPLES, GL_FRAMEBUFFER_DEFAULT_FIXED_SAMPLE_LOCATIONS};
    GLint v[4] = {-7, -7, -7, -7};
    GLenum e[4];
    for (int i = 0; i < 4; i++) {
        glGetFramebufferParameteriv(target, pnames[i], &v[i]);
        e[i] = glGetError();
    }
    glst_note("%s: %d %d %d %d (0x%x 0x%x 0x%x 0x%x)", what, v[0], v[1], v[2], v[3], e[0], e[1], e[2], e[3]);
}

static GLuint samples_passed(float x0, float y0, float x1, float y1)
{
    GLuint q, any = 7;
    glGenQueries(1, &q);
    glBeginQuery(GL_ANY_SAMPLES_PASSED, q);
    draw_quad(x0, y0, x1, y1);
    glEndQuery(GL_ANY_SAMPLES_PASSED);
    glGetQueryObjectuiv(q, GL_QUERY_RESULT, &any);
    glDeleteQueries(1, &q);
    return any;
}

static void test_no_attachments(void)
{
    note_fb_params("default framebuffer", GL_FRAMEBUFFER);
    GLST_CHECK_HEX(glGetError(), GL_NO_ERROR);
    glFramebufferParameteri(GL_FRAMEBUFFER, GL_FRAMEBUFFER_DEFAULT_WIDTH, 16);
    GLST_ERR("glFramebufferParameteri on framebuffer 0", GL_INVALID_OPERATION);
    GLuint fb;
    glGenFramebuffers(1, &fb);
    glBindFramebuffer(GL_FRAMEBUFFER, fb);
    note_fb_params("new framebuffer", GL_FRAMEBUFFER);
    glst_note("status without attachments or size 0x%x", glCheckFramebufferStatus(GL_FRAMEBUFFER));
    glFramebufferParameteri(GL_FRAMEBUFFER, GL_FRAMEBUFFER_DEFAULT_WIDTH, 16);
    glFramebufferParameteri(GL_DRAW_FRAMEBUFFER, GL_FRAMEBUFFER_DEFAULT_HEIGHT, 8);
    glFramebufferParameteri(GL_FRAMEBUFFER, GL_FRAMEBUFFER_DEFAULT_SAMPLES, 0);
    glFramebufferParameteri(GL_FRAMEBUFFER, GL_FRAMEBUFFER_DEFAULT_FIXED_SAMPLE_LOCATIONS, 5);
    GLST_ERR("glFramebufferParameteri", GL_NO_ERROR);
    note_fb_params("16x8", GL_FRAMEBUFFER);
    note_fb_params("16x8 as read", GL_READ_FRAMEBUFFER);
    GLint max_w = glst_get_int(GL_MAX_FRAMEBUFFER_WIDTH);
    GLint max_s = glst_get_int(GL_MAX_FRAMEBUFFER_SAMPLES);
    glFramebufferParameteri(GL_FRAMEBUFFER, GL_FRAMEBUFFER_DEFAULT_WIDTH, max_w + 1);
    GLST_ERR("default width past the maximum", GL_INVALID_VALUE);
    glFramebufferParameteri(GL_FRAMEBUFFER, GL_FRAMEBUFFER_DEFAULT_HEIGHT, -1);
    GLST_ERR("default height -1", GL_INVALID_VALUE);
    glFramebufferParameteri(GL_FRAMEBUFFER, GL_FRAMEBUFFER_DEFAULT_SAMPLES, max_s + 1);
    GLST_ERR("default samples past the maximum", GL_INVALID_VALUE);
    glFramebufferParameteri(GL_FRAMEBUFFER, GL_TEXTURE_WIDTH, 2);
    GLST_ERR("glFramebufferParameteri bad pname", GL_INVALID_ENUM);
    glFramebufferParameteri(GL_RENDERBUFFER, GL_FRAMEBUFFER_DEFAULT_WIDTH, 2);
    GLST_ERR("glFramebufferParameteri bad target", GL_INVALID_ENUM);
    GLint v = -7;
    glGetFramebufferParameteriv(GL_FRAMEBUFFER, GL_FRAMEBUFFER_ATTACHMENT_OBJECT_TYPE, &v);
    GLST_ERR("glGetFramebufferParameteriv bad pname", GL_INVALID_ENUM);
    glGetFramebufferParameteriv(GL_RENDERBUFFER, GL_FRAMEBUFFER_DEFAULT_WIDTH, &v);
    GLST_ERR("glGetFramebufferParameteriv bad target", GL_INVALID_ENUM);
    glst_note("untouched %d", v);
    glst_note("status 16x8 0x%x", glCheckFramebufferStatus(GL_FRAMEBUFFER));

    /* rendering: fragments exist within the default size only */
    GLuint solid = glst_program(quad_vs, solid_fs);
    glUseProgram(solid);
    glViewport(0, 0, 64, 64);
    glst_note("quad over 16x8: any samples passed %u", samples_passed(-1, -1, 1, 1));
    glst_note("quad past 16x8: any samples passed %u", samples_passed(0.6f, 0.6f, 1, 1));
    glst_note("quad inside 16x8: any samples passed %u", samples_passed(-1, -1, -0.9f, -0.9f));
    glFramebufferParameteri(GL_FRAMEBUFFER, GL_FRAMEBUFFER_DEFAULT_SAMPLES, 4);
    note_fb_params("16x8 x4", GL_FRAMEBUFFER);
    glst_get_int(GL_SAMPLES);
    glst_get_int(GL_SAMPLE_BUFFERS);
    glst_note("quad over 16x8 x4: any samples passed %u", samples_passed(-1, -1, 1, 1));
    glFramebufferParameteri(GL_FRAMEBUFFER, GL_FRAMEBUFFER_DEFAULT_WIDTH, 0);
    glst_note("status width 0 0x%x", glCheckFramebufferStatus(GL_FRAMEBUFFER));
    glUseProgram(0);
    glDeleteProgram(solid);
    glBindFramebuffer(GL_FRAMEBUFFER, 0);
    glDeleteFramebuffers(1, &fb);
    glViewport(0, 0, W, H);
    GLST_ERR("no attachments end", GL_NO_ERROR);
}

/* ---- stencil texturing ---- */

static void test_stencil_texturing(void)
{
    GLuint t;
    glGenTextures(1, &t);
    glActiveTexture(GL_TEXTURE1); /* unit 0 gets the render target */
    glBindTexture(GL_TEXTURE_2D, t);
    GLuint data[W * H];
    for (int y = 0; y < H; y++)
        for (int x = 0; x < W; x++)
            data[y * W + x] = ((GLuint)(x * 1000 + y * 5) << 8) | (GLuint)((x * 4 + y * 3) & 0xff);
    glTexImage2D(GL_TEXTURE_2D, 0, GL_DEPTH24_STENCIL8, W, H, 0, GL_DEPTH_STENCIL, GL_UNSIGNED_INT_24_8, data);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_NEAREST);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_NEAREST);
    GLint mode = -7;
    glGetTexParameteriv(GL_TEXTURE_2D, GL_DEPTH_STENCIL_TEXTURE_MODE, &mode);
    glst_note("default depth stencil mode 0x%x", mode);
    glTexParameteri(GL_TEXTURE_2D, GL_DEPTH_STENCIL_TEXTURE_MODE, GL_RED);
    GLST_ERR("GL_DEPTH_STENCIL_TEXTURE_MODE GL_RED", GL_INVALID_ENUM);
    /* a float that is not exactly the enum: converted as the driver does */
    const GLfloat near[] = {(GLfloat)GL_STENCIL_INDEX + 0.25f, (GLfloat)GL_DEPTH_COMPONENT + 0.75f,
                            (GLfloat)GL_STENCIL_INDEX - 0.75f, (GLfloat)GL_STENCIL_INDEX + 0.5f, 1e20f};
    for (int i = 0; i < 5; i++) {
        glTexParameterf(GL_TEXTURE_2D, GL_DEPTH_STENCIL_TEXTURE_MODE, near[i]);
        GLenum err = glGetError();
        glGetTexParameteriv(GL_TEXTURE_2D, GL_DEPTH_STENCIL_TEXTURE_MODE, &mode);
        glst_note("GL_DEPTH_STENCIL_TEXTURE_MODE %g: error 0x%x, now 0x%x", (double)near[i], err, mode);
        glTexParameterfv(GL_TEXTURE_2D, GL_DEPTH_STENCIL_TEXTURE_MODE, &near[i]);
        err = glGetError();
        glGetTexParameteriv(GL_TEXTURE_2D, GL_DEPTH_STENCIL_TEXTURE_MODE, &mode);
        glst_note("GL_DEPTH_STENCIL_TEXTURE_MODE fv %g: error 0x%x, now 0x%x", (double)near[i], err, mode);
    }
    glTexParameterf(GL_TEXTURE_2D, GL_TEXTURE_SWIZZLE_G, (GLfloat)GL_GREEN + 0.75f);
    note_err("swizzle GL_GREEN + 0.75");
    glTexParameterf(GL_TEXTURE_2D, GL_TEXTURE_SWIZZLE_G, (GLfloat)GL_ALPHA + 0.75f);
    note_err("swizzle GL_ALPHA + 0.75");
    glTexParameterf(GL_TEXTURE_2D, GL_TEXTURE_SWIZZLE_G, (GLfloat)GL_ALPHA + 0.25f);
    note_err("swizzle GL_ALPHA + 0.25");
    glTexParameterf(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, (GLfloat)GL_LINEAR - 0.25f);
    note_err("min filter GL_LINEAR - 0.25");
    const GLfloat alpha_up = (GLfloat)GL_ALPHA + 0.75f;
    glTexParameterfv(GL_TEXTURE_2D, GL_TEXTURE_SWIZZLE_G, &alpha_up);
    note_err("swizzle fv GL_ALPHA + 0.75");
    const GLfloat linear_down = (GLfloat)GL_LINEAR - 0.25f;
    glTexParameterfv(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, &linear_down);
    note_err("min filter fv GL_LINEAR - 0.25");
    GLint swz = -7;
    glGetTexParameteriv(GL_TEXTURE_2D, GL_TEXTURE_SWIZZLE_G, &swz);
    glst_note("swizzle G now 0x%x", swz);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_SWIZZLE_G, GL_GREEN);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_NEAREST);
    GLint bad = GL_STENCIL;
    glTexParameteriv(GL_TEXTURE_2D, GL_DEPTH_STENCIL_TEXTURE_MODE, &bad);
    GLST_ERR("GL_DEPTH_STENCIL_TEXTURE_MODE GL_STENCIL", GL_INVALID_ENUM);
    GLfloat fmode = (GLfloat)GL_STENCIL_INDEX;
    glTexParameterfv(GL_TEXTURE_2D, GL_DEPTH_STENCIL_TEXTURE_MODE, &fmode);
    GLST_ERR("GL_DEPTH_STENCIL_TEXTURE_MODE GL_STENCIL_INDEX as float", GL_NO_ERROR);
    GLfloat fv = -7.0f;
    glGetTexParameterfv(GL_TEXTURE_2D, GL_DEPTH_STENCIL_TEXTURE_MODE, &fv);
    glst_note("depth stencil mode as float %g", (double)fv);
    GLuint sampler;
    glGenSamplers(1, &sampler);
    glSamplerParameteri(sampler, GL_DEPTH_STENCIL_TEXTURE_MODE, GL_STENCIL_INDEX);
    GLST_ERR("a sampler has no depth stencil mode", GL_INVALID_ENUM);
    glDeleteSamplers(1, &sampler);
    glActiveTexture(GL_TEXTURE0);

    GLuint target_tex;
    GLuint target = make_target(&target_tex);
    GLuint prog = glst_program(quad_vs, "#version 310 es\n"
                                        "precision highp float;\n"
                                        "uniform highp usampler2D s;\n"
                                        "out vec4 c;\n"
                                        "void main() {\n"
                                        "  uvec4 v = texelFetch(s, ivec2(gl_FragCoord.xy), 0);\n"
                                        "  uvec4 w = texture(s, gl_FragCoord.xy / 64.0);\n"
                                        "  c = vec4(float(v.r) / 255.0, float(w.r) / 255.0, float(v.a), 1.0);\n"
                                        "}\n");
    glUseProgram(prog);
    glUniform1i(glGetUniformLocation(prog, "s"), 1);
    draw_quad(-1, -1, 1, 1);
    note_pixels("stencil texturing", W, H);
    /* depth mode again: the depth values through a float sampler */
    glActiveTexture(GL_TEXTURE1);
    glTexParameteri(GL_TEXTURE_2D, GL_DEPTH_STENCIL_TEXTURE_MODE, GL_DEPTH_COMPONENT);
    glActiveTexture(GL_TEXTURE0);
    GLuint depth = glst_program(quad_vs, "#version 310 es\n"
                                         "precision highp float;\n"
                                         "uniform highp sampler2D s;\n"
                                         "out vec4 c;\n"
                                         "void main() { c = vec4(texelFetch(s, ivec2(gl_FragCoord.xy), 0).r); }\n");
    glUseProgram(depth);
    glUniform1i(glGetUniformLocation(depth, "s"), 1);
    draw_quad(-1, -1, 1, 1);
    note_pixels("depth texturing", W, H);
    glUseProgram(0);
    glDeleteProgram(prog);
    glDeleteProgram(depth);
    glBindFramebuffer(GL_FRAMEBUFFER, 0);
    glDeleteFramebuffers(1, &target);
    GLuint textures[] = {t, target_tex};
    glDeleteTextures(2, textures);
    GLST_ERR("stencil texturing end", GL_NO_ERROR);
}

/* ---- texture gather ---- */

static void test_gather(void)
{
    GLuint t;
    glGenTextures(1, &t);
    glActiveTexture(GL_TEXTURE2); /* unit 0 gets the render target */
    glBindTexture(GL_TEXTURE_2D, t);
    unsigned char texels[8 * 8 * 4];
    for (int i = 0; i < 8 * 8; i++) {
        texels[4 * i] = (unsigned char)(i * 4);
        texels[4 * i + 1] = (unsigned char)(255 - i * 3);
        texels[4 * i + 2] = (unsigned char)((i * 37) & 0xff);
        texels[4 * i + 3] = (unsigned char)(i & 1 ? 255 : 64);
    }
    glTexImage2D(GL_TEXTURE_2D, 0, GL_RGBA8, 8, 8, 0, GL_RGBA, GL_UNSIGNED_BYTE, texels);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_LINEAR);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_S, GL_REPEAT);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_T, GL_MIRRORED_REPEAT);
    glActiveTexture(GL_TEXTURE0);
    GLuint target_tex;
    GLuint target = make_target(&target_tex);
    GLuint prog = glst_program(quad_vs, "#version 310 es\n"
                                        "precision highp float;\n"
                                        "uniform highp sampler2D s;\n"
                                        "uniform int comp;\n"
                                        "out vec4 c;\n"
                                        "void main() {\n"
                                        "  vec2 uv = gl_FragCoord.xy / 32.0 - 0.5;\n"
                                        "  if (comp == 0) c = textureGather(s, uv);\n"
                                        "  else if (comp == 1) c = textureGather(s, uv, 1);\n"
                                        "  else if (comp == 2) c = textureGatherOffset(s, uv, ivec2(-3, 2), 2);\n"
                                        "  else c = textureGatherOffset(s, uv, ivec2(1, -1), 3);\n"
                                        "}\n");
    glUseProgram(prog);
    glUniform1i(glGetUniformLocation(prog, "s"), 2);
    for (int comp = 0; comp < 4; comp++) {
        glUniform1i(glGetUniformLocation(prog, "comp"), comp);
        draw_quad(-1, -1, 1, 1);
        char what[64];
        snprintf(what, sizeof(what), "gather component %d", comp);
        note_pixels(what, W, H);
    }
    /* depth comparison gather */
    GLuint d;
    glGenTextures(1, &d);
    glActiveTexture(GL_TEXTURE1);
    glBindTexture(GL_TEXTURE_2D, d);
    GLfloat depths[8 * 8];
    for (int i = 0; i < 8 * 8; i++)
        depths[i] = (float)((i * 13) % 64) / 64.0f;
    glTexImage2D(GL_TEXTURE_2D, 0, GL_DEPTH_COMPONENT32F, 8, 8, 0, GL_DEPTH_COMPONENT, GL_FLOAT, depths);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_NEAREST);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_NEAREST);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_COMPARE_MODE, GL_COMPARE_REF_TO_TEXTURE);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_COMPARE_FUNC, GL_LESS);
    glActiveTexture(GL_TEXTURE0);
    GLuint shadow = glst_program(quad_vs, "#version 310 es\n"
                                          "precision highp float;\n"
                                          "uniform highp sampler2DShadow s;\n"
                                          "out vec4 c;\n"
                                          "void main() {\n"
                                          "  c = textureGather(s, gl_FragCoord.xy / 64.0, 0.5);\n"
                                          "}\n");
    glUseProgram(shadow);
    glUniform1i(glGetUniformLocation(shadow, "s"), 1);
    draw_quad(-1, -1, 1, 1);
    note_pixels("shadow gather", W, H);
    glUseProgram(0);
    glDeleteProgram(prog);
    glDeleteProgram(shadow);
    glBindFramebuffer(GL_FRAMEBUFFER, 0);
    glDeleteFramebuffers(1, &target);
    GLuint textures[] = {t, target_tex, d};
    glDeleteTextures(3, textures);
    GLST_ERR("gather end", GL_NO_ERROR);
}

int main(void)
{
    glst_egl e;
    glst_observe_open("gles3-texfb");
    if (!glst_egl_setup_version(&e, W, H, 3)) {
        GLST_CHECK(false);
        return glst_finish();
    }
    const char *version = (const char *)glGetString(GL_VERSION);
    int minor = version && strncmp(version, "OpenGL ES 3.", 12) == 0 ? version[12] - '0' : 0;
    if (GLSTREAM_ES_VERSION_MAJOR * 10 + GLSTREAM_ES_VERSION_MINOR < 31 || minor < 1) {
        /* the same line natively and through glstream */
        glst_note("skipped: OpenGL ES 3.1 is not offered by this build");
        printf("skip: OpenGL ES 3.1 is not offered (%s)\n", version ? version : "no context");
        glst_egl_teardown(&e);
        glst_observe_close();
        return glst_finish();
    }
    test_limits();
    test_multisample_textures();
    test_level_parameters();
    test_no_attachments();
    test_stencil_texturing();
    test_gather();
    GLST_ERR("end", GL_NO_ERROR);
    glst_egl_teardown(&e);
    glst_observe_close();
    return glst_finish();
}
