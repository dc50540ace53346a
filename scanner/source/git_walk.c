/* SPDX-License-Identifier: Apache-2.0 */
/* The history walk (git_walk.h). One walk over the commits, oldest first in topological
 * order, visits every tree not seen before; a tree is compared with the previous tree at
 * the same folder, so only entries that changed are looked up. It yields for each (blob,
 * path) the first commit, and the set of blobs in HEAD. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/hash.h"
#include "core/report.h"
#include "source/git_mini.h"
#include "source/git_object.h"
#include "source/git_walk.h"

#define NONE KH_WALK_NONE
#define MAX_TREE_DEPTH 1024

static void walk_error(kh_walk *h, const uint8_t *id, const char *what, const char *why)
{
	char hex[41], loc[80];

	kh_hex(id, 20, hex);
	snprintf(loc, sizeof(loc), "%s %s", what, hex);
	kh_report_error(h->report, loc, "%s", why);
}

/* ---- tables ---- */

/* A set of 64-bit keys (never 0): adds key, false if it was there. */
static bool keyset_add(kh_walk_keyset *s, uint64_t key)
{
	size_t at;

	if (s->n * 2 >= s->mask) {
		size_t cap = s->mask ? (s->mask + 1) * 2 : 4096;
		uint64_t *ns = kh_calloc(cap, sizeof(uint64_t));
		for (size_t i = 0; s->mask && i <= s->mask; i++)
			if (s->slots[i]) {
				size_t j = kh_mix64(s->slots[i]) & (cap - 1);
				while (ns[j])
					j = (j + 1) & (cap - 1);
				ns[j] = s->slots[i];
			}
		free(s->slots);
		s->slots = ns;
		s->mask = cap - 1;
	}
	for (at = kh_mix64(key) & s->mask; s->slots[at]; at = (at + 1) & s->mask)
		if (s->slots[at] == key)
			return false;
	s->slots[at] = key;
	s->n++;
	return true;
}

/* Paths as a tree of names: id -> (parent id, name). */
static uint64_t path_hash(uint32_t parent, const char *name, size_t len)
{
	return kh_mix64(kh_fnv1a64(KH_FNV_OFFSET ^ parent, name, len));
}

static void pathtab_grow(kh_pathtab *t)
{
	size_t cap = t->mask ? (t->mask + 1) * 2 : 4096;
	uint32_t *s = kh_calloc(cap, sizeof(uint32_t));

	for (uint32_t i = 0; i < t->n; i++) {
		size_t at = path_hash(t->v[i].parent, t->names + t->v[i].name_off, t->v[i].name_len) &
			    (cap - 1);
		while (s[at])
			at = (at + 1) & (cap - 1);
		s[at] = i + 1;
	}
	free(t->slots);
	t->slots = s;
	t->mask = cap - 1;
}

/* The id of (parent, name), or NONE when it was never added. */
static uint32_t pathtab_find(const kh_pathtab *t, uint32_t parent, const char *name, size_t len)
{
	if (!t->mask)
		return NONE;
	for (size_t at = path_hash(parent, name, len) & t->mask; t->slots[at];
	     at = (at + 1) & t->mask) {
		const kh_path_ent *e = &t->v[t->slots[at] - 1];
		if (e->parent == parent && e->name_len == len &&
		    !memcmp(t->names + e->name_off, name, len))
			return t->slots[at] - 1;
	}
	return NONE;
}

/* The id of (parent, name), added if new; NONE when the table holds KH_WALK_MAX_PATHS. */
static uint32_t pathtab_add(kh_pathtab *t, uint32_t parent, const char *name, size_t len)
{
	size_t at;

	if ((size_t)t->n * 2 >= t->mask)
		pathtab_grow(t);
	for (at = path_hash(parent, name, len) & t->mask; t->slots[at]; at = (at + 1) & t->mask) {
		const kh_path_ent *e = &t->v[t->slots[at] - 1];
		if (e->parent == parent && e->name_len == len &&
		    !memcmp(t->names + e->name_off, name, len))
			return t->slots[at] - 1;
	}
	if (t->n >= KH_WALK_MAX_PATHS)
		return NONE;
	if (t->n == t->cap) {
		t->cap = t->cap ? t->cap * 2 : 4096;
		t->v = kh_realloc(t->v, sizeof(*t->v) * t->cap);
	}
	if (t->names_len + len > t->names_cap) {
		t->names_cap = (t->names_len + len) * 2 + 65536;
		t->names = kh_realloc(t->names, t->names_cap);
	}
	memcpy(t->names + t->names_len, name, len);
	t->v[t->n] = (kh_path_ent){ parent, (uint32_t)t->names_len, (uint32_t)len };
	t->names_len += len;
	t->slots[at] = t->n + 1;
	return t->n++;
}

