/* SPDX-License-Identifier: Apache-2.0 */
/* The one text of keyhound's commands and options: --help, `keyhound help CMD`, the man
 * pages (`help --man`, run at build time), the shell completions and "did you mean" all
 * read these tables, so they cannot disagree. */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"

#define END {NULL, NULL, NULL, NULL}

/* flags, value, text, environment variable (the common options only) */
static const cli_opt_doc common_opts[] = {
	{"-f, --format", "FMT", "human (default), json, jsonl, sarif or gitlab (GitLab's secret-detection report)", "KEYHOUND_FORMAT"},
	{"-o, --output", "FILE", "write the report to FILE instead of stdout", NULL},
	{"-c, --config", "FILE", "configuration file (default: .keyhound.yml of the scanned folder or "
	 "work tree)", "KEYHOUND_CONFIG"},
	{"-r, --rules", "DIR", "add the rule files of DIR to the built-in rules (repeatable; in the "
	 "variable, separated by ':')", "KEYHOUND_RULES"},
	{"--no-default-rules", NULL, "use only the rules given with --rules", "KEYHOUND_NO_DEFAULT_RULES"},
	{"-b, --baseline", "FILE", "drop the findings this baseline records", "KEYHOUND_BASELINE"},
	{"--write-baseline", "FILE", "record this run's findings as a baseline (exit 0 unless input "
	 "could not be scanned)", NULL},
	{"--gitleaksignore", "FILE", "honour a gitleaks .gitleaksignore (found by default)", NULL},
	{"--detect-secrets-baseline", "FILE", "honour a detect-secrets .secrets.baseline (found by "
	 "default)", NULL},
	{"--show-secrets", NULL, "print secrets in full (never set by a variable or a file)", NULL},
	{"--min-confidence", "LEVEL", "low, medium or high: drop weaker findings", "KEYHOUND_MIN_CONFIDENCE"},
	{"--min-severity", "LEVEL", "low, medium, high or critical: drop findings of less severe rules from "
	 "every output and the exit code (counted as suppressed)", "KEYHOUND_MIN_SEVERITY"},
	{"--sarif-category", "ID", "SARIF automationDetails.id, the code-scanning category (default "
	 "keyhound/COMMAND/TARGET/: the command and the first path, repository or image named)",
	 "KEYHOUND_SARIF_CATEGORY"},
	{"--all-occurrences", NULL, "git and sweep: one finding per version (blob) of a file holding a "
	 "secret, not one per (rule, path, secret) with its occurrences counted", NULL},
	{"--exit-code", "N", "exit status when findings remain (default 1; 0 reports without failing; "
	 "2 is refused: it means errors)", "KEYHOUND_EXIT_CODE"},
	{"-j, --threads", "N", "worker threads (default: the number of cores)", "KEYHOUND_THREADS"},
	{"--max-file-size", "SIZE", "larger files are a counted skip (default 50MB)", "KEYHOUND_MAX_FILE_SIZE"},
	{"--max-archive-depth", "N", "nested archive levels (default 3)", NULL},
	{"--max-archive-entries", "N", "entries of one archive (default 100000)", NULL},
	{"--max-decompressed", "SIZE", "bytes out of one archive (default 4GB)", NULL},
	{"--max-ratio", "N", "decompression ratio (default 100)", NULL},
	{"--max-decoded-depth", "N", "base64/percent decoding levels (default 2)", NULL},
	{"--max-findings-per-blob", "N", "matches of one rule in one blob (default 1000)", NULL},
	{"--verify", NULL, "check each distinct secret of a rule that verifies with its provider "
	 "(HTTPS to the rule's fixed hosts; README \"Verification\"; never set by a variable or a file)", NULL},
	{"--only-live", NULL, "with --verify: report (and fail on) only the secrets found live", NULL},
	{"--verify-rules", "IDS", "with --verify: only these rule ids get traffic (comma-separated)", NULL},
	{"--verify-exclude", "IDS", "with --verify: never these rule ids", NULL},
	{"--verify-timeout", "S", "all checks together, Retry-After waits included (default 60)", NULL},
	{"--verify-cache", "on|off", "keep verdicts in $XDG_CACHE_HOME/keyhound/verify.db (live 24 h, "
	 "invalid 7 days, unknown 1 h; default on)", NULL},
	{"--strict", NULL, "a skip by limit counts as an error (exit 2)", "KEYHOUND_STRICT"},
	{"-q, --quiet", NULL, "findings and errors only: no summary, no progress", "KEYHOUND_QUIET"},
	{"--no-progress", NULL, "no progress on stderr (a line that redraws on a terminal, a plain "
	 "line every 10 seconds otherwise)", "KEYHOUND_NO_PROGRESS"},
	{"--color", "WHEN", "auto (default: a terminal, unless NO_COLOR is set), always or never",
	 "KEYHOUND_COLOR"},
	{"-h, --help", NULL, "this help", NULL},
	END,
};

