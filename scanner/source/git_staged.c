/* SPDX-License-Identifier: Apache-2.0 */
/* keyhound git --staged: what the index would commit, against HEAD (or the empty tree
 * before the first commit). A pre-commit hook must not be noticed, so this does not
 * diff the whole index against the whole of HEAD's tree (libgit2 spends 55-60 ms on a
 * 30,000-file repository doing that). It reads the index file itself and uses its
 * cache-tree extension, which git keeps up to date: a folder whose cached tree id is
 * HEAD's tree at that path holds no staged change and is skipped whole, so only the
 * trees along changed paths are read. Without a usable cache tree it compares folder
 * by folder all the same, just without the shortcut. Objects are read without libgit2
 * (git_mini.c: its start-up alone costs 10-15 ms). Index formats this does not read
 * (split or sparse index, unknown versions) and repositories git_mini cannot read go
 * through libgit2's diff instead.
 *
 * The lines a change adds: the staged blob's lines after removing the common first and
 * last lines, less the lines the old blob has in between (counted, so a second copy of
 * an old line is new). A moved line is not added: a secret moved within a file was
 * already committed, and the history sweep is where it gets reported. */
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include "core/blob.h"
#include "core/hash.h"
#include "core/report.h"
#include "pipeline/feed.h"
#include "source/git.h"
#include "source/git_mini.h"
#include "source/git_object.h"

#define MAX_DEPTH 256
#define MAX_RENAME_CANDIDATES 64

typedef struct {
	const char *path;          /* NUL-terminated (in the map for v2/v3, copied for v4) */
	size_t path_len;
	unsigned mode, stage;
	bool intent_to_add, skip;
	const uint8_t *id;
} idx_entry;

/* A node of the cache-tree extension. */
typedef struct ct_node {
	const char *name;
	size_t name_len;
	long entries;              /* -1: invalidated */
	const uint8_t *id;
	struct ct_node *kids;
	size_t n_kids;
} ct_node;

typedef struct {
	const unsigned char *map;
	size_t map_len;
	idx_entry *v;
	size_t n;
	char *v4_paths;            /* v4 paths: blocks, each starting with the previous one */
	ct_node *root;             /* NULL when there is no cache tree */
	ct_node *ct_all;
	size_t ct_n, ct_cap;
	bool unsupported;          /* a format or extension this reader does not handle */
} index_file;

typedef struct {
	char *path;
	uint8_t old[20], id[20];
	bool has_old;
} change;

typedef struct {
	uint8_t id[20];
	char *path;
} deleted;

typedef struct {
	kh_git *g;
	kh_mini *m;
	index_file ix;
	change *ch;
	size_t n_ch, cap_ch;
	deleted *del;             /* blobs HEAD had at paths the index lost (renames) */
	size_t n_del, cap_del;
	bool fallback;            /* an object git_mini cannot find: let libgit2 do it */
	int error;
} staged;

/* A tree, its entries sorted by name for lookups. */
typedef struct {
	const unsigned char *name;
	size_t name_len;
	unsigned mode;
	const uint8_t *id;
	bool matched;
} tentry;

typedef struct {
	unsigned char *data;
	tentry *v;
	size_t n;
} tree;

static uint32_t be32(const unsigned char *p)
{
	return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 | (uint32_t)p[2] << 8 | p[3];
}

/* ---- reading the index ---- */

