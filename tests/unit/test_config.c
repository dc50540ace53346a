/* SPDX-License-Identifier: Apache-2.0 */
/* .keyhound.yml: parsing, errors that name the key and line, every allowlist
 * kind (through a real scan), limits and their precedence, rules.disable/extra,
 * and the configuration's baseline. Self-contained: files are written here. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <cmocka.h>

#include "core/config.h"
#include "core/kh.h"
#include "core/report.h"
#include "engine.h"

static char *tmpdir(void)
{
	char tmpl[] = "/tmp/kh-config-XXXXXX";
	char *d = mkdtemp(tmpl);
	assert_non_null(d);
	return strdup(d);
}

static char *write_file(const char *dir, const char *name, const char *text)
{
	char *path = kh_sprintf("%s/%s", dir, name);
	for (char *p = path + strlen(dir) + 1; *p; p++)
		if (*p == '/') {
			*p = '\0';
			mkdir(path, 0755);
			*p = '/';
		}
	FILE *f = fopen(path, "wb");
	assert_non_null(f);
	fwrite(text, 1, strlen(text), f);
	fclose(f);
	return path;
}

static void rmrf(const char *dir)
{
	char *cmd = kh_sprintf("rm -rf '%s'", dir);
	assert_int_equal(system(cmd), 0);
	free(cmd);
}

static int load_in(const char *dir, const char *yaml, kh_config **out)
{
	char *path = write_file(dir, ".keyhound.yml", yaml);
	int rc = kh_config_load(out, path);
	free(path);
	return rc;
}

/* Load `yaml` as a configuration in a fresh folder (kept in *dir_out if asked). */
static int load(const char *yaml, kh_config **out, char **dir_out)
{
	char *dir = tmpdir(), *path = write_file(dir, ".keyhound.yml", yaml);
	int rc = kh_config_load(out, path);
	free(path);
	if (dir_out)
		*dir_out = dir;
	else {
		rmrf(dir);
		free(dir);
	}
	return rc;
}

/* The configuration fails to load, and the message names the key and line. */
static void expect_error(const char *yaml, const char *key, int line)
{
	kh_config *c = NULL;
	char want[128];
	int rc = load(yaml, &c, NULL);
	assert_int_equal(rc, KEYHOUND_EINVAL);
	assert_null(c);
	const char *msg = keyhound_last_error();
	snprintf(want, sizeof(want), ".keyhound.yml:%d: '%s'", line, key);
	if (!strstr(msg, want))
		fail_msg("expected \"%s\" in \"%s\"", want, msg);
}

static void full_schema_loads(void **state)
{
	kh_config *c = NULL;
	char *dir = tmpdir();
	free(write_file(dir, "tools/keyhound-rules/r.yml", "rules: []\n"));
	int rc = load_in(dir, "rules:\n"
		      "  disable: [generic-password]\n"
		      "  extra: [tools/keyhound-rules, /tmp]\n"
		      "allow:\n"
		      "  paths: ['tests/fixtures/**', '**/*.snap']\n"
		      "  secrets: ['^sk_test_']\n"
		      "  stopwords: [EXAMPLE, dummy]\n"
		      "  rules:\n"
		      "    aws-access-key-id: {paths: ['docs/**']}\n"
		      "    test-token:\n"
		      "      secrets: ['0000$']\n"
		      "      stopwords: [fake]\n"
		      "baseline: .keyhound-baseline.json\n"
		      "limits: {max_file_size: 50MB, max_archive_depth: 3, max_archive_entries: 100000,\n"
		      "         max_decompressed: 4GB, max_ratio: 100, max_decoded_depth: 2}\n",
		      &c);
	if (rc)
		fail_msg("%s", keyhound_last_error());
	assert_int_equal(c->n_disable, 1);
	assert_string_equal(c->disable[0], "generic-password");
	assert_int_equal(c->n_extra, 2);
	char *want = kh_sprintf("%s/tools/keyhound-rules", dir);
	assert_string_equal(c->extra[0], want); /* relative to the file */
	free(want);
	assert_string_equal(c->extra[1], "/tmp");
	want = kh_sprintf("%s/.keyhound-baseline.json", dir);
	assert_string_equal(c->baseline, want);
	free(want);
	assert_int_equal(c->allow.n_paths, 2);
	assert_int_equal(c->allow.n_secrets, 1);
	assert_int_equal(c->allow.n_stopwords, 2);
	assert_int_equal(c->n_rules, 2);
	assert_int_equal(c->limits.max_file_size, 50000000);
	assert_int_equal(c->limits.max_decompressed, 4000000000ull);
	assert_int_equal(c->limits.max_archive_entries, 100000);
	assert_int_equal(c->limits_set, KEYHOUND_LIMIT_MAX_FILE_SIZE | KEYHOUND_LIMIT_MAX_ARCHIVE_DEPTH |
						KEYHOUND_LIMIT_MAX_ARCHIVE_ENTRIES | KEYHOUND_LIMIT_MAX_DECOMPRESSED |
						KEYHOUND_LIMIT_MAX_RATIO | KEYHOUND_LIMIT_MAX_DECODED_DEPTH);
	kh_config_free(c);
	rmrf(dir);
	free(dir);
}

