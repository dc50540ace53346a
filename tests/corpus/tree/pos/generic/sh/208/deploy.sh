#!/bin/sh
set -eu
export CLIENT_SECRET="29be90887da123b0137b08e54741fe10503bd4ce6cdbf5b32917b5fd657be4f0"
./bin/release --env prod
