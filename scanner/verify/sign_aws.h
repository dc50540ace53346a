/* SPDX-License-Identifier: Apache-2.0 */
/* AWS Signature Version 4 (HMAC-SHA256 on OpenSSL), for the one request --verify sends
 * with an AWS key pair: STS GetCallerIdentity, which needs no permission and changes
 * nothing. https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_sigv-create-signed-request.html */
#ifndef KH_VERIFY_SIGN_AWS_H
#define KH_VERIFY_SIGN_AWS_H

#include <stddef.h>
#include <stdint.h>
#include <time.h>

typedef struct {
	const char *name;   /* any case: signed in lower case */
	const char *value;  /* trimmed, inner runs of spaces folded, as SigV4 signs them */
} kh_sigv4_header;

typedef struct {
	const char *method;             /* "POST" */
	const char *host;               /* "sts.amazonaws.com": signed as the host header */
	const char *path;               /* canonical URI, already percent-encoded: "/" */
	const char *query;              /* "" or encoded pairs "b=2&a=1" (sorted here) */
	const kh_sigv4_header *headers; /* signed besides host and x-amz-date; distinct names */
	size_t n_headers;
	const void *body;
	size_t body_len;
	const char *region, *service;   /* "us-east-1", "sts" */
	time_t when;                    /* the request's time (x-amz-date) */
} kh_sigv4_request;

/* The derived signing key: HMAC chain "AWS4"+secret -> date (YYYYMMDD) -> region ->
 * service -> "aws4_request". 0, or KEYHOUND_ERROR when libcrypto cannot be loaded. */
int kh_sigv4_signing_key(uint8_t out[32], const char *secret, const char *date,
			 const char *region, const char *service);

/* The Authorization header's value for req ("AWS4-HMAC-SHA256 Credential=..., SignedHeaders=...,
 * Signature=..."), and the x-amz-date value to send with it (YYYYMMDDTHHMMSSZ) in amz_date.
 * The caller frees *out. KEYHOUND_EINVAL for a malformed request (duplicate header, a
 * control byte in a value). */
int kh_sigv4_sign(char **out, char amz_date[17], const kh_sigv4_request *req,
		  const char *access_key_id, const char *secret);

/* The whole GetCallerIdentity call: POST https://sts.amazonaws.com/ with a form body,
 * signed for us-east-1 (the global endpoint's region). session_token (NULL for
 * long-term AKIA keys) is sent and signed as x-amz-security-token. */
typedef struct {
	char *authorization;    /* Authorization header value */
	char amz_date[17];      /* X-Amz-Date header value */
	const char *content_type, *body, *host, *path, *method; /* static strings */
	const char *session_token; /* borrowed from the caller, NULL when none */
} kh_aws_sts_request;
#define KH_AWS_STS_HOST "sts.amazonaws.com"
#define KH_AWS_STS_BODY "Action=GetCallerIdentity&Version=2011-06-15"
#define KH_AWS_STS_CONTENT_TYPE "application/x-www-form-urlencoded; charset=utf-8"

int kh_aws_sts_request_new(kh_aws_sts_request **out, const char *access_key_id,
			   const char *secret, const char *session_token, time_t when);
void kh_aws_sts_request_free(kh_aws_sts_request *r);

#endif
