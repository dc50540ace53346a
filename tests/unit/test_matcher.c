/* SPDX-License-Identifier: Apache-2.0 */
/* The matcher: Hyperscan finds, PCRE2 confirms forward from before the first
 * hit, so repeats are whole, the secret is group 1 and context is honoured. */
#include "kh_test.h"
#include "decode/decode.h"
#include "match/match.h"

static keyhound_engine *engine;

static int setup(void **state)
{
	engine = kt_engine(KT_RULES, NULL);
	return 0;
}

static int teardown(void **state)
{
	keyhound_engine_free(engine);
	return 0;
}

static const keyhound_finding *only(const keyhound_report *r, const char *id)
{
	const keyhound_finding *f = NULL;
	for (size_t i = 0; i < keyhound_report_count(r); i++)
		if (!strcmp(keyhound_report_get(r, i)->rule_id, id)) {
			assert_null(f);
			f = keyhound_report_get(r, i);
		}
	assert_non_null(f);
	return f;
}

/* Hyperscan reports the shortest end of {8,} first: the secret must still be whole. */
static void repeat_is_not_cut_short(void **state)
{
	keyhound_options o = KEYHOUND_OPTIONS_INIT;
	o.show_secrets = 1;
	keyhound_engine *e = kt_engine(KT_RULES, &o);
	keyhound_report *r = kt_scan_str(e, "x longsecret=Ab3dE6gH9jK2mN5pQ8 y");
	const keyhound_finding *f = only(r, "test-long");
	assert_string_equal(f->secret, "Ab3dE6gH9jK2mN5pQ8");
	assert_int_equal(f->column, 14);
	assert_int_equal(f->end_column, 31);
	keyhound_report_free(r);
	keyhound_engine_free(e);
}

static void secret_is_group_one_and_redacted(void **state)
{
	keyhound_report *r = kt_scan_str(engine, "line one\n  key: tok_A1b2C3d4E5f6G7h8I9j0K1l2\n");
	const keyhound_finding *f = only(r, "test-token");
	assert_int_equal(f->line, 2);
	assert_int_equal(f->column, 8);
	assert_int_equal(f->end_line, 2);
	assert_int_equal(f->end_column, 35);
	assert_string_equal(f->secret, "tok_*****");
	assert_null(strstr(f->match, "A1b2C3d4"));
	keyhound_report_free(r);
}

/* \b sees the real context: PCRE2 starts inside the blob, not at a cut. */
static void word_boundary_sees_context(void **state)
{
	keyhound_report *r = kt_scan_str(engine, "xtok_A1b2C3d4E5f6G7h8I9j0K1l2 tok_A1b2C3d4E5f6G7h8I9j0K1l2X");
	assert_int_equal(kt_count_rule(r, "test-token"), 0);
	keyhound_report_free(r);
}

static void two_tokens_on_one_line(void **state)
{
	keyhound_report *r = kt_scan_str(engine, "a=tok_A1b2C3d4E5f6G7h8I9j0K1l2 b=tok_Z9y8X7w6V5u4T3s2R1q0P9o8");
	assert_int_equal(kt_count_rule(r, "test-token"), 2);
	assert_int_equal(keyhound_report_get(r, 0)->column, 3);
	assert_int_equal(keyhound_report_get(r, 1)->column, 34);
	keyhound_report_free(r);
}

static void prefiltered_pattern_is_confirmed(void **state)
{
	keyhound_report *r = kt_scan_str(engine, "lk_qmzrwtxk4p\nlk_qmzrwtxkvp\n");
	assert_int_equal(kt_count_rule(r, "test-lookahead"), 1);
	assert_int_equal(only(r, "test-lookahead")->line, 1);
	keyhound_report_free(r);
}

