/* SPDX-License-Identifier: Apache-2.0 */
/* Just enough git for a pre-commit hook, without libgit2: find the repository, resolve
 * HEAD, read loose and packed objects. libgit2's initialisation alone costs 10-15 ms of
 * CPU here (its TLS backend parses the system's CA certificates), a third of a hook's
 * budget. Anything unusual (alternates, an object it cannot find) is reported as
 * KEYHOUND_ENOTFOUND so that the caller can fall back to libgit2. */
#include "core/oidmap.h"
#include "source/git_mini.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <zlib.h>

#include "source/git_pack.h"

struct kh_mini {
	char *gitdir, *commondir, *workdir;
	kh_pack **packs;
	size_t n_packs;
	bool packs_open;
	uint64_t max_size;
};

static bool is_dir(const char *p)
{
	struct stat st;
	return stat(p, &st) == 0 && S_ISDIR(st.st_mode);
}

static bool is_file(const char *p)
{
	struct stat st;
	return stat(p, &st) == 0 && S_ISREG(st.st_mode);
}

/* A small text file's first line, without the newline; NULL when unreadable. */
static char *read_line(const char *path)
{
	char buf[4096];
	FILE *f = fopen(path, "r");
	size_t n;

	if (!f)
		return NULL;
	n = fread(buf, 1, sizeof(buf) - 1, f);
	fclose(f);
	buf[n] = 0;
	buf[strcspn(buf, "\r\n")] = 0;
	return kh_strdup(buf);
}

/* dir joined with p, unless p is absolute. */
static char *resolve(const char *dir, const char *p)
{
	return p[0] == '/' ? kh_strdup(p) : kh_sprintf("%s/%s", dir, p);
}

/* dir/.git: a folder, or a file "gitdir: PATH" (worktrees, submodules). */
static char *dotgit(const char *dir)
{
	char *p = kh_sprintf("%s/.git", dir), *line, *out = NULL;

	if (is_dir(p))
		return p;
	if (is_file(p) && (line = read_line(p))) {
		if (!strncmp(line, "gitdir: ", 8))
			out = resolve(dir, line + 8);
		free(line);
	}
	free(p);
	return out;
}

static bool looks_like_gitdir(const char *p)
{
	char *head = kh_sprintf("%s/HEAD", p), *obj = kh_sprintf("%s/objects", p);
	char *common = kh_sprintf("%s/commondir", p);
	bool ok = is_file(head) && (is_dir(obj) || is_file(common));
	free(head);
	free(obj);
	free(common);
	return ok;
}

int kh_mini_open(kh_mini **out, const char *repo, const keyhound_git_options *ge,
		 uint64_t max_size)
{
	kh_mini *m = kh_calloc(1, sizeof(*m));
	char cwd[PATH_MAX], *common;
	const keyhound_git_options *g = repo ? NULL : ge;
	const char *env = g ? g->git_dir : NULL;

	*out = NULL;
	m->max_size = max_size;
	if (g && (g->object_directory || g->alternate_object_directories || g->common_dir))
		goto unsupported;
	if (!getcwd(cwd, sizeof(cwd)))
		goto unsupported;
	if (env && *env) {
		m->gitdir = resolve(cwd, env);
		/* git runs hooks at the work tree's root */
		m->workdir = kh_strdup(g->work_tree ? g->work_tree : cwd);
	} else if (repo) {
		if ((m->gitdir = dotgit(repo)))
			m->workdir = kh_strdup(repo);
		else if (looks_like_gitdir(repo))
			m->gitdir = kh_strdup(repo);
	} else {
		char *d = kh_strdup(cwd);
		for (;;) {
			if ((m->gitdir = dotgit(d))) {
				m->workdir = d;
				break;
			}
			char *slash = strrchr(d, '/');
			if (!slash || slash == d) {
				free(d);
				break;
			}
			*slash = 0;
		}
	}
	if (!m->gitdir || !looks_like_gitdir(m->gitdir))
		goto unsupported;
	common = kh_sprintf("%s/commondir", m->gitdir);
	if (is_file(common)) {
		char *line = read_line(common);
		m->commondir = line ? resolve(m->gitdir, line) : NULL;
		free(line);
	} else {
		m->commondir = kh_strdup(m->gitdir);
	}
	free(common);
	{
		char *alt = kh_sprintf("%s/objects/info/alternates", m->commondir);
		bool has_alt = is_file(alt);
		free(alt);
		if (!m->commondir || has_alt)
			goto unsupported;
	}
	*out = m;
	return 0;
unsupported:
	kh_mini_free(m);
	return KEYHOUND_ENOTFOUND;
}

