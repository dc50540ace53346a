/* SPDX-License-Identifier: Apache-2.0 */
/* The report: a thread-safe collector of findings, byte and blob counts,
 * skips by reason and errors, so a report is also an audit of the scan. */
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "core/kh.h"
#include "core/report.h"

void kh_report_init(keyhound_report *r)
{
	memset(r, 0, sizeof(*r));
	pthread_mutex_init(&r->lock, NULL);
}

const char *kh_skip_name(kh_skip reason)
{
	static const char *const names[KH_SKIP_COUNT] = {
		[KH_SKIP_NONE] = "none",
		[KH_SKIP_FILE_SIZE] = "max-file-size",
		[KH_SKIP_BINARY] = "binary",
		[KH_SKIP_SYMLINK] = "symlink",
		[KH_SKIP_SPECIAL_FILE] = "special-file",
		[KH_SKIP_FOLDER_DEPTH] = "max-folder-depth",
		[KH_SKIP_ARCHIVE_DEPTH] = "max-archive-depth",
		[KH_SKIP_ARCHIVE_ENTRIES] = "max-archive-entries",
		[KH_SKIP_ARCHIVE_TOTAL] = "max-decompressed",
		[KH_SKIP_ARCHIVE_RATIO] = "max-ratio",
		[KH_SKIP_ARCHIVE_ENCRYPTED] = "encrypted-archive-entry",
		[KH_SKIP_LAYERS] = "max-layers",
		[KH_SKIP_WHITEOUTS] = "max-whiteouts",
		[KH_SKIP_FINDINGS_PER_BLOB] = "max-findings-per-blob",
		[KH_SKIP_RULE_PACK] = "keyhound-rule-pack",
		[KH_SKIP_ARCHIVE_UNREADABLE] = "archive-unreadable",
		[KH_SKIP_TRANSCODE] = "max-transcode",
	};
	return (unsigned)reason < KH_SKIP_COUNT ? names[reason] : "unknown";
}

void kh_report_skip(keyhound_report *r, kh_skip reason)
{
	kh_report_skip_n(r, kh_skip_name(reason), 1);
}

void kh_report_skip_n(keyhound_report *r, const char *reason, uint64_t n)
{
	if (!n)
		return;
	pthread_mutex_lock(&r->lock);
	size_t i;
	for (i = 0; i < r->n_skip; i++)
		if (!strcmp(r->skip_reason[i], reason))
			break;
	if (i == r->n_skip) {
		r->skip_reason = kh_realloc(r->skip_reason, (i + 1) * sizeof(char *));
		r->skip_count = kh_realloc(r->skip_count, (i + 1) * sizeof(uint64_t));
		r->skip_reason[i] = kh_strdup(reason);
		r->skip_count[i] = 0;
		r->n_skip++;
	}
	r->skip_count[i] += n;
	pthread_mutex_unlock(&r->lock);
}


void kh_report_error(keyhound_report *r, const char *location, const char *fmt, ...)
{
	va_list ap;
	kh_buf b = {0};
	char tmp[512];
	va_start(ap, fmt);
	vsnprintf(tmp, sizeof(tmp), fmt, ap);
	va_end(ap);
	kh_buf_puts(&b, tmp);
	pthread_mutex_lock(&r->lock);
	size_t i = r->n_err;
	if (i < KH_MAX_LISTED_ERRORS) {
		r->err_location = kh_realloc(r->err_location, (i + 1) * sizeof(char *));
		r->err_reason = kh_realloc(r->err_reason, (i + 1) * sizeof(char *));
		r->err_location[i] = kh_strdup(location ? location : "");
		r->err_reason[i] = kh_buf_detach(&b);
	} else if (i == KH_MAX_LISTED_ERRORS) {
		r->err_location = kh_realloc(r->err_location, (i + 1) * sizeof(char *));
		r->err_reason = kh_realloc(r->err_reason, (i + 1) * sizeof(char *));
		r->err_location[i] = kh_strdup("");
		r->err_reason[i] = kh_strdup("further errors not listed");
	}
	r->n_err++;
	pthread_mutex_unlock(&r->lock);
	kh_buf_free(&b);
}

