/* SPDX-License-Identifier: Apache-2.0 */
/* libgit2 reads objects through keyhound's readers: libgit2 1.5 loops forever on a
 * truncated loose object and on a REF_DELTA cycle in a pack, and allocates what an
 * object declares. Installed in front of libgit2's own readers, ours answer for every
 * object they find (within the size limit) and refuse every object they judge damaged,
 * so libgit2 reads an object itself only where ours found no file at all (an object
 * named by an abbreviated id, or one only in a pack ours cannot open, which is reported). */
#ifndef KH_SOURCE_GIT_ODB_H
#define KH_SOURCE_GIT_ODB_H

#include "source/git.h"

/* For repo (its common git folder gitdir): objects over max_size are refused; packs our
 * reader cannot open are errors in report (may be NULL); g (may be NULL) learns which
 * object was refused as too large. */
int kh_git_odb_install(git_repository *repo, const char *gitdir, uint64_t max_size,
		       keyhound_report *report, kh_git *g);

#endif
