/* SPDX-License-Identifier: Apache-2.0 */
/* Options every command shares, and the step that runs a scan and prints it. */
#include <errno.h>
#include <pthread.h>
#include <fcntl.h>
#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
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
	if (cli_command && *cli_command && cli_command[0] != '-')
		fprintf(stderr, "\n(keyhound %s --help lists its options)\n", cli_command);
	else
		fputs("\n(keyhound --help lists the commands and options)\n", stderr);
	return 2;
}

int cli_fail(const char *what)
{
	fprintf(stderr, "keyhound: %s%s%s\n", what ? what : "", what ? ": " : "", keyhound_last_error());
	return 2;
}

/* The same once the rules are loaded: a message can quote input, so its secrets are masked. */
static int fail_masked(const keyhound_engine *e, const char *what)
{
	char *msg = NULL;
	if (keyhound_engine_redact(e, keyhound_last_error(), &msg) < 0)
		msg = strdup("(the message could not be checked for secrets)");
	fprintf(stderr, "keyhound: %s%s%s\n", what ? what : "", what ? ": " : "", msg ? msg : "");
	free(msg);
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
	if (VAL("--format") || VAL("-f")) {
		if (!strcmp(v, "human"))
			c->format = KEYHOUND_FORMAT_HUMAN;
		else if (!strcmp(v, "json"))
			c->format = KEYHOUND_FORMAT_JSON;
		else if (!strcmp(v, "jsonl"))
			c->format = KEYHOUND_FORMAT_JSONL;
		else if (!strcmp(v, "sarif"))
			c->format = KEYHOUND_FORMAT_SARIF;
		else if (!strcmp(v, "gitlab"))
			c->format = KEYHOUND_FORMAT_GITLAB;
		else
			return cli_usage_error("--format must be human, json, jsonl, sarif or gitlab, not '%s'", v), -1;
	} else if (VAL("--output") || VAL("-o")) {
		c->output = v;
	} else if (VAL("--config") || VAL("-c")) {
		c->opts.config_path = v;
		c->config_given = true;
	} else if (VAL("--rules") || VAL("-r")) {
		c->rule_dirs = realloc(c->rule_dirs, (c->n_rule_dirs + 1) * sizeof(char *));
		c->rule_dirs[c->n_rule_dirs++] = v;
	} else if (IS("--no-default-rules")) {
		c->opts.no_default_rules = 1;
	} else if (VAL("--baseline") || VAL("-b")) {
		c->opts.baseline_path = v;
	} else if (VAL("--gitleaksignore")) {
		c->opts.gitleaksignore_path = v;
	} else if (VAL("--detect-secrets-baseline")) {
		c->opts.detect_secrets_path = v;
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
	} else if (VAL("--min-severity")) {
		static const char *const names[] = {"low", "medium", "high", "critical"};
		unsigned k;
		for (k = 0; k < 4 && strcmp(v, names[k]); k++)
			;
		if (k == 4)
			return cli_usage_error("--min-severity must be low, medium, high or critical, not '%s'", v), -1;
		c->opts.min_severity = (keyhound_severity)(KEYHOUND_SEV_LOW + k);
	} else if (VAL("--exit-code")) {
		char *end;
		long n = strtol(v, &end, 10);
		if (end == v || *end || n < 0 || n > 255)
			return cli_usage_error("--exit-code must be a number from 0 to 255, not '%s'", v), -1;
		if (n == 2)
			return cli_usage_error("--exit-code 2 is refused: 2 means an error (input not scanned, a "
					       "usage error), and findings must not look like one"), -1;
		c->exit_findings = (int)n;
		c->exit_given = true;
	} else if (VAL("--threads") || VAL("-j")) {
		if (parse_uint(v, &c->opts.threads) < 0 || c->opts.threads > 256)
			return cli_usage_error("--threads must be a number from 0 to 256"), -1;
	} else if (VAL("--max-file-size")) {
		if (keyhound_parse_size(v, &size) < 0 || !size)
			return cli_usage_error("--max-file-size: '%s' is not a size such as 50MB", v), -1;
		c->opts.limits.max_file_size = size;
		c->opts.limits_given |= KEYHOUND_LIMIT_MAX_FILE_SIZE;
	} else if (VAL("--max-archive-depth")) {
		if (parse_uint(v, &c->opts.limits.max_archive_depth) < 0)
			return cli_usage_error("--max-archive-depth must be a number"), -1;
		c->opts.limits_given |= KEYHOUND_LIMIT_MAX_ARCHIVE_DEPTH;
	} else if (VAL("--max-archive-entries")) {
		unsigned n;
		if (parse_uint(v, &n) < 0)
			return cli_usage_error("--max-archive-entries must be a number"), -1;
		c->opts.limits.max_archive_entries = n;
		c->opts.limits_given |= KEYHOUND_LIMIT_MAX_ARCHIVE_ENTRIES;
	} else if (VAL("--max-decompressed")) {
		if (keyhound_parse_size(v, &size) < 0)
			return cli_usage_error("--max-decompressed: '%s' is not a size", v), -1;
		c->opts.limits.max_decompressed = size;
		c->opts.limits_given |= KEYHOUND_LIMIT_MAX_DECOMPRESSED;
	} else if (VAL("--max-ratio")) {
		if (parse_uint(v, &c->opts.limits.max_ratio) < 0)
			return cli_usage_error("--max-ratio must be a number"), -1;
		c->opts.limits_given |= KEYHOUND_LIMIT_MAX_RATIO;
	} else if (VAL("--max-decoded-depth")) {
		if (parse_uint(v, &c->opts.limits.max_decoded_depth) < 0)
			return cli_usage_error("--max-decoded-depth must be a number"), -1;
		c->opts.limits_given |= KEYHOUND_LIMIT_MAX_DECODED_DEPTH;
	} else if (VAL("--max-findings-per-blob")) {
		if (parse_uint(v, &c->opts.limits.max_findings_per_blob) < 0)
			return cli_usage_error("--max-findings-per-blob must be a number"), -1;
		c->opts.limits_given |= KEYHOUND_LIMIT_MAX_FINDINGS_PER_BLOB;
	} else if (VAL("--sarif-category")) {
		if (!*v)
			return cli_usage_error("--sarif-category needs a value"), -1;
		c->sarif_category = v;
	} else if (IS("--all-occurrences")) {
		c->opts.all_occurrences = 1;
	} else if (IS("--verify")) {
		c->opts.verify = 1;
	} else if (IS("--only-live")) {
		c->only_live = true;
	} else if (VAL("--verify-rules") || VAL("--verify-exclude")) {
		bool ex = !strcmp(a, "--verify-exclude") || !strncmp(a, "--verify-exclude=", 17);
		const char ***list = ex ? &c->verify_exclude : &c->verify_rules;
		size_t *n = ex ? &c->verify.n_exclude : &c->verify.n_rules;
		char *copy = strdup(v), *save = NULL;
		c->owned = realloc(c->owned, (c->n_owned + 1) * sizeof(char *));
		c->owned[c->n_owned++] = copy;
		for (char *t = strtok_r(copy, ",", &save); t; t = strtok_r(NULL, ",", &save)) {
			*list = realloc(*list, (*n + 1) * sizeof(char *));
			(*list)[(*n)++] = t;
		}
		c->verify.rules = c->verify_rules;
		c->verify.exclude = c->verify_exclude;
	} else if (VAL("--verify-timeout")) {
		if (parse_uint(v, &c->verify.timeout_s) < 0 || !c->verify.timeout_s || c->verify.timeout_s > 86400)
			return cli_usage_error("--verify-timeout must be seconds from 1 to 86400"), -1;
	} else if (VAL("--verify-cache")) {
		if (strcmp(v, "on") && strcmp(v, "off"))
			return cli_usage_error("--verify-cache must be on or off, not '%s'", v), -1;
		c->verify.cache = !strcmp(v, "on");
	} else if (IS("--strict")) {
		c->opts.strict = 1;
	} else if (IS("--quiet") || IS("-q")) {
		c->quiet = true;
	} else if (IS("--no-progress")) {
		c->no_progress = true;
	} else if (VAL("--color") || VAL("--colour")) {
		if (!strcmp(v, "auto"))
			c->color = CLI_COLOR_AUTO;
		else if (!strcmp(v, "always"))
			c->color = CLI_COLOR_ALWAYS;
		else if (!strcmp(v, "never"))
			c->color = CLI_COLOR_NEVER;
		else
			return cli_usage_error("--color must be auto, always or never, not '%s'", v), -1;
	} else {
		return 0;
	}
	return 1;
#undef IS
#undef VAL
}

