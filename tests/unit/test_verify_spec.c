/* SPDX-License-Identifier: Apache-2.0 */
/* A rule's verify block and its templates: what a request is built from (percent-encoding
 * in paths, base64 for Basic auth, URL parts), what a bad block says, and how an answer is
 * read (status, JSON fields, text; identity never holding the secret). */
#include "kh_test.h"
#include "rules/verify_spec.h"
#include "verify/verify.h"

static int vars(const char *name, size_t len, kh_buf *out, void *payload)
{
	static const char *const n[] = {"secret", "id", "url"};
	static const char *const v[] = {"tok/a b\r\n", "kid", "https://user@acme.atlassian.net:443/x/y?z=1"};
	for (size_t i = 0; i < 3; i++)
		if (strlen(n[i]) == len && !memcmp(n[i], name, len)) {
			kh_buf_puts(out, v[i]);
			return 0;
		}
	return -1;
}

static char *expand(const char *tpl, unsigned flags, int *rc)
{
	kh_buf b = {0};
	const char *missing;
	size_t ml;
	*rc = kh_template_expand(tpl, flags, vars, NULL, &b, &missing, &ml);
	kh_buf_putc(&b, 0);
	return kh_buf_detach(&b);
}

static void templates_build_what_requests_need(void **state)
{
	int rc;
	char *s = expand("Basic {{ base64(id ':' secret) }}", 0, &rc);
	assert_int_equal(rc, 0);
	assert_string_equal(s, "Basic a2lkOnRvay9hIGINCg==");
	free(s);
	s = expand("/api/{{secret}}/{{raw(id)}}", KH_TEMPLATE_PATH, &rc);
	assert_string_equal(s, "/api/tok%2Fa%20b%0D%0A/kid"); /* no CR/LF or '/' from a value */
	free(s);
	s = expand("{{urlhost(url)}} {{urlpath(url)}}", 0, &rc);
	assert_string_equal(s, "acme.atlassian.net /x/y?z=1");
	free(s);
	s = expand("{{base64url(id)}}", 0, &rc);
	assert_string_equal(s, "a2lk");
	free(s);
	s = expand("x {{nope}} y", 0, &rc);
	assert_int_equal(rc, -1); /* an unknown part: the check is unknown, not sent */
	free(s);
	s = expand("x {{nope}} y", KH_TEMPLATE_LENIENT, &rc);
	assert_int_equal(rc, 0);
	assert_string_equal(s, "x  y");
	free(s);
	const char *bad[] = {"{{", "{{ }}", "{{ base64( }}", "{{ evil(x) }}", "{{ 'open }}", "{{ a ) }}"};
	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		s = expand(bad[i], 0, &rc);
		assert_int_equal(rc, KEYHOUND_EINVAL);
		free(s);
	}
}

static void bad_blocks_name_what_is_wrong(void **state)
{
	static const struct {
		const char *json, *says;
	} cases[] = {
		{"{\"hosts\":[\"a.example\"],\"method\":\"DELETE\",\"path\":\"/\",\"live\":[200],\"invalid\":[401]}",
		 "method"},
		{"{\"hosts\":[\"*.net\"],\"host\":\"{{h}}\",\"method\":\"GET\",\"path\":\"/\",\"live\":[200],\"invalid\":[401]}",
		 "*.net"},
		{"{\"hosts\":[\"10.0.0.1\"],\"method\":\"GET\",\"path\":\"/\",\"live\":[200],\"invalid\":[401]}", "10.0.0.1"},
		{"{\"hosts\":[\"*.a.example\"],\"method\":\"GET\",\"path\":\"/\",\"live\":[200],\"invalid\":[401]}",
		 "'host'"},
		{"{\"hosts\":[\"a.example\"],\"method\":\"GET\",\"path\":\"/\",\"live\":[200]}", "required"},
		{"{\"hosts\":[\"a.example\"],\"method\":\"GET\",\"path\":\"/\",\"live\":[200],\"invalid\":[401],"
		 "\"sign\":\"rot13\"}", "rot13"},
		{"{\"hosts\":[\"a.example\"],\"method\":\"GET\",\"path\":\"/\",\"live\":[999],\"invalid\":[401]}", "status"},
		{"{\"hosts\":[\"a.example\"],\"method\":\"GET\",\"path\":\"/\",\"live\":[200],\"invalid\":[401],"
		 "\"colour\":1}", "colour"},
	};
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		kh_verify_spec *sp = NULL;
		char err[200] = "";
		assert_int_equal(kh_verify_spec_parse(&sp, cases[i].json, err, sizeof(err)), KEYHOUND_ERULES);
		assert_null(sp);
		if (!strstr(err, cases[i].says))
			fail_msg("case %zu: '%s' does not name '%s'", i, err, cases[i].says);
	}
}

