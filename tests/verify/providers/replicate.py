# SPDX-License-Identifier: Apache-2.0
"""Replicate: GET https://api.replicate.com/v1/account, Authorization: Bearer <token>. API
document: https://replicate.com/docs/reference/http#account.get (200 {"type", "username",
"name"}); 401 {"title": "Unauthenticated", "status": 401}; 429 when rate limited
(https://replicate.com/docs/reference/http#rate-limits)."""
import os, sys
sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
from provlib import *  # noqa: E402,F401,F403

HOSTS = ["api.replicate.com"]
LIVE = {"r8_" + tok("replicate-live", ALNUM, 37): {"username": "acme-ml"}}
LIMITED = {"r8_" + tok("replicate-limited", ALNUM, 37)}
handle = simple("GET", "/v1/account", bearer, LIVE, LIMITED,
                lambda w: {"type": "organization", "username": w["username"], "name": "Acme ML",
                           "github_url": None},
                401, {"title": "Unauthenticated", "detail": "You did not pass a valid authentication token",
                      "status": 401},
                {"title": "Request was throttled.", "detail": "Request was throttled. Expected available in 30 seconds.",
                 "status": 429})
