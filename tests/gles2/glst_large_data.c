/* Bulk data larger than any protocol message: a 4199x4197 RGB texture
 * (50 MiB) uploaded with glTexImage2D and glTexSubImage2D under several
 * unpack alignments, attached to a framebuffer and read back whole as RGBA
 * (70 MiB) under several pack alignments; and a 40 MiB vertex buffer.
 * Every byte must come back as written. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "glst_test_util.h"

#define SIZE 4200 /* RGBA readback of 4200 * 4200 * 4 > 64 MiB, the largest message */

static uint8_t glst_pattern(size_t i, unsigned seed)
{
	return (uint8_t)((i * 2654435761u + seed) >> 13);
}

/* RGB rows of an odd width, so that alignment padding exists. */
static void glst_check_rgb_roundtrip(GLint unpack, GLint pack)
{
	const GLsizei w = SIZE - 1, h = SIZE - 3;
	size_t in_stride = ((size_t)w * 3 + (size_t)unpack - 1) / (size_t)unpack * (size_t)unpack;
	uint8_t *src = malloc(in_stride * (size_t)h);
	for (size_t i = 0; i < in_stride * (size_t)h; i++)
		src[i] = glst_pattern(i, (unsigned)unpack);

	GLuint tex, fbo;
	glGenTextures(1, &tex);
	glBindTexture(GL_TEXTURE_2D, tex);
	glPixelStorei(GL_UNPACK_ALIGNMENT, unpack);
	glTexImage2D(GL_TEXTURE_2D, 0, GL_RGB, w, h, 0, GL_RGB, GL_UNSIGNED_BYTE, src);
	glGenFramebuffers(1, &fbo);
	glBindFramebuffer(GL_FRAMEBUFFER, fbo);
	glFramebufferTexture2D(GL_FRAMEBUFFER, GL_COLOR_ATTACHMENT0, GL_TEXTURE_2D, tex, 0);
	GLST_CHECK_HEX(glCheckFramebufferStatus(GL_FRAMEBUFFER), GL_FRAMEBUFFER_COMPLETE);

	/* Read RGBA (always supported), compare with the RGB source. */
	size_t out_stride = ((size_t)w * 4 + (size_t)pack - 1) / (size_t)pack * (size_t)pack;
	size_t out_size = out_stride * (size_t)h;
	uint8_t *out = malloc(out_size + 64);
	memset(out, 0xee, out_size + 64);
	glPixelStorei(GL_PACK_ALIGNMENT, pack);
	glReadPixels(0, 0, w, h, GL_RGBA, GL_UNSIGNED_BYTE, out);
	GLST_CHECK_GL(GL_NO_ERROR);
	size_t bad = 0;
	for (GLsizei y = 0; y < h; y++)
		for (GLsizei x = 0; x < w; x++)
			for (int c = 0; c < 4; c++) {
				uint8_t want = c < 3 ? src[(size_t)y * in_stride + (size_t)x * 3 + (size_t)c] : 255;
				bad += out[(size_t)y * out_stride + (size_t)x * 4 + (size_t)c] != want;
			}
	if (bad)
		glst_fail_msg(__FILE__, __LINE__, "unpack %d pack %d: %zu bytes differ", unpack, pack, bad);
	else
		glst_check_impl(true, "large RGB texture round trip", __FILE__, __LINE__);
	GLST_CHECK(out[out_size] == 0xee); /* nothing written past the image */

	/* A band in the middle through glTexSubImage2D, read back again. */
	uint8_t *sub = malloc(in_stride * (size_t)h);
	for (size_t i = 0; i < in_stride * (size_t)h; i++)
		sub[i] = glst_pattern(i, 77u);
	glTexSubImage2D(GL_TEXTURE_2D, 0, 0, 0, w, h, GL_RGB, GL_UNSIGNED_BYTE, sub);
	glReadPixels(0, 0, w, h, GL_RGBA, GL_UNSIGNED_BYTE, out);
	bad = 0;
	for (GLsizei y = 0; y < h; y += 7)
		for (GLsizei x = 0; x < w; x++)
			bad += out[(size_t)y * out_stride + (size_t)x * 4] != sub[(size_t)y * in_stride + (size_t)x * 3];
	GLST_CHECK_INT(bad, 0);
	GLST_CHECK_GL(GL_NO_ERROR);

	glDeleteFramebuffers(1, &fbo);
	glDeleteTextures(1, &tex);
	free(sub);
	free(out);
	free(src);
}

/* A 40 MiB vertex buffer whose last vertices are drawn: the data arrived. */
static void glst_check_large_buffer(void)
{
	const size_t count = 40u << 20 >> 3; /* vec2 floats */
	float *data = calloc(count, 8);
	/* One triangle at the very end covering the viewport's left half. */
	const float tri[6] = {-1, -1, 0, -1, -1, 1};
	memcpy(data + (count - 3) * 2, tri, sizeof(tri));
	GLuint vbo;
	glGenBuffers(1, &vbo);
	glBindBuffer(GL_ARRAY_BUFFER, vbo);
	glBufferData(GL_ARRAY_BUFFER, (GLsizeiptr)(count * 8), data, GL_STATIC_DRAW);
	GLuint prog = glst_program("attribute vec2 p; void main() { gl_Position = vec4(p, 0.0, 1.0); }",
				   "void main() { gl_FragColor = vec4(0.0, 1.0, 0.0, 1.0); }");
	glUseProgram(prog);
	glBindFramebuffer(GL_FRAMEBUFFER, 0);
	glViewport(0, 0, 64, 64);
	glClearColor(0, 0, 0, 1);
	glClear(GL_COLOR_BUFFER_BIT);
	glVertexAttribPointer(0, 2, GL_FLOAT, GL_FALSE, 0, 0);
	glEnableVertexAttribArray(0);
	glDrawArrays(GL_TRIANGLES, (GLint)(count - 3), 3);
	uint8_t px[4] = {0};
	glPixelStorei(GL_PACK_ALIGNMENT, 4);
	glReadPixels(4, 32, 1, 1, GL_RGBA, GL_UNSIGNED_BYTE, px);
	GLST_CHECK(px[0] == 0 && px[1] == 255 && px[2] == 0);
	GLST_CHECK_GL(GL_NO_ERROR);
	glDeleteBuffers(1, &vbo);
	glDeleteProgram(prog);
	free(data);
}

int main(void)
{
	glst_egl e;
	if (!glst_egl_setup(&e, 64, 64)) {
		fprintf(stderr, "EGL setup failed\n");
		return 1;
	}
	glst_check_rgb_roundtrip(1, 4);
	glst_check_rgb_roundtrip(4, 1);
	glst_check_rgb_roundtrip(8, 8);
	glst_check_large_buffer();
	glst_egl_teardown(&e);
	return glst_finish();
}
