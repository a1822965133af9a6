/* OpenGL ES 3.2 glCopyImageSubData, compared natively and through
 * glstream: copies between 2D textures, array layers, cube faces and
 * renderbuffers read back as pixels, compatible formats of the same texel
 * size, and the errors of regions outside either image, levels, names,
 * targets and formats. Skipped (noted) in a context older than ES 3.2. */
#include <stdio.h>
#include <string.h>

#include <GLES3/gl32.h>

#include "glst_observe.h"
#include "glst_test_util.h"

#define S 8

/* The texels of a level-0 2D image or layer, through a framebuffer. */
static void note_image(const char *what, GLenum attach_target, GLuint name, GLint layer)
{
    GLuint fb;
    glGenFramebuffers(1, &fb);
    glBindFramebuffer(GL_FRAMEBUFFER, fb);
    if (attach_target == GL_RENDERBUFFER)
        glFramebufferRenderbuffer(GL_FRAMEBUFFER, GL_COLOR_ATTACHMENT0, GL_RENDERBUFFER, name);
    else if (attach_target == GL_TEXTURE_2D_ARRAY)
        glFramebufferTextureLayer(GL_FRAMEBUFFER, GL_COLOR_ATTACHMENT0, name, 0, layer);
    else
        glFramebufferTexture2D(GL_FRAMEBUFFER, GL_COLOR_ATTACHMENT0, attach_target, name, 0);
    unsigned char px[S * S * 4];
    memset(px, 0xcd, sizeof(px));
    glReadPixels(0, 0, S, S, GL_RGBA, GL_UNSIGNED_BYTE, px);
    uint32_t hash = 2166136261u;
    for (size_t i = 0; i < sizeof(px); i++)
        hash = (hash ^ px[i]) * 16777619u;
    glst_note("%s: status 0x%x err 0x%x hash %08x row0 %u,%u,%u,%u %u,%u,%u,%u last %u,%u,%u,%u", what,
              glCheckFramebufferStatus(GL_FRAMEBUFFER), glGetError(), hash, px[0], px[1], px[2], px[3], px[4], px[5],
              px[6], px[7], px[sizeof(px) - 4], px[sizeof(px) - 3], px[sizeof(px) - 2], px[sizeof(px) - 1]);
    glBindFramebuffer(GL_FRAMEBUFFER, 0);
    glDeleteFramebuffers(1, &fb);
}

static GLuint make_2d(GLenum format, int w, int h, int levels, const void *data)
{
    GLuint t;
    glGenTextures(1, &t);
    glBindTexture(GL_TEXTURE_2D, t);
    glTexStorage2D(GL_TEXTURE_2D, levels, format, w, h);
    if (data)
        glTexSubImage2D(GL_TEXTURE_2D, 0, 0, 0, w, h, GL_RGBA, GL_UNSIGNED_BYTE, data);
    return t;
}

