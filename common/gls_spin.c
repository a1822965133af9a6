#include "gls_spin.h"

#include <stdlib.h>

#define GLS_SPIN_DEFAULT_US 50
#define GLS_SPIN_MAX_US 1000

int64_t gls_spin_budget_ns(void)
{
	static int64_t budget = -1; /* read once; a benign race at worst re-reads it */
	if (budget < 0) {
		const char *value = getenv("GLSTREAM_SPIN_US");
		long us = value && *value ? strtol(value, NULL, 10) : GLS_SPIN_DEFAULT_US;
		if (us < 0)
			us = 0;
		if (us > GLS_SPIN_MAX_US)
			us = GLS_SPIN_MAX_US;
		budget = (int64_t)us * 1000;
	}
	return budget;
}
