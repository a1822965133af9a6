/* OpenGL ES 3.0 uniform blocks: glGetUniformBlockIndex,
 * glGetActiveUniformBlockiv (every pname, the count-sized
 * GL_UNIFORM_BLOCK_ACTIVE_UNIFORM_INDICES), glGetActiveUniformBlockName,
 * glUniformBlockBinding, glGetUniformIndices, glGetActiveUniformsiv,
 * glBindBufferRange/glBindBufferBase on GL_UNIFORM_BUFFER (and the generic
 * binding they set, read back with glMapBufferRange), the errors of each,
 * and pixels drawn with uniforms from buffers. Observations go to
 * $GLST_OUT/es3_uniform_blocks.txt, compared natively and through glstream. */
#include "glst_observe.h"
#include "glst_test_util.h"

#include <GLES3/gl3.h>
#include <stdio.h>
#include <string.h>

#define W 8
#define H 8

static const char *vs =
    "#version 300 es\n"
    "in vec2 pos;\n"
    "layout(std140) uniform Colors { vec4 a; vec4 b; } colors;\n"
    "layout(std140) uniform Offsets { vec2 shift; float weights[3]; };\n"
    "out vec4 v;\n"
    "void main() { gl_Position = vec4(pos + shift, 0.0, 1.0); v = colors.a + colors.b * weights[2]; }\n";
static const char *fs =
    "#version 300 es\n"
    "precision mediump float;\n"
    "in vec4 v;\n"
    "layout(std140) uniform Tint { vec4 tint; };\n"
    "out vec4 o;\n"
    "void main() { o = v * tint; }\n";

static const GLenum block_pnames[] = {GL_UNIFORM_BLOCK_BINDING, GL_UNIFORM_BLOCK_DATA_SIZE,
                                      GL_UNIFORM_BLOCK_NAME_LENGTH, GL_UNIFORM_BLOCK_ACTIVE_UNIFORMS,
                                      GL_UNIFORM_BLOCK_REFERENCED_BY_VERTEX_SHADER,
                                      GL_UNIFORM_BLOCK_REFERENCED_BY_FRAGMENT_SHADER};
static const GLenum uniform_pnames[] = {GL_UNIFORM_TYPE, GL_UNIFORM_SIZE, GL_UNIFORM_NAME_LENGTH,
                                        GL_UNIFORM_BLOCK_INDEX, GL_UNIFORM_OFFSET, GL_UNIFORM_ARRAY_STRIDE,
                                        GL_UNIFORM_MATRIX_STRIDE, GL_UNIFORM_IS_ROW_MAJOR};

static void pixel(const char *what, int x, int y)
{
    unsigned char p[4] = {0};
    glReadPixels(x, y, 1, 1, GL_RGBA, GL_UNSIGNED_BYTE, p);
    glst_note("%s: %d %d %d %d", what, p[0], p[1], p[2], p[3]);
}

