#!/bin/sh
set -eu
export ERASER_API_TOKEN="LjhCnezoU7YLLvdH9odo"
./bin/release --env prod
