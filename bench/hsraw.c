/* SPDX-License-Identifier: Apache-2.0 */
/* The matcher's floor: raw Hyperscan with keyhound's own compiled database, so every
 * matcher figure is a ratio to Hyperscan itself, and a per-pattern cost table that
 * names the expensive rules.
 *
 *   hsraw scan DB FILE...        one hs_scan per file (in chunks below 4 GB) with a
 *                                counting callback; prints bytes, hits, user CPU, MB/s
 *   hsraw cost RULES.jsonl FILE [TOP]
 *                                each rule's expressions (its pattern, or its keywords as
 *                                caseless literals) compiled alone and scanned over FILE;
 *                                the TOP (20) costliest rules, CPU time relative to a
 *                                one-literal database
 *
 * DB is keyhound's serialized rules (keyhound-rules.hsdb beside the program, or a
 * rules-*.hsdb from its cache); `scan` uses the database(s) every blob is scanned with
 * (see load_db).
 * RULES.jsonl is `keyhound rules list --format jsonl`.
 * Build: cc -O2 -o hsraw bench/hsraw.c -lhs -ljansson */
#include <errno.h>
#include <fcntl.h>
#include <hs/hs.h>
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#define CHUNK ((size_t)1 << 30)

static void die(const char *what, const char *detail)
{
	fprintf(stderr, "hsraw: %s: %s\n", what, detail ? detail : strerror(errno));
	exit(2);
}

static double user_cpu(void)
{
	struct rusage ru;
	getrusage(RUSAGE_SELF, &ru);
	return ru.ru_utime.tv_sec + ru.ru_utime.tv_usec / 1e6;
}

static double thread_cpu(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
	return ts.tv_sec + ts.tv_nsec / 1e9;
}

static int count_hit(unsigned int id, unsigned long long from, unsigned long long to,
		     unsigned int flags, void *ctx)
{
	(*(unsigned long long *)ctx)++;
	return 0;
}

static const unsigned char *map_file(const char *path, size_t *len)
{
	struct stat st;
	int fd = open(path, O_RDONLY);
	void *p;
	if (fd < 0 || fstat(fd, &st) < 0)
		die(path, NULL);
	*len = (size_t)st.st_size;
	p = *len ? mmap(NULL, *len, PROT_READ, MAP_PRIVATE | MAP_POPULATE, fd, 0) : NULL;
	if (p == MAP_FAILED)
		die(path, NULL);
	close(fd);
	return p;
}

/* keyhound's database file: magic(8) key(32) version(16) rules(4) n(4) n x {u64 width, u8 prefilter}, the
 * number of databases(4), then each {u32 rule, u64 length, bytes}: the shared one, which every
 * blob is scanned with, then one per rule scoped to paths, scanned only over a blob at one of
 * its paths. The floor is the shared one (empty: NULL here). An older file (KHDB0004) had a
 * second, "open" database every blob was scanned with too (patterns of rules with common
 * keywords): both are loaded from it. */
static void load_db(const char *path, hs_database_t *db[2])
{
	size_t len, off;
	const unsigned char *buf = map_file(path, &len);
	unsigned n, parts, eager;
	if (len < 64 || (memcmp(buf, "KHDB0005", 8) && memcmp(buf, "KHDB0004", 8)))
		die(path, "not a keyhound rules database (KHDB0004 or KHDB0005)");
	eager = memcmp(buf, "KHDB0005", 8) ? 2 : 1;
	memcpy(&n, buf + 60, 4);
	off = 64 + (size_t)n * 9;
	if (off + 4 > len)
		die(path, "truncated");
	memcpy(&parts, buf + off, 4);
	off += 4;
	for (unsigned k = 0; k < 2; k++) {
		unsigned long long part_len;
		db[k] = NULL;
		if (k >= eager)
			continue;
		if (k >= parts || off + 12 > len)
			die(path, "truncated");
		memcpy(&part_len, buf + off + 4, 8);
		off += 12;
		if (part_len > len - off ||
		    (part_len && hs_deserialize_database((const char *)buf + off, part_len, &db[k]) != HS_SUCCESS))
			die(path, "Hyperscan cannot load the database");
		off += part_len;
	}
	munmap((void *)buf, len);
}

