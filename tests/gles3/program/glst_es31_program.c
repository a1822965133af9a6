/* OpenGL ES 3.1 program group (docs/es3.md), compared natively and through
 * glstream: the program interface queries over a program with uniforms,
 * a uniform block, a shader storage block, an atomic counter, inputs,
 * outputs and transform feedback varyings (every interface, property and
 * error); separate shader objects in core (pipelines drawing pixels,
 * glActiveShaderProgram, compute programs, pipeline state and errors);
 * the 33 glProgramUniform* read back; the ES 3.1 program pnames;
 * #version 310 es / 320 es compile and link logs. Nothing is noted but
 * the version in a context older than 3.1. */
#include <stdio.h>
#include <string.h>

#include <GLES3/gl32.h>

#include "glst_observe.h"
#include "glst_test_util.h"

#define W 16
#define H 16

static int es_version;

static void note_pixel(const char *what, int x, int y)
{
    uint8_t p[4] = {0};
    glReadPixels(x, y, 1, 1, GL_RGBA, GL_UNSIGNED_BYTE, p);
    glst_note("%s pixel %d,%d = %u %u %u %u", what, x, y, p[0], p[1], p[2], p[3]);
}

static GLuint link_program(const char *vs_src, const char *fs_src, const char *const *varyings, int nvaryings)
{
    GLuint vs = glst_compile(GL_VERTEX_SHADER, vs_src);
    GLuint fs = glst_compile(GL_FRAGMENT_SHADER, fs_src);
    GLuint program = glCreateProgram();
    glAttachShader(program, vs);
    glAttachShader(program, fs);
    if (nvaryings)
        glTransformFeedbackVaryings(program, nvaryings, varyings, GL_INTERLEAVED_ATTRIBS);
    glLinkProgram(program);
    GLint linked = 0;
    glGetProgramiv(program, GL_LINK_STATUS, &linked);
    glst_note("linked %d", linked);
    GLST_CHECK(linked);
    glDeleteShader(vs);
    glDeleteShader(fs);
    return program;
}

/* ---- program interface queries ---- */

static const char *res_vs =
    "#version 310 es\n"
    "layout(location = 0) in vec4 pos;\n"
    "layout(location = 3) in vec2 uv;\n"
    "layout(location = 5) in vec3 normal;\n"
    "uniform mat3 rot;\n"
    "uniform float scale[3];\n"
    "layout(std140) uniform Params { vec4 tint; mat2 m; float pad[2]; } params;\n"
    "out vec2 v_uv;\n"
    "out float v_side;\n"
    "void main() {\n"
    "    v_uv = uv + normal.xy;\n"
    "    v_side = scale[2] + params.m[0][0];\n"
    "    gl_Position = vec4(rot * pos.xyz * scale[0], 1.0) + params.tint * scale[1];\n"
    "}\n";
static const char *res_fs =
    "#version 310 es\n"
    "precision highp float;\n"
    "in vec2 v_uv;\n"
    "in float v_side;\n"
    "layout(std430, binding = 2) buffer Store { uint count; vec4 items[]; } store;\n"
    "layout(binding = 1, offset = 4) uniform atomic_uint hits;\n"
    "uniform highp sampler2D tex;\n"
    "layout(location = 0) out vec4 color;\n"
    "layout(location = 1) out vec4 extra;\n"
    "void main() {\n"
    "    atomicCounterIncrement(hits);\n"
    "    store.items[store.count] = vec4(v_uv, v_side, 1.0);\n"
    "    color = texture(tex, v_uv);\n"
    "    extra = vec4(v_side);\n"
    "}\n";

static const struct {
    GLenum interface;
    const char *name;
    bool named;
    GLenum props[12];
} interfaces[] = {
    {GL_UNIFORM, "UNIFORM", true,
     {GL_NAME_LENGTH, GL_TYPE, GL_ARRAY_SIZE, GL_OFFSET, GL_BLOCK_INDEX, GL_ARRAY_STRIDE, GL_MATRIX_STRIDE,
      GL_IS_ROW_MAJOR, GL_ATOMIC_COUNTER_BUFFER_INDEX, GL_REFERENCED_BY_VERTEX_SHADER,
      GL_REFERENCED_BY_FRAGMENT_SHADER, GL_LOCATION}},
    {GL_UNIFORM_BLOCK, "UNIFORM_BLOCK", true,
     {GL_NAME_LENGTH, GL_BUFFER_BINDING, GL_BUFFER_DATA_SIZE, GL_NUM_ACTIVE_VARIABLES, GL_ACTIVE_VARIABLES,
      GL_REFERENCED_BY_VERTEX_SHADER, GL_REFERENCED_BY_FRAGMENT_SHADER, GL_REFERENCED_BY_COMPUTE_SHADER}},
    {GL_ATOMIC_COUNTER_BUFFER, "ATOMIC_COUNTER_BUFFER", false,
     {GL_BUFFER_BINDING, GL_BUFFER_DATA_SIZE, GL_NUM_ACTIVE_VARIABLES, GL_ACTIVE_VARIABLES,
      GL_REFERENCED_BY_VERTEX_SHADER, GL_REFERENCED_BY_FRAGMENT_SHADER}},
    {GL_PROGRAM_INPUT, "PROGRAM_INPUT", true,
     {GL_NAME_LENGTH, GL_TYPE, GL_ARRAY_SIZE, GL_LOCATION, GL_REFERENCED_BY_VERTEX_SHADER,
      GL_REFERENCED_BY_FRAGMENT_SHADER}},
    {GL_PROGRAM_OUTPUT, "PROGRAM_OUTPUT", true,
     {GL_NAME_LENGTH, GL_TYPE, GL_ARRAY_SIZE, GL_LOCATION, GL_REFERENCED_BY_VERTEX_SHADER,
      GL_REFERENCED_BY_FRAGMENT_SHADER}},
    {GL_TRANSFORM_FEEDBACK_VARYING, "TRANSFORM_FEEDBACK_VARYING", true, {GL_NAME_LENGTH, GL_TYPE, GL_ARRAY_SIZE}},
    {GL_BUFFER_VARIABLE, "BUFFER_VARIABLE", true,
     {GL_NAME_LENGTH, GL_TYPE, GL_ARRAY_SIZE, GL_OFFSET, GL_BLOCK_INDEX, GL_ARRAY_STRIDE, GL_MATRIX_STRIDE,
      GL_IS_ROW_MAJOR, GL_TOP_LEVEL_ARRAY_SIZE, GL_TOP_LEVEL_ARRAY_STRIDE, GL_REFERENCED_BY_FRAGMENT_SHADER}},
    {GL_SHADER_STORAGE_BLOCK, "SHADER_STORAGE_BLOCK", true,
     {GL_NAME_LENGTH, GL_BUFFER_BINDING, GL_BUFFER_DATA_SIZE, GL_NUM_ACTIVE_VARIABLES, GL_ACTIVE_VARIABLES,
      GL_REFERENCED_BY_VERTEX_SHADER, GL_REFERENCED_BY_FRAGMENT_SHADER}},
};

