/* OpenGL ES 3.2 GL_TEXTURE_BUFFER as a buffer binding target, compared
 * natively and through glstream: glBindBuffer and GL_TEXTURE_BUFFER_BINDING
 * (next to the texture binding GL_TEXTURE_BINDING_BUFFER), data, sub-data,
 * maps, copies and parameters through that target, the level parameters of
 * buffer textures (GL_TEXTURE_BUFFER_DATA_STORE_BINDING, _OFFSET, _SIZE),
 * samplerBuffer draws of data written through the target, imageBuffer
 * writes of a compute shader read back and then drawn as indices (the
 * worker re-reads a buffer shaders wrote), and the errors of indexed binds,
 * unbound targets and deleted buffers. Skipped (noted) in a context older
 * than ES 3.2. */
#include <stdio.h>
#include <string.h>

#include <GLES3/gl32.h>

#include "glst_observe.h"
#include "glst_test_util.h"

#define W 16
#define H 16

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

/* The level parameters of the bound buffer texture (first: from the name
 * of its buffer on; a deleted buffer's name is answered natively, 0 through
 * glstream: docs/es3.md) */
static void note_level(const char *what, size_t first)
{
    static const GLenum pnames[] = {GL_TEXTURE_BUFFER_DATA_STORE_BINDING, GL_TEXTURE_BUFFER_OFFSET,
                                    GL_TEXTURE_BUFFER_SIZE, GL_TEXTURE_INTERNAL_FORMAT, GL_TEXTURE_WIDTH};
    for (size_t i = first; i < sizeof(pnames) / sizeof(pnames[0]); i++) {
        GLint v = -1;
        GLfloat f = -1;
        glGetTexLevelParameteriv(GL_TEXTURE_BUFFER, 0, pnames[i], &v);
        glGetTexLevelParameterfv(GL_TEXTURE_BUFFER, 0, pnames[i], &f);
        glst_note("%s: 0x%x = %d (%g) err 0x%x", what, pnames[i], v, f, glGetError());
    }
}

static void note_bindings(const char *what)
{
    GLint buffer = -1, texture = -1;
    GLint64 buffer64 = -1;
    GLfloat f = -1;
    GLboolean b = 7;
    glGetIntegerv(GL_TEXTURE_BUFFER_BINDING, &buffer);
    glGetInteger64v(GL_TEXTURE_BUFFER_BINDING, &buffer64);
    glGetFloatv(GL_TEXTURE_BUFFER_BINDING, &f);
    glGetBooleanv(GL_TEXTURE_BUFFER_BINDING, &b);
    glGetIntegerv(GL_TEXTURE_BINDING_BUFFER, &texture);
    glst_note("%s: buffer %d (%lld, %g, %d) texture %d err 0x%x", what, buffer, (long long)buffer64, f, b, texture,
              glGetError());
}

static void draw(void)
{
    static const GLfloat quad[] = {-1, -1, 1, -1, -1, 1, 1, 1};
    glBindBuffer(GL_ARRAY_BUFFER, 0);
    glVertexAttribPointer(0, 2, GL_FLOAT, GL_FALSE, 0, quad);
    glEnableVertexAttribArray(0);
    glClearColor(0.5f, 0.5f, 0.5f, 0.5f);
    glClear(GL_COLOR_BUFFER_BIT);
    glDrawArrays(GL_TRIANGLE_STRIP, 0, 4);
}

