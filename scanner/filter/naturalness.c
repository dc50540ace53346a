/* SPDX-License-Identifier: Apache-2.0 */
/* How unlike words and identifiers a string is: the mean cost, in bits per
 * letter or digit, of each character under a character-trigram model of English
 * words and programming identifiers (naturalness/table.h, built once from
 * Debian's word list by naturalness/build_table.py). Words, identifiers and
 * documentation shapes cost 2-4 bits a character; random tokens 5 or more. The
 * table is 24 kB of read-only data in the program: nothing is loaded or
 * computed at start-up, and only the pages a scan touches are mapped in. */
#include <ctype.h>

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
