/* SPDX-License-Identifier: Apache-2.0 */
/* AWS Signature Version 4 for --verify (see sign_aws.h): canonical request, string to
 * sign, derived key, signature; HMAC from libcrypto, loaded on first use. */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "core/dl_crypto.h"
#include "core/kh.h"
#include "verify/sign.h"
#include "verify/sign_aws.h"

#define SIGV4_MAX_HEADERS 16

static int hmac(uint8_t out[32], const void *key, size_t key_len, const char *msg)
{
	unsigned int n = 32;
	if (!HMAC(EVP_sha256(), key, (int)key_len, (const unsigned char *)msg, strlen(msg), out, &n) ||
	    n != 32)
		return kh_error(KEYHOUND_ERROR, "sigv4: HMAC-SHA256 failed");
	return 0;
}

int kh_sigv4_signing_key(uint8_t out[32], const char *secret, const char *date,
			 const char *region, const char *service)
{
	int error;
	if ((error = kh_dl_require(KH_DL_CRYPTO)) < 0)
		return error;
	char *k_secret = kh_sprintf("AWS4%s", secret);
	uint8_t k[32];
	if ((error = hmac(k, k_secret, strlen(k_secret), date)) < 0 ||
	    (error = hmac(k, k, 32, region)) < 0 || (error = hmac(k, k, 32, service)) < 0 ||
	    (error = hmac(out, k, 32, "aws4_request")) < 0)
		goto done;
done:
	memset(k_secret, 0, strlen(k_secret));
	free(k_secret);
	memset(k, 0, sizeof(k));
	return error;
}

static void sha256_hex(const void *data, size_t len, char out[65])
{
	uint8_t d[32];
	kh_sha256(data, len, d);
	kh_hex(d, 32, out);
}

typedef struct {
	char *name;
	const char *value;
} header;

static int header_cmp(const void *a, const void *b)
{
	return strcmp(((const header *)a)->name, ((const header *)b)->name);
}

static bool is_token(const char *s)
{
	if (!*s)
		return false;
	for (; *s; s++)
		if (!((*s >= 'a' && *s <= 'z') || (*s >= '0' && *s <= '9') || *s == '-' || *s == '_'))
			return false;
	return true;
}

/* value trimmed, inner runs of blanks folded to one space (SigV4's canonical value) */
static int put_value(kh_buf *b, const char *v)
{
	bool blank = false, started = false;
	for (; *v; v++) {
		unsigned char c = (unsigned char)*v;
		if (c == ' ' || c == '\t') {
			blank = started;
			continue;
		}
		if (c < 0x20 || c == 0x7f)
			return kh_error(KEYHOUND_EINVAL, "sigv4: control byte in a header value");
		if (blank)
			kh_buf_putc(b, ' ');
		kh_buf_putc(b, (char)c);
		blank = false;
		started = true;
	}
	return 0;
}

static int pair_cmp(const void *a, const void *b)
{
	const char *x = *(const char *const *)a, *y = *(const char *const *)b;
	size_t kx = strcspn(x, "="), ky = strcspn(y, "=");
	int c = memcmp(x, y, kx < ky ? kx : ky);
	if (c || kx != ky)
		return c ? c : (kx < ky ? -1 : 1);
	return strcmp(x + kx, y + ky);
}

/* "b=2&a=1" -> "a=1&b=2": pairs sorted by name, then value (names and values come
 * encoded) */
static void put_query(kh_buf *b, const char *query)
{
	if (!query || !*query)
		return;
	char *copy = kh_strdup(query);
	size_t n = 1;
	for (const char *p = copy; *p; p++)
		n += *p == '&';
	char **pairs = kh_calloc(n, sizeof(*pairs));
	size_t k = 0;
	for (char *save = NULL, *t = strtok_r(copy, "&", &save); t; t = strtok_r(NULL, "&", &save))
		pairs[k++] = t;
	qsort(pairs, k, sizeof(*pairs), pair_cmp);
	for (size_t i = 0; i < k; i++) {
		if (i)
			kh_buf_putc(b, '&');
		kh_buf_puts(b, pairs[i]);
		if (!strchr(pairs[i], '='))
			kh_buf_putc(b, '=');
	}
	free(pairs);
	free(copy);
}

