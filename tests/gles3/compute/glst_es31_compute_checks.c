/* The worker's checks of ES 3.1 compute, through glstream only (natively
 * these dispatches and draws are undefined; glstream refuses them so that
 * the driver never reads or writes outside a buffer, nor runs more groups
 * than its limits):
 * - a shader storage block whose bound range lies past its buffer (the
 *   buffer shrank after glBindBufferRange), is smaller than the block, or
 *   has no buffer: the dispatch (and a draw) is GL_INVALID_OPERATION;
 * - an atomic counter binding past its buffer: GL_INVALID_OPERATION;
 * - an indirect dispatch whose group counts exceed
 *   GL_MAX_COMPUTE_WORK_GROUP_COUNT: GL_INVALID_VALUE, nothing runs;
 * - a storage buffer the GPU wrote, then used as an element array: its new
 *   contents are what the worker checks indices against.
 * And the same with correct bindings go through (controls). Exits 77 when
 * the context is older than 3.1. */
#include "glst_test_util.h"

#include <GLES3/gl31.h>
#include <stdio.h>
#include <string.h>

static const char *cs =
    "#version 310 es\n"
    "layout(local_size_x = 1) in;\n"
    "layout(std430, binding = 0) buffer Out { uint v[16]; };\n"
    "void main() { v[gl_WorkGroupID.x] = gl_WorkGroupID.x + 7u; }\n";
static const char *atomic_cs =
    "#version 310 es\n"
    "layout(local_size_x = 1) in;\n"
    "layout(binding = 1, offset = 12) uniform atomic_uint c;\n"
    "void main() { atomicCounterIncrement(c); }\n";
static const char *vs =
    "#version 310 es\n"
    "layout(std430, binding = 0) buffer Out { uint v[16]; };\n"
    "in vec2 pos;\n"
    "void main() { v[gl_VertexID] = 1u; gl_Position = vec4(pos, 0.0, 1.0); gl_PointSize = 1.0; }\n";
static const char *fs =
    "#version 310 es\n"
    "precision mediump float;\n"
    "out vec4 o;\n"
    "void main() { o = vec4(1.0); }\n";

static GLuint compute_program(const char *src)
{
    GLuint s = glst_compile(GL_COMPUTE_SHADER, src), p = glCreateProgram();
    glAttachShader(p, s);
    glLinkProgram(p);
    GLint ok = 0;
    glGetProgramiv(p, GL_LINK_STATUS, &ok);
    GLST_CHECK(ok);
    return p;
}

