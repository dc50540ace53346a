/* SPDX-License-Identifier: Apache-2.0 */
/* The matcher: raw matches of the rules in a blob's bytes (Hyperscan, then PCRE2 for
 * the groups), with per-worker scratch. */
#ifndef KH_MATCH_MATCH_H
#define KH_MATCH_MATCH_H

#include "core/blob.h"
#include "rules/ruleset.h"

/* max_findings_per_blob bounds each rule's matches in a blob, so one noisy rule (or a
 * rule that only applies at some paths) does not crowd out the others; all rules
 * together stop at this many times the limit, which bounds the memory. */
#define KH_MATCH_HARD_CAP 16

/* Whether out holds KH_MATCH_HARD_CAP times per_rule matches (then it is marked truncated
 * and full): the one place the cap is decided, for raw matches and decoded bytes' alike. */
bool kh_matches_at_cap(kh_matches *out, size_t per_rule);
/* Append m to out unless it is at the cap (false). */
bool kh_matches_push(kh_matches *out, size_t per_rule, const kh_match *m);

typedef struct kh_scratch kh_scratch;  /* per worker */
int kh_scratch_new(kh_scratch **out, const kh_ruleset *rs);
/* The paths the next blobs sit at (borrowed; NULL: unknown, every rule is matched):
 * rules scoped to paths that match none of them are skipped. Only for a blob judged at
 * exactly these paths (not for matches kept to judge at other paths later). */
void kh_scratch_set_paths(kh_scratch *s, const char *const *paths, size_t n);
void kh_scratch_free(kh_scratch *s);

/* The matcher alone (match/matcher.c): data's own bytes, not decoded; appends to out. */
int kh_match_raw(const kh_ruleset *rs, kh_scratch *s, const unsigned char *data, size_t len,
		 const keyhound_limits *limits, kh_matches *out);
/* After decoding: repeats of raw matches (first..raw_end) dropped, sorted by start. */
void kh_match_finish(const unsigned char *data, kh_matches *out, size_t first, size_t raw_end);

#endif
