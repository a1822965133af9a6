/* Obtains all 142 OpenGL ES 2.0 entry points (GL_ES_VERSION_2_0 feature of
 * the Khronos gl.xml registry) through eglGetProcAddress and calls every one
 * of them through the returned pointer with a checked result. */
#include "glst_test_util.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define GLST_GLES2_FUNCS \
    X(glActiveTexture, PFNGLACTIVETEXTUREPROC) \
    X(glAttachShader, PFNGLATTACHSHADERPROC) \
    X(glBindAttribLocation, PFNGLBINDATTRIBLOCATIONPROC) \
    X(glBindBuffer, PFNGLBINDBUFFERPROC) \
    X(glBindFramebuffer, PFNGLBINDFRAMEBUFFERPROC) \
    X(glBindRenderbuffer, PFNGLBINDRENDERBUFFERPROC) \
    X(glBindTexture, PFNGLBINDTEXTUREPROC) \
    X(glBlendColor, PFNGLBLENDCOLORPROC) \
    X(glBlendEquation, PFNGLBLENDEQUATIONPROC) \
    X(glBlendEquationSeparate, PFNGLBLENDEQUATIONSEPARATEPROC) \
    X(glBlendFunc, PFNGLBLENDFUNCPROC) \
    X(glBlendFuncSeparate, PFNGLBLENDFUNCSEPARATEPROC) \
    X(glBufferData, PFNGLBUFFERDATAPROC) \
    X(glBufferSubData, PFNGLBUFFERSUBDATAPROC) \
    X(glCheckFramebufferStatus, PFNGLCHECKFRAMEBUFFERSTATUSPROC) \
    X(glClear, PFNGLCLEARPROC) \
    X(glClearColor, PFNGLCLEARCOLORPROC) \
    X(glClearDepthf, PFNGLCLEARDEPTHFPROC) \
    X(glClearStencil, PFNGLCLEARSTENCILPROC) \
    X(glColorMask, PFNGLCOLORMASKPROC) \
    X(glCompileShader, PFNGLCOMPILESHADERPROC) \
    X(glCompressedTexImage2D, PFNGLCOMPRESSEDTEXIMAGE2DPROC) \
    X(glCompressedTexSubImage2D, PFNGLCOMPRESSEDTEXSUBIMAGE2DPROC) \
    X(glCopyTexImage2D, PFNGLCOPYTEXIMAGE2DPROC) \
    X(glCopyTexSubImage2D, PFNGLCOPYTEXSUBIMAGE2DPROC) \
    X(glCreateProgram, PFNGLCREATEPROGRAMPROC) \
    X(glCreateShader, PFNGLCREATESHADERPROC) \
    X(glCullFace, PFNGLCULLFACEPROC) \
    X(glDeleteBuffers, PFNGLDELETEBUFFERSPROC) \
    X(glDeleteFramebuffers, PFNGLDELETEFRAMEBUFFERSPROC) \
    X(glDeleteProgram, PFNGLDELETEPROGRAMPROC) \
    X(glDeleteRenderbuffers, PFNGLDELETERENDERBUFFERSPROC) \
    X(glDeleteShader, PFNGLDELETESHADERPROC) \
    X(glDeleteTextures, PFNGLDELETETEXTURESPROC) \
    X(glDepthFunc, PFNGLDEPTHFUNCPROC) \
    X(glDepthMask, PFNGLDEPTHMASKPROC) \
    X(glDepthRangef, PFNGLDEPTHRANGEFPROC) \
    X(glDetachShader, PFNGLDETACHSHADERPROC) \
    X(glDisable, PFNGLDISABLEPROC) \
    X(glDisableVertexAttribArray, PFNGLDISABLEVERTEXATTRIBARRAYPROC) \
    X(glDrawArrays, PFNGLDRAWARRAYSPROC) \
    X(glDrawElements, PFNGLDRAWELEMENTSPROC) \
    X(glEnable, PFNGLENABLEPROC) \
    X(glEnableVertexAttribArray, PFNGLENABLEVERTEXATTRIBARRAYPROC) \
    X(glFinish, PFNGLFINISHPROC) \
    X(glFlush, PFNGLFLUSHPROC) \
    X(glFramebufferRenderbuffer, PFNGLFRAMEBUFFERRENDERBUFFERPROC) \
    X(glFramebufferTexture2D, PFNGLFRAMEBUFFERTEXTURE2DPROC) \
    X(glFrontFace, PFNGLFRONTFACEPROC) \
    X(glGenBuffers, PFNGLGENBUFFERSPROC) \
    X(glGenerateMipmap, PFNGLGENERATEMIPMAPPROC) \
    X(glGenFramebuffers, PFNGLGENFRAMEBUFFERSPROC) \
    X(glGenRenderbuffers, PFNGLGENRENDERBUFFERSPROC) \
    X(glGenTextures, PFNGLGENTEXTURESPROC) \
    X(glGetActiveAttrib, PFNGLGETACTIVEATTRIBPROC) \
    X(glGetActiveUniform, PFNGLGETACTIVEUNIFORMPROC) \
    X(glGetAttachedShaders, PFNGLGETATTACHEDSHADERSPROC) \
    X(glGetAttribLocation, PFNGLGETATTRIBLOCATIONPROC) \
    X(glGetBooleanv, PFNGLGETBOOLEANVPROC) \
    X(glGetBufferParameteriv, PFNGLGETBUFFERPARAMETERIVPROC) \
    X(glGetError, PFNGLGETERRORPROC) \
    X(glGetFloatv, PFNGLGETFLOATVPROC) \
    X(glGetFramebufferAttachmentParameteriv, PFNGLGETFRAMEBUFFERATTACHMENTPARAMETERIVPROC) \
    X(glGetIntegerv, PFNGLGETINTEGERVPROC) \
    X(glGetProgramiv, PFNGLGETPROGRAMIVPROC) \
    X(glGetProgramInfoLog, PFNGLGETPROGRAMINFOLOGPROC) \
    X(glGetRenderbufferParameteriv, PFNGLGETRENDERBUFFERPARAMETERIVPROC) \
    X(glGetShaderiv, PFNGLGETSHADERIVPROC) \
    X(glGetShaderInfoLog, PFNGLGETSHADERINFOLOGPROC) \
    X(glGetShaderPrecisionFormat, PFNGLGETSHADERPRECISIONFORMATPROC) \
    X(glGetShaderSource, PFNGLGETSHADERSOURCEPROC) \
    X(glGetString, PFNGLGETSTRINGPROC) \
    X(glGetTexParameterfv, PFNGLGETTEXPARAMETERFVPROC) \
    X(glGetTexParameteriv, PFNGLGETTEXPARAMETERIVPROC) \
    X(glGetUniformfv, PFNGLGETUNIFORMFVPROC) \
    X(glGetUniformiv, PFNGLGETUNIFORMIVPROC) \
    X(glGetUniformLocation, PFNGLGETUNIFORMLOCATIONPROC) \
    X(glGetVertexAttribfv, PFNGLGETVERTEXATTRIBFVPROC) \
    X(glGetVertexAttribiv, PFNGLGETVERTEXATTRIBIVPROC) \
    X(glGetVertexAttribPointerv, PFNGLGETVERTEXATTRIBPOINTERVPROC) \
    X(glHint, PFNGLHINTPROC) \
    X(glIsBuffer, PFNGLISBUFFERPROC) \
    X(glIsEnabled, PFNGLISENABLEDPROC) \
    X(glIsFramebuffer, PFNGLISFRAMEBUFFERPROC) \
    X(glIsProgram, PFNGLISPROGRAMPROC) \
    X(glIsRenderbuffer, PFNGLISRENDERBUFFERPROC) \
    X(glIsShader, PFNGLISSHADERPROC) \
    X(glIsTexture, PFNGLISTEXTUREPROC) \
    X(glLineWidth, PFNGLLINEWIDTHPROC) \
    X(glLinkProgram, PFNGLLINKPROGRAMPROC) \
    X(glPixelStorei, PFNGLPIXELSTOREIPROC) \
    X(glPolygonOffset, PFNGLPOLYGONOFFSETPROC) \
    X(glReadPixels, PFNGLREADPIXELSPROC) \
    X(glReleaseShaderCompiler, PFNGLRELEASESHADERCOMPILERPROC) \
    X(glRenderbufferStorage, PFNGLRENDERBUFFERSTORAGEPROC) \
    X(glSampleCoverage, PFNGLSAMPLECOVERAGEPROC) \
    X(glScissor, PFNGLSCISSORPROC) \
    X(glShaderBinary, PFNGLSHADERBINARYPROC) \
    X(glShaderSource, PFNGLSHADERSOURCEPROC) \
    X(glStencilFunc, PFNGLSTENCILFUNCPROC) \
    X(glStencilFuncSeparate, PFNGLSTENCILFUNCSEPARATEPROC) \
    X(glStencilMask, PFNGLSTENCILMASKPROC) \
    X(glStencilMaskSeparate, PFNGLSTENCILMASKSEPARATEPROC) \
    X(glStencilOp, PFNGLSTENCILOPPROC) \
    X(glStencilOpSeparate, PFNGLSTENCILOPSEPARATEPROC) \
    X(glTexImage2D, PFNGLTEXIMAGE2DPROC) \
    X(glTexParameterf, PFNGLTEXPARAMETERFPROC) \
    X(glTexParameterfv, PFNGLTEXPARAMETERFVPROC) \
    X(glTexParameteri, PFNGLTEXPARAMETERIPROC) \
    X(glTexParameteriv, PFNGLTEXPARAMETERIVPROC) \
    X(glTexSubImage2D, PFNGLTEXSUBIMAGE2DPROC) \
    X(glUniform1f, PFNGLUNIFORM1FPROC) \
    X(glUniform1fv, PFNGLUNIFORM1FVPROC) \
    X(glUniform1i, PFNGLUNIFORM1IPROC) \
    X(glUniform1iv, PFNGLUNIFORM1IVPROC) \
    X(glUniform2f, PFNGLUNIFORM2FPROC) \
    X(glUniform2fv, PFNGLUNIFORM2FVPROC) \
    X(glUniform2i, PFNGLUNIFORM2IPROC) \
    X(glUniform2iv, PFNGLUNIFORM2IVPROC) \
    X(glUniform3f, PFNGLUNIFORM3FPROC) \
    X(glUniform3fv, PFNGLUNIFORM3FVPROC) \
    X(glUniform3i, PFNGLUNIFORM3IPROC) \
    X(glUniform3iv, PFNGLUNIFORM3IVPROC) \
    X(glUniform4f, PFNGLUNIFORM4FPROC) \
    X(glUniform4fv, PFNGLUNIFORM4FVPROC) \
    X(glUniform4i, PFNGLUNIFORM4IPROC) \
    X(glUniform4iv, PFNGLUNIFORM4IVPROC) \
    X(glUniformMatrix2fv, PFNGLUNIFORMMATRIX2FVPROC) \
    X(glUniformMatrix3fv, PFNGLUNIFORMMATRIX3FVPROC) \
    X(glUniformMatrix4fv, PFNGLUNIFORMMATRIX4FVPROC) \
    X(glUseProgram, PFNGLUSEPROGRAMPROC) \
    X(glValidateProgram, PFNGLVALIDATEPROGRAMPROC) \
    X(glVertexAttrib1f, PFNGLVERTEXATTRIB1FPROC) \
    X(glVertexAttrib1fv, PFNGLVERTEXATTRIB1FVPROC) \
    X(glVertexAttrib2f, PFNGLVERTEXATTRIB2FPROC) \
    X(glVertexAttrib2fv, PFNGLVERTEXATTRIB2FVPROC) \
    X(glVertexAttrib3f, PFNGLVERTEXATTRIB3FPROC) \
    X(glVertexAttrib3fv, PFNGLVERTEXATTRIB3FVPROC) \
    X(glVertexAttrib4f, PFNGLVERTEXATTRIB4FPROC) \
    X(glVertexAttrib4fv, PFNGLVERTEXATTRIB4FVPROC) \
    X(glVertexAttribPointer, PFNGLVERTEXATTRIBPOINTERPROC) \
    X(glViewport, PFNGLVIEWPORTPROC)