/* KEYHOUND_* variables mirror the common options (never --show-secrets or --verify): each
 * is parsed as its option would be, before the command line, which wins. */
static const struct { const char *var, *opt; bool flag; } env_opts[] = {
	{"KEYHOUND_FORMAT", "--format", false},
	{"KEYHOUND_CONFIG", "--config", false}, {"KEYHOUND_BASELINE", "--baseline", false},
	{"KEYHOUND_MIN_CONFIDENCE", "--min-confidence", false},
	{"KEYHOUND_MIN_SEVERITY", "--min-severity", false},
	{"KEYHOUND_SARIF_CATEGORY", "--sarif-category", false}, {"KEYHOUND_EXIT_CODE", "--exit-code", false},
	{"KEYHOUND_THREADS", "--threads", false}, {"KEYHOUND_MAX_FILE_SIZE", "--max-file-size", false},
	{"KEYHOUND_COLOR", "--color", false}, {"KEYHOUND_NO_DEFAULT_RULES", "--no-default-rules", true},
	{"KEYHOUND_STRICT", "--strict", true}, {"KEYHOUND_QUIET", "--quiet", true},
	{"KEYHOUND_NO_PROGRESS", "--no-progress", true},
};

static bool env_true(const char *v)
{
	return strcmp(v, "0") && strcasecmp(v, "false") && strcasecmp(v, "no") && strcasecmp(v, "off");
}

