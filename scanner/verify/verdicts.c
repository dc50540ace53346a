/* SPDX-License-Identifier: Apache-2.0 */
/* The verdict cache (verify.h; SQLite, mode 0600): rows keyed by an HMAC-SHA256 of the secret under
 * a random key made when the cache is created, so the file holds no secret and no plain
 * hash of one that a word list could be tried against. */
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/random.h>
#include <sys/stat.h>
#include <unistd.h>

#include "core/dl_sqlite.h"
#include "core/kh.h"
#include "verify/verify.h"

struct kh_verify_cache {
	sqlite3 *db;
	uint8_t key[32];
};

long kh_verify_cache_ttl(kh_verdict_status s)
{
	return s == KH_VERDICT_LIVE ? 24 * 3600L : s == KH_VERDICT_INVALID ? 7 * 24 * 3600L : 3600L;
}

static int db_error(kh_verify_cache *c, const char *path)
{
	return kh_error(KEYHOUND_EIO, "%s: %s", path, c->db ? sqlite3_errmsg(c->db) : "cannot open");
}

static int load_key(kh_verify_cache *c, const char *path)
{
	sqlite3_stmt *st = NULL;
	int error = 0;
	if (sqlite3_prepare_v2(c->db, "SELECT v FROM meta WHERE k = 'hmac-key'", -1, &st, NULL) != SQLITE_OK)
		return db_error(c, path);
	if (sqlite3_step(st) == SQLITE_ROW && sqlite3_column_bytes(st, 0) == 32) {
		memcpy(c->key, sqlite3_column_blob(st, 0), 32);
		goto done;
	}
	sqlite3_finalize(st);
	st = NULL;
	if (getrandom(c->key, sizeof(c->key), 0) != (ssize_t)sizeof(c->key)) {
		error = kh_error(KEYHOUND_EIO, "%s: no random bytes for the cache key", path);
		goto done;
	}
	if (sqlite3_prepare_v2(c->db, "INSERT OR REPLACE INTO meta (k, v) VALUES ('hmac-key', ?)", -1, &st,
			       NULL) != SQLITE_OK ||
	    sqlite3_bind_blob(st, 1, c->key, 32, SQLITE_TRANSIENT) != SQLITE_OK ||
	    sqlite3_step(st) != SQLITE_DONE)
		error = db_error(c, path);
done:
	sqlite3_finalize(st);
	return error;
}

int kh_verify_cache_open(kh_verify_cache **out, const char *path)
{
	kh_verify_cache *c = NULL;
	int error, fd;
	*out = NULL;
	if ((error = kh_dl_require(KH_DL_SQLITE)) < 0)
		return error;
	/* created 0600 before SQLite sees it; an existing file is narrowed to 0600 */
	if ((fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0600)) < 0)
		return kh_error(KEYHOUND_EIO, "%s: %s", path, strerror(errno));
	fchmod(fd, 0600);
	close(fd);
	c = kh_calloc(1, sizeof(*c));
	if (sqlite3_open_v2(path, &c->db, SQLITE_OPEN_READWRITE, NULL) != SQLITE_OK) {
		error = db_error(c, path);
		goto done;
	}
	sqlite3_busy_timeout(c->db, 5000);
	if (sqlite3_exec(c->db,
			 "CREATE TABLE IF NOT EXISTS meta (k TEXT PRIMARY KEY, v BLOB);"
			 "CREATE TABLE IF NOT EXISTS verdict (key BLOB PRIMARY KEY, status INTEGER, "
			 "reason TEXT, identity TEXT, scopes TEXT, checked_at INTEGER);",
			 NULL, NULL, NULL) != SQLITE_OK) {
		error = db_error(c, path);
		goto done;
	}
	if ((error = load_key(c, path)) < 0)
		goto done;
	*out = c;
	c = NULL;
done:
	kh_verify_cache_close(c);
	return error;
}

void kh_verify_cache_close(kh_verify_cache *c)
{
	if (!c)
		return;
	if (c->db)
		sqlite3_close(c->db);
	explicit_bzero(c->key, sizeof(c->key));
	free(c);
}

void kh_verify_cache_key(const kh_verify_cache *c, const void *what, size_t len, uint8_t out[32])
{
	kh_hmac_sha256(c->key, sizeof(c->key), what, len, out);
}

static char *column_text(sqlite3_stmt *st, int i)
{
	const unsigned char *t = sqlite3_column_text(st, i);
	return t ? kh_strdup((const char *)t) : NULL;
}

int kh_verify_cache_get(kh_verify_cache *c, const uint8_t key[32], time_t now, kh_verdict *out)
{
	sqlite3_stmt *st = NULL;
	int found = KEYHOUND_ENOTFOUND;
	memset(out, 0, sizeof(*out));
	if (sqlite3_prepare_v2(c->db, "SELECT status, reason, identity, scopes, checked_at FROM verdict "
				      "WHERE key = ?", -1, &st, NULL) != SQLITE_OK)
		return KEYHOUND_ENOTFOUND;
	sqlite3_bind_blob(st, 1, key, 32, SQLITE_STATIC);
	if (sqlite3_step(st) == SQLITE_ROW) {
		int s = sqlite3_column_int(st, 0);
		time_t at = (time_t)sqlite3_column_int64(st, 4);
		if (s >= KH_VERDICT_UNKNOWN && s <= KH_VERDICT_LIVE && at <= now &&
		    now - at < kh_verify_cache_ttl((kh_verdict_status)s)) {
			out->status = (kh_verdict_status)s;
			out->reason = column_text(st, 1);
			out->identity = column_text(st, 2);
			out->scopes = column_text(st, 3);
			out->checked_at = at;
			out->cached = true;
			found = 0;
		}
	}
	sqlite3_finalize(st);
	return found;
}

int kh_verify_cache_put(kh_verify_cache *c, const uint8_t key[32], const kh_verdict *v)
{
	sqlite3_stmt *st = NULL;
	int error = 0;
	if (sqlite3_prepare_v2(c->db, "INSERT OR REPLACE INTO verdict (key, status, reason, identity, "
				      "scopes, checked_at) VALUES (?, ?, ?, ?, ?, ?)", -1, &st, NULL) != SQLITE_OK)
		return kh_error(KEYHOUND_EIO, "verify cache: %s", sqlite3_errmsg(c->db));
	sqlite3_bind_blob(st, 1, key, 32, SQLITE_STATIC);
	sqlite3_bind_int(st, 2, (int)v->status);
	sqlite3_bind_text(st, 3, v->reason, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 4, v->identity, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 5, v->scopes, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 6, (sqlite3_int64)v->checked_at);
	if (sqlite3_step(st) != SQLITE_DONE)
		error = kh_error(KEYHOUND_EIO, "verify cache: %s", sqlite3_errmsg(c->db));
	sqlite3_finalize(st);
	return error;
}
