#!/bin/sh
set -eu
export JFROG_ACCESS_TOKEN="cmVmdGtuOjAxOjE3a086ttpiZIeNZiE40xaDvgKrOrDsWg51snbD4eSWVju7cH"
./bin/release --env prod
