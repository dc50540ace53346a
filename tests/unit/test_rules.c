/* SPDX-License-Identifier: Apache-2.0 */
/* Rule files: loading, every error naming the file, rule and reason, and the
 * compiled-database cache. */
#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>
#include <stdarg.h>
#include "kh_test.h"
#include "rules/rules.h"
#include "rules/ruleset.h"
#include "match/match.h"
#include "decode/decode.h"

static int load_err(const char *yaml, char *msg, size_t n)
{
	char *dir = kt_tmpdir();
	kh_ruleset *rs = NULL;
	const char *dirs[1] = {dir};
	kh_rules_load_opts lo = {.dirs = dirs, .n_dirs = 1};
	kt_write(dir, "bad.yml", yaml);
	int rc = kh_ruleset_load(&rs, &lo);
	snprintf(msg, n, "%s", keyhound_last_error());
	kh_ruleset_free(rs);
	kt_rmrf(dir);
	free(dir);
	return rc;
}

static void loads_every_field(void **state)
{
	char *dir = kt_tmpdir();
	kh_ruleset *rs = NULL;
	const char *dirs[1] = {dir};
	kh_rules_load_opts lo = {.dirs = dirs, .n_dirs = 1};
	kt_write(dir, "a.yml", KT_RULES);
	assert_int_equal(kh_ruleset_load(&rs, &lo), 0);
	assert_int_equal(rs->n_rules, 5);
	const kh_rule *r = kh_ruleset_find(rs, "test-password");
	assert_non_null(r);
	assert_true(r->min_entropy > 2.4 && r->min_entropy < 2.6);
	assert_int_equal(r->confidence, KEYHOUND_CONF_LOW);
	assert_int_equal(r->severity, KEYHOUND_SEV_MEDIUM);
	r = kh_ruleset_find(rs, "test-keyfile");
	assert_null(r->pattern);
	assert_int_equal(r->n_paths, 2);
	/* the lookahead is beyond Hyperscan: prefiltered and confirmed by PCRE2 */
	assert_true(kh_ruleset_find(rs, "test-lookahead")->prefilter);
	assert_false(kh_ruleset_find(rs, "test-token")->prefilter);
	assert_int_equal(strlen(rs->version), 12);
	kh_ruleset_free(rs);
	kt_rmrf(dir);
	free(dir);
}

static void yaml_error_names_file_and_line(void **state)
{
	char msg[1024];
	assert_int_equal(load_err("rules:\n  - id: a\n    name: [unclosed\n", msg, sizeof(msg)), KEYHOUND_ERULES);
	assert_non_null(strstr(msg, "bad.yml:"));
	assert_non_null(strstr(msg, "YAML error"));
}

static void missing_field_names_rule(void **state)
{
	char msg[1024];
	assert_int_equal(load_err("rules:\n  - id: no-severity\n    name: X\n    pattern: 'abc'\n"
				  "    confidence: high\n", msg, sizeof(msg)), KEYHOUND_ERULES);
	assert_non_null(strstr(msg, "no-severity"));
	assert_non_null(strstr(msg, "severity"));
	assert_int_equal(load_err("rules:\n  - id: no-pattern\n    name: X\n    severity: low\n"
				  "    confidence: high\n", msg, sizeof(msg)), KEYHOUND_ERULES);
	assert_non_null(strstr(msg, "no-pattern"));
}

static void unknown_key_is_an_error(void **state)
{
	char msg[1024];
	assert_int_equal(load_err("rules:\n  - id: typo\n    name: X\n    patern: 'abc'\n    severity: low\n"
				  "    confidence: high\n", msg, sizeof(msg)), KEYHOUND_ERULES);
	assert_non_null(strstr(msg, "typo"));
	assert_non_null(strstr(msg, "patern"));
	assert_non_null(strstr(msg, "bad.yml:4"));
}

static void pcre2_rejection_names_rule(void **state)
{
	char msg[1024];
	assert_int_equal(load_err("rules:\n  - id: broken-re\n    name: X\n    pattern: 'abc(['\n"
				  "    severity: low\n    confidence: high\n", msg, sizeof(msg)), KEYHOUND_ERULES);
	assert_non_null(strstr(msg, "broken-re"));
	assert_non_null(strstr(msg, "PCRE2"));
}

static void hyperscan_rejection_names_rule(void **state)
{
	char msg[1024];
	/* PCRE2 accepts a pattern that matches the empty string; Hyperscan refuses it */
	assert_int_equal(load_err("rules:\n  - id: empty-match\n    name: X\n    pattern: '(a*)'\n"
				  "    severity: low\n    confidence: high\n", msg, sizeof(msg)), KEYHOUND_ERULES);
	assert_non_null(strstr(msg, "empty-match"));
	assert_non_null(strstr(msg, "Hyperscan"));
}

