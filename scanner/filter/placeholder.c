/* SPDX-License-Identifier: Apache-2.0 */
/* Values that stand in for a secret rather than being one: template and
 * environment references, documentation words, masked or repeated characters. */
#include <ctype.h>
#include <string.h>

#include "core/kh.h"

static bool contains_ci(const char *s, size_t n, const char *word)
{
	size_t m = strlen(word);
	for (size_t i = 0; i + m <= n; i++)
		if (!strncasecmp(s + i, word, m))
			return true;
	return false;
}

static bool starts_ci(const char *s, size_t n, const char *word)
{
	size_t m = strlen(word);
	return n >= m && !strncasecmp(s, word, m);
}

static bool run_of(const char *s, size_t n, char c, size_t len)
{
	size_t run = 0;
	for (size_t i = 0; i < n; i++) {
		run = tolower((unsigned char)s[i]) == c ? run + 1 : 0;
		if (run >= len)
			return true;
	}
	return false;
}

/* "$DB_PASSWORD", "$env:TOKEN", "%API_KEY%": a reference to a variable. */
static bool is_variable(const char *s, size_t n)
{
	size_t i = 0;
	if (n >= 2 && s[0] == '%' && s[n - 1] == '%')
		return true;
	if (!n || s[0] != '$')
		return false;
	for (i = 1; i < n; i++)
		if (!(isalnum((unsigned char)s[i]) || s[i] == '_' || s[i] == ':' || s[i] == '.'))
			return false;
	return n > 1;
}

static bool one_char(const char *s, size_t n)
{
	for (size_t i = 1; i < n; i++)
		if (s[i] != s[0])
			return false;
	return true;
}

bool kh_is_placeholder(const char *s, size_t n)
{
	static const char *words[] = {
		"example", "changeme", "change_me", "change-me", "placeholder", "dummy",
		"your_", "your-", "yourkey", "yourtoken", "yoursecret", "yourpassword",
		"redacted", "replace_me", "replaceme", "insert_", "<your", "${", "{{", "}}",
		"%(", "$(", "#{", "process.env", "os.environ", "os.getenv", "getenv(",
		"env[", "secrets.", "vault:", "ref+", "<%", "%>", "[[",
	};
	static const char *exact[] = {
		"password", "passwd", "secret", "token", "apikey", "api_key", "none", "null",
		"nil", "true", "false", "undefined", "todo", "tbd", "test", "admin", "root",
		"string", "value", "empty", "required", "optional",
	};
	if (!n)
		return true;
	for (size_t i = 0; i < sizeof(words) / sizeof(words[0]); i++)
		if (contains_ci(s, n, words[i]))
			return true;
	for (size_t i = 0; i < sizeof(exact) / sizeof(exact[0]); i++)
		if (strlen(exact[i]) == n && !strncasecmp(s, exact[i], n))
			return true;
	if (n >= 2 && s[0] == '<' && s[n - 1] == '>')
		return true;
	if (run_of(s, n, 'x', 5) || run_of(s, n, '*', 4) || run_of(s, n, '.', 4) || run_of(s, n, '#', 4))
		return true;
	if (is_variable(s, n) || one_char(s, n))
		return true;
	if (starts_ci(s, n, "env.") || starts_ci(s, n, "config.") || starts_ci(s, n, "settings."))
		return true;
	return false;
}
