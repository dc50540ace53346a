/* SPDX-License-Identifier: Apache-2.0 */
/* Mirrors of clone URLs for `sweep --mirror DIR`: a bare copy of each remote at
 * DIR/<host>/<path>.git, cloned the first time and fetched with prune after, by the git
 * program (so credential helpers, GIT_ASKPASS and the SSH agent work).
 *
 * git never prompts and never waits for ever: GIT_TERMINAL_PROMPT=0, ssh in batch mode,
 * HTTP low-speed limits, and the whole fetch killed (its process group) at --fetch-timeout.
 * A URL's userinfo never reaches git's command line, its configuration or the disk: git is
 * given the URL without it, and the user name and password through a one-shot askpass
 * program that reads them from git's environment (credential helpers are turned off for
 * that fetch, so none stores them). */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <ftw.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "sweep/sweep.h"


/* ---- URLs ---- */

static bool has_prefix(const char *s, const char *p)
{
	return strncmp(s, p, strlen(p)) == 0;
}

/* "scheme://" or scp-like "user@host:path" (a colon before any slash, not a Windows drive) */
bool kh_url_is_remote(const char *s)
{
	const char *colon, *slash;

	if (has_prefix(s, "https://") || has_prefix(s, "http://") || has_prefix(s, "ssh://") ||
	    has_prefix(s, "git://") || has_prefix(s, "file://") || has_prefix(s, "git+ssh://") ||
	    has_prefix(s, "ssh+git://"))
		return true;
	if (strstr(s, "://"))
		return true; /* a scheme we do not fetch: kh_url_parse says which */
	colon = strchr(s, ':');
	slash = strchr(s, '/');
	return colon && colon > s && (!slash || colon < slash) && strchr(s, '@') && strchr(s, '@') < colon;
}

/* %XX decoded; NULL when a decoded byte is a control byte or the encoding is broken */
static char *pct_decode(const char *s, size_t n)
{
	char *out = kh_malloc(n + 1), *w = out;

	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];
		if (c == '%') {
			if (i + 2 >= n) {
				free(out);
				return NULL;
			}
			int h = kh_hex_digit(s[i + 1]), l = kh_hex_digit(s[i + 2]);
			if (h < 0 || l < 0) {
				free(out);
				return NULL;
			}
			c = (unsigned char)(h * 16 + l);
			i += 2;
		}
		if (c < 0x20 || c == 0x7f) {
			free(out);
			return NULL;
		}
		*w++ = (char)c;
	}
	*w = 0;
	return out;
}

void kh_url_free(kh_url *u)
{
	if (!u)
		return;
	free(u->name);
	free(u->git_url);
	free(u->rel);
	if (u->pass)
		memset(u->pass, 0, strlen(u->pass));
	free(u->user);
	free(u->pass);
	memset(u, 0, sizeof(*u));
}

static bool host_ok(const char *h, size_t n)
{
	if (!n || n > 253)
		return false;
	if (h[0] == '[') /* an IPv6 literal */
		return n > 2 && h[n - 1] == ']' && strspn(h + 1, "0123456789abcdefABCDEF:.") == n - 2;
	if (h[0] == '-' || h[0] == '.')
		return false;
	for (size_t i = 0; i < n; i++)
		if (!((h[i] >= 'a' && h[i] <= 'z') || (h[i] >= 'A' && h[i] <= 'Z') ||
		      (h[i] >= '0' && h[i] <= '9') || h[i] == '-' || h[i] == '.' || h[i] == '_'))
			return false;
	return memmem(h, n, "..", 2) == NULL;
}

/* The path's segments joined by '/', without empty ones and a trailing ".git"; NULL when a
 * segment is "." or "..", or holds a byte that has no place in a folder name. */
