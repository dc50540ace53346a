# SPDX-License-Identifier: Apache-2.0
"""Google service-account keys: POST https://oauth2.googleapis.com/token, Content-Type
application/x-www-form-urlencoded, body grant_type=urn:ietf:params:oauth:grant-type:jwt-bearer
&assertion=<JWT signed RS256 with the key> (scanner/verify/sign_gcp.c). Exchanging the
assertion for a token calls no API and changes nothing. API document:
https://developers.google.com/identity/protocols/oauth2/service-account#httprest (200
{"access_token", "expires_in", "token_type"}; 400 {"error": "invalid_grant"} for a
deleted or disabled key or a bad signature: "Invalid JWT Signature."); 429 when rate
limited. This fake checks the RS256 signature with openssl against the public keys in
the folder named by FAKEPROV_GCP_KEYS (<kid>.pub.pem, or any.pub.pem for keys without a
kid): tests make the key pairs at run time."""
import os, sys
sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
from provlib import *  # noqa: E402,F401,F403

import base64, json, subprocess, tempfile  # noqa: E402

HOSTS = ["oauth2.googleapis.com"]
LIMITED_EMAIL = "limited@acme-prod-4821.iam.gserviceaccount.com"


def _b64(s):
    return base64.urlsafe_b64decode(s + "=" * (-len(s) % 4))


def _verifies(signing_input, sig, pub):
    with tempfile.TemporaryDirectory() as d:
        open(d + "/in", "wb").write(signing_input)
        open(d + "/sig", "wb").write(sig)
        return subprocess.run(["openssl", "dgst", "-sha256", "-verify", pub, "-signature", d + "/sig", d + "/in"],
                              capture_output=True).returncode == 0


def _invalid(why):
    return answer(400, {"error": "invalid_grant", "error_description": why})


def handle(method, path, headers, body):
    if (method, path) != ("POST", "/token"):
        return not_found()
    f = form(body)
    if f.get("grant_type") != "urn:ietf:params:oauth:grant-type:jwt-bearer":
        return answer(400, {"error": "unsupported_grant_type", "error_description": "Invalid grant_type: "})
    parts = f.get("assertion", "").split(".")
    try:
        head, claims, sig = json.loads(_b64(parts[0])), json.loads(_b64(parts[1])), _b64(parts[2])
    except (IndexError, ValueError):
        return _invalid("Invalid JWT: Token must be a short-lived token and in a reasonable timeframe")
    if head.get("alg") != "RS256" or claims.get("aud") != "https://oauth2.googleapis.com/token":
        return _invalid("Invalid JWT: audience or algorithm")
    keys = os.environ.get("FAKEPROV_GCP_KEYS", "")
    pub = os.path.join(keys, "%s.pub.pem" % head.get("kid", "any"))
    if not keys or not os.path.exists(pub) or not _verifies((parts[0] + "." + parts[1]).encode(), sig, pub):
        return _invalid("Invalid JWT Signature.")
    if claims.get("iss") == LIMITED_EMAIL:
        return limited({"error": "rate_limit_exceeded", "error_description": "Rate Limit Exceeded"})
    return answer(200, {"access_token": "ya29.c.fake-token-for-tests", "expires_in": 3599, "token_type": "Bearer"})