int main(void)
{
    glst_egl egl;
    if (!glst_egl_setup_version(&egl, 8, 8, 3)) {
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
    GLuint prog = compute_program(cs);
    GLuint buf[3];
    glGenBuffers(3, buf);
    glBindBuffer(GL_SHADER_STORAGE_BUFFER, buf[0]);
    glBufferData(GL_SHADER_STORAGE_BUFFER, 64, NULL, GL_DYNAMIC_DRAW);
    glUseProgram(prog);

    /* no buffer bound to the block's binding */
    glDispatchCompute(1, 1, 1);
    GLST_CHECK_GL(GL_INVALID_OPERATION);
    /* the whole buffer: control */
    glBindBufferBase(GL_SHADER_STORAGE_BUFFER, 0, buf[0]);
    glDispatchCompute(16, 1, 1);
    GLST_CHECK_GL(GL_NO_ERROR);
    glMemoryBarrier(GL_BUFFER_UPDATE_BARRIER_BIT);
    const GLuint *p = glMapBufferRange(GL_SHADER_STORAGE_BUFFER, 0, 64, GL_MAP_READ_BIT);
    GLST_CHECK(p && p[0] == 7 && p[15] == 22);
    glUnmapBuffer(GL_SHADER_STORAGE_BUFFER);
    /* a range smaller than the block (16 uints) */
    glBindBufferRange(GL_SHADER_STORAGE_BUFFER, 0, buf[0], 0, 32);
    GLST_CHECK_GL(GL_NO_ERROR);
    glDispatchCompute(1, 1, 1);
    GLST_CHECK_GL(GL_INVALID_OPERATION);
    /* a range that fitted, then the buffer shrank under it */
    glBindBufferRange(GL_SHADER_STORAGE_BUFFER, 0, buf[0], 0, 64);
    glDispatchCompute(1, 1, 1);
    GLST_CHECK_GL(GL_NO_ERROR);
    glBufferData(GL_SHADER_STORAGE_BUFFER, 16, NULL, GL_DYNAMIC_DRAW);
    glDispatchCompute(1, 1, 1);
    GLST_CHECK_GL(GL_INVALID_OPERATION);
    /* glBindBufferBase of the shrunk buffer: smaller than the block */
    glBindBufferBase(GL_SHADER_STORAGE_BUFFER, 0, buf[0]);
    glDispatchCompute(1, 1, 1);
    GLST_CHECK_GL(GL_INVALID_OPERATION);
    glBufferData(GL_SHADER_STORAGE_BUFFER, 64, NULL, GL_DYNAMIC_DRAW);
    glDispatchCompute(1, 1, 1);
    GLST_CHECK_GL(GL_NO_ERROR);

    /* indirect counts past the limits */
    GLint max_x = 0;
    glGetIntegeri_v(GL_MAX_COMPUTE_WORK_GROUP_COUNT, 0, &max_x);
    const GLuint huge[] = {(GLuint)max_x + 1, 1, 1, 0xffffffffu, 0xffffffffu, 0xffffffffu, 2, 1, 1};
    glBindBuffer(GL_DISPATCH_INDIRECT_BUFFER, buf[1]);
    glBufferData(GL_DISPATCH_INDIRECT_BUFFER, sizeof(huge), huge, GL_STATIC_DRAW);
    glDispatchComputeIndirect(0);
    GLST_CHECK_GL(GL_INVALID_VALUE);
    glDispatchComputeIndirect(12);
    GLST_CHECK_GL(GL_INVALID_VALUE);
    glDispatchComputeIndirect(24); /* control */
    GLST_CHECK_GL(GL_NO_ERROR);
    glDispatchComputeIndirect(28); /* the last 8 bytes and 4 past the end */
    GLST_CHECK_GL(GL_INVALID_OPERATION);
    /* new contents from the GPU: a storage write into the indirect buffer */
    glBindBufferRange(GL_SHADER_STORAGE_BUFFER, 0, buf[1], 0, 64);
    glBufferData(GL_DISPATCH_INDIRECT_BUFFER, 64, NULL, GL_DYNAMIC_DRAW);
    glDispatchCompute(3, 1, 1); /* v[0..2] = 7, 8, 9 */
    GLST_CHECK_GL(GL_NO_ERROR);
    glMemoryBarrier(GL_COMMAND_BARRIER_BIT);
    glDispatchComputeIndirect(0); /* 7 x 8 x 9 groups: within the limits */
    GLST_CHECK_GL(GL_NO_ERROR);

    /* atomic counters: binding 1, offset 12 needs 16 bytes */
    GLuint aprog = compute_program(atomic_cs);
    glUseProgram(aprog);
    glBindBuffer(GL_ATOMIC_COUNTER_BUFFER, buf[2]);
    glBufferData(GL_ATOMIC_COUNTER_BUFFER, 16, NULL, GL_DYNAMIC_DRAW);
    glBindBufferRange(GL_ATOMIC_COUNTER_BUFFER, 1, buf[2], 0, 16);
    glDispatchCompute(5, 1, 1);
    GLST_CHECK_GL(GL_NO_ERROR);
    glMemoryBarrier(GL_BUFFER_UPDATE_BARRIER_BIT);
    p = glMapBufferRange(GL_ATOMIC_COUNTER_BUFFER, 12, 4, GL_MAP_READ_BIT);
    GLST_CHECK(p && p[0] == 5);
    glUnmapBuffer(GL_ATOMIC_COUNTER_BUFFER);
    glBufferData(GL_ATOMIC_COUNTER_BUFFER, 8, NULL, GL_DYNAMIC_DRAW);
    glDispatchCompute(1, 1, 1);
    GLST_CHECK_GL(GL_INVALID_OPERATION);
    glBindBufferRange(GL_ATOMIC_COUNTER_BUFFER, 1, buf[2], 0, 8);
    glDispatchCompute(1, 1, 1);
    GLST_CHECK_GL(GL_INVALID_OPERATION);

    /* a draw whose vertex shader writes a storage block: checked too */
    GLint vssbos = 0;
    glGetIntegerv(GL_MAX_VERTEX_SHADER_STORAGE_BLOCKS, &vssbos);
    if (vssbos > 0) {
        GLuint dprog = glst_program(vs, fs);
        glUseProgram(dprog);
        static const GLfloat tri[] = {-1, -1, 1, -1, -1, 1};
        GLuint vbo;
        glGenBuffers(1, &vbo);
        glBindBuffer(GL_ARRAY_BUFFER, vbo);
        glBufferData(GL_ARRAY_BUFFER, sizeof(tri), tri, GL_STATIC_DRAW);
        GLint pos = glGetAttribLocation(dprog, "pos");
        glVertexAttribPointer((GLuint)pos, 2, GL_FLOAT, GL_FALSE, 0, 0);
        glEnableVertexAttribArray((GLuint)pos);
        glBindBufferRange(GL_SHADER_STORAGE_BUFFER, 0, buf[0], 0, 64);
        glDrawArrays(GL_TRIANGLES, 0, 3);
        GLST_CHECK_GL(GL_NO_ERROR);
        glBindBufferRange(GL_SHADER_STORAGE_BUFFER, 0, buf[0], 0, 60);
        glDrawArrays(GL_TRIANGLES, 0, 3);
        GLST_CHECK_GL(GL_INVALID_OPERATION);
        glDeleteBuffers(1, &vbo);
        glDeleteProgram(dprog);
    }
    glDeleteBuffers(3, buf);
    glDeleteProgram(prog);
    glDeleteProgram(aprog);
    glst_egl_teardown(&egl);
    return glst_finish();
}
