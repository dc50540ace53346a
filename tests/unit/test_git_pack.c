/* SPDX-License-Identifier: Apache-2.0 */
/* The pack reader against real packs written by git: every object comes back with the
 * bytes its id names, and damaged packs and indexes fail per object, never the walk. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <dirent.h>
#include <git2.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <unistd.h>
#include <zlib.h>

#include "core/kh.h"
#include "source/git_pack.h"

static char repo[256];
static char pack_path[800]; /* the folder (512) and a file name (256) */

static void sh(const char *fmt, ...)
{
	char cmd[4096];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(cmd, sizeof(cmd), fmt, ap);
	va_end(ap);
	if (system(cmd) != 0)
		fail_msg("command failed: %s", cmd);
}

static void write_file(const char *name, const char *text)
{
	char path[512];
	FILE *f;

	snprintf(path, sizeof(path), "%s/%s", repo, name);
	f = fopen(path, "w");
	assert_non_null(f);
	fputs(text, f);
	fclose(f);
}

static void find_pack(void)
{
	char dir[512];
	struct dirent *d;
	DIR *dh;

	snprintf(dir, sizeof(dir), "%s/.git/objects/pack", repo);
	dh = opendir(dir);
	assert_non_null(dh);
	pack_path[0] = 0;
	while ((d = readdir(dh)))
		if (strstr(d->d_name, ".pack") && strlen(d->d_name) > 5 &&
		    !strcmp(d->d_name + strlen(d->d_name) - 5, ".pack"))
			snprintf(pack_path, sizeof(pack_path), "%s/%s", dir, d->d_name);
	closedir(dh);
	assert_true(pack_path[0]);
}

/* A history where one file changes many times (so the pack holds delta chains), one big
 * file, and a file carrying a marker we look for. */
static int setup_repo(void **state)
{
	kh_buf text = { 0 };

	strcpy(repo, "/tmp/kh_test_git_pack_XXXXXX");
	assert_non_null(mkdtemp(repo));
	sh("git init -q %s", repo);
	for (int v = 0; v < 30; v++) {
		text.len = 0;
		for (int line = 0; line < 400; line++)
			kh_buf_printf(&text, "line %d of the notes, version %d\n", line,
				      line == v * 7 ? v : 0);
		kh_buf_putc(&text, 0);
		write_file("notes.txt", text.buf);
		if (v == 3)
			write_file("marker.txt", "the marker blob\n");
		if (v == 4) {
			text.len = 0;
			for (int i = 0; i < 20000; i++)
				kh_buf_printf(&text, "%08d big file line\n", i * 31);
			kh_buf_putc(&text, 0);
			write_file("big.txt", text.buf);
		}
		sh("cd %s && git add -A && git -c user.name=T -c user.email=t@e "
		   "commit -q -m 'version %d'", repo, v);
	}
	sh("cd %s && git repack -q -a -d -f", repo);
	find_pack();
	kh_buf_free(&text);
	git_libgit2_init();
	*state = NULL;
	return 0;
}

static int teardown_repo(void **state)
{
	sh("rm -rf %s", repo);
	git_libgit2_shutdown();
	return 0;
}

typedef struct {
	pthread_mutex_t lock;
	unsigned long objects, bad_hash, by_type[5], marker, problems, too_large;
	unsigned max_thread;
	const char *stop_after_marker;
} tally;

static int on_object(unsigned thread, const uint8_t oid[20], kh_obj_type type,
		     const unsigned char *data, size_t len, void *payload)
{
	tally *t = payload;
	git_oid computed;
	int stop = 0;

	assert_int_equal(git_odb_hash(&computed, data, len, (git_object_t)type), 0);
	pthread_mutex_lock(&t->lock);
	t->objects++;
	t->by_type[type]++;
	if (memcmp(computed.id, oid, 20) != 0)
		t->bad_hash++;
	if (len == 16 && !memcmp(data, "the marker blob\n", 16)) {
		t->marker++;
		stop = t->stop_after_marker != NULL;
	}
	if (thread > t->max_thread)
		t->max_thread = thread;
	pthread_mutex_unlock(&t->lock);
	return stop;
}

static void on_problem(unsigned thread, const uint8_t oid[20], kh_obj_type type,
		       kh_pack_problem problem, const char *reason, void *payload)
{
	tally *t = payload;

	assert_non_null(reason);
	pthread_mutex_lock(&t->lock);
	if (problem == KH_PACK_TOO_LARGE)
		t->too_large++;
	else
		t->problems++;
	pthread_mutex_unlock(&t->lock);
}

static int walk(const char *path, kh_pack_walk_options *o, tally *t, kh_pack_stats *st)
{
	kh_pack *p = NULL;
	int error;

	memset(t, 0, sizeof(*t));
	pthread_mutex_init(&t->lock, NULL);
	o->on_object = on_object;
	o->on_problem = on_problem;
	o->payload = t;
	if ((error = kh_pack_open(&p, path)) < 0)
		return error;
	error = kh_pack_walk(p, o, st);
	kh_pack_free(p);
	return error;
}

