/* OpenGL ES 3.2 geomtess group (docs/es3.md), compared natively and
 * through glstream: the state and queries of geometry and tessellation
 * shaders. The stages' limits in every getter, glPatchParameteri and its
 * errors, the shader types (creation, GL_SHADER_TYPE, compile logs, the
 * application's source back), the program pnames of the linked layouts
 * and their errors, the program interface properties of the stages
 * (GL_REFERENCED_BY_*, GL_IS_PER_PATCH), separable programs and pipelines
 * of the stages (glUseProgramStages bits, glGetProgramPipelineiv), and
 * GL_PRIMITIVES_GENERATED. Every value and error is written with
 * glst_note and must be the same both ways. */
#include <stdio.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <GLES3/gl32.h>

#include "glst_observe.h"
#include "glst_test_util.h"

#define W 16
#define H 16

/* desktop OpenGL 4.0 patch parameters, no pname of ES */
#define GL_PATCH_DEFAULT_INNER_LEVEL 0x8E73
#define GL_PATCH_DEFAULT_OUTER_LEVEL 0x8E74

/* ---- limits ---- */

static void limits(void)
{
    static const GLenum pnames[] = {
        GL_PATCH_VERTICES,
        GL_LAYER_PROVOKING_VERTEX,
        GL_PRIMITIVE_RESTART_FOR_PATCHES_SUPPORTED,
        GL_MAX_PATCH_VERTICES,
        GL_MAX_TESS_GEN_LEVEL,
        GL_MAX_GEOMETRY_UNIFORM_COMPONENTS,
        GL_MAX_GEOMETRY_UNIFORM_BLOCKS,
        GL_MAX_GEOMETRY_INPUT_COMPONENTS,
        GL_MAX_GEOMETRY_OUTPUT_COMPONENTS,
        GL_MAX_GEOMETRY_OUTPUT_VERTICES,
        GL_MAX_GEOMETRY_TOTAL_OUTPUT_COMPONENTS,
        GL_MAX_GEOMETRY_SHADER_INVOCATIONS,
        GL_MAX_GEOMETRY_TEXTURE_IMAGE_UNITS,
        GL_MAX_GEOMETRY_ATOMIC_COUNTER_BUFFERS,
        GL_MAX_GEOMETRY_ATOMIC_COUNTERS,
        GL_MAX_GEOMETRY_IMAGE_UNIFORMS,
        GL_MAX_GEOMETRY_SHADER_STORAGE_BLOCKS,
        GL_MAX_COMBINED_GEOMETRY_UNIFORM_COMPONENTS,
        GL_MAX_TESS_CONTROL_UNIFORM_COMPONENTS,
        GL_MAX_TESS_CONTROL_UNIFORM_BLOCKS,
        GL_MAX_TESS_CONTROL_TEXTURE_IMAGE_UNITS,
        GL_MAX_TESS_CONTROL_INPUT_COMPONENTS,
        GL_MAX_TESS_CONTROL_OUTPUT_COMPONENTS,
        GL_MAX_TESS_CONTROL_TOTAL_OUTPUT_COMPONENTS,
        GL_MAX_TESS_PATCH_COMPONENTS,
        GL_MAX_TESS_CONTROL_ATOMIC_COUNTER_BUFFERS,
        GL_MAX_TESS_CONTROL_ATOMIC_COUNTERS,
        GL_MAX_TESS_CONTROL_IMAGE_UNIFORMS,
        GL_MAX_TESS_CONTROL_SHADER_STORAGE_BLOCKS,
        GL_MAX_COMBINED_TESS_CONTROL_UNIFORM_COMPONENTS,
        GL_MAX_TESS_EVALUATION_UNIFORM_COMPONENTS,
        GL_MAX_TESS_EVALUATION_UNIFORM_BLOCKS,
        GL_MAX_TESS_EVALUATION_TEXTURE_IMAGE_UNITS,
        GL_MAX_TESS_EVALUATION_INPUT_COMPONENTS,
        GL_MAX_TESS_EVALUATION_OUTPUT_COMPONENTS,
        GL_MAX_TESS_EVALUATION_ATOMIC_COUNTER_BUFFERS,
        GL_MAX_TESS_EVALUATION_ATOMIC_COUNTERS,
        GL_MAX_TESS_EVALUATION_IMAGE_UNIFORMS,
        GL_MAX_TESS_EVALUATION_SHADER_STORAGE_BLOCKS,
        GL_MAX_COMBINED_TESS_EVALUATION_UNIFORM_COMPONENTS,
    };
    for (size_t i = 0; i < sizeof(pnames) / sizeof(*pnames); i++) {
        glst_get_int(pnames[i]);
        GLboolean b = 99;
        glGetBooleanv(pnames[i], &b);
        GLfloat f = -1;
        glGetFloatv(pnames[i], &f);
        GLint64 l = -1;
        glGetInteger64v(pnames[i], &l);
        glst_note("  as boolean %u, float %g, int64 %lld", b, f, (long long)l);
    }
    GLST_ERR("limits", GL_NO_ERROR);
    /* asked again (the client keeps the constants it was answered) */
    for (size_t i = 0; i < sizeof(pnames) / sizeof(*pnames); i++)
        glst_get_int(pnames[i]);
    /* the indexed getter knows none of them */
    GLint v = -7;
    glGetIntegeri_v(GL_MAX_GEOMETRY_OUTPUT_VERTICES, 0, &v);
    glst_note("glGetIntegeri_v of a limit: %d", v);
    GLST_ERR("glGetIntegeri_v of a limit", GL_INVALID_ENUM);
}