static void test_target(void)
{
    note_bindings("at first");
    GLuint buf[3];
    glGenBuffers(3, buf);
    glBindBuffer(GL_TEXTURE_BUFFER, buf[0]);
    GLST_ERR("glBindBuffer GL_TEXTURE_BUFFER", GL_NO_ERROR);
    note_bindings("buffer bound");

    static unsigned char texels[W * H * 4];
    for (int i = 0; i < (int)sizeof(texels); i++)
        texels[i] = (unsigned char)(i * 11 + 1);
    glBufferData(GL_TEXTURE_BUFFER, sizeof(texels), texels, GL_DYNAMIC_DRAW);
    GLST_ERR("glBufferData", GL_NO_ERROR);
    glBufferSubData(GL_TEXTURE_BUFFER, 64, 64, texels + 512);
    GLST_ERR("glBufferSubData", GL_NO_ERROR);
    glBufferSubData(GL_TEXTURE_BUFFER, sizeof(texels) - 4, 8, texels);
    GLST_ERR("glBufferSubData past the end", GL_INVALID_VALUE);
    GLint size = -1, usage = -1, mapped = -1;
    GLint64 size64 = -1;
    glGetBufferParameteriv(GL_TEXTURE_BUFFER, GL_BUFFER_SIZE, &size);
    glGetBufferParameteriv(GL_TEXTURE_BUFFER, GL_BUFFER_USAGE, &usage);
    glGetBufferParameteri64v(GL_TEXTURE_BUFFER, GL_BUFFER_SIZE, &size64);
    glGetBufferParameteriv(GL_TEXTURE_BUFFER, GL_BUFFER_MAPPED, &mapped);
    glst_note("size %d (%lld) usage 0x%x mapped %d err 0x%x", size, (long long)size64, usage, mapped, glGetError());

    /* a map written through the target */
    unsigned char *p = glMapBufferRange(GL_TEXTURE_BUFFER, 128, 256, GL_MAP_WRITE_BIT | GL_MAP_INVALIDATE_RANGE_BIT);
    GLST_ERR("glMapBufferRange", GL_NO_ERROR);
    void *pointer = NULL;
    glGetBufferPointerv(GL_TEXTURE_BUFFER, GL_BUFFER_MAP_POINTER, &pointer);
    GLint length = -1, access = -1;
    glGetBufferParameteriv(GL_TEXTURE_BUFFER, GL_BUFFER_MAP_LENGTH, &length);
    glGetBufferParameteriv(GL_TEXTURE_BUFFER, GL_BUFFER_ACCESS_FLAGS, &access);
    glst_note("mapped: pointer is the map %d, length %d access 0x%x err 0x%x", p && pointer == p, length, access,
              glGetError());
    if (p)
        for (int i = 0; i < 256; i++)
            p[i] = (unsigned char)(255 - i);
    GLboolean unmapped = glUnmapBuffer(GL_TEXTURE_BUFFER);
    glst_note("unmap %d err 0x%x", unmapped, glGetError());
    unmapped = glUnmapBuffer(GL_TEXTURE_BUFFER);
    glst_note("unmap again %d err 0x%x", unmapped, glGetError());

    /* a copy into the target from another buffer */
    glBindBuffer(GL_COPY_READ_BUFFER, buf[1]);
    glBufferData(GL_COPY_READ_BUFFER, 64, texels + 100, GL_STATIC_DRAW);
    glCopyBufferSubData(GL_COPY_READ_BUFFER, GL_TEXTURE_BUFFER, 0, 512, 64);
    GLST_ERR("glCopyBufferSubData into GL_TEXTURE_BUFFER", GL_NO_ERROR);
    glCopyBufferSubData(GL_TEXTURE_BUFFER, GL_COPY_READ_BUFFER, 0, 0, 128);
    GLST_ERR("glCopyBufferSubData past the end", GL_INVALID_VALUE);

    /* the buffer texture views it */
    GLuint tex;
    glGenTextures(1, &tex);
    glBindTexture(GL_TEXTURE_BUFFER, tex);
    note_level("no buffer yet", 0);
    glTexBuffer(GL_TEXTURE_BUFFER, GL_RGBA8, buf[0]);
    GLST_ERR("glTexBuffer", GL_NO_ERROR);
    note_bindings("texture bound");
    note_level("whole buffer", 0);
    GLint align = 1;
    glGetIntegerv(GL_TEXTURE_BUFFER_OFFSET_ALIGNMENT, &align);
    glTexBufferRange(GL_TEXTURE_BUFFER, GL_RGBA8, buf[0], align, 4 * 64);
    GLST_ERR("glTexBufferRange", GL_NO_ERROR);
    note_level("range", 0);

    GLuint prog = glst_program("#version 320 es\n"
                               "layout(location = 0) in vec2 pos;\n"
                               "void main() { gl_Position = vec4(pos, 0.5, 1.0); }\n",
                               "#version 320 es\n"
                               "precision mediump float;\n"
                               "uniform highp samplerBuffer tb;\n"
                               "out vec4 c;\n"
                               "void main() {\n"
                               "  int i = int(gl_FragCoord.x) + int(gl_FragCoord.y) * 16;\n"
                               "  c = texelFetch(tb, i);\n"
                               "}\n");
    glUseProgram(prog);
    glViewport(0, 0, W, H);
    draw();
    note_frame("range drawn");
    glTexBuffer(GL_TEXTURE_BUFFER, GL_RGBA8, buf[0]);
    draw();
    note_frame("whole buffer drawn");
    /* new data through the target reaches the view */
    glBufferSubData(GL_TEXTURE_BUFFER, 0, 256, texels + 700);
    draw();
    note_frame("after glBufferSubData");

    /* errors */
    glBindBufferBase(GL_TEXTURE_BUFFER, 0, buf[0]);
    GLST_ERR("glBindBufferBase GL_TEXTURE_BUFFER", GL_INVALID_ENUM);
    glBindBufferRange(GL_TEXTURE_BUFFER, 0, buf[0], 0, 16);
    GLST_ERR("glBindBufferRange GL_TEXTURE_BUFFER", GL_INVALID_ENUM);
    GLint indexed = -1;
    glGetIntegeri_v(GL_TEXTURE_BUFFER_BINDING, 0, &indexed);
    glst_note("indexed GL_TEXTURE_BUFFER_BINDING: err 0x%x", glGetError());
    glGetTexLevelParameteriv(GL_TEXTURE_BUFFER, 1, GL_TEXTURE_BUFFER_SIZE, &indexed);
    glst_note("level 1 of a buffer texture: err 0x%x", glGetError());
    glGetTexLevelParameteriv(GL_TEXTURE_2D, 0, GL_TEXTURE_BUFFER_SIZE, &indexed);
    glst_note("GL_TEXTURE_BUFFER_SIZE of a 2D texture: %d err 0x%x", indexed, glGetError());
    glGetTexParameteriv(GL_TEXTURE_BUFFER, GL_TEXTURE_BUFFER_SIZE, &indexed);
    glst_note("GL_TEXTURE_BUFFER_SIZE as a texture parameter: err 0x%x", glGetError());

    /* deleting the buffer unbinds it from the target; the view keeps it */
    glDeleteBuffers(1, &buf[0]);
    note_bindings("buffer deleted");
    note_level("its buffer deleted", 1);
    glBufferData(GL_TEXTURE_BUFFER, 16, NULL, GL_STATIC_DRAW);
    GLST_ERR("glBufferData without a buffer", GL_INVALID_OPERATION);
    glMapBufferRange(GL_TEXTURE_BUFFER, 0, 4, GL_MAP_READ_BIT);
    GLST_ERR("glMapBufferRange without a buffer", GL_INVALID_OPERATION);
    size = -1;
    glGetBufferParameteriv(GL_TEXTURE_BUFFER, GL_BUFFER_SIZE, &size);
    glst_note("size without a buffer: %d err 0x%x", size, glGetError());
    glBindBuffer(GL_TEXTURE_BUFFER, buf[2]);
    glBufferData(GL_TEXTURE_BUFFER, 0, NULL, GL_STATIC_DRAW);
    glst_note("empty buffer: err 0x%x", glGetError());
    glBindBuffer(GL_TEXTURE_BUFFER, 0);
    note_bindings("unbound");

    glDeleteTextures(1, &tex);
    glDeleteBuffers(3, buf);
    glDeleteProgram(prog);
}

