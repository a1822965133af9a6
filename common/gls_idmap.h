/* Open-addressing hash map from 32-bit ids to 64-bit values. Used by the
 * client for the names an application owns and by the server to map client
 * ids to host objects. Key 0 is never stored (0 means "no object" in GL). */
#ifndef GLS_IDMAP_H
#define GLS_IDMAP_H

#include <stdbool.h>
#include <stdint.h>

struct gls_idmap {
	uint32_t *keys;   /* 0 = empty, GLS_IDMAP_TOMB = deleted */
	uint64_t *values; /* host ids, or pointers on the client */
	uint32_t capacity; /* power of two, or 0 */
	uint32_t count;
	uint32_t used;     /* count + tombstones */
};

#define GLS_IDMAP_TOMB 0xffffffffu

void gls_idmap_init(struct gls_idmap *map);
void gls_idmap_free(struct gls_idmap *map);
bool gls_idmap_get(const struct gls_idmap *map, uint32_t key, uint64_t *value);
/* Inserts or replaces; false on allocation failure or a reserved key. */
bool gls_idmap_put(struct gls_idmap *map, uint32_t key, uint64_t value);
bool gls_idmap_remove(struct gls_idmap *map, uint32_t key, uint64_t *value);

/* Calls fn for every entry (the map must not change meanwhile). */
void gls_idmap_each(const struct gls_idmap *map, void (*fn)(uint32_t key, uint64_t value, void *data), void *data);

#endif
