/* SPDX-License-Identifier: Apache-2.0 */
/* Just enough git for a hook, without libgit2 (see git_mini.c for why). */
#ifndef KH_GIT_MINI_H
#define KH_GIT_MINI_H

#include "core/kh.h"
#include "source/git_pack.h"

/* 40 lowercase hex digits to a 20-byte object id; false on any other byte. */

typedef struct kh_mini kh_mini;

/* Find the repository: repo (a work tree or a bare repository), else env's git_dir (git's
 * GIT_DIR; env may be NULL), else the folders up from the current one.
 * KEYHOUND_ENOTFOUND when it is not found or uses something this does not read
 * (alternates, object directories from the environment). */
int kh_mini_open(kh_mini **out, const char *repo, const keyhound_git_options *env,
		 uint64_t max_size);
void kh_mini_free(kh_mini *m);
const char *kh_mini_gitdir(const kh_mini *m);   /* this work tree's git folder */
const char *kh_mini_workdir(const kh_mini *m);  /* NULL when bare */

/* HEAD's commit: 0, 1 on an unborn branch, or an error. */
int kh_mini_head(kh_mini *m, uint8_t out[20]);

/* A loose object of the folder objdir (".git/objects"), inflated into *data (malloc'd):
 * 0, KEYHOUND_ENOTFOUND when there is no such file, KH_EOBJ_TOO_LARGE over max_size,
 * or an error (corrupt, truncated: never handed to libgit2, whose reader loops on a
 * truncated object). */
int kh_loose_read(const char *objdir, const uint8_t id[20], uint64_t max_size, kh_obj_type *type,
		  unsigned char **data, size_t *len);

/* An object's bytes (malloc'd): 0, KEYHOUND_ENOTFOUND, or an error. */
int kh_mini_read(kh_mini *m, const uint8_t id[20], kh_obj_type *type, unsigned char **data,
		 size_t *len);

#endif
