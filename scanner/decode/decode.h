/* SPDX-License-Identifier: Apache-2.0 */
/* Decoders whose output re-enters the matcher: base64/base64url runs and
 * percent-encoded text, at most limits->max_decoded_depth levels deep. */
#ifndef KH_DECODE_H
#define KH_DECODE_H

#include "core/report.h"
#include "match/match.h"
#include "rules/ruleset.h"

/* Match every rule with a pattern against data, and what decodes from it (the layer
 * above the matcher); appends to out. */
int kh_match_blob(const kh_ruleset *rs, kh_scratch *s, const unsigned char *data, size_t len,
		  const keyhound_limits *limits, kh_matches *out);

/* mask.c: a copy of text with every secret any rule matches in it masked (a message, a
 * path, an error: text that is not a line of a scanned blob). */
char *kh_match_mask(const kh_ruleset *rs, kh_scratch *s, const keyhound_limits *limits,
		    const char *text);
/* Unless secrets are shown, mask every secret any rule matches in the report's free
 * text: findings' commit messages, authors and created_by, errors and notes. Call once
 * the scan is done, with no other thread on r. */
void kh_report_mask(keyhound_report *r, const kh_ruleset *rs, const keyhound_limits *limits);

int kh_decode_and_match(const kh_ruleset *rs, kh_scratch *s, const unsigned char *data, size_t len,
			const keyhound_limits *limits, unsigned depth, kh_matches *out);
/* Exposed for tests: decode one run; returns decoded length or -1 (base64: core/kh.h). */
long kh_percent_decode(const unsigned char *in, size_t n, unsigned char *out);

#endif
