#!/bin/sh
set -eu
export HONEYCOMB_API_KEY="wVLw4jtgTeOYBKsGioxkoK"
./bin/release --env prod
