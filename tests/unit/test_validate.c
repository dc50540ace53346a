/* SPDX-License-Identifier: Apache-2.0 */
/* Named checksum checks: a token with the right checksum (CRC-32, Bech32) or payload shape
 * passes, one changed character fails, unknown names say so. */
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

/* Grafana: CRC-32 of "glsa_<secret>" as 4 little-endian bytes in hex (values computed with
 * Python's binascii.crc32 for this test). */
static void grafana_service_account_tokens_carry_their_crc(void **state)
{
	(void)state;
	assert_int_equal(check("grafana-crc32", "glsa_xZ8h5OqvpS9JT3o9nHD83lHIQHJIWDt1_8336a7a6"), 1);
	assert_int_equal(check("grafana-crc32", "glsa_CfphCmWYD4Z8aOSO5o4BjuCg75CTWJo8_5fbea0f0"), 1);
	/* the same CRC written most significant byte first, as a reader might expect */
	assert_int_equal(check("grafana-crc32", "glsa_xZ8h5OqvpS9JT3o9nHD83lHIQHJIWDt1_a6a73683"), 0);
	/* one character of the secret changed */
	assert_int_equal(check("grafana-crc32", "glsa_xZ8h5OqvpS9JT3o9nHD83lHIQHJIWDt2_8336a7a6"), 0);
	assert_int_equal(check("grafana-crc32", "glsa_xZ8h5OqvpS9JT3o9nHD83lHIQHJIWDt1_8336a7ag"), 0);
	assert_int_equal(check("grafana-crc32", "glsa_xZ8h5OqvpS9JT3o9nHD83lHIQHJIWDt18336a7a6"), 0);
	assert_int_equal(check("grafana-crc32", "_8336a7a6"), 0);
	assert_int_equal(check("grafana-crc32", ""), 0);
}

/* age identities: BIP-173 Bech32 under "AGE-SECRET-KEY-" (keys made for this test from random
 * bytes); BIP-173's own valid test vectors pass too, so the polynomial is the standard one. */
static void age_identities_carry_a_bech32_checksum(void **state)
{
	(void)state;
	assert_int_equal(check("bech32", "AGE-SECRET-KEY-1674DCJ4LMT5AGNMJNZVP6293K0PT6D32VUESDDT640739YK8HRCSC5CKC4"), 1);
	assert_int_equal(check("bech32", "AGE-SECRET-KEY-1LP7NRNLQ9PL0232K5R8Y3E6RZU0KDDQ47EJJEJ0GF8NKUCLA0ZLQWU6K0U"), 1);
	assert_int_equal(check("bech32", "A12UEL5L"), 1);
	assert_int_equal(check("bech32", "abcdef1qpzry9x8gf2tvdw0s3jn54khce6mua7lmqqqxw"), 1);
	/* one character changed, two swapped */
	assert_int_equal(check("bech32", "AGE-SECRET-KEY-1674DCJ4LMT5AGNMJNZVP6293K0PT6D32VUESDDT640739YK8HRCSC5CKC5"), 0);
	assert_int_equal(check("bech32", "AGE-SECRET-KEY-1764DCJ4LMT5AGNMJNZVP6293K0PT6D32VUESDDT640739YK8HRCSC5CKC4"), 0);
	/* mixed case, a character outside the alphabet ('B'), no separator */
	assert_int_equal(check("bech32", "AGE-SECRET-KEY-1674dcj4LMT5AGNMJNZVP6293K0PT6D32VUESDDT640739YK8HRCSC5CKC4"), 0);
	assert_int_equal(check("bech32", "AGE-SECRET-KEY-1B74DCJ4LMT5AGNMJNZVP6293K0PT6D32VUESDDT640739YK8HRCSC5CKC4"), 0);
	assert_int_equal(check("bech32", "AGE-SECRET-KEY-"), 0);
	assert_int_equal(check("bech32", "1qqqqqq"), 0);
}

