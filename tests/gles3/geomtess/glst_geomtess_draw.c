/* OpenGL ES 3.2 geomtess group (docs/es3.md), compared natively and
 * through glstream: what geometry and tessellation shaders draw. A
 * geometry shader amplifying points into quads (buffers and client
 * arrays, instanced, indexed), the four adjacency modes, tessellated quad
 * and triangle patches (arrays, elements, base vertex, indirect,
 * primitive restart), transform feedback captured through a geometry and
 * a tessellation stage (the values, the primitives written and
 * generated, a buffer too small, a mismatched primitive mode), and a
 * separable pipeline of the stages. Every pixel, value and error is
 * written with glst_note and must be the same both ways. */
#include <stdio.h>
#include <string.h>

#include <GLES3/gl32.h>

#include "glst_observe.h"
#include "glst_test_util.h"

#define W 64
#define H 64

static void note_pixel(const char *what, int x, int y)
{
    uint8_t p[4] = {0};
    glReadPixels(x, y, 1, 1, GL_RGBA, GL_UNSIGNED_BYTE, p);
    glst_note("%s pixel %d,%d = %u %u %u %u", what, x, y, p[0], p[1], p[2], p[3]);
}

/* a 4 x 4 grid of samples over the window */
static void note_grid(const char *what)
{
    for (int y = 0; y < 4; y++)
        for (int x = 0; x < 4; x++)
            note_pixel(what, W / 8 + x * W / 4, H / 8 + y * H / 4);
}

static void clear(void)
{
    glClearColor(0, 0, 0, 0);
    glClear(GL_COLOR_BUFFER_BIT);
}

/* A program of the stages given (NULL: none), linked; its log noted. */
static GLuint link_stages(const char *what, const char *vs, const char *tcs, const char *tes, const char *gs,
                          const char *fs, const char *const *varyings, int nvaryings)
{
    static const GLenum types[5] = {GL_VERTEX_SHADER, GL_TESS_CONTROL_SHADER, GL_TESS_EVALUATION_SHADER,
                                    GL_GEOMETRY_SHADER, GL_FRAGMENT_SHADER};
    const char *sources[5] = {vs, tcs, tes, gs, fs};
    GLuint program = glCreateProgram();
    for (int i = 0; i < 5; i++) {
        if (!sources[i])
            continue;
        GLuint s = glst_compile(types[i], sources[i]);
        glAttachShader(program, s);
        glDeleteShader(s);
    }
    if (nvaryings)
        glTransformFeedbackVaryings(program, nvaryings, varyings, GL_INTERLEAVED_ATTRIBS);
    glLinkProgram(program);
    GLint linked = 0;
    glGetProgramiv(program, GL_LINK_STATUS, &linked);
    glst_note("%s: linked %d", what, linked);
    GLST_CHECK(linked);
    return program;
}

static const char *pos_vs =
    "#version 320 es\n"
    "layout(location = 0) in vec2 pos;\n"
    "void main() { gl_Position = vec4(pos, 0.0, 1.0); }\n";
static const char *color_fs =
    "#version 320 es\n"
    "precision mediump float;\n"
    "in vec4 color;\n"
    "layout(location = 0) out vec4 o;\n"
    "void main() { o = color; }\n";

/* ---- a geometry shader amplifying points into quads ---- */

static const char *quad_gs =
    "#version 320 es\n"
    "layout(points) in;\n"
    "layout(triangle_strip, max_vertices = 4) out;\n"
    "uniform float half_size;\n"
    "out vec4 color;\n"
    "void main() {\n"
    "  vec4 c = gl_in[0].gl_Position;\n"
    "  vec4 tint = vec4(float(gl_PrimitiveIDIn & 1), float((gl_PrimitiveIDIn >> 1) & 1), 1.0, 1.0);\n"
    "  for (int i = 0; i < 4; i++) {\n"
    "    vec2 corner = vec2(float(i & 1), float(i >> 1)) * 2.0 - 1.0;\n"
    "    gl_Position = c + vec4(corner * half_size, 0.0, 0.0);\n"
    "    color = tint;\n"
    "    EmitVertex();\n"
    "  }\n"
    "  EndPrimitive();\n"
    "}\n";

/* one point in the middle of each quarter of the window */
static const GLfloat quarter_points[8] = {-0.5f, -0.5f, 0.5f, -0.5f, -0.5f, 0.5f, 0.5f, 0.5f};

