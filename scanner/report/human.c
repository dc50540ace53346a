/* SPDX-License-Identifier: Apache-2.0 */
/* Human output: findings grouped by location (file, and commit or layer),
 * each with its line, rule and the redacted match, then the summary. */
#include <stdlib.h>
#include <string.h>

#include "core/report.h"
#include "report/report.h"
#include "rules/rules.h"

#define RED(o) ((o)->color ? "\033[31m" : "")
#define BOLD(o) ((o)->color ? "\033[1m" : "")
#define DIM(o) ((o)->color ? "\033[2m" : "")
#define OFF(o) ((o)->color ? "\033[0m" : "")

/* s as text safe on a terminal: invalid UTF-8 as U+FFFD, and every control character
 * (C0, DEL and C1: escape sequences, \r and \n that would forge lines, OSC titles and
 * hyperlinks) escaped as git quotes paths: \t \n \r or \ooo. */
static void put(FILE *out, const char *s)
{
	char *clean = kh_utf8_sanitize(s ? s : "");
	for (const unsigned char *p = (const unsigned char *)clean; *p; p++) {
		if (*p == '\t')
			fputs("\\t", out);
		else if (*p == '\n')
			fputs("\\n", out);
		else if (*p == '\r')
			fputs("\\r", out);
		else if (*p < 0x20 || *p == 0x7f)
			fprintf(out, "\\%03o", *p);
		else if (*p == 0xc2 && p[1] >= 0x80 && p[1] <= 0x9f) /* U+0080..U+009F */
			fprintf(out, "\\%03o", *++p);
		else
			fputc(*p, out);
	}
	free(clean);
}

static void print_group(FILE *out, const keyhound_finding *f, const keyhound_write_options *o,
			bool show_repo)
{
	/* a sweep's findings come from many repositories; everything here came from the input */
	if (show_repo && f->repository) {
		fputs(DIM(o), out);
		put(out, f->repository);
		fprintf(out, ":%s ", OFF(o));
	}
	fputs(BOLD(o), out);
	put(out, f->path ? f->path : (f->commit_message ? "(commit message)"
				      : f->config_field ? "(image config)" : "(no path)"));
	fputs(OFF(o), out);
	if (f->commit) {
		char c[13];
		snprintf(c, sizeof(c), "%.12s", f->commit);
		fprintf(out, "  %scommit ", DIM(o));
		put(out, c);
		fputs(OFF(o), out);
	}
	if (f->more_paths)
		fprintf(out, "  %s(the same file at %lu more paths, not listed)%s", DIM(o), f->more_paths,
			OFF(o));
	if (f->layer_index >= 0)
		fprintf(out, "  %slayer %ld%s", DIM(o), f->layer_index, OFF(o));
	if (f->config_field) {
		fprintf(out, "  %s", DIM(o));
		put(out, f->config_field);
		fputs(OFF(o), out);
	}
	fputc('\n', out);
	if (f->commit && f->author) {
		fprintf(out, "  %s", DIM(o));
		put(out, f->author);
		fputs(" <", out);
		put(out, f->email);
		fputs("> ", out);
		put(out, f->date);
		fputs(": ", out);
		put(out, f->message);
		fprintf(out, "%s\n", OFF(o));
	}
	if (f->image) {
		fprintf(out, "  %simage ", DIM(o));
		put(out, f->image);
		fputc(' ', out);
		put(out, f->platform);
		if (f->created_by) {
			fputs("  created by: ", out);
			put(out, f->created_by);
		}
		fprintf(out, "%s\n", OFF(o));
	}
	if (f->deleted_in_layer) {
		fprintf(out, "  %sdeleted in layer ", RED(o));
		put(out, f->deleted_in_layer);
		fprintf(out, " (still in the image)%s\n", OFF(o));
	}
}

