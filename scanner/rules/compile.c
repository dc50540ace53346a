/* SPDX-License-Identifier: Apache-2.0 */
/* Compile a rule set: PCRE2-JIT per rule for confirmation, and Hyperscan block-mode
 * databases: one over every rule that applies at any path (with the patterns of gated
 * rules whose keywords are everyday words), and one per rule scoped to paths (scanned
 * only over a blob at one of them). Compiling hundreds of patterns costs
 * seconds, so the databases are serialized: a file shipped beside the program
 * (compiled for a generic x86-64 target) is tried first, then a cache keyed by
 * the rules' text, the Hyperscan version and this machine; else compile and cache. */
#define PCRE2_CODE_UNIT_WIDTH 8
#include <errno.h>
#include <hs/hs.h>
#include <limits.h>
#include <pcre2.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include "core/kh.h"
#include "rules/rules.h"
#include "rules/ruleset.h"

#define DB_MAGIC "KHDB0005"
#define DB_HEAD 64 /* magic, key, the pack's version and rule count, the number of ids */

static int compile_pcre(kh_rule *r)
{
	int errcode;
	PCRE2_SIZE erroff;
	pcre2_code *re;
	if (r->re)
		return 0;
	r->back = kh_pattern_back(r->pattern);
	/* a gated or factored rule's search stops at the last start near its hit; one with a
	 * walk back (kh_pattern_back) at its hit */
	re = pcre2_compile((PCRE2_SPTR)r->pattern, PCRE2_ZERO_TERMINATED,
			   r->n_keywords || r->factor || r->back ? PCRE2_USE_OFFSET_LIMIT : 0, &errcode,
			   &erroff, kh_pcre2_compile_context());
	if (!re) {
		kh_back_free(r->back);
		r->back = NULL;
		PCRE2_UCHAR msg[256];
		pcre2_get_error_message(errcode, msg, sizeof(msg));
		return kh_error(KEYHOUND_ERULES, "%s: rule %s: PCRE2 rejects the pattern at offset %zu: %s",
				r->file, r->id, (size_t)erroff, (char *)msg);
	}
	/* JIT is an optimisation: a pattern it cannot take still matches, interpreted */
	pcre2_jit_compile(re, PCRE2_JIT_COMPLETE);
	uint32_t nl = 0;
	pcre2_pattern_info(re, PCRE2_INFO_NEWLINE, &nl);
	r->line_reach = kh_pattern_line_reach(r->pattern, nl == PCRE2_NEWLINE_LF ||
					      nl == PCRE2_NEWLINE_ANYCRLF || nl == PCRE2_NEWLINE_ANY);
	r->re = re;
	return 0;
}

const void *kh_rule_code(const kh_ruleset *rs_const, const kh_rule *r_const)
{
	kh_ruleset *rs = (kh_ruleset *)rs_const; /* the lazy cache is the only mutable part */
	kh_rule *r = (kh_rule *)r_const;
	void *re = __atomic_load_n(&r->re, __ATOMIC_ACQUIRE);
	if (re)
		return re;
	pthread_mutex_lock(&rs->re_lock);
	if (!r->re && compile_pcre(r) == 0)
		__atomic_store_n(&r->re, r->re, __ATOMIC_RELEASE);
	re = r->re;
	pthread_mutex_unlock(&rs->re_lock);
	return re;
}

void kh_compiled_rule_free(kh_rule *r)
{
	pcre2_code_free((pcre2_code *)r->re);
	r->re = NULL;
	kh_back_free(r->back);
	r->back = NULL;
}

static void free_db(void *db, size_t mapped)
{
	if (mapped)
		munmap(db, mapped);
	else
		hs_free_database((hs_database_t *)db);
}

static void free_scoped(kh_hs_scoped *v, size_t n)
{
	for (size_t i = 0; v && i < n; i++)
		free_db(v[i].db, v[i].mapped);
	free(v);
}

