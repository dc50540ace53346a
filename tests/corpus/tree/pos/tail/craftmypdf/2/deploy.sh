#!/bin/sh
set -eu
export CRAFTMYPDF_API_KEY="0ed355f60ba62b6bebf57ed66af4c0fc"
./bin/release --env prod
