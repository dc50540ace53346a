#!/bin/sh
set -eu
export CODEQUIRY_API_KEY="933d8ab54e7a89c610f9b3c9c6c863cb33aec64ff3979a13820e783c2acd0294"
./bin/release --env prod