void kh_compiled_free(kh_ruleset *rs)
{
	if (rs->file_buf)
		munmap(rs->file_buf, rs->file_buf_len);
	rs->file_buf = NULL;
	hs_free_scratch(rs->hs_proto);
	rs->hs_proto = NULL;
	if (rs->hs_to_rule)
		pthread_mutex_destroy(&rs->re_lock);
	if (rs->hs_arena)
		munmap(rs->hs_arena, rs->hs_arena_len);
	else
		hs_free_database((hs_database_t *)rs->hs_db);
	rs->hs_arena = NULL;
	free_scoped(rs->hs_scoped, rs->n_hs_scoped);
	rs->hs_db = NULL;
	rs->hs_scoped = NULL;
	rs->n_hs_scoped = 0;
	free(rs->hs_to_rule);
	free(rs->hs_keyword_len);
	rs->hs_to_rule = NULL;
	rs->hs_keyword_len = NULL;
}

/* Hyperscan id i scans a rule's pattern, or one of its keywords. */
static const char *hs_keyword(const kh_ruleset *rs, size_t i)
{
	const kh_rule *r = &rs->rules[rs->hs_to_rule[i]];
	/* a rule's keyword ids are consecutive from its hs_index */
	return rs->hs_keyword_len[i] ? r->keywords[i - r->hs_index] : NULL;
}

static unsigned hs_flags(const kh_ruleset *rs, size_t i)
{
	if (rs->hs_keyword_len[i])
		return HS_FLAG_CASELESS;
	return rs->rules[rs->hs_to_rule[i]].prefilter ? HS_FLAG_PREFILTER : 0;
}

/* A keyword as a Hyperscan expression: every byte escaped, so it is a literal. */
static char *literal_expr(const char *kw)
{
	size_t n = strlen(kw);
	char *e = kh_malloc(n * 4 + 1), *w = e;
	for (size_t i = 0; i < n; i++)
		w += sprintf(w, "\\x%02x", (unsigned char)kw[i]);
	*w = '\0';
	return e;
}

/* Key of a compiled database: the patterns, their flags, the library, the target. */
static void db_key(const kh_ruleset *rs, const char *target, uint8_t key[32])
{
	kh_sha256_ctx c;
	kh_sha256_init(&c);
	kh_sha256_update(&c, DB_MAGIC, 8);
	kh_sha256_update(&c, hs_version(), strlen(hs_version()));
	kh_sha256_update(&c, target, strlen(target) + 1);
	for (size_t i = 0; i < rs->n_hs; i++) {
		const kh_rule *r = &rs->rules[rs->hs_to_rule[i]];
		const char *kw = hs_keyword(rs, i);
		/* the pattern too: its width is stored with the database */
		kh_sha256_update(&c, r->pattern, strlen(r->pattern) + 1);
		kh_sha256_update(&c, kw ? kw : "", kw ? strlen(kw) + 1 : 1);
		kh_sha256_update(&c, r->factor ? r->factor : "", r->factor ? strlen(r->factor) + 1 : 1);
		/* which database it is in */
		kh_sha256_update(&c, r->n_paths ? "s" : "a", 1);
	}
	kh_sha256_final(&c, key);
}

/* A small database's memory (a scoped rule's), mapped populated. */
static void *map_populated(size_t len)
{
	void *p = mmap(NULL, len, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_POPULATE, -1, 0);
	return p == MAP_FAILED ? NULL : p;
}

/* The rules scoped to paths that have a pattern, in order: each has a database of its own. */
static size_t count_scoped(const kh_ruleset *rs)
{
	size_t n = 0;
	for (size_t i = 0; i < rs->n_rules; i++)
		n += rs->rules[i].pattern && rs->rules[i].n_paths;
	return n;
}

/* One serialized database of [p, p + len): into `at` (db_len bytes, from
 * hs_serialized_database_size), else into a populated mapping of its own (*mapped its
 * length). With proto, the scratch every worker clones is grown to fit it: that also checks
 * the database against this CPU (one for other CPU features deserializes, but takes no
 * scratch). */
