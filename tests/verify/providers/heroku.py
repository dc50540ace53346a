# SPDX-License-Identifier: Apache-2.0
"""Heroku: GET https://api.heroku.com/account, Authorization: Bearer <key>,
Accept: application/vnd.heroku+json; version=3. API document:
https://devcenter.heroku.com/articles/platform-api-reference#account-info (200 account;
errors https://devcenter.heroku.com/articles/platform-api-reference#error-responses: 401
{"id": "unauthorized"}, 429 {"id": "rate_limit"})."""
import os, sys
sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
from provlib import *  # noqa: E402,F401,F403

HOSTS = ["api.heroku.com"]
LIVE = {"HRKU-" + tok("heroku-live", URLSAFE, 60): {"email": "deploy@acme.example"}}
LIMITED = {"HRKU-" + tok("heroku-limited", URLSAFE, 60)}


def handle(method, path, headers, body):
    if (method, path) != ("GET", "/account"):
        return not_found()
    if "version=3" not in (hget(headers, "Accept") or ""):
        return answer(400, {"id": "bad_request", "message": "Accept header must name API version 3"})
    t = bearer(headers)
    if t in LIVE:
        return answer(200, {"email": LIVE[t]["email"], "id": "01234567-89ab-cdef-0123-456789abcdef",
                            "name": "Acme Deploy", "verified": True, "two_factor_authentication": True})
    if t in LIMITED:
        return limited({"id": "rate_limit", "message": "Your account reached the API rate limit"})
    return answer(401, {"id": "unauthorized", "message": "Invalid credentials provided."})
