/* SPDX-License-Identifier: Apache-2.0 */
/* Secrets nobody needs to rotate, told by where they sit or what they say about
 * themselves: the keys a test suite or a sample ships with (a fixture folder),
 * values in manual pages, keys published in widely installed packages (an exact
 * list), tokens whose own expiry has passed (a JWT's "exp", an Azure SAS's "se="),
 * the access key id every AWS presigned URL carries, and a test account's
 * credentials in a test suite. */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "core/kh.h"
#include "filter/judge.h"

static bool component_is(const char *p, size_t n, const char *const *names, size_t count)
{
	for (size_t i = 0; i < count; i++)
		if (strlen(names[i]) == n && !strncasecmp(p, names[i], n))
			return true;
	return false;
}

/* Does a folder of the path (not its file name) have one of these names? Members
 * of an archive ("a.tar.gz!dir/file") are paths too. */
static bool in_folder_named(const char *path, const char *const *names, size_t count)
{
	const char *p = path;
	if (!p)
		return false;
	while (*p) {
		size_t n = strcspn(p, "/!");
		if (p[n] && component_is(p, n, names, count))
			return true;
		p += n;
		if (*p)
			p++;
	}
	return false;
}

/* Test suites and samples ship the TLS keys and keystores they run with. */
bool kh_in_fixture_folder(const char *path)
{
	static const char *const dirs[] = {
		"test", "tests", "testdata", "test-data", "test_data", "testing", "unittest",
		"unittests", "fixtures", "fixture", "__fixtures__", "__tests__", "certdata",
		"testcerts", "test-certs", "test_certs", "examples", "example", "samples", "sample",
		"templates",
	};
	return in_folder_named(path, dirs, sizeof(dirs) / sizeof(*dirs));
}

/* A manual page (man/man5/x.5, man/man1/x.1.gz!x.1): its values are examples. */
bool kh_in_man_page(const char *path)
{
	for (const char *p = path; p && (p = strstr(p, "man/man")) != NULL; p++)
		if ((p == path || p[-1] == '/' || p[-1] == '!') && isdigit((unsigned char)p[7]))
			return true;
	return false;
}

/* Rules whose finding is key material a test suite may ship: PEM and PuTTY keys,
 * key files and keystores named by path. */
static bool is_key_rule(const kh_rule *r)
{
	return !strncmp(r->id, "private-key", 11) || !strcmp(r->id, "ssh-private-key-file") ||
	       !strcmp(r->id, "keystore-file") || !strcmp(r->id, "gnupg-private-key-file");
}

/* Private keys published inside widely installed packages: SHA-256 (hex) of the
 * key block's base64 alphabet characters (headers and line breaks dropped), each
 * with where it is published. Anyone can download them: they protect nothing. */
static bool is_published_key(const char *s, size_t n)
{
	static const char *const digests[] = {
		/* moto 5.x (PyPI), moto/moto_proxy/ca.key: the mock proxy's CA */
		"6e51c4cdfd447036940c5aea9334b17c390001dcd001d88eb006d847e58706d8",
		/* moto 5.x (PyPI), moto/moto_proxy/cert.key */
		"6a178ed4c916f491dfc7406926c14185bb613bf166ef2be518b074085d5f3898",
	};
	kh_sha256_ctx c;
	uint8_t h[32];
	char hex[65];
	if (n < 64 || strncmp(s, "-----BEGIN", 10))
		return false;
	kh_sha256_init(&c);
	for (size_t i = 0; i < n; i++)
		if (isalnum((unsigned char)s[i]) || s[i] == '+' || s[i] == '/' || s[i] == '=')
			kh_sha256_update(&c, s + i, 1);
	kh_sha256_final(&c, h);
	kh_hex(h, 32, hex);
	for (size_t i = 0; i < sizeof(digests) / sizeof(*digests); i++)
		if (!strcmp(hex, digests[i]))
			return true;
	return false;
}

/* Days since 1970-01-01 of a civil date (proleptic Gregorian). */
static long days_from_civil(long y, long m, long d)
{
	y -= m <= 2;
	long era = (y >= 0 ? y : y - 399) / 400;
	long yoe = y - era * 400;
	long doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + doe - 719468;
}

/* A JWT whose "exp" (RFC 7519, 4.1.4) has passed is refused by whoever issued it. */
static bool jwt_expired(const char *s, size_t n, time_t now)
{
	const char *dot1 = memchr(s, '.', n), *dot2;
	if (n < 20 || strncmp(s, "eyJ", 3) || !dot1)
		return false;
	dot2 = memchr(dot1 + 1, '.', n - (size_t)(dot1 + 1 - s));
	if (!dot2 || dot2 - dot1 - 1 < 4 || dot2 - dot1 - 1 > 8192)
		return false;
	size_t pn = (size_t)(dot2 - dot1 - 1);
	unsigned char *payload = kh_malloc(pn + 1);
	/* a JWT's parts are base64url (RFC 7515, 2) */
	long got = kh_base64_decode((const unsigned char *)dot1 + 1, pn, payload);
	bool expired = false;
	if (got > 0) {
		payload[got] = '\0';
		const char *e = memmem(payload, (size_t)got, "\"exp\"", 5);
		if (e) {
			e += 5;
			while (*e == ' ' || *e == ':')
				e++;
			if (isdigit((unsigned char)*e)) {
				char *end;
				long long exp = strtoll(e, &end, 10);
				expired = exp > 0 && exp < (long long)now;
			}
		}
	}
	free(payload);
	return expired;
}

