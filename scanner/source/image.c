/* SPDX-License-Identifier: Apache-2.0 */
/* Container images: the outer archive (docker save, skopeo docker-archive, OCI tar, a root
 * filesystem tar) is read once, front to back. Members are sorted by their bytes as they
 * pass: layers are streamed, small JSON metadata is kept, and manifests (which docker
 * save writes last) are read at the end to attribute what the layers held. */
#include <errno.h>
#include <jansson.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "core/blob.h"
#include "core/report.h"
#include "source/image_int.h"

/* ---- names ---- */

char *kh_image_norm(const char *name)
{
	for (;;) {
		if (name[0] == '.' && name[1] == '/')
			name += 2;
		else if (name[0] == '/')
			name++;
		else
			break;
	}
	return kh_strdup(name);
}

/* dir + "/" + rel with "." and ".." folded, never above the root: a link target. */
static char *join_fold(const char *dir, const char *rel)
{
	char *all = rel[0] == '/' ? kh_strdup(rel) : kh_sprintf("%s/%s", dir, rel);
	kh_buf out = {0};
	size_t *starts = kh_malloc((strlen(all) + 1) * sizeof(size_t));
	size_t depth = 0;
	char *save = NULL;
	for (char *seg = strtok_r(all, "/", &save); seg; seg = strtok_r(NULL, "/", &save)) {
		if (strcmp(seg, ".") == 0)
			continue;
		if (strcmp(seg, "..") == 0) {
			if (depth) {
				out.len = starts[--depth];
				if (out.len)
					out.len--; /* the '/' before it */
			}
			continue;
		}
		if (out.len)
			kh_buf_putc(&out, '/');
		starts[depth++] = out.len;
		kh_buf_puts(&out, seg);
	}
	free(starts);
	free(all);
	return kh_buf_detach(&out);
}

static void link_add(kh_image *im, const char *from, char *to)
{
	if (im->n_links >= KH_LINKS_MAX) { /* no image has that many: not worth the memory */
		free(to);
		return;
	}
	if (im->n_links == im->cap_links) {
		im->cap_links = im->cap_links ? 2 * im->cap_links : 8;
		im->link_from = kh_realloc(im->link_from, im->cap_links * sizeof(char *));
		im->link_to = kh_realloc(im->link_to, im->cap_links * sizeof(char *));
	}
	im->link_from[im->n_links] = kh_strdup(from);
	im->link_to[im->n_links++] = to;
}

char *kh_image_resolve_link(const kh_image *im, const char *key)
{
	char *cur = kh_image_norm(key);
	for (int hops = 0; hops < 8; hops++) {
		size_t i;
		for (i = 0; i < im->n_links; i++)
			if (strcmp(im->link_from[i], cur) == 0)
				break;
		if (i == im->n_links)
			break;
		free(cur);
		cur = kh_strdup(im->link_to[i]);
	}
	return cur;
}

/* ---- tables ---- */

kh_layer *kh_image_layer_find(const kh_image *im, const char *key)
{
	char *k = kh_image_resolve_link(im, key);
	kh_layer *found = NULL;
	for (size_t i = 0; i < im->n_layers && !found; i++)
		if (strcmp(im->layers[i].key, k) == 0)
			found = &im->layers[i];
	free(k);
	return found;
}

kh_layer *kh_image_layer_add(kh_image *im, const char *key)
{
	for (size_t i = 0; i < im->n_layers; i++)
		if (strcmp(im->layers[i].key, key) == 0)
			return &im->layers[i];
	if (im->n_layers == im->cap_layers) {
		im->cap_layers = im->cap_layers ? 2 * im->cap_layers : 8;
		im->layers = kh_realloc(im->layers, im->cap_layers * sizeof(*im->layers));
	}
	kh_layer *l = &im->layers[im->n_layers++];
	memset(l, 0, sizeof(*l));
	l->key = kh_strdup(key);
	l->img = -1;
	l->index = -1;
	return l;
}

static void json_add(kh_image *im, const char *key, unsigned char *data, size_t len)
{
	if (im->n_json == im->cap_json) {
		im->cap_json = im->cap_json ? 2 * im->cap_json : 8;
		im->json = kh_realloc(im->json, im->cap_json * sizeof(*im->json));
	}
	/* every field set: 'used' is read for each entry after the archive */
	memset(&im->json[im->n_json], 0, sizeof(im->json[im->n_json]));
	im->json[im->n_json].key = kh_strdup(key);
	im->json[im->n_json].data = data;
	im->json[im->n_json++].len = len;
	im->json_bytes += len;
}