static int parse_ct(index_file *ix, const unsigned char **p, const unsigned char *end,
		    ct_node *out, unsigned depth)
{
	const unsigned char *s = *p, *nul, *sp, *lf;
	long entries, kids;
	char num[24];

	if (depth > MAX_DEPTH || !(nul = memchr(s, 0, (size_t)(end - s))) ||
	    !(sp = memchr(nul, ' ', (size_t)(end - nul))) || !(lf = memchr(sp, '\n', (size_t)(end - sp))) ||
	    sp - nul - 1 >= (long)sizeof(num) || lf - sp - 1 >= (long)sizeof(num))
		return -1;
	memcpy(num, nul + 1, (size_t)(sp - nul - 1));
	num[sp - nul - 1] = 0;
	entries = strtol(num, NULL, 10);
	memcpy(num, sp + 1, (size_t)(lf - sp - 1));
	num[lf - sp - 1] = 0;
	kids = strtol(num, NULL, 10);
	if (kids < 0 || kids > 1000000)
		return -1;
	out->name = (const char *)s;
	out->name_len = (size_t)(nul - s);
	out->entries = entries;
	out->id = NULL;
	s = lf + 1;
	if (entries >= 0) {
		if (end - s < 20)
			return -1;
		out->id = s;
		s += 20;
	}
	out->kids = kids ? kh_calloc((size_t)kids, sizeof(ct_node)) : NULL;
	out->n_kids = (size_t)kids;
	*p = s;
	for (long k = 0; k < kids; k++)
		if (parse_ct(ix, p, end, &out->kids[k], depth + 1) < 0)
			return -1;
	return 0;
}

static void ct_free(ct_node *n)
{
	for (size_t i = 0; n && i < n->n_kids; i++)
		ct_free(&n->kids[i]);
	if (n)
		free(n->kids);
}

static uint64_t v4_varint(const unsigned char **p, const unsigned char *end, bool *ok)
{
	const unsigned char *s = *p;
	uint64_t v;
	unsigned char c;

	if (s >= end) {
		*ok = false;
		return 0;
	}
	c = *s++;
	v = c & 127;
	while (c & 128) {
		if (s >= end || v > (UINT64_MAX >> 8)) {
			*ok = false;
			return 0;
		}
		c = *s++;
		v = ((v + 1) << 7) | (c & 127);
	}
	*p = s;
	return v;
}

static int read_index(index_file *ix, const char *path)
{
	struct stat st;
	int fd = open(path, O_RDONLY | O_CLOEXEC);
	const unsigned char *p, *end, *prev = NULL;
	uint32_t version, count;
	size_t prev_len = 0, arena_len = 0, arena_cap = 0;
	int error = 0;

	if (fd < 0) {
		if (errno == ENOENT)
			return 0; /* no index yet: nothing is staged */
		return kh_error(KEYHOUND_EIO, "%s: %s", path, strerror(errno));
	}
	if (fstat(fd, &st) < 0 || st.st_size < 12 + 20) {
		close(fd);
		return kh_error(KEYHOUND_ERROR, "%s: not an index file", path);
	}
	ix->map_len = (size_t)st.st_size;
	ix->map = mmap(NULL, ix->map_len, PROT_READ, MAP_PRIVATE | MAP_POPULATE, fd, 0);
	close(fd);
	if (ix->map == MAP_FAILED) {
		ix->map = NULL;
		return kh_error(KEYHOUND_EIO, "%s: %s", path, strerror(errno));
	}
	p = ix->map;
	end = ix->map + ix->map_len - 20;
	version = be32(p + 4);
	count = be32(p + 8);
	if (memcmp(p, "DIRC", 4) != 0)
		return kh_error(KEYHOUND_ERROR, "%s: not an index file", path);
	if (version < 2 || version > 4 || count > ix->map_len / 40) {
		ix->unsupported = true;
		return 0;
	}
	p += 12;
	ix->v = kh_calloc(count ? count : 1, sizeof(idx_entry));
	for (uint32_t i = 0; i < count; i++) {
		idx_entry *e = &ix->v[i];
		const unsigned char *start = p;
		unsigned flags, flags2 = 0;
		size_t fixed;

		if (end - p < 62)
			goto corrupt;
		e->mode = be32(p + 24);
		e->id = p + 40;
		flags = (unsigned)p[60] << 8 | p[61];
		e->stage = (flags >> 12) & 3;
		fixed = 62;
		if (flags & 0x4000) {
			if (version < 3 || end - p < 64)
				goto corrupt;
			flags2 = (unsigned)p[62] << 8 | p[63];
			fixed = 64;
		}
		e->intent_to_add = flags2 & 0x2000;
		p += fixed;
		if (version < 4) {
			const unsigned char *nul = memchr(p, 0, (size_t)(end - p));
			if (!nul)
				goto corrupt;
			e->path = (const char *)p;
			e->path_len = (size_t)(nul - p);
			/* entries are padded with 1-8 NULs to a multiple of 8 bytes */
			p = start + ((fixed + e->path_len + 8) & ~(size_t)7);
			if (p > end)
				goto corrupt;
		} else {
			bool ok = true;
			uint64_t strip = v4_varint(&p, end, &ok);
			const unsigned char *nul;
			size_t keep, need;
			char *dst;
			if (!ok || strip > prev_len || !(nul = memchr(p, 0, (size_t)(end - p))))
				goto corrupt;
			keep = prev_len - (size_t)strip;
			need = keep + (size_t)(nul - p) + 1;
			if (arena_len + need > arena_cap) {
				/* a new block; the paths already written stay where they are */
				char **blk;
				arena_cap = need > (1u << 20) ? need : (1u << 20);
				blk = kh_malloc(sizeof(char *) + arena_cap);
				*blk = ix->v4_paths;
				ix->v4_paths = (char *)blk;
				arena_len = sizeof(char *);
				arena_cap += sizeof(char *);
			}
			dst = ix->v4_paths + arena_len;
			if (keep) /* the first entry has no previous path */
				memcpy(dst, prev, keep);
			memcpy(dst + keep, p, (size_t)(nul - p) + 1);
			e->path = dst;
			e->path_len = need - 1;
			arena_len += need;
			prev = (const unsigned char *)dst;
			prev_len = e->path_len;
			p = nul + 1;
			continue;
		}
	}
	ix->n = count;
	/* extensions */
	while (end - p >= 8) {
		uint32_t size = be32(p + 4);
		const unsigned char *data = p + 8;
		if ((size_t)(end - data) < size)
			goto corrupt;
		if (!memcmp(p, "TREE", 4) && size) {
			const unsigned char *q = data;
			ct_node *root = kh_calloc(1, sizeof(*root));
			if (parse_ct(ix, &q, data + size, root, 0) == 0) {
				ix->root = root;
			} else {
				ct_free(root);
				free(root);
			}
		} else if (!memcmp(p, "link", 4) || !memcmp(p, "sdir", 4)) {
			ix->unsupported = true; /* split or sparse index */
		}
		p = data + size;
	}
	return error;
corrupt:
	return kh_error(KEYHOUND_ERROR, "%s: corrupt index file", path);
}

