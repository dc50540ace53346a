/* SPDX-License-Identifier: Apache-2.0 */
/* The pipeline: the one place that decides, for every blob of every source, whether its
 * bytes are read or skipped, and then matches it, judges it at each place it sits and
 * reports it. Sources only hand bytes over:
 *   - an owned blob (kh_pipeline_submit: queued to the workers),
 *   - a borrowed view on the caller's thread (kh_pipeline_scan_now, with a context the
 *     pipeline hands out per worker: kh_pipeline_ctx_new),
 *   - a file too large to hold, whose bytes the pipeline may stream (kh_pipeline_large),
 *   - or the word that a blob was not read (kh_pipeline_skip/_skipped): it is counted
 *     under its reason and path rules still judge it, for every source alike.
 * Before reading, a source asks kh_pipeline_check_size whether a size may be read. */
#ifndef KH_PIPELINE_H
#define KH_PIPELINE_H

#include "core/kh.h"
#include "pipeline/memo.h"

typedef struct kh_pipeline_ctx kh_pipeline_ctx; /* per worker: matcher scratch */

int kh_pipeline_new(kh_pipeline **out, const keyhound_engine *e, keyhound_report *report,
		    unsigned threads);
void kh_pipeline_free(kh_pipeline *p);     /* drain and join */
/* Judge with pol (borrowed; NULL: the engine's) from now on: a sweep's repository. */
void kh_pipeline_set_policy(kh_pipeline *p, const kh_policy *pol);
int kh_pipeline_wait(kh_pipeline *p);      /* drain; workers stay */
uint64_t kh_pipeline_next_seq(kh_pipeline *p);

/* A context for scanning on one of the caller's threads (one per thread). */
int kh_pipeline_ctx_new(kh_pipeline_ctx **out, kh_pipeline *p);
void kh_pipeline_ctx_free(kh_pipeline_ctx *c);
/* Its matcher scratch (the sweep's matching, until the sweep is a memo). */
kh_scratch *kh_pipeline_ctx_scratch(kh_pipeline_ctx *c);

/* KH_SKIP_NONE when a blob of size bytes is to be read, else why not (the source then
 * calls kh_pipeline_skip, or kh_pipeline_large for a file it can stream). */
kh_skip kh_pipeline_check_size(const kh_pipeline *p, uint64_t size);

/* Takes ownership of blob (its seq is assigned here). Blocks while the queue is full. */
int kh_pipeline_submit(kh_pipeline *p, kh_blob *blob);
/* Scans a borrowed blob on the calling thread (blob->seq is the caller's). */
void kh_pipeline_scan_now(kh_pipeline *p, kh_pipeline_ctx *c, const kh_blob *blob);

/* A blob whose bytes are not read: counted under reason, judged by path rules.
 * _skip takes ownership (and assigns seq); _skipped borrows (seq is the caller's). */
void kh_pipeline_skip(kh_pipeline *p, kh_blob *blob, kh_skip reason);
void kh_pipeline_skipped(kh_pipeline *p, const kh_blob *blob, kh_skip reason);

/* A file over max_file_size: blob->data holds the bytes read so far (may be none), fd
 * is positioned after them. An archive is opened and streamed from fd within the
 * archive limits, its members scanned; anything else is skipped (KH_SKIP_FILE_SIZE).
 * Takes ownership of blob; runs on the calling thread (one caller at a time). */
void kh_pipeline_large(kh_pipeline *p, kh_blob *blob, int fd);

/* ---- with a match memo (pipeline/memo.h: the sweep's) ---- */

/* Consult m (borrowed; NULL: none) for the blobs handed over with their id below. */
void kh_pipeline_set_memo(kh_pipeline *p, const kh_memo *m);
bool kh_pipeline_has_memo(const kh_pipeline *p);
/* Before reading: KH_MEMO_NEW (read and match it), _KNOWN or _KNOWN_BYTES. Without a
 * memo every blob is new. */
int kh_pipeline_plan(kh_pipeline *p, const uint8_t id[20]);
/* A new blob: scanned as kh_pipeline_scan_now, and what matching left is stored. */
void kh_pipeline_scan_new(kh_pipeline *p, kh_pipeline_ctx *c, const uint8_t id[20],
			  const kh_blob *blob);
/* A new blob not read: as kh_pipeline_skipped, and stored as such. */
void kh_pipeline_skipped_new(kh_pipeline *p, const uint8_t id[20], const kh_blob *blob,
			     kh_skip reason);
/* A blob the plan said was known: judged from the memo at its places here. blob->data
 * may be NULL: rd reads the bytes when judging needs them (the blob's bytes are
 * borrowed for the call only). A blob whose matcher gave up is matched here. */
void kh_pipeline_scan_known(kh_pipeline *p, kh_pipeline_ctx *c, const uint8_t id[20],
			    kh_blob *blob, const kh_blob_reader *rd);
/* How many known blobs were read again to be judged. */
uint64_t kh_pipeline_rejudged(kh_pipeline *p);

#endif