/* ---- glPatchParameteri ---- */

static void patch_parameter(void)
{
    GLint max = glst_get_int(GL_MAX_PATCH_VERTICES);
    static const struct {
        GLenum pname;
        GLint value;
        GLenum error;
    } cases[] = {
        {GL_PATCH_VERTICES, 4, GL_NO_ERROR},
        {GL_PATCH_VERTICES, 0, GL_INVALID_VALUE},
        {GL_PATCH_VERTICES, -1, GL_INVALID_VALUE},
        {GL_PATCH_VERTICES, 1, GL_NO_ERROR},
        {GL_PATCH_VERTICES, -100, GL_INVALID_VALUE},
        {GL_PATCH_DEFAULT_OUTER_LEVEL, 2, GL_INVALID_ENUM},
        {GL_PATCH_DEFAULT_INNER_LEVEL, 2, GL_INVALID_ENUM},
        {GL_PATCHES, 2, GL_INVALID_ENUM},
        {0, 2, GL_INVALID_ENUM},
    };
    char what[96];
    for (size_t i = 0; i < sizeof(cases) / sizeof(*cases); i++) {
        glPatchParameteri(cases[i].pname, cases[i].value);
        snprintf(what, sizeof(what), "glPatchParameteri(0x%x, %d)", cases[i].pname, cases[i].value);
        GLST_ERR(what, cases[i].error);
        glst_get_int(GL_PATCH_VERTICES);
    }
    glPatchParameteri(GL_PATCH_VERTICES, max);
    GLST_ERR("glPatchParameteri(GL_PATCH_VERTICES, max)", GL_NO_ERROR);
    glst_get_int(GL_PATCH_VERTICES);
    glPatchParameteri(GL_PATCH_VERTICES, max + 1);
    GLST_ERR("glPatchParameteri(GL_PATCH_VERTICES, max + 1)", GL_INVALID_VALUE);
    glPatchParameteri(GL_PATCH_VERTICES, 0x7fffffff);
    GLST_ERR("glPatchParameteri(GL_PATCH_VERTICES, 2^31 - 1)", GL_INVALID_VALUE);
    glst_get_int(GL_PATCH_VERTICES);
    glPatchParameteri(GL_PATCH_VERTICES, 3);
}

/* ---- shaders ---- */

/* Mesa skips compiling a source its shader cache knows (of any stage,
 * from any earlier run) and keeps no log for it: every source whose
 * compile status or log is noted is made unique with a first comment line
 * (fresh), so that every compile is a first one, natively and through
 * glstream. */
