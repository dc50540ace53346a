#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# SARIF 2.1.0 output, for every source keyhound has (files, stdin, and git and
# image when those commands exist): valid against the official schema
# (tests/sarif/validate.js; run tests/sarif/setup.sh once), one result per
# finding with its location and fingerprint, the rules that fired, no secrets.
# Exits 77 (skipped) when the schema is not installed, unless KH_REQUIRE_SARIF=1.
set -u
KH=${KH_BIN:?KH_BIN must name the built keyhound}
SRC=${KH_SOURCE_DIR:-$(cd "$(dirname "$0")/../.." && pwd)}
VALIDATE="$SRC/tests/sarif/validate.js"
T=$(mktemp -d /tmp/kh-sarif-XXXXXX)
trap 'rm -rf "$T"' EXIT
PASSED=0
FAILED=0
ok() { PASSED=$((PASSED + 1)); echo "ok - $1"; }
not_ok() { FAILED=$((FAILED + 1)); echo "not ok - $1"; }
expect() { local n=$1; shift; if "$@"; then ok "$n"; else not_ok "$n"; fi; }

if ! command -v node >/dev/null || [ ! -d "$SRC/tests/sarif/node_modules/@microsoft/jest-sarif" ]; then
	echo "the SARIF schema is not installed: run tests/sarif/setup.sh"
	[ "${KH_REQUIRE_SARIF:-0}" = 1 ] && exit 1
	exit 77
fi

