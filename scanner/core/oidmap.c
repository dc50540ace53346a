/* SPDX-License-Identifier: Apache-2.0 */
/* The map of git object ids (oidmap.h): open addressing with linear probing over a
 * power-of-two table of dense indexes, kept at most half full. */
#include <stdlib.h>
#include <string.h>

#include "core/kh.h"
#include "core/oidmap.h"

static void oidmap_grow(kh_oidmap *m)
{
	size_t cap = m->mask ? (m->mask + 1) * 2 : 1024;
	uint32_t *s = kh_calloc(cap, sizeof(uint32_t));

	for (uint32_t i = 0; i < m->n; i++) {
		size_t at = kh_oid_hash(m->ids[i]) & (cap - 1);
		while (s[at])
			at = (at + 1) & (cap - 1);
		s[at] = i + 1;
	}
	free(m->slots);
	m->slots = s;
	m->mask = cap - 1;
}

uint32_t kh_oidmap_find(const kh_oidmap *m, const uint8_t id[20])
{
	if (!m->mask)
		return KH_OIDMAP_NONE;
	for (size_t at = kh_oid_hash(id) & m->mask;; at = (at + 1) & m->mask) {
		uint32_t v = m->slots[at];
		if (!v)
			return KH_OIDMAP_NONE;
		if (!memcmp(m->ids[v - 1], id, 20))
			return v - 1;
	}
}

uint32_t kh_oidmap_add(kh_oidmap *m, const uint8_t id[20], bool *added)
{
	size_t at;

	if ((size_t)m->n * 2 >= m->mask)
		oidmap_grow(m);
	for (at = kh_oid_hash(id) & m->mask; m->slots[at]; at = (at + 1) & m->mask)
		if (!memcmp(m->ids[m->slots[at] - 1], id, 20)) {
			if (added)
				*added = false;
			return m->slots[at] - 1;
		}
	if (m->n == m->cap) {
		m->cap = m->cap ? m->cap * 2 : 1024;
		m->ids = kh_realloc(m->ids, sizeof(*m->ids) * m->cap);
	}
	memcpy(m->ids[m->n], id, 20);
	m->slots[at] = m->n + 1;
	if (added)
		*added = true;
	return m->n++;
}

void kh_oidmap_free(kh_oidmap *m)
{
	free(m->ids);
	free(m->slots);
	memset(m, 0, sizeof(*m));
}

bool kh_oid_parse(const char *s, uint8_t out[20])
{
	for (int i = 0; i < 20; i++) {
		int h = kh_hex_digit(s[2 * i]), l = h < 0 ? -1 : kh_hex_digit(s[2 * i + 1]);
		if (l < 0)
			return false;
		out[i] = (uint8_t)(h << 4 | l);
	}
	return true;
}
