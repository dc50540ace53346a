#!/bin/sh
set -eu
export NEW_RELIC_API_KEY="NRAK-FTG94499GZ5KPWVFHB22A3OF6K9"
./bin/release --env prod
