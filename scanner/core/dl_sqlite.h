/* SPDX-License-Identifier: Apache-2.0 */
/* Generated list: the functions of this library that keyhound calls, reached through
 * pointers that kh_dl_require() fills on first use (see core/dl.h). Add a function
 * here when the code starts calling it. */
#ifndef KH_DL_SQLITE_H
#define KH_DL_SQLITE_H

#include <sqlite3.h>

#include "core/dl.h"

#define KH_DL_SQLITE_FUNCS(X) \
	X(sqlite3_bind_blob) \
	X(sqlite3_bind_int) \
	X(sqlite3_bind_int64) \
	X(sqlite3_bind_text) \
	X(sqlite3_busy_timeout) \
	X(sqlite3_close) \
	X(sqlite3_column_blob) \
	X(sqlite3_column_bytes) \
	X(sqlite3_column_int) \
	X(sqlite3_column_int64) \
	X(sqlite3_column_text) \
	X(sqlite3_config) \
	X(sqlite3_errmsg) \
	X(sqlite3_exec) \
	X(sqlite3_finalize) \
	X(sqlite3_free) \
	X(sqlite3_open_v2) \
	X(sqlite3_prepare_v2) \
	X(sqlite3_reset) \
	X(sqlite3_step)

#ifndef KH_DL_DEFINE
#define X(f) extern __typeof__(f) *kh_dl_##f;
KH_DL_SQLITE_FUNCS(X)
#undef X

#define sqlite3_bind_blob (*kh_dl_sqlite3_bind_blob)
#define sqlite3_bind_int (*kh_dl_sqlite3_bind_int)
#define sqlite3_bind_int64 (*kh_dl_sqlite3_bind_int64)
#define sqlite3_bind_text (*kh_dl_sqlite3_bind_text)
#define sqlite3_busy_timeout (*kh_dl_sqlite3_busy_timeout)
#define sqlite3_close (*kh_dl_sqlite3_close)
#define sqlite3_column_blob (*kh_dl_sqlite3_column_blob)
#define sqlite3_column_bytes (*kh_dl_sqlite3_column_bytes)
#define sqlite3_column_int (*kh_dl_sqlite3_column_int)
#define sqlite3_column_int64 (*kh_dl_sqlite3_column_int64)
#define sqlite3_column_text (*kh_dl_sqlite3_column_text)
#define sqlite3_config (*kh_dl_sqlite3_config)
#define sqlite3_errmsg (*kh_dl_sqlite3_errmsg)
#define sqlite3_exec (*kh_dl_sqlite3_exec)
#define sqlite3_finalize (*kh_dl_sqlite3_finalize)
#define sqlite3_free (*kh_dl_sqlite3_free)
#define sqlite3_open_v2 (*kh_dl_sqlite3_open_v2)
#define sqlite3_prepare_v2 (*kh_dl_sqlite3_prepare_v2)
#define sqlite3_reset (*kh_dl_sqlite3_reset)
#define sqlite3_step (*kh_dl_sqlite3_step)
#endif

#endif