static void empty_file_is_empty_config(void **state)
{
	kh_config *c = NULL;
	assert_int_equal(load("", &c, NULL), 0);
	assert_non_null(c);
	assert_false(kh_config_allows(c, "x", "a.txt", "secret", 6));
	kh_config_free(c);
	assert_int_equal(load("# only a comment\nallow:\nrules:\n", &c, NULL), 0);
	kh_config_free(c);
}

static void errors_name_key_and_line(void **state)
{
	expect_error("rules:\n  disable: [a]\nallowlist:\n  paths: [x]\n", "allowlist", 3);
	expect_error("allow:\n  paths: ['a']\n  pathz: ['b']\n", "allow.pathz", 3);
	expect_error("rules:\n  enable: [x]\n", "rules.enable", 2);
	expect_error("allow:\n  paths: 'tests/**'\n", "allow.paths", 2);
	expect_error("allow:\n  stopwords: [a, [b]]\n", "allow.stopwords", 2);
	expect_error("allow:\n\n  secrets: ['ok', '(unclosed']\n", "allow.secrets", 3);
	expect_error("allow:\n  rules:\n    my-rule:\n      globs: [x]\n", "allow.rules.my-rule.globs", 4);
	expect_error("allow:\n  rules:\n    my-rule: [x]\n", "allow.rules.my-rule", 3);
	expect_error("allow:\n  rules:\n    my-rule: {rules: {}}\n", "allow.rules.my-rule.rules", 3);
	expect_error("baseline: [a, b]\n", "baseline", 1);
	expect_error("limits:\n  max_file_size: huge\n", "limits.max_file_size", 2);
	expect_error("limits:\n  max_ratio: -1\n", "limits.max_ratio", 2);
	expect_error("limits:\n  max_ratio: 1.5\n", "limits.max_ratio", 2);
	expect_error("limits:\n  max_archive_depth: {a: 1}\n", "limits.max_archive_depth", 2);
	expect_error("limits:\n  max_files: 3\n", "limits.max_files", 2);
	expect_error("limits: 50MB\n", "limits", 1);
	expect_error("rules:\n  disable: [a]\nrules:\n  extra: [b]\n", "rules", 3);
	expect_error("- just\n- a list\n", "(top level)", 1);
	expect_error("rules:\n  extra:\n    - /tmp\n    - no/such/folder\n", "rules.extra", 4);
}

/* A key given twice is an error naming the file, the line and the key (as in rule files),
 * at any depth, and in a mapping of many keys found without comparing every pair. */
static void repeated_key_names_both_lines(void **state)
{
	kh_buf b = {0};
	kh_config *c = NULL;
	const char *msg;

	expect_error("allow:\n  paths: [a]\n  stopwords: [b]\n  paths: [c]\n", "paths", 4);
	assert_non_null(strstr(keyhound_last_error(), "duplicate key (also on line 2)"));
	expect_error("limits: {max_ratio: 5, max_ratio: 6}\n", "max_ratio", 1);
	kh_buf_puts(&b, "allow:\n  rules:\n");
	for (int i = 0; i < 20000; i++)
		kh_buf_printf(&b, "    rule-%d: {paths: [x]}\n", i);
	kh_buf_puts(&b, "    rule-7: {paths: [y]}\n");
	assert_int_equal(load(b.buf, &c, NULL), KEYHOUND_EINVAL);
	msg = keyhound_last_error();
	if (!strstr(msg, ".keyhound.yml:20003: 'rule-7': duplicate key (also on line 10)"))
		fail_msg("%s", msg);
	kh_buf_free(&b);
}

