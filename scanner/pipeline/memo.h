/* SPDX-License-Identifier: Apache-2.0 */
/* The match memo: what matching a blob left (its kind and raw matches as offsets, never
 * the secret), kept by its owner, the sweep, across repositories and runs. The pipeline
 * consults it: a blob the memo knows is judged from what it kept, its bytes read again
 * only when judging needs them; a new blob is matched and what matching left is stored.
 * The memo neither matches nor judges. */
#ifndef KH_PIPELINE_MEMO_H
#define KH_PIPELINE_MEMO_H

#include "core/blob.h"

/* What matching a blob left to judge it by later, without matching it again. */
enum {
	KH_BK_CLEAN = 0,   /* text, no raw match: only path rules can hit it */
	KH_BK_MATCHES,     /* raw matches kept: judged on its bytes, read again */
	KH_BK_BINARY,      /* skipped as binary: path rules only */
	KH_BK_LARGE,       /* over max_file_size: path rules only */
	KH_BK_RESCAN,      /* an archive, decoded matches, truncated or failed matching:
			    * what it holds is not a list of offsets, so it is scanned again
			    * wherever it is judged */
	/* as MATCHES and RESCAN, but every kept match is of a rule with `paths`: bytes are
	 * needed only where one of those rules applies */
	KH_BK_MATCHES_PATHS,
	KH_BK_RESCAN_PATHS,
};

/* A raw match, as offsets into the blob (never the secret itself). */
typedef struct {
	uint32_t rule;                  /* index in the ruleset */
	uint64_t start, end, sec_start, sec_end;
} kh_raw;

/* What the memo kept of a blob. */
typedef struct {
	int kind;                       /* KH_BK_* */
	kh_raw *m;                      /* malloc'd for the caller (may be NULL) */
	uint32_t n;
} kh_memo_entry;

/* Before the blobs are read: what to do with each. */
enum {
	KH_MEMO_NEW = 0,        /* not matched before: the caller matches it (it is claimed) */
	KH_MEMO_KNOWN,          /* judged later from the memo, its bytes not needed now */
	KH_MEMO_KNOWN_BYTES,    /* judged from the memo, with its bytes when they pass by */
};

typedef struct {
	/* The plan for id (KH_MEMO_*): a new blob is claimed for the caller. */
	int (*plan)(void *payload, const uint8_t id[20]);
	/* What was kept of id: 1 and *out filled (matches loaded), or 0: nothing kept (or
	 * its matcher gave up): the caller now holds the claim and matches it. wait: first
	 * wait for a blob someone else is matching now. */
	int (*lookup)(void *payload, const uint8_t id[20], bool wait, kh_memo_entry *out);
	/* What matching id left (settles the claim). */
	void (*store)(void *payload, const uint8_t id[20], int kind, const kh_raw *m, uint32_t n);
	/* The caller could not read id: its claim goes back. */
	void (*forget)(void *payload, const uint8_t id[20]);
	void *payload;
} kh_memo;

/* How the pipeline reads a known blob's bytes again (a git object database). */
typedef struct {
	/* 0 and the bytes (borrowed until release(handle)), or -1: missing (the reader
	 * reports it, naming b's place). */
	int (*read)(void *payload, const uint8_t id[20], const kh_blob *b,
		    const unsigned char **data, size_t *len, void **handle);
	void (*release)(void *payload, void *handle);
	/* Whether id is there at all (reported by the reader when not). */
	bool (*exists)(void *payload, const uint8_t id[20], const kh_blob *b);
	void *payload;
} kh_blob_reader;

#endif
