/* SPDX-License-Identifier: Apache-2.0 */
/* The signers --verify uses (scanner/verify/sign_aws.c, sign_gcp.c): AWS SigV4 against
 * AWS's documented examples and against botocore's signatures of fresh random keys;
 * Google service-account JWTs checked by `openssl dgst -verify` on keys made here. */
#include <jansson.h>
#include <strings.h>
#include <time.h>

#include "kh_test.h"
#include "verify/sign.h"
#include "verify/sign_aws.h"
#include "verify/sign_azure.h"
#include "verify/sign_gcp.h"

/* ---- AWS ---- */

/* The derived-key example of AWS's SigV4 documentation ("Examples of how to derive a
 * signing key for Signature Version 4"): secret wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY,
 * 20120215, us-east-1, iam. */
static void test_aws_documented_signing_key(void **state)
{
	uint8_t k[32];
	char hex[65];
	assert_int_equal(kh_sigv4_signing_key(k, "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY",
					      "20120215", "us-east-1", "iam"), 0);
	kh_hex(k, 32, hex);
	assert_string_equal(hex, "f4780e2d9f65fa895f9c67b32ce1baf0b0d8a43505a000a1a9e090d414db404d");
}

/* get-vanilla of AWS's Signature Version 4 test suite: GET / to example.amazonaws.com at
 * 20150830T123600Z, key AKIDEXAMPLE, region us-east-1, service "service". */
static void test_aws_get_vanilla(void **state)
{
	kh_sigv4_request req = {.method = "GET", .host = "example.amazonaws.com", .path = "/",
				.query = "", .region = "us-east-1", .service = "service",
				.when = 1440938160};
	char *auth, date[17];
	assert_int_equal(kh_sigv4_sign(&auth, date, &req, "AKIDEXAMPLE",
				       "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY"), 0);
	assert_string_equal(date, "20150830T123600Z");
	assert_string_equal(auth,
		"AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/service/aws4_request, "
		"SignedHeaders=host;x-amz-date, "
		"Signature=5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31");
	free(auth);
}

static json_t *botocore_vectors(void)
{
	char cmd[4200];
	snprintf(cmd, sizeof(cmd), "python3 %s/tests/verify/sigv4_botocore.py", getenv("KH_SOURCE_DIR"));
	FILE *p = popen(cmd, "r");
	assert_non_null(p);
	json_t *all = json_array();
	char line[8192];
	while (fgets(line, sizeof(line), p)) {
		json_t *v = json_loads(line, 0, NULL);
		assert_non_null(v);
		json_array_append_new(all, v);
	}
	int rc = pclose(p);
	if (WIFEXITED(rc) && WEXITSTATUS(rc) == 77) {
		json_decref(all);
		return NULL;
	}
	assert_int_equal(rc, 0);
	return all;
}

static const char *s(json_t *o, const char *k) { return json_string_value(json_object_get(o, k)); }

/* every botocore vector (random keys, STS with and without a session token, an unsorted
 * query, a header value with runs of spaces) signs to botocore's Authorization */
