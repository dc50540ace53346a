/* SPDX-License-Identifier: Apache-2.0 */
/* Baselines. keyhound's own holds sorted fingerprints (rule, path, secret hash):
 * no line numbers, so it holds when code moves. The baselines of other tools are
 * matched as well as their contents allow: detect-secrets by path and the secret's
 * SHA-1, gitleaks by path, line, commit and the provider part of its rule id. */
#include <ctype.h>
#include <errno.h>
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/report.h"
#include "filter/baseline.h"
#include "filter/judge.h"
#include "rules/ruleset.h"

static int cmp_strp(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

int kh_baseline_load(kh_policy *pol, const char *path)
{
	json_error_t jerr;
	json_t *root = json_load_file(path, JSON_REJECT_DUPLICATES, &jerr), *fps;
	size_t i, n;
	json_t *v;
	int error = 0;
	if (!root)
		return kh_error(KEYHOUND_EINVAL, "%s:%d: baseline is not valid JSON: %s", path, jerr.line,
				jerr.text);
	fps = json_object_get(root, "fingerprints");
	if (!json_is_object(root) || !json_is_array(fps)) {
		error = kh_error(KEYHOUND_EINVAL, "%s: not a keyhound baseline (no \"fingerprints\" list; "
						  "write one with --write-baseline)", path);
		goto done;
	}
	n = pol->n_baseline;
	pol->baseline = kh_realloc(pol->baseline, (n + json_array_size(fps) + 1) * sizeof(char *));
	json_array_foreach(fps, i, v) {
		if (!json_is_string(v)) {
			error = kh_error(KEYHOUND_EINVAL, "%s: fingerprint %zu is not a string", path, i + 1);
			goto done;
		}
		pol->baseline[pol->n_baseline++] = kh_strdup(json_string_value(v));
	}
	qsort(pol->baseline, pol->n_baseline, sizeof(char *), cmp_strp);
done:
	json_decref(root);
	return error;
}

/* ---- SHA-1, for detect-secrets' hashed_secret (not used for anything of our own) ---- */

static uint32_t rol(uint32_t x, int n)
{
	return x << n | x >> (32 - n);
}

static void sha1_block(uint32_t h[5], const uint8_t *p)
{
	uint32_t w[80], a = h[0], b = h[1], c = h[2], d = h[3], e = h[4];
	for (int i = 0; i < 16; i++)
		w[i] = (uint32_t)p[4 * i] << 24 | (uint32_t)p[4 * i + 1] << 16 |
		       (uint32_t)p[4 * i + 2] << 8 | p[4 * i + 3];
	for (int i = 16; i < 80; i++)
		w[i] = rol(w[i - 3] ^ w[i - 8] ^ w[i - 14] ^ w[i - 16], 1);
	for (int i = 0; i < 80; i++) {
		uint32_t f, k;
		if (i < 20)
			f = (b & c) | (~b & d), k = 0x5A827999;
		else if (i < 40)
			f = b ^ c ^ d, k = 0x6ED9EBA1;
		else if (i < 60)
			f = (b & c) | (b & d) | (c & d), k = 0x8F1BBCDC;
		else
			f = b ^ c ^ d, k = 0xCA62C1D6;
		uint32_t t = rol(a, 5) + f + e + k + w[i];
		e = d, d = c, c = rol(b, 30), b = a, a = t;
	}
	h[0] += a, h[1] += b, h[2] += c, h[3] += d, h[4] += e;
}

static void sha1(const void *data, size_t len, uint8_t out[20])
{
	uint32_t h[5] = {0x67452301, 0xEFCDAB89, 0x98BADCFE, 0x10325476, 0xC3D2E1F0};
	const uint8_t *p = data;
	uint8_t tail[128] = {0};
	size_t full = len / 64 * 64, rest = len - full, tn;
	for (size_t i = 0; i < full; i += 64)
		sha1_block(h, p + i);
	memcpy(tail, p + full, rest);
	tail[rest] = 0x80;
	tn = rest < 56 ? 64 : 128;
	uint64_t bits = (uint64_t)len * 8;
	for (int i = 0; i < 8; i++)
		tail[tn - 1 - i] = (uint8_t)(bits >> (8 * i));
	for (size_t i = 0; i < tn; i += 64)
		sha1_block(h, tail + i);
	for (int i = 0; i < 5; i++) {
		out[4 * i] = (uint8_t)(h[i] >> 24);
		out[4 * i + 1] = (uint8_t)(h[i] >> 16);
		out[4 * i + 2] = (uint8_t)(h[i] >> 8);
		out[4 * i + 3] = (uint8_t)h[i];
	}
}

/* ---- migration entries ---- */

enum { MIG_GITLEAKS, MIG_DETECT_SECRETS };

typedef struct {
	char *path;
	char *commit;           /* gitleaks: NULL for `gitleaks dir` entries */
	char *provider;         /* gitleaks: the rule id's provider part, NULL for generic rules */
	unsigned long line;     /* gitleaks */
	uint8_t sha1[20];       /* detect-secrets */
	size_t file;            /* index in files */
	int kind;
} mig_entry;

typedef struct {
	char *name;
	int kind;
	size_t n;
} mig_file;

struct kh_migration {
	mig_entry *v;
	size_t n, cap;
	mig_file *files;
	size_t n_files;
};

static void add_note(char ***notes, size_t *n, char *s)
{
	*notes = kh_realloc(*notes, (*n + 1) * sizeof(char *));
	(*notes)[(*n)++] = s;
}

static size_t add_file(kh_migration **m, const char *path, int kind)
{
	if (!*m)
		*m = kh_calloc(1, sizeof(**m));
	kh_migration *g = *m;
	g->files = kh_realloc(g->files, (g->n_files + 1) * sizeof(mig_file));
	g->files[g->n_files] = (mig_file){kh_strdup(path), kind, 0};
	return g->n_files++;
}

static mig_entry *add_entry(kh_migration *m, size_t file, int kind, const char *path)
{
	if (m->n == m->cap) {
		m->cap = m->cap ? m->cap * 2 : 64;
		m->v = kh_realloc(m->v, m->cap * sizeof(mig_entry));
	}
	mig_entry *e = &m->v[m->n++];
	memset(e, 0, sizeof(*e));
	/* both tools write paths relative to the scanned root; "./x" is x */
	while (path[0] == '.' && path[1] == '/')
		path += 2;
	e->path = kh_strdup(path);
	e->file = file;
	e->kind = kind;
	m->files[file].n++;
	return e;
}

static int cmp_entry(const void *a, const void *b)
{
	const mig_entry *x = a, *y = b;
	int c = strcmp(x->path, y->path);
	if (c)
		return c;
	return x->file < y->file ? -1 : x->file > y->file;
}

static void sort_entries(kh_migration *m)
{
	if (m && m->n > 1)
		qsort(m->v, m->n, sizeof(mig_entry), cmp_entry);
}

static bool is_hex(const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (!isxdigit((unsigned char)s[i]))
			return false;
	return true;
}

/* gitleaks rule ids name their provider first ("github-pat", "aws-access-token");
 * generic rules name none. */
static char *gitleaks_provider(const char *rule)
{
	static const struct {
		const char *from, *to;
	} alias[] = {{"generic", NULL}};
	size_t n = strcspn(rule, "-_");
	for (size_t i = 0; i < sizeof(alias) / sizeof(alias[0]); i++)
		if (strlen(alias[i].from) == n && !strncmp(rule, alias[i].from, n))
			return kh_strdup(alias[i].to);
	return n ? kh_strndup(rule, n) : NULL;
}

/* One fingerprint: `commit:file:rule-id:line` (git) or `file:rule-id:line` (dir).
 * Read from the right, since a path may hold ':'. */
static bool parse_gitleaks(kh_migration *m, size_t file, char *s)
{
	char *c_line = strrchr(s, ':'), *c_rule, *end;
	if (!c_line || c_line == s)
		return false;
	*c_line = '\0';
	if (!(c_rule = strrchr(s, ':')) || c_rule == s)
		return false;
	*c_rule = '\0';
	errno = 0;
	unsigned long line = strtoul(c_line + 1, &end, 10);
	if (end == c_line + 1 || *end || errno || !line || !c_rule[1])
		return false;
	char *path = s, *commit = NULL;
	char *colon = strchr(s, ':');
	if (colon && (colon - s == 40 || colon - s == 64) && is_hex(s, (size_t)(colon - s))) {
		*colon = '\0';
		commit = s;
		path = colon + 1;
	}
	if (!*path)
		return false;
	mig_entry *e = add_entry(m, file, MIG_GITLEAKS, path);
	e->commit = kh_strdup(commit);
	e->line = line;
	e->provider = gitleaks_provider(c_rule + 1);
	return true;
}

#define MAX_LINE_NOTES 5

int kh_migration_load_gitleaks(kh_migration **m, const char *path, char ***notes, size_t *n_notes)
{
	FILE *f = fopen(path, "rb");
	char *line = NULL;
	size_t cap = 0, lineno = 0, bad = 0;
	ssize_t len;
	if (!f)
		return kh_error(KEYHOUND_EINVAL, "%s: cannot read: %s", path, strerror(errno));
	size_t file = add_file(m, path, MIG_GITLEAKS);
	while ((len = getline(&line, &cap, f)) >= 0) {
		lineno++;
		while (len > 0 && (line[len - 1] == '\n' || line[len - 1] == '\r' || line[len - 1] == ' '))
			line[--len] = '\0';
		char *s = line;
		while (*s == ' ' || *s == '\t')
			s++;
		if (!*s || *s == '#')
			continue;
		if (parse_gitleaks(*m, file, s))
			continue;
		if (bad++ < MAX_LINE_NOTES)
			add_note(notes, n_notes, kh_sprintf("%s:%zu: not a gitleaks fingerprint "
							    "(commit:file:rule:line), ignored", path, lineno));
	}
	if (bad > MAX_LINE_NOTES)
		add_note(notes, n_notes, kh_sprintf("%s: %zu lines in all could not be read", path, bad));
	free(line);
	fclose(f);
	sort_entries(*m);
	return 0;
}

int kh_migration_load_detect_secrets(kh_migration **m, const char *path, char ***notes,
				     size_t *n_notes)
{
	json_error_t jerr;
	json_t *root = json_load_file(path, 0, &jerr), *results, *list, *item;
	const char *fname;
	size_t i, bad = 0;
	int error = 0;
	if (!root)
		return kh_error(KEYHOUND_EINVAL, "%s:%d: not valid JSON: %s", path, jerr.line, jerr.text);
	results = json_object_get(root, "results");
	if (!json_is_object(results)) {
		error = kh_error(KEYHOUND_EINVAL, "%s: not a detect-secrets baseline (no \"results\" object)",
				 path);
		goto done;
	}
	size_t file = add_file(m, path, MIG_DETECT_SECRETS);
	json_object_foreach(results, fname, list) {
		json_array_foreach(list, i, item) {
			const char *h = json_string_value(json_object_get(item, "hashed_secret"));
			if (!h || strlen(h) != 40 || !is_hex(h, 40) || !*fname) {
				bad++;
				continue;
			}
			mig_entry *e = add_entry(*m, file, MIG_DETECT_SECRETS, fname);
			for (int k = 0; k < 20; k++) {
				unsigned v;
				sscanf(h + 2 * k, "%2x", &v);
				e->sha1[k] = (uint8_t)v;
			}
			json_t *ln = json_object_get(item, "line_number");
			e->line = json_is_integer(ln) && json_integer_value(ln) > 0
					  ? (unsigned long)json_integer_value(ln) : 0;
		}
		if (!json_is_array(list))
			bad++;
	}
	if (bad)
		add_note(notes, n_notes, kh_sprintf("%s: %zu entries without a path or hashed_secret, "
						    "ignored", path, bad));
	sort_entries(*m);
done:
	json_decref(root);
	return error;
}

void kh_migration_free(kh_migration *m)
{
	if (!m)
		return;
	for (size_t i = 0; i < m->n; i++) {
		free(m->v[i].path);
		free(m->v[i].commit);
		free(m->v[i].provider);
	}
	free(m->v);
	for (size_t i = 0; i < m->n_files; i++)
		free(m->files[i].name);
	free(m->files);
	free(m);
}

size_t kh_migration_count(const kh_migration *m)
{
	return m ? m->n : 0;
}

static bool has_prefix(const char *s, const char *p)
{
	size_t n = strlen(p);
	return !strncmp(s, p, n) && (s[n] == '\0' || s[n] == '-');
}

/* The provider's rules exist in keyhound: then the finding must be one of them. */
static bool provider_ok(const kh_ruleset *rs, const char *provider, const char *rule_id)
{
	if (!provider || has_prefix(rule_id, provider))
		return true;
	for (size_t i = 0; rs && i < rs->n_rules; i++)
		if (has_prefix(rs->rules[i].id, provider))
			return false;
	return true;
}

static bool commit_ok(const char *want, const char *have)
{
	if (!want || !have)
		return !want && !have;
	size_t n = strlen(want) < strlen(have) ? strlen(want) : strlen(have);
	return n >= 7 && !strncasecmp(want, have, n);
}

bool kh_migration_match(const kh_migration *m, const kh_ruleset *rs, const char *rule_id,
			const char *path, const char *commit, unsigned long line, const char *secret,
			size_t n, unsigned char *hits)
{
	bool any = false, have_sha = false;
	uint8_t h[20];
	size_t lo = 0, hi;
	if (!m || !m->n || !path)
		return false;
	while (path[0] == '.' && path[1] == '/')
		path += 2;
	/* first entry at this path */
	hi = m->n;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (strcmp(m->v[mid].path, path) < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	for (size_t i = lo; i < m->n && !strcmp(m->v[i].path, path); i++) {
		const mig_entry *e = &m->v[i];
		bool ok;
		if (e->kind == MIG_DETECT_SECRETS) {
			if (!have_sha)
				sha1(secret, n, h), have_sha = true;
			ok = n && !memcmp(h, e->sha1, 20);
		} else {
			ok = e->line == line && commit_ok(e->commit, commit) &&
			     provider_ok(rs, e->provider, rule_id);
		}
		if (ok) {
			any = true;
			if (hits)
				hits[i] = 1;
		}
	}
	return any;
}

void kh_triage_note_baselined(keyhound_report *r, const char *fp)
{
	struct kh_report_triage *t = r->triage;
	if (!t)
		t = r->triage = kh_calloc(1, sizeof(*t));
	if (t->n_baselined == t->cap_baselined) {
		t->cap_baselined = t->cap_baselined ? t->cap_baselined * 2 : 64;
		t->baselined = kh_realloc(t->baselined, t->cap_baselined * sizeof(char *));
	}
	t->baselined[t->n_baselined++] = kh_strdup(fp);
}

void kh_migration_report(const kh_migration *m, keyhound_report *r)
{
	if (!m)
		return;
	for (size_t f = 0; f < m->n_files; f++) {
		size_t unmatched = 0;
		for (size_t i = 0; i < m->n; i++)
			if (m->v[i].file == f && !(r->triage && r->triage->hits && r->triage->hits[i]))
				unmatched++;
		kh_report_note(r, "%s: %zu of %zu entries matched a finding, %zu could not be matched",
			       m->files[f].name, m->files[f].n - unmatched, m->files[f].n, unmatched);
	}
}
