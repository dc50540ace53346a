/* SPDX-License-Identifier: Apache-2.0 */
/* SARIF 2.1.0 printer, for code-scanning dashboards: one run, the rules that
 * fired as tool.driver.rules, one result per finding with its location, the
 * keyhound fingerprint as partial fingerprint, and git/image provenance as
 * result properties. Secrets are redacted as in every other format. */
#include <stdlib.h>
#include <string.h>

#include "core/report.h"
#include "report/report.h"
#include "rules/rules.h"
#include "rules/ruleset.h"

#define SARIF_SCHEMA "https://json.schemastore.org/sarif-2.1.0.json"

static const char *level_of(keyhound_severity s)
{
	return s >= KEYHOUND_SEV_HIGH ? "error" : s == KEYHOUND_SEV_MEDIUM ? "warning" : "note";
}

/* GitHub code scanning ranks security alerts by this property (0.0 to 10.0). */
static const char *security_severity(keyhound_severity s)
{
	static const char *v[] = {"3.0", "5.5", "8.0", "9.5"};
	return s >= 1 && s <= 4 ? v[s - 1] : "5.5";
}

/* A path as a URI reference: everything outside the unreserved and path
 * characters is percent-encoded (spaces, '%', '#', '?', bytes above 0x7F). */
static char *uri_of(const char *path)
{
	static const char *ok = "-._~!$&'()*+,;=:@/";
	kh_buf b = {0};
	for (const unsigned char *p = (const unsigned char *)path; *p; p++) {
		if ((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') || (*p >= '0' && *p <= '9') ||
		    strchr(ok, *p))
			kh_buf_putc(&b, (char)*p);
		else
			kh_buf_printf(&b, "%%%02X", *p);
	}
	/* a first segment holding ':' would read as a scheme */
	char *s = kh_buf_detach(&b);
	size_t seg = strcspn(s, "/");
	if (memchr(s, ':', seg)) {
		char *t = kh_sprintf("./%s", s);
		free(s);
		s = t;
	}
	return s;
}

typedef struct {
	const char *id;
	const kh_rule *rule;        /* NULL when the engine is not known */
	const keyhound_finding *first;
} fired_rule;

static int cmp_fired(const void *a, const void *b)
{
	return strcmp(((const fired_rule *)a)->id, ((const fired_rule *)b)->id);
}

/* The rules that fired, sorted by id (deterministic output). */
static fired_rule *rules_fired(const keyhound_report *r, const kh_ruleset *rs, size_t *n)
{
	fired_rule *v = kh_calloc(r->n + 1, sizeof(*v));
	size_t k = 0;
	for (size_t i = 0; i < r->n; i++) {
		const keyhound_finding *f = &r->v[i].f;
		bool seen = false;
		for (size_t j = 0; j < k && !seen; j++)
			seen = !strcmp(v[j].id, f->rule_id);
		if (seen)
			continue;
		v[k].id = f->rule_id;
		v[k].first = f;
		v[k].rule = rs ? kh_ruleset_find(rs, f->rule_id) : NULL;
		k++;
	}
	qsort(v, k, sizeof(*v), cmp_fired);
	*n = k;
	return v;
}

static size_t rule_index(const fired_rule *v, size_t n, const char *id)
{
	size_t lo = 0, hi = n;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		int c = strcmp(v[mid].id, id);
		if (!c)
			return mid;
		if (c < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return 0;
}

static json_t *rule_json(const fired_rule *fr)
{
	const keyhound_finding *f = fr->first;
	const kh_rule *r = fr->rule;
	const char *name = r ? r->name : f->rule_name;
	keyhound_severity sev = r ? r->severity : f->severity;
	keyhound_confidence conf = r ? r->confidence : f->confidence;
	json_t *o = json_object(), *props = json_object(), *tags = json_array();
	kh_buf text = {0}, md = {0};

	json_object_set_new(o, "id", kh_json_str(fr->id));
	json_object_set_new(o, "name", kh_json_str(name ? name : fr->id));
	json_object_set_new(o, "shortDescription", json_pack("{s:o}", "text", kh_json_str(name ? name : fr->id)));
	kh_buf_printf(&text, "%s: a %s-severity %s, found with %s confidence.", name ? name : fr->id,
		      kh_severity_name(sev), r && !r->pattern ? "sensitive file" : "secret",
		      kh_confidence_name(conf));
	kh_buf_printf(&md, "**%s**: a %s-severity %s, found with %s confidence.", name ? name : fr->id,
		      kh_severity_name(sev), r && !r->pattern ? "sensitive file" : "secret",
		      kh_confidence_name(conf));
	kh_buf_puts(&text, " Rotate the credential, then remove it from the code and its history.");
	kh_buf_puts(&md, "\n\nRotate the credential, then remove it from the code and its history.");
	for (size_t i = 0; r && i < r->n_references; i++) {
		kh_buf_printf(&text, "%s %s", i ? "," : " References:", r->references[i]);
		kh_buf_printf(&md, "%s<%s>", i ? ", " : "\n\nReferences: ", r->references[i]);
	}
	char *t = kh_buf_detach(&text), *m = kh_buf_detach(&md);
	json_object_set_new(o, "fullDescription", json_pack("{s:o}", "text", kh_json_str(t)));
	json_object_set_new(o, "help", json_pack("{s:o,s:o}", "text", kh_json_str(t), "markdown", kh_json_str(m)));
	free(t);
	free(m);
	if (r && r->n_references)
		json_object_set_new(o, "helpUri", kh_json_str(r->references[0]));
	json_object_set_new(o, "defaultConfiguration", json_pack("{s:s}", "level", level_of(sev)));
	json_array_append_new(tags, json_string("security"));
	json_array_append_new(tags, json_string("secret"));
	json_object_set_new(props, "tags", tags);
	json_object_set_new(props, "security-severity", json_string(security_severity(sev)));
	json_object_set_new(props, "severity", json_string(kh_severity_name(sev)));
	json_object_set_new(props, "confidence", json_string(kh_confidence_name(conf)));
	json_object_set_new(o, "properties", props);
	return o;
}

static void set_str(json_t *o, const char *key, const char *v)
{
	if (v)
		json_object_set_new(o, key, kh_json_str(v));
}

/* Where there is no file, a fixed pseudo-path code scanning can place the alert at:
 * the commit message, the image's configuration, the input. */
static char *pseudo_path(const keyhound_finding *f)
{
	if (f->commit_message && f->commit)
		return kh_sprintf(".keyhound/commit/%.12s/message", f->commit);
	if (f->config_field)
		return kh_sprintf(".keyhound/image/config/%s", f->config_field);
	return kh_sprintf(".keyhound/input/%s", kh_source_name(f->source));
}

/* context: the finding's line as the human output shows it, every secret masked */
static json_t *location_json(const keyhound_finding *f, const char *context, bool path_rule)
{
	json_t *loc = json_object();
	const char *where = f->root_path ? f->root_path : f->path;
	char *pseudo = where ? NULL : pseudo_path(f);
	char *clean = kh_utf8_sanitize(where ? where : pseudo), *uri = uri_of(clean);
	json_t *art = json_object(), *phys = json_object(), *reg = json_object();

	if (uri[0] == '/') {
		/* a file named by an absolute path outside any work tree */
		char *abs = kh_sprintf("file://%s", uri);
		json_object_set_new(art, "uri", json_string(abs));
		free(abs);
	} else {
		json_object_set_new(art, "uri", json_string(uri));
		json_object_set_new(art, "uriBaseId", json_string("%SRCROOT%"));
	}
	json_object_set_new(phys, "artifactLocation", art);
	/* code scanning wants a line: a path rule's finding is the whole file, line 1 */
	json_object_set_new(reg, "startLine", json_integer((json_int_t)(!path_rule && f->line ? f->line : 1)));
	if (!path_rule && f->line) {
		json_object_set_new(reg, "startColumn", json_integer((json_int_t)(f->column ? f->column : 1)));
		json_object_set_new(reg, "endLine", json_integer((json_int_t)(f->end_line ? f->end_line : f->line)));
		/* SARIF's end column is the one after the region; ours is the last */
		json_object_set_new(reg, "endColumn", json_integer((json_int_t)(f->end_column ? f->end_column + 1 : 2)));
		if (context)
			json_object_set_new(reg, "snippet", json_pack("{s:o}", "text", kh_json_str(context)));
	}
	json_object_set_new(phys, "region", reg);
	json_object_set_new(loc, "physicalLocation", phys);
	free(uri);
	free(clean);
	free(pseudo);
	/* what the pseudo-path stands for, in full */
	json_t *logical = json_array();
	if (f->commit_message && f->commit)
		json_array_append_new(logical, json_pack("{s:s,s:o,s:s}", "name", "commit message",
							 "fullyQualifiedName", kh_json_str(f->commit),
							 "kind", "commit-message"));
	else if (f->config_field)
		json_array_append_new(logical, json_pack("{s:o,s:o,s:s}", "name", kh_json_str(f->config_field),
							 "fullyQualifiedName", kh_json_str(f->config_field),
							 "kind", "image-config"));
	else if (!where)
		json_array_append_new(logical, json_pack("{s:s,s:s}", "name", kh_source_name(f->source),
							 "kind", "input"));
	if (json_array_size(logical))
		json_object_set_new(loc, "logicalLocations", logical);
	else
		json_decref(logical);
	return loc;
}

static json_t *result_props(const keyhound_finding *f)
{
	json_t *p = json_object();
	set_str(p, "source", kh_source_name(f->source));
	set_str(p, "severity", kh_severity_name(f->severity));
	set_str(p, "confidence", kh_confidence_name(f->confidence));
	json_object_set_new(p, "entropy", json_real((double)(long)(f->entropy * 1000 + 0.5) / 1000));
	set_str(p, "decoded", f->decoded);
	if (f->source == KEYHOUND_SOURCE_GIT) {
		set_str(p, "commit", f->commit);
		set_str(p, "author", f->author);
		set_str(p, "email", f->email);
		set_str(p, "date", f->date);
		set_str(p, "message", f->message);
		set_str(p, "repository", f->repository);
		if (f->in_head >= 0)
			json_object_set_new(p, "in_head", json_boolean(f->in_head));
		json_object_set_new(p, "commit_message", json_boolean(f->commit_message));
		if (f->more_paths)
			json_object_set_new(p, "more_paths", json_integer((json_int_t)f->more_paths));
	}
	if (f->source == KEYHOUND_SOURCE_IMAGE) {
		set_str(p, "image", f->image);
		set_str(p, "platform", f->platform);
		set_str(p, "layer", f->layer);
		if (f->layer_index >= 0)
			json_object_set_new(p, "layer_index", json_integer(f->layer_index));
		set_str(p, "created_by", f->created_by);
		set_str(p, "deleted_in_layer", f->deleted_in_layer);
		set_str(p, "config_field", f->config_field);
	}
	return p;
}

static json_t *result_json(const keyhound_finding *f, const char *context, size_t index,
			   const fired_rule *fr)
{
	json_t *res = json_object(), *locs = json_array();
	bool path_rule = fr->rule && !fr->rule->pattern;
	kh_buf msg = {0};
	if (path_rule)
		kh_buf_printf(&msg, "%s: this file holds credentials (%s confidence).", f->rule_name,
			      kh_confidence_name(f->confidence));
	else
		kh_buf_printf(&msg, "%s (%s confidence): %s", f->rule_name, kh_confidence_name(f->confidence),
			      f->secret ? f->secret : "");
	if (f->deleted_in_layer)
		kh_buf_printf(&msg, " Deleted in layer %s, but still in the image.", f->deleted_in_layer);
	bool live = f->verification.status && !strcmp(f->verification.status, "live");
	if (f->verification.status)
		kh_buf_printf(&msg, " Verified: %s (%s).", live ? "LIVE" : f->verification.status,
			      f->verification.reason ? f->verification.reason : "");
	if (live && f->verification.rotate)
		kh_buf_printf(&msg, " Rotate it: %s", f->verification.rotate);
	char *m = kh_buf_detach(&msg);
	json_object_set_new(res, "ruleId", kh_json_str(f->rule_id));
	json_object_set_new(res, "ruleIndex", json_integer((json_int_t)index));
	/* a key found live is the most urgent thing a report can hold */
	json_object_set_new(res, "level", json_string(live ? "error" : level_of(f->severity)));
	json_object_set_new(res, "message", json_pack("{s:o}", "text", kh_json_str(m)));
	free(m);
	json_array_append_new(locs, location_json(f, context, path_rule));
	json_object_set_new(res, "locations", locs);
	json_object_set_new(res, "partialFingerprints",
			    json_pack("{s:o}", "keyhound/v1", kh_json_str(f->fingerprint)));
	json_t *props = result_props(f);
	if (f->verification.status) {
		json_object_set_new(props, "verification", json_pack("{s:s,s:s*}", "status",
			f->verification.status, "reason", f->verification.reason));
		if (live)
			json_object_set_new(props, "security-severity", json_string("10.0"));
	}
	json_object_set_new(res, "properties", props);
	return res;
}

/* What could not be scanned, so the run is honest about its coverage. */
static json_t *invocation_json(const keyhound_report *r)
{
	json_t *inv = json_object(), *notes = json_array();
	size_t listed = r->n_err < 10001 ? r->n_err : 10001;
	json_object_set_new(inv, "executionSuccessful", json_boolean(r->n_err == 0));
	for (size_t i = 0; i < listed; i++) {
		char *t = kh_sprintf("%s: %s", r->err_location[i], r->err_reason[i]);
		json_array_append_new(notes, json_pack("{s:s,s:o}", "level", "error", "message",
						       json_pack("{s:o}", "text", kh_json_str(t))));
		free(t);
	}
	for (size_t i = 0; i < r->n_notes; i++)
		json_array_append_new(notes, json_pack("{s:s,s:o}", "level", "note", "message",
						       json_pack("{s:o}", "text", kh_json_str(r->notes[i]))));
	if (json_array_size(notes))
		json_object_set_new(inv, "toolExecutionNotifications", notes);
	else
		json_decref(notes);
	return inv;
}

/* A finding's rank for the cut: severity (0-4) then confidence (0-3), higher first. */
static int cut_rank(const keyhound_finding *f)
{
	int sev = f->severity >= 0 && f->severity <= 4 ? (int)f->severity : 0;
	int conf = f->confidence >= 0 && f->confidence <= 3 ? (int)f->confidence : 0;
	return sev * 4 + conf;
}

/* The findings a run holds: all, or past KEYHOUND_SARIF_MAX_RESULTS the most severe
 * (then the most confident, then the first), in report order. */
static size_t *kept_results(const keyhound_report *r, size_t *n)
{
	size_t *v = kh_calloc(r->n + 1, sizeof(size_t)), k = 0, count[20] = {0};
	size_t left = KEYHOUND_SARIF_MAX_RESULTS, at_cut = 0;
	int cut = 0;
	if (r->n <= KEYHOUND_SARIF_MAX_RESULTS) {
		for (size_t i = 0; i < r->n; i++)
			v[i] = i;
		*n = r->n;
		return v;
	}
	for (size_t i = 0; i < r->n; i++)
		count[cut_rank(&r->v[i].f)]++;
	/* the lowest rank kept, and how many of that rank fit */
	for (cut = 19; cut > 0 && count[cut] < left; cut--)
		left -= count[cut];
	at_cut = count[cut] < left ? count[cut] : left;
	for (size_t i = 0; i < r->n; i++) {
		int rank = cut_rank(&r->v[i].f);
		if (rank > cut || (rank == cut && at_cut && at_cut--))
			v[k++] = i;
	}
	*n = k;
	return v;
}

int kh_write_sarif(const keyhound_report *r, FILE *out, const keyhound_write_options *o,
		   const kh_ruleset *rs)
{
	size_t n_rules, n_kept;
	fired_rule *fired = rules_fired(r, rs, &n_rules);
	size_t *kept = kept_results(r, &n_kept);
	json_t *root = json_object(), *run = json_object(), *driver = json_object();
	json_t *rules = json_array(), *results = json_array();

	json_object_set_new(root, "$schema", json_string(SARIF_SCHEMA));
	json_object_set_new(root, "version", json_string("2.1.0"));
	json_object_set_new(driver, "name", json_string("keyhound"));
	json_object_set_new(driver, "version", json_string(KEYHOUND_VERSION));
	json_object_set_new(driver, "semanticVersion", json_string(KEYHOUND_VERSION));
	/* no informationUri: the project has no public address yet (the field is optional) */
	for (size_t i = 0; i < n_rules; i++)
		json_array_append_new(rules, rule_json(&fired[i]));
	json_object_set_new(driver, "rules", rules);
	json_object_set_new(run, "tool", json_pack("{s:o}", "driver", driver));
	json_object_set_new(run, "invocations", json_pack("[o]", invocation_json(r)));
	for (size_t x = 0; x < n_kept; x++) {
		size_t i = kept[x];
		const keyhound_finding *f = &r->v[i].f;
		size_t k = rule_index(fired, n_rules, f->rule_id);
		json_array_append_new(results, result_json(f, r->v[i].context, k, &fired[k]));
	}
	json_object_set_new(run, "automationDetails",
			    json_pack("{s:s}", "id", o->sarif_category ? o->sarif_category : "keyhound/"));
	json_object_set_new(run, "originalUriBaseIds",
			    json_pack("{s:{s:{s:s}}}", "%SRCROOT%", "description", "text",
				      "the repository, folder or image layer scanned"));
	json_object_set_new(run, "results", results);
	json_object_set_new(run, "properties",
			    json_pack("{s:o,s:o,s:I,s:I}", "rules_version",
				      kh_json_str(r->rules_version ? r->rules_version : ""), "summary",
				      kh_summary_json(r), "results_dropped", (json_int_t)(r->n - n_kept),
				      "results_limit", (json_int_t)KEYHOUND_SARIF_MAX_RESULTS));
	free(kept);
	json_object_set_new(root, "runs", json_pack("[o]", run));
	int rc = json_dumpf(root, out, JSON_INDENT(2) | JSON_PRESERVE_ORDER | JSON_REAL_PRECISION(6));
	fputc('\n', out);
	json_decref(root);
	free(fired);
	return rc < 0 ? kh_error(KEYHOUND_EIO, "cannot write the report") : 0;
}
