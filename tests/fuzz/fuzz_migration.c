/* SPDX-License-Identifier: Apache-2.0 */
/* libFuzzer target for the baselines of the tools people migrate from: the same bytes as a
 * .gitleaksignore and as a detect-secrets .secrets.baseline, then matched to a finding. */
#include "fuzz_common.h"
#include "filter/baseline.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	kh_migration *m = NULL;
	char **notes = NULL;
	size_t n_notes = 0;
	kh_migration_load_gitleaks(&m, fuzz_file("gitleaksignore", data, size), &notes, &n_notes);
	kh_migration_load_detect_secrets(&m, fuzz_file("secrets.baseline", data, size), &notes, &n_notes);
	size_t n = kh_migration_count(m);
	unsigned char *hits = calloc(n + 1, 1);
	if (m)
		kh_migration_match(m, NULL, "generic-api-key", "src/a.py", "0123456789abcdef0123456789abcdef01234567",
				   3, "sk_live_abc", 11, hits);
	free(hits);
	for (size_t i = 0; i < n_notes; i++)
		free(notes[i]);
	free(notes);
	kh_migration_free(m);
	return 0;
}