/* the sorted, lower-cased list of signed headers: host, x-amz-date and the request's */
static int collect_headers(header *h, size_t *n_out, const kh_sigv4_request *req,
			   const char *amz_date)
{
	size_t n = 0;
	if (req->n_headers > SIGV4_MAX_HEADERS)
		return kh_error(KEYHOUND_EINVAL, "sigv4: more than %d headers", SIGV4_MAX_HEADERS);
	h[n++] = (header){kh_strdup("host"), req->host};
	h[n++] = (header){kh_strdup("x-amz-date"), amz_date};
	for (size_t i = 0; i < req->n_headers; i++) {
		char *name = kh_strdup(req->headers[i].name);
		for (char *p = name; *p; p++)
			if (*p >= 'A' && *p <= 'Z')
				*p = (char)(*p - 'A' + 'a');
		h[n++] = (header){name, req->headers[i].value};
		if (!is_token(name)) {
			*n_out = n;
			return kh_error(KEYHOUND_EINVAL, "sigv4: bad header name");
		}
	}
	*n_out = n;
	qsort(h, n, sizeof(*h), header_cmp);
	for (size_t i = 1; i < n; i++)
		if (!strcmp(h[i].name, h[i - 1].name))
			return kh_error(KEYHOUND_EINVAL, "sigv4: header %s twice", h[i].name);
	return 0;
}

static int canonical_request(char **out, char **signed_headers, const kh_sigv4_request *req,
			     const char *amz_date)
{
	header h[SIGV4_MAX_HEADERS + 2];
	size_t n = 0;
	kh_buf b = {0}, names = {0};
	int error;
	if ((error = collect_headers(h, &n, req, amz_date)) < 0)
		goto done;
	kh_buf_printf(&b, "%s\n%s\n", req->method, req->path);
	put_query(&b, req->query);
	kh_buf_putc(&b, '\n');
	for (size_t i = 0; i < n; i++) {
		kh_buf_printf(&b, "%s:", h[i].name);
		if ((error = put_value(&b, h[i].value)) < 0)
			goto done;
		kh_buf_putc(&b, '\n');
		kh_buf_printf(&names, "%s%s", i ? ";" : "", h[i].name);
	}
	char payload[65];
	sha256_hex(req->body ? req->body : "", req->body ? req->body_len : 0, payload);
	kh_buf_printf(&b, "\n%s\n%s", names.buf, payload);
	*out = kh_buf_detach(&b);
	*signed_headers = kh_buf_detach(&names);
done:
	for (size_t i = 0; i < n; i++)
		free(h[i].name);
	kh_buf_free(&b);
	kh_buf_free(&names);
	return error;
}

int kh_sigv4_sign(char **out, char amz_date[17], const kh_sigv4_request *req,
		  const char *access_key_id, const char *secret)
{
	char *creq = NULL, *names = NULL, *sts = NULL;
	uint8_t key[32] = {0}, sig[32];
	int error;
	*out = NULL;
	struct tm tm;
	if (!gmtime_r(&req->when, &tm) || !strftime(amz_date, 17, "%Y%m%dT%H%M%SZ", &tm))
		return kh_error(KEYHOUND_EINVAL, "sigv4: time out of range");
	char date[9];
	memcpy(date, amz_date, 8);
	date[8] = '\0';
	if ((error = canonical_request(&creq, &names, req, amz_date)) < 0)
		goto done;
	char creq_hash[65];
	sha256_hex(creq, strlen(creq), creq_hash);
	sts = kh_sprintf("AWS4-HMAC-SHA256\n%s\n%s/%s/%s/aws4_request\n%s", amz_date, date,
			 req->region, req->service, creq_hash);
	if ((error = kh_sigv4_signing_key(key, secret, date, req->region, req->service)) < 0 ||
	    (error = hmac(sig, key, 32, sts)) < 0)
		goto done;
	char hex[65];
	kh_hex(sig, 32, hex);
	*out = kh_sprintf("AWS4-HMAC-SHA256 Credential=%s/%s/%s/%s/aws4_request, "
			  "SignedHeaders=%s, Signature=%s",
			  access_key_id, date, req->region, req->service, names, hex);
done:
	memset(key, 0, sizeof(key));
	free(creq);
	free(names);
	free(sts);
	return error;
}

