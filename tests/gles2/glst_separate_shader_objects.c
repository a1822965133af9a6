/* GL_EXT_separate_shader_objects (OpenGL ES 2.0 version): program pipeline
 * objects, separable programs made with glCreateShaderProgramvEXT, every
 * glProgramUniform*EXT, pipeline queries and info log, draws with a
 * pipeline bound and no program current. It asserts what the extension's
 * specification fixes and writes every observation (values, errors,
 * names, logs, pixels) to $GLST_OUT/separate_shader_objects.txt, which the
 * comparer requires to be identical natively and through glstream. */
#include "glst_observe.h"
#include "glst_test_util.h"

#include <GLES2/gl2ext.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define W 16
#define H 16


static void *proc(const char *name)
{
    void *p = (void *)eglGetProcAddress(name);
    GLST_CHECK(p != NULL);
    return p;
}

static PFNGLGENPROGRAMPIPELINESEXTPROC GenProgramPipelines;
static PFNGLDELETEPROGRAMPIPELINESEXTPROC DeleteProgramPipelines;
static PFNGLISPROGRAMPIPELINEEXTPROC IsProgramPipeline;
static PFNGLBINDPROGRAMPIPELINEEXTPROC BindProgramPipeline;
static PFNGLUSEPROGRAMSTAGESEXTPROC UseProgramStages;
static PFNGLACTIVESHADERPROGRAMEXTPROC ActiveShaderProgram;
static PFNGLCREATESHADERPROGRAMVEXTPROC CreateShaderProgramv;
static PFNGLPROGRAMPARAMETERIEXTPROC ProgramParameteri;
static PFNGLVALIDATEPROGRAMPIPELINEEXTPROC ValidateProgramPipeline;
static PFNGLGETPROGRAMPIPELINEIVEXTPROC GetProgramPipelineiv;
static PFNGLGETPROGRAMPIPELINEINFOLOGEXTPROC GetProgramPipelineInfoLog;

static bool load_procs(void)
{
#define LOAD(var, name) var = proc(name)
    LOAD(GenProgramPipelines, "glGenProgramPipelinesEXT");
    LOAD(DeleteProgramPipelines, "glDeleteProgramPipelinesEXT");
    LOAD(IsProgramPipeline, "glIsProgramPipelineEXT");
    LOAD(BindProgramPipeline, "glBindProgramPipelineEXT");
    LOAD(UseProgramStages, "glUseProgramStagesEXT");
    LOAD(ActiveShaderProgram, "glActiveShaderProgramEXT");
    LOAD(CreateShaderProgramv, "glCreateShaderProgramvEXT");
    LOAD(ProgramParameteri, "glProgramParameteriEXT");
    LOAD(ValidateProgramPipeline, "glValidateProgramPipelineEXT");
    LOAD(GetProgramPipelineiv, "glGetProgramPipelineivEXT");
    LOAD(GetProgramPipelineInfoLog, "glGetProgramPipelineInfoLogEXT");
#undef LOAD
    return GenProgramPipelines && DeleteProgramPipelines && IsProgramPipeline && BindProgramPipeline &&
           UseProgramStages && ActiveShaderProgram && CreateShaderProgramv && ProgramParameteri &&
           ValidateProgramPipeline && GetProgramPipelineiv && GetProgramPipelineInfoLog;
}

/* Names are the implementation's choice (Mesa's glCreateShaderProgramvEXT
 * uses one for its shader too): observations name the two stage programs. */
static GLuint vs_prog, fs_prog;

static const char *program_label(GLint name)
{
    return name == 0 ? "0" : name == (GLint)vs_prog ? "vs_prog" : name == (GLint)fs_prog ? "fs_prog" : "other";
}

static GLint program_int(GLuint prog, GLenum pname)
{
    GLint v = -12345;
    glGetProgramiv(prog, pname, &v);
    glst_note("program %s 0x%x = %d", program_label((GLint)prog), pname, v);
    return v;
}

static GLint pipeline_int(GLuint pipeline, GLenum pname)
{
    GLint v = -12345;
    GetProgramPipelineiv(pipeline, pname, &v);
    if (pname == GL_VERTEX_SHADER || pname == GL_FRAGMENT_SHADER || pname == GL_ACTIVE_PROGRAM_EXT)
        glst_note("pipeline 0x%x = %s", pname, program_label(v));
    else
        glst_note("pipeline 0x%x = %d", pname, v);
    return v;
}