static char *clean_repo_path(const char *p, size_t n, bool *had_git)
{
	kh_buf b = { 0 };
	size_t i = 0;

	while (i < n) {
		size_t s = i, len;
		while (i < n && p[i] != '/')
			i++;
		len = i - s;
		if (i < n)
			i++;
		if (!len)
			continue;
		if ((len == 1 && p[s] == '.') || (len == 2 && p[s] == '.' && p[s + 1] == '.'))
			goto bad;
		for (size_t k = s; k < s + len; k++) {
			unsigned char c = (unsigned char)p[k];
			if (c < 0x20 || c == 0x7f || c == '\\' || c == '%' || c == '?' || c == '#')
				goto bad;
		}
		if (b.len)
			kh_buf_put(&b, "/", 1);
		kh_buf_put(&b, p + s, len);
	}
	if (!b.len)
		goto bad;
	kh_buf_put(&b, "", 1);
	b.len--;
	*had_git = b.len > 4 && !strcmp(b.buf + b.len - 4, ".git");
	if (*had_git)
		b.buf[b.len -= 4] = 0;
	/* "a/.git" or "a/b/.git" would leave an empty last segment or a dot-file */
	if (!b.len || b.buf[b.len - 1] == '/' || !strcmp(b.buf, ".") ||
	    (b.len >= 2 && !strcmp(b.buf + b.len - 2, "/.")) ||
	    (b.len >= 3 && !strcmp(b.buf + b.len - 3, "/..")) || !strcmp(b.buf, ".."))
		goto bad;
	return kh_buf_detach(&b);
bad:
	free(b.buf);
	return NULL;
}

static int url_fail(kh_url *u, const char *why)
{
	kh_url_free(u);
	return kh_error(KEYHOUND_EINVAL, "not a clone URL keyhound can mirror: %s", why);
}

