/* SPDX-License-Identifier: Apache-2.0 */
/* Azure Storage Shared Key for --verify (`sign: azure-sharedkey`): the account key signs
 * the request (HMAC-SHA256 on libcrypto) and never leaves; the account is the first label
 * of the request's host (<account>.blob.core.windows.net), which the rule's host list
 * has already checked.
 * https://learn.microsoft.com/en-us/rest/api/storageservices/authorize-with-shared-key */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "core/dl_crypto.h"
#include "core/kh.h"
#include "verify/sign.h"
#include "verify/sign_azure.h"

#define AZURE_MAX_HEADERS 16
#define AZURE_MAX_PARAMS 16

static int from_base64(uint8_t *out, size_t cap, size_t *n, const char *in)
{
	static const char tab[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
	uint32_t acc = 0;
	int bits = 0;
	*n = 0;
	for (const char *p = in; *p && *p != '='; p++) {
		const char *c = strchr(tab, *p);
		if (!c)
			return kh_error(KEYHOUND_EINVAL, "azure-sharedkey: the account key is not base64");
		acc = acc << 6 | (uint32_t)(c - tab);
		if ((bits += 6) >= 8) {
			bits -= 8;
			if (*n == cap)
				return kh_error(KEYHOUND_EINVAL, "azure-sharedkey: the account key is too long");
			out[(*n)++] = (uint8_t)(acc >> bits);
		}
	}
	return *n ? 0 : kh_error(KEYHOUND_EINVAL, "azure-sharedkey: the account key is empty");
}

static void to_base64(const uint8_t *in, size_t n, char *out)
{
	static const char tab[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
	size_t o = 0;
	for (size_t i = 0; i < n; i += 3) {
		uint32_t v = (uint32_t)in[i] << 16 | (i + 1 < n ? (uint32_t)in[i + 1] << 8 : 0) |
			     (i + 2 < n ? in[i + 2] : 0);
		out[o++] = tab[v >> 18];
		out[o++] = tab[(v >> 12) & 63];
		out[o++] = i + 1 < n ? tab[(v >> 6) & 63] : '=';
		out[o++] = i + 2 < n ? tab[v & 63] : '=';
	}
	out[o] = '\0';
}

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(const char *const *)a, *(const char *const *)b);
}

static void lower(char *s)
{
	for (; *s; s++)
		if (*s >= 'A' && *s <= 'Z')
			*s = (char)(*s - 'A' + 'a');
}

/* "restype=service&comp=properties" -> "\ncomp:properties\nrestype:service" (names lower
 * case and sorted; values as sent: keyhound's own paths hold nothing to decode) */
static int put_params(kh_buf *b, const char *query)
{
	char *copy = kh_strdup(query ? query : ""), *pairs[AZURE_MAX_PARAMS];
	size_t n = 0;
	int error = 0;
	for (char *save = NULL, *t = strtok_r(copy, "&", &save); t; t = strtok_r(NULL, "&", &save)) {
		if (n == AZURE_MAX_PARAMS) {
			error = kh_error(KEYHOUND_EINVAL, "azure-sharedkey: more than %d query parameters",
					 AZURE_MAX_PARAMS);
			goto done;
		}
		size_t k = strcspn(t, "=");
		pairs[n] = kh_sprintf("%.*s:%s", (int)k, t, t[k] ? t + k + 1 : "");
		pairs[n][k] = '\0';
		lower(pairs[n]);
		pairs[n][k] = ':';
		n++;
	}
	qsort(pairs, n, sizeof(*pairs), cmp_str);
	for (size_t i = 0; i < n; i++)
		kh_buf_printf(b, "\n%s", pairs[i]);
done:
	for (size_t i = 0; i < n; i++)
		free(pairs[i]);
	free(copy);
	return error;
}

/* x-ms-* headers, lower case, sorted, "name:value\n" each */
static int put_ms_headers(kh_buf *b, const kh_verify_request *req)
{
	char *lines[AZURE_MAX_HEADERS];
	size_t n = 0;
	int error = 0;
	for (size_t i = 0; i < req->n_headers; i++) {
		if (strncasecmp(req->headers[i].name, "x-ms-", 5))
			continue;
		if (n == AZURE_MAX_HEADERS) {
			error = kh_error(KEYHOUND_EINVAL, "azure-sharedkey: too many x-ms- headers");
			goto done;
		}
		lines[n] = kh_sprintf("%s:%s\n", req->headers[i].name, req->headers[i].value);
		*strchr(lines[n], ':') = '\0';
		lower(lines[n]);
		lines[n][strlen(lines[n])] = ':';
		n++;
	}
	qsort(lines, n, sizeof(*lines), cmp_str);
	for (size_t i = 0; i < n; i++)
		kh_buf_puts(b, lines[i]);
done:
	for (size_t i = 0; i < n; i++)
		free(lines[i]);
	return error;
}

