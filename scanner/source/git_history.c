/* SPDX-License-Identifier: Apache-2.0 */
/* keyhound git: the whole history. Every blob reachable from every ref is matched once,
 * and judged at each path it appears at, with the first commit that put it there.
 *
 * 1. One walk over the commits yields for each (blob, path) the first commit, and the
 *    set of blobs in HEAD: git_walk.c, with the object parsers of git_object.c. It reads
 *    commits and trees one by one with our readers (git_store.c; libgit2 reads no object
 *    here, it hangs on damaged ones), and keeps only the trees it diffs against (bounded
 *    by --max-tree-memory), so memory does not grow with the trees of the history.
 * 3. Each pack's blobs are read with the pack reader on every worker thread and
 *    matched in place; blobs the pack walks did not serve are read one by one (this file).
 * 4. Commit messages are scanned as blobs of their own. */
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>

#include "core/blob.h"
#include "core/report.h"
#include "source/git.h"
#include "source/git_pack.h"
#include "source/git_store.h"
#include "source/git_walk.h"

#define NONE KH_WALK_NONE

typedef struct {
	kh_git *g;
	const keyhound_options *o;  /* the engine's */
	keyhound_report *report;
	kh_pipeline *pipe;
	kh_store st;
	kh_walk w;
	unsigned threads;
	kh_pipeline_ctx **ctx;      /* per thread */
	bool memo;                  /* the pipeline consults a match memo (a sweep) */
	_Atomic uint64_t blobs_seen;
	/* per thread: the blob being read in pieces, and the line its next piece starts at */
	struct piece_state { uint64_t seq; unsigned long line; kh_origin *occ; size_t n_occ;
			     char **paths; } *piece;
} hist;

/* Pieces of a blob too large to hold overlap by this much: a match up to half as long
 * lies whole in the piece that keeps it (the matcher confirms a match within 64 KiB of
 * its hit). */
#define PIECE_OVERLAP ((size_t)128 << 10)
#define PIECE_DEFAULT ((uint64_t)64 << 20)
#define PIECE_MIN ((uint64_t)1 << 20)
#define PIECE_MAX ((uint64_t)1 << 30)

/* Origins of blob b, with borrowed strings (paths are written into paths[]). */
static kh_origin *blob_origins(hist *h, uint32_t b, size_t *n_out, char ***paths_out)
{
	size_t n = 0;
	kh_origin *occ;
	char **paths;
	kh_buf pb = { 0 };

	for (uint32_t o = h->w.blobs[b].first_occ; o != NONE; o = h->w.occs[o].next)
		n++;
	occ = kh_calloc(n ? n : 1, sizeof(*occ));
	paths = kh_calloc(n ? n : 1, sizeof(char *));
	n = 0;
	for (uint32_t o = h->w.blobs[b].first_occ; o != NONE; o = h->w.occs[o].next, n++) {
		const kh_occ_rec *r = &h->w.occs[o];
		kh_origin *x = &occ[n];
		*x = (kh_origin)KH_ORIGIN_INIT;
		x->source = KEYHOUND_SOURCE_GIT;
		kh_walk_path(&h->w, r->path, &pb);
		paths[n] = kh_buf_detach(&pb);
		x->path = paths[n];
		x->repository = (char *)h->g->repository;
		x->in_head = h->w.blobs[b].in_head;
		x->more_paths = h->w.blobs[b].more_paths;
		if (r->commit != NONE) {
			const kh_commit_rec *c = &h->w.commits[r->commit];
			x->commit = c->hex;
			x->author = c->author;
			x->email = c->email;
			x->date = c->date;
			x->message = c->subject;
			x->commit_rank = c->rank;
		}
	}
	kh_buf_free(&pb);
	*n_out = n;
	*paths_out = paths;
	return occ;
}

static void free_origins(kh_origin *occ, size_t n, char **paths)
{
	for (size_t i = 0; i < n; i++)
		free(paths[i]);
	free(paths);
	free(occ);
}

static void scan_blob_now(hist *h, unsigned thread, uint32_t b, const unsigned char *data,
			  size_t len)
{
	kh_blob blob = { 0 };
	char **paths;

	blob.data = (unsigned char *)data;
	blob.len = len;
	blob.seq = b;
	blob.occ = blob_origins(h, b, &blob.n_occ, &paths);
	kh_pipeline_scan_new(h->pipe, h->ctx[thread], h->w.blob_ids.ids[b], &blob);
	free_origins(blob.occ, blob.n_occ, paths);
}

