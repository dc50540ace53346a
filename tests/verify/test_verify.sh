#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# --verify, the framework (issue 18): verdicts from the answers, what is sent where, nothing
# sent without --verify or by a repository's own configuration, a content host outside the
# rule's list never contacted, redirects refused, rate limits and timeouts, the cache, and no
# secret in any output. The provider rules' own tests are test_providers.sh.
. "$(dirname "$0")/lib.sh"
start_fakeprov
export XDG_CACHE_HOME=$T/cache

LIVE=tok_live_Q8fK2mZp7xR4vN1cabc
DEAD=tok_dead_W3jH9sL6tY2bP5gDabc
PLIVE=ptk_live_Q8fK2mZp7xR4vN1cabc
SLIVE=stk_live_Q8fK2mZp7xR4vN1cabc
SDEAD=stk_dead_W3jH9sL6tY2bP5gDabc
mkdir -p "$T/rules" "$T/tree" "$T/pair"
cat >"$T/rules/t.yml" <<'YML'
rules:
  - id: t-token
    name: Test token
    pattern: '\b(tok_[A-Za-z0-9_]{24})\b'
    severity: high
    confidence: high
    examples: ['t = tok_A1b2C3d4E5f6G7h8I9j0K1l2']
    verify:
      hosts: [api.keyhound-test.example]
      method: GET
      path: /user
      headers: {Authorization: 'Bearer {{secret}}', Accept: application/json}
      live: [200]
      invalid: [401]
      identity: '{{json.login}}'
      scopes: '{{header.X-Scopes}}'
      rotate: https://example.com/tokens
  - id: t-kid
    name: Test key id
    pattern: '\b(kid_[a-z]{4}[A-Za-z0-9]{12})\b'
    severity: low
    confidence: high
    examples: ['kid_goodA1b2C3d4E5f6']
  - id: t-pair
    name: Test paired secret
    pattern: '\bpair=(ptk_[A-Za-z0-9_]{24})\b'
    severity: high
    confidence: high
    examples: ['pair=ptk_A1b2C3d4E5f6G7h8I9j0K1l2']
    verify:
      hosts: [api.keyhound-test.example]
      method: GET
      path: /basic
      with: {id: t-kid}
      headers: {Authorization: 'Basic {{base64(id ":" secret)}}'}
      live: [200]
      invalid: [403]
      identity: '{{json.account}}'
  - id: t-site
    name: Test token with its site
    pattern: '\bsitetok=(stk_[A-Za-z0-9_]{24})\b'
    severity: high
    confidence: high
    examples: ['sitetok=stk_A1b2C3d4E5f6G7h8I9j0K1l2']
    verify:
      hosts: ['*.keyhound-test.example']
      host: '{{site}}'
      with: {site: t-site-url}
      method: GET
      path: /user
      headers: {Authorization: 'Bearer {{secret}}'}
      live: [200]
      invalid: [401]
  - id: t-near
    name: Test token with its site somewhere near it
    pattern: '\bneartok=(ntk_[A-Za-z0-9_]{24})\b'
    severity: high
    confidence: high
    examples: ['neartok=ntk_A1b2C3d4E5f6G7h8I9j0K1l2']
    verify:
      hosts: ['*.keyhound-test.example']
      host: '{{site}}'
      near: {site: 'site=(?<site>\S+)'}
      method: GET
      path: /user
      headers: {Authorization: 'Bearer {{secret}}'}
      live: [200]
      invalid: [401]
      identity: '{{site}}'
  - id: t-site-url
    name: Test site
    pattern: '\bsite=([a-z.-]+\.example)\b'
    severity: low
    confidence: high
    examples: ['site=api.keyhound-test.example']
YML
RULES=(--no-default-rules --rules "$T/rules" --no-progress)
printf 'a = %s\nb = %s\nc = %s\nboth = %s %s\n' "$LIVE" "$DEAD" "$LIVE" "$LIVE" "$DEAD" >"$T/tree/x.txt"

# ---- nothing is sent without --verify, nor by a variable or a configuration ----
n0=$(requests)
run_kh scan "$T/tree" "${RULES[@]}" -f jsonl
check "no --verify: no request, no verification field" \
	test "$(requests)" = "$n0" -a "$RC" = 1 -a -z "$(grep verification <<<"$OUT")"
