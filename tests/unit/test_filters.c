/* SPDX-License-Identifier: Apache-2.0 */
/* Filters: entropy, placeholders, confidence, inline allows and added lines. */
#include <math.h>

#include "core/blob.h"
#include "core/report.h"
#include "decode/decode.h"
#include "bpe_counts.h"
#include "filter/filter.h"
#include "filter/judge.h"
#include "kh_test.h"
#include "match/match.h"

static void entropy_bits_per_byte(void **state)
{
	assert_true(fabs(kh_entropy((const unsigned char *)"aaaa", 4)) < 1e-9);
	assert_true(fabs(kh_entropy((const unsigned char *)"abab", 4) - 1.0) < 1e-9);
	assert_true(fabs(kh_entropy((const unsigned char *)"abcdefgh", 8) - 3.0) < 1e-9);
	assert_true(kh_entropy((const unsigned char *)"", 0) == 0);
}

static void placeholders_are_recognised(void **state)
{
	const char *yes[] = {"${DB_PASSWORD}", "{{ vault_token }}", "<your-api-key>", "xxxxxxxxxxxx",
			     "changeme", "AKIAIOSFODNN7EXAMPLE", "os.environ['TOKEN']", "$SECRET_KEY",
			     "process.env.API_KEY", "********", "%(password)s", "password", "00000000"};
	const char *no[] = {"Tr0ub4dor&3xQ", "tok_A1b2C3d4E5f6G7h8I9j0K1l2", "hX9!kq2Lz", "s3cr3t-V4lu3"};
	for (size_t i = 0; i < sizeof(yes) / sizeof(*yes); i++)
		assert_true(kh_is_placeholder(yes[i], strlen(yes[i])));
	for (size_t i = 0; i < sizeof(no) / sizeof(*no); i++)
		assert_false(kh_is_placeholder(no[i], strlen(no[i])));
}

static void low_entropy_and_placeholders_are_dropped(void **state)
{
	keyhound_engine *e = kt_engine(KT_RULES, NULL);
	keyhound_report *r = kt_scan_str(e, "password = \"aaaaaaab\"\npassword = \"${DB_PASS}\"\n"
					    "password = \"Tr0ub4dor&3xQ\"\n");
	assert_int_equal(kt_count_rule(r, "test-password"), 1);
	assert_int_equal(keyhound_report_get(r, 0)->line, 3);
	keyhound_report_free(r);
	keyhound_engine_free(e);
}

static void min_confidence_drops_weaker_rules(void **state)
{
	keyhound_options o = KEYHOUND_OPTIONS_INIT;
	o.min_confidence = KEYHOUND_CONF_HIGH;
	keyhound_engine *e = kt_engine(KT_RULES, &o);
	keyhound_report *r = kt_scan_str(e, "password = \"Tr0ub4dor&3xQ\"\ntok_A1b2C3d4E5f6G7h8I9j0K1l2\n");
	assert_int_equal(keyhound_report_count(r), 1);
	assert_string_equal(keyhound_report_get(r, 0)->rule_id, "test-token");
	keyhound_report_free(r);
	keyhound_engine_free(e);
}

static void inline_markers_allow_a_line(void **state)
{
	keyhound_engine *e = kt_engine(KT_RULES, NULL);
	keyhound_report *r = kt_scan_str(e,
		"a tok_A1b2C3d4E5f6G7h8I9j0K1l2 # keyhound:allow\n"
		"b tok_B1b2C3d4E5f6G7h8I9j0K1l2 // gitleaks:allow\n"
		"c tok_C1b2C3d4E5f6G7h8I9j0K1l2 # pragma: allowlist secret\n"
		"# pragma: allowlist nextline secret\n"
		"d tok_D1b2C3d4E5f6G7h8I9j0K1l2\n"
		"e tok_E1b2C3d4E5f6G7h8I9j0K1l2\n");
	assert_int_equal(keyhound_report_count(r), 1);
	assert_int_equal(keyhound_report_get(r, 0)->line, 6);
	keyhound_report_free(r);
	keyhound_engine_free(e);
}

