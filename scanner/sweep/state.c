/* SPDX-License-Identifier: Apache-2.0 */
/* The sweep's state in SQLite (WAL mode): repositories and their ref tips at the last
 * sweep, the blobs already matched (shared by every repository) with the rules that
 * matched them and their raw matches as offsets, the findings of each repository with
 * their provenance, and the findings already reported. Each repository is committed in
 * one transaction, so an interrupted sweep loses only the repository it was in. */
#include <fcntl.h>
#include "core/dl_sqlite.h"
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "rules/ruleset.h"
#include "sweep/sweep.h"

struct kh_state {
	sqlite3 *db;
	pthread_mutex_t lock;
	char *path;
};

/* The schema has one owner, this file: PRAGMA user_version says which of these steps a
 * state file has had, and opening one runs the steps it lacks, each in its own
 * transaction. A step is never edited once released: a change is a new step. */
static const char *const migrations[] = {
	/* 1: keyhound 0.1.0 */
	"CREATE TABLE IF NOT EXISTS meta(key TEXT PRIMARY KEY, value TEXT);"
	"CREATE TABLE IF NOT EXISTS repos(path TEXT PRIMARY KEY, tips TEXT, judge_key TEXT,"
	"  swept_at INTEGER, summary TEXT);"
	"CREATE TABLE IF NOT EXISTS blobs(oid BLOB PRIMARY KEY, match_key TEXT NOT NULL,"
	"  kind INTEGER NOT NULL) WITHOUT ROWID;"
	"CREATE TABLE IF NOT EXISTS matches(oid BLOB NOT NULL, rule_id TEXT NOT NULL,"
	"  start INTEGER, end INTEGER, sec_start INTEGER, sec_end INTEGER);"
	"CREATE INDEX IF NOT EXISTS matches_oid ON matches(oid);"
	"CREATE TABLE IF NOT EXISTS findings(repo TEXT NOT NULL, fingerprint TEXT NOT NULL,"
	"  finding TEXT NOT NULL);"
	"CREATE INDEX IF NOT EXISTS findings_repo ON findings(repo);"
	"CREATE TABLE IF NOT EXISTS reported(repo TEXT NOT NULL, fingerprint TEXT NOT NULL,"
	"  first_at INTEGER, PRIMARY KEY(repo, fingerprint)) WITHOUT ROWID;"
	"INSERT OR REPLACE INTO meta VALUES('schema', '1');",
	/* 2: mirrors (sweep --mirror): when each was last fetched, so a stale one says since
	 * when; the meta row 'schema' gives way to user_version */
	"CREATE TABLE IF NOT EXISTS mirrors(repo TEXT PRIMARY KEY, fetched_at INTEGER,"
	"  status TEXT);"
	"DELETE FROM meta WHERE key = 'schema';",
	/* 3: --verify's verdicts of the findings reported (status, reason, checked_at, identity,
	 * scopes, rotate as JSON; never a secret), so a repository that did not change reports
	 * its findings with their last verdict while it is younger than the cache's lifetimes */
	("CREATE TABLE IF NOT EXISTS verdicts(repo TEXT NOT NULL, fingerprint TEXT NOT NULL,"
	 "  verdict TEXT NOT NULL, PRIMARY KEY(repo, fingerprint)) WITHOUT ROWID;"),
};
#define SCHEMA_VERSION ((int)(sizeof(migrations) / sizeof(*migrations)))

static int db_fail(kh_state *s, const char *what)
{
	return kh_error(KEYHOUND_EIO, "%s: %s: %s", s->path, what, sqlite3_errmsg(s->db));
}

static int user_version(kh_state *s, int *v)
{
	sqlite3_stmt *st = NULL;
	int rc = sqlite3_prepare_v2(s->db, "PRAGMA user_version", -1, &st, NULL);

	if (rc == SQLITE_OK && (rc = sqlite3_step(st)) == SQLITE_ROW)
		*v = sqlite3_column_int(st, 0);
	sqlite3_finalize(st);
	return rc == SQLITE_ROW ? 0 : db_fail(s, "not a keyhound sweep state");
}

