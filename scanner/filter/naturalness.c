/* SPDX-License-Identifier: Apache-2.0 */
/* How unlike words and identifiers a string is: the mean cost, in bits per
 * letter or digit, of each character under a character-trigram model of English
 * words and programming identifiers (naturalness/table.h, built once from
 * Debian's word list by naturalness/build_table.py). Words, identifiers and
 * documentation shapes cost 2-4 bits a character; random tokens 5 or more. The
 * table is 24 kB of read-only data in the program: nothing is loaded or
 * computed at start-up, and only the pages a scan touches are mapped in. */
#include <ctype.h>
#include <math.h>
#include <stdint.h>
#include <string.h>

#include "core/kh.h"
#include "filter/filter.h"
#include "filter/naturalness/table.h"

static int sym(unsigned char c)
{
	if (c >= 'a' && c <= 'z')
		return c - 'a' + 1;
	if (c >= 'A' && c <= 'Z')
		return c - 'A' + 1;
	if (c >= '0' && c <= '9')
		return 27;
	return 28;
}

double kh_unnaturalness(const unsigned char *s, size_t n)
{
	unsigned long cost = 0;
	size_t scored = 0, letters = 0, digits = 0;
	int a = 0, b = 0;
	for (size_t i = 0; i < n; i++) {
		letters += isalpha(s[i]) != 0;
		digits += isdigit(s[i]) != 0;
	}
	for (size_t i = 0; i < n; i++) {
		unsigned char c = s[i];
		/* with letters enough to judge, a digit or two is a version or port number
		 * ("Ec2SubnetIds", "localhost:22"): it splits words and costs nothing
		 * (leetspeak's several digits are still costed: "Tr0ub4dor&3") */
		if (!isalnum(c) || (letters >= 6 && digits <= 2 && isdigit(c))) {
			a = b = 0; /* a separator starts a new word */
			continue;
		}
		/* a camelCase hump starts a new word too */
		if (i && isupper(c) && islower(s[i - 1]))
			a = b = 0;
		/* and so does the last capital of an acronym: "DBSubnet", "CMapEncoding" */
		if (i && i + 1 < n && isupper(c) && isupper(s[i - 1]) && islower(s[i + 1]))
			a = b = 0;
		int x = sym(c);
		cost += kh_trigram_cost[a][b][x];
		scored++;
		a = b;
		b = x;
	}
	return scored ? (double)cost / 4.0 / (double)scored : 0;
}

/* Byte-pair tokens per byte under OpenAI's cl100k_base vocabulary (a general one: English
 * and other languages, code, identifiers, markup). Words, identifiers and code split
 * into few long tokens (0.1-0.3 a byte); random tokens into many short ones (0.5-1).
 * The vocabulary is a read-only hash table compiled into the program (kh_bpe_table.h,
 * generated at build time from naturalness/cl100k.tokens): nothing is loaded or built
 * at start-up. */
#include "kh_bpe_table.h"

#define NO_RANK UINT32_MAX

static uint32_t fnv1a(const unsigned char *s, size_t n)
{
	uint32_t h = 2166136261u;
	for (size_t i = 0; i < n; i++)
		h = (h ^ s[i]) * 16777619u;
	return h;
}

/* the rank of s[0..n) as one token (lower merges first), or NO_RANK */
static uint32_t bpe_rank(const unsigned char *s, size_t n)
{
	if (n < 2 || n > KH_BPE_LONGEST)
		return NO_RANK;
	uint32_t h = fnv1a(s, n);
	/* the table is at most 3/4 full, so the probe meets an empty slot */
	for (uint32_t at = h & (KH_BPE_SLOTS - 1);; at = (at + 1) & (KH_BPE_SLOTS - 1)) {
		uint32_t v = kh_bpe_slot[at];
		if (!v)
			return NO_RANK;
		if (v >> 20 != h >> 20)
			continue;
		const unsigned char *e = kh_bpe_pool + (v & 0xfffff);
		if (e[0] == n && !memcmp(e + 4, s, n))
			return e[1] | (uint32_t)e[2] << 8 | (uint32_t)e[3] << 16;
	}
}

static bool bpe_letter(unsigned char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c >= 0x80;
}

static bool bpe_digit(unsigned char c)
{
	return c >= '0' && c <= '9';
}

static bool bpe_space(unsigned char c)
{
	return c == ' ' || (c >= '\t' && c <= '\r');
}

static bool bpe_newline(unsigned char c)
{
	return c == '\n' || c == '\r';
}

/* where the piece starting at s[i] ends, split as cl100k_base's pattern splits text
 * before merging: a contraction ('s 't 're 've 'm 'll 'd), letters with at most one
 * leading non-letter, 1-3 digits, punctuation with at most one leading space, or
 * whitespace. Every byte >= 0x80 is read as a letter (UTF-8 letters are; the pattern's
 * \p{L} would need Unicode tables). */
