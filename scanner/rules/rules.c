/* SPDX-License-Identifier: Apache-2.0 */
/* Rule files: load the YAML rule files with libyaml, check every field, and compile
 * the patterns (PCRE2 for confirmation, one Hyperscan database for the scan). */
#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <jansson.h>
#include <yaml.h>

#include "core/kh.h"
#include "core/yaml_keys.h"
#include "rules/rules.h"
#include "rules/ruleset.h"
#include "rules/verify_spec.h"

static char *node_str(yaml_document_t *doc, yaml_node_t *n)
{
	if (!n || n->type != YAML_SCALAR_NODE)
		return NULL;
	return kh_strndup((const char *)n->data.scalar.value, n->data.scalar.length);
}

static int line_of(yaml_node_t *n)
{
	return n ? (int)n->start_mark.line + 1 : 0;
}

typedef struct {
	const char *file;
	yaml_document_t *doc;
} load_ctx;

static int bad(load_ctx *c, yaml_node_t *n, const char *id, const char *what)
{
	return kh_error(KEYHOUND_ERULES, "%s:%d: rule %s: %s", c->file, line_of(n),
			id ? id : "(no id)", what);
}

static int load_str_list(load_ctx *c, yaml_node_t *n, const char *id, const char *key,
			 char ***out, size_t *n_out)
{
	char msg[128];
	if (n->type == YAML_SCALAR_NODE) {
		*out = kh_calloc(1, sizeof(char *));
		(*out)[0] = node_str(c->doc, n);
		*n_out = 1;
		return 0;
	}
	if (n->type != YAML_SEQUENCE_NODE) {
		snprintf(msg, sizeof(msg), "'%s' must be a list of strings", key);
		return bad(c, n, id, msg);
	}
	size_t cnt = (size_t)(n->data.sequence.items.top - n->data.sequence.items.start);
	*out = kh_calloc(cnt ? cnt : 1, sizeof(char *));
	*n_out = 0;
	for (yaml_node_item_t *it = n->data.sequence.items.start; it < n->data.sequence.items.top; it++) {
		yaml_node_t *e = yaml_document_get_node(c->doc, *it);
		if (!e || e->type != YAML_SCALAR_NODE) {
			snprintf(msg, sizeof(msg), "'%s' must be a list of strings", key);
			return bad(c, e ? e : n, id, msg);
		}
		(*out)[(*n_out)++] = node_str(c->doc, e);
	}
	return 0;
}

static void free_examples(kh_example *v, size_t n);

static int load_examples(load_ctx *c, yaml_node_t *n, const char *id, const char *key,
			 kh_example **out, size_t *n_out)
{
	char msg[160];
	free_examples(*out, *n_out); /* a key given twice: the last one wins */
	*out = NULL;
	*n_out = 0;
	if (n->type != YAML_SEQUENCE_NODE) {
		snprintf(msg, sizeof(msg), "'%s' must be a list", key);
		return bad(c, n, id, msg);
	}
	size_t cnt = (size_t)(n->data.sequence.items.top - n->data.sequence.items.start);
	*out = kh_calloc(cnt ? cnt : 1, sizeof(kh_example));
	*n_out = 0;
	for (yaml_node_item_t *it = n->data.sequence.items.start; it < n->data.sequence.items.top; it++) {
		yaml_node_t *e = yaml_document_get_node(c->doc, *it);
		kh_example *ex = &(*out)[(*n_out)++];
		if (e && e->type == YAML_SCALAR_NODE) {
			ex->text = node_str(c->doc, e);
			continue;
		}
		if (!e || e->type != YAML_MAPPING_NODE) {
			snprintf(msg, sizeof(msg), "each of '%s' must be a string or {path, text}", key);
			return bad(c, e ? e : n, id, msg);
		}
		for (yaml_node_pair_t *p = e->data.mapping.pairs.start; p < e->data.mapping.pairs.top; p++) {
			yaml_node_t *k = yaml_document_get_node(c->doc, p->key);
			yaml_node_t *v = yaml_document_get_node(c->doc, p->value);
			char *ks = node_str(c->doc, k);
			int known = ks && (!strcmp(ks, "path") || !strcmp(ks, "text"));
			if (known && v && v->type == YAML_SCALAR_NODE) {
				char **dst = !strcmp(ks, "path") ? &ex->path : &ex->text;
				free(*dst);
				*dst = node_str(c->doc, v);
			}
			if (!known || !v || v->type != YAML_SCALAR_NODE) {
				snprintf(msg, sizeof(msg), "in '%s': unknown or malformed key '%s'", key,
					 ks ? ks : "?");
				free(ks);
				return bad(c, k, id, msg);
			}
			free(ks);
		}
		if (!ex->text)
			return bad(c, e, id, "an example mapping needs 'text'");
	}
	return 0;
}