void kh_report_note(keyhound_report *r, const char *fmt, ...)
{
	va_list ap;
	char tmp[512];
	va_start(ap, fmt);
	vsnprintf(tmp, sizeof(tmp), fmt, ap);
	va_end(ap);
	pthread_mutex_lock(&r->lock);
	r->notes = kh_realloc(r->notes, (r->n_notes + 1) * sizeof(char *));
	r->notes[r->n_notes++] = kh_strdup(tmp);
	pthread_mutex_unlock(&r->lock);
}

void kh_report_set_target(keyhound_report *r, const char *name)
{
	pthread_mutex_lock(&r->lock);
	if (!r->target && name)
		r->target = kh_strdup(name);
	pthread_mutex_unlock(&r->lock);
}

const char *keyhound_report_target(const keyhound_report *r)
{
	return r ? r->target : NULL;
}

int keyhound_report_error(const keyhound_report *r, size_t i, const char **location,
			  const char **reason)
{
	size_t listed = r->n_err < KH_MAX_LISTED_ERRORS + 1 ? r->n_err : KH_MAX_LISTED_ERRORS + 1;
	if (i >= listed)
		return KEYHOUND_ENOTFOUND;
	*location = r->err_location[i];
	*reason = r->err_reason[i];
	return 0;
}

void kh_report_add_bytes(keyhound_report *r, uint64_t bytes, uint64_t blobs)
{
	pthread_mutex_lock(&r->lock);
	r->bytes += bytes;
	r->blobs += blobs;
	pthread_mutex_unlock(&r->lock);
}

void kh_report_add(keyhound_report *r, kh_finding_rec *rec)
{
	pthread_mutex_lock(&r->lock);
	if (r->n == r->cap) {
		r->cap = r->cap ? r->cap * 2 : 64;
		r->v = kh_realloc(r->v, r->cap * sizeof(*r->v));
	}
	r->v[r->n++] = *rec;
	if (r->sink && !r->stopped && r->sink(&r->v[r->n - 1], r->sink_payload))
		r->stopped = true;
	pthread_mutex_unlock(&r->lock);
}

int kh_report_status(keyhound_report *r, int error)
{
	if (r->stopped && error >= 0)
		return kh_error(KEYHOUND_EUSER, "the findings callback stopped the scan");
	return error;
}

static int cmp_str(const char *a, const char *b)
{
	return strcmp(a ? a : "", b ? b : "");
}

static int cmp_rec(const void *pa, const void *pb)
{
	const kh_finding_rec *a = pa, *b = pb;
	int c;
	if (a->seq != b->seq)
		return a->seq < b->seq ? -1 : 1;
	if (a->occ != b->occ)
		return a->occ < b->occ ? -1 : 1;
	if ((c = cmp_str(a->f.path, b->f.path)))
		return c;
	if (a->offset != b->offset)
		return a->offset < b->offset ? -1 : 1;
	if ((c = cmp_str(a->f.rule_id, b->f.rule_id)))
		return c;
	return cmp_str(a->f.fingerprint, b->f.fingerprint);
}

void kh_report_sort(keyhound_report *r)
{
	if (r->n > 1)
		qsort(r->v, r->n, sizeof(*r->v), cmp_rec);
}

void kh_finding_clear(keyhound_finding *f)
{
	char **strs[] = {(char **)&f->rule_id, (char **)&f->rule_name, (char **)&f->secret,
			 (char **)&f->match, (char **)&f->fingerprint, (char **)&f->path,
			 (char **)&f->commit, (char **)&f->author, (char **)&f->email,
			 (char **)&f->date, (char **)&f->message, (char **)&f->repository,
			 (char **)&f->image, (char **)&f->platform, (char **)&f->layer,
			 (char **)&f->created_by, (char **)&f->deleted_in_layer,
			 (char **)&f->config_field, (char **)&f->root_path,
			 (char **)&f->last_commit};
	for (size_t i = 0; i < sizeof(strs) / sizeof(strs[0]); i++) {
		free(*strs[i]);
		*strs[i] = NULL;
	}
	kh_finding_clear_verification(f);
	/* decoded is a static string */
}

void kh_finding_clear_verification(keyhound_finding *f)
{
	char **vs[] = {(char **)&f->verification.status, (char **)&f->verification.reason,
		       (char **)&f->verification.checked_at, (char **)&f->verification.identity,
		       (char **)&f->verification.scopes, (char **)&f->verification.rotate};
	for (size_t i = 0; i < sizeof(vs) / sizeof(vs[0]); i++) {
		free(*vs[i]);
		*vs[i] = NULL;
	}
	f->verification.cached = 0;
}

