#!/bin/sh
set -eu
export TWILIO_AUTH_TOKEN="0ee33f3f9da71e4cce1dd2fdc225fb8e"
./bin/release --env prod
