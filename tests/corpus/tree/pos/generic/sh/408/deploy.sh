#!/bin/sh
set -eu
export BEARER_TOKEN="8ea66a26ce7d7118d593db66be4aedaac962f890"
./bin/release --env prod
