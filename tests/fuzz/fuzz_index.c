/* SPDX-License-Identifier: Apache-2.0 */
/* libFuzzer target for the index reader of the staged scan: .git/index versions 2-4,
 * path compression (v4), extended flags, and the cache-tree (TREE) extension. The reader
 * is static in git_staged.c, so the file is compiled into this target. */
#include "fuzz_common.h"
#include "source/git_staged.c"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	index_file ix;
	memset(&ix, 0, sizeof(ix));
	const char *path = fuzz_file("index", data, size);
	read_index(&ix, path);
	index_free(&ix);
	return 0;
}