static const cli_opt_doc scan_opts[] = {
	{"--stdin-path", "P", "the path stdin stands for, so path rules apply (with -)", NULL},
	END,
};
static const cli_opt_doc git_opts[] = {
	{"--staged", NULL, "the lines the index adds (the pre-commit hook)", NULL},
	{"--pre-push", NULL, "the lines the pushed commits add (git's pre-push lines on stdin)", NULL},
	{"--range", "A..B", "the lines the commits of A..B add", NULL},
	{"--since", "REV", "the same as --range REV..HEAD", NULL},
	{"--all-objects", NULL, "history: also the objects no ref reaches", NULL},
	{"--max-tree-memory", "SIZE", "memory for the trees a history walk keeps (default 64MB)", NULL},
	{"--max-blob-memory", "SIZE", "history: larger blobs (up to --max-file-size) are read in pieces of this size (default 64MB)", NULL},
	END,
};
static const cli_opt_doc image_opts[] = {
	{"--platform", "OS/ARCH", "only this platform of a multi-platform image", NULL},
	END,
};
static const cli_opt_doc sweep_opts[] = {
	{"--repos", "FILE", "repositories, folders of them or clone URLs, one a line (- reads stdin)", NULL},
	{"--mirror", "DIR", "keep a bare mirror of each clone URL here (cloned once, then fetched)", NULL},
	{"--fetch-timeout", "TIME", "a clone or fetch taking longer fails (seconds, or 30m; default 30m)", NULL},
	{"--mirror-budget", "SIZE", "new clones are skipped once the mirror folder holds this much", NULL},
	{"--include-pull-refs", NULL, "fetch refs/pull/* and refs/merge-requests/* too", NULL},
	{"--include-wikis", NULL, "each URL's wiki too (<path>.wiki.git), when there is one", NULL},
	{"--github-org", "ORG", "every repository of a GitHub organization (GITHUB_TOKEN for private ones)", NULL},
	{"--github-user", "USER", "every repository a GitHub user owns", NULL},
	{"--gitlab-group", "GROUP", "every project of a GitLab group and its subgroups (GITLAB_TOKEN)", NULL},
	{"--api-url", "URL", "GitHub Enterprise's or a self-managed GitLab's API (https://host/api/v3)", NULL},
	{"--include-forks", NULL, "listed forks too (left out by default)", NULL},
	{"--exclude-archived", NULL, "leave archived repositories out (in by default)", NULL},
	{"--topic", "TOPIC", "only listed repositories with this topic", NULL},
	{"--exclude-repos", "GLOB", "leave listed repositories whose owner/name matches out (repeatable)", NULL},
	{"--state", "FILE", "the sweep's memory (default keyhound-sweep.db)", NULL},
	{"--new-only", NULL, "report only findings no earlier run reported", NULL},
	{"--retry-errors", NULL, "walk again repositories whose last sweep had errors though their refs "
	 "did not change (else their recorded errors are reported again)", NULL},
	{"--jobs", "N", "repositories swept at once", NULL},
	{"--shard", "K/N", "this machine's share of the repositories (K from 0)", NULL},
	END,
};
static const cli_opt_doc hook_opts[] = {
	{"--pre-commit", NULL, "the pre-commit hook (scans what a commit adds)", NULL},
	{"--pre-push", NULL, "the pre-push hook (scans what a push sends)", NULL},
	{"--global", NULL, "every repository of this user: a global core.hooksPath whose hooks run "
	 "keyhound, then the repository's own hook of the same name", NULL},
	{"--force", NULL, "replace a hook keyhound did not write", NULL},
	{"-h, --help", NULL, "this help", NULL},
	END,
};
static const cli_opt_doc rules_opts[] = {
	{"--format", "FMT", "list: human, jsonl or patterns", NULL},
	{"-o, --output", "FILE", "compile: the database file to write", NULL},
	{"-r, --rules", "DIR", "add the rule files of DIR", NULL},
	{"--no-default-rules", NULL, "only the rules given with --rules", NULL},
	{"-h, --help", NULL, "this help", NULL},
	END,
};
static const cli_opt_doc help_opts[] = {
	{"--man", NULL, "write the manual page (roff) instead", NULL},
	END,
};
static const cli_opt_doc none[] = { {"-h, --help", NULL, "this help", NULL}, END };

