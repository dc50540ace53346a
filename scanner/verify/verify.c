/* SPDX-License-Identifier: Apache-2.0 */
/* --verify: each distinct secret of a rule that verifies is checked once (its paired parts
 * tried nearest first), by a few workers sharing one HTTPS client, with verdicts cached;
 * every finding of that secret then carries the verdict. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

#include "core/kh.h"
#include "core/report.h"
#include "rules/ruleset.h"
#include "verify/verify.h"

/* more candidates than this (parts x nearest counterparts) are not all tried */
#define MAX_TRIES 9

typedef struct {
	uint8_t key[32];
	kh_verify_input *vin;         /* borrowed from the first finding of this secret */
	kh_verdict verdict;
	bool from_cache;
} job;

/* what verification needs of the engine (engine.c hands it over: verify/ sits below it) */
typedef struct {
	const kh_ruleset *rules;
	kh_verify_spec *const *verify_specs;
} verify_env;

typedef struct {
	const verify_env *e;
	kh_net *net;
	job *jobs;
	size_t n_jobs, next;
	pthread_mutex_t lock;
	void *oom_owner;        /* the caller's failure counter, for the workers */
} run_ctx;

static bool listed(const char *id, const char *const *v, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (!strcmp(v[i], id))
			return true;
	return false;
}

static int cmp_job(const void *a, const void *b)
{
	return memcmp(((const job *)a)->key, ((const job *)b)->key, 32);
}

/* what identifies a check: the rule and its verify block, the secret, the candidates */
static void job_key(const verify_env *e, const kh_verify_input *v, kh_verify_cache *cache,
		    uint8_t out[32])
{
	const kh_rule *r = &e->rules->rules[v->rule];
	kh_buf b = {0};
	kh_buf_puts(&b, r->id);
	kh_buf_putc(&b, 0);
	kh_buf_puts(&b, r->verify);
	kh_buf_putc(&b, 0);
	kh_buf_put(&b, v->secret, v->sn);
	for (size_t k = 0; k < v->n_parts; k++)
		for (size_t q = 0; q < KH_VERIFY_CANDIDATES; q++) {
			kh_buf_putc(&b, 0);
			if (v->parts[k][q])
				kh_buf_puts(&b, v->parts[k][q]);
		}
	if (cache)
		kh_verify_cache_key(cache, b.buf, b.len, out);
	else
		kh_sha256(b.buf, b.len, out);
	explicit_bzero(b.buf, b.len);
	kh_buf_free(&b);
}

/* One request for one choice of parts. */
static void try_once(run_ctx *c, const kh_verify_spec *spec, const kh_verify_vars *vars,
		     const char *secret, kh_verdict *out)
{
	kh_verify_request rq;
	kh_net_response resp;
	const char *reason = NULL;
	memset(out, 0, sizeof(*out));
	if (kh_verify_build(spec, vars, time(NULL), &rq, &reason) < 0) {
		out->reason = kh_strdup(reason ? reason : "bad-template");
		return;
	}
	kh_net_request q = {rq.method, rq.host, rq.path, rq.headers, rq.n_headers, rq.body, rq.body_len};
	/* the near: values are the last vars (run_job): the answer's identity may name them */
	size_t nn = spec->n_near <= vars->n ? spec->n_near : 0;
	kh_verify_vars near = {vars->names + vars->n - nn, vars->values + vars->n - nn, nn};
	if (kh_net_send(c->net, &q, &resp) < 0 || resp.outcome != KH_NET_OK)
		out->reason = kh_strdup(kh_net_outcome_name(resp.outcome));
	else
		kh_verify_read_answer_near(spec, resp.status, resp.headers, resp.n_headers, resp.body,
					   resp.body_len, secret, &near, out);
	kh_net_response_clear(&resp);
	kh_verify_request_clear(&rq);
}