static void findings_per_blob_limit_is_counted(void **state)
{
	keyhound_options o = KEYHOUND_OPTIONS_INIT;
	o.limits.max_findings_per_blob = 3;
	keyhound_engine *e = kt_engine(KT_RULES, &o);
	kh_buf b = {0};
	for (int i = 0; i < 10; i++)
		kh_buf_printf(&b, "tok_A1b2C3d4E5f6G7h8I9j0K%03d\n", i);
	/* the limit is per rule: a noisy rule does not crowd out another one */
	kh_buf_puts(&b, "longsecret=Ab3dE6gH9jK2mN5pQ8\n");
	keyhound_report *r = kt_scan(e, b.buf, b.len, "many.txt");
	keyhound_summary s;
	keyhound_report_summary(r, &s);
	assert_int_equal(kt_count_rule(r, "test-token"), 3);
	assert_int_equal(kt_count_rule(r, "test-long"), 1);
	assert_int_equal(s.skipped, 1);
	keyhound_report_free(r);
	keyhound_engine_free(e);
	kh_buf_free(&b);
}

/* A pattern that backtracks badly hits PCRE2's match limit: counted as an
 * error, never read as "no match". */
static void match_limit_is_an_error(void **state)
{
	keyhound_engine *e = kt_engine("rules:\n  - id: slow\n    name: Slow\n"
				       "    pattern: '(?=(a|aa)+b)aaaa'\n"
				       "    severity: low\n    confidence: low\n", NULL);
	char *text = kh_malloc(20001);
	memset(text, 'a', 20000);
	text[20000] = '\0';
	keyhound_report *r = kt_scan_str(e, text);
	keyhound_summary s;
	keyhound_report_summary(r, &s);
	assert_true(s.errors >= 1);
	assert_int_equal(keyhound_report_exit_code(r, 0), 2);
	keyhound_report_free(r);
	keyhound_engine_free(e);
	free(text);
}

/* Long lines and big blobs: a secret at the end of a 10 MB line is found. */
static void secret_at_end_of_long_line(void **state)
{
	size_t n = 10u << 20;
	char *text = kh_malloc(n + 64);
	memset(text, 'q', n);
	strcpy(text + n, " tok_A1b2C3d4E5f6G7h8I9j0K1l2\n");
	keyhound_report *r = kt_scan(engine, text, strlen(text), "long.txt");
	const keyhound_finding *f = only(r, "test-token");
	assert_int_equal(f->line, 1);
	assert_int_equal(f->column, n + 2);
	keyhound_report_free(r);
	free(text);
}

/* A gated rule: a bare 32-hex value is a finding only near one of its keywords. */
#define GATED_RULES                                                                           \
	"rules:\n"                                                                            \
	"  - id: acme-key\n"                                                                  \
	"    name: Acme key\n"                                                                \
	"    pattern: '\\b([a-f0-9]{32})\\b'\n"                                               \
	"    keywords: [acme, zeta-corp]\n"                                                   \
	"    severity: high\n"                                                                \
	"    confidence: medium\n"

#define HEX1 "4f9c2a7be01d83f5a6c9d2e7b4f18a3c"
#define HEX2 "9d8e7f6a5b4c3d2e1f0a9b8c7d6e5f4a"
#define HEX3 "0a1b2c3d4e5f60718293a4b5c6d7e8f9"

static void keyword_gate_finds_values_near_a_keyword(void **state)
{
	keyhound_options o = KEYHOUND_OPTIONS_INIT;
	o.show_secrets = 1;
	keyhound_engine *e = kt_engine(GATED_RULES, &o);
	/* any case; the keyword before or after the value */
	keyhound_report *r = kt_scan_str(e, "ACME_KEY=" HEX1 "\n" HEX2 " # Zeta-Corp token\n");
	assert_int_equal(kt_count_rule(r, "acme-key"), 2);
	assert_string_equal(keyhound_report_get(r, 0)->secret, HEX1);
	assert_int_equal(keyhound_report_get(r, 1)->line, 2);
	keyhound_report_free(r);
	/* no keyword: the same shape is not a finding */
	r = kt_scan_str(e, "commit " HEX1 "\nchecksum " HEX2 "\n");
	assert_int_equal(keyhound_report_count(r), 0);
	keyhound_report_free(r);
	keyhound_engine_free(e);
}

