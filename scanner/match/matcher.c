/* SPDX-License-Identifier: Apache-2.0 */
/* The matcher: one Hyperscan block scan over a blob says "rule R matches
 * somewhere ending here"; PCRE2 then confirms forward from a bounded distance
 * before that end and finds the real span and the secret's group. Hyperscan
 * reports every end of a repeat, shortest first, so later hits inside a
 * confirmed span (or a span PCRE2 already searched in vain) are skipped.
 * A rule with keywords is scanned as its keywords: a hit says "keyword here",
 * and PCRE2 looks for a match starting within KH_KEYWORD_NEAR bytes of it.
 * A rule scoped to paths is in a database of its own, scanned only over a blob at
 * one of its paths. A pattern whose matches never hold a newline is confirmed in its
 * hit's line. */
#define PCRE2_CODE_UNIT_WIDTH 8
#include <hs/hs.h>
#include <limits.h>
#include <pcre2.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "core/hash.h"
#include "core/kh.h"
#include "filter/judge.h"
#include "match/match.h"
#include "rules/ruleset.h"

/* How far before a hit to start confirming, and after it to let a match run,
 * for patterns with no bounded width (such as a private key block). */
#define UNBOUNDED_WINDOW (64u << 10)
#define SLACK 256
/* A rule whose matches never hold a newline (kh_pattern_line_reach) is confirmed in its
 * hit's line when its window is wider than this: finding the line costs a memchr. */
#define LINE_WINDOW_MIN 512
#define MATCH_LIMIT 200000
#define DEPTH_LIMIT 20000
/* Hyperscan takes an unsigned int length: larger blobs are scanned in chunks
 * that overlap by more than any match we confirm. */
#define CHUNK ((size_t)1 << 30)
#define OVERLAP ((size_t)1 << 20)
/* Paths whose scoped rules are remembered, per worker: a history lists the same paths for
 * every version of a file, and each check runs every scoped rule's globs on the path. */
#define PATH_CACHE 1024

typedef struct {
	char *path;
	uint64_t *on; /* per scoped database: whether its rule applies at path */
} path_entry;

struct kh_scratch {
	hs_scratch_t *hs;
	pcre2_match_data *md;
	pcre2_match_context *mctx;
	pcre2_match_context *near; /* the same, with an offset limit: gated rules */
	size_t *covered;      /* per rule: hits ending at or before are done; for a
			       * gated rule, every match starting before is found */
	uint32_t *stamp;      /* per rule: which blob `covered` and `count` belong to */
	uint32_t *count;      /* per rule: matches kept in this blob */
	uint8_t *scoped_fit;  /* per scoped database: `hs` has been grown to fit it */
	const char *const *paths; /* where the blob sits (kh_scratch_set_paths), or NULL */
	size_t n_paths;
	uint64_t *scoped_on;  /* per scoped database: applies at one of the paths (bits) */
	bool scoped_known;    /* scoped_on is the current paths' */
	path_entry *pcache;   /* PATH_CACHE entries, made on first use */
	uint64_t *pbits;      /* their `on` bits */
	size_t words;         /* 64-bit words per set of scoped databases */
	uint32_t gen;
	size_t n_rules;
	/* the blob being scanned */
	const kh_ruleset *rs;
	const unsigned char *data;
	size_t len, base;
	const keyhound_limits *limits;
	kh_matches *out;
};

