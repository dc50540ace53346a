#!/bin/sh
set -eu
export UPWAVE_API_TOKEN="311d51a2261adb1a07f06a066b388502"
./bin/release --env prod
