#!/usr/bin/env python3
# SPDX-License-Identifier: Apache-2.0
"""The provider rules' verification, end to end (run by test_providers.sh with the fake
server up): for each provider a live, a changed (invalid) and a rate-limited credential are
planted in a tree, keyhound scans it with --verify, and this checks each finding's verdict
and the exact request the rule sent: request line, host, and the auth header's shape.
Usage: providers_e2e.py KEYHOUND TMPDIR REQUESTS_LOG"""
import base64, importlib.util, json, os, subprocess, sys

HERE = os.path.dirname(os.path.abspath(__file__))
kh, tmp, log = sys.argv[1:4]


def load(name):
    spec = importlib.util.spec_from_file_location("e2e_" + name, os.path.join(HERE, "providers", name + ".py"))
    m = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(m)
    return m


def changed(cred):
    i = len(cred) // 3  # inside the random part of every format here (not a marker like T3BlbkFJ)
    c = cred[i]
    return cred[:i] + (("B" if c == "A" else "A") if c.isupper() else ("b" if c == "a" else "a")) + cred[i + 1:]


def b64(s):
    return base64.b64encode(s.encode()).decode()


def bearer(scheme="Bearer"):
    return lambda r, c: hdr(r, "Authorization") == "%s %s" % (scheme, c)


def hdr(r, name):
    return next((v for k, v in r["headers"] if k.lower() == name.lower()), None)