int kh_scratch_new(kh_scratch **out, const kh_ruleset *rs)
{
	kh_scratch *s = kh_calloc(1, sizeof(*s));
	int error = 0;
	/* one scratch serves every database: hs_alloc_scratch grows it to fit each (a scoped
	 * one when a blob first needs it: scoped_db) */
	bool ok = rs->hs_proto ? hs_clone_scratch((const hs_scratch_t *)rs->hs_proto, &s->hs) == HS_SUCCESS
		  : !rs->hs_db || hs_alloc_scratch((const hs_database_t *)rs->hs_db, &s->hs) == HS_SUCCESS;
	s->scoped_fit = kh_calloc(rs->n_hs_scoped + 1, 1);
	if (!ok) {
		error = kh_error(KEYHOUND_ENOMEM, "cannot allocate Hyperscan scratch");
		goto done;
	}
	s->md = pcre2_match_data_create(16, kh_pcre2_general());
	s->mctx = pcre2_match_context_create(kh_pcre2_general());
	pcre2_set_match_limit(s->mctx, MATCH_LIMIT);
	pcre2_set_depth_limit(s->mctx, DEPTH_LIMIT);
	s->near = pcre2_match_context_copy(s->mctx);
	s->n_rules = rs->n_rules;
	s->covered = kh_calloc(rs->n_rules + 1, sizeof(size_t));
	s->stamp = kh_calloc(rs->n_rules + 1, sizeof(uint32_t));
	s->count = kh_calloc(rs->n_rules + 1, sizeof(uint32_t));
	s->words = (rs->n_hs_scoped + 63) / 64;
	s->scoped_on = kh_calloc(s->words + 1, sizeof(uint64_t));
done:
	if (error) {
		kh_scratch_free(s);
		s = NULL;
	}
	*out = s;
	return error;
}

void kh_scratch_free(kh_scratch *s)
{
	if (!s)
		return;
	hs_free_scratch(s->hs);
	pcre2_match_data_free(s->md);
	pcre2_match_context_free(s->mctx);
	pcre2_match_context_free(s->near);
	free(s->covered);
	free(s->stamp);
	free(s->count);
	free(s->scoped_on);
	for (size_t i = 0; s->pcache && i < PATH_CACHE; i++)
		free(s->pcache[i].path);
	free(s->pcache);
	free(s->pbits);
	free(s->scoped_fit);
	free(s);
}

bool kh_matches_at_cap(kh_matches *o, size_t per_rule)
{
	if (o->n < per_rule * KH_MATCH_HARD_CAP)
		return false;
	o->truncated = o->full = true;
	return true;
}

bool kh_matches_push(kh_matches *o, size_t per_rule, const kh_match *m)
{
	if (kh_matches_at_cap(o, per_rule))
		return false;
	if (o->n == o->cap) {
		o->cap = o->cap ? o->cap * 2 : 16;
		o->v = kh_realloc(o->v, o->cap * sizeof(*o->v));
	}
	o->v[o->n++] = *m;
	return true;
}

/* Keep a match. Returns 0, 1 when this rule has its fill for the blob, or -1 when
 * the blob's hard cap is reached and the scan must stop. */
static int add_match(kh_scratch *s, unsigned rule, size_t ms, size_t me, size_t ss, size_t se)
{
	kh_matches *o = s->out;
	size_t limit = s->limits->max_findings_per_blob;
	if (s->count[rule] >= limit) {
		o->truncated = true;
		return 1;
	}
	kh_match m = {.rule = rule, .start = ms, .end = me, .sec_start = ss, .sec_end = se};
	if (!kh_matches_push(o, limit, &m))
		return -1;
	s->count[rule]++;
	return 0;
}

/* Whether one of a gated rule's keywords starts within KH_KEYWORD_NEAR bytes of ms (or
 * ends within it before): what a keyword hit's confirmation accepts (confirm_starts),
 * for a rule with common keywords whose pattern Hyperscan scanned instead. */
static bool near_keyword(const kh_scratch *s, const kh_rule *r, size_t ms)
{
	for (size_t k = 0; k < r->n_keywords; k++) {
		size_t n = strlen(r->keywords[k]);
		size_t lo = ms > KH_KEYWORD_NEAR + n ? ms - KH_KEYWORD_NEAR - n : 0;
		size_t hi = ms + KH_KEYWORD_NEAR + n < s->len ? ms + KH_KEYWORD_NEAR + n : s->len;
		for (size_t i = lo; i + n <= hi; i++)
			if (!strncasecmp((const char *)s->data + i, r->keywords[k], n))
				return true;
	}
	return false;
}