/* The pipeline's info log: length and text agree. */
static void pipeline_log(GLuint pipeline, const char *what)
{
    GLint len = pipeline_int(pipeline, GL_INFO_LOG_LENGTH);
    char log[2048] = "untouched";
    GLsizei got = -1;
    GetProgramPipelineInfoLog(pipeline, sizeof(log), &got, log);
    glst_note("%s: pipeline log (%d) [%s]", what, got, log);
    GLST_CHECK_INT(got, len > 0 ? len - 1 : 0);
    GLST_CHECK_INT((GLint)strlen(log), got);
    /* a short buffer: bufSize - 1 characters and the NUL */
    if (len > 4) {
        char small[4] = "xyz";
        got = -1;
        GetProgramPipelineInfoLog(pipeline, 3, &got, small);
        GLST_CHECK_INT(got, 2);
        GLST_CHECK(small[2] == 0 && strncmp(small, log, 2) == 0);
    }
}

static void program_log(GLuint prog, const char *what)
{
    char log[2048] = "";
    GLsizei got = -1;
    glGetProgramInfoLog(prog, sizeof(log), &got, log);
    glst_note("%s: program log (%d) [%s]", what, got, log);
}

static void pixel(int x, int y, GLubyte rgba[4])
{
    memset(rgba, 0, 4);
    glReadPixels(x, y, 1, 1, GL_RGBA, GL_UNSIGNED_BYTE, rgba);
    glst_note("pixel %d,%d = %u %u %u %u", x, y, rgba[0], rgba[1], rgba[2], rgba[3]);
}

#define CHECK_PIXEL(x, y, r, g, b, a)                                                              \
    do {                                                                                           \
        GLubyte px_[4];                                                                            \
        pixel(x, y, px_);                                                                          \
        int want_[4] = {r, g, b, a};                                                               \
        bool ok_ = true;                                                                           \
        for (int i_ = 0; i_ < 4; i_++)                                                             \
            ok_ = ok_ && abs(px_[i_] - want_[i_]) <= 2;                                            \
        if (!ok_)                                                                                  \
            glst_fail_msg(__FILE__, __LINE__, "pixel %d,%d = %u %u %u %u, want %d %d %d %d", x, y, \
                          px_[0], px_[1], px_[2], px_[3], r, g, b, a);                             \
        else                                                                                       \
            glst_check_impl(true, "pixel", __FILE__, __LINE__);                                    \
    } while (0)

/* The vertex stage: positions through a mat2 and an offset; a varying
 * the fragment stage reads. */
static const char *const vs_src =
    "attribute vec4 a_pos;\n"
    "uniform mat2 u_m;\n"
    "uniform vec4 u_offset;\n"
    "varying mediump vec4 v_color;\n"
    "void main() {\n"
    "  gl_Position = vec4(u_m * a_pos.xy, 0.0, 1.0) + u_offset;\n"
    "  v_color = vec4(0.0, 0.5, 0.0, 1.0);\n"
    "}\n";

/* The fragment stage in two strings, as an application may give it. */
static const char *const fs_src[] = {
    "#extension GL_EXT_separate_shader_objects : enable\n"
    "precision mediump float;\n"
    "uniform vec4 u_color;\n",
    "uniform int u_sel;\n"
    "varying vec4 v_color;\n"
    "void main() {\n"
    "  if (u_sel == 2) gl_FragColor = vec4(u_color.r, v_color.g, u_color.b, 1.0);\n"
    "  else gl_FragColor = vec4(0.0, 0.0, 0.0, 1.0);\n"
    "}\n",
};

static void draw_quad(GLint loc)
{
    static const GLfloat quad[] = {-1, -1, 1, -1, -1, 1, 1, 1};
    glVertexAttribPointer((GLuint)loc, 2, GL_FLOAT, GL_FALSE, 0, quad);
    glEnableVertexAttribArray((GLuint)loc);
    glClear(GL_COLOR_BUFFER_BIT);
    glDrawArrays(GL_TRIANGLE_STRIP, 0, 4);
    glDisableVertexAttribArray((GLuint)loc);
}

