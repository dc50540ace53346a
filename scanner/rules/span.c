/* SPDX-License-Identifier: Apache-2.0 */
/* Whether a PCRE2 pattern's matches stay on one line. The matcher confirms a Hyperscan
 * hit of a pattern with no bounded width in a window of UNBOUNDED_WINDOW bytes either
 * side; when no match can hold a newline, the hit's own line (and the few bytes a
 * lookahead can read past its end) is window enough. The generic assignment rules are
 * such patterns, and their 64 KiB windows were a fifth of a history scan's CPU.
 *
 * A conservative reading of the pattern: any construct not understood here (a
 * backreference, recursion, a conditional, a verb, extended mode...) answers "may span
 * lines", which only costs the wide window. */
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "rules/rules.h"

#define INF ((size_t)1 << 40)
#define MAX_DEPTH 200
#define MAX_REPEAT 65535

/* What a part of a pattern consumes: its widest match in bytes, and how many bytes it can
 * consume from the first newline it consumes on, that newline included (0: it consumes
 * none). Both saturate at INF. */
typedef struct {
	size_t width, reach;
} span;

typedef struct {
	const char *p, *end;
	bool newline_ok; /* '.' and \N never match a newline (the pattern's newline is LF) */
	bool dot_nl;     /* (?s) seen: '.' matches a newline from here on */
	bool bad;        /* a construct not understood */
	bool in_look;    /* inside a lookaround */
	int depth;
	size_t ahead;    /* the most any lookahead reaches past a newline */
} parser;

/* How a single item can match a newline. */
enum { NL_NO, NL_YES, NL_UNKNOWN };

static size_t sat_add(size_t a, size_t b)
{
	return a >= INF || b >= INF || a + b >= INF ? INF : a + b;
}

static size_t sat_mul(size_t a, size_t n)
{
	if (!a || !n)
		return 0;
	return a >= INF || n >= INF || a > INF / n ? INF : a * n;
}

static span one(int nl)
{
	return (span){1, nl == NL_NO ? 0 : 1};
}

static bool peek(const parser *ps, char c)
{
	return ps->p < ps->end && *ps->p == c;
}

