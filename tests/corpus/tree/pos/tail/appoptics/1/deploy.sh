#!/bin/sh
set -eu
export APPOPTICS_TOKEN="e02b49475dbb46483ecab03a69bfd163346a3939cfbc6a40c65b8f8916da7b71"
./bin/release --env prod