static const char *const hook_subs[] = {"install", "uninstall", NULL};
static const char *const rules_subs[] = {"list", "check", "compile", NULL};
static const char *const report_subs[] = {"merge", NULL};
static const char *const shells[] = {"bash", "zsh", "fish", NULL};

const cli_cmd_doc cli_docs[] = {
	{"scan", "scan [PATH... | -] [OPTIONS]", "scan files and folders, or stdin",
	 "Scans every file of the folders and files named (the current folder by default; .gitignore "
	 "is not applied, .git is not entered), and archives inside them (zip, jar, tar, gzip...). "
	 "A binary file or one over --max-file-size is not read but counted, and path rules (an id_rsa, "
	 "a .p12) still apply to it. '-' reads stdin.",
	 scan_opts, true, NULL, "keyhound scan .\nkeyhound scan --format sarif -o keyhound.sarif src/\n"
	 "cat app.env | keyhound scan - --stdin-path app/.env"},
	{"git", "git [REPO] [--staged | --pre-push | --range A..B | --since REV] [OPTIONS]",
	 "scan a repository's history, or what a commit or push adds",
	 "Without a mode, reads every blob reachable from every ref once and reports each finding at "
	 "every path with the first commit that put it there. --staged, --pre-push, --range and --since "
	 "report only the lines the change adds. A shallow clone is scanned as far as it goes.",
	 git_opts, true, NULL, "keyhound git\nkeyhound git --range origin/main..HEAD\nkeyhound git --staged"},
	{"image", "image ARCHIVE | OCI-DIR | - [--platform OS/ARCH] [OPTIONS]",
	 "scan a container image: docker save tarball or OCI layout",
	 "Streams every layer of a docker save tarball, an OCI layout (folder or tar) or a root "
	 "filesystem tar, without a daemon and without unpacking to disk: files a later layer deletes "
	 "are scanned too, and so are the config's Env, Cmd, Labels and history.",
	 image_opts, true, NULL, "docker save app:1.0 -o app.tar && keyhound image app.tar\n"
	 "skopeo copy docker://app:1.0 oci:app-oci && keyhound image app-oci"},
	{"sweep", "sweep REPO|URL... | --repos FILE [--mirror DIR] [--state FILE] [--new-only] [--jobs N] [--shard K/N] [OPTIONS]",
	 "scan many repositories, incrementally",
	 "Scans the history of many repositories and remembers, in --state, every blob already matched "
	 "and every finding already reported, so the next run costs only what changed.",
	 sweep_opts, true, NULL, "keyhound sweep --repos repos.txt --state sweep.db --new-only -f json -o new.json"},
	{"report", "report merge FILE... [OPTIONS]", "combine the JSON reports of sweep shards",
	 "Reads the --format json reports of several shards and writes one report.", none, true,
	 report_subs, "keyhound report merge shard-*.json -f sarif -o all.sarif"},
	{"hook", "hook install|uninstall [--pre-commit] [--pre-push] [--global] [--force] [REPO]",
	 "install or remove keyhound's git hooks",
	 "install writes pre-commit and pre-push hooks (both by default) into the repository's hooks "
	 "folder (core.hooksPath respected). Each hook records the absolute path of the keyhound that "
	 "installed it, and fails closed, saying how to fix it, if that program is gone. --global "
	 "installs them for every repository of this user. uninstall removes only hooks keyhound wrote.",
	 hook_opts, false, hook_subs, "keyhound hook install\nkeyhound hook install --global\n"
	 "keyhound hook uninstall"},
	{"rules", "rules list [--format human|jsonl|patterns] | rules check [DIR] | rules compile -o FILE",
	 "list or check the rules",
	 "list prints the rules in use; check runs every rule's examples (each must be found) and "
	 "negative examples (none may be) through the whole pipeline; compile writes the compiled "
	 "database.",
	 rules_opts, false, rules_subs, "keyhound rules list\nkeyhound rules check my-rules/"},
	{"completion", "completion bash|zsh|fish", "print a shell completion script",
	 "Prints the completion script of a shell. Installed packages already ship them.",
	 none, false, shells, "source <(keyhound completion bash)\n"
	 "keyhound completion fish > ~/.config/fish/completions/keyhound.fish"},
	{"help", "help [CMD]", "help on keyhound or one of its commands",
	 "The same text as CMD --help.", help_opts, false, NULL, "keyhound help scan"},
	{"version", "--version", "program and rule-pack versions", "Prints both versions.", none,
	 false, NULL, NULL},
	{NULL, NULL, NULL, NULL, NULL, false, NULL, NULL},
};