/* A change's added lines: a finding must touch one (a key block spans many). */
static void only_added_lines_are_reported(void **state)
{
	keyhound_engine *e = kt_engine(KT_RULES, NULL);
	keyhound_report *report = kh_calloc(1, sizeof(*report));
	kh_report_init(report);
	const char *text = "tok_A1b2C3d4E5f6G7h8I9j0K1l2\nclean\ntok_B1b2C3d4E5f6G7h8I9j0K1l2\n";
	kh_blob b = {.data = (unsigned char *)text, .len = strlen(text)};
	kh_origin o = KH_ORIGIN_INIT;
	kh_line_range added = {2, 3};
	kh_scratch *s = NULL;
	kh_matches m = {0};
	o.path = "f.txt";
	o.added = &added;
	o.n_added = 1;
	b.occ = &o;
	b.n_occ = 1;
	assert_int_equal(kh_scratch_new(&s, e->rules), 0);
	assert_int_equal(kh_match_blob(e->rules, s, b.data, b.len, &e->opts.limits, &m), 0);
	assert_int_equal(m.n, 2);
	kh_judge(&e->judging, NULL, &b, 0, &m, report);
	assert_int_equal(report->n, 1);
	assert_int_equal(report->v[0].f.line, 3);
	kh_matches_free(&m);
	kh_scratch_free(s);
	keyhound_report_free(report);
	keyhound_engine_free(e);
}

static void path_rules_match_on_path_alone(void **state)
{
	keyhound_engine *e = kt_engine(KT_RULES, NULL);
	keyhound_report *r = kt_scan(e, "\x30\x82\x00\x01binary", 10, "deploy/cert.p12");
	assert_int_equal(kt_count_rule(r, "test-keyfile"), 1);
	keyhound_report_free(r);
	r = kt_scan(e, "anything", 8, "app/secrets/db.txt");
	assert_int_equal(kt_count_rule(r, "test-keyfile"), 1);
	keyhound_report_free(r);
	r = kt_scan(e, "anything", 8, "app/notsecrets.txt");
	assert_int_equal(kt_count_rule(r, "test-keyfile"), 0);
	keyhound_report_free(r);
	keyhound_engine_free(e);
}

/* One secret, one finding: the provider rule wins over the generic one. */
static void overlapping_rules_report_once(void **state)
{
	keyhound_engine *e = kt_engine("rules:\n"
		"  - {id: generic, name: G, pattern: 'key\\s*=\\s*\"([^\"]{8,})\"', severity: medium, confidence: low}\n"
		"  - {id: provider, name: P, pattern: '\\b(prv_[a-z0-9]{12})\\b', severity: high, confidence: high}\n",
		NULL);
	keyhound_report *r = kt_scan_str(e, "key = \"prv_q7m2x9k4w1z5\"\nkey = \"Zq8#vK2!pW9m\"\n");
	assert_int_equal(keyhound_report_count(r), 2);
	assert_string_equal(keyhound_report_get(r, 0)->rule_id, "provider");
	assert_int_equal(keyhound_report_get(r, 0)->line, 1);
	assert_string_equal(keyhound_report_get(r, 1)->rule_id, "generic");
	assert_int_equal(keyhound_report_get(r, 1)->line, 2);
	keyhound_report_free(r);
	keyhound_engine_free(e);
}

static void globs(void **state)
{
	assert_true(kh_glob_match("*.p12", "a/b/c.p12"));
	assert_false(kh_glob_match("*.p12", "a/b/c.p12.txt"));
	assert_true(kh_glob_match("tests/fixtures/**", "tests/fixtures/a/b.txt"));
	assert_false(kh_glob_match("tests/fixtures/**", "src/tests/fixtures/a.txt"));
	assert_true(kh_glob_match("**/*.snap", "a/b/x.snap"));
	assert_true(kh_glob_match("**/*.snap", "x.snap"));
	assert_true(kh_glob_match(".env.*", "app/.env.prod"));
	assert_false(kh_glob_match(".env.*", "app/.env"));
	assert_true(kh_glob_match("id_[rd]sa", "home/u/.ssh/id_rsa"));
	assert_true(kh_glob_match("*.properties", "app.jar!BOOT-INF/application.properties"));
	assert_true(kh_glob_match("config/?.yml", "config/a.yml"));
	assert_false(kh_glob_match("config/?.yml", "config/ab.yml"));
}

/* Placeholders are judged on the value alone: a real-looking value that contains a
 * placeholder word or a template marker is a secret; a documented or patterned one
 * behind a real prefix is not. */
