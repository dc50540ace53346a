#!/bin/sh
set -eu
export SUMO_ACCESS_KEY="c45TBgVjE1YDOGl4Olpg0cKC1gIszzObOIrSEqpiXSerRaCZXZFIKrTWc67lZ4BY"
./bin/release --env prod