static int load_part(const unsigned char *p, size_t len, void *at, void **out, size_t *mapped,
		     void **proto)
{
	size_t db_len = 0;
	void *db = at;
	int ok = -1;
	if (!at && (hs_serialized_database_size((const char *)p, len, &db_len) != HS_SUCCESS ||
		    !db_len || !(db = map_populated(db_len))))
		goto done;
	if (hs_deserialize_database_at((const char *)p, len, db) != HS_SUCCESS ||
	    (proto && hs_alloc_scratch(db, (hs_scratch_t **)proto) != HS_SUCCESS))
		goto done;
	*out = db;
	*mapped = db_len;
	db = NULL;
	ok = 0;
done:
	if (db && !at)
		munmap(db, db_len);
	return ok;
}

/* File: magic, key, the pack's version (16 bytes) and rule count (u32), the number of
 * Hyperscan ids, {max_width, prefilter} per id, the number of databases, then each: {u32
 * rule, u64 length, bytes}: the shared one (rule UINT32_MAX, empty when no pattern is in
 * it), then one per scoped rule.
 * The shared database is loaded now; a scoped one when a blob at one of its paths first
 * needs it (most scans meet none), from a copy of its bytes.
 * Any mismatch or load failure means "not usable": compile instead. */
static int try_load_db(kh_ruleset *rs, const char *path, const uint8_t key[32],
		       const uint8_t *secret)
{
	uint8_t mac[32];
	unsigned char head[DB_HEAD], *buf = NULL, *arena = NULL;
	size_t len = 0, buf_len = 0, arena_len = 0, need, off = 0, n_scoped = 0;
	size_t want = count_scoped(rs), next = 0, at = 0, at_len = 0, db_len = 0;
	void *eager = NULL, *proto = NULL;
	kh_hs_scoped *scoped = kh_calloc(want + 1, sizeof(*scoped));
	struct stat st;
	uint32_t n, parts;
	int ok = -1, fd = -1;

	if (!path || (fd = open(path, O_RDONLY | O_CLOEXEC)) < 0)
		goto done;
	/* the key first: a stale or foreign file costs one small read */
	if (fstat(fd, &st) < 0 || st.st_size < (off_t)sizeof(head) || st.st_size > (1 << 30) ||
	    read(fd, head, sizeof(head)) != (ssize_t)sizeof(head) || memcmp(head, DB_MAGIC, 8) ||
	    memcmp(head + 8, key, 32))
		goto done;
	len = (size_t)st.st_size;
	memcpy(&n, head + DB_HEAD - 4, 4);
	off = DB_HEAD;
	if (n != rs->n_hs || kh_mul_overflows(n, 9, &need) || kh_add_overflows(off, need, &need) ||
	    need + 4 + (secret ? 32 : 0) > len || !(buf = kh_map_huge(len, &buf_len)))
		goto done;
	/* read, not mapped: the kernel copies into two huge pages, where touching each of the
	 * file's 4 KiB pages through a mapping costs a trap apiece in a virtual machine */
	for (size_t got = 0; got < len;) {
		ssize_t r = pread(fd, buf + got, len - got, (off_t)got);
		if (r <= 0)
			goto done;
		got += (size_t)r;
	}
	/* a cached database carries an HMAC: an edited one is compiled again, never loaded */
	size_t body = secret ? len - 32 : len;
	if (secret) {
		kh_cache_mac(secret, buf, body, mac);
		if (memcmp(mac, buf + body, 32) != 0)
			goto done;
	}
	for (uint32_t i = 0; i < n; i++, off += 9) {
		kh_rule *r = &rs->rules[rs->hs_to_rule[i]];
		uint64_t w;
		memcpy(&w, buf + off, 8);
		r->max_width = w;
		r->prefilter = buf[off + 8] != 0;
	}
	memcpy(&parts, buf + off, 4);
	off += 4;
	if (parts != want + 1)
		goto done;
	for (uint32_t k = 0; k < parts; k++) {
		uint32_t rule;
		uint64_t part_len;
		size_t size = 0;
		if (body - off < 12)
			goto done;
		memcpy(&rule, buf + off, 4);
		memcpy(&part_len, buf + off + 4, 8);
		off += 12;
		if (part_len > body - off)
			goto done;
		/* every header now (Hyperscan checks the rest as it loads each) */
		if (part_len && (hs_serialized_database_size((const char *)buf + off, part_len, &size) !=
				 HS_SUCCESS || !size || size > (1 << 30)))
			goto done;
		if (k == 0) { /* the shared database, maybe empty */
			if (rule != UINT32_MAX)
				goto done;
			at = off;
			at_len = part_len;
			db_len = size;
		} else { /* a scoped one: loaded from buf when first needed */
			while (next < rs->n_rules && !(rs->rules[next].pattern && rs->rules[next].n_paths))
				next++;
			if (rule != next || !part_len)
				goto done;
			scoped[n_scoped].ser = buf + off;
			scoped[n_scoped].ser_len = part_len;
			scoped[n_scoped++].rule = (unsigned)next++;
		}
		off += part_len;
	}
	/* the one every blob is scanned with, in huge pages */
	size_t unused;
	if (db_len && !(arena = kh_map_huge(db_len, &arena_len)))
		goto done;
	if (at_len && load_part(buf + at, at_len, arena, &eager, &unused, &proto) < 0)
		goto done;
	rs->hs_db = eager;
	rs->hs_arena = arena;
	rs->hs_arena_len = arena_len;
	rs->hs_scoped = scoped;
	rs->n_hs_scoped = n_scoped;
	rs->file_buf = buf;
	rs->file_buf_len = buf_len;
	rs->hs_proto = proto;
	proto = NULL;
	arena = buf = NULL;
	scoped = NULL;
	ok = 0;
done:
	if (arena)
		munmap(arena, arena_len);
	free(scoped);
	hs_free_scratch(proto);
	if (buf)
		munmap(buf, buf_len);
	if (fd >= 0)
		close(fd);
	return ok;
}

