/* SPDX-License-Identifier: Apache-2.0 */
/* libFuzzer target for the decoders whose output is matched again: base64 and
 * percent-encoding, each into a buffer of the input's size (their documented bound). */
#include "fuzz_common.h"
#include "decode/decode.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	unsigned char *out = malloc(size + 1);
	long n = kh_base64_decode(data, size, out);
	if (n > (long)size)
		__builtin_trap();
	n = kh_percent_decode(data, size, out);
	if (n > (long)size)
		__builtin_trap();
	free(out);
	return 0;
}
