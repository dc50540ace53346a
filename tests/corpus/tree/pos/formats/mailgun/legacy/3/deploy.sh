#!/bin/sh
set -eu
export MAILGUN_API_KEY="key-fbb9e7b8f2c08b49833da513829789f0"
./bin/release --env prod
