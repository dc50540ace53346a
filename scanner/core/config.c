/* SPDX-License-Identifier: Apache-2.0 */
/* .keyhound.yml: rules to disable or add, allowlists (global and per rule),
 * a baseline and limits. The file is untrusted (a sweep reads each repository's
 * own), so every key and type is checked, and errors name the key and line. */
#define PCRE2_CODE_UNIT_WIDTH 8
#include <ctype.h>
#include <errno.h>
#include <stdarg.h>
#include <pcre2.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <yaml.h>

#include "core/config.h"
#include "core/yaml_keys.h"

typedef struct {
	const char *file;
	yaml_document_t *doc;
	kh_config *c;
} cfg_ctx;

static int line_of(const yaml_node_t *n)
{
	return n ? (int)n->start_mark.line + 1 : 0;
}

static int bad(cfg_ctx *x, const yaml_node_t *n, const char *key, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));

static int bad(cfg_ctx *x, const yaml_node_t *n, const char *key, const char *fmt, ...)
{
	char msg[256];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	return kh_error(KEYHOUND_EINVAL, "%s:%d: '%s': %s", x->file, line_of(n),
			*key ? key : "(top level)", msg);
}

static yaml_node_t *node(cfg_ctx *x, int id)
{
	return yaml_document_get_node(x->doc, id);
}

static char *scalar(const yaml_node_t *n)
{
	return kh_strndup((const char *)n->data.scalar.value, n->data.scalar.length);
}

/* `key:` with nothing after it: an empty list or mapping. */
static bool is_null(const yaml_node_t *n)
{
	if (!n || n->type != YAML_SCALAR_NODE || n->data.scalar.style != YAML_PLAIN_SCALAR_STYLE)
		return false;
	const char *v = (const char *)n->data.scalar.value;
	return !*v || !strcmp(v, "~") || !strcmp(v, "null");
}

/* Iterate a mapping's keys, rejecting non-scalar ones (repeated keys were refused for the
 * whole file first: kh_yaml_check_keys). */
typedef int (*pair_fn)(cfg_ctx *x, const char *key, yaml_node_t *k, yaml_node_t *v, void *p);

static int each_pair(cfg_ctx *x, yaml_node_t *map, const char *where, pair_fn fn, void *payload)
{
	int error = 0;
	if (is_null(map))
		return 0;
	if (map->type != YAML_MAPPING_NODE)
		return bad(x, map, where, "must be a mapping");
	for (yaml_node_pair_t *p = map->data.mapping.pairs.start; p < map->data.mapping.pairs.top; p++) {
		yaml_node_t *k = node(x, p->key), *v = node(x, p->value);
		if (!k || !v || k->type != YAML_SCALAR_NODE)
			return bad(x, k ? k : map, where, "keys must be plain strings");
		char *ks = scalar(k);
		char *full = *where ? kh_sprintf("%s.%s", where, ks) : kh_strdup(ks);
		error = fn(x, full, k, v, payload);
		free(full);
		free(ks);
		if (error)
			return error;
	}
	return 0;
}

static int str_list(cfg_ctx *x, const char *key, yaml_node_t *v, char ***out, size_t *n_out)
{
	if (is_null(v))
		return 0;
	if (v->type != YAML_SEQUENCE_NODE)
		return bad(x, v, key, "must be a list of strings");
	for (yaml_node_item_t *it = v->data.sequence.items.start; it < v->data.sequence.items.top; it++) {
		yaml_node_t *e = node(x, *it);
		if (!e || e->type != YAML_SCALAR_NODE)
			return bad(x, e ? e : v, key, "must be a list of strings");
		if (!e->data.scalar.length || memchr(e->data.scalar.value, 0, e->data.scalar.length))
			return bad(x, e, key, "entries must be non-empty strings");
		*out = kh_realloc(*out, (*n_out + 1) * sizeof(char *));
		(*out)[(*n_out)++] = scalar(e);
	}
	return 0;
}

