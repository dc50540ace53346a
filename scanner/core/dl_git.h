/* SPDX-License-Identifier: Apache-2.0 */
/* Generated list: the functions of this library that keyhound calls, reached through
 * pointers that kh_dl_require() fills on first use (see core/dl.h). Add a function
 * here when the code starts calling it. */
#ifndef KH_DL_GIT_H
#define KH_DL_GIT_H

#include <git2.h>
#include <git2/sys/odb_backend.h>

#include "core/dl.h"

#define KH_DL_GIT_FUNCS(X) \
	X(git_blob_free) \
	X(git_blob_lookup) \
	X(git_blob_rawcontent) \
	X(git_blob_rawsize) \
	X(git_buf_dispose) \
	X(git_commit_author) \
	X(git_commit_free) \
	X(git_commit_id) \
	X(git_commit_lookup) \
	X(git_commit_parent) \
	X(git_commit_parentcount) \
	X(git_commit_summary) \
	X(git_commit_tree) \
	X(git_config_free) \
	X(git_config_get_path) \
	X(git_diff_find_options_init) \
	X(git_diff_find_similar) \
	X(git_diff_free) \
	X(git_diff_get_delta) \
	X(git_diff_num_deltas) \
	X(git_diff_options_init) \
	X(git_diff_tree_to_index) \
	X(git_diff_tree_to_tree) \
	X(git_error_last) \
	X(git_error_set_str) \
	X(git_index_free) \
	X(git_index_get_bypath) \
	X(git_libgit2_init) \
	X(git_libgit2_opts) \
	X(git_libgit2_shutdown) \
	X(git_object_free) \
	X(git_graph_descendant_of) \
	X(git_merge_base) \
	X(git_object_id) \
	X(git_object_lookup) \
	X(git_object_peel) \
	X(git_object_type) \
	X(git_odb_add_backend) \
	X(git_odb_backend_data_alloc) \
	X(git_odb_exists) \
	X(git_odb_foreach) \
	X(git_odb_free) \
	X(git_odb_init_backend) \
	X(git_odb_object_data) \
	X(git_odb_object_free) \
	X(git_odb_object_size) \
	X(git_odb_object_type) \
	X(git_odb_read) \
	X(git_oid_fromstr) \
	X(git_oid_tostr) \
	X(git_patch_free) \
	X(git_patch_from_diff) \
	X(git_patch_get_hunk) \
	X(git_patch_num_hunks) \
	X(git_reference_free) \
	X(git_reference_iterator_free) \
	X(git_reference_iterator_glob_new) \
	X(git_reference_iterator_new) \
	X(git_reference_name) \
	X(git_reference_name_to_id) \
	X(git_reference_next) \
	X(git_reference_peel) \
	X(git_reference_resolve) \
	X(git_reference_target) \
	X(git_reflog_entry_byindex) \
	X(git_reflog_entry_id_new) \
	X(git_reflog_entrycount) \
	X(git_reflog_free) \
	X(git_reflog_read) \
	X(git_repository_commondir) \
	X(git_repository_config_snapshot) \
	X(git_repository_free) \
	X(git_repository_index) \
	X(git_repository_is_bare) \
	X(git_repository_odb) \
	X(git_repository_open_ext) \
	X(git_repository_path) \
	X(git_repository_workdir) \
	X(git_revparse) \
	X(git_revparse_single) \
	X(git_revwalk_free) \
	X(git_revwalk_hide) \
	X(git_revwalk_hide_glob) \
	X(git_revwalk_new) \
	X(git_revwalk_next) \
	X(git_revwalk_push) \
	X(git_revwalk_push_range) \
	X(git_revwalk_sorting) \
	X(git_tree_entry_bypath) \
	X(git_tree_entry_free) \
	X(git_tree_entry_id) \
	X(git_tree_free)

#ifndef KH_DL_DEFINE
#define X(f) extern __typeof__(f) *kh_dl_##f;
KH_DL_GIT_FUNCS(X)
#undef X

