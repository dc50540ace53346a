# SPDX-License-Identifier: Apache-2.0
# Shared by the verification tests (tests/verify/test_*.sh): tests/cli/lib.sh, plus the fake
# provider server (fakeprov.py) reached under the real host names.
. "${KH_SOURCE_DIR:?}/tests/cli/lib.sh"
FAKE_PID=

# start_fakeprov: starts the server in $T/fake; sets KEYHOUND_CONNECT_TO, KEYHOUND_CAINFO and
# FAKE_LOG (its requests.jsonl)
start_fakeprov() {
	python3 "$SRC/tests/verify/fakeprov.py" "$T/fake" "$@" >"$T/fake.out" 2>&1 &
	FAKE_PID=$!
	for _ in $(seq 200); do
		[ -e "$T/fake/ready" ] && break
		sleep 0.05
	done
	[ -e "$T/fake/ready" ] || { echo "fakeprov did not start:"; cat "$T/fake.out"; exit 1; }
	export KEYHOUND_CONNECT_TO=$(cat "$T/fake/connect_to")
	export KEYHOUND_CAINFO=$T/fake/ca.pem
	FAKE_LOG=$T/fake/requests.jsonl
	touch "$FAKE_LOG"
	trap 'stop_fakeprov; chmod -R u+rwx "$T" 2>/dev/null; rm -rf "$T"' EXIT
}

stop_fakeprov() {
	[ -n "$FAKE_PID" ] && kill "$FAKE_PID" 2>/dev/null && wait "$FAKE_PID" 2>/dev/null
	FAKE_PID=
}

# requests_since N: the log's lines after line N; requests: how many lines it has
requests() { wc -l <"$FAKE_LOG" | tr -d ' '; }
requests_since() { tail -n +"$(($1 + 1))" "$FAKE_LOG"; }

# log_check 'python expression over rs (the requests, parsed)' [FROM_LINE]
log_check() {
	python3 - "$1" "$FAKE_LOG" "${2:-0}" <<'PY'
import json, sys
expr, path, skip = sys.argv[1], sys.argv[2], int(sys.argv[3])
rs = [json.loads(l) for l in open(path, encoding="utf-8").read().splitlines()[skip:] if l.strip()]
hdr = lambda r, name: next((v for k, v in r["headers"] if k.lower() == name.lower()), None)
ok = eval(expr, {"rs": rs, "hdr": hdr})
if not ok:
    print("log_check failed: " + expr, file=sys.stderr)
    for r in rs:
        print("  " + json.dumps(r), file=sys.stderr)
sys.exit(0 if ok else 1)
PY
}
