#!/bin/sh
set -eu
export OVERLOOP_API_KEY="750-5e1a87d8-9c36-411c-8334-76b5f7d17d6f"
./bin/release --env prod
