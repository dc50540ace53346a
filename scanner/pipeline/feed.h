/* SPDX-License-Identifier: Apache-2.0 */
/* What sources call. The pipeline (pipeline.h) is the one place that decides, for
 * every blob of every source, whether its bytes are read or skipped, and then matches
 * it, judges it at each place it sits and reports it. Sources only hand bytes over:
 *   - an owned blob (kh_pipeline_submit: queued to the workers),
 *   - an owned blob whose bytes the worker that scans it reads (kh_pipeline_submit_read:
 *     a file a folder walk found, so the walking thread only walks),
 *   - a borrowed view on the caller's thread (kh_pipeline_scan_now, with a context the
 *     pipeline hands out per worker: kh_pipeline_ctx_new),
 *   - a file too large to hold, whose bytes the pipeline may stream (kh_pipeline_large),
 *   - or the word that a blob was not read (kh_pipeline_skip/_skipped): it is counted
 *     under its reason and path rules still judge it, for every source alike.
 * Before reading, a source asks kh_pipeline_check_size whether a size may be read.
 * Sources sit below the pipeline: they include this, never pipeline.h. */
#ifndef KH_PIPELINE_FEED_H
#define KH_PIPELINE_FEED_H

#include "core/blob.h"
#include "core/report.h"
#include "pipeline/memo.h"

typedef struct kh_pipeline kh_pipeline;
typedef struct kh_pipeline_ctx kh_pipeline_ctx; /* per worker: matcher scratch */

/* How a blob handed over unread gets its bytes (kh_pipeline_submit_read): the source's,
 * as the first member of its own struct. read runs on the thread that scans the blob:
 * it fills blob->data and blob->len and returns 0; or, for a file over max_file_size,
 * leaves in blob->data the bytes it read so far and *fd open after them and returns 1
 * (the pipeline streams an archive from fd within the archive limits, skips anything
 * else, and closes fd); or reports why it could not read (blob->occ[0] names the place)
 * and returns -1. done frees the reader, whether read ran or not. */
typedef struct kh_pipeline_reader {
	int (*read)(struct kh_pipeline_reader *rd, kh_pipeline *p, kh_blob *blob, int *fd);
	void (*done)(struct kh_pipeline_reader *rd);
} kh_pipeline_reader;

/* A scan in progress: what a source feeds. */
struct keyhound_scan {
	const keyhound_engine *engine;  /* opaque below the engine: sources read opts */
	const keyhound_options *opts;   /* the engine's */
	keyhound_report *report;
	kh_pipeline *pipe;
	keyhound_progress_cb progress;
	void *progress_payload;
	keyhound_finding_cb finding_cb; /* each finding as it is found (engine.c), or NULL */
	void *finding_payload;
	struct kh_scratch *mask_scratch; /* masks the findings it hands out */
};

/* What a source calls. Sources sit below the pipeline (DESIGN "Layers"), so they reach
 * it through this table, which every pipeline carries first, never by linking to it
 * (tests/layers.py checks the built objects). */
typedef struct {
	/* KH_SKIP_NONE when a blob of size bytes is to be read, else why not (the source
	 * then calls skip, or large for a file it can stream) */
	kh_skip (*check_size)(const kh_pipeline *p, uint64_t size);
	/* takes ownership of blob (its seq is assigned here); blocks while the queue is full */
	int (*submit)(kh_pipeline *p, kh_blob *blob);
	/* the same for a blob whose bytes rd reads (blob->data NULL), on the worker that scans
	 * it (the calling thread without workers); takes blob and rd. The output's order is
	 * still the order of submission. */
	int (*submit_read)(kh_pipeline *p, kh_blob *blob, kh_pipeline_reader *rd);
	/* scans a borrowed blob on the calling thread (blob->seq is the caller's) */
	void (*scan_now)(kh_pipeline *p, kh_pipeline_ctx *c, const kh_blob *blob);
	/* a blob whose bytes are not read, owned (seq assigned here): counted, path rules */
	void (*skip)(kh_pipeline *p, kh_blob *blob, kh_skip reason);
	/* a file over max_file_size: blob->data holds the bytes read so far (may be none),
	 * fd is positioned after them; an archive is streamed from fd within the archive
	 * limits, anything else skipped. Takes blob; the calling thread, one at a time. */
	void (*large)(kh_pipeline *p, kh_blob *blob, int fd);
	uint64_t (*next_seq)(kh_pipeline *p);
	int (*wait)(kh_pipeline *p);       /* drain; workers stay */
	/* a context for scanning on one of the caller's threads (one per thread) */
	int (*ctx_new)(kh_pipeline_ctx **out, kh_pipeline *p);
	void (*ctx_free)(kh_pipeline_ctx *c);
	/* ---- blobs with an id, for the match memo (memo.h) ---- */
	bool (*has_memo)(const kh_pipeline *p);
	/* before reading: KH_MEMO_NEW (read and match it), _KNOWN or _KNOWN_BYTES; without
	 * a memo every blob is new */
	int (*plan)(kh_pipeline *p, const uint8_t id[20]);
	/* a new blob: scanned as scan_now, and what matching left is stored */
	void (*scan_new)(kh_pipeline *p, kh_pipeline_ctx *c, const uint8_t id[20],
			 const kh_blob *blob);
	/* a new blob not read: as skipped, and stored as such */
	void (*skipped_new)(kh_pipeline *p, const uint8_t id[20], const kh_blob *blob,
			    kh_skip reason);
	/* a blob the plan said was known: judged from the memo at its places here;
	 * blob->data may be NULL: rd reads the bytes when judging needs them */
	void (*scan_known)(kh_pipeline *p, kh_pipeline_ctx *c, const uint8_t id[20],
			   kh_blob *blob, const kh_blob_reader *rd);
	/* a piece of a blob too large to hold, borrowed, on the calling thread: matched,
	 * and judged for the matches that start in [from, until) (pieces overlap: each
	 * match is kept by one piece, one that also holds the start of its line in all but
	 * lines longer than the overlap). blob->first_line,
	 * first_offset and later_piece say where it sits; the first piece counts the blob
	 * and its size bytes. Returns 1 when the blob is not to be read further (binary or
	 * an archive: the first piece shows it; counted as skipped), else 0. */
	int (*scan_piece)(kh_pipeline *p, kh_pipeline_ctx *c, const kh_blob *blob, size_t from,
			  size_t until, uint64_t size);
	/* memory (free() it, or make it a submitted blob's data) for at least need bytes about
	 * to be read whole: a buffer a worker handed back when one fits, its pages warm; NULL
	 * when it cannot be had (the source gives that input up, the call ends in ENOMEM) */
	unsigned char *(*buffer)(kh_pipeline *p, size_t need);
} kh_pipeline_ops;

