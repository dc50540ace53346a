/* SPDX-License-Identifier: Apache-2.0 */
/* The pipeline: the one place that decides, for every blob of every source, whether its
 * bytes are read or skipped, and then matches it, judges it at each place it sits and
 * reports it. Sources only hand bytes over:
 *   - an owned blob (kh_pipeline_submit: queued to the workers),
 *   - an owned blob whose bytes the worker that scans it reads (kh_pipeline_submit_read),
 *   - a borrowed view on the caller's thread (kh_pipeline_scan_now, with a context the
 *     pipeline hands out per worker: kh_pipeline_ctx_new),
 *   - a file too large to hold, whose bytes the pipeline may stream (kh_pipeline_large),
 *   - or the word that a blob was not read (kh_pipeline_skip/_skipped): it is counted
 *     under its reason and path rules still judge it, for every source alike.
 * Before reading, a source asks kh_pipeline_check_size whether a size may be read
 * (feed.h: what sources call). */
#ifndef KH_PIPELINE_H
#define KH_PIPELINE_H

#include "core/blob.h"
#include "core/report.h"
#include "filter/judge.h"
#include "match/match.h"
#include "pipeline/feed.h"

/* For the engine and the sweep (the layers above); sources call only feed.h. */
int kh_pipeline_new(kh_pipeline **out, const kh_judge_cfg *cfg, keyhound_report *report,
		    unsigned threads);
void kh_pipeline_free(kh_pipeline *p);     /* drain and join */
/* Judge with pol (borrowed; NULL: the engine's) from now on: a sweep's repository. */
void kh_pipeline_set_policy(kh_pipeline *p, const kh_policy *pol);
/* Consult m (borrowed; NULL: none) for the blobs handed over with their id. */
void kh_pipeline_set_memo(kh_pipeline *p, const kh_memo *m);
/* How many known blobs were read again to be judged. */
uint64_t kh_pipeline_rejudged(kh_pipeline *p);
/* A blob whose bytes are not read, borrowed (seq is the caller's): counted under
 * reason, judged by path rules. */
void kh_pipeline_skipped(kh_pipeline *p, const kh_blob *blob, kh_skip reason);
/* Its matcher scratch (tests). */
kh_scratch *kh_pipeline_ctx_scratch(kh_pipeline_ctx *c);

#endif
