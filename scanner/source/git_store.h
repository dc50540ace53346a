/* SPDX-License-Identifier: Apache-2.0 */
/* The history's object store: the repository's packs (read with our pack reader), the
 * trees and commits kept in memory for the walk, and libgit2 for everything else. */
#ifndef KH_SOURCE_GIT_STORE_H
#define KH_SOURCE_GIT_STORE_H

#include <stdatomic.h>

#include "core/dl_git.h"
#include "core/kh.h"
#include "core/oidmap.h"
#include "source/git_pack.h"

#define KH_STORE_META_CAP_DEFAULT ((uint64_t)1 << 30) /* bytes of trees and commits kept */

typedef struct {
	kh_obj_type type;
	uint32_t len;
	const unsigned char *data;
} kh_meta_obj;

typedef struct kh_meta_part kh_meta_part;

typedef struct {
	char **packs;
	size_t n_packs;
	kh_pack **open;             /* NULL where the pack could not be opened */
	kh_oidmap meta_ids;
	kh_meta_obj *meta;
	kh_meta_part *parts;        /* one per reading thread */
	unsigned n_parts;
	_Atomic uint64_t meta_bytes;
	uint64_t meta_cap;
	atomic_bool meta_full;      /* written by the reading threads */
	git_odb *odb;
} kh_store;

/* Lists and opens the packs of gitdir/objects/pack (a pack our reader cannot open is
 * left to libgit2). */
void kh_store_find_packs(kh_store *st, const char *gitdir);

/* Reads every pack's commits, trees and tags (up to meta_cap bytes; objects over
 * max_object_size are left out) into memory, on threads threads. */
int kh_store_load_meta(kh_store *st, unsigned threads, uint64_t max_object_size,
		       keyhound_report *report);

/* The trees and commits are no longer needed: frees them. */
void kh_store_drop_meta(kh_store *st);

/* An object's bytes: borrowed from the metadata kept in memory, else read with libgit2
 * into *owned (free it). Returns 0, or -1 when the object is missing or unreadable. */
int kh_store_get(const kh_store *st, const uint8_t id[20], kh_obj_type *type,
		 const unsigned char **data, size_t *len, git_odb_object **owned);

/* Whether one of the packs our reader opened holds id. */
bool kh_store_in_packs(const kh_store *st, const uint8_t id[20]);

void kh_store_free(kh_store *st);

#endif
