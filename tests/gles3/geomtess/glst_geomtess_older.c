/* OpenGL ES 3.2 geomtess group (docs/es3.md), through glstream only, in a
 * context offered ES 3.1 (GLSTREAM_ES_VERSION=3.1): nothing of geometry
 * and tessellation shaders reaches the application. The stages are no
 * shader type (GL_INVALID_ENUM from glCreateShader and both
 * glCreateShaderProgramv), glPatchParameteri is outside the context's API
 * (GL_INVALID_OPERATION), GL_PATCHES and the adjacency modes are no draw
 * mode, the stages' pnames are unknown (GL_INVALID_ENUM); compute shaders,
 * ES 3.1's, are still made by the extension's glCreateShaderProgramvEXT as
 * by the core function. */
#include <stdio.h>
#include <string.h>

#include <GLES3/gl32.h>

#include "glst_test_util.h"

static void refused_pname(GLenum pname)
{
    GLint v = -7;
    glGetIntegerv(pname, &v);
    GLST_CHECK_GL(GL_INVALID_ENUM);
    GLST_CHECK_INT(v, -7);
}

int main(void)
{
    glst_egl e;
    if (!glst_egl_setup_version(&e, 16, 16, 3))
        return 1;
    const char *version = (const char *)glGetString(GL_VERSION);
    printf("GL_VERSION: %s\n", version);
    GLST_CHECK(version && strncmp(version, "OpenGL ES 3.1 ", 14) == 0);

    static const GLenum stages[3] = {GL_GEOMETRY_SHADER, GL_TESS_CONTROL_SHADER, GL_TESS_EVALUATION_SHADER};
    static const char *src = "#version 310 es\nvoid main() {}\n";
    PFNGLCREATESHADERPROGRAMVEXTPROC create_ext =
        (PFNGLCREATESHADERPROGRAMVEXTPROC)eglGetProcAddress("glCreateShaderProgramvEXT");
    for (int i = 0; i < 3; i++) {
        GLST_CHECK_INT(glCreateShader(stages[i]), 0);
        GLST_CHECK_GL(GL_INVALID_ENUM);
        GLST_CHECK_INT(glCreateShaderProgramv(stages[i], 1, &src), 0);
        GLST_CHECK_GL(GL_INVALID_ENUM);
        if (create_ext) {
            GLST_CHECK_INT(create_ext(stages[i], 1, &src), 0);
            GLST_CHECK_GL(GL_INVALID_ENUM);
        }
    }
    /* compute shaders are ES 3.1's: both functions make their programs */
    static const char *compute = "#version 310 es\nlayout(local_size_x = 1) in;\nvoid main() {}\n";
    GLuint p = glCreateShaderProgramv(GL_COMPUTE_SHADER, 1, &compute);
    GLST_CHECK(p != 0);
    GLST_CHECK_GL(GL_NO_ERROR);
    if (create_ext) {
        GLuint q = create_ext(GL_COMPUTE_SHADER, 1, &compute);
        GLST_CHECK(q != 0);
        GLST_CHECK_GL(GL_NO_ERROR);
        GLint linked = 0;
        glGetProgramiv(q, GL_LINK_STATUS, &linked);
        GLST_CHECK_INT(linked, 1);
        glDeleteProgram(q);
    }

    glPatchParameteri(GL_PATCH_VERTICES, 4);
    GLST_CHECK_GL(GL_INVALID_OPERATION);
    refused_pname(GL_PATCH_VERTICES);
    refused_pname(GL_MAX_PATCH_VERTICES);
    refused_pname(GL_MAX_PATCH_VERTICES); /* a refusal is not remembered as a value */
    refused_pname(GL_MAX_GEOMETRY_OUTPUT_VERTICES);
    refused_pname(GL_MAX_TESS_GEN_LEVEL);
    refused_pname(GL_LAYER_PROVOKING_VERTEX);
    GLint v = -7;
    glGetProgramiv(p, GL_TESS_GEN_MODE, &v);
    GLST_CHECK_GL(GL_INVALID_ENUM);
    glGetProgramiv(p, GL_GEOMETRY_VERTICES_OUT, &v);
    GLST_CHECK_GL(GL_INVALID_ENUM);
    GLuint pipe = 0;
    glGenProgramPipelines(1, &pipe);
    glGetProgramPipelineiv(pipe, GL_GEOMETRY_SHADER, &v);
    GLST_CHECK_GL(GL_INVALID_ENUM);
    glGetProgramPipelineiv(pipe, GL_TESS_EVALUATION_SHADER, &v);
    GLST_CHECK_GL(GL_INVALID_ENUM);
    GLST_CHECK_INT(v, -7);
    glDeleteProgramPipelines(1, &pipe);

    static const GLenum modes[5] = {GL_PATCHES, GL_LINES_ADJACENCY, GL_LINE_STRIP_ADJACENCY, GL_TRIANGLES_ADJACENCY,
                                    GL_TRIANGLE_STRIP_ADJACENCY};
    static const GLubyte indices[4] = {0, 1, 2, 3};
    for (int i = 0; i < 5; i++) {
        glDrawArrays(modes[i], 0, 4);
        GLST_CHECK_GL(GL_INVALID_ENUM);
        glDrawElements(modes[i], 4, GL_UNSIGNED_BYTE, indices);
        GLST_CHECK_GL(GL_INVALID_ENUM);
    }
    glDeleteProgram(p);
    GLST_CHECK_GL(GL_NO_ERROR);
    glst_egl_teardown(&e);
    return glst_finish();
}
