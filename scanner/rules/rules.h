/* SPDX-License-Identifier: Apache-2.0 */
/* Private to the rules module and its users inside the library. */
#ifndef KH_RULES_H
#define KH_RULES_H

#include "core/kh.h"
#include "rules/ruleset.h"

int kh_parse_severity(const char *s, keyhound_severity *out);
int kh_parse_confidence(const char *s, keyhound_confidence *out);
const char *kh_severity_name(keyhound_severity s);
const char *kh_confidence_name(keyhound_confidence c);

void kh_rule_clear(kh_rule *r);

/* 1 when every match of the rule's pattern in text holds a match of its factor,
 * 0 when one does not (the factor is not a part of every match), or an error. */
int kh_rule_factor_holds(const kh_rule *r, const char *text, size_t len);

/* cache.c: parsed rules cached in a binary file, keyed by the rule files. */
typedef struct {
	char **path;
	size_t n;
} kh_rule_files;
uint64_t kh_rules_cache_key(const kh_rule_files *f);
int kh_rules_cache_read(const char *path, const char *dir, uint64_t key, kh_rule **rules, size_t *n);
/* The cache folder's HMAC key (created on first use, mode 0600); -1: no usable key. */
int kh_cache_secret(const char *dir, uint8_t out[32]);
void kh_mkdirs(const char *path); /* and its parents, mode 0700 */
void kh_cache_mac(const uint8_t secret[32], const void *data, size_t len, uint8_t out[32]);
void kh_rules_cache_write(const char *path, const char *dir, uint64_t key, const kh_rule *rules, size_t n);

/* compile.c: PCRE2 for every rule, one Hyperscan database for the patterns,
 * loaded from the shipped or cached serialized database when one matches. */
int kh_ruleset_compile(kh_ruleset *rs, const kh_rules_load_opts *opts);
void kh_compiled_rule_free(kh_rule *r);
void kh_compiled_free(kh_ruleset *rs);
/* Serialize the compiled database for a generic x86-64 target (build time). */
int kh_ruleset_write_db(const kh_ruleset *rs, const char *path);

/* Bytes identical to a file of this build's own rule pack (whose examples are secrets
 * by design): not to be reported (own_pack.c). */
bool kh_rules_own_file(const unsigned char *data, size_t len);

#endif
