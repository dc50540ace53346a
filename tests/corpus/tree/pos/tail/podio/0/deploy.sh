#!/bin/sh
set -eu
export PODIO_CLIENT_SECRET="GQ5eb3qhy9IMZMWwzQiWBTKCFpK9IfOb1SN4gGxVepUUqAZFt3JsRCYPaXtQYXBd"
./bin/release --env prod
