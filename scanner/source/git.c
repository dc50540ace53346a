/* SPDX-License-Identifier: Apache-2.0 */
/* keyhound git: the entry point, and the scans of changes (a range of commits, the
 * commits a push sends) that report only the lines those commits add. */
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>

#include "core/blob.h"
#include "core/report.h"
#include "pipeline/feed.h"
#include "source/git.h"
#include "source/git_mini.h"
#include "source/git_object.h"
#include "source/git_odb.h"

#define KH_CONFIG_TEXT_MAX (1u << 20) /* KH_CONFIG_MAX_BYTES */

static const char *git_msg(void)
{
	const git_error *e = git_error_last();
	return e && e->message ? e->message : "unknown libgit2 error";
}

void kh_git_ref_tips(git_repository *repo,
		     void (*cb)(void *payload, kh_tip_kind kind, const char *name, const git_oid *target),
		     void *payload)
{
	git_reference_iterator *it = NULL;
	git_reference *ref, *res;
	git_reflog *log = NULL;
	git_oid head;

	if (git_reference_name_to_id(&head, repo, "HEAD") == 0)
		cb(payload, KH_TIP_HEAD, "HEAD", &head);
	if (git_reference_iterator_new(&it, repo) == 0) {
		while (git_reference_next(&ref, it) == 0) {
			if (git_reference_resolve(&res, ref) == 0) {
				cb(payload, KH_TIP_REF, git_reference_name(ref), git_reference_target(res));
				git_reference_free(res);
			} else {
				cb(payload, KH_TIP_REF, git_reference_name(ref), NULL);
			}
			git_reference_free(ref);
		}
		git_reference_iterator_free(it);
	}
	if (git_reflog_read(&log, repo, "refs/stash") == 0) {
		for (size_t i = 0; i < git_reflog_entrycount(log); i++)
			cb(payload, KH_TIP_STASH, NULL,
			   git_reflog_entry_id_new(git_reflog_entry_byindex(log, i)));
		git_reflog_free(log);
	}
}

void kh_git_iso_date(int64_t when, int offset, char out[40])
{
	time_t t = (time_t)(when + (int64_t)offset * 60);
	struct tm tm;
	int a = offset < 0 ? -offset : offset;

	if (!gmtime_r(&t, &tm)) {
		strcpy(out, "1970-01-01T00:00:00+00:00");
		return;
	}
	char tmp[96];

	snprintf(tmp, sizeof(tmp), "%04d-%02d-%02dT%02d:%02d:%02d%c%02d:%02d", tm.tm_year + 1900,
		 tm.tm_mon + 1, tm.tm_mday, tm.tm_hour, tm.tm_min, tm.tm_sec, offset < 0 ? '-' : '+',
		 (a / 60) % 100, a % 60);
	size_t n = strlen(tmp) < 39 ? strlen(tmp) : 39;
	memcpy(out, tmp, n);
	out[n] = 0;
}

void kh_git_origin_from_commit(kh_origin *o, const kh_git *g, const git_commit *c)
{
	const git_signature *a = git_commit_author(c);
	const char *summary = git_commit_summary((git_commit *)c);
	char hex[GIT_OID_HEXSZ + 1], date[40];

	git_oid_tostr(hex, sizeof(hex), git_commit_id(c));
	o->commit = kh_strdup(hex);
	o->author = kh_strdup(a && a->name ? a->name : "");
	o->email = kh_strdup(a && a->email ? a->email : "");
	kh_git_iso_date(a ? a->when.time : 0, a ? a->when.offset : 0, date);
	o->date = kh_strdup(date);
	o->message = kh_strdup(summary ? summary : "");
}

/* options.timing (KH_GIT_TIMING=1 to the program) prints how long each step took
 * (bench/git.sh reads it); set per scan by keyhound_scan_git. */
static _Atomic bool step_timing;

void kh_git_step(const char *name)
{
	static struct timespec last, last_cpu;
	struct timespec now, cpu;

	if (!step_timing)
		return;
	clock_gettime(CLOCK_MONOTONIC, &now);
	clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &cpu);
	if (name && last.tv_sec) {
		struct rusage ru;
		getrusage(RUSAGE_SELF, &ru);
		fprintf(stderr, "keyhound git: %-6s %.3f s wall %.3f s cpu, peak %ld MB\n", name,
			(double)(now.tv_sec - last.tv_sec) + (double)(now.tv_nsec - last.tv_nsec) / 1e9,
			(double)(cpu.tv_sec - last_cpu.tv_sec) +
				(double)(cpu.tv_nsec - last_cpu.tv_nsec) / 1e9,
			ru.ru_maxrss / 1024);
	}
	last = now;
	last_cpu = cpu;
}

