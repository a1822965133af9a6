/* OpenGL ES 3.0 textures, compared natively and through glstream: 3D and
 * 2D array images (sampled with #version 300 es shaders), immutable
 * storage, integer and packed formats, the ES 3.0 pixel store (unpack
 * and pack), compressed ETC2 images, texture parameters and the errors of
 * all of them. Every texel is read back through texelFetch into the
 * framebuffer and glReadPixels. */
#include <GLES3/gl3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "glst_observe.h"
#include "glst_texture_dump.h"
#include "glst_test_util.h"

#define W 64
#define H 64

static GLint tex_int(GLenum target, GLenum pname)
{
    GLint v = -7;
    glGetTexParameteriv(target, pname, &v);
    glst_note("glGetTexParameteriv 0x%x 0x%x = %d", target, pname, v);
    return v;
}

static void test_3d(void)
{
    uint8_t texels[4 * 3 * 5 * 4];
    fill(texels, sizeof(texels), 1);
    GLuint t;
    glGenTextures(1, &t);
    glBindTexture(GL_TEXTURE_3D, t);
    glTexParameteri(GL_TEXTURE_3D, GL_TEXTURE_MIN_FILTER, GL_NEAREST);
    glTexImage3D(GL_TEXTURE_3D, 0, GL_RGBA8, 4, 3, 5, 0, GL_RGBA, GL_UNSIGNED_BYTE, texels);
    GLST_ERR("glTexImage3D", GL_NO_ERROR);
    dump("3d", S_3D, 4, 3, 5, 0);
    /* a sub-image with odd sizes and alignment 1 */
    uint8_t sub[3 * 2 * 2 * 4];
    fill(sub, sizeof(sub), 2);
    glPixelStorei(GL_UNPACK_ALIGNMENT, 1);
    glTexSubImage3D(GL_TEXTURE_3D, 0, 1, 1, 2, 3, 2, 2, GL_RGBA, GL_UNSIGNED_BYTE, sub);
    GLST_ERR("glTexSubImage3D", GL_NO_ERROR);
    glTexSubImage3D(GL_TEXTURE_3D, 0, 1, 1, 2, 3, 2, 2, GL_RGB, GL_UNSIGNED_BYTE, sub);
    GLST_ERR("glTexSubImage3D RGB into RGBA8", GL_INVALID_OPERATION);
    glPixelStorei(GL_UNPACK_ALIGNMENT, 4);
    dump("3d sub", S_3D, 4, 3, 5, 0);
    /* mipmaps of a 3D texture */
    glGenerateMipmap(GL_TEXTURE_3D);
    GLST_ERR("glGenerateMipmap 3D", GL_NO_ERROR);
    dump("3d level 1", S_3D, 2, 1, 2, 1);
    /* NULL pixels: zeros */
    glTexImage3D(GL_TEXTURE_3D, 0, GL_RGBA8, 2, 2, 2, 0, GL_RGBA, GL_UNSIGNED_BYTE, NULL);
    GLST_ERR("glTexImage3D NULL", GL_NO_ERROR);
    /* errors */
    glTexImage3D(GL_TEXTURE_2D, 0, GL_RGBA8, 2, 2, 2, 0, GL_RGBA, GL_UNSIGNED_BYTE, NULL);
    GLST_ERR("glTexImage3D 2D target", GL_INVALID_ENUM);
    glTexImage3D(GL_TEXTURE_3D, 0, GL_RGBA8, 2, 2, 2, 0, GL_RGBA, GL_FLOAT, NULL);
    GLST_ERR("glTexImage3D RGBA8 with FLOAT", GL_INVALID_OPERATION);
    glTexImage3D(GL_TEXTURE_3D, 0, GL_RGBA8, -1, 2, 2, 0, GL_RGBA, GL_UNSIGNED_BYTE, NULL);
    GLST_ERR("glTexImage3D negative width", GL_INVALID_VALUE);
    glTexImage3D(GL_TEXTURE_3D, 0, GL_RGBA8, 2, 2, 2, 1, GL_RGBA, GL_UNSIGNED_BYTE, NULL);
    GLST_ERR("glTexImage3D border", GL_INVALID_VALUE);
    glTexImage3D(GL_TEXTURE_3D, 0, GL_RGBA8, 2, 2, 2, 0, 0x1234, GL_UNSIGNED_BYTE, NULL);
    GLST_ERR("glTexImage3D bad format", GL_INVALID_ENUM);
    glTexSubImage3D(GL_TEXTURE_3D, 0, 1, 1, 1, 2, 2, 2, GL_RGBA, GL_UNSIGNED_BYTE, texels);
    GLST_ERR("glTexSubImage3D past the image", GL_INVALID_VALUE);
    /* NULL pixels: validated, nothing written */
    glTexSubImage3D(GL_TEXTURE_3D, 0, 0, 0, 0, 2, 2, 2, GL_RGBA, GL_UNSIGNED_BYTE, NULL);
    GLST_ERR("glTexSubImage3D NULL", GL_NO_ERROR);
    glTexSubImage3D(GL_TEXTURE_3D, 0, 1, 1, 1, 2, 2, 2, GL_RGBA, GL_UNSIGNED_BYTE, NULL);
    GLST_ERR("glTexSubImage3D NULL past the image", GL_INVALID_VALUE);
    glTexSubImage3D(GL_TEXTURE_3D, 0, 0, 0, 0, 2048, 2048, 2, GL_RGBA, GL_UNSIGNED_BYTE, NULL);
    GLST_ERR("glTexSubImage3D NULL of 32 MiB past the image", GL_INVALID_VALUE);
    glTexImage3D(GL_TEXTURE_3D, 0, GL_DEPTH_COMPONENT16, 2, 2, 2, 0, GL_DEPTH_COMPONENT, GL_UNSIGNED_SHORT, NULL);
    GLST_ERR("glTexImage3D depth in 3D", GL_INVALID_OPERATION);
    glDeleteTextures(1, &t);
}

