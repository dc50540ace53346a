# SPDX-License-Identifier: Apache-2.0
"""Sentry: GET https://sentry.io/api/0/, Authorization: Bearer <token>: the API root
answers who the token belongs to and its scopes. API document:
https://docs.sentry.io/api/auth/ (bearer auth tokens); 401 {"detail": "Invalid token"};
429 with Retry-After: https://docs.sentry.io/api/ratelimits/."""
import os, sys
sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
from provlib import *  # noqa: E402,F401,F403

HOSTS = ["sentry.io"]
LIVE = {"sntryu_" + tok("sentry-live", HEX, 64): {"email": "ci@acme.example", "scopes": ["org:read", "project:read"]}}
LIMITED = {"sntryu_" + tok("sentry-limited", HEX, 64)}


def handle(method, path, headers, body):
    if (method, path) != ("GET", "/api/0/"):
        return not_found()
    t = bearer(headers)
    if t in LIVE:
        return answer(200, {"version": "0", "auth": {"scopes": LIVE[t]["scopes"]},
                            "user": {"id": "1", "name": "Acme CI", "email": LIVE[t]["email"]}})
    if t in LIMITED:
        return limited({"detail": "You are attempting to use this endpoint too frequently. Limit is 40 requests in 1 seconds"})
    return answer(401, {"detail": "Invalid token"})
