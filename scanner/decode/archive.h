/* SPDX-License-Identifier: Apache-2.0 */
/* The one reader of archives nested in scanned bytes (zip/jar/war/ear/whl, tar, tar.gz,
 * tar.zst, single .gz/.zst streams), opened in memory, whatever source met them. */
#ifndef KH_ARCHIVE_H
#define KH_ARCHIVE_H

#include "core/kh.h"
#include "core/report.h"

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

typedef struct {
	kh_archive_entry_cb entry;
	/* A regular file whose bytes are not read (over max_file_size, encrypted); NULL:
	 * only counted in the report. */
	void (*skipped)(const char *path, kh_skip reason, unsigned depth, void *payload);
	void *payload;
} kh_archive_sink;

/* Expand one level of an archive held in memory; entries that are archives themselves
 * are the sink's to expand (the pipeline re-enters here with depth + 1).
 * Each limit hit (depth, entries, bytes per entry, bytes in total, ratio) is a counted
 * skip in report; an unreadable archive is an error in report naming path. Links and
 * devices are not read. Returns 0, or KEYHOUND_EUSER when the sink stopped. */
int kh_archive_expand(const unsigned char *data, size_t len, const char *path, unsigned depth,
		      const keyhound_limits *limits, keyhound_report *report,
		      const kh_archive_sink *sink);

/* The same for an archive too large to hold: head (head_len bytes, the first of the
 * archive, already read) and then the rest read from fd as the entries are, never
 * seeking. size is the archive's size when known (for the ratio limit), else 0. */
int kh_archive_expand_stream(int fd, const unsigned char *head, size_t head_len, uint64_t size,
			     const char *path, unsigned depth, const keyhound_limits *limits,
			     keyhound_report *report, const kh_archive_sink *sink);

#endif
