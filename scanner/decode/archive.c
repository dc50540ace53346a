/* SPDX-License-Identifier: Apache-2.0 */
/* The shared nested-archive reader: archives met inside scanned bytes (a jar in a folder,
 * in a commit or in an image layer) are opened from memory with libarchive, one level at a
 * time, every limit enforced before memory is committed. */
#include "core/report.h"
#include "decode/archive.h"

#include "core/dl_archive.h"
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* Small archives of repetitive text legitimately compress more than max_ratio; the ratio
 * only means "bomb" once the output is large enough to hurt. */
#define RATIO_FLOOR (1u << 20)
#define READ_CHUNK (64u << 10)

static bool has_eocd_near_end(const unsigned char *data, size_t len)
{
	/* the end-of-central-directory record sits in the last 22 + 65535 bytes */
	size_t lo = len > 65557 ? len - 65557 : 0;
	if (len < 22)
		return false;
	for (size_t i = len - 22 + 1; i-- > lo;)
		if (data[i] == 'P' && data[i + 1] == 'K' && data[i + 2] == 5 && data[i + 3] == 6)
			return true;
	return false;
}

kh_archive_kind kh_archive_kind_of(const unsigned char *data, size_t len)
{
	if (!data || len < 4)
		return KH_ARCHIVE_NONE;
	if (data[0] == 'P' && data[1] == 'K' &&
	    ((data[2] == 3 && data[3] == 4) || (data[2] == 5 && data[3] == 6) ||
	     (data[2] == 7 && data[3] == 8)))
		return KH_ARCHIVE_ZIP;
	/* an executable jar: a shell launch script, then the zip */
	if (data[0] == '#' && data[1] == '!' && has_eocd_near_end(data, len))
		return KH_ARCHIVE_ZIP;
	if (data[0] == 0x1f && data[1] == 0x8b && data[2] == 8)
		return KH_ARCHIVE_GZIP;
	if (data[0] == 0x28 && data[1] == 0xb5 && data[2] == 0x2f && data[3] == 0xfd)
		return KH_ARCHIVE_ZSTD;
	if (len >= 512 && memcmp(data + 257, "ustar", 5) == 0)
		return KH_ARCHIVE_TAR;
	return KH_ARCHIVE_NONE;
}

int kh_archive_next(struct archive *a, struct archive_entry **e)
{
	for (;;) {
		int r = archive_read_next_header(a, e);
		if (r == ARCHIVE_EOF)
			return 0;
		if (r == ARCHIVE_RETRY)
			continue;
		return r < ARCHIVE_WARN ? -1 : 1;
	}
}

bool kh_archive_detect(const unsigned char *data, size_t len)
{
	return kh_archive_kind_of(data, len) != KH_ARCHIVE_NONE;
}

/* The name of the single member of a bare .gz/.zst stream: the outer name less its suffix. */
static char *raw_member_name(const char *path)
{
	const char *base = strrchr(path, '/');
	const char *bang = strrchr(path, '!');
	if (!base || (bang && bang > base))
		base = bang;
	base = base ? base + 1 : path;
	size_t n = strlen(base);
	static const char *const suffixes[] = {".gz", ".zst", ".zstd", ".z"};
	for (size_t i = 0; i < sizeof(suffixes) / sizeof(*suffixes); i++) {
		size_t s = strlen(suffixes[i]);
		if (n > s && strcasecmp(base + n - s, suffixes[i]) == 0)
			return kh_strndup(base, n - s);
	}
	return kh_strdup("data");
}

static void configure(struct archive *a, kh_archive_kind kind, bool stream)
{
	switch (kind) {
	case KH_ARCHIVE_ZIP:
		/* seekable: reads the central directory, so entry sizes are known and a launch
		 * script in front does not matter; a stream is read entry by entry instead */
		if (stream)
			archive_read_support_format_zip_streamable(a);
		else
			archive_read_support_format_zip_seekable(a);
		break;
	case KH_ARCHIVE_TAR:
		archive_read_support_format_tar(a);
		break;
	case KH_ARCHIVE_GZIP:
	case KH_ARCHIVE_ZSTD:
		if (kind == KH_ARCHIVE_GZIP)
			archive_read_support_filter_gzip(a);
		else
			archive_read_support_filter_zstd(a);
		archive_read_support_format_tar(a);
		archive_read_support_format_raw(a);
		archive_read_support_format_empty(a); /* a .gz of nothing is not an error */
		break;
	default:
		break;
	}
}

typedef struct {
	const keyhound_limits *limits;
	keyhound_report *report;
	uint64_t in_len;
	const uint64_t *consumed; /* a stream: the input read so far stands for in_len */
	uint64_t total;         /* bytes decompressed (or declared, for skipped entries) */
	kh_skip stop;           /* the skip reason that ended the archive, or KH_SKIP_NONE */
} budget;

