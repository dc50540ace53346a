#!/bin/sh
set -eu
export NEW_RELIC_INSERT_KEY="NRII-mBglf1Y7rczZrEIoD7sMVOxB0b_fuZKJ"
./bin/release --env prod
