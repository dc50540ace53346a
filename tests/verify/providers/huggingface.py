# SPDX-License-Identifier: Apache-2.0
"""Hugging Face: GET https://huggingface.co/api/whoami-v2, Authorization: Bearer <token>.
API document: https://huggingface.co/docs/huggingface_hub/package_reference/hf_api#huggingface_hub.HfApi.whoami
(the Hub's whoami-v2; 401 for a token the Hub does not know; 429 when rate limited:
https://huggingface.co/docs/hub/rate-limits)."""
import os, sys
sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
from provlib import *  # noqa: E402,F401,F403

HOSTS = ["huggingface.co"]
LIVE = {"hf_" + tok("hf-live", LETTERS, 34): {"name": "acme-ml", "role": "read"}}
LIMITED = {"hf_" + tok("hf-limited", LETTERS, 34)}


def handle(method, path, headers, body):
    if (method, path) != ("GET", "/api/whoami-v2"):
        return not_found()
    t = bearer(headers)
    if t in LIVE:
        who = LIVE[t]
        return answer(200, {"type": "user", "id": "65a1f0c2e4b0d1a2b3c4d5e6", "name": who["name"],
                            "fullname": "Acme ML", "auth": {"type": "access_token", "accessToken": {
                                "displayName": "ci", "role": who["role"]}}})
    if t in LIMITED:
        return limited({"error": "Too many requests"})
    return answer(401, {"error": "Invalid credentials in Authorization header"})
