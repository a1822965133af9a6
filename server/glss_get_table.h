/* The pnames every glGet*-style query accepts in OpenGL ES 2.0 plus the
 * extensions glstream advertises, with how many values each returns and
 * whether those values are object names (which must not reach the client as
 * host names). */
#ifndef GLSS_GET_TABLE_H
#define GLSS_GET_TABLE_H

#include <stdint.h>
#include <GLES3/gl32.h> /* the OpenGL ES 2.0 API and what 3.x adds */

/* The query families, one pname table each. */
enum glss_get_family {
	GLSS_GET_STATE,              /* glGetBooleanv / glGetIntegerv / glGetFloatv */
	GLSS_GET_TEX_PARAMETER,      /* glGetTexParameter*v, glTexParameter*v */
	GLSS_GET_BUFFER_PARAMETER,   /* glGetBufferParameteriv */
	GLSS_GET_RENDERBUFFER_PARAMETER,
	GLSS_GET_ATTACHMENT_PARAMETER, /* glGetFramebufferAttachmentParameteriv */
	GLSS_GET_PROGRAM,            /* glGetProgramiv */
	GLSS_GET_SHADER,             /* glGetShaderiv */
	GLSS_GET_VERTEX_ATTRIB,      /* glGetVertexAttrib*v */
	GLSS_GET_PROGRAM_PIPELINE,   /* glGetProgramPipelineivEXT */
	/* es3 state */
	GLSS_GET_INDEXED,            /* glGetIntegeri_v / glGetInteger64i_v */
	GLSS_GET_QUERY,              /* glGetQueryiv */
	GLSS_GET_QUERY_OBJECT,       /* glGetQueryObjectuiv */
	/* es3.1 texfb */
	GLSS_GET_MULTISAMPLE,        /* glGetMultisamplefv */
	GLSS_GET_TEX_LEVEL_PARAMETER, /* glGetTexLevelParameter*v */
	GLSS_GET_FRAMEBUFFER_PARAMETER, /* glGetFramebufferParameteriv */
	GLSS_GET_FAMILY_COUNT
};

/* What the values of a pname name. */
enum {
	GLSS_GET_NOT_NAMES = -1,       /* plain values */
	GLSS_GET_ATTACHED_OBJECT = -2, /* a texture or renderbuffer: ask OBJECT_TYPE */
	/* >= 0: an enum gls_object_type */
};

struct glss_get_pname {
	GLenum pname;
	uint8_t count;      /* number of values; 0: the value of count_pname */
	int8_t names;       /* GLSS_GET_NOT_NAMES, GLSS_GET_ATTACHED_OBJECT or a gls_object_type */
	GLenum count_pname; /* for variable-length lists */
};

/* The entry of `pname` in `family`, or NULL when ES 2.0 and our extensions
 * have no such pname there. */
const struct glss_get_pname *glss_get_pname_lookup(enum glss_get_family family, GLenum pname);

#endif
