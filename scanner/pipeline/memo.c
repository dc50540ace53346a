/* SPDX-License-Identifier: Apache-2.0 */
/* The pipeline consulting a match memo (memo.h): a new blob is matched once and what
 * matching left is stored; a known blob is judged at its places from what was kept, its
 * bytes read again only when judging needs them. */
#include <stdlib.h>
#include <string.h>

#include "core/blob.h"
#include "core/report.h"
#include "decode/archive.h"
#include "decode/decode.h"
#include "filter/filter.h"
#include "filter/judge.h"
#include "match/match.h"
#include "pipeline/pipeline_int.h"
#include "rules/rules.h"
#include "rules/ruleset.h"

void kh_pipeline_set_memo(kh_pipeline *p, const kh_memo *m)
{
	p->memo = m;
}

bool kh_pl_has_memo(const kh_pipeline *p)
{
	return p->memo != NULL;
}

int kh_pl_plan(kh_pipeline *p, const uint8_t id[20])
{
	return p->memo ? p->memo->plan(p->memo->payload, id) : KH_MEMO_NEW;
}

uint64_t kh_pipeline_rejudged(kh_pipeline *p)
{
	return atomic_load(&p->rejudged);
}

/* The judge's filters that depend only on the secret's bytes and its rule (entropy,
 * placeholders), applied once here: a raw match they drop is dropped wherever the blob
 * sits, so it is not kept, and a blob left with none needs no bytes to be judged again.
 * (Generic rules hit many blobs whose candidates all fail these.) */
static bool can_be_finding(const kh_ruleset *rs, const kh_match *x, const unsigned char *data)
{
	const kh_rule *r = &rs->rules[x->rule];
	const unsigned char *secret = x->decoded_secret ? (const unsigned char *)x->decoded_secret
							: data + x->sec_start;
	size_t n = x->decoded_secret ? x->decoded_secret_len : x->sec_end - x->sec_start;

	/* a template path could only drop more: the judge decides that per place */
	return kh_value_confidence(r, (const char *)secret, n, NULL) >= 0;
}

/* The kind of what matching left, and the raw matches worth keeping (*raw). */
static int keep_matches(const kh_ruleset *rs, const kh_matches *m, const unsigned char *data,
			kh_raw **raw, uint32_t *n_raw)
{
	bool decoded = false, anywhere = false, any = false;

	if (m->truncated || m->match_limit_errors)
		return KH_BK_RESCAN;
	if (!m->n)
		return KH_BK_CLEAN;
	for (size_t i = 0; i < m->n; i++) {
		const kh_match *x = &m->v[i];
		if (!can_be_finding(rs, x, data))
			continue;
		any = true;
		anywhere |= rs->rules[x->rule].n_paths == 0;
	}
	if (!any)
		return KH_BK_CLEAN;
	/* a blob with a possible finding keeps every match, those the filters drop too:
	 * they are masked wherever a line of it is printed */
	*raw = kh_calloc(m->n, sizeof(kh_raw));
	for (size_t i = 0; i < m->n; i++) {
		const kh_match *x = &m->v[i];
		/* a decoded secret is not in the blob's bytes: its row keeps only the rule and
		 * the encoded run, and the blob is scanned again where it applies */
		decoded |= x->decoded != NULL;
		(*raw)[(*n_raw)++] = (kh_raw){ x->rule, x->start, x->end,
					       x->decoded ? x->start : x->sec_start,
					       x->decoded ? x->end : x->sec_end };
	}
	if (!*n_raw)
		return KH_BK_CLEAN;
	return decoded ? (anywhere ? KH_BK_RESCAN : KH_BK_RESCAN_PATHS)
		       : (anywhere ? KH_BK_MATCHES : KH_BK_MATCHES_PATHS);
}

/* The per-blob rule (kh_pipeline_scan_blob), keeping what judging it elsewhere needs.
 * Returns the blob's kind; raw matches go to *raw. */
static int scan_keep(kh_pipeline *p, kh_pipeline_ctx *c, const kh_blob *b, kh_raw **raw,
		     uint32_t *n_raw)
{
	const kh_judge_cfg *e = p->e;
	kh_matches m = { 0 };
	int kind;

	*raw = NULL;
	*n_raw = 0;
	if (kh_pl_check_size(p, b->len) != KH_SKIP_NONE) {
		kh_pipeline_skipped(p, b, KH_SKIP_FILE_SIZE);
		return KH_BK_LARGE;
	}
	if (kh_archive_detect(b->data, b->len)) {
		kh_pipeline_scan_blob(p, c, b); /* entries are blobs of their own */
		return KH_BK_RESCAN;
	}
	kh_report_add_bytes(p->report, b->len, 1);
	if (kh_looks_binary(b->data, b->len)) {
		kh_pipeline_skipped(p, b, KH_SKIP_BINARY);
		return KH_BK_BINARY;
	}
	if (kh_match_blob(e->rules, c->scratch, b->data, b->len, &e->opts->limits, &m) < 0) {
		kh_report_error(p->report, b->n_occ && b->occ[0].path ? b->occ[0].path : "(blob)",
				"%s", keyhound_last_error());
		kind = KH_BK_RESCAN;
	} else if (m.n && kh_rules_own_file(b->data, b->len)) {
		kh_matches_free(&m);
		kh_pipeline_skipped(p, b, KH_SKIP_RULE_PACK);
		return KH_BK_CLEAN;
	} else {
		kind = keep_matches(e->rules, &m, b->data, raw, n_raw);
	}
	kh_pipeline_judge_all(p, b, &m);
	kh_matches_free(&m);
	if (kind == KH_BK_CLEAN || kind == KH_BK_RESCAN) {
		free(*raw);
		*raw = NULL;
		*n_raw = 0;
	}
	return kind;
}

