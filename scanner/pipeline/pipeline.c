/* SPDX-License-Identifier: Apache-2.0 */
/* The pipeline (pipeline.h): sources hand blobs over; a pool of workers, each with its
 * own Hyperscan scratch over the shared read-only database, matches each blob once and
 * judges it at every place it occurs. With zero threads, blobs are scanned on the
 * caller's thread (hooks, rule checks). Whether bytes are read, matched or skipped is
 * decided here, the same way for every source. */
#include <errno.h>
#include <malloc.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "core/blob.h"
#include "core/kh.h"
#include "core/report.h"
#include "decode/archive.h"
#include "decode/decode.h"
#include "filter/judge.h"
#include "match/match.h"
#include "pipeline/pipeline.h"
#include "pipeline/pipeline_int.h"
#include "rules/rules.h"

/* Enough of a large file's first bytes to recognise an archive (tar's magic is at 257). */
#define HEAD_MIN 512

int kh_pl_ctx_new(kh_pipeline_ctx **out, kh_pipeline *p)
{
	kh_pipeline_ctx *c = kh_calloc(1, sizeof(*c));
	int error = kh_scratch_new(&c->scratch, p->e->rules);

	if (error < 0) {
		free(c);
		c = NULL;
	}
	*out = c;
	return error;
}

void kh_pl_ctx_free(kh_pipeline_ctx *c)
{
	if (!c)
		return;
	kh_scratch_free(c->scratch);
	free(c);
}

kh_scratch *kh_pipeline_ctx_scratch(kh_pipeline_ctx *c)
{
	return c->scratch;
}

void kh_pipeline_set_policy(kh_pipeline *p, const kh_policy *pol)
{
	p->policy = pol ? pol : p->e->policy;
}

kh_skip kh_pl_check_size(const kh_pipeline *p, uint64_t size)
{
	return size > p->e->opts->limits.max_file_size ? KH_SKIP_FILE_SIZE : KH_SKIP_NONE;
}

void kh_pipeline_judge_all(kh_pipeline *p, const kh_blob *b, const kh_matches *m)
{
	for (size_t i = 0; i < b->n_occ; i++)
		kh_judge(p->e, p->policy, b, i, m, p->report);
}

void kh_pipeline_skipped(kh_pipeline *p, const kh_blob *b, kh_skip reason)
{
	kh_report_skip(p->report, reason);
	kh_pipeline_judge_all(p, b, NULL); /* the bytes are not read, but path rules still judge it */
}


/* Each entry of a nested archive is a blob of its own, at "outer!inner" in each place
 * the archive sits. */
typedef struct {
	kh_pipeline *p;
	kh_pipeline_ctx *c;
	const kh_blob *parent;
} nested_ctx;

static void child_init(const nested_ctx *n, const char *path, unsigned depth, kh_blob *child)
{
	memset(child, 0, sizeof(*child));
	child->seq = n->parent->seq;
	child->depth = depth;
	child->n_occ = n->parent->n_occ;
	child->occ = kh_calloc(child->n_occ ? child->n_occ : 1, sizeof(kh_origin));
	for (size_t i = 0; i < child->n_occ; i++) {
		const kh_origin *po = &n->parent->occ[i];
		kh_origin_copy(&child->occ[i], po);
		free(child->occ[i].path);
		child->occ[i].path = kh_sprintf("%s!%s", po->path ? po->path : "", path);
		if (po->root_path) {
			free(child->occ[i].root_path);
			child->occ[i].root_path = kh_sprintf("%s!%s", po->root_path, path);
		}
		/* lines of an archive member are not lines of the change */
		free(child->occ[i].added);
		child->occ[i].added = NULL;
		child->occ[i].n_added = 0;
	}
}

static void child_clear(kh_blob *child)
{
	for (size_t i = 0; i < child->n_occ; i++)
		kh_origin_clear(&child->occ[i]);
	free(child->occ);
}

static int on_entry(const char *path, const unsigned char *data, size_t len, unsigned depth,
		    void *payload)
{
	nested_ctx *n = payload;
	kh_blob child;

	child_init(n, path, depth, &child);
	child.data = (unsigned char *)data;
	child.len = len;
	kh_pipeline_scan_blob(n->p, n->c, &child);
	child_clear(&child);
	return 0;
}

static void on_skipped(const char *path, kh_skip reason, unsigned depth, void *payload)
{
	nested_ctx *n = payload;
	kh_blob child;

	child_init(n, path, depth, &child);
	kh_pipeline_skipped(n->p, &child, reason);
	child_clear(&child);
}

