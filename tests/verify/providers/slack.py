# SPDX-License-Identifier: Apache-2.0
"""Slack as documented ("LiVe" in a token or webhook: live; "RaTe": rate-limited).
  POST /api/auth.test: https://api.slack.com/methods/auth.test (200 for every answer:
    {"ok": true, "user", "team", "url"...} or {"ok": false, "error": "invalid_auth"})
  Rate limits: 429 with Retry-After: https://api.slack.com/apis/rate-limits
  Incoming webhooks: https://api.slack.com/messaging/webhooks#handling_errors: a payload
    without text is 400 "no_text"; a revoked hook 403 "invalid_token"; a removed one 404 "no_service"."""
import json

HOSTS = ["slack.com", "hooks.slack.com"]
JSON = {"Content-Type": "application/json; charset=utf-8"}


def handle(method, path, headers, body):
    host = headers.get("host", "").split(":")[0]
    if host == "hooks.slack.com":
        if method != "POST" or not path.startswith("/services/"):
            return 404, {"Content-Type": "text/html"}, b"no_service"
        if "RaTe" in path:
            return 429, {"Retry-After": "120"}, b"rate_limited"
        if "LiVe" not in path:
            return 403, {"Content-Type": "text/html"}, b"invalid_token"
        if json.loads(body or b"{}").get("text"):
            return 200, {"Content-Type": "text/html"}, b"ok"  # a message would have been posted
        return 400, {"Content-Type": "text/html"}, b"no_text"
    if path == "/api/auth.test" and method == "POST":
        t = headers.get("authorization", "").split(" ", 1)[-1]
        if "RaTe" in t:
            return 429, dict(JSON, **{"Retry-After": "120"}), b'{"ok":false,"error":"ratelimited"}'
        if "LiVe" in t:
            return 200, dict(JSON, **{"X-OAuth-Scopes": "chat:write,channels:read"}), json.dumps(
                {"ok": True, "url": "https://acme.slack.com/", "team": "Acme", "user": "deploybot",
                 "team_id": "T12345", "user_id": "U12345"}).encode()
        return 200, JSON, b'{"ok":false,"error":"invalid_auth"}'
    return 404, JSON, b'{"ok":false,"error":"unknown_method"}'