/* glCreateShaderProgramvEXT: a separable program whatever the source. */
static void test_create_shader_program(void)
{
    const GLchar *vs_strings[] = {vs_src};
    const GLchar *fs_strings[] = {fs_src[0], fs_src[1]};
    vs_prog = CreateShaderProgramv(GL_VERTEX_SHADER, 1, vs_strings);
    GLST_ERR("create vertex program", GL_NO_ERROR);
    fs_prog = CreateShaderProgramv(GL_FRAGMENT_SHADER, 2, fs_strings);
    GLST_ERR("create fragment program", GL_NO_ERROR);
    GLST_CHECK(vs_prog != 0 && fs_prog != 0 && vs_prog != fs_prog);
    GLST_CHECK(glIsProgram(vs_prog) && glIsProgram(fs_prog));
    GLST_CHECK_INT(program_int(vs_prog, GL_LINK_STATUS), GL_TRUE);
    GLST_CHECK_INT(program_int(fs_prog, GL_LINK_STATUS), GL_TRUE);
    GLST_CHECK_INT(program_int(vs_prog, GL_PROGRAM_SEPARABLE_EXT), GL_TRUE);
    GLST_CHECK_INT(program_int(fs_prog, GL_ATTACHED_SHADERS), 0);
    program_log(fs_prog, "fragment program");

    /* a bad type makes nothing */
    GLST_CHECK_INT(CreateShaderProgramv(GL_SAMPLER_2D, 1, vs_strings), 0);
    GLST_ERR("create of a bad type", GL_INVALID_ENUM);
    /* a source that does not compile: a program all the same, not linked,
     * the compile log in its log */
    const char *broken = "void main() { this is not GLSL }\n";
    GLuint bad = CreateShaderProgramv(GL_FRAGMENT_SHADER, 1, &broken);
    GLST_ERR("create from a broken source", GL_NO_ERROR);
    GLST_CHECK(bad != 0);
    GLST_CHECK_INT(program_int(bad, GL_LINK_STATUS), GL_FALSE);
    GLST_CHECK(program_int(bad, GL_INFO_LOG_LENGTH) > 1);
    program_log(bad, "broken source");
    glDeleteProgram(bad);
    /* a negative count: GL_INVALID_VALUE from the glShaderSource of the
     * extension's equivalent code, and still a program */
    GLuint negative = CreateShaderProgramv(GL_FRAGMENT_SHADER, -1, &broken);
    GLST_ERR("create of -1 strings", GL_INVALID_VALUE);
    glst_note("create of -1 strings: program %s", negative ? "made" : "none");
    if (negative) {
        program_int(negative, GL_LINK_STATUS);
        glDeleteProgram(negative);
    }
    /* a NULL string: glShaderSource's error, and a program all the same */
    const GLchar *nulls[] = {vs_src, NULL};
    GLuint null_string = CreateShaderProgramv(GL_VERTEX_SHADER, 2, nulls);
    GLST_ERR("create with a NULL string", GL_INVALID_OPERATION);
    GLST_CHECK(null_string != 0);
    GLST_CHECK_INT(program_int(null_string, GL_LINK_STATUS), GL_FALSE);
    glDeleteProgram(null_string);
    GLST_ERR("create end", GL_NO_ERROR);
}

/* Every glProgramUniform*EXT on a program that is not current, read back
 * with glGetUniform*v. */
