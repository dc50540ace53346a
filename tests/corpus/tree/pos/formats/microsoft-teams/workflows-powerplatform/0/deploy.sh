#!/bin/sh
set -eu
export TEAMS_WORKFLOW_URL="https://default1755fe734a27c0112787594ca5d639.25.environment.api.powerplatform.com:443/powerautomate/automations/direct/workflows/d2e5b8acbb92da9968b0df60b5f15cf2/triggers/manual/paths/invoke?api-version=1&sp=%2Ftriggers%2Fmanual%2Frun&sv=1.0&sig=xHUPtsxUPWWJPJD2RF0QA9x6Gm4DIqClHxF2ZROZYbU"
./bin/release --env prod
