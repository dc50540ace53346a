/* SPDX-License-Identifier: Apache-2.0 */
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
#include "rules/verify_spec.h"
#include "verify/verify.h"
#include "core/config.h"
#include "core/report.h"
#include "decode/decode.h"
#include "engine.h"
#include "filter/baseline.h"
#include "match/match.h"
#include "pipeline/pipeline.h"
#include "report/report.h"
#include "rules/rules.h"
#include "rules/ruleset.h"

static bool is_dir(const char *p)
{
	struct stat st;
	return p && stat(p, &st) == 0 && S_ISDIR(st.st_mode);
}

/* The built-in pack when the caller names none: the source tree this was built from while
 * it is there (tests, a build tree), else the installed one. */
static char *default_rules_dir(void)
{
	if (is_dir(KH_SOURCE_RULES_DIR))
		return kh_strdup(KH_SOURCE_RULES_DIR);
	return kh_strdup(KH_DEFAULT_RULES_DIR);
}

static void engine_note(keyhound_engine *e, char *note)
{
	e->notes = kh_realloc(e->notes, (e->n_notes + 1) * sizeof(char *));
	e->notes[e->n_notes++] = note;
}

/* --baseline, the configuration's baseline, and the migration files. A baseline
 * the configuration names but that does not exist yet is empty (the first
 * --write-baseline creates it), and the summary says so. */
static int load_baselines(keyhound_engine *e)
{
	const keyhound_options *o = &e->opts;
	const char *cb = e->policy.config ? e->policy.config->baseline : NULL;
	struct stat st;
	int error = 0;
	if (o->baseline_path && (error = kh_baseline_load(&e->policy, o->baseline_path)) < 0)
		return error;
	if (cb && (!o->baseline_path || strcmp(cb, o->baseline_path))) {
		if (stat(cb, &st) < 0 && errno == ENOENT)
			engine_note(e, kh_sprintf("baseline %s (from %s) does not exist yet: nothing is "
						  "suppressed by it", cb, e->policy.config->path));
		else if ((error = kh_baseline_load(&e->policy, cb)) < 0)
			return error;
	}
	if (o->gitleaksignore_path &&
	    (error = kh_migration_load_gitleaks(&e->policy.migration, o->gitleaksignore_path, &e->notes,
						 &e->n_notes)) < 0)
		return error;
	if (o->detect_secrets_path &&
	    (error = kh_migration_load_detect_secrets(&e->policy.migration, o->detect_secrets_path, &e->notes,
						       &e->n_notes)) < 0)
		return error;
	return 0;
}

/* Rules a repository's own configuration adds (rules.extra) never verify: the repository
 * would choose where its findings are sent (DESIGN "Configuration"). */
static void strip_repository_verify(keyhound_engine *e, size_t n_extra)
{
	size_t stripped = 0;
	for (size_t i = 0; i < e->rules->n_rules; i++) {
		kh_rule *r = &e->rules->rules[i];
		for (size_t k = 0; r->verify && k < n_extra; k++) {
			const char *dir = e->policy.config->extra[k];
			size_t n = strlen(dir);
			if (!strncmp(r->file, dir, n) && (r->file[n] == '/' || dir[n - 1] == '/')) {
				kh_rule_drop_verify(r);
				stripped++;
			}
		}
	}
	if (stripped)
		engine_note(e, kh_sprintf("%s: %zu rule(s) from rules.extra carry 'verify': a "
					  "repository's own rules are never verified",
					  e->policy.config->path, stripped));
}

/* --verify: every verify block parsed once, its parts' rules resolved. */
static int load_verify_specs(keyhound_engine *e)
{
	const kh_ruleset *rs = e->rules;
	char err[200];
	e->verify_specs = kh_calloc(rs->n_rules + 1, sizeof(*e->verify_specs));
	e->verify_with = kh_calloc(rs->n_rules + 1, sizeof(*e->verify_with));
	for (size_t i = 0; i < rs->n_rules; i++) {
		struct kh_verify_spec *sp;
		if (!rs->rules[i].verify)
			continue;
		if (kh_verify_spec_parse(&sp, rs->rules[i].verify, err, sizeof(err)) < 0)
			return kh_error(KEYHOUND_ERULES, "%s: rule %s: %s", rs->rules[i].file,
					rs->rules[i].id, err);
		e->verify_specs[i] = sp;
		e->verify_with[i] = kh_calloc(sp->n_with + 1, sizeof(unsigned));
		for (size_t k = 0; k < sp->n_with; k++) {
			const kh_rule *w = kh_ruleset_find(rs, sp->with_rules[k]);
			e->verify_with[i][k] = w ? (unsigned)(w - rs->rules) : UINT_MAX;
		}
	}
	return 0;
}

