#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# Installs @action-validator/cli (npm) into tests/ci/node_modules, for the check of
# action.yml and the example workflows in tests/cli/test_ci_templates.sh and
# tests/cli/test_sweep_recipes.sh, and kubernetes-models (npm), which validates the sweep's
# Kubernetes manifests against the API's schemas. Not committed; .ci/run calls this before
# the tests.
set -euo pipefail
cd "$(dirname "$0")"
npm install --no-save --no-audit --no-fund --no-package-lock --loglevel=error \
	@action-validator/cli@0.6.0 @action-validator/core@0.6.0 kubernetes-models@5.1.0
test -x node_modules/.bin/action-validator && echo "tests/ci: action-validator installed"
test -d node_modules/kubernetes-models && echo "tests/ci: kubernetes-models installed"
