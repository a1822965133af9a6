/* OpenGL ES 3.2 border colours, compared natively and through glstream:
 * GL_CLAMP_TO_BORDER and GL_TEXTURE_BORDER_COLOR through every texture and
 * sampler parameter form (f/i scalar: refused; fv, iv, Iiv, Iuiv), their
 * queries in every form, the pixels sampled from the border of normalized,
 * signed and unsigned integer textures, and the errors. Skipped (noted)
 * in a context older than ES 3.2. */
#include <stdio.h>
#include <string.h>

#include <GLES3/gl32.h>

#include "glst_observe.h"
#include "glst_test_util.h"

#define W 32
#define H 32

static const char *quad_vs = "#version 300 es\n"
                             "layout(location = 0) in vec2 pos;\n"
                             "out vec2 uv;\n"
                             "void main() { uv = pos * 0.5 + 0.5; gl_Position = vec4(pos, 0.5, 1.0); }\n";

static void draw_quad(void)
{
    static const GLfloat v[] = {-1, -1, 1, -1, -1, 1, 1, 1};
    glBindBuffer(GL_ARRAY_BUFFER, 0);
    glVertexAttribPointer(0, 2, GL_FLOAT, GL_FALSE, 0, v);
    glEnableVertexAttribArray(0);
    glDrawArrays(GL_TRIANGLE_STRIP, 0, 4);
}

/* The corners and centre (inside the texture) and a hash of the frame. */
static void note_frame(const char *what)
{
    static unsigned char px[W * H * 4];
    memset(px, 0xcd, sizeof(px));
    glReadPixels(0, 0, W, H, GL_RGBA, GL_UNSIGNED_BYTE, px);
    uint32_t hash = 2166136261u;
    for (size_t i = 0; i < sizeof(px); i++)
        hash = (hash ^ px[i]) * 16777619u;
    const unsigned char *a = px, *c = px + ((H / 2) * W + W / 2) * 4;
    glst_note("%s: err 0x%x hash %08x corner %u,%u,%u,%u centre %u,%u,%u,%u", what, glGetError(), hash, a[0], a[1],
              a[2], a[3], c[0], c[1], c[2], c[3]);
}

static GLuint make_tex(GLenum internalformat, GLenum format, GLenum type, const void *data)
{
    GLuint t;
    glGenTextures(1, &t);
    glBindTexture(GL_TEXTURE_2D, t);
    glTexImage2D(GL_TEXTURE_2D, 0, (GLint)internalformat, 2, 2, 0, format, type, data);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_NEAREST);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_NEAREST);
    return t;
}

static void note_tex_border(const char *what)
{
    GLfloat f[5] = {-1, -1, -1, -1, -1};
    GLint i[5] = {-7, -7, -7, -7, -7};
    GLint ii[5] = {-7, -7, -7, -7, -7};
    GLuint u[5] = {7, 7, 7, 7, 7};
    glGetTexParameterfv(GL_TEXTURE_2D, GL_TEXTURE_BORDER_COLOR, f);
    glGetTexParameteriv(GL_TEXTURE_2D, GL_TEXTURE_BORDER_COLOR, i);
    glGetTexParameterIiv(GL_TEXTURE_2D, GL_TEXTURE_BORDER_COLOR, ii);
    glGetTexParameterIuiv(GL_TEXTURE_2D, GL_TEXTURE_BORDER_COLOR, u);
    glst_note("%s: fv %g %g %g %g %g iv %d %d %d %d %d Iiv %d %d %d %d %d Iuiv %u %u %u %u %u err 0x%x", what, f[0],
              f[1], f[2], f[3], f[4], i[0], i[1], i[2], i[3], i[4], ii[0], ii[1], ii[2], ii[3], ii[4], u[0], u[1],
              u[2], u[3], u[4], glGetError());
}

static void note_sampler_border(const char *what, GLuint s)
{
    GLfloat f[5] = {-1, -1, -1, -1, -1};
    GLint i[5] = {-7, -7, -7, -7, -7};
    GLint ii[5] = {-7, -7, -7, -7, -7};
    GLuint u[5] = {7, 7, 7, 7, 7};
    glGetSamplerParameterfv(s, GL_TEXTURE_BORDER_COLOR, f);
    glGetSamplerParameteriv(s, GL_TEXTURE_BORDER_COLOR, i);
    glGetSamplerParameterIiv(s, GL_TEXTURE_BORDER_COLOR, ii);
    glGetSamplerParameterIuiv(s, GL_TEXTURE_BORDER_COLOR, u);
    glst_note("%s: fv %g %g %g %g %g iv %d %d %d %d %d Iiv %d %d %d %d %d Iuiv %u %u %u %u %u err 0x%x", what, f[0],
              f[1], f[2], f[3], f[4], i[0], i[1], i[2], i[3], i[4], ii[0], ii[1], ii[2], ii[3], ii[4], u[0], u[1],
              u[2], u[3], u[4], glGetError());
}

