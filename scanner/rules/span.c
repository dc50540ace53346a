/* SPDX-License-Identifier: Apache-2.0 */
/* What a PCRE2 pattern's matches can span, read from the pattern, so that the matcher can
 * confirm a Hyperscan hit of a pattern with no bounded width in less than
 * UNBOUNDED_WINDOW bytes either side:
 * - whether a match can hold a newline: if not, the hit's own line (and the few bytes a
 *   lookahead reads past its end) is window enough (kh_pattern_line_reach);
 * - how far before its end a match can start, as steps walked back over the blob's bytes
 *   (a run of what `[^"\s]{8,}` takes, a quote, a run of blanks, a bounded keyword...):
 *   that bounds a hit inside a long line too (a minified file, a one-line JSON document).
 * The generic assignment rules are such patterns; their 64 KiB windows were a fifth of a
 * history scan's CPU.
 *
 * A conservative reading: a construct not understood here (a backreference, recursion, a
 * conditional, a verb, extended mode...) answers "may span lines" and "no bound", which
 * only costs the wide window. Byte sets over-approximate: a letter is both cases whatever
 * the flags, and bytes over 127 may be in \w, \d or \s. */
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "rules/rules.h"

#define INF ((size_t)1 << 40)
#define MAX_DEPTH 200
#define MAX_REPEAT 65535
#define MAX_STEPS 4096
#define MAX_REP_STEPS 64 /* a bounded repeat of an unbounded part walked this often, at most */
#define NONE UINT32_MAX

/* One step of the walk back from a match's end (kh_back_start). */
enum { B_SKIP, B_RUN, B_SEQ, B_ALT, B_REP, B_ALL };
typedef struct {
	uint8_t op;
	uint32_t child, next; /* a sequence's parts last first; an alternation's branches */
	size_t n;             /* B_SKIP: the bytes; B_REP: the most repeats */
	uint8_t set[32];      /* B_RUN: the bytes a run may hold */
} step;

struct kh_back {
	step *v;
	uint32_t n, root;
};

/* What a part of a pattern consumes: its widest match in bytes, how many bytes it can
 * consume from the first newline it consumes on, that newline included (0: none); both
 * saturate at INF. Its walk-back step (NONE: width says it), and for one byte (a
 * character, a class, an escape) the bytes it can be. */
typedef struct {
	size_t width, reach;
	uint32_t node;
	bool single;
	uint8_t set[32];
} span;

typedef struct {
	const char *p, *end;
	bool newline_ok; /* '.' and \N never match a newline (the pattern's newline is LF) */
	bool dot_nl;     /* (?s) seen: '.' matches a newline from here on */
	bool bad;        /* a construct not understood */
	bool no_back;    /* too many steps to walk back */
	bool in_look;    /* inside a lookaround */
	int depth;
	size_t ahead;    /* the most any lookahead reaches past a newline */
	step *v;
	uint32_t n, cap;
} parser;

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

static void set_add(uint8_t *s, unsigned c)
{
	s[(c & 255) >> 3] |= (uint8_t)(1u << (c & 7));
}

static bool set_has(const uint8_t *s, unsigned c)
{
	return s[(c & 255) >> 3] >> (c & 7) & 1;
}

static void set_range(uint8_t *s, unsigned lo, unsigned hi)
{
	for (unsigned c = lo; c <= hi && c < 256; c++)
		set_add(s, c);
}

static void set_or(uint8_t *d, const uint8_t *a)
{
	for (int i = 0; i < 32; i++)
		d[i] |= a[i];
}

static void set_not(uint8_t *s)
{
	for (int i = 0; i < 32; i++)
		s[i] = (uint8_t)~s[i];
}

/* c, and its other case: flags are not followed, so a letter is always both */
static void set_char(uint8_t *s, unsigned c)
{
	set_add(s, c);
	if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'))
		set_add(s, c ^ 0x20);
}

