# SPDX-License-Identifier: Apache-2.0
"""Groq: GET https://api.groq.com/openai/v1/models, Authorization: Bearer <key>. API
document: https://console.groq.com/docs/api-reference#models-list (200 the models); errors
https://console.groq.com/docs/errors (401 invalid_api_key, 429 with retry-after)."""
import os, sys
sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
from provlib import *  # noqa: E402,F401,F403

HOSTS = ["api.groq.com"]
LIVE = {"gsk_" + tok("groq-live", ALNUM, 52): {}}
LIMITED = {"gsk_" + tok("groq-limited", ALNUM, 52)}
handle = simple("GET", "/openai/v1/models", bearer, LIVE, LIMITED,
                {"object": "list", "data": [{"id": "llama-3.1-8b-instant", "object": "model", "owned_by": "Meta"}]},
                401, {"error": {"message": "Invalid API Key", "type": "invalid_request_error",
                                "code": "invalid_api_key"}},
                {"error": {"message": "Rate limit reached", "type": "requests", "code": "rate_limit_exceeded"}})