static int env_parse(cli *c)
{
	for (size_t k = 0; k < sizeof(env_opts) / sizeof(env_opts[0]); k++) {
		const char *v = getenv(env_opts[k].var);
		char *argv[2] = {(char *)env_opts[k].opt, (char *)v};
		int i = 0;
		if (!v || !*v || (env_opts[k].flag && !env_true(v)))
			continue;
		if (common_opt(c, env_opts[k].flag ? 1 : 2, argv, &i) <= 0) {
			fprintf(stderr, "keyhound: (the value comes from %s)\n", env_opts[k].var);
			return 2;
		}
	}
	/* KEYHOUND_RULES: folders separated by ':' */
	const char *r = getenv("KEYHOUND_RULES");
	for (char *t = c->env_rules = r && *r ? strdup(r) : NULL; t && *t;) {
		char *colon = strchr(t, ':');
		if (colon)
			*colon = '\0';
		if (*t) {
			c->rule_dirs = realloc(c->rule_dirs, (c->n_rule_dirs + 1) * sizeof(char *));
			c->rule_dirs[c->n_rule_dirs++] = t;
		}
		t = colon ? colon + 1 : t + strlen(t);
	}
	return 0;
}

bool cli_color(const cli *c, FILE *out)
{
	const char *nc = getenv("NO_COLOR");
	if (c->color == CLI_COLOR_ALWAYS)
		return c->format == KEYHOUND_FORMAT_HUMAN;
	if (c->color == CLI_COLOR_NEVER || (nc && *nc))
		return false;
	return out == stdout && isatty(1) && c->format == KEYHOUND_FORMAT_HUMAN;
}

static bool is_dir(const char *p)
{
	struct stat st;
	return p && stat(p, &st) == 0 && S_ISDIR(st.st_mode);
}

/* This program's folder (bin/ when installed, the build folder in a build tree). */
static char *exe_dir(void)
{
	char buf[PATH_MAX], *slash;
	ssize_t n = readlink("/proc/self/exe", buf, sizeof(buf) - 1);

	if (n <= 0)
		return NULL;
	buf[n] = '\0';
	if ((slash = strrchr(buf, '/')))
		*slash = '\0';
	return strdup(buf);
}

static char *cli_sprintf(const char *fmt, const char *a, const char *b)
{
	size_t n = strlen(fmt) + strlen(a) + (b ? strlen(b) : 0) + 1;
	char *s = malloc(n);
	if (s)
		snprintf(s, n, fmt, a, b);
	return s;
}

void cli_engine_env(keyhound_options *o)
{
	/* found once, kept for the program's life */
	static char *rules_dir, *db, *cache;
	static bool done;
	const char *env = getenv("KEYHOUND_RULES_DIR"), *x = getenv("XDG_CACHE_HOME");
	const char *home = getenv("HOME");
	struct stat st;

	if (!done) {
		char *exe = exe_dir();
		done = true;
		if (env && *env)
			rules_dir = strdup(env);
		if (exe) {
			/* an installed program: its share/keyhound; a build tree: the library's own
			 * default (the source tree) */
			char *p = cli_sprintf("%s/../share/keyhound/patterns", exe, NULL);
			if (!rules_dir && is_dir(p))
				rules_dir = p;
			else
				free(p);
			db = cli_sprintf("%s/keyhound-rules.hsdb", exe, NULL);
			if (db && stat(db, &st) < 0) {
				free(db);
				db = cli_sprintf("%s/../share/keyhound/keyhound-rules.hsdb", exe, NULL);
			}
			free(exe);
		}
		if (x && *x)
			cache = cli_sprintf("%s/keyhound", x, NULL);
		else if (home && *home)
			cache = cli_sprintf("%s/.cache/keyhound", home, NULL);
	}
	o->default_rules_dir = rules_dir;
	o->rules_db_path = db;
	o->cache_dir = cache;
}

