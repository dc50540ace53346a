/* SPDX-License-Identifier: Apache-2.0 */
/* Findings read back from their JSON form (the sweep state, shard reports), a total
 * order on findings, and `keyhound report merge`: shard reports combined into one,
 * findings in that order and summaries added. */
#include <stdlib.h>
#include <string.h>

#include "core/report.h"
#include "report/report.h"
#include "rules/rules.h"
#include "sweep/sweep.h"

static char *get_str(const json_t *o, const char *key)
{
	const json_t *v = json_object_get(o, key);
	return json_is_string(v) ? kh_strdup(json_string_value(v)) : NULL;
}

static unsigned long get_ulong(const json_t *o, const char *key)
{
	const json_t *v = json_object_get(o, key);
	return json_is_integer(v) && json_integer_value(v) > 0 ? (unsigned long)json_integer_value(v)
							       : 0;
}

void kh_verification_from_json(keyhound_finding *f, const json_t *o)
{
	const char *s = json_string_value(json_object_get(o, "status"));
	kh_finding_clear_verification(f);
	if (!s || (strcmp(s, "live") && strcmp(s, "invalid") && strcmp(s, "unknown")))
		return;
	f->verification.status = kh_strdup(s);
	f->verification.reason = get_str(o, "reason");
	f->verification.checked_at = get_str(o, "checked_at");
	f->verification.identity = get_str(o, "identity");
	f->verification.scopes = get_str(o, "scopes");
	f->verification.rotate = get_str(o, "rotate");
	f->verification.cached = json_is_true(json_object_get(o, "cached"));
}

int kh_finding_from_json(keyhound_finding *f, const json_t *o)
{
	static const char *sources[] = {"file", "stdin", "git", "image"};
	const char *s;
	const json_t *v;

	memset(f, 0, sizeof(*f));
	f->in_head = -1;
	f->layer_index = -1;
	if (!json_is_object(o) || !json_is_string(json_object_get(o, "rule_id")))
		return kh_error(KEYHOUND_EINVAL, "a finding without a rule_id");
	f->rule_id = get_str(o, "rule_id");
	f->rule_name = get_str(o, "rule_name");
	if (!(s = json_string_value(json_object_get(o, "severity"))) ||
	    kh_parse_severity(s, &f->severity) < 0)
		f->severity = KEYHOUND_SEV_MEDIUM;
	if (!(s = json_string_value(json_object_get(o, "confidence"))) ||
	    kh_parse_confidence(s, &f->confidence) < 0)
		f->confidence = KEYHOUND_CONF_MEDIUM;
	f->secret = get_str(o, "secret");
	f->match = get_str(o, "match");
	f->entropy = json_number_value(json_object_get(o, "entropy"));
	f->fingerprint = get_str(o, "fingerprint");
	s = json_string_value(json_object_get(o, "source"));
	for (size_t i = 0; s && i < 4; i++)
		if (!strcmp(s, sources[i]))
			f->source = (keyhound_source_kind)i;
	f->path = get_str(o, "path");
	f->root_path = get_str(o, "root_path");
	if (!f->root_path && f->path) /* a report written before root_path */
		f->root_path = kh_strdup(f->path);
	f->line = get_ulong(o, "line");
	f->column = get_ulong(o, "column");
	f->end_line = get_ulong(o, "end_line");
	f->end_column = get_ulong(o, "end_column");
	f->commit = get_str(o, "commit");
	f->author = get_str(o, "author");
	f->email = get_str(o, "email");
	f->date = get_str(o, "date");
	f->message = get_str(o, "message");
	f->repository = get_str(o, "repository");
	f->occurrences = get_ulong(o, "occurrences");
	f->last_commit = get_str(o, "last_commit");
	if (json_is_boolean(v = json_object_get(o, "in_head")))
		f->in_head = json_is_true(v);
	f->more_paths = get_ulong(o, "more_paths");
	f->commit_message = json_is_true(json_object_get(o, "commit_message"));
	f->image = get_str(o, "image");
	f->platform = get_str(o, "platform");
	f->layer = get_str(o, "layer");
	if (json_is_integer(v = json_object_get(o, "layer_index")))
		f->layer_index = (long)json_integer_value(v);
	f->created_by = get_str(o, "created_by");
	f->deleted_in_layer = get_str(o, "deleted_in_layer");
	f->config_field = get_str(o, "config_field");
	if (json_is_object(v = json_object_get(o, "verification")))
		kh_verification_from_json(f, v);
	/* decoded is a static string in a finding */
	if ((s = json_string_value(json_object_get(o, "decoded"))))
		f->decoded = !strcmp(s, "base64")	 ? "base64"
			     : !strcmp(s, "percent")	 ? "percent"
			     : !strcmp(s, "utf16")	 ? "utf16"
			     : !strcmp(s, "json-escape") ? "json-escape"
							 : "other";
	return 0;
}

