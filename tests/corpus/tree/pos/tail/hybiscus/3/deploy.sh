#!/bin/sh
set -eu
export HYBISCUS_API_KEY="2zKspcz3Wb66Xr7UuMbBOi"
./bin/release --env prod
