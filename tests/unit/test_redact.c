/* SPDX-License-Identifier: Apache-2.0 */
/* Redaction: every secret on a printed line is masked, not only the finding's own;
 * nested and overlapping secrets, secrets cut by the edge of what is printed, secrets
 * the filters dropped, and secrets in messages that are not lines of a blob. */
#include "core/report.h"
#include "decode/decode.h"
#include "kh_test.h"
#include "core/redact.h"

static char *masked(const char *text, const kh_span *spans, size_t n, size_t from, size_t to)
{
	kh_masks m;
	kh_buf b = {0};
	kh_masks_build(&m, spans, n);
	kh_masks_put(&b, &m, (const unsigned char *)text, from, to);
	kh_masks_free(&m);
	return kh_buf_detach(&b);
}

static void two_secrets_on_a_line_are_both_masked(void **state)
{
	const char *t = "A=AKIAABCDEFGHIJKLMNOP B=abcdefghijklmnopqrstuvwxyz0123456789ABCD end";
	size_t b = (size_t)(strstr(t, "B=") - t) + 2;
	kh_span s[] = {{b, b + 40}, {2, 22}};
	char *out = masked(t, s, 2, 0, strlen(t));
	assert_string_equal(out, "A=AKIA***** B=abcd***** end");
	free(out);
}

/* A short secret inside a longer one, at its start: the prefix shown must not hold it. */
static void prefix_never_shows_a_nested_short_secret(void **state)
{
	const char *t = "x=abc12345678901234567890 y";
	kh_span s[] = {{2, 25}, {2, 5}};
	char *out = masked(t, s, 2, 0, strlen(t));
	assert_string_equal(out, "x=***** y");
	free(out);
	/* nested further in: the prefix stops before it is whole */
	kh_span s2[] = {{2, 25}, {4, 7}};
	out = masked(t, s2, 2, 0, strlen(t));
	assert_string_equal(out, "x=ab***** y");
	free(out);
	/* overlapping, not nested: one region, whose prefix is the first one's */
	kh_span s3[] = {{8, 25}, {2, 12}};
	out = masked(t, s3, 2, 0, strlen(t));
	assert_string_equal(out, "x=ab***** y");
	free(out);
}

static void short_secret_shows_no_prefix(void **state)
{
	char *r = kh_redact("abcdefg", 7);
	assert_string_equal(r, "*****");
	free(r);
	r = kh_redact("abcdefgh", 8);
	assert_string_equal(r, "ab*****");
	free(r);
}

/* What is printed is cut: a secret across either edge is masked whole. */
static void secret_across_the_cut_is_masked(void **state)
{
	const char *t = "0123456789SECRETSECRETSECRET0123456789";
	kh_span s[] = {{10, 28}};
	char *out = masked(t, s, 1, 14, 38);
	assert_string_equal(out, "*****0123456789");
	free(out);
	out = masked(t, s, 1, 0, 20);
	assert_string_equal(out, "0123456789SECR*****");
	free(out);
	out = masked(t, s, 1, 0, 5);
	assert_string_equal(out, "01234");
	free(out);
}

static void values_are_masked_everywhere(void **state)
{
	const char *v[] = {"tok_SECRET1234567890", "", "SECRET"};
	size_t n[] = {20, 0, 6};
	char *out = kh_mask_values("a tok_SECRET1234567890 b SECRET c", v, n, 3);
	assert_string_equal(out, "a tok_***** b ***** c");
	free(out);
}

#define RULES                                                                                 \
	KT_RULES                                                                              \
	"  - id: test-inner\n"                                                                \
	"    name: Test inner part\n"                                                         \
	"    pattern: '\\b(A1b2C3d4E5f6)'\n"                                                  \
	"    severity: low\n"                                                                 \
	"    confidence: low\n"

static const kh_finding_rec *rec_of(const keyhound_report *r, const char *id)
{
	for (size_t i = 0; i < r->n; i++)
		if (!strcmp(r->v[i].f.rule_id, id))
			return &r->v[i];
	fail_msg("no finding of %s", id);
	return NULL;
}

/* A password the entropy filter drops and a token overlapping another rule's match, on
 * one line: the token's line and match show none of them. */
static void filtered_and_overlapping_matches_are_masked(void **state)
{
	keyhound_engine *e = kt_engine(RULES, NULL);
	keyhound_report *r = kt_scan_str(e, "cfg password = \"aaaaaaaaaa\" tok=tok_A1b2C3d4E5f6G7h8I9j0K1l2 "
					    "longsecret=Zz9Yy8Xx7Ww6 end\n");
	const kh_finding_rec *t = rec_of(r, "test-token");
	assert_int_equal(kt_count_rule(r, "test-password"), 0);
	assert_string_equal(t->context, "cfg password = \"aa*****\" tok=tok_***** longsecret=Zz***** end");
	const kh_finding_rec *l = rec_of(r, "test-long");
	assert_string_equal(l->f.match, "longsecret=Zz*****");
	assert_string_equal(l->context, t->context);
	keyhound_report_free(r);
	keyhound_engine_free(e);
}

