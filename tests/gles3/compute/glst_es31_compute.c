/* OpenGL ES 3.1 compute: a compute shader writing a shader storage buffer
 * read back with glMapBufferRange, atomic counters, image stores into a
 * texture then read, indirect dispatch, barriers, the indexed gets of the
 * new bindings, compile logs, and the errors of every entry point. Every
 * value, error and pixel is written to $GLST_OUT/es31_compute.txt,
 * compared natively and through glstream. Through a glstream context
 * older than 3.1 (the default build offers 3.0) the program exits 77: a
 * skip. */
#include "glst_observe.h"
#include "glst_test_util.h"

#include <GLES3/gl31.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define W 8
#define H 8

static const char *ssbo_cs =
    "#version 310 es\n"
    "layout(local_size_x = 4) in;\n"
    "layout(std430, binding = 0) readonly buffer In { uint a[]; };\n"
    "layout(std430, binding = 1) buffer Out { uint b[]; };\n"
    "void main() { uint i = gl_GlobalInvocationID.x; b[i] = a[i] * 3u + i; }\n";

static const char *atomic_cs =
    "#version 310 es\n"
    "layout(local_size_x = 8) in;\n"
    "layout(binding = 0, offset = 4) uniform atomic_uint counter;\n"
    "layout(std430, binding = 2) buffer Seen { uint seen[]; };\n"
    "void main() { uint n = atomicCounterIncrement(counter); seen[n] = 1u; }\n";

static const char *image_cs =
    "#version 310 es\n"
    "layout(local_size_x = 2, local_size_y = 2) in;\n"
    "layout(rgba8, binding = 0) writeonly uniform highp image2D img;\n"
    "void main() {\n"
    "  ivec2 p = ivec2(gl_GlobalInvocationID.xy);\n"
    "  imageStore(img, p, vec4(float(p.x) / 4.0, float(p.y) / 4.0, 0.5, 1.0));\n"
    "}\n";

static const char *bad_cs =
    "#version 310 es\n"
    "layout(local_size_x = 1) in;\n"
    "void main() { undefined_thing = 1; }\n";

static GLuint compute_program(const char *src)
{
    GLuint s = glCreateShader(GL_COMPUTE_SHADER);
    glShaderSource(s, 1, &src, NULL);
    glCompileShader(s);
    GLint ok = 0;
    glGetShaderiv(s, GL_COMPILE_STATUS, &ok);
    GLST_CHECK(ok);
    GLuint p = glCreateProgram();
    glAttachShader(p, s);
    glLinkProgram(p);
    glGetProgramiv(p, GL_LINK_STATUS, &ok);
    GLST_CHECK(ok);
    glDeleteShader(s);
    return p;
}

static void note_uints(const char *what, GLenum target, GLintptr offset, int n)
{
    const GLuint *p = glMapBufferRange(target, offset, n * 4, GL_MAP_READ_BIT);
    GLST_CHECK(p != NULL);
    char line[512];
    int at = 0;
    for (int i = 0; p && i < n && at < (int)sizeof(line) - 12; i++)
        at += snprintf(line + at, sizeof(line) - (size_t)at, " %u", p[i]);
    line[at] = 0;
    glst_note("%s:%s", what, line);
    glUnmapBuffer(target);
    GLST_ERR(what, GL_NO_ERROR);
}

static void note_indexed(const char *what, GLenum pname, GLuint index)
{
    GLint v = -1;
    GLint64 v64 = -1;
    glGetIntegeri_v(pname, index, &v);
    glGetInteger64i_v(pname, index, &v64);
    glst_note("%s[%u]: %d %lld", what, index, v, (long long)v64);
    GLST_ERR(what, GL_NO_ERROR);
}

