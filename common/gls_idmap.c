#include "gls_idmap.h"

#include <stdlib.h>

static uint32_t gls_idmap_hash(uint32_t key)
{
	key ^= key >> 16;
	key *= 0x7feb352du;
	key ^= key >> 15;
	key *= 0x846ca68bu;
	key ^= key >> 16;
	return key;
}

void gls_idmap_init(struct gls_idmap *map)
{
	*map = (struct gls_idmap){0};
}

void gls_idmap_free(struct gls_idmap *map)
{
	free(map->keys);
	free(map->values);
	gls_idmap_init(map);
}

static int64_t gls_idmap_find(const struct gls_idmap *map, uint32_t key)
{
	if (!map->capacity)
		return -1;
	uint32_t mask = map->capacity - 1;
	for (uint32_t i = gls_idmap_hash(key) & mask;; i = (i + 1) & mask) {
		if (map->keys[i] == key)
			return i;
		if (map->keys[i] == 0)
			return -1;
	}
}

bool gls_idmap_get(const struct gls_idmap *map, uint32_t key, uint64_t *value)
{
	if (key == 0 || key == GLS_IDMAP_TOMB)
		return false;
	int64_t i = gls_idmap_find(map, key);
	if (i < 0)
		return false;
	if (value)
		*value = map->values[i];
	return true;
}

static bool gls_idmap_grow(struct gls_idmap *map)
{
	uint32_t capacity = map->capacity ? map->capacity * 2 : 64;
	if (map->count * 4 < map->capacity)
		capacity = map->capacity; /* mostly tombstones: rehash in place */
	uint32_t *keys = calloc(capacity, sizeof(*keys));
	uint64_t *values = calloc(capacity, sizeof(*values));
	if (!keys || !values) {
		free(keys);
		free(values);
		return false;
	}
	for (uint32_t i = 0; i < map->capacity; i++) {
		uint32_t key = map->keys[i];
		if (key == 0 || key == GLS_IDMAP_TOMB)
			continue;
		uint32_t j = gls_idmap_hash(key) & (capacity - 1);
		while (keys[j])
			j = (j + 1) & (capacity - 1);
		keys[j] = key;
		values[j] = map->values[i];
	}
	free(map->keys);
	free(map->values);
	map->keys = keys;
	map->values = values;
	map->capacity = capacity;
	map->used = map->count;
	return true;
}

bool gls_idmap_put(struct gls_idmap *map, uint32_t key, uint64_t value)
{
	if (key == 0 || key == GLS_IDMAP_TOMB)
		return false;
	int64_t found = gls_idmap_find(map, key);
	if (found >= 0) {
		map->values[found] = value;
		return true;
	}
	if ((map->used + 1) * 4 >= map->capacity * 3 && !gls_idmap_grow(map))
		return false;
	uint32_t mask = map->capacity - 1;
	uint32_t i = gls_idmap_hash(key) & mask;
	while (map->keys[i] != 0 && map->keys[i] != GLS_IDMAP_TOMB)
		i = (i + 1) & mask;
	if (map->keys[i] == 0)
		map->used++;
	map->keys[i] = key;
	map->values[i] = value;
	map->count++;
	return true;
}

bool gls_idmap_remove(struct gls_idmap *map, uint32_t key, uint64_t *value)
{
	if (key == 0 || key == GLS_IDMAP_TOMB)
		return false;
	int64_t i = gls_idmap_find(map, key);
	if (i < 0)
		return false;
	if (value)
		*value = map->values[i];
	map->keys[i] = GLS_IDMAP_TOMB;
	map->count--;
	return true;
}

void gls_idmap_each(const struct gls_idmap *map, void (*fn)(uint32_t key, uint64_t value, void *data), void *data)
{
	for (uint32_t i = 0; i < map->capacity; i++)
		if (map->keys[i] != 0 && map->keys[i] != GLS_IDMAP_TOMB)
			fn(map->keys[i], map->values[i], data);
}
