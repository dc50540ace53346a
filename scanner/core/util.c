/* SPDX-License-Identifier: Apache-2.0 */
/* Small helpers every module uses: the thread's last error, allocation that calls the
 * out-of-memory handler on exhaustion (sizes are bounded by limits), growable buffers. */
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>

#include "core/blob.h"
#include "core/kh.h"

static _Thread_local char last_error[1024];

const char *keyhound_version(void)
{
	return KEYHOUND_VERSION;
}

const char *keyhound_last_error(void)
{
	return last_error;
}

int kh_error(int code, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(last_error, sizeof(last_error), fmt, ap);
	va_end(ap);
	return code;
}

static keyhound_oom_handler oom_handler;
static void *oom_payload;

void keyhound_set_oom_handler(keyhound_oom_handler handler, void *payload)
{
	oom_handler = handler;
	oom_payload = payload;
}

/* Allocation failure travels up without a NULL check at each of the library's ~800
 * allocations: a failure frees a piece of a reserve held for the purpose and the
 * allocation is retried, so the work at hand finishes and unwinds as usual, freeing what
 * it holds, and the public entry point under way returns KEYHOUND_ENOMEM (kh_oom_result).
 * The reserve is in pieces so that a second failure in the same call (or one in another
 * thread's call) has a piece of its own; only a failure when every piece is spent reaches
 * the handler. A call that failed stops its long work early (kh_oom_since), so what it
 * still allocates is what unwinding needs; the spent pieces are taken again when the next
 * call begins.
 *
 * Failures are counted per call: each thread counts its own, and a worker thread counts
 * into the counter of the thread whose call it works for (kh_oom_adopt), so another
 * thread's call never sees them. */
#define RESERVE_PIECES 8
#define RESERVE_PIECE ((size_t)4 << 20)
static _Atomic(void *) reserve[RESERVE_PIECES];
static atomic_bool reserve_spent = true; /* some piece is missing: taken at the next mark */
static _Thread_local atomic_uint own_failures;
static _Thread_local atomic_uint *adopted; /* a worker's: its caller's counter */
static bool (*fail_hook)(size_t n, void *payload);
static void *fail_payload;

void kh_set_alloc_fail_hook(bool (*fail)(size_t n, void *payload), void *payload)
{
	fail_hook = fail;
	fail_payload = payload;
}

static atomic_uint *failures(void)
{
	return adopted ? adopted : &own_failures;
}

void *kh_oom_owner(void)
{
	return failures();
}

void *kh_oom_adopt(void *owner)
{
	void *before = adopted;
	adopted = owner == &own_failures ? NULL : owner; /* the caller's own thread stays itself */
	return before;
}

void kh_oom_count_failure(void)
{
	atomic_fetch_add(failures(), 1);
}

/* The pieces missing, taken again (untouched pages cost no memory): best effort. */
static void reserve_fill(void)
{
	if (!atomic_exchange(&reserve_spent, false))
		return;
	for (int i = 0; i < RESERVE_PIECES; i++) {
		void *r, *none = NULL;
		if (atomic_load(&reserve[i]))
			continue;
		if (!(r = malloc(RESERVE_PIECE))) {
			atomic_store(&reserve_spent, true);
			return;
		}
		if (!atomic_compare_exchange_strong(&reserve[i], &none, r))
			free(r);
	}
}

/* One piece given back to the system; false when none is left. */
static bool reserve_release(void)
{
	for (int i = 0; i < RESERVE_PIECES; i++) {
		void *r = atomic_exchange(&reserve[i], NULL);
		if (r) {
			atomic_store(&reserve_spent, true);
			free(r);
			return true;
		}
	}
	return false;
}

unsigned kh_oom_mark(void)
{
	kh_route_allocators();
	/* a worker's marks are inside its caller's call: the pieces are taken at its start */
	if (!adopted)
		reserve_fill();
	return atomic_load(failures());
}

int kh_oom_result(unsigned mark, int error)
{
	if (atomic_load(failures()) == mark)
		return error;
	return kh_error(KEYHOUND_ENOMEM, "out of memory (an allocation failed; what it was for was "
					 "given up)");
}

