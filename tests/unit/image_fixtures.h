/* SPDX-License-Identifier: Apache-2.0 */
/* Test fixtures for archives and container images, written with libarchive's writer at
 * test time: tars (plain, gzip, zstd), zips, and whole images in every layout keyhound
 * reads (docker save old and new, OCI tar and folder). */
#ifndef KH_TEST_IMAGE_FIXTURES_H
#define KH_TEST_IMAGE_FIXTURES_H

#include <archive.h>
#include <archive_entry.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "core/kh.h"
#include "core/report.h"

#pragma GCC diagnostic ignored "-Wmissing-field-initializers"
#pragma GCC diagnostic ignored "-Wunused-function"

typedef enum { FX_FILE = 0, FX_SYMLINK, FX_DIR, FX_HARDLINK } fx_type;

typedef struct {
	const char *name;
	const void *data;       /* NULL: "" */
	size_t len;             /* 0 with data: strlen(data) */
	fx_type type;
	const char *link;
} fx_entry;

typedef enum { FX_PLAIN = 0, FX_GZIP, FX_ZSTD } fx_filter;
typedef enum { FX_TAR = 0, FX_ZIP } fx_format;

static la_ssize_t fx_write_cb(struct archive *a, void *p, const void *buf, size_t n)
{
	kh_buf_put(p, buf, n);
	return (la_ssize_t)n;
}

/* An archive of entries, in out (appended). */
static void fx_archive(kh_buf *out, fx_format format, fx_filter filter, const fx_entry *e, size_t n)
{
	struct archive *a = archive_write_new();
	if (format == FX_ZIP)
		archive_write_set_format_zip(a);
	else
		archive_write_set_format_pax_restricted(a);
	if (filter == FX_GZIP)
		archive_write_add_filter_gzip(a);
	else if (filter == FX_ZSTD)
		archive_write_add_filter_zstd(a);
	archive_write_set_bytes_in_last_block(a, 1);
	archive_write_open(a, out, NULL, fx_write_cb, NULL);
	for (size_t i = 0; i < n; i++) {
		struct archive_entry *ae = archive_entry_new();
		size_t len = e[i].data ? (e[i].len ? e[i].len : strlen(e[i].data)) : 0;
		archive_entry_set_pathname(ae, e[i].name);
		archive_entry_set_mtime(ae, 1700000000, 0);
		switch (e[i].type) {
		case FX_SYMLINK:
			archive_entry_set_filetype(ae, AE_IFLNK);
			archive_entry_set_perm(ae, 0777);
			archive_entry_set_symlink(ae, e[i].link);
			len = 0;
			break;
		case FX_HARDLINK:
			archive_entry_set_hardlink(ae, e[i].link);
			len = 0;
			break;
		case FX_DIR:
			archive_entry_set_filetype(ae, AE_IFDIR);
			archive_entry_set_perm(ae, 0755);
			len = 0;
			break;
		default:
			archive_entry_set_filetype(ae, AE_IFREG);
			archive_entry_set_perm(ae, 0644);
		}
		archive_entry_set_size(ae, (la_int64_t)len);
		archive_write_header(a, ae);
		if (len)
			archive_write_data(a, e[i].data, len);
		archive_entry_free(ae);
	}
	archive_write_close(a);
	archive_write_free(a);
}

static void fx_hex_digest(const void *data, size_t len, char out[65])
{
	uint8_t d[32];
	kh_sha256(data, len, d);
	kh_hex(d, 32, out);
}

/* A fresh report in *r, the previous one freed. */
static keyhound_report *fx_report_reset(keyhound_report **r)
{
	keyhound_report_free(*r);
	*r = kh_calloc(1, sizeof(**r));
	kh_report_init(*r);
	return *r;
}

/* ---- a model image, serialized in each layout ---- */

typedef struct {
	kh_buf blob;            /* the layer as stored (compressed or not) */
	char diff_id[72];       /* sha256:<hex of the uncompressed tar> */
	char digest[65];        /* hex of blob */
	const char *created_by;
} fx_layer;

typedef struct {
	fx_layer layers[8];
	size_t n_layers;
	char *config;           /* JSON text */
	char config_digest[65];
	const char *tag;        /* "app:1" */
	const char *os, *arch;
} fx_image;

