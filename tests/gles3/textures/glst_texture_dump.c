/* Shared by the compared texture tests: every texel of a texture shown
 * through texelFetch and recorded (see glst_texture_dump.h). */
#include "glst_texture_dump.h"

#include <GLES3/gl3.h>
#include <stdio.h>
#include <string.h>

#include "glst_observe.h"
#include "glst_test_util.h"

static GLuint progs[S_COUNT];

const char *const glst_texture_vs =
    "#version 300 es\n"
    "layout(location = 0) in vec2 pos;\n"
    "void main() { gl_Position = vec4(pos, 0.0, 1.0); }\n";

/* fragment (x, y) shows texel (x, y % h, y / h) of level `lod` */
static const char *fs_src[S_COUNT] = {
    "#version 300 es\nprecision highp float;\nuniform highp sampler3D t;\nuniform int h, lod;\nout vec4 o;\n"
    "void main() { ivec2 p = ivec2(gl_FragCoord.xy); o = texelFetch(t, ivec3(p.x, p.y % h, p.y / h), lod); }\n",
    "#version 300 es\nprecision highp float;\nuniform highp sampler2DArray t;\nuniform int h, lod;\nout vec4 o;\n"
    "void main() { ivec2 p = ivec2(gl_FragCoord.xy); o = texelFetch(t, ivec3(p.x, p.y % h, p.y / h), lod); }\n",
    "#version 300 es\nprecision highp float;\nuniform highp sampler2D t;\nuniform int h, lod;\nout vec4 o;\n"
    "void main() { ivec2 p = ivec2(gl_FragCoord.xy); o = texelFetch(t, p, lod); }\n",
    "#version 300 es\nprecision highp float;\nuniform highp usampler2D t;\nuniform int h, lod;\nout vec4 o;\n"
    "void main() { ivec2 p = ivec2(gl_FragCoord.xy); o = vec4(texelFetch(t, p, lod) % 256u) / 255.0; }\n",
    "#version 300 es\nprecision highp float;\nuniform highp isampler2D t;\nuniform int h, lod;\nout vec4 o;\n"
    "void main() { ivec2 p = ivec2(gl_FragCoord.xy); o = vec4((texelFetch(t, p, lod) + 128) % 256) / 255.0; }\n",
    "#version 300 es\nprecision highp float;\nuniform highp samplerCube t;\nuniform int h, lod;\nout vec4 o;\n"
    "void main() { vec2 p = (gl_FragCoord.xy / float(h)) * 2.0 - 1.0;\n"
    "  o = textureLod(t, vec3(1.0, -p.y, -p.x), float(lod)); }\n",
};

uint32_t fnv(const uint8_t *p, size_t n)
{
    uint32_t h = 2166136261u;
    for (size_t i = 0; i < n; i++)
        h = (h ^ p[i]) * 16777619u;
    return h;
}

/* Draws texel dump of the texture bound to unit 0 into w x rows and
 * records every pixel. */
void dump(const char *what, int kind, int w, int h, int depth, int lod)
{
    static const float quad[] = {-1, -1, 1, -1, -1, 1, 1, 1};
    int rows = h * depth;
    glUseProgram(progs[kind]);
    glUniform1i(glGetUniformLocation(progs[kind], "t"), 0);
    glUniform1i(glGetUniformLocation(progs[kind], "h"), h);
    glUniform1i(glGetUniformLocation(progs[kind], "lod"), lod);
    glViewport(0, 0, w, rows);
    glClearColor(0.5f, 0.25f, 0.125f, 1.0f);
    glClear(GL_COLOR_BUFFER_BIT);
    glBindBuffer(GL_ARRAY_BUFFER, 0);
    glEnableVertexAttribArray(0);
    glVertexAttribPointer(0, 2, GL_FLOAT, GL_FALSE, 0, quad);
    glDrawArrays(GL_TRIANGLE_STRIP, 0, 4);
    uint8_t px[64 * 64 * 4];
    memset(px, 0, sizeof(px));
    glReadPixels(0, 0, w, rows, GL_RGBA, GL_UNSIGNED_BYTE, px);
    char line[64 * 9 + 64];
    for (int y = 0; y < rows; y++) {
        int n = snprintf(line, sizeof(line), "%s row %d:", what, y);
        for (int x = 0; x < w; x++)
            n += snprintf(line + n, sizeof(line) - (size_t)n, " %02x%02x%02x%02x", px[(y * w + x) * 4],
                          px[(y * w + x) * 4 + 1], px[(y * w + x) * 4 + 2], px[(y * w + x) * 4 + 3]);
        glst_note("%s", line);
    }
    glst_note("%s hash %08x", what, fnv(px, (size_t)(w * rows * 4)));
    GLST_ERR(what, GL_NO_ERROR);
}

void fill(uint8_t *p, size_t n, unsigned seed)
{
    for (size_t i = 0; i < n; i++)
        p[i] = (uint8_t)((i * 37u + seed * 11u + (i >> 3)) & 0xff);
}

void glst_texture_dump_init(void)
{
    for (int i = 0; i < S_COUNT; i++)
        progs[i] = glst_program(glst_texture_vs, fs_src[i]);
}