/* Walk path's segments under the folder's descriptor without following links. Returns the
 * file's descriptor; -1 with errno; or -2 with *link set to the path a link in the way
 * points at, resolved inside the folder (the rest of path appended). */
static int walk_under(int root, const char *path, char **link)
{
	char *copy = kh_strdup(path), *save = NULL;
	char *seg = strtok_r(copy, "/", &save);
	int fd = dup(root);
	kh_buf done = {0};
	while (fd >= 0 && seg) {
		char *next = strtok_r(NULL, "/", &save);
		int fl = O_RDONLY | O_NOFOLLOW | O_CLOEXEC | (next ? O_DIRECTORY : O_NONBLOCK);
		int sub = openat(fd, seg, fl);
		struct stat st;
		if (sub < 0 && (errno == ELOOP || errno == ENOTDIR) &&
		    fstatat(fd, seg, &st, AT_SYMLINK_NOFOLLOW) == 0 && S_ISLNK(st.st_mode)) {
			char target[4096];
			ssize_t n = readlinkat(fd, seg, target, sizeof(target) - 1);
			if (n > 0 && target[0] != '/') {
				target[n] = 0;
				char *dir = kh_strndup(done.buf ? done.buf : "", done.len);
				char *to = join_fold(dir, target);
				*link = next ? kh_sprintf("%s/%s%s%s", to, next, *save ? "/" : "", save)
					     : kh_strdup(to);
				free(to);
				free(dir);
				close(fd);
				fd = -2;
				break;
			}
			errno = ELOOP;
		}
		int saved = errno;
		close(fd);
		errno = saved;
		fd = sub;
		if (done.len)
			kh_buf_putc(&done, '/');
		kh_buf_puts(&done, seg);
		seg = next;
	}
	kh_buf_free(&done);
	free(copy);
	return fd;
}

/* Open dir/rel for reading as if dir were the root: links are resolved inside the folder
 * (a docker save folder links layers to each other), never to a host file, and only a
 * regular file opens (never a FIFO or a device). -1 with errno set (ELOOP, EINVAL). */
int kh_image_open_member(const char *dir, const char *rel)
{
	int root = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC), fd = -1;
	char *path = join_fold("", rel);
	struct stat st;
	for (int hops = 0; root >= 0 && hops < 16; hops++) {
		char *link = NULL;
		fd = walk_under(root, path, &link);
		free(path);
		path = link;
		if (fd != -2)
			break;
		errno = ELOOP;
	}
	free(path);
	if (root >= 0)
		close(root);
	if (fd < -1)
		fd = -1;
	if (fd >= 0 && (fstat(fd, &st) < 0 || !S_ISREG(st.st_mode))) {
		close(fd);
		errno = EINVAL;
		fd = -1;
	}
	if (fd >= 0) /* O_NONBLOCK only kept the open from waiting on a FIFO */
		fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) & ~O_NONBLOCK);
	return fd;
}

/* Read a whole small member of the folder; NULL if missing, not a file or over max. */
static unsigned char *slurp(const char *dir, const char *rel, size_t max, size_t *len)
{
	int fd = kh_image_open_member(dir, rel);
	struct stat st;
	unsigned char *data = NULL;
	size_t n = 0;
	if (fd < 0)
		return NULL;
	if (fstat(fd, &st) < 0 || (uint64_t)st.st_size > max)
		goto done;
	if (!(data = kh_try_alloc((size_t)st.st_size + 1)))
		goto done; /* the call under way ends in KEYHOUND_ENOMEM */
	while (n < (size_t)st.st_size) {
		ssize_t got = read(fd, data + n, (size_t)st.st_size - n);
		if (got < 0 && errno == EINTR)
			continue;
		if (got <= 0)
			break;
		n += (size_t)got;
	}
	*len = n;
done:
	close(fd);
	return data;
}