/* "Near" is KH_KEYWORD_NEAR bytes between the keyword and the match's start. */
static void keyword_gate_window_is_bounded(void **state)
{
	keyhound_engine *e = kt_engine(GATED_RULES, NULL);
	kh_buf b = {0};
	char pad[KH_KEYWORD_NEAR + 64];
	memset(pad, ' ', sizeof(pad) - 1);
	pad[sizeof(pad) - 1] = '\0';
	/* just inside after the keyword, just inside before it, then both too far */
	kh_buf_printf(&b, "acme%.*s%s\n", KH_KEYWORD_NEAR - 2, pad, HEX1);
	kh_buf_printf(&b, "%s%.*sacme\n", HEX2, KH_KEYWORD_NEAR - 33 - 2, pad);
	kh_buf_printf(&b, "%s\nacme%s%s\n", pad, pad, HEX3);
	keyhound_report *r = kt_scan(e, b.buf, b.len, "near.txt");
	assert_int_equal(kt_count_rule(r, "acme-key"), 2);
	assert_int_equal(keyhound_report_get(r, 0)->line, 1);
	assert_int_equal(keyhound_report_get(r, 1)->line, 2);
	keyhound_report_free(r);
	keyhound_engine_free(e);
	kh_buf_free(&b);
}

/* Keywords dense around many values: each value is one finding, whatever the
 * number of keyword windows that cover it. */
static void keyword_gate_reports_each_value_once(void **state)
{
	keyhound_engine *e = kt_engine(GATED_RULES, NULL);
	kh_buf b = {0};
	for (int i = 0; i < 40; i++)
		kh_buf_printf(&b, "acme acme zeta-corp %s acme\n", i % 2 ? HEX1 : HEX2);
	keyhound_report *r = kt_scan(e, b.buf, b.len, "dense.txt");
	assert_int_equal(kt_count_rule(r, "acme-key"), 40);
	for (size_t i = 0; i < keyhound_report_count(r); i++)
		assert_int_equal(keyhound_report_get(r, i)->line, i + 1);
	keyhound_report_free(r);
	keyhound_engine_free(e);
	kh_buf_free(&b);
}

/* A factor stands for the pattern in Hyperscan: the findings are the pattern's,
 * wherever in the match the factor sits, and nothing without the factor. */
static void factor_finds_what_the_pattern_finds(void **state)
{
	keyhound_options o = KEYHOUND_OPTIONS_INIT;
	o.show_secrets = 1;
	keyhound_engine *e = kt_engine("rules:\n  - id: dotted\n    name: Dotted\n"
				       "    pattern: '\\b([MNO][A-Za-z0-9]{10}\\.[A-Za-z0-9]{6}\\.[A-Za-z0-9]{12})\\b'\n"
				       "    factor: '\\.[A-Za-z0-9]{6}\\.'\n"
				       "    severity: low\n    confidence: low\n", &o);
	keyhound_report *r = kt_scan_str(e, "a = Mx7Kq2Lp9Zr.T4bW8n.Q3vH6jK1mN0c b\n"
					    "x.abcdef.y Nq2Lp9Zr4Tb.W8nQ3v.H6jK1mN0cX5r\n"
					    "Ax7Kq2Lp9Zr.T4bW8n.Q3vH6jK1mN0c\n");
	assert_int_equal(kt_count_rule(r, "dotted"), 2);
	assert_string_equal(keyhound_report_get(r, 0)->secret, "Mx7Kq2Lp9Zr.T4bW8n.Q3vH6jK1mN0c");
	assert_int_equal(keyhound_report_get(r, 1)->line, 2);
	assert_int_equal(keyhound_report_get(r, 1)->column, 12);
	keyhound_report_free(r);
	keyhound_engine_free(e);
}

/* A rule whose matches never hold a newline (an assignment on one line, a value with no
 * space in it) is confirmed in its hit's line, not 64 KiB either side: the findings are
 * the same wherever the line sits (first, last with no newline, beside long lines, CRLF),
 * and the lookbehind before the line and the lookahead at its end still see their bytes. */