const void *kh_scoped_db(const kh_ruleset *rs_const, size_t i)
{
	kh_ruleset *rs = (kh_ruleset *)rs_const; /* loaded on first use, like the PCRE2 code */
	kh_hs_scoped *p = &rs->hs_scoped[i];
	void *db = __atomic_load_n(&p->db, __ATOMIC_ACQUIRE);
	if (db || !p->ser)
		return db;
	pthread_mutex_lock(&rs->re_lock);
	if (!p->db) {
		void *d = NULL;
		size_t mapped = 0;
		/* each worker grows its own scratch to fit it (the matcher) */
		if (load_part(p->ser, p->ser_len, NULL, &d, &mapped, NULL) == 0) {
			p->mapped = mapped;
			__atomic_store_n(&p->db, d, __ATOMIC_RELEASE);
		}
	}
	db = p->db;
	pthread_mutex_unlock(&rs->re_lock);
	return db;
}

int kh_rules_db_manifest(const char *path, char version[17], size_t *n_rules)
{
	unsigned char head[DB_HEAD];
	uint32_t n;
	int fd = path ? open(path, O_RDONLY | O_CLOEXEC) : -1, ok = -1;
	if (fd < 0)
		return -1;
	if (read(fd, head, sizeof(head)) == (ssize_t)sizeof(head) && !memcmp(head, DB_MAGIC, 8) &&
	    memchr(head + 40, '\0', 16)) {
		memcpy(version, head + 40, 16);
		version[16] = '\0';
		memcpy(&n, head + 56, 4);
		*n_rules = n;
		ok = 0;
	}
	close(fd);
	return ok;
}

static void put_part(kh_buf *all, uint32_t rule, const hs_database_t *db, bool *ok)
{
	char *ser = NULL;
	size_t ser_len = 0;
	uint64_t n;
	if (db && hs_serialize_database(db, &ser, &ser_len) != HS_SUCCESS)
		*ok = false;
	n = ser_len;
	kh_buf_put(all, &rule, 4);
	kh_buf_put(all, &n, 8);
	if (ser)
		kh_buf_put(all, ser, ser_len);
	free(ser);
}

