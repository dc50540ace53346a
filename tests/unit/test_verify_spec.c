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
		/* a template naming what the block does not provide */
		{"{\"hosts\":[\"a.example\"],\"method\":\"GET\",\"path\":\"/{{shop}}\",\"live\":[200],\"invalid\":[401]}",
		 "'shop'"},
		/* the answer's identity may not name the secret */
		{"{\"hosts\":[\"a.example\"],\"method\":\"GET\",\"path\":\"/\",\"live\":[200],\"invalid\":[401],"
		 "\"identity\":\"{{secret}}\"}", "'secret'"},
		{"{\"hosts\":[\"a.example\"],\"method\":\"GET\",\"path\":\"/\",\"live\":[200],\"invalid\":[401],"
		 "\"near\":{\"shop\":\"([a-z\"}}", "near.shop"},
		{"{\"hosts\":[\"a.example\"],\"method\":\"GET\",\"path\":\"/\",\"live\":[200],\"invalid\":[401],"
		 "\"near\":{\"secret\":\"x\"}}", "near.secret"},
		{"{\"hosts\":[\"a.example\"],\"method\":\"GET\",\"path\":\"/\",\"live\":[200],\"invalid\":[401],"
		 "\"near\":{\"id\":\"x\"},\"with\":{\"id\":\"other-rule\"}}", "'id'"},
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

static kh_verify_spec *spec(const char *json)
{
	kh_verify_spec *sp = NULL;
	char err[200] = "";
	if (kh_verify_spec_parse(&sp, json, err, sizeof(err)) < 0)
		fail_msg("%s", err);
	return sp;
}

/* near: values are the nearest distinct matches in the blob, within KH_VERIFY_NEAR bytes,
 * printable and short; the part's named group, else group 1, else the match */
static void near_values_are_the_nearest(void **state)
{
	kh_verify_spec *sp = spec("{\"hosts\":[\"*.myshopify.com\"],\"host\":\"{{shop}}\",\"method\":\"GET\","
				  "\"path\":\"/\",\"live\":[200],\"invalid\":[401],\"near\":{"
				  "\"shop\":\"(?<x>s=)(?<shop>[a-z]+\\\\.myshopify\\\\.com)\","
				  "\"who\":\"user=(\\\\S+)\",\"all\":\"k[0-9]\"}}");
	char *out[4] = {0};
	kh_buf b = {0};
	kh_buf_puts(&b, "s=far.myshopify.com ");
	for (int i = 0; i < 5000; i++)
		kh_buf_putc(&b, ' ');
	size_t at = b.len;
	kh_buf_puts(&b, "TOKEN s=b.myshopify.com s=a.myshopify.com s=b.myshopify.com s=c.myshopify.com "
			"s=d.myshopify.com user=ci@acme.example k1 user=\x01" "bad user=");
	for (int i = 0; i < KH_VERIFY_NEAR_MAX + 1; i++)
		kh_buf_putc(&b, 'x');
	const unsigned char *d = (const unsigned char *)b.buf;
	assert_int_equal(kh_verify_near_find(sp, 0, d, b.len, at, out, 3), 3);
	assert_string_equal(out[0], "b.myshopify.com"); /* once, though twice there */
	assert_string_equal(out[1], "a.myshopify.com");
	assert_string_equal(out[2], "c.myshopify.com"); /* far. is out of reach, d. is fourth */
	for (int i = 0; i < 3; i++)
		free(out[i]), out[i] = NULL;
	/* group 1 without a group of the part's name; no control byte, nothing too long */
	assert_int_equal(kh_verify_near_find(sp, 1, d, b.len, at, out, 3), 1);
	assert_string_equal(out[0], "ci@acme.example");
	free(out[0]);
	assert_int_equal(kh_verify_near_find(sp, 2, d, b.len, at, out, 3), 1);
	assert_string_equal(out[0], "k1");
	free(out[0]);
	assert_int_equal(kh_verify_near_find(sp, 0, d, b.len, b.len + 1, out, 3), 0);
	kh_buf_free(&b);

	/* the limits, each at its edge: the window (KH_VERIFY_NEAR before the finding), the
	 * value's length (KH_VERIFY_NEAR_MAX) and the matches looked at (KH_VERIFY_NEAR_TRIES) */
	kh_buf_puts(&b, "k1");
	for (int i = 0; i < KH_VERIFY_NEAR + 10; i++)
		kh_buf_putc(&b, ' ');
	d = (const unsigned char *)b.buf;
	assert_int_equal(kh_verify_near_find(sp, 2, d, b.len, KH_VERIFY_NEAR, out, 3), 1);
	free(out[0]);
	assert_int_equal(kh_verify_near_find(sp, 2, d, b.len, KH_VERIFY_NEAR + 1, out, 3), 0);
	kh_buf_free(&b);
	kh_buf_puts(&b, "user=");
	for (int i = 0; i < KH_VERIFY_NEAR_MAX; i++)
		kh_buf_putc(&b, 'y');
	assert_int_equal(kh_verify_near_find(sp, 1, (const unsigned char *)b.buf, b.len, 0, out, 3), 1);
	assert_int_equal(strlen(out[0]), KH_VERIFY_NEAR_MAX);
	free(out[0]);
	kh_buf_free(&b);
	for (int n = KH_VERIFY_NEAR_TRIES - 1; n <= KH_VERIFY_NEAR_TRIES; n++) {
		for (int i = 0; i < n; i++)
			kh_buf_puts(&b, "k0 ");
		kh_buf_puts(&b, "k9");
		size_t got = kh_verify_near_find(sp, 2, (const unsigned char *)b.buf, b.len, 0, out, 3);
		assert_int_equal(got, n < KH_VERIFY_NEAR_TRIES ? 2 : 1); /* k9 is the (n+1)th match */
		for (size_t i = 0; i < got; i++)
			free(out[i]);
		kh_buf_free(&b);
	}
	kh_verify_spec_free(sp);
}

