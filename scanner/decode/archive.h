/* The one nested-archive reader (zip/jar, tar, tgz, tar.zst, gz) every source
 * shares: archives met in folders, commits and image layers open in memory. */
#ifndef KH_ARCHIVE_H
#define KH_ARCHIVE_H

#include "core/kh.h"

typedef int (*kh_archive_entry_cb)(const char *path, const unsigned char *data, size_t len,
				   unsigned depth, void *payload);

/* Is this an archive the reader opens (by content, not by name)? */
bool kh_archive_detect(const unsigned char *data, size_t len);
/* Call cb for each regular file inside, with depth + 1; limits are counted skips. */
int kh_archive_expand(const unsigned char *data, size_t len, const char *path, unsigned depth,
		      const keyhound_limits *limits, keyhound_report *report,
		      kh_archive_entry_cb cb, void *payload);

#endif
