#!/bin/sh
set -eu
export HETZNER_API_TOKEN="Wfz6bDfK4OtykBG0X8V80oG8RLu05wzrrwYzy61OUaFOnmUupFZ7RKbJE4bVyHvQ"
./bin/release --env prod