/* The full path of id into b ("" for the root). */
static void pathtab_string(const kh_pathtab *t, uint32_t id, kh_buf *b)
{
	uint32_t chain[MAX_TREE_DEPTH + 2];
	size_t n = 0;

	b->len = 0;
	for (; id != NONE && n < MAX_TREE_DEPTH + 2; id = t->v[id].parent)
		chain[n++] = id;
	while (n--) {
		const kh_path_ent *e = &t->v[chain[n]];
		if (b->len)
			kh_buf_putc(b, '/');
		kh_buf_put(b, t->names + e->name_off, e->name_len);
	}
	kh_buf_putc(b, 0);
	b->len--;
}

/* ---- commits ---- */

static uint32_t commit_ref(kh_walk *h, const uint8_t id[20])
{
	bool added;
	uint32_t i = kh_oidmap_add(&h->commit_ids, id, &added);

	if (added) {
		if (i >= h->commits_cap) {
			h->commits_cap = h->commit_ids.cap;
			h->commits = kh_realloc(h->commits, sizeof(*h->commits) * h->commits_cap);
		}
		memset(&h->commits[i], 0, sizeof(h->commits[i]));
	}
	return i;
}

typedef struct {
	kh_walk *h;
	uint32_t ci;
} parent_ctx;

static int add_parent(const uint8_t id[20], void *payload)
{
	parent_ctx *p = payload;
	uint32_t pi = commit_ref(p->h, id);
	kh_commit_rec *c = &p->h->commits[p->ci];

	c->parents = kh_realloc(c->parents, sizeof(uint32_t) * (c->n_parents + 1));
	c->parents[c->n_parents++] = pi;
	return 0;
}

static void parse_commit(kh_walk *h, uint32_t ci, const unsigned char *d, size_t len, bool shallow)
{
	parent_ctx pc = { h, ci };
	kh_commit_fields f;
	kh_commit_rec *c;
	const char *nl;

	kh_commit_parse(d, len, &f, shallow ? NULL : add_parent, &pc);
	c = &h->commits[ci];
	memcpy(c->tree, f.tree, 20);
	if (!f.has_tree)
		walk_error(h, h->commit_ids.ids[ci], "commit", "commit without a tree");
	c->known = f.has_tree;
	c->author = f.has_author ? kh_strndup((const char *)f.name, (size_t)(f.name_end - f.name))
				 : kh_strdup("");
	c->email = f.has_email ? kh_strndup((const char *)f.email, (size_t)(f.email_end - f.email))
			       : kh_strdup("");
	c->when = f.when;
	c->tz = f.tz;
	c->message = kh_strndup((const char *)f.message, (size_t)(d + len - f.message));
	nl = strchr(c->message, '\n');
	c->subject = kh_strndup(c->message, nl ? (size_t)(nl - c->message) : strlen(c->message));
}

