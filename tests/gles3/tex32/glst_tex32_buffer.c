/* OpenGL ES 3.2 texture buffers, compared natively and through glstream:
 * glTexBuffer and glTexBufferRange views sampled with samplerBuffer in a
 * `#version 320 es` shader (the pixels), the binding and limits, views
 * following their buffer's new contents, a buffer shrunk below a range and
 * grown again, and the errors of ranges outside or unaligned, formats,
 * targets and names. Skipped (noted) in a context older than ES 3.2. */
#include <stdio.h>
#include <string.h>

#include <GLES3/gl32.h>

#include "glst_observe.h"
#include "glst_test_util.h"

#define W 16
#define H 16
#define TEXELS 256

static void note_frame(const char *what)
{
    static unsigned char px[W * H * 4];
    memset(px, 0xcd, sizeof(px));
    glReadPixels(0, 0, W, H, GL_RGBA, GL_UNSIGNED_BYTE, px);
    uint32_t hash = 2166136261u;
    for (size_t i = 0; i < sizeof(px); i++)
        hash = (hash ^ px[i]) * 16777619u;
    const unsigned char *a = px, *b = px + sizeof(px) - 4;
    glst_note("%s: err 0x%x hash %08x first %u,%u,%u,%u last %u,%u,%u,%u", what, glGetError(), hash, a[0], a[1],
              a[2], a[3], b[0], b[1], b[2], b[3]);
}

static void draw(void)
{
    static const GLfloat quad[] = {-1, -1, 1, -1, -1, 1, 1, 1};
    glBindBuffer(GL_ARRAY_BUFFER, 0);
    glVertexAttribPointer(0, 2, GL_FLOAT, GL_FALSE, 0, quad);
    glEnableVertexAttribArray(0);
    glClear(GL_COLOR_BUFFER_BIT);
    glDrawArrays(GL_TRIANGLE_STRIP, 0, 4);
}

