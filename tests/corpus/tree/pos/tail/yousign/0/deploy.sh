#!/bin/sh
set -eu
export YOUSIGN_API_KEY="ac151939d1c85c2a2e259cb4be89d0c6"
./bin/release --env prod
