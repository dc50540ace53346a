/* SPDX-License-Identifier: Apache-2.0 */
/* Image reader: layouts, layer provenance, whiteouts, config fields, platforms,
 * corruption and limits, on images written by the test itself. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <unistd.h>

#include <cmocka.h>

#include "core/blob.h"
#include "image_fixtures.h"

/* the report of the case running; each case resets it, the group frees the last */
static keyhound_report *rep;

static int free_report(void **state)
{
	keyhound_report_free(rep);
	rep = NULL;
	return 0;
}
#include "source/image.h"

typedef struct {
	char *path, *layer, *config_field, *image, *platform;
	char *data;
	size_t len;
} rec_entry;

typedef struct {
	rec_entry v[256];
	size_t n;
} recorder;

static int rec_emit(void *p, const kh_origin *o, unsigned char *data, size_t len)
{
	recorder *r = p;
	if (r->n < 256) {
		rec_entry *e = &r->v[r->n++];
		e->path = kh_strdup(o->path);
		e->layer = kh_strdup(o->layer);
		e->config_field = kh_strdup(o->config_field);
		e->image = kh_strdup(o->image);
		e->platform = kh_strdup(o->platform);
		e->data = kh_strndup((char *)data, len);
		e->len = len;
	}
	free(data);
	return 0;
}

static void rec_free(recorder *r)
{
	for (size_t i = 0; i < r->n; i++) {
		free(r->v[i].path);
		free(r->v[i].layer);
		free(r->v[i].config_field);
		free(r->v[i].image);
		free(r->v[i].platform);
		free(r->v[i].data);
	}
	r->n = 0;
}

static const rec_entry *rec_path(const recorder *r, const char *path)
{
	for (size_t i = 0; i < r->n; i++)
		if (r->v[i].path && strcmp(r->v[i].path, path) == 0)
			return &r->v[i];
	return NULL;
}

static const rec_entry *rec_field(const recorder *r, const char *field)
{
	for (size_t i = 0; i < r->n; i++)
		if (r->v[i].config_field && strcmp(r->v[i].config_field, field) == 0)
			return &r->v[i];
	return NULL;
}

static bool has_error(const keyhound_report *rep, const char *loc_part, const char *reason_part)
{
	for (size_t i = 0; i < rep->n_err && i < 100; i++)
		if ((!loc_part || strstr(rep->err_location[i], loc_part)) &&
		    (!reason_part || strstr(rep->err_reason[i], reason_part)))
			return true;
	return false;
}

static uint64_t skips(const keyhound_report *rep, const char *reason)
{
	for (size_t i = 0; i < rep->n_skip; i++)
		if (strcmp(rep->skip_reason[i], reason) == 0)
			return rep->skip_count[i];
	return 0;
}

static void dump_errors(const keyhound_report *rep)
{
	for (size_t i = 0; i < rep->n_err && i < 100; i++)
		fprintf(stderr, "error: %s: %s\n", rep->err_location[i], rep->err_reason[i]);
}

#define SECRET_ENV "DB_PASSWORD=hunter2-but-longer-Zq8vL1"

/* The app image: base, an app layer with a .env, a layer that deletes it (plus an
 * opaque dir), each layer with another compression. */
static void app_image(fx_image *im)
{
	memset(im, 0, sizeof(*im));
	im->tag = "app:1";
	fx_entry base[] = {
		{"etc/", NULL, 0, FX_DIR},
		{"etc/os-release", "ID=test\n"},
		{"bin/sh", "\x7f" "ELF...", 0},
		{"bin/ash", NULL, 0, FX_SYMLINK, "/bin/sh"},
		{"var/cache/old.txt", "old cache\n"},
	};
	fx_entry app[] = {
		{"app/", NULL, 0, FX_DIR},
		{"app/config/.env", SECRET_ENV "\n"},
		{"./app/main.py", "print('hi')\n"},
		{"app/link", NULL, 0, FX_HARDLINK, "app/main.py"},
	};
	fx_entry del[] = {
		{"app/config/.wh..env", ""},
		{"var/cache/.wh..wh..opq", ""},
		{"app/notes.txt", "nothing here\n"},
	};
	fx_image_layer(im, FX_PLAIN, "ADD rootfs.tar /", base, 5);
	fx_image_layer(im, FX_GZIP, "COPY app /app", app, 4);
	fx_image_layer(im, FX_ZSTD, "RUN rm /app/config/.env", del, 3);
	fx_image_config(im, "[\"PATH=/usr/bin\",\"API_TOKEN=tok_in_env_1234567890\"]",
			"ARG SECRET=from_history_abcdef");
}

