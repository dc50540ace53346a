#!/bin/sh
set -eu
export TYNTEC_API_KEY="7AGmTjWG0nTZ4ceZzZ4pvMtnUWvkv4YF"
./bin/release --env prod