static unsigned long count_in_pack(void)
{
	char cmd[600], line[256];
	unsigned long n = 0;
	FILE *f;

	snprintf(cmd, sizeof(cmd), "git -C %s count-objects -v", repo);
	f = popen(cmd, "r");
	while (fgets(line, sizeof(line), f))
		sscanf(line, "in-pack: %lu", &n);
	pclose(f);
	return n;
}

static void test_every_object_once(void **state)
{
	kh_pack_walk_options o = KH_PACK_WALK_OPTIONS_INIT;
	kh_pack_stats st;
	tally t;

	assert_int_equal(walk(pack_path, &o, &t, &st), 0);
	assert_int_equal(t.objects, count_in_pack());
	assert_int_equal(st.delivered, t.objects);
	assert_int_equal(t.bad_hash, 0);
	assert_int_equal(t.by_type[KH_OBJ_COMMIT], 30);
	assert_int_equal(t.marker, 1);
	assert_int_equal(t.problems + st.errors, 0);
}

/* A callback that keeps every object: they stay valid (and right) after the walk, even
 * those other objects were built on. */
typedef struct {
	const unsigned char **data;
	size_t *len;
	uint8_t (*id)[20];
	kh_obj_type *type;
	size_t n;
	pthread_mutex_t lock;
} kept;

static int keep_object(unsigned thread, const uint8_t oid[20], kh_obj_type type,
		       const unsigned char *data, size_t len, void *payload)
{
	kept *k = payload;

	pthread_mutex_lock(&k->lock);
	k->data[k->n] = data;
	k->len[k->n] = len;
	k->type[k->n] = type;
	memcpy(k->id[k->n++], oid, 20);
	pthread_mutex_unlock(&k->lock);
	return KH_PACK_TAKEN;
}

static void test_take_objects(void **state)
{
	kh_pack_walk_options o = KH_PACK_WALK_OPTIONS_INIT;
	unsigned long n = count_in_pack();
	kh_pack_stats st;
	kh_pack *p;
	kept k = { calloc(n, sizeof(char *)), calloc(n, sizeof(size_t)), calloc(n, 20),
		   calloc(n, sizeof(kh_obj_type)), 0, PTHREAD_MUTEX_INITIALIZER };

	o.threads = 2;
	o.on_object = keep_object;
	o.payload = &k;
	o.allow_take = 1;
	assert_int_equal(kh_pack_open(&p, pack_path), 0);
	assert_int_equal(kh_pack_walk(p, &o, &st), 0);
	kh_pack_free(p);
	assert_int_equal(k.n, n);
	for (size_t i = 0; i < k.n; i++) {
		git_oid computed;
		assert_int_equal(git_odb_hash(&computed, k.data[i], k.len[i], (git_object_t)k.type[i]), 0);
		assert_memory_equal(computed.id, k.id[i], 20);
		kh_pack_buf_free(k.data[i]);
	}
	free(k.data);
	free(k.len);
	free(k.id);
	free(k.type);
}

/* Random access: every object of the index read by id, deltas resolved on the way. */
static void test_read_by_id(void **state)
{
	kh_pack *p;
	unsigned long n;

	assert_int_equal(kh_pack_open(&p, pack_path), 0);
	n = kh_pack_count(p);
	assert_int_equal(n, count_in_pack());
	for (size_t i = 0; i < n; i++) {
		const uint8_t *id = kh_pack_oid(p, i);
		unsigned char *data;
		size_t len;
		kh_obj_type type;
		git_oid computed;
		assert_int_equal(kh_pack_read(p, id, 0, &type, &data, &len), 0);
		assert_int_equal(git_odb_hash(&computed, data, len, (git_object_t)type), 0);
		assert_memory_equal(computed.id, id, 20);
		free(data);
	}
	/* an id the pack does not hold */
	{
		uint8_t missing[20] = { 0 };
		unsigned char *data;
		size_t len;
		kh_obj_type type;
		assert_int_equal(kh_pack_read(p, missing, 0, &type, &data, &len), KEYHOUND_ENOTFOUND);
	}
	/* over the size limit: KH_EOBJ_TOO_LARGE, which the staged scan tells from damage by
	 * its code (it reports such a blob as over --max-file-size), not by its message */
	{
		size_t big = 0, big_len = 0;
		unsigned char *data;
		size_t len;
		kh_obj_type type;
		for (size_t i = 0; i < n; i++) {
			assert_int_equal(kh_pack_read(p, kh_pack_oid(p, i), 0, &type, &data, &len), 0);
			if (len > big_len)
				big = i, big_len = len;
			free(data);
		}
		assert_true(big_len > 1);
		assert_int_equal(kh_pack_read(p, kh_pack_oid(p, big), big_len - 1, &type, &data, &len),
				 KH_EOBJ_TOO_LARGE);
		assert_int_equal(kh_pack_read(p, kh_pack_oid(p, big), big_len, &type, &data, &len), 0);
		free(data);
	}
	kh_pack_free(p);
}

