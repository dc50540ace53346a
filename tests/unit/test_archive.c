/* SPDX-License-Identifier: Apache-2.0 */
/* The shared nested-archive reader: formats recognised by content, "outer!inner" paths,
 * links never read, and every limit (depth, entries, entry size, total, ratio) a counted
 * skip, on archives written by the test itself. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>

#include <cmocka.h>

#include "decode/archive.h"
#include "image_fixtures.h"

/* the report of the case running; each case resets it, the group frees the last */
static keyhound_report *rep;

static int free_report(void **state)
{
	keyhound_report_free(rep);
	rep = NULL;
	return 0;
}

typedef struct {
	char *path[64];
	char *data[64];
	size_t len[64];
	unsigned depth[64];
	size_t n;
	bool recurse;
	char *prefix;           /* the archive being expanded: "outer" of "outer!inner" */
	const keyhound_limits *limits;
	keyhound_report *report;
} got;

static int collect(const char *inner, const unsigned char *data, size_t len, unsigned depth, void *p)
{
	got *g = p;
	char *path = kh_sprintf("%s!%s", g->prefix, inner);
	int r = 0;
	if (g->n < 64) {
		g->path[g->n] = kh_strdup(path);
		g->data[g->n] = kh_strndup((const char *)data, len);
		g->len[g->n] = len;
		g->depth[g->n++] = depth;
	}
	/* what the pipeline does: an entry that is an archive is expanded in turn */
	if (g->recurse && kh_archive_detect(data, len)) {
		char *outer = g->prefix;
		g->prefix = path;
		r = kh_archive_expand(data, len, path, depth, g->limits, g->report,
				      &(kh_archive_sink){collect, NULL, g});
		g->prefix = outer;
	}
	free(path);
	return r;
}

static void got_free(got *g)
{
	for (size_t i = 0; i < g->n; i++) {
		free(g->path[i]);
		free(g->data[i]);
	}
	g->n = 0;
}

static const char *data_at(const got *g, const char *path)
{
	for (size_t i = 0; i < g->n; i++)
		if (strcmp(g->path[i], path) == 0)
			return g->data[i];
	return NULL;
}

static uint64_t skips(const keyhound_report *rep, const char *reason)
{
	for (size_t i = 0; i < rep->n_skip; i++)
		if (strcmp(rep->skip_reason[i], reason) == 0)
			return rep->skip_count[i];
	return 0;
}

static const fx_entry app_entries[] = {
	{"BOOT-INF/", NULL, 0, FX_DIR},
	{"BOOT-INF/classes/application.properties", "spring.datasource.password=s3cr3t-Value\n"},
	{"META-INF/MANIFEST.MF", "Manifest-Version: 1.0\n"},
	{"BOOT-INF/lib/link", NULL, 0, FX_SYMLINK, "/etc/shadow"},
	{"../../escape.txt", "only a name\n"},
};

static void expand(got *g, const kh_buf *b, const char *path, const keyhound_limits *lim)
{
	fx_report_reset(&rep);
	g->prefix = (char *)path;
	g->limits = lim;
	g->report = rep;
	assert_int_equal(kh_archive_expand((const unsigned char *)b->buf, b->len, path, 0, lim, rep,
					   &(kh_archive_sink){collect, NULL, g}), 0);
}

static void test_formats_by_content(void **state)
{
	static const struct {
		fx_format format;
		fx_filter filter;
		const char *name;
		kh_archive_kind kind;
	} cases[] = {
		{FX_ZIP, FX_PLAIN, "app/lib/app.jar", KH_ARCHIVE_ZIP},
		{FX_TAR, FX_PLAIN, "bundle.tar", KH_ARCHIVE_TAR},
		{FX_TAR, FX_GZIP, "bundle.tgz", KH_ARCHIVE_GZIP},
		{FX_TAR, FX_ZSTD, "bundle.tar.zst", KH_ARCHIVE_ZSTD},
		{FX_ZIP, FX_PLAIN, "misnamed.txt", KH_ARCHIVE_ZIP},
	};
	for (size_t i = 0; i < sizeof(cases) / sizeof(*cases); i++) {
		kh_buf b = {0};
		got g = {0};
			fx_archive(&b, cases[i].format, cases[i].filter, app_entries, 5);
		assert_int_equal(kh_archive_kind_of((unsigned char *)b.buf, b.len), cases[i].kind);
		expand(&g, &b, cases[i].name, NULL);
		char *want = kh_sprintf("%s!BOOT-INF/classes/application.properties", cases[i].name);
		assert_non_null(data_at(&g, want));
		assert_string_equal(data_at(&g, want), "spring.datasource.password=s3cr3t-Value\n");
		free(want);
		/* a symlink is not read; a ".." name is only a name */
		want = kh_sprintf("%s!BOOT-INF/lib/link", cases[i].name);
		assert_null(data_at(&g, want));
		free(want);
		want = kh_sprintf("%s!../../escape.txt", cases[i].name);
		assert_non_null(data_at(&g, want));
		free(want);
		assert_int_equal(g.n, 3);
		assert_int_equal(g.depth[0], 1);
		assert_int_equal(rep->n_err, 0);
		got_free(&g);
		kh_buf_free(&b);
	}
}