static void yaml_syntax_error_names_line(void **state)
{
	kh_config *c = NULL;
	assert_int_equal(load("allow:\n  paths: ['a'\n  secrets: x\n", &c, NULL), KEYHOUND_EINVAL);
	assert_non_null(strstr(keyhound_last_error(), "YAML error"));
	assert_non_null(strstr(keyhound_last_error(), ".keyhound.yml:"));
}

static void missing_and_oversized_files(void **state)
{
	kh_config *c = NULL;
	assert_int_equal(kh_config_load(&c, "/nonexistent/.keyhound.yml"), KEYHOUND_EINVAL);
	assert_null(c);
	/* the file is untrusted input: one over the limit is refused, not parsed */
	char *dir = tmpdir();
	size_t n = KH_CONFIG_MAX_BYTES + 1;
	char *big = malloc(n + 1);
	memset(big, '#', n);
	big[n] = '\0';
	char *path = write_file(dir, "big.yml", big);
	assert_int_equal(kh_config_load(&c, path), KEYHOUND_EINVAL);
	assert_non_null(strstr(keyhound_last_error(), "at most"));
	/* exactly at the limit is read */
	big[n - 1] = '\0';
	free(path);
	path = write_file(dir, "ok.yml", big);
	assert_int_equal(kh_config_load(&c, path), 0);
	kh_config_free(c);
	free(path);
	free(big);
	rmrf(dir);
	free(dir);
}

static void allows_by_path_glob(void **state)
{
	kh_config *c = NULL;
	assert_int_equal(load("allow:\n  paths: ['tests/fixtures/**', '*.snap']\n", &c, NULL), 0);
	assert_true(kh_config_allows(c, "r", "tests/fixtures/a/key.txt", "s", 1));
	assert_true(kh_config_allows(c, "r", "src/ui/__snapshots__/x.snap", "s", 1));
	assert_true(kh_config_allows(c, "r", "tests/fixtures/app.jar!conf/a.yml", "s", 1));
	assert_false(kh_config_allows(c, "r", "config/key.txt", "s", 1));
	assert_false(kh_config_allows(c, "r", "src/tests/fixtures/key.txt", "s", 1));
	/* no path (a commit message): a path allowlist does not apply */
	assert_false(kh_config_allows(c, "r", NULL, "s", 1));
	kh_config_free(c);
}

static void allows_by_secret_regex(void **state)
{
	kh_config *c = NULL;
	assert_int_equal(load("allow:\n  secrets: ['^sk_test_', 'EXAMPLE$']\n", &c, NULL), 0);
	assert_true(kh_config_allows(c, "r", "a", "sk_test_abc", 11));
	assert_true(kh_config_allows(c, "r", "a", "AKIAIOSFODNN7EXAMPLE", 20));
	assert_false(kh_config_allows(c, "r", "a", "sk_live_abc", 11));
	/* the regex sees exactly the secret's bytes, not what follows them */
	assert_false(kh_config_allows(c, "r", "a", "AKIAEXAMPLEZ", 11 + 1));
	assert_true(kh_config_allows(c, "r", "a", "xEXAMPLEZZZ", 8));
	kh_config_free(c);
}

static void pathological_secret_regex_allows_nothing(void **state)
{
	kh_config *c = NULL;
	char secret[64];
	/* nested quantifiers: exponential backtracking on a near miss */
	assert_int_equal(load("allow:\n  secrets: ['^(a+)+$']\n", &c, NULL), 0);
	assert_true(kh_config_allows(c, "r", "p", "aaaa", 4));
	memset(secret, 'a', sizeof(secret));
	secret[sizeof(secret) - 1] = 'b';
	assert_false(kh_config_allows(c, "r", "p", secret, sizeof(secret)));
	kh_config_free(c);
}

