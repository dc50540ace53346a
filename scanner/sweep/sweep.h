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
/* A mirror's fetch: its status recorded, with the time when fetched; *last_fetch is when it
 * was last fetched before (0: never). */
int kh_state_mirror(kh_state *s, const char *repo, const char *status, bool fetched, int64_t *last_fetch);
/* Record findings as reported (once the report holding them is delivered), with their
 * --verify verdicts (verdicts[i]: JSON text, or NULL; verdicts may be NULL), in one
 * transaction. */
int kh_state_mark_reported(kh_state *s, const char *const *repos, const char *const *fingerprints,
			   const char *const *verdicts, size_t n);
/* The verdicts kept for the repository's findings: an object, fingerprint -> verdict. */
int kh_state_verdicts(kh_state *s, const char *repo, json_t **out);

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

/* ---- mirror.c ---- */
/* A clone URL taken apart: name is what findings, the state and the shard hash use
 * (scheme://host[:port]/path, no userinfo, no ".git"); git_url is what git is given (no
 * password; ssh keeps its login name); rel is the mirror's place under --mirror
 * (<host>[_port]/<path>.git). user and pass come from the URL's userinfo. */
typedef struct {
	char *name, *git_url, *rel;
	char *user, *pass;
} kh_url;

/* Does this input look like a clone URL (scheme://... or user@host:path)? */
bool kh_url_is_remote(const char *text);
/* 0, or KEYHOUND_EINVAL saying why the text is not a URL keyhound mirrors. */
int kh_url_parse(kh_url *u, const char *text);
/* The URL of u's wiki (GitHub's and GitLab's <path>.wiki.git). */
void kh_url_wiki(kh_url *w, const kh_url *u);
void kh_url_free(kh_url *u);

typedef struct {
	const char *dir;
	unsigned timeout_s;         /* 0: 1800 */
	uint64_t budget;            /* 0: none */
	bool pull_refs;
	unsigned low_speed_limit, low_speed_time; /* bytes/s over seconds (0: 1000 over 60) */
	const char *const *environment; /* git's (keyhound_sweep_options'), borrowed; NULL: none */
	const char *tmp_dir;            /* NULL: /tmp */
} kh_mirror_opts;

typedef struct kh_mirrors kh_mirrors;
int kh_mirrors_new(kh_mirrors **out, const kh_mirror_opts *o);
void kh_mirrors_free(kh_mirrors *m);

enum { KH_MIRROR_FETCHED, KH_MIRROR_CLONED, KH_MIRROR_STALE, KH_MIRROR_GONE, KH_MIRROR_FAILED,
       KH_MIRROR_SKIPPED, KH_MIRROR_ABSENT };
/* Clone or fetch u's mirror; *path is where it is (always set), *why the reason when it
 * is not fetched. STALE/GONE: the previous mirror is there (fetch failed; upstream not
 * found); FAILED/ABSENT: no mirror (clone failed; not found); SKIPPED: over the budget. */
int kh_mirror_update(kh_mirrors *m, const kh_url *u, char **path, char **why);
const char *kh_mirror_status_name(int status);

/* ---- discover.c ---- */
enum { KH_FORGE_GITHUB = 1, KH_FORGE_GITLAB };
typedef struct {
	bool include_forks, exclude_archived;
	const char *topic;                  /* only repositories with this topic; NULL: all */
	const char *const *exclude;         /* fnmatch globs over the full name ("org/repo") */
	size_t n_exclude;
} kh_discover_filter;
typedef struct {
	unsigned long listed, forks, archived, topic, excluded, malformed, pages, requests;
} kh_discover_counts;
typedef void (*kh_discover_cb)(void *payload, const char *full_name, const char *clone_url);
typedef struct {
	int forge;
	const char *name;                   /* organization, user or group ("a/b" for a subgroup) */
	bool user;                          /* GitHub: a user's repositories, not an organization's */
	const char *api_url;                /* NULL: api.github.com, gitlab.com */
	const char *token;                  /* NULL: anonymous */
	unsigned long max_rate_wait;        /* seconds a rate limit may be waited out */
	kh_discover_filter filter;
	const char *connect_to, *cainfo;    /* kh_net_opts' testing overrides */
} kh_discover_opts;
/* Every repository listed that passes the filter, to cb; *where names the listing for
 * errors (the caller frees it). */
int kh_discover(const kh_discover_opts *o, kh_discover_cb cb, void *payload, kh_discover_counts *n,
		char **where);
/* One page of a listing (a JSON array of repositories) through the filter. */
int kh_discover_parse(int forge, const char *body, size_t len, const kh_discover_filter *f,
		      kh_discover_cb cb, void *payload, kh_discover_counts *n);
/* The rel="next" URL of a Link header, or NULL. */
char *kh_discover_link_next(const char *link);

/* ---- merge.c ---- */
/* A finding from its JSON form (the strings are copied; f is cleared first). */
int kh_finding_from_json(keyhound_finding *f, const json_t *o);
/* A finding's verification from its JSON form ({status, reason, checked_at, identity,
 * scopes, rotate, cached}; a status other than live, invalid or unknown is not taken), and
 * cleared. */
void kh_verification_from_json(keyhound_finding *f, const json_t *o);
/* A total order: repository, path, line, column, rule, fingerprint, commit... */
int kh_finding_cmp(const keyhound_finding *a, const keyhound_finding *b);
/* Sort the findings in that order and fix it (seq = rank) for kh_report_sort. */
void kh_report_sort_full(keyhound_report *r);

#endif
