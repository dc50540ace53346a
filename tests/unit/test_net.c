/* SPDX-License-Identifier: Apache-2.0 */
/* The HTTPS client against the fake provider server (tests/verify/fakeprov.py): what is
 * sent, redirects not followed, timeouts, Retry-After within the budget, pacing per host,
 * size limits, requests refused before anything is sent, the testing overrides. */
#include <signal.h>
#include <sys/wait.h>
#include <time.h>

#include "kh_test.h"
#include "net/net.h"

static char *dir;
static pid_t server;
/* the fake server's testing overrides (the program reads them from KEYHOUND_CONNECT_TO and
 * KEYHOUND_CAINFO; the library takes them in kh_net_opts) */
static char *connect_to, *cainfo;

static char *slurp(const char *path)
{
	FILE *f = fopen(path, "rb");
	kh_buf b = {0};
	char chunk[4096];
	size_t n;
	if (!f)
		return NULL;
	while ((n = fread(chunk, 1, sizeof(chunk), f)) > 0)
		kh_buf_put(&b, chunk, n);
	fclose(f);
	kh_buf_putc(&b, 0);
	return kh_buf_detach(&b);
}

static int start(void **state)
{
	char path[4096], *ready;
	dir = kt_tmpdir();
	if ((server = fork()) == 0) {
		snprintf(path, sizeof(path), "%s/tests/verify/fakeprov.py", getenv("KH_SOURCE_DIR"));
		freopen("/dev/null", "w", stdout);
		execlp("python3", "python3", path, dir, (char *)NULL);
		_exit(127);
	}
	snprintf(path, sizeof(path), "%s/ready", dir);
	for (int i = 0; i < 300 && access(path, F_OK) != 0; i++)
		usleep(50000);
	if (access(path, F_OK) != 0)
		return -1;
	snprintf(path, sizeof(path), "%s/connect_to", dir);
	ready = slurp(path);
	connect_to = ready;
	snprintf(path, sizeof(path), "%s/ca.pem", dir);
	cainfo = kh_strdup(path);
	return 0;
}

static int stop(void **state)
{
	if (server > 0) {
		kill(server, SIGTERM);
		waitpid(server, NULL, 0);
	}
	char cmd[4200];
	snprintf(cmd, sizeof(cmd), "rm -rf '%s'", dir);
	system(cmd);
	free(dir);
	free(connect_to);
	free(cainfo);
	return 0;
}

/* the requests the server logged since the last call, as text */
static size_t log_seen;
static char *new_requests(void)
{
	char path[4096];
	snprintf(path, sizeof(path), "%s/requests.jsonl", dir);
	char *all = slurp(path);
	if (!all)
		return kh_strdup("");
	size_t len = strlen(all);
	char *out = kh_strdup(all + (log_seen < len ? log_seen : len));
	log_seen = len;
	free(all);
	return out;
}

static size_t count(const char *hay, const char *needle)
{
	size_t n = 0;
	for (const char *p = hay; (p = strstr(p, needle)); p++)
		n++;
	return n;
}

static kh_net *client(long budget_ms, long interval_ms)
{
	kh_net_opts o = KH_NET_OPTS_INIT;
	kh_net *n = NULL;
	o.budget_ms = budget_ms;
	o.host_interval_ms = interval_ms;
	o.request_timeout_ms = 1500;
	o.max_body = 64 << 10;
	o.connect_to = connect_to;
	o.cainfo = cainfo;
	assert_int_equal(kh_net_new(&n, &o), 0);
	return n;
}

static void get(kh_net *n, const char *path, const char *auth, kh_net_response *r)
{
	kh_net_header h[] = {{"Authorization", auth}, {"Accept", "application/json"}};
	kh_net_request q = {"GET", "api.keyhound-test.example", path, h, auth ? 2 : 0, NULL, 0};
	assert_int_equal(kh_net_send(n, &q, r), 0);
}

static void sends_the_request_and_reads_the_answer(void **state)
{
	kh_net *n = client(20000, 0);
	kh_net_response r;
	free(new_requests());
	get(n, "/user?x=1", "Bearer tok_live_1", &r);
	assert_int_equal(r.outcome, KH_NET_OK);
	assert_int_equal(r.status, 200);
	assert_non_null(strstr(r.body, "\"login\": \"octo-test\""));
	assert_string_equal(kh_net_response_header(&r, "x-scopes"), "repo, read:org");
	char *log = new_requests();
	assert_non_null(strstr(log, "\"method\": \"GET\", \"host\": \"api.keyhound-test.example\", "
				    "\"path\": \"/user?x=1\""));
	assert_non_null(strstr(log, "[\"Authorization\", \"Bearer tok_live_1\"]"));
	assert_non_null(strstr(log, "\"sni\": \"api.keyhound-test.example\""));
	free(log);
	kh_net_response_clear(&r);
	get(n, "/user", "Bearer tok_revoked", &r);
	assert_int_equal(r.status, 401);
	kh_net_response_clear(&r);
	assert_int_equal(kh_net_requests(n), 2);
	kh_net_free(n);
}

