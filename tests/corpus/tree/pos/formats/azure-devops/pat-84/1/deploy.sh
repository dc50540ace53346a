#!/bin/sh
set -eu
export AZURE_DEVOPS_PAT="L1iQppOIfUJYbyAiHHI6xacwx5o6luqEqk5Eb3K8CUYWF0grep1EJQQJ99MPR3LFHTWKPEKQEYPRAZDOPYHn"
./bin/release --env prod
