/* SPDX-License-Identifier: Apache-2.0 */
/* libFuzzer target for `keyhound report merge` input: a JSON report (a shard's), merged
 * with itself and written in every format. */
#include "fuzz_common.h"
#include "keyhound/keyhound.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	keyhound_report *r = NULL;
	const char *path = fuzz_file("report.json", data, size);
	const char *paths[2] = {path, path};
	if (keyhound_report_merge(&r, paths, 2) == 0) {
		FILE *out = fopen("/dev/null", "w");
		keyhound_write_options wo = KEYHOUND_WRITE_OPTIONS_INIT;
		for (int f = KEYHOUND_FORMAT_HUMAN; f <= KEYHOUND_FORMAT_SARIF; f++)
			keyhound_report_write(r, out, (keyhound_format)f, &wo);
		fclose(out);
	}
	keyhound_report_free(r);
	return 0;
}
