#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# The provider rules' verify blocks against the fake providers (tests/verify/providers/*.py,
# each answer citing the provider's API document): live, invalid and rate-limited keys of
# each provider, the exact request line, host and auth header each rule sends, and no secret
# in the output. README ("Verification: what each provider rule sends where") lists the same requests.
. "$(dirname "$0")/lib.sh"
export FAKEPROV_GCP_KEYS=$T/gcp-keys   # providers_e2e.py makes the key pairs there
start_fakeprov
export XDG_CACHE_HOME=$T/cache
check "every provider: verdicts and the documented request" \
	python3 "$SRC/tests/verify/providers_e2e.py" "$KH" "$T" "$FAKE_LOG"
finish
