/* OpenGL ES 3.2 geometry and tessellation shaders in the worker (es3.2
 * geomtess; docs/es3.md, docs/security.md).
 *
 * The stages travel in the existing shader commands and the driver keeps
 * their state (glPatchParameteri is generated); what the worker adds is
 * for its draw-time checks:
 *
 * - a pipeline's geometry and tessellation programs read uniform blocks
 *   and shader storage like its vertex and fragment ones: their ranges
 *   are checked before a draw too (glss_draw_programs, used by
 *   glss_es3_draw_check);
 * - the restart index of a patch draw names a vertex on a driver that does
 *   not restart patches (glss_restart_applies, used by the element range
 *   checks).
 *
 * Transform feedback with a geometry or tessellation stage needs no check
 * of its own. The driver judges the primitive mode against the last
 * stage's output (GL_INVALID_OPERATION) and, in Mesa's ES 3.2 context
 * (OES_geometry_shader), never raises the ES 3.0 "not enough space"
 * error: it stops writing at the end of each bound range, and counts only
 * the primitives written (GL_TRANSFORM_FEEDBACK_PRIMITIVES_WRITTEN). The
 * host context is that ES 3.2 context whatever the version offered, so
 * ES 3.0 and 3.1 clients observe the same as natively. Each bound range
 * is checked to lie inside its buffer before every draw
 * (glss_es3_draw_check), so a driver that stops at the range never writes
 * outside a buffer, however many vertices a geometry shader emits or a
 * tessellator makes. */
#include "glss_geomtess.h"

#include "glss_gl_generated.h"
#include "glss_worker.h"

size_t glss_draw_programs(struct glss_worker *w, GLuint programs[GLSS_DRAW_STAGES])
{
	GLint program = 0;
	glGetIntegerv(GL_CURRENT_PROGRAM, &program);
	if (program) {
		programs[0] = (GLuint)program;
		return 1;
	}
	/* the extension's pipelines are the core ones (one function in Mesa) */
	void (*get)(GLuint, GLenum, GLint *) =
		glss_ext.glGetProgramPipelineiv ? glss_ext.glGetProgramPipelineiv : glss_ext.glGetProgramPipelineivEXT;
	GLint pipeline = 0;
	if (get)
		glGetIntegerv(GL_PROGRAM_PIPELINE_BINDING_EXT, &pipeline);
	if (!pipeline)
		return 0;
	static const GLenum stages[GLSS_DRAW_STAGES] = {GL_VERTEX_SHADER, GL_FRAGMENT_SHADER, GL_GEOMETRY_SHADER,
							GL_TESS_CONTROL_SHADER, GL_TESS_EVALUATION_SHADER};
	/* the geometry and tessellation pnames are the driver's errors in an
	 * older context: never asked there (no such stage can be bound) */
	size_t asked = glss_advertised(w, GLS_EXT_BIT(GL_ES_VERSION_3_2)) ? GLSS_DRAW_STAGES : 2;
	size_t n = 0;
	for (size_t i = 0; i < asked; i++) {
		GLint stage = 0;
		get((GLuint)pipeline, stages[i], &stage);
		bool seen = !stage;
		for (size_t j = 0; j < n && !seen; j++)
			seen = programs[j] == (GLuint)stage;
		if (!seen)
			programs[n++] = (GLuint)stage;
	}
	return n;
}

bool glss_restart_applies(GLenum mode)
{
	if (mode != GL_PATCHES)
		return true;
	GLboolean supported = GL_FALSE;
	glGetBooleanv(GL_PRIMITIVE_RESTART_FOR_PATCHES_SUPPORTED, &supported);
	return supported == GL_TRUE;
}