static const char *fresh(const char *text)
{
    static char sources[8][2048];
    static unsigned made;
    char *out = sources[made % 8];
    snprintf(out, sizeof(sources[0]), "// %08x\n%s",
             (unsigned)getpid() * 1000003u + (unsigned)time(NULL) * 7919u + made, text);
    made++;
    return out;
}

/* a geometry shader whose log holds a warning */
static const char *gs_src =
    "#version 320 es\n"
    "// a geometry shader (GL_NV_nonexistent_thing is no extension anywhere)\n"
    "#extension GL_NV_nonexistent_thing : warn\n"
    "layout(triangles) in;\n"
    "layout(line_strip, max_vertices = 4) out;\n"
    "uniform float u_gs;\n"
    "void main() {\n"
    "  for (int i = 0; i < 4; i++) { gl_Position = gl_in[i % 3].gl_Position * u_gs; EmitVertex(); }\n"
    "}\n";
static const char *tcs_src =
    "#version 320 es\n"
    "layout(vertices = 2) out;\n"
    "uniform float u_tcs;\n"
    "patch out vec4 p_out;\n"
    "void main() {\n"
    "  gl_out[gl_InvocationID].gl_Position = gl_in[gl_InvocationID].gl_Position;\n"
    "  p_out = vec4(u_tcs);\n"
    "  gl_TessLevelOuter[0] = 1.0; gl_TessLevelOuter[1] = u_tcs;\n"
    "}\n";
static const char *tes_src =
    "#version 320 es\n"
    "layout(isolines, fractional_even_spacing, cw, point_mode) in;\n"
    "uniform float u_tes;\n"
    "patch in vec4 p_out;\n"
    "void main() { gl_Position = gl_in[0].gl_Position * u_tes + p_out; }\n";
static const char *vs_src =
    "#version 320 es\n"
    "layout(location = 0) in vec4 pos;\n"
    "uniform float u_vs;\n"
    "void main() { gl_Position = pos * u_vs; }\n";
static const char *fs_src =
    "#version 320 es\n"
    "precision mediump float;\n"
    "uniform float u_fs;\n"
    "layout(location = 0) out vec4 o;\n"
    "void main() { o = vec4(u_fs); }\n";

static void note_shader(const char *what, GLuint shader)
{
    GLint type = -1, compiled = -1, log_length = -1, source_length = -1;
    glGetShaderiv(shader, GL_SHADER_TYPE, &type);
    glGetShaderiv(shader, GL_COMPILE_STATUS, &compiled);
    glGetShaderiv(shader, GL_INFO_LOG_LENGTH, &log_length);
    glGetShaderiv(shader, GL_SHADER_SOURCE_LENGTH, &source_length);
    char log[2048] = "";
    glGetShaderInfoLog(shader, sizeof(log), NULL, log);
    static char source[4096];
    source[0] = 0;
    glGetShaderSource(shader, sizeof(source), NULL, source);
    glst_note("%s: type 0x%x, compiled %d, log length %d, source length %d", what, type, compiled, log_length,
              source_length);
    glst_note("%s: log '%s'", what, log);
    glst_note("%s: source '%s'", what, strncmp(source, "// ", 3) == 0 ? source + 12 : source);
}

static GLuint shader(const char *what, GLenum type, const char *text)
{
    const char *src = fresh(text);
    GLuint s = glCreateShader(type);
    glShaderSource(s, 1, &src, NULL);
    glCompileShader(s);
    note_shader(what, s);
    static char source[4096];
    glGetShaderSource(s, sizeof(source), NULL, source);
    glst_note("%s: the application's source back: %d", what, strcmp(source, src) == 0);
    return s;
}