static int one_str(cfg_ctx *x, const char *key, yaml_node_t *v, char **out)
{
	if (v->type != YAML_SCALAR_NODE || is_null(v) || !v->data.scalar.length)
		return bad(x, v, key, "must be a string");
	free(*out);
	*out = scalar(v);
	return 0;
}

/* ---- allowlists ---- */

static int add_regexes(cfg_ctx *x, const char *key, yaml_node_t *v, kh_allowlist *a)
{
	if (is_null(v))
		return 0;
	if (v->type != YAML_SEQUENCE_NODE)
		return bad(x, v, key, "must be a list of regexes");
	for (yaml_node_item_t *it = v->data.sequence.items.start; it < v->data.sequence.items.top; it++) {
		yaml_node_t *e = node(x, *it);
		int errcode;
		PCRE2_SIZE erroff;
		if (!e || e->type != YAML_SCALAR_NODE)
			return bad(x, e ? e : v, key, "must be a list of regexes");
		/* byte mode, as the matcher: secrets need not be UTF-8 */
		pcre2_code *re = pcre2_compile(e->data.scalar.value, e->data.scalar.length, 0, &errcode,
					       &erroff, kh_pcre2_compile_context());
		if (!re) {
			PCRE2_UCHAR msg[160];
			pcre2_get_error_message(errcode, msg, sizeof(msg));
			return bad(x, e, key, "bad regex at offset %zu: %s", (size_t)erroff, (char *)msg);
		}
		a->secrets = kh_realloc(a->secrets, (a->n_secrets + 1) * sizeof(void *));
		a->secret_srcs = kh_realloc(a->secret_srcs, (a->n_secrets + 1) * sizeof(char *));
		a->secret_srcs[a->n_secrets] = kh_strndup((const char *)e->data.scalar.value,
							  e->data.scalar.length);
		a->secrets[a->n_secrets++] = re;
	}
	return 0;
}

static int allow_pair(cfg_ctx *x, const char *key, yaml_node_t *k, yaml_node_t *v, void *p);

static int rule_allow_pair(cfg_ctx *x, const char *key, yaml_node_t *k, yaml_node_t *v, void *p)
{
	kh_config *c = x->c;
	const char *id = (const char *)k->data.scalar.value;
	if (c->n_rules >= KH_CONFIG_MAX_RULE_ALLOWLISTS)
		return bad(x, k, key, "more than %d rules under allow.rules", KH_CONFIG_MAX_RULE_ALLOWLISTS);
	for (size_t i = 0; i < c->n_rules; i++)
		if (!strcmp(c->rules[i].rule_id, id))
			return bad(x, k, key, "duplicate rule");
	c->rules = kh_realloc(c->rules, (c->n_rules + 1) * sizeof(*c->rules));
	kh_rule_allowlist *r = &c->rules[c->n_rules++];
	memset(r, 0, sizeof(*r));
	r->rule_id = kh_strdup(id);
	r->line = line_of(k);
	if (is_null(v))
		return 0;
	if (v->type != YAML_MAPPING_NODE)
		return bad(x, v, key, "must be a mapping of paths, secrets and stopwords");
	return each_pair(x, v, key, allow_pair, &r->allow);
}

static void lower(char *s)
{
	for (; *s; s++)
		*s = (char)tolower((unsigned char)*s);
}

/* allow.{paths,secrets,stopwords,rules} and allow.rules.<id>.{paths,secrets,stopwords} */
static int allow_pair(cfg_ctx *x, const char *key, yaml_node_t *k, yaml_node_t *v, void *p)
{
	kh_allowlist *a = p;
	const char *name = (const char *)k->data.scalar.value;
	bool top = a == &x->c->allow;
	if (!strcmp(name, "paths"))
		return str_list(x, key, v, &a->paths, &a->n_paths);
	if (!strcmp(name, "secrets"))
		return add_regexes(x, key, v, a);
	if (!strcmp(name, "stopwords")) {
		size_t from = a->n_stopwords;
		int error = str_list(x, key, v, &a->stopwords, &a->n_stopwords);
		for (size_t i = from; i < a->n_stopwords; i++)
			lower(a->stopwords[i]);
		return error;
	}
	if (top && !strcmp(name, "rules"))
		return each_pair(x, v, key, rule_allow_pair, NULL);
	return bad(x, k, key, "unknown key (expected paths, secrets, stopwords%s)",
		   top ? " or rules" : "");
}

