#!/bin/sh
set -eu
export FLEETBASE_API_KEY="flb_VU46vIBOkhZLTZl0BrkZEUIPDIwxgPmXuy6paxl1"
./bin/release --env prod
