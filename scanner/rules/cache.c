/* SPDX-License-Identifier: Apache-2.0 */
/* A binary cache of parsed rules: YAML parsing of the whole pack costs more
 * than the rest of a one-line scan. Keyed by the rule files' names and bytes;
 * any mismatch or damage means "not usable" and the YAML is parsed again. */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/random.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include "core/hash.h"
#include "rules/rules.h"
#include "rules/ruleset.h"

#define MAGIC "KHRS0007"
#define MAC_LEN 32
#define NIL 0xFFFFFFFFu

/* The key: each file's name, size, modification time and inode. Reading and hashing
 * the whole pack on every start would cost more than parsing saves; an edited
 * file has a new mtime (nanoseconds), and a file that cannot be stat'ed makes the
 * key unique, so it is parsed (and its error reported) as usual. */
uint64_t kh_rules_cache_key(const kh_rule_files *f)
{
	/* which cache file, not whether to trust it (the HMAC) */
	uint64_t h = kh_fnv1a64(KH_FNV_OFFSET, MAGIC, 8);
	for (size_t i = 0; i < f->n; i++) {
		struct stat st;
		uint64_t v[5] = {0};
		if (stat(f->path[i], &st) == 0) {
			v[0] = (uint64_t)st.st_size;
			v[1] = (uint64_t)st.st_mtim.tv_sec;
			v[2] = (uint64_t)st.st_mtim.tv_nsec;
			v[3] = (uint64_t)st.st_ino;
			v[4] = (uint64_t)st.st_dev;
		} else {
			v[0] = UINT64_MAX;
			v[1] = (uint64_t)(uintptr_t)f;
		}
		h = kh_fnv1a64(h, f->path[i], strlen(f->path[i]) + 1);
		h = kh_fnv1a64(h, v, sizeof(v));
	}
	return h;
}

/* ---- integrity: a keyed hash (HMAC-SHA-256) over every cache file ----
 * The cache folder is the user's, but a cache file edited by anything else (another
 * account where the folder is shared, a tool, a disk error) must not silently change
 * which rules run: each file carries an HMAC under a random key kept in the folder
 * (mode 0600), and a file whose HMAC does not verify is parsed or compiled again. */

static int read_secret(int dir, uint8_t out[32])
{
	int fd = openat(dir, "cache.key", O_RDONLY | O_NOFOLLOW | O_CLOEXEC);
	struct stat st;
	int ok = -1;
	if (fd < 0)
		return -1;
	/* only a key no one else could have read or written */
	if (fstat(fd, &st) == 0 && S_ISREG(st.st_mode) && st.st_uid == geteuid() &&
	    !(st.st_mode & 077) && st.st_size == 32 && read(fd, out, 32) == 32)
		ok = 0;
	close(fd);
	return ok;
}

void kh_mkdirs(const char *path)
{
	char *p = kh_strdup(path);
	for (char *s = p + 1; *s; s++)
		if (*s == '/') {
			*s = '\0';
			mkdir(p, 0700);
			*s = '/';
		}
	mkdir(p, 0700);
	free(p);
}

int kh_cache_secret(const char *dir_path, uint8_t out[32])
{
	int dir, fd, ok = -1;
	kh_mkdirs(dir_path);
	if ((dir = open(dir_path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)) < 0)
		return -1;
	if (read_secret(dir, out) == 0) {
		ok = 0;
		goto done;
	}
	/* a new key, created whole under a temporary name (a reader never sees half) */
	char tmp[64];
	snprintf(tmp, sizeof(tmp), "cache.key.%d.tmp", (int)getpid());
	if (getrandom(out, 32, 0) != 32)
		goto done;
	if ((fd = openat(dir, tmp, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0600)) < 0)
		goto done;
	bool written = write(fd, out, 32) == 32;
	close(fd);
	if (written && renameat(dir, tmp, dir, "cache.key") == 0)
		ok = read_secret(dir, out); /* whoever renamed last won: use theirs */
	else
		unlinkat(dir, tmp, 0);
done:
	close(dir);
	return ok;
}

void kh_cache_mac(const uint8_t secret[32], const void *data, size_t len, uint8_t out[32])
{
	kh_hmac_sha256(secret, 32, data, len, out);
}