static uint32_t new_step(parser *ps, uint8_t op)
{
	if (ps->n == ps->cap) {
		if (ps->cap >= MAX_STEPS) {
			ps->no_back = true;
			return NONE;
		}
		ps->cap = ps->cap ? ps->cap * 2 : 32;
		ps->v = kh_realloc(ps->v, ps->cap * sizeof(*ps->v));
	}
	step *st = &ps->v[ps->n];
	memset(st, 0, sizeof(*st));
	st->op = op;
	st->child = st->next = NONE;
	return ps->n++;
}

/* The step that walks back over a part: its own, or a skip of its bounded width. */
static uint32_t step_of(parser *ps, const span *s)
{
	uint32_t i;
	if (s->node != NONE)
		return s->node;
	if ((i = new_step(ps, B_SKIP)) != NONE)
		ps->v[i].n = s->width;
	return i;
}

static span one(const uint8_t *set)
{
	span s = {.width = 1, .reach = set_has(set, '\n'), .node = NONE, .single = true};
	memcpy(s.set, set, 32);
	return s;
}

static span zero(void)
{
	return (span){.node = NONE};
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

/* \d \w \s \h \v and their negations: *over every byte it can match, *under the bytes it
 * surely matches (PCRE2's default tables put no byte over 127 in them; 8-bit \h and \v
 * take 0xa0 and 0x85, counted as "may"). false: c is not one. */
static bool shorthand(char c, uint8_t *over, uint8_t *under)
{
	uint8_t base[32] = {0};
	switch (c | 0x20) {
	case 'd': set_range(base, '0', '9'); break;
	case 'w':
		set_range(base, '0', '9');
		set_range(base, 'a', 'z');
		set_range(base, 'A', 'Z');
		set_add(base, '_');
		break;
	case 's': set_range(base, 9, 13); set_add(base, ' '); break;
	case 'h': set_add(base, 9); set_add(base, ' '); break;
	case 'v': set_range(base, 10, 13); break;
	default: return false;
	}
	memcpy(under, base, 32);
	memcpy(over, base, 32);
	set_range(over, 128, 255);
	if (c >= 'A' && c <= 'Z') { /* \D, \W...: the complement swaps which is which */
		uint8_t t[32];
		memcpy(t, over, 32);
		memcpy(over, under, 32);
		memcpy(under, t, 32);
		set_not(over);
		set_not(under);
	}
	return true;
}

/* \p{..} or \pL: a Unicode property, read as "any byte" */
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

/* [:name:] or [:^name:] (ps->p at the '['), as shorthand() gives them. */
static bool posix_class(parser *ps, uint8_t *over, uint8_t *under)
{
	static const struct {
		const char *name;
		unsigned char lo, hi, lo2, hi2, lo3, hi3, extra;
	} names[] = {
		{"alnum", '0', '9', 'a', 'z', 'A', 'Z', 0}, {"alpha", 'a', 'z', 'A', 'Z', 1, 0, 0},
		{"ascii", 0, 127, 1, 0, 1, 0, 0},            {"blank", 9, 9, 32, 32, 1, 0, 0},
		{"cntrl", 0, 31, 127, 127, 1, 0, 0},        {"digit", '0', '9', 1, 0, 1, 0, 0},
		{"graph", 33, 126, 1, 0, 1, 0, 0},          {"lower", 'a', 'z', 'A', 'Z', 1, 0, 0},
		{"print", 32, 126, 1, 0, 1, 0, 0},          {"punct", 33, 126, 1, 0, 1, 0, 0},
		{"space", 9, 13, 32, 32, 1, 0, 0},          {"upper", 'A', 'Z', 'a', 'z', 1, 0, 0},
		{"word", '0', '9', 'a', 'z', 'A', 'Z', '_'}, {"xdigit", '0', '9', 'a', 'f', 'A', 'F', 0},
	};
	const char *q = ps->p + 2, *close;
	bool neg = q < ps->end && *q == '^';
	if (neg)
		q++;
	for (close = q; close + 1 < ps->end && *close != ':'; close++)
		;
	if (close + 1 >= ps->end || close[1] != ']')
		return false;
	size_t n = (size_t)(close - q), i;
	for (i = 0; i < sizeof(names) / sizeof(*names); i++)
		if (strlen(names[i].name) == n && !memcmp(q, names[i].name, n))
			break;
	if (i == sizeof(names) / sizeof(*names))
		return false;
	/* under: the ASCII set (lower and upper: their own case, punct: graph less alnum);
	 * over: both cases and every byte over 127 */
	uint8_t u[32] = {0}, o[32];
	set_range(u, names[i].lo, names[i].hi);
	if (strcmp(names[i].name, "lower") && strcmp(names[i].name, "upper"))
		set_range(u, names[i].lo2, names[i].hi2);
	set_range(u, names[i].lo3, names[i].hi3);
	if (names[i].extra)
		set_add(u, names[i].extra);
	if (!strcmp(names[i].name, "punct")) {
		uint8_t an[32] = {0};
		set_range(an, '0', '9');
		set_range(an, 'a', 'z');
		set_range(an, 'A', 'Z');
		for (int k = 0; k < 32; k++)
			u[k] &= (uint8_t)~an[k];
	}
	memcpy(o, u, 32);
	set_range(o, 'a', 'z');
	set_range(o, 'A', 'Z');
	set_range(o, 128, 255);
	if (strcmp(names[i].name, "lower") && strcmp(names[i].name, "upper") &&
	    strcmp(names[i].name, "alpha") && strcmp(names[i].name, "alnum") &&
	    strcmp(names[i].name, "word") && strcmp(names[i].name, "xdigit") &&
	    strcmp(names[i].name, "graph") && strcmp(names[i].name, "print") &&
	    strcmp(names[i].name, "ascii")) {
		/* no letters in it */
		memcpy(o, u, 32);
		set_range(o, 128, 255);
	}
	if (neg) {
		set_not(o);
		set_not(u);
		set_or(over, u);
		set_or(under, o);
	} else {
		set_or(over, o);
		set_or(under, u);
	}
	ps->p = close + 2;
	return true;
}

/* One character inside [...] (ps->p at it): its code, or -1 for a set (added to over
 * and under) or -2 when not understood. */
static long class_char(parser *ps, uint8_t *over, uint8_t *under)
{
	uint8_t o[32], u[32];
	char c = *ps->p++;
	if (c != '\\')
		return (unsigned char)c;
	if (ps->p >= ps->end)
		return -2;
	c = *ps->p++;
	if (shorthand(c, o, u)) {
		set_or(over, o);
		set_or(under, u);
		return -1;
	}
	if (c == 'p' || c == 'P') {
		if (!skip_property(ps))
			return -2;
		memset(o, 0xff, 32);
		set_or(over, o);
		return -1;
	}
	if (c == 'b')
		return 8;
	long ch = escaped_char(ps, c);
	return ch < 0 || ch > 255 ? -2 : ch;
}

/* One class member (a character, a range or a set), added to over and under. */
static bool class_item(parser *ps, uint8_t *over, uint8_t *under)
{
	long lo, hi;
	if (ps->p + 1 < ps->end && ps->p[0] == '[' && ps->p[1] == ':')
		return posix_class(ps, over, under);
	if ((lo = class_char(ps, over, under)) == -1)
		return true;
	if (lo < 0)
		return false;
	hi = lo;
	/* a range: lo-hi (a '-' before ']' is a literal) */
	if (ps->p + 1 < ps->end && ps->p[0] == '-' && ps->p[1] != ']') {
		ps->p++;
		if (*ps->p == '[' || (hi = class_char(ps, over, under)) < lo)
			return false;
	}
	set_range(under, (unsigned)lo, (unsigned)hi);
	for (long c = lo; c <= hi; c++)
		set_char(over, (unsigned)c);
	return true;
}

/* [...] (ps->p after the '['): the bytes it can match, in set. */
static bool char_class(parser *ps, uint8_t *set)
{
	uint8_t over[32] = {0}, under[32] = {0};
	bool neg = peek(ps, '^'), first = true;
	if (neg)
		ps->p++;
	while (ps->p < ps->end && (first || *ps->p != ']')) {
		if (!class_item(ps, over, under))
			return false;
		first = false;
	}
	if (ps->p >= ps->end)
		return false;
	ps->p++;
	/* a negated class matches every byte no member surely holds */
	if (neg) {
		memcpy(set, under, 32);
		set_not(set);
	} else {
		memcpy(set, over, 32);
	}
	return true;
}

static span alternation(parser *ps);

/* What follows "(?" in a group that is not a lookaround: skips the options or the name
 * and returns 1 for a group, 0 for a bare option setting or comment, -1 not understood. */
static int group_head(parser *ps)
{
	char c = *ps->p;
	if (c == ':' || c == '>' || c == '|') {
		ps->p++;
		return 1;
	}
	if (c == '#' || c == '<' || c == '\'' || (c == 'P' && ps->p + 1 < ps->end && ps->p[1] == '<')) {
		char close = c == '#' ? ')' : c == '\'' ? '\'' : '>';
		const char *q = memchr(ps->p + 1, close, (size_t)(ps->end - ps->p - 1));
		if (!q || (c != '#' && q == ps->p + 1 + (c == 'P')))
			return -1;
		ps->p = q + 1;
		return c != '#';
	}
	/* options: (?imnsJU-imnsJU) for the rest of the group, or (?i:...) */
	bool on = true;
	while (ps->p < ps->end && strchr("imnsxJU-^", *ps->p)) {
		if (*ps->p == '-')
			on = false;
		else if (*ps->p == 's' && on)
			ps->dot_nl = true; /* never turned back off: conservative */
		else if (*ps->p == 'x' && on)
			return -1;
		ps->p++;
	}
	if (peek(ps, ')')) {
		ps->p++;
		return 0;
	}
	if (!peek(ps, ':'))
		return -1; /* recursion, subroutines, conditionals, callouts */
	ps->p++;
	return 1;
}

/* A group (ps->p after the '('). */
static span group(parser *ps)
{
	bool ahead = false, behind = false;
	span s = zero();
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
		if (*ps->p == '=' || *ps->p == '!') {
			ps->p++;
			ahead = true;
		} else if (*ps->p == '<' && ps->p + 1 < ps->end && (ps->p[1] == '=' || ps->p[1] == '!')) {
			ps->p += 2;
			behind = true;
		} else {
			int kind = group_head(ps);
			if (kind <= 0) {
				ps->bad |= kind < 0;
				return s;
			}
		}
	}
	if ((ahead || behind) && ps->in_look) {
		ps->bad = true; /* a lookaround inside another may read past either's end */
		return s;
	}
	ps->in_look |= ahead || behind;
	s = alternation(ps);
	if (ahead || behind)
		ps->in_look = false;
	if (!peek(ps, ')'))
		ps->bad = true;
	else
		ps->p++;
	if (ahead && s.reach > ps->ahead)
		ps->ahead = s.reach;
	/* a lookaround consumes nothing; a lookbehind reads bytes before the match, which are
	 * there whatever the window */
	return ahead || behind ? zero() : s;
}

