#!/bin/sh
set -eu
export MODERATION_API_KEY="13637447337519822ca63c77917e6176"
./bin/release --env prod
