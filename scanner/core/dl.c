/* SPDX-License-Identifier: Apache-2.0 */
/* The loader behind core/dl.h: one dlopen per library, on first use. */
#define KH_DL_DEFINE
#include <dlfcn.h>
#include <malloc.h>
#include <pthread.h>
#include <string.h>
#include <git2/sys/alloc.h>

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

/* Each library is given keyhound's allocator when it is loaded (libgit2 and SQLite
 * before their first initialisation), so that their allocations fail as ours do: counted
 * in the call under way, which returns KEYHOUND_ENOMEM, and reached by the tests' failure
 * hook. They check every allocation, so a failure past the reserve is their own error
 * (GIT_ERROR_NOMEMORY, SQLITE_NOMEM, CURLE_OUT_OF_MEMORY), never the handler. All three
 * allocators are process-wide: a program that also uses these libraries shares ours,
 * which is malloc and free underneath. SQLite keeps a program's own when the program has
 * initialised SQLite first (sqlite3_config then refuses). */
static void *git_malloc(size_t n, const char *file, int line)
{
	return kh_alloc_routed(n);
}

static void *git_calloc(size_t n, size_t m, const char *file, int line)
{
	return kh_calloc_routed(n, m);
}

static char *git_strdup(const char *s, const char *file, int line)
{
	return kh_strndup_routed(s, strlen(s));
}

static char *git_strndup(const char *s, size_t n, const char *file, int line)
{
	return kh_strndup_routed(s, strnlen(s, n));
}

static char *git_substrdup(const char *s, size_t n, const char *file, int line)
{
	return kh_strndup_routed(s, n);
}

static void *git_realloc(void *p, size_t n, const char *file, int line)
{
	return kh_realloc_routed(p, n);
}

static void *git_reallocarray(void *p, size_t n, size_t m, const char *file, int line)
{
	size_t total;
	return kh_mul_overflows(n, m, &total) ? NULL : kh_realloc_routed(p, total);
}

static void *git_mallocarray(size_t n, size_t m, const char *file, int line)
{
	size_t total;
	return kh_mul_overflows(n, m, &total) ? NULL : kh_alloc_routed(total);
}

static git_allocator git_alloc = {git_malloc,  git_calloc,	   git_strdup,
				  git_strndup, git_substrdup,	   git_realloc,
				  git_reallocarray, git_mallocarray, free};

static void *sqlite_malloc(int n)
{
	return n > 0 ? kh_alloc_routed((size_t)n) : NULL;
}

static void *sqlite_realloc(void *p, int n)
{
	return n > 0 ? kh_realloc_routed(p, (size_t)n) : NULL;
}

static int sqlite_size(void *p)
{
	return p ? (int)malloc_usable_size(p) : 0;
}

static int sqlite_roundup(int n)
{
	return (n + 7) & ~7;
}

static int sqlite_init(void *unused)
{
	return 0;
}

static void sqlite_shutdown(void *unused)
{
}

static const sqlite3_mem_methods sqlite_alloc = {sqlite_malloc,	 free,	       sqlite_realloc,
						 sqlite_size,	 sqlite_roundup, sqlite_init,
						 sqlite_shutdown, NULL};

static char *curl_strdup(const char *s)
{
	return kh_strndup_routed(s, strlen(s));
}

/* keyhound only reads repositories (no hooks, filters or configured commands run), so
 * a repository owned by another user is scanned as any other input: the image runs as
 * uid 65534 over a mounted checkout, CI runners as their own user. git's safe.directory
 * check guards against running such a repository's configured programs. */
static void load_git(void)
{
	load(KH_DL_GIT);
	if (failure[KH_DL_GIT][0])
		return;
	kh_dl_git_libgit2_opts(GIT_OPT_SET_ALLOCATOR, &git_alloc);
	kh_dl_git_libgit2_opts(GIT_OPT_SET_OWNER_VALIDATION, 0);
}
static void load_archive(void) { load(KH_DL_ARCHIVE); }
static void load_sqlite(void)
{
	load(KH_DL_SQLITE);
	if (!failure[KH_DL_SQLITE][0])
		kh_dl_sqlite3_config(SQLITE_CONFIG_MALLOC, &sqlite_alloc); /* MISUSE: the program's */
}
static void load_curl(void)
{
	load(KH_DL_CURL);
	if (!failure[KH_DL_CURL][0] &&
	    kh_dl_curl_global_init_mem(CURL_GLOBAL_DEFAULT, kh_alloc_routed, free, kh_realloc_routed,
				       curl_strdup, kh_calloc_routed) != CURLE_OK)
		snprintf(failure[KH_DL_CURL], sizeof(failure[KH_DL_CURL]),
			 "%s: curl_global_init_mem failed", sonames[KH_DL_CURL]);
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
