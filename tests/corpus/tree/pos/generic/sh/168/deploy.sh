#!/bin/sh
set -eu
export SECRET_KEY="0fd4c432d4cba0c8477b5bf27edee43c"
./bin/release --env prod
