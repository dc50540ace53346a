/* SPDX-License-Identifier: Apache-2.0 */
/* Shared by the libFuzzer targets: a scratch folder made once per process, and input
 * written to a file in it (for parsers that read files). */
#ifndef KH_FUZZ_COMMON_H
#define KH_FUZZ_COMMON_H
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static const char *fuzz_dir(void)
{
	static char dir[64];
	if (!dir[0]) {
		snprintf(dir, sizeof(dir), "/tmp/kh-fuzz-XXXXXX");
		if (!mkdtemp(dir))
			abort();
	}
	return dir;
}

/* dir/name := data; the path is static storage, valid until the next call. */
static const char *fuzz_file(const char *name, const void *data, size_t size)
{
	static char path[256];
	snprintf(path, sizeof(path), "%s/%s", fuzz_dir(), name);
	FILE *f = fopen(path, "wb");
	if (!f)
		abort();
	if (size && fwrite(data, 1, size, f) != size)
		abort();
	fclose(f);
	return path;
}

#endif