/* ---- rules, limits, top level ---- */

static int rules_pair(cfg_ctx *x, const char *key, yaml_node_t *k, yaml_node_t *v, void *p)
{
	kh_config *c = x->c;
	const char *name = (const char *)k->data.scalar.value;
	if (!strcmp(name, "disable"))
		return str_list(x, key, v, &c->disable, &c->n_disable);
	if (!strcmp(name, "extra")) {
		size_t from = c->n_extra;
		int error = str_list(x, key, v, &c->extra, &c->n_extra);
		struct stat st;
		for (size_t i = from; i < c->n_extra && !error; i++) {
			if (c->extra[i][0] != '/') {
				char *abs = kh_sprintf("%s/%s", c->dir, c->extra[i]);
				free(c->extra[i]);
				c->extra[i] = abs;
			}
			/* named here, with its line, rather than later by the rules loader */
			if (stat(c->extra[i], &st) < 0)
				error = bad(x, node(x, v->data.sequence.items.start[i - from]), key, "%s: %s",
					    c->extra[i], strerror(errno));
		}
		return error;
	}
	return bad(x, k, key, "unknown key (expected disable or extra)");
}

int keyhound_parse_size(const char *s, uint64_t *out)
{
	static const struct {
		const char *suf;
		double mul;
	} units[] = {
		{"", 1}, {"B", 1}, {"K", 1e3}, {"KB", 1e3}, {"KiB", 1024}, {"M", 1e6}, {"MB", 1e6},
		{"MiB", 1048576.0}, {"G", 1e9}, {"GB", 1e9}, {"GiB", 1073741824.0},
		{"T", 1e12}, {"TB", 1e12}, {"TiB", 1099511627776.0},
	};
	char *end;
	if (!s || !isdigit((unsigned char)*s))
		return KEYHOUND_EINVAL; /* no sign, no "nan" or "inf" */
	errno = 0;
	double v = strtod(s, &end);
	if (end == s || errno || !(v >= 0) || v > 1e300)
		return KEYHOUND_EINVAL;
	while (*end == ' ')
		end++;
	for (size_t i = 0; i < sizeof(units) / sizeof(units[0]); i++)
		if (!strcasecmp(end, units[i].suf)) {
			double b = v * units[i].mul;
			if (b >= 18446744073709551615.0)
				return KEYHOUND_EINVAL;
			*out = (uint64_t)b;
			return 0;
		}
	return KEYHOUND_EINVAL;
}

static int parse_count(const char *s, uint64_t max, uint64_t *out)
{
	char *end;
	if (!s || !isdigit((unsigned char)*s))
		return -1;
	errno = 0;
	unsigned long long v = strtoull(s, &end, 10);
	if (*end || errno || v > max)
		return -1;
	*out = v;
	return 0;
}

