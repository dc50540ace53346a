/* SPDX-License-Identifier: Apache-2.0 */
/* A change to the repository's own .keyhound.yml that widens what keyhound allows (an
 * allowlist entry, a disabled rule, a baseline) is itself a finding of --staged, --range
 * and --pre-push: it takes effect once merged, so review must see it (issue 17, item 10).
 * The finding bypasses allowlists and baselines: the file under review cannot hide it. */
#include <stdlib.h>
#include <string.h>

#include "core/config.h"
#include "filter/judge.h"
#include "source/git.h"

#define RULE_ID "keyhound-config-widened"
#define RULE_NAME "A change widens what keyhound allows in .keyhound.yml"

/* The text of .keyhound.yml in commit id's tree (NULL: none, or unreadable). */
static char *config_at_commit(kh_git *g, const git_oid *id, size_t *len)
{
	git_commit *c = NULL;
	git_tree *t = NULL;
	git_tree_entry *e = NULL;
	git_blob *b = NULL;
	char *text = NULL;

	if (git_commit_lookup(&c, g->repo, id) == 0 && git_commit_tree(&t, c) == 0 &&
	    git_tree_entry_bypath(&e, t, ".keyhound.yml") == 0 &&
	    git_blob_lookup(&b, g->repo, git_tree_entry_id(e)) == 0 &&
	    git_blob_rawsize(b) <= KH_CONFIG_MAX_BYTES) {
		*len = (size_t)git_blob_rawsize(b);
		text = kh_malloc(*len + 1);
		memcpy(text, git_blob_rawcontent(b), *len);
		text[*len] = 0;
	}
	git_blob_free(b);
	git_tree_entry_free(e);
	git_tree_free(t);
	git_commit_free(c);
	return text;
}

/* The text of .keyhound.yml in the index. */
static char *config_in_index(kh_git *g, size_t *len)
{
	git_index *index = NULL;
	const git_index_entry *ie;
	git_blob *b = NULL;
	char *text = NULL;

	if (git_repository_index(&index, g->repo) == 0 &&
	    (ie = git_index_get_bypath(index, ".keyhound.yml", 0)) &&
	    git_blob_lookup(&b, g->repo, &ie->id) == 0 && git_blob_rawsize(b) <= KH_CONFIG_MAX_BYTES) {
		*len = (size_t)git_blob_rawsize(b);
		text = kh_malloc(*len + 1);
		memcpy(text, git_blob_rawcontent(b), *len);
		text[*len] = 0;
	}
	git_blob_free(b);
	git_index_free(index);
	return text;
}

static bool has_str(char *const *v, size_t n, const char *s)
{
	for (size_t i = 0; i < n; i++)
		if (!strcmp(v[i], s))
			return true;
	return false;
}

static void widened(kh_git *g, const char *commit, const char *what)
{
	kh_finding_rec rec;
	keyhound_finding *f = &rec.f;
	char fp[33];

	memset(&rec, 0, sizeof(rec));
	kh_fingerprint(RULE_ID, ".keyhound.yml", what, strlen(what), fp);
	rec.seq = UINT64_MAX;
	f->rule_id = kh_strdup(RULE_ID);
	f->rule_name = kh_strdup(RULE_NAME);
	f->severity = KEYHOUND_SEV_HIGH;
	f->confidence = KEYHOUND_CONF_HIGH;
	f->secret = kh_strdup("");
	f->match = kh_strdup(what);
	rec.context = kh_strdup(what);
	f->fingerprint = kh_strdup(fp);
	f->source = KEYHOUND_SOURCE_GIT;
	f->path = kh_strdup(".keyhound.yml");
	f->root_path = kh_strdup(".keyhound.yml");
	f->repository = kh_strdup(g->repository);
	f->commit = commit ? kh_strdup(commit) : NULL;
	f->in_head = -1;
	f->layer_index = -1;
	f->line = f->column = f->end_line = f->end_column = 1;
	kh_report_add(g->scan->report, &rec);
}

static void compare_lists(kh_git *g, const char *commit, const kh_allowlist *old,
			  const kh_allowlist *new, const char *where)
{
	char what[512];

	for (size_t i = 0; i < new->n_paths; i++)
		if (!old || !has_str(old->paths, old->n_paths, new->paths[i])) {
			snprintf(what, sizeof(what), "%s.paths '%s' added", where, new->paths[i]);
			widened(g, commit, what);
		}
	for (size_t i = 0; i < new->n_stopwords; i++)
		if (!old || !has_str(old->stopwords, old->n_stopwords, new->stopwords[i])) {
			snprintf(what, sizeof(what), "%s.stopwords '%s' added", where, new->stopwords[i]);
			widened(g, commit, what);
		}
	/* by the regex as written, not by count: a regex swapped for a wider one is new; the
	 * entry is named by its place, since a regex may spell out the secret it allows */
	for (size_t i = 0; i < new->n_secrets; i++)
		if (!old || !has_str(old->secret_srcs, old->n_secrets, new->secret_srcs[i])) {
			snprintf(what, sizeof(what), "%s.secrets entry %zu added or changed", where, i + 1);
			widened(g, commit, what);
		}
}

/* Report what new_text allows that old_text (NULL: no file) did not. */
static void compare(kh_git *g, const char *commit, const char *old_text, size_t old_len,
		    const char *new_text, size_t new_len)
{
	kh_config *o = NULL, *n = NULL;
	char what[512];

	if (!new_text || (old_text && old_len == new_len && !memcmp(old_text, new_text, new_len)))
		return;
	if (kh_config_load_text(&n, ".keyhound.yml", new_text, new_len) < 0) {
		kh_report_error(g->scan->report, ".keyhound.yml", "the changed file: %s",
				keyhound_last_error());
		return;
	}
	if (old_text && kh_config_load_text(&o, ".keyhound.yml", old_text, old_len) < 0)
		o = NULL; /* the old file was broken: everything in the new one is new */
	compare_lists(g, commit, o ? &o->allow : NULL, &n->allow, "allow");
	for (size_t i = 0; i < n->n_rules; i++) {
		const kh_allowlist *old = NULL;
		for (size_t k = 0; o && k < o->n_rules; k++)
			if (!strcmp(o->rules[k].rule_id, n->rules[i].rule_id))
				old = &o->rules[k].allow;
		snprintf(what, sizeof(what), "allow.rules.%s", n->rules[i].rule_id);
		compare_lists(g, commit, old, &n->rules[i].allow, what);
	}
	for (size_t i = 0; i < n->n_disable; i++)
		if (!o || !has_str(o->disable, o->n_disable, n->disable[i])) {
			snprintf(what, sizeof(what), "rules.disable '%s' added", n->disable[i]);
			widened(g, commit, what);
		}
	if (n->baseline && (!o || !o->baseline || strcmp(o->baseline, n->baseline))) {
		widened(g, commit, "baseline added or changed");
	}
	kh_config_free(o);
	kh_config_free(n);
}

void kh_git_config_change(kh_git *g, const git_oid *base, const git_oid *tip)
{
	char *old = NULL, *new;
	size_t old_len = 0, new_len = 0;
	char hex[GIT_OID_HEXSZ + 1];

	if (base)
		old = config_at_commit(g, base, &old_len);
	if (tip) {
		git_oid_tostr(hex, sizeof(hex), tip);
		new = config_at_commit(g, tip, &new_len);
	} else {
		new = config_in_index(g, &new_len);
	}
	compare(g, tip ? hex : NULL, old, old_len, new, new_len);
	free(old);
	free(new);
}