static void shaders(void)
{
    static const GLenum types[] = {GL_GEOMETRY_SHADER, GL_TESS_CONTROL_SHADER, GL_TESS_EVALUATION_SHADER};
    for (size_t i = 0; i < 3; i++) {
        GLuint s = glCreateShader(types[i]);
        glst_note("glCreateShader(0x%x) names a shader: %d", types[i], s != 0 && glIsShader(s));
        GLint type = -1;
        glGetShaderiv(s, GL_SHADER_TYPE, &type);
        glst_note("  GL_SHADER_TYPE 0x%x", type);
        glDeleteShader(s);
    }
    GLST_ERR("the stages' shaders", GL_NO_ERROR);
    GLuint s = glCreateShader(GL_QUADS);
    glst_note("glCreateShader(GL_QUADS): %u", s);
    GLST_ERR("glCreateShader(GL_QUADS)", GL_INVALID_ENUM);
    s = glCreateShader(GL_PATCHES);
    glst_note("glCreateShader(GL_PATCHES): %u", s);
    GLST_ERR("glCreateShader(GL_PATCHES)", GL_INVALID_ENUM);

    /* compiles, their logs (a warning naming an unknown extension), the
     * application's source back */
    glDeleteShader(shader("geometry shader", GL_GEOMETRY_SHADER, gs_src));
    glDeleteShader(shader("tessellation control shader", GL_TESS_CONTROL_SHADER, tcs_src));
    glDeleteShader(shader("tessellation evaluation shader", GL_TESS_EVALUATION_SHADER, tes_src));
    /* errors: no output layout, a vertex shader's source, an older version */
    glDeleteShader(shader("geometry shader without its output layout", GL_GEOMETRY_SHADER,
                          "#version 320 es\nlayout(points) in;\nvoid main() { EmitVertex(); }\n"));
    glDeleteShader(shader("tessellation control shader of version 310", GL_TESS_CONTROL_SHADER,
                          "#version 310 es\nlayout(vertices = 3) out;\nvoid main() {}\n"));
    glDeleteShader(shader("tessellation evaluation shader of a vertex shader's source", GL_TESS_EVALUATION_SHADER,
                          vs_src));
    glDeleteShader(shader("geometry shader of version 100", GL_GEOMETRY_SHADER, "void main() {}\n"));

    /* the precision of the stages: ES has it for vertex and fragment
     * shaders only */
    GLint range[2] = {-1, -1}, precision = -1;
    glGetShaderPrecisionFormat(GL_GEOMETRY_SHADER, GL_HIGH_FLOAT, range, &precision);
    glst_note("glGetShaderPrecisionFormat(GL_GEOMETRY_SHADER): %d %d %d", range[0], range[1], precision);
    glst_note("  error 0x%x", glGetError());
}

/* ---- programs ---- */

static GLuint link_program(const char *what, const char *vs, const char *tcs, const char *tes, const char *gs,
                   const char *fs, bool separable)
{
    static const GLenum types[5] = {GL_VERTEX_SHADER, GL_TESS_CONTROL_SHADER, GL_TESS_EVALUATION_SHADER,
                                    GL_GEOMETRY_SHADER, GL_FRAGMENT_SHADER};
    const char *sources[5] = {vs, tcs, tes, gs, fs};
    GLuint program = glCreateProgram();
    for (int i = 0; i < 5; i++) {
        if (!sources[i])
            continue;
        GLuint s = glCreateShader(types[i]);
        glShaderSource(s, 1, &sources[i], NULL);
        glCompileShader(s);
        glAttachShader(program, s);
        glDeleteShader(s);
    }
    if (separable)
        glProgramParameteri(program, GL_PROGRAM_SEPARABLE, GL_TRUE);
    glLinkProgram(program);
    GLint linked = -1, attached = -1;
    glGetProgramiv(program, GL_LINK_STATUS, &linked);
    glGetProgramiv(program, GL_ATTACHED_SHADERS, &attached);
    char log[2048] = "";
    glGetProgramInfoLog(program, sizeof(log), NULL, log);
    glst_note("%s: linked %d, %d shaders, log '%s'", what, linked, attached, log);
    return program;
}