static void test_limits(void)
{
    static const GLenum pnames[] = {GL_MAX_COMPUTE_WORK_GROUP_INVOCATIONS, GL_MAX_COMPUTE_SHARED_MEMORY_SIZE,
                                    GL_MAX_SHADER_STORAGE_BUFFER_BINDINGS, GL_SHADER_STORAGE_BUFFER_OFFSET_ALIGNMENT,
                                    GL_MAX_ATOMIC_COUNTER_BUFFER_BINDINGS, GL_MAX_IMAGE_UNITS,
                                    GL_MAX_COMPUTE_SHADER_STORAGE_BLOCKS, GL_MAX_COMBINED_SHADER_OUTPUT_RESOURCES};
    for (unsigned i = 0; i < sizeof(pnames) / sizeof(*pnames); i++)
        glst_note("limit 0x%x: %d", pnames[i], glst_get_int(pnames[i]));
    for (GLuint i = 0; i < 3; i++) {
        note_indexed("max work group count", GL_MAX_COMPUTE_WORK_GROUP_COUNT, i);
        note_indexed("max work group size", GL_MAX_COMPUTE_WORK_GROUP_SIZE, i);
    }
    GLint v = -1;
    glGetIntegeri_v(GL_MAX_COMPUTE_WORK_GROUP_COUNT, 3, &v);
    GLST_ERR("work group count index 3", GL_INVALID_VALUE);
}

static void test_compile_log(void)
{
    GLuint s = glCreateShader(GL_COMPUTE_SHADER);
    GLST_ERR("glCreateShader(GL_COMPUTE_SHADER)", GL_NO_ERROR);
    glShaderSource(s, 1, &bad_cs, NULL);
    glCompileShader(s);
    GLint ok = -1, type = 0;
    glGetShaderiv(s, GL_COMPILE_STATUS, &ok);
    glGetShaderiv(s, GL_SHADER_TYPE, &type);
    char log[1024] = "";
    glGetShaderInfoLog(s, sizeof(log), NULL, log);
    glst_note("bad compute shader: status %d type 0x%x log %s", ok, type, log);
    glDeleteShader(s);
    GLST_ERR("compile log", GL_NO_ERROR);
}