/* Read every commit reachable from the tips (depth first over parents). */
static void read_commits(kh_walk *h, uint32_t *stack, size_t n)
{
	size_t cap = n;

	while (n) {
		uint32_t ci = stack[--n];
		kh_obj_type type;
		const unsigned char *d;
		size_t len;
		unsigned char *owned;
		uint8_t id[20];

		if (h->commits[ci].known || h->commits[ci].message)
			continue;
		memcpy(id, h->commit_ids.ids[ci], 20);
		if (kh_store_get(h->st, id, &type, &d, &len, &owned) < 0 || type != KH_OBJ_COMMIT) {
			walk_error(h, id, "commit", "missing or unreadable commit");
			h->commits[ci].message = kh_strdup("");
			free(owned);
			continue;
		}
		parse_commit(h, ci, d, len, kh_oidmap_find(&h->shallow, id) != NONE);
		free(owned);
		for (uint32_t k = 0; k < h->commits[ci].n_parents; k++) {
			uint32_t pi = h->commits[ci].parents[k];
			if (h->commits[pi].known || h->commits[pi].message)
				continue;
			if (n == cap)
				stack = kh_realloc(stack, sizeof(uint32_t) * (cap = cap * 2 + 16));
			stack[n++] = pi;
		}
	}
	free(stack);
}

/* Peel a ref's target to a commit (through annotated tags). */
static uint32_t tip_commit(kh_walk *h, const uint8_t id0[20])
{
	uint8_t id[20];

	memcpy(id, id0, 20);
	for (int hop = 0; hop < 16; hop++) {
		kh_obj_type type;
		const unsigned char *d;
		size_t len;
		unsigned char *owned;
		if (kh_store_get(h->st, id, &type, &d, &len, &owned) < 0) {
			walk_error(h, id, "ref target", "missing object");
			return NONE;
		}
		if (type == KH_OBJ_COMMIT) {
			free(owned);
			return commit_ref(h, id);
		}
		if (type != KH_OBJ_TAG || kh_tag_target(d, len, id) < 0) {
			free(owned);
			return NONE; /* a tag of a tree or a blob: not history */
		}
		free(owned);
	}
	return NONE;
}

static void add_tip(kh_walk *h, uint32_t **tips, size_t *n, const git_oid *oid)
{
	uint32_t ci = tip_commit(h, oid->id);

	if (ci == NONE)
		return;
	*tips = kh_realloc(*tips, sizeof(uint32_t) * (*n + 1));
	(*tips)[(*n)++] = ci;
}

static void read_shallow(kh_walk *h)
{
	char *path = kh_sprintf("%s/shallow", h->g->gitdir), line[128];
	FILE *f = fopen(path, "r");
	uint8_t id[20];

	while (f && fgets(line, sizeof(line), f))
		if (strlen(line) >= 40 && kh_oid_parse(line, id))
			kh_oidmap_add(&h->shallow, id, NULL);
	if (f)
		fclose(f);
	free(path);
}

typedef struct {
	kh_walk *h;
	uint32_t *v;
	size_t n;
} tip_list;

static void on_tip(void *payload, kh_tip_kind kind, const char *name, const git_oid *target)
{
	tip_list *t = payload;

	if (target)
		add_tip(t->h, &t->v, &t->n, target);
	else if (kind == KH_TIP_REF)
		kh_report_error(t->h->report, name, "cannot resolve ref");
}

/* Every ref, HEAD and the stash's reflog (kh_git_ref_tips). */
static void collect_tips(kh_walk *h, uint32_t **tips, size_t *n)
{
	tip_list t = { h, *tips, *n };

	kh_git_ref_tips(h->g->repo, on_tip, &t);
	*tips = t.v;
	*n = t.n;
}

/* Oldest first, each commit after its parents (Kahn, ties by date then id). */
typedef struct {
	uint32_t *v;
	size_t n;
	const kh_commit_rec *c;
	const kh_oidmap *ids;
} heap;

static bool heap_less(const heap *hp, uint32_t a, uint32_t b)
{
	if (hp->c[a].when != hp->c[b].when)
		return hp->c[a].when < hp->c[b].when;
	return memcmp(hp->ids->ids[a], hp->ids->ids[b], 20) < 0;
}

static void heap_push(heap *hp, uint32_t x)
{
	size_t i = hp->n++;
	while (i) {
		size_t up = (i - 1) / 2;
		if (!heap_less(hp, x, hp->v[up]))
			break;
		hp->v[i] = hp->v[up];
		i = up;
	}
	hp->v[i] = x;
}

