#!/bin/sh
set -eu
export UPCDATABASE_API_KEY="137A8FCFBF76B7A96BE1B3AE18F2D449"
./bin/release --env prod
