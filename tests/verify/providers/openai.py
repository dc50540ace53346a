# SPDX-License-Identifier: Apache-2.0
"""OpenAI: GET https://api.openai.com/v1/models, Authorization: Bearer <key>.
API document: https://platform.openai.com/docs/api-reference/models/list (list models, a
read); errors: https://platform.openai.com/docs/guides/error-codes/api-errors (401
invalid_api_key, 429 rate_limit_exceeded)."""
import os, sys
sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
from provlib import *  # noqa: E402,F401,F403

HOSTS = ["api.openai.com"]
LIVE = {"sk-proj-" + tok("openai-live-a", ALNUM, 74) + "T3BlbkFJ" + tok("openai-live-b", ALNUM, 74):
        {"owner": "acme-ci"}}
LIMITED = {"sk-proj-" + tok("openai-limited-a", ALNUM, 74) + "T3BlbkFJ" + tok("openai-limited-b", ALNUM, 74)}


def handle(method, path, headers, body):
    if (method, path) != ("GET", "/v1/models"):
        return not_found()
    key = bearer(headers)
    if key in LIVE:
        return answer(200, {"object": "list", "data": [
            {"id": "gpt-4o-mini", "object": "model", "created": 1721172741, "owned_by": "system"}]})
    if key in LIMITED:
        return limited({"error": {"message": "Rate limit reached for requests", "type": "requests",
                                  "param": None, "code": "rate_limit_exceeded"}})
    return answer(401, {"error": {"message": "Incorrect API key provided: sk-proj-****. You can find "
                                  "your API key at https://platform.openai.com/account/api-keys.",
                                  "type": "invalid_request_error", "param": None,
                                  "code": "invalid_api_key"}})
