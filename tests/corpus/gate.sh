#!/bin/bash
# SPDX-License-Identifier: Apache-2.0
# The detection gate (issue 14): on the labelled corpus, every class (1-9) keeps recall >= 97% and
# false alarms <= 2%.
set -euo pipefail
KH=$1
HERE=$(cd "$(dirname "$0")" && pwd)
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
python3 "$HERE/measure.py" --keyhound "$KH" --misses "$T/misses.txt" --json "$T/figures.json" >"$T/table.txt"
cat "$T/table.txt"
python3 - "$T/figures.json" <<'PY'
import json, sys
d = json.load(open(sys.argv[1]))
bad = []
for c in map(str, range(1, 10)):
    found, total = d["positives"][c]
    flagged, negs = d["negatives"][c]
    if total and found / total < 0.97:
        bad.append("class %s recall %.1f%% < 97%%" % (c, 100 * found / total))
    if negs and flagged / negs > 0.02:
        bad.append("class %s false alarms %.1f%% > 2%%" % (c, 100 * flagged / negs))
print("\n".join(bad) if bad else "gate: classes 1-9 hold (recall >= 97%, false alarms <= 2%)")
sys.exit(1 if bad else 0)
PY
