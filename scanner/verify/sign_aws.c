/* SPDX-License-Identifier: Apache-2.0 */
/* PLACEHOLDER until the providers session lands the real signer: every rule naming it
 * verifies as unknown (sign-failed). */
#include "core/kh.h"
#include "verify/sign.h"

int kh_sign_aws_sigv4(kh_verify_request *req, const kh_verify_vars *vars, time_t now)
{
	return kh_error(KEYHOUND_ERROR, "the aws_sigv4 signer is not written yet");
}
