/* SPDX-License-Identifier: Apache-2.0 */
/* Decoding: base64 and percent-encoded secrets are found, reported at the
 * encoded run with "decoded", within the depth limit. */
#include "kh_test.h"
#include "decode/decode.h"

static char *b64(const char *s)
{
	static const char al[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
	size_t n = strlen(s), o = 0;
	char *out = kh_malloc(n * 2 + 8);
	for (size_t i = 0; i < n; i += 3) {
		uint32_t v = (uint32_t)(unsigned char)s[i] << 16;
		if (i + 1 < n)
			v |= (uint32_t)(unsigned char)s[i + 1] << 8;
		if (i + 2 < n)
			v |= (unsigned char)s[i + 2];
		out[o++] = al[v >> 18 & 63];
		out[o++] = al[v >> 12 & 63];
		out[o++] = i + 1 < n ? al[v >> 6 & 63] : '=';
		out[o++] = i + 2 < n ? al[v & 63] : '=';
	}
	out[o] = '\0';
	return out;
}

static void decoders_roundtrip(void **state)
{
	unsigned char out[64];
	long n = kh_base64_decode((const unsigned char *)"aGVsbG8gd29ybGQ=", 16, out);
	assert_int_equal(n, 11);
	assert_memory_equal(out, "hello world", 11);
	n = kh_base64_decode((const unsigned char *)"a-_b", 4, out);
	assert_int_equal(n, 3);
	assert_int_equal(kh_base64_decode((const unsigned char *)"abcde", 5, out), -1);
	n = kh_percent_decode((const unsigned char *)"a%2Fb%3d%zz", 11, out);
	assert_int_equal(n, 7);
	assert_memory_equal(out, "a/b=%zz", 7);
}

/* A Kubernetes Secret: data values are base64. */
static void base64_secret_in_kubernetes_manifest(void **state)
{
	keyhound_engine *e = kt_engine(KT_RULES, NULL);
	char *enc = b64("tok_K1b2C3d4E5f6G7h8I9j0K1l2");
	char text[512];
	snprintf(text, sizeof(text), "apiVersion: v1\nkind: Secret\ndata:\n  api-token: %s\n", enc);
	keyhound_report *r = kt_scan_str(e, text);
	assert_int_equal(keyhound_report_count(r), 1);
	const keyhound_finding *f = keyhound_report_get(r, 0);
	assert_string_equal(f->rule_id, "test-token");
	assert_string_equal(f->decoded, "base64");
	assert_int_equal(f->line, 4);
	assert_int_equal(f->column, 14);
	assert_int_equal(f->end_column, 13 + strlen(enc));
	keyhound_report_free(r);
	free(enc);
	keyhound_engine_free(e);
}

/* base64 of base64: found at depth 2, not with depth 1. */
static void nested_encoding_respects_depth(void **state)
{
	char *once = b64("x tok_N1b2C3d4E5f6G7h8I9j0K1l2 y"), *twice = b64(once);
	keyhound_engine *e = kt_engine(KT_RULES, NULL);
	keyhound_report *r = kt_scan_str(e, twice);
	assert_int_equal(kt_count_rule(r, "test-token"), 1);
	keyhound_report_free(r);
	keyhound_engine_free(e);
	keyhound_options o = KEYHOUND_OPTIONS_INIT;
	o.limits.max_decoded_depth = 1;
	e = kt_engine(KT_RULES, &o);
	r = kt_scan_str(e, twice);
	assert_int_equal(kt_count_rule(r, "test-token"), 0);
	keyhound_report_free(r);
	keyhound_engine_free(e);
	free(once);
	free(twice);
}

static void percent_encoded_secret(void **state)
{
	keyhound_engine *e = kt_engine(KT_RULES, NULL);
	keyhound_report *r = kt_scan_str(e, "url=https://h/?q=longsecret%3DAb3dE6gH9jK2mN5pQ8&x=1\n");
	assert_int_equal(kt_count_rule(r, "test-long"), 1);
	assert_string_equal(keyhound_report_get(r, 0)->decoded, "percent");
	keyhound_report_free(r);
	keyhound_engine_free(e);
}

/* A token found in plain text is not reported twice through a decoder. */
static void plain_token_is_not_repeated(void **state)
{
	keyhound_engine *e = kt_engine(KT_RULES, NULL);
	keyhound_report *r = kt_scan_str(e, "a=tok_A1b2C3d4E5f6G7h8I9j0K1l2%20\n");
	assert_int_equal(keyhound_report_count(r), 1);
	assert_null(keyhound_report_get(r, 0)->decoded);
	keyhound_report_free(r);
	keyhound_engine_free(e);
}

/* The run finder reads 64 bytes at a time: a run is found wherever it starts and
 * ends, across block boundaries, after short runs that are not long enough. */
static void encoded_run_found_at_every_offset(void **state)
{
	keyhound_engine *e = kt_engine(KT_RULES, NULL);
	char *enc = b64("tok_R1b2C3d4E5f6G7h8I9j0K1l2");
	char pad[160], near[160];
	memset(pad, ':', sizeof(pad));
	/* runs of 19 base64 characters, one short of a run the decoder tries */
	for (size_t i = 0; i < sizeof(near); i++)
		near[i] = i % 20 == 19 ? ':' : 'Q';
	for (int off = 0; off < 140; off++) {
		char text[512];
		const char *fill = off % 3 ? pad : near;
		int lead = off % 3 ? off : off / 20 * 20; /* the short runs end with a colon */
		snprintf(text, sizeof(text), "%.*s%s%.*s%.*s", lead, fill, enc, off % 2, "\n", 130, pad);
		keyhound_report *r = kt_scan_str(e, text);
		assert_int_equal(kt_count_rule(r, "test-token"), 1);
		assert_int_equal(keyhound_report_get(r, 0)->column, lead + 1);
		keyhound_report_free(r);
	}
	free(enc);
	keyhound_engine_free(e);
}

/* UTF-16 text (a PowerShell script saved by Windows) is scanned as its characters,
 * and its line numbers hold. */
static void utf16_text_is_scanned(void **state)
{
	const char *text = "# deploy\r\n$t = \"tok_Hq7Zm2Xw9Lr4Vb8Nc3Kd6Pt1\"\r\n";
	size_t n = strlen(text), len = 2 + 2 * n;
	unsigned char *u = malloc(len);
	u[0] = 0xFF;
	u[1] = 0xFE;
	for (size_t i = 0; i < n; i++) {
		u[2 + 2 * i] = (unsigned char)text[i];
		u[3 + 2 * i] = 0;
	}
	keyhound_engine *e = kt_engine(KT_RULES, NULL);
	keyhound_report *r = kt_scan(e, (const char *)u, len, "deploy.ps1");
	assert_int_equal(kt_count_rule(r, "test-token"), 1);
	assert_int_equal(keyhound_report_get(r, 0)->line, 2);
	assert_string_equal(keyhound_report_get(r, 0)->decoded, "utf16");
	keyhound_report_free(r);
	keyhound_engine_free(e);
	free(u);
}

/* JSON escapes (\/ and \u00XX) do not hide a secret. */
static void json_escaped_secret(void **state)
{
	keyhound_engine *e = kt_engine(KT_RULES, NULL);
	keyhound_report *r = kt_scan_str(e, "{\"k\":\"longsecret\\u003DQm8Zx2Lr7Tw\", \"u\":\"https:\\/\\/x\"}\n");
	assert_int_equal(kt_count_rule(r, "test-long"), 1);
	keyhound_report_free(r);
	keyhound_engine_free(e);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(decoders_roundtrip),
		cmocka_unit_test(base64_secret_in_kubernetes_manifest),
		cmocka_unit_test(nested_encoding_respects_depth),
		cmocka_unit_test(percent_encoded_secret),
		cmocka_unit_test(plain_token_is_not_repeated),
		cmocka_unit_test(encoded_run_found_at_every_offset),
		cmocka_unit_test(utf16_text_is_scanned),
		cmocka_unit_test(json_escaped_secret),
	};
	return cmocka_run_group_tests_name("decode", tests, NULL, NULL);
}