static int write_db(const kh_ruleset *rs, const hs_database_t *shared, const kh_hs_scoped *scoped, size_t n_scoped, const char *path, const uint8_t key[32],
		    const uint8_t *secret)
{
	kh_buf all = {0};
	uint8_t mac[32];
	int error = -1;
	uint32_t n = (uint32_t)rs->n_hs, parts = (uint32_t)n_scoped + 1, n_rules = (uint32_t)rs->n_rules;
	char version[16] = {0};
	bool ok = true;

	memcpy(version, rs->version, strnlen(rs->version, sizeof(version) - 1)); /* 12 hex digits */
	kh_buf_put(&all, DB_MAGIC, 8);
	kh_buf_put(&all, key, 32);
	kh_buf_put(&all, version, 16);
	kh_buf_put(&all, &n_rules, 4);
	kh_buf_put(&all, &n, 4);
	for (uint32_t i = 0; i < n; i++) {
		const kh_rule *r = &rs->rules[rs->hs_to_rule[i]];
		uint64_t w = r->max_width;
		uint8_t pf = r->prefilter;
		kh_buf_put(&all, &w, 8);
		kh_buf_put(&all, &pf, 1);
	}
	kh_buf_put(&all, &parts, 4);
	put_part(&all, UINT32_MAX, shared, &ok);
	for (size_t i = 0; i < n_scoped; i++)
		put_part(&all, scoped[i].rule, scoped[i].db, &ok);
	if (!ok)
		goto done;
	if (secret) { /* a cache file: its HMAC last */
		kh_cache_mac(secret, all.buf, all.len, mac);
		kh_buf_put(&all, mac, 32);
	}
	/* a cache file is the user's alone; the shipped one is read by everyone */
	if ((error = kh_cache_write_file(path, all.buf, all.len, secret ? 0600 : 0644)) == 0 && secret) {
		char *dir = kh_strdup(path), *slash = strrchr(dir, '/');
		if (slash) {
			*slash = '\0';
			kh_cache_prune(dir, "rules-", ".hsdb", KH_CACHE_KEEP);
		}
		free(dir);
	}
done:
	kh_buf_free(&all);
	return error;
}

/* The width of a rule's pattern (how far before a hit PCRE2 starts), and whether
 * Hyperscan can run it exactly: patterns it cannot (lookarounds...) are
 * prefiltered, so it reports a superset and PCRE2 decides. A gated rule's pattern
 * is not given to Hyperscan unless one of its keywords is an everyday word, so any
 * PCRE2 pattern will do there. */
static int pattern_info(kh_rule *r)
{
	hs_compile_error_t *cerr = NULL;
	hs_expr_info_t *info = NULL;
	int error = 0;
	r->prefilter = false;
	r->max_width = ULLONG_MAX;
	if (hs_expression_info(r->pattern, 0, &info, &cerr) != HS_SUCCESS) {
		hs_free_compile_error(cerr);
		cerr = NULL;
		r->prefilter = true;
		if (hs_expression_info(r->pattern, HS_FLAG_PREFILTER, &info, &cerr) != HS_SUCCESS &&
		    (!r->n_keywords || r->common_keywords) && !r->factor) {
			error = kh_error(KEYHOUND_ERULES, "%s: rule %s: Hyperscan rejects the pattern%s: %s",
					 r->file, r->id, r->common_keywords ? " (scanned as a pattern: its "
					 "keywords are everyday words)" : "", cerr->message);
			goto done;
		}
	}
	if (info && info->max_width != UINT_MAX)
		r->max_width = info->max_width;
	if (r->factor) {
		/* Hyperscan scans the factor: whether it runs exactly is the factor's affair */
		free(info);
		info = NULL;
		hs_free_compile_error(cerr);
		cerr = NULL;
		r->prefilter = hs_expression_info(r->factor, 0, &info, &cerr) != HS_SUCCESS;
		if (r->prefilter) {
			hs_free_compile_error(cerr);
			cerr = NULL;
			if (hs_expression_info(r->factor, HS_FLAG_PREFILTER, &info, &cerr) != HS_SUCCESS)
				error = kh_error(KEYHOUND_ERULES, "%s: rule %s: Hyperscan rejects the factor: %s",
						 r->file, r->id, cerr->message);
		}
	}
done:
	free(info);
	hs_free_compile_error(cerr);
	return error;
}

