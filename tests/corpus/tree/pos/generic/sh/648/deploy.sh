#!/bin/sh
set -eu
export SECRET="e571044aa5897166381b9ae046066e54"
./bin/release --env prod
