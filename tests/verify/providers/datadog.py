# SPDX-License-Identifier: Apache-2.0
"""Datadog: GET https://api.datadoghq.com/api/v1/validate, DD-API-KEY: <key>. API
document: https://docs.datadoghq.com/api/latest/authentication/#validate-api-key (200
{"valid": true}; 403 {"errors": ["Forbidden"]}; 429 "Too many requests",
https://docs.datadoghq.com/api/latest/rate-limits/)."""
import os, sys
sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
from provlib import *  # noqa: E402,F401,F403

HOSTS = ["api.datadoghq.com", "api.datadoghq.eu", "api.us3.datadoghq.com", "api.us5.datadoghq.com"]
LIVE = {tok("dd-live", HEX, 32): {}}
LIMITED = {tok("dd-limited", HEX, 32)}


def handle(method, path, headers, body):
    if (method, path) != ("GET", "/api/v1/validate"):
        return not_found()
    k = hget(headers, "DD-API-KEY")
    if k in LIVE:
        return answer(200, {"valid": True})
    if k in LIMITED:
        return limited({"errors": ["Too many requests"]}, "10")
    return answer(403, {"errors": ["Forbidden"]})