static void test_aws_matches_botocore(void **state)
{
	json_t *all = botocore_vectors(), *v;
	if (!all)
		skip(); /* python3-botocore is not installed */
	size_t i;
	assert_true(json_array_size(all) >= 4);
	json_array_foreach(all, i, v) {
		kh_sigv4_header h[4];
		size_t n = 0, j;
		json_t *pair;
		json_array_foreach(json_object_get(v, "headers"), j, pair)
			h[n++] = (kh_sigv4_header){json_string_value(json_array_get(pair, 0)),
						   json_string_value(json_array_get(pair, 1))};
		if (s(v, "token"))
			h[n++] = (kh_sigv4_header){"X-Amz-Security-Token", s(v, "token")};
		kh_sigv4_request req = {
			.method = s(v, "method"), .host = s(v, "host"), .path = s(v, "path"),
			.query = s(v, "query"), .headers = h, .n_headers = n, .body = s(v, "body"),
			.body_len = strlen(s(v, "body")), .region = s(v, "region"),
			.service = s(v, "service"),
			.when = (time_t)json_integer_value(json_object_get(v, "when"))};
		char *auth, date[17];
		assert_int_equal(kh_sigv4_sign(&auth, date, &req, s(v, "key_id"), s(v, "secret")), 0);
		assert_string_equal(date, s(v, "amz_date"));
		assert_string_equal(auth, s(v, "authorization"));
		free(auth);
		/* the STS helper sends exactly what botocore signs for GetCallerIdentity */
		if (!strcmp(s(v, "service"), "sts")) {
			kh_aws_sts_request *r;
			assert_int_equal(kh_aws_sts_request_new(&r, s(v, "key_id"), s(v, "secret"),
								s(v, "token"), req.when), 0);
			assert_string_equal(r->authorization, s(v, "authorization"));
			assert_string_equal(r->body, s(v, "body"));
			assert_string_equal(r->host, "sts.amazonaws.com");
			kh_aws_sts_request_free(r);
		}
	}
	json_decref(all);
}

static const char *req_header(const kh_verify_request *r, const char *name)
{
	for (size_t i = 0; i < r->n_headers; i++)
		if (!strcasecmp(r->headers[i].name, name))
			return r->headers[i].value;
	return NULL;
}

/* the signer a rule names (sign: aws-sigv4) completes the request its templates built,
 * to the header botocore signs for the same request */
static void test_aws_signer_for_rules(void **state)
{
	json_t *all = botocore_vectors();
	if (!all)
		skip();
	json_t *v = json_array_get(all, 0); /* STS GetCallerIdentity, no session token */
	assert_string_equal(s(v, "service"), "sts");
	kh_verify_request req = {.method = kh_strdup("POST"), .host = kh_strdup("sts.amazonaws.com"),
				 .path = kh_strdup("/")};
	kh_verify_request_set_header(&req, "Content-Type", KH_AWS_STS_CONTENT_TYPE);
	kh_verify_request_set_body(&req, KH_AWS_STS_BODY, strlen(KH_AWS_STS_BODY));
	/* the finding is the secret key; its key id is the part named key_id */
	const char *names[] = {"secret", "key_id"};
	const char *values[] = {s(v, "secret"), s(v, "key_id")};
	kh_verify_vars vars = {names, values, 2};
	assert_int_equal(kh_sign_aws_sigv4(&req, &vars, (time_t)json_integer_value(json_object_get(v, "when"))), 0);
	assert_string_equal(req_header(&req, "Authorization"), s(v, "authorization"));
	assert_string_equal(req_header(&req, "X-Amz-Date"), s(v, "amz_date"));
	/* the other way round: the finding is the key id, the secret the part */
	const char *names2[] = {"secret", "secret_key"};
	const char *values2[] = {s(v, "key_id"), s(v, "secret")};
	kh_verify_vars vars2 = {names2, values2, 2};
	assert_int_equal(kh_sign_aws_sigv4(&req, &vars2, (time_t)json_integer_value(json_object_get(v, "when"))), 0);
	assert_string_equal(req_header(&req, "Authorization"), s(v, "authorization"));
	/* a regional endpoint signs for its region; a host outside amazonaws.com is refused */
	free(req.host);
	req.host = kh_strdup("sts.eu-west-1.amazonaws.com");
	assert_int_equal(kh_sign_aws_sigv4(&req, &vars, 1440938160), 0);
	assert_non_null(strstr(req_header(&req, "Authorization"), "/20150830/eu-west-1/sts/aws4_request"));
	free(req.host);
	req.host = kh_strdup("sts.amazonaws.com.evil.example");
	assert_int_equal(kh_sign_aws_sigv4(&req, &vars, 1440938160), KEYHOUND_EINVAL);
	/* one part missing: an error naming what is missing, nothing signed */
	kh_verify_vars one = {names, values, 1};
	assert_int_equal(kh_sign_aws_sigv4(&req, &one, 1440938160), KEYHOUND_EINVAL);
	kh_verify_request_clear(&req);
	json_decref(all);
}