/* imageBuffer: a compute shader writes indices into a buffer through a
 * buffer texture; they are read back, then drawn as an element array. */
static void test_image_buffer(void)
{
    GLuint cs = glst_compile(GL_COMPUTE_SHADER, "#version 320 es\n"
                                                "layout(local_size_x = 4) in;\n"
                                                "layout(r32ui, binding = 0) writeonly uniform highp uimageBuffer img;\n"
                                                "void main() {\n"
                                                "  uint i = gl_GlobalInvocationID.x;\n"
                                                "  imageStore(img, int(i), uvec4(i < 4u ? i : 3u - (i - 4u)));\n"
                                                "}\n");
    GLuint cprog = glCreateProgram();
    glAttachShader(cprog, cs);
    glLinkProgram(cprog);
    GLint linked = 0;
    glGetProgramiv(cprog, GL_LINK_STATUS, &linked);
    glst_note("imageBuffer compute program linked %d err 0x%x", linked, glGetError());

    GLuint buf, tex;
    glGenBuffers(1, &buf);
    glBindBuffer(GL_TEXTURE_BUFFER, buf);
    static const GLuint first[8] = {4, 5, 6, 7, 4, 5, 6, 7};
    glBufferData(GL_TEXTURE_BUFFER, sizeof(first), first, GL_DYNAMIC_COPY);
    glGenTextures(1, &tex);
    glBindTexture(GL_TEXTURE_BUFFER, tex);
    glTexBuffer(GL_TEXTURE_BUFFER, GL_R32UI, buf);
    glBindImageTexture(0, tex, 0, GL_FALSE, 0, GL_WRITE_ONLY, GL_R32UI);
    GLST_ERR("glBindImageTexture of a buffer texture", GL_NO_ERROR);
    GLint name = -1;
    glGetIntegeri_v(GL_IMAGE_BINDING_NAME, 0, &name);
    glst_note("image unit 0 holds the texture: %d", name == (GLint)tex);

    /* the buffer first serves as indices of vertices 4-7 (the worker
     * learns that range), then the vertex buffer shrinks to 4 vertices:
     * only after the shader's writes (indices 0-3) can it be drawn again */
    GLuint prog = glst_program("#version 320 es\n"
                               "layout(location = 0) in vec2 pos;\n"
                               "void main() { gl_Position = vec4(pos, 0.0, 1.0); gl_PointSize = 1.0; }\n",
                               "#version 320 es\n"
                               "precision mediump float;\n"
                               "out vec4 c;\n"
                               "void main() { c = vec4(1.0, 0.5, 0.0, 1.0); }\n");
    static const GLfloat corners[] = {-1, -1, 1, -1, 1, 1, -1, 1, -1, -1, 0, -1, 0, 0, -1, 0};
    GLuint vbo;
    glGenBuffers(1, &vbo);
    glBindBuffer(GL_ARRAY_BUFFER, vbo);
    glBufferData(GL_ARRAY_BUFFER, sizeof(corners), corners, GL_STATIC_DRAW);
    glVertexAttribPointer(0, 2, GL_FLOAT, GL_FALSE, 0, 0);
    glEnableVertexAttribArray(0);
    glBindBuffer(GL_ELEMENT_ARRAY_BUFFER, buf);
    glUseProgram(prog);
    glClearColor(0, 0, 0, 0);
    glClear(GL_COLOR_BUFFER_BIT);
    glDrawElements(GL_TRIANGLE_FAN, 4, GL_UNSIGNED_INT, 0);
    note_frame("drawn with indices 4-7");
    glBindBuffer(GL_ARRAY_BUFFER, vbo);
    glBufferData(GL_ARRAY_BUFFER, 8 * sizeof(GLfloat), corners, GL_STATIC_DRAW);

    glUseProgram(cprog);
    glDispatchCompute(2, 1, 1);
    GLST_ERR("dispatch writing the imageBuffer", GL_NO_ERROR);
    glMemoryBarrier(GL_BUFFER_UPDATE_BARRIER_BIT | GL_ELEMENT_ARRAY_BARRIER_BIT);
    const GLuint *v = glMapBufferRange(GL_TEXTURE_BUFFER, 0, sizeof(first), GL_MAP_READ_BIT);
    if (v)
        glst_note("written: %u %u %u %u %u %u %u %u", v[0], v[1], v[2], v[3], v[4], v[5], v[6], v[7]);
    glUnmapBuffer(GL_TEXTURE_BUFFER);
    GLST_ERR("read back", GL_NO_ERROR);

    /* the indices the shader wrote: the quad of vertices 0-3 */
    glUseProgram(prog);
    glClear(GL_COLOR_BUFFER_BIT);
    glDrawElements(GL_TRIANGLE_FAN, 4, GL_UNSIGNED_INT, 0);
    note_frame("drawn with the written indices");

    glDeleteBuffers(1, &vbo);
    glDeleteBuffers(1, &buf);
    glDeleteTextures(1, &tex);
    glDeleteProgram(prog);
    glDeleteProgram(cprog);
    glDeleteShader(cs);
}

int main(void)
{
    glst_egl e;
    glst_observe_open("layered-texbuffer");
    if (!glst_egl_setup_version(&e, W, H, 3)) {
        GLST_CHECK(false);
        return glst_finish();
    }
    const char *version = (const char *)glGetString(GL_VERSION);
    if (strncmp(version, "OpenGL ES 3.2", 13) != 0) {
        glst_note("skipped: not an ES 3.2 context");
        printf("skip: %s is not OpenGL ES 3.2\n", version);
    } else {
        test_target();
        test_image_buffer();
    }
    GLST_ERR("end", GL_NO_ERROR);
    glst_egl_teardown(&e);
    glst_observe_close();
    return glst_finish();
}