static int limits_pair(cfg_ctx *x, const char *key, yaml_node_t *k, yaml_node_t *v, void *p)
{
	static const struct {
		const char *name;
		unsigned bit;
		bool size;
	} known[] = {
		{"max_file_size", KEYHOUND_LIMIT_MAX_FILE_SIZE, true},
		{"max_archive_depth", KEYHOUND_LIMIT_MAX_ARCHIVE_DEPTH, false},
		{"max_archive_entries", KEYHOUND_LIMIT_MAX_ARCHIVE_ENTRIES, false},
		{"max_decompressed", KEYHOUND_LIMIT_MAX_DECOMPRESSED, true},
		{"max_ratio", KEYHOUND_LIMIT_MAX_RATIO, false},
		{"max_decoded_depth", KEYHOUND_LIMIT_MAX_DECODED_DEPTH, false},
		{"max_findings_per_blob", KEYHOUND_LIMIT_MAX_FINDINGS_PER_BLOB, false},
	};
	kh_config *c = x->c;
	const char *name = (const char *)k->data.scalar.value;
	for (size_t i = 0; i < sizeof(known) / sizeof(known[0]); i++) {
		if (strcmp(name, known[i].name))
			continue;
		uint64_t n;
		char *s = v->type == YAML_SCALAR_NODE ? scalar(v) : NULL;
		int rc = known[i].size ? keyhound_parse_size(s, &n)
				       : parse_count(s, known[i].bit == KEYHOUND_LIMIT_MAX_ARCHIVE_ENTRIES
							      ? UINT64_MAX : 1u << 30, &n);
		free(s);
		if (rc < 0 || (known[i].size && !n))
			return bad(x, v, key, known[i].size ? "must be a size such as 50MB"
							    : "must be a whole number");
		switch (known[i].bit) {
		case KEYHOUND_LIMIT_MAX_FILE_SIZE: c->limits.max_file_size = n; break;
		case KEYHOUND_LIMIT_MAX_ARCHIVE_DEPTH: c->limits.max_archive_depth = (unsigned)n; break;
		case KEYHOUND_LIMIT_MAX_ARCHIVE_ENTRIES: c->limits.max_archive_entries = n; break;
		case KEYHOUND_LIMIT_MAX_DECOMPRESSED: c->limits.max_decompressed = n; break;
		case KEYHOUND_LIMIT_MAX_RATIO: c->limits.max_ratio = (unsigned)n; break;
		case KEYHOUND_LIMIT_MAX_DECODED_DEPTH: c->limits.max_decoded_depth = (unsigned)n; break;
		default: c->limits.max_findings_per_blob = (unsigned)n; break;
		}
		c->limits_set |= known[i].bit;
		return 0;
	}
	return bad(x, k, key, "unknown limit (expected max_file_size, max_archive_depth, "
			      "max_archive_entries, max_decompressed, max_ratio, max_decoded_depth "
			      "or max_findings_per_blob)");
}

static int top_pair(cfg_ctx *x, const char *key, yaml_node_t *k, yaml_node_t *v, void *p)
{
	kh_config *c = x->c;
	const char *name = (const char *)k->data.scalar.value;
	if (!strcmp(name, "rules"))
		return each_pair(x, v, key, rules_pair, NULL);
	if (!strcmp(name, "allow"))
		return each_pair(x, v, key, allow_pair, &c->allow);
	if (!strcmp(name, "limits"))
		return each_pair(x, v, key, limits_pair, NULL);
	if (!strcmp(name, "baseline")) {
		int error = one_str(x, key, v, &c->baseline);
		if (!error && c->baseline[0] != '/') {
			char *abs = kh_sprintf("%s/%s", c->dir, c->baseline);
			free(c->baseline);
			c->baseline = abs;
		}
		return error;
	}
	return bad(x, k, key, "unknown key (expected rules, allow, baseline or limits)");
}

static char *dir_of(const char *path)
{
	const char *slash = strrchr(path, '/');
	if (!slash)
		return kh_strdup(".");
	if (slash == path)
		return kh_strdup("/");
	return kh_strndup(path, (size_t)(slash - path));
}