static const char *env_set(const char *name)
{
	const char *v = getenv(name);
	return v && *v ? v : NULL;
}

void cli_git_env(keyhound_git_options *o)
{
	o->git_dir = env_set("GIT_DIR");
	o->work_tree = env_set("GIT_WORK_TREE");
	o->index_file = env_set("GIT_INDEX_FILE");
	o->object_directory = env_set("GIT_OBJECT_DIRECTORY");
	o->alternate_object_directories = env_set("GIT_ALTERNATE_OBJECT_DIRECTORIES");
	o->common_dir = env_set("GIT_COMMON_DIR");
	o->pre_commit_from_ref = env_set("PRE_COMMIT_FROM_REF");
	o->pre_commit_to_ref = env_set("PRE_COMMIT_TO_REF");
	o->pre_commit_local_branch = env_set("PRE_COMMIT_LOCAL_BRANCH");
	o->pre_commit = getenv("PRE_COMMIT") != NULL;
	o->timing = getenv("KH_GIT_TIMING") != NULL;
	o->staged_libgit2 = getenv("KH_GIT_STAGED_LIBGIT2") != NULL;
}

int cli_parse(cli *c, int argc, char **argv, cli_opt_fn own, void *payload)
{
	keyhound_options defaults = KEYHOUND_OPTIONS_INIT;
	keyhound_verify_options vdefaults = KEYHOUND_VERIFY_OPTIONS_INIT;
	bool only_args = false;
	memset(c, 0, sizeof(*c));
	c->opts = defaults;
	c->exit_findings = 1;
	cli_engine_env(&c->opts);
	c->verify = vdefaults;
	c->args = calloc((size_t)argc + 1, sizeof(char *));
	if (env_parse(c))
		return 2;
	for (int i = 0; i < argc; i++) {
		const char *a = argv[i];
		int rc = 0;
		if (only_args || a[0] != '-' || !strcmp(a, "-")) {
			c->args[c->n_args++] = a;
			continue;
		}
		if (!strcmp(a, "--")) {
			only_args = true;
			continue;
		}
		/* a command's own options first: `rules list --format patterns` is not a report format */
		if (own && (rc = own(c, argc, argv, &i, payload)) < 0)
			return 2;
		if (rc > 0)
			continue;
		if ((rc = common_opt(c, argc, argv, &i)) < 0)
			return 2;
		if (rc > 0)
			continue;
		const char *hint = cli_suggest_option(cli_command, a);
		if (hint)
			return cli_usage_error("unknown option '%s' (did you mean %s?)", a, hint);
		return cli_usage_error("unknown option '%s'", a);
	}
	c->opts.rule_dirs = c->rule_dirs;
	c->opts.n_rule_dirs = c->n_rule_dirs;
	if (!c->opts.verify && (c->only_live || c->verify.n_rules || c->verify.n_exclude))
		return cli_usage_error("--only-live, --verify-rules and --verify-exclude need --verify");
	return 0;
}

void cli_free(cli *c)
{
	free(c->args);
	free(c->rule_dirs);
	free((char *)(c->config_given ? NULL : c->opts.config_path));
	free(c->found[0]);
	free(c->found[1]);
	free(c->env_rules);
	free(c->verify_rules);
	free(c->verify_exclude);
	for (size_t i = 0; i < c->n_owned; i++)
		free(c->owned[i]);
	free(c->owned);
}

static bool exists(const char *p)
{
	struct stat st;
	return stat(p, &st) == 0;
}

/* A file named `name` in folder d, or NULL. */
static char *file_in(const char *d, const char *name)
{
	char *p = malloc(strlen(d) + strlen(name) + 2);
	sprintf(p, "%s/%s", d, name);
	if (exists(p))
		return p;
	free(p);
	return NULL;
}

/* The root of the git work tree that holds folder d (d itself included), or NULL. */
static char *git_root(const char *d)
{
	char *r = strdup(d), *end = r + strlen(r), *g;
	for (;;) {
		*end = '\0';
		if ((g = file_in(*r ? r : "/", ".git"))) {
			free(g);
			return r;
		}
		if (!(end = strrchr(r, '/')))
			break;
	}
	free(r);
	return NULL;
}

