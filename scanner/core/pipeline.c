/* SPDX-License-Identifier: Apache-2.0 */
/* The pipeline: sources submit blobs to a bounded queue; a pool of workers,
 * each with its own Hyperscan scratch over the shared read-only database,
 * matches each blob once and judges it at every place it occurs. With zero
 * threads, blobs are scanned on the caller's thread (hooks, rule checks). */
#include <stdlib.h>
#include <string.h>

#include "core/kh.h"
#include "decode/archive.h"
#include "rules/rules.h"

/* The queue holds at most this many bytes (and blobs), so memory stays bounded
 * whatever the source produces. */
#define QUEUE_MAX_BYTES ((size_t)256 << 20)
#define QUEUE_MAX_BLOBS 1024

struct kh_pipeline {
	const keyhound_engine *e;
	keyhound_report *report;
	pthread_mutex_t lock;
	pthread_cond_t not_empty, not_full, idle;
	kh_blob **q;
	size_t head, count, bytes;
	unsigned threads, busy;
	bool stop;
	uint64_t next_seq;
	pthread_t *tid;
	kh_scratch *inline_scratch;   /* threads == 0 */
	int error;
};

static void scan_blob(kh_pipeline *p, kh_scratch *s, kh_blob *b);

/* Each entry of a nested archive is scanned as a blob of its own. */
typedef struct {
	kh_pipeline *p;
	kh_scratch *s;
	const kh_blob *parent;
} nested_ctx;

static int on_entry(const char *path, const unsigned char *data, size_t len, unsigned depth,
		    void *payload)
{
	nested_ctx *n = payload;
	kh_blob child = {0};
	child.data = (unsigned char *)data;
	child.len = len;
	child.seq = n->parent->seq;
	child.depth = depth;
	child.n_occ = n->parent->n_occ;
	child.occ = kh_calloc(child.n_occ, sizeof(kh_origin));
	for (size_t i = 0; i < child.n_occ; i++) {
		kh_origin_copy(&child.occ[i], &n->parent->occ[i]);
		free(child.occ[i].path);
		child.occ[i].path = kh_sprintf("%s!%s", n->parent->occ[i].path ? n->parent->occ[i].path : "", path);
		/* lines of an archive member are not lines of the change */
		free(child.occ[i].added);
		child.occ[i].added = NULL;
		child.occ[i].n_added = 0;
	}
	scan_blob(n->p, n->s, &child);
	for (size_t i = 0; i < child.n_occ; i++)
		kh_origin_clear(&child.occ[i]);
	free(child.occ);
	return 0;
}

static void judge_all(kh_pipeline *p, kh_blob *b, const kh_matches *m)
{
	for (size_t i = 0; i < b->n_occ; i++)
		kh_judge(p->e, b, i, m, p->report);
}

/* The "#!" script in front of an appended zip: up to the first zip header; 0 if none. */
static size_t script_len(const unsigned char *data, size_t len)
{
	if (len < 4 || data[0] != '#' || data[1] != '!')
		return 0;
	for (size_t i = 2; i + 4 <= len; i++)
		if (data[i] == 'P' && data[i + 1] == 'K' && data[i + 2] == 3 && data[i + 3] == 4)
			return i;
	return 0;
}

static void scan_blob(kh_pipeline *p, kh_scratch *s, kh_blob *b)
{
	const keyhound_engine *e = p->e;
	kh_matches m = {0};
	const char *loc = b->n_occ && b->occ[0].path ? b->occ[0].path : "(blob)";

	kh_report_add_bytes(p->report, b->len, 1);
	if (b->len > e->opts.limits.max_file_size) {
		kh_report_skip(p->report, "max-file-size");
		judge_all(p, b, NULL);
		return;
	}
	if (kh_archive_detect(b->data, b->len)) {
		nested_ctx n = {p, s, b};
		size_t script = script_len(b->data, b->len);
		/* path rules still see the archive itself; a launch script in front of a zip
		 * (an executable jar, an installer) is text of its own */
		if (script && kh_match_blob(e->rules, s, b->data, script, &e->opts.limits, &m) < 0)
			kh_report_error(p->report, loc, "%s", keyhound_last_error());
		judge_all(p, b, script ? &m : NULL);
		kh_matches_free(&m);
		if (b->depth >= e->opts.limits.max_archive_depth) {
			kh_report_skip(p->report, "max-archive-depth");
			return;
		}
		kh_archive_expand(b->data, b->len, loc, b->depth, &e->opts.limits, p->report, on_entry, &n);
		return;
	}
	if (kh_looks_binary(b->data, b->len)) {
		kh_report_skip(p->report, "binary");
		judge_all(p, b, NULL);
		return;
	}
	if (kh_match_blob(e->rules, s, b->data, b->len, &e->opts.limits, &m) < 0)
		kh_report_error(p->report, loc, "%s", keyhound_last_error());
	if (m.n && kh_rules_own_file(b->data, b->len)) {
		/* keyhound's own rule file: its examples are not leaks (counted, path rules apply) */
		kh_report_skip(p->report, "keyhound-rule-pack");
		kh_matches_free(&m);
		judge_all(p, b, NULL);
		return;
	}
	judge_all(p, b, &m);
	kh_matches_free(&m);
}