static void too_many_rule_allowlists(void **state)
{
	kh_buf b = {0};
	kh_config *c = NULL;
	kh_buf_puts(&b, "allow:\n  rules:\n");
	for (int i = 0; i < KH_CONFIG_MAX_RULE_ALLOWLISTS; i++)
		kh_buf_printf(&b, "    r%d: {}\n", i);
	char *yaml = kh_buf_detach(&b);
	assert_int_equal(load(yaml, &c, NULL), 0); /* at the limit */
	assert_int_equal(c->n_rules, KH_CONFIG_MAX_RULE_ALLOWLISTS);
	kh_config_free(c);
	char *more = kh_sprintf("%s    one-more: {}\n", yaml);
	assert_int_equal(load(more, &c, NULL), KEYHOUND_EINVAL);
	assert_non_null(strstr(keyhound_last_error(), "'allow.rules.one-more': more than"));
	free(more);
	free(yaml);
}

static void allows_by_stopword(void **state)
{
	kh_config *c = NULL;
	assert_int_equal(load("allow:\n  stopwords: [Dummy, example]\n", &c, NULL), 0);
	assert_true(kh_config_allows(c, "r", "a", "tok_DUMMY123", 12));
	assert_true(kh_config_allows(c, "r", "a", "myExampleKey", 12));
	assert_false(kh_config_allows(c, "r", "a", "tok_real9876", 12));
	kh_config_free(c);
}

static void allows_per_rule(void **state)
{
	kh_config *c = NULL;
	assert_int_equal(load("allow:\n  rules:\n"
			      "    aws-key: {paths: ['docs/**']}\n"
			      "    test-token: {secrets: ['0000$'], stopwords: [fake]}\n",
			      &c, NULL),
			 0);
	assert_true(kh_config_allows(c, "aws-key", "docs/setup.md", "AKIA", 4));
	assert_false(kh_config_allows(c, "other-rule", "docs/setup.md", "AKIA", 4));
	assert_true(kh_config_allows(c, "test-token", "src/a.c", "tok_12340000", 12));
	assert_true(kh_config_allows(c, "test-token", "src/a.c", "tok_FAKE5678", 12));
	assert_false(kh_config_allows(c, "test-token", "src/a.c", "tok_12345678", 12));
	assert_false(kh_config_allows(c, "aws-key", "src/a.c", "tok_12340000", 12));
	kh_config_free(c);
}

static void limits_yield_to_the_command_line(void **state)
{
	kh_config *c = NULL;
	keyhound_limits l = KEYHOUND_LIMITS_INIT, d = KEYHOUND_LIMITS_INIT;
	assert_int_equal(load("limits:\n  max_file_size: 1KiB\n  max_ratio: 7\n  max_findings_per_blob: 5\n",
			      &c, NULL),
			 0);
	kh_config_apply_limits(c, &l, KEYHOUND_LIMIT_MAX_RATIO);
	assert_int_equal(l.max_file_size, 1024);
	assert_int_equal(l.max_ratio, d.max_ratio); /* given on the command line: kept */
	assert_int_equal(l.max_findings_per_blob, 5);
	assert_int_equal(l.max_archive_depth, d.max_archive_depth); /* not in the file */
	kh_config_free(c);
}

static void sizes_parse(void **state)
{
	uint64_t v;
	assert_int_equal(keyhound_parse_size("50MB", &v), 0);
	assert_int_equal(v, 50000000);
	assert_int_equal(keyhound_parse_size("4GiB", &v), 0);
	assert_int_equal(v, 4ull << 30);
	assert_int_equal(keyhound_parse_size("1024", &v), 0);
	assert_int_equal(v, 1024);
	assert_int_equal(keyhound_parse_size("10 kb", &v), 0);
	assert_int_equal(v, 10000);
	assert_int_equal(keyhound_parse_size("-5MB", &v), KEYHOUND_EINVAL);
	assert_int_equal(keyhound_parse_size("MB", &v), KEYHOUND_EINVAL);
	assert_int_equal(keyhound_parse_size("5 parsecs", &v), KEYHOUND_EINVAL);
	assert_int_equal(keyhound_parse_size("99999999999TB", &v), KEYHOUND_EINVAL);
	/* strtod would take these: converting nan or inf to an integer is undefined */
	assert_int_equal(keyhound_parse_size("nan", &v), KEYHOUND_EINVAL);
	assert_int_equal(keyhound_parse_size("inf", &v), KEYHOUND_EINVAL);
	assert_int_equal(keyhound_parse_size("infinityMB", &v), KEYHOUND_EINVAL);
	assert_int_equal(keyhound_parse_size("1e999", &v), KEYHOUND_EINVAL);
}