static void test_queries(GLuint prog)
{
    const char *blocks[] = {"Colors", "Offsets", "Tint", "Nope", "colors"};
    for (int i = 0; i < 5; i++)
        glst_note("block index %s: %d", blocks[i], (int)glGetUniformBlockIndex(prog, blocks[i]));
    GLST_ERR("block indices", GL_NO_ERROR);
    /* the program's three blocks (GL_ACTIVE_UNIFORM_BLOCKS is the state
     * tables' pname) */
    const GLint nblocks = 3;
    for (GLuint b = 0; b < (GLuint)nblocks; b++) {
        for (unsigned p = 0; p < sizeof(block_pnames) / sizeof(block_pnames[0]); p++) {
            GLint v = -9;
            glGetActiveUniformBlockiv(prog, b, block_pnames[p], &v);
            glst_note("block %u pname 0x%x: %d", b, block_pnames[p], v);
        }
        GLint n = 0;
        glGetActiveUniformBlockiv(prog, b, GL_UNIFORM_BLOCK_ACTIVE_UNIFORMS, &n);
        GLint indices[16];
        for (int i = 0; i < 16; i++)
            indices[i] = -9;
        glGetActiveUniformBlockiv(prog, b, GL_UNIFORM_BLOCK_ACTIVE_UNIFORM_INDICES, indices);
        char line[256];
        int at = 0;
        for (int i = 0; i < 16; i++)
            at += snprintf(line + at, sizeof(line) - (size_t)at, " %d", indices[i]);
        glst_note("block %u indices (%d):%s", b, n, line);
        char name[64];
        GLsizei length = -9;
        memset(name, '#', sizeof(name));
        glGetActiveUniformBlockName(prog, b, sizeof(name), &length, name);
        glst_note("block %u name %s length %d", b, name, length);
        memset(name, '#', sizeof(name));
        length = -9;
        glGetActiveUniformBlockName(prog, b, 3, &length, name);
        name[8] = 0;
        glst_note("block %u name(3) %s length %d", b, name, length);
        memset(name, '#', sizeof(name));
        length = -9;
        glGetActiveUniformBlockName(prog, b, 0, &length, name);
        name[4] = 0;
        glst_note("block %u name(0) %s length %d", b, name, length);
        glGetActiveUniformBlockName(prog, b, sizeof(name), NULL, name);
        GLST_ERR("block queries", GL_NO_ERROR);
    }
    GLint v = -9;
    glGetActiveUniformBlockiv(prog, (GLuint)nblocks, GL_UNIFORM_BLOCK_BINDING, &v);
    GLST_ERR("block index out of range", GL_INVALID_VALUE);
    glGetActiveUniformBlockiv(prog, (GLuint)nblocks, GL_UNIFORM_BLOCK_ACTIVE_UNIFORM_INDICES, &v);
    GLST_ERR("indices of a block out of range", GL_INVALID_VALUE);
    glGetActiveUniformBlockiv(prog, 0, GL_TEXTURE_2D, &v);
    GLST_ERR("block bad pname", GL_INVALID_ENUM);
    glGetActiveUniformBlockiv(prog, (GLuint)nblocks, GL_TEXTURE_2D, &v);
    GLST_ERR("block out of range before bad pname", GL_INVALID_VALUE);
    glst_note("untouched %d", v);
    char name[16];
    GLsizei length = -9;
    glGetActiveUniformBlockName(prog, (GLuint)nblocks, sizeof(name), &length, name);
    GLST_ERR("block name out of range", GL_INVALID_VALUE);
    glGetActiveUniformBlockName(prog, 0, -1, &length, name);
    GLST_ERR("block name negative size", GL_INVALID_VALUE);
    glst_note("length untouched %d", length);
    glGetUniformBlockIndex(12345, "Colors");
    GLST_ERR("block index of no program", GL_INVALID_VALUE);

    /* uniforms */
    const GLchar *names[] = {"Colors.a", "Colors.b", "shift", "weights", "weights[0]", "tint", "nothing", "a"};
    GLuint indices[8];
    for (int i = 0; i < 8; i++)
        indices[i] = 0xdead;
    glGetUniformIndices(prog, 8, names, indices);
    GLST_ERR("uniform indices", GL_NO_ERROR);
    GLuint known[8];
    int nknown = 0;
    for (int i = 0; i < 8; i++) {
        glst_note("uniform %s: index %d", names[i], (int)indices[i]);
        if (indices[i] != GL_INVALID_INDEX)
            known[nknown++] = indices[i];
    }
    for (unsigned p = 0; p < sizeof(uniform_pnames) / sizeof(uniform_pnames[0]); p++) {
        GLint values[8];
        for (int i = 0; i < 8; i++)
            values[i] = -9;
        glGetActiveUniformsiv(prog, nknown, known, uniform_pnames[p], values);
        glst_note("uniforms pname 0x%x: %d %d %d %d %d %d %d %d", uniform_pnames[p], values[0], values[1],
                  values[2], values[3], values[4], values[5], values[6], values[7]);
    }
    GLST_ERR("active uniforms", GL_NO_ERROR);
    GLint values[2] = {-9, -9};
    GLuint bad[2] = {known[0], 999};
    glGetActiveUniformsiv(prog, 2, bad, GL_UNIFORM_TYPE, values);
    GLST_ERR("uniform index out of range", GL_INVALID_VALUE);
    glGetActiveUniformsiv(prog, 1, known, GL_TEXTURE_2D, values);
    GLST_ERR("uniforms bad pname", GL_INVALID_ENUM);
    glGetActiveUniformsiv(prog, 2, bad, GL_TEXTURE_2D, values);
    GLST_ERR("uniform index out of range before bad pname", GL_INVALID_VALUE);
    glGetActiveUniformsiv(prog, -1, known, GL_UNIFORM_TYPE, values);
    GLST_ERR("uniforms negative count", GL_INVALID_VALUE);
    glst_note("uniform values untouched %d %d", values[0], values[1]);
    glGetUniformIndices(prog, -1, names, indices);
    GLST_ERR("indices negative count", GL_INVALID_VALUE);
    glGetUniformIndices(prog, 0, names, indices);
    GLST_ERR("indices zero count", GL_NO_ERROR);
}