static void duplicate_id_is_an_error(void **state)
{
	char msg[1024];
	assert_int_equal(load_err("rules:\n  - {id: dup, name: X, pattern: 'abc', severity: low, confidence: high}\n"
				  "  - {id: dup, name: Y, pattern: 'def', severity: low, confidence: high}\n",
				  msg, sizeof(msg)), KEYHOUND_ERULES);
	assert_non_null(strstr(msg, "duplicate"));
}

/* A key given twice is an error naming the file, the line and the key (as in .keyhound.yml),
 * at any depth: no first or last one wins. */
static void repeated_key_is_an_error(void **state)
{
	char msg[1024];
	assert_int_equal(load_err("rules:\n  - id: twice\n    name: X\n    pattern: 'abc'\n"
				  "    severity: low\n    pattern: 'def'\n    confidence: high\n",
				  msg, sizeof(msg)), KEYHOUND_ERULES);
	assert_non_null(strstr(msg, "bad.yml:6: 'pattern': duplicate key (also on line 4)"));
	assert_int_equal(load_err("rules:\n  - {id: v, name: X, pattern: 'tok_[a-z]{20}', severity: low,\n"
				  "     confidence: high, verify: {hosts: [a.example], method: GET,\n"
				  "     path: /a, live: [200], path: /b}}\n",
				  msg, sizeof(msg)), KEYHOUND_ERULES);
	assert_non_null(strstr(msg, "bad.yml:4: 'path': duplicate key (also on line 4)"));
	assert_int_equal(load_err("rules: []\nrules:\n  - {id: x, name: X, pattern: 'abc', severity: low,"
				  " confidence: high}\n", msg, sizeof(msg)), KEYHOUND_ERULES);
	assert_non_null(strstr(msg, "bad.yml:2: 'rules': duplicate key (also on line 1)"));
}

static void bad_values_are_errors(void **state)
{
	char msg[1024];
	assert_int_equal(load_err("rules:\n  - {id: x, name: X, pattern: 'abc', severity: huge, confidence: high}\n",
				  msg, sizeof(msg)), KEYHOUND_ERULES);
	assert_non_null(strstr(msg, "severity"));
	assert_int_equal(load_err("rules:\n  - {id: x, name: X, pattern: 'abc', severity: low, confidence: high, min_entropy: lots}\n",
				  msg, sizeof(msg)), KEYHOUND_ERULES);
	assert_non_null(strstr(msg, "min_entropy"));
	assert_int_equal(load_err("rules:\n  - {id: Bad_Id, name: X, pattern: 'abc', severity: low, confidence: high}\n",
				  msg, sizeof(msg)), KEYHOUND_ERULES);
	assert_non_null(strstr(msg, "kebab-case"));
	assert_int_equal(load_err("rules:\n  - {id: x, name: X, pattern: 'abc', severity: low, confidence: high, validate: no-such-check}\n",
				  msg, sizeof(msg)), KEYHOUND_ERULES);
	assert_non_null(strstr(msg, "no-such-check"));
}

static void disabled_rules_are_dropped(void **state)
{
	char *dir = kt_tmpdir();
	kh_ruleset *rs = NULL;
	const char *dirs[1] = {dir}, *off[1] = {"test-token"};
	kh_rules_load_opts lo = {.dirs = dirs, .n_dirs = 1, .disable = off, .n_disable = 1};
	kt_write(dir, "a.yml", KT_RULES);
	assert_int_equal(kh_ruleset_load(&rs, &lo), 0);
	assert_int_equal(rs->n_rules, 4);
	assert_null(kh_ruleset_find(rs, "test-token"));
	kh_ruleset_free(rs);
	kt_rmrf(dir);
	free(dir);
}

/* The second load reads the cached database instead of compiling. */
static void compiled_database_is_cached(void **state)
{
	char *dir = kt_tmpdir(), cache[4200], db[4200];
	kh_ruleset *rs = NULL;
	const char *dirs[1] = {dir};
	snprintf(cache, sizeof(cache), "%s/cache", dir);
	snprintf(db, sizeof(db), "%s/shipped.hsdb", dir);
	kh_rules_load_opts lo = {.dirs = dirs, .n_dirs = 1, .cache_dir = cache};
	kt_write(dir, "a.yml", KT_RULES);
	assert_int_equal(kh_ruleset_load(&rs, &lo), 0);
	char cmd[4400];
	snprintf(cmd, sizeof(cmd), "ls '%s'/rules-*.hsdb >/dev/null 2>&1", cache);
	assert_int_equal(system(cmd), 0);
	/* a shipped generic database is written and loads back with the same rules */
	assert_int_equal(kh_ruleset_write_db(rs, db), 0);
	kh_ruleset_free(rs);
	lo.cache_dir = NULL;
	lo.db_path = db;
	assert_int_equal(kh_ruleset_load(&rs, &lo), 0);
	assert_non_null(rs->hs_db);
	assert_true(kh_ruleset_find(rs, "test-lookahead")->prefilter);
	kh_ruleset_free(rs);
	/* a corrupt cache file is ignored: compiled again */
	snprintf(cmd, sizeof(cmd), "for f in '%s'/rules-*.hsdb; do echo garbage > \"$f\"; done", cache);
	assert_int_equal(system(cmd), 0);
	lo.cache_dir = cache;
	lo.db_path = NULL;
	assert_int_equal(kh_ruleset_load(&rs, &lo), 0);
	assert_non_null(rs->hs_db);
	kh_ruleset_free(rs);
	kt_rmrf(dir);
	free(dir);
}

