#!/bin/sh
set -eu
export IP2LOCATION_API_KEY="FDMH6KN0S42IA36EB7HALVLINIZ2K4HX"
./bin/release --env prod
