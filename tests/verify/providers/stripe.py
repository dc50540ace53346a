# SPDX-License-Identifier: Apache-2.0
"""Stripe as documented ("LiVe" in a key: live; "NoPe": a restricted key without the
permission; "RaTe": rate-limited).
  GET /v1/account: https://docs.stripe.com/api/accounts/retrieve
  401/403/429: https://docs.stripe.com/error-codes, https://docs.stripe.com/rate-limits"""
import json

HOSTS = ["api.stripe.com"]
JSON = {"Content-Type": "application/json"}


def handle(method, path, headers, body):
    t = headers.get("authorization", "").split(" ", 1)[-1]
    if "RaTe" in t:
        return 429, dict(JSON, **{"Retry-After": "120"}), b'{"error":{"type":"rate_limit_error"}}'
    if "NoPe" in t:
        return 403, JSON, json.dumps({"error": {"type": "invalid_request_error", "message":
                                                "The provided key does not have the required permissions"}}).encode()
    if "LiVe" not in t:
        return 401, JSON, json.dumps({"error": {"type": "invalid_request_error", "message":
                                                "Invalid API Key provided: sk_live_****"}}).encode()
    if method == "GET" and path == "/v1/account":
        return 200, JSON, json.dumps({"id": "acct_1Acme", "object": "account",
                                      "settings": {"dashboard": {"display_name": "Acme"}}}).encode()
    return 404, JSON, b'{"error":{"type":"invalid_request_error"}}'