/* Parsed rules are cached too: a damaged cache is parsed again, an edited rule
 * file is a new key. */
static void parsed_rules_are_cached(void **state)
{
	char *dir = kt_tmpdir(), cache[4200], cmd[4400];
	kh_ruleset *rs = NULL;
	const char *dirs[1] = {dir};
	snprintf(cache, sizeof(cache), "%s/cache", dir);
	kh_rules_load_opts lo = {.dirs = dirs, .n_dirs = 1, .cache_dir = cache};
	kt_write(dir, "a.yml", KT_RULES);
	assert_int_equal(kh_ruleset_load(&rs, &lo), 0);
	kh_ruleset_free(rs);
	snprintf(cmd, sizeof(cmd), "ls '%s'/parsed-*.khr >/dev/null 2>&1", cache);
	assert_int_equal(system(cmd), 0);
	/* from the cache: the same rules, examples and paths included */
	assert_int_equal(kh_ruleset_load(&rs, &lo), 0);
	assert_int_equal(rs->n_rules, 5);
	assert_int_equal(kh_ruleset_find(rs, "test-keyfile")->n_paths, 2);
	assert_string_equal(kh_ruleset_find(rs, "test-keyfile")->paths[1], "secrets/**");
	kh_ruleset_free(rs);
	/* truncated: ignored, parsed again */
	snprintf(cmd, sizeof(cmd), "for f in '%s'/parsed-*.khr; do head -c 100 \"$f\" > \"$f.x\" && mv \"$f.x\" \"$f\"; done", cache);
	assert_int_equal(system(cmd), 0);
	assert_int_equal(kh_ruleset_load(&rs, &lo), 0);
	assert_int_equal(rs->n_rules, 5);
	kh_ruleset_free(rs);
	/* an edited rule file is seen at once */
	kt_write(dir, "a.yml", "rules:\n  - {id: only, name: O, pattern: 'only_[0-9]{6}', severity: low, confidence: low}\n");
	assert_int_equal(kh_ruleset_load(&rs, &lo), 0);
	assert_int_equal(rs->n_rules, 1);
	assert_non_null(kh_ruleset_find(rs, "only"));
	kh_ruleset_free(rs);
	kt_rmrf(dir);
	free(dir);
}

static void bad_keywords_are_errors(void **state)
{
	char msg[1024];
	const char *head = "rules:\n  - {id: kw, name: X, severity: low, confidence: low, ";
	char yaml[512];
	snprintf(yaml, sizeof(yaml), "%spaths: ['*.key'], keywords: [secret]}\n", head);
	assert_int_equal(load_err(yaml, msg, sizeof(msg)), KEYHOUND_ERULES);
	assert_non_null(strstr(msg, "rule kw: 'keywords' gate a 'pattern'"));
	snprintf(yaml, sizeof(yaml), "%spattern: 'abc', keywords: [x]}\n", head);
	assert_int_equal(load_err(yaml, msg, sizeof(msg)), KEYHOUND_ERULES);
	assert_non_null(strstr(msg, "keyword 'x' must be 2 to 64"));
	snprintf(yaml, sizeof(yaml), "%spattern: 'abc', keywords: [Token, tOKEN]}\n", head);
	assert_int_equal(load_err(yaml, msg, sizeof(msg)), KEYHOUND_ERULES);
	assert_non_null(strstr(msg, "listed twice"));
	snprintf(yaml, sizeof(yaml), "%spattern: 'abc', keywords: []}\n", head);
	assert_int_equal(load_err(yaml, msg, sizeof(msg)), KEYHOUND_ERULES);
	assert_non_null(strstr(msg, "'keywords' is empty"));
	snprintf(yaml, sizeof(yaml), "%spattern: 'abc', keywords: [[a, b]]}\n", head);
	assert_int_equal(load_err(yaml, msg, sizeof(msg)), KEYHOUND_ERULES);
	assert_non_null(strstr(msg, "'keywords' must be a list of strings"));
}

/* Keywords survive the parsed-rules cache and the shipped database; a gated
 * rule's pattern is never given to Hyperscan, so one it refuses still loads. */