static void test_aws_bad_requests(void **state)
{
	char *auth = (char *)1, date[17];
	kh_sigv4_header dup[] = {{"X-Amz-Date", "20150830T123600Z"}};
	kh_sigv4_request req = {.method = "GET", .host = "example.amazonaws.com", .path = "/",
				.headers = dup, .n_headers = 1, .region = "us-east-1",
				.service = "service", .when = 1440938160};
	assert_int_equal(kh_sigv4_sign(&auth, date, &req, "AKIDEXAMPLE", "x"), KEYHOUND_EINVAL);
	assert_null(auth);
	kh_sigv4_header split[] = {{"X-Note", "a\r\nHost: evil.example"}};
	req.headers = split;
	assert_int_equal(kh_sigv4_sign(&auth, date, &req, "AKIDEXAMPLE", "x"), KEYHOUND_EINVAL);
	kh_sigv4_header badname[] = {{"X Note", "a"}};
	req.headers = badname;
	assert_int_equal(kh_sigv4_sign(&auth, date, &req, "AKIDEXAMPLE", "x"), KEYHOUND_EINVAL);
	kh_sigv4_header many[17];
	for (int i = 0; i < 17; i++)
		many[i] = (kh_sigv4_header){"x-a", "b"};
	req.headers = many;
	req.n_headers = 17;
	assert_int_equal(kh_sigv4_sign(&auth, date, &req, "AKIDEXAMPLE", "x"), KEYHOUND_EINVAL);
}

/* ---- Google service accounts ---- */

typedef struct {
	char *dir;
	char *pem;  /* the RSA private key made for this run */
} gcp_fixture;

static char *slurp(const char *path)
{
	FILE *f = fopen(path, "rb");
	assert_non_null(f);
	kh_buf b = {0};
	char chunk[4096];
	size_t n;
	while ((n = fread(chunk, 1, sizeof(chunk), f)) > 0)
		kh_buf_put(&b, chunk, n);
	fclose(f);
	kh_buf_putc(&b, '\0');
	return kh_buf_detach(&b);
}

static int run(const char *fmt, const char *dir)
{
	char cmd[8192];
	snprintf(cmd, sizeof(cmd), fmt, dir, dir, dir, dir);
	return system(cmd);
}

static int gcp_setup(void **state)
{
	gcp_fixture *f = calloc(1, sizeof(*f));
	f->dir = kt_tmpdir();
	if (run("cd %s && openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out key.pem 2>/dev/null"
		" && openssl pkey -in key.pem -pubout -out pub.pem"
		" && openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out other.pem 2>/dev/null"
		" && openssl pkey -in other.pem -pubout -out otherpub.pem", f->dir))
		return -1;
	char path[4200];
	snprintf(path, sizeof(path), "%s/key.pem", f->dir);
	f->pem = slurp(path);
	*state = f;
	return 0;
}

static int gcp_teardown(void **state)
{
	gcp_fixture *f = *state;
	kt_rmrf(f->dir);
	free(f->dir);
	free(f->pem);
	free(f);
	return 0;
}

static char *key_json(const char *pem, const char *email)
{
	json_t *o = json_pack("{s:s,s:s,s:s,s:s,s:s,s:s}", "type", "service_account", "project_id",
			      "acme-prod-4821", "private_key_id", "1b2c3d4e5f60718293a4b5c6d7e8f90112233445",
			      "private_key", pem, "client_email", email, "token_uri",
			      "https://attacker.example/token");
	char *text = json_dumps(o, JSON_INDENT(2));
	json_decref(o);
	return text;
}

static uint8_t *unbase64url(const char *s, size_t n, size_t *out_len)
{
	uint8_t *out = kh_malloc(n + 1);
	size_t o = 0;
	uint32_t acc = 0;
	int bits = 0;
	for (size_t i = 0; i < n; i++) {
		const char *tab = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
		const char *p = strchr(tab, s[i]);
		assert_non_null(p);
		acc = acc << 6 | (uint32_t)(p - tab);
		if ((bits += 6) >= 8) {
			bits -= 8;
			out[o++] = (uint8_t)(acc >> bits);
		}
	}
	out[o] = '\0';
	*out_len = o;
	return out;
}

