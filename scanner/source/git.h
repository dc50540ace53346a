/* SPDX-License-Identifier: Apache-2.0 */
/* Shared between the git source's parts: the history sweep (git_history.c), the
 * change scans (git_change.c: staged, range, pre-push) and the entry point (git.c). */
#ifndef KH_SOURCE_GIT_H
#define KH_SOURCE_GIT_H

#include "core/blob.h"
#include "core/dl_git.h"

#include "core/kh.h"
#include "core/oidmap.h"
#include "pipeline/feed.h"

typedef struct {
	keyhound_scan *scan;
	const keyhound_git_options *opts;
	git_repository *repo;
	const char *repository;     /* as given (or the folder found), for findings */
	const char *gitdir;         /* git_repository_commondir() */
	char *owned_repository;     /* freed with the scan */
	/* out (the history walk): commits read and distinct blobs reached */
	size_t commits, blobs;
	/* the diff being built (kh_git_diff_notify): how many paths each new blob has */
	kh_oidmap diff_ids;
	uint32_t *diff_paths;
	size_t diff_paths_cap;
	uint64_t diff_files;
	/* the last object the reader in front of libgit2 refused as too large (git_odb.c) */
	uint8_t too_large[20];
	bool has_too_large;
} kh_git;

/* A diff lists a blob at its first KH_DIFF_PATHS_PER_BLOB paths (the rest are counted:
 * more_paths), and holds at most KH_DIFF_MAX_FILES files (past them it is an error):
 * a git bomb's one blob at a million paths costs a hundred. */
#define KH_DIFF_PATHS_PER_BLOB 100
#define KH_DIFF_MAX_FILES (1u << 20)
/* git_diff_options.notify_cb, with g as payload: reset g's counts (kh_git_diff_reset)
 * before each diff. */
int kh_git_diff_notify(const git_diff *so_far, const git_diff_delta *d, const char *spec,
		       void *payload);
void kh_git_diff_reset(kh_git *g);

/* Where a history starts: HEAD, every ref (branches, tags, remote-tracking refs, notes,
 * the stash) and each entry of the stash's reflog. The walk starts from these, and the
 * sweep's record of a repository's tips hashes them: one list, so the two agree. */
typedef enum { KH_TIP_HEAD, KH_TIP_REF, KH_TIP_STASH } kh_tip_kind;
/* cb(kind, name, target): name is the ref's (NULL for the stash's entries), target NULL
 * when the ref does not resolve. */
void kh_git_ref_tips(git_repository *repo,
		     void (*cb)(void *payload, kh_tip_kind kind, const char *name, const git_oid *target),
		     void *payload);

/* "2026-11-30T07:14:04+01:00" from a git timestamp and its offset in minutes. */
void kh_git_iso_date(int64_t when, int offset_minutes, char out[40]);

/* Fill the git fields of an origin from a commit (owned strings). */
void kh_git_origin_from_commit(kh_origin *o, const kh_git *g, const git_commit *c);

/* Scan the new side of each added/modified/renamed file of diff, reporting findings on
 * the lines it adds; commit (may be NULL) gives the findings their provenance. */
int kh_git_scan_diff(kh_git *g, git_diff *diff, const git_commit *commit);

/* A .keyhound.yml at tip (NULL: the index) that allows what the one at base (NULL: none)
 * did not is reported, one finding per widening entry (git_config_change.c). */
void kh_git_config_change(kh_git *g, const git_oid *base, const git_oid *tip);

/* KH_GIT_TIMING=1: print the time since the last step to stderr (bench/git.sh). */
void kh_git_step(const char *name);

/* The history sweep: every blob reachable from every ref, once, with provenance. */
int kh_git_history(kh_git *g);
/* Lines the index adds against HEAD: without libgit2 (KEYHOUND_ENOTFOUND when it cannot,
 * and nothing was scanned), and with it. */
int kh_git_staged_fast(kh_git *g);
int kh_git_staged(kh_git *g);
/* Lines the commits of A..B add (each reported with its commit). */
int kh_git_range(kh_git *g, const char *range);
/* git's pre-push lines (or PRE_COMMIT_FROM_REF / PRE_COMMIT_TO_REF). */
int kh_git_pre_push(kh_git *g, FILE *in);

#endif