/* ---- the lines a diff adds ---- */

void kh_git_diff_reset(kh_git *g)
{
	kh_oidmap_free(&g->diff_ids);
	free(g->diff_paths);
	g->diff_paths = NULL;
	g->diff_paths_cap = 0;
	g->diff_files = 0;
}

int kh_git_diff_notify(const git_diff *so_far, const git_diff_delta *d, const char *spec,
		       void *payload)
{
	kh_git *g = payload;
	bool added;
	uint32_t i;

	(void)so_far;
	(void)spec;
	if (++g->diff_files > KH_DIFF_MAX_FILES)
		return GIT_EUSER;
	if (d->status == GIT_DELTA_DELETED)
		return 0;
	i = kh_oidmap_add(&g->diff_ids, d->new_file.id.id, &added);
	if (i >= g->diff_paths_cap) {
		size_t cap = g->diff_ids.cap;
		g->diff_paths = kh_realloc(g->diff_paths, sizeof(uint32_t) * cap);
		memset(g->diff_paths + g->diff_paths_cap, 0, sizeof(uint32_t) * (cap - g->diff_paths_cap));
		g->diff_paths_cap = cap;
	}
	if (g->diff_paths[i] < UINT32_MAX)
		g->diff_paths[i]++;
	return g->diff_paths[i] > KH_DIFF_PATHS_PER_BLOB; /* > 0: left out of the diff */
}

/* Paths of blob id the diff left out (kh_git_diff_notify). */
static unsigned long diff_more_paths(const kh_git *g, const git_oid *id)
{
	uint32_t i = kh_oidmap_find(&g->diff_ids, id->id);

	return i == KH_OIDMAP_NONE || g->diff_paths[i] <= KH_DIFF_PATHS_PER_BLOB
		       ? 0
		       : g->diff_paths[i] - KH_DIFF_PATHS_PER_BLOB;
}

/* The error of a diff that failed: past KH_DIFF_MAX_FILES, or libgit2's. */
static void diff_failed(kh_git *g, const char *where)
{
	if (g->diff_files > KH_DIFF_MAX_FILES)
		kh_report_error(g->scan->report, where,
				"the change holds more than 1,048,576 files: not scanned");
	else
		kh_report_error(g->scan->report, where, "cannot diff: %s", git_msg());
}

/* Scan the new side of every added, modified, renamed or copied file of diff, reporting
 * only findings that touch lines the diff adds. commit may be NULL (the index). */