static void note_interface(GLuint program, int which)
{
    GLenum iface = interfaces[which].interface;
    const char *iname = interfaces[which].name;
    GLint active = -7, max_name = -7, max_vars = -7;
    glGetProgramInterfaceiv(program, iface, GL_ACTIVE_RESOURCES, &active);
    GLST_ERR("ACTIVE_RESOURCES", GL_NO_ERROR);
    glGetProgramInterfaceiv(program, iface, GL_MAX_NAME_LENGTH, &max_name);
    glst_note("%s MAX_NAME_LENGTH error 0x%x", iname, glGetError());
    glGetProgramInterfaceiv(program, iface, GL_MAX_NUM_ACTIVE_VARIABLES, &max_vars);
    glst_note("%s MAX_NUM_ACTIVE_VARIABLES error 0x%x", iname, glGetError());
    glst_note("%s: %d active, max name %d, max variables %d", iname, active, max_name, max_vars);
    int nprops = 0;
    while (nprops < 12 && interfaces[which].props[nprops])
        nprops++;
    for (GLint i = 0; i < active && i < 16; i++) {
        char name[64] = "";
        GLsizei length = -7;
        if (interfaces[which].named) {
            glGetProgramResourceName(program, iface, (GLuint)i, sizeof(name), &length, name);
            GLST_ERR("glGetProgramResourceName", GL_NO_ERROR);
            char small[4] = "zzz";
            GLsizei small_length = -7;
            glGetProgramResourceName(program, iface, (GLuint)i, sizeof(small), &small_length, small);
            glst_note("%s %d: name %s (%d), truncated %s (%d)", iname, i, name, length, small, small_length);
            GLuint index = glGetProgramResourceIndex(program, iface, name);
            glst_note("  index of %s = %u", name, index);
            if (iface == GL_UNIFORM || iface == GL_PROGRAM_INPUT || iface == GL_PROGRAM_OUTPUT)
                glst_note("  location of %s = %d", name, glGetProgramResourceLocation(program, iface, name));
            GLST_ERR("index and location", GL_NO_ERROR);
        }
        GLint values[32];
        for (int k = 0; k < 32; k++)
            values[k] = -7;
        length = -7;
        glGetProgramResourceiv(program, iface, (GLuint)i, nprops, interfaces[which].props, 32, &length, values);
        GLST_ERR("glGetProgramResourceiv", GL_NO_ERROR);
        char line[512];
        int at = snprintf(line, sizeof(line), "  %d values:", length);
        for (int k = 0; k < length && k < 32 && at < (int)sizeof(line) - 16; k++)
            at += snprintf(line + at, sizeof(line) - (size_t)at, " %d", values[k]);
        glst_note("%s", line);
        /* bufSize smaller than the answer: the first values only */
        for (int k = 0; k < 32; k++)
            values[k] = -7;
        glGetProgramResourceiv(program, iface, (GLuint)i, nprops, interfaces[which].props, 2, &length, values);
        glst_note("  bufSize 2: %d values %d %d %d", length, values[0], values[1], values[2]);
        /* a huge bufSize and no length pointer */
        glGetProgramResourceiv(program, iface, (GLuint)i, 1, interfaces[which].props, 1 << 30, NULL, values);
        glst_note("  huge bufSize: %d", values[0]);
        GLST_ERR("bufSize", GL_NO_ERROR);
    }
}