/* A blob over the size limit: counted, and path rules still judge it. */
static void skip_large(hist *h, uint32_t b)
{
	kh_blob blob = { 0 };
	char **paths;

	blob.seq = b;
	blob.occ = blob_origins(h, b, &blob.n_occ, &paths);
	kh_pipeline_skipped_new(h->pipe, h->w.blob_ids.ids[b], &blob, KH_SKIP_FILE_SIZE);
	free_origins(blob.occ, blob.n_occ, paths);
}

static void progress(hist *h, unsigned thread)
{
	keyhound_scan *s = h->g->scan;
	uint64_t n = atomic_fetch_add(&h->blobs_seen, 1);

	if (thread == 0 && s->progress && n % 256 == 0) {
		keyhound_summary sum;
		keyhound_report_summary(h->report, &sum);
		s->progress(sum.bytes, sum.blobs, s->progress_payload);
	}
}

/* An unreachable blob (--all-objects): scanned once, with no path or commit. */
static uint64_t dangling_seq(const uint8_t *id)
{
	return ((uint64_t)1 << 40) + (kh_oid_hash(id) >> 24);
}

/* Its one origin, as blob_origins gives them (free_origins frees it). */
static kh_origin *dangling_origin(hist *h, const uint8_t *id, char ***paths_out)
{
	kh_origin *o = kh_calloc(1, sizeof(*o));
	char **paths = kh_calloc(1, sizeof(char *)), hex[41];

	kh_hex(id, 20, hex);
	*o = (kh_origin)KH_ORIGIN_INIT;
	o->source = KEYHOUND_SOURCE_GIT;
	o->repository = (char *)h->g->repository;
	paths[0] = o->path = kh_sprintf("(unreachable blob %s)", hex);
	*paths_out = paths;
	return o;
}

static void scan_dangling(hist *h, unsigned thread, const uint8_t *id, const unsigned char *data,
			  size_t len)
{
	kh_blob blob = { 0 };
	char **paths;

	blob.data = (unsigned char *)data;
	blob.len = len;
	blob.seq = dangling_seq(id);
	blob.occ = dangling_origin(h, id, &paths);
	blob.n_occ = 1;
	kh_pipeline_scan_now(h->pipe, h->ctx[thread], &blob);
	free_origins(blob.occ, 1, paths);
}

/* done: 0 not yet, 1 scanned, skipped or failed; with a match memo (a sweep) 2 matched
 * before, 3 matched before and its bytes wanted to judge it. */
static bool take_blob(hist *h, uint32_t b)
{
	uint8_t expected = 0;

	return atomic_compare_exchange_strong(&h->w.blobs[b].done, &expected, 1);
}

/* A blob matched before whose judging needs its bytes, served by the pack walk. */
static bool serve_known(hist *h, unsigned thread, uint32_t b, const unsigned char *data,
			size_t len)
{
	uint8_t expected = 3;
	kh_blob blob = { 0 };
	char **paths;

	if (!atomic_compare_exchange_strong(&h->w.blobs[b].done, &expected, 1))
		return false;
	blob.data = (unsigned char *)data;
	blob.len = len;
	blob.seq = b;
	blob.occ = blob_origins(h, b, &blob.n_occ, &paths);
	kh_pipeline_scan_known(h->pipe, h->ctx[thread], h->w.blob_ids.ids[b], &blob, NULL);
	free_origins(blob.occ, blob.n_occ, paths);
	return true;
}

static int blob_object(unsigned thread, const uint8_t oid[20], kh_obj_type type,
		       const unsigned char *data, size_t len, void *payload)
{
	hist *h = payload;
	uint32_t b = kh_oidmap_find(&h->w.blob_ids, oid);

	if (b == NONE) {
		if (h->g->opts->all_objects)
			scan_dangling(h, thread, oid, data, len);
		return 0;
	}
	if (h->memo && serve_known(h, thread, b, data, len))
		return 0;
	if (!take_blob(h, b))
		return 0; /* the same blob in another pack, or matched before (a sweep) */
	scan_blob_now(h, thread, b, data, len);
	progress(h, thread);
	return 0;
}

static int count_lines(const unsigned char *d, size_t n)
{
	int lines = 0;
	for (const unsigned char *e = d + n; (d = memchr(d, '\n', (size_t)(e - d))); d++)
		lines++;
	return lines;
}

