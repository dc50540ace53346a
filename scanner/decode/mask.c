/* SPDX-License-Identifier: Apache-2.0 */
/* Text about to be printed that is not a blob's line with known spans (a commit's
 * message, a layer's created_by, an error's location and reason) is matched here, and
 * every secret any rule finds in it is masked, whatever the filters would say. It sits
 * with the decoder: what decodes to a secret is masked too. */
#include <stdlib.h>
#include <string.h>

#include "core/kh.h"
#include "core/redact.h"
#include "core/report.h"
#include "decode/decode.h"
#include "filter/filter.h"
#include "match/match.h"
#include "rules/ruleset.h"

/* A message sits at no path. Every rule is asked about it, the path-scoped ones
 * included (a .pgpass or .netrc line quoted in a commit message is as much a leak there),
 * except the formats read by position, marked `messages: false` (chap-secrets' "client
 * server secret" columns, .fetchmailrc's "pass X", a whole-file master.key): in prose they
 * take any third word, or the word after "pass", for a credential, and printed every error
 * and commit message as "out of *****". What the others match is masked whatever the
 * filters would say. */
static bool in_messages(const kh_rule *r)
{
	return !r->no_messages;
}

/* A credential-file line quoted after some words ("fix: remove DB_PASSWORD=x") starts
 * mid-line, where the rules anchored at a line's start do not look. The text is matched
 * again with blanks turned into line breaks, which keeps every offset: once every blank
 * (a word starts a line), once only those not beside '=' or ':' ("password = x" and
 * "password: x" stay whole). */
static void as_lines(char *t, size_t n, bool keep_around_sep)
{
	for (size_t i = 0; i < n;) {
		size_t j = i;
		if (t[i] != ' ' && t[i] != '\t') {
			i++;
			continue;
		}
		while (j < n && (t[j] == ' ' || t[j] == '\t'))
			j++;
		bool sep = (i > 0 && (t[i - 1] == '=' || t[i - 1] == ':')) || (j < n && (t[j] == '=' || t[j] == ':'));
		if (!keep_around_sep || !sep)
			memset(t + i, '\n', j - i);
		i = j;
	}
}

/* A value that is only printf directives and separators ("%s", "%d", "%s/%s"). */
static bool only_formats(const char *s, size_t n)
{
	bool any = false;
	for (size_t i = 0; i < n;) {
		if (s[i] == '%') {
			size_t k = i + 1;
			while (k < n && k - i <= 4 && strchr("-+0123456789.l", s[k]))
				k++;
			if (k < n && strchr("sdfixup", s[k])) {
				any = true;
				i = k + 1;
				continue;
			}
			return false;
		}
		if (!strchr("/:,;-._ ", s[i]))
			return false;
		i++;
	}
	return any;
}

/* What a rule matched in prose that names no secret, and is shown: a stand-in
 * ("value", "${TOKEN}", "<password>", "Bearer") or a format string ("key=%d"), once the
 * punctuation the prose put after it is set aside. A real value is masked, and so is a
 * stand-in that people use for a password ("password", "admin", "123456"): a credential
 * file quoted in a message may hold it for real. */
static bool names_no_secret(const char *s, size_t n)
{
	while (n && strchr(",;.`'\")]", s[n - 1]))
		n--;
	return !n || only_formats(s, n) || (kh_is_stand_in(s, n) && !kh_is_common_password(s, n));
}

char *kh_match_mask(const kh_ruleset *rs, kh_scratch *s, const keyhound_limits *limits,
		    const char *text)
{
	keyhound_limits lim = *limits;
	size_t len = strlen(text);
	kh_masks mk = {0};
	kh_buf out = {0};
	size_t k = 0, cap = 8;
	kh_span *spans = kh_calloc(cap, sizeof(*spans));
	char *copy = kh_malloc(len + 1);

	/* every match is needed here, not the first few of each rule */
	if (lim.max_findings_per_blob < len)
		lim.max_findings_per_blob = len > UINT32_MAX ? UINT32_MAX : (unsigned)len;
	for (int pass = 0; pass < 3; pass++) {
		kh_matches m = {0};
		memcpy(copy, text, len + 1);
		if (pass)
			as_lines(copy, len, pass == 2);
		if (pass && !memcmp(copy, text, len))
			continue;
		if (kh_match_blob(rs, s, (const unsigned char *)copy, len, &lim, &m) < 0 || m.truncated ||
		    m.match_limit_errors) {
			/* what it holds is not known: none of it is shown */
			kh_matches_free(&m);
			free(spans);
			free(copy);
			return kh_redact(text, len);
		}
		if (k + m.n > cap)
			spans = kh_realloc(spans, sizeof(*spans) * (cap = k + m.n + 8));
		for (size_t i = 0; i < m.n; i++) {
			const kh_match *x = &m.v[i];
			if (!in_messages(&rs->rules[x->rule]) ||
			    (!x->decoded && names_no_secret(copy + x->sec_start, x->sec_end - x->sec_start)))
				continue;
			spans[k++] = x->decoded ? (kh_span){x->start, x->end} : (kh_span){x->sec_start, x->sec_end};
		}
		kh_matches_free(&m);
	}
	free(copy);
	kh_masks_build(&mk, spans, k);
	kh_masks_put(&out, &mk, (const unsigned char *)text, 0, len);
	kh_masks_free(&mk);
	free(spans);
	return kh_buf_detach(&out);
}

typedef struct {
	const kh_ruleset *rs;
	kh_scratch *s;
	const keyhound_limits *limits;
	char *last_in, *last_out;     /* findings of one commit share its message */
} masker;

static void mask_field(masker *k, char **field)
{
	if (!*field || !**field)
		return;
	if (!k->last_in || strcmp(k->last_in, *field)) {
		free(k->last_in);
		free(k->last_out);
		k->last_in = *field;
		k->last_out = kh_match_mask(k->rs, k->s, k->limits, *field);
	} else {
		free(*field);
	}
	*field = kh_strdup(k->last_out);
}

void kh_report_mask(keyhound_report *r, const kh_ruleset *rs, const keyhound_limits *limits)
{
	masker k = {rs, NULL, limits, NULL, NULL};

	if (r->show_secrets)
		return;
	if (kh_scratch_new(&k.s, rs) < 0) {
		kh_report_error(r, "", "cannot mask secrets in messages: %s", keyhound_last_error());
		return;
	}
	for (size_t i = 0; i < r->n; i++) {
		keyhound_finding *f = &r->v[i].f;
		mask_field(&k, (char **)&f->message);
		mask_field(&k, (char **)&f->created_by);
		mask_field(&k, (char **)&f->author);
		mask_field(&k, (char **)&f->email);
	}
	for (size_t i = 0; i < r->n_err && i <= KH_MAX_LISTED_ERRORS; i++) {
		mask_field(&k, &r->err_location[i]);
		mask_field(&k, &r->err_reason[i]);
	}
	for (size_t i = 0; i < r->n_notes; i++)
		mask_field(&k, &r->notes[i]);
	free(k.last_in);
	free(k.last_out);
	kh_scratch_free(k.s);
}
