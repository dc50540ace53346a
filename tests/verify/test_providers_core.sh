#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# The shipped verify blocks of GitHub (every token kind that can be checked), GitLab, Slack
# (tokens and incoming webhooks), Stripe and npm against their fake providers
# (tests/verify/providers/<name>.py: "LiVe" in a credential is live there, "RaTe" rate
# limited, anything else revoked): the verdict of each, and the exact request line, host and
# auth header each rule sends.
. "$(dirname "$0")/lib.sh"
start_fakeprov
export XDG_CACHE_HOME=$T/cache
mkdir -p "$T/tree"

# credentials of each rule's shape, made here: a random body with a marker in it
python3 - "$T" <<'PY'
import json, random, sys, zlib
T = sys.argv[1]
rnd = random.Random(18)
A = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789"
B62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
def rand(n, alpha=A):
    return "".join(rnd.choice(alpha) for _ in range(n))
def crc_token(prefix, marker):  # GitHub's and npm's: 30 random base62, then the CRC-32 in 6
    body = marker + rand(30 - len(marker))
    c, d = zlib.crc32(body.encode()), ""
    for _ in range(6):
        d, c = B62[c % 62] + d, c // 62
    return prefix + body + d
creds = {}
for kind, marker in (("live", "LiVe"), ("dead", "DeAd"), ("rate", "RaTe")):
    creds["ghp-" + kind] = crc_token("ghp_", marker)
    creds["npm-" + kind] = crc_token("npm_", marker)
creds["gho-live"] = crc_token("gho_", "LiVe")
creds["ghu-live"] = crc_token("ghu_", "LiVe")
creds["ghs-live"] = crc_token("ghs_", "LiVe")
creds["ghs-dead"] = crc_token("ghs_", "DeAd")
creds["ghfg-live"] = "github_pat_11" + rand(20) + "_LiVe" + rand(55)
creds["glpat-live"] = "glpat-LiVe" + rand(16)
creds["glpat-dead"] = "glpat-DeAd" + rand(16)
creds["glpat-rate"] = "glpat-RaTe" + rand(16)
creds["glrt-live"] = "glrt-LiVe" + rand(16)
creds["glrt-dead"] = "glrt-DeAd" + rand(16)
creds["xoxb-live"] = "xoxb-%d-%d-LiVe%s" % (rnd.randrange(10**11, 10**12), rnd.randrange(10**12, 10**13), rand(20))
creds["xoxb-dead"] = "xoxb-%d-%d-DeAd%s" % (rnd.randrange(10**11, 10**12), rnd.randrange(10**12, 10**13), rand(20))
creds["xoxb-rate"] = "xoxb-%d-%d-RaTe%s" % (rnd.randrange(10**11, 10**12), rnd.randrange(10**12, 10**13), rand(20))
U = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"
creds["hook-live"] = "https://hooks.slack.com/services/T%s/B%s/LiVe%s" % (rand(9, U), rand(9, U), rand(20))
creds["hook-dead"] = "https://hooks.slack.com/services/T%s/B%s/DeAd%s" % (rand(9, U), rand(9, U), rand(20))
creds["hook-workflow"] = "https://hooks.slack.com/workflows/T%s/A%s/LiVe%s" % (rand(9, U), rand(9, U), rand(20))
creds["sk-live"] = "sk_live_LiVe" + rand(28)
creds["sk-dead"] = "sk_live_DeAd" + rand(28)
creds["sk-rate"] = "sk_live_RaTe" + rand(28)
creds["rk-nope"] = "rk_live_NoPe" + rand(28)
json.dump(creds, open(T + "/creds.json", "w"))
with open(T + "/tree/secrets.env", "w") as f:
    for k, v in creds.items():
        f.write("%s=%s\n\n\n" % (k.upper().replace("-", "_"), v))
PY

run_kh scan "$T/tree" --no-progress --verify --verify-cache off --verify-timeout 20 -f jsonl
cp "$T/.out" "$T/report.jsonl"
check "the scan ran (findings: exit 1)" test "$RC" = 1

