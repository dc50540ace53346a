/* SPDX-License-Identifier: Apache-2.0 */
/* keyhound sweep: many repositories, each blob matched once across all of them and
 * across runs, with the state kept in SQLite (state.c) and shard reports merged
 * (merge.c). */
#ifndef KH_SWEEP_H
#define KH_SWEEP_H

#include <jansson.h>

#include "core/kh.h"
#include "core/report.h"
#include "pipeline/memo.h"
#include "rules/ruleset.h"

typedef struct {
	uint8_t id[20];
	uint8_t kind;
	kh_raw *m;
	uint32_t n_m;
} kh_new_blob;

/* ---- state.c: the SQLite store (WAL mode; one connection, calls serialised) ---- */
typedef struct kh_state kh_state;

int kh_state_open(kh_state **out, const char *path);
void kh_state_close(kh_state *s);
/* Every blob matched under match_key: cb(id, kind). */
int kh_state_load_blobs(kh_state *s, const char *match_key,
			void (*cb)(void *payload, const uint8_t id[20], int kind), void *payload);
/* The raw matches kept for a blob; rules named by id, mapped to rs's indexes. Returns
 * KEYHOUND_ENOTFOUND when a rule is no longer there. */
int kh_state_blob_matches(kh_state *s, const uint8_t id[20], const kh_ruleset *rs, kh_raw **out,
			  uint32_t *n);
/* The repository's row at its last sweep: tips and judge key (NULL when never swept
 * completely) and its summary; the caller frees them. */
int kh_state_repo(kh_state *s, const char *repo, char **tips, char **judge_key, json_t **summary);
/* The findings recorded for the repository at its last sweep (a JSON array). */
int kh_state_findings(kh_state *s, const char *repo, json_t **out);
/* Was this finding reported by an earlier run? */
bool kh_state_reported(kh_state *s, const char *repo, const char *fingerprint);

typedef struct {
	const char *repo;
	const char *tips, *judge_key;   /* tips NULL: walk it again next time (errors) */
	const char *match_key;
	const kh_new_blob *blobs;
	size_t n_blobs;
	json_t *findings;               /* array of finding objects */
	json_t *summary;
} kh_repo_commit;
/* One transaction: the blobs this repository matched, its findings, its tips. */
int kh_state_commit(kh_state *s, const kh_repo_commit *c, const kh_ruleset *rs);

/* ---- sweep.c ---- */
/* The shard hash of a repository path (the shard is this modulo the shard count). */
uint64_t kh_sweep_shard_hash(const char *path);

/* ---- merge.c ---- */
/* A finding from its JSON form (the strings are copied; f is cleared first). */
int kh_finding_from_json(keyhound_finding *f, const json_t *o);
/* A total order: repository, path, line, column, rule, fingerprint, commit... */
int kh_finding_cmp(const keyhound_finding *a, const keyhound_finding *b);
/* Sort the findings in that order and fix it (seq = rank) for kh_report_sort. */
void kh_report_sort_full(keyhound_report *r);

#endif
