# SPDX-License-Identifier: Apache-2.0
"""SendGrid: GET https://api.sendgrid.com/v3/scopes, Authorization: Bearer <key>.
API document: https://www.twilio.com/docs/sendgrid/api-reference/api-key-permissions/retrieve-a-list-of-scopes-for-which-this-user-has-access
(200 {"scopes": [...]}; 401 {"errors": [{"message": "authorization required"}]});
rate limits: https://www.twilio.com/docs/sendgrid/api-reference/how-to-use-the-sendgrid-v3-api/rate-limits (429)."""
import os, sys
sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
from provlib import *  # noqa: E402,F401,F403

HOSTS = ["api.sendgrid.com"]
LIVE = {"SG." + tok("sg-live-a", URLSAFE, 22) + "." + tok("sg-live-b", URLSAFE, 43): {"scopes": ["mail.send"]}}
LIMITED = {"SG." + tok("sg-limited-a", URLSAFE, 22) + "." + tok("sg-limited-b", URLSAFE, 43)}


def handle(method, path, headers, body):
    if (method, path) != ("GET", "/v3/scopes"):
        return not_found()
    k = bearer(headers)
    if k in LIVE:
        return answer(200, {"scopes": LIVE[k]["scopes"]})
    if k in LIMITED:
        return limited({"errors": [{"field": None, "message": "too many requests"}]})
    return answer(401, {"errors": [{"field": None, "message": "authorization required"}]})
