#!/bin/sh
set -eu
export SPEECHTEXTAI_API_KEY="8cf4533716b211320ebc5d3a7e29ec08"
./bin/release --env prod
