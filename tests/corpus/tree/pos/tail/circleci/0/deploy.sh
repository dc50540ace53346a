#!/bin/sh
set -eu
export CIRCLECI_PERSONAL_TOKEN="CCIPAT_vhHiVcJuxyrHRsSYWDFvhj_801eea3ba4cd075e604f0cce1f0ebb59e8ed2d2e"
./bin/release --env prod