static void test_array_storage(void)
{
    GLuint t;
    glGenTextures(1, &t);
    glBindTexture(GL_TEXTURE_2D_ARRAY, t);
    glTexStorage3D(GL_TEXTURE_2D_ARRAY, 2, GL_RGBA8, 4, 4, 3);
    GLST_ERR("glTexStorage3D", GL_NO_ERROR);
    tex_int(GL_TEXTURE_2D_ARRAY, GL_TEXTURE_IMMUTABLE_FORMAT);
    tex_int(GL_TEXTURE_2D_ARRAY, GL_TEXTURE_IMMUTABLE_LEVELS);
    dump("array storage zeros", S_ARRAY, 4, 4, 3, 0);
    uint8_t layer[4 * 4 * 4];
    for (int z = 0; z < 3; z++) {
        fill(layer, sizeof(layer), 10 + (unsigned)z);
        glTexSubImage3D(GL_TEXTURE_2D_ARRAY, 0, 0, 0, z, 4, 4, 1, GL_RGBA, GL_UNSIGNED_BYTE, layer);
    }
    GLST_ERR("array layers", GL_NO_ERROR);
    dump("array", S_ARRAY, 4, 4, 3, 0);
    glTexParameteri(GL_TEXTURE_2D_ARRAY, GL_TEXTURE_MIN_FILTER, GL_NEAREST_MIPMAP_NEAREST);
    glGenerateMipmap(GL_TEXTURE_2D_ARRAY);
    dump("array level 1", S_ARRAY, 2, 2, 3, 1);
    /* immutable: no re-specification */
    glTexImage3D(GL_TEXTURE_2D_ARRAY, 0, GL_RGBA8, 4, 4, 3, 0, GL_RGBA, GL_UNSIGNED_BYTE, NULL);
    GLST_ERR("glTexImage3D on immutable", GL_INVALID_OPERATION);
    glTexStorage3D(GL_TEXTURE_2D_ARRAY, 1, GL_RGBA8, 4, 4, 3);
    GLST_ERR("glTexStorage3D twice", GL_INVALID_OPERATION);
    glTexParameteri(GL_TEXTURE_2D_ARRAY, GL_TEXTURE_IMMUTABLE_FORMAT, 0);
    GLST_ERR("glTexParameteri IMMUTABLE_FORMAT", GL_INVALID_ENUM);
    glDeleteTextures(1, &t);

    /* glTexStorage2D on 2D and cube maps, its errors */
    glGenTextures(1, &t);
    glBindTexture(GL_TEXTURE_2D, t);
    glTexStorage2D(GL_TEXTURE_2D, 0, GL_RGBA8, 4, 4);
    GLST_ERR("glTexStorage2D 0 levels", GL_INVALID_VALUE);
    glTexStorage2D(GL_TEXTURE_2D, 4, GL_RGBA8, 4, 4);
    GLST_ERR("glTexStorage2D too many levels", GL_INVALID_OPERATION);
    glTexStorage2D(GL_TEXTURE_2D, 1, GL_RGBA, 4, 4);
    GLST_ERR("glTexStorage2D unsized", GL_INVALID_ENUM);
    glTexStorage2D(GL_TEXTURE_3D, 1, GL_RGBA8, 4, 4);
    GLST_ERR("glTexStorage2D 3D target", GL_INVALID_ENUM);
    glTexStorage2D(GL_TEXTURE_2D, 3, GL_RGB565, 4, 4);
    GLST_ERR("glTexStorage2D", GL_NO_ERROR);
    tex_int(GL_TEXTURE_2D, GL_TEXTURE_IMMUTABLE_LEVELS);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_NEAREST);
    dump("storage 2D zeros", S_2D, 4, 4, 1, 0);
    glTexSubImage2D(GL_TEXTURE_2D, 0, 0, 0, 4, 4, GL_RGB, GL_UNSIGNED_BYTE, NULL);
    GLST_ERR("glTexSubImage2D NULL", GL_NO_ERROR);
    glTexSubImage2D(GL_TEXTURE_2D, 0, 0, 0, 4096, 4096, GL_RGB, GL_UNSIGNED_BYTE, NULL);
    GLST_ERR("glTexSubImage2D NULL of 48 MiB past the image", GL_INVALID_VALUE);
    dump("storage 2D level 2", S_2D, 1, 1, 1, 2);
    glDeleteTextures(1, &t);
    glGenTextures(1, &t);
    glBindTexture(GL_TEXTURE_CUBE_MAP, t);
    glTexStorage2D(GL_TEXTURE_CUBE_MAP, 1, GL_RGBA8, 8, 8);
    GLST_ERR("glTexStorage2D cube", GL_NO_ERROR);
    dump("storage cube zeros", S_CUBE_FACE0, 8, 8, 1, 0);
    glDeleteTextures(1, &t);
    glBindTexture(GL_TEXTURE_CUBE_MAP, 0);
}