static void read_layout(recorder *r, fx_layout layout, const char *platform,
			const keyhound_limits *limits)
{
	fx_image im;
	kh_buf tar = {0};
	kh_image *reader;
	kh_image_sink sink = {rec_emit, r};
	app_image(&im);
	fx_image_archive(&tar, &im, layout);
	fx_report_reset(&rep);
	assert_int_equal(kh_image_new(&reader, platform, limits, rep, &sink), 0);
	kh_image_read_memory(reader, tar.buf, tar.len, "app.tar");

	/* the .env: in layer 1, deleted by layer 2 */
	const rec_entry *env = rec_path(r, "app/config/.env");
	assert_non_null(env);
	assert_string_equal(env->data, SECRET_ENV "\n");
	kh_image_attr at;
	assert_int_equal(kh_image_attribute(reader, env->layer, env->path, &at), 1);
	assert_int_equal(at.layer_index, 1);
	assert_string_equal(at.layer, im.layers[1].diff_id);
	assert_non_null(at.deleted_in_layer);
	assert_string_equal(at.deleted_in_layer, im.layers[2].diff_id);
	assert_string_equal(at.created_by, "COPY app /app");
	assert_string_equal(at.platform, "linux/amd64");
	/* an OCI layout names its image only by the ref name it was tagged with */
	assert_true(strstr(at.image, layout == FX_OCI_TAR ? "1" : "app:1") != NULL);

	/* opaque dir: the base's cache file is deleted too; the base's os-release is not */
	const rec_entry *cache = rec_path(r, "var/cache/old.txt");
	assert_non_null(cache);
	assert_int_equal(kh_image_attribute(reader, cache->layer, cache->path, &at), 1);
	assert_int_equal(at.layer_index, 0);
	assert_string_equal(at.deleted_in_layer, im.layers[2].diff_id);
	const rec_entry *osr = rec_path(r, "etc/os-release");
	assert_non_null(osr);
	assert_int_equal(kh_image_attribute(reader, osr->layer, osr->path, &at), 1);
	assert_null(at.deleted_in_layer);
	assert_string_equal(at.created_by, "ADD rootfs.tar /");

	/* "./app/main.py" reads as app/main.py; links and whiteouts are not files */
	assert_non_null(rec_path(r, "app/main.py"));
	assert_null(rec_path(r, "bin/ash"));
	assert_null(rec_path(r, "app/link"));
	assert_null(rec_path(r, "app/config/.wh..env"));

	/* config fields */
	const rec_entry *e1 = rec_field(r, "Env[1]");
	assert_non_null(e1);
	assert_string_equal(e1->data, "API_TOKEN=tok_in_env_1234567890");
	assert_string_equal(e1->image, at.image);
	assert_string_equal(e1->platform, "linux/amd64");
	const rec_entry *h = rec_field(r, "history[6].created_by");
	assert_non_null(h);
	assert_string_equal(h->data, "ARG SECRET=from_history_abcdef");
	assert_non_null(rec_field(r, "Cmd"));
	assert_string_equal(rec_field(r, "Cmd")->data, "/app/run --serve");
	assert_non_null(rec_field(r, "Labels.maintainer"));

	if (rep->n_err)
		dump_errors(rep);
	assert_int_equal(rep->n_err, 0);
	kh_image_free(reader);
	kh_buf_free(&tar);
	fx_image_free(&im);
}

static void test_docker_old_layout(void **state)
{
	recorder r = {0};
	read_layout(&r, FX_DOCKER_OLD, NULL, NULL);
	rec_free(&r);
}

static void test_docker_new_layout(void **state)
{
	recorder r = {0};
	read_layout(&r, FX_DOCKER_NEW, NULL, NULL);
	assert_string_equal(rec_field(&r, "Env[1]")->image, "docker.io/library/app:1");
	rec_free(&r);
}

static void test_oci_tar(void **state)
{
	recorder r = {0};
	read_layout(&r, FX_OCI_TAR, NULL, NULL);
	rec_free(&r);
}

static void test_skopeo_like_symlinks(void **state)
{
	recorder r = {0};
	read_layout(&r, FX_SKOPEO_LIKE, NULL, NULL);
	rec_free(&r);
}

