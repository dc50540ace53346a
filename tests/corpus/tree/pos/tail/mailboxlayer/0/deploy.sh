#!/bin/sh
set -eu
export MAILBOXLAYER_ACCESS_KEY="c0ec91318926dccacacdeb20158f8d99"
./bin/release --env prod
