#!/bin/sh
set -eu
export GOODDAY_API_TOKEN="6b82b2e368bf0f369636c13d05c45cb3"
./bin/release --env prod