static void write_file(const char *dir, const char *name, const void *data, size_t n)
{
	char path[4200];
	snprintf(path, sizeof(path), "%s/%s", dir, name);
	FILE *f = fopen(path, "wb");
	assert_non_null(f);
	assert_int_equal(fwrite(data, 1, n, f), n);
	fclose(f);
}

/* openssl's verdict on the JWT's signature with the named public key */
static int openssl_verifies(const char *dir, const char *jwt, const char *pub)
{
	const char *dot2 = strrchr(jwt, '.');
	size_t sig_len;
	uint8_t *sig = unbase64url(dot2 + 1, strlen(dot2 + 1), &sig_len);
	write_file(dir, "input", jwt, (size_t)(dot2 - jwt));
	write_file(dir, "sig", sig, sig_len);
	free(sig);
	char cmd[8400];
	snprintf(cmd, sizeof(cmd), "cd %s && openssl dgst -sha256 -verify %s -signature sig input >/dev/null 2>&1",
		 dir, pub);
	return system(cmd) == 0;
}

static json_t *jwt_part(const char *jwt, int index)
{
	const char *p = jwt;
	for (int i = 0; i < index; i++)
		p = strchr(p, '.') + 1;
	size_t n = strcspn(p, "."), len;
	uint8_t *raw = unbase64url(p, n, &len);
	json_t *o = json_loadb((const char *)raw, len, 0, NULL);
	free(raw);
	assert_non_null(o);
	return o;
}

static void test_gcp_jwt_verifies_with_openssl(void **state)
{
	gcp_fixture *f = *state;
	char *text = key_json(f->pem, "ci@acme-prod-4821.iam.gserviceaccount.com");
	kh_gcp_key *key;
	assert_int_equal(kh_gcp_key_parse(&key, text, strlen(text)), 0);
	char *jwt;
	assert_int_equal(kh_gcp_jwt(&jwt, key, KH_GCP_SCOPE, 1764770000), 0);
	assert_true(openssl_verifies(f->dir, jwt, "pub.pem"));
	assert_false(openssl_verifies(f->dir, jwt, "otherpub.pem"));
	json_t *h = jwt_part(jwt, 0), *c = jwt_part(jwt, 1);
	assert_string_equal(s(h, "alg"), "RS256");
	assert_string_equal(s(h, "kid"), "1b2c3d4e5f60718293a4b5c6d7e8f90112233445");
	assert_string_equal(s(c, "iss"), "ci@acme-prod-4821.iam.gserviceaccount.com");
	/* the file's token_uri names another host: the assertion still goes to Google */
	assert_string_equal(s(c, "aud"), "https://oauth2.googleapis.com/token");
	assert_string_equal(s(c, "scope"), KH_GCP_SCOPE);
	assert_int_equal(json_integer_value(json_object_get(c, "iat")), 1764770000);
	assert_int_equal(json_integer_value(json_object_get(c, "exp")), 1764770000 + 3600);
	char *body = kh_gcp_token_body(jwt);
	const char *prefix = "grant_type=urn%3Aietf%3Aparams%3Aoauth%3Agrant-type%3Ajwt-bearer&assertion=";
	assert_true(!strncmp(body, prefix, strlen(prefix)));
	assert_string_equal(body + strlen(prefix), jwt);
	free(body);
	json_decref(h);
	json_decref(c);
	free(jwt);
	kh_gcp_key_free(key);
	free(text);
}

