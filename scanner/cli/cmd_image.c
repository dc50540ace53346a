/* SPDX-License-Identifier: Apache-2.0 */
/* keyhound image ARCHIVE | OCI-DIR | - [--platform OS/ARCH] */
#include <stdio.h>

#include "cli.h"

static int image_opt(cli *c, int argc, char **argv, int *i, void *payload)
{
	const char *v = cli_value(argc, argv, i, "--platform");
	if (!v)
		return 0;
	*(const char **)payload = v;
	return 1;
}

static int run_image(keyhound_scan *scan, cli *c, void *payload)
{
	keyhound_image_options o = KEYHOUND_IMAGE_OPTIONS_INIT;
	o.input = c->args[0];
	o.platform = *(const char **)payload;
	return keyhound_scan_image(scan, &o);
}

int cmd_image(int argc, char **argv)
{
	cli c;
	const char *platform = NULL;
	int code = cli_parse(&c, argc, argv, image_opt, &platform);
	if (code)
		goto done;
	if (c.n_args != 1) {
		code = cli_usage_error("image: give one ARCHIVE, OCI-DIR or - (stdin)");
		goto done;
	}
	/* an image brings no configuration of its own: only --config applies */
	code = cli_run(&c, run_image, &platform);
done:
	cli_free(&c);
	return code;
}
