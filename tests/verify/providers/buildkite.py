# SPDX-License-Identifier: Apache-2.0
"""Buildkite: GET https://api.buildkite.com/v2/access-token, Authorization: Bearer <token>:
the token's own details and scopes. API document:
https://buildkite.com/docs/apis/rest-api/access-token (200 {"uuid", "scopes"}); 401
"Authentication required" (https://buildkite.com/docs/apis/rest-api#authentication); 429
(https://buildkite.com/docs/apis/rest-api/limits)."""
import os, sys
sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
from provlib import *  # noqa: E402,F401,F403

HOSTS = ["api.buildkite.com"]
LIVE = {"bkua_" + tok("buildkite-live", HEX, 40): {"scopes": ["read_builds", "read_pipelines"]}}
LIMITED = {"bkua_" + tok("buildkite-limited", HEX, 40)}
handle = simple("GET", "/v2/access-token", bearer, LIVE, LIMITED,
                lambda w: {"uuid": "b63254c0-3271-4a98-8270-7cfbd6c2f14e", "scopes": w["scopes"]},
                401, {"message": "Authentication required. Please supply a valid API Access Token: "
                                 "https://buildkite.com/docs/apis/rest-api#authentication"},
                {"message": "You have exceeded your rate limit"})
