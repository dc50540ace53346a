/* SPDX-License-Identifier: Apache-2.0 */
/* libFuzzer target for Google service-account key files as --verify reads them (JSON
 * from scanned content): the parser, then the PEM's escapes and the RS256 signature. */
#include <stdint.h>
#include <stdlib.h>

#include "core/kh.h"
#include "verify/sign_gcp.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	kh_gcp_key *key = NULL, *parts = NULL;
	char *jwt = NULL;
	if (kh_gcp_key_parse(&key, (const char *)data, size) == 0) {
		/* the same fields as a rule captures them, escapes and all */
		if (kh_gcp_key_from_parts(&parts, key->client_email, key->private_key_id,
					  key->private_key) == 0 &&
		    kh_gcp_jwt(&jwt, parts, KH_GCP_SCOPE, 1764770000) == 0) {
			char *body = kh_gcp_token_body(jwt);
			free(body);
		}
	}
	free(jwt);
	kh_gcp_key_free(parts);
	kh_gcp_key_free(key);
	return 0;
}
