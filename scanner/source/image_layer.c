/* SPDX-License-Identifier: Apache-2.0 */
/* One image layer, streamed: compressed bytes -> libarchive's raw reader (gzip, zstd or
 * none, detected by content) -> our hash of the tar (the diff_id) -> libarchive's tar
 * reader -> one blob per regular file. Nothing but the current file is held in memory. */
#include "core/blob.h"
#include "core/dl_archive.h"
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "core/report.h"
#include "source/image_int.h"

/* Layers legitimately hold very compressible files; the ratio only means "bomb" once
 * the output is large. */
#define LAYER_RATIO_FLOOR (16u << 20)
#define WHITEOUT_NAME_MAX 4096
/* deletions remembered per layer: real layers delete hundreds; memory stays bounded */
#define WHITEOUTS_MAX 100000

typedef struct {
	kh_image *im;
	const char *key;
	kh_byte_read_fn src;     /* compressed bytes */
	void *src_ctx;
	uint64_t compressed, decompressed;
	struct archive *decomp;
	kh_sha256_ctx sha;
	kh_skip limit;          /* the skip reason that stopped the layer, or KH_SKIP_NONE */
	char *decomp_error;     /* what the decompressor said */
	/* the current member (or what follows the tar's end): its own ratio */
	uint64_t member_c0, member_d0;
	bool member_over;       /* past max_ratio: this member alone is skipped */
} layer_ctx;

static la_ssize_t compressed_read(struct archive *a, void *p, const void **buf)
{
	layer_ctx *c = p;
	la_ssize_t n = c->src(c->src_ctx, buf);
	if (n > 0)
		c->compressed += (uint64_t)n;
	if (n < 0)
		archive_set_error(a, EIO, "the layer's bytes could not be read");
	return n;
}

static void member_start(layer_ctx *c)
{
	c->member_c0 = c->compressed;
	c->member_d0 = c->decompressed;
	c->member_over = false;
}

/* Hash and count decompressed bytes. The layer's total bounds the work (-1: stop the
 * layer); the ratio is judged per member, so one bomb skips itself, not what follows. */
static int count_out(layer_ctx *c, const void *buf, size_t size)
{
	const keyhound_limits *l = &c->im->limits;
	kh_sha256_update(&c->sha, buf, size);
	c->decompressed += size;
	uint64_t d = c->decompressed - c->member_d0, in = c->compressed - c->member_c0;
	if (c->decompressed > l->max_decompressed)
		c->limit = KH_SKIP_ARCHIVE_TOTAL;
	else if (l->max_ratio && d > LAYER_RATIO_FLOOR && d / (in ? in : 1) >= l->max_ratio)
		c->member_over = true;
	return c->limit ? -1 : 0;
}

/* The tar reader's input: decompressed bytes, hashed as they pass. */
static la_ssize_t tar_read(struct archive *a, void *p, const void **buf)
{
	layer_ctx *c = p;
	size_t size = 0;
	la_int64_t off;
	int r = archive_read_data_block(c->decomp, buf, &size, &off);
	if (r == ARCHIVE_EOF)
		return 0;
	if (r < ARCHIVE_WARN) {
		if (!c->decomp_error)
			c->decomp_error = kh_strdup(kh_archive_error(c->decomp));
		archive_set_error(a, EIO, "%s", c->decomp_error ? c->decomp_error : "decompression failed");
		return -1;
	}
	if (count_out(c, *buf, size) < 0) {
		archive_set_error(a, EIO, "%s", kh_skip_name(c->limit));
		return -1;
	}
	return (la_ssize_t)size;
}

static void add_whiteout(kh_image *im, kh_layer *l, const char *path, bool opaque)
{
	if (l->n_wh >= WHITEOUTS_MAX) {
		kh_report_skip(im->report, KH_SKIP_WHITEOUTS);
		return;
	}
	if (l->n_wh == l->cap_wh) {
		l->cap_wh = l->cap_wh ? 2 * l->cap_wh : 8;
		l->wh = kh_realloc(l->wh, l->cap_wh * sizeof(*l->wh));
	}
	l->wh[l->n_wh].path = kh_strdup(path);
	l->wh[l->n_wh].opaque = opaque;
	l->n_wh++;
}