static void resource_errors(GLuint program, GLuint shader)
{
    GLint v = -7;
    GLsizei length = -7;
    char name[16] = "unchanged";
    const GLenum type_prop = GL_TYPE, bad_props[] = {GL_TYPE, 0x934A /* GL_LOCATION_COMPONENT */};
    /* Mesa raises GL_INVALID_OPERATION for these (the specification:
     * GL_INVALID_ENUM); noted, compared with the driver */
    glGetProgramInterfaceiv(program, GL_TEXTURE_2D, GL_ACTIVE_RESOURCES, &v);
    glst_note("interface not of ES: 0x%x", glGetError());
    glGetProgramInterfaceiv(program, 0x8E4A /* GL_VERTEX_SUBROUTINE */, GL_ACTIVE_RESOURCES, &v);
    glst_note("desktop interface: 0x%x", glGetError());
    glGetProgramInterfaceiv(program, GL_TRANSFORM_FEEDBACK_BUFFER, GL_ACTIVE_RESOURCES, &v);
    glst_note("GL_TRANSFORM_FEEDBACK_BUFFER interface: 0x%x %d", glGetError(), v);
    glGetProgramInterfaceiv(program, GL_UNIFORM, GL_TYPE, &v);
    glst_note("pname not of interfaces: 0x%x", glGetError());
    glGetProgramInterfaceiv(program, GL_UNIFORM, 0x92EA /* GL_MAX_NUM_COMPATIBLE_SUBROUTINES */, &v);
    glst_note("desktop pname: 0x%x", glGetError());
    glGetProgramInterfaceiv(program, GL_ATOMIC_COUNTER_BUFFER, GL_MAX_NAME_LENGTH, &v);
    GLST_ERR("atomic counter buffers have no names", GL_INVALID_OPERATION);
    glGetProgramInterfaceiv(program, GL_UNIFORM, GL_MAX_NUM_ACTIVE_VARIABLES, &v);
    GLST_ERR("uniforms have no variables", GL_INVALID_OPERATION);
    glGetProgramInterfaceiv(program + 1000, GL_UNIFORM, GL_ACTIVE_RESOURCES, &v);
    GLST_ERR("no such program", GL_INVALID_VALUE);
    glGetProgramInterfaceiv(shader, GL_UNIFORM, GL_ACTIVE_RESOURCES, &v);
    GLST_ERR("a shader", GL_INVALID_OPERATION);
    glst_note("value after errors %d", v);

    glst_note("index of missing %u", glGetProgramResourceIndex(program, GL_UNIFORM, "missing"));
    glst_note("location of missing %d", glGetProgramResourceLocation(program, GL_UNIFORM, "missing"));
    glst_note("index of element %u", glGetProgramResourceIndex(program, GL_UNIFORM, "scale[1]"));
    glst_note("location of element %d", glGetProgramResourceLocation(program, GL_UNIFORM, "scale[2]"));
    glst_note("location of block member %d", glGetProgramResourceLocation(program, GL_UNIFORM, "Params.tint"));
    GLST_ERR("lookups", GL_NO_ERROR);
    glst_note("index in atomic counter buffers %u",
              glGetProgramResourceIndex(program, GL_ATOMIC_COUNTER_BUFFER, "hits"));
    GLST_ERR("index of atomic counter buffer", GL_INVALID_ENUM);
    glst_note("location of a block %d", glGetProgramResourceLocation(program, GL_UNIFORM_BLOCK, "Params"));
    GLST_ERR("location of a block", GL_INVALID_ENUM);
    glst_note("index with bad interface %u", glGetProgramResourceIndex(program, GL_TEXTURE_2D, "rot"));
    glst_note("index with bad interface: 0x%x", glGetError());
    glst_note("location with bad interface %d", glGetProgramResourceLocation(program, GL_TEXTURE_2D, "rot"));
    glst_note("location with bad interface: 0x%x", glGetError());
    glGetProgramResourceName(program, GL_TEXTURE_2D, 0, sizeof(name), &length, name);
    glst_note("name with bad interface: 0x%x", glGetError());

    glGetProgramResourceName(program, GL_UNIFORM, 999, sizeof(name), &length, name);
    GLST_ERR("name index out of range", GL_INVALID_VALUE);
    glGetProgramResourceName(program, GL_ATOMIC_COUNTER_BUFFER, 0, sizeof(name), &length, name);
    GLST_ERR("name of atomic counter buffer", GL_INVALID_ENUM);
    glGetProgramResourceName(program, GL_UNIFORM, 0, -1, &length, name);
    GLST_ERR("name negative bufSize", GL_INVALID_VALUE);
    glst_note("name after errors %s %d", name, length);
    glGetProgramResourceName(program, GL_UNIFORM, 0, 0, &length, name);
    glst_note("bufSize 0: %s %d error 0x%x", name, length, glGetError());

    glGetProgramResourceiv(program, GL_UNIFORM, 0, 0, &type_prop, 4, &length, &v);
    GLST_ERR("propCount 0", GL_INVALID_VALUE);
    glGetProgramResourceiv(program, GL_UNIFORM, 0, -3, &type_prop, 4, &length, &v);
    GLST_ERR("propCount negative", GL_INVALID_VALUE);
    glGetProgramResourceiv(program, GL_UNIFORM, 0, 1, &type_prop, -1, &length, &v);
    GLST_ERR("bufSize negative", GL_INVALID_VALUE);
    glGetProgramResourceiv(program, GL_UNIFORM, 999, 1, &type_prop, 4, &length, &v);
    GLST_ERR("index out of range", GL_INVALID_VALUE);
    /* a desktop property (Mesa answers GL_INVALID_OPERATION for uniforms;
     * glstream refuses it as the specification says: not compared) */
    (void)bad_props;
    const GLenum buffer_binding = GL_BUFFER_BINDING;
    glGetProgramResourceiv(program, GL_UNIFORM, 0, 1, &buffer_binding, 4, &length, &v);
    GLST_ERR("property of another interface", GL_INVALID_OPERATION);
    const GLenum zero_prop = 0;
    glGetProgramResourceiv(program, GL_UNIFORM, 0, 1, &zero_prop, 4, &length, &v);
    GLST_ERR("property 0", GL_INVALID_ENUM);
    glGetProgramResourceiv(program, GL_TEXTURE_2D, 0, 1, &type_prop, 4, &length, &v);
    glst_note("resourceiv bad interface: 0x%x", glGetError());
    glst_note("after errors %d %d", v, length);
    glGetProgramResourceiv(program, GL_UNIFORM, 0, 1, &type_prop, 0, &length, &v);
    glst_note("bufSize 0: length %d error 0x%x", length, glGetError());
    /* many properties (repeated), one value each */
    GLenum many[200];
    GLint many_values[200];
    for (int k = 0; k < 200; k++)
        many[k] = k % 2 ? GL_TYPE : GL_NAME_LENGTH;
    glGetProgramResourceiv(program, GL_UNIFORM, 0, 200, many, 200, &length, many_values);
    glst_note("200 properties: %d values, last %d %d", length, many_values[198], many_values[199]);
    GLST_ERR("200 properties", GL_NO_ERROR);
}

