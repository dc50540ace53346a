/* SPDX-License-Identifier: Apache-2.0 */
/* Path globs for rule `paths` and allowlists: '*' and '?' stay inside a path
 * segment, '**' crosses segments, [a-z] sets. A pattern with no '/' matches
 * the last segment, as in .gitignore, so '*.pem' finds keys in any folder. */
#include <string.h>

#include "core/kh.h"

static bool match_set(const char **pp, char c)
{
	const char *p = *pp + 1;
	bool neg = false, ok = false;
	if (*p == '!' || *p == '^')
		neg = true, p++;
	for (bool first = true; *p && (first || *p != ']'); first = false, p++) {
		if (p[1] == '-' && p[2] && p[2] != ']') {
			if (c >= p[0] && c <= p[2])
				ok = true;
			p += 2;
		} else if (*p == c) {
			ok = true;
		}
	}
	if (*p != ']')
		return false;
	*pp = p + 1;
	return ok != neg;
}

static bool glob(const char *p, const char *s)
{
	while (*p) {
		if (p[0] == '*' && p[1] == '*') {
			p += 2;
			if (!*p)
				return true;
			if (*p == '/')
				p++;
			/* '**' matches zero or more whole segments */
			for (const char *t = s;; t++) {
				if ((t == s || t[-1] == '/') && glob(p, t))
					return true;
				if (!*t)
					return false;
			}
		}
		if (*p == '*') {
			p++;
			for (const char *t = s;; t++) {
				if (glob(p, t))
					return true;
				if (!*t || *t == '/')
					return false;
			}
		}
		if (!*s)
			return false;
		if (*p == '?') {
			if (*s == '/')
				return false;
			p++, s++;
		} else if (*p == '[') {
			const char *q = p;
			if (!match_set(&q, *s))
				return false;
			p = q, s++;
		} else {
			if (*p != *s)
				return false;
			p++, s++;
		}
	}
	return *s == '\0';
}

bool kh_glob_match(const char *pattern, const char *path)
{
	if (!pattern || !path)
		return false;
	while (path[0] == '.' && path[1] == '/')
		path += 2;
	if (pattern[0] == '/')
		return glob(pattern + 1, path);
	if (!strchr(pattern, '/')) {
		const char *base = strrchr(path, '/');
		/* inside archives "a.jar!x/y": the segment after the last '/' or '!' */
		const char *bang = strrchr(path, '!');
		if (bang && (!base || bang > base))
			base = bang;
		return glob(pattern, base ? base + 1 : path);
	}
	return glob(pattern, path);
}