const kh_json_file *kh_image_json_get(kh_image *im, const char *key)
{
	char *k = kh_image_resolve_link(im, key);
	const kh_json_file *found = NULL;
	for (size_t i = 0; i < im->n_json && !found; i++)
		if (strcmp(im->json[i].key, k) == 0)
			found = &im->json[i];
	if (!found && im->dir) {
		size_t len = 0;
		unsigned char *data = slurp(im->dir, k, KH_JSON_MAX, &len);
		if (data) {
			json_add(im, k, data, len);
			found = &im->json[im->n_json - 1];
		}
	}
	free(k);
	return found;
}

int kh_image_emit(kh_image *im, const kh_origin *o, unsigned char *data, size_t len)
{
	if (im->stopped) {
		free(data);
		return 1;
	}
	if (im->sink.emit(im->sink.payload, o, data, len) != 0)
		im->stopped = true;
	return im->stopped;
}

void kh_image_skipped(kh_image *im, const kh_origin *o, kh_skip reason)
{
	if (im->sink.skipped && !im->stopped)
		im->sink.skipped(im->sink.payload, o, reason);
	else
		kh_report_skip(im->report, reason);
}

/* ---- life cycle ---- */

int kh_image_new(kh_image **out, const char *platform, const keyhound_limits *limits,
		 keyhound_report *report, const kh_image_sink *sink)
{
	kh_image *im;
	keyhound_limits deflt = KEYHOUND_LIMITS_INIT;
	int error;
	*out = NULL;
	if ((error = kh_dl_require(KH_DL_ARCHIVE)) < 0)
		return error;
	im = kh_calloc(1, sizeof(*im));
	im->platform_filter = kh_strdup(platform);
	im->limits = limits ? *limits : deflt;
	im->report = report;
	im->sink = *sink;
	*out = im;
	return 0;
}

void kh_image_free(kh_image *im)
{
	if (!im)
		return;
	for (size_t i = 0; i < im->n_layers; i++) {
		kh_layer *l = &im->layers[i];
		for (size_t j = 0; j < l->n_wh; j++)
			free(l->wh[j].path);
		free(l->wh);
		free(l->key);
		free(l->diff_id);
		free(l->platforms);
	}
	free(im->layers);
	for (size_t i = 0; i < im->n_json; i++) {
		free(im->json[i].key);
		free(im->json[i].data);
	}
	free(im->json);
	for (size_t i = 0; i < im->n_links; i++) {
		free(im->link_from[i]);
		free(im->link_to[i]);
	}
	free(im->link_from);
	free(im->link_to);
	for (size_t i = 0; i < im->n_imgs; i++) {
		kh_img *g = &im->imgs[i];
		for (size_t j = 0; j < g->n_layers; j++) {
			free(g->layer_keys[j]);
			free(g->created_by[j]);
			if (g->config_diff_ids)
				free(g->config_diff_ids[j]);
		}
		free(g->layer_keys);
		free(g->created_by);
		free(g->config_diff_ids);
		free(g->name);
		free(g->platform);
		free(g->config_key);
		json_decref(g->config);
	}
	free(im->imgs);
	for (size_t i = 0; i < im->n_visited; i++)
		free(im->visited[i]);
	free(im->visited);
	free(im->platform_filter);
	free(im->input);
	free(im->dir);
	free(im);
}

/* ---- one member of the outer archive ---- */

typedef struct {
	struct archive *a;
	unsigned char peek[512];
	size_t peek_len;
	bool peek_served;
	const void *rest;       /* the part of the last peeked block not copied */
	size_t rest_len;
	bool eof, failed;
} member_src;

static int next_block(member_src *m, const void **buf, size_t *size)
{
	la_int64_t off;
	for (;;) {
		int r = archive_read_data_block(m->a, buf, size, &off);
		if (r == ARCHIVE_EOF) {
			m->eof = true;
			return 0;
		}
		if (r < ARCHIVE_WARN) {
			m->failed = true;
			return -1;
		}
		if (*size)
			return 1;
	}
}

static void peek_fill(member_src *m)
{
	while (m->peek_len < sizeof(m->peek) && !m->eof && !m->failed) {
		const void *buf;
		size_t size;
		if (next_block(m, &buf, &size) <= 0)
			break;
		size_t k = size < sizeof(m->peek) - m->peek_len ? size : sizeof(m->peek) - m->peek_len;
		memcpy(m->peek + m->peek_len, buf, k);
		m->peek_len += k;
		if (k < size) {
			m->rest = (const unsigned char *)buf + k;
			m->rest_len = size - k;
		}
	}
}