static void test_copy(void)
{
    static unsigned char pattern[S * S * 4], pattern2[S * S * 4];
    for (int i = 0; i < S * S * 4; i++) {
        pattern[i] = (unsigned char)(i * 7 + 3);
        pattern2[i] = (unsigned char)(255 - i * 3);
    }
    GLuint src = make_2d(GL_RGBA8, S, S, 2, pattern);
    GLuint dst = make_2d(GL_RGBA8, S, S, 1, NULL);
    glCopyImageSubData(src, GL_TEXTURE_2D, 0, 1, 2, 0, dst, GL_TEXTURE_2D, 0, 3, 1, 0, 4, 5, 1);
    GLST_ERR("2D to 2D", GL_NO_ERROR);
    note_image("2D to 2D", GL_TEXTURE_2D, dst, 0);

    /* array layers and cube faces (z is the layer or face) */
    GLuint arr;
    glGenTextures(1, &arr);
    glBindTexture(GL_TEXTURE_2D_ARRAY, arr);
    glTexStorage3D(GL_TEXTURE_2D_ARRAY, 1, GL_RGBA8, S, S, 3);
    glTexSubImage3D(GL_TEXTURE_2D_ARRAY, 0, 0, 0, 1, S, S, 1, GL_RGBA, GL_UNSIGNED_BYTE, pattern2);
    glCopyImageSubData(arr, GL_TEXTURE_2D_ARRAY, 0, 0, 0, 1, dst, GL_TEXTURE_2D, 0, 0, 0, 0, S, 2, 1);
    GLST_ERR("layer to 2D", GL_NO_ERROR);
    note_image("layer 1 to 2D", GL_TEXTURE_2D, dst, 0);
    glCopyImageSubData(src, GL_TEXTURE_2D, 0, 0, 0, 0, arr, GL_TEXTURE_2D_ARRAY, 0, 2, 2, 2, 6, 6, 1);
    GLST_ERR("2D to layer", GL_NO_ERROR);
    note_image("2D to layer 2", GL_TEXTURE_2D_ARRAY, arr, 2);
    glCopyImageSubData(arr, GL_TEXTURE_2D_ARRAY, 0, 0, 0, 0, arr, GL_TEXTURE_2D_ARRAY, 0, 0, 0, 1, S, S, 1);
    note_image("layer 0 onto 1", GL_TEXTURE_2D_ARRAY, arr, 1);
    glCopyImageSubData(arr, GL_TEXTURE_2D_ARRAY, 0, 0, 0, 0, arr, GL_TEXTURE_2D_ARRAY, 0, 0, 0, 1, S, S, 3);
    GLST_ERR("layers past the array", GL_INVALID_VALUE);

    GLuint cube;
    glGenTextures(1, &cube);
    glBindTexture(GL_TEXTURE_CUBE_MAP, cube);
    glTexStorage2D(GL_TEXTURE_CUBE_MAP, 1, GL_RGBA8, S, S);
    glCopyImageSubData(src, GL_TEXTURE_2D, 0, 0, 0, 0, cube, GL_TEXTURE_CUBE_MAP, 0, 0, 0, 3, S, S, 1);
    GLST_ERR("2D to cube face 3", GL_NO_ERROR);
    note_image("cube -Y", GL_TEXTURE_CUBE_MAP_NEGATIVE_Y, cube, 0);
    note_image("cube +X (untouched)", GL_TEXTURE_CUBE_MAP_POSITIVE_X, cube, 0);
    glCopyImageSubData(src, GL_TEXTURE_2D, 0, 0, 0, 0, cube, GL_TEXTURE_CUBE_MAP, 0, 0, 0, 6, S, S, 1);
    GLST_ERR("cube face 6", GL_INVALID_VALUE);

    /* renderbuffers both ways */
    GLuint rb;
    glGenRenderbuffers(1, &rb);
    glBindRenderbuffer(GL_RENDERBUFFER, rb);
    glRenderbufferStorage(GL_RENDERBUFFER, GL_RGBA8, S, S);
    note_image("new renderbuffer", GL_RENDERBUFFER, rb, 0);
    glCopyImageSubData(src, GL_TEXTURE_2D, 0, 4, 4, 0, rb, GL_RENDERBUFFER, 0, 0, 0, 0, 4, 4, 1);
    GLST_ERR("2D to renderbuffer", GL_NO_ERROR);
    note_image("2D to renderbuffer", GL_RENDERBUFFER, rb, 0);
    glCopyImageSubData(rb, GL_RENDERBUFFER, 0, 0, 0, 0, dst, GL_TEXTURE_2D, 0, 4, 4, 0, 4, 4, 1);
    GLST_ERR("renderbuffer to 2D", GL_NO_ERROR);
    note_image("renderbuffer to 2D", GL_TEXTURE_2D, dst, 0);

    /* a compatible format of the same texel size: the bits as they are */
    GLuint ui = make_2d(GL_R32UI, S, S, 1, NULL);
    glCopyImageSubData(src, GL_TEXTURE_2D, 0, 0, 0, 0, ui, GL_TEXTURE_2D, 0, 0, 0, 0, S, S, 1);
    GLST_ERR("RGBA8 to R32UI", GL_NO_ERROR);
    glCopyImageSubData(ui, GL_TEXTURE_2D, 0, 0, 0, 0, dst, GL_TEXTURE_2D, 0, 0, 0, 0, S, S, 1);
    GLST_ERR("R32UI to RGBA8", GL_NO_ERROR);
    note_image("round trip through R32UI", GL_TEXTURE_2D, dst, 0);

    /* level 1 of src is 4x4 */
    glCopyImageSubData(src, GL_TEXTURE_2D, 1, 0, 0, 0, dst, GL_TEXTURE_2D, 0, 0, 0, 0, 4, 4, 1);
    GLST_ERR("level 1 whole", GL_NO_ERROR);
    glCopyImageSubData(src, GL_TEXTURE_2D, 1, 1, 0, 0, dst, GL_TEXTURE_2D, 0, 0, 0, 0, 4, 4, 1);
    GLST_ERR("level 1 region past its width", GL_INVALID_VALUE);
    glCopyImageSubData(src, GL_TEXTURE_2D, 2, 0, 0, 0, dst, GL_TEXTURE_2D, 0, 0, 0, 0, 1, 1, 1);
    GLST_ERR("level past the storage", GL_INVALID_VALUE);

    /* regions outside either image */
    glCopyImageSubData(src, GL_TEXTURE_2D, 0, 5, 0, 0, dst, GL_TEXTURE_2D, 0, 0, 0, 0, 4, 4, 1);
    GLST_ERR("source past the right", GL_INVALID_VALUE);
    glCopyImageSubData(src, GL_TEXTURE_2D, 0, 0, 0, 0, dst, GL_TEXTURE_2D, 0, 0, 6, 0, 4, 4, 1);
    GLST_ERR("destination past the top", GL_INVALID_VALUE);
    glCopyImageSubData(src, GL_TEXTURE_2D, 0, -1, 0, 0, dst, GL_TEXTURE_2D, 0, 0, 0, 0, 4, 4, 1);
    GLST_ERR("negative source x", GL_INVALID_VALUE);
    glCopyImageSubData(src, GL_TEXTURE_2D, 0, 0, 0, 0, dst, GL_TEXTURE_2D, 0, 0, 0, 0, -4, 4, 1);
    GLST_ERR("negative width", GL_INVALID_VALUE);
    glCopyImageSubData(src, GL_TEXTURE_2D, 0, 0x7fffffff, 0, 0, dst, GL_TEXTURE_2D, 0, 0, 0, 0, 0x7fffffff, 1, 1);
    GLST_ERR("huge x and width", GL_INVALID_VALUE);
    glCopyImageSubData(src, GL_TEXTURE_2D, 0, 0, 0, 1, dst, GL_TEXTURE_2D, 0, 0, 0, 0, 1, 1, 1);
    GLST_ERR("z of a 2D image", GL_INVALID_VALUE);
    glCopyImageSubData(src, GL_TEXTURE_2D, 0, 0, 0, 0, rb, GL_RENDERBUFFER, 1, 0, 0, 0, 1, 1, 1);
    GLST_ERR("renderbuffer level 1", GL_INVALID_VALUE);

    /* names, targets, formats */
    glCopyImageSubData(12345, GL_TEXTURE_2D, 0, 0, 0, 0, dst, GL_TEXTURE_2D, 0, 0, 0, 0, 1, 1, 1);
    GLST_ERR("unknown source texture", GL_INVALID_VALUE);
    glCopyImageSubData(src, GL_TEXTURE_2D, 0, 0, 0, 0, 12345, GL_RENDERBUFFER, 0, 0, 0, 0, 1, 1, 1);
    GLST_ERR("unknown renderbuffer", GL_INVALID_VALUE);
    glCopyImageSubData(src, GL_TEXTURE_3D, 0, 0, 0, 0, dst, GL_TEXTURE_2D, 0, 0, 0, 0, 1, 1, 1);
    GLST_ERR("target not the texture's", GL_INVALID_ENUM);
    glCopyImageSubData(src, 0x1234, 0, 0, 0, 0, dst, GL_TEXTURE_2D, 0, 0, 0, 0, 1, 1, 1);
    GLST_ERR("bad source target", GL_INVALID_ENUM);
    glCopyImageSubData(src, GL_TEXTURE_2D, 0, 0, 0, 0, dst, GL_TEXTURE_CUBE_MAP_POSITIVE_X, 0, 0, 0, 0, 1, 1, 1);
    GLST_ERR("face target", GL_INVALID_ENUM);
    glCopyImageSubData(src, GL_TEXTURE_2D, 0, 0, 0, 0, src, GL_TEXTURE_2D, 0, 1, 1, 0, 4, 4, 1);
    GLST_ERR("overlapping in one image", GL_NO_ERROR);
    GLuint wide = make_2d(GL_RGBA16F, S, S, 1, NULL);
    glCopyImageSubData(src, GL_TEXTURE_2D, 0, 0, 0, 0, wide, GL_TEXTURE_2D, 0, 0, 0, 0, 1, 1, 1);
    GLST_ERR("different texel sizes", GL_INVALID_OPERATION);
    GLuint incomplete;
    glGenTextures(1, &incomplete);
    glBindTexture(GL_TEXTURE_2D, incomplete);
    glCopyImageSubData(incomplete, GL_TEXTURE_2D, 0, 0, 0, 0, dst, GL_TEXTURE_2D, 0, 0, 0, 0, 1, 1, 1);
    glst_note("texture without images: error 0x%x", glGetError());

    GLuint texs[7] = {src, dst, arr, cube, ui, wide, incomplete};
    glDeleteTextures(7, texs);
    glDeleteRenderbuffers(1, &rb);
}

int main(void)
{
    glst_egl e;
    glst_observe_open("tex32-copy");
    if (!glst_egl_setup_version(&e, S, S, 3)) {
        GLST_CHECK(false);
        return glst_finish();
    }
    const char *version = (const char *)glGetString(GL_VERSION);
    if (strncmp(version, "OpenGL ES 3.2", 13) != 0) {
        glst_note("skipped: not an ES 3.2 context");
        printf("skip: %s is not OpenGL ES 3.2\n", version);
    } else {
        test_copy();
    }
    GLST_ERR("end", GL_NO_ERROR);
    glst_egl_teardown(&e);
    glst_observe_close();
    return glst_finish();
}
