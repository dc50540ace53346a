/* SPDX-License-Identifier: Apache-2.0 */
/* The table of signers rules may name, and the request helpers signers use (sign.h). */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "core/kh.h"
#include "verify/sign.h"

static const kh_signer signers[] = {
	{"aws-sigv4", kh_sign_aws_sigv4},
	{"gcp-jwt", kh_sign_gcp_jwt},
	{"azure-sharedkey", kh_sign_azure_sharedkey},
	{"mailchimp-dc", kh_sign_mailchimp_dc},
};

const kh_signer *kh_signer_find(const char *name)
{
	for (size_t i = 0; name && i < sizeof(signers) / sizeof(signers[0]); i++)
		if (strcmp(signers[i].name, name) == 0)
			return &signers[i];
	return NULL;
}

const char *kh_verify_var(const kh_verify_vars *v, const char *name)
{
	for (size_t i = 0; v && i < v->n; i++)
		if (strcmp(v->names[i], name) == 0)
			return v->values[i];
	return NULL;
}

static void wipe_free(char *s)
{
	if (s) {
		explicit_bzero(s, strlen(s));
		free(s);
	}
}

void kh_verify_request_set_header(kh_verify_request *r, const char *name, const char *value)
{
	for (size_t i = 0; i < r->n_headers; i++)
		if (strcasecmp(r->headers[i].name, name) == 0) {
			wipe_free((char *)r->headers[i].value);
			r->headers[i].value = kh_strdup(value);
			return;
		}
	r->headers = kh_realloc(r->headers, (r->n_headers + 1) * sizeof(*r->headers));
	r->headers[r->n_headers].name = kh_strdup(name);
	r->headers[r->n_headers].value = kh_strdup(value);
	r->n_headers++;
}

void kh_verify_request_set_body(kh_verify_request *r, const char *body, size_t len)
{
	if (r->body) {
		explicit_bzero(r->body, r->body_len);
		free(r->body);
	}
	r->body = kh_malloc(len + 1);
	memcpy(r->body, body, len);
	r->body[len] = 0;
	r->body_len = len;
}

void kh_verify_request_set_path(kh_verify_request *r, const char *path)
{
	wipe_free(r->path);
	r->path = kh_strdup(path);
}

void kh_verify_request_clear(kh_verify_request *r)
{
	if (!r)
		return;
	free(r->method);
	free(r->host);
	wipe_free(r->path);
	for (size_t i = 0; i < r->n_headers; i++) {
		free((char *)r->headers[i].name);
		wipe_free((char *)r->headers[i].value);
	}
	free(r->headers);
	if (r->body) {
		explicit_bzero(r->body, r->body_len);
		free(r->body);
	}
	memset(r, 0, sizeof(*r));
}