static void test_ssbo(void)
{
    GLuint prog = compute_program(ssbo_cs);
    GLuint bufs[2];
    glGenBuffers(2, bufs);
    GLuint in[16];
    for (int i = 0; i < 16; i++)
        in[i] = (GLuint)(i * i + 5);
    glBindBuffer(GL_SHADER_STORAGE_BUFFER, bufs[0]);
    glBufferData(GL_SHADER_STORAGE_BUFFER, sizeof(in), in, GL_STATIC_DRAW);
    glBindBuffer(GL_SHADER_STORAGE_BUFFER, bufs[1]);
    glBufferData(GL_SHADER_STORAGE_BUFFER, 256 + 64, NULL, GL_DYNAMIC_READ);
    glBindBufferBase(GL_SHADER_STORAGE_BUFFER, 0, bufs[0]);
    GLint align = glst_get_int(GL_SHADER_STORAGE_BUFFER_OFFSET_ALIGNMENT);
    glBindBufferRange(GL_SHADER_STORAGE_BUFFER, 1, bufs[1], align, 64);
    GLST_ERR("bind storage buffers", GL_NO_ERROR);
    glst_note("generic binding is the last bound: %d", glst_get_int(GL_SHADER_STORAGE_BUFFER_BINDING) == (GLint)bufs[1]);
    for (GLuint i = 0; i < 2; i++) {
        note_indexed("storage binding", GL_SHADER_STORAGE_BUFFER_BINDING, i);
        note_indexed("storage start", GL_SHADER_STORAGE_BUFFER_START, i);
        note_indexed("storage size", GL_SHADER_STORAGE_BUFFER_SIZE, i);
    }
    /* an unaligned range start: GL_INVALID_VALUE */
    if (align > 1) {
        glBindBufferRange(GL_SHADER_STORAGE_BUFFER, 1, bufs[1], 1, 64);
        GLST_ERR("unaligned storage range", GL_INVALID_VALUE);
    }
    GLint max = glst_get_int(GL_MAX_SHADER_STORAGE_BUFFER_BINDINGS);
    glBindBufferBase(GL_SHADER_STORAGE_BUFFER, (GLuint)max, bufs[1]);
    GLST_ERR("storage binding past the limit", GL_INVALID_VALUE);

    glUseProgram(prog);
    glDispatchCompute(4, 1, 1);
    GLST_ERR("glDispatchCompute", GL_NO_ERROR);
    glMemoryBarrier(GL_BUFFER_UPDATE_BARRIER_BIT);
    GLST_ERR("glMemoryBarrier", GL_NO_ERROR);
    glBindBuffer(GL_SHADER_STORAGE_BUFFER, bufs[1]);
    note_uints("computed", GL_SHADER_STORAGE_BUFFER, align, 16);

    /* the same buffer written again, its contents read before: the copy
     * the client may have kept is not what the map returns */
    for (int i = 0; i < 16; i++)
        in[i] = (GLuint)(1000 + i);
    glBindBuffer(GL_SHADER_STORAGE_BUFFER, bufs[0]);
    glBufferSubData(GL_SHADER_STORAGE_BUFFER, 0, sizeof(in), in);
    glDispatchCompute(2, 1, 1);
    glMemoryBarrier(GL_ALL_BARRIER_BITS);
    glBindBuffer(GL_SHADER_STORAGE_BUFFER, bufs[1]);
    note_uints("computed again (8 of 16)", GL_SHADER_STORAGE_BUFFER, align, 16);

    /* indirect: counts {3, 1, 1} at offset 4, then a zero count */
    GLuint indirect;
    glGenBuffers(1, &indirect);
    const GLuint cmds[] = {77, 3, 1, 1, 0, 1, 1};
    glBindBuffer(GL_DISPATCH_INDIRECT_BUFFER, indirect);
    glBufferData(GL_DISPATCH_INDIRECT_BUFFER, sizeof(cmds), cmds, GL_STATIC_DRAW);
    glst_note("indirect binding set: %d", glst_get_int(GL_DISPATCH_INDIRECT_BUFFER_BINDING) == (GLint)indirect);
    for (int i = 0; i < 16; i++)
        in[i] = (GLuint)(2000 + i);
    glBindBuffer(GL_SHADER_STORAGE_BUFFER, bufs[0]);
    glBufferSubData(GL_SHADER_STORAGE_BUFFER, 0, sizeof(in), in);
    glDispatchComputeIndirect(4);
    GLST_ERR("glDispatchComputeIndirect", GL_NO_ERROR);
    glDispatchComputeIndirect(16);
    GLST_ERR("glDispatchComputeIndirect of zero groups", GL_NO_ERROR);
    glMemoryBarrierByRegion(GL_SHADER_STORAGE_BARRIER_BIT);
    GLST_ERR("glMemoryBarrierByRegion", GL_NO_ERROR);
    glBindBuffer(GL_SHADER_STORAGE_BUFFER, bufs[1]);
    note_uints("computed indirectly (12 of 16)", GL_SHADER_STORAGE_BUFFER, align, 16);

    /* errors of the indirect form */
    glDispatchComputeIndirect(2);
    GLST_ERR("indirect offset unaligned", GL_INVALID_VALUE);
    glDispatchComputeIndirect(-4);
    GLST_ERR("indirect offset negative", GL_INVALID_VALUE);
    glDispatchComputeIndirect(20);
    GLST_ERR("indirect command past the buffer", GL_INVALID_OPERATION);
    glDispatchComputeIndirect(1 << 20);
    GLST_ERR("indirect offset far past the buffer", GL_INVALID_OPERATION);
    glBindBuffer(GL_DISPATCH_INDIRECT_BUFFER, 0);
    glDispatchComputeIndirect(0);
    GLST_ERR("indirect without a buffer", GL_INVALID_OPERATION);
    glBindBuffer(GL_DISPATCH_INDIRECT_BUFFER, indirect);
    glMapBufferRange(GL_DISPATCH_INDIRECT_BUFFER, 0, 8, GL_MAP_READ_BIT);
    glDispatchComputeIndirect(4);
    GLST_ERR("indirect from a mapped buffer", GL_INVALID_OPERATION);
    glUnmapBuffer(GL_DISPATCH_INDIRECT_BUFFER);

    /* errors of the direct form */
    GLint max_x = 0;
    glGetIntegeri_v(GL_MAX_COMPUTE_WORK_GROUP_COUNT, 0, &max_x);
    glDispatchCompute((GLuint)max_x + 1, 1, 1);
    GLST_ERR("too many groups", GL_INVALID_VALUE);
    glDispatchCompute(0, 0, 0);
    GLST_ERR("no groups", GL_NO_ERROR);
    glUseProgram(0);
    glDispatchCompute(1, 1, 1);
    GLST_ERR("dispatch without a program", GL_INVALID_OPERATION);
    glDispatchComputeIndirect(4);
    GLST_ERR("indirect dispatch without a program", GL_INVALID_OPERATION);
    glMemoryBarrier(0x80000000u);
    GLST_ERR("glMemoryBarrier of an unknown bit (Mesa takes it)", GL_NO_ERROR);
    glMemoryBarrierByRegion(GL_PIXEL_BUFFER_BARRIER_BIT);
    GLST_ERR("glMemoryBarrierByRegion of a bit it does not take", GL_INVALID_VALUE);

    glDeleteBuffers(2, bufs);
    glDeleteBuffers(1, &indirect);
    note_indexed("storage binding after delete", GL_SHADER_STORAGE_BUFFER_BINDING, 1);
    glDeleteProgram(prog);
    GLST_ERR("ssbo end", GL_NO_ERROR);
}