/* Every choice of counterparts (nearest first) until one is live. */
static void run_job(run_ctx *c, job *jb)
{
	const kh_verify_input *v = jb->vin;
	const kh_verify_spec *spec = c->e->verify_specs[v->rule];
	const char *names[8], *values[8];
	size_t idx[8] = {0}, n_vars = 1 + v->n_parts, tries = 0;
	bool all_invalid = true;
	kh_verdict best = {0};

	if (v->n_parts > 7) {
		jb->verdict.reason = kh_strdup("too-many-parts");
		goto done;
	}
	if (spec->secret_prefix && strncmp(v->secret, spec->secret_prefix, strlen(spec->secret_prefix))) {
		jb->verdict.reason = kh_strdup("not-checkable");
		goto done;
	}
	names[0] = "secret";
	values[0] = v->secret;
	for (size_t k = 0; k < v->n_parts; k++) {
		names[k + 1] = kh_verify_spec_part_name(spec, k);
		if (!v->parts[k][0]) {
			jb->verdict.reason = kh_strdup("missing-part");
			goto done;
		}
	}
	for (;;) {
		kh_verdict one;
		for (size_t k = 0; k < v->n_parts; k++)
			values[k + 1] = v->parts[k][idx[k]];
		kh_verify_vars vars = {names, values, n_vars};
		try_once(c, spec, &vars, v->secret, &one);
		tries++;
		if (one.status == KH_VERDICT_LIVE) {
			kh_verdict_clear(&best);
			best = one;
			break;
		}
		if (one.status != KH_VERDICT_INVALID)
			all_invalid = false;
		if (!best.reason || (one.status == KH_VERDICT_UNKNOWN && best.status != KH_VERDICT_UNKNOWN)) {
			kh_verdict_clear(&best);
			best = one;
		} else {
			kh_verdict_clear(&one);
		}
		/* the next choice: an odometer over the candidates */
		size_t k = 0;
		while (k < v->n_parts && (++idx[k] >= KH_VERIFY_CANDIDATES || !v->parts[k][idx[k]]))
			idx[k++] = 0;
		if (k == v->n_parts || tries >= MAX_TRIES)
			break;
	}
	if (best.status != KH_VERDICT_LIVE)
		best.status = all_invalid ? KH_VERDICT_INVALID : KH_VERDICT_UNKNOWN;
	jb->verdict = best;
done:
	jb->verdict.checked_at = time(NULL);
	if (!jb->verdict.reason)
		jb->verdict.reason = kh_strdup("unknown");
}

static void *worker(void *arg)
{
	run_ctx *c = arg;
	kh_oom_adopt(c->oom_owner);
	for (;;) {
		pthread_mutex_lock(&c->lock);
		size_t i = c->next;
		while (i < c->n_jobs && c->jobs[i].from_cache)
			i++;
		c->next = i + 1;
		pthread_mutex_unlock(&c->lock);
		if (i >= c->n_jobs)
			return NULL;
		run_job(c, &c->jobs[i]);
	}
}


static void set_str(const char **dst, const char *v)
{
	free((char *)*dst);
	*dst = v ? kh_strdup(v) : NULL;
}

static void fill(keyhound_finding *f, const kh_verdict *v, const kh_verify_spec *spec)
{
	char at[32];
	struct tm tm;
	time_t t = v->checked_at;
	gmtime_r(&t, &tm);
	strftime(at, sizeof(at), "%Y-%m-%dT%H:%M:%SZ", &tm);
	set_str(&f->verification.status, kh_verdict_name(v->status));
	set_str(&f->verification.reason, v->reason);
	set_str(&f->verification.checked_at, at);
	set_str(&f->verification.identity, v->identity);
	set_str(&f->verification.scopes, v->scopes);
	set_str(&f->verification.rotate, spec->rotate);
	f->verification.cached = v->cached;
}

static kh_verdict_status verdict_of(const char *status)
{
	return !strcmp(status, "live") ? KH_VERDICT_LIVE : !strcmp(status, "invalid") ? KH_VERDICT_INVALID
										    : KH_VERDICT_UNKNOWN;
}

/* A verdict a sweep's state kept for a replayed finding (sweep.c sets it before this step):
 * used while younger than the cache's lifetime for its status (kh_verify_cache_ttl). */