/* One hs_scan per blob, as keyhound does (chunks only past 1 GB). */
static unsigned long long scan(const hs_database_t *db, hs_scratch_t *s, const unsigned char *p,
			       size_t len)
{
	unsigned long long hits = 0;
	for (size_t base = 0; base < len; base += CHUNK) {
		size_t n = len - base < CHUNK ? len - base : CHUNK;
		if (hs_scan(db, (const char *)p + base, (unsigned)n, 0, s, count_hit, &hits) != HS_SUCCESS)
			die("hs_scan", "failed");
	}
	return hits;
}

static int cmd_scan(int argc, char **argv)
{
	hs_database_t *db[2];
	hs_scratch_t *s = NULL;
	unsigned long long hits = 0, bytes = 0, part_hits[2] = {0, 0};
	double t0, part_cpu[2] = {0, 0};
	load_db(argv[0], db);
	for (int k = 0; k < 2; k++)
		if (db[k] && hs_alloc_scratch(db[k], &s) != HS_SUCCESS)
			die(argv[0], "no scratch (a database for another CPU?)");
	t0 = user_cpu();
	for (int i = 1; i < argc; i++) {
		size_t len;
		const unsigned char *p = map_file(argv[i], &len);
		for (int k = 0; k < 2; k++)
			if (db[k]) {
				double t = thread_cpu();
				unsigned long long h = scan(db[k], s, p, len);
				part_cpu[k] += thread_cpu() - t;
				part_hits[k] += h;
				hits += h;
			}
		bytes += len;
		munmap((void *)p, len);
	}
	double cpu = user_cpu() - t0;
	printf("bytes %llu hits %llu user_s %.3f mb_per_s %.0f (shared %.3f s %llu hits, open %.3f s %llu hits)\n",
	       bytes, hits, cpu, cpu > 0 ? bytes / cpu / 1e6 : 0.0, part_cpu[0], part_hits[0], part_cpu[1],
	       part_hits[1]);
	return 0;
}

/* A keyword as a literal expression (every byte escaped), as keyhound compiles it. */
static char *literal(const char *kw)
{
	size_t n = strlen(kw);
	char *e = malloc(n * 4 + 1), *w = e;
	for (size_t i = 0; i < n; i++)
		w += sprintf(w, "\\x%02x", (unsigned char)kw[i]);
	*w = '\0';
	return e;
}

static char *literal(const char *kw);

typedef struct {
	char id[128];
	char what[200];
	double cpu;
	unsigned long long hits;
} cost_row;

/* Compile the expressions alone (a pattern Hyperscan cannot run exactly is
 * prefiltered, as keyhound does) and time the scan: the best of three. */
static int cost_of(const char **exprs, unsigned *flags, unsigned n, const unsigned char *p,
		   size_t len, cost_row *row)
{
	hs_database_t *db = NULL;
	hs_compile_error_t *err = NULL;
	hs_scratch_t *s = NULL;
	unsigned *ids = calloc(n, sizeof(unsigned));
	if (hs_compile_multi(exprs, flags, ids, n, HS_MODE_BLOCK, NULL, &db, &err) != HS_SUCCESS) {
		hs_free_compile_error(err);
		if (n != 1 || flags[0])
			return free(ids), -1;
		flags[0] = HS_FLAG_PREFILTER;
		if (hs_compile_multi(exprs, flags, ids, n, HS_MODE_BLOCK, NULL, &db, &err) != HS_SUCCESS) {
			hs_free_compile_error(err);
			return free(ids), -1;
		}
	}
	hs_alloc_scratch(db, &s);
	row->cpu = 1e9;
	for (int r = 0; r < 3; r++) {
		double t0 = thread_cpu();
		row->hits = scan(db, s, p, len);
		double t = thread_cpu() - t0;
		if (t < row->cpu)
			row->cpu = t;
	}
	hs_free_scratch(s);
	hs_free_database(db);
	free(ids);
	return 0;
}

static int by_cost(const void *a, const void *b)
{
	double x = ((const cost_row *)a)->cpu, y = ((const cost_row *)b)->cpu;
	return x < y ? 1 : x > y ? -1 : 0;
}

