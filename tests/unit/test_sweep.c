/* SPDX-License-Identifier: Apache-2.0 */
/* The sweep's pieces that the CLI test sees only indirectly: a finding replayed from
 * the state keeps every field, and report merge orders findings and adds summaries. */
#include "core/report.h"
#include "kh_test.h"
#include "report/report.h"
#include "sweep/sweep.h"

static void fill(keyhound_finding *f, const char *repo, const char *path, unsigned long line)
{
	memset(f, 0, sizeof(*f));
	f->rule_id = kh_strdup("test-token");
	f->rule_name = kh_strdup("Test token");
	f->severity = KEYHOUND_SEV_CRITICAL;
	f->confidence = KEYHOUND_CONF_MEDIUM;
	f->secret = kh_strdup("tok_*****");
	f->match = kh_strdup("key = tok_*****");
	f->entropy = 4.125;
	f->fingerprint = kh_strdup("0123456789abcdef0123456789abcdef");
	f->source = KEYHOUND_SOURCE_GIT;
	f->path = kh_strdup(path);
	f->line = line;
	f->column = 7;
	f->end_line = line + 1;
	f->end_column = 3;
	f->commit = kh_strdup("1111111111111111111111111111111111111111");
	f->author = kh_strdup("Dev");
	f->email = kh_strdup("dev@example.com");
	f->date = kh_strdup("2026-11-30T07:14:04+01:00");
	f->message = kh_strdup("add config");
	f->repository = kh_strdup(repo);
	f->in_head = 0;
	f->commit_message = 0;
	f->layer_index = -1;
	f->decoded = "base64";
}

#define SAME_STR(x) assert_string_equal(a->x, b->x)

static void finding_round_trip(void **state)
{
	keyhound_finding in, out;
	json_t *j;

	fill(&in, "fleet/alpha", "config/app.py", 12);
	j = kh_finding_json(&in);
	assert_int_equal(kh_finding_from_json(&out, j), 0);
	const keyhound_finding *a = &in, *b = &out;
	SAME_STR(rule_id);
	SAME_STR(rule_name);
	SAME_STR(secret);
	SAME_STR(match);
	SAME_STR(fingerprint);
	SAME_STR(path);
	SAME_STR(commit);
	SAME_STR(author);
	SAME_STR(email);
	SAME_STR(date);
	SAME_STR(message);
	SAME_STR(repository);
	SAME_STR(decoded);
	assert_int_equal(b->severity, KEYHOUND_SEV_CRITICAL);
	assert_int_equal(b->confidence, KEYHOUND_CONF_MEDIUM);
	assert_int_equal(b->source, KEYHOUND_SOURCE_GIT);
	assert_int_equal(b->line, 12);
	assert_int_equal(b->column, 7);
	assert_int_equal(b->end_line, 13);
	assert_int_equal(b->end_column, 3);
	assert_int_equal(b->in_head, 0);
	assert_int_equal(b->layer_index, -1);
	assert_true(b->entropy > 4.12 && b->entropy < 4.13);
	assert_int_equal(kh_finding_cmp(a, b), 0);
	json_decref(j);
	kh_finding_clear(&in);
	kh_finding_clear(&out);
}

static void finding_without_rule_is_refused(void **state)
{
	keyhound_finding f;
	json_t *j = json_pack("{s:s}", "path", "a");

	assert_int_equal(kh_finding_from_json(&f, j), KEYHOUND_EINVAL);
	kh_finding_clear(&f);
	json_decref(j);
}

/* A shard's JSON report with one finding per (repo, path, line) given. */
static void write_shard(const char *file, const char *repo, const char *path, unsigned long line,
			uint64_t bytes)
{
	keyhound_report *r = kh_calloc(1, sizeof(*r));
	kh_finding_rec rec = { 0 };
	FILE *f = fopen(file, "w");

	kh_report_init(r);
	r->rules_version = kh_strdup("v1");
	fill(&rec.f, repo, path, line);
	kh_report_add(r, &rec);
	kh_report_add_bytes(r, bytes, 2);
	kh_report_skip(r, KH_SKIP_BINARY);
	kh_report_error(r, repo, "missing object");
	r->extra = json_pack("{s:{s:i,s:s},s:[{s:s,s:i}]}", "sweep", "repositories", 1, "shard", repo,
			     "repositories", "repository", repo, "blobs_new", 5);
	assert_non_null(f);
	assert_int_equal(keyhound_report_write(r, f, KEYHOUND_FORMAT_JSON, NULL), 0);
	fclose(f);
	keyhound_report_free(r);
}

static void merge_orders_and_adds(void **state)
{
	char *dir = kt_tmpdir(), a[4200], b[4200], c[4200];
	const char *files[2] = { a, b };
	keyhound_report *m = NULL;
	const json_t *repos;

	snprintf(a, sizeof(a), "%s/s1.json", dir);
	snprintf(b, sizeof(b), "%s/s0.json", dir);
	snprintf(c, sizeof(c), "%s/bad.json", dir);
	write_shard(a, "fleet/zeta", "a.py", 3, 100);
	write_shard(b, "fleet/alpha", "b.py", 9, 20);
	assert_int_equal(keyhound_report_merge(&m, files, 2), 0);
	assert_int_equal(keyhound_report_count(m), 2);
	/* repository order, whatever order the shards came in */
	assert_string_equal(keyhound_report_get(m, 0)->repository, "fleet/alpha");
	assert_string_equal(keyhound_report_get(m, 1)->repository, "fleet/zeta");
	keyhound_summary s;
	keyhound_report_summary(m, &s);
	assert_int_equal(s.bytes, 120);
	assert_int_equal(s.blobs, 4);
	assert_int_equal(s.skipped, 2);
	assert_int_equal(s.errors, 2);
	assert_int_equal(json_integer_value(json_object_get(json_object_get(m->extra, "sweep"), "repositories")), 2);
	repos = json_object_get(m->extra, "repositories");
	assert_int_equal(json_array_size(repos), 2);
	assert_string_equal(json_string_value(json_object_get(json_array_get(repos, 0), "repository")), "fleet/alpha");
	keyhound_report_free(m);

	kt_write(dir, "bad.json", "{\"findings\": 3}");
	files[1] = c;
	assert_true(keyhound_report_merge(&m, files, 2) < 0);
	assert_null(m);
	kt_rmrf(dir);
	free(dir);
}

/* The shard hash is part of the state: a changed hash moves repositories between
 * shards (and re-alerts them). The values were computed with e566992's sweep.c. */
static void shard_hash_is_stable(void **state)
{
	assert_true(kh_sweep_shard_hash("/srv/git/acme/api.git") == 6141412399328991564ull);
	assert_true(kh_sweep_shard_hash("https://github.com/acme/web.git") == 8545944380520180756ull);
	assert_true(kh_sweep_shard_hash("repo") == 5184072218856254123ull);
	assert_true(kh_sweep_shard_hash("") == 1469598103934665603ull);
	assert_int_equal(kh_sweep_shard_hash("/srv/git/acme/api.git") % 7, 3);
	assert_int_equal(kh_sweep_shard_hash("repo") % 7, 1);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(finding_round_trip),
		cmocka_unit_test(finding_without_rule_is_refused),
		cmocka_unit_test(merge_orders_and_adds),
		cmocka_unit_test(shard_hash_is_stable),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
