#!/bin/sh
set -eu
export KYLAS_API_KEY="d6484014-80f8-481c-ba57-7b8dc75eb817:0468"
./bin/release --env prod