#define git_blob_free (*kh_dl_git_blob_free)
#define git_blob_lookup (*kh_dl_git_blob_lookup)
#define git_blob_rawcontent (*kh_dl_git_blob_rawcontent)
#define git_blob_rawsize (*kh_dl_git_blob_rawsize)
#define git_buf_dispose (*kh_dl_git_buf_dispose)
#define git_commit_author (*kh_dl_git_commit_author)
#define git_commit_free (*kh_dl_git_commit_free)
#define git_commit_id (*kh_dl_git_commit_id)
#define git_commit_lookup (*kh_dl_git_commit_lookup)
#define git_commit_parent (*kh_dl_git_commit_parent)
#define git_commit_parentcount (*kh_dl_git_commit_parentcount)
#define git_commit_summary (*kh_dl_git_commit_summary)
#define git_commit_tree (*kh_dl_git_commit_tree)
#define git_config_free (*kh_dl_git_config_free)
#define git_config_get_path (*kh_dl_git_config_get_path)
#define git_diff_find_options_init (*kh_dl_git_diff_find_options_init)
#define git_diff_find_similar (*kh_dl_git_diff_find_similar)
#define git_diff_free (*kh_dl_git_diff_free)
#define git_diff_get_delta (*kh_dl_git_diff_get_delta)
#define git_diff_num_deltas (*kh_dl_git_diff_num_deltas)
#define git_diff_options_init (*kh_dl_git_diff_options_init)
#define git_diff_tree_to_index (*kh_dl_git_diff_tree_to_index)
#define git_diff_tree_to_tree (*kh_dl_git_diff_tree_to_tree)
#define git_error_last (*kh_dl_git_error_last)
#define git_error_set_str (*kh_dl_git_error_set_str)
#define git_index_free (*kh_dl_git_index_free)
#define git_index_get_bypath (*kh_dl_git_index_get_bypath)
#define git_libgit2_init (*kh_dl_git_libgit2_init)
#define git_libgit2_opts (*kh_dl_git_libgit2_opts)
#define git_libgit2_shutdown (*kh_dl_git_libgit2_shutdown)
#define git_object_free (*kh_dl_git_object_free)
#define git_graph_descendant_of (*kh_dl_git_graph_descendant_of)
#define git_merge_base (*kh_dl_git_merge_base)
#define git_object_id (*kh_dl_git_object_id)
#define git_object_lookup (*kh_dl_git_object_lookup)
#define git_object_peel (*kh_dl_git_object_peel)
#define git_object_type (*kh_dl_git_object_type)
#define git_odb_add_backend (*kh_dl_git_odb_add_backend)
#define git_odb_backend_data_alloc (*kh_dl_git_odb_backend_data_alloc)
#define git_odb_exists (*kh_dl_git_odb_exists)
#define git_odb_foreach (*kh_dl_git_odb_foreach)
#define git_odb_free (*kh_dl_git_odb_free)
#define git_odb_init_backend (*kh_dl_git_odb_init_backend)
#define git_odb_object_data (*kh_dl_git_odb_object_data)
#define git_odb_object_free (*kh_dl_git_odb_object_free)
#define git_odb_object_size (*kh_dl_git_odb_object_size)
#define git_odb_object_type (*kh_dl_git_odb_object_type)
#define git_odb_read (*kh_dl_git_odb_read)
#define git_oid_fromstr (*kh_dl_git_oid_fromstr)
#define git_oid_tostr (*kh_dl_git_oid_tostr)
#define git_patch_free (*kh_dl_git_patch_free)
#define git_patch_from_diff (*kh_dl_git_patch_from_diff)
#define git_patch_get_hunk (*kh_dl_git_patch_get_hunk)
#define git_patch_num_hunks (*kh_dl_git_patch_num_hunks)
#define git_reference_free (*kh_dl_git_reference_free)
#define git_reference_iterator_free (*kh_dl_git_reference_iterator_free)
#define git_reference_iterator_glob_new (*kh_dl_git_reference_iterator_glob_new)
#define git_reference_iterator_new (*kh_dl_git_reference_iterator_new)
#define git_reference_name (*kh_dl_git_reference_name)
#define git_reference_name_to_id (*kh_dl_git_reference_name_to_id)
#define git_reference_next (*kh_dl_git_reference_next)
#define git_reference_peel (*kh_dl_git_reference_peel)
#define git_reference_resolve (*kh_dl_git_reference_resolve)
#define git_reference_target (*kh_dl_git_reference_target)
#define git_reflog_entry_byindex (*kh_dl_git_reflog_entry_byindex)
#define git_reflog_entry_id_new (*kh_dl_git_reflog_entry_id_new)
#define git_reflog_entrycount (*kh_dl_git_reflog_entrycount)
#define git_reflog_free (*kh_dl_git_reflog_free)
#define git_reflog_read (*kh_dl_git_reflog_read)
#define git_repository_commondir (*kh_dl_git_repository_commondir)
#define git_repository_config_snapshot (*kh_dl_git_repository_config_snapshot)
#define git_repository_free (*kh_dl_git_repository_free)
#define git_repository_index (*kh_dl_git_repository_index)
#define git_repository_is_bare (*kh_dl_git_repository_is_bare)
#define git_repository_odb (*kh_dl_git_repository_odb)
#define git_repository_open_ext (*kh_dl_git_repository_open_ext)
#define git_repository_path (*kh_dl_git_repository_path)
#define git_repository_workdir (*kh_dl_git_repository_workdir)
#define git_revparse (*kh_dl_git_revparse)
#define git_revparse_single (*kh_dl_git_revparse_single)
#define git_revwalk_free (*kh_dl_git_revwalk_free)
#define git_revwalk_hide (*kh_dl_git_revwalk_hide)
#define git_revwalk_hide_glob (*kh_dl_git_revwalk_hide_glob)
#define git_revwalk_new (*kh_dl_git_revwalk_new)
#define git_revwalk_next (*kh_dl_git_revwalk_next)
#define git_revwalk_push (*kh_dl_git_revwalk_push)
#define git_revwalk_push_range (*kh_dl_git_revwalk_push_range)
#define git_revwalk_sorting (*kh_dl_git_revwalk_sorting)
#define git_tree_entry_bypath (*kh_dl_git_tree_entry_bypath)
#define git_tree_entry_free (*kh_dl_git_tree_entry_free)
#define git_tree_entry_id (*kh_dl_git_tree_entry_id)
#define git_tree_free (*kh_dl_git_tree_free)
#endif

#endif