/* --show-secrets shows the line as it is. */
static void shown_when_asked(void **state)
{
	keyhound_options o = KEYHOUND_OPTIONS_INIT;
	o.show_secrets = 1;
	keyhound_engine *e = kt_engine(RULES, &o);
	const char *line = "cfg password = \"aaaaaaaaaa\" tok=tok_A1b2C3d4E5f6G7h8I9j0K1l2";
	keyhound_report *r = kt_scan_str(e, line);
	assert_string_equal(rec_of(r, "test-token")->context, line);
	keyhound_report_free(r);
	keyhound_engine_free(e);
}

/* More matches than a blob keeps: the line around a finding may hold one no one saw. */
static void partial_matches_show_only_the_secret(void **state)
{
	keyhound_options o = KEYHOUND_OPTIONS_INIT;
	o.limits.max_findings_per_blob = 1;
	o.limits_given = KEYHOUND_LIMIT_MAX_FINDINGS_PER_BLOB;
	keyhound_engine *e = kt_engine(RULES, &o);
	keyhound_report *r = kt_scan_str(e, "a tok_A1b2C3d4E5f6G7h8I9j0K1l2 b tok_Q1b2C3d4E5f6G7h8I9j0K1l2 c\n");
	const kh_finding_rec *t = rec_of(r, "test-token");
	assert_null(strstr(t->context, "Q1b2"));
	assert_null(strstr(t->f.match, "Q1b2"));
	assert_string_equal(t->context, "...tok_*****...");
	keyhound_report_free(r);
	keyhound_engine_free(e);
}

static void messages_are_matched_and_masked(void **state)
{
	keyhound_engine *e = kt_engine(RULES, NULL);
	keyhound_report *r = kh_calloc(1, sizeof(*r));
	kh_finding_rec a = {0}, b = {0};
	kh_report_init(r);
	a.f.rule_id = kh_strdup("test-token");
	a.f.message = kh_strdup("fix: tok_A1b2C3d4E5f6G7h8I9j0K1l2 and password = \"aaaaaaaaaa\"");
	b.f.rule_id = kh_strdup("test-token");
	b.f.message = kh_strdup(a.f.message);
	b.f.created_by = kh_strdup("ARG T=tok_A1b2C3d4E5f6G7h8I9j0K1l2");
	kh_report_add(r, &a);
	kh_report_add(r, &b);
	kh_report_error(r, "dir/tok_Z1b2C3d4E5f6G7h8I9j0K1l2.txt", "cannot read tok_Z1b2C3d4E5f6G7h8I9j0K1l2");
	kh_report_mask(r, e->rules, &e->opts.limits);
	for (size_t i = 0; i < 2; i++)
		assert_string_equal(r->v[i].f.message, "fix: tok_***** and password = \"aa*****\"");
	assert_string_equal(r->v[1].f.created_by, "ARG T=tok_*****");
	assert_string_equal(r->err_location[0], "dir/tok_*****.txt");
	assert_string_equal(r->err_reason[0], "cannot read tok_*****");
	keyhound_report_free(r);
	keyhound_engine_free(e);
}

/* The built-in rules on messages that hold no secret (libarchive's and http_parser's
 * errors, a commit message saying "pass the"): printed as they are. A rule scoped to a
 * file's format that reads words by position (chap-secrets' third column, .fetchmailrc's
 * "pass X") once masked a word of each. Two real secrets on one message: both masked. */
static void messages_without_secrets_are_shown_whole(void **state)
{
	keyhound_options o = KEYHOUND_OPTIONS_INIT;
	keyhound_engine *e = NULL;
	o.threads = 1;
	assert_int_equal(keyhound_engine_new(&e, &o), 0);
	keyhound_report *r = kh_calloc(1, sizeof(*r));
	kh_finding_rec a = {0};
	const char *plain[] = {
		"cannot read archive: Truncated tar archive",
		"http_parser_parse_url failed: invalid URL",
		"repository is shallow: missing objects",
	};
	kh_report_init(r);
	a.f.rule_id = kh_strdup("aws-access-key-id");
	a.f.message = kh_strdup("Always pass a working-directory relative path to attribute lookups");
	a.f.created_by = kh_strdup("ENV STRIPE_KEY=sk_live_51HqLyjWDarjtT1zdp7dcXkq3 "
				   "SLACK=xoxb-2741836509-4827163650184-Hq8ZmT3vKpLwXr7nB2cY5dEf");
	kh_report_add(r, &a);
	for (size_t i = 0; i < 3; i++)
		kh_report_error(r, "layer.tar", "%s", plain[i]);
	kh_report_error(r, "https://deploy:s3cr3tPassw0rd9@git.acme.dev/repo.git",
			"add key AKIAQ7ZJ4XN2LW3KD5RT and DB_PASSWORD=Sd7dIXR!fYTsxQgyyH");
	kh_report_mask(r, e->rules, &e->opts.limits);
	assert_string_equal(r->v[0].f.message, "Always pass a working-directory relative path to attribute lookups");
	assert_string_equal(r->v[0].f.created_by, "ENV STRIPE_KEY=sk_l***** SLACK=xoxb*****");
	for (size_t i = 0; i < 3; i++) {
		assert_string_equal(r->err_location[i], "layer.tar");
		assert_string_equal(r->err_reason[i], plain[i]);
	}
	assert_string_equal(r->err_location[3], "https://deploy:s3*****@git.acme.dev/repo.git");
	assert_string_equal(r->err_reason[3], "add key AKIA***** and DB_PASSWORD=Sd7d*****");
	keyhound_report_free(r);
	keyhound_engine_free(e);
}

