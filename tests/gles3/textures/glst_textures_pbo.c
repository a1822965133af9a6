/* Pixel buffer objects of OpenGL ES 3.0, compared natively and through
 * glstream: uploads of every texture image command from a pixel unpack
 * buffer with row length, image height and skips; glReadPixels into a
 * pixel pack buffer with row length and skips (pixels outside the
 * framebuffer as the driver leaves them); round trips; the errors of
 * ranges past the buffer. */
#include <GLES3/gl3.h>
#include <stdio.h>
#include <string.h>

#include "glst_observe.h"
#include "glst_test_util.h"
#include "glst_texture_dump.h"

#define W 64
#define H 64

static void note_bytes(const char *what, const uint8_t *p, size_t n)
{
    char line[16 * 3 + 64];
    for (size_t i = 0; i < n; i += 16) {
        int len = snprintf(line, sizeof(line), "%s %zu:", what, i);
        for (size_t j = i; j < n && j < i + 16; j++)
            len += snprintf(line + len, sizeof(line) - (size_t)len, " %02x", p[j]);
        glst_note("%s", line);
    }
}

/* the buffer bound to target, read back by mapping */
static void note_buffer(const char *what, GLenum target, size_t size)
{
    const uint8_t *p = glMapBufferRange(target, 0, (GLsizeiptr)size, GL_MAP_READ_BIT);
    GLST_CHECK(p != NULL);
    if (p)
        note_bytes(what, p, size);
    glUnmapBuffer(target);
    GLST_ERR(what, GL_NO_ERROR);
}

