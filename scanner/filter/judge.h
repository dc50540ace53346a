/* SPDX-License-Identifier: Apache-2.0 */
/* Helpers of the judge that other modules (printers, baselines) share. */
#ifndef KH_JUDGE_H
#define KH_JUDGE_H

#include "core/kh.h"
#include "core/redact.h"

bool kh_rule_path_matches(const kh_rule *r, const char *path);
void kh_fingerprint(const char *rule_id, const char *path, const char *secret, size_t n,
		    char out[33]);

#endif