static void test_threads_serve_the_same_objects(void **state)
{
	kh_pack_walk_options o = KH_PACK_WALK_OPTIONS_INIT;
	kh_pack_stats st;
	tally t;

	o.threads = 3;
	assert_int_equal(walk(pack_path, &o, &t, &st), 0);
	assert_int_equal(t.objects, count_in_pack());
	assert_int_equal(t.bad_hash, 0);
	assert_true(t.max_thread < 3);
}

static void test_types_filter(void **state)
{
	kh_pack_walk_options o = KH_PACK_WALK_OPTIONS_INIT;
	kh_pack_stats st;
	tally t;

	o.types = KH_OBJ_MASK(KH_OBJ_BLOB);
	assert_int_equal(walk(pack_path, &o, &t, &st), 0);
	assert_int_equal(t.objects, t.by_type[KH_OBJ_BLOB]);
	assert_true(t.objects > 30);
	assert_int_equal(t.objects + st.not_wanted, count_in_pack());
}

/* A cache too small to keep any base: bases are rebuilt, the results are the same
 * (test_bad_deltas checks that a rebuild happens). */
static void test_cache_limit_rebuilds_bases(void **state)
{
	kh_pack_walk_options o = KH_PACK_WALK_OPTIONS_INIT;
	kh_pack_stats st;
	tally t;

	o.cache_limit = 1;
	assert_int_equal(walk(pack_path, &o, &t, &st), 0);
	assert_int_equal(t.objects, count_in_pack());
	assert_int_equal(t.bad_hash, 0);
}

static void test_max_object_size(void **state)
{
	kh_pack_walk_options o = KH_PACK_WALK_OPTIONS_INIT;
	kh_pack_stats st;
	tally t;

	o.max_object_size = 100000; /* big.txt is 460,000 bytes */
	assert_int_equal(walk(pack_path, &o, &t, &st), 0);
	assert_int_equal(t.too_large, 1);
	assert_int_equal(st.too_large, 1);
	assert_int_equal(t.objects + 1, count_in_pack());
	assert_int_equal(t.bad_hash, 0);
}

static void test_callback_stops_walk(void **state)
{
	kh_pack_walk_options o = KH_PACK_WALK_OPTIONS_INIT;
	kh_pack_stats st;
	tally t;
	kh_pack *p;

	memset(&t, 0, sizeof(t));
	pthread_mutex_init(&t.lock, NULL);
	t.stop_after_marker = "stop";
	o.on_object = on_object;
	o.payload = &t;
	assert_int_equal(kh_pack_open(&p, pack_path), 0);
	assert_int_equal(kh_pack_walk(p, &o, &st), KEYHOUND_EUSER);
	assert_int_equal(t.marker, 1);
	assert_true(t.objects < count_in_pack());
	kh_pack_free(p);
}

/* Copy the pack and index into dir under the same names; returns the new pack path. */
static void copy_pack(const char *dir, char *out, size_t n)
{
	const char *base = strrchr(pack_path, '/') + 1;

	sh("rm -rf %s && mkdir -p %s && cp %s %s && cp %.*s.idx %s && chmod u+w %s/*", dir, dir,
	   pack_path, dir, (int)(strlen(pack_path) - 5), pack_path, dir, dir);
	snprintf(out, n, "%s/%s", dir, base);
}

static unsigned long count_large_offsets(const char *pack)
{
	char idx[1024];
	unsigned char b[4];
	unsigned long n = count_in_pack(), large = 0;
	FILE *f;

	snprintf(idx, sizeof(idx), "%.*s.idx", (int)(strlen(pack) - 5), pack);
	f = fopen(idx, "rb");
	assert_non_null(f);
	fseek(f, 8 + 1024 + n * 24, SEEK_SET);
	for (unsigned long i = 0; i < n && fread(b, 1, 4, f) == 4; i++)
		large += b[0] >> 7;
	fclose(f);
	return large;
}

/* Index positions of 64-bit offsets, as a pack over 2 GiB has: git writes them on
 * request for objects past a given offset. */