static int hexval(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

/* Digits of `base` up to `max` of them (or up to '}' when braced); -1: malformed. */
static long number(parser *ps, int base, int max, bool braced)
{
	long v = 0;
	int n = 0;
	while (ps->p < ps->end && (braced || n < max)) {
		int d = hexval(*ps->p);
		if (d < 0 || d >= base)
			break;
		v = v * base + d;
		if (v > 0x10ffff)
			return -1;
		ps->p++;
		n++;
	}
	if (braced) {
		if (!n || !peek(ps, '}'))
			return -1;
		ps->p++;
	}
	return v;
}

/* The code point of an escape that stands for one character (ps->p after the
 * backslash and its letter), or -1 when it is not one. */
static long escaped_char(parser *ps, char c)
{
	switch (c) {
	case 'n': return '\n';
	case 'r': return '\r';
	case 't': return '\t';
	case 'f': return '\f';
	case 'a': return 7;
	case 'e': return 27;
	case '0': return number(ps, 8, 2, false);
	case 'o':
		if (!peek(ps, '{'))
			return -1;
		ps->p++;
		return number(ps, 8, 0, true);
	case 'x':
		if (peek(ps, '{')) {
			ps->p++;
			return number(ps, 16, 0, true);
		}
		return number(ps, 16, 2, false);
	case 'c':
		if (ps->p >= ps->end || (unsigned char)*ps->p > 127)
			return -1;
		c = *ps->p++;
		return (c >= 'a' && c <= 'z' ? c - 32 : c) ^ 0x40;
	default:
		/* any other non-alphanumeric ASCII character stands for itself */
		if ((unsigned char)c < 128 && !(c >= '0' && c <= '9') && !(c >= 'a' && c <= 'z') &&
		    !(c >= 'A' && c <= 'Z'))
			return (unsigned char)c;
		return -1;
	}
}

/* \p{..} or \pL: a Unicode property, read as "may be a newline" */
static bool skip_property(parser *ps)
{
	if (peek(ps, '{')) {
		const char *close = memchr(ps->p, '}', (size_t)(ps->end - ps->p));
		if (!close)
			return false;
		ps->p = close + 1;
		return true;
	}
	if (ps->p >= ps->end)
		return false;
	ps->p++;
	return true;
}

/* A class escape inside [...] (ps->p after the backslash): NL_* for a set, or the
 * character in *ch with NL_NO/NL_YES decided by the caller (returns 3). -1: not understood. */
static int class_escape(parser *ps, long *ch)
{
	char c = *ps->p++;
	switch (c) {
	case 'd': case 'w': case 'h': case 'S': case 'V':
		return NL_NO;
	case 's': case 'v': case 'D': case 'W': case 'H':
		return NL_YES;
	case 'p': case 'P':
		return skip_property(ps) ? NL_UNKNOWN : -1;
	case 'b':
		*ch = 8;
		return 3;
	default:
		*ch = escaped_char(ps, c);
		return *ch < 0 ? -1 : 3;
	}
}

/* [:name:] or [:^name:] (ps->p at the '['). */
static int posix_class(parser *ps)
{
	static const char *const no_nl[] = {"alnum", "alpha", "blank", "digit", "graph", "lower",
					    "print", "punct", "upper", "word", "xdigit"};
	const char *q = ps->p + 2, *close;
	bool neg = q < ps->end && *q == '^';
	if (neg)
		q++;
	for (close = q; close + 1 < ps->end && *close != ':'; close++)
		;
	if (close + 1 >= ps->end || close[1] != ']')
		return -1;
	size_t n = (size_t)(close - q);
	int nl = NL_UNKNOWN;
	if ((n == 5 && !memcmp(q, "space", 5)) || (n == 5 && !memcmp(q, "cntrl", 5)) ||
	    (n == 5 && !memcmp(q, "ascii", 5)))
		nl = NL_YES;
	for (size_t i = 0; i < sizeof(no_nl) / sizeof(*no_nl); i++)
		if (strlen(no_nl[i]) == n && !memcmp(q, no_nl[i], n))
			nl = NL_NO;
	ps->p = close + 2;
	if (neg && nl != NL_UNKNOWN)
		nl = nl == NL_YES ? NL_NO : NL_YES;
	return nl;
}

/* One class member (a character, a range or a set): its NL_*, or -1. */
static int class_item(parser *ps)
{
	long lo = -1, hi;
	int kind;
	if (ps->p + 1 < ps->end && ps->p[0] == '[' && ps->p[1] == ':')
		return posix_class(ps);
	if (*ps->p == '\\') {
		ps->p++;
		if (ps->p >= ps->end)
			return -1;
		if ((kind = class_escape(ps, &lo)) != 3)
			return kind;
	} else {
		lo = (unsigned char)*ps->p++;
	}
	/* a range: lo-hi (a '-' before ']' is a literal) */
	if (ps->p + 1 < ps->end && ps->p[0] == '-' && ps->p[1] != ']') {
		ps->p++;
		if (*ps->p == '[')
			return -1;
		if (*ps->p == '\\') {
			ps->p++;
			if (ps->p >= ps->end || class_escape(ps, &hi) != 3)
				return -1;
		} else {
			hi = (unsigned char)*ps->p++;
		}
		return lo <= '\n' && '\n' <= hi ? NL_YES : NL_NO;
	}
	return lo == '\n' ? NL_YES : NL_NO;
}

/* [...] (ps->p after the '['): whether it can match a newline, as NL_NO or NL_YES; -1. */
static int char_class(parser *ps)
{
	bool neg = peek(ps, '^'), any_yes = false, any_may = false, first = true;
	if (neg)
		ps->p++;
	while (ps->p < ps->end && (first || *ps->p != ']')) {
		int nl = class_item(ps);
		if (nl < 0)
			return -1;
		any_yes |= nl == NL_YES;
		any_may |= nl != NL_NO;
		first = false;
	}
	if (ps->p >= ps->end)
		return -1;
	ps->p++;
	/* a negated class matches a newline unless a member surely holds it */
	return (neg ? !any_yes : any_may) ? NL_YES : NL_NO;
}

static span alternation(parser *ps);

/* A group (ps->p after the '('). */
static span group(parser *ps)
{
	bool look_ahead = false, look_behind = false;
	span s = {0, 0};
	if (peek(ps, '*')) {
		ps->bad = true; /* verbs and their lookaround spellings */
		return s;
	}
	if (peek(ps, '?')) {
		ps->p++;
		if (ps->p >= ps->end) {
			ps->bad = true;
			return s;
		}
		char c = *ps->p;
		if (c == ':' || c == '>' || c == '|') {
			ps->p++;
		} else if (c == '=' || c == '!') {
			ps->p++;
			look_ahead = true;
		} else if (c == '<' && ps->p + 1 < ps->end && (ps->p[1] == '=' || ps->p[1] == '!')) {
			ps->p += 2;
			look_behind = true;
		} else if (c == '#') {
			const char *close = memchr(ps->p, ')', (size_t)(ps->end - ps->p));
			if (!close)
				ps->bad = true;
			else
				ps->p = close + 1;
			return s;
		} else if (c == '<' || c == '\'' || (c == 'P' && ps->p + 1 < ps->end && ps->p[1] == '<')) {
			/* a named group */
			const char *close = memchr(ps->p, c == '\'' ? '\'' : '>', (size_t)(ps->end - ps->p));
			if (!close || close == ps->p) {
				ps->bad = true;
				return s;
			}
			ps->p = close + 1;
		} else {
			/* options: (?imnsJU-imnsJU) for the rest of the group, or (?i:...) */
			bool on = true;
			while (ps->p < ps->end && strchr("imnsxJU-^", *ps->p)) {
				if (*ps->p == '-')
					on = false;
				else if (*ps->p == 's' && on)
					ps->dot_nl = true; /* never turned back off: conservative */
				else if (*ps->p == 'x' && on)
					ps->bad = true;
				ps->p++;
			}
			if (peek(ps, ')')) {
				ps->p++;
				return s;
			}
			if (!peek(ps, ':')) {
				ps->bad = true; /* recursion, subroutines, conditionals, callouts */
				return s;
			}
			ps->p++;
		}
	}
	if ((look_ahead || look_behind) && ps->in_look) {
		ps->bad = true; /* a lookaround inside another may read past either's end */
		return s;
	}
	ps->in_look |= look_ahead || look_behind;
	s = alternation(ps);
	if (look_ahead || look_behind)
		ps->in_look = false;
	if (!peek(ps, ')'))
		ps->bad = true;
	else
		ps->p++;
	if (look_ahead && s.reach > ps->ahead)
		ps->ahead = s.reach;
	/* a lookbehind reads bytes before the match, which are there whatever the window */
	return look_ahead || look_behind ? (span){0, 0} : s;
}

/* An escape outside a class (ps->p after the backslash). */
static span escape(parser *ps)
{
	span zero = {0, 0};
	char c = *ps->p++;
	switch (c) {
	case 'd': case 'w': case 'h': case 'S': case 'V':
		return one(NL_NO);
	case 'N':
		if (peek(ps, '{'))
			break;
		return one(ps->newline_ok ? NL_NO : NL_YES);
	case 's': case 'v': case 'D': case 'W': case 'H': case 'C':
		return one(NL_YES);
	case 'R':
		return (span){2, 2};
	case 'p': case 'P':
		if (!skip_property(ps))
			break;
		return one(NL_UNKNOWN);
	case 'b': case 'B': case 'A': case 'z': case 'Z': case 'K': case 'E':
		return zero;
	case 'Q': {
		/* literal text up to \E */
		const char *q = ps->p;
		size_t n = 0;
		bool nl = false;
		while (q < ps->end && !(q[0] == '\\' && q + 1 < ps->end && q[1] == 'E')) {
			nl |= *q == '\n';
			q++;
			n++;
		}
		ps->p = q < ps->end ? q + 2 : q;
		return (span){n, nl ? n : 0};
	}
	default: {
		long ch = escaped_char(ps, c);
		if (ch < 0)
			break;
		return one(ch == '\n' ? NL_YES : NL_NO);
	}
	}
	ps->bad = true; /* backreferences, \G, \X, \g, \k... */
	return zero;
}

/* One atom, before its quantifier. */
static span atom(parser *ps)
{
	char c = *ps->p++;
	int nl;
	switch (c) {
	case '(':
		return group(ps);
	case '[':
		if ((nl = char_class(ps)) < 0) {
			ps->bad = true;
			return (span){0, 0};
		}
		return one(nl);
	case '\\':
		if (ps->p >= ps->end) {
			ps->bad = true;
			return (span){0, 0};
		}
		return escape(ps);
	case '.':
		return one(ps->dot_nl || !ps->newline_ok ? NL_YES : NL_NO);
	case '^': case '$':
		return (span){0, 0};
	default:
		return one(c == '\n' ? NL_YES : NL_NO);
	}
}

/* {n}, {n,} or {n,m} at ps->p: true with the bounds (max INF: none); false when the '{'
 * is a literal. */
static bool braces(parser *ps, size_t *min, size_t *max)
{
	const char *q = ps->p + 1;
	size_t a = 0, b;
	int n = 0;
	while (q < ps->end && *q >= '0' && *q <= '9' && n < 6) {
		a = a * 10 + (size_t)(*q++ - '0');
		n++;
	}
	if (!n || q >= ps->end)
		return false;
	if (*q == '}') {
		b = a;
	} else if (*q == ',') {
		q++;
		if (q < ps->end && *q == '}') {
			b = INF;
		} else {
			b = 0;
			n = 0;
			while (q < ps->end && *q >= '0' && *q <= '9' && n < 6) {
				b = b * 10 + (size_t)(*q++ - '0');
				n++;
			}
			if (!n || q >= ps->end || *q != '}')
				return false;
		}
	} else {
		return false;
	}
	if (a > MAX_REPEAT || (b != INF && (b > MAX_REPEAT || b < a)))
		return false;
	ps->p = q + 1;
	*min = a;
	*max = b;
	return true;
}

/* Apply a quantifier at ps->p, if there is one, to s. */
static span quantified(parser *ps, span s)
{
	size_t min, max = 1;
	span q;
	if (ps->p >= ps->end)
		return s;
	switch (*ps->p) {
	case '*': case '+': max = INF; ps->p++; break;
	case '?': max = 1; ps->p++; break;
	case '{':
		if (!braces(ps, &min, &max))
			return s;
		break;
	default:
		return s;
	}
	if (ps->p < ps->end && (*ps->p == '+' || *ps->p == '?'))
		ps->p++; /* possessive or lazy: the same bytes can be consumed */
	if (ps->p < ps->end && strchr("*+?{", *ps->p))
		ps->bad = true; /* a quantifier on a quantifier: not read here */
	if (max == 0)
		return (span){0, 0};
	q.width = max >= INF ? (s.width ? INF : 0) : sat_mul(s.width, max);
	if (!s.reach)
		q.reach = 0;
	else
		q.reach = max >= INF ? (s.width ? INF : s.reach) : sat_add(s.reach, sat_mul(s.width, max - 1));
	return q;
}

/* A branch: atoms in sequence up to '|', ')' or the end. */
static span sequence(parser *ps)
{
	span acc = {0, 0};
	while (ps->p < ps->end && *ps->p != '|' && *ps->p != ')' && !ps->bad) {
		span s = quantified(ps, atom(ps));
		size_t reach = acc.reach ? sat_add(acc.reach, s.width) : 0;
		acc.reach = reach > s.reach ? reach : s.reach;
		acc.width = sat_add(acc.width, s.width);
	}
	return acc;
}

static span alternation(parser *ps)
{
	span best = {0, 0};
	if (++ps->depth > MAX_DEPTH) {
		ps->bad = true;
		return best;
	}
	for (;;) {
		span s = sequence(ps);
		if (s.width > best.width)
			best.width = s.width;
		if (s.reach > best.reach)
			best.reach = s.reach;
		if (ps->bad || !peek(ps, '|'))
			break;
		ps->p++;
	}
	ps->depth--;
	return best;
}

int kh_pattern_line_reach(const char *pattern, bool newline_ok)
{
	parser ps = {.p = pattern, .end = pattern + strlen(pattern), .newline_ok = newline_ok};
	span s = alternation(&ps);
	if (ps.bad || ps.p != ps.end || s.reach || ps.ahead > KH_LINE_REACH_MAX)
		return -1;
	return (int)ps.ahead;
}
