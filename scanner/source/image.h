/* SPDX-License-Identifier: Apache-2.0 */
/* Container images (docker save, skopeo docker-archive, OCI layout folder or tar, a plain
 * root filesystem tar): the reader behind keyhound_scan_image, kept apart from the
 * pipeline so tests and the fuzz target can drive it with their own sink. */
#ifndef KH_SOURCE_IMAGE_H
#define KH_SOURCE_IMAGE_H

#include "core/blob.h"
#include "core/kh.h"
#include "core/report.h"

typedef struct kh_image kh_image;

typedef struct {
	/* A file of a layer (origin: path, and layer = the layer's key, which
	 * kh_image_attribute resolves once the manifests are read), a file of a root
	 * filesystem tar (layer NULL), or a config field (image, platform, config_field set).
	 * Takes ownership of data (malloc'd); o is borrowed. Non-zero stops the scan. */
	int (*emit)(void *payload, const kh_origin *o, unsigned char *data, size_t len);
	void *payload;
	/* A file whose bytes are not read (reason: over max_file_size), at origin o
	 * (borrowed); NULL: only counted in the report. */
	void (*skipped)(void *payload, const kh_origin *o, kh_skip reason);
} kh_image_sink;

int kh_image_new(kh_image **out, const char *platform, const keyhound_limits *limits,
		 keyhound_report *report, const kh_image_sink *sink);
void kh_image_free(kh_image *im);

/* Read an image: an archive file, an OCI (or unpacked docker-save) folder, or "-" for
 * stdin; or an archive in memory. Errors are reported in the report, naming the layer or
 * file; the return is negative only when nothing could be read at all. */
int kh_image_read_path(kh_image *im, const char *input);
int kh_image_read_memory(kh_image *im, const void *data, size_t len, const char *name);

/* Where a finding made in a layer file sits, known once the whole image is read.
 * Strings are borrowed from im. */
typedef struct {
	const char *image, *platform, *layer, *created_by, *deleted_in_layer;
	long layer_index;
} kh_image_attr;

/* 1: attributed; 0: the layer belongs only to platforms not selected (drop the finding);
 * -1: layer_key is not a layer of this image. */
int kh_image_attribute(const kh_image *im, const char *layer_key, const char *path,
		       kh_image_attr *out);

#endif