static int config_load(kh_config **out, const char *path, const char *text, size_t text_len)
{
	kh_config *c = kh_calloc(1, sizeof(*c));
	FILE *f = NULL;
	yaml_parser_t parser;
	yaml_document_t doc;
	bool have_parser = false, have_doc = false;
	struct stat st;
	int error = 0;
	cfg_ctx x = {path, &doc, c};

	c->path = kh_strdup(path);
	c->dir = dir_of(path);
	c->match_ctx = pcre2_match_context_create(kh_pcre2_general());
	pcre2_set_match_limit(c->match_ctx, KH_CONFIG_MATCH_LIMIT);
	if (text) {
		/* the text of a file that is not on disk (HEAD's tree of a bare repository) */
		if (text_len > KH_CONFIG_MAX_BYTES || !(f = fmemopen((void *)text, text_len ? text_len : 1, "rb"))) {
			error = kh_error(KEYHOUND_EINVAL, "%s: not a configuration file (at most %u bytes)",
					 path, KH_CONFIG_MAX_BYTES);
			goto done;
		}
		st.st_mode = S_IFREG;
		st.st_size = (off_t)text_len;
	} else if (!(f = fopen(path, "rb")) || fstat(fileno(f), &st) < 0) {
		error = kh_error(KEYHOUND_EINVAL, "%s: cannot read the configuration: %s", path,
				 strerror(errno));
		goto done;
	}
	if (!S_ISREG(st.st_mode) || (uint64_t)st.st_size > KH_CONFIG_MAX_BYTES) {
		error = kh_error(KEYHOUND_EINVAL, "%s: not a configuration file (a regular file of at "
						 "most %u bytes)", path, KH_CONFIG_MAX_BYTES);
		goto done;
	}
	yaml_parser_initialize(&parser);
	have_parser = true;
	yaml_parser_set_input_file(&parser, f);
	if (!yaml_parser_load(&parser, &doc)) {
		error = kh_error(KEYHOUND_EINVAL, "%s:%zu: YAML error: %s", path,
				 parser.problem_mark.line + 1, parser.problem ? parser.problem : "?");
		goto done;
	}
	have_doc = true;
	yaml_node_t *root = yaml_document_get_root_node(&doc);
	if (root && !(error = kh_yaml_check_keys(&doc, x.file, KEYHOUND_EINVAL)))
		error = each_pair(&x, root, "", top_pair, NULL); /* an empty file: an empty one */
done:
	if (have_doc)
		yaml_document_delete(&doc);
	if (have_parser)
		yaml_parser_delete(&parser);
	if (f)
		fclose(f);
	if (error) {
		kh_config_free(c);
		c = NULL;
	}
	*out = c;
	return error;
}

int kh_config_load(kh_config **out, const char *path)
{
	return config_load(out, path, NULL, 0);
}

int kh_config_load_text(kh_config **out, const char *name, const char *text, size_t len)
{
	return config_load(out, name, text, len);
}

static void strs_free(char **v, size_t n)
{
	for (size_t i = 0; i < n; i++)
		free(v[i]);
	free(v);
}

static void allowlist_clear(kh_allowlist *a)
{
	strs_free(a->paths, a->n_paths);
	for (size_t i = 0; i < a->n_secrets; i++) {
		pcre2_code_free(a->secrets[i]);
		free(a->secret_srcs[i]);
	}
	free(a->secrets);
	free(a->secret_srcs);
	strs_free(a->stopwords, a->n_stopwords);
}

void kh_config_free(kh_config *c)
{
	if (!c)
		return;
	free(c->path);
	free(c->dir);
	strs_free(c->disable, c->n_disable);
	strs_free(c->extra, c->n_extra);
	allowlist_clear(&c->allow);
	for (size_t i = 0; i < c->n_rules; i++) {
		free(c->rules[i].rule_id);
		allowlist_clear(&c->rules[i].allow);
	}
	free(c->rules);
	free(c->baseline);
	pcre2_match_context_free(c->match_ctx);
	free(c);
}

void kh_config_apply_limits(const kh_config *c, keyhound_limits *l, unsigned given)
{
	unsigned use = c ? c->limits_set & ~given : 0;
	if (use & KEYHOUND_LIMIT_MAX_FILE_SIZE)
		l->max_file_size = c->limits.max_file_size;
	if (use & KEYHOUND_LIMIT_MAX_ARCHIVE_DEPTH)
		l->max_archive_depth = c->limits.max_archive_depth;
	if (use & KEYHOUND_LIMIT_MAX_ARCHIVE_ENTRIES)
		l->max_archive_entries = c->limits.max_archive_entries;
	if (use & KEYHOUND_LIMIT_MAX_DECOMPRESSED)
		l->max_decompressed = c->limits.max_decompressed;
	if (use & KEYHOUND_LIMIT_MAX_RATIO)
		l->max_ratio = c->limits.max_ratio;
	if (use & KEYHOUND_LIMIT_MAX_DECODED_DEPTH)
		l->max_decoded_depth = c->limits.max_decoded_depth;
	if (use & KEYHOUND_LIMIT_MAX_FINDINGS_PER_BLOB)
		l->max_findings_per_blob = c->limits.max_findings_per_blob;
}