static void test_pixel_store(void)
{
    /* source: 7 pixels a row, 5 rows an image, 4 images, RGBA */
    uint8_t src[7 * 5 * 4 * 4];
    fill(src, sizeof(src), 3);
    GLuint t;
    glGenTextures(1, &t);
    glBindTexture(GL_TEXTURE_2D_ARRAY, t);
    glTexImage3D(GL_TEXTURE_2D_ARRAY, 0, GL_RGBA8, 4, 3, 2, 0, GL_RGBA, GL_UNSIGNED_BYTE, NULL);
    glTexParameteri(GL_TEXTURE_2D_ARRAY, GL_TEXTURE_MIN_FILTER, GL_NEAREST);
    dump("pixel store zeros", S_ARRAY, 4, 3, 2, 0);
    glPixelStorei(GL_UNPACK_ROW_LENGTH, 7);
    glPixelStorei(GL_UNPACK_IMAGE_HEIGHT, 5);
    glPixelStorei(GL_UNPACK_SKIP_PIXELS, 2);
    glPixelStorei(GL_UNPACK_SKIP_ROWS, 1);
    glPixelStorei(GL_UNPACK_SKIP_IMAGES, 1);
    glst_get_int(GL_UNPACK_ROW_LENGTH);
    glst_get_int(GL_UNPACK_IMAGE_HEIGHT);
    glst_get_int(GL_UNPACK_SKIP_PIXELS);
    glst_get_int(GL_UNPACK_SKIP_ROWS);
    glst_get_int(GL_UNPACK_SKIP_IMAGES);
    /* the client's pixel store through every getter */
    GLint64 i64 = -1;
    GLfloat f = -1;
    GLboolean b = 7;
    glGetInteger64v(GL_UNPACK_IMAGE_HEIGHT, &i64);
    glGetFloatv(GL_UNPACK_SKIP_IMAGES, &f);
    glGetBooleanv(GL_UNPACK_ROW_LENGTH, &b);
    glst_note("pixel store as int64 %lld, float %g, boolean %d", (long long)i64, (double)f, b);
    glTexSubImage3D(GL_TEXTURE_2D_ARRAY, 0, 0, 0, 0, 4, 3, 2, GL_RGBA, GL_UNSIGNED_BYTE, src);
    GLST_ERR("glTexSubImage3D with pixel store", GL_NO_ERROR);
    dump("pixel store 3D", S_ARRAY, 4, 3, 2, 0);
    glTexImage3D(GL_TEXTURE_2D_ARRAY, 0, GL_RGBA8, 4, 3, 2, 0, GL_RGBA, GL_UNSIGNED_BYTE, src);
    GLST_ERR("glTexImage3D with pixel store", GL_NO_ERROR);
    dump("pixel store 3D image", S_ARRAY, 4, 3, 2, 0);
    /* 2D images ignore image height and skip images */
    GLuint t2;
    glGenTextures(1, &t2);
    glBindTexture(GL_TEXTURE_2D, t2);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_NEAREST);
    glTexImage2D(GL_TEXTURE_2D, 0, GL_RGBA, 4, 3, 0, GL_RGBA, GL_UNSIGNED_BYTE, src);
    GLST_ERR("glTexImage2D with pixel store", GL_NO_ERROR);
    dump("pixel store 2D", S_2D, 4, 3, 1, 0);
    glPixelStorei(GL_UNPACK_ROW_LENGTH, 0);
    glPixelStorei(GL_UNPACK_IMAGE_HEIGHT, 0);
    glPixelStorei(GL_UNPACK_SKIP_PIXELS, 0);
    glPixelStorei(GL_UNPACK_SKIP_ROWS, 0);
    glPixelStorei(GL_UNPACK_SKIP_IMAGES, 0);
    glPixelStorei(GL_UNPACK_IMAGE_HEIGHT, -1);
    GLST_ERR("glPixelStorei negative image height", GL_INVALID_VALUE);
    glPixelStorei(GL_PACK_SKIP_ROWS, -2);
    GLST_ERR("glPixelStorei negative pack skip", GL_INVALID_VALUE);

    /* pack: row length and skips place the rows in a larger buffer */
    dump("pack source", S_2D, 4, 3, 1, 0);
    uint8_t out[9 * 6 * 4];
    memset(out, 0xaa, sizeof(out));
    glPixelStorei(GL_PACK_ROW_LENGTH, 9);
    glPixelStorei(GL_PACK_SKIP_ROWS, 2);
    glPixelStorei(GL_PACK_SKIP_PIXELS, 3);
    glst_get_int(GL_PACK_ROW_LENGTH);
    glst_get_int(GL_PACK_SKIP_ROWS);
    glst_get_int(GL_PACK_SKIP_PIXELS);
    glGetInteger64v(GL_PACK_ROW_LENGTH, &i64);
    glGetFloatv(GL_PACK_SKIP_ROWS, &f);
    glst_note("pack store as int64 %lld, float %g", (long long)i64, (double)f);
    glReadPixels(0, 0, 4, 3, GL_RGBA, GL_UNSIGNED_BYTE, out);
    GLST_ERR("glReadPixels with pack store", GL_NO_ERROR);
    for (int y = 0; y < 6; y++) {
        char line[9 * 9 + 32];
        int n = snprintf(line, sizeof(line), "pack row %d:", y);
        for (int x = 0; x < 9; x++)
            n += snprintf(line + n, sizeof(line) - (size_t)n, " %02x%02x%02x%02x", out[(y * 9 + x) * 4],
                          out[(y * 9 + x) * 4 + 1], out[(y * 9 + x) * 4 + 2], out[(y * 9 + x) * 4 + 3]);
        glst_note("%s", line);
    }
    glPixelStorei(GL_PACK_ROW_LENGTH, 0);
    glPixelStorei(GL_PACK_SKIP_ROWS, 0);
    glPixelStorei(GL_PACK_SKIP_PIXELS, 0);
    glDeleteTextures(1, &t);
    glDeleteTextures(1, &t2);
}

/* one format: upload 4x4 from bytes, then show it */
static void format_case(const char *what, int kind, GLenum internalformat, GLenum format, GLenum type,
                        const void *data, GLenum expected)
{
    GLuint t;
    glGenTextures(1, &t);
    glBindTexture(GL_TEXTURE_2D, t);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_NEAREST);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_NEAREST);
    glTexImage2D(GL_TEXTURE_2D, 0, (GLint)internalformat, 4, 4, 0, format, type, data);
    GLST_ERR(what, expected);
    if (expected == GL_NO_ERROR && kind >= 0)
        dump(what, kind, 4, 4, 1, 0);
    glDeleteTextures(1, &t);
}

