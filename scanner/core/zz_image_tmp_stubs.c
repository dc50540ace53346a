#define _GNU_SOURCE
/* TEMPORARY (branch image, before the foundation lands): minimal core helpers so the
 * image reader builds and tests standalone. Deleted before merging main. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "core/kh.h"

int kh_error(int code, const char *fmt, ...) { va_list ap; va_start(ap, fmt); vfprintf(stderr, fmt, ap); va_end(ap); fputc('\n', stderr); return code; }
void *kh_malloc(size_t n) { void *p = malloc(n ? n : 1); if (!p) abort(); return p; }
void *kh_calloc(size_t n, size_t m) { void *p = calloc(n ? n : 1, m ? m : 1); if (!p) abort(); return p; }
void *kh_realloc(void *p, size_t n) { p = realloc(p, n ? n : 1); if (!p) abort(); return p; }
char *kh_strdup(const char *s) { return s ? strdup(s) : NULL; }
char *kh_strndup(const char *s, size_t n) { return s ? strndup(s, n) : NULL; }
char *kh_sprintf(const char *fmt, ...) { va_list ap; char *s; va_start(ap, fmt); if (vasprintf(&s, fmt, ap) < 0) abort(); va_end(ap); return s; }
bool kh_add_overflows(size_t a, size_t b, size_t *out) { return __builtin_add_overflow(a, b, out); }
bool kh_mul_overflows(size_t a, size_t b, size_t *out) { return __builtin_mul_overflow(a, b, out); }
void kh_buf_put(kh_buf *b, const void *d, size_t n) { if (b->len + n + 1 > b->cap) { b->cap = (b->len + n + 1) * 2; b->buf = kh_realloc(b->buf, b->cap); } memcpy(b->buf + b->len, d, n); b->len += n; b->buf[b->len] = 0; }
void kh_buf_puts(kh_buf *b, const char *s) { kh_buf_put(b, s, strlen(s)); }
void kh_buf_putc(kh_buf *b, char c) { kh_buf_put(b, &c, 1); }
void kh_buf_printf(kh_buf *b, const char *fmt, ...) { va_list ap; char *s; va_start(ap, fmt); if (vasprintf(&s, fmt, ap) < 0) abort(); va_end(ap); kh_buf_puts(b, s); free(s); }
char *kh_buf_detach(kh_buf *b) { char *s = b->buf ? b->buf : strdup(""); if (b->buf) b->buf[b->len] = 0; memset(b, 0, sizeof(*b)); return s; }
void kh_buf_free(kh_buf *b) { free(b->buf); memset(b, 0, sizeof(*b)); }
void kh_hex(const uint8_t *in, size_t n, char *out) { for (size_t i = 0; i < n; i++) sprintf(out + 2 * i, "%02x", in[i]); out[2 * n] = 0; }

void kh_report_init(keyhound_report *r) { memset(r, 0, sizeof(*r)); pthread_mutex_init(&r->lock, NULL); }
void kh_report_skip(keyhound_report *r, const char *reason)
{
	for (size_t i = 0; i < r->n_skip; i++) if (!strcmp(r->skip_reason[i], reason)) { r->skip_count[i]++; return; }
	r->skip_reason = realloc(r->skip_reason, (r->n_skip + 1) * sizeof(char *));
	r->skip_count = realloc(r->skip_count, (r->n_skip + 1) * sizeof(uint64_t));
	r->skip_reason[r->n_skip] = strdup(reason); r->skip_count[r->n_skip++] = 1;
}
void kh_report_error(keyhound_report *r, const char *loc, const char *fmt, ...)
{
	va_list ap; char *s; va_start(ap, fmt); if (vasprintf(&s, fmt, ap) < 0) abort(); va_end(ap);
	r->err_location = realloc(r->err_location, (r->n_err + 1) * sizeof(char *));
	r->err_reason = realloc(r->err_reason, (r->n_err + 1) * sizeof(char *));
	r->err_location[r->n_err] = strdup(loc ? loc : ""); r->err_reason[r->n_err++] = s;
}

static const uint32_t K[64] = {
0x428a2f98,0x71374491,0xb5c0fbcf,0xe9b5dba5,0x3956c25b,0x59f111f1,0x923f82a4,0xab1c5ed5,0xd807aa98,0x12835b01,0x243185be,0x550c7dc3,0x72be5d74,0x80deb1fe,0x9bdc06a7,0xc19bf174,
0xe49b69c1,0xefbe4786,0x0fc19dc6,0x240ca1cc,0x2de92c6f,0x4a7484aa,0x5cb0a9dc,0x76f988da,0x983e5152,0xa831c66d,0xb00327c8,0xbf597fc7,0xc6e00bf3,0xd5a79147,0x06ca6351,0x14292967,
0x27b70a85,0x2e1b2138,0x4d2c6dfc,0x53380d13,0x650a7354,0x766a0abb,0x81c2c92e,0x92722c85,0xa2bfe8a1,0xa81a664b,0xc24b8b70,0xc76c51a3,0xd192e819,0xd6990624,0xf40e3585,0x106aa070,
0x19a4c116,0x1e376c08,0x2748774c,0x34b0bcb5,0x391c0cb3,0x4ed8aa4a,0x5b9cca4f,0x682e6ff3,0x748f82ee,0x78a5636f,0x84c87814,0x8cc70208,0x90befffa,0xa4506ceb,0xbef9a3f7,0xc67178f2};
#define ROR(x,n) (((x)>>(n))|((x)<<(32-(n))))
static void block(kh_sha256_ctx *c, const uint8_t *p)
{
	uint32_t w[64], a,b,cc,d,e,f,g,h;
	for (int i = 0; i < 16; i++) w[i] = (uint32_t)p[4*i]<<24 | (uint32_t)p[4*i+1]<<16 | (uint32_t)p[4*i+2]<<8 | p[4*i+3];
	for (int i = 16; i < 64; i++) { uint32_t s0 = ROR(w[i-15],7)^ROR(w[i-15],18)^(w[i-15]>>3), s1 = ROR(w[i-2],17)^ROR(w[i-2],19)^(w[i-2]>>10); w[i] = w[i-16]+s0+w[i-7]+s1; }
	a=c->h[0];b=c->h[1];cc=c->h[2];d=c->h[3];e=c->h[4];f=c->h[5];g=c->h[6];h=c->h[7];
	for (int i = 0; i < 64; i++) { uint32_t t1 = h+(ROR(e,6)^ROR(e,11)^ROR(e,25))+((e&f)^(~e&g))+K[i]+w[i]; uint32_t t2 = (ROR(a,2)^ROR(a,13)^ROR(a,22))+((a&b)^(a&cc)^(b&cc)); h=g;g=f;f=e;e=d+t1;d=cc;cc=b;b=a;a=t1+t2; }
	c->h[0]+=a;c->h[1]+=b;c->h[2]+=cc;c->h[3]+=d;c->h[4]+=e;c->h[5]+=f;c->h[6]+=g;c->h[7]+=h;
}
void kh_sha256_init(kh_sha256_ctx *c) { static const uint32_t iv[8] = {0x6a09e667,0xbb67ae85,0x3c6ef372,0xa54ff53a,0x510e527f,0x9b05688c,0x1f83d9ab,0x5be0cd19}; memcpy(c->h, iv, sizeof(iv)); c->len = 0; c->n = 0; }
void kh_sha256_update(kh_sha256_ctx *c, const void *data, size_t len)
{
	const uint8_t *p = data; c->len += len;
	while (len) { if (c->n == 0 && len >= 64) { block(c, p); p += 64; len -= 64; continue; } size_t k = 64 - c->n < len ? 64 - c->n : len; memcpy(c->buf + c->n, p, k); c->n += k; p += k; len -= k; if (c->n == 64) { block(c, c->buf); c->n = 0; } }
}
void kh_sha256_final(kh_sha256_ctx *c, uint8_t out[32])
{
	uint64_t bits = c->len * 8; uint8_t pad = 0x80; kh_sha256_update(c, &pad, 1); pad = 0; while (c->n != 56) kh_sha256_update(c, &pad, 1);
	uint8_t l[8]; for (int i = 0; i < 8; i++) l[i] = (uint8_t)(bits >> (56 - 8*i)); kh_sha256_update(c, l, 8);
	for (int i = 0; i < 8; i++) { out[4*i] = c->h[i]>>24; out[4*i+1] = c->h[i]>>16; out[4*i+2] = c->h[i]>>8; out[4*i+3] = c->h[i]; }
}
void kh_sha256(const void *d, size_t n, uint8_t out[32]) { kh_sha256_ctx c; kh_sha256_init(&c); kh_sha256_update(&c, d, n); kh_sha256_final(&c, out); }