/* ---- matching ---- */

static bool has_stopword(const kh_allowlist *a, const char *secret, size_t n)
{
	if (!a->n_stopwords || !n)
		return false;
	char *low = kh_strndup(secret, n);
	bool hit = false;
	for (size_t i = 0; i < n; i++)
		low[i] = (char)tolower((unsigned char)low[i]);
	for (size_t i = 0; i < a->n_stopwords && !hit; i++)
		hit = memmem(low, n, a->stopwords[i], strlen(a->stopwords[i])) != NULL;
	free(low);
	return hit;
}

/* A regex that hits the match limit allows nothing: the finding is reported. */
static bool secret_matches(const kh_allowlist *a, pcre2_match_context *mctx, const char *secret,
			   size_t n)
{
	bool hit = false;
	for (size_t i = 0; i < a->n_secrets && !hit; i++) {
		/* match data per call: the engine, and so these regexes, are shared by threads */
		pcre2_match_data *md = pcre2_match_data_create_from_pattern(a->secrets[i], NULL);
		hit = pcre2_match(a->secrets[i], (PCRE2_SPTR)secret, n, 0, 0, md, mctx) >= 0;
		pcre2_match_data_free(md);
	}
	return hit;
}

static bool path_matches(const kh_allowlist *a, const char *path)
{
	if (!path)
		return false;
	for (size_t i = 0; i < a->n_paths; i++)
		if (kh_glob_match(a->paths[i], path))
			return true;
	return false;
}

static bool list_allows(const kh_config *c, const kh_allowlist *a, const char *path,
			const char *secret, size_t n)
{
	return path_matches(a, path) || secret_matches(a, c->match_ctx, secret, n) ||
	       has_stopword(a, secret, n);
}

bool kh_config_allows(const kh_config *c, const char *rule_id, const char *path,
		      const char *secret, size_t secret_len)
{
	if (!c)
		return false;
	if (list_allows(c, &c->allow, path, secret, secret_len))
		return true;
	for (size_t i = 0; i < c->n_rules; i++)
		if (!strcmp(c->rules[i].rule_id, rule_id))
			return list_allows(c, &c->rules[i].allow, path, secret, secret_len);
	return false;
}

/* ---- a repository's own file: it can only narrow ---- */

/* A glob with nothing literal but '/' and '.' ("**", "*", "*.*", ".*") allows (nearly)
 * every path: from a repository's own file that is scanning switched off. */
static bool glob_too_wide(const char *g)
{
	for (const char *p = g; *p; p++) {
		if (*p == '[') { /* a set stands for one unknown character */
			const char *end = strchr(p + 1, ']');
			p = end ? end : p;
			continue;
		}
		if (!strchr("*?/.", *p))
			return false;
	}
	return true;
}

/* A secrets regex that matches nothing in particular (the empty string, or each of a few
 * unrelated tokens) would allow every finding. */
static bool regex_too_wide(const kh_config *c, void *re)
{
	static const char *const probes[] = {"", "Zq8Xk2Lm9Vb4Nc7W", "AKIA0TEST1PROBE2X", "-----BEGIN"};
	pcre2_match_data *md = pcre2_match_data_create_from_pattern(re, NULL);
	size_t hits = 0;
	for (size_t i = 0; i < sizeof(probes) / sizeof(*probes); i++)
		if (pcre2_match(re, (PCRE2_SPTR)probes[i], strlen(probes[i]), 0, 0, md, c->match_ctx) >= 0)
			hits += i == 0 ? 100 : 1;
	pcre2_match_data_free(md);
	return hits >= 3;
}

