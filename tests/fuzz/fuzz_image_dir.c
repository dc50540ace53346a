/* SPDX-License-Identifier: Apache-2.0 */
/* libFuzzer target for folder-mode images (keyhound image DIR): the input is a list of
 * members, "name\0content\0" repeated, written into a fresh folder. A name starting with
 * '@' makes a symbolic link whose target is the content, so links inside and out of the
 * folder, loops and links to devices are all tried; nothing outside may be read. */
#include <dirent.h>
#include <ftw.h>

#include "core/blob.h"
#include "core/report.h"
#include "fuzz_common.h"
#include "source/image.h"

static int drop(void *payload, const kh_origin *o, unsigned char *data, size_t len)
{
	free(data);
	return 0;
}

static int rm_one(const char *p, const struct stat *st, int flag, struct FTW *ftw)
{
	return remove(p);
}

/* a safe relative name: [A-Za-z0-9._/-], no "..", no leading '/' */
static int safe(const char *s)
{
	if (!*s || *s == '/' || strstr(s, "..") || strlen(s) > 200)
		return 0;
	for (; *s; s++)
		if (!strchr("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789._/-", *s))
			return 0;
	return 1;
}

static void mkparents(char *path)
{
	for (char *s = path + 1; *s; s++)
		if (*s == '/') {
			*s = 0;
			mkdir(path, 0700);
			*s = '/';
		}
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char dir[256], path[512];
	snprintf(dir, sizeof(dir), "%s/img", fuzz_dir());
	nftw(dir, rm_one, 16, FTW_DEPTH | FTW_PHYS);
	mkdir(dir, 0700);
	const char *p = (const char *)data, *end = p + size;
	for (int members = 0; p < end && members < 64; members++) {
		const char *name = p, *z = memchr(p, 0, (size_t)(end - p));
		if (!z)
			break;
		const char *content = z + 1, *z2 = content < end ? memchr(content, 0, (size_t)(end - content)) : NULL;
		size_t clen = z2 ? (size_t)(z2 - content) : (size_t)(end - content);
		p = z2 ? z2 + 1 : end;
		int link = name[0] == '@';
		if (!safe(name + link))
			continue;
		snprintf(path, sizeof(path), "%s/%s", dir, name + link);
		mkparents(path);
		if (link) {
			char target[256];
			snprintf(target, sizeof(target), "%.*s", (int)(clen < 255 ? clen : 255), content);
			symlink(target, path);
		} else {
			FILE *f = fopen(path, "wb");
			if (f) {
				fwrite(content, 1, clen, f);
				fclose(f);
			}
		}
	}
	keyhound_report *rep = kh_calloc(1, sizeof(*rep));
	keyhound_limits lim = KEYHOUND_LIMITS_INIT;
	kh_image *im = NULL;
	kh_image_sink sink = {drop, NULL};
	lim.max_file_size = 1u << 20;
	lim.max_decompressed = 8u << 20;
	kh_report_init(rep);
	if (kh_image_new(&im, NULL, &lim, rep, &sink) == 0)
		kh_image_read_path(im, dir);
	kh_image_free(im);
	keyhound_report_free(rep);
	return 0;
}
