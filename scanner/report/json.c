/* SPDX-License-Identifier: Apache-2.0 */
/* JSON and JSON Lines printers, and the baseline writer. Strings that are not
 * valid UTF-8 are written with each invalid byte as U+FFFD. */
#include <stdlib.h>
#include <string.h>

#include "core/report.h"
#include "filter/baseline.h"
#include "report/report.h"
#include "rules/rules.h"

static size_t utf8_len(const unsigned char *s)
{
	/* length of a valid sequence at s, or 0 */
	unsigned c = s[0];
	size_t n;
	unsigned min;
	if (c < 0x80)
		return 1;
	if (c >= 0xC2 && c <= 0xDF)
		n = 2, min = 0x80;
	else if (c >= 0xE0 && c <= 0xEF)
		n = 3, min = 0x800;
	else if (c >= 0xF0 && c <= 0xF4)
		n = 4, min = 0x10000;
	else
		return 0;
	unsigned cp = c & (0xFF >> (n + 1));
	for (size_t i = 1; i < n; i++) {
		if ((s[i] & 0xC0) != 0x80)
			return 0;
		cp = cp << 6 | (s[i] & 0x3F);
	}
	if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
		return 0;
	return n;
}

char *kh_utf8_sanitize(const char *s)
{
	kh_buf b = {0};
	const unsigned char *p = (const unsigned char *)s;
	while (*p) {
		size_t n = utf8_len(p);
		if (n) {
			kh_buf_put(&b, p, n);
			p += n;
		} else {
			kh_buf_puts(&b, "\xEF\xBF\xBD");
			p++;
		}
	}
	return kh_buf_detach(&b);
}

json_t *kh_json_str(const char *s)
{
	if (!s)
		return json_null();
	char *clean = kh_utf8_sanitize(s);
	json_t *j = json_string(clean);
	free(clean);
	return j ? j : json_string("");
}

const char *kh_source_name(keyhound_source_kind k)
{
	static const char *names[] = {"file", "stdin", "git", "image"};
	return k <= KEYHOUND_SOURCE_IMAGE ? names[k] : "file";
}

static void set_str(json_t *o, const char *key, const char *v)
{
	if (v)
		json_object_set_new(o, key, kh_json_str(v));
}

json_t *kh_finding_json(const keyhound_finding *f)
{
	json_t *o = json_object();
	set_str(o, "rule_id", f->rule_id);
	set_str(o, "rule_name", f->rule_name);
	set_str(o, "severity", kh_severity_name(f->severity));
	set_str(o, "confidence", kh_confidence_name(f->confidence));
	set_str(o, "secret", f->secret);
	set_str(o, "match", f->match);
	json_object_set_new(o, "entropy", json_real((double)(long)(f->entropy * 1000 + 0.5) / 1000));
	set_str(o, "fingerprint", f->fingerprint);
	set_str(o, "source", kh_source_name(f->source));
	json_object_set_new(o, "path", f->path ? kh_json_str(f->path) : json_null());
	json_object_set_new(o, "root_path", f->root_path ? kh_json_str(f->root_path) : json_null());
	json_object_set_new(o, "line", json_integer((json_int_t)f->line));
	json_object_set_new(o, "column", json_integer((json_int_t)f->column));
	json_object_set_new(o, "end_line", json_integer((json_int_t)f->end_line));
	json_object_set_new(o, "end_column", json_integer((json_int_t)f->end_column));
	if (f->source == KEYHOUND_SOURCE_GIT) {
		json_object_set_new(o, "commit", kh_json_str(f->commit));
		json_object_set_new(o, "author", kh_json_str(f->author));
		json_object_set_new(o, "email", kh_json_str(f->email));
		json_object_set_new(o, "date", kh_json_str(f->date));
		json_object_set_new(o, "message", kh_json_str(f->message));
		json_object_set_new(o, "repository", kh_json_str(f->repository));
		json_object_set_new(o, "in_head", f->in_head < 0 ? json_null() : json_boolean(f->in_head));
		json_object_set_new(o, "commit_message", json_boolean(f->commit_message));
		json_object_set_new(o, "occurrences", json_integer((json_int_t)f->occurrences));
		json_object_set_new(o, "last_commit", kh_json_str(f->last_commit ? f->last_commit : f->commit));
		if (f->more_paths)
			json_object_set_new(o, "more_paths", json_integer((json_int_t)f->more_paths));
	}
	if (f->source == KEYHOUND_SOURCE_IMAGE) {
		json_object_set_new(o, "image", kh_json_str(f->image));
		json_object_set_new(o, "platform", kh_json_str(f->platform));
		json_object_set_new(o, "layer", kh_json_str(f->layer));
		json_object_set_new(o, "layer_index",
				    f->layer_index < 0 ? json_null() : json_integer(f->layer_index));
		json_object_set_new(o, "created_by", kh_json_str(f->created_by));
		json_object_set_new(o, "deleted_in_layer", kh_json_str(f->deleted_in_layer));
		json_object_set_new(o, "config_field", kh_json_str(f->config_field));
	}
	json_object_set_new(o, "decoded", kh_json_str(f->decoded));
	if (f->verification.status) {
		json_t *v = json_object();
		set_str(v, "status", f->verification.status);
		set_str(v, "reason", f->verification.reason);
		set_str(v, "checked_at", f->verification.checked_at);
		json_object_set_new(v, "identity", kh_json_str(f->verification.identity));
		json_object_set_new(v, "scopes", kh_json_str(f->verification.scopes));
		json_object_set_new(v, "rotate", kh_json_str(f->verification.rotate));
		json_object_set_new(v, "cached", json_boolean(f->verification.cached));
		json_object_set_new(o, "verification", v);
	}
	return o;
}

