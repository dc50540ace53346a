#!/bin/sh
set -eu
export CURRENTSAPI_API_KEY="Cq6UIIDxbMGFc7UdNGDKwUCgm97siurw3Ml8r7rPmF-rJg44"
./bin/release --env prod
