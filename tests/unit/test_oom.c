/* SPDX-License-Identifier: Apache-2.0 */
/* Allocation failure travels up (issue 12, "error policy"): a representative run (an
 * engine, then a folder holding a zip, a git history, a range of commits diffed through
 * libgit2, an image tarball and two sweeps over a SQLite state scanned, a finding
 * verified through libcurl with a verdict cache, and the reports written) is repeated with the Nth allocation failing, for N = 1, 2, 3, ... until the
 * run makes fewer than N allocations. Every run with a failure must end in
 * KEYHOUND_ENOMEM from a public entry point, nothing crashing or aborting (and, under
 * AddressSanitizer, nothing leaking); the run without one must find what a run without
 * the hook finds. N goes one by one over the first 300 allocations, then in steps of a
 * tenth, so the test stays short. The allocations counted are the library's and those
 * of the libraries it routes (Hyperscan, PCRE2, jansson: core/routed.c; libgit2, SQLite,
 * libcurl: core/dl.c). Then two failures in one run (the second after the first's reserve piece
 * is spent), and a failure in one thread's call while another thread's call runs. */
#include <pthread.h>
#include <stdatomic.h>
#include <sys/wait.h>

#include "image_fixtures.h"
#include "kh_test.h"

enum { K_PATHS, K_HISTORY, K_RANGE, K_IMAGE, K_SWEEP, K_SWEEP_AGAIN, K_VERIFY, K_KINDS };
#define K_KINDS_MAX K_KINDS
static const char *const kind_name[K_KINDS] = {"folder", "history", "range", "image", "sweep",
					       "sweep again", "verify"};

static char *root, *folder, *repo, *image, *state_db, *verdict_db;
static atomic_size_t calls;
static size_t kind_start[K_KINDS_MAX]; /* calls when each kind began, in the last run */
static size_t fail_at, fail_also; /* the allocations that fail, counted from 1; 0: none */

static bool fail_nth(size_t n, void *payload)
{
	size_t k = atomic_fetch_add(&calls, 1) + 1;
	return k == fail_at || k == fail_also;
}

static void sh(const char *fmt, ...)
{
	char cmd[8192];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(cmd, sizeof(cmd), fmt, ap);
	va_end(ap);
	assert_int_equal(system(cmd), 0);
}

static void write_buf(const char *path, const kh_buf *b)
{
	FILE *f = fopen(path, "wb");
	assert_non_null(f);
	assert_int_equal(fwrite(b->buf, 1, b->len, f), b->len);
	fclose(f);
}

static int setup(void **state)
{
	char path[4096];
	kh_buf zip = {0}, tar = {0};
	fx_image im = {.tag = "app:1"};
	const fx_entry zipped[] = {{"deploy/env.txt", "token = tok_Zip0Zip1Zip2Zip3Zip4Zip5\n"}};
	const fx_entry layer[] = {{"app/config.ini", "key = tok_Lay0Lay1Lay2Lay3Lay4Lay5\n"}};

	root = kt_tmpdir();
	/* a folder with a file and a zip */
	asprintf(&folder, "%s/src", root);
	kt_write(root, "src/app.conf", "token = tok_A1b2C3d4E5f6G7h8I9j0K1l2\n");
	fx_archive(&zip, FX_ZIP, FX_PLAIN, zipped, 1);
	snprintf(path, sizeof(path), "%s/bundle.zip", folder);
	write_buf(path, &zip);
	/* a history of three commits, the secret removed in the last */
	asprintf(&repo, "%s/repo", root);
	sh("git init -q %s", repo);
	kt_write(repo, "a.txt", "longsecret=Hist0ryS3cretValue\n");
	sh("cd %s && git add -A && git -c user.name=T -c user.email=t@e commit -q -m one", repo);
	kt_write(repo, "b.txt", "key: tok_Two0Two1Two2Two3Two4Two5\n");
	sh("cd %s && git add -A && git -c user.name=T -c user.email=t@e commit -q -m two", repo);
	sh("cd %s && git rm -q a.txt && git -c user.name=T -c user.email=t@e commit -q -m three",
	   repo);
	/* an image, as docker save writes it */
	fx_image_layer(&im, FX_GZIP, "COPY app /app", layer, 1);
	fx_image_config(&im, "[\"API=tok_Env0Env1Env2Env3Env4Env5\"]", NULL);
	fx_image_archive(&tar, &im, FX_DOCKER_NEW);
	asprintf(&image, "%s/image.tar", root);
	write_buf(image, &tar);
	asprintf(&state_db, "%s/sweep.db", root);
	asprintf(&verdict_db, "%s/verify.db", root);
	/* a rule that verifies, at a host sent to a closed loopback port: curl is refused */
	kt_write(root, "rules/verify.yml",
		 "rules:\n"
		 "  - id: test-verified\n"
		 "    name: Test verified token\n"
		 "    pattern: '\\b(vfy_[A-Za-z0-9]{24})\\b'\n"
		 "    severity: high\n"
		 "    confidence: high\n"
		 "    verify:\n"
		 "      hosts: [api.keyhound-test.example]\n"
		 "      method: GET\n"
		 "      path: /user\n"
		 "      headers: {Authorization: 'Bearer {{secret}}'}\n"
		 "      live: [200]\n"
		 "      invalid: [401]\n");
	kt_write(root, "verify/app.conf", "token = vfy_A1b2C3d4E5f6G7h8I9j0K1l2\n");
	kh_buf_free(&zip);
	kh_buf_free(&tar);
	fx_image_free(&im);
	return 0;
}

