#!/bin/sh
set -eu
export GEOCODIFY_API_KEY="faa575e8bf7f2a6d0475282c9a2dacf60fa42cf2"
./bin/release --env prod
