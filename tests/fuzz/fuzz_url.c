/* SPDX-License-Identifier: Apache-2.0 */
/* libFuzzer target for the clone-URL normaliser of sweep --mirror: whatever the bytes, a URL
 * taken is named without its userinfo, and its mirror's place stays inside the folder. */
#include "fuzz_common.h"
#include "sweep/sweep.h"

static int authority_has_at(const char *url)
{
	const char *a = strstr(url, "://"), *slash, *at;
	if (!a)
		return 0;
	a += 3;
	slash = strchr(a, '/');
	at = strchr(a, '@');
	return at && (!slash || at < slash);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *s = malloc(size + 1);
	kh_url u, w;

	memcpy(s, data, size);
	s[size] = 0;
	(void)kh_url_is_remote(s);
	if (kh_url_parse(&u, s) == 0) {
		/* never userinfo in the name; in what git is given, only ssh's login name */
		if (authority_has_at(u.name) ||
		    (strncmp(u.git_url, "ssh://", 6) && strstr(u.git_url, "://") && authority_has_at(u.git_url)))
			abort();
		if (u.rel[0] == '/' || !strncmp(u.rel, "../", 3) || strstr(u.rel, "/../") ||
		    strstr(u.rel, "/./") || strstr(u.rel, "//"))
			abort();
		kh_url_wiki(&w, &u);
		kh_url_free(&w);
		kh_url_free(&u);
	}
	free(s);
	return 0;
}