/* `.wh.` entries are deletions recorded by the layer, not files: 1 if name was one. */
static int whiteout(kh_image *im, kh_layer *l, const char *name)
{
	const char *slash = strrchr(name, '/');
	const char *base = slash ? slash + 1 : name;
	size_t dir_len = slash ? (size_t)(slash - name) : 0;

	if (strncmp(base, ".wh.", 4) != 0)
		return 0;
	if (strlen(name) > WHITEOUT_NAME_MAX)
		return 1;
	char *dir = kh_strndup(name, dir_len);
	if (strcmp(base, ".wh..wh..opq") == 0) {
		add_whiteout(im, l, dir, true);
	} else if (strncmp(base, ".wh..wh.", 8) != 0) { /* other .wh..wh. names are aufs' own */
		char *target = dir_len ? kh_sprintf("%s/%s", dir, base + 4) : kh_strdup(base + 4);
		add_whiteout(im, l, target, false);
		free(target);
	}
	free(dir);
	return 1;
}

/* Read the current regular file and hand it to the sink. */
static int layer_file(layer_ctx *c, struct archive *tar, struct archive_entry *e,
		      const char *path)
{
	kh_image *im = c->im;
	int64_t size = archive_entry_size(e);
	kh_origin o = KH_ORIGIN_INIT;

	o.source = KEYHOUND_SOURCE_IMAGE;
	o.path = (char *)path;
	o.layer = (char *)c->key;
	if (size < 0 || (uint64_t)size > im->limits.max_file_size) {
		kh_image_skipped(im, &o, KH_SKIP_FILE_SIZE);
		return 0;
	}
	/* the buffer grows with the bytes read, never from the declared size alone */
	unsigned char *data = NULL;
	size_t n = 0, cap = 0;
	while (n < (size_t)size) {
		if (!kh_image_grow(&data, &cap, n + 1, (size_t)size))
			goto no_memory;
		size_t room = cap - 1 - n;
		la_ssize_t got = archive_read_data(tar, data + n, room);
		if (got < 0) {
			free(data);
			return -1;
		}
		if (got == 0)
			break;
		n += (size_t)got;
		if (c->member_over) { /* this member alone: the next one is read */
			free(data);
			kh_report_skip(im->report, KH_SKIP_ARCHIVE_RATIO);
			kh_report_note(im->report, "layer %s: %s skipped (decompression ratio over %u)",
				       c->key, path, im->limits.max_ratio);
			return 0;
		}
	}
	if (!kh_image_grow(&data, &cap, n, (size_t)size))
		goto no_memory;
	return kh_image_emit(im, &o, data, n) ? 1 : 0;
no_memory: /* the scan ends in KEYHOUND_ENOMEM */
	free(data);
	kh_report_error(im->report, path, "layer %s: not read: no memory for its bytes", c->key);
	return -1;
}

static void finish_hash(layer_ctx *c, kh_layer *l)
{
	uint8_t d[32];
	char hex[65];
	kh_sha256_final(&c->sha, d);
	kh_hex(d, 32, hex);
	free(l->diff_id);
	l->diff_id = kh_sprintf("sha256:%s", hex);
}

/* What is left after the tar's end marker still belongs to the diff_id, under the same
 * limits: a total, and a ratio of its own (-1 with c->limit set). */
static int drain(layer_ctx *c)
{
	const void *buf;
	member_start(c);
	for (;;) {
		size_t size = 0;
		la_int64_t off;
		int r = archive_read_data_block(c->decomp, &buf, &size, &off);
		if (r == ARCHIVE_EOF)
			return 0;
		if (r < ARCHIVE_WARN) {
			if (!c->decomp_error)
				c->decomp_error = kh_strdup(kh_archive_error(c->decomp));
			return -1;
		}
		if (count_out(c, buf, size) < 0)
			return -1;
		if (c->member_over) {
			c->limit = KH_SKIP_ARCHIVE_RATIO;
			return -1;
		}
	}
}

