/* Options every command shares, and the step that runs a scan and prints it. */
#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "cli.h"

int cli_usage_error(const char *fmt, ...)
{
	va_list ap;
	fputs("keyhound: ", stderr);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputs("\n(keyhound --help lists the commands and options)\n", stderr);
	return 2;
}

int cli_fail(const char *what)
{
	fprintf(stderr, "keyhound: %s%s%s\n", what ? what : "", what ? ": " : "", keyhound_last_error());
	return 2;
}

const char *cli_value(int argc, char **argv, int *i, const char *name)
{
	size_t n = strlen(name);
	if (!strncmp(argv[*i], name, n) && argv[*i][n] == '=')
		return argv[*i] + n + 1;
	if (!strcmp(argv[*i], name) && *i + 1 < argc)
		return argv[++*i];
	return NULL;
}

/* "50MB", "4GiB", "1024": bytes. */
static int parse_size(const char *s, uint64_t *out)
{
	char *end;
	errno = 0;
	double v = strtod(s, &end);
	if (end == s || v < 0 || errno)
		return -1;
	static const struct { const char *suf; double mul; } units[] = {
		{"", 1}, {"B", 1}, {"K", 1e3}, {"KB", 1e3}, {"KiB", 1024}, {"M", 1e6}, {"MB", 1e6},
		{"MiB", 1048576.0}, {"G", 1e9}, {"GB", 1e9}, {"GiB", 1073741824.0},
	};
	for (size_t i = 0; i < sizeof(units) / sizeof(units[0]); i++)
		if (!strcasecmp(end, units[i].suf)) {
			*out = (uint64_t)(v * units[i].mul);
			return 0;
		}
	return -1;
}

static int parse_uint(const char *s, unsigned *out)
{
	char *end;
	long v = strtol(s, &end, 10);
	if (end == s || *end || v < 0 || v > 1 << 20)
		return -1;
	*out = (unsigned)v;
	return 0;
}

static int common_opt(cli *c, int argc, char **argv, int *i)
{
	const char *a = argv[*i], *v;
	uint64_t size;
#define IS(name) (!strcmp(a, name))
#define VAL(name) ((v = cli_value(argc, argv, i, name)) != NULL)
	if (VAL("--format")) {
		if (!strcmp(v, "human"))
			c->format = KEYHOUND_FORMAT_HUMAN;
		else if (!strcmp(v, "json"))
			c->format = KEYHOUND_FORMAT_JSON;
		else if (!strcmp(v, "jsonl"))
			c->format = KEYHOUND_FORMAT_JSONL;
		else if (!strcmp(v, "sarif"))
			c->format = KEYHOUND_FORMAT_SARIF;
		else
			return cli_usage_error("--format must be human, json, jsonl or sarif, not '%s'", v), -1;
	} else if (VAL("--output") || VAL("-o")) {
		c->output = v;
	} else if (VAL("--config")) {
		c->opts.config_path = v;
		c->config_given = true;
	} else if (VAL("--rules")) {
		c->rule_dirs = realloc(c->rule_dirs, (c->n_rule_dirs + 1) * sizeof(char *));
		c->rule_dirs[c->n_rule_dirs++] = v;
	} else if (IS("--no-default-rules")) {
		c->opts.no_default_rules = 1;
	} else if (VAL("--baseline")) {
		c->opts.baseline_path = v;
	} else if (VAL("--write-baseline")) {
		c->write_baseline = v;
	} else if (IS("--show-secrets")) {
		c->opts.show_secrets = 1;
	} else if (VAL("--min-confidence")) {
		if (!strcmp(v, "low"))
			c->opts.min_confidence = KEYHOUND_CONF_LOW;
		else if (!strcmp(v, "medium"))
			c->opts.min_confidence = KEYHOUND_CONF_MEDIUM;
		else if (!strcmp(v, "high"))
			c->opts.min_confidence = KEYHOUND_CONF_HIGH;
		else
			return cli_usage_error("--min-confidence must be low, medium or high"), -1;
	} else if (VAL("--threads")) {
		if (parse_uint(v, &c->opts.threads) < 0 || c->opts.threads > 256)
			return cli_usage_error("--threads must be a number from 0 to 256"), -1;
	} else if (VAL("--max-file-size")) {
		if (parse_size(v, &size) < 0 || !size)
			return cli_usage_error("--max-file-size: '%s' is not a size such as 50MB", v), -1;
		c->opts.limits.max_file_size = size;
	} else if (VAL("--max-archive-depth")) {
		if (parse_uint(v, &c->opts.limits.max_archive_depth) < 0)
			return cli_usage_error("--max-archive-depth must be a number"), -1;
	} else if (VAL("--max-archive-entries")) {
		unsigned n;
		if (parse_uint(v, &n) < 0)
			return cli_usage_error("--max-archive-entries must be a number"), -1;
		c->opts.limits.max_archive_entries = n;
	} else if (VAL("--max-decompressed")) {
		if (parse_size(v, &size) < 0)
			return cli_usage_error("--max-decompressed: '%s' is not a size", v), -1;
		c->opts.limits.max_decompressed = size;
	} else if (VAL("--max-ratio")) {
		if (parse_uint(v, &c->opts.limits.max_ratio) < 0)
			return cli_usage_error("--max-ratio must be a number"), -1;
	} else if (VAL("--max-decoded-depth")) {
		if (parse_uint(v, &c->opts.limits.max_decoded_depth) < 0)
			return cli_usage_error("--max-decoded-depth must be a number"), -1;
	} else if (VAL("--max-findings-per-blob")) {
		if (parse_uint(v, &c->opts.limits.max_findings_per_blob) < 0)
			return cli_usage_error("--max-findings-per-blob must be a number"), -1;
	} else if (IS("--strict")) {
		c->opts.strict = 1;
	} else if (IS("--quiet") || IS("-q")) {
		c->quiet = true;
	} else if (IS("--no-progress")) {
		c->no_progress = true;
	} else {
		return 0;
	}
	return 1;
#undef IS
#undef VAL
}