static void note_layout(const char *what, GLuint program)
{
    static const GLenum pnames[] = {GL_GEOMETRY_VERTICES_OUT, GL_GEOMETRY_INPUT_TYPE, GL_GEOMETRY_OUTPUT_TYPE,
                                    GL_GEOMETRY_SHADER_INVOCATIONS, GL_TESS_CONTROL_OUTPUT_VERTICES,
                                    GL_TESS_GEN_MODE, GL_TESS_GEN_SPACING, GL_TESS_GEN_VERTEX_ORDER,
                                    GL_TESS_GEN_POINT_MODE};
    for (size_t i = 0; i < sizeof(pnames) / sizeof(*pnames); i++) {
        GLint v = -7;
        glGetProgramiv(program, pnames[i], &v);
        GLenum error = glGetError();
        glst_note("%s: glGetProgramiv 0x%x = 0x%x, error 0x%x", what, pnames[i], v, error);
    }
}

/* the properties of the stages for the resources named */
static void note_resources(const char *what, GLuint program, GLenum interface, const char *const *names, int n)
{
    static const GLenum props[] = {GL_REFERENCED_BY_VERTEX_SHADER, GL_REFERENCED_BY_TESS_CONTROL_SHADER,
                                   GL_REFERENCED_BY_TESS_EVALUATION_SHADER, GL_REFERENCED_BY_GEOMETRY_SHADER,
                                   GL_REFERENCED_BY_FRAGMENT_SHADER, GL_REFERENCED_BY_COMPUTE_SHADER};
    for (int i = 0; i < n; i++) {
        GLuint index = glGetProgramResourceIndex(program, interface, names[i]);
        GLint values[6] = {-1, -1, -1, -1, -1, -1};
        GLsizei length = -1;
        glGetProgramResourceiv(program, interface, index, 6, props, 6, &length, values);
        glst_note("%s: %s index %d: referenced by %d %d %d %d %d %d (%d values), error 0x%x", what, names[i],
                  index == GL_INVALID_INDEX ? -1 : (int)index, values[0], values[1], values[2], values[3], values[4],
                  values[5], length, glGetError());
        static const GLenum per_patch = GL_IS_PER_PATCH;
        GLint patch = -1;
        glGetProgramResourceiv(program, interface, index, 1, &per_patch, 1, NULL, &patch);
        glst_note("%s: %s GL_IS_PER_PATCH %d, error 0x%x", what, names[i], patch, glGetError());
    }
}

