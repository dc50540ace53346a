#!/bin/sh
set -eu
export CLICKHOUSE_URL="clickhouse://default:nDFndQVUZW6Vnsan@afyncuqm38.eu-west-1.aws.clickhouse.cloud:9440/default?secure=true"
./bin/release --env prod
