/* keyhound hook install: write keyhound's git hooks into a repository's hooks folder,
 * core.hooksPath included (libgit2 1.5's own hooks-folder lookup ignores it). The
 * scripts are the ones in hooks/ (tests/cli/test_git_hooks.sh checks they are equal). */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "core/dl_git.h"

#include "core/kh.h"

#define MARKER "# keyhound-hook:"

static const char pre_commit[] =
	"#!/bin/sh\n"
	"# keyhound-hook: written by `keyhound hook install`; it replaces this file only with --force.\n"
	"# Scans the lines this commit adds for credentials. A false positive: add keyhound:allow\n"
	"# on its line. To bypass the check once: git commit --no-verify.\n"
	"exec \"${KEYHOUND:-keyhound}\" git --staged\n";

static const char pre_push[] =
	"#!/bin/sh\n"
	"# keyhound-hook: written by `keyhound hook install`; it replaces this file only with --force.\n"
	"# Scans the lines added by the commits this push sends (git gives them on stdin). A false\n"
	"# positive: add keyhound:allow on its line. To bypass the check once: git push --no-verify.\n"
	"exec \"${KEYHOUND:-keyhound}\" git --pre-push\n";

static const char *git_msg(void)
{
	const git_error *e = git_error_last();
	return e && e->message ? e->message : "unknown libgit2 error";
}

/* mkdir -p */
static int make_dirs(const char *path)
{
	char *p = kh_strdup(path);
	int error = 0;

	for (char *s = p + 1; ; s++) {
		if (*s == '/' || !*s) {
			char c = *s;
			*s = 0;
			if (mkdir(p, 0777) < 0 && errno != EEXIST) {
				error = kh_error(KEYHOUND_EIO, "cannot create %s: %s", p, strerror(errno));
				break;
			}
			*s = c;
			if (!c)
				break;
		}
	}
	free(p);
	return error;
}

/* The hooks folder: core.hooksPath (relative to the work tree's root, or to the git
 * folder of a bare repository), else the git folder's hooks/. */
static int hooks_dir(git_repository *repo, char **out)
{
	git_config *cfg = NULL;
	git_buf buf = { 0 };
	const char *base = git_repository_workdir(repo) ? git_repository_workdir(repo)
							: git_repository_path(repo);
	int error = 0;

	*out = NULL;
	if (git_repository_config_snapshot(&cfg, repo) < 0)
		return kh_error(KEYHOUND_ERROR, "cannot read the configuration: %s", git_msg());
	if (git_config_get_path(&buf, cfg, "core.hooksPath") == 0 && buf.ptr && *buf.ptr)
		*out = buf.ptr[0] == '/' ? kh_strdup(buf.ptr) : kh_sprintf("%s/%s", base, buf.ptr);
	else
		*out = kh_sprintf("%shooks", git_repository_commondir(repo));
	git_buf_dispose(&buf);
	git_config_free(cfg);
	return error;
}

static bool ours(const char *path)
{
	char line[256];
	FILE *f = fopen(path, "r");
	bool found = false;

	for (int n = 0; f && n < 5 && fgets(line, sizeof(line), f); n++)
		if (!strncmp(line, MARKER, strlen(MARKER)))
			found = true;
	if (f)
		fclose(f);
	return found;
}

static int write_hook(const char *dir, const char *name, const char *text, int force, kh_buf *log)
{
	char *path = kh_sprintf("%s/%s", dir, name), *tmp = kh_sprintf("%s/.%s.keyhound", dir, name);
	struct stat st;
	FILE *f = NULL;
	int error = 0;

	if (lstat(path, &st) == 0 && !force && !ours(path)) {
		error = kh_error(KEYHOUND_EINVAL,
				 "%s exists and was not written by keyhound: not replaced "
				 "(--force replaces it)", path);
		goto done;
	}
	if (!(f = fopen(tmp, "w")) || fputs(text, f) < 0 || fclose(f) != 0) {
		f = NULL;
		error = kh_error(KEYHOUND_EIO, "cannot write %s: %s", tmp, strerror(errno));
		unlink(tmp);
		goto done;
	}
	f = NULL;
	if (chmod(tmp, 0755) < 0 || rename(tmp, path) < 0) {
		error = kh_error(KEYHOUND_EIO, "cannot install %s: %s", path, strerror(errno));
		unlink(tmp);
		goto done;
	}
	kh_buf_printf(log, "%s\n", path);
done:
	free(path);
	free(tmp);
	return error;
}

int keyhound_hook_install(const char *repo_path, unsigned hooks, int force, char **installed)
{
	git_repository *repo = NULL;
	char *dir = NULL;
	kh_buf log = { 0 };
	int error = 0;

	if (installed)
		*installed = NULL;
	if (!hooks)
		hooks = KEYHOUND_HOOK_PRE_COMMIT | KEYHOUND_HOOK_PRE_PUSH;
	if ((error = kh_dl_require(KH_DL_GIT)) < 0)
		return error;
	git_libgit2_init();
	if (git_repository_open_ext(&repo, repo_path ? repo_path : ".", 0, NULL) < 0) {
		error = kh_error(KEYHOUND_EINVAL, "%s: not a git repository: %s",
				 repo_path ? repo_path : ".", git_msg());
		goto done;
	}
	if ((error = hooks_dir(repo, &dir)) < 0 || (error = make_dirs(dir)) < 0)
		goto done;
	if ((hooks & KEYHOUND_HOOK_PRE_COMMIT) &&
	    (error = write_hook(dir, "pre-commit", pre_commit, force, &log)) < 0)
		goto done;
	if ((hooks & KEYHOUND_HOOK_PRE_PUSH) &&
	    (error = write_hook(dir, "pre-push", pre_push, force, &log)) < 0)
		goto done;
done:
	if (installed && log.len)
		*installed = kh_buf_detach(&log);
	kh_buf_free(&log);
	free(dir);
	git_repository_free(repo);
	git_libgit2_shutdown();
	return error;
}
