/* SPDX-License-Identifier: Apache-2.0 */
/* Git pack reader: every object of a pack served once, in pack order, each delta applied
 * once against a base still in memory. Git's own reader is fast for the same reason
 * (DESIGN.md §3); libgit2's small fixed base cache is what makes git_odb_read slow.
 *
 * The walk builds the delta forest of the pack (each delta points at its base), then
 * workers take the roots (whole objects) in offset order and resolve each root's
 * descendants depth-first, so a base is inflated once and dropped as soon as its last
 * child is built. Independent roots are independent work, hence the threads. */
#include "source/git_pack.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>
#include <libdeflate.h>
#include <zlib.h>

#include "core/kh.h"

#define IDX_HEADER 8
#define IDX_FANOUT (256 * 4)
#define NONE UINT32_MAX
#define OBJ_OFS_DELTA 6
#define OBJ_REF_DELTA 7
#define SPARES 4
#define SPARE_MAX ((size_t)8 << 20)
#define BUF_HDR 16
#define SMALL_BUF ((size_t)64 << 10)

/* A base rebuilt for one read by id, kept for the next: reads of a few objects (the
 * staged hook's trees) share bases, as git's delta_base_cache knows. */
#define BASE_CACHE_SLOTS 64
#define BASE_CACHE_BYTES ((size_t)32 << 20)
typedef struct {
	uint64_t off;           /* the object's offset in the pack */
	unsigned char *buf;     /* NULL: empty slot */
	size_t len;
	kh_obj_type type;
	uint64_t used;          /* when it was last put back, for eviction */
} base_slot;

struct kh_pack {
	char *path;
	const unsigned char *pack, *idx;
	size_t pack_len, idx_len;
	uint32_t n;
	const unsigned char *oids, *off32, *off64;
	size_t n64;
	pthread_mutex_t cache_lock;
	base_slot cache[BASE_CACHE_SLOTS];
	size_t cache_bytes;
	uint64_t cache_clock;
};

/* ---- opening ---- */

static uint32_t be32(const unsigned char *p)
{
	return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 | (uint32_t)p[2] << 8 | p[3];
}

static uint64_t be64(const unsigned char *p)
{
	return (uint64_t)be32(p) << 32 | be32(p + 4);
}

static int map_file(const char *path, const unsigned char **out, size_t *len)
{
	struct stat st;
	int fd = open(path, O_RDONLY | O_CLOEXEC), error = 0;
	void *m;

	if (fd < 0)
		return kh_error(KEYHOUND_EIO, "%s: %s", path, strerror(errno));
	if (fstat(fd, &st) < 0 || st.st_size <= 0 || (uint64_t)st.st_size > SIZE_MAX) {
		error = kh_error(KEYHOUND_EIO, "%s: empty or unreadable", path);
		goto done;
	}
	m = mmap(NULL, (size_t)st.st_size, PROT_READ, MAP_PRIVATE, fd, 0);
	if (m == MAP_FAILED) {
		error = kh_error(KEYHOUND_EIO, "%s: %s", path, strerror(errno));
		goto done;
	}
	*out = m;
	*len = (size_t)st.st_size;
done:
	close(fd);
	return error;
}

static int check_idx(kh_pack *p, const char *idx_path)
{
	const unsigned char *x = p->idx;
	size_t fixed;
	uint32_t prev = 0;

	if (p->idx_len < IDX_HEADER + IDX_FANOUT + 40 || memcmp(x, "\377tOc", 4) != 0)
		return kh_error(KEYHOUND_ERROR, "%s: not a version 2 pack index", idx_path);
	if (be32(x + 4) != 2)
		return kh_error(KEYHOUND_ERROR, "%s: unsupported pack index version %u", idx_path,
				be32(x + 4));
	for (int i = 0; i < 256; i++) {
		uint32_t f = be32(x + IDX_HEADER + 4 * i);
		if (f < prev)
			return kh_error(KEYHOUND_ERROR, "%s: corrupt fan-out table", idx_path);
		prev = f;
	}
	p->n = prev;
	/* header, fan-out, then per object: id (20), crc (4), offset (4); trailer 40 */
	fixed = IDX_HEADER + IDX_FANOUT + 40 + (size_t)p->n * 28;
	if ((uint64_t)p->n * 28 > SIZE_MAX / 2 || p->idx_len < fixed || (p->idx_len - fixed) % 8)
		return kh_error(KEYHOUND_ERROR, "%s: size does not match its %u objects", idx_path,
				p->n);
	p->oids = x + IDX_HEADER + IDX_FANOUT;
	p->off32 = p->oids + (size_t)p->n * 24;
	p->off64 = p->off32 + (size_t)p->n * 4;
	p->n64 = (p->idx_len - fixed) / 8;
	return 0;
}

int kh_pack_open(kh_pack **out, const char *pack_path)
{
	kh_pack *p = NULL;
	char *idx_path = NULL;
	size_t n = strlen(pack_path);
	int error;

	*out = NULL;
	if (n < 5 || strcmp(pack_path + n - 5, ".pack") != 0)
		return kh_error(KEYHOUND_EINVAL, "%s: not a .pack file", pack_path);
	p = calloc(1, sizeof(*p));
	idx_path = malloc(n);
	if (!p || !idx_path) {
		error = KEYHOUND_ENOMEM;
		goto done;
	}
	memcpy(idx_path, pack_path, n - 5);
	strcpy(idx_path + n - 5, ".idx");
	pthread_mutex_init(&p->cache_lock, NULL);
	p->path = strdup(pack_path);
	if (!p->path) {
		error = KEYHOUND_ENOMEM;
		goto done;
	}
	if ((error = map_file(idx_path, &p->idx, &p->idx_len)) < 0 ||
	    (error = check_idx(p, idx_path)) < 0 ||
	    (error = map_file(pack_path, &p->pack, &p->pack_len)) < 0)
		goto done;
	if (p->pack_len < 12 + 20 || memcmp(p->pack, "PACK", 4) != 0 ||
	    (be32(p->pack + 4) != 2 && be32(p->pack + 4) != 3)) {
		error = kh_error(KEYHOUND_ERROR, "%s: not a version 2 or 3 pack", pack_path);
		goto done;
	}
	if (be32(p->pack + 8) != p->n) {
		error = kh_error(KEYHOUND_ERROR, "%s: pack holds %u objects, its index %u",
				 pack_path, be32(p->pack + 8), p->n);
		goto done;
	}
	/* the walk reads the pack front to back (roughly) */
	madvise((void *)p->pack, p->pack_len, MADV_SEQUENTIAL);
	*out = p;
	p = NULL;
done:
	kh_pack_free(p);
	free(idx_path);
	return error;
}