static void points_to_quads(void)
{
    GLuint program = link_stages("points to quads", pos_vs, NULL, NULL, quad_gs, color_fs, NULL, 0);
    glUseProgram(program);
    glUniform1f(glGetUniformLocation(program, "half_size"), 0.25f);
    GLint v = -1;
    glGetProgramiv(program, GL_GEOMETRY_VERTICES_OUT, &v);
    glst_note("GL_GEOMETRY_VERTICES_OUT %d", v);
    glGetProgramiv(program, GL_GEOMETRY_INPUT_TYPE, &v);
    glst_note("GL_GEOMETRY_INPUT_TYPE 0x%x", v);
    glGetProgramiv(program, GL_GEOMETRY_OUTPUT_TYPE, &v);
    glst_note("GL_GEOMETRY_OUTPUT_TYPE 0x%x", v);
    glGetProgramiv(program, GL_GEOMETRY_SHADER_INVOCATIONS, &v);
    glst_note("GL_GEOMETRY_SHADER_INVOCATIONS %d", v);
    GLST_ERR("geometry program pnames", GL_NO_ERROR);

    /* client arrays */
    glBindBuffer(GL_ARRAY_BUFFER, 0);
    glVertexAttribPointer(0, 2, GL_FLOAT, GL_FALSE, 0, quarter_points);
    glEnableVertexAttribArray(0);
    clear();
    glDrawArrays(GL_POINTS, 0, 4);
    GLST_ERR("points to quads, client arrays", GL_NO_ERROR);
    note_grid("points to quads, client arrays");
    /* a range of them, indexed */
    static const GLubyte two[] = {3, 1};
    clear();
    glDrawElements(GL_POINTS, 2, GL_UNSIGNED_BYTE, two);
    GLST_ERR("points to quads, client indices", GL_NO_ERROR);
    note_grid("points to quads, client indices");

    /* buffers, instanced */
    GLuint buffer;
    glGenBuffers(1, &buffer);
    glBindBuffer(GL_ARRAY_BUFFER, buffer);
    glBufferData(GL_ARRAY_BUFFER, sizeof(quarter_points), quarter_points, GL_STATIC_DRAW);
    glVertexAttribPointer(0, 2, GL_FLOAT, GL_FALSE, 0, NULL);
    clear();
    glDrawArraysInstanced(GL_POINTS, 1, 3, 2);
    GLST_ERR("points to quads, buffer, instanced", GL_NO_ERROR);
    note_grid("points to quads, buffer, instanced");

    /* the input layout decides the mode: triangles are refused */
    glDrawArrays(GL_TRIANGLES, 0, 3);
    GLST_ERR("triangles into a points geometry shader", GL_INVALID_OPERATION);
    glDrawArrays(GL_LINES_ADJACENCY, 0, 4);
    GLST_ERR("lines with adjacency into a points geometry shader", GL_INVALID_OPERATION);

    glDisableVertexAttribArray(0);
    glBindBuffer(GL_ARRAY_BUFFER, 0);
    glDeleteBuffers(1, &buffer);
    glUseProgram(0);
    glDeleteProgram(program);
}

/* a geometry shader invoked twice per point: the second copy shifted */
static const char *invocations_gs =
    "#version 320 es\n"
    "layout(points, invocations = 2) in;\n"
    "layout(triangle_strip, max_vertices = 4) out;\n"
    "out vec4 color;\n"
    "void main() {\n"
    "  vec4 c = gl_in[0].gl_Position + vec4(float(gl_InvocationID) * 0.5, 0.0, 0.0, 0.0);\n"
    "  for (int i = 0; i < 4; i++) {\n"
    "    gl_Position = c + vec4(vec2(float(i & 1), float(i >> 1)) * 0.4 - 0.2, 0.0, 0.0);\n"
    "    color = vec4(1.0, float(gl_InvocationID), 0.0, 1.0);\n"
    "    EmitVertex();\n"
    "  }\n"
    "}\n";

static void invocations(void)
{
    GLuint program = link_stages("invocations", pos_vs, NULL, NULL, invocations_gs, color_fs, NULL, 0);
    GLint v = -1;
    glGetProgramiv(program, GL_GEOMETRY_SHADER_INVOCATIONS, &v);
    glst_note("GL_GEOMETRY_SHADER_INVOCATIONS %d", v);
    glUseProgram(program);
    static const GLfloat left[4] = {-0.75f, -0.75f, -0.75f, 0.25f};
    glVertexAttribPointer(0, 2, GL_FLOAT, GL_FALSE, 0, left);
    glEnableVertexAttribArray(0);
    clear();
    glDrawArrays(GL_POINTS, 0, 2);
    GLST_ERR("two invocations", GL_NO_ERROR);
    note_grid("two invocations");
    glDisableVertexAttribArray(0);
    glUseProgram(0);
    glDeleteProgram(program);
}

/* ---- adjacency ---- */

/* triangles with adjacency: the triangle is vertices 0, 2, 4, coloured by
 * where its adjacent vertices 1, 3, 5 lie */
static const char *triangles_adjacency_gs =
    "#version 320 es\n"
    "layout(triangles_adjacency) in;\n"
    "layout(triangle_strip, max_vertices = 3) out;\n"
    "out vec4 color;\n"
    "void main() {\n"
    "  vec4 c = vec4(step(0.0, gl_in[1].gl_Position.x), step(0.0, gl_in[3].gl_Position.y),\n"
    "                step(0.0, gl_in[5].gl_Position.x), 1.0);\n"
    "  for (int i = 0; i < 6; i += 2) { gl_Position = gl_in[i].gl_Position; color = c; EmitVertex(); }\n"
    "}\n";
