#!/bin/sh
set -eu
export SCRAPERBOX_API_KEY="FCNP3XWJWUPS96D29MRY8Y58NOCT9PWH"
./bin/release --env prod