/* keyhound 0.1.0 left user_version at 0 and said "schema 1" in its meta table. */
static bool is_v010(kh_state *s)
{
	sqlite3_stmt *st = NULL;
	bool yes = sqlite3_prepare_v2(s->db, "SELECT value FROM meta WHERE key = 'schema'", -1, &st,
				      NULL) == SQLITE_OK &&
		   sqlite3_step(st) == SQLITE_ROW && sqlite3_column_text(st, 0) &&
		   !strcmp((const char *)sqlite3_column_text(st, 0), "1");
	sqlite3_finalize(st);
	return yes;
}

static int migrate(kh_state *s)
{
	char *msg = NULL, pragma[48];
	int v = 0, error;

	if ((error = user_version(s, &v)) < 0)
		return error;
	if (v == 0 && is_v010(s))
		v = 1;
	if (v > SCHEMA_VERSION)
		return kh_error(KEYHOUND_EINVAL, "%s: a sweep state of schema %d, written by a newer "
				"keyhound (this one knows up to %d): use that keyhound, or a new state file",
				s->path, v, SCHEMA_VERSION);
	for (; v < SCHEMA_VERSION; v++) {
		snprintf(pragma, sizeof(pragma), "PRAGMA user_version = %d;", v + 1);
		if (sqlite3_exec(s->db, "BEGIN IMMEDIATE", NULL, NULL, &msg) != SQLITE_OK ||
		    sqlite3_exec(s->db, migrations[v], NULL, NULL, &msg) != SQLITE_OK ||
		    sqlite3_exec(s->db, pragma, NULL, NULL, &msg) != SQLITE_OK ||
		    sqlite3_exec(s->db, "COMMIT", NULL, NULL, &msg) != SQLITE_OK) {
			error = kh_error(KEYHOUND_EIO, "%s: cannot bring the sweep state to schema %d: %s",
					 s->path, v + 1, msg ? msg : sqlite3_errmsg(s->db));
			sqlite3_exec(s->db, "ROLLBACK", NULL, NULL, NULL);
			sqlite3_free(msg);
			return error;
		}
	}
	return 0;
}

int kh_state_open(kh_state **out, const char *path)
{
	kh_state *s;
	sqlite3_stmt *st = NULL;
	char *msg = NULL;
	int error = 0, fd;

	*out = NULL;
	if ((error = kh_dl_require(KH_DL_SQLITE)) < 0)
		return error;
	s = kh_calloc(1, sizeof(*s));
	pthread_mutex_init(&s->lock, NULL);
	s->path = kh_strdup(path);
	/* it says which repositories hold secrets where: its owner's only (the WAL and
	 * shared-memory files take the same mode) */
	if ((fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0600)) < 0) {
		error = kh_error(KEYHOUND_EIO, "%s: cannot create the sweep state: %m", path);
		goto done;
	}
	close(fd);
	if (sqlite3_open_v2(path, &s->db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_FULLMUTEX, NULL) !=
	    SQLITE_OK) {
		error = db_fail(s, "cannot open the sweep state");
		goto done;
	}
	sqlite3_busy_timeout(s->db, 10000);
	if (sqlite3_exec(s->db, "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;", NULL, NULL,
			 &msg) != SQLITE_OK) {
		error = kh_error(KEYHOUND_EIO, "%s: not a keyhound sweep state: %s", path,
				 msg ? msg : "");
		goto done;
	}
	error = migrate(s);
done:
	sqlite3_finalize(st);
	sqlite3_free(msg);
	if (error) {
		kh_state_close(s);
		s = NULL;
	}
	*out = s;
	return error;
}

void kh_state_close(kh_state *s)
{
	if (!s)
		return;
	sqlite3_close(s->db);
	pthread_mutex_destroy(&s->lock);
	free(s->path);
	free(s);
}