static bool same_group(const keyhound_finding *a, const keyhound_finding *b)
{
#define EQ(x) ((!a->x && !b->x) || (a->x && b->x && !strcmp(a->x, b->x)))
	return EQ(path) && EQ(commit) && EQ(repository) && EQ(layer) && EQ(image) && EQ(config_field) &&
	       a->commit_message == b->commit_message;
#undef EQ
}

static void one_line(FILE *out, const char *s)
{
	/* the match can span lines (a key block): show its first line */
	size_t n = strcspn(s, "\r\n");
	char *first = kh_strndup(s, n);
	put(out, first);
	fputs(s[n] ? " ..." : "", out);
	free(first);
}

static void human_size(char *buf, size_t n, uint64_t bytes)
{
	const char *units[] = {"B", "KB", "MB", "GB", "TB"};
	double v = (double)bytes;
	int u = 0;
	while (v >= 1000 && u < 4)
		v /= 1000, u++;
	snprintf(buf, n, u ? "%.1f %s" : "%.0f %s", v, units[u]);
}

/* A sweep's summary per repository (the report's extra "repositories"). */
static void print_repositories(FILE *out, const json_t *extra, const keyhound_write_options *o)
{
	const json_t *list = json_object_get(extra, "repositories"), *tot = json_object_get(extra, "sweep"), *s;
	size_t i;
	char size[32];

#define N(obj, k) ((unsigned long long)json_integer_value(json_object_get(obj, k)))
	if (!json_is_array(list))
		return;
	fprintf(out, "%sRepositories: %llu (%llu swept, %llu unchanged, %llu failed); blobs %llu new, "
		"%llu already scanned%s\n", BOLD(o), N(tot, "repositories"), N(tot, "swept"),
		N(tot, "unchanged"), N(tot, "failed"), N(tot, "blobs_new"), N(tot, "blobs_skipped"), OFF(o));
	json_array_foreach(list, i, s) {
		const json_t *err = json_object_get(s, "error");
		char *name = kh_utf8_sanitize(json_string_value(json_object_get(s, "repository")) ?: "");
		for (char *c = name; *c; c++) /* one line per repository, whatever its name */
			if ((unsigned char)*c < 0x20 || *c == 0x7f)
				*c = '?';
		human_size(size, sizeof(size), N(s, "bytes"));
		const char *mirror = json_string_value(json_object_get(s, "mirror"));
		fprintf(out, "  %s  %s%s%s: %llu refs, %llu commits, %llu blobs (%llu new, %llu skipped), %s, "
			"%llu finding%s, %.2f s, %llu error%s\n", name,
			json_string_value(json_object_get(s, "status")) ?: "?", mirror ? ", mirror " : "",
			mirror ? mirror : "", N(s, "refs"), N(s, "commits"),
			N(s, "blobs"), N(s, "blobs_new"), N(s, "blobs_skipped"), size, N(s, "findings"),
			N(s, "findings") == 1 ? "" : "s", json_number_value(json_object_get(s, "seconds")),
			N(s, "errors"), N(s, "errors") == 1 ? "" : "s");
		if (err)
			fprintf(out, "      %s%s%s\n", RED(o),
				json_string_value(json_object_get(err, "reason")) ?: "", OFF(o));
		free(name);
	}
#undef N
}

static void print_summary(FILE *out, const keyhound_report *r, const keyhound_write_options *o)
{
	char size[32];
	if (r->n)
		fputc('\n', out);
	human_size(size, sizeof(size), r->bytes);
	fprintf(out, "%sScanned %s in %llu %s: %zu finding%s.%s\n", BOLD(o), size,
		(unsigned long long)r->blobs, r->blobs == 1 ? "blob" : "blobs", r->n,
		r->n == 1 ? "" : "s", OFF(o));
	if (r->extra)
		print_repositories(out, r->extra, o);
	if (r->n_skip) {
		fputs("Skipped:", out);
		for (size_t i = 0; i < r->n_skip; i++)
			fprintf(out, "%s %s %llu", i ? "," : "", r->skip_reason[i],
				(unsigned long long)r->skip_count[i]);
		fputc('\n', out);
	}
	if (r->allow_suppressed || r->baseline_suppressed)
		fprintf(out, "Suppressed: allowlist %llu, baseline %llu\n",
			(unsigned long long)r->allow_suppressed, (unsigned long long)r->baseline_suppressed);
	for (size_t i = 0; i < r->n_notes; i++)
	{
		fputs("Note: ", out);
		put(out, r->notes[i]);
		fputc('\n', out);
	}
}

