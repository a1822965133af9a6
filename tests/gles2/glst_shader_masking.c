/* The GLSL compiler sees what GL_EXTENSIONS and GL_VERSION promise, no
 * more: an extension the context does not advertise cannot be required,
 * warns when enabled, and its macro is not defined; an advertised one
 * works; #version 300 es fails in an OpenGL ES 2.0 context; and
 * `#extension all : warn` enables the advertised ones only; and
 * glGetShaderSource, the source length and the info log speak of the
 * source the application gave. Natively (Mesa, ES 3.2, every extension
 * advertised) the same checks hold the other way round; through glstream
 * (ES 2.0, a few extensions) the hidden branch must be taken. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "glst_test_util.h"

#include <GLES2/gl2ext.h>

/* Extensions whose GLSL side Mesa offers to ES 1.00 shaders. */
static const char *const candidates[] = {
    "GL_EXT_draw_buffers",
    "GL_EXT_draw_instanced",
    "GL_EXT_separate_shader_objects",
    "GL_OES_EGL_image_external",
    "GL_OES_texture_3D",
};

static const char *const quad_vs =
    "attribute vec4 a_pos;\n"
    "void main() { gl_Position = a_pos; }\n";

/* Compiles src; returns the compile status and fills log (may be NULL). */
static GLint compile_status(GLuint sh, const char *src, char *log, size_t log_size)
{
    glShaderSource(sh, 1, &src, NULL);
    glCompileShader(sh);
    GLint ok = -1;
    glGetShaderiv(sh, GL_COMPILE_STATUS, &ok);
    if (log) {
        log[0] = 0;
        glGetShaderInfoLog(sh, (GLsizei)log_size, NULL, log);
    }
    return ok;
}

static bool is_es2_context(void)
{
    const char *version = (const char *)glGetString(GL_VERSION);
    return version && strncmp(version, "OpenGL ES 2.", 12) == 0;
}

/* The info log length agrees with the log, and the log names the
 * extension as written. */
static void check_log(GLuint sh, const char *name)
{
    GLint len = -1;
    glGetShaderiv(sh, GL_INFO_LOG_LENGTH, &len);
    char *log = calloc(1, (size_t)(len > 0 ? len : 0) + 64);
    GLsizei got = -1;
    glGetShaderInfoLog(sh, len + 64, &got, log);
    GLST_CHECK(len > 1);
    GLST_CHECK_INT(got, len - 1);
    GLST_CHECK_INT((GLint)strlen(log), len - 1);
    if (!strstr(log, name) || strstr(log, "GLSTREAM"))
        glst_fail_msg(__FILE__, __LINE__, "log of %s: %s", name, log);
    else
        GLST_CHECK(true);
    free(log);
}

static int test_extension(const char *name, bool advertised)
{
    char src[512], log[2048];
    GLuint sh = glCreateShader(GL_FRAGMENT_SHADER);

    snprintf(src, sizeof(src), "#extension %s : require\nprecision mediump float;\n"
             "void main() { gl_FragColor = vec4(1.0); }\n", name);
    GLint ok = compile_status(sh, src, log, sizeof(log));
    if (ok != (advertised ? GL_TRUE : GL_FALSE))
        glst_fail_msg(__FILE__, __LINE__, "%s (advertised %d) : require gives %d: %s", name, advertised, ok, log);
    else
        GLST_CHECK(true);
    if (!advertised) {
        check_log(sh, name);
        /* what the application reads back is what it gave */
        GLint len = 0;
        glGetShaderiv(sh, GL_SHADER_SOURCE_LENGTH, &len);
        GLST_CHECK_INT(len, (GLint)strlen(src) + 1);
        char back[512];
        GLsizei got = -1;
        memset(back, 'Z', sizeof(back));
        glGetShaderSource(sh, sizeof(back), &got, back);
        GLST_CHECK_INT(got, (GLsizei)strlen(src));
        GLST_CHECK(strcmp(back, src) == 0);
        memset(back, 'Z', sizeof(back));
        glGetShaderSource(sh, 22, &got, back);
        GLST_CHECK_INT(got, 21);
        GLST_CHECK(memcmp(back, src, 21) == 0 && back[21] == 0 && back[22] == 'Z');
    }

    /* enable: compiles either way, with a warning when unknown */
    snprintf(src, sizeof(src), "#extension %s : enable\nprecision mediump float;\n"
             "void main() { gl_FragColor = vec4(1.0); }\n", name);
    GLST_CHECK_INT(compile_status(sh, src, log, sizeof(log)), GL_TRUE);
    if (!advertised)
        check_log(sh, name);

    /* the macro is defined exactly when advertised */
    snprintf(src, sizeof(src), "precision mediump float;\n"
             "#if defined(%s) && %s == 1\nconst float defined_ = 1.0;\n"
             "#else\nconst float defined_ = 0.0;\n#endif\n"
             "#ifdef %s\n#if !defined %s\n#error inconsistent\n#endif\n#endif\n"
             "void main() { gl_FragColor = vec4(defined_, 1.0, 0.0, 1.0); }\n", name, name, name, name);
    GLST_CHECK_INT(compile_status(sh, src, log, sizeof(log)), GL_TRUE);
    GLuint vs = glst_compile(GL_VERTEX_SHADER, quad_vs);
    GLuint prog = glCreateProgram();
    glAttachShader(prog, vs);
    glAttachShader(prog, sh);
    glBindAttribLocation(prog, 0, "a_pos");
    glLinkProgram(prog);
    glUseProgram(prog);
    static const GLfloat quad[] = {-1, -1, 1, -1, -1, 1, 1, 1};
    glVertexAttribPointer(0, 2, GL_FLOAT, GL_FALSE, 0, quad);
    glEnableVertexAttribArray(0);
    glClearColor(0, 0, 1, 1);
    glClear(GL_COLOR_BUFFER_BIT);
    glDrawArrays(GL_TRIANGLE_STRIP, 0, 4);
    GLubyte px[4] = {0};
    glReadPixels(4, 4, 1, 1, GL_RGBA, GL_UNSIGNED_BYTE, px);
    if (px[0] != (advertised ? 255 : 0) || px[1] != 255 || px[2] != 0)
        glst_fail_msg(__FILE__, __LINE__, "%s (advertised %d): pixel %d %d %d", name, advertised, px[0], px[1], px[2]);
    else
        GLST_CHECK(true);
    glUseProgram(0);
    glDeleteProgram(prog);
    glDeleteShader(vs);
    glDeleteShader(sh);
    GLST_CHECK_GL(GL_NO_ERROR);
    return advertised ? 0 : 1;
}