/* Ordinary errors and commit messages, and credential-file lines quoted in a message.
 * A format read by position (chap-secrets' third column) once printed "out of *****" and
 * "ref target 0551*****"; a .pgpass or .env line after a few words ("fix: remove ...") was
 * printed whole, since the rules reading those files were not asked or look at a line's
 * start. Both directions, and two secrets on one line. */
static void quoted_credential_lines_are_masked_and_prose_is_not(void **state)
{
	keyhound_options o = KEYHOUND_OPTIONS_INIT;
	keyhound_engine *e = NULL;
	o.threads = 1;
	assert_int_equal(keyhound_engine_new(&e, &o), 0);
	const char *plain[] = {
		"out of memory",
		"ref target 0551c7e2a9f3b4d81e6a0c5f2b9d7e3a1c4f8b60",
		"commit 0551c7e2a9f3b4d81e6a0c5f2b9d7e3a1c4f8b60: missing or unreadable commit",
		"Fix password reset when the token has expired",
		"machine learning: pass the login through",
		"Merge branch 'fix/secret-scanning' into main",
	};
	for (size_t i = 0; i < sizeof(plain) / sizeof(*plain); i++) {
		char *out = NULL;
		assert_int_equal(keyhound_engine_redact(e, plain[i], &out), 0);
		assert_string_equal(out, plain[i]);
		free(out);
	}
	/* each secret is masked, and what comes before it is shown as written */
	const struct {
		const char *in, *secret[2];
	} quoted[] = {
		{"fix: remove DB_PASSWORD=Rq7vLx2pZw9t", {"Rq7vLx2pZw9t"}},
		{"oops, committed db1.internal:5432:app:deploy:Xw8qTz3mKp6v", {"Xw8qTz3mKp6v"}},
		{"revert machine ftp.acme.dev login backup password Lk4wPz9qRt2x", {"Lk4wPz9qRt2x"}},
		{"drop <Pass encoding=\"base64\">Wm5xN2tQcTJ3dkw4</Pass> from sitemanager.xml", {"Wm5xN2tQcTJ3dkw4"}},
		{"rotate db1.internal:5432:app:deploy:Xw8qTz3mKp6v and https://ci:Hv3kQp9wLm2Zt@git.acme.dev",
		 {"Xw8qTz3mKp6v", "Hv3kQp9wLm2Zt"}},
	};
	for (size_t i = 0; i < sizeof(quoted) / sizeof(*quoted); i++) {
		char *out = NULL;
		const char *first = strstr(quoted[i].in, quoted[i].secret[0]);
		assert_int_equal(keyhound_engine_redact(e, quoted[i].in, &out), 0);
		for (size_t j = 0; j < 2 && quoted[i].secret[j]; j++)
			assert_null(strstr(out, quoted[i].secret[j]));
		assert_memory_equal(out, quoted[i].in, (size_t)(first - quoted[i].in));
		assert_non_null(strstr(out, "*****"));
		free(out);
	}
	keyhound_engine_free(e);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(two_secrets_on_a_line_are_both_masked),
		cmocka_unit_test(prefix_never_shows_a_nested_short_secret),
		cmocka_unit_test(short_secret_shows_no_prefix),
		cmocka_unit_test(secret_across_the_cut_is_masked),
		cmocka_unit_test(values_are_masked_everywhere),
		cmocka_unit_test(filtered_and_overlapping_matches_are_masked),
		cmocka_unit_test(shown_when_asked),
		cmocka_unit_test(partial_matches_show_only_the_secret),
		cmocka_unit_test(messages_are_matched_and_masked),
		cmocka_unit_test(messages_without_secrets_are_shown_whole),
		cmocka_unit_test(quoted_credential_lines_are_masked_and_prose_is_not),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
