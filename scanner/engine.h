/* SPDX-License-Identifier: Apache-2.0 */
/* The engine: rules, options and the judging policy, immutable after creation and
 * shared by threads. */
#ifndef KH_ENGINE_H
#define KH_ENGINE_H

#include "filter/judge.h"
#include "rules/ruleset.h"

struct kh_verify_spec;
struct keyhound_engine {
	kh_ruleset *rules;
	/* opts.verify: each rule's parsed verify block (NULL: it does not verify), and the
	 * rule index of each of its `with:` parts (UINT_MAX: no such rule) */
	struct kh_verify_spec **verify_specs;
	unsigned **verify_with;
	keyhound_options opts;
	kh_policy policy;               /* owned */
	kh_judge_cfg judging;           /* the above, as the pipeline and the judge read them */
	char **notes;                   /* summary notes for every report (config, migration) */
	size_t n_notes;
};

#endif
