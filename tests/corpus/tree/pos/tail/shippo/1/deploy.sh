#!/bin/sh
set -eu
export SHIPPO_API_TOKEN="shippo_live_455154795a69fc04891394485adcb3158224d48c"
./bin/release --env prod
