/* SPDX-License-Identifier: Apache-2.0 */
/* libFuzzer target for keyhound baselines (--baseline, a configuration's baseline): JSON
 * with a "fingerprints" list. */
#include "fuzz_common.h"
#include "engine.h"
#include "filter/baseline.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	keyhound_engine *e = kh_calloc(1, sizeof(*e));
	kh_baseline_load(e, fuzz_file("baseline.json", data, size));
	for (size_t i = 0; i < e->policy.n_baseline; i++)
		free(e->policy.baseline[i]);
	free(e->policy.baseline);
	free(e);
	return 0;
}
