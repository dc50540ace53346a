/* SPDX-License-Identifier: Apache-2.0 */
/* The one reader of archives nested in scanned bytes (zip/jar/war/ear/whl, tar, tar.gz,
 * tar.zst, single .gz/.zst streams), opened in memory, whatever source met them. */
#ifndef KH_ARCHIVE_H
#define KH_ARCHIVE_H

#include "core/kh.h"

typedef enum {
	KH_ARCHIVE_NONE = 0,
	KH_ARCHIVE_ZIP,         /* also a jar with a launch script in front */
	KH_ARCHIVE_TAR,
	KH_ARCHIVE_GZIP,        /* a tar.gz, or a single gzip stream */
	KH_ARCHIVE_ZSTD,        /* a tar.zst, or a single zstd stream */
} kh_archive_kind;

struct archive;
struct archive_entry;

/* The next entry of an archive being read: 1 an entry, 0 the end, -1 an error (which
 * archive_error_string names). Retries and warnings are taken care of here. */
int kh_archive_next(struct archive *a, struct archive_entry **e);

/* Recognise an archive by its bytes (never by its name). */
kh_archive_kind kh_archive_kind_of(const unsigned char *data, size_t len);
bool kh_archive_detect(const unsigned char *data, size_t len);

/* One regular file of an archive. path is its name inside the archive (the caller
 * writes "outer!inner" for each place the archive sits); data is borrowed for the call
 * (a callee that keeps it copies it). depth is the entry's nesting depth (the archive's
 * depth + 1). Return non-zero to stop. */
typedef int (*kh_archive_entry_cb)(const char *path, const unsigned char *data, size_t len,
				   unsigned depth, void *payload);

/* Expand one level of an archive held in memory; entries that are archives themselves
 * are the callback's to expand (the pipeline re-enters here with depth + 1).
 * Each limit hit (depth, entries, bytes per entry, bytes in total, ratio) is a counted
 * skip in report; an unreadable archive is an error in report naming path. Links and
 * devices are not read. Returns 0, or KEYHOUND_EUSER when the callback stopped. */
int kh_archive_expand(const unsigned char *data, size_t len, const char *path, unsigned depth,
		      const keyhound_limits *limits, keyhound_report *report,
		      kh_archive_entry_cb cb, void *payload);

/* Skip reasons, shared with the image reader so the summary groups them. */
#define KH_SKIP_ARCHIVE_DEPTH      "max-archive-depth"
#define KH_SKIP_ARCHIVE_ENTRIES    "max-archive-entries"
#define KH_SKIP_ARCHIVE_TOTAL      "max-decompressed"
#define KH_SKIP_ARCHIVE_RATIO      "max-ratio"
#define KH_SKIP_ARCHIVE_ENTRY_SIZE "max-file-size"
#define KH_SKIP_ARCHIVE_ENCRYPTED  "encrypted-archive-entry"

#endif