json_t *kh_summary_json(const keyhound_report *r)
{
	json_t *s = json_object(), *skipped = json_object(), *errors = json_array();
	json_object_set_new(s, "bytes", json_integer((json_int_t)r->bytes));
	json_object_set_new(s, "blobs", json_integer((json_int_t)r->blobs));
	json_object_set_new(s, "findings", json_integer((json_int_t)r->n));
	for (size_t i = 0; i < r->n_skip; i++)
		json_object_set_new(skipped, r->skip_reason[i], json_integer((json_int_t)r->skip_count[i]));
	json_object_set_new(s, "skipped", skipped);
	size_t listed = r->n_err < 10001 ? r->n_err : 10001;
	for (size_t i = 0; i < listed; i++) {
		json_t *e = json_object();
		json_object_set_new(e, "location", kh_json_str(r->err_location[i]));
		json_object_set_new(e, "reason", kh_json_str(r->err_reason[i]));
		json_array_append_new(errors, e);
	}
	json_object_set_new(s, "errors", errors);
	json_object_set_new(s, "error_count", json_integer((json_int_t)r->n_err));
	json_object_set_new(s, "suppressed",
			    json_pack("{s:I,s:I,s:I,s:I}", "allowlist", (json_int_t)r->allow_suppressed,
				      "baseline", (json_int_t)r->baseline_suppressed, "inline",
				      (json_int_t)r->inline_suppressed, "min_severity",
				      (json_int_t)r->severity_suppressed));
	json_t *by_rule = json_object(), *by_sev = json_object();
	static const char *const sevs[] = {"critical", "high", "medium", "low"};
	for (size_t i = 0; i < 4; i++)
		json_object_set_new(by_sev, sevs[i], json_integer(0));
	for (size_t i = 0; i < r->n; i++) {
		const keyhound_finding *f = &r->v[i].f;
		const char *sev = kh_severity_name(f->severity);
		json_object_set_new(by_sev, sev, json_integer(json_integer_value(json_object_get(by_sev, sev)) + 1));
		json_object_set_new(by_rule, f->rule_id,
				    json_integer(json_integer_value(json_object_get(by_rule, f->rule_id)) + 1));
	}
	json_object_set_new(s, "by_severity", by_sev);
	json_object_set_new(s, "by_rule", by_rule);
	if (r->n_notes) {
		json_t *notes = json_array();
		for (size_t i = 0; i < r->n_notes; i++)
			json_array_append_new(notes, kh_json_str(r->notes[i]));
		json_object_set_new(s, "notes", notes);
	}
	if (r->extra)
		json_object_update(s, r->extra);
	return s;
}