int kh_cache_write_file(const char *path, const void *data, size_t len, mode_t mode)
{
	char *tmp = kh_sprintf("%s.%d.tmp", path, (int)getpid());
	int fd = open(tmp, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, mode), error = -1;
	if (fd >= 0) {
		const unsigned char *p = data;
		size_t left = len;
		while (left) {
			ssize_t w = write(fd, p, left);
			if (w <= 0)
				break;
			p += w;
			left -= (size_t)w;
		}
		/* rename: a reader sees the old file or the whole new one */
		if (close(fd) == 0 && !left && rename(tmp, path) == 0)
			error = 0;
		if (error)
			unlink(tmp);
	}
	free(tmp);
	return error;
}

typedef struct {
	char *name;
	struct timespec mtime;
} cache_entry;

static int newest_first(const void *a, const void *b)
{
	const struct timespec *x = &((const cache_entry *)a)->mtime, *y = &((const cache_entry *)b)->mtime;
	if (x->tv_sec != y->tv_sec)
		return x->tv_sec < y->tv_sec ? 1 : -1;
	return (x->tv_nsec < y->tv_nsec) - (x->tv_nsec > y->tv_nsec);
}

static bool starts_ends(const char *s, const char *pre, const char *suf)
{
	size_t n = strlen(s), a = strlen(pre), b = strlen(suf);
	return n >= a + b && !strncmp(s, pre, a) && !strcmp(s + n - b, suf);
}

/* The folder holds at most `keep` files of a kind: each edit of the rules makes a new key,
 * so without this the folder would grow with every version of the pack. A writer's
 * temporary file left by a crash goes after an hour. */
void kh_cache_prune(const char *dir_path, const char *prefix, const char *suffix, size_t keep)
{
	DIR *d = opendir(dir_path);
	struct dirent *e;
	cache_entry *v = NULL;
	size_t n = 0;
	struct timespec now;
	if (!d)
		return;
	clock_gettime(CLOCK_REALTIME, &now);
	while ((e = readdir(d)) && n < 4096) {
		struct stat st;
		bool tmp = starts_ends(e->d_name, prefix, ".tmp");
		if ((!tmp && !starts_ends(e->d_name, prefix, suffix)) ||
		    fstatat(dirfd(d), e->d_name, &st, AT_SYMLINK_NOFOLLOW) < 0 || !S_ISREG(st.st_mode))
			continue;
		if (tmp) {
			if (st.st_mtim.tv_sec + 3600 < now.tv_sec)
				unlinkat(dirfd(d), e->d_name, 0);
			continue;
		}
		v = kh_realloc(v, (n + 1) * sizeof(*v));
		v[n].name = kh_strdup(e->d_name);
		v[n++].mtime = st.st_mtim;
	}
	if (n > keep)
		qsort(v, n, sizeof(*v), newest_first);
	for (size_t i = 0; i < n; i++) {
		if (i >= keep)
			unlinkat(dirfd(d), v[i].name, 0);
		free(v[i].name);
	}
	free(v);
	closedir(d);
}

/* ---- writing ---- */
static void put_u32(kh_buf *b, uint32_t v)
{
	kh_buf_put(b, &v, 4);
}

static void put_str(kh_buf *b, const char *s)
{
	if (!s) {
		put_u32(b, NIL);
		return;
	}
	size_t n = strlen(s);
	put_u32(b, (uint32_t)n);
	kh_buf_put(b, s, n + 1); /* with its NUL: the reader points into the file's bytes */
}

static void put_strs(kh_buf *b, char *const *v, size_t n)
{
	put_u32(b, (uint32_t)n);
	for (size_t i = 0; i < n; i++)
		put_str(b, v[i]);
}

static void put_examples(kh_buf *b, const kh_example *v, size_t n)
{
	put_u32(b, (uint32_t)n);
	for (size_t i = 0; i < n; i++) {
		put_str(b, v[i].text);
		put_str(b, v[i].path);
	}
}

