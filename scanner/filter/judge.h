/* SPDX-License-Identifier: Apache-2.0 */
/* Helpers of the judge that other modules (printers, baselines) share. */
#ifndef KH_JUDGE_H
#define KH_JUDGE_H

#include "core/kh.h"
#include "core/redact.h"

bool kh_rule_path_matches(const kh_rule *r, const char *path);
void kh_fingerprint(const char *rule_id, const char *path, const char *secret, size_t n,
		    char out[33]);

/* published.c: secrets nobody needs to rotate, told by where they sit (a test
 * suite's or a sample's keys, a manual page) or by what they say (an expired JWT or
 * SAS, a presigned URL's key id, a published test key, a test account's pair). */
bool kh_in_fixture_folder(const char *path);
bool kh_in_man_page(const char *path);
bool kh_published_path(const kh_rule *r, const char *path);
bool kh_published(const kh_rule *r, const char *path, const unsigned char *data, size_t len,
		  const kh_match *m, const char *secret, size_t sn);

#endif
