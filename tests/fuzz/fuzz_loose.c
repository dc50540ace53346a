/* SPDX-License-Identifier: Apache-2.0 */
/* libFuzzer target for loose objects: the input is the zlib-compressed file of one
 * object in a repository's objects/ folder, read through git_mini (header, type, size,
 * inflation to the stated size and not beyond). */
#include "fuzz_common.h"
#include "source/git_mini.h"

static const uint8_t ID[20] = {0xab, 0xcd, 0xef, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17};

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static char repo[256];
	char obj[512];
	kh_mini *m = NULL;
	if (!repo[0]) {
		snprintf(repo, sizeof(repo), "%s/repo.git", fuzz_dir());
		char p[512];
		mkdir(repo, 0700);
		snprintf(p, sizeof(p), "%s/objects", repo);
		mkdir(p, 0700);
		snprintf(p, sizeof(p), "%s/objects/ab", repo);
		mkdir(p, 0700);
		snprintf(p, sizeof(p), "%s/refs", repo);
		mkdir(p, 0700);
		snprintf(p, sizeof(p), "%s/HEAD", repo);
		FILE *f = fopen(p, "w");
		fputs("ref: refs/heads/main\n", f);
		fclose(f);
	}
	snprintf(obj, sizeof(obj), "%s/objects/ab/cdef0102030405060708090a0b0c0d0e0f1011", repo);
	FILE *f = fopen(obj, "wb");
	if (!f)
		abort();
	fwrite(data, 1, size, f);
	fclose(f);
	if (kh_mini_open(&m, repo, NULL, 1u << 20) == 0) {
		kh_obj_type t;
		unsigned char *d = NULL;
		size_t n = 0;
		if (kh_mini_read(m, ID, &t, &d, &n) == 0)
			free(d);
	}
	kh_mini_free(m);
	return 0;
}
