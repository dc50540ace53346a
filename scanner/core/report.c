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
	char **vs[] = {(char **)&f->verification.status, (char **)&f->verification.reason,
		       (char **)&f->verification.checked_at, (char **)&f->verification.identity,
		       (char **)&f->verification.scopes, (char **)&f->verification.rotate};
	for (size_t i = 0; i < sizeof(vs) / sizeof(vs[0]); i++) {
		free(*vs[i]);
		*vs[i] = NULL;
	}
	/* decoded is a static string */
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
	if (r->n)
		return 1;
	if (r->n_err)
		return 2;
	if (strict)
		for (size_t i = 0; i < r->n_skip; i++)
			if (r->skip_count[i])
				return 2;
	return 0;
}
