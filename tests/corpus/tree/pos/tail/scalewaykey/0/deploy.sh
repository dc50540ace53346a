#!/bin/sh
set -eu
export SCALEWAYKEY_ACCESS_KEY="SCW66M2LGMA6O2N5U396"
./bin/release --env prod
