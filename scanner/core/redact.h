/* SPDX-License-Identifier: Apache-2.0 */
/* Redaction: how a secret is shown when secrets are not (--show-secrets), and how
 * a line or span about to be printed has every secret on it masked. */
#ifndef KH_REDACT_H
#define KH_REDACT_H

#include "core/kh.h"

/* A span of bytes [start, end) that some rule matched as a secret. */
typedef struct {
	size_t start, end;
} kh_span;

/* Secret spans made disjoint (overlapping ones merged) and sorted, each with the
 * prefix it may show: short enough that no secret inside it is shown whole. */
typedef struct {
	struct kh_mask {
		size_t start, end, keep;
	} *v;
	size_t n;
} kh_masks;

/* s (n bytes) as printed: a prefix that names the token kind, never the whole, and "*****". */
char *kh_redact(const char *s, size_t n);

/* Build the masks of spans given in any order, overlapping or nested. */
void kh_masks_build(kh_masks *out, const kh_span *spans, size_t n);
void kh_masks_free(kh_masks *m);

/* Append data[from, to) to out with every masked span shown as its prefix and "*****".
 * A span that crosses from or to is shown whole, masked: no part of a secret is left at
 * a cut. Every byte outside the spans is copied. */
void kh_masks_put(kh_buf *out, const kh_masks *m, const unsigned char *data, size_t from, size_t to);

/* A copy of the NUL-terminated text with every occurrence of each value masked
 * (values[i] of lens[i] bytes; empty values are ignored). */
char *kh_mask_values(const char *text, const char *const *values, const size_t *lens, size_t n);

#endif