static void test_formats(void)
{
    uint8_t bytes[4 * 4 * 16];
    fill(bytes, sizeof(bytes), 5);
    uint16_t halves[4 * 4 * 4];
    for (int i = 0; i < 64; i++)
        halves[i] = (uint16_t)(0x3000 + i * 37); /* 0.125 .. ~1.9 */
    float floats[4 * 4 * 4];
    for (int i = 0; i < 64; i++)
        floats[i] = (float)i / 63.0f;
    uint32_t packed[16];
    for (int i = 0; i < 16; i++)
        packed[i] = 0x9e3779b9u * (uint32_t)(i + 1);
    format_case("RGBA8UI", S_2D_UINT, GL_RGBA8UI, GL_RGBA_INTEGER, GL_UNSIGNED_BYTE, bytes, GL_NO_ERROR);
    format_case("RG16I", S_2D_INT, GL_RG16I, GL_RG_INTEGER, GL_SHORT, bytes, GL_NO_ERROR);
    format_case("R32I", S_2D_INT, GL_R32I, GL_RED_INTEGER, GL_INT, bytes, GL_NO_ERROR);
    format_case("RGBA32UI", S_2D_UINT, GL_RGBA32UI, GL_RGBA_INTEGER, GL_UNSIGNED_INT, bytes, GL_NO_ERROR);
    format_case("R8_SNORM", S_2D, GL_R8_SNORM, GL_RED, GL_BYTE, bytes, GL_NO_ERROR);
    format_case("RG8", S_2D, GL_RG8, GL_RG, GL_UNSIGNED_BYTE, bytes, GL_NO_ERROR);
    format_case("SRGB8_ALPHA8", S_2D, GL_SRGB8_ALPHA8, GL_RGBA, GL_UNSIGNED_BYTE, bytes, GL_NO_ERROR);
    format_case("RGB10_A2", S_2D, GL_RGB10_A2, GL_RGBA, GL_UNSIGNED_INT_2_10_10_10_REV, packed, GL_NO_ERROR);
    format_case("RGB10_A2UI", S_2D_UINT, GL_RGB10_A2UI, GL_RGBA_INTEGER, GL_UNSIGNED_INT_2_10_10_10_REV, packed,
                GL_NO_ERROR);
    format_case("R11F_G11F_B10F", S_2D, GL_R11F_G11F_B10F, GL_RGB, GL_UNSIGNED_INT_10F_11F_11F_REV, packed,
                GL_NO_ERROR);
    format_case("RGB9_E5", S_2D, GL_RGB9_E5, GL_RGB, GL_UNSIGNED_INT_5_9_9_9_REV, packed, GL_NO_ERROR);
    format_case("RGBA16F", S_2D, GL_RGBA16F, GL_RGBA, GL_HALF_FLOAT, halves, GL_NO_ERROR);
    format_case("RGBA32F", S_2D, GL_RGBA32F, GL_RGBA, GL_FLOAT, floats, GL_NO_ERROR);
    format_case("R16F from FLOAT", S_2D, GL_R16F, GL_RED, GL_FLOAT, floats, GL_NO_ERROR);
    format_case("DEPTH_COMPONENT32F", -1, GL_DEPTH_COMPONENT32F, GL_DEPTH_COMPONENT, GL_FLOAT, floats, GL_NO_ERROR);
    format_case("DEPTH24_STENCIL8", -1, GL_DEPTH24_STENCIL8, GL_DEPTH_STENCIL, GL_UNSIGNED_INT_24_8, packed,
                GL_NO_ERROR);
    format_case("DEPTH32F_STENCIL8", -1, GL_DEPTH32F_STENCIL8, GL_DEPTH_STENCIL, GL_FLOAT_32_UNSIGNED_INT_24_8_REV,
                bytes, GL_NO_ERROR);
    /* bad combinations: the driver's GL_INVALID_OPERATION */
    format_case("RGBA8UI from RGBA", -1, GL_RGBA8UI, GL_RGBA, GL_UNSIGNED_BYTE, bytes, GL_INVALID_OPERATION);
    format_case("RGBA8 from INTEGER", -1, GL_RGBA8, GL_RGBA_INTEGER, GL_UNSIGNED_BYTE, bytes, GL_INVALID_OPERATION);
    format_case("R11F from 5_9_9_9", -1, GL_R11F_G11F_B10F, GL_RGB, GL_UNSIGNED_INT_5_9_9_9_REV, packed,
                GL_INVALID_OPERATION);
    format_case("RGBA with INT", -1, GL_RGBA, GL_RGBA, GL_INT, bytes, GL_INVALID_OPERATION);
    format_case("bad type", -1, GL_RGBA, GL_RGBA, 0x1234, bytes, GL_INVALID_ENUM);
    /* a float colour buffer is not renderable here; read the integer pair
     * of the default framebuffer instead: RGBA/UNSIGNED_BYTE only */
    uint32_t ints[16];
    glReadPixels(0, 0, 2, 2, GL_RGBA_INTEGER, GL_UNSIGNED_INT, ints);
    GLST_ERR("glReadPixels integer from a normalized buffer", GL_INVALID_OPERATION);
}