static int cmp_s(const char *a, const char *b)
{
	return strcmp(a ? a : "", b ? b : "");
}

#define CMP_NUM(a, b) if ((a) != (b)) return (a) < (b) ? -1 : 1

int kh_finding_cmp(const keyhound_finding *a, const keyhound_finding *b)
{
	int c;

	if ((c = cmp_s(a->repository, b->repository)) || (c = cmp_s(a->image, b->image)))
		return c;
	CMP_NUM(a->commit_message, b->commit_message);
	if ((c = cmp_s(a->path, b->path)))
		return c;
	CMP_NUM(a->line, b->line);
	CMP_NUM(a->column, b->column);
	if ((c = cmp_s(a->rule_id, b->rule_id)) || (c = cmp_s(a->fingerprint, b->fingerprint)) ||
	    (c = cmp_s(a->commit, b->commit)) || (c = cmp_s(a->layer, b->layer)) ||
	    (c = cmp_s(a->config_field, b->config_field)))
		return c;
	CMP_NUM(a->end_line, b->end_line);
	CMP_NUM(a->end_column, b->end_column);
	if ((c = cmp_s(a->match, b->match)))
		return c;
	return cmp_s(a->decoded, b->decoded);
}

static int cmp_rec(const void *pa, const void *pb)
{
	return kh_finding_cmp(&((const kh_finding_rec *)pa)->f, &((const kh_finding_rec *)pb)->f);
}

void kh_report_sort_full(keyhound_report *r)
{
	if (r->n > 1)
		qsort(r->v, r->n, sizeof(*r->v), cmp_rec);
	for (size_t i = 0; i < r->n; i++) {
		r->v[i].seq = i;
		r->v[i].occ = 0;
		r->v[i].offset = 0;
	}
}

/* ---- keyhound report merge ---- */

/* Add src into dst: numbers add, arrays concatenate, objects recurse, strings that
 * differ are listed ("0/2,1/2"). */
static void json_add(json_t *dst, const json_t *src)
{
	const char *key;
	json_t *v;

	json_object_foreach((json_t *)src, key, v) {
		json_t *d = json_object_get(dst, key);
		if (!d) {
			json_object_set_new(dst, key, json_deep_copy(v));
		} else if (json_is_integer(d) && json_is_integer(v)) {
			json_object_set_new(dst, key, json_integer(json_integer_value(d) + json_integer_value(v)));
		} else if (json_is_number(d) && json_is_number(v)) {
			json_object_set_new(dst, key, json_real(json_number_value(d) + json_number_value(v)));
		} else if (json_is_array(d) && json_is_array(v)) {
			json_t *copy = json_deep_copy(v);
			json_array_extend(d, copy);
			json_decref(copy);
		} else if (json_is_object(d) && json_is_object(v)) {
			json_add(d, v);
		} else if (json_is_string(d) && json_is_string(v) &&
			   strcmp(json_string_value(d), json_string_value(v))) {
			char *both = kh_sprintf("%s,%s", json_string_value(d), json_string_value(v));
			json_object_set_new(dst, key, json_string(both));
			free(both);
		}
	}
}

static int cmp_repo_json(const void *pa, const void *pb)
{
	const json_t *a = *(json_t *const *)pa, *b = *(json_t *const *)pb;
	return cmp_s(json_string_value(json_object_get(a, "repository")),
		     json_string_value(json_object_get(b, "repository")));
}

/* The per-repository list in repository order, whatever order the shards came in. */
static void sort_repositories(json_t *extra)
{
	json_t *arr = json_object_get(extra, "repositories"), **v;
	size_t n = json_array_size(arr);

	if (n < 2)
		return;
	v = kh_calloc(n, sizeof(json_t *));
	for (size_t i = 0; i < n; i++)
		v[i] = json_incref(json_array_get(arr, i));
	qsort(v, n, sizeof(json_t *), cmp_repo_json);
	json_array_clear(arr);
	for (size_t i = 0; i < n; i++)
		json_array_append_new(arr, v[i]);
	free(v);
}