/* A piece of a blob too large to hold (kh_pack_walk_options.on_piece). */
static int blob_piece(unsigned thread, const uint8_t oid[20], uint64_t size, uint64_t offset,
		      const unsigned char *data, size_t len, int last, void *payload)
{
	hist *h = payload;
	struct piece_state *ps = &h->piece[thread];
	kh_blob blob = { 0 };
	/* a piece keeps the matches from the middle of the overlap in front of it to the
	 * middle of the one behind it: each match has half the overlap of its piece
	 * before it, for its line's start, and half after it */
	size_t from = offset ? PIECE_OVERLAP / 2 : 0, until = last ? len : len - PIECE_OVERLAP / 2;
	int stop;

	if (offset == 0) {
		uint32_t b = kh_oidmap_find(&h->w.blob_ids, oid);
		if (b == NONE && !h->g->opts->all_objects)
			return 1;
		if (b != NONE && !take_blob(h, b))
			return 1; /* served by another pack */
		ps->line = 1;
		if (b != NONE) {
			ps->seq = b;
			ps->occ = blob_origins(h, b, &ps->n_occ, &ps->paths);
		} else {
			ps->seq = dangling_seq(oid);
			ps->occ = dangling_origin(h, oid, &ps->paths);
			ps->n_occ = 1;
		}
	}
	blob.data = (unsigned char *)data;
	blob.len = len;
	blob.seq = ps->seq;
	blob.occ = ps->occ;
	blob.n_occ = ps->n_occ;
	blob.first_line = ps->line;
	blob.first_offset = offset;
	blob.later_piece = offset != 0;
	stop = kh_pipeline_scan_piece(h->pipe, h->ctx[thread], &blob, from, until, size);
	/* the next piece starts PIECE_OVERLAP before this one's end */
	if (!last)
		ps->line += (unsigned long)count_lines(data, len - PIECE_OVERLAP);
	if (stop || last) {
		free_origins(ps->occ, ps->n_occ, ps->paths);
		ps->occ = NULL;
		progress(h, thread);
	}
	return stop;
}

static void blob_problem(unsigned thread, const uint8_t oid[20], kh_obj_type type,
			 kh_pack_problem problem, const char *reason, void *payload)
{
	hist *h = payload;
	uint32_t b = kh_oidmap_find(&h->w.blob_ids, oid);
	struct piece_state *ps = &h->piece[thread];

	if (ps->occ && problem == KH_PACK_ERROR) {
		/* damaged part way through a blob read in pieces: the pieces before it were
		 * matched; no other copy is looked for */
		char hex[41];
		kh_hex(oid, 20, hex);
		kh_report_error(h->report, ps->n_occ && ps->occ[0].path ? ps->occ[0].path : hex,
				"blob %s: corrupt object (read in pieces, the rest not read): %s", hex,
				reason);
		free_origins(ps->occ, ps->n_occ, ps->paths);
		ps->occ = NULL;
		return;
	}
	/* a damaged object is left for scan_leftovers, which reports it unless another pack
	 * or a loose copy serves it */
	if (b == NONE || problem != KH_PACK_TOO_LARGE || !take_blob(h, b))
		return;
	skip_large(h, b);
}

/* Read blob b by id with keyhound's readers: 0 (bytes in *data, malloc'd), 1 over the size
 * limit, -1 reported as an error. */
static int read_one(hist *h, uint32_t b, const char *where, unsigned char **data, size_t *len)
{
	kh_obj_type type;
	char hex[41];
	int error = kh_store_read(&h->st, h->w.blob_ids.ids[b], &type, data, len);

	if (error == KH_EOBJ_TOO_LARGE)
		return 1;
	if (error == 0 && type == KH_OBJ_BLOB)
		return 0;
	free(*data);
	*data = NULL;
	kh_hex(h->w.blob_ids.ids[b], 20, hex);
	kh_report_error(h->report, where ? where : hex, "blob %s: missing or corrupt object: %s", hex,
			error == KEYHOUND_ENOTFOUND ? "not found"
			: error == 0		    ? "not a blob"
						    : keyhound_last_error());
	return -1;
}

