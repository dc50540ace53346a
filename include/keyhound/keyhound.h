/* SPDX-License-Identifier: Apache-2.0 */
/* keyhound: the public C API. Load rules into an engine, run scans of files,
 * stdin, git history and container images through it, and print reports. */
#ifndef KEYHOUND_H
#define KEYHOUND_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#ifdef __cplusplus
extern "C" {
#endif

#include "keyhound/version.h"

/* The running library's version ("0.1.0"): KEYHOUND_VERSION is the header's. Thread-safe. */
const char *keyhound_version(void);

/* Error codes: functions return 0 or one of these. */
enum {
	KEYHOUND_OK = 0,
	KEYHOUND_ERROR = -1,     /* generic failure; see keyhound_last_error() */
	KEYHOUND_ENOMEM = -2,     /* an allocation failed during the call (see below) */
	KEYHOUND_EINVAL = -3,    /* bad argument or bad configuration */
	KEYHOUND_ENOTFOUND = -4,
	KEYHOUND_EIO = -5,
	KEYHOUND_ERULES = -6,    /* a rule file could not be loaded or compiled */
	KEYHOUND_EUSER = -7,     /* a callback asked to stop */
};

/* Out of memory: when an allocation fails, the library gives back a piece of a reserve it
 * keeps (32 MiB of address space in eight pieces, taken again when the next entry point
 * begins), retries, finishes and unwinds the work at hand, and the entry point under way
 * returns KEYHOUND_ENOMEM (a scan's report then holds what was found before; objects
 * handed out stay valid and are freed as usual). A second failure in the same call takes
 * the next piece. Failures count per call: a call on another thread is not affected.
 * Allocations of Hyperscan, PCRE2, jansson, libgit2, SQLite and libcurl take the same
 * path (the library sets their process-wide allocators to malloc and free through it:
 * jansson's unless the program set its own, SQLite's unless the program initialised
 * SQLite first); those libraries check their allocations, so they never reach the
 * handler. Only a failure of the library's own with every piece spent calls
 * handler(size, payload), which must not return: exit, or longjmp out and use no keyhound
 * object again (their state is then undefined). The default, and what follows a handler
 * that returns: "keyhound: out of memory" on stderr and abort(), as redis's zmalloc. NULL
 * restores it. Call it before other threads use the library (it is not thread-safe
 * against allocations). */
typedef void (*keyhound_oom_handler)(size_t size, void *payload);
void keyhound_set_oom_handler(keyhound_oom_handler handler, void *payload);

/* Message of the last error on this thread ("" when none). */
const char *keyhound_last_error(void);

/* A size as people write it: "50MB", "4GiB", "1.5G", "1024" (bytes; K/M/G/T are powers
 * of 1000, KiB/MiB/GiB/TiB of 1024). 0, or KEYHOUND_EINVAL for anything else (a sign,
 * nan, inf, an unknown unit, more than 2^64-1 bytes). Thread-safe. */
int keyhound_parse_size(const char *text, uint64_t *out);

typedef enum {
	KEYHOUND_CONF_LOW = 1,
	KEYHOUND_CONF_MEDIUM = 2,
	KEYHOUND_CONF_HIGH = 3,
} keyhound_confidence;

typedef enum {
	KEYHOUND_SEV_LOW = 1,
	KEYHOUND_SEV_MEDIUM = 2,
	KEYHOUND_SEV_HIGH = 3,
	KEYHOUND_SEV_CRITICAL = 4,
} keyhound_severity;

typedef enum {
	KEYHOUND_SOURCE_FILE = 0,
	KEYHOUND_SOURCE_STDIN,
	KEYHOUND_SOURCE_GIT,
	KEYHOUND_SOURCE_IMAGE,
} keyhound_source_kind;

/* Limits on untrusted input. Every one hit is a counted skip. */
typedef struct {
	uint64_t max_file_size;        /* bytes of one file or blob */
	unsigned max_archive_depth;    /* nesting of archives in archives */
	uint64_t max_archive_entries;  /* entries read from one archive */
	uint64_t max_decompressed;     /* bytes decompressed from one archive */
	unsigned max_ratio;            /* decompressed / compressed */
	unsigned max_decoded_depth;    /* base64/percent decoding levels */
	unsigned max_findings_per_blob;
} keyhound_limits;

#define KEYHOUND_LIMITS_INIT { 50u << 20, 3, 100000, 4ull << 30, 100, 2, 1000 }

/* Bits of keyhound_options.limits_given: limits the caller set (on the command line),
 * which a configuration file's `limits` does not override. */
enum {
	KEYHOUND_LIMIT_MAX_FILE_SIZE = 1 << 0,
	KEYHOUND_LIMIT_MAX_ARCHIVE_DEPTH = 1 << 1,
	KEYHOUND_LIMIT_MAX_ARCHIVE_ENTRIES = 1 << 2,
	KEYHOUND_LIMIT_MAX_DECOMPRESSED = 1 << 3,
	KEYHOUND_LIMIT_MAX_RATIO = 1 << 4,
	KEYHOUND_LIMIT_MAX_DECODED_DEPTH = 1 << 5,
	KEYHOUND_LIMIT_MAX_FINDINGS_PER_BLOB = 1 << 6,
};

#define KEYHOUND_OPTIONS_VERSION 1
typedef struct {
	unsigned version;
	const char *const *rule_dirs;  /* added to the built-in rules */
	size_t n_rule_dirs;
	int no_default_rules;          /* use only rule_dirs */
	const char *default_rules_dir; /* NULL: the source tree's pack when it is there, else
				        * the installed one (share/keyhound/patterns) */
	const char *config_path;       /* .keyhound.yml; NULL: none */
	const char *baseline_path;
	keyhound_confidence min_confidence;
	unsigned threads;              /* 0: number of cores */
	int show_secrets;
	int strict;
	keyhound_limits limits;
	unsigned limits_given;         /* KEYHOUND_LIMIT_* bits: these win over the config file */
	/* baselines of other tools, matched to findings where possible (triage) */
	const char *gitleaksignore_path;   /* .gitleaksignore, or NULL */
	const char *detect_secrets_path;   /* detect-secrets .secrets.baseline, or NULL */
	/* the configuration's text when it is not a file (a bare repository's, from HEAD's
	 * tree); config_path then names it, and relative paths in it are from its folder */
	const char *config_text;
	size_t config_text_len;
	/* config_path is the scanned repository's own file (found, not named by the user): it
	 * can only narrow what is reported (no limits, no allowlist that allows everything,
	 * nothing read from outside its folder) */
	int config_untrusted;
	/* findings of rules below this severity are dropped (counted as suppressed); 0: none */
	keyhound_severity min_severity;
	/* git and sweep: one finding per blob holding a secret, not one per (rule, path,
	 * secret) with its occurrences counted */
	int all_occurrences;
	/* keep what --verify needs (the raw secret and its paired parts, until checked) for
	 * the rules that verify: set only from the command line (DESIGN "Network") */
	int verify;
	/* the built-in rules compiled at build time (keyhound-rules.hsdb); a stale or foreign
	 * file is ignored. NULL: the installed share/keyhound's */
	const char *rules_db_path;
	/* where rules compiled at start are cached (created 0700); NULL: not cached. The
	 * library reads no environment: the program passes $XDG_CACHE_HOME/keyhound */
	const char *cache_dir;
} keyhound_options;

#define KEYHOUND_OPTIONS_INIT { KEYHOUND_OPTIONS_VERSION, NULL, 0, 0, NULL, NULL, NULL, \
	KEYHOUND_CONF_LOW, 0, 0, 0, KEYHOUND_LIMITS_INIT, 0, NULL, NULL, NULL, 0, 0, 0, 0, 0, NULL, NULL }