int kh_state_load_blobs(kh_state *s, const char *match_key,
			void (*cb)(void *payload, const uint8_t id[20], int kind), void *payload)
{
	sqlite3_stmt *st = NULL;
	int error = 0, rc;

	pthread_mutex_lock(&s->lock);
	if (sqlite3_prepare_v2(s->db, "SELECT oid, kind FROM blobs WHERE match_key = ?", -1, &st,
			       NULL) != SQLITE_OK) {
		error = db_fail(s, "cannot read the blobs");
		goto done;
	}
	sqlite3_bind_text(st, 1, match_key, -1, SQLITE_STATIC);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW)
		if (sqlite3_column_bytes(st, 0) == 20)
			cb(payload, sqlite3_column_blob(st, 0), sqlite3_column_int(st, 1));
	if (rc != SQLITE_DONE)
		error = db_fail(s, "cannot read the blobs");
done:
	sqlite3_finalize(st);
	pthread_mutex_unlock(&s->lock);
	return error;
}

int kh_state_blob_matches(kh_state *s, const uint8_t id[20], const kh_ruleset *rs, kh_raw **out,
			  uint32_t *n_out)
{
	sqlite3_stmt *st = NULL;
	kh_raw *v = NULL;
	uint32_t n = 0, cap = 0;
	int error = 0, rc;

	pthread_mutex_lock(&s->lock);
	if (sqlite3_prepare_v2(s->db,
			       "SELECT rule_id, start, end, sec_start, sec_end FROM matches "
			       "WHERE oid = ? ORDER BY rowid", -1, &st, NULL) != SQLITE_OK) {
		error = db_fail(s, "cannot read the matches");
		goto done;
	}
	sqlite3_bind_blob(st, 1, id, 20, SQLITE_STATIC);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		const kh_rule *r = kh_ruleset_find(rs, (const char *)sqlite3_column_text(st, 0));
		if (!r) {
			error = KEYHOUND_ENOTFOUND;
			goto done;
		}
		if (n == cap)
			v = kh_realloc(v, sizeof(*v) * (cap = cap * 2 + 4));
		v[n++] = (kh_raw){ (uint32_t)(r - rs->rules), (uint64_t)sqlite3_column_int64(st, 1),
				   (uint64_t)sqlite3_column_int64(st, 2),
				   (uint64_t)sqlite3_column_int64(st, 3),
				   (uint64_t)sqlite3_column_int64(st, 4) };
	}
	if (rc != SQLITE_DONE)
		error = db_fail(s, "cannot read the matches");
done:
	sqlite3_finalize(st);
	pthread_mutex_unlock(&s->lock);
	if (error) {
		free(v);
		v = NULL;
		n = 0;
	}
	*out = v;
	*n_out = n;
	return error;
}

static char *column_dup(sqlite3_stmt *st, int i)
{
	const unsigned char *t = sqlite3_column_text(st, i);
	return t ? kh_strdup((const char *)t) : NULL;
}

int kh_state_repo(kh_state *s, const char *repo, char **tips, char **judge_key, json_t **summary)
{
	sqlite3_stmt *st = NULL;
	int error = 0;

	*tips = *judge_key = NULL;
	*summary = NULL;
	pthread_mutex_lock(&s->lock);
	if (sqlite3_prepare_v2(s->db, "SELECT tips, judge_key, summary FROM repos WHERE path = ?", -1,
			       &st, NULL) != SQLITE_OK) {
		error = db_fail(s, "cannot read the repositories");
		goto done;
	}
	sqlite3_bind_text(st, 1, repo, -1, SQLITE_STATIC);
	if (sqlite3_step(st) == SQLITE_ROW) {
		char *sum = column_dup(st, 2);
		*tips = column_dup(st, 0);
		*judge_key = column_dup(st, 1);
		*summary = sum ? json_loads(sum, 0, NULL) : NULL;
		free(sum);
	}
done:
	sqlite3_finalize(st);
	pthread_mutex_unlock(&s->lock);
	return error;
}

int kh_state_findings(kh_state *s, const char *repo, json_t **out)
{
	sqlite3_stmt *st = NULL;
	json_t *arr = json_array();
	int error = 0, rc;

	pthread_mutex_lock(&s->lock);
	if (sqlite3_prepare_v2(s->db, "SELECT finding FROM findings WHERE repo = ? ORDER BY rowid", -1,
			       &st, NULL) != SQLITE_OK) {
		error = db_fail(s, "cannot read the findings");
		goto done;
	}
	sqlite3_bind_text(st, 1, repo, -1, SQLITE_STATIC);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		json_t *f = json_loads((const char *)sqlite3_column_text(st, 0), 0, NULL);
		if (f)
			json_array_append_new(arr, f);
	}
	if (rc != SQLITE_DONE)
		error = db_fail(s, "cannot read the findings");
