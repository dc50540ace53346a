/* SPDX-License-Identifier: Apache-2.0 */
/* libFuzzer target for the forges' repository listings (sweep --github-org,
 * --gitlab-group): the same bytes as a GitHub and a GitLab page, and as a Link header. */
#include "fuzz_common.h"
#include "sweep/sweep.h"

static void one(void *payload, const char *name, const char *url)
{
	size_t *n = payload;
	*n += strlen(name) + strlen(url) > 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const char *const ex[] = { "acme/skip-*" };
	kh_discover_filter f = { false, true, "keep", ex, 1 };
	kh_discover_filter all = { true, false, NULL, NULL, 0 };
	kh_discover_counts c;
	size_t n = 0;
	char *s = malloc(size + 1);

	memcpy(s, data, size);
	s[size] = 0;
	memset(&c, 0, sizeof(c));
	kh_discover_parse(KH_FORGE_GITHUB, (const char *)data, size, &f, one, &n, &c);
	kh_discover_parse(KH_FORGE_GITLAB, (const char *)data, size, &all, one, &n, &c);
	if (n > c.listed)
		abort(); /* nothing passes the filter that was not listed */
	free(kh_discover_link_next(s));
	free(s);
	return 0;
}
