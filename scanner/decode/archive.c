/* Nested archives: stub until the image work lands (nothing is recognised). */
#include "decode/archive.h"

bool kh_archive_detect(const unsigned char *data, size_t len)
{
	return false;
}

int kh_archive_expand(const unsigned char *data, size_t len, const char *path, unsigned depth,
		      const keyhound_limits *limits, keyhound_report *report,
		      kh_archive_entry_cb cb, void *payload)
{
	return 0;
}