static void test_program_uniforms(void)
{
    PFNGLPROGRAMUNIFORM1FEXTPROC U1f = proc("glProgramUniform1fEXT");
    PFNGLPROGRAMUNIFORM2FEXTPROC U2f = proc("glProgramUniform2fEXT");
    PFNGLPROGRAMUNIFORM3FEXTPROC U3f = proc("glProgramUniform3fEXT");
    PFNGLPROGRAMUNIFORM4FEXTPROC U4f = proc("glProgramUniform4fEXT");
    PFNGLPROGRAMUNIFORM1IEXTPROC U1i = proc("glProgramUniform1iEXT");
    PFNGLPROGRAMUNIFORM2IEXTPROC U2i = proc("glProgramUniform2iEXT");
    PFNGLPROGRAMUNIFORM3IEXTPROC U3i = proc("glProgramUniform3iEXT");
    PFNGLPROGRAMUNIFORM4IEXTPROC U4i = proc("glProgramUniform4iEXT");
    PFNGLPROGRAMUNIFORM1FVEXTPROC U1fv = proc("glProgramUniform1fvEXT");
    PFNGLPROGRAMUNIFORM2FVEXTPROC U2fv = proc("glProgramUniform2fvEXT");
    PFNGLPROGRAMUNIFORM3FVEXTPROC U3fv = proc("glProgramUniform3fvEXT");
    PFNGLPROGRAMUNIFORM4FVEXTPROC U4fv = proc("glProgramUniform4fvEXT");
    PFNGLPROGRAMUNIFORM1IVEXTPROC U1iv = proc("glProgramUniform1ivEXT");
    PFNGLPROGRAMUNIFORM2IVEXTPROC U2iv = proc("glProgramUniform2ivEXT");
    PFNGLPROGRAMUNIFORM3IVEXTPROC U3iv = proc("glProgramUniform3ivEXT");
    PFNGLPROGRAMUNIFORM4IVEXTPROC U4iv = proc("glProgramUniform4ivEXT");
    PFNGLPROGRAMUNIFORMMATRIX2FVEXTPROC M2 = proc("glProgramUniformMatrix2fvEXT");
    PFNGLPROGRAMUNIFORMMATRIX3FVEXTPROC M3 = proc("glProgramUniformMatrix3fvEXT");
    PFNGLPROGRAMUNIFORMMATRIX4FVEXTPROC M4 = proc("glProgramUniformMatrix4fvEXT");
    if (!U1f || !U2f || !U3f || !U4f || !U1i || !U2i || !U3i || !U4i || !U1fv || !U2fv || !U3fv || !U4fv ||
        !U1iv || !U2iv || !U3iv || !U4iv || !M2 || !M3 || !M4)
        return;
    static const char *const src =
        "precision mediump float;\n"
        "uniform float f1; uniform vec2 f2; uniform vec3 f3; uniform vec4 f4;\n"
        "uniform int i1; uniform ivec2 i2; uniform ivec3 i3; uniform ivec4 i4;\n"
        "uniform mat2 m2; uniform mat3 m3; uniform mat4 m4;\n"
        "uniform float g1[2]; uniform vec2 g2[2]; uniform vec3 g3; uniform vec4 g4;\n"
        "uniform int j1; uniform ivec2 j2; uniform ivec3 j3; uniform ivec4 j4;\n"
        "void main() {\n"
        "  float s = f1 + f2.y + f3.z + f4.w + float(i1 + i2.y + i3.z + i4.w) + m2[1][1] + m3[2][2] + m4[3][3];\n"
        "  s += g1[1] + g2[1].y + g3.z + g4.w + float(j1 + j2.y + j3.z + j4.w);\n"
        "  gl_FragColor = vec4(s);\n"
        "}\n";
    const char *srcs[] = {src};
    GLuint prog = CreateShaderProgramv(GL_FRAGMENT_SHADER, 1, srcs);
    GLST_CHECK_INT(program_int(prog, GL_LINK_STATUS), GL_TRUE);
    glUseProgram(0);
#define LOC(name) glGetUniformLocation(prog, name)
    U1f(prog, LOC("f1"), 1.5f);
    U2f(prog, LOC("f2"), 2.5f, 3.5f);
    U3f(prog, LOC("f3"), 4.5f, 5.5f, 6.5f);
    U4f(prog, LOC("f4"), 7.5f, 8.5f, 9.5f, 10.5f);
    U1i(prog, LOC("i1"), 11);
    U2i(prog, LOC("i2"), 12, 13);
    U3i(prog, LOC("i3"), 14, 15, 16);
    U4i(prog, LOC("i4"), 17, 18, 19, 20);
    static const GLfloat fv[] = {21.5f, 22.5f, 23.5f, 24.5f, 25.5f, 26.5f, 27.5f, 28.5f};
    static const GLint iv[] = {31, 32, 33, 34};
    U1fv(prog, LOC("g1"), 2, fv);
    U2fv(prog, LOC("g2"), 2, fv + 2);
    U3fv(prog, LOC("g3"), 1, fv + 1);
    U4fv(prog, LOC("g4"), 1, fv + 3);
    U1iv(prog, LOC("j1"), 1, iv);
    U2iv(prog, LOC("j2"), 1, iv + 1);
    U3iv(prog, LOC("j3"), 1, iv);
    U4iv(prog, LOC("j4"), 1, iv);
    GLfloat m[16];
    for (int i = 0; i < 16; i++)
        m[i] = (GLfloat)i * 0.25f;
    M2(prog, LOC("m2"), 1, GL_FALSE, m);
    M3(prog, LOC("m3"), 1, GL_FALSE, m);
    M4(prog, LOC("m4"), 1, GL_FALSE, m);
    GLST_ERR("every glProgramUniform*EXT", GL_NO_ERROR);
    static const struct {
        const char *name;
        int count;
        bool integer;
        float want[16];
    } reads[] = {
        {"f1", 1, false, {1.5f}},
        {"f2", 2, false, {2.5f, 3.5f}},
        {"f3", 3, false, {4.5f, 5.5f, 6.5f}},
        {"f4", 4, false, {7.5f, 8.5f, 9.5f, 10.5f}},
        {"i1", 1, true, {11}},
        {"i2", 2, true, {12, 13}},
        {"i3", 3, true, {14, 15, 16}},
        {"i4", 4, true, {17, 18, 19, 20}},
        {"g1[1]", 1, false, {22.5f}},
        {"g2[1]", 2, false, {25.5f, 26.5f}},
        {"g3", 3, false, {22.5f, 23.5f, 24.5f}},
        {"g4", 4, false, {24.5f, 25.5f, 26.5f, 27.5f}},
        {"j1", 1, true, {31}},
        {"j2", 2, true, {32, 33}},
        {"j3", 3, true, {31, 32, 33}},
        {"j4", 4, true, {31, 32, 33, 34}},
        {"m2", 4, false, {0, 0.25f, 0.5f, 0.75f}},
        {"m3", 9, false, {0, 0.25f, 0.5f, 0.75f, 1, 1.25f, 1.5f, 1.75f, 2}},
        {"m4", 16, false, {0, 0.25f, 0.5f, 0.75f, 1, 1.25f, 1.5f, 1.75f, 2, 2.25f, 2.5f, 2.75f, 3, 3.25f, 3.5f,
                           3.75f}},
    };
    for (size_t r = 0; r < sizeof(reads) / sizeof(*reads); r++) {
        GLfloat f[16] = {0};
        GLint i[16] = {0};
        if (reads[r].integer)
            glGetUniformiv(prog, LOC(reads[r].name), i);
        else
            glGetUniformfv(prog, LOC(reads[r].name), f);
        bool ok = true;
        for (int k = 0; k < reads[r].count; k++) {
            float v = reads[r].integer ? (float)i[k] : f[k];
            ok = ok && v == reads[r].want[k];
            glst_note("%s[%d] = %g", reads[r].name, k, v);
        }
        if (!ok)
            glst_fail_msg(__FILE__, __LINE__, "uniform %s not as set", reads[r].name);
        else
            GLST_CHECK(true);
    }
    GLST_ERR("uniform reads", GL_NO_ERROR);

    /* the errors of glUniform* */
    U1i(prog, LOC("f1"), 1);
    GLST_ERR("int into a float", GL_INVALID_OPERATION);
    U4f(prog, LOC("f1"), 1, 2, 3, 4);
    GLST_ERR("vec4 into a float", GL_INVALID_OPERATION);
    U1f(prog, -1, 1.0f);
    GLST_ERR("location -1", GL_NO_ERROR);
    U1f(prog, 9999, 1.0f);
    GLST_ERR("bad location", GL_INVALID_OPERATION);
    U1fv(prog, LOC("f1"), -1, fv);
    GLST_ERR("count -1", GL_INVALID_VALUE);
    U1f(prog + 5000, 0, 1.0f);
    GLST_ERR("no such program", GL_INVALID_VALUE);
    GLuint shader = glCreateShader(GL_VERTEX_SHADER);
    U1f(shader, 0, 1.0f);
    GLST_ERR("a shader", GL_INVALID_OPERATION);
    glDeleteShader(shader);
    GLuint unlinked = glCreateProgram();
    U1f(unlinked, 0, 1.0f);
    GLST_ERR("an unlinked program", GL_INVALID_OPERATION);
    glDeleteProgram(unlinked);
    /* transpose = GL_TRUE: an error in ES 2.0 (as for glUniformMatrix*fv),
     * legal in the ES 3.2 context Mesa gives natively; not an observation */
    M4(prog, LOC("m4"), 1, GL_TRUE, m);
    GLenum transpose_err = glGetError();
    const char *version = (const char *)glGetString(GL_VERSION);
    bool es2 = version && strncmp(version, "OpenGL ES 2.", 12) == 0;
    GLST_CHECK_HEX(transpose_err, es2 ? GL_INVALID_VALUE : GL_NO_ERROR);
#undef LOC
    glDeleteProgram(prog);
}

