/* SPDX-License-Identifier: Apache-2.0 */
/* libFuzzer target for the image reader and the nested-archive reader: arbitrary bytes
 * as an image archive (docker save, OCI tar, root filesystem tar), then as a nested
 * archive expanded as deep as the limits allow. */
#include <stdlib.h>

#include "core/blob.h"
#include "core/report.h"
#include "decode/archive.h"
#include "source/image.h"

static int drop(void *payload, const kh_origin *o, unsigned char *data, size_t len)
{
	const kh_image *im = *(kh_image **)payload;
	kh_image_attr at;
	if (o->layer && im)
		kh_image_attribute(im, o->layer, o->path, &at);
	free(data);
	return 0;
}

static int entry(const char *path, const unsigned char *data, size_t len, unsigned depth, void *p)
{
	const keyhound_limits *lim = ((void **)p)[0];
	keyhound_report *rep = ((void **)p)[1];
	if (kh_archive_detect(data, len))
		return kh_archive_expand(data, len, path, depth, lim, rep, &(kh_archive_sink){entry, NULL, p});
	return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	keyhound_report *rep = kh_calloc(1, sizeof(*rep));
	keyhound_limits lim = KEYHOUND_LIMITS_INIT;
	kh_image *im = NULL;
	kh_image_sink sink = {drop, &im};

	/* small limits keep each run fast; the limits themselves are part of what is fuzzed */
	lim.max_file_size = 1u << 20;
	lim.max_decompressed = 8u << 20;
	lim.max_archive_entries = 1000;

	kh_report_init(rep);
	/* the sink attributes every file it is given, mid-stream */
	kh_image_new(&im, size && (data[0] & 1) ? "linux/amd64" : NULL, &lim, rep, &sink);
	kh_image_read_memory(im, data, size, "fuzz.tar");
	kh_image_free(im);

	void *p[2] = {&lim, rep};
	if (kh_archive_detect(data, size))
		kh_archive_expand(data, size, "fuzz", 0, &lim, rep, &(kh_archive_sink){entry, NULL, p});
	keyhound_report_free(rep);
	return 0;
}