static void test_texture_buffers(void)
{
    GLint align = 0, max_size = 0, binding = -1;
    glGetIntegerv(GL_TEXTURE_BUFFER_OFFSET_ALIGNMENT, &align);
    glGetIntegerv(GL_MAX_TEXTURE_BUFFER_SIZE, &max_size);
    glst_note("offset alignment %d, max size at least 65536: %d err 0x%x", align, max_size >= 65536, glGetError());
    if (align < 1)
        align = 1;

    static unsigned char texels[TEXELS * 4];
    for (int i = 0; i < TEXELS * 4; i++)
        texels[i] = (unsigned char)(i * 13 + 5);
    GLuint buf;
    glGenBuffers(1, &buf);
    glBindBuffer(GL_ARRAY_BUFFER, buf);
    glBufferData(GL_ARRAY_BUFFER, sizeof(texels), texels, GL_STATIC_DRAW);

    GLuint tex;
    glGenTextures(1, &tex);
    glBindTexture(GL_TEXTURE_BUFFER, tex);
    GLST_ERR("bind a buffer texture", GL_NO_ERROR);
    glGetIntegerv(GL_TEXTURE_BINDING_BUFFER, &binding);
    glst_note("binding is the texture: %d", binding == (GLint)tex);
    glTexBuffer(GL_TEXTURE_BUFFER, GL_RGBA8, buf);
    GLST_ERR("glTexBuffer", GL_NO_ERROR);

    GLuint prog = glst_program("#version 320 es\n"
                               "layout(location = 0) in vec2 pos;\n"
                               "void main() { gl_Position = vec4(pos, 0.5, 1.0); }\n",
                               "#version 320 es\n"
                               "precision mediump float;\n"
                               "uniform highp samplerBuffer tb;\n"
                               "out vec4 c;\n"
                               "void main() {\n"
                               "  int i = int(gl_FragCoord.x) + int(gl_FragCoord.y) * 16;\n"
                               "  c = texelFetch(tb, i) + (i >= textureSize(tb) ? vec4(0.0, 0.0, 0.0, 0.5) : vec4(0.0));\n"
                               "}\n");
    GLST_ERR("320 es program with a samplerBuffer", GL_NO_ERROR);
    glUseProgram(prog);
    glClearColor(0, 0, 0, 0);
    draw();
    note_frame("whole buffer");

    glTexBufferRange(GL_TEXTURE_BUFFER, GL_RGBA8, buf, align, 64 * 4);
    GLST_ERR("glTexBufferRange", GL_NO_ERROR);
    draw();
    note_frame("range of 64 texels at the alignment");

    /* the view follows the buffer's contents */
    static unsigned char other[64 * 4];
    memset(other, 0x80, sizeof(other));
    glBindBuffer(GL_ARRAY_BUFFER, buf);
    glBufferSubData(GL_ARRAY_BUFFER, align, sizeof(other), other);
    draw();
    note_frame("after glBufferSubData");

    /* shrunk below the range, then grown again: draws see the new store */
    glBindBuffer(GL_ARRAY_BUFFER, buf);
    glBufferData(GL_ARRAY_BUFFER, 16, texels, GL_STATIC_DRAW);
    GLST_ERR("shrink the buffer", GL_NO_ERROR);
    glBufferData(GL_ARRAY_BUFFER, sizeof(texels), texels, GL_STATIC_DRAW);
    draw();
    note_frame("grown again");

    /* integer formats */
    GLuint prog_u = glst_program("#version 320 es\n"
                                 "layout(location = 0) in vec2 pos;\n"
                                 "void main() { gl_Position = vec4(pos, 0.5, 1.0); }\n",
                                 "#version 320 es\n"
                                 "precision mediump float;\n"
                                 "uniform highp usamplerBuffer tb;\n"
                                 "out vec4 c;\n"
                                 "void main() {\n"
                                 "  int i = int(gl_FragCoord.x) + int(gl_FragCoord.y) * 16;\n"
                                 "  c = vec4(texelFetch(tb, i % textureSize(tb)) & 255u) / 255.0;\n"
                                 "}\n");
    glUseProgram(prog_u);
    glTexBuffer(GL_TEXTURE_BUFFER, GL_R32UI, buf);
    GLST_ERR("R32UI view", GL_NO_ERROR);
    draw();
    note_frame("R32UI view");

    /* errors */
    GLint64 whole = sizeof(texels);
    glTexBufferRange(GL_TEXTURE_BUFFER, GL_RGBA8, buf, 0, whole + 4);
    GLST_ERR("range past the buffer", GL_INVALID_VALUE);
    glTexBufferRange(GL_TEXTURE_BUFFER, GL_RGBA8, buf, align, whole);
    GLST_ERR("range starting inside, ending past", GL_INVALID_VALUE);
    glTexBufferRange(GL_TEXTURE_BUFFER, GL_RGBA8, buf, whole + align, 4);
    GLST_ERR("offset past the buffer", GL_INVALID_VALUE);
    if (align > 1) {
        glTexBufferRange(GL_TEXTURE_BUFFER, GL_RGBA8, buf, 1, 16);
        GLST_ERR("unaligned offset", GL_INVALID_VALUE);
    }
    glTexBufferRange(GL_TEXTURE_BUFFER, GL_RGBA8, buf, 0, 0);
    GLST_ERR("empty range", GL_INVALID_VALUE);
    glTexBufferRange(GL_TEXTURE_BUFFER, GL_RGBA8, buf, -(GLintptr)align, 16);
    GLST_ERR("negative offset", GL_INVALID_VALUE);
    glTexBufferRange(GL_TEXTURE_BUFFER, GL_RGBA8, buf, 0, -16);
    GLST_ERR("negative size", GL_INVALID_VALUE);
    glTexBufferRange(GL_TEXTURE_BUFFER, GL_RGBA8, buf, 0x7fffffff & ~(GLintptr)(align - 1), 0x7fffffff);
    GLST_ERR("huge range", GL_INVALID_VALUE);
    glTexBuffer(GL_TEXTURE_2D, GL_RGBA8, buf);
    GLST_ERR("2D target", GL_INVALID_ENUM);
    glTexBuffer(GL_TEXTURE_BUFFER, GL_RGB8, buf);
    GLST_ERR("RGB8 (not a buffer format)", GL_INVALID_ENUM);
    glTexBuffer(GL_TEXTURE_BUFFER, GL_RGBA8, 4321);
    GLST_ERR("unknown buffer", GL_INVALID_OPERATION);
    glTexBufferRange(GL_TEXTURE_BUFFER, GL_RGBA8, 4321, 0, 16);
    GLST_ERR("range of an unknown buffer", GL_INVALID_OPERATION);
    glTexBufferRange(GL_TEXTURE_BUFFER, GL_RGBA8, 0, 12345, 16);
    GLST_ERR("detach with a range", GL_NO_ERROR);
    glTexParameteri(GL_TEXTURE_BUFFER, GL_TEXTURE_MIN_FILTER, GL_NEAREST);
    glst_note("parameter of a buffer texture: error 0x%x", glGetError());
    glGenerateMipmap(GL_TEXTURE_BUFFER);
    GLST_ERR("mipmaps of a buffer texture", GL_INVALID_ENUM);
    glBindTexture(GL_TEXTURE_2D, tex);
    GLST_ERR("a buffer texture bound as 2D", GL_INVALID_OPERATION);

    glUseProgram(0);
    glDeleteProgram(prog);
    glDeleteProgram(prog_u);
    glDeleteTextures(1, &tex);
    glGetIntegerv(GL_TEXTURE_BINDING_BUFFER, &binding);
    glst_note("binding after the deletion %d", binding);
    glDeleteBuffers(1, &buf);
}

int main(void)
{
    glst_egl e;
    glst_observe_open("tex32-buffer");
    if (!glst_egl_setup_version(&e, W, H, 3)) {
        GLST_CHECK(false);
        return glst_finish();
    }
    const char *version = (const char *)glGetString(GL_VERSION);
    if (strncmp(version, "OpenGL ES 3.2", 13) != 0) {
        glst_note("skipped: not an ES 3.2 context");
        printf("skip: %s is not OpenGL ES 3.2\n", version);
    } else {
        test_texture_buffers();
    }
    GLST_ERR("end", GL_NO_ERROR);
    glst_egl_teardown(&e);
    glst_observe_close();
    return glst_finish();
}
