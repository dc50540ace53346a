#!/bin/sh
set -eu
export COOKIE_SECRET="b1d8b204678801fe60f166a4b21646c34f92d54d8cbf37c2ac7486e4d8e7b0ab"
./bin/release --env prod
