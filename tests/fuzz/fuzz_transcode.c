/* SPDX-License-Identifier: Apache-2.0 */
/* libFuzzer target for the whole-blob transcoders whose output is matched again: UTF-16
 * text (with a byte-order mark either way, or none) and JSON string escapes (\/, \",
 * \\, \u00XX), through kh_match_blob with a small rule set. The first input byte picks
 * how the rest is laid out (as is, widened to UTF-16LE with a mark, or UTF-16BE
 * without one) so the fuzzer reaches the UTF-16 path without learning its detection.
 * Every match must lie inside the blob, and a decoded one must carry its secret. */
#include "fuzz_common.h"
#include "core/kh.h"
#include "decode/decode.h"

static kh_ruleset *rs;
static kh_scratch *scratch;

static void setup(void)
{
	char dir[256], path[300];
	snprintf(dir, sizeof(dir), "%s/rules", fuzz_dir());
	mkdir(dir, 0700);
	snprintf(path, sizeof(path), "%s/t.yml", dir);
	FILE *f = fopen(path, "w");
	if (!f)
		abort();
	fputs("rules:\n"
	      "  - id: t\n    name: T\n    pattern: '\\b(tok_[A-Za-z0-9]{24})\\b'\n"
	      "    severity: high\n    confidence: high\n"
	      "  - id: u\n    name: U\n    pattern: 'https://[a-z]+:([^@\\s]{6,})@[a-z.]+'\n"
	      "    severity: high\n    confidence: low\n",
	      f);
	fclose(f);
	const char *dirs[1] = {dir};
	kh_rules_load_opts lo = {dirs, 1, NULL, 0, NULL, NULL};
	if (kh_ruleset_load(&rs, &lo) != 0 || kh_scratch_new(&scratch, rs) != 0)
		abort();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	keyhound_limits limits = KEYHOUND_LIMITS_INIT;
	kh_matches m = {0};
	unsigned char *blob;
	size_t len;
	if (!rs)
		setup();
	if (!size)
		return 0;
	unsigned mode = data[0] % 3;
	data++;
	size--;
	if (mode == 0) {
		blob = malloc(size + 1);
		memcpy(blob, data, size);
		len = size;
	} else {
		blob = malloc(2 * size + 2);
		len = 0;
		if (mode == 1) {
			blob[len++] = 0xFF;
			blob[len++] = 0xFE;
		}
		for (size_t i = 0; i < size; i++) {
			blob[len++] = mode == 1 ? data[i] : 0;
			blob[len++] = mode == 1 ? 0 : data[i];
		}
	}
	if (kh_match_blob(rs, scratch, blob, len, &limits, &m) == 0)
		for (size_t i = 0; i < m.n; i++) {
			const kh_match *x = &m.v[i];
			if (x->start > x->end || x->end > len || x->sec_start > x->sec_end || x->sec_end > len)
				__builtin_trap();
			if (x->decoded && !x->decoded_secret)
				__builtin_trap();
		}
	kh_matches_free(&m);
	free(blob);
	return 0;
}
