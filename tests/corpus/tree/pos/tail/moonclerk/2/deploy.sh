#!/bin/sh
set -eu
export MOONCLERK_API_KEY="d9e7599a2c5f745a0cbe7fb1b6c48b23"
./bin/release --env prod
