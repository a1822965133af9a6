/* OpenGL ES 3.2 cube map array textures, compared natively and through
 * glstream: storage and images of layer-faces (new ones read back zeroed
 * through framebuffer layers), sub-images, sampling with samplerCubeArray
 * in a `#version 320 es` shader, parameters, mipmaps, the binding query,
 * and the errors of sizes that are not whole cubes or not square. Skipped
 * (noted) in a context older than ES 3.2. */
#include <stdio.h>
#include <string.h>

#include <GLES3/gl32.h>

#include "glst_observe.h"
#include "glst_test_util.h"

#define W 32
#define H 32
#define S 4

static void note_layer(const char *what, GLuint tex, GLint level, GLint layer, int size)
{
    GLuint fb;
    glGenFramebuffers(1, &fb);
    glBindFramebuffer(GL_FRAMEBUFFER, fb);
    glFramebufferTextureLayer(GL_FRAMEBUFFER, GL_COLOR_ATTACHMENT0, tex, level, layer);
    unsigned char px[S * S * 4];
    memset(px, 0xcd, sizeof(px));
    glReadPixels(0, 0, size, size, GL_RGBA, GL_UNSIGNED_BYTE, px);
    size_t n = (size_t)size * size * 4;
    uint32_t hash = 2166136261u;
    for (size_t i = 0; i < n; i++)
        hash = (hash ^ px[i]) * 16777619u;
    glst_note("%s: status 0x%x err 0x%x hash %08x first %u,%u,%u,%u last %u,%u,%u,%u", what,
              glCheckFramebufferStatus(GL_FRAMEBUFFER), glGetError(), hash, px[0], px[1], px[2], px[3], px[n - 4],
              px[n - 3], px[n - 2], px[n - 1]);
    glBindFramebuffer(GL_FRAMEBUFFER, 0);
    glDeleteFramebuffers(1, &fb);
}

static void note_frame(const char *what)
{
    static unsigned char px[W * H * 4];
    memset(px, 0xcd, sizeof(px));
    glReadPixels(0, 0, W, H, GL_RGBA, GL_UNSIGNED_BYTE, px);
    uint32_t hash = 2166136261u;
    for (size_t i = 0; i < sizeof(px); i++)
        hash = (hash ^ px[i]) * 16777619u;
    const unsigned char *c = px + ((H / 2) * W + W / 4) * 4;
    glst_note("%s: err 0x%x hash %08x left-centre %u,%u,%u,%u", what, glGetError(), hash, c[0], c[1], c[2], c[3]);
}