static void placeholders_judge_the_value_only(void **state)
{
	const char *yes[] = {"AKIA1234567890ABCDEF", "sk_live_12345678901234567890",
			     "glpat-abcdefghijklmnopqrst", "your_api_key_here", "REPLACE_WITH_YOUR_KEY",
			     "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY", "<insert-token>",
			     "sk_live_xxxxxxxxxxxxxxxxxxxxxxxx", "a1b2c3d4e5f6a7b8", "$(DB_PASSWORD)",
			     "dummy-password", "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw=="};
	const char *no[] = {"k8Xq2dummyZp0rT5mN7vB1c", "django-insecure-k8%(x3$(qz!m2v9@lr0w7b",
			    "ghp_Rk4Wm9Zq2Lx7Tb5Nc8Vh3Jd6Pq1Ys0Gf2Ae", "Xk29sLqP0vZ8wR4t"};
	for (size_t i = 0; i < sizeof(yes) / sizeof(*yes); i++)
		assert_true(kh_is_placeholder(yes[i], strlen(yes[i])));
	for (size_t i = 0; i < sizeof(no) / sizeof(*no); i++)
		assert_false(kh_is_placeholder(no[i], strlen(no[i])));
}

/* Words and identifiers are natural; random tokens are not. */
static void naturalness_tells_words_from_tokens(void **state)
{
	const char *words[] = {"NSPersistentStoreCoordinator", "correcthorsebatterystaple",
			       "consistency-token", "mysecretpassword"};
	const char *tokens[] = {"q8Zr2LmX0vT4bN7cW1yK5pD3", "Zx8!Cv4#Bn7m", "Tr0ub4dor&3"};
	for (size_t i = 0; i < sizeof(words) / sizeof(*words); i++)
		assert_true(kh_unnaturalness((const unsigned char *)words[i], strlen(words[i])) <
			    KH_GENERIC_MIN_UNNATURALNESS);
	for (size_t i = 0; i < sizeof(tokens) / sizeof(*tokens); i++)
		assert_true(kh_unnaturalness((const unsigned char *)tokens[i], strlen(tokens[i])) >
			    KH_GENERIC_MIN_UNNATURALNESS);
}

/* The tokenizer splits as OpenAI's cl100k_base does: the expected counts were computed
 * by the npm package gpt-tokenizer (bpe_vocab.py), not by keyhound. */
static void bpe_counts_tokens_as_cl100k_base_does(void **state)
{
	for (size_t i = 0; i < sizeof(bpe_counts) / sizeof(*bpe_counts); i++) {
		size_t got = kh_bpe_tokens((const unsigned char *)bpe_counts[i].s, strlen(bpe_counts[i].s));
		if (got != bpe_counts[i].tokens)
			fail_msg("\"%s\": %zu tokens, cl100k_base has %zu", bpe_counts[i].s, got, bpe_counts[i].tokens);
	}
}

/* Only the first KH_BPE_MAX_VALUE bytes are read, so a long value costs bounded work;
 * random text is many tokens a byte, words few. */
static void bpe_reads_a_bounded_prefix(void **state)
{
	unsigned char v[4 * KH_BPE_MAX_VALUE];
	for (size_t i = 0; i < sizeof v; i++)
		v[i] = (unsigned char)"q8Zr2LmX0vT4bN7cW1yK5pD3"[i % 24];
	assert_int_equal(kh_bpe_tokens(v, sizeof v), kh_bpe_tokens(v, KH_BPE_MAX_VALUE));
	assert_true(kh_bpe_rate(v, sizeof v) > 0.5);
	for (size_t i = 0; i < sizeof v; i++)
		v[i] = (unsigned char)"correct horse battery staple "[i % 29];
	assert_true(kh_bpe_rate(v, sizeof v) < 0.2);
	assert_true(kh_bpe_rate(v, 0) == 0);
}

#define KT_CRED_RULES                                                                          \
	"rules:\n"                                                                             \
	"  - id: test-store\n"                                                                 \
	"    name: Test credential store\n"                                                    \
	"    pattern: '(?m)^pw=(\\S+)$'\n"                                                     \
	"    min_entropy: 2.0\n"                                                               \
	"    severity: high\n"                                                                 \
	"    confidence: high\n"                                                               \
	"    credential_file: true\n"                                                          \
	"    paths: ['creds', 'creds.*']\n"