/* One finding. Strings are owned by the report; NULL means "not applicable". */
typedef struct {
	const char *rule_id, *rule_name;
	keyhound_severity severity;
	keyhound_confidence confidence;
	const char *secret, *match;     /* redacted unless show_secrets */
	double entropy;
	const char *fingerprint;        /* hex of hash(rule_id, path, secret) */
	keyhound_source_kind source;
	const char *path;
	unsigned long line, column, end_line, end_column;
	/* git */
	const char *commit, *author, *email, *date, *message, *repository;
	int in_head;                    /* -1 unknown, 0, 1 */
	int commit_message;
	/* the same blob sits at this many more paths of the history, not reported (a blob is
	 * reported at its first 100 paths; a git bomb puts one at a million) */
	unsigned long more_paths;
	/* image */
	const char *image, *platform, *layer, *created_by, *deleted_in_layer, *config_field;
	long layer_index;               /* -1 when not an image */
	const char *decoded;            /* "base64", "percent" or NULL */
	/* where the file sits relative to the git work tree holding it, else to the root
	 * named ("a.zip!inner" inside archives): what fingerprints, baselines and allowlists
	 * use. path is where the user can open it (scan: the root as typed joined with it). */
	const char *root_path;
	/* git and sweep: distinct versions (blobs) at this path holding the secret (1 under
	 * all-occurrences; 0 for other sources), and the commit that put the newest there */
	unsigned long occurrences;
	const char *last_commit;
	/* --verify (keyhound_report_verify): status NULL when the finding was not checked */
	struct {
		const char *status;     /* "live", "invalid" or "unknown" */
		const char *reason;     /* why, for unknown ("host-not-allowed", "timeout", ...) and
					 * the answer for the others ("http-200") */
		const char *checked_at; /* RFC 3339, UTC */
		const char *identity;   /* who the key belongs to, when the answer says; may be NULL */
		const char *scopes;     /* what it can do, when the answer says; may be NULL */
		const char *rotate;     /* where to revoke it (the rule's link); may be NULL */
		int cached;             /* the verdict came from the cache */
	} verification;
} keyhound_finding;

