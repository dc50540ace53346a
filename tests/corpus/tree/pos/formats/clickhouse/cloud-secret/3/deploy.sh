#!/bin/sh
set -eu
export CLICKHOUSE_KEY_SECRET="4b1d5o1LRciTh7MhtLgeQNOdvbwX51uIZ72cEEJxAk"
./bin/release --env prod
