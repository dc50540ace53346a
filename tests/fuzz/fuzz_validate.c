/* SPDX-License-Identifier: Apache-2.0 */
/* libFuzzer target for the named checksum checks of rules (rules/validate.c): the first byte
 * picks the check, the rest is the matched secret. Whatever the bytes, a check answers 0 or 1,
 * reads only the secret it is given, and answers the same twice. */
#include "fuzz_common.h"
#include "core/kh.h"
#include "rules/ruleset.h"

static const char *const names[] = {"github-crc32", "npm-crc32", "grafana-crc32", "bech32",
				    "sentry-org-payload"};

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *name;
	char *secret;
	int a, b;

	if (size == 0)
		return 0;
	name = names[data[0] % (sizeof(names) / sizeof(names[0]))];
	/* an exact-size copy, so ASan sees any read past the secret */
	secret = malloc(size - 1 ? size - 1 : 1);
	memcpy(secret, data + 1, size - 1);
	a = kh_validate(name, secret, size - 1);
	b = kh_validate(name, secret, size - 1);
	if ((a != 0 && a != 1) || a != b)
		abort();
	free(secret);
	return 0;
}