int kh_git_scan_diff(kh_git *g, git_diff *diff, const git_commit *commit)
{
	keyhound_scan *s = g->scan;
	git_diff_find_options fo;
	size_t n;
	int error;

	git_diff_find_options_init(&fo, GIT_DIFF_FIND_OPTIONS_VERSION);
	fo.flags = GIT_DIFF_FIND_RENAMES;
	if ((error = git_diff_find_similar(diff, &fo)) < 0)
		return kh_error(KEYHOUND_ERROR, "diff: %s", git_msg());
	n = git_diff_num_deltas(diff);
	for (size_t i = 0; i < n; i++) {
		const git_diff_delta *d = git_diff_get_delta(diff, i);
		git_patch *patch = NULL;
		git_blob *blob = NULL;
		kh_blob *b;
		kh_origin *o;

		if (d->status != GIT_DELTA_ADDED && d->status != GIT_DELTA_MODIFIED &&
		    d->status != GIT_DELTA_RENAMED && d->status != GIT_DELTA_COPIED &&
		    d->status != GIT_DELTA_TYPECHANGE)
			continue; /* deletions add nothing */
		if (d->new_file.mode == GIT_FILEMODE_COMMIT || d->new_file.mode == GIT_FILEMODE_TREE)
			continue; /* submodules are another repository */
		if (git_blob_lookup(&blob, g->repo, &d->new_file.id) < 0) {
			if (g->has_too_large && !memcmp(g->too_large, d->new_file.id.id, 20))
				kh_report_skip(s->report, KH_SKIP_FILE_SIZE);
			else
				kh_report_error(s->report, d->new_file.path, "cannot read the blob: %s",
						git_msg());
			continue;
		}
		b = kh_calloc(1, sizeof(*b));
		b->n_occ = 1;
		b->occ = o = kh_calloc(1, sizeof(*o));
		*o = (kh_origin)KH_ORIGIN_INIT;
		o->source = KEYHOUND_SOURCE_GIT;
		o->path = kh_strdup(d->new_file.path);
		o->repository = kh_strdup(g->repository);
		o->more_paths = diff_more_paths(g, &d->new_file.id);
		if (commit)
			kh_git_origin_from_commit(o, g, commit);
		kh_skip skip = kh_pipeline_check_size(s->pipe, (uint64_t)git_blob_rawsize(blob));
		if (skip != KH_SKIP_NONE) {
			kh_pipeline_skip(s->pipe, b, skip);
			git_blob_free(blob);
			continue;
		}
		/* a whole new file: every line is added (added == NULL) */
		if (d->status != GIT_DELTA_ADDED && git_patch_from_diff(&patch, diff, i) == 0 && patch &&
		    !(d->flags & GIT_DIFF_FLAG_BINARY)) {
			size_t nh = git_patch_num_hunks(patch);
			o->added = kh_calloc(nh ? nh : 1, sizeof(kh_line_range));
			for (size_t k = 0; k < nh; k++) {
				const git_diff_hunk *h;
				size_t lines;
				if (git_patch_get_hunk(&h, &lines, patch, k) == 0 && h->new_lines > 0)
					o->added[o->n_added++] = (kh_line_range){
						(unsigned long)h->new_start,
						(unsigned long)(h->new_start + h->new_lines - 1)
					};
			}
		}
		git_patch_free(patch);
		b->len = (size_t)git_blob_rawsize(blob);
		b->data = kh_malloc(b->len ? b->len : 1);
		memcpy(b->data, git_blob_rawcontent(blob), b->len);
		git_blob_free(blob);
		kh_pipeline_submit(s->pipe, b);
	}
	return 0;
}

/* The lines commit adds to its first parent (to nothing, for a root commit). */
static int scan_commit(kh_git *g, const git_oid *id)
{
	git_commit *c = NULL, *parent = NULL;
	git_tree *tree = NULL, *ptree = NULL;
	git_diff *diff = NULL;
	git_diff_options opts;
	char hex[GIT_OID_HEXSZ + 1];
	int error = 0;

	git_diff_options_init(&opts, GIT_DIFF_OPTIONS_VERSION);
	git_oid_tostr(hex, sizeof(hex), id);
	opts.context_lines = 0;
	opts.flags = GIT_DIFF_IGNORE_SUBMODULES;
	opts.notify_cb = kh_git_diff_notify;
	opts.payload = g;
	kh_git_diff_reset(g);
	if (git_commit_lookup(&c, g->repo, id) < 0 || git_commit_tree(&tree, c) < 0 ||
	    (git_commit_parentcount(c) &&
	     (git_commit_parent(&parent, c, 0) < 0 || git_commit_tree(&ptree, parent) < 0))) {
		kh_report_error(g->scan->report, hex, "cannot read the commit: %s", git_msg());
		goto done;
	}
	if (git_diff_tree_to_tree(&diff, g->repo, ptree, tree, &opts) < 0) {
		diff_failed(g, hex);
		goto done;
	}
	error = kh_git_scan_diff(g, diff, c);
done:
	git_diff_free(diff);
	git_tree_free(tree);
	git_tree_free(ptree);
	git_commit_free(parent);
	git_commit_free(c);
	return error;
}

/* Scan every commit a walk yields, oldest first. */
static int scan_walk(kh_git *g, git_revwalk *walk)
{
	git_oid id;
	int error = 0, rc;

	while ((rc = git_revwalk_next(&id, walk)) == 0)
		if ((error = scan_commit(g, &id)) < 0)
			return error;
	if (rc != GIT_ITEROVER)
		kh_report_error(g->scan->report, "revwalk", "cannot walk the commits: %s", git_msg());
	return 0;
}

