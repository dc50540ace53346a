/* SPDX-License-Identifier: Apache-2.0 */
/* keyhound hook install|uninstall: write keyhound's git hooks into a repository's hooks
 * folder, core.hooksPath included (libgit2 1.5's own hooks-folder lookup ignores it), or
 * into the user's global hooks folder. The hooks run the keyhound that installed them, by
 * absolute path, so they work whatever PATH a commit runs with (a GUI, an IDE); hooks/ in
 * the source shows them (tests/cli/test_git_hooks.sh checks they are equal). */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "core/dl_git.h"

#include "core/kh.h"

#define MARKER "# keyhound-hook:"

/* Shared by every hook: the program, or a blocked commit that says how to fix it. */
static const char find_program[] =
	"KEYHOUND=${KEYHOUND:-@KEYHOUND@}\n"
	"if [ ! -x \"$KEYHOUND\" ]; then\n"
	"\techo \"keyhound hook: $KEYHOUND is not there any more (moved or uninstalled), so this\" >&2\n"
	"\techo \"  hook blocks. Fix: run 'keyhound hook install --force' with the keyhound you use now\" >&2\n"
	"\techo \"  (or set KEYHOUND=/path/to/keyhound). To bypass once: git @VERB@ --no-verify.\" >&2\n"
	"\texit 1\n"
	"fi\n";

static const char pre_commit_head[] =
	"#!/bin/sh\n"
	"# keyhound-hook: written by `keyhound hook install`; it replaces this file only with --force.\n"
	"# Scans the lines this commit adds for credentials. A false positive: add keyhound:allow\n"
	"# on its line. To bypass the check once: git commit --no-verify.\n";
static const char pre_commit_run[] = "exec \"$KEYHOUND\" git --staged\n";

static const char pre_push_head[] =
	"#!/bin/sh\n"
	"# keyhound-hook: written by `keyhound hook install`; it replaces this file only with --force.\n"
	"# Scans the lines added by the commits this push sends (git gives them on stdin). A false\n"
	"# positive: add keyhound:allow on its line. To bypass the check once: git push --no-verify.\n";
static const char pre_push_run[] = "exec \"$KEYHOUND\" git --pre-push\n";

/* The global hooks: keyhound where it applies, then the repository's own hook of the
 * same name (a global core.hooksPath hides .git/hooks, so each client hook forwards). */
static const char global_head[] =
	"#!/bin/sh\n"
	"# keyhound-hook: written by `keyhound hook install --global` (core.hooksPath of the user).\n"
	"# Runs keyhound where this hook applies, then this repository's own @NAME@ hook, if any.\n"
	"# A false positive: add keyhound:allow on its line. To bypass once: --no-verify.\n";
static const char global_forward[] =
	"own=\"$(git rev-parse --git-common-dir)/hooks/@NAME@\"\n"
	"if [ -x \"$own\" ] && ! grep -q '^# keyhound-hook:' \"$own\" 2>/dev/null; then\n"
	"\texec \"$own\" \"$@\"\n"
	"fi\n";
static const char global_pre_commit[] = "\"$KEYHOUND\" git --staged || exit $?\n";
static const char global_pre_push[] =
	"input=$(cat)\n"
	"replay() { [ -z \"$input\" ] || printf '%s\\n' \"$input\"; }\n"
	"replay | \"$KEYHOUND\" git --pre-push || exit $?\n"
	"own=\"$(git rev-parse --git-common-dir)/hooks/pre-push\"\n"
	"if [ -x \"$own\" ] && ! grep -q '^# keyhound-hook:' \"$own\" 2>/dev/null; then\n"
	"\treplay | \"$own\" \"$@\"\n"
	"\texit $?\n"
	"fi\n";