int kh_parse_severity(const char *s, keyhound_severity *out)
{
	static const char *names[] = {"low", "medium", "high", "critical"};
	for (int i = 0; i < 4; i++)
		if (s && !strcmp(s, names[i])) {
			*out = (keyhound_severity)(i + 1);
			return 0;
		}
	return -1;
}

int kh_parse_confidence(const char *s, keyhound_confidence *out)
{
	static const char *names[] = {"low", "medium", "high"};
	for (int i = 0; i < 3; i++)
		if (s && !strcmp(s, names[i])) {
			*out = (keyhound_confidence)(i + 1);
			return 0;
		}
	return -1;
}

const char *kh_severity_name(keyhound_severity s)
{
	static const char *names[] = {"low", "medium", "high", "critical"};
	return s >= 1 && s <= 4 ? names[s - 1] : "unknown";
}

const char *kh_confidence_name(keyhound_confidence c)
{
	static const char *names[] = {"low", "medium", "high"};
	return c >= 1 && c <= 3 ? names[c - 1] : "unknown";
}

static bool valid_id(const char *id)
{
	if (!id || !*id || *id == '-')
		return false;
	for (const char *p = id; *p; p++)
		if (!((*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9') || *p == '-'))
			return false;
	return true;
}

/* Keywords are Hyperscan literals matched without case: a keyword must be long
 * enough not to hit everywhere, and printable so a rule file shows what it is. */
static int check_keywords(load_ctx *c, yaml_node_t *n, const kh_rule *r)
{
	char msg[200];
	if (!r->n_keywords)
		return bad(c, n, r->id, "'keywords' is empty: leave it out instead");
	for (size_t i = 0; i < r->n_keywords; i++) {
		const char *k = r->keywords[i];
		size_t len = k ? strlen(k) : 0;
		bool printable = true;
		for (size_t j = 0; j < len; j++)
			if ((unsigned char)k[j] < 0x20 || k[j] == 0x7f)
				printable = false;
		if (len < KH_KEYWORD_MIN || len > KH_KEYWORD_MAX || !printable) {
			snprintf(msg, sizeof(msg), "keyword '%.80s' must be %d to %d printable characters",
				 k ? k : "", KH_KEYWORD_MIN, KH_KEYWORD_MAX);
			return bad(c, n, r->id, msg);
		}
		for (size_t j = 0; j < i; j++)
			if (!strcasecmp(r->keywords[j], k)) {
				snprintf(msg, sizeof(msg), "keyword '%.80s' is listed twice (case does not matter)", k);
				return bad(c, n, r->id, msg);
			}
	}
	return 0;
}

/* YAML to JSON for the verify block: plain scalars that read as integers or booleans
 * become numbers and booleans, everything else a string. */
static json_t *yaml_json(yaml_document_t *doc, yaml_node_t *n, int depth)
{
	json_t *out = NULL;
	if (!n || depth > 8)
		return NULL;
	if (n->type == YAML_SCALAR_NODE) {
		char *v = node_str(doc, n), *end;
		bool plain = n->data.scalar.style == YAML_PLAIN_SCALAR_STYLE;
		long long iv = plain && *v ? strtoll(v, &end, 10) : 0;
		if (plain && *v && !*end)
			out = json_integer(iv);
		else if (plain && (!strcmp(v, "true") || !strcmp(v, "false")))
			out = json_boolean(!strcmp(v, "true"));
		else
			out = json_string(v);
		free(v);
	} else if (n->type == YAML_SEQUENCE_NODE) {
		out = json_array();
		for (yaml_node_item_t *it = n->data.sequence.items.start; it < n->data.sequence.items.top; it++) {
			json_t *x = yaml_json(doc, yaml_document_get_node(doc, *it), depth + 1);
			if (!x) {
				json_decref(out);
				return NULL;
			}
			json_array_append_new(out, x);
		}
	} else if (n->type == YAML_MAPPING_NODE) {
		out = json_object();
		for (yaml_node_pair_t *p = n->data.mapping.pairs.start; p < n->data.mapping.pairs.top; p++) {
			char *k = node_str(doc, yaml_document_get_node(doc, p->key));
			json_t *x = yaml_json(doc, yaml_document_get_node(doc, p->value), depth + 1);
			if (!k || !x) {
				free(k);
				json_decref(x);
				json_decref(out);
				return NULL;
			}
			json_object_set_new(out, k, x);
			free(k);
		}
	}
	return out;
}

static int load_verify(load_ctx *c, yaml_node_t *v, kh_rule *r)
{
	char msg[200];
	kh_verify_spec *spec = NULL;
	json_t *j = yaml_json(c->doc, v, 0);
	char *text = j ? json_dumps(j, JSON_COMPACT | JSON_SORT_KEYS) : NULL;
	int error = 0;
	json_decref(j);
	if (!text)
		return bad(c, v, r->id, "'verify' must be a mapping of strings, lists and mappings");
	if (kh_verify_spec_parse(&spec, text, msg, sizeof(msg)) < 0)
		error = bad(c, v, r->id, msg);
	kh_verify_spec_free(spec);
	free(r->verify); /* a key given twice: the last one wins */
	r->verify = error ? NULL : kh_strdup(text);
	free(text);
	return error;
}

static int load_rule(load_ctx *c, yaml_node_t *n, kh_rule *r)
{
	int error = 0;
	char msg[160];
	yaml_node_t *sev = NULL, *conf = NULL;
	memset(r, 0, sizeof(*r));
	r->hs_index = UINT32_MAX;
	r->file = kh_strdup(c->file);
	if (n->type != YAML_MAPPING_NODE)
		return bad(c, n, NULL, "each rule must be a mapping");
	/* the id first, so every later error can name the rule */
	for (yaml_node_pair_t *p = n->data.mapping.pairs.start; p < n->data.mapping.pairs.top; p++) {
		char *k = node_str(c->doc, yaml_document_get_node(c->doc, p->key));
		if (k && !strcmp(k, "id"))
			r->id = node_str(c->doc, yaml_document_get_node(c->doc, p->value));
		free(k);
	}
	if (!valid_id(r->id))
		return bad(c, n, r->id, "'id' is missing or not kebab-case");
	for (yaml_node_pair_t *p = n->data.mapping.pairs.start; p < n->data.mapping.pairs.top; p++) {
		yaml_node_t *kn = yaml_document_get_node(c->doc, p->key);
		yaml_node_t *v = yaml_document_get_node(c->doc, p->value);
		char *k = node_str(c->doc, kn);
		if (!k || !v) {
			free(k);
			return bad(c, kn, r->id, "malformed key");
		}
#define SCALAR(field)                                                                 \
	do {                                                                          \
		if (v->type != YAML_SCALAR_NODE) {                                    \
			snprintf(msg, sizeof(msg), "'%s' must be a string", k);       \
			error = bad(c, v, r->id, msg);                                \
		} else {                                                              \
			free(field);                                                  \
			field = node_str(c->doc, v);                                  \
		}                                                                     \
	} while (0)
		if (!strcmp(k, "id")) {
		} else if (!strcmp(k, "name")) {
			SCALAR(r->name);
		} else if (!strcmp(k, "pattern")) {
			SCALAR(r->pattern);
		} else if (!strcmp(k, "factor")) {
			SCALAR(r->factor);
		} else if (!strcmp(k, "validate")) {
			SCALAR(r->validate);
		} else if (!strcmp(k, "min_entropy")) {
			char *s = node_str(c->doc, v), *end = NULL;
			r->min_entropy = s ? strtod(s, &end) : 0;
			if (!s || end == s || *end || r->min_entropy < 0 || r->min_entropy > 8)
				error = bad(c, v, r->id, "'min_entropy' must be a number from 0 to 8");
			free(s);
		} else if (!strcmp(k, "severity")) {
			sev = v;
		} else if (!strcmp(k, "confidence")) {
			conf = v;
		} else if (!strcmp(k, "credential_file") || !strcmp(k, "password_hash") || !strcmp(k, "weak_values") ||
			   !strcmp(k, "messages")) {
			char *s = node_str(c->doc, v);
			bool *flag = !strcmp(k, "credential_file") ? &r->credential_file
				     : !strcmp(k, "password_hash") ? &r->password_hash
				     : !strcmp(k, "weak_values")   ? &r->weak_values : &r->no_messages;
			if (s && (!strcmp(s, "true") || !strcmp(s, "false"))) {
				/* messages: defaults to true; the flag stored is its negation */
				*flag = !strcmp(s, "true") != (flag == &r->no_messages);
			} else {
				snprintf(msg, sizeof(msg), "'%s' must be true or false", k);
				error = bad(c, v, r->id, msg);
			}
			free(s);
		} else if (!strcmp(k, "paths")) {
			error = load_str_list(c, v, r->id, k, &r->paths, &r->n_paths);
		} else if (!strcmp(k, "keywords")) {
			error = load_str_list(c, v, r->id, k, &r->keywords, &r->n_keywords);
			if (!error)
				error = check_keywords(c, v, r);
		} else if (!strcmp(k, "references")) {
			error = load_str_list(c, v, r->id, k, &r->references, &r->n_references);
		} else if (!strcmp(k, "verify")) {
			error = load_verify(c, v, r);
		} else if (!strcmp(k, "examples")) {
			error = load_examples(c, v, r->id, k, &r->examples, &r->n_examples);
		} else if (!strcmp(k, "negative_examples")) {
			error = load_examples(c, v, r->id, k, &r->negatives, &r->n_negatives);
		} else {
			snprintf(msg, sizeof(msg), "unknown key '%s'", k);
			error = bad(c, kn, r->id, msg);
		}
#undef SCALAR
		free(k);
		if (error)
			return error;
	}
	if (!r->name)
		return bad(c, n, r->id, "missing 'name'");
	if (!r->pattern && !r->n_paths)
		return bad(c, n, r->id, "needs a 'pattern', or 'paths' for a path rule");
	if (r->pattern && !*r->pattern)
		return bad(c, n, r->id, "'pattern' is empty");
	if (r->n_keywords && !r->pattern)
		return bad(c, n, r->id, "'keywords' gate a 'pattern': a path rule has none");
	if (r->factor && (!r->pattern || !*r->factor || r->n_keywords))
		return bad(c, n, r->id, "'factor' stands for a 'pattern' in the scan: it needs one, "
			   "is not empty, and does not go with 'keywords'");
	char *s = node_str(c->doc, sev);
	if (kh_parse_severity(s, &r->severity) < 0)
		error = bad(c, sev ? sev : n, r->id, "'severity' must be critical, high, medium or low");
	free(s);
	if (error)
		return error;
	s = node_str(c->doc, conf);
	if (kh_parse_confidence(s, &r->confidence) < 0)
		error = bad(c, conf ? conf : n, r->id, "'confidence' must be high, medium or low");
	free(s);
	if (error)
		return error;
	if (r->validate && !kh_validate_known(r->validate)) {
		snprintf(msg, sizeof(msg), "unknown 'validate' check '%s'", r->validate);
		return bad(c, n, r->id, msg);
	}
	return 0;
}

static int load_file(const char *path, const unsigned char *text, size_t len, kh_rule **rules,
		     size_t *n_rules, size_t *cap)
{
	yaml_parser_t parser;
	yaml_document_t doc;
	int error = 0, have_doc = 0, have_parser = 0;
	load_ctx c = {path, &doc};

	yaml_parser_initialize(&parser);
	have_parser = 1;
	yaml_parser_set_input_string(&parser, text, len);
	if (!yaml_parser_load(&parser, &doc)) {
		error = kh_error(KEYHOUND_ERULES, "%s:%zu: YAML error: %s", path,
				 parser.problem_mark.line + 1, parser.problem ? parser.problem : "?");
		goto done;
	}
	have_doc = 1;
	/* a key given twice is an error, as in .keyhound.yml: no first or last one wins */
	if ((error = kh_yaml_check_keys(&doc, path, KEYHOUND_ERULES)) < 0)
		goto done;
	yaml_node_t *root = yaml_document_get_root_node(&doc);
	if (!root)
		goto done; /* an empty file holds no rules */
	yaml_node_t *list = NULL;
	if (root->type == YAML_MAPPING_NODE) {
		for (yaml_node_pair_t *p = root->data.mapping.pairs.start; p < root->data.mapping.pairs.top; p++) {
			yaml_node_t *k = yaml_document_get_node(&doc, p->key);
			char *ks = node_str(&doc, k);
			int is_rules = ks && !strcmp(ks, "rules");
			if (!is_rules)
				error = kh_error(KEYHOUND_ERULES, "%s:%d: unknown top-level key '%s' (expected 'rules')",
						 path, line_of(k), ks ? ks : "?");
			free(ks);
			if (error)
				goto done;
			list = yaml_document_get_node(&doc, p->value);
		}
	}
	if (!list || list->type != YAML_SEQUENCE_NODE) {
		error = kh_error(KEYHOUND_ERULES, "%s:%d: expected 'rules:' with a list of rules", path,
				 line_of(list ? list : root));
		goto done;
	}
	for (yaml_node_item_t *it = list->data.sequence.items.start; it < list->data.sequence.items.top; it++) {
		if (*n_rules == *cap) {
			*cap = *cap ? *cap * 2 : 64;
			*rules = kh_realloc(*rules, *cap * sizeof(kh_rule));
		}
		kh_rule *r = &(*rules)[*n_rules];
		error = load_rule(&c, yaml_document_get_node(&doc, *it), r);
		(*n_rules)++; /* cleared with the rest, even when half loaded */
		if (error)
			goto done;
	}
done:
	if (have_doc)
		yaml_document_delete(&doc);
	if (have_parser)
		yaml_parser_delete(&parser);
	return error;
}

static int cmp_name(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static bool has_suffix(const char *s, const char *suf)
{
	size_t n = strlen(s), m = strlen(suf);
	return n >= m && !strcmp(s + n - m, suf);
}

/* The rule files of a folder (or one file), in name order. */
static int list_dir(const char *dir, kh_rule_files *out)
{
	DIR *d;
	struct dirent *e;
	char **names = NULL;
	size_t n = 0;

	if (has_suffix(dir, ".yml") || has_suffix(dir, ".yaml")) {
		names = kh_calloc(1, sizeof(char *));
		names[n++] = kh_strdup(dir);
	} else {
		if (!(d = opendir(dir)))
			return kh_error(KEYHOUND_ERULES, "%s: cannot open rules folder: %s", dir, strerror(errno));
		while ((e = readdir(d))) {
			if (e->d_name[0] == '.' || !(has_suffix(e->d_name, ".yml") || has_suffix(e->d_name, ".yaml")))
				continue;
			names = kh_realloc(names, (n + 1) * sizeof(char *));
			names[n++] = kh_sprintf("%s/%s", dir, e->d_name);
		}
		closedir(d);
		if (n > 1)
			qsort(names, n, sizeof(char *), cmp_name);
	}
	out->path = kh_realloc(out->path, (out->n + n) * sizeof(char *));
	memcpy(out->path + out->n, names, n * sizeof(char *));
	out->n += n;
	free(names);
	return 0;
}

static int read_file(const char *path, unsigned char **out, size_t *len)
{
	FILE *f = fopen(path, "rb");
	struct stat st;
	int error = 0;
	if (!f)
		return kh_error(KEYHOUND_ERULES, "%s: cannot open rule file: %s", path, strerror(errno));
	if (fstat(fileno(f), &st) < 0 || st.st_size > (64 << 20)) {
		error = kh_error(KEYHOUND_ERULES, "%s: not a readable rule file (over 64 MB?)", path);
	} else {
		*len = (size_t)st.st_size;
		*out = kh_malloc(*len + 1);
		if (fread(*out, 1, *len, f) != *len) {
			error = kh_error(KEYHOUND_ERULES, "%s: cannot read rule file: %s", path, strerror(errno));
			free(*out);
			*out = NULL;
		}
	}
	fclose(f);
	return error;
}

/* Parsing hundreds of rules costs more than the rest of a one-line scan, so the
 * parsed rules are cached too, keyed by the files' names and bytes. */
static int load_all(const kh_rules_load_opts *opts, kh_rule **rules, size_t *n_rules, size_t *cap,
		    kh_rules_pack *pack)
{
	kh_rule_files files = {0};
	unsigned char **text = NULL;
	size_t *len = NULL;
	uint64_t key = 0;
	char *cache = NULL;
	int error = 0;

	for (size_t i = 0; i < opts->n_dirs && !error; i++)
		error = list_dir(opts->dirs[i], &files);
	if (error)
		goto done;
	text = kh_calloc(files.n + 1, sizeof(*text));
	len = kh_calloc(files.n + 1, sizeof(*len));
	if (opts->cache_dir) {
		key = kh_rules_cache_key(&files);
		cache = kh_sprintf("%s/parsed-%016llx.khr", opts->cache_dir, (unsigned long long)key);
		if (kh_rules_cache_read(cache, opts->cache_dir, key, rules, n_rules, pack) == 0) {
			*cap = *n_rules;
			goto done;
		}
	}
	for (size_t i = 0; i < files.n && !error; i++)
		error = read_file(files.path[i], &text[i], &len[i]);
	if (error)
		goto done;
	for (size_t i = 0; i < files.n && !error; i++)
		error = load_file(files.path[i], text[i], len[i], rules, n_rules, cap);
	if (!error && cache)
		kh_rules_cache_write(cache, opts->cache_dir, key, *rules, *n_rules);
done:
	for (size_t i = 0; i < files.n; i++) {
		free(files.path[i]);
		if (text)
			free(text[i]);
	}
	free(files.path);
	free(text);
	free(len);
	free(cache);
	return error;
}

static void free_examples(kh_example *v, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		free(v[i].text);
		free(v[i].path);
	}
	free(v);
}

void kh_rule_drop_verify(kh_rule *r)
{
	if (!r->borrowed)
		free(r->verify);
	r->verify = NULL;
}

void kh_rule_clear(kh_rule *r)
{
	kh_compiled_rule_free(r);
	if (r->borrowed) /* its pack is unmapped with the ruleset */
		return;
	free(r->id);
	free(r->name);
	free(r->pattern);
	free(r->factor);
	free(r->validate);
	free(r->verify);
	free(r->file);
	for (size_t i = 0; i < r->n_paths; i++)
		free(r->paths[i]);
	free(r->paths);
	for (size_t i = 0; i < r->n_references; i++)
		free(r->references[i]);
	free(r->references);
	for (size_t i = 0; i < r->n_keywords; i++)
		free(r->keywords[i]);
	free(r->keywords);
	free_examples(r->examples, r->n_examples);
	free_examples(r->negatives, r->n_negatives);
}

void kh_ruleset_free(kh_ruleset *rs)
{
	if (!rs)
		return;
	for (size_t i = 0; i < rs->n_rules; i++)
		kh_rule_clear(&rs->rules[i]);
	kh_compiled_free(rs);
	if (rs->pack) {
		kh_rules_pack pack = {rs->pack, rs->pack_len};
		kh_rules_pack_free(&pack);
	} else {
		free(rs->rules);
	}
	free(rs);
}

const kh_rule *kh_ruleset_find(const kh_ruleset *rs, const char *id)
{
	for (size_t i = 0; i < rs->n_rules; i++)
		if (!strcmp(rs->rules[i].id, id))
			return &rs->rules[i];
	return NULL;
}

static void hash_str(kh_sha256_ctx *c, const char *s)
{
	kh_sha256_update(c, s ? s : "", s ? strlen(s) + 1 : 1);
}

/* The rule pack's version: a hash of everything that decides what is found. */
static void ruleset_version(kh_ruleset *rs)
{
	kh_sha256_ctx c;
	uint8_t h[32];
	char buf[32];
	kh_sha256_init(&c);
	for (size_t i = 0; i < rs->n_rules; i++) {
		const kh_rule *r = &rs->rules[i];
		hash_str(&c, r->id);
		hash_str(&c, r->pattern);
		if (r->factor)
			hash_str(&c, r->factor);
		hash_str(&c, r->validate);
		snprintf(buf, sizeof(buf), "%.3f/%d/%d/%d", r->min_entropy, r->severity, r->confidence,
			 (int)r->credential_file | (int)r->password_hash << 1 | (int)r->weak_values << 2 |
				 (int)r->no_messages << 3);
		hash_str(&c, buf);
		for (size_t j = 0; j < r->n_paths; j++)
			hash_str(&c, r->paths[j]);
		if (r->n_keywords)
			hash_str(&c, "keywords:");
		for (size_t j = 0; j < r->n_keywords; j++)
			hash_str(&c, r->keywords[j]);
	}
	kh_sha256_final(&c, h);
	kh_hex(h, 6, rs->version);
}

static int cmp_rule_id(const void *a, const void *b)
{
	const kh_rule *x = *(const kh_rule *const *)a, *y = *(const kh_rule *const *)b;
	int c = strcmp(x->id, y->id);
	return c ? c : (x > y) - (x < y); /* the earlier rule first: it is the one "also in" */
}

/* Every id once (sorted, not pairwise: start-up pays for this on every run). */
static int check_unique(const kh_ruleset *rs)
{
	const kh_rule **v = kh_calloc(rs->n_rules + 1, sizeof(*v));
	int error = 0;
	for (size_t i = 0; i < rs->n_rules; i++)
		v[i] = &rs->rules[i];
	qsort(v, rs->n_rules, sizeof(*v), cmp_rule_id);
	for (size_t i = 1; i < rs->n_rules && !error; i++)
		if (!strcmp(v[i]->id, v[i - 1]->id))
			error = kh_error(KEYHOUND_ERULES, "%s: rule %s: duplicate id (also in %s)",
					 v[i]->file, v[i]->id, v[i - 1]->file);
	free(v);
	return error;
}

int kh_ruleset_load(kh_ruleset **out, const kh_rules_load_opts *opts)
{
	kh_ruleset *rs = kh_calloc(1, sizeof(*rs));
	size_t cap = 0;
	int error = 0;

	kh_rules_pack pack = {0};
	error = load_all(opts, &rs->rules, &rs->n_rules, &cap, &pack);
	rs->pack = pack.p;
	rs->pack_len = pack.len;
	if (error < 0)
		goto done;
	/* drop disabled rules */
	size_t w = 0;
	for (size_t i = 0; i < rs->n_rules; i++) {
		bool off = false;
		for (size_t j = 0; j < opts->n_disable; j++)
			if (!strcmp(opts->disable[j], rs->rules[i].id))
				off = true;
		if (off)
			kh_rule_clear(&rs->rules[i]);
		else
			rs->rules[w++] = rs->rules[i];
	}
	rs->n_rules = w;
	if ((error = check_unique(rs)) < 0)
		goto done;
	ruleset_version(rs);
	error = kh_ruleset_compile(rs, opts);
done:
	if (error) {
		kh_ruleset_free(rs);
		rs = NULL;
	}
	*out = rs;
	return error;
}
