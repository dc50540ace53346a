#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# Triage from the command line: baselines that survive edits, every allowlist kind
# through a real .keyhound.yml, configuration errors, limits from the file, report
# file modes, migration from .gitleaksignore and detect-secrets, human output and
# the progress display. Rules and fixtures are written here.
set -u
KH=${KH_BIN:?KH_BIN must name the built keyhound}
T=$(mktemp -d /tmp/kh-triage-XXXXXX)
trap 'rm -rf "$T"' EXIT
PASSED=0
FAILED=0
ok() { PASSED=$((PASSED + 1)); echo "ok - $1"; }
not_ok() { FAILED=$((FAILED + 1)); echo "not ok - $1"; [ -n "${2:-}" ] && printf '    %s\n' "$2"; }
# expect NAME CONDITION-COMMAND...
expect() { local n=$1; shift; if "$@"; then ok "$n"; else not_ok "$n" "rc=$RC out=${OUT:0:400} err=${ERR:0:400}"; fi; }
run() { "$KH" "$@" >"$T/.out" 2>"$T/.err"; RC=$?; OUT=$(cat "$T/.out"); ERR=$(cat "$T/.err"); }
lines() { [ -z "$OUT" ] && echo 0 || printf '%s\n' "$OUT" | wc -l; }
has() { grep -qF -- "$1" <<<"$2"; }