typedef struct keyhound_engine keyhound_engine;
typedef struct keyhound_scan keyhound_scan;
typedef struct keyhound_report keyhound_report;

/* Load and compile the rules and configuration. */
int keyhound_engine_new(keyhound_engine **out, const keyhound_options *opts);
void keyhound_engine_free(keyhound_engine *engine);
/* Number of rules loaded, and the rule pack's version string. */
size_t keyhound_engine_rule_count(const keyhound_engine *engine);
const char *keyhound_engine_rules_version(const keyhound_engine *engine);

/* A copy of text with every secret any rule matches in it masked (as in reports), or
 * the text as it is when the engine shows secrets: for messages the caller prints.
 * The caller frees *out with free(). */
int keyhound_engine_redact(const keyhound_engine *engine, const char *text, char **out);

/* The version and rule count of the pack the shipped compiled rules (opts->rules_db_path,
 * else the library's default) were built from, read from the file's header without loading
 * any rule: for `keyhound --version`. version holds at least 17 bytes. 0, or
 * KEYHOUND_ENOTFOUND when there is no such file. */
int keyhound_shipped_rules(const keyhound_options *opts, char *version, size_t *n_rules);

/* Serialize the compiled rules for a generic x86-64 target, to ship beside the
 * program as keyhound-rules.hsdb (done at build time). */
int keyhound_engine_write_db(const keyhound_engine *engine, const char *path);

/* Rule listing: id, name, severity, confidence, pattern (NULL for path rules),
 * path globs, the keyword gate (none: the pattern alone is scanned) and the factor
 * scanned in the pattern's place (NULL: none). */
typedef struct {
	const char *id, *name, *pattern, *file, *factor;
	keyhound_severity severity;
	keyhound_confidence confidence;
	const char *const *paths;
	size_t n_paths;
	const char *const *keywords;
	size_t n_keywords;
	const char *verify;         /* the live check, as JSON (README "Verification"), or NULL */
} keyhound_rule_info;
int keyhound_engine_rule(const keyhound_engine *engine, size_t i, keyhound_rule_info *out);

/* Run every rule's examples and negative examples through the whole pipeline.
 * Writes one line per failure to err; *failures gets the count. */