void cli_find_config(cli *c, const char *dir)
{
	static const char *migration[2] = {".gitleaksignore", ".secrets.baseline"};
	const char **given[2] = {&c->opts.gitleaksignore_path, &c->opts.detect_secrets_path};
	char *d, *root;
	if (!dir || !(d = realpath(dir, NULL)))
		return;
	root = git_root(d);
	if (!c->config_given) {
		char *p = file_in(d, ".keyhound.yml");
		if (!p && root)
			p = file_in(root, ".keyhound.yml");
		c->opts.config_path = p;
		c->opts.config_untrusted = p != NULL; /* the scanned tree's own file */
	}
	/* the files of the tools people migrate from, where those tools keep them */
	for (int i = 0; i < 2; i++) {
		if (*given[i])
			continue;
		char *p = file_in(d, migration[i]);
		if (!p && root)
			p = file_in(root, migration[i]);
		c->found[i] = p;
		*given[i] = p;
	}
	free(root);
	free(d);
}

/* The progress display: a thread that polls the scan's counters, so it moves
 * whatever the source does (a long walk, one huge blob, a slow pipe). On a terminal
 * a line redrawn in place after the first second, erased before the report; elsewhere
 * (a CI log) a plain line every 10 seconds, so a long scan does not look hung. */
typedef struct {
	keyhound_scan *scan;
	pthread_t tid;
	pthread_mutex_t lock;
	pthread_cond_t wake;
	bool stop, shown, running, tty;
	double every;           /* seconds between plain lines */
	struct timespec start;
} progress_state;

#define PROGRESS_AFTER 1.0   /* seconds before the first display */
#define PROGRESS_EVERY_MS 250
#define PROGRESS_PLAIN_EVERY 10.0

static double seconds_since(const struct timespec *t)
{
	struct timespec now;
	clock_gettime(CLOCK_MONOTONIC, &now);
	return (double)(now.tv_sec - t->tv_sec) + (double)(now.tv_nsec - t->tv_nsec) / 1e9;
}

static void *progress_thread(void *arg)
{
	progress_state *ps = arg;
	double next_plain = ps->every;
	pthread_mutex_lock(&ps->lock);
	while (!ps->stop) {
		struct timespec until;
		clock_gettime(CLOCK_REALTIME, &until);
		until.tv_nsec += PROGRESS_EVERY_MS * 1000000L;
		if (until.tv_nsec >= 1000000000L)
			until.tv_sec++, until.tv_nsec -= 1000000000L;
		pthread_cond_timedwait(&ps->wake, &ps->lock, &until);
		double total = seconds_since(&ps->start);
		if (ps->stop || total < (ps->tty ? PROGRESS_AFTER : next_plain))
			continue;
		uint64_t bytes, blobs;
		keyhound_scan_progress(ps->scan, &bytes, &blobs);
		if (ps->tty) {
			fprintf(stderr, "\r\033[Kscanning: %.1f MB, %llu blobs, %.1f MB/s", (double)bytes / 1e6,
				(unsigned long long)blobs, (double)bytes / 1e6 / total);
			ps->shown = true;
		} else {
			fprintf(stderr, "keyhound: scanning, %.0f s: %.1f MB, %llu blobs, %.1f MB/s\n", total,
				(double)bytes / 1e6, (unsigned long long)blobs, (double)bytes / 1e6 / total);
			next_plain += ps->every;
		}
		fflush(stderr);
	}
	pthread_mutex_unlock(&ps->lock);
	return NULL;
}

static void progress_start(progress_state *ps, keyhound_scan *scan)
{
	const char *every = getenv("KEYHOUND_PROGRESS_INTERVAL");
	ps->scan = scan;
	ps->tty = isatty(2);
	ps->every = every && atof(every) > 0 ? atof(every) : PROGRESS_PLAIN_EVERY;
	clock_gettime(CLOCK_MONOTONIC, &ps->start);
	pthread_mutex_init(&ps->lock, NULL);
	pthread_cond_init(&ps->wake, NULL);
	ps->running = pthread_create(&ps->tid, NULL, progress_thread, ps) == 0;
}

static void progress_stop(progress_state *ps)
{
	if (!ps->running)
		return;
	pthread_mutex_lock(&ps->lock);
	ps->stop = true;
	pthread_cond_signal(&ps->wake);
	pthread_mutex_unlock(&ps->lock);
	pthread_join(ps->tid, NULL);
	ps->running = false;
	pthread_mutex_destroy(&ps->lock);
	pthread_cond_destroy(&ps->wake);
	if (ps->shown)
		fputs("\r\033[K", stderr);
}