int cli_parse(cli *c, int argc, char **argv, cli_opt_fn own, void *payload)
{
	keyhound_options defaults = KEYHOUND_OPTIONS_INIT;
	bool only_args = false;
	memset(c, 0, sizeof(*c));
	c->opts = defaults;
	c->args = calloc((size_t)argc + 1, sizeof(char *));
	for (int i = 0; i < argc; i++) {
		const char *a = argv[i];
		int rc;
		if (only_args || a[0] != '-' || !strcmp(a, "-")) {
			c->args[c->n_args++] = a;
			continue;
		}
		if (!strcmp(a, "--")) {
			only_args = true;
			continue;
		}
		if ((rc = common_opt(c, argc, argv, &i)) < 0)
			return 2;
		if (rc > 0)
			continue;
		if (own && (rc = own(c, argc, argv, &i, payload)) < 0)
			return 2;
		if (rc > 0)
			continue;
		return cli_usage_error("unknown option '%s'", a);
	}
	c->opts.rule_dirs = c->rule_dirs;
	c->opts.n_rule_dirs = c->n_rule_dirs;
	return 0;
}

void cli_free(cli *c)
{
	free(c->args);
	free(c->rule_dirs);
	free((char *)(c->config_given ? NULL : c->opts.config_path));
}

static bool exists(const char *p)
{
	struct stat st;
	return stat(p, &st) == 0;
}

void cli_find_config(cli *c, const char *dir)
{
	char *d, *p;
	if (c->config_given || !dir)
		return;
	d = realpath(dir, NULL);
	if (!d)
		return;
	p = malloc(strlen(d) + 32);
	sprintf(p, "%s/.keyhound.yml", d);
	if (exists(p)) {
		c->opts.config_path = p;
		free(d);
		return;
	}
	/* else the root of the git work tree that holds it */
	for (char *end = d + strlen(d); end > d;) {
		*end = '\0';
		sprintf(p, "%s/.git", d);
		if (exists(p)) {
			sprintf(p, "%s/.keyhound.yml", d);
			if (exists(p)) {
				c->opts.config_path = p;
				free(d);
				return;
			}
			break;
		}
		end = strrchr(d, '/');
		if (!end)
			break;
	}
	free(p);
	free(d);
}

