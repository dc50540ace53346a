#!/bin/sh
set -eu
export NEW_RELIC_BROWSER_KEY="NRJS-6f45b8241855cee8e7b"
./bin/release --env prod
