/* SPDX-License-Identifier: Apache-2.0 */
/* keyhound git [REPO] [--staged | --pre-push | --range A..B | --since REV] [--all-objects] */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>

#include "cli.h"

typedef struct {
	keyhound_git_options o;
	char *range;
	int modes;
} git_args;

static int git_opt(cli *c, int argc, char **argv, int *i, void *payload)
{
	git_args *g = payload;
	const char *a = argv[*i], *v;

	if (!strcmp(a, "--staged")) {
		g->o.mode = KEYHOUND_GIT_STAGED;
	} else if (!strcmp(a, "--pre-push")) {
		g->o.mode = KEYHOUND_GIT_PRE_PUSH;
	} else if ((v = cli_value(argc, argv, i, "--range"))) {
		g->o.mode = KEYHOUND_GIT_RANGE;
		free(g->range);
		g->range = strdup(v);
	} else if ((v = cli_value(argc, argv, i, "--since"))) {
		g->o.mode = KEYHOUND_GIT_RANGE;
		free(g->range);
		g->range = malloc(strlen(v) + 8);
		sprintf(g->range, "%s..HEAD", v);
	} else if (!strcmp(a, "--all-objects")) {
		g->o.all_objects = 1;
		return 1;
	} else if ((v = cli_value(argc, argv, i, "--max-tree-memory"))) {
		uint64_t n;
		if (keyhound_parse_size(v, &n) < 0) {
			cli_usage_error("--max-tree-memory: '%s' is not a size such as 512MB", v);
			return -1;
		}
		g->o.max_tree_memory = n ? n : 1;
		return 1;
	} else if ((v = cli_value(argc, argv, i, "--max-blob-memory"))) {
		uint64_t n;
		if (keyhound_parse_size(v, &n) < 0) {
			cli_usage_error("--max-blob-memory: '%s' is not a size such as 64MB", v);
			return -1;
		}
		g->o.max_blob_memory = n;
		return 1;
	} else {
		return 0;
	}
	g->modes++;
	return 1;
}

static int run_git(keyhound_scan *scan, cli *c, void *payload)
{
	git_args *g = payload;
	return keyhound_scan_git(scan, &g->o);
}

static const char *base_name(const char *p)
{
	const char *s = strrchr(p, '/');
	return s ? s + 1 : p;
}

/* A file that is a credential as a whole: a private key, a keystore, a token file. */
static bool key_file(const keyhound_finding *f)
{
	return !strncmp(f->rule_id, "private-key", 11) || !strncmp(f->rule_id, "ssh-private-key", 15) ||
	       strstr(f->rule_id, "-file") != NULL;
}

static bool env_file(const keyhound_finding *f)
{
	const char *b = base_name(f->path);
	return !strncmp(b, ".env", 4) && strcmp(b, ".env.example") && strcmp(b, ".env.sample");
}

/* What a blocked commit or push should do next, fitted to what was found: one line per
 * kind, then what holds for every leak. Findings are sorted, so the first of each kind
 * stands for the rest. */