static void test_64bit_offsets(void **state)
{
	kh_pack_walk_options o = KH_PACK_WALK_OPTIONS_INIT;
	kh_pack_stats st;
	char dir[512], copy[1024];
	tally t;

	snprintf(dir, sizeof(dir), "%s/p64", repo);
	copy_pack(dir, copy, sizeof(copy));
	sh("rm %.*s.idx && git index-pack --index-version=2,0x40 %s", (int)(strlen(copy) - 5),
	   copy, copy);
	assert_true(count_large_offsets(copy) > 0);
	assert_int_equal(walk(copy, &o, &t, &st), 0);
	assert_int_equal(t.objects, count_in_pack());
	assert_int_equal(t.bad_hash, 0);
}

/* The offset of a whole blob that other objects are deltified against, and how many
 * objects depend on it (directly or not), from git verify-pack. */
static void find_base_blob(const char *idx, unsigned long *off, unsigned long *packed,
			   unsigned long *dependents)
{
	char cmd[1100], line[512], sha[64], type[16];
	char (*shas)[41] = calloc(10000, 41), (*bases)[41] = calloc(10000, 41);
	unsigned long offs[10000], sizes[10000], size, in_pack, o, depth;
	int whole[10000], n = 0, best = -1;
	unsigned long best_deps = 0;
	FILE *f;

	snprintf(cmd, sizeof(cmd), "git verify-pack -v %s", idx);
	f = popen(cmd, "r");
	while (n < 10000 && fgets(line, sizeof(line), f)) {
		char base[64] = "";
		int k = sscanf(line, "%63s %15s %lu %lu %lu %lu %63s", sha, type, &size, &in_pack, &o,
			       &depth, base);
		if (k < 5 || strlen(sha) != 40)
			continue;
		strcpy(shas[n], sha);
		strcpy(bases[n], k == 7 ? base : "");
		whole[n] = k == 5 && !strcmp(type, "blob");
		offs[n] = o;
		sizes[n] = in_pack;
		n++;
	}
	pclose(f);
	for (int i = 0; i < n; i++) {
		unsigned long deps = 0;
		if (!whole[i])
			continue;
		/* count everything whose chain of bases reaches i */
		for (int j = 0; j < n; j++) {
			const char *b = bases[j];
			for (int hop = 0; *b && hop < 100; hop++) {
				int m;
				if (!strcmp(b, shas[i])) {
					deps++;
					break;
				}
				for (m = 0; m < n && strcmp(shas[m], b); m++)
					;
				b = m < n ? bases[m] : "";
			}
		}
		if (deps > best_deps) {
			best_deps = deps;
			best = i;
		}
	}
	assert_true(best >= 0);
	*off = offs[best];
	*packed = sizes[best];
	*dependents = best_deps;
	free(shas);
	free(bases);
}

static void poke(const char *path, unsigned long off, const char *bytes, size_t n)
{
	FILE *f = fopen(path, "r+b");

	assert_non_null(f);
	assert_int_equal(fseek(f, (long)off, SEEK_SET), 0);
	assert_int_equal(fwrite(bytes, 1, n, f), n);
	fclose(f);
}

/* Damaged zlib data in a delta base: that object and everything built on it are
 * errors, every other object is still served. */
static void test_corrupt_object(void **state)
{
	kh_pack_walk_options o = KH_PACK_WALK_OPTIONS_INIT;
	kh_pack_stats st;
	char dir[512], copy[1024], idx[1024];
	unsigned long off, packed, deps;
	tally t;

	snprintf(dir, sizeof(dir), "%s/bad", repo);
	copy_pack(dir, copy, sizeof(copy));
	snprintf(idx, sizeof(idx), "%.*s.idx", (int)(strlen(copy) - 5), copy);
	find_base_blob(idx, &off, &packed, &deps);
	assert_true(deps > 0);
	poke(copy, off + packed / 2, "\xde\xad\xbe\xef\x00\x13", 6);
	o.threads = 2;
	assert_int_equal(walk(copy, &o, &t, &st), 0);
	assert_int_equal(t.problems, 1 + deps);
	assert_int_equal(st.errors, 1 + deps);
	assert_int_equal(t.objects + 1 + deps, count_in_pack());
	assert_int_equal(t.bad_hash, 0);
}

/* A pack cut short: the objects past the cut are errors, the ones before are served. */
static void test_truncated_pack(void **state)
{
	kh_pack_walk_options o = KH_PACK_WALK_OPTIONS_INIT;
	kh_pack_stats st;
	char dir[512], copy[1024];
	struct stat sb;
	tally t;

	snprintf(dir, sizeof(dir), "%s/cut", repo);
	copy_pack(dir, copy, sizeof(copy));
	assert_int_equal(stat(copy, &sb), 0);
	assert_int_equal(truncate(copy, sb.st_size * 2 / 3), 0);
	assert_int_equal(walk(copy, &o, &t, &st), 0);
	assert_true(t.problems > 0);
	assert_true(t.objects > 0);
	assert_int_equal(t.objects + t.problems, count_in_pack());
	assert_int_equal(t.bad_hash, 0);
}