static void keywords_are_cached_and_shipped(void **state)
{
	char *dir = kt_tmpdir(), cache[4200], db[4200];
	kh_ruleset *rs = NULL;
	const char *dirs[1] = {dir};
	snprintf(cache, sizeof(cache), "%s/cache", dir);
	snprintf(db, sizeof(db), "%s/shipped.hsdb", dir);
	kh_rules_load_opts lo = {.dirs = dirs, .n_dirs = 1, .cache_dir = cache};
	kt_write(dir, "a.yml", "rules:\n  - {id: gated, name: G, pattern: 'key=(a*)', severity: low,"
			       " confidence: low, keywords: [Acme, 'zeta corp']}\n"
			       "  - {id: plain, name: P, pattern: 'abc[0-9]+', severity: low, confidence: low}\n");
	for (int pass = 0; pass < 3; pass++) {
		/* parsed, then from the parsed cache, then from the shipped database */
		assert_int_equal(kh_ruleset_load(&rs, &lo), 0);
		const kh_rule *g = kh_ruleset_find(rs, "gated");
		assert_int_equal(g->n_keywords, 2);
		assert_string_equal(g->keywords[1], "zeta corp");
		assert_int_equal(rs->n_hs, 3);
		assert_int_equal(rs->hs_keyword_len[g->hs_index + 1], 9);
		assert_int_equal(rs->hs_keyword_len[kh_ruleset_find(rs, "plain")->hs_index], 0);
		assert_non_null(rs->hs_db);
		if (pass == 1)
			assert_int_equal(kh_ruleset_write_db(rs, db), 0);
		kh_ruleset_free(rs);
		if (pass == 1) {
			lo.cache_dir = NULL;
			lo.db_path = db;
		}
	}
	kt_rmrf(dir);
	free(dir);
}

/* Count rule `id`'s matches in text for a blob at `path` (NULL: where it sits is unknown). */
static size_t count_at(const kh_ruleset *rs, const char *text, const char *path, const char *id)
{
	kh_scratch *s = NULL;
	kh_matches m = {0};
	keyhound_limits limits = KEYHOUND_LIMITS_INIT;
	const char *paths[1] = {path};
	size_t n = 0;
	assert_int_equal(kh_scratch_new(&s, rs), 0);
	kh_scratch_set_paths(s, path ? paths : NULL, path ? 1 : 0);
	assert_int_equal(kh_match_blob(rs, s, (const unsigned char *)text, strlen(text), &limits, &m), 0);
	for (size_t i = 0; i < m.n; i++)
		n += !strcmp(rs->rules[m.v[i].rule].id, id);
	kh_matches_free(&m);
	kh_scratch_free(s);
	return n;
}

/* A rule scoped to paths has a database of its own: it matches a blob at one of its
 * paths (or at an unknown place), never one elsewhere; compiled, cached and shipped. */
static void scoped_rules_match_only_at_their_paths(void **state)
{
	char *dir = kt_tmpdir(), cache[4200], db[4200];
	kh_ruleset *rs = NULL;
	const char *dirs[1] = {dir};
	const char *text = "zz_123456 abc42 acme val=qwerty\n";
	snprintf(cache, sizeof(cache), "%s/cache", dir);
	snprintf(db, sizeof(db), "%s/shipped.hsdb", dir);
	kh_rules_load_opts lo = {.dirs = dirs, .n_dirs = 1, .cache_dir = cache};
	kt_write(dir, "a.yml", "rules:\n"
			       "  - {id: conf, name: C, pattern: 'zz_[0-9]{6}', severity: low, confidence: low,"
			       " paths: ['*.conf']}\n"
			       "  - {id: gated-ini, name: G, pattern: 'val=([a-z]{6})', severity: low,"
			       " confidence: low, keywords: [acme], paths: ['*.ini', '*.conf']}\n"
			       "  - {id: plain, name: P, pattern: 'abc[0-9]+', severity: low, confidence: low}\n");
	for (int pass = 0; pass < 4; pass++) {
		/* compiled, from the cache, written as shipped, from the shipped file */
		assert_int_equal(kh_ruleset_load(&rs, &lo), 0);
		assert_int_equal(rs->n_hs_scoped, 2);
		if (pass == 1 || pass == 3) {
			/* from a file: a scoped database loads when a blob at its paths needs it */
			assert_int_equal(count_at(rs, text, "src/c.txt", "plain"), 1);
			assert_null(rs->hs_scoped[0].db);
			assert_null(rs->hs_scoped[1].db);
		}
		assert_int_equal(count_at(rs, text, "etc/a.conf", "conf"), 1);
		assert_int_equal(count_at(rs, text, "etc/a.conf", "gated-ini"), 1);
		assert_int_equal(count_at(rs, text, "etc/a.conf", "plain"), 1);
		assert_int_equal(count_at(rs, text, "b.ini", "conf"), 0);
		assert_int_equal(count_at(rs, text, "b.ini", "gated-ini"), 1);
		assert_int_equal(count_at(rs, text, "src/c.txt", "conf"), 0);
		assert_int_equal(count_at(rs, text, "src/c.txt", "gated-ini"), 0);
		assert_int_equal(count_at(rs, text, "src/c.txt", "plain"), 1);
		assert_int_equal(count_at(rs, text, NULL, "conf"), 1);
		if (pass == 2)
			assert_int_equal(kh_ruleset_write_db(rs, db), 0);
		kh_ruleset_free(rs);
		if (pass == 2) {
			lo.cache_dir = NULL;
			lo.db_path = db;
		}
	}
	kt_rmrf(dir);
	free(dir);
}

