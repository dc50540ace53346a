/* SPDX-License-Identifier: Apache-2.0 */
/* Files, folders and stdin. Folders are walked in name order (so output is
 * deterministic), `.git` is not entered, symlinks inside a walk are not
 * followed (a link's target is either in the tree already or outside it). */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "core/blob.h"
#include "core/kh.h"
#include "core/report.h"
#include "pipeline/feed.h"

typedef struct {
	keyhound_scan *scan;
	const keyhound_limits *limits;
} walk_ctx;

/* path: as the user can open it; root_path: relative to the work tree or root (NULL:
 * the same) */
static kh_blob *new_blob(keyhound_source_kind kind, const char *path, const char *root_path)
{
	kh_blob *b = kh_calloc(1, sizeof(*b));
	b->n_occ = 1;
	b->occ = kh_calloc(1, sizeof(kh_origin));
	b->occ[0] = (kh_origin)KH_ORIGIN_INIT;
	b->occ[0].source = kind;
	b->occ[0].path = kh_strdup(path);
	if (root_path && strcmp(root_path, path))
		b->occ[0].root_path = kh_strdup(root_path);
	return b;
}

/* The real folder `dir` inside the git work tree holding it: its path from the work
 * tree's root ("" at the root), or NULL when no folder from it up holds `.git`. */
static char *in_work_tree(const char *dir)
{
	char *real = realpath(dir, NULL), *top;
	if (!real)
		return NULL;
	for (size_t n = strlen(real);;) {
		struct stat st;
		char *git = kh_sprintf("%.*s/.git", (int)n, real);
		bool found = lstat(git, &st) == 0;
		free(git);
		if (found) {
			top = kh_strdup(real[n] ? real + n + 1 : "");
			free(real);
			return top;
		}
		while (n > 0 && real[n - 1] != '/')
			n--;
		if (n <= 1)
			break;
		n--; /* the '/' before the last part */
	}
	free(real);
	return NULL;
}

/* A file named directly: its path inside the work tree holding it, else its name as
 * typed without a leading "./". */
static char *file_root_path(const char *typed)
{
	const char *slash = strrchr(typed, '/'), *base = slash ? slash + 1 : typed;
	char *dir = slash ? kh_strndup(typed, (size_t)(slash - typed) + 1) : kh_strdup(".");
	char *top = in_work_tree(dir), *out;
	free(dir);
	if (top) {
		out = *top ? kh_sprintf("%s/%s", top, base) : kh_strdup(base);
		free(top);
		return out;
	}
	while (typed[0] == '.' && typed[1] == '/') {
		typed += 2;
		while (*typed == '/')
			typed++;
	}
	return kh_strdup(typed);
}

/* Read a whole descriptor up to max bytes. Returns 1 when the input is larger: *out
 * then holds the first max + 1 bytes, and the rest is still to be read from fd. */
static int read_fd(kh_pipeline *p, int fd, size_t hint, uint64_t max, unsigned char **out,
		   size_t *len)
{
	size_t cap = hint ? hint + 1 : 65536, n = 0;
	unsigned char *buf;
	if (cap > max + 1)
		cap = (size_t)max + 1;
	unsigned char *more;
	/* a buffer a worker is done with, when one fits */
	if (!(buf = kh_pipeline_buffer(p, cap))) {
		errno = ENOMEM;
		return -1;
	}
	for (;;) {
		if (n == cap) {
			if (n > max)
				break;
			cap = cap * 2 > max + 1 ? (size_t)max + 1 : cap * 2;
			if (!(more = kh_try_realloc(buf, cap))) {
				free(buf);
				errno = ENOMEM;
				return -1;
			}
			buf = more;
		}
		ssize_t r = read(fd, buf + n, cap - n);
		if (r < 0 && errno == EINTR)
			continue;
		if (r < 0) {
			int err = errno;
			free(buf);
			errno = err;
			return -1;
		}
		if (r == 0)
			break;
		n += (size_t)r;
		/* all the size fstat gave, asked for one byte more: at its end, no second call to
		 * hear so (a system call is dear in a virtual machine: this was one of six per file) */
		if (hint && n == hint && n < cap)
			break;
	}
	*out = buf;
	*len = n;
	return n > max;
}

static void progress(keyhound_scan *scan)
{
	keyhound_summary sum;

	if (!scan->progress)
		return;
	keyhound_report_summary(scan->report, &sum);
	scan->progress(sum.bytes, sum.blobs, scan->progress_payload);
}

/* fd is a regular file, and the one st described (same device and inode) when the walk
 * has a stat of it; *now its stat. */
static bool same_file(int fd, const struct stat *st, struct stat *now)
{
	return fstat(fd, now) == 0 && S_ISREG(now->st_mode) &&
	       (!st || (now->st_dev == st->st_dev && now->st_ino == st->st_ino));
}

/* A file the walk found, read by the worker that scans it (kh_pipeline_submit_read): the
 * walking thread only lists folders (a folder entry's type says which are files), and the
 * stat, open and reads of each file (five or six system calls, most of that thread's time)
 * are spread over the workers. */