int keyhound_engine_check_rules(const keyhound_engine *engine, FILE *err, size_t *failures);

/* A scan: one or more sources feeding one report. */
int keyhound_scan_new(keyhound_scan **out, const keyhound_engine *engine);
void keyhound_scan_free(keyhound_scan *scan);

/* Files and folders; "-" is stdin. */
int keyhound_scan_paths(keyhound_scan *scan, const char *const *paths, size_t n,
			const char *stdin_path);
/* A buffer, as if it were a file at path (used by tests and rules check). */
int keyhound_scan_buffer(keyhound_scan *scan, const void *data, size_t len, const char *path);

typedef enum {
	KEYHOUND_GIT_HISTORY = 0,
	KEYHOUND_GIT_STAGED,
	KEYHOUND_GIT_PRE_PUSH,
	KEYHOUND_GIT_RANGE,
} keyhound_git_mode;

#define KEYHOUND_GIT_OPTIONS_VERSION 1
typedef struct {
	unsigned version;
	const char *repo;           /* NULL: discover from the current folder / environment */
	keyhound_git_mode mode;
	const char *range;          /* "A..B" for KEYHOUND_GIT_RANGE */
	int all_objects;
	FILE *pre_push_input;       /* stdin for KEYHOUND_GIT_PRE_PUSH */
	uint64_t max_tree_memory;   /* history: bytes of trees the walk keeps to compare the
				     * next tree at the same folder with (past it those are
				     * walked whole, slower); 0: 64 MiB */
	/* git's environment, which the library does not read (the program passes its own;
	 * NULL: unset), used when repo is NULL: a hook runs with GIT_DIR and GIT_INDEX_FILE
	 * set (`git commit -- path` names a temporary index). GIT_DIR, GIT_WORK_TREE,
	 * GIT_INDEX_FILE, GIT_OBJECT_DIRECTORY, GIT_ALTERNATE_OBJECT_DIRECTORIES and
	 * GIT_COMMON_DIR. (Opening such a repository through libgit2 still lets libgit2
	 * read them itself.) */
	const char *git_dir, *work_tree, *index_file, *object_directory,
		*alternate_object_directories, *common_dir;
	/* the pre-commit framework's PRE_COMMIT_FROM_REF, _TO_REF and _LOCAL_BRANCH, and
	 * whether PRE_COMMIT is set: under it a pre-push hook's stdin is consumed */
	const char *pre_commit_from_ref, *pre_commit_to_ref, *pre_commit_local_branch;
	int pre_commit;
	int timing;                 /* each step's time on stderr (bench/git.sh) */
	int staged_libgit2;         /* staged changes read through libgit2 only (tests) */
	uint64_t max_blob_memory;   /* history: a blob larger than this (and within
				     * max_file_size) is read and matched in pieces of this
				     * size, never held whole; 0: 64 MiB, at least 1 MiB */
} keyhound_git_options;
#define KEYHOUND_GIT_OPTIONS_INIT { KEYHOUND_GIT_OPTIONS_VERSION, NULL, KEYHOUND_GIT_HISTORY, NULL, 0, \
	NULL, 0, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, 0, 0, 0, 0 }
int keyhound_scan_git(keyhound_scan *scan, const keyhound_git_options *opts);

/* The .keyhound.yml of a bare repository: the file in HEAD's tree. *text (free()) and
 * *len on success; KEYHOUND_ENOTFOUND when the repository is not bare or has none. */
int keyhound_git_head_config(const char *repo, char **text, size_t *len);
/* The .keyhound.yml of revision rev's tree (NULL: HEAD, bare repositories only). */
int keyhound_git_config_at(const char *repo, const char *rev, char **text, size_t *len);
/* Where a new branch at revision tip leaves what the remote has: the nearest merge base
 * with a remote-tracking ref, as hex in *base (free()); KEYHOUND_ENOTFOUND when none. */
int keyhound_git_fork_point(const char *repo, const char *tip, char **base);

