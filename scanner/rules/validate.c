/* SPDX-License-Identifier: Apache-2.0 */
/* Named checksum checks for rules (`validate:` in a rule file). A provider that embeds a
 * checksum in its tokens lets us tell a real token from a random string of the same shape,
 * which is what turns a medium-confidence pattern into a high-confidence one. */
#include <ctype.h>
#include <stdbool.h>
#include <stdint.h>
#include <string.h>

#include <zlib.h>

#include "core/kh.h"
#include "rules/ruleset.h"

/* Base62 digit value in the 0-9A-Za-z alphabet, or -1. */
static int base62_digit(unsigned char ch)
{
	if (ch >= '0' && ch <= '9')
		return ch - '0';
	if (ch >= 'A' && ch <= 'Z')
		return ch - 'A' + 10;
	if (ch >= 'a' && ch <= 'z')
		return ch - 'a' + 36;
	return -1;
}

/* GitHub's token format (github.blog, 2021-04-05) and npm's (github.blog, 2021-09-23):
 * "<prefix>_" + 30 random base62 characters + 6 base62 characters holding the CRC-32 of
 * the random part, most significant digit first, zero-padded. */
static int check_base62_crc32(const char *secret, size_t len)
{
	const unsigned char *s = (const unsigned char *)secret;
	size_t body = 0, i;
	uint64_t want = 0;

	/* the random part starts after the last '_' of the prefix */
	for (i = len; i > 0; i--) {
		if (s[i - 1] == '_') {
			body = i;
			break;
		}
	}
	if (body == 0 || len < body + 6 + 1)
		return 0;
	for (i = body; i < len; i++)
		if (base62_digit(s[i]) < 0)
			return 0;
	for (i = len - 6; i < len; i++)
		want = want * 62 + (uint64_t)base62_digit(s[i]);
	if (want > 0xffffffffu)
		return 0;
	return (uint32_t)crc32_z(0, (const Bytef *)s + body, len - 6 - body) == (uint32_t)want ? 1 : 0;
}

/* Grafana's service-account tokens (grafana pkg/components/satokengen): "gl" + service id
 * + "_" + 32 random characters + "_" + the CRC-32 (IEEE) of everything before that last
 * "_", written as its 4 bytes least significant first, in hex. */
static int check_grafana_crc32(const char *secret, size_t len)
{
	const unsigned char *s = (const unsigned char *)secret;
	uint32_t want = 0;
	size_t i;

	if (len < 8 + 2 || s[len - 9] != '_')
		return 0;
	for (i = 0; i < 4; i++) {
		int hi = kh_hex_digit(s[len - 8 + 2 * i]), lo = kh_hex_digit(s[len - 7 + 2 * i]);
		if (hi < 0 || lo < 0)
			return 0;
		want |= (uint32_t)(hi << 4 | lo) << (8 * i);
	}
	return (uint32_t)crc32_z(0, (const Bytef *)s, len - 9) == want ? 1 : 0;
}

/* One step of BIP-173's checksum: the generator polynomial over GF(32). */
static uint32_t bech32_step(uint32_t chk, unsigned v)
{
	static const uint32_t gen[5] = {0x3b6a57b2, 0x26508e6d, 0x1ea119fa, 0x3d4233dd, 0x2a1462b3};
	uint32_t top = chk >> 25;

	chk = (chk & 0x1ffffff) << 5 ^ v;
	for (int i = 0; i < 5; i++)
		if (top >> i & 1)
			chk ^= gen[i];
	return chk;
}

/* age's identities (age's x25519.go, its internal bech32): Bech32 (BIP-173, constant 1,
 * no 90-character limit) under the human-readable part "AGE-SECRET-KEY-", written in
 * upper case. The checksum is over the lower-cased text; mixed case is invalid. */
