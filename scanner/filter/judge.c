/* SPDX-License-Identifier: Apache-2.0 */
/* Judge a blob's raw matches at one place it occurs: rule paths and path-only
 * rules, entropy, placeholders, confidence, inline allows, allowlists, the
 * baseline and the lines a change adds. Survivors become findings. */
#include <ctype.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include "core/blob.h"
#include "core/config.h"
#include "core/kh.h"
#include "core/report.h"
#include "rules/verify_spec.h"
#include "filter/baseline.h"
#include "filter/filter.h"
#include "filter/judge.h"
#include "rules/ruleset.h"

/* Rule paths float: a glob naming a folder also matches it deeper in the tree. */
bool kh_rule_path_matches(const kh_rule *r, const char *path)
{
	if (!r->n_paths)
		return true;
	if (!path)
		return false;
	for (size_t i = 0; i < r->n_paths; i++) {
		const char *g = r->paths[i];
		if (kh_glob_match(g, path))
			return true;
		if (strchr(g, '/') && g[0] != '/' && g[0] != '*')
			for (const char *p = path; *p; p++)
				if ((*p == '/' || *p == '!') && kh_glob_match(g, p + 1))
					return true;
	}
	return false;
}

typedef struct {
	const unsigned char *data;
	size_t len, pos, line_start;
	unsigned long line, first_line;
} line_cursor;

/* Advance to byte offset `off` (monotonic), tracking line and line start. */
static void cursor_seek(line_cursor *c, size_t off)
{
	if (off < c->pos) {
		c->pos = 0;
		c->line = c->first_line;
		c->line_start = 0;
	}
	while (c->pos < off && c->pos < c->len) {
		const unsigned char *nl = memchr(c->data + c->pos, '\n', off - c->pos);
		if (!nl) {
			c->pos = off;
			break;
		}
		c->line++;
		c->pos = (size_t)(nl - c->data) + 1;
		c->line_start = c->pos;
	}
}

static bool line_has(const unsigned char *data, size_t len, size_t start, const char *marker)
{
	size_t end = start, m = strlen(marker);
	while (end < len && data[end] != '\n')
		end++;
	for (size_t i = start; i + m <= end; i++)
		if (data[i] == marker[0] && !memcmp(data + i, marker, m))
			return true;
	return false;
}

static bool inline_allowed(const unsigned char *data, size_t len, size_t line_start,
			   size_t end_line_start)
{
	static const char *markers[] = {"keyhound:allow", "gitleaks:allow", "pragma: allowlist secret"};
	for (size_t i = 0; i < 3; i++)
		if (line_has(data, len, line_start, markers[i]) ||
		    line_has(data, len, end_line_start, markers[i]))
			return true;
	if (line_start > 0) {
		size_t prev = line_start - 1;
		while (prev > 0 && data[prev - 1] != '\n')
			prev--;
		if (line_has(data, len, prev, "pragma: allowlist nextline secret"))
			return true;
	}
	return false;
}

static bool touches_added(const kh_origin *o, unsigned long first, unsigned long last)
{
	if (!o->added && !o->n_added)
		return true;
	for (size_t i = 0; i < o->n_added; i++)
		if (o->added[i].first <= last && first <= o->added[i].last)
			return true;
	return false;
}