int kh_image_read_layer(kh_image *im, const char *key, kh_byte_read_fn read, void *ctx)
{
	layer_ctx c = {.im = im, .key = key, .src = read, .src_ctx = ctx};
	struct archive *tar = NULL;
	struct archive_entry *e;
	kh_layer *l = kh_image_layer_add(im, key);
	char *path = NULL;
	int r, error = 0;

	kh_sha256_init(&c.sha);
	c.decomp = archive_read_new();
	archive_read_support_filter_gzip(c.decomp);
	archive_read_support_filter_zstd(c.decomp);
	archive_read_support_format_raw(c.decomp);
	if (archive_read_open2(c.decomp, &c, NULL, compressed_read, NULL, NULL) != ARCHIVE_OK ||
	    archive_read_next_header(c.decomp, &e) != ARCHIVE_OK) {
		kh_report_error(im->report, key, "layer is corrupt: %s",
				kh_archive_error(c.decomp));
		goto done;
	}
	tar = archive_read_new();
	archive_read_support_format_tar(tar);
	if (archive_read_open2(tar, &c, NULL, tar_read, NULL, NULL) != ARCHIVE_OK)
		goto fail;
	for (;;) {
		r = kh_archive_next(tar, &e);
		if (r == 0)
			break;
		if (r < 0)
			goto fail;
		const char *name = archive_entry_pathname(e);
		if (!name)
			continue;
		free(path);
		path = kh_image_norm(name);
		member_start(&c);
		if (whiteout(im, l, path))
			continue;
		/* links and devices carry no bytes of their own: never followed */
		if (archive_entry_filetype(e) != AE_IFREG || archive_entry_hardlink(e))
			continue;
		r = layer_file(&c, tar, e, path);
		if (r < 0)
			goto fail;
		if (r > 0) {
			im->stopped = true;
			error = KEYHOUND_EUSER;
			goto done;
		}
	}
	if (drain(&c) < 0)
		goto fail;
	finish_hash(&c, l);
	l->complete = true;
	goto done;
fail:
	if (c.limit) {
		kh_report_skip(im->report, c.limit);
		kh_report_note(im->report, "layer %s: not read to its end (%s)", key,
			       c.limit == KH_SKIP_ARCHIVE_TOTAL ? "over max-decompressed"
							     : "what follows its tar is over max-ratio");
	}
	else if (c.decomp_error)
		kh_report_error(im->report, key, "layer is corrupt: %s", c.decomp_error);
	else
		kh_report_error(im->report, key, "layer is not a readable tar: %s",
				kh_archive_error(tar));
done:
	archive_read_free(tar);
	archive_read_free(c.decomp);
	free(c.decomp_error);
	free(path);
	return error;
}

typedef struct {
	int fd;
	unsigned char buf[1 << 17];
} file_src;

static la_ssize_t file_read(void *p, const void **buf)
{
	file_src *f = p;
	ssize_t n;
	do
		n = read(f->fd, f->buf, sizeof(f->buf));
	while (n < 0 && errno == EINTR);
	*buf = f->buf;
	return n;
}

int kh_image_read_layer_file(kh_image *im, const char *key, const char *dir)
{
	file_src *f;
	int error, fd = kh_image_open_member(dir, key);
	if (fd < 0) {
		if (errno != ENOENT) /* a missing layer is reported once, by kh_image_finish */
			kh_report_error(im->report, key, "layer not read: %s",
					errno == ELOOP ? "a symbolic link (an image folder's members are "
							 "read only as its own regular files)"
					: errno == EINVAL ? "not a regular file" : strerror(errno));
		return 0;
	}
	f = kh_malloc(sizeof(*f));
	f->fd = fd;
	error = kh_image_read_layer(im, key, file_read, f);
	close(f->fd);
	free(f);
	return error;
}