static int engine_new_body(keyhound_engine **out, const keyhound_options *opts)
{
	keyhound_engine *e = kh_calloc(1, sizeof(*e));
	char *defdir = NULL;
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
	if (opts->config_path &&
	    (error = opts->config_text ? kh_config_load_text(&e->policy.config, opts->config_path,
							     opts->config_text, opts->config_text_len)
				       : kh_config_load(&e->policy.config, opts->config_path)) < 0)
		goto done;
	if (opts->config_untrusted)
		kh_config_restrict(e->policy.config, &e->notes, &e->n_notes);
	/* limits given on the command line win over the file's */
	kh_config_apply_limits(e->policy.config, &e->opts.limits, opts->limits_given);
	size_t n_extra = e->policy.config ? e->policy.config->n_extra : 0;
	dirs = kh_calloc(opts->n_rule_dirs + n_extra + 1, sizeof(char *));
	if (!opts->no_default_rules) {
		defdir = opts->default_rules_dir ? kh_strdup(opts->default_rules_dir) : default_rules_dir();
		dirs[n_dirs++] = defdir;
	}
	for (size_t i = 0; i < n_extra; i++)
		dirs[n_dirs++] = e->policy.config->extra[i];
	for (size_t i = 0; i < opts->n_rule_dirs; i++)
		dirs[n_dirs++] = opts->rule_dirs[i];
	kh_rules_load_opts lo = {.dirs = dirs, .n_dirs = n_dirs,
				 .db_path = opts->rules_db_path ? opts->rules_db_path : KH_DEFAULT_RULES_DB,
				 .cache_dir = opts->cache_dir};
	if (e->policy.config) {
		lo.disable = (const char *const *)e->policy.config->disable;
		lo.n_disable = e->policy.config->n_disable;
	}
	if ((error = kh_ruleset_load(&e->rules, &lo)) < 0)
		goto done;
	if (opts->config_untrusted)
		strip_repository_verify(e, n_extra);
	if (opts->verify && (error = load_verify_specs(e)) < 0)
		goto done;
	if ((error = load_baselines(e)) < 0)
		goto done;
	/* a typo in a rule id would silently allow nothing: say so (not an error, since one
	 * file may serve people running other rule packs) */
	for (size_t i = 0; e->policy.config && i < e->policy.config->n_rules; i++) {
		const char *id = e->policy.config->rules[i].rule_id;
		bool disabled = false;
		for (size_t k = 0; k < e->policy.config->n_disable; k++)
			disabled = disabled || !strcmp(e->policy.config->disable[k], id);
		if (!disabled && !kh_ruleset_find(e->rules, id))
			engine_note(e, kh_sprintf("%s:%d: allow.rules.%s: no rule has this id",
						  e->policy.config->path, e->policy.config->rules[i].line, id));
	}
	e->judging = (kh_judge_cfg){.rules = e->rules,
				    .verify_specs = e->verify_specs,
				    .verify_with = (const unsigned *const *)e->verify_with,
				    .opts = &e->opts,
				    .policy = &e->policy};
done:
	free(defdir);
	free(dirs);
	if (error) {
		keyhound_engine_free(e);
		e = NULL;
	}
	*out = e;
	return error;
}

int keyhound_engine_new(keyhound_engine **out, const keyhound_options *opts)
{
	unsigned oom = kh_oom_mark();
	int error = engine_new_body(out, opts);
	if (!error && kh_oom_since(oom)) {
		keyhound_engine_free(*out);
		*out = NULL;
	}
	return kh_oom_result(oom, error);
}

void keyhound_engine_free(keyhound_engine *e)
{
	if (!e)
		return;
	for (size_t i = 0; e->verify_specs && i < e->rules->n_rules; i++) {
		kh_verify_spec_free(e->verify_specs[i]);
		free(e->verify_with[i]);
	}
	free(e->verify_specs);
	free(e->verify_with);
	kh_ruleset_free(e->rules);
	kh_config_free(e->policy.config);
	for (size_t i = 0; i < e->policy.n_baseline; i++)
		free(e->policy.baseline[i]);
	free(e->policy.baseline);
	kh_migration_free(e->policy.migration);
	for (size_t i = 0; i < e->n_notes; i++)
		free(e->notes[i]);
	free(e->notes);
	free(e);
}

static int report_verify_body(keyhound_report *report, const keyhound_engine *e,
			      const keyhound_verify_options *opts, unsigned long *requests)
{
	if (!e->verify_specs)
		return kh_error(KEYHOUND_EINVAL, "the engine was not made with options.verify");
	return kh_verify_report(report, e->rules, (kh_verify_spec *const *)e->verify_specs, opts, requests);
}

