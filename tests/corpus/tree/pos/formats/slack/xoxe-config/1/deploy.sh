#!/bin/sh
set -eu
export SLACK_CONFIG_TOKEN="xoxe.xoxp-1-koo2xNtZ3XYn6A0fNwB5Qhy1du238TKqOGWLvBirpCOxF0gRZAaMs0XgWtA80EEC4ZzejRbtZn1CsbGgOe7IQpXb2Pc9KPIxrBxrsevkyCoDf0C9ARhkh5rGpBQ4CRPNe84BFJYukuv7ubWrue"
./bin/release --env prod
