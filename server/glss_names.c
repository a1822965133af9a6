/* Client object names -> host object names, per share group. */
#include <stdlib.h>
#include <string.h>

#include "glss_buffers.h"
#include "glss_gl_generated.h"
#include "glss_memory.h"
#include "glss_sandbox.h"
#include "glss_worker.h"

/* A host name that names no object: Mesa hands out names from 1 upwards. */
#define GLSS_HOST_NONEXISTENT 0xfffffff0u
/* A deleted shader or program the host keeps while attached or in use:
 * its name stays valid until the host frees it (GLES 2.0, 2.10.3). */
#define GLSS_NAME_DELETED (1ull << 32)

static bool glss_host_shader_program_exists(GLuint host)
{
	return glIsShader(host) || glIsProgram(host);
}

static struct gls_idmap *glss_names_of(struct glss_worker *w, enum gls_object_type type)
{
	if (!w->current)
		return NULL;
	if (type == GLS_OBJ_VERTEX_ARRAY)
		return &w->current->vertex_arrays;
	if (type == GLS_OBJ_PROGRAM_PIPELINE)
		return &w->current->program_pipelines;
	if (type == GLS_OBJ_QUERY)
		return &w->current->queries;
	if (type == GLS_OBJ_TRANSFORM_FEEDBACK)
		return &w->current->transform_feedbacks;
	return &w->current->share->names[type];
}

bool glss_name_map(struct glss_worker *w, enum gls_object_type type, enum glss_name_mode mode, GLuint *name)
{
	if (*name == 0)
		return true;
	if (*name == GLS_NAME_NONEXISTENT && mode == GLSS_NAME_USE) {
		*name = GLSS_HOST_NONEXISTENT;
		return true;
	}
	struct gls_idmap *map = glss_names_of(w, type);
	uint64_t host;
	if (!map) {
		glss_fail(w, "object name %u used without a current context", *name);
		return false;
	}
	if (!gls_idmap_get(map, *name, &host)) {
		glss_fail(w, "unknown object name %u (type %d)", *name, (int)type);
		return false;
	}
	if ((host & GLSS_NAME_DELETED) && (GLuint)host != GLSS_HOST_NONEXISTENT &&
	    !glss_host_shader_program_exists((GLuint)host)) {
		/* the host has freed it since: the name now names nothing (the
		 * client still knows it, so the entry stays) */
		gls_idmap_remove(&w->current->share->host_names[type], (GLuint)host, NULL);
		host = GLSS_NAME_DELETED | GLSS_HOST_NONEXISTENT;
		gls_idmap_put(map, *name, host);
	}
	*name = (GLuint)host;
	return true;
}

bool glss_name_unmap(struct glss_worker *w, enum gls_object_type type, GLuint host, GLuint *name)
{
	uint64_t client;
	*name = 0;
	if (host == 0 || !w->current)
		return host == 0;
	if (GLS_OBJ_PER_CONTEXT(type)) {
		/* vertex arrays, pipelines: few, search the forward map */
		struct gls_idmap *map = glss_names_of(w, type);
		for (uint32_t i = 0; i < map->capacity; i++) {
			if (map->keys[i] && map->keys[i] != GLS_IDMAP_TOMB && map->values[i] == host) {
				*name = map->keys[i];
				return true;
			}
		}
		return false;
	}
	if (!gls_idmap_get(&w->current->share->host_names[type], host, &client))
		return false;
	*name = (GLuint)client;
	return true;
}

/* The object quota (--max-objects). w->objects counts names created and
 * is lowered by deletions; it overcounts names of destroyed share groups,
 * so when it reaches the quota the live names are counted exactly. A
 * client over the quota is ended with a logged reason: its names are its
 * own choice, so refusing one with GL_OUT_OF_MEMORY would leave the client
 * believing in a name the worker does not know (every later use would be
 * a protocol violation anyway). See docs/security.md. */
struct glss_count {
	struct glss_share_group *seen[64];
	unsigned nseen;
	uint64_t total;
};

