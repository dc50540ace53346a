/* SPDX-License-Identifier: Apache-2.0 */
/* libFuzzer target for the git object parsers shared by the history walk and the staged
 * scan: arbitrary bytes as a tree (every entry, and git's order between neighbours), as
 * a commit (header, parents, author) and as an annotated tag. */
#include <string.h>

#include "source/git_object.h"

static int parent(const uint8_t id[20], void *payload)
{
	(*(size_t *)payload)++;
	return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const unsigned char *p = data, *end = data + size;
	kh_tree_entry e, prev;
	kh_commit_fields f;
	bool bad = false, have = false;
	size_t parents = 0;
	uint8_t id[20];

	while (kh_tree_next(&p, end, &e, &bad)) {
		if (have)
			(void)kh_tree_entry_cmp(&prev, &e);
		prev = e;
		have = true;
	}
	kh_commit_parse(data, size, &f, parent, &parents);
	if (f.has_author && (f.name > f.name_end || (f.has_email && f.email > f.email_end)))
		__builtin_trap();
	if (f.message < data || f.message > end)
		__builtin_trap();
	(void)kh_tag_target(data, size, id);
	return 0;
}
