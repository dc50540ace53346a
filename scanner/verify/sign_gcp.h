/* SPDX-License-Identifier: Apache-2.0 */
/* Google service-account keys for --verify: the key file's JSON read (untrusted bytes),
 * an RS256-signed JWT assertion made on libcrypto, and the form body that exchanges it
 * for an access token at oauth2.googleapis.com (RFC 7523; no API is called with it).
 * https://developers.google.com/identity/protocols/oauth2/service-account#httprest */
#ifndef KH_VERIFY_SIGN_GCP_H
#define KH_VERIFY_SIGN_GCP_H

#include <stddef.h>
#include <time.h>

/* The host and path the assertion goes to: always these, whatever token_uri the file
 * names (a content-supplied host is never contacted). */
#define KH_GCP_TOKEN_HOST "oauth2.googleapis.com"
#define KH_GCP_TOKEN_PATH "/token"
#define KH_GCP_TOKEN_AUD "https://oauth2.googleapis.com/token"
/* the narrowest scope every service account may ask for */
#define KH_GCP_SCOPE "https://www.googleapis.com/auth/cloud-platform.read-only"

/* Limits on the untrusted key file: a real one is about 2.3 KB. */
#define KH_GCP_MAX_JSON (64 * 1024)
#define KH_GCP_MAX_PEM (16 * 1024)
#define KH_GCP_MAX_EMAIL 320

typedef struct {
	char *client_email;   /* the identity a live key belongs to */
	char *private_key_id; /* NULL when the file has none */
	char *private_key;    /* PEM, newlines decoded */
} kh_gcp_key;

/* A service-account key file's JSON: type "service_account", client_email, private_key.
 * KEYHOUND_EINVAL with a message naming the field for anything else (never reads past
 * len; files larger than KH_GCP_MAX_JSON are refused). */
int kh_gcp_key_parse(kh_gcp_key **out, const char *json, size_t len);

/* The same from the parts a rule captured: the PEM as it sits in the file, with JSON's
 * \n escapes (or real newlines), and the nearest client_email. private_key_id may be NULL. */
int kh_gcp_key_from_parts(kh_gcp_key **out, const char *client_email,
			  const char *private_key_id, const char *pem);

void kh_gcp_key_free(kh_gcp_key *key);

/* header.claims.signature, base64url, signed RS256 with the key's RSA private key:
 * iss = client_email, scope, aud = KH_GCP_TOKEN_AUD, iat = now, exp = now + 3600.
 * KEYHOUND_EINVAL when the PEM is not an unencrypted RSA private key. */
int kh_gcp_jwt(char **out, const kh_gcp_key *key, const char *scope, time_t now);

/* "grant_type=urn%3Aietf%3Aparams%3Aoauth%3Agrant-type%3Ajwt-bearer&assertion=<jwt>",
 * posted as application/x-www-form-urlencoded to KH_GCP_TOKEN_HOST KH_GCP_TOKEN_PATH. */
char *kh_gcp_token_body(const char *jwt);

/* base64url without padding (RFC 7515 appendix C); the caller frees the string */
char *kh_base64url(const void *data, size_t len);

#endif