static int scan_packs(hist *h)
{
	kh_pack_walk_options o = KH_PACK_WALK_OPTIONS_INIT;
	int error = 0;

	o.threads = h->threads;
	o.types = KH_OBJ_MASK(KH_OBJ_BLOB);
	o.max_object_size = h->o->limits.max_file_size;
	o.on_object = blob_object;
	o.on_problem = blob_problem;
	o.payload = h;
	if (!h->memo) {
		/* a sweep's match memo keeps a blob's matches whole: no pieces there */
		uint64_t piece = h->g->opts->max_blob_memory ? h->g->opts->max_blob_memory : PIECE_DEFAULT;
		o.on_piece = blob_piece;
		o.piece_size = piece < PIECE_MIN ? PIECE_MIN : piece > PIECE_MAX ? PIECE_MAX : piece;
		o.piece_overlap = PIECE_OVERLAP;
	}
	for (size_t i = 0; i < h->st.n_packs; i++)
		if (h->st.open[i] && (error = kh_pack_walk(h->st.open[i], &o, NULL)) < 0)
			break;
	return error;
}

/* Blobs no pack served (loose objects, packs our reader could not open, damaged data):
 * libgit2 reads them, or they are errors. */
static void scan_leftovers(hist *h)
{
	for (uint32_t b = 0; b < h->w.blob_ids.n; b++) {
		unsigned char *data = NULL;
		kh_origin *occ;
		char **paths;
		size_t n, len = 0;
		int r;

		if (atomic_load(&h->w.blobs[b].done))
			continue;
		occ = blob_origins(h, b, &n, &paths);
		r = read_one(h, b, n ? occ[0].path : NULL, &data, &len);
		if (r > 0 || (r == 0 && kh_pipeline_check_size(h->pipe, len) != KH_SKIP_NONE))
			skip_large(h, b);
		else if (r == 0)
			scan_blob_now(h, 0, b, data, len);
		free(data);
		free_origins(occ, n, paths);
	}
}

/* With a match memo: blobs matched before are marked done so no pack walk reads them.
 * Returns whether the new blobs are many enough to be worth walking the packs for; a few
 * are cheaper to read one by one (scan_leftovers). */
static bool plan_blobs(hist *h)
{
	uint64_t wanted = 0;

	for (uint32_t b = 0; b < h->w.blob_ids.n; b++) {
		int v = kh_pipeline_plan(h->pipe, h->w.blob_ids.ids[b]);
		if (v != KH_MEMO_NEW)
			atomic_store(&h->w.blobs[b].done, v == KH_MEMO_KNOWN_BYTES ? 3 : 2);
		wanted += v != KH_MEMO_KNOWN;
	}
	/* reading one blob through libgit2 costs about as much as inflating 30 in a pack walk */
	return wanted * 32 >= h->w.blob_ids.n;
}

static int odb_read(void *payload, const uint8_t id[20], const kh_blob *b,
		    const unsigned char **data, size_t *len, void **handle)
{
	hist *h = payload;
	unsigned char *bytes = NULL;
	kh_obj_type type;
	int error = kh_store_read(&h->st, id, &type, &bytes, len);

	if (error < 0 || type != KH_OBJ_BLOB) {
		char hex[41];
		kh_hex(id, 20, hex);
		kh_report_error(h->report, b->n_occ && b->occ[0].path ? b->occ[0].path : hex,
				"blob %s: missing or corrupt object: %s", hex,
				error == KEYHOUND_ENOTFOUND ? "not found"
				: error == 0		    ? "not a blob"
							    : keyhound_last_error());
		free(bytes);
		return -1;
	}
	*data = bytes;
	*handle = bytes;
	return 0;
}

static void odb_release(void *payload, void *handle)
{
	(void)payload;
	free(handle);
}

static bool odb_exists(void *payload, const uint8_t id[20], const kh_blob *b)
{
	hist *h = payload;
	char hex[41];

	if (kh_store_exists(&h->st, id))
		return true;
	kh_hex(id, 20, hex);
	kh_report_error(h->report, b->n_occ && b->occ[0].path ? b->occ[0].path : hex,
			"blob %s: missing object", hex);
	return false;
}

/* With a match memo: the blobs matched before, judged here from what was kept. */
static void scan_known(hist *h)
{
	kh_blob_reader rd = { odb_read, odb_release, odb_exists, h };

	for (uint32_t b = 0; b < h->w.blob_ids.n; b++) {
		kh_blob blob = { 0 };
		char **paths;

		uint8_t d = atomic_load(&h->w.blobs[b].done);
		if (d != 2 && d != 3)
			continue; /* 3: wanted bytes, but no pack walk served them */
		blob.seq = b;
		blob.occ = blob_origins(h, b, &blob.n_occ, &paths);
		kh_pipeline_scan_known(h->pipe, h->ctx[0], h->w.blob_ids.ids[b], &blob, &rd);
		free_origins(blob.occ, blob.n_occ, paths);
	}
}