static void glss_count_context(uint32_t id, uint64_t value, void *data)
{
	(void)id;
	struct glss_count *count = data;
	struct glss_context *c = (struct glss_context *)(uintptr_t)value;
	count->total += c->vertex_arrays.count + c->program_pipelines.count + c->queries.count +
			c->transform_feedbacks.count;
	for (unsigned i = 0; i < count->nseen; i++)
		if (count->seen[i] == c->share)
			return;
	if (count->nseen < sizeof(count->seen) / sizeof(count->seen[0]))
		count->seen[count->nseen++] = c->share;
	for (int t = 0; t < GLS_OBJ_COUNT; t++)
		count->total += c->share->names[t].count;
}

static bool glss_quota_take(struct glss_worker *w, uint32_t n)
{
	if ((uint64_t)w->objects + n <= glss_limits.max_objects) {
		w->objects += n;
		return true;
	}
	struct glss_count count = {.nseen = 0};
	gls_idmap_each(&w->contexts, glss_count_context, &count);
	if (count.total + n > glss_limits.max_objects) {
		glss_fail(w, "object quota exceeded: %llu objects exist, %u more asked, at most %u allowed (--max-objects)",
			  (unsigned long long)count.total, n, glss_limits.max_objects);
		return false;
	}
	w->objects = (uint32_t)count.total + n;
	return true;
}

static bool glss_name_add(struct glss_worker *w, enum gls_object_type type, GLuint name, GLuint host)
{
	struct gls_idmap *map = glss_names_of(w, type);
	if (!gls_idmap_put(map, name, host)) {
		glss_fail(w, "out of memory for object names");
		return false;
	}
	if (!GLS_OBJ_PER_CONTEXT(type) && host)
		gls_idmap_put(&w->current->share->host_names[type], host, name);
	return true;
}

static void glss_host_gen(enum gls_object_type type, GLsizei n, GLuint *names)
{
	switch (type) {
	case GLS_OBJ_BUFFER: glGenBuffers(n, names); break;
	case GLS_OBJ_TEXTURE: glGenTextures(n, names); break;
	case GLS_OBJ_RENDERBUFFER: glGenRenderbuffers(n, names); break;
	case GLS_OBJ_FRAMEBUFFER: glGenFramebuffers(n, names); break;
	case GLS_OBJ_VERTEX_ARRAY: glss_ext.glGenVertexArraysOES(n, names); break;
	case GLS_OBJ_PROGRAM_PIPELINE: glss_ext.glGenProgramPipelinesEXT(n, names); break;
	case GLS_OBJ_QUERY: glGenQueries(n, names); break;
	case GLS_OBJ_SAMPLER: glGenSamplers(n, names); break;
	case GLS_OBJ_TRANSFORM_FEEDBACK: glGenTransformFeedbacks(n, names); break;
	default: break;
	}
}

static void glss_host_delete(enum gls_object_type type, GLsizei n, const GLuint *names)
{
	switch (type) {
	case GLS_OBJ_BUFFER: glDeleteBuffers(n, names); break;
	case GLS_OBJ_TEXTURE: glDeleteTextures(n, names); break;
	case GLS_OBJ_RENDERBUFFER: glDeleteRenderbuffers(n, names); break;
	case GLS_OBJ_FRAMEBUFFER: glDeleteFramebuffers(n, names); break;
	case GLS_OBJ_VERTEX_ARRAY: glss_ext.glDeleteVertexArraysOES(n, names); break;
	case GLS_OBJ_PROGRAM_PIPELINE: glss_ext.glDeleteProgramPipelinesEXT(n, names); break;
	case GLS_OBJ_QUERY: glDeleteQueries(n, names); break;
	case GLS_OBJ_SAMPLER: glDeleteSamplers(n, names); break;
	case GLS_OBJ_TRANSFORM_FEEDBACK: glDeleteTransformFeedbacks(n, names); break;
	default: break;
	}
}

