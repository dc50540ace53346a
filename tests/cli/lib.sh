# SPDX-License-Identifier: Apache-2.0
# Shared by the CLI tests: a scratch folder, assertions, and the closing line.
set -u
KH=${KH_BIN:?KH_BIN must name the built keyhound}
SRC=${KH_SOURCE_DIR:?}
T=$(mktemp -d /tmp/kh-cli-XXXXXX)
# python3 by its interpreter, not through a version manager's shim (pyenv's costs a tree of
# shell processes per call: seconds each on a loaded machine, and the tests call it often)
PYBIN=$T/.python-bin
mkdir -p "$PYBIN"
if _py=$(python3 -c 'import sys; print(sys.executable)' 2>/dev/null) && [ -x "$_py" ]; then
	ln -s "$_py" "$PYBIN/python3"
	PATH="$PYBIN:$PATH"
	export PATH
fi
trap 'chmod -R u+rwx "$T" 2>/dev/null; rm -rf "$T"' EXIT
PASSED=0
FAILED=0

ok() { PASSED=$((PASSED + 1)); echo "ok - $1"; }
not_ok() { FAILED=$((FAILED + 1)); echo "not ok - $1"; }

# check NAME COMMAND...: passes when the command succeeds
check() {
	local name=$1
	shift
	if "$@"; then ok "$name"; else not_ok "$name"; fi
}

# run_kh: runs keyhound, leaving stdout in $OUT, stderr in $ERR, exit code in $RC
run_kh() {
	"$KH" "$@" >"$T/.out" 2>"$T/.err"
	RC=$?
	OUT=$(cat "$T/.out")
	ERR=$(cat "$T/.err")
}

# jq-like checks with python3: jcheck 'python expression over f (one finding)' FILE
jsonl_check() {
	python3 - "$1" "$2" <<'PY'
import json, sys
expr, path = sys.argv[1], sys.argv[2]
lines = [l for l in open(path, encoding="utf-8") if l.strip()]
fs = [json.loads(l) for l in lines]
sys.exit(0 if eval(expr, {"fs": fs}) else 1)
PY
}

finish() {
	echo "$PASSED passed, $FAILED failed"
	[ "$FAILED" -eq 0 ]
}

# Rules written by the test, independent of the shipped pack.
write_rules() {
	mkdir -p "$T/rules"
	cat >"$T/rules/test.yml" <<'YML'
rules:
  - id: test-token
    name: Test token
    pattern: '\b(tok_[A-Za-z0-9]{24})\b'
    severity: high
    confidence: high
    examples: ['t = tok_A1b2C3d4E5f6G7h8I9j0K1l2', 'tok_Q1b2C3d4E5f6G7h8I9j0K1l2']
    negative_examples: ['tok_short', 'xtok_A1b2C3d4E5f6G7h8I9j0K1l2']
  - id: test-env
    name: Test env file
    paths: ['.env']
    severity: medium
    confidence: medium
    examples: [{path: a/.env, text: 'X=1'}, {path: .env, text: ''}]
    negative_examples: [{path: a/env, text: 'X=1'}, {path: .envrc, text: 'X=1'}]
YML
	RULES=(--no-default-rules --rules "$T/rules")
}