#define ONE_LINE_RULES                                                                        \
	"rules:\n"                                                                            \
	"  - id: one-line\n"                                                                  \
	"    name: One line\n"                                                                \
	"    pattern: '(?m)(?<=[a-z_])pass[ \\t]*=[ \\t]*\"([^\"\\s]{8,})\"(?=[ \\t]*(?:;|\\r?$))'\n" \
	"    severity: low\n"                                                                 \
	"    confidence: low\n"                                                               \
	"  - id: two-lines\n"                                                                 \
	"    name: Two lines\n"                                                               \
	"    pattern: 'tier[ \\t]*=\\s*\"([^\"\\s]{8,})\"'\n"                                 \
	"    severity: low\n"                                                                 \
	"    confidence: low\n"

static void one_line_patterns_are_confirmed_in_their_line(void **state)
{
	keyhound_options o = KEYHOUND_OPTIONS_INIT;
	o.show_secrets = 1;
	o.min_confidence = KEYHOUND_CONF_LOW;
	keyhound_engine *e = kt_engine(ONE_LINE_RULES, &o);
	kh_buf b = {0};
	char longline[901];
	memset(longline, 'x', 900);
	longline[900] = '\0';
	kh_buf_printf(&b, "db_pass = \"Qm7vX2pL9sKd\";\n");                   /* 1: first line */
	kh_buf_printf(&b, "%s\n", longline);                                       /* 2 */
	kh_buf_printf(&b, "a_pass=\"fR3uE8yT1oWa\"; b_pass=\"gB5nM0cV6xZq\";\r\n"); /* 3: two */
	kh_buf_printf(&b, "pass = \"pO9iU8yT7rEw\"\n");                         /* 4: no lookbehind */
	kh_buf_printf(&b, "x_pass = \"mN3bV5cX7zLa\" trailing\n");              /* 5: nor lookahead */
	kh_buf_printf(&b, "tier =\n  \"hJ4kL2iU9oPz\"\n");                       /* 6-7: two lines */
	kh_buf_printf(&b, "%s x_pass = \"tY7rE3wQ8aSd\"\n", longline);          /* 8: long line's end */
	kh_buf_printf(&b, "y_pass = \"cV1bN6mK4jHg\"");                         /* 9: no newline */
	keyhound_report *r = kt_scan(e, b.buf, b.len, "one-line.txt");
	assert_int_equal(kt_count_rule(r, "one-line"), 5);
	assert_int_equal(kt_count_rule(r, "two-lines"), 1);
	const size_t lines[] = {1, 3, 3, 7, 8, 9};
	const char *secrets[] = {"Qm7vX2pL9sKd", "fR3uE8yT1oWa", "gB5nM0cV6xZq", "hJ4kL2iU9oPz",
				 "tY7rE3wQ8aSd", "cV1bN6mK4jHg"};
	for (size_t i = 0; i < keyhound_report_count(r); i++) {
		assert_int_equal(keyhound_report_get(r, i)->line, lines[i]);
		assert_string_equal(keyhound_report_get(r, i)->secret, secrets[i]);
	}
	keyhound_report_free(r);
	keyhound_engine_free(e);
	kh_buf_free(&b);
}

/* A one-line JSON document (no newline within 64 KiB of a hit): the pattern's walk back
 * from each hit (a quoted value, a colon, a key) bounds the window instead, and every value
 * is found once, at its column. */
static void values_on_a_long_line_are_found_once(void **state)
{
	keyhound_options o = KEYHOUND_OPTIONS_INIT;
	o.show_secrets = 1;
	o.min_confidence = KEYHOUND_CONF_LOW;
	keyhound_engine *e = kt_engine("rules:\n  - id: json-pass\n    name: JSON pass\n"
				       "    pattern: '(?<=[a-z_])pass\"?[ \\t]*:[ \\t]*\"([^\"\\s]{8,})\"'\n"
				       "    severity: low\n    confidence: low\n", &o);
	static const char *secrets[] = {"Kq8sLm2pXw3e", "fR3uE8yT1oWa", "gB5nM0cV6xZq"};
	size_t at[3], k = 0;
	kh_buf b = {0};
	kh_buf_puts(&b, "{");
	while (b.len < 200000) {
		if (k < 3 && b.len >= (k ? 99000 * k : 1000)) {
			kh_buf_printf(&b, "\"db_pass\": \"");
			at[k] = b.len + 1;
			kh_buf_printf(&b, "%s\", \"user_pass\": \"short\", ", secrets[k]);
			k++;
		}
		kh_buf_printf(&b, "\"name\": \"passes %zu\", \"passive\": [\"a\", \"b\"], ", b.len);
	}
	kh_buf_puts(&b, "\"end\": 1}");
	keyhound_report *r = kt_scan(e, b.buf, b.len, "doc.json");
	assert_int_equal(kt_count_rule(r, "json-pass"), 3);
	for (size_t i = 0; i < 3; i++) {
		assert_int_equal(keyhound_report_get(r, i)->line, 1);
		assert_int_equal(keyhound_report_get(r, i)->column, at[i]);
		assert_string_equal(keyhound_report_get(r, i)->secret, secrets[i]);
	}
	keyhound_report_free(r);
	keyhound_engine_free(e);
	kh_buf_free(&b);
}

