#!/bin/sh
set -eu
export ACCESS_KEY="a459ac83eebd24ce8949806a0ca6e219dece7493"
./bin/release --env prod
