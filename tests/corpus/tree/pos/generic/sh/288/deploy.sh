#!/bin/sh
set -eu
export AUTH_TOKEN="fx9&J9eFzJ_qNEXlzGMxHB@Mc%"
./bin/release --env prod