static void answers_are_read_by_the_rule(void **state)
{
	kh_verify_spec *sp = NULL;
	char err[200];
	assert_int_equal(kh_verify_spec_parse(&sp,
		"{\"hosts\":[\"slack.com\"],\"method\":\"POST\",\"path\":\"/api/auth.test\","
		"\"live\":[{\"status\":200,\"json\":\"ok\",\"equals\":true}],"
		"\"invalid\":[{\"status\":200,\"json\":\"error\",\"equals\":[\"invalid_auth\",\"token_revoked\"]},"
		"{\"status\":404,\"contains\":\"no_service\"}],"
		"\"identity\":\"{{json.user}} in {{json.team}}\",\"scopes\":\"{{header.X-OAuth-Scopes}}\"}",
		err, sizeof(err)), 0);
	kh_net_header h[] = {{"x-oauth-scopes", "chat:write"}};
	kh_verdict v;
	const char *live = "{\"ok\":true,\"user\":\"bot\",\"team\":\"Acme\"}";
	kh_verify_read_answer(sp, 200, h, 1, live, strlen(live), "xoxb-1", &v);
	assert_int_equal(v.status, KH_VERDICT_LIVE);
	assert_string_equal(v.identity, "bot in Acme");
	assert_string_equal(v.scopes, "chat:write");
	kh_verdict_clear(&v);
	const char *dead = "{\"ok\":false,\"error\":\"token_revoked\"}";
	kh_verify_read_answer(sp, 200, NULL, 0, dead, strlen(dead), "xoxb-1", &v);
	assert_int_equal(v.status, KH_VERDICT_INVALID);
	kh_verdict_clear(&v);
	const char *odd = "{\"ok\":false,\"error\":\"ratelimited\"}";
	kh_verify_read_answer(sp, 200, NULL, 0, odd, strlen(odd), "xoxb-1", &v);
	assert_int_equal(v.status, KH_VERDICT_UNKNOWN);
	assert_string_equal(v.reason, "http-200");
	kh_verdict_clear(&v);
	kh_verify_read_answer(sp, 404, NULL, 0, "no_service", 10, "xoxb-1", &v);
	assert_int_equal(v.status, KH_VERDICT_INVALID);
	kh_verdict_clear(&v);
	kh_verify_read_answer(sp, 302, NULL, 0, "", 0, "xoxb-1", &v);
	assert_int_equal(v.status, KH_VERDICT_UNKNOWN);
	assert_string_equal(v.reason, "redirect");
	kh_verdict_clear(&v);
	/* an answer echoing the secret never puts it in the identity */
	const char *echo = "{\"ok\":true,\"user\":\"xoxb-1\",\"team\":\"Acme\"}";
	kh_verify_read_answer(sp, 200, NULL, 0, echo, strlen(echo), "xoxb-1", &v);
	assert_int_equal(v.status, KH_VERDICT_LIVE);
	assert_null(v.identity);
	kh_verdict_clear(&v);
	kh_verify_spec_free(sp);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(templates_build_what_requests_need),
		cmocka_unit_test(bad_blocks_name_what_is_wrong),
		cmocka_unit_test(answers_are_read_by_the_rule),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
