/* SPDX-License-Identifier: Apache-2.0 */
/* Redaction. A line may hold several secrets, some found by one rule inside another's
 * span, some cut by the edge of what is printed: every one is masked, and what is shown
 * of a masked span (its prefix) never holds a whole secret. */
#include <stdlib.h>
#include <string.h>

#include "core/redact.h"

#define STARS "*****"

/* enough of a prefix to recognise the token kind, never enough to use it */
static size_t prefix_len(size_t n)
{
	return n >= 16 ? 4 : n >= 8 ? 2 : 0;
}

char *kh_redact(const char *s, size_t n)
{
	kh_buf b = {0};
	kh_buf_put(&b, s, prefix_len(n));
	kh_buf_puts(&b, STARS);
	return kh_buf_detach(&b);
}

static int by_start(const void *pa, const void *pb)
{
	const kh_span *a = pa, *b = pb;
	if (a->start != b->start)
		return a->start < b->start ? -1 : 1;
	return a->end < b->end ? -1 : a->end > b->end;
}

void kh_masks_build(kh_masks *out, const kh_span *spans, size_t n)
{
	kh_span *s = kh_calloc(n ? n : 1, sizeof(*s));
	size_t k = 0, bound = 0;

	memcpy(s, spans, n * sizeof(*s));
	qsort(s, n, sizeof(*s), by_start);
	out->v = kh_calloc(n ? n : 1, sizeof(*out->v));
	out->n = 0;
	for (size_t i = 0; i < n; i++) {
		if (s[i].end <= s[i].start)
			continue;
		struct kh_mask *m = k ? &out->v[k - 1] : NULL;
		if (!m || s[i].start >= m->end) {
			m = &out->v[k++];
			m->start = s[i].start;
			m->end = s[i].end;
			bound = prefix_len(s[i].end - s[i].start);
		} else {
			/* a secret inside the region: its own prefix rule bounds what is shown */
			size_t own = s[i].start - m->start + prefix_len(s[i].end - s[i].start);
			if (own < bound)
				bound = own;
			if (s[i].end > m->end)
				m->end = s[i].end;
		}
		m->keep = prefix_len(m->end - m->start) < bound ? prefix_len(m->end - m->start) : bound;
	}
	out->n = k;
	free(s);
}

void kh_masks_free(kh_masks *m)
{
	free(m->v);
	m->v = NULL;
	m->n = 0;
}

/* The first mask that ends after `at`. */
static size_t first_after(const kh_masks *m, size_t at)
{
	size_t lo = 0, hi = m->n;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (m->v[mid].end <= at)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

void kh_masks_put(kh_buf *out, const kh_masks *m, const unsigned char *data, size_t from, size_t to)
{
	size_t at = from;
	for (size_t i = first_after(m, from); i < m->n && m->v[i].start < to; i++) {
		const struct kh_mask *x = &m->v[i];
		if (x->start > at)
			kh_buf_put(out, data + at, x->start - at);
		/* a span cut at `from` shows no prefix: its first bytes are outside what is printed */
		if (x->start >= from)
			kh_buf_put(out, data + x->start, x->keep);
		kh_buf_puts(out, STARS);
		at = x->end;
	}
	if (at < to)
		kh_buf_put(out, data + at, to - at);
}

char *kh_mask_values(const char *text, const char *const *values, const size_t *lens, size_t n)
{
	size_t len = strlen(text), k = 0, cap = 0;
	kh_span *s = NULL;
	kh_masks m;
	kh_buf b = {0};

	for (size_t i = 0; i < n; i++) {
		if (!lens[i])
			continue;
		for (const char *p = text; (p = memmem(p, len - (size_t)(p - text), values[i], lens[i])); p++) {
			if (k == cap)
				s = kh_realloc(s, (cap = cap * 2 + 8) * sizeof(*s));
			s[k++] = (kh_span){(size_t)(p - text), (size_t)(p - text) + lens[i]};
		}
	}
	kh_masks_build(&m, s, k);
	kh_masks_put(&b, &m, (const unsigned char *)text, 0, len);
	kh_masks_free(&m);
	free(s);
	return kh_buf_detach(&b);
}
