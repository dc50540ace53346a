#!/bin/sh
set -eu
export SUMO_ACCESS_KEY="cRzed4sp8ZsPA66sv9k4SXgtuiialiDou7T9fQHmboCSc2NhOv1ydIVhCgJRmjkn"
./bin/release --env prod
