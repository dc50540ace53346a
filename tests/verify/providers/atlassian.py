# SPDX-License-Identifier: Apache-2.0
"""Atlassian (Jira Cloud): GET https://<site>.atlassian.net/rest/api/3/myself,
Authorization: Basic base64(<email>:<API token>). The site's host comes from the content
and is used only when it ends in .atlassian.net. API document:
https://developer.atlassian.com/cloud/jira/platform/rest/v3/api-group-myself/#api-rest-api-3-myself-get
(200 the user); basic auth: https://developer.atlassian.com/cloud/jira/platform/basic-auth-for-rest-apis/
(401 for a wrong email or token); 429 with Retry-After:
https://developer.atlassian.com/cloud/jira/platform/rate-limiting/."""
import os, sys
sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
from provlib import *  # noqa: E402,F401,F403

HOSTS = ["*.atlassian.net"]
TEST_HOSTS = ["acme.atlassian.net"]
EMAIL = "ci@acme.example"
LIVE = {(EMAIL, "ATATT3" + tok("atl-live", URLSAFE, 180) + "=" + tok("atl-live-crc", HEX.upper(), 8)):
        {"name": "Acme CI"}}
LIMITED = {(EMAIL, "ATATT3" + tok("atl-lim", URLSAFE, 180) + "=" + tok("atl-lim-crc", HEX.upper(), 8))}


def handle(method, path, headers, body):
    if (method, path) != ("GET", "/rest/api/3/myself"):
        return not_found()
    pair = basic(headers)
    if pair in LIVE:
        return answer(200, {"accountId": "5b10ac8d82e05b22cc7d4ef5", "accountType": "atlassian",
                            "emailAddress": pair[0], "displayName": LIVE[pair]["name"], "active": True})
    if pair in LIMITED:
        return limited({"errorMessages": ["Rate limit exceeded."]})
    return text(401, "Client must be authenticated to access this resource.")
