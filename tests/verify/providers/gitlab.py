# SPDX-License-Identifier: Apache-2.0
"""GitLab.com's REST API as documented ("LiVe" in a token: live; "RaTe": rate-limited).
  GET /api/v4/personal_access_tokens/self:
    https://docs.gitlab.com/api/personal_access_tokens/#get-details-on-a-personal-access-token
  POST /api/v4/runners/verify (200 valid, 403 invalid):
    https://docs.gitlab.com/api/runners/#verify-authentication-for-a-registered-runner
  429 with Retry-After: https://docs.gitlab.com/security/rate_limits/"""
import json
from urllib.parse import parse_qs

HOSTS = ["gitlab.com"]
JSON = {"Content-Type": "application/json"}


def handle(method, path, headers, body):
    if path == "/api/v4/personal_access_tokens/self" and method == "GET":
        t = headers.get("private-token", "")
        if "RaTe" in t:
            return 429, dict(JSON, **{"Retry-After": "60"}), b'{"message":"Retry later"}'
        if "LiVe" in t:
            return 200, JSON, json.dumps({"id": 4, "name": "ci", "revoked": False, "active": True,
                                          "scopes": ["api", "read_repository"], "user_id": 42}).encode()
        return 401, JSON, b'{"message":"401 Unauthorized"}'
    if path == "/api/v4/runners/verify" and method == "POST":
        t = parse_qs(body.decode()).get("token", [""])[0]
        if "LiVe" in t:
            return 200, JSON, b'{"id":7,"token":"redacted","token_expires_at":null}'
        return 403, JSON, b'{"message":"403 Forbidden"}'
    return 404, JSON, b'{"message":"404 Not Found"}'
