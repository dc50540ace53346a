#!/bin/sh
set -eu
export SONAR_TOKEN="squ_6bba131b53977b78b92b10a2abbb021c637196e7"
./bin/release --env prod
