/* SPDX-License-Identifier: Apache-2.0 */
/* keyhound git: the whole history. Every blob reachable from every ref is matched once,
 * and judged at each path it appears at, with the first commit that put it there.
 *
 * 1. Each pack's commits and trees are read with our pack reader into memory (bounded;
 *    past the bound, and for loose objects, libgit2 reads them).
 * 2. One walk over the commits, oldest first in topological order, visits every tree
 *    not seen before; a tree is compared with the previous tree at the same folder, so
 *    only entries that changed are looked up. It yields for each (blob, path) the first
 *    commit, and the set of blobs in HEAD.
 * 3. Each pack's blobs are read again with the pack reader on every worker thread and
 *    matched in place; blobs the packs did not serve are read with libgit2.
 * 4. Commit messages are scanned as blobs of their own. */
#include <dirent.h>
#include <errno.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <time.h>

#include "source/git.h"
#include "source/git_pack.h"
#include "source/git_mini.h"

#define NONE UINT32_MAX
#define META_CAP_DEFAULT ((uint64_t)1 << 30) /* bytes of trees and commits kept */
#define MAX_TREE_DEPTH 1024

/* ---- hash tables ---- */

/* Ids are uniformly distributed: their first bytes are the hash. */
static uint64_t oid_hash(const uint8_t *id)
{
	uint64_t h;
	memcpy(&h, id, 8);
	return h;
}

/* A growing table of distinct object ids, each with a dense index. */
typedef struct {
	uint8_t (*ids)[20];
	uint32_t n, cap;
	uint32_t *slots; /* index + 1, 0 empty */
	size_t mask;
} oidtab;

static void oidtab_grow(oidtab *t)
{
	size_t cap = t->mask ? (t->mask + 1) * 2 : 1024;
	uint32_t *s = kh_calloc(cap, sizeof(uint32_t));

	for (uint32_t i = 0; i < t->n; i++) {
		size_t at = oid_hash(t->ids[i]) & (cap - 1);
		while (s[at])
			at = (at + 1) & (cap - 1);
		s[at] = i + 1;
	}
	free(t->slots);
	t->slots = s;
	t->mask = cap - 1;
}

static uint32_t oidtab_find(const oidtab *t, const uint8_t *id)
{
	if (!t->mask)
		return NONE;
	for (size_t at = oid_hash(id) & t->mask;; at = (at + 1) & t->mask) {
		uint32_t v = t->slots[at];
		if (!v)
			return NONE;
		if (!memcmp(t->ids[v - 1], id, 20))
			return v - 1;
	}
}

static uint32_t oidtab_add(oidtab *t, const uint8_t *id, bool *added)
{
	size_t at;

	if ((size_t)t->n * 2 >= t->mask)
		oidtab_grow(t);
	for (at = oid_hash(id) & t->mask; t->slots[at]; at = (at + 1) & t->mask)
		if (!memcmp(t->ids[t->slots[at] - 1], id, 20)) {
			if (added)
				*added = false;
			return t->slots[at] - 1;
		}
	if (t->n == t->cap) {
		t->cap = t->cap ? t->cap * 2 : 1024;
		t->ids = kh_realloc(t->ids, sizeof(*t->ids) * t->cap);
	}
	memcpy(t->ids[t->n], id, 20);
	t->slots[at] = t->n + 1;
	if (added)
		*added = true;
	return t->n++;
}

static void oidtab_free(oidtab *t)
{
	free(t->ids);
	free(t->slots);
}

/* A set of 64-bit keys (never 0). */
typedef struct {
	uint64_t *slots;
	size_t n, mask;
} keyset;

static uint64_t mix64(uint64_t x)
{
	x ^= x >> 33;
	x *= 0xff51afd7ed558ccdull;
	x ^= x >> 33;
	x *= 0xc4ceb9fe1a85ec53ull;
	return x ^ (x >> 33);
}

static bool keyset_add(keyset *s, uint64_t key)
{
	size_t at;

	if (s->n * 2 >= s->mask) {
		size_t cap = s->mask ? (s->mask + 1) * 2 : 4096;
		uint64_t *ns = kh_calloc(cap, sizeof(uint64_t));
		for (size_t i = 0; s->mask && i <= s->mask; i++)
			if (s->slots[i]) {
				size_t j = mix64(s->slots[i]) & (cap - 1);
				while (ns[j])
					j = (j + 1) & (cap - 1);
				ns[j] = s->slots[i];
			}
		free(s->slots);
		s->slots = ns;
		s->mask = cap - 1;
	}
	for (at = mix64(key) & s->mask; s->slots[at]; at = (at + 1) & s->mask)
		if (s->slots[at] == key)
			return false;
	s->slots[at] = key;
	s->n++;
	return true;
}

/* Paths as a tree of names: id -> (parent id, name). */
typedef struct {
	uint32_t parent;
	uint32_t name_off, name_len;
} path_ent;

typedef struct {
	path_ent *v;
	uint32_t n, cap;
	char *names;
	size_t names_len, names_cap;
	uint32_t *slots;
	size_t mask;
} pathtab;

static uint64_t path_hash(uint32_t parent, const char *name, size_t len)
{
	uint64_t h = 1469598103934665603ull ^ parent;
	for (size_t i = 0; i < len; i++)
		h = (h ^ (unsigned char)name[i]) * 1099511628211ull;
	return mix64(h);
}

static void pathtab_grow(pathtab *t)
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