mkdir -p "$T/rules"
cat >"$T/rules/test.yml" <<'EOF'
rules:
  - id: test-token
    name: Test token
    pattern: '\b(tkn_[A-Za-z0-9]{20})\b'
    severity: high
    confidence: high
    references: [https://example.invalid/tkn]
  - id: test-low
    name: Low token
    pattern: '\b(low_[A-Za-z0-9]{20})\b'
    severity: low
    confidence: low
  - id: test-unused
    name: Never fires
    pattern: '\b(nev_[A-Za-z0-9]{20})\b'
    severity: medium
    confidence: high
  - id: test-keyfile
    name: Key file
    paths: ['*.p12']
    severity: medium
    confidence: medium
EOF
R=(--no-default-rules --rules "$T/rules")
S1=tkn_Zq81LmP0xR4vT7bN2cW5
S2=low_Hy63KdQ9sV2mX8pL4nB1

# check_sarif NAME SARIF JSONL: valid, and agrees with the JSON Lines findings
check_sarif() {
	local name=$1 sarif=$2 jsonl=$3
	if node "$VALIDATE" "$sarif" >"$T/.v" 2>&1; then ok "$name: valid SARIF 2.1.0"; else
		not_ok "$name: valid SARIF 2.1.0"; sed 's/^/    /' "$T/.v"; fi
	if python3 - "$sarif" "$jsonl" "$S1" "$S2" >"$T/.c" 2>&1 <<'PY'; then ok "$name: one result per finding, locations, fingerprints, fired rules"; else not_ok "$name: one result per finding, locations, fingerprints, fired rules"; sed 's/^/    /' "$T/.c"; fi
import json, sys
sarif = json.load(open(sys.argv[1]))
text = open(sys.argv[1]).read()
fs = [json.loads(l) for l in open(sys.argv[2]) if l.strip()]
assert sarif["version"] == "2.1.0" and len(sarif["runs"]) == 1
run = sarif["runs"][0]
drv = run["tool"]["driver"]
assert drv["name"] == "keyhound" and drv["version"]
ids = [r["id"] for r in drv["rules"]]
assert ids == sorted({f["rule_id"] for f in fs}), (ids, fs)
levels = {"critical": "error", "high": "error", "medium": "warning", "low": "note"}
for r in drv["rules"]:
    assert r["shortDescription"]["text"] and r["help"]["text"]
    if r["id"] == "test-token":
        assert "https://example.invalid/tkn" in r["help"]["text"] and r["helpUri"] == "https://example.invalid/tkn"
        assert r["defaultConfiguration"]["level"] == "error"
    if r["id"] == "test-low":
        assert r["defaultConfiguration"]["level"] == "note"
res = run["results"]
assert len(res) == len(fs), (len(res), len(fs))
for r, f in zip(res, fs):
    assert r["ruleId"] == f["rule_id"] and ids[r["ruleIndex"]] == f["rule_id"]
    assert r["level"] == levels[f["severity"]]
    assert r["partialFingerprints"]["keyhound/v1"] == f["fingerprint"]
    loc = r["locations"][0]
    # code scanning rejects a result without a physical location and a line
    pl = loc["physicalLocation"]
    assert pl["artifactLocation"]["uri"] and pl["artifactLocation"].get("uriBaseId") == "%SRCROOT%", pl
    reg = pl["region"]
    assert reg["startLine"] >= 1, reg
    if "startColumn" in reg:
        assert reg["startLine"] == f["line"] and reg["startColumn"] == f["column"]
        assert reg["endLine"] == f["end_line"] and reg["endColumn"] == f["end_column"] + 1
    if f["path"] is None:
        assert pl["artifactLocation"]["uri"].startswith(".keyhound/"), pl
        assert loc.get("logicalLocations"), loc
    if f.get("commit_message"):
        assert pl["artifactLocation"]["uri"] == ".keyhound/commit/%s/message" % f["commit"][:12], pl
    if f.get("config_field"):
        assert pl["artifactLocation"]["uri"].startswith(".keyhound/image/config/"), pl
    sev = float(r["properties"].get("security-severity", drv["rules"][r["ruleIndex"]]["properties"]["security-severity"]))
    assert 0.0 <= sev <= 10.0
assert run["automationDetails"]["id"].startswith("keyhound/") and run["automationDetails"]["id"].endswith("/")
for rule in drv["rules"]:
    assert rule["fullDescription"]["text"] != rule["shortDescription"]["text"]
    assert isinstance(rule["properties"]["security-severity"], str)
    if f["source"] == "git":
        assert r["properties"]["commit"] == f["commit"]
    if f["source"] == "image":
        assert "layer" in r["properties"] or "config_field" in r["properties"]
for secret in sys.argv[3:]:
    assert secret not in text, "a secret in the clear"
PY
}

# ---- files (a folder) ----
mkdir -p "$T/app/conf" "$T/app/odd dir"
printf 'x\n  token = "%s"\n' "$S1" >"$T/app/conf/a.yml"
printf 'k = %s\n' "$S2" >"$T/app/odd dir/b #1.txt"
printf 'k = %s\n' "$S1" >"$T/app/conf/weird:name.txt"
printf 'binary' >"$T/app/store.p12"
"$KH" scan "$T/app" "${R[@]}" --format sarif --output "$T/files.sarif"
"$KH" scan "$T/app" "${R[@]}" --format jsonl >"$T/files.jsonl"
expect "files: findings to report" [ "$(wc -l <"$T/files.jsonl")" = 4 ]
check_sarif files "$T/files.sarif" "$T/files.jsonl"
expect "files: paths are URI references relative to %SRCROOT%" grep -q '"uri": "odd%20dir/b%20%231.txt"' "$T/files.sarif"
expect "files: a path rule's region is line 1 of the file, no columns" python3 -c "
import json; r=[x for x in json.load(open('$T/files.sarif'))['runs'][0]['results'] if x['ruleId']=='test-keyfile'][0]
assert r['locations'][0]['physicalLocation']['region'] == {'startLine': 1}"

# ---- nothing found: still a valid run ----
mkdir -p "$T/clean" && echo "nothing here" >"$T/clean/a.txt"
"$KH" scan "$T/clean" "${R[@]}" --format sarif >"$T/clean.sarif"
: >"$T/clean.jsonl"
check_sarif "no findings" "$T/clean.sarif" "$T/clean.jsonl"

# ---- stdin ----
printf 'a = %s\n' "$S1" | "$KH" scan - --stdin-path deploy/app.env "${R[@]}" --format sarif >"$T/stdin.sarif"
printf 'a = %s\n' "$S1" | "$KH" scan - --stdin-path deploy/app.env "${R[@]}" --format jsonl >"$T/stdin.jsonl"
check_sarif stdin "$T/stdin.sarif" "$T/stdin.jsonl"

# ---- an unreadable file: the run says the execution was not complete ----
mkdir -p "$T/err" && printf 'k = %s\n' "$S1" >"$T/err/ok.txt" && ln -s /nonexistent "$T/err/link"
"$KH" scan "$T/err/ok.txt" "$T/err/missing.txt" "${R[@]}" --format sarif >"$T/err.sarif"
expect "errors: valid SARIF" node "$VALIDATE" "$T/err.sarif"
expect "errors: reported as tool execution notifications" python3 -c "
import json; inv=json.load(open('$T/err.sarif'))['runs'][0]['invocations'][0]
assert inv['executionSuccessful'] is False and inv['toolExecutionNotifications'][0]['level']=='error'"

# ---- git, when the command exists ----
G="$T/repo"
git init -q "$G"
git -C "$G" config user.email dev@example.invalid
git -C "$G" config user.name Dev
printf 'token = %s\n' "$S1" >"$G/config.ini"
git -C "$G" add config.ini
git -C "$G" commit -qm "add config"
git -C "$G" rm -q config.ini
git -C "$G" commit -qm "remove it again; the low one was $S2"
"$KH" git "$G" "${R[@]}" --format sarif >"$T/git.sarif"
expect "git: the commit message's finding sits at .keyhound/commit/<sha12>/message" \
	grep -q '"uri": ".keyhound/commit/[0-9a-f]\{12\}/message"' "$T/git.sarif"
"$KH" git "$G" "${R[@]}" --format jsonl >"$T/git.jsonl"
expect "git: findings to report" [ -s "$T/git.jsonl" ]
check_sarif git "$T/git.sarif" "$T/git.jsonl"

# ---- image, when the command exists: a docker-save archive built here ----
python3 - "$T/image.tar" "$S1" "$S2" <<'PY'
import hashlib, io, json, sys, tarfile
out, s1, s2 = sys.argv[1:]
def tar_bytes(files):
    buf = io.BytesIO()
    with tarfile.open(fileobj=buf, mode="w") as t:
        for name, data in files:
            info = tarfile.TarInfo(name); info.size = len(data); info.mtime = 0
            t.addfile(info, io.BytesIO(data))
    return buf.getvalue()
layer = tar_bytes([("app/settings.conf", f"token = {s1}\n".encode())])
diff_id = "sha256:" + hashlib.sha256(layer).hexdigest()
config = json.dumps({
    "architecture": "amd64", "os": "linux",
    "config": {"Env": ["PATH=/usr/bin", f"LOW={s2}"]},
    "rootfs": {"type": "layers", "diff_ids": [diff_id]},
    "history": [{"created_by": f"RUN echo {s2} >/tmp/x && cp settings.conf /app/"}],
}).encode()
cfg_name = hashlib.sha256(config).hexdigest() + ".json"
manifest = json.dumps([{"Config": cfg_name, "RepoTags": ["test/app:1"], "Layers": ["l1/layer.tar"]}]).encode()
with open(out, "wb") as f:
    f.write(tar_bytes([("manifest.json", manifest), (cfg_name, config), ("l1/layer.tar", layer)]))
PY
"$KH" image "$T/image.tar" "${R[@]}" --format sarif >"$T/image.sarif"
expect "image: a config finding sits at .keyhound/image/config/<field>" \
	grep -q '"uri": ".keyhound/image/config/Env%5B1%5D"' "$T/image.sarif"
expect "image: automationDetails.id names the command and the image's tag, not the file" \
	grep -q '"id": "keyhound/image/test/app:1/"' "$T/image.sarif"
cp "$T/image.tar" "$T/copy-of-image.tar"
"$KH" image "$T/copy-of-image.tar" "${R[@]}" --format sarif >"$T/image2.sarif"
expect "image: the same image saved elsewhere keeps its category" \
	grep -q '"id": "keyhound/image/test/app:1/"' "$T/image2.sarif"
"$KH" image "$T/image.tar" "${R[@]}" --format jsonl >"$T/image.jsonl"
expect "image: findings to report" [ -s "$T/image.jsonl" ]
check_sarif image "$T/image.sarif" "$T/image.jsonl"

echo "$PASSED passed, $FAILED failed"
[ "$FAILED" = 0 ]
