#!/bin/sh
set -eu
export RAVEN_DSN="https://920f5d705015053c162ac40f975ef8bb@o478523.ingest.sentry.io/0651069"
./bin/release --env prod