static uint32_t pathtab_add(pathtab *t, uint32_t parent, const char *name, size_t len)
{
	size_t at;

	if ((size_t)t->n * 2 >= t->mask)
		pathtab_grow(t);
	for (at = path_hash(parent, name, len) & t->mask; t->slots[at]; at = (at + 1) & t->mask) {
		const path_ent *e = &t->v[t->slots[at] - 1];
		if (e->parent == parent && e->name_len == len &&
		    !memcmp(t->names + e->name_off, name, len))
			return t->slots[at] - 1;
	}
	if (t->n == t->cap) {
		t->cap = t->cap ? t->cap * 2 : 4096;
		t->v = kh_realloc(t->v, sizeof(*t->v) * t->cap);
	}
	if (t->names_len + len > t->names_cap) {
		t->names_cap = (t->names_len + len) * 2 + 65536;
		t->names = kh_realloc(t->names, t->names_cap);
	}
	memcpy(t->names + t->names_len, name, len);
	t->v[t->n] = (path_ent){ parent, (uint32_t)t->names_len, (uint32_t)len };
	t->names_len += len;
	t->slots[at] = t->n + 1;
	return t->n++;
}

/* The full path of id into b ("" for the root). */
static void pathtab_string(const pathtab *t, uint32_t id, kh_buf *b)
{
	uint32_t chain[MAX_TREE_DEPTH + 2];
	size_t n = 0;

	b->len = 0;
	for (; id != NONE && n < MAX_TREE_DEPTH + 2; id = t->v[id].parent)
		chain[n++] = id;
	while (n--) {
		const path_ent *e = &t->v[chain[n]];
		if (b->len)
			kh_buf_putc(b, '/');
		kh_buf_put(b, t->names + e->name_off, e->name_len);
	}
	kh_buf_putc(b, 0);
	b->len--;
}

/* ---- the object store: packs, the metadata kept in memory, libgit2 ---- */

typedef struct {
	kh_obj_type type;
	uint32_t len;
	const unsigned char *data;
} meta_obj;

typedef struct {
	uint8_t id[20];
	meta_obj obj;
} meta_rec;

/* Memory for the trees and commits kept: large blocks backed by huge pages where the
 * system allows, because a page fault per 4 KiB costs more than the copy (measured: on
 * a VM, keeping 408 MB of trees in malloc'd buffers took 3.9 s of CPU, mostly faults). */
#define ARENA_BLOCK ((size_t)64 << 20)
#define HUGE_PAGE ((size_t)2 << 20)

typedef struct {
	unsigned char **blocks;
	size_t *sizes;
	size_t n, used, size;
} arena;

