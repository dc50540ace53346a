/* SPDX-License-Identifier: Apache-2.0 */
/* libFuzzer target for rule files: arbitrary bytes as a patterns/*.yml (every key, type,
 * example form). The loader is static in rules.c, so the file is compiled in here. */
#include "fuzz_common.h"
#include "rules/rules.c"
#include "rules/ruleset.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	kh_rule *rules = NULL;
	size_t n = 0, cap = 0;
	load_file("fuzz.yml", data, size, &rules, &n, &cap);
	for (size_t i = 0; i < n; i++)
		kh_rule_clear(&rules[i]);
	free(rules);
	return 0;
}