static void index_free(index_file *ix)
{
	if (ix->map)
		munmap((void *)ix->map, ix->map_len);
	free(ix->v);
	while (ix->v4_paths) {
		char *next = *(char **)ix->v4_paths;
		free(ix->v4_paths);
		ix->v4_paths = next;
	}
	ct_free(ix->root);
	free(ix->root);
}

/* ---- comparing the index with HEAD, folder by folder ---- */

static int cmp_tentry(const void *a, const void *b)
{
	const tentry *x = a, *y = b;
	size_t n = x->name_len < y->name_len ? x->name_len : y->name_len;
	int c = memcmp(x->name, y->name, n);
	return c ? c : (x->name_len > y->name_len) - (x->name_len < y->name_len);
}

static int read_tree(staged *s, const uint8_t id[20], tree *t)
{
	kh_obj_type type;
	size_t len, cap = 0;
	const unsigned char *p, *end;
	kh_tree_entry e;
	bool bad = false;
	int error;

	memset(t, 0, sizeof(*t));
	if ((error = kh_mini_read(s->m, id, &type, &t->data, &len)) < 0 || type != KH_OBJ_TREE) {
		if (error == KEYHOUND_ENOTFOUND)
			s->fallback = true;
		else
			s->error = error < 0 ? error : kh_error(KEYHOUND_ERROR, "HEAD names a tree that is not one");
		free(t->data);
		t->data = NULL;
		return -1;
	}
	p = t->data;
	end = t->data + len;
	while (kh_tree_next(&p, end, &e, &bad)) {
		if (t->n == cap)
			t->v = kh_realloc(t->v, sizeof(*t->v) * (cap = cap * 2 + 16));
		t->v[t->n++] = (tentry){ e.name, e.name_len, e.mode, e.id, false };
	}
	if (bad) {
		s->error = kh_error(KEYHOUND_ERROR, "malformed tree in HEAD");
		return -1;
	}
	qsort(t->v, t->n, sizeof(*t->v), cmp_tentry);
	return 0;
}

