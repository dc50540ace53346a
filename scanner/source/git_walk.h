/* SPDX-License-Identifier: Apache-2.0 */
/* The history walk: every commit reachable from every ref, oldest first, and for each
 * (blob, path) the first commit that put the blob there; the blobs of HEAD marked. */
#ifndef KH_SOURCE_GIT_WALK_H
#define KH_SOURCE_GIT_WALK_H

#include "core/oidmap.h"
#include "source/git.h"
#include "source/git_store.h"

#define KH_WALK_NONE KH_OIDMAP_NONE

typedef struct {
	uint8_t tree[20];
	uint32_t *parents;
	uint32_t n_parents;
	int64_t when;
	int tz;
	/* owned; hex and date are filled by kh_walk_history after the walk */
	char *author, *email, *subject, *message, *hex, *date;
	bool known;                 /* read (not only referenced) */
	uint32_t rank;              /* 1 + its place in `order` (oldest first) */
} kh_commit_rec;

typedef struct {
	uint32_t path;              /* kh_walk_path id */
	uint32_t commit;            /* KH_WALK_NONE: no commit */
	uint32_t next;              /* next occurrence of the same blob, KH_WALK_NONE */
} kh_occ_rec;

/* A blob is listed at its first KH_WALK_PATHS_PER_BLOB paths; the paths past them are
 * counted, not kept (a git bomb puts one blob at a million paths with 16 objects). */
#define KH_WALK_PATHS_PER_BLOB 100
/* A tree met at more folders than this is not walked again: its blobs already sit at as
 * many paths as are listed, and the paths of its other copies are counted. */
#define KH_WALK_FOLDERS_PER_TREE KH_WALK_PATHS_PER_BLOB
/* Distinct paths (files and folders) of the whole history kept in memory; past it
 * folders not seen before are not walked, an error. */
#define KH_WALK_MAX_PATHS (1u << 23)
/* Entries of the per-tree blob counts that count the paths of unwalked copies. */
#define KH_WALK_MAX_SUM_ENTRIES (1u << 22)
#define KH_WALK_SUM_MAX_BLOBS 4096

typedef struct {
	uint32_t first_occ, last_occ;
	uint32_t n_paths;           /* occurrences kept (at most KH_WALK_PATHS_PER_BLOB) */
	uint32_t more_paths;        /* paths counted past those (saturating) */
	_Atomic uint8_t done;       /* the driver's: scanned, skipped or failed */
	bool in_head;
} kh_blob_rec;

/* For a tree not walked again: the blobs below it and how many paths each has there. */
typedef struct { uint32_t blob, count; } kh_walk_sum_ent;
typedef struct { uint32_t off, n; bool partial, busy; } kh_walk_sum;

typedef struct { uint64_t *slots; size_t n, mask; } kh_walk_keyset;

typedef struct {
	uint32_t parent;
	uint32_t name_off, name_len;
} kh_path_ent;

/* A tree kept to diff the next tree at its folder against: borrowed from the store's
 * memory, or owned by the walk (read one by one, counted in prev_bytes). */
typedef struct {
	const unsigned char *data;
	uint32_t len;
	bool owned;
} kh_walk_prev;

typedef struct {
	kh_path_ent *v;
	uint32_t n, cap;
	char *names;
	size_t names_len, names_cap;
	uint32_t *slots;
	size_t mask;
} kh_pathtab;

typedef struct {
	/* in */
	const kh_git *g;
	keyhound_report *report;
	kh_store *st;
	/* out */
	kh_oidmap commit_ids;
	kh_commit_rec *commits;
	uint32_t *order;            /* topological, oldest first */
	kh_oidmap blob_ids;
	kh_blob_rec *blobs;
	kh_occ_rec *occs;
	size_t n_occs;
	/* the walk's own */
	size_t commits_cap, blobs_cap, occs_cap;
	kh_oidmap tree_seen;
	kh_walk_keyset pairs;
	kh_pathtab paths;
	/* the last tree processed at a folder (path id; NONE: the root), to diff against */
	kh_walk_prev *prev;
	kh_walk_prev prev_root;
	size_t prev_cap;
	uint64_t prev_bytes;        /* of the trees the walk owns there */
	uint64_t prev_max;          /* in: bound on prev_bytes (0: 64 MiB) */
	bool prev_full;             /* a tree was not kept: prev_max */
	kh_oidmap shallow;
	/* how many folders each tree was walked at (tree id -> count) */
	kh_oidmap tree_ids;
	uint32_t *tree_walks;
	size_t tree_walks_cap;
	/* blob counts of trees not walked again */
	kh_oidmap sum_ids;
	kh_walk_sum *sums;
	size_t sums_cap;
	kh_walk_sum_ent *sum_ents;
	size_t n_sum_ents, sum_ents_cap;
	uint64_t copies_counted;    /* folder copies counted, not walked */
	bool counts_partial, paths_full;
} kh_walk;

/* Walks the history of w->g's repository, reading objects from w->st; problems are
 * reported to w->report. */
void kh_walk_history(kh_walk *w);

/* The full path of a path id into b ("" for the root). */
void kh_walk_path(const kh_walk *w, uint32_t path, kh_buf *b);

void kh_walk_free(kh_walk *w);

#endif