static int check_bech32(const char *secret, size_t len)
{
	static const char charset[] = "qpzry9x8gf2tvdw0s3jn54khce6mua7l";
	const unsigned char *s = (const unsigned char *)secret;
	size_t sep = 0, i;
	bool upper = false, lower = false;
	uint32_t chk = 1;

	for (i = 0; i < len; i++) {
		if (s[i] < 33 || s[i] > 126)
			return 0;
		upper |= s[i] >= 'A' && s[i] <= 'Z';
		lower |= s[i] >= 'a' && s[i] <= 'z';
		if (s[i] == '1')
			sep = i;
	}
	if ((upper && lower) || sep == 0 || len - sep - 1 < 6)
		return 0;
	for (i = 0; i < sep; i++)
		chk = bech32_step(chk, (unsigned)tolower(s[i]) >> 5);
	chk = bech32_step(chk, 0);
	for (i = 0; i < sep; i++)
		chk = bech32_step(chk, (unsigned)tolower(s[i]) & 31);
	for (i = sep + 1; i < len; i++) {
		const char *at = memchr(charset, tolower(s[i]), sizeof(charset) - 1);
		if (at == NULL)
			return 0;
		chk = bech32_step(chk, (unsigned)(at - charset));
	}
	return chk == 1 ? 1 : 0;
}

/* A digit of standard base64 (RFC 4648 section 4): core's table less base64url's two. */
static bool is_std_base64(unsigned char ch)
{
	return kh_b64val[ch] >= 0 && ch != '-' && ch != '_';
}

/* Sentry's organization tokens (sentry utils/security/orgauthtoken_token.py): "sntrys_" +
 * standard base64 of a JSON object whose first member is "iat" + "_" + 43 characters of
 * base64 (32 random bytes, padding removed). Sentry's own parser wants exactly two "_". The
 * payload's decoded text is checked for the object's shape: a random string that happens to
 * start "eyJ" decodes to bytes that are not that. */
static int check_sentry_org(const char *secret, size_t len)
{
	static const char prefix[] = "sntrys_";
	const unsigned char *s = (const unsigned char *)secret;
	unsigned char json[1024];
	size_t p = sizeof(prefix) - 1, sep = 0, i;
	long n;

	if (len <= p || memcmp(s, prefix, p) != 0)
		return 0;
	for (i = p; i < len; i++) {
		if (s[i] != '_')
			continue;
		if (sep != 0)
			return 0;
		sep = i;
	}
	if (sep == 0 || len - sep - 1 != 43)
		return 0;
	for (i = sep + 1; i < len; i++)
		if (!is_std_base64(s[i]))
			return 0;
	/* the payload: standard base64, '=' padding only at its end, decoded into json */
	for (i = sep; i > p && s[i - 1] == '='; i--)
		;
	if ((i - p) / 4 * 3 + 3 > sizeof(json))
		return 0;
	for (size_t k = p; k < i; k++)
		if (!is_std_base64(s[k]))
			return 0;
	n = kh_base64_decode(s + p, sep - p, json);
	if (n < (long)sizeof("{\"iat\":1}") - 1 || memcmp(json, "{\"iat\":", 7) != 0 || json[n - 1] != '}')
		return 0;
	for (i = 0; i < (size_t)n; i++)
		if (json[i] < 32 || json[i] > 126)
			return 0;
	return 1;
}

typedef int (*check_fn)(const char *secret, size_t len);

static const struct {
	const char *name;
	check_fn check;
} checks[] = {
	{"github-crc32", check_base62_crc32},
	{"npm-crc32", check_base62_crc32},
	{"grafana-crc32", check_grafana_crc32},
	{"bech32", check_bech32},
	{"sentry-org-payload", check_sentry_org},
};

static check_fn find_check(const char *name)
{
	if (name == NULL)
		return NULL;
	for (size_t i = 0; i < sizeof(checks) / sizeof(checks[0]); i++)
		if (strcmp(checks[i].name, name) == 0)
			return checks[i].check;
	return NULL;
}

int kh_validate(const char *name, const char *secret, size_t len)
{
	check_fn check = find_check(name);

	if (check == NULL)
		return -1;
	if (secret == NULL)
		return 0;
	return check(secret, len);
}

bool kh_validate_known(const char *name)
{
	return find_check(name) != NULL;
}