/* Keep PCRE2's match (after its checksum, if the rule has one). Returns what
 * add_match does; 0 when the checksum fails or a keyword is not near. */
static int keep(kh_scratch *s, unsigned ri, const kh_rule *r, size_t ms, size_t me, int rc)
{
	PCRE2_SIZE *ov = pcre2_get_ovector_pointer(s->md);
	size_t ss = ms, se = me;
	if (rc >= 2 && ov[2] != PCRE2_UNSET) {
		ss = ov[2];
		se = ov[3];
	}
	if (r->validate && kh_validate(r->validate, (const char *)s->data + ss, se - ss) != 1)
		return 0;
	if (r->common_keywords && !near_keyword(s, r, ms))
		return 0;
	return add_match(s, ri, ms, me, ss, se);
}

/* The bytes PCRE2 may read after a match's start: the pattern's width, bounded. */
static size_t width_of(const kh_rule *r)
{
	return r->max_width == ULLONG_MAX || r->max_width > UNBOUNDED_WINDOW ? UNBOUNDED_WINDOW
									       : (size_t)r->max_width;
}

/* A one-line pattern (one whose matches never hold a newline: kh_pattern_line_reach) is
 * confirmed in its hit's line instead of UNBOUNDED_WINDOW bytes either side. The start
 * of the line holding byte `at`, but no earlier than `from`. */
static size_t line_start(const kh_scratch *s, size_t from, size_t at)
{
	const unsigned char *nl = at > from ? memrchr(s->data + from, '\n', at - from) : NULL;
	return nl ? (size_t)(nl - s->data) + 1 : from;
}

/* Where PCRE2's subject may end for a one-line pattern's matches that start by `at`: the
 * newline ending at's line (*eol), then what the rule's lookaheads read past it; no later
 * than `limit` (*eol SIZE_MAX: no newline before it). */
static size_t line_limit(const kh_scratch *s, const kh_rule *r, size_t at, size_t limit, size_t *eol)
{
	const unsigned char *nl = at < limit ? memchr(s->data + at, '\n', limit - at) : NULL;
	*eol = SIZE_MAX;
	if (!nl)
		return limit;
	*eol = (size_t)(nl - s->data);
	/* two bytes more: a `$` or `\z` in a lookahead never takes the cut for the end */
	size_t cut = *eol + 1 + (size_t)r->line_reach + 2;
	return cut < limit ? cut : limit;
}

static int confirm_starts(kh_scratch *s, unsigned ri, size_t pos, size_t last);

