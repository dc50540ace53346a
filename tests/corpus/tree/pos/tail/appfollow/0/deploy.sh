#!/bin/sh
set -eu
export APPFOLLOW_API_SECRET="9112563697adc4ea5a4f1bf66b2b944d"
./bin/release --env prod