static int merge_summary(keyhound_report *r, const json_t *s, json_t *extra)
{
	static const char *own[] = {"bytes", "blobs", "findings", "skipped", "errors", "error_count",
				    "suppressed", "notes", "by_severity", "by_rule"};
	const char *key;
	json_t *v;
	size_t i;

	r->bytes += (uint64_t)json_integer_value(json_object_get(s, "bytes"));
	r->blobs += (uint64_t)json_integer_value(json_object_get(s, "blobs"));
	json_object_foreach(json_object_get(s, "skipped"), key, v)
		kh_report_skip_n(r, key, (uint64_t)json_integer_value(v));
	json_array_foreach(json_object_get(s, "errors"), i, v)
		kh_report_error(r, json_string_value(json_object_get(v, "location")), "%s",
				json_string_value(json_object_get(v, "reason")) ?: "");
	v = json_object_get(json_object_get(s, "suppressed"), "allowlist");
	r->allow_suppressed += (uint64_t)json_integer_value(v);
	v = json_object_get(json_object_get(s, "suppressed"), "baseline");
	r->baseline_suppressed += (uint64_t)json_integer_value(v);
	v = json_object_get(json_object_get(s, "suppressed"), "inline");
	r->inline_suppressed += (uint64_t)json_integer_value(v);
	v = json_object_get(json_object_get(s, "suppressed"), "min_severity");
	r->severity_suppressed += (uint64_t)json_integer_value(v);
	json_array_foreach(json_object_get(s, "notes"), i, v)
		kh_report_note(r, "%s", json_string_value(v) ?: "");
	json_object_foreach((json_t *)s, key, v) {
		bool skip = false;
		for (size_t k = 0; k < sizeof(own) / sizeof(own[0]); k++)
			skip |= !strcmp(key, own[k]);
		if (!skip) {
			json_t *one = json_object();
			json_object_set(one, key, v);
			json_add(extra, one);
			json_decref(one);
		}
	}
	return 0;
}

static int merge_file(keyhound_report *r, const char *path, json_t *extra)
{
	json_error_t jerr;
	json_t *root = json_load_file(path, 0, &jerr), *findings, *f;
	const char *rv;
	size_t i;
	int error = 0;

	if (!root) {
		error = kh_error(KEYHOUND_EINVAL, "%s:%d: not a JSON report: %s", path, jerr.line, jerr.text);
		goto done;
	}
	findings = json_object_get(root, "findings");
	if (!json_is_array(findings) || !json_is_object(json_object_get(root, "summary"))) {
		error = kh_error(KEYHOUND_EINVAL, "%s: not a keyhound JSON report (--format json): "
				 "no findings and summary", path);
		goto done;
	}
	rv = json_string_value(json_object_get(root, "rules_version"));
	if (rv && !r->rules_version)
		r->rules_version = kh_strdup(rv);
	else if (rv && strcmp(rv, r->rules_version))
		kh_report_note(r, "%s was made with rules %s, not %s", path, rv, r->rules_version);
	json_array_foreach(findings, i, f) {
		kh_finding_rec rec;
		memset(&rec, 0, sizeof(rec));
		if ((error = kh_finding_from_json(&rec.f, f)) < 0) {
			kh_finding_clear(&rec.f);
			error = kh_error(KEYHOUND_EINVAL, "%s: finding %zu: %s", path, i + 1,
					 keyhound_last_error());
			goto done;
		}
		kh_report_add(r, &rec);
	}
	error = merge_summary(r, json_object_get(root, "summary"), extra);
done:
	json_decref(root);
	return error;
}

static int report_merge_body(keyhound_report **out, const char *const *paths, size_t n)
{
	keyhound_report *r = kh_calloc(1, sizeof(*r));
	json_t *extra = json_object();
	int error = 0;

	kh_report_init(r);
	for (size_t i = 0; i < n; i++)
		if ((error = merge_file(r, paths[i], extra)) < 0)
			goto done;
	sort_repositories(extra);
	r->extra = extra;
	extra = NULL;
	kh_report_sort_full(r);
done:
	json_decref(extra);
	if (error) {
		keyhound_report_free(r);
		r = NULL;
	}
	*out = r;
	return error;
}

int keyhound_report_merge(keyhound_report **out, const char *const *paths, size_t n)
{
	unsigned oom = kh_oom_mark();
	int error = report_merge_body(out, paths, n);
	if (!error && kh_oom_since(oom)) {
		keyhound_report_free(*out);
		*out = NULL;
	}
	return kh_oom_result(oom, error);
}
