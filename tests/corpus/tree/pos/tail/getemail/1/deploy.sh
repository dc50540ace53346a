#!/bin/sh
set -eu
export GETEMAIL_API_KEY="e96f4df305c7c146218f"
./bin/release --env prod
