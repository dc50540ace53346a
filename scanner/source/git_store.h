/* SPDX-License-Identifier: Apache-2.0 */
/* The history's object store: the repository's packs and loose objects, read with our
 * own readers (a pack's delta bases are cached within a bound, git_pack.c); libgit2 only
 * lists loose objects. No tree is kept here: the walk keeps the few it diffs against. */
#ifndef KH_SOURCE_GIT_STORE_H
#define KH_SOURCE_GIT_STORE_H

#include <pthread.h>
#include <stdatomic.h>

#include "core/dl_git.h"
#include "core/kh.h"
#include "core/oidmap.h"
#include "source/git_pack.h"

typedef struct {
	char **packs;
	size_t n_packs;
	kh_pack **open;             /* NULL where the pack could not be opened */
	git_odb *odb;               /* for listing loose objects only: never reads one */
	/* the object folders: gitdir/objects, then those its alternates name */
	char **objdirs;
	size_t n_objdirs;
	uint64_t max_size;          /* objects larger are not read (kh_store_read) */
	keyhound_report *report;    /* packs that cannot be read are errors here */
	pthread_mutex_t lock;       /* kh_store_read: a pack's base cache is not thread-safe */
} kh_store;

/* Lists and opens the packs of gitdir/objects/pack and of the alternates' object folders.
 * A pack our reader cannot open is an error, and is not handed to libgit2. */
void kh_store_find_packs(kh_store *st, const char *gitdir);

/* An object's bytes, read by keyhound's own readers only (packs, then loose objects of
 * each object folder), never by libgit2: a damaged object is an error in the report,
 * not a hang (libgit2 1.5 loops on a truncated loose object and on a REF_DELTA cycle).
 * *data is malloc'd. 0, KEYHOUND_ENOTFOUND, KH_EOBJ_TOO_LARGE (over max_size), or an
 * error whose message is keyhound_last_error(). Thread-safe. */
int kh_store_read(kh_store *st, const uint8_t id[20], kh_obj_type *type, unsigned char **data,
		  size_t *len);
/* Whether some object folder or pack holds id (without reading it). */
bool kh_store_exists(const kh_store *st, const uint8_t id[20]);

/* An object's bytes, read with kh_store_read into *owned (free() it; *data points at
 * it). Returns 0, or -1 when the object is missing or unreadable. */
int kh_store_get(kh_store *st, const uint8_t id[20], kh_obj_type *type,
		 const unsigned char **data, size_t *len, unsigned char **owned);

/* Whether one of the packs our reader opened holds id. */
bool kh_store_in_packs(const kh_store *st, const uint8_t id[20]);

void kh_store_free(kh_store *st);

#endif
