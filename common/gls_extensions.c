/* The advertised extensions, as bits and as text (see gls_extensions.h). */
#include "gls_extensions.h"
#include "gls_version.h"

#include <stdlib.h>
#include <string.h>

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

gls_ext_bits gls_extensions_advertised(const char *host_extensions)
{
	gls_ext_bits bits = 0;
	for (unsigned i = 0; host_extensions && i < GLS_EXT_COUNT; i++)
		if (gls_has_word(host_extensions, gls_extension_names[i]))
			bits |= (gls_ext_bits)1 << i;
	return bits;
}

gls_ext_bits gls_extensions_offered(const char *host_extensions, int es_version)
{
	gls_ext_bits bits = gls_extensions_advertised(host_extensions) | gls_es_version_bits(es_version);
	for (unsigned i = 0; i < GLS_EXT_COUNT; i++)
		if (gls_extension_requires[i] && !(bits & gls_extension_requires[i]))
			bits &= ~((gls_ext_bits)1 << i);
	return bits;
}

char *gls_extensions_string(gls_ext_bits advertised)
{
	size_t total = 1;
	for (unsigned i = 0; i < GLS_EXT_COUNT; i++)
		total += strlen(gls_extension_names[i]) + 1;
	char *out = calloc(1, total), *end = out;
	if (!out)
		return NULL;
	for (unsigned i = 0; i < GLS_EXT_COUNT; i++) {
		if (!(advertised & ((gls_ext_bits)1 << i) & ~GLS_EXT_VERSION_BITS))
			continue;
		size_t n = strlen(gls_extension_names[i]);
		memcpy(end, gls_extension_names[i], n);
		end[n] = ' ';
		end += n + 1;
	}
	return out;
}
