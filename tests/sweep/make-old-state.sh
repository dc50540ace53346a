#!/bin/bash
# SPDX-License-Identifier: Apache-2.0
# Writes tests/sweep/state-v0.1.0.sql: the dump of a sweep state written by keyhound 0.1.0
# (git worktree add /tmp/kh-v010 v0.1.0 && cmake -S /tmp/kh-v010 -B /tmp/kh-v010/build && cmake
# --build /tmp/kh-v010/build --target keyhound), for tests/cli/test_sweep_state.sh.
#   tests/sweep/make-old-state.sh OLD_KEYHOUND > tests/sweep/state-v0.1.0.sql
set -euo pipefail
OLD=$1
HERE=$(cd "$(dirname "$0")" && pwd)
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
cd "$T"
. "$HERE/old-fleet.sh"
"$OLD" sweep --no-default-rules --rules rules --state old.db --new-only -f json -o r.json fleet >/dev/null 2>&1 || true
python3 -c "import json; assert len(json.load(open('r.json'))['findings']) == 1" # one reported
python3 -c "
import sqlite3
for line in sqlite3.connect('old.db').iterdump():
    print(line)"