/* the parts a rule captures: the PEM with the file's \n escapes, the nearest client_email */
static void test_gcp_from_parts(void **state)
{
	gcp_fixture *f = *state;
	kh_buf b = {0};
	for (const char *p = f->pem; *p; p++)
		if (*p == '\n')
			kh_buf_puts(&b, "\\n");
		else
			kh_buf_putc(&b, *p);
	kh_buf_putc(&b, '\0');
	kh_gcp_key *key;
	assert_int_equal(kh_gcp_key_from_parts(&key, "a@b.iam.gserviceaccount.com", NULL, b.buf), 0);
	assert_string_equal(key->private_key, f->pem);
	char *jwt;
	assert_int_equal(kh_gcp_jwt(&jwt, key, KH_GCP_SCOPE, 1764770000), 0);
	assert_true(openssl_verifies(f->dir, jwt, "pub.pem"));
	json_t *h = jwt_part(jwt, 0);
	assert_null(json_object_get(h, "kid"));
	json_decref(h);
	free(jwt);
	kh_gcp_key_free(key);
	assert_int_equal(kh_gcp_key_from_parts(&key, "a@b", NULL, "-----BEGIN PRIVATE KEY-----\\tx"),
			 KEYHOUND_EINVAL);
	assert_null(key);
	kh_buf_free(&b);
}

static void expect_parse_error(const char *text, size_t len, const char *message_part)
{
	kh_gcp_key *key = (kh_gcp_key *)1;
	assert_int_equal(kh_gcp_key_parse(&key, text, len), KEYHOUND_EINVAL);
	assert_null(key);
	if (!strstr(keyhound_last_error(), message_part))
		fail_msg("error '%s' does not name '%s'", keyhound_last_error(), message_part);
}

static void test_gcp_bad_files(void **state)
{
	gcp_fixture *f = *state;
	expect_parse_error("{\"type\": ", 9, "not a JSON object");
	expect_parse_error("[]", 2, "not a JSON object");
	expect_parse_error("{\"type\":\"authorized_user\"}", 26, "type");
	char *t = key_json(f->pem, "no-at-sign");
	expect_parse_error(t, strlen(t), "client_email");
	free(t);
	t = key_json("MIIE...", "a@b.c");
	expect_parse_error(t, strlen(t), "private_key");
	free(t);
	/* the size limits: a file over 64 KiB, a private_key over 16 KiB */
	char *big = kh_malloc(KH_GCP_MAX_JSON + 2);
	memset(big, ' ', KH_GCP_MAX_JSON + 1);
	big[0] = '{';
	big[KH_GCP_MAX_JSON] = '}';
	big[KH_GCP_MAX_JSON + 1] = '\0';
	expect_parse_error(big, KH_GCP_MAX_JSON + 1, "larger than");
	char *pem = kh_malloc(KH_GCP_MAX_PEM + 64);
	snprintf(pem, KH_GCP_MAX_PEM + 64, "-----BEGIN PRIVATE KEY-----\n%0*d\n-----END PRIVATE KEY-----\n",
		 KH_GCP_MAX_PEM, 0);
	t = key_json(pem, "a@b.c");
	expect_parse_error(t, strlen(t), "longer than");
	free(t);
	free(pem);
	free(big);
	/* one byte under the file limit still parses */
	t = key_json(f->pem, "a@b.c");
	kh_gcp_key *key;
	assert_int_equal(kh_gcp_key_parse(&key, t, strlen(t)), 0);
	kh_gcp_key_free(key);
	free(t);
}

/* an encrypted key is refused without a passphrase prompt; an EC key is not RS256 */
static void test_gcp_unusable_keys(void **state)
{
	gcp_fixture *f = *state;
	assert_int_equal(run("cd %s && openssl pkey -in key.pem -aes256 -passout pass:x -out enc.pem"
			     " && openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-256 -out ec.pem", f->dir), 0);
	const char *names[] = {"enc.pem", "ec.pem"};
	const char *why[] = {"does not parse", "not RSA"};
	for (int i = 0; i < 2; i++) {
		char path[4200];
		snprintf(path, sizeof(path), "%s/%s", f->dir, names[i]);
		char *pem = slurp(path);
		kh_gcp_key *key;
		assert_int_equal(kh_gcp_key_from_parts(&key, "a@b.c", NULL, pem), 0);
		char *jwt = (char *)1;
		assert_int_equal(kh_gcp_jwt(&jwt, key, KH_GCP_SCOPE, 1764770000), KEYHOUND_EINVAL);
		assert_null(jwt);
		assert_non_null(strstr(keyhound_last_error(), why[i]));
		kh_gcp_key_free(key);
		free(pem);
	}
}

