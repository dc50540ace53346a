# SPDX-License-Identifier: Apache-2.0
"""Linear: POST https://api.linear.app/graphql, Authorization: <key> (personal API keys
are sent bare, without "Bearer"), Content-Type: application/json, body
{"query": "{ viewer { id name email } }"}: a read of the key's own user. API document:
https://linear.app/developers/graphql#authentication; an unknown key is 401 with
extensions.code AUTHENTICATION_ERROR; rate limits https://linear.app/developers/rate-limiting
(answered 400 with code RATELIMITED: only the JSON field tells it from a bad request)."""
import os, sys
sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
from provlib import *  # noqa: E402,F401,F403

import json  # noqa: E402

HOSTS = ["api.linear.app"]
LIVE = {"lin_api_" + tok("linear-live", ALNUM, 40): {"name": "Acme CI", "email": "ci@acme.example"}}
LIMITED = {"lin_api_" + tok("linear-limited", ALNUM, 40)}
QUERY = "{ viewer { id name email } }"


def handle(method, path, headers, body):
    if (method, path) != ("POST", "/graphql"):
        return not_found()
    try:
        q = json.loads(body or b"{}").get("query")
    except ValueError:
        q = None
    if q != QUERY:
        return answer(400, {"errors": [{"message": "unexpected query on this fake provider"}]})
    k = hget(headers, "Authorization")
    if k in LIVE:
        return answer(200, {"data": {"viewer": dict(id="2f8ba2d5-1c6b-4d1e-9f43-7c1e0a9b3d55", **LIVE[k])}})
    if k in LIMITED:
        return answer(400, {"errors": [{"message": "Rate limit exceeded", "extensions": {
            "code": "RATELIMITED", "type": "ratelimited"}}]})
    return answer(401, {"errors": [{"message": "Authentication required, not authenticated", "extensions": {
        "type": "authentication error", "code": "AUTHENTICATION_ERROR", "statusCode": 401}}]})