int kh_url_parse(kh_url *u, const char *text)
{
	const char *scheme = NULL, *rest, *auth_end, *host, *host_end, *path, *at;
	char *path_clean = NULL, *host_l = NULL;
	unsigned port = 0, def_port = 0;
	bool scp = false, had_git = false;
	size_t slen;

	memset(u, 0, sizeof(*u));
	if (!text || !*text || strlen(text) > 4096)
		return url_fail(u, "empty or longer than 4096 bytes");
	for (const unsigned char *c = (const unsigned char *)text; *c; c++)
		if (*c <= 0x20 || *c == 0x7f)
			return url_fail(u, "it holds a space or a control byte");
	if (has_prefix(text, "https://"))
		scheme = "https", def_port = 443;
	else if (has_prefix(text, "http://"))
		scheme = "http", def_port = 80;
	else if (has_prefix(text, "ssh://") || has_prefix(text, "git+ssh://") || has_prefix(text, "ssh+git://"))
		scheme = "ssh", def_port = 22;
	else if (has_prefix(text, "git://"))
		scheme = "git", def_port = 9418;
	else if (has_prefix(text, "file://"))
		scheme = "file";
	else if (strstr(text, "://"))
		return url_fail(u, "the scheme is none of https, http, ssh, git, file");
	if (scheme) {
		rest = strstr(text, "://") + 3;
	} else {
		/* scp-like user@host:path */
		const char *colon = strchr(text, ':');
		if (!colon || !strchr(text, '@') || strchr(text, '@') > colon)
			return url_fail(u, "neither scheme://host/path nor user@host:path");
		scheme = "ssh", def_port = 22, scp = true;
		rest = text;
	}
	if (!strcmp(scheme, "file")) {
		/* file:///abs/path or file://localhost/abs/path */
		if (has_prefix(rest, "localhost/"))
			rest += 9;
		if (*rest != '/')
			return url_fail(u, "a file URL names an absolute path: file:///path");
		if (!(path_clean = clean_repo_path(rest, strlen(rest), &had_git)))
			return url_fail(u, "a path segment is '.', '..' or holds a byte that cannot name a folder");
		u->name = kh_sprintf("file:///%s", path_clean);
		/* git is given the path as written (with its ".git" if it had one) */
		u->git_url = kh_sprintf("file:///%s%s", path_clean, had_git ? ".git" : "");
		u->rel = kh_sprintf("file/%s.git", path_clean);
		free(path_clean);
		return 0;
	}
	/* authority: [userinfo@]host[:port] up to the first '/' (scp-like: up to the ':') */
	auth_end = scp ? strchr(rest, ':') : rest + strcspn(rest, "/");
	at = NULL;
	for (const char *c = rest; c < auth_end; c++)
		if (*c == '@')
			at = c; /* the last '@': a password may hold one only encoded, but be lenient */
	host = at ? at + 1 : rest;
	if (at) {
		const char *colon = memchr(rest, ':', (size_t)(at - rest));
		size_t ulen = colon ? (size_t)(colon - rest) : (size_t)(at - rest);
		if (!(u->user = pct_decode(rest, ulen)))
			return url_fail(u, "the user name's %-encoding is broken");
		if (colon && !(u->pass = pct_decode(colon + 1, (size_t)(at - colon - 1))))
			return url_fail(u, "the password's %-encoding is broken");
	}
	host_end = auth_end;
	if (!scp && host < auth_end) {
		/* a port after the host ("[v6]:port" or "host:port") */
		const char *c = host[0] == '[' ? memchr(host, ']', (size_t)(auth_end - host)) : host;
		const char *colon = c ? memchr(c, ':', (size_t)(auth_end - c)) : NULL;
		if (colon) {
			char *end;
			unsigned long p = strtoul(colon + 1, &end, 10);
			if (end != auth_end || colon + 1 == auth_end || p == 0 || p > 65535)
				return url_fail(u, "the port is not a number from 1 to 65535");
			port = (unsigned)p;
			host_end = colon;
		}
	}
	if (!host_ok(host, (size_t)(host_end - host)))
		return url_fail(u, "the host name is empty or not a host name");
	host_l = kh_strndup(host, (size_t)(host_end - host));
	for (char *c = host_l; *c; c++)
		if (*c >= 'A' && *c <= 'Z')
			*c = (char)(*c - 'A' + 'a');
	path = scp ? auth_end + 1 : auth_end;
	slen = strcspn(path, "?#");
	if (path[slen]) {
		free(host_l);
		return url_fail(u, "a query or fragment (?, #) has no place in a clone URL");
	}
	if (!(path_clean = clean_repo_path(path, slen, &had_git))) {
		free(host_l);
		return url_fail(u, "the path is empty, has a '.' or '..' segment, or a byte that cannot name a folder");
	}
	if (port == def_port)
		port = 0;
	{
		char portbuf[16] = "", dirport[16] = "";
		if (port) {
			snprintf(portbuf, sizeof(portbuf), ":%u", port);
			snprintf(dirport, sizeof(dirport), "_%u", port);
		}
		u->name = kh_sprintf("%s://%s%s/%s", scheme, host_l, portbuf, path_clean);
		if (!strcmp(scheme, "ssh")) {
			/* ssh keeps its login name (not a secret); a password has no place there */
			const char *login = u->user && *u->user ? u->user : NULL;
			if (scp)
				u->git_url = kh_sprintf("%s%s%s:%s%s", login ? login : "", login ? "@" : "",
							host_l, path_clean, had_git ? ".git" : "");
			else
				u->git_url = kh_sprintf("ssh://%s%s%s%s/%s%s", login ? login : "",
							login ? "@" : "", host_l, portbuf, path_clean,
							had_git ? ".git" : "");
			if (login && strchr(login, '@')) {
				free(host_l);
				free(path_clean);
				return url_fail(u, "the ssh login name holds an '@'");
			}
			free(u->user);
			u->user = NULL;
		} else {
			u->git_url = kh_sprintf("%s://%s%s/%s%s", scheme, host_l, portbuf, path_clean,
						had_git ? ".git" : "");
		}
		u->rel = kh_sprintf("%s%s/%s.git", host_l, dirport, path_clean);
	}
	if (u->user && !*u->user && (!u->pass || !*u->pass)) {
		free(u->user);
		free(u->pass);
		u->user = u->pass = NULL;
	}
	free(host_l);
	free(path_clean);
	return 0;
}