/* lines with adjacency: the line 1-2 drawn as a band, coloured by 0 and 3 */
static const char *lines_adjacency_gs =
    "#version 320 es\n"
    "layout(lines_adjacency) in;\n"
    "layout(triangle_strip, max_vertices = 4) out;\n"
    "out vec4 color;\n"
    "void main() {\n"
    "  vec4 c = vec4(step(0.0, gl_in[0].gl_Position.x), step(0.0, gl_in[3].gl_Position.x), 0.5, 1.0);\n"
    "  for (int i = 1; i <= 2; i++) {\n"
    "    gl_Position = gl_in[i].gl_Position + vec4(0.0, -0.3, 0.0, 0.0); color = c; EmitVertex();\n"
    "    gl_Position = gl_in[i].gl_Position + vec4(0.0, 0.3, 0.0, 0.0); color = c; EmitVertex();\n"
    "  }\n"
    "}\n";

static void adjacency(void)
{
    GLuint tri = link_stages("triangles adjacency", pos_vs, NULL, NULL, triangles_adjacency_gs, color_fs, NULL, 0);
    GLuint line = link_stages("lines adjacency", pos_vs, NULL, NULL, lines_adjacency_gs, color_fs, NULL, 0);
    GLint v = -1;
    glGetProgramiv(tri, GL_GEOMETRY_INPUT_TYPE, &v);
    glst_note("triangles adjacency GL_GEOMETRY_INPUT_TYPE 0x%x", v);
    glGetProgramiv(line, GL_GEOMETRY_INPUT_TYPE, &v);
    glst_note("lines adjacency GL_GEOMETRY_INPUT_TYPE 0x%x", v);
    /* a strip of 8 vertices: two triangles with adjacency, or 2 strip
     * triangles; the first six as one triangle with adjacency */
    static const GLfloat strip[16] = {-1.0f, -1.0f, 0.5f, -0.9f, 1.0f, -1.0f, -0.5f, 0.9f,
                                      -1.0f, 1.0f, 0.9f, 0.9f, 1.0f, 1.0f, -0.9f, 0.5f};
    glVertexAttribPointer(0, 2, GL_FLOAT, GL_FALSE, 0, strip);
    glEnableVertexAttribArray(0);
    glUseProgram(tri);
    clear();
    glDrawArrays(GL_TRIANGLES_ADJACENCY, 0, 6);
    GLST_ERR("GL_TRIANGLES_ADJACENCY", GL_NO_ERROR);
    note_grid("GL_TRIANGLES_ADJACENCY");
    clear();
    glDrawArrays(GL_TRIANGLE_STRIP_ADJACENCY, 0, 8);
    GLST_ERR("GL_TRIANGLE_STRIP_ADJACENCY", GL_NO_ERROR);
    note_grid("GL_TRIANGLE_STRIP_ADJACENCY");
    static const GLushort reversed[6] = {4, 5, 0, 1, 2, 3};
    clear();
    glDrawElements(GL_TRIANGLES_ADJACENCY, 6, GL_UNSIGNED_SHORT, reversed);
    GLST_ERR("GL_TRIANGLES_ADJACENCY, elements", GL_NO_ERROR);
    note_grid("GL_TRIANGLES_ADJACENCY, elements");
    glDrawArrays(GL_LINES_ADJACENCY, 0, 4);
    GLST_ERR("lines with adjacency into a triangles adjacency shader", GL_INVALID_OPERATION);
    glDrawArrays(GL_TRIANGLES, 0, 3);
    GLST_ERR("triangles into a triangles adjacency shader", GL_INVALID_OPERATION);

    /* two lines with adjacency: bands at y -0.5 and 0.5 between x -0.9
     * and 0.9; the adjacent vertices at x -1 or 1 */
    static const GLfloat lines[16] = {-1.0f, 0.0f, -0.9f, -0.5f, 0.9f, -0.5f, 1.0f, 0.0f,
                                      1.0f, 0.0f, -0.9f, 0.5f, 0.9f, 0.5f, -1.0f, 0.0f};
    glVertexAttribPointer(0, 2, GL_FLOAT, GL_FALSE, 0, lines);
    glUseProgram(line);
    clear();
    glDrawArrays(GL_LINES_ADJACENCY, 0, 8);
    GLST_ERR("GL_LINES_ADJACENCY", GL_NO_ERROR);
    note_grid("GL_LINES_ADJACENCY");
    clear();
    glDrawArrays(GL_LINE_STRIP_ADJACENCY, 0, 6);
    GLST_ERR("GL_LINE_STRIP_ADJACENCY", GL_NO_ERROR);
    note_grid("GL_LINE_STRIP_ADJACENCY");
    glDrawArrays(GL_LINES, 0, 2);
    GLST_ERR("lines into a lines adjacency shader", GL_INVALID_OPERATION);

    /* adjacency without a geometry shader: as the driver decides */
    glVertexAttribPointer(0, 2, GL_FLOAT, GL_FALSE, 0, strip);
    GLuint plain = link_stages("no geometry stage", pos_vs, NULL, NULL, NULL,
                               "#version 320 es\nprecision mediump float;\nlayout(location = 0) out vec4 o;\n"
                               "void main() { o = vec4(1.0, 1.0, 0.0, 1.0); }\n",
                               NULL, 0);
    glUseProgram(plain);
    clear();
    glDrawArrays(GL_TRIANGLES_ADJACENCY, 0, 6);
    glst_note("GL_TRIANGLES_ADJACENCY without a geometry shader: error 0x%x", glGetError());
    note_grid("GL_TRIANGLES_ADJACENCY without a geometry shader");
    glDisableVertexAttribArray(0);
    glUseProgram(0);
    glDeleteProgram(tri);
    glDeleteProgram(line);
    glDeleteProgram(plain);
}