static void test_jar_with_launch_script(void **state)
{
	kh_buf b = {0};
	got g = {0};
	kh_buf_puts(&b, "#!/bin/sh\nexec java -jar \"$0\" \"$@\"\nexit 1\n");
	fx_archive(&b, FX_ZIP, FX_PLAIN, app_entries, 3);
	assert_int_equal(kh_archive_kind_of((unsigned char *)b.buf, b.len), KH_ARCHIVE_ZIP);
	expand(&g, &b, "app.jar", NULL);
	assert_non_null(data_at(&g, "app.jar!BOOT-INF/classes/application.properties"));
	got_free(&g);
	kh_buf_free(&b);
}

static void test_single_gzip_and_zstd_streams(void **state)
{
	const char *text = "line one\nAKIA-like but not a tar\n";
	struct { const char *path, *member; fx_filter f; } cases[] = {
		{"logs/app.log.gz", "logs/app.log.gz!app.log", FX_GZIP},
		{"dump.zst", "dump.zst!dump", FX_ZSTD},
	};
	for (size_t i = 0; i < 2; i++) {
		struct archive *a = archive_write_new();
		kh_buf b = {0};
		got g = {0};
			archive_write_set_format_raw(a);
		if (cases[i].f == FX_GZIP)
			archive_write_add_filter_gzip(a);
		else
			archive_write_add_filter_zstd(a);
		archive_write_set_bytes_in_last_block(a, 1); /* no padding after the stream */
		archive_write_open(a, &b, NULL, fx_write_cb, NULL);
		struct archive_entry *e = archive_entry_new();
		archive_entry_set_filetype(e, AE_IFREG);
		archive_entry_set_pathname(e, "x");
		archive_write_header(a, e);
		archive_write_data(a, text, strlen(text));
		archive_entry_free(e);
		archive_write_close(a);
		archive_write_free(a);
		expand(&g, &b, cases[i].path, NULL);
		assert_int_equal(g.n, 1);
		assert_string_equal(g.path[0], cases[i].member);
		assert_string_equal(g.data[0], text);
		assert_int_equal(rep->n_err, 0);
		got_free(&g);
		kh_buf_free(&b);
	}
}

/* gzip of zero bytes (Debian ships such man pages): no entries, no error */
static void test_empty_gzip(void **state)
{
	static const unsigned char empty_gz[] = {0x1f, 0x8b, 0x08, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x03,
						 0x03, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00};
	got g = {0};
	kh_buf b = {0};
	kh_buf_put(&b, empty_gz, sizeof(empty_gz));
	expand(&g, &b, "man/tool.1.gz", NULL);
	assert_int_equal(rep->n_err, 0);
	assert_true(g.n <= 1);
	got_free(&g);
	kh_buf_free(&b);
}

static void test_not_an_archive(void **state)
{
	got g = {0};
	kh_buf b = {0};
	kh_buf_puts(&b, "PK is not enough, and neither is #! on its own\n");
	assert_false(kh_archive_detect((unsigned char *)b.buf, b.len));
	expand(&g, &b, "notes.txt", NULL);
	assert_int_equal(g.n, 0);
	assert_int_equal(rep->n_err, 0);
	kh_buf_free(&b);
}

/* A damaged archive is a counted skip, not an error: cut in half, the entries before the cut
 * are read; bytes that only start like one are handed back to be scanned as they are. */
static void test_corrupt_archive_is_a_counted_skip(void **state)
{
	got g = {0};
	kh_buf b = {0};
	static const char fake[] = "PK\003\004 only the magic of a zip\n";
	fx_archive(&b, FX_TAR, FX_GZIP, app_entries, 3);
	b.len = b.len / 2;
	fx_report_reset(&rep);
	g.prefix = "broken.tgz";
	g.report = rep;
	int rc = kh_archive_expand((const unsigned char *)b.buf, b.len, "broken.tgz", 0, NULL, rep,
				   &(kh_archive_sink){collect, NULL, &g});
	assert_int_equal(rep->n_err, 0);
	assert_true(rc == KH_ARCHIVE_UNREADABLE || (rc == 0 && skips(rep, "archive-unreadable") == 1));
	fx_report_reset(&rep);
	assert_int_equal(kh_archive_expand((const unsigned char *)fake, sizeof(fake) - 1, "fake.zip", 0,
					   NULL, rep, &(kh_archive_sink){collect, NULL, &g}),
			 KH_ARCHIVE_UNREADABLE);
	assert_int_equal(rep->n_err, 0);
	kh_buf_free(&b);
	got_free(&g);
}