/* ---- through the engine: a scan with a configuration ---- */

#define RULES                                                                  \
	"rules:\n"                                                             \
	"  - id: test-token\n"                                                 \
	"    name: Test token\n"                                               \
	"    pattern: '\\b(tok_[A-Za-z0-9]{12})\\b'\n"                         \
	"    severity: high\n"                                                 \
	"    confidence: high\n"                                               \
	"  - id: test-other\n"                                                 \
	"    name: Other token\n"                                              \
	"    pattern: '\\b(oth_[A-Za-z0-9]{12})\\b'\n"                         \
	"    severity: medium\n"                                               \
	"    confidence: medium\n"

#define EXTRA_RULES                                                            \
	"rules:\n"                                                             \
	"  - id: team-token\n"                                                 \
	"    name: Team token\n"                                               \
	"    pattern: '\\b(team_[a-z0-9]{10})\\b'\n"                           \
	"    severity: low\n"                                                  \
	"    confidence: high\n"

static keyhound_report *scan_with(const char *config, const char *text, const char *path,
				  keyhound_options *extra_opts)
{
	char *dir = tmpdir(), *rules = write_file(dir, "rules/r.yml", RULES);
	char *rdir = kh_sprintf("%s/rules", dir), *cfg = write_file(dir, "repo/.keyhound.yml", config);
	free(write_file(dir, "repo/tools/kh/extra.yml", EXTRA_RULES));
	keyhound_options o = KEYHOUND_OPTIONS_INIT;
	keyhound_engine *e = NULL;
	keyhound_scan *s = NULL;
	keyhound_report *r = NULL;
	const char *dirs[1] = {rdir};
	if (extra_opts)
		o = *extra_opts;
	o.rule_dirs = dirs;
	o.n_rule_dirs = 1;
	o.no_default_rules = 1;
	o.threads = 1;
	o.config_path = cfg;
	if (keyhound_engine_new(&e, &o) < 0)
		fail_msg("engine: %s", keyhound_last_error());
	assert_int_equal(keyhound_scan_new(&s, e), 0);
	assert_int_equal(keyhound_scan_buffer(s, text, strlen(text), path), 0);
	assert_int_equal(keyhound_scan_finish(s, &r), 0);
	keyhound_scan_free(s);
	if (extra_opts)
		extra_opts->limits = e->opts.limits;
	keyhound_engine_free(e);
	rmrf(dir);
	free(dir);
	free(rules);
	free(rdir);
	free(cfg);
	return r;
}

static size_t count(const keyhound_report *r, const char *id)
{
	size_t n = 0;
	for (size_t i = 0; i < keyhound_report_count(r); i++)
		if (!strcmp(keyhound_report_get(r, i)->rule_id, id))
			n++;
	return n;
}

static const char *TEXT = "a = tok_QmZr8vKx4pT2\nb = tok_Qwerty987654\nc = oth_Wq7Lz3Nb8Rk5\n";

static void scan_without_config_finds_all(void **state)
{
	keyhound_report *r = scan_with("", TEXT, "src/app.conf", NULL);
	assert_int_equal(count(r, "test-token"), 2);
	assert_int_equal(count(r, "test-other"), 1);
	keyhound_report_free(r);
}

