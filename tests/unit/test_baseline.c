/* SPDX-License-Identifier: Apache-2.0 */
/* Baselines of other tools: .gitleaksignore lines (with and without a commit,
 * paths holding ':', the provider part of gitleaks rule ids) and detect-secrets'
 * hashed secrets (SHA-1 of the secret), matched to findings; redaction of
 * secrets that leak into provenance fields. Files are written here. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <cmocka.h>

#include "core/kh.h"
#include "core/report.h"
#include "filter/baseline.h"
#include "rules/ruleset.h"

static char *write_tmp(const char *text)
{
	char tmpl[] = "/tmp/kh-baseline-XXXXXX";
	int fd = mkstemp(tmpl);
	assert_true(fd >= 0);
	assert_int_equal(write(fd, text, strlen(text)), (ssize_t)strlen(text));
	close(fd);
	return strdup(tmpl);
}

static void free_notes(char **notes, size_t n)
{
	for (size_t i = 0; i < n; i++)
		free(notes[i]);
	free(notes);
}

/* A ruleset with just ids, for the provider check. */
static kh_ruleset *ids(const char *const *v, size_t n)
{
	kh_ruleset *rs = kh_calloc(1, sizeof(*rs));
	rs->rules = kh_calloc(n, sizeof(kh_rule));
	for (size_t i = 0; i < n; i++)
		rs->rules[i].id = (char *)v[i];
	rs->n_rules = n;
	return rs;
}

static void ids_free(kh_ruleset *rs)
{
	free(rs->rules);
	free(rs);
}

#define COMMIT "0123456789abcdef0123456789abcdef01234567"

static void gitleaks_lines(void **state)
{
	char *path = write_tmp("# comment\n\n"
			       "src/a.py:generic-api-key:2\n"
			       "  docs/x:y.md:aws-access-token:7  \n"
			       COMMIT ":lib/b.js:github-pat:3\n"
			       "src/c.go:github-pat:4\r\n"
			       "no-line-number:rule\n"
			       "src/a.py:rule:0\n");
	kh_migration *m = NULL;
	char **notes = NULL;
	size_t n_notes = 0;
	unsigned char hits[8] = {0};
	static const char *const rule_ids[] = {"github-pat", "github-oauth-token", "test-token",
					       "aws-access-key-id"};
	kh_ruleset *rs = ids(rule_ids, 4);

	assert_int_equal(kh_migration_load_gitleaks(&m, path, &notes, &n_notes), 0);
	assert_int_equal(kh_migration_count(m), 4);
	assert_int_equal(n_notes, 2); /* the two lines that are not fingerprints, by line */
	assert_non_null(strstr(notes[0], ":7: not a gitleaks fingerprint"));
	assert_non_null(strstr(notes[1], ":8: not a gitleaks fingerprint"));
	/* generic: path and line alone, whatever the rule */
	assert_true(kh_migration_match(m, rs, "test-token", "src/a.py", NULL, 2, "s", 1, hits));
	assert_true(kh_migration_match(m, rs, "test-token", "./src/a.py", NULL, 2, "s", 1, NULL));
	assert_false(kh_migration_match(m, rs, "test-token", "src/a.py", NULL, 3, "s", 1, NULL));
	/* a path holding ':' */
	assert_true(kh_migration_match(m, rs, "aws-access-key-id", "docs/x:y.md", NULL, 7, "s", 1, hits));
	assert_false(kh_migration_match(m, rs, "test-token", "docs/x:y.md", NULL, 7, "s", 1, NULL));
	/* a commit: only findings of that commit (a prefix of 7+ hex digits is enough) */
	assert_false(kh_migration_match(m, rs, "github-pat", "lib/b.js", NULL, 3, "s", 1, NULL));
	assert_false(kh_migration_match(m, rs, "github-pat", "lib/b.js", "ffffffffff", 3, "s", 1, NULL));
	assert_true(kh_migration_match(m, rs, "github-oauth-token", "lib/b.js", COMMIT, 3, "s", 1, NULL));
	assert_true(kh_migration_match(m, rs, "github-pat", "lib/b.js", "0123456789ab", 3, "s", 1, NULL));
	/* the provider: keyhound has github-* rules, so a test-token finding is not it */
	assert_false(kh_migration_match(m, rs, "test-token", "src/c.go", NULL, 4, "s", 1, NULL));
	assert_true(kh_migration_match(m, rs, "github-pat", "src/c.go", NULL, 4, "s", 1, NULL));
	int matched = 0;
	for (int i = 0; i < 4; i++)
		matched += hits[i];
	assert_int_equal(matched, 2);

	kh_migration_free(m);
	free_notes(notes, n_notes);
	ids_free(rs);
	unlink(path);
	free(path);
}