/* githooks(5)'s client-side hooks: each forwards to the repository's own. */
static const char *const client_hooks[] = {
	"applypatch-msg", "pre-applypatch", "post-applypatch", "pre-commit", "pre-merge-commit",
	"prepare-commit-msg", "commit-msg", "post-commit", "pre-rebase", "post-checkout",
	"post-merge", "pre-push", "post-rewrite", "pre-auto-gc", "push-to-checkout",
	"post-index-change", NULL,
};

static const char *git_msg(void)
{
	const git_error *e = git_error_last();
	return e && e->message ? e->message : "unknown libgit2 error";
}

/* `text` with every @KEY@ of keys[] replaced by its value. */
static void append_subst(kh_buf *b, const char *text, const char *const keys[][2])
{
	while (*text) {
		const char *at = strchr(text, '@');
		size_t k = 0;
		if (!at) {
			kh_buf_put(b, text, strlen(text));
			break;
		}
		kh_buf_put(b, text, (size_t)(at - text));
		for (; keys[k][0]; k++)
			if (!strncmp(at, keys[k][0], strlen(keys[k][0])))
				break;
		if (keys[k][0]) {
			kh_buf_put(b, keys[k][1], strlen(keys[k][1]));
			text = at + strlen(keys[k][0]);
		} else {
			kh_buf_put(b, "@", 1);
			text = at + 1;
		}
	}
}

/* The program path as one shell word: single-quoted. */
static char *sh_quote(const char *s)
{
	kh_buf b = {0};
	kh_buf_put(&b, "'", 1);
	for (; *s; s++)
		if (*s == '\'')
			kh_buf_put(&b, "'\\''", 4);
		else
			kh_buf_put(&b, s, 1);
	kh_buf_put(&b, "'", 1);
	return kh_buf_detach(&b);
}

