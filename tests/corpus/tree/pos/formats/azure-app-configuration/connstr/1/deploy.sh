#!/bin/sh
set -eu
export APP_CONFIG_CONNECTION_STRING="Endpoint=https://cfg-shop5em0.azconfig.io;Id=munl-y9-cw:E7wZBOxjOQr8bIodVgFp;Secret=I1ufEOjgOANvy8GKVF21+y2K8Omtq0O6YMfFhHiI40w="
./bin/release --env prod
