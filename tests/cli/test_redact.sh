# SPDX-License-Identifier: Apache-2.0
# Redaction end to end: two and three secrets per line (one inside another, one across
# the context cut, one the entropy filter drops), planted in a file, stdin, a staged
# change, history, a commit message, an image layer, an image Env entry and a layer's
# created_by. No format (human, json, jsonl, sarif, a baseline, the sweep state) may hold
# one without --show-secrets; every other byte of the lines printed must be there.
. "$(dirname "$0")/lib.sh" || exit 1
: "${T:?lib.sh must set T}"

mkdir -p "$T/rules"
cat >"$T/rules/redact.yml" <<'YML'
rules:
  - id: test-token
    name: Test token
    pattern: '\b(tok_[A-Za-z0-9]{24})\b'
    severity: high
    confidence: high
    examples: ['t = tok_A1b2C3d4E5f6G7h8I9j0K1l2', 'tok_Q1b2C3d4E5f6G7h8I9j0K1l2']
    negative_examples: ['tok_short', 'xtok_A1b2C3d4E5f6G7h8I9j0K1l2']
  - id: test-longkey
    name: Test long key
    pattern: 'longkey=([A-Za-z0-9]{32})\b'
    severity: high
    confidence: medium
    examples: ['longkey=Ab3dE6gH9jK2mN5pQ8Ab3dE6gH9jK2mN5p']
    negative_examples: ['longkey=short', 'longkey=Ab3dE6gH9j']
  - id: test-inner
    name: Test inner id
    pattern: '(INR[0-9]{9})'
    severity: low
    confidence: low
    examples: ['id INR123456789', 'xINR987654321']
    negative_examples: ['INR12345', 'INRabcdefghi']
  - id: test-password
    name: Test password
    pattern: 'password = "([^"]{8,})"'
    min_entropy: 3.0
    severity: medium
    confidence: low
    examples: ['password = "Zq8Lm3Xv9Tb2"', 'password = "k3J9xQ2mLp7W"']
    negative_examples: ['password = "aaaaaaaaaaaa"', 'password = "x"']
YML
RULES=(--no-default-rules --rules "$T/rules")

TOK1=tok_C3J27XDCG2LmlZGEONYlgCtj
TOK2=tok_fIZ4SOcMz9CPVNPkNa1Hedcm
TOK3=tok_4pMbXDuCL1mHoOsFaQfDPrAJ
INNER=INR145384019                        # inside LONGKEY: a secret in a secret
LONGKEY=Xgzg2sye9b${INNER}2Rann76dEy
WEAK=aaaaaaaaaaaa                         # matched, then dropped by the entropy filter
SECRETS=("$TOK1" "$TOK2" "$TOK3" "$INNER" "$LONGKEY" "$WEAK")
FILLER="the quick brown fox jumps over the lazy dog and keeps running along the river bank"
# line 1: two tokens 110 bytes apart: each one's context is cut inside the other
L1="alpha $TOK1 $FILLER past the mill omega $TOK2 tail"
# line 2: three secrets, one of them inside another, and one the filters drop
L2="cfg longkey=$LONGKEY password = \"$WEAK\" $TOK3 end"
# every byte of the lines that is not in a secret, as the parts between secrets
FRAGMENTS=("alpha " " $FILLER past the mill omega " " tail" "cfg longkey=" " password = \"" "\" " " end")

# no planted secret in the named files
clean() {
	local s f
	for s in "${SECRETS[@]}"; do
		for f in "$@"; do
			if grep -qaF -- "$s" "$f"; then
				echo "  $s in $f:"; grep -aF -- "$s" "$f" | head -3 | cut -c1-300
				return 1
			fi
		done
	done
}
# each non-secret part of both lines is printed
complete() {
	local p
	for p in "${FRAGMENTS[@]}"; do
		grep -qaF -- "$p" "$1" || { echo "  missing: '$p'"; return 1; }
	done
}
# every planted secret is printed
all_shown() {
	local s
	for s in "${SECRETS[@]}"; do
		grep -qaF -- "$s" "$1" || { echo "  not shown: $s"; return 1; }
	done
}

# each_format NAME ARGS...: every format of one source; stdin comes from $IN when set
each_format() {
	local name=$1 fmt
	shift
	for fmt in human json jsonl sarif; do
		"$KH" "$@" "${RULES[@]}" --format $fmt --write-baseline "$T/bl.json" --no-progress \
			<"${IN:-/dev/null}" >"$T/out.$fmt" 2>"$T/err.$fmt"
		check "$name, $fmt: no secret in stdout, stderr or the baseline" \
			clean "$T/out.$fmt" "$T/err.$fmt" "$T/bl.json"
		check "$name, $fmt: findings" grep -q 'test-token' "$T/out.$fmt"
	done
	"$KH" "$@" "${RULES[@]}" --format json --output "$T/report.json" --no-progress \
		<"${IN:-/dev/null}" >"$T/out.o" 2>&1
	check "$name: no secret in --output" clean "$T/report.json" "$T/out.o"
	"$KH" "$@" "${RULES[@]}" --show-secrets --no-progress <"${IN:-/dev/null}" >"$T/out.show" 2>&1
	check "$name: --show-secrets prints them" all_shown "$T/out.show"
}

# ---- a file and stdin ----
mkdir -p "$T/dir"
printf '%s\n%s\n' "$L1" "$L2" >"$T/dir/app.conf"
each_format "file" scan "$T/dir"
check "file, human: every non-secret byte of both lines" complete "$T/out.human"
check "file, human: the secret inside the long key is masked with it" \
	grep -qF "cfg longkey=Xgzg***** password = \"aa*****\" tok_***** end" "$T/out.human"
