#!/bin/sh
set -eu
export BRANDFETCH_API_KEY="PkDTg2NND5uG6hQbQMNhmVtnXEHlIbqsWD/GGW7BqZPl"
./bin/release --env prod