static int cmd_cost(int argc, char **argv)
{
	FILE *f = fopen(argv[0], "r");
	size_t len, n = 0, cap = 0;
	const unsigned char *p = map_file(argv[1], &len);
	int top = argc > 2 ? atoi(argv[2]) : 20;
	char line[1 << 16];
	cost_row *rows = NULL, floor_row = {"(floor)", "one literal", 0, 0};
	double total = 0;
	if (!f)
		die(argv[0], NULL);
	{
		const char *e[1] = {"zq\\x00zq"};
		unsigned fl[1] = {0};
		cost_of(e, fl, 1, p, len, &floor_row);
	}
	while (fgets(line, sizeof(line), f)) {
		json_t *o = json_loads(line, 0, NULL), *kw;
		const char *pattern, *id;
		if (!o)
			continue;
		pattern = json_string_value(json_object_get(o, "pattern"));
		id = json_string_value(json_object_get(o, "id"));
		kw = json_object_get(o, "keywords");
		if (pattern && id) {
			size_t nk = json_is_array(kw) ? json_array_size(kw) : 0;
			unsigned ne = nk ? (unsigned)nk : 1;
			const char **exprs = calloc(ne, sizeof(char *));
			unsigned *flags = calloc(ne, sizeof(unsigned));
			if (n == cap)
				rows = realloc(rows, (cap = cap ? cap * 2 : 64) * sizeof(*rows));
			cost_row *row = &rows[n];
			memset(row, 0, sizeof(*row));
			snprintf(row->id, sizeof(row->id), "%s", id);
			for (size_t k = 0; k < nk; k++) {
				exprs[k] = literal(json_string_value(json_array_get(kw, k)));
				flags[k] = HS_FLAG_CASELESS;
			}
			const char *fac = json_string_value(json_object_get(o, "factor"));
			if (!nk)
				exprs[0] = fac ? fac : pattern;
			json_t *paths = json_object_get(o, "paths");
			snprintf(row->what, sizeof(row->what), "%s%s%.120s",
				 json_is_array(paths) && json_array_size(paths) ? "(own database) " : "",
				 nk ? "keywords of " : fac ? "factor " : "", fac ? fac : pattern);
			if (cost_of(exprs, flags, ne, p, len, row) == 0) {
				total += row->cpu;
				n++;
			}
			for (size_t k = 0; k < nk; k++)
				free((char *)exprs[k]);
			free(exprs);
			free(flags);
		}
		json_decref(o);
	}
	fclose(f);
	qsort(rows, n, sizeof(*rows), by_cost);
	printf("%zu rules, each compiled alone, over %s (%zu bytes); floor (one literal) %.1f ms = %.0f MB/s\n",
	       n, argv[1], len, floor_row.cpu * 1e3, len / floor_row.cpu / 1e6);
	printf("sum of the rules alone: %.1f ms (%.1fx the floor)\n\n", total * 1e3, total / floor_row.cpu);
	printf("| rank | rule | ms | MB/s | x floor | hits | pattern |\n|---|---|---|---|---|---|---|\n");
	for (size_t i = 0; i < n && (int)i < top; i++) {
		char what[260], *w = what;
		for (const char *c = rows[i].what; *c && w < what + sizeof(what) - 3; c++) {
			if (*c == '|')
				*w++ = '\\';
			*w++ = *c;
		}
		*w = '\0';
		printf("| %zu | %s | %.1f | %.0f | %.1f | %llu | `%s` |\n", i + 1, rows[i].id,
		       rows[i].cpu * 1e3, len / rows[i].cpu / 1e6, rows[i].cpu / floor_row.cpu,
		       rows[i].hits, what);
	}
	free(rows);
	return 0;
}

/* Every rule of RULES.jsonl but the excluded ids and those scoped to paths (each has a
 * database of its own), compiled together as keyhound compiles its shared database. */
