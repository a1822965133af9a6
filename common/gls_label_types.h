/* KHR_debug label identifiers -> glstream object types, the same on both
 * sides: client and worker map the application's names with it. */
#ifndef GLS_LABEL_TYPES_H
#define GLS_LABEL_TYPES_H

#include <stdbool.h>
#include <GLES3/gl32.h>
#include <GLES2/gl2ext.h>

#include "gls_extensions.h"
#include "gls_protocol.h"

/* The object type a label identifier names in a context that is offered
 * `offered` (GLS_EXT_BIT()s); false for identifiers of objects the context
 * does not have (the worker has the driver refuse them). */
static inline bool gls_label_object_type(GLenum identifier, gls_ext_bits offered, enum gls_object_type *type)
{
	bool es3 = offered & GLS_EXT_BIT(GL_ES_VERSION_3_0);
	switch (identifier) {
	case GL_BUFFER_KHR: *type = GLS_OBJ_BUFFER; return true;
	case GL_SHADER_KHR:
	case GL_PROGRAM_KHR: *type = GLS_OBJ_SHADER_PROGRAM; return true;
	case GL_TEXTURE: *type = GLS_OBJ_TEXTURE; return true;
	case GL_RENDERBUFFER: *type = GLS_OBJ_RENDERBUFFER; return true;
	case GL_FRAMEBUFFER: *type = GLS_OBJ_FRAMEBUFFER; return true;
	case GL_VERTEX_ARRAY_KHR: *type = GLS_OBJ_VERTEX_ARRAY; return true;
	case GL_QUERY_KHR: *type = GLS_OBJ_QUERY; return es3;
	case GL_SAMPLER_KHR: *type = GLS_OBJ_SAMPLER; return es3;
	case GL_TRANSFORM_FEEDBACK: *type = GLS_OBJ_TRANSFORM_FEEDBACK; return es3;
	case GL_PROGRAM_PIPELINE_KHR:
		*type = GLS_OBJ_PROGRAM_PIPELINE;
		return offered & (GLS_EXT_BIT(GL_EXT_separate_shader_objects) | GLS_EXT_BIT(GL_ES_VERSION_3_1));
	default: return false;
	}
}

#endif
