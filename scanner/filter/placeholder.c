/* SPDX-License-Identifier: Apache-2.0 */
/* Values that stand in for a secret rather than being one, judged on the value
 * alone (never on the line or file around it): a template or variable reference
 * that is the whole value, a value made only of placeholder words, a provider's
 * documented example token, or a body after a known prefix that is sequential,
 * repeated or masked. A real-looking value that merely contains "dummy", "%(" or
 * "$(" is a secret. Also: dictionary-weak values, for credential files. */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "core/kh.h"
#include "filter/filter.h"

static bool eq_ci(const char *s, size_t n, const char *w)
{
	return strlen(w) == n && !strncasecmp(s, w, n);
}

static bool starts_ci(const char *s, size_t n, const char *w)
{
	size_t m = strlen(w);
	return n >= m && !strncasecmp(s, w, m);
}

static bool ends_ci(const char *s, size_t n, const char *w)
{
	size_t m = strlen(w);
	return n >= m && !strncasecmp(s + n - m, w, m);
}

static bool ident_char(unsigned char c)
{
	return isalnum(c) || c == '_';
}

/* The whole value is one reference: ${X}, {{ x }}, <x>, %(x)s, $X, %X%, $(cmd),
 * #{x}, <%= x %>, [[x]], @x@, process.env.X, os.environ["X"], env('X'). */
static bool is_reference(const char *s, size_t n)
{
	static const char *wraps[][2] = {
		{"${", "}"}, {"{{", "}}"}, {"@@", "@@"}, {"__", "__"}, {"ENC[", "]"}, {"<%", "%>"}, {"%(", ")s"}, {"%(", ")d"}, {"$(", ")"},
		{"#{", "}"}, {"[[", "]]"}, {"<", ">"}, {"%", "%"}, {"@", "@"}, {"{", "}"},
		{"$env:", ""}, {"(", ")"}, {"[", "]"},
	};
	static const char *calls[] = {
		"process.env", "os.environ", "os.getenv", "getenv(", "env(", "env[", "env.",
		"ENV[", "ENV.fetch", "secrets.", "vault:", "ref+", "settings.", "config.",
		"System.getenv", "Environment.GetEnvironmentVariable", "import.meta.env",
		/* secret-manager references: 1Password, AWS, Azure Key Vault, Doppler, GCP */
		"op://", "arn:aws:secretsmanager:", "arn:aws:ssm:", "@Microsoft.KeyVault(",
		"doppler://", "sm://", "gcp:secretmanager:", "vault://", "awssm://",
	};
	if (n < 2)
		return false;
	for (size_t i = 0; i < sizeof(wraps) / sizeof(*wraps); i++) {
		size_t a = strlen(wraps[i][0]), b = strlen(wraps[i][1]);
		if (n >= a + b && !memcmp(s, wraps[i][0], a) && !memcmp(s + n - b, wraps[i][1], b)) {
			/* "{abc123...}" and "(...)" wrap real values too: only a name inside */
			bool name = true;
			if (!strcmp(wraps[i][0], "{") || !strcmp(wraps[i][0], "(") ||
			    !strcmp(wraps[i][0], "[") || !strcmp(wraps[i][0], "%") ||
			    !strcmp(wraps[i][0], "@"))
				for (size_t k = a; k < n - b && name; k++)
					name = ident_char((unsigned char)s[k]) || s[k] == '.' || s[k] == '-' ||
					       s[k] == ' ';
			if (name)
				return true;
		}
	}
	for (size_t i = 0; i < sizeof(calls) / sizeof(*calls); i++)
		if (starts_ci(s, n, calls[i]))
			return true;
	/* $NAME or $name.path: a shell or template variable */
	if (s[0] == '$' && (isalpha((unsigned char)s[1]) || s[1] == '_')) {
		for (size_t i = 1; i < n; i++)
			if (!(ident_char((unsigned char)s[i]) || s[i] == '.' || s[i] == ':'))
				return false;
		return true;
	}
	return false;
}