/* The .keyhound.yml of A..B's end against its base's. */
static void config_change_revs(kh_git *g, const char *range)
{
	git_revspec spec;
	git_object *from = NULL, *to = NULL;

	if (git_revparse(&spec, g->repo, range) < 0)
		return;
	if (spec.from && spec.to && git_object_peel(&from, spec.from, GIT_OBJECT_COMMIT) == 0 &&
	    git_object_peel(&to, spec.to, GIT_OBJECT_COMMIT) == 0)
		kh_git_config_change(g, git_object_id(from), git_object_id(to));
	git_object_free(from);
	git_object_free(to);
	git_object_free(spec.from);
	git_object_free(spec.to);
}

int kh_git_range(kh_git *g, const char *range)
{
	git_revwalk *walk = NULL;
	int error = 0;

	if (git_revwalk_new(&walk, g->repo) < 0) {
		error = kh_error(KEYHOUND_ERROR, "%s", git_msg());
		goto done;
	}
	git_revwalk_sorting(walk, GIT_SORT_TOPOLOGICAL | GIT_SORT_REVERSE);
	if (!strstr(range, "..")) {
		error = kh_error(KEYHOUND_EINVAL, "--range wants A..B, got '%s'", range);
		goto done;
	}
	if (git_revwalk_push_range(walk, range) < 0) {
		error = kh_error(KEYHOUND_EINVAL, "bad range '%s': %s", range, git_msg());
		goto done;
	}
	error = scan_walk(g, walk);
	config_change_revs(g, range);
done:
	git_revwalk_free(walk);
	return error;
}

/* ---- pre-push ---- */

static bool is_zero_oid(const char *hex)
{
	return strspn(hex, "0") == strlen(hex);
}

/* Where a new branch leaves what the remote has: of the merge bases of tip with each
 * remote-tracking ref (at most KH_FORK_MAX_REFS of them), the one every other is an
 * ancestor of, else the newest. False when no remote-tracking ref shares history. */
#define KH_FORK_MAX_REFS 4096
static bool fork_point(git_repository *repo, const git_oid *tip, git_oid *out)
{
	git_reference_iterator *it = NULL;
	git_reference *ref;
	bool found = false;
	size_t n = 0;

	if (git_reference_iterator_glob_new(&it, repo, "refs/remotes/*") < 0)
		return false;
	while (n++ < KH_FORK_MAX_REFS && git_reference_next(&ref, it) == 0) {
		git_object *o = NULL;
		git_oid mb;
		if (git_reference_peel(&o, ref, GIT_OBJECT_COMMIT) == 0 &&
		    git_merge_base(&mb, repo, tip, git_object_id(o)) == 0 &&
		    (!found || git_graph_descendant_of(repo, &mb, out) == 1)) {
			*out = mb;
			found = true;
		}
		git_object_free(o);
		git_reference_free(ref);
	}
	git_reference_iterator_free(it);
	return found;
}

/* The configuration change of a new branch: against its fork point's file. */
static void config_change_new(kh_git *g, const char *tiphex)
{
	git_oid tip, base;
	char basehex[GIT_OID_HEXSZ + 1];

	if (git_oid_fromstr(&tip, tiphex) < 0 || !fork_point(g->repo, &tip, &base))
		return;
	git_oid_tostr(basehex, sizeof(basehex), &base);
	char *r = kh_sprintf("%s..%s", basehex, tiphex);
	config_change_revs(g, r);
	free(r);
}

/* local..remote for one pushed ref: remote..local, or for a new branch (or a remote
 * commit this repository lacks) what no remote-tracking ref reaches. */
static int push_ref(kh_git *g, git_revwalk *walk, const char *local, const char *remote)
{
	git_object *lo = NULL, *ro = NULL, *lc = NULL, *rc = NULL;
	git_oid id;
	int error = 0;

	if (!local || !*local || is_zero_oid(local))
		return 0; /* a deletion pushes nothing */
	if (git_oid_fromstr(&id, local) < 0 || git_object_lookup(&lo, g->repo, &id, GIT_OBJECT_ANY) < 0) {
		error = kh_error(KEYHOUND_EINVAL, "pre-push: unknown local object %s", local);
		goto done;
	}
	if (git_object_peel(&lc, lo, GIT_OBJECT_COMMIT) < 0)
		goto done; /* a tag of a tree or a blob: no commits */
	git_revwalk_push(walk, git_object_id(lc));
	if (remote && *remote && !is_zero_oid(remote) && git_oid_fromstr(&id, remote) == 0 &&
	    git_object_lookup(&ro, g->repo, &id, GIT_OBJECT_ANY) == 0 &&
	    git_object_peel(&rc, ro, GIT_OBJECT_COMMIT) == 0)
		git_revwalk_hide(walk, git_object_id(rc));
	else
		git_revwalk_hide_glob(walk, "refs/remotes/*");
done:
	git_object_free(lo);
	git_object_free(ro);
	git_object_free(lc);
	git_object_free(rc);
	return error;
}