/* Git hooks: write keyhound's pre-commit and/or pre-push hook (hooks/ in the source shows
 * them) into the repository's hooks folder, core.hooksPath included. Each runs `program`
 * (an absolute path) and fails closed, naming the fix, if it is gone. A hook file keyhound
 * did not write is replaced only with force. With global, the hooks go to global_dir, the
 * user's global core.hooksPath is set to it (HOME's git configuration), and every client
 * hook name there runs keyhound where it applies, then the repository's own hook of that
 * name. installed / removed (may be NULL) get the paths, one a line (free() it). */
enum { KEYHOUND_HOOK_PRE_COMMIT = 1, KEYHOUND_HOOK_PRE_PUSH = 2 };
#define KEYHOUND_HOOK_OPTIONS_VERSION 1
typedef struct {
	unsigned version;
	const char *repo;           /* NULL: the current folder's repository */
	unsigned hooks;             /* 0: both */
	int force;
	const char *program;        /* absolute path of the keyhound the hooks run */
	int global;
	const char *global_dir;     /* with global: the folder of the user's hooks */
} keyhound_hook_options;
#define KEYHOUND_HOOK_OPTIONS_INIT { KEYHOUND_HOOK_OPTIONS_VERSION, NULL, 0, 0, NULL, 0, NULL }
int keyhound_hook_install(const keyhound_hook_options *opts, char **installed);
/* Remove the hooks keyhound wrote (with global: its global folder's, and core.hooksPath
 * when it names that folder). Hooks written by others are left alone. */
int keyhound_hook_uninstall(const keyhound_hook_options *opts, char **removed);

#define KEYHOUND_IMAGE_OPTIONS_VERSION 1
typedef struct {
	unsigned version;
	const char *input;          /* archive, OCI folder, or "-" */
	const char *platform;       /* "os/arch" or NULL for all */
} keyhound_image_options;
#define KEYHOUND_IMAGE_OPTIONS_INIT { KEYHOUND_IMAGE_OPTIONS_VERSION, NULL, NULL }
int keyhound_scan_image(keyhound_scan *scan, const keyhound_image_options *opts);

#define KEYHOUND_SWEEP_OPTIONS_VERSION 2
typedef struct {
	unsigned version;
	const char *const *inputs;  /* repositories (bare or not), or folders searched for them */
	size_t n_inputs;
	const char *repos_file;     /* a file listing inputs, one a line; NULL: none */
	const char *state_path;     /* SQLite state; NULL: keyhound-sweep.db in the current folder */
	int new_only;               /* report only findings no earlier run reported */
	unsigned jobs;              /* repositories swept at once; 0: 1 */
	unsigned shard_index;       /* K of K/N (from 0, as JOB_COMPLETION_INDEX) */
	unsigned shard_count;       /* N of K/N; 0: no sharding */
	/* clone URLs among the inputs are kept as bare mirrors under this folder (NULL: a URL
	 * is refused), fetched by the git program */
	const char *mirror_dir;
	unsigned fetch_timeout;     /* seconds one clone or fetch may take; 0: 1800 */
	uint64_t mirror_budget;     /* bytes the mirror folder may hold before new clones are
				     * skipped; 0: no budget */
	int include_pull_refs;      /* fetch refs/pull/ and refs/merge-requests/ too */
	int include_wikis;          /* each URL's wiki (<path>.wiki.git) too, when it has one */
	/* repositories listed through the forges' APIs (they need mirror_dir) */
	const char *github_org, *github_user, *gitlab_group;
	const char *api_url;        /* GitHub Enterprise's or a self-managed GitLab's API; NULL:
				     * api.github.com, gitlab.com */
	const char *github_token, *gitlab_token;   /* NULL: anonymous */
	int include_forks;          /* forks are left out unless this is set */
	int exclude_archived;       /* archived repositories are in unless this is set */
	const char *topic;          /* only repositories with this topic; NULL: all */
	const char *const *exclude_repos;  /* globs over "owner/name" left out */
	size_t n_exclude_repos;
	unsigned pause_ms;          /* a pause after each repository is committed (tests) */
	/* walk again the repositories whose last sweep had errors, though their refs did not
	 * change (otherwise their recorded errors are reported again, unwalked) */
	int retry_errors;
	/* the library reads no environment; the program passes its own: */
	const char *const *environment; /* git's, for clones and fetches ("NAME=value", NULL
					 * last); NULL: only the variables keyhound sets */
	const char *tmp_dir;        /* where git's askpass helper is written; NULL: /tmp */
	/* the forges' API listings' testing overrides, as keyhound_verify_options' */
	const char *connect_to, *cainfo;
} keyhound_sweep_options;
#define KEYHOUND_SWEEP_OPTIONS_INIT { KEYHOUND_SWEEP_OPTIONS_VERSION, NULL, 0, NULL, NULL, 0, 1, 0, 0, \
	NULL, 0, 0, 0, 0, NULL, NULL, NULL, NULL, NULL, NULL, 0, 0, NULL, NULL, 0, 0, 0, NULL, NULL, \
	NULL, NULL }
