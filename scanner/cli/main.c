/* keyhound: find credentials in files, git history and container images.
 * Commands dispatch from a table; each lives in its own file. */
#include <stdio.h>
#include <string.h>

#include "cli.h"

static int cmd_version(int argc, char **argv);
static int cmd_help(int argc, char **argv);

static const struct command {
	const char *name;
	int (*run)(int argc, char **argv);
	const char *usage;
} commands[] = {
	{"scan", cmd_scan, "scan [PATH... | -] [--stdin-path P]       files and folders, or stdin"},
	{"git", cmd_git, "git [REPO] [--staged | --pre-push | --range A..B | --since REV] [--all-objects] [--max-tree-memory SIZE]"},
	{"sweep", cmd_sweep, "sweep REPO... | --repos FILE [--state FILE] [--new-only] [--jobs N] [--shard K/N]"},
	{"report", cmd_report, "report merge FILE...                       combine shard reports (--format json)"},
	{"hook", cmd_hook, "hook install [--pre-commit] [--pre-push] [--force] [REPO]   git hooks (both by default)"},
	{"image", cmd_image, "image ARCHIVE | OCI-DIR | - [--platform OS/ARCH]  docker save / OCI images"},
	{"rules", cmd_rules, "rules list [--format human|jsonl|patterns] | rules check [DIR]"},
	{"--version", cmd_version, "--version                                  program and rule-pack versions"},
	{"version", cmd_version, NULL},
	{"--help", cmd_help, NULL},
	{"-h", cmd_help, NULL},
	{"help", cmd_help, NULL},
};

static int cmd_version(int argc, char **argv)
{
	keyhound_options o = KEYHOUND_OPTIONS_INIT;
	keyhound_engine *e = NULL;
	printf("keyhound %s\n", KEYHOUND_VERSION);
	if (keyhound_engine_new(&e, &o) < 0)
		return cli_fail("rules");
	printf("rules %s (%zu rules)\n", keyhound_engine_rules_version(e), keyhound_engine_rule_count(e));
	keyhound_engine_free(e);
	return 0;
}

static int cmd_help(int argc, char **argv)
{
	puts("keyhound: find credentials in files, git history and container images\n\nCommands:");
	for (size_t i = 0; i < sizeof(commands) / sizeof(commands[0]); i++)
		if (commands[i].usage)
			printf("  keyhound %s\n", commands[i].usage);
	puts("\nCommon options: --format human|json|jsonl|sarif, --output FILE, --config FILE,\n"
	     "  --rules DIR, --no-default-rules, --baseline FILE, --write-baseline FILE,\n"
	     "  --show-secrets, --min-confidence low|medium|high, --threads N, --max-file-size SIZE,\n"
	     "  --max-archive-depth N, --max-archive-entries N, --max-decompressed SIZE, --max-ratio N,\n"
	     "  --max-decoded-depth N, --max-findings-per-blob N, --strict, --quiet, --no-progress,\n"
	     "  --gitleaksignore FILE, --detect-secrets-baseline FILE\n\n"
	     "Exit codes: 0 nothing found, 1 findings, 2 usage/configuration error or unreadable input.");
	return 0;
}

int main(int argc, char **argv)
{
	if (argc < 2)
		return cmd_help(0, NULL), 2;
	for (size_t i = 0; i < sizeof(commands) / sizeof(commands[0]); i++)
		if (!strcmp(argv[1], commands[i].name))
			return commands[i].run(argc - 2, argv + 2);
	return cli_usage_error("unknown command '%s'", argv[1]);
}