/* ---- tessellation ---- */

static const char *patch_vs =
    "#version 320 es\n"
    "layout(location = 0) in vec2 pos;\n"
    "layout(location = 1) in vec4 vcolor;\n"
    "out vec4 vc;\n"
    "void main() { vc = vcolor; gl_Position = vec4(pos, 0.0, 1.0); }\n";
static const char *quad_tcs =
    "#version 320 es\n"
    "layout(vertices = 4) out;\n"
    "uniform float level;\n"
    "in vec4 vc[];\n"
    "out vec4 tc[];\n"
    "patch out float shade;\n"
    "void main() {\n"
    "  gl_out[gl_InvocationID].gl_Position = gl_in[gl_InvocationID].gl_Position;\n"
    "  tc[gl_InvocationID] = vc[gl_InvocationID];\n"
    "  shade = 0.5;\n"
    "  gl_TessLevelOuter[0] = level; gl_TessLevelOuter[1] = level;\n"
    "  gl_TessLevelOuter[2] = level; gl_TessLevelOuter[3] = level;\n"
    "  gl_TessLevelInner[0] = level; gl_TessLevelInner[1] = level;\n"
    "}\n";
/* bilinear position; the colour from the tessellation coordinates, so
 * that the tessellation decides the pixels */
static const char *quad_tes =
    "#version 320 es\n"
    "layout(quads, equal_spacing, ccw) in;\n"
    "in vec4 tc[];\n"
    "patch in float shade;\n"
    "out vec4 color;\n"
    "void main() {\n"
    "  vec2 t = gl_TessCoord.xy;\n"
    "  vec4 a = mix(gl_in[0].gl_Position, gl_in[1].gl_Position, t.x);\n"
    "  vec4 b = mix(gl_in[3].gl_Position, gl_in[2].gl_Position, t.x);\n"
    "  gl_Position = mix(a, b, t.y);\n"
    "  color = vec4(t, shade, 1.0) * tc[0];\n"
    "}\n";
static const char *triangle_tcs =
    "#version 320 es\n"
    "layout(vertices = 3) out;\n"
    "in vec4 vc[];\n"
    "out vec4 tc[];\n"
    "void main() {\n"
    "  gl_out[gl_InvocationID].gl_Position = gl_in[gl_InvocationID].gl_Position;\n"
    "  tc[gl_InvocationID] = vc[gl_InvocationID];\n"
    "  gl_TessLevelOuter[0] = 3.0; gl_TessLevelOuter[1] = 2.0; gl_TessLevelOuter[2] = 5.0;\n"
    "  gl_TessLevelInner[0] = 4.0;\n"
    "}\n";
static const char *triangle_tes =
    "#version 320 es\n"
    "layout(triangles, fractional_odd_spacing, cw) in;\n"
    "in vec4 tc[];\n"
    "out vec4 color;\n"
    "void main() {\n"
    "  vec3 t = gl_TessCoord;\n"
    "  gl_Position = t.x * gl_in[0].gl_Position + t.y * gl_in[1].gl_Position + t.z * gl_in[2].gl_Position;\n"
    "  color = vec4(t, 1.0) * tc[0];\n"
    "}\n";

/* 256 vertices: 0..3 the window's corners (a quad patch), white; the
 * last four the same corners, green (a patch through the restart index
 * 0xff when restart does not apply to patches) */
struct patch_vertex {
    GLfloat x, y;
    GLfloat r, g, b, a;
};
static struct patch_vertex patch_vertices[256];

static void make_patch_vertices(void)
{
    static const GLfloat corners[4][2] = {{-1, -1}, {1, -1}, {1, 1}, {-1, 1}};
    for (int i = 0; i < 256; i++) {
        struct patch_vertex *v = &patch_vertices[i];
        int corner = i < 4 ? i : (i - 252) & 3;
        v->x = i < 4 || i >= 252 ? corners[corner][0] : 0.0f;
        v->y = i < 4 || i >= 252 ? corners[corner][1] : 0.0f;
        v->r = i < 252 ? 1.0f : 0.0f;
        v->g = 1.0f;
        v->b = i < 252 ? 1.0f : 0.0f;
        v->a = 1.0f;
    }
}

static void patch_arrays(const void *base)
{
    const uint8_t *b = base;
    glVertexAttribPointer(0, 2, GL_FLOAT, GL_FALSE, sizeof(struct patch_vertex), b);
    glVertexAttribPointer(1, 4, GL_FLOAT, GL_FALSE, sizeof(struct patch_vertex), b + 8);
    glEnableVertexAttribArray(0);
    glEnableVertexAttribArray(1);
}