static void tree_free(tree *t)
{
	free(t->data);
	free(t->v);
}

static tentry *tree_find(tree *t, const char *name, size_t len)
{
	tentry key = { (const unsigned char *)name, len, 0, NULL, false };
	return t->v ? bsearch(&key, t->v, t->n, sizeof(*t->v), cmp_tentry) : NULL;
}

static void add_change(staged *s, const char *path, size_t len, const uint8_t *id,
		       const uint8_t *old)
{
	change *c;

	if (s->n_ch == s->cap_ch)
		s->ch = kh_realloc(s->ch, sizeof(*s->ch) * (s->cap_ch = s->cap_ch * 2 + 8));
	c = &s->ch[s->n_ch++];
	memset(c, 0, sizeof(*c));
	c->path = kh_strndup(path, len);
	memcpy(c->id, id, 20);
	if (old) {
		memcpy(c->old, old, 20);
		c->has_old = true;
	}
}

static void add_deleted(staged *s, char *path, const uint8_t *id)
{
	if (s->n_del == s->cap_del)
		s->del = kh_realloc(s->del, sizeof(*s->del) * (s->cap_del = s->cap_del * 2 + 8));
	memcpy(s->del[s->n_del].id, id, 20);
	s->del[s->n_del++].path = path;
}

/* Every blob of a folder the index no longer has: a moved folder is a rename. */
static void add_deleted_tree(staged *s, const uint8_t *id, const char *prefix, unsigned depth)
{
	tree t;

	if (depth > MAX_DEPTH || s->n_del > 100000 || read_tree(s, id, &t) < 0)
		return;
	for (size_t i = 0; i < t.n; i++) {
		char *path = kh_sprintf("%s%.*s", prefix, (int)t.v[i].name_len, t.v[i].name);
		if (kh_git_mode_is_tree(t.v[i].mode)) {
			char *sub = kh_sprintf("%s/", path);
			add_deleted_tree(s, t.v[i].id, sub, depth + 1);
			free(sub);
			free(path);
		} else if (kh_git_mode_is_blob(t.v[i].mode)) {
			add_deleted(s, path, t.v[i].id);
		} else {
			free(path);
		}
	}
	tree_free(&t);
}

static const ct_node *ct_child(const ct_node *n, const char *name, size_t len)
{
	for (size_t i = 0; n && i < n->n_kids; i++)
		if (n->kids[i].name_len == len && !memcmp(n->kids[i].name, name, len))
			return &n->kids[i];
	return NULL;
}

/* Entries [lo, hi) all start with the folder prefix (plen bytes, ending in '/', or empty);
 * head_id is HEAD's tree for that folder (NULL: none). */
static void compare_dir(staged *s, size_t plen, size_t lo, size_t hi, const ct_node *ct,
			const uint8_t *head_id, unsigned depth)
{
	const idx_entry *v = s->ix.v;
	tree head = { 0 };
	size_t i = lo;

	if (depth > MAX_DEPTH || s->fallback || s->error)
		return;
	/* git keeps the cached tree id of a folder no change touched: equal to HEAD's,
	 * nothing under it is staged */
	if (ct && ct->entries >= 0 && ct->id && head_id && !memcmp(ct->id, head_id, 20) &&
	    (size_t)ct->entries == hi - lo)
		return;
	if (head_id && read_tree(s, head_id, &head) < 0)
		return;
	while (i < hi) {
		const char *name = v[i].path + plen;
		size_t rest = v[i].path_len - plen;
		const char *slash = memchr(name, '/', rest);
		size_t nlen = slash ? (size_t)(slash - name) : rest;
		tentry *te = tree_find(&head, name, nlen);

		if (te)
			te->matched = true;
		if (slash) {
			size_t j = i + 1;
			/* the folder's entries are contiguous: they share "name/" */
			while (j < hi && v[j].path_len > plen + nlen &&
			       !memcmp(v[j].path + plen, name, nlen + 1))
				j++;
			compare_dir(s, plen + nlen + 1, i, j, ct_child(ct, name, nlen),
				    te && kh_git_mode_is_tree(te->mode) ? te->id : NULL, depth + 1);
			i = j;
			continue;
		}
		if (v[i].stage == 0 && !v[i].intent_to_add && (v[i].mode & 0170000) != 0160000) {
			bool old_blob = te && kh_git_mode_is_blob(te->mode);
			if (!old_blob || memcmp(te->id, v[i].id, 20))
				add_change(s, v[i].path, v[i].path_len, v[i].id, old_blob ? te->id : NULL);
		}
		i++;
	}
	/* what HEAD has here and the index does not: deleted, or the source of a rename */
	for (size_t k = 0; k < head.n; k++) {
		tentry *te = &head.v[k];
		char *path;
		if (te->matched)
			continue;
		path = kh_sprintf("%.*s%.*s", (int)plen, lo < hi ? v[lo].path : "", (int)te->name_len,
				  te->name);
		if (kh_git_mode_is_blob(te->mode)) {
			add_deleted(s, path, te->id);
			continue;
		}
		if (kh_git_mode_is_tree(te->mode)) {
			char *sub = kh_sprintf("%s/", path);
			add_deleted_tree(s, te->id, sub, depth + 1);
			free(sub);
		}
		free(path);
	}
	tree_free(&head);
}

