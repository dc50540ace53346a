/* SPDX-License-Identifier: Apache-2.0 */
/* A reader of git pack files (.pack + .idx v2) that walks every object of a pack once,
 * applying each delta once, on several threads, and hands each object to a callback. */
#ifndef KH_GIT_PACK_H
#define KH_GIT_PACK_H

#include <stddef.h>
#include <stdint.h>

/* Object types, numbered as in the pack format. */
typedef enum {
	KH_OBJ_NONE = 0,
	KH_OBJ_COMMIT = 1,
	KH_OBJ_TREE = 2,
	KH_OBJ_BLOB = 3,
	KH_OBJ_TAG = 4,
} kh_obj_type;

#define KH_OBJ_MASK(t) (1u << (t))

typedef struct kh_pack kh_pack;

/* An object over the size limit asked for (kh_pack_read, kh_loose_read): not an error in
 * the object, a counted skip for the caller. */
#define KH_EOBJ_TOO_LARGE (-100)

/* Open a pack; path names the .pack (its .idx sits next to it). A bad or unsupported
 * index, or a pack header that does not agree with it, fails the whole pack. */
int kh_pack_open(kh_pack **out, const char *pack_path);
void kh_pack_free(kh_pack *p);
/* Number of objects the index lists. */
size_t kh_pack_count(const kh_pack *p);
/* The i-th object id of the index (sorted by id), 20 bytes. */
const uint8_t *kh_pack_oid(const kh_pack *p, size_t i);
/* Whether the index lists oid. */
int kh_pack_has(const kh_pack *p, const uint8_t oid[20]);

/* Read one object by id (random access: for a few objects, not for walks). *data is
 * malloc'd. KEYHOUND_ENOTFOUND when the pack does not hold it; KH_EOBJ_TOO_LARGE over
 * max_size (0: 50 MiB); an error (message in keyhound_last_error()) when it is
 * unreadable. Not thread-safe (the pack's base cache). */
int kh_pack_read(kh_pack *p, const uint8_t oid[20], uint64_t max_size, kh_obj_type *type,
		 unsigned char **data, size_t *len);

/* An object, borrowed for the duration of the call: data is valid until the callback
 * returns. thread is 0..threads-1, so a callback can keep per-thread scratch.
 * Return 0 to go on, KH_PACK_TAKEN to keep data (with allow_take set: the caller then
 * owns it, must not change it, keeps it until the walk ends, and frees it with
 * kh_pack_buf_free), anything else to stop the walk (kh_pack_walk then returns
 * KEYHOUND_EUSER). */
#define KH_PACK_TAKEN 0x74616b65 /* "take" */
typedef int (*kh_pack_object_cb)(unsigned thread, const uint8_t oid[20], kh_obj_type type,
				 const unsigned char *data, size_t len, void *payload);

typedef enum {
	KH_PACK_ERROR = 0,  /* unreadable: corrupt data, bad delta, missing base, truncated pack */
	KH_PACK_TOO_LARGE,  /* over max_object_size (or its delta base is): not read */
} kh_pack_problem;

/* An object that could not be served. type is KH_OBJ_NONE when it is not known. */
typedef void (*kh_pack_problem_cb)(unsigned thread, const uint8_t oid[20], kh_obj_type type,
				   kh_pack_problem problem, const char *reason, void *payload);

typedef struct {
	uint64_t objects;        /* listed by the index */
	uint64_t delivered;      /* handed to on_object */
	uint64_t bytes;          /* their bytes */
	uint64_t errors;         /* KH_PACK_ERROR */
	uint64_t too_large;      /* KH_PACK_TOO_LARGE */
	uint64_t not_wanted;     /* objects of types not asked for (not inflated) */
	uint64_t rebuilt;        /* delta bases rebuilt after the cache dropped them */
} kh_pack_stats;

/* A piece of a whole blob too large to hold (over piece_size, see the options): bytes
 * [offset, offset + len) of the object, borrowed for the call. Pieces follow each other
 * and overlap by piece_overlap bytes (the last ones of a piece start the next), so a
 * match shorter than the overlap lies whole in some piece; last is set on the final one.
 * Return 0 to go on, 1 to drop the rest of this object, anything else to stop the walk. */
typedef int (*kh_pack_piece_cb)(unsigned thread, const uint8_t oid[20], uint64_t size,
				uint64_t offset, const unsigned char *data, size_t len, int last,
				void *payload);

#define KH_PACK_WALK_OPTIONS_VERSION 1
typedef struct {
	unsigned version;
	unsigned threads;            /* 0 or 1: the calling thread only */
	unsigned types;              /* KH_OBJ_MASK()s of the types to serve; 0: all */
	uint64_t max_object_size;    /* larger objects are not read; 0: 50 MiB */
	uint64_t cache_limit;        /* bytes of delta bases one thread keeps; 0: 256 MiB */
	kh_pack_object_cb on_object;
	kh_pack_problem_cb on_problem; /* may be NULL */
	void *payload;
	int allow_take;              /* on_object may return KH_PACK_TAKEN */
	/* with on_piece: a blob over piece_size bytes (and up to max_object_size) that is
	 * stored whole and is no delta's base is inflated piece by piece, never held whole
	 * (git stores blobs over core.bigFileThreshold, 512 MiB, so) */
	kh_pack_piece_cb on_piece;
	uint64_t piece_size;
	size_t piece_overlap;
} kh_pack_walk_options;
#define KH_PACK_WALK_OPTIONS_INIT \
	{ KH_PACK_WALK_OPTIONS_VERSION, 1, 0, 0, 0, NULL, NULL, NULL, 0, NULL, 0, 0 }

/* Free an object buffer a callback took. */
void kh_pack_buf_free(const unsigned char *data);

/* Serve every object of the pack whose type is wanted, in roughly pack order, each
 * delta applied once against a base kept in memory (bases are rebuilt if the cache
 * limit dropped them). Unreadable objects are reported to on_problem and the walk goes
 * on; stats (may be NULL) is filled in. Returns 0, KEYHOUND_EUSER if a callback
 * stopped the walk, or an error for a failure that stops everything (no memory,
 * threads). */
int kh_pack_walk(kh_pack *p, const kh_pack_walk_options *opts, kh_pack_stats *stats);

#endif
