/* SPDX-License-Identifier: Apache-2.0 */
/* Decoders whose output re-enters the matcher: base64/base64url runs and
 * percent-encoded text, at most limits->max_decoded_depth levels deep. */
#ifndef KH_DECODE_H
#define KH_DECODE_H

#include "core/kh.h"

int kh_decode_and_match(const kh_ruleset *rs, kh_scratch *s, const unsigned char *data, size_t len,
			const keyhound_limits *limits, unsigned depth, kh_matches *out);
/* Exposed for tests: decode one run; returns decoded length or -1. */
long kh_base64_decode(const unsigned char *in, size_t n, unsigned char *out);
long kh_percent_decode(const unsigned char *in, size_t n, unsigned char *out);

#endif