static void test_unpack(void)
{
    uint8_t data[4096];
    fill(data, sizeof(data), 21);
    GLuint pbo;
    glGenBuffers(1, &pbo);
    glBindBuffer(GL_PIXEL_UNPACK_BUFFER, pbo);
    glBufferData(GL_PIXEL_UNPACK_BUFFER, sizeof(data), data, GL_STATIC_DRAW);

    GLuint t2;
    glGenTextures(1, &t2);
    glBindTexture(GL_TEXTURE_2D, t2);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_NEAREST);
    glTexImage2D(GL_TEXTURE_2D, 0, GL_RGBA8, 4, 4, 0, GL_RGBA, GL_UNSIGNED_BYTE, (const void *)(uintptr_t)16);
    GLST_ERR("glTexImage2D from offset 16", GL_NO_ERROR);
    dump("pbo 2D", S_2D, 4, 4, 1, 0);
    glPixelStorei(GL_UNPACK_ROW_LENGTH, 9);
    glPixelStorei(GL_UNPACK_SKIP_ROWS, 2);
    glPixelStorei(GL_UNPACK_SKIP_PIXELS, 3);
    glPixelStorei(GL_UNPACK_ALIGNMENT, 1);
    glTexSubImage2D(GL_TEXTURE_2D, 0, 1, 1, 3, 2, GL_RGBA, GL_UNSIGNED_BYTE, (const void *)(uintptr_t)100);
    GLST_ERR("glTexSubImage2D with row length and skips", GL_NO_ERROR);
    dump("pbo 2D sub", S_2D, 4, 4, 1, 0);
    /* row length making the driver read past the buffer */
    glPixelStorei(GL_UNPACK_ROW_LENGTH, 1000);
    glTexSubImage2D(GL_TEXTURE_2D, 0, 0, 0, 4, 4, GL_RGBA, GL_UNSIGNED_BYTE, (const void *)(uintptr_t)0);
    GLST_ERR("glTexSubImage2D rows past the buffer", GL_INVALID_OPERATION);
    glPixelStorei(GL_UNPACK_ROW_LENGTH, 0);
    glPixelStorei(GL_UNPACK_SKIP_ROWS, 0);
    glPixelStorei(GL_UNPACK_SKIP_PIXELS, 0);
    glTexSubImage2D(GL_TEXTURE_2D, 0, 0, 0, 4, 4, GL_RGBA, GL_UNSIGNED_BYTE, (const void *)(uintptr_t)4090);
    GLST_ERR("glTexSubImage2D offset near the end", GL_INVALID_OPERATION);
    glTexImage2D(GL_TEXTURE_2D, 0, GL_RGBA8, 4, 4, 0, GL_RGBA, GL_UNSIGNED_BYTE, (const void *)(uintptr_t)(1u << 31));
    GLST_ERR("glTexImage2D offset 2^31", GL_INVALID_OPERATION);
    glTexImage2D(GL_TEXTURE_2D, 0, GL_RGB565, 2, 2, 0, GL_RGB, GL_UNSIGNED_SHORT_5_6_5, (const void *)(uintptr_t)1);
    GLST_ERR("glTexImage2D offset not a multiple of the type", GL_INVALID_OPERATION);
    glPixelStorei(GL_UNPACK_ALIGNMENT, 4);

    /* 3D with image height and skip images */
    GLuint t3;
    glGenTextures(1, &t3);
    glBindTexture(GL_TEXTURE_2D_ARRAY, t3);
    glTexParameteri(GL_TEXTURE_2D_ARRAY, GL_TEXTURE_MIN_FILTER, GL_NEAREST);
    glTexImage3D(GL_TEXTURE_2D_ARRAY, 0, GL_RGBA8, 3, 2, 3, 0, GL_RGBA, GL_UNSIGNED_BYTE, (const void *)(uintptr_t)8);
    GLST_ERR("glTexImage3D from offset 8", GL_NO_ERROR);
    dump("pbo array", S_ARRAY, 3, 2, 3, 0);
    glPixelStorei(GL_UNPACK_ROW_LENGTH, 5);
    glPixelStorei(GL_UNPACK_IMAGE_HEIGHT, 4);
    glPixelStorei(GL_UNPACK_SKIP_IMAGES, 2);
    glPixelStorei(GL_UNPACK_SKIP_ROWS, 1);
    glTexSubImage3D(GL_TEXTURE_2D_ARRAY, 0, 0, 0, 1, 3, 2, 2, GL_RGBA, GL_UNSIGNED_BYTE, (const void *)(uintptr_t)4);
    GLST_ERR("glTexSubImage3D with image height and skips", GL_NO_ERROR);
    dump("pbo array sub", S_ARRAY, 3, 2, 3, 0);
    glPixelStorei(GL_UNPACK_SKIP_IMAGES, 60);
    glTexSubImage3D(GL_TEXTURE_2D_ARRAY, 0, 0, 0, 0, 3, 2, 1, GL_RGBA, GL_UNSIGNED_BYTE, (const void *)(uintptr_t)0);
    GLST_ERR("glTexSubImage3D images past the buffer", GL_INVALID_OPERATION);
    glPixelStorei(GL_UNPACK_ROW_LENGTH, 0);
    glPixelStorei(GL_UNPACK_IMAGE_HEIGHT, 0);
    glPixelStorei(GL_UNPACK_SKIP_IMAGES, 0);
    glPixelStorei(GL_UNPACK_SKIP_ROWS, 0);

    /* compressed images come from the buffer as they are */
    static const uint8_t etc2[16] = {0x00, 0xff, 0x00, 0x24, 0x00, 0x00, 0xff, 0xff,
                                     0xf8, 0x10, 0x08, 0x02, 0x5a, 0xa5, 0x0f, 0xf0};
    glBufferSubData(GL_PIXEL_UNPACK_BUFFER, 64, 16, etc2);
    glCompressedTexImage3D(GL_TEXTURE_2D_ARRAY, 0, GL_COMPRESSED_RGB8_ETC2, 4, 4, 2, 0, 16,
                           (const void *)(uintptr_t)64);
    GLST_ERR("glCompressedTexImage3D from the buffer", GL_NO_ERROR);
    dump("pbo etc2 array", S_ARRAY, 4, 4, 2, 0);
    glCompressedTexSubImage3D(GL_TEXTURE_2D_ARRAY, 0, 0, 0, 0, 4, 4, 1, GL_COMPRESSED_RGB8_ETC2, 8,
                              (const void *)(uintptr_t)72);
    GLST_ERR("glCompressedTexSubImage3D from the buffer", GL_NO_ERROR);
    dump("pbo etc2 array sub", S_ARRAY, 4, 4, 2, 0);
    glBindTexture(GL_TEXTURE_2D, t2);
    glCompressedTexImage2D(GL_TEXTURE_2D, 0, GL_COMPRESSED_RGB8_ETC2, 4, 4, 0, 8, (const void *)(uintptr_t)64);
    GLST_ERR("glCompressedTexImage2D from the buffer", GL_NO_ERROR);
    glCompressedTexSubImage2D(GL_TEXTURE_2D, 0, 0, 0, 4, 4, GL_COMPRESSED_RGB8_ETC2, 8, (const void *)(uintptr_t)72);
    GLST_ERR("glCompressedTexSubImage2D from the buffer", GL_NO_ERROR);
    dump("pbo etc2 2D", S_2D, 4, 4, 1, 0);
    glCompressedTexImage2D(GL_TEXTURE_2D, 0, GL_COMPRESSED_RGB8_ETC2, 4, 4, 0, 8, (const void *)(uintptr_t)4092);
    GLST_ERR("glCompressedTexImage2D past the buffer", GL_INVALID_OPERATION);

    /* a mapped buffer cannot be read from */
    glMapBufferRange(GL_PIXEL_UNPACK_BUFFER, 0, 16, GL_MAP_READ_BIT);
    glTexImage2D(GL_TEXTURE_2D, 0, GL_RGBA8, 1, 1, 0, GL_RGBA, GL_UNSIGNED_BYTE, (const void *)(uintptr_t)0);
    GLST_ERR("glTexImage2D from a mapped buffer", GL_INVALID_OPERATION);
    glUnmapBuffer(GL_PIXEL_UNPACK_BUFFER);

    /* NULL with a buffer bound is offset 0 */
    glTexImage2D(GL_TEXTURE_2D, 0, GL_RGBA8, 2, 2, 0, GL_RGBA, GL_UNSIGNED_BYTE, NULL);
    GLST_ERR("glTexImage2D NULL from the buffer", GL_NO_ERROR);
    dump("pbo 2D offset 0", S_2D, 2, 2, 1, 0);
    glBindBuffer(GL_PIXEL_UNPACK_BUFFER, 0);
    glDeleteBuffers(1, &pbo);
    glDeleteTextures(1, &t2);
    glDeleteTextures(1, &t3);
}

