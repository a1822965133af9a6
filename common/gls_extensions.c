/* The extensions glstream implements end to end (see gls_extensions.h). */
#include <stdlib.h>
#include <string.h>

#include "gls_extensions.h"

/* Each needs its calls streamed (or none, for GLSL-only extensions) and
 * the worker's shader masking lets its GLSL names through. */
static const char *const gls_extensions[] = {
	"GL_OES_mapbuffer",
	"GL_EXT_map_buffer_range",
	"GL_OES_vertex_array_object",
	"GL_OES_element_index_uint",
	"GL_OES_texture_npot",
	"GL_OES_depth24",
	"GL_OES_depth_texture",
	"GL_OES_packed_depth_stencil",
	"GL_OES_rgb8_rgba8",
	"GL_ARM_rgba8",
	"GL_EXT_texture_format_BGRA8888",
	"GL_EXT_read_format_bgra",
	"GL_OES_standard_derivatives",
	"GL_OES_required_internalformat",
	"GL_EXT_texture_filter_anisotropic",
	"GL_OES_stencil8",
	"GL_OES_fbo_render_mipmap",
	"GL_EXT_blend_minmax",
	"GL_EXT_frag_depth",           /* GLSL only: gl_FragDepthEXT */
	"GL_OES_vertex_half_float",    /* GL_HALF_FLOAT_OES attributes */
	"GL_OES_texture_half_float",   /* GL_HALF_FLOAT_OES texels */
	"GL_OES_texture_half_float_linear",
	"GL_OES_texture_float",
	"GL_OES_texture_float_linear",
	"GL_EXT_texture_rg",           /* GL_RED_EXT, GL_RG_EXT texels */
	"GL_EXT_polygon_offset_clamp", /* glPolygonOffsetClampEXT */
	/* compressed formats: glCompressedTex(Sub)Image2D carry any format */
	"GL_OES_compressed_ETC1_RGB8_texture",
	"GL_EXT_compressed_ETC1_RGB8_sub_texture",
	"GL_EXT_texture_compression_dxt1",
	"GL_EXT_texture_compression_s3tc",
	"GL_ANGLE_texture_compression_dxt3",
	"GL_ANGLE_texture_compression_dxt5",
	"GL_EXT_texture_compression_rgtc",
	"GL_EXT_texture_compression_bptc",
	"GL_KHR_texture_compression_astc_ldr",};

bool gls_has_word(const char *list, const char *word)
{
	size_t n = strlen(word);
	if (!list || !n)
		return false;
	for (const char *p = list; (p = strstr(p, word)); p += n)
		if ((p == list || p[-1] == ' ') && (p[n] == ' ' || p[n] == 0))
			return true;
	return false;
}

char *gls_extensions_advertised(const char *host)
{
	size_t count = sizeof(gls_extensions) / sizeof(*gls_extensions);
	size_t total = 1;
	for (size_t i = 0; i < count; i++)
		total += strlen(gls_extensions[i]) + 1;
	char *out = calloc(1, total);
	if (!out)
		return NULL;
	for (size_t i = 0; i < count; i++) {
		const char *e = gls_extensions[i];
		if (gls_has_word(host, e) && !gls_has_word(out, e)) {
			strcat(out, e);
			strcat(out, " ");
		}
	}
	return out;
}
