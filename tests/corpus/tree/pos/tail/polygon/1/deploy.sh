#!/bin/sh
set -eu
export POLYGON_API_KEY="rz2hhn1vTOcLuzSXEeLzZ0uTkrslUwcf"
./bin/release --env prod