static void test_corrupt_index(void **state)
{
	char dir[512], copy[1024], idx[1024];
	kh_pack *p = NULL;

	snprintf(dir, sizeof(dir), "%s/badidx", repo);
	copy_pack(dir, copy, sizeof(copy));
	snprintf(idx, sizeof(idx), "%.*s.idx", (int)(strlen(copy) - 5), copy);
	/* bad magic */
	poke(idx, 0, "XXXX", 4);
	assert_true(kh_pack_open(&p, copy) < 0);
	assert_null(p);
	/* fan-out that goes backwards */
	poke(idx, 0, "\377tOc", 4);
	poke(idx, 8 + 4 * 200, "\xff\xff\xff\xff", 4);
	assert_true(kh_pack_open(&p, copy) < 0);
	/* an index cut short */
	poke(idx, 8 + 4 * 200, "\0\0\0\0", 4);
	copy_pack(dir, copy, sizeof(copy));
	assert_int_equal(truncate(idx, 2000), 0);
	assert_true(kh_pack_open(&p, copy) < 0);
	/* no index at all */
	unlink(idx);
	assert_true(kh_pack_open(&p, copy) < 0);
	assert_null(p);
}

/* Offsets in the index pointing into the middle of objects or past the end. */
static void test_index_offsets_out_of_range(void **state)
{
	kh_pack_walk_options o = KH_PACK_WALK_OPTIONS_INIT;
	kh_pack_stats st;
	char dir[512], copy[1024], idx[1024];
	unsigned long n = count_in_pack();
	tally t;

	snprintf(dir, sizeof(dir), "%s/badoff", repo);
	copy_pack(dir, copy, sizeof(copy));
	snprintf(idx, sizeof(idx), "%.*s.idx", (int)(strlen(copy) - 5), copy);
	/* first object's offset past the end, second one's into the middle of a stream */
	poke(idx, 8 + 1024 + n * 24, "\x7f\xff\xff\x00", 4);
	poke(idx, 8 + 1024 + n * 24 + 4, "\x00\x00\x00\x0d", 4);
	assert_int_equal(walk(copy, &o, &t, &st), 0);
	assert_true(t.problems >= 2);
	assert_int_equal(t.objects + t.problems, n);
	assert_int_equal(t.bad_hash, 0);
}

/* ---- a pack written by hand, for deltas git would never write ---- */

static void put_obj_header(kh_buf *b, int type, size_t size)
{
	unsigned char c = (unsigned char)(type << 4 | (size & 15));

	size >>= 4;
	while (size) {
		kh_buf_putc(b, (char)(c | 0x80));
		c = size & 0x7f;
		size >>= 7;
	}
	kh_buf_putc(b, (char)c);
}

static void put_zlib(kh_buf *b, const void *data, size_t len)
{
	unsigned char out[1024];
	uLongf n = sizeof(out);

	assert_int_equal(compress(out, &n, data, len), Z_OK);
	kh_buf_put(b, out, n);
}

/* an OFS_DELTA at offset `at` whose base is at base_at */
static void put_ofs_delta(kh_buf *b, size_t at, size_t base_at, const void *delta, size_t len)
{
	unsigned char tmp[16];
	size_t rel = at - base_at, n = 0;

	put_obj_header(b, 6, len);
	tmp[15 - n++] = rel & 0x7f;
	while (rel >>= 7) {
		rel--;
		tmp[15 - n++] = 0x80 | (rel & 0x7f);
	}
	kh_buf_put(b, tmp + 16 - n, n);
	put_zlib(b, delta, len);
}

static void put_ref_delta(kh_buf *b, const uint8_t base_oid[20], const void *delta, size_t len)
{
	put_obj_header(b, 7, len);
	kh_buf_put(b, base_oid, 20);
	put_zlib(b, delta, len);
}

static void put_be32(kh_buf *b, uint32_t v)
{
	unsigned char x[4] = { v >> 24, v >> 16, v >> 8, v };
	kh_buf_put(b, x, 4);
}

/* Object i gets the id 0xii 00 00 ..., so ids sort in object order. */
static void fake_oid(uint8_t oid[20], int i)
{
	memset(oid, 0, 20);
	oid[0] = (uint8_t)(i + 1);
}

