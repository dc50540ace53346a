#!/bin/sh
set -eu
export AZURESEARCHQUERY_QUERY_KEY="QJGcXhj5A8u5lBlsCaKMCzZkg4M66J1OpcBxXq8oQ8o0UhtcpvL9"
./bin/release --env prod
