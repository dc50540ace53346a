/* SPDX-License-Identifier: Apache-2.0 */
/* Generated list: the functions of libcurl that keyhound calls, reached through
 * pointers that kh_dl_require() fills on first use (see core/dl.h). Only --verify and
 * the sweep's API listings load it. Add a function here when the code starts calling it. */
#ifndef KH_DL_CURL_H
#define KH_DL_CURL_H

/* the type-checking macros of curl.h would clash with the pointers below */
#define CURL_DISABLE_TYPECHECK 1
#include <curl/curl.h>

#include "core/dl.h"

#define KH_DL_CURL_FUNCS(X) \
	X(curl_easy_cleanup) \
	X(curl_easy_getinfo) \
	X(curl_easy_init) \
	X(curl_easy_perform) \
	X(curl_easy_setopt) \
	X(curl_easy_strerror) \
	X(curl_global_init_mem) \
	X(curl_share_cleanup) \
	X(curl_share_init) \
	X(curl_share_setopt) \
	X(curl_slist_append) \
	X(curl_slist_free_all)

#ifndef KH_DL_DEFINE
#define X(f) extern __typeof__(f) *kh_dl_##f;
KH_DL_CURL_FUNCS(X)
#undef X

/* curl.h defines these three as macros of themselves */
#undef curl_easy_getinfo
#undef curl_easy_setopt
#undef curl_share_setopt
#define curl_easy_cleanup (*kh_dl_curl_easy_cleanup)
#define curl_easy_getinfo (*kh_dl_curl_easy_getinfo)
#define curl_easy_init (*kh_dl_curl_easy_init)
#define curl_easy_perform (*kh_dl_curl_easy_perform)
#define curl_easy_setopt (*kh_dl_curl_easy_setopt)
#define curl_easy_strerror (*kh_dl_curl_easy_strerror)
#define curl_global_init_mem (*kh_dl_curl_global_init_mem)
#define curl_share_cleanup (*kh_dl_curl_share_cleanup)
#define curl_share_init (*kh_dl_curl_share_init)
#define curl_share_setopt (*kh_dl_curl_share_setopt)
#define curl_slist_append (*kh_dl_curl_slist_append)
#define curl_slist_free_all (*kh_dl_curl_slist_free_all)
#endif

#endif