static void tessellated_patches(void)
{
    make_patch_vertices();
    GLuint quad = link_stages("quad patch", patch_vs, quad_tcs, quad_tes, NULL, color_fs, NULL, 0);
    GLuint tri = link_stages("triangle patch", patch_vs, triangle_tcs, triangle_tes, NULL, color_fs, NULL, 0);
    static const GLenum pnames[5] = {GL_TESS_CONTROL_OUTPUT_VERTICES, GL_TESS_GEN_MODE, GL_TESS_GEN_SPACING,
                                     GL_TESS_GEN_VERTEX_ORDER, GL_TESS_GEN_POINT_MODE};
    for (int p = 0; p < 2; p++)
        for (int i = 0; i < 5; i++) {
            GLint v = -1;
            glGetProgramiv(p ? tri : quad, pnames[i], &v);
            glst_note("%s patch program pname 0x%x = 0x%x", p ? "triangle" : "quad", pnames[i], v);
        }
    GLST_ERR("tessellation program pnames", GL_NO_ERROR);

    glUseProgram(quad);
    glUniform1f(glGetUniformLocation(quad, "level"), 4.0f);
    glPatchParameteri(GL_PATCH_VERTICES, 4);
    glst_get_int(GL_PATCH_VERTICES);
    /* client arrays */
    glBindBuffer(GL_ARRAY_BUFFER, 0);
    patch_arrays(patch_vertices);
    clear();
    glDrawArrays(GL_PATCHES, 0, 4);
    GLST_ERR("quad patch, client arrays", GL_NO_ERROR);
    note_grid("quad patch, client arrays");
    /* a count that is no multiple of the patch size: the rest is dropped */
    clear();
    glDrawArrays(GL_PATCHES, 0, 7);
    GLST_ERR("quad patch of 7 vertices", GL_NO_ERROR);
    note_grid("quad patch of 7 vertices");
    static const GLubyte rotated[4] = {1, 2, 3, 0};
    clear();
    glDrawElements(GL_PATCHES, 4, GL_UNSIGNED_BYTE, rotated);
    GLST_ERR("quad patch, client indices", GL_NO_ERROR);
    note_grid("quad patch, client indices");
    /* the restart index of patches: vertices 252..255 hold the corners */
    static const GLubyte through_restart[8] = {0, 1, 2, 3, 252, 253, 254, 255};
    glEnable(GL_PRIMITIVE_RESTART_FIXED_INDEX);
    clear();
    glDrawElements(GL_PATCHES, 8, GL_UNSIGNED_BYTE, through_restart);
    GLST_ERR("quad patches through the restart index, client arrays", GL_NO_ERROR);
    note_grid("quad patches through the restart index, client arrays");

    /* buffers */
    GLuint buffers[3];
    glGenBuffers(3, buffers);
    glBindBuffer(GL_ARRAY_BUFFER, buffers[0]);
    glBufferData(GL_ARRAY_BUFFER, sizeof(patch_vertices), patch_vertices, GL_STATIC_DRAW);
    patch_arrays(NULL);
    glBindBuffer(GL_ELEMENT_ARRAY_BUFFER, buffers[1]);
    glBufferData(GL_ELEMENT_ARRAY_BUFFER, sizeof(through_restart), through_restart, GL_STATIC_DRAW);
    clear();
    glDrawElements(GL_PATCHES, 8, GL_UNSIGNED_BYTE, NULL);
    GLST_ERR("quad patches through the restart index, buffers", GL_NO_ERROR);
    note_grid("quad patches through the restart index, buffers");
    glDisable(GL_PRIMITIVE_RESTART_FIXED_INDEX);
    clear();
    glDrawElementsBaseVertex(GL_PATCHES, 4, GL_UNSIGNED_BYTE, (const void *)4, -252);
    GLST_ERR("quad patch, base vertex -252", GL_NO_ERROR);
    note_grid("quad patch, base vertex -252");
    clear();
    glDrawRangeElements(GL_PATCHES, 252, 255, 4, GL_UNSIGNED_BYTE, (const void *)4);
    GLST_ERR("quad patch, range", GL_NO_ERROR);
    note_grid("quad patch, range");
    /* indirect, from vertex 252 on, two instances */
    static const GLuint arrays_command[4] = {4, 2, 252, 0};
    GLuint vao;
    glGenVertexArrays(1, &vao);
    glBindVertexArray(vao);
    patch_arrays(NULL);
    glBindBuffer(GL_DRAW_INDIRECT_BUFFER, buffers[2]);
    glBufferData(GL_DRAW_INDIRECT_BUFFER, sizeof(arrays_command), arrays_command, GL_STATIC_DRAW);
    glUniform1f(glGetUniformLocation(quad, "level"), 2.0f);
    clear();
    glDrawArraysIndirect(GL_PATCHES, NULL);
    GLST_ERR("quad patch, indirect", GL_NO_ERROR);
    note_grid("quad patch, indirect");
    glBindVertexArray(0);
    glDeleteVertexArrays(1, &vao);
    glBindBuffer(GL_DRAW_INDIRECT_BUFFER, 0);

    /* every other mode is refused with a tessellation stage, and patches
     * of a size other than the control shader's are drawn as it says */
    glDrawArrays(GL_TRIANGLES, 0, 3);
    GLST_ERR("triangles into a tessellation program", GL_INVALID_OPERATION);
    glPatchParameteri(GL_PATCH_VERTICES, 3);
    clear();
    glDrawArrays(GL_PATCHES, 0, 3);
    glst_note("a patch of 3 vertices into vertices = 4: error 0x%x", glGetError());
    note_grid("a patch of 3 vertices into vertices = 4");

    /* a triangle patch */
    glUseProgram(tri);
    clear();
    glDrawArrays(GL_PATCHES, 0, 3);
    GLST_ERR("triangle patch", GL_NO_ERROR);
    note_grid("triangle patch");

    /* patches without a tessellation stage */
    GLuint plain = link_stages("no tessellation stage", patch_vs, NULL, NULL, NULL,
                               "#version 320 es\nprecision mediump float;\nin vec4 vc;\n"
                               "layout(location = 0) out vec4 o;\nvoid main() { o = vc; }\n",
                               NULL, 0);
    glUseProgram(plain);
    glDrawArrays(GL_PATCHES, 0, 3);
    GLST_ERR("patches without a tessellation stage", GL_INVALID_OPERATION);
    glUseProgram(0);
    glDrawArrays(GL_PATCHES, 0, 3);
    GLST_ERR("patches without a program", GL_INVALID_OPERATION);

    glPatchParameteri(GL_PATCH_VERTICES, 3);
    glDisableVertexAttribArray(0);
    glDisableVertexAttribArray(1);
    glBindBuffer(GL_ARRAY_BUFFER, 0);
    glBindBuffer(GL_ELEMENT_ARRAY_BUFFER, 0);
    glDeleteBuffers(3, buffers);
    glDeleteProgram(quad);
    glDeleteProgram(tri);
    glDeleteProgram(plain);
}

