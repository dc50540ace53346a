/* SPDX-License-Identifier: Apache-2.0 */
/* Reading a provider's answer into a verdict: the rule's live and invalid lists (status,
 * a JSON field, a text), then who the key belongs to and what it may do. The answer is
 * untrusted bytes (fuzz/fuzz_verify_answer.c). */
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "core/kh.h"
#include "verify/verify.h"

const char *kh_verdict_name(kh_verdict_status s)
{
	return s == KH_VERDICT_LIVE ? "live" : s == KH_VERDICT_INVALID ? "invalid" : "unknown";
}

void kh_verdict_clear(kh_verdict *v)
{
	free(v->reason);
	free(v->identity);
	free(v->scopes);
	memset(v, 0, sizeof(*v));
}

/* a dotted path into JSON: "data.user.id", "items.0.name" */
static json_t *json_at(json_t *root, const char *path, size_t len)
{
	json_t *cur = root;
	const char *p = path, *end = path + len;
	while (cur && p < end) {
		const char *dot = memchr(p, '.', (size_t)(end - p));
		size_t n = dot ? (size_t)(dot - p) : (size_t)(end - p);
		char key[128];
		if (n == 0 || n >= sizeof(key))
			return NULL;
		memcpy(key, p, n);
		key[n] = 0;
		if (json_is_object(cur)) {
			cur = json_object_get(cur, key);
		} else if (json_is_array(cur)) {
			char *e;
			unsigned long i = strtoul(key, &e, 10);
			cur = *e ? NULL : json_array_get(cur, i);
		} else {
			cur = NULL;
		}
		p += n + (dot ? 1 : 0);
	}
	return cur;
}

/* a JSON value as text: strings as they are, numbers and booleans printed, arrays of
 * scalars joined with ", "; objects and null are not text */
static bool json_text(json_t *v, kh_buf *out, int depth)
{
	if (json_is_string(v))
		kh_buf_put(out, json_string_value(v), json_string_length(v));
	else if (json_is_integer(v))
		kh_buf_printf(out, "%lld", (long long)json_integer_value(v));
	else if (json_is_real(v))
		kh_buf_printf(out, "%g", json_real_value(v));
	else if (json_is_boolean(v))
		kh_buf_puts(out, json_is_true(v) ? "true" : "false");
	else if (json_is_array(v) && depth == 0) {
		size_t i;
		json_t *x;
		json_array_foreach(v, i, x) {
			if (i)
				kh_buf_puts(out, ", ");
			json_text(x, out, 1);
		}
	} else
		return false;
	return true;
}

static bool cond_holds(const kh_verify_cond *c, long status, json_t *doc, const char *body,
		       size_t body_len)
{
	if (c->status && c->status != status)
		return false;
	if (c->contains && (!body || !memmem(body, body_len, c->contains, strlen(c->contains))))
		return false;
	if (!c->json)
		return true;
	json_t *v = doc ? json_at(doc, c->json, strlen(c->json)) : NULL;
	if (!v || json_is_null(v))
		return false;
	if (!c->n_equals)
		return !json_is_false(v);
	kh_buf t = {0};
	bool ok = false;
	if (json_text(v, &t, 1))
		for (size_t i = 0; i < c->n_equals && !ok; i++)
			ok = strlen(c->equals[i]) == t.len && !memcmp(c->equals[i], t.buf ? t.buf : "", t.len);
	kh_buf_free(&t);
	return ok;
}

typedef struct {
	json_t *doc;
	const kh_net_header *headers;
	size_t n_headers;
	const kh_verify_vars *near;   /* the request's near: values (never a secret), or NULL */
} answer_vars;

static int answer_lookup(const char *name, size_t len, kh_buf *out, void *payload)
{
	answer_vars *a = payload;
	if (len > 5 && !memcmp(name, "json.", 5)) {
		json_t *v = a->doc ? json_at(a->doc, name + 5, len - 5) : NULL;
		return v && json_text(v, out, 0) ? 0 : -1;
	}
	if (len > 7 && !memcmp(name, "header.", 7)) {
		for (size_t i = 0; i < a->n_headers; i++)
			if (strlen(a->headers[i].name) == len - 7 &&
			    !strncasecmp(a->headers[i].name, name + 7, len - 7)) {
				kh_buf_puts(out, a->headers[i].value);
				return 0;
			}
	}
	for (size_t i = 0; a->near && i < a->near->n; i++)
		if (strlen(a->near->names[i]) == len && !memcmp(a->near->names[i], name, len) && a->near->values[i]) {
			kh_buf_puts(out, a->near->values[i]);
			return 0;
		}
	return -1;
}

/* identity or scopes: printable, bounded, never holding the secret */
static char *answer_field(const char *tpl, answer_vars *a, const char *secret)
{
	kh_buf b = {0};
	if (!tpl || kh_template_expand(tpl, KH_TEMPLATE_LENIENT, answer_lookup, a, &b, NULL, NULL) < 0 ||
	    b.len == 0) {
		kh_buf_free(&b);
		return NULL;
	}
	if (b.len > KH_VERIFY_MAX_FIELD)
		b.len = KH_VERIFY_MAX_FIELD;
	kh_buf_putc(&b, 0);
	for (size_t i = 0; i + 1 < b.len; i++)
		if ((unsigned char)b.buf[i] < 0x20 || b.buf[i] == 0x7f)
			b.buf[i] = ' ';
	char *s = kh_buf_detach(&b);
	if (secret && *secret && strstr(s, secret)) {
		free(s);
		return NULL;
	}
	return s;
}

void kh_verify_read_answer(const kh_verify_spec *spec, long status, const kh_net_header *headers,
			   size_t n_headers, const char *body, size_t body_len, const char *secret,
			   kh_verdict *out)
{
	kh_verify_read_answer_near(spec, status, headers, n_headers, body, body_len, secret, NULL, out);
}

void kh_verify_read_answer_near(const kh_verify_spec *spec, long status, const kh_net_header *headers,
				size_t n_headers, const char *body, size_t body_len, const char *secret,
				const kh_verify_vars *near, kh_verdict *out)
{
	json_t *doc = body && body_len ? json_loadb(body, body_len, JSON_DECODE_ANY, NULL) : NULL;
	memset(out, 0, sizeof(*out));
	out->status = KH_VERDICT_UNKNOWN;
	if (status >= 300 && status < 400) {
		out->reason = kh_strdup("redirect"); /* never followed: where it goes is not the rule's */
		goto done;
	}
	for (size_t i = 0; i < spec->n_live && out->status == KH_VERDICT_UNKNOWN; i++)
		if (cond_holds(&spec->live[i], status, doc, body, body_len))
			out->status = KH_VERDICT_LIVE;
	for (size_t i = 0; i < spec->n_invalid && out->status == KH_VERDICT_UNKNOWN; i++)
		if (cond_holds(&spec->invalid[i], status, doc, body, body_len))
			out->status = KH_VERDICT_INVALID;
	out->reason = kh_sprintf("http-%ld", status);
	if (out->status == KH_VERDICT_LIVE) {
		answer_vars a = {doc, headers, n_headers, near};
		out->identity = answer_field(spec->identity, &a, secret);
		out->scopes = answer_field(spec->scopes, &a, secret);
	}
done:
	json_decref(doc);
}