/* ---- added lines ---- */

typedef struct {
	const unsigned char *s;
	size_t n;
	uint64_t h;
} line;

static line *split_lines(const unsigned char *d, size_t len, size_t *n_out)
{
	size_t n = 0, cap = 64;
	line *v = kh_malloc(sizeof(*v) * cap);

	for (const unsigned char *p = d, *end = d + len; p < end;) {
		const unsigned char *e = memchr(p, '\n', (size_t)(end - p));
		uint64_t h;
		e = e ? e : end;
		h = kh_fnv1a64(KH_FNV_OFFSET, p, (size_t)(e - p));
		if (n == cap)
			v = kh_realloc(v, sizeof(*v) * (cap *= 2));
		v[n++] = (line){ p, (size_t)(e - p), h | 1 };
		p = e + 1;
	}
	*n_out = n;
	return v;
}

static bool line_eq(const line *a, const line *b)
{
	return a->h == b->h && a->n == b->n && !memcmp(a->s, b->s, a->n);
}

/* The 1-based line ranges of new that old does not have (see the top of the file). */
static kh_line_range *added_lines(const unsigned char *old, size_t old_len,
				  const unsigned char *new, size_t new_len, size_t *n_out)
{
	size_t on, nn, pre = 0, suf = 0, cap, n = 0;
	line *o = split_lines(old, old_len, &on), *w = split_lines(new, new_len, &nn);
	uint64_t *keys;
	uint32_t *counts;
	kh_line_range *r = kh_malloc(sizeof(*r) * 8);
	size_t rcap = 8;

	while (pre < on && pre < nn && line_eq(&o[pre], &w[pre]))
		pre++;
	while (suf < on - pre && suf < nn - pre && line_eq(&o[on - 1 - suf], &w[nn - 1 - suf]))
		suf++;
	for (cap = 16; cap < (on - pre - suf) * 2 + 16; cap *= 2)
		;
	keys = kh_calloc(cap, sizeof(uint64_t));
	counts = kh_calloc(cap, sizeof(uint32_t));
	for (size_t i = pre; i < on - suf; i++) {
		size_t at = o[i].h & (cap - 1);
		while (keys[at] && keys[at] != o[i].h)
			at = (at + 1) & (cap - 1);
		keys[at] = o[i].h;
		counts[at]++;
	}
	for (size_t i = pre; i < nn - suf; i++) {
		size_t at = w[i].h & (cap - 1);
		while (keys[at] && keys[at] != w[i].h)
			at = (at + 1) & (cap - 1);
		if (keys[at] && counts[at]) {
			counts[at]--;
			continue;
		}
		if (n && r[n - 1].last == i) { /* i is 0-based: line i + 1 follows line i */
			r[n - 1].last = i + 1;
			continue;
		}
		if (n == rcap)
			r = kh_realloc(r, sizeof(*r) * (rcap *= 2));
		r[n++] = (kh_line_range){ i + 1, i + 1 };
	}
	free(keys);
	free(counts);
	free(o);
	free(w);
	*n_out = n;
	return r;
}