static void test_oci_folder(void **state)
{
	fx_image im;
	kh_buf tar = {0};
	recorder r = {0};
	kh_image *reader;
	kh_image_sink sink = {rec_emit, &r};
	char dir[] = "/tmp/kh-oci-XXXXXX";
	assert_non_null(mkdtemp(dir));
	app_image(&im);
	fx_image_archive(&tar, &im, FX_OCI_TAR);
	fx_untar(&tar, dir);
	fx_report_reset(&rep);
	kh_image_new(&reader, NULL, NULL, rep, &sink);
	assert_int_equal(kh_image_read_path(reader, dir), 0);
	const rec_entry *env = rec_path(&r, "app/config/.env");
	assert_non_null(env);
	kh_image_attr at;
	assert_int_equal(kh_image_attribute(reader, env->layer, env->path, &at), 1);
	assert_int_equal(at.layer_index, 1);
	assert_string_equal(at.deleted_in_layer, im.layers[2].diff_id);
	assert_non_null(rec_field(&r, "Env[1]"));
	assert_int_equal(rep->n_err, 0);
	kh_image_free(reader);
	char *rm = kh_sprintf("rm -rf %s", dir);
	assert_int_equal(system(rm), 0);
	free(rm);
	rec_free(&r);
	kh_buf_free(&tar);
	fx_image_free(&im);
}

/* Two platforms sharing the base layer: the base is read and attributed once. */
static void multi_platform(kh_buf *out, fx_image *amd, fx_image *arm, bool only_amd)
{
	fx_entry base[] = {{"etc/base.conf", "shared=1\n"}};
	fx_entry a1[] = {{"app/amd.txt", "amd64 only\n"}};
	fx_entry r1[] = {{"app/arm.txt", "arm64 only\n"}};
	memset(amd, 0, sizeof(*amd));
	memset(arm, 0, sizeof(*arm));
	amd->os = arm->os = "linux";
	amd->arch = "amd64";
	arm->arch = "arm64";
	fx_image_layer(amd, FX_GZIP, "ADD base /", base, 1);
	fx_image_layer(amd, FX_GZIP, "COPY amd /app", a1, 1);
	fx_image_layer(arm, FX_GZIP, "ADD base /", base, 1);
	fx_image_layer(arm, FX_GZIP, "COPY arm /app", r1, 1);
	fx_image_config(amd, "[\"A=1\"]", NULL);
	fx_image_config(arm, "[\"A=2\"]", NULL);

	char *ma = fx_oci_manifest(amd, "application/vnd.oci.image.layer.v1.tar+gzip");
	char *mr = fx_oci_manifest(arm, "application/vnd.oci.image.layer.v1.tar+gzip");
	char ha[65], hr[65], hi[65];
	fx_hex_digest(ma, strlen(ma), ha);
	fx_hex_digest(mr, strlen(mr), hr);
	char *inner = kh_sprintf("{\"schemaVersion\":2,\"mediaType\":\"application/vnd.oci.image.index.v1+json\",\"manifests\":["
				 "{\"digest\":\"sha256:%s\",\"size\":1,\"platform\":{\"os\":\"linux\",\"architecture\":\"amd64\"}},"
				 "{\"digest\":\"sha256:%s\",\"size\":1,\"platform\":{\"os\":\"linux\",\"architecture\":\"arm64\",\"variant\":\"v8\"}}]}",
				 ha, hr);
	fx_hex_digest(inner, strlen(inner), hi);
	char *index = kh_sprintf("{\"schemaVersion\":2,\"manifests\":[{\"mediaType\":\"application/vnd.oci.image.index.v1+json\","
				 "\"digest\":\"sha256:%s\",\"size\":1,\"annotations\":{\"io.containerd.image.name\":\"multi:2\"}}]}", hi);
	char *n[8];
	n[0] = kh_sprintf("blobs/sha256/%s", amd->layers[0].digest);
	n[1] = kh_sprintf("blobs/sha256/%s", amd->layers[1].digest);
	n[2] = kh_sprintf("blobs/sha256/%s", arm->layers[1].digest);
	n[3] = kh_sprintf("blobs/sha256/%s", amd->config_digest);
	n[4] = kh_sprintf("blobs/sha256/%s", arm->config_digest);
	n[5] = kh_sprintf("blobs/sha256/%s", ha);
	n[6] = kh_sprintf("blobs/sha256/%s", hr);
	n[7] = kh_sprintf("blobs/sha256/%s", hi);
	fx_entry e[] = {
		{n[0], amd->layers[0].blob.buf, amd->layers[0].blob.len},
		{n[1], amd->layers[1].blob.buf, amd->layers[1].blob.len},
		{n[2], arm->layers[1].blob.buf, arm->layers[1].blob.len},
		{n[3], amd->config}, {n[4], arm->config}, {n[5], ma}, {n[6], mr}, {n[7], inner},
		{"index.json", index}, {"oci-layout", "{\"imageLayoutVersion\":\"1.0.0\"}"},
	};
	if (only_amd) { /* what docker save keeps of a multi-platform image it pulled for amd64 */
		e[2] = e[8];
		e[6] = e[9];
		fx_archive(out, FX_TAR, FX_PLAIN, e, 8);
	} else {
		fx_archive(out, FX_TAR, FX_PLAIN, e, 10);
	}
	for (int i = 0; i < 8; i++)
		free(n[i]);
	free(ma);
	free(mr);
	free(inner);
	free(index);
}

