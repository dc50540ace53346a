/* SPDX-License-Identifier: Apache-2.0 */
/* libFuzzer target for the reading of rule patterns (rules/span.c): a repository's own rule
 * files are input. The bytes up to the first NUL are a pattern, the rest a text. Whatever
 * the pattern, reading it ends; the walk back stays within [floor, end]; and where PCRE2
 * compiles the pattern, every match it finds in the text starts at or after the walk's bound
 * and, for a one-line pattern, holds no newline. */
#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>

#include "fuzz_common.h"
#include "core/kh.h"
#include "rules/rules.h"
#include "rules/ruleset.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const uint8_t *nul = memchr(data, 0, size);
	size_t plen = nul ? (size_t)(nul - data) : size;
	size_t tlen = nul ? size - plen - 1 : 0;
	char *pattern = malloc(plen + 1);
	/* an exact-size copy, so ASan sees any read past the text */
	unsigned char *text = malloc(tlen ? tlen : 1);
	int err;
	PCRE2_SIZE off;

	memcpy(pattern, data, plen);
	pattern[plen] = '\0';
	if (tlen)
		memcpy(text, nul + 1, tlen);
	int reach = kh_pattern_line_reach(pattern, true);
	kh_back *b = kh_pattern_back(pattern);
	if (reach < -1 || reach > KH_LINE_REACH_MAX)
		abort();
	if (b)
		for (size_t end = 0; end <= tlen; end++) {
			size_t floor = end / 2, at = kh_back_start(b, text, floor, end);
			if (at < floor || at > end)
				abort();
		}
	pcre2_code *re = plen < 512 ? pcre2_compile((PCRE2_SPTR)pattern, plen, 0, &err, &off, NULL) : NULL;
	if (re) {
		pcre2_match_data *md = pcre2_match_data_create(16, NULL);
		pcre2_match_context *mc = pcre2_match_context_create(NULL);
		pcre2_set_match_limit(mc, 10000);
		for (size_t at = 0; at <= tlen && at < 256; at++) {
			if (pcre2_match(re, text, tlen, at, PCRE2_ANCHORED, md, mc) < 0)
				continue;
			size_t me = pcre2_get_ovector_pointer(md)[1];
			if (me < at)
				continue; /* \K or a lookbehind's end: not a span */
			if (b && kh_back_start(b, text, 0, me) > at)
				abort();
			if (reach >= 0 && memchr(text + at, '\n', me - at))
				abort();
		}
		pcre2_match_context_free(mc);
		pcre2_match_data_free(md);
		pcre2_code_free(re);
	}
	kh_back_free(b);
	free(pattern);
	free(text);
	return 0;
}
