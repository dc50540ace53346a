/* SPDX-License-Identifier: Apache-2.0 */
/* SHA-256 with x86 SHA extensions (SHA-NI): two rounds per sha256rnds2, the message
 * schedule by sha256msg1/msg2. The state lives as ABEF and CDGH, the order the
 * instructions want. Chosen at run time; other CPUs use the portable block function. */
#include "core/sha256_hw.h"

#if defined(__x86_64__) || defined(__i386__)
#include <cpuid.h>
#include <immintrin.h>


__attribute__((target("sha,sse4.1,ssse3")))
static void blocks(uint32_t h[8], const uint8_t *p, size_t n)
{
	const __m128i bswap = _mm_set_epi64x(0x0c0d0e0f08090a0bULL, 0x0405060700010203ULL);
	__m128i tmp = _mm_loadu_si128((const __m128i *)&h[0]);  /* DCBA */
	__m128i s1 = _mm_loadu_si128((const __m128i *)&h[4]);   /* HGFE */
	tmp = _mm_shuffle_epi32(tmp, 0xB1);                      /* CDAB */
	s1 = _mm_shuffle_epi32(s1, 0x1B);                        /* EFGH */
	__m128i s0 = _mm_alignr_epi8(tmp, s1, 8);                /* ABEF */
	s1 = _mm_blend_epi16(s1, tmp, 0xF0);                     /* CDGH */

	for (; n; n--, p += 64) {
		__m128i abef = s0, cdgh = s1, w[4];
		for (int g = 0; g < 16; g++) {
			__m128i m;
			if (g < 4) {
				m = _mm_shuffle_epi8(_mm_loadu_si128((const __m128i *)(p + 16 * g)), bswap);
			} else {
				/* W[t..t+3] from the four groups before it */
				m = _mm_sha256msg1_epu32(w[g & 3], w[(g + 1) & 3]);
				m = _mm_add_epi32(m, _mm_alignr_epi8(w[(g + 3) & 3], w[(g + 2) & 3], 4));
				m = _mm_sha256msg2_epu32(m, w[(g + 3) & 3]);
			}
			w[g & 3] = m;
			__m128i k = _mm_add_epi32(m, _mm_loadu_si128((const __m128i *)&kh_sha256_k[4 * g]));
			s1 = _mm_sha256rnds2_epu32(s1, s0, k);
			k = _mm_shuffle_epi32(k, 0x0E);
			s0 = _mm_sha256rnds2_epu32(s0, s1, k);
		}
		s0 = _mm_add_epi32(s0, abef);
		s1 = _mm_add_epi32(s1, cdgh);
	}
	tmp = _mm_shuffle_epi32(s0, 0x1B);                       /* FEBA */
	s1 = _mm_shuffle_epi32(s1, 0xB1);                        /* DCHG */
	s0 = _mm_blend_epi16(tmp, s1, 0xF0);                     /* DCBA */
	s1 = _mm_alignr_epi8(s1, tmp, 8);                        /* HGFE */
	_mm_storeu_si128((__m128i *)&h[0], s0);
	_mm_storeu_si128((__m128i *)&h[4], s1);
}

static bool cpu_has_sha(void)
{
	unsigned a, b, c, d;
	if (!__get_cpuid(1, &a, &b, &c, &d) || !(c & bit_SSE4_1) || !(c & bit_SSSE3))
		return false;
	if (!__get_cpuid_count(7, 0, &a, &b, &c, &d))
		return false;
	return (b >> 29) & 1;
}

bool kh_sha256_blocks_hw(uint32_t h[8], const uint8_t *p, size_t n)
{
	/* a benign race: every thread computes the same answer */
	static int has = -1;
	if (has < 0)
		has = cpu_has_sha();
	if (!has)
		return false;
	blocks(h, p, n);
	return true;
}
#else
bool kh_sha256_blocks_hw(uint32_t h[8], const uint8_t *p, size_t n)
{
	return false;
}
#endif