/* How much of new's lines old has, 0..1: a cheap similarity for rename detection. */
static double similarity(const unsigned char *old, size_t old_len, const unsigned char *new,
			 size_t new_len)
{
	size_t nn, n_added;
	line *w = split_lines(new, new_len, &nn);
	kh_line_range *r = added_lines(old, old_len, new, new_len, &n_added);
	size_t added = 0;

	for (size_t i = 0; i < n_added; i++)
		added += r[i].last - r[i].first + 1;
	free(r);
	free(w);
	return nn ? 1.0 - (double)added / (double)nn : 0;
}

static void scan_change(staged *s, change *c)
{
	keyhound_scan *scan = s->g->scan;
	unsigned char *data = NULL, *old = NULL;
	size_t len = 0, old_len = 0;
	kh_obj_type type;
	kh_blob *b = NULL;
	int error;

	if ((error = kh_mini_read(s->m, c->id, &type, &data, &len)) < 0 || type != KH_OBJ_BLOB) {
		if (error == KEYHOUND_ENOTFOUND || type != KH_OBJ_BLOB)
			kh_report_error(scan->report, c->path, "the staged blob is missing");
		else if (error == KH_EOBJ_TOO_LARGE)
			goto large;
		else
			kh_report_error(scan->report, c->path, "%s", keyhound_last_error());
		goto done;
	}
	if (!c->has_old) {
		/* an exact rename adds nothing; a similar one adds what differs */
		for (size_t k = 0; k < s->n_del; k++)
			if (!memcmp(s->del[k].id, c->id, 20))
				goto done;
		for (size_t k = 0; k < s->n_del && k < MAX_RENAME_CANDIDATES; k++) {
			if (kh_mini_read(s->m, s->del[k].id, &type, &old, &old_len) == 0 &&
			    type == KH_OBJ_BLOB && similarity(old, old_len, data, len) >= 0.5)
				break;
			free(old);
			old = NULL;
		}
	} else if (kh_mini_read(s->m, c->old, &type, &old, &old_len) < 0) {
		old = NULL; /* diff against nothing: every line is new */
	}
large:
	b = kh_calloc(1, sizeof(*b));
	b->n_occ = 1;
	b->occ = kh_calloc(1, sizeof(kh_origin));
	b->occ[0] = (kh_origin)KH_ORIGIN_INIT;
	b->occ[0].source = KEYHOUND_SOURCE_GIT;
	b->occ[0].path = kh_strdup(c->path);
	b->occ[0].repository = kh_strdup(s->g->repository);
	if (!data) {
		kh_pipeline_skip(scan->pipe, b, KH_SKIP_FILE_SIZE);
		b = NULL;
		goto done;
	}
	if (old) {
		/* non-NULL with no ranges: nothing added */
		b->occ[0].added = added_lines(old, old_len, data, len, &b->occ[0].n_added);
	}
	b->data = data;
	b->len = len;
	data = NULL;
	kh_pipeline_submit(scan->pipe, b);
	b = NULL;
done:
	kh_blob_free(b);
	free(data);
	free(old);
}

/* ---- the libgit2 way, for what the reader above does not handle ---- */

int kh_git_staged(kh_git *g)
{
	git_index *index = NULL;
	git_object *head = NULL;
	git_diff *diff = NULL;
	git_diff_options opts;
	int error = 0;

	if (git_repository_is_bare(g->repo))
		return kh_error(KEYHOUND_EINVAL, "--staged needs a work tree: this repository is bare");
	git_diff_options_init(&opts, GIT_DIFF_OPTIONS_VERSION);
	opts.context_lines = 0;
	opts.flags = GIT_DIFF_IGNORE_SUBMODULES;
	opts.notify_cb = kh_git_diff_notify;
	opts.payload = g;
	kh_git_diff_reset(g);
	if (git_repository_index(&index, g->repo) < 0) {
		error = kh_error(KEYHOUND_ERROR, "cannot read the index: %s", git_error_last()->message);
		goto done;
	}
	git_revparse_single(&head, g->repo, "HEAD^{tree}");
	if (git_diff_tree_to_index(&diff, g->repo, (git_tree *)head, index, &opts) < 0) {
		error = kh_error(KEYHOUND_ERROR, "cannot diff the index: %s", git_error_last()->message);
		goto done;
	}
	error = kh_git_scan_diff(g, diff, NULL);
	if (head) {
		git_object *hc = NULL;
		if (git_revparse_single(&hc, g->repo, "HEAD^{commit}") == 0)
			kh_git_config_change(g, git_object_id(hc), NULL);
		git_object_free(hc);
	} else {
		kh_git_config_change(g, NULL, NULL);
	}
done:
	git_diff_free(diff);
	git_object_free(head);
	git_index_free(index);
	return error;
}

