/* SPDX-License-Identifier: Apache-2.0 */
/* The loaded rules, as the matcher, the judge and the printers see them (rules.h:
 * the rules module's own parts). */
#ifndef KH_RULES_RULESET_H
#define KH_RULES_RULESET_H

#include <pthread.h>
#include "core/kh.h"

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
	/* a password slot (.env's DB_PASSWORD=): a placeholder is dropped, but a weak,
	 * low-entropy or word-like value is reported at low confidence, not dropped */
	bool weak_values;
	/* a format read by position (columns, a whole file): not asked about free text
	 * (commit messages, errors), where it would take any third word for a secret */
	bool no_messages;
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
	/* its strings and lists live in the ruleset's pack (the parsed-rules cache), not the heap */
	bool borrowed;
	/* compiled */
	void *re;               /* pcre2_code*, compiled on first use: kh_rule_code() */
	unsigned long long max_width; /* from Hyperscan; ULLONG_MAX when unbounded */
	/* set with re: -1 when a match may hold a newline, else how far past the end of its
	 * line a match's lookaheads read (kh_pattern_line_reach) */
	int line_reach;
	struct kh_back *back;   /* set with re: where a match ending at a hit can start, or NULL */
	bool prefilter;
	unsigned hs_index;      /* its first Hyperscan id (a gated rule has one per keyword), or UINT_MAX for path rules */
	/* a gated rule whose keywords are everyday words in code (key, token, pass...): Hyperscan
	 * scans its pattern (prefiltered) in the shared database, and PCRE2's match counts only
	 * near a keyword, as for any gated rule */
	bool common_keywords;
} kh_rule;

/* A rule scoped to paths has a database of its own, scanned only over a blob at one of
 * its paths: a config-file shape such as chap-secrets' "three words on a line" hits on
 * most lines of any text, and in the shared database it cost Hyperscan 3x over C headers. */
typedef struct {
	void *db;               /* hs_database_t* over the rule's pattern, factor or keywords;
				 * from a file, NULL until a blob first needs it (kh_scoped_db) */
	size_t mapped;          /* its length when it lives in our own mapping, else 0 */
	unsigned rule;
	const unsigned char *ser; /* its serialized bytes (in the ruleset's file_buf), or NULL */
	size_t ser_len;
} kh_hs_scoped;

typedef struct kh_ruleset {
	kh_rule *rules;         /* in pack when read from the parsed-rules cache, else the heap */
	size_t n_rules;
	void *pack;             /* the parsed-rules cache's mapping the rules borrow from, or NULL */
	size_t pack_len;
	void *hs_db;            /* hs_database_t* over the rules that apply at any path */
	void *hs_arena;         /* loaded from a file: hs_db lives here (huge pages), else NULL */
	size_t hs_arena_len;
	kh_hs_scoped *hs_scoped; /* one database per rule scoped to paths */
	size_t n_hs_scoped;
	void *file_buf;         /* the database file as read (huge pages): scoped parts load from it */
	size_t file_buf_len;
	void *hs_proto;         /* hs_scratch_t* fit for the shared database: each worker
				 * clones it (allocating checks a database's checksum each time) */
	unsigned *hs_to_rule;   /* Hyperscan id -> rule index */
	unsigned char *hs_keyword_len; /* per Hyperscan id: the keyword's length, 0 for a pattern */
	size_t n_hs;
	char version[32];       /* hash of the rule texts */
	pthread_mutex_t re_lock; /* guards the lazy PCRE2 compiles and scoped databases */
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
/* The database of scoped rule i (hs_database_t*), loaded from the rules file on first
 * use: a scan of files at none of their paths never pays for them. NULL: damaged. */
const void *kh_scoped_db(const kh_ruleset *rs, size_t i);

/* The earliest byte a match ending at `end` can start at, walking back over data from end
 * (never before `floor`): a run of the bytes an unbounded part takes, a bounded part's
 * width... (rules/span.c, kh_pattern_back). */
typedef struct kh_back kh_back;
size_t kh_back_start(const kh_back *b, const unsigned char *data, size_t floor, size_t end);

/* validate (rules/validate.c): named checksum checks. 1 valid, 0 invalid, -1 unknown name. */
int kh_validate(const char *name, const char *secret, size_t len);
bool kh_validate_known(const char *name);

/* The keyword gate: keyword lengths, and how near a keyword a match must start
 * (bytes before the keyword's first byte or after its last). */
#define KH_KEYWORD_MIN 2
#define KH_KEYWORD_MAX 64
#define KH_KEYWORD_NEAR 256
/* A factor (a part of every match that Hyperscan scans instead of the pattern) ends at
 * most this many bytes after the match's start. */
#define KH_FACTOR_REACH 256
/* The most a lookahead of a one-line pattern may read past its line's end. */
#define KH_LINE_REACH_MAX 64

#endif
