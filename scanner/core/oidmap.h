/* SPDX-License-Identifier: Apache-2.0 */
/* The one map of git object ids: each distinct 20-byte id gets a dense index (0, 1, ...)
 * that callers use to index their own arrays. */
#ifndef KH_CORE_OIDMAP_H
#define KH_CORE_OIDMAP_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define KH_OIDMAP_NONE UINT32_MAX

typedef struct {
	uint8_t (*ids)[20];         /* ids[i]: the id of index i */
	uint32_t n, cap;            /* n ids; arrays indexed by them need cap entries */
	uint32_t *slots;            /* index + 1, 0 empty */
	size_t mask;
} kh_oidmap;

/* The index of id, or KH_OIDMAP_NONE. */
uint32_t kh_oidmap_find(const kh_oidmap *m, const uint8_t id[20]);
/* The index of id, added if new (*added says which; added may be NULL). */
uint32_t kh_oidmap_add(kh_oidmap *m, const uint8_t id[20], bool *added);
/* Frees the map's memory; m is left empty and usable. */
void kh_oidmap_free(kh_oidmap *m);

/* 40 lowercase hex digits (s holds at least 40 bytes) to an id: false when one is not. */
bool kh_oid_parse(const char *s, uint8_t out[20]);

/* Object ids are uniformly distributed: their first bytes are the hash. */
static inline uint64_t kh_oid_hash(const uint8_t *id)
{
	uint64_t h;
	__builtin_memcpy(&h, id, 8);
	return h;
}

#endif