/* Confirm a hit of rule `ri`'s pattern ending at `end`. Returns non-zero to stop the scan. */
static int confirm(kh_scratch *s, unsigned ri, size_t end)
{
	const kh_rule *r = &s->rs->rules[ri];
	size_t window = width_of(r);
	size_t pos = end > window ? end - window : 0;
	size_t limit = end + window + SLACK < s->len ? end + window + SLACK : s->len;
	size_t covered = end, eol = SIZE_MAX;
	const pcre2_code *re = kh_rule_code(s->rs, r);

	if (re && r->back && window > LINE_WINDOW_MIN) {
		/* the pattern says how far before its end a match can start: look for the
		 * matches that start from there to the hit (a later one has a later hit). The
		 * bound only grows with the hit's end, so the search windows only move on. */
		size_t last = end ? end - 1 : 0, floor = pos;
		if (r->line_reach >= 0)
			floor = line_start(s, floor, last);
		return confirm_starts(s, ri, kh_back_start(r->back, s->data, floor, end), last);
	}
	if (s->stamp[ri] == s->gen) {
		if (end <= s->covered[ri])
			return 0;
		if (pos < s->covered[ri])
			pos = s->covered[ri];
	} else {
		s->count[ri] = 0;
	}
	if (re && r->line_reach >= 0 && window > LINE_WINDOW_MIN && end) {
		/* a match ending at the hit holds its last byte, so lies in that byte's line */
		pos = line_start(s, pos, end - 1);
		limit = line_limit(s, r, end - 1, limit, &eol);
	}
	/* where the search has looked when nothing (more) starts before the line's end */
	size_t searched = eol != SIZE_MAX ? eol + 1 : limit;
	for (;;) {
		int rc = re ? pcre2_match(re, s->data, limit, pos, 0, s->md, s->mctx) : PCRE2_ERROR_INTERNAL;
		PCRE2_SIZE *ov = pcre2_get_ovector_pointer(s->md);
		if (rc == PCRE2_ERROR_NOMATCH || (rc >= 0 && ov[0] > eol)) {
			/* nothing starts in [pos, limit) (or in the line): no later hit up to
			 * there can confirm */
			if (searched > covered)
				covered = searched;
			break;
		}
		if (rc < 0) {
			/* match or depth limit: counted, never read as "no match"; the
			 * window is not tried again for every later hit in it */
			s->out->match_limit_errors++;
			if (searched > covered)
				covered = searched;
			break;
		}
		size_t ms = ov[0], me = ov[1];
		int added = keep(s, ri, r, ms, me, rc);
		if (added < 0)
			return 1;
		if (added > 0) {
			/* this rule is done with the blob: later hits are skipped */
			covered = SIZE_MAX;
			break;
		}
		if (me > covered)
			covered = me;
		if (me >= end || me >= limit)
			break;
		pos = me > ms ? me : me + 1;
	}
	s->stamp[ri] = s->gen;
	s->covered[ri] = covered;
	return 0;
}

/* Confirm rule `ri` for every match that starts in [pos, last]: near a keyword (from
 * KH_KEYWORD_NEAR bytes before it to as far after it), or just before a factor's end
 * (at most KH_FACTOR_REACH bytes). covered[ri] is where the search may resume: every
 * match starting before it has been found, so overlapping windows are searched once. */
static int confirm_starts(kh_scratch *s, unsigned ri, size_t pos, size_t last)
{
	const kh_rule *r = &s->rs->rules[ri];
	size_t limit = last + width_of(r) + SLACK < s->len ? last + width_of(r) + SLACK : s->len;
	size_t covered = pos, eol;
	const pcre2_code *re = kh_rule_code(s->rs, r);
	/* a one-line pattern's match that starts by `last` ends by the end of last's line */
	if (re && r->line_reach >= 0 && limit - last > LINE_WINDOW_MIN)
		limit = line_limit(s, r, last, limit, &eol);

	if (s->stamp[ri] == s->gen) {
		if (last < s->covered[ri])
			return 0;
		if (pos < s->covered[ri])
			pos = s->covered[ri];
	} else {
		s->count[ri] = 0;
	}
	pcre2_set_offset_limit(s->near, last);
	for (;;) {
		int rc = re ? pcre2_match(re, s->data, limit, pos, 0, s->md, s->near) : PCRE2_ERROR_INTERNAL;
		if (rc < 0) {
			/* no match starts in [pos, last]; or a match or depth limit, counted
			 * and never read as "no match" */
			if (rc != PCRE2_ERROR_NOMATCH)
				s->out->match_limit_errors++;
			covered = last + 1;
			break;
		}
		PCRE2_SIZE *ov = pcre2_get_ovector_pointer(s->md);
		size_t ms = ov[0], me = ov[1];
		int added = keep(s, ri, r, ms, me, rc);
		if (added < 0)
			return 1;
		if (added > 0) {
			covered = SIZE_MAX;
			break;
		}
		pos = me > ms ? me : me + 1;
		covered = pos;
		if (pos > last)
			break;
	}
	s->stamp[ri] = s->gen;
	s->covered[ri] = covered;
	return 0;
}

