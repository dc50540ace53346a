/* SPDX-License-Identifier: Apache-2.0 */
/* Build-time tool: turns cl100k.tokens (bpe_vocab.py's compact vocabulary) into the
 * read-only hash table naturalness.c looks byte pairs up in, as a C header, so the
 * program does no work at start-up: the table is data in the binary, and only the
 * pages a scan touches are read in.
 *     kh_bpe_table cl100k.tokens kh_bpe_table.h
 * Layout (naturalness.c reads it): kh_bpe_pool holds each token as a length byte, its
 * rank in three bytes (little-endian) and its bytes; kh_bpe_slot is an open-addressing
 * table (linear probing) of FNV-1a hashes, each slot 0 (empty) or the hash's top 12 bits
 * above the token's offset in the pool (20 bits). */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define SLOTS (1u << 17)
#define POOL_MAX (1u << 20)

static uint32_t fnv1a(const unsigned char *s, size_t n)
{
	uint32_t h = 2166136261u;
	for (size_t i = 0; i < n; i++)
		h = (h ^ s[i]) * 16777619u;
	return h;
}

static int fail(const char *what, const char *path)
{
	fprintf(stderr, "kh_bpe_table: %s: %s\n", path, what);
	return 1;
}

/* the pool as a C string, 96 bytes to a line; octal escapes are always three digits, so
 * a digit after one is never read as part of it */
static void write_pool(FILE *out, const unsigned char *pool, size_t n)
{
	fprintf(out, "static const unsigned char kh_bpe_pool[%zu] =\n", n);
	for (size_t i = 0; i < n; i += 96) {
		fputs("\t\"", out);
		for (size_t j = i; j < n && j < i + 96; j++) {
			unsigned char c = pool[j];
			if (c >= 0x20 && c < 0x7f && c != '"' && c != '\\' && c != '?')
				fputc(c, out);
			else
				fprintf(out, "\\%03o", c);
		}
		fputs(i + 96 < n ? "\"\n" : "\";\n", out);
	}
}

int main(int argc, char **argv)
{
	if (argc != 3) {
		fputs("usage: kh_bpe_table cl100k.tokens OUT.h\n", stderr);
		return 2;
	}
	FILE *in = fopen(argv[1], "rb");
	if (!in)
		return fail("cannot open", argv[1]);
	static unsigned char vocab[POOL_MAX], pool[POOL_MAX];
	static uint32_t slot[SLOTS];
	size_t vn = fread(vocab, 1, sizeof vocab, in);
	int toobig = !feof(in);
	fclose(in);
	if (toobig)
		return fail("larger than 1 MB", argv[1]);
	size_t pn = 1, tokens = 0, longest = 0; /* offset 0 is never a token's: 0 is an empty slot */
	for (size_t i = 0; i < vn; tokens++) {
		size_t len = vocab[i];
		if (len < 2 || i + 1 + len > vn)
			return fail("a token shorter than 2 bytes or cut short", argv[1]);
		if (pn + 4 + len > POOL_MAX || tokens >= SLOTS * 3 / 4)
			return fail("too many tokens for the table", argv[1]);
		uint32_t h = fnv1a(vocab + i + 1, len), at = h & (SLOTS - 1);
		while (slot[at])
			at = (at + 1) & (SLOTS - 1);
		slot[at] = (h >> 20) << 20 | (uint32_t)pn;
		pool[pn++] = (unsigned char)len;
		pool[pn++] = tokens & 0xff;
		pool[pn++] = (tokens >> 8) & 0xff;
		pool[pn++] = (tokens >> 16) & 0xff;
		memcpy(pool + pn, vocab + i + 1, len);
		pn += len;
		i += 1 + len;
		if (len > longest)
			longest = len;
	}
	FILE *out = fopen(argv[2], "w");
	if (!out)
		return fail("cannot write", argv[2]);
	fprintf(out, "/* Generated from cl100k.tokens by scanner/filter/naturalness/bpe_table.c: do not edit.\n"
		     " * %zu tokens of OpenAI's cl100k_base (MIT: naturalness/LICENSE.cl100k). */\n"
		     "#define KH_BPE_SLOTS %uu\n#define KH_BPE_LONGEST %zu\n"
		     "static const uint32_t kh_bpe_slot[KH_BPE_SLOTS] = {\n",
		tokens, SLOTS, longest);
	for (size_t i = 0; i < SLOTS; i++)
		fprintf(out, "%s0x%x,%s", i % 12 ? "" : "\t", slot[i], i % 12 == 11 ? "\n" : "");
	fputs("};\n", out);
	write_pool(out, pool, pn);
	if (fclose(out) != 0)
		return fail("cannot write", argv[2]);
	return 0;
}