static void resources(void)
{
    GLuint program = link_program(res_vs, res_fs, NULL, 0);
    GLuint shader = glCreateShader(GL_VERTEX_SHADER);
    for (int i = 0; i < (int)(sizeof(interfaces) / sizeof(interfaces[0])); i++)
        if (interfaces[i].interface != GL_TRANSFORM_FEEDBACK_VARYING)
            note_interface(program, i);
    GLint v[3] = {-7, -7, -7};
    glGetProgramiv(program, GL_ACTIVE_ATOMIC_COUNTER_BUFFERS, v);
    glst_note("ACTIVE_ATOMIC_COUNTER_BUFFERS %d error 0x%x", v[0], glGetError());
    glGetProgramiv(program, GL_PROGRAM_SEPARABLE, v);
    glst_note("PROGRAM_SEPARABLE %d error 0x%x", v[0], glGetError());
    glGetProgramiv(program, GL_COMPUTE_WORK_GROUP_SIZE, v);
    glst_note("COMPUTE_WORK_GROUP_SIZE of a draw program: error 0x%x, %d", glGetError(), v[0]);
    resource_errors(program, shader);
    glDeleteShader(shader);
    glDeleteProgram(program);

    /* an identifier shaped like an extension's macro: glstream's shader
     * masking renames it for the driver, the application sees its own */
    program = link_program("#version 310 es\nuniform vec4 GL_ACME_tint;\n"
                           "void main() { gl_Position = GL_ACME_tint; }\n",
                           "#version 310 es\nprecision mediump float;\nout vec4 o;\n"
                           "void main() { o = vec4(1.0); }\n", NULL, 0);
    GLuint index = glGetProgramResourceIndex(program, GL_UNIFORM, "GL_ACME_tint");
    glst_note("renamed identifier: index %u location %d", index,
              glGetProgramResourceLocation(program, GL_UNIFORM, "GL_ACME_tint"));
    char name[64] = "";
    GLsizei length = -7;
    glGetProgramResourceName(program, GL_UNIFORM, index, sizeof(name), &length, name);
    glst_note("renamed identifier's name %s (%d)", name, length);
    glGetProgramResourceName(program, GL_UNIFORM, index, 8, &length, name);
    glst_note("renamed identifier's name in 8 bytes %s (%d)", name, length);
    const GLenum name_props[] = {GL_TYPE, GL_NAME_LENGTH};
    GLint name_values[2] = {-7, -7};
    glGetProgramResourceiv(program, GL_UNIFORM, index, 2, name_props, 2, &length, name_values);
    glst_note("renamed identifier's type 0x%x, name length %d", name_values[0], name_values[1]);
    GLST_ERR("renamed identifier", GL_NO_ERROR);
    glDeleteProgram(program);

    /* transform feedback varyings, with an array element and a skip */
    static const char *tf_vs =
        "#version 310 es\n"
        "out vec3 a;\n"
        "out float b[3];\n"
        "flat out ivec2 c;\n"
        "void main() { a = vec3(1.0); b[0] = 1.0; b[1] = 2.0; b[2] = 3.0; c = ivec2(4);\n"
        "    gl_Position = vec4(0.0); }\n";
    static const char *tf_fs =
        "#version 310 es\n"
        "precision mediump float;\n"
        "in vec3 a;\n"
        "in float b[3];\n"
        "flat in ivec2 c;\n"
        "out vec4 o;\n"
        "void main() { o = vec4(a, b[1] + float(c.x)); }\n";
    const char *varyings[] = {"c", "gl_SkipComponents2", "b[1]", "a"};
    program = link_program(tf_vs, tf_fs, varyings, 4);
    note_interface(program, 5);
    glDeleteProgram(program);
}

/* ---- separate shader objects ---- */

static const char *sep_vs =
    "#version 310 es\n"
    "layout(location = 0) in vec2 pos;\n"
    "uniform vec2 shift;\n"
    "out vec4 v_col;\n"
    "void main() { v_col = vec4(pos * 0.5 + 0.5, 0.0, 1.0); gl_Position = vec4(pos * 0.5 + shift, 0.0, 1.0); }\n";
static const char *sep_fs =
    "#version 310 es\n"
    "precision highp float;\n"
    "in vec4 v_col;\n"
    "uniform vec4 tint;\n"
    "out vec4 color;\n"
    "void main() { color = tint + v_col * 0.0 + vec4(0.0, 0.0, v_col.x * 0.25, 0.0); }\n";
static const char *sep_cs =
    "#version 310 es\n"
    "layout(local_size_x = 4, local_size_y = 2, local_size_z = 1) in;\n"
    "layout(std430, binding = 0) buffer Out { uint v[]; } o;\n"
    "void main() { o.v[gl_LocalInvocationIndex] = gl_LocalInvocationIndex; }\n";

/* the programs of the pipeline tests: names differ between drivers */
static GLuint named[3];

static void note_pipeline(GLuint pipeline, GLenum pname, const char *what)
{
    GLint v = -7;
    glGetProgramPipelineiv(pipeline, pname, &v);
    GLenum error = glGetError();
    const char *name = v == 0 ? "0" : v == -7 ? "unchanged" : NULL;
    for (int i = 0; i < 3 && !name; i++)
        if (v > 0 && (GLuint)v == named[i])
            name = (const char *[]){"vs", "fs", "cs"}[i];
    if (pname == GL_VALIDATE_STATUS || pname == GL_INFO_LOG_LENGTH || !name)
        glst_note("pipeline %s = %d error 0x%x", what, v, error);
    else
        glst_note("pipeline %s = %s error 0x%x", what, name, error);
}

