#!/bin/sh
set -eu
export IPGEOLOCATION_API_KEY="877da658637953a71ea7d1045fe7eedc"
./bin/release --env prod
