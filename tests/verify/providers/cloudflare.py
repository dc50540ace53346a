# SPDX-License-Identifier: Apache-2.0
"""Cloudflare: GET https://api.cloudflare.com/client/v4/user/tokens/verify,
Authorization: Bearer <token>. API document:
https://developers.cloudflare.com/api/resources/user/subresources/tokens/methods/verify/
(200 {"success": true, "result": {"status": "active"}}; 401 {"success": false, "errors":
[{"code": 1000, "message": "Invalid API Token"}]}); 429:
https://developers.cloudflare.com/fundamentals/api/reference/limits/.

Global API keys (legacy): GET https://api.cloudflare.com/client/v4/user with X-Auth-Email
and X-Auth-Key. API documents: https://developers.cloudflare.com/fundamentals/api/get-started/keys/
(the two headers) and https://developers.cloudflare.com/api/resources/user/methods/get/ (200
{"success": true, "result": {"id", "email", ...}}); an unknown key or email is 403 with error
code 9103 "Unknown X-Auth-Key or X-Auth-Email"."""
import os, sys
sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
from provlib import *  # noqa: E402,F401,F403

HOSTS = ["api.cloudflare.com"]
LIVE = {tok("cf-live", URLSAFE, 40): {"id": "ed17574386854bf78a67040be0a770b0"}}
LIMITED = {tok("cf-limited", URLSAFE, 40)}
GLOBAL_EMAIL = "ops@acme.example"
GLOBAL_LIVE = {(GLOBAL_EMAIL, tok("cf-global-live", HEX, 37)): {"id": "7c5dae5552338874e5053f2534d2767a"}}
GLOBAL_LIMITED = {(GLOBAL_EMAIL, tok("cf-global-limited", HEX, 37))}


def handle_global(headers):
    pair = (hget(headers, "X-Auth-Email"), hget(headers, "X-Auth-Key"))
    if pair in GLOBAL_LIVE:
        return answer(200, {"success": True, "errors": [], "messages": [],
                            "result": {"id": GLOBAL_LIVE[pair]["id"], "email": pair[0], "suspended": False}})
    if pair in GLOBAL_LIMITED:
        return limited({"success": False, "errors": [{"code": 10000, "message": "Rate limited"}]})
    return answer(403, {"success": False, "errors": [{"code": 9103, "message": "Unknown X-Auth-Key or X-Auth-Email"}],
                        "messages": [], "result": None})


def handle(method, path, headers, body):
    if (method, path) == ("GET", "/client/v4/user"):
        return handle_global(headers)
    if (method, path) != ("GET", "/client/v4/user/tokens/verify"):
        return not_found()
    t = bearer(headers)
    if t in LIVE:
        return answer(200, {"result": {"id": LIVE[t]["id"], "status": "active", "not_before": None,
                                       "expires_on": None}, "success": True, "errors": [],
                            "messages": [{"code": 10000, "message": "This API Token is valid and active",
                                          "type": None}]})
    if t in LIMITED:
        return limited({"success": False, "errors": [{"code": 10000, "message": "Rate limited"}]})
    return answer(401, {"success": False, "errors": [{"code": 1000, "message": "Invalid API Token"}],
                        "messages": [], "result": None})
