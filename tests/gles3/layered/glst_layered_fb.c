/* OpenGL ES 3.2 layered framebuffers, compared natively and through
 * glstream: glFramebufferTexture of arrays, 3D textures and cube maps
 * (GL_FRAMEBUFFER_ATTACHMENT_LAYERED), clears reaching every layer (read
 * back layer by layer through glFramebufferTextureLayer), draws and reads
 * of a layered framebuffer (layer 0), GL_FRAMEBUFFER_INCOMPLETE_LAYER_TARGETS,
 * GL_FRAMEBUFFER_DEFAULT_LAYERS, GL_MAX_FRAMEBUFFER_LAYERS and the errors
 * of targets, attachments, levels and names. Skipped (noted) in a context
 * older than ES 3.2. */
#include <stdio.h>
#include <string.h>

#include <GLES3/gl32.h>

#include "glst_observe.h"
#include "glst_test_util.h"

#define W 16
#define H 16
#define LAYERS 3

/* The colour at two corners of what the read framebuffer shows. */
static void note_read(const char *what)
{
    unsigned char px[W * H * 4];
    memset(px, 0xcd, sizeof(px));
    glReadPixels(0, 0, W, H, GL_RGBA, GL_UNSIGNED_BYTE, px);
    const unsigned char *a = px, *b = px + sizeof(px) - 4, *m = px + (H / 2 * W + W / 2) * 4;
    glst_note("%s: err 0x%x first %u,%u,%u,%u mid %u,%u,%u,%u last %u,%u,%u,%u", what, glGetError(), a[0], a[1],
              a[2], a[3], m[0], m[1], m[2], m[3], b[0], b[1], b[2], b[3]);
}

/* Every layer of a texture read through its own framebuffer. */
static void note_layers(const char *what, GLuint tex, int layers)
{
    GLuint fb;
    GLint draw = 0;
    glGetIntegerv(GL_FRAMEBUFFER_BINDING, &draw);
    glGenFramebuffers(1, &fb);
    glBindFramebuffer(GL_FRAMEBUFFER, fb);
    for (int l = 0; l < layers; l++) {
        char name[96];
        glFramebufferTextureLayer(GL_FRAMEBUFFER, GL_COLOR_ATTACHMENT0, tex, 0, l);
        snprintf(name, sizeof(name), "%s layer %d", what, l);
        note_read(name);
    }
    glBindFramebuffer(GL_FRAMEBUFFER, (GLuint)draw);
    glDeleteFramebuffers(1, &fb);
}

static void note_attachment(const char *what, GLenum attachment)
{
    GLint type = -1, name = -1, layered = -1, layer = -1, level = -1;
    glGetFramebufferAttachmentParameteriv(GL_FRAMEBUFFER, attachment, GL_FRAMEBUFFER_ATTACHMENT_OBJECT_TYPE, &type);
    glGetFramebufferAttachmentParameteriv(GL_FRAMEBUFFER, attachment, GL_FRAMEBUFFER_ATTACHMENT_OBJECT_NAME, &name);
    glGetFramebufferAttachmentParameteriv(GL_FRAMEBUFFER, attachment, GL_FRAMEBUFFER_ATTACHMENT_LAYERED, &layered);
    glGetFramebufferAttachmentParameteriv(GL_FRAMEBUFFER, attachment, GL_FRAMEBUFFER_ATTACHMENT_TEXTURE_LAYER, &layer);
    glGetFramebufferAttachmentParameteriv(GL_FRAMEBUFFER, attachment, GL_FRAMEBUFFER_ATTACHMENT_TEXTURE_LEVEL, &level);
    glst_note("%s: type 0x%x name %d layered %d layer %d level %d err 0x%x", what, type, name, layered, layer, level,
              glGetError());
}

static GLuint array_texture(GLenum target, GLenum internalformat, int depth)
{
    GLuint tex;
    glGenTextures(1, &tex);
    glBindTexture(target, tex);
    glTexStorage3D(target, 2, internalformat, W, H, depth);
    return tex;
}