/* A shipped database whose scoped part is damaged past its header loads (the part is read
 * only when needed), and a blob at that rule's paths is then an error, never a silent miss. */
static void damaged_scoped_database_fails_closed(void **state)
{
	char *dir = kt_tmpdir(), db[4200];
	kh_ruleset *rs = NULL;
	const char *dirs[1] = {dir};
	kh_scratch *s = NULL;
	kh_matches m = {0};
	keyhound_limits limits = KEYHOUND_LIMITS_INIT;
	const char *paths[1] = {"etc/a.conf"}, *text = "zz_123456\n";
	snprintf(db, sizeof(db), "%s/shipped.hsdb", dir);
	kh_rules_load_opts lo = {.dirs = dirs, .n_dirs = 1};
	kt_write(dir, "a.yml", "rules:\n"
			       "  - {id: plain, name: P, pattern: 'abc[0-9]+', severity: low, confidence: low}\n"
			       "  - {id: conf, name: C, pattern: 'zz_[0-9]{6}', severity: low, confidence: low,"
			       " paths: ['*.conf']}\n");
	assert_int_equal(kh_ruleset_load(&rs, &lo), 0);
	assert_int_equal(kh_ruleset_write_db(rs, db), 0);
	kh_ruleset_free(rs);
	/* the scoped database is the file's last part (compile.c has the layout): flip a byte in
	 * its middle (Hyperscan's checksum does not cover a database's last bytes) */
	FILE *f = fopen(db, "r+b");
	uint32_t n_ids, parts;
	uint64_t part_len;
	long off;
	assert_non_null(f);
	assert_int_equal(fseek(f, 60, SEEK_SET), 0);
	assert_int_equal(fread(&n_ids, 4, 1, f), 1);
	off = 64 + 9 * (long)n_ids;
	assert_int_equal(fseek(f, off, SEEK_SET), 0);
	assert_int_equal(fread(&parts, 4, 1, f), 1);
	assert_int_equal(parts, 2); /* the shared database and the scoped one */
	off += 4;
	for (uint32_t k = 0; k < parts; k++) {
		assert_int_equal(fseek(f, off + 4, SEEK_SET), 0);
		assert_int_equal(fread(&part_len, 8, 1, f), 1);
		off += 12 + (long)part_len;
	}
	off -= (long)part_len / 2;
	assert_int_equal(fseek(f, off, SEEK_SET), 0);
	int c = fgetc(f);
	assert_int_equal(fseek(f, off, SEEK_SET), 0);
	fputc(c ^ 0x5a, f);
	fclose(f);
	lo.db_path = db;
	assert_int_equal(kh_ruleset_load(&rs, &lo), 0);
	assert_int_equal(rs->n_hs_scoped, 1);
	assert_null(rs->hs_scoped[0].db);
	assert_int_equal(kh_scratch_new(&s, rs), 0);
	kh_scratch_set_paths(s, paths, 1);
	assert_int_equal(kh_match_blob(rs, s, (const unsigned char *)text, strlen(text), &limits, &m),
			 KEYHOUND_ERULES);
	kh_matches_free(&m);
	kh_scratch_free(s);
	kh_ruleset_free(rs);
	kt_rmrf(dir);
	free(dir);
}

/* A shell command, formatted; its exit status. */
static int run(const char *fmt, ...)
{
	char cmd[16384];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(cmd, sizeof(cmd), fmt, ap);
	va_end(ap);
	return system(cmd);
}

/* Cache files are the user's alone (0600), and the folder keeps at most KH_CACHE_KEEP of
 * each kind however often the rules change; a writer's stale temporary file goes. */
static void cache_files_are_private_and_bounded(void **state)
{
	char *dir = kt_tmpdir(), cache[4200], rule[256];
	kh_ruleset *rs = NULL;
	const char *dirs[1] = {dir};
	snprintf(cache, sizeof(cache), "%s/cache", dir);
	kh_rules_load_opts lo = {.dirs = dirs, .n_dirs = 1, .cache_dir = cache};
	for (int i = 0; i < KH_CACHE_KEEP + 3; i++) {
		snprintf(rule, sizeof(rule), "rules:\n  - {id: r, name: R, pattern: 'r_[0-9]{%d}', "
			 "severity: low, confidence: low}\n", 6 + i);
		kt_write(dir, "a.yml", rule);
		if (i == 1) /* a crashed writer's file two hours old, and a file not ours */
			assert_int_equal(run("touch -d '2 hours ago' '%s/parsed-0.khr.1.tmp' '%s/notes.txt'",
					     cache, cache), 0);
		assert_int_equal(kh_ruleset_load(&rs, &lo), 0);
		assert_non_null(kh_ruleset_find(rs, "r"));
		kh_ruleset_free(rs);
	}
	assert_int_equal(run("test \"$(stat -c %%a '%s'/parsed-*.khr '%s'/rules-*.hsdb | sort -u)\" = 600",
			     cache, cache), 0);
	assert_int_equal(run("test $(ls '%s' | grep -c '^parsed-.*[.]khr$') = %d -a "
			     "$(ls '%s' | grep -c '^rules-.*[.]hsdb$') = %d", cache, KH_CACHE_KEEP, cache,
			     KH_CACHE_KEEP), 0);
	assert_int_equal(run("test ! -e '%s/parsed-0.khr.1.tmp' -a -e '%s/notes.txt'", cache, cache), 0);
	/* the newest were kept: the last pack loads from the cache, writing nothing */
	assert_int_equal(run("chmod 500 '%s'", cache), 0);
	assert_int_equal(kh_ruleset_load(&rs, &lo), 0);
	kh_ruleset_free(rs);
	assert_int_equal(run("chmod 700 '%s'", cache), 0);
	assert_int_equal(run("test $(ls '%s' | wc -l) = %d", cache, 2 * KH_CACHE_KEEP + 2), 0);
	kt_rmrf(dir);
	free(dir);
}

