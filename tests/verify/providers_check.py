#!/usr/bin/env python3
# SPDX-License-Identifier: Apache-2.0
"""Checks the fake providers in tests/verify/providers/ themselves: each answers its
documented request with the live credential as live, a changed credential as invalid,
the rate-limited one as limited, and a request of another shape as not found. The
requests here are the ones README's Verification table says keyhound sends. AWS is
signed by botocore when it is installed (an independent signer), GCP assertions by
openssl. Usage: providers_check.py [PROVIDER...]"""
import base64, importlib.util, json, os, subprocess, sys, tempfile, time

HERE = os.path.dirname(os.path.abspath(__file__))


def load(name):
    spec = importlib.util.spec_from_file_location("fake_" + name, os.path.join(HERE, "providers", name + ".py"))
    m = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(m)
    return m


def b64(s):
    return base64.b64encode(s.encode()).decode()


def changed(cred):
    """the same shape, another value: the middle character replaced"""
    if isinstance(cred, tuple):
        return cred[:-1] + (changed(cred[-1]),)
    i = len(cred) // 2
    c = cred[i]
    r = ("B" if c == "A" else "A") if c.isupper() else ("b" if c == "a" else "a")
    return cred[:i] + r + cred[i + 1:]


def bearer(t, scheme="Bearer"):
    return {"Authorization": "%s %s" % (scheme, t)}


# provider -> credential -> (host, method, path, headers, body)
REQUESTS = {
    "openai": lambda k: ("api.openai.com", "GET", "/v1/models", bearer(k), b""),
    "anthropic": lambda k: ("api.anthropic.com", "GET", "/v1/models",
                            {"x-api-key": k, "anthropic-version": "2023-06-01"}, b""),
    "huggingface": lambda k: ("huggingface.co", "GET", "/api/whoami-v2", bearer(k), b""),
    "sendgrid": lambda k: ("api.sendgrid.com", "GET", "/v3/scopes", bearer(k), b""),
    "twilio": lambda p: ("api.twilio.com", "GET", "/2010-04-01/Accounts.json",
                         bearer(b64("%s:%s" % p), "Basic"), b""),
    "mailgun": lambda k: ("api.mailgun.net", "GET", "/v4/domains?limit=1", bearer(b64("api:" + k), "Basic"), b""),
    "mailchimp": lambda k: (k.rsplit("-", 1)[1] + ".api.mailchimp.com", "GET", "/3.0/",
                            bearer(b64("keyhound:" + k), "Basic"), b""),
    "datadog": lambda k: ("api.datadoghq.com", "GET", "/api/v1/validate", {"DD-API-KEY": k}, b""),
    "digitalocean": lambda k: ("api.digitalocean.com", "GET", "/v2/account", bearer(k), b""),
    "heroku": lambda k: ("api.heroku.com", "GET", "/account",
                         dict(bearer(k), Accept="application/vnd.heroku+json; version=3"), b""),
    "shopify": lambda k: ("acme-store.myshopify.com", "GET", "/admin/oauth/access_scopes.json",
                          {"X-Shopify-Access-Token": k}, b""),
    "discord": lambda k: ("discord.com", "GET", "/api/v10/users/@me", bearer(k, "Bot"), b""),
    "telegram": lambda k: ("api.telegram.org", "GET", "/bot%s/getMe" % k, {}, b""),
    "postman": lambda k: ("api.getpostman.com", "GET", "/me", {"X-Api-Key": k}, b""),
    "atlassian": lambda p: ("acme.atlassian.net", "GET", "/rest/api/3/myself",
                            bearer(b64("%s:%s" % p), "Basic"), b""),
    "cloudflare": lambda k: ("api.cloudflare.com", "GET", "/client/v4/user/tokens/verify", bearer(k), b""),
    "linear": lambda k: ("api.linear.app", "POST", "/graphql",
                         {"Authorization": k, "Content-Type": "application/json"},
                         json.dumps({"query": "{ viewer { id name email } }"}).encode()),
    "notion": lambda k: ("api.notion.com", "GET", "/v1/users/me",
                         dict(bearer(k), **{"Notion-Version": "2022-06-28"}), b""),
    "sentry": lambda k: ("sentry.io", "GET", "/api/0/", bearer(k), b""),
    "doppler": lambda k: ("api.doppler.com", "GET", "/v3/me", bearer(k), b""),
    "grafana": lambda k: ("acme.grafana.net", "GET", "/api/access-control/user/permissions", bearer(k), b""),
    "pypi": lambda k: ("upload.pypi.org", "POST", "/legacy/",
                       dict(bearer(b64("__token__:" + k), "Basic"),
                            **{"Content-Type": "multipart/form-data; boundary=kh"}),
                       b'--kh\r\nContent-Disposition: form-data; name=":action"\r\n\r\nfile_upload\r\n'
                       b'--kh\r\nContent-Disposition: form-data; name="protocol_version"\r\n\r\n1\r\n--kh--\r\n'),
    "netlify": lambda k: ("api.netlify.com", "GET", "/api/v1/user", bearer(k), b""),
    "replicate": lambda k: ("api.replicate.com", "GET", "/v1/account", bearer(k), b""),
    "groq": lambda k: ("api.groq.com", "GET", "/openai/v1/models", bearer(k), b""),
    "terraform": lambda k: ("app.terraform.io", "GET", "/api/v2/account/details",
                            dict(bearer(k), **{"Content-Type": "application/vnd.api+json"}), b""),
    "airtable": lambda k: ("api.airtable.com", "GET", "/v0/meta/whoami", bearer(k), b""),
    "buildkite": lambda k: ("api.buildkite.com", "GET", "/v2/access-token", bearer(k), b""),
    "figma": lambda k: ("api.figma.com", "GET", "/v1/me", {"X-Figma-Token": k}, b""),
    "circleci": lambda k: ("circleci.com", "GET", "/api/v2/me", {"Circle-Token": k}, b""),
}
LIVE_STATUS = {"pypi": 400}
INVALID_STATUS = {"figma": 403, "datadog": 403, "pypi": 403, "gcp": 400, "aws": 403, "azure": 403}
LIMITED_STATUS = {"linear": 400, "aws": 400, "azure": 503}