/* ---- running git ---- */

struct kh_mirrors {
	kh_mirror_opts o;
	char *askpass_dir, *askpass;
	pthread_mutex_t lock;
	uint64_t used;              /* bytes under the mirror folder */
	bool budget_hit;
};

static uint64_t du_total;
static pthread_mutex_t du_lock = PTHREAD_MUTEX_INITIALIZER;

static int du_one(const char *p, const struct stat *st, int flag, struct FTW *ftw)
{
	(void)p;
	(void)ftw;
	if (flag == FTW_F)
		du_total += (uint64_t)st->st_blocks * 512u;
	return 0;
}

/* Bytes a folder takes on disk (what a budget is about). */
static uint64_t disk_usage(const char *dir)
{
	uint64_t n;
	pthread_mutex_lock(&du_lock);
	du_total = 0;
	nftw(dir, du_one, 16, FTW_PHYS);
	n = du_total;
	pthread_mutex_unlock(&du_lock);
	return n;
}

static int rm_one(const char *p, const struct stat *st, int flag, struct FTW *ftw)
{
	(void)st;
	(void)ftw;
	return flag == FTW_DP ? rmdir(p) : unlink(p);
}

static void remove_tree(const char *dir)
{
	nftw(dir, rm_one, 16, FTW_DEPTH | FTW_PHYS);
}

static int mkdirs(const char *path)
{
	char *p = kh_strdup(path);
	int rc = 0;

	for (char *s = p + 1; *s; s++) {
		if (*s != '/')
			continue;
		*s = 0;
		if (mkdir(p, 0700) < 0 && errno != EEXIST)
			rc = -1;
		*s = '/';
	}
	if (rc == 0 && mkdir(p, 0700) < 0 && errno != EEXIST)
		rc = -1;
	free(p);
	return rc;
}

static const char askpass_script[] =
	"#!/bin/sh\n"
	"# keyhound's one-shot askpass: answers git from its environment, holds nothing itself\n"
	"case \"$1\" in\n"
	"[Uu]sername*) printf '%s\\n' \"$KEYHOUND_ASKPASS_USER\" ;;\n"
	"*) printf '%s\\n' \"$KEYHOUND_ASKPASS_PASS\" ;;\n"
	"esac\n";

int kh_mirrors_new(kh_mirrors **out, const kh_mirror_opts *o)
{
	kh_mirrors *m = kh_calloc(1, sizeof(*m));
	struct stat st;

	*out = NULL;
	m->o = *o;
	m->o.dir = NULL;
	pthread_mutex_init(&m->lock, NULL);
	if (mkdirs(o->dir) < 0 || stat(o->dir, &st) < 0 || !S_ISDIR(st.st_mode) ||
	    access(o->dir, W_OK | X_OK) < 0) {
		int error = kh_error(KEYHOUND_EIO, "--mirror %s: cannot create or write the folder: %s",
				     o->dir, strerror(errno ? errno : ENOTDIR));
		kh_mirrors_free(m);
		return error;
	}
	m->o.dir = kh_strdup(o->dir);
	if (o->budget)
		m->used = disk_usage(o->dir);
	*out = m;
	return 0;
}

void kh_mirrors_free(kh_mirrors *m)
{
	if (!m)
		return;
	if (m->askpass) {
		unlink(m->askpass);
		rmdir(m->askpass_dir);
	}
	free(m->askpass);
	free(m->askpass_dir);
	free((char *)m->o.dir);
	pthread_mutex_destroy(&m->lock);
	free(m);
}