static void pipelines(void)
{
    const GLfloat quad[] = {-1, -1, 1, -1, -1, 1, 1, 1};
    GLuint vbo;
    glGenBuffers(1, &vbo);
    glBindBuffer(GL_ARRAY_BUFFER, vbo);
    glBufferData(GL_ARRAY_BUFFER, sizeof(quad), quad, GL_STATIC_DRAW);
    glVertexAttribPointer(0, 2, GL_FLOAT, GL_FALSE, 0, 0);
    glEnableVertexAttribArray(0);

    GLuint vs = glCreateShaderProgramv(GL_VERTEX_SHADER, 1, &sep_vs);
    GLuint fs = glCreateShaderProgramv(GL_FRAGMENT_SHADER, 1, &sep_fs);
    GLST_ERR("glCreateShaderProgramv", GL_NO_ERROR);
    named[0] = vs;
    named[1] = fs;
    GLint v = -7;
    glGetProgramiv(vs, GL_PROGRAM_SEPARABLE, &v);
    glst_note("vs separable %d", v);
    glGetProgramiv(fs, GL_LINK_STATUS, &v);
    glst_note("fs linked %d", v);

    GLuint pipes[2];
    glGenProgramPipelines(2, pipes);
    glst_note("is pipeline before bind %d", glIsProgramPipeline(pipes[0]));
    glBindProgramPipeline(pipes[0]);
    glst_note("is pipeline after bind %d", glIsProgramPipeline(pipes[0]));
    glUseProgramStages(pipes[0], GL_VERTEX_SHADER_BIT, vs);
    glUseProgramStages(pipes[0], GL_FRAGMENT_SHADER_BIT, fs);
    GLST_ERR("glUseProgramStages", GL_NO_ERROR);
    glProgramUniform4f(fs, glGetUniformLocation(fs, "tint"), 1.0f, 0.5f, 0.0f, 1.0f);
    glProgramUniform2f(vs, glGetUniformLocation(vs, "shift"), 0.0f, 0.0f);
    glValidateProgramPipeline(pipes[0]);
    note_pipeline(pipes[0], GL_VALIDATE_STATUS, "VALIDATE_STATUS");
    note_pipeline(pipes[0], GL_VERTEX_SHADER, "VERTEX_SHADER");
    note_pipeline(pipes[0], GL_FRAGMENT_SHADER, "FRAGMENT_SHADER");
    note_pipeline(pipes[0], GL_COMPUTE_SHADER, "COMPUTE_SHADER");
    note_pipeline(pipes[0], GL_ACTIVE_PROGRAM, "ACTIVE_PROGRAM");
    note_pipeline(pipes[0], GL_INFO_LOG_LENGTH, "INFO_LOG_LENGTH");
    note_pipeline(pipes[0], GL_LINK_STATUS, "LINK_STATUS (no such pname)");

    glClearColor(0, 0, 0, 0);
    glClear(GL_COLOR_BUFFER_BIT);
    glDrawArrays(GL_TRIANGLE_STRIP, 0, 4);
    GLST_ERR("pipeline draw", GL_NO_ERROR);
    note_pixel("pipeline", 8, 8);
    note_pixel("pipeline corner", 1, 1);

    /* glActiveShaderProgram: glUniform* goes to the active program */
    glActiveShaderProgram(pipes[0], vs);
    glUniform2f(glGetUniformLocation(vs, "shift"), 0.5f, 0.5f);
    GLST_ERR("glUniform through the active program", GL_NO_ERROR);
    note_pipeline(pipes[0], GL_ACTIVE_PROGRAM, "ACTIVE_PROGRAM");
    glActiveShaderProgram(pipes[0], fs);
    glUniform4f(glGetUniformLocation(fs, "tint"), 0.0f, 1.0f, 0.0f, 1.0f);
    glClear(GL_COLOR_BUFFER_BIT);
    glDrawArrays(GL_TRIANGLE_STRIP, 0, 4);
    note_pixel("shifted", 12, 12);
    note_pixel("shifted outside", 2, 2);

    /* the log of a pipeline that does not validate */
    glBindProgramPipeline(pipes[1]);
    glUseProgramStages(pipes[1], GL_FRAGMENT_SHADER_BIT, fs);
    glValidateProgramPipeline(pipes[1]);
    note_pipeline(pipes[1], GL_VALIDATE_STATUS, "second VALIDATE_STATUS");
    char log[256] = "";
    GLsizei length = -7;
    glGetProgramPipelineInfoLog(pipes[1], sizeof(log), &length, log);
    glst_note("pipeline log (%d) error 0x%x", length, glGetError());
    glBindProgramPipeline(pipes[0]);

    /* a program in use wins over the pipeline */
    GLuint plain = glst_program("#version 310 es\nlayout(location = 0) in vec2 pos;\n"
                                "void main() { gl_Position = vec4(pos, 0.0, 1.0); }\n",
                                "#version 310 es\nprecision mediump float;\nout vec4 c;\n"
                                "void main() { c = vec4(0.0, 0.0, 1.0, 1.0); }\n");
    glUseProgram(plain);
    glDrawArrays(GL_TRIANGLE_STRIP, 0, 4);
    note_pixel("program over pipeline", 4, 4);
    glUseProgram(0);

    /* a program made separable with glProgramParameteri before linking */
    GLuint linked_fs = glCreateProgram();
    GLuint fs_shader = glst_compile(GL_FRAGMENT_SHADER, sep_fs);
    glAttachShader(linked_fs, fs_shader);
    glProgramParameteri(linked_fs, GL_PROGRAM_SEPARABLE, GL_TRUE);
    GLST_ERR("glProgramParameteri GL_PROGRAM_SEPARABLE", GL_NO_ERROR);
    glLinkProgram(linked_fs);
    glGetProgramiv(linked_fs, GL_PROGRAM_SEPARABLE, &v);
    glst_note("glProgramParameteri separable %d", v);
    glUseProgramStages(pipes[0], GL_FRAGMENT_SHADER_BIT, linked_fs);
    GLST_ERR("a linked separable program as a stage", GL_NO_ERROR);
    glProgramUniform4f(linked_fs, glGetUniformLocation(linked_fs, "tint"), 0.25f, 0.25f, 1.0f, 1.0f);
    glClear(GL_COLOR_BUFFER_BIT);
    glDrawArrays(GL_TRIANGLE_STRIP, 0, 4);
    note_pixel("linked separable stage", 12, 12);
    glUseProgramStages(pipes[0], GL_FRAGMENT_SHADER_BIT, fs);
    glDeleteShader(fs_shader);
    glDeleteProgram(linked_fs);

    /* errors */
    glUseProgramStages(pipes[0], 0x40 /* no stage */, vs);
    GLST_ERR("unknown stage bit", GL_INVALID_VALUE);
    glUseProgramStages(pipes[0], GL_VERTEX_SHADER_BIT, plain);
    GLST_ERR("program not separable", GL_INVALID_OPERATION);
    glUseProgramStages(pipes[0], GL_VERTEX_SHADER_BIT, 4242);
    GLST_ERR("no such program", GL_INVALID_VALUE);
    glActiveShaderProgram(pipes[0], 4242);
    GLST_ERR("active: no such program", GL_INVALID_VALUE);
    glBindProgramPipeline(777);
    GLST_ERR("bind of a name never generated", GL_INVALID_OPERATION);
    glBindProgramPipeline(vs);
    glst_note("bind of a program's name: 0x%x", glGetError());
    glst_note("is pipeline of a program name %d", glIsProgramPipeline(vs));
    glst_note("is pipeline 0 %d", glIsProgramPipeline(0));
    note_pipeline(777, GL_VALIDATE_STATUS, "of no pipeline");
    glGetProgramPipelineInfoLog(777, sizeof(log), &length, log);
    GLST_ERR("log of no pipeline", GL_INVALID_VALUE);
    glGenProgramPipelines(-1, pipes);
    GLST_ERR("gen negative", GL_INVALID_VALUE);
    glst_note("create of a bad type %u", glCreateShaderProgramv(GL_TEXTURE_2D, 1, &sep_vs));
    GLST_ERR("create of a bad type", GL_INVALID_ENUM);
    glst_note("create of negative count %u", glCreateShaderProgramv(GL_VERTEX_SHADER, -1, &sep_vs));
    GLST_ERR("create of negative count", GL_INVALID_VALUE);

    /* a compute program in a pipeline */
    GLuint cs = glCreateShaderProgramv(GL_COMPUTE_SHADER, 1, &sep_cs);
    GLST_ERR("compute glCreateShaderProgramv", GL_NO_ERROR);
    named[2] = cs;
    GLint size[3] = {-7, -7, -7};
    glGetProgramiv(cs, GL_COMPUTE_WORK_GROUP_SIZE, size);
    glst_note("COMPUTE_WORK_GROUP_SIZE %d %d %d error 0x%x", size[0], size[1], size[2], glGetError());
    glUseProgramStages(pipes[0], GL_COMPUTE_SHADER_BIT, cs);
    GLST_ERR("compute stage", GL_NO_ERROR);
    note_pipeline(pipes[0], GL_COMPUTE_SHADER, "COMPUTE_SHADER");
    glUseProgramStages(pipes[0], GL_VERTEX_SHADER_BIT, cs);
    GLST_ERR("compute program as vertex stage", GL_NO_ERROR);
    note_pipeline(pipes[0], GL_VERTEX_SHADER, "VERTEX_SHADER after a program without it");
    glUseProgramStages(pipes[0], GL_ALL_SHADER_BITS, 0);
    note_pipeline(pipes[0], GL_COMPUTE_SHADER, "COMPUTE_SHADER cleared");
    GLST_ERR("all bits", GL_NO_ERROR);

    glBindProgramPipeline(0);
    glDeleteProgramPipelines(2, pipes);
    glst_note("is pipeline after delete %d", glIsProgramPipeline(pipes[0]));
    GLST_ERR("delete", GL_NO_ERROR);
    glDeleteProgram(vs);
    glDeleteProgram(fs);
    glDeleteProgram(cs);
    glDeleteProgram(plain);
    glDeleteBuffers(1, &vbo);
}