int kh_git_staged_fast(kh_git *g)
{
	staged s = { 0 };
	const char *env = g->opts->repo ? NULL : g->opts->index_file;
	char *index_path = NULL, *shown = NULL;
	uint8_t head_commit[20], head_tree[20];
	bool have_head = false;
	int error = 0;

	s.g = g;
	if (g->opts->staged_libgit2)
		return KEYHOUND_ENOTFOUND;
	if ((error = kh_mini_open(&s.m, g->opts->repo, g->opts, g->scan->opts->limits.max_file_size)) < 0)
		return error;
	if (!kh_mini_workdir(s.m)) {
		error = kh_error(KEYHOUND_EINVAL, "--staged needs a work tree: this repository is bare");
		goto done;
	}
	shown = kh_strdup(g->opts->repo ? g->opts->repo : kh_mini_workdir(s.m));
	g->repository = shown;
	index_path = env && *env ? kh_strdup(env) : kh_sprintf("%s/index", kh_mini_gitdir(s.m));
	if ((error = read_index(&s.ix, index_path)) < 0)
		goto done;
	kh_git_step("index");
	if (s.ix.unsupported) {
		error = KEYHOUND_ENOTFOUND;
		goto done;
	}
	if ((error = kh_mini_head(s.m, head_commit)) < 0)
		goto done;
	if (error == 0) {
		kh_obj_type type;
		unsigned char *c = NULL;
		size_t len;
		int rc = kh_mini_read(s.m, head_commit, &type, &c, &len);
		kh_commit_fields f = { 0 };
		if (rc == 0 && type == KH_OBJ_COMMIT)
			kh_commit_parse(c, len, &f, NULL, NULL);
		if (rc < 0 || type != KH_OBJ_COMMIT || !f.has_tree) {
			free(c);
			error = rc == KEYHOUND_ENOTFOUND ? rc : kh_error(KEYHOUND_ERROR, "cannot read HEAD's commit");
			goto done;
		}
		memcpy(head_tree, f.tree, 20);
		free(c);
		have_head = true;
	}
	error = 0;
	kh_git_step("head");
	compare_dir(&s, 0, 0, s.ix.n, s.ix.root, have_head ? head_tree : NULL, 0);
	kh_git_step("compare");
	if (s.fallback) {
		error = KEYHOUND_ENOTFOUND;
		goto done;
	}
	if ((error = s.error) < 0)
		goto done;
	/* a staged .keyhound.yml is compared with HEAD's by the libgit2 path */
	for (size_t i = 0; i < s.n_ch; i++)
		if (!strcmp(s.ch[i].path, ".keyhound.yml")) {
			error = KEYHOUND_ENOTFOUND;
			goto done;
		}
	for (size_t i = 0; i < s.n_ch; i++)
		scan_change(&s, &s.ch[i]);
	kh_git_step("scan");
done:
	if (error == KEYHOUND_ENOTFOUND)
		g->repository = NULL;
	else
		g->owned_repository = shown, shown = NULL;
	free(shown);
	for (size_t i = 0; i < s.n_ch; i++)
		free(s.ch[i].path);
	free(s.ch);
	for (size_t i = 0; i < s.n_del; i++)
		free(s.del[i].path);
	free(s.del);
	index_free(&s.ix);
	kh_mini_free(s.m);
	free(index_path);
	return error;
}