/* A cache made under another cache key (another account's, or copied from another
 * machine) or damaged is not trusted: the rules are parsed and compiled again, and the
 * files are written anew under this folder's key. */
static void foreign_or_corrupt_cache_is_rebuilt(void **state)
{
	char *dir = kt_tmpdir(), a[4200], b[4200];
	kh_ruleset *rs = NULL;
	const char *dirs[1] = {dir};
	snprintf(a, sizeof(a), "%s/cache-a", dir);
	snprintf(b, sizeof(b), "%s/cache-b", dir);
	kh_rules_load_opts lo = {.dirs = dirs, .n_dirs = 1, .cache_dir = a};
	kt_write(dir, "a.yml", KT_RULES);
	assert_int_equal(kh_ruleset_load(&rs, &lo), 0);
	kh_ruleset_free(rs);
	/* b has its own key; a's files are copied in, with a's HMACs */
	assert_int_equal(run("mkdir -m 700 '%s' && head -c 32 /dev/urandom > '%s/cache.key' && "
			     "chmod 600 '%s/cache.key' && cp '%s'/parsed-*.khr '%s'/rules-*.hsdb '%s'",
			     b, b, b, a, a, b), 0);
	lo.cache_dir = b;
	assert_int_equal(kh_ruleset_load(&rs, &lo), 0);
	assert_int_equal(rs->n_rules, 5);
	assert_non_null(rs->hs_db);
	kh_ruleset_free(rs);
	/* each file was written again: the same name, other bytes (b's HMAC) */
	assert_int_equal(run("cd '%s' && for f in parsed-*.khr rules-*.hsdb; do test -s \"$f\" && "
			     "! cmp -s \"$f\" '%s'/\"$f\" || exit 1; done", b, a), 0);
	/* damaged in b: truncated parsed rules, a database with one byte changed */
	assert_int_equal(run("cd '%s' && for f in parsed-*.khr; do head -c 100 \"$f\" > x && mv x \"$f\"; done && "
			     "for f in rules-*.hsdb; do printf '\\377' | dd of=\"$f\" bs=1 seek=200 conv=notrunc "
			     "status=none; cp \"$f\" damaged.bin; done", b), 0);
	assert_int_equal(kh_ruleset_load(&rs, &lo), 0);
	assert_int_equal(rs->n_rules, 5);
	assert_non_null(rs->hs_db);
	assert_non_null(kh_ruleset_find(rs, "test-keyfile"));
	kh_ruleset_free(rs);
	assert_int_equal(run("cd '%s' && for f in parsed-*.khr; do test $(stat -c %%s \"$f\") -gt 100 || exit 1; "
			     "done && for f in rules-*.hsdb; do ! cmp -s \"$f\" damaged.bin || exit 1; done", b), 0);
	kt_rmrf(dir);
	free(dir);
}

/* "TOKEN", gap spaces, then a value: its match starts gap bytes after the keyword's end. */
static const char *gap_text(char *buf, size_t gap)
{
	memset(buf, ' ', 5 + gap);
	memcpy(buf, "TOKEN", 5);
	strcpy(buf + 5 + gap, "v=abcdef");
	return buf;
}

/* A gated rule whose keyword is an everyday word has Hyperscan scan its pattern (in the
 * shared database), and still matches only near a keyword, as a gated rule always did. */