static void test_pipelines(void)
{
    GLuint pipes[2] = {0, 0};
    GenProgramPipelines(2, pipes);
    GLST_ERR("gen pipelines", GL_NO_ERROR);
    GLST_CHECK(pipes[0] != 0 && pipes[1] != 0 && pipes[0] != pipes[1]);
    glst_note("pipelines %u %u", pipes[0], pipes[1]);
    GenProgramPipelines(-1, pipes);
    GLST_ERR("gen -1 pipelines", GL_INVALID_VALUE);
    DeleteProgramPipelines(-1, pipes);
    GLST_ERR("delete -1 pipelines", GL_INVALID_VALUE);
    /* a generated name is no pipeline until bound or used */
    GLST_CHECK(!IsProgramPipeline(pipes[0]));
    GLST_CHECK(!IsProgramPipeline(0));
    GLST_CHECK(!IsProgramPipeline(pipes[1] + 1000));
    BindProgramPipeline(pipes[1] + 1000);
    GLST_ERR("bind of a name never generated", GL_INVALID_OPERATION);
    UseProgramStages(pipes[1] + 1000, GL_VERTEX_SHADER_BIT_EXT, vs_prog);
    GLST_ERR("stages of a name never generated", GL_INVALID_OPERATION);
    GLST_CHECK_INT(glst_get_int(GL_PROGRAM_PIPELINE_BINDING_EXT), 0);

    UseProgramStages(pipes[0], GL_VERTEX_SHADER_BIT_EXT, vs_prog);
    GLST_ERR("vertex stage", GL_NO_ERROR);
    GLST_CHECK(IsProgramPipeline(pipes[0])); /* used: created */
    UseProgramStages(pipes[0], GL_FRAGMENT_SHADER_BIT_EXT, fs_prog);
    GLST_ERR("fragment stage", GL_NO_ERROR);
    GLST_CHECK_INT(pipeline_int(pipes[0], GL_VERTEX_SHADER), (GLint)vs_prog);
    GLST_CHECK_INT(pipeline_int(pipes[0], GL_FRAGMENT_SHADER), (GLint)fs_prog);
    GLST_CHECK_INT(pipeline_int(pipes[0], GL_ACTIVE_PROGRAM_EXT), 0);
    UseProgramStages(pipes[0], 0x100, vs_prog);
    GLST_ERR("a stage bit ES 2.0 has not", GL_INVALID_VALUE);
    GLuint plain = glst_program("attribute vec4 a_pos;\nvoid main() { gl_Position = a_pos; }\n",
                                "precision mediump float;\nvoid main() { gl_FragColor = vec4(0.0, 0.0, 1.0, 1.0); }\n");
    UseProgramStages(pipes[0], GL_VERTEX_SHADER_BIT_EXT, plain);
    GLST_ERR("a program not separable", GL_INVALID_OPERATION);
    UseProgramStages(pipes[0], GL_VERTEX_SHADER_BIT_EXT, plain + 5000);
    GLST_ERR("no such program", GL_INVALID_VALUE);
    GLint bad = -12345;
    GetProgramPipelineiv(pipes[0], GL_LINK_STATUS, &bad);
    GLST_ERR("pipeline query of a bad pname", GL_INVALID_ENUM);
    GLST_CHECK_INT(bad, -12345);
    GetProgramPipelineiv(pipes[1] + 1000, GL_VERTEX_SHADER, &bad);
    GLST_ERR("query of a name never generated", GL_INVALID_OPERATION);
    GLST_CHECK_INT(bad, -12345);

    ActiveShaderProgram(pipes[0], fs_prog);
    GLST_ERR("active program", GL_NO_ERROR);
    GLST_CHECK_INT(pipeline_int(pipes[0], GL_ACTIVE_PROGRAM_EXT), (GLint)fs_prog);
    ActiveShaderProgram(pipes[0], fs_prog + 5000);
    GLST_ERR("active program that is none", GL_INVALID_VALUE);

    /* draw with the pipeline: no program current */
    glUseProgram(0);
    BindProgramPipeline(pipes[0]);
    GLST_ERR("bind pipeline", GL_NO_ERROR);
    GLST_CHECK_INT(glst_get_int(GL_PROGRAM_PIPELINE_BINDING_EXT), (GLint)pipes[0]);
    GLST_CHECK_INT(glst_get_int(GL_CURRENT_PROGRAM), 0);
    GLfloat f = -1;
    GLboolean b = 7;
    glGetFloatv(GL_PROGRAM_PIPELINE_BINDING_EXT, &f);
    glGetBooleanv(GL_PROGRAM_PIPELINE_BINDING_EXT, &b);
    GLST_CHECK_INT((GLint)f, (GLint)pipes[0]);
    GLST_CHECK_INT(b, GL_TRUE);
    /* ACTIVE_PROGRAM_EXT is pipeline state (glGetProgramPipelineivEXT) */
    GLint active = -12345;
    glGetIntegerv(GL_ACTIVE_PROGRAM_EXT, &active);
    glst_note("glGetIntegerv(GL_ACTIVE_PROGRAM_EXT) = %s", active == -12345 ? "untouched" : program_label(active));
    GLST_ERR("glGetIntegerv(GL_ACTIVE_PROGRAM_EXT)", GL_INVALID_ENUM);
    GLint loc = glGetAttribLocation(vs_prog, "a_pos");
    GLST_CHECK(loc >= 0);
    PFNGLPROGRAMUNIFORMMATRIX2FVEXTPROC M2 = proc("glProgramUniformMatrix2fvEXT");
    PFNGLPROGRAMUNIFORM4FVEXTPROC U4fv = proc("glProgramUniform4fvEXT");
    PFNGLPROGRAMUNIFORM4FEXTPROC U4f = proc("glProgramUniform4fEXT");
    PFNGLPROGRAMUNIFORM1IEXTPROC U1i = proc("glProgramUniform1iEXT");
    if (!M2 || !U4fv || !U4f || !U1i)
        return;
    static const GLfloat identity[] = {1, 0, 0, 1};
    static const GLfloat zero[] = {0, 0, 0, 0};
    M2(vs_prog, glGetUniformLocation(vs_prog, "u_m"), 1, GL_FALSE, identity);
    U4fv(vs_prog, glGetUniformLocation(vs_prog, "u_offset"), 1, zero);
    U4f(fs_prog, glGetUniformLocation(fs_prog, "u_color"), 1.0f, 0.0f, 0.0f, 1.0f);
    U1i(fs_prog, glGetUniformLocation(fs_prog, "u_sel"), 2);
    GLST_ERR("pipeline uniforms", GL_NO_ERROR);
    glClearColor(0, 0, 0, 1);
    draw_quad(loc);
    GLST_ERR("draw with the pipeline", GL_NO_ERROR);
    CHECK_PIXEL(8, 8, 255, 128, 0, 255);
    /* glUniform* with no current program goes to the active program */
    glUniform4f(glGetUniformLocation(fs_prog, "u_color"), 0.0f, 0.0f, 1.0f, 1.0f);
    GLST_ERR("glUniform4f to the active program", GL_NO_ERROR);
    draw_quad(loc);
    CHECK_PIXEL(3, 12, 0, 128, 255, 255);
    /* the offset moves the quad right by half the viewport */
    static const GLfloat right[] = {1, 0, 0, 0};
    U4fv(vs_prog, glGetUniformLocation(vs_prog, "u_offset"), 1, right);
    draw_quad(loc);
    CHECK_PIXEL(3, 8, 0, 0, 0, 255);
    CHECK_PIXEL(12, 8, 0, 128, 255, 255);
    U4fv(vs_prog, glGetUniformLocation(vs_prog, "u_offset"), 1, zero);
    /* an enabled array the pipeline's vertex program does not read may be
     * shorter than the draw (glstream checks the arrays a draw reads) */
    GLuint unread_index = (GLuint)loc + 3;
    GLuint short_buffer = 0;
    glGenBuffers(1, &short_buffer);
    glBindBuffer(GL_ARRAY_BUFFER, short_buffer);
    glBufferData(GL_ARRAY_BUFFER, 8, zero, GL_STATIC_DRAW);
    glVertexAttribPointer(unread_index, 2, GL_FLOAT, GL_FALSE, 0, (const void *)0);
    glBindBuffer(GL_ARRAY_BUFFER, 0);
    glEnableVertexAttribArray(unread_index);
    U4f(fs_prog, glGetUniformLocation(fs_prog, "u_color"), 1.0f, 0.0f, 1.0f, 1.0f);
    draw_quad(loc);
    GLST_ERR("draw with an unread short array enabled", GL_NO_ERROR);
    CHECK_PIXEL(8, 8, 255, 128, 255, 255);
    glDisableVertexAttribArray(unread_index);
    glDeleteBuffers(1, &short_buffer);
    U4f(fs_prog, glGetUniformLocation(fs_prog, "u_color"), 0.0f, 0.0f, 1.0f, 1.0f);

    /* a current program wins over the pipeline */
    glUseProgram(plain);
    draw_quad(glGetAttribLocation(plain, "a_pos"));
    CHECK_PIXEL(8, 8, 0, 0, 255, 255);
    glUseProgram(0);
    draw_quad(loc);
    CHECK_PIXEL(8, 8, 0, 128, 255, 255);
    GLST_ERR("program over pipeline", GL_NO_ERROR);

    ValidateProgramPipeline(pipes[0]);
    GLST_ERR("validate", GL_NO_ERROR);
    GLST_CHECK_INT(pipeline_int(pipes[0], GL_VALIDATE_STATUS), GL_TRUE);
    pipeline_log(pipes[0], "valid pipeline");
    /* a pipeline with a vertex stage only */
    UseProgramStages(pipes[1], GL_VERTEX_SHADER_BIT_EXT, vs_prog);
    ValidateProgramPipeline(pipes[1]);
    GLST_ERR("validate a vertex stage only", GL_NO_ERROR);
    pipeline_int(pipes[1], GL_VALIDATE_STATUS);
    pipeline_log(pipes[1], "vertex stage only");
    ValidateProgramPipeline(pipes[1] + 1000);
    GLST_ERR("validate a name never generated", GL_INVALID_OPERATION);
    /* ALL_SHADER_BITS with 0 empties the stages */
    UseProgramStages(pipes[1], GL_ALL_SHADER_BITS_EXT, 0);
    GLST_ERR("all stages to 0", GL_NO_ERROR);
    GLST_CHECK_INT(pipeline_int(pipes[1], GL_VERTEX_SHADER), 0);

    /* deleting the bound pipeline unbinds it; its name is then unknown */
    DeleteProgramPipelines(2, pipes);
    GLST_ERR("delete pipelines", GL_NO_ERROR);
    GLST_CHECK_INT(glst_get_int(GL_PROGRAM_PIPELINE_BINDING_EXT), 0);
    GLST_CHECK(!IsProgramPipeline(pipes[0]));
    BindProgramPipeline(pipes[0]);
    GLST_ERR("bind a deleted pipeline", GL_INVALID_OPERATION);
    glDeleteProgram(plain);
}