/* One pushed range, from revisions as strings: from may be empty (a new branch). */
static int push_revs(kh_git *g, const char *to, const char *from)
{
	git_revwalk *walk = NULL;
	git_object *o = NULL;
	char tohex[GIT_OID_HEXSZ + 1], fromhex[GIT_OID_HEXSZ + 1] = "";
	int error;

	if (git_revparse_single(&o, g->repo, to) < 0)
		return kh_error(KEYHOUND_EINVAL, "pre-push: unknown revision '%s'", to);
	git_oid_tostr(tohex, sizeof(tohex), git_object_id(o));
	git_object_free(o);
	if (from && *from && !is_zero_oid(from) && git_revparse_single(&o, g->repo, from) == 0) {
		git_oid_tostr(fromhex, sizeof(fromhex), git_object_id(o));
		git_object_free(o);
	}
	if (git_revwalk_new(&walk, g->repo) < 0)
		return kh_error(KEYHOUND_ERROR, "%s", git_msg());
	git_revwalk_sorting(walk, GIT_SORT_TOPOLOGICAL | GIT_SORT_REVERSE);
	if ((error = push_ref(g, walk, tohex, fromhex)) == 0)
		error = scan_walk(g, walk);
	if (!error && fromhex[0]) {
		char *r = kh_sprintf("%s..%s", fromhex, tohex);
		config_change_revs(g, r);
		free(r);
	} else if (!error) {
		config_change_new(g, tohex);
	}
	git_revwalk_free(walk);
	return error;
}

int kh_git_pre_push(kh_git *g, FILE *in)
{
	const char *from = g->opts->pre_commit_from_ref, *to = g->opts->pre_commit_to_ref;
	const char *branch = g->opts->pre_commit_local_branch;
	git_revwalk *walk = NULL;
	char line[1024];
	size_t pushed = 0;
	int error = 0;

	/* under the pre-commit framework stdin is consumed: the range comes in the
	 * environment, or for a branch whose history is all new, only the branch */
	if (to && *to)
		return push_revs(g, to, from);
	if (g->opts->pre_commit && branch && *branch)
		return push_revs(g, branch, NULL);
	/* one walk for every pushed ref: a commit two refs share is scanned once */
	if (git_revwalk_new(&walk, g->repo) < 0)
		return kh_error(KEYHOUND_ERROR, "%s", git_msg());
	git_revwalk_sorting(walk, GIT_SORT_TOPOLOGICAL | GIT_SORT_REVERSE);
	while (in && fgets(line, sizeof(line), in)) {
		char lref[512], loid[128], rref[512], roid[128];
		if (sscanf(line, "%511s %127s %511s %127s", lref, loid, rref, roid) != 4)
			continue;
		if (is_zero_oid(loid))
			continue; /* a deletion pushes nothing */
		if ((error = push_ref(g, walk, loid, roid)) < 0)
			break;
		if (!is_zero_oid(roid)) {
			char *r = kh_sprintf("%s..%s", roid, loid);
			config_change_revs(g, r);
			free(r);
		} else {
			config_change_new(g, loid);
		}
		pushed++;
	}
	if (!error && pushed)
		error = scan_walk(g, walk);
	git_revwalk_free(walk);
	return error;
}

/* ---- the entry point ---- */