static uint32_t heap_pop(heap *hp)
{
	uint32_t top = hp->v[0], x = hp->v[--hp->n];
	size_t i = 0;

	for (;;) {
		size_t l = 2 * i + 1, m = i;
		uint32_t best = x;
		if (l < hp->n && heap_less(hp, hp->v[l], best))
			m = l, best = hp->v[l];
		if (l + 1 < hp->n && heap_less(hp, hp->v[l + 1], best))
			m = l + 1;
		if (m == i)
			break;
		hp->v[i] = hp->v[m];
		i = m;
	}
	if (hp->n)
		hp->v[i] = x;
	return top;
}

static void topo_order(kh_walk *h)
{
	uint32_t n = h->commit_ids.n, *indeg = kh_calloc(n + 1, sizeof(uint32_t));
	uint32_t *child_start = kh_calloc(n + 2, sizeof(uint32_t)), *child, *fill;
	heap hp = { kh_malloc(sizeof(uint32_t) * (n + 1)), 0, h->commits, &h->commit_ids };
	size_t k = 0;

	for (uint32_t i = 0; i < n; i++)
		for (uint32_t p = 0; p < h->commits[i].n_parents; p++) {
			child_start[h->commits[i].parents[p] + 1]++;
			indeg[i]++;
		}
	for (uint32_t i = 0; i < n; i++)
		child_start[i + 1] += child_start[i];
	child = kh_malloc(sizeof(uint32_t) * (child_start[n] + 1));
	fill = kh_malloc(sizeof(uint32_t) * (n + 1));
	memcpy(fill, child_start, sizeof(uint32_t) * n);
	for (uint32_t i = 0; i < n; i++)
		for (uint32_t p = 0; p < h->commits[i].n_parents; p++)
			child[fill[h->commits[i].parents[p]]++] = i;
	for (uint32_t i = 0; i < n; i++)
		if (!indeg[i])
			heap_push(&hp, i);
	h->order = kh_malloc(sizeof(uint32_t) * (n + 1));
	while (hp.n) {
		uint32_t i = heap_pop(&hp);
		h->order[k++] = i;
		for (uint32_t c = child_start[i]; c < child_start[i + 1]; c++)
			if (--indeg[child[c]] == 0)
				heap_push(&hp, child[c]);
	}
	/* a cycle cannot happen with real ids; anything left is appended as is */
	for (uint32_t i = 0; k < n && i < n; i++)
		if (indeg[i])
			h->order[k++] = i;
	for (uint32_t r = 0; r < k; r++)
		h->commits[h->order[r]].rank = r + 1;
	free(indeg);
	free(child_start);
	free(child);
	free(fill);
	free(hp.v);
}

/* ---- trees ---- */

static uint32_t blob_index(kh_walk *h, const uint8_t *blob_id)
{
	bool added;
	uint32_t b = kh_oidmap_add(&h->blob_ids, blob_id, &added);

	if (added) {
		if (b >= h->blobs_cap) {
			h->blobs_cap = h->blob_ids.cap;
			h->blobs = kh_realloc(h->blobs, sizeof(*h->blobs) * h->blobs_cap);
		}
		memset(&h->blobs[b], 0, sizeof(h->blobs[b]));
		h->blobs[b].first_occ = h->blobs[b].last_occ = NONE;
	}
	return b;
}

static void add_paths(uint32_t *n, uint64_t more)
{
	*n = *n + more > UINT32_MAX ? UINT32_MAX : (uint32_t)(*n + more);
}

static void paths_full(kh_walk *h, const uint8_t *tree_id)
{
	if (!h->paths_full)
		walk_error(h, tree_id, "tree",
			   "the history holds more distinct paths than are kept (8,388,608): "
			   "folders past them were not walked");
	h->paths_full = true;
}

/* Blob b at name in folder dir, first put there by commit. A blob listed at
 * KH_WALK_PATHS_PER_BLOB paths already only has the new path counted. */