static void write_handmade(const char *path, kh_buf *pack, const size_t *offs, int n)
{
	kh_buf idx = { 0 };
	char ipath[600];
	uint8_t oid[20], zero[20] = { 0 };
	FILE *f;

	kh_buf_put(pack, zero, 20); /* trailer: the reader does not check it */
	f = fopen(path, "wb");
	fwrite(pack->buf, 1, pack->len, f);
	fclose(f);
	kh_buf_put(&idx, "\377tOc", 4);
	put_be32(&idx, 2);
	for (int k = 0; k < 256; k++)
		put_be32(&idx, (uint32_t)(k < n ? k : n)); /* ids start at byte 1 */
	for (int i = 0; i < n; i++) {
		fake_oid(oid, i);
		kh_buf_put(&idx, oid, 20);
	}
	for (int i = 0; i < n; i++)
		put_be32(&idx, 0);
	for (int i = 0; i < n; i++)
		put_be32(&idx, (uint32_t)offs[i]);
	kh_buf_put(&idx, zero, 20);
	kh_buf_put(&idx, zero, 20);
	snprintf(ipath, sizeof(ipath), "%.*s.idx", (int)(strlen(path) - 5), path);
	f = fopen(ipath, "wb");
	fwrite(idx.buf, 1, idx.len, f);
	fclose(f);
	kh_buf_free(&idx);
}

typedef struct {
	int served[16], failed[16];
	char data[16][64];
} handmade_result;

static int hm_object(unsigned thread, const uint8_t oid[20], kh_obj_type type,
		     const unsigned char *data, size_t len, void *payload)
{
	handmade_result *r = payload;
	int i = oid[0] - 1;

	r->served[i]++;
	memcpy(r->data[i], data, len < 63 ? len : 63);
	return 0;
}

static void hm_problem(unsigned thread, const uint8_t oid[20], kh_obj_type type,
		       kh_pack_problem problem, const char *reason, void *payload)
{
	handmade_result *r = payload;

	r->failed[oid[0] - 1]++;
}

/* Deltas that copy outside their base, claim the wrong base size, build more or less than
 * they say, use the reserved opcode, point at a missing object, or at each other. */
static void check_handmade(const char *path, uint64_t cache_limit);

static void test_bad_deltas(void **state)
{
	kh_buf b = { 0 };
	size_t offs[16];
	uint8_t oid[20];
	char path[600];
	int n = 0;
	/* base "hello, world" (12 bytes) */
	static const unsigned char good[] = { 12, 6, 0x90, 5, 1, '!' };           /* "hello!" */
	static const unsigned char outside[] = { 12, 6, 0x91, 10, 6 };            /* copy 10..16 */
	static const unsigned char wrong_base[] = { 13, 5, 0x90, 5 };
	static const unsigned char too_long[] = { 12, 3, 0x90, 5 };               /* builds 5, says 3 */
	static const unsigned char too_short[] = { 12, 9, 0x90, 5 };              /* builds 5, says 9 */
	static const unsigned char reserved[] = { 12, 1, 0, 1, 'x' };
	static const unsigned char on_good[] = { 6, 7, 0x90, 6, 1, '?' };         /* "hello!?" */

	snprintf(path, sizeof(path), "%s/handmade.pack", repo);
	kh_buf_put(&b, "PACK", 4);
	put_be32(&b, 2);
	put_be32(&b, 11);
	offs[n++] = b.len; /* 0: the base blob */
	put_obj_header(&b, KH_OBJ_BLOB, 12);
	put_zlib(&b, "hello, world", 12);
	offs[n] = b.len; /* 1 */
	put_ofs_delta(&b, offs[n++], offs[0], good, sizeof(good));
	offs[n] = b.len; /* 2 */
	put_ofs_delta(&b, offs[n++], offs[0], outside, sizeof(outside));
	offs[n] = b.len; /* 3 */
	put_ofs_delta(&b, offs[n++], offs[0], wrong_base, sizeof(wrong_base));
	offs[n] = b.len; /* 4 */
	put_ofs_delta(&b, offs[n++], offs[0], too_long, sizeof(too_long));
	offs[n] = b.len; /* 5 */
	put_ofs_delta(&b, offs[n++], offs[0], too_short, sizeof(too_short));
	offs[n] = b.len; /* 6 */
	put_ofs_delta(&b, offs[n++], offs[0], reserved, sizeof(reserved));
	offs[n] = b.len; /* 7: on top of the bad delta 2 */
	put_ofs_delta(&b, offs[n++], offs[2], on_good, sizeof(on_good));
	offs[n++] = b.len; /* 8: a REF_DELTA on 1 */
	fake_oid(oid, 1);
	put_ref_delta(&b, oid, on_good, sizeof(on_good));
	offs[n++] = b.len; /* 9 and 10: REF_DELTAs on each other */
	fake_oid(oid, 10);
	put_ref_delta(&b, oid, good, sizeof(good));
	offs[n++] = b.len;
	fake_oid(oid, 9);
	put_ref_delta(&b, oid, good, sizeof(good));
	write_handmade(path, &b, offs, n);
	kh_buf_free(&b);

	check_handmade(path, 0);
	/* 0 is dropped from the cache while 1's child is built, then rebuilt for 2..7 */
	check_handmade(path, 1);
}