static int build_with(const kh_verify_spec *sp, const char *name, const char *value, char **host, const char **reason)
{
	const char *names[] = {"secret", name}, *values[] = {"shpat_0123", value};
	kh_verify_vars vars = {names, values, 2};
	kh_verify_request rq;
	*reason = NULL;
	int rc = kh_verify_build(sp, &vars, 1700000000, &rq, reason);
	*host = rc == 0 ? kh_strdup(rq.host) : NULL;
	kh_verify_request_clear(&rq);
	return rc;
}

/* A host taken from the scanned content is used only in the strict shape of a DNS name
 * under the rule's suffix (one label for the '*'): a crafted file cannot send the secret
 * anywhere else. */
static void content_hosts_outside_the_list_are_refused(void **state)
{
	static const struct {
		const char *tpl, *name, *ok, *bad[16];
	} cases[] = {
		{"{{shop}}", "shop", "acme-store.myshopify.com",
		 {"evil.example", "acme.myshopify.com.evil.example", "evil.example/x.myshopify.com",
		  "evil.example#.myshopify.com", "evil.example?.myshopify.com", "acme.myshopify.com:8443",
		  "user@acme.myshopify.com", "a.b.myshopify.com", ".myshopify.com", "127.0.0.1",
		  "acme.myshopify.com.", "-acme.myshopify.com", "acme .myshopify.com", "evil.example\r\n.myshopify.com",
		  "myshopify.com", NULL}},
		{"{{shop}}.blob.core.windows.net", "shop", "acmeprod",
		 {"evil.example/", "evil.example#", "a.b", "evil.example:443/x?", "x@evil.example/", "", "127.0.0.1/",
		  NULL}},
		{"{{urlhost(shop)}}", "shop", "https://ci@acme-store.myshopify.com:443/admin",
		 {"https://acme-store.myshopify.com@evil.example/", "https://evil.example/acme.myshopify.com",
		  "https://[::1]/", "https://acme.myshopify.com%2eevil.example/",
		  NULL}},
	};
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		const char *suffix = strchr(cases[i].tpl, '.') && !strstr(cases[i].tpl, "urlhost")
					     ? "*.blob.core.windows.net" : "*.myshopify.com";
		char *json = kh_sprintf("{\"hosts\":[\"%s\"],\"host\":\"%s\",\"method\":\"GET\",\"path\":\"/\","
					"\"headers\":{\"X-Token\":\"{{secret}}\"},\"live\":[200],\"invalid\":[401],"
					"\"near\":{\"%s\":\"x\"}}", suffix, cases[i].tpl, cases[i].name);
		kh_verify_spec *sp = spec(json);
		const char *reason;
		char *host;
		assert_int_equal(build_with(sp, cases[i].name, cases[i].ok, &host, &reason), 0);
		assert_non_null(host);
		free(host);
		for (size_t k = 0; cases[i].bad[k]; k++)
			if (build_with(sp, cases[i].name, cases[i].bad[k], &host, &reason) == 0 ||
			    strcmp(reason, "host-not-allowed") != 0)
				fail_msg("case %zu: '%s' gave host '%s' (%s)", i, cases[i].bad[k], host ? host : "",
					 reason ? reason : "built");
		kh_verify_spec_free(sp);
		free(json);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(templates_build_what_requests_need),
		cmocka_unit_test(bad_blocks_name_what_is_wrong),
		cmocka_unit_test(answers_are_read_by_the_rule),
		cmocka_unit_test(near_values_are_the_nearest),
		cmocka_unit_test(content_hosts_outside_the_list_are_refused),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