static unsigned char *arena_alloc(arena *a, size_t len)
{
	if (!a->n || a->used + len > a->size) {
		size_t size = len > ARENA_BLOCK ? (len + HUGE_PAGE - 1) / HUGE_PAGE * HUGE_PAGE : ARENA_BLOCK;
		void *m = mmap(NULL, size, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
		if (m == MAP_FAILED)
			return NULL;
		madvise(m, size, MADV_HUGEPAGE);
		a->blocks = kh_realloc(a->blocks, sizeof(*a->blocks) * (a->n + 1));
		a->sizes = kh_realloc(a->sizes, sizeof(*a->sizes) * (a->n + 1));
		a->blocks[a->n] = m;
		a->sizes[a->n++] = size;
		a->size = size;
		a->used = 0;
	}
	a->used += len;
	return a->blocks[a->n - 1] + a->used - len;
}

static void arena_free(arena *a)
{
	for (size_t i = 0; i < a->n; i++)
		munmap(a->blocks[i], a->sizes[i]);
	free(a->blocks);
	free(a->sizes);
	memset(a, 0, sizeof(*a));
}

/* What one pack-reading thread collected. */
typedef struct {
	arena mem;
	meta_rec *v;
	size_t n, cap;
} meta_part;

typedef struct {
	char **packs;
	size_t n_packs;
	kh_pack **open;             /* NULL where the pack could not be opened */
	oidtab meta_ids;
	meta_obj *meta;
	meta_part *parts;
	unsigned n_parts;
	_Atomic uint64_t meta_bytes;
	uint64_t meta_cap;
	atomic_bool meta_full;       /* written by the reading threads */
	git_odb *odb;
} store;

/* ---- commits and the walk ---- */

typedef struct {
	uint8_t tree[20];
	uint32_t *parents;
	uint32_t n_parents;
	int64_t when;
	int tz;
	char *author, *email, *subject, *message, *hex, *date;
	bool known;                 /* read (not only referenced) */
} commit_rec;

typedef struct {
	uint32_t path;              /* pathtab id */
	uint32_t commit;            /* NONE: no commit (--all-objects) */
	uint32_t next;              /* next occurrence of the same blob, NONE */
} occ_rec;

typedef struct {
	uint32_t first_occ, last_occ;
	_Atomic uint8_t done;       /* scanned, skipped or failed */
	bool in_head;
} blob_rec;

typedef struct {
	kh_git *g;
	const keyhound_engine *e;
	keyhound_report *report;
	kh_pipeline *pipe;
	store st;
	oidtab commit_ids;
	commit_rec *commits;
	size_t commits_cap;
	uint32_t *order;            /* topological, oldest first */
	oidtab tree_seen;
	oidtab blob_ids;
	blob_rec *blobs;
	size_t blobs_cap;
	occ_rec *occs;
	size_t n_occs, occs_cap;
	keyset pairs;
	pathtab paths;
	/* the last tree processed at a folder (pathtab id; NONE: the root), to diff against */
	const unsigned char **prev_tree;
	uint32_t *prev_len;
	const unsigned char *prev_root;
	uint32_t prev_root_len;
	size_t prev_cap;
	oidtab shallow;
	unsigned threads;
	kh_scratch **scratch;
	kh_buf *path_buf;           /* per thread */
	_Atomic uint64_t blobs_seen;
	uint64_t errors_reported;
} hist;

static void hist_error(hist *h, const uint8_t *id, const char *what, const char *why)
{
	char hex[41], loc[80];

	kh_hex(id, 20, hex);
	snprintf(loc, sizeof(loc), "%s %s", what, hex);
	kh_report_error(h->report, loc, "%s", why);
}

/* ---- reading metadata from the packs ---- */

static int meta_object(unsigned thread, const uint8_t oid[20], kh_obj_type type,
		       const unsigned char *data, size_t len, void *payload)
{
	hist *h = payload;
	meta_part *p = &h->st.parts[thread];
	unsigned char *copy;

	if (len > UINT32_MAX ||
	    atomic_fetch_add(&h->st.meta_bytes, len) + len > h->st.meta_cap ||
	    !(copy = arena_alloc(&p->mem, len))) {
		h->st.meta_full = true; /* the rest is read through libgit2 */
		return 0;
	}
	memcpy(copy, data, len);
	if (p->n == p->cap) {
		p->cap = p->cap ? p->cap * 2 : 4096;
		p->v = kh_realloc(p->v, sizeof(*p->v) * p->cap);
	}
	memcpy(p->v[p->n].id, oid, 20);
	p->v[p->n++].obj = (meta_obj){ type, (uint32_t)len, copy };
	return 0;
}

static void free_meta(store *st)
{
	for (unsigned t = 0; st->parts && t < st->n_parts; t++) {
		arena_free(&st->parts[t].mem);
		free(st->parts[t].v);
		st->parts[t].v = NULL;
		st->parts[t].n = st->parts[t].cap = 0;
	}
}

static void find_packs(store *st, const char *gitdir)
{
	char *dir = kh_sprintf("%s/objects/pack", gitdir);
	DIR *d = opendir(dir);
	struct dirent *de;

	while (d && (de = readdir(d))) {
		size_t n = strlen(de->d_name);
		if (n > 5 && !strcmp(de->d_name + n - 5, ".pack")) {
			st->packs = kh_realloc(st->packs, sizeof(char *) * (st->n_packs + 1));
			st->packs[st->n_packs++] = kh_sprintf("%s/%s", dir, de->d_name);
		}
	}
	if (d)
		closedir(d);
	free(dir);
	st->open = kh_calloc(st->n_packs + 1, sizeof(kh_pack *));
	for (size_t i = 0; i < st->n_packs; i++)
		if (kh_pack_open(&st->open[i], st->packs[i]) < 0)
			st->open[i] = NULL; /* libgit2 reads what it can of it */
}

static int load_meta(hist *h)
{
	store *st = &h->st;
	kh_pack_walk_options o = KH_PACK_WALK_OPTIONS_INIT;
	size_t meta_cap = 0;
	int error = 0;

	st->n_parts = h->threads;
	st->parts = kh_calloc(h->threads, sizeof(meta_part));
	o.threads = h->threads;
	o.types = KH_OBJ_MASK(KH_OBJ_COMMIT) | KH_OBJ_MASK(KH_OBJ_TREE) | KH_OBJ_MASK(KH_OBJ_TAG);
	o.max_object_size = h->e->opts.limits.max_file_size;
	o.on_object = meta_object;
	o.payload = h;
	for (size_t i = 0; i < st->n_packs; i++)
		if (st->open[i] && (error = kh_pack_walk(st->open[i], &o, NULL)) < 0)
			return error;
	for (unsigned t = 0; t < st->n_parts; t++)
		for (size_t k = 0; k < st->parts[t].n; k++) {
			bool added;
			uint32_t i = oidtab_add(&st->meta_ids, st->parts[t].v[k].id, &added);
			if (!added)
				continue;
			if (i >= meta_cap) {
				meta_cap = st->meta_ids.cap;
				st->meta = kh_realloc(st->meta, sizeof(*st->meta) * meta_cap);
			}
			st->meta[i] = st->parts[t].v[k].obj;
		}
	if (st->meta_full)
		kh_report_note(h->report, "trees and commits past %llu bytes (--max-tree-memory) were "
			       "read through libgit2, one by one (slower)",
			       (unsigned long long)st->meta_cap);
	return 0;
}

/* An object's bytes: borrowed from the metadata kept in memory, else read with libgit2
 * into *owned (free it). Returns 0, or -1 when the object is missing or unreadable. */
static int get_object(hist *h, const uint8_t id[20], kh_obj_type *type, const unsigned char **data,
		      size_t *len, git_odb_object **owned)
{
	uint32_t i = oidtab_find(&h->st.meta_ids, id);
	git_oid oid;

	*owned = NULL;
	if (i != NONE) {
		*type = h->st.meta[i].type;
		*data = h->st.meta[i].data;
		*len = h->st.meta[i].len;
		return 0;
	}
	memcpy(oid.id, id, 20);
	if (!h->st.odb || git_odb_read(owned, h->st.odb, &oid) < 0)
		return -1;
	*type = (kh_obj_type)git_odb_object_type(*owned);
	*data = git_odb_object_data(*owned);
	*len = git_odb_object_size(*owned);
	return 0;
}

/* ---- commits ---- */

static bool parse_hex_id(const unsigned char *s, const unsigned char *end, uint8_t out[20])
{
	return end - s >= 40 && kh_git_hex_id((const char *)s, out);
}

static uint32_t commit_ref(hist *h, const uint8_t id[20])
{
	bool added;
	uint32_t i = oidtab_add(&h->commit_ids, id, &added);

	if (added) {
		if (i >= h->commits_cap) {
			h->commits_cap = h->commit_ids.cap;
			h->commits = kh_realloc(h->commits, sizeof(*h->commits) * h->commits_cap);
		}
		memset(&h->commits[i], 0, sizeof(h->commits[i]));
	}
	return i;
}

static char *dup_line_part(const unsigned char *s, const unsigned char *e)
{
	while (s < e && (*s == ' '))
		s++;
	while (e > s && e[-1] == ' ')
		e--;
	return kh_strndup((const char *)s, (size_t)(e - s));
}

/* "Name <email> 1500000000 +0100" */
static void parse_person(commit_rec *c, const unsigned char *s, const unsigned char *e)
{
	const unsigned char *lt = memchr(s, '<', (size_t)(e - s)), *gt;
	long long when = 0;
	int tz = 0;

	if (!lt || !(gt = memchr(lt, '>', (size_t)(e - lt)))) {
		c->author = dup_line_part(s, e);
		c->email = kh_strdup("");
		return;
	}
	c->author = dup_line_part(s, lt);
	c->email = kh_strndup((const char *)lt + 1, (size_t)(gt - lt - 1));
	{
		char tail[64];
		size_t n = (size_t)(e - gt - 1) < sizeof(tail) - 1 ? (size_t)(e - gt - 1) : sizeof(tail) - 1;
		char sign = '+';
		int hhmm = 0;
		memcpy(tail, gt + 1, n);
		tail[n] = 0;
		if (sscanf(tail, " %lld %c%d", &when, &sign, &hhmm) >= 1) {
			tz = (hhmm / 100) * 60 + hhmm % 100;
			if (sign == '-')
				tz = -tz;
		}
	}
	c->when = when;
	c->tz = tz;
}

static void parse_commit(hist *h, uint32_t ci, const unsigned char *d, size_t len, bool shallow)
{
	commit_rec *c;
	const unsigned char *p = d, *end = d + len, *msg = end;
	uint8_t id[20];
	bool have_tree = false;

	while (p < end) {
		const unsigned char *nl = memchr(p, '\n', (size_t)(end - p));
		const unsigned char *le = nl ? nl : end;
		if (le == p) { /* blank line: the message follows */
			msg = le + 1 <= end ? le + 1 : end;
			break;
		}
		if (le - p > 5 && !memcmp(p, "tree ", 5) && parse_hex_id(p + 5, le, id)) {
			memcpy(h->commits[ci].tree, id, 20);
			have_tree = true;
		} else if (le - p > 7 && !memcmp(p, "parent ", 7) && parse_hex_id(p + 7, le, id)) {
			if (!shallow) {
				uint32_t pi = commit_ref(h, id);
				c = &h->commits[ci];
				c->parents = kh_realloc(c->parents, sizeof(uint32_t) * (c->n_parents + 1));
				c->parents[c->n_parents++] = pi;
			}
		} else if (le - p > 7 && !memcmp(p, "author ", 7)) {
			parse_person(&h->commits[ci], p + 7, le);
		}
		p = nl ? nl + 1 : end;
	}
	c = &h->commits[ci];
	if (!have_tree)
		hist_error(h, h->commit_ids.ids[ci], "commit", "commit without a tree");
	c->known = have_tree;
	if (!c->author)
		c->author = kh_strdup(""), c->email = kh_strdup("");
	c->message = kh_strndup((const char *)msg, (size_t)(end - msg));
	{
		const char *nl = strchr(c->message, '\n');
		c->subject = kh_strndup(c->message, nl ? (size_t)(nl - c->message) : strlen(c->message));
	}
}

/* Read every commit reachable from the tips (depth first over parents). */
static void read_commits(hist *h, uint32_t *stack, size_t n)
{
	size_t cap = n;

	while (n) {
		uint32_t ci = stack[--n];
		kh_obj_type type;
		const unsigned char *d;
		size_t len;
		git_odb_object *owned;
		uint8_t id[20];

		if (h->commits[ci].known || h->commits[ci].message)
			continue;
		memcpy(id, h->commit_ids.ids[ci], 20);
		if (get_object(h, id, &type, &d, &len, &owned) < 0 || type != KH_OBJ_COMMIT) {
			hist_error(h, id, "commit", "missing or unreadable commit");
			h->commits[ci].message = kh_strdup("");
			git_odb_object_free(owned);
			continue;
		}
		parse_commit(h, ci, d, len, oidtab_find(&h->shallow, id) != NONE);
		git_odb_object_free(owned);
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
static uint32_t tip_commit(hist *h, const uint8_t id0[20])
{
	uint8_t id[20];

	memcpy(id, id0, 20);
	for (int hop = 0; hop < 16; hop++) {
		kh_obj_type type;
		const unsigned char *d;
		size_t len;
		git_odb_object *owned;
		if (get_object(h, id, &type, &d, &len, &owned) < 0) {
			hist_error(h, id, "ref target", "missing object");
			return NONE;
		}
		if (type == KH_OBJ_COMMIT) {
			git_odb_object_free(owned);
			return commit_ref(h, id);
		}
		if (type != KH_OBJ_TAG || len < 47 || memcmp(d, "object ", 7) ||
		    !parse_hex_id(d + 7, d + len, id)) {
			git_odb_object_free(owned);
			return NONE; /* a tag of a tree or a blob: not history */
		}
		git_odb_object_free(owned);
	}
	return NONE;
}

static void add_tip(hist *h, uint32_t **tips, size_t *n, const git_oid *oid)
{
	uint32_t ci = tip_commit(h, oid->id);

	if (ci == NONE)
		return;
	*tips = kh_realloc(*tips, sizeof(uint32_t) * (*n + 1));
	(*tips)[(*n)++] = ci;
}

static void read_shallow(hist *h)
{
	char *path = kh_sprintf("%s/shallow", h->g->gitdir), line[128];
	FILE *f = fopen(path, "r");
	uint8_t id[20];

	while (f && fgets(line, sizeof(line), f))
		if (parse_hex_id((unsigned char *)line, (unsigned char *)line + strlen(line), id))
			oidtab_add(&h->shallow, id, NULL);
	if (f)
		fclose(f);
	free(path);
}

/* Every ref (branches, tags, remote-tracking refs, notes, the stash and its reflog) and
 * HEAD. */
static void collect_tips(hist *h, uint32_t **tips, size_t *n)
{
	git_reference_iterator *it = NULL;
	git_reference *ref, *res;
	git_reflog *log = NULL;
	git_oid head;

	if (git_reference_name_to_id(&head, h->g->repo, "HEAD") == 0)
		add_tip(h, tips, n, &head);
	if (git_reference_iterator_new(&it, h->g->repo) == 0) {
		while (git_reference_next(&ref, it) == 0) {
			if (git_reference_resolve(&res, ref) == 0) {
				if (git_reference_target(res))
					add_tip(h, tips, n, git_reference_target(res));
				git_reference_free(res);
			} else {
				kh_report_error(h->report, git_reference_name(ref), "cannot resolve ref");
			}
			git_reference_free(ref);
		}
		git_reference_iterator_free(it);
	}
	if (git_reflog_read(&log, h->g->repo, "refs/stash") == 0) {
		for (size_t i = 0; i < git_reflog_entrycount(log); i++)
			add_tip(h, tips, n, git_reflog_entry_id_new(git_reflog_entry_byindex(log, i)));
		git_reflog_free(log);
	}
}

/* Oldest first, each commit after its parents (Kahn, ties by date then id). */
typedef struct {
	uint32_t *v;
	size_t n;
	const commit_rec *c;
	const oidtab *ids;
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

static void topo_order(hist *h)
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
	free(indeg);
	free(child_start);
	free(child);
	free(fill);
	free(hp.v);
}

/* ---- trees ---- */

typedef struct {
	const unsigned char *name;
	size_t name_len;
	unsigned mode;
	const uint8_t *id;
} tree_entry;

/* Next entry of a tree at *p; false at the end or on a malformed entry (*bad set). */
static bool next_entry(const unsigned char **p, const unsigned char *end, tree_entry *e, bool *bad)
{
	const unsigned char *s = *p, *nul;
	unsigned mode = 0;

	if (s >= end)
		return false;
	while (s < end && *s >= '0' && *s <= '7' && mode < 01000000)
		mode = mode * 8 + (unsigned)(*s++ - '0');
	if (s >= end || *s != ' ' || !(nul = memchr(s + 1, 0, (size_t)(end - s - 1))) ||
	    end - nul - 1 < 20 || nul == s + 1) {
		*bad = true;
		return false;
	}
	e->mode = mode;
	e->name = s + 1;
	e->name_len = (size_t)(nul - s - 1);
	e->id = nul + 1;
	*p = nul + 21;
	return true;
}

static bool is_dir(unsigned mode)
{
	return (mode & 0170000) == 0040000;
}

static bool is_blob(unsigned mode)
{
	return (mode & 0170000) == 0100000 || (mode & 0170000) == 0120000;
}

/* git's tree order: names compared as if folders ended with '/'. */
static int entry_cmp(const tree_entry *a, const tree_entry *b)
{
	size_t n = a->name_len < b->name_len ? a->name_len : b->name_len;
	int c = memcmp(a->name, b->name, n);
	unsigned char ca, cb;

	if (c)
		return c;
	ca = a->name_len > n ? a->name[n] : (is_dir(a->mode) ? '/' : 0);
	cb = b->name_len > n ? b->name[n] : (is_dir(b->mode) ? '/' : 0);
	return (int)ca - (int)cb;
}

static void add_occurrence(hist *h, const uint8_t *blob_id, uint32_t path, uint32_t commit)
{
	bool added;
	uint32_t b = oidtab_add(&h->blob_ids, blob_id, &added);
	occ_rec *o;

	if (added) {
		if (b >= h->blobs_cap) {
			h->blobs_cap = h->blob_ids.cap;
			h->blobs = kh_realloc(h->blobs, sizeof(*h->blobs) * h->blobs_cap);
		}
		memset(&h->blobs[b], 0, sizeof(h->blobs[b]));
		h->blobs[b].first_occ = h->blobs[b].last_occ = NONE;
	}
	if (!keyset_add(&h->pairs, ((uint64_t)b << 32 | path) + 1))
		return;
	if (h->n_occs == h->occs_cap) {
		h->occs_cap = h->occs_cap ? h->occs_cap * 2 : 4096;
		h->occs = kh_realloc(h->occs, sizeof(*h->occs) * h->occs_cap);
	}
	o = &h->occs[h->n_occs];
	*o = (occ_rec){ path, commit, NONE };
	if (h->blobs[b].last_occ == NONE)
		h->blobs[b].first_occ = (uint32_t)h->n_occs;
	else
		h->occs[h->blobs[b].last_occ].next = (uint32_t)h->n_occs;
	h->blobs[b].last_occ = (uint32_t)h->n_occs++;
}

static void prev_slot(hist *h, uint32_t dir, const unsigned char ***data, uint32_t **len)
{
	static uint32_t unused;

	if (dir == NONE) {
		*data = &h->prev_root;
		*len = &h->prev_root_len;
		return;
	}
	if (dir >= h->prev_cap) {
		size_t cap = h->paths.cap > dir ? h->paths.cap : dir + 1;
		h->prev_tree = kh_realloc(h->prev_tree, sizeof(*h->prev_tree) * cap);
		h->prev_len = kh_realloc(h->prev_len, sizeof(*h->prev_len) * cap);
		memset(h->prev_tree + h->prev_cap, 0, sizeof(*h->prev_tree) * (cap - h->prev_cap));
		memset(h->prev_len + h->prev_cap, 0, sizeof(*h->prev_len) * (cap - h->prev_cap));
		h->prev_cap = cap;
	}
	*data = &h->prev_tree[dir];
	*len = &h->prev_len[dir];
	(void)unused;
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
static void walk_tree(hist *h, const uint8_t *tree_id, uint32_t dir, uint32_t ci, unsigned depth)
{
	kh_obj_type type;
	const unsigned char *d, *p, *end, *old, *oend, **slot;
	uint32_t *slot_len;
	size_t len;
	git_odb_object *owned;
	tree_entry e, oe;
	bool bad = false, have_old = false, added;
	uint8_t key[20];

	tree_key(tree_id, dir, key);
	oidtab_add(&h->tree_seen, key, &added);
	if (!added)
		return;
	if (depth > MAX_TREE_DEPTH) {
		hist_error(h, tree_id, "tree", "folders nested too deep");
		return;
	}
	if (get_object(h, tree_id, &type, &d, &len, &owned) < 0 || type != KH_OBJ_TREE) {
		hist_error(h, tree_id, "tree", "missing or unreadable tree");
		git_odb_object_free(owned);
		return;
	}
	prev_slot(h, dir, &slot, &slot_len);
	old = *slot;
	oend = old ? old + *slot_len : NULL;
	if (old)
		have_old = next_entry(&old, oend, &oe, &(bool){ false });
	p = d;
	end = d + len;
	while (next_entry(&p, end, &e, &bad)) {
		int c = 1;
		while (have_old && (c = entry_cmp(&oe, &e)) < 0)
			have_old = next_entry(&old, oend, &oe, &(bool){ false });
		if (have_old && c == 0 && oe.mode == e.mode && !memcmp(oe.id, e.id, 20))
			continue; /* unchanged since the previous tree here */
		if (is_dir(e.mode)) {
			uint32_t sub = pathtab_add(&h->paths, dir, (const char *)e.name, e.name_len);
			walk_tree(h, e.id, sub, ci, depth + 1);
			prev_slot(h, dir, &slot, &slot_len); /* the arrays may have moved */
		} else if (is_blob(e.mode)) {
			uint32_t path = pathtab_add(&h->paths, dir, (const char *)e.name, e.name_len);
			add_occurrence(h, e.id, path, ci);
		}
		/* gitlinks (submodules) are another repository's history */
	}
	if (bad)
		hist_error(h, tree_id, "tree", "malformed tree entry");
	prev_slot(h, dir, &slot, &slot_len);
	/* only trees kept in memory can be diffed against later */
	*slot = owned ? NULL : d;
	*slot_len = owned ? 0 : (uint32_t)len;
	git_odb_object_free(owned);
}

/* Mark the blobs of HEAD's tree (the whole tree: seen or not). */
static void mark_head(hist *h, const uint8_t *tree_id, unsigned depth)
{
	kh_obj_type type;
	const unsigned char *d, *p, *end;
	size_t len;
	git_odb_object *owned;
	tree_entry e;
	bool bad = false;

	if (depth > MAX_TREE_DEPTH || get_object(h, tree_id, &type, &d, &len, &owned) < 0)
		return;
	p = d;
	end = d + len;
	while (type == KH_OBJ_TREE && next_entry(&p, end, &e, &bad)) {
		if (is_dir(e.mode)) {
			mark_head(h, e.id, depth + 1);
		} else if (is_blob(e.mode)) {
			uint32_t b = oidtab_find(&h->blob_ids, e.id);
			if (b != NONE)
				h->blobs[b].in_head = true;
		}
	}
	git_odb_object_free(owned);
}

static void walk_history(hist *h)
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
		uint32_t ci = oidtab_find(&h->commit_ids, head.id);
		if (ci != NONE && h->commits[ci].known)
			mark_head(h, h->commits[ci].tree, 0);
	}
}

/* ---- scanning ---- */

static void commit_strings(hist *h)
{
	for (uint32_t i = 0; i < h->commit_ids.n; i++) {
		commit_rec *c = &h->commits[i];
		c->hex = kh_malloc(41);
		kh_hex(h->commit_ids.ids[i], 20, c->hex);
		c->date = kh_malloc(40);
		kh_git_iso_date(c->when, c->tz, c->date);
	}
}

/* Origins of blob b, with borrowed strings (paths are written into paths[]). */
static kh_origin *blob_origins(hist *h, uint32_t b, size_t *n_out, char ***paths_out)
{
	size_t n = 0;
	kh_origin *occ;
	char **paths;
	kh_buf pb = { 0 };

	for (uint32_t o = h->blobs[b].first_occ; o != NONE; o = h->occs[o].next)
		n++;
	occ = kh_calloc(n ? n : 1, sizeof(*occ));
	paths = kh_calloc(n ? n : 1, sizeof(char *));
	n = 0;
	for (uint32_t o = h->blobs[b].first_occ; o != NONE; o = h->occs[o].next, n++) {
		const occ_rec *r = &h->occs[o];
		kh_origin *x = &occ[n];
		*x = (kh_origin)KH_ORIGIN_INIT;
		x->source = KEYHOUND_SOURCE_GIT;
		pathtab_string(&h->paths, r->path, &pb);
		paths[n] = kh_buf_detach(&pb);
		x->path = paths[n];
		x->repository = (char *)h->g->repository;
		x->in_head = h->blobs[b].in_head;
		if (r->commit != NONE) {
			const commit_rec *c = &h->commits[r->commit];
			x->commit = c->hex;
			x->author = c->author;
			x->email = c->email;
			x->date = c->date;
			x->message = c->subject;
		}
	}
	kh_buf_free(&pb);
	*n_out = n;
	*paths_out = paths;
	return occ;
}

static void free_origins(kh_origin *occ, size_t n, char **paths)
{
	for (size_t i = 0; i < n; i++)
		free(paths[i]);
	free(paths);
	free(occ);
}

static void scan_blob_now(hist *h, unsigned thread, uint32_t b, const unsigned char *data,
			  size_t len)
{
	kh_blob blob = { 0 };
	char **paths;

	blob.data = (unsigned char *)data;
	blob.len = len;
	blob.seq = b;
	blob.occ = blob_origins(h, b, &blob.n_occ, &paths);
	if (h->g->hooks)
		h->g->hooks->scan(h->g->hooks->payload, h->blob_ids.ids[b], &blob, h->scratch[thread]);
	else
		kh_pipeline_scan_now(h->pipe, h->scratch[thread], &blob);
	free_origins(blob.occ, blob.n_occ, paths);
}

/* A blob over the size limit: counted, and path rules still judge it. */
static void skip_large(hist *h, uint32_t b)
{
	kh_blob blob = { 0 };
	char **paths;

	kh_report_skip(h->report, "max-file-size");
	blob.seq = b;
	blob.occ = blob_origins(h, b, &blob.n_occ, &paths);
	for (size_t i = 0; i < blob.n_occ; i++)
		kh_judge(h->e, &blob, i, NULL, h->report);
	free_origins(blob.occ, blob.n_occ, paths);
	if (h->g->hooks)
		h->g->hooks->too_large(h->g->hooks->payload, h->blob_ids.ids[b]);
}

static void progress(hist *h, unsigned thread)
{
	keyhound_scan *s = h->g->scan;
	uint64_t n = atomic_fetch_add(&h->blobs_seen, 1);

	if (thread == 0 && s->progress && n % 256 == 0) {
		keyhound_summary sum;
		keyhound_report_summary(h->report, &sum);
		s->progress(sum.bytes, sum.blobs, s->progress_payload);
	}
}

/* An unreachable blob (--all-objects): scanned once, with no path or commit. */
static void scan_dangling(hist *h, unsigned thread, const uint8_t *id, const unsigned char *data,
			  size_t len)
{
	kh_blob blob = { 0 };
	kh_origin o = KH_ORIGIN_INIT;
	char hex[41];

	kh_hex(id, 20, hex);
	o.source = KEYHOUND_SOURCE_GIT;
	o.repository = (char *)h->g->repository;
	o.commit = NULL;
	o.path = kh_sprintf("(unreachable blob %s)", hex);
	blob.data = (unsigned char *)data;
	blob.len = len;
	blob.seq = ((uint64_t)1 << 40) + (oid_hash(id) >> 24);
	blob.occ = &o;
	blob.n_occ = 1;
	kh_pipeline_scan_now(h->pipe, h->scratch[thread], &blob);
	free(o.path);
}

/* done: 0 not yet, 1 scanned, skipped or failed; in a sweep 2 matched before, 3 matched
 * before and its bytes wanted to judge it. */
static bool take_blob(hist *h, uint32_t b)
{
	uint8_t expected = 0;

	return atomic_compare_exchange_strong(&h->blobs[b].done, &expected, 1);
}

/* A sweep: a blob matched before whose judging needs its bytes, served by the pack walk. */
static bool sweep_serve_known(hist *h, unsigned thread, uint32_t b, const unsigned char *data,
			      size_t len)
{
	uint8_t expected = 3;
	kh_blob blob = { 0 };
	char **paths;

	if (!atomic_compare_exchange_strong(&h->blobs[b].done, &expected, 1))
		return false;
	blob.data = (unsigned char *)data;
	blob.len = len;
	blob.seq = b;
	blob.occ = blob_origins(h, b, &blob.n_occ, &paths);
	h->g->hooks->known(h->g->hooks->payload, h->blob_ids.ids[b], &blob, h->st.odb,
			   h->scratch[thread]);
	free_origins(blob.occ, blob.n_occ, paths);
	return true;
}

static int blob_object(unsigned thread, const uint8_t oid[20], kh_obj_type type,
		       const unsigned char *data, size_t len, void *payload)
{
	hist *h = payload;
	uint32_t b = oidtab_find(&h->blob_ids, oid);

	if (b == NONE) {
		if (h->g->opts->all_objects)
			scan_dangling(h, thread, oid, data, len);
		return 0;
	}
	if (h->g->hooks && sweep_serve_known(h, thread, b, data, len))
		return 0;
	if (!take_blob(h, b))
		return 0; /* the same blob in another pack, or matched before (a sweep) */
	scan_blob_now(h, thread, b, data, len);
	progress(h, thread);
	return 0;
}

static void blob_problem(unsigned thread, const uint8_t oid[20], kh_obj_type type,
			 kh_pack_problem problem, const char *reason, void *payload)
{
	hist *h = payload;
	uint32_t b = oidtab_find(&h->blob_ids, oid);

	/* errors are left to libgit2, which may find the object elsewhere */
	if (b == NONE || problem != KH_PACK_TOO_LARGE || !take_blob(h, b))
		return;
	skip_large(h, b);
}

static int scan_packs(hist *h)
{
	kh_pack_walk_options o = KH_PACK_WALK_OPTIONS_INIT;
	int error = 0;

	o.threads = h->threads;
	o.types = KH_OBJ_MASK(KH_OBJ_BLOB);
	o.max_object_size = h->e->opts.limits.max_file_size;
	o.on_object = blob_object;
	o.on_problem = blob_problem;
	o.payload = h;
	for (size_t i = 0; i < h->st.n_packs; i++)
		if (h->st.open[i] && (error = kh_pack_walk(h->st.open[i], &o, NULL)) < 0)
			break;
	return error;
}

/* Blobs no pack served (loose objects, packs our reader could not open, damaged data):
 * libgit2 reads them, or they are errors. */
static void scan_leftovers(hist *h)
{
	for (uint32_t b = 0; b < h->blob_ids.n; b++) {
		git_odb_object *obj = NULL;
		git_oid oid;
		kh_origin *occ;
		char **paths;
		size_t n;

		if (atomic_load(&h->blobs[b].done))
			continue;
		memcpy(oid.id, h->blob_ids.ids[b], 20);
		occ = blob_origins(h, b, &n, &paths);
		if (git_odb_read(&obj, h->st.odb, &oid) < 0 ||
		    git_odb_object_type(obj) != GIT_OBJECT_BLOB) {
			char hex[41];
			kh_hex(oid.id, 20, hex);
			kh_report_error(h->report, n ? occ[0].path : hex,
					"blob %s (first in commit %.12s): missing or corrupt object", hex,
					n && occ[0].commit ? occ[0].commit : "?");
		} else if (git_odb_object_size(obj) > h->e->opts.limits.max_file_size) {
			skip_large(h, b);
		} else {
			scan_blob_now(h, 0, b, git_odb_object_data(obj), git_odb_object_size(obj));
		}
		git_odb_object_free(obj);
		free_origins(occ, n, paths);
	}
}

/* A sweep: blobs matched before are marked done so no pack walk reads them. Returns
 * whether the new blobs are many enough to be worth walking the packs for; a few are
 * cheaper to read one by one (scan_leftovers). */
static bool sweep_classify(hist *h)
{
	const kh_git_hooks *k = h->g->hooks;
	uint64_t wanted = 0;

	k->walked(k->payload, h->commit_ids.n, h->blob_ids.n);
	for (uint32_t b = 0; b < h->blob_ids.n; b++) {
		int v = k->is_known(k->payload, h->blob_ids.ids[b]);
		if (v)
			atomic_store(&h->blobs[b].done, v == KH_GIT_KNOWN_BYTES ? 3 : 2);
		wanted += v != KH_GIT_KNOWN;
	}
	/* reading one blob through libgit2 costs about as much as inflating 30 in a pack walk */
	return wanted * 32 >= h->blob_ids.n;
}

/* A sweep: the blobs matched before, judged here with the matches kept for them. */
static void sweep_known(hist *h)
{
	const kh_git_hooks *k = h->g->hooks;

	for (uint32_t b = 0; b < h->blob_ids.n; b++) {
		kh_blob blob = { 0 };
		char **paths;

		uint8_t d = atomic_load(&h->blobs[b].done);
		if (d != 2 && d != 3)
			continue; /* 3: wanted bytes, but no pack walk served them */
		blob.seq = b;
		blob.occ = blob_origins(h, b, &blob.n_occ, &paths);
		k->known(k->payload, h->blob_ids.ids[b], &blob, h->st.odb, h->scratch[0]);
		free_origins(blob.occ, blob.n_occ, paths);
	}
}

/* Commit messages: people paste tokens there too. */
static void scan_messages(hist *h)
{
	for (uint32_t k = 0; k < h->commit_ids.n; k++) {
		commit_rec *c = &h->commits[h->order[k]];
		kh_blob blob = { 0 };
		kh_origin o = KH_ORIGIN_INIT;

		if (!c->known || !c->message || !*c->message)
			continue;
		blob.len = strlen(c->message);
		blob.data = (unsigned char *)c->message;
		blob.seq = (uint64_t)h->blob_ids.n + k;
		o.source = KEYHOUND_SOURCE_GIT;
		o.commit = c->hex;
		o.author = c->author;
		o.email = c->email;
		o.date = c->date;
		/* the finding points into the message: repeating its first line would print
		 * the secret unredacted */
		o.message = h->e->opts.show_secrets ? c->subject : NULL;
		o.repository = (char *)h->g->repository;
		o.commit_message = true;
		blob.occ = &o;
		blob.n_occ = 1;
		kh_pipeline_scan_now(h->pipe, h->scratch[0], &blob);
	}
}

/* Loose objects nobody reached (--all-objects): dangling blobs of rewritten history. */
static int loose_object(const git_oid *id, void *payload)
{
	hist *h = payload;
	git_odb_object *obj = NULL;

	if (oidtab_find(&h->blob_ids, id->id) != NONE)
		return 0;
	for (size_t i = 0; i < h->st.n_packs; i++)
		if (h->st.open[i] && kh_pack_has(h->st.open[i], id->id))
			return 0;
	if (git_odb_read(&obj, h->st.odb, id) == 0 && git_odb_object_type(obj) == GIT_OBJECT_BLOB &&
	    git_odb_object_size(obj) <= h->e->opts.limits.max_file_size)
		scan_dangling(h, 0, id->id, git_odb_object_data(obj), git_odb_object_size(obj));
	git_odb_object_free(obj);
	return 0;
}

static void hist_free(hist *h)
{
	for (uint32_t i = 0; i < h->commit_ids.n; i++) {
		commit_rec *c = &h->commits[i];
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
	oidtab_free(&h->commit_ids);
	oidtab_free(&h->tree_seen);
	oidtab_free(&h->blob_ids);
	oidtab_free(&h->shallow);
	free(h->blobs);
	free(h->occs);
	free(h->pairs.slots);
	free(h->paths.v);
	free(h->paths.names);
	free(h->paths.slots);
	free(h->prev_tree);
	free(h->prev_len);
	for (size_t i = 0; i < h->st.n_packs; i++) {
		kh_pack_free(h->st.open[i]);
		free(h->st.packs[i]);
	}
	free(h->st.packs);
	free(h->st.open);
	oidtab_free(&h->st.meta_ids);
	free(h->st.meta);
	free_meta(&h->st);
	free(h->st.parts);
	git_odb_free(h->st.odb);
	for (unsigned t = 0; h->scratch && t < h->threads; t++)
		kh_scratch_free(h->scratch[t]);
	free(h->scratch);
}

int kh_git_history(kh_git *g)
{
	hist h = { 0 };
	int error = 0;

	h.g = g;
	h.e = g->scan->engine;
	h.report = g->scan->report;
	h.pipe = g->scan->pipe;
	h.threads = h.e->opts.threads ? h.e->opts.threads : 1;
	h.st.meta_cap = g->opts->max_tree_memory ? g->opts->max_tree_memory : META_CAP_DEFAULT;
	if (git_repository_odb(&h.st.odb, g->repo) < 0) {
		error = kh_error(KEYHOUND_ERROR, "cannot open the object database: %s",
				 git_error_last() ? git_error_last()->message : "");
		goto done;
	}
	h.scratch = kh_calloc(h.threads, sizeof(kh_scratch *));
	for (unsigned t = 0; t < h.threads; t++)
		if ((error = kh_scratch_new(&h.scratch[t], h.e->rules)) < 0)
			goto done;
	kh_git_step(NULL);
	find_packs(&h.st, g->gitdir);
	if ((error = load_meta(&h)) < 0)
		goto done;
	kh_git_step("trees");
	walk_history(&h);
	commit_strings(&h);
	kh_git_step("walk");
	/* the trees are no longer needed: only the blobs' bytes are read from here on */
	free_meta(&h.st);
	oidtab_free(&h.st.meta_ids);
	memset(&h.st.meta_ids, 0, sizeof(h.st.meta_ids));
	free(h.st.meta);
	h.st.meta = NULL;
	if ((!g->hooks || sweep_classify(&h)) && (error = scan_packs(&h)) < 0)
		goto done;
	kh_git_step("blobs");
	scan_leftovers(&h);
	if (g->hooks)
		sweep_known(&h);
	if (g->opts->all_objects)
		git_odb_foreach(h.st.odb, loose_object, &h);
	scan_messages(&h);
	error = kh_pipeline_wait(h.pipe);
	kh_git_step("rest");
done:
	hist_free(&h);
	return error;
}
