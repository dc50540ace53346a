/* SPDX-License-Identifier: Apache-2.0 */
/* The loader behind core/dl.h: one dlopen per library, on first use. */
#define KH_DL_DEFINE
#include <dlfcn.h>
#include <pthread.h>

#include "core/dl_archive.h"
#include "core/dl_crypto.h"
#include "core/dl_curl.h"
#include "core/dl_git.h"
#include "core/dl_sqlite.h"
#include "core/kh.h"

#define X(f) __typeof__(f) *kh_dl_##f;
KH_DL_GIT_FUNCS(X)
KH_DL_ARCHIVE_FUNCS(X)
KH_DL_SQLITE_FUNCS(X)
KH_DL_CURL_FUNCS(X)
KH_DL_CRYPTO_FUNCS(X)
#undef X

static const char *const sonames[KH_DL_COUNT] = {KH_GIT2_SONAME, KH_ARCHIVE_SONAME, KH_SQLITE_SONAME,
							 KH_CURL_SONAME, KH_CRYPTO_SONAME};
static pthread_once_t once[KH_DL_COUNT] = {PTHREAD_ONCE_INIT, PTHREAD_ONCE_INIT, PTHREAD_ONCE_INIT,
					       PTHREAD_ONCE_INIT, PTHREAD_ONCE_INIT};
static char failure[KH_DL_COUNT][512];

#define RESOLVE(f)                                                                   \
	if (!failure[lib][0] && !(*(void **)&kh_dl_##f = dlsym(h, #f)))              \
		snprintf(failure[lib], sizeof(failure[lib]), "%s: no symbol %s", sonames[lib], #f);

static void load(kh_dl_lib lib)
{
	void *h = dlopen(sonames[lib], RTLD_NOW | RTLD_LOCAL);
	if (!h) {
		const char *why = dlerror();
		snprintf(failure[lib], sizeof(failure[lib]), "cannot load %s: %s", sonames[lib],
			 why ? why : "?");
		return;
	}
	/* never closed: the functions stay in use until the process ends */
#define X(f) RESOLVE(f)
	switch (lib) {
	case KH_DL_GIT:
		KH_DL_GIT_FUNCS(X)
		break;
	case KH_DL_ARCHIVE:
		KH_DL_ARCHIVE_FUNCS(X)
		break;
	case KH_DL_SQLITE:
		KH_DL_SQLITE_FUNCS(X)
		break;
	case KH_DL_CURL:
		KH_DL_CURL_FUNCS(X)
		break;
	default:
		KH_DL_CRYPTO_FUNCS(X)
		break;
	}
#undef X
}

/* keyhound only reads repositories (no hooks, filters or configured commands run), so
 * a repository owned by another user is scanned as any other input: the image runs as
 * uid 65534 over a mounted checkout, CI runners as their own user. git's safe.directory
 * check guards against running such a repository's configured programs. */
static void load_git(void)
{
	load(KH_DL_GIT);
	if (!failure[KH_DL_GIT][0])
		kh_dl_git_libgit2_opts(GIT_OPT_SET_OWNER_VALIDATION, 0);
}
static void load_archive(void) { load(KH_DL_ARCHIVE); }
static void load_sqlite(void) { load(KH_DL_SQLITE); }
static void load_curl(void)
{
	load(KH_DL_CURL);
	if (!failure[KH_DL_CURL][0] && kh_dl_curl_global_init(CURL_GLOBAL_DEFAULT) != CURLE_OK)
		snprintf(failure[KH_DL_CURL], sizeof(failure[KH_DL_CURL]), "%s: curl_global_init failed",
			 sonames[KH_DL_CURL]);
}
static void load_crypto(void) { load(KH_DL_CRYPTO); }

int kh_dl_require(kh_dl_lib lib)
{
	static void (*const loaders[KH_DL_COUNT])(void) = {load_git, load_archive, load_sqlite,
								   load_curl, load_crypto};
	if (lib >= KH_DL_COUNT)
		return kh_error(KEYHOUND_EINVAL, "unknown library");
	pthread_once(&once[lib], loaders[lib]);
	return failure[lib][0] ? kh_error(KEYHOUND_ERROR, "%s", failure[lib]) : 0;
}