/* Count n more output bytes; false (and the reason) once the archive is over budget. */
static bool spend(budget *b, uint64_t n)
{
	uint64_t in = b->consumed ? *b->consumed : b->in_len;

	b->total += n;
	if (b->total > b->limits->max_decompressed)
		b->stop = KH_SKIP_ARCHIVE_TOTAL;
	else if (b->limits->max_ratio && b->total > RATIO_FLOOR &&
		 b->total / (in ? in : 1) >= b->limits->max_ratio)
		b->stop = KH_SKIP_ARCHIVE_RATIO;
	return b->stop == KH_SKIP_NONE;
}

/* Read the current entry into *buf; 1 read, 2 over max_file_size, 3 no memory for it (the
 * call under way then ends in KEYHOUND_ENOMEM), 0 stopped by the budget, <0 libarchive's
 * error. */
static int read_entry(struct archive *a, struct archive_entry *e, budget *b,
		      unsigned char **buf, size_t *cap, size_t *out_len)
{
	uint64_t max = b->limits->max_file_size;
	size_t n = 0;

	if (archive_entry_size_is_set(e)) {
		int64_t declared = archive_entry_size(e);
		if (declared < 0 || (uint64_t)declared > max) {
			/* libarchive would decompress it to skip it: count it against the budget */
			spend(b, declared < 0 ? 0 : (uint64_t)declared);
			return b->stop ? 0 : 2;
		}
	}
	for (;;) {
		if (*cap - n < READ_CHUNK) {
			size_t want;
			if (kh_add_overflows(*cap, *cap > READ_CHUNK ? *cap : READ_CHUNK, &want))
				want = SIZE_MAX;
			if (want > max + 1)
				want = max + 1; /* one byte more than allowed tells "too big" */
			if (want > *cap) {
				unsigned char *more = kh_try_realloc(*buf, want);
				if (!more)
					return 3;
				*buf = more;
				*cap = want;
			}
		}
		size_t room = *cap - n;
		if (room == 0)
			return 2;
		la_ssize_t got = archive_read_data(a, *buf + n, room > READ_CHUNK ? READ_CHUNK : room);
		if (got < 0)
			return (int)got; /* ARCHIVE_WARN never comes from read_data */
		if (got == 0)
			break;
		n += (size_t)got;
		if (!spend(b, (uint64_t)got))
			return 0;
		if (n > max)
			return 2;
	}
	*out_len = n;
	return 1;
}

static void skipped(const kh_archive_sink *sink, keyhound_report *report, const char *inner,
		    kh_skip reason, unsigned depth)
{
	if (sink->skipped)
		sink->skipped(inner, reason, depth, sink->payload);
	else
		kh_report_skip(report, reason);
}

const char *kh_archive_error(struct archive *a)
{
	const char *s = a ? archive_error_string(a) : NULL;
	return s && *s ? s : "damaged or not in a format libarchive reads (it gave no reason)";
}

/* Every entry of an opened archive, handed to the sink. */
static int expand_entries(struct archive *a, const char *path, unsigned depth, budget *b,
			  const kh_archive_sink *sink)
{
	const keyhound_limits *limits = b->limits;
	keyhound_report *report = b->report;
	struct archive_entry *e;
	unsigned char *buf = NULL;
	size_t cap = 0;
	uint64_t entries = 0;
	char *raw_name = NULL;
	int error = 0, r;

	for (;;) {
		r = kh_archive_next(a, &e);
		if (r == 0)
			break;
		if (r < 0) {
			/* bytes that look like an archive and are not one (a test's corrupt
			 * fixture): the caller scans them as they are */
			if (!entries)
				error = KH_ARCHIVE_UNREADABLE;
			else
				kh_report_skip(report, KH_SKIP_ARCHIVE_UNREADABLE);
			break;
		}
		if (++entries > limits->max_archive_entries) {
			b->stop = KH_SKIP_ARCHIVE_ENTRIES;
			break;
		}
		/* links and devices carry no bytes of their own: never followed */
		if (archive_entry_filetype(e) != AE_IFREG || archive_entry_hardlink(e))
			continue;
		const char *inner = archive_entry_pathname(e);
		if (archive_format(a) == ARCHIVE_FORMAT_RAW) {
			if (!raw_name)
				raw_name = raw_member_name(path);
			inner = raw_name;
		}
		if (!inner)
			inner = "?";
		if (archive_entry_is_encrypted(e)) {
			skipped(sink, report, inner, KH_SKIP_ARCHIVE_ENCRYPTED, depth + 1);
			continue;
		}
		size_t n = 0;
		r = read_entry(a, e, b, &buf, &cap, &n);
		if (r < 0) {
			/* a damaged entry (bad compressed data, cut short): counted, the rest read */
			kh_report_skip(report, KH_SKIP_ARCHIVE_UNREADABLE);
			if (r == ARCHIVE_FATAL)
				break;
			continue;
		}
		if (b->stop)
			break;
		if (r == 3) {
			kh_report_error(report, inner, "not read: no memory for its bytes");
			break;
		}
		if (r == 2) {
			skipped(sink, report, inner, KH_SKIP_FILE_SIZE, depth + 1);
			continue;
		}
		if (sink->entry(inner, buf, n, depth + 1, sink->payload) != 0) {
			error = KEYHOUND_EUSER;
			break;
		}
	}
	if (b->stop)
		kh_report_skip(report, b->stop);
	free(buf);
	free(raw_name);
	return error;
}