const cli_opt_doc *cli_common_docs(void)
{
	return common_opts;
}

const cli_cmd_doc *cli_doc(const char *name)
{
	for (const cli_cmd_doc *d = cli_docs; name && d->name; d++)
		if (!strcmp(d->name, name))
			return d;
	return NULL;
}

/* --- plain text --- */

static void wrap(FILE *f, const char *text, int indent, int width)
{
	int col = indent;
	fprintf(f, "%*s", indent, "");
	while (*text) {
		size_t n = strcspn(text, " ");
		if (col > indent && col + 1 + (int)n > width) {
			fprintf(f, "\n%*s", indent, "");
			col = indent;
		} else if (col > indent) {
			fputc(' ', f);
			col++;
		}
		fwrite(text, 1, n, f);
		col += (int)n;
		text += n;
		while (*text == ' ')
			text++;
	}
	fputc('\n', f);
}

static void print_opts(FILE *f, const cli_opt_doc *o)
{
	for (; o->flags; o++) {
		char head[64];
		snprintf(head, sizeof(head), "%s%s%s", o->flags, o->arg ? " " : "", o->arg ? o->arg : "");
		if (strlen(head) > 24) {
			fprintf(f, "  %s\n", head);
			wrap(f, o->text, 28, 96);
		} else {
			fprintf(f, "  %-25s ", head);
			char buf[512];
			FILE *m = fmemopen(buf, sizeof(buf), "w");
			wrap(m, o->text, 28, 96);
			fclose(m);
			fputs(buf + 28, f);
		}
	}
}

void cli_help_command(FILE *f, const cli_cmd_doc *d)
{
	fprintf(f, "usage: keyhound %s\n\n", d->synopsis);
	wrap(f, d->description, 0, 96);
	fputs("\nOptions:\n", f);
	print_opts(f, d->opts);
	if (d->common) {
		fputs("\nCommon options (keyhound help lists their KEYHOUND_* variables):\n", f);
		print_opts(f, common_opts);
	}
	if (d->examples) {
		fputs("\nExamples:\n", f);
		for (const char *s = d->examples; *s;) {
			size_t n = strcspn(s, "\n");
			fprintf(f, "  %.*s\n", (int)n, s);
			s += n + (s[n] == '\n');
		}
	}
	fputs("\nExit codes: 0 nothing found, 1 findings, 2 usage or configuration error, or input "
	      "that could not be scanned.\n", f);
}

void cli_help_overview(FILE *f)
{
	fputs("keyhound: find credentials in files, git history and container images\n\n"
	      "usage: keyhound COMMAND [OPTIONS]   (keyhound help COMMAND, or COMMAND --help)\n\n"
	      "Commands:\n", f);
	for (const cli_cmd_doc *d = cli_docs; d->name; d++)
		fprintf(f, "  %-12s %s\n", d->name, d->summary);
	fputs("\nCommon options of scan, git, image, sweep and report:\n", f);
	print_opts(f, common_opts);
	fputs("\nEnvironment (the command line wins; --show-secrets and network use are never read "
	      "from it):\n", f);
	for (const cli_opt_doc *o = common_opts; o->flags; o++)
		if (o->env)
			fprintf(f, "  %-26s %s\n", o->env, strstr(o->flags, "--"));
	fputs("  NO_COLOR                   no colour unless --color=always\n"
	      "  XDG_CACHE_HOME             where compiled custom rules are cached (keyhound/)\n"
	      "\nExit codes: 0 nothing found, 1 findings, 2 usage or configuration error, or input "
	      "that could not be scanned.\n", f);
}