/* Sentry organization tokens: base64 of a JSON object starting with "iat", "_", 43 base64
 * characters (made for this test with json.dumps and base64 as Sentry's generator does). */
static void sentry_org_tokens_hold_their_json_payload(void **state)
{
	(void)state;
	assert_int_equal(check("sentry-org-payload",
			       "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"),
			 1);
	/* the earlier generator dropped the payload's padding */
	assert_int_equal(check("sentry-org-payload",
			       "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"),
			 1);
	/* random base64 after "eyJ": decodes to bytes that are not a JSON object */
	assert_int_equal(check("sentry-org-payload",
			       "sntrys_eyJkR7vQpX2mWc9LzTa0bHn4YsUe1oKf8gJ3iVxNt6yBqCrDuAwEhZlMjP5sOIaRG+/F_Mop7WdMJEQD8ZFiptpY4lLC6PPO4Tz419b6IPWRyxs4"),
			 0);
	/* a JSON payload without "iat" first ({"org":"acme"}) */
	assert_int_equal(check("sentry-org-payload", "sntrys_eyJvcmciOiJhY21lIn0=_Mop7WdMJEQD8ZFiptpY4lLC6PPO4Tz419b6IPWRyxs4"), 0);
	/* a third "_", a short secret, a character outside base64 */
	assert_int_equal(check("sentry-org-payload",
			       "sntrys_eyJpYXQiOiAxNzA1NTgzNTI1LjAyNDcxLCAidXJsIjogImh0dHBzOi8vc2VudHJ5LmlvIiwgInJlZ2lvbl91cmwiOiAiaHR0cHM6Ly91cy5zZW50cnkuaW8iLCAib3JnIjogImFjbWUifQ==_Mop7WdMJEQD8ZFipt_Y4lLC6PPO4Tz419b6IPWRyxs4"),
			 0);
	assert_int_equal(check("sentry-org-payload",
			       "sntrys_eyJpYXQiOiAxNzA1NTgzNTI1LjAyNDcxLCAidXJsIjogImh0dHBzOi8vc2VudHJ5LmlvIiwgInJlZ2lvbl91cmwiOiAiaHR0cHM6Ly91cy5zZW50cnkuaW8iLCAib3JnIjogImFjbWUifQ==_Mop7WdMJEQD8ZFiptpY4lLC6PPO4Tz419b6IPWRyxs"),
			 0);
	assert_int_equal(check("sentry-org-payload",
			       "sntrys_eyJpYXQiOiAxNzA1NTgzNTI1LjAyNDcxLCAidXJsIjogImh0dHBzOi8vc2VudHJ5LmlvIiwgInJlZ2lvbl91cmwiOiAiaHR0cHM6Ly91cy5zZW50cnkuaW8iLCAib3JnIjogImFjbWUifQ==_Mop7WdMJEQD8ZFiptpY4lLC6PPO4Tz419b6IPWRyx-4"),
			 0);
	assert_int_equal(check("sentry-org-payload", "sntrys_"), 0);
	assert_int_equal(check("sentry-org-payload", "sntryu_eyJpYXQiOjF9_Mop7WdMJEQD8ZFiptpY4lLC6PPO4Tz419b6IPWRyxs4"), 0);
}

static void unknown_names_are_reported(void **state)
{
	(void)state;
	assert_int_equal(check("luhn", "4111111111111111"), -1);
	assert_int_equal(kh_validate(NULL, "x", 1), -1);
	assert_true(kh_validate_known("github-crc32"));
	assert_true(kh_validate_known("npm-crc32"));
	assert_true(kh_validate_known("grafana-crc32"));
	assert_true(kh_validate_known("bech32"));
	assert_true(kh_validate_known("sentry-org-payload"));
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
		cmocka_unit_test(grafana_service_account_tokens_carry_their_crc),
		cmocka_unit_test(age_identities_carry_a_bech32_checksum),
		cmocka_unit_test(sentry_org_tokens_hold_their_json_payload),
		cmocka_unit_test(unknown_names_are_reported),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
