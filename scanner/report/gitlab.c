/* SPDX-License-Identifier: Apache-2.0 */
/* GitLab's secret-detection report (artifacts:reports:secret_detection), schema 15.x: the
 * findings as vulnerabilities, so merge requests and the security dashboard show them.
 * Secrets stay redacted as in every other format. Schema 15 dropped the vulnerability's
 * category, confidence and scanner fields: the confidence goes into the description. */
#include <jansson.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "core/kh.h"
#include "report/report.h"
#include "rules/rules.h"

#define GITLAB_SCHEMA_VERSION "15.0.7"

static const char *gitlab_severity(keyhound_severity s)
{
	switch (s) {
	case KEYHOUND_SEV_CRITICAL: return "Critical";
	case KEYHOUND_SEV_HIGH: return "High";
	case KEYHOUND_SEV_MEDIUM: return "Medium";
	case KEYHOUND_SEV_LOW: return "Low";
	default: return "Unknown";
	}
}

static json_t *tool(void)
{
	return json_pack("{s:s,s:s,s:s,s:s,s:{s:s}}", "id", "keyhound", "name", "keyhound", "version",
			 KEYHOUND_VERSION, "url", "https://example.invalid/keyhound", "vendor", "name",
			 "keyhound");
}

static void detail(json_t *details, const char *key, const char *name, const char *value)
{
	if (value)
		json_object_set_new(details, key, json_pack("{s:s,s:s,s:s}", "name", name, "type", "text",
							    "value", value));
}

/* --verify's verdict as the schema's typed details (text fields, the rotation link a url);
 * a live secret is Critical, as SARIF gives it security-severity 10.0 */
static void verification(json_t *v, const keyhound_finding *f)
{
	const char *st = f->verification.status;
	bool live = st && !strcmp(st, "live");
	json_t *d = json_object();
	if (!st)
		return;
	detail(d, "verification_status", "Verification", st);
	detail(d, "verification_reason", "Verification reason", f->verification.reason);
	detail(d, "verification_checked_at", "Verified at", f->verification.checked_at);
	detail(d, "verification_identity", "Belongs to", f->verification.identity);
	detail(d, "verification_scopes", "Scopes", f->verification.scopes);
	if (f->verification.cached)
		detail(d, "verification_cached", "Verdict from the cache", "true");
	if (f->verification.rotate)
		json_object_set_new(d, "verification_rotate", json_pack("{s:s,s:s,s:s}", "name", "Revoke or rotate at",
									"type", "url", "href", f->verification.rotate));
	json_object_set_new(v, "details", d);
	if (live) {
		json_object_set_new(v, "severity", json_string("Critical"));
		char *sol = kh_sprintf("This secret is live: revoke or rotate it%s%s.",
				       f->verification.rotate ? " at " : "",
				       f->verification.rotate ? f->verification.rotate : "");
		json_object_set_new(v, "solution", json_string(sol));
		free(sol);
	}
}

static json_t *vulnerability(const keyhound_finding *f)
{
	json_t *v = json_object(), *loc = json_object();
	const char *st = f->verification.status;
	char *desc = kh_sprintf("%s (rule %s, %s confidence) at %s:%lu: %s%s%s%s%s%s", f->rule_name, f->rule_id,
				kh_confidence_name(f->confidence), f->path ? f->path : "?", f->line,
				f->match ? f->match : "", st ? ". Verified: " : "",
				st ? (!strcmp(st, "live") ? "LIVE" : st) : "", st ? " (" : "",
				st && f->verification.reason ? f->verification.reason : "", st ? ")" : "");
	/* the fingerprint (rule, path, secret) is stable across runs, as GitLab wants ids */
	json_object_set_new(v, "id", kh_json_str(f->fingerprint ? f->fingerprint : f->rule_id));
	json_object_set_new(v, "name", kh_json_str(f->rule_name));
	json_object_set_new(v, "description", kh_json_str(desc));
	json_object_set_new(v, "severity", json_string(gitlab_severity(f->severity)));
	verification(v, f);
	json_object_set_new(loc, "file", kh_json_str(f->root_path ? f->root_path : f->path ? f->path : ""));
	json_object_set_new(loc, "start_line", json_integer((json_int_t)(f->line ? f->line : 1)));
	json_object_set_new(loc, "end_line", json_integer((json_int_t)(f->end_line ? f->end_line : 1)));
	/* the schema requires a commit: the one that introduced it, else none known */
	json_object_set_new(loc, "commit", json_pack("{s:o}", "sha", kh_json_str(f->commit ? f->commit : "0000000")));
	json_object_set_new(v, "location", loc);
	json_object_set_new(v, "identifiers", json_pack("[{s:s,s:o,s:o}]", "type", "keyhound_rule_id",
		"name", kh_json_str(f->rule_name), "value", kh_json_str(f->rule_id)));
	free(desc);
	return v;
}

int kh_write_gitlab(const keyhound_report *r, FILE *out)
{
	json_t *root = json_object(), *vulns = json_array(), *scan;
	char now[32];
	time_t t = time(NULL);
	struct tm tm;
	keyhound_summary sum;

	gmtime_r(&t, &tm);
	strftime(now, sizeof(now), "%Y-%m-%dT%H:%M:%S", &tm);
	keyhound_report_summary(r, &sum);
	for (size_t i = 0; i < keyhound_report_count(r); i++)
		json_array_append_new(vulns, vulnerability(keyhound_report_get(r, i)));
	scan = json_pack("{s:o,s:o,s:s,s:s,s:s,s:s,s:[]}", "analyzer", tool(), "scanner", tool(), "type",
			 "secret_detection", "start_time", now, "end_time", now, "status",
			 sum.errors ? "failure" : "success", "messages");
	json_object_set_new(root, "version", json_string(GITLAB_SCHEMA_VERSION));
	json_object_set_new(root, "vulnerabilities", vulns);
	json_object_set_new(root, "scan", scan);
	int rc = json_dumpf(root, out, JSON_INDENT(2) | JSON_PRESERVE_ORDER);
	fputc('\n', out);
	json_decref(root);
	return rc < 0 ? kh_error(KEYHOUND_EIO, "cannot write the report") : 0;
}