int kh_aws_sts_request_new(kh_aws_sts_request **out, const char *access_key_id,
			   const char *secret, const char *session_token, time_t when)
{
	kh_aws_sts_request *r = kh_calloc(1, sizeof(*r));
	kh_sigv4_header h[2] = {{"content-type", KH_AWS_STS_CONTENT_TYPE},
				{"x-amz-security-token", session_token}};
	kh_sigv4_request req = {
		.method = "POST", .host = KH_AWS_STS_HOST, .path = "/", .query = "",
		.headers = h, .n_headers = session_token ? 2 : 1,
		.body = KH_AWS_STS_BODY, .body_len = strlen(KH_AWS_STS_BODY),
		.region = "us-east-1", .service = "sts", .when = when,
	};
	int error = kh_sigv4_sign(&r->authorization, r->amz_date, &req, access_key_id, secret);
	if (error < 0) {
		kh_aws_sts_request_free(r);
		*out = NULL;
		return error;
	}
	r->method = "POST";
	r->host = KH_AWS_STS_HOST;
	r->path = "/";
	r->body = KH_AWS_STS_BODY;
	r->content_type = KH_AWS_STS_CONTENT_TYPE;
	r->session_token = session_token;
	*out = r;
	return 0;
}

void kh_aws_sts_request_free(kh_aws_sts_request *r)
{
	if (!r)
		return;
	free(r->authorization);
	free(r);
}

/* "sts.amazonaws.com" -> us-east-1, sts; "sts.eu-west-1.amazonaws.com" -> eu-west-1, sts */
static int scope_of_host(const char *host, char *region, char *service, size_t cap)
{
	const char *suffix = ".amazonaws.com";
	size_t n = strlen(host), s = strlen(suffix);
	if (n <= s || strcasecmp(host + n - s, suffix))
		return kh_error(KEYHOUND_EINVAL, "aws-sigv4: the host is not an amazonaws.com name");
	size_t first = strcspn(host, ".");
	if (first >= cap || first == 0)
		return kh_error(KEYHOUND_EINVAL, "aws-sigv4: no service in the host");
	memcpy(service, host, first);
	service[first] = '\0';
	const char *rest = host + first + 1;
	size_t second = strcspn(rest, ".");
	if (rest == host + n - s + 1 || second >= cap) {
		snprintf(region, cap, "us-east-1"); /* a global endpoint signs for us-east-1 */
	} else {
		memcpy(region, rest, second);
		region[second] = '\0';
	}
	return 0;
}

/* The signer rules name as `sign: aws-sigv4` (verify/sign.h): the request the rule's
 * templates built, signed with the pair found: the finding's own secret and the part named
 * key_id (or secret_key), and session_token when found. */
int kh_sign_aws_sigv4(kh_verify_request *req, const kh_verify_vars *vars, time_t now)
{
	const char *self = kh_verify_var(vars, "secret");
	const char *key_id = kh_verify_var(vars, "key_id"), *secret = kh_verify_var(vars, "secret_key");
	const char *token = kh_verify_var(vars, "session_token");
	char region[64], service[64], date[17], *auth = NULL, *path = NULL;
	kh_sigv4_header h[SIGV4_MAX_HEADERS];
	size_t n = 0;
	int error;
	if (!key_id)
		key_id = self;
	else if (!secret)
		secret = self;
	if (!key_id || !secret || !req->host)
		return kh_error(KEYHOUND_EINVAL, "aws-sigv4: needs a key id and a secret key");
	if ((error = scope_of_host(req->host, region, service, sizeof(region))) < 0)
		return error;
	if (token)
		kh_verify_request_set_header(req, "X-Amz-Security-Token", token);
	for (size_t i = 0; i < req->n_headers; i++) {
		const char *name = req->headers[i].name;
		if (!strcasecmp(name, "authorization") || !strcasecmp(name, "x-amz-date") ||
		    !strcasecmp(name, "host") || !strcasecmp(name, "user-agent"))
			continue;
		if (n == SIGV4_MAX_HEADERS)
			return kh_error(KEYHOUND_EINVAL, "aws-sigv4: more than %d headers", SIGV4_MAX_HEADERS);
		h[n++] = (kh_sigv4_header){name, req->headers[i].value};
	}
	path = kh_strdup(req->path ? req->path : "/");
	char *query = strchr(path, '?');
	if (query)
		*query++ = '\0';
	kh_sigv4_request sr = {.method = req->method, .host = req->host, .path = path,
			       .query = query ? query : "", .headers = h, .n_headers = n,
			       .body = req->body, .body_len = req->body_len, .region = region,
			       .service = service, .when = now};
	if ((error = kh_sigv4_sign(&auth, date, &sr, key_id, secret)) < 0)
		goto done;
	kh_verify_request_set_header(req, "X-Amz-Date", date);
	kh_verify_request_set_header(req, "Authorization", auth);
done:
	free(path);
	free(auth);
	return error;
}