static void test_platforms(void **state)
{
	fx_image amd, arm;
	kh_buf tar = {0};
	recorder r = {0};
	kh_image *reader;
	kh_image_sink sink = {rec_emit, &r};
	kh_image_attr at;
	multi_platform(&tar, &amd, &arm, false);

	/* every platform */
	fx_report_reset(&rep);
	kh_image_new(&reader, NULL, NULL, rep, &sink);
	kh_image_read_memory(reader, tar.buf, tar.len, "multi.tar");
	assert_int_equal(rep->n_err, 0);
	size_t base_seen = 0;
	for (size_t i = 0; i < r.n; i++)
		base_seen += r.v[i].path && strcmp(r.v[i].path, "etc/base.conf") == 0;
	assert_int_equal(base_seen, 1);
	const rec_entry *b = rec_path(&r, "etc/base.conf");
	assert_int_equal(kh_image_attribute(reader, b->layer, b->path, &at), 1);
	assert_string_equal(at.platform, "linux/amd64,linux/arm64/v8");
	assert_string_equal(at.image, "multi:2");
	assert_int_equal(at.layer_index, 0);
	const rec_entry *a = rec_path(&r, "app/arm.txt");
	assert_int_equal(kh_image_attribute(reader, a->layer, a->path, &at), 1);
	assert_string_equal(at.platform, "linux/arm64/v8");
	assert_int_equal(at.layer_index, 1);
	kh_image_free(reader);
	rec_free(&r);

	/* --platform linux/arm64: amd64's own layer and config drop out */
	fx_report_reset(&rep);
	kh_image_new(&reader, "linux/arm64", NULL, rep, &sink);
	kh_image_read_memory(reader, tar.buf, tar.len, "multi.tar");
	a = rec_path(&r, "app/amd.txt");
	assert_non_null(a); /* read while streaming (the index comes last)... */
	assert_int_equal(kh_image_attribute(reader, a->layer, a->path, &at), 0); /* ...then dropped */
	b = rec_path(&r, "etc/base.conf");
	assert_int_equal(kh_image_attribute(reader, b->layer, b->path, &at), 1);
	assert_string_equal(at.platform, "linux/arm64/v8");
	const rec_entry *env = rec_field(&r, "Env[0]");
	assert_string_equal(env->data, "A=2");
	kh_image_free(reader);
	rec_free(&r);

	/* a platform the image does not have: an error that says what it has */
	fx_report_reset(&rep);
	kh_image_new(&reader, "linux/s390x", NULL, rep, &sink);
	kh_image_read_memory(reader, tar.buf, tar.len, "multi.tar");
	assert_true(has_error(rep, NULL, "no image for platform linux/s390x"));
	kh_image_free(reader);
	rec_free(&r);

	kh_buf_free(&tar);
	fx_image_free(&amd);
	fx_image_free(&arm);
}

/* An index naming platforms the archive does not hold: a note, unless asked for. */
static void test_platform_not_in_archive(void **state)
{
	fx_image amd, arm;
	kh_buf tar = {0};
	recorder r = {0};
	kh_image *reader;
	kh_image_sink sink = {rec_emit, &r};
	multi_platform(&tar, &amd, &arm, true);

	fx_report_reset(&rep);
	kh_image_new(&reader, NULL, NULL, rep, &sink);
	kh_image_read_memory(reader, tar.buf, tar.len, "amd-only.tar");
	assert_int_equal(rep->n_err, 0);
	assert_int_equal(rep->n_notes, 1);
	assert_non_null(strstr(rep->notes[0], "platform linux/arm64/v8 is not in the archive"));
	assert_non_null(rec_path(&r, "app/amd.txt"));
	kh_image_free(reader);
	rec_free(&r);

	fx_report_reset(&rep);
	kh_image_new(&reader, "linux/arm64", NULL, rep, &sink);
	kh_image_read_memory(reader, tar.buf, tar.len, "amd-only.tar");
	assert_true(has_error(rep, "multi:2", "is missing"));
	kh_image_free(reader);
	rec_free(&r);
	kh_buf_free(&tar);
	fx_image_free(&amd);
	fx_image_free(&arm);
}

