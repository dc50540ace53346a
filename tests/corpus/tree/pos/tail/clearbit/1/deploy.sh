#!/bin/sh
set -eu
export CLEARBIT_SECRET_KEY="sk_40af4ad8fd2ec17e1851cc210eda7927"
./bin/release --env prod
