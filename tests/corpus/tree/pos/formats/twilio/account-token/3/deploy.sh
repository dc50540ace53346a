#!/bin/sh
set -eu
export TWILIO_AUTH_TOKEN="0aeff91d840224c435b31aeca537a5d3"
./bin/release --env prod