void kh_pl_scan_new(kh_pipeline *p, kh_pipeline_ctx *c, const uint8_t id[20],
			  const kh_blob *b)
{
	kh_raw *raw;
	uint32_t n;
	int kind;

	if (!p->memo) {
		kh_pipeline_scan_blob(p, c, b);
		return;
	}
	kind = scan_keep(p, c, b, &raw, &n);
	p->memo->store(p->memo->payload, id, kind, raw, n);
	free(raw);
}

void kh_pl_skipped_new(kh_pipeline *p, const uint8_t id[20], const kh_blob *b,
			     kh_skip reason)
{
	kh_pipeline_skipped(p, b, reason);
	if (p->memo)
		p->memo->store(p->memo->payload, id,
			       reason == KH_SKIP_BINARY ? KH_BK_BINARY : KH_BK_LARGE, NULL, 0);
}

/* Does a rule of the kept matches apply at one of the blob's places here? */
static bool applies_here(const kh_ruleset *rs, const kh_memo_entry *k, const kh_blob *b)
{
	for (uint32_t i = 0; i < k->n; i++) {
		if (k->m[i].rule >= rs->n_rules)
			return true;
		for (size_t o = 0; o < b->n_occ; o++)
			if (kh_rule_path_matches(&rs->rules[k->m[i].rule], kh_origin_where(&b->occ[o])))
				return true;
	}
	return false;
}

static bool needs_bytes(int kind)
{
	return kind == KH_BK_MATCHES || kind == KH_BK_MATCHES_PATHS || kind == KH_BK_RESCAN ||
	       kind == KH_BK_RESCAN_PATHS;
}

/* Judge a blob matched before with what was kept, at its places here. */
static void judge_kept(kh_pipeline *p, kh_pipeline_ctx *c, const kh_memo_entry *k,
		       const uint8_t id[20], kh_blob *b, const kh_blob_reader *rd)
{
	const kh_ruleset *rs = p->e->rules;
	void *handle = NULL;
	kh_matches m = { 0 };

	/* not read, but it must be there: a damaged fork is reported as such */
	if (!b->data && !needs_bytes(k->kind) && rd && !rd->exists(rd->payload, id, b))
		return;
	switch (k->kind) {
	case KH_BK_CLEAN:
		kh_pipeline_judge_all(p, b, NULL); /* path rules need no bytes */
		return;
	case KH_BK_BINARY:
	case KH_BK_LARGE:
		/* counted again, so each repository's summary says what was not read */
		kh_pipeline_skipped(p, b, k->kind == KH_BK_BINARY ? KH_SKIP_BINARY : KH_SKIP_FILE_SIZE);
		return;
	default:
		break;
	}
	if (!b->data) {
		const unsigned char *d;
		if (!rd || rd->read(rd->payload, id, b, &d, &b->len, &handle) < 0)
			return;
		b->data = (unsigned char *)d;
	}
	atomic_fetch_add(&p->rejudged, 1);
	if (k->kind == KH_BK_MATCHES || k->kind == KH_BK_MATCHES_PATHS) {
		m.v = kh_calloc(k->n ? k->n : 1, sizeof(kh_match));
		for (uint32_t i = 0; i < k->n; i++) {
			const kh_raw *r = &k->m[i];
			if (r->end > b->len || r->sec_end > b->len || r->rule >= rs->n_rules)
				continue; /* cannot happen for the same bytes and rules */
			m.v[m.n++] = (kh_match){ .rule = r->rule, .start = r->start, .end = r->end,
						 .sec_start = r->sec_start, .sec_end = r->sec_end };
		}
		kh_pipeline_judge_all(p, b, &m);
		free(m.v);
	} else {
		kh_raw *r2;
		uint32_t n2;
		scan_keep(p, c, b, &r2, &n2); /* an archive, decoded matches: scanned again */
		free(r2);
	}
	if (handle) {
		b->data = NULL;
		b->len = 0;
		rd->release(rd->payload, handle);
	}
}

void kh_pl_scan_known(kh_pipeline *p, kh_pipeline_ctx *c, const uint8_t id[20],
			    kh_blob *b, const kh_blob_reader *rd)
{
	kh_memo_entry k = { 0 };
	void *handle = NULL;

	if (!p->memo) {
		kh_pipeline_scan_blob(p, c, b);
		return;
	}
	/* bytes given (a pack walk thread): the blob was known before the walk, no wait */
	if (p->memo->lookup(p->memo->payload, id, !b->data, &k)) {
		if ((k.kind == KH_BK_MATCHES_PATHS || k.kind == KH_BK_RESCAN_PATHS) &&
		    !applies_here(p->e->rules, &k, b))
			k.kind = KH_BK_CLEAN; /* none of its rules' paths is a place it has here */
		judge_kept(p, c, &k, id, b, rd);
		free(k.m);
		return;
	}
	/* its matcher could not read it: this caller reads and matches it */
	if (!b->data) {
		const unsigned char *d;
		if (!rd || rd->read(rd->payload, id, b, &d, &b->len, &handle) < 0) {
			p->memo->forget(p->memo->payload, id);
			return;
		}
		b->data = (unsigned char *)d;
	}
	kh_pl_scan_new(p, c, id, b);
	if (handle) {
		b->data = NULL;
		b->len = 0;
		rd->release(rd->payload, handle);
	}
}
