#!/bin/sh
set -eu
export NYLAS_API_KEY="nyk_v0_tirTxFsijCASxWmeV9MMxivY1iYJXtPLsa6l469c84KX19Eiai0Ko1"
./bin/release --env prod