mkdir -p "$T/rules"
cat >"$T/rules/test.yml" <<'EOF'
rules:
  - id: test-token
    name: Test token
    pattern: '\b(tkn_[A-Za-z0-9]{20})\b'
    severity: high
    confidence: high
    references: [https://example.invalid/tkn]
  - id: github-token
    name: GitHub-like token
    pattern: '\b(ghx_[A-Za-z0-9]{20})\b'
    severity: critical
    confidence: high
  - id: test-keyfile
    name: Key file
    paths: ['*.p12']
    severity: medium
    confidence: medium
EOF
R=(--no-default-rules --rules "$T/rules" --threads 2)
S1=tkn_Zq81LmP0xR4vT7bN2cW5
S2=tkn_Hy63KdQ9sV2mX8pL4nB1
S3=tkn_Wc47RtE2uJ9kA5zF3gY8
G1=ghx_Pm29VxL7cQ4nD8sK1wT6

# ---- baselines ----
mkdir -p "$T/app/src"
printf 'one\ntoken = "%s"\n' "$S1" >"$T/app/src/a.conf"
printf 'x = %s\n' "$S2" >"$T/app/src/b.conf"
run scan "$T/app" "${R[@]}" --format jsonl
expect "two findings before the baseline" [ "$RC" = 1 -a "$(lines)" = 2 ]
run scan "$T/app" "${R[@]}" --write-baseline "$T/base.json" --quiet
expect "writing a baseline is not a failure" [ "$RC" = 0 ]
expect "the baseline holds no secret in the clear" \
	bash -c "! grep -qE 'tkn_|Zq81|Hy63' '$T/base.json'"
expect "the baseline is sorted fingerprints, no timestamps" python3 - "$T/base.json" <<'PY'
import json, sys
b = json.load(open(sys.argv[1]))
fps = b["fingerprints"]
assert set(b) == {"keyhound_baseline", "fingerprints"}, b.keys()
assert fps == sorted(fps) and len(fps) == 2 and len(set(fps)) == 2
PY
cp "$T/base.json" "$T/base1.json"
run scan "$T/app" "${R[@]}" --write-baseline "$T/base.json" --quiet
expect "a baseline is written the same way twice" cmp -s "$T/base.json" "$T/base1.json"
run scan "$T/app" "${R[@]}" --baseline "$T/base.json"
expect "the baseline suppresses the known findings" [ "$RC" = 0 ]
expect "the summary counts what the baseline suppressed" has "baseline 2" "$OUT"
# code moves: lines inserted above the finding, the file's other lines edited
printf '# header\n\n\n\nalpha\none\ntoken = "%s"\nmore\n' "$S1" >"$T/app/src/a.conf"
printf '\n\n# moved down\nx = %s\n' "$S2" >"$T/app/src/b.conf"
run scan "$T/app" "${R[@]}" --baseline "$T/base.json" --format jsonl
expect "lines inserted above: still clean" [ "$RC" = 0 -a -z "$OUT" ]
printf 'new = %s\n' "$S3" >>"$T/app/src/a.conf"
run scan "$T/app" "${R[@]}" --baseline "$T/base.json" --format jsonl
expect "a new secret: exactly one finding" [ "$RC" = 1 -a "$(lines)" = 1 ]
expect "the one finding is the new secret, at its line" \
	python3 -c "import json,sys; f=json.loads(sys.argv[1]); assert f['line']==9 and f['root_path']=='src/a.conf'" "$OUT"
# the same secret at another path is a different finding
printf 'x = %s\n' "$S2" >"$T/app/src/copy.conf"
run scan "$T/app" "${R[@]}" --baseline "$T/base.json" --format jsonl
expect "a known secret copied to a new file is reported" [ "$(lines)" = 2 ]
rm "$T/app/src/copy.conf"
# rewriting with the baseline active keeps its entries and adds the new one
run scan "$T/app" "${R[@]}" --baseline "$T/base.json" --write-baseline "$T/base2.json" --quiet
expect "a rewritten baseline keeps suppressed entries and adds new ones" \
	python3 -c "import json; a=json.load(open('$T/base.json'))['fingerprints']; b=json.load(open('$T/base2.json'))['fingerprints']; assert set(a) < set(b) and len(b)==3"
run scan "$T/app" "$T/no-such-file" "${R[@]}" --write-baseline "$T/base-err.json" --quiet
expect "writing a baseline over input that could not be read exits 2" [ "$RC" = 2 -a -s "$T/base-err.json" ]
echo '{"fingerprints": [1]}' >"$T/bad-base.json"
run scan "$T/app" "${R[@]}" --baseline "$T/bad-base.json"
expect "a malformed baseline is an error" [ "$RC" = 2 ]
run scan "$T/app" "${R[@]}" --baseline "$T/missing.json"
expect "a missing --baseline is an error" [ "$RC" = 2 ]

# ---- configuration: every allowlist kind through a real .keyhound.yml ----
mk_repo() {
	rm -rf "$T/repo"
	mkdir -p "$T/repo/tests/fixtures" "$T/repo/src" "$T/repo/docs"
	printf 'k = %s\n' "$S1" >"$T/repo/tests/fixtures/keys.txt"
	printf 'k = %s\n' "$S2" >"$T/repo/src/main.conf"
	printf 'k = tkn_Xyzzyq6205918374AbCd\n' >"$T/repo/src/sample.conf"
	printf 'k = %s\n' "$G1" >"$T/repo/docs/setup.md"
	printf 'k = %s\n' "$S3" >"$T/repo/docs/other.md"
}
cfg_scan() { # cfg_scan YAML: writes the config, scans, leaves the paths found in $OUT
	printf '%s\n' "$1" >"$T/repo/.keyhound.yml"
	"$KH" scan "$T/repo" "${R[@]}" --format jsonl >"$T/.out" 2>"$T/.err"
	RC=$?
	OUT=$(python3 -c "import json,sys; print(' '.join(sorted(json.loads(l)['root_path'] for l in open(sys.argv[1]) if l.strip())))" "$T/.out")
	ERR=$(cat "$T/.err")
}
mk_repo
cfg_scan ''
expect "an empty configuration allows nothing" \
	[ "$OUT" = "docs/other.md docs/setup.md src/main.conf src/sample.conf tests/fixtures/keys.txt" ]
cfg_scan "allow: {paths: ['tests/fixtures/**']}"
expect "allow.paths" [ "$OUT" = "docs/other.md docs/setup.md src/main.conf src/sample.conf" ]
cfg_scan "allow: {secrets: ['^tkn_Hy63']}"
expect "allow.secrets" [ "$OUT" = "docs/other.md docs/setup.md src/sample.conf tests/fixtures/keys.txt" ]
cfg_scan "allow: {stopwords: [XYZZY]}"
expect "allow.stopwords (case-insensitive)" [ "$OUT" = "docs/other.md docs/setup.md src/main.conf tests/fixtures/keys.txt" ]
cfg_scan "allow:
  rules:
    github-token: {paths: ['docs/**']}"
expect "allow.rules.<id>.paths applies to that rule only" \
	[ "$OUT" = "docs/other.md src/main.conf src/sample.conf tests/fixtures/keys.txt" ]
cfg_scan "allow:
  rules:
    test-token: {secrets: ['^tkn_Wc47'], stopwords: [xyzzy]}"
expect "allow.rules.<id>.secrets and stopwords" \
	[ "$OUT" = "docs/setup.md src/main.conf tests/fixtures/keys.txt" ]
cfg_scan "allow:
  rules:
    test-tokn: {paths: ['**']}"
expect "a misspelt rule id under allow.rules allows nothing" [ "$(wc -w <<<"$OUT")" = 5 ]
run scan "$T/repo" "${R[@]}"
expect "and the summary names it with its line" has ".keyhound.yml:3: allow.rules.test-tokn: no rule has this id" "$OUT"
cfg_scan "rules: {disable: [test-token]}"
expect "rules.disable" [ "$OUT" = "docs/setup.md" ]
mkdir -p "$T/repo/tools/kh"
cat >"$T/repo/tools/kh/team.yml" <<'EOF'
rules:
  - id: team-token
    name: Team token
    pattern: '\b(team_[a-z0-9]{12})\b'
    severity: low
    confidence: high
EOF
printf 'x = team_q8w7e6r5t4y3\n' >"$T/repo/src/team.txt"
cfg_scan "rules: {extra: [tools/kh], disable: [test-token, github-token]}"
expect "rules.extra is relative to the configuration file" [ "$OUT" = "src/team.txt" ]
rm -r "$T/repo/tools" "$T/repo/src/team.txt"
# the configuration's baseline, relative to the file
cfg_scan "baseline: .keyhound-baseline.json"
run scan "$T/repo" "${R[@]}"
expect "a configured baseline that does not exist yet is noted" has "does not exist yet" "$OUT"
"$KH" scan "$T/repo" "${R[@]}" --write-baseline "$T/repo/.keyhound-baseline.json" --quiet >/dev/null 2>&1
cfg_scan "baseline: .keyhound-baseline.json"
expect "the configured baseline suppresses" [ "$RC" = 0 -a -z "$OUT" ]
rm "$T/repo/.keyhound-baseline.json"
# found at the git work tree's root when a subfolder is scanned
git -C "$T/repo" init -q
printf "allow: {paths: ['**/main.conf']}\n" >"$T/repo/.keyhound.yml"
run scan "$T/repo/src" "${R[@]}" --format jsonl
expect "the work tree root's .keyhound.yml applies to a subfolder scan" [ "$(lines)" = 1 ] # sample.conf
rm -rf "$T/repo/.git"
# --config names a file anywhere
printf "allow: {paths: ['**']}\n" >"$T/elsewhere.yml"
run scan "$T/repo" "${R[@]}" --config "$T/elsewhere.yml" --format jsonl
expect "--config FILE wins over the folder's own" [ "$RC" = 0 -a -z "$OUT" ]

# ---- configuration errors: exit 2, naming the key and the line ----
cfg_err() { # cfg_err NAME YAML KEY LINE
	printf '%s\n' "$2" >"$T/repo/.keyhound.yml"
	run scan "$T/repo" "${R[@]}"
	expect "config error: $1" [ "$RC" = 2 ]
	expect "config error names '$3' and line $4" has ".keyhound.yml:$4: '$3'" "$ERR"
}
cfg_err "unknown top-level key" $'rules:\n  disable: []\nallowlist: {paths: [x]}' allowlist 3
cfg_err "unknown nested key" $'allow:\n  paths: [a]\n  pathz: [b]' allow.pathz 3
cfg_err "string for a list" $'allow:\n  stopwords: dummy' allow.stopwords 2
cfg_err "bad regex" $'allow:\n  secrets:\n    - "(open"' allow.secrets 3
cfg_err "bad size" $'limits:\n  max_file_size: big' limits.max_file_size 2
cfg_err "unknown limit" $'limits:\n  max_filez: 1' limits.max_filez 2
cfg_err "list for a string" $'baseline: [a]' baseline 1
printf 'allow: [\n' >"$T/repo/.keyhound.yml"
run scan "$T/repo" "${R[@]}"
expect "a YAML syntax error exits 2 with the line" [ "$RC" = 2 ] && expect "YAML error named" has "YAML error" "$ERR"
run scan "$T/repo" "${R[@]}" --config "$T/nonexistent.yml"
expect "a missing --config is an error" [ "$RC" = 2 ]

# ---- limits from the configuration; the command line wins ----
printf 'limits: {max_file_size: 10}\n' >"$T/repo/.keyhound.yml"
run scan "$T/repo" "${R[@]}" --format json --config "$T/repo/.keyhound.yml"
expect "limits.max_file_size applies from --config (a counted skip)" \
	python3 -c "import json,sys; s=json.loads(sys.argv[1])['summary']; assert s['skipped'].get('max-file-size',0) >= 5 and s['findings']==0, s" "$OUT"
run scan "$T/repo" "${R[@]}" --format json --max-file-size 1MB --config "$T/repo/.keyhound.yml"
expect "--max-file-size on the command line wins over the file" \
	python3 -c "import json,sys; s=json.loads(sys.argv[1])['summary']; assert 'max-file-size' not in s['skipped'] and s['findings']==5, s" "$OUT"
rm "$T/repo/.keyhound.yml"

# ---- reports with secrets in the clear are 0600 ----
umask 022
run scan "$T/repo" "${R[@]}" --show-secrets --format json --output "$T/clear.json"
expect "--show-secrets --output creates the file 0600" [ "$(stat -c %a "$T/clear.json")" = 600 ]
expect "and it holds the secrets" grep -q "$S1" "$T/clear.json"
touch "$T/existing.json" && chmod 644 "$T/existing.json"
run scan "$T/repo" "${R[@]}" --show-secrets --output "$T/existing.json"
expect "an existing report file is narrowed to 0600" [ "$(stat -c %a "$T/existing.json")" = 600 ]
run scan "$T/repo" "${R[@]}" --format json --output "$T/redacted.json"
expect "a redacted report follows the umask" [ "$(stat -c %a "$T/redacted.json")" = 644 ]
expect "a redacted report holds no secret" bash -c "! grep -q '$S1' '$T/redacted.json'"

# ---- migration: .gitleaksignore and detect-secrets' .secrets.baseline ----
rm -rf "$T/mig" && mkdir -p "$T/mig/src"
printf 'a\nk1 = %s\n' "$S1" >"$T/mig/src/a.py"
printf 'k2 = %s\nk3 = %s\n' "$S2" "$G1" >"$T/mig/src/b.py"
cat >"$T/mig/.gitleaksignore" <<EOF
# accepted by the team
src/a.py:generic-api-key:2
src/b.py:github-pat:2
src/b.py:github-pat:1
0123456789abcdef0123456789abcdef01234567:src/a.py:generic-api-key:2
this line is not a fingerprint
EOF
run scan "$T/mig" "${R[@]}" --format jsonl
expect ".gitleaksignore next to the scanned folder is used" [ "$RC" = 1 -a "$(lines)" = 1 ]
expect "a github-pat entry does not hide a non-github finding on its line" has '"line":1' "$OUT"
run scan "$T/mig" "${R[@]}"
expect "the summary says how many entries could not be matched" has ".gitleaksignore: 2 of 4 entries matched a finding, 2 could not be matched" "$OUT"
expect "a line that is not a fingerprint is named" has ".gitleaksignore:6: not a gitleaks fingerprint" "$OUT"
mv "$T/mig/.gitleaksignore" "$T/gl-ignore"
run scan "$T/mig" "${R[@]}" --format jsonl
expect "without it, every finding" [ "$(lines)" = 3 ]
run scan "$T/mig" "${R[@]}" --format jsonl --gitleaksignore "$T/gl-ignore"
expect "--gitleaksignore FILE" [ "$(lines)" = 1 ]
sha1() { printf '%s' "$1" | sha1sum | cut -d' ' -f1; }
cat >"$T/mig/.secrets.baseline" <<EOF
{
  "version": "1.5.0",
  "plugins_used": [{"name": "KeywordDetector"}],
  "filters_used": [],
  "results": {
    "src/a.py": [
      {"type": "Secret Keyword", "filename": "src/a.py", "hashed_secret": "$(sha1 "$S1")", "is_verified": false, "line_number": 2}
    ],
    "src/b.py": [
      {"type": "Secret Keyword", "filename": "src/b.py", "hashed_secret": "$(sha1 "$G1")", "is_verified": false, "line_number": 2},
      {"type": "Secret Keyword", "filename": "src/b.py", "hashed_secret": "$(sha1 "not-here")", "is_verified": false, "line_number": 9}
    ]
  },
  "generated_at": "2024-01-01T00:00:00Z"
}
EOF
printf '\n\n' | cat - "$T/mig/src/a.py" >"$T/mig/src/a2" && mv "$T/mig/src/a2" "$T/mig/src/a.py" # lines moved
run scan "$T/mig" "${R[@]}" --format jsonl
expect ".secrets.baseline: matched by path and secret hash, whatever the line" \
	[ "$RC" = 1 -a "$(lines)" = 1 ]
expect "the finding left is the one no entry names" has '"root_path":"src/b.py","line":1' "$OUT"
run scan "$T/mig" "${R[@]}"
expect "the summary counts unmatched detect-secrets entries" has ".secrets.baseline: 2 of 3 entries matched a finding, 1 could not be matched" "$OUT"
run scan "$T/mig" "${R[@]}" --write-baseline "$T/mig-base.json" --quiet
rm "$T/mig/.secrets.baseline"
run scan "$T/mig" "${R[@]}" --baseline "$T/mig-base.json" --format jsonl
expect "a baseline written with migration files holds what they suppressed" [ "$RC" = 0 -a -z "$OUT" ]
echo '{"results": ' >"$T/mig/.secrets.baseline"
run scan "$T/mig" "${R[@]}"
expect "a broken .secrets.baseline is an error" [ "$RC" = 2 ] && expect "naming the file" has ".secrets.baseline" "$ERR"
rm "$T/mig/.secrets.baseline"

# gitleaks entries from `gitleaks git` carry the commit: they match `keyhound git` findings
G="$T/grepo"
git init -q "$G" && git -C "$G" config user.email d@example.invalid && git -C "$G" config user.name D
printf 'a\nk = %s\n' "$S1" >"$G/one.txt"
printf 'k = %s\n' "$S2" >"$G/two.txt"
git -C "$G" add . && git -C "$G" commit -qm one
C=$(git -C "$G" rev-parse HEAD)
printf '%s:one.txt:generic-api-key:2\n%s:two.txt:generic-api-key:1\n' "$C" "0000000$(printf '%s' "$C" | cut -c8-)" >"$G/.gitleaksignore"
run git "$G" "${R[@]}" --format jsonl
expect "git: a .gitleaksignore entry with the finding's commit suppresses it" \
	[ "$(lines)" = 1 ] && expect "git: an entry with another commit does not" has '"path":"two.txt"' "$OUT"
run git "$G" "${R[@]}"
expect "git: the unmatched entry is counted" has "1 of 2 entries matched a finding, 1 could not be matched" "$OUT"
rm "$G/.gitleaksignore"
# a baseline of the history holds when later commits move the lines
run git "$G" "${R[@]}" --write-baseline "$T/git-base.json" --quiet
printf '# new header\n\n' | cat - "$G/one.txt" >"$G/x" && mv "$G/x" "$G/one.txt"
git -C "$G" commit -qam "move lines"
run git "$G" "${R[@]}" --baseline "$T/git-base.json" --format jsonl
expect "git: a history baseline holds after a commit moves the lines" [ "$RC" = 0 -a -z "$OUT" ]
printf 'n = %s\n' "$S3" >>"$G/two.txt"
git -C "$G" commit -qam "new secret"
run git "$G" "${R[@]}" --baseline "$T/git-base.json" --format jsonl
expect "git: a new secret in a new commit is exactly one finding" [ "$RC" = 1 -a "$(lines)" = 1 ]

# images: only --config applies; baselines and allowlists work on layer paths
python3 - "$T/img.tar" "$S1" "$S2" <<'PY'
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
config = json.dumps({"architecture": "amd64", "os": "linux", "config": {"Env": [f"T={s2}"]},
    "rootfs": {"type": "layers", "diff_ids": ["sha256:" + hashlib.sha256(layer).hexdigest()]},
    "history": [{"created_by": "COPY settings.conf /app/"}]}).encode()
name = hashlib.sha256(config).hexdigest() + ".json"
manifest = json.dumps([{"Config": name, "RepoTags": ["t/app:1"], "Layers": ["l1/layer.tar"]}]).encode()
open(out, "wb").write(tar_bytes([("manifest.json", manifest), (name, config), ("l1/layer.tar", layer)]))
PY
run image "$T/img.tar" "${R[@]}" --format jsonl
expect "image: two findings (a layer file, the config's Env)" [ "$RC" = 1 -a "$(lines)" = 2 ]
printf "allow: {paths: ['app/**']}\n" >"$T/img-config.yml"
run image "$T/img.tar" "${R[@]}" --config "$T/img-config.yml" --format jsonl
expect "image: --config allow.paths drops the layer file's finding" [ "$(lines)" = 1 ] &&
	expect "image: the config finding has no path to allow" has '"config_field":"Env[0]"' "$OUT"
run image "$T/img.tar" "${R[@]}" --write-baseline "$T/img-base.json" --quiet
run image "$T/img.tar" "${R[@]}" --baseline "$T/img-base.json"
expect "image: a baseline suppresses both" [ "$RC" = 0 ]

# ---- human output ----
rm -rf "$T/h" && mkdir -p "$T/h/a" "$T/h/b"
printf 'first\n    api_token: "%s"   # prod\n' "$S1" >"$T/h/a/one.yml"
printf 'k = %s\nz = %s\n' "$S2" "$S3" >"$T/h/b/two.env"
printf 'x' >"$T/h/b/cert.p12"
run scan "$T/h" "${R[@]}"
expect "human: each file named once, then its findings" \
	[ "$(grep -c "^$T/h/a/one.yml$" <<<"$OUT")" = 1 -a "$(grep -c "^$T/h/b/two.env$" <<<"$OUT")" = 1 ]
expect "human: the line with the secret redacted" has 'api_token: "tkn_*****"   # prod' "$OUT"
expect "human: rule name and confidence" has "Test token (test-token, high confidence)" "$OUT"
expect "human: no secret in the clear" bash -c "! grep -q 'Zq81' <<<'$OUT'"
expect "human: a path rule says the file itself is the finding" has "the whole file" "$OUT"
expect "human: ends with the summary" has "4 findings." "$(tail -1 <<<"$OUT")"
run scan "$T/h" "${R[@]}" --quiet
expect "--quiet prints only findings" bash -c "! grep -q 'Scanned' <<<'$OUT' && grep -q 'Test token' <<<'$OUT'"
run scan "$T/h" "${R[@]}" --show-secrets
expect "human --show-secrets shows the line as it is" has "api_token: \"$S1\"" "$OUT"

# ---- the progress display: on a terminal only ----
run scan "$T/h" "${R[@]}"
expect "no progress display when stderr is a file" [ -z "$ERR" ]
if command -v script >/dev/null; then
	# a scan that lasts past the first second: stdin held open by a slow writer
	script -qec "sh -c 'sleep 2 | \"$KH\" scan - ${R[*]} >/dev/null'" /dev/null >"$T/tty.txt" 2>&1
	expect "a progress display on a terminal" grep -q "scanning: .* blobs, .* MB/s" "$T/tty.txt"
	script -qec "sh -c 'sleep 2 | \"$KH\" scan - ${R[*]} --no-progress >/dev/null'" /dev/null >"$T/tty2.txt" 2>&1
	expect "--no-progress turns it off" bash -c "! grep -q scanning '$T/tty2.txt'"
fi

echo "$PASSED passed, $FAILED failed"
[ "$FAILED" = 0 ]