void kh_rules_cache_write(const char *path, const char *dir, uint64_t key, const kh_rule *rules, size_t n)
{
	kh_buf b = {0};
	kh_buf_put(&b, MAGIC, 8);
	kh_buf_put(&b, &key, 8);
	put_u32(&b, (uint32_t)n);
	for (size_t i = 0; i < n; i++) {
		const kh_rule *r = &rules[i];
		put_str(&b, r->id);
		put_str(&b, r->name);
		put_str(&b, r->pattern);
		put_str(&b, r->validate);
		put_str(&b, r->file);
		put_str(&b, r->factor);
		put_str(&b, r->verify);
		kh_buf_put(&b, &r->min_entropy, sizeof(double));
		put_u32(&b, (uint32_t)r->severity);
		put_u32(&b, (uint32_t)r->confidence);
		put_u32(&b, (uint32_t)r->credential_file | (uint32_t)r->password_hash << 1 |
			    (uint32_t)r->weak_values << 2 | (uint32_t)r->no_messages << 3);
		put_strs(&b, r->paths, r->n_paths);
		put_strs(&b, r->references, r->n_references);
		put_strs(&b, r->keywords, r->n_keywords);
		put_examples(&b, r->examples, r->n_examples);
		put_examples(&b, r->negatives, r->n_negatives);
	}
	uint8_t secret[32], mac[MAC_LEN];
	if (kh_cache_secret(dir, secret) < 0) { /* no key, no cache: parsing is only slower */
		kh_buf_free(&b);
		return;
	}
	kh_cache_mac(secret, b.buf, b.len, mac);
	kh_buf_put(&b, mac, MAC_LEN);
	if (kh_cache_write_file(path, b.buf, b.len, 0600) == 0)
		kh_cache_prune(dir, "parsed-", ".khr", KH_CACHE_KEEP);
	kh_buf_free(&b);
}

/* ---- reading: every length checked against what is left ----
 * Nothing is copied: strings point into the file's bytes (each stored with its NUL), and
 * the rules and their lists are cut from an arena after them, all in one huge-page
 * mapping. A start-up that made 20,000 small allocations paid a page trap per 4 KiB of
 * heap in a virtual machine: half of a pre-commit hook's page faults. */
typedef struct {
	const unsigned char *p;
	size_t left;
	unsigned char *arena; /* bump allocator: zeroed memory, 8-byte aligned */
	size_t arena_left;
	bool bad;
} reader;

static void *take(reader *r, size_t n, size_t size)
{
	size_t bytes;
	void *v;
	if (r->bad || kh_mul_overflows(n, size, &bytes) || kh_add_overflows(bytes, 7, &bytes) ||
	    (bytes &= ~(size_t)7) > r->arena_left) {
		r->bad = true;
		return NULL;
	}
	v = r->arena;
	r->arena += bytes;
	r->arena_left -= bytes;
	return v;
}

static uint32_t get_u32(reader *r)
{
	uint32_t v = 0;
	if (r->left < 4) {
		r->bad = true;
		return 0;
	}
	memcpy(&v, r->p, 4);
	r->p += 4;
	r->left -= 4;
	return v;
}

static char *get_str(reader *r)
{
	uint32_t n = get_u32(r);
	char *s;
	if (r->bad || n == NIL)
		return NULL;
	if (n >= r->left || r->p[n] != '\0' || memchr(r->p, '\0', n)) {
		r->bad = true;
		return NULL;
	}
	s = (char *)(uintptr_t)r->p;
	r->p += n + 1;
	r->left -= n + 1;
	return s;
}

static char **get_strs(reader *r, size_t *n)
{
	uint32_t cnt = get_u32(r);
	char **v;
	*n = 0;
	if (r->bad || cnt > r->left / 4 || !(v = take(r, cnt + 1, sizeof(char *))))
		return NULL;
	for (uint32_t i = 0; i < cnt; i++)
		v[i] = get_str(r);
	*n = cnt;
	return v;
}

static kh_example *get_examples(reader *r, size_t *n)
{
	uint32_t cnt = get_u32(r);
	kh_example *v;
	*n = 0;
	if (r->bad || cnt > r->left / 8 || !(v = take(r, cnt + 1, sizeof(kh_example))))
		return NULL;
	for (uint32_t i = 0; i < cnt; i++) {
		v[i].text = get_str(r);
		v[i].path = get_str(r);
		if (!v[i].text)
			r->bad = true;
	}
	*n = cnt;
	return v;
}