/* In a credential file every entry is a finding: a weak or stand-in value lowers the
 * finding's confidence (and --min-confidence sees that), a template drops stand-ins. */
static void credential_files_keep_weak_values_at_low_confidence(void **state)
{
	const char *text = "pw=Xk29sLqP0vZ8wR4t\npw=changeme\npw=admin123\n";
	keyhound_engine *e = kt_engine(KT_CRED_RULES, NULL);
	keyhound_report *r = kt_scan(e, text, strlen(text), "home/creds");
	assert_int_equal(keyhound_report_count(r), 3);
	assert_int_equal(keyhound_report_get(r, 0)->confidence, KEYHOUND_CONF_HIGH);
	assert_int_equal(keyhound_report_get(r, 1)->confidence, KEYHOUND_CONF_LOW);
	assert_int_equal(keyhound_report_get(r, 2)->confidence, KEYHOUND_CONF_LOW);
	keyhound_report_free(r);
	r = kt_scan(e, text, strlen(text), "home/creds.example");
	assert_int_equal(keyhound_report_count(r), 2); /* changeme is a template's stand-in */
	keyhound_report_free(r);
	keyhound_engine_free(e);

	keyhound_options o = KEYHOUND_OPTIONS_INIT;
	o.min_confidence = KEYHOUND_CONF_MEDIUM;
	e = kt_engine(KT_CRED_RULES, &o);
	r = kt_scan(e, text, strlen(text), "home/creds");
	assert_int_equal(keyhound_report_count(r), 1);
	keyhound_report_free(r);
	keyhound_engine_free(e);
}

#define KT_SLOT_RULES                                                                          \
	"rules:\n"                                                                             \
	"  - id: test-slot\n"                                                                  \
	"    name: Test password slot\n"                                                       \
	"    pattern: '(?m)^DB_PASSWORD=(\\S+)$'\n"                                            \
	"    min_entropy: 3.0\n"                                                               \
	"    severity: high\n"                                                                 \
	"    confidence: medium\n"                                                             \
	"    weak_values: true\n"

/* A password slot (weak_values: a .env's DB_PASSWORD=) reports the deployed password
 * however guessable, at low confidence; a stand-in there is still dropped. */
static void password_slots_keep_weak_values_and_drop_stand_ins(void **state)
{
	const char *text = "DB_PASSWORD=Xk29sLqP0vZ8wR4t\nDB_PASSWORD=admin123\nDB_PASSWORD=sunshine\n"
			   "DB_PASSWORD=changeme\nDB_PASSWORD=dummy\n";
	keyhound_engine *e = kt_engine(KT_SLOT_RULES, NULL);
	keyhound_report *r = kt_scan(e, text, strlen(text), "srv/.env");
	assert_int_equal(keyhound_report_count(r), 3);
	assert_int_equal(keyhound_report_get(r, 0)->confidence, KEYHOUND_CONF_MEDIUM);
	assert_int_equal(keyhound_report_get(r, 1)->confidence, KEYHOUND_CONF_LOW);
	assert_int_equal(keyhound_report_get(r, 2)->confidence, KEYHOUND_CONF_LOW);
	assert_int_equal(keyhound_report_get(r, 2)->line, 3);
	keyhound_report_free(r);
	keyhound_engine_free(e);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(entropy_bits_per_byte),
		cmocka_unit_test(placeholders_are_recognised),
		cmocka_unit_test(low_entropy_and_placeholders_are_dropped),
		cmocka_unit_test(min_confidence_drops_weaker_rules),
		cmocka_unit_test(inline_markers_allow_a_line),
		cmocka_unit_test(only_added_lines_are_reported),
		cmocka_unit_test(path_rules_match_on_path_alone),
		cmocka_unit_test(overlapping_rules_report_once),
		cmocka_unit_test(globs),
		cmocka_unit_test(placeholders_judge_the_value_only),
		cmocka_unit_test(naturalness_tells_words_from_tokens),
		cmocka_unit_test(bpe_counts_tokens_as_cl100k_base_does),
		cmocka_unit_test(bpe_reads_a_bounded_prefix),
		cmocka_unit_test(credential_files_keep_weak_values_at_low_confidence),
		cmocka_unit_test(password_slots_keep_weak_values_and_drop_stand_ins),
	};
	return cmocka_run_group_tests_name("filters", tests, NULL, NULL);
}