# provider, rule, host, method, path (None: checked by auth), text planting the credential,
# the auth check, the verdict of the rate-limited one
CASES = [
    ("openai", "openai-project-key", "api.openai.com", "GET", "/v1/models", "OPENAI_API_KEY=%s\n", bearer()),
    ("anthropic", "anthropic-api-key", "api.anthropic.com", "GET", "/v1/models", "ANTHROPIC_API_KEY=%s\n",
     lambda r, c: hdr(r, "x-api-key") == c and hdr(r, "anthropic-version") == "2023-06-01"),
    ("huggingface", "huggingface-access-token", "huggingface.co", "GET", "/api/whoami-v2", "HF_TOKEN=%s\n", bearer()),
    ("sendgrid", "sendgrid-api-key", "api.sendgrid.com", "GET", "/v3/scopes", "SENDGRID_API_KEY=%s\n", bearer()),
    ("mailgun", "mailgun-api-key", "api.mailgun.net", "GET", "/v4/domains?limit=1", "MAILGUN_API_KEY=%s\n",
     lambda r, c: hdr(r, "Authorization") == "Basic " + b64("api:" + c)),
    ("datadog", "datadog-api-key", "api.datadoghq.com", "GET", "/api/v1/validate", "DD_API_KEY=%s\n",
     lambda r, c: hdr(r, "DD-API-KEY") == c),
    ("digitalocean", "digitalocean-pat", "api.digitalocean.com", "GET", "/v2/account", "DO_TOKEN=%s\n", bearer()),
    ("heroku", "heroku-api-key-v2", "api.heroku.com", "GET", "/account", "HEROKU_API_KEY=%s\n",
     lambda r, c: bearer()(r, c) and hdr(r, "Accept") == "application/vnd.heroku+json; version=3"),
    ("discord", "discord-bot-token", "discord.com", "GET", "/api/v10/users/@me", "DISCORD_BOT_TOKEN=%s\n",
     bearer("Bot")),
    ("telegram", "telegram-bot-token", "api.telegram.org", "GET", None, "TELEGRAM_BOT_TOKEN=%s\n",
     lambda r, c: r["path"] == "/bot%s/getMe" % c and hdr(r, "Authorization") is None),
    ("postman", "postman-api-key", "api.getpostman.com", "GET", "/me", "POSTMAN_API_KEY=%s\n",
     lambda r, c: hdr(r, "X-Api-Key") == c),
    ("cloudflare", "cloudflare-api-token", "api.cloudflare.com", "GET", "/client/v4/user/tokens/verify",
     "CLOUDFLARE_API_TOKEN=%s\n", bearer()),
    ("linear", "linear-api-key", "api.linear.app", "POST", "/graphql", "LINEAR_API_KEY=%s\n",
     lambda r, c: hdr(r, "Authorization") == c and json.loads(r["body"]) == {"query": "{ viewer { id name email } }"}),
    ("notion", "notion-integration-token", "api.notion.com", "GET", "/v1/users/me", "NOTION_TOKEN=%s\n",
     lambda r, c: bearer()(r, c) and hdr(r, "Notion-Version") == "2022-06-28"),
    ("sentry", "sentry-user-token", "sentry.io", "GET", "/api/0/", "SENTRY_AUTH_TOKEN=%s\n", bearer()),
    ("doppler", "doppler-personal-token", "api.doppler.com", "GET", "/v3/me", "DOPPLER_TOKEN=%s\n", bearer()),
    ("netlify", "netlify-access-token", "api.netlify.com", "GET", "/api/v1/user", "NETLIFY_AUTH_TOKEN=%s\n", bearer()),
    ("replicate", "replicate-api-token", "api.replicate.com", "GET", "/v1/account", "REPLICATE_API_TOKEN=%s\n",
     bearer()),
    ("groq", "groq-api-key", "api.groq.com", "GET", "/openai/v1/models", "GROQ_API_KEY=%s\n", bearer()),
    ("terraform", "terraform-cloud-token", "app.terraform.io", "GET", "/api/v2/account/details", "TFE_TOKEN=%s\n",
     lambda r, c: bearer()(r, c) and hdr(r, "Content-Type") == "application/vnd.api+json"),
    ("airtable", "airtable-pat", "api.airtable.com", "GET", "/v0/meta/whoami", "AIRTABLE_TOKEN=%s\n", bearer()),
    ("buildkite", "buildkite-api-token", "api.buildkite.com", "GET", "/v2/access-token", "BUILDKITE_TOKEN=%s\n",
     bearer()),
    ("figma", "figma-pat", "api.figma.com", "GET", "/v1/me", "FIGMA_TOKEN=%s\n", lambda r, c: hdr(r, "X-Figma-Token") == c),
    ("circleci", "circleci-personal-token", "circleci.com", "GET", "/api/v2/me", "CIRCLE_TOKEN=%s\n",
     lambda r, c: hdr(r, "Circle-Token") == c),
    ("mailchimp", "mailchimp-api-key", "*.api.mailchimp.com", "GET", "/3.0/", "MAILCHIMP_API_KEY=%s\n",
     lambda r, c: hdr(r, "Authorization") == "Basic " + b64("keyhound:" + c) and r["host"] == c.split("-")[-1] +
     ".api.mailchimp.com"),
    ("pypi", "pypi-upload-token", "upload.pypi.org", "POST", "/legacy/", "[pypi]\nusername = __token__\npassword = %s\n",
     lambda r, c: hdr(r, "Authorization") == "Basic " + b64("__token__:" + c) and 'name=":action"' in r["body"]
     and "file_upload" in r["body"] and 'name="content"' not in r["body"]),
]
# providers whose rate-limit answer is not 429 (read as neither live nor invalid)
LIMITED_REASON = {"linear": "http-400", "aws": "http-400"}