/* ---- transform feedback through a geometry and a tessellation stage ---- */

/* each point becomes three, numbered */
static const char *capture_gs =
    "#version 320 es\n"
    "layout(points) in;\n"
    "layout(points, max_vertices = 3) out;\n"
    "out float value;\n"
    "void main() {\n"
    "  for (int i = 0; i < 3; i++) {\n"
    "    value = gl_in[0].gl_Position.x * 10.0 + float(i);\n"
    "    gl_Position = gl_in[0].gl_Position;\n"
    "    EmitVertex();\n"
    "    EndPrimitive();\n"
    "  }\n"
    "}\n";
static const char *capture_fs =
    "#version 320 es\n"
    "precision mediump float;\n"
    "layout(location = 0) out vec4 o;\n"
    "void main() { o = vec4(1.0); }\n";
/* tessellated isolines in point mode: the points captured */
static const char *capture_tcs =
    "#version 320 es\n"
    "layout(vertices = 2) out;\n"
    "void main() {\n"
    "  gl_out[gl_InvocationID].gl_Position = gl_in[gl_InvocationID].gl_Position;\n"
    "  gl_TessLevelOuter[0] = 1.0; gl_TessLevelOuter[1] = 3.0;\n"
    "}\n";
static const char *capture_tes =
    "#version 320 es\n"
    "layout(isolines, equal_spacing, point_mode) in;\n"
    "out float value;\n"
    "void main() {\n"
    "  value = mix(gl_in[0].gl_Position.x, gl_in[1].gl_Position.x, gl_TessCoord.x);\n"
    "  gl_Position = vec4(value, 0.0, 0.0, 1.0);\n"
    "}\n";

static void note_captured(const char *what, GLuint buffer, int n)
{
    glBindBuffer(GL_TRANSFORM_FEEDBACK_BUFFER, buffer);
    const GLfloat *v = glMapBufferRange(GL_TRANSFORM_FEEDBACK_BUFFER, 0, (GLsizeiptr)n * 4, GL_MAP_READ_BIT);
    if (!v) {
        glst_note("%s: not mapped, error 0x%x", what, glGetError());
        return;
    }
    /* captured in primitive order (ES 3.2 12.1); values past what was
     * written keep the -1 the buffer was filled with */
    for (int i = 0; i < n; i++)
        glst_note("%s value %d = %g", what, i, v[i]);
    glUnmapBuffer(GL_TRANSFORM_FEEDBACK_BUFFER);
}

