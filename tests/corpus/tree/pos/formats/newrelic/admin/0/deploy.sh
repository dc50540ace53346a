#!/bin/sh
set -eu
export NEW_RELIC_ADMIN_KEY="NRAA-ea2d9992b4ba32cc47cba96cc8d"
./bin/release --env prod
