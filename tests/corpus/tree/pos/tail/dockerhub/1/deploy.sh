#!/bin/sh
set -eu
export DOCKERHUB_PAT="dckr_pat_5qfo-SGHP7O_mGiV6TXxy0wjE7Q"
./bin/release --env prod