/* --- roff --- */

static void roff_text(FILE *f, const char *s)
{
	if (*s == '.' || *s == '\'')
		fputs("\\&", f);
	for (; *s; s++) {
		if (*s == '\\')
			fputs("\\e", f);
		else if (*s == '-')
			fputs("\\-", f);
		else if (*s == '\n') {
			fputc('\n', f);
			if (s[1] == '.' || s[1] == '\'')
				fputs("\\&", f);
		} else
			fputc(*s, f);
	}
}

static void roff_opts(FILE *f, const cli_opt_doc *o)
{
	for (; o->flags; o++) {
		fputs(".TP\n\\fB", f);
		roff_text(f, o->flags);
		fputs("\\fR", f);
		if (o->arg) {
			fputs(" \\fI", f);
			roff_text(f, o->arg);
			fputs("\\fR", f);
		}
		fputc('\n', f);
		roff_text(f, o->text);
		if (o->env) {
			fputs(" (", f);
			roff_text(f, o->env);
			fputc(')', f);
		}
		fputc('\n', f);
	}
}

static void roff_examples(FILE *f, const char *ex)
{
	fputs(".SH EXAMPLES\n.nf\n", f);
	roff_text(f, ex);
	fputs("\n.fi\n", f);
}

void cli_help_man(FILE *f, const cli_cmd_doc *d)
{
	const char *name = d ? d->name : NULL;
	char upper[32] = "";
	for (size_t i = 0; name && name[i] && i + 1 < sizeof(upper); i++)
		upper[i] = (char)toupper((unsigned char)name[i]), upper[i + 1] = '\0';
	fprintf(f, ".TH KEYHOUND%s%s 1 \"\" \"keyhound %s\" \"User Commands\"\n.SH NAME\n",
		name ? "\\-" : "", upper, KEYHOUND_VERSION);
	if (d) {
		fprintf(f, "keyhound\\-%s \\- ", d->name);
		roff_text(f, d->summary);
		fputs("\n.SH SYNOPSIS\n.B keyhound\n", f);
		roff_text(f, d->synopsis);
		fputs("\n.SH DESCRIPTION\n", f);
		roff_text(f, d->description);
		fputs("\n.SH OPTIONS\n", f);
		roff_opts(f, d->opts);
		if (d->common) {
			fputs(".SH COMMON OPTIONS\n", f);
			roff_opts(f, common_opts);
		}
		if (d->examples)
			roff_examples(f, d->examples);
		fputs(".SH SEE ALSO\n.BR keyhound (1)\n", f);
		return;
	}
	fputs("keyhound \\- find credentials in files, git history and container images\n"
	      ".SH SYNOPSIS\n.B keyhound\n\\fICOMMAND\\fR [\\fIOPTIONS\\fR]\n.SH COMMANDS\n", f);
	for (const cli_cmd_doc *c = cli_docs; c->name; c++) {
		fputs(".TP\n\\fBkeyhound ", f);
		roff_text(f, c->synopsis);
		fputs("\\fR\n", f);
		roff_text(f, c->summary);
		fputc('\n', f);
	}
	fputs(".SH COMMON OPTIONS\n", f);
	roff_opts(f, common_opts);
	fputs(".SH ENVIRONMENT\nEach KEYHOUND_* variable named above sets its option; the command "
	      "line wins. \\-\\-show\\-secrets and \\-\\-verify are never read from the environment.\n"
	      ".TP\n.B NO_COLOR\nno colour unless \\-\\-color=always\n"
	      ".SH EXIT STATUS\n0 nothing found; 1 findings; 2 usage or configuration error, or input "
	      "that could not be scanned.\n.SH SEE ALSO\n", f);
	for (const cli_cmd_doc *c = cli_docs; c->name; c++)
		if (c->opts != none || c->common)
			fprintf(f, ".BR keyhound\\-%s (1)%s\n", c->name, c[1].name ? "," : "");
}

/* --- "did you mean" --- */