done:
	sqlite3_finalize(st);
	pthread_mutex_unlock(&s->lock);
	if (error) {
		json_decref(arr);
		arr = NULL;
	}
	*out = arr;
	return error;
}

bool kh_state_reported(kh_state *s, const char *repo, const char *fingerprint)
{
	sqlite3_stmt *st = NULL;
	bool seen = false;

	pthread_mutex_lock(&s->lock);
	if (sqlite3_prepare_v2(s->db, "SELECT 1 FROM reported WHERE repo = ? AND fingerprint = ?", -1,
			       &st, NULL) == SQLITE_OK) {
		sqlite3_bind_text(st, 1, repo, -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 2, fingerprint, -1, SQLITE_STATIC);
		seen = sqlite3_step(st) == SQLITE_ROW;
	}
	sqlite3_finalize(st);
	pthread_mutex_unlock(&s->lock);
	return seen;
}

static int exec_blobs(kh_state *s, const kh_repo_commit *c, const kh_ruleset *rs)
{
	sqlite3_stmt *ins = NULL, *del = NULL, *m = NULL;
	int error = 0;

	if (sqlite3_prepare_v2(s->db, "INSERT OR REPLACE INTO blobs VALUES(?, ?, ?)", -1, &ins, NULL) ||
	    sqlite3_prepare_v2(s->db, "DELETE FROM matches WHERE oid = ?", -1, &del, NULL) ||
	    sqlite3_prepare_v2(s->db, "INSERT INTO matches VALUES(?, ?, ?, ?, ?, ?)", -1, &m, NULL)) {
		error = db_fail(s, "cannot record the blobs");
		goto done;
	}
	for (size_t i = 0; i < c->n_blobs; i++) {
		const kh_new_blob *b = &c->blobs[i];
		sqlite3_bind_blob(ins, 1, b->id, 20, SQLITE_STATIC);
		sqlite3_bind_text(ins, 2, c->match_key, -1, SQLITE_STATIC);
		sqlite3_bind_int(ins, 3, b->kind);
		sqlite3_bind_blob(del, 1, b->id, 20, SQLITE_STATIC);
		if (sqlite3_step(ins) != SQLITE_DONE || sqlite3_step(del) != SQLITE_DONE) {
			error = db_fail(s, "cannot record a blob");
			goto done;
		}
		sqlite3_reset(ins);
		sqlite3_reset(del);
		for (uint32_t k = 0; k < b->n_m; k++) {
			const kh_raw *r = &b->m[k];
			sqlite3_bind_blob(m, 1, b->id, 20, SQLITE_STATIC);
			sqlite3_bind_text(m, 2, rs->rules[r->rule].id, -1, SQLITE_STATIC);
			sqlite3_bind_int64(m, 3, (sqlite3_int64)r->start);
			sqlite3_bind_int64(m, 4, (sqlite3_int64)r->end);
			sqlite3_bind_int64(m, 5, (sqlite3_int64)r->sec_start);
			sqlite3_bind_int64(m, 6, (sqlite3_int64)r->sec_end);
			if (sqlite3_step(m) != SQLITE_DONE) {
				error = db_fail(s, "cannot record a match");
				goto done;
			}
			sqlite3_reset(m);
		}
	}
done:
	sqlite3_finalize(ins);
	sqlite3_finalize(del);
	sqlite3_finalize(m);
	return error;
}

