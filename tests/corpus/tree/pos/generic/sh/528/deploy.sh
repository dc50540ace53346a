#!/bin/sh
set -eu
export APP_SECRET=".!fUuOSs85VgerB^ZuR"
./bin/release --env prod