KEYHOUND_VERIFY=1 run_kh scan "$T/tree" "${RULES[@]}" -f jsonl
check "KEYHOUND_VERIFY=1 sends nothing" test "$(requests)" = "$n0"
printf 'verify: true\n' >"$T/cfg.yml"
run_kh scan "$T/tree" "${RULES[@]}" --config "$T/cfg.yml"
check "a configuration cannot turn verification on (an error naming the key)" \
	test "$RC" = 2 -a "$(requests)" = "$n0" -a -n "$(grep -i verify <<<"$ERR")"

# a repository's own rules (rules.extra of its .keyhound.yml) never verify, even with --verify
mkdir -p "$T/repo/own"
sed 's/t-token/r-token/; s/t-kid/r-kid/; s/t-pair/r-pair/; s/t-site/r-site/g' "$T/rules/t.yml" >"$T/repo/own/r.yml"
printf 'rules:\n  extra: [own]\n' >"$T/repo/.keyhound.yml"
cp "$T/tree/x.txt" "$T/repo/"
run_kh scan "$T/repo" --no-default-rules --no-progress --verify --verify-cache off -f jsonl
check "a repository's own rules do not verify" test "$(requests)" = "$n0" -a "$RC" = 1
check "... its findings say no-check" jsonl_check \
	'fs and all(f["verification"]["reason"] == "no-check" for f in fs)' "$T/.out"
run_kh scan "$T/repo" --no-default-rules --no-progress --verify --verify-cache off
check "... and the summary says why" grep -q "never verified" <<<"$OUT"

# ---- verdicts ----
run_kh scan "$T/tree" "${RULES[@]}" --verify -f jsonl
check "live and invalid from the answers" jsonl_check \
	'[f["verification"]["status"] for f in fs] == ["live", "invalid", "live", "live", "invalid"]' "$T/.out"
check "identity and scopes from the answer, the rotation link from the rule" jsonl_check \
	'fs[0]["verification"]["identity"] == "octo-test" and fs[0]["verification"]["scopes"] == "repo, read:org" and fs[0]["verification"]["rotate"] == "https://example.com/tokens"' "$T/.out"
check "each distinct secret checked once" test "$(requests)" = $((n0 + 2))
check "the exact request: line, host, auth header shape" log_check \
	'all(r["method"] == "GET" and r["path"] == "/user" and r["host"] == "api.keyhound-test.example" and r["sni"] == r["host"] and hdr(r, "Authorization") in ("Bearer '$LIVE'", "Bearer '$DEAD'") and hdr(r, "Accept") == "application/json" for r in rs)' "$n0"
check "findings still fail the run (verification never changes the exit code)" test "$RC" = 1

run_kh scan "$T/tree" "${RULES[@]}" --verify
check "human output lists live ones first" python3 -c '
import sys
out = open(sys.argv[1]).read()
st = [l.split()[1] for l in out.splitlines() if l.strip().startswith("verified:")]
sys.exit(0 if st == ["LIVE", "LIVE", "LIVE", "invalid", "invalid"] else 1)' "$T/.out"

