/* SPDX-License-Identifier: Apache-2.0 */
/* Private to the rules module and its users inside the library. */
#ifndef KH_RULES_H
#define KH_RULES_H

#include <sys/types.h>

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

/* span.c: -1 when a match of the pattern may hold a newline (or the pattern is not
 * understood); else how many bytes past the end of a match's line its lookaheads can read,
 * at most KH_LINE_REACH_MAX. newline_ok: '.' and \N never match a newline. */
int kh_pattern_line_reach(const char *pattern, bool newline_ok);
/* span.c: how far before its end a match of the pattern can start, as steps walked back
 * over a blob's bytes (kh_back_start); NULL when the pattern does not say (its width is
 * bounded, or a part of it is not understood). */
kh_back *kh_pattern_back(const char *pattern);
void kh_back_free(kh_back *b);

/* cache.c: parsed rules cached in a binary file, keyed by the rule files. */
typedef struct {
	char **path;
	size_t n;
} kh_rule_files;
uint64_t kh_rules_cache_key(const kh_rule_files *f);
/* The rules of a cache file, borrowed from one mapping (the pack: kh_rules_pack_free after
 * kh_rule_clear of each rule). 0, or -1: not usable (absent, stale, edited, damaged). */
typedef struct {
	void *p;
	size_t len;
} kh_rules_pack;
int kh_rules_cache_read(const char *path, const char *dir, uint64_t key, kh_rule **rules, size_t *n,
			kh_rules_pack *pack);
void kh_rules_pack_free(kh_rules_pack *pack);
/* Drop a rule's verify block (a repository's own rules are never verified). */
void kh_rule_drop_verify(kh_rule *r);
/* The cache folder's HMAC key (created on first use, mode 0600); -1: no usable key. */
int kh_cache_secret(const char *dir, uint8_t out[32]);
void kh_mkdirs(const char *path); /* and its parents, mode 0700 */
void kh_cache_mac(const uint8_t secret[32], const void *data, size_t len, uint8_t out[32]);
void kh_rules_cache_write(const char *path, const char *dir, uint64_t key, const kh_rule *rules, size_t n);
/* Write a file whole (a temporary name, then rename) with the given mode; 0 or -1. */
int kh_cache_write_file(const char *path, const void *data, size_t len, mode_t mode);
/* Keep the `keep` newest files named prefix*suffix in dir; remove the rest, and prefix*.tmp
 * files over an hour old. */
void kh_cache_prune(const char *dir, const char *prefix, const char *suffix, size_t keep);
/* Cache files of each kind kept (parsed rules, compiled databases): a few packs in turn
 * (a user switching branches of a rules repository) stay cached. */
#define KH_CACHE_KEEP 4

/* compile.c: PCRE2 for every rule, one Hyperscan database for the patterns,
 * loaded from the shipped or cached serialized database when one matches. */
int kh_ruleset_compile(kh_ruleset *rs, const kh_rules_load_opts *opts);
void kh_compiled_rule_free(kh_rule *r);
void kh_compiled_free(kh_ruleset *rs);
/* Serialize the compiled database for a generic x86-64 target (build time). */
int kh_ruleset_write_db(const kh_ruleset *rs, const char *path);
/* The version and rule count of the pack a rules database file was compiled from, read
 * from its header alone (keyhound --version): 0, or -1 when it is not one. */
int kh_rules_db_manifest(const char *path, char version[17], size_t *n_rules);

/* Bytes identical to a file of this build's own rule pack (whose examples are secrets
 * by design): not to be reported (own_pack.c). */
bool kh_rules_own_file(const unsigned char *data, size_t len);

#endif