/* Reads u32 type, u32 n and n names; the names stay in the reader. */
static const uint8_t *glss_read_names(struct glss_worker *w, struct gls_reader *r, enum gls_object_type *type, uint32_t *n)
{
	uint32_t t = gls_get_u32(r);
	*n = gls_get_u32(r);
	const uint8_t *names = NULL;
	if (*n <= GLS_MAX_ARRAY_ELEMENTS)
		names = gls_take(r, (size_t)*n * 4);
	else
		r->bad = true;
	if (!gls_reader_done(r))
		return NULL;
	if (t >= GLS_OBJ_COUNT || t == GLS_OBJ_SHADER_PROGRAM) {
		glss_fail(w, "bad object type %u", t);
		return NULL;
	}
	if (t == GLS_OBJ_VERTEX_ARRAY && !glss_ext.glGenVertexArraysOES) {
		glss_fail(w, "vertex arrays are not available");
		return NULL;
	}
	if (t == GLS_OBJ_PROGRAM_PIPELINE && !glss_ext.glGenProgramPipelinesEXT) {
		glss_fail(w, "program pipelines are not available");
		return NULL;
	}
	if (!w->current) {
		glss_fail(w, "objects made without a current context");
		return NULL;
	}
	if ((t == GLS_OBJ_QUERY || t == GLS_OBJ_SAMPLER || t == GLS_OBJ_TRANSFORM_FEEDBACK) &&
	    !glss_advertised(w, GLS_EXT_BIT(GL_ES_VERSION_3_0))) {
		glss_fail(w, "objects of OpenGL ES 3.0 in a context not offered it");
		return NULL;
	}
	*type = (enum gls_object_type)t;
	return names;
}

/* wire glsGenObjects: u32 type, u32 n, n x u32 name (new, non-zero) */
void glss_exec_glsGenObjects(struct glss_worker *w, struct gls_reader *r)
{
	enum gls_object_type type;
	uint32_t n;
	const uint8_t *names = glss_read_names(w, r, &type, &n);
	if (!names)
		return;
	struct gls_idmap *map = glss_names_of(w, type);
	if (!glss_quota_take(w, n))
		return;
	for (uint32_t i = 0; i < n; i++) {
		uint32_t name;
		memcpy(&name, names + 4 * i, 4);
		name = le32toh(name);
		if (name == 0 || name >= GLS_NAME_NONEXISTENT || gls_idmap_get(map, name, NULL)) {
			glss_fail(w, "glsGenObjects with a used or reserved name %u", name);
			return;
		}
		GLuint host = 0;
		glss_host_gen(type, 1, &host);
		if (!glss_name_add(w, type, name, host))
			return;
	}
}

/* wire glsDeleteObjects: u32 type, u32 n, n x u32 name (known names) */
void glss_exec_glsDeleteObjects(struct glss_worker *w, struct gls_reader *r)
{
	enum gls_object_type type;
	uint32_t n;
	const uint8_t *names = glss_read_names(w, r, &type, &n);
	if (!names)
		return;
	struct gls_idmap *map = glss_names_of(w, type);
	for (uint32_t i = 0; i < n; i++) {
		uint32_t name;
		memcpy(&name, names + 4 * i, 4);
		name = le32toh(name);
		uint64_t host;
		if (!gls_idmap_remove(map, name, &host)) {
			glss_fail(w, "glsDeleteObjects of unknown name %u", name);
			return;
		}
		GLuint h = (GLuint)host;
		if (w->objects)
			w->objects--;
		glss_host_delete(type, 1, &h);
		glss_buffers_object_deleted(w, type, h);
		glss_memory_object_deleted(w, type, h);
		if (!GLS_OBJ_PER_CONTEXT(type))
			gls_idmap_remove(&w->current->share->host_names[type], h, NULL);
	}
}