# ---- the cache ----
n1=$(requests)
run_kh scan "$T/tree" "${RULES[@]}" --verify -f jsonl
check "a second run asks nothing: verdicts from the cache" test "$(requests)" = "$n1"
check "... and says so" jsonl_check 'all(f["verification"]["cached"] for f in fs)' "$T/.out"
check "the cache is 0600" test "$(stat -c %a "$XDG_CACHE_HOME/keyhound/verify.db")" = 600
check "the cache holds no secret" test "$(grep -c -a -e "$LIVE" -e "$DEAD" -e "${LIVE#tok_}" "$XDG_CACHE_HOME/keyhound/verify.db")" = 0
run_kh scan "$T/tree" "${RULES[@]}" --verify --verify-cache off -f jsonl
check "--verify-cache off asks again" test "$(requests)" = $((n1 + 2))

# ---- --only-live, --verify-rules, --verify-exclude ----
run_kh scan "$T/tree" "${RULES[@]}" --verify --only-live -f jsonl
check "--only-live keeps the live ones" jsonl_check \
	'len(fs) == 3 and all(f["verification"]["status"] == "live" for f in fs)' "$T/.out"
printf 'b = %s\n' "$DEAD" >"$T/dead.txt"
run_kh scan "$T/dead.txt" "${RULES[@]}" --verify --only-live
check "--only-live: nothing live is exit 0" test "$RC" = 0
n2=$(requests)
run_kh scan "$T/tree" "${RULES[@]}" --verify --verify-exclude t-token --verify-cache off -f jsonl
check "--verify-exclude: no traffic for that rule" test "$(requests)" = "$n2"
check "... its findings say excluded" jsonl_check 'all(f["verification"]["reason"] == "excluded" for f in fs)' "$T/.out"
run_kh scan "$T/tree" "${RULES[@]}" --verify --verify-rules t-pair --verify-cache off -f jsonl
check "--verify-rules: only those rules get traffic" test "$(requests)" = "$n2"
run_kh scan "$T/tree" "${RULES[@]}" --only-live
check "--only-live needs --verify" test "$RC" = 2

# ---- multi-part: the nearest counterpart in the same blob, never another blob ----
printf 'id = kid_badxA1b2C3d4E5f6\n\n\n\n\nid = kid_goodA1b2C3d4E5f6\npair=%s\n' "$PLIVE" >"$T/pair/near.txt"
printf 'id = kid_badxA1b2C3d4E5f6\npair=%s\n' "$PLIVE" >"$T/pair/bad.txt"
printf 'pair=%s\n' "$PLIVE" >"$T/pair/alone.txt"
printf 'id = kid_goodZ1b2C3d4E5f6\n' >"$T/pair/other-blob.txt"
n3=$(requests)
run_kh scan "$T/pair" "${RULES[@]}" --verify --verify-cache off -f jsonl
check "paired with the nearest id: live" jsonl_check \
	'[f["verification"]["status"] for f in fs if f["rule_id"] == "t-pair" and f["path"].endswith("/near.txt")] == ["live"]' "$T/.out"
check "only a wrong id near: invalid" jsonl_check \
	'[f["verification"]["status"] for f in fs if f["rule_id"] == "t-pair" and f["path"].endswith("/bad.txt")] == ["invalid"]' "$T/.out"
check "no id in the blob: unknown (missing-part), never an id from another blob" jsonl_check \
	'[(f["verification"]["status"], f["verification"]["reason"]) for f in fs if f["rule_id"] == "t-pair" and f["path"].endswith("/alone.txt")] == [("unknown", "missing-part")]' "$T/.out"
b64() { printf '%s' "$1" | base64 -w0; }
check "the pair's requests are Basic id:secret, the nearest id first (one request for near.txt)" log_check \
	'sorted(hdr(r, "Authorization") for r in rs) == sorted(["Basic '"$(b64 "kid_goodA1b2C3d4E5f6:$PLIVE")"'", "Basic '"$(b64 "kid_badxA1b2C3d4E5f6:$PLIVE")"'"])' "$n3"

# ---- a host from the content: only when the rule's list allows it ----
mkdir -p "$T/site"
printf 'site=api.keyhound-test.example\nsitetok=%s\n' "$SLIVE" >"$T/site/ok.txt"
printf 'site=other.keyhound-test.example.evil.example\nsitetok=%s\n' "$SDEAD" >"$T/site/evil.txt"
n4=$(requests)
run_kh scan "$T/site" "${RULES[@]}" --verify --verify-cache off -f jsonl
check "a content host on the list is used" jsonl_check \
	'[f["verification"]["status"] for f in fs if f["rule_id"] == "t-site" and f["path"].endswith("/ok.txt")] == ["live"]' "$T/.out"
check "a content host off the list: unknown (host-not-allowed)" jsonl_check \
	'[f["verification"]["reason"] for f in fs if f["rule_id"] == "t-site" and f["path"].endswith("/evil.txt")] == ["host-not-allowed"]' "$T/.out"
check "... and never contacted" log_check 'len(rs) == 1 and rs[0]["host"] == "api.keyhound-test.example"' "$n4"

# a near: value put in the host: a crafted file names hosts the fake server answers for
# (api.github.com), in every shape that could slip past a suffix test; none is contacted
mkdir -p "$T/near"
printf 'site=api.keyhound-test.example\nneartok=ntk_okA1b2C3d4E5f6G7h8I9j0K1\n' >"$T/near/ok.txt"
i=0
for h in api.github.com api.keyhound-test.example.api.github.com api.github.com/.keyhound-test.example \
	api.keyhound-test.example@api.github.com 'api.github.com#.keyhound-test.example' \
	'api.github.com?.keyhound-test.example' api.keyhound-test.example:443 127.0.0.1 \
	a.b.keyhound-test.example 'https://api.github.com/'; do
	i=$((i + 1))
	printf 'site=%s\nneartok=ntk_evil%02dC3d4E5f6G7h8I9j0K1\n' "$h" "$i" >"$T/near/evil$i.txt"
done
n4b=$(requests)
run_kh scan "$T/near" "${RULES[@]}" --verify --verify-cache off -f jsonl
check "a near: host on the list is used (the fake says invalid: not a tok_live token)" jsonl_check \
	'[f["verification"]["status"] for f in fs if f["path"].endswith("/ok.txt")] == ["invalid"]' "$T/.out"
check "crafted near: hosts ($i): all unknown (host-not-allowed)" jsonl_check \
	'sorted(f["verification"]["reason"] for f in fs if "/evil" in f["path"]) == ["host-not-allowed"] * '"$i" "$T/.out"
check "... and never contacted: one request, to the listed host" log_check \
	'len(rs) == 1 and rs[0]["host"] == "api.keyhound-test.example"' "$n4b"

# ---- redirects, rate limits, timeouts: unknown, never followed or waited out ----
mkdir -p "$T/r2"
cp "$T/rules/t.yml" "$T/r2/t.yml"
sed -i 's|      path: /user$|      path: /redirect|' "$T/r2/t.yml"
n5=$(requests)
run_kh scan "$T/dead.txt" --no-default-rules --rules "$T/r2" --no-progress --verify --verify-cache off -f jsonl
check "a redirect is unknown (redirect)" jsonl_check \
	'fs[0]["verification"]["status"] == "unknown" and fs[0]["verification"]["reason"] == "redirect"' "$T/.out"
check "... and not followed" log_check 'len(rs) == 1 and rs[0]["path"] == "/redirect"' "$n5"

sed -i 's|      path: /redirect$|      path: /ratelimit/{{secret}}|' "$T/r2/t.yml"
n6=$(requests)
run_kh scan "$T/dead.txt" --no-default-rules --rules "$T/r2" --no-progress --verify --verify-cache off -f jsonl
check "429 with Retry-After: 1 is waited out once, then read" jsonl_check \
	'fs[0]["verification"]["status"] == "live" and fs[0]["verification"]["reason"] == "http-200"' "$T/.out"
check "... the retry came a second later" log_check 'len(rs) == 2 and rs[1]["time"] - rs[0]["time"] >= 0.95' "$n6"

sed -i 's|      path: /ratelimit/{{secret}}$|      path: /always429|' "$T/r2/t.yml"
n7=$(requests)
run_kh scan "$T/dead.txt" --no-default-rules --rules "$T/r2" --no-progress --verify --verify-cache off \
	--verify-timeout 3 -f jsonl
check "a Retry-After (30 s) past --verify-timeout: unknown (rate-limited)" jsonl_check \
	'fs[0]["verification"]["reason"] == "rate-limited"' "$T/.out"
check "... not waited for: one request, no retry" log_check 'len(rs) == 1' "$n7"
check "... exit code unchanged by the failure" test "$RC" = 1

sed -i 's|      path: /always429$|      path: /slow|' "$T/r2/t.yml"
run_kh scan "$T/dead.txt" --no-default-rules --rules "$T/r2" --no-progress --verify --verify-cache off \
	--verify-timeout 1 -f jsonl
check "an answer slower (3 s) than --verify-timeout 1: unknown (timeout), not waited for" jsonl_check \
	'fs[0]["verification"]["reason"] == "timeout"' "$T/.out"

# no trust without the test CA: a TLS failure is unknown, never a plain-text retry
KEYHOUND_CAINFO= run_kh scan "$T/dead.txt" "${RULES[@]}" --verify --verify-cache off -f jsonl
check "TLS is verified (no CA: unknown tls-failed)" jsonl_check \
	'fs[0]["verification"]["reason"] == "tls-failed"' "$T/.out"
KEYHOUND_CONNECT_TO=api.keyhound-test.example:443:10.1.1.1:443 run_kh scan "$T/dead.txt" "${RULES[@]}" --verify \
	--verify-cache off
check "KEYHOUND_CONNECT_TO to a non-loopback address is refused" test "$RC" = 2 -a -n "$(grep loopback <<<"$ERR")"

# ---- SARIF: live is an error with security-severity 10.0 ----
run_kh scan "$T/tree" "${RULES[@]}" --verify -f sarif
check "SARIF: live results are level error, security-severity 10.0" python3 -c '
import json, sys
rs = json.load(open(sys.argv[1]))["runs"][0]["results"]
live = [r for r in rs if r["properties"]["verification"]["status"] == "live"]
dead = [r for r in rs if r["properties"]["verification"]["status"] == "invalid"]
sys.exit(0 if live and dead and all(r["level"] == "error" and r["properties"]["security-severity"] == "10.0" for r in live)
         and all(r["properties"].get("security-severity") != "10.0" for r in dead) else 1)' "$T/.out"

# ---- GitLab's report: the verdict in typed details, a live secret Critical with a solution ----
run_kh scan "$T/tree" "${RULES[@]}" --verify -f gitlab
check "GitLab report: verification in details, live ones Critical with the rotation link" python3 -c '
import json, sys
vs = json.load(open(sys.argv[1]))["vulnerabilities"]
st = lambda v: v["details"]["verification_status"]["value"]
live = [v for v in vs if st(v) == "live"]
dead = [v for v in vs if st(v) == "invalid"]
ok = live and dead and all(v["severity"] == "Critical" and "https://example.com/tokens" in v["solution"] and
    v["details"]["verification_rotate"] == {"name": "Revoke or rotate at", "type": "url", "href": "https://example.com/tokens"}
    and v["details"]["verification_identity"]["type"] == "text" and "Verified: LIVE" in v["description"] for v in live)
ok = ok and all(v["severity"] == "High" and "solution" not in v and "Verified: invalid (http-401)" in v["description"] for v in dead)
sys.exit(0 if ok else 1)' "$T/.out"

# ---- report merge: shard reports keep their findings' verification ----
run_kh scan "$T/tree" "${RULES[@]}" --verify -f json -o "$T/shard-a.json"
run_kh scan "$T/pair" "${RULES[@]}" --verify -f json -o "$T/shard-b.json"
n9=$(requests)
run_kh report merge "$T/shard-a.json" "$T/shard-b.json" -f jsonl
check "report merge: every finding keeps its verification" python3 -c '
import json, sys
key = lambda f: (f["fingerprint"], json.dumps(f.get("verification"), sort_keys=True))
shards = sorted(key(f) for p in sys.argv[1:3] for f in json.load(open(p))["findings"])
merged = sorted(key(json.loads(l)) for l in open(sys.argv[3]) if l.strip())
sys.exit(0 if merged == shards and all(json.loads(v)["status"] for _, v in merged) else 1)' \
	"$T/shard-a.json" "$T/shard-b.json" "$T/.out"
check "... and sends nothing" test "$(requests)" = "$n9"
run_kh report merge "$T/shard-a.json" "$T/shard-b.json" -f sarif
check "... SARIF of the merge: live results are level error" python3 -c '
import json, sys
rs = json.load(open(sys.argv[1]))["runs"][0]["results"]
sys.exit(0 if any(r["properties"]["verification"]["status"] == "live" and r["level"] == "error" for r in rs) else 1)' "$T/.out"
run_kh report merge "$T/shard-a.json" "$T/shard-b.json" -f gitlab
check "... GitLab of the merge: the verdicts in details" python3 -c '
import json, sys
vs = json.load(open(sys.argv[1]))["vulnerabilities"]
sys.exit(0 if sorted({v["details"]["verification_status"]["value"] for v in vs}) == ["invalid", "live", "unknown"] else 1)' "$T/.out"

# ---- sweeps: what a run scans is checked; what it replays from the state is not ----
mkdir -p "$T/sw/r1"
git -C "$T/sw/r1" init -q
cp "$T/tree/x.txt" "$T/sw/r1/"
git -C "$T/sw/r1" add x.txt
git -C "$T/sw/r1" -c user.email=a@example.com -c user.name=a commit -qm x
n8=$(requests)
run_kh sweep "$T/sw/r1" --state "$T/sw/state.db" "${RULES[@]}" --verify --verify-cache off -f jsonl
# history is grouped: one finding per (rule, path, secret) in the one version of x.txt
check "sweep --verify: live and invalid" jsonl_check \
	'sorted((f["verification"]["status"], f.get("occurrences")) for f in fs) == [("invalid", 1), ("live", 1)]' "$T/.out"
check "... each distinct secret once" test "$(requests)" = $((n8 + 2))
cp "$T/.out" "$T/sw/run1.jsonl"
run_kh sweep "$T/sw/r1" --state "$T/sw/state.db" "${RULES[@]}" --verify --verify-cache off -f jsonl
check "a replayed repository under --verify-cache off: not-rescanned, nothing sent" jsonl_check \
	'fs and all(f["verification"]["reason"] == "not-rescanned" for f in fs)' "$T/.out"
check "... zero requests" test "$(requests)" = $((n8 + 2))
# the state keeps each reported finding's verdict: replayed, a finding carries its last one
run_kh sweep "$T/sw/r1" --state "$T/sw/state.db" "${RULES[@]}" --verify -f jsonl
check "a replayed repository: each finding with its last verdict and its time, cached" python3 -c '
import json, sys
key = lambda f: (f["fingerprint"], f["verification"]["status"], f["verification"]["reason"], f["verification"]["checked_at"])
old = sorted(key(json.loads(l)) for l in open(sys.argv[1]) if l.strip())
new = [json.loads(l) for l in open(sys.argv[2]) if l.strip()]
sys.exit(0 if sorted(key(f) for f in new) == old and sorted(f["verification"]["status"] for f in new) == ["invalid", "live"]
         and all(f["verification"]["cached"] for f in new) else 1)' "$T/sw/run1.jsonl" "$T/.out"
check "... zero requests" test "$(requests)" = $((n8 + 2))
run_kh sweep "$T/sw/r1" --state "$T/sw/state.db" "${RULES[@]}" -f jsonl
check "... and none without --verify" jsonl_check 'fs and all("verification" not in f for f in fs)' "$T/.out"
# the cache's lifetimes: a live verdict 25 hours old is stale (24 h), an invalid one is not (7 days)
python3 - "$T/sw/state.db" <<'PY'
import json, sqlite3, sys, time
db = sqlite3.connect(sys.argv[1])
old = time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(time.time() - 25 * 3600))
for repo, fp, v in db.execute("SELECT repo, fingerprint, verdict FROM verdicts").fetchall():
    v = json.loads(v)
    v["checked_at"] = old
    db.execute("UPDATE verdicts SET verdict = ? WHERE repo = ? AND fingerprint = ?", (json.dumps(v), repo, fp))
db.commit()
PY
run_kh sweep "$T/sw/r1" --state "$T/sw/state.db" "${RULES[@]}" --verify -f jsonl
check "a kept verdict past its lifetime: live 25 h old is not-rescanned, invalid 25 h old still holds" jsonl_check \
	'sorted((f["verification"]["status"], f["verification"]["reason"]) for f in fs) == [("invalid", "http-401"), ("unknown", "not-rescanned")]' "$T/.out"
check "... the state holds no secret" test "$(cat "$T"/sw/state.db* | grep -c -a -e "$LIVE" -e "$DEAD")" = 0

# ---- no secret in any output or message (two on one line included) ----
leaks=0
for f in "$T"/.out "$T"/.err "$T"/fake.out; do
	grep -q -e "$LIVE" -e "$DEAD" -e "$PLIVE" -e "$SLIVE" -e ntk_ "$f" && leaks=$((leaks + 1))
done
for fmt in human json sarif gitlab; do
	run_kh scan "$T/tree" "${RULES[@]}" --verify -f "$fmt"
	grep -q -e "${LIVE#tok_}" -e "${DEAD#tok_}" <<<"$OUT$ERR" && leaks=$((leaks + 1))
done
check "no secret in any output or message" test "$leaks" = 0

finish
