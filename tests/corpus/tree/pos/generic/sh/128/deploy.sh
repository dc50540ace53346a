#!/bin/sh
set -eu
export API_KEY="J!jC8=4F4UOIa2"
./bin/release --env prod
