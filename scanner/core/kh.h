/* SPDX-License-Identifier: Apache-2.0 */
/* The bottom of the library (DESIGN "Layers"): errors, allocation, buffers, hashes,
 * glob and a blob's content tests. Each module's own types are in its own header:
 * core/blob.h (blobs and origins), core/report.h (the report collector),
 * rules/ruleset.h, match/match.h, decode/decode.h, filter/filter.h, filter/judge.h,
 * pipeline/feed.h (what sources call), pipeline/pipeline.h, engine.h. */
#ifndef KH_CORE_H
#define KH_CORE_H

#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "keyhound/keyhound.h"

/* ---- errors ---- */
/* Set the thread's last error message; returns code. */
int kh_error(int code, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* ---- memory and strings ---- */
/* On exhaustion these call the handler set with keyhound_set_oom_handler (default: a
 * message and abort()): they never return NULL. Sizes are bounded by limits. */
void *kh_malloc(size_t n);
/* For a buffer sized by the input: NULL when it cannot be had (the caller gives that
 * input up; the call under way still returns KEYHOUND_ENOMEM). */
void *kh_try_alloc(size_t n);
void *kh_try_realloc(void *p, size_t n); /* NULL: p is untouched */
/* kh_try_alloc for a large buffer about to be filled whole (a file's bytes): in huge pages
 * where the system allows, mapped in one go rather than one trap per page. */
void *kh_malloc_filled(size_t n);
/* Zeroed memory of at least n bytes in whole 2 MiB huge pages, populated in one call (in a
 * virtual machine with shadow paging each 4 KiB page's first touch costs 50-80 us: the
 * compiled rules' 1.7 MB cost a start-up 25 ms that way). *len gets the mapping's length,
 * for munmap. NULL when the mapping fails (never for lack of huge pages: then 4 KiB ones). */
void *kh_map_huge(size_t n, size_t *len);
void *kh_calloc(size_t n, size_t m);
void *kh_realloc(void *p, size_t n);
char *kh_strdup(const char *s);       /* NULL in, NULL out */
char *kh_strndup(const char *s, size_t n);
char *kh_sprintf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
bool kh_add_overflows(size_t a, size_t b, size_t *out);
bool kh_mul_overflows(size_t a, size_t b, size_t *out);

/* Allocation failure, travelling up (core/util.c): a public entry point takes a mark
 * first and ends with kh_oom_result(mark, error), which is KEYHOUND_ENOMEM when an
 * allocation failed meanwhile in this call: on this thread, or on a worker thread that
 * adopted this thread's counter. Failures in other threads' calls are not seen. */
unsigned kh_oom_mark(void);
int kh_oom_result(unsigned mark, int error);
bool kh_oom_since(unsigned mark);  /* long work stops early once true */
unsigned kh_oom_now(void);         /* a mark without kh_oom_mark's set-up (inner loops) */
/* A thread started for a call: kh_oom_adopt(owner) first, with owner = kh_oom_owner()
 * taken on the thread that starts it (which outlives it: it joins its workers before the
 * call returns). Workers that outlive a call (the pipeline's) count into an atomic_uint of
 * their own instead, handed on with kh_oom_count_failure by whoever waits for them.
 * kh_oom_adopt returns what the thread counted into before (NULL: its own), to restore. */
void *kh_oom_owner(void);
void *kh_oom_adopt(void *owner);
void kh_oom_count_failure(void);  /* one failure more in this thread's call */
/* Tests: fail(n) is asked before each allocation (retries included); true fails it as
 * the system would. */
void kh_set_alloc_fail_hook(bool (*fail)(size_t n, void *payload), void *payload);
/* For the libraries that take an allocator (freed with free()): NULL when the reserve
 * is spent, never the handler. */
void *kh_alloc_routed(size_t n);
void *kh_calloc_routed(size_t n, size_t m);
void *kh_realloc_routed(void *p, size_t n);
char *kh_strndup_routed(const char *s, size_t n);
/* core/routed.c: Hyperscan and jansson given kh_alloc_routed (once, by kh_oom_mark), and
 * PCRE2's contexts that use it (NULL contexts, the system's, if they cannot be made). */
void kh_route_allocators(void);
void *kh_pcre2_general(void);          /* pcre2_general_context * */
void *kh_pcre2_compile_context(void);  /* pcre2_compile_context * */

typedef struct {
	char *buf;
	size_t len, cap;
} kh_buf;
void kh_buf_put(kh_buf *b, const void *data, size_t n);
void kh_buf_puts(kh_buf *b, const char *s);
void kh_buf_putc(kh_buf *b, char c);
void kh_buf_printf(kh_buf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
char *kh_buf_detach(kh_buf *b);       /* NUL-terminated; b is reset */
void kh_buf_free(kh_buf *b);

/* ---- hashing ---- */
void kh_sha256(const void *data, size_t len, uint8_t out[32]);
typedef struct {
	uint32_t h[8];
	uint64_t len;
	uint8_t buf[64];
	size_t n;
} kh_sha256_ctx;
void kh_sha256_init(kh_sha256_ctx *c);
void kh_sha256_update(kh_sha256_ctx *c, const void *data, size_t len);
void kh_sha256_final(kh_sha256_ctx *c, uint8_t out[32]);
void kh_hex(const uint8_t *in, size_t n, char *out); /* out has 2n+1 bytes */
/* A hex digit's value (either case), -1 for another byte: the one hex decoder. */
static inline int kh_hex_digit(int c)
{
	return c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 :
	       c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
}
void kh_hmac_sha256(const uint8_t *key, size_t key_len, const void *data, size_t len,
		    uint8_t out[32]);

/* ---- base64 (core/base64.c) ---- */
/* Each byte's digit value in base64 and base64url alike; -1 outside both alphabets. */
extern const signed char kh_b64val[256];
/* Decode base64 or base64url, '=' padding optional, into out (room for n*3/4 bytes):
 * the decoded length, or -1 on a byte outside the alphabet or a length no encoding has. */
long kh_base64_decode(const unsigned char *in, size_t n, unsigned char *out);

/* ---- glob ---- */
/* Glob on '/'-separated paths: '*' within a segment, '**' across segments, '?', [set].
 * A pattern without '/' matches the last path segment (as .gitignore does). */
bool kh_glob_match(const char *pattern, const char *path);

/* A blob looks binary (NUL bytes in the first 8 KiB, like git). */
bool kh_looks_binary(const unsigned char *data, size_t len);
bool kh_looks_utf16(const unsigned char *data, size_t len);

#endif