def call(m, req):
    host, method, path, headers, body = req
    headers = dict(headers, Host=host)
    if not any(h == host or (h.startswith("*.") and host.endswith(h[1:])) for h in m.HOSTS):
        raise AssertionError("%s is not among the fake's HOSTS %s" % (host, m.HOSTS))
    return m.handle(method, path, headers, body)


def aws_request(key_id, secret):
    from botocore.auth import SigV4Auth
    from botocore.awsrequest import AWSRequest
    from botocore.credentials import Credentials
    req = AWSRequest(method="POST", url="https://sts.amazonaws.com/",
                     data=b"Action=GetCallerIdentity&Version=2011-06-15",
                     headers={"Content-Type": "application/x-www-form-urlencoded; charset=utf-8",
                              "Accept": "application/json"})
    SigV4Auth(Credentials(key_id, secret), "sts", "us-east-1").add_auth(req)
    return ("sts.amazonaws.com", "POST", "/", dict(req.headers.items()), req.body)


def azure_request(m, account, key):
    headers = {"x-ms-date": time.strftime("%a, %d %b %Y %H:%M:%S GMT", time.gmtime()), "x-ms-version": "2021-08-06"}
    path = "/?restype=service&comp=properties"
    import hashlib, hmac
    # the string to sign written out here from the Shared Key document, not taken from the fake
    sts = "GET\n" + "\n" * 11 + "x-ms-date:%s\nx-ms-version:2021-08-06\n/%s/\ncomp:properties\nrestype:service" % (
        headers["x-ms-date"], account)
    sig = base64.b64encode(hmac.new(base64.b64decode(key), sts.encode(), hashlib.sha256).digest()).decode()
    headers["Authorization"] = "SharedKey %s:%s" % (account, sig)
    return (account + ".blob.core.windows.net", "GET", path, headers, b"")


def gcp_request(keyfile, email, kid):
    def b64u(b):
        return base64.urlsafe_b64encode(b).rstrip(b"=").decode()
    head = b64u(json.dumps({"alg": "RS256", "typ": "JWT", "kid": kid}).encode())
    now = int(time.time())
    claims = b64u(json.dumps({"iss": email, "scope": "https://www.googleapis.com/auth/cloud-platform.read-only",
                              "aud": "https://oauth2.googleapis.com/token", "iat": now, "exp": now + 3600}).encode())
    sig = subprocess.run(["openssl", "dgst", "-sha256", "-sign", keyfile], input=(head + "." + claims).encode(),
                         capture_output=True, check=True).stdout
    body = ("grant_type=urn%3Aietf%3Aparams%3Aoauth%3Agrant-type%3Ajwt-bearer&assertion=" +
            head + "." + claims + "." + b64u(sig)).encode()
    return ("oauth2.googleapis.com", "POST", "/token", {"Content-Type": "application/x-www-form-urlencoded"}, body)


def expect(name, what, got, status):
    if got[0] != status:
        raise AssertionError("%s %s: status %d, wanted %d: %r" % (name, what, got[0], status, got[2][:200]))