void kh_mini_free(kh_mini *m)
{
	if (!m)
		return;
	for (size_t i = 0; i < m->n_packs; i++)
		kh_pack_free(m->packs[i]);
	free(m->packs);
	free(m->gitdir);
	free(m->commondir);
	free(m->workdir);
	free(m);
}

const char *kh_mini_gitdir(const kh_mini *m)
{
	return m->gitdir;
}

const char *kh_mini_workdir(const kh_mini *m)
{
	return m->workdir;
}

/* refname in packed-refs */
static int packed_ref(const kh_mini *m, const char *name, uint8_t out[20])
{
	char *path = kh_sprintf("%s/packed-refs", m->commondir), line[4096];
	FILE *f = fopen(path, "r");
	size_t n = strlen(name);
	int found = KEYHOUND_ENOTFOUND;

	free(path);
	while (f && fgets(line, sizeof(line), f)) {
		if (line[0] == '#' || line[0] == '^' || strlen(line) < 42)
			continue;
		line[strcspn(line, "\r\n")] = 0;
		if (!strncmp(line + 41, name, n) && line[41 + n] == 0 && kh_oid_parse(line, out)) {
			found = 0;
			break;
		}
	}
	if (f)
		fclose(f);
	return found;
}

int kh_mini_head(kh_mini *m, uint8_t out[20])
{
	char *path = kh_sprintf("%s/HEAD", m->gitdir), *line = read_line(path), *name = NULL;
	int error = KEYHOUND_ENOTFOUND;

	free(path);
	for (int hop = 0; line && hop < 5; hop++) {
		if (strncmp(line, "ref: ", 5) != 0) {
			error = strlen(line) >= 40 && kh_oid_parse(line, out) ? 0 : KEYHOUND_ERROR;
			break;
		}
		free(name);
		name = kh_strdup(line + 5);
		free(line);
		/* per-worktree refs first, then the shared ones, then packed-refs */
		path = kh_sprintf("%s/%s", m->gitdir, name);
		line = read_line(path);
		free(path);
		if (!line) {
			path = kh_sprintf("%s/%s", m->commondir, name);
			line = read_line(path);
			free(path);
		}
		if (!line) {
			error = packed_ref(m, name, out);
			if (error == KEYHOUND_ENOTFOUND)
				error = 1; /* an unborn branch: no commit yet */
			break;
		}
	}
	free(line);
	free(name);
	if (error == KEYHOUND_ERROR)
		return kh_error(KEYHOUND_ERROR, "cannot resolve HEAD");
	return error;
}

static void open_packs(kh_mini *m)
{
	char *dir = kh_sprintf("%s/objects/pack", m->commondir);
	DIR *d = opendir(dir);
	struct dirent *de;

	m->packs_open = true;
	while (d && (de = readdir(d))) {
		size_t n = strlen(de->d_name);
		kh_pack *p;
		char *path;
		if (n <= 5 || strcmp(de->d_name + n - 5, ".pack"))
			continue;
		path = kh_sprintf("%s/%s", dir, de->d_name);
		if (kh_pack_open(&p, path) == 0) {
			m->packs = kh_realloc(m->packs, sizeof(*m->packs) * (m->n_packs + 1));
			m->packs[m->n_packs++] = p;
		}
		free(path);
	}
	if (d)
		closedir(d);
	free(dir);
}