static void check_handmade(const char *path, uint64_t cache_limit)
{
	kh_pack_walk_options o = KH_PACK_WALK_OPTIONS_INIT;
	handmade_result r = { 0 };
	kh_pack_stats st;
	kh_pack *p;

	o.on_object = hm_object;
	o.on_problem = hm_problem;
	o.payload = &r;
	o.cache_limit = cache_limit;
	assert_int_equal(kh_pack_open(&p, path), 0);
	assert_int_equal(kh_pack_walk(p, &o, &st), 0);
	kh_pack_free(p);
	assert_int_equal(r.served[0], 1);
	assert_string_equal(r.data[0], "hello, world");
	assert_int_equal(r.served[1], 1);
	assert_string_equal(r.data[1], "hello!");
	assert_int_equal(r.served[8], 1);
	assert_string_equal(r.data[8], "hello!?");
	for (int i = 2; i <= 7; i++) {
		assert_int_equal(r.served[i], 0);
		assert_int_equal(r.failed[i], 1);
	}
	assert_int_equal(r.failed[9] + r.failed[10], 2);
	assert_int_equal(st.delivered, 3);
	assert_int_equal(st.errors, 8);
	if (cache_limit == 1)
		assert_true(st.rebuilt > 0);
}

/* ---- a chain of deltas deeper than git writes ---- */

#define DEEP_SIZE 16384

/* Object k of the deep pack: its 16 KiB, all one letter. */
static char deep_letter(int k)
{
	return (char)('a' + k % 26);
}

/* A pack of one blob and `depth` OFS_DELTAs, each on the one before, each replacing all
 * 16 KiB (so every delta is 16 KiB too: a reader that held each delta of the chain at
 * once would need depth x 16 KiB). Ids are the object numbers, big-endian. */
static void write_deep_pack(const char *path, int depth)
{
	kh_buf pack = { 0 }, idx = { 0 }, delta = { 0 };
	size_t *offs = calloc((size_t)depth + 1, sizeof(size_t));
	unsigned char *z = malloc(compressBound(DEEP_SIZE * 2)), zero[20] = { 0 };
	char ipath[600], body[DEEP_SIZE];
	int n = depth + 1;
	FILE *f;

	kh_buf_put(&pack, "PACK", 4);
	put_be32(&pack, 2);
	put_be32(&pack, (uint32_t)n);
	for (int k = 0; k < n; k++) {
		uLongf zn = compressBound(DEEP_SIZE * 2);
		memset(body, deep_letter(k), sizeof(body));
		offs[k] = pack.len;
		if (k == 0) {
			put_obj_header(&pack, KH_OBJ_BLOB, DEEP_SIZE);
			assert_int_equal(compress2(z, &zn, (unsigned char *)body, DEEP_SIZE, 1), Z_OK);
		} else {
			unsigned char hdr[6] = { 0x80, 0x80, 0x01, 0x80, 0x80, 0x01 }; /* 16384, 16384 */
			size_t rel = offs[k] - offs[k - 1], m = 0;
			unsigned char tmp[16];
			delta.len = 0;
			kh_buf_put(&delta, hdr, 6);
			for (size_t at = 0; at < DEEP_SIZE; at += 127) {
				size_t c = DEEP_SIZE - at < 127 ? DEEP_SIZE - at : 127;
				kh_buf_putc(&delta, (char)c);
				kh_buf_put(&delta, body + at, c);
			}
			put_obj_header(&pack, 6, delta.len);
			tmp[15 - m++] = rel & 0x7f;
			while (rel >>= 7) {
				rel--;
				tmp[15 - m++] = 0x80 | (rel & 0x7f);
			}
			kh_buf_put(&pack, tmp + 16 - m, m);
			assert_int_equal(compress2(z, &zn, (unsigned char *)delta.buf, delta.len, 1), Z_OK);
		}
		kh_buf_put(&pack, z, zn);
	}
	kh_buf_put(&pack, zero, 20);
	f = fopen(path, "wb");
	fwrite(pack.buf, 1, pack.len, f);
	fclose(f);
	kh_buf_put(&idx, "\377tOc", 4);
	put_be32(&idx, 2);
	for (int k = 0; k < 256; k++)
		put_be32(&idx, (uint32_t)n); /* every id starts with a zero byte */
	for (int k = 0; k < n; k++) {
		uint8_t oid[20] = { 0 };
		oid[2] = (uint8_t)(k >> 8);
		oid[3] = (uint8_t)k;
		kh_buf_put(&idx, oid, 20);
	}
	for (int k = 0; k < n; k++)
		put_be32(&idx, 0);
	for (int k = 0; k < n; k++)
		put_be32(&idx, (uint32_t)offs[k]);
	kh_buf_put(&idx, zero, 20);
	kh_buf_put(&idx, zero, 20);
	snprintf(ipath, sizeof(ipath), "%.*s.idx", (int)(strlen(path) - 5), path);
	f = fopen(ipath, "wb");
	fwrite(idx.buf, 1, idx.len, f);
	fclose(f);
	kh_buf_free(&pack);
	kh_buf_free(&idx);
	kh_buf_free(&delta);
	free(offs);
	free(z);
}