/* Create or replace a file keyhound writes (--output, --write-baseline). A link in its
 * place is not followed to a regular file (a link planted at a report's path would
 * overwrite its target); a link to a terminal, pipe or device (/dev/stdout) is. A file that
 * holds secrets in the clear is readable by its owner only. NULL with errno set. */
FILE *cli_open_output(const char *path, bool secret)
{
	int mode = secret ? 0600 : 0644;
	int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC | O_NOFOLLOW, mode);
	struct stat st;
	/* the system's own links (/dev/stdout, /dev/fd/N) name an open descriptor */
	bool system = strncmp(path, "/dev/", 5) == 0 || strncmp(path, "/proc/self/fd/", 14) == 0;
	if (fd < 0 && errno == ELOOP && system) {
		fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, mode);
	} else if (fd < 0 && errno == ELOOP) {
		if (stat(path, &st) < 0 || S_ISREG(st.st_mode) || S_ISDIR(st.st_mode)) {
			errno = ELOOP;
			return NULL;
		}
		fd = open(path, O_WRONLY | O_CLOEXEC);
		if (fd >= 0 && (fstat(fd, &st) < 0 || S_ISREG(st.st_mode))) {
			close(fd); /* it became a file between the two looks */
			errno = ELOOP;
			return NULL;
		}
	}
	if (fd < 0)
		return NULL;
	if (secret && fstat(fd, &st) == 0 && S_ISREG(st.st_mode))
		fchmod(fd, 0600);
	return fdopen(fd, "w");
}

int cli_output_open(cli_output *o, const char *path, bool secret)
{
	struct stat st;

	o->path = path;
	o->tmp = NULL;
	if (strncmp(path, "/dev/", 5) && strncmp(path, "/proc/", 6) &&
	    (lstat(path, &st) < 0 || S_ISREG(st.st_mode))) {
		o->tmp = malloc(strlen(path) + 32);
		if (!o->tmp)
			return -1;
		sprintf(o->tmp, "%s.tmp-%ld", path, (long)getpid());
		if ((o->f = cli_open_output(o->tmp, secret)))
			return 0;
		free(o->tmp);
		o->tmp = NULL;
		if (errno != EACCES && errno != EPERM && errno != EROFS)
			return -1;
		/* a file we may write in a folder we may not: written in place (still flushed
		 * and fsynced before it counts as delivered) */
	}
	return (o->f = cli_open_output(path, secret)) ? 0 : -1;
}

void cli_output_abort(cli_output *o)
{
	if (o->f)
		fclose(o->f);
	o->f = NULL;
	if (o->tmp)
		unlink(o->tmp);
	free(o->tmp);
	o->tmp = NULL;
}

int cli_output_commit(cli_output *o)
{
	int bad = fflush(o->f) != 0 || ferror(o->f), err = errno;
	struct stat st;

	if (!bad && fstat(fileno(o->f), &st) == 0 && S_ISREG(st.st_mode) && fsync(fileno(o->f)) < 0)
		bad = 1, err = errno;
	if (fclose(o->f) != 0 && !bad)
		bad = 1, err = errno;
	o->f = NULL;
	if (!bad && o->tmp) {
		/* a test stops here to kill the writer (KEYHOUND_TEST_PAUSE=before-rename:MS) */
		const char *p = getenv("KEYHOUND_TEST_PAUSE");
		if (p && !strncmp(p, "before-rename:", 14))
			usleep((useconds_t)atoi(p + 14) * 1000u);
		if (rename(o->tmp, o->path) < 0) {
			bad = 1, err = errno;
		} else {
			/* the rename itself is durable once the folder is */
			char *dir = strdup(o->path), *slash = dir ? strrchr(dir, '/') : NULL;
			int fd;
			if (dir) {
				if (slash)
					*(slash == dir ? slash + 1 : slash) = 0;
				fd = open(slash ? dir : ".", O_RDONLY | O_DIRECTORY | O_CLOEXEC);
				if (fd >= 0) {
					fsync(fd);
					close(fd);
				}
				free(dir);
			}
		}
	}
	if (bad && o->tmp)
		unlink(o->tmp);
	free(o->tmp);
	o->tmp = NULL;
	errno = err;
	return bad ? -1 : 0;
}

/* The reason an output could not be created, in words. */
const char *cli_output_error(int err)
{
	return err == ELOOP ? "it is a symbolic link (not followed: name the file itself)"
			    : strerror(err);
}