void kh_verify_input_free(kh_verify_input *v)
{
	if (!v)
		return;
	if (v->secret) {
		explicit_bzero(v->secret, v->sn);
		free(v->secret);
	}
	for (size_t k = 0; k < v->n_parts; k++)
		for (size_t q = 0; q < KH_VERIFY_CANDIDATES; q++)
			if (v->parts[k][q]) {
				explicit_bzero(v->parts[k][q], strlen(v->parts[k][q]));
				free(v->parts[k][q]);
			}
	free(v->parts);
	free(v);
}

void kh_report_triage_free(struct kh_report_triage *t)
{
	if (!t)
		return;
	free(t->hits);
	for (size_t i = 0; i < t->n_baselined; i++)
		free(t->baselined[i]);
	free(t->baselined);
	free(t);
}

void keyhound_report_free(keyhound_report *r)
{
	if (!r)
		return;
	for (size_t i = 0; i < r->n; i++) {
		kh_finding_clear(&r->v[i].f);
		free(r->v[i].context);
		kh_verify_input_free(r->v[i].vin);
	}
	free(r->v);
	kh_report_triage_free(r->triage);
	for (size_t i = 0; i < r->n_skip; i++)
		free(r->skip_reason[i]);
	free(r->skip_reason);
	free(r->skip_count);
	size_t listed = r->n_err > KH_MAX_LISTED_ERRORS ? KH_MAX_LISTED_ERRORS + 1 : r->n_err;
	for (size_t i = 0; i < listed; i++) {
		free(r->err_location[i]);
		free(r->err_reason[i]);
	}
	free(r->err_location);
	free(r->err_reason);
	for (size_t i = 0; i < r->n_notes; i++)
		free(r->notes[i]);
	free(r->notes);
	free(r->rules_version);
	free(r->target);
	json_decref(r->extra);
	pthread_mutex_destroy(&r->lock);
	free(r);
}

size_t keyhound_report_count(const keyhound_report *r)
{
	return r ? r->n : 0;
}

const keyhound_finding *keyhound_report_get(const keyhound_report *r, size_t i)
{
	return r && i < r->n ? &r->v[i].f : NULL;
}

void keyhound_report_summary(const keyhound_report *r, keyhound_summary *out)
{
	memset(out, 0, sizeof(*out));
	out->bytes = r->bytes;
	out->blobs = r->blobs;
	out->findings = r->n;
	out->errors = r->n_err;
	for (size_t i = 0; i < r->n_skip; i++)
		out->skipped += r->skip_count[i];
}

int keyhound_report_exit_code(const keyhound_report *r, int strict)
{
	return keyhound_report_exit_code_n(r, strict, 1);
}

int keyhound_report_exit_code_n(const keyhound_report *r, int strict, int findings)
{
	if (r->n && findings)
		return findings;
	if (r->n_err)
		return 2;
	if (strict)
		for (size_t i = 0; i < r->n_skip; i++)
			if (r->skip_count[i])
				return 2;
	return 0;
}

/* ---- one finding per secret in history ---- */