static void programs(void)
{
    GLuint all = link_program("all stages", vs_src, tcs_src, tes_src, NULL, fs_src, false);
    note_layout("all stages", all);
    GLuint geometry = link_program("vertex, geometry, fragment", vs_src, NULL, NULL, gs_src, fs_src, false);
    note_layout("vertex, geometry, fragment", geometry);
    GLuint plain = link_program("vertex, fragment", vs_src, NULL, NULL, NULL, fs_src, false);
    note_layout("vertex, fragment", plain);
    GLuint unlinked = glCreateProgram();
    note_layout("never linked", unlinked);
    note_layout("no program", 0);
    note_layout("a shader", glCreateShader(GL_GEOMETRY_SHADER));
    /* link errors: a control stage without an evaluation one, a geometry
     * stage without a vertex one */
    glDeleteProgram(link_program("control without evaluation", vs_src, tcs_src, NULL, NULL, fs_src, false));
    glDeleteProgram(link_program("geometry without vertex", NULL, NULL, NULL, gs_src, fs_src, false));
    glDeleteProgram(link_program("evaluation without control", vs_src, NULL, tes_src, NULL, fs_src, false));

    /* uniforms of each stage */
    static const char *const uniforms[] = {"u_vs", "u_tcs", "u_tes", "u_gs", "u_fs"};
    note_resources("all stages", all, GL_UNIFORM, uniforms, 5);
    note_resources("vertex, geometry, fragment", geometry, GL_UNIFORM, uniforms, 5);
    GLint active = -1;
    glGetProgramInterfaceiv(all, GL_UNIFORM, GL_ACTIVE_RESOURCES, &active);
    glst_note("all stages: %d active uniforms", active);

    /* per-patch variables of separable stages */
    GLuint tess = link_program("separable evaluation", NULL, NULL, tes_src, NULL, NULL, true);
    static const char *const patch_in[] = {"p_out", "gl_PerVertex.gl_Position", "gl_TessLevelOuter"};
    note_resources("separable evaluation input", tess, GL_PROGRAM_INPUT, patch_in, 3);
    GLint tess_inputs = -1;
    glGetProgramInterfaceiv(tess, GL_PROGRAM_INPUT, GL_ACTIVE_RESOURCES, &tess_inputs);
    for (GLint i = 0; i < tess_inputs && i < 8; i++) {
        char name[64] = "";
        GLsizei length = -1;
        glGetProgramResourceName(tess, GL_PROGRAM_INPUT, (GLuint)i, sizeof(name), &length, name);
        static const GLenum per_patch = GL_IS_PER_PATCH;
        GLint patch = -1;
        glGetProgramResourceiv(tess, GL_PROGRAM_INPUT, (GLuint)i, 1, &per_patch, 1, NULL, &patch);
        glst_note("separable evaluation input %d: '%s' (%d), per patch %d", i, name, length, patch);
    }
    GLuint control = link_program("separable control", NULL, tcs_src, NULL, NULL, NULL, true);
    static const char *const patch_out[] = {"p_out", "gl_out[0].gl_Position", "gl_TessLevelOuter[0]"};
    note_resources("separable control output", control, GL_PROGRAM_OUTPUT, patch_out, 3);
    note_layout("separable control", control);
    GLint inputs = -1, outputs = -1;
    glGetProgramInterfaceiv(control, GL_PROGRAM_INPUT, GL_ACTIVE_RESOURCES, &inputs);
    glGetProgramInterfaceiv(control, GL_PROGRAM_OUTPUT, GL_ACTIVE_RESOURCES, &outputs);
    glst_note("separable control: %d inputs, %d outputs", inputs, outputs);
    for (GLint i = 0; i < outputs && i < 8; i++) {
        char name[64] = "";
        GLsizei length = -1;
        glGetProgramResourceName(control, GL_PROGRAM_OUTPUT, (GLuint)i, sizeof(name), &length, name);
        glst_note("separable control output %d: '%s' (%d)", i, name, length);
    }
    GLST_ERR("resources", GL_NO_ERROR);

    glDeleteProgram(all);
    glDeleteProgram(geometry);
    glDeleteProgram(plain);
    glDeleteProgram(unlinked);
    glDeleteProgram(tess);
    glDeleteProgram(control);
}

/* ---- separable programs and pipelines ---- */

static void note_pipeline(const char *what, GLuint pipe, const GLuint *programs, int n)
{
    static const GLenum stages[] = {GL_VERTEX_SHADER, GL_TESS_CONTROL_SHADER, GL_TESS_EVALUATION_SHADER,
                                    GL_GEOMETRY_SHADER, GL_FRAGMENT_SHADER, GL_COMPUTE_SHADER, GL_ACTIVE_PROGRAM};
    for (size_t s = 0; s < sizeof(stages) / sizeof(*stages); s++) {
        GLint v = -7;
        glGetProgramPipelineiv(pipe, stages[s], &v);
        GLenum error = glGetError();
        int which = -1;
        for (int i = 0; i < n; i++)
            if (v != 0 && (GLuint)v == programs[i])
                which = i;
        glst_note("%s: stage 0x%x holds %s %d, error 0x%x", what, stages[s], v == 0 ? "nothing" : "program", which,
                  error);
    }
}