static void add_occurrence(kh_walk *h, uint32_t b, uint32_t dir, const kh_tree_entry *e,
			   uint32_t commit)
{
	kh_occ_rec *o;
	uint32_t path;

	if (h->blobs[b].n_paths >= KH_WALK_PATHS_PER_BLOB) {
		path = pathtab_find(&h->paths, dir, (const char *)e->name, e->name_len);
		if (path == NONE || keyset_add(&h->pairs, ((uint64_t)b << 32 | path) + 1))
			add_paths(&h->blobs[b].more_paths, 1);
		return;
	}
	path = pathtab_add(&h->paths, dir, (const char *)e->name, e->name_len);
	if (path == NONE) {
		paths_full(h, e->id);
		add_paths(&h->blobs[b].more_paths, 1);
		return;
	}
	if (!keyset_add(&h->pairs, ((uint64_t)b << 32 | path) + 1))
		return;
	if (h->n_occs == h->occs_cap) {
		h->occs_cap = h->occs_cap ? h->occs_cap * 2 : 4096;
		h->occs = kh_realloc(h->occs, sizeof(*h->occs) * h->occs_cap);
	}
	o = &h->occs[h->n_occs];
	*o = (kh_occ_rec){ path, commit, NONE };
	if (h->blobs[b].last_occ == NONE)
		h->blobs[b].first_occ = (uint32_t)h->n_occs;
	else
		h->occs[h->blobs[b].last_occ].next = (uint32_t)h->n_occs;
	h->blobs[b].last_occ = (uint32_t)h->n_occs++;
	h->blobs[b].n_paths++;
}

/* ---- trees met at many folders ---- */

static int sum_cmp(const void *a, const void *b)
{
	const kh_walk_sum_ent *x = a, *y = b;
	return x->blob < y->blob ? -1 : x->blob > y->blob;
}

/* Sorts acc by blob and merges repeats, adding their path counts; past
 * KH_WALK_SUM_MAX_BLOBS the rest is dropped and *partial set. The new length. */
static size_t merge_sum(kh_walk_sum_ent *acc, size_t n, bool *partial)
{
	size_t m = 0;

	qsort(acc, n, sizeof(*acc), sum_cmp);
	for (size_t i = 0; i < n; i++)
		if (m && acc[m - 1].blob == acc[i].blob)
			add_paths(&acc[m - 1].count, acc[i].count);
		else
			acc[m++] = acc[i];
	if (m > KH_WALK_SUM_MAX_BLOBS) {
		m = KH_WALK_SUM_MAX_BLOBS;
		*partial = true;
	}
	return m;
}

/* The blobs below tree_id with the number of paths each has there (computed once per
 * tree, from the counts of its subtrees); NONE when the tree cannot be read. At most
 * KH_WALK_SUM_MAX_BLOBS blobs per tree and KH_WALK_MAX_SUM_ENTRIES in all: past them
 * the counts are lower bounds (counts_partial). */
static uint32_t tree_sum(kh_walk *h, const uint8_t *tree_id, unsigned depth)
{
	bool added, bad = false;
	uint32_t s = kh_oidmap_add(&h->sum_ids, tree_id, &added);
	kh_obj_type type;
	const unsigned char *d, *p;
	size_t len, n = 0, cap = 0;
	unsigned char *owned = NULL;
	kh_tree_entry e;
	kh_walk_sum_ent *acc = NULL;
	bool partial = false;

	if (!added)
		return h->sums[s].busy ? NONE : s;
	if (s >= h->sums_cap) {
		h->sums_cap = h->sum_ids.cap;
		h->sums = kh_realloc(h->sums, sizeof(*h->sums) * h->sums_cap);
	}
	h->sums[s] = (kh_walk_sum){ 0, 0, true, true };
	if (depth > MAX_TREE_DEPTH || kh_store_get(h->st, tree_id, &type, &d, &len, &owned) < 0 ||
	    type != KH_OBJ_TREE) {
		free(owned);
		return s; /* empty and partial: the walk reported it */
	}
	p = d;
	while (kh_tree_next(&p, d + len, &e, &bad)) {
		const kh_walk_sum_ent *from;
		kh_walk_sum_ent one;
		size_t k = 0;
		if (kh_git_mode_is_tree(e.mode)) {
			uint32_t sub = tree_sum(h, e.id, depth + 1);
			if (sub == NONE)
				continue;
			partial |= h->sums[sub].partial;
			from = h->sum_ents + h->sums[sub].off;
			k = h->sums[sub].n;
		} else if (kh_git_mode_is_blob(e.mode)) {
			uint32_t b = kh_oidmap_find(&h->blob_ids, e.id);
			if (b == NONE)
				continue;
			one = (kh_walk_sum_ent){ b, 1 };
			from = &one;
			k = 1;
		} else {
			continue;
		}
		if (n + k > cap) {
			cap = (n + k) * 2;
			acc = kh_realloc(acc, sizeof(*acc) * cap);
		}
		/* from may point into sum_ents, which only tree_sum() grows: copy now */
		memcpy(acc + n, from, sizeof(*acc) * k);
		n += k;
		if (n > KH_WALK_SUM_MAX_BLOBS * 4) /* merge repeats before growing further */
			n = merge_sum(acc, n, &partial);
	}
	free(owned);
	if (n)
		n = merge_sum(acc, n, &partial);
	if (h->n_sum_ents + n > KH_WALK_MAX_SUM_ENTRIES)
		n = 0, partial = true;
	if (h->n_sum_ents + n > h->sum_ents_cap) {
		h->sum_ents_cap = (h->n_sum_ents + n) * 2;
		h->sum_ents = kh_realloc(h->sum_ents, sizeof(*h->sum_ents) * h->sum_ents_cap);
	}
	memcpy(h->sum_ents + h->n_sum_ents, acc, sizeof(*acc) * n);
	h->sums[s] = (kh_walk_sum){ (uint32_t)h->n_sum_ents, (uint32_t)n, partial, false };
	h->n_sum_ents += n;
	free(acc);
	return s;
}