static int scan_git_body(keyhound_scan *scan, const keyhound_git_options *opts)
{
	kh_git g = { 0 };
	char *shown = NULL;
	const char *path = opts->repo ? opts->repo : ".";
	int error = 0;

	step_timing = opts->timing;
	kh_git_step(NULL);
	g.scan = scan;
	g.opts = opts;
	/* a pre-commit hook: without libgit2 when it can be done */
	if (opts->mode == KEYHOUND_GIT_STAGED &&
	    (error = kh_git_staged_fast(&g)) != KEYHOUND_ENOTFOUND) {
		free(g.owned_repository);
		return error;
	}
	if ((error = kh_dl_require(KH_DL_GIT)) < 0)
		return error;
	git_libgit2_init();
	kh_git_step("init");
	/* from the environment: a hook runs with GIT_DIR and GIT_INDEX_FILE set */
	if (git_repository_open_ext(&g.repo, opts->repo ? opts->repo : NULL,
				    opts->repo ? 0 : GIT_REPOSITORY_OPEN_FROM_ENV, NULL) < 0) {
		error = kh_error(KEYHOUND_EINVAL, "%s: not a git repository: %s", path, git_msg());
		goto done;
	}
	g.gitdir = git_repository_commondir(g.repo);
	if (opts->repo) {
		g.repository = opts->repo;
	} else {
		const char *wd = git_repository_workdir(g.repo);
		size_t n;
		shown = kh_strdup(wd ? wd : git_repository_path(g.repo));
		n = strlen(shown);
		if (n > 1 && shown[n - 1] == '/')
			shown[n - 1] = 0;
		g.repository = shown;
	}
	kh_git_step("open");
	/* the history walk reads objects with keyhound's readers alone; the diffs go through
	 * libgit2, which reads them through ours */
	if (opts->mode != KEYHOUND_GIT_HISTORY &&
	    (error = kh_git_odb_install(g.repo, g.gitdir, scan->opts->limits.max_file_size,
					scan->report, &g)) < 0)
		goto done;
	switch (opts->mode) {
	case KEYHOUND_GIT_HISTORY:
		error = kh_git_history(&g);
		break;
	case KEYHOUND_GIT_STAGED:
		error = kh_git_staged(&g);
		break;
	case KEYHOUND_GIT_RANGE:
		error = opts->range ? kh_git_range(&g, opts->range)
				    : kh_error(KEYHOUND_EINVAL, "no range given");
		break;
	case KEYHOUND_GIT_PRE_PUSH:
		error = kh_git_pre_push(&g, opts->pre_push_input ? opts->pre_push_input : stdin);
		break;
	default:
		error = kh_error(KEYHOUND_EINVAL, "unknown git mode");
	}
done:
	kh_git_diff_reset(&g);
	git_repository_free(g.repo);
	git_libgit2_shutdown();
	free(shown);
	return error;
}

int keyhound_scan_git(keyhound_scan *scan, const keyhound_git_options *opts)
{
	unsigned oom = kh_oom_mark();
	return kh_oom_result(oom, scan_git_body(scan, opts));
}

static int git_head_config_body(const char *repo_path, char **text, size_t *len)
{
	return keyhound_git_config_at(repo_path, NULL, text, len);
}

int keyhound_git_head_config(const char *repo_path, char **text, size_t *len)
{
	unsigned oom = kh_oom_mark();
	int error = git_head_config_body(repo_path, text, len);
	if (!error && kh_oom_since(oom)) {
		free(*text);
		*text = NULL;
	}
	return kh_oom_result(oom, error);
}

/* HEAD's .keyhound.yml without libgit2 (a pre-commit hook does not load it): 0, or
 * KEYHOUND_ENOTFOUND (none, or a repository the small reader does not handle). */
static int head_config_mini(const char *repo_path, char **text, size_t *len)
{
	kh_mini *m = NULL;
	uint8_t id[20];
	kh_obj_type type;
	unsigned char *d = NULL;
	size_t n;
	kh_commit_fields f;
	kh_tree_entry e;
	bool bad = false, found = false;
	int error = KEYHOUND_ENOTFOUND;

	if (kh_mini_open(&m, repo_path, NULL, KH_CONFIG_TEXT_MAX) < 0)
		return KEYHOUND_ENOTFOUND;
	if (kh_mini_head(m, id) != 0 || kh_mini_read(m, id, &type, &d, &n) < 0 ||
	    type != KH_OBJ_COMMIT || kh_commit_parse(d, n, &f, NULL, NULL) < 0 || !f.has_tree)
		goto done;
	memcpy(id, f.tree, 20);
	free(d);
	d = NULL;
	if (kh_mini_read(m, id, &type, &d, &n) < 0 || type != KH_OBJ_TREE)
		goto done;
	for (const unsigned char *p = d; kh_tree_next(&p, d + n, &e, &bad);)
		if (e.name_len == 13 && !memcmp(e.name, ".keyhound.yml", 13) &&
		    kh_git_mode_is_blob(e.mode)) {
			memcpy(id, e.id, 20);
			found = true;
			break;
		}
	free(d);
	d = NULL;
	if (!found) {
		error = 1; /* HEAD has none: known without libgit2 */
		goto done;
	}
	if (kh_mini_read(m, id, &type, &d, &n) < 0 || type != KH_OBJ_BLOB)
		goto done;
	*text = kh_malloc(n + 1);
	memcpy(*text, d, n);
	(*text)[n] = 0;
	*len = n;
	error = 0;
done:
	free(d);
	kh_mini_free(m);
	return error;
}