#define KEYHOUND_SWEEP_STATE_DEFAULT "keyhound-sweep.db"
/* Sweep many repositories: each blob matched once across all of them and across runs
 * (the state remembers), judged at every place it occurs in each repository. */
int keyhound_scan_sweep(keyhound_scan *scan, const keyhound_sweep_options *opts);
/* Once a sweep's report is delivered (written whole and durable), record its findings in
 * the state as reported, so that --new-only does not report them again. A run that dies
 * before this reports them again: alerts are delivered at least once. */
int keyhound_sweep_mark_reported(const keyhound_report *report, const keyhound_sweep_options *opts);

/* Combine JSON reports (the shards of a sweep) into one: findings in a deterministic
 * order, summaries added. */
int keyhound_report_merge(keyhound_report **out, const char *const *paths, size_t n);

/* Findings as they are found: cb gets each finding the report will hold, redacted as
 * the report is (the secret, and every secret in commit messages, authors and
 * created_by, unless show_secrets), borrowed for the call. It is called from the
 * scanning threads, one call at a time (never two at once), in no fixed order: the
 * report, at keyhound_scan_finish, has them sorted. A sweep's findings come as each
 * repository is finished. cb returns 0 to go on, anything else to stop: the scan
 * then reads no more blobs, and the scan calls (keyhound_scan_finish included, which
 * still hands out the report of what was found) return KEYHOUND_EUSER. Set it before
 * the first scan call; not thread-safe with scan calls on the same scan. */
typedef int (*keyhound_finding_cb)(const keyhound_finding *f, void *payload);
void keyhound_scan_set_finding_cb(keyhound_scan *scan, keyhound_finding_cb cb, void *payload);

/* Progress callback, called from the scanning thread now and then. */
typedef void (*keyhound_progress_cb)(uint64_t bytes, uint64_t blobs, void *payload);
void keyhound_scan_set_progress(keyhound_scan *scan, keyhound_progress_cb cb, void *payload);
/* Bytes and blobs scanned so far, from any thread while the scan runs (before
 * keyhound_scan_finish): a progress display polls it, whatever the source. */
void keyhound_scan_progress(keyhound_scan *scan, uint64_t *bytes, uint64_t *blobs);

/* Wait for every blob, then hand over the report (sorted, deterministic). */
int keyhound_scan_finish(keyhound_scan *scan, keyhound_report **out);

void keyhound_report_free(keyhound_report *report);
size_t keyhound_report_count(const keyhound_report *report);
/* What the scan named, as its user knows it: an image's first tag (else its id); NULL for
 * other scans. */
const char *keyhound_report_target(const keyhound_report *report);
const keyhound_finding *keyhound_report_get(const keyhound_report *report, size_t i);

typedef struct {
	uint64_t bytes, blobs, findings, errors, skipped;
} keyhound_summary;
void keyhound_report_summary(const keyhound_report *report, keyhound_summary *out);

/* The i-th listed error (input that could not be scanned): where and why, borrowed from
 * the report. KEYHOUND_ENOTFOUND past the last one. */