void kh_pack_free(kh_pack *p)
{
	if (!p)
		return;
	if (p->pack)
		munmap((void *)p->pack, p->pack_len);
	if (p->idx)
		munmap((void *)p->idx, p->idx_len);
	for (size_t i = 0; i < BASE_CACHE_SLOTS; i++)
		free(p->cache[i].buf);
	pthread_mutex_destroy(&p->cache_lock);
	free(p->path);
	free(p);
}

size_t kh_pack_count(const kh_pack *p)
{
	return p->n;
}

const uint8_t *kh_pack_oid(const kh_pack *p, size_t i)
{
	return p->oids + i * 20;
}

/* Position of oid in the index, or NONE. */
static uint32_t idx_find(const kh_pack *p, const uint8_t oid[20])
{
	const unsigned char *fan = p->idx + IDX_HEADER;
	uint32_t lo = oid[0] ? be32(fan + 4 * (oid[0] - 1)) : 0, hi = be32(fan + 4 * oid[0]);

	while (lo < hi) {
		uint32_t mid = lo + (hi - lo) / 2;
		int c = memcmp(p->oids + (size_t)mid * 20, oid, 20);
		if (c == 0)
			return mid;
		if (c < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return NONE;
}

int kh_pack_has(const kh_pack *p, const uint8_t oid[20])
{
	return idx_find(p, oid) != NONE;
}

/* Offset of the object at index position pos; UINT64_MAX when the index is corrupt. */
static uint64_t idx_offset(const kh_pack *p, uint32_t pos)
{
	uint32_t o = be32(p->off32 + (size_t)pos * 4);

	if (!(o & 0x80000000u))
		return o;
	o &= 0x7fffffffu;
	return o < p->n64 ? be64(p->off64 + (size_t)o * 8) : UINT64_MAX;
}

/* ---- the delta forest ---- */

enum { ST_PENDING = 0, ST_DONE, ST_ERROR, ST_TOO_LARGE, ST_NOT_WANTED };

typedef struct {
	uint64_t off;
	uint32_t pos;
} pos_off;

/* Per object, in pack-offset order ("node" i is the i-th object in the pack). */
typedef struct {
	kh_pack *p;
	const kh_pack_walk_options *o;
	uint32_t n;
	uint64_t *off;          /* start of the object */
	uint64_t *data;         /* start of its zlib data, 0 when the header is bad */
	uint64_t *size;         /* inflated size (of the delta, for deltas) */
	uint32_t *pos;          /* position in the index (its id) */
	uint32_t *base;         /* node of the delta base, NONE */
	uint8_t *type;          /* 1-4 whole objects, 6/7 deltas, 0 bad header */
	_Atomic uint8_t *state;
	const char **why;       /* reason for a bad header or base, NULL */
	uint32_t *child_start;  /* children of node i: child[child_start[i] .. child_start[i+1]) */
	uint32_t *child;
	uint32_t *roots;
	uint32_t n_roots;
	atomic_uint_fast32_t next_root;
	atomic_int stop;
	uint64_t max_size, cache_limit;
	unsigned types;
	void *oom_owner;        /* the caller's failure counter, for the workers */
	unsigned oom_mark;      /* its value when the walk began: a failure since stops it */
} forest;

static int cmp_pos_off(const void *a, const void *b)
{
	const pos_off *x = a, *y = b;
	return x->off < y->off ? -1 : x->off > y->off;
}

static uint64_t obj_end(const forest *f, uint32_t i)
{
	uint64_t end = f->p->pack_len - 20;
	return i + 1 < f->n && f->off[i + 1] < end ? f->off[i + 1] : end;
}

static uint32_t node_at(const forest *f, uint64_t off)
{
	uint32_t lo = 0, hi = f->n;

	while (lo < hi) {
		uint32_t mid = lo + (hi - lo) / 2;
		if (f->off[mid] == off)
			return mid;
		if (f->off[mid] < off)
			lo = mid + 1;
		else
			hi = mid;
	}
	return NONE;
}

/* Parse the header of node i: type, size, and the base of a delta. */
static void parse_header(forest *f, const uint32_t *pos_to_node, uint32_t i)
{
	const unsigned char *pk = f->p->pack;
	uint64_t at = f->off[i], end = obj_end(f, i), size;
	unsigned shift = 4, type;
	unsigned char c;

	f->base[i] = NONE;
	if (at < 12 || at >= end) {
		f->why[i] = at == UINT64_MAX ? "corrupt index offset" : "offset outside the pack";
		return;
	}
	c = pk[at++];
	type = (c >> 4) & 7;
	size = c & 15;
	while (c & 0x80) {
		if (at >= end || shift > 57) {
			f->why[i] = "bad object header";
			return;
		}
		c = pk[at++];
		size |= (uint64_t)(c & 0x7f) << shift;
		shift += 7;
	}
	if (type == OBJ_OFS_DELTA) {
		uint64_t rel;
		if (at >= end)
			goto truncated;
		c = pk[at++];
		rel = c & 0x7f;
		while (c & 0x80) {
			if (at >= end || rel > (UINT64_MAX >> 8))
				goto truncated;
			c = pk[at++];
			rel = ((rel + 1) << 7) | (c & 0x7f);
		}
		if (rel == 0 || rel > f->off[i] || (f->base[i] = node_at(f, f->off[i] - rel)) == NONE) {
			f->why[i] = "delta base offset is not an object";
			return;
		}
	} else if (type == OBJ_REF_DELTA) {
		uint32_t pos;
		if (end - at < 20)
			goto truncated;
		pos = idx_find(f->p, pk + at);
		at += 20;
		if (pos == NONE) {
			f->why[i] = "delta base is not in this pack";
			return;
		}
		f->base[i] = pos_to_node[pos];
	} else if (type < KH_OBJ_COMMIT || type > KH_OBJ_TAG) {
		f->why[i] = "unknown object type";
		return;
	}
	f->type[i] = (uint8_t)type;
	f->size[i] = size;
	f->data[i] = at;
	return;
truncated:
	f->why[i] = "truncated object header";
}

static void forest_free(forest *f)
{
	free(f->off);
	free(f->data);
	free(f->size);
	free(f->pos);
	free(f->base);
	free(f->type);
	free((void *)f->state);
	free(f->why);
	free(f->child_start);
	free(f->child);
	free(f->roots);
}

static int forest_build(forest *f)
{
	uint32_t n = f->n, *pos_to_node = NULL, *fill = NULL;
	pos_off *po = NULL;
	int error = KEYHOUND_ENOMEM;

	po = malloc(sizeof(*po) * (n ? n : 1));
	pos_to_node = malloc(sizeof(uint32_t) * (n ? n : 1));
	f->off = malloc(sizeof(uint64_t) * (n + 1));
	f->data = calloc(n + 1, sizeof(uint64_t));
	f->size = calloc(n + 1, sizeof(uint64_t));
	f->pos = malloc(sizeof(uint32_t) * (n + 1));
	f->base = malloc(sizeof(uint32_t) * (n + 1));
	f->type = calloc(n + 1, 1);
	f->state = calloc(n + 1, 1);
	f->why = calloc(n + 1, sizeof(char *));
	f->child_start = calloc(n + 2, sizeof(uint32_t));
	f->roots = malloc(sizeof(uint32_t) * (n + 1));
	if (!po || !pos_to_node || !f->off || !f->data || !f->size || !f->pos || !f->base ||
	    !f->type || !f->state || !f->why || !f->child_start || !f->roots)
		goto done;
	for (uint32_t i = 0; i < n; i++) {
		po[i].pos = i;
		po[i].off = idx_offset(f->p, i);
	}
	qsort(po, n, sizeof(*po), cmp_pos_off);
	for (uint32_t i = 0; i < n; i++) {
		f->off[i] = po[i].off;
		f->pos[i] = po[i].pos;
		pos_to_node[po[i].pos] = i;
	}
	for (uint32_t i = 0; i < n; i++)
		parse_header(f, pos_to_node, i);
	/* children lists, counting sort by base */
	for (uint32_t i = 0; i < n; i++)
		if (f->base[i] != NONE)
			f->child_start[f->base[i] + 1]++;
	for (uint32_t i = 0; i < n; i++)
		f->child_start[i + 1] += f->child_start[i];
	f->child = malloc(sizeof(uint32_t) * (f->child_start[n] + 1));
	fill = malloc(sizeof(uint32_t) * (n + 1));
	if (!f->child || !fill)
		goto done;
	memcpy(fill, f->child_start, sizeof(uint32_t) * n);
	for (uint32_t i = 0; i < n; i++)
		if (f->base[i] != NONE)
			f->child[fill[f->base[i]]++] = i;
	for (uint32_t i = 0; i < n; i++)
		if (f->type[i] >= KH_OBJ_COMMIT && f->type[i] <= KH_OBJ_TAG)
			f->roots[f->n_roots++] = i;
	error = 0;
done:
	free(po);
	free(pos_to_node);
	free(fill);
	return error;
}

/* ---- workers ---- */

typedef struct {
	uint32_t node;
	unsigned char *buf;     /* NULL when the cache limit dropped it */
	size_t len;
	uint32_t next, end;     /* children still to build */
	bool taken;             /* the callback owns buf (and keeps it while we use it) */
} frame;

typedef struct {
	forest *f;
	unsigned index;
	struct libdeflate_decompressor *zd;
	unsigned char *delta;
	size_t delta_cap;
	frame *stack;
	size_t depth, stack_cap;
	uint64_t held;
	kh_pack_stats st;
	int error;
	unsigned char *spare[SPARES];   /* freed object buffers, reused: fresh pages cost */
} worker;

void kh_pack_buf_free(const unsigned char *data)
{
	if (data)
		free((unsigned char *)data - BUF_HDR);
}

/* Object buffers carry their capacity in a small header, so they can be reused: most
 * objects are a few KiB to a few MiB, and malloc'ing each afresh costs page faults. */
static size_t buf_cap(const unsigned char *b)
{
	size_t cap;
	memcpy(&cap, b - BUF_HDR, sizeof(cap));
	return cap;
}

static unsigned char *buf_get(worker *w, size_t size)
{
	size_t cap = SMALL_BUF;
	unsigned char *b;
	int best = -1;

	if (size < SMALL_BUF) {
		/* small ones come from malloc's own free lists */
		if (!(b = malloc(size + BUF_HDR)))
			return NULL;
		memcpy(b, &size, sizeof(size));
		return b + BUF_HDR;
	}
	for (int i = 0; i < SPARES; i++)
		if (w->spare[i] && buf_cap(w->spare[i]) >= size &&
		    (best < 0 || buf_cap(w->spare[i]) < buf_cap(w->spare[best])))
			best = i;
	if (best >= 0) {
		b = w->spare[best];
		w->spare[best] = NULL;
		return b;
	}
	while (cap < size && cap < SPARE_MAX)
		cap *= 2;
	if (cap < size)
		cap = size;
	if (!(b = malloc(cap + BUF_HDR)))
		return NULL;
	memcpy(b, &cap, sizeof(cap));
	return b + BUF_HDR;
}

static void buf_put(worker *w, unsigned char *b)
{
	int slot = -1;

	if (!b)
		return;
	if (buf_cap(b) < SMALL_BUF) {
		free(b - BUF_HDR);
		return;
	}
	/* an empty slot, else the smallest spare if this one is larger */
	for (int i = 0; i < SPARES && buf_cap(b) <= SPARE_MAX; i++) {
		if (!w->spare[i]) {
			slot = i;
			break;
		}
		if (buf_cap(w->spare[i]) < buf_cap(b) &&
		    (slot < 0 || buf_cap(w->spare[i]) < buf_cap(w->spare[slot])))
			slot = i;
	}
	if (slot < 0) {
		free(b - BUF_HDR);
		return;
	}
	if (w->spare[slot])
		free(w->spare[slot] - BUF_HDR);
	w->spare[slot] = b;
}

static void problem(worker *w, uint32_t node, kh_obj_type type, kh_pack_problem kind,
		    const char *reason)
{
	forest *f = w->f;

	atomic_store(&f->state[node], kind == KH_PACK_TOO_LARGE ? ST_TOO_LARGE : ST_ERROR);
	if (kind == KH_PACK_TOO_LARGE)
		w->st.too_large++;
	else
		w->st.errors++;
	if (f->o->on_problem)
		f->o->on_problem(w->index, kh_pack_oid(f->p, f->pos[node]), type, kind, reason,
				 f->o->payload);
}

/* A node could not be built: nor can anything deltified against it. */
static void fail_subtree(worker *w, uint32_t node, kh_obj_type type, kh_pack_problem kind,
			 const char *reason)
{
	forest *f = w->f;
	uint32_t *todo = NULL;
	size_t n = 0, cap = 0;

	problem(w, node, type, kind, reason);
	for (;;) {
		for (uint32_t c = f->child_start[node]; c < f->child_start[node + 1]; c++) {
			if (n == cap) {
				uint32_t *t = realloc(todo, sizeof(*t) * (cap = cap ? cap * 2 : 64));
				if (!t)
					goto done; /* the leftovers are reported as pending errors */
				todo = t;
			}
			todo[n++] = f->child[c];
		}
		if (!n)
			break;
		node = todo[--n];
		problem(w, node, type, kind,
			kind == KH_PACK_TOO_LARGE ? "delta base is over the size limit"
						  : "delta base could not be read");
	}
done:
	free(todo);
}

/* Inflate a zlib stream of at most in_len bytes into out, which it must fill exactly.
 * libdeflate, not zlib: the size is known before, so no stream state is needed, and
 * whole-buffer inflation took half zlib's CPU on libgit2's history (docs/performance.md). */
static const char *inflate_exact(struct libdeflate_decompressor **d, const unsigned char *in,
				 uint64_t in_len, unsigned char *out, uint64_t size)
{
	unsigned char dummy;
	size_t got = 0;
	enum libdeflate_result r;

	if (!*d && !(*d = libdeflate_alloc_decompressor()))
		return "out of memory";
	if (!in_len)
		return "truncated pack";
	if (in_len > SIZE_MAX || size > SIZE_MAX)
		return "object is over the size limit";
	r = libdeflate_zlib_decompress_ex(*d, in, (size_t)in_len, size ? out : &dummy, (size_t)size,
					  NULL, &got);
	if (r == LIBDEFLATE_INSUFFICIENT_SPACE)
		return "object is longer than its header says";
	if (r != LIBDEFLATE_SUCCESS)
		return "corrupt or truncated zlib data";
	if (got != size)
		return "object is shorter than its header says";
	return NULL;
}

/* Inflate node's zlib data into out (exactly size bytes). */
static const char *inflate_node(worker *w, uint32_t node, unsigned char *out, uint64_t size)
{
	forest *f = w->f;
	uint64_t start = f->data[node], end = obj_end(f, node);

	return inflate_exact(&w->zd, f->p->pack + start, start < end ? end - start : 0, out, size);
}

static uint64_t delta_varint(const unsigned char **p, const unsigned char *end, bool *ok)
{
	uint64_t v = 0;
	unsigned shift = 0;
	unsigned char c;

	do {
		if (*p >= end || shift > 63) {
			*ok = false;
			return 0;
		}
		c = *(*p)++;
		v |= (uint64_t)(c & 0x7f) << shift;
		shift += 7;
	} while (c & 0x80);
	return v;
}

/* Apply a delta (already past its two sizes) to base; out has exactly out_len bytes. */
static const char *apply_delta(const unsigned char *d, const unsigned char *end,
			       const unsigned char *base, size_t base_len, unsigned char *out,
			       size_t out_len)
{
	size_t at = 0;

	while (d < end) {
		unsigned char op = *d++;
		if (op & 0x80) {
			uint64_t off = 0, len = 0;
			for (int i = 0; i < 4; i++)
				if (op & (1u << i)) {
					if (d >= end)
						return "truncated delta";
					off |= (uint64_t)*d++ << (8 * i);
				}
			for (int i = 0; i < 3; i++)
				if (op & (0x10u << i)) {
					if (d >= end)
						return "truncated delta";
					len |= (uint64_t)*d++ << (8 * i);
				}
			if (!len)
				len = 0x10000;
			if (off > base_len || len > base_len - off || len > out_len - at)
				return "delta copies outside its base or result";
			memcpy(out + at, base + off, len);
			at += len;
		} else if (op) {
			if (op > (size_t)(end - d) || op > out_len - at)
				return "delta inserts outside its result";
			memcpy(out + at, d, op);
			d += op;
			at += op;
		} else {
			return "reserved delta opcode";
		}
	}
	return at == out_len ? NULL : "delta result is shorter than it says";
}

/* Build node (a delta) on base. *out is malloc'd; returns a reason on failure and
 * sets *too_large when it is the size limit that stops it. */
static const char *build_delta(worker *w, uint32_t node, const unsigned char *base,
			       size_t base_len, unsigned char **out, size_t *out_len,
			       bool *too_large)
{
	forest *f = w->f;
	uint64_t dsize = f->size[node], src, dst;
	const unsigned char *d, *dend;
	const char *why;
	bool ok = true;

	*out = NULL;
	*too_large = false;
	/* a delta is never much larger than what it builds */
	if (dsize > f->max_size * 2 + 4096) {
		*too_large = true;
		return "delta is over the size limit";
	}
	if (dsize > w->delta_cap) {
		unsigned char *t = realloc(w->delta, dsize);
		if (!t)
			return "out of memory";
		w->delta = t;
		w->delta_cap = dsize;
	}
	if ((why = inflate_node(w, node, w->delta, dsize)))
		return why;
	d = w->delta;
	dend = d + dsize;
	src = delta_varint(&d, dend, &ok);
	dst = delta_varint(&d, dend, &ok);
	if (!ok)
		return "truncated delta header";
	if (src != base_len)
		return "delta base has the wrong size";
	if (dst > f->max_size) {
		*too_large = true;
		return "object is over the size limit";
	}
	if (!(*out = buf_get(w, dst ? dst : 1)))
		return "out of memory";
	if ((why = apply_delta(d, dend, base, base_len, *out, dst))) {
		buf_put(w, *out);
		*out = NULL;
		return why;
	}
	*out_len = dst;
	return NULL;
}

static const char *build_whole(worker *w, uint32_t node, unsigned char **out, size_t *out_len,
			       bool *too_large)
{
	uint64_t size = w->f->size[node];
	const char *why;

	*out = NULL;
	*too_large = false;
	if (size > w->f->max_size) {
		*too_large = true;
		return "object is over the size limit";
	}
	if (!(*out = buf_get(w, size ? size : 1)))
		return "out of memory";
	if ((why = inflate_node(w, node, *out, size))) {
		buf_put(w, *out);
		*out = NULL;
		return why;
	}
	*out_len = size;
	return NULL;
}

/* Build node from scratch: walk up to a base still held on the stack (or a root), then
 * apply the deltas back down. Only needed after the cache limit dropped a base. */
static const char *rebuild(worker *w, uint32_t node, unsigned char **out, size_t *out_len)
{
	forest *f = w->f;
	uint32_t *chain = NULL;
	size_t n = 0, cap = 0;
	unsigned char *cur = NULL;
	size_t cur_len = 0;
	const unsigned char *held = NULL;
	size_t held_len = 0;
	const char *why = NULL;
	bool big;

	for (uint32_t at = node;; at = f->base[at]) {
		for (size_t k = 0; k < w->depth && !held; k++)
			if (w->stack[k].node == at && w->stack[k].buf) {
				held = w->stack[k].buf;
				held_len = w->stack[k].len;
			}
		if (held)
			break;
		if (n == cap) {
			uint32_t *t = realloc(chain, sizeof(*t) * (cap = cap ? cap * 2 : 16));
			if (!t) {
				why = "out of memory";
				goto done;
			}
			chain = t;
		}
		chain[n++] = at;
		if (f->base[at] == NONE)
			break;
	}
	w->st.rebuilt++;
	if (!held) {
		if ((why = build_whole(w, chain[--n], &cur, &cur_len, &big)))
			goto done;
		held = cur;
		held_len = cur_len;
	}
	while (n) {
		unsigned char *next;
		size_t next_len;
		if ((why = build_delta(w, chain[--n], held, held_len, &next, &next_len, &big)))
			goto done;
		buf_put(w, cur);
		held = cur = next;
		held_len = cur_len = next_len;
	}
	*out = cur;
	*out_len = cur_len;
	cur = NULL;
done:
	buf_put(w, cur);
	free(chain);
	return why;
}

static int push(worker *w, uint32_t node, unsigned char *buf, size_t len, bool taken)
{
	forest *f = w->f;

	if (w->depth == w->stack_cap) {
		size_t cap = w->stack_cap ? w->stack_cap * 2 : 64;
		frame *t = realloc(w->stack, sizeof(*t) * cap);
		if (!t)
			return KEYHOUND_ENOMEM;
		w->stack = t;
		w->stack_cap = cap;
	}
	w->stack[w->depth++] = (frame){ node, buf, len, f->child_start[node],
					f->child_start[node + 1], taken };
	if (taken)
		return 0; /* the caller's memory, not our cache */
	w->held += len;
	/* over the limit: drop the bases nearest the root, the ones needed last */
	for (size_t k = 0; w->held > f->cache_limit && k + 1 < w->depth; k++)
		if (w->stack[k].buf && !w->stack[k].taken) {
			buf_put(w, w->stack[k].buf);
			w->stack[k].buf = NULL;
			w->held -= w->stack[k].len;
		}
	return 0;
}

static void pop(worker *w)
{
	frame *t = &w->stack[--w->depth];

	if (t->buf && !t->taken) {
		buf_put(w, t->buf);
		w->held -= t->len;
	}
}

/* Hand a built object over; keep it as a base if anything is deltified against it. */
static int deliver(worker *w, uint32_t node, kh_obj_type type, unsigned char *buf, size_t len)
{
	forest *f = w->f;
	int error = 0, rc;
	bool taken;

	atomic_store(&f->state[node], ST_DONE);
	if (kh_oom_since(f->oom_mark)) { /* an allocation failed: the call ends in ENOMEM */
		atomic_store(&f->stop, 1);
		buf_put(w, buf);
		return KEYHOUND_ENOMEM;
	}
	w->st.delivered++;
	w->st.bytes += len;
	if (f->o->allow_take && len >= SMALL_BUF && buf_cap(buf) > len + len / 4) {
		/* it may be kept: give back what rounding the size up added */
		size_t cap = len;
		unsigned char *t = realloc(buf - BUF_HDR, len + BUF_HDR);
		if (t) {
			memcpy(t, &cap, sizeof(cap));
			buf = t + BUF_HDR;
		}
	}
	rc = f->o->on_object(w->index, kh_pack_oid(f->p, f->pos[node]), type, buf, len,
			     f->o->payload);
	taken = rc == KH_PACK_TAKEN && f->o->allow_take;
	if (rc && !taken) {
		atomic_store(&f->stop, 1);
		buf_put(w, buf);
		return KEYHOUND_EUSER;
	}
	if (f->child_start[node] == f->child_start[node + 1]) {
		if (!taken)
			buf_put(w, buf);
		return 0;
	}
	if ((error = push(w, node, buf, len, taken)) < 0 && !taken)
		buf_put(w, buf);
	return error;
}

/* A whole blob too large to hold: inflated into one piece buffer at a time (zlib's
 * stream; libdeflate needs the whole output), each piece handed to on_piece. Memory:
 * piece_size + piece_overlap bytes, whatever the blob's size. */
static int stream_root(worker *w, uint32_t node)
{
	forest *f = w->f;
	const kh_pack_walk_options *o = f->o;
	uint64_t size = f->size[node], start = f->data[node], end = obj_end(f, node), done = 0;
	size_t cap = (size_t)o->piece_size + o->piece_overlap, keep = 0;
	unsigned char *buf = malloc(cap);
	const uint8_t *oid = kh_pack_oid(f->p, f->pos[node]);
	const char *why = NULL;
	z_stream zs;
	int ret = Z_OK, rc = 0;

	memset(&zs, 0, sizeof(zs));
	if (!buf || inflateInit(&zs) != Z_OK) {
		free(buf);
		fail_subtree(w, node, KH_OBJ_BLOB, KH_PACK_ERROR, "out of memory");
		return 0;
	}
	zs.next_in = (unsigned char *)f->p->pack + start;
	while (done < size) {
		/* the next piece: the overlap kept from the last one, then fresh bytes */
		size_t want = size - done > cap - keep ? cap - keep : (size_t)(size - done);
		zs.next_out = buf + keep;
		zs.avail_out = (uInt)want;
		while (zs.avail_out && ret == Z_OK) {
			uint64_t left = end - start - (uint64_t)(zs.next_in - (f->p->pack + start));
			zs.avail_in = left > UINT_MAX ? UINT_MAX : (uInt)left;
			ret = inflate(&zs, Z_NO_FLUSH);
			if (ret == Z_BUF_ERROR && !zs.avail_in)
				break;
		}
		if (zs.avail_out) {
			why = ret == Z_STREAM_END ? "object is shorter than its header says"
						  : zs.msg ? zs.msg : "corrupt or truncated zlib data";
			break;
		}
		done += want;
		rc = o->on_piece(w->index, oid, size, done - want - keep, buf, keep + want,
				 done == size, o->payload);
		if (rc)
			break;
		/* the last piece_overlap bytes start the next piece */
		size_t len = keep + want;
		keep = o->piece_overlap < len ? o->piece_overlap : len;
		memmove(buf, buf + len - keep, keep);
	}
	inflateEnd(&zs);
	free(buf);
	if (why) {
		fail_subtree(w, node, KH_OBJ_BLOB, KH_PACK_ERROR, why);
		return 0;
	}
	atomic_store(&f->state[node], ST_DONE);
	w->st.delivered++;
	w->st.bytes += done;
	if (rc && rc != 1) {
		atomic_store(&f->stop, 1);
		return KEYHOUND_EUSER;
	}
	return 0;
}

static int walk_root(worker *w, uint32_t root)
{
	forest *f = w->f;
	kh_obj_type type = f->type[root];
	unsigned char *buf;
	size_t len;
	const char *why;
	bool big;
	int error = 0;

	if (!(f->types & KH_OBJ_MASK(type))) {
		/* a delta has its base's type, so the whole tree is of the unwanted type */
		uint32_t *todo = NULL, n = 0, cap = 0, node = root;
		for (;;) {
			atomic_store(&f->state[node], ST_NOT_WANTED);
			w->st.not_wanted++;
			for (uint32_t c = f->child_start[node]; c < f->child_start[node + 1]; c++) {
				if (n == cap) {
					uint32_t *t = realloc(todo, sizeof(*t) * (cap = cap ? cap * 2 : 64));
					if (!t) {
						free(todo);
						return KEYHOUND_ENOMEM;
					}
					todo = t;
				}
				todo[n++] = f->child[c];
			}
			if (!n)
				break;
			node = todo[--n];
		}
		free(todo);
		return 0;
	}
	if (f->o->on_piece && type == KH_OBJ_BLOB && f->size[root] > f->o->piece_size &&
	    f->size[root] <= f->max_size && f->child_start[root] == f->child_start[root + 1])
		return stream_root(w, root);
	if ((why = build_whole(w, root, &buf, &len, &big))) {
		fail_subtree(w, root, type, big ? KH_PACK_TOO_LARGE : KH_PACK_ERROR, why);
		return 0;
	}
	if ((error = deliver(w, root, type, buf, len)) < 0)
		return error;
	while (w->depth && !atomic_load_explicit(&f->stop, memory_order_relaxed)) {
		frame *t = &w->stack[w->depth - 1];
		uint32_t child;
		bool last;

		if (t->next == t->end) {
			pop(w);
			continue;
		}
		child = f->child[t->next++];
		last = t->next == t->end;
		if (!t->buf) {
			if ((why = rebuild(w, t->node, &t->buf, &t->len))) {
				/* it was built once; only memory can fail it now */
				fail_subtree(w, child, type, KH_PACK_ERROR, why);
				continue;
			}
			w->held += t->len;
		}
		why = build_delta(w, child, t->buf, t->len, &buf, &len, &big);
		if (last)
			pop(w);
		if (why) {
			fail_subtree(w, child, type, big ? KH_PACK_TOO_LARGE : KH_PACK_ERROR, why);
			continue;
		}
		if ((error = deliver(w, child, type, buf, len)) < 0)
			return error;
	}
	return 0;
}

static void *worker_main(void *arg)
{
	worker *w = arg;
	forest *f = w->f;

	kh_oom_adopt(f->oom_owner);
	while (!atomic_load(&f->stop) && !kh_oom_since(f->oom_mark)) {
		uint32_t r = (uint32_t)atomic_fetch_add(&f->next_root, 1);
		if (r >= f->n_roots)
			break;
		if ((w->error = walk_root(w, f->roots[r])) < 0) {
			atomic_store(&f->stop, 1);
			break;
		}
	}
	while (w->depth)
		pop(w);
	return NULL;
}

static void worker_clear(worker *w)
{
	libdeflate_free_decompressor(w->zd);
	free(w->delta);
	free(w->stack);
	for (int i = 0; i < SPARES; i++)
		if (w->spare[i])
			free(w->spare[i] - BUF_HDR);
}

/* Objects never reached: a bad header, a base that is not an object, a cycle of
 * REF_DELTAs, or below a failed base when memory ran out. */
static void report_leftovers(worker *w)
{
	forest *f = w->f;

	for (uint32_t i = 0; i < f->n; i++)
		if (atomic_load(&f->state[i]) == ST_PENDING)
			problem(w, i, f->type[i] <= KH_OBJ_TAG ? f->type[i] : KH_OBJ_NONE,
				KH_PACK_ERROR, f->why[i] ? f->why[i] : "delta base could not be read");
}

int kh_pack_walk(kh_pack *p, const kh_pack_walk_options *o, kh_pack_stats *stats)
{
	forest f = { 0 };
	worker *ws = NULL;
	pthread_t *tids = NULL;
	unsigned nt = o->threads ? o->threads : 1, started = 0;
	int error;

	if (stats)
		memset(stats, 0, sizeof(*stats));
	if (!o->on_object)
		return kh_error(KEYHOUND_EINVAL, "kh_pack_walk: no object callback");
	f.p = p;
	f.o = o;
	f.n = p->n;
	f.types = o->types ? o->types : 0x1e;
	f.max_size = o->max_object_size ? o->max_object_size : 50u << 20;
	f.cache_limit = o->cache_limit ? o->cache_limit : 256u << 20;
	f.oom_owner = kh_oom_owner();
	f.oom_mark = kh_oom_now();
	if ((error = forest_build(&f)) < 0)
		goto done;
	ws = calloc(nt, sizeof(*ws));
	tids = calloc(nt, sizeof(*tids));
	if (!ws || !tids) {
		error = KEYHOUND_ENOMEM;
		goto done;
	}
	for (unsigned i = 0; i < nt; i++) {
		ws[i].f = &f;
		ws[i].index = i;
	}
	for (started = 1; started < nt; started++)
		if (pthread_create(&tids[started], NULL, worker_main, &ws[started]) != 0)
			break;
	worker_main(&ws[0]);
	for (unsigned i = 1; i < started; i++)
		pthread_join(tids[i], NULL);
	for (unsigned i = 0; i < nt; i++)
		if (ws[i].error < 0 && !error)
			error = ws[i].error;
	if (!error)
		report_leftovers(&ws[0]);
	if (stats) {
		stats->objects = p->n;
		for (unsigned i = 0; i < nt; i++) {
			stats->delivered += ws[i].st.delivered;
			stats->bytes += ws[i].st.bytes;
			stats->errors += ws[i].st.errors;
			stats->too_large += ws[i].st.too_large;
			stats->not_wanted += ws[i].st.not_wanted;
			stats->rebuilt += ws[i].st.rebuilt;
		}
	}
done:
	if (ws)
		for (unsigned i = 0; i < nt; i++)
			worker_clear(&ws[i]);
	free(ws);
	free(tids);
	forest_free(&f);
	return error;
}

/* ---- one object by id ---- */

/* Deltas a read by id follows before giving up: git writes at most 4,095 (pack.depth);
 * a crafted pack can chain more, or make REF_DELTAs point at each other. */
#define MAX_CHAIN 10000

typedef struct {
	struct libdeflate_decompressor *zd;
	uint64_t max_size;
	int code;                   /* the error code for why: KH_EOBJ_TOO_LARGE, KEYHOUND_ENOMEM, or 0 */
} reader;

/* A reason, with the code kh_pack_read returns for it. */
#define TOO_LARGE(r, text) ((r)->code = KH_EOBJ_TOO_LARGE, (text))
#define NO_MEMORY(r) ((r)->code = KEYHOUND_ENOMEM, "out of memory")

/* One entry's header at off: its type and size, where its zlib data starts, and for a
 * delta the offset of its base. */
typedef struct {
	unsigned type;
	uint64_t size, data, base, self;
} entry;

static const char *parse_entry(const kh_pack *p, uint64_t off, entry *e)
{
	const unsigned char *pk = p->pack;
	uint64_t end = p->pack_len - 20, start = off;
	unsigned shift = 4;
	unsigned char c;

	if (off < 12 || off >= end)
		return "offset outside the pack";
	c = pk[off++];
	e->type = (c >> 4) & 7;
	e->size = c & 15;
	while (c & 0x80) {
		if (off >= end || shift > 57)
			return "bad object header";
		c = pk[off++];
		e->size |= (uint64_t)(c & 0x7f) << shift;
		shift += 7;
	}
	e->base = UINT64_MAX;
	if (e->type == OBJ_OFS_DELTA) {
		uint64_t rel;
		if (off >= end)
			return "truncated object header";
		c = pk[off++];
		rel = c & 0x7f;
		while (c & 0x80) {
			if (off >= end || rel > (UINT64_MAX >> 8))
				return "truncated object header";
			c = pk[off++];
			rel = ((rel + 1) << 7) | (c & 0x7f);
		}
		if (rel == 0 || rel > start)
			return "delta base offset is not an object";
		e->base = start - rel;
	} else if (e->type == OBJ_REF_DELTA) {
		uint32_t pos;
		if (end - off < 20)
			return "truncated object header";
		if ((pos = idx_find(p, pk + off)) == NONE)
			return "delta base is not in this pack";
		off += 20;
		e->base = idx_offset(p, pos);
	} else if (e->type < KH_OBJ_COMMIT || e->type > KH_OBJ_TAG) {
		return "unknown object type";
	}
	e->data = off;
	return NULL;
}

/* Take the object at off out of the base cache (the caller owns it until it puts it
 * back); false when it is not there. */
static bool cache_take(kh_pack *p, uint64_t off, unsigned char **buf, size_t *len, kh_obj_type *type)
{
	bool hit = false;
	pthread_mutex_lock(&p->cache_lock);
	for (size_t i = 0; i < BASE_CACHE_SLOTS && !hit; i++) {
		base_slot *s = &p->cache[i];
		if (s->buf && s->off == off) {
			*buf = s->buf;
			*len = s->len;
			*type = s->type;
			p->cache_bytes -= s->len;
			s->buf = NULL;
			hit = true;
		}
	}
	pthread_mutex_unlock(&p->cache_lock);
	return hit;
}

/* Keep buf (owned) as the object at off, evicting the least recently kept while over
 * the slots or the bytes; a base larger than the whole cache is freed. */
static void cache_put(kh_pack *p, uint64_t off, unsigned char *buf, size_t len, kh_obj_type type)
{
	if (len > BASE_CACHE_BYTES / 4) {
		free(buf);
		return;
	}
	pthread_mutex_lock(&p->cache_lock);
	for (;;) {
		base_slot *free_slot = NULL, *oldest = NULL;
		for (size_t i = 0; i < BASE_CACHE_SLOTS; i++) {
			base_slot *s = &p->cache[i];
			if (!s->buf && !free_slot)
				free_slot = s;
			if (s->buf && (!oldest || s->used < oldest->used))
				oldest = s;
		}
		if (free_slot && p->cache_bytes + len <= BASE_CACHE_BYTES) {
			*free_slot = (base_slot){ off, buf, len, type, ++p->cache_clock };
			p->cache_bytes += len;
			break;
		}
		free(oldest->buf); /* something is held: the bytes or the slots are full */
		oldest->buf = NULL;
		p->cache_bytes -= oldest->len;
	}
	pthread_mutex_unlock(&p->cache_lock);
}

/* The object at off, without recursion (git's unpack_entry): follow the chain of bases
 * down to a whole object or one the cache holds, noting each delta (a few words each,
 * at most MAX_CHAIN), then inflate and apply the deltas one at a time from the bottom
 * up. At most a base, one delta and its result are in memory at once, whatever the
 * depth; each base is kept in the cache for the next read. */
static const char *read_at(kh_pack *p, reader *r, uint64_t off, kh_obj_type *type,
			   unsigned char **out, size_t *out_len)
{
	const unsigned char *pk = p->pack;
	uint64_t end = p->pack_len - 20, at = off;
	entry *chain = NULL, e;
	size_t n = 0, cap = 0;
	unsigned char *cur = NULL, *delta = NULL, *next = NULL;
	size_t cur_len = 0;
	uint64_t cur_off;
	const char *why = NULL;

	*out = NULL;
	for (;;) {
		if (cache_take(p, at, &cur, &cur_len, type))
			break;
		if ((why = parse_entry(p, at, &e)))
			goto done;
		if (e.base == UINT64_MAX) {
			if (e.size > r->max_size) {
				why = TOO_LARGE(r, "object is over the size limit");
				goto done;
			}
			if (!(cur = malloc(e.size ? e.size : 1))) {
				why = NO_MEMORY(r);
				goto done;
			}
			if ((why = inflate_exact(&r->zd, pk + e.data, end - e.data, cur, e.size)))
				goto done;
			*type = (kh_obj_type)e.type;
			cur_len = e.size;
			break;
		}
		if (e.size > r->max_size * 2 + 4096) {
			why = TOO_LARGE(r, "delta is over the size limit");
			goto done;
		}
		if (n == MAX_CHAIN) {
			why = "delta chain too long";
			goto done;
		}
		if (n == cap) {
			entry *t = realloc(chain, sizeof(*t) * (cap = cap ? cap * 2 : 16));
			if (!t) {
				why = NO_MEMORY(r);
				goto done;
			}
			chain = t;
		}
		e.self = at;
		chain[n++] = e;
		at = e.base;
	}
	cur_off = at;
	while (n) {
		const entry *d = &chain[--n];
		const unsigned char *dp, *dend;
		bool ok = true;
		uint64_t src, dst;
		if (!(delta = malloc(d->size ? d->size : 1))) {
			why = NO_MEMORY(r);
			goto done;
		}
		if ((why = inflate_exact(&r->zd, pk + d->data, end - d->data, delta, d->size)))
			goto done;
		dp = delta;
		dend = delta + d->size;
		src = delta_varint(&dp, dend, &ok);
		dst = delta_varint(&dp, dend, &ok);
		if (!ok || src != cur_len) {
			why = ok ? "delta base has the wrong size" : "truncated delta header";
			goto done;
		}
		if (dst > r->max_size) {
			why = TOO_LARGE(r, "object is over the size limit");
			goto done;
		}
		if (!(next = malloc(dst ? dst : 1))) {
			why = NO_MEMORY(r);
			goto done;
		}
		if ((why = apply_delta(dp, dend, cur, cur_len, next, dst)))
			goto done;
		free(delta);
		delta = NULL;
		cache_put(p, cur_off, cur, cur_len, *type);
		cur = next;
		cur_len = dst;
		cur_off = d->self;
		next = NULL;
	}
	*out = cur;
	*out_len = cur_len;
	cur = NULL;
done:
	free(cur);
	free(delta);
	free(next);
	free(chain);
	return why;
}

int kh_pack_read(kh_pack *p, const uint8_t oid[20], uint64_t max_size, kh_obj_type *type,
		 unsigned char **data, size_t *len)
{
	reader r = { .max_size = max_size ? max_size : 50u << 20 };
	uint32_t pos = idx_find(p, oid);
	const char *why;
	char hex[41];

	*data = NULL;
	if (pos == NONE)
		return KEYHOUND_ENOTFOUND;
	why = read_at(p, &r, idx_offset(p, pos), type, data, len);
	libdeflate_free_decompressor(r.zd);
	if (!why)
		return 0;
	kh_hex(oid, 20, hex);
	return kh_error(r.code ? r.code : KEYHOUND_ERROR, "%s: object %s: %s", p->path, hex, why);
}
