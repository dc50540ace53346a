# SPDX-License-Identifier: Apache-2.0
"""Notion: GET https://api.notion.com/v1/users/me, Authorization: Bearer <token>,
Notion-Version: 2022-06-28. API document: https://developers.notion.com/reference/get-self
(200 the integration's bot user); status codes https://developers.notion.com/reference/status-codes
(401 "unauthorized": "API token is invalid."; 429 "rate_limited" with Retry-After)."""
import os, sys
sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
from provlib import *  # noqa: E402,F401,F403

HOSTS = ["api.notion.com"]
LIVE = {"ntn_" + tok("notion-live-d", DIGITS, 11) + tok("notion-live", ALNUM, 35): {"workspace": "Acme"}}
LIMITED = {"ntn_" + tok("notion-lim-d", DIGITS, 11) + tok("notion-limited", ALNUM, 35)}


def handle(method, path, headers, body):
    if (method, path) != ("GET", "/v1/users/me"):
        return not_found()
    if not hget(headers, "Notion-Version"):
        return answer(400, {"object": "error", "status": 400, "code": "missing_version",
                            "message": "Notion-Version header failed validation"})
    t = bearer(headers)
    if t in LIVE:
        return answer(200, {"object": "user", "id": "16d84278-ab0e-484c-9bdd-b35da3bd8905", "name": "Acme Sync",
                            "avatar_url": None, "type": "bot", "bot": {
                                "owner": {"type": "workspace", "workspace": True},
                                "workspace_name": LIVE[t]["workspace"]}})
    if t in LIMITED:
        return limited({"object": "error", "status": 429, "code": "rate_limited",
                        "message": "You have been rate limited. Please try again in a few minutes."})
    return answer(401, {"object": "error", "status": 401, "code": "unauthorized",
                        "message": "API token is invalid.", "request_id": "be4a7c5e-8d2f-4f0b-a1c9-7e3d2b6f1a90"})
