/* SPDX-License-Identifier: Apache-2.0 */
/* Embedding keyhound: load the rules, scan the paths named on the command line (or a
 * buffer when none is named), print each finding as it is found, and stop after
 * --max N findings. Built in CI against the installed library, through keyhound.pc
 * and through the CMake package (examples/CMakeLists.txt).
 *   cc embed.c $(pkg-config --cflags --libs keyhound) -o embed
 *   ./embed [--max N] [PATH...]
 * Exit: 0 no findings, 1 findings, 2 an error. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <keyhound/keyhound.h>

typedef struct {
	unsigned long seen, max;
} counter;

/* Called from the scanning threads, one call at a time; the finding is redacted. */
static int on_finding(const keyhound_finding *f, void *payload)
{
	counter *c = payload;

	printf("%s:%lu: %s %s\n", f->path ? f->path : "-", (unsigned long)f->line, f->rule_id,
	       f->secret);
	c->seen++;
	return c->max && c->seen >= c->max; /* nonzero: stop the scan */
}

int main(int argc, char **argv)
{
	keyhound_options opts = KEYHOUND_OPTIONS_INIT;
	keyhound_engine *engine = NULL;
	keyhound_scan *scan = NULL;
	keyhound_report *report = NULL;
	counter c = {0, 0};
	int first = 1, rc;

	if (argc > 2 && !strcmp(argv[1], "--max")) {
		c.max = strtoul(argv[2], NULL, 10);
		first = 3;
	}
	if (strcmp(keyhound_version(), KEYHOUND_VERSION))
		fprintf(stderr, "embed: built with keyhound.h %s, running library %s\n",
			KEYHOUND_VERSION, keyhound_version());
	if (keyhound_engine_new(&engine, &opts) < 0 || keyhound_scan_new(&scan, engine) < 0) {
		fprintf(stderr, "embed: %s\n", keyhound_last_error());
		return 2;
	}
	keyhound_scan_set_finding_cb(scan, on_finding, &c);
	if (first < argc) {
		rc = keyhound_scan_paths(scan, (const char *const *)argv + first, (size_t)(argc - first),
					 NULL);
	} else {
		static const char text[] = "aws_access_key_id = AKIAZ3MK7QW2RTYV5PLX\n"
					   "aws_secret_access_key = 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\n";
		rc = keyhound_scan_buffer(scan, text, sizeof(text) - 1, "config/credentials");
	}
	if (rc >= 0 || rc == KEYHOUND_EUSER)
		rc = keyhound_scan_finish(scan, &report);
	if (rc < 0 && rc != KEYHOUND_EUSER) {
		fprintf(stderr, "embed: %s\n", keyhound_last_error());
		rc = 2;
	} else {
		keyhound_summary s;
		keyhound_report_summary(report, &s);
		printf("%lu findings streamed, %llu in the report%s\n", c.seen,
		       (unsigned long long)s.findings, rc == KEYHOUND_EUSER ? " (stopped)" : "");
		rc = c.seen ? 1 : 0;
	}
	keyhound_report_free(report);
	keyhound_scan_free(scan);
	keyhound_engine_free(engine);
	return rc;
}
