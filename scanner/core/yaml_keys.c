/* SPDX-License-Identifier: Apache-2.0 */
/* core/yaml_keys.h: repeated keys, found by sorting each mapping's keys (a hostile
 * .keyhound.yml may hold a mapping of many thousand keys: no pair-by-pair comparison). */
#include <stdlib.h>
#include <string.h>

#include "core/yaml_keys.h"

typedef struct {
	const yaml_node_t *k;
	size_t at; /* the pair's place in the mapping */
} key_ref;

static bool same_key(const key_ref *x, const key_ref *y)
{
	return x->k->data.scalar.length == y->k->data.scalar.length &&
	       !memcmp(x->k->data.scalar.value, y->k->data.scalar.value, x->k->data.scalar.length);
}

static int cmp_key(const void *a, const void *b)
{
	const key_ref *x = a, *y = b;
	size_t n = x->k->data.scalar.length, m = y->k->data.scalar.length;
	int c = memcmp(x->k->data.scalar.value, y->k->data.scalar.value, n < m ? n : m);
	if (c || n != m)
		return c ? c : n < m ? -1 : 1;
	return x->at < y->at ? -1 : x->at > y->at;
}

/* The repeat of one mapping that comes first in the file: the key's second occurrence in
 * *dup and its first in *first; false when the mapping repeats none. */
static bool mapping_repeat(yaml_document_t *doc, const yaml_node_t *map, const yaml_node_t **dup,
			   const yaml_node_t **first)
{
	size_t n = 0, cap = (size_t)(map->data.mapping.pairs.top - map->data.mapping.pairs.start);
	key_ref *v;
	bool found = false;

	if (cap < 2)
		return false;
	v = kh_calloc(cap, sizeof(*v));
	for (yaml_node_pair_t *p = map->data.mapping.pairs.start; p < map->data.mapping.pairs.top; p++) {
		const yaml_node_t *k = yaml_document_get_node(doc, p->key);
		if (k && k->type == YAML_SCALAR_NODE)
			v[n++] = (key_ref){k, (size_t)(p - map->data.mapping.pairs.start)};
	}
	/* equal keys end up side by side, in the order they are written */
	qsort(v, n, sizeof(*v), cmp_key);
	for (size_t i = 1; i < n; i++)
		if (same_key(&v[i - 1], &v[i]) && (i == 1 || !same_key(&v[i - 2], &v[i - 1])) &&
		    (!found || v[i].k->start_mark.index < (*dup)->start_mark.index)) {
			*dup = v[i].k;
			*first = v[i - 1].k;
			found = true;
		}
	free(v);
	return found;
}

int kh_yaml_check_keys(yaml_document_t *doc, const char *file, int code)
{
	const yaml_node_t *dup = NULL, *first = NULL;
	char key[80];
	size_t n;

	for (yaml_node_t *m = doc->nodes.start; m < doc->nodes.top; m++) {
		const yaml_node_t *d = NULL, *f = NULL;
		if (m->type == YAML_MAPPING_NODE && mapping_repeat(doc, m, &d, &f) &&
		    (!dup || d->start_mark.index < dup->start_mark.index))
			dup = d, first = f;
	}
	if (!dup)
		return 0;
	/* the key as written, cut short and with only printable bytes */
	n = dup->data.scalar.length < sizeof(key) - 4 ? dup->data.scalar.length : sizeof(key) - 4;
	for (size_t i = 0; i < n; i++) {
		unsigned char c = dup->data.scalar.value[i];
		key[i] = c >= 0x20 && c < 0x7f ? (char)c : '?';
	}
	strcpy(key + n, n < dup->data.scalar.length ? "..." : "");
	return kh_error(code, "%s:%zu: '%s': duplicate key (also on line %zu)", file,
			dup->start_mark.line + 1, key, first->start_mark.line + 1);
}