static void test_attach(void)
{
    GLint max_layers = glst_get_int(GL_MAX_FRAMEBUFFER_LAYERS);
    GLST_CHECK(max_layers >= 256);
    GLST_ERR("GL_MAX_FRAMEBUFFER_LAYERS", GL_NO_ERROR);

    GLuint fb;
    glGenFramebuffers(1, &fb);
    glBindFramebuffer(GL_FRAMEBUFFER, fb);
    GLuint arr = array_texture(GL_TEXTURE_2D_ARRAY, GL_RGBA8, LAYERS);
    GLST_ERR("2D array storage", GL_NO_ERROR);
    note_layers("new 2D array (zero)", arr, LAYERS);

    glFramebufferTexture(GL_FRAMEBUFFER, GL_COLOR_ATTACHMENT0, arr, 0);
    GLST_ERR("glFramebufferTexture of a 2D array", GL_NO_ERROR);
    note_attachment("2D array layered", GL_COLOR_ATTACHMENT0);
    glst_note("status 0x%x", glCheckFramebufferStatus(GL_FRAMEBUFFER));

    /* a clear reaches every layer, scissored ones too */
    glClearColor(0.2f, 0.4f, 0.6f, 0.8f);
    glClear(GL_COLOR_BUFFER_BIT);
    GLST_ERR("layered clear", GL_NO_ERROR);
    note_layers("after a layered clear", arr, LAYERS);
    glEnable(GL_SCISSOR_TEST);
    glScissor(4, 4, 8, 8);
    static const GLfloat red[4] = {1, 0, 0, 1};
    glClearBufferfv(GL_COLOR, 0, red);
    glDisable(GL_SCISSOR_TEST);
    GLST_ERR("scissored layered glClearBufferfv", GL_NO_ERROR);
    note_layers("after a scissored glClearBufferfv", arr, LAYERS);

    /* a draw without a geometry shader writes layer 0; reads read layer 0 */
    GLuint prog = glst_program("#version 300 es\n"
                               "layout(location = 0) in vec2 pos;\n"
                               "void main() { gl_Position = vec4(pos, 0.0, 1.0); }\n",
                               "#version 300 es\n"
                               "precision mediump float;\n"
                               "out vec4 c;\n"
                               "void main() { c = vec4(0.0, 1.0, 0.0, 1.0); }\n");
    static const GLfloat tri[] = {-1, -1, 1, -1, -1, 1};
    glUseProgram(prog);
    glBindBuffer(GL_ARRAY_BUFFER, 0);
    glVertexAttribPointer(0, 2, GL_FLOAT, GL_FALSE, 0, tri);
    glEnableVertexAttribArray(0);
    glViewport(0, 0, W, H);
    glDrawArrays(GL_TRIANGLES, 0, 3);
    GLST_ERR("draw into a layered framebuffer", GL_NO_ERROR);
    note_read("read of the layered framebuffer");
    note_layers("after a draw", arr, LAYERS);

    /* copies read layer 0 of a layered framebuffer, clipped to its size */
    GLuint copy;
    glGenTextures(1, &copy);
    glBindTexture(GL_TEXTURE_2D, copy);
    glCopyTexImage2D(GL_TEXTURE_2D, 0, GL_RGBA8, -4, -4, W, H, 0);
    GLST_ERR("glCopyTexImage2D from a layered framebuffer", GL_NO_ERROR);
    glFramebufferTexture2D(GL_FRAMEBUFFER, GL_COLOR_ATTACHMENT0, GL_TEXTURE_2D, copy, 0);
    note_read("copy of layer 0, partly outside");

    /* level 1 of the array, then detached */
    glFramebufferTexture(GL_FRAMEBUFFER, GL_COLOR_ATTACHMENT0, arr, 1);
    GLST_ERR("glFramebufferTexture level 1", GL_NO_ERROR);
    note_attachment("level 1", GL_COLOR_ATTACHMENT0);
    glFramebufferTexture(GL_FRAMEBUFFER, GL_COLOR_ATTACHMENT0, 0, 0);
    GLST_ERR("glFramebufferTexture of texture 0", GL_NO_ERROR);
    note_attachment("detached", GL_COLOR_ATTACHMENT0);

    /* a 2D texture is attached, not layered */
    GLuint tex2d;
    glGenTextures(1, &tex2d);
    glBindTexture(GL_TEXTURE_2D, tex2d);
    glTexStorage2D(GL_TEXTURE_2D, 1, GL_RGBA8, W, H);
    glFramebufferTexture(GL_FRAMEBUFFER, GL_COLOR_ATTACHMENT0, tex2d, 0);
    GLST_ERR("glFramebufferTexture of a 2D texture", GL_NO_ERROR);
    note_attachment("2D texture", GL_COLOR_ATTACHMENT0);

    /* a 3D texture and a cube map: every slice, every face */
    GLuint tex3d = array_texture(GL_TEXTURE_3D, GL_RGBA8, 4);
    glFramebufferTexture(GL_FRAMEBUFFER, GL_COLOR_ATTACHMENT0, tex3d, 0);
    GLST_ERR("glFramebufferTexture of a 3D texture", GL_NO_ERROR);
    note_attachment("3D texture", GL_COLOR_ATTACHMENT0);
    glClearColor(0.0f, 0.0f, 1.0f, 1.0f);
    glClear(GL_COLOR_BUFFER_BIT);
    note_layers("3D texture cleared", tex3d, 4);

    GLuint cube;
    glGenTextures(1, &cube);
    glBindTexture(GL_TEXTURE_CUBE_MAP, cube);
    glTexStorage2D(GL_TEXTURE_CUBE_MAP, 1, GL_RGBA8, W, H);
    glFramebufferTexture(GL_FRAMEBUFFER, GL_COLOR_ATTACHMENT0, cube, 0);
    GLST_ERR("glFramebufferTexture of a cube map", GL_NO_ERROR);
    note_attachment("cube map", GL_COLOR_ATTACHMENT0);
    glClearColor(1.0f, 1.0f, 0.0f, 1.0f);
    glClear(GL_COLOR_BUFFER_BIT);
    for (int f = 0; f < 6; f++) {
        char name[32];
        glFramebufferTexture2D(GL_FRAMEBUFFER, GL_COLOR_ATTACHMENT0, GL_TEXTURE_CUBE_MAP_POSITIVE_X + f, cube, 0);
        snprintf(name, sizeof(name), "cube face %d", f);
        note_read(name);
    }

    /* a cube map array: every layer-face */
    GLuint cube_array = array_texture(GL_TEXTURE_CUBE_MAP_ARRAY, GL_RGBA8, 12);
    glFramebufferTexture(GL_FRAMEBUFFER, GL_COLOR_ATTACHMENT0, cube_array, 0);
    GLST_ERR("glFramebufferTexture of a cube map array", GL_NO_ERROR);
    note_attachment("cube map array", GL_COLOR_ATTACHMENT0);
    glst_note("cube map array: status 0x%x", glCheckFramebufferStatus(GL_FRAMEBUFFER));
    glClearColor(0.0f, 1.0f, 1.0f, 0.0f);
    glClear(GL_COLOR_BUFFER_BIT);
    note_layers("cube map array cleared", cube_array, 12);
    glDeleteTextures(1, &cube_array);

    /* a layered depth attachment cleared with the colour */
    GLuint depth = array_texture(GL_TEXTURE_2D_ARRAY, GL_DEPTH_COMPONENT32F, LAYERS);
    glFramebufferTexture(GL_FRAMEBUFFER, GL_COLOR_ATTACHMENT0, arr, 0);
    glFramebufferTexture(GL_FRAMEBUFFER, GL_DEPTH_ATTACHMENT, depth, 0);
    GLST_ERR("layered colour and depth", GL_NO_ERROR);
    glst_note("colour and depth layered: status 0x%x", glCheckFramebufferStatus(GL_FRAMEBUFFER));
    note_attachment("depth layered", GL_DEPTH_ATTACHMENT);
    glClearDepthf(0.25f);
    glClear(GL_COLOR_BUFFER_BIT | GL_DEPTH_BUFFER_BIT);
    GLST_ERR("layered colour and depth clear", GL_NO_ERROR);
    note_layers("colour with depth cleared", arr, LAYERS);
    glFramebufferTexture(GL_FRAMEBUFFER, GL_DEPTH_ATTACHMENT, 0, 0);

    /* completeness: layered and not layered, layered and a renderbuffer */
    glFramebufferTexture(GL_FRAMEBUFFER, GL_COLOR_ATTACHMENT1, tex2d, 0);
    glst_note("layered + 2D: status 0x%x", glCheckFramebufferStatus(GL_FRAMEBUFFER));
    glClear(GL_COLOR_BUFFER_BIT);
    GLST_ERR("clear of an incomplete framebuffer", GL_INVALID_FRAMEBUFFER_OPERATION);
    note_read("read of an incomplete framebuffer");
    glFramebufferTexture(GL_FRAMEBUFFER, GL_COLOR_ATTACHMENT1, 0, 0);
    GLuint rb;
    glGenRenderbuffers(1, &rb);
    glBindRenderbuffer(GL_RENDERBUFFER, rb);
    glRenderbufferStorage(GL_RENDERBUFFER, GL_DEPTH_COMPONENT16, W, H);
    glFramebufferRenderbuffer(GL_FRAMEBUFFER, GL_DEPTH_ATTACHMENT, GL_RENDERBUFFER, rb);
    glst_note("layered + renderbuffer: status 0x%x", glCheckFramebufferStatus(GL_FRAMEBUFFER));
    glFramebufferRenderbuffer(GL_FRAMEBUFFER, GL_DEPTH_ATTACHMENT, GL_RENDERBUFFER, 0);
    glFramebufferTexture(GL_FRAMEBUFFER, GL_COLOR_ATTACHMENT1, tex3d, 0);
    glst_note("array + 3D layered: status 0x%x", glCheckFramebufferStatus(GL_FRAMEBUFFER));
    glFramebufferTexture(GL_FRAMEBUFFER, GL_COLOR_ATTACHMENT1, 0, 0);
    GLST_ERR("completeness", GL_NO_ERROR);

    /* errors */
    glFramebufferTexture(GL_TEXTURE_2D, GL_COLOR_ATTACHMENT0, arr, 0);
    GLST_ERR("bad target", GL_INVALID_ENUM);
    glFramebufferTexture(GL_FRAMEBUFFER, GL_TEXTURE_2D, arr, 0);
    GLST_ERR("bad attachment", GL_INVALID_ENUM);
    GLint max_colors = 0;
    glGetIntegerv(GL_MAX_COLOR_ATTACHMENTS, &max_colors);
    glFramebufferTexture(GL_FRAMEBUFFER, GL_COLOR_ATTACHMENT0 + (GLenum)max_colors, arr, 0);
    glst_note("attachment past GL_MAX_COLOR_ATTACHMENTS: err 0x%x", glGetError());
    glFramebufferTexture(GL_FRAMEBUFFER, GL_COLOR_ATTACHMENT0, arr, 99);
    GLST_ERR("level 99", GL_INVALID_VALUE);
    glFramebufferTexture(GL_FRAMEBUFFER, GL_COLOR_ATTACHMENT0, arr, -1);
    GLST_ERR("level -1", GL_INVALID_VALUE);
    glFramebufferTexture(GL_FRAMEBUFFER, GL_COLOR_ATTACHMENT0, 4242, 0);
    GLST_ERR("no such texture", GL_INVALID_VALUE);
    GLuint unbound;
    glGenTextures(1, &unbound);
    glFramebufferTexture(GL_FRAMEBUFFER, GL_COLOR_ATTACHMENT0, unbound, 0);
    glst_note("a name never bound: err 0x%x", glGetError());
    glFramebufferTexture(GL_READ_FRAMEBUFFER, GL_COLOR_ATTACHMENT0, arr, 0);
    GLST_ERR("GL_READ_FRAMEBUFFER target", GL_NO_ERROR);
    glFramebufferTexture(GL_FRAMEBUFFER, GL_DEPTH_STENCIL_ATTACHMENT, depth, 0);
    glst_note("depth-only texture at GL_DEPTH_STENCIL_ATTACHMENT: err 0x%x", glGetError());
    glGetFramebufferAttachmentParameteriv(GL_FRAMEBUFFER, GL_COLOR_ATTACHMENT3, GL_FRAMEBUFFER_ATTACHMENT_LAYERED,
                                          (GLint[]){-1});
    glst_note("GL_FRAMEBUFFER_ATTACHMENT_LAYERED of an empty attachment: err 0x%x", glGetError());
    glBindFramebuffer(GL_FRAMEBUFFER, 0);
    glFramebufferTexture(GL_FRAMEBUFFER, GL_COLOR_ATTACHMENT0, arr, 0);
    GLST_ERR("framebuffer 0", GL_INVALID_OPERATION);
    GLint v = -1;
    glGetFramebufferAttachmentParameteriv(GL_FRAMEBUFFER, GL_BACK, GL_FRAMEBUFFER_ATTACHMENT_LAYERED, &v);
    glst_note("GL_FRAMEBUFFER_ATTACHMENT_LAYERED of GL_BACK: %d err 0x%x", v, glGetError());

    glDeleteFramebuffers(1, &fb);
    GLuint textures[] = {arr, copy, tex2d, tex3d, cube, depth, unbound};
    glDeleteTextures(7, textures);
    glDeleteRenderbuffers(1, &rb);
    glDeleteProgram(prog);
}