static size_t distance(const char *a, const char *b)
{
	size_t la = strlen(a), lb = strlen(b), row[64];
	if (la >= 63 || lb >= 63)
		return 99;
	for (size_t j = 0; j <= lb; j++)
		row[j] = j;
	for (size_t i = 1; i <= la; i++) {
		size_t prev = row[0]++;
		for (size_t j = 1; j <= lb; j++) {
			size_t cur = row[j];
			size_t best = prev + (a[i - 1] != b[j - 1]);
			if (row[j] + 1 < best)
				best = row[j] + 1;
			if (row[j - 1] + 1 < best)
				best = row[j - 1] + 1;
			row[j] = best;
			prev = cur;
		}
	}
	return row[lb];
}

/* The closest of a flags string's names ("-f, --format") to `word`. */
static void closest_in(const char *flags, const char *word, const char **best, size_t *best_d,
		       char *buf, size_t bufsz)
{
	char copy[64];
	snprintf(copy, sizeof(copy), "%s", flags);
	for (char *t = strtok(copy, ", "); t; t = strtok(NULL, ", ")) {
		size_t d = distance(word, t);
		if (d < *best_d) {
			*best_d = d;
			snprintf(buf, bufsz, "%s", t);
			*best = buf;
		}
	}
}

const char *cli_suggest_command(const char *word)
{
	static char buf[64];
	const char *best = NULL;
	size_t best_d = 3;   /* at most two edits */
	for (const cli_cmd_doc *d = cli_docs; d->name; d++)
		closest_in(d->name, word, &best, &best_d, buf, sizeof(buf));
	return best;
}

const char *cli_suggest_option(const char *cmd, const char *word)
{
	static char buf[64];
	const cli_cmd_doc *d = cli_doc(cmd);
	const char *best = NULL;
	size_t best_d = strlen(word) > 6 ? 4 : 3;
	char w[64];
	snprintf(w, sizeof(w), "%.*s", (int)strcspn(word, "="), word);
	for (const cli_opt_doc *o = d ? d->opts : none; o->flags; o++)
		closest_in(o->flags, w, &best, &best_d, buf, sizeof(buf));
	for (const cli_opt_doc *o = common_opts; (!d || d->common) && o->flags; o++)
		closest_in(o->flags, w, &best, &best_d, buf, sizeof(buf));
	return best;
}

/* --- completion scripts --- */

/* Every long and short name of a table, space-separated. */
static void names(FILE *f, const cli_opt_doc *o)
{
	for (; o->flags; o++) {
		char copy[64];
		snprintf(copy, sizeof(copy), "%s", o->flags);
		for (char *t = strtok(copy, ", "); t; t = strtok(NULL, ", "))
			fprintf(f, " %s", t);
	}
}

static void bash(FILE *f)
{
	fputs("# bash completion for keyhound (generated by `keyhound completion bash`)\n"
	      "_keyhound() {\n"
	      "\tlocal cur prev cmd words_\n"
	      "\tcur=${COMP_WORDS[COMP_CWORD]}\n"
	      "\tprev=${COMP_WORDS[COMP_CWORD-1]}\n"
	      "\tcmd=${COMP_WORDS[1]}\n"
	      "\tif [ \"$COMP_CWORD\" -eq 1 ]; then\n"
	      "\t\tCOMPREPLY=($(compgen -W \"", f);
	for (const cli_cmd_doc *d = cli_docs; d->name; d++)
		fprintf(f, "%s ", d->name);
	fputs("--version --help\" -- \"$cur\"))\n\t\treturn\n\tfi\n"
	      "\tcase $prev in\n"
	      "\t--format|-f) COMPREPLY=($(compgen -W \"human json jsonl sarif gitlab patterns\" -- \"$cur\")); return ;;\n"
	      "\t--color) COMPREPLY=($(compgen -W \"auto always never\" -- \"$cur\")); return ;;\n"
	      "\t--min-confidence) COMPREPLY=($(compgen -W \"low medium high\" -- \"$cur\")); return ;;\n"
	      "\t--min-severity) COMPREPLY=($(compgen -W \"low medium high critical\" -- \"$cur\")); return ;;\n"
	      "\t--rules|-r|--mirror) COMPREPLY=($(compgen -d -- \"$cur\")); return ;;\n"
	      "\tesac\n"
	      "\tcase $cmd in\n", f);
	for (const cli_cmd_doc *d = cli_docs; d->name; d++) {
		fprintf(f, "\t%s) words_=\"", d->name);
		for (const char *const *s = d->subs; s && *s; s++)
			fprintf(f, "%s ", *s);
		names(f, d->opts);
		if (d->common)
			names(f, common_opts);
		fputs("\" ;;\n", f);
	}
	fputs("\t*) words_= ;;\n\tesac\n"
	      "\tif [[ $cur == -* ]] || [ \"$cmd\" = help ] || [ \"$cmd\" = completion ] ||\n"
	      "\t   { [ \"$COMP_CWORD\" -eq 2 ] && [[ \" hook rules report \" == *\" $cmd \"* ]]; }; then\n"
	      "\t\tCOMPREPLY=($(compgen -W \"$words_\" -- \"$cur\"))\n"
	      "\t\t[ \"$cmd\" = help ] && COMPREPLY=($(compgen -W \"", f);
	for (const cli_cmd_doc *d = cli_docs; d->name; d++)
		fprintf(f, "%s ", d->name);
	fputs("\" -- \"$cur\"))\n"
	      "\telse\n\t\tCOMPREPLY=($(compgen -f -- \"$cur\"))\n\tfi\n}\n"
	      "complete -o filenames -F _keyhound keyhound\n", f);
}