void kh_pipeline_scan_now(kh_pipeline *p, kh_scratch *s, kh_blob *b)
{
	scan_blob(p, s, b);
}

static void *worker(void *arg)
{
	kh_pipeline *p = arg;
	kh_scratch *s = NULL;
	if (kh_scratch_new(&s, p->e->rules) < 0) {
		pthread_mutex_lock(&p->lock);
		p->error = KEYHOUND_ENOMEM;
		pthread_mutex_unlock(&p->lock);
	}
	pthread_mutex_lock(&p->lock);
	for (;;) {
		while (!p->count && !p->stop)
			pthread_cond_wait(&p->not_empty, &p->lock);
		if (!p->count && p->stop)
			break;
		kh_blob *b = p->q[p->head];
		p->head = (p->head + 1) % QUEUE_MAX_BLOBS;
		p->count--;
		p->bytes -= b->len;
		p->busy++;
		pthread_cond_signal(&p->not_full);
		pthread_mutex_unlock(&p->lock);
		if (s)
			scan_blob(p, s, b);
		else
			kh_report_error(p->report, b->n_occ && b->occ[0].path ? b->occ[0].path : "(blob)",
					"not scanned: no scratch memory");
		kh_blob_free(b);
		pthread_mutex_lock(&p->lock);
		p->busy--;
		if (!p->count && !p->busy)
			pthread_cond_broadcast(&p->idle);
	}
	pthread_mutex_unlock(&p->lock);
	kh_scratch_free(s);
	return NULL;
}

int kh_pipeline_new(kh_pipeline **out, const keyhound_engine *e, keyhound_report *report,
		    unsigned threads)
{
	kh_pipeline *p = kh_calloc(1, sizeof(*p));
	int error = 0;
	p->e = e;
	p->report = report;
	p->threads = threads;
	pthread_mutex_init(&p->lock, NULL);
	pthread_cond_init(&p->not_empty, NULL);
	pthread_cond_init(&p->not_full, NULL);
	pthread_cond_init(&p->idle, NULL);
	p->q = kh_calloc(QUEUE_MAX_BLOBS, sizeof(kh_blob *));
	if (!threads) {
		error = kh_scratch_new(&p->inline_scratch, e->rules);
		goto done;
	}
	p->tid = kh_calloc(threads, sizeof(pthread_t));
	for (unsigned i = 0; i < threads; i++)
		if (pthread_create(&p->tid[i], NULL, worker, p) != 0) {
			p->threads = i;
			error = kh_error(KEYHOUND_ERROR, "cannot start worker threads");
			break;
		}
done:
	if (error) {
		kh_pipeline_free(p);
		p = NULL;
	}
	*out = p;
	return error;
}

uint64_t kh_pipeline_next_seq(kh_pipeline *p)
{
	pthread_mutex_lock(&p->lock);
	uint64_t seq = p->next_seq++;
	pthread_mutex_unlock(&p->lock);
	return seq;
}

int kh_pipeline_submit(kh_pipeline *p, kh_blob *b)
{
	b->seq = kh_pipeline_next_seq(p);
	if (!p->threads) {
		scan_blob(p, p->inline_scratch, b);
		kh_blob_free(b);
		return 0;
	}
	pthread_mutex_lock(&p->lock);
	/* a blob larger than the byte bound still goes in once the queue is empty */
	while (p->count == QUEUE_MAX_BLOBS || (p->count && p->bytes + b->len > QUEUE_MAX_BYTES))
		pthread_cond_wait(&p->not_full, &p->lock);
	p->q[(p->head + p->count) % QUEUE_MAX_BLOBS] = b;
	p->count++;
	p->bytes += b->len;
	pthread_cond_signal(&p->not_empty);
	pthread_mutex_unlock(&p->lock);
	return 0;
}

int kh_pipeline_wait(kh_pipeline *p)
{
	pthread_mutex_lock(&p->lock);
	while (p->threads && (p->count || p->busy))
		pthread_cond_wait(&p->idle, &p->lock);
	int error = p->error;
	pthread_mutex_unlock(&p->lock);
	return error;
}

void kh_pipeline_free(kh_pipeline *p)
{
	if (!p)
		return;
	pthread_mutex_lock(&p->lock);
	p->stop = true;
	pthread_cond_broadcast(&p->not_empty);
	pthread_mutex_unlock(&p->lock);
	for (unsigned i = 0; i < p->threads; i++)
		pthread_join(p->tid[i], NULL);
	free(p->tid);
	for (size_t i = 0; i < p->count; i++)
		kh_blob_free(p->q[(p->head + i) % QUEUE_MAX_BLOBS]);
	free(p->q);
	kh_scratch_free(p->inline_scratch);
	pthread_mutex_destroy(&p->lock);
	pthread_cond_destroy(&p->not_empty);
	pthread_cond_destroy(&p->not_full);
	pthread_cond_destroy(&p->idle);
	free(p);
}

keyhound_report *kh_pipeline_report(kh_pipeline *p)
{
	return p->report;
}

const keyhound_engine *kh_pipeline_engine(kh_pipeline *p)
{
	return p->e;
}
