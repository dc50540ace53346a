#!/bin/sh
set -eu
export MAXMIND_LICENSE_KEY="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"
./bin/release --env prod
