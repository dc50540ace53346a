/* SPDX-License-Identifier: Apache-2.0 */
/* The keyhound program: shared option parsing and the run-and-report step
 * every scanning command ends with. It sees only the public API. */
#ifndef KH_CLI_H
#define KH_CLI_H

#include <stdbool.h>
#include <stdio.h>

#include "keyhound/keyhound.h"

typedef struct cli {
	keyhound_options opts;
	keyhound_format format;
	const char *output, *write_baseline, *stdin_path;
	const char **rule_dirs;
	size_t n_rule_dirs;
	bool quiet, no_progress, config_given;
	int exit_findings;      /* --exit-code N: the status when findings remain */
	const char *sarif_category; /* --sarif-category */
	bool exit_given;
	enum { CLI_COLOR_AUTO, CLI_COLOR_ALWAYS, CLI_COLOR_NEVER } color;
	char *env_rules;        /* KEYHOUND_RULES, split in place (owned) */
	char *found[2];         /* discovered .gitleaksignore and .secrets.baseline (owned) */
	/* called with the report once it is written (a hook's advice on what to do) */
	void (*on_report)(const keyhound_report *r, void *payload);
	void *on_report_payload;
	/* --verify and its options (never from a variable or a file) */
	keyhound_verify_options verify;
	const char **verify_rules, **verify_exclude;
	bool only_live;
	char **owned;           /* copies the lists above point into */
	size_t n_owned;
	/* called once the report is complete and durable: --output fsynced and renamed into
	 * place (written beside it first), or stdout flushed without error; never after a
	 * failed write (a sweep marks its alerts delivered here) */
	void (*on_written)(const keyhound_report *r, void *payload);
	void *on_written_payload;
	const char **args;      /* positional arguments */
	size_t n_args;
} cli;

/* A command's own option: return 1 if it took argv[*i] (advancing *i past any
 * value), 0 if it is not one of its options, -1 on a usage error. */
typedef int (*cli_opt_fn)(cli *c, int argc, char **argv, int *i, void *payload);

/* Parse argv (after the command name). Returns 0, or 2 after printing a usage error. */
int cli_parse(cli *c, int argc, char **argv, cli_opt_fn own, void *payload);
/* What the library does not read itself: where the built-in rules and their compiled
 * database are (KEYHOUND_RULES_DIR, else beside this program), and the cache folder
 * ($XDG_CACHE_HOME or ~/.cache). */
void cli_engine_env(keyhound_options *o);
/* git's variables (GIT_DIR, GIT_INDEX_FILE, ...), the pre-commit framework's, and
 * KH_GIT_TIMING / KH_GIT_STAGED_LIBGIT2, into the git options. */
void cli_git_env(keyhound_git_options *o);
void cli_free(cli *c);

/* A value of an option: "--name=value" or "--name value". */
const char *cli_value(int argc, char **argv, int *i, const char *name);

/* Find .keyhound.yml for a folder: in it, or at the root of the git work tree holding it;
 * and a .gitleaksignore and .secrets.baseline to migrate from, in the same places. */
void cli_find_config(cli *c, const char *dir);

/* Create the engine, run `scan_fn` on a new scan, print the report; the exit code. */
typedef int (*cli_scan_fn)(keyhound_scan *scan, cli *c, void *payload);
int cli_run(cli *c, cli_scan_fn fn, void *payload);
/* --verify on a finished report (and --only-live); -1 after printing why it could not run. */
int cli_verify(cli *c, keyhound_report *report, const keyhound_engine *engine);

/* Colour for human output on `out`: --color, then NO_COLOR, then whether it is a terminal. */
bool cli_color(const cli *c, FILE *out);
/* Outputs keyhound creates (--output, --write-baseline): a link in their place is not
 * followed to a file; 0600 when they hold secrets; closing reports a lost write. */
FILE *cli_open_output(const char *path, bool secret);
const char *cli_output_error(int err);
int cli_close_output(FILE *f);
/* --output written whole or not at all: a temporary file beside it, fsynced, renamed into
 * place (a path under /dev/ or a non-file is written directly). */
typedef struct {
	FILE *f;
	char *tmp;              /* NULL: written in place */
	const char *path;
} cli_output;
int cli_output_open(cli_output *o, const char *path, bool secret);
/* Flush, fsync, close and rename; <0 with errno when anything was lost (nothing renamed). */
int cli_output_commit(cli_output *o);
void cli_output_abort(cli_output *o);
void cli_put_escaped(FILE *f, const char *s);          /* control bytes escaped as git does */
void cli_errors_to_stderr(const keyhound_report *report);

int cli_usage_error(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
int cli_fail(const char *what);  /* prints keyhound_last_error(); returns 2 */

/* The documentation of the commands and options (help.c): --help, help CMD, the man
 * pages, the completions and "did you mean" all come from it. */
typedef struct {
	const char *flags, *arg, *text, *env;
} cli_opt_doc;
typedef struct {
	const char *name, *synopsis, *summary, *description;
	const cli_opt_doc *opts;
	bool common;                  /* takes the common options */
	const char *const *subs;      /* subcommands or words */
	const char *examples;
} cli_cmd_doc;
extern const cli_cmd_doc cli_docs[];
extern const char *cli_command;   /* the command being run, for messages */
const cli_cmd_doc *cli_doc(const char *name);
void cli_help_command(FILE *f, const cli_cmd_doc *d);
void cli_help_overview(FILE *f);
void cli_help_man(FILE *f, const cli_cmd_doc *d);   /* d NULL: keyhound(1) */
const char *cli_suggest_command(const char *word);
const char *cli_suggest_option(const char *cmd, const char *word);
int cli_completion(FILE *f, const char *shell);

/* commands */
int cmd_scan(int argc, char **argv);
int cmd_rules(int argc, char **argv);
int cmd_git(int argc, char **argv);
int cmd_sweep(int argc, char **argv);
int cmd_report(int argc, char **argv);
int cmd_hook(int argc, char **argv);
int cmd_image(int argc, char **argv);

#endif