/* Pipelines are per context (the extension does not share them); the
 * programs they hold are shared. Names are the implementation's choice:
 * a pipeline of the second context may not have the driver's number. */
static void test_per_context(const glst_egl *egl)
{
    GLuint pipe = 0;
    GenProgramPipelines(1, &pipe);
    UseProgramStages(pipe, GL_VERTEX_SHADER_BIT_EXT, vs_prog);
    GLST_CHECK(IsProgramPipeline(pipe));
    static const EGLint attribs[] = {EGL_CONTEXT_CLIENT_VERSION, 2, EGL_NONE};
    EGLContext shared = eglCreateContext(egl->dpy, egl->config, egl->ctx, attribs);
    GLST_CHECK(shared != EGL_NO_CONTEXT);
    if (shared == EGL_NO_CONTEXT)
        return;
    GLST_CHECK(eglMakeCurrent(egl->dpy, egl->surf, egl->surf, shared));
    GLST_CHECK(!IsProgramPipeline(pipe));
    BindProgramPipeline(pipe);
    GLST_ERR("bind another context's pipeline", GL_INVALID_OPERATION);
    GLST_CHECK(glIsProgram(vs_prog));
    GLuint own = 0;
    GenProgramPipelines(1, &own);
    UseProgramStages(own, GL_VERTEX_SHADER_BIT_EXT, vs_prog);
    GLST_ERR("shared program in this context's pipeline", GL_NO_ERROR);
    GLST_CHECK_INT(pipeline_int(own, GL_VERTEX_SHADER), (GLint)vs_prog);
    DeleteProgramPipelines(1, &own);
    GLST_CHECK(eglMakeCurrent(egl->dpy, egl->surf, egl->surf, egl->ctx));
    eglDestroyContext(egl->dpy, shared);
    GLST_CHECK(IsProgramPipeline(pipe));
    DeleteProgramPipelines(1, &pipe);
    GLST_ERR("per context end", GL_NO_ERROR);
}