static void test_texture_border(void)
{
    static const unsigned char rgba[16] = {255, 0, 0, 255, 0, 255, 0, 255, 0, 0, 255, 255, 255, 255, 255, 255};
    GLuint tex = make_tex(GL_RGBA8, GL_RGBA, GL_UNSIGNED_BYTE, rgba);
    note_tex_border("default border");
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_S, GL_CLAMP_TO_BORDER);
    GLST_ERR("wrap S clamp to border (i)", GL_NO_ERROR);
    GLfloat wrap_t = (GLfloat)GL_CLAMP_TO_BORDER;
    glTexParameterfv(GL_TEXTURE_2D, GL_TEXTURE_WRAP_T, &wrap_t);
    GLST_ERR("wrap T clamp to border (fv)", GL_NO_ERROR);
    GLint wrap_r = GL_CLAMP_TO_BORDER;
    glTexParameteriv(GL_TEXTURE_2D, GL_TEXTURE_WRAP_R, &wrap_r);
    GLST_ERR("wrap R clamp to border (iv)", GL_NO_ERROR);
    GLint wraps[3] = {0};
    glGetTexParameteriv(GL_TEXTURE_2D, GL_TEXTURE_WRAP_S, &wraps[0]);
    glGetTexParameterIiv(GL_TEXTURE_2D, GL_TEXTURE_WRAP_T, &wraps[1]);
    glGetTexParameterIuiv(GL_TEXTURE_2D, GL_TEXTURE_WRAP_R, (GLuint *)&wraps[2]);
    glst_note("wraps 0x%x 0x%x 0x%x err 0x%x", wraps[0], wraps[1], wraps[2], glGetError());

    const GLfloat border_f[4] = {0.25f, 0.5f, 0.75f, 1.0f};
    glTexParameterfv(GL_TEXTURE_2D, GL_TEXTURE_BORDER_COLOR, border_f);
    GLST_ERR("border fv", GL_NO_ERROR);
    note_tex_border("border fv");

    GLuint prog = glst_program(quad_vs, "#version 300 es\nprecision mediump float;\nin vec2 uv;\n"
                                        "uniform sampler2D t;\nout vec4 c;\n"
                                        "void main() { c = texture(t, uv * 2.0 - 0.5); }\n");
    glUseProgram(prog);
    glClearColor(0, 0, 0, 0);
    glClear(GL_COLOR_BUFFER_BIT);
    draw_quad();
    note_frame("sampled border fv");

    const GLint border_i[4] = {0x7fffffff, 0, 0x3fffffff, 0x7fffffff};
    glTexParameteriv(GL_TEXTURE_2D, GL_TEXTURE_BORDER_COLOR, border_i);
    GLST_ERR("border iv", GL_NO_ERROR);
    note_tex_border("border iv");
    glClear(GL_COLOR_BUFFER_BIT);
    draw_quad();
    note_frame("sampled border iv");

    /* the scalar forms cannot set four values */
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_BORDER_COLOR, 1);
    GLST_ERR("border with glTexParameteri", GL_INVALID_ENUM);
    glTexParameterf(GL_TEXTURE_2D, GL_TEXTURE_BORDER_COLOR, 1.0f);
    GLST_ERR("border with glTexParameterf", GL_INVALID_ENUM);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_S, GL_CLAMP_TO_BORDER + 1);
    GLST_ERR("wrap past clamp to border", GL_INVALID_ENUM);
    GLint bad = GL_NEAREST;
    glTexParameterIiv(GL_TEXTURE_2D, GL_TEXTURE_WRAP_S, &bad);
    GLST_ERR("wrap nearest (Iiv)", GL_INVALID_ENUM);
    GLuint badu = GL_LINEAR_MIPMAP_LINEAR;
    glTexParameterIuiv(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, &badu);
    GLST_ERR("mag filter mipmap (Iuiv)", GL_INVALID_ENUM);
    GLint lin = GL_LINEAR;
    glTexParameterIiv(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, &lin);
    GLST_ERR("mag filter linear (Iiv)", GL_NO_ERROR);
    GLint v = -3;
    glGetTexParameterIiv(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, &v);
    glst_note("mag filter read back by Iiv 0x%x err 0x%x", v, glGetError());
    glTexParameterIiv(GL_TEXTURE_2D, 0x1234, &lin);
    GLST_ERR("Iiv bad pname", GL_INVALID_ENUM);
    glGetTexParameterIuiv(GL_TEXTURE_2D, 0x1234, (GLuint *)&v);
    GLST_ERR("get Iuiv bad pname", GL_INVALID_ENUM);
    glTexParameterIiv(0x1234, GL_TEXTURE_MAG_FILTER, &lin);
    GLST_ERR("Iiv bad target", GL_INVALID_ENUM);
    glGetTexParameterIiv(GL_TEXTURE_CUBE_MAP_POSITIVE_X, GL_TEXTURE_BORDER_COLOR, &v);
    GLST_ERR("get Iiv face target", GL_INVALID_ENUM);

    /* unsigned and signed integer textures: Iuiv / Iiv borders */
    static const GLuint texels_u[16] = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16};
    GLuint tex_u = make_tex(GL_RGBA32UI, GL_RGBA_INTEGER, GL_UNSIGNED_INT, texels_u);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_S, GL_CLAMP_TO_BORDER);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_T, GL_CLAMP_TO_BORDER);
    const GLuint border_u[4] = {200, 100, 50, 0xffffffffu};
    glTexParameterIuiv(GL_TEXTURE_2D, GL_TEXTURE_BORDER_COLOR, border_u);
    GLST_ERR("border Iuiv", GL_NO_ERROR);
    note_tex_border("border Iuiv");
    GLuint prog_u = glst_program(quad_vs, "#version 300 es\nprecision mediump float;\nin vec2 uv;\n"
                                          "uniform highp usampler2D t;\nout vec4 c;\n"
                                          "void main() { uvec4 v = texture(t, uv * 2.0 - 0.5);\n"
                                          "  c = vec4(min(v, uvec4(255u))) / 255.0; }\n");
    glUseProgram(prog_u);
    glClear(GL_COLOR_BUFFER_BIT);
    draw_quad();
    note_frame("sampled border Iuiv");

    static const GLint texels_i[16] = {-1, 2, -3, 4, 5, -6, 7, -8, 9, 10, -11, 12, 13, 14, 15, -16};
    GLuint tex_i = make_tex(GL_RGBA32I, GL_RGBA_INTEGER, GL_INT, texels_i);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_S, GL_CLAMP_TO_BORDER);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_T, GL_CLAMP_TO_BORDER);
    const GLint border_ii[4] = {-100, 150, 250, -1};
    glTexParameterIiv(GL_TEXTURE_2D, GL_TEXTURE_BORDER_COLOR, border_ii);
    GLST_ERR("border Iiv", GL_NO_ERROR);
    note_tex_border("border Iiv");
    GLuint prog_i = glst_program(quad_vs, "#version 300 es\nprecision mediump float;\nin vec2 uv;\n"
                                          "uniform highp isampler2D t;\nout vec4 c;\n"
                                          "void main() { ivec4 v = texture(t, uv * 2.0 - 0.5);\n"
                                          "  c = vec4(clamp(v + 128, 0, 255)) / 255.0; }\n");
    glUseProgram(prog_i);
    glClear(GL_COLOR_BUFFER_BIT);
    draw_quad();
    note_frame("sampled border Iiv");

    /* ---- sampler objects ---- */
    GLuint s[2];
    glGenSamplers(2, s);
    note_sampler_border("sampler default border", s[0]);
    glSamplerParameteri(s[0], GL_TEXTURE_MIN_FILTER, GL_NEAREST);
    glSamplerParameteri(s[0], GL_TEXTURE_WRAP_S, GL_CLAMP_TO_BORDER);
    GLfloat fwrap = (GLfloat)GL_CLAMP_TO_BORDER;
    glSamplerParameterf(s[0], GL_TEXTURE_WRAP_T, fwrap);
    GLint iwrap = GL_CLAMP_TO_BORDER;
    glSamplerParameterIiv(s[0], GL_TEXTURE_WRAP_R, &iwrap);
    GLST_ERR("sampler wraps clamp to border", GL_NO_ERROR);
    GLuint uw = 0;
    glGetSamplerParameterIuiv(s[0], GL_TEXTURE_WRAP_R, &uw);
    glst_note("sampler wrap R by Iuiv 0x%x err 0x%x", uw, glGetError());
    glSamplerParameterIuiv(s[0], GL_TEXTURE_BORDER_COLOR, border_u);
    GLST_ERR("sampler border Iuiv", GL_NO_ERROR);
    note_sampler_border("sampler border Iuiv", s[0]);
    glBindSampler(0, s[0]);
    glBindTexture(GL_TEXTURE_2D, tex_u);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_S, GL_REPEAT);
    glUseProgram(prog_u);
    glClear(GL_COLOR_BUFFER_BIT);
    draw_quad();
    note_frame("sampler border Iuiv sampled");
    glSamplerParameterIiv(s[0], GL_TEXTURE_BORDER_COLOR, border_ii);
    note_sampler_border("sampler border Iiv", s[0]);
    glBindTexture(GL_TEXTURE_2D, tex_i);
    glUseProgram(prog_i);
    glClear(GL_COLOR_BUFFER_BIT);
    draw_quad();
    note_frame("sampler border Iiv sampled");
    glSamplerParameterfv(s[1], GL_TEXTURE_BORDER_COLOR, border_f);
    note_sampler_border("sampler border fv", s[1]);
    glSamplerParameteriv(s[1], GL_TEXTURE_BORDER_COLOR, border_i);
    note_sampler_border("sampler border iv", s[1]);
    glSamplerParameteri(s[1], GL_TEXTURE_WRAP_S, GL_CLAMP_TO_BORDER);
    glSamplerParameteri(s[1], GL_TEXTURE_WRAP_T, GL_CLAMP_TO_BORDER);
    glBindSampler(0, s[1]);
    glBindTexture(GL_TEXTURE_2D, tex);
    glUseProgram(prog);
    glClear(GL_COLOR_BUFFER_BIT);
    draw_quad();
    note_frame("sampler border iv sampled");

    glSamplerParameteri(s[1], GL_TEXTURE_BORDER_COLOR, 0);
    GLST_ERR("sampler border with i", GL_INVALID_ENUM);
    glSamplerParameterf(s[1], GL_TEXTURE_BORDER_COLOR, 0.0f);
    GLST_ERR("sampler border with f", GL_INVALID_ENUM);
    glSamplerParameteri(s[1], GL_TEXTURE_WRAP_S, GL_CLAMP_TO_BORDER + 1);
    GLST_ERR("sampler wrap past clamp to border", GL_INVALID_ENUM);
    glSamplerParameterIiv(s[1], GL_TEXTURE_MIN_FILTER, &bad);
    GLST_ERR("sampler min filter nearest Iiv", GL_NO_ERROR);
    glSamplerParameterIuiv(s[1], GL_TEXTURE_COMPARE_FUNC, &badu);
    GLST_ERR("sampler compare func Iuiv", GL_INVALID_ENUM);
    glSamplerParameterIiv(s[1], GL_TEXTURE_IMMUTABLE_FORMAT, &bad);
    GLST_ERR("sampler texture-only pname Iiv", GL_INVALID_ENUM);
    glGetSamplerParameterIiv(s[1], 0x1234, &v);
    GLST_ERR("get sampler Iiv bad pname", GL_INVALID_ENUM);
    glSamplerParameterIiv(777, GL_TEXTURE_BORDER_COLOR, border_ii);
    GLST_ERR("unknown sampler Iiv", GL_INVALID_OPERATION);
    GLuint dummy[4];
    glGetSamplerParameterIuiv(777, GL_TEXTURE_BORDER_COLOR, dummy);
    GLST_ERR("get unknown sampler Iuiv", GL_INVALID_OPERATION);

    glBindSampler(0, 0);
    glDeleteSamplers(2, s);
    glUseProgram(0);
    glDeleteProgram(prog);
    glDeleteProgram(prog_u);
    glDeleteProgram(prog_i);
    GLuint texs[3] = {tex, tex_u, tex_i};
    glDeleteTextures(3, texs);
}

int main(void)
{
    glst_egl e;
    glst_observe_open("tex32-border");
    if (!glst_egl_setup_version(&e, W, H, 3)) {
        GLST_CHECK(false);
        return glst_finish();
    }
    const char *version = (const char *)glGetString(GL_VERSION);
    if (strncmp(version, "OpenGL ES 3.2", 13) != 0) {
        glst_note("skipped: not an ES 3.2 context");
        printf("skip: %s is not OpenGL ES 3.2\n", version);
    } else {
        test_texture_border();
    }
    GLST_ERR("end", GL_NO_ERROR);
    glst_egl_teardown(&e);
    glst_observe_close();
    return glst_finish();
}