/* Compile the Hyperscan ids `ids` into one database. A pattern Hyperscan cannot run
 * exactly is prefiltered: it reports a superset, and PCRE2 decides. */
static int compile_part(kh_ruleset *rs, const char **exprs, unsigned *flags, const unsigned *ids,
			unsigned n, const hs_platform_info_t *platform, hs_database_t **out)
{
	const char **pe = kh_calloc(n, sizeof(char *));
	unsigned *pf = kh_calloc(n, sizeof(unsigned));
	hs_compile_error_t *cerr = NULL;
	int error = 0;

	for (;;) {
		for (unsigned k = 0; k < n; k++) {
			pe[k] = exprs[ids[k]];
			pf[k] = flags[ids[k]];
		}
		hs_error_t rc = hs_compile_multi(pe, pf, ids, n, HS_MODE_BLOCK, platform, out, &cerr);
		if (rc == HS_SUCCESS)
			break;
		int bad = cerr->expression;
		unsigned id = bad >= 0 ? ids[bad] : 0;
		if (bad >= 0 && !(flags[id] & (HS_FLAG_PREFILTER | HS_FLAG_CASELESS))) {
			rs->rules[rs->hs_to_rule[id]].prefilter = true;
			flags[id] |= HS_FLAG_PREFILTER;
			hs_free_compile_error(cerr);
			cerr = NULL;
			continue;
		}
		if (bad >= 0) {
			const kh_rule *r = &rs->rules[rs->hs_to_rule[id]];
			error = kh_error(KEYHOUND_ERULES, "%s: rule %s: Hyperscan rejects the %s: %s",
					 r->file, r->id, hs_keyword(rs, id) ? "keyword"
					 : r->factor ? "factor" : "pattern", cerr->message);
		} else {
			error = kh_error(KEYHOUND_ERULES, "Hyperscan cannot compile the rules: %s", cerr->message);
		}
		break;
	}
	hs_free_compile_error(cerr);
	free(pe);
	free(pf);
	return error;
}

/* The shared database over every rule that applies at any path (the keywords of gated
 * rules, the patterns of those with common keywords and of the rest), and one database
 * per rule scoped to paths. The patterns of rules with common keywords had a database of
 * their own, scanned after the shared one: in the shared one they cost Hyperscan a fifth
 * of what that second pass did (callgrind, C headers: 12.1 instructions per byte for
 * both together, 11.9 + 3.6 apart), since one literal pass serves them all. */
static int compile_hs(kh_ruleset *rs, const hs_platform_info_t *platform, hs_database_t **shared,
		      kh_hs_scoped **scoped, size_t *n_scoped)
{
	const char **exprs = kh_calloc(rs->n_hs, sizeof(char *));
	char **owned = kh_calloc(rs->n_hs, sizeof(char *));
	unsigned *flags = kh_calloc(rs->n_hs, sizeof(unsigned));
	unsigned *ids = kh_calloc(rs->n_hs, sizeof(unsigned));
	unsigned n = 0;
	int error = 0;

	*shared = NULL;
	*scoped = kh_calloc(count_scoped(rs) + 1, sizeof(**scoped));
	*n_scoped = 0;
	for (size_t i = 0; i < rs->n_rules && !error; i++)
		if (rs->rules[i].pattern)
			error = pattern_info(&rs->rules[i]);
	if (error)
		goto done;
	for (size_t i = 0; i < rs->n_hs; i++) {
		const char *kw = hs_keyword(rs, i);
		const kh_rule *r = &rs->rules[rs->hs_to_rule[i]];
		exprs[i] = kw ? (owned[i] = literal_expr(kw)) : r->factor ? r->factor : r->pattern;
		flags[i] = hs_flags(rs, i);
		if (!r->n_paths)
			ids[n++] = (unsigned)i;
	}
	if (n && (error = compile_part(rs, exprs, flags, ids, n, platform, shared)) < 0)
		goto done;
	for (size_t i = 0; i < rs->n_rules; i++) {
		const kh_rule *r = &rs->rules[i];
		hs_database_t *db = NULL;
		if (!r->pattern || !r->n_paths)
			continue;
		n = r->n_keywords && !r->common_keywords ? (unsigned)r->n_keywords : 1;
		for (unsigned k = 0; k < n; k++)
			ids[k] = r->hs_index + k;
		if ((error = compile_part(rs, exprs, flags, ids, n, platform, &db)) < 0)
			goto done;
		(*scoped)[(*n_scoped)++] = (kh_hs_scoped){.db = db, .rule = (unsigned)i};
	}
done:
	if (error) {
		hs_free_database(*shared);
		free_scoped(*scoped, *n_scoped);
		*shared = NULL;
		*scoped = NULL;
		*n_scoped = 0;
	}
	for (size_t i = 0; i < rs->n_hs; i++)
		free(owned[i]);
	free(owned);
	free(exprs);
	free(flags);
	free(ids);
	return error;
}