/* ---- corruption: a clear error naming the part, everything else still read ---- */

static void test_truncated_archive(void **state)
{
	fx_image im;
	kh_buf tar = {0};
	recorder r = {0};
	kh_image *reader;
	kh_image_sink sink = {rec_emit, &r};
	app_image(&im);
	fx_image_archive(&tar, &im, FX_DOCKER_OLD);
	/* cut inside the third layer: the first two are still read */
	size_t cut = tar.len - im.layers[2].blob.len / 2 - strlen(im.config) - 3000;
	fx_report_reset(&rep);
	kh_image_new(&reader, NULL, NULL, rep, &sink);
	kh_image_read_memory(reader, tar.buf, cut, "app.tar");
	assert_non_null(rec_path(&r, "app/config/.env"));
	assert_true(has_error(rep, "app.tar", "truncated"));
	kh_image_free(reader);
	rec_free(&r);
	kh_buf_free(&tar);
	fx_image_free(&im);
}

static void test_bad_gzip_in_one_layer(void **state)
{
	fx_image im;
	kh_buf tar = {0};
	recorder r = {0};
	kh_image *reader;
	kh_image_sink sink = {rec_emit, &r};
	app_image(&im);
	/* break layer 1's deflate stream after its header */
	kh_buf *l1 = &im.layers[1].blob;
	for (size_t i = 12; i < l1->len - 8; i++)
		l1->buf[i] ^= 0x5a;
	fx_image_archive(&tar, &im, FX_OCI_TAR);
	fx_report_reset(&rep);
	kh_image_new(&reader, NULL, NULL, rep, &sink);
	kh_image_read_memory(reader, tar.buf, tar.len, "app.tar");
	char key[128];
	snprintf(key, sizeof(key), "blobs/sha256/%s", im.layers[1].digest);
	assert_true(has_error(rep, key, "corrupt"));
	assert_non_null(rec_path(&r, "etc/os-release"));     /* layer 0 */
	assert_non_null(rec_path(&r, "app/notes.txt"));      /* layer 2 */
	assert_non_null(rec_field(&r, "Env[1]"));
	kh_image_free(reader);
	rec_free(&r);
	kh_buf_free(&tar);
	fx_image_free(&im);
}

static void test_manifest_names_missing_blob(void **state)
{
	fx_image im;
	kh_buf tar = {0}, cut = {0};
	recorder r = {0};
	kh_image *reader;
	kh_image_sink sink = {rec_emit, &r};
	struct archive *a = archive_read_new();
	struct archive_entry *e;
	app_image(&im);
	fx_image_archive(&tar, &im, FX_DOCKER_OLD);
	/* the same archive without the second layer */
	fx_entry keep[32];
	char *names[32];
	void *datas[32];
	size_t n = 0;
	archive_read_support_format_tar(a);
	archive_read_open_memory(a, tar.buf, tar.len);
	while (archive_read_next_header(a, &e) == ARCHIVE_OK) {
		size_t sz = (size_t)archive_entry_size(e);
		if (strncmp(archive_entry_pathname(e), "0000000000000000000000000000000000000000000000000000000000000abd/", 65) == 0)
			continue;
		names[n] = kh_strdup(archive_entry_pathname(e));
		datas[n] = kh_malloc(sz + 1);
		archive_read_data(a, datas[n], sz);
		keep[n] = (fx_entry){names[n], datas[n], sz};
		n++;
	}
	archive_read_free(a);
	fx_archive(&cut, FX_TAR, FX_PLAIN, keep, n);
	fx_report_reset(&rep);
	kh_image_new(&reader, NULL, NULL, rep, &sink);
	kh_image_read_memory(reader, cut.buf, cut.len, "app.tar");
	assert_true(has_error(rep, "app:1", "layer 1 (0000000000000000000000000000000000000000000000000000000000000abd/layer.tar) named by the manifest is missing"));
	const rec_entry *n2 = rec_path(&r, "app/notes.txt");
	assert_non_null(n2);
	kh_image_attr at;
	assert_int_equal(kh_image_attribute(reader, n2->layer, n2->path, &at), 1);
	assert_int_equal(at.layer_index, 2);
	for (size_t i = 0; i < n; i++) {
		free(names[i]);
		free(datas[i]);
	}
	kh_image_free(reader);
	rec_free(&r);
	kh_buf_free(&tar);
	kh_buf_free(&cut);
	fx_image_free(&im);
}