static int teardown(void **state)
{
	kt_rmrf(root);
	free(root);
	free(folder);
	free(repo);
	free(image);
	free(state_db);
	free(verdict_db);
	return 0;
}


/* A sweep of the repository over the SQLite state; the first of a run also records its
 * findings as reported, so the second reads them (and the match memo) back. */
static int sweep(keyhound_scan *s, bool first)
{
	keyhound_sweep_options so = KEYHOUND_SWEEP_OPTIONS_INIT;
	const char *inputs[] = {repo};
	so.inputs = inputs;
	so.n_inputs = 1;
	so.state_path = state_db;
	so.new_only = !first;
	return keyhound_scan_sweep(s, &so);
}

static int mark_reported(const keyhound_report *r)
{
	keyhound_sweep_options so = KEYHOUND_SWEEP_OPTIONS_INIT;
	so.state_path = state_db;
	return keyhound_sweep_mark_reported(r, &so);
}

/* One scan of one kind; *found gets its findings. */
static int scan_one(const keyhound_engine *e, int kind, size_t *found)
{
	keyhound_scan *s = NULL;
	keyhound_report *r = NULL;
	keyhound_git_options go = KEYHOUND_GIT_OPTIONS_INIT;
	keyhound_image_options io = KEYHOUND_IMAGE_OPTIONS_INIT;
	keyhound_verify_options vo = KEYHOUND_VERIFY_OPTIONS_INIT;
	char *verify_dir = NULL;
	const char *paths[] = {folder};
	FILE *out = NULL;
	int rc, rc2;

	if ((rc = keyhound_scan_new(&s, e)) < 0)
		return rc;
	go.repo = repo;
	io.input = image;
	switch (kind) {
	case K_PATHS:
		rc = keyhound_scan_paths(s, paths, 1, NULL);
		break;
	case K_HISTORY:
		rc = keyhound_scan_git(s, &go);
		break;
	case K_RANGE: /* libgit2's walk and diffs, reading through keyhound's object reader */
		go.mode = KEYHOUND_GIT_RANGE;
		go.range = "HEAD~2..HEAD";
		rc = keyhound_scan_git(s, &go);
		break;
	case K_IMAGE:
		rc = keyhound_scan_image(s, &io);
		break;
	case K_VERIFY:
		asprintf(&verify_dir, "%s/verify", root);
		paths[0] = verify_dir;
		rc = keyhound_scan_paths(s, paths, 1, NULL);
		break;
	default:
		rc = sweep(s, kind == K_SWEEP);
	}
	/* the report is handed out whatever the scan returned */
	rc2 = keyhound_scan_finish(s, &r);
	rc = rc < 0 ? rc : rc2;
	if (rc >= 0 && (out = fopen("/dev/null", "w")))
		rc = keyhound_report_write(r, out, KEYHOUND_FORMAT_JSON, NULL);
	if (out)
		fclose(out);
	if (rc >= 0 && kind == K_SWEEP)
		rc = mark_reported(r);
	if (rc >= 0 && kind == K_VERIFY) {
		vo.cache = 1;
		vo.cache_path = verdict_db;
		vo.connect_to = "api.keyhound-test.example:443:127.0.0.1:1";
		vo.timeout_s = 5;
		rc = keyhound_report_verify(r, e, &vo, NULL);
		if (rc >= 0 && keyhound_report_count(r) == 1 &&
		    strcmp(keyhound_report_get(r, 0)->verification.status, "unknown"))
			rc = -100; /* a refused connection is no verdict */
	}
	free(verify_dir);
	*found = r ? keyhound_report_count(r) : 0;
	keyhound_report_free(r);
	keyhound_scan_free(s);
	return rc;
}