/* Words that mark a value written for documentation. */
static const char *const marker_words[] = {
	"example", "changeme", "change", "placeholder", "dummy", "redacted", "replace", "insert",
	"your", "yours", "fake", "sample", "notreal", "not", "real", "invalid", "foobar", "foo",
	"bar", "baz", "todo", "fixme", "tbd", "here", "put", "enter", "fill", "xxx", "mock",
	"bad", "wrong",
};
/* Words that name what the value would be: fine around a marker word. */
static const char *const filler_words[] = {
	"my", "the", "a", "an", "api", "key", "keys", "token", "secret", "password", "passwd",
	"pass", "pwd", "access", "auth", "client", "app", "application", "account", "user",
	"username", "id", "value", "string", "private", "public", "bot", "webhook", "url",
	"signing", "session", "database", "db", "service", "server", "goes", "this", "with",
	"own", "some", "test", "testing", "dev", "prod", "live", "aws", "github", "slack",
	"stripe", "sk", "pk", "this", "is", "of", "to", "for", "and", "or", "in", "credential",
	"credentials", "personal", "new", "old", "generated", "random", "long", "key",
	"admin", "root", "bearer", "oauth", "refresh", "jwt", "hmac", "encryption", "master",
	"only", "it", "that", "should", "be", "must", "set", "use",
};

static bool in_list(const char *s, size_t n, const char *const *list, size_t count)
{
	for (size_t i = 0; i < count; i++)
		if (eq_ci(s, n, list[i]))
			return true;
	return false;
}

/* Split a run of letters into list words, greedily from the left, longest first:
 * "yourapikeyhere" is your+api+key+here. Returns whether every letter is covered,
 * and whether a marker word was among them. */
static bool split_words(const char *s, size_t n, bool *marker)
{
	size_t i = 0;
	while (i < n) {
		size_t best = 0;
		bool best_marker = false;
		for (size_t len = n - i; len >= 1 && !best; len--) {
			if (in_list(s + i, len, marker_words, sizeof(marker_words) / sizeof(*marker_words))) {
				best = len;
				best_marker = true;
			} else if (in_list(s + i, len, filler_words,
					   sizeof(filler_words) / sizeof(*filler_words))) {
				best = len;
			}
		}
		if (!best)
			return false;
		*marker |= best_marker;
		i += best;
	}
	return true;
}

/* "your_api_key_here", "<insert-token>", "CHANGE_ME", "dummy-password-123",
 * "REPLACE WITH YOUR KEY": only placeholder and filler words, separators and at
 * most a few digits. A value with anything random in it is not one. */
static bool is_wordy_placeholder(const char *s, size_t n)
{
	bool marker = false;
	size_t digits = 0, i = 0;
	if (n > 80)
		return false;
	while (i < n) {
		unsigned char c = (unsigned char)s[i];
		if (isalpha(c)) {
			size_t j = i;
			/* a camelCase boundary starts a new word */
			while (j < n && isalpha((unsigned char)s[j]) &&
			       !(j > i && isupper((unsigned char)s[j]) && islower((unsigned char)s[j - 1])))
				j++;
			if (!split_words(s + i, j - i, &marker))
				return false;
			i = j;
		} else if (isdigit(c)) {
			digits++;
			i++;
		} else if (strchr("_-. :/<>[]{}()*#!@", c)) {
			i++;
		} else {
			return false;
		}
	}
	return marker && digits <= 4;
}

/* Values that name nothing: "password", "null", "changeme". */
static bool is_stand_in_word(const char *s, size_t n)
{
	static const char *const exact[] = {
		"password", "passwd", "secret", "token", "apikey", "api_key", "none", "null", "nil",
		"true", "false", "undefined", "todo", "tbd", "test", "admin", "root", "string",
		"value", "empty", "required", "optional", "changeme", "change_me", "change-me",
		"placeholder", "redacted", "replaceme", "replace_me", "secret_key", "mysecret",
		"mypassword", "yourpassword", "yoursecret", "yourtoken", "yourkey", "sample",
		"example", "dummy", "default", "unknown", "hidden", "masked", "notset", "unset",
		"pass", "bearer", "basic", "digest",
	};
	return in_list(s, n, exact, sizeof(exact) / sizeof(*exact));
}