/* jar in a zip in a tgz in a zip: depth 3 is reached and the innermost is a counted skip. */
static void test_depth_limit(void **state)
{
	kh_buf l0 = {0}, l1 = {0}, l2 = {0}, l3 = {0};
	got g = {.recurse = true};
	keyhound_limits lim = KEYHOUND_LIMITS_INIT;
	fx_archive(&l0, FX_ZIP, FX_PLAIN, app_entries, 2);
	fx_entry e1[] = {{"lib/inner.jar", l0.buf, l0.len}};
	fx_archive(&l1, FX_ZIP, FX_PLAIN, e1, 1);
	fx_entry e2[] = {{"deps/lib.zip", l1.buf, l1.len}};
	fx_archive(&l2, FX_TAR, FX_GZIP, e2, 1);
	fx_entry e3[] = {{"bundle.tgz", l2.buf, l2.len}};
	fx_archive(&l3, FX_ZIP, FX_PLAIN, e3, 1);

	expand(&g, &l3, "release.zip", &lim);
	assert_non_null(data_at(&g, "release.zip!bundle.tgz!deps/lib.zip!lib/inner.jar"));
	assert_null(data_at(&g, "release.zip!bundle.tgz!deps/lib.zip!lib/inner.jar!BOOT-INF/classes/application.properties"));
	assert_int_equal(skips(rep, "max-archive-depth"), 1);
	got_free(&g);

	lim.max_archive_depth = 4;
	expand(&g, &l3, "release.zip", &lim);
	assert_non_null(data_at(&g, "release.zip!bundle.tgz!deps/lib.zip!lib/inner.jar!BOOT-INF/classes/application.properties"));
	assert_int_equal(skips(rep, "max-archive-depth"), 0);
	got_free(&g);
	kh_buf_free(&l0);
	kh_buf_free(&l1);
	kh_buf_free(&l2);
	kh_buf_free(&l3);
}

static void test_entry_limits(void **state)
{
	kh_buf b = {0};
	got g = {0};
	keyhound_limits lim = KEYHOUND_LIMITS_INIT;
	char big[1000];
	memset(big, 'x', sizeof(big));
	fx_entry e[] = {{"a", "1"}, {"b", "2"}, {"big", big, sizeof(big)}, {"c", "3"}, {"d", "4"}};
	fx_archive(&b, FX_ZIP, FX_PLAIN, e, 5);

	lim.max_archive_entries = 3;
	expand(&g, &b, "x.zip", &lim);
	assert_int_equal(g.n, 3);
	assert_int_equal(skips(rep, "max-archive-entries"), 1);
	got_free(&g);

	lim = (keyhound_limits)KEYHOUND_LIMITS_INIT;
	lim.max_file_size = 100;
	expand(&g, &b, "x.zip", &lim);
	assert_int_equal(g.n, 4);
	assert_null(data_at(&g, "x.zip!big"));
	assert_int_equal(skips(rep, "max-file-size"), 1);
	got_free(&g);

	lim = (keyhound_limits)KEYHOUND_LIMITS_INIT;
	lim.max_decompressed = 500;
	expand(&g, &b, "x.zip", &lim);
	assert_non_null(data_at(&g, "x.zip!b"));
	assert_null(data_at(&g, "x.zip!c"));
	assert_int_equal(skips(rep, "max-decompressed"), 1);
	got_free(&g);
	kh_buf_free(&b);
}

/* A zip bomb: many entries of zeros, each under max_file_size, ~1000:1. The ratio limit
 * ends it after a few MiB, not after the whole. */
static void test_zip_bomb(void **state)
{
	kh_buf b = {0};
	got g = {0};
	size_t each = 4u << 20;
	char *zeros = calloc(1, each);
	fx_entry e[32];
	char names[32][16];
	for (int i = 0; i < 32; i++) {
		snprintf(names[i], sizeof(names[i]), "zeros%02d", i);
		e[i] = (fx_entry){names[i], zeros, each};
	}
	fx_archive(&b, FX_ZIP, FX_PLAIN, e, 32);
	assert_true(b.len < (1u << 20));
	expand(&g, &b, "bomb.zip", NULL);
	assert_int_equal(skips(rep, "max-ratio"), 1);
	assert_true(g.n < 32);
	got_free(&g);

	/* one entry larger than max_file_size is skipped before a byte is inflated */
	kh_buf one = {0};
	char *huge = calloc(1, 60u << 20);
	fx_entry h[] = {{"huge.bin", huge, 60u << 20}, {"after.txt", "still read\n"}};
	fx_archive(&one, FX_ZIP, FX_PLAIN, h, 2);
	keyhound_limits lim = KEYHOUND_LIMITS_INIT;
	lim.max_ratio = 0;
	expand(&g, &one, "one.zip", &lim);
	assert_int_equal(skips(rep, "max-file-size"), 1);
	assert_non_null(data_at(&g, "one.zip!after.txt"));
	got_free(&g);
	free(huge);
	free(zeros);
	kh_buf_free(&b);
	kh_buf_free(&one);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_formats_by_content),
		cmocka_unit_test(test_jar_with_launch_script),
		cmocka_unit_test(test_single_gzip_and_zstd_streams),
		cmocka_unit_test(test_empty_gzip),
		cmocka_unit_test(test_not_an_archive),
		cmocka_unit_test(test_corrupt_archive_is_a_counted_skip),
		cmocka_unit_test(test_depth_limit),
		cmocka_unit_test(test_entry_limits),
		cmocka_unit_test(test_zip_bomb),
	};
	return cmocka_run_group_tests(tests, NULL, free_report);
}