static void test_cube_array(void)
{
    GLint binding = -1;
    GLuint tex;
    glGenTextures(1, &tex);
    glBindTexture(GL_TEXTURE_CUBE_MAP_ARRAY, tex);
    GLST_ERR("bind cube map array", GL_NO_ERROR);
    glGetIntegerv(GL_TEXTURE_BINDING_CUBE_MAP_ARRAY, &binding);
    glst_note("binding is the texture: %d", binding == (GLint)tex);
    glTexStorage3D(GL_TEXTURE_CUBE_MAP_ARRAY, 3, GL_RGBA8, S, S, 12);
    GLST_ERR("storage of two cubes", GL_NO_ERROR);
    note_layer("new storage layer-face 0", tex, 0, 0, S);
    note_layer("new storage layer-face 11 level 1", tex, 1, 11, S / 2);
    /* a colour per layer-face */
    unsigned char texels[S * S * 4 * 12];
    for (int f = 0; f < 12; f++)
        for (int i = 0; i < S * S; i++) {
            unsigned char *t = texels + (f * S * S + i) * 4;
            t[0] = (unsigned char)(f * 20);
            t[1] = (unsigned char)(255 - f * 20);
            t[2] = (unsigned char)(i * 15);
            t[3] = 255;
        }
    glTexSubImage3D(GL_TEXTURE_CUBE_MAP_ARRAY, 0, 0, 0, 0, S, S, 12, GL_RGBA, GL_UNSIGNED_BYTE, texels);
    GLST_ERR("sub-image of every layer-face", GL_NO_ERROR);
    note_layer("layer-face 7", tex, 0, 7, S);
    glTexSubImage3D(GL_TEXTURE_CUBE_MAP_ARRAY, 0, 0, 0, 10, S, S, 3, GL_RGBA, GL_UNSIGNED_BYTE, texels);
    GLST_ERR("sub-image past the layer-faces", GL_INVALID_VALUE);
    glGenerateMipmap(GL_TEXTURE_CUBE_MAP_ARRAY);
    GLST_ERR("mipmaps", GL_NO_ERROR);
    note_layer("level 1 layer-face 5", tex, 1, 5, S / 2);
    glTexParameteri(GL_TEXTURE_CUBE_MAP_ARRAY, GL_TEXTURE_MIN_FILTER, GL_NEAREST);
    glTexParameteri(GL_TEXTURE_CUBE_MAP_ARRAY, GL_TEXTURE_MAG_FILTER, GL_NEAREST);
    GLST_ERR("parameters", GL_NO_ERROR);
    GLint v = 0;
    glGetTexParameteriv(GL_TEXTURE_CUBE_MAP_ARRAY, GL_TEXTURE_IMMUTABLE_LEVELS, &v);
    glst_note("immutable levels %d err 0x%x", v, glGetError());

    /* sampled: direction from the quad, cube 0 on the left, 1 on the right */
    GLuint prog = glst_program("#version 320 es\n"
                               "layout(location = 0) in vec2 pos;\n"
                               "out vec2 p;\n"
                               "void main() { p = pos; gl_Position = vec4(pos, 0.5, 1.0); }\n",
                               "#version 320 es\n"
                               "precision mediump float;\n"
                               "in vec2 p;\n"
                               "uniform mediump samplerCubeArray t;\n"
                               "out vec4 c;\n"
                               "void main() {\n"
                               "  float cube = p.x < 0.0 ? 0.0 : 1.0;\n"
                               "  vec3 dir = vec3(fract(p.x * 2.0) * 2.0 - 1.0, p.y, p.y > 0.5 ? 1.0 : -0.3);\n"
                               "  c = texture(t, vec4(dir, cube));\n"
                               "}\n");
    GLST_ERR("320 es program", GL_NO_ERROR);
    glUseProgram(prog);
    static const GLfloat quad[] = {-1, -1, 1, -1, -1, 1, 1, 1};
    glVertexAttribPointer(0, 2, GL_FLOAT, GL_FALSE, 0, quad);
    glEnableVertexAttribArray(0);
    glClearColor(0, 0, 0, 0);
    glClear(GL_COLOR_BUFFER_BIT);
    glDrawArrays(GL_TRIANGLE_STRIP, 0, 4);
    note_frame("sampled cube map array");

    /* glTexImage3D: new images are zero */
    GLuint tex2;
    glGenTextures(1, &tex2);
    glBindTexture(GL_TEXTURE_CUBE_MAP_ARRAY, tex2);
    glTexImage3D(GL_TEXTURE_CUBE_MAP_ARRAY, 0, GL_RGBA8, S, S, 6, 0, GL_RGBA, GL_UNSIGNED_BYTE, NULL);
    GLST_ERR("image without data", GL_NO_ERROR);
    note_layer("image without data layer-face 3", tex2, 0, 3, S);
    glTexImage3D(GL_TEXTURE_CUBE_MAP_ARRAY, 0, GL_RGBA8, S, S, 12, 0, GL_RGBA, GL_UNSIGNED_BYTE, texels);
    GLST_ERR("image with data", GL_NO_ERROR);
    note_layer("image with data layer-face 10", tex2, 0, 10, S);
    glTexImage3D(GL_TEXTURE_CUBE_MAP_ARRAY, 0, GL_RGBA8, S, S, 7, 0, GL_RGBA, GL_UNSIGNED_BYTE, NULL);
    GLST_ERR("depth not whole cubes", GL_INVALID_VALUE);
    glTexImage3D(GL_TEXTURE_CUBE_MAP_ARRAY, 0, GL_RGBA8, S, S / 2, 6, 0, GL_RGBA, GL_UNSIGNED_BYTE, NULL);
    GLST_ERR("not square", GL_INVALID_VALUE);
    note_layer("after the refused images", tex2, 0, 10, S);
    GLuint tex3;
    glGenTextures(1, &tex3);
    glBindTexture(GL_TEXTURE_CUBE_MAP_ARRAY, tex3);
    glTexStorage3D(GL_TEXTURE_CUBE_MAP_ARRAY, 1, GL_RGBA8, S, S, 5);
    GLST_ERR("storage not whole cubes", GL_INVALID_VALUE);
    glTexStorage3D(GL_TEXTURE_CUBE_MAP_ARRAY, 1, GL_RGBA8, S, S + 1, 6);
    GLST_ERR("storage not square", GL_INVALID_VALUE);
    glTexStorage3D(GL_TEXTURE_CUBE_MAP_ARRAY, 1, GL_RGBA8, 1 << 20, 1 << 20, 6);
    glst_note("storage past the size: error 0x%x", glGetError());
    glTexStorage2D(GL_TEXTURE_CUBE_MAP_ARRAY, 1, GL_RGBA8, S, S);
    GLST_ERR("2D storage of a cube map array", GL_INVALID_ENUM);
    glTexImage2D(GL_TEXTURE_CUBE_MAP_ARRAY, 0, GL_RGBA8, S, S, 0, GL_RGBA, GL_UNSIGNED_BYTE, NULL);
    GLST_ERR("2D image of a cube map array", GL_INVALID_ENUM);
    glBindTexture(GL_TEXTURE_CUBE_MAP_ARRAY, 0);
    glTexImage3D(GL_TEXTURE_CUBE_MAP_ARRAY, 0, GL_RGBA8, S, S, 6, 0, GL_RGBA, GL_UNSIGNED_BYTE, NULL);
    GLST_ERR("image of texture 0", GL_NO_ERROR);

    glUseProgram(0);
    glDeleteProgram(prog);
    GLuint texs[3] = {tex, tex2, tex3};
    glDeleteTextures(3, texs);
    glGetIntegerv(GL_TEXTURE_BINDING_CUBE_MAP_ARRAY, &binding);
    glst_note("binding after the deletion %d", binding);
}

int main(void)
{
    glst_egl e;
    glst_observe_open("tex32-cube-array");
    if (!glst_egl_setup_version(&e, W, H, 3)) {
        GLST_CHECK(false);
        return glst_finish();
    }
    const char *version = (const char *)glGetString(GL_VERSION);
    if (strncmp(version, "OpenGL ES 3.2", 13) != 0) {
        glst_note("skipped: not an ES 3.2 context");
        printf("skip: %s is not OpenGL ES 3.2\n", version);
    } else {
        test_cube_array();
    }
    GLST_ERR("end", GL_NO_ERROR);
    glst_egl_teardown(&e);
    glst_observe_close();
    return glst_finish();
}