static void test_program_parameter(void)
{
    GLuint prog = glCreateProgram();
    GLST_CHECK_INT(program_int(prog, GL_PROGRAM_SEPARABLE_EXT), GL_FALSE);
    ProgramParameteri(prog, GL_PROGRAM_SEPARABLE_EXT, GL_TRUE);
    GLST_ERR("make separable", GL_NO_ERROR);
    program_int(prog, GL_PROGRAM_SEPARABLE_EXT); /* Mesa: 0 until linked */
    ProgramParameteri(prog, GL_PROGRAM_SEPARABLE_EXT, 2);
    GLST_ERR("separable = 2", GL_INVALID_VALUE);
    ProgramParameteri(prog, GL_LINK_STATUS, GL_TRUE);
    GLST_ERR("bad pname", GL_INVALID_ENUM);
    ProgramParameteri(prog + 5000, GL_PROGRAM_SEPARABLE_EXT, GL_TRUE);
    GLST_ERR("no such program", GL_INVALID_VALUE);
    /* a separable program linked the ordinary way */
    GLuint vs = glst_compile(GL_VERTEX_SHADER, vs_src);
    glAttachShader(prog, vs);
    glLinkProgram(prog);
    GLST_CHECK_INT(program_int(prog, GL_LINK_STATUS), GL_TRUE);
    GLST_CHECK_INT(program_int(prog, GL_PROGRAM_SEPARABLE_EXT), GL_TRUE);
    glDeleteShader(vs);
    glDeleteProgram(prog);
    GLST_ERR("program parameter end", GL_NO_ERROR);
}

int main(void)
{
    glst_egl egl;
    glst_observe_open("separate_shader_objects");
    if (!glst_egl_setup(&egl, W, H)) {
        GLST_CHECK(!"EGL setup");
        return glst_finish();
    }
    bool advertised = glst_has_gl_ext("GL_EXT_separate_shader_objects");
    glst_note("GL_EXT_separate_shader_objects %s", advertised ? "advertised" : "absent");
    if (advertised && load_procs()) {
        test_create_shader_program();
        test_program_uniforms();
        test_pipelines();
        test_per_context(&egl);
        test_program_parameter();
        glDeleteProgram(vs_prog);
        glDeleteProgram(fs_prog);
    }
    GLST_ERR("end", GL_NO_ERROR);
    glst_egl_teardown(&egl);
    glst_observe_close();
    return glst_finish();
}