def check_simple(name):
    m = load(name)
    build = REQUESTS[name]
    live = next(iter(m.LIVE))
    expect(name, "live", call(m, build(live)), LIVE_STATUS.get(name, 200))
    expect(name, "changed credential", call(m, build(changed(live))), INVALID_STATUS.get(name, 401))
    expect(name, "rate limited", call(m, build(next(iter(m.LIMITED)))), LIMITED_STATUS.get(name, 429))
    host, method, path, headers, body = build(live)
    expect(name, "another path", m.handle(method, path + "x", dict(headers, Host=host), body), 404)


def check_discord_webhook():
    m = load("discord")
    hook, token = next(iter(m.WEBHOOKS.items()))
    expect("discord-webhook", "live", call(m, ("discord.com", "GET", "/api/webhooks/%s/%s" % (hook, token), {}, b"")), 200)
    expect("discord-webhook", "bad token",
           call(m, ("discord.com", "GET", "/api/webhooks/%s/%s" % (hook, changed(token)), {}, b"")), 401)
    expect("discord-webhook", "deleted",
           call(m, ("discord.com", "GET", "/api/webhooks/%s/%s" % (m.GONE, token), {}, b"")), 404)


def check_aws():
    try:
        import botocore  # noqa: F401
    except ImportError:
        print("aws: skipped (python3-botocore is not installed)")
        return
    m = load("aws")
    key_id, secret = next(iter(m.LIVE.items()))
    got = call(m, aws_request(key_id, secret))
    expect("aws", "live", got, 200)
    assert json.loads(got[2])["GetCallerIdentityResponse"]["GetCallerIdentityResult"]["Account"] == m.ACCOUNT
    expect("aws", "wrong secret", call(m, aws_request(key_id, changed(secret))), 403)
    expect("aws", "unknown key id", call(m, aws_request(changed(key_id), secret)), 403)
    expect("aws", "throttled", call(m, aws_request(*next(iter(m.LIMITED.items())))), 400)


def check_azure():
    m = load("azure")
    account, key = next(iter(m.LIVE.items()))
    expect("azure", "live", call(m, azure_request(m, account, key)), 200)
    expect("azure", "wrong key", call(m, azure_request(m, account, changed(key[:-2]) + "==")), 403)
    expect("azure", "busy", call(m, azure_request(m, *next(iter(m.LIMITED.items())))), 503)


def check_cloudflare_global():
    m = load("cloudflare")
    req = lambda p: ("api.cloudflare.com", "GET", "/client/v4/user", {"X-Auth-Email": p[0], "X-Auth-Key": p[1]}, b"")
    live = next(iter(m.GLOBAL_LIVE))
    expect("cloudflare-global", "live", call(m, req(live)), 200)
    expect("cloudflare-global", "changed key", call(m, req(changed(live))), 403)
    expect("cloudflare-global", "another email", call(m, req(("dev@acme.example", live[1]))), 403)
    expect("cloudflare-global", "rate limited", call(m, req(next(iter(m.GLOBAL_LIMITED)))), 429)


def check_gcp():
    m = load("gcp")
    with tempfile.TemporaryDirectory() as d:
        for n in ("k", "other"):
            subprocess.run(["openssl", "genpkey", "-algorithm", "RSA", "-pkeyopt", "rsa_keygen_bits:1024",
                            "-out", "%s/%s.pem" % (d, n)], check=True, capture_output=True)
        subprocess.run(["openssl", "pkey", "-in", d + "/k.pem", "-pubout", "-out", d + "/kid1.pub.pem"], check=True)
        os.environ["FAKEPROV_GCP_KEYS"] = d
        email = "ci@acme-prod-4821.iam.gserviceaccount.com"
        expect("gcp", "live", call(m, gcp_request(d + "/k.pem", email, "kid1")), 200)
        expect("gcp", "other key", call(m, gcp_request(d + "/other.pem", email, "kid1")), 400)
        expect("gcp", "unknown kid", call(m, gcp_request(d + "/k.pem", email, "kid2")), 400)
        expect("gcp", "limited", call(m, gcp_request(d + "/k.pem", m.LIMITED_EMAIL, "kid1")), 429)


def main():
    names = sys.argv[1:] or sorted(list(REQUESTS) + ["aws", "azure", "gcp", "discord-webhook", "cloudflare-global"])
    special = {"aws": check_aws, "azure": check_azure, "gcp": check_gcp, "discord-webhook": check_discord_webhook,
               "cloudflare-global": check_cloudflare_global}
    for n in names:
        (special.get(n) or (lambda: check_simple(n)))()
    print("fake providers: %d checked" % len(names))


main()
