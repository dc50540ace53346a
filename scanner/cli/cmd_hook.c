/* keyhound hook install [--pre-commit] [--pre-push] [--force] [REPO] */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"

int cmd_hook(int argc, char **argv)
{
	unsigned hooks = 0;
	int force = 0;
	const char *repo = NULL;
	char *installed = NULL;

	if (argc < 1 || strcmp(argv[0], "install") != 0)
		return cli_usage_error("usage: keyhound hook install [--pre-commit] [--pre-push] [--force] [REPO]");
	for (int i = 1; i < argc; i++) {
		if (!strcmp(argv[i], "--pre-commit"))
			hooks |= KEYHOUND_HOOK_PRE_COMMIT;
		else if (!strcmp(argv[i], "--pre-push"))
			hooks |= KEYHOUND_HOOK_PRE_PUSH;
		else if (!strcmp(argv[i], "--force"))
			force = 1;
		else if (argv[i][0] != '-' && !repo)
			repo = argv[i];
		else
			return cli_usage_error("hook install: unknown option '%s'", argv[i]);
	}
	if (keyhound_hook_install(repo, hooks, force, &installed) < 0)
		return cli_fail("hook install");
	if (installed)
		printf("installed:\n%s", installed);
	free(installed);
	return 0;
}
