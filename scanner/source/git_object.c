/* SPDX-License-Identifier: Apache-2.0 */
/* Parsers of git's tree, commit and tag objects (git_object.h). */
#include <stdio.h>
#include <string.h>

#include "core/oidmap.h"
#include "source/git_mini.h"
#include "source/git_object.h"

bool kh_tree_next(const unsigned char **p, const unsigned char *end, kh_tree_entry *e, bool *bad)
{
	const unsigned char *s = *p, *nul;
	unsigned mode = 0;

	if (s >= end)
		return false;
	while (s < end && *s >= '0' && *s <= '7' && mode < 01000000)
		mode = mode * 8 + (unsigned)(*s++ - '0');
	if (s >= end || *s != ' ' || !(nul = memchr(s + 1, 0, (size_t)(end - s - 1))) ||
	    end - nul - 1 < 20 || nul == s + 1) {
		*bad = true;
		return false;
	}
	e->mode = mode;
	e->name = s + 1;
	e->name_len = (size_t)(nul - s - 1);
	e->id = nul + 1;
	*p = nul + 21;
	return true;
}

int kh_tree_entry_cmp(const kh_tree_entry *a, const kh_tree_entry *b)
{
	size_t n = a->name_len < b->name_len ? a->name_len : b->name_len;
	int c = memcmp(a->name, b->name, n);
	unsigned char ca, cb;

	if (c)
		return c;
	ca = a->name_len > n ? a->name[n] : (kh_git_mode_is_tree(a->mode) ? '/' : 0);
	cb = b->name_len > n ? b->name[n] : (kh_git_mode_is_tree(b->mode) ? '/' : 0);
	return (int)ca - (int)cb;
}

static bool parse_hex_id(const unsigned char *s, const unsigned char *end, uint8_t out[20])
{
	return end - s >= 40 && kh_oid_parse((const char *)s, out);
}

static void trim(const unsigned char **s, const unsigned char **e)
{
	while (*s < *e && **s == ' ')
		(*s)++;
	while (*e > *s && (*e)[-1] == ' ')
		(*e)--;
}

/* "Name <email> 1500000000 +0100" */
static void parse_person(kh_commit_fields *c, const unsigned char *s, const unsigned char *e)
{
	const unsigned char *lt = memchr(s, '<', (size_t)(e - s)), *gt;
	long long when = 0;
	char tail[64], sign = '+';
	size_t n;
	int hhmm = 0;

	c->has_author = true;
	if (!lt || !(gt = memchr(lt, '>', (size_t)(e - lt)))) {
		c->name = s, c->name_end = e;
		trim(&c->name, &c->name_end);
		return;
	}
	c->name = s, c->name_end = lt;
	trim(&c->name, &c->name_end);
	c->has_email = true;
	c->email = lt + 1, c->email_end = gt;
	n = (size_t)(e - gt - 1) < sizeof(tail) - 1 ? (size_t)(e - gt - 1) : sizeof(tail) - 1;
	memcpy(tail, gt + 1, n);
	tail[n] = 0;
	if (sscanf(tail, " %lld %c%d", &when, &sign, &hhmm) >= 1) {
		c->tz = (hhmm / 100) * 60 + hhmm % 100;
		if (sign == '-')
			c->tz = -c->tz;
	}
	c->when = when;
}

int kh_commit_parse(const unsigned char *d, size_t len, kh_commit_fields *out,
		    int (*on_parent)(const uint8_t id[20], void *payload), void *payload)
{
	const unsigned char *p = d, *end = d + len;
	uint8_t id[20];
	int error;

	memset(out, 0, sizeof(*out));
	out->message = end;
	while (p < end) {
		const unsigned char *nl = memchr(p, '\n', (size_t)(end - p));
		const unsigned char *le = nl ? nl : end;
		if (le == p) { /* blank line: the message follows */
			out->message = le + 1 <= end ? le + 1 : end;
			break;
		}
		if (le - p > 5 && !memcmp(p, "tree ", 5) && parse_hex_id(p + 5, le, id)) {
			memcpy(out->tree, id, 20);
			out->has_tree = true;
		} else if (le - p > 7 && !memcmp(p, "parent ", 7) && parse_hex_id(p + 7, le, id)) {
			if (on_parent && (error = on_parent(id, payload)) != 0)
				return error;
		} else if (le - p > 7 && !memcmp(p, "author ", 7)) {
			parse_person(out, p + 7, le);
		}
		p = nl ? nl + 1 : end;
	}
	return 0;
}

int kh_tag_target(const unsigned char *d, size_t len, uint8_t out[20])
{
	if (len < 47 || memcmp(d, "object ", 7) || !parse_hex_id(d + 7, d + len, out))
		return -1;
	return 0;
}