/* "2024-01-02T03:04:05+01:00" in seconds since 1970 (0 when it does not parse). */
static int64_t iso_seconds(const char *s)
{
	int y, mo, d, h, mi, se, oh = 0, om = 0;
	char sign = '+';
	if (!s || sscanf(s, "%d-%d-%dT%d:%d:%d%c%d:%d", &y, &mo, &d, &h, &mi, &se, &sign, &oh, &om) < 6)
		return 0;
	/* days from civil (proleptic Gregorian) */
	y -= mo <= 2;
	int64_t era = (y >= 0 ? y : y - 399) / 400;
	int64_t yoe = y - era * 400, doy = (153 * (mo + (mo > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	int64_t days = era * 146097 + yoe * 365 + yoe / 4 - yoe / 100 + doy - 719468;
	int64_t off = (int64_t)(oh * 3600 + om * 60) * (sign == '-' ? -1 : 1);
	return days * 86400 + h * 3600 + mi * 60 + se - off;
}

typedef struct {
	size_t i;                       /* index in r->v */
	int64_t when;                   /* the commit's place: rank, else its date */
} group_ref;

static int cmp_group(const void *pa, const void *pb, void *payload)
{
	const keyhound_report *r = payload;
	const group_ref *a = pa, *b = pb;
	const kh_finding_rec *x = &r->v[a->i], *y = &r->v[b->i];
	int c;
	if ((c = cmp_str(x->f.repository, y->f.repository)))
		return c;
	if (x->f.commit_message != y->f.commit_message)
		return x->f.commit_message < y->f.commit_message ? -1 : 1;
	if ((c = cmp_str(x->f.fingerprint, y->f.fingerprint)))
		return c;
	if (a->when != b->when)
		return a->when < b->when ? -1 : 1;
	if (x->seq != y->seq)
		return x->seq < y->seq ? -1 : 1;
	if (x->occ != y->occ)
		return x->occ < y->occ ? -1 : 1;
	return x->offset < y->offset ? -1 : x->offset > y->offset;
}

static bool same_group(const kh_finding_rec *x, const kh_finding_rec *y)
{
	return !cmp_str(x->f.repository, y->f.repository) &&
	       x->f.commit_message == y->f.commit_message &&
	       !cmp_str(x->f.fingerprint, y->f.fingerprint);
}

typedef struct {
	uint64_t seq;
	unsigned long occ;
} blob_count;

/* by blob, the largest count first */
static int cmp_blob(const void *pa, const void *pb)
{
	const blob_count *a = pa, *b = pb;
	if (a->seq != b->seq)
		return a->seq < b->seq ? -1 : 1;
	return a->occ > b->occ ? -1 : a->occ < b->occ;
}

void kh_report_group(keyhound_report *r)
{
	group_ref *g = kh_calloc(r->n + 1, sizeof(*g));
	bool *drop = kh_calloc(r->n + 1, sizeof(bool));
	blob_count *seqs = kh_calloc(r->n + 1, sizeof(*seqs));
	size_t n = 0, kept = 0;
	/* every rank is known, or times are compared by date: ranks and dates do not mix */
	bool ranks = true;

	for (size_t i = 0; i < r->n; i++)
		if (r->v[i].f.source == KEYHOUND_SOURCE_GIT && !r->v[i].commit_rank)
			ranks = false;
	for (size_t i = 0; i < r->n; i++)
		if (r->v[i].f.source == KEYHOUND_SOURCE_GIT)
			g[n++] = (group_ref){i, ranks ? (int64_t)r->v[i].commit_rank
						      : iso_seconds(r->v[i].f.date)};
	if (n > 1)
		qsort_r(g, n, sizeof(*g), cmp_group, r);
	for (size_t a = 0, b; a < n; a = b) {
		kh_finding_rec *first = &r->v[g[a].i];
		size_t last = a, k = 0;
		int in_head = first->f.in_head;
		for (b = a + 1; b < n && same_group(first, &r->v[g[b].i]); b++)
			;
		for (size_t x = a; x < b; x++) {
			const kh_finding_rec *rec = &r->v[g[x].i];
			if (g[x].when >= g[last].when)
				last = x;
			if (rec->f.in_head > in_head)
				in_head = rec->f.in_head;
			seqs[k++] = (blob_count){rec->seq, rec->f.occurrences ? rec->f.occurrences : 1};
		}
		/* occurrences: distinct blobs (one blob may hold the secret on two lines); a
		 * finding grouped before (a sweep's state, a shard) brings its own count */
		qsort(seqs, k, sizeof(*seqs), cmp_blob);
		unsigned long occ = 0;
		for (size_t x = 0; x < k; x++)
			if (!x || seqs[x].seq != seqs[x - 1].seq)
				occ += seqs[x].occ;
		const kh_finding_rec *lr = &r->v[g[last].i];
		const char *last_commit = lr->f.last_commit ? lr->f.last_commit : lr->f.commit;
		char *lc = last_commit ? kh_strdup(last_commit) : NULL;
		free((char *)first->f.last_commit);
		first->f.last_commit = lc;
		first->f.occurrences = occ;
		first->f.in_head = in_head;
		for (size_t x = a + 1; x < b; x++)
			drop[g[x].i] = true;
	}
	for (size_t i = 0; i < r->n; i++) {
		if (drop[i]) {
			kh_finding_clear(&r->v[i].f);
			free(r->v[i].context);
			continue;
		}
		r->v[kept++] = r->v[i];
	}
	r->n = kept;
	free(g);
	free(drop);
	free(seqs);
}