static void remove_state(void)
{
	char path[4200];
	unlink(state_db);
	unlink(verdict_db);
	snprintf(path, sizeof(path), "%s-journal", state_db);
	unlink(path);
	snprintf(path, sizeof(path), "%s-wal", state_db);
	unlink(path);
	snprintf(path, sizeof(path), "%s-shm", state_db);
	unlink(path);
}

/* The whole run; found[kind] gets each scan's findings. */
static int run(size_t found[K_KINDS])
{
	keyhound_options o = KEYHOUND_OPTIONS_INIT;
	keyhound_engine *e = NULL;
	char *dir = NULL;
	const char *dirs[1];
	int rc;

	asprintf(&dir, "%s/rules", root);
	dirs[0] = dir;
	o.rule_dirs = dirs;
	o.n_rule_dirs = 1;
	o.no_default_rules = 1;
	o.threads = 2;
	o.verify = 1;
	memset(found, 0, K_KINDS * sizeof(*found));
	remove_state();
	rc = keyhound_engine_new(&e, &o);
	for (int kind = 0; kind < K_KINDS && rc >= 0; kind++) {
		kind_start[kind] = atomic_load(&calls);
		rc = scan_one(e, kind, &found[kind]);
	}
	keyhound_engine_free(e);
	free(dir);
	return rc;
}

static size_t expected[K_KINDS];

static void a_run_without_failure_finds_everything(void **unused)
{
	kt_write(root, "rules/rules.yml", KT_RULES);
	assert_int_equal(run(expected), 0);
	assert_int_equal(expected[K_PATHS], 2);   /* the file and the zip's member */
	assert_int_equal(expected[K_HISTORY], 2); /* both secrets, the removed one too */
	assert_int_equal(expected[K_RANGE], 1);   /* the second commit's (the first is A) */
	assert_int_equal(expected[K_IMAGE], 2);   /* the layer and the environment */
	assert_int_equal(expected[K_SWEEP], 2);
	assert_int_equal(expected[K_SWEEP_AGAIN], 0); /* the state says they were reported */
	assert_int_equal(expected[K_VERIFY], 1);
}

/* fail_at and fail_also set: the run ends in KEYHOUND_ENOMEM, or, when it made fewer
 * allocations than fail_at, is whole. Returns whether an allocation failed. */
static bool run_failing(size_t fail, size_t also)
{
	size_t found[K_KINDS];
	int rc;

	fail_at = fail;
	fail_also = also;
	atomic_store(&calls, 0);
	kh_set_alloc_fail_hook(fail_nth, NULL);
	rc = run(found);
	kh_set_alloc_fail_hook(NULL, NULL);
	if (atomic_load(&calls) < fail) {
		if (rc)
			fprintf(stderr, "a run without a failure: %d (%s)\n", rc, keyhound_last_error());
		assert_int_equal(rc, 0);
		assert_memory_equal(found, expected, sizeof(found));
		return false;
	}
	if (rc != KEYHOUND_ENOMEM)
		fprintf(stderr, "allocations %zu and %zu failed: %d (%s)\n", fail, also, rc,
			keyhound_last_error());
	assert_int_equal(rc, KEYHOUND_ENOMEM);
	return true;
}

