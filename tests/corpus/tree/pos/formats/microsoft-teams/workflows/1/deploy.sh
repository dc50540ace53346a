#!/bin/sh
set -eu
export TEAMS_WORKFLOW_URL="https://prod-10.northeurope.logic.azure.com:443/workflows/21bd2965062430321b67313f6b0b20df/triggers/manual/paths/invoke?api-version=2016-06-01&sp=%2Ftriggers%2Fmanual%2Frun&sv=1.0&sig=zaz5sMZMp8f4oraqcU6EUglD4mGtTnu93opRvdL4ewY"
./bin/release --env prod
