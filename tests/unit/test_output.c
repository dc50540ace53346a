/* SPDX-License-Identifier: Apache-2.0 */
/* Printers: JSON (findings and summary), JSON Lines, human; invalid UTF-8
 * is written as U+FFFD so every report parses. */
#include <jansson.h>

#include "kh_test.h"

static char *render(const keyhound_report *r, keyhound_format fmt, int quiet)
{
	/* the stream's buffer and size live on the heap: GCC takes a local's address kept
	 * by the stream past this frame for a dangling pointer */
	struct {
		char *buf;
		size_t len;
	} *m = calloc(1, sizeof(*m));
	FILE *f = open_memstream(&m->buf, &m->len);
	keyhound_write_options o = KEYHOUND_WRITE_OPTIONS_INIT;
	o.quiet = quiet;
	assert_int_equal(keyhound_report_write(r, f, fmt, &o), 0);
	fclose(f);
	char *out = m->buf;
	free(m);
	return out;
}

static keyhound_report *sample(keyhound_engine *e)
{
	return kt_scan_str(e, "# config\ntoken: tok_A1b2C3d4E5f6G7h8I9j0K1l2\npassword = \"Tr0ub4dor&3xQ\"\n");
}

static void json_has_findings_and_summary(void **state)
{
	keyhound_engine *e = kt_engine(KT_RULES, NULL);
	keyhound_report *r = sample(e);
	char *out = render(r, KEYHOUND_FORMAT_JSON, 0);
	json_error_t err;
	json_t *root = json_loads(out, 0, &err);
	assert_non_null(root);
	assert_string_equal(json_string_value(json_object_get(root, "version")), KEYHOUND_VERSION);
	assert_true(json_is_string(json_object_get(root, "rules_version")));
	json_t *fs = json_object_get(root, "findings");
	assert_int_equal(json_array_size(fs), 2);
	json_t *f0 = json_array_get(fs, 0);
	const char *fields[] = {"rule_id", "rule_name", "severity", "confidence", "secret", "match",
				"entropy", "fingerprint", "source", "path", "line", "column",
				"end_line", "end_column"};
	for (size_t i = 0; i < sizeof(fields) / sizeof(*fields); i++)
		assert_non_null(json_object_get(f0, fields[i]));
	assert_string_equal(json_string_value(json_object_get(f0, "rule_id")), "test-token");
	assert_int_equal(json_integer_value(json_object_get(f0, "line")), 2);
	assert_string_equal(json_string_value(json_object_get(f0, "source")), "file");
	assert_null(strstr(out, "A1b2C3d4E5f6"));
	json_t *sum = json_object_get(root, "summary");
	assert_int_equal(json_integer_value(json_object_get(sum, "findings")), 2);
	assert_int_equal(json_integer_value(json_object_get(sum, "blobs")), 1);
	assert_true(json_is_object(json_object_get(sum, "skipped")));
	assert_true(json_is_array(json_object_get(sum, "errors")));
	json_decref(root);
	free(out);
	keyhound_report_free(r);
	keyhound_engine_free(e);
}

static void jsonl_is_one_finding_per_line(void **state)
{
	keyhound_engine *e = kt_engine(KT_RULES, NULL);
	keyhound_report *r = sample(e);
	char *out = render(r, KEYHOUND_FORMAT_JSONL, 0);
	int lines = 0;
	for (char *line = strtok(out, "\n"); line; line = strtok(NULL, "\n"), lines++) {
		json_error_t err;
		json_t *o = json_loads(line, 0, &err);
		assert_non_null(o);
		assert_true(json_is_string(json_object_get(o, "fingerprint")));
		json_decref(o);
	}
	assert_int_equal(lines, 2);
	free(out);
	keyhound_report_free(r);
	keyhound_engine_free(e);
}

static void fingerprint_ignores_line_numbers(void **state)
{
	keyhound_engine *e = kt_engine(KT_RULES, NULL);
	keyhound_report *a = kt_scan_str(e, "tok_A1b2C3d4E5f6G7h8I9j0K1l2\n");
	keyhound_report *b = kt_scan_str(e, "\n\n\nmoved: tok_A1b2C3d4E5f6G7h8I9j0K1l2\n");
	keyhound_report *c = kt_scan(e, "tok_A1b2C3d4E5f6G7h8I9j0K1l2\n", 29, "other.txt");
	assert_string_equal(keyhound_report_get(a, 0)->fingerprint, keyhound_report_get(b, 0)->fingerprint);
	assert_string_not_equal(keyhound_report_get(a, 0)->fingerprint, keyhound_report_get(c, 0)->fingerprint);
	keyhound_report_free(a);
	keyhound_report_free(b);
	keyhound_report_free(c);
	keyhound_engine_free(e);
}

static void invalid_utf8_is_replaced(void **state)
{
	keyhound_engine *e = kt_engine(KT_RULES, NULL);
	const char text[] = "\xff\xfe bad \xc3\x28 tok_A1b2C3d4E5f6G7h8I9j0K1l2\n";
	keyhound_report *r = kt_scan(e, text, sizeof(text) - 1, "caf\xe9-\xff.txt");
	char *out = render(r, KEYHOUND_FORMAT_JSON, 0);
	json_error_t err;
	json_t *root = json_loads(out, 0, &err);
	assert_non_null(root);
	json_t *f0 = json_array_get(json_object_get(root, "findings"), 0);
	assert_string_equal(json_string_value(json_object_get(f0, "path")), "caf\xef\xbf\xbd-\xef\xbf\xbd.txt");
	json_decref(root);
	free(out);
	keyhound_report_free(r);
	keyhound_engine_free(e);
}

static void human_groups_by_file_and_summarises(void **state)
{
	keyhound_engine *e = kt_engine(KT_RULES, NULL);
	keyhound_report *r = sample(e);
	char *out = render(r, KEYHOUND_FORMAT_HUMAN, 0);
	assert_non_null(strstr(out, "file.txt\n"));
	assert_non_null(strstr(out, "2:8"));
	assert_non_null(strstr(out, "Test token (test-token, high confidence)"));
	assert_non_null(strstr(out, "2 findings"));
	assert_null(strstr(out, "\033["));
	/* the file name is printed once for its two findings */
	assert_null(strstr(strstr(out, "file.txt") + 1, "file.txt"));
	free(out);
	out = render(r, KEYHOUND_FORMAT_HUMAN, 1);
	assert_null(strstr(out, "Scanned"));
	free(out);
	keyhound_report_free(r);
	keyhound_engine_free(e);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(json_has_findings_and_summary),
		cmocka_unit_test(jsonl_is_one_finding_per_line),
		cmocka_unit_test(fingerprint_ignores_line_numbers),
		cmocka_unit_test(invalid_utf8_is_replaced),
		cmocka_unit_test(human_groups_by_file_and_summarises),
	};
	return cmocka_run_group_tests_name("output", tests, NULL, NULL);
}
