/* SPDX-License-Identifier: Apache-2.0 */
/* The history's object store (git_store.h). */
#include <dirent.h>
#include <stdlib.h>
#include <string.h>
#include <stdio.h>
#include <sys/mman.h>
#include <unistd.h>

#include "core/report.h"
#include "source/git_mini.h"
#include "source/git_store.h"

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

typedef struct {
	uint8_t id[20];
	kh_meta_obj obj;
} meta_rec;

/* What one pack-reading thread collected. */
struct kh_meta_part {
	arena mem;
	meta_rec *v;
	size_t n, cap;
};

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

static int meta_object(unsigned thread, const uint8_t oid[20], kh_obj_type type,
		       const unsigned char *data, size_t len, void *payload)
{
	kh_store *st = payload;
	kh_meta_part *p = &st->parts[thread];
	unsigned char *copy;

	if (len > UINT32_MAX ||
	    atomic_fetch_add(&st->meta_bytes, len) + len > st->meta_cap ||
	    !(copy = arena_alloc(&p->mem, len))) {
		st->meta_full = true; /* the rest is read through libgit2 */
		return 0;
	}
	memcpy(copy, data, len);
	if (p->n == p->cap) {
		p->cap = p->cap ? p->cap * 2 : 4096;
		p->v = kh_realloc(p->v, sizeof(*p->v) * p->cap);
	}
	memcpy(p->v[p->n].id, oid, 20);
	p->v[p->n++].obj = (kh_meta_obj){ type, (uint32_t)len, copy };
	return 0;
}

static void free_parts(kh_store *st)
{
	for (unsigned t = 0; st->parts && t < st->n_parts; t++) {
		arena_free(&st->parts[t].mem);
		free(st->parts[t].v);
		st->parts[t].v = NULL;
		st->parts[t].n = st->parts[t].cap = 0;
	}
}

#define MAX_ALTERNATES 64

/* objdir, and the object folders its info/alternates names (git follows them 5 deep). */
static void add_objdir(kh_store *st, const char *objdir, unsigned depth)
{
	char *alt, line[4096];
	FILE *f;

	for (size_t i = 0; i < st->n_objdirs; i++)
		if (!strcmp(st->objdirs[i], objdir))
			return;
	if (st->n_objdirs >= MAX_ALTERNATES)
		return;
	st->objdirs = kh_realloc(st->objdirs, sizeof(char *) * (st->n_objdirs + 1));
	st->objdirs[st->n_objdirs++] = kh_strdup(objdir);
	if (depth >= 5)
		return;
	alt = kh_sprintf("%s/info/alternates", objdir);
	f = fopen(alt, "r");
	free(alt);
	while (f && fgets(line, sizeof(line), f)) {
		char *p;
		line[strcspn(line, "\r\n")] = 0;
		if (!line[0] || line[0] == '#')
			continue;
		p = line[0] == '/' ? kh_strdup(line) : kh_sprintf("%s/%s", objdir, line);
		add_objdir(st, p, depth + 1);
		free(p);
	}
	if (f)
		fclose(f);
}

void kh_store_find_packs(kh_store *st, const char *gitdir)
{
	size_t n = strlen(gitdir);
	char *objdir = kh_sprintf("%.*s/objects", (int)(n > 1 && gitdir[n - 1] == '/' ? n - 1 : n),
				  gitdir);

	pthread_mutex_init(&st->lock, NULL);
	add_objdir(st, objdir, 0);
	free(objdir);
	for (size_t k = 0; k < st->n_objdirs; k++) {
		char *dir = kh_sprintf("%s/pack", st->objdirs[k]);
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
	}
	st->open = kh_calloc(st->n_packs + 1, sizeof(kh_pack *));
	for (size_t i = 0; i < st->n_packs; i++)
		if (kh_pack_open(&st->open[i], st->packs[i]) < 0) {
			/* judged unreadable: libgit2 is not asked to read it either */
			st->open[i] = NULL;
			if (st->report)
				kh_report_error(st->report, st->packs[i], "%s: its objects are not read",
						keyhound_last_error());
		}
}

