#!/bin/sh
set -eu
export OAUTH_TOKEN="8YcKCSkHQ8I008uw3vYmwfmWp"
./bin/release --env prod