static int cmp_strp(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static bool in_baseline(const kh_policy *pol, const char *fp)
{
	return pol->n_baseline &&
	       bsearch(&fp, pol->baseline, pol->n_baseline, sizeof(char *), cmp_strp) != NULL;
}

/* fingerprint = hash of (rule_id, path, secret): stable when lines move */
void kh_fingerprint(const char *rule_id, const char *path, const char *secret, size_t n,
		    char out[33])
{
	kh_sha256_ctx c;
	uint8_t h[32];
	kh_sha256_init(&c);
	kh_sha256_update(&c, rule_id, strlen(rule_id) + 1);
	kh_sha256_update(&c, path ? path : "", path ? strlen(path) + 1 : 1);
	kh_sha256_update(&c, secret, n);
	kh_sha256_final(&c, h);
	kh_hex(h, 16, out);
}

#define MAX_MATCH_SHOWN 200

/* The finding's match as printed: every secret in it masked (not only its own), at
 * most MAX_MATCH_SHOWN bytes either side of the secret's span [s0, s1). */
static char *match_text(const kh_blob *b, const kh_masks *mk, size_t start, size_t end, size_t s0,
			size_t s1, int show)
{
	kh_buf out = {0};
	size_t from = s0 - start > MAX_MATCH_SHOWN ? s0 - MAX_MATCH_SHOWN : start;
	size_t to = end - s1 > MAX_MATCH_SHOWN ? s1 + MAX_MATCH_SHOWN : end;
	if (show)
		kh_buf_put(&out, b->data + start, end - start);
	else
		kh_masks_put(&out, mk, b->data, from, to);
	return kh_buf_detach(&out);
}

/* A decoded match is not in the blob's bytes: every secret decoded from the blob is
 * masked in it by value. */
static char *decoded_match_text(const kh_matches *m, const kh_match *mt, int show)
{
	if (show)
		return kh_strdup(mt->decoded_match);
	const char **values = kh_calloc(m->n, sizeof(char *));
	size_t *lens = kh_calloc(m->n, sizeof(size_t)), k = 0;
	for (size_t i = 0; i < m->n; i++)
		if (m->v[i].decoded_secret) {
			values[k] = m->v[i].decoded_secret;
			lens[k++] = m->v[i].decoded_secret_len;
		}
	char *text = kh_mask_values(mt->decoded_match, values, lens, k);
	free(values);
	free(lens);
	return text;
}

static void fill_origin(keyhound_finding *f, const kh_origin *o)
{
	f->source = o->source;
	f->path = kh_strdup(o->path);
	f->root_path = kh_strdup(kh_origin_where(o));
	f->occurrences = o->source == KEYHOUND_SOURCE_GIT ? 1 : 0;
	f->commit = kh_strdup(o->commit);
	f->author = kh_strdup(o->author);
	f->email = kh_strdup(o->email);
	f->date = kh_strdup(o->date);
	f->message = kh_strdup(o->message);
	f->repository = kh_strdup(o->repository);
	f->in_head = o->in_head;
	f->commit_message = o->commit_message;
	f->more_paths = o->more_paths;
	f->image = kh_strdup(o->image);
	f->platform = kh_strdup(o->platform);
	f->layer = kh_strdup(o->layer);
	f->created_by = kh_strdup(o->created_by);
	f->deleted_in_layer = kh_strdup(o->deleted_in_layer);
	f->config_field = kh_strdup(o->config_field);
	f->layer_index = o->layer_index;
}

typedef struct {
	const kh_judge_cfg *e;
	const kh_policy *pol;
	const kh_blob *blob;
	size_t occ_index;
	const kh_origin *o;
	keyhound_report *report;
	const kh_matches *m;            /* the blob's raw matches (--verify pairs parts from them) */
} judge_ctx;

#define CONTEXT_AROUND 120

/* The finding's line for people to read: at most CONTEXT_AROUND bytes either side
 * of the secret's span [s0, s1), every secret on it masked unless secrets are shown.
 * When the blob had more matches than were kept (`partial`), the line around the
 * secret may hold secrets no one masked: only the secret itself is shown. */
static char *line_context(const kh_blob *b, const kh_masks *mk, size_t ls, size_t s0, size_t s1,
			  int show, bool partial)
{
	const unsigned char *d = b->data;
	size_t eol = s0, from = ls, to;
	kh_buf out = {0};
	if (!d || s0 > b->len || ls > s0)
		return NULL;
	while (eol < b->len && d[eol] != '\n' && d[eol] != '\r')
		eol++;
	if (s1 > eol)
		s1 = eol;
	if (partial && !show) {
		from = s0;
		to = s1 > s0 ? s1 : s0;
	} else {
		from = s0 - ls > CONTEXT_AROUND ? s0 - CONTEXT_AROUND : ls;
		to = eol - s1 > CONTEXT_AROUND ? s1 + CONTEXT_AROUND : eol;
	}
	if (from > ls)
		kh_buf_puts(&out, "...");
	else
		while (from < s0 && (d[from] == ' ' || d[from] == '\t'))
			from++; /* the indentation says nothing */
	if (show)
		kh_buf_put(&out, d + from, to - from);
	else
		kh_masks_put(&out, mk, d, from, to);
	if (to < eol)
		kh_buf_puts(&out, "...");
	for (size_t i = 0; i < out.len; i++)
		if (out.buf[i] == '\0')
			out.buf[i] = ' ';
	return kh_buf_detach(&out);
}

/* A baseline (ours or a migrated one) holds this finding. */
static bool baselined(judge_ctx *j, const kh_rule *r, const char *fp, unsigned long line,
		      const char *secret, size_t sn)
{
	const kh_judge_cfg *e = j->e;
	keyhound_report *rep = j->report;
	bool hit = in_baseline(j->pol, fp);
	pthread_mutex_lock(&rep->lock);
	if (!hit && j->pol->migration)
		hit = kh_migration_match(j->pol->migration, e->rules, r->id, kh_origin_where(j->o), j->o->commit, line,
					 secret, sn, rep->triage ? rep->triage->hits : NULL);
	if (hit) {
		rep->baseline_suppressed++;
		/* so --write-baseline keeps what is still there */
		kh_triage_note_baselined(rep, fp);
	}
	pthread_mutex_unlock(&rep->lock);
	return hit;
}

/* A raw match's secret: in the blob, or decoded beside it. */
static const char *match_secret(const kh_blob *b, const kh_match *x, size_t *n)
{
	*n = x->decoded_secret ? x->decoded_secret_len : x->sec_end - x->sec_start;
	return x->decoded_secret ? x->decoded_secret : (const char *)b->data + x->sec_start;
}

/* --verify: the finding's raw secret, and for each `with:` part of its rule the nearest
 * KH_VERIFY_CANDIDATES matches of that part's rule in the same blob (never another blob);
 * for each `near:` part the nearest values of its pattern there. */
static kh_verify_input *verify_input(judge_ctx *j, unsigned ri, const char *secret, size_t sn,
				     size_t offset)
{
	const struct kh_verify_spec *sp = j->e->verify_specs[ri];
	const unsigned *with = j->e->verify_with[ri];
	kh_verify_input *v = kh_calloc(1, sizeof(*v));
	v->rule = ri;
	v->secret = kh_strndup(secret, sn);
	v->sn = sn;
	v->n_parts = kh_verify_spec_parts(sp);
	v->parts = kh_calloc(v->n_parts + 1, sizeof(*v->parts));
	for (size_t k = 0; k < v->n_parts; k++) {
		size_t best[KH_VERIFY_CANDIDATES], dist[KH_VERIFY_CANDIDATES], n = 0;
		if (k >= sp->n_with) {
			/* a near: value (a client_email, an account or shop name) in the blob's bytes */
			kh_verify_near_find(sp, k - sp->n_with, j->blob->data, j->blob->len, offset, v->parts[k],
					    KH_VERIFY_CANDIDATES);
			continue;
		}
		for (size_t i = 0; j->m && with[k] != UINT_MAX && i < j->m->n; i++) {
			const kh_match *x = &j->m->v[i];
			size_t xn, d = x->sec_start > offset ? x->sec_start - offset : offset - x->sec_start;
			const char *xs;
			if (x->rule != with[k])
				continue;
			xs = match_secret(j->blob, x, &xn);
			if (xn == sn && !memcmp(xs, secret, sn))
				continue;
			/* insertion into the nearest few */
			size_t at = n;
			while (at > 0 && dist[at - 1] > d)
				at--;
			if (at >= KH_VERIFY_CANDIDATES)
				continue;
			for (size_t q = (n < KH_VERIFY_CANDIDATES ? n : KH_VERIFY_CANDIDATES - 1); q > at; q--)
				best[q] = best[q - 1], dist[q] = dist[q - 1];
			best[at] = i;
			dist[at] = d;
			if (n < KH_VERIFY_CANDIDATES)
				n++;
		}
		for (size_t q = 0; q < n; q++) {
			size_t xn;
			const char *xs = match_secret(j->blob, &j->m->v[best[q]], &xn);
			v->parts[k][q] = kh_strndup(xs, xn);
		}
	}
	return v;
}

/* The common tail: allowlists, baseline, then the finding itself. match and context
 * are as printed (masked unless secrets are shown); emit owns them. */
static void emit(judge_ctx *j, const kh_rule *r, keyhound_confidence conf, const char *secret,
		 size_t sn, char *match, size_t offset, unsigned long line, unsigned long col,
		 unsigned long eline, unsigned long ecol, const char *decoded, char *context)
{
	const kh_judge_cfg *e = j->e;
	char fp[33];
	kh_finding_rec rec;
	keyhound_finding *f = &rec.f;
	const char *path = kh_origin_where(j->o);

	if (r->severity < e->opts->min_severity) {
		pthread_mutex_lock(&j->report->lock);
		j->report->severity_suppressed++;
		pthread_mutex_unlock(&j->report->lock);
		free(match);
		free(context);
		return;
	}
	if (j->pol->config && kh_config_allows(j->pol->config, r->id, path, secret, sn)) {
		pthread_mutex_lock(&j->report->lock);
		j->report->allow_suppressed++;
		pthread_mutex_unlock(&j->report->lock);
		free(match);
		free(context);
		return;
	}
	kh_fingerprint(r->id, path, secret, sn, fp);
	if (baselined(j, r, fp, line, secret, sn)) {
		free(match);
		free(context);
		return;
	}
	memset(&rec, 0, sizeof(rec));
	rec.context = context;
	rec.seq = j->blob->seq;
	rec.occ = j->occ_index;
	rec.commit_rank = j->o->commit_rank;
	rec.offset = j->blob->first_offset + offset;
	f->rule_id = kh_strdup(r->id);
	f->rule_name = kh_strdup(r->name);
	f->severity = r->severity;
	f->confidence = conf;
	f->secret = e->opts->show_secrets ? kh_strndup(secret, sn) : kh_redact(secret, sn);
	f->match = match;
	f->entropy = kh_entropy((const unsigned char *)secret, sn);
	f->fingerprint = kh_strdup(fp);
	fill_origin(f, j->o);
	f->line = line;
	f->column = col;
	f->end_line = eline;
	f->end_column = ecol;
	f->decoded = decoded;
	unsigned ri = (unsigned)(r - e->rules->rules);
	if (e->verify_specs && e->verify_specs[ri] && sn)
		rec.vin = verify_input(j, ri, secret, sn, offset);
	kh_report_add(j->report, &rec);
}

static void judge_path_rules(judge_ctx *j)
{
	const kh_ruleset *rs = j->e->rules;
	const char *path = kh_origin_where(j->o), *shown = j->o->path;
	if (!path)
		return;
	for (size_t i = 0; i < rs->n_rules; i++) {
		const kh_rule *r = &rs->rules[i];
		if (r->pattern || r->confidence < j->e->opts->min_confidence)
			continue;
		if (!kh_rule_path_matches(r, path) || kh_published_path(r, path))
			continue;
		/* a change that does not touch the file's lines does not add it */
		if (j->o->n_added == 0 && j->o->added)
			continue;
		emit(j, r, r->confidence, "", 0,
		     j->e->opts->show_secrets ? kh_strdup(shown) : kh_redact(shown, strlen(shown)), 0, 1, 1, 1, 1,
		     NULL,
		     kh_strdup("(the whole file: its name marks it as holding credentials)"));
	}
}

/* Files that show the shape of a configuration rather than hold one. */
static bool is_template_path(const char *path)
{
	static const char *const ext[] = {".example", ".sample", ".template", ".dist", ".tmpl", ".tpl"};
	const char *base = path ? strrchr(path, '/') : NULL;
	base = base ? base + 1 : path;
	if (!base)
		return false;
	for (size_t i = 0; i < sizeof(ext) / sizeof(*ext); i++) {
		const char *at = strstr(base, ext[i]);
		size_t m = strlen(ext[i]);
		/* "x.example" or "x.example.yml" */
		for (; at; at = strstr(at + 1, ext[i]))
			if (at[m] == '\0' || at[m] == '.')
				return true;
	}
	return false;
}

/* A hash's salt: the field before the digest ($id$[params$]salt$digest), or
 * bcrypt's first 22 characters after the cost. Published test vectors (crypt(3)'s
 * "saltstring") salt with words; real salts are random. */
static bool hash_has_word_salt(const char *s, size_t n)
{
	const char *f[8];
	size_t len[8], k = 0, i = 0;
	while (i < n && k < 8) {
		size_t j = i;
		while (j < n && s[j] != '$')
			j++;
		size_t a = i;
		while (a < j && s[a] >= 'a' && s[a] <= 'z')
			a++;
		/* skip parameters ("rounds=5000", "m=65536,t=3") and numbers (cost, iterations) */
		bool param = a > i && a < j && s[a] == '=';
		bool number = j > i && strspn(s + i, "0123456789") == j - i;
		if (j > i && !param && !number) {
			f[k] = s + i;
			len[k++] = j - i;
		}
		i = j + 1;
	}
	if (k < 2)
		return false;
	const char *salt = f[k - 2];
	size_t sl = len[k - 2];
	if (k >= 2 && len[k - 1] == 53 && sl == 2) { /* bcrypt: $2b$12$<salt 22><digest 31> */
		salt = f[k - 1];
		sl = 22;
	}
	return sl >= 4 && kh_unnaturalness((const unsigned char *)salt, sl) < KH_GENERIC_MIN_UNNATURALNESS;
}

/* The words on a hash's line say whether it is a password's: "password_hash",
 * "passwd:", a user table. Without them the finding is only low confidence. */
static bool line_names_password(const unsigned char *d, size_t len, size_t ls)
{
	static const char *const words[] = {"pass", "pwd", "hash", "shadow", "user", "login", "auth", "cred"};
	size_t e = ls;
	while (e < len && d[e] != '\n')
		e++;
	for (size_t i = ls; i < e; i++)
		for (size_t w = 0; w < sizeof(words) / sizeof(*words); w++) {
			size_t m = strlen(words[w]);
			if (i + m <= e && !strncasecmp((const char *)d + i, words[w], m))
				return true;
		}
	return false;
}

/* A folder or file of documentation examples (examples/, docs/, botocore's
 * examples-1.json): API samples there are written to look real. */
static bool in_examples_folder(const char *path)
{
	static const char *const dirs[] = {"examples", "example", "samples", "sample", "docs", "doc"};
	const char *base = path ? strrchr(path, '/') : NULL;
	base = base ? base + 1 : path;
	if (base && (!strncasecmp(base, "examples", 8) || !strncasecmp(base, "samples", 7)))
		return true;
	for (const char *p = path; p && *p; p = strchr(p, '/')) {
		if (*p == '/')
			p++;
		for (size_t i = 0; i < sizeof(dirs) / sizeof(*dirs); i++) {
			size_t m = strlen(dirs[i]);
			if (!strncmp(p, dirs[i], m) && p[m] == '/')
				return true;
		}
	}
	return false;
}

/* The name a keyword-only match assigns to: the identifier that ends where the
 * match starts (a rule's pattern starts at its keyword: "KEY" of "MODERATION_API_KEY")
 * and the match up to the secret. Does it say credential ("api", "secret",
 * "token", "auth", "pass"...) rather than only "key"? */
static bool name_says_credential(const unsigned char *d, size_t start, size_t sec_start)
{
	static const char *const words[] = {"api", "secret", "token", "access", "auth", "pass",
					    "pwd", "private", "credential", "bearer", "apikey"};
	size_t a = start;
	while (a > 0 && start - a < 64 && (isalnum(d[a - 1]) || strchr("_.-:", d[a - 1])))
		a--;
	/* "AWS::ApiGateway::ApiKey": a type's name, not a variable's */
	if (memmem(d + a, start - a, "::", 2))
		return false;
	/* .NET's publicKeyToken="6595b64144ccf1df": a hash of a public key */
	for (size_t i = a; i + 6 <= sec_start; i++)
		if (!strncasecmp((const char *)d + i, "public", 6))
			return false;
	while (a < start && d[a] == ':')
		a++;
	for (size_t i = a; i < sec_start; i++)
		for (size_t w = 0; w < sizeof(words) / sizeof(*words); w++) {
			size_t m = strlen(words[w]);
			if (i + m <= sec_start && !strncasecmp((const char *)d + i, words[w], m))
				return true;
		}
	return false;
}

/* Keys that are public by design, which a keyword-only rule would take for a
 * secret: Mapbox public tokens, PostHog project keys, Stripe publishable keys. */
/* "gss_krb5_rfc1964_keydata", "_X_AMZN_TRACE_ID": an identifier of three or more
 * parts in one case (leading underscores aside). */
static bool is_snake_identifier(const char *s, size_t n)
{
	size_t parts = 1, run = 0, i = 0, lower = 0, upper = 0, digits = 0;
	while (i < n && s[i] == '_')
		i++;
	for (; i <= n; i++) {
		if (i == n || s[i] == '_') {
			/* a long part full of digits is random ("sk_6410_492265_e6dc645a240a...") */
			if (!run || (run >= 16 && digits >= 4))
				return false;
			if (i == n)
				break;
			parts++;
			run = digits = 0;
		} else if ((s[i] >= 'a' && s[i] <= 'z') || (s[i] >= 'A' && s[i] <= 'Z') ||
			   (s[i] >= '0' && s[i] <= '9')) {
			lower += s[i] >= 'a' && s[i] <= 'z';
			upper += s[i] >= 'A' && s[i] <= 'Z';
			digits += s[i] >= '0' && s[i] <= '9';
			run++;
		} else {
			return false;
		}
	}
	return parts >= 3 && !(lower && upper);
}

static bool is_hex_short(const char *s, size_t n)
{
	size_t i = 0;
	while (i < n && ((s[i] >= '0' && s[i] <= '9') || (s[i] >= 'a' && s[i] <= 'f') ||
			 (s[i] >= 'A' && s[i] <= 'F')))
		i++;
	return i == n && n < 32;
}

/* "VS%0.f0COMNTOOLS", "key-%s-%d": a printf format, filled in at run time. */
static bool is_format_string(const char *s, size_t n)
{
	if (n > 24) /* a long random value (a Django key) may hold "%d" by chance */
		return false;
	for (size_t i = 0; i + 1 < n; i++) {
		size_t k = i + 1;
		if (s[i] != '%')
			continue;
		while (k < n && k - i <= 4 && strchr("-+0123456789.", s[k]))
			k++;
		if (k < n && strchr("sdfixu", s[k]) && (k + 1 == n || !islower((unsigned char)s[k + 1])))
			return true;
	}
	return false;
}

static bool is_ident_char(char c)
{
	return isalnum((unsigned char)c) || c == '_' || c == '$';
}

/* "os.fstat(fp.fileno())", "_M_sbuf->sbumpc();", "x86_64::Delta64FromGOT": code read
 * out of an assignment, a call or a member access, not a value. A call is a name (with
 * its dots, "::" and "->") then parentheses that close at the end; a member access joins
 * names by "->" or "::"; either way the names hold a run of three lower-case letters. */
static bool is_code_expression(const char *s, size_t n)
{
	size_t i = 0, letters = 0, joins = 0, lower = 0, word = 0;
	while (n && (s[n - 1] == ';' || s[n - 1] == ','))
		n--;
	while (n && s[0] == ':') /* "::name(…)" */
		s++, n--;
	if (!n || !(isalpha((unsigned char)s[0]) || s[0] == '_' || s[0] == '$'))
		return false;
	for (; i < n; i++) {
		if (is_ident_char(s[i])) {
			letters += isalpha((unsigned char)s[i]) != 0;
			lower = islower((unsigned char)s[i]) ? lower + 1 : 0;
			if (lower > word)
				word = lower;
		} else if (s[i] == '.' && i + 1 < n && is_ident_char(s[i + 1])) {
			lower = 0;
		} else if (i + 1 < n && ((s[i] == '-' && s[i + 1] == '>') || (s[i] == ':' && s[i + 1] == ':'))) {
			joins++;
			lower = 0;
			i++;
		} else {
			break;
		}
	}
	/* the names hold a word-like run ("get", "fstat"): "Wq7zR(k2Lp9xT)" is a password */
	if (letters < 2 || word < 3)
		return false;
	if (i == n)
		return joins > 0;
	return s[i] == '(' && s[n - 1] == ')';
}

/* "2016-01-25T21:43:38.612Z": an ISO 8601 date and time. */
static bool is_timestamp(const char *s, size_t n)
{
	static const char shape[] = "dddd-dd-ddTdd:dd";
	size_t k = 0;
	if (n < sizeof(shape) - 1 || n > 35)
		return false;
	for (; k < sizeof(shape) - 1; k++)
		if (shape[k] == 'd' ? !isdigit((unsigned char)s[k]) : shape[k] == 'T' ? (s[k] != 'T' && s[k] != ' ') : s[k] != shape[k])
			return false;
	for (; k < n; k++)
		if (!isdigit((unsigned char)s[k]) && !strchr(":.Z+-,", s[k]))
			return false;
	return true;
}

/* "CLSID\{adb880a6-d8ff-11cf-9377-00aa003b7a11}\InprocServer32": a registry path or
 * COM class id, braces around a GUID. */
static bool has_braced_guid(const char *s, size_t n)
{
	static const int groups[] = {8, 4, 4, 4, 12};
	for (size_t i = 0; i + 38 <= n; i++) {
		size_t k = i + 1;
		bool ok = s[i] == '{';
		for (int g = 0; g < 5 && ok; g++) {
			for (int d = 0; d < groups[g] && ok; d++, k++)
				ok = isxdigit((unsigned char)s[k]);
			if (ok)
				ok = s[k++] == (g < 4 ? '-' : '}');
		}
		if (ok)
			return true;
	}
	return false;
}

static bool is_public_key(const char *s, size_t n)
{
	static const char *const prefixes[] = {"pk.eyJ", "phc_", "pk_live_", "pk_test_"};
	for (size_t i = 0; i < sizeof(prefixes) / sizeof(*prefixes); i++) {
		size_t m = strlen(prefixes[i]);
		if (n > m && !memcmp(s, prefixes[i], m))
			return true;
	}
	return false;
}

/* A UUID: 8-4-4-4-12 hex digits. */
static bool is_uuid(const char *s, size_t n)
{
	if (n != 36)
		return false;
	for (size_t i = 0; i < n; i++)
		if ((i == 8 || i == 13 || i == 18 || i == 23) ? s[i] != '-' : !isxdigit((unsigned char)s[i]))
			return false;
	return true;
}

/* Only hex digits (and a UUID's dashes): the alphabet holds 4 bits a character,
 * so a random value's entropy sits under most rules' floors (a random 32-digit
 * value averages about 3.6). */
static bool is_hex_like(const char *s, size_t n)
{
	if (is_uuid(s, n))
		return true;
	for (size_t i = 0; i < n; i++)
		if (!isxdigit((unsigned char)s[i]))
			return false;
	return n > 0;
}

/* 32+ hex digits with letters and digits both, or a UUID: a key or digest, whose
 * six letters the word model cannot judge (shorter hex runs are mostly ids) */
static bool is_hex_token(const char *s, size_t n)
{
	if (is_uuid(s, n))
		return true;
	bool digit = false, letter = false;
	if (n < 32)
		return false;
	for (size_t i = 0; i < n; i++) {
		char c = s[i];
		if (c >= '0' && c <= '9')
			digit = true;
		else if ((c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'))
			letter = true;
		else
			return false;
	}
	return digit && letter;
}

/* A provider key with a hex body: up to three short letter prefixes ('sk_',
 * 'live_', 'ATTA') then 16+ hex digits, letters and digits both, '-' allowed
 * between groups. A provider keyword beside it says what it is; the word model
 * cannot judge hex letters, so it is not asked. */
static bool is_prefixed_hex_key(const char *s, size_t n)
{
	size_t i = 0, hex = 0;
	bool digit = false, letter = false;
	for (int seg = 0; seg < 3; seg++) {
		size_t j = i;
		bool nonhex = false;
		while (j < n && j - i < 12 && ((s[j] >= 'a' && s[j] <= 'z') || (s[j] >= 'A' && s[j] <= 'Z'))) {
			if (!((s[j] >= 'a' && s[j] <= 'f') || (s[j] >= 'A' && s[j] <= 'F')))
				nonhex = true;
			j++;
		}
		if (j > i && j < n && (s[j] == '_' || s[j] == '-' || s[j] == '.'))
			i = j + 1;
		else if (j > i && nonhex)
			i = j;
		else
			break;
	}
	for (; i < n; i++) {
		char c = s[i];
		if (c >= '0' && c <= '9')
			digit = true, hex++;
		else if ((c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'))
			letter = true, hex++;
		else if (c != '-' && c != '_')
			return false;
	}
	return hex >= 16 && digit && letter;
}

int kh_value_confidence(const kh_rule *r, const char *secret, size_t sn, const char *path)
{
	double floor = r->min_entropy;
	/* hex holds 4 bits a character: a random value of 16-23 digits averages about
	 * 3.3 bits, of 24 or more about 3.6; patterned ones are placeholders */
	if (sn >= 16 && (is_hex_like(secret, sn) || is_prefixed_hex_key(secret, sn)) &&
	    floor > (sn >= 24 ? 3.0 : 2.7))
		floor = sn >= 24 ? 3.0 : 2.7;
	bool low_entropy = floor > 0 && kh_entropy((const unsigned char *)secret, sn) < floor;
	bool placeholder = kh_is_placeholder(secret, sn);
	if (!r->credential_file) {
		if (placeholder)
			return -1;
		/* a password slot holds the deployed password, however guessable */
		if (r->weak_values && (low_entropy || kh_is_weak(secret, sn) ||
				       kh_unnaturalness((const unsigned char *)secret, sn) < KH_GENERIC_MIN_UNNATURALNESS))
			return KEYHOUND_CONF_LOW;
		if (low_entropy)
			return -1;
		if (r->password_hash && hash_has_word_salt(secret, sn))
			return -1;
		/* a keyword-only rule (low confidence, or gated by keywords) has nothing but
		 * the value to go on: words and identifiers are not secrets however long */
		if ((r->confidence == KEYHOUND_CONF_LOW || r->n_keywords) && !is_hex_token(secret, sn) &&
		    !is_prefixed_hex_key(secret, sn) &&
		    kh_unnaturalness((const unsigned char *)secret, sn) < KH_GENERIC_MIN_UNNATURALNESS)
			return -1;
		/* shapes a generic assignment holds that are not secrets */
		if (r->confidence == KEYHOUND_CONF_LOW &&
		    (is_public_key(secret, sn) || is_snake_identifier(secret, sn) || is_format_string(secret, sn) ||
		     has_braced_guid(secret, sn) || is_code_expression(secret, sn) || is_timestamp(secret, sn)))
			return -1;
		return (int)r->confidence;
	}
	if (placeholder && (is_template_path(path) || !sn))
		return -1;
	if (low_entropy || placeholder || kh_is_weak(secret, sn))
		return KEYHOUND_CONF_LOW;
	return (int)r->confidence;
}

/* A match that survived the filters, waiting for the overlap check. */
typedef struct {
	const kh_match *m;
	const char *secret;
	size_t sn, s0, s1, ls;
	unsigned long line, col, eline, ecol;
	keyhound_confidence conf;       /* the finding's: lower than the rule's for a weak value */
	bool keep;
	bool allowed;                   /* an inline allow on its line: counted, not reported */
} candidate;

/* Is a a better report of the same secret than b? Provider rules beat generic
 * ones (confidence), then severity, then the narrower span, then rule order. */
static bool better(const kh_ruleset *rs, const candidate *a, const candidate *b)
{
	const kh_rule *ra = &rs->rules[a->m->rule], *rb = &rs->rules[b->m->rule];
	if (a->conf != b->conf)
		return a->conf > b->conf;
	if (ra->severity != rb->severity)
		return ra->severity > rb->severity;
	if (a->s1 - a->s0 != b->s1 - b->s0)
		return a->s1 - a->s0 < b->s1 - b->s0;
	return a->m->rule < b->m->rule;
}

static int by_span(const void *pa, const void *pb)
{
	const candidate *a = pa, *b = pb;
	if (a->s0 != b->s0)
		return a->s0 < b->s0 ? -1 : 1;
	return a->s1 < b->s1 ? -1 : a->s1 > b->s1;
}

/* One secret, one finding: where spans overlap, only the best rule reports. */
static void drop_overlaps(const kh_ruleset *rs, candidate *c, size_t n)
{
	if (n > 1)
		qsort(c, n, sizeof(*c), by_span);
	for (size_t i = 0; i < n; i++)
		for (size_t k = i + 1; k < n && c[k].s0 < c[i].s1; k++) {
			if (!c[i].keep || !c[k].keep)
				continue;
			if (better(rs, &c[i], &c[k]))
				c[k].keep = false;
			else
				c[i].keep = false;
		}
}

/* Every secret span any rule matched in the blob, before any filter: all are masked
 * wherever a line of the blob is printed. */
static void blob_masks(kh_masks *out, const kh_matches *m)
{
	kh_span *s = kh_calloc(m->n ? m->n : 1, sizeof(*s));
	for (size_t i = 0; i < m->n; i++) {
		const kh_match *x = &m->v[i];
		/* a decoded secret is somewhere in its encoded run */
		s[i] = x->decoded ? (kh_span){x->start, x->end} : (kh_span){x->sec_start, x->sec_end};
	}
	kh_masks_build(out, s, m->n);
	free(s);
}

/* The finding as printed: its match and its line, every secret in them masked; `hashes`
 * password hashes in the file are counted on the line of the one shown. */
static void emit_candidate(judge_ctx *j, const kh_matches *m, const kh_masks *mk, const candidate *c,
			   size_t hashes)
{
	const kh_blob *b = j->blob;
	const kh_match *mt = c->m;
	int show = j->e->opts->show_secrets;
	/* matches past a limit were not kept, so they could not be masked */
	bool partial = m->truncated || m->match_limit_errors;
	char *match, *ctx;

	if (partial && !show)
		match = kh_redact(c->secret, c->sn);
	else if (mt->decoded_match)
		match = decoded_match_text(m, mt, show);
	else
		match = match_text(b, mk, mt->start, mt->end, c->s0, c->s1, show);
	ctx = line_context(b, mk, c->ls, c->s0, c->s1, show, partial);
	if (hashes > 1) {
		char *more = kh_sprintf("%s  (%zu password hashes in this file; the first is shown)",
					ctx ? ctx : "", hashes);
		free(ctx);
		ctx = more;
	}
	emit(j, &j->e->rules->rules[mt->rule], c->conf, c->secret, c->sn, match, c->s0, c->line, c->col,
	     c->eline, c->ecol, mt->decoded, ctx);
}

/* Emit the survivors. Password hashes are one finding per file: the first, with
 * the count in its context when there are more. */
static void emit_all(judge_ctx *j, const kh_matches *m, candidate *c, size_t n)
{
	const kh_ruleset *rs = j->e->rules;
	size_t hashes = 0;
	bool hash_shown = false;
	kh_masks mk;

	if (!n)
		return;
	for (size_t i = 0; i < n; i++) {
		if (c[i].keep && c[i].allowed) {
			c[i].keep = false;
			pthread_mutex_lock(&j->report->lock);
			j->report->inline_suppressed++;
			pthread_mutex_unlock(&j->report->lock);
		}
		hashes += c[i].keep && rs->rules[c[i].m->rule].password_hash;
	}
	blob_masks(&mk, m);
	for (size_t i = 0; i < n; i++) {
		const kh_rule *r = &rs->rules[c[i].m->rule];
		if (!c[i].keep || (r->password_hash && hash_shown))
			continue;
		emit_candidate(j, m, &mk, &c[i], r->password_hash ? hashes : 0);
		hash_shown |= r->password_hash;
	}
	kh_masks_free(&mk);
}

void kh_judge(const kh_judge_cfg *e, const kh_policy *pol, const kh_blob *blob,
	      size_t occ_index, const kh_matches *m, keyhound_report *report)
{
	judge_ctx j = {e, pol ? pol : e->policy, blob, occ_index, &blob->occ[occ_index], report, m};
	unsigned long first_line = blob->first_line ? blob->first_line : 1;
	line_cursor cur = {blob->data, blob->data ? blob->len : 0, 0, 0, first_line, first_line};
	const kh_ruleset *rs = e->rules;
	candidate *c = NULL;
	size_t n = 0;

	if (!blob->later_piece)
		judge_path_rules(&j);
	if (m && m->n)
		c = kh_calloc(m->n, sizeof(candidate));
	for (size_t i = 0; m && i < m->n; i++) {
		const kh_match *mt = &m->v[i];
		const kh_rule *r = &rs->rules[mt->rule];
		candidate x = {.m = mt, .keep = true};
		size_t ls, els;

		x.secret = mt->decoded_secret ? mt->decoded_secret : (const char *)blob->data + mt->sec_start;
		x.sn = mt->decoded_secret ? mt->decoded_secret_len : mt->sec_end - mt->sec_start;
		int conf;
		if (r->confidence < e->opts->min_confidence)
			continue;
		if (!kh_rule_path_matches(r, kh_origin_where(j.o)))
			continue;
		conf = kh_value_confidence(r, x.secret, x.sn, kh_origin_where(j.o));
		if (conf < 0 || conf < (int)e->opts->min_confidence)
			continue;
		/* a keyword-only match has nothing but its place to go on */
		if (r->confidence == KEYHOUND_CONF_LOW && !r->credential_file &&
		    in_examples_folder(kh_origin_where(j.o)))
			continue;
		if (kh_published(r, kh_origin_where(j.o), blob->data, blob->len, mt, x.secret, x.sn))
			continue;
		/* short hex runs and UUIDs are mostly ids (a request id, a commit, a colour):
		 * under a keyword-only rule, only a name that says credential makes them one */
		if (r->confidence == KEYHOUND_CONF_LOW && !r->credential_file &&
		    (is_hex_short(x.secret, x.sn) || is_uuid(x.secret, x.sn) ||
		     (is_prefixed_hex_key(x.secret, x.sn) && !is_hex_like(x.secret, x.sn))) &&
		    (mt->decoded || !name_says_credential(blob->data, mt->start, mt->sec_start)))
			continue;
		x.conf = (keyhound_confidence)conf;
		/* the secret's span, 1-based; the end column is inclusive */
		x.s0 = mt->decoded ? mt->start : mt->sec_start;
		x.s1 = mt->decoded ? mt->end : mt->sec_end;
		cursor_seek(&cur, x.s0);
		x.line = cur.line;
		ls = cur.line_start;
		x.col = (unsigned long)(x.s0 - ls) + 1;
		cursor_seek(&cur, x.s1 > x.s0 ? x.s1 - 1 : x.s0);
		x.eline = cur.line;
		els = cur.line_start;
		x.ecol = (unsigned long)((x.s1 > x.s0 ? x.s1 - 1 : x.s0) - els) + 1;
		if (!touches_added(j.o, x.line, x.eline))
			continue;
		/* kept through the overlap check, so one secret is counted once */
		x.allowed = inline_allowed(blob->data, blob->len, ls, els);
		x.ls = ls;
		if (r->password_hash && x.conf > KEYHOUND_CONF_LOW &&
		    !line_names_password(blob->data, blob->len, ls))
			x.conf = KEYHOUND_CONF_LOW;
		if (x.conf < e->opts->min_confidence)
			continue;
		c[n++] = x;
	}
	if (!e->keep_overlaps)
		drop_overlaps(rs, c, n);
	emit_all(&j, m, c, n);
	free(c);
	if (m && m->truncated && occ_index == 0)
		kh_report_skip(report, KH_SKIP_FINDINGS_PER_BLOB);
	if (m && m->transcode_skipped && occ_index == 0)
		kh_report_skip(report, KH_SKIP_TRANSCODE);
	if (m && m->match_limit_errors && occ_index == 0)
		kh_report_error(report, j.o->path ? j.o->path : "(blob)",
				"%llu regex match-limit errors: some matches may be missed",
				(unsigned long long)m->match_limit_errors);
}
