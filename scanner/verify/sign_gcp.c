/* SPDX-License-Identifier: Apache-2.0 */
/* Google service-account keys for --verify (see sign_gcp.h): the key file read with
 * jansson, the JWT assertion signed RS256 by libcrypto (no hand-written RSA). */
#include <jansson.h>
#include <stdlib.h>
#include <string.h>

#include "core/dl_crypto.h"
#include "core/kh.h"
#include "verify/sign.h"
#include "verify/sign_gcp.h"

char *kh_base64url(const void *data, size_t len)
{
	static const char tab[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
	const uint8_t *p = data;
	char *out = kh_malloc(len / 3 * 4 + 5), *o = out;
	size_t i = 0;
	for (; i + 3 <= len; i += 3) {
		uint32_t v = (uint32_t)p[i] << 16 | (uint32_t)p[i + 1] << 8 | p[i + 2];
		*o++ = tab[v >> 18];
		*o++ = tab[(v >> 12) & 63];
		*o++ = tab[(v >> 6) & 63];
		*o++ = tab[v & 63];
	}
	if (len - i == 1) {
		*o++ = tab[p[i] >> 2];
		*o++ = tab[(p[i] & 3) << 4];
	} else if (len - i == 2) {
		*o++ = tab[p[i] >> 2];
		*o++ = tab[((p[i] & 3) << 4) | (p[i + 1] >> 4)];
		*o++ = tab[(p[i + 1] & 15) << 2];
	}
	*o = '\0';
	return out;
}

void kh_gcp_key_free(kh_gcp_key *key)
{
	if (!key)
		return;
	free(key->client_email);
	free(key->private_key_id);
	if (key->private_key) {
		memset(key->private_key, 0, strlen(key->private_key));
		free(key->private_key);
	}
	free(key);
}

static bool printable(const char *s)
{
	for (; *s; s++)
		if ((unsigned char)*s < 0x20 || *s == 0x7f)
			return false;
	return true;
}

static int check_email(const char *email)
{
	if (!email || !*email || strlen(email) > KH_GCP_MAX_EMAIL || !printable(email) ||
	    !strchr(email, '@'))
		return kh_error(KEYHOUND_EINVAL, "service account key: client_email is not an address");
	return 0;
}

static int check_pem(const char *pem)
{
	if (!pem || strlen(pem) > KH_GCP_MAX_PEM)
		return kh_error(KEYHOUND_EINVAL, "service account key: private_key longer than %d bytes",
				KH_GCP_MAX_PEM);
	if (!strstr(pem, "-----BEGIN ") || !strstr(pem, "PRIVATE KEY-----"))
		return kh_error(KEYHOUND_EINVAL, "service account key: private_key is not a PEM key");
	return 0;
}

int kh_gcp_key_parse(kh_gcp_key **out, const char *json, size_t len)
{
	json_t *root = NULL;
	kh_gcp_key *key = NULL;
	int error = 0;
	*out = NULL;
	if (len > KH_GCP_MAX_JSON)
		return kh_error(KEYHOUND_EINVAL, "service account key: larger than %d bytes",
				KH_GCP_MAX_JSON);
	json_error_t jerr;
	if (!(root = json_loadb(json, len, JSON_REJECT_DUPLICATES, &jerr)) || !json_is_object(root)) {
		error = kh_error(KEYHOUND_EINVAL, "service account key: not a JSON object (line %d)",
				 root ? 1 : jerr.line);
		goto done;
	}
	const char *type = json_string_value(json_object_get(root, "type"));
	if (!type || strcmp(type, "service_account")) {
		error = kh_error(KEYHOUND_EINVAL, "service account key: type is not service_account");
		goto done;
	}
	const char *email = json_string_value(json_object_get(root, "client_email"));
	const char *pem = json_string_value(json_object_get(root, "private_key"));
	json_t *kid = json_object_get(root, "private_key_id");
	if ((error = check_email(email)) < 0 || (error = check_pem(pem)) < 0)
		goto done;
	if (kid && (!json_is_string(kid) || strlen(json_string_value(kid)) > 128 ||
		    !printable(json_string_value(kid)))) {
		error = kh_error(KEYHOUND_EINVAL, "service account key: private_key_id is not a short string");
		goto done;
	}
	key = kh_calloc(1, sizeof(*key));
	key->client_email = kh_strdup(email);
	key->private_key = kh_strdup(pem);
	key->private_key_id = kid ? kh_strdup(json_string_value(kid)) : NULL;
	*out = key;
done:
	json_decref(root);
	return error;
}

/* the PEM as a rule captured it from the file: JSON's \n (and \r, \/) escapes decoded */
static int unescape_pem(char **out, const char *pem)
{
	size_t n = strlen(pem);
	char *s = kh_malloc(n + 1), *o = s;
	for (const char *p = pem; *p; p++) {
		if (*p != '\\') {
			*o++ = *p;
			continue;
		}
		switch (*++p) {
		case 'n':
			*o++ = '\n';
			break;
		case 'r':
			break;
		case '/':
			*o++ = '/';
			break;
		default:
			free(s);
			return kh_error(KEYHOUND_EINVAL, "service account key: unexpected escape in private_key");
		}
	}
	*o = '\0';
	*out = s;
	return 0;
}

int kh_gcp_key_from_parts(kh_gcp_key **out, const char *client_email,
			  const char *private_key_id, const char *pem)
{
	char *plain = NULL;
	int error;
	*out = NULL;
	if ((error = check_email(client_email)) < 0 || (error = check_pem(pem)) < 0)
		return error;
	if (private_key_id && (strlen(private_key_id) > 128 || !printable(private_key_id)))
		return kh_error(KEYHOUND_EINVAL, "service account key: private_key_id is not a short string");
	if ((error = unescape_pem(&plain, pem)) < 0)
		return error;
	kh_gcp_key *key = kh_calloc(1, sizeof(*key));
	key->client_email = kh_strdup(client_email);
	key->private_key_id = kh_strdup(private_key_id);
	key->private_key = plain;
	*out = key;
	return 0;
}

/* never prompt on the terminal for an encrypted key's passphrase: refuse it */
static int no_passphrase(char *buf, int size, int rwflag, void *u)
{
	return -1;
}

static int rs256(uint8_t **sig, size_t *sig_len, const char *pem, const char *data)
{
	BIO *bio = NULL;
	EVP_PKEY *pk = NULL;
	EVP_MD_CTX *ctx = NULL;
	int error;
	*sig = NULL;
	if ((error = kh_dl_require(KH_DL_CRYPTO)) < 0)
		return error;
	if (!(bio = BIO_new_mem_buf(pem, (int)strlen(pem))) ||
	    !(pk = PEM_read_bio_PrivateKey(bio, NULL, no_passphrase, NULL))) {
		error = kh_error(KEYHOUND_EINVAL, "service account key: private_key does not parse");
		goto done;
	}
	if (EVP_PKEY_get_base_id(pk) != EVP_PKEY_RSA) {
		error = kh_error(KEYHOUND_EINVAL, "service account key: private_key is not RSA");
		goto done;
	}
	if (!(ctx = EVP_MD_CTX_new()) || EVP_DigestSignInit(ctx, NULL, EVP_sha256(), NULL, pk) != 1 ||
	    EVP_DigestSign(ctx, NULL, sig_len, (const unsigned char *)data, strlen(data)) != 1) {
		error = kh_error(KEYHOUND_EINVAL, "service account key: RS256 signing failed");
		goto done;
	}
	*sig = kh_malloc(*sig_len);
	if (EVP_DigestSign(ctx, *sig, sig_len, (const unsigned char *)data, strlen(data)) != 1) {
		free(*sig);
		*sig = NULL;
		error = kh_error(KEYHOUND_EINVAL, "service account key: RS256 signing failed");
	}
done:
	EVP_MD_CTX_free(ctx);
	EVP_PKEY_free(pk);
	BIO_free(bio);
	ERR_clear_error(); /* OpenSSL's queue is per thread: leave none behind for libcurl */
	return error;
}

static char *b64_json(json_t *obj)
{
	char *text = json_dumps(obj, JSON_COMPACT | JSON_PRESERVE_ORDER);
	char *b = kh_base64url(text, strlen(text));
	free(text);
	json_decref(obj);
	return b;
}

int kh_gcp_jwt(char **out, const kh_gcp_key *key, const char *scope, time_t now)
{
	uint8_t *sig = NULL;
	size_t sig_len = 0;
	int error;
	*out = NULL;
	json_t *head = json_pack("{s:s,s:s}", "alg", "RS256", "typ", "JWT");
	if (key->private_key_id)
		json_object_set_new(head, "kid", json_string(key->private_key_id));
	json_t *claims = json_pack("{s:s,s:s,s:s,s:I,s:I}", "iss", key->client_email, "scope", scope,
				   "aud", KH_GCP_TOKEN_AUD, "iat", (json_int_t)now, "exp",
				   (json_int_t)now + 3600);
	if (!head || !claims) {
		json_decref(head);
		json_decref(claims);
		return kh_error(KEYHOUND_EINVAL, "service account key: client_email is not UTF-8");
	}
	char *h = b64_json(head), *c = b64_json(claims);
	char *signing_input = kh_sprintf("%s.%s", h, c);
	if ((error = rs256(&sig, &sig_len, key->private_key, signing_input)) < 0)
		goto done;
	char *s = kh_base64url(sig, sig_len);
	*out = kh_sprintf("%s.%s", signing_input, s);
	free(s);
done:
	free(h);
	free(c);
	free(signing_input);
	free(sig);
	return error;
}

char *kh_gcp_token_body(const char *jwt)
{
	/* the JWT is base64url and dots: nothing in it needs percent-encoding */
	return kh_sprintf("grant_type=urn%%3Aietf%%3Aparams%%3Aoauth%%3Agrant-type%%3Ajwt-bearer"
			  "&assertion=%s", jwt);
}

/* The signer rules name as `sign: gcp-jwt` (verify/sign.h): the request's body becomes
 * the token exchange's form, with an assertion signed by the key found (the finding's
 * secret, or the part named private_key) for the part named client_email. */
int kh_sign_gcp_jwt(kh_verify_request *req, const kh_verify_vars *vars, time_t now)
{
	const char *pem = kh_verify_var(vars, "private_key");
	kh_gcp_key *key = NULL;
	char *jwt = NULL, *body = NULL;
	int error;
	if (!pem)
		pem = kh_verify_var(vars, "secret");
	if ((error = kh_gcp_key_from_parts(&key, kh_verify_var(vars, "client_email"),
					   kh_verify_var(vars, "private_key_id"), pem ? pem : "")) < 0 ||
	    (error = kh_gcp_jwt(&jwt, key, KH_GCP_SCOPE, now)) < 0)
		goto done;
	body = kh_gcp_token_body(jwt);
	kh_verify_request_set_body(req, body, strlen(body));
	kh_verify_request_set_header(req, "Content-Type", "application/x-www-form-urlencoded");
done:
	if (body) {
		memset(body, 0, strlen(body));
		free(body);
	}
	free(jwt);
	kh_gcp_key_free(key);
	return error;
}