static void a_redirect_is_not_followed(void **state)
{
	kh_net *n = client(20000, 0);
	kh_net_response r;
	free(new_requests());
	get(n, "/redirect", "Bearer tok_live_2", &r);
	assert_int_equal(r.outcome, KH_NET_OK);
	assert_int_equal(r.status, 302);
	char *log = new_requests();
	assert_int_equal(count(log, "\"method\""), 1);
	assert_null(strstr(log, "other.keyhound-test.example\", \"path\""));
	free(log);
	kh_net_response_clear(&r);
	kh_net_free(n);
}

static void a_slow_answer_times_out(void **state)
{
	kh_net *n = client(20000, 0);
	kh_net_response r;
	time_t t0 = time(NULL);
	get(n, "/slow", "Bearer x", &r);
	assert_int_equal(r.outcome, KH_NET_TIMEOUT);
	assert_true(time(NULL) - t0 < 3);
	assert_string_equal(kh_net_outcome_name(r.outcome), "timeout");
	kh_net_response_clear(&r);
	kh_net_free(n);
}

static long long ms_now(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1000ll + ts.tv_nsec / 1000000;
}

static void retry_after_is_honoured_within_the_budget(void **state)
{
	kh_net *n = client(20000, 0);
	kh_net_response r;
	long long t0 = ms_now();
	get(n, "/ratelimit/a", "Bearer x", &r);
	assert_int_equal(r.outcome, KH_NET_OK);
	assert_int_equal(r.status, 200);
	assert_int_equal(r.attempts, 2);
	assert_true(ms_now() - t0 >= 1000);
	kh_net_response_clear(&r);
	kh_net_free(n);

	/* a Retry-After past the budget: rate-limited at once, not a 30 s wait */
	n = client(3000, 0);
	t0 = ms_now();
	get(n, "/always429", "Bearer x", &r);
	assert_int_equal(r.outcome, KH_NET_RATE_LIMITED);
	assert_int_equal(r.status, 429);
	assert_true(ms_now() - t0 < 2000);
	kh_net_response_clear(&r);
	kh_net_free(n);
}

static void the_budget_bounds_every_request(void **state)
{
	kh_net *n = client(800, 0);
	kh_net_response r;
	get(n, "/slow", "Bearer x", &r);
	assert_int_equal(r.outcome, KH_NET_TIMEOUT);
	kh_net_response_clear(&r);
	free(new_requests());
	get(n, "/user", "Bearer tok_live_3", &r); /* spent: nothing is sent */
	assert_int_equal(r.outcome, KH_NET_TIMEOUT);
	char *log = new_requests();
	assert_string_equal(log, "");
	free(log);
	kh_net_response_clear(&r);
	kh_net_free(n);
}

static void requests_to_one_host_are_paced(void **state)
{
	kh_net *n = client(20000, 400);
	kh_net_response r;
	long long t0 = ms_now();
	for (int i = 0; i < 3; i++) {
		get(n, "/user", "Bearer tok_live_4", &r);
		assert_int_equal(r.status, 200);
		kh_net_response_clear(&r);
	}
	assert_true(ms_now() - t0 >= 800);
	kh_net_free(n);
}

static void a_large_answer_is_refused(void **state)
{
	kh_net *n = client(20000, 0);
	kh_net_response r;
	get(n, "/big", "Bearer x", &r);
	assert_int_equal(r.outcome, KH_NET_TOO_LARGE);
	assert_null(r.body);
	kh_net_response_clear(&r);
	kh_net_free(n);
}

static void bad_requests_send_nothing(void **state)
{
	kh_net *n = client(20000, 0);
	kh_net_response r;
	kh_net_header crlf[] = {{"Authorization", "Bearer a\r\nX-Injected: 1"}};
	kh_net_header badname[] = {{"Auth orization", "x"}};
	kh_net_request q[] = {
		{"GET", "api.keyhound-test.example/x", "/user", NULL, 0, NULL, 0},
		{"GET", "user@api.keyhound-test.example", "/user", NULL, 0, NULL, 0},
		{"GET", "127.0.0.1", "/user", NULL, 0, NULL, 0},
		{"GET", "api.keyhound-test.example", "user", NULL, 0, NULL, 0},
		{"GET", "api.keyhound-test.example", "/us er", NULL, 0, NULL, 0},
		{"CONNECT", "api.keyhound-test.example", "/user", NULL, 0, NULL, 0},
		{"GET", "api.keyhound-test.example", "/user", crlf, 1, NULL, 0},
		{"GET", "api.keyhound-test.example", "/user", badname, 1, NULL, 0},
	};
	free(new_requests());
	for (size_t i = 0; i < sizeof(q) / sizeof(q[0]); i++) {
		assert_int_equal(kh_net_send(n, &q[i], &r), KEYHOUND_EINVAL);
		assert_int_equal(r.outcome, KH_NET_REFUSED);
		kh_net_response_clear(&r);
	}
	char *log = new_requests();
	assert_string_equal(log, "");
	free(log);
	assert_int_equal(kh_net_requests(n), 0);
	kh_net_free(n);
}