static void capture(const char *what, GLuint program, GLenum tf_mode, GLenum draw_mode, int count, GLuint buffer,
                    int room)
{
    static const GLfloat xs[8] = {0.1f, 0.0f, 0.2f, 0.0f, 0.3f, 0.0f, 0.4f, 0.0f};
    GLuint queries[2];
    glGenQueries(2, queries);
    glBindBuffer(GL_TRANSFORM_FEEDBACK_BUFFER, buffer);
    GLfloat minus[16];
    for (int i = 0; i < 16; i++)
        minus[i] = -1.0f;
    glBufferData(GL_TRANSFORM_FEEDBACK_BUFFER, (GLsizeiptr)room * 4, minus, GL_STATIC_READ);
    glBindBufferBase(GL_TRANSFORM_FEEDBACK_BUFFER, 0, buffer);
    glUseProgram(program);
    glVertexAttribPointer(0, 2, GL_FLOAT, GL_FALSE, 0, xs);
    glEnableVertexAttribArray(0);
    glEnable(GL_RASTERIZER_DISCARD);
    glBeginQuery(GL_TRANSFORM_FEEDBACK_PRIMITIVES_WRITTEN, queries[0]);
    glBeginQuery(GL_PRIMITIVES_GENERATED, queries[1]);
    glBeginTransformFeedback(tf_mode);
    char label[160];
    snprintf(label, sizeof(label), "%s: begin", what);
    GLST_ERR(label, GL_NO_ERROR);
    glDrawArrays(draw_mode, 0, count);
    glst_note("%s: draw error 0x%x", what, glGetError());
    glEndTransformFeedback();
    glEndQuery(GL_PRIMITIVES_GENERATED);
    glEndQuery(GL_TRANSFORM_FEEDBACK_PRIMITIVES_WRITTEN);
    glDisable(GL_RASTERIZER_DISCARD);
    GLuint written = 12345, generated = 12345;
    glGetQueryObjectuiv(queries[0], GL_QUERY_RESULT, &written);
    glGetQueryObjectuiv(queries[1], GL_QUERY_RESULT, &generated);
    glst_note("%s: primitives written %u, generated %u", what, written, generated);
    glDisableVertexAttribArray(0);
    glDeleteQueries(2, queries);
    note_captured(what, buffer, room);
}

static void transform_feedback(void)
{
    static const char *const varyings[1] = {"value"};
    GLuint through_gs = link_stages("capture through a geometry shader", pos_vs, NULL, NULL, capture_gs, capture_fs,
                                    varyings, 1);
    GLuint through_tes = link_stages("capture through tessellation", pos_vs, capture_tcs, capture_tes, NULL,
                                     capture_fs, varyings, 1);
    GLuint buffer;
    glGenBuffers(1, &buffer);
    /* two points, three each: six values */
    capture("geometry, room for 6", through_gs, GL_POINTS, GL_POINTS, 2, buffer, 6);
    /* room for 4 of the 6: the rest is not written, without an error
     * (ES 3.2: no "not enough space" check with a geometry stage) */
    capture("geometry, room for 4", through_gs, GL_POINTS, GL_POINTS, 2, buffer, 4);
    /* the geometry shader's points against a triangles capture */
    capture("geometry, triangles capture", through_gs, GL_TRIANGLES, GL_POINTS, 2, buffer, 6);
    /* the draw mode is the geometry shader's input, not the capture's */
    capture("geometry, lines drawn", through_gs, GL_POINTS, GL_LINES, 2, buffer, 6);
    /* isolines in point mode: 4 points a patch of 2 vertices */
    glPatchParameteri(GL_PATCH_VERTICES, 2);
    capture("tessellation, room for 8", through_tes, GL_POINTS, GL_PATCHES, 4, buffer, 8);
    capture("tessellation, room for 5", through_tes, GL_POINTS, GL_PATCHES, 4, buffer, 5);
    capture("tessellation, lines capture", through_tes, GL_LINES, GL_PATCHES, 4, buffer, 8);
    glPatchParameteri(GL_PATCH_VERTICES, 3);
    glUseProgram(0);
    glBindBuffer(GL_TRANSFORM_FEEDBACK_BUFFER, 0);
    glDeleteBuffers(1, &buffer);
    glDeleteProgram(through_gs);
    glDeleteProgram(through_tes);
}

/* ---- a separable pipeline of the stages ---- */