static void block_advice(const keyhound_report *r, void *payload)
{
	const git_args *g = payload;
	bool commit = g->o.mode == KEYHOUND_GIT_STAGED, said_key = false, said_env = false,
	     said_line = false, said_commit = false, said_widened = false;
	size_t n = keyhound_report_count(r), secrets = 0;
	if (!n)
		return;
	fprintf(stderr, "\nkeyhound blocked this %s: the findings above are in lines it adds.\n",
		commit ? "commit" : "push");
	for (size_t i = 0; i < n; i++) {
		const keyhound_finding *f = keyhound_report_get(r, i);
		const char *path = f->path ? f->path : "?";
		if (!f->rule_id)
			continue;
		if (!strcmp(f->rule_id, "keyhound-config-widened")) {
			if (!said_widened)
				fprintf(stderr, "  .keyhound.yml now allows more than before: that change takes "
					"effect once merged,\n    so have it reviewed on its own (a separate "
					"commit or pull request), or undo it.\n");
			said_widened = true;
			continue;
		}
		secrets++;
		if (!commit && f->commit && !said_commit) {
			said_commit = true;
			fprintf(stderr, "  It is already committed, in %.12s (%s): rewrite that commit before "
				"pushing\n    (git rebase -i %.12s~1, mark it 'edit', remove the secret, git "
				"commit --amend,\n    git rebase --continue; for the last commit: edit, then git "
				"commit --amend).\n", f->commit, path, f->commit);
		}
		if (env_file(f) && !said_env) {
			said_env = true;
			fprintf(stderr, "  %s is an environment file: keep it out of git:\n"
				"    echo '%s' >> .gitignore && git rm --cached '%s'\n", path, base_name(path), path);
		} else if (key_file(f) && !env_file(f) && !said_key) {
			said_key = true;
			fprintf(stderr, "  %s holds a key (%s): remove it from the %s (git rm --cached '%s'),\n"
				"    keep it out of the repository, and rotate it.\n", path, f->rule_id,
				commit ? "commit" : "history", path);
		} else if (!key_file(f) && !env_file(f) && !said_line) {
			said_line = true;
			fprintf(stderr, "  Move the secret out of the code (an environment variable, a secret "
				"store).\n  A false positive? Add 'keyhound:allow' in a comment on that line.\n");
		}
	}
	if (secrets)
		fprintf(stderr, "  Rotate it, whatever you do next: it may already be copied (an editor, "
			"a backup, a remote).\n");
	fprintf(stderr, "  To bypass the check once: git %s --no-verify\n", commit ? "commit" : "push");
}

/* HEAD and objects/ at the top, no .git: a bare repository (checked without libgit2,
 * which a hook in a work tree should not pay for). */
static bool looks_bare(const char *dir)
{
	char p[4096];
	struct stat st;
	snprintf(p, sizeof(p), "%s/.git", dir);
	if (stat(p, &st) == 0)
		return false;
	snprintf(p, sizeof(p), "%s/objects", dir);
	if (stat(p, &st) < 0 || !S_ISDIR(st.st_mode))
		return false;
	snprintf(p, sizeof(p), "%s/HEAD", dir);
	return stat(p, &st) == 0;
}

/* What a push starts from, for its configuration: the remote's commit of the first
 * pushed ref the remote has (or PRE_COMMIT_FROM_REF); NULL for a new branch. git's lines
 * are read here (1 MiB at most) and handed on from memory. */
static char *push_base(git_args *g, char **buf, size_t *len)
{
	const char *from = getenv("PRE_COMMIT_FROM_REF");
	char line[1024], *base = NULL;
	FILE *mem;

	if (from && *from)
		return strdup(from);
	if (!(mem = open_memstream(buf, len)))
		return NULL;
	char new_tip[128] = "";
	while (*len < (1u << 20) && fgets(line, sizeof(line), stdin)) {
		char lref[512], loid[128], rref[512], roid[128];
		fputs(line, mem);
		if (!base && sscanf(line, "%511s %127s %511s %127s", lref, loid, rref, roid) == 4) {
			if (strspn(roid, "0") != strlen(roid))
				base = strdup(roid);
			else if (!new_tip[0] && strspn(loid, "0") != strlen(loid))
				snprintf(new_tip, sizeof(new_tip), "%s", loid);
		}
		fflush(mem);
	}
	fclose(mem);
	/* a new branch: the configuration where it leaves what the remote has */
	if (!base && !new_tip[0] && g->o.pre_commit && g->o.pre_commit_local_branch &&
	    *g->o.pre_commit_local_branch) /* under pre-commit, stdin was consumed */
		snprintf(new_tip, sizeof(new_tip), "%s", g->o.pre_commit_local_branch);
	if (!base && new_tip[0] && keyhound_git_fork_point(g->o.repo, new_tip, &base) < 0)
		base = NULL;
	g->o.pre_push_input = fmemopen(*buf ? *buf : (char *)"", *len, "r");
	return base;
}