typedef struct {
	struct timespec start, last;
	bool shown;
} progress_state;

static void on_progress(uint64_t bytes, uint64_t blobs, void *payload)
{
	progress_state *ps = payload;
	struct timespec now;
	clock_gettime(CLOCK_MONOTONIC, &now);
	double since = (double)(now.tv_sec - ps->last.tv_sec) + (double)(now.tv_nsec - ps->last.tv_nsec) / 1e9;
	double total = (double)(now.tv_sec - ps->start.tv_sec) + (double)(now.tv_nsec - ps->start.tv_nsec) / 1e9;
	if (since < 0.2 || total < 1.0)
		return;
	ps->last = now;
	ps->shown = true;
	fprintf(stderr, "\r\033[Kscanning: %.1f MB, %llu blobs, %.1f MB/s", (double)bytes / 1e6,
		(unsigned long long)blobs, total > 0 ? (double)bytes / 1e6 / total : 0.0);
}

static FILE *open_output(const cli *c)
{
	/* a report that holds secrets in the clear is readable by its owner only */
	int mode = c->opts.show_secrets ? 0600 : 0644;
	int fd = open(c->output, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, mode);
	if (fd < 0)
		return NULL;
	if (c->opts.show_secrets)
		fchmod(fd, 0600);
	return fdopen(fd, "w");
}

int cli_run(cli *c, cli_scan_fn fn, void *payload)
{
	keyhound_engine *engine = NULL;
	keyhound_scan *scan = NULL;
	keyhound_report *report = NULL;
	FILE *out = stdout;
	int code = 2;
	progress_state ps = {0};

	if (keyhound_engine_new(&engine, &c->opts) < 0) {
		code = cli_fail(NULL);
		goto done;
	}
	if (keyhound_scan_new(&scan, engine) < 0) {
		code = cli_fail("cannot start the scan");
		goto done;
	}
	if (!c->no_progress && !c->quiet && isatty(2)) {
		clock_gettime(CLOCK_MONOTONIC, &ps.start);
		ps.last = ps.start;
		keyhound_scan_set_progress(scan, on_progress, &ps);
	}
	int rc = fn(scan, c, payload);
	if (keyhound_scan_finish(scan, &report) < 0 || rc < 0) {
		if (ps.shown)
			fputs("\r\033[K", stderr);
		code = cli_fail(NULL);
		goto done;
	}
	if (ps.shown)
		fputs("\r\033[K", stderr);
	if (c->output && !(out = open_output(c))) {
		fprintf(stderr, "keyhound: cannot write %s: %s\n", c->output, strerror(errno));
		goto done;
	}
	keyhound_write_options wo = KEYHOUND_WRITE_OPTIONS_INIT;
	const char *nc = getenv("NO_COLOR");
	wo.color = !c->output && isatty(1) && !(nc && *nc) && c->format == KEYHOUND_FORMAT_HUMAN;
	wo.quiet = c->quiet;
	wo.engine = engine;
	if (keyhound_report_write(report, out, c->format, &wo) < 0) {
		code = cli_fail("cannot write the report");
		goto done;
	}
	if (c->write_baseline) {
		FILE *b = fopen(c->write_baseline, "w");
		if (!b || keyhound_report_write_baseline(report, b) < 0) {
			fprintf(stderr, "keyhound: cannot write %s: %s\n", c->write_baseline, strerror(errno));
			if (b)
				fclose(b);
			goto done;
		}
		fclose(b);
		/* recording the baseline is the point of this run: it is not a failure */
		code = keyhound_report_count(report) ? 0 : keyhound_report_exit_code(report, c->opts.strict);
		goto done;
	}
	code = keyhound_report_exit_code(report, c->opts.strict);
done:
	if (out && out != stdout && fclose(out) != 0)
		code = 2;
	else if (out == stdout && fflush(stdout) != 0)
		code = 2;
	keyhound_report_free(report);
	keyhound_scan_free(scan);
	keyhound_engine_free(engine);
	return code;
}