int main(void)
{
    glst_egl egl;
    glst_observe_open("es3_uniform_blocks");
    /* an ES 2 request gets ES 3 both ways (Mesa: 3.2, glstream: 3.0) */
    if (!glst_egl_setup_version(&egl, W, H, 2)) {
        GLST_CHECK(!"EGL setup");
        return glst_finish();
    }
    GLuint prog = glst_program(vs, fs);
    GLST_CHECK(prog != 0);
    test_queries(prog);

    GLuint colors = glGetUniformBlockIndex(prog, "Colors");
    GLuint offsets = glGetUniformBlockIndex(prog, "Offsets");
    GLuint tint = glGetUniformBlockIndex(prog, "Tint");
    glUniformBlockBinding(prog, colors, 1);
    glUniformBlockBinding(prog, offsets, 2);
    glUniformBlockBinding(prog, tint, 3);
    GLST_ERR("block bindings", GL_NO_ERROR);
    glUniformBlockBinding(prog, tint, 100000);
    GLST_ERR("binding past the maximum", GL_INVALID_VALUE);
    glUniformBlockBinding(prog, 77, 1);
    GLST_ERR("binding of no block", GL_INVALID_VALUE);
    GLint binding = -1;
    glGetActiveUniformBlockiv(prog, tint, GL_UNIFORM_BLOCK_BINDING, &binding);
    glst_note("tint binding %d", binding);

    /* std140: Colors = 2 vec4 (32 bytes); Offsets = vec2 + float[3] at
     * offset 16, stride 16 (64 bytes); Tint = vec4 */
    const GLfloat colors_data[8] = {0.5f, 0.0f, 0.0f, 1.0f, 0.0f, 0.5f, 0.0f, 0.0f};
    GLfloat offsets_data[16 + 64 / 4];
    memset(offsets_data, 0, sizeof(offsets_data));
    /* at 256 (a multiple of any GL_UNIFORM_BUFFER_OFFSET_ALIGNMENT) */
    GLfloat *o = offsets_data + 64;
    (void)o;
    GLfloat big[64 + 16];
    memset(big, 0, sizeof(big));
    big[64 + 0] = 0.5f;  /* shift.x: the quad moves right */
    big[64 + 4 + 8] = 1.0f; /* weights[2] */
    const GLfloat tint_data[4] = {1.0f, 1.0f, 1.0f, 1.0f};
    GLuint ubo[3];
    glGenBuffers(3, ubo);
    glBindBuffer(GL_UNIFORM_BUFFER, ubo[0]);
    glBufferData(GL_UNIFORM_BUFFER, sizeof(colors_data), colors_data, GL_DYNAMIC_DRAW);
    glBindBuffer(GL_UNIFORM_BUFFER, ubo[1]);
    glBufferData(GL_UNIFORM_BUFFER, sizeof(big), big, GL_DYNAMIC_DRAW);
    glBindBuffer(GL_UNIFORM_BUFFER, ubo[2]);
    glBufferData(GL_UNIFORM_BUFFER, sizeof(tint_data), tint_data, GL_DYNAMIC_DRAW);
    glBindBufferBase(GL_UNIFORM_BUFFER, 1, ubo[0]);
    glBindBufferRange(GL_UNIFORM_BUFFER, 2, ubo[1], 256, 64);
    glBindBufferBase(GL_UNIFORM_BUFFER, 3, ubo[2]);
    GLST_ERR("bind ranges", GL_NO_ERROR);

    /* the indexed state as the getters report it (names compared with
     * ours: each implementation picks its own) */
    for (GLuint i = 1; i <= 3; i++) {
        GLint name = -1;
        GLint64 start = -1, size = -1;
        glGetIntegeri_v(GL_UNIFORM_BUFFER_BINDING, i, &name);
        glGetInteger64i_v(GL_UNIFORM_BUFFER_START, i, &start);
        glGetInteger64i_v(GL_UNIFORM_BUFFER_SIZE, i, &size);
        glst_note("uniform binding %u: buffer %d start %lld size %lld", i, name == (GLint)ubo[i - 1],
                  (long long)start, (long long)size);
    }
    glst_note("generic uniform binding is ubo[2]: %d", glst_get_int(GL_UNIFORM_BUFFER_BINDING) == (GLint)ubo[2]);
    GLint active_blocks = -1, longest = -1;
    glGetProgramiv(prog, GL_ACTIVE_UNIFORM_BLOCKS, &active_blocks);
    glGetProgramiv(prog, GL_ACTIVE_UNIFORM_BLOCK_MAX_NAME_LENGTH, &longest);
    glst_note("program: %d blocks, longest name %d", active_blocks, longest);
    GLST_ERR("indexed getters", GL_NO_ERROR);

    /* the generic binding is the last one bound: ubo[2] */
    const GLfloat *mapped = glMapBufferRange(GL_UNIFORM_BUFFER, 0, 16, GL_MAP_READ_BIT);
    if (mapped)
        glst_note("generic binding reads %.2f %.2f %.2f %.2f", mapped[0], mapped[1], mapped[2], mapped[3]);
    glUnmapBuffer(GL_UNIFORM_BUFFER);
    /* refused binds change nothing */
    glBindBufferRange(GL_UNIFORM_BUFFER, 2, ubo[0], 1, 16);
    GLST_ERR("misaligned offset", GL_INVALID_VALUE);
    glBindBufferRange(GL_UNIFORM_BUFFER, 2, ubo[0], 0, 0);
    GLST_ERR("zero size", GL_INVALID_VALUE);
    glBindBufferRange(GL_UNIFORM_BUFFER, 100000, ubo[0], 0, 16);
    GLST_ERR("index past the maximum", GL_INVALID_VALUE);
    glBindBufferBase(GL_UNIFORM_BUFFER, 100000, ubo[0]);
    GLST_ERR("base index past the maximum", GL_INVALID_VALUE);
    glBindBufferBase(GL_ARRAY_BUFFER, 0, ubo[0]);
    GLST_ERR("indexed bad target", GL_INVALID_ENUM);
    glBindBufferRange(GL_ARRAY_BUFFER, 0, ubo[0], 0, 16);
    GLST_ERR("range bad target", GL_INVALID_ENUM);
    mapped = glMapBufferRange(GL_UNIFORM_BUFFER, 0, 16, GL_MAP_READ_BIT);
    if (mapped)
        glst_note("generic binding still reads %.2f %.2f %.2f %.2f", mapped[0], mapped[1], mapped[2], mapped[3]);
    glUnmapBuffer(GL_UNIFORM_BUFFER);
    GLST_ERR("generic binding", GL_NO_ERROR);

    static const GLfloat quad[] = {-1, -1, 0, -1, -1, 1, 0, 1};
    GLuint vbo;
    glGenBuffers(1, &vbo);
    glBindBuffer(GL_ARRAY_BUFFER, vbo);
    glBufferData(GL_ARRAY_BUFFER, sizeof(quad), quad, GL_STATIC_DRAW);
    GLuint pos = (GLuint)glGetAttribLocation(prog, "pos");
    glVertexAttribPointer(pos, 2, GL_FLOAT, GL_FALSE, 0, 0);
    glEnableVertexAttribArray(pos);
    glUseProgram(prog);
    glClearColor(0, 0, 0, 1);
    glClear(GL_COLOR_BUFFER_BIT);
    glDrawArrays(GL_TRIANGLE_STRIP, 0, 4);
    GLST_ERR("draw", GL_NO_ERROR);
    pixel("left", 1, 4);
    pixel("middle", 5, 4);
    pixel("right", 7, 4);

    /* new contents through glBufferSubData and a mapping */
    glBindBuffer(GL_UNIFORM_BUFFER, ubo[2]);
    const GLfloat half[4] = {1.0f, 1.0f, 1.0f, 0.5f};
    glBufferSubData(GL_UNIFORM_BUFFER, 0, sizeof(half), half);
    GLfloat *w = glMapBufferRange(GL_UNIFORM_BUFFER, 0, 16, GL_MAP_WRITE_BIT | GL_MAP_INVALIDATE_RANGE_BIT);
    if (w) {
        w[0] = 0.0f;
        w[1] = 1.0f;
        w[2] = 1.0f;
        w[3] = 1.0f;
    }
    glUnmapBuffer(GL_UNIFORM_BUFFER);
    /* another block binding for Tint: ubo[0] (a = 0.5,0,0,1) */
    glUniformBlockBinding(prog, tint, 1);
    glClear(GL_COLOR_BUFFER_BIT);
    glDrawArrays(GL_TRIANGLE_STRIP, 0, 4);
    GLST_ERR("draw again", GL_NO_ERROR);
    pixel("tinted by Colors", 5, 4);
    glUniformBlockBinding(prog, tint, 3);
    glClear(GL_COLOR_BUFFER_BIT);
    glDrawArrays(GL_TRIANGLE_STRIP, 0, 4);
    pixel("tinted by mapped", 5, 4);
    GLST_ERR("draws", GL_NO_ERROR);

    glDeleteBuffers(3, ubo);
    glDeleteBuffers(1, &vbo);
    glDeleteProgram(prog);
    GLST_ERR("end", GL_NO_ERROR);
    glst_egl_teardown(&egl);
    glst_observe_close();
    return glst_finish();
}
