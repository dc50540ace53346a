#!/bin/bash
# SPDX-License-Identifier: Apache-2.0
# Alerts delivered at least once: `sweep --new-only` marks a finding reported only after the
# report holding it is complete and durable. A kill during a fetch, during a repository's
# sweep, after the temporary report is written but before its rename, and after the rename but
# before the state records it: the alert is reported again (or was delivered), never lost. An
# unwritable report and a failed merge lose nothing; shards never overwrite a report not merged.
. "$(dirname "$0")/lib.sh"

export GIT_AUTHOR_NAME=Dev GIT_AUTHOR_EMAIL=dev@example.com GIT_COMMITTER_NAME=Dev \
	GIT_COMMITTER_EMAIL=dev@example.com GIT_CONFIG_NOSYSTEM=1 HOME="$T"
git config --global init.defaultBranch main
case $KH in /*) ;; *) KH="$PWD/$KH" ;; esac
write_rules

PIDS=()
cleanup() {
	for p in "${PIDS[@]}"; do kill -9 "$p" 2>/dev/null; done
	for p in "${PIDS[@]}"; do wait "$p" 2>/dev/null; done
	chmod -R u+rwx "$T" 2>/dev/null
	rm -rf "$T"
}
trap cleanup EXIT

TOK1=tok_Aa9Zq8Lm2Vx7Rt4Nw9Ky3H01
TOK2=tok_Bb9Zq8Lm2Vx7Rt4Nw9Ky3H02
F="$T/fleet"
mkdir -p "$F"
for r in alpha beta; do
	git init -q "$F/$r"
	printf '%s\n' "$r" >"$F/$r/README"
	git -C "$F/$r" add -A && git -C "$F/$r" commit -qm one
done
printf 'a = %s\n' "$TOK1" >"$F/alpha/one.py"
git -C "$F/alpha" add -A && git -C "$F/alpha" commit -qm "first secret"

# has_new FILE: the report holds the second secret's finding
has_new() {
	python3 - "$1" <<'PY'
import json, sys
try:
    fs = json.load(open(sys.argv[1]))["findings"]
except (OSError, ValueError):
    sys.exit(1)
sys.exit(0 if [f for f in fs if f["path"] == "two.py"] else 1)
PY
}
count() { python3 -c "import json,sys; print(len(json.load(open(sys.argv[1]))['findings']))" "$1"; }
# wait_for PYTHON-CONDITION: polls up to 20 s
wait_for() {
	for _ in $(seq 200); do python3 -c "$1" 2>/dev/null && return 0; sleep 0.1; done
	return 1
}

S0="$T/base.db"
"$KH" sweep "${RULES[@]}" --state "$S0" --new-only -f json -o "$T/base.json" "$F" 2>/dev/null
check "first night: the first secret is reported" test "$(count "$T/base.json")" = 1
"$KH" sweep "${RULES[@]}" --state "$S0" --new-only -f json -o "$T/base2.json" "$F" 2>/dev/null
check "once delivered, it is not reported again" test "$(count "$T/base2.json")" = 0
# the second secret: every case below starts from this state and must report it
printf 'b = %s\n' "$TOK2" >"$F/alpha/two.py"
git -C "$F/alpha" add -A && git -C "$F/alpha" commit -qm "second secret"

# the next night after a kill: a plain run on a copy of the state reports the alert
next_night() { # next_night STATE OUT
	"$KH" sweep "${RULES[@]}" --state "$1" --new-only -f json -o "$2" "$F" 2>/dev/null
}
fresh() { cp "$S0" "$1"; }
recorded() { # recorded STATE: python condition: alpha's findings hold the second secret
	echo "import sqlite3; n = sqlite3.connect('file:$1?mode=ro', uri=True).execute(\"select count(*) from findings where repo like '%alpha'\").fetchone()[0]; raise SystemExit(n < 2)"
}

# ---- killed during a fetch (a remote that never answers) ----
HPORTF="$T/hang.port"
python3 "$SRC/tests/sweep/gitserve.py" hang "$HPORTF" &
PIDS+=($!)
for _ in $(seq 100); do [ -s "$HPORTF" ] && break; sleep 0.1; done
S="$T/k1.db"; fresh "$S"
"$KH" sweep "${RULES[@]}" --state "$S" --new-only -f json -o "$T/k1.json" --jobs 2 \
	--mirror "$T/m" "git://127.0.0.1:$(cat "$HPORTF")/hung.git" "$F/alpha" "$F/beta" 2>/dev/null &
PID=$!
PIDS+=($PID)
wait_for "$(recorded "$S")"
sleep 0.3
check "kill during a fetch: the fetch was still running" kill -0 "$PID"
kill -9 "$PID"; wait "$PID" 2>/dev/null
next_night "$S" "$T/k1b.json"
check "kill during a fetch: the next night reports the alert" has_new "$T/k1b.json"

# ---- killed during a repository's sweep (paused after alpha is committed) ----
S="$T/k2.db"; fresh "$S"
KEYHOUND_SWEEP_PAUSE_MS=30000 "$KH" sweep "${RULES[@]}" --state "$S" --new-only -f json \
	-o "$T/k2.json" --jobs 1 "$F" 2>/dev/null &
PID=$!
PIDS+=($PID)
wait_for "$(recorded "$S")"
kill -9 "$PID"; wait "$PID" 2>/dev/null
check "kill during the sweep: no report written" test ! -e "$T/k2.json"
next_night "$S" "$T/k2b.json"
check "kill during the sweep: the next night reports the alert" has_new "$T/k2b.json"

# ---- killed after the temporary report is written, before its rename ----
S="$T/k3.db"; fresh "$S"
echo 'an older report' >"$T/k3.json"
KEYHOUND_TEST_PAUSE=before-rename:30000 "$KH" sweep "${RULES[@]}" --state "$S" --new-only -f json \
	-o "$T/k3.json" "$F" 2>/dev/null &
PID=$!
PIDS+=($PID)
wait_for "import glob; raise SystemExit(not glob.glob('$T/k3.json.tmp-*'))"
sleep 0.2
kill -9 "$PID"; wait "$PID" 2>/dev/null
check "kill before the rename: the report in place is the older one, whole" \
	test "$(cat "$T/k3.json")" = 'an older report'
next_night "$S" "$T/k3b.json"
check "kill before the rename: the next night reports the alert" has_new "$T/k3b.json"

# ---- killed after the rename, before the state records the delivery ----
S="$T/k4.db"; fresh "$S"
KEYHOUND_TEST_PAUSE=before-mark:30000 "$KH" sweep "${RULES[@]}" --state "$S" --new-only -f json \
	-o "$T/k4.json" "$F" 2>/dev/null &
PID=$!
PIDS+=($PID)
wait_for "import json; json.load(open('$T/k4.json'))"
kill -9 "$PID"; wait "$PID" 2>/dev/null
check "kill after the rename: the report delivered holds the alert" has_new "$T/k4.json"
next_night "$S" "$T/k4b.json"
check "kill after the rename: the next night reports it again (at least once)" has_new "$T/k4b.json"
next_night "$S" "$T/k4c.json"
check "after a complete night it is not reported again" test "$(count "$T/k4c.json")" = 0

# ---- a report that cannot be written loses nothing ----
S="$T/u.db"; fresh "$S"
"$KH" sweep "${RULES[@]}" --state "$S" --new-only -f json -o "$T/no/such/dir/r.json" "$F" 2>/dev/null
check "unwritable --output: exit 2" test $? = 2
"$KH" sweep "${RULES[@]}" --state "$S" --new-only -f json "$F" >/dev/full 2>/dev/null
check "stdout that cannot be written (/dev/full): exit 2" test $? = 2
next_night "$S" "$T/ub.json"
check "unwritable reports: the next night reports the alert" has_new "$T/ub.json"

# ---- shards never overwrite a report not merged; merge moves inputs aside after writing ----
R="$T/reports"
mkdir -p "$R"
"$KH" sweep "${RULES[@]}" --state "$T/s0.db" --shard 0/1 -f json -o "$R" "$F" 2>/dev/null
sleep 1
"$KH" sweep "${RULES[@]}" --state "$T/s0.db" --shard 0/1 -f json -o "$R/" "$F" 2>/dev/null
check "a shard writes shard-K-<run-id>.json into a folder: two runs, two reports" \
	test "$(ls "$R"/shard-0-*.json | wc -l)" = 2
echo '{"not": "a report"' >"$R/shard-1-broken.json"
run_kh report merge "$R" -f sarif -o "$T/merged.sarif"
check "a failed merge: exit 2, no output, every input still in place" \
	bash -c "test $RC = 2 && test ! -e '$T/merged.sarif' && test \$(ls '$R'/shard-*.json | wc -l) = 3"
rm "$R/shard-1-broken.json"
run_kh report merge "$R" -f sarif -o "$T/no/such/dir/merged.sarif"
check "a merge whose output cannot be written: exit 2, inputs in place" \
	bash -c "test $RC = 2 && test \$(ls '$R'/shard-*.json | wc -l) = 2"
run_kh report merge "$R" -f sarif -o "$T/merged.sarif"
check "merge of a folder: exit 1 (findings), SARIF written, inputs moved to merged/" \
	bash -c "test $RC = 1 && python3 -c 'import json; json.load(open(\"$T/merged.sarif\"))[\"runs\"]' && test \$(ls '$R'/shard-*.json 2>/dev/null | wc -l) = 0 && test \$(ls '$R'/merged/shard-*.json | wc -l) = 2"
run_kh report merge "$R"
check "merging a folder with nothing left is a usage error" test "$RC" = 2

finish
