/* SPDX-License-Identifier: Apache-2.0 */
/* Walking files and folders: name order, .git not entered, symlinks not
 * followed (loops included), binary and over-size files counted as skips. */
#include <fcntl.h>

#include "kh_test.h"

static keyhound_report *scan_dir(const keyhound_engine *e, const char *dir)
{
	keyhound_scan *s = NULL;
	keyhound_report *r = NULL;
	const char *paths[1] = {dir};
	assert_int_equal(keyhound_scan_new(&s, e), 0);
	assert_int_equal(keyhound_scan_paths(s, paths, 1, NULL), 0);
	assert_int_equal(keyhound_scan_finish(s, &r), 0);
	keyhound_scan_free(s);
	return r;
}

static uint64_t skipped(const keyhound_report *r, const char *reason)
{
	for (size_t i = 0; i < r->n_skip; i++)
		if (!strcmp(r->skip_reason[i], reason))
			return r->skip_count[i];
	return 0;
}

static void walks_in_name_order_relative_paths(void **state)
{
	keyhound_options o = KEYHOUND_OPTIONS_INIT;
	o.threads = 2;
	keyhound_engine *e = kt_engine(KT_RULES, &o);
	char *dir = kt_tmpdir();
	kt_write(dir, "b/z.txt", "tok_Z1b2C3d4E5f6G7h8I9j0K1l2\n");
	kt_write(dir, "a.txt", "\n\ntok_A1b2C3d4E5f6G7h8I9j0K1l2\n");
	kt_write(dir, "b/a.txt", "tok_B1b2C3d4E5f6G7h8I9j0K1l2\n");
	kt_write(dir, ".git/config", "tok_G1b2C3d4E5f6G7h8I9j0K1l2\n");
	for (int run = 0; run < 3; run++) {
		keyhound_report *r = scan_dir(e, dir);
		assert_int_equal(keyhound_report_count(r), 3);
		char shown[4200];
		/* root_path is inside the folder (a work tree: it holds .git); path opens from here */
		assert_string_equal(keyhound_report_get(r, 0)->root_path, "a.txt");
		snprintf(shown, sizeof(shown), "%s/a.txt", dir);
		assert_string_equal(keyhound_report_get(r, 0)->path, shown);
		assert_int_equal(keyhound_report_get(r, 0)->line, 3);
		assert_string_equal(keyhound_report_get(r, 1)->root_path, "b/a.txt");
		assert_string_equal(keyhound_report_get(r, 2)->root_path, "b/z.txt");
		snprintf(shown, sizeof(shown), "%s/b/z.txt", dir);
		assert_string_equal(keyhound_report_get(r, 2)->path, shown);
		assert_int_equal(keyhound_report_get(r, 2)->source, KEYHOUND_SOURCE_FILE);
		assert_int_equal(r->blobs, 3);
		keyhound_report_free(r);
	}
	kt_rmrf(dir);
	free(dir);
	keyhound_engine_free(e);
}

static void symlinks_are_not_followed(void **state)
{
	keyhound_engine *e = kt_engine(KT_RULES, NULL);
	char *dir = kt_tmpdir(), *outside = kt_tmpdir(), p[4200];
	kt_write(outside, "secret.txt", "tok_O1b2C3d4E5f6G7h8I9j0K1l2\n");
	kt_write(dir, "sub/x.txt", "clean\n");
	snprintf(p, sizeof(p), "%s/out", dir);
	assert_int_equal(symlink(outside, p), 0);
	snprintf(p, sizeof(p), "%s/sub/loop", dir);
	assert_int_equal(symlink("..", p), 0);
	keyhound_report *r = scan_dir(e, dir);
	assert_int_equal(keyhound_report_count(r), 0);
	assert_int_equal(skipped(r, "symlink"), 2);
	assert_int_equal(r->n_err, 0);
	assert_int_equal(keyhound_report_exit_code(r, 0), 0);
	assert_int_equal(keyhound_report_exit_code(r, 1), 2);
	keyhound_report_free(r);
	kt_rmrf(dir);
	kt_rmrf(outside);
	free(dir);
	free(outside);
	keyhound_engine_free(e);
}

static void binary_and_oversize_files_are_skips(void **state)
{
	keyhound_options o = KEYHOUND_OPTIONS_INIT;
	o.limits.max_file_size = 100;
	keyhound_engine *e = kt_engine(KT_RULES, &o);
	char *dir = kt_tmpdir(), p[4200];
	char big[300];
	memset(big, 'a', sizeof(big) - 1);
	big[sizeof(big) - 1] = '\0';
	memcpy(big + 200, "tok_A1b2C3d4E5f6G7h8I9j0K1l2", 28);
	kt_write(dir, "big.txt", big);
	snprintf(p, sizeof(p), "%s/bin.dat", dir);
	FILE *f = fopen(p, "wb");
	fwrite("\0\1\2tok_B1b2C3d4E5f6G7h8I9j0K1l2", 1, 31, f);
	fclose(f);
	/* a path rule still fires on a file too big to read */
	kt_write(dir, "store.p12", big);
	keyhound_report *r = scan_dir(e, dir);
	assert_int_equal(skipped(r, "binary"), 1);
	assert_int_equal(skipped(r, "max-file-size"), 2);
	assert_int_equal(kt_count_rule(r, "test-token"), 0);
	assert_int_equal(kt_count_rule(r, "test-keyfile"), 1);
	keyhound_report_free(r);
	kt_rmrf(dir);
	free(dir);
	keyhound_engine_free(e);
}

static void missing_path_is_an_error(void **state)
{
	keyhound_engine *e = kt_engine(KT_RULES, NULL);
	keyhound_report *r = scan_dir(e, "/nonexistent/keyhound/path");
	assert_int_equal(r->n_err, 1);
	assert_string_equal(r->err_location[0], "/nonexistent/keyhound/path");
	assert_int_equal(keyhound_report_exit_code(r, 0), 2);
	keyhound_report_free(r);
	keyhound_engine_free(e);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(walks_in_name_order_relative_paths),
		cmocka_unit_test(symlinks_are_not_followed),
		cmocka_unit_test(binary_and_oversize_files_are_skips),
		cmocka_unit_test(missing_path_is_an_error),
	};
	return cmocka_run_group_tests_name("walk", tests, NULL, NULL);
}