/* A rule scoped to paths is matched only in a blob at one of them, however many paths one
 * worker has seen (its cache of which scoped rules apply at a path holds 1,024 and evicts):
 * each blob is decided at its own paths. */
static void scoped_rules_follow_each_blobs_paths(void **state)
{
	keyhound_engine *e = kt_engine("rules:\n  - id: cfg-token\n    name: Cfg token\n"
				       "    pattern: '\\b(cfg_[a-z0-9]{16})\\b'\n"
				       "    paths: ['*.cfg', 'deploy/*']\n"
				       "    severity: low\n    confidence: low\n", NULL);
	const char *text = "x = cfg_a1b2c3d4e5f6g7h8\n";
	kh_scratch *s = NULL;
	char one[64], other[64];
	assert_int_equal(kh_scratch_new(&s, e->rules), 0);
	for (int i = 0; i < 5000; i++) {
		/* 2,600 distinct paths, each met again later: hits, misses and evictions */
		int n = i % 2600;
		bool cfg = n % 3 == 0, deploy = n % 7 == 0;
		snprintf(one, sizeof(one), "%s/f%d.%s", deploy ? "deploy" : "src", n, cfg ? "cfg" : "txt");
		snprintf(other, sizeof(other), "docs/f%d.md", n);
		const char *paths[3] = {other, n % 5 ? one : NULL, one};
		kh_matches m = {0};
		kh_scratch_set_paths(s, paths, n % 2 ? 3 : 1);
		assert_int_equal(kh_match_blob(e->rules, s, (const unsigned char *)text, strlen(text),
					       &e->opts.limits, &m), 0);
		if (m.n != ((n % 2 && (cfg || deploy)) ? 1u : 0u))
			fail_msg("blob %d at %s: %zu matches", i, n % 2 ? one : other, m.n);
		kh_matches_free(&m);
	}
	/* no paths known: every rule is matched */
	kh_matches m = {0};
	kh_scratch_set_paths(s, NULL, 0);
	assert_int_equal(kh_match_blob(e->rules, s, (const unsigned char *)text, strlen(text), &e->opts.limits, &m), 0);
	assert_int_equal(m.n, 1);
	kh_matches_free(&m);
	kh_scratch_free(s);
	keyhound_engine_free(e);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(repeat_is_not_cut_short),
		cmocka_unit_test(secret_is_group_one_and_redacted),
		cmocka_unit_test(word_boundary_sees_context),
		cmocka_unit_test(two_tokens_on_one_line),
		cmocka_unit_test(prefiltered_pattern_is_confirmed),
		cmocka_unit_test(findings_per_blob_limit_is_counted),
		cmocka_unit_test(match_limit_is_an_error),
		cmocka_unit_test(secret_at_end_of_long_line),
		cmocka_unit_test(keyword_gate_finds_values_near_a_keyword),
		cmocka_unit_test(keyword_gate_window_is_bounded),
		cmocka_unit_test(keyword_gate_reports_each_value_once),
		cmocka_unit_test(factor_finds_what_the_pattern_finds),
		cmocka_unit_test(one_line_patterns_are_confirmed_in_their_line),
		cmocka_unit_test(values_on_a_long_line_are_found_once),
		cmocka_unit_test(scoped_rules_follow_each_blobs_paths),
	};
	return cmocka_run_group_tests_name("matcher", tests, setup, teardown);
}
