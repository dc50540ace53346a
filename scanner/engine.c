/* The public entry points: an engine (rules, configuration, baseline) and
 * scans that run sources through the pipeline into a report. */
#include <errno.h>
#include <jansson.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "core/kh.h"
#include "rules/rules.h"

static bool is_dir(const char *p)
{
	struct stat st;
	return p && stat(p, &st) == 0 && S_ISDIR(st.st_mode);
}

static char *exe_dir(void)
{
	char buf[PATH_MAX];
	ssize_t n = readlink("/proc/self/exe", buf, sizeof(buf) - 1);
	if (n <= 0)
		return NULL;
	buf[n] = '\0';
	char *slash = strrchr(buf, '/');
	if (slash)
		*slash = '\0';
	return kh_strdup(buf);
}

/* The built-in pack: beside an installed program, else the source tree it was built from. */
static char *default_rules_dir(const char *exedir)
{
	char *p;
	if ((p = getenv("KEYHOUND_RULES_DIR")) && *p)
		return kh_strdup(p);
	if (exedir) {
		p = kh_sprintf("%s/../share/keyhound/patterns", exedir);
		if (is_dir(p))
			return p;
		free(p);
	}
	if (is_dir(KH_SOURCE_RULES_DIR))
		return kh_strdup(KH_SOURCE_RULES_DIR);
	return kh_strdup(KH_DEFAULT_RULES_DIR);
}

static char *cache_dir(void)
{
	const char *x = getenv("XDG_CACHE_HOME"), *h = getenv("HOME");
	if (x && *x)
		return kh_sprintf("%s/keyhound", x);
	if (h && *h)
		return kh_sprintf("%s/.cache/keyhound", h);
	return NULL;
}

