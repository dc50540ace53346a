/* keyhound git --staged: what the index would commit, against HEAD (or the empty tree
 * before the first commit). */
#include "source/git.h"

int kh_git_staged(kh_git *g)
{
	git_index *index = NULL;
	git_object *head = NULL;
	git_tree *tree = NULL;
	git_diff *diff = NULL;
	git_diff_options opts;
	int error = 0;

	git_diff_options_init(&opts, GIT_DIFF_OPTIONS_VERSION);
	opts.context_lines = 0;
	opts.flags = GIT_DIFF_IGNORE_SUBMODULES;
	if (git_repository_index(&index, g->repo) < 0) {
		error = kh_error(KEYHOUND_ERROR, "cannot read the index: %s", git_error_last()->message);
		goto done;
	}
	if (git_revparse_single(&head, g->repo, "HEAD^{tree}") == 0)
		tree = (git_tree *)head;
	if (git_diff_tree_to_index(&diff, g->repo, tree, index, &opts) < 0) {
		error = kh_error(KEYHOUND_ERROR, "cannot diff the index: %s", git_error_last()->message);
		goto done;
	}
	error = kh_git_scan_diff(g, diff, NULL);
done:
	git_diff_free(diff);
	git_object_free(head);
	git_index_free(index);
	return error;
}