static const char *header(const kh_verify_request *req, const char *name)
{
	for (size_t i = 0; i < req->n_headers; i++)
		if (!strcasecmp(req->headers[i].name, name))
			return req->headers[i].value;
	return NULL;
}

int kh_azure_string_to_sign(char **out, const kh_verify_request *req, const char *account)
{
	static const char *const standard[] = {
		"Content-Encoding", "Content-Language", "Content-Length", "Content-MD5",
		"Content-Type", "Date", "If-Modified-Since", "If-Match", "If-None-Match",
		"If-Unmodified-Since", "Range"};
	kh_buf b = {0};
	int error;
	*out = NULL;
	kh_buf_printf(&b, "%s\n", req->method);
	for (size_t i = 0; i < sizeof(standard) / sizeof(standard[0]); i++) {
		const char *v = header(req, standard[i]);
		/* version 2015-02-21 and later: a zero Content-Length is signed as empty */
		if (v && !(i == 2 && !strcmp(v, "0")))
			kh_buf_puts(&b, v);
		kh_buf_putc(&b, '\n');
	}
	if ((error = put_ms_headers(&b, req)) < 0)
		goto done;
	char *path = kh_strdup(req->path ? req->path : "/"), *query = strchr(path, '?');
	if (query)
		*query++ = '\0';
	kh_buf_printf(&b, "/%s%s", account, path);
	error = put_params(&b, query);
	free(path);
	if (error < 0)
		goto done;
	*out = kh_buf_detach(&b);
done:
	kh_buf_free(&b);
	return error;
}

int kh_sign_azure_sharedkey(kh_verify_request *req, const kh_verify_vars *vars, time_t now)
{
	const char *key = kh_verify_var(vars, "secret");
	char account[64], date[64], *sts = NULL, *auth = NULL;
	uint8_t raw[128], mac[32];
	size_t raw_len = 0;
	int error;
	size_t alen = req->host ? strcspn(req->host, ".") : 0;
	if (!key || alen == 0 || alen >= sizeof(account))
		return kh_error(KEYHOUND_EINVAL, "azure-sharedkey: needs an account key and an account host");
	memcpy(account, req->host, alen);
	account[alen] = '\0';
	/* RFC 1123 with English names whatever the locale (strftime's %a and %b follow it) */
	static const char days[][4] = {"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};
	static const char months[][4] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
					 "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
	struct tm tm;
	if (!gmtime_r(&now, &tm) || tm.tm_year > 8099)
		return kh_error(KEYHOUND_EINVAL, "azure-sharedkey: time out of range");
	snprintf(date, sizeof(date), "%s, %02d %s %04d %02d:%02d:%02d GMT", days[tm.tm_wday], tm.tm_mday,
		 months[tm.tm_mon], tm.tm_year + 1900, tm.tm_hour, tm.tm_min, tm.tm_sec);
	kh_verify_request_set_header(req, "x-ms-date", date);
	if (!header(req, "x-ms-version"))
		kh_verify_request_set_header(req, "x-ms-version", KH_AZURE_VERSION);
	if ((error = from_base64(raw, sizeof(raw), &raw_len, key)) < 0 ||
	    (error = kh_azure_string_to_sign(&sts, req, account)) < 0 ||
	    (error = kh_dl_require(KH_DL_CRYPTO)) < 0)
		goto done;
	unsigned int mac_len = 32;
	if (!HMAC(EVP_sha256(), raw, (int)raw_len, (const unsigned char *)sts, strlen(sts), mac, &mac_len)) {
		error = kh_error(KEYHOUND_ERROR, "azure-sharedkey: HMAC-SHA256 failed");
		goto done;
	}
	char sig[48];
	to_base64(mac, 32, sig);
	auth = kh_sprintf("SharedKey %s:%s", account, sig);
	kh_verify_request_set_header(req, "Authorization", auth);
done:
	memset(raw, 0, sizeof(raw));
	free(sts);
	free(auth);
	return error;
}
