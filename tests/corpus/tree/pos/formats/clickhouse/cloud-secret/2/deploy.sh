#!/bin/sh
set -eu
export CLICKHOUSE_KEY_SECRET="4b1de2o5O5sAYUNCk18B1FzS2R1OuNhKAldsBmhRPu"
./bin/release --env prod
