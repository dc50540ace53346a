/* SPDX-License-Identifier: Apache-2.0 */
/* A rule's `verify:` block: parsed and checked when the rule loads (a bad block fails the
 * rule file, naming the field), kept as normalized JSON in kh_rule.verify, and the small
 * template language its request and answer fields use. Pure functions: the requests
 * themselves are scanner/verify/'s. */
#ifndef KH_RULES_VERIFY_SPEC_H
#define KH_RULES_VERIFY_SPEC_H

#include <stdbool.h>
#include <stddef.h>

#include "core/kh.h"

/* One way to read an answer: every field present must hold. */
typedef struct {
	int status;            /* 0: any */
	char *json;            /* a dotted path into the JSON body ("error", "data.user.id"), or NULL */
	char **equals;         /* the value at json (as text: true, 12, "abc") is one of these */
	size_t n_equals;       /* 0 with json: the value exists and is not null or false */
	char *contains;        /* the body holds this text */
} kh_verify_cond;

typedef struct kh_verify_spec {
	char **hosts;          /* the fixed list; "*.suffix" allowed */
	size_t n_hosts;
	char *host;            /* a template for a host taken from the content, or NULL: hosts[0] */
	char *method, *path;   /* path is a template; each {{}} is percent-encoded unless raw() */
	char **header_names, **header_values; /* values are templates */
	size_t n_headers;
	char *body;            /* a template, or NULL */
	char *sign;            /* a signer's name (scanner/verify/sign.h), or NULL */
	char **with_names, **with_rules; /* other parts: variable name -> the rule that finds it */
	size_t n_with;
	/* context the request needs (a key file's client_email, a connection string's
	 * AccountName, a shop's host): variable name -> a PCRE2 pattern searched in the same
	 * blob near the finding; the value is the pattern's group of that name, else its group
	 * 1, else the whole match. Never a secret: answers' identity may name them. */
	char **near_names, **near_patterns;
	void **near_code;      /* pcre2_code*, compiled when the block is parsed */
	size_t n_near;
	kh_verify_cond *live, *invalid;
	size_t n_live, n_invalid;
	char *identity, *scopes; /* templates over the answer: {{json.a.b}}, {{header.Name}} */
	char *rotate;          /* where to revoke or rotate it (a URL) */
	char *secret_prefix;   /* only secrets starting with this are checked (a webhook URL of one
				* kind), others are unknown (not-checkable) */
} kh_verify_spec;

/* Parse a verify block given as JSON text. 0, or KEYHOUND_ERULES with err naming the field. */
int kh_verify_spec_parse(kh_verify_spec **out, const char *json_text, char *err, size_t err_len);
void kh_verify_spec_free(kh_verify_spec *s);

/* The block's parts: its `with:` parts (0 .. n_with-1), then its `near:` values. */
static inline size_t kh_verify_spec_parts(const kh_verify_spec *s) { return s ? s->n_with + s->n_near : 0; }
static inline const char *kh_verify_spec_part_name(const kh_verify_spec *s, size_t k)
{
	return k < s->n_with ? s->with_names[k] : s->near_names[k - s->n_with];
}

/* `near:` values are searched this far (bytes) before and after the finding's offset. */
#define KH_VERIFY_NEAR 4096
/* and are at most this long, printable ASCII (a longer or other match is not taken) */
#define KH_VERIFY_NEAR_MAX 512
/* matches of a near: pattern looked at around one finding, at most */
#define KH_VERIFY_NEAR_TRIES 256

/* The distinct values of near part k (0 .. n_near-1) in data[0, len) within KH_VERIFY_NEAR
 * of at, nearest first: at most max of them into out (each owned, NUL-terminated). Bounded
 * work: KH_VERIFY_NEAR_TRIES matches at most, each under PCRE2's match and depth limits; a
 * limit hit ends the search with what was found. */
size_t kh_verify_near_find(const kh_verify_spec *s, size_t k, const unsigned char *data, size_t len,
			   size_t at, char **out, size_t max);

/* Signer names rules may use (scanner/verify/sign.c has one function for each). */
bool kh_verify_signer_known(const char *name);

/* ---- templates: literal text with {{ expr }} in it ----
 * expr is a concatenation of variables and quoted literals ('...' or "..."), optionally
 * wrapped in one function: base64(user ':' secret), base64url(...), urlencode(...), raw(...),
 * urlhost(url) (its host name), urlpath(url) (from its first '/' after the host, not encoded).
 * At most KH_TEMPLATE_MAX_OUT bytes come out. */
#define KH_TEMPLATE_MAX_OUT (64u << 10)

/* Looks a variable up: appends its value to out and returns 0, or returns -1 (unknown). */
typedef int (*kh_template_lookup)(const char *name, size_t len, kh_buf *out, void *payload);

enum {
	KH_TEMPLATE_PATH = 1,    /* percent-encode each {{}} (RFC 3986 unreserved kept) unless raw() */
	KH_TEMPLATE_LENIENT = 2, /* an unknown variable expands to nothing instead of failing */
};

/* Expand tpl into out. 0; -1 with *missing pointing at the unknown variable's name (in tpl,
 * *missing_len bytes) when a variable is unknown; KEYHOUND_EINVAL for bad syntax or an
 * output over the limit. */
int kh_template_expand(const char *tpl, unsigned flags, kh_template_lookup lookup, void *payload,
		       kh_buf *out, const char **missing, size_t *missing_len);
/* Check a template's syntax (every name a variable: letters, digits, '_', '.', '-'). */
int kh_template_check(const char *tpl, char *err, size_t err_len);

#endif