/* Keywords that are everyday words in code. Text holds one every few hundred bytes, and
 * confirming each hit with PCRE2 cost more than Hyperscan's whole scan (1.26 million
 * confirmations over 218 MB of C headers, nine rules); the same rules' patterns,
 * prefiltered, cost Hyperscan a fifth of that and hit 41 times. */
static const char *const common_words[] = {"key", "token", "secret", "pass", "passw", "password",
					   "passphrase", "pwd", "salt", "bearer", "crypt", "auth"};

/* Whether Hyperscan scans a gated rule's pattern (prefiltered) rather than its
 * keywords: one of them is an everyday word. Decided on the rule's text alone, since the
 * layout of a stored database depends on it (asking Hyperscan at each start-up cost more
 * than loading the database). A rule scoped to paths keeps its keywords: its database is
 * scanned only at its paths, and the scoped generic shapes cost Hyperscan more than
 * their keywords. */
static bool scans_pattern(const kh_rule *r)
{
	bool common = false;
	if (!r->pattern || !r->n_keywords || r->n_paths || r->factor)
		return false;
	for (size_t k = 0; k < r->n_keywords && !common; k++)
		for (size_t w = 0; w < sizeof(common_words) / sizeof(*common_words) && !common; w++)
			common = !strcasecmp(r->keywords[k], common_words[w]);
	return common;
}

int kh_ruleset_compile(kh_ruleset *rs, const kh_rules_load_opts *opts)
{
	uint8_t key_generic[32], key_host[32], secret[32];
	char hex[65], *cache = NULL;
	hs_database_t *db = NULL;
	int error = 0;

	pthread_mutex_init(&rs->re_lock, NULL);
	for (size_t i = 0; i < rs->n_rules; i++) {
		kh_rule *r = &rs->rules[i];
		r->common_keywords = scans_pattern(r);
		if (r->pattern)
			rs->n_hs += r->n_keywords && !r->common_keywords ? r->n_keywords : 1;
	}
	rs->hs_to_rule = kh_calloc(rs->n_hs + 1, sizeof(unsigned));
	rs->hs_keyword_len = kh_calloc(rs->n_hs + 1, 1);
	rs->n_hs = 0;
	for (size_t i = 0; i < rs->n_rules; i++) {
		kh_rule *r = &rs->rules[i];
		r->hs_index = UINT32_MAX;
		r->max_width = ULLONG_MAX;
		if (!r->pattern)
			continue;
		r->hs_index = (unsigned)rs->n_hs;
		size_t n_kw = r->common_keywords ? 0 : r->n_keywords;
		for (size_t k = 0; k < (n_kw ? n_kw : 1); k++) {
			rs->hs_keyword_len[rs->n_hs] = n_kw ? (unsigned char)strlen(r->keywords[k]) : 0;
			rs->hs_to_rule[rs->n_hs++] = (unsigned)i;
		}
	}
	if (!rs->n_hs)
		return 0;
	db_key(rs, "generic", key_generic);
	if (try_load_db(rs, opts->db_path, key_generic, NULL) == 0) /* shipped with the program */
		return 0;
	db_key(rs, "host", key_host);
	if (opts->cache_dir && kh_cache_secret(opts->cache_dir, secret) == 0) {
		kh_hex(key_host, 16, hex);
		cache = kh_sprintf("%s/rules-%s.hsdb", opts->cache_dir, hex);
		if (try_load_db(rs, cache, key_host, secret) == 0)
			goto done;
	}
	/* new patterns: check every one against PCRE2 now, so a bad rule is an error
	 * at load time (a cached database means these patterns passed before) */
	for (size_t i = 0; i < rs->n_hs; i++)
		if ((error = compile_pcre(&rs->rules[rs->hs_to_rule[i]])) < 0)
			goto done;
	if ((error = compile_hs(rs, NULL, &db, &rs->hs_scoped, &rs->n_hs_scoped)) < 0)
		goto done;
	rs->hs_db = db;
	if (db && hs_alloc_scratch(db, (hs_scratch_t **)&rs->hs_proto) != HS_SUCCESS) {
		error = kh_error(KEYHOUND_ENOMEM, "cannot allocate Hyperscan scratch");
		goto done;
	}
	if (cache) /* a cache that cannot be written is only slower */
		write_db(rs, db, rs->hs_scoped, rs->n_hs_scoped, cache, key_host, secret);
done:
	free(cache);
	return error;
}

