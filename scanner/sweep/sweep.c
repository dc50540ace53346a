/* SPDX-License-Identifier: Apache-2.0 */
/* keyhound sweep: the repositories of a fleet, incrementally.
 *
 * Each repository's history is walked by the git source; the pipeline consults this
 * file's match memo (pipeline/memo.h) on whether each blob it reaches was matched before.
 * A blob is matched once across all repositories of the run and across runs: its raw
 * matches (rule and offsets, never the secret) are kept in the state, and wherever it
 * occurs it is judged for that place (rule paths, allowlists, the repository's own
 * .keyhound.yml) with those matches, reading its bytes again only when it had any.
 * A repository whose ref tips and judging inputs did not change since its last sweep is
 * not walked at all: its recorded findings are reported again. */
#include <dirent.h>
#include <errno.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "core/config.h"
#include "core/hash.h"
#include "core/oidmap.h"
#include "core/report.h"
#include "decode/decode.h"
#include "engine.h"
#include "filter/judge.h"
#include "report/report.h"
#include "pipeline/pipeline.h"
#include "source/git.h"
#include "sweep/sweep.h"

/* ---- the blobs of this run, shared by the jobs ---- */

enum { E_EMPTY = 0, E_KNOWN, E_CLAIMED, E_FAILED };

typedef struct {
	uint8_t state, kind;
	bool loaded;                /* m holds its matches (matched this run, or read back) */
	uint32_t owner;             /* the job holding the claim */
	uint32_t n_m;
	kh_raw *m;
} bent;

typedef struct {
	kh_oidmap ids;              /* blob id -> index in v */
	bent *v;
	size_t cap;
	pthread_mutex_t lock;
	pthread_cond_t changed;     /* a claim was settled */
} btab;

/* id's entry, created empty when absent. The array moves when it grows: use the entry
 * only under the lock, and only until the next bt_get. */
static bent *bt_get(btab *t, const uint8_t *id)
{
	uint32_t i = kh_oidmap_add(&t->ids, id, NULL);

	if (t->ids.cap > t->cap) {
		t->v = kh_realloc(t->v, sizeof(bent) * t->ids.cap);
		memset(t->v + t->cap, 0, sizeof(bent) * (t->ids.cap - t->cap));
		t->cap = t->ids.cap;
	}
	return &t->v[i];
}

/* ---- repositories and jobs ---- */

typedef struct {
	char *path;                 /* as given or found; a URL's name (no userinfo) */
	char *fail;                 /* why it cannot be swept (found at discovery), or NULL */
	json_t *summary;
	keyhound_report *report;    /* its part, moved into the sweep's report at the end */
	kh_url *url;                /* a clone URL's parts (its mirror is swept), or NULL */
	bool wiki;                  /* a URL's wiki: its absence is no error */
	char *dir;                  /* where a URL's mirror is on disk */
	int mirror;                 /* kh_mirror_update's status */
	char *mirror_why;
} repo;

typedef struct {
	const keyhound_engine *e;
	keyhound_report *report;
	const keyhound_sweep_options *o;
	kh_state *state;
	btab blobs;
	bool blobs_loaded;
	pthread_mutex_t load_lock;
	char match_key[96];
	repo *repos;
	size_t n_repos, cap_repos;
	_Atomic size_t next;
	unsigned pause_ms;
	kh_mirrors *mirrors;        /* --mirror */
	json_t *discovered;         /* what the forges' listings held, for the summary */
	const char *token_user, *token;  /* for the URLs being discovered */
	void *oom_owner;            /* the caller's failure counter, for the jobs' threads */
	unsigned oom_mark;
} sweep;

typedef struct {
	sweep *sw;
	repo *r;
	uint32_t id;
	kh_policy pol;              /* the sweep's, with this repository's configuration */
	kh_config *config;
	char *config_text;
	keyhound_report *report;
	kh_pipeline *pipe;
	pthread_mutex_t lock;       /* guards nb (the walk's threads publish) */
	kh_new_blob *nb;
	size_t n_nb, cap_nb;
	uint8_t (*claims)[20];
	size_t n_claims, cap_claims;
	bool released;
	uint64_t refs, commits, blobs;
	_Atomic uint64_t blobs_new, blobs_known, blobs_rejudged;
} job;

/* ---- matching and judging ---- */

/* The memo's store: what matching a new blob left, for the state and the other jobs. */
static void memo_store(void *payload, const uint8_t id[20], int kind, const kh_raw *m, uint32_t n)
{
	job *j = payload;
	btab *t = &j->sw->blobs;
	kh_new_blob nb = { .kind = (uint8_t)kind, .n_m = n };
	bent *e;

	memcpy(nb.id, id, 20);
	if (n) {
		nb.m = kh_malloc(sizeof(kh_raw) * n);
		memcpy(nb.m, m, sizeof(kh_raw) * n);
	}
	pthread_mutex_lock(&j->lock);
	if (j->n_nb == j->cap_nb)
		j->nb = kh_realloc(j->nb, sizeof(*j->nb) * (j->cap_nb = j->cap_nb * 2 + 64));
	j->nb[j->n_nb++] = nb;
	pthread_mutex_unlock(&j->lock);
	atomic_fetch_add(&j->blobs_new, 1);

	pthread_mutex_lock(&t->lock);
	e = bt_get(t, id);
	free(e->m);
	e->m = NULL;
	if (n) {
		e->m = kh_malloc(sizeof(kh_raw) * n);
		memcpy(e->m, m, sizeof(kh_raw) * n);
	}
	e->n_m = n;
	e->kind = (uint8_t)kind;
	e->loaded = true;
	e->state = E_KNOWN;
	pthread_cond_broadcast(&t->changed);
	pthread_mutex_unlock(&t->lock);
}

static void claim(job *j, const uint8_t *id)
{
	if (j->n_claims == j->cap_claims)
		j->claims = kh_realloc(j->claims, sizeof(*j->claims) * (j->cap_claims = j->cap_claims * 2 + 256));
	memcpy(j->claims[j->n_claims++], id, 20);
}

/* The memo's plan: a blob nobody matched (or whose matcher gave up) is claimed for this
 * repository. */
static int memo_plan(void *payload, const uint8_t id[20])
{
	job *j = payload;
	btab *t = &j->sw->blobs;
	int known = KH_MEMO_KNOWN;
	bent *e;

	pthread_mutex_lock(&t->lock);
	e = bt_get(t, id);
	if (e->state == E_EMPTY || e->state == E_FAILED) {
		e->state = E_CLAIMED;
		e->owner = j->id;
		claim(j, id);
		known = KH_MEMO_NEW;
	} else if (e->state == E_KNOWN &&
		   (e->kind == KH_BK_MATCHES || e->kind == KH_BK_RESCAN)) {
		known = KH_MEMO_KNOWN_BYTES; /* (the _PATHS kinds are decided per place, later) */
	}
	/* a blob another repository is matching now is judged after this one's own blobs */
	pthread_mutex_unlock(&t->lock);
	return known;
}

