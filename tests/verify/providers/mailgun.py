# SPDX-License-Identifier: Apache-2.0
"""Mailgun: GET https://api.mailgun.net/v4/domains?limit=1, Authorization: Basic
base64(api:<key>). API document: https://documentation.mailgun.com/docs/mailgun/api-reference/openapi-final/tag/Domains/
(GET /v4/domains, a read); authentication: https://documentation.mailgun.com/docs/mailgun/api-reference/authentication/
(HTTP Basic, user "api"; a wrong key is 401 "Forbidden"); 429 when rate limited."""
import os, sys
sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
from provlib import *  # noqa: E402,F401,F403

HOSTS = ["api.mailgun.net", "api.eu.mailgun.net"]
LIVE = {tok("mg-live-a", HEX, 32) + "-" + tok("mg-live-b", HEX, 8) + "-" + tok("mg-live-c", HEX, 8):
        {"domain": "mg.acme.example"}}
LIMITED = {"key-" + tok("mg-limited", HEX, 32)}


def handle(method, path, headers, body):
    if (method, path) != ("GET", "/v4/domains?limit=1"):
        return not_found()
    user, key = basic(headers)
    if user == "api" and key in LIVE:
        return answer(200, {"total_count": 1, "items": [{"name": LIVE[key]["domain"], "state": "active",
                                                        "type": "custom"}]})
    if user == "api" and key in LIMITED:
        return limited({"message": "Too many requests"})
    return text(401, "Forbidden")
