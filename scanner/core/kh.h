/* SPDX-License-Identifier: Apache-2.0 */
/* Internal types shared by the library's modules: blobs and their origins,
 * raw matches, the pipeline a source feeds, and the report it fills. */
#ifndef KH_CORE_H
#define KH_CORE_H

#include <pthread.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "keyhound/keyhound.h"

/* ---- errors ---- */
/* Set the thread's last error message; returns code. */
int kh_error(int code, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* ---- memory and strings ---- */
void *kh_malloc(size_t n);            /* abort()s on OOM: sizes are bounded by limits */
/* kh_malloc for a large buffer about to be filled whole (a file's bytes): in huge pages
 * where the system allows, mapped in one go rather than one trap per page. */
void *kh_malloc_filled(size_t n);
void *kh_calloc(size_t n, size_t m);
void *kh_realloc(void *p, size_t n);
char *kh_strdup(const char *s);       /* NULL in, NULL out */
char *kh_strndup(const char *s, size_t n);
char *kh_sprintf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
bool kh_add_overflows(size_t a, size_t b, size_t *out);
bool kh_mul_overflows(size_t a, size_t b, size_t *out);

typedef struct {
	char *buf;
	size_t len, cap;
} kh_buf;
void kh_buf_put(kh_buf *b, const void *data, size_t n);
void kh_buf_puts(kh_buf *b, const char *s);
void kh_buf_putc(kh_buf *b, char c);
void kh_buf_printf(kh_buf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
char *kh_buf_detach(kh_buf *b);       /* NUL-terminated; b is reset */
void kh_buf_free(kh_buf *b);

/* ---- hashing ---- */
void kh_sha256(const void *data, size_t len, uint8_t out[32]);
typedef struct {
	uint32_t h[8];
	uint64_t len;
	uint8_t buf[64];
	size_t n;
} kh_sha256_ctx;
void kh_sha256_init(kh_sha256_ctx *c);
void kh_sha256_update(kh_sha256_ctx *c, const void *data, size_t len);
void kh_sha256_final(kh_sha256_ctx *c, uint8_t out[32]);
void kh_hex(const uint8_t *in, size_t n, char *out); /* out has 2n+1 bytes */
void kh_hmac_sha256(const uint8_t *key, size_t key_len, const void *data, size_t len,
		    uint8_t out[32]);

/* ---- glob ---- */
/* Glob on '/'-separated paths: '*' within a segment, '**' across segments, '?', [set].
 * A pattern without '/' matches the last path segment (as .gitignore does). */
bool kh_glob_match(const char *pattern, const char *path);

/* ---- rules ---- */
typedef struct {
	char *text;        /* example text */
	char *path;        /* NULL: a default path */
} kh_example;

typedef struct kh_rule {
	char *id, *name, *pattern, *validate, *file;
	char *factor;           /* what Hyperscan scans instead of the pattern: a part of every match */
	double min_entropy;
	keyhound_severity severity;
	keyhound_confidence confidence;
	/* a credential store (.pgpass, .netrc, ...): every entry is a finding; a
	 * placeholder or weak value lowers the finding's confidence instead */
	bool credential_file;
	/* a password hash: a test vector's word-like salt drops it, the line's words set
	 * the finding's confidence, and a file of many is one finding with the count */
	bool password_hash;
	char **paths;
	size_t n_paths;
	char **references;
	size_t n_references;
	/* the verify block as normalized JSON (rules/verify_spec.h), or NULL: never verified */
	char *verify;
	char **keywords;        /* literal gate: the pattern is confirmed only near one */
	size_t n_keywords;
	kh_example *examples, *negatives;
	size_t n_examples, n_negatives;
	/* compiled */
	void *re;               /* pcre2_code*, compiled on first use: kh_rule_code() */
	unsigned long long max_width; /* from Hyperscan; ULLONG_MAX when unbounded */
	bool prefilter;
	unsigned hs_index;      /* its first Hyperscan id (a gated rule has one per keyword), or UINT_MAX for path rules */
} kh_rule;

typedef struct kh_ruleset {
	kh_rule *rules;
	size_t n_rules;
	void *hs_db;            /* hs_database_t* over rules with a pattern */
	size_t hs_db_mapped;    /* its length when it lives in our own mapping, else 0 */
	unsigned *hs_to_rule;   /* Hyperscan id -> rule index */
	unsigned char *hs_keyword_len; /* per Hyperscan id: the keyword's length, 0 for a pattern */
	size_t n_hs;
	char version[32];       /* hash of the rule texts */
	pthread_mutex_t re_lock; /* guards the lazy PCRE2 compiles */
} kh_ruleset;

typedef struct {
	const char *const *dirs;
	size_t n_dirs;
	const char *const *disable; /* rule ids */
	size_t n_disable;
	const char *db_path;        /* a shipped serialized database to try first, or NULL */
	const char *cache_dir;      /* where compiled databases are cached, or NULL: none */
} kh_rules_load_opts;

int kh_ruleset_load(kh_ruleset **out, const kh_rules_load_opts *opts);
void kh_ruleset_free(kh_ruleset *rs);
const kh_rule *kh_ruleset_find(const kh_ruleset *rs, const char *id);
/* The rule's compiled PCRE2 pattern (pcre2_code*), compiled on first use so a
 * short scan pays only for the rules that hit; NULL if PCRE2 rejects it. */
const void *kh_rule_code(const kh_ruleset *rs, const kh_rule *r);

/* ---- matcher ---- */
/* A raw match in a blob: independent of where the blob sits. */
typedef struct {
	unsigned rule;                  /* index in the ruleset */
	size_t start, end;              /* the match, in the blob */
	size_t sec_start, sec_end;      /* the secret (group 1, else the whole match) */
	/* decoded matches: start/end cover the encoded run in the blob, and the secret is
	 * carried in `decoded_secret` since it is not in the blob's bytes */
	const char *decoded;            /* "base64"/"percent" or NULL */
	char *decoded_secret;
	size_t decoded_secret_len;
	char *decoded_match;
} kh_match;

typedef struct {
	kh_match *v;
	size_t n, cap;
	uint64_t match_limit_errors;    /* PCRE2 match-limit hits (counted, not "no match") */
	bool truncated;                 /* a rule reached max_findings_per_blob: some dropped */
	bool full;                      /* the blob's hard cap (KH_MATCH_HARD_CAP x the limit) */
} kh_matches;
void kh_matches_free(kh_matches *m);

/* max_findings_per_blob bounds each rule's matches in a blob, so one noisy rule (or a
 * rule that only applies at some paths) does not crowd out the others; all rules
 * together stop at this many times the limit, which bounds the memory. */
#define KH_MATCH_HARD_CAP 16
/* The keyword gate: keyword lengths, and how near a keyword a match must start
 * (bytes before the keyword's first byte or after its last). */
#define KH_KEYWORD_MIN 2
#define KH_KEYWORD_MAX 64
#define KH_KEYWORD_NEAR 256
/* A factor (a part of every match that Hyperscan scans instead of the pattern) ends at
 * most this many bytes after the match's start. */
#define KH_FACTOR_REACH 256

typedef struct kh_scratch kh_scratch;  /* per worker */
int kh_scratch_new(kh_scratch **out, const kh_ruleset *rs);
/* The paths the next blobs sit at (borrowed; NULL: unknown, every rule is matched):
 * rules scoped to paths that match none of them are skipped. Only for a blob judged at
 * exactly these paths (not for matches kept to judge at other paths later). */
void kh_scratch_set_paths(kh_scratch *s, const char *const *paths, size_t n);
void kh_scratch_free(kh_scratch *s);
/* Match every rule with a pattern against data, and what decodes from it (decode.c, the
 * layer above the matcher); appends to out. */
int kh_match_blob(const kh_ruleset *rs, kh_scratch *s, const unsigned char *data, size_t len,
		  const keyhound_limits *limits, kh_matches *out);
/* The matcher alone (match/matcher.c): data's own bytes, not decoded; appends to out. */
int kh_match_raw(const kh_ruleset *rs, kh_scratch *s, const unsigned char *data, size_t len,
		 const keyhound_limits *limits, kh_matches *out);
/* After decoding: repeats of raw matches (first..raw_end) dropped, sorted by start. */
void kh_match_finish(const unsigned char *data, kh_matches *out, size_t first, size_t raw_end);

/* A copy of text with every secret any rule matches in it masked (a message, a path,
 * an error: text that is not a line of a scanned blob). */
char *kh_match_mask(const kh_ruleset *rs, kh_scratch *s, const keyhound_limits *limits,
		    const char *text);

/* validate (rules/validate.c): named checksum checks. 1 valid, 0 invalid, -1 unknown name. */
int kh_validate(const char *name, const char *secret, size_t len);
bool kh_validate_known(const char *name);

/* ---- filters ---- */
double kh_entropy(const unsigned char *s, size_t n);
bool kh_is_placeholder(const char *s, size_t n);
bool kh_is_weak(const char *s, size_t n);
/* mean bits per letter or digit under a model of words and identifiers: higher is more random */
double kh_unnaturalness(const unsigned char *s, size_t n);
/* Keyword-only (low-confidence) rules need a value at least this unnatural: chosen
 * on the labelled corpus's tuning half (README, "Naturalness"). */
#define KH_GENERIC_MIN_UNNATURALNESS 4.5
/* The confidence a match earns from its value, or -1 to drop it: entropy under the
 * rule's floor, placeholders and (keyword-only rules) natural words drop a match,
 * except in a credential store, where every entry is a leak and a weak or stand-in
 * value only lowers the confidence (a template file's placeholders are still
 * dropped). path may be NULL: then no file is a template. */
int kh_value_confidence(const struct kh_rule *r, const char *secret, size_t sn, const char *path);

/* ---- origins and blobs ---- */
typedef struct {
	unsigned long first, last;      /* 1-based, inclusive */
} kh_line_range;

/* Where a blob sits. Strings are owned by the origin (kh_origin_clear frees them). */
typedef struct kh_origin {
	keyhound_source_kind source;
	char *path;                     /* NULL for commit messages and config fields */
	char *root_path;                /* path relative to the work tree or root (fingerprints,
					 * allowlists, path rules); NULL: the same as path */
	/* git */
	char *commit, *author, *email, *date, *message, *repository;
	int in_head;                    /* -1 unknown */
	bool commit_message;
	/* lines added by the change under scan: a finding must touch one (NULL: all lines) */
	kh_line_range *added;
	size_t n_added;
	/* image */
	char *image, *platform, *layer, *created_by, *deleted_in_layer, *config_field;
	long layer_index;               /* -1 */
} kh_origin;
#define KH_ORIGIN_INIT { .in_head = -1, .layer_index = -1 }
void kh_origin_clear(kh_origin *o);
/* The path rules, allowlists and fingerprints see: relative to the work tree or root. */
static inline const char *kh_origin_where(const kh_origin *o)
{
	return o->root_path ? o->root_path : o->path;
}
void kh_origin_copy(kh_origin *dst, const kh_origin *src);

/* A blob: bytes seen at one or more places (git: one blob at several paths). */
typedef struct kh_blob {
	unsigned char *data;            /* owned (free()) */
	size_t len;
	kh_origin *occ;                 /* owned array */
	size_t n_occ;
	uint64_t seq;                   /* set by kh_pipeline_submit: output order */
	unsigned depth;                 /* archive nesting depth */
} kh_blob;
void kh_blob_free(kh_blob *b);

/* ---- report (thread-safe collector) ---- */
/* What --verify needs of a finding, raw: wiped and freed once it is checked, never
 * printed. parts[k] holds up to KH_VERIFY_CANDIDATES values of the rule's k-th `with:`
 * part, nearest first, from the same blob. */
#define KH_VERIFY_CANDIDATES 3
typedef struct kh_verify_input {
	unsigned rule;                  /* index in the ruleset */
	char *secret;
	size_t sn;
	char *(*parts)[KH_VERIFY_CANDIDATES];
	size_t n_parts;
} kh_verify_input;
void kh_verify_input_free(kh_verify_input *v);

typedef struct kh_finding_rec {
	keyhound_finding f;             /* public view; strings owned here */
	kh_verify_input *vin;           /* --verify, rules that verify: owned, else NULL */
	uint64_t seq, occ, offset;      /* sort key */
	char *context;                  /* the finding's line, every secret on it masked (human output);
					 * may be NULL */
} kh_finding_rec;

struct keyhound_report {
	pthread_mutex_t lock;
	kh_finding_rec *v;
	size_t n, cap;
	uint64_t bytes, blobs;
	/* skips by reason */
	char **skip_reason;
	uint64_t *skip_count;
	size_t n_skip;
	/* errors: listed one by one up to KH_MAX_LISTED_ERRORS, past it only counted */
	char **err_location, **err_reason;
	size_t n_err;
	/* lines that could not be matched to findings (migration), suppressed counts */
	uint64_t baseline_suppressed, allow_suppressed;
	char *rules_version;
	int show_secrets;
	char **notes;                   /* extra summary lines ("12 .gitleaksignore entries unmatched") */
	size_t n_notes;
	void *extra;                    /* source-specific summary JSON (json_t*), may be NULL */
	struct kh_report_triage *triage; /* baseline and migration matches (filter/baseline.c) */
};
/* What triage kept for the report: which migrated entries matched, which fingerprints a
 * baseline held (filled by filter/baseline.c, freed with the report). */
struct kh_report_triage {
	unsigned char *hits;
	size_t n_hits;
	char **baselined;
	size_t n_baselined, cap_baselined;
};
void kh_report_triage_free(struct kh_report_triage *t);

#define KH_MAX_LISTED_ERRORS 10000

/* Why bytes were not read or matched: one list for every source, counted in the summary
 * under the name kh_skip_name gives (the names are a contract: reports and shard merges
 * carry them). */
typedef enum {
	KH_SKIP_NONE = 0,
	KH_SKIP_FILE_SIZE,          /* a file or archive member over max_file_size */
	KH_SKIP_BINARY,
	KH_SKIP_SYMLINK,
	KH_SKIP_SPECIAL_FILE,
	KH_SKIP_FOLDER_DEPTH,
	KH_SKIP_ARCHIVE_DEPTH,
	KH_SKIP_ARCHIVE_ENTRIES,
	KH_SKIP_ARCHIVE_TOTAL,      /* max_decompressed, archives and image layers alike */
	KH_SKIP_ARCHIVE_RATIO,
	KH_SKIP_ARCHIVE_ENCRYPTED,
	KH_SKIP_LAYERS,
	KH_SKIP_WHITEOUTS,
	KH_SKIP_FINDINGS_PER_BLOB,
	KH_SKIP_RULE_PACK,          /* keyhound's own rule file: its examples are no leaks */
	KH_SKIP_COUNT
} kh_skip;
const char *kh_skip_name(kh_skip reason);

void kh_report_init(keyhound_report *r);
void kh_report_skip(keyhound_report *r, kh_skip reason);
/* A count by name (merging reports written earlier). */
void kh_report_skip_n(keyhound_report *r, const char *reason, uint64_t n);
void kh_report_error(keyhound_report *r, const char *location, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
void kh_report_note(keyhound_report *r, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void kh_report_add_bytes(keyhound_report *r, uint64_t bytes, uint64_t blobs);
/* Takes ownership of the strings inside rec->f. */
void kh_report_add(keyhound_report *r, kh_finding_rec *rec);
void kh_report_sort(keyhound_report *r);
/* Unless secrets are shown, mask every secret any rule matches in the report's free
 * text: findings' commit messages, authors and created_by, errors and notes
 * (scanner/match/mask.c). Call once the scan is done, with no other thread on r. */
void kh_report_mask(keyhound_report *r, const kh_ruleset *rs, const keyhound_limits *limits);
void kh_finding_clear(keyhound_finding *f);

/* ---- configuration (.keyhound.yml; scanner/core/config.c) ---- */
typedef struct kh_config kh_config;
/* Parse a configuration file; errors name the key and line. */
int kh_config_load(kh_config **out, const char *path);
/* The same from text; name stands for the file in messages and relative paths. */
int kh_config_load_text(kh_config **out, const char *name, const char *text, size_t len);
void kh_config_free(kh_config *c);
/* Does an allowlist entry drop this finding? */
bool kh_config_allows(const kh_config *c, const char *rule_id, const char *path,
		      const char *secret, size_t secret_len);

/* ---- engine (immutable after creation, shared by threads) ---- */

/* What judging depends on besides the rules and the options: the configuration's
 * allowlists and the baselines. A scan has the engine's; a sweep has one per repository
 * (its own .keyhound.yml) beside the one shared, immutable engine. */
typedef struct kh_policy {
	kh_config *config;              /* may be NULL */
	/* baseline fingerprints, sorted */
	char **baseline;
	size_t n_baseline;
	struct kh_migration *migration; /* .gitleaksignore / .secrets.baseline entries, may be NULL */
} kh_policy;

struct kh_verify_spec;
struct keyhound_engine {
	kh_ruleset *rules;
	/* opts.verify: each rule's parsed verify block (NULL: it does not verify), and the
	 * rule index of each of its `with:` parts (UINT_MAX: no such rule) */
	struct kh_verify_spec **verify_specs;
	unsigned **verify_with;
	keyhound_options opts;
	bool keep_overlaps;             /* rules check: judge each rule on its own */
	kh_policy policy;               /* owned */
	char **notes;                   /* summary notes for every report (config, migration) */
	size_t n_notes;
};

/* Turn raw matches of a blob into findings for one occurrence (path rules, filters,
 * allowlists, baseline, line/column), adding them to the report. */
void kh_judge(const keyhound_engine *e, const kh_policy *pol, const kh_blob *blob,
	      size_t occ_index, const kh_matches *m, keyhound_report *report);
/* Same, returning how many findings per rule id would be reported (rules check). */

/* ---- pipeline (scanner/pipeline/pipeline.h) ---- */
typedef struct kh_pipeline kh_pipeline;

/* A blob looks binary (NUL bytes in the first 8 KiB, like git). */
bool kh_looks_binary(const unsigned char *data, size_t len);
bool kh_looks_utf16(const unsigned char *data, size_t len);

/* A scan in progress: what a source feeds. */
struct keyhound_scan {
	const keyhound_engine *engine;
	keyhound_report *report;
	kh_pipeline *pipe;
	keyhound_progress_cb progress;
	void *progress_payload;
};

#endif