/* Claims this job could not settle (missing objects, a walk that failed) go back, so a
 * repository waiting for one of them reads the blob itself. */
static void release_claims(job *j)
{
	btab *t = &j->sw->blobs;

	pthread_mutex_lock(&t->lock);
	for (size_t i = 0; i < j->n_claims; i++) {
		bent *e = bt_get(t, j->claims[i]);
		if (e->state == E_CLAIMED && e->owner == j->id)
			e->state = E_FAILED;
	}
	pthread_cond_broadcast(&t->changed);
	pthread_mutex_unlock(&t->lock);
	j->n_claims = 0;
	j->released = true;
}

static void memo_forget(void *payload, const uint8_t id[20])
{
	job *j = payload;

	claim(j, id);
	release_claims(j);
}

/* What the memo kept of a blob (loading its matches from the state the first time);
 * 0 when nothing is: this repository then holds the claim and matches it. */
static int memo_lookup(void *payload, const uint8_t id[20], bool wait, kh_memo_entry *out)
{
	job *j = payload;
	sweep *sw = j->sw;
	btab *t = &sw->blobs;
	kh_raw *raw = NULL;
	uint32_t n = 0;
	int kind;
	bool loaded;
	bent *e;

	if (wait && !j->released)
		release_claims(j); /* before waiting on others, so no two jobs wait on each other */
	pthread_mutex_lock(&t->lock);
	e = bt_get(t, id);
	while (wait && e->state == E_CLAIMED && e->owner != j->id) {
		pthread_cond_wait(&t->changed, &t->lock);
		e = bt_get(t, id);
	}
	if (e->state != E_KNOWN) {
		e->state = E_CLAIMED;
		e->owner = j->id;
		pthread_mutex_unlock(&t->lock);
		return 0;
	}
	kind = e->kind;
	loaded = e->loaded;
	if (loaded && e->n_m) {
		n = e->n_m;
		raw = kh_malloc(sizeof(kh_raw) * n);
		memcpy(raw, e->m, sizeof(kh_raw) * n);
	}
	pthread_mutex_unlock(&t->lock);
	atomic_fetch_add(&j->blobs_known, 1);
	if ((kind == KH_BK_MATCHES || kind == KH_BK_MATCHES_PATHS || kind == KH_BK_RESCAN_PATHS) &&
	    !loaded) {
		int rc = kh_state_blob_matches(sw->state, id, sw->e->rules, &raw, &n);
		if (rc == KEYHOUND_ENOTFOUND)
			kind = KH_BK_RESCAN;
		else if (rc < 0)
			kh_report_error(j->report, "sweep state", "%s", keyhound_last_error());
		pthread_mutex_lock(&t->lock);
		e = bt_get(t, id);
		if (!e->loaded && rc == 0) {
			e->m = n ? kh_malloc(sizeof(kh_raw) * n) : NULL;
			if (n)
				memcpy(e->m, raw, sizeof(kh_raw) * n);
			e->n_m = n;
			e->loaded = true;
		}
		pthread_mutex_unlock(&t->lock);
	}
	*out = (kh_memo_entry){ kind, raw, n };
	return 1;
}

static void load_one(void *payload, const uint8_t id[20], int kind)
{
	btab *t = payload;
	bent *e = bt_get(t, id);

	if (e->state == E_EMPTY) {
		e->state = E_KNOWN;
		e->kind = (uint8_t)kind;
	}
}

/* The blobs earlier runs matched with these rules, read once, when a repository first
 * needs walking (a sweep where nothing changed never reads them). */
static int load_blobs(sweep *sw)
{
	int error = 0;

	pthread_mutex_lock(&sw->load_lock);
	if (!sw->blobs_loaded) {
		pthread_mutex_lock(&sw->blobs.lock);
		error = kh_state_load_blobs(sw->state, sw->match_key, load_one, &sw->blobs);
		pthread_mutex_unlock(&sw->blobs.lock);
		sw->blobs_loaded = error == 0;
	}
	pthread_mutex_unlock(&sw->load_lock);
	return error;
}

/* ---- what a repository's sweep depends on ---- */

