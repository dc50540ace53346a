/* SPDX-License-Identifier: Apache-2.0 */
/* Parsers of git's tree, commit and tag objects, shared by the history walk
 * (git_walk.c) and the staged scan (git_staged.c). They read untrusted bytes: every
 * length is checked against the end, nothing is allocated, nothing is trusted to be
 * NUL-terminated. */
#ifndef KH_SOURCE_GIT_OBJECT_H
#define KH_SOURCE_GIT_OBJECT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* ---- trees ---- */

typedef struct {
	const unsigned char *name;  /* borrowed from the tree; not NUL-terminated */
	size_t name_len;
	unsigned mode;
	const uint8_t *id;          /* 20 bytes, borrowed */
} kh_tree_entry;

/* The entry of the tree at *p (advanced past it); false at the end, or on a malformed
 * entry, which sets *bad. */
bool kh_tree_next(const unsigned char **p, const unsigned char *end, kh_tree_entry *e, bool *bad);

/* git's tree order: names compared as if folders ended with '/'. */
int kh_tree_entry_cmp(const kh_tree_entry *a, const kh_tree_entry *b);

static inline bool kh_git_mode_is_tree(unsigned mode)
{
	return (mode & 0170000) == 0040000;
}

/* A file or a symbolic link (whose target is scanned as its bytes). */
static inline bool kh_git_mode_is_blob(unsigned mode)
{
	return (mode & 0170000) == 0100000 || (mode & 0170000) == 0120000;
}

/* ---- commits ---- */

typedef struct {
	bool has_tree;
	uint8_t tree[20];
	bool has_author;
	/* "Name <email> 1500000000 +0100": spans borrowed from the commit, trimmed */
	const unsigned char *name, *name_end, *email, *email_end;
	bool has_email;             /* false: no <...>, name holds the whole line */
	int64_t when;
	int tz;                     /* minutes east of UTC */
	const unsigned char *message; /* after the blank line (the end if none) */
} kh_commit_fields;

/* Reads a commit's header. on_parent (may be NULL) is called with each parent's id in
 * order; a non-zero return stops and is returned. */
int kh_commit_parse(const unsigned char *data, size_t len, kh_commit_fields *out,
		    int (*on_parent)(const uint8_t id[20], void *payload), void *payload);

/* ---- tags ---- */

/* The id an annotated tag points at: 0, or -1 when the tag is malformed. */
int kh_tag_target(const unsigned char *data, size_t len, uint8_t out[20]);

#endif