/* What both entry points check first: 1 go on, 0 nothing to do (counted), <0 error. */
static int prepare(kh_archive_kind kind, const char *path, unsigned depth,
		   const keyhound_limits *limits, keyhound_report *report)
{
	if (kind == KH_ARCHIVE_NONE)
		return 0;
	if (kh_dl_require(KH_DL_ARCHIVE) < 0) {
		kh_report_error(report, path, "%s", keyhound_last_error());
		return KEYHOUND_ERROR;
	}
	if (depth >= limits->max_archive_depth) {
		kh_report_skip(report, KH_SKIP_ARCHIVE_DEPTH);
		return 0;
	}
	return 1;
}

int kh_archive_expand(const unsigned char *data, size_t len, const char *path, unsigned depth,
		      const keyhound_limits *limits, keyhound_report *report,
		      const kh_archive_sink *sink)
{
	kh_archive_kind kind = kh_archive_kind_of(data, len);
	keyhound_limits deflt = KEYHOUND_LIMITS_INIT;
	struct archive *a = NULL;
	budget b = { 0 };
	int error;

	if (!limits)
		limits = &deflt;
	if (!path)
		path = "";
	if ((error = prepare(kind, path, depth, limits, report)) <= 0)
		return error;
	error = 0;
	b = (budget){ .limits = limits, .report = report, .in_len = len };
	a = archive_read_new();
	configure(a, kind, false);
	if (archive_read_open_memory(a, data, len) != ARCHIVE_OK)
		error = KH_ARCHIVE_UNREADABLE;
	else
		error = expand_entries(a, path, depth, &b, sink);
	archive_read_free(a);
	return error;
}

typedef struct {
	int fd;
	const unsigned char *head;
	size_t head_len;
	bool head_done;
	unsigned char *buf;
	uint64_t consumed;
} stream_src;

static la_ssize_t stream_read(struct archive *a, void *p, const void **out)
{
	stream_src *s = p;
	ssize_t r;

	if (!s->head_done) {
		s->head_done = true;
		if (s->head_len) {
			*out = s->head;
			s->consumed += s->head_len;
			return (la_ssize_t)s->head_len;
		}
	}
	while ((r = read(s->fd, s->buf, READ_CHUNK)) < 0 && errno == EINTR)
		;
	if (r < 0) {
		archive_set_error(a, errno, "%s", strerror(errno));
		return -1;
	}
	s->consumed += (uint64_t)r;
	*out = s->buf;
	return (la_ssize_t)r;
}

int kh_archive_expand_stream(int fd, const unsigned char *head, size_t head_len, uint64_t size,
			     const char *path, unsigned depth, const keyhound_limits *limits,
			     keyhound_report *report, const kh_archive_sink *sink)
{
	kh_archive_kind kind = kh_archive_kind_of(head, head_len);
	keyhound_limits deflt = KEYHOUND_LIMITS_INIT;
	stream_src src = { fd, head, head_len, false, NULL, 0 };
	struct archive *a = NULL;
	budget b = { 0 };
	int error;

	if (!limits)
		limits = &deflt;
	if (!path)
		path = "";
	if ((error = prepare(kind, path, depth, limits, report)) <= 0)
		return error;
	error = 0;
	b = (budget){ .limits = limits, .report = report, .in_len = size, .consumed = &src.consumed };
	src.buf = kh_malloc(READ_CHUNK);
	a = archive_read_new();
	configure(a, kind, true);
	if (archive_read_open2(a, &src, NULL, stream_read, NULL, NULL) != ARCHIVE_OK)
		error = KH_ARCHIVE_UNREADABLE;
	else
		error = expand_entries(a, path, depth, &b, sink);
	archive_read_free(a);
	free(src.buf);
	return error;
}
