/* SPDX-License-Identifier: Apache-2.0 */
/* The report: a thread-safe collector of findings, skips (by reason), errors and
 * notes, that every scan fills and the printers (report/) read. */
#ifndef KH_CORE_REPORT_H
#define KH_CORE_REPORT_H

#include <pthread.h>
#include <stdatomic.h>
#include "core/kh.h"

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
	uint64_t commit_rank;           /* git: the commit's place in history (0: unknown) */
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
	uint64_t inline_suppressed;     /* keyhound:allow and the markers of other tools */
	uint64_t severity_suppressed;   /* below --min-severity */
	char *rules_version;
	char *target;                   /* what the scan named, as its user knows it (an image's
					 * first tag), or NULL: the SARIF category's default */
	int show_secrets;
	char **notes;                   /* extra summary lines ("12 .gitleaksignore entries unmatched") */
	size_t n_notes;
	void *extra;                    /* source-specific summary JSON (json_t*), may be NULL */
	struct kh_report_triage *triage; /* baseline and migration matches (filter/baseline.c) */
	/* where each finding also goes as it is added (the scan's findings callback; NULL:
	 * nowhere), called under lock; nonzero stops the scan (stopped) */
	int (*sink)(const kh_finding_rec *rec, void *payload);
	void *sink_payload;
	_Atomic bool stopped;
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
	KH_SKIP_ARCHIVE_UNREADABLE, /* looks like an archive, does not open as one: scanned as
				     * plain bytes (or, read half-way, what came before) */
	KH_SKIP_TRANSCODE,          /* UTF-16 text or JSON escapes in a blob over 4 MB: not undone */
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
/* The scanned thing's name (the first one set stays). */
void kh_report_set_target(keyhound_report *r, const char *name);
void kh_report_add_bytes(keyhound_report *r, uint64_t bytes, uint64_t blobs);
/* Takes ownership of the strings inside rec->f; hands the finding to the sink. */
void kh_report_add(keyhound_report *r, kh_finding_rec *rec);
/* KEYHOUND_EUSER when the sink asked to stop, else error. */
int kh_report_status(keyhound_report *r, int error);
void kh_report_sort(keyhound_report *r);
/* git and sweep findings: one per (repository, rule, root_path, secret), with the
 * first occurrence's commit and place, occurrences (distinct blobs), last_commit and
 * in_head of them all. Findings of other sources are left as they are. */
void kh_report_group(keyhound_report *r);

void kh_finding_clear(keyhound_finding *f);
/* Its verification only (status, reason, checked_at, identity, scopes, rotate, cached). */
void kh_finding_clear_verification(keyhound_finding *f);

#endif