/* Providers' documented example tokens: exact values, each from the page cited.
 * (Values that are sequential or repeated need no entry: the body check finds them.) */
static bool is_documented_example(const char *s, size_t n)
{
	static const char *const docs[] = {
		/* https://docs.aws.amazon.com/IAM/latest/UserGuide/security-creds.html */
		"AKIAIOSFODNN7EXAMPLE", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY",
		/* https://docs.aws.amazon.com/STS/latest/APIReference/API_GetSessionToken.html */
		"ASIAIOSFODNN7EXAMPLE",
		/* https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_access-keys.html */
		"AKIAI44QH8DHBEXAMPLE", "je7MtGbClwBF/2Zp9Utk/h3yCo8nvbEXAMPLEKEY",
		/* https://docs.stripe.com/keys (the documentation's shared test keys) */
		"sk_test_4eC39HqLyjWDarjtT1zdp7dc", "pk_test_TYooMQauvdEDq54NiTphI7jx",
		"sk_test_BQokikJOvBiI2HlWgH4olfQ2", "pk_test_6pRNASCoBOKtIshFeQd4XMUh",
		/* https://api.slack.com/authentication/token-types (placeholder shown in the docs) */
		"xoxb-not-a-real-token-this-will-not-work",
		/* https://jwt.io/introduction (the introduction's HS256 token) */
		"eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4gRG9lIiwiaWF0IjoxNTE2MjM5MDIyfQ.SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c",
		/* https://www.rfc-editor.org/rfc/rfc6749#section-4.1.4 */
		"2YotnFZFEjr1zCsicMWpAA", "tGzv3JOkF0XG5Qx2TlKWIA",
		/* https://www.rfc-editor.org/rfc/rfc5849#section-1.2 (client, temporary and
		 * token credentials of the photos.example.net walk-through) */
		"dpf43f3p2l4k3l03", "kd94hf93k423kf44", "hh5s93j4hdidpola", "hdhd0244k9j7ao03",
		"nnch734d00sl2jdk", "pfkkdhi9sl3r4s00",
		/* https://www.rfc-editor.org/rfc/rfc5849#section-3.5.1 (the Authorization header
		 * example; also https://oauth.net/core/1.0/#auth_header) */
		"0685bd9184jfhq22", "ad180jjd733klru7",
		/* https://en.wikipedia.org/wiki/Universally_unique_identifier#Textual_representation
		 * (the UUID documentation pages copy) and https://www.rfc-editor.org/rfc/rfc4122#section-3 */
		"123e4567-e89b-12d3-a456-426614174000", "f81d4fae-7dec-11d0-a765-00a0c91e6bf6",
		/* https://learn.microsoft.com/en-us/azure/storage/common/storage-connect-azurite (the emulator's well-known key) */
		"Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==",
	};
	for (size_t i = 0; i < sizeof(docs) / sizeof(*docs); i++)
		if (strlen(docs[i]) == n && !memcmp(s, docs[i], n))
			return true;
	/* AWS's documentation marks its sample keys, secrets and session tokens with an
	 * upper-case EXAMPLE inside the value (...EXAMPLE, ...EXAMPLEKEY, AQoEXAMPLEH4...) */
	if (n >= 16 && memmem(s, n, "EXAMPLE", 7))
		return true;
	/* ... and its API examples end ids, tokens and keys with "example" */
	if (n >= 16 && (ends_ci(s, n, "example") || ends_ci(s, n, "examplekey")))
		return true;
	return false;
}

/* Known token prefixes: the body after one is judged alone. A generic shape
 * (letters then _ - or .) covers the many providers not listed. */
static size_t prefix_len(const char *s, size_t n)
{
	static const char *const known[] = {
		"AKIA", "ASIA", "AGPA", "AIDA", "AROA", "AIza", "github_pat_", "sk-proj-", "sk-ant-api03-",
		"xoxb-", "xoxp-", "xoxa-", "xoxs-", "xoxe-", "xapp-", "SG.", "glpat-", "npm_",
	};
	for (size_t i = 0; i < sizeof(known) / sizeof(*known); i++)
		if (starts_ci(s, n, known[i]))
			return strlen(known[i]);
	size_t i = 0, last = 0;
	/* up to three letter groups joined by _ - or . ("sk_live_", "dop_v1_", "shpat_") */
	for (int groups = 0; groups < 3; groups++) {
		size_t j = i;
		while (j < n && j - i < 12 && isalnum((unsigned char)s[j]))
			j++;
		if (j == i || j >= n || !strchr("_-.", s[j]))
			break;
		i = j + 1;
		last = i;
	}
	return last <= 16 ? last : 0;
}

