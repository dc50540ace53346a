#!/bin/sh
set -eu
export NEW_RELIC_BROWSER_KEY="NRJS-e7a9c1a4a44cb1a9f77"
./bin/release --env prod