static void test_atomics(void)
{
    GLuint prog = compute_program(atomic_cs);
    GLuint bufs[2];
    glGenBuffers(2, bufs);
    const GLuint start[2] = {9, 3};
    glBindBuffer(GL_ATOMIC_COUNTER_BUFFER, bufs[0]);
    glBufferData(GL_ATOMIC_COUNTER_BUFFER, sizeof(start), start, GL_DYNAMIC_DRAW);
    glBindBufferBase(GL_ATOMIC_COUNTER_BUFFER, 0, bufs[0]);
    glBindBuffer(GL_SHADER_STORAGE_BUFFER, bufs[1]);
    glBufferData(GL_SHADER_STORAGE_BUFFER, 4 * 40, NULL, GL_DYNAMIC_READ);
    glBindBufferBase(GL_SHADER_STORAGE_BUFFER, 2, bufs[1]);
    GLST_ERR("bind atomic counters", GL_NO_ERROR);
    note_indexed("atomic binding set", GL_ATOMIC_COUNTER_BUFFER_BINDING, 0);
    note_indexed("atomic start", GL_ATOMIC_COUNTER_BUFFER_START, 0);
    note_indexed("atomic size", GL_ATOMIC_COUNTER_BUFFER_SIZE, 0);
    glBindBufferRange(GL_ATOMIC_COUNTER_BUFFER, 0, bufs[0], 2, 4);
    GLST_ERR("atomic counter range unaligned", GL_INVALID_VALUE);
    glUseProgram(prog);
    glDispatchCompute(4, 1, 1);
    GLST_ERR("atomic dispatch", GL_NO_ERROR);
    glMemoryBarrier(GL_ATOMIC_COUNTER_BARRIER_BIT | GL_BUFFER_UPDATE_BARRIER_BIT);
    glBindBuffer(GL_ATOMIC_COUNTER_BUFFER, bufs[0]);
    note_uints("counters", GL_ATOMIC_COUNTER_BUFFER, 0, 2);
    note_uints("seen", GL_SHADER_STORAGE_BUFFER, 0, 40);
    glUseProgram(0);
    glDeleteProgram(prog);
    glDeleteBuffers(2, bufs);
    GLST_ERR("atomics end", GL_NO_ERROR);
}

