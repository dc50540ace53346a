# SPDX-License-Identifier: Apache-2.0
"""The npm registry as used by `npm whoami` ("LiVe" in a token: live; "RaTe": rate-limited).
  GET /-/whoami -> {"username": ...}: https://docs.npmjs.com/cli/v10/commands/npm-whoami
  (the registry's answer, as npm-registry-fetch reads it); 401 for an unknown token."""
import json

HOSTS = ["registry.npmjs.org"]
JSON = {"Content-Type": "application/json"}


def handle(method, path, headers, body):
    t = headers.get("authorization", "").split(" ", 1)[-1]
    if "RaTe" in t:
        return 429, dict(JSON, **{"Retry-After": "120"}), b'{"error":"Too Many Requests"}'
    if method == "GET" and path == "/-/whoami" and "LiVe" in t:
        return 200, JSON, json.dumps({"username": "npm-publisher"}).encode()
    return 401, JSON, b'{"error":"You must be logged in to do that"}'