/* the signer a rule names (sign: gcp-jwt): the PEM as captured from the file, the part
 * named client_email; the body becomes the token exchange with an assertion openssl accepts */
static void test_gcp_signer_for_rules(void **state)
{
	gcp_fixture *f = *state;
	kh_buf esc = {0};
	for (const char *p = f->pem; *p; p++)
		*p == '\n' ? kh_buf_puts(&esc, "\\n") : kh_buf_putc(&esc, *p);
	kh_buf_putc(&esc, '\0');
	kh_verify_request req = {.method = kh_strdup("POST"), .host = kh_strdup(KH_GCP_TOKEN_HOST),
				 .path = kh_strdup(KH_GCP_TOKEN_PATH)};
	const char *names[] = {"secret", "client_email"};
	const char *values[] = {esc.buf, "ci@acme-prod-4821.iam.gserviceaccount.com"};
	kh_verify_vars vars = {names, values, 2};
	assert_int_equal(kh_sign_gcp_jwt(&req, &vars, 1764770000), 0);
	const char *prefix = "grant_type=urn%3Aietf%3Aparams%3Aoauth%3Agrant-type%3Ajwt-bearer&assertion=";
	assert_true(!strncmp(req.body, prefix, strlen(prefix)));
	assert_true(openssl_verifies(f->dir, req.body + strlen(prefix), "pub.pem"));
	assert_string_equal(req_header(&req, "Content-Type"), "application/x-www-form-urlencoded");
	/* without client_email nothing is signed */
	kh_verify_vars one = {names, values, 1};
	assert_int_equal(kh_sign_gcp_jwt(&req, &one, 1764770000), KEYHOUND_EINVAL);
	kh_verify_request_clear(&req);
	kh_buf_free(&esc);
}

/* ---- Azure Storage ---- */

/* the fake provider's answer (tests/verify/fake_answer.py) to a signed request */
static int fake_status(const char *provider, const kh_verify_request *req)
{
	json_t *h = json_array();
	for (size_t i = 0; i < req->n_headers; i++)
		json_array_append_new(h, json_pack("[s,s]", req->headers[i].name, req->headers[i].value));
	json_t *r = json_pack("{s:s,s:s,s:s,s:o}", "method", req->method, "host", req->host, "path",
			      req->path, "headers", h);
	char path[4200], cmd[8600];
	snprintf(path, sizeof(path), "/tmp/kh-fake-req-%d.json", (int)getpid());
	assert_int_equal(json_dump_file(r, path, 0), 0);
	json_decref(r);
	snprintf(cmd, sizeof(cmd), "python3 %s/tests/verify/fake_answer.py %s < %s", getenv("KH_SOURCE_DIR"),
		 provider, path);
	FILE *p = popen(cmd, "r");
	int status = 0;
	assert_int_equal(fscanf(p, "%d", &status), 1);
	pclose(p);
	unlink(path);
	return status;
}

/* the string to sign as the Shared Key document lays it out (Blob service, version
 * 2015-02-21 and later), and a signature the fake Azure (which recomputes it from the key
 * it knows) accepts; the wrong key is refused */