static la_ssize_t member_read(void *p, const void **buf)
{
	member_src *m = p;
	if (!m->peek_served) {
		m->peek_served = true;
		if (m->peek_len) {
			*buf = m->peek;
			return (la_ssize_t)m->peek_len;
		}
	}
	if (m->rest_len) {
		*buf = m->rest;
		size_t n = m->rest_len;
		m->rest_len = 0;
		return (la_ssize_t)n;
	}
	if (m->eof)
		return 0;
	size_t size;
	int r = next_block(m, buf, &size);
	return r < 0 ? -1 : r == 0 ? 0 : (la_ssize_t)size;
}

/* The whole member in memory (at most size bytes); NULL on a read error. The buffer grows
 * with the bytes that arrive, never from the size the archive declares. */
static unsigned char *member_slurp(member_src *m, size_t size, size_t *len)
{
	size_t cap = 0, n = 0;
	unsigned char *data = NULL;
	const void *buf;
	la_ssize_t got;
	while ((got = member_read(m, &buf)) > 0) {
		size_t k = (size_t)got < size - n ? (size_t)got : size - n;
		if (!kh_image_grow(&data, &cap, n + k, size)) {
			got = -1; /* no memory for it: the call ends in KEYHOUND_ENOMEM */
			break;
		}
		memcpy(data + n, buf, k);
		n += k;
	}
	if (got < 0 || !kh_image_grow(&data, &cap, n, size)) {
		free(data);
		return NULL;
	}
	*len = n;
	return data;
}

/* Room for need bytes plus a NUL in *data (at most size + 1): doubling from 64 KiB. False
 * when the memory cannot be had (*data is kept; the call ends in KEYHOUND_ENOMEM). */
bool kh_image_grow(unsigned char **data, size_t *cap, size_t need, size_t size)
{
	if (*data && need < *cap)
		return true;
	size_t want = *cap ? *cap : 64u << 10;
	while (want <= need && want <= size)
		want = want > SIZE_MAX / 2 ? SIZE_MAX : 2 * want;
	if (want > size + 1 && need <= size)
		want = size + 1;
	unsigned char *more = kh_try_realloc(*data, want);
	if (!more)
		return false;
	*data = more;
	*cap = want;
	return true;
}

static bool looks_json(const unsigned char *p, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		if (p[i] == ' ' || p[i] == '\t' || p[i] == '\r' || p[i] == '\n')
			continue;
		return p[i] == '{' || p[i] == '[';
	}
	return false;
}

static bool looks_layer(const unsigned char *p, size_t n, int64_t size)
{
	if (n >= 4 && p[0] == 0x1f && p[1] == 0x8b)
		return true;
	if (n >= 4 && p[0] == 0x28 && p[1] == 0xb5 && p[2] == 0x2f && p[3] == 0xfd)
		return true;
	if (n >= 512 && memcmp(p + 257, "ustar", 5) == 0)
		return true;
	if (n == 512 && size >= 1024) { /* an empty tar: only its end marker */
		for (size_t i = 0; i < n; i++)
			if (p[i])
				return false;
		return true;
	}
	return false;
}

/* Names only image archives have; any of them settles that this is an image. */
static bool image_marker(const char *name)
{
	const char *slash = strchr(name, '/');
	if (!slash)
		return strcmp(name, "manifest.json") == 0 || strcmp(name, "index.json") == 0 ||
		       strcmp(name, "oci-layout") == 0 || strcmp(name, "repositories") == 0;
	if (strncmp(name, "blobs/", 6) == 0)
		return true;
	/* the older docker save: <64 hex id>/layer.tar, <id>/VERSION */
	if (slash - name != 64 || strchr(slash + 1, '/'))
		return false;
	for (const char *p = name; p < slash; p++)
		if (!strchr("0123456789abcdef", *p))
			return false;
	return strcmp(slash + 1, "layer.tar") == 0 || strcmp(slash + 1, "VERSION") == 0;
}

/* Before anything says "image", a tarball member is taken for a layer only when named as
 * image tools name layers (a 64-hex id or digest in it); otherwise this is a root
 * filesystem and the tarball one of its files. */
static bool layer_name(const char *name)
{
	size_t run = 0;
	for (const char *p = name; *p; p++) {
		run = strchr("0123456789abcdef", *p) ? run + 1 : 0;
		if (run == 64)
			return true;
	}
	return false;
}

