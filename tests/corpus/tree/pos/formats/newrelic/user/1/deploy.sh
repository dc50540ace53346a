#!/bin/sh
set -eu
export NEW_RELIC_API_KEY="NRAK-HEL4UTGBX054TJYWQKFFHC6HNAK"
./bin/release --env prod
