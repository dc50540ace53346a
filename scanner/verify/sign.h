/* SPDX-License-Identifier: Apache-2.0 */
/* Signers: C code a rule's `verify: {sign: NAME}` names, for providers whose requests a
 * template cannot express (AWS SigV4, a GCP service account's RS256 JWT). The engine
 * expands the rule's templates into a request first; the signer then completes it (adds
 * headers, replaces the body or path) from the same variables. A signer never logs and
 * never keeps what it is given. */
#ifndef KH_VERIFY_SIGN_H
#define KH_VERIFY_SIGN_H

#include <stddef.h>
#include <time.h>

#include "net/net.h"

/* The request being built; every string is owned by it (kh_verify_request_clear). */
typedef struct {
	char *method, *host, *path;
	kh_net_header *headers;   /* name and value owned */
	size_t n_headers;
	char *body;               /* NULL: none */
	size_t body_len;
} kh_verify_request;

/* Set (replace) or add a header; copies name and value. */
void kh_verify_request_set_header(kh_verify_request *r, const char *name, const char *value);
/* Replace the body (copied) or the path (copied). */
void kh_verify_request_set_body(kh_verify_request *r, const char *body, size_t len);
void kh_verify_request_set_path(kh_verify_request *r, const char *path);
void kh_verify_request_clear(kh_verify_request *r);

/* The variables a rule's templates and its signer see: "secret" (the finding's secret),
 * the pattern's named groups, and each part named in `with:` (the counterpart's secret).
 * Values are borrowed and may hold any byte but NUL. */
typedef struct {
	const char *const *names;
	const char *const *values;
	size_t n;
} kh_verify_vars;
/* The value of a variable, or NULL. */
const char *kh_verify_var(const kh_verify_vars *v, const char *name);

/* A signer: 0, or a negative error (kh_error: the message says what is missing, never a
 * value) which makes the finding's verification unknown (reason "sign-failed").
 * now is the request time (tests pass a fixed one). */
typedef int (*kh_sign_fn)(kh_verify_request *req, const kh_verify_vars *vars, time_t now);

typedef struct {
	const char *name;         /* as rules name it: "aws-sigv4" */
	kh_sign_fn sign;
} kh_signer;

/* The signer of that name, or NULL (a rule naming an unknown signer fails to load). */
const kh_signer *kh_signer_find(const char *name);

/* The signers (scanner/verify/sign_<name>.c; sign.c holds the table). */
int kh_sign_aws_sigv4(kh_verify_request *req, const kh_verify_vars *vars, time_t now);
int kh_sign_gcp_jwt(kh_verify_request *req, const kh_verify_vars *vars, time_t now);
int kh_sign_azure_sharedkey(kh_verify_request *req, const kh_verify_vars *vars, time_t now);
int kh_sign_mailchimp_dc(kh_verify_request *req, const kh_verify_vars *vars, time_t now);

#endif