/* Add a layer of entries, compressed with filter. */
static void fx_image_layer(fx_image *im, fx_filter filter, const char *created_by,
			   const fx_entry *e, size_t n)
{
	fx_layer *l = &im->layers[im->n_layers++];
	kh_buf plain = {0};
	char hex[65];
	fx_archive(&plain, FX_TAR, FX_PLAIN, e, n);
	fx_hex_digest(plain.buf, plain.len, hex);
	snprintf(l->diff_id, sizeof(l->diff_id), "sha256:%s", hex);
	if (filter == FX_PLAIN) {
		l->blob = plain;
	} else {
		fx_archive(&l->blob, FX_TAR, filter, e, n);
		kh_buf_free(&plain);
	}
	fx_hex_digest(l->blob.buf, l->blob.len, l->digest);
	l->created_by = created_by;
}

/* The config: env and cmd as given, history with an empty-layer line before each layer
 * (so alignment must skip them). */
static void fx_image_config(fx_image *im, const char *env_json, const char *extra_history)
{
	kh_buf b = {0};
	kh_buf_printf(&b, "{\"architecture\":\"%s\",\"os\":\"%s\",\"config\":{\"Env\":%s,"
		      "\"Cmd\":[\"/app/run\",\"--serve\"],\"Labels\":{\"maintainer\":\"ops\"}},"
		      "\"rootfs\":{\"type\":\"layers\",\"diff_ids\":[",
		      im->arch ? im->arch : "amd64", im->os ? im->os : "linux", env_json ? env_json : "[]");
	for (size_t i = 0; i < im->n_layers; i++)
		kh_buf_printf(&b, "%s\"%s\"", i ? "," : "", im->layers[i].diff_id);
	kh_buf_puts(&b, "]},\"history\":[");
	for (size_t i = 0; i < im->n_layers; i++)
		kh_buf_printf(&b, "%s{\"created_by\":\"ENV X=%zu\",\"empty_layer\":true},{\"created_by\":\"%s\"}",
			      i ? "," : "", i, im->layers[i].created_by);
	if (extra_history)
		kh_buf_printf(&b, ",{\"created_by\":\"%s\",\"empty_layer\":true}", extra_history);
	kh_buf_puts(&b, "]}");
	im->config = kh_buf_detach(&b);
	fx_hex_digest(im->config, strlen(im->config), im->config_digest);
}

static void fx_image_free(fx_image *im)
{
	for (size_t i = 0; i < im->n_layers; i++)
		kh_buf_free(&im->layers[i].blob);
	free(im->config);
}

typedef enum { FX_DOCKER_OLD = 0, FX_DOCKER_NEW, FX_OCI_TAR, FX_SKOPEO_LIKE } fx_layout;

static char *fx_oci_manifest(const fx_image *im, const char *layer_type)
{
	kh_buf b = {0};
	kh_buf_printf(&b, "{\"schemaVersion\":2,\"mediaType\":\"application/vnd.oci.image.manifest.v1+json\","
		      "\"config\":{\"mediaType\":\"application/vnd.oci.image.config.v1+json\",\"digest\":\"sha256:%s\",\"size\":%zu},\"layers\":[",
		      im->config_digest, strlen(im->config));
	for (size_t i = 0; i < im->n_layers; i++)
		kh_buf_printf(&b, "%s{\"mediaType\":\"%s\",\"digest\":\"sha256:%s\",\"size\":%zu}", i ? "," : "",
			      layer_type, im->layers[i].digest, im->layers[i].blob.len);
	kh_buf_puts(&b, "]}");
	return kh_buf_detach(&b);
}

/* Serialize an image as the outer archive of a layout; manifest files come last, as
 * docker save writes them. */