static void pipelines(void)
{
    /* one program of each stage, and one of several */
    const char *sources[5] = {fresh(vs_src), fresh(tcs_src), fresh(tes_src), fresh(gs_src), fresh(fs_src)};
    static const GLenum types[5] = {GL_VERTEX_SHADER, GL_TESS_CONTROL_SHADER, GL_TESS_EVALUATION_SHADER,
                                    GL_GEOMETRY_SHADER, GL_FRAGMENT_SHADER};
    GLuint programs[7];
    for (int i = 0; i < 5; i++) {
        programs[i] = glCreateShaderProgramv(types[i], 1, &sources[i]);
        GLint linked = -1;
        glGetProgramiv(programs[i], GL_LINK_STATUS, &linked);
        char log[2048] = "";
        glGetProgramInfoLog(programs[i], sizeof(log), NULL, log);
        glst_note("glCreateShaderProgramv(0x%x): program %d, linked %d, log '%s'", types[i], programs[i] != 0, linked,
                  log);
    }
    programs[5] = link_program("separable vertex, geometry, fragment", vs_src, NULL, NULL, gs_src, fs_src, true);
    programs[6] = link_program("vertex, geometry, fragment, not separable", vs_src, NULL, NULL, gs_src, fs_src, false);
    /* the extension's function takes the stages too */
    PFNGLCREATESHADERPROGRAMVEXTPROC create_ext =
        (PFNGLCREATESHADERPROGRAMVEXTPROC)eglGetProcAddress("glCreateShaderProgramvEXT");
    if (create_ext) {
        GLuint p = create_ext(GL_GEOMETRY_SHADER, 1, &sources[3]);
        GLint linked = -1;
        glGetProgramiv(p, GL_LINK_STATUS, &linked);
        glst_note("glCreateShaderProgramvEXT(GL_GEOMETRY_SHADER): program %d, linked %d, error 0x%x", p != 0, linked,
                  glGetError());
        glDeleteProgram(p);
    }
    GLuint bad = glCreateShaderProgramv(GL_PATCHES, 1, &sources[0]);
    glst_note("glCreateShaderProgramv(GL_PATCHES): %u", bad);
    GLST_ERR("glCreateShaderProgramv(GL_PATCHES)", GL_INVALID_ENUM);
    const char *broken = fresh("#version 320 es\nlayout(vertices = 0) out;\nvoid main() {}\n");
    GLuint p = glCreateShaderProgramv(GL_TESS_CONTROL_SHADER, 1, &broken);
    GLint linked = -1;
    glGetProgramiv(p, GL_LINK_STATUS, &linked);
    char log[2048] = "";
    glGetProgramInfoLog(p, sizeof(log), NULL, log);
    glst_note("a broken control program: linked %d, log '%s'", linked, log);
    glDeleteProgram(p);

    GLuint pipe;
    glGenProgramPipelines(1, &pipe);
    glUseProgramStages(pipe, GL_VERTEX_SHADER_BIT, programs[0]);
    glUseProgramStages(pipe, GL_TESS_CONTROL_SHADER_BIT, programs[1]);
    glUseProgramStages(pipe, GL_TESS_EVALUATION_SHADER_BIT, programs[2]);
    glUseProgramStages(pipe, GL_GEOMETRY_SHADER_BIT, programs[3]);
    glUseProgramStages(pipe, GL_FRAGMENT_SHADER_BIT, programs[4]);
    GLST_ERR("a program per stage", GL_NO_ERROR);
    note_pipeline("a program per stage", pipe, programs, 7);
    glActiveShaderProgram(pipe, programs[3]);
    GLST_ERR("the geometry program active", GL_NO_ERROR);
    note_pipeline("the geometry program active", pipe, programs, 7);
    glValidateProgramPipeline(pipe);
    GLint valid = -1;
    glGetProgramPipelineiv(pipe, GL_VALIDATE_STATUS, &valid);
    glst_note("a program per stage: valid %d", valid);

    /* a program of several stages for all of them: those it has */
    glUseProgramStages(pipe, GL_ALL_SHADER_BITS, programs[5]);
    GLST_ERR("GL_ALL_SHADER_BITS", GL_NO_ERROR);
    note_pipeline("GL_ALL_SHADER_BITS", pipe, programs, 7);
    glUseProgramStages(pipe, GL_TESS_CONTROL_SHADER_BIT | GL_TESS_EVALUATION_SHADER_BIT, programs[5]);
    note_pipeline("the tessellation stages of a program without them", pipe, programs, 7);
    /* bits of no stage, a program that is not separable */
    glUseProgramStages(pipe, 0x40, programs[3]);
    GLST_ERR("glUseProgramStages of bit 0x40", GL_INVALID_VALUE);
    glUseProgramStages(pipe, GL_GEOMETRY_SHADER_BIT | 0x80000000u, programs[3]);
    GLST_ERR("glUseProgramStages of bit 2^31", GL_INVALID_VALUE);
    glUseProgramStages(pipe, GL_GEOMETRY_SHADER_BIT, programs[6]);
    GLST_ERR("glUseProgramStages of a program not separable", GL_INVALID_OPERATION);
    glUseProgramStages(pipe, GL_ALL_SHADER_BITS, 0);
    note_pipeline("all stages emptied", pipe, programs, 7);

    /* a control stage alone */
    glUseProgramStages(pipe, GL_VERTEX_SHADER_BIT, programs[0]);
    glUseProgramStages(pipe, GL_TESS_CONTROL_SHADER_BIT, programs[1]);
    glUseProgramStages(pipe, GL_FRAGMENT_SHADER_BIT, programs[4]);
    glValidateProgramPipeline(pipe);
    glGetProgramPipelineiv(pipe, GL_VALIDATE_STATUS, &valid);
    glGetProgramPipelineInfoLog(pipe, sizeof(log), NULL, log);
    glst_note("a control stage alone: valid %d, log '%s'", valid, log);
    glBindProgramPipeline(pipe);
    glPatchParameteri(GL_PATCH_VERTICES, 2);
    glDrawArrays(GL_PATCHES, 0, 2);
    glst_note("a draw of a control stage alone: error 0x%x", glGetError());
    glBindProgramPipeline(0);
    glPatchParameteri(GL_PATCH_VERTICES, 3);

    glDeleteProgramPipelines(1, &pipe);
    for (int i = 0; i < 7; i++)
        glDeleteProgram(programs[i]);
}