int keyhound_report_verify(keyhound_report *report, const keyhound_engine *e,
			   const keyhound_verify_options *opts, unsigned long *requests)
{
	unsigned oom = kh_oom_mark();
	return kh_oom_result(oom, report_verify_body(report, e, opts, requests));
}

static int engine_redact_body(const keyhound_engine *e, const char *text, char **out)
{
	kh_scratch *s = NULL;
	int error;

	*out = NULL;
	if (e->opts.show_secrets) {
		*out = kh_strdup(text);
		return 0;
	}
	if ((error = kh_scratch_new(&s, e->rules)) < 0)
		return error;
	*out = kh_match_mask(e->rules, s, &e->opts.limits, text);
	kh_scratch_free(s);
	return 0;
}

int keyhound_engine_redact(const keyhound_engine *e, const char *text, char **out)
{
	unsigned oom = kh_oom_mark();
	int error = engine_redact_body(e, text, out);
	if (!error && kh_oom_since(oom)) {
		free(*out);
		*out = NULL;
	}
	return kh_oom_result(oom, error);
}

int keyhound_shipped_rules(const keyhound_options *opts, char *version, size_t *n_rules)
{
	const char *db = opts && opts->rules_db_path ? opts->rules_db_path : KH_DEFAULT_RULES_DB;
	char v[17];
	if (kh_rules_db_manifest(db, v, n_rules) < 0)
		return KEYHOUND_ENOTFOUND;
	memcpy(version, v, sizeof(v));
	return 0;
}

static int engine_write_db_body(const keyhound_engine *e, const char *path)
{
	return kh_ruleset_write_db(e->rules, path);
}

int keyhound_engine_write_db(const keyhound_engine *e, const char *path)
{
	unsigned oom = kh_oom_mark();
	return kh_oom_result(oom, engine_write_db_body(e, path));
}

size_t keyhound_engine_rule_count(const keyhound_engine *e)
{
	return e->rules->n_rules;
}

const char *keyhound_engine_rules_version(const keyhound_engine *e)
{
	return e->rules->version;
}

static int engine_rule_body(const keyhound_engine *e, size_t i, keyhound_rule_info *out)
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
	out->factor = r->factor;
	out->keywords = (const char *const *)r->keywords;
	out->n_keywords = r->n_keywords;
	out->verify = r->verify;
	return 0;
}

int keyhound_engine_rule(const keyhound_engine *e, size_t i, keyhound_rule_info *out)
{
	unsigned oom = kh_oom_mark();
	return kh_oom_result(oom, engine_rule_body(e, i, out));
}

static int scan_new(keyhound_scan **out, const keyhound_engine *e, unsigned threads)
{
	keyhound_scan *s = kh_calloc(1, sizeof(*s));
	int error;
	s->engine = e;
	s->opts = &e->opts;
	s->report = kh_calloc(1, sizeof(*s->report));
	kh_report_init(s->report);
	s->report->rules_version = kh_strdup(e->rules->version);
	s->report->show_secrets = e->opts.show_secrets;
	for (size_t i = 0; i < e->n_notes; i++)
		kh_report_note(s->report, "%s", e->notes[i]);
	if (kh_migration_count(e->policy.migration)) {
		s->report->triage = kh_calloc(1, sizeof(*s->report->triage));
		s->report->triage->n_hits = kh_migration_count(e->policy.migration);
		s->report->triage->hits = kh_calloc(s->report->triage->n_hits, 1);
	}
	if ((error = kh_pipeline_new(&s->pipe, &e->judging, s->report, threads)) < 0) {
		keyhound_scan_free(s);
		s = NULL;
	}
	*out = s;
	return error;
}

static int scan_new_body(keyhound_scan **out, const keyhound_engine *e)
{
	return scan_new(out, e, e->opts.threads);
}

int keyhound_scan_new(keyhound_scan **out, const keyhound_engine *e)
{
	unsigned oom = kh_oom_mark();
	int error = scan_new_body(out, e);
	if (!error && kh_oom_since(oom)) {
		keyhound_scan_free(*out);
		*out = NULL;
	}
	return kh_oom_result(oom, error);
}

void keyhound_scan_free(keyhound_scan *s)
{
	if (!s)
		return;
	kh_pipeline_free(s->pipe);
	keyhound_report_free(s->report);
	kh_scratch_free(s->mask_scratch);
	free(s);
}

/* A finding as the callback gets it: its free text masked now, as the report's is at
 * the end (under the report's lock: one call at a time, so one scratch serves). */