unsigned kh_oom_now(void)
{
	return atomic_load(failures());
}

bool kh_oom_since(unsigned mark)
{
	return atomic_load(failures()) != mark;
}

/* Allocation failed: the caller's handler, which must not return; else (or if it does)
 * a message and abort(). */
static void oom_n(size_t n)
{
	if (oom_handler)
		oom_handler(n, oom_payload);
	fputs("keyhound: out of memory\n", stderr);
	abort();
}

/* The system's answer, or the test hook's failure in its place. */
static void *sys_alloc(void *(*fn)(void *, size_t, size_t), void *p, size_t a, size_t b)
{
	return fail_hook && fail_hook(a, fail_payload) ? NULL : fn(p, a, b);
}

/* One allocation, and on failure one retry per reserve piece given back: fn(a, b) is
 * malloc, calloc or realloc's call; NULL only when the reserve is spent. */
static void *try_alloc(void *(*fn)(void *, size_t, size_t), void *p, size_t a, size_t b)
{
	void *q = sys_alloc(fn, p, a, b);
	if (!q) {
		atomic_fetch_add(failures(), 1);
		while (!q && reserve_release())
			q = sys_alloc(fn, p, a, b);
	}
	return q;
}

static void *call_malloc(void *p, size_t n, size_t unused)
{
	return malloc(n ? n : 1);
}

static void *call_calloc(void *p, size_t n, size_t m)
{
	return calloc(n ? n : 1, m ? m : 1);
}

static void *call_realloc(void *p, size_t n, size_t unused)
{
	return realloc(p, n ? n : 1);
}

/* A buffer sized by the input: its failure is not covered by the reserve (the reserve is
 * for the many small allocations that finish the work at hand), but it still ends the call
 * under way in KEYHOUND_ENOMEM. */
void *kh_try_alloc(size_t n)
{
	void *p = sys_alloc(call_malloc, NULL, n, 0);
	if (!p)
		atomic_fetch_add(failures(), 1);
	return p;
}

void *kh_try_realloc(void *p, size_t n)
{
	void *q = sys_alloc(call_realloc, p, n, 0);
	if (!q)
		atomic_fetch_add(failures(), 1);
	return q;
}

/* For the libraries that take an allocator (core/routed.c, core/dl.c): the same failure
 * path, counted in the call under way, and NULL (which they all check) only when the
 * reserve is spent. */
void *kh_alloc_routed(size_t n)
{
	return try_alloc(call_malloc, NULL, n, 0);
}

void *kh_calloc_routed(size_t n, size_t m)
{
	size_t total;
	if (kh_mul_overflows(n, m, &total))
		return NULL;
	return try_alloc(call_calloc, NULL, n, m);
}

void *kh_realloc_routed(void *p, size_t n)
{
	return try_alloc(call_realloc, p, n, 0);
}

char *kh_strndup_routed(const char *s, size_t n)
{
	char *d = try_alloc(call_malloc, NULL, n + 1, 0);
	if (d) {
		memcpy(d, s, n);
		d[n] = '\0';
	}
	return d;
}

/* In a virtual machine each first touch of a page is a costly trap: reading a 200 MB
 * file into fresh memory cost more CPU than matching it. Huge pages where transparent
 * huge pages are on request, and the rest populated by one madvise. */
void *kh_malloc_filled(size_t n)
{
	unsigned char *p = kh_try_alloc(n);
	if (!p)
		return NULL;
	size_t page = 4096, huge = (size_t)2 << 20;
	if (n >= 2 * huge) {
		uintptr_t a = ((uintptr_t)p + huge - 1) & ~(uintptr_t)(huge - 1);
		uintptr_t end = ((uintptr_t)p + n) & ~(uintptr_t)(huge - 1);
		if (end > a)
			madvise((void *)a, end - a, MADV_HUGEPAGE);
		a = ((uintptr_t)p + page - 1) & ~(uintptr_t)(page - 1);
		end = ((uintptr_t)p + n) & ~(uintptr_t)(page - 1);
#ifdef MADV_POPULATE_WRITE
		if (end > a)
			madvise((void *)a, end - a, MADV_POPULATE_WRITE); /* best effort: old kernels refuse */
#endif
	}
	return p;
}

