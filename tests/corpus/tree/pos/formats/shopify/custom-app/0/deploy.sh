#!/bin/sh
set -eu
export SHOPIFY_TOKEN="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"
./bin/release --env prod
