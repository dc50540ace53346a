/* SPDX-License-Identifier: Apache-2.0 */
/* Baselines: keyhound's own (fingerprints) and those of the tools people migrate
 * from (.gitleaksignore, detect-secrets' .secrets.baseline), matched to findings. */
#ifndef KH_BASELINE_H
#define KH_BASELINE_H

#include "core/kh.h"
#include "rules/ruleset.h"

struct kh_policy;
/* Add the fingerprints of a keyhound baseline file to pol->baseline (kept sorted). */
int kh_baseline_load(struct kh_policy *pol, const char *path);

typedef struct kh_migration kh_migration;

/* Read a .gitleaksignore / a detect-secrets baseline into *m (created when NULL).
 * Lines that cannot be read are counted and described in notes. */
int kh_migration_load_gitleaks(kh_migration **m, const char *path, char ***notes, size_t *n_notes);
int kh_migration_load_detect_secrets(kh_migration **m, const char *path, char ***notes,
				     size_t *n_notes);
void kh_migration_free(kh_migration *m);
size_t kh_migration_count(const kh_migration *m);

/* Does an entry match this finding? Sets hits[i] for every entry i that does. */
bool kh_migration_match(const kh_migration *m, const kh_ruleset *rs, const char *rule_id,
			const char *path, const char *commit, unsigned long line, const char *secret,
			size_t n, unsigned char *hits);

/* Per report: which migration entries matched, and the fingerprints a baseline
 * suppressed (so --write-baseline keeps them). */
/* Called under the report's lock. */
void kh_triage_note_baselined(keyhound_report *r, const char *fp);
/* After a scan: a summary note per migration file on how many entries matched nothing. */
void kh_migration_report(const kh_migration *m, keyhound_report *r);

#endif
