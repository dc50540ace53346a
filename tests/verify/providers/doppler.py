# SPDX-License-Identifier: Apache-2.0
"""Doppler: GET https://api.doppler.com/v3/me, Authorization: Bearer <token>. API
document: https://docs.doppler.com/reference/auth-me (200 the token's workplace, type and
name; 401 {"messages": ["Invalid Auth token"], "success": false}); 429:
https://docs.doppler.com/reference/rate-limits."""
import os, sys
sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
from provlib import *  # noqa: E402,F401,F403

HOSTS = ["api.doppler.com"]
LIVE = {"dp.pt." + tok("doppler-live", ALNUM, 43): {"workplace": "Acme"}}
LIMITED = {"dp.pt." + tok("doppler-limited", ALNUM, 43)}


def handle(method, path, headers, body):
    if (method, path) != ("GET", "/v3/me"):
        return not_found()
    t = bearer(headers)
    if t in LIVE:
        return answer(200, {"workplace": {"slug": "acme", "name": LIVE[t]["workplace"]}, "type": "personal",
                            "token_preview": "dp.pt." + t[6:10] + "...", "slug": "laptop", "name": "laptop",
                            "created_at": "2026-01-05T10:00:00.000Z"})
    if t in LIMITED:
        return limited({"messages": ["Rate limit exceeded"], "success": False})
    return answer(401, {"messages": ["Invalid Auth token"], "success": False})
