/* SPDX-License-Identifier: Apache-2.0 */
/* libFuzzer target for `keyhound git --pre-push`: arbitrary bytes as the hook's stdin
 * ("<local ref> <local oid> <remote ref> <remote oid>" lines) against a small repository
 * made once (two commits), through the public API. */
#include "fuzz_common.h"
#include "keyhound/keyhound.h"

static keyhound_engine *engine;
static char repo[256];

static void setup(void)
{
	char cmd[1024], rules[256];
	snprintf(repo, sizeof(repo), "%s/repo", fuzz_dir());
	snprintf(rules, sizeof(rules), "%s/rules", fuzz_dir());
	mkdir(rules, 0700);
	snprintf(cmd, sizeof(cmd), "%s/rules/t.yml", fuzz_dir());
	FILE *f = fopen(cmd, "w");
	fputs("rules:\n  - id: t\n    name: T\n    pattern: '\\b(tok_[A-Za-z0-9]{24})\\b'\n"
	      "    severity: high\n    confidence: high\n", f);
	fclose(f);
	snprintf(cmd, sizeof(cmd),
		 "git init -q '%s' && cd '%s' && echo a >a && git add a && "
		 "git -c user.name=f -c user.email=f@f commit -qm one && "
		 "echo 'k = tok_A1b2C3d4E5f6G7h8I9j0K1l2' >b && git add b && "
		 "git -c user.name=f -c user.email=f@f commit -qm two", repo, repo);
	if (system(cmd) != 0)
		abort();
	keyhound_options o = KEYHOUND_OPTIONS_INIT;
	const char *dirs[1] = {rules};
	o.rule_dirs = dirs;
	o.n_rule_dirs = 1;
	o.no_default_rules = 1;
	o.threads = 1;
	if (keyhound_engine_new(&engine, &o) < 0)
		abort();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	keyhound_scan *scan = NULL;
	keyhound_report *r = NULL;
	if (!engine)
		setup();
	FILE *in = fmemopen((void *)data, size ? size : 1, "r");
	if (!size)
		in = NULL;
	if (keyhound_scan_new(&scan, engine) < 0)
		abort();
	keyhound_git_options g = KEYHOUND_GIT_OPTIONS_INIT;
	g.repo = repo;
	g.mode = KEYHOUND_GIT_PRE_PUSH;
	g.pre_push_input = in;
	keyhound_scan_git(scan, &g);
	if (keyhound_scan_finish(scan, &r) == 0)
		keyhound_report_free(r);
	keyhound_scan_free(scan);
	if (in)
		fclose(in);
	return 0;
}
