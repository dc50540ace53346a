/* SPDX-License-Identifier: Apache-2.0 */
/* keyhound: find credentials in files, git history and container images.
 * Commands dispatch from a table; each lives in its own file. */
#include <stdio.h>
#include <string.h>

#include "cli.h"

static int cmd_version(int argc, char **argv);
static int cmd_help(int argc, char **argv);
static int cmd_completion(int argc, char **argv);

const char *cli_command = "";

static const struct command {
	const char *name;
	int (*run)(int argc, char **argv);
} commands[] = {
	{"scan", cmd_scan},
	{"git", cmd_git},
	{"sweep", cmd_sweep},
	{"report", cmd_report},
	{"hook", cmd_hook},
	{"image", cmd_image},
	{"rules", cmd_rules},
	{"completion", cmd_completion},
	{"help", cmd_help},
	{"version", cmd_version},
	{"--version", cmd_version},
	{"-V", cmd_version},
};

/* Loads no rule: the shipped pack's version is in the compiled rules' header. Rules of
 * one's own (KEYHOUND_RULES_DIR, rules.extra) show in a report's rules_version. */
static int cmd_version(int argc, char **argv)
{
	keyhound_options o = KEYHOUND_OPTIONS_INIT;
	char version[17];
	size_t n = 0;
	printf("keyhound %s\n", keyhound_version());
	cli_engine_env(&o);
	if (keyhound_shipped_rules(&o, version, &n) == 0)
		printf("rules %s (%zu rules)\n", version, n);
	else
		printf("rules: no compiled rules beside the program (compiled at the first scan)\n");
	return 0;
}

/* keyhound help [--man] [CMD] */
static int cmd_help(int argc, char **argv)
{
	bool man = argc > 0 && !strcmp(argv[0], "--man");
	const char *name = argc > man ? argv[man] : NULL;
	if (name && (!strcmp(name, "--help") || !strcmp(name, "-h")))
		name = "help";
	const cli_cmd_doc *d = cli_doc(name);
	if (name && !d) {
		const char *s = cli_suggest_command(name);
		return cli_usage_error("no command '%s'%s%s%s", name, s ? " (did you mean " : "",
				       s ? s : "", s ? "?)" : "");
	}
	if (man)
		cli_help_man(stdout, d);
	else if (d)
		cli_help_command(stdout, d);
	else
		cli_help_overview(stdout);
	return 0;
}

static int cmd_completion(int argc, char **argv)
{
	return cli_completion(stdout, argc ? argv[0] : NULL);
}

/* -h or --help anywhere before "--": that command's help, exit 0 */
static bool wants_help(int argc, char **argv)
{
	for (int i = 0; i < argc && strcmp(argv[i], "--"); i++)
		if (!strcmp(argv[i], "--help") || !strcmp(argv[i], "-h"))
			return true;
	return false;
}

int main(int argc, char **argv)
{
	if (argc < 2) {
		cli_help_overview(stderr);
		return 2;
	}
	if (!strcmp(argv[1], "--help") || !strcmp(argv[1], "-h"))
		return cmd_help(argc - 2, argv + 2);
	for (size_t i = 0; i < sizeof(commands) / sizeof(commands[0]); i++) {
		if (strcmp(argv[1], commands[i].name))
			continue;
		cli_command = commands[i].name;
		if (wants_help(argc - 2, argv + 2) && commands[i].run != cmd_help) {
			cli_help_command(stdout, cli_doc(argv[1][0] == '-' ? "version" : argv[1]));
			return 0;
		}
		return commands[i].run(argc - 2, argv + 2);
	}
	const char *s = cli_suggest_command(argv[1]);
	if (s)
		return cli_usage_error("unknown command '%s' (did you mean '%s'?)", argv[1], s);
	return cli_usage_error("unknown command '%s'", argv[1]);
}