/* N one by one over the first 200 allocations (the engine's), then at least 25 failures
 * spread over each kind's allocations. */
static void every_failed_allocation_is_enomem(void **unused)
{
	size_t failed = 0, n, end[K_KINDS], total, per_kind[K_KINDS] = {0};

	run_failing(SIZE_MAX, 0);
	total = atomic_load(&calls);
	for (int k = 0; k < K_KINDS; k++)
		end[k] = k + 1 < K_KINDS ? kind_start[k + 1] : total;
	for (n = 1; n <= 200; n++)
		failed += run_failing(n, 0);
	for (int k = 0; k < K_KINDS; k++) {
		size_t from = kind_start[k] > 200 ? kind_start[k] : 201;
		size_t step = end[k] > from ? (end[k] - from) / 25 : 1;
		for (n = from; n < end[k]; n += step ? step : 1)
			per_kind[k] += run_failing(n, 0);
		failed += per_kind[k];
	}
	fprintf(stderr, "%zu runs with a failed allocation, of the %zu a run makes:", failed, total);
	for (int k = 0; k < K_KINDS; k++)
		fprintf(stderr, " %s %zu-%zu: %zu%s", kind_name[k], kind_start[k], end[k], per_kind[k],
			k + 1 < K_KINDS ? "," : "\n");
	assert_true(failed >= 200 + 25 * K_KINDS);
	for (int k = 0; k < K_KINDS; k++)
		assert_true(per_kind[k] >= 25);
}

/* The second failure comes after the first has spent a piece of the reserve: at once
 * (the retry of the same allocation fails too) or later in the same call. */
static void a_second_failure_in_the_call_is_enomem_too(void **unused)
{
	size_t failed = 0, n, total;

	run_failing(SIZE_MAX, 0);
	total = atomic_load(&calls);
	for (n = 1; n < total; n += total / 29)
		for (size_t gap = 1; gap < 100; gap += 60)
			failed += run_failing(n, n + gap);
	fprintf(stderr, "%zu runs with two failed allocations\n", failed);
	assert_true(failed >= 50);
}

/* A failure in one thread's call does not end another thread's call in ENOMEM: the other
 * call is held at its first finding (its scan under way) while this thread's call fails. */
static pthread_t failing_thread;
static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t changed = PTHREAD_COND_INITIALIZER;
static int other_in_call, failure_done;

static bool fail_on_this_thread(size_t n, void *payload)
{
	return pthread_equal(pthread_self(), failing_thread) &&
	       atomic_fetch_add(&calls, 1) + 1 == fail_at;
}

static int hold_at_first_finding(const keyhound_finding *f, void *payload)
{
	pthread_mutex_lock(&lock);
	other_in_call = 1;
	pthread_cond_broadcast(&changed);
	while (!failure_done)
		pthread_cond_wait(&changed, &lock);
	pthread_mutex_unlock(&lock);
	return 0;
}

static void *other_call(void *arg)
{
	const keyhound_engine *e = arg;
	const char *paths[] = {folder};
	keyhound_scan *s = NULL;
	keyhound_report *r = NULL;
	intptr_t rc = keyhound_scan_new(&s, e);

	if (rc == 0) {
		keyhound_scan_set_finding_cb(s, hold_at_first_finding, NULL);
		rc = keyhound_scan_paths(s, paths, 1, NULL);
		int rc2 = keyhound_scan_finish(s, &r);
		rc = rc < 0 ? rc : rc2 < 0 ? rc2 : (intptr_t)keyhound_report_count(r);
	}
	keyhound_report_free(r);
	keyhound_scan_free(s);
	return (void *)rc;
}