static void test_compressed(void)
{
    /* two ETC2 RGB blocks (8 bytes each): a 4x4 x 2 layer array */
    static const uint8_t etc2[16] = {0x00, 0xff, 0x00, 0x24, 0x00, 0x00, 0xff, 0xff,
                                     0xf8, 0x10, 0x08, 0x02, 0x5a, 0xa5, 0x0f, 0xf0};
    GLuint t;
    glGenTextures(1, &t);
    glBindTexture(GL_TEXTURE_2D_ARRAY, t);
    glTexParameteri(GL_TEXTURE_2D_ARRAY, GL_TEXTURE_MIN_FILTER, GL_NEAREST);
    glCompressedTexImage3D(GL_TEXTURE_2D_ARRAY, 0, GL_COMPRESSED_RGB8_ETC2, 4, 4, 2, 0, 16, etc2);
    GLST_ERR("glCompressedTexImage3D ETC2", GL_NO_ERROR);
    dump("etc2 array", S_ARRAY, 4, 4, 2, 0);
    glCompressedTexSubImage3D(GL_TEXTURE_2D_ARRAY, 0, 0, 0, 1, 4, 4, 1, GL_COMPRESSED_RGB8_ETC2, 8, etc2);
    GLST_ERR("glCompressedTexSubImage3D ETC2", GL_NO_ERROR);
    dump("etc2 array sub", S_ARRAY, 4, 4, 2, 0);
    glCompressedTexImage3D(GL_TEXTURE_2D_ARRAY, 0, GL_COMPRESSED_RGB8_ETC2, 4, 4, 2, 0, 15, etc2);
    GLST_ERR("glCompressedTexImage3D wrong size", GL_INVALID_VALUE);
    glCompressedTexImage3D(GL_TEXTURE_2D_ARRAY, 0, 0x1234, 4, 4, 2, 0, 16, etc2);
    GLST_ERR("glCompressedTexImage3D bad format", GL_INVALID_ENUM);
    GLuint t3;
    glGenTextures(1, &t3);
    glBindTexture(GL_TEXTURE_3D, t3);
    glCompressedTexImage3D(GL_TEXTURE_3D, 0, GL_COMPRESSED_RGB8_ETC2, 4, 4, 2, 0, 16, etc2);
    GLST_ERR("glCompressedTexImage3D ETC2 in 3D", GL_INVALID_OPERATION);
    /* sub-images of an uncompressed image: the driver's error whatever the format */
    glTexImage3D(GL_TEXTURE_3D, 0, GL_RGBA8, 4, 4, 1, 0, GL_RGBA, GL_UNSIGNED_BYTE, NULL);
    glCompressedTexSubImage3D(GL_TEXTURE_3D, 0, 0, 0, 0, 4, 4, 1, GL_RGBA8, 16, etc2);
    GLST_ERR("glCompressedTexSubImage3D RGBA8 into RGBA8", GL_INVALID_OPERATION);
    glCompressedTexSubImage3D(GL_TEXTURE_3D, 0, 0, 0, 0, 4, 4, 1, 0x1234, 16, etc2);
    GLST_ERR("glCompressedTexSubImage3D bad format into RGBA8", GL_INVALID_OPERATION);
    glCompressedTexImage3D(GL_TEXTURE_2D_ARRAY, 0, GL_RGBA8, 4, 4, 1, 0, 16, etc2);
    GLST_ERR("glCompressedTexImage3D RGBA8", GL_INVALID_ENUM);
    /* ETC2 in 2D, EAC R11 */
    GLuint t2;
    glGenTextures(1, &t2);
    glBindTexture(GL_TEXTURE_2D, t2);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_NEAREST);
    glCompressedTexImage2D(GL_TEXTURE_2D, 0, GL_COMPRESSED_R11_EAC, 4, 4, 0, 8, etc2 + 8);
    GLST_ERR("glCompressedTexImage2D EAC", GL_NO_ERROR);
    dump("eac 2D", S_2D, 4, 4, 1, 0);
    /* immutable compressed storage starts defined */
    GLuint ts;
    glGenTextures(1, &ts);
    glBindTexture(GL_TEXTURE_2D_ARRAY, ts);
    glTexParameteri(GL_TEXTURE_2D_ARRAY, GL_TEXTURE_MIN_FILTER, GL_NEAREST);
    glTexStorage3D(GL_TEXTURE_2D_ARRAY, 1, GL_COMPRESSED_RGBA8_ETC2_EAC, 8, 4, 2);
    GLST_ERR("glTexStorage3D ETC2", GL_NO_ERROR);
    glCompressedTexSubImage3D(GL_TEXTURE_2D_ARRAY, 0, 4, 0, 1, 4, 4, 1, GL_COMPRESSED_RGBA8_ETC2_EAC, 16, etc2);
    GLST_ERR("glCompressedTexSubImage3D into storage", GL_NO_ERROR);
    glDeleteTextures(1, &t);
    glDeleteTextures(1, &t2);
    glDeleteTextures(1, &t3);
    glDeleteTextures(1, &ts);
    if (glst_has_gl_ext("GL_KHR_texture_compression_astc_ldr")) {
        /* immutable ASTC storage (8x8 blocks) starts defined too */
        glGenTextures(1, &ts);
        glBindTexture(GL_TEXTURE_2D, ts);
        glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_NEAREST);
        glTexStorage2D(GL_TEXTURE_2D, 2, GL_COMPRESSED_RGBA_ASTC_8x8_KHR, 12, 12);
        GLST_ERR("glTexStorage2D ASTC 8x8", GL_NO_ERROR);
        dump("astc storage", S_2D, 12, 12, 1, 0);
        glDeleteTextures(1, &ts);
    }
}