int cmd_git(int argc, char **argv)
{
	git_args g = { KEYHOUND_GIT_OPTIONS_INIT, NULL, 0 };
	char *head_config = NULL, *push_in = NULL;
	size_t head_config_len = 0, push_len = 0;
	cli c;
	int code = cli_parse(&c, argc, argv, git_opt, &g);

	if (code)
		goto done;
	if (g.modes > 1) {
		code = cli_usage_error("--staged, --pre-push, --range and --since go alone");
		goto done;
	}
	if (c.n_args > 1) {
		code = cli_usage_error("git takes one repository");
		goto done;
	}
	if (g.o.all_objects && g.o.mode != KEYHOUND_GIT_HISTORY) {
		code = cli_usage_error("--all-objects goes with the history sweep only");
		goto done;
	}
	g.o.repo = c.n_args ? c.args[0] : NULL;
	g.o.range = g.range;
	g.o.pre_push_input = stdin;
	cli_git_env(&g.o);
	/* the configuration of the work tree's root; for a bare repository, HEAD's file; a
	 * change is judged with the configuration it starts from: --range with its base's,
	 * --staged with HEAD's (a change to the file is reported, never applied to itself) */
	cli_find_config(&c, g.o.repo ? g.o.repo : ".");
	char *base = NULL;
	if (!c.config_given && g.o.mode == KEYHOUND_GIT_RANGE && g.range && strstr(g.range, "..")) {
		base = strndup(g.range, (size_t)(strstr(g.range, "..") - g.range));
	} else if (!c.config_given && g.o.mode == KEYHOUND_GIT_STAGED) {
		base = strdup("HEAD");
	} else if (!c.config_given && g.o.mode == KEYHOUND_GIT_PRE_PUSH) {
		base = push_base(&g, &push_in, &push_len);
	}
	if (base && *base) {
		if (c.opts.config_path) { /* the work tree's file is not the base's */
			free((char *)c.opts.config_path);
			c.opts.config_path = NULL;
		}
		if (keyhound_git_config_at(g.o.repo, base, &head_config, &head_config_len) == 0) {
			size_t n = strlen(g.o.repo ? g.o.repo : ".") + 32;
			char *name = malloc(n);
			snprintf(name, n, "%s/.keyhound.yml", g.o.repo ? g.o.repo : ".");
			c.opts.config_path = name;
			c.opts.config_text = head_config;
			c.opts.config_text_len = head_config_len;
			c.opts.config_untrusted = 1;
		}
	}
	free(base);
	if (!c.opts.config_path && !c.config_given && looks_bare(g.o.repo ? g.o.repo : ".") &&
	    keyhound_git_head_config(g.o.repo, &head_config, &head_config_len) == 0) {
		size_t n = strlen(g.o.repo ? g.o.repo : ".") + 32;
		char *name = malloc(n);
		snprintf(name, n, "%s/.keyhound.yml", g.o.repo ? g.o.repo : ".");
		c.opts.config_path = name; /* freed by cli_free, as a found file's path */
		c.opts.config_text = head_config;
		c.opts.config_text_len = head_config_len;
		c.opts.config_untrusted = 1;
	}
	if (g.o.mode == KEYHOUND_GIT_STAGED || g.o.mode == KEYHOUND_GIT_PRE_PUSH) {
		c.on_report = block_advice;
		c.on_report_payload = &g;
	}
	code = cli_run(&c, run_git, &g);
	if (g.o.pre_push_input && g.o.pre_push_input != stdin)
		fclose(g.o.pre_push_input);
done:
	free(push_in);
	free(head_config);
	free(g.range);
	cli_free(&c);
	return code;
}