static int exec_findings(kh_state *s, const kh_repo_commit *c)
{
	sqlite3_stmt *del = NULL, *ins = NULL;
	size_t i;
	json_t *f;
	int error = 0;

	if (sqlite3_prepare_v2(s->db, "DELETE FROM findings WHERE repo = ?", -1, &del, NULL) ||
	    sqlite3_prepare_v2(s->db, "INSERT INTO findings VALUES(?, ?, ?)", -1, &ins, NULL)) {
		error = db_fail(s, "cannot record the findings");
		goto done;
	}
	sqlite3_bind_text(del, 1, c->repo, -1, SQLITE_STATIC);
	if (sqlite3_step(del) != SQLITE_DONE) {
		error = db_fail(s, "cannot record the findings");
		goto done;
	}
	json_array_foreach(c->findings, i, f) {
		char *text = json_dumps(f, JSON_COMPACT | JSON_PRESERVE_ORDER | JSON_REAL_PRECISION(6));
		const char *fp = json_string_value(json_object_get(f, "fingerprint"));
		sqlite3_bind_text(ins, 1, c->repo, -1, SQLITE_STATIC);
		sqlite3_bind_text(ins, 2, fp ? fp : "", -1, SQLITE_STATIC);
		sqlite3_bind_text(ins, 3, text, -1, free);
		if (sqlite3_step(ins) != SQLITE_DONE) {
			error = db_fail(s, "cannot record a finding");
			goto done;
		}
		sqlite3_reset(ins);
	}
done:
	sqlite3_finalize(del);
	sqlite3_finalize(ins);
	return error;
}

int kh_state_verdicts(kh_state *s, const char *repo, json_t **out)
{
	sqlite3_stmt *st = NULL;
	json_t *obj = json_object();
	int error = 0, rc;

	pthread_mutex_lock(&s->lock);
	if (sqlite3_prepare_v2(s->db, "SELECT fingerprint, verdict FROM verdicts WHERE repo = ?", -1, &st,
			       NULL) != SQLITE_OK) {
		error = db_fail(s, "cannot read the verdicts");
		goto done;
	}
	sqlite3_bind_text(st, 1, repo, -1, SQLITE_STATIC);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		const char *fp = (const char *)sqlite3_column_text(st, 0);
		json_t *v = json_loads((const char *)sqlite3_column_text(st, 1), 0, NULL);
		if (fp && json_is_object(v))
			json_object_set_new(obj, fp, v);
		else
			json_decref(v);
	}
	if (rc != SQLITE_DONE)
		error = db_fail(s, "cannot read the verdicts");
done:
	sqlite3_finalize(st);
	pthread_mutex_unlock(&s->lock);
	if (error) {
		json_decref(obj);
		obj = NULL;
	}
	*out = obj;
	return error;
}

/* Findings are marked reported only once the report holding them is delivered (the caller
 * says when): a run killed before that reports them again, never loses them. Their
 * verdicts (verdicts[i], JSON text, or NULL) are kept in the same transaction. */
int kh_state_mark_reported(kh_state *s, const char *const *repos, const char *const *fingerprints,
			   const char *const *verdicts, size_t n)
{
	sqlite3_stmt *rep = NULL, *ver = NULL;
	int error = 0;

	pthread_mutex_lock(&s->lock);
	if (sqlite3_exec(s->db, "BEGIN IMMEDIATE", NULL, NULL, NULL) != SQLITE_OK) {
		error = db_fail(s, "cannot start a transaction");
		goto done;
	}
	if (sqlite3_prepare_v2(s->db, "INSERT OR IGNORE INTO reported VALUES(?, ?, strftime('%s','now'))",
			       -1, &rep, NULL) != SQLITE_OK) {
		error = db_fail(s, "cannot record what was reported");
		goto rollback;
	}
	if (verdicts && sqlite3_prepare_v2(s->db, "INSERT OR REPLACE INTO verdicts VALUES(?, ?, ?)", -1, &ver,
					   NULL) != SQLITE_OK) {
		error = db_fail(s, "cannot record the verdicts");
		goto rollback;
	}
	for (size_t i = 0; i < n; i++) {
		sqlite3_bind_text(rep, 1, repos[i], -1, SQLITE_STATIC);
		sqlite3_bind_text(rep, 2, fingerprints[i], -1, SQLITE_STATIC);
		if (sqlite3_step(rep) != SQLITE_DONE) {
			error = db_fail(s, "cannot record what was reported");
			goto rollback;
		}
		sqlite3_reset(rep);
		if (!verdicts || !verdicts[i])
			continue;
		sqlite3_bind_text(ver, 1, repos[i], -1, SQLITE_STATIC);
		sqlite3_bind_text(ver, 2, fingerprints[i], -1, SQLITE_STATIC);
		sqlite3_bind_text(ver, 3, verdicts[i], -1, SQLITE_STATIC);
		if (sqlite3_step(ver) != SQLITE_DONE) {
			error = db_fail(s, "cannot record the verdicts");
			goto rollback;
		}
		sqlite3_reset(ver);
	}
	sqlite3_finalize(rep);
	sqlite3_finalize(ver);
	rep = ver = NULL;
	if (sqlite3_exec(s->db, "COMMIT", NULL, NULL, NULL) != SQLITE_OK) {
		error = db_fail(s, "cannot commit");
		goto rollback;
	}
	goto done;
rollback:
	sqlite3_exec(s->db, "ROLLBACK", NULL, NULL, NULL);
done:
	sqlite3_finalize(rep);
	sqlite3_finalize(ver);
	pthread_mutex_unlock(&s->lock);
	return error;
}