void kh_scratch_set_paths(kh_scratch *s, const char *const *paths, size_t n)
{
	s->paths = paths;
	s->n_paths = n;
	s->scoped_known = false;
}

/* The scoped databases whose rule applies at path, from the cache or its globs. */
static const uint64_t *path_scoped(kh_scratch *s, const kh_ruleset *rs, const char *path)
{
	if (!s->pcache) {
		s->pcache = kh_calloc(PATH_CACHE, sizeof(*s->pcache));
		s->pbits = kh_calloc(PATH_CACHE * s->words + 1, sizeof(uint64_t));
		for (size_t i = 0; i < PATH_CACHE; i++)
			s->pcache[i].on = s->pbits + i * s->words;
	}
	path_entry *e = &s->pcache[kh_fnv1a64(KH_FNV_OFFSET, path, strlen(path)) & (PATH_CACHE - 1)];
	if (!e->path || strcmp(e->path, path)) {
		free(e->path);
		e->path = kh_strdup(path);
		memset(e->on, 0, s->words * sizeof(uint64_t));
		for (size_t i = 0; i < rs->n_hs_scoped; i++)
			if (kh_rule_path_matches(&rs->rules[rs->hs_scoped[i].rule], path))
				e->on[i / 64] |= (uint64_t)1 << (i % 64);
	}
	return e->on;
}

/* A rule scoped to paths that the blob sits at none of would only be judged away: its
 * database is not scanned (the costliest generic rules are scoped to config files). */
static bool scoped_applies(kh_scratch *s, const kh_ruleset *rs, size_t i)
{
	if (!s->paths)
		return true;
	if (!s->scoped_known) {
		memset(s->scoped_on, 0, s->words * sizeof(uint64_t));
		for (size_t p = 0; p < s->n_paths; p++) {
			if (!s->paths[p])
				continue; /* a place with no path is at none of a rule's paths */
			const uint64_t *on = path_scoped(s, rs, s->paths[p]);
			for (size_t w = 0; w < s->words; w++)
				s->scoped_on[w] |= on[w];
		}
		s->scoped_known = true;
	}
	return s->scoped_on[i / 64] >> (i % 64) & 1;
}

static int on_hit(unsigned int id, unsigned long long from, unsigned long long to,
		  unsigned int flags, void *ctx)
{
	kh_scratch *s = ctx;
	size_t end = s->base + (size_t)to;
	unsigned kw = s->rs->hs_keyword_len[id], ri = s->rs->hs_to_rule[id];
	if (kw) {
		size_t start = end >= kw ? end - kw : 0;
		return confirm_starts(s, ri, start > KH_KEYWORD_NEAR ? start - KH_KEYWORD_NEAR : 0,
				      end + KH_KEYWORD_NEAR < s->len ? end + KH_KEYWORD_NEAR : s->len);
	}
	if (s->rs->rules[ri].factor)
		return confirm_starts(s, ri, end > KH_FACTOR_REACH ? end - KH_FACTOR_REACH : 0, end);
	return confirm(s, ri, end);
}

static int sort_by_start(const void *pa, const void *pb)
{
	const kh_match *a = pa, *b = pb;
	if (a->start != b->start)
		return a->start < b->start ? -1 : 1;
	return a->rule < b->rule ? -1 : a->rule > b->rule;
}

/* One database over the blob, in chunks. Returns 0, 1 when a callback stopped the scan
 * (the blob's hard cap), or an error. */
static int scan_db(const void *db, kh_scratch *s)
{
	for (size_t base = 0; base < s->len;) {
		size_t n = s->len - base < CHUNK ? s->len - base : CHUNK;
		s->base = base;
		hs_error_t rc = hs_scan((const hs_database_t *)db, (const char *)s->data + base,
					(unsigned)n, 0, s->hs, on_hit, s);
		if (rc == HS_SCAN_TERMINATED)
			return 1;
		if (rc != HS_SUCCESS)
			return kh_error(KEYHOUND_ERROR, "Hyperscan scan failed (%d)", (int)rc);
		if (base + n >= s->len)
			break;
		base += n - OVERLAP;
	}
	return 0;
}

