#!/bin/sh
set -eu
export VERSIONEYE_API_KEY="4e7dc8051c65b1668700"
./bin/release --env prod