/* --verify: live first, then unknown, invalid and unchecked, in location order within each */
static int status_rank(const keyhound_finding *f)
{
	const char *s = f->verification.status;
	return !s ? 3 : !strcmp(s, "live") ? 0 : !strcmp(s, "unknown") ? 1 : 2;
}

static size_t *verify_order(const keyhound_report *r)
{
	size_t *ord = kh_calloc(r->n + 1, sizeof(size_t)), k = 0;
	for (int rank = 0; rank < 4; rank++)
		for (size_t i = 0; i < r->n; i++)
			if (status_rank(&r->v[i].f) == rank)
				ord[k++] = i;
	return ord;
}

static void print_verification(FILE *out, const keyhound_finding *f, const keyhound_write_options *o)
{
	const char *s = f->verification.status;
	bool live = !strcmp(s, "live");
	fprintf(out, "      verified: %s%s%s (%s", live ? RED(o) : "", live ? "LIVE" : s, OFF(o),
		f->verification.reason ? f->verification.reason : "");
	if (f->verification.identity) {
		fputs(", identity ", out);
		put(out, f->verification.identity);
	}
	if (f->verification.scopes) {
		fputs(", scopes ", out);
		put(out, f->verification.scopes);
	}
	fprintf(out, "%s)", f->verification.cached ? ", cached" : "");
	if (live && f->verification.rotate) {
		fputs("  rotate it: ", out);
		put(out, f->verification.rotate);
	}
	fputc('\n', out);
}

int kh_write_human(const keyhound_report *r, FILE *out, const keyhound_write_options *o)
{
	size_t *ord = verify_order(r);
	for (size_t k = 0; k < r->n; k++) {
		size_t i = ord[k];
		const keyhound_finding *f = &r->v[i].f;
		if (!k || !same_group(&r->v[ord[k - 1]].f, f))
			print_group(out, f, o, r->extra && json_object_get(r->extra, "repositories"));
		fprintf(out, "  %s%lu:%lu%s  %s%s%s  %s (%s, %s confidence)%s%s\n", BOLD(o), f->line,
			f->column, OFF(o), f->severity >= KEYHOUND_SEV_HIGH ? RED(o) : "",
			kh_severity_name(f->severity), OFF(o), f->rule_name, f->rule_id,
			kh_confidence_name(f->confidence), f->decoded ? "  decoded from " : "",
			f->decoded ? f->decoded : "");
		fputs("      ", out);
		one_line(out, r->v[i].context ? r->v[i].context : f->match ? f->match : "");
		fputc('\n', out);
		if (f->verification.status)
			print_verification(out, f, o);
	}
	free(ord);
	/* --quiet: findings and errors only, so a run that failed never prints nothing */
	if (!o->quiet)
		print_summary(out, r, o);
	if (r->n_err) {
		size_t listed = r->n_err < 10001 ? r->n_err : 10001;
		fprintf(out, "%s%zu error%s: some input could not be scanned%s\n", RED(o), r->n_err,
			r->n_err == 1 ? "" : "s", OFF(o));
		for (size_t i = 0; i < listed && i < 50; i++) {
			fputs("  ", out);
			put(out, r->err_location[i]);
			fputs(": ", out);
			put(out, r->err_reason[i]);
			fputc('\n', out);
		}
		if (listed > 50)
			fprintf(out, "  ... and %zu more (--format json lists them all)\n", r->n_err - 50);
	}
	return 0;
}