static void common_keywords_still_gate(void **state)
{
	char *dir = kt_tmpdir(), db[4200], buf[KH_KEYWORD_NEAR + 64];
	kh_ruleset *rs = NULL;
	const char *dirs[1] = {dir};
	snprintf(db, sizeof(db), "%s/shipped.hsdb", dir);
	kh_rules_load_opts lo = {.dirs = dirs, .n_dirs = 1};
	kt_write(dir, "a.yml", "rules:\n"
			       "  - {id: common, name: C, pattern: 'v=([a-z]{6})\\b', severity: low,"
			       " confidence: low, keywords: [Token]}\n"
			       "  - {id: provider, name: P, pattern: 'w=([a-z]{6})\\b', severity: low,"
			       " confidence: low, keywords: [acme]}\n");
	for (int pass = 0; pass < 2; pass++) {
		/* compiled, then from the shipped file */
		assert_int_equal(kh_ruleset_load(&rs, &lo), 0);
		assert_true(kh_ruleset_find(rs, "common")->common_keywords);
		assert_false(kh_ruleset_find(rs, "provider")->common_keywords);
		assert_non_null(rs->hs_db);
		assert_int_equal(count_at(rs, "my token: v=abcdef", "a.txt", "common"), 1);
		assert_int_equal(count_at(rs, "v=abcdef near a token", "a.txt", "common"), 1);
		assert_int_equal(count_at(rs, "v=abcdef alone", "a.txt", "common"), 0);
		assert_int_equal(count_at(rs, gap_text(buf, KH_KEYWORD_NEAR), "a.txt", "common"), 1);
		assert_int_equal(count_at(rs, gap_text(buf, KH_KEYWORD_NEAR + 1), "a.txt", "common"), 0);
		assert_int_equal(count_at(rs, "acme w=abcdef", "a.txt", "provider"), 1);
		if (pass == 0)
			assert_int_equal(kh_ruleset_write_db(rs, db), 0);
		kh_ruleset_free(rs);
		lo.db_path = db;
	}
	kt_rmrf(dir);
	free(dir);
}

/* Whether a pattern's matches stay on one line, and how far past it a lookahead reads:
 * anything that can consume a newline, or is not understood, answers -1. */
static void one_line_patterns_are_told_apart(void **state)
{
	static const struct {
		const char *pattern;
		int reach;
	} cases[] = {
		{"pass[ \\t]*=[ \\t]*\"([^\"\\s]{8,})\"", 0},
		{"key=(\\S+)(?=[\"'\\s;,]|$)", 1},
		{"a(?=\\s\\s)b", 2},
		{"(?<=\\s)tok_[a-z]+", 0},  /* a lookbehind reads bytes that are there */
		{".+", 0},
		{"(?i:x)[\\x0b-\\x1f]+\\N*", 0},
		{"[[:alpha:]]+", 0},
		{"a\\s*=b", -1},
		{"a[^b]+", -1},
		{"a[\\x00-\\x7f]", -1},
		{"a\\x{0a}", -1},
		{"a\\cJ", -1},
		{"a\\012", -1},
		{"a\\R", -1},
		{"a\\n", -1},
		{"a[[:space:]]", -1},
		{"a[^[:alpha:]]", -1},
		{"(?s).+", -1},
		{"(?x)a b", -1},
		{"(a)\\1", -1},
		{"a(?=\\s+x)", -1},           /* a lookahead reading on past the newline */
		{"a(?=(?<=\\s)b)", -1},
		{"(*CR)a.b", -1},
		{"(?(1)a|b)", -1},
		{"a\\p{L}", -1},
	};
	for (size_t i = 0; i < sizeof(cases) / sizeof(*cases); i++) {
		int got = kh_pattern_line_reach(cases[i].pattern, true);
		if (got != cases[i].reach)
			fail_msg("%s: %d, not %d", cases[i].pattern, got, cases[i].reach);
	}
	/* where '.' matches a newline (another newline convention), it is not one-line */
	assert_int_equal(kh_pattern_line_reach("a.b", false), -1);
	assert_int_equal(kh_pattern_line_reach("a[^\\n]b", false), 0);
}

/* The walk back (kh_pattern_back) and the line reach checked against PCRE2 itself, over
 * random patterns of the shapes rules use and random text with newlines, quotes and
 * blanks: every match PCRE2 finds starts at or after the walk's bound, a one-line
 * pattern's match holds no newline, and a subject cut a lookahead's reach past a line
 * gives the same match from any start in that line. */
static unsigned span_rand(unsigned *seed, unsigned n)
{
	*seed = *seed * 1103515245u + 12345u;
	return (*seed >> 16) % n;
}

static void span_pattern(unsigned *seed, char *out, int depth)
{
	static const char *atoms[] = {"a", "b", "\"", "=", " ", "[ab]", "[^\"\\s]", "[^a]", "\\s",
				      "\\S", "\\w", ".", "\\d", "[ \\t]", "(?i:ab)", "\\n", "[^\\n]",
				      "\\W", "[a-z]", "\\h", "\\v", "$", "^", "\\b", "(?m:$)",
				      "[[:alpha:]]", "[[:^space:]]", "\\N", "\\R"};
	static const char *quants[] = {"", "", "", "*", "+", "?", "{1,3}", "{2,}", "*?", "++"};
	static const char *open[] = {"(?:", "(", "(?=", "(?!"};
	int n = 1 + (int)span_rand(seed, 4);
	for (int i = 0; i < n; i++) {
		unsigned k = span_rand(seed, depth > 0 ? 11 : 7);
		if (k < 7) {
			strcat(out, atoms[span_rand(seed, sizeof(atoms) / sizeof(*atoms))]);
		} else if (k < 10) {
			strcat(out, open[span_rand(seed, 4)]);
			span_pattern(seed, out, depth - 1);
			if (span_rand(seed, 2)) {
				strcat(out, "|");
				span_pattern(seed, out, depth - 1);
			}
			strcat(out, ")");
		} else {
			strcat(out, span_rand(seed, 2) ? "(?<=a|b)" : "(?<!\\s)");
		}
		strcat(out, quants[span_rand(seed, sizeof(quants) / sizeof(*quants))]);
	}
}