static void test_parameters(void)
{
    GLuint t;
    glGenTextures(1, &t);
    glBindTexture(GL_TEXTURE_3D, t);
    static const GLenum pnames[] = {GL_TEXTURE_WRAP_R, GL_TEXTURE_MIN_LOD, GL_TEXTURE_MAX_LOD,
                                    GL_TEXTURE_BASE_LEVEL, GL_TEXTURE_MAX_LEVEL, GL_TEXTURE_COMPARE_MODE,
                                    GL_TEXTURE_COMPARE_FUNC, GL_TEXTURE_SWIZZLE_R, GL_TEXTURE_SWIZZLE_G,
                                    GL_TEXTURE_SWIZZLE_B, GL_TEXTURE_SWIZZLE_A, GL_TEXTURE_IMMUTABLE_FORMAT,
                                    GL_TEXTURE_IMMUTABLE_LEVELS};
    for (size_t i = 0; i < sizeof(pnames) / sizeof(pnames[0]); i++)
        tex_int(GL_TEXTURE_3D, pnames[i]);
    GLST_ERR("defaults", GL_NO_ERROR);
    glTexParameteri(GL_TEXTURE_3D, GL_TEXTURE_WRAP_R, GL_MIRRORED_REPEAT);
    glTexParameterf(GL_TEXTURE_3D, GL_TEXTURE_MIN_LOD, -2.5f);
    glTexParameterf(GL_TEXTURE_3D, GL_TEXTURE_MAX_LOD, 7.25f);
    glTexParameteri(GL_TEXTURE_3D, GL_TEXTURE_BASE_LEVEL, 1);
    glTexParameteri(GL_TEXTURE_3D, GL_TEXTURE_MAX_LEVEL, 5);
    glTexParameteri(GL_TEXTURE_3D, GL_TEXTURE_COMPARE_MODE, GL_COMPARE_REF_TO_TEXTURE);
    glTexParameteri(GL_TEXTURE_3D, GL_TEXTURE_COMPARE_FUNC, GL_GEQUAL);
    GLint swizzle[] = {GL_BLUE, GL_ZERO, GL_ONE, GL_RED};
    glTexParameteriv(GL_TEXTURE_3D, GL_TEXTURE_SWIZZLE_R, &swizzle[0]);
    glTexParameteri(GL_TEXTURE_3D, GL_TEXTURE_SWIZZLE_G, swizzle[1]);
    GLfloat fb = (GLfloat)GL_ONE;
    glTexParameterfv(GL_TEXTURE_3D, GL_TEXTURE_SWIZZLE_B, &fb);
    glTexParameterf(GL_TEXTURE_3D, GL_TEXTURE_SWIZZLE_A, (GLfloat)GL_RED);
    GLST_ERR("set", GL_NO_ERROR);
    for (size_t i = 0; i < sizeof(pnames) / sizeof(pnames[0]); i++)
        tex_int(GL_TEXTURE_3D, pnames[i]);
    GLfloat f = 0;
    glGetTexParameterfv(GL_TEXTURE_3D, GL_TEXTURE_MIN_LOD, &f);
    glst_note("MIN_LOD %g", (double)f);
    /* bad values, every form */
    glTexParameteri(GL_TEXTURE_3D, GL_TEXTURE_WRAP_R, GL_NEAREST);
    GLST_ERR("WRAP_R NEAREST", GL_INVALID_ENUM);
    glTexParameteri(GL_TEXTURE_3D, GL_TEXTURE_COMPARE_MODE, GL_LEQUAL);
    GLST_ERR("COMPARE_MODE LEQUAL", GL_INVALID_ENUM);
    glTexParameterf(GL_TEXTURE_3D, GL_TEXTURE_COMPARE_FUNC, (GLfloat)GL_RED);
    GLST_ERR("COMPARE_FUNC RED", GL_INVALID_ENUM);
    GLint bad = GL_RGBA;
    glTexParameteriv(GL_TEXTURE_3D, GL_TEXTURE_SWIZZLE_A, &bad);
    GLST_ERR("SWIZZLE_A RGBA", GL_INVALID_ENUM);
    glTexParameteri(GL_TEXTURE_3D, GL_TEXTURE_BASE_LEVEL, -1);
    GLST_ERR("BASE_LEVEL -1", GL_INVALID_VALUE);
    glTexParameteri(GL_TEXTURE_3D, GL_TEXTURE_IMMUTABLE_LEVELS, 1);
    GLST_ERR("IMMUTABLE_LEVELS set", GL_INVALID_ENUM);
    glTexParameteri(GL_TEXTURE_3D, 0x1004 /* BORDER_COLOR */, 0);
    GLST_ERR("BORDER_COLOR", GL_INVALID_ENUM);
    glDeleteTextures(1, &t);

    /* swizzles and base level as sampling sees them */
    uint8_t level1[2 * 2 * 4];
    fill(level1, sizeof(level1), 7);
    glGenTextures(1, &t);
    glBindTexture(GL_TEXTURE_2D, t);
    glTexImage2D(GL_TEXTURE_2D, 0, GL_RGBA8, 4, 4, 0, GL_RGBA, GL_UNSIGNED_BYTE, NULL);
    glTexImage2D(GL_TEXTURE_2D, 1, GL_RGBA8, 2, 2, 0, GL_RGBA, GL_UNSIGNED_BYTE, level1);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_BASE_LEVEL, 1);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_NEAREST_MIPMAP_NEAREST);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_SWIZZLE_R, GL_ALPHA);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_SWIZZLE_B, GL_ZERO);
    dump("swizzled base level 1", S_2D, 2, 2, 1, 1);
    glDeleteTextures(1, &t);
}

