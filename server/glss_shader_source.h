/* Shader sources as the client wrote them, and as the driver compiles
 * them (glss_shader_source.c). */
#ifndef GLSS_SHADER_SOURCE_H
#define GLSS_SHADER_SOURCE_H

#include "glss_worker.h"

/* After the driver answered glGetShaderSource (log false) or
 * glGetShaderInfoLog (log true) into text (room bytes, len written) for
 * the client's shader `client` (host name `host`): puts the client's
 * source, or the log with the client's names, there instead when they
 * differ. Returns the length now in text. */
uint32_t glss_shader_text(struct glss_worker *w, GLuint client, GLuint host, bool log, char *text, GLsizei room,
			  uint32_t len);

/* GL_SHADER_SOURCE_LENGTH and GL_INFO_LOG_LENGTH of a shader whose
 * driver text differs from the client's: true with *value set, false
 * when the driver's answer is right. */
bool glss_shader_length(struct glss_worker *w, GLuint client, GLuint host, GLenum pname, GLint *value);

/* The same for a program's info log (glGetProgramInfoLog into text; its
 * GL_INFO_LOG_LENGTH): the driver's log names renamed identifiers when it
 * holds the compile log of a masked source (glCreateShaderProgramvEXT) or
 * a link message about one; they are restored. `host` must name a
 * program. */
uint32_t glss_program_log_text(GLuint host, char *text, GLsizei room, uint32_t len);
bool glss_program_log_length(GLuint host, GLint *value);

/* es3.1 program: the name the driver knows for a client's resource name
 * (an identifier the masking renamed gets the prefix): malloc'd and
 * NUL-terminated in *out, or *out NULL when it is the client's own.
 * False when the worker failed (out of memory). */
bool glss_mask_resource_name(struct glss_worker *w, const char *name, char **out);

/* Frees the sources a share group keeps. */
void glss_shader_sources_free(struct glss_share_group *share);

#endif