/* ---- glProgramUniform* ---- */

static const char *uni_vs =
    "#version 310 es\n"
    "void main() { gl_Position = vec4(0.0); }\n";
static const char *uni_fs =
    "#version 310 es\n"
    "precision highp float;\n"
    "precision highp int;\n"
    "uniform int i1; uniform ivec2 i2; uniform ivec3 i3; uniform ivec4 i4;\n"
    "uniform uint u1; uniform uvec2 u2; uniform uvec3 u3; uniform uvec4 u4;\n"
    "uniform float f1; uniform vec2 f2; uniform vec3 f3; uniform vec4 f4;\n"
    "uniform mat2 m2; uniform mat3 m3; uniform mat4 m4;\n"
    "uniform mat2x3 m23; uniform mat3x2 m32; uniform mat2x4 m24; uniform mat4x2 m42;\n"
    "uniform mat3x4 m34; uniform mat4x3 m43;\n"
    "out vec4 o;\n"
    "void main() {\n"
    "    o = vec4(float(i1 + i2.x + i3.x + i4.x) + float(u1 + u2.x + u3.x + u4.x) + f1 + f2.x + f3.x + f4.x)\n"
    "      + vec4(m2[0][0] + m3[0][0] + m4[0][0] + m23[0][0] + m32[0][0] + m24[0][0] + m42[0][0]\n"
    "      + m34[0][0] + m43[0][0]);\n"
    "}\n";