static void test_advertised_derivatives(void)
{
    if (!glst_has_gl_ext("GL_OES_standard_derivatives")) {
        GLST_CHECK(!is_es2_context()); /* glstream offers it on llvmpipe */
        return;
    }
    GLuint sh = glCreateShader(GL_FRAGMENT_SHADER);
    char log[1024];
    const char *src =
        "#extension GL_OES_standard_derivatives : require\n"
        "precision mediump float;\n"
        "#ifndef GL_OES_standard_derivatives\n#error not defined\n#endif\n"
        "varying vec2 v;\n"
        "void main() { gl_FragColor = vec4(dFdx(v.x), fwidth(v.y), 0.0, 1.0); }\n";
    GLint ok = compile_status(sh, src, log, sizeof(log));
    if (ok != GL_TRUE)
        glst_fail_msg(__FILE__, __LINE__, "GL_OES_standard_derivatives: %s", log);
    else
        GLST_CHECK(true);
    glDeleteShader(sh);
}

/* `#extension all : warn` enables what the context has, no more, and
 * the lines after it keep their numbers. */
static void test_all_warn(void)
{
    char log[1024];
    GLuint sh = glCreateShader(GL_FRAGMENT_SHADER);
    bool external = glst_has_gl_ext("GL_OES_EGL_image_external");
    const char *sampler = "#extension all : warn\nprecision mediump float;\nuniform samplerExternalOES s;\n"
                          "void main() { gl_FragColor = texture2D(s, vec2(0.0)); }\n";
    GLint ok = compile_status(sh, sampler, log, sizeof(log));
    if (ok != (external ? GL_TRUE : GL_FALSE))
        glst_fail_msg(__FILE__, __LINE__, "all : warn, samplerExternalOES (advertised %d): %d %s", external, ok, log);
    else
        GLST_CHECK(true);
    if (glst_has_gl_ext("GL_OES_standard_derivatives")) {
        const char *derivatives = "#extension all : warn\nprecision mediump float;\nvarying vec2 v;\n"
                                  "void main() { gl_FragColor = vec4(dFdx(v.x)); }\n";
        GLST_CHECK_INT(compile_status(sh, derivatives, log, sizeof(log)), GL_TRUE);
    }
    const char *error_on_4 = "#extension all : warn\nprecision mediump float;\n\n"
                             "void main() { gl_FragColor = vec4(1.0) + undeclared_x; }\n";
    GLST_CHECK_INT(compile_status(sh, error_on_4, log, sizeof(log)), GL_FALSE);
    if (!strstr(log, "0:4(") || strstr(log, "0:1(") || strstr(log, "0:5("))
        glst_fail_msg(__FILE__, __LINE__, "error line after all : warn: %s", log);
    else
        GLST_CHECK(true);
    glDeleteShader(sh);
    GLST_CHECK_GL(GL_NO_ERROR);
}

