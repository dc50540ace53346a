#!/bin/sh
set -eu
export PUBNUB_SECRET_KEY="sec-c-gvWsxTxVJAxT7zGt8zjMCFb8peh619h5bpQc8WB0iAw/pGvo"
./bin/release --env prod
