/* SPDX-License-Identifier: Apache-2.0 */
/* Printers: each writes a finished report to a stream. */
#ifndef KH_REPORT_PRINTERS_H
#define KH_REPORT_PRINTERS_H

#include <jansson.h>

#include "core/kh.h"
#include "rules/ruleset.h"

/* A copy of s with each byte that is not valid UTF-8 replaced by U+FFFD. */
char *kh_utf8_sanitize(const char *s);
json_t *kh_json_str(const char *s);           /* NULL in: json null */
json_t *kh_finding_json(const keyhound_finding *f);
json_t *kh_summary_json(const keyhound_report *r);
const char *kh_source_name(keyhound_source_kind k);

int kh_write_json(const keyhound_report *r, FILE *out);
int kh_write_jsonl(const keyhound_report *r, FILE *out);
int kh_write_human(const keyhound_report *r, FILE *out, const keyhound_write_options *o);
int kh_write_gitlab(const keyhound_report *r, FILE *out);
/* rs: the rules for their metadata (the engine's, handed down), or NULL. */
int kh_write_sarif(const keyhound_report *r, FILE *out, const keyhound_write_options *o,
		   const kh_ruleset *rs);
/* keyhound_report_write below the engine: rs as for kh_write_sarif. */
int kh_report_write(const keyhound_report *r, FILE *out, keyhound_format format,
		    const keyhound_write_options *o, const kh_ruleset *rs);

#endif