/* Scoped database i, loaded and the scratch grown to fit it on first use. */
static int scoped_db(const kh_ruleset *rs, kh_scratch *s, size_t i, const void **db)
{
	if (!(*db = kh_scoped_db(rs, i)))
		return kh_error(KEYHOUND_ERULES, "the compiled rules are damaged: rule %s's database "
				"does not load", rs->rules[rs->hs_scoped[i].rule].id);
	if (!s->scoped_fit[i]) {
		if (hs_alloc_scratch((const hs_database_t *)*db, &s->hs) != HS_SUCCESS)
			return kh_error(KEYHOUND_ENOMEM, "cannot allocate Hyperscan scratch");
		s->scoped_fit[i] = 1;
	}
	return 0;
}

static int scan_raw(const kh_ruleset *rs, kh_scratch *s, const unsigned char *data, size_t len,
		    const keyhound_limits *limits, kh_matches *out)
{
	int rc = 0;
	if (!len)
		return 0;
	s->rs = rs;
	s->data = data;
	s->len = len;
	s->limits = limits;
	s->out = out;
	if (++s->gen == 0) {
		memset(s->stamp, 0, s->n_rules * sizeof(uint32_t));
		s->gen = 1;
	}
	if (rs->hs_db)
		rc = scan_db(rs->hs_db, s);
	/* a rule scoped to paths is scanned only over a blob at one of them */
	for (size_t i = 0; i < rs->n_hs_scoped && rc == 0; i++) {
		const void *db;
		if (scoped_applies(s, rs, i) && (rc = scoped_db(rs, s, i, &db)) == 0)
			rc = scan_db(db, s);
	}
	return rc < 0 ? rc : 0;
}

/* A decoded match that repeats a raw match (same rule and secret, inside the
 * same run) adds nothing: a token with a %2F in it matches both ways. */
static void drop_repeats(const unsigned char *data, kh_matches *out, size_t first, size_t raw_end)
{
	size_t w = raw_end;
	for (size_t i = raw_end; i < out->n; i++) {
		kh_match *d = &out->v[i];
		bool dup = false;
		for (size_t j = first; j < raw_end && !dup; j++) {
			const kh_match *r = &out->v[j];
			dup = r->rule == d->rule && r->start < d->end && d->start < r->end &&
			      r->sec_end - r->sec_start == d->decoded_secret_len &&
			      !memcmp(data + r->sec_start, d->decoded_secret, d->decoded_secret_len);
		}
		for (size_t j = raw_end; j < w && !dup; j++) {
			const kh_match *r = &out->v[j];
			dup = r->rule == d->rule && r->start == d->start &&
			      r->decoded_secret_len == d->decoded_secret_len &&
			      !memcmp(r->decoded_secret, d->decoded_secret, d->decoded_secret_len);
		}
		if (dup) {
			free(d->decoded_secret);
			free(d->decoded_match);
		} else {
			out->v[w++] = *d;
		}
	}
	out->n = w;
}

/* After the decoder added its matches (from raw_end on): drop what repeats a raw match,
 * and order the blob's matches (from first on) by where they start. */
void kh_match_finish(const unsigned char *data, kh_matches *out, size_t first, size_t raw_end)
{
	drop_repeats(data, out, first, raw_end);
	if (out->n - first > 1)
		qsort(out->v + first, out->n - first, sizeof(kh_match), sort_by_start);
}

/* Match every rule with a pattern against data, without decoding (the decoder calls this
 * for the bytes it decodes, with the same scratch). */
int kh_match_raw(const kh_ruleset *rs, kh_scratch *s, const unsigned char *data, size_t len,
		 const keyhound_limits *limits, kh_matches *out)
{
	return scan_raw(rs, s, data, len, limits, out);
}