int keyhound_report_error(const keyhound_report *report, size_t i, const char **location,
			  const char **reason);

/* Exit code per DESIGN.md: 0 clean, 1 findings, 2 errors (or skips with strict). */
int keyhound_report_exit_code(const keyhound_report *report, int strict);
/* The same with `findings` in place of the 1 (--exit-code N): N when findings remain and
 * N is not 0, else 2 when some input could not be scanned (or a skip under strict), else 0. */
int keyhound_report_exit_code_n(const keyhound_report *report, int strict, int findings);

typedef enum {
	KEYHOUND_FORMAT_HUMAN = 0,
	KEYHOUND_FORMAT_JSON,
	KEYHOUND_FORMAT_JSONL,
	KEYHOUND_FORMAT_SARIF,
	KEYHOUND_FORMAT_GITLAB,     /* GitLab's secret-detection report */
} keyhound_format;

#define KEYHOUND_WRITE_OPTIONS_VERSION 1
typedef struct {
	unsigned version;
	int color;                  /* human: ANSI colour */
	int quiet;                  /* human: findings only */
	const keyhound_engine *engine; /* for rule metadata (SARIF); may be NULL */
	/* SARIF runs[0].automationDetails.id (GitHub's alert category); NULL: "keyhound/" */
	const char *sarif_category;
} keyhound_write_options;
#define KEYHOUND_WRITE_OPTIONS_INIT { KEYHOUND_WRITE_OPTIONS_VERSION, 0, 0, NULL, NULL }
/* SARIF results kept in a run (GitHub code scanning accepts at most 25,000): past it the most
 * severe are kept and the run's properties say how many were dropped. */
#define KEYHOUND_SARIF_MAX_RESULTS 25000
int keyhound_report_write(const keyhound_report *report, FILE *out, keyhound_format format,
			  const keyhound_write_options *opts);

/* ---- live verification (--verify; README "Verification") ---- */
#define KEYHOUND_VERIFY_OPTIONS_VERSION 1
typedef struct {
	unsigned version;
	const char *const *rules;   /* only these rule ids get traffic (--verify-rules); NULL: all */
	size_t n_rules;
	const char *const *exclude; /* never these (--verify-exclude) */
	size_t n_exclude;
	unsigned timeout_s;         /* everything together, Retry-After waits included; 0: 60 */
	unsigned concurrency;       /* requests at once; 0: 8 */
	int cache;                  /* 1: the verdicts cache at cache_path; 0: no cache */
	/* the library reads no environment: the program passes $XDG_CACHE_HOME/keyhound/verify.db
	 * (or ~/.cache/...); NULL: no cache */
	const char *cache_path;
	/* testing overrides (the program's KEYHOUND_CONNECT_TO and KEYHOUND_CAINFO; NULL: none):
	 * "host:port:127.0.0.1:port,..." sends those hosts' requests to loopback, and cainfo is
	 * a CA file trusted for them only. Announced on stderr when set. */
	const char *connect_to, *cainfo;
} keyhound_verify_options;
#define KEYHOUND_VERIFY_OPTIONS_INIT { KEYHOUND_VERIFY_OPTIONS_VERSION, NULL, 0, NULL, 0, 0, 0, 1, NULL, \
	NULL, NULL }

/* Check every finding of a rule that verifies, each distinct secret once, and fill its
 * `verification`. Failures of the checks are verdicts (unknown), never an error; errors
 * are for what stops all checks (libcurl missing, a bad KEYHOUND_CONNECT_TO). The engine
 * must have been made with options.verify. requests (may be NULL) gets the number sent. */
int keyhound_report_verify(keyhound_report *report, const keyhound_engine *engine,
			   const keyhound_verify_options *opts, unsigned long *requests);
/* Drop every finding whose verification is not live (--only-live). */
void keyhound_report_keep_live(keyhound_report *report);

/* Baseline: write the fingerprints of a report's findings. */
int keyhound_report_write_baseline(const keyhound_report *report, FILE *out);

#ifdef __cplusplus
}
#endif
#endif