static const char *blob_location(const kh_blob *b)
{
	return b->n_occ && b->occ[0].path ? b->occ[0].path : "(blob)";
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

/* The blob's bytes through the matcher, with every place the blob sits known: rules
 * scoped elsewhere are not matched. */
static void match_at_paths(kh_pipeline *p, kh_pipeline_ctx *c, const kh_blob *b, kh_matches *m)
{
	const kh_judge_cfg *e = p->e;
	const char *few[8], **paths = b->n_occ <= 8 ? few : kh_calloc(b->n_occ, sizeof(char *));

	for (size_t i = 0; i < b->n_occ; i++)
		paths[i] = kh_origin_where(&b->occ[i]);
	kh_scratch_set_paths(c->scratch, paths, b->n_occ);
	if (kh_match_blob(e->rules, c->scratch, b->data, b->len, &e->opts->limits, m) < 0)
		kh_report_error(p->report, blob_location(b), "%s", keyhound_last_error());
	kh_scratch_set_paths(c->scratch, NULL, 0);
	if (paths != few)
		free(paths);
}

void kh_pipeline_scan_blob(kh_pipeline *p, kh_pipeline_ctx *c, const kh_blob *b)
{
	const kh_judge_cfg *e = p->e;
	kh_matches m = {0};

	if (p->report->stopped)
		return; /* the findings callback stopped the scan */
	if (atomic_load(&p->oom_failures))
		return; /* an allocation failed: the scan ends in KEYHOUND_ENOMEM (kh_pl_wait) */
	if (kh_pl_check_size(p, b->len) != KH_SKIP_NONE) {
		kh_pipeline_skipped(p, b, KH_SKIP_FILE_SIZE);
		return;
	}
	kh_report_add_bytes(p->report, b->len, 1);
	if (kh_archive_detect(b->data, b->len)) {
		nested_ctx n = {p, c, b};
		kh_archive_sink sink = {on_entry, on_skipped, &n};
		size_t script = script_len(b->data, b->len);
		if (kh_archive_expand(b->data, b->len, blob_location(b), b->depth, &e->opts->limits,
				      p->report, &sink) != KH_ARCHIVE_UNREADABLE) {
			/* path rules still see the archive itself; a launch script in front of
			 * a zip (an executable jar, an installer) is text of its own */
			if (script &&
			    kh_match_blob(e->rules, c->scratch, b->data, script, &e->opts->limits, &m) < 0)
				kh_report_error(p->report, blob_location(b), "%s", keyhound_last_error());
			kh_pipeline_judge_all(p, b, script ? &m : NULL);
			kh_matches_free(&m);
			return;
		}
		/* it only looked like one (a corrupt fixture kept on purpose): plain bytes */
		kh_report_skip(p->report, KH_SKIP_ARCHIVE_UNREADABLE);
	}
	if (kh_looks_binary(b->data, b->len)) {
		kh_pipeline_skipped(p, b, KH_SKIP_BINARY);
		return;
	}
	match_at_paths(p, c, b, &m);
	if (m.n && kh_rules_own_file(b->data, b->len)) {
		/* keyhound's own rule file: its examples are not leaks (counted, path rules apply) */
		kh_matches_free(&m);
		kh_pipeline_skipped(p, b, KH_SKIP_RULE_PACK);
		return;
	}
	kh_pipeline_judge_all(p, b, &m);
	kh_matches_free(&m);
}

void kh_pl_scan_now(kh_pipeline *p, kh_pipeline_ctx *c, const kh_blob *b)
{
	kh_pipeline_scan_blob(p, c, b);
}

/* Keep the matches that start in [from, until) (free what the others own). */
static void keep_between(kh_matches *m, size_t from, size_t until)
{
	size_t n = 0;

	for (size_t i = 0; i < m->n; i++) {
		if (m->v[i].start >= from && m->v[i].start < until) {
			m->v[n++] = m->v[i];
			continue;
		}
		free(m->v[i].decoded_secret);
		free(m->v[i].decoded_match);
	}
	m->n = n;
}

int kh_pl_scan_piece(kh_pipeline *p, kh_pipeline_ctx *c, const kh_blob *b, size_t from,
		     size_t until, uint64_t size)
{
	kh_matches m = {0};

	if (p->report->stopped)
		return 1;
	if (!b->later_piece && kh_archive_detect(b->data, b->len)) {
		/* an archive too large to hold is not opened from history */
		kh_pipeline_skipped(p, b, KH_SKIP_FILE_SIZE);
		return 1;
	}
	if (!b->later_piece)
		kh_report_add_bytes(p->report, size, 1);
	if (!b->later_piece && kh_looks_binary(b->data, b->len)) {
		kh_pipeline_skipped(p, b, KH_SKIP_BINARY);
		return 1;
	}
	match_at_paths(p, c, b, &m);
	keep_between(&m, from, until);
	kh_pipeline_judge_all(p, b, &m);
	kh_matches_free(&m);
	return 0;
}

void kh_pl_skip(kh_pipeline *p, kh_blob *b, kh_skip reason)
{
	b->seq = kh_pl_next_seq(p);
	kh_pipeline_skipped(p, b, reason);
	kh_blob_free(b);
}

/* Reads up to want bytes more into b (grown); false on a read error (errno set). */
static bool read_more(kh_blob *b, int fd, size_t want, bool *eof)
{
	b->data = kh_realloc(b->data, b->len + want);
	while (want) {
		ssize_t r = read(fd, b->data + b->len, want);
		if (r < 0 && errno == EINTR)
			continue;
		if (r < 0)
			return false;
		if (r == 0) {
			*eof = true;
			break;
		}
		b->len += (size_t)r;
		want -= (size_t)r;
	}
	return true;
}

static void enqueue(kh_pipeline *p, kh_blob *b, kh_pipeline_reader *rd, bool new_seq);

/* A file over max_file_size (b->seq set): an archive is streamed from fd, anything else
 * skipped. c: the scanning context of this thread; NULL on the calling thread, whose own
 * is made when an archive needs it. Takes b. */
static void large_on(kh_pipeline *p, kh_pipeline_ctx *c, kh_blob *b, int fd)
{
	bool eof = false;
	nested_ctx n = {p, NULL, b};
	kh_archive_sink sink = {on_entry, on_skipped, &n};

	if (b->len < HEAD_MIN && !read_more(b, fd, HEAD_MIN - b->len, &eof)) {
		kh_report_error(p->report, blob_location(b), "cannot read: %s", strerror(errno));
		kh_blob_free(b);
		return;
	}
	if (eof && kh_pl_check_size(p, b->len) == KH_SKIP_NONE) {
		/* it shrank while we looked: scanned as any blob, here on a worker */
		if (c) {
			kh_pipeline_scan_blob(p, c, b);
			kh_blob_free(b);
		} else {
			enqueue(p, b, NULL, false);
		}
		return;
	}
	if (!kh_archive_detect(b->data, b->len)) {
		kh_pipeline_skipped(p, b, KH_SKIP_FILE_SIZE);
		kh_blob_free(b);
		return;
	}
	if (!c && !p->caller && kh_pl_ctx_new(&p->caller, p) < 0) {
		kh_report_error(p->report, blob_location(b), "not scanned: no scratch memory");
		kh_blob_free(b);
		return;
	}
	n.c = c ? c : p->caller;
	kh_report_add_bytes(p->report, 0, 1);
	kh_pipeline_judge_all(p, b, NULL); /* path rules still see the archive itself */
	/* too large to scan as plain bytes when it does not open: only counted */
	if (kh_archive_expand_stream(fd, b->data, b->len, 0, blob_location(b), b->depth,
				     &p->e->opts->limits, p->report, &sink) == KH_ARCHIVE_UNREADABLE)
		kh_report_skip(p->report, KH_SKIP_ARCHIVE_UNREADABLE);
	kh_blob_free(b);
}

void kh_pl_large(kh_pipeline *p, kh_blob *b, int fd)
{
	b->seq = kh_pl_next_seq(p);
	large_on(p, NULL, b, fd);
}

/* A queued blob's bytes, read by its reader on the thread about to scan it (c: that
 * thread's context). Returns the blob to scan, or NULL when there is none (not read, or
 * too large and dealt with here). */
static kh_blob *read_queued(kh_pipeline *p, kh_pipeline_ctx *c, kh_blob *b, kh_pipeline_reader *rd)
{
	int fd = -1, rc = rd->read(rd, p, b, &fd);

	rd->done(rd);
	if (rc == 0)
		return b;
	if (rc > 0) {
		large_on(p, c, b, fd);
		close(fd);
	} else {
		kh_blob_free(b);
	}
	return NULL;
}

/* The size class of a buffer of need bytes (POOL_CLASSES: none, too large). */
static unsigned pool_class(size_t need)
{
	unsigned k = 0;
	while (k < POOL_CLASSES && ((size_t)1 << (POOL_MIN_SHIFT + k)) < need)
		k++;
	return k;
}

unsigned char *kh_pl_buffer(kh_pipeline *p, size_t need)
{
	unsigned k = pool_class(need);
	unsigned char *b = NULL;
	if (k == POOL_CLASSES || !p->threads)
		return kh_malloc_filled(need);
	pthread_mutex_lock(&p->lock);
	if (p->pool->n[k]) {
		b = p->pool->v[k][--p->pool->n[k]];
		p->pool->bytes -= (size_t)1 << (POOL_MIN_SHIFT + k);
	}
	pthread_mutex_unlock(&p->lock);
	/* the whole class size, so any buffer of the class serves any need of it */
	return b ? b : kh_try_alloc((size_t)1 << (POOL_MIN_SHIFT + k));
}

/* A scanned blob's bytes back to the pool (the lock held), else freed. A buffer holds at
 * least the largest class size its usable size covers. */
static void recycle(kh_pipeline *p, kh_blob *b)
{
	size_t cap = b->data ? malloc_usable_size(b->data) : 0;
	unsigned k = pool_class(cap + 1);
	/* within twice the largest class: a larger buffer (a big file's) is not kept */
	if (cap < ((size_t)2 << POOL_MAX_SHIFT) && k-- > 0 && p->pool->n[k] < POOL_PER_CLASS &&
	    p->pool->bytes + ((size_t)1 << (POOL_MIN_SHIFT + k)) <= POOL_KEEP) {
		p->pool->v[k][p->pool->n[k]++] = b->data;
		p->pool->bytes += (size_t)1 << (POOL_MIN_SHIFT + k);
		b->data = NULL;
	}
}

static void *worker(void *arg)
{
	kh_pipeline *p = arg;
	kh_pipeline_ctx *s = NULL;
	kh_oom_adopt(&p->oom_failures);
	if (kh_pl_ctx_new(&s, p) < 0) {
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
		kh_pl_entry e = p->q[p->head];
		kh_blob *b = e.blob;
		p->head = (p->head + 1) % QUEUE_MAX_BLOBS;
		p->count--;
		p->bytes -= b->len; /* what it held when queued (none when unread) */
		p->busy++;
		/* a waiting source is woken when the queue is half empty, not at each blob taken:
		 * it then queues many blobs per wake-up (a wake-up and a sleep per file were an
		 * eighth of a folder walk's thread) */
		if (p->full_waiters && (!p->count || (p->count <= QUEUE_MAX_BLOBS / 2 &&
						      p->bytes <= QUEUE_MAX_BYTES / 2)))
			pthread_cond_broadcast(&p->not_full);
		pthread_mutex_unlock(&p->lock);
		if (!s) {
			kh_report_error(p->report, blob_location(b), "not scanned: no scratch memory");
			if (e.rd)
				e.rd->done(e.rd);
		} else if (!e.rd || (b = read_queued(p, s, b, e.rd))) {
			kh_pipeline_scan_blob(p, s, b);
		}
		pthread_mutex_lock(&p->lock);
		if (b) {
			recycle(p, b);
			kh_blob_free(b);
		}
		p->busy--;
		if (!p->count && !p->busy)
			pthread_cond_broadcast(&p->idle);
	}
	pthread_mutex_unlock(&p->lock);
	kh_pl_ctx_free(s);
	return NULL;
}

static const kh_pipeline_ops ops = {
	.check_size = kh_pl_check_size,
	.submit = kh_pl_submit,
	.submit_read = kh_pl_submit_read,
	.scan_now = kh_pl_scan_now,
	.scan_piece = kh_pl_scan_piece,
	.skip = kh_pl_skip,
	.large = kh_pl_large,
	.next_seq = kh_pl_next_seq,
	.wait = kh_pl_wait,
	.ctx_new = kh_pl_ctx_new,
	.ctx_free = kh_pl_ctx_free,
	.has_memo = kh_pl_has_memo,
	.plan = kh_pl_plan,
	.scan_new = kh_pl_scan_new,
	.skipped_new = kh_pl_skipped_new,
	.scan_known = kh_pl_scan_known,
	.buffer = kh_pl_buffer,
};

int kh_pipeline_new(kh_pipeline **out, const kh_judge_cfg *e, keyhound_report *report,
		    unsigned threads)
{
	kh_pipeline *p = kh_calloc(1, sizeof(*p));
	int error = 0;
	p->ops = &ops;
	p->e = e;
	p->policy = e->policy;
	p->report = report;
	p->threads = threads;
	pthread_mutex_init(&p->lock, NULL);
	pthread_cond_init(&p->not_empty, NULL);
	pthread_cond_init(&p->not_full, NULL);
	pthread_cond_init(&p->idle, NULL);
	p->q = kh_calloc(QUEUE_MAX_BLOBS, sizeof(*p->q));
	p->pool = kh_calloc(1, sizeof(*p->pool));
	if (!threads) {
		error = kh_pl_ctx_new(&p->caller, p);
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

uint64_t kh_pl_next_seq(kh_pipeline *p)
{
	pthread_mutex_lock(&p->lock);
	uint64_t seq = p->next_seq++;
	pthread_mutex_unlock(&p->lock);
	return seq;
}

/* b to the workers, or scanned here without them; rd: its reader, or NULL. new_seq: b
 * takes the next place in the output's order (under the queue's lock: one lock per blob
 * for the source's thread), else its seq is set. */
static void enqueue(kh_pipeline *p, kh_blob *b, kh_pipeline_reader *rd, bool new_seq)
{
	if (!p->threads) {
		/* counted as the workers' would be, so the next blob sees the failure */
		void *caller = kh_oom_adopt(&p->oom_failures);
		if (new_seq)
			b->seq = kh_pl_next_seq(p);
		if (!rd || (b = read_queued(p, p->caller, b, rd))) {
			kh_pipeline_scan_blob(p, p->caller, b);
			kh_blob_free(b);
		}
		kh_oom_adopt(caller);
		return;
	}
	pthread_mutex_lock(&p->lock);
	/* a blob larger than the byte bound still goes in once the queue is empty */
	while (p->count == QUEUE_MAX_BLOBS || (p->count && p->bytes + b->len > QUEUE_MAX_BYTES)) {
		p->full_waiters++;
		pthread_cond_wait(&p->not_full, &p->lock);
		p->full_waiters--;
	}
	if (new_seq)
		b->seq = p->next_seq++;
	p->q[(p->head + p->count) % QUEUE_MAX_BLOBS] = (kh_pl_entry){b, rd};
	p->count++;
	p->bytes += b->len;
	pthread_cond_signal(&p->not_empty);
	pthread_mutex_unlock(&p->lock);
}

int kh_pl_submit(kh_pipeline *p, kh_blob *b)
{
	enqueue(p, b, NULL, true);
	return 0;
}

int kh_pl_submit_read(kh_pipeline *p, kh_blob *b, kh_pipeline_reader *rd)
{
	enqueue(p, b, rd, true);
	return 0;
}

int kh_pl_wait(kh_pipeline *p)
{
	pthread_mutex_lock(&p->lock);
	while (p->threads && (p->count || p->busy))
		pthread_cond_wait(&p->idle, &p->lock);
	int error = p->error;
	unsigned failures = atomic_load(&p->oom_failures);
	bool new_failure = failures != p->oom_handed_on;
	p->oom_handed_on = failures;
	pthread_mutex_unlock(&p->lock);
	/* a failed allocation on the workers: this call's too (a sweep's, when this is one of
	 * its repositories), and the scan's from then on */
	if (new_failure)
		kh_oom_count_failure();
	if (failures)
		error = kh_error(KEYHOUND_ENOMEM, "out of memory (an allocation failed; what it was "
						  "for was given up)");
	return kh_report_status(p->report, error);
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
	/* a worker that started late, after the last wait, and failed: the freeing call's */
	if (atomic_load(&p->oom_failures) != p->oom_handed_on)
		kh_oom_count_failure();
	for (size_t i = 0; i < p->count; i++) {
		kh_pl_entry *e = &p->q[(p->head + i) % QUEUE_MAX_BLOBS];
		if (e->rd)
			e->rd->done(e->rd);
		kh_blob_free(e->blob);
	}
	free(p->q);
	for (unsigned k = 0; k < POOL_CLASSES; k++)
		for (unsigned i = 0; i < p->pool->n[k]; i++)
			free(p->pool->v[k][i]);
	free(p->pool);
	kh_pl_ctx_free(p->caller);
	pthread_mutex_destroy(&p->lock);
	pthread_cond_destroy(&p->not_empty);
	pthread_cond_destroy(&p->not_full);
	pthread_cond_destroy(&p->idle);
	free(p);
}
