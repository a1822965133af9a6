/* Object names: the client allocates them (glGen* never waits) and knows
 * which ones the application owns, per share group. */
#include <stdlib.h>

#include "glsc_buffers.h"
#include "glsc_gl.h"
#include "glsc_stream.h"
#include "gls_wire.h"

struct glsc_share_group *glsc_share_group_new(void)
{
	struct glsc_share_group *share = calloc(1, sizeof(*share));
	if (!share)
		return NULL;
	share->refs = 1;
	for (int t = 0; t < GLS_OBJ_COUNT; t++) {
		gls_idmap_init(&share->names[t]);
		share->next_name[t] = 1;
	}
	return share;
}

static void glsc_buffer_free_entry(uint32_t name, uint64_t value, void *data)
{
	(void)name;
	(void)data;
	struct glsc_buffer *buffer = (struct glsc_buffer *)(uintptr_t)value;
	free(buffer->shadow);
	free(buffer->map_pointer);
	free(buffer);
}

void glsc_share_group_unref(struct glsc_share_group *share)
{
	if (!share || --share->refs)
		return;
	gls_idmap_each(&share->names[GLS_OBJ_BUFFER], glsc_buffer_free_entry, NULL);
	for (int t = 0; t < GLS_OBJ_COUNT; t++)
		gls_idmap_free(&share->names[t]);
	gls_idmap_free(&share->syncs);
	free(share);
}

/* Container objects are per context, not shared (GLS_OBJ_PER_CONTEXT). */
static struct gls_idmap *glsc_names_of(struct glsc_context *ctx, enum gls_object_type type)
{
	if (type == GLS_OBJ_VERTEX_ARRAY)
		return &ctx->vertex_arrays;
	if (type == GLS_OBJ_PROGRAM_PIPELINE)
		return &ctx->program_pipelines;
	if (type == GLS_OBJ_QUERY)
		return &ctx->queries;
	if (type == GLS_OBJ_TRANSFORM_FEEDBACK)
		return &ctx->transform_feedbacks;
	return &ctx->share->names[type];
}

bool glsc_name_known(struct glsc_context *ctx, enum gls_object_type type, GLuint name)
{
	return gls_idmap_get(glsc_names_of(ctx, type), name, NULL);
}

struct glsc_buffer *glsc_buffer_lookup(struct glsc_context *ctx, GLuint name)
{
	uint64_t value;
	if (!gls_idmap_get(&ctx->share->names[GLS_OBJ_BUFFER], name, &value))
		return NULL;
	return (struct glsc_buffer *)(uintptr_t)value;
}

/* What the client keeps per name: buffer and vertex array records, or 1. */
static uint64_t glsc_name_record(enum gls_object_type type)
{
	if (type == GLS_OBJ_BUFFER)
		return (uint64_t)(uintptr_t)calloc(1, sizeof(struct glsc_buffer));
	if (type == GLS_OBJ_VERTEX_ARRAY) {
		struct glsc_vertex_array *array = calloc(1, sizeof(*array));
		if (array)
			for (int i = 0; i < GLSC_MAX_ATTRIBS; i++) {
				array->attribs[i].size = 4;
				array->attribs[i].type = GL_FLOAT;
			}
		return (uint64_t)(uintptr_t)array;
	}
	return 1;
}

static void glsc_send_names(enum gls_object_type type, uint16_t opcode, GLsizei n, const GLuint *names)
{
	uint8_t *w = glsc_stream_begin_locked(opcode, 8 + 4 * (size_t)n);
	if (!w)
		return;
	w = gls_put_u32(w, type);
	w = gls_put_u32(w, (uint32_t)n);
	for (GLsizei i = 0; i < n; i++)
		w = gls_put_u32(w, names[i]);
}

