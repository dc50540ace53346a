/* SPDX-License-Identifier: Apache-2.0 */
/* The pipeline's insides, shared by its files (pipeline.c: the queue and the per-blob
 * rule; memo.c: consulting the match memo). */
#ifndef KH_PIPELINE_INT_H
#define KH_PIPELINE_INT_H

#include <stdatomic.h>

#include "core/blob.h"
#include "core/report.h"
#include "filter/judge.h"
#include "match/match.h"
#include "pipeline/memo.h"
#include "pipeline/pipeline.h"

/* The queue holds at most this many bytes (and blobs), so memory stays bounded
 * whatever the source produces. A few per worker keep them busy; a deeper queue only
 * filled fresh memory (a page trap per 4 KiB in a virtual machine) with bytes gone cold in
 * the cache by the time a worker read them. */
#define QUEUE_MAX_BYTES ((size_t)64 << 20)
#define QUEUE_MAX_BLOBS 256
/* Read buffers the workers hand back for the source to fill again (kh_pl_buffer): their
 * pages are mapped and warm, where a fresh buffer cost the reading thread a page trap per
 * 4 KiB (in a virtual machine: 40% of a folder scan's CPU was that thread's). Sizes are
 * powers of two from 4 KiB to 4 MiB, one stack per size, POOL_KEEP bytes in all. */
#define POOL_MIN_SHIFT 12
#define POOL_MAX_SHIFT 22
#define POOL_CLASSES (POOL_MAX_SHIFT - POOL_MIN_SHIFT + 1)
#define POOL_PER_CLASS 256
#define POOL_KEEP ((size_t)16 << 20)
typedef struct {
	unsigned char *v[POOL_CLASSES][POOL_PER_CLASS];
	unsigned n[POOL_CLASSES];
	size_t bytes;
} kh_buf_pool;

struct kh_pipeline_ctx {
	kh_scratch *scratch;
};

/* A queued blob, and its reader when a worker is to read its bytes (else NULL). */
typedef struct {
	kh_blob *blob;
	kh_pipeline_reader *rd;
} kh_pl_entry;

struct kh_pipeline {
	const kh_pipeline_ops *ops;   /* first: what sources call (pipeline.h) */
	const kh_judge_cfg *e;       /* the engine's rules, options, policy */
	keyhound_report *report;
	pthread_mutex_t lock;
	pthread_cond_t not_empty, not_full, idle;
	kh_pl_entry *q;
	size_t head, count, bytes;    /* bytes: of the blobs read already */
	kh_buf_pool *pool;            /* under lock */
	unsigned threads, busy;
	unsigned full_waiters;        /* sources waiting for room in the queue */
	bool stop;
	uint64_t next_seq;
	pthread_t *tid;
	kh_pipeline_ctx *caller;      /* the calling thread's (threads == 0, large files) */
	int error;
	const kh_policy *policy;      /* the engine's, or a repository's in a sweep */
	const kh_memo *memo;          /* NULL: every blob is new */
	_Atomic uint64_t rejudged;    /* known blobs whose bytes were read to judge them */
	/* allocation failures on its workers (they outlive any one call, and the thread that
	 * made the pipeline may end first): the pipeline's own counter, which kh_pl_wait
	 * hands on to the call waiting */
	atomic_uint oom_failures;
	unsigned oom_handed_on;
};

/* Judge b at each of its places (m: its matches, or NULL: path rules only). */
void kh_pipeline_judge_all(kh_pipeline *p, const kh_blob *b, const kh_matches *m);
/* The per-blob rule: read or skip, expand, match, judge. */
void kh_pipeline_scan_blob(kh_pipeline *p, kh_pipeline_ctx *c, const kh_blob *b);

/* The implementations behind kh_pipeline_ops (pipeline.h says what each does). */
kh_skip kh_pl_check_size(const kh_pipeline *p, uint64_t size);
int kh_pl_submit(kh_pipeline *p, kh_blob *blob);
int kh_pl_submit_read(kh_pipeline *p, kh_blob *blob, kh_pipeline_reader *rd);
void kh_pl_scan_now(kh_pipeline *p, kh_pipeline_ctx *c, const kh_blob *blob);
int kh_pl_scan_piece(kh_pipeline *p, kh_pipeline_ctx *c, const kh_blob *blob, size_t from,
		     size_t until, uint64_t size);
void kh_pl_skip(kh_pipeline *p, kh_blob *blob, kh_skip reason);
void kh_pl_large(kh_pipeline *p, kh_blob *blob, int fd);
uint64_t kh_pl_next_seq(kh_pipeline *p);
unsigned char *kh_pl_buffer(kh_pipeline *p, size_t need);
int kh_pl_wait(kh_pipeline *p);
int kh_pl_ctx_new(kh_pipeline_ctx **out, kh_pipeline *p);
void kh_pl_ctx_free(kh_pipeline_ctx *c);
bool kh_pl_has_memo(const kh_pipeline *p);
int kh_pl_plan(kh_pipeline *p, const uint8_t id[20]);
void kh_pl_scan_new(kh_pipeline *p, kh_pipeline_ctx *c, const uint8_t id[20], const kh_blob *blob);
void kh_pl_skipped_new(kh_pipeline *p, const uint8_t id[20], const kh_blob *blob, kh_skip reason);
void kh_pl_scan_known(kh_pipeline *p, kh_pipeline_ctx *c, const uint8_t id[20], kh_blob *blob,
		      const kh_blob_reader *rd);

#endif