static void test_copy(void)
{
    GLuint t;
    glGenTextures(1, &t);
    glBindTexture(GL_TEXTURE_2D_ARRAY, t);
    glTexParameteri(GL_TEXTURE_2D_ARRAY, GL_TEXTURE_MIN_FILTER, GL_NEAREST);
    glTexStorage3D(GL_TEXTURE_2D_ARRAY, 1, GL_RGBA8, 4, 4, 2);
    glViewport(0, 0, W, H);
    glClearColor(0.25f, 0.5f, 0.75f, 1.0f);
    glClear(GL_COLOR_BUFFER_BIT);
    glCopyTexSubImage3D(GL_TEXTURE_2D_ARRAY, 0, 1, 1, 1, 0, 0, 3, 2);
    GLST_ERR("glCopyTexSubImage3D", GL_NO_ERROR);
    /* partly outside the framebuffer: those texels keep their zeros */
    glCopyTexSubImage3D(GL_TEXTURE_2D_ARRAY, 0, 0, 0, 0, W - 2, H - 1, 4, 4);
    GLST_ERR("glCopyTexSubImage3D clipped", GL_NO_ERROR);
    glCopyTexSubImage3D(GL_TEXTURE_2D_ARRAY, 0, 0, 0, 2, 0, 0, 1, 1);
    GLST_ERR("glCopyTexSubImage3D past the layers", GL_INVALID_VALUE);
    glCopyTexSubImage3D(GL_TEXTURE_2D, 0, 0, 0, 0, 0, 0, 1, 1);
    GLST_ERR("glCopyTexSubImage3D 2D target", GL_INVALID_ENUM);
    dump("copied", S_ARRAY, 4, 4, 2, 0);
    glDeleteTextures(1, &t);
}

/* sampler3D with linear filtering between slices, as applications use it */
static void test_filtered(void)
{
    uint8_t texels[2 * 2 * 2 * 4];
    fill(texels, sizeof(texels), 9);
    GLuint t;
    glGenTextures(1, &t);
    glBindTexture(GL_TEXTURE_3D, t);
    glTexImage3D(GL_TEXTURE_3D, 0, GL_RGBA8, 2, 2, 2, 0, GL_RGBA, GL_UNSIGNED_BYTE, texels);
    glTexParameteri(GL_TEXTURE_3D, GL_TEXTURE_MIN_FILTER, GL_LINEAR);
    glTexParameteri(GL_TEXTURE_3D, GL_TEXTURE_MAG_FILTER, GL_LINEAR);
    glTexParameteri(GL_TEXTURE_3D, GL_TEXTURE_WRAP_R, GL_CLAMP_TO_EDGE);
    GLuint prog = glst_program(glst_texture_vs,
                               "#version 300 es\nprecision highp float;\nuniform highp sampler3D t;\nout vec4 o;\n"
                               "void main() { vec2 uv = gl_FragCoord.xy / 8.0;\n"
                               "  o = texture(t, vec3(uv, uv.x * 0.7 + uv.y * 0.3)); }\n");
    static const float quad[] = {-1, -1, 1, -1, -1, 1, 1, 1};
    glUseProgram(prog);
    glViewport(0, 0, 8, 8);
    glEnableVertexAttribArray(0);
    glVertexAttribPointer(0, 2, GL_FLOAT, GL_FALSE, 0, quad);
    glDrawArrays(GL_TRIANGLE_STRIP, 0, 4);
    uint8_t px[8 * 8 * 4];
    glReadPixels(0, 0, 8, 8, GL_RGBA, GL_UNSIGNED_BYTE, px);
    glst_note("filtered 3D hash %08x", fnv(px, sizeof(px)));
    GLST_ERR("filtered 3D", GL_NO_ERROR);
    glDeleteProgram(prog);
    glDeleteTextures(1, &t);
}

/* A 3D texture of 320x256x64 texels seen at 64 x 64 scattered texels. */
static void note_scattered(const char *what, GLuint prog)
{
    static const float quad[] = {-1, -1, 1, -1, -1, 1, 1, 1};
    glUseProgram(prog);
    glUniform1i(glGetUniformLocation(prog, "t"), 0);
    glViewport(0, 0, W, H);
    glEnableVertexAttribArray(0);
    glVertexAttribPointer(0, 2, GL_FLOAT, GL_FALSE, 0, quad);
    glDrawArrays(GL_TRIANGLE_STRIP, 0, 4);
    uint8_t px[W * H * 4];
    glReadPixels(0, 0, W, H, GL_RGBA, GL_UNSIGNED_BYTE, px);
    glst_note("%s hash %08x first %02x%02x%02x%02x last %02x%02x%02x%02x", what, fnv(px, sizeof(px)), px[0], px[1],
              px[2], px[3], px[sizeof(px) - 4], px[sizeof(px) - 3], px[sizeof(px) - 2], px[sizeof(px) - 1]);
    GLST_ERR(what, GL_NO_ERROR);
}

/* Images larger than a command (16 MiB): sent as sub-images by layer and
 * bands of rows, repacked under a pixel store. */
static void test_large(void)
{
    enum { LW = 320, LH = 256, LD = 64, RL = 333, IH = 260 };
    size_t size = (size_t)LW * LH * LD * 4, padded = (size_t)RL * IH * (LD + 1) * 4;
    uint8_t *data = malloc(padded);
    GLST_CHECK(data != NULL);
    if (!data)
        return;
    fill(data, padded, 31);
    GLuint prog = glst_program(glst_texture_vs,
                               "#version 300 es\nprecision highp float;\nuniform highp sampler3D t;\nout vec4 o;\n"
                               "void main() { ivec2 p = ivec2(gl_FragCoord.xy);\n"
                               "  o = texelFetch(t, ivec3((p.x * 37 + p.y * 11) % 320, (p.y * 29 + p.x * 3) % 256,\n"
                               "                        (p.x + p.y * 7) % 64), 0); }\n");
    GLuint t;
    glGenTextures(1, &t);
    glBindTexture(GL_TEXTURE_3D, t);
    glTexParameteri(GL_TEXTURE_3D, GL_TEXTURE_MIN_FILTER, GL_NEAREST);
    glTexImage3D(GL_TEXTURE_3D, 0, GL_RGBA8, LW, LH, LD, 0, GL_RGBA, GL_UNSIGNED_BYTE, data);
    GLST_ERR("glTexImage3D of 20 MiB", GL_NO_ERROR);
    note_scattered("large 3D", prog);
    glPixelStorei(GL_UNPACK_ROW_LENGTH, RL);
    glPixelStorei(GL_UNPACK_IMAGE_HEIGHT, IH);
    glPixelStorei(GL_UNPACK_SKIP_IMAGES, 1);
    glPixelStorei(GL_UNPACK_SKIP_ROWS, 2);
    glPixelStorei(GL_UNPACK_SKIP_PIXELS, 5);
    glTexSubImage3D(GL_TEXTURE_3D, 0, 0, 0, 0, LW - 8, LH - 4, LD, GL_RGBA, GL_UNSIGNED_BYTE, data);
    GLST_ERR("glTexSubImage3D of 20 MiB under a pixel store", GL_NO_ERROR);
    note_scattered("large 3D sub", prog);
    glTexImage3D(GL_TEXTURE_3D, 0, GL_RGBA8, LW, LH, LD, 0, GL_RGBA, GL_UNSIGNED_BYTE, data);
    GLST_ERR("glTexImage3D of 20 MiB under a pixel store", GL_NO_ERROR);
    note_scattered("large 3D image", prog);
    glPixelStorei(GL_UNPACK_ROW_LENGTH, 0);
    glPixelStorei(GL_UNPACK_IMAGE_HEIGHT, 0);
    glPixelStorei(GL_UNPACK_SKIP_IMAGES, 0);
    glPixelStorei(GL_UNPACK_SKIP_ROWS, 0);
    glPixelStorei(GL_UNPACK_SKIP_PIXELS, 0);
    (void)size;
    glDeleteProgram(prog);
    glDeleteTextures(1, &t);
    free(data);
}

