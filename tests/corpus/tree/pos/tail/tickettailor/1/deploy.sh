#!/bin/sh
set -eu
export TICKETTAILOR_API_KEY="sk_6410_492265_e6dc645a240ab4617b2292367be74c6a"
./bin/release --env prod