static void scan_applies_each_allowlist(void **state)
{
	keyhound_report *r = scan_with("allow:\n  paths: ['src/**']\n", TEXT, "src/app.conf", NULL);
	assert_int_equal(keyhound_report_count(r), 0);
	assert_int_equal(r->allow_suppressed, 3);
	keyhound_report_free(r);
	r = scan_with("allow:\n  stopwords: [QWERTY]\n", TEXT, "src/app.conf", NULL);
	assert_int_equal(count(r, "test-token"), 1);
	assert_int_equal(keyhound_report_get(r, 0)->line, 1);
	keyhound_report_free(r);
	r = scan_with("allow:\n  secrets: ['^oth_']\n", TEXT, "src/app.conf", NULL);
	assert_int_equal(count(r, "test-token"), 2);
	assert_int_equal(count(r, "test-other"), 0);
	keyhound_report_free(r);
	r = scan_with("allow:\n  rules:\n    test-token: {paths: ['src/*.conf']}\n", TEXT, "src/app.conf",
		      NULL);
	assert_int_equal(count(r, "test-token"), 0);
	assert_int_equal(count(r, "test-other"), 1);
	keyhound_report_free(r);
	/* the same blob elsewhere is still reported */
	r = scan_with("allow:\n  rules:\n    test-token: {paths: ['src/*.conf']}\n", TEXT, "prod/app.conf",
		      NULL);
	assert_int_equal(count(r, "test-token"), 2);
	keyhound_report_free(r);
}

static void scan_disables_and_adds_rules(void **state)
{
	const char *text = "x = tok_QmZr8vKx4pT2 team_q7z3m9x2k5\n";
	keyhound_report *r = scan_with("rules:\n  disable: [test-token]\n  extra: [tools/kh]\n", text,
				       "a.txt", NULL);
	assert_int_equal(count(r, "test-token"), 0);
	assert_int_equal(count(r, "team-token"), 1);
	keyhound_report_free(r);
}

static void scan_config_limits_apply_unless_given(void **state)
{
	keyhound_options o = KEYHOUND_OPTIONS_INIT;
	/* max_findings_per_blob: 1 from the file is hit (per rule: the two tok_ are one rule) */
	keyhound_report *r = scan_with("limits: {max_findings_per_blob: 1}\n", TEXT, "a.txt", &o);
	assert_int_equal(o.limits.max_findings_per_blob, 1);
	assert_int_equal(keyhound_report_count(r), 2);
	keyhound_report_free(r);
	/* given on the command line: the file's value does not apply */
	keyhound_options given = KEYHOUND_OPTIONS_INIT;
	given.limits.max_findings_per_blob = 50;
	given.limits_given = KEYHOUND_LIMIT_MAX_FINDINGS_PER_BLOB;
	r = scan_with("limits: {max_findings_per_blob: 1}\n", TEXT, "a.txt", &given);
	assert_int_equal(given.limits.max_findings_per_blob, 50);
	assert_int_equal(keyhound_report_count(r), 3);
	keyhound_report_free(r);
}

static void config_baseline_missing_is_noted(void **state)
{
	keyhound_report *r = scan_with("baseline: .keyhound-baseline.json\n", TEXT, "a.txt", NULL);
	assert_int_equal(keyhound_report_count(r), 3);
	assert_int_equal(r->n_notes, 1);
	assert_non_null(strstr(r->notes[0], "does not exist yet"));
	keyhound_report_free(r);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(full_schema_loads),
		cmocka_unit_test(empty_file_is_empty_config),
		cmocka_unit_test(errors_name_key_and_line),
		cmocka_unit_test(repeated_key_names_both_lines),
		cmocka_unit_test(yaml_syntax_error_names_line),
		cmocka_unit_test(missing_and_oversized_files),
		cmocka_unit_test(allows_by_path_glob),
		cmocka_unit_test(allows_by_secret_regex),
		cmocka_unit_test(allows_by_stopword),
		cmocka_unit_test(pathological_secret_regex_allows_nothing),
		cmocka_unit_test(too_many_rule_allowlists),
		cmocka_unit_test(allows_per_rule),
		cmocka_unit_test(limits_yield_to_the_command_line),
		cmocka_unit_test(sizes_parse),
		cmocka_unit_test(scan_without_config_finds_all),
		cmocka_unit_test(scan_applies_each_allowlist),
		cmocka_unit_test(scan_disables_and_adds_rules),
		cmocka_unit_test(scan_config_limits_apply_unless_given),
		cmocka_unit_test(config_baseline_missing_is_noted),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
