#!/bin/sh
set -eu
export SERVICE_TOKEN="FUz2ny4X50KWxoq7JYe810iMPNJaIRYm9"
./bin/release --env prod