static void a_post_sends_its_body(void **state)
{
	kh_net *n = client(20000, 0);
	kh_net_response r;
	kh_net_header h[] = {{"Content-Type", "application/json"}};
	kh_net_request q = {"POST", "api.keyhound-test.example", "/hook", h, 1, "{\"text\":\"\"}", 11};
	free(new_requests());
	assert_int_equal(kh_net_send(n, &q, &r), 0);
	char *log = new_requests();
	assert_non_null(strstr(log, "\"method\": \"POST\""));
	assert_non_null(strstr(log, "\"body\": \"{\\\"text\\\":\\\"\\\"}\""));
	assert_null(strstr(log, "Expect"));
	free(log);
	kh_net_response_clear(&r);
	kh_net_free(n);
}

static void the_overrides_are_checked(void **state)
{
	kh_net *n = NULL;
	kh_net_opts o = KH_NET_OPTS_INIT;
	const char *bad[] = {"api.github.com:443:10.0.0.1:443", "api.github.com:443:example.com:443",
			     "api.github.com:443:127.0.0.1", "api.github.com:99999:127.0.0.1:443",
			     "api.github.com:443:127.0.0.1:443,:443:127.0.0.1:80"};
	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		o.connect_to = bad[i];
		assert_int_equal(kh_net_new(&n, &o), KEYHOUND_EINVAL);
		assert_null(n);
	}
	o.connect_to = "api.github.com:443:[::1]:8443,a.example:443:127.1.2.3:1";
	assert_int_equal(kh_net_new(&n, &o), 0);
	/* testing mode: a host the overrides do not name is never reached (no real provider
	 * gets a test's made-up token) */
	kh_net_request q = {"GET", "registry.npmjs.org", "/-/whoami", NULL, 0, NULL, 0};
	kh_net_response r;
	assert_int_equal(kh_net_send(n, &q, &r), KEYHOUND_EINVAL);
	assert_int_equal(r.outcome, KH_NET_REFUSED);
	assert_non_null(strstr(r.error, "KEYHOUND_CONNECT_TO"));
	assert_int_equal(kh_net_requests(n), 0);
	kh_net_response_clear(&r);
	kh_net_free(n);
}

/* Without the test CA the fake server's certificate is not trusted. */
static void tls_is_verified(void **state)
{
	char *saved = cainfo;
	cainfo = NULL;
	kh_net *n = client(20000, 0);
	kh_net_response r;
	get(n, "/user", "Bearer tok_live_5", &r);
	assert_int_equal(r.outcome, KH_NET_TLS);
	assert_null(strstr(r.error, "tok_live"));
	kh_net_response_clear(&r);
	kh_net_free(n);
	cainfo = saved;
}

static void host_names_and_patterns(void **state)
{
	assert_true(kh_net_host_ok("api.github.com", 14));
	assert_false(kh_net_host_ok("127.0.0.1", 9));
	assert_false(kh_net_host_ok("a..b", 4));
	assert_false(kh_net_host_ok("-a.b", 4));
	assert_false(kh_net_host_ok("a.b.", 4));
	assert_false(kh_net_host_ok("a_b.com", 7));
	assert_true(kh_net_host_match("*.atlassian.net", "acme.atlassian.net"));
	assert_true(kh_net_host_match("*.atlassian.net", "ACME.Atlassian.net"));
	assert_false(kh_net_host_match("*.atlassian.net", "atlassian.net"));
	assert_false(kh_net_host_match("*.atlassian.net", "evilatlassian.net"));
	assert_false(kh_net_host_match("*.atlassian.net", "a.b.atlassian.net"));
	assert_false(kh_net_host_match("*.atlassian.net", "acme.atlassian.net.evil.com"));
	assert_true(kh_net_host_match("api.github.com", "API.GITHUB.COM"));
	assert_false(kh_net_host_match("api.github.com", "api.github.com.evil"));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(host_names_and_patterns),
		cmocka_unit_test(sends_the_request_and_reads_the_answer),
		cmocka_unit_test(a_redirect_is_not_followed),
		cmocka_unit_test(a_slow_answer_times_out),
		cmocka_unit_test(retry_after_is_honoured_within_the_budget),
		cmocka_unit_test(the_budget_bounds_every_request),
		cmocka_unit_test(requests_to_one_host_are_paced),
		cmocka_unit_test(a_large_answer_is_refused),
		cmocka_unit_test(bad_requests_send_nothing),
		cmocka_unit_test(a_post_sends_its_body),
		cmocka_unit_test(the_overrides_are_checked),
		cmocka_unit_test(tls_is_verified),
	};
	return cmocka_run_group_tests(tests, start, stop);
}