static int deep_object(unsigned thread, const uint8_t oid[20], kh_obj_type type,
		       const unsigned char *data, size_t len, void *payload)
{
	int k = oid[2] << 8 | oid[3];
	if (len == DEEP_SIZE && data[0] == (unsigned char)deep_letter(k) &&
	    data[DEEP_SIZE - 1] == (unsigned char)deep_letter(k))
		(*(int *)payload)++;
	return 0;
}

/* Address space limited to what the process uses now plus 48 MiB: a reader that held
 * the chain's 10,000 deltas (160 MiB) fails to allocate. Not under ASan, whose shadow
 * memory needs terabytes of address space. */
#if defined(__SANITIZE_ADDRESS__)
#define KT_ASAN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define KT_ASAN 1
#endif
#endif
static bool limit_memory(struct rlimit *old)
{
#ifdef KT_ASAN
	return false;
#else
	unsigned long pages = 0;
	FILE *f = fopen("/proc/self/statm", "r");
	struct rlimit lim;
	if (!f || fscanf(f, "%lu", &pages) != 1) {
		if (f)
			fclose(f);
		return false;
	}
	fclose(f);
	getrlimit(RLIMIT_AS, old);
	lim = *old;
	lim.rlim_cur = (rlim_t)pages * (rlim_t)sysconf(_SC_PAGESIZE) + ((rlim_t)48 << 20);
	return setrlimit(RLIMIT_AS, &lim) == 0;
#endif
}

/* A 10,000-deep chain (git caps its own at 4,095) resolves by id without recursion and
 * in bounded memory, and in a walk; one delta deeper is refused, as a hostile pack is. */
static void test_deep_delta_chain(void **state)
{
	char path[600];
	kh_pack *p;
	unsigned char *data = NULL;
	size_t len = 0;
	kh_obj_type type;
	uint8_t top[20] = { 0 }, over[20] = { 0 };
	struct rlimit old;
	bool limited;
	int served = 0;
	kh_pack_walk_options o = KH_PACK_WALK_OPTIONS_INIT;

	snprintf(path, sizeof(path), "%s/deep.pack", repo);
	write_deep_pack(path, 10000);
	assert_int_equal(kh_pack_open(&p, path), 0);
	top[2] = 10000 >> 8;
	top[3] = 10000 & 0xff;
	limited = limit_memory(&old);
	int rc = kh_pack_read(p, top, 0, &type, &data, &len);
	o.on_object = deep_object;
	o.payload = &served;
	o.cache_limit = 1 << 20;
	int wrc = kh_pack_walk(p, &o, NULL);
	if (limited)
		setrlimit(RLIMIT_AS, &old);
	assert_int_equal(rc, 0);
	assert_int_equal(type, KH_OBJ_BLOB);
	assert_int_equal(len, DEEP_SIZE);
	assert_int_equal(data[0], deep_letter(10000));
	assert_int_equal(data[DEEP_SIZE - 1], deep_letter(10000));
	free(data);
	assert_int_equal(wrc, 0);
	assert_int_equal(served, 10001);
	kh_pack_free(p);

	write_deep_pack(path, 10001);
	assert_int_equal(kh_pack_open(&p, path), 0);
	over[2] = 10001 >> 8;
	over[3] = 10001 & 0xff;
	assert_int_equal(kh_pack_read(p, over, 0, &type, &data, &len), KEYHOUND_ERROR);
	assert_non_null(strstr(keyhound_last_error(), "delta chain too long"));
	/* one below the top still resolves */
	over[3] = (10000 & 0xff);
	over[2] = 10000 >> 8;
	assert_int_equal(kh_pack_read(p, over, 0, &type, &data, &len), 0);
	free(data);
	kh_pack_free(p);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_every_object_once),
		cmocka_unit_test(test_read_by_id),
		cmocka_unit_test(test_take_objects),
		cmocka_unit_test(test_threads_serve_the_same_objects),
		cmocka_unit_test(test_types_filter),
		cmocka_unit_test(test_cache_limit_rebuilds_bases),
		cmocka_unit_test(test_max_object_size),
		cmocka_unit_test(test_callback_stops_walk),
		cmocka_unit_test(test_64bit_offsets),
		cmocka_unit_test(test_corrupt_object),
		cmocka_unit_test(test_truncated_pack),
		cmocka_unit_test(test_corrupt_index),
		cmocka_unit_test(test_index_offsets_out_of_range),
		cmocka_unit_test(test_bad_deltas),
		cmocka_unit_test(test_deep_delta_chain),
	};
	return cmocka_run_group_tests(tests, setup_repo, teardown_repo);
}
