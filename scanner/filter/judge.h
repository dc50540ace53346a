/* SPDX-License-Identifier: Apache-2.0 */
/* The judge: raw matches of a blob turned into findings at one of its places, and the
 * helpers of it that other modules (printers, baselines) share. */
#ifndef KH_JUDGE_H
#define KH_JUDGE_H

#include "core/blob.h"
#include "core/config.h"
#include "core/redact.h"
#include "core/report.h"
#include "rules/ruleset.h"

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
/* What judging (and the pipeline that calls it) reads of the engine, which fills it once
 * and hands it down: the layers below the engine never see the engine's struct. */
typedef struct kh_judge_cfg {
	const kh_ruleset *rules;
	struct kh_verify_spec *const *verify_specs; /* per rule, NULL: nothing verifies */
	const unsigned *const *verify_with;         /* per rule: its `with:` parts' indexes */
	const keyhound_options *opts;
	bool keep_overlaps;             /* rules check: judge each rule on its own */
	const kh_policy *policy;        /* the engine's */
} kh_judge_cfg;

/* Turn raw matches of a blob into findings for one occurrence (path rules, filters,
 * allowlists, baseline, line/column), adding them to the report. pol NULL: cfg's. */
void kh_judge(const kh_judge_cfg *cfg, const kh_policy *pol, const kh_blob *blob,
	      size_t occ_index, const kh_matches *m, keyhound_report *report);

bool kh_rule_path_matches(const kh_rule *r, const char *path);
void kh_fingerprint(const char *rule_id, const char *path, const char *secret, size_t n,
		    char out[33]);

/* published.c: secrets nobody needs to rotate, told by where they sit (a test
 * suite's or a sample's keys, a manual page) or by what they say (an expired JWT or
 * SAS, a presigned URL's key id, a published test key, a test account's pair). */
bool kh_in_fixture_folder(const char *path);
bool kh_in_man_page(const char *path);
bool kh_published_path(const kh_rule *r, const char *path);
bool kh_published(const kh_rule *r, const char *path, const unsigned char *data, size_t len,
		  const kh_match *m, const char *secret, size_t sn);

#endif
