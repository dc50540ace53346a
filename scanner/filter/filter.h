/* SPDX-License-Identifier: Apache-2.0 */
/* The value filters: entropy, placeholders, weak values and naturalness, and the
 * confidence a match earns from its value. */
#ifndef KH_FILTER_FILTER_H
#define KH_FILTER_FILTER_H

#include "rules/ruleset.h"

double kh_entropy(const unsigned char *s, size_t n);
bool kh_is_placeholder(const char *s, size_t n);
bool kh_is_weak(const char *s, size_t n);
bool kh_is_common_password(const char *s, size_t n);
bool kh_is_stand_in(const char *s, size_t n);
/* mean bits per letter or digit under a model of words and identifiers: higher is more random */
double kh_unnaturalness(const unsigned char *s, size_t n);
/* byte-pair tokens under OpenAI's cl100k_base vocabulary, of the first KH_BPE_MAX_VALUE
 * bytes of s; and tokens per byte: words, identifiers and code are few long tokens,
 * random strings many short ones (higher is more random) */
#define KH_BPE_MAX_VALUE 512
size_t kh_bpe_tokens(const unsigned char *s, size_t n);
double kh_bpe_rate(const unsigned char *s, size_t n);
/* bits per byte of those tokens, a token of rank r costing log2(r + 512) (a single
 * byte 8): few frequent tokens are cheap, many rare ones dear */
double kh_bpe_bits(const unsigned char *s, size_t n);
/* Keyword-only (low-confidence) rules need a value at least this unnatural: chosen
 * on the labelled corpus's tuning half (README, "Naturalness"). */
#define KH_GENERIC_MIN_UNNATURALNESS 4.5
/* The confidence a match earns from its value, or -1 to drop it: entropy under the
 * rule's floor, placeholders and (keyword-only rules) natural words drop a match,
 * except in a credential store, where every entry is a leak and a weak or stand-in
 * value only lowers the confidence (a template file's placeholders are still
 * dropped). path may be NULL: then no file is a template. */
int kh_value_confidence(const struct kh_rule *r, const char *secret, size_t sn, const char *path);

#endif
