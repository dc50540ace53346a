#!/bin/sh
set -eu
export DIGGERNAUT_API_KEY="2a901307c80d551fd346a89d0e604b0c70533df6"
./bin/release --env prod
