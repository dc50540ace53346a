/* SPDX-License-Identifier: Apache-2.0 */
/* libFuzzer target for the parsed-rules cache reader. The file carries an HMAC under the
 * cache folder's key; the target signs each input with that key, so the parser behind the
 * check (every length against what is left) is what gets fuzzed. */
#include "fuzz_common.h"
#include "rules/rules.h"
#include "rules/ruleset.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	uint8_t secret[32], mac[32];
	uint64_t key = 0;
	kh_rule *rules = NULL;
	size_t n = 0;
	if (kh_cache_secret(fuzz_dir(), secret) < 0)
		abort();
	unsigned char *signed_data = malloc(size + 32);
	memcpy(signed_data, data, size);
	kh_cache_mac(secret, data, size, mac);
	memcpy(signed_data + size, mac, 32);
	if (size >= 16)
		memcpy(&key, data + 8, 8);
	const char *path = fuzz_file("parsed.khr", signed_data, size + 32);
	free(signed_data);
	kh_rules_pack pack = {0};
	if (kh_rules_cache_read(path, fuzz_dir(), key, &rules, &n, &pack) == 0) {
		for (size_t i = 0; i < n; i++)
			kh_rule_clear(&rules[i]);
		kh_rules_pack_free(&pack);
	}
	return 0;
}
