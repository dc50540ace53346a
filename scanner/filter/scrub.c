/* SPDX-License-Identifier: Apache-2.0 */
/* A secret found in a commit message is also in the `message` of every finding
 * of that commit (and one found in an image's history in the `created_by` of its
 * layer's findings). The judge keeps those secrets aside; here, once the scan is
 * done, each is redacted wherever it appears in those fields. */
#include <stdlib.h>
#include <string.h>

#include "filter/judge.h"
#include "filter/scrub.h"

/* s with every occurrence of secret replaced by its redaction; NULL when absent. */
static char *redact_in(const char *s, const char *secret, size_t n)
{
	const char *at = memmem(s, strlen(s), secret, n);
	if (!at)
		return NULL;
	char *red = kh_redact(secret, n);
	kh_buf b = {0};
	while (at) {
		kh_buf_put(&b, s, (size_t)(at - s));
		kh_buf_puts(&b, red);
		s = at + n;
		at = memmem(s, strlen(s), secret, n);
	}
	kh_buf_puts(&b, s);
	free(red);
	return kh_buf_detach(&b);
}

static void scrub_field(const char **field, const char *secret, size_t n)
{
	char *clean;
	if (*field && (clean = redact_in(*field, secret, n))) {
		free((char *)*field);
		*field = clean;
	}
}

static int cmp_commit(const void *a, const void *b, void *payload)
{
	const keyhound_report *r = payload;
	const char *x = r->v[*(const size_t *)a].f.commit;
	const char *y = r->v[*(const size_t *)b].f.commit;
	return strcmp(x ? x : "", y ? y : "");
}

/* A commit message's secret is in the `message` of that commit's findings only, so
 * those are found by commit (sorted) rather than by a pass over every finding. An
 * image configuration's secret can be in any layer's `created_by`, but an image has
 * few configuration fields. */
void kh_report_scrub(keyhound_report *r)
{
	size_t *by_commit = NULL;
	for (size_t i = 0; i < r->n; i++) {
		kh_finding_rec *src = &r->v[i];
		if (!src->scrub)
			continue;
		if (src->f.commit_message && src->f.commit) {
			if (!by_commit) {
				by_commit = kh_calloc(r->n, sizeof(size_t));
				for (size_t k = 0; k < r->n; k++)
					by_commit[k] = k;
				qsort_r(by_commit, r->n, sizeof(size_t), cmp_commit, r);
			}
			size_t lo = 0, hi = r->n;
			while (lo < hi) {
				size_t mid = lo + (hi - lo) / 2;
				const char *c = r->v[by_commit[mid]].f.commit;
				if (strcmp(c ? c : "", src->f.commit) < 0)
					lo = mid + 1;
				else
					hi = mid;
			}
			for (size_t k = lo; k < r->n; k++) {
				keyhound_finding *f = &r->v[by_commit[k]].f;
				if (!f->commit || strcmp(f->commit, src->f.commit))
					break;
				scrub_field(&f->message, src->scrub, src->scrub_len);
			}
		} else {
			for (size_t k = 0; k < r->n; k++) {
				scrub_field(&r->v[k].f.message, src->scrub, src->scrub_len);
				scrub_field(&r->v[k].f.created_by, src->scrub, src->scrub_len);
			}
		}
		free(src->scrub);
		src->scrub = NULL;
	}
	free(by_commit);
}
