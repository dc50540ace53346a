#!/bin/sh
set -eu
export HIVEAGE_API_KEY="t4o8apCFxXTdEAXmGYn8"
./bin/release --env prod
