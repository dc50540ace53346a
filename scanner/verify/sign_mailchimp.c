/* SPDX-License-Identifier: Apache-2.0 */
/* The mailchimp-dc signer: a Mailchimp key names its data centre ("-us6"), which is its
 * API host's first label and which no template can cut out of the key. The host is built
 * only from that strict pattern, so nothing outside api.mailchimp.com is ever reached. */
#include <stdlib.h>
#include <string.h>

#include "core/kh.h"
#include "verify/sign.h"

static size_t span(const char *s, const char *set)
{
	return strspn(s, set);
}

/* <32 hex>-us<N>: the key's data centre is the API host's first label.
 * https://mailchimp.com/developer/marketing/docs/fundamentals/#api-structure */
int kh_sign_mailchimp_dc(kh_verify_request *req, const kh_verify_vars *vars, time_t now)
{
	const char *key = kh_verify_var(vars, "secret");
	const char *dash = key ? strrchr(key, '-') : NULL;
	if (!dash || strncmp(dash + 1, "us", 2))
		return kh_error(KEYHOUND_EINVAL, "mailchimp-dc: the key names no data centre");
	size_t dn = span(dash + 3, "0123456789");
	if (dn < 1 || dn > 2 || dash[3 + dn])
		return kh_error(KEYHOUND_EINVAL, "mailchimp-dc: the key names no data centre");
	char *host = kh_sprintf("%s.api.mailchimp.com", dash + 1);
	free(req->host);
	req->host = host;
	return 0;
}