static void span_bounds_hold_for_every_match(void **state)
{
	static const char alphabet[] = "ab\"= \n\t0xA";
	unsigned seed = 20261203;
	int checked = 0, walks = 0, one_line = 0;
	pcre2_match_data *md = pcre2_match_data_create(16, NULL), *cut_md = pcre2_match_data_create(16, NULL);
	for (int p = 0; p < 600; p++) {
		char pat[4096] = "", text[48];
		int err;
		PCRE2_SIZE off;
		span_pattern(&seed, pat, 3);
		pcre2_code *re = pcre2_compile((PCRE2_SPTR)pat, PCRE2_ZERO_TERMINATED, 0, &err, &off, NULL);
		if (!re)
			continue;
		int reach = kh_pattern_line_reach(pat, true);
		kh_back *b = kh_pattern_back(pat);
		walks += b != NULL;
		one_line += reach >= 0;
		for (int t = 0; t < 30; t++) {
			size_t len = span_rand(&seed, 40);
			for (size_t i = 0; i < len; i++)
				text[i] = alphabet[span_rand(&seed, sizeof(alphabet) - 1)];
			for (size_t at = 0; at <= len; at++) {
				const char *nl = memchr(text + at, '\n', len - at);
				size_t cut = nl ? (size_t)(nl - text) + 1 + (size_t)reach + 2 : len;
				int rc = pcre2_match(re, (PCRE2_SPTR)text, len, at, PCRE2_ANCHORED, md, NULL);
				int cut_rc = reach >= 0 ? pcre2_match(re, (PCRE2_SPTR)text, cut < len ? cut : len, at,
								     PCRE2_ANCHORED, cut_md, NULL) : rc;
				PCRE2_SIZE *ov = pcre2_get_ovector_pointer(md), *cov = pcre2_get_ovector_pointer(cut_md);
				if ((rc >= 0) != (cut_rc >= 0) || (reach >= 0 && rc >= 0 && (ov[0] != cov[0] || ov[1] != cov[1])))
					fail_msg("%s: a cut at the line changes the match from %zu", pat, at);
				if (rc < 0)
					continue;
				checked++;
				if (b && kh_back_start(b, (const unsigned char *)text, 0, ov[1]) > at)
					fail_msg("%s: a match from %zu to %zu starts before the walk's bound", pat, at,
						 (size_t)ov[1]);
				if (reach >= 0 && ov[1] > at && memchr(text + at, '\n', ov[1] - at))
					fail_msg("%s: a one-line pattern's match holds a newline", pat);
			}
		}
		kh_back_free(b);
		pcre2_code_free(re);
	}
	pcre2_match_data_free(md);
	pcre2_match_data_free(cut_md);
	/* the shapes were varied enough to mean something */
	assert_true(checked > 20000 && walks > 100 && one_line > 100);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(loads_every_field),
		cmocka_unit_test(yaml_error_names_file_and_line),
		cmocka_unit_test(missing_field_names_rule),
		cmocka_unit_test(unknown_key_is_an_error),
		cmocka_unit_test(pcre2_rejection_names_rule),
		cmocka_unit_test(hyperscan_rejection_names_rule),
		cmocka_unit_test(duplicate_id_is_an_error),
		cmocka_unit_test(repeated_key_is_an_error),
		cmocka_unit_test(bad_values_are_errors),
		cmocka_unit_test(disabled_rules_are_dropped),
		cmocka_unit_test(compiled_database_is_cached),
		cmocka_unit_test(parsed_rules_are_cached),
		cmocka_unit_test(bad_keywords_are_errors),
		cmocka_unit_test(keywords_are_cached_and_shipped),
		cmocka_unit_test(scoped_rules_match_only_at_their_paths),
		cmocka_unit_test(damaged_scoped_database_fails_closed),
		cmocka_unit_test(cache_files_are_private_and_bounded),
		cmocka_unit_test(foreign_or_corrupt_cache_is_rebuilt),
		cmocka_unit_test(common_keywords_still_gate),
		cmocka_unit_test(one_line_patterns_are_told_apart),
		cmocka_unit_test(span_bounds_hold_for_every_match),
	};
	return cmocka_run_group_tests_name("rules", tests, NULL, NULL);
}