/* A tree already walked at KH_WALK_FOLDERS_PER_TREE folders, met at another: each of
 * its blobs is listed at that many paths already, so the copy's paths are counted. */
static bool copy_counted(kh_walk *h, const uint8_t *tree_id)
{
	bool added;
	uint32_t t = kh_oidmap_add(&h->tree_ids, tree_id, &added), s;

	if (t >= h->tree_walks_cap) {
		size_t cap = h->tree_ids.cap;
		h->tree_walks = kh_realloc(h->tree_walks, sizeof(uint32_t) * cap);
		memset(h->tree_walks + h->tree_walks_cap, 0,
		       sizeof(uint32_t) * (cap - h->tree_walks_cap));
		h->tree_walks_cap = cap;
	}
	if (h->tree_walks[t] < KH_WALK_FOLDERS_PER_TREE) {
		h->tree_walks[t]++;
		return false;
	}
	h->copies_counted++;
	if ((s = tree_sum(h, tree_id, 0)) == NONE)
		return true;
	h->counts_partial |= h->sums[s].partial;
	for (uint32_t i = 0; i < h->sums[s].n; i++) {
		const kh_walk_sum_ent *x = &h->sum_ents[h->sums[s].off + i];
		add_paths(&h->blobs[x->blob].more_paths, x->count);
	}
	return true;
}

#define PREV_MAX_DEFAULT ((uint64_t)64 << 20)

static kh_walk_prev *prev_slot(kh_walk *h, uint32_t dir)
{
	if (dir == NONE)
		return &h->prev_root;
	if (dir >= h->prev_cap) {
		size_t cap = h->paths.cap > dir ? h->paths.cap : dir + 1;
		h->prev = kh_realloc(h->prev, sizeof(*h->prev) * cap);
		memset(h->prev + h->prev_cap, 0, sizeof(*h->prev) * (cap - h->prev_cap));
		h->prev_cap = cap;
	}
	return &h->prev[dir];
}

/* Keep tree d (owned: the walk's to free, else the store's) as the one to diff the next
 * tree at dir against. Owned trees are kept up to prev_max bytes; past that the next
 * tree at dir is walked whole (the same result, more lookups). */
static void prev_keep(kh_walk *h, uint32_t dir, const unsigned char *d, size_t len,
		      unsigned char *owned)
{
	kh_walk_prev *sl = prev_slot(h, dir);
	uint64_t max = h->prev_max ? h->prev_max : PREV_MAX_DEFAULT;

	if (sl->owned) {
		free((void *)sl->data);
		h->prev_bytes -= sl->len;
	}
	*sl = (kh_walk_prev){ NULL, 0, false };
	if (len > UINT32_MAX)
		;
	else if (!owned)
		*sl = (kh_walk_prev){ d, (uint32_t)len, false };
	else if (h->prev_bytes + len <= max) {
		*sl = (kh_walk_prev){ owned, (uint32_t)len, true };
		h->prev_bytes += len;
		return;
	} else
		h->prev_full = true;
	free(owned);
}

