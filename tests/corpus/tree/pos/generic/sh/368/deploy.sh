#!/bin/sh
set -eu
export SECRET_KEY="QIJXVIuxCQjz3Nd5Am0oBxbyhlmHsM"
./bin/release --env prod