/* Commit messages: people paste tokens there too. */
static void scan_messages(hist *h)
{
	for (uint32_t k = 0; k < h->w.commit_ids.n; k++) {
		kh_commit_rec *c = &h->w.commits[h->w.order[k]];
		kh_blob blob = { 0 };
		kh_origin o = KH_ORIGIN_INIT;

		if (!c->known || !c->message || !*c->message)
			continue;
		blob.len = strlen(c->message);
		blob.data = (unsigned char *)c->message;
		blob.seq = (uint64_t)h->w.blob_ids.n + k;
		o.source = KEYHOUND_SOURCE_GIT;
		o.commit = c->hex;
		o.author = c->author;
		o.email = c->email;
		o.date = c->date;
		o.commit_rank = c->rank;
		/* the finding points into the message: repeating its first line would print
		 * the secret unredacted */
		o.message = h->o->show_secrets ? c->subject : NULL;
		o.repository = (char *)h->g->repository;
		o.commit_message = true;
		blob.occ = &o;
		blob.n_occ = 1;
		kh_pipeline_scan_now(h->pipe, h->ctx[0], &blob);
	}
}

/* Loose objects nobody reached (--all-objects): dangling blobs of rewritten history. */
static int loose_object(const git_oid *id, void *payload)
{
	hist *h = payload;
	unsigned char *data = NULL;
	kh_obj_type type;
	size_t len;

	if (kh_oidmap_find(&h->w.blob_ids, id->id) != NONE)
		return 0;
	if (kh_store_in_packs(&h->st, id->id))
		return 0;
	if (kh_store_read(&h->st, id->id, &type, &data, &len) == 0 && type == KH_OBJ_BLOB &&
	    kh_pipeline_check_size(h->pipe, len) == KH_SKIP_NONE)
		scan_dangling(h, 0, id->id, data, len);
	free(data);
	return 0;
}

static void hist_free(hist *h)
{
	kh_walk_free(&h->w);
	kh_store_free(&h->st);
	for (unsigned t = 0; h->ctx && t < h->threads; t++)
		kh_pipeline_ctx_free(h->pipe, h->ctx[t]);
	free(h->ctx);
	for (unsigned t = 0; h->piece && t < h->threads; t++)
		if (h->piece[t].occ)
			free_origins(h->piece[t].occ, h->piece[t].n_occ, h->piece[t].paths);
	free(h->piece);
}

int kh_git_history(kh_git *g)
{
	hist h = { 0 };
	int error = 0;

	h.g = g;
	h.o = g->scan->opts;
	h.report = g->scan->report;
	h.pipe = g->scan->pipe;
	h.memo = kh_pipeline_has_memo(h.pipe);
	h.threads = h.o->threads ? h.o->threads : 1;
	h.w.prev_max = g->opts->max_tree_memory;
	h.w.g = g;
	h.w.report = h.report;
	h.w.st = &h.st;
	h.st.max_size = h.o->limits.max_file_size;
	h.st.report = h.report;
	if (git_repository_odb(&h.st.odb, g->repo) < 0) {
		error = kh_error(KEYHOUND_ERROR, "cannot open the object database: %s",
				 git_error_last() ? git_error_last()->message : "");
		goto done;
	}
	h.ctx = kh_calloc(h.threads, sizeof(kh_pipeline_ctx *));
	h.piece = kh_calloc(h.threads, sizeof(*h.piece));
	for (unsigned t = 0; t < h.threads; t++)
		if ((error = kh_pipeline_ctx_new(&h.ctx[t], h.pipe)) < 0)
			goto done;
	kh_git_step(NULL);
	kh_store_find_packs(&h.st, g->gitdir);
	kh_git_step("packs");
	kh_walk_history(&h.w);
	g->commits = h.w.commit_ids.n;
	g->blobs = h.w.blob_ids.n;
	kh_git_step("walk");
	if ((!h.memo || plan_blobs(&h)) && (error = scan_packs(&h)) < 0)
		goto done;
	kh_git_step("blobs");
	scan_leftovers(&h);
	if (h.memo)
		scan_known(&h);
	if (g->opts->all_objects)
		git_odb_foreach(h.st.odb, loose_object, &h);
	scan_messages(&h);
	error = kh_pipeline_wait(h.pipe);
	kh_git_step("rest");
done:
	hist_free(&h);
	return error;
}