/* An escape outside a class (ps->p after the backslash). */
static span escape(parser *ps)
{
	uint8_t set[32], under[32];
	char c = *ps->p++;
	if (shorthand(c, set, under))
		return one(set);
	switch (c) {
	case 'N':
		if (peek(ps, '{'))
			break;
		memset(set, 0xff, 32);
		if (ps->newline_ok)
			set[1] &= (uint8_t)~(1u << 2); /* '\n' is 10: byte 1, bit 2 */
		return one(set);
	case 'C':
		memset(set, 0xff, 32);
		return one(set);
	case 'R':
		return (span){.width = 2, .reach = 2, .node = NONE};
	case 'p': case 'P':
		if (!skip_property(ps))
			break;
		memset(set, 0xff, 32);
		return one(set);
	case 'b': case 'B': case 'A': case 'z': case 'Z': case 'K': case 'E':
		return zero();
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
		return (span){.width = n, .reach = nl ? n : 0, .node = NONE};
	}
	default: {
		long ch = escaped_char(ps, c);
		if (ch < 0 || ch > 255)
			break;
		memset(set, 0, 32);
		set_char(set, (unsigned)ch);
		return one(set);
	}
	}
	ps->bad = true; /* backreferences, \G, \X, \g, \k... */
	return zero();
}