/* The askpass program, written once per run (it holds no secret) in a folder of our own. */
static const char *askpass_path(kh_mirrors *m)
{
	const char *tmp = m->o.tmp_dir;
	char *dir;
	FILE *f;

	pthread_mutex_lock(&m->lock);
	if (!m->askpass) {
		dir = kh_sprintf("%s/keyhound-askpass-XXXXXX", tmp && *tmp ? tmp : "/tmp");
		if (mkdtemp(dir)) {
			char *p = kh_sprintf("%s/askpass", dir);
			int fd = open(p, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0700);
			if (fd >= 0 && (f = fdopen(fd, "w"))) {
				fputs(askpass_script, f);
				if (fclose(f) == 0) {
					m->askpass = p;
					m->askpass_dir = dir;
					dir = NULL;
					p = NULL;
				}
			} else if (fd >= 0) {
				close(fd);
			}
			if (p) {
				unlink(p);
				free(p);
			}
			if (dir)
				rmdir(dir);
		}
		free(dir);
	}
	pthread_mutex_unlock(&m->lock);
	return m->askpass;
}

typedef struct {
	char **v;
	size_t n, cap;
} strv;

static void sv_add(strv *s, char *str)
{
	if (s->n + 2 > s->cap)
		s->v = kh_realloc(s->v, sizeof(char *) * (s->cap = s->cap * 2 + 16));
	s->v[s->n++] = str;
	s->v[s->n] = NULL;
}

static void sv_free(strv *s)
{
	for (size_t i = 0; i < s->n; i++) {
		if (has_prefix(s->v[i], "KEYHOUND_ASKPASS_"))
			memset(s->v[i], 0, strlen(s->v[i]));
		free(s->v[i]);
	}
	free(s->v);
}

/* git's environment: the caller's, never prompting, ssh in batch mode, LFS not fetched. */
static void git_env(kh_mirrors *m, const kh_url *u, strv *env)
{
	const char *const *e0 = m->o.environment;
	bool ssh_set = false;

	for (const char *const *e = e0; e && *e; e++)
		ssh_set = ssh_set || has_prefix(*e, "GIT_SSH_COMMAND=") || has_prefix(*e, "GIT_SSH=");
	for (const char *const *e = e0; e && *e; e++)
		if (!has_prefix(*e, "GIT_TERMINAL_PROMPT=") && !has_prefix(*e, "KEYHOUND_ASKPASS_") &&
		    !(u->user && (has_prefix(*e, "GIT_ASKPASS=") || has_prefix(*e, "SSH_ASKPASS="))) &&
		    !has_prefix(*e, "GIT_DIR=") && !has_prefix(*e, "GIT_WORK_TREE=") &&
		    !has_prefix(*e, "GIT_INDEX_FILE=") && !has_prefix(*e, "GIT_OBJECT_DIRECTORY=") &&
		    !has_prefix(*e, "GIT_ALTERNATE_OBJECT_DIRECTORIES=") && !has_prefix(*e, "GIT_NAMESPACE="))
			sv_add(env, kh_strdup(*e));
	sv_add(env, kh_strdup("GIT_TERMINAL_PROMPT=0"));
	sv_add(env, kh_strdup("GCM_INTERACTIVE=never"));
	sv_add(env, kh_strdup("GIT_LFS_SKIP_SMUDGE=1"));
	if (!ssh_set)
		sv_add(env, kh_strdup("GIT_SSH_COMMAND=ssh -o BatchMode=yes -o ConnectTimeout=60 "
				      "-o ServerAliveInterval=30 -o ServerAliveCountMax=4"));
	if (u->user) {
		const char *ap = askpass_path(m);
		if (ap)
			sv_add(env, kh_sprintf("GIT_ASKPASS=%s", ap));
		sv_add(env, kh_sprintf("KEYHOUND_ASKPASS_USER=%s", u->user));
		sv_add(env, kh_sprintf("KEYHOUND_ASKPASS_PASS=%s", u->pass ? u->pass : ""));
	}
}