def plant():
    files = {}  # file name -> (provider, rule, expected status, credential)
    for prov, rule, host, method, path, text, auth in CASES:
        m = load(prov)
        live, limited = next(iter(m.LIVE)), next(iter(m.LIMITED))
        for kind, cred in (("live", live), ("invalid", changed(live)), ("limited", limited)):
            name = "%s-%s.env" % (prov, kind)
            open(os.path.join(tmp, "tree", name), "w").write(text % cred)
            files[name] = (prov, rule, kind, cred)
    # AWS: a key pair in a credentials file (the secret key's rule verifies with the nearest key id)
    m = load("aws")
    (kid, sec), (lkid, lsec) = next(iter(m.LIVE.items())), next(iter(m.LIMITED.items()))
    for kind, (k, s) in (("live", (kid, sec)), ("invalid", (kid, changed(sec))), ("limited", (lkid, lsec))):
        name = "aws-%s.ini" % kind
        open(os.path.join(tmp, "tree", name), "w").write(
            "[default]\naws_access_key_id = %s\naws_secret_access_key = %s\n" % (k, s))
        files[name] = ("aws", "aws-secret-access-key", kind, s)
    # Twilio: an API key SID and its secret
    m = load("twilio")
    (sid, sec), lim = next(iter(m.LIVE)), next(iter(m.LIMITED))
    for kind, (k, s) in (("live", (sid, sec)), ("invalid", (sid, changed(sec))), ("limited", lim)):
        name = "twilio-%s.env" % kind
        open(os.path.join(tmp, "tree", name), "w").write("TWILIO_API_KEY=%s\nTWILIO_API_SECRET=%s\n" % (k, s))
        files[name] = ("twilio", "twilio-auth-token", kind, s)
    # Discord webhooks: a live one, a wrong token (401) and a deleted webhook (404)
    m = load("discord")
    hook, token = next(iter(m.WEBHOOKS.items()))
    for kind, (i, t) in (("live", (hook, token)), ("invalid", (hook, changed(token))), ("deleted", (m.GONE, token))):
        name = "discord-webhook-%s.env" % kind
        url = "https://discord.com/api/webhooks/%s/%s" % (i, t)
        open(os.path.join(tmp, "tree", name), "w").write("DISCORD_WEBHOOK=%s\n" % url)
        files[name] = ("discord-webhook", "discord-webhook-url", kind, url)
    # Providers whose request needs a value from around the secret (verify: near): the shop's,
    # site's or stack's host, the account name, the key file's client_email, the account email.
    m = load("shopify")
    for kind, cred in (("live", next(iter(m.LIVE))), ("invalid", changed(next(iter(m.LIVE)))),
                       ("limited", next(iter(m.LIMITED)))):
        put(files, "shopify-%s.env" % kind, "SHOPIFY_STORE=https://%s/admin\nSHOPIFY_ACCESS_TOKEN=%s\n" % (
            m.TEST_HOSTS[0], cred), ("shopify", "shopify-access-token", kind, cred))
    m = load("grafana")
    # the invalid token keeps Grafana's checksum (one that fails it is never sent)
    for kind, cred in (("live", next(iter(m.LIVE))), ("invalid", m.glsa("grafana-invalid")),
                       ("limited", next(iter(m.LIMITED)))):
        put(files, "grafana-%s.env" % kind, "GRAFANA_URL=https://%s/\nGRAFANA_TOKEN=%s\n" % (m.TEST_HOSTS[0], cred),
            ("grafana", "grafana-service-account-token", kind, cred))
    m = load("atlassian")
    (email, tok_), (lemail, ltok) = next(iter(m.LIVE)), next(iter(m.LIMITED))
    for kind, (e, t) in (("live", (email, tok_)), ("invalid", (email, changed(tok_))), ("limited", (lemail, ltok))):
        put(files, "atlassian-%s.env" % kind, "JIRA_URL=https://%s\nJIRA_USER=%s\nJIRA_API_TOKEN=%s\n" % (
            m.TEST_HOSTS[0], e, t), ("atlassian", "atlassian-api-token", kind, t))
    m = load("cloudflare")
    (email, key), (lemail, lkey) = next(iter(m.GLOBAL_LIVE)), next(iter(m.GLOBAL_LIMITED))
    for kind, (e, k) in (("live", (email, key)), ("invalid", (email, changed(key))), ("limited", (lemail, lkey))):
        put(files, "cloudflare-global-%s.env" % kind, "CLOUDFLARE_EMAIL=%s\nCLOUDFLARE_API_KEY=%s\n" % (e, k),
            ("cloudflare-global", "cloudflare-global-api-key", kind, k))
    m = load("azure")
    (acct, key), (lacct, lkey) = next(iter(m.LIVE.items())), next(iter(m.LIMITED.items()))
    for kind, (a, k) in (("live", (acct, key)), ("invalid", (acct, changed(key[:-2]) + "==")), ("limited", (lacct, lkey))):
        put(files, "azure-%s.env" % kind, 'AZURE_STORAGE_CONNECTION_STRING="DefaultEndpointsProtocol=https;AccountName=%s;'
            'AccountKey=%s;EndpointSuffix=core.windows.net"\n' % (a, k), ("azure", "azure-storage-connection-string", kind, k))
    # GCP: key files made now (the fake checks the RS256 signature against the public key)
    keys = os.environ["FAKEPROV_GCP_KEYS"]
    os.makedirs(keys, exist_ok=True)
    for n in ("sa", "other"):
        subprocess.run(["openssl", "genpkey", "-algorithm", "RSA", "-pkeyopt", "rsa_keygen_bits:2048", "-out",
                        os.path.join(tmp, n + ".pem")], check=True, capture_output=True)
    subprocess.run(["openssl", "pkey", "-in", os.path.join(tmp, "sa.pem"), "-pubout", "-out",
                    os.path.join(keys, "any.pub.pem")], check=True, capture_output=True)
    m = load("gcp")
    for kind, (n, e) in (("live", ("sa", GCP_EMAIL)), ("invalid", ("other", GCP_EMAIL)), ("limited", ("sa", m.LIMITED_EMAIL))):
        pem = open(os.path.join(tmp, n + ".pem")).read()
        doc = json.dumps({"type": "service_account", "project_id": "acme-prod-4821", "private_key": pem,
                          "client_email": e, "token_uri": "https://evil.example/token"}, indent=2)
        # what the output must never hold: a run of the key's base64 body
        put(files, "gcp-%s.json" % kind, doc + "\n", ("gcp", "gcp-service-account-key", kind, pem.splitlines()[5]))
    return files


