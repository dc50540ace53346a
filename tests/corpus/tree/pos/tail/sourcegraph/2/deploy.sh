#!/bin/sh
set -eu
export SOURCEGRAPH_ACCESS_TOKEN="sgph_9edf41699f8d14c0_254923d5124c1ef2db2275de6b6692ab4a716f06"
./bin/release --env prod
