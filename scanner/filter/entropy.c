/* SPDX-License-Identifier: Apache-2.0 */
/* Shannon entropy in bits per byte: random tokens score high, words and
 * repeated characters low. */
#include <math.h>

#include "core/kh.h"
#include "filter/filter.h"

double kh_entropy(const unsigned char *s, size_t n)
{
	size_t counts[256] = {0};
	double h = 0;
	if (!n)
		return 0;
	for (size_t i = 0; i < n; i++)
		counts[s[i]]++;
	for (int c = 0; c < 256; c++)
		if (counts[c]) {
			double p = (double)counts[c] / (double)n;
			h -= p * log2(p);
		}
	return h;
}
