#!/bin/sh
set -eu
export SIGNING_SECRET="90129c6ee6eff44bee322c2a73eda954a3036386"
./bin/release --env prod