/* Close an output; <0 when anything written to it was lost (a full disk). */
int cli_close_output(FILE *f)
{
	int bad = fflush(f) != 0 || ferror(f);
	int err = errno;
	if (fclose(f) != 0 || bad) {
		errno = bad ? err : errno;
		return -1;
	}
	return 0;
}

/* s with every control byte escaped as git quotes paths (\t, \n, \033...): nothing read
 * from the input reaches the terminal as a command. */
void cli_put_escaped(FILE *f, const char *s)
{
	for (const unsigned char *p = (const unsigned char *)s; p && *p; p++) {
		if (*p == '\t')
			fputs("\\t", f);
		else if (*p == '\n')
			fputs("\\n", f);
		else if (*p == '\r')
			fputs("\\r", f);
		else if (*p < 0x20 || *p == 0x7f)
			fprintf(f, "\\%03o", *p);
		else
			fputc(*p, f);
	}
}

/* Errors reach a person whatever the report's format or file: on stderr (the human report
 * on stdout lists them already). */
void cli_errors_to_stderr(const keyhound_report *report)
{
	const char *loc, *why;
	keyhound_summary sum;
	size_t i;
	keyhound_report_summary(report, &sum);
	for (i = 0; i < 50 && keyhound_report_error(report, i, &loc, &why) == 0; i++) {
		fputs("keyhound: error: ", stderr);
		cli_put_escaped(stderr, loc);
		fputs(*loc ? ": " : "", stderr);
		cli_put_escaped(stderr, why);
		fputc('\n', stderr);
	}
	if (sum.errors > i)
		fprintf(stderr, "keyhound: ... and %llu more errors (the report lists them)\n",
			(unsigned long long)(sum.errors - i));
}

static char *sarif_category(const cli *c, const keyhound_report *r)
{
	/* an image by its tag, not by the file it was saved to */
	const char *target = keyhound_report_target(r) ? keyhound_report_target(r) :
			     c->n_args ? c->args[0] : ".";
	size_t n = strlen(target);
	char *out;
	if (c->sarif_category) {
		n = strlen(c->sarif_category);
		out = malloc(n + 2);
		sprintf(out, "%s%s", c->sarif_category, c->sarif_category[n - 1] == '/' ? "" : "/");
		return out;
	}
	while (n > 1 && target[n - 1] == '/')
		n--;
	if (!strcmp(target, "-"))
		target = "stdin", n = 5;
	out = malloc(strlen(cli_command) + n + 16);
	sprintf(out, "keyhound/%s/%.*s/", *cli_command ? cli_command : "scan", (int)n, target);
	return out;
}

/* --verify: a failure to check at all (no libcurl, a bad KEYHOUND_CONNECT_TO) is an error
 * (exit 2); a check that fails is a verdict (unknown) and never changes the exit code. */
/* The verdicts cache's default place, its folders made (XDG_CACHE_HOME may not exist
 * yet); NULL without XDG_CACHE_HOME or HOME. */
static char *verify_cache_path(void)
{
	const char *xdg = getenv("XDG_CACHE_HOME"), *home = getenv("HOME");
	char *dir = NULL, *p = NULL;
	if (xdg && *xdg == '/') {
		if (asprintf(&dir, "%s/keyhound", xdg) < 0)
			return NULL;
	} else if (home && *home) {
		if (asprintf(&dir, "%s/.cache/keyhound", home) < 0)
			return NULL;
	} else {
		return NULL;
	}
	/* the parent first */
	*strrchr(dir, '/') = 0;
	mkdir(dir, 0700);
	dir[strlen(dir)] = '/';
	mkdir(dir, 0700);
	if (asprintf(&p, "%s/verify.db", dir) < 0)
		p = NULL;
	free(dir);
	return p;
}

int cli_verify(cli *c, keyhound_report *report, const keyhound_engine *engine)
{
	unsigned long requests = 0;
	keyhound_verify_options o = c->verify;
	char *cache = NULL;
	int rc;
	/* the library reads no environment: its testing overrides and cache come from here */
	o.connect_to = getenv("KEYHOUND_CONNECT_TO");
	o.cainfo = getenv("KEYHOUND_CAINFO");
	if (o.cache && !o.cache_path)
		o.cache_path = cache = verify_cache_path();
	rc = keyhound_report_verify(report, engine, &o, &requests);
	free(cache);
	if (rc < 0) {
		cli_fail("--verify");
		return -1;
	}
	if (c->only_live)
		keyhound_report_keep_live(report);
	return 0;
}

