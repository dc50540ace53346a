/* SPDX-License-Identifier: Apache-2.0 */
/* Secrets hidden one encoding away: Kubernetes Secret `data:` values, docker
 * config `auth`, HTTP Basic headers, kubeconfig `*-data` fields. Runs of base64
 * (20+ characters) and percent-encoded tokens are decoded and matched again; a
 * finding reports the encoded run's position and the decoded secret. */
#include <stdlib.h>
#include <string.h>

#include "decode/decode.h"

#define MIN_RUN 20
/* decoded bytes examined per blob, whatever its size */
#define MAX_DECODED_PER_BLOB ((size_t)16 << 20)

/* base64 and base64url digit values; -1 for other bytes */
static const signed char b64val[256] = {
	-1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1,
	-1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1,
	-1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, 62, -1, 62, -1, 63,
	52, 53, 54, 55, 56, 57, 58, 59, 60, 61, -1, -1, -1, -1, -1, -1,
	-1, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14,
	15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, -1, -1, -1, -1, 63,
	-1, 26, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 37, 38, 39, 40,
	41, 42, 43, 44, 45, 46, 47, 48, 49, 50, 51, -1, -1, -1, -1, -1,
	-1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1,
	-1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1,
	-1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1,
	-1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1,
	-1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1,
	-1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1,
	-1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1,
	-1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1,
};

/* what the run finder looks for: 1 a base64 character, 2 '%', 0 anything else */
static const unsigned char cls[256] = {
	0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
	0, 0, 0, 0, 0, 2, 0, 0, 0, 0, 0, 1, 0, 1, 0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0, 0,
	0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 1,
	0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0,
	0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
	0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
	0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
	0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
};

long kh_base64_decode(const unsigned char *in, size_t n, unsigned char *out)
{
	uint32_t acc = 0;
	int bits = 0;
	long o = 0;
	while (n && in[n - 1] == '=')
		n--;
	if (n % 4 == 1)
		return -1;
	for (size_t i = 0; i < n; i++) {
		int v = b64val[in[i]];
		if (v < 0)
			return -1;
		acc = acc << 6 | (uint32_t)v;
		bits += 6;
		if (bits >= 8) {
			bits -= 8;
			out[o++] = (unsigned char)(acc >> bits);
		}
	}
	return o;
}

