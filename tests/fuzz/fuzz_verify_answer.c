/* SPDX-License-Identifier: Apache-2.0 */
/* libFuzzer target for a provider's answer (untrusted bytes from the network): the status,
 * headers and body read with verify blocks that use every kind of condition, a JSON path into
 * arrays and objects, and identity/scopes templates over the body and the headers. Input:
 * 2 bytes of status, then headers ("Name: value" lines) up to a blank line, then the body. */
#include "fuzz_common.h"
#include "verify/verify.h"

static const char *const specs[] = {
	"{\"hosts\":[\"a.example\"],\"method\":\"GET\",\"path\":\"/\",\"live\":[200,{\"status\":200,"
	"\"json\":\"ok\",\"equals\":true}],\"invalid\":[401,{\"json\":\"error\",\"equals\":[\"invalid_auth\","
	"\"token_revoked\"]},{\"contains\":\"no_service\"}],\"identity\":\"{{json.user}} in {{json.team.name}}"
	" {{json.items.0.id}}\",\"scopes\":\"{{header.X-OAuth-Scopes}}{{json.scopes}}\"}",
	"{\"hosts\":[\"a.example\"],\"method\":\"POST\",\"path\":\"/\",\"live\":[{\"status\":400,"
	"\"contains\":\"no_text\"},{\"json\":\"data.0.a.b.c\"}],\"invalid\":[403,404],"
	"\"identity\":\"{{json..x}}{{json.0}}{{header.X}}{{json.a.}}\"}",
};

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static kh_verify_spec *sp[2];
	char err[200];
	if (!sp[0])
		for (int i = 0; i < 2; i++)
			if (kh_verify_spec_parse(&sp[i], specs[i], err, sizeof(err)) < 0)
				abort();
	if (size < 2)
		return 0;
	long status = 100 + (data[0] << 8 | data[1]) % 500;
	const char *p = (const char *)data + 2, *end = (const char *)data + size;
	kh_net_header h[16];
	char *owned[32];
	size_t nh = 0, no = 0;
	while (p < end && nh < 16) {
		const char *nl = memchr(p, '\n', (size_t)(end - p));
		const char *le = nl ? nl : end, *colon = memchr(p, ':', (size_t)(le - p));
		if (le == p) {
			p = le + 1;
			break;
		}
		if (colon) {
			owned[no++] = kh_strndup(p, (size_t)(colon - p));
			owned[no++] = kh_strndup(colon + 1, (size_t)(le - colon - 1));
			h[nh].name = owned[no - 2];
			h[nh++].value = owned[no - 1];
		}
		p = nl ? nl + 1 : end;
	}
	if (p > end)
		p = end;
	for (int i = 0; i < 2; i++) {
		kh_verdict v;
		kh_verify_read_answer(sp[i], status, h, nh, p, (size_t)(end - p), "tok_secret", &v);
		if (v.identity && strstr(v.identity, "tok_secret"))
			abort(); /* the secret never comes back out */
		kh_verdict_clear(&v);
	}
	for (size_t i = 0; i < no; i++)
		free(owned[i]);
	return 0;
}