static void test_azure_sharedkey(void **state)
{
	kh_verify_request req = {.method = kh_strdup("GET"), .host = kh_strdup("acmeprod.blob.core.windows.net"),
				 .path = kh_strdup("/?restype=service&comp=properties")};
	const char *names[] = {"secret"};
	/* the fake's live key for acmeprod (tests/verify/providers/azure.py) */
	FILE *p = popen("python3 -c \"import sys; sys.path.insert(0, sys.argv[1]); import azure; "
			"print(azure.LIVE['acmeprod'])\" $KH_SOURCE_DIR/tests/verify/providers", "r");
	char key[200] = "";
	assert_non_null(fgets(key, sizeof(key), p));
	pclose(p);
	key[strcspn(key, "\n")] = '\0';
	const char *values[] = {key};
	kh_verify_vars vars = {names, values, 1};
	assert_int_equal(kh_sign_azure_sharedkey(&req, &vars, 1440938160), 0);
	char *sts;
	assert_int_equal(kh_azure_string_to_sign(&sts, &req, "acmeprod"), 0);
	assert_string_equal(sts, "GET\n\n\n\n\n\n\n\n\n\n\n\n"
				 "x-ms-date:Sun, 30 Aug 2015 12:36:00 GMT\nx-ms-version:2021-08-06\n"
				 "/acmeprod/\ncomp:properties\nrestype:service");
	free(sts);
	assert_true(!strncmp(req_header(&req, "Authorization"), "SharedKey acmeprod:", 19));
	assert_int_equal(fake_status("azure", &req), 200);
	/* another key of the same shape: the fake refuses the signature */
	key[10] = key[10] == 'A' ? 'B' : 'A';
	assert_int_equal(kh_sign_azure_sharedkey(&req, &vars, 1440938160), 0);
	assert_int_equal(fake_status("azure", &req), 403);
	/* not base64: nothing is signed */
	values[0] = "not*base64";
	assert_int_equal(kh_sign_azure_sharedkey(&req, &vars, 1440938160), KEYHOUND_EINVAL);
	kh_verify_request_clear(&req);
}

/* ---- secrets that name their endpoint ---- */

static void test_mailchimp_signer(void **state)
{
	const char *names[] = {"secret"};
	const char *values[] = {"3f6b1c2d4e5f60718293a4b5c6d7e8f9-us21"};
	kh_verify_vars vars = {names, values, 1};
	kh_verify_request req = {.method = kh_strdup("GET"), .host = kh_strdup("us1.api.mailchimp.com"),
				 .path = kh_strdup("/3.0/")};
	assert_int_equal(kh_sign_mailchimp_dc(&req, &vars, 0), 0);
	assert_string_equal(req.host, "us21.api.mailchimp.com");
	const char *bad[] = {"3f6b1c2d4e5f60718293a4b5c6d7e8f9-eu1", "3f6b1c2d4e5f60718293a4b5c6d7e8f9-us",
			     "3f6b1c2d4e5f60718293a4b5c6d7e8f9-us123", "x-us1.evil.example", "nodash", "-"};
	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		values[0] = bad[i];
		assert_int_equal(kh_sign_mailchimp_dc(&req, &vars, 0), KEYHOUND_EINVAL);
		assert_string_equal(req.host, "us21.api.mailchimp.com");
	}
	kh_verify_request_clear(&req);
}

static void test_base64url(void **state)
{
	const char *cases[][2] = {{"", ""}, {"f", "Zg"}, {"fo", "Zm8"}, {"foo", "Zm9v"},
				  {"\xfb\xff", "-_8"}};
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		char *b = kh_base64url(cases[i][0], strlen(cases[i][0]));
		assert_string_equal(b, cases[i][1]);
		free(b);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_aws_documented_signing_key),
		cmocka_unit_test(test_aws_get_vanilla),
		cmocka_unit_test(test_aws_matches_botocore),
		cmocka_unit_test(test_aws_signer_for_rules),
		cmocka_unit_test(test_aws_bad_requests),
		cmocka_unit_test(test_azure_sharedkey),
		cmocka_unit_test(test_mailchimp_signer),
		cmocka_unit_test(test_base64url),
		cmocka_unit_test(test_gcp_jwt_verifies_with_openssl),
		cmocka_unit_test(test_gcp_from_parts),
		cmocka_unit_test(test_gcp_bad_files),
		cmocka_unit_test(test_gcp_unusable_keys),
		cmocka_unit_test(test_gcp_signer_for_rules),
	};
	/* the RSA keys are made once: key generation is most of this binary's time */
	return cmocka_run_group_tests(tests, gcp_setup, gcp_teardown);
}
