#!/bin/sh
set -eu
export THINGSBOARD_ACCESS_TOKEN="LS2ekiCBwIlJZOCaFNA9"
./bin/release --env prod
