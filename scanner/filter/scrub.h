/* SPDX-License-Identifier: Apache-2.0 */
/* Secrets that leak into provenance: a commit's subject, an image layer's
 * created_by. Redacted there too once a scan is done. */
#ifndef KH_SCRUB_H
#define KH_SCRUB_H

#include "core/kh.h"

/* Replace every secret found in a commit message or image configuration, wherever
 * it appears in any finding's message or created_by. Call with no other thread on r. */
void kh_report_scrub(keyhound_report *r);

#endif
