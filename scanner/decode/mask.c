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
#include "match/match.h"
#include "rules/ruleset.h"

/* A message sits at no path. The rules scoped to paths without keywords are file formats
 * read by position (chap-secrets' "client server secret" columns, .fetchmailrc's "pass X",
 * a whole-file .pgpass or master.key): in prose they take any third word or the word
 * after "pass" for a credential, and every error and commit message printed as "cannot read
 * ar*****". They are not asked here. Every other rule is, the generic ones scoped to
 * config files for speed included (they need a key name such as SECRET= before the
 * value), and what they match is masked whatever the filters would say. */
static bool in_messages(const kh_rule *r)
{
	return !r->n_paths || r->n_keywords;
}

char *kh_match_mask(const kh_ruleset *rs, kh_scratch *s, const keyhound_limits *limits,
		    const char *text)
{
	keyhound_limits lim = *limits;
	size_t len = strlen(text);
	kh_matches m = {0};
	kh_masks mk = {0};
	kh_buf out = {0};
	kh_span *spans = NULL;

	/* every match is needed here, not the first few of each rule */
	if (lim.max_findings_per_blob < len)
		lim.max_findings_per_blob = len > UINT32_MAX ? UINT32_MAX : (unsigned)len;
	if (kh_match_blob(rs, s, (const unsigned char *)text, len, &lim, &m) < 0 || m.truncated ||
	    m.match_limit_errors) {
		/* what it holds is not known: none of it is shown */
		kh_matches_free(&m);
		return kh_redact(text, len);
	}
	spans = kh_calloc(m.n ? m.n : 1, sizeof(*spans));
	size_t k = 0;
	for (size_t i = 0; i < m.n; i++) {
		const kh_match *x = &m.v[i];
		if (!in_messages(&rs->rules[x->rule]))
			continue;
		spans[k++] = x->decoded ? (kh_span){x->start, x->end} : (kh_span){x->sec_start, x->sec_end};
	}
	kh_masks_build(&mk, spans, k);
	kh_masks_put(&out, &mk, (const unsigned char *)text, 0, len);
	kh_masks_free(&mk);
	free(spans);
	kh_matches_free(&m);
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