static int git_config_at_body(const char *repo_path, const char *rev, char **text, size_t *len)
{
	git_repository *repo = NULL;
	git_object *obj = NULL;
	char *spec = NULL;
	int error;

	*text = NULL;
	*len = 0;
	if (rev && !strcmp(rev, "HEAD") &&
	    (error = head_config_mini(repo_path, text, len)) != KEYHOUND_ENOTFOUND)
		return error == 0 ? 0 : KEYHOUND_ENOTFOUND;
	if ((error = kh_dl_require(KH_DL_GIT)) < 0)
		return error;
	git_libgit2_init();
	spec = kh_sprintf("%s:.keyhound.yml", rev ? rev : "HEAD");
	if (git_repository_open_ext(&repo, repo_path ? repo_path : NULL,
				    repo_path ? 0 : GIT_REPOSITORY_OPEN_FROM_ENV, NULL) < 0 ||
	    (!rev && !git_repository_is_bare(repo)) ||
	    kh_git_odb_install(repo, git_repository_commondir(repo), KH_CONFIG_TEXT_MAX, NULL,
			       NULL) < 0 ||
	    git_revparse_single(&obj, repo, spec) < 0 || git_object_type(obj) != GIT_OBJECT_BLOB) {
		error = KEYHOUND_ENOTFOUND;
		goto done;
	}
	const git_blob *blob = (const git_blob *)obj;
	*len = (size_t)git_blob_rawsize(blob);
	*text = kh_malloc(*len + 1);
	memcpy(*text, git_blob_rawcontent(blob), *len);
	(*text)[*len] = '\0';
	error = 0;
done:
	free(spec);
	git_object_free(obj);
	git_repository_free(repo);
	git_libgit2_shutdown();
	return error;
}

int keyhound_git_config_at(const char *repo_path, const char *rev, char **text, size_t *len)
{
	unsigned oom = kh_oom_mark();
	int error = git_config_at_body(repo_path, rev, text, len);
	if (!error && kh_oom_since(oom)) {
		free(*text);
		*text = NULL;
	}
	return kh_oom_result(oom, error);
}

static int git_fork_point_body(const char *repo_path, const char *tip, char **base)
{
	git_repository *repo = NULL;
	git_object *obj = NULL;
	git_oid id;
	int error = KEYHOUND_ENOTFOUND;

	*base = NULL;
	if ((error = kh_dl_require(KH_DL_GIT)) < 0)
		return error;
	git_libgit2_init();
	error = KEYHOUND_ENOTFOUND;
	if (git_repository_open_ext(&repo, repo_path ? repo_path : NULL,
				    repo_path ? 0 : GIT_REPOSITORY_OPEN_FROM_ENV, NULL) < 0 ||
	    kh_git_odb_install(repo, git_repository_commondir(repo), KH_CONFIG_TEXT_MAX, NULL,
			       NULL) < 0 ||
	    git_revparse_single(&obj, repo, tip) < 0)
		goto done;
	git_object *c = NULL;
	if (git_object_peel(&c, obj, GIT_OBJECT_COMMIT) == 0 && fork_point(repo, git_object_id(c), &id)) {
		*base = kh_malloc(GIT_OID_HEXSZ + 1);
		git_oid_tostr(*base, GIT_OID_HEXSZ + 1, &id);
		error = 0;
	}
	git_object_free(c);
done:
	git_object_free(obj);
	git_repository_free(repo);
	git_libgit2_shutdown();
	return error;
}

int keyhound_git_fork_point(const char *repo_path, const char *tip, char **base)
{
	unsigned oom = kh_oom_mark();
	int error = git_fork_point_body(repo_path, tip, base);
	if (!error && kh_oom_since(oom)) {
		free(*base);
		*base = NULL;
	}
	return kh_oom_result(oom, error);
}
