#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# Install what tests/sarif/validate.js needs (the official SARIF 2.1.0 schema, carried
# by @microsoft/jest-sarif, and ajv to check against it) into tests/sarif/node_modules.
# Not committed; .ci/run calls this before the tests. Needs npm and the npm registry.
set -euo pipefail
cd "$(dirname "$0")"
npm install --no-save --no-audit --no-fund --no-package-lock --loglevel=error \
	@microsoft/jest-sarif@1.0.0-beta.0 ajv@8.20.0 ajv-draft-04@1.0.0 ajv-formats@3.0.1
node -e 'require.resolve("@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json")' ||
	{ echo "setup.sh: the SARIF schema is not where validate.js looks for it" >&2; exit 1; }
echo "tests/sarif: SARIF schema and validator installed"
