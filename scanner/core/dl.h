/* SPDX-License-Identifier: Apache-2.0 */
/* Libraries only some commands need (libgit2, libarchive, SQLite, libcurl, libcrypto) are opened on first
 * use: a pre-commit hook or a one-line scan does not pay for loading and relocating
 * them and theirs (Kerberos, ICU, libxml2...), which cost more than the scan. */
#ifndef KH_DL_H
#define KH_DL_H

typedef enum {
	KH_DL_GIT = 0,
	KH_DL_ARCHIVE,
	KH_DL_SQLITE,
	KH_DL_CURL,
	KH_DL_CRYPTO,      /* OpenSSL libcrypto: --verify's signers */
	KH_DL_COUNT
} kh_dl_lib;

/* Open the library and resolve every function keyhound calls in it (once, thread-safe).
 * 0, or KEYHOUND_ERROR with the message set when it cannot be loaded. */
int kh_dl_require(kh_dl_lib lib);

#endif
