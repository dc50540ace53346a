#!/bin/sh
set -eu
export SLACK_USER_TOKEN="xoxp-578475382450-372079717719-2997616855520-7f496e36d50458a0cc3ae82b1463238d"
./bin/release --env prod