static void test_versions(void)
{
    char log[1024];
    GLuint sh = glCreateShader(GL_FRAGMENT_SHADER);
    const char *v100 = "#version 100\nprecision mediump float;\nvoid main() { gl_FragColor = vec4(1.0); }\n";
    GLST_CHECK_INT(compile_status(sh, v100, NULL, 0), GL_TRUE);
    const char *v300 = "#version 300 es\nprecision mediump float;\nout vec4 color;\n"
                       "void main() { color = vec4(1.0); }\n";
    GLint ok = compile_status(sh, v300, log, sizeof(log));
    if (is_es2_context()) {
        GLST_CHECK_INT(ok, GL_FALSE);
        if (!strstr(log, "not supported"))
            glst_fail_msg(__FILE__, __LINE__, "#version 300 es log: %s", log);
        else
            GLST_CHECK(true);
        GLint len = 0;
        glGetShaderiv(sh, GL_SHADER_SOURCE_LENGTH, &len);
        GLST_CHECK_INT(len, (GLint)strlen(v300) + 1);
        char back[256];
        glGetShaderSource(sh, sizeof(back), NULL, back);
        GLST_CHECK(strcmp(back, v300) == 0);
        /* a program with it does not link */
        GLuint vs = glst_compile(GL_VERTEX_SHADER, quad_vs);
        GLuint prog = glCreateProgram();
        glAttachShader(prog, vs);
        glAttachShader(prog, sh);
        glLinkProgram(prog);
        GLint linked = -1;
        glGetProgramiv(prog, GL_LINK_STATUS, &linked);
        GLST_CHECK_INT(linked, GL_FALSE);
        glDeleteProgram(prog);
        glDeleteShader(vs);
    } else {
        GLST_CHECK_INT(ok, GL_TRUE);
    }
    /* a new source replaces the kept one */
    GLST_CHECK_INT(compile_status(sh, v100, NULL, 0), GL_TRUE);
    GLint len = 0;
    glGetShaderiv(sh, GL_SHADER_SOURCE_LENGTH, &len);
    GLST_CHECK_INT(len, (GLint)strlen(v100) + 1);
    glDeleteShader(sh);
    GLST_CHECK_GL(GL_NO_ERROR);
}

/* glCreateShaderProgramvEXT's source is masked too: the program links
 * exactly when the extension it requires is advertised. */
static void test_create_shader_program(const char *name, bool advertised)
{
    PFNGLCREATESHADERPROGRAMVEXTPROC create = (PFNGLCREATESHADERPROGRAMVEXTPROC)eglGetProcAddress(
        "glCreateShaderProgramvEXT");
    if (!glst_has_gl_ext("GL_EXT_separate_shader_objects") || !create)
        return;
    char src[512];
    snprintf(src, sizeof(src), "#extension %s : require\nprecision mediump float;\n"
             "void main() { gl_FragColor = vec4(1.0); }\n", name);
    const GLchar *strings[] = {src};
    GLuint prog = create(GL_FRAGMENT_SHADER, 1, strings);
    GLint linked = -1;
    glGetProgramiv(prog, GL_LINK_STATUS, &linked);
    if (linked != (advertised ? GL_TRUE : GL_FALSE))
        glst_fail_msg(__FILE__, __LINE__, "glCreateShaderProgramvEXT requiring %s (advertised %d): linked %d", name,
                      advertised, linked);
    else
        GLST_CHECK(true);
    if (!advertised) {
        /* the compile log in the program's log names the extension as
         * written, and its length agrees */
        GLint len = -1;
        glGetProgramiv(prog, GL_INFO_LOG_LENGTH, &len);
        char *log = calloc(1, (size_t)(len > 0 ? len : 0) + 64);
        GLsizei got = -1;
        glGetProgramInfoLog(prog, len + 64, &got, log);
        GLST_CHECK(len > 1);
        GLST_CHECK_INT(got, len - 1);
        GLST_CHECK_INT((GLint)strlen(log), len - 1);
        if (!strstr(log, name) || strstr(log, "GLSTREAM"))
            glst_fail_msg(__FILE__, __LINE__, "program log of %s: %s", name, log);
        else
            GLST_CHECK(true);
        free(log);
    }
    glDeleteProgram(prog);
    GLST_CHECK_GL(GL_NO_ERROR);
}

int main(void)
{
    glst_egl egl;
    if (!glst_egl_setup(&egl, 16, 16)) {
        GLST_CHECK(!"EGL setup");
        return glst_finish();
    }
    int hidden = 0;
    for (size_t i = 0; i < sizeof(candidates) / sizeof(*candidates); i++) {
        hidden += test_extension(candidates[i], glst_has_gl_ext(candidates[i]));
        test_create_shader_program(candidates[i], glst_has_gl_ext(candidates[i]));
    }
    /* an ES 2.0 context on Mesa hides some of them: the masking ran */
    if (is_es2_context())
        GLST_CHECK(hidden > 0);
    test_advertised_derivatives();
    test_all_warn();
    test_versions();
    glst_egl_teardown(&egl);
    return glst_finish();
}