int kh_store_read(kh_store *st, const uint8_t id[20], kh_obj_type *type, unsigned char **data,
		  size_t *len)
{
	uint64_t max = st->max_size ? st->max_size : 50u << 20;
	int error = KEYHOUND_ENOTFOUND;

	*data = NULL;
	pthread_mutex_lock(&st->lock);
	for (size_t i = 0; i < st->n_packs && error == KEYHOUND_ENOTFOUND; i++)
		if (st->open[i])
			error = kh_pack_read(st->open[i], id, max, type, data, len);
	pthread_mutex_unlock(&st->lock);
	for (size_t k = 0; k < st->n_objdirs && error == KEYHOUND_ENOTFOUND; k++)
		error = kh_loose_read(st->objdirs[k], id, max, type, data, len);
	return error;
}

bool kh_store_exists(const kh_store *st, const uint8_t id[20])
{
	char hex[41];

	if (kh_store_in_packs(st, id))
		return true;
	kh_hex(id, 20, hex);
	for (size_t k = 0; k < st->n_objdirs; k++) {
		char *p = kh_sprintf("%s/%.2s/%s", st->objdirs[k], hex, hex + 2);
		bool ok = access(p, F_OK) == 0;
		free(p);
		if (ok)
			return true;
	}
	return false;
}

int kh_store_load_meta(kh_store *st, unsigned threads, uint64_t max_object_size,
		       keyhound_report *report)
{
	kh_pack_walk_options o = KH_PACK_WALK_OPTIONS_INIT;
	size_t meta_cap = 0;
	int error = 0;

	st->n_parts = threads;
	st->parts = kh_calloc(threads, sizeof(kh_meta_part));
	o.threads = threads;
	o.types = KH_OBJ_MASK(KH_OBJ_COMMIT) | KH_OBJ_MASK(KH_OBJ_TREE) | KH_OBJ_MASK(KH_OBJ_TAG);
	o.max_object_size = max_object_size;
	o.on_object = meta_object;
	o.payload = st;
	for (size_t i = 0; i < st->n_packs; i++)
		if (st->open[i] && (error = kh_pack_walk(st->open[i], &o, NULL)) < 0)
			return error;
	for (unsigned t = 0; t < st->n_parts; t++)
		for (size_t k = 0; k < st->parts[t].n; k++) {
			bool added;
			uint32_t i = kh_oidmap_add(&st->meta_ids, st->parts[t].v[k].id, &added);
			if (!added)
				continue;
			if (i >= meta_cap) {
				meta_cap = st->meta_ids.cap;
				st->meta = kh_realloc(st->meta, sizeof(*st->meta) * meta_cap);
			}
			st->meta[i] = st->parts[t].v[k].obj;
		}
	if (st->meta_full)
		kh_report_note(report, "trees and commits past %llu bytes (--max-tree-memory) were "
			       "read through libgit2, one by one (slower)",
			       (unsigned long long)st->meta_cap);
	return 0;
}

void kh_store_drop_meta(kh_store *st)
{
	free_parts(st);
	kh_oidmap_free(&st->meta_ids);
	free(st->meta);
	st->meta = NULL;
}

int kh_store_get(kh_store *st, const uint8_t id[20], kh_obj_type *type,
		 const unsigned char **data, size_t *len, unsigned char **owned)
{
	uint32_t i = kh_oidmap_find(&st->meta_ids, id);

	*owned = NULL;
	if (i != KH_OIDMAP_NONE) {
		*type = st->meta[i].type;
		*data = st->meta[i].data;
		*len = st->meta[i].len;
		return 0;
	}
	if (kh_store_read(st, id, type, owned, len) < 0)
		return -1;
	*data = *owned;
	return 0;
}

bool kh_store_in_packs(const kh_store *st, const uint8_t id[20])
{
	for (size_t i = 0; i < st->n_packs; i++)
		if (st->open[i] && kh_pack_has(st->open[i], id))
			return true;
	return false;
}

void kh_store_free(kh_store *st)
{
	for (size_t i = 0; i < st->n_packs; i++) {
		kh_pack_free(st->open[i]);
		free(st->packs[i]);
	}
	free(st->packs);
	free(st->open);
	for (size_t k = 0; k < st->n_objdirs; k++)
		free(st->objdirs[k]);
	free(st->objdirs);
	if (st->n_objdirs)
		pthread_mutex_destroy(&st->lock);
	kh_store_drop_meta(st);
	free(st->parts);
	git_odb_free(st->odb);
	memset(st, 0, sizeof(*st));
}