typedef struct {
	kh_pipeline_reader rd; /* first */
	keyhound_report *report;
	uint64_t max;          /* max_file_size */
	char *real;            /* where to read */
	struct stat st;        /* what the walk saw, when it looked (has_st) */
	bool has_st, follow;
} file_reader;

static int file_read(kh_pipeline_reader *rd, kh_pipeline *p, kh_blob *b, int *fd_out)
{
	file_reader *f = (file_reader *)rd;
	const char *shown = b->occ[0].path;
	struct stat st;
	int fd, rc = 1;

	/* what is opened must be what the walk judged, a regular file: a link (to a host file)
	 * or a FIFO put in its place after the walk listed it is not read, nor another file
	 * than the one the walk stat'ed when it did */
	if ((fd = open(f->real, O_RDONLY | O_NOCTTY | O_CLOEXEC | O_NONBLOCK | (f->follow ? 0 : O_NOFOLLOW))) < 0 ||
	    !same_file(fd, f->has_st ? &f->st : NULL, &st)) {
		kh_report_error(f->report, shown, "cannot open: %s",
				fd < 0 && errno != ELOOP ? strerror(errno) : "it changed while being scanned");
		if (fd >= 0)
			close(fd);
		return -1;
	}
	/* a file over the limit is the pipeline's to stream (an archive) or skip */
	if (kh_pipeline_check_size(p, (uint64_t)st.st_size) == KH_SKIP_NONE)
		rc = read_fd(p, fd, (size_t)st.st_size, f->max, &b->data, &b->len);
	if (rc < 0)
		kh_report_error(f->report, shown, "cannot read: %s", strerror(errno));
	if (rc == 1) {
		*fd_out = fd;
		return 1;
	}
	close(fd);
	return rc;
}

static void file_done(kh_pipeline_reader *rd)
{
	file_reader *f = (file_reader *)rd;
	free(f->real);
	free(f);
}

/* `shown` is the path findings report; `rel` their root_path; `real` is where to read;
 * st: what the walk saw of it, or NULL; links are followed only when the user named this
 * path (follow). */
static void scan_file(walk_ctx *w, const char *real, const char *shown, const char *rel,
		      const struct stat *st, bool follow)
{
	keyhound_scan *scan = w->scan;
	file_reader *f = kh_calloc(1, sizeof(*f));

	f->rd = (kh_pipeline_reader){file_read, file_done};
	f->report = scan->report;
	f->max = w->limits->max_file_size;
	f->real = kh_strdup(real);
	if (st)
		f->st = *st;
	f->has_st = st != NULL;
	f->follow = follow;
	kh_pipeline_submit_read(scan->pipe, new_blob(KEYHOUND_SOURCE_FILE, shown, rel), &f->rd);
	progress(scan);
}

static char *join(const char *a, const char *b)
{
	size_t n = a ? strlen(a) : 0, m = strlen(b), slash = n && a[n - 1] != '/';
	char *out = kh_malloc(n + slash + m + 1);
	if (n)
		memcpy(out, a, n);
	out[n] = '/';
	memcpy(out + n + slash, b, m + 1);
	return out;
}

/* A folder's entry: its name and what it is (DT_*, from the listing); a folder's
 * device and inode, stat'ed while its parent was open. */
typedef struct {
	char *name;
	unsigned char type;
	int stat_errno;        /* the stat of a folder or of an entry of unknown type failed */
	dev_t dev;             /* of a folder (DT_DIR) */
	ino_t ino;
} dir_entry;

static int cmp_entry(const void *a, const void *b)
{
	return strcmp(((const dir_entry *)a)->name, ((const dir_entry *)b)->name);
}

/* The type of an entry the listing did not name, or of a folder (whose stat the walk
 * checks when it enters it), from a stat relative to the open folder: no path lookup. */
static void stat_entry(int dirfd, dir_entry *e)
{
	struct stat st;
	if (e->type != DT_DIR && e->type != DT_UNKNOWN)
		return;
	if (fstatat(dirfd, e->name, &st, AT_SYMLINK_NOFOLLOW) < 0) {
		e->stat_errno = errno;
		return;
	}
	e->type = S_ISDIR(st.st_mode)   ? DT_DIR
		  : S_ISREG(st.st_mode) ? DT_REG
		  : S_ISLNK(st.st_mode) ? DT_LNK
					: DT_FIFO; /* any other: a special file */
	e->dev = st.st_dev;
	e->ino = st.st_ino;
}

/* expect: what the walk saw of the folder (NULL for a folder the user named); rel: the
 * folder's root_path ("" at the root) */