static void another_threads_call_is_not_affected(void **unused)
{
	keyhound_options o = KEYHOUND_OPTIONS_INIT;
	keyhound_engine *e = NULL;
	char *dir = NULL;
	const char *dirs[1], *paths[] = {folder};
	keyhound_scan *s = NULL;
	pthread_t other;
	void *other_rc;

	asprintf(&dir, "%s/rules", root);
	dirs[0] = dir;
	o.rule_dirs = dirs;
	o.n_rule_dirs = 1;
	o.no_default_rules = 1;
	o.threads = 2;
	assert_int_equal(keyhound_engine_new(&e, &o), 0);
	assert_int_equal(keyhound_scan_new(&s, e), 0);
	assert_int_equal(pthread_create(&other, NULL, other_call, e), 0);
	pthread_mutex_lock(&lock);
	while (!other_in_call)
		pthread_cond_wait(&changed, &lock);
	pthread_mutex_unlock(&lock);
	/* the other call is under way: this one fails its fifth allocation */
	failing_thread = pthread_self();
	fail_at = 5;
	atomic_store(&calls, 0);
	kh_set_alloc_fail_hook(fail_on_this_thread, NULL);
	assert_int_equal(keyhound_scan_paths(s, paths, 1, NULL), KEYHOUND_ENOMEM);
	kh_set_alloc_fail_hook(NULL, NULL);
	assert_true(atomic_load(&calls) >= 5);
	pthread_mutex_lock(&lock);
	failure_done = 1;
	pthread_cond_broadcast(&changed);
	pthread_mutex_unlock(&lock);
	pthread_join(other, &other_rc);
	assert_int_equal((intptr_t)other_rc, 2); /* whole: both findings, no ENOMEM */
	keyhound_scan_free(s);
	keyhound_engine_free(e);
	free(dir);
}

/* A scan made on a thread that has ended, used on this one: its workers count their failures
 * into the scan's own counter (nothing of the ended thread's), and the call that waits for
 * them ends in KEYHOUND_ENOMEM. */
static keyhound_engine *shared_engine;

static void *make_scan(void *arg)
{
	return keyhound_scan_new((keyhound_scan **)arg, shared_engine) == 0 ? arg : NULL;
}

static void a_scan_made_on_an_ended_thread(void **unused)
{
	keyhound_options o = KEYHOUND_OPTIONS_INIT;
	char *dir = NULL;
	const char *dirs[1], *paths[] = {folder};
	size_t failed = 0;

	asprintf(&dir, "%s/rules", root);
	dirs[0] = dir;
	o.rule_dirs = dirs;
	o.n_rule_dirs = 1;
	o.no_default_rules = 1;
	o.threads = 2;
	assert_int_equal(keyhound_engine_new(&shared_engine, &o), 0);
	for (size_t n = 1;; n += n < 40 ? 1 : n / 8) {
		keyhound_scan *s = NULL;
		keyhound_report *r = NULL;
		pthread_t t;
		void *made;
		int rc, rc2;

		assert_int_equal(pthread_create(&t, NULL, make_scan, &s), 0);
		pthread_join(t, &made);
		assert_non_null(made);
		fail_at = n;
		fail_also = 0;
		atomic_store(&calls, 0);
		kh_set_alloc_fail_hook(fail_nth, NULL);
		rc = keyhound_scan_paths(s, paths, 1, NULL);
		rc2 = keyhound_scan_finish(s, &r);
		kh_set_alloc_fail_hook(NULL, NULL);
		rc = rc < 0 ? rc : rc2;
		if (atomic_load(&calls) < n) {
			assert_int_equal(rc, 0);
			assert_int_equal(keyhound_report_count(r), 2);
			keyhound_report_free(r);
			keyhound_scan_free(s);
			break;
		}
		assert_int_equal(rc, KEYHOUND_ENOMEM);
		failed++;
		keyhound_report_free(r);
		keyhound_scan_free(s);
	}
	fprintf(stderr, "%zu runs of a scan made on an ended thread with a failed allocation\n",
		failed);
	assert_true(failed >= 40);
	keyhound_engine_free(shared_engine);
	free(dir);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(a_run_without_failure_finds_everything),
		cmocka_unit_test(every_failed_allocation_is_enomem),
		cmocka_unit_test(a_second_failure_in_the_call_is_enomem_too),
		cmocka_unit_test(another_threads_call_is_not_affected),
		cmocka_unit_test(a_scan_made_on_an_ended_thread),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