static int cmp_strp(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Baseline file: {"fingerprints": ["...", ...]} (sorted, no secrets). */
static int load_baseline(keyhound_engine *e, const char *path)
{
	json_error_t jerr;
	json_t *root = json_load_file(path, 0, &jerr), *fps;
	size_t i;
	json_t *v;
	if (!root)
		return kh_error(KEYHOUND_EINVAL, "%s:%d: baseline is not valid JSON: %s", path, jerr.line,
				jerr.text);
	fps = json_object_get(root, "fingerprints");
	if (!json_is_array(fps)) {
		json_decref(root);
		return kh_error(KEYHOUND_EINVAL, "%s: baseline has no \"fingerprints\" list", path);
	}
	e->baseline = kh_calloc(json_array_size(fps) + 1, sizeof(char *));
	json_array_foreach(fps, i, v) {
		if (json_is_string(v))
			e->baseline[e->n_baseline++] = kh_strdup(json_string_value(v));
	}
	json_decref(root);
	qsort(e->baseline, e->n_baseline, sizeof(char *), cmp_strp);
	return 0;
}

int keyhound_engine_new(keyhound_engine **out, const keyhound_options *opts)
{
	keyhound_engine *e = kh_calloc(1, sizeof(*e));
	char *exedir = exe_dir(), *defdir = NULL, *db = NULL, *cache = NULL;
	const char **dirs = NULL;
	size_t n_dirs = 0;
	int error = 0;

	if (!opts || opts->version != KEYHOUND_OPTIONS_VERSION) {
		error = kh_error(KEYHOUND_EINVAL, "keyhound_options: wrong version");
		goto done;
	}
	e->opts = *opts;
	if (!e->opts.threads) {
		long n = sysconf(_SC_NPROCESSORS_ONLN);
		e->opts.threads = n > 0 ? (unsigned)n : 1;
	}
	if (opts->config_path && (error = kh_config_load(&e->config, opts->config_path)) < 0)
		goto done;
	dirs = kh_calloc(opts->n_rule_dirs + 1, sizeof(char *));
	if (!opts->no_default_rules) {
		defdir = opts->default_rules_dir ? kh_strdup(opts->default_rules_dir) : default_rules_dir(exedir);
		dirs[n_dirs++] = defdir;
	}
	for (size_t i = 0; i < opts->n_rule_dirs; i++)
		dirs[n_dirs++] = opts->rule_dirs[i];
	if (exedir)
		db = kh_sprintf("%s/keyhound-rules.hsdb", exedir);
	cache = cache_dir();
	kh_rules_load_opts lo = {.dirs = dirs, .n_dirs = n_dirs, .db_path = db, .cache_dir = cache};
	if ((error = kh_ruleset_load(&e->rules, &lo)) < 0)
		goto done;
	if (opts->baseline_path && (error = load_baseline(e, opts->baseline_path)) < 0)
		goto done;
done:
	free(exedir);
	free(defdir);
	free(db);
	free(cache);
	free(dirs);
	if (error) {
		keyhound_engine_free(e);
		e = NULL;
	}
	*out = e;
	return error;
}

void keyhound_engine_free(keyhound_engine *e)
{
	if (!e)
		return;
	kh_ruleset_free(e->rules);
	kh_config_free(e->config);
	for (size_t i = 0; i < e->n_baseline; i++)
		free(e->baseline[i]);
	free(e->baseline);
	free(e);
}

int keyhound_engine_write_db(const keyhound_engine *e, const char *path)
{
	return kh_ruleset_write_db(e->rules, path);
}

size_t keyhound_engine_rule_count(const keyhound_engine *e)
{
	return e->rules->n_rules;
}

const char *keyhound_engine_rules_version(const keyhound_engine *e)
{
	return e->rules->version;
}

int keyhound_engine_rule(const keyhound_engine *e, size_t i, keyhound_rule_info *out)
{
	if (i >= e->rules->n_rules)
		return KEYHOUND_ENOTFOUND;
	const kh_rule *r = &e->rules->rules[i];
	out->id = r->id;
	out->name = r->name;
	out->pattern = r->pattern;
	out->file = r->file;
	out->severity = r->severity;
	out->confidence = r->confidence;
	out->paths = (const char *const *)r->paths;
	out->n_paths = r->n_paths;
	return 0;
}

static int scan_new(keyhound_scan **out, const keyhound_engine *e, unsigned threads)
{
	keyhound_scan *s = kh_calloc(1, sizeof(*s));
	int error;
	s->engine = e;
	s->report = kh_calloc(1, sizeof(*s->report));
	kh_report_init(s->report);
	s->report->rules_version = kh_strdup(e->rules->version);
	s->report->show_secrets = e->opts.show_secrets;
	if ((error = kh_pipeline_new(&s->pipe, e, s->report, threads)) < 0) {
		keyhound_scan_free(s);
		s = NULL;
	}
	*out = s;
	return error;
}

int keyhound_scan_new(keyhound_scan **out, const keyhound_engine *e)
{
	return scan_new(out, e, e->opts.threads);
}

void keyhound_scan_free(keyhound_scan *s)
{
	if (!s)
		return;
	kh_pipeline_free(s->pipe);
	keyhound_report_free(s->report);
	free(s);
}

void keyhound_scan_set_progress(keyhound_scan *s, keyhound_progress_cb cb, void *payload)
{
	s->progress = cb;
	s->progress_payload = payload;
}

int keyhound_scan_finish(keyhound_scan *s, keyhound_report **out)
{
	int error = kh_pipeline_wait(s->pipe);
	kh_pipeline_free(s->pipe);
	s->pipe = NULL;
	kh_report_sort(s->report);
	*out = s->report;
	s->report = NULL;
	return error;
}

/* One example through the whole pipeline (on this thread): how many findings
 * of rule `id` it produces. */
static size_t example_hits(const keyhound_engine *e, const char *id, const kh_example *ex)
{
	keyhound_scan *s = NULL;
	keyhound_report *r = NULL;
	size_t hits = 0;
	if (scan_new(&s, e, 0) < 0)
		return 0;
	keyhound_scan_buffer(s, ex->text, strlen(ex->text), ex->path ? ex->path : "example.txt");
	keyhound_scan_finish(s, &r);
	for (size_t i = 0; i < r->n; i++)
		if (!strcmp(r->v[i].f.rule_id, id))
			hits++;
	keyhound_report_free(r);
	keyhound_scan_free(s);
	return hits;
}

int keyhound_engine_check_rules(const keyhound_engine *e, FILE *err, size_t *failures)
{
	size_t bad = 0;
	for (size_t i = 0; i < e->rules->n_rules; i++) {
		const kh_rule *r = &e->rules->rules[i];
		if (r->n_examples < 2 || r->n_negatives < 2) {
			fprintf(err, "%s: rule %s: needs at least 2 examples and 2 negative_examples\n",
				r->file, r->id);
			bad++;
		}
		for (size_t k = 0; k < r->n_examples; k++)
			if (!example_hits(e, r->id, &r->examples[k])) {
				fprintf(err, "%s: rule %s: example %zu is not found: %s\n", r->file, r->id,
					k + 1, r->examples[k].text);
				bad++;
			}
		for (size_t k = 0; k < r->n_negatives; k++)
			if (example_hits(e, r->id, &r->negatives[k])) {
				fprintf(err, "%s: rule %s: negative example %zu is found: %s\n", r->file,
					r->id, k + 1, r->negatives[k].text);
				bad++;
			}
	}
	*failures = bad;
	return 0;
}