static void pipeline(void)
{
    static const char *vs =
        "#version 320 es\n"
        "layout(location = 0) in vec2 pos;\n"
        "out gl_PerVertex { vec4 gl_Position; };\n"
        "void main() { gl_Position = vec4(pos, 0.0, 1.0); }\n";
    static const char *gs =
        "#version 320 es\n"
        "layout(points) in;\n"
        "layout(triangle_strip, max_vertices = 4) out;\n"
        "in gl_PerVertex { vec4 gl_Position; } gl_in[];\n"
        "out gl_PerVertex { vec4 gl_Position; };\n"
        "layout(std140, binding = 1) uniform Size { float half_size; };\n"
        "void main() {\n"
        "  for (int i = 0; i < 4; i++) {\n"
        "    gl_Position = gl_in[0].gl_Position + vec4((vec2(float(i & 1), float(i >> 1)) * 2.0 - 1.0) * half_size,\n"
        "                                              0.0, 0.0);\n"
        "    EmitVertex();\n"
        "  }\n"
        "}\n";
    static const char *fs =
        "#version 320 es\n"
        "precision mediump float;\n"
        "uniform vec4 tint;\n"
        "layout(location = 0) out vec4 o;\n"
        "void main() { o = tint; }\n";
    /* a geometry stage with an output of its own, read by the fragment stage */
    static const char *gs_color =
        "#version 320 es\n"
        "layout(points) in;\n"
        "layout(points, max_vertices = 1) out;\n"
        "layout(location = 0) out vec4 color;\n"
        "void main() { gl_Position = gl_in[0].gl_Position; color = vec4(1.0); EmitVertex(); }\n";
    static const char *fs_color =
        "#version 320 es\n"
        "precision mediump float;\n"
        "layout(location = 0) in vec4 color;\n"
        "layout(location = 0) out vec4 o;\n"
        "void main() { o = color; }\n";
    GLuint programs[5];
    const char *sources[5] = {vs, gs, fs, gs_color, fs_color};
    static const GLenum types[5] = {GL_VERTEX_SHADER, GL_GEOMETRY_SHADER, GL_FRAGMENT_SHADER, GL_GEOMETRY_SHADER,
                                    GL_FRAGMENT_SHADER};
    for (int i = 0; i < 5; i++) {
        programs[i] = glCreateShaderProgramv(types[i], 1, &sources[i]);
        GLint linked = 0;
        glGetProgramiv(programs[i], GL_LINK_STATUS, &linked);
        glst_note("separable program %d of 0x%x: linked %d", i, types[i], linked);
        GLST_CHECK(linked);
    }
    glProgramUniform4f(programs[2], glGetUniformLocation(programs[2], "tint"), 0.0f, 1.0f, 0.5f, 1.0f);
    GLuint pipe;
    glGenProgramPipelines(1, &pipe);
    glBindProgramPipeline(pipe);
    glUseProgramStages(pipe, GL_VERTEX_SHADER_BIT, programs[0]);
    glUseProgramStages(pipe, GL_GEOMETRY_SHADER_BIT, programs[1]);
    glUseProgramStages(pipe, GL_FRAGMENT_SHADER_BIT, programs[2]);
    GLST_ERR("pipeline stages", GL_NO_ERROR);
    /* the geometry stage's uniform block */
    static const GLfloat size_block[4] = {0.25f, 0, 0, 0};
    GLuint ubo;
    glGenBuffers(1, &ubo);
    glBindBuffer(GL_UNIFORM_BUFFER, ubo);
    glBufferData(GL_UNIFORM_BUFFER, sizeof(size_block), size_block, GL_STATIC_DRAW);
    glBindBufferBase(GL_UNIFORM_BUFFER, 1, ubo);
    glVertexAttribPointer(0, 2, GL_FLOAT, GL_FALSE, 0, quarter_points);
    glEnableVertexAttribArray(0);
    glValidateProgramPipeline(pipe);
    GLint valid = -1;
    glGetProgramPipelineiv(pipe, GL_VALIDATE_STATUS, &valid);
    glst_note("pipeline valid %d", valid);
    clear();
    glDrawArrays(GL_POINTS, 0, 4);
    GLST_ERR("pipeline with a geometry stage", GL_NO_ERROR);
    note_grid("pipeline with a geometry stage");
    /* without the geometry stage: points drawn as points */
    glUseProgramStages(pipe, GL_GEOMETRY_SHADER_BIT, 0);
    clear();
    glDrawArrays(GL_POINTS, 0, 4);
    glst_note("pipeline without its geometry stage: error 0x%x", glGetError());
    note_grid("pipeline without its geometry stage");
    /* stages whose interfaces the driver judges */
    glUseProgramStages(pipe, GL_GEOMETRY_SHADER_BIT, programs[3]);
    glUseProgramStages(pipe, GL_FRAGMENT_SHADER_BIT, programs[4]);
    glValidateProgramPipeline(pipe);
    glGetProgramPipelineiv(pipe, GL_VALIDATE_STATUS, &valid);
    glst_note("pipeline of a geometry output valid %d", valid);
    clear();
    glDrawArrays(GL_POINTS, 0, 4);
    glst_note("pipeline of a geometry output: error 0x%x", glGetError());
    note_grid("pipeline of a geometry output");
    glDisableVertexAttribArray(0);
    glBindProgramPipeline(0);
    glDeleteProgramPipelines(1, &pipe);
    glDeleteBuffers(1, &ubo);
    for (int i = 0; i < 5; i++)
        glDeleteProgram(programs[i]);
}

int main(void)
{
    glst_egl e;
    glst_observe_open("es32_geomtess_draw");
    if (!glst_egl_setup_version(&e, W, H, 3)) {
        fprintf(stderr, "glst_geomtess_draw: no ES 3 context\n");
        return 1;
    }
    const char *version = (const char *)glGetString(GL_VERSION);
    /* a build offering less than ES 3.2 skips natively too, so that both
     * runs observe the same */
    bool built_for_32 = GLSTREAM_ES_VERSION_MAJOR * 10 + GLSTREAM_ES_VERSION_MINOR >= 32;
    if (!built_for_32 || !version || strncmp(version, "OpenGL ES 3.2", 13) != 0) {
        printf("glst_geomtess_draw: skipped, not an ES 3.2 context (%s)\n", version ? version : "none");
        glst_egl_teardown(&e);
        glst_observe_close();
        return glst_finish();
    }
    points_to_quads();
    invocations();
    adjacency();
    tessellated_patches();
    transform_feedback();
    pipeline();
    GLST_ERR("the end", GL_NO_ERROR);
    glst_egl_teardown(&e);
    glst_observe_close();
    return glst_finish();
}