static bool kept_verdict_fresh(const keyhound_finding *f, time_t now)
{
	struct tm tm = {0};
	const char *s = f->verification.status, *at = f->verification.checked_at, *end;
	if (!s || !at || !(end = strptime(at, "%Y-%m-%dT%H:%M:%SZ", &tm)) || *end)
		return false;
	time_t t = timegm(&tm);
	return t <= now && now - t < kh_verify_cache_ttl(verdict_of(s));
}

static size_t collect(keyhound_report *r, const verify_env *e, const keyhound_verify_options *o,
		      kh_verify_cache *cache, job **out, size_t **rec_job)
{
	job *jobs = kh_calloc(r->n + 1, sizeof(*jobs));
	size_t n = 0;
	*rec_job = kh_calloc(r->n + 1, sizeof(size_t));
	for (size_t i = 0; i < r->n; i++) {
		kh_verify_input *v = r->v[i].vin;
		(*rec_job)[i] = SIZE_MAX;
		if (!v || !e->verify_specs || !e->verify_specs[v->rule])
			continue;
		const char *id = e->rules->rules[v->rule].id;
		if ((o->rules && !listed(id, o->rules, o->n_rules)) || listed(id, o->exclude, o->n_exclude)) {
			(*rec_job)[i] = SIZE_MAX - 1; /* excluded */
			continue;
		}
		job_key(e, v, cache, jobs[n].key);
		jobs[n].vin = v;
		(*rec_job)[i] = n++;
	}
	/* one job per distinct key: sort, then point every finding at its key's first job */
	job *sorted = kh_calloc(n + 1, sizeof(*sorted));
	memcpy(sorted, jobs, n * sizeof(*jobs));
	qsort(sorted, n, sizeof(*sorted), cmp_job);
	size_t u = 0;
	for (size_t i = 0; i < n; i++)
		if (u == 0 || memcmp(sorted[u - 1].key, sorted[i].key, 32))
			sorted[u++] = sorted[i];
	for (size_t i = 0; i < r->n; i++) {
		if ((*rec_job)[i] >= SIZE_MAX - 1)
			continue;
		job key;
		memcpy(key.key, jobs[(*rec_job)[i]].key, 32);
		job *hit = bsearch(&key, sorted, u, sizeof(*sorted), cmp_job);
		(*rec_job)[i] = (size_t)(hit - sorted);
	}
	free(jobs);
	*out = sorted;
	return u;
}