int kh_write_json(const keyhound_report *r, FILE *out)
{
	json_t *root = json_object(), *findings = json_array();
	json_object_set_new(root, "version", json_string(KEYHOUND_VERSION));
	json_object_set_new(root, "rules_version", kh_json_str(r->rules_version ? r->rules_version : ""));
	for (size_t i = 0; i < r->n; i++)
		json_array_append_new(findings, kh_finding_json(&r->v[i].f));
	json_object_set_new(root, "findings", findings);
	json_object_set_new(root, "summary", kh_summary_json(r));
	int rc = json_dumpf(root, out, JSON_INDENT(2) | JSON_PRESERVE_ORDER | JSON_REAL_PRECISION(6));
	fputc('\n', out);
	json_decref(root);
	return rc < 0 ? kh_error(KEYHOUND_EIO, "cannot write the report") : 0;
}

int kh_write_jsonl(const keyhound_report *r, FILE *out)
{
	for (size_t i = 0; i < r->n; i++) {
		json_t *o = kh_finding_json(&r->v[i].f);
		int rc = json_dumpf(o, out, JSON_COMPACT | JSON_PRESERVE_ORDER | JSON_REAL_PRECISION(6));
		json_decref(o);
		if (rc < 0)
			return kh_error(KEYHOUND_EIO, "cannot write the report");
		fputc('\n', out);
	}
	return 0;
}

static int cmp_strp(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Sorted fingerprints and no timestamps, no secrets, no line numbers: a baseline
 * merges cleanly in git and holds when code moves. Findings a baseline already
 * suppressed in this scan are kept; entries that matched nothing are dropped. */
static int report_write_baseline_body(const keyhound_report *r, FILE *out)
{
	const struct kh_report_triage *t = r->triage;
	size_t n_old = t ? t->n_baselined : 0, n = 0;
	const char **fps = kh_calloc(r->n + n_old + 1, sizeof(char *));
	json_t *root = json_object(), *arr = json_array();
	for (size_t i = 0; i < r->n; i++)
		fps[n++] = r->v[i].f.fingerprint;
	for (size_t i = 0; i < n_old; i++)
		fps[n++] = t->baselined[i];
	qsort(fps, n, sizeof(char *), cmp_strp);
	for (size_t i = 0; i < n; i++)
		if (!i || strcmp(fps[i], fps[i - 1]))
			json_array_append_new(arr, json_string(fps[i]));
	json_object_set_new(root, "keyhound_baseline", json_integer(1));
	json_object_set_new(root, "fingerprints", arr);
	int rc = json_dumpf(root, out, JSON_INDENT(2) | JSON_PRESERVE_ORDER);
	fputc('\n', out);
	json_decref(root);
	free(fps);
	return rc < 0 ? kh_error(KEYHOUND_EIO, "cannot write the baseline") : 0;
}

int keyhound_report_write_baseline(const keyhound_report *r, FILE *out)
{
	unsigned oom = kh_oom_mark();
	return kh_oom_result(oom, report_write_baseline_body(r, out));
}

int kh_report_write(const keyhound_report *r, FILE *out, keyhound_format format,
		    const keyhound_write_options *o, const kh_ruleset *rs)
{
	switch (format) {
	case KEYHOUND_FORMAT_JSON:
		return kh_write_json(r, out);
	case KEYHOUND_FORMAT_JSONL:
		return kh_write_jsonl(r, out);
	case KEYHOUND_FORMAT_SARIF:
		return kh_write_sarif(r, out, o, rs);
	case KEYHOUND_FORMAT_GITLAB:
		return kh_write_gitlab(r, out);
	default:
		return kh_write_human(r, out, o);
	}
}