check "file, human: the token across the cut is masked whole" grep -qF "...***** $FILLER" "$T/out.human"
check "file, json: match masks the secret inside" python3 -c '
import json, sys
assert any(f["match"] == "longkey=Xgzg*****" for f in json.load(open(sys.argv[1]))["findings"])' "$T/out.json"
check "file, sarif: the line as a snippet, masked" \
	grep -qF "cfg longkey=Xgzg***** password = \\\"aa*****\\\" tok_***** end" "$T/out.sarif"
# allowlisted and baselined secrets are still masked on the lines other findings print
mkdir -p "$T/allow"
cp "$T/dir/app.conf" "$T/allow/app.conf"
printf 'allow:\n  secrets: ["^tok_4pMb"]\n' >"$T/allow/.keyhound.yml"
run_kh scan "$T/allow" "${RULES[@]}"
echo "$OUT$ERR" >"$T/allow.out"
check "allowlisted: not reported, still masked on the line printed" \
	bash -c "clean() { ! grep -qF '$TOK3' \"\$1\"; }; clean '$T/allow.out' && grep -qF 'tok_***** end' '$T/allow.out' && grep -q 'allowlist 1' '$T/allow.out'"
mkdir -p "$T/base"
printf '%s\n' "$L1" >"$T/base/app.conf"
"$KH" scan "$T/base" "${RULES[@]}" --write-baseline "$T/base.json" >/dev/null 2>&1
printf '%s %s\n' "$L1" "$TOK3" >"$T/base/app.conf"
run_kh scan "$T/base" "${RULES[@]}" --baseline "$T/base.json"
echo "$OUT$ERR" >"$T/base.out"
check "baselined: not reported, still masked on the line printed" \
	bash -c "! grep -qF '$TOK2' '$T/base.out' && grep -qF 'omega tok_***** tail tok_*****' '$T/base.out' && grep -q 'baseline 2' '$T/base.out'"
IN="$T/dir/app.conf" each_format "stdin" scan -
check "stdin, human: every non-secret byte of both lines" complete "$T/out.human"

# ---- git: a staged change, history, a commit message ----
R=$T/repo
git init -q "$R"
git -C "$R" config user.email dev@example.com
git -C "$R" config user.name Dev
echo base >"$R/README" && git -C "$R" add README && git -C "$R" commit -qm base
cp "$T/dir/app.conf" "$R/app.conf" && git -C "$R" add app.conf
each_format "staged" git "$R" --staged
check "staged, human: every non-secret byte of both lines" complete "$T/out.human"
git -C "$R" commit -qm "$L1" -m "$L2"
each_format "history and commit message" git "$R"
check "history, human: every non-secret byte of both lines" complete "$T/out.human"
check "history: the commit message is a finding" \
	jsonl_check 'any(f["commit_message"] for f in fs)' "$T/out.jsonl"
check "history: the file's finding carries the commit's subject, masked" \
	jsonl_check "any(f['path'] == 'app.conf' and f['message'].startswith('alpha tok_*****') for f in fs)" "$T/out.jsonl"

# ---- the sweep state ----
"$KH" sweep "$R" "${RULES[@]}" --state "$T/state.db" --format human >"$T/sw1" 2>&1
"$KH" sweep "$R" "${RULES[@]}" --state "$T/state.db" --format jsonl >"$T/sw2" 2>&1
check "sweep: no secret in its output, nor when replayed, nor in the state" \
	clean "$T/sw1" "$T/sw2" "$T"/state.db*
check "sweep: every non-secret byte of both lines" complete "$T/sw1"
check "sweep, replayed: the findings again" grep -q test-longkey "$T/sw2"

# ---- an image: a layer, an Env entry, a layer's created_by ----
if command -v umoci >/dev/null && command -v skopeo >/dev/null; then
	OCI=$T/oci
	B=$T/bundle
	umoci init --layout "$OCI" >/dev/null
	umoci new --image "$OCI:app" >/dev/null
	umoci unpack --rootless --image "$OCI:app" "$B" >/dev/null 2>&1
	mkdir -p "$B/rootfs/app"
	cp "$T/dir/app.conf" "$B/rootfs/app/app.conf"
	umoci repack --image "$OCI:app" --history.created_by "RUN echo '$L2' >/app/more" "$B" >/dev/null
	umoci config --image "$OCI:app" --config.env "APP_CONF=$L1" --config.env "APP_MORE=$L2" >/dev/null
	skopeo copy -q "oci:$OCI:app" "docker-archive:$T/app.tar:app:1"
	each_format "image" image "$T/app.tar"
	check "image, human: every non-secret byte of both lines" complete "$T/out.human"
	check "image: findings in the layer and in Env" \
		jsonl_check 'any(f["path"] == "app/app.conf" for f in fs) and any((f["config_field"] or "").startswith("Env[") for f in fs)' "$T/out.jsonl"
	check "image: the layer's created_by is printed, masked" \
		jsonl_check "any(f['path'] == 'app/app.conf' and 'longkey=Xgzg*****' in f['created_by'] for f in fs)" "$T/out.jsonl"
	each_format "image (OCI layout)" image "$OCI"
else
	echo "skip - umoci or skopeo not installed: image cases not run"
fi

# ---- --quiet still prints what failed ----
run_kh scan "$T/nonexistent" --quiet
check "--quiet: a missing path is still reported, exit 2" \
	bash -c "[ $RC = 2 ] && grep -q 'nonexistent' <<<'$OUT$ERR'"
for fmt in human json sarif; do
	run_kh scan "$T/missing-$TOK1" "${RULES[@]}" --format $fmt
	check "an error naming a path with a secret in it, $fmt: masked" \
		bash -c "[ $RC = 2 ] && grep -qF 'missing-tok_*****' <<<'$OUT' && ! grep -qF '$TOK1' <<<'$OUT$ERR'"
done

finish
