/* SPDX-License-Identifier: Apache-2.0 */
/* A rule's request from its templates: the host (fixed, or from the content and then only
 * when the rule's list allows it), path, headers and body, then its signer. */
#include <stdlib.h>
#include <string.h>

#include "core/kh.h"
#include "verify/verify.h"

static int var_lookup(const char *name, size_t len, kh_buf *out, void *payload)
{
	const kh_verify_vars *v = payload;
	for (size_t i = 0; i < v->n; i++)
		if (strlen(v->names[i]) == len && !memcmp(v->names[i], name, len)) {
			if (!v->values[i])
				return -1;
			kh_buf_puts(out, v->values[i]);
			return 0;
		}
	return -1;
}

/* expand into a fresh string; the reason on failure */
static int expand(const char *tpl, unsigned flags, const kh_verify_vars *vars, char **out,
		  size_t *len, const char **reason)
{
	kh_buf b = {0};
	const char *missing;
	size_t ml;
	int rc = kh_template_expand(tpl, flags, var_lookup, (void *)vars, &b, &missing, &ml);
	if (rc < 0) {
		*reason = rc == -1 ? "missing-part" : "bad-template";
		if (b.buf)
			explicit_bzero(b.buf, b.len);
		kh_buf_free(&b);
		return KEYHOUND_EINVAL;
	}
	if (len)
		*len = b.len;
	kh_buf_putc(&b, 0);
	*out = kh_buf_detach(&b);
	return 0;
}

/* a DNS name (kh_net_host_ok: letters, digits, '-', no IP address, no port, no user, no
 * path) matching one of the rule's hosts, a "*.suffix" by exactly one label */
static bool host_allowed(const kh_verify_spec *spec, const char *host)
{
	if (!kh_net_host_ok(host, strlen(host)))
		return false;
	for (size_t i = 0; i < spec->n_hosts; i++)
		if (kh_net_host_match(spec->hosts[i], host))
			return true;
	return false;
}

int kh_verify_build(const kh_verify_spec *spec, const kh_verify_vars *vars, time_t now,
		    kh_verify_request *out, const char **reason)
{
	int error = 0;
	char *v;
	memset(out, 0, sizeof(*out));
	if (spec->host) {
		/* a host from the content: refused before anything else is built */
		if ((error = expand(spec->host, 0, vars, &out->host, NULL, reason)) < 0)
			goto done;
		if (!host_allowed(spec, out->host)) {
			*reason = "host-not-allowed";
			error = KEYHOUND_EINVAL;
			goto done;
		}
	} else {
		out->host = kh_strdup(spec->hosts[0]);
	}
	out->method = kh_strdup(spec->method);
	if ((error = expand(spec->path, KH_TEMPLATE_PATH, vars, &out->path, NULL, reason)) < 0)
		goto done;
	for (size_t i = 0; i < spec->n_headers; i++) {
		if ((error = expand(spec->header_values[i], 0, vars, &v, NULL, reason)) < 0)
			goto done;
		kh_verify_request_set_header(out, spec->header_names[i], v);
		explicit_bzero(v, strlen(v));
		free(v);
	}
	if (spec->body && (error = expand(spec->body, 0, vars, &out->body, &out->body_len, reason)) < 0)
		goto done;
	if (spec->sign) {
		const kh_signer *s = kh_signer_find(spec->sign);
		if (!s || s->sign(out, vars, now) < 0) {
			*reason = "sign-failed";
			error = KEYHOUND_EINVAL;
			goto done;
		}
	}
	/* where it goes, once more after the signer (mailchimp-dc picks the host): the
	 * request leaves only for a host of the rule's list, in the strict shape */
	if (!out->host || !host_allowed(spec, out->host)) {
		*reason = "host-not-allowed";
		error = KEYHOUND_EINVAL;
	}
done:
	if (error)
		kh_verify_request_clear(out);
	return error;
}
