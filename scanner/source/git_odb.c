/* SPDX-License-Identifier: Apache-2.0 */
/* The object reader libgit2 uses for keyhound's diffs (git_odb.h): keyhound's own pack
 * and loose-object readers, bounded by the size limit, put in front of libgit2's. */
#include <stdlib.h>
#include <string.h>

#include "source/git_odb.h"
#include "source/git_store.h"

typedef struct {
	git_odb_backend parent;     /* first: libgit2 hands this pointer back */
	kh_store st;
	kh_git *g;
} backend;

/* Our readers' answer for id: 0 (bytes in *data, malloc'd), GIT_ENOTFOUND (libgit2 may
 * look further: there is no such file in any object folder or pack we read), or -1
 * with libgit2's error set (damaged, or over the size limit: libgit2 stops there). */
static int fetch(backend *b, const git_oid *id, kh_obj_type *type, unsigned char **data,
		 size_t *len)
{
	int error = kh_store_read(&b->st, id->id, type, data, len);

	if (error == KEYHOUND_ENOTFOUND) {
		/* libgit2 would find it only in a pack ours judged unreadable: not asked */
		for (size_t i = 0; i < b->st.n_packs; i++)
			if (!b->st.open[i]) {
				git_error_set_str(GIT_ERROR_ODB, "object not found in the packs "
						  "keyhound can read");
				return -1;
			}
		return GIT_ENOTFOUND;
	}
	if (error == KH_EOBJ_TOO_LARGE && b->g) {
		memcpy(b->g->too_large, id->id, 20);
		b->g->has_too_large = true;
	}
	if (error < 0) {
		git_error_set_str(GIT_ERROR_ODB, keyhound_last_error());
		return -1;
	}
	return 0;
}

static int be_read(void **out, size_t *len_out, git_object_t *type_out, git_odb_backend *be,
		   const git_oid *id)
{
	backend *b = (backend *)be;
	unsigned char *data = NULL;
	kh_obj_type type;
	size_t len = 0;
	int error = fetch(b, id, &type, &data, &len);

	if (error < 0)
		return error;
	if (!(*out = git_odb_backend_data_alloc(be, len ? len : 1))) {
		free(data);
		return -1;
	}
	memcpy(*out, data, len);
	free(data);
	*len_out = len;
	*type_out = (git_object_t)type;
	return 0;
}

/* libgit2's own header reader follows a REF_DELTA cycle forever: the header is read
 * from the whole object, within the size limit. */
static int be_read_header(size_t *len_out, git_object_t *type_out, git_odb_backend *be,
			  const git_oid *id)
{
	unsigned char *data = NULL;
	kh_obj_type type;
	size_t len = 0;
	int error = fetch((backend *)be, id, &type, &data, &len);

	free(data);
	if (error < 0)
		return error;
	*len_out = len;
	*type_out = (git_object_t)type;
	return 0;
}

static int be_exists(git_odb_backend *be, const git_oid *id)
{
	return kh_store_exists(&((backend *)be)->st, id->id);
}

static void be_free(git_odb_backend *be)
{
	backend *b = (backend *)be;

	kh_store_free(&b->st);
	free(b);
}

int kh_git_odb_install(git_repository *repo, const char *gitdir, uint64_t max_size,
		       keyhound_report *report, kh_git *g)
{
	git_odb *odb = NULL;
	backend *b;
	int error;

	if (git_repository_odb(&odb, repo) < 0)
		return kh_error(KEYHOUND_ERROR, "cannot open the object database: %s",
				git_error_last() ? git_error_last()->message : "");
	b = kh_calloc(1, sizeof(*b));
	git_odb_init_backend(&b->parent, GIT_ODB_BACKEND_VERSION);
	b->parent.read = be_read;
	b->parent.read_header = be_read_header;
	b->parent.exists = be_exists;
	b->parent.free = be_free;
	b->g = g;
	b->st.max_size = max_size;
	b->st.report = report;
	kh_store_find_packs(&b->st, gitdir);
	/* above libgit2's loose (1) and pack (2) readers: asked first */
	if ((error = git_odb_add_backend(odb, &b->parent, 100)) < 0) {
		be_free(&b->parent);
		error = kh_error(KEYHOUND_ERROR, "cannot add the object reader: %s",
				 git_error_last() ? git_error_last()->message : "");
	}
	git_odb_free(odb);
	return error < 0 ? error : 0;
}