static void test_images(void)
{
    GLuint prog = compute_program(image_cs);
    GLuint tex, fbo;
    glGenTextures(1, &tex);
    glBindTexture(GL_TEXTURE_2D, tex);
    glTexStorage2D(GL_TEXTURE_2D, 1, GL_RGBA8, 4, 4);
    /* the parameters, in the driver's order */
    GLint units = glst_get_int(GL_MAX_IMAGE_UNITS);
    glBindImageTexture((GLuint)units, tex, 0, GL_FALSE, 0, GL_WRITE_ONLY, GL_RGBA8);
    GLST_ERR("image unit past the limit", GL_INVALID_VALUE);
    glBindImageTexture(0, tex, -1, GL_FALSE, 0, GL_WRITE_ONLY, GL_RGBA8);
    GLST_ERR("negative level", GL_INVALID_VALUE);
    glBindImageTexture(0, tex, 0, GL_FALSE, -1, GL_WRITE_ONLY, GL_RGBA8);
    GLST_ERR("negative layer", GL_INVALID_VALUE);
    glBindImageTexture(0, tex, 0, GL_FALSE, 0, GL_RGBA, GL_RGBA8);
    GLST_ERR("bad access (Mesa: GL_INVALID_VALUE)", GL_INVALID_VALUE);
    glBindImageTexture(0, tex, 0, GL_FALSE, 0, GL_WRITE_ONLY, GL_RGB8);
    GLST_ERR("format outside the image formats", GL_INVALID_VALUE);
    GLuint mutable_tex;
    glGenTextures(1, &mutable_tex);
    glBindTexture(GL_TEXTURE_2D, mutable_tex);
    glTexImage2D(GL_TEXTURE_2D, 0, GL_RGBA8, 4, 4, 0, GL_RGBA, GL_UNSIGNED_BYTE, NULL);
    glBindImageTexture(0, mutable_tex, 0, GL_FALSE, 0, GL_WRITE_ONLY, GL_RGBA8);
    GLST_ERR("mutable texture", GL_INVALID_OPERATION);
    glBindImageTexture(0, tex, 0, GL_FALSE, 0, GL_WRITE_ONLY, GL_RGBA8);
    GLST_ERR("glBindImageTexture", GL_NO_ERROR);
    note_indexed("image name set", GL_IMAGE_BINDING_NAME, 0);
    note_indexed("image access", GL_IMAGE_BINDING_ACCESS, 0);
    note_indexed("image format", GL_IMAGE_BINDING_FORMAT, 0);
    GLint name = -1;
    glGetIntegeri_v(GL_IMAGE_BINDING_NAME, 0, &name);
    glst_note("image binding names the texture: %d", name == (GLint)tex);

    glUseProgram(prog);
    glDispatchCompute(2, 2, 1);
    GLST_ERR("image dispatch", GL_NO_ERROR);
    glMemoryBarrier(GL_FRAMEBUFFER_BARRIER_BIT | GL_TEXTURE_FETCH_BARRIER_BIT);
    glGenFramebuffers(1, &fbo);
    glBindFramebuffer(GL_FRAMEBUFFER, fbo);
    glFramebufferTexture2D(GL_FRAMEBUFFER, GL_COLOR_ATTACHMENT0, GL_TEXTURE_2D, tex, 0);
    unsigned char px[4 * 4 * 4];
    memset(px, 0xee, sizeof(px));
    glReadPixels(0, 0, 4, 4, GL_RGBA, GL_UNSIGNED_BYTE, px);
    for (int y = 0; y < 4; y++)
        glst_note("image row %d: %02x%02x%02x%02x %02x%02x%02x%02x %02x%02x%02x%02x %02x%02x%02x%02x", y,
                  px[y * 16 + 0], px[y * 16 + 1], px[y * 16 + 2], px[y * 16 + 3], px[y * 16 + 4], px[y * 16 + 5],
                  px[y * 16 + 6], px[y * 16 + 7], px[y * 16 + 8], px[y * 16 + 9], px[y * 16 + 10],
                  px[y * 16 + 11], px[y * 16 + 12], px[y * 16 + 13], px[y * 16 + 14], px[y * 16 + 15]);
    glBindFramebuffer(GL_FRAMEBUFFER, 0);
    glDeleteFramebuffers(1, &fbo);
    glUseProgram(0);
    glDeleteProgram(prog);
    glDeleteTextures(1, &tex);
    glDeleteTextures(1, &mutable_tex);
    GLST_ERR("images end", GL_NO_ERROR);
}

int main(void)
{
    glst_egl egl;
    if (!glst_egl_setup_version(&egl, W, H, 3)) {
        GLST_CHECK(!"EGL setup");
        return glst_finish();
    }
    const char *version = (const char *)glGetString(GL_VERSION);
    int major = 0, minor = 0;
    if (!version || sscanf(version, "OpenGL ES %d.%d", &major, &minor) != 2 || major * 10 + minor < 31) {
        printf("skip: the context is %s, not OpenGL ES 3.1\n", version ? version : "(none)");
        glst_egl_teardown(&egl);
        return 77;
    }
    glst_observe_open("es31_compute");
    test_limits();
    test_compile_log();
    test_ssbo();
    test_atomics();
    test_images();
    glst_egl_teardown(&egl);
    glst_observe_close();
    return glst_finish();
}
