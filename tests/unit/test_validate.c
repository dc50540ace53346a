/* SPDX-License-Identifier: Apache-2.0 */
/* Named checksum checks: a token with the right CRC-32 suffix passes, one changed
 * character fails, unknown names say so. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <string.h>

#include <cmocka.h>

#include "core/kh.h"
#include "rules/ruleset.h"

static int check(const char *name, const char *tok)
{
	return kh_validate(name, tok, strlen(tok));
}

static void github_classic_tokens_with_a_good_checksum_pass(void **state)
{
	(void)state;
	assert_int_equal(check("github-crc32", "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"), 1);
	assert_int_equal(check("github-crc32", "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"), 1);
}

static void one_changed_character_fails(void **state)
{
	(void)state;
	/* last checksum digit changed */
	assert_int_equal(check("github-crc32", "ghp_iK2ZWeqhFWCEPyYngFb51yBMWXaSCr1R1Q1K"), 0);
	/* one character of the random part changed */
	assert_int_equal(check("github-crc32", "ghp_jK2ZWeqhFWCEPyYngFb51yBMWXaSCr1R1Q1J"), 0);
	assert_int_equal(check("npm-crc32", "npm_woRoWD8s7bA16J7PglOU3shVv5UTG72iFGGK"), 0);
}

static void npm_tokens_use_the_same_scheme(void **state)
{
	(void)state;
	assert_int_equal(check("npm-crc32", "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"), 1);
}

static void malformed_input_is_invalid_not_a_crash(void **state)
{
	(void)state;
	assert_int_equal(check("github-crc32", ""), 0);
	assert_int_equal(check("github-crc32", "ghp_"), 0);
	assert_int_equal(check("github-crc32", "ghp_abc"), 0);
	assert_int_equal(check("github-crc32", "no-underscore-at-all-1234567890"), 0);
	/* a checksum above 2^32-1 can never match */
	assert_int_equal(check("github-crc32", "ghp_iK2ZWeqhFWCEPyYngFb51yBMWXaSCrzzzzzz"), 0);
	/* a non-base62 byte */
	assert_int_equal(check("github-crc32", "ghp_iK2ZWeqhFWCEPyYngFb51yBMWXa-Cr1R1Q1J"), 0);
	assert_int_equal(kh_validate("github-crc32", NULL, 0), 0);
}

static void unknown_names_are_reported(void **state)
{
	(void)state;
	assert_int_equal(check("luhn", "4111111111111111"), -1);
	assert_int_equal(kh_validate(NULL, "x", 1), -1);
	assert_true(kh_validate_known("github-crc32"));
	assert_true(kh_validate_known("npm-crc32"));
	assert_false(kh_validate_known("luhn"));
	assert_false(kh_validate_known(NULL));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(github_classic_tokens_with_a_good_checksum_pass),
		cmocka_unit_test(one_changed_character_fails),
		cmocka_unit_test(npm_tokens_use_the_same_scheme),
		cmocka_unit_test(malformed_input_is_invalid_not_a_crash),
		cmocka_unit_test(unknown_names_are_reported),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