/* The URL or query string around [s0, s1): up to whitespace, a quote or markup. */
static void token_around(const unsigned char *d, size_t len, size_t s0, size_t s1, size_t *a, size_t *b)
{
	size_t i = s0, j = s1;
	while (i > 0 && s0 - i < 2048 && !strchr(" \t\r\n\"'<>`", d[i - 1]))
		i--;
	while (j < len && j - s1 < 2048 && !strchr(" \t\r\n\"'<>`", d[j]))
		j++;
	*a = i;
	*b = j;
}

/* An Azure SAS carries its own expiry: "se=2023-12-20T22:54:52Z" (or the
 * percent-encoded form). Past it, the signature opens nothing. */
static bool sas_expired(const unsigned char *d, size_t len, size_t s0, size_t s1, time_t now)
{
	size_t a, b;
	token_around(d, len, s0, s1, &a, &b);
	for (size_t i = a; i + 13 <= b; i++) {
		if (d[i] != 's' || d[i + 1] != 'e' || d[i + 2] != '=' ||
		    (i > a && d[i - 1] != '&' && d[i - 1] != '?' && d[i - 1] != ';'))
			continue;
		const unsigned char *v = d + i + 3;
		int digits[8], k = 0;
		for (size_t q = 0; q < 10 && k < 8; q++) {
			if (isdigit(v[q]))
				digits[k++] = v[q] - '0';
			else if (v[q] != '-' || (q != 4 && q != 7))
				break;
		}
		if (k != 8)
			return false;
		long y = digits[0] * 1000 + digits[1] * 100 + digits[2] * 10 + digits[3];
		long m = digits[4] * 10 + digits[5], day = digits[6] * 10 + digits[7];
		if (m < 1 || m > 12 || day < 1 || day > 31)
			return false;
		/* a day's grace for the time of day and time zones */
		return days_from_civil(y, m, day) + 1 < (long)(now / 86400);
	}
	return false;
}

/* Every presigned S3 URL names its access key id (X-Amz-Credential=AKIA...%2F
 * date/region/s3/aws4_request); the signature beside it expires within 7 days. */
static bool presigned_credential(const unsigned char *d, size_t s0)
{
	static const char k[] = "X-Amz-Credential=";
	size_t m = sizeof(k) - 1;
	return s0 >= m && !strncasecmp((const char *)d + s0 - m, k, m);
}

/* A CircleCI status badge of a private project carries a token of the "Status"
 * scope, made to be shown in a README (https://circleci.com/docs/status-badges/):
 * ".../tree/main.svg?style=svg&circle-token=...". */
static bool badge_token(const kh_rule *r, const unsigned char *d, size_t len, size_t s0, size_t s1)
{
	size_t a, b;
	if (strncmp(r->id, "circleci", 8))
		return false;
	token_around(d, len, s0, s1, &a, &b);
	return memmem(d + a, s0 - a, ".svg?", 5) || memmem(d + a, s0 - a, ".png?", 5);
}

/* A test account's credential pair in a test suite: the user name right before
 * the secret says test ("libgit2-test:secret@", "\"testuser\", \"secret\"").
 * Projects commit these on purpose so their online tests can log in. */
static bool test_account_pair(const char *path, const unsigned char *d, size_t s0)
{
	size_t i = s0, stop;
	if (!kh_in_fixture_folder(path))
		return false;
	/* the separator: "user:secret" or "user", "secret" */
	if (i >= 1 && d[i - 1] == ':')
		i--;
	else if (i >= 4 && !memcmp(d + i - 4, "\", \"", 4))
		i -= 4;
	else
		return false;
	stop = i;
	while (i > 0 && stop - i < 40 && (isalnum(d[i - 1]) || strchr("-_.", d[i - 1])))
		i--;
	for (size_t k = i; k + 4 <= stop; k++)
		if (!strncasecmp((const char *)d + k, "test", 4))
			return true;
	return false;
}

bool kh_published_path(const kh_rule *r, const char *path)
{
	return kh_in_man_page(path) || (is_key_rule(r) && kh_in_fixture_folder(path));
}

bool kh_published(const kh_rule *r, const char *path, const unsigned char *d, size_t len,
		  const kh_match *m, const char *secret, size_t sn)
{
	time_t now = time(NULL);
	if (kh_published_path(r, path))
		return true;
	if (is_key_rule(r) && is_published_key(secret, sn))
		return true;
	if (jwt_expired(secret, sn, now))
		return true;
	if (!d)
		return false;
	/* a decoded match: the encoded run it came from is in the blob */
	if (m->decoded)
		return sas_expired(d, len, m->start, m->end, now);
	return sas_expired(d, len, m->sec_start, m->sec_end, now) || presigned_credential(d, m->sec_start) ||
	       badge_token(r, d, len, m->sec_start, m->sec_end) || test_account_pair(path, d, m->sec_start);
}