static void gitleaks_provider_unknown_to_keyhound(void **state)
{
	char *path = write_tmp("a.txt:sendgrid-api-token:1\n");
	kh_migration *m = NULL;
	char **notes = NULL;
	size_t n_notes = 0;
	static const char *const rule_ids[] = {"test-token"};
	kh_ruleset *rs = ids(rule_ids, 1);
	assert_int_equal(kh_migration_load_gitleaks(&m, path, &notes, &n_notes), 0);
	/* no sendgrid-* rule here: path and line decide */
	assert_true(kh_migration_match(m, rs, "test-token", "a.txt", NULL, 1, "s", 1, NULL));
	kh_migration_free(m);
	free_notes(notes, n_notes);
	ids_free(rs);
	unlink(path);
	free(path);
}

static void detect_secrets_by_sha1(void **state)
{
	/* the FIPS 180 test vectors: sha1("abc"), and the SHA-1 of
	 * 56 bytes, the padding case that needs a second block */
	char *path = write_tmp(
		"{\"results\": {"
		"\"cfg/app.env\": [{\"type\": \"Secret Keyword\", \"hashed_secret\": "
		"\"a9993e364706816aba3e25717850c26c9cd0d89d\", \"line_number\": 3},"
		"{\"type\": \"X\", \"hashed_secret\": \"84983e441c3bd26ebaae4aa1f95129e5e54670f1\"},"
		"{\"type\": \"X\"}],"
		"\"other.txt\": \"not a list\"},"
		"\"generated_at\": \"2020-01-01T00:00:00Z\"}");
	kh_migration *m = NULL;
	char **notes = NULL;
	size_t n_notes = 0;
	unsigned char hits[4] = {0};
	const char *long56 = "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq";
	assert_int_equal(kh_migration_load_detect_secrets(&m, path, &notes, &n_notes), 0);
	assert_int_equal(kh_migration_count(m), 2);
	assert_int_equal(n_notes, 1);
	assert_non_null(strstr(notes[0], "2 entries without a path or hashed_secret"));
	/* whatever the line: detect-secrets' line numbers are ignored */
	assert_true(kh_migration_match(m, NULL, "any", "cfg/app.env", NULL, 99, "abc", 3, hits));
	assert_true(kh_migration_match(m, NULL, "any", "cfg/app.env", NULL, 1, long56, 56, hits));
	assert_false(kh_migration_match(m, NULL, "any", "cfg/app.env", NULL, 3, "abd", 3, NULL));
	assert_false(kh_migration_match(m, NULL, "any", "elsewhere.env", NULL, 3, "abc", 3, NULL));
	assert_int_equal(hits[0] + hits[1], 2);
	kh_migration_free(m);
	free_notes(notes, n_notes);
	unlink(path);
	free(path);

	path = write_tmp("{\"results\": [");
	m = NULL;
	assert_int_equal(kh_migration_load_detect_secrets(&m, path, &notes, &n_notes), KEYHOUND_EINVAL);
	kh_migration_free(m);
	unlink(path);
	free(path);
	path = write_tmp("{\"version\": \"1.0\"}");
	m = NULL;
	assert_int_equal(kh_migration_load_detect_secrets(&m, path, &notes, &n_notes), KEYHOUND_EINVAL);
	assert_non_null(strstr(keyhound_last_error(), "not a detect-secrets baseline"));
	kh_migration_free(m);
	unlink(path);
	free(path);
}

static void report_notes_unmatched_entries(void **state)
{
	char *path = write_tmp("a.txt:generic-api-key:1\nb.txt:generic-api-key:1\nc.txt:x:2\n");
	kh_migration *m = NULL;
	char **notes = NULL;
	size_t n_notes = 0;
	keyhound_report *r = kh_calloc(1, sizeof(*r));
	kh_report_init(r);
	assert_int_equal(kh_migration_load_gitleaks(&m, path, &notes, &n_notes), 0);
	r->triage = kh_calloc(1, sizeof(*r->triage));
	r->triage->n_hits = kh_migration_count(m);
	r->triage->hits = kh_calloc(r->triage->n_hits, 1);
	kh_migration_match(m, NULL, "r", "b.txt", NULL, 1, "s", 1, r->triage->hits);
	kh_migration_report(m, r);
	assert_int_equal(r->n_notes, 1);
	assert_non_null(strstr(r->notes[0], "1 of 3 entries matched a finding, 2 could not be matched"));
	keyhound_report_free(r);
	kh_migration_free(m);
	free_notes(notes, n_notes);
	unlink(path);
	free(path);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(gitleaks_lines),
		cmocka_unit_test(gitleaks_provider_unknown_to_keyhound),
		cmocka_unit_test(detect_secrets_by_sha1),
		cmocka_unit_test(report_notes_unmatched_entries),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
