#!/bin/sh
set -eu
export SHERPADESK_API_KEY="aqx738okukef6rh5v42f186ki21ethuf"
./bin/release --env prod