/* Metadata files docker save writes that hold nothing a config scan does not cover. */
static bool ignorable_meta(const char *name)
{
	const char *slash = strrchr(name, '/');
	const char *base = slash ? slash + 1 : name;
	return strcmp(base, "VERSION") == 0 || strcmp(base, "oci-layout") == 0 ||
	       (slash && strcmp(base, "json") == 0);
}

static void emit_file(kh_image *im, const char *name, unsigned char *data, size_t len)
{
	kh_origin o = KH_ORIGIN_INIT;
	o.source = KEYHOUND_SOURCE_IMAGE;
	o.path = (char *)name;
	kh_image_emit(im, &o, data, len);
}

static void outer_file(kh_image *im, member_src *m, const char *name, int64_t size)
{
	size_t len = 0;
	unsigned char *data;
	if (size < 0 || (uint64_t)size > im->limits.max_file_size) {
		kh_origin o = KH_ORIGIN_INIT;
		o.source = KEYHOUND_SOURCE_IMAGE;
		o.path = (char *)name;
		kh_image_skipped(im, &o, KH_SKIP_FILE_SIZE);
		return;
	}
	if (!(data = member_slurp(m, (size_t)size, &len))) {
		kh_report_error(im->report, name, "cannot read: %s", kh_archive_error(m->a));
		return;
	}
	emit_file(im, name, data, len);
}

static void outer_member(kh_image *im, struct archive *a, struct archive_entry *e,
			 const char *name)
{
	member_src m = {.a = a};
	int64_t size = archive_entry_size(e);

	if (im->mode != KH_MODE_ROOTFS && image_marker(name))
		im->mode = KH_MODE_IMAGE;
	if (im->mode == KH_MODE_ROOTFS) {
		outer_file(im, &m, name, size);
		return;
	}
	peek_fill(&m);
	if (m.failed) {
		kh_report_error(im->report, name, "cannot read: %s", kh_archive_error(a));
		return;
	}
	/* a tar first: a layer whose first entry is named "{..." starts like JSON */
	if (looks_layer(m.peek, m.peek_len, size) &&
	    (im->mode == KH_MODE_IMAGE || layer_name(name))) {
		if (im->n_layers >= KH_LAYERS_MAX)
			kh_report_skip(im->report, KH_SKIP_LAYERS);
		else
			kh_image_read_layer(im, name, member_read, &m);
		return;
	}
	if (looks_json(m.peek, m.peek_len) && size >= 0 && (uint64_t)size <= KH_JSON_MAX &&
	    im->json_bytes + (uint64_t)size <= KH_JSON_TOTAL_MAX && im->n_json < KH_JSON_FILES_MAX) {
		size_t len = 0;
		unsigned char *data = member_slurp(&m, (size_t)size, &len);
		if (!data)
			kh_report_error(im->report, name, "cannot read: %s", kh_archive_error(a));
		else
			json_add(im, name, data, len);
		return;
	}
	if (ignorable_meta(name) && size < 4096)
		return;
	if (im->mode == KH_MODE_UNKNOWN)
		im->mode = KH_MODE_ROOTFS;
	outer_file(im, &m, name, size);
}

/* Read the outer archive front to back, once. */
static int read_archive(kh_image *im, struct archive *a)
{
	struct archive_entry *e;
	char *name = NULL;
	uint64_t members = 0;
	int r;
	for (;;) {
		r = kh_archive_next(a, &e);
		if (r == 0)
			break;
		if (r < 0) {
			kh_report_error(im->report, im->input, "%s: %s",
					members ? "the image archive is truncated or corrupt"
						: "not an image archive (a tar, plain, gzip or zstd)",
					kh_archive_error(a));
			break;
		}
		members++;
		const char *raw = archive_entry_pathname(e);
		if (!raw)
			continue;
		free(name);
		name = kh_image_norm(raw);
		const char *hard = archive_entry_hardlink(e);
		if (hard) {
			if (im->mode != KH_MODE_ROOTFS) {
				char *fold = join_fold("", hard);
				link_add(im, name, fold);
			}
			continue;
		}
		if (archive_entry_filetype(e) == AE_IFLNK) {
			const char *target = archive_entry_symlink(e);
			if (target && im->mode != KH_MODE_ROOTFS) {
				const char *slash = strrchr(name, '/');
				char *dir = kh_strndup(name, slash ? (size_t)(slash - name) : 0);
				link_add(im, name, join_fold(dir, target));
				free(dir);
			}
			continue;
		}
		if (archive_entry_filetype(e) != AE_IFREG)
			continue;
		outer_member(im, a, e, name);
		if (im->stopped)
			break;
	}
	free(name);
	return 0;
}