/* ---- the primitives generated, without a geometry stage ---- */

static void primitives_generated(void)
{
    GLuint program = link_program("a triangle", vs_src, NULL, NULL, NULL, fs_src, false);
    glUseProgram(program);
    static const GLfloat pos[24] = {0};
    glVertexAttribPointer(0, 4, GL_FLOAT, GL_FALSE, 0, pos);
    glEnableVertexAttribArray(0);
    GLuint query;
    glGenQueries(1, &query);
    glBeginQuery(GL_PRIMITIVES_GENERATED, query);
    GLint current = -1;
    glGetQueryiv(GL_PRIMITIVES_GENERATED, GL_CURRENT_QUERY, &current);
    glst_note("GL_PRIMITIVES_GENERATED current is the query: %d", (GLuint)current == query);
    glDrawArrays(GL_TRIANGLES, 0, 6);
    glDrawArrays(GL_TRIANGLE_STRIP, 0, 5);
    glEndQuery(GL_PRIMITIVES_GENERATED);
    GLuint n = 12345;
    glGetQueryObjectuiv(query, GL_QUERY_RESULT, &n);
    glst_note("GL_PRIMITIVES_GENERATED: %u", n);
    GLST_ERR("GL_PRIMITIVES_GENERATED", GL_NO_ERROR);
    glDisableVertexAttribArray(0);
    glDeleteQueries(1, &query);
    glUseProgram(0);
    glDeleteProgram(program);
}

int main(void)
{
    glst_egl e;
    glst_observe_open("es32_geomtess_state");
    if (!glst_egl_setup_version(&e, W, H, 3)) {
        fprintf(stderr, "glst_geomtess_state: no ES 3 context\n");
        return 1;
    }
    const char *version = (const char *)glGetString(GL_VERSION);
    /* a build offering less than ES 3.2 skips natively too, so that both
     * runs observe the same */
    bool built_for_32 = GLSTREAM_ES_VERSION_MAJOR * 10 + GLSTREAM_ES_VERSION_MINOR >= 32;
    if (!built_for_32 || !version || strncmp(version, "OpenGL ES 3.2", 13) != 0) {
        printf("glst_geomtess_state: skipped, not an ES 3.2 context (%s)\n", version ? version : "none");
        glst_egl_teardown(&e);
        glst_observe_close();
        return glst_finish();
    }
    limits();
    patch_parameter();
    shaders();
    programs();
    pipelines();
    primitives_generated();
    GLST_ERR("the end", GL_NO_ERROR);
    glst_egl_teardown(&e);
    glst_observe_close();
    return glst_finish();
}
