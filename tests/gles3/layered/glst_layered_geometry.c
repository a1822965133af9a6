/* OpenGL ES 3.2 layered rendering, compared natively and through glstream:
 * a geometry shader writing gl_Layer draws one colour into each layer of a
 * layered 2D array attachment (glFramebufferTexture), read back layer by
 * layer (layer 1 is left as cleared). Geometry shaders are
 * another group's work: when one does not compile here (through a glstream
 * without them yet) the program exits 77, which the comparison reports as
 * a skip. Skipped (noted) in a context older than ES 3.2. */
#include <stdio.h>
#include <string.h>

#include <GLES3/gl32.h>

#include "glst_observe.h"
#include "glst_test_util.h"

#define W 16
#define H 16
#define LAYERS 4

static const char *geometry_source = "#version 320 es\n"
                                     "layout(points) in;\n"
                                     "layout(triangle_strip, max_vertices = 12) out;\n"
                                     "out vec4 color;\n"
                                     "void main() {\n"
                                     "  for (int l = 0; l < 3; l++) {\n"
                                     "    int layer = l == 2 ? 3 : l * 2;\n"
                                     "    for (int i = 0; i < 4; i++) {\n"
                                     "      gl_Layer = layer;\n"
                                     "      color = vec4(float(l + 1) / 4.0, 0.5, float(layer) / 8.0, 1.0);\n"
                                     "      gl_Position = vec4(i % 2 == 0 ? -1.0 : 1.0, i < 2 ? -1.0 : 1.0, 0.0, 1.0);\n"
                                     "      EmitVertex();\n"
                                     "    }\n"
                                     "    EndPrimitive();\n"
                                     "  }\n"
                                     "}\n";

/* The geometry shader, or 0 when it does not compile here. */
static GLuint geometry_shader(void)
{
    GLuint shader = glCreateShader(GL_GEOMETRY_SHADER);
    GLenum error = glGetError();
    if (!shader || error != GL_NO_ERROR)
        return 0;
    glShaderSource(shader, 1, &geometry_source, NULL);
    glCompileShader(shader);
    GLint ok = 0;
    glGetShaderiv(shader, GL_COMPILE_STATUS, &ok);
    if (!ok || glGetError() != GL_NO_ERROR) {
        glDeleteShader(shader);
        return 0;
    }
    return shader;
}

static void note_layers(GLuint tex)
{
    GLuint fb;
    glGenFramebuffers(1, &fb);
    glBindFramebuffer(GL_READ_FRAMEBUFFER, fb);
    for (int l = 0; l < LAYERS; l++) {
        unsigned char px[W * H * 4];
        memset(px, 0xcd, sizeof(px));
        glFramebufferTextureLayer(GL_READ_FRAMEBUFFER, GL_COLOR_ATTACHMENT0, tex, 0, l);
        glReadPixels(0, 0, W, H, GL_RGBA, GL_UNSIGNED_BYTE, px);
        const unsigned char *a = px, *b = px + sizeof(px) - 4;
        glst_note("layer %d: err 0x%x first %u,%u,%u,%u last %u,%u,%u,%u", l, glGetError(), a[0], a[1], a[2], a[3],
                  b[0], b[1], b[2], b[3]);
    }
    glBindFramebuffer(GL_READ_FRAMEBUFFER, 0);
    glDeleteFramebuffers(1, &fb);
}

/* 0, or 77 when geometry shaders are not there */
static int test_layered_draw(void)
{
    GLuint gs = geometry_shader();
    if (!gs) {
        printf("skip: a geometry shader does not compile here\n");
        return 77;
    }
    GLuint vs = glst_compile(GL_VERTEX_SHADER, "#version 320 es\n"
                                               "void main() { gl_Position = vec4(0.0); }\n");
    GLuint fs = glst_compile(GL_FRAGMENT_SHADER, "#version 320 es\n"
                                                 "precision mediump float;\n"
                                                 "in vec4 color;\n"
                                                 "out vec4 c;\n"
                                                 "void main() { c = color; }\n");
    GLuint prog = glCreateProgram();
    glAttachShader(prog, vs);
    glAttachShader(prog, gs);
    glAttachShader(prog, fs);
    glLinkProgram(prog);
    GLint linked = 0;
    glGetProgramiv(prog, GL_LINK_STATUS, &linked);
    glst_note("layered program linked %d err 0x%x", linked, glGetError());

    GLuint tex, fb, vao;
    glGenTextures(1, &tex);
    glBindTexture(GL_TEXTURE_2D_ARRAY, tex);
    glTexStorage3D(GL_TEXTURE_2D_ARRAY, 1, GL_RGBA8, W, H, LAYERS);
    glGenFramebuffers(1, &fb);
    glBindFramebuffer(GL_FRAMEBUFFER, fb);
    glFramebufferTexture(GL_FRAMEBUFFER, GL_COLOR_ATTACHMENT0, tex, 0);
    glst_note("status 0x%x", glCheckFramebufferStatus(GL_FRAMEBUFFER));
    glClearColor(0.0f, 0.0f, 0.0f, 1.0f);
    glClear(GL_COLOR_BUFFER_BIT);
    glGenVertexArrays(1, &vao);
    glBindVertexArray(vao);
    glUseProgram(prog);
    glViewport(0, 0, W, H);
    glDrawArrays(GL_POINTS, 0, 1);
    GLST_ERR("layered draw", GL_NO_ERROR);
    note_layers(tex);

    glBindFramebuffer(GL_FRAMEBUFFER, 0);
    glDeleteFramebuffers(1, &fb);
    glDeleteTextures(1, &tex);
    glDeleteVertexArrays(1, &vao);
    glDeleteProgram(prog);
    glDeleteShader(vs);
    glDeleteShader(gs);
    glDeleteShader(fs);
    return 0;
}

int main(void)
{
    glst_egl e;
    int status = 0;
    glst_observe_open("layered-geometry");
    if (!glst_egl_setup_version(&e, W, H, 3)) {
        GLST_CHECK(false);
        return glst_finish();
    }
    const char *version = (const char *)glGetString(GL_VERSION);
    if (strncmp(version, "OpenGL ES 3.2", 13) != 0) {
        glst_note("skipped: not an ES 3.2 context");
        printf("skip: %s is not OpenGL ES 3.2\n", version);
    } else {
        status = test_layered_draw();
    }
    GLST_ERR("end", GL_NO_ERROR);
    glst_egl_teardown(&e);
    glst_observe_close();
    int result = glst_finish();
    return result ? result : status;
}
