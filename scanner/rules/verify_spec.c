/* SPDX-License-Identifier: Apache-2.0 */
/* A rule's verify block (rules/verify_spec.h): its fields checked, and the template
 * language of its request and answer fields. */
#include <ctype.h>
#include <jansson.h>
#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "rules/verify_spec.h"

bool kh_verify_signer_known(const char *name)
{
	static const char *const names[] = {"aws-sigv4", "gcp-jwt", "azure-sharedkey", "mailchimp-dc"};
	for (size_t i = 0; name && i < sizeof(names) / sizeof(names[0]); i++)
		if (!strcmp(names[i], name))
			return true;
	return false;
}

/* ---- templates ---- */

static bool name_char(unsigned char c)
{
	return isalnum(c) || c == '_' || c == '.' || c == '-';
}

static void put_base64(kh_buf *out, const unsigned char *s, size_t n, bool url)
{
	static const char std[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
	static const char web[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
	const char *a = url ? web : std;
	for (size_t i = 0; i < n; i += 3) {
		unsigned v = (unsigned)s[i] << 16 | (i + 1 < n ? (unsigned)s[i + 1] << 8 : 0) |
			     (i + 2 < n ? s[i + 2] : 0);
		kh_buf_putc(out, a[v >> 18 & 63]);
		kh_buf_putc(out, a[v >> 12 & 63]);
		if (i + 1 < n)
			kh_buf_putc(out, a[v >> 6 & 63]);
		else if (!url)
			kh_buf_putc(out, '=');
		if (i + 2 < n)
			kh_buf_putc(out, a[v & 63]);
		else if (!url)
			kh_buf_putc(out, '=');
	}
}

static void put_percent(kh_buf *out, const unsigned char *s, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		if (isalnum(s[i]) || s[i] == '-' || s[i] == '.' || s[i] == '_' || s[i] == '~')
			kh_buf_putc(out, (char)s[i]);
		else
			kh_buf_printf(out, "%%%02X", s[i]);
	}
}

typedef enum { F_NONE, F_BASE64, F_BASE64URL, F_URLENCODE, F_RAW, F_URLHOST, F_URLPATH } tpl_func;

typedef struct {
	const char *p, *end;       /* the expression inside {{ }} */
	kh_template_lookup lookup;
	void *payload;
	unsigned flags;
	const char *missing;
	size_t missing_len;
} expr_ctx;

static void skip_space(expr_ctx *x)
{
	while (x->p < x->end && isspace((unsigned char)*x->p))
		x->p++;
}

/* items up to the end or a ')': variables and quoted literals, concatenated into val */
static int expr_items(expr_ctx *x, kh_buf *val, bool in_func)
{
	int n = 0;
	for (;;) {
		skip_space(x);
		if (x->p >= x->end || (in_func && *x->p == ')'))
			return n ? 0 : KEYHOUND_EINVAL;
		if (*x->p == '\'' || *x->p == '"') {
			const char *q = memchr(x->p + 1, *x->p, (size_t)(x->end - x->p - 1));
			if (!q)
				return KEYHOUND_EINVAL;
			kh_buf_put(val, x->p + 1, (size_t)(q - x->p - 1));
			x->p = q + 1;
		} else if (name_char((unsigned char)*x->p)) {
			const char *s = x->p;
			while (x->p < x->end && name_char((unsigned char)*x->p))
				x->p++;
			if (x->lookup && x->lookup(s, (size_t)(x->p - s), val, x->payload) < 0 &&
			    !(x->flags & KH_TEMPLATE_LENIENT) && !x->missing) {
				x->missing = s;
				x->missing_len = (size_t)(x->p - s);
			}
		} else {
			return KEYHOUND_EINVAL;
		}
		n++;
	}
}

static tpl_func func_named(const char *s, size_t n)
{
	static const struct {
		const char *name;
		tpl_func f;
	} fs[] = {{"base64", F_BASE64}, {"base64url", F_BASE64URL}, {"urlencode", F_URLENCODE},
		  {"raw", F_RAW}, {"urlhost", F_URLHOST}, {"urlpath", F_URLPATH}};
	for (size_t i = 0; i < sizeof(fs) / sizeof(fs[0]); i++)
		if (strlen(fs[i].name) == n && !memcmp(fs[i].name, s, n))
			return fs[i].f;
	return F_NONE;
}

/* one {{ expr }}: [func(] items [)] */
static int expand_expr(expr_ctx *x, kh_buf *out)
{
	kh_buf val = {0};
	tpl_func f = F_NONE;
	int error;
	skip_space(x);
	const char *s = x->p;
	while (s < x->end && isalnum((unsigned char)*s))
		s++;
	const char *after = s;
	while (after < x->end && isspace((unsigned char)*after))
		after++;
	if (after < x->end && *after == '(') {
		if ((f = func_named(x->p, (size_t)(s - x->p))) == F_NONE)
			return KEYHOUND_EINVAL;
		x->p = after + 1;
	}
	if ((error = expr_items(x, &val, f != F_NONE)) < 0)
		goto done;
	if (f != F_NONE) {
		if (x->p >= x->end || *x->p != ')') {
			error = KEYHOUND_EINVAL;
			goto done;
		}
		x->p++;
		skip_space(x);
	}
	if (x->p != x->end) {
		error = KEYHOUND_EINVAL;
		goto done;
	}
	const unsigned char *v = (const unsigned char *)(val.buf ? val.buf : "");
	bool pathenc = (x->flags & KH_TEMPLATE_PATH) && f != F_RAW && f != F_URLPATH;
	kh_buf fv = {0};
	if (f == F_URLHOST || f == F_URLPATH) {
		/* scheme://host[:port]/path?query: the host (no user, no port), or from the '/' on */
		const char *u = (const char *)v, *end = u + val.len;
		const char *sep = memmem(u, val.len, "://", 3);
		const char *h = sep ? sep + 3 : u, *p = memchr(h, '/', (size_t)(end - h));
		if (f == F_URLPATH) {
			if (p)
				kh_buf_put(&fv, p, (size_t)(end - p));
		} else {
			const char *he = p ? p : end, *at = memchr(h, '@', (size_t)(he - h));
			if (at)
				h = at + 1;
			const char *colon = memchr(h, ':', (size_t)(he - h));
			kh_buf_put(&fv, h, (size_t)((colon ? colon : he) - h));
		}
	} else if (f == F_BASE64 || f == F_BASE64URL)
		put_base64(&fv, v, val.len, f == F_BASE64URL);
	else if (f == F_URLENCODE)
		put_percent(&fv, v, val.len);
	else
		kh_buf_put(&fv, v, val.len);
	if (pathenc && f != F_URLENCODE)
		put_percent(out, (const unsigned char *)(fv.buf ? fv.buf : ""), fv.len);
	else
		kh_buf_put(out, fv.buf ? fv.buf : "", fv.len);
	if (fv.buf)
		explicit_bzero(fv.buf, fv.len);
	kh_buf_free(&fv);
done:
	if (val.buf)
		explicit_bzero(val.buf, val.len);
	kh_buf_free(&val);
	return error;
}

int kh_template_expand(const char *tpl, unsigned flags, kh_template_lookup lookup, void *payload,
		       kh_buf *out, const char **missing, size_t *missing_len)
{
	expr_ctx x = {.lookup = lookup, .payload = payload, .flags = flags};
	const char *p = tpl;
	int error = 0;
	if (missing)
		*missing = NULL;
	while (*p) {
		const char *open = strstr(p, "{{");
		if (!open) {
			kh_buf_puts(out, p);
			break;
		}
		kh_buf_put(out, p, (size_t)(open - p));
		const char *close = strstr(open + 2, "}}");
		if (!close)
			return KEYHOUND_EINVAL;
		x.p = open + 2;
		x.end = close;
		if ((error = expand_expr(&x, out)) < 0)
			return error;
		if (out->len > KH_TEMPLATE_MAX_OUT)
			return KEYHOUND_EINVAL;
		p = close + 2;
	}
	if (out->len > KH_TEMPLATE_MAX_OUT)
		return KEYHOUND_EINVAL;
	if (x.missing) {
		if (missing)
			*missing = x.missing, *missing_len = x.missing_len;
		return -1;
	}
	return 0;
}

int kh_template_check(const char *tpl, char *err, size_t err_len)
{
	kh_buf out = {0};
	int error = kh_template_expand(tpl, 0, NULL, NULL, &out, NULL, NULL);
	kh_buf_free(&out);
	if (error < 0)
		snprintf(err, err_len, "bad template '%.60s' ({{ name }}, {{ base64(a ':' b) }}, ...)", tpl);
	return error < 0 ? KEYHOUND_ERULES : 0;
}

/* ---- the block ---- */

typedef struct {
	char *err;
	size_t len;
} perr;

static int fail(perr *e, const char *fmt, const char *what)
{
	snprintf(e->err, e->len, fmt, what);
	return KEYHOUND_ERULES;
}

static int str_field(json_t *o, const char *key, bool required, char **out, perr *e)
{
	json_t *v = json_object_get(o, key);
	if (!v)
		return required ? fail(e, "verify: '%s' is required", key) : 0;
	if (!json_is_string(v) || !*json_string_value(v))
		return fail(e, "verify: '%s' must be a non-empty string", key);
	*out = kh_strdup(json_string_value(v));
	return 0;
}

static int str_list(json_t *v, const char *key, char ***out, size_t *n, perr *e)
{
	size_t i;
	json_t *x;
	if (json_is_string(v)) {
		*out = kh_calloc(1, sizeof(char *));
		(*out)[0] = kh_strdup(json_string_value(v));
		*n = 1;
		return 0;
	}
	if (!json_is_array(v) || json_array_size(v) == 0)
		return fail(e, "verify: '%s' must be a string or a non-empty list of them", key);
	*out = kh_calloc(json_array_size(v), sizeof(char *));
	json_array_foreach(v, i, x) {
		if (!json_is_string(x))
			return fail(e, "verify: '%s' must be a list of strings", key);
		(*out)[(*n)++] = kh_strdup(json_string_value(x));
	}
	return 0;
}

static char *scalar_text(json_t *v)
{
	if (json_is_string(v))
		return kh_strdup(json_string_value(v));
	if (json_is_true(v))
		return kh_strdup("true");
	if (json_is_false(v))
		return kh_strdup("false");
	if (json_is_integer(v))
		return kh_sprintf("%lld", (long long)json_integer_value(v));
	return NULL;
}

static int parse_status(json_t *v, int *out, perr *e)
{
	long long s = -1;
	if (json_is_integer(v))
		s = json_integer_value(v);
	else if (json_is_string(v)) {
		char *end;
		s = strtoll(json_string_value(v), &end, 10);
		if (*end)
			s = -1;
	}
	if (s < 100 || s > 599)
		return fail(e, "verify: '%s' must be an HTTP status (100-599)", "status");
	*out = (int)s;
	return 0;
}

static int parse_cond(json_t *v, kh_verify_cond *c, perr *e)
{
	const char *k;
	json_t *x;
	if (!json_is_object(v))
		return parse_status(v, &c->status, e);
	json_object_foreach(v, k, x) {
		int error = 0;
		if (!strcmp(k, "status"))
			error = parse_status(x, &c->status, e);
		else if (!strcmp(k, "json"))
			error = str_field(v, k, true, &c->json, e);
		else if (!strcmp(k, "contains"))
			error = str_field(v, k, true, &c->contains, e);
		else if (!strcmp(k, "equals")) {
			size_t i, n = json_is_array(x) ? json_array_size(x) : 1;
			json_t *y;
			c->equals = kh_calloc(n ? n : 1, sizeof(char *));
			if (!json_is_array(x)) {
				if (!(c->equals[c->n_equals++] = scalar_text(x)))
					error = fail(e, "verify: '%s' must be a string, number or boolean", k);
			} else
				json_array_foreach(x, i, y) {
					if (!(c->equals[c->n_equals++] = scalar_text(y)))
						error = fail(e, "verify: '%s' must hold strings, numbers or booleans", k);
				}
		} else
			error = fail(e, "verify: unknown answer key '%s' (status, json, equals, contains)", k);
		if (error)
			return error;
	}
	if (c->n_equals && !c->json)
		return fail(e, "verify: '%s' needs 'json' (the field it compares)", "equals");
	if (!c->status && !c->json && !c->contains)
		return fail(e, "verify: an answer needs one of status, json, contains%s", "");
	return 0;
}

static int parse_conds(json_t *v, const char *key, kh_verify_cond **out, size_t *n, perr *e)
{
	size_t i;
	json_t *x;
	if (!json_is_array(v)) {
		*out = kh_calloc(1, sizeof(**out));
		*n = 1;
		return parse_cond(v, *out, e);
	}
	if (json_array_size(v) == 0)
		return fail(e, "verify: '%s' is an empty list", key);
	*out = kh_calloc(json_array_size(v), sizeof(**out));
	json_array_foreach(v, i, x) {
		(*n)++;
		if (parse_cond(x, &(*out)[i], e) < 0)
			return KEYHOUND_ERULES;
	}
	return 0;
}

/* a DNS name: labels of letters, digits and '-', with a letter somewhere (no IP address) */
static bool host_syntax(const char *h)
{
	size_t label = 0, n = strlen(h);
	bool alpha = false;
	if (n == 0 || n > 253 || h[0] == '.' || h[n - 1] == '.')
		return false;
	for (const char *c = h; *c; c++) {
		if (*c == '.') {
			if (!label)
				return false;
			label = 0;
		} else if (isalnum((unsigned char)*c) || (*c == '-' && label)) {
			alpha |= isalpha((unsigned char)*c) != 0;
			if (++label > 63)
				return false;
		} else {
			return false;
		}
	}
	return alpha;
}

static int check_hosts(kh_verify_spec *s, perr *e)
{
	for (size_t i = 0; i < s->n_hosts; i++) {
		const char *h = s->hosts[i];
		const char *name = strncmp(h, "*.", 2) == 0 ? h + 2 : h;
		/* a suffix must leave at least a registrable name: "*.atlassian.net", not "*.net" */
		if (!host_syntax(name) || (name != h && !strchr(name, '.')) || strchr(name, '*'))
			return fail(e, "verify: host '%s' is not a DNS name or '*.provider.suffix'", h);
	}
	if (!s->host && strchr(s->hosts[0], '*'))
		return fail(e, "verify: the first host '%s' is a pattern: give 'host' (a template) too",
			    s->hosts[0]);
	return 0;
}

static bool named(char *const *names, size_t n, const char *name, size_t len)
{
	for (size_t i = 0; i < n; i++)
		if (strlen(names[i]) == len && !memcmp(names[i], name, len))
			return true;
	return false;
}

typedef struct {
	const kh_verify_spec *s;
	bool answer;  /* identity, scopes: the answer's json.* and header.*, and near values */
} var_check;

/* a variable a template may name: the request's secret, with: and near: parts; the
 * answer's json.PATH, header.NAME and near: values (never the secret or a with: part) */
static int known_var(const char *name, size_t len, kh_buf *out, void *payload)
{
	const var_check *c = payload;
	(void)out;
	if (named(c->s->near_names, c->s->n_near, name, len))
		return 0;
	if (c->answer)
		return (len > 5 && !memcmp(name, "json.", 5)) || (len > 7 && !memcmp(name, "header.", 7)) ? 0 : -1;
	return (len == 6 && !memcmp(name, "secret", 6)) || named(c->s->with_names, c->s->n_with, name, len) ? 0 : -1;
}

static int check_vars(const kh_verify_spec *s, const char *tpl, bool answer, perr *e)
{
	var_check c = {s, answer};
	kh_buf out = {0};
	const char *missing = NULL;
	size_t ml = 0;
	char msg[160];
	int rc = kh_template_expand(tpl, 0, known_var, &c, &out, &missing, &ml);
	kh_buf_free(&out);
	if (rc == -1 && missing) {
		snprintf(msg, sizeof(msg), "template '%.60s' names '%.*s', which is not %s", tpl, (int)(ml > 40 ? 40 : ml),
			 missing, answer ? "json.PATH, header.NAME or a near: value" : "secret or a with: or near: part");
		return fail(e, "verify: %s", msg);
	}
	return 0;
}

static int check_templates(kh_verify_spec *s, perr *e)
{
	char msg[160];
	const char *tpls[] = {s->host, s->path, s->body, s->identity, s->scopes};
	for (size_t i = 0; i < s->n_near; i++)
		if (named(s->with_names, s->n_with, s->near_names[i], strlen(s->near_names[i])))
			return fail(e, "verify: '%s' is both a with: and a near: part", s->near_names[i]);
	if (s->n_with + s->n_near > 7)
		return fail(e, "verify: at most 7 with: and near: parts%s", "");
	for (size_t i = 0; i < sizeof(tpls) / sizeof(tpls[0]); i++) {
		if (!tpls[i])
			continue;
		if (kh_template_check(tpls[i], msg, sizeof(msg)) < 0)
			return fail(e, "verify: %s", msg);
		if (check_vars(s, tpls[i], i >= 3, e) < 0)
			return KEYHOUND_ERULES;
	}
	for (size_t i = 0; i < s->n_headers; i++) {
		if (kh_template_check(s->header_values[i], msg, sizeof(msg)) < 0)
			return fail(e, "verify: %s", msg);
		if (check_vars(s, s->header_values[i], false, e) < 0)
			return KEYHOUND_ERULES;
	}
	if (s->path[0] != '/' && strncmp(s->path, "{{", 2))
		return fail(e, "verify: 'path' must start with '/' (or a {{ urlpath(...) }})%s", "");
	return 0;
}

static int parse_headers(json_t *v, kh_verify_spec *s, perr *e)
{
	const char *k;
	json_t *x;
	if (!json_is_object(v))
		return fail(e, "verify: '%s' must be a mapping of header names to templates", "headers");
	s->header_names = kh_calloc(json_object_size(v) + 1, sizeof(char *));
	s->header_values = kh_calloc(json_object_size(v) + 1, sizeof(char *));
	json_object_foreach(v, k, x) {
		if (!json_is_string(x))
			return fail(e, "verify: header '%s' must be a string", k);
		for (const char *c = k; *c; c++)
			if (!isalnum((unsigned char)*c) && *c != '-' && *c != '_')
				return fail(e, "verify: '%s' is not a header name", k);
		s->header_names[s->n_headers] = kh_strdup(k);
		s->header_values[s->n_headers++] = kh_strdup(json_string_value(x));
	}
	return 0;
}

static int parse_with(json_t *v, kh_verify_spec *s, perr *e)
{
	const char *k;
	json_t *x;
	if (!json_is_object(v))
		return fail(e, "verify: '%s' must map part names to rule ids", "with");
	s->with_names = kh_calloc(json_object_size(v) + 1, sizeof(char *));
	s->with_rules = kh_calloc(json_object_size(v) + 1, sizeof(char *));
	json_object_foreach(v, k, x) {
		if (!json_is_string(x))
			return fail(e, "verify: with.%s must be a rule id", k);
		if (!strcmp(k, "secret"))
			return fail(e, "verify: with.%s: 'secret' is the finding's own", k);
		s->with_names[s->n_with] = kh_strdup(k);
		s->with_rules[s->n_with++] = kh_strdup(json_string_value(x));
	}
	return 0;
}

/* near: {name: pattern}: each pattern compiled now (a bad one fails the rule file) */
static int parse_near(json_t *v, kh_verify_spec *s, perr *e)
{
	const char *k;
	json_t *x;
	if (!json_is_object(v) || json_object_size(v) == 0)
		return fail(e, "verify: '%s' must map value names to patterns", "near");
	s->near_names = kh_calloc(json_object_size(v) + 1, sizeof(char *));
	s->near_patterns = kh_calloc(json_object_size(v) + 1, sizeof(char *));
	s->near_code = kh_calloc(json_object_size(v) + 1, sizeof(void *));
	json_object_foreach(v, k, x) {
		int ec;
		PCRE2_SIZE eo;
		if (!json_is_string(x) || !*json_string_value(x))
			return fail(e, "verify: near.%s must be a pattern", k);
		for (const char *c = k; *c; c++)
			if (!name_char((unsigned char)*c) || *c == '.')
				return fail(e, "verify: near.%s: a name is letters, digits, '_' and '-'", k);
		if (!strcmp(k, "secret") || !strncmp(k, "json", 4) || !strncmp(k, "header", 6))
			return fail(e, "verify: near.%s: that name is taken (secret, json.*, header.*)", k);
		pcre2_code *re = pcre2_compile((PCRE2_SPTR)json_string_value(x), PCRE2_ZERO_TERMINATED, 0, &ec,
					       &eo, NULL);
		if (!re)
			return fail(e, "verify: near.%s is not a valid PCRE2 pattern", k);
		s->near_names[s->n_near] = kh_strdup(k);
		s->near_patterns[s->n_near] = kh_strdup(json_string_value(x));
		s->near_code[s->n_near++] = re;
	}
	return 0;
}

/* one value of a near match: the group named like the part, else group 1, else the match */
static bool near_value(const pcre2_code *re, pcre2_match_data *md, int rc, const char *name,
		       const unsigned char *data, size_t *vs, size_t *ve)
{
	PCRE2_SIZE *ov = pcre2_get_ovector_pointer(md);
	int g = pcre2_substring_number_from_name(re, (PCRE2_SPTR)name);
	if (g < 0)
		g = rc >= 2 ? 1 : 0;
	if (g >= rc || ov[2 * g] == PCRE2_UNSET)
		return false;
	*vs = ov[2 * g];
	*ve = ov[2 * g + 1];
	if (*ve <= *vs || *ve - *vs > KH_VERIFY_NEAR_MAX)
		return false;
	for (size_t i = *vs; i < *ve; i++)
		if (data[i] < 0x21 || data[i] > 0x7e)
			return false;
	return true;
}

size_t kh_verify_near_find(const kh_verify_spec *s, size_t k, const unsigned char *data, size_t len,
			   size_t at, char **out, size_t max)
{
	const pcre2_code *re = k < s->n_near ? s->near_code[k] : NULL;
	size_t n = 0, dist[8], from = at > KH_VERIFY_NEAR ? at - KH_VERIFY_NEAR : 0;
	size_t to = len - at > KH_VERIFY_NEAR ? at + KH_VERIFY_NEAR : len;
	if (!re || !data || at > len || max == 0)
		return 0;
	if (max > 8)
		max = 8;
	pcre2_match_data *md = pcre2_match_data_create_from_pattern(re, NULL);
	pcre2_match_context *mc = pcre2_match_context_create(NULL);
	pcre2_set_match_limit(mc, 100000);
	pcre2_set_depth_limit(mc, 1000);
	/* bounded: at most KH_VERIFY_NEAR_TRIES matches looked at, each within PCRE2's limits */
	for (size_t pos = from, tries = 0; md && mc && pos < to && tries < KH_VERIFY_NEAR_TRIES; tries++) {
		int rc = pcre2_match(re, data, to, pos, 0, md, mc);
		if (rc <= 0)
			break; /* no more, or a limit: what was found stands */
		PCRE2_SIZE *ov = pcre2_get_ovector_pointer(md);
		size_t vs, ve;
		pos = ov[1] > ov[0] ? ov[1] : ov[0] + 1;
		if (!near_value(re, md, rc, s->near_names[k], data, &vs, &ve))
			continue;
		size_t d = vs > at ? vs - at : at - vs, i;
		for (i = 0; i < n; i++)
			if (strlen(out[i]) == ve - vs && !memcmp(out[i], data + vs, ve - vs))
				break;
		if (i < n) {
			if (d < dist[i])
				dist[i] = d;
			continue;
		}
		/* into the nearest few, nearest first */
		size_t where = n;
		while (where > 0 && dist[where - 1] > d)
			where--;
		if (where >= max)
			continue;
		if (n == max)
			free(out[--n]);
		memmove(out + where + 1, out + where, (n - where) * sizeof(*out));
		memmove(dist + where + 1, dist + where, (n - where) * sizeof(*dist));
		out[where] = kh_strndup((const char *)data + vs, ve - vs);
		dist[where] = d;
		n++;
	}
	pcre2_match_context_free(mc);
	pcre2_match_data_free(md);
	return n;
}

static int parse_field(kh_verify_spec *s, json_t *o, const char *k, json_t *v, perr *e)
{
	static const char *const strs[] = {"host", "method", "path", "body", "sign", "identity",
					   "scopes", "rotate", "secret_prefix"};
	if (!strcmp(k, "hosts"))
		return str_list(v, k, &s->hosts, &s->n_hosts, e);
	if (!strcmp(k, "headers"))
		return parse_headers(v, s, e);
	if (!strcmp(k, "with"))
		return parse_with(v, s, e);
	if (!strcmp(k, "near"))
		return parse_near(v, s, e);
	if (!strcmp(k, "live"))
		return parse_conds(v, k, &s->live, &s->n_live, e);
	if (!strcmp(k, "invalid"))
		return parse_conds(v, k, &s->invalid, &s->n_invalid, e);
	for (size_t i = 0; i < sizeof(strs) / sizeof(strs[0]); i++)
		if (!strcmp(k, strs[i]))
			return json_is_string(v) ? 0 : fail(e, "verify: '%s' must be a string", k);
	return fail(e, "verify: unknown key '%s' (hosts, host, method, path, headers, body, sign, "
		       "with, near, live, invalid, identity, scopes, rotate, secret_prefix)", k);
}

int kh_verify_spec_parse(kh_verify_spec **out, const char *json_text, char *err, size_t err_len)
{
	perr e = {err, err_len};
	json_error_t jerr;
	json_t *o = json_loads(json_text, 0, &jerr), *v;
	kh_verify_spec *s = kh_calloc(1, sizeof(*s));
	const char *k;
	int error = 0;
	*out = NULL;
	if (!json_is_object(o)) {
		error = fail(&e, "verify: must be a mapping%s", "");
		goto done;
	}
	json_object_foreach(o, k, v) {
		if ((error = parse_field(s, o, k, v, &e)) < 0)
			goto done;
	}
	if ((error = str_field(o, "method", true, &s->method, &e)) < 0 ||
	    (error = str_field(o, "path", true, &s->path, &e)) < 0 ||
	    (error = str_field(o, "host", false, &s->host, &e)) < 0 ||
	    (error = str_field(o, "body", false, &s->body, &e)) < 0 ||
	    (error = str_field(o, "sign", false, &s->sign, &e)) < 0 ||
	    (error = str_field(o, "identity", false, &s->identity, &e)) < 0 ||
	    (error = str_field(o, "scopes", false, &s->scopes, &e)) < 0 ||
	    (error = str_field(o, "rotate", false, &s->rotate, &e)) < 0 ||
	    (error = str_field(o, "secret_prefix", false, &s->secret_prefix, &e)) < 0)
		goto done;
	if (!s->n_hosts || !s->n_live || !s->n_invalid) {
		error = fail(&e, "verify: 'hosts', 'live' and 'invalid' are required%s", "");
		goto done;
	}
	if (strcmp(s->method, "GET") && strcmp(s->method, "POST") && strcmp(s->method, "HEAD")) {
		error = fail(&e, "verify: method '%s' is not GET, POST or HEAD (a check only reads)",
			     s->method);
		goto done;
	}
	if (s->sign && !kh_verify_signer_known(s->sign)) {
		error = fail(&e, "verify: unknown signer '%s' (aws-sigv4, gcp-jwt, azure-sharedkey, mailchimp-dc)", s->sign);
		goto done;
	}
	if ((error = check_hosts(s, &e)) < 0 || (error = check_templates(s, &e)) < 0)
		goto done;
	*out = s;
	s = NULL;
done:
	kh_verify_spec_free(s);
	json_decref(o);
	return error;
}

static void strs_free(char **v, size_t n)
{
	for (size_t i = 0; i < n; i++)
		free(v[i]);
	free(v);
}

static void conds_free(kh_verify_cond *c, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		free(c[i].json);
		free(c[i].contains);
		strs_free(c[i].equals, c[i].n_equals);
	}
	free(c);
}

void kh_verify_spec_free(kh_verify_spec *s)
{
	if (!s)
		return;
	strs_free(s->hosts, s->n_hosts);
	free(s->host);
	free(s->method);
	free(s->path);
	strs_free(s->header_names, s->n_headers);
	strs_free(s->header_values, s->n_headers);
	free(s->body);
	free(s->sign);
	strs_free(s->with_names, s->n_with);
	strs_free(s->with_rules, s->n_with);
	strs_free(s->near_names, s->n_near);
	strs_free(s->near_patterns, s->n_near);
	for (size_t i = 0; i < s->n_near; i++)
		pcre2_code_free(s->near_code[i]);
	free(s->near_code);
	conds_free(s->live, s->n_live);
	conds_free(s->invalid, s->n_invalid);
	free(s->identity);
	free(s->scopes);
	free(s->rotate);
	free(s->secret_prefix);
	free(s);
}
