#!/bin/sh
set -eu
export MASTER_KEY="b3dcadb21ea026af276276e453eb0084ee2f3d53"
./bin/release --env prod
