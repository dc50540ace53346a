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

void kh_report_scrub(keyhound_report *r)
{
	for (size_t i = 0; i < r->n; i++) {
		kh_finding_rec *src = &r->v[i];
		if (!src->scrub)
			continue;
		for (size_t k = 0; k < r->n; k++) {
			keyhound_finding *f = &r->v[k].f;
			scrub_field(&f->message, src->scrub, src->scrub_len);
			scrub_field(&f->created_by, src->scrub, src->scrub_len);
		}
		free(src->scrub);
		src->scrub = NULL;
	}
}