static int deliver(const kh_finding_rec *rec, void *payload)
{
	keyhound_scan *s = payload;
	const keyhound_engine *e = s->engine;
	keyhound_finding f = rec->f;
	const char **fields[] = {&f.message, &f.created_by, &f.author, &f.email};
	char *masked[4] = {NULL};
	int rc;

	if (!e->opts.show_secrets) {
		if (!s->mask_scratch && kh_scratch_new(&s->mask_scratch, e->rules) < 0)
			s->mask_scratch = NULL;
		for (size_t i = 0; i < 4; i++) {
			if (!*fields[i] || !**fields[i])
				continue;
			/* without a scratch the text cannot be masked: it is left out */
			masked[i] = s->mask_scratch ? kh_match_mask(e->rules, s->mask_scratch,
								    &e->opts.limits, *fields[i])
						    : NULL;
			*fields[i] = masked[i];
		}
	}
	rc = s->finding_cb(&f, s->finding_payload);
	for (size_t i = 0; i < 4; i++)
		free(masked[i]);
	return rc;
}

void keyhound_scan_set_finding_cb(keyhound_scan *s, keyhound_finding_cb cb, void *payload)
{
	s->finding_cb = cb;
	s->finding_payload = payload;
	s->report->sink = cb ? deliver : NULL;
	s->report->sink_payload = s;
}

void keyhound_scan_set_progress(keyhound_scan *s, keyhound_progress_cb cb, void *payload)
{
	s->progress = cb;
	s->progress_payload = payload;
}

void keyhound_scan_progress(keyhound_scan *s, uint64_t *bytes, uint64_t *blobs)
{
	keyhound_report *r = s->report;
	pthread_mutex_lock(&r->lock);
	*bytes = r->bytes;
	*blobs = r->blobs;
	pthread_mutex_unlock(&r->lock);
}

static int scan_finish_body(keyhound_scan *s, keyhound_report **out)
{
	int error = kh_pipeline_wait(s->pipe);
	kh_pipeline_free(s->pipe);
	s->pipe = NULL;
	kh_migration_report(s->engine->policy.migration, s->report);
	kh_report_mask(s->report, s->engine->rules, &s->engine->opts.limits);
	if (!s->engine->opts.all_occurrences)
		kh_report_group(s->report);
	kh_report_sort(s->report);
	s->report->sink = NULL; /* the report outlives the scan */
	*out = s->report;
	s->report = NULL;
	return error;
}

int keyhound_scan_finish(keyhound_scan *s, keyhound_report **out)
{
	unsigned oom = kh_oom_mark();
	/* the report of what was found is handed out still, as on a stop (the caller frees it) */
	return kh_oom_result(oom, scan_finish_body(s, out));
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

/* Here, not in report/: the printers below the engine get its rules handed down. */
static int report_write_body(const keyhound_report *r, FILE *out, keyhound_format format,
			     const keyhound_write_options *o)
{
	keyhound_write_options defaults = KEYHOUND_WRITE_OPTIONS_INIT;
	if (!o)
		o = &defaults;
	return kh_report_write(r, out, format, o, o->engine ? o->engine->rules : NULL);
}

int keyhound_report_write(const keyhound_report *r, FILE *out, keyhound_format format,
			  const keyhound_write_options *o)
{
	unsigned oom = kh_oom_mark();
	return kh_oom_result(oom, report_write_body(r, out, format, o));
}

static int engine_check_rules_body(const keyhound_engine *engine, FILE *err, size_t *failures)
{
	/* each rule is checked on its own: in a scan, a secret that a provider rule
	 * and a generic rule both match is reported once, by the provider rule */
	keyhound_engine copy = *engine;
	const keyhound_engine *e = &copy;
	size_t bad = 0;
	copy.judging.keep_overlaps = true;
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
		/* a factor must be a part of every match, or Hyperscan would miss some */
		for (size_t k = 0; r->factor && k < r->n_examples + r->n_negatives; k++) {
			const kh_example *x = k < r->n_examples ? &r->examples[k]
								: &r->negatives[k - r->n_examples];
			if (kh_rule_factor_holds(r, x->text, strlen(x->text)) != 1) {
				fprintf(err, "%s: rule %s: a match of the pattern in %sexample %zu holds no "
					"match of the factor\n", r->file, r->id,
					k < r->n_examples ? "" : "negative ",
					k < r->n_examples ? k + 1 : k - r->n_examples + 1);
				bad++;
			}
		}
	}
	*failures = bad;
	return 0;
}

int keyhound_engine_check_rules(const keyhound_engine *engine, FILE *err, size_t *failures)
{
	unsigned oom = kh_oom_mark();
	return kh_oom_result(oom, engine_check_rules_body(engine, err, failures));
}