static void test_pack(void)
{
    /* a recognisable framebuffer: four coloured quadrants */
    glViewport(0, 0, W, H);
    glEnable(GL_SCISSOR_TEST);
    static const float colors[4][4] = {{1, 0, 0, 1}, {0, 1, 0, 1}, {0, 0, 1, 1}, {1, 1, 0, 0.5f}};
    for (int i = 0; i < 4; i++) {
        glScissor((i % 2) * W / 2, (i / 2) * H / 2, W / 2, H / 2);
        glClearColor(colors[i][0], colors[i][1], colors[i][2], colors[i][3]);
        glClear(GL_COLOR_BUFFER_BIT);
    }
    glDisable(GL_SCISSOR_TEST);
    uint8_t fillv[1024];
    memset(fillv, 0xaa, sizeof(fillv));
    GLuint pbo;
    glGenBuffers(1, &pbo);
    glBindBuffer(GL_PIXEL_PACK_BUFFER, pbo);
    glBufferData(GL_PIXEL_PACK_BUFFER, sizeof(fillv), fillv, GL_STREAM_READ);
    glReadPixels(W / 2 - 2, H / 2 - 2, 4, 4, GL_RGBA, GL_UNSIGNED_BYTE, (void *)(uintptr_t)32);
    GLST_ERR("glReadPixels into the buffer", GL_NO_ERROR);
    note_buffer("pack plain", GL_PIXEL_PACK_BUFFER, 128);
    glBufferData(GL_PIXEL_PACK_BUFFER, sizeof(fillv), fillv, GL_STREAM_READ);
    glPixelStorei(GL_PACK_ROW_LENGTH, 7);
    glPixelStorei(GL_PACK_SKIP_ROWS, 1);
    glPixelStorei(GL_PACK_SKIP_PIXELS, 2);
    glPixelStorei(GL_PACK_ALIGNMENT, 8);
    glReadPixels(W / 2 - 1, H / 2 - 1, 3, 3, GL_RGB, GL_UNSIGNED_BYTE, (void *)(uintptr_t)0);
    GLST_ERR("glReadPixels RGB from RGBA8", GL_INVALID_OPERATION);
    glPixelStorei(GL_PACK_ROW_LENGTH, 5);
    glReadPixels(W / 2 - 1, H / 2 - 1, 3, 3, GL_RGBA, GL_UNSIGNED_BYTE, (void *)(uintptr_t)4);
    GLST_ERR("glReadPixels with row length, skips, alignment 8", GL_NO_ERROR);
    note_buffer("pack store", GL_PIXEL_PACK_BUFFER, 160);
    /* partly outside the framebuffer: those bytes are the driver's to leave */
    glBufferData(GL_PIXEL_PACK_BUFFER, sizeof(fillv), fillv, GL_STREAM_READ);
    glPixelStorei(GL_PACK_ROW_LENGTH, 0);
    glPixelStorei(GL_PACK_SKIP_ROWS, 0);
    glPixelStorei(GL_PACK_SKIP_PIXELS, 0);
    glPixelStorei(GL_PACK_ALIGNMENT, 4);
    glReadPixels(W - 2, H - 2, 4, 4, GL_RGBA, GL_UNSIGNED_BYTE, (void *)(uintptr_t)0);
    GLST_ERR("glReadPixels partly outside", GL_NO_ERROR);
    note_buffer("pack outside", GL_PIXEL_PACK_BUFFER, 64);
    /* errors */
    glReadPixels(0, 0, 17, 16, GL_RGBA, GL_UNSIGNED_BYTE, (void *)(uintptr_t)0);
    GLST_ERR("glReadPixels past the buffer", GL_INVALID_OPERATION);
    glPixelStorei(GL_PACK_SKIP_ROWS, 300);
    glReadPixels(0, 0, 1, 1, GL_RGBA, GL_UNSIGNED_BYTE, (void *)(uintptr_t)0);
    GLST_ERR("glReadPixels skips past the buffer", GL_INVALID_OPERATION);
    glPixelStorei(GL_PACK_SKIP_ROWS, 0);
    glReadPixels(0, 0, 1, 1, GL_RGBA, GL_UNSIGNED_BYTE, (void *)(uintptr_t)2);
    GLST_ERR("glReadPixels unaligned offset", GL_NO_ERROR);
    glReadPixels(0, 0, 1, 1, GL_RGBA, GL_FLOAT, (void *)(uintptr_t)0);
    GLST_ERR("glReadPixels RGBA FLOAT from RGBA8", GL_INVALID_OPERATION);

    /* round trip: what was read becomes a texture */
    glBufferData(GL_PIXEL_PACK_BUFFER, 8 * 8 * 4, NULL, GL_STREAM_COPY);
    glReadPixels(W / 2 - 4, H / 2 - 4, 8, 8, GL_RGBA, GL_UNSIGNED_BYTE, (void *)(uintptr_t)0);
    glBindBuffer(GL_PIXEL_PACK_BUFFER, 0);
    glBindBuffer(GL_PIXEL_UNPACK_BUFFER, pbo);
    GLuint t;
    glGenTextures(1, &t);
    glBindTexture(GL_TEXTURE_2D, t);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_NEAREST);
    glTexImage2D(GL_TEXTURE_2D, 0, GL_RGBA8, 8, 8, 0, GL_RGBA, GL_UNSIGNED_BYTE, NULL);
    GLST_ERR("round trip", GL_NO_ERROR);
    glBindBuffer(GL_PIXEL_UNPACK_BUFFER, 0);
    dump("round trip", S_2D, 8, 8, 1, 0);
    /* client memory again once unbound */
    uint8_t px[4];
    glReadPixels(1, 1, 1, 1, GL_RGBA, GL_UNSIGNED_BYTE, px);
    glst_note("client read %02x%02x%02x%02x", px[0], px[1], px[2], px[3]);
    GLST_ERR("client memory after", GL_NO_ERROR);
    glDeleteTextures(1, &t);
    glDeleteBuffers(1, &pbo);
}

int main(void)
{
    glst_egl egl;
    glst_observe_open("textures_pbo");
    /* an ES 2.0 request gets the highest version offered (see
     * glst_textures_es3.c) */
    if (!glst_egl_setup_version(&egl, W, H, 2)) {
        GLST_CHECK(!"EGL setup");
        return glst_finish();
    }
    const char *version = (const char *)glGetString(GL_VERSION);
    bool es3 = version && strncmp(version, "OpenGL ES 3.", 12) == 0;
    glst_note("ES 3: %s", es3 ? "yes" : "no");
    GLST_CHECK(es3);
    if (es3) {
        glst_texture_dump_init();
        test_unpack();
        test_pack();
    }
    GLST_ERR("end", GL_NO_ERROR);
    glst_egl_teardown(&egl);
    glst_observe_close();
    return glst_finish();
}
