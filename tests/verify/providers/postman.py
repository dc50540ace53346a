# SPDX-License-Identifier: Apache-2.0
"""Postman: GET https://api.getpostman.com/me, X-Api-Key: <key>. API document:
https://learning.postman.com/docs/developer/postman-api/ and the reference
https://learning.postman.com/api-docs/api-reference/users/get-authenticated-user (200
{"user": {...}}; 401 {"error": {"name": "AuthenticationError"}}; 429 rateLimited)."""
import os, sys
sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
from provlib import *  # noqa: E402,F401,F403

HOSTS = ["api.getpostman.com"]
LIVE = {"PMAK-" + tok("pm-live-a", HEX, 24) + "-" + tok("pm-live-b", HEX, 34): {"username": "acme-ci"}}
LIMITED = {"PMAK-" + tok("pm-lim-a", HEX, 24) + "-" + tok("pm-lim-b", HEX, 34)}


def handle(method, path, headers, body):
    if (method, path) != ("GET", "/me"):
        return not_found()
    k = hget(headers, "X-Api-Key")
    if k in LIVE:
        return answer(200, {"user": {"id": 12345678, "username": LIVE[k]["username"],
                                     "email": "ci@acme.example", "fullName": "Acme CI", "isPublic": False}})
    if k in LIMITED:
        return limited({"error": "rateLimited", "message": "Rate limit exceeded. Please retry after 30 seconds."})
    return answer(401, {"error": {"name": "AuthenticationError",
                                  "message": "Invalid API Key. Every request requires a valid API Key to be sent."}})