int kh_verify_report(keyhound_report *r, const kh_ruleset *rules, kh_verify_spec *const *specs,
		     const keyhound_verify_options *opts, unsigned long *requests)
{
	verify_env env = {rules, specs};
	const verify_env *e = &env;
	keyhound_verify_options def = KEYHOUND_VERIFY_OPTIONS_INIT;
	const keyhound_verify_options *o = opts ? opts : &def;
	kh_net_opts no = KH_NET_OPTS_INIT;
	run_ctx c = {.e = e, .oom_owner = kh_oom_owner()};
	kh_verify_cache *cache = NULL;
	size_t *rec_job = NULL, counts[3] = {0}, cached = 0, kept = 0;
	pthread_t th[32];
	unsigned nth;
	int error = 0;

	if (requests)
		*requests = 0;
	if (o->version != KEYHOUND_VERIFY_OPTIONS_VERSION)
		return kh_error(KEYHOUND_EINVAL, "keyhound_verify_options: wrong version");
	if (!specs)
		return kh_error(KEYHOUND_EINVAL, "the engine was not made with options.verify");
	if (o->cache) {
		/* no path: the program found no XDG_CACHE_HOME or HOME */
		const char *path = o->cache_path;
		if (!path || kh_verify_cache_open(&cache, path) < 0)
			kh_report_note(r, "verify: no cache (%s): every secret is checked",
				       path ? keyhound_last_error() : "no XDG_CACHE_HOME or HOME");
	}
	c.n_jobs = collect(r, e, o, cache, &c.jobs, &rec_job);
	for (size_t i = 0; cache && i < c.n_jobs; i++)
		if (kh_verify_cache_get(cache, c.jobs[i].key, time(NULL), &c.jobs[i].verdict) == 0)
			c.jobs[i].from_cache = true, cached++;
	if (cached < c.n_jobs) {
		no.budget_ms = (long)(o->timeout_s ? o->timeout_s : 60) * 1000;
		no.connect_to = o->connect_to;
		no.cainfo = o->cainfo;
		if ((error = kh_net_new(&c.net, &no)) < 0)
			goto done;
		pthread_mutex_init(&c.lock, NULL);
		nth = o->concurrency ? o->concurrency : 8;
		nth = nth > 32 ? 32 : nth;
		for (unsigned t = 0; t < nth; t++)
			if (pthread_create(&th[t], NULL, worker, &c) != 0)
				nth = t;
		if (nth == 0)
			worker(&c);
		for (unsigned t = 0; t < nth; t++)
			pthread_join(th[t], NULL);
		pthread_mutex_destroy(&c.lock);
		if (requests)
			*requests = kh_net_requests(c.net);
	}
	for (size_t i = 0; i < c.n_jobs; i++) {
		counts[c.jobs[i].verdict.status]++;
		if (cache && !c.jobs[i].from_cache)
			kh_verify_cache_put(cache, c.jobs[i].key, &c.jobs[i].verdict);
	}
	for (size_t i = 0; i < r->n; i++) {
		keyhound_finding *f = &r->v[i].f;
		if (rec_job[i] < SIZE_MAX - 1) {
			const job *jb = &c.jobs[rec_job[i]];
			fill(f, &jb->verdict, e->verify_specs[jb->vin->rule]);
			continue;
		}
		/* every finding says whether it was checked: left out, no check in its rule, or
		 * replayed from a sweep's state without its secret (an unchanged repository):
		 * then with the verdict the state kept, while it is younger than its lifetime */
		const kh_rule *rule = f->rule_id ? kh_ruleset_find(e->rules, f->rule_id) : NULL;
		bool has = rule && e->verify_specs[rule - e->rules->rules];
		if (rec_job[i] != SIZE_MAX - 1 && has && o->cache && kept_verdict_fresh(f, time(NULL))) {
			f->verification.cached = 1;
			counts[verdict_of(f->verification.status)]++;
			kept++;
			continue;
		}
		kh_finding_clear_verification(f);
		set_str(&f->verification.status, "unknown");
		set_str(&f->verification.reason, rec_job[i] == SIZE_MAX - 1 ? "excluded"
						 : !has ? "no-check" : "not-rescanned");
	}
	kh_report_note(r, "verify: %zu distinct secret(s): %zu live, %zu invalid, %zu unknown "
			  "(%zu from the cache, %lu request(s))",
		       c.n_jobs + kept, counts[KH_VERDICT_LIVE], counts[KH_VERDICT_INVALID],
		       counts[KH_VERDICT_UNKNOWN], cached + kept, c.net ? kh_net_requests(c.net) : 0UL);
done:
	/* the raw secrets are not needed any more */
	for (size_t i = 0; i < r->n; i++) {
		kh_verify_input_free(r->v[i].vin);
		r->v[i].vin = NULL;
	}
	for (size_t i = 0; i < c.n_jobs; i++)
		kh_verdict_clear(&c.jobs[i].verdict);
	free(c.jobs);
	free(rec_job);
	kh_net_free(c.net);
	kh_verify_cache_close(cache);
	return error;
}

void keyhound_report_keep_live(keyhound_report *r)
{
	size_t kept = 0;
	pthread_mutex_lock(&r->lock);
	for (size_t i = 0; i < r->n; i++) {
		const char *s = r->v[i].f.verification.status;
		if (s && !strcmp(s, "live")) {
			r->v[kept++] = r->v[i];
			continue;
		}
		kh_finding_clear(&r->v[i].f);
		free(r->v[i].context);
		kh_verify_input_free(r->v[i].vin);
	}
	r->n = kept;
	pthread_mutex_unlock(&r->lock);
}
