/* SPDX-License-Identifier: Apache-2.0 */
/* libFuzzer target for the pack reader: input = 4-byte length of an .idx (v2), the .idx,
 * then the .pack. Every object is walked (deltas applied, OFS and REF bases, cycles) and
 * the first is read by id. */
#include "fuzz_common.h"
#include "source/git_pack.h"

static int on_object(unsigned thread, const uint8_t oid[20], kh_obj_type type,
		     const unsigned char *data, size_t len, void *payload)
{
	volatile unsigned char sink = len ? data[len - 1] : 0; /* every byte is readable */
	(void)sink;
	return 0;
}

static int on_piece(unsigned thread, const uint8_t oid[20], uint64_t size, uint64_t offset,
		    const unsigned char *data, size_t len, int last, void *payload)
{
	volatile unsigned char sink = len ? data[len - 1] : 0;
	(void)sink;
	return offset + len > size; /* a piece past the object's end would be a bug */
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	uint32_t idx_len;
	kh_pack *p = NULL;
	if (size < 4)
		return 0;
	memcpy(&idx_len, data, 4);
	if (idx_len > size - 4)
		idx_len = (uint32_t)(size - 4);
	fuzz_file("f.idx", data + 4, idx_len);
	const char *pack = fuzz_file("f.pack", data + 4 + idx_len, size - 4 - idx_len);
	if (kh_pack_open(&p, pack) < 0)
		return 0;
	kh_pack_walk_options o = KH_PACK_WALK_OPTIONS_INIT;
	kh_pack_stats st;
	o.max_object_size = 1u << 20;
	o.cache_limit = 1u << 20;
	o.on_object = on_object;
	kh_pack_walk(p, &o, &st);
	o.on_piece = on_piece;
	o.piece_size = 32;
	o.piece_overlap = 8;
	kh_pack_walk(p, &o, &st);
	if (kh_pack_count(p)) {
		kh_obj_type t;
		unsigned char *d = NULL;
		size_t n = 0;
		if (kh_pack_read(p, kh_pack_oid(p, 0), 1u << 20, &t, &d, &n) == 0)
			free(d);
	}
	kh_pack_free(p);
	return 0;
}
