/* SPDX-License-Identifier: Apache-2.0 */
/* keyhound_scan_image: the image reader feeding the scan's pipeline. Files of layers are
 * matched as they stream past; once the manifests (written last by docker save) are read
 * and every blob is matched, each finding gets its image, platform, layer and history. */
#include <stdlib.h>
#include <string.h>

#include "core/blob.h"
#include "core/report.h"
#include "pipeline/feed.h"
#include "source/image.h"

static kh_blob *new_blob(const kh_origin *o)
{
	kh_blob *b = kh_calloc(1, sizeof(*b));
	b->occ = kh_calloc(1, sizeof(kh_origin));
	b->n_occ = 1;
	kh_origin_copy(&b->occ[0], o);
	return b;
}

static int submit(void *payload, const kh_origin *o, unsigned char *data, size_t len)
{
	keyhound_scan *scan = payload;
	kh_blob *b = new_blob(o);
	b->data = data;
	b->len = len;
	return kh_pipeline_submit(scan->pipe, b) < 0;
}

static void skipped(void *payload, const kh_origin *o, kh_skip reason)
{
	keyhound_scan *scan = payload;
	kh_pipeline_skip(scan->pipe, new_blob(o), reason);
}

static void set(const char **field, const char *value)
{
	free((char *)*field);
	*field = kh_strdup(value);
}

/* Give the findings of layer files their place in the image; drop those of platforms
 * not selected. Runs once every blob is matched, so nothing else touches the report. */
static void attribute(const kh_image *im, keyhound_report *r, uint64_t first_seq)
{
	size_t kept = 0;
	pthread_mutex_lock(&r->lock);
	for (size_t i = 0; i < r->n; i++) {
		kh_finding_rec *rec = &r->v[i];
		keyhound_finding *f = &rec->f;
		kh_image_attr at;
		int k = -1;
		if (rec->seq >= first_seq && f->source == KEYHOUND_SOURCE_IMAGE && f->layer &&
		    !f->config_field)
			k = kh_image_attribute(im, f->layer, f->path, &at);
		if (k == 0) {
			kh_finding_clear(f);
			free(rec->context);
			kh_verify_input_free(rec->vin);
			continue;
		}
		if (k == 1) {
			set(&f->image, at.image);
			set(&f->platform, at.platform);
			set(&f->layer, at.layer);
			set(&f->created_by, at.created_by);
			set(&f->deleted_in_layer, at.deleted_in_layer);
			f->layer_index = at.layer_index;
		}
		r->v[kept++] = *rec;
	}
	r->n = kept;
	pthread_mutex_unlock(&r->lock);
}

static int scan_image_body(keyhound_scan *scan, const keyhound_image_options *opts)
{
	kh_image *im = NULL;
	kh_image_sink sink = {submit, scan, skipped};
	int error;

	if (!opts || !opts->input)
		return kh_error(KEYHOUND_EINVAL, "image: no input given");
	uint64_t first_seq = kh_pipeline_next_seq(scan->pipe);
	if ((error = kh_image_new(&im, opts->platform, &scan->opts->limits, scan->report,
				  &sink)) < 0)
		return error;
	int read_error = kh_image_read_path(im, opts->input);
	if ((error = kh_pipeline_wait(scan->pipe)) < 0)
		goto done;
	attribute(im, scan->report, first_seq);
	error = read_error;
done:
	kh_image_free(im);
	return error;
}

int keyhound_scan_image(keyhound_scan *scan, const keyhound_image_options *opts)
{
	unsigned oom = kh_oom_mark();
	return kh_oom_result(oom, scan_image_body(scan, opts));
}