static void restrict_list(kh_config *c, kh_allowlist *a, const char *where, char ***notes,
			  size_t *n_notes)
{
	size_t k = 0;
	for (size_t i = 0; i < a->n_paths; i++) {
		if (glob_too_wide(a->paths[i])) {
			kh_note(notes, n_notes, "%s: %s.paths '%s' allows every path: not applied",
				c->path, where, a->paths[i]);
			free(a->paths[i]);
		} else {
			a->paths[k++] = a->paths[i];
		}
	}
	a->n_paths = k;
	k = 0;
	for (size_t i = 0; i < a->n_secrets; i++) {
		if (regex_too_wide(c, a->secrets[i])) {
			kh_note(notes, n_notes, "%s: %s.secrets entry %zu allows every secret: not applied",
				c->path, where, i + 1);
			pcre2_code_free(a->secrets[i]);
			free(a->secret_srcs[i]);
		} else {
			a->secret_srcs[k] = a->secret_srcs[i];
			a->secrets[k++] = a->secrets[i];
		}
	}
	a->n_secrets = k;
	k = 0;
	for (size_t i = 0; i < a->n_stopwords; i++) {
		if (strlen(a->stopwords[i]) < 3) {
			kh_note(notes, n_notes, "%s: %s.stopwords '%s' is too short to apply", c->path,
				where, a->stopwords[i]);
			free(a->stopwords[i]);
		} else {
			a->stopwords[k++] = a->stopwords[i];
		}
	}
	a->n_stopwords = k;
}

/* path is dir itself or below it, links resolved (for a file not there yet, its folder). */
static bool inside(const char *dir, const char *path)
{
	char *d = realpath(dir, NULL), *p = realpath(path, NULL);
	if (!p && errno == ENOENT) {
		char *up = dir_of(path);
		p = realpath(up, NULL);
		free(up);
	}
	size_t n = d ? strlen(d) : 0;
	bool in = d && p && strncmp(d, p, n) == 0 && (p[n] == '/' || p[n] == 0 || (n == 1 && *d == '/'));
	free(d);
	free(p);
	return in;
}

void kh_config_restrict(kh_config *c, char ***notes, size_t *n_notes)
{
	if (!c)
		return;
	if (c->limits_set)
		kh_note(notes, n_notes, "%s: limits in a repository's own configuration are not "
			"applied (pass it with --config to trust it)", c->path);
	c->limits_set = 0;
	restrict_list(c, &c->allow, "allow", notes, n_notes);
	for (size_t i = 0; i < c->n_rules; i++)
		restrict_list(c, &c->rules[i].allow, c->rules[i].rule_id, notes, n_notes);
	size_t k = 0;
	for (size_t i = 0; i < c->n_extra; i++) {
		if (!inside(c->dir, c->extra[i])) {
			kh_note(notes, n_notes, "%s: rules.extra %s is outside the repository: not read",
				c->path, c->extra[i]);
			free(c->extra[i]);
		} else {
			c->extra[k++] = c->extra[i];
		}
	}
	c->n_extra = k;
	if (c->n_disable > KH_CONFIG_UNTRUSTED_MAX_DISABLE) {
		kh_note(notes, n_notes, "%s: rules.disable names %zu rules: a repository's own file "
			"may disable at most %u, the rest are not applied (pass it with --config to "
			"trust it)", c->path, c->n_disable, KH_CONFIG_UNTRUSTED_MAX_DISABLE);
		for (size_t i = KH_CONFIG_UNTRUSTED_MAX_DISABLE; i < c->n_disable; i++)
			free(c->disable[i]);
		c->n_disable = KH_CONFIG_UNTRUSTED_MAX_DISABLE;
	}
	if (c->baseline && !inside(c->dir, c->baseline)) {
		kh_note(notes, n_notes, "%s: baseline %s is outside the repository: not read", c->path,
			c->baseline);
		free(c->baseline);
		c->baseline = NULL;
	}
}

void kh_note(char ***notes, size_t *n_notes, const char *fmt, ...)
{
	va_list ap;
	char tmp[512];
	va_start(ap, fmt);
	vsnprintf(tmp, sizeof(tmp), fmt, ap);
	va_end(ap);
	*notes = kh_realloc(*notes, (*n_notes + 1) * sizeof(char *));
	(*notes)[(*n_notes)++] = kh_strdup(tmp);
}
