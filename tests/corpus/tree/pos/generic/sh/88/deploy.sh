#!/bin/sh
set -eu
export API_TOKEN="b9a91e859fd1cb74a85b5d9d5da6a208784a8dbe"
./bin/release --env prod