# verdicts: credential name -> (rule, status, reason)
verdict() {
	python3 - "$T" "$1" "$2" "$3" "${4:-}" <<'PY'
import json, sys
T, name, rule, status, reason = sys.argv[1:6]
cred = json.load(open(T + "/creds.json"))[name]
line = [i + 1 for i, l in enumerate(open(T + "/tree/secrets.env")) if l.endswith("=" + cred + "\n")][0]
fs = [json.loads(l) for l in open(T + "/report.jsonl") if l.strip()]
got = [f for f in fs if f["line"] == line]
ok = len(got) == 1 and got[0]["rule_id"] == rule and got[0]["verification"]["status"] == status \
    and (not reason or got[0]["verification"]["reason"] == reason)
if not ok:
    print("  %s: %s" % (name, [(f["rule_id"], f["verification"]) for f in got]), file=sys.stderr)
sys.exit(0 if ok else 1)
PY
}
check "GitHub classic PAT: live" verdict ghp-live github-pat live
check "GitHub classic PAT: revoked is invalid" verdict ghp-dead github-pat invalid http-401
check "GitHub classic PAT: rate limited is unknown" verdict ghp-rate github-pat unknown rate-limited
check "GitHub OAuth token: live" verdict gho-live github-oauth-token live
check "GitHub App user token: live" verdict ghu-live github-user-to-server-token live
check "GitHub App installation token: live (its repositories)" verdict ghs-live github-app-installation-token live
check "GitHub App installation token: revoked is invalid" verdict ghs-dead github-app-installation-token invalid
check "GitHub fine-grained PAT: live" verdict ghfg-live github-fine-grained-pat live
check "GitLab PAT: live" verdict glpat-live gitlab-pat live
check "GitLab PAT: revoked is invalid" verdict glpat-dead gitlab-pat invalid http-401
check "GitLab PAT: rate limited is unknown" verdict glpat-rate gitlab-pat unknown rate-limited
check "GitLab runner token: live" verdict glrt-live gitlab-runner-token live
check "GitLab runner token: invalid" verdict glrt-dead gitlab-runner-token invalid http-403
check "Slack bot token: live (ok: true)" verdict xoxb-live slack-bot-token live
check "Slack bot token: revoked is invalid (ok: false, invalid_auth)" verdict xoxb-dead slack-bot-token invalid
check "Slack bot token: rate limited is unknown" verdict xoxb-rate slack-bot-token unknown rate-limited
check "Slack webhook: live (no_text)" verdict hook-live slack-webhook-url live http-400
check "Slack webhook: revoked is invalid" verdict hook-dead slack-webhook-url invalid http-403
check "Slack workflow URL: never sent anything (not-checkable)" verdict hook-workflow slack-webhook-url unknown not-checkable
check "Stripe secret key: live" verdict sk-live stripe-secret-key live
check "Stripe secret key: revoked is invalid" verdict sk-dead stripe-secret-key invalid http-401
check "Stripe secret key: rate limited is unknown" verdict sk-rate stripe-secret-key unknown rate-limited
check "Stripe restricted key without the permission: live (403)" verdict rk-nope stripe-restricted-key live http-403
check "npm token: live" verdict npm-live npm-access-token live
check "npm token: revoked is invalid" verdict npm-dead npm-access-token invalid
check "npm token: rate limited is unknown" verdict npm-rate npm-access-token unknown rate-limited

check "identities from the answers" jsonl_check '
set(f["verification"]["identity"] for f in fs if f["verification"]["status"] == "live") >= {
  "octocat", "installation of acme", "user 42 (ci)", "deploybot in Acme (https://acme.slack.com/)",
  "acct_1Acme Acme", "npm-publisher"}' "$T/report.jsonl"
check "scopes from the answers" jsonl_check '(
any(f["verification"]["scopes"] == "repo, read:org" for f in fs if f["rule_id"] == "github-pat") and
any(f["verification"]["scopes"] == "api, read_repository" for f in fs if f["rule_id"] == "gitlab-pat") and
any(f["verification"]["scopes"] == "chat:write,channels:read" for f in fs if f["rule_id"] == "slack-bot-token"))' "$T/report.jsonl"