/* After the archive: a root filesystem's JSON files are files like any other. */
static void finish_archive(kh_image *im)
{
	if (im->mode == KH_MODE_ROOTFS || (!im->n_layers && !kh_image_has_manifest(im))) {
		im->mode = KH_MODE_ROOTFS;
		for (size_t i = 0; i < im->n_json && !im->stopped; i++) {
			emit_file(im, im->json[i].key, im->json[i].data, im->json[i].len);
			im->json[i].data = NULL;
		}
		return;
	}
	im->mode = KH_MODE_IMAGE;
	kh_image_resolve(im);
	kh_image_finish(im);
	/* JSON no manifest named, and second copies of a name, are files like any other (not
	 * docker save's legacy <id>/json: the config's fields again, scanned there) */
	for (size_t i = 0; i < im->n_json && !im->stopped; i++) {
		if (im->json[i].used || ignorable_meta(im->json[i].key))
			continue;
		emit_file(im, im->json[i].key, im->json[i].data, im->json[i].len);
		im->json[i].data = NULL;
	}
}

static int open_outer(struct archive **out)
{
	struct archive *a = archive_read_new();
	archive_read_support_filter_gzip(a);
	archive_read_support_filter_zstd(a);
	archive_read_support_format_tar(a);
	*out = a;
	return 0;
}

int kh_image_read_memory(kh_image *im, const void *data, size_t len, const char *name)
{
	struct archive *a;
	free(im->input);
	im->input = kh_strdup(name ? name : "image");
	open_outer(&a);
	if (archive_read_open_memory(a, data, len) != ARCHIVE_OK)
		kh_report_error(im->report, im->input, "not an image archive: %s", kh_archive_error(a));
	else
		read_archive(im, a);
	archive_read_free(a);
	finish_archive(im);
	return 0;
}

/* An OCI layout (index.json) or an unpacked docker save (manifest.json) in a folder:
 * read the manifests first, then only the layers they name. */
static int read_dir(kh_image *im, const char *dir)
{
	im->dir = kh_strdup(dir);
	im->mode = KH_MODE_IMAGE;
	if (!kh_image_has_manifest(im))
		return kh_error(KEYHOUND_EINVAL, "%s: not an image folder (no index.json or manifest.json)",
				dir);
	kh_image_resolve(im);
	for (size_t i = 0; i < im->n_imgs && !im->stopped; i++) {
		kh_img *g = &im->imgs[i];
		if (!g->selected)
			continue;
		for (size_t j = 0; j < g->n_layers && !im->stopped; j++) {
			const char *key = g->layer_keys[j];
			if (kh_image_layer_find(im, key))
				continue;
			if (im->n_layers >= KH_LAYERS_MAX)
				kh_report_skip(im->report, KH_SKIP_LAYERS);
			else
				kh_image_read_layer_file(im, key, dir);
		}
	}
	kh_image_finish(im);
	return 0;
}

int kh_image_read_path(kh_image *im, const char *input)
{
	struct archive *a = NULL;
	struct stat st;
	int error = 0;

	free(im->input);
	im->input = kh_strdup(input);
	if (strcmp(input, "-") != 0) {
		if (stat(input, &st) < 0)
			return kh_error(KEYHOUND_ENOTFOUND, "%s: %s", input, strerror(errno));
		if (S_ISDIR(st.st_mode))
			return read_dir(im, input);
	}
	open_outer(&a);
	int r = strcmp(input, "-") == 0 ? archive_read_open_fd(a, 0, 1 << 17)
					: archive_read_open_filename(a, input, 1 << 17);
	if (r != ARCHIVE_OK) {
		error = kh_error(KEYHOUND_EIO, "%s: not an image archive: %s", input,
				 kh_archive_error(a));
		goto done;
	}
	read_archive(im, a);
	finish_archive(im);
done:
	archive_read_free(a);
	return error;
}