static int cmp_strp(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

typedef struct {
	kh_sha256_ctx c;            /* HEAD goes in first */
	char **lines;               /* "refname target", sorted before they go in */
	size_t n;
	kh_buf stash;               /* the stash's entries, last, in reflog order */
} tips_hash;

static void on_tip(void *payload, kh_tip_kind kind, const char *name, const git_oid *target)
{
	tips_hash *t = payload;
	char hex[GIT_OID_HEXSZ + 1] = "?";

	if (target)
		git_oid_tostr(hex, sizeof(hex), target);
	if (kind == KH_TIP_HEAD) {
		kh_sha256_update(&t->c, "HEAD ", 5);
		kh_sha256_update(&t->c, hex, strlen(hex) + 1);
	} else if (kind == KH_TIP_REF) {
		t->lines = kh_realloc(t->lines, sizeof(char *) * (t->n + 1));
		t->lines[t->n++] = kh_sprintf("%s %s", name, hex);
	} else {
		kh_buf_put(&t->stash, hex, strlen(hex) + 1);
	}
}

/* A hash of every ref, HEAD and the stash's reflog (kh_git_ref_tips): what the history
 * walk starts from. */
static void repo_tips(git_repository *repo, char out[65], uint64_t *n_refs)
{
	tips_hash t = { .n = 0 };
	uint8_t h[32];

	kh_sha256_init(&t.c);
	kh_git_ref_tips(repo, on_tip, &t);
	if (t.n)
		qsort(t.lines, t.n, sizeof(char *), cmp_strp);
	for (size_t i = 0; i < t.n; i++) {
		kh_sha256_update(&t.c, t.lines[i], strlen(t.lines[i]) + 1);
		free(t.lines[i]);
	}
	free(t.lines);
	if (t.stash.len)
		kh_sha256_update(&t.c, t.stash.buf, t.stash.len);
	kh_buf_free(&t.stash);
	kh_sha256_final(&t.c, h);
	kh_hex(h, 32, out);
	*n_refs = t.n;
}

static char *read_small_file(const char *path)
{
	FILE *f = fopen(path, "rb");
	kh_buf b = { 0 };
	char tmp[4096];
	size_t n;

	if (!f)
		return NULL;
	while ((n = fread(tmp, 1, sizeof(tmp), f)) > 0 && b.len < (1u << 20))
		kh_buf_put(&b, tmp, n);
	fclose(f);
	return kh_buf_detach(&b);
}

/* Everything that changes how the same blobs at the same places are judged. */
static void judge_key(const job *j, char out[65])
{
	const keyhound_engine *e = j->sw->e;
	kh_sha256_ctx c;
	uint8_t h[32];
	char tmp[160];

	kh_sha256_init(&c);
	snprintf(tmp, sizeof(tmp), "%s|%s|%d|%d|", KEYHOUND_VERSION, j->sw->match_key,
		 e->opts.show_secrets, (int)e->opts.min_confidence);
	kh_sha256_update(&c, tmp, strlen(tmp));
	/* only when set, so states written before these options keep their key */
	if (e->opts.min_severity || e->opts.all_occurrences) {
		snprintf(tmp, sizeof(tmp), "sev=%d|all=%d|", (int)e->opts.min_severity,
			 e->opts.all_occurrences);
		kh_sha256_update(&c, tmp, strlen(tmp));
	}
	kh_sha256_update(&c, j->config_text ? j->config_text : "", j->config_text ? strlen(j->config_text) + 1 : 0);
	for (size_t i = 0; i < j->pol.n_baseline; i++)
		kh_sha256_update(&c, j->pol.baseline[i], strlen(j->pol.baseline[i]) + 1);
	kh_sha256_final(&c, h);
	kh_hex(h, 32, out);
}

/* A repository's own file can only narrow what is reported for it (DESIGN). */
static void own_config(job *j)
{
	char **notes = NULL;
	size_t n = 0;
	kh_config_restrict(j->config, &notes, &n);
	for (size_t i = 0; i < n; i++) {
		kh_report_note(j->report, "%s", notes[i]);
		free(notes[i]);
	}
	free(notes);
	j->pol.config = j->config;
}

/* The repository's own .keyhound.yml (in its work tree), unless --config names one for
 * all of them. */
static void repo_config(job *j, git_repository *repo)
{
	const char *wd = git_repository_workdir(repo);
	char *path;

	if (j->sw->e->policy.config || j->sw->e->opts.config_path) {
		if (j->sw->e->opts.config_path)
			j->config_text = read_small_file(j->sw->e->opts.config_path);
		return;
	}
	if (!wd) {
		/* a bare repository: the file in HEAD's tree */
		git_object *obj = NULL;
		const char *gd = git_repository_path(repo);
		path = kh_sprintf("%s.keyhound.yml", gd);
		if (git_revparse_single(&obj, repo, "HEAD:.keyhound.yml") == 0 &&
		    git_object_type(obj) == GIT_OBJECT_BLOB) {
			const git_blob *b = (const git_blob *)obj;
			size_t n = (size_t)git_blob_rawsize(b);
			j->config_text = kh_strndup(git_blob_rawcontent(b), n);
			if (kh_config_load_text(&j->config, path, j->config_text, n) < 0) {
				kh_report_error(j->report, path, "%s", keyhound_last_error());
				j->config = NULL;
			} else {
				own_config(j);
			}
		}
		git_object_free(obj);
		free(path);
		return;
	}
	path = kh_sprintf("%s.keyhound.yml", wd);
	if ((j->config_text = read_small_file(path))) {
		if (kh_config_load(&j->config, path) < 0) {
			kh_report_error(j->report, path, "%s", keyhound_last_error());
			j->config = NULL;
		} else {
			own_config(j);
		}
	}
	free(path);
}

/* ---- one repository ---- */

static double now_s(void)
{
	struct timespec t;
	clock_gettime(CLOCK_MONOTONIC, &t);
	return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

/* Report again what the last sweep found, for a repository that did not change. */
static int replay(job *j, json_t *old_summary)
{
	json_t *arr = NULL, *f, *verdicts = NULL;
	size_t i;
	int error;

	if ((error = kh_state_findings(j->sw->state, j->r->path, &arr)) < 0)
		return error;
	/* --verify: each finding with the verdict the last run reported (the state holds no
	 * secret to check it again); the verification step keeps it while it is fresh */
	if (j->sw->e->opts.verify && (error = kh_state_verdicts(j->sw->state, j->r->path, &verdicts)) < 0) {
		json_decref(arr);
		return error;
	}
	json_array_foreach(arr, i, f) {
		kh_finding_rec rec;
		memset(&rec, 0, sizeof(rec));
		if (kh_finding_from_json(&rec.f, f) == 0) {
			/* what a shard's or an older state's finding says of itself is not kept */
			kh_finding_clear_verification(&rec.f);
			if (verdicts && rec.f.fingerprint)
				kh_verification_from_json(&rec.f, json_object_get(verdicts, rec.f.fingerprint));
			kh_report_add(j->report, &rec);
		} else {
			kh_finding_clear(&rec.f);
		}
	}
	json_decref(verdicts);
	json_decref(arr);
	j->commits = (uint64_t)json_integer_value(json_object_get(old_summary, "commits"));
	j->blobs = (uint64_t)json_integer_value(json_object_get(old_summary, "blobs"));
	j->blobs_known = j->blobs;
	return 0;
}

/* --new-only: drop what an earlier run reported. Returns every finding (for the state). */
static json_t *findings_and_filter(job *j)
{
	keyhound_report *r = j->report;
	json_t *all = json_array();
	size_t kept = 0;

	for (size_t i = 0; i < r->n; i++) {
		keyhound_finding *f = &r->v[i].f;
		json_array_append_new(all, kh_finding_json(f));
		if (j->sw->o->new_only && f->fingerprint &&
		    kh_state_reported(j->sw->state, j->r->path, f->fingerprint)) {
			kh_finding_clear(f);
			free(r->v[i].context);
			kh_verify_input_free(r->v[i].vin);
			continue;
		}
		r->v[kept++] = r->v[i];
	}
	r->n = kept;
	return all;
}

/* Errors of a repository's walk kept in the state, to report again unwalked. */
#define MAX_STORED_ERRORS 100

/* The errors the last sweep recorded for a repository whose refs did not change. */
static void replay_errors(job *j, const json_t *old_summary)
{
	const json_t *list = json_object_get(old_summary, "error_list"), *e;
	json_int_t n = json_integer_value(json_object_get(old_summary, "errors"));
	size_t i;
	json_array_foreach(list, i, e)
		kh_report_error(j->report, json_string_value(json_object_get(e, "location")),
				"%s (recorded by an earlier sweep at these refs; --retry-errors walks it again)",
				json_string_value(json_object_get(e, "reason")) ?: "");
	for (json_int_t k = (json_int_t)json_array_size(list); k < n; k++)
		kh_report_error(j->report, j->r->path, "an error recorded by an earlier sweep at these refs");
}

static json_t *repo_summary(job *j, const char *status, double secs, uint64_t findings)
{
	keyhound_report *r = j->report;
	json_t *s = json_object();

	json_object_set_new(s, "repository", kh_json_str(j->r->path));
	json_object_set_new(s, "status", json_string(status));
	json_object_set_new(s, "refs", json_integer((json_int_t)j->refs));
	json_object_set_new(s, "commits", json_integer((json_int_t)j->commits));
	json_object_set_new(s, "blobs", json_integer((json_int_t)j->blobs));
	json_object_set_new(s, "blobs_new", json_integer((json_int_t)atomic_load(&j->blobs_new)));
	json_object_set_new(s, "blobs_skipped", json_integer((json_int_t)atomic_load(&j->blobs_known)));
	json_object_set_new(s, "blobs_rejudged", json_integer((json_int_t)atomic_load(&j->blobs_rejudged)));
	json_object_set_new(s, "bytes", json_integer((json_int_t)r->bytes));
	json_object_set_new(s, "findings", json_integer((json_int_t)findings));
	json_object_set_new(s, "reported", json_integer((json_int_t)r->n));
	json_object_set_new(s, "seconds", json_real((double)(long)(secs * 1000 + 0.5) / 1000));
	json_object_set_new(s, "errors", json_integer((json_int_t)r->n_err));
	if (r->n_err) {
		json_t *list = json_array();
		json_object_set_new(s, "error", json_pack("{s:o,s:o}", "location",
							  kh_json_str(r->err_location[0]), "reason",
							  kh_json_str(r->err_reason[0])));
		/* kept in the state with the ref tips: reported again while they hold */
		for (size_t i = 0; i < r->n_err && i < MAX_STORED_ERRORS; i++)
			json_array_append_new(list, json_pack("{s:o,s:o}", "location",
							      kh_json_str(r->err_location[i]), "reason",
							      kh_json_str(r->err_reason[i])));
		json_object_set_new(s, "error_list", list);
	}
	return s;
}

static void free_new_blobs(job *j)
{
	for (size_t i = 0; i < j->n_nb; i++)
		free(j->nb[i].m);
	free(j->nb);
	j->nb = NULL;
	j->n_nb = j->cap_nb = 0;
}

static void sweep_repo(job *j)
{
	sweep *sw = j->sw;
	repo *r = j->r;
	git_repository *gr = NULL;
	char tips[65], key[65], *old_tips = NULL, *old_key = NULL;
	json_t *old_summary = NULL, *all = NULL;
	const char *status = "swept";
	uint64_t findings = 0;
	double t0 = now_s();
	int error;

	if (r->fail) {
		kh_report_error(j->report, r->path, "%s", r->fail);
		status = "failed";
		goto done;
	}
	if (git_repository_open_ext(&gr, r->dir ? r->dir : r->path, GIT_REPOSITORY_OPEN_NO_SEARCH, NULL) < 0) {
		const git_error *ge = git_error_last();
		kh_report_error(j->report, r->path, "cannot open the repository: %s",
				ge && ge->message ? ge->message : "not a git repository");
		status = "failed";
		goto done;
	}
	repo_tips(gr, tips, &j->refs);
	repo_config(j, gr);
	judge_key(j, key);
	if ((error = kh_state_repo(sw->state, r->path, &old_tips, &old_key, &old_summary)) < 0)
		goto state_error;
	bool had_errors = json_integer_value(json_object_get(old_summary, "errors")) > 0;
	if (old_tips && old_key && !strcmp(old_tips, tips) && !strcmp(old_key, key) && !j->report->n_err &&
	    !(had_errors && sw->o->retry_errors)) {
		if ((error = replay(j, old_summary)) < 0)
			goto state_error;
		/* fail closed: what could not be read then still cannot be at these refs */
		replay_errors(j, old_summary);
		status = "unchanged";
		kh_report_mask(j->report, j->sw->e->rules, &j->sw->e->opts.limits);
		all = findings_and_filter(j);
		findings = json_array_size(all);
		goto done;
	}
	if ((error = load_blobs(sw)) < 0)
		goto state_error;
	{
		keyhound_git_options go = KEYHOUND_GIT_OPTIONS_INIT;
		struct keyhound_scan js = { .engine = sw->e, .opts = &sw->e->opts, .report = j->report, .pipe = j->pipe };
		kh_memo memo = { memo_plan, memo_lookup, memo_store, memo_forget, j };
		kh_git g = { .scan = &js, .opts = &go, .repo = gr, .repository = r->path,
			     .gitdir = git_repository_commondir(gr) };
		go.repo = r->dir ? r->dir : r->path;
		kh_pipeline_set_memo(j->pipe, &memo);
		if (kh_git_history(&g) < 0)
			kh_report_error(j->report, r->path, "%s", keyhound_last_error());
		kh_pipeline_set_memo(j->pipe, NULL);
		j->commits = g.commits;
		j->blobs = g.blobs;
		atomic_store(&j->blobs_rejudged, kh_pipeline_rejudged(j->pipe));
		release_claims(j);
	}
	/* what the state keeps is masked as what is printed, grouped as it is printed */
	kh_report_mask(j->report, j->sw->e->rules, &j->sw->e->opts.limits);
	if (!j->sw->e->opts.all_occurrences)
		kh_report_group(j->report);
	all = findings_and_filter(j);
	findings = json_array_size(all);
	{
		json_t *sum = repo_summary(j, status, now_s() - t0, findings);
		/* a repository with errors keeps its tips: it is not walked again until they
		 * change (or --retry-errors), and its errors, kept in its summary, are reported
		 * every run */
		kh_repo_commit c = { r->path, tips, key, sw->match_key, j->nb, j->n_nb, all, sum };
		error = kh_state_commit(sw->state, &c, sw->e->rules);
		json_decref(sum);
		if (error < 0)
			goto state_error;
	}
	if (sw->pause_ms)
		usleep(sw->pause_ms * 1000u);
	goto done;
state_error:
	kh_report_error(j->report, r->path, "sweep state: %s", keyhound_last_error());
	if (!strcmp(status, "swept"))
		status = "failed";
done:
	kh_report_mask(j->report, j->sw->e->rules, &j->sw->e->opts.limits);
	r->summary = repo_summary(j, j->report->n_err && !strcmp(status, "swept") ? "errors" : status,
				  now_s() - t0, findings);
	json_decref(all);
	json_decref(old_summary);
	free(old_tips);
	free(old_key);
	git_repository_free(gr);
}

/* ---- mirrors ---- */

static void fetch_outcome(job *j);

/* Clone or fetch a URL's mirror; false when there is nothing to sweep (the summary says
 * why). A failed fetch leaves the previous mirror to sweep: stale, or gone upstream. */
static bool fetch(job *j)
{
	repo *r = j->r;
	const char *st;

	int64_t last = 0;

	r->mirror = kh_mirror_update(j->sw->mirrors, r->url, &r->dir, &r->mirror_why);
	kh_state_mirror(j->sw->state, r->path, kh_mirror_status_name(r->mirror),
			r->mirror == KH_MIRROR_FETCHED || r->mirror == KH_MIRROR_CLONED, &last);
	if ((r->mirror == KH_MIRROR_STALE || r->mirror == KH_MIRROR_GONE) && last > 0) {
		/* how old what is swept instead is */
		char when[32], *why;
		time_t t = (time_t)last;
		strftime(when, sizeof(when), "%Y-%m-%d %H:%M UTC", gmtime(&t));
		why = kh_sprintf("%s (last fetched %s)", r->mirror_why ? r->mirror_why : "?", when);
		free(r->mirror_why);
		r->mirror_why = why;
	}
	if (r->mirror == KH_MIRROR_FETCHED || r->mirror == KH_MIRROR_CLONED ||
	    r->mirror == KH_MIRROR_STALE || r->mirror == KH_MIRROR_GONE)
		return true;
	if (r->mirror == KH_MIRROR_ABSENT && r->wiki) {
		st = "absent"; /* most repositories have no wiki */
	} else if (r->mirror == KH_MIRROR_SKIPPED) {
		kh_report_skip_n(j->report, "mirror budget (--mirror-budget)", 1);
		st = "skipped";
	} else {
		kh_report_error(j->report, r->path, "%s", r->mirror_why ? r->mirror_why : "cannot clone");
		st = "failed";
	}
	r->summary = repo_summary(j, st, 0, 0);
	fetch_outcome(j);
	return false;
}

/* The mirror's part of the repository's summary; a fetch that failed is an error of the
 * repository (after its sweep, so its state is kept: the next night need not walk it). */
static void fetch_outcome(job *j)
{
	repo *r = j->r;

	if (r->mirror == KH_MIRROR_STALE || r->mirror == KH_MIRROR_GONE) {
		kh_report_error(j->report, r->path, "%s: %s; its mirror was swept as it was",
				r->mirror == KH_MIRROR_GONE ? "the upstream repository is gone" : "cannot fetch",
				r->mirror_why ? r->mirror_why : "?");
		json_object_set_new(r->summary, "errors", json_integer((json_int_t)j->report->n_err));
		if (!json_object_get(r->summary, "error"))
			json_object_set_new(r->summary, "error", json_pack("{s:s,s:o}", "location", r->path,
									  "reason", kh_json_str(j->report->err_reason[j->report->n_err - 1])));
	}
	json_object_set_new(r->summary, "mirror", json_string(kh_mirror_status_name(r->mirror)));
	if (r->mirror_why && (r->mirror == KH_MIRROR_SKIPPED || r->mirror == KH_MIRROR_ABSENT))
		json_object_set_new(r->summary, "reason", kh_json_str(r->mirror_why));
}

static int run_job(sweep *sw, repo *r, uint32_t id)
{
	job j = { .sw = sw, .r = r, .id = id, .pol = sw->e->policy };
	int error;

	pthread_mutex_init(&j.lock, NULL);
	j.report = kh_calloc(1, sizeof(*j.report));
	kh_report_init(j.report);
	j.report->show_secrets = sw->e->opts.show_secrets;
	if ((error = kh_pipeline_new(&j.pipe, &sw->e->judging, j.report, 0)) < 0) {
		kh_report_error(j.report, r->path, "%s", keyhound_last_error());
		r->summary = repo_summary(&j, "failed", 0, 0);
	} else if (!r->url || fetch(&j)) {
		kh_pipeline_set_policy(j.pipe, &j.pol);
		sweep_repo(&j);
		if (r->url)
			fetch_outcome(&j);
	}
	if (!j.released)
		release_claims(&j);
	kh_pipeline_free(j.pipe);
	kh_config_free(j.config);
	free(j.config_text);
	free_new_blobs(&j);
	free(j.claims);
	pthread_mutex_destroy(&j.lock);
	r->report = j.report;
	return 0;
}

static void *job_thread(void *arg)
{
	sweep *sw = arg;
	size_t i;

	kh_oom_adopt(sw->oom_owner);
	/* after a failed allocation the sweep ends in KEYHOUND_ENOMEM: no repository more */
	while (!kh_oom_since(sw->oom_mark) && (i = atomic_fetch_add(&sw->next, 1)) < sw->n_repos)
		run_job(sw, &sw->repos[i], (uint32_t)i + 1);
	return NULL;
}

/* ---- finding the repositories ---- */

static bool is_dir(const char *p)
{
	struct stat st;
	return stat(p, &st) == 0 && S_ISDIR(st.st_mode);
}

static bool is_repo(const char *p)
{
	char *a = kh_sprintf("%s/.git", p), *head = kh_sprintf("%s/HEAD", p),
	     *obj = kh_sprintf("%s/objects", p), *refs = kh_sprintf("%s/refs", p);
	struct stat st;
	bool yes = stat(a, &st) == 0 ||
		   (stat(head, &st) == 0 && S_ISREG(st.st_mode) && is_dir(obj) && is_dir(refs));

	free(a);
	free(head);
	free(obj);
	free(refs);
	return yes;
}

static repo *add_repo(sweep *sw, const char *path, const char *fail)
{
	if (sw->n_repos == sw->cap_repos)
		sw->repos = kh_realloc(sw->repos, sizeof(repo) * (sw->cap_repos = sw->cap_repos * 2 + 16));
	sw->repos[sw->n_repos] = (repo){ .path = kh_strdup(path), .fail = kh_strdup(fail) };
	return &sw->repos[sw->n_repos++];
}

/* A clone URL: its mirror is swept under the URL's name (no userinfo); with
 * --include-wikis its wiki too. */
static int add_url(sweep *sw, const char *given)
{
	kh_url u;
	int error;

	if (!sw->o->mirror_dir)
		return kh_error(KEYHOUND_EINVAL, "a clone URL wants --mirror DIR (where its mirror is kept)");
	if ((error = kh_url_parse(&u, given)) < 0)
		return error;
	repo *r = add_repo(sw, u.name, NULL);
	r->url = kh_malloc(sizeof(kh_url));
	*r->url = u;
	if (sw->o->include_wikis && !strstr(u.name, ".wiki")) {
		kh_url w;
		kh_url_wiki(&w, &u);
		r = add_repo(sw, w.name, NULL);
		r->url = kh_malloc(sizeof(kh_url));
		*r->url = w;
		r->wiki = true;
	}
	return 0;
}

/* ---- organizations, users and groups ---- */

static void discovered_one(void *payload, const char *full_name, const char *clone_url)
{
	sweep *sw = payload;
	kh_url u;
	repo *r;

	(void)full_name;
	if (kh_url_parse(&u, clone_url) < 0)
		return;
	if (sw->token && !strncmp(u.git_url, "https://", 8) && !u.user) {
		/* given to git by the askpass, for this URL only */
		u.user = kh_strdup(sw->token_user);
		u.pass = kh_strdup(sw->token);
	}
	r = add_repo(sw, u.name, NULL);
	r->url = kh_malloc(sizeof(kh_url));
	*r->url = u;
	if (sw->o->include_wikis) {
		kh_url w;
		kh_url_wiki(&w, &u);
		r = add_repo(sw, w.name, NULL);
		r->url = kh_malloc(sizeof(kh_url));
		*r->url = w;
		r->wiki = true;
	}
}

static int discover_one(sweep *sw, keyhound_report *report, int forge, const char *name, bool user,
			const char *token)
{
	const keyhound_sweep_options *o = sw->o;
	kh_discover_opts d = { .forge = forge, .name = name, .user = user, .api_url = o->api_url,
			       .token = token, .max_rate_wait = 900,
			       .filter = { o->include_forks, o->exclude_archived, o->topic,
					   o->exclude_repos, o->n_exclude_repos },
			       .connect_to = o->connect_to, .cainfo = o->cainfo };
	kh_discover_counts n;
	char *where = NULL;
	json_t *j;
	int error;

	sw->token = token && *token ? token : NULL;
	sw->token_user = forge == KH_FORGE_GITHUB ? "x-access-token" : "oauth2";
	error = kh_discover(&d, discovered_one, sw, &n, &where);
	sw->token = NULL;
	if (error == KEYHOUND_EINVAL && !where) {
		free(where);
		return error; /* a usage error: a bad --api-url */
	}
	if (error < 0)
		kh_report_error(report, where ? where : name, "%s", keyhound_last_error());
	j = json_pack("{s:s,s:s,s:I,s:I,s:I,s:I,s:I,s:I,s:I,s:b}", "listing", where ? where : name,
		      "forge", forge == KH_FORGE_GITHUB ? "github" : "gitlab", "listed", (json_int_t)n.listed,
		      "forks_left_out", (json_int_t)n.forks, "archived_left_out", (json_int_t)n.archived,
		      "topic_left_out", (json_int_t)n.topic, "excluded", (json_int_t)n.excluded,
		      "pages", (json_int_t)n.pages, "requests", (json_int_t)n.requests, "complete", error == 0);
	if (!sw->discovered)
		sw->discovered = json_array();
	json_array_append_new(sw->discovered, j);
	free(where);
	return 0;
}

static int discover_all(sweep *sw, keyhound_report *report)
{
	const keyhound_sweep_options *o = sw->o;
	int error = 0;

	if ((o->github_org || o->github_user || o->gitlab_group) && !o->mirror_dir)
		return kh_error(KEYHOUND_EINVAL, "--github-org, --github-user and --gitlab-group want "
				"--mirror DIR (where the repositories are kept)");
	if (o->github_org && (error = discover_one(sw, report, KH_FORGE_GITHUB, o->github_org, false,
						    o->github_token)) < 0)
		return error;
	if (o->github_user && (error = discover_one(sw, report, KH_FORGE_GITHUB, o->github_user, true,
						     o->github_token)) < 0)
		return error;
	if (o->gitlab_group && (error = discover_one(sw, report, KH_FORGE_GITLAB, o->gitlab_group, false,
						      o->gitlab_token)) < 0)
		return error;
	return 0;
}

static void free_repo(repo *r)
{
	free(r->path);
	free(r->fail);
	free(r->dir);
	free(r->mirror_why);
	kh_url_free(r->url);
	free(r->url);
}

#define MAX_SEARCH_DEPTH 16

static void search(sweep *sw, const char *dir, unsigned depth)
{
	DIR *d = opendir(dir);
	struct dirent *de;

	while (d && (de = readdir(d))) {
		struct stat st;
		char *p;
		if (!strcmp(de->d_name, ".") || !strcmp(de->d_name, "..") || !strcmp(de->d_name, ".git"))
			continue;
		p = kh_sprintf("%s/%s", dir, de->d_name);
		if (lstat(p, &st) == 0 && S_ISDIR(st.st_mode)) {
			if (is_repo(p))
				add_repo(sw, p, NULL);
			else if (depth < MAX_SEARCH_DEPTH)
				search(sw, p, depth + 1);
		}
		free(p);
	}
	if (d)
		closedir(d);
}

/* "./a//b/" -> "a/b": the same repository gets the same name, and the same shard. */
static char *clean_path(const char *in)
{
	char *p = kh_strdup(in), *w = p;

	for (const char *s = in; *s; s++)
		if (!(*s == '/' && w > p && w[-1] == '/'))
			*w++ = *s;
	*w = 0;
	while (w - p > 1 && w[-1] == '/')
		*--w = 0;
	while (!strncmp(p, "./", 2) && p[2])
		memmove(p, p + 2, strlen(p + 2) + 1);
	return p;
}

static int add_input(sweep *sw, const char *given)
{
	if (kh_url_is_remote(given))
		return add_url(sw, given);
	char *path = clean_path(given);
	size_t before = sw->n_repos;

	if (is_repo(path))
		add_repo(sw, path, NULL);
	else if (is_dir(path)) {
		search(sw, path, 0);
		if (sw->n_repos == before)
			add_repo(sw, path, "no git repository found in this folder");
	} else {
		add_repo(sw, path, errno == ENOENT ? "no such repository" : "not a git repository");
	}
	free(path);
	return 0;
}

static int read_repos_file(sweep *sw, const char *file)
{
	FILE *f = strcmp(file, "-") ? fopen(file, "r") : stdin;
	char *line = NULL;
	size_t cap = 0;
	ssize_t n;
	int error = 0;

	if (!f)
		return kh_error(KEYHOUND_EINVAL, "--repos %s: %s", file, strerror(errno));
	while ((n = getline(&line, &cap, f)) >= 0) {
		char *s = line, *e = line + n;
		while (s < e && (*s == ' ' || *s == '\t'))
			s++;
		while (e > s && (e[-1] == '\n' || e[-1] == '\r' || e[-1] == ' ' || e[-1] == '\t'))
			*--e = 0;
		if (*s && *s != '#' && (error = add_input(sw, s)) < 0)
			break;
	}
	free(line);
	if (f != stdin)
		fclose(f);
	return error;
}

static int cmp_repo(const void *a, const void *b)
{
	return strcmp(((const repo *)a)->path, ((const repo *)b)->path);
}

/* Which shard a repository is in: FNV-1a of its path as given. Fixed: a change moves
 * repositories between shards, and their state with them (tests/unit/test_sweep.c). */
uint64_t kh_sweep_shard_hash(const char *s)
{
	return kh_fnv1a64(KH_FNV_OFFSET, s, strlen(s));
}

/* Sorted, each repository once (by its real path), and this shard's share. */
static void select_repos(sweep *sw)
{
	size_t kept = 0;
	char **real = kh_calloc(sw->n_repos + 1, sizeof(char *));

	if (sw->n_repos) /* an empty listing leaves repos NULL: qsort's pointer must not be */
		qsort(sw->repos, sw->n_repos, sizeof(repo), cmp_repo);
	for (size_t i = 0; i < sw->n_repos; i++) {
		repo *r = &sw->repos[i];
		/* URLs that normalise alike are one repository: the same mirror */
		char *rp = r->url ? kh_sprintf("\001%s", r->url->rel) : realpath(r->path, NULL);
		bool dup = false;
		for (size_t k = 0; rp && k < kept; k++)
			dup |= real[k] && !strcmp(real[k], rp);
		if (dup || (sw->o->shard_count &&
			    kh_sweep_shard_hash(r->path) % sw->o->shard_count != sw->o->shard_index)) {
			free(rp);
			free_repo(r);
			continue;
		}
		real[kept] = rp;
		sw->repos[kept++] = *r;
	}
	for (size_t i = 0; i < kept; i++)
		free(real[i]);
	free(real);
	sw->n_repos = kept;
}

/* ---- the sweep ---- */

static void match_key(sweep *sw)
{
	const keyhound_limits *l = &sw->e->opts.limits;
	char tmp[256];
	uint8_t h[32];
	char hex[65];

	/* limits change what matching a blob yields, as the rules do */
	snprintf(tmp, sizeof(tmp), "%llu|%u|%llu|%llu|%u|%u|%u", (unsigned long long)l->max_file_size,
		 l->max_archive_depth, (unsigned long long)l->max_archive_entries,
		 (unsigned long long)l->max_decompressed, l->max_ratio, l->max_decoded_depth,
		 l->max_findings_per_blob);
	kh_sha256(tmp, strlen(tmp), h);
	kh_hex(h, 8, hex);
	/* the program's version too: filters applied at match time live in its code */
	snprintf(sw->match_key, sizeof(sw->match_key), "%s-%s-%s", keyhound_engine_rules_version(sw->e),
		 KEYHOUND_VERSION, hex);
}

/* Move a repository's part into the sweep's report. */
static void absorb(keyhound_report *dst, keyhound_report *src, const char *repo_path)
{
	for (size_t i = 0; i < src->n; i++)
		kh_report_add(dst, &src->v[i]);
	src->n = 0;
	kh_report_add_bytes(dst, src->bytes, src->blobs);
	for (size_t i = 0; i < src->n_skip; i++)
		kh_report_skip_n(dst, src->skip_reason[i], src->skip_count[i]);
	for (size_t i = 0; i < src->n_err && i <= 10000; i++) {
		if (!strcmp(src->err_location[i], repo_path) || !strncmp(src->err_location[i], repo_path, strlen(repo_path)))
			kh_report_error(dst, src->err_location[i], "%s", src->err_reason[i]);
		else {
			char *loc = kh_sprintf("%s: %s", repo_path, src->err_location[i]);
			kh_report_error(dst, loc, "%s", src->err_reason[i]);
			free(loc);
		}
	}
	pthread_mutex_lock(&dst->lock);
	dst->allow_suppressed += src->allow_suppressed;
	dst->baseline_suppressed += src->baseline_suppressed;
	dst->inline_suppressed += src->inline_suppressed;
	dst->severity_suppressed += src->severity_suppressed;
	pthread_mutex_unlock(&dst->lock);
	for (size_t i = 0; i < src->n_notes; i++)
		kh_report_note(dst, "%s: %s", repo_path, src->notes[i]);
}

static json_t *sweep_summary(sweep *sw, const char *state_path)
{
	json_t *extra = json_object(), *list = json_array(), *tot = json_object();
	uint64_t swept = 0, unchanged = 0, failed = 0, bnew = 0, bskip = 0;
	char shard[64];

	for (size_t i = 0; i < sw->n_repos; i++) {
		json_t *s = sw->repos[i].summary;
		const char *st = json_string_value(json_object_get(s, "status"));
		if (!s)
			continue;
		swept += st && (!strcmp(st, "swept") || !strcmp(st, "errors"));
		unchanged += st && !strcmp(st, "unchanged");
		failed += st && !strcmp(st, "failed");
		bnew += (uint64_t)json_integer_value(json_object_get(s, "blobs_new"));
		bskip += (uint64_t)json_integer_value(json_object_get(s, "blobs_skipped"));
		json_array_append(list, s);
	}
	json_object_set_new(tot, "repositories", json_integer((json_int_t)sw->n_repos));
	json_object_set_new(tot, "swept", json_integer((json_int_t)swept));
	json_object_set_new(tot, "unchanged", json_integer((json_int_t)unchanged));
	json_object_set_new(tot, "failed", json_integer((json_int_t)failed));
	json_object_set_new(tot, "blobs_new", json_integer((json_int_t)bnew));
	json_object_set_new(tot, "blobs_skipped", json_integer((json_int_t)bskip));
	if (sw->o->shard_count) {
		snprintf(shard, sizeof(shard), "%u/%u", sw->o->shard_index, sw->o->shard_count);
		json_object_set_new(tot, "shard", json_string(shard));
	}
	json_object_set_new(tot, "state", kh_json_str(state_path));
	if (sw->discovered)
		json_object_set(tot, "discovered", sw->discovered);
	json_object_set_new(extra, "sweep", tot);
	json_object_set_new(extra, "repositories", list);
	return extra;
}

static int scan_sweep_body(keyhound_scan *scan, const keyhound_sweep_options *o)
{
	sweep sw = { .e = scan->engine, .report = scan->report, .o = o,
		     .oom_owner = kh_oom_owner(), .oom_mark = kh_oom_mark() };
	const char *state_path = o && o->state_path ? o->state_path : KEYHOUND_SWEEP_STATE_DEFAULT;

	unsigned jobs = o && o->jobs ? o->jobs : 1;
	pthread_t *tid = NULL;
	unsigned started = 0;
	int error = 0;

	if (!o || o->version != KEYHOUND_SWEEP_OPTIONS_VERSION)
		return kh_error(KEYHOUND_EINVAL, "keyhound_sweep_options: wrong version");
	if (o->shard_count && o->shard_index >= o->shard_count)
		return kh_error(KEYHOUND_EINVAL, "--shard %u/%u: K counts from 0 to N-1", o->shard_index,
				o->shard_count);
	if ((error = kh_dl_require(KH_DL_GIT)) < 0)
		return error;
	pthread_mutex_init(&sw.blobs.lock, NULL);
	pthread_cond_init(&sw.blobs.changed, NULL);
	pthread_mutex_init(&sw.load_lock, NULL);
	sw.pause_ms = o->pause_ms; /* lets a test kill a sweep mid-way */
	git_libgit2_init();
	for (size_t i = 0; i < o->n_inputs; i++)
		if ((error = add_input(&sw, o->inputs[i])) < 0)
			goto done;
	if (o->repos_file && (error = read_repos_file(&sw, o->repos_file)) < 0)
		goto done;
	if ((error = discover_all(&sw, scan->report)) < 0)
		goto done;
	if (!sw.n_repos && !o->shard_count && !sw.discovered) {
		error = kh_error(KEYHOUND_EINVAL, "no repositories to sweep: give paths or --repos FILE");
		goto done;
	}
	select_repos(&sw);
	match_key(&sw);
	if ((error = kh_state_open(&sw.state, state_path)) < 0)
		goto done;
	if (o->mirror_dir) {
		kh_mirror_opts mo = { .dir = o->mirror_dir, .timeout_s = o->fetch_timeout,
				      .budget = o->mirror_budget, .pull_refs = o->include_pull_refs,
				      .environment = o->environment, .tmp_dir = o->tmp_dir };
		if ((error = kh_mirrors_new(&sw.mirrors, &mo)) < 0)
			goto done;
	}
	if (jobs > sw.n_repos)
		jobs = sw.n_repos ? (unsigned)sw.n_repos : 1;
	tid = kh_calloc(jobs, sizeof(pthread_t));
	for (; started < jobs; started++)
		if (pthread_create(&tid[started], NULL, job_thread, &sw) != 0)
			break;
	if (!started)
		job_thread(&sw);
	for (unsigned i = 0; i < started; i++)
		pthread_join(tid[i], NULL);
	for (size_t i = 0; i < sw.n_repos; i++)
		if (sw.repos[i].report)
			absorb(scan->report, sw.repos[i].report, sw.repos[i].path);
	kh_report_sort_full(scan->report);
	json_decref(scan->report->extra);
	scan->report->extra = sweep_summary(&sw, state_path);
done:
	free(tid);
	kh_state_close(sw.state);
	kh_mirrors_free(sw.mirrors);
	json_decref(sw.discovered);
	for (size_t i = 0; i < sw.n_repos; i++) {
		free_repo(&sw.repos[i]);
		json_decref(sw.repos[i].summary);
		keyhound_report_free(sw.repos[i].report);
	}
	free(sw.repos);
	for (size_t i = 0; i < sw.blobs.ids.n; i++)
		free(sw.blobs.v[i].m);
	free(sw.blobs.v);
	kh_oidmap_free(&sw.blobs.ids);
	pthread_mutex_destroy(&sw.blobs.lock);
	pthread_cond_destroy(&sw.blobs.changed);
	pthread_mutex_destroy(&sw.load_lock);
	git_libgit2_shutdown();
	return error;
}

int keyhound_scan_sweep(keyhound_scan *scan, const keyhound_sweep_options *o)
{
	unsigned oom = kh_oom_mark();
	return kh_oom_result(oom, scan_sweep_body(scan, o));
}

/* A verdict worth keeping (one a check gave, with its time), as the state keeps it; NULL
 * for none, or for what says only why there is none (no-check, excluded, not-rescanned). */
static char *verdict_json(const keyhound_finding *f)
{
	static const char *const none[] = {"no-check", "excluded", "not-rescanned"};
	const __typeof__(f->verification) *v = &f->verification;
	if (!v->status || !v->checked_at)
		return NULL;
	for (size_t i = 0; i < sizeof(none) / sizeof(*none); i++)
		if (v->reason && !strcmp(v->reason, none[i]))
			return NULL;
	json_t *o = json_object();
	json_object_set_new(o, "status", json_string(v->status));
	json_object_set_new(o, "reason", kh_json_str(v->reason));
	json_object_set_new(o, "checked_at", json_string(v->checked_at));
	json_object_set_new(o, "identity", kh_json_str(v->identity));
	json_object_set_new(o, "scopes", kh_json_str(v->scopes));
	json_object_set_new(o, "rotate", kh_json_str(v->rotate));
	char *text = json_dumps(o, JSON_COMPACT);
	json_decref(o);
	return text;
}

static int sweep_mark_reported_body(const keyhound_report *report, const keyhound_sweep_options *o)
{
	const char *state_path = o->state_path ? o->state_path : KEYHOUND_SWEEP_STATE_DEFAULT;
	size_t n = keyhound_report_count(report), k = 0;
	const char **repos, **fps;
	kh_state *st = NULL;
	int error;

	if (!n)
		return 0;
	repos = kh_calloc(n, sizeof(char *));
	fps = kh_calloc(n, sizeof(char *));
	char **verdicts = kh_calloc(n, sizeof(char *));
	for (size_t i = 0; i < n; i++) {
		const keyhound_finding *f = keyhound_report_get(report, i);
		if (f->repository && f->fingerprint) {
			verdicts[k] = verdict_json(f);
			repos[k] = f->repository;
			fps[k++] = f->fingerprint;
		}
	}
	if ((error = kh_dl_require(KH_DL_SQLITE)) == 0 && (error = kh_state_open(&st, state_path)) == 0)
		error = kh_state_mark_reported(st, repos, fps, (const char *const *)verdicts, k);
	kh_state_close(st);
	for (size_t i = 0; i < k; i++)
		free(verdicts[i]);
	free(verdicts);
	free(repos);
	free(fps);
	return error;
}

int keyhound_sweep_mark_reported(const keyhound_report *report, const keyhound_sweep_options *o)
{
	unsigned oom = kh_oom_mark();
	return kh_oom_result(oom, sweep_mark_reported_body(report, o));
}