static char *hook_text(const char *name, const char *program, bool global)
{
	char *quoted = sh_quote(program);
	bool commit = !strcmp(name, "pre-commit"), push = !strcmp(name, "pre-push");
	const char *const keys[][2] = {
		{"@KEYHOUND@", quoted}, {"@NAME@", name}, {"@VERB@", push ? "push" : "commit"}, {NULL, NULL},
	};
	kh_buf b = {0};
	if (!global) {
		append_subst(&b, commit ? pre_commit_head : pre_push_head, keys);
		append_subst(&b, find_program, keys);
		append_subst(&b, commit ? pre_commit_run : pre_push_run, keys);
	} else {
		append_subst(&b, global_head, keys);
		if (commit || push)
			append_subst(&b, find_program, keys);
		if (commit)
			append_subst(&b, global_pre_commit, keys);
		append_subst(&b, push ? global_pre_push : global_forward, keys);
	}
	free(quoted);
	return kh_buf_detach(&b);
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

/* Removes dir/name when keyhound wrote it. */
static int remove_hook(const char *dir, const char *name, kh_buf *log)
{
	char *path = kh_sprintf("%s/%s", dir, name);
	int error = 0;
	if (access(path, F_OK) == 0 && ours(path)) {
		if (unlink(path) < 0)
			error = kh_error(KEYHOUND_EIO, "cannot remove %s: %s", path, strerror(errno));
		else
			kh_buf_printf(log, "%s\n", path);
	}
	free(path);
	return error;
}

/* The hooks folder of opts->repo (libgit2 opened for it), or the global folder. */
static int target_dir(const keyhound_hook_options *o, char **dir)
{
	git_repository *repo = NULL;
	int error = 0;
	*dir = NULL;
	if (o->global) {
		if (!o->global_dir || o->global_dir[0] != '/')
			return kh_error(KEYHOUND_EINVAL, "hook --global: no absolute folder for the hooks");
		*dir = kh_strdup(o->global_dir);
		return 0;
	}
	if ((error = kh_dl_require(KH_DL_GIT)) < 0)
		return error;
	git_libgit2_init();
	if (git_repository_open_ext(&repo, o->repo ? o->repo : ".", 0, NULL) < 0)
		error = kh_error(KEYHOUND_EINVAL, "%s: not a git repository: %s",
				 o->repo ? o->repo : ".", git_msg());
	else
		error = hooks_dir(repo, dir);
	git_repository_free(repo);
	git_libgit2_shutdown();
	return error;
}

static int check_opts(const keyhound_hook_options *o, bool need_program)
{
	if (!o || o->version != KEYHOUND_HOOK_OPTIONS_VERSION)
		return kh_error(KEYHOUND_EINVAL, "keyhound_hook_options: wrong version");
	if (need_program && (!o->program || o->program[0] != '/'))
		return kh_error(KEYHOUND_EINVAL, "hook install: the program's absolute path is unknown");
	return 0;
}

static int hook_install_body(const keyhound_hook_options *o, char **installed)
{
	unsigned hooks = o && o->hooks ? o->hooks : KEYHOUND_HOOK_PRE_COMMIT | KEYHOUND_HOOK_PRE_PUSH;
	char *dir = NULL;
	kh_buf log = { 0 };
	int error;

	if (installed)
		*installed = NULL;
	if ((error = check_opts(o, true)) < 0 || (error = target_dir(o, &dir)) < 0 ||
	    (error = make_dirs(dir)) < 0)
		goto done;
	for (size_t i = 0; client_hooks[i]; i++) {
		const char *name = client_hooks[i];
		bool commit = !strcmp(name, "pre-commit"), push = !strcmp(name, "pre-push");
		bool wanted = (commit && (hooks & KEYHOUND_HOOK_PRE_COMMIT)) ||
			      (push && (hooks & KEYHOUND_HOOK_PRE_PUSH));
		/* globally every client hook forwards to the repository's own */
		if (!wanted && !(o->global && !commit && !push))
			continue;
		char *text = hook_text(name, o->program, o->global);
		error = write_hook(dir, name, text, o->force, &log);
		free(text);
		if (error < 0)
			goto done;
	}
done:
	if (installed && log.len)
		*installed = kh_buf_detach(&log);
	kh_buf_free(&log);
	free(dir);
	return error;
}

int keyhound_hook_install(const keyhound_hook_options *o, char **installed)
{
	unsigned oom = kh_oom_mark();
	int error = hook_install_body(o, installed);
	if (!error && kh_oom_since(oom)) {
		if (installed) {
			free(*installed);
			*installed = NULL;
		}
	}
	return kh_oom_result(oom, error);
}

static int hook_uninstall_body(const keyhound_hook_options *o, char **removed)
{
	unsigned hooks = o && o->hooks ? o->hooks : KEYHOUND_HOOK_PRE_COMMIT | KEYHOUND_HOOK_PRE_PUSH;
	char *dir = NULL;
	kh_buf log = { 0 };
	int error;

	if (removed)
		*removed = NULL;
	if ((error = check_opts(o, false)) < 0 || (error = target_dir(o, &dir)) < 0)
		goto done;
	for (size_t i = 0; client_hooks[i]; i++) {
		const char *name = client_hooks[i];
		bool commit = !strcmp(name, "pre-commit"), push = !strcmp(name, "pre-push");
		if (!o->global && !(commit && (hooks & KEYHOUND_HOOK_PRE_COMMIT)) &&
		    !(push && (hooks & KEYHOUND_HOOK_PRE_PUSH)))
			continue;
		if ((error = remove_hook(dir, name, &log)) < 0)
			goto done;
	}
	if (o->global)
		rmdir(dir); /* only when empty: the user's own files stay */
done:
	if (removed && log.len)
		*removed = kh_buf_detach(&log);
	kh_buf_free(&log);
	free(dir);
	return error;
}

int keyhound_hook_uninstall(const keyhound_hook_options *o, char **removed)
{
	unsigned oom = kh_oom_mark();
	int error = hook_uninstall_body(o, removed);
	if (!error && kh_oom_since(oom)) {
		if (removed) {
			free(*removed);
			*removed = NULL;
		}
	}
	return kh_oom_result(oom, error);
}