static int hexval(unsigned char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

long kh_percent_decode(const unsigned char *in, size_t n, unsigned char *out)
{
	long o = 0;
	for (size_t i = 0; i < n; i++) {
		int h, l;
		if (in[i] == '%' && i + 2 < n && (h = hexval(in[i + 1])) >= 0 &&
		    (l = hexval(in[i + 2])) >= 0) {
			out[o++] = (unsigned char)(h << 4 | l);
			i += 2;
		} else {
			out[o++] = in[i];
		}
	}
	return o;
}

/* Decoded text worth matching: almost all printable, as secrets and config are. */
static bool mostly_text(const unsigned char *p, size_t n)
{
	size_t bad = 0;
	for (size_t i = 0; i < n; i++)
		if (!((p[i] >= 0x20 && p[i] < 0x7f) || p[i] == '\n' || p[i] == '\r' || p[i] == '\t'))
			bad++;
	return bad * 20 <= n;
}

static bool is_token_char(unsigned char c)
{
	return c > 0x20 && c < 0x7f && c != '"' && c != '\'' && c != '<' && c != '>' && c != '`';
}

typedef struct {
	const kh_ruleset *rs;
	kh_scratch *s;
	const keyhound_limits *limits;
	kh_matches *out;
	size_t budget;
} dctx;

static int decode_level(dctx *c, const unsigned char *data, size_t len, unsigned depth,
			size_t run_start, size_t run_end, const char *kind, bool top);

/* Match decoded bytes; record each match at the encoded run's position. */
static int match_decoded(dctx *c, const unsigned char *dec, size_t dlen, unsigned depth,
			 size_t run_start, size_t run_end, const char *kind, bool top)
{
	kh_matches inner = {0};
	int error = kh_match_raw(c->rs, c->s, dec, dlen, c->limits, &inner);
	for (size_t i = 0; i < inner.n && !error; i++) {
		kh_matches *o = c->out;
		kh_match *m = &inner.v[i];
		if (o->n >= c->limits->max_findings_per_blob * KH_MATCH_HARD_CAP) {
			o->truncated = o->full = true;
			break;
		}
		if (o->n == o->cap) {
			o->cap = o->cap ? o->cap * 2 : 16;
			o->v = kh_realloc(o->v, o->cap * sizeof(*o->v));
		}
		kh_match d = {.rule = m->rule, .decoded = kind};
		d.start = d.sec_start = run_start;
		d.end = d.sec_end = run_end;
		d.decoded_secret = kh_strndup((const char *)dec + m->sec_start, m->sec_end - m->sec_start);
		d.decoded_secret_len = m->sec_end - m->sec_start;
		d.decoded_match = kh_strndup((const char *)dec + m->start, m->end - m->start);
		o->v[o->n++] = d;
	}
	kh_matches_free(&inner);
	if (!error && depth < c->limits->max_decoded_depth)
		error = decode_level(c, dec, dlen, depth + 1, run_start, run_end, kind, false);
	return error;
}

static int try_base64(dctx *c, const unsigned char *data, size_t a, size_t b, unsigned depth,
		      size_t rs, size_t re, bool top)
{
	size_t n = b - a;
	unsigned char *dec;
	long dlen;
	int error = 0;
	if (n > c->budget)
		return 0;
	dec = kh_malloc(n);
	dlen = kh_base64_decode(data + a, n, dec);
	if (dlen >= 12 && mostly_text(dec, (size_t)dlen)) {
		c->budget -= (size_t)dlen;
		error = match_decoded(c, dec, (size_t)dlen, depth, top ? a : rs, top ? b : re, "base64", top);
	}
	free(dec);
	return error;
}

static int try_percent(dctx *c, const unsigned char *data, size_t a, size_t b, unsigned depth,
		       size_t rs, size_t re, bool top)
{
	size_t n = b - a, escapes = 0;
	unsigned char *dec;
	long dlen;
	int error = 0;
	for (size_t i = a; i + 2 < b; i++)
		if (data[i] == '%' && hexval(data[i + 1]) >= 0 && hexval(data[i + 2]) >= 0)
			escapes++;
	if (!escapes || n > c->budget)
		return 0;
	dec = kh_malloc(n);
	dlen = kh_percent_decode(data + a, n, dec);
	if (dlen > 0) {
		c->budget -= (size_t)dlen;
		error = match_decoded(c, dec, (size_t)dlen, depth, top ? a : rs, top ? b : re, "percent", top);
	}
	free(dec);
	return error;
}

/* A run of base64 characters [a, b): decode it if it could be base64. */
static int consider_run(dctx *c, const unsigned char *data, size_t len, size_t a, size_t b,
			unsigned depth, size_t run_start, size_t run_end, bool top)
{
	size_t end = b;
	bool mixed = false;
	while (end < len && data[end] == '=' && end - b < 2)
		end++;
	/* identifiers are long runs too: real base64 mixes in digits, or is long */
	for (size_t k = a; k < b && !mixed; k++)
		mixed = data[k] >= '0' && data[k] <= '9';
	if (!mixed && b - a < 32)
		return 0;
	return try_base64(c, data, a, end, depth, run_start, run_end, top);
}

static int decode_level(dctx *c, const unsigned char *data, size_t len, unsigned depth,
			size_t run_start, size_t run_end, const char *kind, bool top)
{
	int error = 0;
	/* The hot path of every scan. A run of MIN_RUN or more base64 characters
	 * holds one of every MIN_RUN-th byte: look only at those, and measure the
	 * run around each one that is a base64 character. */
	for (size_t p = MIN_RUN - 1; p < len && !error; p += MIN_RUN) {
		size_t ra = p, rb = p + 1;
		if (cls[data[p]] != 1)
			continue;
		while (ra > 0 && cls[data[ra - 1]] == 1)
			ra--;
		while (rb < len && cls[data[rb]] == 1)
			rb++;
		if (rb - ra >= MIN_RUN)
			error = consider_run(c, data, len, ra, rb, depth, run_start, run_end, top);
		if (!c->budget || c->out->full)
			return error;
		p = rb; /* the next run starts after rb: it holds rb + MIN_RUN or later */
	}
	/* percent escapes: the token around each '%' */
	for (const unsigned char *q = memchr(data, '%', len); q && !error;) {
		size_t i = (size_t)(q - data), pa = i, pb = i + 1;
		while (pa > 0 && is_token_char(data[pa - 1]))
			pa--;
		while (pb < len && is_token_char(data[pb]))
			pb++;
		error = try_percent(c, data, pa, pb, depth, run_start, run_end, top);
		if (!c->budget || c->out->full || pb >= len)
			break;
		q = memchr(data + pb, '%', len - pb);
	}
	return error;
}

int kh_decode_and_match(const kh_ruleset *rs, kh_scratch *s, const unsigned char *data, size_t len,
			const keyhound_limits *limits, unsigned depth, kh_matches *out)
{
	dctx c = {rs, s, limits, out, MAX_DECODED_PER_BLOB};
	return decode_level(&c, data, len, depth, 0, 0, NULL, true);
}