GCP_EMAIL = "ci@acme-prod-4821.iam.gserviceaccount.com"


def put(files, name, text, what):
    open(os.path.join(tmp, "tree", name), "w").write(text)
    files[name] = what


def gcp_ok(r, c):
    from urllib.parse import parse_qs
    f = {k: v[0] for k, v in parse_qs(r["body"]).items()}
    head, claims, sig = f["assertion"].split(".")
    pad = lambda x: base64.urlsafe_b64decode(x + "=" * (-len(x) % 4))
    h, cl = json.loads(pad(head)), json.loads(pad(claims))
    return (f["grant_type"] == "urn:ietf:params:oauth:grant-type:jwt-bearer" and h["alg"] == "RS256" and
            cl["aud"] == "https://oauth2.googleapis.com/token" and cl["iss"].endswith(".iam.gserviceaccount.com") and
            cl["scope"] == "https://www.googleapis.com/auth/cloud-platform.read-only" and
            hdr(r, "Content-Type") == "application/x-www-form-urlencoded" and len(pad(sig)) == 256)


def host_match(pattern, host):
    return host == pattern or (pattern.startswith("*.") and host.endswith(pattern[1:]))


def main():
    os.makedirs(os.path.join(tmp, "tree"), exist_ok=True)
    files = plant()
    n0 = sum(1 for _ in open(log))
    p = subprocess.run([kh, "scan", os.path.join(tmp, "tree"), "--no-progress", "--verify", "--verify-cache", "off",
                        "--verify-timeout", "5", "-f", "jsonl"], capture_output=True, text=True)
    if p.returncode != 1:
        sys.exit("keyhound exited %d: %s" % (p.returncode, p.stderr[-2000:]))
    findings = [json.loads(l) for l in p.stdout.splitlines() if l.strip()]
    reqs = [json.loads(l) for l in open(log).read().splitlines()[n0:] if l.strip()]
    bad = []
    for name, (prov, rule, kind, cred) in sorted(files.items()):
        fs = [f for f in findings if os.path.basename(f["path"]) == name and f["rule_id"] == rule]
        if len(fs) != 1:
            bad.append("%s: %d findings of %s (rules found: %s)" % (name, len(fs), rule,
                       sorted({f["rule_id"] for f in findings if os.path.basename(f["path"]) == name})))
            continue
        v = fs[0].get("verification") or {}
        want = {"live": "live", "invalid": "invalid", "deleted": "invalid", "limited": "unknown"}[kind]
        if v.get("status") != want:
            bad.append("%s: %s is %s (%s), wanted %s" % (name, rule, v.get("status"), v.get("reason"), want))
        if kind == "limited" and v.get("reason") != LIMITED_REASON.get(prov, "rate-limited"):
            bad.append("%s: rate-limited reason %s" % (name, v.get("reason")))
        if kind == "live" and prov in ("huggingface", "digitalocean", "aws", "postman") and not v.get("identity"):
            bad.append("%s: no identity from the answer" % name)
        want_id = {"gcp": GCP_EMAIL, "azure": "acmeprod", "shopify": "acme-store.myshopify.com",
                   "grafana": "acme.grafana.net", "atlassian": "ci@acme.example on acme.atlassian.net",
                   "cloudflare-global": "ops@acme.example"}.get(prov)
        if kind == "live" and want_id and v.get("identity") != want_id:
            bad.append("%s: identity %r, wanted %r" % (name, v.get("identity"), want_id))
    for prov, rule, host, method, path, text, auth in CASES + [
            ("aws", "", "sts.amazonaws.com", "POST", "/", "", lambda r, c: hdr(r, "Authorization").startswith(
                "AWS4-HMAC-SHA256 Credential=AKIA") and "SignedHeaders=accept;content-type;host;x-amz-date," in
                hdr(r, "Authorization") and r["body"] == "Action=GetCallerIdentity&Version=2011-06-15"),
            ("twilio", "", "api.twilio.com", "GET", "/2010-04-01/Accounts.json", "",
             lambda r, c: hdr(r, "Authorization").startswith("Basic " + b64(load("twilio").SID + ":")[:20])),
            ("discord-webhook", "", "discord.com", "GET", None, "",
             lambda r, c: c == "https://discord.com" + r["path"] and hdr(r, "Authorization") is None),
            ("shopify", "", "acme-store.myshopify.com", "GET", "/admin/oauth/access_scopes.json", "",
             lambda r, c: hdr(r, "X-Shopify-Access-Token") == c),
            ("grafana", "", "acme.grafana.net", "GET", "/api/access-control/user/permissions", "", bearer()),
            ("atlassian", "", "acme.atlassian.net", "GET", "/rest/api/3/myself", "",
             lambda r, c: hdr(r, "Authorization") == "Basic " + b64(load("atlassian").EMAIL + ":" + c)),
            ("cloudflare-global", "", "api.cloudflare.com", "GET", "/client/v4/user", "",
             lambda r, c: hdr(r, "X-Auth-Key") == c and hdr(r, "X-Auth-Email") == load("cloudflare").GLOBAL_EMAIL),
            ("azure", "", "*.blob.core.windows.net", "GET", "/?restype=service&comp=properties", "",
             lambda r, c: r["host"] in ("acmeprod.blob.core.windows.net", "acmelimited.blob.core.windows.net") and
             hdr(r, "Authorization").startswith("SharedKey " + r["host"].split(".")[0] + ":") and
             hdr(r, "x-ms-version") == "2021-08-06" and hdr(r, "x-ms-date")),
            ("gcp", "", "oauth2.googleapis.com", "POST", "/token", "", gcp_ok)]:
        creds = [c for n, (pv, _, _, c) in files.items() if pv == prov]
        rs = [r for r in reqs if host_match(host, r["host"]) and (path is None or r["path"] == path) and
              (prov == "discord-webhook") == r["path"].startswith("/api/webhooks/")]
        if len(rs) < 3:
            bad.append("%s: %d requests to %s, wanted one per credential (3)" % (prov, len(rs), host))
        for r in rs:
            if r["method"] != method or (path and r["path"] != path) or r["sni"] != r["host"]:
                bad.append("%s: request %s %s (SNI %s)" % (prov, r["method"], r["path"], r["sni"]))
            elif not any(auth(r, c) for c in creds):
                bad.append("%s: the request's credential is not in the documented shape: %s" % (
                    prov, [k for k, _ in r["headers"]]))
    # one request per distinct secret; a rate-limited one may be sent again after its Retry-After
    # (Shopify asks for 2 s, within --verify-timeout), as the very same request
    sent = {}
    for r in reqs:
        k = json.dumps([r["host"], r["path"], r["body"], r["headers"]])
        sent[k] = sent.get(k, 0) + 1
    limited_creds = [c for _, (_, _, kind, c) in files.items() if kind == "limited"]
    again = [k for k, n in sent.items() if n > 1 and not any(c in k for c in limited_creds)]
    if len(sent) != len(files) or again:
        bad.append("%d distinct requests for %d distinct secrets (%d sent; sent again: %s)" % (
            len(sent), len(files), len(reqs), [json.loads(k)[0] for k in again]))
    out = p.stdout + p.stderr
    leaked = [n for n, (_, _, _, c) in files.items() if c in out]
    if leaked:
        bad.append("secrets printed in the output: %s" % leaked)
    for b in bad:
        print("FAIL " + b)
    print("providers: %d files, %d distinct requests (%d with retries), %d problems" % (
        len(files), len(sent), len(reqs), len(bad)))
    sys.exit(1 if bad else 0)


main()