static void note_uniform(GLuint program, const char *name, int n, char kind)
{
    GLint loc = glGetUniformLocation(program, name);
    union { GLfloat f[16]; GLint i[16]; GLuint u[16]; } v;
    memset(&v, 0, sizeof(v));
    char line[400];
    int at = snprintf(line, sizeof(line), "%s:", name);
    if (kind == 'f')
        glGetUniformfv(program, loc, v.f);
    else if (kind == 'i')
        glGetUniformiv(program, loc, v.i);
    else
        glGetUniformuiv(program, loc, v.u);
    for (int k = 0; k < n; k++) {
        if (kind == 'f')
            at += snprintf(line + at, sizeof(line) - (size_t)at, " %g", v.f[k]);
        else if (kind == 'i')
            at += snprintf(line + at, sizeof(line) - (size_t)at, " %d", v.i[k]);
        else
            at += snprintf(line + at, sizeof(line) - (size_t)at, " %u", v.u[k]);
    }
    glst_note("%s", line);
}

static void program_uniforms(void)
{
    GLuint p = link_program(uni_vs, uni_fs, NULL, 0);
    glUseProgram(0); /* glProgramUniform needs no program in use */
#define L(name) glGetUniformLocation(p, name)
    glProgramUniform1i(p, L("i1"), -1);
    glProgramUniform2i(p, L("i2"), 2, -3);
    glProgramUniform3i(p, L("i3"), 4, 5, -6);
    glProgramUniform4i(p, L("i4"), 7, 8, 9, -10);
    glProgramUniform1ui(p, L("u1"), 11u);
    glProgramUniform2ui(p, L("u2"), 12u, 0xffffffffu);
    glProgramUniform3ui(p, L("u3"), 13u, 14u, 15u);
    glProgramUniform4ui(p, L("u4"), 16u, 17u, 18u, 19u);
    glProgramUniform1f(p, L("f1"), 0.5f);
    glProgramUniform2f(p, L("f2"), 1.5f, -2.5f);
    glProgramUniform3f(p, L("f3"), 3.5f, 4.5f, 5.5f);
    glProgramUniform4f(p, L("f4"), 6.5f, 7.5f, 8.5f, 9.5f);
    GLST_ERR("scalar forms", GL_NO_ERROR);
    note_uniform(p, "i1", 1, 'i'); note_uniform(p, "i2", 2, 'i'); note_uniform(p, "i3", 3, 'i');
    note_uniform(p, "i4", 4, 'i'); note_uniform(p, "u1", 1, 'u'); note_uniform(p, "u2", 2, 'u');
    note_uniform(p, "u3", 3, 'u'); note_uniform(p, "u4", 4, 'u'); note_uniform(p, "f1", 1, 'f');
    note_uniform(p, "f2", 2, 'f'); note_uniform(p, "f3", 3, 'f'); note_uniform(p, "f4", 4, 'f');

    const GLint iv[4] = {21, -22, 23, -24};
    const GLuint uv[4] = {31, 32, 33, 34};
    const GLfloat fv[16] = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16};
    glProgramUniform1iv(p, L("i1"), 1, iv);
    glProgramUniform2iv(p, L("i2"), 1, iv);
    glProgramUniform3iv(p, L("i3"), 1, iv);
    glProgramUniform4iv(p, L("i4"), 1, iv);
    glProgramUniform1uiv(p, L("u1"), 1, uv);
    glProgramUniform2uiv(p, L("u2"), 1, uv);
    glProgramUniform3uiv(p, L("u3"), 1, uv);
    glProgramUniform4uiv(p, L("u4"), 1, uv);
    glProgramUniform1fv(p, L("f1"), 1, fv);
    glProgramUniform2fv(p, L("f2"), 1, fv);
    glProgramUniform3fv(p, L("f3"), 1, fv);
    glProgramUniform4fv(p, L("f4"), 1, fv);
    glProgramUniformMatrix2fv(p, L("m2"), 1, GL_FALSE, fv);
    glProgramUniformMatrix3fv(p, L("m3"), 1, GL_TRUE, fv);
    glProgramUniformMatrix4fv(p, L("m4"), 1, GL_FALSE, fv);
    glProgramUniformMatrix2x3fv(p, L("m23"), 1, GL_FALSE, fv);
    glProgramUniformMatrix3x2fv(p, L("m32"), 1, GL_TRUE, fv);
    glProgramUniformMatrix2x4fv(p, L("m24"), 1, GL_FALSE, fv);
    glProgramUniformMatrix4x2fv(p, L("m42"), 1, GL_TRUE, fv);
    glProgramUniformMatrix3x4fv(p, L("m34"), 1, GL_FALSE, fv);
    glProgramUniformMatrix4x3fv(p, L("m43"), 1, GL_TRUE, fv);
    GLST_ERR("vector and matrix forms", GL_NO_ERROR);
    note_uniform(p, "i1", 1, 'i'); note_uniform(p, "i2", 2, 'i'); note_uniform(p, "i3", 3, 'i');
    note_uniform(p, "i4", 4, 'i'); note_uniform(p, "u1", 1, 'u'); note_uniform(p, "u2", 2, 'u');
    note_uniform(p, "u3", 3, 'u'); note_uniform(p, "u4", 4, 'u'); note_uniform(p, "f1", 1, 'f');
    note_uniform(p, "f2", 2, 'f'); note_uniform(p, "f3", 3, 'f'); note_uniform(p, "f4", 4, 'f');
    note_uniform(p, "m2", 4, 'f'); note_uniform(p, "m3", 9, 'f'); note_uniform(p, "m4", 16, 'f');
    note_uniform(p, "m23", 6, 'f'); note_uniform(p, "m32", 6, 'f'); note_uniform(p, "m24", 8, 'f');
    note_uniform(p, "m42", 8, 'f'); note_uniform(p, "m34", 12, 'f'); note_uniform(p, "m43", 12, 'f');

    /* errors */
    glProgramUniform1i(p, L("f1"), 1);
    GLST_ERR("int into a float", GL_INVALID_OPERATION);
    glProgramUniform1ui(p, L("i1"), 1);
    GLST_ERR("uint into an int", GL_INVALID_OPERATION);
    glProgramUniform2fv(p, L("f2"), -1, fv);
    GLST_ERR("negative count", GL_INVALID_VALUE);
    glProgramUniform4fv(p, L("f4"), 2, fv);
    GLST_ERR("count 2 of a non-array", GL_INVALID_OPERATION);
    glProgramUniform1f(4242, 0, 1.0f);
    GLST_ERR("no such program", GL_INVALID_VALUE);
    glProgramUniform1f(p, -1, 1.0f);
    GLST_ERR("location -1", GL_NO_ERROR);
    glProgramUniform1f(p, 999, 1.0f);
    GLST_ERR("unknown location", GL_INVALID_OPERATION);
    GLuint shader = glCreateShader(GL_VERTEX_SHADER);
    glProgramUniform1f(shader, 0, 1.0f);
    GLST_ERR("a shader", GL_INVALID_OPERATION);
    glDeleteShader(shader);
    GLuint unlinked = glCreateProgram();
    glProgramUniform1f(unlinked, 0, 1.0f);
    GLST_ERR("an unlinked program", GL_INVALID_OPERATION);
    glDeleteProgram(unlinked);