/* Function pointer table and a "called" flag per entry point. */
enum {
#define X(name, type) GLST_FN_##name,
    GLST_GLES2_FUNCS
#undef X
    GLST_FN_COUNT
};

static struct {
#define X(name, type) type name;
    GLST_GLES2_FUNCS
#undef X
} gl;

static const char *const fn_names[GLST_FN_COUNT] = {
#define X(name, type) #name,
    GLST_GLES2_FUNCS
#undef X
};

static bool fn_called[GLST_FN_COUNT];

/* GL(glFoo)(args) calls through the eglGetProcAddress pointer and records
 * that glFoo was exercised. */
#define GL(name) (fn_called[GLST_FN_##name] = true, gl.name)

#define CHECK_ERR(expected) GLST_CHECK_HEX(GL(glGetError)(), (expected))

static void load_entry_points(void)
{
#define X(name, type) gl.name = (type)eglGetProcAddress(#name);
    GLST_GLES2_FUNCS
#undef X
    int count = 0;
#define X(name, type) \
    count++;          \
    if (!gl.name)     \
        glst_fail_msg(__FILE__, __LINE__, "eglGetProcAddress(%s) == NULL", #name); \
    else              \
        glst_check_impl(true, #name, __FILE__, __LINE__);
    GLST_GLES2_FUNCS
#undef X
    GLST_CHECK_INT(count, 142);
}

static bool all_loaded(void)
{
    bool ok = true;
#define X(name, type) ok = ok && gl.name != NULL;
    GLST_GLES2_FUNCS
#undef X
    return ok;
}

/* ---- typed getters with guard values ----------------------------------- */

#define GUARD_INT 0x7EADBEEF
#define GUARD_FLOAT -12345.0f
#define GUARD_BOOL 0xAB

static void expect_ints(GLenum pname, const GLint *want, int n, int line)
{
    GLint v[20];
    for (int i = 0; i < 20; i++)
        v[i] = GUARD_INT;
    GL(glGetIntegerv)(pname, v);
    for (int i = 0; i < n; i++)
        if (v[i] != want[i])
            glst_fail_msg(__FILE__, line, "glGetIntegerv(0x%x)[%d] = %d, expected %d", pname, i,
                          v[i], want[i]);
    glst_check_impl(v[n] == GUARD_INT, "glGetIntegerv wrote past its values", __FILE__, line);
}

static void expect_floats(GLenum pname, const GLfloat *want, int n, int line)
{
    GLfloat v[20];
    for (int i = 0; i < 20; i++)
        v[i] = GUARD_FLOAT;
    GL(glGetFloatv)(pname, v);
    for (int i = 0; i < n; i++)
        if (v[i] - want[i] > 1e-5f || want[i] - v[i] > 1e-5f)
            glst_fail_msg(__FILE__, line, "glGetFloatv(0x%x)[%d] = %g, expected %g", pname, i,
                          (double)v[i], (double)want[i]);
    glst_check_impl(v[n] == GUARD_FLOAT, "glGetFloatv wrote past its values", __FILE__, line);
}

static void expect_bools(GLenum pname, const GLboolean *want, int n, int line)
{
    GLboolean v[20];
    memset(v, GUARD_BOOL, sizeof(v));
    GL(glGetBooleanv)(pname, v);
    for (int i = 0; i < n; i++)
        if (v[i] != want[i])
            glst_fail_msg(__FILE__, line, "glGetBooleanv(0x%x)[%d] = %d, expected %d", pname, i,
                          v[i], want[i]);
    glst_check_impl(v[n] == GUARD_BOOL, "glGetBooleanv wrote past its values", __FILE__, line);
}

static void expect_int(GLenum pname, GLint want, int line) { expect_ints(pname, &want, 1, line); }
static void expect_float(GLenum pname, GLfloat want, int line)
{
    expect_floats(pname, &want, 1, line);
}

#define EXPECT_INT(p, v) expect_int((p), (GLint)(v), __LINE__)
#define EXPECT_FLOAT(p, v) expect_float((p), (v), __LINE__)

/* ---- sections ---------------------------------------------------------- */

static void test_errors_and_strings(void)
{
    CHECK_ERR(GL_NO_ERROR);
    GL(glEnable)(0x1234); /* not a capability */
    CHECK_ERR(GL_INVALID_ENUM);
    CHECK_ERR(GL_NO_ERROR);

    /* Two errors in a row: the first is reported first; an implementation
     * may or may not keep the second, but the third query is clean. */
    GL(glDisable)(0x1234);
    GL(glViewport)(0, 0, -1, 1);
    CHECK_ERR(GL_INVALID_ENUM);
    GLenum second = GL(glGetError)();
    GLST_CHECK(second == GL_INVALID_VALUE || second == GL_NO_ERROR);
    CHECK_ERR(GL_NO_ERROR);

    const char *vendor = (const char *)GL(glGetString)(GL_VENDOR);
    const char *renderer = (const char *)GL(glGetString)(GL_RENDERER);
    const char *version = (const char *)GL(glGetString)(GL_VERSION);
    const char *glsl = (const char *)GL(glGetString)(GL_SHADING_LANGUAGE_VERSION);
    const char *exts = (const char *)GL(glGetString)(GL_EXTENSIONS);
    GLST_CHECK(vendor && *vendor);
    GLST_CHECK(renderer && *renderer);
    GLST_CHECK(version && (strncmp(version, "OpenGL ES 2.", 12) == 0 ||
                           strncmp(version, "OpenGL ES 3.", 12) == 0));
    GLST_CHECK(glsl && strncmp(glsl, "OpenGL ES GLSL ES ", 18) == 0);
    GLST_CHECK(exts != NULL);
    CHECK_ERR(GL_NO_ERROR);
    GLST_CHECK(GL(glGetString)(0x1234) == NULL);
    CHECK_ERR(GL_INVALID_ENUM);
}

static void test_get_arrays(void)
{
    const GLint vp[4] = { 1, 2, 30, 40 };
    GL(glViewport)(1, 2, 30, 40);
    expect_ints(GL_VIEWPORT, vp, 4, __LINE__);
    const GLfloat vpf[4] = { 1, 2, 30, 40 };
    expect_floats(GL_VIEWPORT, vpf, 4, __LINE__);
    const GLboolean vpb[4] = { GL_TRUE, GL_TRUE, GL_TRUE, GL_TRUE };
    expect_bools(GL_VIEWPORT, vpb, 4, __LINE__);
    GL(glViewport)(0, 0, 64, 64);

    /* The compressed format list has exactly NUM_COMPRESSED_TEXTURE_FORMATS
     * entries: check all three getters write that many and no more. */
    GLint n = -1;
    GL(glGetIntegerv)(GL_NUM_COMPRESSED_TEXTURE_FORMATS, &n);
    GLST_CHECK(n >= 0 && n < 1000);
    if (n < 0 || n >= 1000)
        return;
    GLint *iv = malloc(sizeof(GLint) * (size_t)(n + 8));
    GLfloat *fv = malloc(sizeof(GLfloat) * (size_t)(n + 8));
    GLboolean *bv = malloc((size_t)(n + 8));
    for (int i = 0; i < n + 8; i++) {
        iv[i] = GUARD_INT;
        fv[i] = GUARD_FLOAT;
    }
    memset(bv, GUARD_BOOL, (size_t)(n + 8));
    GL(glGetIntegerv)(GL_COMPRESSED_TEXTURE_FORMATS, iv);
    GL(glGetFloatv)(GL_COMPRESSED_TEXTURE_FORMATS, fv);
    GL(glGetBooleanv)(GL_COMPRESSED_TEXTURE_FORMATS, bv);
    int written = 0, fmatch = 0, bwritten = 0, guards = 0;
    for (int i = 0; i < n; i++) {
        written += iv[i] != GUARD_INT;
        fmatch += fv[i] == (GLfloat)iv[i];
        bwritten += bv[i] == GL_TRUE; /* formats are non-zero enums */
    }
    for (int i = n; i < n + 8; i++)
        guards += iv[i] == GUARD_INT && fv[i] == GUARD_FLOAT && bv[i] == GUARD_BOOL;
    GLST_CHECK_INT(written, n);
    GLST_CHECK_INT(fmatch, n);
    GLST_CHECK_INT(bwritten, n);
    GLST_CHECK_INT(guards, 8);
    free(iv);
    free(fv);
    free(bv);

    GLint shader_binary_formats = -1;
    GL(glGetIntegerv)(GL_NUM_SHADER_BINARY_FORMATS, &shader_binary_formats);
    GLST_CHECK(shader_binary_formats >= 0);
    GLint max_attribs = 0;
    GL(glGetIntegerv)(GL_MAX_VERTEX_ATTRIBS, &max_attribs);
    GLST_CHECK(max_attribs >= 8);
    CHECK_ERR(GL_NO_ERROR);
}

static void test_state(void)
{
    static const GLenum caps[] = { GL_BLEND, GL_CULL_FACE, GL_DEPTH_TEST, GL_DITHER,
                                   GL_POLYGON_OFFSET_FILL, GL_SAMPLE_ALPHA_TO_COVERAGE,
                                   GL_SAMPLE_COVERAGE, GL_SCISSOR_TEST, GL_STENCIL_TEST };
    for (size_t i = 0; i < sizeof(caps) / sizeof(caps[0]); i++) {
        GLboolean initial = caps[i] == GL_DITHER ? GL_TRUE : GL_FALSE;
        GLST_CHECK_INT(GL(glIsEnabled)(caps[i]), initial);
        GL(glEnable)(caps[i]);
        GLST_CHECK_INT(GL(glIsEnabled)(caps[i]), GL_TRUE);
        GL(glDisable)(caps[i]);
        GLST_CHECK_INT(GL(glIsEnabled)(caps[i]), GL_FALSE);
    }
    GL(glIsEnabled)(GL_TEXTURE_2D); /* not a GLES2 capability */
    CHECK_ERR(GL_INVALID_ENUM);

    GL(glBlendColor)(0.25f, 0.5f, 0.75f, 1.0f);
    const GLfloat bc[4] = { 0.25f, 0.5f, 0.75f, 1.0f };
    expect_floats(GL_BLEND_COLOR, bc, 4, __LINE__);
    GL(glBlendEquation)(GL_FUNC_SUBTRACT);
    EXPECT_INT(GL_BLEND_EQUATION_RGB, GL_FUNC_SUBTRACT);
    EXPECT_INT(GL_BLEND_EQUATION_ALPHA, GL_FUNC_SUBTRACT);
    GL(glBlendEquationSeparate)(GL_FUNC_ADD, GL_FUNC_REVERSE_SUBTRACT);
    EXPECT_INT(GL_BLEND_EQUATION_RGB, GL_FUNC_ADD);
    EXPECT_INT(GL_BLEND_EQUATION_ALPHA, GL_FUNC_REVERSE_SUBTRACT);
    GL(glBlendEquation)(GL_MIN_EXT + 0x100); /* bogus */
    CHECK_ERR(GL_INVALID_ENUM);
    GL(glBlendFunc)(GL_SRC_ALPHA, GL_ONE_MINUS_SRC_ALPHA);
    EXPECT_INT(GL_BLEND_SRC_RGB, GL_SRC_ALPHA);
    EXPECT_INT(GL_BLEND_DST_ALPHA, GL_ONE_MINUS_SRC_ALPHA);
    GL(glBlendFuncSeparate)(GL_ONE, GL_ZERO, GL_DST_COLOR, GL_CONSTANT_ALPHA);
    EXPECT_INT(GL_BLEND_SRC_RGB, GL_ONE);
    EXPECT_INT(GL_BLEND_DST_RGB, GL_ZERO);
    EXPECT_INT(GL_BLEND_SRC_ALPHA, GL_DST_COLOR);
    EXPECT_INT(GL_BLEND_DST_ALPHA, GL_CONSTANT_ALPHA);

    GL(glClearColor)(0.5f, 0.25f, 0.125f, 1.0f);
    const GLfloat cc[4] = { 0.5f, 0.25f, 0.125f, 1.0f };
    expect_floats(GL_COLOR_CLEAR_VALUE, cc, 4, __LINE__);
    GL(glClearDepthf)(0.75f);
    EXPECT_FLOAT(GL_DEPTH_CLEAR_VALUE, 0.75f);
    GL(glClearStencil)(9);
    EXPECT_INT(GL_STENCIL_CLEAR_VALUE, 9);
    GL(glColorMask)(GL_TRUE, GL_FALSE, GL_TRUE, GL_FALSE);
    const GLboolean cm[4] = { GL_TRUE, GL_FALSE, GL_TRUE, GL_FALSE };
    expect_bools(GL_COLOR_WRITEMASK, cm, 4, __LINE__);
    GL(glColorMask)(GL_TRUE, GL_TRUE, GL_TRUE, GL_TRUE);
    GL(glCullFace)(GL_FRONT_AND_BACK);
    EXPECT_INT(GL_CULL_FACE_MODE, GL_FRONT_AND_BACK);
    GL(glCullFace)(GL_BACK);
    GL(glDepthFunc)(GL_GEQUAL);
    EXPECT_INT(GL_DEPTH_FUNC, GL_GEQUAL);
    GL(glDepthFunc)(GL_LESS);
    GL(glDepthMask)(GL_FALSE);
    const GLboolean dm = GL_FALSE;
    expect_bools(GL_DEPTH_WRITEMASK, &dm, 1, __LINE__);
    GL(glDepthMask)(GL_TRUE);
    GL(glDepthRangef)(0.25f, 0.5f);
    const GLfloat dr[2] = { 0.25f, 0.5f };
    expect_floats(GL_DEPTH_RANGE, dr, 2, __LINE__);
    GL(glDepthRangef)(0.0f, 1.0f);
    GL(glFrontFace)(GL_CW);
    EXPECT_INT(GL_FRONT_FACE, GL_CW);
    GL(glFrontFace)(GL_CCW);
    GL(glHint)(GL_GENERATE_MIPMAP_HINT, GL_NICEST);
    EXPECT_INT(GL_GENERATE_MIPMAP_HINT, GL_NICEST);
    GL(glHint)(GL_GENERATE_MIPMAP_HINT, 0x1234);
    CHECK_ERR(GL_INVALID_ENUM);
    GL(glLineWidth)(2.0f);
    EXPECT_FLOAT(GL_LINE_WIDTH, 2.0f);
    GL(glLineWidth)(0.0f);
    CHECK_ERR(GL_INVALID_VALUE);
    GL(glLineWidth)(1.0f);
    GL(glPixelStorei)(GL_PACK_ALIGNMENT, 1);
    GL(glPixelStorei)(GL_UNPACK_ALIGNMENT, 8);
    EXPECT_INT(GL_PACK_ALIGNMENT, 1);
    EXPECT_INT(GL_UNPACK_ALIGNMENT, 8);
    GL(glPixelStorei)(GL_PACK_ALIGNMENT, 3);
    CHECK_ERR(GL_INVALID_VALUE);
    GL(glPixelStorei)(GL_PACK_ALIGNMENT, 4);
    GL(glPixelStorei)(GL_UNPACK_ALIGNMENT, 4);
    GL(glPolygonOffset)(1.5f, -2.0f);
    EXPECT_FLOAT(GL_POLYGON_OFFSET_FACTOR, 1.5f);
    EXPECT_FLOAT(GL_POLYGON_OFFSET_UNITS, -2.0f);
    GL(glSampleCoverage)(0.5f, GL_TRUE);
    EXPECT_FLOAT(GL_SAMPLE_COVERAGE_VALUE, 0.5f);
    const GLboolean inv = GL_TRUE;
    expect_bools(GL_SAMPLE_COVERAGE_INVERT, &inv, 1, __LINE__);
    GL(glSampleCoverage)(1.0f, GL_FALSE);
    GL(glScissor)(3, 4, 5, 6);
    const GLint sb[4] = { 3, 4, 5, 6 };
    expect_ints(GL_SCISSOR_BOX, sb, 4, __LINE__);
    GL(glScissor)(0, 0, -1, 1);
    CHECK_ERR(GL_INVALID_VALUE);

    GL(glStencilFunc)(GL_EQUAL, 3, 0x0F);
    EXPECT_INT(GL_STENCIL_FUNC, GL_EQUAL);
    EXPECT_INT(GL_STENCIL_REF, 3);
    EXPECT_INT(GL_STENCIL_VALUE_MASK, 0x0F);
    EXPECT_INT(GL_STENCIL_BACK_FUNC, GL_EQUAL);
    GL(glStencilFuncSeparate)(GL_BACK, GL_GREATER, 5, 0xF0);
    EXPECT_INT(GL_STENCIL_FUNC, GL_EQUAL);
    EXPECT_INT(GL_STENCIL_BACK_FUNC, GL_GREATER);
    EXPECT_INT(GL_STENCIL_BACK_REF, 5);
    EXPECT_INT(GL_STENCIL_BACK_VALUE_MASK, 0xF0);
    GL(glStencilMask)(0x3C);
    EXPECT_INT(GL_STENCIL_WRITEMASK, 0x3C);
    EXPECT_INT(GL_STENCIL_BACK_WRITEMASK, 0x3C);
    GL(glStencilMaskSeparate)(GL_FRONT, 0x81);
    EXPECT_INT(GL_STENCIL_WRITEMASK, 0x81);
    EXPECT_INT(GL_STENCIL_BACK_WRITEMASK, 0x3C);
    GL(glStencilOp)(GL_INCR, GL_DECR, GL_INVERT);
    EXPECT_INT(GL_STENCIL_FAIL, GL_INCR);
    EXPECT_INT(GL_STENCIL_PASS_DEPTH_FAIL, GL_DECR);
    EXPECT_INT(GL_STENCIL_PASS_DEPTH_PASS, GL_INVERT);
    GL(glStencilOpSeparate)(GL_BACK, GL_ZERO, GL_INCR_WRAP, GL_DECR_WRAP);
    EXPECT_INT(GL_STENCIL_BACK_FAIL, GL_ZERO);
    EXPECT_INT(GL_STENCIL_BACK_PASS_DEPTH_FAIL, GL_INCR_WRAP);
    EXPECT_INT(GL_STENCIL_BACK_PASS_DEPTH_PASS, GL_DECR_WRAP);
    EXPECT_INT(GL_STENCIL_FAIL, GL_INCR);
    GL(glStencilOp)(GL_KEEP, GL_KEEP, GL_KEEP);
    GL(glStencilFunc)(GL_ALWAYS, 0, 0xFF);
    GL(glStencilMask)(0xFF);
    CHECK_ERR(GL_NO_ERROR);
}

static void test_buffers(void)
{
    GLuint b[2] = { 0, 0 };
    GL(glGenBuffers)(2, b);
    GLST_CHECK(b[0] != 0 && b[1] != 0 && b[0] != b[1]);
    /* A generated but never bound name is not yet a buffer object. */
    GLST_CHECK_INT(GL(glIsBuffer)(b[0]), GL_FALSE);
    GL(glBindBuffer)(GL_ARRAY_BUFFER, b[0]);
    GLST_CHECK_INT(GL(glIsBuffer)(b[0]), GL_TRUE);
    EXPECT_INT(GL_ARRAY_BUFFER_BINDING, b[0]);

    static const unsigned char data[64] = { 1, 2, 3, 4, 5, 6, 7, 8 };
    GL(glBufferData)(GL_ARRAY_BUFFER, sizeof(data), data, GL_DYNAMIC_DRAW);
    GLint v = 0;
    GL(glGetBufferParameteriv)(GL_ARRAY_BUFFER, GL_BUFFER_SIZE, &v);
    GLST_CHECK_INT(v, 64);
    GL(glGetBufferParameteriv)(GL_ARRAY_BUFFER, GL_BUFFER_USAGE, &v);
    GLST_CHECK_HEX(v, GL_DYNAMIC_DRAW);
    GL(glBufferSubData)(GL_ARRAY_BUFFER, 60, 4, data);
    CHECK_ERR(GL_NO_ERROR);
    GL(glBufferSubData)(GL_ARRAY_BUFFER, 62, 4, data); /* past the end */
    CHECK_ERR(GL_INVALID_VALUE);
    GL(glBufferData)(GL_ARRAY_BUFFER, -1, NULL, GL_STATIC_DRAW);
    CHECK_ERR(GL_INVALID_VALUE);

    /* ES2 allows binding a name that was never generated: it creates it. */
    GL(glBindBuffer)(GL_ELEMENT_ARRAY_BUFFER, 777);
    CHECK_ERR(GL_NO_ERROR);
    GLST_CHECK_INT(GL(glIsBuffer)(777), GL_TRUE);
    GL(glBindBuffer)(GL_ELEMENT_ARRAY_BUFFER, 0);

    /* Unknown names are silently ignored by glDelete*. */
    GLuint junk[3] = { 777, 123456, 0 };
    GL(glDeleteBuffers)(3, junk);
    CHECK_ERR(GL_NO_ERROR);
    GLST_CHECK_INT(GL(glIsBuffer)(777), GL_FALSE);
    GL(glDeleteBuffers)(2, b);
    GLST_CHECK_INT(GL(glIsBuffer)(b[0]), GL_FALSE);
    EXPECT_INT(GL_ARRAY_BUFFER_BINDING, 0); /* deleting unbinds */
    GL(glGenBuffers)(-1, b);
    CHECK_ERR(GL_INVALID_VALUE);
}

static bool is_es3(void)
{
    const char *version = (const char *)GL(glGetString)(GL_VERSION);
    return version && strncmp(version, "OpenGL ES 3.", 12) == 0;
}

static const char *vs_src =
    "attribute vec4 a_pos;\n"
    "attribute vec2 a_second_attribute_long_name;\n"
    "uniform float u_f1; uniform vec2 u_f2; uniform vec3 u_f3; uniform vec4 u_f4;\n"
    "uniform int u_i1; uniform ivec2 u_i2; uniform ivec3 u_i3; uniform ivec4 u_i4;\n"
    "uniform mat2 u_m2; uniform mat3 u_m3; uniform mat4 u_m4;\n"
    "uniform vec4 u_array_uniform_long_name[3];\n"
    "uniform int u_iarr[2];\n"
    "varying vec4 v_c;\n"
    "void main() {\n"
    "  vec4 s = vec4(u_f1, u_f2.x + u_f2.y, u_f3.z, u_f4.w);\n"
    "  s += vec4(float(u_i1 + u_i2.y + u_i3.z + u_i4.w + u_iarr[0] + u_iarr[1]));\n"
    "  s += vec4(u_m2 * vec2(1.0), (u_m3 * vec3(1.0)).xy) + u_m4 * a_pos;\n"
    "  s += u_array_uniform_long_name[0] + u_array_uniform_long_name[2];\n"
    "  v_c = s + vec4(a_second_attribute_long_name, 0.0, 0.0);\n"
    "  gl_Position = a_pos;\n"
    "}\n";
static const char *fs_src =
    "precision mediump float;\n"
    "varying vec4 v_c;\n"
    "uniform sampler2D u_tex;\n"
    "void main() { gl_FragColor = v_c + texture2D(u_tex, v_c.xy); }\n";

static GLuint compile(GLenum type, const char *src)
{
    GLuint sh = GL(glCreateShader)(type);
    GL(glShaderSource)(sh, 1, &src, NULL);
    GL(glCompileShader)(sh);
    GLint ok = 0;
    GL(glGetShaderiv)(sh, GL_COMPILE_STATUS, &ok);
    GLST_CHECK_INT(ok, GL_TRUE);
    return sh;
}

static void test_shader_source(void)
{
    /* Several strings: NUL-terminated (length -1), an explicit length that
     * cuts a string short, and one with no terminator at all. */
    static const char unterminated[] = { 'v', 'o', 'i', 'd', ' ', 'm', 'a', 'i', 'n' };
    const char *parts2[4] = {
        "precision mediump float;\n",
        "void helper() {}XXXX",
        unterminated,
        "() { gl_FragColor = vec4(1.0); }\n",
    };
    const GLint lengths2[4] = { -1, 16, (GLint)sizeof(unterminated), -1 };
    const char *expected2 = "precision mediump float;\nvoid helper() {}void main() "
                            "{ gl_FragColor = vec4(1.0); }\n";

    GLuint sh = GL(glCreateShader)(GL_FRAGMENT_SHADER);
    GLST_CHECK(sh != 0);
    GLST_CHECK_INT(GL(glIsShader)(sh), GL_TRUE);
    GL(glShaderSource)(sh, 4, parts2, lengths2);
    GLint len = 0;
    GL(glGetShaderiv)(sh, GL_SHADER_SOURCE_LENGTH, &len);
    GLST_CHECK_INT(len, (GLint)strlen(expected2) + 1);
    char buf[256];
    GLsizei got = -1;
    memset(buf, 'Z', sizeof(buf));
    GL(glGetShaderSource)(sh, sizeof(buf), &got, buf);
    GLST_CHECK_INT(got, (GLsizei)strlen(expected2));
    GLST_CHECK(strcmp(buf, expected2) == 0);
    /* A small buffer receives a truncated, terminated prefix. */
    memset(buf, 'Z', sizeof(buf));
    GL(glGetShaderSource)(sh, 5, &got, buf);
    GLST_CHECK_INT(got, 4);
    GLST_CHECK(memcmp(buf, "prec\0Z", 6) == 0);
    GL(glCompileShader)(sh);
    GLint ok = 0;
    GL(glGetShaderiv)(sh, GL_COMPILE_STATUS, &ok);
    GLST_CHECK_INT(ok, GL_TRUE);
    GL(glGetShaderiv)(sh, GL_SHADER_TYPE, &ok);
    GLST_CHECK_HEX(ok, GL_FRAGMENT_SHADER);
    GL(glDeleteShader)(sh);
    GLST_CHECK_INT(GL(glIsShader)(sh), GL_FALSE);

    /* A compile error yields a non-empty info log of the reported length. */
    const char *bad = "void main() { this is not glsl; }\n";
    sh = GL(glCreateShader)(GL_VERTEX_SHADER);
    GL(glShaderSource)(sh, 1, &bad, NULL);
    GL(glCompileShader)(sh);
    GL(glGetShaderiv)(sh, GL_COMPILE_STATUS, &ok);
    GLST_CHECK_INT(ok, GL_FALSE);
    GLint log_len = 0;
    GL(glGetShaderiv)(sh, GL_INFO_LOG_LENGTH, &log_len);
    GLST_CHECK(log_len > 1);
    char *log = calloc(1, (size_t)log_len + 16);
    got = -1;
    GL(glGetShaderInfoLog)(sh, log_len + 16, &got, log);
    GLST_CHECK_INT(got, log_len - 1);
    GLST_CHECK_INT((GLint)strlen(log), log_len - 1);
    free(log);
    GL(glDeleteShader)(sh);

    GL(glCreateShader)(0x1234);
    CHECK_ERR(GL_INVALID_ENUM);
    GL(glCompileShader)(987654);
    CHECK_ERR(GL_INVALID_VALUE);
}

static void test_program(void)
{
    GLuint vs = compile(GL_VERTEX_SHADER, vs_src);
    GLuint fs = compile(GL_FRAGMENT_SHADER, fs_src);
    GLuint prog = GL(glCreateProgram)();
    GLST_CHECK(prog != 0);
    GLST_CHECK_INT(GL(glIsProgram)(prog), GL_TRUE);
    GLST_CHECK_INT(GL(glIsProgram)(vs), GL_FALSE);
    GL(glAttachShader)(prog, vs);
    GL(glAttachShader)(prog, fs);
    GL(glAttachShader)(prog, fs);
    CHECK_ERR(GL_INVALID_OPERATION); /* already attached */

    GLuint shaders[4] = { 0, 0, 0, 0 };
    GLsizei count = -1;
    GL(glGetAttachedShaders)(prog, 4, &count, shaders);
    GLST_CHECK_INT(count, 2);
    GLST_CHECK((shaders[0] == vs && shaders[1] == fs) || (shaders[0] == fs && shaders[1] == vs));
    GLST_CHECK_INT(shaders[2], 0);
    GL(glGetAttachedShaders)(prog, 1, &count, shaders);
    GLST_CHECK_INT(count, 1);

    GL(glBindAttribLocation)(prog, 3, "a_pos");
    GL(glBindAttribLocation)(prog, 5, "a_second_attribute_long_name");
    GL(glLinkProgram)(prog);
    GLint v = 0;
    GL(glGetProgramiv)(prog, GL_LINK_STATUS, &v);
    GLST_CHECK_INT(v, GL_TRUE);
    GLST_CHECK_INT(GL(glGetAttribLocation)(prog, "a_pos"), 3);
    GLST_CHECK_INT(GL(glGetAttribLocation)(prog, "a_second_attribute_long_name"), 5);
    GLST_CHECK_INT(GL(glGetAttribLocation)(prog, "nope"), -1);
    GL(glGetProgramiv)(prog, GL_ATTACHED_SHADERS, &v);
    GLST_CHECK_INT(v, 2);

    /* Program info log: length query and log text agree. */
    GLint log_len = -1;
    GL(glGetProgramiv)(prog, GL_INFO_LOG_LENGTH, &log_len);
    GLST_CHECK(log_len >= 0);
    char log[1024] = "x";
    GLsizei got = -1;
    GL(glGetProgramInfoLog)(prog, sizeof(log), &got, log);
    GLST_CHECK_INT(got, log_len > 0 ? log_len - 1 : 0);

    /* Active attributes: full names and truncation with the returned length. */
    GLint n_attr = 0, max_attr_len = 0;
    GL(glGetProgramiv)(prog, GL_ACTIVE_ATTRIBUTES, &n_attr);
    GL(glGetProgramiv)(prog, GL_ACTIVE_ATTRIBUTE_MAX_LENGTH, &max_attr_len);
    GLST_CHECK_INT(n_attr, 2);
    GLST_CHECK_INT(max_attr_len, (GLint)strlen("a_second_attribute_long_name") + 1);
    bool found_long_attr = false;
    for (GLint i = 0; i < n_attr; i++) {
        char name[64];
        GLint size = 0;
        GLenum type = 0;
        GLsizei len = -1;
        GL(glGetActiveAttrib)(prog, (GLuint)i, sizeof(name), &len, &size, &type, name);
        GLST_CHECK_INT(len, (GLsizei)strlen(name));
        if (strcmp(name, "a_second_attribute_long_name") == 0) {
            found_long_attr = true;
            GLST_CHECK_HEX(type, GL_FLOAT_VEC2);
            GLST_CHECK_INT(size, 1);
            memset(name, 'Z', sizeof(name));
            GL(glGetActiveAttrib)(prog, (GLuint)i, 6, &len, &size, &type, name);
            GLST_CHECK_INT(len, 5);
            GLST_CHECK(memcmp(name, "a_sec\0Z", 7) == 0);
        }
    }
    GLST_CHECK(found_long_attr);

    GLint n_uni = 0, max_uni_len = 0;
    GL(glGetProgramiv)(prog, GL_ACTIVE_UNIFORMS, &n_uni);
    GL(glGetProgramiv)(prog, GL_ACTIVE_UNIFORM_MAX_LENGTH, &max_uni_len);
    GLST_CHECK_INT(n_uni, 14);
    GLST_CHECK_INT(max_uni_len, (GLint)strlen("u_array_uniform_long_name[0]") + 1);
    bool found_array = false;
    for (GLint i = 0; i < n_uni; i++) {
        char name[64];
        GLint size = 0;
        GLenum type = 0;
        GLsizei len = -1;
        GL(glGetActiveUniform)(prog, (GLuint)i, sizeof(name), &len, &size, &type, name);
        GLST_CHECK_INT(len, (GLsizei)strlen(name));
        if (strcmp(name, "u_array_uniform_long_name[0]") == 0) {
            found_array = true;
            GLST_CHECK_HEX(type, GL_FLOAT_VEC4);
            GLST_CHECK_INT(size, 3);
            memset(name, 'Z', sizeof(name));
            GL(glGetActiveUniform)(prog, (GLuint)i, 4, &len, &size, &type, name);
            GLST_CHECK_INT(len, 3);
            GLST_CHECK(memcmp(name, "u_a\0Z", 5) == 0);
            GLST_CHECK_INT(size, 3);
        }
    }
    GLST_CHECK(found_array);
    GLint past_size = 0;
    GLenum past_type = 0;
    GL(glGetActiveUniform)(prog, (GLuint)n_uni, sizeof(log), NULL, &past_size, &past_type, log);
    CHECK_ERR(GL_INVALID_VALUE); /* index past the last active uniform */

    /* Set every uniform type through the program and read it back. */
    GL(glUseProgram)(prog);
    EXPECT_INT(GL_CURRENT_PROGRAM, prog);
#define LOC(n) GL(glGetUniformLocation)(prog, n)
    GLST_CHECK_INT(LOC("u_not_there"), -1);
    GLfloat f[16];
    GLint iv[4];
    GL(glUniform1f)(LOC("u_f1"), 0.5f);
    GL(glGetUniformfv)(prog, LOC("u_f1"), f);
    GLST_CHECK(f[0] == 0.5f);
    GL(glUniform2f)(LOC("u_f2"), 1.5f, 2.5f);
    GL(glGetUniformfv)(prog, LOC("u_f2"), f);
    GLST_CHECK(f[0] == 1.5f && f[1] == 2.5f);
    GL(glUniform3f)(LOC("u_f3"), 1, 2, 3);
    GL(glGetUniformfv)(prog, LOC("u_f3"), f);
    GLST_CHECK(f[0] == 1 && f[1] == 2 && f[2] == 3);
    GL(glUniform4f)(LOC("u_f4"), 4, 5, 6, 7);
    GL(glGetUniformfv)(prog, LOC("u_f4"), f);
    GLST_CHECK(f[0] == 4 && f[1] == 5 && f[2] == 6 && f[3] == 7);
    GL(glUniform1i)(LOC("u_i1"), -3);
    GL(glGetUniformiv)(prog, LOC("u_i1"), iv);
    GLST_CHECK_INT(iv[0], -3);
    GL(glUniform2i)(LOC("u_i2"), 8, 9);
    GL(glGetUniformiv)(prog, LOC("u_i2"), iv);
    GLST_CHECK(iv[0] == 8 && iv[1] == 9);
    GL(glUniform3i)(LOC("u_i3"), 10, 11, 12);
    GL(glGetUniformiv)(prog, LOC("u_i3"), iv);
    GLST_CHECK(iv[0] == 10 && iv[1] == 11 && iv[2] == 12);
    GL(glUniform4i)(LOC("u_i4"), 13, 14, 15, 16);
    GL(glGetUniformiv)(prog, LOC("u_i4"), iv);
    GLST_CHECK(iv[0] == 13 && iv[3] == 16);
    GL(glUniform1f)(LOC("u_i1"), 1.0f); /* wrong type */
    CHECK_ERR(GL_INVALID_OPERATION);

    static const GLfloat fv[12] = { 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12 };
    static const GLint ivals[8] = { -1, -2, -3, -4, -5, -6, -7, -8 };
    GL(glUniform1fv)(LOC("u_f1"), 1, &fv[6]);
    GL(glGetUniformfv)(prog, LOC("u_f1"), f);
    GLST_CHECK(f[0] == 7);
    GL(glUniform2fv)(LOC("u_f2"), 1, &fv[2]);
    GL(glGetUniformfv)(prog, LOC("u_f2"), f);
    GLST_CHECK(f[0] == 3 && f[1] == 4);
    GL(glUniform3fv)(LOC("u_f3"), 1, &fv[3]);
    GL(glGetUniformfv)(prog, LOC("u_f3"), f);
    GLST_CHECK(f[0] == 4 && f[2] == 6);
    /* count > 1 into the array uniform, starting at element 0. */
    GL(glUniform4fv)(LOC("u_array_uniform_long_name"), 3, fv);
    GL(glGetUniformfv)(prog, LOC("u_array_uniform_long_name[2]"), f);
    GLST_CHECK(f[0] == 9 && f[3] == 12);
    GL(glGetUniformfv)(prog, LOC("u_array_uniform_long_name[1]"), f);
    GLST_CHECK(f[0] == 5 && f[3] == 8);
    GL(glUniform1iv)(LOC("u_iarr"), 2, ivals);
    GL(glGetUniformiv)(prog, LOC("u_iarr[1]"), iv);
    GLST_CHECK_INT(iv[0], -2);
    GL(glUniform1iv)(LOC("u_i1"), 2, ivals); /* count > 1 on a non-array */
    CHECK_ERR(GL_INVALID_OPERATION);
    GL(glUniform2iv)(LOC("u_i2"), 1, &ivals[2]);
    GL(glGetUniformiv)(prog, LOC("u_i2"), iv);
    GLST_CHECK(iv[0] == -3 && iv[1] == -4);
    GL(glUniform3iv)(LOC("u_i3"), 1, &ivals[1]);
    GL(glGetUniformiv)(prog, LOC("u_i3"), iv);
    GLST_CHECK(iv[0] == -2 && iv[2] == -4);
    GL(glUniform4iv)(LOC("u_i4"), 1, &ivals[4]);
    GL(glGetUniformiv)(prog, LOC("u_i4"), iv);
    GLST_CHECK(iv[0] == -5 && iv[3] == -8);
    GL(glUniformMatrix2fv)(LOC("u_m2"), 1, GL_FALSE, fv);
    GL(glGetUniformfv)(prog, LOC("u_m2"), f);
    GLST_CHECK(memcmp(f, fv, 4 * sizeof(GLfloat)) == 0);
    GL(glUniformMatrix3fv)(LOC("u_m3"), 1, GL_FALSE, &fv[1]);
    GL(glGetUniformfv)(prog, LOC("u_m3"), f);
    GLST_CHECK(memcmp(f, &fv[1], 9 * sizeof(GLfloat)) == 0);
    static const GLfloat m4[16] = { 1, 0, 0, 0, 0, 2, 0, 0, 0, 0, 3, 0, 4, 5, 6, 1 };
    GL(glUniformMatrix4fv)(LOC("u_m4"), 1, GL_FALSE, m4);
    GL(glGetUniformfv)(prog, LOC("u_m4"), f);
    GLST_CHECK(memcmp(f, m4, sizeof(m4)) == 0);
    /* transpose = GL_TRUE is an error in ES 2.0 but legal in ES 3.x, which
     * Mesa hands out even for a version 2 context request. */
    GL(glUniformMatrix4fv)(LOC("u_m4"), 1, GL_TRUE, m4);
    GLenum transpose_err = GL(glGetError)();
    if (is_es3()) {
        GLST_CHECK_HEX(transpose_err, GL_NO_ERROR);
        GL(glGetUniformfv)(prog, LOC("u_m4"), f);
        GLST_CHECK(f[3] == 4 && f[12] == 0);
    } else {
        GLST_CHECK_HEX(transpose_err, GL_INVALID_VALUE);
    }
    GL(glUniform1i)(LOC("u_tex"), 0);
    GL(glGetUniformiv)(prog, LOC("u_tex"), iv);
    GLST_CHECK_INT(iv[0], 0);
#undef LOC

    GL(glValidateProgram)(prog);
    GL(glGetProgramiv)(prog, GL_VALIDATE_STATUS, &v);
    GLST_CHECK_INT(v, GL_TRUE);

    /* Invalid program names. */
    GL(glUseProgram)(vs);
    CHECK_ERR(GL_INVALID_OPERATION);
    GL(glUseProgram)(424242);
    CHECK_ERR(GL_INVALID_VALUE);
    GL(glLinkProgram)(fs);
    CHECK_ERR(GL_INVALID_OPERATION);
    GL(glUseProgram)(0);

    GL(glDetachShader)(prog, vs);
    GL(glGetProgramiv)(prog, GL_ATTACHED_SHADERS, &v);
    GLST_CHECK_INT(v, 1);
    GL(glDetachShader)(prog, vs);
    CHECK_ERR(GL_INVALID_OPERATION);

    /* A shader attached to a program is only flagged for deletion. */
    GL(glDeleteShader)(fs);
    GLST_CHECK_INT(GL(glIsShader)(fs), GL_TRUE);
    GL(glGetShaderiv)(fs, GL_DELETE_STATUS, &v);
    GLST_CHECK_INT(v, GL_TRUE);
    GL(glDeleteShader)(vs);
    GLST_CHECK_INT(GL(glIsShader)(vs), GL_FALSE);
    GL(glDeleteProgram)(prog);
    GLST_CHECK_INT(GL(glIsProgram)(prog), GL_FALSE);
    GLST_CHECK_INT(GL(glIsShader)(fs), GL_FALSE); /* went with the program */
    GL(glDeleteProgram)(0); /* silently ignored */
    CHECK_ERR(GL_NO_ERROR);
}

static void test_shader_misc(void)
{
    static const GLenum shader_types[2] = { GL_VERTEX_SHADER, GL_FRAGMENT_SHADER };
    static const GLenum precisions[6] = { GL_LOW_FLOAT, GL_MEDIUM_FLOAT, GL_HIGH_FLOAT,
                                          GL_LOW_INT, GL_MEDIUM_INT, GL_HIGH_INT };
    /* Minimum ranges/precisions required by the GLSL ES 1.00 spec (vertex). */
    static const GLint min_range[6] = { 1, 14, 62, 8, 10, 16 };
    static const GLint min_prec[6] = { 8, 10, 16, 0, 0, 0 };
    for (int s = 0; s < 2; s++) {
        for (int p = 0; p < 6; p++) {
            GLint range[3] = { -1, -1, GUARD_INT }, precision[2] = { -1, GUARD_INT };
            GL(glGetShaderPrecisionFormat)(shader_types[s], precisions[p], range, precision);
            bool fs_highp = s == 1 && (p == 2 || p == 5); /* optional in fragment shaders */
            GLST_CHECK(range[2] == GUARD_INT && precision[1] == GUARD_INT);
            if (fs_highp && range[0] == 0 && range[1] == 0 && precision[0] == 0)
                continue;
            if (range[0] < min_range[p] || range[1] < min_range[p] || precision[0] < min_prec[p])
                glst_fail_msg(__FILE__, __LINE__, "precision 0x%x/0x%x: %d %d %d too small",
                              shader_types[s], precisions[p], range[0], range[1], precision[0]);
            else
                glst_check_impl(true, "precision format", __FILE__, __LINE__);
        }
    }
    GLint range[2], precision;
    GL(glGetShaderPrecisionFormat)(GL_VERTEX_SHADER, GL_FLOAT, range, &precision);
    CHECK_ERR(GL_INVALID_ENUM);

    GL(glReleaseShaderCompiler)();
    CHECK_ERR(GL_NO_ERROR);
    /* The compiler must still work after being released. */
    GLuint sh = compile(GL_FRAGMENT_SHADER, fs_src);

    /* Mesa supports no binary formats (NUM_SHADER_BINARY_FORMATS == 0), so
     * any format is rejected with GL_INVALID_ENUM. */
    GLint n_formats = -1;
    GL(glGetIntegerv)(GL_NUM_SHADER_BINARY_FORMATS, &n_formats);
    static const unsigned char blob[16] = { 0 };
    GL(glShaderBinary)(1, &sh, 0x1234, blob, sizeof(blob));
    GLST_CHECK_INT(n_formats, 0);
    CHECK_ERR(GL_INVALID_ENUM);
    GL(glShaderBinary)(-1, &sh, 0x1234, blob, sizeof(blob));
    GLenum e = GL(glGetError)();
    GLST_CHECK(e == GL_INVALID_VALUE || e == GL_INVALID_ENUM);
    GL(glDeleteShader)(sh);
}

static void test_vertex_attribs(void)
{
    GLfloat f[4];
    GLint iv[4];
    GL(glVertexAttrib1f)(1, 0.5f);
    GL(glGetVertexAttribfv)(1, GL_CURRENT_VERTEX_ATTRIB, f);
    GLST_CHECK(f[0] == 0.5f && f[1] == 0 && f[2] == 0 && f[3] == 1);
    GL(glVertexAttrib2f)(2, 1, 2);
    GL(glGetVertexAttribfv)(2, GL_CURRENT_VERTEX_ATTRIB, f);
    GLST_CHECK(f[0] == 1 && f[1] == 2 && f[2] == 0 && f[3] == 1);
    GL(glVertexAttrib3f)(3, 3, 4, 5);
    GL(glGetVertexAttribfv)(3, GL_CURRENT_VERTEX_ATTRIB, f);
    GLST_CHECK(f[0] == 3 && f[1] == 4 && f[2] == 5 && f[3] == 1);
    GL(glVertexAttrib4f)(4, 6, 7, 8, 9);
    GL(glGetVertexAttribfv)(4, GL_CURRENT_VERTEX_ATTRIB, f);
    GLST_CHECK(f[0] == 6 && f[3] == 9);
    static const GLfloat v[4] = { 10, 11, 12, 13 };
    GL(glVertexAttrib1fv)(5, v);
    GL(glGetVertexAttribfv)(5, GL_CURRENT_VERTEX_ATTRIB, f);
    GLST_CHECK(f[0] == 10 && f[1] == 0 && f[3] == 1);
    GL(glVertexAttrib2fv)(6, v);
    GL(glGetVertexAttribfv)(6, GL_CURRENT_VERTEX_ATTRIB, f);
    GLST_CHECK(f[0] == 10 && f[1] == 11 && f[2] == 0);
    GL(glVertexAttrib3fv)(7, v);
    GL(glGetVertexAttribfv)(7, GL_CURRENT_VERTEX_ATTRIB, f);
    GLST_CHECK(f[2] == 12 && f[3] == 1);
    GL(glVertexAttrib4fv)(0, v);
    GL(glGetVertexAttribfv)(0, GL_CURRENT_VERTEX_ATTRIB, f);
    GLST_CHECK(memcmp(f, v, sizeof(v)) == 0);
    GL(glVertexAttrib4f)(0, 0, 0, 0, 1);

    /* Client-side pointer: queries return exactly what was set. */
    static const GLshort client[32] = { 0 };
    GL(glBindBuffer)(GL_ARRAY_BUFFER, 0);
    GL(glVertexAttribPointer)(2, 3, GL_SHORT, GL_TRUE, 10, &client[3]);
    void *ptr = NULL;
    GL(glGetVertexAttribPointerv)(2, GL_VERTEX_ATTRIB_ARRAY_POINTER, &ptr);
    GLST_CHECK(ptr == (const void *)&client[3]);
    GL(glGetVertexAttribiv)(2, GL_VERTEX_ATTRIB_ARRAY_SIZE, iv);
    GLST_CHECK_INT(iv[0], 3);
    GL(glGetVertexAttribiv)(2, GL_VERTEX_ATTRIB_ARRAY_STRIDE, iv);
    GLST_CHECK_INT(iv[0], 10);
    GL(glGetVertexAttribiv)(2, GL_VERTEX_ATTRIB_ARRAY_TYPE, iv);
    GLST_CHECK_HEX(iv[0], GL_SHORT);
    GL(glGetVertexAttribiv)(2, GL_VERTEX_ATTRIB_ARRAY_NORMALIZED, iv);
    GLST_CHECK_INT(iv[0], GL_TRUE);
    GL(glGetVertexAttribiv)(2, GL_VERTEX_ATTRIB_ARRAY_ENABLED, iv);
    GLST_CHECK_INT(iv[0], GL_FALSE);
    GL(glEnableVertexAttribArray)(2);
    GL(glGetVertexAttribiv)(2, GL_VERTEX_ATTRIB_ARRAY_ENABLED, iv);
    GLST_CHECK_INT(iv[0], GL_TRUE);
    GL(glDisableVertexAttribArray)(2);
    GL(glGetVertexAttribiv)(2, GL_VERTEX_ATTRIB_ARRAY_ENABLED, iv);
    GLST_CHECK_INT(iv[0], GL_FALSE);
    GL(glGetVertexAttribfv)(2, GL_VERTEX_ATTRIB_ARRAY_STRIDE, f);
    GLST_CHECK(f[0] == 10.0f);

    /* Buffer-backed pointer: the offset comes back as the pointer. */
    GLuint buf;
    GL(glGenBuffers)(1, &buf);
    GL(glBindBuffer)(GL_ARRAY_BUFFER, buf);
    GL(glVertexAttribPointer)(3, 4, GL_UNSIGNED_BYTE, GL_FALSE, 0, (const void *)24);
    GL(glGetVertexAttribPointerv)(3, GL_VERTEX_ATTRIB_ARRAY_POINTER, &ptr);
    GLST_CHECK(ptr == (void *)24);
    GL(glGetVertexAttribiv)(3, GL_VERTEX_ATTRIB_ARRAY_BUFFER_BINDING, iv);
    GLST_CHECK_INT(iv[0], buf);
    GL(glBindBuffer)(GL_ARRAY_BUFFER, 0);
    GL(glDeleteBuffers)(1, &buf);

    GLint max_attribs = 0;
    GL(glGetIntegerv)(GL_MAX_VERTEX_ATTRIBS, &max_attribs);
    GL(glEnableVertexAttribArray)((GLuint)max_attribs);
    CHECK_ERR(GL_INVALID_VALUE);
    GL(glVertexAttribPointer)(0, 5, GL_FLOAT, GL_FALSE, 0, client);
    CHECK_ERR(GL_INVALID_VALUE);
}

/* Reads one RGBA pixel of the currently bound framebuffer. */
static void read_pixel(int x, int y, GLubyte out[4])
{
    GL(glPixelStorei)(GL_PACK_ALIGNMENT, 4);
    GL(glReadPixels)(x, y, 1, 1, GL_RGBA, GL_UNSIGNED_BYTE, out);
}

static void test_textures(void)
{
    GLuint tex[2] = { 0, 0 };
    GL(glGenTextures)(2, tex);
    GLST_CHECK(tex[0] != 0 && tex[1] != 0);
    GLST_CHECK_INT(GL(glIsTexture)(tex[0]), GL_FALSE); /* not bound yet */
    GL(glActiveTexture)(GL_TEXTURE1);
    EXPECT_INT(GL_ACTIVE_TEXTURE, GL_TEXTURE1);
    GL(glBindTexture)(GL_TEXTURE_2D, tex[0]);
    GLST_CHECK_INT(GL(glIsTexture)(tex[0]), GL_TRUE);
    EXPECT_INT(GL_TEXTURE_BINDING_2D, tex[0]);
    GL(glActiveTexture)(GL_TEXTURE0);
    EXPECT_INT(GL_TEXTURE_BINDING_2D, 0);
    GL(glActiveTexture)(GL_TEXTURE0 - 1);
    CHECK_ERR(GL_INVALID_ENUM);
    GL(glBindTexture)(GL_TEXTURE_2D, tex[0]);

    GL(glTexParameteri)(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_NEAREST);
    GL(glTexParameterf)(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, (GLfloat)GL_NEAREST);
    const GLint wrap_s = GL_MIRRORED_REPEAT;
    GL(glTexParameteriv)(GL_TEXTURE_2D, GL_TEXTURE_WRAP_S, &wrap_s);
    const GLfloat wrap_t = (GLfloat)GL_CLAMP_TO_EDGE;
    GL(glTexParameterfv)(GL_TEXTURE_2D, GL_TEXTURE_WRAP_T, &wrap_t);
    GLint iv = 0;
    GLfloat fv = 0;
    GL(glGetTexParameteriv)(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, &iv);
    GLST_CHECK_HEX(iv, GL_NEAREST);
    GL(glGetTexParameteriv)(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, &iv);
    GLST_CHECK_HEX(iv, GL_NEAREST);
    GL(glGetTexParameteriv)(GL_TEXTURE_2D, GL_TEXTURE_WRAP_S, &iv);
    GLST_CHECK_HEX(iv, GL_MIRRORED_REPEAT);
    GL(glGetTexParameterfv)(GL_TEXTURE_2D, GL_TEXTURE_WRAP_T, &fv);
    GLST_CHECK(fv == (GLfloat)GL_CLAMP_TO_EDGE);
    GL(glTexParameteri)(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_REPEAT);
    CHECK_ERR(GL_INVALID_ENUM);

    /* 2x2 RGBA texture, sub-image patch, read back through an FBO. */
    static const GLubyte px[16] = { 255, 0, 0, 255, 0, 255, 0, 255,
                                    0, 0, 255, 255, 255, 255, 255, 255 };
    static const GLubyte patch[4] = { 10, 20, 30, 40 };
    GL(glTexImage2D)(GL_TEXTURE_2D, 0, GL_RGBA, 2, 2, 0, GL_RGBA, GL_UNSIGNED_BYTE, px);
    GL(glTexSubImage2D)(GL_TEXTURE_2D, 0, 1, 1, 1, 1, GL_RGBA, GL_UNSIGNED_BYTE, patch);
    CHECK_ERR(GL_NO_ERROR);
    GL(glTexSubImage2D)(GL_TEXTURE_2D, 0, 2, 2, 1, 1, GL_RGBA, GL_UNSIGNED_BYTE, patch);
    CHECK_ERR(GL_INVALID_VALUE);
    GL(glTexImage2D)(GL_TEXTURE_2D, 0, GL_RGBA, 2, 2, 0, GL_RGB, GL_UNSIGNED_BYTE, px);
    CHECK_ERR(GL_INVALID_OPERATION); /* format must match internalformat */

    GLuint fbo;
    GL(glGenFramebuffers)(1, &fbo);
    GL(glBindFramebuffer)(GL_FRAMEBUFFER, fbo);
    GL(glFramebufferTexture2D)(GL_FRAMEBUFFER, GL_COLOR_ATTACHMENT0, GL_TEXTURE_2D, tex[0], 0);
    GLST_CHECK_HEX(GL(glCheckFramebufferStatus)(GL_FRAMEBUFFER), GL_FRAMEBUFFER_COMPLETE);
    GLubyte p[4];
    read_pixel(1, 1, p);
    GLST_CHECK(memcmp(p, patch, 4) == 0);
    read_pixel(1, 0, p);
    GLST_CHECK(memcmp(p, &px[4], 4) == 0);

    /* glGenerateMipmap on a power-of-two texture, then level 1 is 1x1. */
    GL(glGenerateMipmap)(GL_TEXTURE_2D);
    CHECK_ERR(GL_NO_ERROR);
    GL(glFramebufferTexture2D)(GL_FRAMEBUFFER, GL_COLOR_ATTACHMENT0, GL_TEXTURE_2D, tex[0], 1);
    GLint level = -1;
    GL(glGetFramebufferAttachmentParameteriv)(GL_FRAMEBUFFER, GL_COLOR_ATTACHMENT0,
                                              GL_FRAMEBUFFER_ATTACHMENT_TEXTURE_LEVEL, &level);
    GLST_CHECK_INT(level, 1);
    GL(glGenerateMipmap)(GL_TEXTURE_CUBE_MAP); /* nothing bound: incomplete cube */
    CHECK_ERR(GL_INVALID_OPERATION);

    /* Copy from the default framebuffer cleared to a known colour. */
    GL(glBindFramebuffer)(GL_FRAMEBUFFER, 0);
    GL(glClearColor)(0.0f, 1.0f, 0.0f, 1.0f);
    GL(glClear)(GL_COLOR_BUFFER_BIT);
    GL(glBindTexture)(GL_TEXTURE_2D, tex[1]);
    GL(glCopyTexImage2D)(GL_TEXTURE_2D, 0, GL_RGBA, 4, 4, 8, 8, 0);
    GL(glClearColor)(1.0f, 0.0f, 1.0f, 1.0f);
    GL(glClear)(GL_COLOR_BUFFER_BIT);
    GL(glCopyTexSubImage2D)(GL_TEXTURE_2D, 0, 2, 3, 0, 0, 1, 1);
    GL(glCopyTexImage2D)(GL_TEXTURE_2D, 0, GL_RGBA, 0, 0, 8, 8, 1); /* border must be 0 */
    CHECK_ERR(GL_INVALID_VALUE);
    GL(glBindFramebuffer)(GL_FRAMEBUFFER, fbo);
    GL(glFramebufferTexture2D)(GL_FRAMEBUFFER, GL_COLOR_ATTACHMENT0, GL_TEXTURE_2D, tex[1], 0);
    read_pixel(0, 0, p);
    GLST_CHECK(p[0] == 0 && p[1] == 255 && p[2] == 0 && p[3] == 255);
    read_pixel(2, 3, p);
    GLST_CHECK(p[0] == 255 && p[1] == 0 && p[2] == 255 && p[3] == 255);
    GL(glBindFramebuffer)(GL_FRAMEBUFFER, 0);

    /* Compressed textures: ETC1 when advertised; a bogus format otherwise
     * rejected either way. */
    static const GLubyte block[8] = { 0x80, 0x40, 0x20, 0x02, 0x00, 0xFF, 0x00, 0xFF };
    const char *exts = (const char *)GL(glGetString)(GL_EXTENSIONS);
    GL(glCompressedTexImage2D)(GL_TEXTURE_2D, 0, 0x1234, 4, 4, 0, 8, block);
    CHECK_ERR(GL_INVALID_ENUM);
    GL(glCompressedTexSubImage2D)(GL_TEXTURE_2D, 0, 0, 0, 4, 4, 0x1234, 8, block);
    GLenum e = GL(glGetError)();
    GLST_CHECK(e == GL_INVALID_ENUM || e == GL_INVALID_OPERATION);
    if (glst_has_token(exts, "GL_OES_compressed_ETC1_RGB8_texture")) {
        GL(glCompressedTexImage2D)(GL_TEXTURE_2D, 0, GL_ETC1_RGB8_OES, 4, 4, 0, 8, block);
        CHECK_ERR(GL_NO_ERROR);
        GL(glCompressedTexImage2D)(GL_TEXTURE_2D, 0, GL_ETC1_RGB8_OES, 4, 4, 0, 7, block);
        CHECK_ERR(GL_INVALID_VALUE);
        GL(glCompressedTexSubImage2D)(GL_TEXTURE_2D, 0, 0, 0, 4, 4, GL_ETC1_RGB8_OES, 8, block);
        if (glst_has_token(exts, "GL_EXT_compressed_ETC1_RGB8_sub_texture"))
            CHECK_ERR(GL_NO_ERROR);
        else
            CHECK_ERR(GL_INVALID_OPERATION);
    }

    GL(glDeleteFramebuffers)(1, &fbo);
    GL(glDeleteTextures)(2, tex);
    GLST_CHECK_INT(GL(glIsTexture)(tex[0]), GL_FALSE);
    GLST_CHECK_INT(GL(glIsTexture)(tex[1]), GL_FALSE);
    GLuint junk = 98765;
    GL(glDeleteTextures)(1, &junk);
    CHECK_ERR(GL_NO_ERROR);
}

static void test_framebuffers(void)
{
    GLuint fbo = 0, rb[2] = { 0, 0 };
    GL(glGenFramebuffers)(1, &fbo);
    GL(glGenRenderbuffers)(2, rb);
    GLST_CHECK_INT(GL(glIsFramebuffer)(fbo), GL_FALSE);
    GLST_CHECK_INT(GL(glIsRenderbuffer)(rb[0]), GL_FALSE);
    GL(glBindFramebuffer)(GL_FRAMEBUFFER, fbo);
    GLST_CHECK_INT(GL(glIsFramebuffer)(fbo), GL_TRUE);
    EXPECT_INT(GL_FRAMEBUFFER_BINDING, fbo);
    GLST_CHECK_HEX(GL(glCheckFramebufferStatus)(GL_FRAMEBUFFER),
                   GL_FRAMEBUFFER_INCOMPLETE_MISSING_ATTACHMENT);

    GL(glBindRenderbuffer)(GL_RENDERBUFFER, rb[0]);
    GLST_CHECK_INT(GL(glIsRenderbuffer)(rb[0]), GL_TRUE);
    GL(glRenderbufferStorage)(GL_RENDERBUFFER, GL_RGBA4, 17, 9);
    GLint v = 0;
    GL(glGetRenderbufferParameteriv)(GL_RENDERBUFFER, GL_RENDERBUFFER_WIDTH, &v);
    GLST_CHECK_INT(v, 17);
    GL(glGetRenderbufferParameteriv)(GL_RENDERBUFFER, GL_RENDERBUFFER_HEIGHT, &v);
    GLST_CHECK_INT(v, 9);
    GL(glGetRenderbufferParameteriv)(GL_RENDERBUFFER, GL_RENDERBUFFER_INTERNAL_FORMAT, &v);
    GLST_CHECK_HEX(v, GL_RGBA4);
    GL(glGetRenderbufferParameteriv)(GL_RENDERBUFFER, GL_RENDERBUFFER_RED_SIZE, &v);
    GLST_CHECK(v >= 4);
    GL(glRenderbufferStorage)(GL_RENDERBUFFER, GL_RGBA, 4, 4); /* unsized: invalid */
    CHECK_ERR(GL_INVALID_ENUM);

    GL(glFramebufferRenderbuffer)(GL_FRAMEBUFFER, GL_COLOR_ATTACHMENT0, GL_RENDERBUFFER, rb[0]);
    GL(glBindRenderbuffer)(GL_RENDERBUFFER, rb[1]);
    GL(glRenderbufferStorage)(GL_RENDERBUFFER, GL_DEPTH_COMPONENT16, 17, 9);
    GL(glFramebufferRenderbuffer)(GL_FRAMEBUFFER, GL_DEPTH_ATTACHMENT, GL_RENDERBUFFER, rb[1]);
    GLST_CHECK_HEX(GL(glCheckFramebufferStatus)(GL_FRAMEBUFFER), GL_FRAMEBUFFER_COMPLETE);
    GL(glGetFramebufferAttachmentParameteriv)(GL_FRAMEBUFFER, GL_COLOR_ATTACHMENT0,
                                              GL_FRAMEBUFFER_ATTACHMENT_OBJECT_TYPE, &v);
    GLST_CHECK_HEX(v, GL_RENDERBUFFER);
    GL(glGetFramebufferAttachmentParameteriv)(GL_FRAMEBUFFER, GL_DEPTH_ATTACHMENT,
                                              GL_FRAMEBUFFER_ATTACHMENT_OBJECT_NAME, &v);
    GLST_CHECK_INT(v, rb[1]);
    GL(glGetFramebufferAttachmentParameteriv)(GL_FRAMEBUFFER, GL_STENCIL_ATTACHMENT,
                                              GL_FRAMEBUFFER_ATTACHMENT_OBJECT_TYPE, &v);
    GLST_CHECK_HEX(v, GL_NONE);

    /* Clear to exactly representable RGBA4 values and read back. */
    GL(glViewport)(0, 0, 17, 9);
    GL(glClearColor)(1.0f, 0.2f, 0.0f, 1.0f);
    GL(glClear)(GL_COLOR_BUFFER_BIT | GL_DEPTH_BUFFER_BIT);
    GLubyte p[4];
    read_pixel(16, 8, p);
    GLST_CHECK(p[0] == 255 && p[1] == 51 && p[2] == 0 && p[3] == 255);
    /* Draw a triangle with the depth test and read it back with odd size. */
    GL(glEnable)(GL_DEPTH_TEST);
    GL(glClearDepthf)(1.0f);
    GL(glClear)(GL_DEPTH_BUFFER_BIT);
    GLubyte rect[17 * 9 * 4 + 4];
    memset(rect, 0xCD, sizeof(rect));
    GL(glReadPixels)(0, 0, 17, 9, GL_RGBA, GL_UNSIGNED_BYTE, rect);
    GLST_CHECK(rect[17 * 9 * 4] == 0xCD && rect[0] == 255 && rect[17 * 9 * 4 - 3] == 51);
    GL(glReadPixels)(0, 0, 1, 1, GL_RGBA, GL_FLOAT, rect);
    CHECK_ERR(GL_INVALID_OPERATION);
    GL(glDisable)(GL_DEPTH_TEST);
    GL(glViewport)(0, 0, 64, 64);

    GL(glBindFramebuffer)(GL_FRAMEBUFFER, 0);
    GL(glDeleteRenderbuffers)(2, rb);
    GL(glDeleteFramebuffers)(1, &fbo);
    GLST_CHECK_INT(GL(glIsRenderbuffer)(rb[0]), GL_FALSE);
    GLST_CHECK_INT(GL(glIsFramebuffer)(fbo), GL_FALSE);
    GL(glBindFramebuffer)(0x1234, 0);
    CHECK_ERR(GL_INVALID_ENUM);
    GLST_CHECK_HEX(GL(glCheckFramebufferStatus)(0x1234), 0);
    CHECK_ERR(GL_INVALID_ENUM);
}

static void test_draw(void)
{
    static const char *vs = "attribute vec4 a_pos;\n"
                            "void main() { gl_Position = a_pos; }\n";
    static const char *fs = "precision mediump float;\n"
                            "uniform vec4 u_color;\n"
                            "void main() { gl_FragColor = u_color; }\n";
    GLuint prog = GL(glCreateProgram)();
    GLuint v = compile(GL_VERTEX_SHADER, vs), f = compile(GL_FRAGMENT_SHADER, fs);
    GL(glAttachShader)(prog, v);
    GL(glAttachShader)(prog, f);
    GL(glBindAttribLocation)(prog, 0, "a_pos");
    GL(glLinkProgram)(prog);
    GL(glUseProgram)(prog);
    GLint color = GL(glGetUniformLocation)(prog, "u_color");

    GL(glViewport)(0, 0, 64, 64);
    GL(glClearColor)(0.0f, 0.0f, 0.0f, 1.0f);
    GL(glClear)(GL_COLOR_BUFFER_BIT);
    static const GLfloat left[] = { -1, -1, 0, -1, -1, 1, 0, 1 };
    static const GLfloat right[] = { 0, -1, 1, -1, 0, 1, 1, 1 };
    static const GLubyte idx[] = { 0, 1, 2, 2, 1, 3 };
    GL(glEnableVertexAttribArray)(0);
    GL(glVertexAttribPointer)(0, 2, GL_FLOAT, GL_FALSE, 0, left);
    GL(glUniform4f)(color, 1.0f, 0.0f, 0.0f, 1.0f);
    GL(glDrawArrays)(GL_TRIANGLE_STRIP, 0, 4);
    GL(glVertexAttribPointer)(0, 2, GL_FLOAT, GL_FALSE, 0, right);
    GL(glUniform4f)(color, 0.0f, 0.0f, 1.0f, 1.0f);
    GL(glDrawElements)(GL_TRIANGLES, 6, GL_UNSIGNED_BYTE, idx);
    GL(glDisableVertexAttribArray)(0);
    GL(glFlush)();
    GL(glFinish)();
    CHECK_ERR(GL_NO_ERROR);
    GLubyte p[4];
    read_pixel(10, 30, p);
    GLST_CHECK(p[0] == 255 && p[1] == 0 && p[2] == 0 && p[3] == 255);
    read_pixel(50, 30, p);
    GLST_CHECK(p[0] == 0 && p[1] == 0 && p[2] == 255 && p[3] == 255);

    GL(glDrawArrays)(0x1234, 0, 3);
    CHECK_ERR(GL_INVALID_ENUM);
    GL(glDrawArrays)(GL_TRIANGLES, 0, -1);
    CHECK_ERR(GL_INVALID_VALUE);
    GL(glDrawElements)(GL_TRIANGLES, 3, GL_FLOAT, idx);
    CHECK_ERR(GL_INVALID_ENUM);
    GL(glClear)(0x80000000u);
    CHECK_ERR(GL_INVALID_VALUE);

    GL(glUseProgram)(0);
    GL(glDeleteShader)(v);
    GL(glDeleteShader)(f);
    GL(glDeleteProgram)(prog);
}

int main(void)
{
    glst_egl egl;
    if (!glst_egl_setup(&egl, 64, 64)) {
        GLST_CHECK(!"EGL setup");
        return glst_finish();
    }
    load_entry_points();
    if (all_loaded()) {
        test_errors_and_strings();
        test_get_arrays();
        test_state();
        test_buffers();
        test_shader_source();
        test_program();
        test_shader_misc();
        test_vertex_attribs();
        test_textures();
        test_framebuffers();
        test_draw();
        CHECK_ERR(GL_NO_ERROR);

        int uncalled = 0;
        for (int i = 0; i < GLST_FN_COUNT; i++)
            if (!fn_called[i]) {
                glst_fail_msg(__FILE__, __LINE__, "%s was never called", fn_names[i]);
                uncalled++;
            }
        GLST_CHECK_INT(uncalled, 0);
    }
    glst_egl_teardown(&egl);
    return glst_finish();
}