static void test_default_layers(void)
{
    GLuint fb;
    GLint v = -1;
    glGenFramebuffers(1, &fb);
    glBindFramebuffer(GL_FRAMEBUFFER, fb);
    glGetFramebufferParameteriv(GL_FRAMEBUFFER, GL_FRAMEBUFFER_DEFAULT_LAYERS, &v);
    glst_note("default layers at first %d err 0x%x", v, glGetError());
    glFramebufferParameteri(GL_FRAMEBUFFER, GL_FRAMEBUFFER_DEFAULT_LAYERS, 5);
    GLST_ERR("set default layers", GL_NO_ERROR);
    glGetFramebufferParameteriv(GL_DRAW_FRAMEBUFFER, GL_FRAMEBUFFER_DEFAULT_LAYERS, &v);
    glst_note("default layers %d err 0x%x", v, glGetError());
    GLint max_layers = 0;
    glGetIntegerv(GL_MAX_FRAMEBUFFER_LAYERS, &max_layers);
    glFramebufferParameteri(GL_FRAMEBUFFER, GL_FRAMEBUFFER_DEFAULT_LAYERS, max_layers + 1);
    GLST_ERR("default layers past the limit", GL_INVALID_VALUE);
    glFramebufferParameteri(GL_FRAMEBUFFER, GL_FRAMEBUFFER_DEFAULT_LAYERS, -1);
    GLST_ERR("negative default layers", GL_INVALID_VALUE);
    /* a framebuffer without attachments, with a size and layers */
    glFramebufferParameteri(GL_FRAMEBUFFER, GL_FRAMEBUFFER_DEFAULT_WIDTH, W);
    glFramebufferParameteri(GL_FRAMEBUFFER, GL_FRAMEBUFFER_DEFAULT_HEIGHT, H);
    glst_note("no attachments, 5 default layers: status 0x%x", glCheckFramebufferStatus(GL_FRAMEBUFFER));
    glBindFramebuffer(GL_FRAMEBUFFER, 0);
    glFramebufferParameteri(GL_FRAMEBUFFER, GL_FRAMEBUFFER_DEFAULT_LAYERS, 1);
    GLST_ERR("default layers of framebuffer 0", GL_INVALID_OPERATION);
    glGetFramebufferParameteriv(GL_FRAMEBUFFER, GL_FRAMEBUFFER_DEFAULT_LAYERS, &v);
    glst_note("default layers of framebuffer 0: err 0x%x", glGetError());
    glDeleteFramebuffers(1, &fb);
}

int main(void)
{
    glst_egl e;
    glst_observe_open("layered-fb");
    if (!glst_egl_setup_version(&e, W, H, 3)) {
        GLST_CHECK(false);
        return glst_finish();
    }
    const char *version = (const char *)glGetString(GL_VERSION);
    if (strncmp(version, "OpenGL ES 3.2", 13) != 0) {
        glst_note("skipped: not an ES 3.2 context");
        printf("skip: %s is not OpenGL ES 3.2\n", version);
    } else {
        test_attach();
        test_default_layers();
    }
    GLST_ERR("end", GL_NO_ERROR);
    glst_egl_teardown(&e);
    glst_observe_close();
    return glst_finish();
}