#undef L
    glDeleteProgram(p);
}

/* ---- #version 310 es / 320 es logs ---- */

static void note_compile(GLenum type, const char *src, const char *what)
{
    GLuint s = glCreateShader(type);
    glShaderSource(s, 1, &src, NULL);
    glCompileShader(s);
    GLint ok = -7, len = -7;
    glGetShaderiv(s, GL_COMPILE_STATUS, &ok);
    glGetShaderiv(s, GL_INFO_LOG_LENGTH, &len);
    char log[512] = "";
    glGetShaderInfoLog(s, sizeof(log), NULL, log);
    glst_note("%s: compiled %d, log length %d: %s", what, ok, len, log);
    GLint shader_type = 0;
    glGetShaderiv(s, GL_SHADER_TYPE, &shader_type);
    glst_note("%s: type 0x%x", what, shader_type);
    glDeleteShader(s);
}

static void versions(void)
{
    note_compile(GL_FRAGMENT_SHADER,
                 "#version 310 es\nprecision mediump float;\nout vec4 o;\nvoid main() { o = vec4(undeclared); }\n",
                 "310 es error");
    /* compute shaders through glCreateShader: the es3.1 compute group's */
    /* 320 es only where both sides offer 3.2 (native Mesa always does) */
    if (es_version >= 32)
        note_compile(GL_VERTEX_SHADER,
                     "#version 320 es\nvoid main() { gl_Position = vec4(0.0); }\n", "320 es vertex");
    note_compile(GL_VERTEX_SHADER,
                 "#version 310 es\n#ifdef GL_EXT_hidden_thing\n#error hidden\n#endif\n"
                 "void main() { gl_Position = vec4(1.0); }\n", "310 es unknown macro");
    /* a link error of 310 es programs: an output the next stage lacks */
    GLuint vs = glst_compile(GL_VERTEX_SHADER, "#version 310 es\nout vec4 a;\n"
                                               "void main() { a = vec4(1.0); gl_Position = a; }\n");
    GLuint fs = glst_compile(GL_FRAGMENT_SHADER, "#version 310 es\nprecision mediump float;\nin vec3 a;\n"
                                                 "out vec4 o;\nvoid main() { o = vec4(a, 1.0); }\n");
    GLuint p = glCreateProgram();
    glAttachShader(p, vs);
    glAttachShader(p, fs);
    glLinkProgram(p);
    GLint ok = -7, len = -7;
    glGetProgramiv(p, GL_LINK_STATUS, &ok);
    glGetProgramiv(p, GL_INFO_LOG_LENGTH, &len);
    char log[512] = "";
    glGetProgramInfoLog(p, sizeof(log), NULL, log);
    glst_note("310 es link: %d, log length %d: %s", ok, len, log);
    glDeleteProgram(p);
    glDeleteShader(vs);
    glDeleteShader(fs);
    /* a separable program's compile log lands in the program's */
    const char *bad = "#version 310 es\nvoid main() { gl_Position = vec4(nothing); }\n";
    p = glCreateShaderProgramv(GL_VERTEX_SHADER, 1, &bad);
    glGetProgramiv(p, GL_LINK_STATUS, &ok);
    glGetProgramInfoLog(p, sizeof(log), NULL, log);
    glst_note("glCreateShaderProgramv of an error: linked %d: %s", ok, log);
    glDeleteProgram(p);
}

int main(void)
{
    glst_egl e;
    glst_observe_open("es31_program");
    if (!glst_egl_setup_version(&e, W, H, 3)) {
        fprintf(stderr, "glst_es31_program: no ES 3 context\n");
        return 1;
    }
    const char *version = (const char *)glGetString(GL_VERSION);
    int major = 0, minor = 0;
    if (!version || sscanf(version, "OpenGL ES %d.%d", &major, &minor) != 2 || major * 10 + minor < 31) {
        printf("glst_es31_program: skipped, the context is %s\n", version ? version : "(none)");
        glst_egl_teardown(&e);
        glst_observe_close();
        return glst_finish();
    }
    /* the version both sides offer: this build's, capped by the host's
     * (native Mesa is 3.2) */
    es_version = major * 10 + minor;
    if (es_version > GLSTREAM_ES_VERSION_MAJOR * 10 + GLSTREAM_ES_VERSION_MINOR)
        es_version = GLSTREAM_ES_VERSION_MAJOR * 10 + GLSTREAM_ES_VERSION_MINOR;
    glst_note("ES %d", es_version);
    resources();
    pipelines();
    program_uniforms();
    versions();
    GLST_ERR("end", GL_NO_ERROR);
    glst_egl_teardown(&e);
    glst_observe_close();
    return glst_finish();
}