static void zsh(FILE *f)
{
	fputs("#compdef keyhound\n# zsh completion for keyhound (generated by `keyhound completion zsh`)\n"
	      "_keyhound() {\n\tlocal -a cmds opts\n\tcmds=(\n", f);
	for (const cli_cmd_doc *d = cli_docs; d->name; d++)
		fprintf(f, "\t\t'%s:%s'\n", d->name, d->summary);
	fputs("\t)\n\tif (( CURRENT == 2 )); then\n\t\t_describe command cmds\n\t\treturn\n\tfi\n"
	      "\tcase $words[2] in\n", f);
	for (const cli_cmd_doc *d = cli_docs; d->name; d++) {
		fprintf(f, "\t%s) opts=(", d->name);
		for (const char *const *s = d->subs; s && *s; s++)
			fprintf(f, " %s", *s);
		names(f, d->opts);
		if (d->common)
			names(f, common_opts);
		fputs(") ;;\n", f);
	}
	fputs("\tesac\n\tif [[ $PREFIX == -* ]] || (( CURRENT == 3 )) && [[ $words[2] == (hook|rules|report|completion|help) ]]; then\n"
	      "\t\tcompadd -- $opts\n\t\t[[ $words[2] == help ]] && _describe command cmds\n"
	      "\telse\n\t\t_files\n\tfi\n}\n_keyhound \"$@\"\n", f);
}

static void fish(FILE *f)
{
	fputs("# fish completion for keyhound (generated by `keyhound completion fish`)\n"
	      "complete -c keyhound -f -n __fish_use_subcommand\n", f);
	for (const cli_cmd_doc *d = cli_docs; d->name; d++) {
		fprintf(f, "complete -c keyhound -f -n __fish_use_subcommand -a %s -d '%s'\n", d->name,
			d->summary);
		for (const char *const *s = d->subs; s && *s; s++)
			fprintf(f, "complete -c keyhound -f -n '__fish_seen_subcommand_from %s' -a %s\n",
				d->name, *s);
		for (int pass = 0; pass < 2; pass++) {
			const cli_opt_doc *o = pass ? (d->common ? common_opts : NULL) : d->opts;
			for (; o && o->flags; o++) {
				char copy[64], desc[128];
				snprintf(copy, sizeof(copy), "%s", o->flags);
				snprintf(desc, sizeof(desc), "%.*s", (int)strcspn(o->text, "(:'"), o->text);
				fprintf(f, "complete -c keyhound -n '__fish_seen_subcommand_from %s'", d->name);
				for (char *t = strtok(copy, ", "); t; t = strtok(NULL, ", "))
					fprintf(f, t[1] == '-' ? " -l %s" : " -s %s", t + (t[1] == '-' ? 2 : 1));
				fprintf(f, "%s -d '%s'\n", o->arg ? " -r" : "", desc);
			}
		}
	}
}

int cli_completion(FILE *f, const char *shell)
{
	if (shell && !strcmp(shell, "bash"))
		bash(f);
	else if (shell && !strcmp(shell, "zsh"))
		zsh(f);
	else if (shell && !strcmp(shell, "fish"))
		fish(f);
	else
		return cli_usage_error("completion wants bash, zsh or fish%s%s%s", shell ? ", not '" : "",
				       shell ? shell : "", shell ? "'" : "");
	return 0;
}
