/* Which OpenGL ES version a context is offered (see gls_version.h). */
#include "gls_version.h"

#include <stdio.h>

#include "gls_extension_list.h"

int gls_es_version_offered(const char *host_version, int cap)
{
	int major = 0, minor = 0;
	if (!host_version || sscanf(host_version, "OpenGL ES %d.%d", &major, &minor) != 2 || major < 2 ||
	    minor < 0 || minor > 9)
		return 20;
	int version = major > 9 ? 99 : major * 10 + minor;
	if (version > GLS_ES_VERSION_MAX)
		version = GLS_ES_VERSION_MAX;
	if (version > cap)
		version = cap;
	return version < 20 ? 20 : version;
}

int gls_es_version_parse(const char *text)
{
	int major, minor;
	char end;
	if (!text || sscanf(text, "%d.%d%c", &major, &minor, &end) != 2 || major < 2 || major > 9 || minor < 0 ||
	    minor > 9)
		return GLS_ES_VERSION_MAX;
	return major * 10 + minor;
}

gls_ext_bits gls_es_version_bits(int version)
{
	gls_ext_bits bits = 0;
	for (unsigned i = 0; i < GLS_EXT_COUNT; i++)
		if (gls_extension_es_versions[i] && gls_extension_es_versions[i] <= version)
			bits |= (gls_ext_bits)1 << i;
	return bits;
}