int kh_rule_factor_holds(const kh_rule *r, const char *text, size_t len)
{
	pcre2_code *pat = NULL, *fac = NULL;
	pcre2_match_data *md = NULL, *fmd = NULL;
	int errcode, ok = 1;
	PCRE2_SIZE erroff, pos = 0;

	if (!r->factor || !r->pattern)
		return 1;
	pat = pcre2_compile((PCRE2_SPTR)r->pattern, PCRE2_ZERO_TERMINATED, 0, &errcode, &erroff,
			    kh_pcre2_compile_context());
	fac = pcre2_compile((PCRE2_SPTR)r->factor, PCRE2_ZERO_TERMINATED, 0, &errcode, &erroff,
			    kh_pcre2_compile_context());
	if (!pat || !fac) {
		ok = kh_error(KEYHOUND_ERULES, "%s: rule %s: PCRE2 rejects the %s", r->file, r->id,
			      pat ? "factor" : "pattern");
		goto done;
	}
	md = pcre2_match_data_create_from_pattern(pat, NULL);
	fmd = pcre2_match_data_create_from_pattern(fac, NULL);
	while (pos <= len && pcre2_match(pat, (PCRE2_SPTR)text, len, pos, 0, md, NULL) >= 0) {
		PCRE2_SIZE *ov = pcre2_get_ovector_pointer(md);
		PCRE2_SIZE ms = ov[0], me = ov[1];
		/* the factor inside the match's span, ending within KH_FACTOR_REACH of its start */
		size_t fend = me - ms > KH_FACTOR_REACH ? ms + KH_FACTOR_REACH : me;
		int rc = pcre2_match(fac, (PCRE2_SPTR)text, fend, ms, 0, fmd, NULL);
		if (rc < 0) {
			ok = 0;
			break;
		}
		pos = me > ms ? me : me + 1;
	}
done:
	pcre2_match_data_free(md);
	pcre2_match_data_free(fmd);
	pcre2_code_free(pat);
	pcre2_code_free(fac);
	return ok;
}

int kh_ruleset_write_db(const kh_ruleset *rs_const, const char *path)
{
	kh_ruleset *rs = (kh_ruleset *)rs_const; /* only max_width/prefilter are refreshed */
	hs_platform_info_t generic;
	hs_database_t *db = NULL;
	kh_hs_scoped *scoped = NULL;
	size_t n_scoped = 0;
	uint8_t key[32];
	int error = 0;

	memset(&generic, 0, sizeof(generic));
	/* no patterns (path rules only): an empty file, never loaded */
	if (rs->n_hs && (error = compile_hs(rs, &generic, &db, &scoped, &n_scoped)) < 0)
		return error;
	db_key(rs, "generic", key);
	if (write_db(rs, db, scoped, n_scoped, path, key, NULL) < 0) /* shipped: no cache key */
		error = kh_error(KEYHOUND_EIO, "%s: cannot write the compiled rules: %s", path, strerror(errno));
	hs_free_database(db);
	free_scoped(scoped, n_scoped);
	return error;
}
