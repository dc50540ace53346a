/* SPDX-License-Identifier: Apache-2.0 */
/* libFuzzer target for keyhound baselines (--baseline, a configuration's baseline): JSON
 * with a "fingerprints" list. */
#include "fuzz_common.h"
#include "filter/baseline.h"
#include "filter/judge.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	kh_policy pol = {0};
	kh_baseline_load(&pol, fuzz_file("baseline.json", data, size));
	for (size_t i = 0; i < pol.n_baseline; i++)
		free(pol.baseline[i]);
	free(pol.baseline);
	return 0;
}