/* One atom, before its quantifier. */
static span atom(parser *ps)
{
	uint8_t set[32] = {0};
	char c = *ps->p++;
	switch (c) {
	case '(':
		return group(ps);
	case '[':
		if (!char_class(ps, set)) {
			ps->bad = true;
			return zero();
		}
		return one(set);
	case '\\':
		if (ps->p >= ps->end) {
			ps->bad = true;
			return zero();
		}
		return escape(ps);
	case '.':
		memset(set, 0xff, 32);
		if (!ps->dot_nl && ps->newline_ok)
			set[1] &= (uint8_t)~(1u << 2);
		return one(set);
	case '^': case '$':
		return zero();
	default:
		set_char(set, (unsigned char)c);
		return one(set);
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

/* The walk back over `max` repeats of s: a run of its bytes when it is one byte, its own
 * step repeated when that is few, else back to the window's start. */
static uint32_t repeat_step(parser *ps, const span *s, size_t max)
{
	uint32_t i;
	if (max >= INF && s->single) {
		if ((i = new_step(ps, B_RUN)) != NONE)
			memcpy(ps->v[i].set, s->set, 32);
		return i;
	}
	if (max >= INF || max > MAX_REP_STEPS)
		return new_step(ps, B_ALL);
	if ((i = new_step(ps, B_REP)) != NONE) {
		ps->v[i].child = s->node;
		ps->v[i].n = max;
	}
	return i;
}

/* Apply a quantifier at ps->p, if there is one, to s. */
static span quantified(parser *ps, span s)
{
	size_t min, max = 1;
	span q = zero();
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
	if (max == 0 || !s.width)
		return q;
	q.width = max >= INF ? INF : sat_mul(s.width, max);
	if (s.reach)
		q.reach = max >= INF ? INF : sat_add(s.reach, sat_mul(s.width, max - 1));
	if (q.width >= INF)
		q.node = repeat_step(ps, &s, max);
	return q;
}

/* A branch: atoms in sequence up to '|', ')' or the end. */
static span sequence(parser *ps)
{
	span acc = zero(), last = zero();
	uint32_t head = NONE; /* the parts with steps, last first, bounded runs as skips */
	size_t pending = 0, items = 0;
	bool unbounded = false;
	while (ps->p < ps->end && *ps->p != '|' && *ps->p != ')' && !ps->bad) {
		span s = quantified(ps, atom(ps));
		size_t reach = acc.reach ? sat_add(acc.reach, s.width) : 0;
		acc.reach = reach > s.reach ? reach : s.reach;
		acc.width = sat_add(acc.width, s.width);
		if (s.width)
			items++, last = s;
		if (s.node == NONE) {
			pending += s.width;
			continue;
		}
		unbounded = true;
		uint32_t skip = NONE;
		if (pending && (skip = step_of(ps, &(span){.width = pending, .node = NONE})) != NONE) {
			ps->v[skip].next = head;
			head = skip;
		}
		pending = 0;
		ps->v[s.node].next = head;
		head = s.node;
	}
	if (items == 1 && last.single)
		return last;
	if (!unbounded) {
		if (acc.width >= INF)
			acc.node = new_step(ps, B_ALL);
		return acc;
	}
	uint32_t seq = new_step(ps, B_SEQ), skip;
	if (seq == NONE)
		return acc.node = NONE, acc.width = INF, acc;
	if (pending && (skip = step_of(ps, &(span){.width = pending, .node = NONE})) != NONE) {
		ps->v[skip].next = head;
		head = skip;
	}
	ps->v[seq].child = head;
	acc.node = seq;
	acc.width = INF;
	return acc;
}

static span alternation(parser *ps)
{
	span best = zero(), first = zero();
	uint32_t head = NONE; /* the unbounded branches' steps */
	size_t widest = 0;    /* the widest bounded branch */
	int branches = 0;
	if (++ps->depth > MAX_DEPTH) {
		ps->bad = true;
		return best;
	}
	for (;;) {
		span s = sequence(ps);
		if (!branches++)
			first = s;
		if (s.width > best.width)
			best.width = s.width;
		if (s.reach > best.reach)
			best.reach = s.reach;
		if (s.node == NONE) {
			widest = s.width > widest ? s.width : widest;
		} else {
			ps->v[s.node].next = head;
			head = s.node;
		}
		if (ps->bad || !peek(ps, '|'))
			break;
		ps->p++;
	}
	ps->depth--;
	if (branches == 1 || head == NONE)
		return branches == 1 ? first : best;
	/* the walk back takes the branch that reaches furthest */
	uint32_t skip = step_of(ps, &(span){.width = widest, .node = NONE});
	if (skip != NONE) {
		ps->v[skip].next = head;
		head = skip;
	}
	if ((best.node = new_step(ps, B_ALT)) != NONE)
		ps->v[best.node].child = head;
	return best;
}

static span parse(parser *ps, const char *pattern, bool newline_ok)
{
	memset(ps, 0, sizeof(*ps));
	ps->p = pattern;
	ps->end = pattern + strlen(pattern);
	ps->newline_ok = newline_ok;
	span s = alternation(ps);
	if (ps->p != ps->end)
		ps->bad = true;
	return s;
}

int kh_pattern_line_reach(const char *pattern, bool newline_ok)
{
	parser ps;
	span s = parse(&ps, pattern, newline_ok);
	free(ps.v);
	if (ps.bad || s.reach || ps.ahead > KH_LINE_REACH_MAX)
		return -1;
	return (int)ps.ahead;
}

kh_back *kh_pattern_back(const char *pattern)
{
	parser ps;
	span s = parse(&ps, pattern, false);
	kh_back *b = NULL;
	if (ps.bad || ps.no_back || s.node == NONE || ps.v[s.node].op == B_ALL) {
		free(ps.v);
		return NULL;
	}
	b = kh_calloc(1, sizeof(*b));
	b->v = ps.v;
	b->n = ps.n;
	b->root = s.node;
	return b;
}

void kh_back_free(kh_back *b)
{
	if (!b)
		return;
	free(b->v);
	free(b);
}

static size_t walk(const kh_back *b, uint32_t i, const unsigned char *d, size_t floor, size_t e)
{
	const step *st = &b->v[i];
	size_t m;
	switch (st->op) {
	case B_SKIP:
		return e - floor > st->n ? e - st->n : floor;
	case B_RUN:
		while (e > floor && set_has(st->set, d[e - 1]))
			e--;
		return e;
	case B_SEQ:
		for (uint32_t c = st->child; c != NONE; c = b->v[c].next)
			e = walk(b, c, d, floor, e);
		return e;
	case B_ALT:
		m = e;
		for (uint32_t c = st->child; c != NONE; c = b->v[c].next) {
			size_t x = walk(b, c, d, floor, e);
			if (x < m)
				m = x;
		}
		return m;
	case B_REP:
		for (size_t k = 0; k < st->n; k++) {
			size_t x = walk(b, st->child, d, floor, e);
			if (x == e)
				break;
			e = x;
		}
		return e;
	default:
		return floor;
	}
}

size_t kh_back_start(const kh_back *b, const unsigned char *data, size_t floor, size_t end)
{
	return end <= floor ? floor : walk(b, b->root, data, floor, end);
}
