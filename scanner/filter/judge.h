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

/* Turn raw matches of a blob into findings for one occurrence (path rules, filters,
 * allowlists, baseline, line/column), adding them to the report. */
void kh_judge(const keyhound_engine *e, const kh_policy *pol, const kh_blob *blob,
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