/* Compressed images larger than a command: cut in bands of blocks. */
static void test_large_compressed(void)
{
    enum { CW = 2048, CH = 2048, CD = 5 };
    size_t size = (size_t)CW * CH * CD; /* RGBA8_ETC2_EAC: a byte a texel */
    uint8_t *data = malloc(size);
    GLST_CHECK(data != NULL);
    if (!data)
        return;
    fill(data, size, 41);
    GLuint prog = glst_program(glst_texture_vs,
                               "#version 300 es\nprecision highp float;\nuniform highp sampler2DArray t;\n"
                               "out vec4 o;\nvoid main() { ivec2 p = ivec2(gl_FragCoord.xy);\n"
                               "  o = texelFetch(t, ivec3((p.x * 37 + p.y * 11) % 2048, (p.y * 29 + p.x * 3) % 2048,\n"
                               "                        (p.x + p.y * 7) % 5), 0); }\n");
    GLuint t;
    glGenTextures(1, &t);
    glBindTexture(GL_TEXTURE_2D_ARRAY, t);
    glTexParameteri(GL_TEXTURE_2D_ARRAY, GL_TEXTURE_MIN_FILTER, GL_NEAREST);
    glCompressedTexImage3D(GL_TEXTURE_2D_ARRAY, 0, GL_COMPRESSED_RGBA8_ETC2_EAC, CW, CH, CD, 0, (GLsizei)size, data);
    GLST_ERR("glCompressedTexImage3D of 20 MiB", GL_NO_ERROR);
    note_scattered("large etc2 array", prog);
    fill(data, size, 42);
    glCompressedTexSubImage3D(GL_TEXTURE_2D_ARRAY, 0, 0, 0, 0, CW, CH, CD, GL_COMPRESSED_RGBA8_ETC2_EAC,
                              (GLsizei)size, data);
    GLST_ERR("glCompressedTexSubImage3D of 20 MiB", GL_NO_ERROR);
    note_scattered("large etc2 array sub", prog);
    glCompressedTexImage3D(GL_TEXTURE_2D_ARRAY, 0, GL_COMPRESSED_RGBA8_ETC2_EAC, CW, CH, CD, 0, (GLsizei)size - 16,
                           data);
    GLST_ERR("glCompressedTexImage3D of 20 MiB, wrong size", GL_INVALID_VALUE);
    glDeleteProgram(prog);
    glDeleteTextures(1, &t);
    /* 2D: 4096 x 4100 texels, 16.4 MB */
    uint8_t *data2 = realloc(data, (size_t)4096 * 4100);
    GLST_CHECK(data2 != NULL);
    if (!data2) {
        free(data);
        return;
    }
    data = data2;
    fill(data, (size_t)4096 * 4100, 43);
    prog = glst_program(glst_texture_vs,
                        "#version 300 es\nprecision highp float;\nuniform highp sampler2D t;\n"
                        "out vec4 o;\nvoid main() { ivec2 p = ivec2(gl_FragCoord.xy);\n"
                        "  o = texelFetch(t, ivec2((p.x * 67 + p.y * 13) % 4096, (p.y * 61 + p.x * 5) % 4100), 0); }\n");
    glGenTextures(1, &t);
    glBindTexture(GL_TEXTURE_2D, t);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_NEAREST);
    glCompressedTexImage2D(GL_TEXTURE_2D, 0, GL_COMPRESSED_RGBA8_ETC2_EAC, 4096, 4100, 0, 4096 * 4100, data);
    GLST_ERR("glCompressedTexImage2D of 16.4 MB", GL_NO_ERROR);
    note_scattered("large etc2 2D", prog);
    glDeleteProgram(prog);
    glDeleteTextures(1, &t);
    free(data);
}

int main(void)
{
    glst_egl egl;
    glst_observe_open("textures_es3");
    /* An ES 2.0 request gets the highest version offered, natively as
     * through glstream (whose configs do not carry EGL_OPENGL_ES3_BIT
     * until ES 3.0 is complete); the version is noted below. */
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
        test_3d();
        test_array_storage();
        test_pixel_store();
        test_formats();
        test_compressed();
        test_parameters();
        test_copy();
        test_filtered();
        test_large();
        test_large_compressed();
    }
    GLST_ERR("end", GL_NO_ERROR);
    glst_egl_teardown(&egl);
    glst_observe_close();
    return glst_finish();
}