static void test_malformed_manifest_json(void **state)
{
	fx_image im;
	kh_buf tar = {0};
	recorder r = {0};
	kh_image *reader;
	kh_image_sink sink = {rec_emit, &r};
	app_image(&im);
	/* a config that is not JSON after its first bytes */
	im.config[strlen(im.config) / 2] = '\0';
	fx_image_archive(&tar, &im, FX_DOCKER_OLD);
	fx_report_reset(&rep);
	kh_image_new(&reader, NULL, NULL, rep, &sink);
	kh_image_read_memory(reader, tar.buf, tar.len, "app.tar");
	assert_true(has_error(rep, ".json", "malformed JSON"));
	const rec_entry *env = rec_path(&r, "app/config/.env");
	assert_non_null(env);
	kh_image_attr at;
	assert_int_equal(kh_image_attribute(reader, env->layer, env->path, &at), 1);
	assert_int_equal(at.layer_index, 1); /* the manifest still orders the layers */
	assert_string_equal(at.layer, im.layers[1].diff_id); /* computed while streaming */
	kh_image_free(reader);
	rec_free(&r);
	kh_buf_free(&tar);
	fx_image_free(&im);
}

/* ---- a root filesystem tar (docker export) ---- */

static void test_rootfs_tar(void **state)
{
	kh_buf tar = {0}, inner = {0};
	recorder r = {0};
	kh_image *reader;
	kh_image_sink sink = {rec_emit, &r};
	fx_entry in[] = {{"conf/app.properties", "token=abc\n"}};
	fx_archive(&inner, FX_TAR, FX_GZIP, in, 1);
	fx_entry e[] = {
		{".dockerenv", ""}, {"etc/", NULL, 0, FX_DIR}, {"etc/hostname", "box\n"},
		{"srv/package.json", "{\"name\":\"x\"}"}, {"srv/bundle.tgz", inner.buf, inner.len},
	};
	fx_archive(&tar, FX_TAR, FX_PLAIN, e, 5);
	fx_report_reset(&rep);
	kh_image_new(&reader, NULL, NULL, rep, &sink);
	kh_image_read_memory(reader, tar.buf, tar.len, "export.tar");
	assert_int_equal(rep->n_err, 0);
	assert_non_null(rec_path(&r, "etc/hostname"));
	assert_null(rec_path(&r, "etc/hostname")->layer);
	assert_non_null(rec_path(&r, "srv/package.json"));
	/* the tgz is a file of the root filesystem, for the nested-archive reader */
	assert_non_null(rec_path(&r, "srv/bundle.tgz"));
	kh_image_free(reader);
	rec_free(&r);
	kh_buf_free(&tar);
	kh_buf_free(&inner);
}

/* ---- limits ---- */

static void test_layer_file_over_max_file_size(void **state)
{
	recorder r = {0};
	fx_image im;
	kh_buf tar = {0};
	kh_image *reader;
	kh_image_sink sink = {rec_emit, &r};
	keyhound_limits lim = KEYHOUND_LIMITS_INIT;
	lim.max_file_size = 10;
	app_image(&im);
	fx_image_archive(&tar, &im, FX_OCI_TAR);
	fx_report_reset(&rep);
	kh_image_new(&reader, NULL, &lim, rep, &sink);
	kh_image_read_memory(reader, tar.buf, tar.len, "app.tar");
	assert_null(rec_path(&r, "app/config/.env"));      /* 40 bytes */
	assert_non_null(rec_path(&r, "etc/os-release"));   /* 8 bytes */
	assert_true(skips(rep, "max-file-size") >= 3);
	kh_image_free(reader);
	rec_free(&r);
	kh_buf_free(&tar);
	fx_image_free(&im);
}

static void zero_layer_image(fx_image *im, size_t zeros)
{
	unsigned char *z = calloc(1, zeros);
	memset(im, 0, sizeof(*im));
	im->tag = "bomb:1";
	fx_entry e[] = {{"a.txt", "first\n"}, {"zero.bin", z, zeros}, {"z.txt", "after\n"}};
	fx_image_layer(im, FX_GZIP, "RUN make-bomb", e, 3);
	fx_image_config(im, NULL, NULL);
	free(z);
}

