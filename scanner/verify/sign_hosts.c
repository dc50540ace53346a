/* SPDX-License-Identifier: Apache-2.0 */
/* Signers for secrets that name their own endpoint, which a template cannot take apart:
 * a Discord webhook URL (host and path) and a Mailchimp key (its data centre, "-us6", is
 * the host's first label). Each builds the host only from its own fixed list or a strict
 * pattern, so no content-supplied name outside the provider's domain is ever reached. */
#include <stdlib.h>
#include <string.h>

#include "core/kh.h"
#include "verify/sign.h"

static size_t span(const char *s, const char *set)
{
	return strspn(s, set);
}

/* https://discord.com/api/webhooks/<id>/<token>: reading a webhook with its token
 * (GET) returns it and posts nothing.
 * https://discord.com/developers/docs/resources/webhook#get-webhook-with-token */
int kh_sign_discord_webhook(kh_verify_request *req, const kh_verify_vars *vars, time_t now)
{
	static const char *const hosts[] = {"discord.com", "discordapp.com", "canary.discord.com",
					    "ptb.discord.com"};
	const char *url = kh_verify_var(vars, "secret");
	if (!url || strncmp(url, "https://", 8))
		return kh_error(KEYHOUND_EINVAL, "discord-webhook: not an https URL");
	const char *h = url + 8, *path = strchr(h, '/');
	size_t hn = path ? (size_t)(path - h) : 0;
	const char *host = NULL;
	for (size_t i = 0; i < sizeof(hosts) / sizeof(hosts[0]) && path; i++)
		if (strlen(hosts[i]) == hn && !strncmp(h, hosts[i], hn))
			host = hosts[i];
	if (!host || strncmp(path, "/api/webhooks/", 14))
		return kh_error(KEYHOUND_EINVAL, "discord-webhook: not a Discord webhook URL");
	const char *id = path + 14;
	size_t idn = span(id, "0123456789");
	const char *token = id + idn + 1;
	size_t tn = span(token, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_");
	if (idn < 17 || idn > 20 || id[idn] != '/' || tn < 60 || tn > 70 || token[tn])
		return kh_error(KEYHOUND_EINVAL, "discord-webhook: not a Discord webhook URL");
	free(req->host);
	req->host = kh_strdup(host);
	kh_verify_request_set_path(req, path);
	return 0;
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