static void walk_dir(walk_ctx *w, const char *real, const char *shown, const char *rel,
		     unsigned depth, const struct stat *expect)
{
	DIR *d;
	struct dirent *e;
	dir_entry *v = NULL;
	size_t n = 0, cap = 0;

	if (depth > 256) {
		kh_report_skip(w->scan->report, KH_SKIP_FOLDER_DEPTH);
		return;
	}
	/* a folder below the root is opened only if it is still the folder the walk saw */
	int fd = open(real, O_RDONLY | O_DIRECTORY | O_CLOEXEC | (expect ? O_NOFOLLOW : 0));
	struct stat now;
	if (fd >= 0 && expect && (fstat(fd, &now) < 0 || now.st_dev != expect->st_dev ||
				  now.st_ino != expect->st_ino)) {
		close(fd);
		fd = -1;
		errno = ELOOP;
	}
	if (fd < 0 || !(d = fdopendir(fd))) {
		kh_report_error(w->scan->report, shown, "cannot open folder: %s",
				errno == ELOOP || errno == ENOTDIR ? "it changed while being scanned"
								   : strerror(errno));
		if (fd >= 0)
			close(fd);
		return;
	}
	while ((e = readdir(d))) {
		if (!strcmp(e->d_name, ".") || !strcmp(e->d_name, "..") || !strcmp(e->d_name, ".git"))
			continue;
		if (n == cap) {
			cap = cap ? cap * 2 : 32;
			v = kh_realloc(v, cap * sizeof(*v));
		}
		v[n] = (dir_entry){.name = kh_strdup(e->d_name), .type = e->d_type};
		stat_entry(fd, &v[n++]);
	}
	closedir(d);
	if (n > 1)
		qsort(v, n, sizeof(*v), cmp_entry);
	for (size_t i = 0; i < n; i++) {
		char *r = join(real, v[i].name), *s = join(shown, v[i].name), *rp = join(rel, v[i].name);
		if (v[i].stat_errno)
			kh_report_error(w->scan->report, s, "cannot stat: %s", strerror(v[i].stat_errno));
		else if (v[i].type == DT_LNK)
			kh_report_skip(w->scan->report, KH_SKIP_SYMLINK);
		else if (v[i].type == DT_DIR)
			walk_dir(w, r, s, rp, depth + 1, &(struct stat){.st_dev = v[i].dev, .st_ino = v[i].ino});
		else if (v[i].type == DT_REG)
			scan_file(w, r, s, rp, NULL, false);
		else
			kh_report_skip(w->scan->report, KH_SKIP_SPECIAL_FILE);
		free(r);
		free(s);
		free(rp);
		free(v[i].name);
	}
	free(v);
}

static void scan_stdin(walk_ctx *w, const char *stdin_path)
{
	keyhound_scan *scan = w->scan;
	kh_blob *b = new_blob(KEYHOUND_SOURCE_STDIN, stdin_path ? stdin_path : "stdin", NULL);
	int rc = read_fd(w->scan->pipe, 0, 0, w->limits->max_file_size, &b->data, &b->len);

	if (rc < 0) {
		kh_report_error(scan->report, "stdin", "cannot read: %s", strerror(errno));
		kh_blob_free(b);
	} else if (rc == 1) {
		kh_pipeline_large(scan->pipe, b, 0);
	} else {
		kh_pipeline_submit(scan->pipe, b);
	}
}

static int scan_paths_body(keyhound_scan *scan, const char *const *paths, size_t n,
			   const char *stdin_path)
{
	walk_ctx w = {scan, &scan->opts->limits};
	for (size_t i = 0; i < n; i++) {
		struct stat st;
		if (!strcmp(paths[i], "-")) {
			scan_stdin(&w, stdin_path);
			continue;
		}
		/* a path the user names is followed even when it is a link */
		if (stat(paths[i], &st) < 0) {
			kh_report_error(scan->report, paths[i], "%s", strerror(errno));
			continue;
		}
		/* findings open from here (the root as typed joined with the path inside
		 * it); root_path is inside the work tree, else inside the root */
		if (S_ISDIR(st.st_mode)) {
			char *top = in_work_tree(paths[i]);
			walk_dir(&w, paths[i], paths[i], top ? top : "", 0, NULL);
			free(top);
		} else if (S_ISREG(st.st_mode)) {
			char *rel = file_root_path(paths[i]);
			scan_file(&w, paths[i], paths[i], rel, &st, true);
			free(rel);
		} else
			kh_report_skip(scan->report, KH_SKIP_SPECIAL_FILE);
	}
	return kh_report_status(scan->report, 0);
}

int keyhound_scan_paths(keyhound_scan *scan, const char *const *paths, size_t n,
			const char *stdin_path)
{
	unsigned oom = kh_oom_mark();
	return kh_oom_result(oom, scan_paths_body(scan, paths, n, stdin_path));
}

static int scan_buffer_body(keyhound_scan *scan, const void *data, size_t len, const char *path)
{
	kh_blob *b;
	unsigned char *copy = kh_try_alloc(len);
	if (!copy)
		return kh_error(KEYHOUND_ENOMEM, "%s: no memory for a copy of its %zu bytes",
				path ? path : "(buffer)", len);
	memcpy(copy, data, len);
	b = new_blob(KEYHOUND_SOURCE_FILE, path, NULL);
	b->data = copy;
	b->len = len;
	return kh_report_status(scan->report, kh_pipeline_submit(scan->pipe, b));
}

int keyhound_scan_buffer(keyhound_scan *scan, const void *data, size_t len, const char *path)
{
	unsigned oom = kh_oom_mark();
	return kh_oom_result(oom, scan_buffer_body(scan, data, len, path));
}