/* wire glsCreateShaderProgram: u32 name, u32 shader type (0: a program) */
void glss_exec_glsCreateShaderProgram(struct glss_worker *w, struct gls_reader *r)
{
	GLuint name = gls_get_u32(r);
	GLenum type = gls_get_u32(r);
	if (!gls_reader_done(r))
		return;
	/* es3.1 compute: compute shaders in a context offered ES 3.1 */
	bool compute = type == GL_COMPUTE_SHADER && glss_advertised(w, GLS_EXT_BIT(GL_ES_VERSION_3_1));
	/* es3.2 geomtess: geometry and tessellation shaders in a context offered ES 3.2 */
	bool geomtess = (type == GL_GEOMETRY_SHADER || type == GL_TESS_CONTROL_SHADER ||
			 type == GL_TESS_EVALUATION_SHADER) &&
			glss_advertised(w, GLS_EXT_BIT(GL_ES_VERSION_3_2));
	if (type != 0 && type != GL_VERTEX_SHADER && type != GL_FRAGMENT_SHADER && !compute && !geomtess) {
		glss_fail(w, "glsCreateShaderProgram of type 0x%x", type);
		return;
	}
	if (!glss_shader_program_reserve(w, name))
		return;
	glss_shader_program_add(w, name, type ? glCreateShader(type) : glCreateProgram());
}

bool glss_shader_program_reserve(struct glss_worker *w, GLuint name)
{
	struct gls_idmap *map = glss_names_of(w, GLS_OBJ_SHADER_PROGRAM);
	if (!map || name == 0 || name >= GLS_NAME_NONEXISTENT || gls_idmap_get(map, name, NULL)) {
		glss_fail(w, "a shader or program created with a used or reserved name %u", name);
		return false;
	}
	return glss_quota_take(w, 1);
}

void glss_shader_program_add(struct glss_worker *w, GLuint name, GLuint host)
{
	/* A host name handed out again: the deleted object it named is gone. */
	uint64_t stale;
	struct gls_idmap *reverse = &w->current->share->host_names[GLS_OBJ_SHADER_PROGRAM];
	if (host && gls_idmap_remove(reverse, host, &stale))
		gls_idmap_put(glss_names_of(w, GLS_OBJ_SHADER_PROGRAM), (uint32_t)stale,
			      GLSS_NAME_DELETED | GLSS_HOST_NONEXISTENT);
	glss_name_add(w, GLS_OBJ_SHADER_PROGRAM, name, host);
}

/* wire glDeleteShader / glDeleteProgram: u32 name */
static void glss_delete_shader_program(struct glss_worker *w, struct gls_reader *r, bool program)
{
	GLuint name = gls_get_u32(r);
	if (!gls_reader_done(r))
		return;
	GLuint host = name;
	if (!glss_name_map(w, GLS_OBJ_SHADER_PROGRAM, GLSS_NAME_USE, &host))
		return;
	if (program)
		glDeleteProgram(host);
	else
		glDeleteShader(host);
	if (name == GLS_NAME_NONEXISTENT || host == GLSS_HOST_NONEXISTENT)
		return;
	struct glss_share_group *share = w->current->share;
	/* The client keeps knowing the name; while the host keeps the object
	 * (attached, in use) the name still names it. */
	if (glss_host_shader_program_exists(host)) {
		gls_idmap_put(&share->names[GLS_OBJ_SHADER_PROGRAM], name, GLSS_NAME_DELETED | host);
	} else {
		gls_idmap_put(&share->names[GLS_OBJ_SHADER_PROGRAM], name, GLSS_NAME_DELETED | GLSS_HOST_NONEXISTENT);
		gls_idmap_remove(&share->host_names[GLS_OBJ_SHADER_PROGRAM], host, NULL);
	}
}

void glss_exec_glDeleteShader(struct glss_worker *w, struct gls_reader *r)
{
	glss_delete_shader_program(w, r, false);
}

void glss_exec_glDeleteProgram(struct glss_worker *w, struct gls_reader *r)
{
	glss_delete_shader_program(w, r, true);
}
