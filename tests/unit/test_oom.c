/* SPDX-License-Identifier: Apache-2.0 */
/* Allocation failure travels up (issue 12, "error policy"): a representative run (an
 * engine, then a folder holding a zip, a git history and an image tarball scanned, and the
 * report written) is repeated with the Nth allocation failing, for N = 1, 2, 3, ... until
 * the run makes fewer than N allocations. Every run with a failure must end in
 * KEYHOUND_ENOMEM from a public entry point, nothing crashing or aborting (and, under
 * AddressSanitizer, nothing leaking); the run without one must find what a run without
 * the hook finds. N goes one by one over the first 300 allocations, then in steps of a
 * tenth, so the test stays short. The allocations counted are the library's and those
 * of the libraries it routes (Hyperscan, PCRE2, jansson: core/routed.c). */
#include <stdatomic.h>
#include <sys/wait.h>

#include "image_fixtures.h"
#include "kh_test.h"

static char *root, *folder, *repo, *image;
static atomic_size_t calls;
static size_t fail_at;

static bool fail_nth(size_t n, void *payload)
{
	return atomic_fetch_add(&calls, 1) + 1 == fail_at;
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
	return 0;
}

/* One scan of one kind; *found gets its findings. */
static int scan_one(const keyhound_engine *e, int kind, size_t *found)
{
	keyhound_scan *s = NULL;
	keyhound_report *r = NULL;
	keyhound_git_options go = KEYHOUND_GIT_OPTIONS_INIT;
	keyhound_image_options io = KEYHOUND_IMAGE_OPTIONS_INIT;
	const char *paths[] = {folder};
	FILE *out = NULL;
	int rc, rc2;

	if ((rc = keyhound_scan_new(&s, e)) < 0)
		return rc;
	go.repo = repo;
	io.input = image;
	rc = kind == 0 ? keyhound_scan_paths(s, paths, 1, NULL)
	     : kind == 1 ? keyhound_scan_git(s, &go)
			 : keyhound_scan_image(s, &io);
	/* the report is handed out whatever the scan returned */
	rc2 = keyhound_scan_finish(s, &r);
	rc = rc < 0 ? rc : rc2;
	if (rc >= 0 && (out = fopen("/dev/null", "w")))
		rc = keyhound_report_write(r, out, KEYHOUND_FORMAT_JSON, NULL);
	if (out)
		fclose(out);
	*found += r ? keyhound_report_count(r) : 0;
	keyhound_report_free(r);
	keyhound_scan_free(s);
	return rc;
}

static int run(size_t *found)
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
	*found = 0;
	rc = keyhound_engine_new(&e, &o);
	for (int kind = 0; kind < 3 && rc >= 0; kind++)
		rc = scan_one(e, kind, found);
	keyhound_engine_free(e);
	free(dir);
	return rc;
}

static void every_failed_allocation_is_enomem(void **state)
{
	size_t expected, found, failed = 0;
	int rc;

	kt_write(root, "rules/rules.yml", KT_RULES);
	assert_int_equal(run(&expected), 0);
	/* the file and the zip's member, two in history, the layer and the environment */
	assert_true(expected >= 6);
	kh_set_alloc_fail_hook(fail_nth, NULL);
	for (fail_at = 1;; fail_at += fail_at < 300 ? 1 : fail_at / 10) {
		atomic_store(&calls, 0);
		rc = run(&found);
		if (atomic_load(&calls) < fail_at)
			break; /* no allocation failed: the run is whole */
		if (rc != KEYHOUND_ENOMEM)
			fprintf(stderr, "allocation %zu failed: %d (%s)\n", fail_at, rc,
				keyhound_last_error());
		assert_int_equal(rc, KEYHOUND_ENOMEM);
		failed++;
	}
	kh_set_alloc_fail_hook(NULL, NULL);
	fprintf(stderr, "%zu runs with a failed allocation, of the %zu a run makes\n", failed,
		atomic_load(&calls));
	assert_int_equal(rc, 0);
	assert_int_equal(found, expected);
	assert_true(failed >= 300);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(every_failed_allocation_is_enomem),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