/* Sequential ("1234567890abcdef"), repeated ("aaaa", "abcabc") or masked ("****",
 * "xxxxxx", "...") bodies. Thresholds: 60% of neighbouring pairs are a step of
 * 0 or +-1 (random base62 text has about 5%), or at most 3 distinct characters in
 * 12 or more, or a period of at most 4 that covers the body, or a mask run. */
static bool is_patterned(const char *s, size_t n)
{
	size_t steps = 0, pairs = 0, distinct = 0;
	bool seen[256] = {false};
	if (n < 4)
		return false;
	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)tolower((unsigned char)s[i]);
		if (!seen[c]) {
			seen[c] = true;
			distinct++;
		}
		if (i + 1 < n) {
			int a = tolower((unsigned char)s[i]), b = tolower((unsigned char)s[i + 1]);
			if (strchr("_-.", a) || strchr("_-.", b))
				continue;
			pairs++;
			if (b - a <= 1 && b - a >= -1)
				steps++;
			else if ((a == '9' && b == '0') || (a == 'z' && b == 'a') || (a == '9' && b == 'a'))
				steps++;
		}
	}
	if (pairs >= 3 && steps * 10 >= pairs * 6)
		return true;
	/* interleaved runs: "a1b2c3d4e5f6", "1a2b3c4d" */
	size_t steps2 = 0, pairs2 = 0;
	for (size_t i = 0; i + 2 < n; i++) {
		int a = (unsigned char)s[i], b = (unsigned char)s[i + 2];
		pairs2++;
		steps2 += b - a == 1 || b - a == 0 || (a == '9' && b == '0');
	}
	if (pairs2 >= 6 && steps2 * 10 >= pairs2 * 7)
		return true;
	if (n >= 12 && distinct <= 3)
		return true;
	for (size_t p = 1; p <= 4 && p * 3 <= n; p++) {
		size_t k = p;
		while (k < n && s[k] == s[k - p])
			k++;
		if (k == n)
			return true;
	}
	size_t run = 0;
	for (size_t i = 0; i < n; i++) {
		char c = s[i];
		bool mask = c == '*' || c == 'x' || c == 'X' || c == '.' || c == '#';
		run = mask && i && s[i - 1] == c ? run + 1 : mask;
		if ((c == 'x' || c == 'X') ? run >= 6 : run >= 3)
			return true;
	}
	return false;
}

/* Keyboard mashing ("askfjh234as9sd8", "qwerty1uiop"): ten or more letters, all
 * from one row of a QWERTY keyboard. Random letters do that with odds under
 * (10/26)^10 = 7e-5 per row. */
static bool is_keyboard_row(const char *s, size_t n)
{
	static const char *const rows[] = {"qwertyuiop", "asdfghjkl", "zxcvbnm"};
	size_t letters = 0, hex = 0;
	int row = -1;
	for (size_t i = 0; i < n; i++)
		hex += isxdigit((unsigned char)s[i]) != 0;
	if (hex == n) /* hex letters are a-f: half of them on the home row */
		return false;
	for (size_t i = 0; i < n; i++) {
		int c = tolower((unsigned char)s[i]);
		if (!isalpha(c))
			continue;
		int r = 0;
		while (r < 3 && !strchr(rows[r], c))
			r++;
		if (row >= 0 && r != row)
			return false;
		row = r;
		letters++;
	}
	return letters >= 10;
}