int kh_state_commit(kh_state *s, const kh_repo_commit *c, const kh_ruleset *rs)
{
	sqlite3_stmt *st = NULL;
	char *sum = c->summary ? json_dumps(c->summary, JSON_COMPACT | JSON_PRESERVE_ORDER) : NULL;
	int error = 0;

	pthread_mutex_lock(&s->lock);
	if (sqlite3_exec(s->db, "BEGIN IMMEDIATE", NULL, NULL, NULL) != SQLITE_OK) {
		error = db_fail(s, "cannot start a transaction");
		goto done;
	}
	if ((error = exec_blobs(s, c, rs)) < 0 || (error = exec_findings(s, c)) < 0)
		goto rollback;
	if (sqlite3_prepare_v2(s->db, "INSERT OR REPLACE INTO repos VALUES(?, ?, ?, strftime('%s','now'), ?)",
			       -1, &st, NULL) != SQLITE_OK) {
		error = db_fail(s, "cannot record the repository");
		goto rollback;
	}
	sqlite3_bind_text(st, 1, c->repo, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, c->tips, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 3, c->judge_key, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 4, sum, -1, SQLITE_STATIC);
	if (sqlite3_step(st) != SQLITE_DONE) {
		error = db_fail(s, "cannot record the repository");
		goto rollback;
	}
	if (sqlite3_exec(s->db, "COMMIT", NULL, NULL, NULL) != SQLITE_OK) {
		error = db_fail(s, "cannot commit");
		goto rollback;
	}
	goto done;
rollback:
	sqlite3_exec(s->db, "ROLLBACK", NULL, NULL, NULL);
done:
	sqlite3_finalize(st);
	pthread_mutex_unlock(&s->lock);
	free(sum);
	return error;
}

int kh_state_mirror(kh_state *s, const char *repo, const char *status, bool fetched, int64_t *last_fetch)
{
	sqlite3_stmt *st = NULL;
	int error = 0;

	*last_fetch = 0;
	pthread_mutex_lock(&s->lock);
	if (sqlite3_prepare_v2(s->db, "SELECT fetched_at FROM mirrors WHERE repo = ?", -1, &st, NULL) !=
	    SQLITE_OK) {
		error = db_fail(s, "cannot read the mirrors");
		goto done;
	}
	sqlite3_bind_text(st, 1, repo, -1, SQLITE_STATIC);
	if (sqlite3_step(st) == SQLITE_ROW)
		*last_fetch = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	st = NULL;
	if (sqlite3_prepare_v2(s->db, fetched ?
			       "INSERT OR REPLACE INTO mirrors VALUES(?, strftime('%s','now'), ?)" :
			       "INSERT INTO mirrors VALUES(?, NULL, ?) ON CONFLICT(repo) DO UPDATE SET status = excluded.status",
			       -1, &st, NULL) != SQLITE_OK) {
		error = db_fail(s, "cannot record the mirror");
		goto done;
	}
	sqlite3_bind_text(st, 1, repo, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, status, -1, SQLITE_STATIC);
	if (sqlite3_step(st) != SQLITE_DONE)
		error = db_fail(s, "cannot record the mirror");
done:
	sqlite3_finalize(st);
	pthread_mutex_unlock(&s->lock);
	return error;
}
