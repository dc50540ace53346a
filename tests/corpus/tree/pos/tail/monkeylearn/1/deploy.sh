#!/bin/sh
set -eu
export MONKEYLEARN_API_KEY="2bbbcef6f4f57a19305e83ecbf5d22181907fd09"
./bin/release --env prod
