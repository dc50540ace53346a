#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# Installs @action-validator/cli (npm) into tests/ci/node_modules, for the check of
# action.yml and the example workflow in tests/cli/test_ci_templates.sh. Not committed;
# .ci/run calls this before the tests.
set -euo pipefail
cd "$(dirname "$0")"
npm install --no-save --no-audit --no-fund --no-package-lock --loglevel=error \
	@action-validator/cli@0.6.0 @action-validator/core@0.6.0
test -x node_modules/.bin/action-validator && echo "tests/ci: action-validator installed"
