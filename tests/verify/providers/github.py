# SPDX-License-Identifier: Apache-2.0
"""GitHub's REST API as documented (tokens containing "LiVe" are live, "RaTe" rate-limited,
others revoked).
  GET /user: https://docs.github.com/en/rest/users/users#get-the-authenticated-user
  GET /installation/repositories:
    https://docs.github.com/en/rest/apps/installations#list-repositories-accessible-to-the-app-installation
  401 "Bad credentials": https://docs.github.com/en/rest/overview/troubleshooting-the-rest-api
  rate limits (403/429 with retry-after):
    https://docs.github.com/en/rest/using-the-rest-api/rate-limits-for-the-rest-api"""
import json

HOSTS = ["api.github.com"]
JSON = {"Content-Type": "application/json; charset=utf-8"}


def token(headers):
    auth = headers.get("authorization", "")
    return auth.split(" ", 1)[1] if " " in auth else ""


def handle(method, path, headers, body):
    t = token(headers)
    if "RaTe" in t:
        return 429, dict(JSON, **{"Retry-After": "120", "X-RateLimit-Remaining": "0"}), \
            b'{"message":"API rate limit exceeded"}'
    if "LiVe" not in t:
        return 401, JSON, b'{"message":"Bad credentials","documentation_url":"https://docs.github.com/rest"}'
    if method == "GET" and path == "/user":
        if t.startswith("ghs_"):  # an installation token cannot read /user
            return 403, JSON, b'{"message":"Resource not accessible by integration"}'
        hdr = dict(JSON)
        if t.startswith("ghp_") or len(t) == 40:
            hdr["X-OAuth-Scopes"] = "repo, read:org"
        return 200, hdr, json.dumps({"login": "octocat", "id": 1, "type": "User"}).encode()
    if method == "GET" and path.startswith("/installation/repositories"):
        return 200, JSON, json.dumps({"total_count": 1, "repositories": [
            {"name": "hello", "owner": {"login": "acme"}}]}).encode()
    return 404, JSON, b'{"message":"Not Found"}'