static void fx_image_archive(kh_buf *out, const fx_image *im, fx_layout layout)
{
	fx_entry e[32];
	char *names[32] = {0};
	size_t n = 0;
	char *manifest = NULL, *index = NULL, *docker = NULL, *mdigest_s = NULL;

	if (layout == FX_DOCKER_OLD || layout == FX_SKOPEO_LIKE) {
		kh_buf m = {0};
		char id[65];
		for (size_t i = 0; i < im->n_layers; i++) {
			snprintf(id, sizeof(id), "%064zx", i + 0xabc);
			if (layout == FX_SKOPEO_LIKE) {
				/* <diff>.tar at the top, <id>/layer.tar a symlink to it */
				names[n] = kh_sprintf("%s.tar", im->layers[i].diff_id + 7);
				e[n] = (fx_entry){names[n], im->layers[i].blob.buf, im->layers[i].blob.len};
				n++;
				names[n] = kh_sprintf("%s/layer.tar", id);
				e[n] = (fx_entry){names[n], NULL, 0, FX_SYMLINK, names[n - 1]};
				e[n].link = kh_sprintf("../%s", names[n - 1]);
				n++;
			} else {
				names[n] = kh_sprintf("%s/layer.tar", id);
				e[n] = (fx_entry){names[n], im->layers[i].blob.buf, im->layers[i].blob.len};
				n++;
				names[n] = kh_sprintf("%s/VERSION", id);
				e[n++] = (fx_entry){names[n - 1], "1.0"};
			}
		}
		names[n] = kh_sprintf("%s.json", im->config_digest);
		e[n] = (fx_entry){names[n], im->config};
		n++;
		kh_buf_printf(&m, "[{\"Config\":\"%s.json\",\"RepoTags\":[\"%s\"],\"Layers\":[", im->config_digest,
			      im->tag);
		for (size_t i = 0; i < im->n_layers; i++) {
			snprintf(id, sizeof(id), "%064zx", i + 0xabc);
			kh_buf_printf(&m, "%s\"%s/layer.tar\"", i ? "," : "", id);
		}
		kh_buf_puts(&m, "]}]");
		docker = kh_buf_detach(&m);
		e[n++] = (fx_entry){"manifest.json", docker};
	} else {
		char hex[65];
		e[n++] = (fx_entry){"blobs/", NULL, 0, FX_DIR};
		e[n++] = (fx_entry){"blobs/sha256/", NULL, 0, FX_DIR};
		for (size_t i = 0; i < im->n_layers; i++) {
			names[n] = kh_sprintf("blobs/sha256/%s", im->layers[i].digest);
			e[n] = (fx_entry){names[n], im->layers[i].blob.buf, im->layers[i].blob.len};
			n++;
		}
		names[n] = kh_sprintf("blobs/sha256/%s", im->config_digest);
		e[n] = (fx_entry){names[n], im->config};
		n++;
		manifest = fx_oci_manifest(im, "application/vnd.oci.image.layer.v1.tar+gzip");
		fx_hex_digest(manifest, strlen(manifest), hex);
		mdigest_s = kh_strdup(hex);
		names[n] = kh_sprintf("blobs/sha256/%s", hex);
		e[n] = (fx_entry){names[n], manifest};
		n++;
		index = kh_sprintf("{\"schemaVersion\":2,\"manifests\":[{\"mediaType\":\"application/vnd.oci.image.manifest.v1+json\","
				   "\"digest\":\"sha256:%s\",\"size\":%zu,\"annotations\":{%s\"org.opencontainers.image.ref.name\":\"1\"}}]}",
				   hex, strlen(manifest),
				   layout == FX_DOCKER_NEW ? "\"io.containerd.image.name\":\"docker.io/library/app:1\"," : "");
		e[n++] = (fx_entry){"index.json", index};
		if (layout == FX_DOCKER_NEW) {
			kh_buf m = {0};
			kh_buf_printf(&m, "[{\"Config\":\"blobs/sha256/%s\",\"RepoTags\":[\"%s\"],\"Layers\":[",
				      im->config_digest, im->tag);
			for (size_t i = 0; i < im->n_layers; i++)
				kh_buf_printf(&m, "%s\"blobs/sha256/%s\"", i ? "," : "", im->layers[i].digest);
			kh_buf_puts(&m, "]}]");
			docker = kh_buf_detach(&m);
			e[n++] = (fx_entry){"manifest.json", docker};
		}
		e[n++] = (fx_entry){"oci-layout", "{\"imageLayoutVersion\":\"1.0.0\"}"};
	}
	fx_archive(out, FX_TAR, FX_PLAIN, e, n);
	for (size_t i = 0; i < n; i++) {
		free(names[i]);
		if (e[i].type == FX_SYMLINK)
			free((char *)e[i].link);
	}
	free(manifest);
	free(index);
	free(docker);
	free(mdigest_s);
}

/* Unpack a tar held in memory into a folder (an OCI layout folder for the tests). */
static void fx_untar(const kh_buf *tar, const char *dir)
{
	struct archive *a = archive_read_new();
	struct archive *w = archive_write_disk_new();
	struct archive_entry *e;
	archive_read_support_format_tar(a);
	archive_read_open_memory(a, tar->buf, tar->len);
	mkdir(dir, 0755);
	while (archive_read_next_header(a, &e) == ARCHIVE_OK) {
		char *p = kh_sprintf("%s/%s", dir, archive_entry_pathname(e));
		archive_entry_set_pathname(e, p);
		archive_write_header(w, e);
		const void *buf;
		size_t size;
		la_int64_t off;
		while (archive_read_data_block(a, &buf, &size, &off) == ARCHIVE_OK)
			archive_write_data_block(w, buf, size, off);
		archive_write_finish_entry(w);
		free(p);
	}
	archive_read_free(a);
	archive_write_free(w);
}

#endif