# the exact requests: line, host and auth header shape of each rule
shape() {
	python3 - "$T" "$FAKE_LOG" <<'PY'
import base64, json, sys
T, log = sys.argv[1:3]
creds = json.load(open(T + "/creds.json"))
rs = [json.loads(l) for l in open(log) if l.strip()]
hdr = lambda r, n: next((v for k, v in r["headers"] if k.lower() == n.lower()), None)
def sent(pred):
    return [r for r in rs if pred(r)]
bad = []
def want(name, method, host, path, auth_name, auth_value, body=None, extra=None):
    got = sent(lambda r: r["host"] == host and (hdr(r, auth_name) == auth_value if auth_name else
               r["path"] == path and (body is None or r["body"] == body)))
    ok = got and all(r["method"] == method and r["path"] == path and r["sni"] == host for r in got)
    ok = ok and (body is None or all(r["body"] == body for r in got))
    ok = ok and all(hdr(r, k) == v for r in got for k, v in (extra or {}).items())
    if not ok:
        bad.append((name, got))
c = creds
gh = {"Accept": "application/vnd.github+json", "X-GitHub-Api-Version": "2022-11-28"}
want("ghp", "GET", "api.github.com", "/user", "Authorization", "Bearer " + c["ghp-live"], extra=gh)
want("ghs", "GET", "api.github.com", "/installation/repositories?per_page=1", "Authorization", "Bearer " + c["ghs-live"], extra=gh)
want("glpat", "GET", "gitlab.com", "/api/v4/personal_access_tokens/self", "PRIVATE-TOKEN", c["glpat-live"])
want("glrt", "POST", "gitlab.com", "/api/v4/runners/verify", None, None, body="token=" + c["glrt-live"],
     extra={"Content-Type": "application/x-www-form-urlencoded"})
want("xoxb", "POST", "slack.com", "/api/auth.test", "Authorization", "Bearer " + c["xoxb-live"])
hook = c["hook-live"][len("https://hooks.slack.com"):]
want("hook", "POST", "hooks.slack.com", hook, None, None, body='{"text":""}', extra={"Content-Type": "application/json"})
want("stripe", "GET", "api.stripe.com", "/v1/account", "Authorization", "Bearer " + c["sk-live"])
want("npm", "GET", "registry.npmjs.org", "/-/whoami", "Authorization", "Bearer " + c["npm-live"])
# nothing to the workflow URL, nothing but the hosts the rules name
if sent(lambda r: "/workflows/" in r["path"]):
    bad.append(("workflow contacted", None))
hosts = {"api.github.com", "gitlab.com", "slack.com", "hooks.slack.com", "api.stripe.com", "registry.npmjs.org"}
if {r["host"] for r in rs} - hosts:
    bad.append(("other hosts", {r["host"] for r in rs} - hosts))
for b in bad:
    print("  request shape: %s: %s" % b, file=sys.stderr)
sys.exit(1 if bad else 0)
PY
}
check "each rule's request line, host and auth header" shape
check "each distinct credential asked once (rate-limited: no retry past the budget)" python3 -c '
import json, sys
rs = [json.loads(l) for l in open(sys.argv[1]) if l.strip()]
keys = [(r["host"], r["path"], tuple(v for k, v in r["headers"] if k.lower() in ("authorization", "private-token")), r["body"]) for r in rs]
sys.exit(0 if len(keys) == len(set(keys)) else 1)' "$FAKE_LOG"

# no credential in any output
leaks=0
for fmt in human json sarif; do
	run_kh scan "$T/tree" --no-progress --verify -f "$fmt"
	python3 - "$T" <<'PY' || leaks=$((leaks + 1))
import json, sys
T = sys.argv[1]
text = open(T + "/.out").read() + open(T + "/.err").read()
sys.exit(1 if any(v in text or v[12:] in text for v in json.load(open(T + "/creds.json")).values()) else 0)
PY
done
check "no credential in any output" test "$leaks" = 0

finish