static int compile_set(const char *rules, const char *exclude, hs_database_t **out, unsigned *n_out)
{
	FILE *f = fopen(rules, "r");
	char line[1 << 16];
	const char **exprs = NULL;
	unsigned *flags = NULL, *ids = NULL, n = 0, cap = 0;
	hs_compile_error_t *err = NULL;
	if (!f)
		die(rules, NULL);
	while (fgets(line, sizeof(line), f)) {
		json_t *o = json_loads(line, 0, NULL), *kw;
		const char *pattern, *id;
		char needle[160];
		if (!o)
			continue;
		pattern = json_string_value(json_object_get(o, "pattern"));
		id = json_string_value(json_object_get(o, "id"));
		kw = json_object_get(o, "keywords");
		snprintf(needle, sizeof(needle), ",%s,", id ? id : "");
		json_t *paths = json_object_get(o, "paths");
		if (pattern && id && !(exclude && strstr(exclude, needle)) &&
		    !(json_is_array(paths) && json_array_size(paths))) {
			size_t nk = json_is_array(kw) ? json_array_size(kw) : 0;
			for (size_t k = 0; k < (nk ? nk : 1); k++) {
				if (n == cap) {
					cap = cap ? cap * 2 : 256;
					exprs = realloc(exprs, cap * sizeof(*exprs));
					flags = realloc(flags, cap * sizeof(*flags));
					ids = realloc(ids, cap * sizeof(*ids));
				}
				const char *fac = json_string_value(json_object_get(o, "factor"));
				exprs[n] = nk ? literal(json_string_value(json_array_get(kw, k)))
					      : strdup(fac ? fac : pattern);
				flags[n] = nk ? HS_FLAG_CASELESS : 0;
				ids[n] = n;
				n++;
			}
		}
		json_decref(o);
	}
	fclose(f);
	/* HSRAW_GENERIC=1: for a generic x86-64, as the shipped database is; else this host */
	hs_platform_info_t generic, *plat = NULL;
	memset(&generic, 0, sizeof(generic));
	if (getenv("HSRAW_GENERIC") && !strcmp(getenv("HSRAW_GENERIC"), "1"))
		plat = &generic;
	for (;;) {
		if (hs_compile_multi(exprs, flags, ids, n, HS_MODE_BLOCK, plat, out, &err) == HS_SUCCESS)
			break;
		if (err->expression < 0 || (flags[err->expression] & (HS_FLAG_PREFILTER | HS_FLAG_CASELESS)))
			die("hs_compile_multi", err->message);
		flags[err->expression] |= HS_FLAG_PREFILTER;
		hs_free_compile_error(err);
	}
	for (unsigned i = 0; i < n; i++)
		free((char *)exprs[i]);
	free(exprs);
	free(flags);
	free(ids);
	*n_out = n;
	return 0;
}

/* hsraw set RULES.jsonl FILE [,id,id,]: the rules together (minus some), best of 3 */
static int cmd_set(int argc, char **argv)
{
	hs_database_t *db = NULL;
	hs_scratch_t *s = NULL;
	size_t len;
	unsigned n;
	const unsigned char *p = map_file(argv[1], &len);
	cost_row row;
	compile_set(argv[0], argc > 2 ? argv[2] : NULL, &db, &n);
	hs_alloc_scratch(db, &s);
	row.cpu = 1e9;
	for (int r = 0; r < 3; r++) {
		double t0 = thread_cpu();
		row.hits = scan(db, s, p, len);
		double t = thread_cpu() - t0;
		if (t < row.cpu)
			row.cpu = t;
	}
	printf("%u expressions: %.1f ms, %.0f MB/s, %llu hits\n", n, row.cpu * 1e3, len / row.cpu / 1e6, row.hits);
	return 0;
}

int main(int argc, char **argv)
{
	if (argc >= 4 && !strcmp(argv[1], "set"))
		return cmd_set(argc - 2, argv + 2);
	if (argc >= 4 && !strcmp(argv[1], "scan"))
		return cmd_scan(argc - 2, argv + 2);
	if (argc >= 4 && !strcmp(argv[1], "cost"))
		return cmd_cost(argc - 2, argv + 2);
	fprintf(stderr, "usage: hsraw scan DB FILE... | hsraw cost RULES.jsonl FILE [TOP]\n");
	return 2;
}
