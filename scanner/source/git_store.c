/* SPDX-License-Identifier: Apache-2.0 */
/* The history's object store (git_store.h). */
#include <dirent.h>
#include <stdlib.h>
#include <string.h>
#include <stdio.h>
#include <unistd.h>

#include "core/report.h"
#include "source/git_mini.h"
#include "source/git_store.h"

#define MAX_ALTERNATES 64

/* objdir, and the object folders its info/alternates names (git follows them 5 deep). */
static void add_objdir(kh_store *st, const char *objdir, unsigned depth)
{
	char *alt, line[4096];
	FILE *f;

	for (size_t i = 0; i < st->n_objdirs; i++)
		if (!strcmp(st->objdirs[i], objdir))
			return;
	if (st->n_objdirs >= MAX_ALTERNATES)
		return;
	st->objdirs = kh_realloc(st->objdirs, sizeof(char *) * (st->n_objdirs + 1));
	st->objdirs[st->n_objdirs++] = kh_strdup(objdir);
	if (depth >= 5)
		return;
	alt = kh_sprintf("%s/info/alternates", objdir);
	f = fopen(alt, "r");
	free(alt);
	while (f && fgets(line, sizeof(line), f)) {
		char *p;
		line[strcspn(line, "\r\n")] = 0;
		if (!line[0] || line[0] == '#')
			continue;
		p = line[0] == '/' ? kh_strdup(line) : kh_sprintf("%s/%s", objdir, line);
		add_objdir(st, p, depth + 1);
		free(p);
	}
	if (f)
		fclose(f);
}

void kh_store_find_packs(kh_store *st, const char *gitdir)
{
	size_t n = strlen(gitdir);
	char *objdir = kh_sprintf("%.*s/objects", (int)(n > 1 && gitdir[n - 1] == '/' ? n - 1 : n),
				  gitdir);

	pthread_mutex_init(&st->lock, NULL);
	add_objdir(st, objdir, 0);
	free(objdir);
	for (size_t k = 0; k < st->n_objdirs; k++) {
		char *dir = kh_sprintf("%s/pack", st->objdirs[k]);
		DIR *d = opendir(dir);
		struct dirent *de;
		while (d && (de = readdir(d))) {
			size_t n = strlen(de->d_name);
			if (n > 5 && !strcmp(de->d_name + n - 5, ".pack")) {
				st->packs = kh_realloc(st->packs, sizeof(char *) * (st->n_packs + 1));
				st->packs[st->n_packs++] = kh_sprintf("%s/%s", dir, de->d_name);
			}
		}
		if (d)
			closedir(d);
		free(dir);
	}
	st->open = kh_calloc(st->n_packs + 1, sizeof(kh_pack *));
	for (size_t i = 0; i < st->n_packs; i++)
		if (kh_pack_open(&st->open[i], st->packs[i]) < 0) {
			/* judged unreadable: libgit2 is not asked to read it either */
			st->open[i] = NULL;
			if (st->report)
				kh_report_error(st->report, st->packs[i], "%s: its objects are not read",
						keyhound_last_error());
		}
}

int kh_store_read(kh_store *st, const uint8_t id[20], kh_obj_type *type, unsigned char **data,
		  size_t *len)
{
	uint64_t max = st->max_size ? st->max_size : 50u << 20;
	int error = KEYHOUND_ENOTFOUND;

	*data = NULL;
	pthread_mutex_lock(&st->lock);
	for (size_t i = 0; i < st->n_packs && error == KEYHOUND_ENOTFOUND; i++)
		if (st->open[i])
			error = kh_pack_read(st->open[i], id, max, type, data, len);
	pthread_mutex_unlock(&st->lock);
	for (size_t k = 0; k < st->n_objdirs && error == KEYHOUND_ENOTFOUND; k++)
		error = kh_loose_read(st->objdirs[k], id, max, type, data, len);
	return error;
}

bool kh_store_exists(const kh_store *st, const uint8_t id[20])
{
	char hex[41];

	if (kh_store_in_packs(st, id))
		return true;
	kh_hex(id, 20, hex);
	for (size_t k = 0; k < st->n_objdirs; k++) {
		char *p = kh_sprintf("%s/%.2s/%s", st->objdirs[k], hex, hex + 2);
		bool ok = access(p, F_OK) == 0;
		free(p);
		if (ok)
			return true;
	}
	return false;
}

int kh_store_get(kh_store *st, const uint8_t id[20], kh_obj_type *type,
		 const unsigned char **data, size_t *len, unsigned char **owned)
{
	if (kh_store_read(st, id, type, owned, len) < 0)
		return -1;
	*data = *owned;
	return 0;
}

bool kh_store_in_packs(const kh_store *st, const uint8_t id[20])
{
	for (size_t i = 0; i < st->n_packs; i++)
		if (st->open[i] && kh_pack_has(st->open[i], id))
			return true;
	return false;
}

void kh_store_free(kh_store *st)
{
	for (size_t i = 0; i < st->n_packs; i++) {
		kh_pack_free(st->open[i]);
		free(st->packs[i]);
	}
	free(st->packs);
	free(st->open);
	for (size_t k = 0; k < st->n_objdirs; k++)
		free(st->objdirs[k]);
	free(st->objdirs);
	if (st->n_objdirs)
		pthread_mutex_destroy(&st->lock);
	git_odb_free(st->odb);
	memset(st, 0, sizeof(*st));
}