static void test_layer_decompression_limits(void **state)
{
	recorder r = {0};
	fx_image im;
	kh_buf tar = {0};
	kh_image *reader;
	kh_image_sink sink = {rec_emit, &r};
	keyhound_limits lim = KEYHOUND_LIMITS_INIT;
	zero_layer_image(&im, 48u << 20); /* 48 MiB of zeros gzip to ~47 KiB: ratio ~1000 */
	fx_image_archive(&tar, &im, FX_OCI_TAR);

	fx_report_reset(&rep);
	kh_image_new(&reader, NULL, &lim, rep, &sink);
	kh_image_read_memory(reader, tar.buf, tar.len, "bomb.tar");
	assert_int_equal(skips(rep, "max-ratio"), 1);
	assert_non_null(rec_path(&r, "a.txt"));
	assert_non_null(rec_path(&r, "z.txt")); /* the bomb alone is skipped */
	kh_image_free(reader);
	rec_free(&r);

	lim.max_ratio = 0; /* no ratio limit; a total one instead */
	lim.max_decompressed = 1u << 20;
	fx_report_reset(&rep);
	kh_image_new(&reader, NULL, &lim, rep, &sink);
	kh_image_read_memory(reader, tar.buf, tar.len, "bomb.tar");
	assert_int_equal(skips(rep, "max-decompressed"), 1);
	kh_image_free(reader);
	rec_free(&r);

	lim.max_decompressed = 1ull << 32; /* neither: the whole layer is read */
	fx_report_reset(&rep);
	kh_image_new(&reader, NULL, &lim, rep, &sink);
	kh_image_read_memory(reader, tar.buf, tar.len, "bomb.tar");
	assert_non_null(rec_path(&r, "z.txt"));
	assert_int_equal(rep->n_skip, 0);
	kh_image_free(reader);
	rec_free(&r);

	kh_buf_free(&tar);
	fx_image_free(&im);
}

/* An archive of more layers than any image has: the rest are a counted skip. */
static void test_too_many_layers(void **state)
{
	static const char empty_tar[1024];
	enum { N = 10001 };
	fx_entry *e = kh_calloc(N, sizeof(*e));
	char **names = kh_calloc(N, sizeof(char *));
	kh_buf tar = {0};
	recorder r = {0};
	kh_image *reader;
	kh_image_sink sink = {rec_emit, &r};
	for (size_t i = 0; i < N; i++) {
		names[i] = kh_sprintf("blobs/sha256/%064zx", i);
		e[i] = (fx_entry){names[i], empty_tar, sizeof(empty_tar)};
	}
	fx_archive(&tar, FX_TAR, FX_PLAIN, e, N);
	fx_report_reset(&rep);
	kh_image_new(&reader, NULL, NULL, rep, &sink);
	kh_image_read_memory(reader, tar.buf, tar.len, "many.tar");
	assert_int_equal(skips(rep, "max-layers"), 1);
	assert_true(has_error(rep, "many.tar", "no manifest.json or index.json"));
	kh_image_free(reader);
	for (size_t i = 0; i < N; i++)
		free(names[i]);
	free(names);
	free(e);
	kh_buf_free(&tar);
}

/* A layer deleting more files than any real one: the excess deletions are a counted skip. */
static void test_too_many_whiteouts(void **state)
{
	enum { N = 100001 };
	fx_entry *e = kh_calloc(N, sizeof(*e));
	char **names = kh_calloc(N, sizeof(char *));
	fx_image im;
	kh_buf tar = {0};
	recorder r = {0};
	kh_image *reader;
	kh_image_sink sink = {rec_emit, &r};
	memset(&im, 0, sizeof(im));
	im.tag = "wh:1";
	for (size_t i = 0; i < N; i++) {
		names[i] = kh_sprintf("d/.wh.f%zu", i);
		e[i] = (fx_entry){names[i], ""};
	}
	fx_entry base[] = {{"d/f0", "first\n"}};
	fx_image_layer(&im, FX_PLAIN, "ADD base", base, 1);
	fx_image_layer(&im, FX_GZIP, "RUN rm -rf many", e, N);
	fx_image_config(&im, NULL, NULL);
	fx_image_archive(&tar, &im, FX_OCI_TAR);
	fx_report_reset(&rep);
	kh_image_new(&reader, NULL, NULL, rep, &sink);
	kh_image_read_memory(reader, tar.buf, tar.len, "wh.tar");
	assert_int_equal(skips(rep, "max-whiteouts"), 1);
	const rec_entry *f0 = rec_path(&r, "d/f0");
	kh_image_attr at;
	assert_int_equal(kh_image_attribute(reader, f0->layer, f0->path, &at), 1);
	assert_string_equal(at.deleted_in_layer, im.layers[1].diff_id);
	kh_image_free(reader);
	rec_free(&r);
	for (size_t i = 0; i < N; i++)
		free(names[i]);
	free(names);
	free(e);
	kh_buf_free(&tar);
	fx_image_free(&im);
}

