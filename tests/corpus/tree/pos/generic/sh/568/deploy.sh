#!/bin/sh
set -eu
export DEPLOY_KEY="P1p192BwHQLhlkXoZVYXfItTeUFyVVvu"
./bin/release --env prod
