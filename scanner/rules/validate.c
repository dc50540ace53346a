/* SPDX-License-Identifier: Apache-2.0 */
/* Named checksum checks for rules (`validate:` in a rule file). A provider that embeds a
 * checksum in its tokens lets us tell a real token from a random string of the same shape,
 * which is what turns a medium-confidence pattern into a high-confidence one. */
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

typedef int (*check_fn)(const char *secret, size_t len);

static const struct {
	const char *name;
	check_fn check;
} checks[] = {
	{"github-crc32", check_base62_crc32},
	{"npm-crc32", check_base62_crc32},
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
