/* SPDX-License-Identifier: Apache-2.0 */
/* Shared by the unit tests: temporary folders and rule files written by the
 * test itself, and a one-call scan of a buffer through the whole pipeline. */
#ifndef KH_TEST_H
#define KH_TEST_H

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <cmocka.h>

#include "core/kh.h"
#include "core/report.h"
#include "engine.h"

/* A fresh temporary folder; the caller frees the string. */
static inline char *kt_tmpdir(void)
{
	char tmpl[] = "/tmp/kh-test-XXXXXX";
	char *d = mkdtemp(tmpl);
	assert_non_null(d);
	return strdup(d);
}

static inline void kt_write(const char *dir, const char *name, const char *text)
{
	char path[4096];
	snprintf(path, sizeof(path), "%s/%s", dir, name);
	/* create parent folders */
	for (char *p = path + strlen(dir) + 1; *p; p++)
		if (*p == '/') {
			*p = '\0';
			mkdir(path, 0755);
			*p = '/';
		}
	FILE *f = fopen(path, "wb");
	assert_non_null(f);
	fwrite(text, 1, strlen(text), f);
	fclose(f);
}

static inline void kt_rmrf(const char *dir)
{
	char cmd[4200];
	snprintf(cmd, sizeof(cmd), "rm -rf '%s'", dir);
	assert_int_equal(system(cmd), 0);
}

/* The rules most tests use: written by the test, independent of the shipped pack. */
#define KT_RULES                                                                              \
	"rules:\n"                                                                            \
	"  - id: test-token\n"                                                                \
	"    name: Test token\n"                                                              \
	"    pattern: '\\b(tok_[A-Za-z0-9]{24})\\b'\n"                                        \
	"    severity: high\n"                                                                \
	"    confidence: high\n"                                                              \
	"  - id: test-long\n"                                                                 \
	"    name: Test long secret\n"                                                        \
	"    pattern: 'longsecret=([A-Za-z0-9]{8,})'\n"                                       \
	"    severity: medium\n"                                                              \
	"    confidence: medium\n"                                                            \
	"  - id: test-password\n"                                                             \
	"    name: Test password\n"                                                           \
	"    pattern: '(?i)password\\s*=\\s*\"([^\"\\s]{6,})\"'\n"                             \
	"    min_entropy: 2.5\n"                                                              \
	"    severity: medium\n"                                                              \
	"    confidence: low\n"                                                               \
	"  - id: test-lookahead\n"                                                            \
	"    name: Test lookahead\n"                                                          \
	"    pattern: 'lk_(?=[a-z]*[0-9])([a-z0-9]{10})\\b'\n"                                \
	"    severity: low\n"                                                                 \
	"    confidence: medium\n"                                                            \
	"  - id: test-keyfile\n"                                                              \
	"    name: Test key file\n"                                                           \
	"    paths: ['*.p12', 'secrets/**']\n"                                                \
	"    severity: high\n"                                                                \
	"    confidence: medium\n"

/* An engine over `rules_yaml` only (no shipped rules), single-threaded. */
static inline keyhound_engine *kt_engine(const char *rules_yaml, keyhound_options *opts_in)
{
	char *dir = kt_tmpdir();
	keyhound_options opts = KEYHOUND_OPTIONS_INIT;
	keyhound_engine *e = NULL;
	const char *dirs[1] = {dir};
	if (opts_in)
		opts = *opts_in;
	kt_write(dir, "rules.yml", rules_yaml);
	opts.rule_dirs = dirs;
	opts.n_rule_dirs = 1;
	opts.no_default_rules = 1;
	if (!opts.threads)
		opts.threads = 1;
	int rc = keyhound_engine_new(&e, &opts);
	if (rc)
		fprintf(stderr, "engine: %s\n", keyhound_last_error());
	assert_int_equal(rc, 0);
	kt_rmrf(dir);
	free(dir);
	return e;
}

/* Scan one buffer as the file `path`. */
static inline keyhound_report *kt_scan(const keyhound_engine *e, const char *text, size_t len,
				       const char *path)
{
	keyhound_scan *s = NULL;
	keyhound_report *r = NULL;
	assert_int_equal(keyhound_scan_new(&s, e), 0);
	assert_int_equal(keyhound_scan_buffer(s, text, len, path), 0);
	assert_int_equal(keyhound_scan_finish(s, &r), 0);
	keyhound_scan_free(s);
	return r;
}

static inline keyhound_report *kt_scan_str(const keyhound_engine *e, const char *text)
{
	return kt_scan(e, text, strlen(text), "file.txt");
}

static inline size_t kt_count_rule(const keyhound_report *r, const char *id)
{
	size_t n = 0;
	for (size_t i = 0; i < keyhound_report_count(r); i++)
		if (!strcmp(keyhound_report_get(r, i)->rule_id, id))
			n++;
	return n;
}

#endif
