/* SPDX-License-Identifier: Apache-2.0 */
/* libFuzzer target for a verify block and its templates (rule files are input: --rules, and
 * a rule pack someone hands over): parse the block as JSON, then expand the input as a
 * template in every mode, with variables holding bytes a request must never carry raw
 * (CR, LF, '/', '%'). And the near: values a scanned file supplies (untrusted bytes): found
 * in the input and put into a request's host, which is built only for one label under the
 * rule's suffix. Input: one byte choosing what to do, then the text. */
#include <ctype.h>
#include <strings.h>

#include "fuzz_common.h"
#include "rules/verify_spec.h"
#include "verify/verify.h"

/* near: values from the input into a host: either refused, or one label under the suffix */
static void near_into_host(const char *text, size_t len)
{
	static kh_verify_spec *sp;
	char err[200], *vals[3] = {0};
	if (!sp && kh_verify_spec_parse(&sp,
		"{\"hosts\":[\"*.atlassian.net\"],\"host\":\"{{urlhost(site)}}\",\"method\":\"GET\","
		"\"path\":\"/rest/{{site}}\",\"headers\":{\"Authorization\":\"Basic {{base64(email ':' secret)}}\"},"
		"\"near\":{\"site\":\"site=(\\\\S+)\",\"email\":\"(?<email>[^\\\\s@]+@\\\\S+)\"},"
		"\"live\":[200],\"invalid\":[401]}", err, sizeof(err)) < 0)
		abort();
	size_t n = kh_verify_near_find(sp, 0, (const unsigned char *)text, len, len / 2, vals, 3);
	for (size_t i = 0; i < n; i++) {
		size_t vl = strlen(vals[i]);
		if (vl == 0 || vl > KH_VERIFY_NEAR_MAX)
			abort();
		for (size_t k = 0; k < vl; k++)
			if ((unsigned char)vals[i][k] < 0x21 || (unsigned char)vals[i][k] > 0x7e)
				abort();
		const char *names[] = {"secret", "site", "email"}, *values[] = {"ATATT3x", vals[i], "a@b.example"};
		kh_verify_vars vars = {names, values, 3};
		kh_verify_request rq;
		const char *reason;
		if (kh_verify_build(sp, &vars, 0, &rq, &reason) == 0) {
			size_t hl = strlen(rq.host), sl = strlen(".atlassian.net");
			if (hl <= sl || strcasecmp(rq.host + hl - sl, ".atlassian.net") || memchr(rq.host, '.', hl - sl))
				abort();
			for (size_t k = 0; k < hl; k++)
				if (!isalnum((unsigned char)rq.host[k]) && rq.host[k] != '-' && rq.host[k] != '.')
					abort();
			kh_verify_request_clear(&rq);
		}
		free(vals[i]);
	}
}

static int lookup(const char *name, size_t len, kh_buf *out, void *payload)
{
	static const char *const names[] = {"secret", "id", "site", "json.a"};
	static const char *const values[] = {"tok_a\r\nX-Evil: 1", "kid/../%2F", "a.example", ""};
	for (size_t i = 0; i < 4; i++)
		if (strlen(names[i]) == len && !memcmp(names[i], name, len)) {
			kh_buf_puts(out, values[i]);
			return 0;
		}
	return -1;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size < 1)
		return 0;
	char *text = kh_strndup((const char *)data + 1, size - 1);
	if (data[0] & 2) {
		near_into_host((const char *)data + 1, size - 1);
	} else if (data[0] & 1) {
		kh_verify_spec *sp = NULL;
		char err[200];
		if (kh_verify_spec_parse(&sp, text, err, sizeof(err)) == 0 && !sp->n_hosts)
			abort(); /* a block that parses names its hosts */
		kh_verify_spec_free(sp);
	} else {
		static const unsigned modes[] = {0, KH_TEMPLATE_PATH, KH_TEMPLATE_LENIENT,
						 KH_TEMPLATE_PATH | KH_TEMPLATE_LENIENT};
		for (size_t m = 0; m < 4; m++) {
			kh_buf out = {0};
			const char *missing;
			size_t ml;
			int rc = kh_template_expand(text, modes[m], lookup, NULL, &out, &missing, &ml);
			if (rc == 0 && out.len > KH_TEMPLATE_MAX_OUT)
				abort();
			/* in a path every variable is percent-encoded unless raw()/urlpath() say not */
			if (rc == 0 && (modes[m] & KH_TEMPLATE_PATH) && out.buf && !strstr(text, "raw") &&
			    !strstr(text, "urlpath") && memchr(out.buf, '\r', out.len) && !memchr(text, '\r', strlen(text)))
				abort();
			kh_buf_free(&out);
		}
		char err[200];
		(void)kh_template_check(text, err, sizeof(err));
	}
	free(text);
	return 0;
}
