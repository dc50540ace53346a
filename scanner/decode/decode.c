/* SPDX-License-Identifier: Apache-2.0 */
/* Secrets hidden one encoding away: Kubernetes Secret `data:` values, docker
 * config `auth`, HTTP Basic headers, kubeconfig `*-data` fields. Runs of base64
 * (20+ characters) and percent-encoded tokens are decoded and matched again; a
 * finding reports the encoded run's position and the decoded secret. */
#include <stdlib.h>
#include <string.h>

#include "decode/decode.h"
#include "match/match.h"
#include "rules/ruleset.h"

#define MIN_RUN 20
/* decoded bytes examined per blob, whatever its size */
#define MAX_DECODED_PER_BLOB ((size_t)16 << 20)
/* whole-blob transcodings (UTF-16, JSON escapes) for blobs up to this size */
#define MAX_TRANSCODE ((size_t)4 << 20)


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

long kh_percent_decode(const unsigned char *in, size_t n, unsigned char *out)
{
	long o = 0;
	for (size_t i = 0; i < n; i++) {
		int h, l;
		if (in[i] == '%' && i + 2 < n && (h = kh_hex_digit(in[i + 1])) >= 0 &&
		    (l = kh_hex_digit(in[i + 2])) >= 0) {
			out[o++] = (unsigned char)(h << 4 | l);
			i += 2;
		} else {
			out[o++] = in[i];
		}
	}
	return o;
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

/* Record match m of decoded bytes dec at blob span [start, end) (the encoded bytes it
 * came from); false once the blob's match cap is reached. */
static bool add_decoded(dctx *c, const kh_match *m, const unsigned char *dec, size_t start,
			size_t end, const char *kind)
{
	kh_matches *o = c->out;
	if (kh_matches_at_cap(o, c->limits->max_findings_per_blob))
		return false;
	kh_match d = {.rule = m->rule, .decoded = kind};
	d.start = d.sec_start = start;
	d.end = d.sec_end = end;
	d.decoded_secret = kh_strndup((const char *)dec + m->sec_start, m->sec_end - m->sec_start);
	d.decoded_secret_len = m->sec_end - m->sec_start;
	d.decoded_match = kh_strndup((const char *)dec + m->start, m->end - m->start);
	return kh_matches_push(o, c->limits->max_findings_per_blob, &d);
}

/* Match decoded bytes; record each match at the encoded run's position. */
static int match_decoded(dctx *c, const unsigned char *dec, size_t dlen, unsigned depth,
			 size_t run_start, size_t run_end, const char *kind, bool top)
{
	kh_matches inner = {0};
	int error = kh_match_raw(c->rs, c->s, dec, dlen, c->limits, &inner);
	for (size_t i = 0; i < inner.n && !error; i++)
		if (!add_decoded(c, &inner.v[i], dec, run_start, run_end, kind))
			break;
	kh_matches_free(&inner);
	if (!error && depth < c->limits->max_decoded_depth)
		error = decode_level(c, dec, dlen, depth + 1, run_start, run_end, kind, false);
	return error;
}

static bool is_text_byte(unsigned char b)
{
	return (b >= 0x20 && b < 0x7f) || b == '\n' || b == '\r' || b == '\t';
}

/* Decode base64 that must come out as text worth matching (at most one byte in 20
 * not printable, as secrets and config are), giving up as soon as it cannot: most
 * runs are identifiers, whose "decoding" is noise from its first bytes. Returns
 * the length, or -1. */
static long decode_b64_text(const unsigned char *in, size_t n, unsigned char *out)
{
	size_t bad = 0, allowed, o = 0;
	while (n && in[n - 1] == '=')
		n--;
	if (n % 4 == 1)
		return -1;
	allowed = n * 6 / 8 / 20;
	/* in blocks of 16 characters (12 bytes, whole quads): noise is given up on early */
	for (size_t i = 0; i < n; i += 16) {
		size_t k = n - i < 16 ? n - i : 16;
		long got = in[i + k - 1] == '=' ? -1 : kh_base64_decode(in + i, k, out + o);
		if (got < 0)
			return -1;
		for (long x = 0; x < got; x++)
			if (!is_text_byte(out[o + (size_t)x]) && ++bad > allowed)
				return -1;
		o += (size_t)got;
	}
	return (long)o;
}

static bool has_digit(const unsigned char *p, size_t n)
{
	for (size_t k = 0; k < n; k++)
		if (p[k] >= '0' && p[k] <= '9')
			return true;
	return false;
}

/* Base64 at [a, b) (its padding included). Identifiers are long runs too: a short
 * run must mix in a digit, checked after the decoding, which gives up sooner. */
static int try_base64(dctx *c, const unsigned char *data, size_t a, size_t b, size_t run_len,
		      unsigned depth, size_t rs, size_t re, bool top)
{
	size_t n = b - a;
	unsigned char small[768], *dec = small;
	long dlen;
	int error = 0;
	if (n > c->budget)
		return 0;
	if (n > sizeof(small))
		dec = kh_malloc(n);
	dlen = decode_b64_text(data + a, n, dec);
	if (dlen >= 12 && (run_len >= 32 || has_digit(data + a, run_len))) {
		c->budget -= (size_t)dlen;
		error = match_decoded(c, dec, (size_t)dlen, depth, top ? a : rs, top ? b : re, "base64", top);
	}
	if (dec != small)
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
		if (data[i] == '%' && kh_hex_digit(data[i + 1]) >= 0 && kh_hex_digit(data[i + 2]) >= 0)
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
	while (end < len && data[end] == '=' && end - b < 2)
		end++;
	return try_base64(c, data, a, end, b - a, depth, run_start, run_end, top);
}

/* The first run of MIN_RUN or more base64 characters that starts at or after p
 * (data[p - 1], if any, is not one): [*ra, *rb). The hot path of every scan, 64
 * bytes at a time: MASK64 gives a bit per byte, set for a base64 character; a run
 * is found inside a block by and-ing the mask with itself shifted, or across
 * blocks from the ones carried over. The tail is classified byte by byte. */
#define NEXT_RUN_BODY(MASK64)                                                              \
	size_t i = p, run = 0, start = SIZE_MAX;                                           \
	for (; i + 64 <= len; i += 64) {                                                   \
		uint64_t m = MASK64(data + i);                                             \
		if (m == UINT64_MAX) {                                                     \
			run += 64;                                                         \
			continue;                                                          \
		}                                                                          \
		/* ones at the block's start continue the carried run */                  \
		if (run + (size_t)__builtin_ctzll(~m) >= MIN_RUN) {                        \
			start = i - run;                                                   \
			break;                                                             \
		}                                                                          \
		uint64_t a2 = m & m >> 1, a4 = a2 & a2 >> 2, a8 = a4 & a4 >> 4;            \
		uint64_t a20 = a8 & a8 >> 8 & a4 >> 16; /* bit k: bytes k..k+19 all are */ \
		if (a20) {                                                                 \
			start = i + (size_t)__builtin_ctzll(a20);                          \
			break;                                                             \
		}                                                                          \
		run = (size_t)__builtin_clzll(~m);                                         \
	}                                                                                  \
	if (start == SIZE_MAX && run >= MIN_RUN)                                           \
		start = i - run;                                                           \
	for (; i < len && start == SIZE_MAX; i++) {                                        \
		if (cls[data[i]] != 1)                                                     \
			run = 0;                                                           \
		else if (++run >= MIN_RUN)                                                 \
			start = i + 1 - run;                                               \
	}                                                                                  \
	if (start == SIZE_MAX)                                                             \
		return false;                                                              \
	*ra = start;                                                                       \
	*rb = start + MIN_RUN;                                                             \
	while (*rb < len && cls[data[*rb]] == 1)                                           \
		(*rb)++;                                                                   \
	return true;

static inline uint64_t b64_mask64_scalar(const unsigned char *p)
{
	uint64_t m = 0;
	for (int k = 0; k < 64; k++)
		m |= (uint64_t)(cls[p[k]] == 1) << k;
	return m;
}

#if defined(__x86_64__) && defined(__GNUC__)
#include <immintrin.h>
/* Two nibble lookups: a byte is base64 when the bits its low and its high nibble
 * select have one in common (+ - / 0-9 A-Z _ a-z; nothing at or above 0x80). */
__attribute__((target("avx2"))) static inline uint64_t b64_mask64_avx2(const unsigned char *p)
{
	const __m256i lo_lut = _mm256_setr_epi8(26, 30, 30, 30, 30, 30, 30, 30, 30, 30, 28, 5, 4, 5, 4, 13,
						26, 30, 30, 30, 30, 30, 30, 30, 30, 30, 28, 5, 4, 5, 4, 13);
	const __m256i hi_lut = _mm256_setr_epi8(0, 0, 1, 2, 4, 8, 4, 16, 0, 0, 0, 0, 0, 0, 0, 0,
						0, 0, 1, 2, 4, 8, 4, 16, 0, 0, 0, 0, 0, 0, 0, 0);
	const __m256i nib = _mm256_set1_epi8(0x0f), zero = _mm256_setzero_si256();
	uint64_t m = 0;
	for (int k = 0; k < 2; k++) {
		__m256i x = _mm256_loadu_si256((const __m256i *)(p + 32 * k));
		__m256i lo = _mm256_shuffle_epi8(lo_lut, _mm256_and_si256(x, nib));
		__m256i hi = _mm256_shuffle_epi8(hi_lut, _mm256_and_si256(_mm256_srli_epi16(x, 4), nib));
		__m256i none = _mm256_cmpeq_epi8(_mm256_and_si256(lo, hi), zero);
		m |= (uint64_t)(uint32_t)~_mm256_movemask_epi8(none) << (32 * k);
	}
	return m;
}

__attribute__((target("avx2"))) static bool next_run_avx2(const unsigned char *data, size_t len,
							    size_t p, size_t *ra, size_t *rb)
{
	NEXT_RUN_BODY(b64_mask64_avx2)
}
#endif

static bool next_run_scalar(const unsigned char *data, size_t len, size_t p, size_t *ra, size_t *rb)
{
	NEXT_RUN_BODY(b64_mask64_scalar)
}

static bool next_run(const unsigned char *data, size_t len, size_t p, size_t *ra, size_t *rb)
{
#if defined(__x86_64__) && defined(__GNUC__)
	if (__builtin_cpu_supports("avx2"))
		return next_run_avx2(data, len, p, ra, rb);
#endif
	return next_run_scalar(data, len, p, ra, rb);
}

static int decode_level(dctx *c, const unsigned char *data, size_t len, unsigned depth,
			size_t run_start, size_t run_end, const char *kind, bool top)
{
	int error = 0;
	size_t ra, rb;
	for (size_t p = 0; !error && next_run(data, len, p, &ra, &rb); p = rb) {
		error = consider_run(c, data, len, ra, rb, depth, run_start, run_end, top);
		if (!c->budget || c->out->full)
			return error;
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

/* Match a whole-blob transcoding; map[i] is the blob offset of decoded byte i
 * (map[dlen] the end), so a match reports the span of the bytes it came from. */
static int match_mapped(dctx *c, const unsigned char *dec, size_t dlen, const size_t *map,
			const char *kind)
{
	kh_matches inner = {0};
	int error = kh_match_raw(c->rs, c->s, dec, dlen, c->limits, &inner);
	for (size_t i = 0; i < inner.n && !error; i++)
		if (!add_decoded(c, &inner.v[i], dec, map[inner.v[i].sec_start],
				 map[inner.v[i].sec_end], kind))
			break;
	kh_matches_free(&inner);
	return error;
}

/* UTF-16 text (Windows PowerShell scripts, .reg exports, SQL Server scripts): its
 * ASCII characters (others become '?'), matched again. */
static int try_utf16(dctx *c, const unsigned char *data, size_t len)
{
	size_t off = 0, n;
	bool be = false;
	int error = 0;
	if (!kh_looks_utf16(data, len))
		return 0;
	if (len >= 2 && ((data[0] == 0xFF && data[1] == 0xFE) || (data[0] == 0xFE && data[1] == 0xFF))) {
		be = data[0] == 0xFE;
		off = 2;
	} else {
		be = data[0] == 0;
	}
	n = (len - off) / 2;
	if (len > MAX_TRANSCODE) {
		c->out->transcode_skipped = true; /* counted: its characters are not matched */
		return 0;
	}
	if (!n || n > c->budget)
		return 0;
	unsigned char *dec = kh_malloc(n);
	size_t *map = kh_malloc((n + 1) * sizeof(size_t));
	for (size_t i = 0; i < n; i++) {
		unsigned hi = data[off + 2 * i + (be ? 0 : 1)], lo = data[off + 2 * i + (be ? 1 : 0)];
		dec[i] = hi == 0 && lo < 0x80 && lo ? (unsigned char)lo : '?';
		map[i] = off + 2 * i;
	}
	map[n] = off + 2 * n;
	c->budget -= n;
	error = match_mapped(c, dec, n, map, "utf16");
	free(dec);
	free(map);
	return error;
}

/* JSON string escapes hide a secret's characters: "https:\/\/u:p@host",
 * "AccountKey\u003D\u002Babc". A blob holding \/ or \u00 is matched again with them
 * (and \" and \\) undone. Blobs up to MAX_TRANSCODE: the offset map costs 8 bytes
 * a byte. */
/* Does the blob hold \/ or \u00? One memchr pass over the backslashes: two memmem
 * passes cost 12% of a history scan (perf on libgit2's history). */
static bool has_json_escape(const unsigned char *data, size_t len)
{
	const unsigned char *p = data, *end = data + len;
	while ((p = memchr(p, '\\', (size_t)(end - p))) && p + 1 < end) {
		if (p[1] == '/' || (end - p >= 4 && p[1] == 'u' && p[2] == '0' && p[3] == '0'))
			return true;
		p++;
	}
	return false;
}

static int try_json_escapes(dctx *c, const unsigned char *data, size_t len)
{
	int error = 0;
	size_t o = 0;
	if (len > MAX_TRANSCODE) {
		/* counted, not undone; looked for in the first 4 MB only: a pass over all of
		 * bench/matcher.sh's 218 MB of C headers (backslashes everywhere) cost about
		 * 0.1 s of its 1.7 s */
		c->out->transcode_skipped |= has_json_escape(data, MAX_TRANSCODE);
		return 0;
	}
	if (len > c->budget || !has_json_escape(data, len))
		return 0;
	unsigned char *dec = kh_malloc(len);
	size_t *map = kh_malloc((len + 1) * sizeof(size_t));
	for (size_t i = 0; i < len; i++) {
		int h0, h1;
		map[o] = i;
		if (data[i] == '\\' && i + 1 < len && data[i + 1] && strchr("/\"\\", data[i + 1])) {
			dec[o++] = data[++i];
		} else if (data[i] == '\\' && i + 5 < len && data[i + 1] == 'u' && data[i + 2] == '0' &&
			   data[i + 3] == '0' && (h0 = kh_hex_digit(data[i + 4])) >= 0 &&
			   (h1 = kh_hex_digit(data[i + 5])) >= 0 && (h0 << 4 | h1) < 0x80 && (h0 << 4 | h1) >= 0x20) {
			dec[o++] = (unsigned char)(h0 << 4 | h1);
			i += 5;
		} else {
			dec[o++] = data[i];
		}
	}
	map[o] = len;
	c->budget -= o;
	error = match_mapped(c, dec, o, map, "json-escape");
	free(dec);
	free(map);
	return error;
}

int kh_decode_and_match(const kh_ruleset *rs, kh_scratch *s, const unsigned char *data, size_t len,
			const keyhound_limits *limits, unsigned depth, kh_matches *out)
{
	dctx c = {rs, s, limits, out, MAX_DECODED_PER_BLOB};
	int error = try_utf16(&c, data, len);
	if (!error && !out->full)
		error = try_json_escapes(&c, data, len);
	if (!error && !out->full)
		error = decode_level(&c, data, len, depth, 0, 0, NULL, true);
	return error;
}

/* A blob: its own bytes matched, then what decodes from them, each repeat dropped. */
int kh_match_blob(const kh_ruleset *rs, kh_scratch *s, const unsigned char *data, size_t len,
		  const keyhound_limits *limits, kh_matches *out)
{
	size_t first = out->n, raw_end;
	int error = kh_match_raw(rs, s, data, len, limits, out);

	if (error)
		return error;
	raw_end = out->n;
	if (limits->max_decoded_depth > 0 && !out->full)
		error = kh_decode_and_match(rs, s, data, len, limits, 1, out);
	kh_match_finish(data, out, first, raw_end);
	return error;
}