void kh_rules_pack_free(kh_rules_pack *pack)
{
	if (pack->p)
		munmap(pack->p, pack->len);
	pack->p = NULL;
	pack->len = 0;
}

int kh_rules_cache_read(const char *path, const char *dir, uint64_t key, kh_rule **rules,
			size_t *n_out, kh_rules_pack *pack)
{
	uint8_t secret[32], mac[MAC_LEN];
	int fd = open(path, O_RDONLY | O_CLOEXEC);
	struct stat st;
	unsigned char *buf = NULL;
	size_t len, map_len = 0, arena;
	kh_rule *v = NULL;
	uint32_t n = 0, i = 0;
	uint64_t k;
	int ok = -1;

	if (fd < 0)
		return -1;
	if (fstat(fd, &st) < 0 || st.st_size < 20 + MAC_LEN || st.st_size > (256 << 20))
		goto done;
	len = (size_t)st.st_size;
	/* every 4 bytes of the file (a length) become at most 8 of pointers, plus the rules */
	arena = 2 * len + 4096;
	if (!(buf = kh_map_huge((len + 7) / 8 * 8 + arena, &map_len)))
		goto done;
	for (size_t got = 0; got < len;) {
		ssize_t r = pread(fd, buf + got, len - got, (off_t)got);
		if (r <= 0)
			goto done;
		got += (size_t)r;
	}
	size_t body = len - MAC_LEN;
	memcpy(&k, buf + 8, 8);
	if (memcmp(buf, MAGIC, 8) || k != key || kh_cache_secret(dir, secret) < 0)
		goto done;
	kh_cache_mac(secret, buf, body, mac);
	if (memcmp(mac, buf + body, MAC_LEN) != 0) /* edited or damaged: parse the YAML */
		goto done;
	reader r = {buf + 16, body - 16, buf + (len + 7) / 8 * 8, map_len - (len + 7) / 8 * 8, false};
	n = get_u32(&r);
	if (r.bad || n > r.left / 16 || !(v = take(&r, n + 1, sizeof(kh_rule))))
		goto done;
	for (i = 0; i < n && !r.bad; i++) {
		kh_rule *x = &v[i];
		x->borrowed = true;
		x->hs_index = UINT32_MAX;
		x->id = get_str(&r);
		x->name = get_str(&r);
		x->pattern = get_str(&r);
		x->validate = get_str(&r);
		x->file = get_str(&r);
		x->factor = get_str(&r);
		x->verify = get_str(&r);
		if (r.left < sizeof(double)) {
			r.bad = true;
			break;
		}
		memcpy(&x->min_entropy, r.p, sizeof(double));
		r.p += sizeof(double);
		r.left -= sizeof(double);
		x->severity = (keyhound_severity)get_u32(&r);
		x->confidence = (keyhound_confidence)get_u32(&r);
		uint32_t flags = get_u32(&r);
		x->credential_file = flags & 1;
		x->password_hash = (flags >> 1) & 1;
		x->weak_values = (flags >> 2) & 1;
		x->no_messages = (flags >> 3) & 1;
		x->paths = get_strs(&r, &x->n_paths);
		x->references = get_strs(&r, &x->n_references);
		x->keywords = get_strs(&r, &x->n_keywords);
		x->examples = get_examples(&r, &x->n_examples);
		x->negatives = get_examples(&r, &x->n_negatives);
		for (size_t k = 0; k < x->n_keywords; k++)
			if (!x->keywords[k] || !*x->keywords[k])
				r.bad = true;
		for (size_t k = 0; k < x->n_paths; k++)
			if (!x->paths[k])
				r.bad = true;
		if (!x->id || !x->name || !x->file || x->severity < KEYHOUND_SEV_LOW ||
		    x->severity > KEYHOUND_SEV_CRITICAL || x->confidence < KEYHOUND_CONF_LOW ||
		    x->confidence > KEYHOUND_CONF_HIGH)
			r.bad = true;
	}
	if (r.bad || r.left)
		goto done;
	*rules = v;
	*n_out = n;
	pack->p = buf;
	pack->len = map_len;
	buf = NULL;
	ok = 0;
done:
	if (buf)
		munmap(buf, map_len);
	close(fd);
	return ok;
}
