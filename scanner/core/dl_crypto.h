/* SPDX-License-Identifier: Apache-2.0 */
/* The functions of OpenSSL's libcrypto that keyhound calls (signatures for --verify:
 * HMAC for AWS and Azure, RS256 for Google service accounts), reached through pointers
 * that kh_dl_require(KH_DL_CRYPTO) fills on first use (see core/dl.h). Only real
 * functions here, not OpenSSL's macros. */
#ifndef KH_DL_CRYPTO_H
#define KH_DL_CRYPTO_H

#include <openssl/bio.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/hmac.h>
#include <openssl/pem.h>

#include "core/dl.h"

#define KH_DL_CRYPTO_FUNCS(X) \
	X(BIO_free) \
	X(BIO_new_mem_buf) \
	X(ERR_clear_error) \
	X(EVP_DigestSign) \
	X(EVP_DigestSignInit) \
	X(EVP_MD_CTX_free) \
	X(EVP_MD_CTX_new) \
	X(EVP_PKEY_free) \
	X(EVP_PKEY_get_base_id) \
	X(EVP_sha256) \
	X(HMAC) \
	X(PEM_read_bio_PrivateKey)

#ifndef KH_DL_DEFINE
#define X(f) extern __typeof__(f) *kh_dl_##f;
KH_DL_CRYPTO_FUNCS(X)
#undef X

#define BIO_free (*kh_dl_BIO_free)
#define BIO_new_mem_buf (*kh_dl_BIO_new_mem_buf)
#define ERR_clear_error (*kh_dl_ERR_clear_error)
#define EVP_DigestSign (*kh_dl_EVP_DigestSign)
#define EVP_DigestSignInit (*kh_dl_EVP_DigestSignInit)
#define EVP_MD_CTX_free (*kh_dl_EVP_MD_CTX_free)
#define EVP_MD_CTX_new (*kh_dl_EVP_MD_CTX_new)
#define EVP_PKEY_free (*kh_dl_EVP_PKEY_free)
#define EVP_PKEY_get_base_id (*kh_dl_EVP_PKEY_get_base_id)
#define EVP_sha256 (*kh_dl_EVP_sha256)
#define HMAC (*kh_dl_HMAC)
#define PEM_read_bio_PrivateKey (*kh_dl_PEM_read_bio_PrivateKey)
#endif

#endif