/* The key of a tree at a folder. A tree met again at another folder (a copied or
 * moved directory) gives its blobs new paths, which path rules and allowlists must
 * judge: it is walked once per folder, never twice at the same one. The id's bytes
 * are uniformly random, so mixing the folder into the first eight keeps the table's
 * hashing, and two keys collide only if the ids share their last twelve bytes. */
static void tree_key(const uint8_t *tree_id, uint32_t dir, uint8_t key[20])
{
	uint64_t head, mix = ((uint64_t)dir + 1) * 0x9E3779B97F4A7C15ull;
	memcpy(key, tree_id, 20);
	memcpy(&head, key, 8);
	head ^= mix;
	memcpy(key, &head, 8);
}

/* Visit a tree not seen before at folder dir, for commit ci. Entries equal to the ones
 * of the previous tree processed at that folder were recorded then, and are skipped. */
static void walk_tree(kh_walk *h, const uint8_t *tree_id, uint32_t dir, uint32_t ci, unsigned depth)
{
	kh_obj_type type;
	const unsigned char *d, *p, *end, *old, *oend;
	size_t len;
	unsigned char *owned;
	kh_tree_entry e, oe;
	bool bad = false, have_old = false, added;
	uint8_t key[20];

	tree_key(tree_id, dir, key);
	kh_oidmap_add(&h->tree_seen, key, &added);
	if (!added)
		return;
	if (depth > MAX_TREE_DEPTH) {
		walk_error(h, tree_id, "tree", "folders nested too deep");
		return;
	}
	if (copy_counted(h, tree_id))
		return;
	if (kh_store_get(h->st, tree_id, &type, &d, &len, &owned) < 0 || type != KH_OBJ_TREE) {
		walk_error(h, tree_id, "tree", "missing or unreadable tree");
		free(owned);
		return;
	}
	old = prev_slot(h, dir)->data;
	oend = old ? old + prev_slot(h, dir)->len : NULL;
	if (old)
		have_old = kh_tree_next(&old, oend, &oe, &(bool){ false });
	p = d;
	end = d + len;
	while (kh_tree_next(&p, end, &e, &bad)) {
		int c = 1;
		while (have_old && (c = kh_tree_entry_cmp(&oe, &e)) < 0)
			have_old = kh_tree_next(&old, oend, &oe, &(bool){ false });
		if (have_old && c == 0 && oe.mode == e.mode && !memcmp(oe.id, e.id, 20))
			continue; /* unchanged since the previous tree here */
		if (kh_git_mode_is_tree(e.mode)) {
			uint32_t sub = pathtab_add(&h->paths, dir, (const char *)e.name, e.name_len);
			if (sub == NONE) {
				paths_full(h, tree_id);
				continue;
			}
			walk_tree(h, e.id, sub, ci, depth + 1);
		} else if (kh_git_mode_is_blob(e.mode)) {
			add_occurrence(h, blob_index(h, e.id), dir, &e, ci);
		}
		/* gitlinks (submodules) are another repository's history */
	}
	if (bad)
		walk_error(h, tree_id, "tree", "malformed tree entry");
	/* old (the slot's tree) is read no more: it may be freed now */
	prev_keep(h, dir, d, len, owned);
}

/* Mark the blobs of HEAD's tree (the whole tree: seen or not); each tree once, however
 * many folders it sits at. */