int cli_run(cli *c, cli_scan_fn fn, void *payload)
{
	keyhound_engine *engine = NULL;
	keyhound_scan *scan = NULL;
	keyhound_report *report = NULL;
	FILE *out = stdout;
	cli_output co = { 0 };
	int code = 2;
	bool written = false;
	progress_state ps = {0};

	if (keyhound_engine_new(&engine, &c->opts) < 0) {
		code = cli_fail(NULL);
		goto done;
	}
	if (keyhound_scan_new(&scan, engine) < 0) {
		code = fail_masked(engine, "cannot start the scan");
		goto done;
	}
	if (!c->no_progress && !c->quiet)
		progress_start(&ps, scan);
	int rc = fn(scan, c, payload);
	progress_stop(&ps);
	if (keyhound_scan_finish(scan, &report) < 0 || rc < 0) {
		code = fail_masked(engine, NULL);
		goto done;
	}
	if (c->opts.verify && cli_verify(c, report, engine) < 0)
		goto done;
	if (c->output) {
		if (cli_output_open(&co, c->output, c->opts.show_secrets) < 0) {
			fprintf(stderr, "keyhound: cannot write %s: %s\n", c->output, cli_output_error(errno));
			goto done;
		}
		out = co.f;
	}
	keyhound_write_options wo = KEYHOUND_WRITE_OPTIONS_INIT;
	wo.color = cli_color(c, out);
	wo.quiet = c->quiet;
	wo.engine = engine;
	/* keyhound/<command>/<what was scanned>/, so uploads of a repository and of an image
	 * (or of two images) do not close each other's alerts */
	char *category = NULL, *masked = NULL;
	/* a path named on the command line can hold a secret too (only SARIF prints it: masking
	 * it costs a pre-commit hook more than its scan) */
	if (c->format == KEYHOUND_FORMAT_SARIF) {
		category = sarif_category(c, report);
		if (keyhound_engine_redact(engine, category, &masked) < 0 || !masked)
			masked = strdup("keyhound/"); /* it could not be checked: name nothing */
		free(category);
		category = masked;
	}
	wo.sarif_category = category;
	int wrc = keyhound_report_write(report, out, c->format, &wo);
	free(category);
	if (c->format == KEYHOUND_FORMAT_SARIF && keyhound_report_count(report) > KEYHOUND_SARIF_MAX_RESULTS)
		fprintf(stderr, "keyhound: the SARIF report holds the %d most severe of %zu findings "
			"(code scanning takes at most %d per run); json lists them all\n",
			KEYHOUND_SARIF_MAX_RESULTS, keyhound_report_count(report), KEYHOUND_SARIF_MAX_RESULTS);
	if (wrc < 0) {
		code = fail_masked(engine, "cannot write the report");
		goto done;
	}
	if (c->format != KEYHOUND_FORMAT_HUMAN || out != stdout)
		cli_errors_to_stderr(report);
	if (c->on_report) {
		fflush(out); /* the report, then the advice under it */
		c->on_report(report, c->on_report_payload);
	}
	written = true; /* the report is whole: it is kept whatever happens to the baseline */
	if (c->write_baseline) {
		FILE *b = cli_open_output(c->write_baseline, c->opts.show_secrets);
		int werr = !b || keyhound_report_write_baseline(report, b) < 0 ? -1 : 0;
		int err = errno;
		if (b && cli_close_output(b) < 0 && !werr) {
			werr = -1;
			err = errno;
		}
		if (werr < 0) {
			fprintf(stderr, "keyhound: cannot write %s: %s\n", c->write_baseline,
				cli_output_error(err));
			goto done;
		}
		/* recording the baseline is the point of this run: findings are not a failure, but
		 * input that could not be scanned is (the baseline would miss what it holds) */
		keyhound_summary sum;
		keyhound_report_summary(report, &sum);
		code = sum.errors || (c->opts.strict && sum.skipped) ? 2 : 0;
		goto done;
	}
	code = keyhound_report_exit_code_n(report, c->opts.strict, c->exit_findings);
done:
	if (co.f) {
		if (!written) {
			cli_output_abort(&co);
		} else if (cli_output_commit(&co) < 0) {
			fprintf(stderr, "keyhound: cannot write %s: %s\n", c->output, strerror(errno));
			code = 2;
			written = false;
		}
	} else if (out == stdout && (fflush(stdout) != 0 || ferror(stdout))) {
		code = 2;
		written = false;
	}
	if (written && report && c->on_written)
		c->on_written(report, c->on_written_payload);
	keyhound_report_free(report);
	keyhound_scan_free(scan);
	keyhound_engine_free(engine);
	return code;
}
