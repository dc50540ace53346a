/* Named checksum checks for rules (`validate:` in a rule file). A provider that embeds a
 * checksum in its tokens lets us tell a real token from a random string of the same shape,
 * which is what turns a medium-confidence pattern into a high-confidence one. */
#include <stdint.h>
#include <string.h>

#include "core/kh.h"

/* CRC-32 (IEEE 802.3, reflected, as zlib's crc32). Kept here so the checks do not depend
 * on the order in which core helpers land; a 16-entry table keeps it small and const. */
static uint32_t crc32_ieee(const unsigned char *p, size_t n)
{
	static const uint32_t nibble[16] = {
		0x00000000, 0x1db71064, 0x3b6e20c8, 0x26d930ac, 0x76dc4190, 0x6b6b51f4,
		0x4db26158, 0x5005713c, 0xedb88320, 0xf00f9344, 0xd6d6a3e8, 0xcb61b38c,
		0x9b64c2b0, 0x86d3d2d4, 0xa00ae278, 0xbdbdf21c,
	};
	uint32_t c = 0xffffffffu;

	for (size_t i = 0; i < n; i++) {
		c ^= p[i];
		c = (c >> 4) ^ nibble[c & 15];
		c = (c >> 4) ^ nibble[c & 15];
	}
	return c ^ 0xffffffffu;
}

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
	return crc32_ieee(s + body, len - 6 - body) == (uint32_t)want ? 1 : 0;
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
