/* SPDX-License-Identifier: Apache-2.0 */
/* keyhound hook install|uninstall [--pre-commit] [--pre-push] [--force] [--global] [REPO]
 * The hooks record this program's absolute path. --global also sets the user's global
 * core.hooksPath, through git itself (so git reads and writes the file it will use). */
#include <limits.h>
#include <spawn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "cli.h"

extern char **environ;

/* git ARGS... with stdout into out (trimmed); the exit status, or -1 if git cannot run.
 * No shell is involved. */
static int run_git(const char *const args[], char *out, size_t outsz)
{
	int fd[2], status = -1;
	pid_t pid;
	posix_spawn_file_actions_t fa;
	size_t n = 0;

	if (out)
		out[0] = '\0';
	if (pipe(fd) < 0)
		return -1;
	posix_spawn_file_actions_init(&fa);
	posix_spawn_file_actions_adddup2(&fa, fd[1], 1);
	posix_spawn_file_actions_addclose(&fa, fd[0]);
	if (posix_spawnp(&pid, "git", &fa, NULL, (char *const *)args, environ) != 0) {
		pid = -1;
	}
	posix_spawn_file_actions_destroy(&fa);
	close(fd[1]);
	for (ssize_t r; out && n + 1 < outsz && (r = read(fd[0], out + n, outsz - 1 - n)) > 0;)
		n += (size_t)r;
	close(fd[0]);
	if (out) {
		out[n] = '\0';
		while (n && (out[n - 1] == '\n' || out[n - 1] == '\r'))
			out[--n] = '\0';
	}
	if (pid > 0 && waitpid(pid, &status, 0) == pid && WIFEXITED(status))
		return WEXITSTATUS(status);
	return -1;
}

/* $XDG_CONFIG_HOME/keyhound/hooks, else ~/.config/keyhound/hooks */
static char *global_dir(void)
{
	const char *x = getenv("XDG_CONFIG_HOME"), *h = getenv("HOME");
	char *p = NULL;
	if (x && *x == '/' && asprintf(&p, "%s/keyhound/hooks", x) < 0)
		p = NULL;
	else if (!p && h && *h == '/' && asprintf(&p, "%s/.config/keyhound/hooks", h) < 0)
		p = NULL;
	return p;
}

/* check: may core.hooksPath become dir; else set it (install) or unset it if it is dir */
static int global_config(bool check, bool install, const char *dir, bool force)
{
	char cur[PATH_MAX];
	const char *get[] = {"git", "config", "--global", "--get", "core.hooksPath", NULL};
	int rc = run_git(get, cur, sizeof(cur));
	if (rc < 0) {
		fprintf(stderr, "keyhound: hook --global needs git on PATH\n");
		return 2;
	}
	bool mine = rc == 0 && !strcmp(cur, dir);
	if (install && rc == 0 && !mine && !force) {
		fprintf(stderr, "keyhound: your global core.hooksPath is already %s: not replaced.\n"
			"  --force points it at %s instead (the hooks in %s would no longer run).\n",
			cur, dir, cur);
		return 2;
	}
	if (check || (!install && !mine) || (install && mine))
		return 0;
	const char *set[] = {"git", "config", "--global", "core.hooksPath", dir, NULL};
	const char *unset[] = {"git", "config", "--global", "--unset", "core.hooksPath", NULL};
	if (run_git(install ? set : unset, NULL, 0) != 0) {
		fprintf(stderr, "keyhound: git config --global core.hooksPath failed\n");
		return 2;
	}
	printf("%s global core.hooksPath (%s)\n", install ? "set" : "unset", dir);
	return 0;
}

int cmd_hook(int argc, char **argv)
{
	keyhound_hook_options o = KEYHOUND_HOOK_OPTIONS_INIT;
	char *done_paths = NULL, *dir = NULL, exe[PATH_MAX];
	bool install;
	int code = 0;

	if (argc < 1 || (strcmp(argv[0], "install") && strcmp(argv[0], "uninstall"))) {
		const char *s = argc ? cli_suggest_option("hook", argv[0]) : NULL;
		return cli_usage_error("hook wants install or uninstall%s%s%s", s ? " (did you mean " : "",
				       s ? s : "", s ? "?)" : "");
	}
	install = !strcmp(argv[0], "install");
	for (int i = 1; i < argc; i++) {
		if (!strcmp(argv[i], "--pre-commit"))
			o.hooks |= KEYHOUND_HOOK_PRE_COMMIT;
		else if (!strcmp(argv[i], "--pre-push"))
			o.hooks |= KEYHOUND_HOOK_PRE_PUSH;
		else if (!strcmp(argv[i], "--force"))
			o.force = 1;
		else if (!strcmp(argv[i], "--global"))
			o.global = 1;
		else if (argv[i][0] != '-' && !o.repo)
			o.repo = argv[i];
		else {
			const char *s = cli_suggest_option("hook", argv[i]);
			return cli_usage_error("hook %s: unknown option '%s'%s%s%s", argv[0], argv[i],
					       s ? " (did you mean " : "", s ? s : "", s ? "?)" : "");
		}
	}
	if (o.global && o.repo)
		return cli_usage_error("hook --global applies to every repository: give no REPO");
	/* the hooks run this very program, wherever PATH points when git runs them */
	if (!realpath("/proc/self/exe", exe))
		return cli_usage_error("hook: cannot tell where this keyhound is (/proc/self/exe)");
	o.program = exe;
	if (o.global && !(o.global_dir = dir = global_dir())) {
		code = cli_usage_error("hook --global: HOME is not set");
		goto done;
	}
	if (o.global && install && (code = global_config(true, true, dir, o.force)) != 0)
		goto done;
	if ((install ? keyhound_hook_install(&o, &done_paths) : keyhound_hook_uninstall(&o, &done_paths)) < 0) {
		code = cli_fail(install ? "hook install" : "hook uninstall");
		goto done;
	}
	if (o.global && (code = global_config(false, install, dir, o.force)) != 0)
		goto done;
	if (done_paths)
		printf("%s:\n%s", install ? "installed" : "removed", done_paths);
	else if (!install)
		printf("no keyhound hook to remove\n");
	if (install)
		printf("the hooks run %s\n", exe);
done:
	free(done_paths);
	free(dir);
	return code;
}
