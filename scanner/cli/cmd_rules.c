/* SPDX-License-Identifier: Apache-2.0 */
/* keyhound rules list [--format human|jsonl|patterns] | rules check [DIR] | rules compile --output F */
#include <jansson.h>
#include <stdio.h>
#include <string.h>

#include "cli.h"

static const char *sev_name(keyhound_severity s)
{
	static const char *n[] = {"low", "medium", "high", "critical"};
	return s >= 1 && s <= 4 ? n[s - 1] : "?";
}

static const char *conf_name(keyhound_confidence c)
{
	static const char *n[] = {"low", "medium", "high"};
	return c >= 1 && c <= 3 ? n[c - 1] : "?";
}

static int list(keyhound_engine *e, const char *format)
{
	size_t n = keyhound_engine_rule_count(e);
	for (size_t i = 0; i < n; i++) {
		keyhound_rule_info r;
		keyhound_engine_rule(e, i, &r);
		if (!strcmp(format, "patterns")) {
			if (r.pattern)
				printf("%s\n", r.pattern);
		} else if (!strcmp(format, "jsonl")) {
			json_t *o = json_pack("{s:s,s:s,s:s,s:s}", "id", r.id, "name", r.name, "severity",
					      sev_name(r.severity), "confidence", conf_name(r.confidence));
			json_object_set_new(o, "pattern", r.pattern ? json_string(r.pattern) : json_null());
			json_t *paths = json_array();
			for (size_t k = 0; k < r.n_paths; k++)
				json_array_append_new(paths, json_string(r.paths[k]));
			json_object_set_new(o, "paths", paths);
			json_t *kw = json_array();
			for (size_t k = 0; k < r.n_keywords; k++)
				json_array_append_new(kw, json_string(r.keywords[k]));
			json_object_set_new(o, "keywords", kw);
			if (r.factor)
				json_object_set_new(o, "factor", json_string(r.factor));
			if (r.verify)
				json_object_set_new(o, "verify", json_loads(r.verify, 0, NULL));
			json_dumpf(o, stdout, JSON_COMPACT | JSON_PRESERVE_ORDER);
			putchar('\n');
			json_decref(o);
		} else {
			printf("%-40s %-8s %-6s %s\n", r.id, sev_name(r.severity), conf_name(r.confidence), r.name);
		}
	}
	if (!strcmp(format, "human"))
		printf("%zu rules (version %s)\n", n, keyhound_engine_rules_version(e));
	return 0;
}

static int rules_opt(cli *c, int argc, char **argv, int *i, void *payload)
{
	const char **format = payload;
	const char *v = cli_value(argc, argv, i, "--format");
	if (v) {
		*format = v;
		return 1;
	}
	return 0;
}

int cmd_rules(int argc, char **argv)
{
	cli c;
	keyhound_engine *e = NULL;
	const char *format = "human";
	int code;
	if (argc < 1)
		return cli_usage_error("usage: keyhound rules list|check [DIR]");
	const char *sub = argv[0];
	/* rules take their own --format (patterns is not a report format) */
	if ((code = cli_parse(&c, argc - 1, argv + 1, rules_opt, &format)))
		goto done;
	if (!strcmp(sub, "check") && c.n_args) {
		/* check exactly the rules in DIR */
		c.opts.no_default_rules = 1;
		c.opts.rule_dirs = c.args;
		c.opts.n_rule_dirs = c.n_args;
	}
	c.opts.threads = 1;
	if (keyhound_engine_new(&e, &c.opts) < 0) {
		code = cli_fail(NULL);
		goto done;
	}
	if (!strcmp(sub, "list")) {
		if (strcmp(format, "human") && strcmp(format, "jsonl") && strcmp(format, "patterns")) {
			code = cli_usage_error("rules list --format must be human, jsonl or patterns");
			goto done;
		}
		code = list(e, format);
	} else if (!strcmp(sub, "check")) {
		size_t failures = 0;
		keyhound_engine_check_rules(e, stderr, &failures);
		printf("%zu rules checked, %zu failure%s\n", keyhound_engine_rule_count(e), failures,
		       failures == 1 ? "" : "s");
		code = failures ? 1 : 0;
	} else if (!strcmp(sub, "compile")) {
		if (!c.output) {
			code = cli_usage_error("rules compile needs --output FILE");
			goto done;
		}
		code = keyhound_engine_write_db(e, c.output) < 0 ? cli_fail("rules compile") : 0;
	} else {
		code = cli_usage_error("unknown rules command '%s' (list, check)", sub);
	}
done:
	keyhound_engine_free(e);
	cli_free(&c);
	return code;
}