/* A loose object: zlib of "<type> <size>\0<bytes>". */
int kh_loose_read(const char *objdir, const uint8_t id[20], uint64_t max_size, kh_obj_type *type,
		  unsigned char **data, size_t *len)
{
	char hex[41], *path;
	unsigned char head[64], *buf = NULL;
	z_stream zs;
	struct stat st;
	unsigned char *in = NULL;
	int fd, ret, error = KEYHOUND_ENOTFOUND;
	size_t hlen, size;
	const char *sp;
	static const char *names[] = { NULL, "commit", "tree", "blob", "tag" };

	kh_hex(id, 20, hex);
	path = kh_sprintf("%s/%.2s/%s", objdir, hex, hex + 2);
	fd = open(path, O_RDONLY | O_CLOEXEC);
	free(path);
	if (fd < 0)
		return KEYHOUND_ENOTFOUND;
	if (fstat(fd, &st) < 0 || !S_ISREG(st.st_mode) || st.st_size <= 0) {
		close(fd);
		return kh_error(KEYHOUND_ERROR, "loose object %s: unreadable", hex);
	}
	if ((uint64_t)st.st_size > max_size * 2 + 65536) {
		close(fd);
		return kh_error(KH_EOBJ_TOO_LARGE, "loose object %s: over the size limit", hex);
	}
	if (!(in = kh_try_alloc((size_t)st.st_size))) {
		close(fd);
		return kh_error(KEYHOUND_ENOMEM, "loose object %s: no memory for it", hex);
	}
	if (read(fd, in, (size_t)st.st_size) != st.st_size) {
		close(fd);
		free(in);
		return kh_error(KEYHOUND_EIO, "loose object %s: short read", hex);
	}
	close(fd);
	memset(&zs, 0, sizeof(zs));
	inflateInit(&zs);
	zs.next_in = in;
	zs.avail_in = (uInt)st.st_size;
	zs.next_out = head;
	zs.avail_out = sizeof(head);
	ret = inflate(&zs, Z_NO_FLUSH);
	hlen = sizeof(head) - zs.avail_out;
	if ((ret != Z_OK && ret != Z_STREAM_END) || !memchr(head, 0, hlen) ||
	    !(sp = memchr(head, ' ', hlen))) {
		error = kh_error(KEYHOUND_ERROR, "loose object %s: corrupt", hex);
		goto done;
	}
	*type = KH_OBJ_NONE;
	for (int t = 1; t <= 4; t++)
		if ((size_t)(sp - (char *)head) == strlen(names[t]) && !memcmp(head, names[t], strlen(names[t])))
			*type = (kh_obj_type)t;
	size = strtoull(sp + 1, NULL, 10);
	if (*type == KH_OBJ_NONE) {
		error = kh_error(KEYHOUND_ERROR, "loose object %s: bad type", hex);
		goto done;
	}
	if (size > max_size) {
		error = kh_error(KH_EOBJ_TOO_LARGE, "loose object %s: over the size limit", hex);
		goto done;
	}
	{
		size_t at = strlen((char *)head) + 1, have = hlen - at;
		if (!(buf = kh_try_alloc(size ? size : 1))) {
			error = kh_error(KEYHOUND_ENOMEM, "loose object %s: no memory for it", hex);
			goto done;
		}
		if (have > size) {
			error = kh_error(KEYHOUND_ERROR, "loose object %s: longer than it says", hex);
			goto done;
		}
		memcpy(buf, head + at, have);
		zs.next_out = buf + have;
		zs.avail_out = (uInt)(size - have);
		while (ret == Z_OK && zs.avail_out)
			ret = inflate(&zs, Z_NO_FLUSH);
		if (zs.avail_out || (ret != Z_STREAM_END && (ret = inflate(&zs, Z_FINISH)) != Z_STREAM_END)) {
			error = kh_error(KEYHOUND_ERROR, "loose object %s: corrupt data", hex);
			goto done;
		}
	}
	*data = buf;
	*len = size;
	buf = NULL;
	error = 0;
done:
	inflateEnd(&zs);
	free(in);
	free(buf);
	return error;
}

int kh_mini_read(kh_mini *m, const uint8_t id[20], kh_obj_type *type, unsigned char **data,
		 size_t *len)
{
	char *objdir = kh_sprintf("%s/objects", m->commondir);
	int error = kh_loose_read(objdir, id, m->max_size, type, data, len);

	free(objdir);

	if (error != KEYHOUND_ENOTFOUND)
		return error;
	if (!m->packs_open)
		open_packs(m);
	for (size_t i = 0; i < m->n_packs; i++)
		if ((error = kh_pack_read(m->packs[i], id, m->max_size, type, data, len)) !=
		    KEYHOUND_ENOTFOUND)
			return error;
	return KEYHOUND_ENOTFOUND;
}