static size_t bpe_piece_end(const unsigned char *s, size_t n, size_t i)
{
	unsigned char c = s[i];
	size_t j = i + 1;
	if (c == '\'' && j < n) {
		unsigned char a = s[j] | 0x20, b = j + 1 < n ? s[j + 1] | 0x20 : 0;
		if ((a == 'r' && b == 'e') || (a == 'v' && b == 'e') || (a == 'l' && b == 'l'))
			return i + 3;
		if (a == 's' || a == 't' || a == 'm' || a == 'd')
			return i + 2;
	}
	if (bpe_letter(c) || (!bpe_newline(c) && !bpe_digit(c) && j < n && bpe_letter(s[j]))) {
		while (j < n && bpe_letter(s[j]))
			j++;
		return j;
	}
	if (bpe_digit(c)) {
		while (j < n && j < i + 3 && bpe_digit(s[j]))
			j++;
		return j;
	}
	bool lead = c == ' ' && j < n && !bpe_space(s[j]) && !bpe_letter(s[j]) && !bpe_digit(s[j]);
	if (!bpe_space(c) || lead) {
		j = lead ? i + 1 : i;
		while (j < n && !bpe_space(s[j]) && !bpe_letter(s[j]) && !bpe_digit(s[j]))
			j++;
		while (j < n && bpe_newline(s[j]))
			j++;
		return j;
	}
	/* whitespace: through its last newline; else all of it at the end of the text,
	 * and otherwise all but its last byte, which leads the next piece */
	size_t k = i, nl = 0;
	while (k < n && bpe_space(s[k]))
		if (bpe_newline(s[k++]))
			nl = k;
	if (nl)
		return nl;
	return k == n || k - i == 1 ? k : k - 1;
}

/* a token's cost in bits: log2(rank + 256), a Zipf-like code length (BPE merges the
 * most frequent pairs first, so rank follows frequency); a single byte costs 8 */
static double bpe_cost(uint32_t rank)
{
	return log2((double)rank + 256 + 256);
}

/* the tokens of one piece and their cost: merge the adjacent pair of lowest rank until
 * none is a token (tiktoken's byte_pair_merge); n <= KH_BPE_MAX_VALUE, so at most n - 1
 * merges of n steps each */
static double bpe_piece(const unsigned char *p, size_t n, size_t *tokens)
{
	uint32_t whole = bpe_rank(p, n);
	if (n < 2 || whole != NO_RANK) {
		*tokens += n ? 1 : 0;
		return n < 2 ? 8.0 * (double)n : bpe_cost(whole);
	}
	uint16_t at[KH_BPE_MAX_VALUE + 1];
	uint32_t rank[KH_BPE_MAX_VALUE + 1]; /* of the pair of parts i and i + 1 */
	size_t parts = n;
	for (size_t i = 0; i <= n; i++)
		at[i] = (uint16_t)i;
	for (size_t i = 0; i + 1 < n; i++)
		rank[i] = bpe_rank(p + i, 2);
	while (parts > 1) {
		size_t best = 0;
		for (size_t i = 1; i + 1 < parts; i++)
			if (rank[i] < rank[best])
				best = i;
		if (rank[best] == NO_RANK)
			break;
		/* part best absorbs part best + 1: boundary best + 1 and pair best + 1 go */
		memmove(at + best + 1, at + best + 2, (parts - best - 1) * sizeof at[0]);
		if (best + 3 <= parts)
			memmove(rank + best + 1, rank + best + 2, (parts - best - 3) * sizeof rank[0]);
		parts--;
		rank[best] = best + 1 < parts ? bpe_rank(p + at[best], at[best + 2] - at[best]) : NO_RANK;
		if (best)
			rank[best - 1] = bpe_rank(p + at[best - 1], at[best + 1] - at[best - 1]);
	}
	double bits = 0;
	for (size_t i = 0; i < parts; i++)
		bits += at[i + 1] - at[i] == 1 ? 8.0 : bpe_cost(bpe_rank(p + at[i], at[i + 1] - at[i]));
	*tokens += parts;
	return bits;
}

static double bpe_split(const unsigned char *s, size_t n, size_t *tokens)
{
	double bits = 0;
	*tokens = 0;
	for (size_t i = 0, j; i < n; i = j) {
		j = bpe_piece_end(s, n, i);
		bits += bpe_piece(s + i, j - i, tokens);
	}
	return bits;
}

size_t kh_bpe_tokens(const unsigned char *s, size_t n)
{
	size_t tokens;
	bpe_split(s, n > KH_BPE_MAX_VALUE ? KH_BPE_MAX_VALUE : n, &tokens);
	return tokens;
}

double kh_bpe_rate(const unsigned char *s, size_t n)
{
	size_t tokens;
	if (n > KH_BPE_MAX_VALUE)
		n = KH_BPE_MAX_VALUE;
	bpe_split(s, n, &tokens);
	return n ? (double)tokens / (double)n : 0;
}

double kh_bpe_bits(const unsigned char *s, size_t n)
{
	size_t tokens;
	if (n > KH_BPE_MAX_VALUE)
		n = KH_BPE_MAX_VALUE;
	return n ? bpe_split(s, n, &tokens) / (double)n : 0;
}