/* The table, the first member of every pipeline. */
static inline const kh_pipeline_ops *kh_pipeline_ops_of(const kh_pipeline *p)
{
	return *(const kh_pipeline_ops *const *)(const void *)p;
}

#define KH_PL_CALL(p, f, ...) (kh_pipeline_ops_of(p)->f((p), __VA_ARGS__))
static inline kh_skip kh_pipeline_check_size(const kh_pipeline *p, uint64_t size)
{ return KH_PL_CALL(p, check_size, size); }
static inline int kh_pipeline_submit(kh_pipeline *p, kh_blob *b)
{ return KH_PL_CALL(p, submit, b); }
static inline int kh_pipeline_submit_read(kh_pipeline *p, kh_blob *b, kh_pipeline_reader *rd)
{ return KH_PL_CALL(p, submit_read, b, rd); }
static inline void kh_pipeline_scan_now(kh_pipeline *p, kh_pipeline_ctx *c, const kh_blob *b)
{ KH_PL_CALL(p, scan_now, c, b); }
static inline void kh_pipeline_skip(kh_pipeline *p, kh_blob *b, kh_skip reason)
{ KH_PL_CALL(p, skip, b, reason); }
static inline int kh_pipeline_scan_piece(kh_pipeline *p, kh_pipeline_ctx *c, const kh_blob *b,
					 size_t from, size_t until, uint64_t size)
{ return KH_PL_CALL(p, scan_piece, c, b, from, until, size); }
static inline void kh_pipeline_large(kh_pipeline *p, kh_blob *b, int fd)
{ KH_PL_CALL(p, large, b, fd); }
static inline uint64_t kh_pipeline_next_seq(kh_pipeline *p)
{ return kh_pipeline_ops_of(p)->next_seq(p); }
static inline int kh_pipeline_wait(kh_pipeline *p)
{ return kh_pipeline_ops_of(p)->wait(p); }
static inline int kh_pipeline_ctx_new(kh_pipeline_ctx **out, kh_pipeline *p)
{ return kh_pipeline_ops_of(p)->ctx_new(out, p); }
static inline bool kh_pipeline_has_memo(const kh_pipeline *p)
{ return kh_pipeline_ops_of(p)->has_memo(p); }
static inline int kh_pipeline_plan(kh_pipeline *p, const uint8_t id[20])
{ return KH_PL_CALL(p, plan, id); }
static inline void kh_pipeline_scan_new(kh_pipeline *p, kh_pipeline_ctx *c, const uint8_t id[20],
					const kh_blob *b)
{ KH_PL_CALL(p, scan_new, c, id, b); }
static inline void kh_pipeline_skipped_new(kh_pipeline *p, const uint8_t id[20], const kh_blob *b,
					   kh_skip reason)
{ KH_PL_CALL(p, skipped_new, id, b, reason); }
static inline void kh_pipeline_scan_known(kh_pipeline *p, kh_pipeline_ctx *c, const uint8_t id[20],
					  kh_blob *b, const kh_blob_reader *rd)
{ KH_PL_CALL(p, scan_known, c, id, b, rd); }
static inline unsigned char *kh_pipeline_buffer(kh_pipeline *p, size_t need)
{ return KH_PL_CALL(p, buffer, need); }
/* ctx_free needs the pipeline's table: a context is freed through the pipeline that made it. */
static inline void kh_pipeline_ctx_free(kh_pipeline *p, kh_pipeline_ctx *c)
{ kh_pipeline_ops_of(p)->ctx_free(c); }

#endif