/* A base64 value (a Kubernetes Secret's data:) stands in when what it encodes does. */
static bool is_encoded_placeholder(const char *s, size_t n)
{
	static const char b64[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
	char out[96];
	size_t o = 0, bits = 0;
	uint32_t acc = 0;
	if (n < 8 || n > 128 || n % 4)
		return false;
	for (size_t i = 0; i < n; i++) {
		const char *p;
		if (s[i] == '=' && i >= n - 2)
			break;
		if (!s[i] || !(p = strchr(b64, s[i])))
			return false;
		acc = acc << 6 | (uint32_t)(p - b64);
		bits += 6;
		if (bits >= 8) {
			bits -= 8;
			unsigned char c = (unsigned char)(acc >> bits);
			if (c < 0x20 || c >= 0x7f || o == sizeof(out))
				return false;
			out[o++] = (char)c;
		}
	}
	return o && kh_is_placeholder(out, o);
}

/* A template, a reference or words written in a value's place ("${TOKEN}", "<password>",
 * "your_key_here", "value"): what prose shows when it talks about a setting. Patterned and
 * documented values are placeholders too, but not stand-ins. */
bool kh_is_stand_in(const char *s, size_t n)
{
	return !n || is_reference(s, n) || is_stand_in_word(s, n) || is_wordy_placeholder(s, n);
}

bool kh_is_placeholder(const char *s, size_t n)
{
	size_t p;
	if (!n)
		return true;
	if (is_reference(s, n) || is_stand_in_word(s, n) || is_documented_example(s, n))
		return true;
	if (is_wordy_placeholder(s, n) || is_encoded_placeholder(s, n) || is_keyboard_row(s, n))
		return true;
	/* a URL's password is percent-encoded: "pass%2fis%40bad" is pass/is@bad */
	if (memchr(s, '%', n) && n <= 80) {
		char dec[80];
		size_t o = 0;
		for (size_t i = 0; i < n; i++) {
			if (s[i] == '%' && i + 2 < n && isxdigit((unsigned char)s[i + 1]) &&
			    isxdigit((unsigned char)s[i + 2])) {
				char hx[3] = {s[i + 1], s[i + 2], 0};
				dec[o++] = (char)strtol(hx, NULL, 16);
				i += 2;
			} else {
				dec[o++] = s[i];
			}
		}
		if (o < n && is_wordy_placeholder(dec, o))
			return true;
	}
	p = prefix_len(s, n);
	if (is_patterned(s + p, n - p))
		return true;
	/* a UUID's digits without its dashes: "1a2b3c4d-5e6f-7a8b-9c0d-1e2f3a4b5c6d" */
	if (n == 36 && s[8] == '-' && s[13] == '-' && s[18] == '-' && s[23] == '-') {
		char hex[32];
		size_t o = 0;
		for (size_t i = 0; i < n && o < sizeof(hex); i++)
			if (s[i] != '-')
				hex[o++] = s[i];
		if (o == 32 && is_patterned(hex, o))
			return true;
	}
	return false;
}

/* A password people use: a common word, alone or with digits or '!' after it
 * ("Password123!", "admin2024"), or digits alone. */
bool kh_is_common_password(const char *s, size_t n)
{
	static const char *const common[] = {
		"password", "passw0rd", "p@ssw0rd", "p@ssword", "secret", "admin", "administrator",
		"root", "toor", "guest", "user", "test", "tester", "testing", "demo", "default",
		"letmein", "welcome", "qwerty", "qwertyuiop", "asdfgh", "asdfghjkl", "iloveyou",
		"monkey", "dragon", "master", "login", "changeit", "changeme", "postgres", "mysql",
		"oracle", "tiger", "scott", "sa", "pass", "abc", "abcd", "foobar", "hunter",
		"sunshine", "princess", "football", "baseball", "shadow", "trustno", "superman",
		"anonymous", "ftp", "www", "web", "dev", "developer", "secure", "private", "public",
	};
	size_t core = n;
	while (core > 0 && (isdigit((unsigned char)s[core - 1]) || s[core - 1] == '!'))
		core--;
	return core == 0 || in_list(s, core, common, sizeof(common) / sizeof(*common));
}

/* Dictionary-weak: what a credential file holds when nobody chose a real
 * password. Such an entry is still reported, with low confidence. */
bool kh_is_weak(const char *s, size_t n)
{
	return kh_is_placeholder(s, n) || n < 6 || kh_is_common_password(s, n);
}
