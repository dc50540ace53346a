# SPDX-License-Identifier: Apache-2.0
"""Anthropic: GET https://api.anthropic.com/v1/models, x-api-key: <key>,
anthropic-version: 2023-06-01. API document: https://docs.anthropic.com/en/api/models-list;
errors: https://docs.anthropic.com/en/api/errors (401 authentication_error, 429
rate_limit_error with retry-after)."""
import os, sys
sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
from provlib import *  # noqa: E402,F401,F403

HOSTS = ["api.anthropic.com"]
LIVE = {"sk-ant-api03-" + tok("anthropic-live", URLSAFE, 93) + "AA": {"owner": "acme"}}
LIMITED = {"sk-ant-api03-" + tok("anthropic-limited", URLSAFE, 93) + "AA"}


def handle(method, path, headers, body):
    if (method, path) != ("GET", "/v1/models"):
        return not_found()
    if not hget(headers, "anthropic-version"):
        return answer(400, {"type": "error", "error": {"type": "invalid_request_error",
                                                       "message": "anthropic-version: header is required"}})
    key = hget(headers, "x-api-key")
    if key in LIVE:
        return answer(200, {"data": [{"type": "model", "id": "claude-sonnet-4-20250514",
                                      "display_name": "Claude Sonnet 4", "created_at": "2025-05-22T00:00:00Z"}],
                            "has_more": False, "first_id": "claude-sonnet-4-20250514",
                            "last_id": "claude-sonnet-4-20250514"})
    if key in LIMITED:
        return limited({"type": "error", "error": {"type": "rate_limit_error",
                                                   "message": "Number of requests has exceeded your rate limit"}})
    return answer(401, {"type": "error", "error": {"type": "authentication_error", "message": "invalid x-api-key"}})
