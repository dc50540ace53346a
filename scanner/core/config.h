/* SPDX-License-Identifier: Apache-2.0 */
/* The parsed .keyhound.yml, for the engine that applies it (scanner/engine.c).
 * Everything else sees kh_config as opaque and asks kh_config_allows(). */
#ifndef KH_CONFIG_H
#define KH_CONFIG_H

#include "core/kh.h"

typedef struct kh_config kh_config;
/* Parse a configuration file; errors name the key and line. */
int kh_config_load(kh_config **out, const char *path);
/* The same from text; name stands for the file in messages and relative paths. */
int kh_config_load_text(kh_config **out, const char *name, const char *text, size_t len);
void kh_config_free(kh_config *c);
/* Does an allowlist entry drop this finding? */
bool kh_config_allows(const kh_config *c, const char *rule_id, const char *path,
		      const char *secret, size_t secret_len);

/* One allowlist: a finding matching any entry is dropped. */
typedef struct {
	char **paths;           /* globs (kh_glob_match) */
	size_t n_paths;
	void **secrets;         /* pcre2_code*, matched on the secret's bytes */
	char **secret_srcs;     /* each regex as written (a change's review compares these) */
	size_t n_secrets;
	char **stopwords;       /* lower-cased; a case-insensitive substring of the secret */
	size_t n_stopwords;
} kh_allowlist;

typedef struct {
	char *rule_id;
	kh_allowlist allow;
	int line;
} kh_rule_allowlist;

struct kh_config {
	char *path;             /* the file, as given */
	char *dir;              /* its folder: rules.extra and baseline are relative to it */
	char **disable;         /* rules.disable */
	size_t n_disable;
	char **extra;           /* rules.extra, resolved against dir */
	size_t n_extra;
	kh_allowlist allow;     /* allow.paths / secrets / stopwords */
	kh_rule_allowlist *rules; /* allow.rules.<id> */
	size_t n_rules;
	char *baseline;         /* resolved against dir, or NULL */
	keyhound_limits limits; /* only the fields in limits_set are meaningful */
	unsigned limits_set;     /* KEYHOUND_LIMIT_* bits: which limits the file sets */
	void *match_ctx;        /* pcre2_match_context*: bounds allow.secrets regexes (read-only) */
};

/* The largest configuration file read: it is untrusted input in a sweep. */
#define KH_CONFIG_MAX_BYTES (1u << 20)
/* At most this many rules under allow.rules (the pack has a few hundred). */
#define KH_CONFIG_MAX_RULE_ALLOWLISTS 4096
/* A repository's own file disables at most this many rules: it narrows what is
 * reported, it does not switch detection off. */
#define KH_CONFIG_UNTRUSTED_MAX_DISABLE 16
/* PCRE2 match limit for allow.secrets: a regex that hits it does not allow the finding. */
#define KH_CONFIG_MATCH_LIMIT 100000

/* Overwrite the limits the file sets and the caller did not (`given`: KEYHOUND_LIMIT_* bits). */
void kh_config_apply_limits(const kh_config *c, keyhound_limits *limits, unsigned given);

/* A repository's own file (found, not named by --config) can only narrow what is reported:
 * its limits are dropped, allowlist entries that allow everything ("**", ".*", a one-letter
 * stopword) are dropped, rule folders and a baseline outside its folder are not read. Each
 * dropped part is a note. */
void kh_config_restrict(kh_config *c, char ***notes, size_t *n_notes);
void kh_note(char ***notes, size_t *n_notes, const char *fmt, ...) __attribute__((format(printf, 3, 4)));


#endif