static double mono(void)
{
	struct timespec t;
	clock_gettime(CLOCK_MONOTONIC, &t);
	return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

/* Run git (argv without "git" and the -c options we add); 0 when it exited 0. Its last
 * lines on stderr go to *err. A run past the timeout is killed with its children. */
static int run_git(kh_mirrors *m, const kh_url *u, const char *const *args, char **err, bool *timed_out)
{
	strv argv = { 0 }, env = { 0 };
	posix_spawn_file_actions_t fa;
	posix_spawnattr_t at;
	int pipefd[2], status = -1, rc = -1;
	pid_t pid;
	kh_buf eb = { 0 };
	double deadline = mono() + (double)(m->o.timeout_s ? m->o.timeout_s : 1800);
	bool exited = false;

	*timed_out = false;
	sv_add(&argv, kh_strdup("git"));
	/* a stalled transfer fails (HTTP); credentials in the URL: no helper stores them */
	sv_add(&argv, kh_strdup("-c"));
	sv_add(&argv, kh_sprintf("http.lowSpeedLimit=%u", m->o.low_speed_limit ? m->o.low_speed_limit : 1000));
	sv_add(&argv, kh_strdup("-c"));
	sv_add(&argv, kh_sprintf("http.lowSpeedTime=%u", m->o.low_speed_time ? m->o.low_speed_time : 60));
	if (u->user) {
		sv_add(&argv, kh_strdup("-c"));
		sv_add(&argv, kh_strdup("credential.helper="));
	}
	for (size_t i = 0; args[i]; i++)
		sv_add(&argv, kh_strdup(args[i]));
	git_env(m, u, &env);
	if (pipe2(pipefd, O_CLOEXEC) < 0) {
		*err = kh_sprintf("cannot run git: %s", strerror(errno));
		goto done;
	}
	posix_spawn_file_actions_init(&fa);
	posix_spawn_file_actions_addopen(&fa, 0, "/dev/null", O_RDONLY, 0);
	posix_spawn_file_actions_addopen(&fa, 1, "/dev/null", O_WRONLY, 0);
	posix_spawn_file_actions_adddup2(&fa, pipefd[1], 2);
	posix_spawnattr_init(&at);
	posix_spawnattr_setflags(&at, POSIX_SPAWN_SETPGROUP);
	posix_spawnattr_setpgroup(&at, 0);
	rc = posix_spawnp(&pid, "git", &fa, &at, argv.v, env.v);
	posix_spawn_file_actions_destroy(&fa);
	posix_spawnattr_destroy(&at);
	close(pipefd[1]);
	if (rc != 0) {
		*err = kh_sprintf("cannot run git: %s", strerror(rc));
		close(pipefd[0]);
		rc = -1;
		goto done;
	}
	for (bool open_pipe = true;;) {
		double left = deadline - mono();
		if (left <= 0) {
			kill(-pid, SIGTERM);
			for (int i = 0; i < 20 && waitpid(pid, &status, WNOHANG) == 0; i++)
				usleep(100000);
			kill(-pid, SIGKILL);
			waitpid(pid, &status, 0);
			exited = true;
			*timed_out = true;
			break;
		}
		if (open_pipe) {
			struct pollfd p = { pipefd[0], POLLIN, 0 };
			int to = left > 0.2 ? 200 : (int)(left * 1000) + 1;
			if (poll(&p, 1, to) > 0) {
				char tmp[4096];
				ssize_t n = read(pipefd[0], tmp, sizeof(tmp));
				if (n > 0) {
					kh_buf_put(&eb, tmp, (size_t)n);
					if (eb.len > 65536) { /* keep the end */
						memmove(eb.buf, eb.buf + eb.len - 16384, 16384);
						eb.len = 16384;
					}
				} else if (n == 0 || (errno != EINTR && errno != EAGAIN)) {
					open_pipe = false;
				}
			}
		} else {
			usleep(50000);
		}
		if (waitpid(pid, &status, WNOHANG) == pid) {
			exited = true;
			/* what is left in the pipe */
			char tmp[4096];
			ssize_t n;
			int fl = fcntl(pipefd[0], F_GETFL);
			fcntl(pipefd[0], F_SETFL, fl | O_NONBLOCK);
			while (open_pipe && (n = read(pipefd[0], tmp, sizeof(tmp))) > 0 && eb.len < 65536)
				kh_buf_put(&eb, tmp, (size_t)n);
			break;
		}
	}
	close(pipefd[0]);
	if (exited && !*timed_out && WIFEXITED(status) && WEXITSTATUS(status) == 0) {
		rc = 0;
	} else {
		/* the last non-empty line git printed, control bytes dropped */
		kh_buf_put(&eb, "", 1);
		char *s = eb.buf, *last = NULL;
		for (char *line = strtok(s, "\r\n"); line; line = strtok(NULL, "\r\n"))
			if (strspn(line, " \t") != strlen(line))
				last = line;
		if (*timed_out)
			*err = kh_sprintf("git %s timed out after %llu s (--fetch-timeout)", args[0],
					  (unsigned long long)(m->o.timeout_s ? m->o.timeout_s : 1800));
		else if (last) {
			for (char *c = last; *c; c++)
				if ((unsigned char)*c < 0x20 || *c == 0x7f)
					*c = '?';
			*err = kh_sprintf("git %s failed: %.400s", args[0], last);
		} else if (WIFSIGNALED(status))
			*err = kh_sprintf("git %s was killed by signal %d", args[0], WTERMSIG(status));
		else
			*err = kh_sprintf("git %s failed (exit %d)", args[0], WIFEXITED(status) ? WEXITSTATUS(status) : -1);
		rc = -1;
	}
done:
	free(eb.buf);
	sv_free(&argv);
	sv_free(&env);
	return rc;
}

/* Does git's message say the remote is not there any more (rather than unreachable)? */
static bool says_gone(const char *err)
{
	static const char *const gone[] = {
		"not found", "does not exist", "does not appear to be a git repository",
		"repository not exported", "Repository not found", "No such file or directory",
		"returned error: 404", "returned error: 410",
	};
	for (size_t i = 0; err && i < sizeof(gone) / sizeof(*gone); i++)
		if (strstr(err, gone[i]))
			return true;
	return false;
}

static void set_refspecs(kh_mirrors *m, const kh_url *u, const char *dir, char **err, bool *to)
{
	const char *a1[] = { "-C", dir, "config", "--replace-all", "remote.origin.fetch",
			     "+refs/heads/*:refs/heads/*", NULL };
	const char *a2[] = { "-C", dir, "config", "--add", "remote.origin.fetch", "+refs/tags/*:refs/tags/*", NULL };
	const char *a3[] = { "-C", dir, "config", "--add", "remote.origin.fetch", "+refs/pull/*:refs/pull/*", NULL };
	const char *a4[] = { "-C", dir, "config", "--add", "remote.origin.fetch",
			     "+refs/merge-requests/*:refs/merge-requests/*", NULL };
	const char *a5[] = { "-C", dir, "config", "remote.origin.url", u->git_url, NULL };
	if (run_git(m, u, a1, err, to) || run_git(m, u, a2, err, to) ||
	    (m->o.pull_refs && (run_git(m, u, a3, err, to) || run_git(m, u, a4, err, to))) ||
	    run_git(m, u, a5, err, to))
		return;
}

int kh_mirror_update(kh_mirrors *m, const kh_url *u, char **path_out, char **why)
{
	char *dir = kh_sprintf("%s/%s", m->o.dir, u->rel), *err = NULL, *partial = NULL;
	struct stat st;
	bool to = false;
	int status;

	*path_out = dir;
	*why = NULL;
	if (stat(dir, &st) == 0 && S_ISDIR(st.st_mode)) {
		/* the URL and the refs wanted may have changed since the last run */
		set_refspecs(m, u, dir, &err, &to);
		free(err);
		err = NULL;
		const char *args[] = { "-C", dir, "fetch", "--prune", "--quiet", "--no-write-fetch-head",
				       "origin", NULL };
		if (run_git(m, u, args, &err, &to) == 0) {
			status = KH_MIRROR_FETCHED;
		} else {
			status = !to && says_gone(err) ? KH_MIRROR_GONE : KH_MIRROR_STALE;
			*why = err;
			err = NULL;
		}
		goto done;
	}
	if (m->o.budget) {
		bool over;
		pthread_mutex_lock(&m->lock);
		over = m->budget_hit = m->budget_hit || m->used >= m->o.budget;
		pthread_mutex_unlock(&m->lock);
		if (over) {
			*why = kh_sprintf("not cloned: the mirror folder holds %llu MB, the budget is %llu MB "
					  "(--mirror-budget)", (unsigned long long)(m->used >> 20),
					  (unsigned long long)(m->o.budget >> 20));
			status = KH_MIRROR_SKIPPED;
			goto done;
		}
	}
	/* cloned beside its place and renamed when complete: a killed clone leaves no mirror
	 * that looks whole, only a partial one the next run removes */
	partial = kh_sprintf("%s.partial", dir);
	remove_tree(partial);
	{
		char *parent = kh_strdup(partial);
		*strrchr(parent, '/') = 0;
		mkdirs(parent);
		free(parent);
	}
	{
		const char *pull = m->o.pull_refs ? "remote.origin.fetch=+refs/pull/*:refs/pull/*" :
						    "remote.origin.fetch=+refs/tags/*:refs/tags/*";
		const char *mr = m->o.pull_refs ? "remote.origin.fetch=+refs/merge-requests/*:refs/merge-requests/*" :
						  "remote.origin.fetch=+refs/tags/*:refs/tags/*";
		const char *args[] = { "clone", "--bare", "--quiet", "--config", pull, "--config", mr,
				       "--", u->git_url, partial, NULL };
		if (run_git(m, u, args, &err, &to) < 0) {
			status = !to && says_gone(err) ? KH_MIRROR_ABSENT : KH_MIRROR_FAILED;
			*why = err;
			err = NULL;
			remove_tree(partial);
			goto done;
		}
	}
	set_refspecs(m, u, partial, &err, &to);
	if (err) {
		status = KH_MIRROR_FAILED;
		*why = err;
		err = NULL;
		remove_tree(partial);
		goto done;
	}
	if (rename(partial, dir) < 0) {
		*why = kh_sprintf("cannot move the new mirror into place: %s", strerror(errno));
		remove_tree(partial);
		status = KH_MIRROR_FAILED;
		goto done;
	}
	status = KH_MIRROR_CLONED;
	if (m->o.budget) {
		uint64_t n = disk_usage(dir);
		pthread_mutex_lock(&m->lock);
		m->used += n;
		pthread_mutex_unlock(&m->lock);
	}
done:
	free(partial);
	free(err);
	return status;
}

const char *kh_mirror_status_name(int status)
{
	switch (status) {
	case KH_MIRROR_FETCHED: return "fetched";
	case KH_MIRROR_CLONED: return "cloned";
	case KH_MIRROR_STALE: return "stale";
	case KH_MIRROR_GONE: return "gone";
	case KH_MIRROR_SKIPPED: return "skipped";
	case KH_MIRROR_ABSENT: return "absent";
	default: return "failed";
	}
}

void kh_url_wiki(kh_url *w, const kh_url *u)
{
	size_t g = strlen(u->git_url), r = strlen(u->rel);
	bool dotgit = g > 4 && !strcmp(u->git_url + g - 4, ".git");

	w->name = kh_sprintf("%s.wiki", u->name);
	w->git_url = dotgit ? kh_sprintf("%.*s.wiki.git", (int)(g - 4), u->git_url) :
			      kh_sprintf("%s.wiki", u->git_url);
	w->rel = kh_sprintf("%.*s.wiki.git", (int)(r - 4), u->rel);
	w->user = u->user ? kh_strdup(u->user) : NULL;
	w->pass = u->pass ? kh_strdup(u->pass) : NULL;
}