void glsc_names_generate(struct glsc_context *ctx, enum gls_object_type type, GLsizei n, GLuint *names)
{
	struct gls_idmap *map = glsc_names_of(ctx, type);
	uint32_t *next = &ctx->share->next_name[type];
	GLsizei made = 0;
	for (; made < n; made++) {
		while (*next == 0 || *next >= GLS_NAME_NONEXISTENT || gls_idmap_get(map, *next, NULL))
			(*next)++;
		uint64_t record = glsc_name_record(type);
		if (!record || !gls_idmap_put(map, *next, record))
			break;
		names[made] = (*next)++;
	}
	if (made < n)
		glsc_set_error_locked(GL_OUT_OF_MEMORY);
	glsc_send_names(type, GLS_OP_glsGenObjects, made, names);
}

void glsc_names_delete(struct glsc_context *ctx, enum gls_object_type type, GLsizei n, const GLuint *names)
{
	struct gls_idmap *map = glsc_names_of(ctx, type);
	GLuint *owned = malloc(sizeof(GLuint) * (size_t)(n ? n : 1));
	if (!owned) {
		glsc_set_error_locked(GL_OUT_OF_MEMORY);
		return;
	}
	/* Unknown names and 0 are silently ignored, as GL does. */
	GLsizei count = 0;
	for (GLsizei i = 0; i < n; i++) {
		uint64_t record;
		if (!gls_idmap_remove(map, names[i], &record))
			continue;
		owned[count++] = names[i];
		if (type == GLS_OBJ_BUFFER) {
			glsc_buffer_free_entry(names[i], record, NULL);
			/* Deleting a bound buffer unbinds it. */
			if (ctx->array_buffer == names[i])
				ctx->array_buffer = 0;
			if (ctx->vertex_array->element_buffer == names[i])
				ctx->vertex_array->element_buffer = 0;
			for (int a = 0; a < GLSC_MAX_ATTRIBS; a++)
				if (ctx->vertex_array->attribs[a].buffer == names[i])
					ctx->vertex_array->attribs[a].buffer = 0;
			glsc_buffers_deleted(ctx, names[i]); /* es3 buffers */
		} else if (type == GLS_OBJ_VERTEX_ARRAY) {
			if (ctx->vertex_array_name == names[i]) {
				ctx->vertex_array_name = 0;
				ctx->vertex_array = &ctx->default_vertex_array;
			}
			free((void *)(uintptr_t)record);
		}
	}
	glsc_send_names(type, GLS_OP_glsDeleteObjects, count, owned);
	free(owned);
}

GLuint glsc_name_new_shader_program(struct glsc_context *ctx)
{
	struct gls_idmap *names = &ctx->share->names[GLS_OBJ_SHADER_PROGRAM];
	uint32_t *next = &ctx->share->next_name[GLS_OBJ_SHADER_PROGRAM];
	while (*next == 0 || *next >= GLS_NAME_NONEXISTENT || gls_idmap_get(names, *next, NULL))
		(*next)++;
	if (!gls_idmap_put(names, *next, 1)) {
		glsc_set_error_locked(GL_OUT_OF_MEMORY);
		return 0;
	}
	return (*next)++;
}

GLuint glsc_name_use(struct glsc_context *ctx, enum gls_object_type type, GLuint name)
{
	if (name == 0 || glsc_name_known(ctx, type, name))
		return name;
	return GLS_NAME_NONEXISTENT;
}

GLuint glsc_name_bind(struct glsc_context *ctx, enum gls_object_type type, GLuint name)
{
	if (name == 0 || glsc_name_known(ctx, type, name))
		return name;
	if (name >= GLS_NAME_NONEXISTENT)
		return GLS_NAME_NONEXISTENT;
	/* GLES 2.0 lets glBind* create an object for any unused name. */
	uint64_t record = glsc_name_record(type);
	if (!record || !gls_idmap_put(glsc_names_of(ctx, type), name, record)) {
		glsc_set_error_locked(GL_OUT_OF_MEMORY);
		return GLS_NAME_NONEXISTENT;
	}
	glsc_send_names(type, GLS_OP_glsGenObjects, 1, &name);
	return name;
}
