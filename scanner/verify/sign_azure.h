/* SPDX-License-Identifier: Apache-2.0 */
/* Azure Storage Shared Key (sign_azure.c): the string to sign, exposed for the tests. */
#ifndef KH_VERIFY_SIGN_AZURE_H
#define KH_VERIFY_SIGN_AZURE_H

#include "verify/sign.h"

#define KH_AZURE_VERSION "2021-08-06"

/* The Shared Key string to sign for req on account's Blob service (standard headers,
 * x-ms-* headers, canonicalized resource). The caller frees *out. */
int kh_azure_string_to_sign(char **out, const kh_verify_request *req, const char *account);

#endif
