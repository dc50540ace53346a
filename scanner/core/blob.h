/* SPDX-License-Identifier: Apache-2.0 */
/* Blobs and where they sit: what a source hands the pipeline. An origin owns its
 * strings; a blob owns its bytes and its origins (kh_blob_free). And the raw matches
 * the matcher finds in a blob, which the judge turns into findings. */
#ifndef KH_CORE_BLOB_H
#define KH_CORE_BLOB_H

#include "core/kh.h"

typedef struct {
	unsigned long first, last;      /* 1-based, inclusive */
} kh_line_range;

/* Where a blob sits. Strings are owned by the origin (kh_origin_clear frees them). */
typedef struct kh_origin {
	keyhound_source_kind source;
	char *path;                     /* NULL for commit messages and config fields */
	char *root_path;                /* path relative to the work tree or root (fingerprints,
					 * allowlists, path rules); NULL: the same as path */
	/* git */
	char *commit, *author, *email, *date, *message, *repository;
	int in_head;                    /* -1 unknown */
	uint64_t commit_rank;           /* the commit's place in history, oldest first (0: unknown) */
	bool commit_message;
	unsigned long more_paths;       /* the blob's paths not listed (keyhound_finding) */
	/* lines added by the change under scan: a finding must touch one (NULL: all lines) */
	kh_line_range *added;
	size_t n_added;
	/* image */
	char *image, *platform, *layer, *created_by, *deleted_in_layer, *config_field;
	long layer_index;               /* -1 */
} kh_origin;
#define KH_ORIGIN_INIT { .in_head = -1, .layer_index = -1 }
void kh_origin_clear(kh_origin *o);
/* The path rules, allowlists and fingerprints see: relative to the work tree or root. */
static inline const char *kh_origin_where(const kh_origin *o)
{
	return o->root_path ? o->root_path : o->path;
}
void kh_origin_copy(kh_origin *dst, const kh_origin *src);

/* A blob: bytes seen at one or more places (git: one blob at several paths). */
typedef struct kh_blob {
	unsigned char *data;            /* owned (free()) */
	size_t len;
	kh_origin *occ;                 /* owned array */
	size_t n_occ;
	uint64_t seq;                   /* set by kh_pipeline_submit: output order */
	unsigned depth;                 /* archive nesting depth */
	/* a piece of a blob too large to hold (kh_pipeline_scan_piece): the line of the
	 * whole blob its bytes start at (0: 1); a later piece is not judged by path rules
	 * again (the first one was) */
	unsigned long first_line;
	uint64_t first_offset;          /* and the byte (findings are ordered by it) */
	bool later_piece;
} kh_blob;
void kh_blob_free(kh_blob *b);

/* A raw match in a blob: independent of where the blob sits. */
typedef struct {
	unsigned rule;                  /* index in the ruleset */
	size_t start, end;              /* the match, in the blob */
	size_t sec_start, sec_end;      /* the secret (group 1, else the whole match) */
	/* decoded matches: start/end cover the encoded run in the blob, and the secret is
	 * carried in `decoded_secret` since it is not in the blob's bytes */
	const char *decoded;            /* "base64"/"percent" or NULL */
	char *decoded_secret;
	size_t decoded_secret_len;
	char *decoded_match;
} kh_match;

typedef struct {
	kh_match *v;
	size_t n, cap;
	uint64_t match_limit_errors;    /* PCRE2 match-limit hits (counted, not "no match") */
	bool truncated;                 /* a rule reached max_findings_per_blob: some dropped */
	bool full;                      /* the blob's hard cap (KH_MATCH_HARD_CAP x the limit) */
	bool transcode_skipped;         /* UTF-16 or JSON escapes too large to undo (decode.c) */
} kh_matches;
void kh_matches_free(kh_matches *m);

#endif