static void mark_head(kh_walk *h, kh_oidmap *seen, const uint8_t *tree_id, unsigned depth)
{
	kh_obj_type type;
	const unsigned char *d, *p, *end;
	size_t len;
	unsigned char *owned;
	kh_tree_entry e;
	bool bad = false, added;

	kh_oidmap_add(seen, tree_id, &added);
	if (!added || depth > MAX_TREE_DEPTH ||
	    kh_store_get(h->st, tree_id, &type, &d, &len, &owned) < 0)
		return;
	p = d;
	end = d + len;
	while (type == KH_OBJ_TREE && kh_tree_next(&p, end, &e, &bad)) {
		if (kh_git_mode_is_tree(e.mode)) {
			mark_head(h, seen, e.id, depth + 1);
		} else if (kh_git_mode_is_blob(e.mode)) {
			uint32_t b = kh_oidmap_find(&h->blob_ids, e.id);
			if (b != NONE)
				h->blobs[b].in_head = true;
		}
	}
	free(owned);
}

/* Each commit's id and date as text, for findings. */
static void commit_strings(kh_walk *h)
{
	for (uint32_t i = 0; i < h->commit_ids.n; i++) {
		kh_commit_rec *c = &h->commits[i];
		c->hex = kh_malloc(41);
		kh_hex(h->commit_ids.ids[i], 20, c->hex);
		c->date = kh_malloc(40);
		kh_git_iso_date(c->when, c->tz, c->date);
	}
}

void kh_walk_history(kh_walk *h)
{
	uint32_t *tips = NULL;
	size_t n_tips = 0;
	git_oid head;

	read_shallow(h);
	collect_tips(h, &tips, &n_tips);
	read_commits(h, tips, n_tips); /* takes tips */
	topo_order(h);
	for (uint32_t k = 0; k < h->commit_ids.n; k++) {
		uint32_t ci = h->order[k];
		if (h->commits[ci].known)
			walk_tree(h, h->commits[ci].tree, NONE, ci, 0);
	}
	if (git_reference_name_to_id(&head, h->g->repo, "HEAD") == 0) {
		uint32_t ci = kh_oidmap_find(&h->commit_ids, head.id);
		kh_oidmap seen = { 0 };
		if (ci != NONE && h->commits[ci].known)
			mark_head(h, &seen, h->commits[ci].tree, 0);
		kh_oidmap_free(&seen);
	}
	if (h->copies_counted)
		kh_report_note(h->report,
			       "%llu copies of folders met at more than %u folders were counted, not "
			       "walked: a blob is listed at its first %u paths, the rest are counted "
			       "(more_paths)%s",
			       (unsigned long long)h->copies_counted, KH_WALK_FOLDERS_PER_TREE,
			       KH_WALK_PATHS_PER_BLOB,
			       h->counts_partial ? "; some counts are lower bounds" : "");
	if (h->prev_full)
		kh_report_note(h->report,
			       "trees past %llu bytes (--max-tree-memory) were not kept to compare the "
			       "next tree at their folder with: those were walked whole (slower)",
			       (unsigned long long)(h->prev_max ? h->prev_max : PREV_MAX_DEFAULT));
	commit_strings(h);
}

void kh_walk_path(const kh_walk *w, uint32_t path, kh_buf *b)
{
	pathtab_string(&w->paths, path, b);
}

void kh_walk_free(kh_walk *h)
{
	for (uint32_t i = 0; i < h->commit_ids.n; i++) {
		kh_commit_rec *c = &h->commits[i];
		free(c->parents);
		free(c->author);
		free(c->email);
		free(c->subject);
		free(c->message);
		free(c->hex);
		free(c->date);
	}
	free(h->commits);
	free(h->order);
	kh_oidmap_free(&h->commit_ids);
	kh_oidmap_free(&h->tree_seen);
	kh_oidmap_free(&h->blob_ids);
	kh_oidmap_free(&h->shallow);
	free(h->blobs);
	free(h->occs);
	free(h->pairs.slots);
	free(h->paths.v);
	free(h->paths.names);
	free(h->paths.slots);
	for (size_t i = 0; i < h->prev_cap; i++)
		if (h->prev[i].owned)
			free((void *)h->prev[i].data);
	if (h->prev_root.owned)
		free((void *)h->prev_root.data);
	free(h->prev);
	kh_oidmap_free(&h->tree_ids);
	free(h->tree_walks);
	kh_oidmap_free(&h->sum_ids);
	free(h->sums);
	free(h->sum_ents);
}
