/* SPDX-License-Identifier: Apache-2.0 */
/* libFuzzer target for .keyhound.yml: parse (every key and type), narrow as a repository's
 * own file, and ask the allowlists about a finding. */
#include "fuzz_common.h"
#include "core/config.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	kh_config *c = NULL;
	char **notes = NULL;
	size_t n_notes = 0;
	keyhound_limits lim = KEYHOUND_LIMITS_INIT;
	if (kh_config_load_text(&c, "/tmp/.keyhound.yml", (const char *)data, size) < 0)
		return 0;
	kh_config_apply_limits(c, &lim, 0);
	kh_config_restrict(c, &notes, &n_notes);
	(void)kh_config_allows(c, "generic-password", "src/app/config.yml", "hunter2-secret", 14);
	for (size_t i = 0; i < n_notes; i++)
		free(notes[i]);
	free(notes);
	kh_config_free(c);
	return 0;
}