/* diff_ids are SHA-256 of every layer byte, hashed with the CPU's SHA extensions when it
 * has them: both paths give FIPS 180-4's digests (values from Python's hashlib). */
static void test_layer_digest_values(void **state)
{
	unsigned char d[1000];
	uint8_t out[32];
	char hex[65];
	kh_sha256_ctx c;
	for (int i = 0; i < 1000; i++)
		d[i] = (unsigned char)(i * 7 + 3);
	kh_sha256("abc", 3, out);
	kh_hex(out, 32, hex);
	assert_string_equal(hex, "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
	kh_sha256(d, 320, out);
	kh_hex(out, 32, hex);
	assert_string_equal(hex, "7551f21161f49a5505ac642fa2983e09138a9dee81c6cd4133bcc9422d329227");
	kh_sha256_init(&c); /* split across block boundaries, as layer reads are */
	kh_sha256_update(&c, d, 1);
	kh_sha256_update(&c, d + 1, 200);
	kh_sha256_update(&c, d + 201, 799);
	kh_sha256_final(&c, out);
	kh_hex(out, 32, hex);
	assert_string_equal(hex, "1e9bc38cbf860b9ec31918b065f9b52476c549a782e0e7990bed8ce3868d2371");
}

/* Debugging aid: `test_image --dump FILE|DIR [PLATFORM]` prints what the reader sees. */
static int dump(const char *input, const char *platform)
{
	recorder r = {0};
	kh_image *reader;
	kh_image_sink sink = {rec_emit, &r};
	fx_report_reset(&rep);
	kh_image_new(&reader, platform, NULL, rep, &sink);
	kh_image_read_path(reader, input);
	for (size_t i = 0; i < r.n; i++) {
		const rec_entry *e = &r.v[i];
		kh_image_attr at;
		int k = e->layer ? kh_image_attribute(reader, e->layer, e->path, &at) : -2;
		printf("%s\t%s\tkeep=%d image=%s platform=%s idx=%ld layer=%s created_by=%s deleted=%s field=%s\n",
		       e->path ? e->path : "-", e->layer ? e->layer : "-", k,
		       k == 1 ? at.image : e->image, k == 1 ? at.platform : e->platform,
		       k == 1 ? at.layer_index : -1, k == 1 ? at.layer : "-",
		       k == 1 ? at.created_by : "-", k == 1 ? at.deleted_in_layer : "-",
		       e->config_field ? e->config_field : "-");
	}
	for (size_t i = 0; i < rep->n_skip; i++)
		printf("skip: %s x%llu\n", rep->skip_reason[i], (unsigned long long)rep->skip_count[i]);
	kh_image_free(reader);
	rec_free(&r);
	return 0;
}

int main(int argc, char **argv)
{
	if (argc > 2 && strcmp(argv[1], "--dump") == 0)
		return dump(argv[2], argc > 3 ? argv[3] : NULL);
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_docker_old_layout),
		cmocka_unit_test(test_docker_new_layout),
		cmocka_unit_test(test_oci_tar),
		cmocka_unit_test(test_skopeo_like_symlinks),
		cmocka_unit_test(test_oci_folder),
		cmocka_unit_test(test_platforms),
		cmocka_unit_test(test_platform_not_in_archive),
		cmocka_unit_test(test_truncated_archive),
		cmocka_unit_test(test_bad_gzip_in_one_layer),
		cmocka_unit_test(test_manifest_names_missing_blob),
		cmocka_unit_test(test_malformed_manifest_json),
		cmocka_unit_test(test_rootfs_tar),
		cmocka_unit_test(test_layer_file_over_max_file_size),
		cmocka_unit_test(test_layer_decompression_limits),
		cmocka_unit_test(test_layer_digest_values),
		cmocka_unit_test(test_too_many_layers),
		cmocka_unit_test(test_too_many_whiteouts),
	};
	return cmocka_run_group_tests(tests, NULL, free_report);
}