void *kh_map_huge(size_t n, size_t *len)
{
	size_t huge = (size_t)2 << 20, want, span;
	unsigned char *raw, *p;
	if (kh_add_overflows(n, huge - 1, &want))
		return NULL;
	want &= ~(huge - 1);
	if (!want || kh_add_overflows(want, huge, &span))
		return NULL;
	/* one huge page more than needed, to cut a 2 MiB-aligned run out of it */
	raw = mmap(NULL, span, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	if (raw == MAP_FAILED)
		return NULL;
	p = (unsigned char *)(((uintptr_t)raw + huge - 1) & ~(uintptr_t)(huge - 1));
	if (p > raw)
		munmap(raw, (size_t)(p - raw));
	if (raw + span > p + want)
		munmap(p + want, (size_t)(raw + span - (p + want)));
	madvise(p, want, MADV_HUGEPAGE);
#ifdef MADV_POPULATE_WRITE
	madvise(p, want, MADV_POPULATE_WRITE); /* best effort: old kernels refuse */
#endif
	*len = want;
	return p;
}

void *kh_malloc(size_t n)
{
	void *p = try_alloc(call_malloc, NULL, n, 0);
	if (!p)
		oom_n(n);
	return p;
}

void *kh_calloc(size_t n, size_t m)
{
	void *p = try_alloc(call_calloc, NULL, n, m);
	if (!p)
		oom_n(n * m);
	return p;
}

void *kh_realloc(void *p, size_t n)
{
	void *q = try_alloc(call_realloc, p, n, 0);
	if (!q)
		oom_n(n);
	return q;
}

char *kh_strdup(const char *s)
{
	return s ? kh_strndup(s, strlen(s)) : NULL;
}

char *kh_strndup(const char *s, size_t n)
{
	char *d;
	if (!s)
		return NULL;
	d = kh_malloc(n + 1);
	memcpy(d, s, n);
	d[n] = '\0';
	return d;
}

char *kh_sprintf(const char *fmt, ...)
{
	kh_buf b = {0};
	va_list ap;
	int n;
	va_start(ap, fmt);
	n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	if (n < 0)
		return kh_strdup("");
	b.buf = kh_malloc((size_t)n + 1);
	va_start(ap, fmt);
	vsnprintf(b.buf, (size_t)n + 1, fmt, ap);
	va_end(ap);
	return b.buf;
}

bool kh_add_overflows(size_t a, size_t b, size_t *out)
{
	return __builtin_add_overflow(a, b, out);
}

bool kh_mul_overflows(size_t a, size_t b, size_t *out)
{
	return __builtin_mul_overflow(a, b, out);
}

static void buf_grow(kh_buf *b, size_t extra)
{
	size_t need;
	if (kh_add_overflows(b->len, extra + 1, &need))
		oom_n(SIZE_MAX);
	if (need <= b->cap)
		return;
	size_t cap = b->cap ? b->cap : 64;
	while (cap < need)
		cap = cap * 2 < cap ? need : cap * 2;
	b->buf = kh_realloc(b->buf, cap);
	b->cap = cap;
}

void kh_buf_put(kh_buf *b, const void *data, size_t n)
{
	buf_grow(b, n);
	if (n)
		memcpy(b->buf + b->len, data, n);
	b->len += n;
	b->buf[b->len] = '\0';
}

void kh_buf_puts(kh_buf *b, const char *s)
{
	kh_buf_put(b, s, strlen(s));
}

void kh_buf_putc(kh_buf *b, char c)
{
	kh_buf_put(b, &c, 1);
}

void kh_buf_printf(kh_buf *b, const char *fmt, ...)
{
	va_list ap;
	int n;
	va_start(ap, fmt);
	n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	if (n <= 0)
		return;
	buf_grow(b, (size_t)n);
	va_start(ap, fmt);
	vsnprintf(b->buf + b->len, (size_t)n + 1, fmt, ap);
	va_end(ap);
	b->len += (size_t)n;
}

char *kh_buf_detach(kh_buf *b)
{
	char *s = b->buf ? b->buf : kh_strdup("");
	b->buf = NULL;
	b->len = b->cap = 0;
	return s;
}

void kh_buf_free(kh_buf *b)
{
	free(b->buf);
	b->buf = NULL;
	b->len = b->cap = 0;
}

void kh_hex(const uint8_t *in, size_t n, char *out)
{
	static const char digits[] = "0123456789abcdef";
	for (size_t i = 0; i < n; i++) {
		out[2 * i] = digits[in[i] >> 4];
		out[2 * i + 1] = digits[in[i] & 15];
	}
	out[2 * n] = '\0';
}

/* UTF-16 text: a byte-order mark, or every other byte of the first 8000 zero
 * and the others printable (ASCII text written as UTF-16 without a mark). */
bool kh_looks_utf16(const unsigned char *data, size_t len)
{
	size_t n = len < 8000 ? len : 8000, zero[2] = {0, 0}, text[2] = {0, 0};
	if (len >= 4 && len % 2 == 0 &&
	    ((data[0] == 0xFF && data[1] == 0xFE) || (data[0] == 0xFE && data[1] == 0xFF)))
		return data[2] || data[3]; /* not UTF-32's FF FE 00 00 */
	if (n < 16 || len % 2)
		return false;
	for (size_t i = 0; i + 1 < n; i += 2)
		for (int k = 0; k < 2; k++) {
			unsigned char b = data[i + k];
			zero[k] += b == 0;
			text[k] += (b >= 0x20 && b < 0x7f) || b == '\n' || b == '\r' || b == '\t';
		}
	/* one byte of each pair always zero, the other text */
	return (zero[1] == n / 2 && text[0] * 20 >= n / 2 * 19) ||
	       (zero[0] == n / 2 && text[1] * 20 >= n / 2 * 19);
}

bool kh_looks_binary(const unsigned char *data, size_t len)
{
	size_t n = len < 8000 ? len : 8000;
	return n && memchr(data, 0, n) != NULL && !kh_looks_utf16(data, len);
}

void kh_origin_clear(kh_origin *o)
{
	if (!o)
		return;
	free(o->path);
	free(o->root_path);
	free(o->commit);
	free(o->author);
	free(o->email);
	free(o->date);
	free(o->message);
	free(o->repository);
	free(o->added);
	free(o->image);
	free(o->platform);
	free(o->layer);
	free(o->created_by);
	free(o->deleted_in_layer);
	free(o->config_field);
	*o = (kh_origin)KH_ORIGIN_INIT;
}

void kh_origin_copy(kh_origin *dst, const kh_origin *src)
{
	*dst = *src;
	dst->path = kh_strdup(src->path);
	dst->root_path = kh_strdup(src->root_path);
	dst->commit = kh_strdup(src->commit);
	dst->author = kh_strdup(src->author);
	dst->email = kh_strdup(src->email);
	dst->date = kh_strdup(src->date);
	dst->message = kh_strdup(src->message);
	dst->repository = kh_strdup(src->repository);
	if (src->added) {
		/* non-NULL with no ranges means "no line added", unlike NULL ("every line") */
		dst->added = kh_malloc(src->n_added * sizeof(*src->added));
		if (src->n_added)
			memcpy(dst->added, src->added, src->n_added * sizeof(*src->added));
	} else {
		dst->added = NULL;
	}
	dst->image = kh_strdup(src->image);
	dst->platform = kh_strdup(src->platform);
	dst->layer = kh_strdup(src->layer);
	dst->created_by = kh_strdup(src->created_by);
	dst->deleted_in_layer = kh_strdup(src->deleted_in_layer);
	dst->config_field = kh_strdup(src->config_field);
}

void kh_blob_free(kh_blob *b)
{
	if (!b)
		return;
	free(b->data);
	for (size_t i = 0; i < b->n_occ; i++)
		kh_origin_clear(&b->occ[i]);
	free(b->occ);
	free(b);
}

void kh_matches_free(kh_matches *m)
{
	for (size_t i = 0; i < m->n; i++) {
		free(m->v[i].decoded_secret);
		free(m->v[i].decoded_match);
	}
	free(m->v);
	m->v = NULL;
	m->n = m->cap = 0;
}
